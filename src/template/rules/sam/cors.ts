/**
 * CORS settings the SAM transform refuses: credentials allowed for any origin. On an
 * AWS::Serverless::Api, `Cors` with `AllowCredentials: true` and an AllowOrigin of `"'*'"` or none
 * (the transform's default is `'*'`); on an AWS::Serverless::HttpApi, `CorsConfiguration` with
 * `AllowCredentials: true` and AllowOrigins `["*"]`. Either may come from Globals. Browsers refuse
 * credentials for a wildcard origin, and the transform stops the deploy before that: name the
 * origins instead.
 */
import type { MapEntry } from "../../model";
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

function anyOriginRest(cors: ReturnType<typeof plainMap>): boolean {
  const origin = mapGet(cors, "AllowOrigin");
  return !origin || literalString(origin.value) === "'*'";
}

function anyOriginHttp(cors: ReturnType<typeof plainMap>): boolean {
  const origins = mapGet(cors, "AllowOrigins")?.value;
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
        for (const { properties } of propertySets(resource)) {
          const own = properties.entries.some((entry) => entry.key === key);
          const entry = own ? presentEntry(properties, key) : inheritedGlobal(template, resource, key);
          const cors = plainMap(entry?.value);
          const credentials = mapGet(cors, "AllowCredentials")?.value;
          if (!entry || !cors || credentials?.kind !== "scalar" || credentials.value !== true) continue;
          if (!anyOrigin(cors) || reported.has(entry)) continue;
          reported.add(entry); // once, when Globals gives it to many APIs
          report(
            credentials,
            `${key}${own ? "" : " (from Globals)"} of ${resource.name} allows credentials for any origin, which the ` +
              `SAM transform refuses; list the origins allowed (${key === "Cors" ? "AllowOrigin" : "AllowOrigins"}) ` +
              "or drop AllowCredentials",
            {
              path: own ? ["Resources", resource.name, "Properties", key] : ["Globals", type.slice(17), key],
            },
          );
        }
      }
    }
  },
};
