/** Plain-text and JSON renderings of findings for the command line. */
import type { Finding } from "../model";

/** `template.yaml:12:7 E3002 Unknown property ...`, one line per finding. */
export function renderText(findings: readonly Finding[]): string {
  return findings
    .map((f) => `${f.file}:${f.range.start.line}:${f.range.start.column} ${f.ruleId} ${f.message}`)
    .join("\n");
}

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  severity: Finding["severity"];
  message: string;
  path?: (string | number)[];
}

export function toJsonFinding(f: Finding): JsonFinding {
  return {
    file: f.file,
    line: f.range.start.line,
    column: f.range.start.column,
    endLine: f.range.end.line,
    endColumn: f.range.end.column,
    rule: f.ruleId,
    severity: f.severity,
    message: f.message,
    ...(f.path ? { path: f.path } : {}),
  };
}

/** One JSON array with an object per finding. */
export function renderJson(findings: readonly Finding[]): string {
  return JSON.stringify(findings.map(toJsonFinding), null, 2);
}
