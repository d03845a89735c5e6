/**
 * E1041: a Ref that gives a name or a URL where an ARN is needed. `!Ref` of a queue gives its URL,
 * of a function, table, bucket, stream, role or log group its name; a property that takes an ARN
 * (a function's Role, an event source mapping's EventSourceArn, an SNS subscription's Endpoint for
 * sqs, lambda or firehose, its TopicArn, a topic policy's Topics, a SAM SNS event's Topic (round
 * 50: GetAtt of a topic's TopicName there), a rule or schedule target, a dead-letter or destination ARN, a queue's
 * redrive target, a permission's SourceArn, a bucket notification's function or queue, an IAM
 * policy's Resource, a pipe's source and target, a state machine's log group, an AppSync Lambda
 * data source, a Cognito trigger, S3 replication's role, the role of a Spot Fleet (and, as a
 * warning, of a Batch compute environment's Spot Fleets: role-arns.ts's startsSpotFleet), a
 * pipeline's role and its actions' roles, a function's KMS key, whose Ref gives its id; not a log
 * group's KmsKeyId, which cfn-lint's schema patches let take a key id; a WAFv2 web ACL, whose Ref
 * gives `name|id|scope`, in a web ACL association or a CloudFront distribution's WebACLId, which
 * takes a WAFv2 ACL's ARN or a WAF Classic ACL's id: round 46) refuses it when the stack is
 * deployed. `!GetAtt X.Arn` is what was meant. A queue policy's Resource given a queue's URL is a
 * warning: SQS's own validation of the policy's resources is not documented, and templates of an
 * AWS workshop deploy with it; the statement still does not name the queue.
 *
 * E1040, in this file too as it reads the same places: a GetAtt that gives the wrong kind of value
 * for its property (see getAttNotArn).
 *
 * cfn-lint's E1041 compares formats from its schema patches, which do not cover these properties;
 * here the Ref's target decides, from what the CloudFormation reference says each Ref returns.
 */
import type { MapNode, Node } from "../../model";
import { listItems, mapGet } from "../../nodes";
import { placedValues } from "../conditions/logic";
import { templateNames } from "../functions/names";
import { displayPath } from "../resources/shared";
import type { Report, Rule } from "../rule";
import { eventPath, eventProperties, eventType, samEvents } from "../sam/events";
import { propertyPath } from "../serverless/documents";
import { identitySites } from "../serverless/identity-policy";
import { documentStatements } from "../serverless/policy-document";
import { forEachPolicy } from "../serverless/policy-sites";
import { resourceSites } from "../serverless/resource-policy";
import { intrinsicName, type TemplateIndex, USER_GUIDE } from "../template-index";
import { SPOT_FLEET_AT_RUN, startsSpotFleet } from "./role-arns";
import {
  literalString,
  presentEntry,
  propertySets,
  referenceTarget,
  resourcesOfType,
  valuesWithPaths,
} from "./values";

/** What a Ref of each type gives where it is not the ARN (a name or id, or a queue's URL). */
export const REF_GIVES: Readonly<Record<string, string>> = {
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
  "AWS::KMS::Key": "the key's id",
  "AWS::WAFv2::WebACL": "the web ACL's name, id and scope (name|id|scope)",
};

const SUBSCRIPTION_ARN_PROTOCOLS = ["sqs", "lambda", "firehose"];

