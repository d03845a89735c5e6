/**
 * E3917, E3982 and E3984 (our own ids): what EventBridge refuses of a rule's targets.
 *
 * E3917: an EventBridge target gives its input one way. Input, InputPath and
 * InputTransformer exclude one another, and EventBridge refuses a target with two ("Only one of
 * Input, InputPath, or InputTransformer must be provided"), so the rule fails to create. Checked
 * on AWS::Events::Rule targets and on SAM EventBridgeRule, CloudWatchEvent and Schedule events,
 * which pass the three to the target they make. The walk over rule targets (ruleTargets) is shared
 * with E3936.
 *
 * E3982 (our own id), over the same targets: each `<name>` of an InputTransformer's InputTemplate
 * is a key of its InputPathsMap or one of EventBridge's predefined variables. EventBridge reads
 * every `<...>` as a placeholder ("The characters < and > cannot be escaped", the EventBridge User
 * Guide) and refuses the target: "InputTemplate for target <Id> contains invalid placeholder
 * <name>" (LocalStack's copy of PutTargets' ValidationException). The template is read when it is
 * a string or a Fn::Sub without a variable map, and the map when it is written out.
 *
 * E3984 (our own id): an AWS::Events::Rule with more than five targets. "Each rule can have up to
 * five (5) targets associated with it at one time" (PutTargets, EventBridge API Reference), while
 * the resource provider schema allows 100 items. Counted are the items of a Targets list written
 * out, but those a Fn::If chooses.
 */
import type { MapNode } from "../../model";
import { mapGet } from "../../nodes";
import type { Report, Rule } from "../rule";
import { eventPath, eventProperties, eventType, samEvents } from "../sam/events";
import { intrinsicName, type ResourceInfo, type TemplateIndex, USER_GUIDE } from "../template-index";
import {
  listMappings,
  literalString,
  plainMap,
  presentEntry,
  propertySets,
  resourcesOfType,
  unmappedSubText,
} from "./values";

const INPUTS = ["Input", "InputPath", "InputTransformer"];
const SAM_RULE_EVENTS = ["EventBridgeRule", "CloudWatchEvent", "Schedule"];

/** Each target of the template's rules and each SAM rule event, with how messages name it. */
function targets(template: TemplateIndex): { target: MapNode; where: string; path: (string | number)[] }[] {
  const found: { target: MapNode; where: string; path: (string | number)[] }[] = [];
  for (const { rule, target, index, path } of ruleTargets(template)) {
    const id = literalString(mapGet(target, "Id")?.value);
    const name = id === undefined ? `Target ${index + 1}` : `Target '${id}'`;
    found.push({ target, where: `${name} of rule ${rule.name}`, path });
  }
  for (const event of samEvents(template)) {
    if (!SAM_RULE_EVENTS.includes(eventType(event) ?? "")) continue;
    const properties = plainMap(eventProperties(event));
    if (properties)
      found.push({
        target: properties,
        where: `Event ${event.entry.key} of ${event.resource.name}`,
        path: eventPath(event, "Properties"),
      });
  }
  return found;
}

function checkTarget(target: MapNode, where: string, report: Report, path: (string | number)[]): void {
  const given = INPUTS.map((key) => presentEntry(target, key)).filter((entry) => entry !== undefined);
  if (given.length < 2) return;
  report(
    given[1].keyRange,
    `${where} gives its input as both ${given[0].key} and ${given[1].key}; EventBridge takes one of Input, ` +
      "InputPath and InputTransformer, and refuses the target",
    { path: [...path, given[1].key] },
  );
}

/** The variables EventBridge gives every input template (the EventBridge User Guide's predefined variables). */
const PREDEFINED = new Set([
  "aws.events.rule-arn",
  "aws.events.rule-name",
  "aws.events.event.ingestion-time",
  "aws.events.event",
  "aws.events.event.json",
]);

