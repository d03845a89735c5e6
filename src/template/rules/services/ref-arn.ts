/**
 * E1041: a Ref that gives a name or a URL where an ARN is needed. `!Ref` of a queue gives its URL,
 * of a function, table, bucket, stream, role or log group its name; a property that takes an ARN
 * (a function's Role, an event source mapping's EventSourceArn, an SNS subscription's Endpoint for
 * sqs, lambda or firehose, a rule or schedule target, a dead-letter or destination ARN, a queue's
 * redrive target, a permission's SourceArn, a bucket notification's function or queue, an IAM
 * policy's Resource) refuses it when the stack is deployed. `!GetAtt X.Arn` is what was meant.
 *
 * cfn-lint's E1041 compares formats from its schema patches, which do not cover these properties;
 * here the Ref's target decides, from what the CloudFormation reference says each Ref returns.
 */
import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import { displayPath } from "../resources/shared";
import type { Report, Rule } from "../rule";
import { eventPath, eventProperties, eventType, samEvents } from "../sam/events";
import { propertyPath } from "../serverless/documents";
import { identitySites } from "../serverless/identity-policy";
import { documentStatements } from "../serverless/policy-document";
import { forEachPolicy } from "../serverless/policy-sites";
import { resourceSites } from "../serverless/resource-policy";
import { type TemplateIndex, USER_GUIDE } from "../template-index";
import { literalString, presentEntry, propertySets, referenceTarget, resourcesOfType } from "./values";

/** What a Ref of each type gives where it is not the ARN. */
const REF_GIVES: Record<string, string> = {
  "AWS::SQS::Queue": "the queue's URL",
  "AWS::Lambda::Function": "the function's name",
  "AWS::Serverless::Function": "the function's name",
  "AWS::DynamoDB::Table": "the table's name",
  "AWS::Serverless::SimpleTable": "the table's name",
  "AWS::S3::Bucket": "the bucket's name",
  "AWS::Kinesis::Stream": "the stream's name",
  "AWS::KinesisFirehose::DeliveryStream": "the delivery stream's name",
  "AWS::IAM::Role": "the role's name",
  "AWS::Logs::LogGroup": "the log group's name",
};

const SUBSCRIPTION_ARN_PROTOCOLS = ["sqs", "lambda", "firehose"];

/** Properties that take an ARN, by resource type; `*` stands for every item of a list. */
const ARN_PROPERTIES: { type: string; path: string[]; stream?: boolean }[] = [
  { type: "AWS::Lambda::Function", path: ["Role"] },
  { type: "AWS::Serverless::Function", path: ["Role"] },
  { type: "AWS::Lambda::Function", path: ["DeadLetterConfig", "TargetArn"] },
  { type: "AWS::Lambda::EventSourceMapping", path: ["EventSourceArn"], stream: true },
  { type: "AWS::Lambda::EventInvokeConfig", path: ["DestinationConfig", "OnSuccess", "Destination"] },
  { type: "AWS::Lambda::EventInvokeConfig", path: ["DestinationConfig", "OnFailure", "Destination"] },
  { type: "AWS::Lambda::Permission", path: ["SourceArn"] },
  { type: "AWS::SQS::Queue", path: ["RedrivePolicy", "deadLetterTargetArn"] },
  { type: "AWS::Events::Rule", path: ["RoleArn"] },
  { type: "AWS::Events::Rule", path: ["Targets", "*", "Arn"] },
  { type: "AWS::Events::Rule", path: ["Targets", "*", "RoleArn"] },
  { type: "AWS::Scheduler::Schedule", path: ["Target", "Arn"] },
  { type: "AWS::Scheduler::Schedule", path: ["Target", "RoleArn"] },
  { type: "AWS::StepFunctions::StateMachine", path: ["RoleArn"] },
  { type: "AWS::Serverless::StateMachine", path: ["Role"] },
  { type: "AWS::S3::Bucket", path: ["NotificationConfiguration", "LambdaConfigurations", "*", "Function"] },
  { type: "AWS::S3::Bucket", path: ["NotificationConfiguration", "QueueConfigurations", "*", "Queue"] },
];

