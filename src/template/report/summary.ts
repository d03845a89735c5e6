/**
 * The validate job summary: totals, then a table of findings per file. GitHub rejects a summary
 * over 1 MiB, so rows stop at a byte budget and a closing line counts what was left out.
 */
import type { Finding } from "../model";
import { countFindings } from "./counts";
import { byteLength, code, SUMMARY_LIMIT_BYTES, text } from "./markdown";

const ICON = { error: "❌", warning: "⚠️", informational: "ℹ️" } as const;

export function renderValidateSummary(
  files: readonly string[],
  findings: readonly Finding[],
  budget: number = SUMMARY_LIMIT_BYTES,
): string {
  const counts = countFindings(findings);
  const head = [
    "## CloudFormation validation",
    "",
    `${files.length} ${files.length === 1 ? "template" : "templates"} checked: ` +
      `**${counts.errors}** ${counts.errors === 1 ? "error" : "errors"}, ` +
      `**${counts.warnings}** ${counts.warnings === 1 ? "warning" : "warnings"}` +
      (counts.informational ? `, ${counts.informational} informational` : "") +
      ".",
    "",
  ].join("\n");
  const parts = [head];
  let used = byteLength(head);
  let shown = 0;
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byFile.get(f.file) ?? [];
    list.push(f);
    byFile.set(f.file, list);
  }
  // Room for the closing "left out" line.
  const reserve = 200;
  outer: for (const [file, list] of byFile) {
    const tableHead = `\n### ${code(file)}\n\n| | Line | Column | Rule | Message |\n|---|---:|---:|---|---|\n`;
    if (used + byteLength(tableHead) + reserve > budget) break;
    parts.push(tableHead);
    used += byteLength(tableHead);
    for (const f of list) {
      const row = `| ${ICON[f.severity]} | ${f.range.start.line} | ${f.range.start.column} | ${f.ruleId} | ${text(f.message)} |\n`;
      if (used + byteLength(row) + reserve > budget) break outer;
      parts.push(row);
      used += byteLength(row);
      shown++;
    }
  }
  if (shown < findings.length) {
    parts.push(
      `\n${findings.length - shown} more ${findings.length - shown === 1 ? "finding is" : "findings are"} not shown here to stay under GitHub's summary size limit; the step log and the SARIF file list every finding.\n`,
    );
  }
  return parts.join("");
}
