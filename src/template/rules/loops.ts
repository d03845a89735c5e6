/**
 * The resources, outputs and conditions a `Fn::ForEach` loop of the AWS::LanguageExtensions
 * transform makes, where the template alone says which: the loop goes over a list written out, or
 * a mapping's list that a Fn::FindInMap of names gives, and so does every loop inside it that makes
 * items of the section. Each copy is the loop's output with the item put in, as the transform puts
 * it in (the Fn::ForEach reference: every `${Identifier}` and `&{Identifier}` of the output key and
 * value, and `Ref: Identifier`; a Fn::FindInMap the items name is resolved), so the rules judge
 * what CloudFormation is given. A copy's nodes keep the ranges of the text they came from, and a
 * part with nothing to put in is the node itself. A key without a value is left out of a copy, as
 * cfn-lint's model of the transform leaves it out (an AWS sample relies on it).
 *
 * A loop of resources or outputs over a list only the deploy knows (`!Ref Names`, a parameter's)
 * makes one copy with the item unknown: its names keep their placeholders (references to them go
 * through the loop's patterns, functions/names.ts), and a value that holds the item is a Fn::Sub
 * of it, as a value known only at deploy, so the rules judge every value that does not depend on
 * the item and none that does. A loop that makes properties over such a list stays in its copy as written,
 * as the property rules read it. The loops that make the properties of a resource the template
 * writes are expanded the same way (withPropertyLoops).
 */
import type { MapEntry, MapNode, Node, Range, ScalarNode, SeqNode } from "../model";
import { mapGet } from "../nodes";
import {
  forEachParts,
  intrinsicName,
  isForEachKey,
  isNoValue,
  isString,
  isTemplated,
} from "./template-index";

/**
 * Each loop identifier around a node, and the item it stands for in this copy: undefined where
 * only the deploy knows it.
 */
type Items = ReadonlyMap<string, string | undefined>;

const PLACEHOLDERS = /([$&])\{([^}]*)\}/g;
const NOT_ALPHANUMERIC = /[^0-9A-Za-z]/g;

/** `${Id}` gives the item as it is; `&{Id}` its letters and digits alone (for logical ids). */
function fill(text: string, items: Items): string {
  if (!text.includes("{")) return text;
  return text.replace(PLACEHOLDERS, (placeholder: string, sigil: string, name: string) => {
    const item = items.get(name);
    if (item === undefined) return placeholder;
    return sigil === "$" ? item : item.replace(NOT_ALPHANUMERIC, "");
  });
}

/**
 * Whether `text` holds the placeholder of an item only the deploy knows.
 */
function holdsUnknown(text: string, items: Items): boolean {
  if (!text.includes("{")) return false;
  for (const [name, item] of items)
    if (item === undefined && (text.includes(`\${${name}}`) || text.includes(`&{${name}}`))) return true;
  return false;
}

/**
 * The text a Fn::Sub gives for `text` where an item is unknown: each unknown item's placeholder a
 * variable, and any other `${...}`, which the transform leaves as written, text (`${!...}`).
 */
function subText(text: string, items: Items, plain: boolean): string {
  return text.replace(PLACEHOLDERS, (placeholder: string, sigil: string, name: string) => {
    if (items.has(name) && items.get(name) === undefined) return `\${${name}}`;
    return plain && sigil === "$" ? `\${!${name}}` : placeholder;
  });
}

/** `text` without the placeholders of items only the deploy knows. */
function withoutUnknown(text: string, items: Items): string {
  if (!text.includes("{")) return text;
  return text.replace(PLACEHOLDERS, (placeholder: string, _sigil: string, name: string) =>
    items.has(name) && items.get(name) === undefined ? "" : placeholder,
  );
}

/** `Fn::Sub: text` at `range`: a value that holds an item only the deploy knows. */
function unknownText(text: string, range: Range): MapNode {
  return {
    kind: "map",
    entries: [{ key: "Fn::Sub", keyRange: range, value: { kind: "scalar", value: text, range } }],
    range,
  };
}

/**
 * `Fn::ForEach::<Name>: [Identifier, Collection, {OutputKey: OutputValue}]` with its list: an
 * undefined item is a pass with the item unknown (a list only the deploy knows).
 */
interface KnownLoop {
  identifier: string;
  items: (string | undefined)[];
  output: MapNode;
}

/**
 * How a copy treats the text it holds: values (where an unknown item makes a Fn::Sub), names
 * (the arguments of Ref and Fn::GetAtt, a condition's or a mapping's name: filled, never made a
 * function), or a resource or an output (whose NAME_ATTRIBUTES take text alone).
 */
type Place = "value" | "name" | "resource";

