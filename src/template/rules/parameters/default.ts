import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import { USER_GUIDE } from "../template-index";
import { listViolation } from "./declared";

function defaultText(node: Node): string | undefined {
  if (node.kind !== "scalar" || node.value === null) return undefined;
  return String(node.value);
}

export const parameterDefault: Rule = {
  id: "E2015",
  severity: "error",
  shortDescription: "A parameter's Default meets its own constraints",
  description:
    "The Default must be in AllowedValues, match AllowedPattern and respect MinLength, MaxLength, MinValue and MaxValue; for list types each comma-separated item is checked.",
  source: `${USER_GUIDE}/parameters-section-structure.html`,
  tags: ["parameters"],
  check({ template, report }) {
    for (const [name, parameter] of template.parameters) {
      const body = parameter.value;
      if (body.kind !== "map") continue;
      const defaultNode = mapGet(body, "Default")?.value;
      const text = defaultNode && defaultText(defaultNode);
      if (!defaultNode || text === undefined) continue;
      const problem = listViolation(text, body, (item) => `item "${item}"`);
      if (problem) {
        report(defaultNode, `Parameter ${name}: Default "${text}" ${problem}`, {
          path: ["Parameters", name, "Default"],
        });
      }
    }
  },
};
