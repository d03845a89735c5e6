/**
 * E0001: SAM functions that need AutoPublishAlias, alias names, API authorizers that are not
 * defined, CORS that allows credentials for every origin, settings an API with a DefinitionUri
 * cannot take, SimpleTable key types, NONE and scopes on REST events, function code, DLQ types and
 * layer retention; E3002 for keys of API Auth and CORS that SAM does not know;
 * E3032 for the layers a function gets with those of Globals.
 */
import { describe, expect, it } from "vitest";
import { brief, lint, samFunction, samGlobals, yaml } from "../lint";

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

describe("E0001 AutoPublishAlias given by a function", () => {
  it("takes a Ref to a template parameter or a pseudo parameter, and refuses other functions and a Ref to a resource", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Parameters:",
        "  Stage: {Type: String}",
        "Resources:",
        "  Topic: {Type: AWS::SNS::Topic}",
        ...samFunction("ByParameter", "AutoPublishAlias: !Ref Stage"),
        ...samFunction("ByRegion", "AutoPublishAlias: !Ref AWS::Region"),
        ...samFunction("BySub", "AutoPublishAlias: !Sub '${Stage}live'"),
        ...samFunction("ByResource", "AutoPublishAlias: !Ref Topic"),
      ),
      { only: ["E0001"] },
    );
    // The installed translator (1.110) refuses both with "'AutoPublishAlias' must be a string or a Ref to a
    // template parameter"; cfn-lint 1.51 reports them through it at the template's first line.
    expect(findings.map((f) => [f.range.start.line, f.message])).toEqual([
      [
        26,
        "AutoPublishAlias is given by Fn::Sub, and the SAM transform takes an alias name or a Ref to a template " +
          "parameter (it resolves those when it runs), so it refuses BySub; write the name, or take it from a parameter",
      ],
      [
        33,
        "AutoPublishAlias is given by a Ref to resource 'Topic', and the SAM transform takes an alias name or a Ref to " +
          "a template parameter (it resolves those when it runs), so it refuses ByResource; write the name, or take it " +
          "from a parameter",
      ],
    ]);
  });
});

describe("E0001 AutoPublishAlias, DeploymentPreference turned on or off by a parameter", () => {
  it("leaves a DeploymentPreference whose Enabled is a Ref to a parameter, which SAM resolves, and asks when it is true", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Parameters:",
        "  Gradual: {Type: String, Default: 'false'}",
        "Resources:",
        ...samFunction(
          "ByParameter",
          "DeploymentPreference:",
          "  Enabled: !Ref Gradual",
          "  Type: AllAtOnce",
        ),
        ...samFunction("On", "DeploymentPreference:", "  Enabled: true", "  Type: AllAtOnce"),
      ),
      { only: ["E0001"] },
    );
    expect(brief(findings)).toEqual(["E0001 20:7"]);
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

describe("E0001 AutoPublishAlias names", () => {
  it("reports a name the transform refuses, once for Globals, and leaves good names and intrinsics alone", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Parameters:",
        "  Alias:",
        "    Type: String",
        "Globals:",
        "  Function:",
        "    AutoPublishAlias: '2024'",
        "Resources:",
        ...samFunction("A"),
        ...samFunction("B"),
        ...samFunction("C", "AutoPublishAlias: live!"),
        ...samFunction("D", "AutoPublishAlias: blue_green-2"),
        ...samFunction("E", "AutoPublishAlias: !Ref Alias"),
      ),
      { only: ["E0001"] },
    );
    expect(brief(findings)).toEqual(["E0001 7:23", "E0001 27:25"]);
    expect(findings[0].message).toBe(
      "AutoPublishAlias '2024' is not an alias name: the SAM transform refuses it; use letters, digits, hyphens " +
        "and underscores, not digits alone (such as live)",
    );
    expect(findings[0].path).toEqual(["Globals", "Function", "AutoPublishAlias"]);
  });
});

