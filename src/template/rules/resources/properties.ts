/**
 * Checks resource properties (and SAM Globals) against the resource specification in one walk,
 * shared by E3002 (unknown property), E3003 (missing required property) and E3012 (wrong type):
 * each of those rules reports only its own kind of problem from the same, cached list.
 *
 * CloudFormation is lenient on scalars and the checks follow cfn-lint there: any scalar is
 * accepted where a string is expected, numeric strings where numbers are, "true"/"false" (any
 * case) where booleans are. Intrinsic functions are accepted where they can yield the expected
 * shape; only those that can never do so (a Fn::Sub where a list is expected) are reported.
 */
import type { MapNode, Node, Range } from "../../model";
import { mapGet } from "../../nodes";
import type { PropertySpec, ResourceTypeSpec, SpecIndex, TypeRef } from "../../spec/types";
import { didYouMean } from "../../suggest";
import { intrinsicName, isForEachKey, isString, type TemplateIndex } from "../template-index";
import { displayPath, globalsFor, ignoresGlobal, isCustomType, realResources, SAM_GLOBALS } from "./shared";

export type PropertyProblemKind = "unknown" | "required" | "type";

export interface PropertyProblem {
  kind: PropertyProblemKind;
  at: Node | Range;
  message: string;
  path: (string | number)[];
}

/** What an intrinsic function can evaluate to, as far as the template alone tells. */
type Yield = "scalar" | "list" | "unknown" | "none";

const STRING_FUNCTIONS = new Set(["Fn::Sub", "Fn::Join", "Fn::Base64", "Fn::ToJsonString", "Fn::Length"]);
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
    const checker = new Checker(template, typeSpec, out);
    const provided = new Set<string>();
    for (const entry of globalsFor(template, type)?.entries ?? [])
      if (!ignoresGlobal(resource, entry.key)) provided.add(entry.key);
    const base = ["Resources", resource.name, "Properties"];
    const properties = resource.properties;
    const requiredAt = properties ? properties.keyRange : resource.entry.keyRange;
    const options: ObjectOptions = {
      // A type the spec lists without any property is one whose details the spec lacks.
      allowUnknown: isCustomType(type) || Object.keys(typeSpec.properties).length === 0,
      provided,
      requiredAt,
    };
    if (!properties) {
      checker.object(undefined, typeSpec.properties, type, base, options);
      continue;
    }
    checker.propertiesValue(properties.value, typeSpec.properties, type, base, options);
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
    new Checker(template, typeSpec, out).object(
      entry.value,
      typeSpec.properties,
      `Globals.${entry.key} (${type})`,
      ["Globals", entry.key],
      { allowUnknown: false, provided: undefined, requiredAt: entry.keyRange, skipRequired: true },
    );
  }
}

interface ObjectOptions {
  allowUnknown: boolean;
  /** Properties supplied elsewhere (SAM Globals), so not missing when absent here. */
  provided: Set<string> | undefined;
  /** Where a missing required property is reported. */
  requiredAt: Range;
  skipRequired?: boolean;
}

class Checker {
  constructor(
    private readonly template: TemplateIndex,
    private readonly typeSpec: ResourceTypeSpec,
    private out: PropertyProblem[],
  ) {}

  /** The value of a resource's `Properties`: a mapping, or a Fn::If choosing between mappings. */
  propertiesValue(
    node: Node,
    properties: Record<string, PropertySpec>,
    owner: string,
    path: (string | number)[],
    options: ObjectOptions,
  ): void {
    if (node.kind !== "map") return; // E3001 reports a Properties value that is not a mapping.
    const fn = intrinsicName(node);
    if (fn === "Fn::If") {
      const arg = node.entries[0].value;
      if (arg.kind === "seq") {
        for (const branch of arg.items.slice(1, 3))
          this.propertiesValue(branch, properties, owner, path, options);
      }
      return;
    }
    if (fn) return;
    this.object(node, properties, owner, path, options);
  }

  /** A mapping of named properties (the resource's, or a struct's). */
  object(
    node: MapNode | undefined,
    properties: Record<string, PropertySpec>,
    owner: string,
    path: (string | number)[],
    options: ObjectOptions,
  ): void {
    let expanded = false;
    const present = new Set<string>();
    for (const entry of node?.entries ?? []) {
      present.add(entry.key);
      if (isForEachKey(entry.key)) {
        expanded = true;
        continue;
      }
      const property = properties[entry.key];
      const entryPath = [...path, entry.key];
      if (!property) {
        if (!options.allowUnknown) {
          this.problem(
            "unknown",
            entry.keyRange,
            `Unknown property '${entry.key}' ${where(owner, path)}${didYouMean(entry.key, Object.keys(properties))}`,
            entryPath,
          );
        }
        continue;
      }
      this.value(entry.value, property.type, entryPath, entry.keyRange);
    }
    // Properties generated by Fn::ForEach cannot be known here.
    if (options.skipRequired || expanded) return;
    for (const [name, property] of Object.entries(properties)) {
      if (!property.required || present.has(name) || options.provided?.has(name)) continue;
      this.problem(
        "required",
        options.requiredAt,
        `Missing required property '${name}' ${where(owner, path)}`,
        [...path, name],
      );
    }
  }

