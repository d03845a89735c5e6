/**
 * E3903/W3903/E3904: API Gateway deployments of APIs written method by method; E3980: a canary
 * Deployment without its stage; E3905: a DynamoDB
 * table's StreamArn without a stream.
 */
import { describe, expect, it } from "vitest";
import { brief, lint, located, yaml } from "../lint";

describe("E3903, W3903 and E3904 API Gateway deployments", () => {
  it("finds a deployment before any method, of an API without methods, and a stage created twice", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Api:",
        "    Type: AWS::ApiGateway::RestApi",
        "    Properties:",
        "      Name: api",
        "  Method:",
        "    Type: AWS::ApiGateway::Method",
        "    Properties:",
        "      RestApiId: !Ref Api",
        "      ResourceId: !GetAtt Api.RootResourceId",
        "      HttpMethod: GET",
        "      AuthorizationType: NONE",
        "      Integration: { Type: MOCK }",
        "  Deployment:",
        "    Type: AWS::ApiGateway::Deployment",
        "    Properties:",
        "      RestApiId: !Ref Api",
        "      StageName: prod",
        "  Stage:",
        "    Type: AWS::ApiGateway::Stage",
        "    Properties:",
        "      RestApiId: !Ref Api",
        "      DeploymentId: !Ref Deployment",
        "      StageName: prod",
        "  Empty:",
        "    Type: AWS::ApiGateway::RestApi",
        "    Properties:",
        "      Name: empty",
        "  EmptyDeployment:",
        "    Type: AWS::ApiGateway::Deployment",
        "    Properties:",
        "      RestApiId: !Ref Empty",
        "  Defined:",
        "    Type: AWS::ApiGateway::RestApi",
        "    Properties:",
        '      Body: { openapi: 3.0.1, info: { title: x, version: "1" }, paths: {} }',
        "  DefinedDeployment:",
        "    Type: AWS::ApiGateway::Deployment",
        "    Properties:",
        "      RestApiId: !Ref Defined",
        "  GoodDeployment:",
        "    Type: AWS::ApiGateway::Deployment",
        "    DependsOn: Method",
        "    Properties:",
        "      RestApiId: !Ref Api",
        "  Nested:",
        "    Type: AWS::ApiGateway::Deployment",
        "    DependsOn: Empty",
        "    Properties:",
        "      RestApiId: !Ref Empty",
      ),
      { only: ["E3903", "E3904", "W3903"] },
    );
    expect(brief(findings)).toEqual(["E3903 14:3", "E3904 18:18", "W3903 32:18"]);
    expect(findings[0].message).toBe(
      "Deployment 'Deployment' does not depend on any method of RestApi 'Api', so CloudFormation may create it " +
        "before the methods, and API Gateway refuses to deploy an API without methods; give it DependsOn: [Method]",
    );
    expect(findings[1].message).toBe(
      "Deployment 'Deployment' creates stage 'prod' of RestApi 'Api', and Stage 'Stage' creates it too, so the " +
        "second fails with 'Stage already exists'; remove StageName from the Deployment and let the Stage name it, " +
        "with DeploymentId pointing at the Deployment",
    );
    expect(findings[2].message).toMatch(
      /^Deployment 'EmptyDeployment' deploys RestApi 'Empty', which has no Body/,
    );
  });
});

