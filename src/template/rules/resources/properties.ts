/**
 * Checks resource properties (and SAM Globals) against the resource specification in one walk,
 * shared by E3002 (unknown property), E3040 (read-only property), E3003 (missing required
 * property) and E3012 (wrong type): each of those rules reports only its own kind of problem from
 * the same, cached list.
 *
 * CloudFormation is lenient on scalars and the checks follow cfn-lint there: any scalar is
 * accepted where a string is expected, numeric strings where numbers are, "true"/"false" (any
 * case) where booleans are. Intrinsic functions are accepted where they can yield the expected
 * shape; only those that can never do so (a Fn::Sub where a list is expected) are reported. A
 * list parameter's value and a list function's result hold strings, so where a list's items are
 * mappings (`Tags: !Ref Subnets`) they are reported too, beyond cfn-lint 1.51, which takes them.
 */
import { isPackagedLocalPath } from "../../../stack/local-artifacts";
import type { MapEntry, MapNode, Node, Range } from "../../model";
import { mapGet } from "../../nodes";
import type { PropertySpec, ResourceTypeSpec, SpecIndex, TypeRef } from "../../spec/types";
import { closest, didYouMean, didYouMeanNote } from "../../suggest";
import { gapText, noValueWhere } from "../conditions/logic";
import { attributeShape, parameterShape } from "../functions/shapes";
import { isIgnoredBySam } from "../sam/ignored-values";
import { hasDynamicReference, referenceTarget } from "../services/values";
import { intrinsicName, isForEachKey, isString, type TemplateIndex } from "../template-index";
import { judgesNulls } from "./null-values";
import {
  displayPath,
  globalsFor,
  ignoresGlobal,
  isCustomType,
  realResources,
  SAM_GLOBALS,
  SAM_TYPES_IGNORING_UNKNOWN_PROPERTIES,
} from "./shared";

export type PropertyProblemKind = "unknown" | "readOnly" | "ignored" | "required" | "type";

export interface PropertyProblem {
  kind: PropertyProblemKind;
  at: Node | Range;
  message: string;
  path: (string | number)[];
}

/** What an intrinsic function can evaluate to, as far as the template alone tells. */
type Yield = "scalar" | "list" | "unknown" | "none";

const STRING_FUNCTIONS = new Set([
  "Fn::Sub",
  "Fn::Join",
  "Fn::Base64",
  "Fn::ToJsonString",
  "Fn::Length",
  // An export is an output's value, always text: a list property needs a Fn::Split of it.
  "Fn::ImportValue",
]);
const LIST_FUNCTIONS = new Set(["Fn::Split", "Fn::GetAZs", "Fn::Cidr"]);
const LIST_PSEUDO_PARAMETERS = new Set(["AWS::NotificationARNs"]);

const cache = new WeakMap<TemplateIndex, PropertyProblem[]>();

/** Every property problem of the template, computed once and shared by the three rules. */
export function propertyProblems(template: TemplateIndex, spec: SpecIndex): PropertyProblem[] {
  let problems = cache.get(template);
  if (!problems) {
    problems = collect(template, spec);
    cache.set(template, problems);
  }
  return problems;
}

