/**
 * E1041: a Ref that gives a name or a URL where an ARN is needed. `!Ref` of a queue gives its URL,
 * of a function, table, bucket, stream, role or log group its name; a property that takes an ARN
 * (an event source mapping's EventSourceArn, an SNS subscription's Endpoint for sqs, lambda or
 * firehose, a rule target's Arn, a dead-letter or destination ARN, a queue's redrive target, an
 * IAM policy's Resource) refuses it when the stack is deployed. `!GetAtt X.Arn` is what was meant.
 *
 * cfn-lint's E1041 compares formats from its schema patches, which do not cover these properties;
 * here the Ref's target decides, from what the CloudFormation reference says each Ref returns.
 */
import type { Node } from "../../model";
import { mapGet } from "../../nodes";
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

export const refNotArn: Rule = {
  id: "E1041",
  severity: "error",
  shortDescription: "A Ref that gives a name or URL is not used where an ARN is needed",
  description:
    "Ref of a queue gives its URL, of a function, table, bucket, stream, role or log group its name; properties " +
    "that take an ARN (EventSourceArn, a rule target's Arn, dead-letter and destination ARNs, an SNS endpoint " +
    "for sqs, lambda or firehose, a policy's Resource) need !GetAtt X.Arn.",
  source: `${USER_GUIDE}/intrinsic-function-reference-ref.html`,
  tags: ["functions", "ref"],
  check({ template, report }) {
    const check = (node: Node | undefined, where: string, path: (string | number)[], stream = false) => {
      if (node) checkRef(template, node, where, path, report, stream);
    };
    for (const mapping of resourcesOfType(template, "AWS::Lambda::EventSourceMapping")) {
      for (const { properties } of propertySets(mapping)) {
        const source = mapGet(properties, "EventSourceArn");
        check(
          source?.value,
          "EventSourceArn",
          ["Resources", mapping.name, "Properties", "EventSourceArn"],
          true,
        );
      }
    }
    for (const subscription of resourcesOfType(template, "AWS::SNS::Subscription")) {
      for (const { properties } of propertySets(subscription)) {
        const protocol = literalString(presentEntry(properties, "Protocol")?.value);
        if (!protocol || !SUBSCRIPTION_ARN_PROTOCOLS.includes(protocol.toLowerCase())) continue;
        const endpoint = mapGet(properties, "Endpoint");
        check(endpoint?.value, `the Endpoint of a ${protocol} subscription`, [
          "Resources",
          subscription.name,
          "Properties",
          "Endpoint",
        ]);
      }
    }
    for (const rule of resourcesOfType(template, "AWS::Events::Rule")) {
      for (const { properties } of propertySets(rule)) {
        const targets = presentEntry(properties, "Targets")?.value;
        if (targets?.kind !== "seq") continue;
        targets.items.forEach((target, index) => {
          const path = ["Resources", rule.name, "Properties", "Targets", index, "Arn"];
          check(mapGet(target, "Arn")?.value, "a rule target's Arn", path);
        });
      }
    }
    for (const fn of resourcesOfType(template, "AWS::Lambda::Function")) {
      for (const { properties } of propertySets(fn)) {
        const target = mapGet(mapGet(properties, "DeadLetterConfig")?.value, "TargetArn");
        check(target?.value, "DeadLetterConfig.TargetArn", [
          "Resources",
          fn.name,
          "Properties",
          "DeadLetterConfig",
          "TargetArn",
        ]);
      }
    }
    for (const config of resourcesOfType(template, "AWS::Lambda::EventInvokeConfig")) {
      for (const { properties } of propertySets(config)) {
        const destinations = mapGet(properties, "DestinationConfig")?.value;
        for (const key of ["OnSuccess", "OnFailure"]) {
          const destination = mapGet(mapGet(destinations, key)?.value, "Destination");
          const path = ["Resources", config.name, "Properties", "DestinationConfig", key, "Destination"];
          check(destination?.value, `DestinationConfig.${key}.Destination`, path);
        }
      }
    }
    for (const queue of resourcesOfType(template, "AWS::SQS::Queue")) {
      for (const { properties } of propertySets(queue)) {
        const target = mapGet(mapGet(properties, "RedrivePolicy")?.value, "deadLetterTargetArn");
        const path = ["Resources", queue.name, "Properties", "RedrivePolicy", "deadLetterTargetArn"];
        check(target?.value, "RedrivePolicy.deadLetterTargetArn", path);
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