describe("E3980 canary deployments", () => {
  it("reports a canary Deployment without StageName, and leaves one that names an existing Stage to it", () => {
    const lines = [
      "Parameters:",
      "  Canary: {Type: String, AllowedValues: ['yes', 'no']}",
      "Conditions:",
      "  WithCanary: !Equals [!Ref Canary, 'yes']",
      "Resources:",
      "  Api:",
      "    Type: AWS::ApiGateway::RestApi",
      "    Properties: {Name: api, Body: {openapi: 3.0.1, paths: {}}}",
      "  Deployment:",
      "    Type: AWS::ApiGateway::Deployment",
      "    Properties: {RestApiId: !Ref Api}",
      "  Stage:",
      "    Type: AWS::ApiGateway::Stage",
      "    Properties: {RestApiId: !Ref Api, StageName: prod, DeploymentId: !Ref Deployment}",
      "  CanaryDeployment:",
      "    Type: AWS::ApiGateway::Deployment",
      "    DependsOn: Stage",
      "    Properties:",
      "      RestApiId: !Ref Api",
      "      StageName: prod",
      "      DeploymentCanarySettings: {PercentTraffic: 10}",
      "  NoStage:",
      "    Type: AWS::ApiGateway::Deployment",
      "    DependsOn: Stage",
      "    Properties:",
      "      RestApiId: !Ref Api",
      "      DeploymentCanarySettings: {PercentTraffic: 10}",
      "  MaybeStage:",
      "    Type: AWS::ApiGateway::Deployment",
      "    DependsOn: Stage",
      "    Properties:",
      "      RestApiId: !Ref Api",
      "      StageName: !Ref AWS::NoValue",
      "      DeploymentCanarySettings: !If [WithCanary, {PercentTraffic: 10}, !Ref AWS::NoValue]",
    ];
    // cfn-lint 1.51 reports neither; our E3904 leaves CanaryDeployment alone: it creates no stage.
    // MaybeStage has canary settings only where WithCanary holds, which only the deploy knows.
    const findings = lint(yaml(...lines), { only: ["E3980", "E3904"] });
    expect(brief(findings)).toEqual(["E3980 27:7"]);
    expect(findings[0].message).toBe(
      "Deployment 'NoStage' has DeploymentCanarySettings and no StageName, and API Gateway refuses a canary " +
        "deployment without the stage it is the canary of; set StageName to that stage, which must exist before the " +
        "Deployment (DependsOn the AWS::ApiGateway::Stage that creates it)",
    );
  });
});

describe("E3904 under Conditions", () => {
  it("leaves a Deployment and a Stage under two different Conditions alone, and not under one", () => {
    const lines = (deployment: string, stage: string) =>
      yaml(
        "Parameters:",
        "  Explicit: {Type: String, AllowedValues: ['yes', 'no']}",
        "Conditions:",
        "  WithStage: !Equals [!Ref Explicit, 'yes']",
        "  WithoutStage: !Not [!Condition WithStage]",
        "Resources:",
        "  Api:",
        "    Type: AWS::ApiGateway::RestApi",
        "    Properties: {Name: api, Body: {openapi: 3.0.1, paths: {}}}",
        "  Deployment:",
        "    Type: AWS::ApiGateway::Deployment",
        `    Condition: ${deployment}`,
        "    Properties: {RestApiId: !Ref Api, StageName: prod}",
        "  Stage:",
        "    Type: AWS::ApiGateway::Stage",
        `    Condition: ${stage}`,
        "    Properties: {RestApiId: !Ref Api, StageName: prod, DeploymentId: abc123}",
      );
    expect(brief(lint(lines("WithoutStage", "WithStage"), { only: ["E3904"] }))).toEqual([]);
    expect(brief(lint(lines("WithStage", "WithStage"), { only: ["E3904"] }))).toEqual(["E3904 13:50"]);
    // Values passed that make both Conditions true make both resources (a test's own pair).
    const both = lines("WithStage", "Prod").replace(
      "Resources:",
      "  Prod: !Equals [!Ref AWS::StackName, prod]\nResources:",
    );
    expect(brief(lint(both, { only: ["E3904"] }))).toEqual([]);
    expect(
      brief(lint(both, { only: ["E3904"], parameterValues: { Explicit: "yes" }, stackName: "prod" })),
    ).toEqual(["E3904 14:50"]);
  });
});

