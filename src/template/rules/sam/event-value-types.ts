/**
 * E0001: a SAM event property whose value is not of the type the transform takes. The transform
 * validates each property of an event source against its type (aws-sam-translator 1.110's
 * property_types: a string, an integer, a boolean, a mapping or a list) before it generates
 * anything, and refuses the template otherwise ("Property 'PayloadFormatVersion' should be a
 * string", "Type of property 'BatchSize' is invalid"). It leaves a value given by an intrinsic
 * function to CloudFormation, except an Api or HttpApi event's Path and Method, which it needs
 * as text to build the API (unless the language extensions, which may resolve the function, run first), and a mapping of one key, which it takes for a function. As in
 * Python, a boolean counts as an integer; a number written with a fraction (`2.0`) does not. The
 * commonest case is an unquoted `PayloadFormatVersion: 2.0`. Each case was tried with the
 * transform (aws-sam-translator 1.110).
 */
import { Span } from "../../lines";
import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import { usesLanguageExtensions } from "../functions/calls";
import type { Rule } from "../rule";
import { kindName } from "../template/scalars";
import { intrinsicName, isForEachKey } from "../template-index";
import { eventType, SAM_GUIDE, samEvents } from "./events";

export type ValueKind = "string" | "integer" | "boolean" | "mapping" | "list";

const S = "string";
const I = "integer";
const B = "boolean";
const M = "mapping";
const L = "list";

/** What every stream and queue poller's properties take (the event source mapping's). */
const POLLER: Record<string, ValueKind> = {
  BatchSize: I,
  BisectBatchOnFunctionError: B,
  ConsumerGroupId: S,
  DestinationConfig: M,
  Enabled: B,
  FilterCriteria: M,
  FunctionResponseTypes: L,
  KafkaBootstrapServers: L,
  LoggingConfig: M,
  MaximumBatchingWindowInSeconds: I,
  MaximumRecordAgeInSeconds: I,
  MaximumRetryAttempts: I,
  MetricsConfig: M,
  ParallelizationFactor: I,
  ProvisionedPollerConfig: M,
  Queues: L,
  ScalingConfig: M,
  SchemaRegistryConfig: M,
  SecretsManagerKmsKeyId: S,
  SourceAccessConfigurations: L,
  Topics: L,
  TumblingWindowInSeconds: I,
};

const RULE: Record<string, ValueKind> = {
  DeadLetterConfig: M,
  EventBusName: S,
  Input: S,
  InputPath: S,
  InputTransformer: M,
  Pattern: M,
  RetryPolicy: M,
  RuleName: S,
  State: S,
  Target: M,
};

const SCHEDULE: Record<string, ValueKind> = {
  DeadLetterConfig: M,
  Description: S,
  Enabled: B,
  Input: S,
  Name: S,
  RetryPolicy: M,
  Schedule: S,
  State: S,
};

/** By resource type, then event type: the properties whose values the transform validates. */
export const EVENT_VALUE_KINDS: Record<string, Record<string, Record<string, ValueKind>>> = {
  "AWS::Serverless::Function": {
    AlexaSkill: { SkillId: S },
    Api: {
      Auth: M,
      Method: S,
      Path: S,
      RequestModel: M,
      RequestParameters: L,
      ResponseTransferMode: S,
      RestApiId: S,
      Stage: S,
      TimeoutInMillis: I,
    },
    CloudWatchEvent: { ...RULE, Enabled: B },
    CloudWatchLogs: { FilterPattern: S, LogGroupName: S },
    Cognito: { UserPool: S },
    DocumentDB: POLLER,
    DynamoDB: POLLER,
    EventBridgeRule: { ...RULE, Enabled: B },
    HttpApi: {
      ApiId: S,
      Auth: M,
      Method: S,
      Path: S,
      PayloadFormatVersion: S,
      RouteSettings: M,
      Stage: S,
      TimeoutInMillis: I,
    },
    IoTRule: { AwsIotSqlVersion: S, Sql: S },
    Kinesis: POLLER,
    MQ: { ...POLLER, DynamicPolicyName: B },
    MSK: POLLER,
    S3: { Bucket: S },
    SNS: { RedrivePolicy: M, Region: S, Topic: S },
    SQS: POLLER,
    Schedule: { ...SCHEDULE, RuleName: S },
    ScheduleV2: {
      DeadLetterConfig: M,
      Description: S,
      EndDate: S,
      FlexibleTimeWindow: M,
      GroupName: S,
      Input: S,
      KmsKeyArn: S,
      Name: S,
      OmitName: B,
      PermissionsBoundary: S,
      RetryPolicy: M,
      RoleArn: S,
      ScheduleExpression: S,
      ScheduleExpressionTimezone: S,
      StartDate: S,
      State: S,
    },
    SelfManagedKafka: POLLER,
  },
  "AWS::Serverless::StateMachine": {
    Api: { Auth: M, Method: S, Path: S, RestApiId: S, Stage: S, UnescapeMappingTemplate: B },
    CloudWatchEvent: RULE,
    EventBridgeRule: RULE,
    Schedule: { ...SCHEDULE, RoleArn: S, Target: M },
  },
};

