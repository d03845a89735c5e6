import { constraintRule } from "./rule";

export const anyOfValues = constraintRule("anyOfValue", {
  id: "E3017",
  shortDescription: "Values meet at least one of the property's alternatives",
  description:
    "Where the resource provider schema offers alternative forms for a value (anyOf), such as a list of names or " +
    "a pattern, the value must meet at least one of them.",
  tags: ["resources", "properties", "anyOf"],
});
