import type { Rule } from "../rule";
import { USER_GUIDE } from "../template-index";
import { checkPolicy } from "./policies";

export const updateReplacePolicy: Rule = {
  id: "E3036",
  severity: "error",
  shortDescription: "UpdateReplacePolicy values are valid",
  description:
    "UpdateReplacePolicy is Delete or Retain, or Snapshot for the resource types that support snapshots.",
  source: `${USER_GUIDE}/aws-attribute-updatereplacepolicy.html`,
  tags: ["resources", "updatereplacepolicy"],
  check({ template, report }) {
    checkPolicy(template, report, "UpdateReplacePolicy", ["Delete", "Retain"]);
  },
};
