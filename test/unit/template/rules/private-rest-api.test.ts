/**
 * E3973: a private REST API that is deployed has a resource policy.
 */
import { describe, expect, it } from "vitest";
import { brief, lint, samApi, samGlobals, yaml } from "../lint";

/** A RestApi `name` whose endpoint is `type`, then `properties` lines of its Properties. */
const restApi = (name: string, type: string, ...properties: string[]) => [
  `  ${name}:`,
  "    Type: AWS::ApiGateway::RestApi",
  "    Properties:",
  `      Name: ${name}`,
  `      EndpointConfiguration: {Types: [${type}], VpcEndpointIds: [vpce-0123456789abcdef0]}`,
  ...properties.map((line) => `      ${line}`),
];

/** A Deployment `name` of RestApi `api`. */
const deployment = (name: string, api: string) => [
  `  ${name}:`,
  "    Type: AWS::ApiGateway::Deployment",
  `    Properties: {RestApiId: !Ref ${api}}`,
];

const POLICY =
  "{Version: '2012-10-17', Statement: [{Effect: Allow, Principal: '*', Action: execute-api:Invoke, Resource: '*'}]}";

describe("E3973 private REST APIs and their resource policy", () => {
  it("reports a deployed private RestApi without a policy, its own or in an inline definition", () => {
    const findings = lint(
      yaml(
        "Resources:",
        ...restApi("Bare", "PRIVATE"),
        ...deployment("BareDeployment", "Bare"),
        ...restApi("WithPolicy", "PRIVATE", `Policy: ${POLICY}`),
        ...deployment("WithPolicyDeployment", "WithPolicy"),
        ...restApi("Undeployed", "PRIVATE"),
        ...restApi("Regional", "REGIONAL"),
        ...deployment("RegionalDeployment", "Regional"),
        ...restApi("Defined", "PRIVATE", "Body: {openapi: 3.0.1, paths: {}}"),
        ...deployment("DefinedDeployment", "Defined"),
        ...restApi(
          "DefinedPolicy",
          "PRIVATE",
          `Body: {openapi: 3.0.1, paths: {}, x-amazon-apigateway-policy: ${POLICY}}`,
        ),
        ...deployment("DefinedPolicyDeployment", "DefinedPolicy"),
        ...restApi("Elsewhere", "PRIVATE", "BodyS3Location: {Bucket: specs, Key: api.yaml}"),
        ...deployment("ElsewhereDeployment", "Elsewhere"),
      ),
      { only: ["E3973"] },
    );
    expect(brief(findings)).toEqual(["E3973 6:39", "E3973 36:39"]);
    expect(findings[0].message).toBe(
      "REST API Bare is PRIVATE and has no Policy, and API Gateway refuses to deploy a private API without a " +
        "resource policy, so Deployment BareDeployment fails; add a resource policy that allows execute-api:Invoke " +
        "through your VPC endpoint (aws:SourceVpce), or make the endpoint REGIONAL",
    );
    expect(findings[1].message).toContain("Deployment DefinedDeployment fails");
  });

  it("reports a private SAM Api without Auth.ResourcePolicy, its endpoint its own or from Globals", () => {
    const findings = lint(
      yaml(
        ...samGlobals("Api", "EndpointConfiguration: PRIVATE"),
        "Resources:",
        ...samApi("Inherits"),
        ...samApi("Own", "EndpointConfiguration: {Type: PRIVATE, VPCEndpointIds: [vpce-0123456789abcdef0]}"),
        ...samApi(
          "Allowed",
          "Auth:",
          "  ResourcePolicy:",
          "    IntrinsicVpceWhitelist: [vpce-0123456789abcdef0]",
        ),
        ...samApi("Regional", "EndpointConfiguration: REGIONAL"),
        ...samApi("Elsewhere", "DefinitionUri: s3://specs/api.yaml"),
      ),
      { only: ["E3973"] },
    );
    expect(brief(findings)).toEqual(["E3973 6:3", "E3973 14:30"]);
    expect(findings[0].message).toBe(
      "Api Inherits is PRIVATE (from Globals.Api) and has no Auth.ResourcePolicy, and API Gateway refuses to " +
        "deploy a private API without a resource policy, so its deployment fails; add a resource policy that " +
        "allows execute-api:Invoke through your VPC endpoint (aws:SourceVpce), or make the endpoint REGIONAL",
    );
    expect(findings[1].message).toContain("Api Own is PRIVATE and has no Auth.ResourcePolicy");
  });
});
