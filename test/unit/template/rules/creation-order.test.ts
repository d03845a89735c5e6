/**
 * W3959 to W3963 and W3983: resources a service accepts only once another resource of the template
 * exists, named without a dependency on it.
 */
import { describe, expect, it } from "vitest";
import { brief, lint, located, yaml } from "../lint";

const pool = (name: string) => [`  ${name}:`, "    Type: AWS::Cognito::UserPool"];
const provider = (name: string, providerName: string, poolName: string, ...more: string[]) => [
  `  ${name}:`,
  "    Type: AWS::Cognito::UserPoolIdentityProvider",
  ...more,
  "    Properties:",
  `      UserPoolId: !Ref ${poolName}`,
  `      ProviderName: ${providerName}`,
  "      ProviderType: Google",
  "      ProviderDetails: { client_id: id, client_secret: secret, authorize_scopes: openid }",
];
const client = (name: string, poolName: string, providers: string, ...more: string[]) => [
  `  ${name}:`,
  "    Type: AWS::Cognito::UserPoolClient",
  ...more,
  "    Properties:",
  `      UserPoolId: !Ref ${poolName}`,
  `      SupportedIdentityProviders: ${providers}`,
];

describe("W3959 user pool clients and their identity providers", () => {
  it("reports a provider named as text the client does not wait for", () => {
    const findings = lint(
      yaml(
        "Conditions:",
        "  WithGoogle: !Equals [!Ref AWS::Region, us-east-1]",
        "  NoGoogle: !Not [!Condition WithGoogle]",
        "Resources:",
        ...pool("Pool"),
        ...pool("OtherPool"),
        ...provider("Google", "Google", "Pool"),
        ...provider("Later", "Okta", "Pool", "    Condition: WithGoogle"),
        ...client("Racing", "Pool", "[COGNITO, Google]"),
        ...client("Waiting", "Pool", "[Google]", "    DependsOn: Google"),
        ...client("Elsewhere", "OtherPool", "[Google]"),
        ...client("Chosen", "Pool", "!If [WithGoogle, [Okta], [COGNITO]]", "    Condition: WithGoogle"),
        ...client("Excluded", "Pool", "[Okta]", "    Condition: NoGoogle"),
      ),
      { only: ["W3959"] },
    );
    expect(located(findings)[0]).toBe(
      "W3959 28 user pool client Racing names identity provider 'Google', which Google creates, but does not " +
        "wait for it, so CloudFormation may create the client first and Cognito refuses it (the provider does not " +
        "exist for the user pool); add DependsOn: Google",
    );
    expect(brief(findings)).toEqual(["W3959 28:45", "W3959 45:53"]);
  });

  it("counts a dependency through another resource", () => {
    const findings = lint(
      yaml(
        "Resources:",
        ...pool("Pool"),
        ...provider("Google", "Google", "Pool"),
        "  Domain:",
        "    Type: AWS::Cognito::UserPoolDomain",
        "    DependsOn: Google",
        "    Properties: { UserPoolId: !Ref Pool, Domain: my-domain }",
        ...client("Client", "Pool", "[Google]", "    DependsOn: Domain"),
      ),
      { only: ["W3959"] },
    );
    expect(findings).toEqual([]);
  });
});

