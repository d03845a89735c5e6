import type { Rule } from "../rule";
import { USER_GUIDE } from "../template-index";
import { checkAlphanumeric, namedEntries } from "./names";

export const resourceLogicalIds: Rule = {
  id: "E3001",
  severity: "error",
  shortDescription: "Resource logical ids are alphanumeric",
  description: "A resource's logical id may contain only the letters A-Z and a-z and the digits 0-9.",
  source: `${USER_GUIDE}/resources-section-structure.html`,
  tags: ["resources"],
  check({ template, report }) {
    for (const entry of namedEntries(template.sections.get("Resources")?.items ?? new Map())) {
      checkAlphanumeric(entry, "Resource logical id", ["Resources", entry.key], report);
    }
  },
};
