import type { Rule } from "../rule";
import { hasOpaqueTransform } from "../template/names";
import { USER_GUIDE } from "../template-index";

export const parameterUsed: Rule = {
  id: "W2001",
  severity: "warning",
  shortDescription: "Parameters are used",
  description:
    "A parameter no Ref or Fn::Sub variable refers to (in any section, SAM Globals included) only adds a prompt with no effect.",
  source: `${USER_GUIDE}/parameters-section-structure.html`,
  tags: ["parameters"],
  check({ template, report }) {
    if (template.parameters.size === 0 || hasOpaqueTransform(template)) return;
    const used = new Set<string>();
    const refs = template.references;
    // Indexed: in code that runs once per process an array iterator costs an object per step.
    for (let i = 0; i < refs.length; i++) {
      const ref = refs[i];
      if (ref.kind === "Ref" || ref.kind === "Sub") used.add(ref.target);
    }
    for (const [name, parameter] of template.parameters) {
      if (used.has(name)) continue;
      report(
        parameter.keyRange,
        `Parameter ${name} is never used: no Ref or \${${name}} refers to it. Remove it or use it`,
        {
          path: ["Parameters", name],
        },
      );
    }
  },
};
