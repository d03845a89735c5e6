/** What a parameter's declaration says of its values: whether they are secret, and which are allowed. */
import type { Node, ScalarNode } from "../../model";
import { mapGet } from "../../nodes";
import { literalBoolean } from "../services/values";
import { isString } from "../template-index";

/** Whether a parameter's body sets NoEcho: true (as a boolean or its text), so its values are never quoted. */
export function isNoEcho(body: Node | undefined): boolean {
  return literalBoolean(mapGet(body, "NoEcho")?.value) === true;
}

/**
 * A parameter's AllowedValues as the texts CloudFormation compares, when the list is written out
 * with every item a value; undefined when there is none, or when any item is not a plain value.
 */
export function literalAllowedValues(body: Node | undefined): string[] | undefined {
  const list = mapGet(body, "AllowedValues")?.value;
  if (list?.kind !== "seq") return undefined;
  const values: string[] = [];
  for (const item of list.items) {
    if (item.kind !== "scalar" || item.value === null) return undefined;
    values.push(String(item.value));
  }
  return values;
}

/** A value a parameter gives unless the deployer passes another: its Default (index -1) or AllowedValues[index]. */
export interface DeclaredValue {
  node: ScalarNode & { value: string | number | boolean };
  index: number;
}

/**
 * The values a String or Number parameter declares, its Default first, then each of AllowedValues
 * that is a plain value; undefined for a parameter of another type (a list, an SSM parameter's
 * name), whose values are not what a property gets.
 */
export function declaredValues(body: Node | undefined): DeclaredValue[] | undefined {
  const type = mapGet(body, "Type")?.value;
  if (!isString(type) || (type.value !== "String" && type.value !== "Number")) return undefined;
  const values: DeclaredValue[] = [];
  const add = (node: Node | undefined, index: number) => {
    if (node?.kind === "scalar" && node.value !== null)
      values.push({ node: node as DeclaredValue["node"], index });
  };
  add(mapGet(body, "Default")?.value, -1);
  const allowed = mapGet(body, "AllowedValues")?.value;
  if (allowed?.kind === "seq") for (let i = 0; i < allowed.items.length; i++) add(allowed.items[i], i);
  return values;
}