function collect(template: TemplateIndex, spec: SpecIndex): PropertyProblem[] {
  const out: PropertyProblem[] = [];
  for (const resource of realResources(template)) {
    const type = resource.type;
    if (!type || !resource.body) continue;
    if (type.startsWith("AWS::Serverless::") && !template.sam) continue;
    const typeSpec = spec.resource(isCustomType(type) ? "AWS::CloudFormation::CustomResource" : type);
    if (!typeSpec) continue;
    let provided: Set<string> | undefined;
    const globals = globalsFor(template, type);
    if (globals) {
      provided = new Set<string>();
      for (const entry of globals.entries) if (!ignoresGlobal(resource, entry.key)) provided.add(entry.key);
    }
    const path = ["Resources", resource.name, "Properties"];
    const checker = new Checker(
      template,
      spec,
      typeSpec,
      out,
      path,
      provided?.size ? globals : undefined,
      provided,
    );
    const properties = resource.properties;
    const requiredAt = properties ? properties.keyRange : resource.entry.keyRange;
    // A type the spec lists without any property is one whose details the spec lacks.
    const allowUnknown =
      isCustomType(type) ||
      shapeOf(typeSpec.properties).empty ||
      SAM_TYPES_IGNORING_UNKNOWN_PROPERTIES.has(type);
    if (!properties) {
      checker.object(
        undefined,
        typeSpec.properties,
        type,
        undefined,
        allowUnknown,
        provided,
        requiredAt,
        false,
      );
      continue;
    }
    checker.propertiesValue(properties.value, typeSpec.properties, type, allowUnknown, provided, requiredAt);
  }
  if (template.sam) checkGlobals(template, spec, out);
  return out;
}

/** Globals properties are checked against their SAM type; required ones stay on the resources. */
function checkGlobals(template: TemplateIndex, spec: SpecIndex, out: PropertyProblem[]): void {
  const globals = template.sections.get("Globals")?.map;
  if (!globals) return;
  for (const entry of globals.entries) {
    const type = SAM_GLOBALS[entry.key];
    if (!type || entry.value.kind !== "map") continue;
    const typeSpec = spec.resource(type);
    if (!typeSpec) continue;
    new Checker(template, spec, typeSpec, out, ["Globals", entry.key]).object(
      entry.value,
      typeSpec.properties,
      `Globals.${entry.key} (${type})`,
      undefined,
      false,
      undefined,
      entry.keyRange,
      true,
    );
  }
}

/** What the checks need to know of a set of named properties, beyond each property's own spec. */
interface PropertiesShape {
  /** The required names, in the spec's order. */
  required: string[];
  /** No property at all: the spec lacks the details, so any name is accepted. */
  empty: boolean;
}

const shapes = new WeakMap<Record<string, PropertySpec>, PropertiesShape>();

/**
 * Found once per property set: the spec index keeps each resource's and struct's record for the
 * whole run, so objects of the same type no longer go over all of a type's properties each time.
 */
function shapeOf(properties: Record<string, PropertySpec>): PropertiesShape {
  let shape = shapes.get(properties);
  if (!shape) {
    const required: string[] = [];
    let empty = true;
    // for...in goes in the same order as Object.entries over these plain records.
    for (const name in properties) {
      empty = false;
      if (properties[name].required) required.push(name);
    }
    shape = { required, empty };
    shapes.set(properties, shape);
  }
  return shape;
}

/** The mapping's entry of the key: objects are small, so a scan beats building a Set. */
function keyOf(entries: readonly MapEntry[], key: string): MapEntry | undefined {
  for (let i = 0; i < entries.length; i++) if (entries[i].key === key) return entries[i];
  return undefined;
}

/**
 * Walks one resource's (or Globals section's) properties. The path to the current value is one
 * array pushed and popped as the walk goes: only a reported problem copies it.
 */
class Checker {
  constructor(
    private readonly template: TemplateIndex,
    private readonly spec: SpecIndex,
    private readonly typeSpec: ResourceTypeSpec,
    private out: PropertyProblem[],
    /** The path of the value being checked, shared by the whole walk. */
    private readonly path: (string | number)[],
    /** The resource's SAM Globals section, merged into its properties key by key at every depth. */
    private readonly globals?: MapNode,
    /** The Globals keys the resource does not opt out of with IgnoreGlobals. */
    private readonly globalKeys?: Set<string>,
  ) {}