/** Properties that take an ARN, by resource type; `*` stands for every item of a list. */
const ARN_PROPERTIES: { type: string; path: string[]; stream?: boolean; spotFleet?: boolean }[] = [
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
  { type: "AWS::S3::Bucket", path: ["ReplicationConfiguration", "Role"] },
  { type: "AWS::EC2::SpotFleet", path: ["SpotFleetRequestConfigData", "IamFleetRole"] },
  // Only where the environment starts Spot Fleets, and a warning: Batch takes it (startsSpotFleet).
  { type: "AWS::Batch::ComputeEnvironment", path: ["ComputeResources", "SpotIamFleetRole"], spotFleet: true },
  { type: "AWS::Lambda::Function", path: ["KmsKeyArn"] },
  { type: "AWS::Lambda::EventSourceMapping", path: ["DestinationConfig", "OnFailure", "Destination"] },
  { type: "AWS::Events::Rule", path: ["Targets", "*", "DeadLetterConfig", "Arn"] },
  { type: "AWS::SNS::Subscription", path: ["RedrivePolicy", "deadLetterTargetArn"] },
  { type: "AWS::SNS::Subscription", path: ["TopicArn"] },
  { type: "AWS::SNS::TopicPolicy", path: ["Topics", "*"] },
  { type: "AWS::Pipes::Pipe", path: ["Source"], stream: true },
  { type: "AWS::Pipes::Pipe", path: ["Target"] },
  { type: "AWS::Pipes::Pipe", path: ["RoleArn"] },
  {
    type: "AWS::StepFunctions::StateMachine",
    path: ["LoggingConfiguration", "Destinations", "*", "CloudWatchLogsLogGroup", "LogGroupArn"],
  },
  { type: "AWS::AppSync::DataSource", path: ["LambdaConfig", "LambdaFunctionArn"] },
  { type: "AWS::AppSync::DataSource", path: ["ServiceRoleArn"] },
  // A WAFv2 web ACL by its ARN (CloudFront takes a WAF Classic ACL's id there, whose Ref gives it).
  { type: "AWS::CloudFront::Distribution", path: ["DistributionConfig", "WebACLId"] },
  { type: "AWS::WAFv2::WebACLAssociation", path: ["WebACLArn"] },
  // CodePipeline's API takes role ARNs only (its RoleArn shape's pattern, botocore's model).
  { type: "AWS::CodePipeline::Pipeline", path: ["RoleArn"] },
  { type: "AWS::CodePipeline::Pipeline", path: ["Stages", "*", "Actions", "*", "RoleArn"] },
  ...[
    "PreSignUp",
    "PostConfirmation",
    "PreAuthentication",
    "PostAuthentication",
    "CustomMessage",
    "DefineAuthChallenge",
    "CreateAuthChallenge",
    "VerifyAuthChallengeResponse",
    "PreTokenGeneration",
    "UserMigration",
  ].map((trigger) => ({ type: "AWS::Cognito::UserPool", path: ["LambdaConfig", trigger] })),
];

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
    for (const site of arnSites(template)) checkRef(template, site, report);
  },
};

/** A value of the template in a place that takes an ARN. */
interface ArnSite {
  node: Node;
  /** The place, for messages ("Role", "a policy's Resource"). */
  where: string;
  path: (string | number)[];
  /** True where a stream's ARN is wanted (an event source that may be a table's stream). */
  stream?: boolean;
  /**
   * True for a queue policy's Resource: whether SQS refuses a queue URL there at deploy time is not
   * documented (IAM and S3 refuse anything but an ARN), so it is a warning.
   */
  queuePolicy?: boolean;
  /** True for a Batch compute environment's Spot Fleet role, which fails at run time: a warning. */
  spotFleet?: boolean;
}

const sitesCache = new WeakMap<TemplateIndex, ArnSite[]>();

/** The values in places that take an ARN, found once per template for E1041 and E1040. */
function arnSites(template: TemplateIndex): ArnSite[] {
  const cached = sitesCache.get(template);
  if (cached) return cached;
  const sites: ArnSite[] = [];
  const add = (
    node: Node | undefined,
    where: string,
    path: (string | number)[],
    kind: Partial<Pick<ArnSite, "stream" | "queuePolicy" | "spotFleet">> = {},
  ) => {
    if (node && node.kind === "map") sites.push({ node, where, path, ...kind });
  };
  for (const { type, path, stream, spotFleet } of ARN_PROPERTIES) {
    for (const resource of resourcesOfType(template, type)) {
      for (const { properties } of propertySets(resource)) {
        if (spotFleet && !startsSpotFleet(mapGet(properties, "ComputeResources")?.value)) continue;
        for (const found of valuesWithPaths(properties, path)) {
          const where = displayPath(found.path);
          const at = ["Resources", resource.name, "Properties", ...found.path];
          add(found.node, where, at, { stream, spotFleet });
        }
      }
    }
  }
  for (const subscription of resourcesOfType(template, "AWS::SNS::Subscription")) {
    for (const { properties } of propertySets(subscription)) {
      const protocol = literalString(presentEntry(properties, "Protocol")?.value);
      if (!protocol || !SUBSCRIPTION_ARN_PROTOCOLS.includes(protocol.toLowerCase())) continue;
      const endpoint = mapGet(properties, "Endpoint");
      add(endpoint?.value, `the Endpoint of this ${protocol} subscription`, [
        "Resources",
        subscription.name,
        "Properties",
        "Endpoint",
      ]);
    }
  }
  for (const event of samEvents(template)) {
    const type = eventType(event);
    const key =
      type === "SQS"
        ? "Queue"
        : type === "Kinesis" || type === "DynamoDB"
          ? "Stream"
          : type === "SNS"
            ? "Topic"
            : undefined;
    if (!key) continue;
    const value = mapGet(eventProperties(event), key)?.value;
    add(
      value,
      `the ${key} of ${type === "SQS" || type === "SNS" ? "an" : "a"} ${type} event`,
      eventPath(event, "Properties", key),
      { stream: key === "Stream" || key === "Queue" },
    );
  }
  for (const policySites of [identitySites, resourceSites]) {
    forEachPolicy(template, policySites, (document, { resource, path }) => {
      for (const statement of documentStatements(document)) {
        for (const key of ["Resource", "NotResource"]) {
          const value = mapGet(statement, key)?.value;
          // Each item of each list a Fn::If may give, and each branch an item's Fn::If may take.
          for (const list of value ? placedValues(template, value) : [])
            for (const item of listItems(list))
              for (const one of placedValues(template, item))
                add(one, `a policy's ${key}`, propertyPath(resource, ...path).path ?? [], {
                  queuePolicy: resource.type === "AWS::SQS::QueuePolicy",
                });
        }
      }
    });
  }
  sitesCache.set(template, sites);
  return sites;
}

