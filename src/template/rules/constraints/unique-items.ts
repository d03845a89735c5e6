import { constraintRule } from "./rule";

export const uniqueItems = constraintRule("unique", {
  id: "E3037",
  shortDescription: "Lists that must not repeat an item do not",
  description:
    "Where the resource provider schema sets uniqueItems, each item of the list must differ from the others " +
    "(scalars compare as the strings CloudFormation sees).",
  tags: ["resources", "properties", "list", "unique"],
});
