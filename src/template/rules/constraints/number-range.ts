import { constraintRule } from "./rule";

export const numberRange = constraintRule("range", {
  id: "E3034",
  shortDescription: "Numbers are within the property's range",
  description:
    "Numeric property values must lie within the minimum and maximum of the resource provider schema, such as a " +
    "Lambda MemorySize of 128 to 32768 MB or an SQS MessageRetentionPeriod of at most 14 days.",
  tags: ["resources", "properties", "number", "range"],
});
