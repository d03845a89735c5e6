/**
 * The dynamic references of a template (`{{resolve:service:key...}}` in string values), parsed
 * once and shared by the rules on their syntax (E1050) and on where each service may be used
 * (E1051, E1052, E1027).
 */
import type { Range } from "../../model";
import { subRange, type TemplateIndex, USER_GUIDE } from "../template-index";
import { type StringSite, splitResourcePath, stringSites } from "./strings";
import { hasDynamicReference } from "./values";

export const DYNAMIC_REFERENCES_DOCS = `${USER_GUIDE}/dynamic-references.html`;

export interface DynamicReference {
  site: StringSite;
  range: Range;
  /** The service: ssm, ssm-secure, secretsmanager, or anything else written there. */
  service: string;
  /** The `:`-separated parts after the service. */
  parts: string[];
  /** The text between `{{` and `}}`. */
  text: string;
}

/**
 * Whether CloudFormation resolves dynamic references where the string sits: resource properties
 * (and SAM Globals, which become properties), output values, and parameter defaults and allowed
 * values.
 */
export function resolvedHere(site: StringSite, sam: boolean): boolean {
  const path = site.path;
  switch (path[0]) {
    case "Resources":
      return splitResourcePath(path)?.inside[0] === "Properties";
    case "Outputs":
      return path[2] === "Value";
    case "Parameters":
      return path[2] === "Default" || path[2] === "AllowedValues";
    case "Globals":
      return sam;
    default:
      return false;
  }
}

const REFERENCE = /\{\{resolve:(.*?)\}\}/gs;

const cache = new WeakMap<TemplateIndex, DynamicReference[]>();

export function dynamicReferences(template: TemplateIndex): DynamicReference[] {
  const cached = cache.get(template);
  if (cached) return cached;
  const references: DynamicReference[] = [];
  for (const site of stringSites(template)) {
    if (!hasDynamicReference(site.node.value)) continue;
    const inSub = site.functions.includes("Fn::Sub");
    for (const match of site.node.value.matchAll(REFERENCE)) {
      // Inside Fn::Sub, `${...}` is filled in before the reference is resolved.
      if (inSub && match[1].includes("${")) continue;
      const [service, ...parts] = match[1].split(":");
      references.push({
        site,
        range: subRange(site.node, match.index ?? 0, match[0].length),
        service,
        parts,
        text: `resolve:${match[1]}`,
      });
    }
  }
  cache.set(template, references);
  return references;
}
