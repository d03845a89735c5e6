/**
 * E3633, E3634: StartingPosition, and the settings Lambda keeps for streams, fit the event source.
 * Lambda reads a stream (Kinesis, DynamoDB Streams, Amazon MSK) from the position it is told, and CreateEventSourceMapping fails without
 * one, or with AT_TIMESTAMP and no StartingPositionTimestamp, or with AT_TIMESTAMP on a DynamoDB
 * stream (beyond cfn-lint, and in SAM stream events too), or with a StartingPositionTimestamp beside
 * another StartingPosition; a queue has no position, and Lambda refuses StartingPosition for an SQS
 * source.
 *
 * Beyond cfn-lint, E3634 also refuses for a queue the settings Lambda keeps for streams (the
 * CreateEventSourceMapping reference: "available only for stream sources"), the Kafka topics and
 * the Amazon MQ queues: a queue's failed messages go to its redrive policy, not to
 * MaximumRetryAttempts or an OnFailure destination, and the transform passes a SAM SQS event's
 * copies of them on to the mapping (the deploy then fails, serverless/serverless#7762).
 *
 * Beyond cfn-lint, which reads literal ARNs only, the source is also known from a GetAtt or Ref
 * of a queue, stream, table or cluster in the template, and the SQS events of SAM functions are
 * checked too (the transform passes their StartingPosition on to the mapping).
 */
import type { MapNode } from "../../model";
import type { Report, Rule } from "../rule";
import { eventPath, eventProperties, eventType, samEvents } from "../sam/events";
import { pollerSites, SOURCE_NAMES } from "./event-sources";
import { isAbsent, literalString, plainMap, presentEntry } from "./values";

const MAPPING_DOCS = "https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html";

export const streamStartingPosition: Rule = {
  id: "E3633",
  severity: "error",
  shortDescription: "An event source mapping that reads a stream sets a StartingPosition the stream takes",
  description:
    "When an event source mapping reads a Kinesis stream, a DynamoDB stream or an Amazon MSK cluster, " +
    "StartingPosition is required; AT_TIMESTAMP needs StartingPositionTimestamp (which goes with AT_TIMESTAMP " +
    "only), and a DynamoDB stream refuses it.",
  source: MAPPING_DOCS,
  tags: ["resources", "lambda"],
  check({ template, report }) {
    for (const site of pollerSites(template)) {
      const source = site.eventSource;
      // A queue's StartingPosition and timestamp are E3634's.
      if (source?.kind !== "sqs") timestampWithoutAtTimestamp(site.properties, site.path, report);
      if (!source || source.kind === "sqs" || source.kind === "mq") continue;
      const position = presentEntry(site.properties, "StartingPosition");
      if (position && literalString(position.value) === "AT_TIMESTAMP") {
        const problem = atTimestampProblem(source.kind === "dynamodb", site.properties);
        if (problem) report(position.value, problem, { path: [...site.path, "StartingPosition"] });
        continue;
      }
      if (!isAbsent(site.properties, "StartingPosition")) continue;
      report(
        site.source.value,
        `This event source mapping reads ${SOURCE_NAMES[source.kind]}, which needs a StartingPosition: add ` +
          "StartingPosition: LATEST to read new records only, or TRIM_HORIZON to start from the oldest",
        { path: [...site.path, site.source.key] },
      );
    }
    // SAM stream events pass StartingPosition and its timestamp on to the mapping they make.
    for (const event of samEvents(template)) {
      const type = eventType(event);
      if (!type || !SAM_STREAM_EVENTS.includes(type)) continue;
      const properties = plainMap(eventProperties(event));
      if (properties) timestampWithoutAtTimestamp(properties, eventPath(event, "Properties"), report);
      const position = properties && presentEntry(properties, "StartingPosition");
      if (!properties || !position || literalString(position.value) !== "AT_TIMESTAMP") continue;
      const problem = atTimestampProblem(type === "DynamoDB", properties);
      if (problem)
        report(position.value, problem, { path: eventPath(event, "Properties", "StartingPosition") });
    }
  },
};