  /** The value of a resource's `Properties`: a mapping, or a Fn::If choosing between mappings. */
  propertiesValue(
    node: Node,
    properties: Record<string, PropertySpec>,
    owner: string,
    allowUnknown: boolean,
    provided: Set<string> | undefined,
    requiredAt: Range,
  ): void {
    if (node.kind !== "map") return; // E3001 reports a Properties value that is not a mapping.
    const fn = intrinsicName(node);
    if (fn === "Fn::If") {
      const arg = node.entries[0].value;
      if (arg.kind === "seq") {
        const items = arg.items;
        for (let i = 1; i < 3 && i < items.length; i++)
          this.propertiesValue(items[i], properties, owner, allowUnknown, provided, requiredAt);
      }
      return;
    }
    if (fn) return;
    this.object(node, properties, owner, undefined, allowUnknown, provided, requiredAt, false);
  }

  /**
   * A mapping of named properties (the resource's, or a struct's). The owner named in messages is
   * `owner`, or for a struct `<type>.<struct>`, built only when a problem is reported.
   */
  object(
    node: MapNode | undefined,
    properties: Record<string, PropertySpec>,
    owner: string,
    struct: string | undefined,
    allowUnknown: boolean,
    /** Properties supplied elsewhere (SAM Globals), so not missing when absent here. */
    provided: Set<string> | undefined,
    /** Where a missing required property is reported. */
    requiredAt: Range,
    skipRequired: boolean,
  ): void {
    let expanded = false;
    let nulled: Set<string> | undefined;
    const path = this.path;
    const entries = node ? node.entries : NO_ENTRIES;
    // Indexed loops: the walk goes over every property value, and in code that runs once per
    // process an array iterator costs an object per step.
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      // A Fn::ForEach or a Fn::Transform (a macro or an AWS::Include snippet) adds properties here.
      if (isForEachKey(entry.key) || entry.key === "Fn::Transform") {
        expanded = true;
        continue;
      }
      const property = properties[entry.key];
      if (!property) {
        if (!allowUnknown && struct === undefined && path[0] === "Resources" && this.isAttribute(entry.key)) {
          // The resource provider schema lists it among the read-only properties, which
          // CloudFormation accepts in a template and drops (the value given is never applied);
          // the SAM transform refuses a property its type does not define.
          const sam = owner.startsWith("AWS::Serverless::");
          this.problem(
            sam ? "readOnly" : "ignored",
            entry.keyRange,
            `'${entry.key}' of ${owner} is read-only: ${sam ? "the SAM transform refuses it" : "CloudFormation ignores the value given here"}, ` +
              `and sets it when it creates the resource; remove it from Properties, and read it with Fn::GetAtt where it is needed` +
              didYouMeanNote(writable(entry.key, Object.keys(properties))),
            entry.key,
          );
        } else if (!allowUnknown) {
          this.problem(
            "unknown",
            entry.keyRange,
            `Unknown property '${entry.key}' ${where(ownerName(owner, struct), path)}${didYouMean(entry.key, Object.keys(properties))}`,
            entry.key,
          );
        }
        continue;
      }
      if (struct === undefined && isNullSamProperty(this.typeSpec.name, entry)) {
        // The transform reads it as not set: a required one is missing.
        nulled ??= new Set();
        nulled.add(entry.key);
        continue;
      }
      path.push(entry.key);
      this.value(entry.value, property.type, entry.keyRange);
      path.pop();
    }
    // Properties generated by Fn::ForEach cannot be known here.
    if (skipRequired || expanded) return;
    const required = shapeOf(properties).required;
    for (let i = 0; i < required.length; i++) {
      const name = required[i];
      if (provided?.has(name)) continue;
      const entry = keyOf(entries, name);
      if (entry && !nulled?.has(name)) {
        const gap = noValueWhere(this.template, entry.value);
        if (gap)
          this.problem(
            "required",
            entry.keyRange,
            `Required property '${name}' ${where(ownerName(owner, struct), path)} is left out ` +
              `${gapText(gap, "its")}. Give it a value in both branches, or create the resource only where ` +
              `${gap.condition} is ${!gap.truth}`,
            name,
          );
        continue;
      }
      this.problem(
        "required",
        requiredAt,
        `Missing required property '${name}' ${where(ownerName(owner, struct), path)}`,
        name,
      );
    }
  }

  /** Checks one value against its expected type; `keyRange` is where a missing required property of a struct goes. */
  value(node: Node, type: TypeRef, keyRange: Range): void {
    const fn = intrinsicName(node);
    if (fn) {
      this.intrinsic(node as MapNode, fn, type, keyRange);
      return;
    }
    switch (type.kind) {
      case "any":
        return;
      case "string":
      case "timestamp":
        if (node.kind !== "scalar") this.typeProblem(node, type);
        return;
      case "json":
        if (node.kind === "seq") this.typeProblem(node, type);
        return;
      case "number":
      case "integer":
      case "boolean":
        if (node.kind !== "scalar" || !scalarFits(node.value, type.kind)) this.typeProblem(node, type);
        return;
      case "list": {
        if (node.kind !== "seq") {
          this.typeProblem(node, type);
          return;
        }
        const items = node.items;
        for (let i = 0; i < items.length; i++) {
          this.path.push(i);
          this.value(items[i], type.item, items[i].range);
          this.path.pop();
        }
        return;
      }
      case "map": {
        if (node.kind !== "map") {
          this.typeProblem(node, type);
          return;
        }
        const entries = node.entries;
        for (let i = 0; i < entries.length; i++) {
          const entry = entries[i];
          if (isForEachKey(entry.key)) continue;
          this.path.push(entry.key);
          this.value(entry.value, type.item, entry.keyRange);
          this.path.pop();
        }
        return;
      }
      case "struct": {
        if (node.kind !== "map") {
          // `Code: ./src`: packaging makes it the mapping; W3002 says so.
          if (
            this.path[0] === "Resources" &&
            isPackagedLocalPath(this.typeSpec.name, this.path.slice(3), node)
          )
            return;
          this.typeProblem(node, type);
          return;
        }
        const struct = this.typeSpec.structs[type.name];
        if (!struct) return;
        const properties = struct.properties;
        this.object(
          node,
          properties,
          this.typeSpec.name,
          type.name,
          shapeOf(properties).empty,
          this.globals ? this.mergedFromGlobals() : undefined,
          keyRange,
          // SAM merges a Globals mapping into each resource's key by key, at every depth, so a
          // struct there may leave its required properties to the resources.
          this.path[0] === "Globals",
        );
        return;
      }
      case "union":
        this.union(node, type.types, keyRange);
        return;
    }
  }

  /**
   * The keys SAM merges from Globals into the struct at the current path of a resource: those of the
   * mapping at the same path in the Globals section, when the resource takes that Globals key.
   */
  private mergedFromGlobals(): Set<string> | undefined {
    const path = this.path;
    if (!this.globalKeys?.has(path[3] as string)) return undefined;
    let node: Node | undefined = this.globals;
    for (let i = 3; i < path.length && node; i++) {
      const segment = path[i];
      // SAM appends Globals lists to the resource's; it merges mappings only.
      if (typeof segment !== "string" || node.kind !== "map") return undefined;
      node = mapGet(node, segment)?.value;
    }
    if (node?.kind !== "map" || intrinsicName(node)) return undefined;
    return new Set(node.entries.map((entry) => entry.key));
  }

  /** A union accepts the value when one member does; otherwise the member of the value's shape reports. */
  private union(node: Node, types: TypeRef[], keyRange: Range): void {
    const saved = this.out;
    let fallback: PropertyProblem[] | undefined;
    for (const member of types) {
      const trial: PropertyProblem[] = [];
      this.out = trial;
      this.value(node, member, keyRange);
      this.out = saved;
      if (trial.length === 0) return;
      if (!fallback && shapeMatches(node, member)) fallback = trial;
    }
    if (fallback) this.out.push(...fallback);
    else this.typeProblem(node, { kind: "union", types });
  }

  private intrinsic(node: MapNode, fn: string, type: TypeRef, keyRange: Range): void {
    const arg = node.entries[0].value;
    if (fn === "Fn::If") {
      if (arg.kind !== "seq") return;
      const items = arg.items;
      for (let i = 1; i < 3 && i < items.length; i++) this.value(items[i], type, keyRange);
      return;
    }
    const produced = this.yieldOf(node, fn, arg);
    // Every list a parameter or a list function gives holds strings, never mappings.
    const strings = produced === "list" && fn !== "Fn::GetAtt" && !takesStrings(type, this.typeSpec);
    if (strings || !accepts(type, produced, this.typeSpec)) {
      const target = referenceTarget(node);
      const what =
        fn === "Ref" && target
          ? `Ref to '${target.name}'`
          : fn === "Fn::GetAtt" && target
            ? `Fn::GetAtt ${target.name}.${target.attribute}`
            : fn;
      const path = this.path;
      this.problem(
        "type",
        node,
        `'${displayPath(relative(path))}' ${ofOwner(this.typeSpec.name, path)}must be ${strings ? "a list of mappings" : describe(type)}, but ${what} returns ${strings ? "a list of strings" : produced === "list" ? "a list" : "a string"}`,
      );
    }
  }

  /** What the function call `node` gives; a Ref to a parameter and a Fn::GetAtt as shapes.ts says. */
  private yieldOf(node: MapNode, fn: string, arg: Node): Yield {
    if (STRING_FUNCTIONS.has(fn)) return "scalar";
    if (LIST_FUNCTIONS.has(fn)) return "list";
    if (fn === "Fn::GetAtt") return yieldOfShape(attributeShape(this.template, this.spec, node));
    if (fn !== "Ref" || !isString(arg)) return "unknown";
    const target = arg.value;
    if (target === "AWS::NoValue") return "none";
    if (LIST_PSEUDO_PARAMETERS.has(target)) return "list";
    if (target.startsWith("AWS::")) return "scalar";
    if (this.template.parameters.has(target))
      return yieldOfShape(parameterShape(this.template.parameters, target)?.shape);
    if (this.template.resources.has(target)) return "scalar";
    return "unknown";
  }

  private typeProblem(node: Node, type: TypeRef): void {
    const path = this.path;
    // The transform ignores it rather than fail; W0001 (sam/ignored-values.ts) says so.
    if (isIgnoredBySam(this.typeSpec.name, relative(path))) return;
    // A null in a resource's Properties is E3943's, which says why CloudFormation refuses it.
    const isNull = node.kind === "scalar" && node.value === null;
    if (isNull && path[0] === "Resources" && judgesNulls(this.template, this.typeSpec.name)) return;
    this.problem(
      "type",
      node,
      `'${displayPath(relative(path))}' ${ofOwner(this.typeSpec.name, path)}must be ${describe(type)}, not ${describeNode(node)}`,
    );
  }

  /** Records a problem at the current path, or at its child `key`: the only place paths are copied. */
  /** Whether a name is one of the resource type's attributes (its read-only values, such as Arn). */
  private isAttribute(name: string): boolean {
    return this.typeSpec.attributes.includes(name);
  }

  private problem(kind: PropertyProblemKind, at: Node | Range, message: string, key?: string): void {
    const path = this.path.slice();
    if (key !== undefined) path.push(key);
    this.out.push({ kind, at, message, path });
  }
}

