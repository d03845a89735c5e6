import { constraintRule } from "./rule";

export const requiredOr = constraintRule("requiredOr", {
  id: "E3058",
  shortDescription: "At least one of a set of properties is set",
  description:
    "Some resources need at least one property of a set (cfn-lint's requiredOr), such as an EventBridge rule's " +
    "EventPattern or ScheduleExpression, also where the Fn::If of each one set gives AWS::NoValue under one " +
    "condition the resource may be made under.",
  tags: ["resources", "properties", "required"],
});
