import { constraintRule } from "./rule";

export const arrayLength = constraintRule("items", {
  id: "E3032",
  shortDescription: "Lists have the number of items the property allows",
  description:
    "A list property must have between minItems and maxItems items, as the resource provider schema says. An " +
    "item that a condition may turn into AWS::NoValue counts toward the minimum but not the maximum.",
  tags: ["resources", "properties", "list", "length"],
});