const NO_ENTRIES: readonly MapEntry[] = [];

/**
 * The property a read-only key was likely meant as: the closest name, or the one property that
 * ends with it (a Neptune cluster's `Port` for `DBPort`).
 */
function writable(key: string, properties: string[]): string | undefined {
  const ending = properties.filter((name) => name.endsWith(key));
  return closest(key, properties) ?? (ending.length === 1 ? ending[0] : undefined);
}

/** A struct's owner is named `<type>.<struct>` in messages. */
function ownerName(owner: string, struct: string | undefined): string {
  return struct === undefined ? owner : `${owner}.${struct}`;
}

/** The part of a finding's path below `Properties` (or below `Globals.<Section>`). */
function relative(path: (string | number)[]): (string | number)[] {
  return path[0] === "Resources" ? path.slice(3) : path.slice(2);
}

function ofOwner(type: string, path: (string | number)[]): string {
  return path[0] === "Resources" ? `of ${type} ` : `in Globals.${path[1]} `;
}

function where(owner: string, path: (string | number)[]): string {
  const inner = relative(path);
  if (inner.length > 0) return `in ${displayPath(inner)} (${owner})`;
  return path[0] === "Globals" ? `in ${owner}` : `for ${owner}`;
}

/**
 * A property of a SAM resource left empty (`Events:`, `Environment:`, `Tags:`, ...): the transform
 * reads a null property as one not set (samtranslator 1.110 accepts such templates and writes no
 * null), so CloudFormation never sees the null it refuses elsewhere. A required one is then
 * missing, as the transform says ("Missing required property").
 */