/** The values at `path` below `node`, with their paths (list items by index). */
function valuesAt(
  node: Node | undefined,
  path: readonly string[],
  at: (string | number)[],
): { node: Node; path: (string | number)[] }[] {
  if (!node) return [];
  if (path.length === 0) return [{ node, path: at }];
  const [head, ...rest] = path;
  if (head === "*") {
    if (node.kind !== "seq") return [];
    return node.items.flatMap((item, index) => valuesAt(item, rest, [...at, index]));
  }
  return valuesAt(mapGet(node, head)?.value, rest, [...at, head]);
}

export const refNotArn: Rule = {
  id: "E1041",
  severity: "error",
  shortDescription: "A Ref that gives a name or URL is not used where an ARN is needed",
  description:
    "Ref of a queue gives its URL, of a function, table, bucket, stream, role or log group its name; properties " +
    "that take an ARN (a function's Role, EventSourceArn, a rule target's Arn, dead-letter and destination ARNs, " +
    "an SNS endpoint for sqs, lambda or firehose, a policy's Resource) need !GetAtt X.Arn.",
  source: `${USER_GUIDE}/intrinsic-function-reference-ref.html`,
  tags: ["functions", "ref"],
  check({ template, report }) {
    const check = (node: Node | undefined, where: string, path: (string | number)[], stream = false) => {
      if (node) checkRef(template, node, where, path, report, stream);
    };
    for (const { type, path, stream } of ARN_PROPERTIES) {
      for (const resource of resourcesOfType(template, type)) {
        for (const { properties } of propertySets(resource)) {
          for (const found of valuesAt(properties, path, [])) {
            const where = displayPath(found.path);
            check(found.node, where, ["Resources", resource.name, "Properties", ...found.path], stream);
          }
        }
      }
    }
    for (const subscription of resourcesOfType(template, "AWS::SNS::Subscription")) {
      for (const { properties } of propertySets(subscription)) {
        const protocol = literalString(presentEntry(properties, "Protocol")?.value);
        if (!protocol || !SUBSCRIPTION_ARN_PROTOCOLS.includes(protocol.toLowerCase())) continue;
        const endpoint = mapGet(properties, "Endpoint");
        check(endpoint?.value, `the Endpoint of this ${protocol} subscription`, [
          "Resources",
          subscription.name,
          "Properties",
          "Endpoint",
        ]);
      }
    }
    for (const event of samEvents(template)) {
      const type = eventType(event);
      const key = type === "SQS" ? "Queue" : type === "Kinesis" || type === "DynamoDB" ? "Stream" : undefined;
      if (!key) continue;
      const value = mapGet(eventProperties(event), key)?.value;
      check(value, `the ${key} of a ${type} event`, eventPath(event, "Properties", key), true);
    }
    for (const sites of [identitySites, resourceSites]) {
      forEachPolicy(template, sites, (document, { resource, path }) => {
        for (const statement of documentStatements(document)) {
          for (const key of ["Resource", "NotResource"]) {
            const value = mapGet(statement, key)?.value;
            const items = value?.kind === "seq" ? value.items : value ? [value] : [];
            for (const item of items) {
              checkRef(
                template,
                item,
                `a policy's ${key}`,
                propertyPath(resource, ...path).path ?? [],
                report,
              );
            }
          }
        }
      });
    }
  },
};

/** Reports `node` when it is a Ref of a resource whose Ref gives something other than its ARN. */
function checkRef(
  template: TemplateIndex,
  node: Node,
  where: string,
  path: (string | number)[],
  report: Report,
  stream = false,
): void {
  const target = referenceTarget(node);
  if (!target || target.attribute !== undefined) return;
  const resource = template.resources.get(target.name);
  const gives = resource?.type ? REF_GIVES[resource.type] : undefined;
  if (!resource?.type || !gives) return;
  if (resource.type.startsWith("AWS::Serverless::") && !template.sam) return;
  const table = resource.type === "AWS::DynamoDB::Table" || resource.type === "AWS::Serverless::SimpleTable";
  const attribute = stream && table ? "StreamArn" : "Arn";
  report(
    node,
    `!Ref ${target.name} gives ${gives}, and ${where} takes an ARN; use !GetAtt ${target.name}.${attribute}`,
    { path },
  );
}
