/**
 * The values a Ref to a parameter, a Fn::Sub, Fn::Join, Fn::FindInMap or Fn::Select can give (and
 * the lists a Fn::Split can give),
 * worked out from the template alone, so that rules judge them as they judge a written value (the
 * constraint walk, the deprecated-runtime rules, E3505).
 *
 * What the template cannot know stays unknown, and only what holds for every value is judged:
 * - a String or Number parameter gives its Default or one of its AllowedValues (as W1030 judges a
 *   Ref to one: the deployer may pass another value, so the findings are warnings); a NoEcho
 *   parameter gives an unknown value, never quoted; one the deploy passes a value for
 *   (TemplateIndex.parameterValues) gives that value, which is never quoted either (a text made
 *   with it is not, and a Fn::Split of it is left unjudged), and picks the mapping key or list
 *   item it names, a choice that is no choice at deploy (Resolution.passed);
 * - AWS::Region, AWS::AccountId, AWS::Partition and AWS::URLSuffix have a known form: each is
 *   tried with two values of that form, and a problem counts only when both values have it;
 * - a resource's name or attribute, the stack's name, an import: unknown text, of which only a
 *   least length is known (so a text too long without it is too long with it); the stack's name is
 *   known exactly where the caller gives it (a deploy: TemplateIndex.stackName);
 * - a mapping key that is not known (`!Ref AWS::Region` as the top-level key) gives each of the
 *   mapping's entries at that level;
 * - a Fn::If in a Sub's variable or a Join's item gives both branches' values, each named by its
 *   condition (a Fn::If around the whole value is the caller's to follow, as the constraint walk does).
 */
import type { MapNode, Node, ScalarValue } from "../../model";
import { mapGet } from "../../nodes";
import { declaredValues, isNoEcho, passedValue } from "../parameters/declared";
import type { Report, ReportOptions } from "../rule";
import { intrinsicName, isString, subParts, type TemplateIndex } from "../template-index";

/** A pseudo parameter of a known form, tried with two values of it. */
export interface Sampled {
  samples: readonly [string, string];
  /** The form: a mapping key this parameter picks has it (an entry `AMI:` beside the Regions is none). */
  form?: RegExp;
}

/** Text not known before deploy, of which only the least length is known. */
export interface Unknown {
  least: number;
}

export type Piece = string | Sampled | Unknown;

export interface Resolution {
  pieces: Piece[];
  /** A lone number or boolean (from a mapping, a list or a parameter), kept as that value. */
  value?: number | boolean;
  /** What gives this value: "AllowedValues[1] of parameter 'Stage'", "key 'us-west-2' of mapping 'AMIs'". */
  choices: string[];
  /** Set when the value holds the stack's name, known exactly (TemplateIndex.stackName). */
  stackName?: string;
  /**
   * How many of `choices` are values the deploy passes (TemplateIndex.parameterValues): such a
   * choice is no choice at deploy, where only those values are given.
   */
  passed?: number;
  /** Set when the text holds a value the deploy passes: an input value, never quoted. */
  hidden?: true;
}

/** Beyond this many values (parameters multiplied by parameters), the expression is left unjudged. */
const MOST_VALUES = 64;

const SAMPLED: Record<string, Sampled> = {
  "AWS::Region": { samples: ["us-east-1", "ap-southeast-2"], form: /^[a-z]{2}(-[a-z]+)+-\d+$/ },
  "AWS::AccountId": { samples: ["123456789012", "000000000000"], form: /^\d{12}$/ },
  "AWS::Partition": { samples: ["aws", "aws-cn"], form: /^aws(-[a-z]+)*$/ },
  "AWS::URLSuffix": { samples: ["amazonaws.com", "amazonaws.com.cn"], form: /^amazonaws\.com(\.[a-z]+)?$/ },
};

/** A stack's name and id are never empty. */
const UNKNOWN_PSEUDO: Record<string, Unknown> = {
  "AWS::StackName": { least: 1 },
  "AWS::StackId": { least: 1 },
};

