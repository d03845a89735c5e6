import type { Finding, Severity } from "../model";

export interface FindingCounts {
  errors: number;
  warnings: number;
  informational: number;
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  const counts: FindingCounts = { errors: 0, warnings: 0, informational: 0 };
  for (const finding of findings) {
    if (finding.severity === "error") counts.errors++;
    else if (finding.severity === "warning") counts.warnings++;
    else counts.informational++;
  }
  return counts;
}

const RANK: Record<Severity, number> = { informational: 0, warning: 1, error: 2 };

/** Whether the findings fail a run with this fail-on threshold. */
export function failsOn(findings: readonly Finding[], failOn: "error" | "warning" | "never"): boolean {
  if (failOn === "never") return false;
  const threshold = RANK[failOn];
  return findings.some((finding) => RANK[finding.severity] >= threshold);
}
