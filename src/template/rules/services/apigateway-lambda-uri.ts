/**
 * E3907 (a check cfn-lint does not have): a REST API integration (AWS or AWS_PROXY) or an API
 * Gateway Lambda authorizer (REST, or an HTTP API REQUEST authorizer) that names a Lambda
 * function by its ARN. API Gateway takes the function's invocation URI there,
 * `arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<function ARN>/invocations`, and
 * refuses the bare ARN ("AWS ARN for integration must contain path or action", "Invalid
 * Authorizer URI"), so the method or authorizer fails to create. An HTTP API integration, which
 * takes the function's ARN, is not concerned.
 */
import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import type { Report, Rule } from "../rule";
import { isString, type TemplateIndex, USER_GUIDE } from "../template-index";
import { methodIntegrations } from "./apigateway-methods";
import { literalString, presentEntry, propertySets, referenceTarget, resourcesOfType } from "./values";

const FUNCTIONS = [
  "AWS::Lambda::Function",
  "AWS::Serverless::Function",
  "AWS::Lambda::Alias",
  "AWS::Lambda::Version",
];
const FUNCTION_ARN = /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[^/]+$/;

export const lambdaInvocationUri: Rule = {
  id: "E3907",
  severity: "error",
  shortDescription: "API Gateway names a Lambda function by its invocation URI, not its ARN",
  description:
    "A REST API's AWS or AWS_PROXY integration Uri and a Lambda authorizer's AuthorizerUri take the function's " +
    "invocation URI (arn:aws:apigateway:region:lambda:path/2015-03-31/functions/<function ARN>/invocations); " +
    "API Gateway refuses the function's ARN.",
  source: `${USER_GUIDE}/aws-properties-apigateway-method-integration.html`,
  tags: ["resources", "apigateway", "lambda"],
  check({ template, report }) {
    for (const { method, integration, type } of methodIntegrations(template)) {
      if (type !== "AWS" && type !== "AWS_PROXY") continue;
      const uri = mapGet(integration, "Uri")?.value;
      if (uri)
        check(
          template,
          uri,
          `Integration.Uri of method '${method.name}'`,
          ["Resources", method.name, "Properties", "Integration", "Uri"],
          report,
        );
    }
    for (const type of ["AWS::ApiGateway::Authorizer", "AWS::ApiGatewayV2::Authorizer"]) {
      for (const authorizer of resourcesOfType(template, type)) {
        for (const { properties } of propertySets(authorizer)) {
          const kind = literalString(
            presentEntry(properties, "AuthorizerType")?.value ?? presentEntry(properties, "Type")?.value,
          );
          if (kind !== undefined && !["TOKEN", "REQUEST"].includes(kind)) continue;
          const uri = presentEntry(properties, "AuthorizerUri")?.value;
          if (uri)
            check(
              template,
              uri,
              `AuthorizerUri of '${authorizer.name}'`,
              ["Resources", authorizer.name, "Properties", "AuthorizerUri"],
              report,
            );
        }
      }
    }
  },
};

function check(
  template: TemplateIndex,
  uri: Node,
  where: string,
  path: (string | number)[],
  report: Report,
): void {
  let arn: string | undefined;
  let by = "ARN";
  const target = referenceTarget(uri);
  const type = target && template.resources.get(target.name)?.type;
  if (target && type && FUNCTIONS.includes(type) && (target.attribute ?? "Arn") === "Arn") {
    // Ref of a function gives its name; of an alias or version, its ARN.
    const byRef =
      target.attribute === undefined && (type === "AWS::Lambda::Alias" || type === "AWS::Lambda::Version");
    arn = byRef ? `\${${target.name}}` : `\${${target.name}.Arn}`;
    if (target.attribute === undefined && !byRef) by = "name";
  } else if (isString(uri) && FUNCTION_ARN.test(uri.value)) arn = uri.value;
  if (!arn) return;
  report(
    uri,
    `${where} names a Lambda function by its ${by}, and API Gateway refuses that; give the invocation URI: ` +
      `!Sub arn:\${AWS::Partition}:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/${arn}/invocations`,
    { path },
  );
}
