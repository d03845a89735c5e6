/**
 * What the Lambda event source rules share: the sources a function reads (each
 * AWS::Lambda::EventSourceMapping, and under SAM each SQS event of a function, which the transform
 * turns into one) and what kind of source their ARN names.
 *
 * The kind is read from a literal ARN or a Fn::Sub whose service part is written out
 * (`arn:${AWS::Partition}:sqs:...`), and from a GetAtt or Ref of a resource in the template: a
 * queue's Arn, a Kinesis stream's Arn or consumer's ConsumerARN, a DynamoDB table's StreamArn, an
 * MSK cluster, an Amazon MQ broker. cfn-lint reads literal ARNs only, and so misses the usual
 * `!GetAtt Table.StreamArn`.
 */
import type { MapEntry, MapNode, Node } from "../../model";
import { mapGet } from "../../nodes";
import { eventPath, eventProperties, eventType, samEvents } from "../sam/events";
import type { TemplateIndex } from "../template-index";
import { SAM_FUNCTION } from "./lambda";
import { QUEUE } from "./sqs";
import {
  arnParts,
  booleanProperty,
  literalOrSubText,
  onlyPropertySet,
  plainMap,
  propertySets,
  referenceTarget,
  resourcesOfType,
} from "./values";

const KINDS = ["sqs", "kinesis", "dynamodb", "kafka", "mq"] as const;

/** The kinds of source, named by their ARN's service part. */
export type SourceKind = (typeof KINDS)[number];

/** How the kinds are named in messages. */
export const SOURCE_NAMES: Record<SourceKind, string> = {
  sqs: "an SQS queue",
  kinesis: "a Kinesis stream",
  dynamodb: "a DynamoDB stream",
  kafka: "an Amazon MSK cluster",
  mq: "an Amazon MQ broker",
};

export interface EventSource {
  kind: SourceKind;
  /** For a queue: whether it is FIFO, when that is known. */
  fifo?: boolean;
}

/** A place where a function reads an event source: the properties that configure the polling. */
export interface PollerSite {
  /** The mapping of the polling settings (BatchSize, StartingPosition, ...). */
  properties: MapNode;
  /** The entry that names the source (EventSourceArn, or Queue of a SAM SQS event). */
  source: MapEntry;
  /** The path of `properties`, for findings. */
  path: (string | number)[];
  /** What the source is, when the template tells. */
  eventSource: EventSource | undefined;
}

/** Resource attributes (undefined: the Ref) that give the ARN of a source of the kind. */
const RESOURCE_SOURCES: Record<string, { attributes: (string | undefined)[]; kind: SourceKind }> = {
  [QUEUE]: { attributes: ["Arn"], kind: "sqs" },
  "AWS::Kinesis::Stream": { attributes: ["Arn"], kind: "kinesis" },
  "AWS::Kinesis::StreamConsumer": { attributes: ["ConsumerARN"], kind: "kinesis" },
  "AWS::DynamoDB::Table": { attributes: ["StreamArn"], kind: "dynamodb" },
  "AWS::DynamoDB::GlobalTable": { attributes: ["StreamArn"], kind: "dynamodb" },
  "AWS::MSK::Cluster": { attributes: [undefined, "Arn"], kind: "kafka" },
  "AWS::MSK::ServerlessCluster": { attributes: [undefined, "Arn"], kind: "kafka" },
  "AWS::AmazonMQ::Broker": { attributes: ["Arn"], kind: "mq" },
};

/** The kind of source an ARN value names, when it can be known without deploying. */
export function eventSourceOf(template: TemplateIndex, node: Node): EventSource | undefined {
  const text = literalOrSubText(node);
  if (text !== undefined) return fromArn(text);
  const target = referenceTarget(node);
  const resource = target && template.resources.get(target.name);
  const known = resource?.type ? RESOURCE_SOURCES[resource.type] : undefined;
  if (!resource || !known?.attributes.includes(target.attribute)) return undefined;
  if (known.kind !== "sqs") return { kind: known.kind };
  const set = onlyPropertySet(resource);
  return { kind: "sqs", fifo: set && booleanProperty(set.properties, "FifoQueue", false) };
}

/**
 * `arn:partition:service:region:account:resource`; a queue's name tells whether it is FIFO. The
 * `${...}` of a Fn::Sub stand for unknown text (their `::` is no separator).
 */
function fromArn(arn: string): EventSource | undefined {
  const parts = arnParts(arn);
  if (!parts) return undefined;
  const kind = KINDS.find((known) => known === parts[2]);
  if (!kind) return undefined;
  if (kind !== "sqs") return { kind };
  const name = parts.slice(5).join(":");
  return { kind, fifo: name.includes("\u0000") ? undefined : name.endsWith(".fifo") };
}

const cache = new WeakMap<TemplateIndex, PollerSite[]>();

/**
 * Every place a function polls a source: the event source mappings (each branch of a
 * `Properties: !If`) and, under SAM, the SQS events of functions. SAM's Kinesis, DynamoDB and MSK
 * events are left to the SAM rules, which already require their StartingPosition. Found once per
 * template, for the three rules that go over them.
 */
export function pollerSites(template: TemplateIndex): PollerSite[] {
  const cached = cache.get(template);
  if (cached) return cached;
  const sites: PollerSite[] = [];
  cache.set(template, sites);
  for (const mapping of resourcesOfType(template, "AWS::Lambda::EventSourceMapping")) {
    for (const { properties } of propertySets(mapping)) {
      const source = mapGet(properties, "EventSourceArn");
      if (!source) continue;
      const path = ["Resources", mapping.name, "Properties"];
      sites.push({ properties, source, path, eventSource: eventSourceOf(template, source.value) });
    }
  }
  for (const event of samEvents(template)) {
    if (event.resource.type !== SAM_FUNCTION || eventType(event) !== "SQS") continue;
    const properties = plainMap(eventProperties(event));
    if (!properties) continue;
    const source = mapGet(properties, "Queue");
    if (!source) continue;
    sites.push({
      properties,
      source,
      path: eventPath(event, "Properties"),
      eventSource: eventSourceOf(template, source.value),
    });
  }
  return sites;
}
