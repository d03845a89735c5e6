/**
 * E3505: a queue that a Lambda function reads from has a VisibilityTimeout (default 30 seconds)
 * at least the function's Timeout (default 3 seconds); Lambda refuses to create the event source
 * mapping otherwise. The pairs come from an AWS::Lambda::EventSourceMapping whose EventSourceArn
 * is `!GetAtt Queue.Arn` and FunctionName a Ref or GetAtt of a function, and, under SAM, from a
 * function's `Type: SQS` event whose Queue is `!GetAtt Queue.Arn`.
 *
 * cfn-lint checks the event source mapping only (it sees SAM events after the transform). Here a
 * SAM function's Timeout may come from Globals.Function, as SAM merges it. Values given through
 * intrinsics, and resources whose Properties are a Fn::If, are skipped.
 */
import type { MapNode, Node } from "../../model";
import { mapGet } from "../../nodes";
import type { Report, Rule } from "../rule";
import { eventPath, eventProperties, eventType, samEvents } from "../sam/events";
import { isNoValue, type ResourceInfo, type TemplateIndex } from "../template-index";
import { FUNCTION, SAM_FUNCTION } from "./lambda";
import { QUEUE } from "./sqs";
import {
  getAttResource,
  inheritedGlobal,
  isAbsent,
  literalNumber,
  onlyPropertySet,
  presentEntry,
  propertySets,
  referenceTarget,
  resourcesOfType,
} from "./values";

export const sqsVisibilityTimeout: Rule = {
  id: "E3505",
  severity: "error",
  shortDescription: "A queue's VisibilityTimeout is at least the Timeout of the function that reads it",
  description:
    "When a Lambda function consumes an SQS queue, the queue's VisibilityTimeout (default 30 seconds) must be " +
    "greater than or equal to the function's Timeout (default 3 seconds).",
  source: "https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html",
  tags: ["resources", "lambda", "sqs"],
  check({ template, report }) {
    for (const mapping of resourcesOfType(template, "AWS::Lambda::EventSourceMapping")) {
      for (const { properties } of propertySets(mapping)) {
        const source = presentEntry(properties, "EventSourceArn");
        const name = presentEntry(properties, "FunctionName");
        const target = name && referenceTarget(name.value);
        const fn = target && template.resources.get(target.name);
        if (!source || !fn || (target.attribute !== undefined && target.attribute !== "Arn")) continue;
        compare(template, source.value, fn, report, [
          "Resources",
          mapping.name,
          "Properties",
          "EventSourceArn",
        ]);
      }
    }
    for (const event of samEvents(template)) {
      if (event.resource.type !== SAM_FUNCTION || eventType(event) !== "SQS") continue;
      const queue = mapGet(eventProperties(event), "Queue");
      if (!queue) continue;
      compare(template, queue.value, event.resource, report, eventPath(event, "Properties", "Queue"));
    }
  },
};

function compare(
  template: TemplateIndex,
  queueArn: Node,
  fn: ResourceInfo,
  report: Report,
  path: (string | number)[],
): void {
  const queue = getAttResource(template, queueArn, "Arn", [QUEUE]);
  if (!queue) return;
  const properties = onlyPropertySet(queue)?.properties;
  const visibility = properties && seconds(properties, "VisibilityTimeout", 30);
  const timeout = functionTimeout(template, fn);
  if (visibility === undefined || timeout === undefined || visibility >= timeout) return;
  report(
    queueArn,
    `Queue '${queue.name}' has a VisibilityTimeout of ${visibility} seconds, less than the ${timeout}-second Timeout ` +
      `of function '${fn.name}' that reads it; Lambda requires a visibility timeout of at least the function ` +
      "timeout (AWS recommends six times it)",
    { path },
  );
}

/** A literal number property, with its default when absent; undefined when given through an intrinsic. */
function seconds(properties: MapNode, key: string, fallback: number): number | undefined {
  if (isAbsent(properties, key)) return fallback;
  return literalNumber(presentEntry(properties, key)?.value);
}

/** A function's Timeout: its own, else (SAM) the one of Globals.Function, else Lambda's 3 seconds. */
function functionTimeout(template: TemplateIndex, fn: ResourceInfo): number | undefined {
  const set = onlyPropertySet(fn);
  if (!set) return undefined;
  if (fn.type === FUNCTION) return seconds(set.properties, "Timeout", 3);
  if (fn.type !== SAM_FUNCTION || !template.sam) return undefined;
  if (!isAbsent(set.properties, "Timeout")) return seconds(set.properties, "Timeout", 3);
  const global = inheritedGlobal(template, fn, "Timeout");
  return !global || isNoValue(global.value) ? 3 : literalNumber(global.value);
}
