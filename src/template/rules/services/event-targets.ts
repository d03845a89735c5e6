/**
 * E3917 (our own id): an EventBridge target gives its input one way. Input, InputPath and
 * InputTransformer exclude one another, and EventBridge refuses a target with two ("Only one of
 * Input, InputPath, or InputTransformer must be provided"), so the rule fails to create. Checked
 * on AWS::Events::Rule targets and on SAM EventBridgeRule, CloudWatchEvent and Schedule events,
 * which pass the three to the target they make. The walk over rule targets (ruleTargets) is shared
 * with E3936.
 */
import type { MapNode } from "../../model";
import { mapGet } from "../../nodes";
import type { Report, Rule } from "../rule";
import { eventPath, eventProperties, eventType, samEvents } from "../sam/events";
import { type ResourceInfo, type TemplateIndex, USER_GUIDE } from "../template-index";
import { listMappings, literalString, plainMap, presentEntry, propertySets, resourcesOfType } from "./values";

const INPUTS = ["Input", "InputPath", "InputTransformer"];
const SAM_RULE_EVENTS = ["EventBridgeRule", "CloudWatchEvent", "Schedule"];

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
    for (const { rule, target, index, path } of ruleTargets(template)) {
      const id = literalString(mapGet(target, "Id")?.value);
      const name = id === undefined ? `Target ${index + 1}` : `Target '${id}'`;
      checkTarget(target, `${name} of rule ${rule.name}`, report, path);
    }
    for (const event of samEvents(template)) {
      if (!SAM_RULE_EVENTS.includes(eventType(event) ?? "")) continue;
      const properties = plainMap(eventProperties(event));
      if (properties)
        checkTarget(
          properties,
          `Event ${event.entry.key} of ${event.resource.name}`,
          report,
          eventPath(event, "Properties"),
        );
    }
  },
};
