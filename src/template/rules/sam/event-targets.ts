/**
 * Where the SAM transform puts an event's properties: the resource it makes of the event, and the
 * place in that resource's Properties each value goes to unchanged. The constraint walk
 * (constraints/walk.ts) judges an event's values there, against the resource provider schema of
 * the resource made, as it judges the resource's own properties: a `BatchSize: 20000` on an SQS
 * event, a `StartingPosition: Latest`, a schedule's `State: Enabled`, a rule target's
 * `RetryPolicy` with 200 attempts. cfn-lint judges them after running the transform.
 *
 * Only values the transform passes on as written are listed (aws-sam-translator 1.110, the
 * `eventsources` and `stepfunctions/events` modules): not `Enabled` of a schedule (turned into
 * State), nor anything the transform builds from a value. A poller's `DestinationConfig` goes on
 * without its `OnFailure.Type` (which only tells the transform what policy to add); the schema has
 * no place for that key, and the walk judges only what the schema names, so it is listed. test/unit/template/rules/sam-event-values.test.ts runs the
 * installed transform and checks every entry.
 */
import type { MapEntry, MapNode } from "../../model";
import type { TemplateIndex } from "../template-index";
import { eventProperties, eventType, isFunctionCall, POLLER, type SamEventEntry, samEvents } from "./events";

/** A place in the made resource's Properties; `*` is every item of a list (the one target SAM writes). */
export type TargetPath = readonly string[];

export interface EventTarget {
  /** The type of the resource the transform makes of the event. */
  type: string;
  /** Event property -> where its value goes in that resource's Properties. */
  properties: Readonly<Record<string, TargetPath>>;
}

/** Properties that keep their name. */
function same(...names: string[]): Record<string, TargetPath> {
  return Object.fromEntries(names.map((name) => [name, [name]]));
}

/** Properties that go to the same name under `parent`. */
function under(parent: readonly string[], ...names: string[]): Record<string, TargetPath> {
  return Object.fromEntries(names.map((name) => [name, [...parent, name]]));
}

/** The stream and queue pollers: a Lambda event source mapping. */
const MAPPING = "AWS::Lambda::EventSourceMapping";
/**
 * What the transform does not pass on as written: ConsumerGroupId goes under a Kafka source's own
 * settings (below), SchemaRegistryConfig is rebuilt, and the bootstrap servers and the secret's
 * key make other properties.
 */
const REWRITTEN = [
  "ConsumerGroupId",
  "KafkaBootstrapServers",
  "SchemaRegistryConfig",
  "SecretsManagerKmsKeyId",
];
const POLLED = same(...POLLER.filter((name) => !REWRITTEN.includes(name)));
/** The queue, stream, broker or cluster a poller reads: the mapping's EventSourceArn, as written. */
const SOURCE_ARN: TargetPath = ["EventSourceArn"];
const poller = (extra: Record<string, TargetPath> = {}): EventTarget => ({
  type: MAPPING,
  properties: { ...POLLED, ...extra },
});

/** An EventBridge rule with one target, which gets the event's Input, RetryPolicy and the like. */
const RULE = "AWS::Events::Rule";
const TARGETS = ["Targets", "*"];
const SCHEDULE: EventTarget = {
  type: RULE,
  properties: {
    Schedule: ["ScheduleExpression"],
    ...same("Description", "Name", "State"),
    ...under(TARGETS, "Input", "RetryPolicy"),
  },
};
const EVENT_RULE: EventTarget = {
  type: RULE,
  properties: {
    Pattern: ["EventPattern"],
    RuleName: ["Name"],
    ...same("EventBusName", "State"),
    ...under(TARGETS, "Input", "InputPath", "InputTransformer", "RetryPolicy"),
  },
};

