/** What the Lambda function rules share: the function types and the properties each one sees. */
import type { MapEntry, MapNode, Node } from "../../model";
import { mapGet } from "../../nodes";
import type { ResourceInfo, TemplateIndex } from "../template-index";
import { inheritedGlobal, mayBeNoValue, type PropertySet, plainMap, presentEntry } from "./values";

export const FUNCTION = "AWS::Lambda::Function";
export const SAM_FUNCTION = "AWS::Serverless::Function";

/**
 * A property of a function as deployed: its own entry, else (SAM) the Globals.Function entry it
 * inherits; `inherited` tells which.
 */
export function functionProperty(
  template: TemplateIndex,
  set: PropertySet,
  key: string,
): { entry: MapEntry; inherited: boolean } | undefined {
  const own = presentEntry(set.properties, key);
  if (own) return { entry: own, inherited: false };
  if (set.properties.entries.some((entry) => entry.key === key)) return undefined;
  const global = samGlobal(template, set.resource, key);
  return global ? { entry: global, inherited: true } : undefined;
}

function samGlobal(template: TemplateIndex, resource: ResourceInfo, key: string): MapEntry | undefined {
  if (resource.type !== SAM_FUNCTION) return undefined;
  const entry = inheritedGlobal(template, resource, key);
  return entry && !mayBeNoValue(entry.value) ? entry : undefined;
}

/** The Variables mapping of an Environment value, when both are written out. */
export function environmentVariables(environment: Node | undefined): MapNode | undefined {
  return plainMap(mapGet(plainMap(environment), "Variables")?.value);
}
