/**
 * Lambda's limit on a function together with its layers: the function's code and every layer it
 * uses, unzipped, at most 262,144,000 bytes. Pure: given a template's node tree, parameter values
 * and the sizes known from elsewhere (local code packaged, layer versions looked up, a layer just
 * built), it finds each function, what it is made of, and which known totals are over the limit.
 * A part whose size is not known is named and not counted; nothing is guessed.
 */
import type { Node } from "../template/model";
import { mapGet } from "../template/nodes";
import { ignoresGlobal } from "../template/rules/resources/shared";
import type { ResourceInfo } from "../template/rules/template-index";
import { mib, UNZIPPED_LIMIT_BYTES } from "./limits";

export const FUNCTION_TYPES = new Set(["AWS::Lambda::Function", "AWS::Serverless::Function"]);
export const LAYER_TYPES = new Set(["AWS::Lambda::LayerVersion", "AWS::Serverless::LayerVersion"]);
/** The logical id under which sizes of SAM's Globals.Function code are given, as packaging names it. */
export const GLOBALS = "Globals";

/** One entry of a function's Layers, resolved as far as the template and parameters allow. */
export type LayerRef =
  /** A layer version resource of the same template. */
  | { kind: "resource"; logicalId: string; line: number }
  /** A layer version ARN, written in the template or given as a parameter's value. */
  | { kind: "arn"; arn: string; parameter?: string; line: number }
  /** A parameter whose layer is known by other means (KnownSizes.given). */
  | { kind: "given"; parameter: string; line: number }
  /** Anything else (an import, a GetAtt, a parameter without a value): its size cannot be known. */
  | { kind: "unresolved"; what: string; line: number };

export interface TemplateFunction {
  logicalId: string;
  type: string;
  /** The line of the function's logical id. */
  line: number;
  code:
    | { kind: "local"; owner: string; property: string }
    | { kind: "inline"; bytes: number; property: string }
    | { kind: "none" };
  layers: LayerRef[];
}

export interface KnownSizes {
  /**
   * Unzipped bytes of local paths packaged from the template, by the logical id whose property
   * names them (GLOBALS for SAM's Globals.Function CodeUri); code in S3 is not here.
   */
  local?: ReadonlyMap<string, number>;
  /** Unzipped bytes of published layer versions by ARN; an ARN absent here is unknown. */
  arns?: ReadonlyMap<string, number>;
  /** Parameters that will hold a layer known by other means (the layer build-layer just built). */
  given?: ReadonlyMap<string, { label: string; bytes: number }>;
}

export interface FunctionPart {
  kind: "code" | "layer";
  label: string;
  /** undefined: unknown, not counted. */
  bytes: number | undefined;
}

export interface FunctionSize {
  logicalId: string;
  type: string;
  line: number;
  parts: FunctionPart[];
  /** The sum of the parts whose size is known. */
  known: number;
}

type Parameters = Readonly<Record<string, string | undefined>>;

function stringAt(node: Node | undefined, ...path: string[]): string | undefined {
  let current = node;
  for (const key of path) current = mapGet(current, key)?.value;
  return current?.kind === "scalar" && typeof current.value === "string" ? current.value : undefined;
}

/** The Ref target when `node` is `{ Ref: X }`. */
function refOf(node: Node): string | undefined {
  if (node.kind !== "map" || node.entries.length !== 1 || node.entries[0].key !== "Ref") return undefined;
  const target = node.entries[0].value;
  return target.kind === "scalar" && typeof target.value === "string" ? target.value : undefined;
}

function intrinsicName(node: Node): string {
  if (node.kind === "map" && node.entries.length === 1) return node.entries[0].key;
  return node.kind === "seq" ? "a list" : "a value";
}

function splitList(value: string): string[] {
  return value
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
}

interface Context {
  resources: Map<string, string>;
  parameters: Parameters;
  given: ReadonlySet<string>;
}

/** A parameter's value as layer ARNs (a CommaDelimitedList gives several). */
function fromParameter(name: string, line: number, ctx: Context): LayerRef[] {
  if (ctx.given.has(name)) return [{ kind: "given", parameter: name, line }];
  const value = ctx.parameters[name];
  if (value === undefined || value.trim() === "") {
    return [{ kind: "unresolved", what: `parameter ${name}, which has no value here`, line }];
  }
  return splitList(value).map((arn) => ({ kind: "arn", arn, parameter: name, line }));
}

