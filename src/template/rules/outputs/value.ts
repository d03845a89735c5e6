import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import { namedEntries } from "../template/names";
import { isLiteralCollection } from "../template/scalars";
import { USER_GUIDE } from "../template-index";

export const outputValue: Rule = {
  id: "E6101",
  severity: "error",
  shortDescription: "Output values are strings",
  description:
    "An output's Value must resolve to a string: a literal list or mapping is rejected (use Fn::Join for a list).",
  source: `${USER_GUIDE}/outputs-section-structure.html`,
  tags: ["outputs"],
  check({ template, report }) {
    for (const output of namedEntries(template.outputs)) {
      const value = mapGet(output.value, "Value")?.value;
      if (!value) continue;
      if (isLiteralCollection(value) || (value.kind === "scalar" && value.value === null)) {
        report(
          value,
          `Output ${output.key}: Value must be a string or an intrinsic function that returns one; join a list with Fn::Join`,
          { path: ["Outputs", output.key, "Value"] },
        );
      }
    }
  },
};
