/**
 * Argument positions of the intrinsic functions: what literal each accepts and which functions
 * may be nested there, as the CloudFormation User Guide lists "Supported functions" per function.
 * A nested function outside that list is reported by the rule of the function around it.
 */
import type { Node } from "../../model";
import { didYouMean } from "../../suggest";
import type { Report } from "../rule";
import { plural } from "../template/names";
import { isNoValue } from "../template-index";
import { functionName, KNOWN_FUNCTIONS } from "./calls";

export type Literal = "string" | "integer" | "list" | "any";

export interface Slot {
  /** What the position is, for messages: "the delimiter of Fn::Join". */
  label: string;
  literal: Literal;
  functions: readonly string[];
  /** For list positions: what each item of a literal list may be. */
  items?: Slot;
}

/**
 * Checks a value against a slot and reports the first problem on the most precise node. A
 * Fn::If is checked through: each branch must fit the slot (Ref AWS::NoValue always does).
 */
export function checkSlot(node: Node, slot: Slot, report: Report): void {
  const fn = functionName(node);
  if (fn) {
    if (!KNOWN_FUNCTIONS.has(fn)) {
      report(node, `Unknown intrinsic function '${fn}' in ${slot.label}${didYouMean(fn, KNOWN_FUNCTIONS)}`);
      return;
    }
    if (!slot.functions.includes(fn)) {
      const allowed =
        slot.functions.length > 0 ? `supported there: ${slot.functions.join(", ")}` : "use a literal";
      report(node, `${fn} is not supported in ${slot.label} (${allowed})`);
      return;
    }
    if (fn === "Fn::If") {
      const arg = (node.kind === "map" && node.entries[0].value) || undefined;
      if (arg?.kind === "seq" && arg.items.length === 3) {
        for (const branch of arg.items.slice(1)) if (!isNoValue(branch)) checkSlot(branch, slot, report);
      }
    }
    return;
  }
  switch (slot.literal) {
    case "any":
      return;
    case "string":
      if (node.kind !== "scalar" || node.value === null)
        report(node, `${capitalise(slot.label)} must be a string`);
      return;
    case "integer":
      if (!isIntegerLike(node)) report(node, `${capitalise(slot.label)} must be an integer`);
      return;
    case "list":
      if (node.kind !== "seq") {
        report(node, `${capitalise(slot.label)} must be a list`);
        return;
      }
      if (slot.items) for (const item of node.items) checkSlot(item, slot.items, report);
      return;
  }
}

/** CloudFormation converts "2" to 2 where it needs an integer, as cfn-lint does. */
export function isIntegerLike(node: Node): boolean {
  if (node.kind !== "scalar") return false;
  if (typeof node.value === "number") return Number.isInteger(node.value);
  return typeof node.value === "string" && /^-?\d+$/.test(node.value.trim());
}

/** The integer value of a literal, when it is one. */
export function integerValue(node: Node): number | undefined {
  return isIntegerLike(node) && node.kind === "scalar" ? Number(node.value) : undefined;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * `Fn::X needs ...` when the argument is not a list of the right length; true when it is. A macro's
 * call in its place (`Fn::Join: {Fn::Transform: ...}`) gives the argument only when CloudFormation
 * runs it: false, with nothing reported.
 */
export function checkArity(
  fn: string,
  arg: Node,
  min: number,
  max: number,
  shape: string,
  at: Node,
  report: Report,
): arg is Extract<Node, { kind: "seq" }> {
  if (arg.kind === "seq" && arg.items.length >= min && arg.items.length <= max) return true;
  if (arg.kind === "map" && functionName(arg) === "Fn::Transform") return false;
  const got = arg.kind === "seq" ? plural(arg.items.length, "item") : `a ${describe(arg)}`;
  report(at, `${fn} needs ${shape}; got ${got}`);
  return false;
}

export function describe(node: Node): string {
  if (node.kind === "seq") return "list";
  if (node.kind === "map") return functionName(node) ? `${functionName(node)} call` : "mapping";
  if (node.value === null) return "null";
  return typeof node.value === "string" ? "string" : typeof node.value;
}
