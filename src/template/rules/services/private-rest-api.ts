/**
 * E3973 (our own id): a private REST API that is deployed has a resource policy. API Gateway
 * deploys a private API only with a resource policy, and otherwise fails the Deployment with
 * "Private REST API doesn't have a resource policy attached to it" (BadRequestException): the
 * stack rolls back after the API and its methods are made (serverless-application-model#925, with
 * `EndpointConfiguration: PRIVATE` in Globals.Api; terraform-provider-aws#14290). cfn-lint has no
 * such check.
 *
 * Read where the template tells all of it: an AWS::ApiGateway::RestApi whose EndpointConfiguration
 * Types lists PRIVATE, with no Policy, no BodyS3Location and no `x-amazon-apigateway-policy` in an
 * inline Body, and a Deployment of the template for it; an AWS::Serverless::Api (which the
 * transform always deploys) whose EndpointConfiguration, its own or from Globals, is PRIVATE, with
 * no Auth.ResourcePolicy, no DefinitionUri and no `x-amazon-apigateway-policy` in an inline
 * DefinitionBody.
 */
import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import { apiKey } from "./apigateway";
import {
  inheritedProperty,
  isAbsent,
  literalString,
  plainMap,
  presentEntry,
  propertySets,
  resourcesOfType,
} from "./values";

const REST_API = "AWS::ApiGateway::RestApi";
const SAM_API = "AWS::Serverless::Api";
const POLICY_EXTENSION = "x-amazon-apigateway-policy";

const ADVICE =
  "add a resource policy that allows execute-api:Invoke through your VPC endpoint (aws:SourceVpce), or make the " +
  "endpoint REGIONAL";

export const privateRestApiPolicy: Rule = {
  id: "E3973",
  severity: "error",
  shortDescription: "A private REST API that is deployed has a resource policy",
  description:
    "API Gateway refuses to deploy a REST API whose endpoint is PRIVATE without a resource policy (Policy, or a SAM " +
    "Api's Auth.ResourcePolicy).",
  source: "https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-private-api-create.html",
  tags: ["resources", "apigateway"],
  resourceTypes: [REST_API, SAM_API],
  check({ template, report }) {
    for (const api of resourcesOfType(template, REST_API)) {
      for (const { properties } of propertySets(api)) {
        const types = mapGet(plainMap(mapGet(properties, "EndpointConfiguration")?.value), "Types")?.value;
        const privateType =
          types?.kind === "seq" ? types.items.find((item) => literalString(item) === "PRIVATE") : undefined;
        if (!privateType || !isAbsent(properties, "Policy") || !isAbsent(properties, "BodyS3Location"))
          continue;
        if (!isAbsent(properties, "Body") && !definitionWithoutPolicy(mapGet(properties, "Body")?.value))
          continue;
        const deployment = resourcesOfType(template, "AWS::ApiGateway::Deployment").find((candidate) =>
          propertySets(candidate).some(
            ({ properties: set }) =>
              apiKey(template, presentEntry(set, "RestApiId")?.value) === `ref:${api.name}`,
          ),
        );
        if (!deployment) continue;
        report(
          privateType,
          `REST API ${api.name} is PRIVATE and has no Policy, and API Gateway refuses to deploy a private API ` +
            `without a resource policy, so Deployment ${deployment.name} fails; ${ADVICE}`,
          { path: ["Resources", api.name, "Properties", "EndpointConfiguration", "Types"] },
        );
      }
    }
    for (const api of resourcesOfType(template, SAM_API)) {
      for (const set of propertySets(api)) {
        const endpoint = inheritedProperty(template, set, "EndpointConfiguration");
        const type =
          literalString(endpoint?.entry.value) ?? literalString(mapGet(endpoint?.entry.value, "Type")?.value);
        if (!endpoint || type !== "PRIVATE" || !isAbsent(set.properties, "DefinitionUri")) continue;
        const auth = inheritedProperty(template, set, "Auth");
        if (auth && (!plainMap(auth.entry.value) || mapGet(auth.entry.value, "ResourcePolicy"))) continue;
        const body = mapGet(set.properties, "DefinitionBody")?.value;
        if (body && !definitionWithoutPolicy(body)) continue;
        // An inherited setting is reported at each Api that inherits it, where its deployment fails.
        report(
          endpoint.inherited ? api.entry.keyRange : endpoint.entry.value,
          `Api ${api.name} is PRIVATE${endpoint.inherited ? " (from Globals.Api)" : ""} and has no ` +
            `Auth.ResourcePolicy, and API Gateway refuses to deploy a private API without a resource policy, so its ` +
            `deployment fails; ${ADVICE}`,
          { path: ["Resources", api.name, "Properties", "EndpointConfiguration"] },
        );
      }
    }
  },
};

/** Whether an inline OpenAPI definition is written out and gives no resource policy. */
function definitionWithoutPolicy(definition: Node | undefined): boolean {
  const map = plainMap(definition);
  return map !== undefined && mapGet(map, POLICY_EXTENSION) === undefined;
}