describe("W3960 AppSync resolvers and the schema", () => {
  it("reports a resolver that does not wait for the schema of its API", () => {
    const api = [
      "  Api:",
      "    Type: AWS::AppSync::GraphQLApi",
      "    Properties: { Name: api, AuthenticationType: API_KEY }",
    ];
    const resolver = (name: string, ...more: string[]) => [
      `  ${name}:`,
      "    Type: AWS::AppSync::Resolver",
      ...more,
      "    Properties:",
      "      ApiId: !GetAtt Api.ApiId",
      "      TypeName: Query",
      `      FieldName: ${name.toLowerCase()}`,
      "      DataSourceName: !GetAtt Source.Name",
    ];
    const findings = lint(
      yaml(
        "Resources:",
        ...api,
        "  Schema:",
        "    Type: AWS::AppSync::GraphQLSchema",
        "    Properties: { ApiId: !GetAtt Api.ApiId, Definition: 'type Query { get: String list: String }' }",
        "  Source:",
        "    Type: AWS::AppSync::DataSource",
        "    Properties: { ApiId: !GetAtt Api.ApiId, Name: none, Type: NONE }",
        ...resolver("Get"),
        ...resolver("List", "    DependsOn: Schema"),
      ),
      { only: ["W3960"] },
    );
    expect(located(findings)).toEqual([
      "W3960 11 resolver Get (Query.get) does not wait for the schema Schema of its API, so CloudFormation may create " +
        "it first and AppSync refuses it (no such field on the type yet); add DependsOn: Schema",
    ]);
  });

  it("leaves a resolver whose API's schema is not in the template, or whose source waits for it", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Schema:",
        "    Type: AWS::AppSync::GraphQLSchema",
        "    Properties: { ApiId: abcdefghijklmnopqrstuvwxyz, Definition: 'type Query { get: String }' }",
        "  Source:",
        "    Type: AWS::AppSync::DataSource",
        "    DependsOn: Schema",
        "    Properties: { ApiId: abcdefghijklmnopqrstuvwxyz, Name: none, Type: NONE }",
        "  Get:",
        "    Type: AWS::AppSync::Resolver",
        "    Properties: { ApiId: abcdefghijklmnopqrstuvwxyz, TypeName: Query, FieldName: get, DataSourceName: !GetAtt Source.Name }",
        "  Other:",
        "    Type: AWS::AppSync::Resolver",
        "    Properties: { ApiId: zyxwvutsrqponmlkjihgfedcba, TypeName: Query, FieldName: get, DataSourceName: none }",
      ),
      { only: ["W3960"] },
    );
    expect(findings).toEqual([]);
  });
});

describe("W3961 Config rules, delivery channels and the recorder", () => {
  const recorder = [
    "  Recorder:",
    "    Type: AWS::Config::ConfigurationRecorder",
    "    Properties: { RoleARN: !GetAtt ConfigRole.Arn }",
    "  ConfigRole:",
    "    Type: AWS::IAM::Role",
    "    Properties:",
    "      AssumeRolePolicyDocument:",
    "        Statement: [{ Effect: Allow, Principal: { Service: config.amazonaws.com }, Action: sts:AssumeRole }]",
  ];
  const rule = (name: string, ...more: string[]) => [
    `  ${name}:`,
    "    Type: AWS::Config::ConfigRule",
    ...more,
    "    Properties: { Source: { Owner: AWS, SourceIdentifier: S3_BUCKET_VERSIONING_ENABLED } }",
  ];

  it("reports what does not wait for the recorder, and leaves what does", () => {
    const findings = lint(
      yaml(
        "Resources:",
        ...recorder,
        "  Channel:",
        "    Type: AWS::Config::DeliveryChannel",
        "    Properties: { S3BucketName: my-config-bucket }",
        ...rule("Early"),
        ...rule("Waiting", "    DependsOn: Recorder"),
        ...rule("Chained", "    DependsOn: Waiting"),
      ),
      { only: ["W3961"] },
    );
    expect(located(findings)).toEqual([
      "W3961 10 delivery channel Channel does not wait for the configuration recorder Recorder, so CloudFormation " +
        "may create it first and AWS Config refuses it (no configuration recorder is available); add DependsOn: " +
        "Recorder",
      "W3961 13 Config rule Early does not wait for the configuration recorder Recorder, so CloudFormation may " +
        "create it first and AWS Config refuses it (no configuration recorder is available); add DependsOn: Recorder",
    ]);
  });

  it("leaves rules in a template without a recorder, which the account has already", () => {
    expect(lint(yaml("Resources:", ...rule("Rule")), { only: ["W3961"] })).toEqual([]);
  });
});

