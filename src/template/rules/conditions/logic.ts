/**
 * What the Conditions section says about conditions being true or false at one place of a
 * template, read without a solver, for the rules that ask whether something is there under the
 * conditions around it: W1001 (a reference to a conditional resource), W1028 (a Fn::If branch that
 * is never taken), W1030 and the constraint walk (a parameter value a resource's Condition rules
 * out), E3904 (two things made together: madeWhen), E3019 and E6006 (the names a Fn::If's
 * branches give, held together: branchValues, heldTogether), E3060 (two resources that exclude
 * each other), E3003, E3014, E3058 and the policy rules (a value or a group a Fn::If leaves out:
 * noValueWhere), E3032 (the list items a Fn::If adds or leaves out: itemWhere), E3014, E3018
 * and E3020 (members a Fn::If sets under one condition: itemWhere), the service and policy rules
 * that read each branch a value may take (placedValues), and those that pair values one condition
 * chooses (readings, valueWhere, presentWhere, reportInReadings: Route 53 records, engines and
 * versions, a bucket's Block Public Access, a table's billing and throughputs, a replication
 * group's cluster mode and failover).
 *
 * A place knows some conditions true and some false: the Condition of the resource or output it
 * sits in, and the branches of the Fn::If calls around it. From those, a condition is known true
 * when one of them implies it (the same condition, the same definition, a Fn::And with it among
 * its parts, a Fn::Or with the place's condition among its parts, Fn::Not of a condition known
 * false), and known false when it implies a condition known false, or when a condition known true
 * excludes it (one is the Fn::Not of what the other implies, or they leave a parameter no value in
 * common: `prod` against `dev`, a Fn::Or of `prod` and `staging` against `dev`, or what a Fn::Not
 * leaves of the parameter's AllowedValues). A String parameter with two AllowedValues equals one
 * where it does not equal the other. Anything subtler stays unknown, so the rules built on this
 * never claim more than the template says.
 */
import { rangeHas } from "../../lines";
import type { MapNode, Node, Range } from "../../model";
import { mapGet } from "../../nodes";
import { canonical } from "../constraints/walk";
import { callAt, type FunctionCall } from "../functions/calls";
import { literalAllowedValues, passedItems } from "../parameters/declared";
import { isListType } from "../parameters/types";
import type { Report, ReportOptions } from "../rule";
import {
  intrinsicName,
  isNoValue,
  isString,
  outputCondition,
  subParts,
  type TemplateIndex,
} from "../template-index";

export interface Known {
  /** Conditions true where the place is. */
  true: string[];
  /** Conditions false where the place is. */
  false: string[];
}

/** The Condition of the resource or output a place sits in. */
export function holderCondition(template: TemplateIndex, section: string, name: string): string | undefined {
  if (section === "Resources") {
    const value = template.resources.get(name)?.condition?.value;
    return isString(value) ? value.value : undefined;
  }
  if (section !== "Outputs") return undefined;
  const value = outputCondition(template.outputs.get(name))?.value;
  return isString(value) ? value.value : undefined;
}

/**
 * When a resource or output under `condition` is made, for the rules that find two of them taking
 * one name (E3904, and E3019 and E6006 through madeKnown): "always" (no Condition, or one the
 * values a deploy passes make true), "never" (one they make false), or the Condition's name.
 */
export function madeWhen(template: TemplateIndex, condition: string | undefined): string {
  if (condition === undefined) return ALWAYS;
  const decided = conditionLogic(template).decidedByDeploy(condition);
  return decided === true ? ALWAYS : decided === false ? NEVER : `condition:${condition}`;
}

/**
 * What is known where a resource or output under `condition` is made (madeWhen), to start
 * branchValues from: its Condition true, or nothing where it is always made; undefined where it is
 * never made.
 */
export function madeKnown(template: TemplateIndex, condition: string | undefined): Known | undefined {
  const when = madeWhen(template, condition);
  if (when === NEVER) return undefined;
  return { true: when === ALWAYS || condition === undefined ? [] : [condition], false: [] };
}

/**
 * Whether a resource's Condition keeps `parameter` from giving `value` where it holds (`Condition:
 * HasCidr` with HasCidr `!Not [!Equals [!Ref Cidr, ""]]`, where "" never gets): false without a
 * Condition.
 */
export function conditionForbids(
  template: TemplateIndex,
  condition: string | undefined,
  parameter: string,
  value: string,
): boolean {
  return condition !== undefined && conditionLogic(template).forbidsValue(condition, parameter, value);
}

export const ALWAYS = "always";
export const NEVER = "never";

/**
 * Whether two things made when `a` and `b` say (madeWhen) may be made together, as far as a rule
 * that reports a clash goes: one is always made, or both under one Condition. Two different
 * Conditions may never hold together (`Encrypted` and `!Not [!Condition Encrypted]`, or ones the
 * deployer keeps apart), and are left alone.
 */
export function madeTogether(a: string, b: string): boolean {
  if (a === NEVER || b === NEVER) return false;
  return a === ALWAYS || b === ALWAYS || a === b;
}

/** A value a property may take, with the Fn::If conditions whose branches lead to it. */
export interface Branch {
  node: Node;
  known: Known;
}

/**
 * The values a property may take through the Fn::If calls it is written with, nested ones too,
 * each with what its branches need (added to `known`, its resource's): a branch that the values a
 * deploy passes or the conditions around it rule out is left out, and so is one that gives
 * AWS::NoValue (the property is absent there). A value that is no Fn::If is its own one branch.
 */
