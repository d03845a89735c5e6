import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import { holderCondition, madeTogether, madeWhen } from "../conditions/logic";
import type { Rule } from "../rule";
import { namedEntries } from "../template/names";
import { intrinsicName, isString, USER_GUIDE } from "../template-index";

/** A key equal for export names that always resolve to the same text, undefined otherwise. */
function exportKey(node: Node): string | undefined {
  if (node.kind === "scalar" && node.value !== null) return `=${String(node.value)}`;
  if (intrinsicName(node) === "Fn::Sub" && node.kind === "map" && isString(node.entries[0].value)) {
    return `sub:${node.entries[0].value.value}`;
  }
  return undefined;
}

export const outputExportUnique: Rule = {
  id: "E6006",
  severity: "error",
  shortDescription: "Export names are unique",
  description:
    "Export names must be unique in a Region, so two outputs of one template cannot export the same name (outputs " +
    "under two different Conditions, which may never be made together, are left alone).",
  source: `${USER_GUIDE}/outputs-section-structure.html`,
  tags: ["outputs"],
  check({ template, report }) {
    const seen = new Map<string, { output: string; when: string }[]>();
    for (const output of namedEntries(template.outputs)) {
      const name = mapGet(mapGet(output.value, "Export")?.value, "Name")?.value;
      const key = name && exportKey(name);
      if (!name || !key) continue;
      const when = madeWhen(template, holderCondition(template, "Outputs", output.key));
      const earlier = seen.get(key) ?? [];
      const first = earlier.find((other) => madeTogether(when, other.when))?.output;
      earlier.push({ output: output.key, when });
      seen.set(key, earlier);
      if (first === undefined) continue;
      report(
        name,
        `Output ${output.key} exports the same name as output ${first}; export names must be unique`,
        {
          path: ["Outputs", output.key, "Export", "Name"],
        },
      );
    }
  },
};
