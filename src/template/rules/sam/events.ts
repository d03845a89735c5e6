/**
 * The event sources of SAM functions and state machines: which `Type` values the transform
 * knows, which properties each accepts and requires, and the events a template declares (found
 * once per template, shared by the SAM and service rules). The tables follow the AWS SAM
 * Developer Guide's EventSource pages and the property lists the AWS SAM transform
 * (aws-sam-translator 1.110, the one cfn-lint 1.51 runs) validates against, which are slightly
 * wider than the guide: a property the transform accepts must never be reported.
 */
import type { MapEntry, MapNode, Node } from "../../model";
import { mapGet } from "../../nodes";
import { isForEachKey, isString, type ResourceInfo, type TemplateIndex } from "../template-index";

export const SAM_GUIDE = "https://docs.aws.amazon.com/serverless-application-model/latest/developerguide";

export interface EventSourceSpec {
  required: readonly string[];
  optional: readonly string[];
}

/** Properties every stream and queue poller (Lambda event source mapping) accepts. */
export const POLLER = [
  "BatchSize",
  "BisectBatchOnFunctionError",
  "ConsumerGroupId",
  "DestinationConfig",
  "Enabled",
  "FilterCriteria",
  "FunctionResponseTypes",
  "KafkaBootstrapServers",
  "KmsKeyArn",
  "LoggingConfig",
  "MaximumBatchingWindowInSeconds",
  "MaximumRecordAgeInSeconds",
  "MaximumRetryAttempts",
  "MetricsConfig",
  "ParallelizationFactor",
  "ProvisionedPollerConfig",
  "Queues",
  "ScalingConfig",
  "SchemaRegistryConfig",
  "SecretsManagerKmsKeyId",
  "SourceAccessConfigurations",
  "StartingPosition",
  "StartingPositionTimestamp",
  "Topics",
  "TumblingWindowInSeconds",
];

const RULE_TARGET = [
  "DeadLetterConfig",
  "EventBusName",
  "Input",
  "InputPath",
  "InputTransformer",
  "Pattern",
  "RetryPolicy",
  "RuleName",
  "State",
  "Target",
];

const SCHEDULE_V2: EventSourceSpec = {
  required: ["ScheduleExpression"],
  optional: [
    "DeadLetterConfig",
    "Description",
    "EndDate",
    "FlexibleTimeWindow",
    "GroupName",
    "Input",
    "KmsKeyArn",
    "Name",
    "OmitName",
    "PermissionsBoundary",
    "RetryPolicy",
    "RoleArn",
    "ScheduleExpressionTimezone",
    "StartDate",
    "State",
  ],
};

/**
 * `RestApiId` of an Api event is required by the transform's table but filled in with the
 * implicit `ServerlessRestApi` when left out, so it is optional here.
 */
const FUNCTION_EVENTS: Record<string, EventSourceSpec> = {
  AlexaSkill: { required: [], optional: ["SkillId"] },
  Api: {
    required: ["Method", "Path"],
    optional: [
      "Auth",
      "RequestModel",
      "RequestParameters",
      "ResponseTransferMode",
      "RestApiId",
      "Stage",
      "TimeoutInMillis",
    ],
  },
  CloudWatchEvent: { required: [], optional: [...RULE_TARGET, "Enabled"] },
  CloudWatchLogs: { required: ["FilterPattern", "LogGroupName"], optional: [] },
  Cognito: { required: ["Trigger", "UserPool"], optional: [] },
  DocumentDB: {
    required: ["Cluster", "DatabaseName"],
    optional: [...POLLER, "CollectionName", "FullDocument"],
  },
  DynamoDB: { required: ["StartingPosition", "Stream"], optional: POLLER },
  EventBridgeRule: { required: [], optional: [...RULE_TARGET, "Enabled"] },
  HttpApi: {
    required: [],
    optional: [
      "ApiId",
      "Auth",
      "Method",
      "Path",
      "PayloadFormatVersion",
      "RouteSettings",
      "Stage",
      "TimeoutInMillis",
    ],
  },
  IoTRule: { required: ["Sql"], optional: ["AwsIotSqlVersion"] },
  Kinesis: { required: ["StartingPosition", "Stream"], optional: POLLER },
  MQ: { required: ["Broker"], optional: [...POLLER, "DynamicPolicyName"] },
  MSK: { required: ["StartingPosition", "Stream"], optional: POLLER },
  S3: { required: ["Bucket", "Events"], optional: ["Filter"] },
  SNS: {
    required: ["Topic"],
    optional: ["FilterPolicy", "FilterPolicyScope", "RedrivePolicy", "Region", "SqsSubscription"],
  },
  SQS: { required: ["Queue"], optional: POLLER },
  Schedule: {
    required: ["Schedule"],
    optional: [
      "DeadLetterConfig",
      "Description",
      "Enabled",
      "Input",
      "Name",
      "RetryPolicy",
      "RuleName",
      "State",
    ],
  },
  ScheduleV2: SCHEDULE_V2,
  SelfManagedKafka: { required: [], optional: POLLER },
};

