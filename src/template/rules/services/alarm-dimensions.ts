/**
 * W3923 (our own id): a CloudWatch alarm on a Lambda, SQS, SNS or DynamoDB metric whose dimension
 * is given the resource's ARN or URL instead of its name. The metrics carry the name
 * (FunctionName, QueueName, TopicName, TableName); an alarm with `Value: !GetAtt Fn.Arn`, or a
 * queue's `!Ref` (its URL), deploys and watches a metric that never has data. A warning, as the
 * stack deploys.
 */
import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import {
  literalString,
  plainMap,
  presentEntry,
  propertySets,
  referenceTarget,
  resourcesOfType,
} from "./values";

/** The name dimension of each namespace, with the resource type it names and how to write its name. */
const DIMENSIONS: Record<string, { dimension: string; types: string[]; name: (id: string) => string }> = {
  "AWS/Lambda": {
    dimension: "FunctionName",
    types: ["AWS::Lambda::Function", "AWS::Serverless::Function"],
    name: (id) => `!Ref ${id}`,
  },
  "AWS/SQS": { dimension: "QueueName", types: ["AWS::SQS::Queue"], name: (id) => `!GetAtt ${id}.QueueName` },
  "AWS/SNS": { dimension: "TopicName", types: ["AWS::SNS::Topic"], name: (id) => `!GetAtt ${id}.TopicName` },
  "AWS/DynamoDB": {
    dimension: "TableName",
    types: ["AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable"],
    name: (id) => `!Ref ${id}`,
  },
};

/** What `Ref` of each type gives, when it is not the name. */
const REF_GIVES: Record<string, string> = { "AWS::SQS::Queue": "URL", "AWS::SNS::Topic": "ARN" };
/** The attributes that give something else than the name. */
const ATTRIBUTE_GIVES: Record<string, string> = {
  Arn: "ARN",
  TopicArn: "ARN",
  QueueUrl: "URL",
  StreamArn: "ARN",
};

export const alarmDimensions: Rule = {
  id: "W3923",
  severity: "warning",
  shortDescription: "Alarm dimensions name functions, queues, topics and tables by name",
  description:
    "The FunctionName, QueueName, TopicName or TableName dimension of an alarm on the AWS/Lambda, AWS/SQS, AWS/SNS or " +
    "AWS/DynamoDB namespace is given the resource's name, not its ARN or URL.",
  source:
    "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/aws-services-cloudwatch-metrics.html",
  tags: ["resources", "cloudwatch", "serverless"],
  resourceTypes: ["AWS::CloudWatch::Alarm"],
  check({ template, report }) {
    for (const alarm of resourcesOfType(template, "AWS::CloudWatch::Alarm")) {
      for (const { properties } of propertySets(alarm)) {
        const spec = DIMENSIONS[literalString(presentEntry(properties, "Namespace")?.value) ?? ""];
        const dimensions = presentEntry(properties, "Dimensions")?.value;
        if (!spec || dimensions?.kind !== "seq") continue;
        dimensions.items.forEach((item, i) => {
          const dimension = plainMap(item);
          if (literalString(mapGet(dimension, "Name")?.value) !== spec.dimension) return;
          const value = mapGet(dimension, "Value")?.value;
          const target = value && referenceTarget(value);
          const resource = target && template.resources.get(target.name);
          if (!value || !target || !resource?.type || !spec.types.includes(resource.type)) return;
          const gives = target.attribute ? ATTRIBUTE_GIVES[target.attribute] : REF_GIVES[resource.type];
          if (!gives) return;
          report(
            value,
            `The ${spec.dimension} dimension of alarm ${alarm.name} is given the ${gives} of ${target.name}, but the ` +
              `metric carries its name, so the alarm never sees data; write ${spec.name(target.name)}`,
            { path: ["Resources", alarm.name, "Properties", "Dimensions", i, "Value"] },
          );
        });
      }
    }
  },
};
