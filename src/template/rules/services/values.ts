/**
 * What the service rules need to read property values statically: the property sets of a
 * resource (both branches of a `Properties: !If`), literal scalars, GetAtt/Ref targets, and the
 * SAM Globals a function inherits. A value given through an intrinsic function is "unknown", and
 * rules skip what they cannot know rather than guess.
 */
import type { MapEntry, MapNode, Node } from "../../model";
import { mapGet } from "../../nodes";
import { globalsFor, ignoresGlobal, realResources, transformedResource } from "../resources/shared";
import {
  intrinsicName,
  isForEachKey,
  isNoValue,
  isString,
  type ResourceInfo,
  type TemplateIndex,
} from "../template-index";

/** A resource together with one of its property sets. */
export interface PropertySet {
  resource: ResourceInfo;
  /** The properties mapping; an empty mapping stands for a resource without Properties. */
  properties: MapNode;
  /** True when the resource has no Properties at all (every property at its default). */
  bare: boolean;
}

const byType = new WeakMap<TemplateIndex, Map<string, ResourceInfo[]>>();

/**
 * Whether a resource is one the service rules look at: a mapping of a known type (SAM ones only
 * under the transform) that no Fn::Transform rewrites (what a macro makes of it is not known).
 */
function judged(
  template: TemplateIndex,
  resource: ResourceInfo,
): resource is ResourceInfo & { type: string } {
  if (!resource.type || !resource.body || transformedResource(resource)) return false;
  return template.sam || !resource.type.startsWith("AWS::Serverless::");
}

const NO_RESOURCES: readonly ResourceInfo[] = [];

/** The judged resources of a template by type, grouped once per template. */
function groupedByType(template: TemplateIndex): Map<string, ResourceInfo[]> {
  let grouped = byType.get(template);
  if (!grouped) {
    grouped = new Map();
    for (const resource of realResources(template)) {
      if (!judged(template, resource)) continue;
      const list = grouped.get(resource.type);
      if (list) list.push(resource);
      else grouped.set(resource.type, [resource]);
    }
    byType.set(template, grouped);
  }
  return grouped;
}

/** Whether resourcesOfType would find any resource of the types (see Rule.resourceTypes). */
export function hasResourceOfType(template: TemplateIndex, types: readonly string[]): boolean {
  const grouped = groupedByType(template);
  // A plain loop: the runner asks this for every rule with resourceTypes and every template, and a
  // callback would be one more closure each time.
  for (let i = 0; i < types.length; i++) if (grouped.has(types[i])) return true;
  return false;
}

/**
 * The resources of the given types that rules should look at (SAM types only under the transform),
 * in template order. The resources are grouped by type once per template, for the many rules that
 * each ask for one or two types.
 */
export function resourcesOfType(template: TemplateIndex, ...types: string[]): readonly ResourceInfo[] {
  const grouped = groupedByType(template);
  if (types.length === 1) return grouped.get(types[0]) ?? NO_RESOURCES;
  // Several types: most templates have one of them at most, whose list is already in order.
  let only: readonly ResourceInfo[] = NO_RESOURCES;
  let present = 0;
  for (let i = 0; i < types.length; i++) {
    const list = grouped.get(types[i]);
    if (list) {
      only = list;
      present++;
    }
  }
  if (present <= 1) return only;
  // Else in template order, as the rules report them.
  const found: ResourceInfo[] = [];
  for (const resource of realResources(template)) {
    if (judged(template, resource) && types.includes(resource.type)) found.push(resource);
  }
  return found;
}

/**
 * Every mapping the resource's Properties can be: itself, or each branch of a Fn::If (nested
 * ones too). Other intrinsics at the top give nothing to check.
 */
export function propertySets(resource: ResourceInfo): readonly PropertySet[] {
  // Made once per resource: several service rules go over the same functions, tables and queues.
  let sets = propertySetCache.get(resource);
  if (!sets) {
    const value = resource.properties?.value;
    if (!value) {
      sets = [
        { resource, properties: { kind: "map", entries: [], range: resource.entry.keyRange }, bare: true },
      ];
    } else {
      const found: PropertySet[] = [];
      branches(value, resource, found);
      sets = found;
    }
    propertySetCache.set(resource, sets);
  }
  return sets;
}

const propertySetCache = new WeakMap<ResourceInfo, readonly PropertySet[]>();

