/**
 * The resources, outputs and conditions a `Fn::ForEach` loop of the AWS::LanguageExtensions
 * transform makes, where the template alone says which: the loop goes over a list written out, or
 * a mapping's list that a Fn::FindInMap of names gives, and so does every loop inside it that makes
 * items of the section. Each copy is the loop's output with the item put in, as the transform puts
 * it in (the Fn::ForEach reference: every `${Identifier}` and `&{Identifier}` of the output key and
 * value, and `Ref: Identifier`; a Fn::FindInMap the items name is resolved), so the rules judge
 * what CloudFormation is given. A copy's nodes keep the ranges of the text they came from, and a
 * part with nothing to put in is the node itself.
 *
 * A loop over a parameter (`!Ref Names`) is not expanded: its items are known at deploy time only,
 * and its resources stay names with placeholders (functions/names.ts). A loop that makes
 * properties over such a list stays in its copy as written, as the property rules read it.
 */
import type { MapEntry, MapNode, Node, Range, ScalarNode } from "../model";
import { mapGet } from "../nodes";
import {
  forEachParts,
  intrinsicName,
  isForEachKey,
  isNoValue,
  isString,
  isTemplated,
} from "./template-index";

/** Each loop identifier around a node, and the item it stands for in this copy. */
type Items = ReadonlyMap<string, string>;

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

/** `Fn::ForEach::<Name>: [Identifier, Collection, {OutputKey: OutputValue}]` with its list known. */
interface KnownLoop {
  identifier: string;
  items: string[];
  output: MapNode;
}

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

  constructor(private readonly mappings: ReadonlyMap<string, MapEntry>) {}

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
   * where E1032 finds the loop malformed (an output template that is not a mapping of keys).
   */
  loop(entry: MapEntry, outer: Items): KnownLoop | undefined {
    const parts = forEachParts(entry);
    const output = parts?.body;
    if (parts?.identifier === undefined || output?.kind !== "map" || intrinsicName(output)) return undefined;
    const items = this.list(this.copy(parts.collection, outer));
    return items ? { identifier: parts.identifier, items, output } : undefined;
  }

  /** The items of the loops around one pass of `loop`, with this pass's. */
  private pass(loop: KnownLoop, item: string, outer: Items): Items {
    const items = new Map(outer);
    items.set(loop.identifier, this.fill(item, outer));
    return items;
  }

  /** A list written out, or the list a mapping gives a Fn::FindInMap of names. */
  private list(collection: Node): string[] | undefined {
    if (intrinsicName(collection) !== "Fn::FindInMap") return texts(collection);
    return texts(findInMap(this.mappings, (collection as MapNode).entries[0].value, collection.range));
  }

  /**
   * The entries a loop of a section makes (resources, outputs), in the order the transform writes
   * them; undefined when a loop among them has a list only the deploy knows, or a name keeps a
   * placeholder no loop fills.
   */
  section(loop: KnownLoop, outer: Items): MapEntry[] | undefined {
    const made: MapEntry[] = [];
    for (const item of loop.items) {
      const items = this.pass(loop, item, outer);
      for (const out of loop.output.entries) {
        if (isForEachKey(out.key)) {
          const inner = this.loop(out, items);
          const innerMade = inner && this.section(inner, items);
          if (!innerMade) return undefined;
          for (const entry of innerMade) made.push(entry);
          continue;
        }
        const key = this.fill(out.key, items);
        if (isTemplated(key)) return undefined;
        this.spend();
        made.push({ key, keyRange: out.keyRange, value: this.copy(out.value, items) });
      }
    }
    return made;
  }

  /**
   * A copy of `node` with the items put in; `node` itself when nothing in it changes, so a part
   * without placeholders is shared (and rules that keep facts per node find them).
   */
  copy(node: Node, items: Items): Node {
    if (node.kind === "scalar") {
      if (typeof node.value !== "string") return node;
      const value = this.fill(node.value, items);
      if (value === node.value) return node;
      this.spend();
      return { kind: "scalar", value, range: node.range };
    }
    if (node.kind === "seq") {
      let changed = false;
      const copied = node.items.map((item) => {
        const out = this.copy(item, items);
        changed ||= out !== item;
        return out;
      });
      if (!changed) return node;
      this.spend();
      return { kind: "seq", items: copied, range: node.range };
    }
    const fn = intrinsicName(node);
    const arg = fn ? node.entries[0].value : undefined;
    // `Ref: Identifier` is the item.
    if (fn === "Ref" && isString(arg) && items.has(arg.value)) {
      return {
        kind: "scalar",
        value: items.get(arg.value) as string,
        range: node.range,
      } satisfies ScalarNode;
    }
    // A Fn::FindInMap that names its keys with the items, as the transform resolves it.
    if (fn === "Fn::FindInMap" && arg?.kind === "seq") {
      const args = this.copy(arg, items);
      if (args !== arg) {
        const found = findInMap(this.mappings, args, node.range);
        if (found) return found;
      }
    }
    // A Fn::Sub left with no variable once the items are in is the text it gives.
    if (fn === "Fn::Sub" && isString(arg)) {
      const text = this.fill(arg.value, items);
      if (text !== arg.value && !text.includes("${"))
        return { kind: "scalar", value: text, range: node.range };
    }
    let changed = false;
    const entries: MapEntry[] = [];
    for (const entry of node.entries) {
      const loop = isForEachKey(entry.key) ? this.loop(entry, items) : undefined;
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
      const key = this.fill(entry.key, items);
      const value = this.copy(entry.value, items);
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
}

const NO_ITEMS: Items = new Map();

/**
 * What a `Fn::ForEach::<Name>` entry of Resources, Outputs or Conditions makes, as `Name: body`
 * entries in the order the transform writes them; undefined when the template alone does not say.
 */
export function loopEntries(
  entry: MapEntry,
  mappings: ReadonlyMap<string, MapEntry>,
): MapEntry[] | undefined {
  const expansion = new Expansion(mappings);
  try {
    const loop = expansion.loop(entry, NO_ITEMS);
    return loop && expansion.section(loop, NO_ITEMS);
  } catch (error) {
    if (error instanceof OverBudget) return undefined;
    throw error;
  }
}
