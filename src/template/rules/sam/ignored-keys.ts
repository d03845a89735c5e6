import type { SpecIndex } from "../../spec/types";
import { didYouMean } from "../../suggest";
import { isSamResource, resourceAttributes } from "../resources/configuration";
import { realResources, SAM_TYPES_IGNORING_UNKNOWN_PROPERTIES } from "../resources/shared";
import type { Report, Rule } from "../rule";
import { SAM_FUNCTION } from "../services/lambda";
import { presentEntry, propertySets, resourcesOfType, samNamedRole } from "../services/values";
import { isForEachKey, type TemplateIndex } from "../template-index";
import { APPLICATION_LOCATION_KEYS, applicationLocations } from "./application";
import { eventType, SAM_GUIDE, samEvents } from "./events";

/** Function properties SAM reads only to make the execution role. */
const ROLE_SETTINGS = ["Policies", "PermissionsBoundary", "AssumeRolePolicyDocument", "RolePath"];

/** Besides Type and Properties, the resource attributes SAM may read from an event. */
const EVENT_KEYS = new Set([
  "Type",
  "Properties",
  "DependsOn",
  "Condition",
  "DeletionPolicy",
  "UpdatePolicy",
  "UpdateReplacePolicy",
  "Metadata",
]);

/**
 * Keys the SAM transform reads past without a word, so the setting they were meant to make is
 * silently lost: an event property written beside `Type` instead of under `Properties` (a
 * `PayloadFormatVersion` that never reaches the route), or an extra key in an application's
 * Location, or the settings of the execution role SAM makes (Policies, PermissionsBoundary,
 * AssumeRolePolicyDocument, RolePath) on a function that names its own Role, for which SAM makes
 * none (the SAM guide: "If the Role property is set, this property is ignored"), or a key beside
 * Type and Properties of a SAM resource that is no resource attribute (a `Description` one level
 * too high: SAM keeps only the attributes it knows, and E3001 leaves these to this rule), or an unknown
 * property of a GraphQL API (see SAM_TYPES_IGNORING_UNKNOWN_PROPERTIES). A warning, since
 * the template deploys. cfn-lint has no id for this (the transform reports nothing); W0001 sits
 * beside E0001, the transform's errors.
 */
export const samIgnoredKeys: Rule = {
  id: "W0001",
  severity: "warning",
  shortDescription: "No keys that the SAM transform ignores",
  description:
    "A SAM resource has only the resource attributes SAM reads (and a GraphQL API only its own properties), and an event of a SAM function or state machine " +
    "only Type and Properties (their properties go under Properties); the object form of an application's " +
    "Location holds only ApplicationId and SemanticVersion.",
  source: `${SAM_GUIDE}/sam-property-function-eventsource.html`,
  tags: ["sam", "events"],
  check({ template, spec, report }) {
    if (template.sam) ignoredResourceKeys(template, spec, report);
    for (const event of samEvents(template)) {
      const { resource, entry } = event;
      const type = eventType(event);
      const spec = type === undefined ? undefined : event.sources[type];
      for (const key of event.body?.entries ?? []) {
        if (EVENT_KEYS.has(key.key) || isForEachKey(key.key)) continue;
        const belongs = spec && (spec.required.includes(key.key) || spec.optional.includes(key.key));
        const fix = belongs ? "; it belongs under Properties" : "";
        report(
          key.keyRange,
          `SAM ignores '${key.key}' in event ${entry.key} of ${resource.name}: an event holds Type and Properties${fix}`,
          { path: ["Resources", resource.name, "Properties", "Events", entry.key, key.key] },
        );
      }
    }
    for (const resource of resourcesOfType(template, SAM_FUNCTION)) {
      for (const { properties } of propertySets(resource)) {
        if (!samNamedRole(properties)) continue;
        for (const key of ROLE_SETTINGS) {
          const entry = presentEntry(properties, key);
          if (!entry) continue;
          report(
            entry.keyRange,
            `SAM ignores ${key} of ${resource.name}, which names its own Role: SAM applies ${key} only to the ` +
              `execution role it makes when there is no Role; put it on the role that Role names, or remove Role`,
            { path: ["Resources", resource.name, "Properties", key] },
          );
        }
      }
    }
    for (const { resource, location } of applicationLocations(template)) {
      for (const key of location.entries) {
        if (APPLICATION_LOCATION_KEYS.includes(key.key)) continue;
        report(
          key.keyRange,
          `SAM ignores '${key.key}' in the Location of ${resource.name}: it reads ApplicationId and SemanticVersion`,
          { path: ["Resources", resource.name, "Properties", "Location", key.key] },
        );
      }
    }
  },
};

/**
 * Keys of a SAM resource the transform drops: beside Type and Properties, one that is no resource
 * attribute; under Properties of a type in SAM_TYPES_IGNORING_UNKNOWN_PROPERTIES, one the type lacks.
 */
function ignoredResourceKeys(template: TemplateIndex, spec: SpecIndex, report: Report): void {
  const attributes = resourceAttributes(true);
  for (const resource of realResources(template)) {
    if (!resource.body || !isSamResource(true, resource.type)) continue;
    const properties = spec.resource(resource.type)?.properties;
    for (const entry of resource.body.entries) {
      if (attributes.includes(entry.key)) continue;
      const fix =
        properties && Object.hasOwn(properties, entry.key)
          ? `; it belongs under Properties`
          : didYouMean(entry.key, attributes);
      report(
        entry.keyRange,
        `SAM ignores '${entry.key}' of ${resource.name}, which is not a resource attribute, so it has no effect${fix}`,
        { path: ["Resources", resource.name, entry.key] },
      );
    }
    if (!properties || !SAM_TYPES_IGNORING_UNKNOWN_PROPERTIES.has(resource.type)) continue;
    for (const { properties: given } of propertySets(resource)) {
      for (const entry of given.entries) {
        if (Object.hasOwn(properties, entry.key) || isForEachKey(entry.key)) continue;
        report(
          entry.keyRange,
          `SAM ignores property '${entry.key}' of ${resource.name}: the transform passes over properties ` +
            `${resource.type} does not have, so it has no effect${didYouMean(entry.key, Object.keys(properties))}`,
          { path: ["Resources", resource.name, "Properties", entry.key] },
        );
      }
    }
  }
}