/**
 * The attributes of a resource or an output that take text alone: names, policies and an output's
 * Description.
 */
const NAME_ATTRIBUTES = new Set([
  "Type",
  "Condition",
  "DependsOn",
  "DeletionPolicy",
  "UpdateReplacePolicy",
  "Description",
]);

/** A list of text, or undefined when any item is not text (the transform takes text). */
function texts(node: Node | undefined): string[] | undefined {
  if (node?.kind !== "seq") return undefined;
  const items: string[] = [];
  for (const item of node.items) {
    if (!isString(item)) return undefined;
    items.push(item.value);
  }
  return items;
}

/**
 * What `Fn::FindInMap: [Map, Top, Second, {DefaultValue}]` gives when its arguments are names, as
 * the language extensions transform resolves it: the mapping's value (text at `range`, the call's
 * place), else its DefaultValue; undefined when a name is not text or neither is there.
 */
export function findInMap(
  mappings: ReadonlyMap<string, MapEntry>,
  args: Node,
  range: Range,
): Node | undefined {
  if (args.kind !== "seq") return undefined;
  const names = args.items;
  if (names.length < 3 || !isString(names[0]) || !isString(names[1]) || !isString(names[2])) return undefined;
  const top = mapGet(mappings.get(names[0].value)?.value, names[1].value)?.value;
  const value = mapGet(top, names[2].value)?.value ?? mapGet(names[3], "DefaultValue")?.value;
  if (value?.kind === "scalar") return { kind: "scalar", value: value.value, range };
  return value;
}

/**
 * How many nodes and entries, and characters of text, one loop's copies may make. CloudFormation
 * takes at most 500 resources and 1 MB after the transform; a few nested loops over long lists, or
 * long items put into many places, could otherwise ask for millions of copies from a short
 * template. Past either the loop is left as written.
 */
const COPY_BUDGET = 100_000;
const TEXT_BUDGET = 20_000_000;

/** Thrown when a loop's copies would pass COPY_BUDGET. */
class OverBudget extends Error {}

class Expansion {
  private left = COPY_BUDGET;
  private text = TEXT_BUDGET;

  /** Whether a pass had an item only the deploy knows. */
  unknown = false;

  constructor(
    private readonly mappings: ReadonlyMap<string, MapEntry>,
    private readonly parameters: ReadonlyMap<string, unknown>,
  ) {}

  /** Counts one more node or entry made. */
  private spend(): void {
    if (--this.left < 0) throw new OverBudget();
  }

  /** `fill`, counting the text it makes when it changes any. */
  private fill(text: string, items: Items): string {
    const filled = fill(text, items);
    if (filled === text) return text;
    this.text -= filled.length;
    if (this.text < 0) throw new OverBudget();
    return filled;
  }

  /**
   * The loop's parts, its collection read with the items of the loops around it put in; undefined
   * where E1032 finds the loop malformed (an output template that is not a mapping of keys), or
   * where its list is a function only the deploy resolves, unless `unknown` allows one pass with
   * the item unknown (not where the identifier is a parameter's name, whose Ref it hides).
   */
  loop(entry: MapEntry, outer: Items, unknown: boolean): KnownLoop | undefined {
    const parts = forEachParts(entry);
    const output = parts?.body;
    if (parts?.identifier === undefined || output?.kind !== "map" || intrinsicName(output)) return undefined;
    const collection = this.copy(parts.collection, outer, "name");
    const items = this.list(collection);
    if (items) return { identifier: parts.identifier, items, output };
    if (!unknown || !this.deployed(collection) || this.parameters.has(parts.identifier)) return undefined;
    return { identifier: parts.identifier, items: [undefined], output };
  }

  /**
   * Whether only the deploy gives the list: a function, but for a Fn::FindInMap of names, which
   * the transform resolves (and refuses where the mapping lacks them).
   */
  private deployed(collection: Node): boolean {
    const fn = intrinsicName(collection);
    if (fn !== "Fn::FindInMap") return fn !== undefined;
    const args = (collection as MapNode).entries[0].value;
    return args.kind === "seq" && !args.items.slice(0, 3).every(isString);
  }

  /** The items of the loops around one pass of `loop`, with this pass's. */
  private pass(loop: KnownLoop, item: string | undefined, outer: Items): Items {
    const items = new Map(outer);
    if (item === undefined) this.unknown = true;
    items.set(loop.identifier, item === undefined ? undefined : this.fill(item, outer));
    return items;
  }

  /** A list written out, or the list a mapping gives a Fn::FindInMap of names. */
  private list(collection: Node): string[] | undefined {
    if (intrinsicName(collection) !== "Fn::FindInMap") return texts(collection);
    return texts(findInMap(this.mappings, (collection as MapNode).entries[0].value, collection.range));
  }