/**
 * A StartingPositionTimestamp beside a StartingPosition other than AT_TIMESTAMP, which Lambda
 * refuses ("Timestamp only valid with StartingPosition AT_TIMESTAMP", as recorded of the API).
 */
function timestampWithoutAtTimestamp(properties: MapNode, path: (string | number)[], report: Report): void {
  const timestamp = presentEntry(properties, "StartingPositionTimestamp");
  const position = literalString(presentEntry(properties, "StartingPosition")?.value);
  if (!timestamp || position === undefined || position === "AT_TIMESTAMP") return;
  report(
    timestamp.keyRange,
    `StartingPositionTimestamp goes with StartingPosition AT_TIMESTAMP, and this one starts from ${position}, so ` +
      "Lambda refuses the mapping; set StartingPosition: AT_TIMESTAMP, or remove StartingPositionTimestamp",
    { path: [...path, "StartingPositionTimestamp"] },
  );
}

/** Why a StartingPosition of AT_TIMESTAMP is refused: on a DynamoDB stream, or without its timestamp. */
function atTimestampProblem(dynamodb: boolean, properties: MapNode): string | undefined {
  if (dynamodb)
    return "A DynamoDB stream is read from LATEST or TRIM_HORIZON; Lambda refuses AT_TIMESTAMP for it";
  if (!isAbsent(properties, "StartingPositionTimestamp")) return undefined;
  return (
    "StartingPosition AT_TIMESTAMP needs StartingPositionTimestamp, the time (in Unix seconds) to start reading " +
    "from; add it, or start from LATEST or TRIM_HORIZON"
  );
}

/** The SAM event types that read a stream from a StartingPosition. */
const SAM_STREAM_EVENTS = ["DynamoDB", "Kinesis", "MSK", "SelfManagedKafka", "DocumentDB"];

export const queueStartingPosition: Rule = {
  id: "E3634",
  severity: "error",
  shortDescription:
    "An event source mapping that reads an SQS queue sets no StartingPosition or other stream setting",
  description:
    "A queue has no stream position: when the event source is an SQS queue, StartingPosition is refused, and so " +
    "are the settings Lambda keeps for streams, Kafka and Amazon MQ (MaximumRetryAttempts, DestinationConfig, ...).",
  source: MAPPING_DOCS,
  tags: ["resources", "lambda", "sqs"],
  check({ template, report }) {
    for (const site of pollerSites(template)) {
      if (site.eventSource?.kind !== "sqs") continue;
      for (const [key, why] of QUEUE_REFUSES) {
        const entry = presentEntry(site.properties, key);
        if (entry) report(entry.keyRange, `${key} ${why}; remove ${key}`, { path: [...site.path, key] });
      }
    }
  },
};

const STREAMS_ONLY =
  "applies to streams, and this event source is an SQS queue, whose failed messages go where its RedrivePolicy " +
  "sends them";

/** What Lambda refuses for an SQS source, and why, in the order the messages give them. */
const QUEUE_REFUSES: [key: string, why: string][] = [
  [
    "StartingPosition",
    "applies to streams, and this event source is an SQS queue, which Lambda reads without one",
  ],
  [
    "StartingPositionTimestamp",
    "applies to streams, and this event source is an SQS queue, read without a position",
  ],
  ["BisectBatchOnFunctionError", STREAMS_ONLY],
  ["MaximumRetryAttempts", STREAMS_ONLY],
  ["MaximumRecordAgeInSeconds", STREAMS_ONLY],
  ["DestinationConfig", STREAMS_ONLY],
  ["ParallelizationFactor", "applies to the shards of a stream, and this event source is an SQS queue"],
  ["TumblingWindowInSeconds", "applies to streams, and this event source is an SQS queue"],
  ["Topics", "names Kafka topics, and this event source is an SQS queue"],
  ["Queues", "names Amazon MQ queues, and this event source is an SQS queue"],
];