describe("W3962 stages that log, and the account's logging role", () => {
  const account = (...more: string[]) => [
    "  Account:",
    "    Type: AWS::ApiGateway::Account",
    ...more,
    "    Properties: { CloudWatchRoleArn: !GetAtt LogRole.Arn }",
    "  LogRole:",
    "    Type: AWS::IAM::Role",
    "    Properties:",
    "      AssumeRolePolicyDocument:",
    "        Statement: [{ Effect: Allow, Principal: { Service: apigateway.amazonaws.com }, Action: sts:AssumeRole }]",
    "      ManagedPolicyArns: [arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]",
  ];

  it("reports stages, deployments, SAM APIs (a Globals setting once) and WebSocket stages that log without waiting", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Globals:",
        "  Api:",
        "    AccessLogSetting: { DestinationArn: !GetAtt Logs.Arn, Format: $context.requestId }",
        "Resources:",
        ...account(),
        "  Logs:",
        "    Type: AWS::Logs::LogGroup",
        "  Stage:",
        "    Type: AWS::ApiGateway::Stage",
        "    Properties:",
        "      RestApiId: abc123",
        "      DeploymentId: def456",
        "      MethodSettings: [{ ResourcePath: /*, HttpMethod: '*', LoggingLevel: INFO }]",
        "  Quiet:",
        "    Type: AWS::ApiGateway::Stage",
        "    Properties:",
        "      RestApiId: abc123",
        "      DeploymentId: def456",
        "      MethodSettings: [{ ResourcePath: /*, HttpMethod: '*', LoggingLevel: 'OFF', MetricsEnabled: true }]",
        "  Waiting:",
        "    Type: AWS::ApiGateway::Stage",
        "    DependsOn: Account",
        "    Properties:",
        "      RestApiId: abc123",
        "      DeploymentId: def456",
        "      MethodSettings: [{ ResourcePath: /*, HttpMethod: '*', LoggingLevel: ERROR }]",
        "  Deployment:",
        "    Type: AWS::ApiGateway::Deployment",
        "    Properties: { RestApiId: abc123, StageName: v1, StageDescription: { LoggingLevel: INFO } }",
        "  SamApi:",
        "    Type: AWS::Serverless::Api",
        "    Properties: { StageName: prod, DefinitionUri: s3://bucket/api.yaml }",
        "  OtherSamApi:",
        "    Type: AWS::Serverless::Api",
        "    Properties: { StageName: prod, DefinitionUri: s3://bucket/other.yaml }",
        "  Socket:",
        "    Type: AWS::ApiGatewayV2::Stage",
        "    Properties: { ApiId: abc123, StageName: prod, DefaultRouteSettings: { LoggingLevel: INFO } }",
      ),
      { only: ["W3962"] },
    );
    expect(located(findings)[1]).toBe(
      "W3962 22 Stage logs to CloudWatch but does not wait for Account, which sets the account's logging role, so " +
        "CloudFormation may create the stage first and API Gateway refuses it (CloudWatch Logs role ARN must be set " +
        "in account settings); add DependsOn: Account",
    );
    expect(brief(findings)).toEqual(["W3962 4:23", "W3962 22:75", "W3962 38:87", "W3962 47:89"]);
  });

  it("leaves stages when the template sets no logging role", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Stage:",
        "    Type: AWS::ApiGateway::Stage",
        "    Properties:",
        "      RestApiId: abc123",
        "      DeploymentId: def456",
        "      MethodSettings: [{ ResourcePath: /*, HttpMethod: '*', LoggingLevel: INFO }]",
      ),
      { only: ["W3962"] },
    );
    expect(findings).toEqual([]);
  });
});