const ANY_KEY = /(?:)/;

const NOTHING_KNOWN: Resolution[] = [{ pieces: [{ least: 0 }], choices: [] }];

/**
 * The values `node` (a Fn::Sub, Fn::Join, Fn::FindInMap or Fn::Select) may give, or undefined when
 * there is nothing to judge: a shape these functions refuse (their own rules report it), a value
 * that is a list or a mapping, or too many combinations. `parameters` false leaves parameters
 * unknown (inside a Fn::If, whose condition often rules out the very default a branch would get);
 * "passed" knows only the values the deploy passes (in the branch of a Fn::If they decide);
 * `rulesOut` leaves out the parameter values a resource's Condition keeps away.
 */
export function resolveValue(
  node: Node,
  template: TemplateIndex,
  parameters: ParameterMode,
  rulesOut?: RulesOut,
  decide?: Decide,
): Resolution[] | undefined {
  const values = new Resolver(template, parameters, rulesOut, decide).resolve(node, 0);
  return values && values.length <= MOST_VALUES ? values : undefined;
}

/**
 * What a Ref to a parameter gives the resolver: its Default and AllowedValues, or the value the
 * deploy passes (true); only a passed value ("passed"); nothing (false).
 */
export type ParameterMode = boolean | "passed";

/**
 * Whether a condition is true or false in the stack being deployed, where the values the deploy
 * passes decide it (ConditionLogic.decidedByDeploy); undefined where they do not.
 */
export type Decide = (condition: string) => boolean | undefined;

/** Whether the place a value is judged at keeps `parameter` from giving `value` (its resource's Condition). */
export type RulesOut = (parameter: string, value: string) => boolean;

/** A list a Fn::Split gives, and what gives the text it splits. */
export interface SplitList {
  items: string[];
  choices: string[];
  /** How many values the deploy passes among `choices` (Resolution.passed). */
  passed?: number;
  /** Made with a value the deploy passes: its items are never quoted (Resolution.hidden). */
  hidden?: boolean;
}

/**
 * The lists `node` (a Fn::Split) may give, when the text it splits is known exactly (written out, a
 * parameter's Default or AllowedValues, a mapping's entries); undefined otherwise, or beyond
 * MOST_VALUES lists. `parameters` and `rulesOut` as for resolveValue.
 */
export function resolveSplit(
  node: MapNode,
  template: TemplateIndex,
  parameters: ParameterMode,
  rulesOut?: RulesOut,
  decide?: Decide,
): SplitList[] | undefined {
  const lists = new Resolver(template, parameters, rulesOut, decide).split(node.entries[0].value, 0);
  return lists && lists.length <= MOST_VALUES ? lists : undefined;
}

/** The value with each sampled piece given its `sample`th value; undefined when a piece is unknown. */
export function variant(resolution: Resolution, sample: 0 | 1): ScalarValue | undefined {
  if (resolution.value !== undefined) return resolution.value;
  let text = "";
  for (const piece of resolution.pieces) {
    if (typeof piece === "string") text += piece;
    else if ("samples" in piece) text += piece.samples[sample];
    else return undefined;
  }
  return text;
}

/** The value's text when every piece of it is known exactly (no sample, nothing unknown). */
export function exactText(resolution: Resolution): string | undefined {
  const pieces = resolution.pieces;
  let text = "";
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if (typeof piece !== "string") return undefined;
    text += piece;
  }
  return text;
}

/** A value known exactly, what gives it (givenWith), and whether a choice gives it. */
export interface KnownText {
  text: string;
  /** " (with the Default of parameter 'X')", or "". */
  given: string;
  /**
   * Given by a choice (a parameter's Default, a Region's entry), which another deployment may not
   * make; the values the deploy passes are no choice.
   */
  chosen: boolean;
  /** Made with a value the deploy passes: never quoted (Resolution.hidden). */
  hidden: boolean;
}

