import { placeholderPattern } from "../functions/calls";
import type { Rule } from "../rule";
import { hasOpaqueTransform, namedEntries } from "../template/names";
import { isTemplated } from "../template-index";
import { CONDITIONS_PAGE } from "./walk";

export const conditionUsed: Rule = {
  id: "W8001",
  severity: "warning",
  shortDescription: "Conditions are used",
  description: "A condition no resource, output, Fn::If or other condition refers to has no effect.",
  source: CONDITIONS_PAGE,
  tags: ["conditions"],
  check({ template, report }) {
    if (template.conditions.size === 0 || hasOpaqueTransform(template)) return;
    const used = new Set<string>();
    // A name with a loop's placeholders (a copy made with an item only the deploy knows) uses
    // every condition it can give.
    const patterns: RegExp[] = [];
    const refs = template.references;
    // Indexed: in code that runs once per process an array iterator costs an object per step.
    for (let i = 0; i < refs.length; i++) {
      if (refs[i].kind !== "Condition") continue;
      used.add(refs[i].target);
      if (isTemplated(refs[i].target)) patterns.push(placeholderPattern(refs[i].target));
    }
    for (const entry of namedEntries(template.conditions)) {
      if (used.has(entry.key) || patterns.some((pattern) => pattern.test(entry.key))) continue;
      report(
        entry.keyRange,
        `Condition ${entry.key} is never used by a resource, output, Fn::If or other condition. Remove it or use it`,
        {
          path: ["Conditions", entry.key],
        },
      );
    }
  },
};
