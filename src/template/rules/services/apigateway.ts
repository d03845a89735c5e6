/**
 * API Gateway REST APIs written out resource by resource: E3660, a RestApi without an OpenAPI
 * definition has a Name; E3698, a Stage and the Deployment it names belong to the same RestApi;
 * E3699, a Method and its Authorizer belong to the same RestApi; E3708, a Method's
 * AuthorizationType fits its Authorizer's Type (CUSTOM for TOKEN and REQUEST authorizers,
 * COGNITO_USER_POOLS for a user pool one); E3718, a Lambda (TOKEN or REQUEST) authorizer caches
 * its result for at most an hour. CloudFormation fails the stack on each, after creating what came
 * before.
 *
 * Two RestApiId values are compared when both are a Ref to a resource or a literal id; anything
 * else (a parameter, an import) is left alone.
 */
import type { MapEntry, Node } from "../../model";
import type { Report, Rule } from "../rule";
import { isString, type ResourceInfo, type TemplateIndex, USER_GUIDE } from "../template-index";
import {
  literalNumber,
  literalString,
  onlyPropertySet,
  presentEntry,
  propertySets,
  referenceTarget,
  resourcesOfType,
} from "./values";

const REST_API = "AWS::ApiGateway::RestApi";

export const restApiName: Rule = {
  id: "E3660",
  severity: "error",
  shortDescription: "A RestApi without an OpenAPI definition has a Name",
  description: "An AWS::ApiGateway::RestApi needs a Name unless it is defined by Body or BodyS3Location.",
  source: `${USER_GUIDE}/aws-resource-apigateway-restapi.html`,
  tags: ["resources", "apigateway"],
  resourceTypes: [REST_API],
  check({ template, report }) {
    for (const resource of resourcesOfType(template, REST_API)) {
      for (const { properties, bare } of propertySets(resource)) {
        if (properties.entries.some((entry) => ["Name", "Body", "BodyS3Location"].includes(entry.key)))
          continue;
        report(
          bare ? resource.entry.keyRange : (resource.properties?.keyRange ?? resource.entry.keyRange),
          "A RestApi without an OpenAPI definition needs a Name: add Name, or define the API with Body or " +
            "BodyS3Location",
          { path: ["Resources", resource.name, "Properties", "Name"] },
        );
      }
    }
  },
};

export const stageDeploymentApi: Rule = {
  id: "E3698",
  severity: "error",
  shortDescription: "An API Gateway Stage and its Deployment belong to the same RestApi",
  description: "The Deployment a Stage names (DeploymentId) must deploy the RestApi the Stage belongs to.",
  source: `${USER_GUIDE}/aws-resource-apigateway-stage.html`,
  tags: ["resources", "apigateway"],
  resourceTypes: ["AWS::ApiGateway::Stage"],
  check({ template, report }) {
    for (const stage of resourcesOfType(template, "AWS::ApiGateway::Stage")) {
      for (const { properties } of propertySets(stage)) {
        const link = linked(
          template,
          presentEntry(properties, "DeploymentId"),
          "AWS::ApiGateway::Deployment",
        );
        if (!link) continue;
        sameApi(template, presentEntry(properties, "RestApiId"), link, report, {
          owner: `Stage '${stage.name}'`,
          what: "deployment",
          path: ["Resources", stage.name, "Properties", "DeploymentId"],
        });
      }
    }
  },
};

export const methodAuthorizerApi: Rule = {
  id: "E3699",
  severity: "error",
  shortDescription: "An API Gateway Method and its Authorizer belong to the same RestApi",
  description: "The Authorizer a Method names (AuthorizerId) must belong to the RestApi of the Method.",
  source: `${USER_GUIDE}/aws-resource-apigateway-method.html`,
  tags: ["resources", "apigateway"],
  resourceTypes: ["AWS::ApiGateway::Method"],
  check({ template, report }) {
    for (const method of resourcesOfType(template, "AWS::ApiGateway::Method")) {
      for (const { properties } of propertySets(method)) {
        const link = linked(template, presentEntry(properties, "AuthorizerId"), AUTHORIZER);
        if (!link) continue;
        sameApi(template, presentEntry(properties, "RestApiId"), link, report, {
          owner: `Method '${method.name}'`,
          what: "authorizer",
          path: ["Resources", method.name, "Properties", "AuthorizerId"],
        });
      }
    }
  },
};

const AUTHORIZER = "AWS::ApiGateway::Authorizer";

/** The authorizer types each AuthorizationType works with. */
const AUTHORIZER_TYPES: Record<string, string[]> = {
  CUSTOM: ["TOKEN", "REQUEST"],
  COGNITO_USER_POOLS: ["COGNITO_USER_POOLS"],
};

