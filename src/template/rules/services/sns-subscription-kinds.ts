/**
 * E3970 (a check cfn-lint does not have): an SNS subscription SNS refuses for what it joins.
 * - RawMessageDelivery on a protocol other than sqs, http, https and firehose: "Delivery protocol
 *   [lambda] does not support raw message delivery" (the Subscribe call's error). The key alone is
 *   refused, `false` too: CloudFormation passes it on whatever its value
 *   (cloudformation-coverage-roadmap#399).
 * - A FIFO topic of the template subscribed by anything but an SQS queue (SNS's "Message delivery
 *   for FIFO topics": FIFO topics deliver to SQS FIFO and standard queues, "attempts to subscribe
 *   customer managed endpoints to SNS FIFO topics result in errors", and a function takes a FIFO
 *   topic's messages through a queue). Firehose is not named either way and is left alone.
 * - An SQS FIFO queue of the template subscribed to a standard topic of the template: "FIFO SQS
 *   Queues can not be subscribed to standard SNS topics" (the error a standard topic gives; moto
 *   checks it with tests run against AWS). The other way round is allowed since 2023.
 * - An AWS::SNS::Subscription of an SQS FIFO queue whose RedrivePolicy's deadLetterTargetArn is a
 *   standard queue of the template: "RedrivePolicy: must use a FIFO queue as DLQ for a FIFO
 *   Subscription to a FIFO Topic" (LocalStack's copy, in tests it runs against AWS; a standard
 *   queue subscribed to a FIFO topic may keep a standard dead-letter queue).
 *
 * The subscriptions are AWS::SNS::Subscription resources, the Subscription items of an
 * AWS::SNS::Topic, and the SNS events of SAM functions (a lambda subscription, or an sqs one where
 * the event's SqsSubscription names a queue; `SqsSubscription: true` makes a standard queue). A topic
 * or queue is known when a Ref (topic) or Fn::GetAtt Arn (queue, as E3936's fifoQueue reads it)
 * names one of the template whose FifoTopic or FifoQueue is written out.
 */
import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import { eventPath, eventProperties, eventType, samEvents } from "../sam/events";
import { intrinsicName, type TemplateIndex } from "../template-index";
import { fifoQueue, queueKind } from "./fifo-targets";
import {
  booleanProperty,
  literalBoolean,
  literalString,
  onlyPropertySet,
  plainMap,
  presentEntry,
  propertySets,
  refResource,
  resourcesOfType,
  valuesWithPaths,
} from "./values";

const TOPIC = "AWS::SNS::Topic";
const RAW_PROTOCOLS = new Set(["sqs", "http", "https", "firehose"]);
const FIFO_TOPIC_PROTOCOLS = new Set(["sqs", "firehose"]);

interface Subscriber {
  /** How the message names it: "Subscription 'X'", "A subscription of topic 'T'", "SNS event E of function F". */
  owner: string;
  protocol: string;
  /** Where the protocol is written, or what makes it (a SAM event's Type). */
  protocolNode: Node;
  /** The topic's name in the template, when the subscription names one of its topics. */
  topic: string | undefined;
  endpoint: Node | undefined;
  raw: Node | undefined;
  /** The RedrivePolicy's deadLetterTargetArn, of an AWS::SNS::Subscription. */
  deadLetter: Node | undefined;
  path: (string | number)[];
  /** The finding paths of the protocol and the endpoint, below `path`. */
  keys: { protocol: (string | number)[]; endpoint: (string | number)[] };
}

export const snsSubscriptionKinds: Rule = {
  id: "E3970",
  severity: "error",
  shortDescription: "SNS subscriptions fit their topic's kind and their protocol",
  description:
    "SNS refuses RawMessageDelivery outside sqs, http, https and firehose subscriptions, a FIFO topic's " +
    "subscriptions other than SQS queues, an SQS FIFO queue's subscription to a standard topic, and a standard " +
    "dead-letter queue for an SQS FIFO queue's subscription.",
  source: "https://docs.aws.amazon.com/sns/latest/dg/fifo-message-delivery.html",
  tags: ["resources", "sns", "sqs", "serverless"],
  check({ template, report }) {
    for (const subscriber of subscribers(template)) {
      const { owner, protocol, raw } = subscriber;
      if (raw && !RAW_PROTOCOLS.has(protocol)) {
        report(
          raw,
          `${owner} sets RawMessageDelivery on ${an(protocol)} subscription, and SNS takes it only for sqs, http, ` +
            "https and firehose ones (false included); remove RawMessageDelivery",
          { path: [...subscriber.path, "RawMessageDelivery"] },
        );
      }
      const fifoTopic = subscriber.topic === undefined ? undefined : isFifoTopic(template, subscriber.topic);
      if (fifoTopic === true && !FIFO_TOPIC_PROTOCOLS.has(protocol)) {
        report(
          subscriber.protocolNode,
          `${owner} is ${an(protocol)} subscription to FIFO topic '${subscriber.topic}', and a FIFO topic delivers only ` +
            `to SQS queues: subscribe a queue${protocol === "lambda" ? " and let it trigger the function" : ""}, or use a standard topic`,
          { path: [...subscriber.path, ...subscriber.keys.protocol] },
        );
      }
      const queue =
        fifoTopic === false && protocol === "sqs" ? fifoQueue(template, subscriber.endpoint) : undefined;
      if (queue && subscriber.endpoint) {
        report(
          subscriber.endpoint,
          `${owner} subscribes FIFO queue '${queue}' to standard topic '${subscriber.topic}', and SNS subscribes ` +
            "FIFO queues only to FIFO topics: make the topic FIFO (FifoTopic: true, a name ending in .fifo) or the queue standard",
          { path: [...subscriber.path, ...subscriber.keys.endpoint] },
        );
      }
      const fifoEndpoint =
        fifoTopic !== false && protocol === "sqs" ? fifoQueue(template, subscriber.endpoint) : undefined;
      const deadLetter = fifoEndpoint ? queueKind(template, subscriber.deadLetter) : undefined;
      const standard = deadLetter?.fifo === false ? deadLetter.name : undefined;
      if (standard && subscriber.deadLetter) {
        report(
          subscriber.deadLetter,
          `${owner} subscribes FIFO queue '${fifoEndpoint}', and its dead-letter queue '${standard}' is standard: SNS ` +
            "takes only a FIFO queue as the dead-letter queue of a FIFO subscription; make the dead-letter queue FIFO " +
            "(FifoQueue: true, a name ending in .fifo)",
          { path: [...subscriber.path, "RedrivePolicy", "deadLetterTargetArn"] },
        );
      }
    }
  },
};

