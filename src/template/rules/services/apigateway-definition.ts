/**
 * W3660: a REST API defined by an OpenAPI document (a RestApi's Body or BodyS3Location, or any
 * AWS::Serverless::Api, which the SAM transform always gives a Body, written from its events when
 * it has no DefinitionBody) that resources of the template also change: a Resource, Method, Model,
 * GatewayResponse, RequestValidator or Authorizer that refers to it. CloudFormation imports the
 * document with PutRestApi, and in overwrite mode each update of the document deletes what those
 * resources made, while the stack still lists them: drift, and resources that exist only on paper.
 *
 * A RestApi with `Mode: merge` is left alone (cfn-lint reports it too): in merge mode "items from
 * the existing API that aren't specifically defined in the imported definition are left alone"
 * (API Gateway Developer Guide, "Import an OpenAPI file to update an existing API definition").
 */
import type { Range } from "../../model";
import { realResources, referencesFrom } from "../resources/shared";
import type { Rule } from "../rule";
import type { TemplateIndex } from "../template-index";
import { literalString, presentEntry, propertySets, resourcesOfType } from "./values";

/** The resource types that change a REST API's definition on their own. */
const CHANGES_DEFINITION = new Set([
  "AWS::ApiGateway::Method",
  "AWS::ApiGateway::Model",
  "AWS::ApiGateway::Resource",
  "AWS::ApiGateway::GatewayResponse",
  "AWS::ApiGateway::RequestValidator",
  "AWS::ApiGateway::Authorizer",
]);

export const definitionMixedWithResources: Rule = {
  id: "W3660",
  severity: "warning",
  shortDescription: "A REST API defined by an OpenAPI document is not also changed by other resources",
  description:
    "A RestApi with Body or BodyS3Location, or a SAM Api, is overwritten by its OpenAPI document on every " +
    "update: API Gateway Methods, Resources, Models, GatewayResponses, RequestValidators and Authorizers " +
    "that refer to it are deleted from the API while the stack still lists them.",
  source: "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-import-api-update.html",
  tags: ["resources", "apigateway"],
  check({ template, report }) {
    const apis = definedApis(template);
    if (apis.size === 0) return;
    for (const resource of realResources(template)) {
      if (!resource.type || !CHANGES_DEFINITION.has(resource.type)) continue;
      const named = new Set<string>();
      for (const ref of referencesFrom(template, resource.name)) {
        const api = apis.get(ref.target);
        if (!api || named.has(ref.target)) continue;
        named.add(ref.target);
        const kind = resource.type.slice("AWS::ApiGateway::".length);
        for (const definition of api.definedBy) {
          const where = definition.key
            ? `its ${definition.key}`
            : "the OpenAPI document SAM writes from its events";
          const fix = definition.key
            ? `define it in ${definition.key} instead, or set Mode: merge on '${ref.target}'`
            : `define it in a DefinitionBody of '${ref.target}', or set Mode: merge on it`;
          report(
            definition.at,
            `${kind} '${resource.name}' changes API '${ref.target}', which is defined by ${where}: every update ` +
              `overwrites the API with that document and deletes what '${resource.name}' made, while the stack ` +
              `still lists it; ${fix}`,
            { path: ["Resources", ref.target, ...(definition.key ? ["Properties", definition.key] : [])] },
          );
        }
      }
    }
  },
};

interface DefinedApi {
  /** Where each definition is written; a SAM Api without one: its logical id, and no key. */
  definedBy: { key?: string; at: Range }[];
}

const DEFINITIONS: Record<string, readonly string[]> = {
  "AWS::ApiGateway::RestApi": ["Body", "BodyS3Location"],
  "AWS::Serverless::Api": ["DefinitionBody", "DefinitionUri"],
};

/** The APIs of the template that an OpenAPI document defines in overwrite mode, by logical id. */
function definedApis(template: TemplateIndex): Map<string, DefinedApi> {
  const found = new Map<string, DefinedApi>();
  const types = template.sam ? Object.keys(DEFINITIONS) : ["AWS::ApiGateway::RestApi"];
  for (const api of resourcesOfType(template, ...types)) {
    const keys = DEFINITIONS[api.type as string];
    const definedBy: DefinedApi["definedBy"] = [];
    let merged = false;
    for (const { properties } of propertySets(api)) {
      if (literalString(presentEntry(properties, "Mode")?.value)?.toLowerCase() === "merge") merged = true;
      for (const key of keys) {
        const entry = presentEntry(properties, key);
        if (entry && !definedBy.some(({ at }) => at === entry.keyRange))
          definedBy.push({ key, at: entry.keyRange });
      }
    }
    // SAM writes a Body from the functions' Api events when the Api has no definition of its own.
    if (definedBy.length === 0 && api.type === "AWS::Serverless::Api")
      definedBy.push({ at: api.entry.keyRange });
    if (!merged && definedBy.length > 0) found.set(api.name, { definedBy });
  }
  return found;
}