/**
 * The mappings a Properties value can be, depth first (the true branch of a Fn::If first). One that
 * holds a Fn::ForEach loop the index left as written (over a list only the deploy knows) is not
 * among them: which properties it has is known at deploy only.
 */
function branches(node: Node, resource: ResourceInfo, into: PropertySet[]): void {
  if (node.kind !== "map") return;
  const fn = intrinsicName(node);
  if (!fn) {
    if (!node.entries.some((entry) => isForEachKey(entry.key)))
      into.push({ resource, properties: node, bare: false });
    return;
  }
  const arg = node.entries[0].value;
  if (fn === "Fn::If" && arg.kind === "seq" && arg.items.length === 3) {
    branches(arg.items[1], resource, into);
    branches(arg.items[2], resource, into);
  }
}

/** The single property set of a resource, or undefined when Properties is a Fn::If or other intrinsic. */
export function onlyPropertySet(resource: ResourceInfo): PropertySet | undefined {
  const value = resource.properties?.value;
  if (value && (value.kind !== "map" || intrinsicName(value))) return undefined;
  return propertySets(resource)[0];
}

/** Whether the value is `!Ref AWS::NoValue` or a Fn::If that may produce it (so the property may be absent). */
export function mayBeNoValue(node: Node): boolean {
  if (isNoValue(node)) return true;
  if (intrinsicName(node) !== "Fn::If") return false;
  const arg = (node as MapNode).entries[0].value;
  if (arg.kind !== "seq") return false;
  for (let i = 1; i < arg.items.length; i++) if (mayBeNoValue(arg.items[i])) return true;
  return false;
}

/** A mapping written out, not an intrinsic function call. */
export function plainMap(node: Node | undefined): MapNode | undefined {
  return node?.kind === "map" && !intrinsicName(node) ? node : undefined;
}

/** Whether a value may be absent or differ by condition: a Fn::If or `Ref: AWS::NoValue` anywhere in it. */
export function dependsOnCondition(node: Node): boolean {
  if (isNoValue(node) || intrinsicName(node) === "Fn::If") return true;
  if (node.kind === "seq") return node.items.some(dependsOnCondition);
  if (node.kind === "map") return node.entries.some((entry) => dependsOnCondition(entry.value));
  return false;
}

/**
 * A property's entry when it is certainly present: written, and not `!Ref AWS::NoValue` nor a
 * Fn::If that may produce it.
 */
export function presentEntry(properties: MapNode, key: string): MapEntry | undefined {
  const entry = mapGet(properties, key);
  return entry && !mayBeNoValue(entry.value) ? entry : undefined;
}

/**
 * The Role a SAM function or state machine certainly names. The transform makes the execution role
 * where Role is absent or null (samtranslator reads a null as not set: `Role is None`), and a Role
 * a Fn::If may drop (or `AWS::NoValue`) leaves that role in one branch.
 */
export function samNamedRole(properties: MapNode): MapEntry | undefined {
  const entry = presentEntry(properties, "Role");
  const role = entry?.value;
  if (!role || (role.kind === "scalar" && role.value === null) || intrinsicName(role) === "Fn::If")
    return undefined;
  return entry;
}

/** Whether a property is certainly absent: not written, or `!Ref AWS::NoValue`. */
export function isAbsent(properties: MapNode, key: string): boolean {
  const entry = mapGet(properties, key);
  return !entry || isNoValue(entry.value);
}

/**
 * A string scalar's text, when it is what the property gets: not where a dynamic reference
 * (`{{resolve:ssm:/app/runtime}}`) stands in it, whose value CloudFormation reads from Parameter
 * Store or Secrets Manager at deploy time.
 */
export function literalString(node: Node | undefined): string | undefined {
  return isString(node) && !hasDynamicReference(node.value) ? node.value : undefined;
}

/** Whether text holds a dynamic reference, which CloudFormation resolves at deploy time. */
export function hasDynamicReference(text: string): boolean {
  return text.includes("{{resolve:");
}

/** A boolean written as `true`/`false` or as those strings (any case), as CloudFormation converts them. */
export function literalBoolean(node: Node | undefined): boolean | undefined {
  if (node?.kind !== "scalar") return undefined;
  if (typeof node.value === "boolean") return node.value;
  if (typeof node.value !== "string") return undefined;
  const text = node.value.toLowerCase();
  return text === "true" ? true : text === "false" ? false : undefined;
}

