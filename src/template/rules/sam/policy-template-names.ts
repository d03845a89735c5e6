/**
 * W3938: a SAM policy template given an ARN or a URL where it takes a name. Most policy templates
 * build the ARN of the resource they grant on from a name or id (SQSPollerPolicy writes
 * `arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:${QueueName}`), so a
 * `QueueName: !Ref Queue` (a queue's Ref is its URL), a `TopicName: !Ref Topic` (a topic's Ref is
 * its ARN) or a `TableName: !GetAtt Table.Arn` makes a policy whose Resource names nothing. The
 * transform and the deploy accept it; the function is refused at run time (AccessDenied). Which
 * parameters each template writes that way comes from the templates themselves (`npm run spec`).
 * Beyond cfn-lint, which checks the policy the transform makes only for its form.
 */
import type { Node } from "../../model";
import { resolveValue } from "../functions/resolve";
import type { Rule } from "../rule";
import { REF_GIVES as REF_NAMES } from "../services/ref-arn";
import { referenceTarget } from "../services/values";
import { intrinsicName, type TemplateIndex } from "../template-index";
import { SAM_GUIDE } from "./events";
import { forEachPolicyItem } from "./policy-templates";

/** What a Ref of these types gives (an ARN or a URL), and how the template writes the name instead. */
const REF_NOT_A_NAME: Record<string, { gives: string; name: (id: string) => string }> = {
  "AWS::SQS::Queue": { gives: "the queue's URL", name: (id) => `!GetAtt ${id}.QueueName` },
  "AWS::SNS::Topic": { gives: "the topic's ARN", name: (id) => `!GetAtt ${id}.TopicName` },
  "AWS::StepFunctions::StateMachine": {
    gives: "the state machine's ARN",
    name: (id) => `!GetAtt ${id}.Name`,
  },
  "AWS::Serverless::StateMachine": { gives: "the state machine's ARN", name: (id) => `!GetAtt ${id}.Name` },
  "AWS::ECS::TaskDefinition": {
    gives: "the task definition's ARN",
    name: () => "the family name (or family:revision)",
  },
};

/** The attribute that gives a resource's own ARN, where it is not `Arn`. */
const OWN_ARN: Record<string, string> = { "AWS::SNS::Topic": "TopicArn" };

export const samPolicyTemplateNames: Rule = {
  id: "W3938",
  severity: "warning",
  shortDescription: "SAM policy templates are given names where they build the ARN themselves",
  description:
    "A policy template parameter that the template writes after the account field of an ARN (QueueName, " +
    "TopicName, TableName, BucketName, ...) takes the resource's name or id: an ARN or a URL there (a queue's " +
    "Ref, a topic's Ref, a GetAtt of Arn) makes a policy that grants nothing.",
  source: `${SAM_GUIDE}/serverless-policy-template-list.html`,
  tags: ["sam", "iam"],
  check({ template, spec, report }) {
    forEachPolicyItem(template, (policy, _number, path) => {
      if (policy.kind !== "map" || policy.entries.length !== 1 || intrinsicName(policy)) return;
      const { key: name, value } = policy.entries[0];
      const names = spec.samPolicyTemplates().get(name)?.names;
      if (!names || names.length === 0 || value.kind !== "map" || intrinsicName(value)) return;
      for (const parameter of value.entries) {
        if (!names.includes(parameter.key)) continue;
        const given = notAName(parameter.value, template);
        if (!given) continue;
        const instead = given.name ?? `the ${parameter.key} itself`;
        report(
          parameter.value,
          `${name} builds the ARN it grants on from ${parameter.key}, which is given ${given.gives}, so the policy ` +
            `names nothing and the calls it should allow are refused at run time: give ${instead}`,
          { path: [...path, name, parameter.key] },
        );
      }
    });
  },
};

/**
 * What the value gives when it is an ARN or a URL rather than a name, and what to give instead
 * where that is known (the resource's own name, for its Ref or its Arn).
 */
function notAName(node: Node, template: TemplateIndex): { gives: string; name?: string } | undefined {
  const target = referenceTarget(node);
  if (target) {
    const type = template.resources.get(target.name)?.type;
    if (!type) return undefined;
    if (target.attribute === undefined) {
      const ref = REF_NOT_A_NAME[type];
      return ref && { gives: ref.gives, name: ref.name(target.name) };
    }
    if (!target.attribute.endsWith("Arn")) return undefined;
    const gives = `an ARN (its ${target.attribute})`;
    // A StreamArn or the like is another resource's ARN, whose name the resource does not give.
    if (target.attribute !== (OWN_ARN[type] ?? "Arn")) return { gives };
    const ref = REF_NOT_A_NAME[type];
    if (ref) return { gives, name: ref.name(target.name) };
    // A type whose Ref is its name or id (E1041's table; its one URL, the queue's, is handled above).
    return { gives, name: Object.hasOwn(REF_NAMES, type) ? `!Ref ${target.name}` : undefined };
  }
  // Text written out, or made by a Fn::Sub or Fn::Join, that begins as an ARN or a URL does.
  const values = resolveValue(node, template, false);
  if (!values || values.length === 0) return undefined;
  const begins = (prefix: string) =>
    values.every((value) => typeof value.pieces[0] === "string" && value.pieces[0].startsWith(prefix));
  if (begins("arn:")) return { gives: "an ARN" };
  if (begins("https://")) return { gives: "a URL" };
  return undefined;
}
