import type { Rule } from "../rule";
import { checkAlphanumeric, namedEntries } from "../template/names";
import { intrinsicName, isUnknownItemCopy, USER_GUIDE } from "../template-index";

const OUTPUT_KEYS = ["Value", "Description", "Export", "Condition"];

export const outputConfiguration: Rule = {
  id: "E6001",
  severity: "error",
  shortDescription: "Outputs have alphanumeric ids and only known attributes",
  description:
    "Each output's logical id is alphanumeric; an output holds only Value, Description, Export and Condition, and an Export only Name.",
  source: `${USER_GUIDE}/outputs-section-structure.html`,
  tags: ["outputs"],
  check({ template, report }) {
    for (const output of namedEntries(template.outputs)) {
      const name = output.key;
      const path = ["Outputs", name];
      checkAlphanumeric(output, "Output logical id", path, report, isUnknownItemCopy(template, output));
      if (output.value.kind !== "map") continue;
      for (const entry of output.value.entries) {
        if (!OUTPUT_KEYS.includes(entry.key)) {
          report(
            entry.keyRange,
            `Output ${name} has an unknown attribute "${entry.key}"; allowed: ${OUTPUT_KEYS.join(", ")}`,
            {
              path: [...path, entry.key],
            },
          );
        } else if (entry.key === "Export" && entry.value.kind === "map" && !intrinsicName(entry.value)) {
          for (const exportEntry of entry.value.entries) {
            if (exportEntry.key === "Name") continue;
            report(exportEntry.keyRange, `Output ${name}: Export takes only Name, not "${exportEntry.key}"`, {
              path: [...path, "Export", exportEntry.key],
            });
          }
        }
      }
    }
  },
};
