/**
 * The API Gateway REST API rules: E3660 (a Name or a definition), E3698, E3699, E3708 and E3718; E3706
 * scaling ranges; W3660 a definition other resources change; E3907 Lambda invocation URIs; E3913,
 * W3913 and E3916 HTTP methods, authorizers and integration methods; E3919 resource path parts;
 * E3920 HTTP API routes, their authorization and Lambda integrations; E3971 HTTP API CORS; E3922 stage names; E3935 what waits for a stage.
 */
import { describe, expect, it } from "vitest";
import { brief, lambdaFunction, lint, yaml } from "../lint";

const check = (only: string[], ...lines: string[]) => lint(yaml(...lines), { only });

const APIS = [
  "Resources:",
  "  Api:",
  "    Type: AWS::ApiGateway::RestApi",
  "    Properties:",
  "      Name: orders",
  "  OtherApi:",
  "    Type: AWS::ApiGateway::RestApi",
  "    Properties:",
  "      Name: billing",
];

describe("E3660 RestApi Name", () => {
  it("requires a Name unless Body or BodyS3Location defines the API", () => {
    const findings = check(
      ["E3660"],
      "Resources:",
      "  Unnamed:",
      "    Type: AWS::ApiGateway::RestApi",
      "    Properties:",
      "      Description: no name",
      "  Bare:",
      "    Type: AWS::ApiGateway::RestApi",
      "  Defined:",
      "    Type: AWS::ApiGateway::RestApi",
      "    Properties:",
      "      BodyS3Location: { Bucket: specs, Key: api.yaml }",
      "  Named:",
      "    Type: AWS::ApiGateway::RestApi",
      "    Properties:",
      "      Name: !Sub '${AWS::StackName}-api'",
    );
    expect(brief(findings)).toEqual(["E3660 4:5", "E3660 6:3"]);
    expect(findings[0].message).toBe(
      "A RestApi without an OpenAPI definition needs a Name: add Name, or define the API with Body or BodyS3Location",
    );
  });
});

describe("E3698 Stage and Deployment of the same RestApi", () => {
  it("flags a stage whose deployment deploys another API, and leaves unknown ids alone", () => {
    const findings = check(
      ["E3698"],
      ...APIS,
      "  Deployment:",
      "    Type: AWS::ApiGateway::Deployment",
      "    Properties:",
      "      RestApiId: !Ref OtherApi",
      "  Wrong:",
      "    Type: AWS::ApiGateway::Stage",
      "    Properties:",
      "      RestApiId: !Ref Api",
      "      DeploymentId: !Ref Deployment",
      "  Right:",
      "    Type: AWS::ApiGateway::Stage",
      "    Properties:",
      "      RestApiId: !Ref OtherApi",
      "      DeploymentId: !Ref Deployment",
      "  Imported:",
      "    Type: AWS::ApiGateway::Stage",
      "    Properties:",
      "      RestApiId: !ImportValue shared-api",
      "      DeploymentId: !Ref Deployment",
    );
    expect(brief(findings)).toEqual(["E3698 18:21"]);
    expect(findings[0].message).toBe(
      "Stage 'Wrong' belongs to RestApi 'Api', but its deployment 'Deployment' belongs to RestApi 'OtherApi'; both " +
        "must name the same RestApiId",
    );
  });
});

describe("E3699 and E3708 Method and Authorizer", () => {
  const authorizers = [
    "  Tokens:",
    "    Type: AWS::ApiGateway::Authorizer",
    "    Properties:",
    "      RestApiId: !Ref Api",
    "      Name: tokens",
    "      Type: TOKEN",
    "      IdentitySource: method.request.header.Authorization",
    "      AuthorizerUri: arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn/invocations",
    "  Pool:",
    "    Type: AWS::ApiGateway::Authorizer",
    "    Properties:",
    "      RestApiId: abc123",
    "      Name: pool",
    "      Type: COGNITO_USER_POOLS",
    "      IdentitySource: method.request.header.Authorization",
    "      ProviderARNs: [arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_x]",
  ];
  /** A GET method on the root of `api` with the given authorization. */
  const method = (name: string, api: string, type: string, authorizer: string) => [
    `  ${name}:`,
    "    Type: AWS::ApiGateway::Method",
    "    Properties:",
    `      RestApiId: ${api}`,
    "      ResourceId: !GetAtt Api.RootResourceId",
    "      HttpMethod: GET",
    `      AuthorizationType: ${type}`,
    `      AuthorizerId: !Ref ${authorizer}`,
  ];

  it("E3699 flags an authorizer of another API", () => {
    const findings = check(
      ["E3699"],
      ...APIS,
      ...authorizers,
      ...method("Same", "!Ref Api", "CUSTOM", "Tokens"),
      ...method("Cross", "!Ref OtherApi", "CUSTOM", "Tokens"),
      ...method("ById", "xyz789", "COGNITO_USER_POOLS", "Pool"),
      ...method("SameId", "abc123", "COGNITO_USER_POOLS", "Pool"),
    );
    expect(brief(findings)).toEqual(["E3699 41:21", "E3699 49:21"]);
    expect(findings[0].message).toBe(
      "Method 'Cross' belongs to RestApi 'OtherApi', but its authorizer 'Tokens' belongs to RestApi 'Api'; both " +
        "must name the same RestApiId",
    );
    expect(findings[1].message).toContain(
      "Method 'ById' belongs to the RestApi with id 'xyz789', but its authorizer 'Pool' belongs to the RestApi with id 'abc123'",
    );
  });

  it("E3708 flags an AuthorizationType that does not fit the authorizer", () => {
    const findings = check(
      ["E3708"],
      ...APIS,
      ...authorizers,
      ...method("TokenAsPool", "!Ref Api", "COGNITO_USER_POOLS", "Tokens"),
      ...method("PoolAsCustom", "abc123", "CUSTOM", "Pool"),
      ...method("Fits", "!Ref Api", "CUSTOM", "Tokens"),
    );
    expect(brief(findings)).toEqual(["E3708 32:26", "E3708 40:26"]);
    expect(findings[0].message).toBe(
      "AuthorizationType COGNITO_USER_POOLS needs a COGNITO_USER_POOLS authorizer, and 'Tokens' is a TOKEN " +
        "authorizer; set AuthorizationType to CUSTOM or name another authorizer",
    );
    expect(findings[1].message).toContain("set AuthorizationType to COGNITO_USER_POOLS");
  });
});

