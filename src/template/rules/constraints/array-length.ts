import { constraintRule } from "./rule";

export const arrayLength = constraintRule("items", {
  id: "E3032",
  shortDescription: "Lists have the number of items the property allows",
  description:
    "A list property must have between minItems and maxItems items, as the resource provider schema says, also " +
    "where the items whose Fn::If adds or leaves them out under one condition the resource may be made under " +
    "take the list past a limit; items that different conditions choose are not added up.",
  tags: ["resources", "properties", "list", "length"],
});
