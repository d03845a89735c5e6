import type { Rule } from "../rule";
import { checkConditionList } from "./condition-list";
import { CONDITION_FUNCTIONS_PAGE } from "./walk";

export const conditionNot: Rule = {
  id: "E8005",
  severity: "error",
  shortDescription: "Fn::Not takes one condition",
  description:
    "Fn::Not takes a list of exactly one condition, a condition function or a Condition reference.",
  source: CONDITION_FUNCTIONS_PAGE,
  tags: ["conditions"],
  check(input) {
    checkConditionList(input, "Fn::Not", 1, 1, "exactly one condition");
  },
};
