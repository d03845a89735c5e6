/**
 * E3915 (our own id): event patterns and filter policies that the service refuses on create. An
 * EventBridge rule's EventPattern, an SNS subscription's FilterPolicy and the filter patterns of
 * Lambda event source mappings and EventBridge Pipes share one grammar: a JSON object whose fields
 * are nested objects or lists of values and matchers (`{"prefix": "img/"}`), never a bare value.
 * `source: aws.s3` for `source: [aws.s3]` is the classic mistake, and CloudFormation reports it
 * only when the resource fails ("Event pattern is not valid", "Value of store must be an array").
 * Also reported: a matcher no service knows (`{"prefx": "img/"}`), an `$or` that is not a list of
 * objects, a pattern that is not an object, and a filter Pattern string that is not JSON. The
 * same places in SAM events (EventBridgeRule and CloudWatchEvent Pattern, SNS FilterPolicy, the
 * FilterCriteria of stream and queue events) are checked too. A value given through an intrinsic
 * function is left alone: a list parameter, for one, gives a list. cfn-lint checks none of this.
 */
import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import { didYouMean } from "../../suggest";
import type { Report, Rule } from "../rule";
import { eventPath, eventProperties, eventType, samEvents } from "../sam/events";
import { staticDocument } from "../serverless/documents";
import { intrinsicName, isString } from "../template-index";
import { propertySets, resourcesOfType, valuesAtPath } from "./values";

/** The matchers of EventBridge, SNS and Lambda filtering, together. */
const MATCHERS = [
  "anything-but",
  "cidr",
  "equals-ignore-case",
  "exists",
  "numeric",
  "prefix",
  "suffix",
  "wildcard",
];

/** The resources whose property is a whole pattern, as a mapping or JSON. */
const DOCUMENTS = [
  { type: "AWS::Events::Rule", key: "EventPattern", what: "rule" },
  { type: "AWS::SNS::Subscription", key: "FilterPolicy", what: "subscription" },
];

const EVENT_PATTERNS = "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html";

/** Where the pattern is, for messages: "the EventPattern of rule Rule". */
type Where = string;

function check(node: Node, where: Where, report: Report, path: (string | number)[]): void {
  if (intrinsicName(node)) return;
  if (node.kind !== "map") {
    report(node, `${where} must be a JSON object of fields to match`, { path });
    return;
  }
  fields(node, [], where, report, path);
}

function fields(
  node: Node & { kind: "map" },
  trail: string[],
  where: Where,
  report: Report,
  path: (string | number)[],
) {
  for (const entry of node.entries) {
    const value = entry.value;
    if (intrinsicName(value)) continue;
    const field = [...trail, entry.key].join(".");
    if (entry.key === "$or") {
      const items = value.kind === "seq" ? value.items : undefined;
      if (!items || items.some((item) => item.kind !== "map" && !intrinsicName(item))) {
        report(value, `'$or' in ${where} must be a list of patterns (objects), one of which must match`, {
          path,
        });
        continue;
      }
      for (const item of items)
        if (item.kind === "map" && !intrinsicName(item)) fields(item, trail, where, report, path);
      continue;
    }
    if (value.kind === "map") {
      fields(value, [...trail, entry.key], where, report, path);
      continue;
    }
    if (value.kind === "scalar") {
      const shown = JSON.stringify(value.value);
      report(
        value,
        `Field '${field}' in ${where} is ${shown}, not a list: patterns match a field against a list of values, ` +
          `so the service refuses it; write [${shown}]`,
        { path },
      );
      continue;
    }
    for (const item of value.items) {
      if (item.kind !== "map" || intrinsicName(item)) continue;
      for (const matcher of item.entries) {
        if (MATCHERS.includes(matcher.key)) continue;
        report(
          matcher.keyRange,
          `'${matcher.key}' in field '${field}' of ${where} is not a matcher` +
            `${didYouMean(matcher.key, MATCHERS)}; the matchers are ${MATCHERS.join(", ")}`,
          { path },
        );
      }
    }
  }
}

/** A filter's Pattern: a JSON string (or, as CloudFormation also takes, the object itself). */
function checkFilters(
  filterCriteria: Node | undefined,
  where: Where,
  report: Report,
  path: (string | number)[],
) {
  for (const pattern of valuesAtPath(filterCriteria, ["Filters", "*", "Pattern"])) {
    if (isString(pattern)) {
      const document = staticDocument({ key: "Pattern", keyRange: pattern.range, value: pattern });
      if (!document) {
        report(pattern, `The Pattern of a filter in ${where} is not JSON, so the service refuses it`, {
          path,
        });
        continue;
      }
      check(document.node, `a filter Pattern of ${where}`, report, path);
    } else if (!intrinsicName(pattern)) {
      check(pattern, `a filter Pattern of ${where}`, report, path);
    }
  }
}

export const eventPatterns: Rule = {
  id: "E3915",
  severity: "error",
  shortDescription: "Event patterns and filter policies match fields against lists",
  description:
    "The EventPattern of an EventBridge rule, the FilterPolicy of an SNS subscription and the filter patterns of " +
    "Lambda event source mappings and Pipes are JSON objects whose fields hold objects or lists of values and " +
    "known matchers; the same holds in SAM events.",
  source: EVENT_PATTERNS,
  tags: ["resources", "events", "sns", "lambda", "serverless"],
  check({ template, report }) {
    const at = (name: string, ...below: string[]) => ["Resources", name, "Properties", ...below];
    for (const { type, key, what } of DOCUMENTS) {
      for (const resource of resourcesOfType(template, type)) {
        for (const { properties } of propertySets(resource)) {
          const document = staticDocument(mapGet(properties, key));
          if (document)
            check(document.node, `the ${key} of ${what} ${resource.name}`, report, at(resource.name, key));
        }
      }
    }
    for (const resource of resourcesOfType(template, "AWS::Lambda::EventSourceMapping")) {
      for (const { properties } of propertySets(resource)) {
        const criteria = mapGet(properties, "FilterCriteria")?.value;
        checkFilters(
          criteria,
          `event source mapping ${resource.name}`,
          report,
          at(resource.name, "FilterCriteria"),
        );
      }
    }
    for (const resource of resourcesOfType(template, "AWS::Pipes::Pipe")) {
      for (const { properties } of propertySets(resource)) {
        const criteria = valuesAtPath(properties, ["SourceParameters", "FilterCriteria"])[0];
        checkFilters(
          criteria,
          `pipe ${resource.name}`,
          report,
          at(resource.name, "SourceParameters", "FilterCriteria"),
        );
      }
    }
    for (const event of samEvents(template)) {
      const type = eventType(event);
      const properties = eventProperties(event);
      const where = `event ${event.entry.key} of ${event.resource.name}`;
      if (type === "EventBridgeRule" || type === "CloudWatchEvent") {
        const document = staticDocument(mapGet(properties, "Pattern"));
        if (document)
          check(document.node, `the Pattern of ${where}`, report, eventPath(event, "Properties", "Pattern"));
      } else if (type === "SNS") {
        const document = staticDocument(mapGet(properties, "FilterPolicy"));
        if (document)
          check(
            document.node,
            `the FilterPolicy of ${where}`,
            report,
            eventPath(event, "Properties", "FilterPolicy"),
          );
      } else {
        const criteria = mapGet(properties, "FilterCriteria")?.value;
        if (criteria) checkFilters(criteria, where, report, eventPath(event, "Properties", "FilterCriteria"));
      }
    }
  },
};