describe("E0001 CORS with credentials for every origin", () => {
  it("reports AllowCredentials with a wildcard or absent origin, on REST and HTTP APIs and from Globals", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Globals:",
        "  HttpApi:",
        "    CorsConfiguration:",
        "      AllowOrigins: ['*']",
        "      AllowCredentials: true",
        "Resources:",
        "  Rest:",
        "    Type: AWS::Serverless::Api",
        "    Properties:",
        "      StageName: prod",
        "      Cors:",
        "        AllowMethods: \"'GET'\"",
        "        AllowCredentials: true",
        "  Named:",
        "    Type: AWS::Serverless::Api",
        "    Properties:",
        "      StageName: prod",
        "      Cors:",
        "        AllowOrigin: \"'https://example.com'\"",
        "        AllowCredentials: true",
        "  Http1:",
        "    Type: AWS::Serverless::HttpApi",
        "  Http2:",
        "    Type: AWS::Serverless::HttpApi",
        "  Http3:",
        "    Type: AWS::Serverless::HttpApi",
        "    Properties:",
        "      CorsConfiguration:",
        "        AllowOrigins: ['https://example.com']",
        "        AllowCredentials: true",
      ),
      { only: ["E0001"] },
    );
    expect(brief(findings)).toEqual(["E0001 6:25", "E0001 14:27"]);
    expect(findings.map((f) => f.message)).toEqual([
      "CorsConfiguration (from Globals) of Http1 allows credentials for any origin, which the SAM transform " +
        "refuses; list the origins allowed (AllowOrigins) or drop AllowCredentials",
      "Cors of Rest allows credentials for any origin, which the SAM transform refuses; list the origins allowed " +
        "(AllowOrigin) or drop AllowCredentials",
    ]);
  });
});

describe("E0001 CORS merged with Globals", () => {
  it("reads each key from the API's own Cors first, then from Globals, as the transform merges them", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Globals:",
        "  Api:",
        "    Cors:",
        "      AllowOrigin: \"'https://example.com'\"",
        "Resources:",
        "  Named:",
        "    Type: AWS::Serverless::Api",
        "    Properties:",
        "      StageName: prod",
        "      Cors:",
        "        AllowMethods: \"'GET'\"",
        "        AllowCredentials: true",
        "  Wildcard:",
        "    Type: AWS::Serverless::Api",
        "    Properties:",
        "      StageName: prod",
        "      Cors:",
        "        AllowOrigin: \"'*'\"",
        "        AllowCredentials: true",
      ),
      { only: ["E0001"] },
    );
    expect(brief(findings)).toEqual(["E0001 20:27"]);
    expect(findings[0].message).toMatch(/^Cors of Wildcard allows credentials for any origin/);
  });
});

describe("E0001 settings that need an inline OpenAPI document", () => {
  it("reports what the transform would write into a DefinitionUri document, Globals included", () => {
    const findings = lint(
      yaml(
        ...samGlobals("Api", "Auth:", "  ApiKeyRequired: true"),
        "Resources:",
        "  Rest:",
        "    Type: AWS::Serverless::Api",
        "    Properties:",
        "      StageName: prod",
        "      DefinitionUri: s3://bucket/api.yaml",
        "      Name: orders",
        "      MergeDefinitions: false",
        "  Inline:",
        "    Type: AWS::Serverless::Api",
        "    Properties:",
        "      StageName: prod",
        "      DefinitionBody: {openapi: '3.0.1', paths: {}}",
        "  Http:",
        "    Type: AWS::Serverless::HttpApi",
        "    Properties:",
        "      DefinitionUri: ./openapi.yaml",
        "      DefinitionBody: {openapi: '3.0.1', paths: {}}",
        "      Tags:",
        "        team: orders",
        "      DisableExecuteApiEndpoint: false",
        "      FailOnWarnings: true",
      ),
      { only: ["E0001"] },
    );
    expect(brief(findings)).toEqual(["E0001 7:3", "E0001 23:7", "E0001 24:7", "E0001 26:7"]);
    expect(findings.map((f) => f.message)).toEqual([
      "Auth (from Globals) of Rest works only with an inline OpenAPI document, and Rest reads its document from " +
        "DefinitionUri: the SAM transform refuses it; write Auth into the document, or inline the document as " +
        "DefinitionBody (Fn::Transform with AWS::Include reads it from S3)",
      "Http has both DefinitionUri and DefinitionBody; the SAM transform takes one of them",
      expect.stringMatching(/^Tags of Http works only with an inline OpenAPI document/),
      expect.stringMatching(/^DisableExecuteApiEndpoint of Http works only/),
    ]);
  });
});

