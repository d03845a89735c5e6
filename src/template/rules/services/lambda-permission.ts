/**
 * W3664, W3663 and E3981: what an AWS::Lambda::Permission needs to grant what it means to.
 *
 * W3664 and W3663: a Lambda permission whose SourceArn names a resource of the template. The
 * Principal must be the service that owns that resource (events.amazonaws.com for a rule,
 * s3.amazonaws.com for a bucket, ...), or the service's calls are refused; and a bucket's ARN
 * carries no account ID, so without SourceAccount a bucket of that name in another account could
 * invoke the function (nor does a literal SourceArn without an account ID say whose resource it
 * is). Warnings, as cfn-lint has them.
 *
 * E3981 (our own id): a Lambda permission on a function's `$LATEST`, its FunctionName a name or ARN
 * with the `:$LATEST` qualifier (written out, or at the end of every value a Fn::Sub, Fn::Join or
 * other function gives it, as functions/resolve.ts reads them). Lambda refuses it: "We currently do not support adding policies for $LATEST"
 * (AddPermission's InvalidParameterValueException; seen in terraform-aws-modules/
 * terraform-aws-lambda#36). The unqualified name grants the function, `$LATEST` included.
 */
import type { Node } from "../../model";
import { resolveValue } from "../functions/resolve";
import { referencesWithin } from "../resources/shared";
import type { Rule } from "../rule";
import type { TemplateIndex } from "../template-index";
import { literalString, presentEntry, propertySets, resourcesOfType } from "./values";

const PERMISSION = "AWS::Lambda::Permission";
const PERMISSION_PAGE = "https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html";

/** The service principal of each resource type that invokes functions. */
const PRINCIPALS: Record<string, { principal: string; pattern: RegExp }> = {
  "AWS::ApiGateway::RestApi": {
    principal: "apigateway.amazonaws.com",
    pattern: /^apigateway\.amazonaws\.com$/,
  },
  "AWS::ApiGatewayV2::Api": {
    principal: "apigateway.amazonaws.com",
    pattern: /^apigateway\.amazonaws\.com$/,
  },
  "AWS::Cognito::UserPool": {
    principal: "cognito-idp.amazonaws.com",
    pattern: /^cognito-idp\.amazonaws\.com$/,
  },
  "AWS::Config::ConfigRule": { principal: "config.amazonaws.com", pattern: /^config\.amazonaws\.com$/ },
  "AWS::ElasticLoadBalancingV2::TargetGroup": {
    principal: "elasticloadbalancing.amazonaws.com",
    pattern: /^elasticloadbalancing\.amazonaws\.com$/,
  },
  "AWS::Events::Rule": { principal: "events.amazonaws.com", pattern: /^events\.amazonaws\.com$/ },
  "AWS::IoT::TopicRule": { principal: "iot.amazonaws.com", pattern: /^iot\.amazonaws\.com$/ },
  "AWS::Logs::LogGroup": {
    principal: "logs.amazonaws.com",
    pattern: /^logs(\.[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]+)?\.amazonaws\.com$/,
  },
  "AWS::S3::Bucket": { principal: "s3.amazonaws.com", pattern: /^s3\.amazonaws\.com$/ },
  "AWS::SNS::Topic": { principal: "sns.amazonaws.com", pattern: /^sns\.amazonaws\.com$/ },
};

/** The resources of the template a SourceArn names, through Ref, GetAtt or `${}`, with their types. */
function sourceResources(
  template: TemplateIndex,
  name: string,
  sourceArn: Node,
): { name: string; type: string }[] {
  const found: { name: string; type: string }[] = [];
  for (const ref of referencesWithin(template, name, sourceArn)) {
    const type = template.resources.get(ref.target)?.type;
    if (type) found.push({ name: ref.target, type });
  }
  return found;
}

