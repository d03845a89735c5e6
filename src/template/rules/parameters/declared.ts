/** What a parameter's declaration says of its values: whether they are secret, and which are allowed. */
import type { MapNode, Node, ScalarNode } from "../../model";
import { mapGet } from "../../nodes";
import { literalBoolean } from "../services/values";
import { numberOf } from "../template/scalars";
import { isString } from "../template-index";
import { isListType } from "./types";

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

/**
 * A value a parameter may give: its Default, one of its AllowedValues, or (for a Number parameter
 * without AllowedValues, when asked for) its MinValue or MaxValue; `label` says which
 * ("Default", "AllowedValues[1]", "MinValue").
 */
export interface DeclaredValue {
  node: ScalarNode & { value: string | number | boolean };
  label: string;
}

/**
 * The values a String or Number parameter declares, its Default first, then each of AllowedValues
 * that is a plain value; undefined for a parameter of another type (a list, an SSM parameter's
 * name), whose values are not what a property gets. With `bounds`, a Number parameter without
 * AllowedValues also gives its MinValue and MaxValue: CloudFormation takes either from the deployer,
 * so a bound the property refuses is a value the stack can be given and then fails on (cfn-lint's
 * W1030 judges them too).
 */
export function declaredValues(body: Node | undefined, bounds = false): DeclaredValue[] | undefined {
  const type = mapGet(body, "Type")?.value;
  if (!isString(type) || (type.value !== "String" && type.value !== "Number")) return undefined;
  const values: DeclaredValue[] = [];
  const add = (node: Node | undefined, label: string) => {
    if (node?.kind === "scalar" && node.value !== null)
      values.push({ node: node as DeclaredValue["node"], label });
  };
  add(mapGet(body, "Default")?.value, "Default");
  const allowed = mapGet(body, "AllowedValues")?.value;
  if (allowed?.kind === "seq") {
    for (let i = 0; i < allowed.items.length; i++) add(allowed.items[i], `AllowedValues[${i}]`);
  } else if (bounds && type.value === "Number") {
    add(mapGet(body, "MinValue")?.value, "MinValue");
    add(mapGet(body, "MaxValue")?.value, "MaxValue");
  }
  return values;
}

/**
 * The value a deploy passes for a parameter (its text, as parameter-overrides gives it), as a Ref
 * gives it to the rules: a number for a Number parameter whose text is one, the text otherwise.
 */
export function passedValue(body: Node | undefined, text: string): string | number {
  const type = mapGet(body, "Type")?.value;
  if (!isString(type) || type.value !== "Number" || text.trim() === "") return text;
  const number = Number(text);
  return Number.isFinite(number) ? number : text;
}

/**
 * CloudFormation matches AllowedPattern against the whole value. Patterns are Java regular
 * expressions; one JavaScript cannot compile is left unchecked rather than guessed at.
 */
function compilePattern(pattern: string): RegExp | undefined {
  // Templates repeat a pattern over many parameters; compiling is the costly part.
  if (compiledPatterns.has(pattern)) return compiledPatterns.get(pattern);
  let regex: RegExp | undefined;
  for (const flags of ["", "u"]) {
    try {
      regex = new RegExp(`^(?:${pattern})$`, flags);
      break;
    } catch {
      // try the next flavour
    }
  }
  compiledPatterns.set(pattern, regex);
  return regex;
}

const compiledPatterns = new Map<string, RegExp | undefined>();

/**
 * Why `value` breaks the constraints a parameter's body declares (AllowedValues, AllowedPattern,
 * MinLength, MaxLength, MinValue, MaxValue), or undefined when it meets them all; the reason names
 * the constraint, never the value.
 */
export function constraintViolation(value: string, body: MapNode): string | undefined {
  // Judged only when every item is a literal.
  const allowed = literalAllowedValues(body);
  if (allowed && allowed.length > 0 && !allowed.includes(value)) {
    return `is not one of AllowedValues (${allowed.join(", ")})`;
  }
  const pattern = mapGet(body, "AllowedPattern")?.value;
  if (isString(pattern)) {
    const regex = compilePattern(pattern.value);
    if (regex && !regex.test(value)) return `does not match AllowedPattern ${pattern.value}`;
  }
  const minLength = numberOf(mapGet(body, "MinLength")?.value);
  if (minLength !== undefined && value.length < minLength) return `is shorter than MinLength ${minLength}`;
  const maxLength = numberOf(mapGet(body, "MaxLength")?.value);
  if (maxLength !== undefined && value.length > maxLength) return `is longer than MaxLength ${maxLength}`;
  const number = value.trim() === "" ? Number.NaN : Number(value);
  const minValue = numberOf(mapGet(body, "MinValue")?.value);
  if (minValue !== undefined && number < minValue) return `is below MinValue ${minValue}`;
  const maxValue = numberOf(mapGet(body, "MaxValue")?.value);
  if (maxValue !== undefined && number > maxValue) return `is above MaxValue ${maxValue}`;
  return undefined;
}

/** The items CloudFormation makes of a list parameter's value: split at commas, each trimmed. */
export function passedItems(text: string): string[] {
  return text.split(",").map((each) => each.trim());
}

/**
 * constraintViolation for a value of the parameter's type: a list type's constraints apply to each
 * comma-separated item (the whole text passing is also accepted, as some templates list a full
 * default among AllowedValues), and the reason then starts with `item(text, index)`.
 */
export function listViolation(
  text: string,
  body: MapNode,
  item: (text: string, index: number) => string,
): string | undefined {
  const problem = constraintViolation(text, body);
  const type = mapGet(body, "Type")?.value;
  if (!problem || !isString(type) || !isListType(type.value)) return problem;
  const items = passedItems(text);
  for (let i = 0; i < items.length; i++) {
    const why = constraintViolation(items[i], body);
    if (why) return `${item(items[i], i)} ${why}`;
  }
  return undefined;
}