  /** Checks one value against its expected type; `keyRange` is where a missing required property of a struct goes. */
  value(node: Node, type: TypeRef, path: (string | number)[], keyRange: Range): void {
    const fn = intrinsicName(node);
    if (fn) {
      this.intrinsic(node as MapNode, fn, type, path, keyRange);
      return;
    }
    switch (type.kind) {
      case "any":
        return;
      case "string":
      case "timestamp":
        if (node.kind !== "scalar") this.typeProblem(node, type, path);
        return;
      case "json":
        if (node.kind === "seq") this.typeProblem(node, type, path);
        return;
      case "number":
      case "integer":
      case "boolean":
        if (node.kind !== "scalar" || !scalarFits(node.value, type.kind)) this.typeProblem(node, type, path);
        return;
      case "list":
        if (node.kind !== "seq") {
          this.typeProblem(node, type, path);
          return;
        }
        node.items.forEach((item, i) => {
          this.value(item, type.item, [...path, i], item.range);
        });
        return;
      case "map":
        if (node.kind !== "map") {
          this.typeProblem(node, type, path);
          return;
        }
        for (const entry of node.entries) {
          if (isForEachKey(entry.key)) continue;
          this.value(entry.value, type.item, [...path, entry.key], entry.keyRange);
        }
        return;
      case "struct": {
        if (node.kind !== "map") {
          this.typeProblem(node, type, path);
          return;
        }
        const struct = this.typeSpec.structs[type.name];
        if (!struct) return;
        const properties = struct.properties;
        this.object(node, properties, `${this.typeSpec.name}.${type.name}`, path, {
          allowUnknown: Object.keys(properties).length === 0,
          provided: undefined,
          requiredAt: keyRange,
        });
        return;
      }
      case "union":
        this.union(node, type.types, path, keyRange);
        return;
    }
  }

  /** A union accepts the value when one member does; otherwise the member of the value's shape reports. */
  private union(node: Node, types: TypeRef[], path: (string | number)[], keyRange: Range): void {
    const saved = this.out;
    let fallback: PropertyProblem[] | undefined;
    for (const member of types) {
      const trial: PropertyProblem[] = [];
      this.out = trial;
      this.value(node, member, path, keyRange);
      this.out = saved;
      if (trial.length === 0) return;
      if (!fallback && shapeMatches(node, member)) fallback = trial;
    }
    if (fallback) this.out.push(...fallback);
    else this.typeProblem(node, { kind: "union", types }, path);
  }

  private intrinsic(
    node: MapNode,
    fn: string,
    type: TypeRef,
    path: (string | number)[],
    keyRange: Range,
  ): void {
    const arg = node.entries[0].value;
    if (fn === "Fn::If") {
      if (arg.kind !== "seq") return;
      for (const branch of arg.items.slice(1, 3)) this.value(branch, type, path, keyRange);
      return;
    }
    const produced = this.yieldOf(fn, arg);
    if (!accepts(type, produced, this.typeSpec)) {
      const what = fn === "Ref" && isString(arg) ? `Ref to '${arg.value}'` : fn;
      this.problem(
        "type",
        node,
        `'${displayPath(relative(path))}' ${ofOwner(this.typeSpec.name, path)}must be ${describe(type)}, but ${what} returns ${produced === "list" ? "a list" : "a string"}`,
        path,
      );
    }
  }

  private yieldOf(fn: string, arg: Node): Yield {
    if (STRING_FUNCTIONS.has(fn)) return "scalar";
    if (LIST_FUNCTIONS.has(fn)) return "list";
    if (fn !== "Ref" || !isString(arg)) return "unknown";
    const target = arg.value;
    if (target === "AWS::NoValue") return "none";
    if (LIST_PSEUDO_PARAMETERS.has(target)) return "list";
    if (target.startsWith("AWS::")) return "scalar";
    const parameter = this.template.parameters.get(target);
    if (parameter) {
      const typeNode = mapGet(parameter.value, "Type");
      if (!typeNode || !isString(typeNode.value)) return "unknown";
      return isListParameterType(typeNode.value.value) ? "list" : "scalar";
    }
    if (this.template.resources.has(target)) return "scalar";
    return "unknown";
  }

  private typeProblem(node: Node, type: TypeRef, path: (string | number)[]): void {
    this.problem(
      "type",
      node,
      `'${displayPath(relative(path))}' ${ofOwner(this.typeSpec.name, path)}must be ${describe(type)}, not ${describeNode(node)}`,
      path,
    );
  }

  private problem(
    kind: PropertyProblemKind,
    at: Node | Range,
    message: string,
    path: (string | number)[],
  ): void {
    this.out.push({ kind, at, message, path });
  }
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

export function isListParameterType(type: string): boolean {
  return (
    type === "CommaDelimitedList" ||
    type.startsWith("List<") ||
    /^AWS::SSM::Parameter::Value<(List<|CommaDelimitedList)/.test(type)
  );
}

function scalarFits(value: unknown, kind: "number" | "integer" | "boolean"): boolean {
  if (value === null) return true; // A null value is reported by the parser-level rules, not as a type.
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
      return "a JSON object or string";
    case "any":
      return "any value";
    case "list":
      return "a list";
    case "map":
    case "struct":
      return "a mapping";
    case "union":
      return [...new Set(type.types.map(describe))].join(" or ");
  }
}

function describeNode(node: Node): string {
  if (node.kind === "seq") return "a list";
  if (node.kind === "map") return "a mapping";
  const value = node.value;
  if (typeof value === "string") return `'${value.length > 40 ? `${value.slice(0, 40)}...` : value}'`;
  return String(value);
}
