import type { Node } from "../../model";
import { callsOf } from "../functions/calls";
import { literalAllowedValues } from "../parameters/declared";
import type { Rule } from "../rule";
import { hasOpaqueTransform, namedEntries } from "../template/names";
import { intrinsicName, isString, type TemplateIndex, USER_GUIDE } from "../template-index";

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
    if (!addMappingsRead(template, used)) return;
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

/**
 * The mappings each Fn::FindInMap reads, added to `used`: the one it names, or where the name is
 * computed, any it may give: a Ref to a parameter with AllowedValues reads any of them
 * (`!FindInMap [!Ref Environment, ...]` with Environment one of dev, qa and prod reads all three).
 * False when a name cannot be bounded (a parameter without AllowedValues, a Fn::ForEach
 * identifier, another function): any mapping may then be read, and none is reported.
 */
function addMappingsRead(template: TemplateIndex, used: Set<string>): boolean {
  const calls = callsOf(template, "Fn::FindInMap");
  for (let i = 0; i < calls.length; i++) {
    const arg = calls[i].arg;
    const name = arg.kind === "seq" ? arg.items[0] : undefined;
    if (!name) continue;
    // Written out: in the references already, but for a call inside a Fn::ForEach loop whose
    // resources are known, which the references read through its copies, where the call may be
    // resolved away (loops.ts).
    if (isString(name)) {
      used.add(name.value);
      continue;
    }
    const allowed = allowedValuesOfRef(template, name);
    if (!allowed) return false;
    for (const value of allowed) used.add(value);
  }
  return true;
}

/** The AllowedValues of the parameter a Ref names (parameters/declared.ts), or undefined. */
function allowedValuesOfRef(template: TemplateIndex, node: Node): string[] | undefined {
  if (intrinsicName(node) !== "Ref" || node.kind !== "map") return undefined;
  const target = node.entries[0].value;
  return isString(target) ? literalAllowedValues(template.parameters.get(target.value)?.value) : undefined;
}
