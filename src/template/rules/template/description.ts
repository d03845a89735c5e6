import type { Rule } from "../rule";
import { USER_GUIDE } from "../template-index";

export const templateDescription: Rule = {
  id: "E1004",
  severity: "error",
  shortDescription: "Template Description is a string",
  description: "The template's Description must be a literal string.",
  source: `${USER_GUIDE}/template-description-structure.html`,
  tags: ["description"],
  check({ template, report }) {
    const value = template.sections.get("Description")?.entry.value;
    if (value && (value.kind !== "scalar" || value.value === null)) {
      report(
        value,
        "Description must be a literal string (not empty, no lists, mappings or intrinsic functions)",
        {
          path: ["Description"],
        },
      );
    }
  },
};
