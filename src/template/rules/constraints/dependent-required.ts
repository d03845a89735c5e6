import { constraintRule } from "./rule";

export const dependentRequired = constraintRule("dependentRequired", {
  id: "E3021",
  shortDescription: "Properties that need others have them",
  description:
    "When a property is set, the resource provider schema may require others with it (dependentRequired), such " +
    "as a security group's SecurityGroupEgress, which needs VpcId.",
  tags: ["resources", "properties", "dependencies"],
});