describe("E3718 Lambda authorizer cache time", () => {
  it("holds TOKEN and REQUEST authorizers to an hour, and leaves user pool ones alone", () => {
    const authorizer = (name: string, type: string, ttl: number) => [
      `  ${name}:`,
      "    Type: AWS::ApiGateway::Authorizer",
      "    Properties:",
      "      RestApiId: !Ref Api",
      `      Name: ${name}`,
      `      Type: ${type}`,
      `      AuthorizerResultTtlInSeconds: ${ttl}`,
    ];
    const findings = check(
      ["E3718"],
      ...APIS,
      ...authorizer("Token", "TOKEN", 7200),
      ...authorizer("Request", "REQUEST", 3600),
      ...authorizer("Pool", "COGNITO_USER_POOLS", 7200),
    );
    expect(brief(findings)).toEqual(["E3718 16:37"]);
    expect(findings[0].message).toBe(
      "A TOKEN authorizer caches its result for at most 3600 seconds, not 7200; set AuthorizerResultTtlInSeconds " +
        "to 3600 or less",
    );
  });
});

describe("E3706 scaling ranges", () => {
  it("flags a minimum above the maximum, for Auto Scaling groups and Application Auto Scaling targets", () => {
    const findings = check(
      ["E3706"],
      "Resources:",
      "  Concurrency:",
      "    Type: AWS::ApplicationAutoScaling::ScalableTarget",
      "    Properties:",
      "      MinCapacity: 10",
      "      MaxCapacity: 5",
      "      ResourceId: function:worker:live",
      "      ScalableDimension: lambda:function:ProvisionedConcurrency",
      "      ServiceNamespace: lambda",
      "  Fits:",
      "    Type: AWS::ApplicationAutoScaling::ScalableTarget",
      "    Properties:",
      "      MinCapacity: 5",
      "      MaxCapacity: 5",
      "      ResourceId: function:worker:live",
      "      ScalableDimension: lambda:function:ProvisionedConcurrency",
      "      ServiceNamespace: lambda",
      "  Group:",
      "    Type: AWS::AutoScaling::AutoScalingGroup",
      "    Properties:",
      "      MinSize: '3'",
      "      MaxSize: '2'",
    );
    expect(brief(findings)).toEqual(["E3706 5:20", "E3706 21:16"]);
    expect(findings[0].message).toBe(
      "MinCapacity 10 is above MaxCapacity 5; lower MinCapacity or raise MaxCapacity",
    );
  });
});