/** A number written as a number or a numeric string. */
export function literalNumber(node: Node | undefined): number | undefined {
  if (node?.kind !== "scalar") return undefined;
  if (typeof node.value === "number") return node.value;
  if (typeof node.value === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(node.value)) return Number(node.value);
  return undefined;
}

/**
 * A boolean property with its default when absent; undefined when the value is not literal (or
 * may be absent through a Fn::If).
 */
export function booleanProperty(properties: MapNode, key: string, fallback: boolean): boolean | undefined {
  if (isAbsent(properties, key)) return fallback;
  const entry = presentEntry(properties, key);
  return entry ? literalBoolean(entry.value) : undefined;
}

/**
 * A string property with its default when absent; undefined when the value is not literal (or may
 * be absent through a Fn::If).
 */
export function stringProperty(properties: MapNode, key: string, fallback: string): string | undefined {
  if (isAbsent(properties, key)) return fallback;
  return literalString(presentEntry(properties, key)?.value);
}

/**
 * The text of a literal string or of a Fn::Sub's string (whose `${...}` are left in: arnParts
 * reads them as unknown text); undefined for anything else.
 */
export function literalOrSubText(node: Node): string | undefined {
  if (isString(node)) return node.value;
  if (intrinsicName(node) !== "Fn::Sub") return undefined;
  const arg = (node as MapNode).entries[0].value;
  const text = arg.kind === "seq" ? arg.items[0] : arg;
  return text && isString(text) ? text.value : undefined;
}

/**
 * literalOrSubText, but only where the text alone says what the value is: a string, or a Fn::Sub
 * without a variable map (one that has one may fill each `${}` differently at each place).
 */
export function unmappedSubText(node: Node): string | undefined {
  if (intrinsicName(node) === "Fn::Sub" && (node as MapNode).entries[0].value.kind === "seq")
    return undefined;
  return literalOrSubText(node);
}

/**
 * The parts of `arn:partition:service:region:account:resource`, when the text is one; the `${...}`
 * of a Fn::Sub string stand for unknown text (their `::` is no separator) and become U+0000.
 */
export function arnParts(text: string): string[] | undefined {
  const parts = text.replace(/\$\{[^}]*\}/g, "\u0000").split(":");
  return parts.length >= 6 && parts[0] === "arn" ? parts : undefined;
}

/** The resource a `!GetAtt X.Attr` or `!Ref X` names, with the attribute (undefined for Ref). */
export function referenceTarget(node: Node): { name: string; attribute: string | undefined } | undefined {
  const fn = intrinsicName(node);
  if (!fn) return undefined;
  const arg = (node as MapNode).entries[0].value;
  if (fn === "Ref") return isString(arg) ? { name: arg.value, attribute: undefined } : undefined;
  if (fn !== "Fn::GetAtt") return undefined;
  if (isString(arg)) {
    const dot = arg.value.indexOf(".");
    if (dot <= 0) return undefined;
    return { name: arg.value.slice(0, dot), attribute: arg.value.slice(dot + 1) };
  }
  if (arg.kind === "seq" && arg.items.length === 2 && isString(arg.items[0]) && isString(arg.items[1])) {
    return { name: arg.items[0].value, attribute: arg.items[1].value };
  }
  return undefined;
}

/** The resource of the template a `!Ref` names, when it is one (of one of `types`, when given). */
export function refResource(
  template: TemplateIndex,
  node: Node,
  types?: readonly string[],
): ResourceInfo | undefined {
  const target = referenceTarget(node);
  const resource = target && target.attribute === undefined ? template.resources.get(target.name) : undefined;
  return resource && (!types || (resource.type !== undefined && types.includes(resource.type)))
    ? resource
    : undefined;
}

/** The resource of one of `types` that `!GetAtt X.<attribute>` names. */
export function getAttResource(
  template: TemplateIndex,
  node: Node,
  attribute: string,
  types: readonly string[],
): ResourceInfo | undefined {
  const target = referenceTarget(node);
  if (!target || target.attribute !== attribute) return undefined;
  const resource = template.resources.get(target.name);
  return resource?.type && types.includes(resource.type) ? resource : undefined;
}

/**
 * The resource of one of `types` that `!Ref X` or `!GetAtt X.<attribute>` names, for a resource
 * whose Ref gives the same value as that attribute (a subnet's SubnetId, a target group's
 * TargetGroupArn).
 */
export function namedResource(
  template: TemplateIndex,
  node: Node,
  attribute: string,
  types: readonly string[],
): ResourceInfo | undefined {
  return refResource(template, node, types) ?? getAttResource(template, node, attribute, types);
}