export function branchValues(template: TemplateIndex, node: Node, known: Known, depth = 0): Branch[] {
  if (intrinsicName(node) !== "Fn::If" || node.kind !== "map")
    return isNoValue(node) ? [] : [{ node, known }];
  const arg = node.entries[0].value;
  if (depth > MAX_DEPTH || arg.kind !== "seq" || arg.items.length !== 3 || !isString(arg.items[0])) return [];
  const logic = conditionLogic(template);
  const condition = arg.items[0].value;
  const found: Branch[] = [];
  for (const truth of [true, false]) {
    if (!mayTake(logic, condition, truth, known)) continue;
    const decided = logic.decidedByDeploy(condition) === truth;
    const inner: Known = decided
      ? known
      : truth
        ? { true: [...known.true, condition], false: known.false }
        : { true: known.true, false: [...known.false, condition] };
    found.push(...branchValues(template, arg.items[truth ? 1 : 2], inner, depth + 1));
  }
  return found;
}

/**
 * What a message says of the branches that lead to a value (branchValues), past the first `own`
 * true conditions (the Condition of its resource or output): " where condition Prod is true", or
 * nothing.
 */
export function branchesText(known: Known, own: number): string {
  return [
    ...known.true.slice(own).map((name) => ` where condition ${name} is true`),
    ...known.false.map((name) => ` where condition ${name} is false`),
  ].join(" and");
}

/**
 * Whether two places, each where `a` and `b` hold (a resource's Condition and the Fn::If branches
 * of a value: branchValues), certainly exist together in some stack: one's conditions make the
 * other's true, as far as the Conditions section says (ConditionLogic.holds and refutes). Two
 * places whose conditions are unrelated (`Prod` and `EastRegion`) may never meet and are left
 * alone, as madeTogether leaves two different Conditions. branchValues gives no branch its own
 * conditions rule out, so the wider of the two holds somewhere.
 */
export function heldTogether(template: TemplateIndex, a: Known, b: Known): boolean {
  const logic = conditionLogic(template);
  const covers = (wide: Known, narrow: Known) =>
    narrow.true.every((name) => logic.holds(name, wide)) &&
    narrow.false.every((name) => logic.refutes(name, wide));
  return covers(a, b) || covers(b, a);
}

/** The conditions of the Fn::If branches around a call: true in a second item, false in a third. */
export function branchConditions(call: FunctionCall | undefined, known: Known): void {
  let child = call;
  for (let parent = call?.parent; parent && child; child = parent, parent = parent.parent) {
    if (parent.name !== "Fn::If" || parent.arg.kind !== "seq" || parent.arg.items.length !== 3) continue;
    const [name, whenTrue, whenFalse] = parent.arg.items;
    if (!isString(name)) continue;
    const at = child.node.range.start;
    if (rangeHas(whenTrue.range, at)) known.true.push(name.value);
    else if (rangeHas(whenFalse.range, at)) known.false.push(name.value);
  }
}

/** Where a value leaves its key out: the condition of the Fn::If that gives AWS::NoValue, and its truth there. */
export interface NoValueGap {
  condition: string;
  truth: boolean;
}

/**
 * Where a value that must be there (a required property, a statement's Resource) is a Fn::If that
 * gives AWS::NoValue, at any depth of nested Fn::If, in a branch the place may take: one that the
 * Condition of the resource it sits in, the Fn::If branches around it and the values a deploy
 * passes (decidedByDeploy) do not rule out. Undefined for any other value. `direct` looks at the
 * outer Fn::If's own branches only, so that the value is left out exactly where the gap's
 * condition has the gap's truth (a required group's members compared, walk.ts).
 */
export function noValueWhere(template: TemplateIndex, node: Node, direct = false): NoValueGap | undefined {
  const place = ifPlace(template, node);
  return place && gapOf(place.logic, node, place.known, 0, direct);
}

/**
 * Where a list item is there only under one condition: a Fn::If whose one branch gives a value and
 * whose other gives AWS::NoValue, with the value's branch one its place may take (as noValueWhere
 * decides); the condition, and the truth that gives the value. Undefined for any other value.
 */
export function itemWhere(template: TemplateIndex, node: Node): NoValueGap | undefined {
  const place = ifPlace(template, node);
  if (!place) return undefined;
  const arg = (node as MapNode).entries[0].value;
  if (arg.kind !== "seq" || arg.items.length !== 3 || !isString(arg.items[0])) return undefined;
  const [name, whenTrue, whenFalse] = arg.items;
  if (isNoValue(whenTrue) === isNoValue(whenFalse)) return undefined;
  const truth = isNoValue(whenFalse);
  const value = truth ? whenTrue : whenFalse;
  if (intrinsicName(value) === "Fn::If") return undefined;
  return mayTake(place.logic, name.value, truth, place.known) ? { condition: name.value, truth } : undefined;
}

/** A Fn::If's place: what its resource's Condition and the Fn::If branches around it know. */
function ifPlace(template: TemplateIndex, node: Node): { logic: ConditionLogic; known: Known } | undefined {
  // Most values are no Fn::If: the map of calls by node is made only for those that are.
  if (intrinsicName(node) !== "Fn::If") return undefined;
  const call = callAt(template, node);
  if (call?.name !== "Fn::If") return undefined;
  const known: Known = { true: [], false: [] };
  const holder = call.from.length === 2 ? holderCondition(template, call.from[0], call.from[1]) : undefined;
  if (holder !== undefined) known.true.push(holder);
  branchConditions(call, known);
  return { logic: conditionLogic(template), known };
}

