/**
 * What API Gateway refuses of an HTTP API's routes, integrations and CORS settings: E3920 and E3971.
 *
 * E3920 (our own id): routes and integrations of HTTP APIs (AWS::ApiGatewayV2 resources whose
 * ApiId is a `!Ref` of an Api of the template with ProtocolType HTTP), as API Gateway refuses them:
 * - a RouteKey other than `$default` or `<METHOD> <path>` (`GET /pets`, `ANY /{proxy+}`), with a
 *   known method, a path that starts with `/`, and a greedy variable only at the end;
 * - a route Target other than `integrations/<IntegrationId>`, such as `!Ref Integration`, which
 *   gives the id alone (write `!Sub integrations/${Integration}`);
 * - a Lambda proxy integration (AWS_PROXY without an IntegrationSubtype, which would make it a call
 *   to another service) without PayloadFormatVersion: "If you create a Lambda
 *   integration by using the AWS CLI, CloudFormation, or an SDK, you must specify a
 *   payloadFormatVersion" (API Gateway Developer Guide); and PayloadFormatVersion 2.0 on any other
 *   integration: "Supported values for Lambda proxy integrations are 1.0 and 2.0. For all other
 *   integrations, 1.0 is the only supported value" (the API Gateway V2 API Reference).
 * - an AuthorizationType of JWT or CUSTOM without an AuthorizerId, or with the AuthorizerId of an
 *   authorizer of the template of the other kind ("Invalid authorizer ID specified. Setting the
 *   authorization type to JWT requires a valid JWT authorizer", API Gateway's error; CUSTOM takes a
 *   REQUEST authorizer, a Lambda function, and with a JWT one fails with "... Setting the
 *   authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer",
 *   terraform-provider-aws#17497);
 * - AuthorizationScopes on a route whose AuthorizationType is not JWT ("Authorization Scopes are
 *   only valid for COGNITO_USER_POOLS and JWT authorization types", and an HTTP API has no Cognito
 *   type: its JWT authorizer reads Cognito's tokens).
 * WebSocket APIs, whose route keys are any name, are left alone.
 */
import type { MapNode } from "../../model";
import { mapGet } from "../../nodes";
import { listOf } from "../constraints/walk";
import type { Report, Rule } from "../rule";
import type { ResourceInfo, TemplateIndex } from "../template-index";
import { API_METHODS } from "./apigateway-methods";
import {
  isAbsent,
  literalBoolean,
  literalString,
  presentEntry,
  propertySets,
  referenceTarget,
  refResource,
  resourcesOfType,
} from "./values";

const GUIDE = "https://docs.aws.amazon.com/apigateway/latest/developerguide";

/** Whether a property set's ApiId is a `!Ref` of an HTTP API of the template. */
function onHttpApi(template: TemplateIndex, properties: MapNode): boolean {
  const apiId = presentEntry(properties, "ApiId")?.value;
  const api = apiId && referenceTarget(apiId);
  if (!api || api.attribute) return false;
  const resource = template.resources.get(api.name);
  if (resource?.type !== "AWS::ApiGatewayV2::Api") return false;
  return propertySets(resource).some(
    ({ properties: apiProperties }) =>
      literalString(presentEntry(apiProperties, "ProtocolType")?.value) === "HTTP",
  );
}

/** What is wrong with an HTTP API route key, if anything. */
function routeKeyProblem(key: string): string | undefined {
  if (key === "$default") return undefined;
  const space = key.indexOf(" ");
  if (space < 0)
    return "is neither $default nor a method and a path separated by a space, such as 'GET /pets'";
  const method = key.slice(0, space);
  const path = key.slice(space + 1);
  if (!API_METHODS.includes(method.toUpperCase()))
    return `starts with '${method}', which is not ${listOf(API_METHODS, "or", false)}`;
  if (!path.startsWith("/")) return `has the path '${path}', which does not start with '/'`;
  const greedy = path.indexOf("+}");
  if (greedy >= 0 && greedy + 2 !== path.length)
    return "has a greedy path variable ({name+}) before the end of the path";
  return undefined;
}

