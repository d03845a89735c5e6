import { constraintRule } from "./rule";

export const dependentExcluded = constraintRule("dependentExcluded", {
  id: "E3020",
  shortDescription: "Properties that exclude others are not set with them",
  description:
    "When a property is set, the resource provider schema may forbid others beside it (dependentExcluded).",
  tags: ["resources", "properties", "dependencies"],
});