/**
 * The values a value may give where it stands: a Fn::If's branches that its place may take (the
 * Condition of its resource or output, the Fn::If branches around it and the values a deploy
 * passes: branchValues), nested ones too; any other value is its own one value, AWS::NoValue none.
 * A Fn::If the template's calls do not hold (in a section no rule reads) gives none.
 */
export function placedValues(template: TemplateIndex, node: Node): Node[] {
  if (intrinsicName(node) !== "Fn::If") return isNoValue(node) ? [] : [node];
  const place = ifPlace(template, node);
  return place ? branchValues(template, node, place.known).map((branch) => branch.node) : [];
}

/**
 * Whether a place under a resource's or output's Condition `holder` may take the branch of
 * `condition` for `truth` (as branchValues asks).
 */
export function mayTakeUnder(
  template: TemplateIndex,
  holder: string,
  condition: string,
  truth: boolean,
): boolean {
  return mayTake(conditionLogic(template), condition, truth, { true: [holder], false: [] });
}

/** Whether a place that knows `known` may take the branch of `condition` for `truth`. */
function mayTake(logic: ConditionLogic, condition: string, truth: boolean, known: Known): boolean {
  if (logic.decidedByDeploy(condition) === !truth) return false;
  return !(truth ? logic.refutes(condition, known) : logic.holds(condition, known));
}

/** A value a Fn::If gives where the conditions a place knows do not decide which branch it takes. */
export const UNDECIDED = Symbol("undecided");

/** One way to read the values of a place together (readings): what it knows, and the one condition it adds. */
export interface Reading {
  known: Known;
  /** The condition whose truth this reading adds to its place's, or none. */
  added?: { condition: string; truth: boolean };
}

/**
 * The ways to read several values of one place together (a Route 53 record's Type and values):
 * with the conditions of the place alone (its resource's Condition, the Fn::If branches around
 * it, the values a deploy passes), then with each truth of each condition the values' Fn::If
 * calls name that the place may take. A value read so (valueWhere) is known only where those
 * conditions decide its Fn::If; a finding in a reading holds wherever its one added condition has
 * its truth. Two conditions the template does not tie are never assumed together (they may
 * never meet), so a rule built on this claims no more than the template says.
 */
export function readings(
  template: TemplateIndex,
  values: readonly (Node | undefined)[],
  around: Known = { true: [], false: [] },
): Reading[] {
  const names = new Set<string>();
  // `around`: what else holds where the values are read (the Condition of a resource that needs them).
  const own: Known = { true: [...around.true], false: [...around.false] };
  let unplaced = false;
  const visit = (node: Node, depth: number, outermost: boolean) => {
    if (depth > MAX_DEPTH) return;
    let inner = outermost;
    if (intrinsicName(node) === "Fn::If" && node.kind === "map") {
      const arg = node.entries[0].value;
      if (arg.kind === "seq" && arg.items.length === 3 && isString(arg.items[0])) {
        names.add(arg.items[0].value);
        // Where an outermost Fn::If stands, the values stand: what each knows holds for all.
        if (outermost) {
          const place = ifPlace(template, node);
          if (place) {
            own.true.push(...place.known.true);
            own.false.push(...place.known.false);
          } else unplaced = true;
          inner = false;
        }
      }
    }
    if (node.kind === "seq") for (const item of node.items) visit(item, depth + 1, inner);
    else if (node.kind === "map") for (const entry of node.entries) visit(entry.value, depth + 1, inner);
  };
  for (const value of values) if (value) visit(value, 0, true);
  // A Fn::If the template's calls do not hold (in a section no rule reads) leaves its values unread.
  if (unplaced) return [];
  const found: Reading[] = [{ known: own }];
  const logic = conditionLogic(template);
  for (const condition of names) {
    // A condition the place already decides adds nothing to its own reading.
    if (!mayTake(logic, condition, true, own) || !mayTake(logic, condition, false, own)) continue;
    for (const truth of [true, false]) {
      const known: Known = truth
        ? { true: [...own.true, condition], false: own.false }
        : { true: own.true, false: [...own.false, condition] };
      found.push({ known, added: { condition, truth } });
    }
  }
  return found;
}

/**
 * A message found in a reading, with the condition the reading adds: "Where condition IsProd is
 * false, value 1 of ...". A first word that is a plain word is put in lower case; a name
 * (EngineVersion) is kept.
 */
export function inReading(reading: Reading, message: string): string {
  const { added } = reading;
  if (!added) return message;
  const start = /^[A-Z][a-z]*\b/.test(message) ? message[0].toLowerCase() + message.slice(1) : message;
  return `Where condition ${added.condition} is ${added.truth}, ${start}`;
}

/**
 * A filter for the findings of several readings: true the first time a finding (a message at a
 * node or range) is seen, so that one the place's own reading finds is not given again with a
 * condition, and one two conditions find is given once.
 */
export function firstFindings(): (at: object, message: string) => boolean {
  const seen = new Map<object, Set<string>>();
  return (at, message) => {
    let messages = seen.get(at);
    if (!messages) {
      messages = new Set();
      seen.set(at, messages);
    }
    if (messages.has(message)) return false;
    messages.add(message);
    return true;
  };
}

/**
 * A report for the findings of several readings of one place: each finding once, the first time a
 * reading makes it (the place's own reading comes first), with the reading's condition
 * (inReading).
 */
