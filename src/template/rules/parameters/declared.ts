/** What a parameter's declaration says of its values: whether they are secret, and which are allowed. */
import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import { literalBoolean } from "../services/values";

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