describe("W3660 a REST API defined by an OpenAPI document and changed by other resources", () => {
  it("reports each resource that changes an API that Body, BodyS3Location or SAM defines, at the definition", () => {
    const findings = check(
      ["W3660"],
      "Transform: AWS::Serverless-2016-10-31",
      "Resources:",
      "  Defined:",
      "    Type: AWS::ApiGateway::RestApi",
      "    Properties:",
      '      Body: { openapi: 3.0.1, info: { title: x, version: "1" }, paths: {} }',
      "  Items:",
      "    Type: AWS::ApiGateway::Resource",
      "    Properties:",
      "      RestApiId: !Ref Defined",
      "      ParentId: !GetAtt Defined.RootResourceId",
      "      PathPart: items",
      "  Stored:",
      "    Type: AWS::ApiGateway::RestApi",
      "    Properties:",
      "      BodyS3Location: { Bucket: specs, Key: api.yaml }",
      "  Validator:",
      "    Type: AWS::ApiGateway::RequestValidator",
      "    Properties:",
      "      RestApiId: !Ref Stored",
      "      ValidateRequestBody: true",
      "  Merged:",
      "    Type: AWS::ApiGateway::RestApi",
      "    Properties:",
      "      Mode: merge",
      '      Body: { openapi: 3.0.1, info: { title: x, version: "1" }, paths: {} }',
      "  MergedModel:",
      "    Type: AWS::ApiGateway::Model",
      "    Properties:",
      "      RestApiId: !Ref Merged",
      "      ContentType: application/json",
      "      Schema: {}",
      "  Sam:",
      "    Type: AWS::Serverless::Api",
      "    Properties:",
      "      StageName: prod",
      "  SamResponse:",
      "    Type: AWS::ApiGateway::GatewayResponse",
      "    Properties:",
      "      RestApiId: !Ref Sam",
      "      ResponseType: DEFAULT_4XX",
      "  Plain:",
      "    Type: AWS::ApiGateway::RestApi",
      "    Properties:",
      "      Name: plain",
      "  PlainMethod:",
      "    Type: AWS::ApiGateway::Method",
      "    Properties:",
      "      RestApiId: !Ref Plain",
      "      ResourceId: !GetAtt Plain.RootResourceId",
      "      HttpMethod: GET",
      "      AuthorizationType: NONE",
      "  DefinedDeployment:",
      "    Type: AWS::ApiGateway::Deployment",
      "    Properties:",
      "      RestApiId: !Ref Defined",
    );
    // Items refers to Defined twice (Ref and GetAtt) and is reported once; the merge-mode API, the
    // API without a definition and the Deployment are fine.
    expect(brief(findings)).toEqual(["W3660 6:7", "W3660 16:7", "W3660 33:3"]);
    expect(findings[0].message).toBe(
      "Resource 'Items' changes API 'Defined', which is defined by its Body: every update overwrites the API with " +
        "that document and deletes what 'Items' made, while the stack still lists it; define it in Body instead, " +
        "or set Mode: merge on 'Defined'",
    );
    expect(findings[1].message).toContain(
      "RequestValidator 'Validator' changes API 'Stored', which is defined by its BodyS3Location",
    );
    expect(findings[2].message).toBe(
      "GatewayResponse 'SamResponse' changes API 'Sam', which is defined by the OpenAPI document SAM writes from " +
        "its events: every update overwrites the API with that document and deletes what 'SamResponse' made, while " +
        "the stack still lists it; define it in a DefinitionBody of 'Sam', or set Mode: merge on it",
    );
  });

  it("reports at a SAM Api's DefinitionBody, and not a SAM Api of a template without the transform", () => {
    const sam = check(
      ["W3660"],
      "Transform: AWS::Serverless-2016-10-31",
      "Resources:",
      "  Api:",
      "    Type: AWS::Serverless::Api",
      "    Properties:",
      "      StageName: prod",
      '      DefinitionBody: { openapi: 3.0.1, info: { title: x, version: "1" }, paths: {} }',
      "  Authorizer:",
      "    Type: AWS::ApiGateway::Authorizer",
      "    Properties:",
      "      RestApiId: !Ref Api",
      "      Name: auth",
      "      Type: TOKEN",
      "      AuthorizerUri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/x",
    );
    expect(brief(sam)).toEqual(["W3660 7:7"]);
    expect(sam[0].message).toContain("define it in DefinitionBody instead, or set Mode: merge on 'Api'");
    const plain = check(
      ["W3660"],
      "Resources:",
      "  Api:",
      "    Type: AWS::Serverless::Api",
      "    Properties:",
      "      StageName: prod",
      "  Model:",
      "    Type: AWS::ApiGateway::Model",
      "    Properties:",
      "      RestApiId: !Ref Api",
    );
    expect(plain).toEqual([]);
  });
});

