/**
 * Small facts about resources that several rules share: which entries of `Resources`
 * are real resources, custom and module types, SAM Globals, and how to name a property path in
 * a message.
 */
import { rangeHas } from "../../lines";
import type { MapNode, Node } from "../../model";
import { mapGet } from "../../nodes";
import {
  hasTransformKey,
  isForEachKey,
  isString,
  type Reference,
  type ResourceInfo,
  type TemplateIndex,
} from "../template-index";

const real = new WeakMap<TemplateIndex, readonly ResourceInfo[]>();

/**
 * Whether a Fn::Transform rewrites the resource: a macro, or an AWS::Include snippet, called at the
 * resource's level or in its Properties (`Fn::Transform: DynamoDBDefaults` beside the properties
 * it completes). What CloudFormation deploys is the macro's output, which the template does not
 * show: the Type or properties may come from it.
 */
export function transformedResource(resource: ResourceInfo): boolean {
  return hasTransformKey(resource.body) || hasTransformKey(resource.properties?.value);
}

/**
 * The resources rules should look at: every entry of Resources except Fn::ForEach loops. A list
 * made once per template: a dozen rules go over it, and a generator costs more per step.
 */
export function realResources(template: TemplateIndex): readonly ResourceInfo[] {
  let list = real.get(template);
  if (!list) {
    const found: ResourceInfo[] = [];
    for (const resource of template.resources.values())
      if (!isForEachKey(resource.name)) found.push(resource);
    list = found;
    real.set(template, list);
  }
  return list;
}

const byResource = new WeakMap<TemplateIndex, Map<string, Reference[]>>();
const NO_REFERENCES: readonly Reference[] = [];

/**
 * The Refs, GetAtts and `${}` written inside one resource, in template order; grouped once per
 * template for the rules that ask about several resources.
 */
export function referencesFrom(template: TemplateIndex, resource: string): readonly Reference[] {
  let grouped = byResource.get(template);
  if (!grouped) {
    grouped = new Map();
    for (const ref of template.references) {
      if (ref.from[0] !== "Resources" || ref.from[1] === undefined) continue;
      if (ref.kind !== "Ref" && ref.kind !== "GetAtt" && ref.kind !== "Sub") continue;
      const list = grouped.get(ref.from[1]);
      if (list) list.push(ref);
      else grouped.set(ref.from[1], [ref]);
    }
    byResource.set(template, grouped);
  }
  return grouped.get(resource) ?? NO_REFERENCES;
}

/**
 * The Refs, GetAtts and `${}` written inside one value of a resource (a SourceArn, a policy's
 * Roles), whatever they name: callers that want resources only look the target up.
 */
export function referencesWithin(template: TemplateIndex, resource: string, value: Node): Reference[] {
  const found: Reference[] = [];
  for (const ref of referencesFrom(template, resource))
    if (rangeHas(value.range, ref.range.start)) found.push(ref);
  return found;
}

/** Custom resources take any properties their provider understands. */
export function isCustomType(type: string): boolean {
  return type.startsWith("Custom::") || type === "AWS::CloudFormation::CustomResource";
}

/** Modules (`Org::Service::Thing::MODULE`) come from the account's registry, not the spec. */
export function isModuleType(type: string): boolean {
  return type.endsWith("::MODULE");
}

/**
 * SAM types whose unknown top-level properties the transform passes over without a word (the
 * installed translator, 1.110: an `ApiKey` written for `ApiKeys` leaves the API without keys). The
 * transform refuses unknown keys inside their settings, which the SAM supplement types (E3002), and
 * every other SAM type refuses an unknown property. W0001 reports these; E3002 leaves them alone.
 */
export const SAM_TYPES_IGNORING_UNKNOWN_PROPERTIES: ReadonlySet<string> = new Set([
  "AWS::Serverless::GraphQLApi",
]);

/**
 * The Globals subsections SAM supports and the resource type each one applies to
 * (AWS SAM Developer Guide, "Globals section of the AWS SAM template").
 */
export const SAM_GLOBALS: Record<string, string> = {
  Function: "AWS::Serverless::Function",
  Api: "AWS::Serverless::Api",
  HttpApi: "AWS::Serverless::HttpApi",
  SimpleTable: "AWS::Serverless::SimpleTable",
  StateMachine: "AWS::Serverless::StateMachine",
  CapacityProvider: "AWS::Serverless::CapacityProvider",
  LayerVersion: "AWS::Serverless::LayerVersion",
  WebSocketApi: "AWS::Serverless::WebSocketApi",
};

/** The Globals subsection (a mapping) that applies to resources of `type`, when SAM is on. */
export function globalsFor(template: TemplateIndex, type: string): MapNode | undefined {
  if (!template.sam) return undefined;
  const globals = template.sections.get("Globals")?.map;
  for (const [key, globalType] of Object.entries(SAM_GLOBALS)) {
    if (globalType !== type) continue;
    const value = mapGet(globals, key)?.value;
    return value?.kind === "map" ? value : undefined;
  }
  return undefined;
}

/** Whether a SAM resource opts out of the Globals property `key` with IgnoreGlobals ("*" or a list naming it). */
export function ignoresGlobal(resource: ResourceInfo, key: string): boolean {
  const ignored = mapGet(resource.body, "IgnoreGlobals")?.value;
  if (isString(ignored)) return ignored.value === "*";
  return ignored?.kind === "seq" && ignored.items.some((item) => isString(item) && item.value === key);
}

/** `LaunchTemplateData.BlockDeviceMappings[0].Ebs`: a property path as people write it. */
export function displayPath(path: readonly (string | number)[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out === "" ? segment : `.${segment}`;
  }
  return out;
}
