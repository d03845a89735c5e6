import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import {
  branchesText,
  branchValues,
  heldTogether,
  holderCondition,
  type Known,
  madeKnown,
} from "../conditions/logic";
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
    "Export names must be unique in a Region, so two outputs of one template cannot export the same name. A name " +
    "a Fn::If chooses is compared branch by branch; outputs under unrelated Conditions, which may never be made " +
    "together, are left alone.",
  source: `${USER_GUIDE}/outputs-section-structure.html`,
  tags: ["outputs"],
  check({ template, report }) {
    const seen = new Map<string, { output: string; known: Known; own: number }[]>();
    for (const output of namedEntries(template.outputs)) {
      const name = mapGet(mapGet(output.value, "Export")?.value, "Name")?.value;
      if (!name) continue;
      const own = madeKnown(template, holderCondition(template, "Outputs", output.key));
      if (!own) continue;
      for (const branch of branchValues(template, name, own)) {
        const key = exportKey(branch.node);
        if (key === undefined) continue;
        const earlier = seen.get(key) ?? [];
        const first = earlier.find(
          (other) => other.output !== output.key && heldTogether(template, branch.known, other.known),
        );
        earlier.push({ output: output.key, known: branch.known, own: own.true.length });
        seen.set(key, earlier);
        if (first === undefined) continue;
        // Where the two meet: the branches of either that lead to the name.
        const where = new Set([
          branchesText(branch.known, own.true.length),
          branchesText(first.known, first.own),
        ]);
        report(
          branch.node,
          `Output ${output.key} exports the same name as output ${first.output}${[...where].filter(Boolean).join(" and")}; export names must be unique`,
          { path: ["Outputs", output.key, "Export", "Name"] },
        );
      }
    }
  },
};
