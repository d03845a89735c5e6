import type { Rule } from "../rule";
import { hasOpaqueTransform, namedEntries } from "../template/names";
import { USER_GUIDE } from "../template-index";

export const mappingUsed: Rule = {
  id: "W7001",
  severity: "warning",
  shortDescription: "Mappings are used",
  description: "A mapping no Fn::FindInMap reads is dead weight in the template.",
  source: `${USER_GUIDE}/mappings-section-structure.html`,
  tags: ["mappings"],
  check({ template, report }) {
    if (template.mappings.size === 0 || hasOpaqueTransform(template)) return;
    const used = new Set<string>();
    const refs = template.references;
    // Indexed: in code that runs once per process an array iterator costs an object per step.
    for (let i = 0; i < refs.length; i++) if (refs[i].kind === "FindInMap") used.add(refs[i].target);
    for (const mapping of namedEntries(template.mappings)) {
      if (used.has(mapping.key)) continue;
      report(
        mapping.keyRange,
        `Mapping ${mapping.key} is never used: no Fn::FindInMap reads it. Remove it or use it`,
        {
          path: ["Mappings", mapping.key],
        },
      );
    }
  },
};
