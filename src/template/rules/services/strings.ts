/**
 * The string values of a template that may hold `${...}` or `{{resolve:...}}`, or that are a
 * pseudo parameter's name, with where each
 * sits: its path from the root, the intrinsic functions around it, and the Fn::ForEach
 * identifiers in scope. Found in one walk, shared by the rules that look inside strings.
 */
import type { Node, ScalarNode } from "../../model";
import { functionName, RESOURCE_LITERAL_KEYS } from "../functions/calls";
import { isForEachKey, PSEUDO_PARAMETERS, type TemplateIndex } from "../template-index";

export interface StringSite {
  node: ScalarNode & { value: string };
  /** Keys and item numbers from the template's root, e.g. ["Resources", "Bucket", "Properties", "Tags", 0, "Value"]. */
  path: (string | number)[];
  /** The intrinsic functions the string is inside, outermost first (shared between sites: read only). */
  functions: readonly string[];
  /** Identifiers of the Fn::ForEach loops around the string (shared between sites: read only). */
  loopVariables: readonly string[];
}

const cache = new WeakMap<TemplateIndex, StringSite[]>();

/**
 * Every string value that contains a `{` (all that `${...}` and `{{resolve:...}}` need) or is a
 * pseudo parameter's name outside a Ref, with where it sits. One walk over a mutable path; only recorded
 * strings copy it.
 */
export function stringSites(template: TemplateIndex): StringSite[] {
  const cached = cache.get(template);
  if (cached) return cached;
  const sites: StringSite[] = [];
  const path: (string | number)[] = [];
  const functions: string[] = [];
  const loops: string[] = [];
  // Copies of `functions` and `loops` as they stand, made for the first site that needs one and
  // shared by the next sites until the stack changes: most strings sit in the same few contexts.
  let functionsNow: readonly string[] | undefined;
  let loopsNow: readonly string[] | undefined;
  const visit = (node: Node): void => {
    if (node.kind === "scalar") {
      const value = node.value;
      // A pseudo parameter's name is recorded only outside a Ref (whose argument is always a
      // scalar, so a Ref on top of the stack means this is its target): W1054's case, and rare.
      if (
        typeof value === "string" &&
        (value.includes("{") || (PSEUDO_PARAMETERS.has(value) && functions[functions.length - 1] !== "Ref"))
      ) {
        functionsNow ??= functions.slice();
        loopsNow ??= loops.slice();
        sites.push({
          node: node as StringSite["node"],
          path: path.slice(),
          functions: functionsNow,
          loopVariables: loopsNow,
        });
      }
      return;
    }
    // Indexed loops: this walk goes over every node, and in code that runs once per process an
    // array iterator costs an object per step.
    if (node.kind === "seq") {
      const items = node.items;
      for (let index = 0; index < items.length; index++) {
        path.push(index);
        visit(items[index]);
        path.pop();
      }
      return;
    }
    const fn = functionName(node);
    if (fn) {
      functions.push(fn);
      functionsNow = undefined;
    }
    const entries = node.entries;
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      const loop = isForEachKey(entry.key) ? loopIdentifier(entry.value) : undefined;
      if (loop !== undefined) {
        loops.push(loop);
        loopsNow = undefined;
      }
      path.push(entry.key);
      visit(entry.value);
      path.pop();
      if (loop !== undefined) {
        loops.pop();
        loopsNow = undefined;
      }
    }
    if (fn) {
      functions.pop();
      functionsNow = undefined;
    }
  };
  visit(template.root);
  cache.set(template, sites);
  return sites;
}

/** The identifier of a Fn::ForEach loop, given the loop's value. */
function loopIdentifier(value: Node): string | undefined {
  const identifier = value.kind === "seq" ? value.items[0] : undefined;
  return identifier?.kind === "scalar" && typeof identifier.value === "string" ? identifier.value : undefined;
}

/** The node at a path from the template's root, if there is one. */
export function nodeAt(template: TemplateIndex, path: readonly (string | number)[]): Node | undefined {
  let node: Node | undefined = template.root;
  for (const segment of path) {
    if (!node) return undefined;
    if (typeof segment === "number") node = node.kind === "seq" ? node.items[segment] : undefined;
    else node = node.kind === "map" ? node.entries.find((entry) => entry.key === segment)?.value : undefined;
  }
  return node;
}

/**
 * Splits a path under Resources into the resource's own path (through any Fn::ForEach loops,
 * e.g. ["Resources", "Fn::ForEach::Topics", 2, "Topic${Name}"]) and the rest inside the resource
 * (e.g. ["Properties", "TopicName"]). Undefined when the path is not inside a resource.
 */
export function splitResourcePath(
  path: readonly (string | number)[],
): { resource: (string | number)[]; inside: (string | number)[] } | undefined {
  if (path[0] !== "Resources") return undefined;
  let index = 1;
  while (typeof path[index] === "string" && isForEachKey(path[index] as string)) {
    if (path[index + 1] !== 2) return undefined;
    index += 2;
  }
  if (typeof path[index] !== "string") return undefined;
  return { resource: path.slice(0, index + 1), inside: path.slice(index + 1) };
}

/** Whether CloudFormation (or SAM) resolves intrinsic functions where the string sits. */
export function resolvedSite(site: StringSite, sam: boolean): boolean {
  const section = site.path[0];
  const key = site.path[2];
  if (section === "Resources") {
    const attribute = splitResourcePath(site.path)?.inside[0];
    return typeof attribute === "string" && !RESOURCE_LITERAL_KEYS.has(attribute);
  }
  if (section === "Outputs") return key !== "Description";
  return section === "Globals" && sam;
}
