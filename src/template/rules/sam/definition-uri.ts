/**
 * What the SAM transform refuses on an API whose OpenAPI document is a file (DefinitionUri): it
 * edits only a document written inline (DefinitionBody, or the one it generates from the events),
 * so the settings it would write into the document have nowhere to go. On an AWS::Serverless::Api:
 * Cors, Auth, GatewayResponses, Models and DisableExecuteApiEndpoint, MergeDefinitions, and
 * DefinitionBody beside DefinitionUri; on an AWS::Serverless::HttpApi: CorsConfiguration, Auth,
 * Tags, Description, Name and DisableExecuteApiEndpoint (the translator's api_generator.py and
 * http_api_generator.py). Globals count, as the transform merges them.
 */
import type { MapEntry } from "../../model";
import type { Rule } from "../rule";
import { inheritedProperty, literalBoolean, propertySets, resourcesOfType } from "../services/values";
import { SAM_GUIDE } from "./events";

/** The settings, each with whether any value (even false) is refused, or only one that is set. */
const INLINE_ONLY: Record<string, Record<string, "present" | "set">> = {
  "AWS::Serverless::Api": {
    DefinitionBody: "present",
    Cors: "set",
    Auth: "set",
    GatewayResponses: "set",
    Models: "set",
    DisableExecuteApiEndpoint: "present",
    MergeDefinitions: "set",
  },
  "AWS::Serverless::HttpApi": {
    DefinitionBody: "present",
    CorsConfiguration: "set",
    Auth: "set",
    Tags: "set",
    Description: "set",
    Name: "set",
    DisableExecuteApiEndpoint: "present",
  },
};

/** Whether a value counts as set for the translator (a Python truthy value), as far as the template tells. */
function isSet(entry: MapEntry): boolean {
  const value = entry.value;
  if (value.kind === "map") return value.entries.length > 0;
  if (value.kind === "seq") return value.items.length > 0;
  return value.value !== null && value.value !== "" && literalBoolean(value) !== false && value.value !== 0;
}

export const samDefinitionUri: Rule = {
  id: "E0001",
  severity: "error",
  shortDescription:
    "SAM APIs defined by a DefinitionUri file take no settings the transform writes into the document",
  description:
    "An AWS::Serverless::Api or HttpApi whose OpenAPI document is a DefinitionUri file has no DefinitionBody, and " +
    "no Cors, Auth or other setting that the SAM transform adds to an inline document.",
  source: `${SAM_GUIDE}/sam-resource-api.html`,
  tags: ["sam", "apigateway"],
  check({ template, report }) {
    for (const [type, settings] of Object.entries(INLINE_ONLY)) {
      for (const resource of resourcesOfType(template, type)) {
        for (const set of propertySets(resource)) {
          const uri = inheritedProperty(template, set, "DefinitionUri");
          if (!uri) continue;
          for (const [key, refused] of Object.entries(settings)) {
            const setting = inheritedProperty(template, set, key);
            if (!setting || (refused === "set" && !isSet(setting.entry))) continue;
            const from = setting.inherited ? " (from Globals)" : "";
            report(
              setting.inherited ? resource.entry.keyRange : setting.entry.keyRange,
              key === "DefinitionBody"
                ? `${resource.name} has both DefinitionUri and DefinitionBody${from}; the SAM transform takes one of them`
                : `${key}${from} of ${resource.name} works only with an inline OpenAPI document, and ${resource.name} ` +
                    `reads its document from DefinitionUri${uri.inherited ? " (from Globals)" : ""}: the SAM transform ` +
                    `refuses it; write ${key} into the document, or inline the document as DefinitionBody ` +
                    "(Fn::Transform with AWS::Include reads it from S3)",
              { path: ["Resources", resource.name, "Properties", key] },
            );
          }
        }
      }
    }
  },
};