/** An EventBridge Scheduler schedule. Name: SAM writes the event's logical id when none is given. */
const SCHEDULE_V2: EventTarget = {
  type: "AWS::Scheduler::Schedule",
  properties: {
    ...same(
      "Description",
      "EndDate",
      "FlexibleTimeWindow",
      "GroupName",
      "KmsKeyArn",
      "Name",
      "ScheduleExpression",
      "ScheduleExpressionTimezone",
      "StartDate",
      "State",
    ),
    ...under(["Target"], "Input", "RetryPolicy"),
  },
};

const FUNCTION_TARGETS: Record<string, EventTarget> = {
  CloudWatchEvent: EVENT_RULE,
  CloudWatchLogs: {
    type: "AWS::Logs::SubscriptionFilter",
    properties: same("FilterPattern", "LogGroupName"),
  },
  DocumentDB: poller({
    Cluster: SOURCE_ARN,
    ...under(["DocumentDBEventSourceConfig"], "CollectionName", "DatabaseName", "FullDocument"),
  }),
  DynamoDB: poller({ Stream: SOURCE_ARN }),
  EventBridgeRule: EVENT_RULE,
  IoTRule: {
    type: "AWS::IoT::TopicRule",
    properties: under(["TopicRulePayload"], "AwsIotSqlVersion", "Sql"),
  },
  Kinesis: poller({ Stream: SOURCE_ARN }),
  MQ: poller({ Broker: SOURCE_ARN }),
  MSK: poller({
    Stream: SOURCE_ARN,
    ...under(["AmazonManagedKafkaEventSourceConfig"], "ConsumerGroupId"),
  }),
  SQS: poller({ Queue: SOURCE_ARN }),
  Schedule: SCHEDULE,
  ScheduleV2: SCHEDULE_V2,
  SelfManagedKafka: poller(under(["SelfManagedKafkaEventSourceConfig"], "ConsumerGroupId")),
};

const STATE_MACHINE_TARGETS: Record<string, EventTarget> = {
  CloudWatchEvent: EVENT_RULE,
  EventBridgeRule: EVENT_RULE,
  Schedule: SCHEDULE,
  ScheduleV2: SCHEDULE_V2,
};

/** By SAM resource type, then event Type. */
export const EVENT_TARGETS: Readonly<Record<string, Readonly<Record<string, EventTarget>>>> = {
  "AWS::Serverless::Function": FUNCTION_TARGETS,
  "AWS::Serverless::StateMachine": STATE_MACHINE_TARGETS,
};

/** What the transform makes of an event of `eventType` on a resource of `resourceType`, if it is listed. */
function eventTarget(
  resourceType: string | undefined,
  eventType: string | undefined,
): EventTarget | undefined {
  const byEvent =
    resourceType && Object.hasOwn(EVENT_TARGETS, resourceType) ? EVENT_TARGETS[resourceType] : undefined;
  return byEvent && eventType && Object.hasOwn(byEvent, eventType) ? byEvent[eventType] : undefined;
}

/** A SAM event whose values the transform passes on to a listed resource, with what it makes. */
export interface PassedEvent {
  event: SamEventEntry;
  /** The event's Type. */
  type: string;
  target: EventTarget;
  /** The event's Properties, a mapping written out. */
  properties: MapNode;
}

/**
 * The template's SAM events whose Type is listed, with their Properties written out as a mapping
 * (Properties given by a function are left alone, as the E0001 event checks leave them).
 */
export function passedEvents(template: TemplateIndex): PassedEvent[] {
  const passed: PassedEvent[] = [];
  for (const event of samEvents(template)) {
    const type = eventType(event);
    const target = eventTarget(event.resource.type, type);
    const properties = eventProperties(event);
    if (!type || !target || properties?.kind !== "map" || isFunctionCall(properties)) continue;
    passed.push({ event, type, target, properties });
  }
  return passed;
}

/** Where the transform puts an event property's value in the made resource, if it passes it on as written. */
export function targetPath(target: EventTarget, entry: MapEntry): TargetPath | undefined {
  return Object.hasOwn(target.properties, entry.key) ? target.properties[entry.key] : undefined;
}