export function reportInReadings(
  report: Report,
): (reading: Reading, at: Node | Range, message: string, options?: ReportOptions) => void {
  const first = firstFindings();
  return (reading, at, message, options) => {
    if (first(at, message)) report(at, inReading(reading, message), options);
  };
}

/**
 * A value where `known` holds (a reading's): a Fn::If gives the branch the known conditions leave
 * it (nested ones too), AWS::NoValue and a value not written give undefined (the key is absent
 * there), and a Fn::If whose both branches may be taken gives UNDECIDED.
 */
export function valueWhere(
  template: TemplateIndex,
  node: Node | undefined,
  known: Known,
): Node | undefined | typeof UNDECIDED {
  const logic = conditionLogic(template);
  let value = node;
  for (let depth = 0; value && intrinsicName(value) === "Fn::If" && value.kind === "map"; depth++) {
    const arg = value.entries[0].value;
    if (depth > MAX_DEPTH || arg.kind !== "seq" || arg.items.length !== 3 || !isString(arg.items[0]))
      return UNDECIDED;
    const condition = arg.items[0].value;
    const whenTrue = mayTake(logic, condition, true, known);
    if (whenTrue === mayTake(logic, condition, false, known)) return UNDECIDED;
    value = arg.items[whenTrue ? 1 : 2];
  }
  return value && isNoValue(value) ? undefined : value;
}

/** A value where `known` holds, as valueWhere reads it; undefined where it is absent or not decided. */
export function decidedValue(
  template: TemplateIndex,
  node: Node | undefined,
  known: Known,
): Node | undefined {
  const value = valueWhere(template, node, known);
  return value === UNDECIDED ? undefined : value;
}

/**
 * Whether a key's value is there where `known` holds: true where every branch its Fn::If calls
 * may take gives a value, false where none does (or it is not written), undefined where it
 * depends on a condition the place does not decide.
 */
export function presentWhere(
  template: TemplateIndex,
  node: Node | undefined,
  known: Known,
): boolean | undefined {
  if (!node) return false;
  const branches = branchValues(template, node, known);
  if (branches.length === 0) return false;
  // branchValues leaves out the branches that give AWS::NoValue; gapOf finds one the place may take.
  return gapOf(conditionLogic(template), node, known, 0, false) ? undefined : true;
}

/** What a message says of a gap: "where condition IsProd is false: ... gives AWS::NoValue there". */
export function gapText(gap: NoValueGap, whose: string): string {
  return `where condition ${gap.condition} is ${gap.truth}: ${whose} Fn::If gives AWS::NoValue there`;
}

function gapOf(
  logic: ConditionLogic,
  node: Node,
  known: Known,
  depth: number,
  direct: boolean,
): NoValueGap | undefined {
  if (depth > MAX_DEPTH || intrinsicName(node) !== "Fn::If" || node.kind !== "map") return undefined;
  const arg = node.entries[0].value;
  if (arg.kind !== "seq" || arg.items.length !== 3 || !isString(arg.items[0])) return undefined;
  const condition = arg.items[0].value;
  for (let i = 1; i < 3; i++) {
    const truth = i === 1;
    if (!mayTake(logic, condition, truth, known)) continue;
    if (isNoValue(arg.items[i])) return { condition, truth };
    const inner: Known = truth
      ? { true: [...known.true, condition], false: known.false }
      : { true: known.true, false: [...known.false, condition] };
    if (direct) continue;
    const found = gapOf(logic, arg.items[i], inner, depth + 1, false);
    if (found) return found;
  }
  return undefined;
}

const MAX_DEPTH = 8;

/** A rule's literal true or false (a boolean, or its text). */
function literalTruth(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  return value === "true" ? true : value === "false" ? false : undefined;
}

/** What a condition being true (or false) says about Refs (see ConditionLogic.facts). */
interface RefFacts {
  /** A Ref's target and the values it may take there (one, or several a Fn::Or allows). */
  allowed: Map<string, Set<string>>;
  /** `target\u0000value` for each value a Ref must not equal. */
  unequal: Set<string>;
}

const logics = new WeakMap<TemplateIndex, ConditionLogic>();

/** The template's condition logic, made once and shared by the rules that ask it. */
export function conditionLogic(template: TemplateIndex): ConditionLogic {
  let logic = logics.get(template);
  if (!logic) {
    logic = new ConditionLogic(template);
    logics.set(template, logic);
  }
  return logic;
}

export class ConditionLogic {
  private readonly texts = new Map<string, string | undefined>();
  private readonly refFacts = new Map<string, RefFacts>();
  private readonly refFalseFacts = new Map<string, RefFacts>();
  private readonly decided = new Map<string, boolean | undefined>();
  private readonly closures = new Map<string, { holds: Set<string>; fails: Set<string> }>();

  constructor(private readonly template: TemplateIndex) {}

  /**
   * Whether a condition is true or false in the stack a deploy makes, where the values it passes
   * (parameter-overrides) and the stack's name decide it; undefined where they do not (a parameter
   * it does not pass, a pseudo parameter, a function other than Ref, a Fn::FindInMap whose keys
   * they give and a Fn::Sub whose variables they give). CloudFormation compares the texts of a
   * Fn::Equals; Fn::And, Fn::Or and Fn::Not decide as soon as their parts do.
   */
  decidedByDeploy(name: string): boolean | undefined {
    if (!this.template.parameterValues && this.template.stackName === undefined) return undefined;
    if (!this.decided.has(name)) {
      this.decided.set(name, undefined); // a condition that names itself decides nothing
      this.decided.set(name, this.truth(this.definition(name), 0));
    }
    return this.decided.get(name);
  }

