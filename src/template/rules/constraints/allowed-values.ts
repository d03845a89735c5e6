import { constraintRule } from "./rule";

export const allowedValues = constraintRule("enum", {
  id: "E3030",
  shortDescription: "Property values are among the allowed values",
  description:
    "A property whose resource provider schema lists its values (enum) must take one of them, such as a Lambda " +
    "Architectures item of x86_64 or arm64. Values given by intrinsic functions are not judged.",
  tags: ["resources", "properties", "allowed values"],
});
