import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import { namedEntries } from "../template/names";
import { isLiteralCollection } from "../template/scalars";
import { USER_GUIDE } from "../template-index";

export const outputExportName: Rule = {
  id: "E6102",
  severity: "error",
  shortDescription: "Export names are strings",
  description:
    "An output's Export Name must be a string or an intrinsic function (Fn::Sub, Fn::Join, ...) that returns one.",
  source: `${USER_GUIDE}/outputs-section-structure.html`,
  tags: ["outputs"],
  check({ template, report }) {
    for (const output of namedEntries(template.outputs)) {
      const name = mapGet(mapGet(output.value, "Export")?.value, "Name")?.value;
      if (!name) continue;
      if (
        isLiteralCollection(name) ||
        (name.kind === "scalar" && (name.value === null || name.value === ""))
      ) {
        report(
          name,
          `Output ${output.key}: Export Name must be a non-empty string, or Fn::Sub/Fn::Join that builds one`,
          {
            path: ["Outputs", output.key, "Export", "Name"],
          },
        );
      }
    }
  },
};