describe("E3907 Lambda invocation URIs", () => {
  const INVOKE =
    "!Sub arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations";

  it("finds integrations and authorizers that name a function by its ARN or name", () => {
    const findings = check(
      ["E3907"],
      "Resources:",
      "  Api:",
      "    Type: AWS::ApiGateway::RestApi",
      "    Properties: { Name: api }",
      ...lambdaFunction("Fn"),
      "  Live:",
      "    Type: AWS::Lambda::Alias",
      "    Properties: { FunctionName: !Ref Fn, FunctionVersion: '1', Name: live }",
      "  ByArn:",
      "    Type: AWS::ApiGateway::Method",
      "    Properties:",
      "      RestApiId: !Ref Api",
      "      ResourceId: !GetAtt Api.RootResourceId",
      "      HttpMethod: GET",
      "      AuthorizationType: NONE",
      "      Integration: { Type: AWS_PROXY, IntegrationHttpMethod: POST, Uri: !GetAtt Fn.Arn }",
      "  ByName:",
      "    Type: AWS::ApiGateway::Method",
      "    Properties:",
      "      RestApiId: !Ref Api",
      "      ResourceId: !GetAtt Api.RootResourceId",
      "      HttpMethod: POST",
      "      AuthorizationType: NONE",
      "      Integration: { Type: AWS, IntegrationHttpMethod: POST, Uri: !Ref Fn }",
      "  Invoked:",
      "    Type: AWS::ApiGateway::Method",
      "    Properties:",
      "      RestApiId: !Ref Api",
      "      ResourceId: !GetAtt Api.RootResourceId",
      "      HttpMethod: PUT",
      "      AuthorizationType: NONE",
      "      Integration:",
      "        Type: AWS_PROXY",
      "        IntegrationHttpMethod: POST",
      `        Uri: ${INVOKE}`,
      "  Proxied:",
      "    Type: AWS::ApiGateway::Method",
      "    Properties:",
      "      RestApiId: !Ref Api",
      "      ResourceId: !GetAtt Api.RootResourceId",
      "      HttpMethod: DELETE",
      "      AuthorizationType: NONE",
      "      Integration: { Type: HTTP_PROXY, IntegrationHttpMethod: GET, Uri: 'https://example.com' }",
      "  Token:",
      "    Type: AWS::ApiGateway::Authorizer",
      "    Properties: { RestApiId: !Ref Api, Name: token, Type: TOKEN, AuthorizerUri: !Ref Live }",
      "  Http:",
      "    Type: AWS::ApiGatewayV2::Api",
      "    Properties: { Name: http, ProtocolType: HTTP }",
      "  HttpIntegration:",
      "    Type: AWS::ApiGatewayV2::Integration",
      "    Properties: { ApiId: !Ref Http, IntegrationType: AWS_PROXY, IntegrationUri: !GetAtt Fn.Arn, PayloadFormatVersion: '2.0' }",
      "  HttpAuthorizer:",
      "    Type: AWS::ApiGatewayV2::Authorizer",
      "    Properties: { ApiId: !Ref Http, Name: req, AuthorizerType: REQUEST, AuthorizerUri: 'arn:aws:lambda:eu-west-1:123456789012:function:auth' }",
      "  Jwt:",
      "    Type: AWS::ApiGatewayV2::Authorizer",
      "    Properties: { ApiId: !Ref Http, Name: jwt, AuthorizerType: JWT, IdentitySource: [$request.header.Authorization] }",
    );
    expect(brief(findings)).toEqual(["E3907 22:73", "E3907 30:67", "E3907 52:81", "E3907 61:88"]);
    expect(findings[0].message).toBe(
      "Integration.Uri of method 'ByArn' names a Lambda function by its ARN, and API Gateway refuses that; give the " +
        "invocation URI: !Sub arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/" +
        "${Fn.Arn}/invocations",
    );
    expect(findings[1].message).toContain("names a Lambda function by its name");
    expect(findings[1].message).toContain("/functions/${Fn.Arn}/invocations");
    expect(findings[2].message).toContain("AuthorizerUri of 'Token' names a Lambda function by its ARN");
    expect(findings[2].message).toContain("/functions/${Live}/invocations");
    expect(findings[3].message).toContain(
      "/functions/arn:aws:lambda:eu-west-1:123456789012:function:auth/invocations",
    );
  });
});

describe("E3913 / W3913 HTTP methods of methods and integrations", () => {
  /** A method `name` of API `Api` with the given HttpMethod and Integration lines. */
  const method = (name: string, verb: string, ...integration: string[]) => [
    `  ${name}:`,
    "    Type: AWS::ApiGateway::Method",
    "    Properties:",
    "      RestApiId: !Ref Api",
    "      ResourceId: !GetAtt Api.RootResourceId",
    `      HttpMethod: ${verb}`,
    "      AuthorizationType: NONE",
    "      Integration:",
    ...integration.map((line) => `        ${line}`),
  ];
  const invoke =
    "Uri: !Sub arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations";

  it("finds unknown HTTP methods, and Lambda integrations called with another method than POST", () => {
    const findings = check(
      ["E3913", "W3913"],
      "Resources:",
      "  Api:",
      "    Type: AWS::ApiGateway::RestApi",
      "    Properties: { Name: api }",
      ...lambdaFunction("Fn"),
      ...method("Fetch", "FETCH", "Type: MOCK"),
      ...method("Proxy", "GET", "Type: AWS_PROXY", "IntegrationHttpMethod: GET", invoke),
      ...method(
        "Joined",
        "any",
        "Type: AWS",
        "IntegrationHttpMethod: PUT",
        "Uri: !Join ['', ['arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/', !GetAtt Fn.Arn, '/invocations']]",
      ),
      ...method("Good", "GET", "Type: AWS_PROXY", "IntegrationHttpMethod: POST", invoke),
      ...method("Http", "GET", "Type: HTTP_PROXY", "IntegrationHttpMethod: GETS", "Uri: https://example.com"),
      // An HTTP proxy passes the client's method on with ANY.
      ...method(
        "Passed",
        "ANY",
        "Type: HTTP_PROXY",
        "IntegrationHttpMethod: ANY",
        "Uri: https://example.com",
      ),
      ...method(
        "Service",
        "GET",
        "Type: AWS",
        "IntegrationHttpMethod: GET",
        "Uri: arn:aws:apigateway:eu-west-1:s3:path/bucket/key",
      ),
    );
    expect(brief(findings)).toEqual(["E3913 17:19", "W3913 30:32", "W3913 41:32", "E3913 63:32"]);
    expect(findings[0].message).toBe(
      "HttpMethod 'FETCH' of method 'Fetch' is not an HTTP method API Gateway knows; use GET, POST, PUT, PATCH, " +
        "DELETE, HEAD, OPTIONS or ANY",
    );
    expect(findings[1].message).toBe(
      "Method 'Proxy' invokes a Lambda function with IntegrationHttpMethod GET, and Lambda is invoked with POST " +
        "only: the API deploys, but every request fails; set IntegrationHttpMethod: POST (the client's method stays " +
        "HttpMethod)",
    );
    expect(findings[3].message).toContain(
      "IntegrationHttpMethod 'GETS' of method 'Http' is not an HTTP method",
    );
  });
});

