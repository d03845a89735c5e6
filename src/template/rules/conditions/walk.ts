/**
 * The condition functions written in the Conditions section, found once per template and shared
 * by the rules that check each function's shape.
 */
import type { MapNode, Node } from "../../model";
import { namedEntries } from "../template/names";
import { type TemplateIndex, USER_GUIDE } from "../template-index";

export const CONDITION_FUNCTIONS = new Set(["Fn::And", "Fn::Or", "Fn::Not", "Fn::Equals", "Condition"]);

export interface ConditionCall {
  fn: string;
  node: MapNode;
  arg: Node;
  /** The condition (logical id in Conditions) the call is written in. */
  condition: string;
}

/** The function a node calls when it is a condition function, e.g. "Fn::And". */
export function conditionFunction(node: Node): string | undefined {
  if (node.kind !== "map" || node.entries.length !== 1) return undefined;
  const key = node.entries[0].key;
  return CONDITION_FUNCTIONS.has(key) ? key : undefined;
}

const cache = new WeakMap<TemplateIndex, ConditionCall[]>();

export function conditionCalls(template: TemplateIndex): ConditionCall[] {
  const cached = cache.get(template);
  if (cached) return cached;
  const calls: ConditionCall[] = [];
  const visit = (node: Node, condition: string): void => {
    const fn = conditionFunction(node);
    if (!fn || node.kind !== "map") return;
    const arg = node.entries[0].value;
    calls.push({ fn, node, arg, condition });
    if (fn !== "Fn::Equals" && fn !== "Condition" && arg.kind === "seq")
      for (const item of arg.items) visit(item, condition);
  };
  for (const entry of namedEntries(template.conditions)) visit(entry.value, entry.key);
  cache.set(template, calls);
  return calls;
}

export const CONDITIONS_PAGE = `${USER_GUIDE}/conditions-section-structure.html`;
export const CONDITION_FUNCTIONS_PAGE = `${USER_GUIDE}/intrinsic-function-reference-conditions.html`;
