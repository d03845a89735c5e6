/**
 * Every intrinsic function call of a template, found in one walk shared by all function rules:
 * each rule then checks only the argument of the calls it owns, and nested calls are checked by
 * their own rule when the walk reaches them.
 */
import type { MapEntry, MapNode, Node } from "../../model";
import {
  forEachParts,
  INTRINSIC_FUNCTIONS,
  isForEachKey,
  LANGUAGE_EXTENSIONS,
  type TemplateIndex,
} from "../template-index";

/** Functions that only the `Rules` section knows. */
const OTHER_FUNCTIONS = [
  "Fn::Contains",
  "Fn::EachMemberEquals",
  "Fn::EachMemberIn",
  "Fn::RefAll",
  "Fn::ValueOf",
  "Fn::ValueOfAll",
];

export const KNOWN_FUNCTIONS: ReadonlySet<string> = new Set([...INTRINSIC_FUNCTIONS, ...OTHER_FUNCTIONS]);

export interface FunctionCall {
  /** The function key, e.g. "Fn::Join"; may be an unknown "Fn::Foo". */
  name: string;
  /** The one-entry mapping that is the call. */
  node: MapNode;
  arg: Node;
  /** The call this one is (somewhere) inside the arguments of. */
  parent: FunctionCall | undefined;
  /** Identifiers of the Fn::ForEach loops around the call: names usable in Ref and `${}`. */
  loopVariables: readonly string[];
  /** Section and logical id the call sits in. */
  from: [string, string] | [string];
}

/**
 * The function a node is: a one-entry mapping whose key is a known function, or any key that
 * starts with `Fn::` (unknown ones are reported by the rule of the call around them).
 */
export function functionName(node: Node | undefined): string | undefined {
  if (node?.kind !== "map" || node.entries.length !== 1) return undefined;
  const key = node.entries[0].key;
  if (KNOWN_FUNCTIONS.has(key)) return key;
  if (key.startsWith("Fn::") && !isForEachKey(key)) return key;
  return undefined;
}

export function usesLanguageExtensions(template: TemplateIndex): boolean {
  return template.transforms.includes(LANGUAGE_EXTENSIONS);
}

/** Resource attributes whose values CloudFormation never resolves functions in. */
export const RESOURCE_LITERAL_KEYS: ReadonlySet<string> = new Set([
  "Type",
  "DependsOn",
  "Condition",
  "DeletionPolicy",
  "UpdateReplacePolicy",
]);

/** Sections whose functions CloudFormation (or SAM, for Globals) resolves. */
const RESOLVED_SECTIONS = new Set(["Resources", "Outputs", "Conditions", "Rules", "Globals"]);

const cache = new WeakMap<TemplateIndex, FunctionCall[]>();
const loopCache = new WeakMap<TemplateIndex, MapEntry[]>();
/** Each loop's enclosing identifiers, as the walk found them at its own text (not a copy's). */
const scopeCache = new WeakMap<TemplateIndex, Map<MapEntry, readonly string[]>>();

/** Outside any Fn::ForEach: one list shared by every such call (it is never changed). */
const NO_LOOPS: readonly string[] = [];
const NO_CALLS: readonly FunctionCall[] = [];