  /**
   * The entries a loop of a section makes (resources, outputs), in the order the transform writes
   * them; undefined when a loop among them has a list only the deploy knows and `unknown` is not
   * allowed, or a name keeps a placeholder no loop fills.
   */
  section(loop: KnownLoop, outer: Items, place: Place, unknown: boolean): MapEntry[] | undefined {
    const made: MapEntry[] = [];
    for (const item of loop.items) {
      const items = this.pass(loop, item, outer);
      for (const out of loop.output.entries) {
        if (isForEachKey(out.key)) {
          const inner = this.loop(out, items, unknown);
          const innerMade = inner && this.section(inner, items, place, unknown);
          if (!innerMade) return undefined;
          for (const entry of innerMade) made.push(entry);
          continue;
        }
        // An entry without a value is dropped, as cfn-lint's model of the transform drops every
        // key without a value in what a loop makes (a key left empty beside a loop, `'${Type}':`
        // over `Fn::ForEach::Zone`, by its indentation: an AWS sample deploys so).
        if (isNull(out.value)) continue;
        const key = this.fill(out.key, items);
        if (isTemplated(key) && !holdsUnknown(key, items)) return undefined;
        this.spend();
        made.push({ key, keyRange: out.keyRange, value: this.copy(out.value, items, place) });
      }
    }
    return made;
  }

  /**
   * A copy of `node` with the items put in; `node` itself when nothing in it changes, so a part
   * without placeholders is shared (and rules that keep facts per node find them). Where an item is
   * unknown, a value that holds it is a Fn::Sub of it (`place`).
   */
  copy(node: Node, items: Items, place: Place = "value"): Node {
    if (node.kind === "scalar") {
      if (typeof node.value !== "string") return node;
      const value = this.fill(node.value, items);
      if (place === "value" && holdsUnknown(value, items)) {
        this.spend();
        return unknownText(subText(value, items, true), node.range);
      }
      if (value === node.value) return node;
      this.spend();
      return { kind: "scalar", value, range: node.range };
    }
    if (node.kind === "seq") return this.copyItems(node, items, () => (place === "name" ? "name" : "value"));
    const fn = intrinsicName(node);
    if (fn) return this.call(node, fn, node.entries[0].value, items, place);
    let changed = false;
    const entries: MapEntry[] = [];
    for (const entry of node.entries) {
      const loop = isForEachKey(entry.key) ? this.loop(entry, items, false) : undefined;
      if (loop) {
        // A loop inside a resource (making properties) is expanded in its turn.
        changed = true;
        for (const item of loop.items) {
          // A mapping of keys (loop() refuses a function), so its copy is one too.
          for (const made of (this.copy(loop.output, this.pass(loop, item, items)) as MapNode).entries) {
            this.spend();
            entries.push(made);
          }
        }
        continue;
      }
      // In a loop's copy, a key without a value is dropped, as in what the loop makes (section).
      if (items.size > 0 && isNull(entry.value)) {
        changed = true;
        continue;
      }
      const key = this.fill(entry.key, items);
      const inner = place === "name" || (place === "resource" && NAME_ATTRIBUTES.has(entry.key));
      const value = this.copy(entry.value, items, inner ? "name" : "value");
      // A key whose value became AWS::NoValue (a Fn::FindInMap's DefaultValue) is not written.
      if (value !== entry.value && isNoValue(value)) changed = true;
      else if (key === entry.key && value === entry.value) entries.push(entry);
      else {
        changed = true;
        this.spend();
        entries.push({ key, keyRange: entry.keyRange, value });
      }
    }
    if (!changed) return node;
    this.spend();
    return { ...node, entries };
  }

  /** A list's copy, each item copied in the place `placeOf` gives its index. */
  private copyItems(node: SeqNode, items: Items, placeOf: (index: number) => Place): SeqNode {
    let changed = false;
    const copied = node.items.map((item, index) => {
      const out = this.copy(item, items, placeOf(index));
      changed ||= out !== item;
      return out;
    });
    if (!changed) return node;
    this.spend();
    return { kind: "seq", items: copied, range: node.range };
  }