export const permissionPrincipal: Rule = {
  id: "W3664",
  severity: "warning",
  shortDescription: "A Lambda permission's Principal is the service of its SourceArn",
  description:
    "When a Lambda permission's SourceArn names a resource of the template, its Principal is the service that " +
    "owns that resource type.",
  source: PERMISSION_PAGE,
  tags: ["resources", "lambda"],
  resourceTypes: [PERMISSION],
  check({ template, report }) {
    for (const resource of resourcesOfType(template, PERMISSION)) {
      for (const set of propertySets(resource)) {
        const sourceArn = presentEntry(set.properties, "SourceArn")?.value;
        const principal = presentEntry(set.properties, "Principal")?.value;
        const service = literalString(principal);
        if (!sourceArn || !principal || service === undefined) continue;
        const source = sourceResources(template, resource.name, sourceArn).find(
          ({ type }) => PRINCIPALS[type],
        );
        if (!source) continue;
        const expected = PRINCIPALS[source.type];
        if (expected.pattern.test(service)) continue;
        report(
          principal,
          `The SourceArn names ${source.type} '${source.name}', whose calls come from ${expected.principal}, ` +
            `not ${service}: make ${expected.principal} the Principal`,
          { path: ["Resources", resource.name, "Properties", "Principal"] },
        );
      }
    }
  },
};

export const permissionSourceAccount: Rule = {
  id: "W3663",
  severity: "warning",
  shortDescription: "A Lambda permission for an S3 bucket or an account-less ARN sets SourceAccount",
  description:
    "An S3 bucket's ARN (and any SourceArn without an account ID) does not say whose resource it is: SourceAccount " +
    "keeps a bucket of the same name in another account from invoking the function.",
  source: PERMISSION_PAGE,
  tags: ["resources", "lambda", "security"],
  resourceTypes: [PERMISSION],
  check({ template, report }) {
    for (const resource of resourcesOfType(template, PERMISSION)) {
      for (const set of propertySets(resource)) {
        const sourceArn = presentEntry(set.properties, "SourceArn")?.value;
        if (!sourceArn || presentEntry(set.properties, "SourceAccount")) continue;
        const literal = literalString(sourceArn);
        const bucket =
          literal === undefined &&
          sourceResources(template, resource.name, sourceArn).some(({ type }) => type === "AWS::S3::Bucket");
        if (!bucket && (literal === undefined || /:\d{12}:/.test(literal))) continue;
        report(
          sourceArn,
          "Add SourceAccount: this SourceArn has no account ID (as an S3 bucket's has none), so a resource of " +
            "that name in another account could invoke the function",
          { path: ["Resources", resource.name, "Properties", "SourceAccount"] },
        );
      }
    }
  },
};

/** Whether every value a FunctionName may take (written out, or what a function makes of it) ends in `:$LATEST`. */
function namesLatest(template: TemplateIndex, node: Node): boolean {
  const literal = literalString(node);
  if (literal !== undefined) return literal.endsWith(":$LATEST");
  const values = resolveValue(node, template, false);
  return (
    values !== undefined &&
    values.length > 0 &&
    values.every(({ pieces }) => {
      // The text at the end, which the resolver may give in several pieces.
      let end = "";
      for (let i = pieces.length - 1; i >= 0 && typeof pieces[i] === "string" && end.length < 8; i--)
        end = (pieces[i] as string) + end;
      return end.endsWith(":$LATEST");
    })
  );
}

export const permissionLatest: Rule = {
  id: "E3981",
  severity: "error",
  shortDescription: "A Lambda permission is not on $LATEST",
  description:
    "The FunctionName of an AWS::Lambda::Permission has no `:$LATEST` qualifier: Lambda adds no policy for " +
    "$LATEST, and the unqualified name already grants it.",
  source: "https://docs.aws.amazon.com/lambda/latest/api/API_AddPermission.html",
  tags: ["resources", "lambda"],
  resourceTypes: [PERMISSION],
  check({ template, report }) {
    for (const resource of resourcesOfType(template, PERMISSION)) {
      for (const set of propertySets(resource)) {
        const name = presentEntry(set.properties, "FunctionName")?.value;
        if (!name || !namesLatest(template, name)) continue;
        report(
          name,
          `Permission '${resource.name}' is for the function's $LATEST, and Lambda adds no policy for $LATEST ` +
            '("We currently do not support adding policies for $LATEST"); name the function without the qualifier, ' +
            "which grants $LATEST too, or a version or alias",
          { path: ["Resources", resource.name, "Properties", "FunctionName"] },
        );
      }
    }
  },
};