describe("E3904 with a stage name a parameter gives", () => {
  it("reports a Deployment and a Stage that take their StageName from one parameter, not from two", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Environment: {Type: String, Default: dev}",
        "  Other: {Type: String, Default: dev}",
        "Resources:",
        "  Api:",
        "    Type: AWS::ApiGateway::RestApi",
        "    Properties: {Name: api, Body: {openapi: 3.0.1, paths: {}}}",
        "  Deployment:",
        "    Type: AWS::ApiGateway::Deployment",
        "    Properties: {RestApiId: !Ref Api, StageName: !Ref Environment}",
        "  Stage:",
        "    Type: AWS::ApiGateway::Stage",
        "    Properties: {RestApiId: !Ref Api, StageName: !Ref Environment, DeploymentId: !Ref Deployment}",
        "  OtherDeployment:",
        "    Type: AWS::ApiGateway::Deployment",
        "    Properties: {RestApiId: !Ref Api, StageName: !Ref Other}",
      ),
      { only: ["E3904"] },
    );
    expect(located(findings)).toEqual([
      "E3904 10 Deployment 'Deployment' creates stage !Ref 'Environment' of RestApi 'Api', and Stage 'Stage' creates " +
        "it too, so the second fails with 'Stage already exists'; remove StageName from the Deployment and let the " +
        "Stage name it, with DeploymentId pointing at the Deployment",
    ]);
  });

  it("reads a StageName a Fn::Join builds as the Fn::Sub text it makes", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Environment: {Type: String, Default: dev}",
        "Resources:",
        "  Api:",
        "    Type: AWS::ApiGateway::RestApi",
        "    Properties: {Name: api, Body: {openapi: 3.0.1, paths: {}}}",
        "  Deployment:",
        "    Type: AWS::ApiGateway::Deployment",
        "    Properties: {RestApiId: !Ref Api, StageName: !Join [_, [!Ref Environment, v1]]}",
        "  Stage:",
        "    Type: AWS::ApiGateway::Stage",
        "    Properties: {RestApiId: !Ref Api, StageName: !Sub '${Environment}_v1', DeploymentId: !Ref Deployment}",
        "  Other:",
        "    Type: AWS::ApiGateway::Stage",
        "    Properties: {RestApiId: !Ref Api, StageName: !Join [_, [!Ref Environment, v2]], DeploymentId: !Ref Deployment}",
      ),
      { only: ["E3904"] },
    );
    expect(brief(findings)).toEqual(["E3904 9:50"]);
    expect(findings[0].message).toMatch(
      /^Deployment 'Deployment' creates stage the !Join of '\$\{Environment\}_v1' of /,
    );
  });
});

describe("E3905 DynamoDB StreamArn", () => {
  it("finds StreamArn of a table without StreamSpecification, through GetAtt and Sub", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Table:",
        "    Type: AWS::DynamoDB::Table",
        "    Properties:",
        "      BillingMode: PAY_PER_REQUEST",
        "      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]",
        "      KeySchema: [{ AttributeName: id, KeyType: HASH }]",
        "  Streamed:",
        "    Type: AWS::DynamoDB::Table",
        "    Properties:",
        "      BillingMode: PAY_PER_REQUEST",
        "      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]",
        "      KeySchema: [{ AttributeName: id, KeyType: HASH }]",
        "      StreamSpecification: { StreamViewType: NEW_IMAGE }",
        "  Mapping:",
        "    Type: AWS::Lambda::EventSourceMapping",
        "    Properties:",
        "      EventSourceArn: !GetAtt Table.StreamArn",
        "      FunctionName: fn",
        "      StartingPosition: LATEST",
        "  Other:",
        "    Type: AWS::Lambda::EventSourceMapping",
        "    Properties:",
        "      EventSourceArn: !GetAtt Streamed.StreamArn",
        "      FunctionName: fn",
        "      StartingPosition: LATEST",
        "Outputs:",
        "  Stream:",
        '    Value: !Sub "${Table.StreamArn}"',
      ),
      { only: ["E3905"] },
    );
    expect(brief(findings)).toEqual(["E3905 18:31", "E3905 29:20"]);
    expect(findings[0].message).toBe(
      "Table 'Table' has no StreamSpecification, so it has no stream and no StreamArn; add StreamSpecification " +
        "with the StreamViewType the consumer needs (NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES or KEYS_ONLY)",
    );
  });
});