  /** Whether a part of a condition (a Fn::Equals, a Fn::And, ...) is true or false, as decidedByDeploy decides. */
  decidedPart(node: Node): boolean | undefined {
    if (!this.template.parameterValues && this.template.stackName === undefined) return undefined;
    return this.truth(node, 0);
  }

  /**
   * Whether a rule's RuleCondition or Assert (the Rules section) is true or false with the values
   * the deploy passes, as decidedByDeploy decides a condition; rules also take true and false, and
   * Fn::Contains, Fn::EachMemberEquals and Fn::EachMemberIn (ruleFunction). undefined where the
   * values do not decide it.
   */
  decidedRule(node: Node): boolean | undefined {
    if (!this.template.parameterValues && this.template.stackName === undefined) return undefined;
    return this.truth(node, 0, true);
  }

  private truth(node: Node | undefined, depth: number, rule = false): boolean | undefined {
    if (!node || depth > MAX_DEPTH) return undefined;
    if (rule) {
      if (node.kind === "scalar") return literalTruth(node.value);
    } else {
      const inner = conditionName(node);
      if (inner !== undefined) return this.decidedByDeploy(inner);
    }
    const fn = intrinsicName(node);
    const items = fn === undefined ? [] : parts(node, fn);
    switch (fn) {
      case "Fn::Equals": {
        if (items.length !== 2) return undefined;
        const [a, b] = items.map((item) => this.deployedText(item));
        return a === undefined || b === undefined ? undefined : a === b;
      }
      case "Fn::Not":
        return items.length === 1 ? negation(this.truth(items[0], depth + 1, rule)) : undefined;
      case "Fn::And":
      case "Fn::Or": {
        // Fn::And is false once a part is false, Fn::Or true once a part is true.
        const deciding = fn === "Fn::Or";
        let all = items.length > 0;
        for (const item of items) {
          const truth = this.truth(item, depth + 1, rule);
          if (truth === deciding) return deciding;
          if (truth === undefined) all = false;
        }
        return all ? !deciding : undefined;
      }
      case undefined:
        return rule ? this.ruleFunction(node) : undefined;
      default:
        return undefined;
    }
  }

  /**
   * The rule functions the intrinsic functions do not list, where the values passed decide them:
   * Fn::Contains (the value is an item of the list), Fn::EachMemberEquals (every item equals the
   * value) and Fn::EachMemberIn (every item of the first list is in the second). A list is one
   * written out or the Ref of a list parameter passed; an item not known leaves undecided what
   * the known ones do not decide.
   */
  private ruleFunction(node: Node): boolean | undefined {
    const call = node.kind === "map" && node.entries.length === 1 ? node.entries[0] : undefined;
    if (call?.value.kind !== "seq" || call.value.items.length !== 2) return undefined;
    const [first, second] = call.value.items;
    switch (call.key) {
      case "Fn::Contains": {
        const list = this.deployedList(first);
        const text = this.deployedText(second);
        return list === undefined || text === undefined ? undefined : someEqual(list, text);
      }
      case "Fn::EachMemberEquals": {
        const list = this.deployedList(first);
        const text = this.deployedText(second);
        return list === undefined || text === undefined ? undefined : negation(someDiffers(list, text));
      }
      case "Fn::EachMemberIn": {
        const list = this.deployedList(first);
        const allowed = this.deployedList(second);
        if (list === undefined || allowed === undefined) return undefined;
        let all = true;
        for (const item of list) {
          const found = item === undefined ? undefined : someEqual(allowed, item);
          if (found === false) return false;
          if (found === undefined) all = false;
        }
        return all ? true : undefined;
      }
      default:
        return undefined;
    }
  }

  /**
   * The items of a list in the deployed stack: one written out (an item not known is undefined), or
   * a list parameter's Ref, split at commas and trimmed as CloudFormation splits a passed value.
   */
  private deployedList(node: Node): (string | undefined)[] | undefined {
    if (node.kind === "seq")
      return node.items.map((item) => (item.kind === "scalar" ? this.deployedText(item) : undefined));
    const target = refTarget(node);
    if (target === undefined) return undefined;
    const type = mapGet(this.template.parameters.get(target)?.value, "Type")?.value;
    const text = this.template.parameterValues?.get(target);
    return isString(type) && isListType(type.value) && text !== undefined ? passedItems(text) : undefined;
  }

  /** The text a Fn::Equals operand has in the deployed stack, where it is known. */
  private deployedText(node: Node, depth = 0): string | undefined {
    if (node.kind === "scalar") {
      const value = node.value;
      if (typeof value === "string" || typeof value === "boolean") return String(value);
      return typeof value === "number" && Number.isInteger(value) ? String(value) : undefined;
    }
    const fn = intrinsicName(node);
    if (fn === "Fn::FindInMap") return depth > 0 ? undefined : this.mappedText(node);
    if (fn === "Fn::Sub") return depth > 0 ? undefined : this.subText(node);
    const target = refTarget(node);
    return target === undefined ? undefined : this.refText(target);
  }

  /** The text a Ref of a parameter passed (not a list's, not an SSM parameter's) or of the stack's name gives. */
  private refText(target: string): string | undefined {
    if (target === "AWS::StackName") return this.template.stackName;
    const type = mapGet(this.template.parameters.get(target)?.value, "Type")?.value;
    // A list parameter's Ref is a list, and an SSM parameter's the value stored under the name passed.
    if (!isString(type) || type.value.includes("List") || type.value.startsWith("AWS::SSM::"))
      return undefined;
    return this.template.parameterValues?.get(target);
  }