describe("E3916 what a method's authorization and integration types require", () => {
  it("asks for the AuthorizerId of CUSTOM and Cognito methods and the IntegrationHttpMethod of calling integrations", () => {
    const method = (name: string, ...lines: string[]) => [
      `  ${name}:`,
      "    Type: AWS::ApiGateway::Method",
      "    Properties:",
      "      RestApiId: !Ref Api",
      "      ResourceId: !GetAtt Api.RootResourceId",
      "      HttpMethod: GET",
      ...lines.map((line) => `      ${line}`),
    ];
    const findings = check(
      ["E3916"],
      ...APIS,
      ...method("Cognito", "AuthorizationType: COGNITO_USER_POOLS", "Integration: {Type: MOCK}"),
      ...method("Custom", "AuthorizationType: CUSTOM", "AuthorizerId: !Ref AWS::NoValue"),
      ...method(
        "Proxy",
        "AuthorizationType: NONE",
        "Integration:",
        "  Type: AWS_PROXY",
        "  Uri: arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn/invocations",
      ),
      ...method(
        "Http",
        "AuthorizationType: AWS_IAM",
        "Integration:",
        "  Type: HTTP",
        "  IntegrationHttpMethod: GET",
      ),
    );
    // APIS is nine lines; each method six before its own lines.
    // Custom's AuthorizerId is AWS::NoValue: no authorizer either.
    expect(brief(findings)).toEqual(["E3916 16:26", "E3916 24:26", "E3916 34:15"]);
    expect(findings.map((f) => f.message)).toEqual([
      "Method 'Cognito' has AuthorizationType COGNITO_USER_POOLS but no AuthorizerId, so API Gateway refuses it; " +
        "give the authorizer with AuthorizerId: !Ref <your AWS::ApiGateway::Authorizer>",
      expect.stringContaining("Method 'Custom' has AuthorizationType CUSTOM but no AuthorizerId"),
      "The AWS_PROXY integration of method 'Proxy' has no IntegrationHttpMethod, so API Gateway refuses it; add " +
        "IntegrationHttpMethod (POST to invoke a Lambda function)",
    ]);
  });
});

describe("E3919 resource path parts", () => {
  it("reports a slash, a space or stray braces, and says what to write", () => {
    const resource = (name: string, part: string) => [
      `  ${name}:`,
      "    Type: AWS::ApiGateway::Resource",
      "    Properties:",
      "      RestApiId: !Ref Api",
      "      ParentId: !GetAtt Api.RootResourceId",
      `      PathPart: ${part}`,
    ];
    const findings = check(
      ["E3919"],
      ...APIS,
      ...resource("Leading", "/users"),
      ...resource("Nested", "users/{id}"),
      ...resource("Braces", "user{id}"),
      ...resource("Param", "'{id}'"),
      ...resource("Proxy", "'{proxy+}'"),
      ...resource("Plain", "v1.2_beta-3"),
    );
    expect(brief(findings)).toEqual(["E3919 15:17", "E3919 21:17", "E3919 27:17"]);
    expect(findings.map((f) => f.message)).toEqual([
      "PathPart '/users' of resource 'Leading' is not one path segment, so API Gateway refuses it; write 'users' " +
        "(the parent resource gives the slash)",
      "PathPart 'users/{id}' of resource 'Nested' is not one path segment, so API Gateway refuses it; make a " +
        "Resource for each of 'users', '{id}', each the ParentId of the next",
      "PathPart 'user{id}' of resource 'Braces' is not one path segment, so API Gateway refuses it; use letters, " +
        "digits, '.', '_' and '-', or a parameter such as {id} or {proxy+}",
    ]);
  });
});