describe("E3002 keys of SAM API Auth and CORS", () => {
  it("reports keys the transform does not know, with the one meant, in resources and Globals", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Globals:",
        "  Api:",
        "    Cors:",
        "      AllowOrigins: \"'https://example.com'\"",
        "Resources:",
        "  Rest:",
        "    Type: AWS::Serverless::Api",
        "    Properties:",
        "      StageName: prod",
        "      Auth:",
        "        DefaultAuthoriser: Tokens",
        "        ApiKeyRequired: true",
        "  Http:",
        "    Type: AWS::Serverless::HttpApi",
        "    Properties:",
        "      Auth:",
        "        EnableIamAuthorizer: true",
        "      CorsConfiguration:",
        "        AllowOrigin: ['https://example.com']",
        "  Open:",
        "    Type: AWS::Serverless::HttpApi",
        "    Properties:",
        "      CorsConfiguration: true",
      ),
      { only: ["E3002", "E3012"] },
    );
    expect(brief(findings)).toEqual(["E3002 5:7", "E3002 12:9", "E3002 20:9"]);
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringContaining("Unknown property 'AllowOrigins'"),
      "Unknown property 'DefaultAuthoriser' in Auth (AWS::Serverless::Api.ApiAuth) (did you mean 'DefaultAuthorizer'?)",
      "Unknown property 'AllowOrigin' in CorsConfiguration (AWS::Serverless::HttpApi.HttpApiCors) (did you mean " +
        "'AllowOrigins'?)",
    ]);
  });
});

describe("E3032 layers a SAM function gets with those of Globals", () => {
  const layers = (n: number, first = 0) =>
    Array.from({ length: n }, (_, i) => `  - arn:aws:lambda:us-east-1:123456789012:layer:l${first + i}:1`);

  it("counts the function's layers together with those Globals adds", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Globals:",
        "  Function:",
        "    Layers:",
        ...layers(3).map((line) => `    ${line}`),
        "Resources:",
        ...samFunction("Six", "Layers:", ...layers(3, 3)),
        ...samFunction("Five", "Layers:", ...layers(2, 3)),
        ...samFunction("Inherits"),
      ),
      { only: ["E3032"] },
    );
    expect(brief(findings)).toEqual(["E3032 15:7"]);
    expect(findings[0].message).toBe(
      "Function Six gets 6 layers: 3 from Globals.Function and 3 of its own, which the SAM transform puts together; " +
        "Lambda allows 5",
    );
  });

  it("leaves six layers in Globals to the list's own constraint, reported there once", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Globals:",
        "  Function:",
        "    Layers:",
        ...layers(6).map((line) => `    ${line}`),
        "Resources:",
        ...samFunction("A"),
        ...samFunction("B", "Layers:", ...layers(1, 6)),
      ),
      { only: ["E3032"] },
    );
    expect(brief(findings)).toEqual(["E3032 5:7"]);
    expect(findings[0].path).toEqual(["Globals", "Function", "Layers"]);
  });
});

describe("E0001 SimpleTable primary keys", () => {
  it("takes String, Number and Binary as written, and suggests one for anything else", () => {
    const table = (name: string, type: string) => [
      `  ${name}:`,
      "    Type: AWS::Serverless::SimpleTable",
      "    Properties:",
      "      PrimaryKey:",
      "        Name: id",
      `        Type: ${type}`,
    ];
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        ...table("Typo", "Strin"),
        ...table("Lower", "number"),
        ...table("Good", "Binary"),
      ),
      { only: ["E0001"] },
    );
    expect(brief(findings)).toEqual(["E0001 8:15", "E0001 14:15"]);
    expect(findings.map((f) => f.message)).toEqual([
      "PrimaryKey Type 'Strin' of Typo is not String, Number or Binary, so the SAM transform refuses it (did you " +
        "mean 'String'?)",
      "PrimaryKey Type 'number' of Lower is not String, Number or Binary, so the SAM transform refuses it (did you " +
        "mean 'Number'?)",
    ]);
  });
});