export const httpApiRoutes: Rule = {
  id: "E3920",
  severity: "error",
  shortDescription:
    "HTTP API routes have a valid RouteKey, Target and authorizer, and Lambda integrations a PayloadFormatVersion",
  description:
    "An HTTP API Route's RouteKey is $default or a method and a path ('GET /pets'), its Target integrations/<id>, its " +
    "JWT or CUSTOM authorization an authorizer of that kind, its AuthorizationScopes a JWT authorization, and a " +
    "Lambda proxy Integration of an HTTP API gives PayloadFormatVersion, which is 2.0 for no other integration.",
  source: `${GUIDE}/http-api-develop-routes.html`,
  tags: ["resources", "apigateway"],
  resourceTypes: ["AWS::ApiGatewayV2::Route", "AWS::ApiGatewayV2::Integration"],
  check({ template, report }) {
    for (const route of resourcesOfType(template, "AWS::ApiGatewayV2::Route")) {
      for (const { properties } of propertySets(route)) {
        if (!onHttpApi(template, properties)) continue;
        checkRoute(template, route, properties, report);
      }
    }
    for (const integration of resourcesOfType(template, "AWS::ApiGatewayV2::Integration")) {
      for (const { properties } of propertySets(integration)) {
        const type = presentEntry(properties, "IntegrationType");
        const kind = literalString(type?.value)?.toUpperCase();
        if (kind === undefined || !onHttpApi(template, properties)) continue;
        // With an IntegrationSubtype, AWS_PROXY calls another service (SQS-SendMessage, ...), not Lambda.
        const lambda = kind === "AWS_PROXY" && !mapGet(properties, "IntegrationSubtype");
        const version = presentEntry(properties, "PayloadFormatVersion")?.value;
        if (!lambda && literalString(version) === "2.0" && version) {
          report(
            version,
            `Integration '${integration.name}' is no Lambda proxy integration (${
              kind === "AWS_PROXY"
                ? "it calls another service through IntegrationSubtype"
                : `its type is ${kind}`
            }), and API Gateway takes PayloadFormatVersion 2.0 only for those; use '1.0' or leave it out`,
            { path: ["Resources", integration.name, "Properties", "PayloadFormatVersion"] },
          );
        }
        if (!lambda || mapGet(properties, "PayloadFormatVersion")) continue;
        report(
          type?.value ?? integration.entry.keyRange,
          `Lambda integration '${integration.name}' of an HTTP API has no PayloadFormatVersion, which API Gateway ` +
            "requires when CloudFormation creates it; add PayloadFormatVersion: '2.0' (or '1.0' for the REST API event format)",
          { path: ["Resources", integration.name, "Properties", "PayloadFormatVersion"] },
        );
      }
    }
  },
};

function checkRoute(template: TemplateIndex, route: ResourceInfo, properties: MapNode, report: Report): void {
  checkAuthorization(template, route, properties, report);
  const keyNode = presentEntry(properties, "RouteKey")?.value;
  const key = literalString(keyNode);
  const problem = key === undefined ? undefined : routeKeyProblem(key);
  if (keyNode && problem) {
    report(keyNode, `RouteKey '${key}' of route '${route.name}' ${problem}, so API Gateway refuses it`, {
      path: ["Resources", route.name, "Properties", "RouteKey"],
    });
  }
  const targetNode = presentEntry(properties, "Target")?.value;
  const target = targetNode && referenceTarget(targetNode);
  const literal = literalString(targetNode);
  const refOfIntegration =
    target &&
    !target.attribute &&
    template.resources.get(target.name)?.type === "AWS::ApiGatewayV2::Integration";
  if (targetNode && (refOfIntegration || (literal !== undefined && !literal.startsWith("integrations/")))) {
    const fix =
      refOfIntegration && target ? `!Sub integrations/\${${target.name}}` : "integrations/<IntegrationId>";
    report(
      targetNode,
      `Target of route '${route.name}' is not of the form integrations/<IntegrationId>` +
        `${refOfIntegration ? " (!Ref of an integration gives its id alone)" : ""}, so API Gateway refuses it; write ${fix}`,
      { path: ["Resources", route.name, "Properties", "Target"] },
    );
  }
}

/** The kind of authorizer each route AuthorizationType needs. */
const AUTHORIZER_KINDS: Readonly<Record<string, string>> = { JWT: "JWT", CUSTOM: "REQUEST" };

