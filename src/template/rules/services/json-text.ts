/**
 * E3948 (our own id): a property that the service reads as JSON, given text that is not JSON. A
 * dashboard's DashboardBody, a Contributor Insights rule's RuleBody (a JSON object of Schema,
 * LogGroupNames and Contribution, where a Logs Insights query is sometimes written: round 41), a
 * state machine's DefinitionString, a log group resource policy's PolicyDocument, an EventBridge
 * rule's EventPattern and an SNS subscription's FilterPolicy written as text take a JSON object; an
 * EventBridge target's Input takes JSON text of any kind. CloudFormation passes the text on and the
 * service refuses it when the resource is made, minutes into the deploy. cfn-lint reads none of
 * these as JSON.
 *
 * Text written out is parsed. A Fn::Sub's text is known only where its variables are filled in, so
 * it is judged by its first character alone, where a JSON object is needed: `{`, or a variable
 * that may give one. Text with a dynamic reference, and values other functions give, are left to
 * the deploy.
 */
import type { MapNode, Node } from "../../model";
import { displayPath } from "../resources/shared";
import type { Rule } from "../rule";
import { intrinsicName, isString } from "../template-index";
import { hasDynamicReference, propertySets, resourcesOfType, valuesWithPaths } from "./values";

/** The properties read as JSON, with whether they take an object, and what to tell the reader. */
const JSON_TEXT: { type: string; path: string[]; object: boolean; hint?: string }[] = [
  { type: "AWS::CloudWatch::Dashboard", path: ["DashboardBody"], object: true },
  {
    type: "AWS::CloudWatch::InsightRule",
    path: ["RuleBody"],
    object: true,
    hint: "a rule is a JSON object of Schema, LogGroupNames and Contribution; a Logs Insights query belongs in an AWS::Logs::QueryDefinition",
  },
  { type: "AWS::StepFunctions::StateMachine", path: ["DefinitionString"], object: true },
  { type: "AWS::Logs::ResourcePolicy", path: ["PolicyDocument"], object: true },
  { type: "AWS::Events::Rule", path: ["EventPattern"], object: true },
  { type: "AWS::SNS::Subscription", path: ["FilterPolicy"], object: true },
  { type: "AWS::Events::Rule", path: ["Targets", "*", "Input"], object: false },
];

const TYPES = [...new Set(JSON_TEXT.map((site) => site.type))];

/** What is wrong with a value the service reads as JSON, or undefined when nothing is known to be. */
function problem(node: Node, object: boolean): string | undefined {
  if (isString(node)) {
    if (hasDynamicReference(node.value)) return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(node.value);
    } catch {
      return "is not valid JSON";
    }
    return object && (parsed === null || typeof parsed !== "object" || Array.isArray(parsed))
      ? "is JSON but not an object"
      : undefined;
  }
  if (!object || intrinsicName(node) !== "Fn::Sub") return undefined;
  const arg = (node as MapNode).entries[0].value;
  const text = isString(arg) ? arg : arg.kind === "seq" ? arg.items[0] : undefined;
  if (!text || !isString(text) || hasDynamicReference(text.value)) return undefined;
  const start = text.value.trimStart();
  return start.startsWith("{") || start.startsWith("${")
    ? undefined
    : "is not a JSON object (it does not open with {)";
}

export const jsonText: Rule = {
  id: "E3948",
  severity: "error",
  shortDescription: "Properties the service reads as JSON are given JSON",
  description:
    "A dashboard's DashboardBody, a Contributor Insights rule's RuleBody, a state machine's DefinitionString, a " +
    "log resource policy's PolicyDocument, and an EventPattern or FilterPolicy written as text are JSON objects; " +
    "an EventBridge target's Input is JSON text. The service refuses anything else when the resource is made.",
  source:
    "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/ContributorInsights-RuleSyntax.html",
  tags: ["resources", "json"],
  resourceTypes: TYPES,
  check({ template, report }) {
    for (const resource of resourcesOfType(template, ...TYPES)) {
      for (const { type, path, object, hint } of JSON_TEXT) {
        if (type !== resource.type) continue;
        for (const { properties } of propertySets(resource)) {
          for (const found of valuesWithPaths(properties, path)) {
            const what = problem(found.node, object);
            if (!what) continue;
            report(
              found.node,
              `${displayPath(found.path)} of ${resource.name} ${what}, and the service takes ` +
                `${object ? "a JSON object" : "JSON text"} there, so it refuses the resource${hint ? `: ${hint}` : ""}`,
              { path: ["Resources", resource.name, "Properties", ...found.path] },
            );
          }
        }
      }
    }
  },
};