/** Reports a site that is a Ref of a resource whose Ref gives something other than its ARN. */
function checkRef(
  template: TemplateIndex,
  { node, where, path, stream, queuePolicy, spotFleet }: ArnSite,
  report: Report,
): void {
  const referred = referenceTarget(node);
  const sub = referred ? undefined : leadingSubRef(node);
  const target = referred ?? sub;
  if (!target || target.attribute !== undefined) return;
  const resource = template.resources.get(target.name);
  const gives =
    resource?.type && Object.hasOwn(REF_GIVES, resource.type) ? REF_GIVES[resource.type] : undefined;
  if (!resource?.type || !gives) return;
  if (resource.type.startsWith("AWS::Serverless::") && !template.sam) return;
  const attribute = arnAttribute(resource.type, stream);
  const use = sub
    ? `write \${${target.name}.${attribute}} in place of \${${target.name}}`
    : `use !GetAtt ${target.name}.${attribute}`;
  // A Fn::Sub whose text opens with the Ref's value gives no ARN either: none of these names,
  // ids or URLs opens with "arn:".
  const what = sub
    ? `!Sub opens with \${${target.name}}, which gives ${gives}`
    : `!Ref ${target.name} gives ${gives}`;
  if (queuePolicy) {
    report(
      node,
      `${what}, and ${where} names a queue by its ARN: SQS may take the policy, but the statement does not ` +
        `name the queue; ${use}`,
      { path, severity: "warning" },
    );
    return;
  }
  report(node, `${what}, and ${where} takes an ARN${atRun(spotFleet)}; ${use}`, {
    path,
    ...(spotFleet ? { severity: "warning" as const } : {}),
  });
}

/**
 * The resource a Fn::Sub's text opens with, as `${Name}` (`!Sub "${Bucket}/*"`), unless its
 * variables give that name another value.
 */
function leadingSubRef(node: Node): { name: string; attribute: undefined } | undefined {
  if (intrinsicName(node) !== "Fn::Sub") return undefined;
  const arg = (node as MapNode).entries[0].value;
  const text = literalString(arg.kind === "seq" ? arg.items[0] : arg);
  const variables = arg.kind === "seq" ? arg.items[1] : undefined;
  const end = text?.startsWith("${") ? text.indexOf("}") : -1;
  const hole = text && end > 2 ? text.slice(2, end).trim() : undefined;
  if (!hole || hole.startsWith("!") || hole.includes(".") || hole.includes("::")) return undefined;
  if (variables && (variables.kind !== "map" || mapGet(variables, hole))) return undefined;
  return { name: hole, attribute: undefined };
}

/** What a message adds where the value fails only when it is used (a Batch Spot Fleet's role). */
function atRun(spotFleet: boolean | undefined): string {
  return spotFleet ? SPOT_FLEET_AT_RUN : "";
}

const TABLES = ["AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable"];

/** The attribute that gives the ARN wanted: a table's stream where a stream is read. */
function arnAttribute(type: string, stream: boolean | undefined): string {
  return stream && TABLES.includes(type) ? "StreamArn" : type === "AWS::SNS::Topic" ? "TopicArn" : "Arn";
}

