/**
 * E3685: a container-image function (PackageType Image) takes its entry point and runtime from
 * the image, so it cannot set Handler, Runtime or Layers; Lambda (and the SAM transform, for
 * AWS::Serverless::Function) rejects them.
 *
 * Beyond cfn-lint, which checks AWS::Lambda::Function, SAM functions are checked too, including a
 * Handler, Runtime or Layers they inherit from Globals.Function (reported at their PackageType,
 * with IgnoreGlobals as the way out).
 */
import { displayPath } from "../resources/shared";
import type { Rule } from "../rule";
import { USER_GUIDE } from "../template-index";
import { FUNCTION, SAM_FUNCTION } from "./lambda";
import { inheritedProperty, literalString, presentEntry, propertySets, resourcesOfType } from "./values";

const EXCLUDED = ["Handler", "Runtime", "Layers"];

export const lambdaImage: Rule = {
  id: "E3685",
  severity: "error",
  shortDescription: "Container image functions set no Handler, Runtime or Layers",
  description:
    "A Lambda function with PackageType Image cannot specify Handler, Runtime or Layers: the container image " +
    "provides them.",
  source: `${USER_GUIDE}/aws-resource-lambda-function.html`,
  tags: ["resources", "lambda"],
  resourceTypes: [FUNCTION, SAM_FUNCTION],
  check({ template, report }) {
    for (const resource of resourcesOfType(template, FUNCTION, SAM_FUNCTION)) {
      for (const set of propertySets(resource)) {
        const packageType = presentEntry(set.properties, "PackageType");
        if (!packageType || literalString(packageType.value) !== "Image") continue;
        for (const key of EXCLUDED) {
          const found = inheritedProperty(template, set, key);
          if (!found) continue;
          const path = ["Resources", resource.name, "Properties", key];
          if (found.inherited) {
            report(
              packageType.value,
              `This function has PackageType Image but inherits ${key} from ${displayPath(["Globals", "Function", key])}; ` +
                `container image functions cannot set ${key}, so add IgnoreGlobals: [${key}] to the function ` +
                "or move the setting off Globals",
              { path },
            );
          } else {
            report(
              found.entry.keyRange,
              `${key} cannot be set on a function with PackageType Image: the container image provides it; remove ${key}`,
              { path },
            );
          }
        }
      }
    }
  },
};
