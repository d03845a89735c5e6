/**
 * Embedded documents (IAM policies, Step Functions definitions) as the serverless rules read
 * them: a mapping written in the template, or a JSON string whose parsed value is turned into
 * nodes that all sit at the string, so findings inside it point at the string's location.
 */
import type { MapEntry, Node, Range } from "../../model";
import { mapGet } from "../../nodes";
import type { ReportOptions } from "../rule";
import { propertySets } from "../services/values";
import { intrinsicName, isForEachKey, isString, type ResourceInfo } from "../template-index";

export interface Document {
  node: Node;
  /** Where to report a problem of the whole document (a missing top-level key). */
  anchor: Range;
}

/** A problem found inside a document, with the node or range to report it at. */
export interface Problem {
  at: Node | Range;
  message: string;
}

/** The value of a JSON.parse result as nodes that all carry `range`. */
export function nodeFromJson(value: unknown, range: Range): Node {
  if (Array.isArray(value))
    return { kind: "seq", items: value.map((item) => nodeFromJson(item, range)), range };
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).map(([key, item]) => ({
      key,
      keyRange: range,
      value: nodeFromJson(item, range),
    }));
    return { kind: "map", entries, range };
  }
  const scalar =
    typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : null;
  return { kind: "scalar", value: scalar, range };
}

/**
 * The document a property holds, when it is known before deployment: a mapping that is not an
 * intrinsic function, or a string that parses as JSON. Intrinsics (Fn::Sub, Fn::If, Fn::Join)
 * and strings that are not JSON give undefined: their content is only known at deploy time.
 */
export function staticDocument(entry: MapEntry | undefined): Document | undefined {
  if (!entry) return undefined;
  const value = entry.value;
  if (value.kind === "map") {
    return intrinsicName(value) || hasForEach(value) ? undefined : { node: value, anchor: entry.keyRange };
  }
  if (!isString(value)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value.value);
  } catch {
    return undefined;
  }
  return { node: nodeFromJson(parsed, value.range), anchor: value.range };
}

/** Fn::ForEach loops (AWS::LanguageExtensions) write keys that exist only after expansion. */
function hasForEach(node: Node): boolean {
  if (node.kind === "seq") return node.items.some(hasForEach);
  if (node.kind !== "map") return false;
  return node.entries.some((entry) => isForEachKey(entry.key) || hasForEach(entry.value));
}

/** True for a node whose value is only known at deploy time (any intrinsic function). */
export function isDynamic(node: Node): boolean {
  return intrinsicName(node) !== undefined;
}

/** The Properties mapping entry named `key` of a resource. */
export function propertyEntry(resource: ResourceInfo, key: string): MapEntry | undefined {
  return mapGet(resource.properties?.value, key);
}

/**
 * A property in each mapping the resource's Properties can be: itself, or, where Properties is a
 * Fn::If, each branch (`Properties: !If [Prod, {...}, {...}]`), as propertySets reads them.
 */
export function propertyEntries(resource: ResourceInfo, key: string): MapEntry[] {
  const value = resource.properties?.value;
  if (!value || !intrinsicName(value)) {
    const entry = mapGet(value, key);
    return entry ? [entry] : [];
  }
  const entries: MapEntry[] = [];
  for (const { properties } of propertySets(resource)) {
    const entry = mapGet(properties, key);
    if (entry) entries.push(entry);
  }
  return entries;
}

/** Report options pointing at a property of a resource. */
export function propertyPath(resource: ResourceInfo, ...path: (string | number)[]): ReportOptions {
  return { path: ["Resources", resource.name, "Properties", ...path] };
}
