/**
 * Findings as workflow annotations, one per finding. GitHub displays only the first few of each
 * level per step, which is why every finding also reaches the summary and SARIF.
 */
import type { Finding } from "../model";

export interface Annotation {
  level: "error" | "warning" | "notice";
  message: string;
  properties: {
    title: string;
    file: string;
    startLine: number;
    startColumn?: number;
    endLine: number;
    endColumn?: number;
  };
}

export function toAnnotation(f: Finding): Annotation {
  const singleLine = f.range.start.line === f.range.end.line;
  return {
    level: f.severity === "error" ? "error" : f.severity === "warning" ? "warning" : "notice",
    message: f.message,
    properties: {
      title: f.ruleId,
      file: f.file,
      startLine: f.range.start.line,
      endLine: f.range.end.line,
      // GitHub ignores columns on annotations that span lines.
      ...(singleLine ? { startColumn: f.range.start.column, endColumn: f.range.end.column } : {}),
    },
  };
}