describe("E0001 REST event authorizers NONE and scopes", () => {
  const event = (name: string, ...lines: string[]) => [
    `        ${name}:`,
    "          Type: Api",
    "          Properties:",
    ...lines.map((line) => `            ${line}`),
  ];

  it("asks NONE for a DefaultAuthorizer to turn off, and scopes for an Authorizer", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        "  Guarded:",
        "    Type: AWS::Serverless::Api",
        "    Properties:",
        "      StageName: prod",
        "      Auth:",
        "        DefaultAuthorizer: Tokens",
        "        Authorizers:",
        "          Tokens: {FunctionArn: arn:aws:lambda:us-east-1:123456789012:function:auth}",
        "  Open:",
        "    Type: AWS::Serverless::Api",
        "    Properties:",
        "      StageName: prod",
        ...samFunction("Fn", "Events:"),
        ...event("Implicit", "Path: /a", "Method: get", "Auth: {Authorizer: NONE}"),
        ...event("Off", "RestApiId: !Ref Guarded", "Path: /b", "Method: get", "Auth: {Authorizer: NONE}"),
        ...event("Nothing", "RestApiId: !Ref Open", "Path: /c", "Method: get", "Auth: {Authorizer: NONE}"),
        ...event(
          "Scopes",
          "RestApiId: !Ref Guarded",
          "Path: /d",
          "Method: get",
          "Auth: {AuthorizationScopes: [a/b]}",
        ),
      ),
      { only: ["E0001"] },
    );
    expect(brief(findings)).toEqual(["E0001 27:32", "E0001 41:32", "E0001 48:41"]);
    expect(findings.map((f) => f.message)).toEqual([
      "Event Implicit of Fn turns its authorizer off with NONE, but the API the SAM transform makes for it " +
        "(ServerlessRestApi) has no DefaultAuthorizer, which the SAM transform requires for NONE; remove " +
        "Auth.Authorizer, or give the API a DefaultAuthorizer",
      expect.stringContaining(
        "Event Nothing of Fn turns its authorizer off with NONE, but Open has no DefaultAuthorizer",
      ),
      "Event Scopes of Fn has AuthorizationScopes but no Authorizer, and the SAM transform takes scopes only with " +
        "one; name the authorizer (Auth.Authorizer) the scopes are for",
    ]);
  });
});

describe("E0001 SAM function code, dead-letter queues and layer retention", () => {
  it("reports a function without code, a DLQ type other than SQS or SNS, and a retention other than Retain or Delete", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        "  NoCode:",
        "    Type: AWS::Serverless::Function",
        "    Properties:",
        "      Runtime: python3.13",
        "      Handler: app.handler",
        "  Image:",
        "    Type: AWS::Serverless::Function",
        "    Properties:",
        "      PackageType: Image",
        ...samFunction(
          "Dlq",
          "DeadLetterQueue:",
          "  Type: SQSS",
          "  TargetArn: arn:aws:sqs:us-east-1:123456789012:q",
        ),
        "  Layer:",
        "    Type: AWS::Serverless::LayerVersion",
        "    Properties:",
        "      ContentUri: s3://bucket/layer.zip",
        "      RetentionPolicy: Keep",
        "  Kept:",
        "    Type: AWS::Serverless::LayerVersion",
        "    Properties:",
        "      ContentUri: s3://bucket/layer.zip",
        "      RetentionPolicy: retain",
      ),
      { only: ["E0001"] },
    );
    expect(brief(findings)).toEqual(["E0001 3:3", "E0001 19:15", "E0001 25:24"]);
    // Packaging gives a function without code the template's directory: only a warning.
    expect(findings.map((f) => f.severity)).toEqual(["warning", "error", "error"]);
    expect(findings.map((f) => f.message)).toEqual([
      "Function NoCode has neither CodeUri nor InlineCode, on itself or in Globals.Function: sam build and aws " +
        "cloudformation package use the template's directory as its code, but deployed as written (preview-stacks " +
        "deploy packages only the paths a template names) the SAM transform refuses it; write CodeUri: . for the " +
        "template's directory, or point CodeUri at the code",
      "DeadLetterQueue Type 'SQSS' of Dlq is not SQS or SNS, so the SAM transform refuses it (did you mean 'SQS'?)",
      "RetentionPolicy 'Keep' of layer Layer is not Retain or Delete, so the SAM transform refuses it",
    ]);
  });

  it("takes code from Globals", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Globals:",
        "  Function:",
        "    CodeUri: src/",
        "Resources:",
        "  Fn:",
        "    Type: AWS::Serverless::Function",
        "    Properties:",
        "      Runtime: python3.13",
        "      Handler: app.handler",
      ),
      { only: ["E0001"] },
    );
    expect(findings).toEqual([]);
  });
});