/**
 * The Globals entry a SAM resource would inherit for `key` (from the Globals section of its
 * type), unless it opts out with IgnoreGlobals; callers check the resource's own value first.
 */
export function inheritedGlobal(
  template: TemplateIndex,
  resource: ResourceInfo,
  key: string,
): MapEntry | undefined {
  if (!resource.type) return undefined;
  const globals = globalsFor(template, resource.type);
  if (!globals || ignoresGlobal(resource, key)) return undefined;
  return mapGet(globals, key);
}

/**
 * A property as the SAM transform sees it: the resource's own entry, else the Globals entry it
 * inherits (SAM resources only); `inherited` tells which. A property written as AWS::NoValue, or
 * that may be one, counts as absent.
 */
export function inheritedProperty(
  template: TemplateIndex,
  set: PropertySet,
  key: string,
): { entry: MapEntry; inherited: boolean } | undefined {
  const own = presentEntry(set.properties, key);
  if (own) return { entry: own, inherited: false };
  if (mapGet(set.properties, key)) return undefined;
  const global = inheritedGlobal(template, set.resource, key);
  return global && !mayBeNoValue(global.value) ? { entry: global, inherited: true } : undefined;
}

/** A mapping in a list (see listMappings). */
export interface ListMapping {
  node: MapNode;
  /** Its index in the list. */
  index: number;
  /** Which list of a Fn::If that chooses the whole list it is in (0 for a plain list). */
  branch: number;
  /** In a branch of a Fn::If (of the list or of the item): it may not be there. */
  conditional: boolean;
}

/**
 * The mappings of a list property, through a Fn::If that chooses the whole list or an item;
 * `opaque` when the list or an item is given otherwise (a Ref, a Fn::FindInMap), so that more
 * mappings may be there than are found. AWS::NoValue is left out.
 */
export function listMappings(list: Node | undefined): { items: ListMapping[]; opaque: boolean } {
  const items: ListMapping[] = [];
  let opaque = false;
  if (!list) return { items, opaque };
  const chosen = intrinsicName(list) === "Fn::If";
  valuesAtPath(list, []).forEach((branch, branchIndex) => {
    if (branch.kind !== "seq") {
      opaque = true;
      return;
    }
    branch.items.forEach((item, index) => {
      for (const value of valuesAtPath(item, [])) {
        const node = plainMap(value);
        if (node)
          items.push({
            node,
            index,
            branch: branchIndex,
            conditional: chosen || intrinsicName(item) === "Fn::If",
          });
        else opaque = true;
      }
    });
  });
  return { items, opaque };
}

/**
 * valuesAtPath with the path of each value below `node` (a list item by its index; the branches
 * of a Fn::If have the path of the Fn::If).
 */
export function valuesWithPaths(
  node: Node | undefined,
  path: readonly string[],
  at: readonly (string | number)[] = [],
  depth = 0,
): { node: Node; path: (string | number)[] }[] {
  if (!node || isNoValue(node)) return [];
  if (intrinsicName(node) === "Fn::If" && node.kind === "map") {
    const arg = node.entries[0].value;
    return arg.kind === "seq"
      ? arg.items.slice(1, 3).flatMap((branch) => valuesWithPaths(branch, path, at, depth))
      : [];
  }
  if (depth === path.length) return [{ node, path: [...at] }];
  if (path[depth] === "*")
    return node.kind === "seq"
      ? node.items.flatMap((item, index) => valuesWithPaths(item, path, [...at, index], depth + 1))
      : [];
  return valuesWithPaths(mapGet(node, path[depth])?.value, path, [...at, path[depth]], depth + 1);
}

/**
 * The values at a property path (`*` stands for every item of a list), through the branches of
 * any Fn::If on the way; AWS::NoValue is left out.
 */
export function valuesAtPath(node: Node | undefined, path: readonly string[]): Node[] {
  return valuesWithPaths(node, path).map((found) => found.node);
}

/** Table rows grouped by their `type`, in the table's order: a resource is held to its own rows only. */
export function rowsByType<Row extends { type: string }>(rows: readonly Row[]): Map<string, Row[]> {
  const grouped = new Map<string, Row[]>();
  for (const row of rows) {
    const list = grouped.get(row.type);
    if (list) list.push(row);
    else grouped.set(row.type, [row]);
  }
  return grouped;
}