export function functionCalls(template: TemplateIndex): FunctionCall[] {
  const cached = cache.get(template);
  if (cached) return cached;
  const calls: FunctionCall[] = [];
  cache.set(template, calls);
  const loopEntries: MapEntry[] = [];
  loopCache.set(template, loopEntries);
  const scopes = new Map<MapEntry, readonly string[]>();
  scopeCache.set(template, scopes);

  const visit = (
    node: Node,
    parent: FunctionCall | undefined,
    loops: readonly string[],
    from: FunctionCall["from"],
  ) => {
    // Indexed loops: this walk goes over every node, and in code that runs once per process an
    // array iterator costs an object per step. Scalars, half the nodes, hold no call: not visited.
    if (node.kind === "seq") {
      const items = node.items;
      for (let i = 0; i < items.length; i++)
        if (items[i].kind !== "scalar") visit(items[i], parent, loops, from);
      return;
    }
    if (node.kind !== "map") return;
    const name = functionName(node);
    if (name) {
      const call: FunctionCall = {
        name,
        node,
        arg: node.entries[0].value,
        parent,
        loopVariables: loops,
        from,
      };
      calls.push(call);
      visit(call.arg, call, loops, from);
      return;
    }
    const entries = node.entries;
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      if (isForEachKey(entry.key)) visitEntry(entry, parent, loops, from);
      else if (entry.value.kind !== "scalar") visit(entry.value, parent, loops, from);
    }
  };

  const visitEntry = (
    entry: MapEntry,
    parent: FunctionCall | undefined,
    loops: readonly string[],
    from: FunctionCall["from"],
  ) => {
    if (isForEachKey(entry.key)) {
      loopEntries.push(entry);
      if (!scopes.has(entry)) scopes.set(entry, loops);
    }
    const loop = forEachParts(entry);
    if (!loop) {
      visit(entry.value, parent, loops, from);
      return;
    }
    visit(loop.collection, parent, loops, from);
    const inner = loop.identifier ? [...loops, loop.identifier] : loops;
    visit(loop.body, parent, inner, from);
  };

  // Under the language extensions a resource's Condition may be a Fn::FindInMap of names, which the
  // transform resolves: a call like any other.
  const extensions = usesLanguageExtensions(template);
  const visitItem = (sectionName: string, item: MapEntry) => {
    const from: FunctionCall["from"] = [sectionName, item.key];
    if (sectionName === "Resources" && item.value.kind === "map") {
      const entries = item.value.entries;
      for (let j = 0; j < entries.length; j++) {
        const entry = entries[j];
        if (
          !RESOURCE_LITERAL_KEYS.has(entry.key) ||
          (extensions && entry.key === "Condition" && functionName(entry.value) === "Fn::FindInMap")
        )
          visitEntry(entry, undefined, NO_LOOPS, from);
      }
    } else {
      visitEntry(item, undefined, NO_LOOPS, from);
    }
  };

  for (const [sectionName, section] of template.sections) {
    if (!section.map || !RESOLVED_SECTIONS.has(sectionName)) continue;
    if (sectionName === "Globals" && !template.sam) continue;
    const items = section.map.entries;
    for (let i = 0; i < items.length; i++) {
      visitItem(sectionName, items[i]);
      // The resources or outputs a loop makes over a known list (loops.ts), each item put in: their
      // calls are judged as the transform writes them, after the loop's own (which keep theirs
      // first in callAt). A loop left in a copy is the loop's own, already among loopEntries.
      const made = template.expandedLoops.get(items[i]);
      if (!made) continue;
      const loops = loopEntries.length;
      for (let j = 0; j < made.length; j++) visitItem(sectionName, made[j]);
      loopEntries.length = loops;
    }
  }
  return calls;
}

const callByNode = new WeakMap<TemplateIndex, Map<Node, FunctionCall>>();

/** The call a function node is (a Ref or GetAtt of `template.references` included), with its parents. */
export function callAt(template: TemplateIndex, node: Node): FunctionCall | undefined {
  let calls = callByNode.get(template);
  if (!calls) {
    calls = new Map();
    // The first call at a node: a loop's own, where a copy of the loop shares the node (loops.ts).
    for (const call of functionCalls(template)) if (!calls.has(call.node)) calls.set(call.node, call);
    callByNode.set(template, calls);
  }
  return calls.get(node);
}

/** The identifiers of the loops around a `Fn::ForEach::<Name>` entry of forEachEntries. */
export function enclosingIdentifiers(template: TemplateIndex, loop: MapEntry): readonly string[] {
  functionCalls(template);
  return scopeCache.get(template)?.get(loop) ?? NO_LOOPS;
}

/** Every `Fn::ForEach::<Name>` entry where CloudFormation resolves functions, found by the same walk. */
export function forEachEntries(template: TemplateIndex): readonly MapEntry[] {
  functionCalls(template);
  return loopCache.get(template) ?? [];
}

const byName = new WeakMap<TemplateIndex, Map<string, FunctionCall[]>>();

/** The calls of one function, e.g. every Fn::Join of the template. */
export function callsOf(template: TemplateIndex, name: string): readonly FunctionCall[] {
  let grouped = byName.get(template);
  if (!grouped) {
    grouped = new Map();
    const calls = functionCalls(template);
    for (let i = 0; i < calls.length; i++) {
      const call = calls[i];
      const list = grouped.get(call.name);
      if (list) list.push(call);
      else grouped.set(call.name, [call]);
    }
    byName.set(template, grouped);
  }
  return grouped.get(name) ?? NO_CALLS;
}

/** A Fn::ForEach placeholder, `${Id}` or `&{Id}`, in a name or a Ref target. */
const PLACEHOLDER = /[$&]\{[^}]*\}/;

/** Whether `text` holds a Fn::ForEach placeholder. */
export function hasPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text);
}

/** A pattern for the names `text` can become once its `${Id}` and `&{Id}` placeholders are filled in. */
export function placeholderPattern(text: string): RegExp {
  const source = text
    .split(PLACEHOLDER)
    .map((part) => part.replace(/[.*+?^()|[\]\\{}$]/g, "\\$&"))
    .join(".+");
  return new RegExp(`^${source}$`);
}

/** Inside a Fn::ForEach body, `${Id}` and `&{Id}` in names are filled in before deployment. */
export function hasLoopPlaceholder(text: string, call: FunctionCall): boolean {
  return call.loopVariables.length > 0 && hasPlaceholder(text);
}
