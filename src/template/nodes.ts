/** Small helpers over the position-carrying node tree that every part of validation shares. */
import type { MapEntry, Node } from "./model";

/**
 * A list as the tree keeps it: the parsers grow entries and items with push, which leaves room for
 * 17 in an array that holds one or two (most mappings of a template), room every
 * garbage collection of a parse copies again. An exact copy, made once the list is complete, keeps
 * only what the tree holds.
 */
export function exact<T>(list: T[]): T[] {
  return list.length === 0 ? list : list.slice();
}

/** A value that may be one item or a list of them (a statement's Resource, S3 Events), as a list. */
export function listItems(node: Node | undefined): readonly Node[] {
  if (!node) return [];
  return node.kind === "seq" ? node.items : [node];
}

/** The entry for `key` when `node` is a mapping that has one. */
export function mapGet(node: Node | undefined, key: string): MapEntry | undefined {
  if (node?.kind !== "map") return undefined;
  // Indexed: the hottest loop of every rule, and a cold process runs it unoptimized, where for-of
  // allocates an iterator result per entry.
  const entries = node.entries;
  for (let i = 0; i < entries.length; i++) if (entries[i].key === key) return entries[i];
  return undefined;
}

/** The plain JavaScript value of a node, as JSON.parse would give it (for diffs and output). */
export function toPlain(node: Node): unknown {
  if (node.kind === "scalar") return node.value;
  if (node.kind === "seq") return node.items.map(toPlain);
  const out: Record<string, unknown> = {};
  for (const entry of node.entries) {
    if (entry.key === "__proto__") {
      Object.defineProperty(out, entry.key, {
        value: toPlain(entry.value),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else {
      out[entry.key] = toPlain(entry.value);
    }
  }
  return out;
}
