import type { Rule } from "../rule";
import { checkConditionList } from "./condition-list";
import { CONDITION_FUNCTIONS_PAGE } from "./walk";

export const conditionOr: Rule = {
  id: "E8006",
  severity: "error",
  shortDescription: "Fn::Or takes 2 to 10 conditions",
  description:
    "Fn::Or takes a list of 2 to 10 conditions, each a condition function or a Condition reference.",
  source: CONDITION_FUNCTIONS_PAGE,
  tags: ["conditions"],
  check(input) {
    checkConditionList(input, "Fn::Or", 2, 10, "2 to 10 conditions");
  },
};
