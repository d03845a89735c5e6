/** The shape every constraint rule shares: report the problems of one kind from the shared walk. */
import { type Rule, rangeOf } from "../rule";
import { type ConstraintKind, constraintProblems } from "./walk";

/** The resource provider schema keywords these rules check are described here. */
export const SCHEMA_GUIDE =
  "https://docs.aws.amazon.com/cloudformation-cli/latest/userguide/resource-type-schema.html";

export function constraintRule(
  kind: ConstraintKind,
  rule: Omit<Rule, "check" | "severity" | "source"> & { severity?: Rule["severity"]; source?: string },
): Rule {
  return {
    severity: "error",
    source: SCHEMA_GUIDE,
    ...rule,
    check({ template, spec, report }) {
      // One parameter value may be referred to from several places with the same outcome: one
      // finding per resource, so that a resource's suppression (suppressions.ts) keeps the
      // others; validate drops the repeats that are left. Made for the first problem of this
      // kind: a dozen rules share the list, most find none.
      let seen: Set<string> | undefined;
      const problems = constraintProblems(template, spec);
      for (let i = 0; i < problems.length; i++) {
        const problem = problems[i];
        if (problem.kind !== kind) continue;
        const range = rangeOf(problem.at);
        const key = `${range.start.line}:${range.start.column} ${problem.path?.[1] ?? ""} ${problem.message}`;
        seen ??= new Set();
        if (seen.has(key)) continue;
        seen.add(key);
        report(problem.at, problem.message, { path: problem.path });
      }
    },
  };
}