describe("E3920 HTTP API routes and Lambda integrations", () => {
  it("reports route keys, targets and payload format versions API Gateway refuses, on HTTP APIs only", () => {
    const route = (name: string, api: string, key: string, target: string) => [
      `  ${name}:`,
      "    Type: AWS::ApiGatewayV2::Route",
      "    Properties:",
      `      ApiId: !Ref ${api}`,
      `      RouteKey: ${key}`,
      `      Target: ${target}`,
    ];
    const findings = check(
      ["E3920"],
      "Resources:",
      "  Http:",
      "    Type: AWS::ApiGatewayV2::Api",
      "    Properties:",
      "      Name: h",
      "      ProtocolType: HTTP",
      "  Socket:",
      "    Type: AWS::ApiGatewayV2::Api",
      "    Properties:",
      "      Name: s",
      "      ProtocolType: WEBSOCKET",
      "      RouteSelectionExpression: $request.body.action",
      "  Lambda:",
      "    Type: AWS::ApiGatewayV2::Integration",
      "    Properties:",
      "      ApiId: !Ref Http",
      "      IntegrationType: AWS_PROXY",
      "      IntegrationUri: arn:aws:lambda:us-east-1:123456789012:function:f",
      "  SocketLambda:",
      "    Type: AWS::ApiGatewayV2::Integration",
      "    Properties:",
      "      ApiId: !Ref Socket",
      "      IntegrationType: AWS_PROXY",
      "      IntegrationUri: arn:aws:lambda:us-east-1:123456789012:function:f",
      ...route("NoSpace", "Http", "GET/users", "!Sub integrations/${Lambda}"),
      ...route("Proxy", "Http", "'ANY /{proxy+}'", "!Ref Lambda"),
      ...route("Greedy", "Http", "'GET /{proxy+}/x'", "!Sub integrations/${Lambda}"),
      ...route("Default", "Http", "$default", "!Sub integrations/${Lambda}"),
      ...route("Message", "Socket", "sendMessage", "!Sub integrations/${SocketLambda}"),
      // A service integration: AWS_PROXY with a subtype calls SQS, not Lambda.
      "  ToQueue:",
      "    Type: AWS::ApiGatewayV2::Integration",
      "    Properties:",
      "      ApiId: !Ref Http",
      "      IntegrationType: AWS_PROXY",
      "      IntegrationSubtype: SQS-SendMessage",
      "      RequestParameters: {QueueUrl: https://sqs.us-east-1.amazonaws.com/123456789012/q, MessageBody: $request.body}",
    );
    expect(brief(findings)).toEqual(["E3920 17:24", "E3920 29:17", "E3920 36:15", "E3920 41:17"]);
    expect(findings.map((f) => f.message)).toEqual([
      "Lambda integration 'Lambda' of an HTTP API has no PayloadFormatVersion, which API Gateway requires when " +
        "CloudFormation creates it; add PayloadFormatVersion: '2.0' (or '1.0' for the REST API event format)",
      "RouteKey 'GET/users' of route 'NoSpace' is neither $default nor a method and a path separated by a space, " +
        "such as 'GET /pets', so API Gateway refuses it",
      "Target of route 'Proxy' is not of the form integrations/<IntegrationId> (!Ref of an integration gives its id " +
        "alone), so API Gateway refuses it; write !Sub integrations/${Lambda}",
      "RouteKey 'GET /{proxy+}/x' of route 'Greedy' has a greedy path variable ({name+}) before the end of the " +
        "path, so API Gateway refuses it",
    ]);
  });

  it("reports PayloadFormatVersion 2.0 on an integration that is no Lambda proxy integration", () => {
    const integration = (name: string, ...properties: string[]) => [
      `  ${name}:`,
      "    Type: AWS::ApiGatewayV2::Integration",
      "    Properties:",
      "      ApiId: !Ref Http",
      ...properties.map((line) => `      ${line}`),
    ];
    const findings = check(
      ["E3920"],
      "Resources:",
      "  Http:",
      "    Type: AWS::ApiGatewayV2::Api",
      "    Properties: { Name: h, ProtocolType: HTTP }",
      ...integration(
        "Proxy",
        "IntegrationType: HTTP_PROXY",
        "IntegrationMethod: ANY",
        "IntegrationUri: https://example.com",
        'PayloadFormatVersion: "2.0"',
      ),
      ...integration(
        "ToQueue",
        "IntegrationType: AWS_PROXY",
        "IntegrationSubtype: SQS-SendMessage",
        "RequestParameters: {QueueUrl: https://sqs.us-east-1.amazonaws.com/123456789012/q, MessageBody: $request.body}",
        'PayloadFormatVersion: "2.0"',
      ),
      ...integration(
        "Lambda",
        "IntegrationType: AWS_PROXY",
        "IntegrationUri: arn:aws:lambda:us-east-1:123456789012:function:f",
        'PayloadFormatVersion: "2.0"',
      ),
      ...integration(
        "Old",
        "IntegrationType: HTTP_PROXY",
        "IntegrationMethod: ANY",
        "IntegrationUri: https://example.com",
        'PayloadFormatVersion: "1.0"',
      ),
    );
    // cfn-lint 1.51 reports neither.
    expect(brief(findings)).toEqual(["E3920 12:29", "E3920 20:29"]);
    expect(findings[0].message).toBe(
      "Integration 'Proxy' is no Lambda proxy integration (its type is HTTP_PROXY), and API Gateway takes " +
        "PayloadFormatVersion 2.0 only for those; use '1.0' or leave it out",
    );
    expect(findings[1].message).toContain(
      "Integration 'ToQueue' is no Lambda proxy integration (it calls another service through IntegrationSubtype)",
    );
  });
});