/** Attributes that give something other than an ARN, by resource type, with what they give. */
const GETATT_GIVES: Record<string, Record<string, string>> = {
  "AWS::SQS::Queue": { QueueName: "the queue's name", QueueUrl: "the queue's URL" },
  "AWS::IAM::Role": { RoleId: "the role's id" },
  "AWS::S3::Bucket": {
    DomainName: "the bucket's domain name",
    DualStackDomainName: "the bucket's domain name",
    RegionalDomainName: "the bucket's domain name",
    WebsiteURL: "the bucket's website URL",
  },
  "AWS::SNS::Topic": { TopicName: "the topic's name" },
};

/**
 * E1040: a GetAtt that gives a name, id, URL or domain name where an ARN is needed (a queue's
 * QueueUrl as an EventSourceArn, a role's RoleId as a function's Role), and a table's Arn where
 * an event source reads its stream: an event source mapping or a SAM DynamoDB event takes the
 * stream's ARN (StreamArn), and Lambda refuses the table's. Same places as E1041.
 *
 * The other way round, a GetAtt of an ARN where a name, URL or domain name is needed: a queue
 * policy's Queues (queue URLs), a bucket policy's Bucket and a log subscription or metric filter's
 * LogGroupName (names), a CloudFront origin's DomainName (a bucket's domain name). CloudFormation
 * passes the ARN on and the service refuses it. And a GetAtt of a URL (a bucket's website, an HTTP
 * API's endpoint, a function URL) as a CloudFront origin's DomainName, which takes a domain name.
 *
 * cfn-lint's E1040 compares the formats its schema patches give attributes and properties (it
 * finds the LogGroupName case); here the attribute decides, from what the CloudFormation reference
 * says each one returns.
 */
export const getAttNotArn: Rule = {
  id: "E1040",
  severity: "error",
  shortDescription: "A GetAtt gives what its property takes: an ARN, a name, a URL",
  description:
    "GetAtt of a queue's QueueUrl or QueueName, a role's RoleId, a bucket's domain names or a topic's TopicName " +
    "gives no ARN, and a table's Arn is not its stream's; properties that take an ARN need the Arn attribute " +
    "(StreamArn where a table's stream is read). The other way round, a queue policy's Queues, a bucket policy's " +
    "Bucket, a filter's LogGroupName and a CloudFront origin's DomainName do not take an ARN, nor the last a URL.",
  source: `${USER_GUIDE}/intrinsic-function-reference-getatt.html`,
  tags: ["functions", "getatt"],
  check({ template, report }) {
    checkArnWhereNameWanted(template, report);
    checkUrlWhereDomainWanted(template, report);
    for (const { node, where, path, stream, spotFleet } of arnSites(template)) {
      const target = referenceTarget(node);
      if (!target?.attribute) continue;
      const type = template.resources.get(target.name)?.type;
      if (!type || (type.startsWith("AWS::Serverless::") && !template.sam)) continue;
      const gives = attributeGives(GETATT_GIVES, type, target.attribute);
      const tableArn = stream && TABLES.includes(type) && target.attribute === "Arn";
      if (!gives && !tableArn) continue;
      const attribute = arnAttribute(type, stream);
      report(
        node,
        tableArn
          ? `!GetAtt ${target.name}.Arn gives the table's ARN, and ${where} reads the table's stream; use !GetAtt ${target.name}.StreamArn`
          : `!GetAtt ${target.name}.${target.attribute} gives ${gives}, and ${where} takes an ARN${atRun(spotFleet)}; ` +
              `use !GetAtt ${target.name}.${attribute}`,
        { path, ...(spotFleet ? { severity: "warning" as const } : {}) },
      );
    }
  },
};