  /**
   * The text a Fn::Sub makes where each of its variables is known: a Ref's (a parameter passed,
   * the stack's name) or a variable of its own whose value is (`!Sub ['${Env}-x', {Env: !Ref
   * Stage}]`). A `${Name.Attribute}` is a resource's and decides nothing here.
   */
  private subText(node: Node): string | undefined {
    const arg = node.kind === "map" ? node.entries[0].value : undefined;
    const [source, variables] = arg?.kind === "seq" ? arg.items : [arg];
    if (!isString(source) || (variables !== undefined && variables.kind !== "map")) return undefined;
    const pieces = subParts(source.value);
    if (!pieces) return undefined;
    let out = "";
    for (const piece of pieces) {
      if (typeof piece === "string") {
        out += piece;
        continue;
      }
      const own = mapGet(variables, piece.name)?.value;
      const value = own ? this.deployedText(own, 1) : this.refText(piece.name);
      if (value === undefined) return undefined;
      out += value;
    }
    return out;
  }
  /**
   * The text a Fn::FindInMap gives where its keys are known (written out, or Refs to values
   * passed) and the entry they pick is a plain value: `!FindInMap [Stages, !Ref Stage, Alarms]` with
   * `Stage=prod`. A key the mapping lacks decides nothing here (E1011 reports it).
   */
  private mappedText(node: Node): string | undefined {
    const args = parts(node, "Fn::FindInMap");
    if (args.length !== 3) return undefined;
    const [name, first, second] = args.map((arg) => this.deployedText(arg, 1));
    if (name === undefined || first === undefined || second === undefined) return undefined;
    const entry = mapGet(mapGet(this.template.mappings.get(name)?.value, first)?.value, second)?.value;
    return entry?.kind === "scalar" ? this.deployedText(entry, 1) : undefined;
  }

  /** Whether `needed` is true wherever `known` holds. */
  holds(needed: string, known: Known): boolean {
    const negated = notOf(this.definition(needed));
    return (
      known.true.some(
        (name) => this.implies(name, needed, 0) || (negated !== undefined && this.excludes(name, negated)),
      ) ||
      known.false.some((name) => this.impliedByFalse(name, needed)) ||
      this.leaves(known, this.facts(needed, false))
    );
  }

  /** Whether `needed` is false wherever `known` holds. */
  refutes(needed: string, known: Known): boolean {
    return (
      known.false.some((name) => this.implies(needed, name, 0)) ||
      known.true.some((name) => this.excludes(name, needed)) ||
      this.leaves(known, this.facts(needed))
    );
  }

  /**
   * Whether the conditions `known` holds, read together, leave a Ref no value that `facts` allows
   * it: the Fn::If chain `[IsA, a, !If [IsB, b, ...]]` over a parameter of AllowedValues A, B and C
   * leaves it C in the last branch, where a condition equal to C holds.
   */
  private leaves(known: Known, facts: RefFacts): boolean {
    if (known.true.length + known.false.length === 0) return false;
    const all = [
      ...known.true.map((name) => this.facts(name)),
      ...known.false.map((name) => this.facts(name, false)),
    ];
    const together = this.narrowed(everyOf(all));
    return disjoint(together, facts) || disjoint(facts, together);
  }

  private definition(name: string): Node | undefined {
    return this.template.conditions.get(name)?.value;
  }

  private text(name: string): string | undefined {
    if (!this.texts.has(name)) {
      const node = this.definition(name);
      this.texts.set(name, node ? canonical(node) : undefined);
    }
    return this.texts.get(name);
  }

  /** Whether `name` true makes `needed` true. */
  private implies(name: string, needed: string, depth: number): boolean {
    if (name === needed) return true;
    if (depth > MAX_DEPTH) return false;
    const text = this.text(name);
    const neededText = this.text(needed);
    if (text !== undefined && text === neededText) return true;
    for (const part of parts(this.definition(name), "Fn::And")) {
      const inner = conditionName(part);
      if (inner !== undefined ? this.implies(inner, needed, depth + 1) : canonical(part) === neededText)
        return true;
    }
    for (const part of parts(this.definition(needed), "Fn::Or")) {
      const inner = conditionName(part);
      if (inner !== undefined ? this.implies(name, inner, depth + 1) : canonical(part) === text) return true;
    }
    return false;
  }

  /**
   * Whether `name` false makes `needed` true: one is Fn::Not of the other, or they compare a String
   * parameter of two allowed values with each of them (`Mode` is Service where it is not Cluster).
   */
  private impliedByFalse(name: string, needed: string): boolean {
    if (this.opposite(name, needed)) return true;
    const negated = notOf(this.definition(needed));
    if (negated !== undefined && (negated === name || this.text(negated) === this.text(name))) return true;
    const opposite = notOf(this.definition(name));
    if (opposite !== undefined && this.implies(opposite, needed, 0)) return true;
    const off = refEquality(this.definition(name));
    const on = refEquality(this.definition(needed));
    if (!off || !on || off.subject !== on.subject || off.value === on.value) return false;
    const allowed = this.twoAllowedValues(on.subject) ?? [];
    return allowed.includes(off.value) && allowed.includes(on.value);
  }

