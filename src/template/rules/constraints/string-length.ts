import { constraintRule } from "./rule";

export const stringLength = constraintRule("length", {
  id: "E3033",
  shortDescription: "Strings are within the property's length limits",
  description:
    "String property values must be as long as the resource provider schema's minLength and maxLength allow, " +
    "counted in characters, such as a log group name of at most 512 characters.",
  tags: ["resources", "properties", "string", "length"],
});
