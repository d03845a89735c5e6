import { constraintRule } from "./rule";

export const pattern = constraintRule("pattern", {
  id: "E3031",
  shortDescription: "Strings match the property's pattern",
  description:
    "String property values must match the regular expression the resource provider schema gives. Patterns that " +
    "JavaScript cannot express the same way are not checked (npm run spec lists them).",
  tags: ["resources", "properties", "pattern"],
});