/** The function event properties the transform needs as text, which no intrinsic function may give. */
const LITERAL: Record<string, readonly string[]> = { Api: ["Path", "Method"], HttpApi: ["Path", "Method"] };

export const samEventValues: Rule = {
  id: "E0001",
  severity: "error",
  shortDescription: "SAM event property values have the types the transform takes",
  description:
    "The SAM transform refuses an event property whose value is not of its type: a string (an Api's Path, an " +
    "HttpApi's PayloadFormatVersion), an integer (BatchSize), a boolean (Enabled), a mapping or a list.",
  source: `${SAM_GUIDE}/sam-property-function-eventsource.html`,
  tags: ["sam", "events"],
  check({ template, report }) {
    const { source } = template.parsed;
    // The language extensions may resolve a function before the SAM transform reads the event.
    const extensions = usesLanguageExtensions(template);
    for (const event of samEvents(template)) {
      const type = eventType(event);
      const resourceType = event.resource.type;
      const kinds = type === undefined || !resourceType ? undefined : EVENT_VALUE_KINDS[resourceType]?.[type];
      const properties = mapGet(event.body, "Properties")?.value;
      if (!kinds || properties?.kind !== "map" || intrinsicName(properties)) continue;
      const where = `event ${event.entry.key} of ${event.resource.name} (${type})`;
      const literal =
        resourceType === "AWS::Serverless::Function" && !extensions ? (LITERAL[type ?? ""] ?? []) : [];
      for (const property of properties.entries) {
        if (isForEachKey(property.key) || !Object.hasOwn(kinds, property.key)) continue;
        const kind = kinds[property.key];
        const value = property.value;
        const path = [
          "Resources",
          event.resource.name,
          "Properties",
          "Events",
          event.entry.key,
          "Properties",
          property.key,
        ];
        if (intrinsicName(value)) {
          if (literal.includes(property.key))
            report(
              value,
              `${property.key} of ${where} must be written out as text: the SAM transform builds the API with it, and refuses ${kindName(value)} there`,
              { path },
            );
          continue;
        }
        if (fits(value, kind, source)) continue;
        const written =
          value.kind === "scalar" && value.range instanceof Span
            ? source.slice(value.range.from, value.range.to)
            : undefined;
        const quote =
          kind === S && value.kind === "scalar" && value.value !== null && written
            ? `; quote it ('${written}')`
            : "";
        report(
          value,
          `${property.key} of ${where} must be a${kind === I ? "n" : ""} ${kind}, not ${kindName(value)}: the SAM transform refuses it${quote}`,
          { path },
        );
      }
    }
  },
};

/**
 * Whether a value (not a function's) is of `kind`, as the transform's Python checks it; an empty one
 * is not judged, nor a mapping of one key, which the transform takes for a function and leaves alone.
 */
function fits(value: Node, kind: ValueKind, source: string): boolean {
  if (value.kind === "map") return kind === M || value.entries.length === 1;
  if (value.kind === "seq") return kind === L;
  const scalar = value.value;
  if (scalar === null) return true;
  switch (kind) {
    case S:
      return typeof scalar === "string";
    case B:
      return typeof scalar === "boolean";
    case I:
      if (typeof scalar === "boolean") return true;
      if (typeof scalar !== "number" || !Number.isInteger(scalar)) return false;
      return !(value.range instanceof Span) || !/[.eE]/.test(source.slice(value.range.from, value.range.to));
    default:
      return false;
  }
}