function isNullSamProperty(type: string, entry: MapEntry): boolean {
  return type.startsWith("AWS::Serverless::") && entry.value.kind === "scalar" && entry.value.value === null;
}

function yieldOfShape(shape: "list" | "text" | undefined): Yield {
  return shape === "list" ? "list" : shape === "text" ? "scalar" : "unknown";
}

function scalarFits(value: unknown, kind: "number" | "integer" | "boolean"): boolean {
  if (value === null) return true; // A null value is reported by the parser-level rules, not as a type.
  // What a dynamic reference reads at deploy time is text, which CloudFormation converts.
  if (typeof value === "string" && hasDynamicReference(value)) return true;
  if (kind === "boolean")
    return typeof value === "boolean" || (typeof value === "string" && /^(true|false)$/i.test(value));
  if (typeof value === "number") return true;
  if (typeof value !== "string") return false;
  if (kind === "integer") return /^\s*[-+]?\d+\s*$/.test(value);
  return value.trim() !== "" && Number.isFinite(Number(value));
}

/** Whether an intrinsic yielding `produced` can stand where `type` is expected. */
function accepts(type: TypeRef, produced: Yield, typeSpec: ResourceTypeSpec): boolean {
  if (produced === "unknown" || produced === "none") return true;
  switch (type.kind) {
    case "any":
      return true;
    case "json":
      return produced === "scalar";
    case "list":
      return produced === "list";
    case "map":
      return false;
    case "struct":
      // A struct the spec does not describe cannot be judged.
      return !typeSpec.structs[type.name];
    case "union":
      return type.types.some((member) => accepts(member, produced, typeSpec));
    default:
      return produced === "scalar";
  }
}

