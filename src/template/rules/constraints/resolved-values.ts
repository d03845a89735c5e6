/**
 * Values that Fn::Sub, Fn::Join, Fn::FindInMap and Fn::Select give, worked out from the template
 * (functions/resolve.ts) and judged against the property's constraints as a written value is (E3030 to
 * E3034). Warnings: a parameter's Default may be overridden, and a pseudo parameter is tried with
 * values of its form rather than the stack's own.
 */
import { constraintRule } from "./rule";

const JUDGED =
  "judged against the property's constraints (E3030 to E3034) where the template gives the value: " +
  "literal text, a parameter's Default or AllowedValues, a mapping's entries, and the form of AWS::Region, " +
  "AWS::AccountId, AWS::Partition and AWS::URLSuffix; text known only at deploy (a resource's name, the " +
  "stack's name) counts only towards a length already too long.";

export const subValues = constraintRule("sub", {
  id: "W1031",
  severity: "warning",
  shortDescription: "The text a Fn::Sub gives fits the property",
  description: `The text a Fn::Sub gives is ${JUDGED}`,
  tags: ["functions", "sub", "resources", "properties"],
});

export const joinValues = constraintRule("join", {
  id: "W1032",
  severity: "warning",
  shortDescription: "The text a Fn::Join gives fits the property",
  description: `The text a Fn::Join gives is ${JUDGED}`,
  tags: ["functions", "join", "resources", "properties"],
});

export const findInMapValues = constraintRule("findInMap", {
  id: "W1034",
  severity: "warning",
  shortDescription: "The values a Fn::FindInMap gives fit the property",
  description: `Each value a Fn::FindInMap can give (every entry, when a key is AWS::Region or the like) is ${JUDGED}`,
  tags: ["functions", "findinmap", "resources", "properties"],
});

export const selectValues = constraintRule("select", {
  id: "W1035",
  severity: "warning",
  shortDescription: "The value a Fn::Select gives fits the property",
  description: `The item a Fn::Select picks from a written list (or a Fn::Split of known text) is ${JUDGED}`,
  tags: ["functions", "select", "resources", "properties"],
});