function subscribers(template: TemplateIndex): Subscriber[] {
  const found: Subscriber[] = [];
  for (const resource of resourcesOfType(template, "AWS::SNS::Subscription")) {
    for (const { properties } of propertySets(resource)) {
      const protocolNode = presentEntry(properties, "Protocol")?.value;
      const protocol = literalString(protocolNode);
      if (!protocolNode || protocol === undefined) continue;
      found.push({
        owner: `Subscription '${resource.name}'`,
        protocol,
        protocolNode,
        topic: topicOf(template, presentEntry(properties, "TopicArn")?.value),
        endpoint: presentEntry(properties, "Endpoint")?.value,
        raw: presentEntry(properties, "RawMessageDelivery")?.value,
        deadLetter: mapGet(plainMap(presentEntry(properties, "RedrivePolicy")?.value), "deadLetterTargetArn")
          ?.value,
        path: ["Resources", resource.name, "Properties"],
        keys: { protocol: ["Protocol"], endpoint: ["Endpoint"] },
      });
    }
  }
  for (const topic of resourcesOfType(template, TOPIC)) {
    for (const { properties } of propertySets(topic)) {
      for (const { node, path } of valuesWithPaths(properties, ["Subscription", "*"])) {
        if (node.kind !== "map") continue;
        const protocolNode = mapGet(node, "Protocol")?.value;
        const protocol = literalString(protocolNode);
        if (!protocolNode || protocol === undefined) continue;
        found.push({
          owner: `A subscription of topic '${topic.name}'`,
          protocol,
          protocolNode,
          topic: topic.name,
          endpoint: mapGet(node, "Endpoint")?.value,
          raw: undefined,
          deadLetter: undefined,
          path: ["Resources", topic.name, "Properties", ...path],
          keys: { protocol: ["Protocol"], endpoint: ["Endpoint"] },
        });
      }
    }
  }
  for (const event of samEvents(template)) {
    if (event.resource.type !== "AWS::Serverless::Function" || eventType(event) !== "SNS") continue;
    const properties = eventProperties(event);
    if (properties?.kind !== "map") continue;
    // Without SqsSubscription (or with false) SAM subscribes the function; with true or a queue's
    // settings, a queue. A function call may give either, and is left alone.
    const queue = presentEntry(properties, "SqsSubscription")?.value;
    const written = queue === undefined ? false : literalBoolean(queue);
    const asQueue = written === true || (queue?.kind === "map" && intrinsicName(queue) === undefined);
    if (written === undefined && !asQueue) continue;
    const queueArn = asQueue && queue?.kind === "map" ? mapGet(queue, "QueueArn")?.value : undefined;
    const typeNode = mapGet(event.body, "Type")?.value;
    if (!typeNode) continue;
    found.push({
      owner: `SNS event ${event.entry.key} of function '${event.resource.name}'`,
      protocol: asQueue ? "sqs" : "lambda",
      protocolNode: typeNode,
      topic: topicOf(template, presentEntry(properties, "Topic")?.value),
      endpoint: queueArn,
      raw: undefined,
      deadLetter: undefined,
      path: eventPath(event),
      keys: { protocol: ["Type"], endpoint: ["Properties", "SqsSubscription", "QueueArn"] },
    });
  }
  return found;
}

/** The name of the template's topic a TopicArn (a Ref) names. */
function topicOf(template: TemplateIndex, value: Node | undefined): string | undefined {
  return value ? refResource(template, value, [TOPIC])?.name : undefined;
}

/** Whether the template's topic is FIFO, when its properties are written out (no Fn::If around them). */
function isFifoTopic(template: TemplateIndex, name: string): boolean | undefined {
  const topic = template.resources.get(name);
  const set = topic && onlyPropertySet(topic);
  return set && booleanProperty(set.properties, "FifoTopic", false);
}

/** The protocol with its article, as read aloud: "an email", "a lambda", "an sqs", "an http". */
function an(protocol: string): string {
  return `${/^([aeiou]|s(?![aeiou])|h(?=t))/.test(protocol) ? "an" : "a"} ${protocol}`;
}
