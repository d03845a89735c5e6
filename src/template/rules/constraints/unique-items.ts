import { constraintRule } from "./rule";

export const uniqueItems = constraintRule("unique", {
  id: "E3037",
  shortDescription: "Lists that must not repeat an item, or an item's name, do not",
  description:
    "Where the resource provider schema sets uniqueItems, each item of the list must differ from the others " +
    "(scalars compare as the strings CloudFormation sees); where cfn-lint's schemas set uniqueKeys, no two items " +
    "share the values at those keys (a pipeline's stage names, a stage's action names, a container's environment " +
    "variable names, a table's attribute names).",
  tags: ["resources", "properties", "list", "unique"],
});
