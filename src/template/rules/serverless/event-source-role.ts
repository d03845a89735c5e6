/**
 * W3909 (a check cfn-lint does not have): an AWS::Lambda::EventSourceMapping that reads a queue,
 * table stream or Kinesis stream of the template for a function whose role, a role of the
 * template, is not allowed to read it. Lambda reads the source with the function's role and needs
 * sqs:ReceiveMessage, dynamodb:GetRecords or kinesis:GetRecords (with the actions beside them in
 * the AWSLambdaSQSQueueExecutionRole, AWSLambdaDynamoDBExecutionRole and
 * AWSLambdaKinesisExecutionRole managed policies); without them the mapping's create is refused
 * ("The provided execution role does not have permissions to call ReceiveMessage on SQS") or it
 * never reads a record. A warning, as W3908, for the same reason.
 *
 * Judged only when everything the role is given can be read (./role-grants.ts).
 */
import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import { presentEntry, propertySets, referenceTarget, resourcesOfType } from "../services/values";
import type { ResourceInfo, TemplateIndex } from "../template-index";
import { roleLacks, templateRole } from "./role-grants";

interface Source {
  attribute: string;
  action: string;
  what: string;
  policy: string;
  /** Names of AWS managed policies that may allow the action. */
  managed: RegExp;
}

const SOURCES: Record<string, Source> = {
  "AWS::SQS::Queue": {
    attribute: "Arn",
    action: "sqs:ReceiveMessage",
    what: "queue",
    policy: "AWSLambdaSQSQueueExecutionRole",
    managed: /AWSLambdaSQSQueueExecutionRole|SQS|FullAccess|PowerUser|Admin/i,
  },
  "AWS::DynamoDB::Table": {
    attribute: "StreamArn",
    action: "dynamodb:GetRecords",
    what: "table stream",
    policy: "AWSLambdaDynamoDBExecutionRole",
    managed:
      /AWSLambdaDynamoDBExecutionRole|AWSLambdaInvocation-DynamoDB|DynamoDB|FullAccess|PowerUser|Admin/i,
  },
  "AWS::Kinesis::Stream": {
    attribute: "Arn",
    action: "kinesis:GetRecords",
    what: "stream",
    policy: "AWSLambdaKinesisExecutionRole",
    managed: /AWSLambdaKinesisExecutionRole|Kinesis|FullAccess|PowerUser|Admin/i,
  },
};

export const eventSourceRole: Rule = {
  id: "W3909",
  severity: "warning",
  shortDescription: "An event source mapping's function role may read its source",
  description:
    "The role of a function that an event source mapping feeds from a queue, table stream or Kinesis stream " +
    "needs that service's read actions (the AWSLambda...ExecutionRole managed policies).",
  source: "https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html",
  tags: ["resources", "lambda", "iam", "serverless"],
  check({ template, report }) {
    for (const mapping of resourcesOfType(template, "AWS::Lambda::EventSourceMapping")) {
      for (const { properties } of propertySets(mapping)) {
        const arn = presentEntry(properties, "EventSourceArn")?.value;
        const named = arn ? referenceTarget(arn) : undefined;
        const sourceResource = named ? template.resources.get(named.name) : undefined;
        const source = sourceResource?.type ? SOURCES[sourceResource.type] : undefined;
        if (!arn || !source || named?.attribute !== source.attribute) continue;
        const role = functionRole(template, presentEntry(properties, "FunctionName")?.value);
        if (!role) continue;
        if (!roleLacks(template, role.role, source.action, source.managed)) continue;
        report(
          arn,
          `Event source mapping '${mapping.name}' reads ${source.what} '${sourceResource?.name}' for function ` +
            `'${role.fn.name}', whose role '${role.role.name}' is not allowed ${source.action} (without it the ` +
            `mapping's create is refused or it never reads a record); add arn:\${AWS::Partition}:iam::aws:policy/` +
            `service-role/${source.policy} to the role's ManagedPolicyArns`,
        );
      }
    }
  },
};

/** The function of the template a FunctionName names, and its role when that is a role of the template. */
function functionRole(
  template: TemplateIndex,
  value: Node | undefined,
): { fn: ResourceInfo; role: ResourceInfo } | undefined {
  const name = value ? referenceTarget(value)?.name : undefined;
  const fn = name === undefined ? undefined : template.resources.get(name);
  if (fn?.type !== "AWS::Lambda::Function" && fn?.type !== "AWS::Serverless::Function") return undefined;
  const role = templateRole(template, mapGet(fn.properties?.value, "Role")?.value);
  return role ? { fn, role } : undefined;
}
