/**
 * E3972 (a check cfn-lint does not have): a function's VpcConfig that gives subnets without
 * security groups, or security groups without subnets. Lambda refuses it: "SubnetIds and
 * SecurityIds must coexist or be both empty list" (InvalidParameterValueException of
 * CreateFunction and UpdateFunctionConfiguration). A side counts as missing when it is absent or
 * written as `[]`, and as given when it is a list written out with an item; a side a function or
 * parameter gives (a list only the deploy knows, maybe empty) is not judged. On a SAM function the
 * VpcConfig of Globals merges with the function's own, key by key, so a function that may inherit
 * one is left alone.
 */
import type { MapNode, Node } from "../../model";
import type { Rule } from "../rule";
import { inheritedGlobal, isAbsent, presentEntry, propertySets, resourcesOfType } from "./values";

const FUNCTIONS = ["AWS::Lambda::Function", "AWS::Serverless::Function"];
const SIDES = [
  { key: "SubnetIds", what: "subnets" },
  { key: "SecurityGroupIds", what: "security groups" },
] as const;

export const lambdaVpcSides: Rule = {
  id: "E3972",
  severity: "error",
  shortDescription: "A function's VpcConfig gives both subnets and security groups, or neither",
  description:
    "Lambda refuses a VpcConfig with SubnetIds but no SecurityGroupIds, or SecurityGroupIds but no SubnetIds " +
    '("SubnetIds and SecurityIds must coexist or be both empty list").',
  source: "https://docs.aws.amazon.com/lambda/latest/api/API_VpcConfig.html",
  tags: ["resources", "lambda", "serverless"],
  resourceTypes: FUNCTIONS,
  check({ template, report }) {
    for (const fn of resourcesOfType(template, ...FUNCTIONS)) {
      if (fn.type === "AWS::Serverless::Function" && inheritedGlobal(template, fn, "VpcConfig")) continue;
      for (const { properties } of propertySets(fn)) {
        const vpc = presentEntry(properties, "VpcConfig")?.value;
        if (vpc?.kind !== "map") continue;
        const [subnets, groups] = SIDES.map(({ key }) => side(vpc, key));
        if (
          subnets === "unknown" ||
          groups === "unknown" ||
          (subnets === "missing") === (groups === "missing")
        )
          continue;
        const [given, missing] = subnets === "missing" ? [SIDES[1], SIDES[0]] : [SIDES[0], SIDES[1]];
        const at = (subnets === "missing" ? groups : subnets) as Node;
        report(
          at,
          `The VpcConfig of function '${fn.name}' gives ${given.what} but no ${missing.what}, and Lambda refuses it ` +
            `("SubnetIds and SecurityIds must coexist or be both empty list"); add ${missing.key}, or remove ` +
            `${given.key} to leave the function outside a VPC`,
          { path: ["Resources", fn.name, "Properties", "VpcConfig", given.key] },
        );
      }
    }
  },
};

/** A side of a VpcConfig: missing (absent or `[]`), given (the list written out, with an item), or unknown. */
function side(vpc: MapNode, key: string): "missing" | "unknown" | Node {
  if (isAbsent(vpc, key)) return "missing";
  const value = presentEntry(vpc, key)?.value;
  if (value?.kind !== "seq") return "unknown";
  return value.items.length === 0 ? "missing" : value;
}
