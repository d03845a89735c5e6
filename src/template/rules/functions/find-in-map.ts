import { rangeHas } from "../../lines";
import type { MapNode, Node } from "../../model";
import { mapGet } from "../../nodes";
import { didYouMean, firstChoices } from "../../suggest";
import { conditionLogic } from "../conditions/logic";
import { isNoEcho } from "../parameters/declared";
import type { Rule } from "../rule";
import {
  hasTransformKey,
  isString,
  outputCondition,
  type TemplateIndex,
  USER_GUIDE,
} from "../template-index";
import {
  callsOf,
  type FunctionCall,
  functionName,
  hasLoopPlaceholder,
  usesLanguageExtensions,
} from "./calls";
import { checkArity, checkSlot, type Slot, slotContext } from "./slots";

/** The language extensions let the map name and keys be computed by more functions. */
const LANGUAGE_EXTENSIONS_FUNCTIONS = [
  "Fn::FindInMap",
  "Fn::Join",
  "Fn::Sub",
  "Fn::If",
  "Fn::Select",
  "Fn::Length",
  "Fn::ToJsonString",
  "Ref",
];

export const findInMapRule: Rule = {
  id: "E1011",
  severity: "error",
  shortDescription: "FindInMap validation of configuration",
  description:
    "Fn::FindInMap takes [MapName, TopLevelKey, SecondLevelKey]; the mapping must exist and, where the keys are literal " +
    "or a Ref to a parameter the deploy passes a value for (where the stack always reads the call), hold them. Keys " +
    "an AWS::Include snippet brings into a mapping (a Fn::Transform key) are left to the snippet.",
  source: `${USER_GUIDE}/intrinsic-function-reference-findinmap.html`,
  tags: ["functions", "findinmap"],
  check({ template, spec, report }) {
    const extensions = usesLanguageExtensions(template);
    const functions = extensions ? LANGUAGE_EXTENSIONS_FUNCTIONS : ["Fn::FindInMap", "Ref"];
    const slots: Slot[] = ["the map name", "the top-level key", "the second-level key"].map((what) => ({
      label: `${what} of Fn::FindInMap`,
      literal: "string",
      functions,
    }));
    for (const call of callsOf(template, "Fn::FindInMap")) {
      const shape = extensions
        ? "[MapName, TopLevelKey, SecondLevelKey] and optionally {DefaultValue: value}"
        : "[MapName, TopLevelKey, SecondLevelKey]";
      const arg = call.arg;
      if (!checkArity("Fn::FindInMap", arg, 3, extensions ? 4 : 3, shape, call.node, report)) continue;
      const mapName = arg.items[0];
      const topKey = arg.items[1];
      const secondKey = arg.items[2];
      const options = arg.items[3];
      slots.forEach((slot, i) => {
        checkSlot(arg.items[i], slot, report, slotContext(template, spec, call));
      });
      let hasDefault = false;
      if (options) {
        if (
          options.kind === "map" &&
          options.entries.length === 1 &&
          options.entries[0].key === "DefaultValue"
        ) {
          hasDefault = true;
        } else {
          report(options, "The fourth item of Fn::FindInMap must be {DefaultValue: value}");
        }
      }

      const name = literal(mapName);
      if (name === undefined || hasLoopPlaceholder(name, call)) continue;
      const mapping = template.mappings.get(name);
      if (!mapping) {
        report(
          mapName,
          `FindInMap to undefined mapping '${name}'${didYouMean(name, template.mappings.keys())}`,
        );
        continue;
      }
      // A mapping an AWS::Include snippet fills (wholly or in part) has keys the template does not show.
      if (hasDefault || mapping.value.kind !== "map" || hasTransformKey(mapping.value)) continue;
      // A key the deploy passes is known exactly where the stack always evaluates the call.
      const passed = alwaysEvaluated(template, call);
      const top = keyOf(template, topKey, passed);
      const second = keyOf(template, secondKey, passed);
      if (top && !hasLoopPlaceholder(top.text, call)) {
        const level = mapGet(mapping.value, top.text);
        if (!level) {
          report(
            topKey,
            `Mapping '${name}' has no top-level key ${named(top)}${hint(top, keys(mapping.value))}`,
          );
          continue;
        }
        const under = top.parameter
          ? `the top-level key passed for parameter '${top.parameter}'`
          : `'${top.text}'`;
        if (second && !hasLoopPlaceholder(second.text, call) && level.value.kind !== "map") {
          // E7001 reports the level itself; the call fails at deploy too, and is where a reader looks.
          report(
            secondKey,
            `Mapping '${name}' has no key ${named(second)} under ${under}, which holds no attribute names ` +
              `(line ${level.value.range.start.line}): give it its attributes`,
          );
          continue;
        }
        if (
          second &&
          !hasLoopPlaceholder(second.text, call) &&
          level.value.kind === "map" &&
          !hasTransformKey(level.value) &&
          !mapGet(level.value, second.text)
        ) {
          report(
            secondKey,
            `Mapping '${name}' has no key ${named(second)} under ${under}${hint(second, keys(level.value), second.parameter !== undefined || top.parameter !== undefined)}`,
          );
        }
      } else if (second && !second.parameter && !hasLoopPlaceholder(second.text, call)) {
        // The top-level key is computed: the second-level key must exist under at least one.
        const levels = mapping.value.entries.map((entry) => entry.value);
        const text = second.text;
        if (
          levels.every((level) => level.kind === "map" && !hasTransformKey(level) && !mapGet(level, text))
        ) {
          const all = new Set(levels.flatMap((level) => (level.kind === "map" ? keys(level) : [])));
          report(
            secondKey,
            `No top-level key of mapping '${name}' has a key '${text}'${didYouMean(text, all)}`,
          );
        }
      }
    }
  },
};