function layerRefs(layers: Node | undefined, ctx: Context): LayerRef[] {
  if (!layers) return [];
  const line = layers.range.start.line;
  if (layers.kind !== "seq") {
    // Layers: !Ref SomeListParameter
    const ref = refOf(layers);
    if (ref !== undefined && (ref in ctx.parameters || ctx.given.has(ref)))
      return fromParameter(ref, line, ctx);
    return [{ kind: "unresolved", what: `Layers given as ${intrinsicName(layers)}`, line }];
  }
  return layers.items.flatMap((item): LayerRef[] => {
    const at = item.range.start.line;
    if (item.kind === "scalar" && typeof item.value === "string") {
      return [{ kind: "arn", arn: item.value.trim(), line: at }];
    }
    const ref = refOf(item);
    if (ref !== undefined && ctx.given.has(ref)) return [{ kind: "given", parameter: ref, line: at }];
    if (ref !== undefined && LAYER_TYPES.has(ctx.resources.get(ref) ?? "")) {
      return [{ kind: "resource", logicalId: ref, line: at }];
    }
    if (ref !== undefined && ref in ctx.parameters) return fromParameter(ref, at, ctx);
    return [{ kind: "unresolved", what: ref ?? intrinsicName(item), line: at }];
  });
}

/**
 * Every zip-packaged function of the template (container images have no such limit) with its code
 * and layers. `parameters` holds the values the stack will get (declared parameters absent from it
 * count as having no value); for SAM functions, Globals.Function's CodeUri, InlineCode and Layers apply
 * unless the function's IgnoreGlobals names them.
 */
export function templateFunctions(
  root: Node | undefined,
  parameters: Parameters,
  given: ReadonlySet<string> = new Set(),
): TemplateFunction[] {
  const resourcesNode = mapGet(root, "Resources")?.value;
  if (resourcesNode?.kind !== "map") return [];
  const declared = mapGet(root, "Parameters")?.value;
  const values: Record<string, string | undefined> = {};
  for (const entry of declared?.kind === "map" ? declared.entries : [])
    values[entry.key] = parameters[entry.key];
  const resources = new Map(resourcesNode.entries.map((e) => [e.key, stringAt(e.value, "Type") ?? ""]));
  const ctx: Context = { resources, parameters: values, given };
  const globals = mapGet(mapGet(root, "Globals")?.value, "Function")?.value;
  const found: TemplateFunction[] = [];
  for (const entry of resourcesNode.entries) {
    const type = resources.get(entry.key) ?? "";
    if (!FUNCTION_TYPES.has(type)) continue;
    const properties = mapGet(entry.value, "Properties")?.value;
    const sam = type === "AWS::Serverless::Function";
    // ignoresGlobal reads the resource's body alone.
    const resource = { body: entry.value.kind === "map" ? entry.value : undefined } as ResourceInfo;
    const global = (key: string) => (sam && !ignoresGlobal(resource, key) ? mapGet(globals, key) : undefined);
    const packageType = stringAt(properties, "PackageType") ?? stringAt(global("PackageType")?.value);
    if (packageType === "Image") continue;
    let code: TemplateFunction["code"] = { kind: "none" };
    if (sam) {
      const inline = stringAt(properties, "InlineCode") ?? stringAt(global("InlineCode")?.value);
      if (inline !== undefined)
        code = { kind: "inline", bytes: Buffer.byteLength(inline), property: "InlineCode" };
      else if (mapGet(properties, "CodeUri")) code = { kind: "local", owner: entry.key, property: "CodeUri" };
      else if (global("CodeUri"))
        code = { kind: "local", owner: GLOBALS, property: "Globals.Function CodeUri" };
    } else {
      const zipFile = stringAt(properties, "Code", "ZipFile");
      if (zipFile !== undefined)
        code = { kind: "inline", bytes: Buffer.byteLength(zipFile), property: "Code.ZipFile" };
      else if (mapGet(properties, "Code")) code = { kind: "local", owner: entry.key, property: "Code" };
    }
    found.push({
      logicalId: entry.key,
      type,
      line: entry.keyRange.start.line,
      code,
      layers: [
        ...layerRefs(global("Layers")?.value, ctx),
        ...layerRefs(mapGet(properties, "Layers")?.value, ctx),
      ],
    });
  }
  return found;
}

