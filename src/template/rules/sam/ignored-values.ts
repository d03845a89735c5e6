/**
 * W0001, for values: an AWS::Serverless::Api's `Cors` AllowCredentials that is not a boolean. The
 * transform adds the Access-Control-Allow-Credentials header only when AllowCredentials is the
 * boolean true (it tests `is True`) and leaves any other value out without a word, so a value
 * written as the other Cors values are (`"'true'"`, `"'*'"`), or the text "true", never reaches the
 * API: the browser then refuses credentialed requests. The template deploys, so a warning; E3012
 * leaves this value to this rule (isIgnoredBySam). An AWS::Serverless::HttpApi's CorsConfiguration
 * goes to API Gateway as written, and E3012 judges it there. Checked against the installed
 * transform: `AllowCredentials: "'*'"` translates, and the API has no credentials header.
 */
import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import { propertySets, resourcesOfType } from "../services/values";
import { intrinsicName } from "../template-index";
import { SAM_GUIDE } from "./events";

const API = "AWS::Serverless::Api";

/** Whether the transform ignores a wrong-typed value at `path` (inside Properties) of a `type`. */
export function isIgnoredBySam(type: string, path: readonly (string | number)[]): boolean {
  return type === API && path.length === 2 && path[0] === "Cors" && path[1] === "AllowCredentials";
}

/** The AllowCredentials of a Cors mapping when it is a scalar the transform ignores. */
function ignoredCredentials(cors: Node | undefined): Node | undefined {
  if (cors?.kind !== "map" || intrinsicName(cors)) return undefined;
  const value = mapGet(cors, "AllowCredentials")?.value;
  // Left empty reads as not set; a function is the transform's own business.
  if (value?.kind !== "scalar" || value.value === null || typeof value.value === "boolean") return undefined;
  return value;
}

function message(owner: string, value: Node): string {
  const shown = value.kind === "scalar" ? JSON.stringify(value.value) : "";
  return (
    `Cors AllowCredentials ${owner} is ${shown}: SAM adds the Access-Control-Allow-Credentials header only for ` +
    "the boolean true and ignores any other value, so no credentials header is sent. Write AllowCredentials: " +
    "true (or false), without quotes"
  );
}

export const samIgnoredValues: Rule = {
  id: "W0001",
  severity: "warning",
  shortDescription: "No values that the SAM transform ignores",
  description:
    "An AWS::Serverless::Api's Cors AllowCredentials is the boolean true or false: the SAM transform adds the " +
    "credentials header only for true, and ignores any other value without an error.",
  source: `${SAM_GUIDE}/sam-property-api-corsconfiguration.html`,
  tags: ["sam", "api", "cors"],
  check({ template, report }) {
    if (!template.sam) return;
    const globals = mapGet(template.sections.get("Globals")?.map, "Api")?.value;
    const inGlobals = ignoredCredentials(mapGet(globals, "Cors")?.value);
    if (inGlobals) {
      report(inGlobals, message("in Globals.Api", inGlobals), {
        path: ["Globals", "Api", "Cors", "AllowCredentials"],
      });
    }
    for (const resource of resourcesOfType(template, API)) {
      for (const set of propertySets(resource)) {
        const value = ignoredCredentials(mapGet(set.properties, "Cors")?.value);
        if (!value) continue;
        report(value, message(`of ${resource.name}`, value), {
          path: ["Resources", resource.name, "Properties", "Cors", "AllowCredentials"],
        });
      }
    }
  },
};