describe("W3963 resources named by their names", () => {
  it("reports a name the template gives a resource, written where a Ref would wait for it", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Env: { Type: String, Default: dev }",
        "Resources:",
        "  Bus:",
        "    Type: AWS::Events::EventBus",
        "    Properties: { Name: orders }",
        "  ByName:",
        "    Type: AWS::Events::Rule",
        "    Properties: { EventBusName: orders, EventPattern: { source: [shop] } }",
        "  ByRef:",
        "    Type: AWS::Events::Rule",
        "    Properties: { EventBusName: !Ref Bus, EventPattern: { source: [shop] } }",
        "  Waiting:",
        "    Type: AWS::Events::Rule",
        "    DependsOn: Bus",
        "    Properties: { EventBusName: orders, EventPattern: { source: [shop] } }",
        "  Elsewhere:",
        "    Type: AWS::Events::Rule",
        "    Properties: { EventBusName: payments, EventPattern: { source: [shop] } }",
        "  Data:",
        "    Type: AWS::S3::Bucket",
        "    Properties: { BucketName: !Sub '${AWS::StackName}-data-${Env}' }",
        "  DataPolicy:",
        "    Type: AWS::S3::BucketPolicy",
        "    Properties:",
        "      Bucket: !Sub '${AWS::StackName}-data-${Env}'",
        "      PolicyDocument: { Statement: [{ Effect: Deny, Principal: '*', Action: 's3:*', Resource: '*' }] }",
        "  Role:",
        "    Type: AWS::IAM::Role",
        "    Properties:",
        "      RoleName: !Ref Env",
        "      AssumeRolePolicyDocument:",
        "        Statement: [{ Effect: Allow, Principal: { Service: ec2.amazonaws.com }, Action: sts:AssumeRole }]",
        "  Profile:",
        "    Type: AWS::IAM::InstanceProfile",
        "    Properties: { Roles: [!Ref Env] }",
      ),
      { only: ["W3963"] },
    );
    expect(located(findings)[0]).toBe(
      "W3963 9 'orders' is the name of AWS::Events::EventBus Bus of this template, so CloudFormation does not wait " +
        "for Bus and may create ByName first, which fails while Bus does not exist; write !Ref Bus",
    );
    expect(located(findings)[1]).toMatch(
      /^W3963 26 !Sub '\$\{AWS::StackName\}-data-\$\{Env\}' is the name of AWS::S3::Bucket Data/,
    );
    expect(brief(findings)).toEqual(["W3963 9:33", "W3963 26:15", "W3963 36:27"]);
  });

  it("compares database names without case, zone names without a final dot, and follows nested places", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Subnets:",
        "    Type: AWS::RDS::DBSubnetGroup",
        "    Properties: { DBSubnetGroupName: App-Subnets, DBSubnetGroupDescription: app, SubnetIds: [subnet-1, subnet-2] }",
        "  Database:",
        "    Type: AWS::RDS::DBInstance",
        "    Properties: { Engine: postgres, DBInstanceClass: db.t4g.micro, AllocatedStorage: '20', DBSubnetGroupName: app-subnets }",
        "  Zone:",
        "    Type: AWS::Route53::HostedZone",
        "    Properties: { Name: Example.com }",
        "  Record:",
        "    Type: AWS::Route53::RecordSet",
        "    Properties: { HostedZoneName: example.com., Name: www.example.com., Type: A, TTL: '60', ResourceRecords: [192.0.2.1] }",
        "  Catalog:",
        "    Type: AWS::Glue::Database",
        "    Properties: { CatalogId: !Ref AWS::AccountId, DatabaseInput: { Name: sales } }",
        "  Orders:",
        "    Type: AWS::Glue::Table",
        "    Properties: { CatalogId: !Ref AWS::AccountId, DatabaseName: sales, TableInput: { Name: orders } }",
        "  Compute:",
        "    Type: AWS::Batch::ComputeEnvironment",
        "    Properties: { Type: MANAGED, ComputeEnvironmentName: jobs, ComputeResources: { Type: FARGATE, MaxvCpus: 4, Subnets: [subnet-1], SecurityGroupIds: [sg-1] } }",
        "  Queue:",
        "    Type: AWS::Batch::JobQueue",
        "    Properties: { Priority: 1, ComputeEnvironmentOrder: [{ Order: 1, ComputeEnvironment: jobs }] }",
      ),
      { only: ["W3963"] },
    );
    expect(brief(findings)).toEqual(["W3963 7:111", "W3963 13:35", "W3963 19:65", "W3963 25:90"]);
    expect(findings[1].message).toMatch(/write HostedZoneId: !Ref Zone$/);
  });

  it("reads a Fn::Join of text, Refs and Fn::GetAtts as the Fn::Sub text it makes", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Env: { Type: String, Default: dev }",
        "Resources:",
        "  Data:",
        "    Type: AWS::S3::Bucket",
        "    Properties: { BucketName: !Join [-, [!Ref AWS::StackName, data, !Ref Env]] }",
        "  SubPolicy:",
        "    Type: AWS::S3::BucketPolicy",
        "    Properties:",
        "      Bucket: !Sub '${AWS::StackName}-data-${Env}'",
        "      PolicyDocument: { Statement: [{ Effect: Deny, Principal: '*', Action: 's3:*', Resource: '*' }] }",
        "  Logs:",
        "    Type: AWS::Logs::LogGroup",
        "    Properties: { LogGroupName: !Sub '/app/${Env}/${Data.Arn}' }",
        "  Filter:",
        "    Type: AWS::Logs::SubscriptionFilter",
        "    Properties:",
        "      LogGroupName: !Join ['', [/app/, !Ref Env, /, !GetAtt Data.Arn]]",
        "      FilterPattern: ''",
        "      DestinationArn: arn:aws:lambda:us-east-1:123456789012:function:f",
        "  Other:",
        "    Type: AWS::S3::BucketPolicy",
        "    Properties:",
        "      Bucket: !Join [-, [!Ref AWS::StackName, !Select [0, [data]], !Ref Env]]",
        "      PolicyDocument: { Statement: [{ Effect: Deny, Principal: '*', Action: 's3:*', Resource: '*' }] }",
        "  Literal:",
        "    Type: AWS::S3::BucketPolicy",
        "    Properties:",
        "      Bucket: !Join [-, [!Ref AWS::StackName, data, '${Env}']]",
        "      PolicyDocument: { Statement: [{ Effect: Deny, Principal: '*', Action: 's3:*', Resource: '*' }] }",
        "  Zone:",
        "    Type: AWS::Route53::HostedZone",
        "    Properties: { Name: !Sub '${Env}.Example.com' }",
        "  Records:",
        "    Type: AWS::Route53::RecordSetGroup",
        "    Properties: { HostedZoneName: !Join ['', [!Ref Env, .example.com.]], RecordSets: [] }",
      ),
      { only: ["W3963"] },
    );
    // Other's Fn::Select is not judged, and Literal's '${Env}' is text, not the parameter; a zone's
    // name is compared without case or its final dot.
    expect(brief(findings)).toEqual(["W3963 10:15", "W3963 18:21", "W3963 36:35"]);
    expect(findings[1].message).toMatch(
      /^the !Join of '\/app\/\$\{Env\}\/\$\{Data\.Arn\}' is the name of AWS::Logs::LogGroup Logs of this template/,
    );
  });
});