  /** A String parameter's AllowedValues when they are exactly two values written out. */
  private twoAllowedValues(parameter: string): string[] | undefined {
    const body = this.template.parameters.get(parameter)?.value;
    const type = mapGet(body, "Type")?.value;
    if (!isString(type) || type.value !== "String") return undefined;
    const values = literalAllowedValues(body);
    return values?.length === 2 && values[0] !== values[1] ? values : undefined;
  }

  /**
   * Whether `name` true makes the Ref of `subject` (a parameter) give something other than `value`:
   * the condition needs it equal to another value, or not equal to this one.
   */
  forbidsValue(name: string, subject: string, value: string): boolean {
    const { allowed, unequal } = this.facts(name);
    const values = allowed.get(subject);
    return (values !== undefined && !values.has(value)) || unequal.has(`${subject}\u0000${value}`);
  }

  /**
   * Whether one condition is Fn::Not of the other's definition written out (`WithKey: !Not [!Equals
   * [!Ref Key, '']]` beside `WithoutKey: !Equals [!Ref Key, '']`), so each is false where the other
   * is true; a Fn::Not of a Condition is notOf's.
   */
  private opposite(a: string, b: string): boolean {
    const [notA] = parts(this.definition(a), "Fn::Not");
    const [notB] = parts(this.definition(b), "Fn::Not");
    return (
      (notA !== undefined && canonical(notA) === this.text(b)) ||
      (notB !== undefined && canonical(notB) === this.text(a))
    );
  }

  /**
   * Whether `name` true makes `other` false; through the parts of a Fn::And on either side
   * (`!And [!Condition Private, ...]` excludes `!And [!Not [!Condition Private], ...]`), pair by
   * pair of the conditions the two make true or false (closure, made once per condition), so
   * nested Fn::And stay cheap.
   */
  private excludes(name: string, other: string): boolean {
    const mine = this.closure(name);
    const theirs = this.closure(other);
    for (const a of mine.holds) for (const b of theirs.holds) if (this.excludesDirectly(a, b)) return true;
    for (const a of mine.fails) if (theirs.holds.has(a) || this.implies(other, a, 0)) return true;
    for (const b of theirs.fails) if (mine.holds.has(b) || this.implies(name, b, 0)) return true;
    return false;
  }

  /**
   * The conditions `name` true makes true (itself, the Condition parts of its Fn::And, and theirs)
   * and false (a `Fn::Not [Condition]` among those parts).
   */
  private closure(name: string): { holds: Set<string>; fails: Set<string> } {
    let found = this.closures.get(name);
    if (found) return found;
    found = { holds: new Set([name]), fails: new Set() };
    // Set before the parts are read, so a condition that names itself, in a loop, stops here.
    this.closures.set(name, found);
    for (const part of parts(this.definition(name), "Fn::And")) {
      const inner = conditionName(part);
      if (inner !== undefined) {
        const sub = this.closure(inner);
        for (const held of sub.holds) found.holds.add(held);
        for (const failed of sub.fails) found.fails.add(failed);
        continue;
      }
      const negated = notOf(part);
      if (negated !== undefined) found.fails.add(negated);
    }
    return found;
  }

  private excludesDirectly(name: string, other: string): boolean {
    if (this.opposite(name, other)) return true;
    const negatedOther = notOf(this.definition(other));
    if (negatedOther !== undefined && this.implies(name, negatedOther, 0)) return true;
    const negated = notOf(this.definition(name));
    if (negated !== undefined && this.implies(other, negated, 0)) return true;
    return disjoint(this.facts(name), this.facts(other)) || disjoint(this.facts(other), this.facts(name));
  }

  /**
   * What a condition being true says about Refs: the values each Ref may take (`Fn::Equals [!Ref
   * P, literal]`, either order, or a Fn::Or of such, `IsLive: !Or [!Equals [!Ref Env, prod],
   * !Equals [!Ref Env, staging]]`) and the values it must not, through Condition, Fn::And, Fn::Or
   * and Fn::Not (which turns the truth over). A String or Number parameter's AllowedValues written
   * out narrow what a Ref may take (`!Not [!Equals [!Ref Env, prod]]` with AllowedValues dev,
   * staging and prod allows dev and staging). A Ref that may take no value (the condition
   * contradicts itself) is left out, so it decides nothing. With `truth` false: what the condition
   * being false says.
   */
  private facts(name: string, truth = true): RefFacts {
    const made = truth ? this.refFacts : this.refFalseFacts;
    const found = made.get(name);
    if (found) return found;
    const facts = this.narrowed(this.factsOf(this.definition(name), 0, truth));
    made.set(name, facts);
    return facts;
  }

  /** What a node being true (or false) says about Refs, as facts describes. */
  private factsOf(node: Node | undefined, depth: number, truth: boolean): RefFacts {
    const none: RefFacts = { allowed: new Map(), unequal: new Set() };
    if (!node || depth > MAX_DEPTH) return none;
    const inner = conditionName(node);
    if (inner !== undefined) return this.factsOf(this.definition(inner), depth + 1, truth);
    const [negated] = parts(node, "Fn::Not");
    if (negated) return this.factsOf(negated, depth + 1, !truth);
    const equality = refEquality(node);
    if (equality) {
      const { subject, value } = equality;
      if (truth) none.allowed.set(subject, new Set([value]));
      else none.unequal.add(`${subject}\u0000${value}`);
      return none;
    }
    // A true Fn::And and a false Fn::Or hold each part; a true Fn::Or and a false Fn::And hold one.
    const all = parts(node, truth ? "Fn::And" : "Fn::Or").map((part) => this.factsOf(part, depth + 1, truth));
    if (all.length > 0) return everyOf(all);
    const some = parts(node, truth ? "Fn::Or" : "Fn::And").map((part) =>
      this.factsOf(part, depth + 1, truth),
    );
    return some.length > 0 ? oneOf(some.map((facts) => this.narrowed(facts))) : none;
  }

