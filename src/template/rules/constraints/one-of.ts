import { constraintRule } from "./rule";

export const oneOfProperties = constraintRule("oneOf", {
  id: "E3018",
  shortDescription: "Only one of mutually exclusive properties is set",
  description:
    "Where the resource provider schema allows exactly one of a set of properties (oneOf), no more than one may " +
    "be set. A missing one is reported by E3003.",
  tags: ["resources", "properties", "oneOf"],
});