function checkAuthorization(
  template: TemplateIndex,
  route: ResourceInfo,
  properties: MapNode,
  report: Report,
): void {
  const typeEntry = presentEntry(properties, "AuthorizationType");
  const type = typeEntry ? literalString(typeEntry.value)?.toUpperCase() : "NONE";
  if (type === undefined) return;
  const path = ["Resources", route.name, "Properties"];
  const scopes = presentEntry(properties, "AuthorizationScopes");
  if (scopes && type !== "JWT") {
    report(
      scopes.value,
      `Route '${route.name}' has AuthorizationScopes with AuthorizationType ${type}, and API Gateway takes scopes ` +
        "only with JWT; remove AuthorizationScopes, or authorize the route with a JWT authorizer",
      { path: [...path, "AuthorizationScopes"] },
    );
  }
  const kind = AUTHORIZER_KINDS[type];
  if (!kind || !typeEntry) return;
  const idEntry = presentEntry(properties, "AuthorizerId");
  if (!idEntry) {
    if (!isAbsent(properties, "AuthorizerId")) return;
    report(
      typeEntry.value,
      `Route '${route.name}' has AuthorizationType ${type} but no AuthorizerId, and API Gateway refuses it; give ` +
        `AuthorizerId: !Ref <your AWS::ApiGatewayV2::Authorizer of type ${kind}>`,
      { path: [...path, "AuthorizationType"] },
    );
    return;
  }
  const authorizer = refResource(template, idEntry.value, ["AWS::ApiGatewayV2::Authorizer"]);
  if (!authorizer) return;
  const kinds = new Set(
    propertySets(authorizer).map(({ properties: given }) =>
      literalString(presentEntry(given, "AuthorizerType")?.value)?.toUpperCase(),
    ),
  );
  if (kinds.size !== 1 || kinds.has(undefined) || kinds.has(kind)) return;
  const [other] = kinds;
  report(
    idEntry.value,
    `Route '${route.name}' has AuthorizationType ${type}, which needs a ${kind} authorizer, and authorizer ` +
      `'${authorizer.name}' is of type ${other}, so API Gateway refuses it; set AuthorizationType to ` +
      `${other === "JWT" ? "JWT" : "CUSTOM"}, or name a ${kind} authorizer`,
    { path: [...path, "AuthorizerId"] },
  );
}

/**
 * E3971 (a check cfn-lint does not have): an HTTP API whose CorsConfiguration allows credentials
 * for any origin (AllowCredentials true, `*` among AllowOrigins). API Gateway refuses the API:
 * "allow-credentials is not supported if 'allow-origin' is *" (aws-cdk#9076, a BadRequestException
 * of CreateApi). sam/cors.ts says the same of an AWS::Serverless::HttpApi, which the transform stops.
 */
export const httpApiCors: Rule = {
  id: "E3971",
  severity: "error",
  shortDescription: "HTTP APIs do not allow credentials for every origin",
  description:
    "The CorsConfiguration of an AWS::ApiGatewayV2::Api with AllowCredentials: true names its origins instead of '*'.",
  source: `${GUIDE}/http-api-cors.html`,
  tags: ["resources", "apigateway"],
  resourceTypes: ["AWS::ApiGatewayV2::Api"],
  check({ template, report }) {
    for (const api of resourcesOfType(template, "AWS::ApiGatewayV2::Api")) {
      for (const { properties } of propertySets(api)) {
        const cors = presentEntry(properties, "CorsConfiguration")?.value;
        if (cors?.kind !== "map") continue;
        const credentials = presentEntry(cors, "AllowCredentials")?.value;
        const origins = presentEntry(cors, "AllowOrigins")?.value;
        if (!credentials || literalBoolean(credentials) !== true || origins?.kind !== "seq") continue;
        if (!origins.items.some((origin) => literalString(origin) === "*")) continue;
        report(
          credentials,
          `The CorsConfiguration of HTTP API '${api.name}' allows credentials for any origin ('*' in AllowOrigins), ` +
            "and API Gateway refuses it; list the origins allowed, or drop AllowCredentials",
          { path: ["Resources", api.name, "Properties", "CorsConfiguration", "AllowCredentials"] },
        );
      }
    }
  },
};