const STATE_MACHINE_EVENTS: Record<string, EventSourceSpec> = {
  Api: { required: ["Method", "Path"], optional: ["Auth", "RestApiId", "Stage", "UnescapeMappingTemplate"] },
  CloudWatchEvent: { required: [], optional: RULE_TARGET },
  EventBridgeRule: { required: [], optional: RULE_TARGET },
  Schedule: {
    required: ["Schedule"],
    optional: [
      "DeadLetterConfig",
      "Description",
      "Enabled",
      "Input",
      "Name",
      "RetryPolicy",
      "RoleArn",
      "State",
      "Target",
    ],
  },
  ScheduleV2: SCHEDULE_V2,
};

/** The event source types of each SAM resource type that has `Events`. */
export const EVENT_SOURCES: Record<string, Record<string, EventSourceSpec>> = {
  "AWS::Serverless::Function": FUNCTION_EVENTS,
  "AWS::Serverless::StateMachine": STATE_MACHINE_EVENTS,
};

export interface SamEventEntry {
  resource: ResourceInfo;
  /** The event's entry under Events: its key is the event's name. */
  entry: MapEntry;
  /** The event's body, a mapping written out (not a function); undefined when it is not a mapping. */
  body: MapNode | undefined;
  /** The event source types the resource's type knows. */
  sources: Record<string, EventSourceSpec>;
}

const cache = new WeakMap<TemplateIndex, SamEventEntry[]>();

/** The events of every SAM function and state machine, except those computed by a function. */
export function samEvents(template: TemplateIndex): SamEventEntry[] {
  const cached = cache.get(template);
  if (cached) return cached;
  const out: SamEventEntry[] = [];
  cache.set(template, out);
  if (!template.sam) return out;
  for (const resource of template.resources.values()) {
    const sources = resource.type ? EVENT_SOURCES[resource.type] : undefined;
    if (!sources) continue;
    const events = mapGet(resource.properties?.value, "Events")?.value;
    if (events?.kind !== "map" || isFunctionCall(events)) continue;
    for (const entry of events.entries) {
      // Loops of the language extensions expand before the SAM transform sees the events.
      if (isForEachKey(entry.key)) continue;
      if (isFunctionCall(entry.value)) continue;
      out.push({ resource, entry, body: entry.value.kind === "map" ? entry.value : undefined, sources });
    }
  }
  return out;
}

/** The event's Type when it is written as a string. */
export function eventType(event: SamEventEntry): string | undefined {
  const type = mapGet(event.body, "Type")?.value;
  return isString(type) ? type.value : undefined;
}

/** A one-entry mapping whose key is an intrinsic function (`Fn::If`, `Ref`, ...). */
export function isFunctionCall(node: Node): boolean {
  if (node.kind !== "map" || node.entries.length !== 1) return false;
  const key = node.entries[0].key;
  return key === "Ref" || key === "Condition" || key.startsWith("Fn::");
}

/** The value of the event's `Properties`, when written. */
export function eventProperties(event: SamEventEntry): Node | undefined {
  return mapGet(event.body, "Properties")?.value;
}

/** The finding path of the event, or of something below it (`"Properties", "Queue"`, `"Type"`, ...). */
export function eventPath(event: SamEventEntry, ...below: (string | number)[]): (string | number)[] {
  return ["Resources", event.resource.name, "Properties", "Events", event.entry.key, ...below];
}
