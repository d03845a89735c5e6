import type { Rule } from "../rule";
import { USER_GUIDE } from "../template-index";
import { checkPolicy } from "./policies";

export const deletionPolicy: Rule = {
  id: "E3035",
  severity: "error",
  shortDescription: "DeletionPolicy values are valid",
  description:
    "DeletionPolicy is Delete, Retain or RetainExceptOnCreate, or Snapshot for the resource types that support snapshots.",
  source: `${USER_GUIDE}/aws-attribute-deletionpolicy.html`,
  tags: ["resources", "deletionpolicy"],
  check({ template, report }) {
    checkPolicy(template, report, "DeletionPolicy", ["Delete", "Retain", "RetainExceptOnCreate"]);
  },
};