describe("E3920 HTTP API route authorization", () => {
  it("reports JWT and CUSTOM without an authorizer of their kind, and scopes off JWT", () => {
    const route = (name: string, ...lines: string[]) => [
      `  ${name}:`,
      "    Type: AWS::ApiGatewayV2::Route",
      "    Properties:",
      "      ApiId: !Ref Http",
      "      RouteKey: GET /",
      ...lines.map((line) => `      ${line}`),
    ];
    const findings = check(
      ["E3920"],
      "Resources:",
      "  Http:",
      "    Type: AWS::ApiGatewayV2::Api",
      "    Properties: { Name: h, ProtocolType: HTTP }",
      "  Jwt:",
      "    Type: AWS::ApiGatewayV2::Authorizer",
      "    Properties:",
      "      ApiId: !Ref Http",
      "      Name: jwt",
      "      AuthorizerType: JWT",
      "      IdentitySource: [$request.header.Authorization]",
      "      JwtConfiguration: { Audience: [a], Issuer: https://issuer.example.com }",
      "  Request:",
      "    Type: AWS::ApiGatewayV2::Authorizer",
      "    Properties:",
      "      ApiId: !Ref Http",
      "      Name: request",
      "      AuthorizerType: REQUEST",
      "      AuthorizerPayloadFormatVersion: '2.0'",
      "      AuthorizerUri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/f/invocations",
      ...route("NoAuthorizer", "AuthorizationType: JWT"),
      ...route("WrongKind", "AuthorizationType: CUSTOM", "AuthorizerId: !Ref Jwt"),
      ...route(
        "Scoped",
        "AuthorizationType: CUSTOM",
        "AuthorizerId: !Ref Request",
        "AuthorizationScopes: [read]",
      ),
      ...route("Open", "AuthorizationScopes: [read]"),
      ...route("Fine", "AuthorizationType: JWT", "AuthorizerId: !Ref Jwt", "AuthorizationScopes: [read]"),
      ...route("Imported", "AuthorizationType: CUSTOM", "AuthorizerId: !ImportValue shared-authorizer"),
    );
    expect(brief(findings)).toEqual(["E3920 26:26", "E3920 33:21", "E3920 41:28", "E3920 47:28"]);
    expect(findings.map((f) => f.message)).toEqual([
      "Route 'NoAuthorizer' has AuthorizationType JWT but no AuthorizerId, and API Gateway refuses it; give " +
        "AuthorizerId: !Ref <your AWS::ApiGatewayV2::Authorizer of type JWT>",
      "Route 'WrongKind' has AuthorizationType CUSTOM, which needs a REQUEST authorizer, and authorizer 'Jwt' is of " +
        "type JWT, so API Gateway refuses it; set AuthorizationType to JWT, or name a REQUEST authorizer",
      "Route 'Scoped' has AuthorizationScopes with AuthorizationType CUSTOM, and API Gateway takes scopes only with " +
        "JWT; remove AuthorizationScopes, or authorize the route with a JWT authorizer",
      "Route 'Open' has AuthorizationScopes with AuthorizationType NONE, and API Gateway takes scopes only with JWT; " +
        "remove AuthorizationScopes, or authorize the route with a JWT authorizer",
    ]);
  });
});

describe("E3971 HTTP API CORS", () => {
  it("reports credentials allowed for '*' among the origins", () => {
    const api = (name: string, cors: string) => [
      `  ${name}:`,
      "    Type: AWS::ApiGatewayV2::Api",
      "    Properties:",
      "      Name: h",
      "      ProtocolType: HTTP",
      `      CorsConfiguration: ${cors}`,
    ];
    const findings = check(
      ["E3971"],
      "Resources:",
      ...api("Open", "{ AllowCredentials: true, AllowOrigins: ['*'] }"),
      ...api("Mixed", "{ AllowCredentials: true, AllowOrigins: ['https://app.example.com', '*'] }"),
      ...api("Named", "{ AllowCredentials: true, AllowOrigins: ['https://app.example.com'] }"),
      ...api("Anonymous", "{ AllowCredentials: false, AllowOrigins: ['*'] }"),
    );
    expect(brief(findings)).toEqual(["E3971 7:46", "E3971 13:46"]);
    expect(findings[0].message).toBe(
      "The CorsConfiguration of HTTP API 'Open' allows credentials for any origin ('*' in AllowOrigins), and API " +
        "Gateway refuses it; list the origins allowed, or drop AllowCredentials",
    );
  });
});