/**
 * The texts `node` may give that are known exactly (resolveValue's values without a sampled or
 * unknown piece), for rules that compare a whole value (a runtime, a number of seconds): each text
 * once, with how many other choices give it (sameGiven).
 */
export function knownTexts(
  node: Node,
  template: TemplateIndex,
  parameters: boolean,
  /** Whether texts made with values the deploy passes are wanted, which a message must not quote. */
  hidden = false,
): KnownText[] {
  const values = (resolveValue(node, template, parameters) ?? []).filter(
    (value) => exactText(value) !== undefined && (hidden || !value.hidden),
  );
  return sameGiven(values, exactText).map(({ value, others, chosen }) => ({
    text: exactText(value) as string,
    given: givenWith(value, others),
    chosen,
    hidden: value.hidden === true,
  }));
}

/** One of the values that give the same thing, and how many others give it too. */
export interface SameGiven<T> {
  value: T;
  others: number;
  /** Whether every one of them is given by a choice. */
  chosen: boolean;
}

/**
 * The values grouped by what they give (`key`; undefined keeps a value apart), in order: a mapping
 * keyed by Region (CDK's runtime map has some 40 keys) often gives one value under most keys, and
 * that is one finding, not one per key.
 */
export function sameGiven<T extends { choices: readonly string[]; passed?: number }>(
  values: readonly T[],
  key: (value: T) => string | undefined,
): SameGiven<T>[] {
  const out: SameGiven<T>[] = [];
  const byKey = new Map<string, SameGiven<T>>();
  for (const value of values) {
    // What the values passed alone give is what the stack gets: no choice.
    const chosen = value.choices.length > (value.passed ?? 0);
    const k = values.length > 1 ? key(value) : undefined;
    const seen = k === undefined ? undefined : byKey.get(k);
    if (seen) {
      seen.others++;
      seen.chosen &&= chosen;
      continue;
    }
    const group = { value, others: 0, chosen };
    if (k !== undefined) byKey.set(k, group);
    out.push(group);
  }
  return out;
}

/** What gives the value, as messages add it after the value: " (with the Default of parameter 'X')", or "". */
export function givenWith(
  resolution: { choices: readonly string[]; stackName?: string },
  others = 0,
): string {
  const choices =
    resolution.stackName === undefined
      ? resolution.choices
      : [`the stack name '${resolution.stackName}'`, ...resolution.choices];
  if (choices.length === 0) return "";
  const more =
    others === 0 ? "" : `; also with ${others === 1 ? "1 other choice" : `${others} other choices`}`;
  return ` (with ${choices.join(", ")}${more})`;
}

export function hasSamples(resolution: Resolution): boolean {
  return resolution.pieces.some((piece) => typeof piece !== "string" && "samples" in piece);
}

/** The fewest characters the value can have. */
export function leastLength(resolution: Resolution): number {
  let length = 0;
  for (const piece of resolution.pieces) {
    if (typeof piece === "string") length += [...piece].length;
    else if ("samples" in piece) length += Math.min(piece.samples[0].length, piece.samples[1].length);
    else length += piece.least;
  }
  return length;
}

class Resolver {
  constructor(
    private readonly template: TemplateIndex,
    private readonly parameters: ParameterMode,
    private readonly rulesOut?: RulesOut,
    private readonly decide?: Decide,
  ) {}

  resolve(node: Node, depth: number): Resolution[] | undefined {
    if (depth > 8) return undefined;
    if (node.kind === "scalar") {
      const value = node.value;
      if (value === null) return undefined;
      return [
        typeof value === "string"
          ? { pieces: [value], choices: [] }
          : { pieces: [String(value)], value, choices: [] },
      ];
    }
    const fn = intrinsicName(node);
    if (!fn) return undefined;
    const arg = (node as MapNode).entries[0].value;
    switch (fn) {
      case "Ref":
        return isString(arg) ? this.ref(arg.value) : undefined;
      case "Fn::Sub":
        return this.sub(arg, depth);
      case "Fn::Join":
        return this.join(arg, depth);
      case "Fn::FindInMap":
        return this.findInMap(arg, depth);
      case "Fn::Select":
        return this.select(arg, depth);
      default:
        return undefined;
    }
  }