export const methodAuthorizerType: Rule = {
  id: "E3708",
  severity: "error",
  shortDescription: "An API Gateway Method's AuthorizationType fits its Authorizer's Type",
  description:
    "A Method with AuthorizationType CUSTOM needs a TOKEN or REQUEST authorizer; one with COGNITO_USER_POOLS " +
    "needs a COGNITO_USER_POOLS authorizer.",
  source: `${USER_GUIDE}/aws-resource-apigateway-method.html`,
  tags: ["resources", "apigateway"],
  resourceTypes: ["AWS::ApiGateway::Method"],
  check({ template, report }) {
    for (const method of resourcesOfType(template, "AWS::ApiGateway::Method")) {
      for (const { properties } of propertySets(method)) {
        const authorization = presentEntry(properties, "AuthorizationType");
        const wanted = AUTHORIZER_TYPES[literalString(authorization?.value) ?? ""];
        const link = wanted && linked(template, presentEntry(properties, "AuthorizerId"), AUTHORIZER);
        const set = link && onlyPropertySet(link.resource);
        const type = set && literalString(presentEntry(set.properties, "Type")?.value);
        if (!authorization || !link || type === undefined || wanted.includes(type)) continue;
        report(
          authorization.value,
          `AuthorizationType ${literalString(authorization.value)} needs a ${wanted.join(" or ")} authorizer, and ` +
            `'${link.resource.name}' is a ${type} authorizer; set AuthorizationType to ` +
            `${type === "COGNITO_USER_POOLS" ? "COGNITO_USER_POOLS" : "CUSTOM"} or name another authorizer`,
          { path: ["Resources", method.name, "Properties", "AuthorizationType"] },
        );
      }
    }
  },
};

export const authorizerTtl: Rule = {
  id: "E3718",
  severity: "error",
  shortDescription: "A Lambda authorizer caches its result for at most 3600 seconds",
  description: "AuthorizerResultTtlInSeconds of a TOKEN or REQUEST authorizer is at most 3600.",
  source: "https://docs.aws.amazon.com/apigateway/latest/api/API_CreateAuthorizer.html",
  tags: ["resources", "apigateway"],
  resourceTypes: [AUTHORIZER],
  check({ template, report }) {
    for (const authorizer of resourcesOfType(template, AUTHORIZER)) {
      for (const { properties } of propertySets(authorizer)) {
        const type = literalString(presentEntry(properties, "Type")?.value);
        const ttl = presentEntry(properties, "AuthorizerResultTtlInSeconds");
        const seconds = literalNumber(ttl?.value);
        if (!ttl || seconds === undefined || seconds <= 3600 || (type !== "TOKEN" && type !== "REQUEST"))
          continue;
        report(
          ttl.value,
          `A ${type} authorizer caches its result for at most 3600 seconds, not ${seconds}; set ` +
            "AuthorizerResultTtlInSeconds to 3600 or less",
          { path: ["Resources", authorizer.name, "Properties", "AuthorizerResultTtlInSeconds"] },
        );
      }
    }
  },
};

interface Link {
  /** The entry that names the other resource. */
  entry: MapEntry;
  resource: ResourceInfo;
}

/** The resource of `type` that an entry names with a Ref. */
function linked(template: TemplateIndex, entry: MapEntry | undefined, type: string): Link | undefined {
  const target = entry && referenceTarget(entry.value);
  const resource = target && target.attribute === undefined ? template.resources.get(target.name) : undefined;
  return entry && resource?.type === type ? { entry, resource } : undefined;
}

/** What a RestApiId value names: `ref:<resource>` or `id:<literal>`, undefined when not known. */
export function apiKey(template: TemplateIndex, node: Node | undefined): string | undefined {
  if (node === undefined) return undefined;
  if (isString(node)) return `id:${node.value}`;
  const target = referenceTarget(node);
  if (!target || target.attribute !== undefined) return undefined;
  return template.resources.get(target.name)?.type === REST_API ? `ref:${target.name}` : undefined;
}

/** Reports at the link when the linked resource's RestApiId is known to differ from the owner's. */
function sameApi(
  template: TemplateIndex,
  own: MapEntry | undefined,
  link: Link,
  report: Report,
  where: { owner: string; what: string; path: (string | number)[] },
): void {
  const set = onlyPropertySet(link.resource);
  const ownKey = apiKey(template, own?.value);
  const otherKey = apiKey(template, set && presentEntry(set.properties, "RestApiId")?.value);
  if (ownKey === undefined || otherKey === undefined || ownKey === otherKey) return;
  report(
    link.entry.value,
    `${where.owner} belongs to ${apiName(ownKey)}, but its ${where.what} '${link.resource.name}' belongs to ` +
      `${apiName(otherKey)}; both must name the same RestApiId`,
    { path: where.path },
  );
}

export function apiName(key: string): string {
  return key.startsWith("ref:") ? `RestApi '${key.slice(4)}'` : `the RestApi with id '${key.slice(3)}'`;
}
