import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import { APPLICATION_LOCATION_KEYS, applicationLocations } from "./application";
import { SAM_GUIDE } from "./events";

/**
 * The transform looks an application up in the Serverless Application Repository by ApplicationId
 * and SemanticVersion and fails without either. cfn-lint runs the transform with that lookup
 * turned off and so misses this; the deploy does not.
 */
export const samApplicationLocation: Rule = {
  id: "E0001",
  severity: "error",
  shortDescription: "SAM application locations name an application and a version",
  description:
    "The Location of an AWS::Serverless::Application is a template URL or file path, or a mapping with both " +
    "ApplicationId and SemanticVersion.",
  source: `${SAM_GUIDE}/sam-resource-application.html`,
  tags: ["sam", "application"],
  check({ template, report }) {
    for (const { resource, location } of applicationLocations(template)) {
      const missing = APPLICATION_LOCATION_KEYS.filter((key) => !mapGet(location, key));
      if (missing.length === 0) continue;
      const entry = mapGet(resource.properties?.value, "Location");
      report(
        entry?.keyRange ?? location.range,
        `The Location of ${resource.name} needs ${missing.join(" and ")} (or a template URL instead of a mapping)`,
        { path: ["Resources", resource.name, "Properties", "Location"] },
      );
    }
  },
};