/** Properties that take a resource's name, URL or domain name, with the types it may be and what to write. */
const NAME_PROPERTIES: { type: string; path: string[]; of: string; wants: string; use: string }[] = [
  {
    type: "AWS::SQS::QueuePolicy",
    path: ["Queues", "*"],
    of: "AWS::SQS::Queue",
    wants: "queue URLs",
    use: "!Ref",
  },
  {
    type: "AWS::SQS::QueueInlinePolicy",
    path: ["Queue"],
    of: "AWS::SQS::Queue",
    wants: "the queue's URL",
    use: "!Ref",
  },
  {
    type: "AWS::S3::BucketPolicy",
    path: ["Bucket"],
    of: "AWS::S3::Bucket",
    wants: "the bucket's name",
    use: "!Ref",
  },
  {
    type: "AWS::Logs::SubscriptionFilter",
    path: ["LogGroupName"],
    of: "AWS::Logs::LogGroup",
    wants: "the log group's name",
    use: "!Ref",
  },
  {
    type: "AWS::Logs::MetricFilter",
    path: ["LogGroupName"],
    of: "AWS::Logs::LogGroup",
    wants: "the log group's name",
    use: "!Ref",
  },
  {
    type: "AWS::CloudFront::Distribution",
    path: ["DistributionConfig", "Origins", "*", "DomainName"],
    of: "AWS::S3::Bucket",
    wants: "a domain name",
    use: "RegionalDomainName",
  },
];

/**
 * Attributes that give a URL (a scheme, a colon, a path), by resource type, with what they give:
 * where a domain name is needed, CloudFront refuses them ("The parameter origin name cannot contain
 * a colon", aws-cdk#1882 on a bucket's website URL).
 */
const URL_ATTRIBUTES: Record<string, Record<string, string>> = {
  "AWS::S3::Bucket": { WebsiteURL: "the bucket's website URL (http://...)" },
  "AWS::ApiGatewayV2::Api": { ApiEndpoint: "the API's endpoint URL (https://...)" },
  "AWS::Serverless::HttpApi": { ApiEndpoint: "the API's endpoint URL (https://...)" },
  "AWS::Lambda::Url": { FunctionUrl: "the function's URL (https://.../)" },
};

/**
 * What a table of attributes by resource type says `type`'s `attribute` gives, looked up as own
 * keys only (an attribute named `toString` is E1010's to report, not a table's entry).
 */
function attributeGives(
  table: Record<string, Record<string, string>>,
  type: string,
  attribute: string,
): string | undefined {
  const attributes = Object.hasOwn(table, type) ? table[type] : undefined;
  return attributes && Object.hasOwn(attributes, attribute) ? attributes[attribute] : undefined;
}

/** Where a domain name, not a URL, is needed. */
const DOMAIN_PROPERTIES: { type: string; path: string[] }[] = [
  { type: "AWS::CloudFront::Distribution", path: ["DistributionConfig", "Origins", "*", "DomainName"] },
];

/** Reports `!GetAtt X.WebsiteURL` (and other URLs) where a domain name is needed. */
function checkUrlWhereDomainWanted(template: TemplateIndex, report: Report): void {
  const names = templateNames(template);
  for (const { type, path } of DOMAIN_PROPERTIES) {
    for (const resource of resourcesOfType(template, type)) {
      for (const { properties } of propertySets(resource)) {
        for (const found of valuesWithPaths(properties, path)) {
          const target = referenceTarget(found.node);
          if (!target?.attribute) continue;
          const of = names.resourceType(target.name);
          const gives = of ? attributeGives(URL_ATTRIBUTES, of, target.attribute) : undefined;
          if (!of || !gives || (of.startsWith("AWS::Serverless::") && !template.sam)) continue;
          const getAtt = `!GetAtt ${target.name}.${target.attribute}`;
          report(
            found.node,
            `${getAtt} gives ${gives}, and ${displayPath(found.path)} takes a domain name, without a scheme or ` +
              `path; use !Select [2, !Split ['/', ${getAtt}]]`,
            { path: ["Resources", resource.name, "Properties", ...found.path] },
          );
        }
      }
    }
  }
}

/** Reports `!GetAtt X.Arn` where X's name, URL or domain name is needed. */
function checkArnWhereNameWanted(template: TemplateIndex, report: Report): void {
  for (const { type, path, of, wants, use } of NAME_PROPERTIES) {
    for (const resource of resourcesOfType(template, type)) {
      for (const { properties } of propertySets(resource)) {
        for (const found of valuesWithPaths(properties, path)) {
          const target = referenceTarget(found.node);
          if (target?.attribute !== "Arn" || template.resources.get(target.name)?.type !== of) continue;
          const fix = use === "!Ref" ? `!Ref ${target.name}` : `!GetAtt ${target.name}.${use}`;
          report(
            found.node,
            `!GetAtt ${target.name}.Arn gives an ARN, and ${displayPath(found.path)} takes ${wants}; use ${fix}`,
            { path: ["Resources", resource.name, "Properties", ...found.path] },
          );
        }
      }
    }
  }
}