/** The distinct layer ARNs the functions use, to look their sizes up (one call each). */
export function layerArns(functions: TemplateFunction[]): string[] {
  const arns = functions.flatMap((f) => f.layers.flatMap((l) => (l.kind === "arn" ? [l.arn] : [])));
  return [...new Set(arns)];
}

/**
 * A part's name for messages. ARNs are not repeated (a parameter's value is the user's input): a
 * layer is named by its parameter or its line.
 */
function layerPart(layer: LayerRef, sizes: KnownSizes): FunctionPart {
  switch (layer.kind) {
    case "resource":
      return {
        kind: "layer",
        label: `layer ${layer.logicalId} (line ${layer.line})`,
        bytes: sizes.local?.get(layer.logicalId),
      };
    case "given": {
      const given = sizes.given?.get(layer.parameter);
      return {
        kind: "layer",
        label: `${given?.label ?? "layer"} (parameter ${layer.parameter}, line ${layer.line})`,
        bytes: given?.bytes,
      };
    }
    case "arn":
      return {
        kind: "layer",
        label: layer.parameter
          ? `layer from parameter ${layer.parameter} (line ${layer.line})`
          : `layer version ARN at line ${layer.line}`,
        bytes: sizes.arns?.get(layer.arn),
      };
    default:
      return { kind: "layer", label: `layer ${layer.what} (line ${layer.line})`, bytes: undefined };
  }
}

export function functionSizes(functions: TemplateFunction[], sizes: KnownSizes): FunctionSize[] {
  return functions.map((fn) => {
    const parts: FunctionPart[] = [];
    if (fn.code.kind === "inline") {
      parts.push({ kind: "code", label: `code (${fn.code.property})`, bytes: fn.code.bytes });
    }
    if (fn.code.kind === "local") {
      parts.push({
        kind: "code",
        label: `code (${fn.code.property})`,
        bytes: sizes.local?.get(fn.code.owner),
      });
    }
    parts.push(...fn.layers.map((layer) => layerPart(layer, sizes)));
    const known = parts.reduce((sum, p) => sum + (p.bytes ?? 0), 0);
    return { logicalId: fn.logicalId, type: fn.type, line: fn.line, parts, known };
  });
}

/** The functions whose known parts alone are over the limit. */
export function overLimit(sizes: FunctionSize[], limit = UNZIPPED_LIMIT_BYTES): FunctionSize[] {
  return sizes.filter((s) => s.known > limit);
}

/** What to tell the user about functions over the limit, each with its parts and their sizes. */
export function overLimitMessage(file: string, over: FunctionSize[], limit = UNZIPPED_LIMIT_BYTES): string {
  const blocks = over.map((fn) => {
    const parts = fn.parts.map(
      (p) =>
        `  ${p.label}: ${p.bytes === undefined ? "unknown, not counted" : `${mib(p.bytes)} (${p.bytes} bytes)`}`,
    );
    return [
      `Function ${fn.logicalId} (${fn.type}, ${file} line ${fn.line}) would unzip to at least ${mib(fn.known)} (${fn.known} bytes) with its layers, over Lambda's limit of ${mib(limit)} (${limit} bytes) for a function and all its layers:`,
      ...parts,
    ].join("\n");
  });
  return `${blocks.join("\n")}\nDrop what the function does not load, move a dependency out of a layer it shares, or ship the function as a container image.`;
}

/**
 * The layers of unknown size, for a note: a check that could not count them is not a pass. Code
 * already in S3 is not listed: that is the usual case, and its size was checked when it was made.
 */
export function unknownParts(sizes: FunctionSize[]): string[] {
  return sizes.flatMap((fn) =>
    fn.parts
      .filter((p) => p.kind === "layer" && p.bytes === undefined)
      .map((p) => `${fn.logicalId}: ${p.label}`),
  );
}