  /**
   * A part of a longer text (a Sub variable, an item of a Join): unknown rather than nothing. A
   * Fn::If there gives each branch's values, named by the condition that picks it; a parameter in a
   * branch gives nothing known (a condition often rules out the very value a branch would get). A
   * condition the values passed decide gives its branch alone, where a value passed is known.
   */
  private part(node: Node, depth: number): Resolution[] {
    if (intrinsicName(node) === "Fn::If") return this.branches((node as MapNode).entries[0].value, depth);
    return this.resolve(node, depth + 1) ?? NOTHING_KNOWN;
  }

  private branches(arg: Node, depth: number): Resolution[] {
    if (arg.kind !== "seq" || arg.items.length !== 3 || !isString(arg.items[0]) || depth > 8)
      return NOTHING_KNOWN;
    const condition = arg.items[0].value;
    const decided = this.decide?.(condition);
    if (decided !== undefined) {
      // Certain as a passed value is: the values passed pick the branch.
      const taken = this.parameters
        ? new Resolver(this.template, "passed", this.rulesOut, this.decide)
        : this;
      const choice = `condition '${condition}' ${decided}, as the values passed decide it`;
      return taken
        .part(arg.items[decided ? 1 : 2], depth + 1)
        .map((value) => ({ ...value, choices: [choice, ...value.choices], passed: (value.passed ?? 0) + 1 }));
    }
    const inner = this.parameters ? new Resolver(this.template, false) : this;
    const values: Resolution[] = [];
    for (let i = 1; i < 3; i++) {
      const choice = `condition '${condition}' ${i === 1 ? "true" : "false"}`;
      for (const value of inner.part(arg.items[i], depth + 1))
        values.push({ ...value, choices: [choice, ...value.choices] });
    }
    return values;
  }

  /** What a Ref (or a `${Name}` in a Sub) gives. */
  private ref(name: string): Resolution[] | undefined {
    const sampled = SAMPLED[name];
    if (sampled) return [{ pieces: [sampled], choices: [`${name} '${sampled.samples[0]}'`] }];
    const known = name === "AWS::StackName" ? this.template.stackName : undefined;
    if (known !== undefined) return [{ pieces: [known], choices: [], stackName: known }];
    const unknown = UNKNOWN_PSEUDO[name];
    if (unknown) return [{ pieces: [unknown], choices: [] }];
    if (name === "AWS::NoValue" || name === "AWS::NotificationARNs") return undefined;
    const parameter = this.template.parameters.get(name)?.value;
    if (!parameter) return NOTHING_KNOWN;
    const declared = declaredValues(parameter);
    if (!declared) return undefined;
    if (!this.parameters || isNoEcho(parameter)) return NOTHING_KNOWN;
    // A value the deploy passes is known exactly, and never quoted (Resolution.hidden).
    const passed = this.template.parameterValues?.get(name);
    if (passed !== undefined) {
      const value = passedValue(parameter, passed);
      return [
        {
          pieces: [passed],
          ...(typeof value === "number" ? { value } : {}),
          choices: [`the value passed for parameter '${name}'`],
          passed: 1,
          hidden: true,
        },
      ];
    }
    if (this.parameters === "passed") return NOTHING_KNOWN;
    const values: Resolution[] = [];
    const seen = new Set<string>();
    for (const { node, label } of declared) {
      const text = String(node.value);
      if (seen.has(text) || this.rulesOut?.(name, text)) continue;
      seen.add(text);
      values.push({
        pieces: [text],
        ...(typeof node.value === "string" ? {} : { value: node.value }),
        choices: [`${label === "Default" ? "the Default" : label} of parameter '${name}'`],
      });
    }
    return values.length > 0 ? values : NOTHING_KNOWN;
  }

