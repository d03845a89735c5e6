import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import { namedEntries } from "../template/names";
import { intrinsicName, USER_GUIDE } from "../template-index";

export const outputRequired: Rule = {
  id: "E6002",
  severity: "error",
  shortDescription: "Outputs have a Value, and exports a Name",
  description: "Every output must have a Value; an Export must have a Name.",
  source: `${USER_GUIDE}/outputs-section-structure.html`,
  tags: ["outputs"],
  check({ template, report }) {
    for (const output of namedEntries(template.outputs)) {
      const body = output.value;
      if (body.kind !== "map") continue;
      const path = ["Outputs", output.key];
      if (!mapGet(body, "Value")) {
        report(
          output.keyRange,
          `Output ${output.key} has no Value; add the value to output (e.g. "Value: !Ref Bucket")`,
          { path },
        );
      }
      const exported = mapGet(body, "Export");
      if (
        exported?.value.kind === "map" &&
        !intrinsicName(exported.value) &&
        !mapGet(exported.value, "Name")
      ) {
        report(
          exported.keyRange,
          `Output ${output.key}: Export has no Name; add the name other stacks import it by`,
          {
            path: [...path, "Export"],
          },
        );
      }
    }
  },
};
