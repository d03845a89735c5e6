/**
 * The HTTP methods of a REST API's methods and integrations, and what a method's authorization and
 * integration types require, and resources' path parts (checks cfn-lint does not have), and
 * the walk over methods' integrations that E3907 shares (methodIntegrations).
 *
 * E3913: a Method's HttpMethod, or its Integration's IntegrationHttpMethod, that is not an HTTP
 * method API Gateway knows (GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, or ANY): API Gateway
 * refuses it and the method fails to create. ANY is also an integration's method: an HTTP proxy
 * integration passes the client's method on with it (API Gateway's guide to HTTP proxy
 * integrations sets `--integration-http-method ANY`).
 *
 * W3913: a Lambda integration (AWS_PROXY, or AWS with a Lambda invocation URI) whose
 * IntegrationHttpMethod is not POST. API Gateway invokes Lambda with the integration's method, and
 * Lambda's Invoke API takes POST only ("For Lambda integrations, you must use the HTTP method of
 * POST for the integration request", API Gateway Developer Guide): the method deploys, and every
 * request fails with an internal server error. A warning, as the stack deploys.
 */
import type { MapNode, Node } from "../../model";
import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import {
  intrinsicName,
  isString,
  type ResourceInfo,
  type TemplateIndex,
  USER_GUIDE,
} from "../template-index";
import { isAbsent, literalString, plainMap, presentEntry, propertySets, resourcesOfType } from "./values";

/** The HTTP methods API Gateway knows, ANY aside (which stands for all of them). */
export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
/** HTTP_METHODS and ANY: what a method, a route or an integration may name. */
export const API_METHODS = [...HTTP_METHODS, "ANY"];
const SOURCE = `${USER_GUIDE}/aws-resource-apigateway-method.html`;

export const apiHttpMethods: Rule = {
  id: "E3913",
  severity: "error",
  shortDescription: "API Gateway methods and integrations use HTTP methods API Gateway knows",
  description:
    "A REST API Method's HttpMethod, and its Integration's IntegrationHttpMethod, is GET, POST, PUT, PATCH, " +
    "DELETE, HEAD, OPTIONS or ANY.",
  source: SOURCE,
  tags: ["resources", "apigateway"],
  resourceTypes: ["AWS::ApiGateway::Method"],
  check({ template, report }) {
    for (const method of resourcesOfType(template, "AWS::ApiGateway::Method")) {
      for (const { properties } of propertySets(method)) {
        const verb = presentEntry(properties, "HttpMethod")?.value;
        const written = literalString(verb);
        if (verb && written !== undefined && !API_METHODS.includes(written.toUpperCase()))
          report(
            verb,
            `HttpMethod '${written}' of method '${method.name}' is not an HTTP method API Gateway knows; use ${HTTP_METHODS.join(", ")} or ANY`,
            {
              path: ["Resources", method.name, "Properties", "HttpMethod"],
            },
          );
        const integration = mapGet(
          plainMap(presentEntry(properties, "Integration")?.value),
          "IntegrationHttpMethod",
        )?.value;
        const integrationVerb = literalString(integration);
        if (
          integration &&
          integrationVerb !== undefined &&
          !API_METHODS.includes(integrationVerb.toUpperCase())
        )
          report(
            integration,
            `IntegrationHttpMethod '${integrationVerb}' of method '${method.name}' is not an HTTP method API Gateway ` +
              `can call its integration with; use ${HTTP_METHODS.join(", ")} or ANY`,
            { path: ["Resources", method.name, "Properties", "Integration", "IntegrationHttpMethod"] },
          );
      }
    }
  },
};

/** Each REST API method's Integration written out as a mapping, with its Type when written out. */
export function methodIntegrations(
  template: TemplateIndex,
): { method: ResourceInfo; integration: MapNode; type: string | undefined }[] {
  const found: { method: ResourceInfo; integration: MapNode; type: string | undefined }[] = [];
  for (const method of resourcesOfType(template, "AWS::ApiGateway::Method")) {
    for (const { properties } of propertySets(method)) {
      const integration = plainMap(presentEntry(properties, "Integration")?.value);
      if (integration)
        found.push({ method, integration, type: literalString(mapGet(integration, "Type")?.value) });
    }
  }
  return found;
}

/** Whether an integration URI is a Lambda invocation URI, written out or inside Fn::Sub or Fn::Join. */
function lambdaUri(node: Node | undefined): boolean {
  if (!node) return false;
  if (isString(node)) return node.value.includes(":lambda:path/2015-03-31/functions/");
  const fn = intrinsicName(node);
  if ((fn !== "Fn::Sub" && fn !== "Fn::Join") || node.kind !== "map") return false;
  const arg = node.entries[0].value;
  if (fn === "Fn::Sub") return lambdaUri(arg.kind === "seq" ? arg.items[0] : arg);
  const parts = arg.kind === "seq" ? arg.items[1] : undefined;
  if (parts?.kind !== "seq") return false;
  return parts.items
    .filter(isString)
    .map((part) => part.value)
    .join("")
    .includes(":lambda:path/2015-03-31/functions/");
}