  private sub(arg: Node, depth: number): Resolution[] | undefined {
    let text: Node = arg;
    let variables: Node | undefined;
    if (arg.kind === "seq") {
      if (arg.items.length !== 2) return undefined;
      [text, variables] = arg.items;
      if (variables.kind !== "map" || intrinsicName(variables)) return undefined;
    }
    if (!isString(text)) return undefined;
    const parts = subParts(text.value);
    if (!parts) return undefined;
    const alternatives: Resolution[][] = [];
    for (const part of parts) {
      if (typeof part === "string") {
        alternatives.push([{ pieces: [part], choices: [] }]);
        continue;
      }
      const given = mapGet(variables, part.name);
      if (given) alternatives.push(this.part(given.value, depth));
      else if (part.name.includes(".")) alternatives.push(NOTHING_KNOWN);
      else alternatives.push(this.ref(part.name) ?? NOTHING_KNOWN);
    }
    return concatenated(alternatives);
  }

  private join(arg: Node, depth: number): Resolution[] | undefined {
    if (arg.kind !== "seq" || arg.items.length !== 2) return undefined;
    const [delimiter, list] = arg.items;
    if (!isString(delimiter) || list.kind !== "seq") return undefined;
    const alternatives: Resolution[][] = [];
    list.items.forEach((item, i) => {
      if (i > 0 && delimiter.value !== "") alternatives.push([{ pieces: [delimiter.value], choices: [] }]);
      alternatives.push(this.part(item, depth));
    });
    return concatenated(alternatives);
  }

  private findInMap(arg: Node, depth: number): Resolution[] | undefined {
    if (arg.kind !== "seq" || arg.items.length < 3 || arg.items.length > 4) return undefined;
    // A fourth item, {DefaultValue: value} under the language extensions, gives a value for keys
    // the mapping lacks: judged where the keys are known and missing.
    const options = arg.items[3];
    const fallback = options ? mapGet(options, "DefaultValue")?.value : undefined;
    if (options && (!fallback || options.kind !== "map" || options.entries.length !== 1)) return undefined;
    const names = this.exactTexts(arg.items[0], depth);
    if (!names) return undefined;
    const values: Resolution[] = [];
    if (fallback) {
      const tops = this.exactTexts(arg.items[1], depth);
      const seconds = this.exactTexts(arg.items[2], depth);
      if (!tops || !seconds) return undefined;
      for (const name of names)
        for (const top of tops)
          for (const second of seconds) {
            const found = mapGet(
              mapGet(this.template.mappings.get(name.text)?.value, top.text)?.value,
              second.text,
            );
            const given = found ? this.resolve(found.value, depth + 1) : this.resolve(fallback, depth + 1);
            for (const value of given ?? [])
              values.push({
                ...value,
                choices: [...name.choices, ...top.choices, ...second.choices, ...value.choices],
                ...withPassed(name.passed + top.passed + second.passed + (value.passed ?? 0)),
              });
          }
      return values.length > MOST_VALUES ? undefined : values;
    }
    for (const name of names) {
      const mapping = this.template.mappings.get(name.text)?.value;
      if (mapping?.kind !== "map") continue;
      for (const top of this.keys(arg.items[1], mapping, name.text, depth)) {
        const level = top.node;
        if (level.kind !== "map") continue;
        for (const second of this.keys(arg.items[2], level, name.text, depth)) {
          const value = second.node;
          if (value.kind !== "scalar" || value.value === null) continue;
          values.push({
            pieces: [String(value.value)],
            ...(typeof value.value === "string" ? {} : { value: value.value }),
            choices: [...name.choices, ...top.choices, ...second.choices],
            ...withPassed(name.passed + top.passed + second.passed),
          });
          if (values.length > MOST_VALUES) return undefined;
        }
      }
    }
    return values;
  }

