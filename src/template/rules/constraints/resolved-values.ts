/**
 * Values that Fn::Sub, Fn::Join, Fn::FindInMap and Fn::Select give, and the lists of Fn::Split,
 * worked out from the template (functions/resolve.ts) and judged against the property's constraints
 * as a written value is (E3030 to E3034). Warnings: a parameter's Default may be overridden, and a pseudo parameter is tried with
 * values of its form rather than the stack's own.
 */
import type { Rule } from "../rule";
import { constraintRule } from "./rule";
import type { ConstraintKind } from "./walk";

const JUDGED =
  "judged against the property's constraints (E3030 to E3034) where the template gives the value: " +
  "literal text, a parameter's Default or AllowedValues, a mapping's entries, and the form of AWS::Region, " +
  "AWS::AccountId, AWS::Partition and AWS::URLSuffix; text known only at deploy (a resource's name, the " +
  "stack's name) counts only towards a length already too long.";

/** The rule for one function's values: `what` it gives, as descriptions say it. */
function resolvedRule(kind: ConstraintKind, id: string, fn: string, what: string): Rule {
  return constraintRule(kind, {
    id,
    severity: "warning",
    shortDescription: `What a ${fn} gives fits the property`,
    description: `${what} is ${JUDGED}`,
    tags: ["functions", fn.slice(4).toLowerCase(), "resources", "properties"],
  });
}

export const subValues = resolvedRule("sub", "W1031", "Fn::Sub", "The text a Fn::Sub gives");
export const joinValues = resolvedRule("join", "W1032", "Fn::Join", "The text a Fn::Join gives");
export const findInMapValues = resolvedRule(
  "findInMap",
  "W1034",
  "Fn::FindInMap",
  "Each value a Fn::FindInMap can give (every Region's entry, when a key is AWS::Region)",
);
export const splitValues = resolvedRule(
  "split",
  "W1033",
  "Fn::Split",
  "The list a Fn::Split gives where the property takes a list (its number of items, and each item)",
);
export const selectValues = resolvedRule(
  "select",
  "W1035",
  "Fn::Select",
  "The item a Fn::Select picks from a written list (or a Fn::Split of known text)",
);
