/**
 * E3505: a queue that a Lambda function reads from has a VisibilityTimeout (default 30 seconds)
 * at least the function's Timeout (default 3 seconds); Lambda refuses to create the event source
 * mapping otherwise. The pairs come from an AWS::Lambda::EventSourceMapping whose EventSourceArn
 * is `!GetAtt Queue.Arn` and FunctionName a Ref or GetAtt of a function, and, under SAM, from a
 * function's `Type: SQS` event whose Queue is `!GetAtt Queue.Arn`.
 *
 * cfn-lint checks the event source mapping only (it sees SAM events after the transform). Here a
 * SAM function's Timeout may come from Globals.Function, as SAM merges it. A value given by a Ref
 * to a parameter (its Default and AllowedValues) or by a function whose text the template gives
 * (functions/resolve.ts) is judged too, as a warning when a parameter's Default or a Region's entry
 * gives it; a value the deploy passes is certain, and is never quoted. Other intrinsics, and
 * resources whose Properties are a Fn::If, are skipped.
 */
import type { MapNode, Node } from "../../model";
import { mapGet } from "../../nodes";
import { type KnownText, knownTexts } from "../functions/resolve";
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
  const visibilities = properties ? seconds(template, properties, "VisibilityTimeout", 30) : [];
  const timeouts = functionTimeout(template, fn);
  // The first pair that fails: one finding for each queue and function.
  for (const visibility of visibilities)
    for (const timeout of timeouts) {
      if (visibility.value >= timeout.value) continue;
      report(
        queueArn,
        `Queue '${queue.name}' has a VisibilityTimeout of ${visibility.hidden ? "a value" : `${visibility.value} seconds`}${visibility.given}, less than ` +
          `the ${timeout.hidden ? "" : `${timeout.value}-second `}Timeout${timeout.given} of function '${fn.name}' that reads it; Lambda requires ` +
          "a visibility timeout of at least the function timeout (AWS recommends six times it)",
        visibility.chosen || timeout.chosen ? { path, severity: "warning" } : { path },
      );
      return;
    }
}

/** A number of seconds a property may have, and what gives it when it is not written out ("" then). */
interface Seconds extends Omit<KnownText, "text" | "hidden"> {
  value: number;
  /** A value the deploy passes gives it: the message does not quote it. */
  hidden?: boolean;
}

/** The seconds a property may be: its default when absent, else those of its value (secondsOf). */
function seconds(template: TemplateIndex, properties: MapNode, key: string, fallback: number): Seconds[] {
  if (isAbsent(properties, key)) return [{ value: fallback, given: "", chosen: false }];
  return secondsOf(template, presentEntry(properties, key)?.value);
}

/** A literal number, or the whole numbers a Ref to a parameter or a function gives; none for other values. */
function secondsOf(template: TemplateIndex, node: Node | undefined): Seconds[] {
  if (!node) return [];
  const literal = literalNumber(node);
  if (literal !== undefined) return [{ value: literal, given: "", chosen: false }];
  return knownTexts(node, template, true, true)
    .filter(({ text }) => /^\s*\d+\s*$/.test(text))
    .map(({ text, given, chosen, hidden }) => ({ value: Number(text), given, chosen, hidden }));
}

/** A function's Timeout: its own, else (SAM) the one of Globals.Function, else Lambda's 3 seconds. */
function functionTimeout(template: TemplateIndex, fn: ResourceInfo): Seconds[] {
  const set = onlyPropertySet(fn);
  if (!set) return [];
  if (fn.type === FUNCTION) return seconds(template, set.properties, "Timeout", 3);
  if (fn.type !== SAM_FUNCTION || !template.sam) return [];
  if (!isAbsent(set.properties, "Timeout")) return seconds(template, set.properties, "Timeout", 3);
  const global = inheritedGlobal(template, fn, "Timeout");
  return !global || isNoValue(global.value)
    ? [{ value: 3, given: "", chosen: false }]
    : secondsOf(template, global.value);
}