  /**
   * The entries of `level` a Fn::FindInMap key picks: those its known values name, or every entry
   * when the key is not known (a Ref to AWS::Region, a parameter without values).
   */
  private keys(
    key: Node,
    level: MapNode,
    mapping: string,
    depth: number,
  ): { node: Node; choices: string[]; passed: number }[] {
    const texts = this.exactTexts(key, depth);
    if (texts) {
      const picked: { node: Node; choices: string[]; passed: number }[] = [];
      for (const text of texts) {
        const entry = mapGet(level, text.text);
        if (entry) picked.push({ node: entry.value, choices: text.choices, passed: text.passed });
      }
      return picked;
    }
    const form = this.keyForm(key);
    if (!form) return [];
    const picked: { node: Node; choices: string[]; passed: number }[] = [];
    for (const entry of level.entries)
      if (form.test(entry.key))
        picked.push({
          node: entry.value,
          choices: [`key '${entry.key}' of mapping '${mapping}'`],
          passed: 0,
        });
    return picked;
  }

  /**
   * The form of the keys a key known only at deploy can pick: a Ref to a pseudo parameter (a Region
   * name for AWS::Region), or to a parameter that gives no value of its own (its AllowedPattern,
   * if any; outside a Fn::If, see resolveValue). Undefined for any other key.
   */
  private keyForm(key: Node): RegExp | undefined {
    if (intrinsicName(key) !== "Ref") return undefined;
    const name = (key as MapNode).entries[0].value;
    if (!isString(name)) return undefined;
    const sampled = SAMPLED[name.value];
    if (sampled) return sampled.form;
    const parameter = this.template.parameters.get(name.value)?.value;
    if (
      this.parameters !== true ||
      !parameter ||
      mapGet(parameter, "Default") ||
      mapGet(parameter, "AllowedValues")
    )
      return undefined;
    const pattern = mapGet(parameter, "AllowedPattern")?.value;
    if (!pattern) return ANY_KEY;
    if (!isString(pattern)) return undefined;
    try {
      return new RegExp(`^(?:${pattern.value})$`);
    } catch {
      return undefined;
    }
  }

  private select(arg: Node, depth: number): Resolution[] | undefined {
    if (arg.kind !== "seq" || arg.items.length !== 2) return undefined;
    const indexes = this.exactTexts(arg.items[0], depth);
    const list = arg.items[1];
    if (!indexes) return undefined;
    const values: Resolution[] = [];
    for (const index of indexes) {
      if (!/^\d+$/.test(index.text)) return undefined;
      const at = Number(index.text);
      if (list.kind === "seq") {
        const item = list.items[at];
        const resolved = item && this.resolve(item, depth + 1);
        if (!resolved) return undefined;
        for (const value of resolved)
          values.push({
            ...value,
            choices: [...index.choices, ...value.choices],
            ...withPassed(index.passed + (value.passed ?? 0)),
          });
      } else if (intrinsicName(list) === "Fn::Split") {
        const lists = this.split((list as MapNode).entries[0].value, depth);
        if (!lists) return undefined;
        for (const { items, choices, passed, hidden } of lists) {
          const item = items[at];
          // An item of a passed text is what the stack gets, and is never quoted.
          if (item !== undefined)
            values.push({
              pieces: [item],
              choices: [...index.choices, ...choices],
              ...withPassed(index.passed + (passed ?? 0)),
              ...(hidden ? { hidden: true } : {}),
            });
        }
      } else {
        return undefined;
      }
    }
    return values;
  }

  /** The lists a Fn::Split (its argument) may give: only of text known exactly. */
  split(arg: Node, depth: number): SplitList[] | undefined {
    if (arg.kind !== "seq" || arg.items.length !== 2 || !isString(arg.items[0])) return undefined;
    const delimiter = arg.items[0].value;
    const sources = this.exactTexts(arg.items[1], depth);
    if (!sources || delimiter === "") return undefined;
    return sources.map((source) => ({
      items: source.text.split(delimiter),
      choices: source.choices,
      ...withPassed(source.passed),
      ...(source.hidden ? { hidden: true } : {}),
    }));
  }