/** Whether a list of strings fits `type`: not where a list's items are mappings. */
function takesStrings(type: TypeRef, typeSpec: ResourceTypeSpec): boolean {
  if (type.kind === "list") return accepts(type.item, "scalar", typeSpec);
  if (type.kind === "union")
    return type.types.some((member) => member.kind !== "list" || takesStrings(member, typeSpec));
  return true;
}

function shapeMatches(node: Node, type: TypeRef): boolean {
  switch (type.kind) {
    case "list":
      return node.kind === "seq";
    case "map":
    case "struct":
    case "json":
      return node.kind === "map";
    case "any":
    case "union":
      return false;
    default:
      return node.kind === "scalar";
  }
}

function describe(type: TypeRef): string {
  switch (type.kind) {
    case "string":
    case "timestamp":
      return "a string";
    case "number":
      return "a number";
    case "integer":
      return "an integer";
    case "boolean":
      return "a boolean";
    case "json":
      return "a JSON object or a string";
    case "any":
      return "any value";
    case "list":
      return "a list";
    case "map":
    case "struct":
      return "a mapping";
    case "union":
      // Each alternative once: a JSON type beside a string type is "a JSON object or a string".
      return [...new Set(type.types.flatMap((t) => describe(t).split(" or ")))].join(" or ");
  }
}

function describeNode(node: Node): string {
  if (node.kind === "seq") return "a list";
  if (node.kind === "map") return "a mapping";
  const value = node.value;
  if (typeof value === "string") return `'${value.length > 40 ? `${value.slice(0, 40)}...` : value}'`;
  return String(value);
}
