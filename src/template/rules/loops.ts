/**
 * The resources a `Fn::ForEach` loop of the AWS::LanguageExtensions transform makes, where the
 * template alone says which: the loop goes over a list written out, and so does every loop inside
 * it. Each copy is the loop's output with the item put in, as the transform puts it in (the
 * Fn::ForEach reference: every `${Identifier}` and `&{Identifier}` of the output key and value, and
 * `Ref: Identifier`), so the resource rules judge what CloudFormation is given. A copy's nodes keep
 * the ranges of the text they came from, and a part with nothing to put in is the node itself.
 *
 * A loop over a parameter (`!Ref Names`) or a mapping's list is not expanded: its items are known
 * at deploy time only, and its resources stay names with placeholders (functions/names.ts).
 */
import type { MapEntry, MapNode, Node, ScalarNode } from "../model";
import { intrinsicName, isForEachKey, isString } from "./template-index";

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

/** `Fn::ForEach::<Name>: [Identifier, [items...], {OutputKey: OutputValue}]` with its list written out. */
interface LiteralLoop {
  identifier: string;
  items: string[];
  output: MapNode;
}

function literalLoop(entry: MapEntry): LiteralLoop | undefined {
  const value = entry.value;
  if (value.kind !== "seq" || value.items.length !== 3) return undefined;
  const identifier = value.items[0];
  const collection = value.items[1];
  const output = value.items[2];
  if (!isString(identifier) || collection.kind !== "seq" || output.kind !== "map") return undefined;
  const items: string[] = [];
  for (const item of collection.items) {
    // The transform takes text; a number or a boolean is left to E1032 and the loop to deploy time.
    if (!isString(item)) return undefined;
    items.push(item.value);
  }
  return { identifier: identifier.value, items, output };
}

/**
 * A copy of `node` with the items put in; `node` itself when nothing in it changes, so a part
 * without placeholders is shared (and rules that keep facts per node find them).
 */
function copy(node: Node, items: Items): Node {
  if (node.kind === "scalar") {
    if (typeof node.value !== "string") return node;
    const value = fill(node.value, items);
    return value === node.value ? node : { kind: "scalar", value, range: node.range };
  }
  if (node.kind === "seq") {
    let changed = false;
    const copied = node.items.map((item) => {
      const out = copy(item, items);
      changed ||= out !== item;
      return out;
    });
    return changed ? { kind: "seq", items: copied, range: node.range } : node;
  }
  const fn = intrinsicName(node);
  const arg = fn ? node.entries[0].value : undefined;
  // `Ref: Identifier` is the item.
  if (fn === "Ref" && isString(arg) && items.has(arg.value)) {
    return { kind: "scalar", value: items.get(arg.value) as string, range: node.range } satisfies ScalarNode;
  }
  // A Fn::Sub left with no variable once the items are in is the text it gives.
  if (fn === "Fn::Sub" && isString(arg)) {
    const text = fill(arg.value, items);
    if (text !== arg.value && !text.includes("${")) return { kind: "scalar", value: text, range: node.range };
  }
  let changed = false;
  const entries: MapEntry[] = [];
  for (const entry of node.entries) {
    const loop = isForEachKey(entry.key) ? literalLoop(entry) : undefined;
    if (loop) {
      // A loop inside the output (nested, or making properties) is expanded in its turn.
      changed = true;
      for (const made of expand(loop, items)) entries.push(made);
      continue;
    }
    const key = fill(entry.key, items);
    const value = copy(entry.value, items);
    if (key === entry.key && value === entry.value) entries.push(entry);
    else {
      changed = true;
      entries.push({ key, keyRange: entry.keyRange, value });
    }
  }
  return changed ? { ...node, entries } : node;
}

function expand(loop: LiteralLoop, outer: Items): MapEntry[] {
  const made: MapEntry[] = [];
  for (const item of loop.items) {
    const items = new Map(outer);
    items.set(loop.identifier, fill(item, outer));
    const output = copy(loop.output, items) as MapNode;
    for (const entry of output.entries) made.push(entry);
  }
  return made;
}

/** Whether a loop, and every loop of its output that makes resources, goes over a list written out. */
function expandable(loop: LiteralLoop | undefined): loop is LiteralLoop {
  return loop?.output.entries.every((out) => !isForEachKey(out.key) || expandable(literalLoop(out))) ?? false;
}

/**
 * The resources a `Fn::ForEach::<Name>` entry of Resources makes, as `LogicalId: body` entries in
 * the order the transform writes them; undefined when a list is not written out, or a name is left
 * with a placeholder no loop fills.
 */
export function loopResources(entry: MapEntry): MapEntry[] | undefined {
  const loop = literalLoop(entry);
  if (!expandable(loop)) return undefined;
  const made = expand(loop, new Map());
  return made.some((resource) => /[$&]\{/.test(resource.key)) ? undefined : made;
}