  /**
   * The texts a node may give when every one is known exactly (no sampled or unknown piece), with
   * what gives each: a key, a name or an index, never shown (a split's text is, see split).
   */
  private exactTexts(node: Node, depth: number): ExactText[] | undefined {
    const resolved = this.resolve(node, depth + 1);
    if (!resolved) return undefined;
    const texts: ExactText[] = [];
    for (const value of resolved) {
      const text = exactText(value);
      if (text === undefined) return undefined;
      texts.push({ text, choices: value.choices, passed: value.passed ?? 0, hidden: value.hidden === true });
    }
    return texts;
  }
}

/** A text known exactly (Resolver.exactTexts), what gives it, and how many passed values among that. */
interface ExactText {
  text: string;
  choices: string[];
  passed: number;
  hidden: boolean;
}

/** The Resolution fields for `passed` values the deploy passes among a value's choices. */
function withPassed(passed: number): { passed?: number } {
  return passed > 0 ? { passed } : {};
}

/** Every concatenation of one value from each list of alternatives, in order. */
function concatenated(alternatives: Resolution[][]): Resolution[] | undefined {
  // A lone value keeps its number or boolean.
  if (alternatives.length === 1) return alternatives[0];
  let values: Resolution[] = [{ pieces: [], choices: [] }];
  for (let a = 0; a < alternatives.length; a++) {
    const options = alternatives[a];
    if (values.length * options.length > MOST_VALUES) return undefined;
    const next: Resolution[] = [];
    for (let v = 0; v < values.length; v++)
      for (let o = 0; o < options.length; o++) {
        const value: Resolution = {
          pieces: values[v].pieces.concat(options[o].pieces),
          choices:
            options[o].choices.length > 0 ? values[v].choices.concat(options[o].choices) : values[v].choices,
        };
        const stackName = values[v].stackName ?? options[o].stackName;
        if (stackName !== undefined) value.stackName = stackName;
        const passed = (values[v].passed ?? 0) + (options[o].passed ?? 0);
        if (passed > 0) value.passed = passed;
        if (values[v].hidden || options[o].hidden) value.hidden = true;
        next.push(value);
      }
    values = next;
  }
  return values;
}

/** A text a value names (givenTexts), where it stands, and what gives it. */
export interface GivenText {
  node: Node;
  text: string;
  /** For a text a function gives: which, and with what ("Fn::FindInMap gives 'python3.7' (with ...)"). */
  given?: string;
  /** Whether a choice gives it (a parameter's value, a Region's entry): a warning, as another choice may not. */
  chosen: boolean;
  /** Given by a value the deploy passes, which the message does not quote. */
  hidden?: boolean;
}

/**
 * The texts a value names, for rules that look a whole name up in a table (a Lambda runtime, a
 * canary's runtime, an RDS engine): written out, in both branches of a Fn::If, or given by a Ref to
 * a parameter (its Default and AllowedValues, outside a Fn::If), a Fn::FindInMap, Fn::Sub, Fn::Join
 * or Fn::Select whose text the template gives (knownTexts).
 */
export function* givenTexts(node: Node, template: TemplateIndex, conditional: boolean): Iterable<GivenText> {
  if (isString(node)) {
    yield { node, text: node.value, chosen: false };
    return;
  }
  const fn = intrinsicName(node);
  if (!fn || node.kind !== "map") return;
  const arg = node.entries[0].value;
  if (fn === "Fn::If") {
    if (arg.kind === "seq")
      for (const branch of arg.items.slice(1, 3)) yield* givenTexts(branch, template, true);
    return;
  }
  for (const { text, given, chosen, hidden } of knownTexts(node, template, !conditional, true))
    yield { node, text, given: `${fn} gives ${hidden ? "a value" : `'${text}'`}${given}`, chosen, hidden };
}

/**
 * Reports `said` of a text givenTexts found, at its place: after what gives it, and as a warning
 * where a choice gives it (another choice may be fine).
 */
export function reportGiven(report: Report, found: GivenText, said: string, options: ReportOptions): void {
  const message = found.given ? `${found.given}: ${said}` : said;
  report(found.node, message, found.chosen ? { ...options, severity: "warning" } : options);
}
