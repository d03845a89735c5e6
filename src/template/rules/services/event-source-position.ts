/**
 * E3633, E3634: StartingPosition fits the event source. Lambda reads a stream (Kinesis, DynamoDB
 * Streams, Amazon MSK) from the position it is told, and CreateEventSourceMapping fails without
 * one, or with AT_TIMESTAMP and no StartingPositionTimestamp, or with AT_TIMESTAMP on a DynamoDB
 * stream (beyond cfn-lint, and in SAM stream events too); a queue has no position, and Lambda refuses
 * StartingPosition for an SQS source.
 *
 * Beyond cfn-lint, which reads literal ARNs only, the source is also known from a GetAtt or Ref
 * of a queue, stream, table or cluster in the template, and the SQS events of SAM functions are
 * checked too (the transform passes their StartingPosition on to the mapping).
 */
import type { MapNode } from "../../model";
import type { Rule } from "../rule";
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
    "StartingPosition is required; AT_TIMESTAMP needs StartingPositionTimestamp, and a DynamoDB stream refuses it.",
  source: MAPPING_DOCS,
  tags: ["resources", "lambda"],
  check({ template, report }) {
    for (const site of pollerSites(template)) {
      const source = site.eventSource;
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
      const position = properties && presentEntry(properties, "StartingPosition");
      if (!properties || !position || literalString(position.value) !== "AT_TIMESTAMP") continue;
      const problem = atTimestampProblem(type === "DynamoDB", properties);
      if (problem)
        report(position.value, problem, { path: eventPath(event, "Properties", "StartingPosition") });
    }
  },
};

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
  shortDescription: "An event source mapping that reads an SQS queue sets no StartingPosition",
  description:
    "A queue has no stream position: when the event source is an SQS queue, StartingPosition is refused.",
  source: MAPPING_DOCS,
  tags: ["resources", "lambda", "sqs"],
  check({ template, report }) {
    for (const site of pollerSites(template)) {
      const position = presentEntry(site.properties, "StartingPosition");
      if (!position || site.eventSource?.kind !== "sqs") continue;
      report(
        position.keyRange,
        "StartingPosition applies to streams, and this event source is an SQS queue, which Lambda reads " +
          "without one; remove StartingPosition",
        { path: [...site.path, "StartingPosition"] },
      );
    }
  },
};