function checkPlaceholders(target: MapNode, where: string, report: Report, path: (string | number)[]): void {
  const transformer = plainMap(mapGet(target, "InputTransformer")?.value);
  const template = mapGet(transformer, "InputTemplate")?.value;
  if (!transformer || !template) return;
  const text = unmappedSubText(template);
  const paths = mapGet(transformer, "InputPathsMap")?.value;
  const map = paths === undefined ? undefined : plainMap(paths);
  if (text === undefined || (paths !== undefined && !map)) return;
  const keys = new Set(map?.entries.map((entry) => entry.key));
  const unknown = [...new Set([...text.matchAll(/<([^<>]*)>/g)].map((match) => match[1]))].filter(
    (name) => !keys.has(name) && !PREDEFINED.has(name),
  );
  if (unknown.length === 0) return;
  const names = unknown.map((name) => `<${name}>`).join(", ");
  report(
    template,
    `The InputTemplate of ${where} uses ${names}, which ${unknown.length === 1 ? "is" : "are"} not ${
      map ? "a key of its InputPathsMap" : "in an InputPathsMap (it has none)"
    } nor a predefined variable, and EventBridge refuses the target ("contains invalid placeholder"); add ` +
      `${unknown.length === 1 ? "it" : "them"} to InputPathsMap with the JSON path to read, or remove the angle brackets`,
    { path: [...path, "InputTransformer", "InputTemplate"] },
  );
}

/** A target of an EventBridge rule of the template, written out as a mapping. */
export interface RuleTarget {
  rule: ResourceInfo;
  target: MapNode;
  index: number;
  path: (string | number)[];
}

const targetCache = new WeakMap<TemplateIndex, RuleTarget[]>();

/**
 * Every target of the template's EventBridge rules written out as a mapping (each branch of a
 * Fn::If that chooses the list or a target), found once (E3917, E3936). A target in both branches
 * of a Fn::If as one node (a YAML alias) is found once.
 */
export function ruleTargets(template: TemplateIndex): RuleTarget[] {
  const cached = targetCache.get(template);
  if (cached) return cached;
  const found: RuleTarget[] = [];
  targetCache.set(template, found);
  const seen = new Set<MapNode>();
  for (const rule of resourcesOfType(template, "AWS::Events::Rule")) {
    for (const { properties } of propertySets(rule)) {
      for (const { node, index } of listMappings(presentEntry(properties, "Targets")?.value).items) {
        if (seen.has(node)) continue;
        seen.add(node);
        found.push({
          rule,
          target: node,
          index,
          path: ["Resources", rule.name, "Properties", "Targets", index],
        });
      }
    }
  }
  return found;
}

export const eventTargetInput: Rule = {
  id: "E3917",
  severity: "error",
  shortDescription: "EventBridge targets give their input one way",
  description:
    "An EventBridge rule target (and a SAM EventBridgeRule, CloudWatchEvent or Schedule event) sets at most one of " +
    "Input, InputPath and InputTransformer.",
  source: `${USER_GUIDE}/aws-properties-events-rule-target.html`,
  tags: ["resources", "events", "serverless"],
  check({ template, report }) {
    for (const { target, where, path } of targets(template)) checkTarget(target, where, report, path);
  },
};

export const eventInputPlaceholders: Rule = {
  id: "E3982",
  severity: "error",
  shortDescription: "An input transformer's placeholders are its InputPathsMap's keys",
  description:
    "Each <name> in the InputTemplate of an EventBridge target's InputTransformer (and of a SAM EventBridgeRule, " +
    "CloudWatchEvent or Schedule event's) is a key of its InputPathsMap or a predefined variable.",
  source: "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html",
  tags: ["resources", "events", "serverless"],
  check({ template, report }) {
    for (const { target, where, path } of targets(template)) checkPlaceholders(target, where, report, path);
  },
};

const MAX_TARGETS = 5;

export const eventRuleTargetCount: Rule = {
  id: "E3984",
  severity: "error",
  shortDescription: "An EventBridge rule has at most five targets",
  description: "An AWS::Events::Rule has at most five Targets: EventBridge associates no more with one rule.",
  source: "https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutTargets.html",
  tags: ["resources", "events"],
  resourceTypes: ["AWS::Events::Rule"],
  check({ template, report }) {
    for (const rule of resourcesOfType(template, "AWS::Events::Rule")) {
      for (const { properties } of propertySets(rule)) {
        const targets = presentEntry(properties, "Targets");
        const list = targets?.value;
        if (!targets || list?.kind !== "seq") continue;
        const count = list.items.filter((item) => intrinsicName(item) !== "Fn::If").length;
        if (count <= MAX_TARGETS) continue;
        report(
          targets.keyRange,
          `Rule ${rule.name} has ${count} targets, and EventBridge associates at most ${MAX_TARGETS} with a rule; ` +
            "split them between rules with the same pattern or schedule, or send the events to one target that fans " +
            "out, such as an SNS topic",
          { path: ["Resources", rule.name, "Properties", "Targets"] },
        );
      }
    }
  },
};
