/**
 * CORS settings the SAM transform refuses: credentials allowed for any origin. On an
 * AWS::Serverless::Api, `Cors` with `AllowCredentials: true` and an AllowOrigin of `"'*'"` or none
 * (the transform's default is `'*'`); on an AWS::Serverless::HttpApi, `CorsConfiguration` with
 * `AllowCredentials: true` and AllowOrigins `["*"]`. The transform merges the mapping of Globals
 * into the API's own, key by key, so each key is read from the API first, then from Globals.
 * Browsers refuse credentials for a wildcard origin, and the transform stops the deploy before
 * that: name the origins instead.
 */
import type { MapEntry, MapNode } from "../../model";
import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import {
  inheritedGlobal,
  literalString,
  plainMap,
  presentEntry,
  propertySets,
  resourcesOfType,
} from "../services/values";
import { SAM_GUIDE } from "./events";

const SITES = [
  { type: "AWS::Serverless::Api", key: "Cors", anyOrigin: anyOriginRest },
  { type: "AWS::Serverless::HttpApi", key: "CorsConfiguration", anyOrigin: anyOriginHttp },
];

/** A key of the merged CORS mapping: the API's own, else that of Globals. */
type Lookup = (key: string) => MapEntry | undefined;

function anyOriginRest(get: Lookup): boolean {
  const origin = get("AllowOrigin");
  return !origin || literalString(origin.value) === "'*'";
}

function anyOriginHttp(get: Lookup): boolean {
  const origins = get("AllowOrigins")?.value;
  return origins?.kind === "seq" && origins.items.length === 1 && literalString(origins.items[0]) === "*";
}

export const samCors: Rule = {
  id: "E0001",
  severity: "error",
  shortDescription: "SAM APIs do not allow credentials for every origin",
  description:
    "The Cors of an AWS::Serverless::Api, or the CorsConfiguration of an AWS::Serverless::HttpApi, with " +
    "AllowCredentials: true names its origins instead of '*'.",
  source: `${SAM_GUIDE}/sam-property-api-corsconfiguration.html`,
  tags: ["sam", "apigateway"],
  check({ template, report }) {
    const reported = new Set<MapEntry>();
    for (const { type, key, anyOrigin } of SITES) {
      for (const resource of resourcesOfType(template, type)) {
        const global = plainMap(inheritedGlobal(template, resource, key)?.value);
        for (const { properties } of propertySets(resource)) {
          const ownEntry = presentEntry(properties, key);
          const own: MapNode | undefined = plainMap(ownEntry?.value);
          // A string or intrinsic of its own replaces Globals; a mapping merges with it.
          if (ownEntry && !own) continue;
          const get: Lookup = (name) => mapGet(own, name) ?? mapGet(global, name);
          const credentials = get("AllowCredentials");
          if (credentials?.value.kind !== "scalar" || credentials.value.value !== true || !anyOrigin(get))
            continue;
          if (reported.has(credentials)) continue;
          reported.add(credentials); // once, when Globals gives it to many APIs
          const fromGlobals = !mapGet(own, "AllowCredentials");
          report(
            credentials.value,
            `${key}${own ? "" : " (from Globals)"} of ${resource.name} allows credentials for any origin, which the ` +
              `SAM transform refuses; list the origins allowed (${key === "Cors" ? "AllowOrigin" : "AllowOrigins"}) ` +
              "or drop AllowCredentials",
            {
              path: fromGlobals
                ? ["Globals", type.slice("AWS::Serverless::".length), key, "AllowCredentials"]
                : ["Resources", resource.name, "Properties", key, "AllowCredentials"],
            },
          );
        }
      }
    }
  },
};
