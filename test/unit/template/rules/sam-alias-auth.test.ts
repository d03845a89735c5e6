/** E0001: SAM functions that need AutoPublishAlias, and API authorizers that are not defined. */
import { describe, expect, it } from "vitest";
import { brief, lint, samFunction, yaml } from "../lint";

describe("E0001 AutoPublishAlias", () => {
  it("asks for AutoPublishAlias with a DeploymentPreference or ProvisionedConcurrencyConfig, Globals included", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Globals:",
        "  Function:",
        "    ProvisionedConcurrencyConfig:",
        "      ProvisionedConcurrentExecutions: 2",
        "Resources:",
        ...samFunction("Canary", "DeploymentPreference:", "  Type: Canary10Percent5Minutes"),
        ...samFunction("Aliased", "AutoPublishAlias: live", "DeploymentPreference:", "  Type: AllAtOnce"),
        ...samFunction(
          "Disabled",
          "AutoPublishAlias: !Ref AWS::NoValue",
          "DeploymentPreference:",
          "  Enabled: false",
        ),
      ),
      { only: ["E0001"] },
    );
    // Canary: its own DeploymentPreference (line 13) and the Globals ProvisionedConcurrencyConfig (at the
    // function's name, line 7); Disabled (after Aliased's nine lines): the Globals one again (line 24), its own
    // being disabled.
    expect(brief(findings)).toEqual(["E0001 7:3", "E0001 13:7", "E0001 24:3"]);
    expect(findings.map((finding) => finding.message)).toEqual([
      "ProvisionedConcurrencyConfig (from Globals.Function) needs AutoPublishAlias: the SAM transform refuses Canary " +
        "without it; add AutoPublishAlias: live (or another alias name)",
      "DeploymentPreference needs AutoPublishAlias: the SAM transform refuses Canary without it; add " +
        "AutoPublishAlias: live (or another alias name)",
      "ProvisionedConcurrencyConfig (from Globals.Function) needs AutoPublishAlias: the SAM transform refuses " +
        "Disabled without it; add AutoPublishAlias: live (or another alias name)",
    ]);
  });
});

describe("E0001 API authorizers", () => {
  it("flags a DefaultAuthorizer and an event Authorizer that the API does not define", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        "  Api:",
        "    Type: AWS::Serverless::Api",
        "    Properties:",
        "      StageName: prod",
        "      Auth:",
        "        DefaultAuthorizer: Cognito",
        "        Authorizers:",
        "          UserPool:",
        "            UserPoolArn: arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc",
        "  Http:",
        "    Type: AWS::Serverless::HttpApi",
        "    Properties:",
        "      Auth:",
        "        DefaultAuthorizer: AWS_IAM",
        "        EnableIamAuthorizer: true",
        ...samFunction(
          "Handler",
          "Events:",
          "  Get:",
          "    Type: Api",
          "    Properties: { RestApiId: !Ref Api, Path: /, Method: get, Auth: { Authorizer: UserPool } }",
          "  Open:",
          "    Type: Api",
          "    Properties: { RestApiId: !Ref Api, Path: /open, Method: get, Auth: { Authorizer: NONE } }",
          "  Post:",
          "    Type: HttpApi",
          "    Properties: { ApiId: !Ref Http, Path: /, Method: post, Auth: { Authorizer: Jwt } }",
        ),
      ),
      { only: ["E0001"] },
    );
    expect(brief(findings)).toEqual(["E0001 8:28", "E0001 33:86"]);
    expect(findings.map((finding) => finding.message)).toEqual([
      "DefaultAuthorizer 'Cognito' is not an authorizer of Api (Api defines UserPool); the SAM transform refuses it: " +
        "define it under Auth.Authorizers, or use AWS_IAM or NONE",
      "Event Post's Authorizer 'Jwt' is not an authorizer of Http (Http defines no Authorizers); the SAM transform " +
        "refuses it: define it under Auth.Authorizers, or use AWS_IAM or NONE",
    ]);
  });
});