  /** A function's copy: its arguments copied, names left names (Ref, Fn::GetAtt, the first of Fn::If and Fn::FindInMap). */
  private call(node: MapNode, fn: string, arg: Node, items: Items, place: Place): Node {
    // `Ref: Identifier` is the item.
    if (fn === "Ref" && isString(arg) && items.has(arg.value)) {
      const item = items.get(arg.value);
      if (item === undefined) {
        this.spend();
        return unknownText(`\${${arg.value}}`, node.range);
      }
      return { kind: "scalar", value: item, range: node.range } satisfies ScalarNode;
    }
    if (fn === "Fn::Sub") return this.sub(node, arg, items, place);
    let args: Node;
    if (fn === "Ref" || fn === "Fn::GetAtt" || fn === "Condition") args = this.copy(arg, items, "name");
    else if ((fn === "Fn::If" || fn === "Fn::FindInMap") && arg.kind === "seq")
      args = this.copyItems(arg, items, (index) => (index === 0 ? "name" : "value"));
    else args = this.copy(arg, items);
    // A Fn::FindInMap that names its keys with the items, as the transform resolves it.
    if (fn === "Fn::FindInMap" && args !== arg) {
      const found = findInMap(this.mappings, args, node.range);
      if (found) return found;
    }
    return this.withArgs(node, args);
  }

  /**
   * A Fn::Sub's copy: the text it gives where no variable is left once the items are in (in a
   * name's place, where only unknown items' placeholders are left, as the transform will write it),
   * else the call with its text filled, an unknown item's `&{Identifier}` one more of its variables.
   */
  private sub(node: MapNode, arg: Node, items: Items, place: Place): Node {
    const seq = arg.kind === "seq" ? arg : undefined;
    const text = seq ? seq.items[0] : arg;
    if (!isString(text)) return this.withArgs(node, this.copy(arg, items));
    let value = this.fill(text.value, items);
    const left = place === "name" ? withoutUnknown(value, items) : value;
    if (!seq && (value !== text.value || left !== value) && !left.includes("${"))
      return { kind: "scalar", value, range: node.range } satisfies ScalarNode;
    if (holdsUnknown(value, items)) value = subText(value, items, false);
    let written: ScalarNode = text;
    if (value !== text.value) {
      this.spend();
      written = { kind: "scalar", value, range: text.range };
    }
    if (!seq) return this.withArgs(node, written);
    // [text, {variables}]: the variables' values are values like any other.
    const rest = seq.items.slice(1).map((item) => this.copy(item, items));
    if (written === text && rest.every((item, i) => item === seq.items[i + 1])) return node;
    this.spend();
    return this.withArgs(node, { kind: "seq", items: [written, ...rest], range: seq.range });
  }

  /** `node` (a function) with `args`, or `node` itself when they are its own. */
  private withArgs(node: MapNode, args: Node): MapNode {
    if (args === node.entries[0].value) return node;
    this.spend();
    return { ...node, entries: [{ ...node.entries[0], value: args }] };
  }
}

const NO_ITEMS: Items = new Map();

function isNull(node: Node): boolean {
  return node.kind === "scalar" && node.value === null;
}

/** What a loop makes, and whether a list among its loops is known only at deploy. */
export interface LoopCopies {
  entries: MapEntry[];
  /**
   * A list was known only at deploy (a parameter's): one copy was made with that item unknown,
   * its names keeping their placeholders.
   */
  unknownItems: boolean;
}

/**
 * What a `Fn::ForEach::<Name>` entry of Resources, Outputs or Conditions makes, as `Name: body`
 * entries in the order the transform writes them; undefined when the template alone does not say
 * (with `unknownItems`, only where the loop is malformed or too large). `parameters` are the
 * template's parameter names.
 */
export function loopEntries(
  entry: MapEntry,
  mappings: ReadonlyMap<string, MapEntry>,
  parameters: ReadonlyMap<string, unknown>,
  options: { section: "Resources" | "Outputs" | "Conditions"; unknownItems: boolean },
): LoopCopies | undefined {
  const expansion = new Expansion(mappings, parameters);
  try {
    const loop = expansion.loop(entry, NO_ITEMS, options.unknownItems);
    const place = options.section === "Conditions" ? "value" : "resource";
    const entries = loop && expansion.section(loop, NO_ITEMS, place, options.unknownItems);
    return entries && { entries, unknownItems: expansion.unknown };
  } catch (error) {
    if (error instanceof OverBudget) return undefined;
    throw error;
  }
}

/**
 * A resource the template writes, with the loops its properties hold over known lists expanded as
 * the transform writes them; the entry itself where it holds none (or they would make too much).
 */
export function withPropertyLoops(
  entry: MapEntry,
  mappings: ReadonlyMap<string, MapEntry>,
  parameters: ReadonlyMap<string, unknown>,
): MapEntry {
  try {
    const value = new Expansion(mappings, parameters).copy(entry.value, NO_ITEMS, "resource");
    return value === entry.value ? entry : { key: entry.key, keyRange: entry.keyRange, value };
  } catch (error) {
    if (error instanceof OverBudget) return entry;
    throw error;
  }
}