export const lambdaIntegrationPost: Rule = {
  id: "W3913",
  severity: "warning",
  shortDescription: "A Lambda integration calls Lambda with POST",
  description:
    "A REST API integration that invokes a Lambda function (AWS_PROXY, or AWS with a Lambda invocation URI) needs " +
    "IntegrationHttpMethod POST; with another method every request fails.",
  source:
    "https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html",
  tags: ["resources", "apigateway", "lambda"],
  check({ template, report }) {
    for (const { method, integration, type } of methodIntegrations(template)) {
      const verbNode = mapGet(integration, "IntegrationHttpMethod")?.value;
      const verb = literalString(verbNode);
      if (!verbNode || verb === undefined || verb.toUpperCase() === "POST") continue;
      if ((type !== "AWS_PROXY" && type !== "AWS") || !lambdaUri(mapGet(integration, "Uri")?.value)) continue;
      report(
        verbNode,
        `Method '${method.name}' invokes a Lambda function with IntegrationHttpMethod ${verb}, and Lambda is invoked ` +
          "with POST only: the API deploys, but every request fails; set IntegrationHttpMethod: POST (the client's " +
          "method stays HttpMethod)",
        { path: ["Resources", method.name, "Properties", "Integration", "IntegrationHttpMethod"] },
      );
    }
  },
};

/** Authorization types that name an authorizer of the API. */
const AUTHORIZED = ["CUSTOM", "COGNITO_USER_POOLS"];
/** Integration types that call a backend with an HTTP method; MOCK calls none. */
const CALLING = ["AWS", "AWS_PROXY", "HTTP", "HTTP_PROXY"];

/**
 * E3916 (our own id): what API Gateway requires beside a method's settings, and refuses the
 * method without. An AuthorizationType of CUSTOM or COGNITO_USER_POOLS needs the AuthorizerId of
 * the authorizer to use; an Integration of Type AWS, AWS_PROXY, HTTP or HTTP_PROXY needs an
 * IntegrationHttpMethod ("For all other types, you must specify this property", the resource's
 * documentation; API Gateway's own words are "Enumeration value for HttpMethod must be non-empty").
 */
export const apiMethodRequirements: Rule = {
  id: "E3916",
  severity: "error",
  shortDescription: "API Gateway methods name their authorizer and their integration's HTTP method",
  description:
    "A REST API Method with AuthorizationType CUSTOM or COGNITO_USER_POOLS has an AuthorizerId, and an Integration " +
    "of Type AWS, AWS_PROXY, HTTP or HTTP_PROXY has an IntegrationHttpMethod.",
  source: SOURCE,
  tags: ["resources", "apigateway"],
  check({ template, report }) {
    for (const method of resourcesOfType(template, "AWS::ApiGateway::Method")) {
      for (const { properties } of propertySets(method)) {
        const authorization = presentEntry(properties, "AuthorizationType");
        const type = literalString(authorization?.value)?.toUpperCase();
        if (authorization && type && AUTHORIZED.includes(type) && isAbsent(properties, "AuthorizerId")) {
          report(
            authorization.value,
            `Method '${method.name}' has AuthorizationType ${type} but no AuthorizerId, so API Gateway refuses it; ` +
              "give the authorizer with AuthorizerId: !Ref <your AWS::ApiGateway::Authorizer>",
            { path: ["Resources", method.name, "Properties", "AuthorizationType"] },
          );
        }
      }
    }
    for (const { method, integration, type } of methodIntegrations(template)) {
      if (!type || !CALLING.includes(type.toUpperCase())) continue;
      if (!isAbsent(integration, "IntegrationHttpMethod")) continue;
      const typeNode = mapGet(integration, "Type")?.value ?? integration;
      report(
        typeNode,
        `The ${type} integration of method '${method.name}' has no IntegrationHttpMethod, so API Gateway refuses ` +
          `it; add IntegrationHttpMethod${type.toUpperCase().startsWith("AWS") ? " (POST to invoke a Lambda function)" : ""}`,
        { path: ["Resources", method.name, "Properties", "Integration"] },
      );
    }
  },
};

/**
 * E3919 (our own id): an API Gateway Resource's PathPart is one segment of the path: `users`, or a
 * parameter such as `{id}` or `{proxy+}`. API Gateway refuses a slash, a space, or braces that do
 * not wrap the whole part ("Resource's path part only allow a-zA-Z0-9._- and curly braces at the
 * beginning and the end"); a path of several segments is a Resource per segment, each the parent
 * of the next. Only those characters are judged: what else API Gateway takes is left alone.
 */
export const apiPathPart: Rule = {
  id: "E3919",
  severity: "error",
  shortDescription: "API Gateway resource PathParts are one path segment",
  description:
    "The PathPart of an AWS::ApiGateway::Resource holds no slash or space, and braces only around the whole part " +
    "({id}, {proxy+}).",
  source: `${USER_GUIDE}/aws-resource-apigateway-resource.html`,
  tags: ["resources", "apigateway"],
  resourceTypes: ["AWS::ApiGateway::Resource"],
  check({ template, report }) {
    for (const resource of resourcesOfType(template, "AWS::ApiGateway::Resource")) {
      for (const { properties } of propertySets(resource)) {
        const node = presentEntry(properties, "PathPart")?.value;
        const part = literalString(node);
        if (!node || part === undefined) continue;
        const braces = /[{}]/.test(part) && !/^\{[^{}/\s]+\}$/.test(part);
        if (!part.includes("/") && !/\s/.test(part) && !braces) continue;
        const segments = part.split("/").filter((segment) => segment !== "");
        report(
          node,
          `PathPart '${part}' of resource '${resource.name}' is not one path segment, so API Gateway refuses it; ` +
            (segments.length > 1
              ? `make a Resource for each of ${segments.map((s) => `'${s}'`).join(", ")}, each the ParentId of the next`
              : segments.length === 1 && part.includes("/")
                ? `write '${segments[0]}' (the parent resource gives the slash)`
                : "use letters, digits, '.', '_' and '-', or a parameter such as {id} or {proxy+}"),
          { path: ["Resources", resource.name, "Properties", "PathPart"] },
        );
      }
    }
  },
};
