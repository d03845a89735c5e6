/** The object form of the Location of SAM applications, which the transform resolves in the Serverless Application Repository. */
import type { MapNode } from "../../model";
import { mapGet } from "../../nodes";
import type { ResourceInfo, TemplateIndex } from "../template-index";
import { isFunctionCall } from "./events";

export const APPLICATION_LOCATION_KEYS = ["ApplicationId", "SemanticVersion"];

export interface ApplicationLocation {
  resource: ResourceInfo;
  location: MapNode;
}

/** Every `AWS::Serverless::Application` whose Location is a mapping written out. */
export function applicationLocations(template: TemplateIndex): ApplicationLocation[] {
  const out: ApplicationLocation[] = [];
  if (!template.sam) return out;
  for (const resource of template.resources.values()) {
    if (resource.type !== "AWS::Serverless::Application") continue;
    const location = mapGet(resource.properties?.value, "Location")?.value;
    if (location?.kind === "map" && !isFunctionCall(location)) out.push({ resource, location });
  }
  return out;
}
