import type { Rule } from "../rule";
import { namedEntries } from "../template/names";
import { isLoose, kindName } from "../template/scalars";
import { intrinsicName, USER_GUIDE } from "../template-index";

export const outputType: Rule = {
  id: "E6003",
  severity: "error",
  shortDescription: "Output attributes have the right types",
  description:
    "An output is a mapping; its Description and Condition are strings and its Export is a mapping with Name.",
  source: `${USER_GUIDE}/outputs-section-structure.html`,
  tags: ["outputs"],
  check({ template, report }) {
    for (const output of namedEntries(template.outputs)) {
      const name = output.key;
      const body = output.value;
      if (body.kind !== "map") {
        report(
          body,
          `Output ${name} must be a mapping with a Value (and optionally Description, Export, Condition)`,
          {
            path: ["Outputs", name],
          },
        );
        continue;
      }
      for (const { key, value } of body.entries) {
        const path = ["Outputs", name, key];
        if ((key === "Description" || key === "Condition") && !isLoose(value, "string")) {
          report(value, `Output ${name}: ${key} must be a literal string, not ${kindName(value)}`, { path });
        } else if (key === "Export" && (value.kind !== "map" || intrinsicName(value))) {
          report(
            value,
            `Output ${name}: Export must be a mapping with Name (e.g. "Export: { Name: !Sub \${AWS::StackName}-Url }")`,
            { path },
          );
        }
      }
    }
  },
};