describe("E3922 REST API stage names", () => {
  it("reports a stage name with a dot or a space, on stages, deployments and SAM APIs", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        "  Api:",
        "    Type: AWS::ApiGateway::RestApi",
        "    Properties:",
        "      Name: a",
        "  Stage:",
        "    Type: AWS::ApiGateway::Stage",
        "    Properties:",
        "      RestApiId: !Ref Api",
        "      DeploymentId: abc123",
        "      StageName: blue green",
        "  Good:",
        "    Type: AWS::ApiGateway::Stage",
        "    Properties:",
        "      RestApiId: !Ref Api",
        "      DeploymentId: abc123",
        "      StageName: prod_v1-2",
        "  Sam:",
        "    Type: AWS::Serverless::Api",
        "    Properties:",
        "      StageName: v1.0",
      ),
      { only: ["E3922"] },
    );
    expect(brief(findings)).toEqual(["E3922 12:18", "E3922 22:18"]);
    expect(findings.map((f) => f.message)).toEqual([
      "Stage name 'blue green' of Stage is not 1 to 128 letters, digits, hyphens and underscores, so API Gateway " +
        "refuses the stage",
      "Stage name 'v1.0' of Sam is not 1 to 128 letters, digits, hyphens and underscores, so API Gateway refuses " +
        "the stage; write 'v1_0' or 'v1-0'",
    ]);
  });
});

describe("E3935 usage plans and base path mappings that wait for their stage", () => {
  it("reports a stage named by its name without a dependency on the resource that creates it", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        "  Api:",
        "    Type: AWS::ApiGateway::RestApi",
        "    Properties: {Name: a}",
        "  Deployment:",
        "    Type: AWS::ApiGateway::Deployment",
        "    Properties: {RestApiId: !Ref Api}",
        "  Prod:",
        "    Type: AWS::ApiGateway::Stage",
        "    Properties: {RestApiId: !Ref Api, DeploymentId: !Ref Deployment, StageName: prod}",
        "  Plan:",
        "    Type: AWS::ApiGateway::UsagePlan",
        "    Properties:",
        "      ApiStages:",
        "        - {ApiId: !Ref Api, Stage: prod}",
        "  Waiting:",
        "    Type: AWS::ApiGateway::UsagePlan",
        "    DependsOn: Prod",
        "    Properties:",
        "      ApiStages:",
        "        - {ApiId: !Ref Api, Stage: prod}",
        "  Referring:",
        "    Type: AWS::ApiGateway::UsagePlan",
        "    Properties:",
        "      ApiStages:",
        "        - {ApiId: !Ref Api, Stage: !Ref Prod}",
        "  SamApi:",
        "    Type: AWS::Serverless::Api",
        "    Properties: {StageName: v1}",
        "  Mapping:",
        "    Type: AWS::ApiGateway::BasePathMapping",
        "    Properties: {DomainName: api.example.com, RestApiId: !Ref SamApi, Stage: v1}",
        "  SamWaiting:",
        "    Type: AWS::ApiGateway::BasePathMapping",
        "    DependsOn: SamApiv1Stage",
        "    Properties: {DomainName: api.example.com, RestApiId: !Ref SamApi, Stage: v1}",
      ),
      { only: ["E3935"] },
    );
    expect(brief(findings)).toEqual(["E3935 16:36", "E3935 33:78"]);
    expect(findings.map((f) => f.message)).toEqual([
      "Plan names stage 'prod' of Api by its name, so CloudFormation does not wait for Prod, which creates it, and " +
        "API Gateway refuses it (Invalid stage identifier specified); write Stage: !Ref Prod",
      expect.stringContaining(
        "does not wait for SamApiv1Stage, which creates it, and API Gateway refuses it " +
          "(Invalid stage identifier specified); write Stage: !Ref SamApi.Stage",
      ),
    ]);
    expect(findings.map((f) => f.severity)).toEqual(["error", "error"]);
  });

  it("warns where the mapping also waits for something the stage does not, such as a custom domain", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        "  Certificate:",
        "    Type: AWS::CertificateManager::Certificate",
        "    Properties: {DomainName: api.example.com, ValidationMethod: DNS}",
        "  Domain:",
        "    Type: AWS::ApiGateway::DomainName",
        "    Properties: {DomainName: api.example.com, RegionalCertificateArn: !Ref Certificate}",
        "  SamApi:",
        "    Type: AWS::Serverless::Api",
        "    Properties: {StageName: prod}",
        "  Mapping:",
        "    Type: AWS::ApiGateway::BasePathMapping",
        "    Properties: {DomainName: !Ref Domain, RestApiId: !Ref SamApi, Stage: prod}",
      ),
      { only: ["E3935"] },
    );
    expect(findings.map((f) => [f.severity, f.message])).toEqual([
      [
        "warning",
        "Mapping names stage 'prod' of SamApi by its name, so CloudFormation does not wait for SamApiprodStage, " +
          "which creates it, and API Gateway refuses it (Invalid stage identifier specified) whenever Domain, which " +
          "Mapping waits for, is ready before the stage; write Stage: !Ref SamApi.Stage",
      ],
    ]);
  });
});
