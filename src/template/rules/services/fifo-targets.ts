/**
 * E3936 (our own id): FIFO queues of the template where a service does not take them, or not as
 * written:
 * - an S3 notification to a FIFO queue: "FIFO queues are not supported as an Amazon S3 event
 *   notification destination" (Amazon S3 User Guide), and the bucket fails to create;
 * - an EventBridge rule target that is a FIFO queue without SqsParameters.MessageGroupId, which
 *   EventBridge requires for a FIFO target;
 * - a Lambda destination that is a FIFO queue: the OnSuccess or OnFailure of a function's
 *   asynchronous invocations (AWS::Lambda::EventInvokeConfig, or a SAM function's
 *   EventInvokeConfig), which Lambda refuses with InvalidParameterValueException (aws-cdk#13793),
 *   and the OnFailure of an event source mapping, which the Lambda Developer Guide's parameter
 *   tables give as a standard queue or topic (mappings, and SAM's stream events).
 * The queue is known through GetAtt of a queue of the template whose FifoQueue is true.
 */
import type { MapNode, Node } from "../../model";
import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import { eventPath, eventProperties, eventType, samEvents } from "../sam/events";
import type { TemplateIndex } from "../template-index";
import { pollerSites } from "./event-sources";
import { ruleTargets } from "./event-targets";
import { SAM_FUNCTION } from "./lambda";
import { bucketNotifications } from "./s3-event-names";
import { QUEUE } from "./sqs";
import {
  booleanProperty,
  getAttResource,
  isAbsent,
  onlyPropertySet,
  plainMap,
  propertySets,
  resourcesOfType,
} from "./values";

/**
 * The queue of the template an ARN names through GetAtt, when its FifoQueue is known (written out,
 * or left out: a standard queue), with its name.
 */
export function queueKind(
  template: TemplateIndex,
  arn: Node | undefined,
): { name: string; fifo: boolean } | undefined {
  const queue = arn && getAttResource(template, arn, "Arn", [QUEUE]);
  const set = queue && onlyPropertySet(queue);
  const fifo = set && booleanProperty(set.properties, "FifoQueue", false);
  return queue && fifo !== undefined ? { name: queue.name, fifo } : undefined;
}

/** The FIFO queue of the template an ARN names through GetAtt, if it is one. */
export function fifoQueue(template: TemplateIndex, arn: Node | undefined): string | undefined {
  const queue = queueKind(template, arn);
  return queue?.fifo ? queue.name : undefined;
}

export const fifoQueueTargets: Rule = {
  id: "E3936",
  severity: "error",
  shortDescription: "FIFO queues receive only from services that take them",
  description:
    "An S3 notification does not deliver to a FIFO queue, an EventBridge target that is a FIFO queue gives " +
    "SqsParameters.MessageGroupId, and no Lambda destination (asynchronous invocations, event source mappings) is a " +
    "FIFO queue.",
  source:
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-event-types-and-destinations.html",
  tags: ["resources", "sqs", "s3", "events"],
  check({ template, report }) {
    for (const { bucket, key, configuration, path } of bucketNotifications(template)) {
      if (key !== "QueueConfigurations") continue;
      const arn = mapGet(configuration, "Queue")?.value;
      const queue = fifoQueue(template, arn);
      if (!arn || !queue) continue;
      report(
        arn,
        `Bucket ${bucket.name} notifies FIFO queue ${queue}, and S3 does not deliver to FIFO queues, so the bucket ` +
          "fails to create; notify a standard queue, or an SNS topic or EventBridge rule in front of the FIFO queue",
        { path: [...path, "Queue"] },
      );
    }
    for (const { rule, target, path } of ruleTargets(template)) {
      const arn = mapGet(target, "Arn")?.value;
      const queue = fifoQueue(template, arn);
      if (!arn || !queue) continue;
      const parameters = mapGet(target, "SqsParameters");
      const sqs = plainMap(parameters?.value);
      if (parameters && !sqs) continue; // an intrinsic: unknown
      if (sqs && !isAbsent(sqs, "MessageGroupId")) continue;
      report(
        arn,
        `Rule ${rule.name} targets FIFO queue ${queue} without SqsParameters.MessageGroupId, which EventBridge ` +
          "requires for a FIFO queue; add SqsParameters: {MessageGroupId: <group>}",
        { path: [...path, "Arn"] },
      );
    }
    for (const { owner, config, path, mapping } of lambdaDestinations(template)) {
      for (const outcome of mapping ? ["OnFailure"] : ["OnSuccess", "OnFailure"]) {
        const arn = mapGet(plainMap(mapGet(config, outcome)?.value), "Destination")?.value;
        const queue = fifoQueue(template, arn);
        if (!arn || !queue) continue;
        const what = mapping ? `The ${outcome} destination of ${owner}` : `${owner}'s ${outcome} destination`;
        report(
          arn,
          `${what} is FIFO queue ${queue}, and Lambda sends records to standard queues only, so the stack fails; ` +
            "send them to a standard queue",
          { path: [...path, outcome, "Destination"] },
        );
      }
    }
  },
};

/** The SAM event types that read a stream, whose DestinationConfig the transform passes to the mapping. */
const SAM_STREAMS = ["DynamoDB", "Kinesis", "MSK", "SelfManagedKafka", "DocumentDB"];

/**
 * The DestinationConfig mappings of Lambda: a function's asynchronous invocations (`mapping`
 * false) and event source mappings (true), each with what owns it, for messages.
 */
function lambdaDestinations(
  template: TemplateIndex,
): { owner: string; config: MapNode; path: (string | number)[]; mapping: boolean }[] {
  const out: { owner: string; config: MapNode; path: (string | number)[]; mapping: boolean }[] = [];
  const add = (owner: string, node: Node | undefined, path: (string | number)[], mapping: boolean) => {
    const config = plainMap(node);
    if (config) out.push({ owner, config, path, mapping });
  };
  for (const invoke of resourcesOfType(template, "AWS::Lambda::EventInvokeConfig")) {
    for (const { properties } of propertySets(invoke)) {
      const path = ["Resources", invoke.name, "Properties", "DestinationConfig"];
      add(`Invoke config ${invoke.name}`, mapGet(properties, "DestinationConfig")?.value, path, false);
    }
  }
  for (const fn of resourcesOfType(template, SAM_FUNCTION)) {
    for (const { properties } of propertySets(fn)) {
      const invoke = plainMap(mapGet(properties, "EventInvokeConfig")?.value);
      const path = ["Resources", fn.name, "Properties", "EventInvokeConfig", "DestinationConfig"];
      add(`Function ${fn.name}`, mapGet(invoke, "DestinationConfig")?.value, path, false);
    }
  }
  for (const site of pollerSites(template)) {
    const owner =
      site.path[3] === "Events"
        ? `event ${site.path[4]} of function ${site.path[1]}`
        : `mapping ${site.path[1]}`;
    add(
      owner,
      mapGet(site.properties, "DestinationConfig")?.value,
      [...site.path, "DestinationConfig"],
      true,
    );
  }
  for (const event of samEvents(template)) {
    const type = eventType(event);
    if (event.resource.type !== SAM_FUNCTION || !type || !SAM_STREAMS.includes(type)) continue;
    const config = mapGet(plainMap(eventProperties(event)), "DestinationConfig")?.value;
    add(
      `event ${event.entry.key} of function ${event.resource.name}`,
      config,
      eventPath(event, "Properties", "DestinationConfig"),
      true,
    );
  }
  return out;
}