/** A key of a Fn::FindInMap known exactly: written, or passed by the deploy for `parameter`. */
interface Key {
  text: string;
  parameter?: string;
}

/**
 * The key a node gives: its text, or, where `passed` (the call is always evaluated), the value the
 * deploy passes for the parameter a Ref names (never a NoEcho one's, as the resolver does).
 */
function keyOf(template: TemplateIndex, node: Node, passed: boolean): Key | undefined {
  const text = literal(node);
  if (text !== undefined) return { text };
  if (!passed || functionName(node) !== "Ref") return undefined;
  const parameter = (node as MapNode).entries[0].value;
  if (!isString(parameter)) return undefined;
  const value = template.parameterValues?.get(parameter.value);
  const declared = template.parameters.get(parameter.value)?.value;
  if (value === undefined || !declared || isNoEcho(declared)) return undefined;
  return { text: value, parameter: parameter.value };
}

/** A key as a message names it: a passed value is never repeated. */
function named(key: Key): string {
  return key.parameter ? `that is the value passed for parameter '${key.parameter}'` : `'${key.text}'`;
}

/**
 * What follows a missing key: a close key it may mean, or, for a passed value or under the entry
 * a passed value picks (`listed`), the keys there are.
 */
function hint(key: Key, keys: string[], listed = key.parameter !== undefined): string {
  if (!listed) return didYouMean(key.text, keys);
  return `: the keys there are ${firstChoices(keys)}`;
}

/**
 * Whether the stack evaluates a call whenever it is deployed: outside any Fn::ForEach, in a
 * resource or an output whose Condition, if any, the values passed make true, and in the branch
 * they take of every Fn::If around it, or in a condition (evaluatedCondition). A value the deploy
 * passes then picks the one entry it reads, and a key the mapping lacks fails the deploy before any
 * resource is touched.
 */
function alwaysEvaluated(template: TemplateIndex, call: FunctionCall): boolean {
  if (!template.parameterValues || call.loopVariables.length > 0) return false;
  const [section, name] = call.from;
  if (section === "Conditions" && name !== undefined) return evaluatedCondition(template, call);
  if (name === undefined || (section !== "Resources" && section !== "Outputs")) return false;
  const holder =
    section === "Resources"
      ? template.resources.get(name)?.condition
      : outputCondition(template.outputs.get(name));
  const logic = conditionLogic(template);
  if (holder && !(isString(holder.value) && logic.decidedByDeploy(holder.value.value) === true)) return false;
  let child = call;
  for (let parent = call.parent; parent; child = parent, parent = parent.parent) {
    if (parent.name !== "Fn::If") continue;
    const items = parent.arg.kind === "seq" ? parent.arg.items : [];
    const condition = items[0];
    const decided =
      items.length === 3 && isString(condition) ? logic.decidedByDeploy(condition.value) : undefined;
    if (decided === undefined || !rangeHas(items[decided ? 1 : 2].range, child.node.range.start))
      return false;
  }
  return true;
}

/**
 * Whether a call in the Conditions section is evaluated whatever the values: CloudFormation
 * evaluates every condition of the template before it makes anything. The call sits under
 * Fn::Equals, Fn::Not, Fn::And and Fn::Or only, and inside a Fn::And or a Fn::Or every part before
 * it is decided without deciding the whole (true before it in a Fn::And, false in a Fn::Or), so
 * no evaluation that stops early can skip it.
 */
function evaluatedCondition(template: TemplateIndex, call: FunctionCall): boolean {
  const logic = conditionLogic(template);
  let child = call;
  for (let parent = call.parent; parent; child = parent, parent = parent.parent) {
    if (parent.name === "Fn::Equals" || parent.name === "Fn::Not") continue;
    if ((parent.name !== "Fn::And" && parent.name !== "Fn::Or") || parent.arg.kind !== "seq") return false;
    const going = parent.name === "Fn::And";
    for (const part of parent.arg.items) {
      if (rangeHas(part.range, child.node.range.start)) break;
      if (logic.decidedPart(part) !== going) return false;
    }
  }
  return true;
}

/** Mapping keys are compared as text: `123456789012` written as a number still names a key. */
function literal(node: Node): string | undefined {
  return node.kind === "scalar" && node.value !== null ? String(node.value) : undefined;
}

function keys(node: MapNode): string[] {
  return node.entries.map((entry) => entry.key);
}