  /** The facts with each Ref's values narrowed by its parameter's AllowedValues and by the values it must not take. */
  private narrowed(facts: RefFacts): RefFacts {
    for (const key of facts.unequal) {
      const [subject] = key.split("\u0000");
      if (facts.allowed.has(subject)) continue;
      const body = this.template.parameters.get(subject)?.value;
      const type = mapGet(body, "Type")?.value;
      if (!isString(type) || (type.value !== "String" && type.value !== "Number")) continue;
      const values = literalAllowedValues(body);
      if (values && values.length > 0) facts.allowed.set(subject, new Set(values));
    }
    for (const [subject, values] of facts.allowed) {
      for (const value of values) if (facts.unequal.has(`${subject}\u0000${value}`)) values.delete(value);
      if (values.size === 0) facts.allowed.delete(subject);
    }
    return facts;
  }
}

/** Facts that all hold: each Ref takes a value every one allows, and none any one forbids. */
function everyOf(all: RefFacts[]): RefFacts {
  const out: RefFacts = { allowed: new Map(), unequal: new Set() };
  const contradicted = new Set<string>();
  for (const facts of all) {
    for (const key of facts.unequal) out.unequal.add(key);
    for (const [subject, values] of facts.allowed) {
      if (contradicted.has(subject)) continue;
      const before = out.allowed.get(subject);
      const both = before ? new Set([...before].filter((value) => values.has(value))) : new Set(values);
      if (both.size > 0) out.allowed.set(subject, both);
      else {
        contradicted.add(subject);
        out.allowed.delete(subject);
      }
    }
  }
  return out;
}

/**
 * Facts of which one holds: a Ref takes a value one of them allows, where each says which (a part
 * that says nothing of a Ref leaves it free), and must not take a value none of them allows.
 */
function oneOf(some: RefFacts[]): RefFacts {
  const out: RefFacts = { allowed: new Map(), unequal: new Set() };
  const [first, ...rest] = some;
  for (const [subject, values] of first.allowed) {
    if (!rest.every((facts) => facts.allowed.has(subject))) continue;
    const union = new Set(values);
    for (const facts of rest) for (const value of facts.allowed.get(subject) ?? []) union.add(value);
    out.allowed.set(subject, union);
  }
  const forbidden = (facts: RefFacts, key: string): boolean => {
    if (facts.unequal.has(key)) return true;
    const [subject, value] = key.split("\u0000");
    const values = facts.allowed.get(subject);
    return values !== undefined && !values.has(value);
  };
  for (const facts of some)
    for (const key of facts.unequal) if (some.every((each) => forbidden(each, key))) out.unequal.add(key);
  return out;
}

/** Whether a Ref must take, where `a` holds, only values that `b` forbids it. */
function disjoint(a: RefFacts, b: RefFacts): boolean {
  for (const [subject, values] of a.allowed) {
    const theirs = b.allowed.get(subject);
    let shared = false;
    for (const value of values)
      if ((theirs === undefined || theirs.has(value)) && !b.unequal.has(`${subject}\u0000${value}`))
        shared = true;
    if (!shared) return true;
  }
  return false;
}

/** `Fn::Equals [!Ref P, literal]` or `[literal, !Ref P]`: the Ref's target and the literal's text. */
function refEquality(node: Node | undefined): { subject: string; value: string } | undefined {
  const [a, b] = parts(node, "Fn::Equals");
  if (!a || !b) return undefined;
  const subject = refTarget(a) ?? refTarget(b);
  const literal = refTarget(a) !== undefined ? b : a;
  if (subject === undefined || literal.kind !== "scalar" || literal.value === null) return undefined;
  return { subject, value: String(literal.value) };
}

function refTarget(node: Node): string | undefined {
  if (intrinsicName(node) !== "Ref" || node.kind !== "map") return undefined;
  const target = node.entries[0].value;
  return isString(target) ? target.value : undefined;
}

function parts(node: Node | undefined, fn: string): Node[] {
  if (!node || intrinsicName(node) !== fn || node.kind !== "map") return [];
  const arg = node.entries[0].value;
  return arg.kind === "seq" ? arg.items : [];
}

function conditionName(node: Node): string | undefined {
  if (node.kind !== "map" || node.entries.length !== 1 || node.entries[0].key !== "Condition")
    return undefined;
  const value = node.entries[0].value;
  return isString(value) ? value.value : undefined;
}

/** Whether a list holds the text: undefined where only an item not known could. */
function someEqual(list: (string | undefined)[], text: string): boolean | undefined {
  if (list.includes(text)) return true;
  return list.includes(undefined) ? undefined : false;
}

/** Whether an item of the list differs from the text: undefined where only an item not known could. */
function someDiffers(list: (string | undefined)[], text: string): boolean | undefined {
  if (list.some((item) => item !== undefined && item !== text)) return true;
  return list.includes(undefined) ? undefined : false;
}

function negation(truth: boolean | undefined): boolean | undefined {
  return truth === undefined ? undefined : !truth;
}

/** The condition a `Fn::Not [{Condition: X}]` negates. */
function notOf(node: Node | undefined): string | undefined {
  const [inner] = parts(node, "Fn::Not");
  return inner ? conditionName(inner) : undefined;
}