describe("W3983 functions that mount EFS before its mount targets", () => {
  /** A file system, its access point and two mount targets; Other is a second file system's. */
  const efs = [
    "  Files:",
    "    Type: AWS::EFS::FileSystem",
    "  Point:",
    "    Type: AWS::EFS::AccessPoint",
    "    Properties: { FileSystemId: !Ref Files }",
    "  TargetA:",
    "    Type: AWS::EFS::MountTarget",
    "    Properties: { FileSystemId: !Ref Files, SubnetId: subnet-0123456789abcdef0, SecurityGroups: [sg-0123456789abcdef0] }",
    "  TargetB:",
    "    Type: AWS::EFS::MountTarget",
    "    Properties: { FileSystemId: !Ref Files, SubnetId: subnet-0123456789abcdef1, SecurityGroups: [sg-0123456789abcdef0] }",
    "  OtherFiles:",
    "    Type: AWS::EFS::FileSystem",
    "  OtherTarget:",
    "    Type: AWS::EFS::MountTarget",
    "    Properties: { FileSystemId: !Ref OtherFiles, SubnetId: subnet-0123456789abcdef0, SecurityGroups: [sg-0123456789abcdef0] }",
  ];
  /** A function `name` that mounts Point, with `dependsOn` when given. */
  const mounting = (name: string, dependsOn?: string) => [
    `  ${name}:`,
    "    Type: AWS::Lambda::Function",
    ...(dependsOn ? [`    DependsOn: ${dependsOn}`] : []),
    "    Properties:",
    "      Runtime: python3.12",
    "      Handler: index.handler",
    "      Role: arn:aws:iam::123456789012:role/r",
    '      Code: { ZipFile: "def handler(e, c): pass" }',
    "      VpcConfig: { SubnetIds: [subnet-0123456789abcdef0, subnet-0123456789abcdef1], SecurityGroupIds: [sg-0123456789abcdef0] }",
    "      FileSystemConfigs: [{ Arn: !GetAtt Point.Arn, LocalMountPath: /mnt/data }]",
  ];

  it("reports a function that waits for none or some of the mount targets, not one that waits for all", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Globals:",
        "  Function:",
        "    FileSystemConfigs: [{ Arn: !GetAtt Point.Arn, LocalMountPath: /mnt/data }]",
        "Resources:",
        ...efs,
        ...mounting("NoWait"),
        ...mounting("OneWait", "TargetA"),
        ...mounting("AllWait", "[TargetA, TargetB]"),
        "  Sam:",
        "    Type: AWS::Serverless::Function",
        "    DependsOn: [TargetA, TargetB]",
        "    Properties: { Runtime: python3.12, Handler: index.handler, CodeUri: src/ }",
        "  SamNoWait:",
        "    Type: AWS::Serverless::Function",
        "    Properties: { Runtime: python3.12, Handler: index.handler, CodeUri: src/ }",
      ),
      { only: ["W3983"] },
    );
    // cfn-lint 1.51 reports none of these.
    expect(brief(findings)).toEqual(["W3983 4:32", "W3983 30:34", "W3983 40:34"]);
    expect(findings[0].message).toBe(
      "Function SamNoWait mounts a file system whose mount targets TargetA, TargetB it does not wait for, so " +
        "CloudFormation may create it first and Lambda refuses it while the mount targets are not available; add " +
        "DependsOn: [TargetA, TargetB]",
    );
    expect(findings[1].message).toContain(
      "Function NoWait mounts a file system whose mount targets TargetA, TargetB",
    );
    expect(findings[2].message).toContain(
      "Function OneWait mounts a file system whose mount target TargetB it does not wait for",
    );
  });
});
