import { mapGet } from "../../nodes";
import { attributeShape, parameterShape } from "../functions/shapes";
import type { Rule } from "../rule";
import { referenceTarget } from "../services/values";
import { namedEntries } from "../template/names";
import { isLiteralCollection } from "../template/scalars";
import { intrinsicName, USER_GUIDE } from "../template-index";

/** Functions that give a list, which an output's Value cannot be. */
const LIST_FUNCTIONS = new Set(["Fn::Split", "Fn::GetAZs", "Fn::Cidr"]);

export const outputValue: Rule = {
  id: "E6101",
  severity: "error",
  shortDescription: "Output values are strings",
  description:
    "An output's Value must resolve to a string: a literal list or mapping, a Ref to a list parameter, a " +
    "Fn::GetAtt of a list attribute or a function that gives a list (Fn::Split, Fn::GetAZs, Fn::Cidr) is " +
    "rejected (use Fn::Join for a list).",
  source: `${USER_GUIDE}/outputs-section-structure.html`,
  tags: ["outputs"],
  check({ template, spec, report }) {
    for (const output of namedEntries(template.outputs)) {
      const value = mapGet(output.value, "Value")?.value;
      if (!value) continue;
      if (isLiteralCollection(value) || (value.kind === "scalar" && value.value === null)) {
        report(
          value,
          `Output ${output.key}: Value must be a string or an intrinsic function that returns one; join a list with Fn::Join`,
          { path: ["Outputs", output.key, "Value"] },
        );
        continue;
      }
      const fn = intrinsicName(value);
      const target = referenceTarget(value);
      const listed = fn === "Ref" && target ? parameterShape(template.parameters, target.name) : undefined;
      const giver =
        listed?.shape === "list"
          ? `parameter '${target?.name}' (a ${listed.type})`
          : fn === "Fn::GetAtt" && attributeShape(template, spec, value) === "list"
            ? `Fn::GetAtt ${target?.name}.${target?.attribute}`
            : fn && LIST_FUNCTIONS.has(fn)
              ? fn
              : "";
      if (giver) {
        report(
          value,
          `Output ${output.key}: Value must be a string, and ${giver} gives a list; join it with Fn::Join (!Join [",", ...])`,
          {
            path: ["Outputs", output.key, "Value"],
          },
        );
      }
    }
  },
};
