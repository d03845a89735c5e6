/**
 * Argument positions of the intrinsic functions: what literal each accepts and which functions
 * may be nested there, as the CloudFormation User Guide lists "Supported functions" per function.
 * A nested function outside that list is reported by the rule of the function around it.
 */
import { plural } from "../../../text";
import type { Node } from "../../model";
import type { SpecIndex } from "../../spec/types";
import { didYouMean } from "../../suggest";
import type { Report } from "../rule";
import { referenceTarget } from "../services/values";
import { isNoValue, type TemplateIndex } from "../template-index";
import { type FunctionCall, functionName, KNOWN_FUNCTIONS } from "./calls";
import { attributeShape, parameterShape } from "./shapes";

export type Literal = "string" | "integer" | "list" | "any";

export interface Slot {
  /** What the position is, for messages: "the delimiter of Fn::Join". */
  label: string;
  literal: Literal;
  functions: readonly string[];
  /** For list positions: what each item of a literal list may be. */
  items?: Slot;
}

/** What checkSlot needs to judge a Ref or a Fn::GetAtt by what it gives (shapes.ts). */
export interface SlotContext {
  template: TemplateIndex;
  spec: SpecIndex;
}

/**
 * The context in which checkSlot judges a call's arguments; none inside a Fn::ForEach, whose loop
 * variable may take a parameter's name there.
 */
export function slotContext(
  template: TemplateIndex,
  spec: SpecIndex,
  call: FunctionCall,
): SlotContext | undefined {
  return call.loopVariables.length > 0 ? undefined : { template, spec };
}

/**
 * Checks a value against a slot and reports the first problem on the most precise node. A
 * Fn::If is checked through: each branch must fit the slot (Ref AWS::NoValue always does). Given
 * a context, a Ref to a parameter and a Fn::GetAtt are judged by what they give: a list where text is
 * needed, or text where a list is (CloudFormation refuses both when it resolves the function).
 */
export function checkSlot(node: Node, slot: Slot, report: Report, context?: SlotContext): void {
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
        for (const branch of arg.items.slice(1))
          if (!isNoValue(branch)) checkSlot(branch, slot, report, context);
      }
    } else if (context && node.kind === "map" && (fn === "Ref" || fn === "Fn::GetAtt")) {
      checkGiven(fn, node, slot, report, context);
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
      if (slot.items) for (const item of node.items) checkSlot(item, slot.items, report, context);
      return;
  }
}

/** A Ref to a parameter or a Fn::GetAtt whose result is a list where text is needed, or the reverse. */
function checkGiven(
  fn: "Ref" | "Fn::GetAtt",
  node: Node,
  slot: Slot,
  report: Report,
  context: SlotContext,
): void {
  let shape: "list" | "text" | undefined;
  let what: string;
  const target = referenceTarget(node);
  if (!target || node.kind !== "map") return;
  const arg = node.entries[0].value;
  if (fn === "Ref") {
    const found = parameterShape(context.template.parameters, target.name);
    shape = found?.shape;
    what = `Ref to parameter '${target.name}' gives`;
    if (found)
      what +=
        found.shape === "list"
          ? ` a list (its Type is ${found.type})`
          : ` one value (its Type is ${found.type})`;
  } else {
    shape = attributeShape(context.template, context.spec, node);
    what = `Fn::GetAtt ${target.name}.${target.attribute} gives ${shape === "list" ? "a list" : "one value"}`;
  }
  const label = capitalise(slot.label);
  if (shape === "list" && (slot.literal === "string" || slot.literal === "integer")) {
    report(
      arg,
      `${label} must be ${slot.literal === "string" ? "a string" : "an integer"}, but ${what}; pick an item with ` +
        "Fn::Select or join them with Fn::Join",
    );
  } else if (shape === "text" && slot.literal === "list") {
    const fix =
      fn === "Ref"
        ? "split it with Fn::Split, or make the parameter a CommaDelimitedList"
        : "write it as a one-item list ([...])";
    report(arg, `${label} must be a list, but ${what}; ${fix}`);
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
