/**
 * Property values against the resource provider schemas' constraints: E3030 allowed values, E3034
 * ranges, E3033 lengths, E3031 patterns, E3032 list sizes, E3037 unique items, E3014/E3058/E3017/
 * E3018/E3020/E3021 property groups, and the required groups E3003 adds; W1030 to W1035, the values
 * parameters and functions give. Expectations were checked against cfn-lint 1.51 on the same
 * templates (ids and lines; our columns point at the value). For the functions, cfn-lint judges a
 * parameter's Default only and a Region-keyed mapping's us-east-1 entry only, where we judge each
 * of AllowedValues and every Region's entry; it reports a bucket name twice (format and pattern).
 */
import { describe, expect, it } from "vitest";
import { brief, lint, located, yaml } from "../lint";

const CONSTRAINT_RULES = [
  "E3003",
  "E3014",
  "E3017",
  "E3018",
  "E3020",
  "E3021",
  "E3030",
  "E3031",
  "E3032",
  "E3033",
  "E3034",
  "E3037",
  "E3058",
];

function check(...lines: string[]) {
  return lint(yaml(...lines), { only: CONSTRAINT_RULES });
}

/** A Lambda function `name` with its required properties, for the property under test to follow. */
function lambdaFunction(name: string): string[] {
  return [
    `  ${name}:`,
    "    Type: AWS::Lambda::Function",
    "    Properties:",
    "      Role: arn:aws:iam::123456789012:role/r",
    "      Code: { ZipFile: x }",
    "      Handler: index.handler",
    "      Runtime: python3.12",
  ];
}

const FUNCTION_HEAD = ["Resources:", ...lambdaFunction("Fn")];

describe("E3030 allowed values", () => {
  it("flags a value outside the enum, with a suggestion for a near miss", () => {
    const findings = check(...FUNCTION_HEAD, "      Architectures: [x86-64]");
    expect(brief(findings)).toEqual(["E3030 9:23"]);
    expect(findings[0].message).toBe(
      "'Architectures[0]' of AWS::Lambda::Function must be one of x86_64, arm64 (did you mean 'x86_64'?)",
    );
  });

  it("says when an unquoted word is a YAML 1.1 boolean that an allowed value spells", () => {
    // CloudFormation reads `OFF` as false and passes "false" on: Cognito refuses it
    // (aws-cdk#875: "Value 'true' at 'mfaConfiguration' failed to satisfy constraint").
    const findings = check(
      "Resources:",
      "  Pool:",
      "    Type: AWS::Cognito::UserPool",
      "    Properties:",
      "      MfaConfiguration: OFF",
      "  Other:",
      "    Type: AWS::Cognito::UserPool",
      "    Properties:",
      "      MfaConfiguration: false",
      "  Quoted:",
      "    Type: AWS::Cognito::UserPool",
      "    Properties:",
      "      MfaConfiguration: 'OFF'",
    );
    expect(located(findings)).toEqual([
      "E3030 5 'MfaConfiguration' of AWS::Cognito::UserPool must be one of OFF, ON, OPTIONAL: the unquoted OFF is the boolean false in YAML 1.1, which CloudFormation reads; quote it ('OFF')",
      "E3030 9 'MfaConfiguration' of AWS::Cognito::UserPool must be one of OFF, ON, OPTIONAL",
    ]);
    // A NoEcho parameter's Default is never described, not even as the word it was written as.
    const secret = lint(
      yaml(
        "Parameters:",
        "  Mfa:",
        "    Type: String",
        "    NoEcho: true",
        "    Default: Off",
        "Resources:",
        "  Pool:",
        "    Type: AWS::Cognito::UserPool",
        "    Properties:",
        "      MfaConfiguration: !Ref Mfa",
      ),
      { only: ["W1030"] },
    );
    expect(located(secret)).toEqual([
      "W1030 5 Default of parameter 'Mfa' does not fit: 'MfaConfiguration' of AWS::Cognito::UserPool must be one of OFF, ON, OPTIONAL",
    ]);
  });

  it("compares numbers as CloudFormation's strings and shortens long lists", () => {
    const findings = check(
      "Resources:",
      "  Logs:",
      "    Type: AWS::Logs::LogGroup",
      "    Properties:",
      "      RetentionInDays: 8",
      "  Kept:",
      "    Type: AWS::Logs::LogGroup",
      "    Properties:",
      '      RetentionInDays: "14"',
    );
    expect(brief(findings)).toEqual(["E3030 5:24"]);
    expect(findings[0].message).toBe(
      "'RetentionInDays' of AWS::Logs::LogGroup must be one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365 (and 10 more)",
    );
  });

  it("follows both branches of Fn::If and skips other intrinsics", () => {
    const findings = check(
      "Conditions:",
      "  Arm: !Equals [!Ref AWS::Region, eu-west-1]",
      ...FUNCTION_HEAD,
      "      Architectures: [!If [Arm, arm64, x86]]",
      "      PackageType: !Ref AWS::NoValue",
      "      LoggingConfig:",
      "        LogFormat: !Sub '${AWS::Region}'",
    );
    expect(brief(findings)).toEqual(["E3030 11:40"]);
  });

  it("checks the properties a SAM function passes to its Lambda function, in Globals too", () => {
    const findings = check(
      "Transform: AWS::Serverless-2016-10-31",
      "Globals:",
      "  Function:",
      "    MemorySize: 64",
      "Resources:",
      "  Fn:",
      "    Type: AWS::Serverless::Function",
      "    Properties:",
      "      CodeUri: src/",
      "      Handler: index.handler",
      "      Runtime: python3.21",
      "      Timeout: 901",
      "  Other:",
      "    Type: AWS::Serverless::Function",
      "    Properties:",
      "      CodeUri: src/",
      "      Handler: index.handler",
      "      Runtime: python3.13",
      // Round 46: a ten-digit account, which CreateFunction refuses.
      "      Role: arn:aws:iam::1234567890:role/lambda_role",
      "  Fine:",
      "    Type: AWS::Serverless::Function",
      "    Properties:",
      "      CodeUri: src/",
      "      Handler: index.handler",
      "      Runtime: python3.13",
      "      Role: !Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:role/lambda_role",
    );
    expect(brief(findings)).toEqual(["E3034 4:17", "E3030 11:16", "E3034 12:16", "E3031 19:13"]);
    expect(findings[0].message).toBe("'MemorySize' in Globals.Function must be at least 128");
    expect(findings[1].message).toMatch(/^'Runtime' of AWS::Serverless::Function must be one of dotnet10, /);
    expect(findings[3].message).toMatch(/^'Role' of AWS::Serverless::Function must match the pattern /);
  });
});

describe("E3034 numeric ranges", () => {
  it("flags numbers below the minimum and above the maximum, numeric strings included", () => {
    const findings = check(
      "Resources:",
      "  Queue:",
      "    Type: AWS::SQS::Queue",
      "    Properties:",
      "      MessageRetentionPeriod: 2592000",
      '      DelaySeconds: "1000"',
      "      VisibilityTimeout: 30",
      ...lambdaFunction("Fn"),
      "      MemorySize: 64",
      "      Timeout: 0",
    );
    expect(brief(findings)).toEqual(["E3034 5:31", "E3034 6:21", "E3034 15:19", "E3034 16:16"]);
    expect(findings.map((f) => f.message)).toEqual([
      "'MessageRetentionPeriod' of AWS::SQS::Queue must be at most 1209600",
      "'DelaySeconds' of AWS::SQS::Queue must be at most 900",
      "'MemorySize' of AWS::Lambda::Function must be at least 128",
      "'Timeout' of AWS::Lambda::Function must be at least 1",
    ]);
  });

  it("leaves parameters, non-numeric values (E3012's) and nested bounds in range alone", () => {
    const findings = check(
      "Parameters:",
      "  Memory: { Type: Number }",
      ...FUNCTION_HEAD,
      "      MemorySize: !Ref Memory",
      "      Timeout: soon",
      "      EphemeralStorage: { Size: 512 }",
    );
    expect(brief(findings)).toEqual([]);
  });

  it("checks numbers inside nested property types", () => {
    const findings = check(...FUNCTION_HEAD, "      EphemeralStorage: { Size: 100 }");
    expect(brief(findings)).toEqual(["E3034 9:33"]);
    expect(findings[0].message).toBe("'EphemeralStorage.Size' of AWS::Lambda::Function must be at least 512");
  });
});

describe("E3033 string lengths and E3031 patterns", () => {
  it("flags a 600-character log group name on both counts", () => {
    const findings = check(
      "Resources:",
      "  Logs:",
      "    Type: AWS::Logs::LogGroup",
      "    Properties:",
      `      LogGroupName: ${"a".repeat(600)}`,
    );
    expect(brief(findings)).toEqual(["E3031 5:21", "E3033 5:21"]);
    expect(findings[1].message).toBe(
      "'LogGroupName' of AWS::Logs::LogGroup must be at most 512 characters long, not 600",
    );
  });

  it("translates Python's \\Z and accepts names the pattern allows", () => {
    const findings = check(
      "Resources:",
      "  Bad:",
      "    Type: AWS::Logs::LogGroup",
      "    Properties:",
      "      LogGroupName: my logs",
      "  Good:",
      "    Type: AWS::Logs::LogGroup",
      "    Properties:",
      "      LogGroupName: /aws/lambda/my-fn_1.x#",
    );
    expect(brief(findings)).toEqual(["E3031 5:21"]);
    expect(findings[0].message).toBe(
      "'LogGroupName' of AWS::Logs::LogGroup must match the pattern ^[.\\-_/#A-Za-z0-9]{1,512}$",
    );
  });

  it("counts characters, not UTF-16 units, and matches \\w as Unicode like the schemas' engine", () => {
    const findings = check(
      "Resources:",
      "  Policy:",
      "    Type: AWS::IAM::Policy",
      "    Properties:",
      "      PolicyName: café-ünïcode",
      "      PolicyDocument: { Version: '2012-10-17', Statement: [] }",
      "      Roles: [r]",
      "  Named:",
      "    Type: AWS::IAM::Policy",
      "    Properties:",
      `      PolicyName: ${"😀".repeat(128)}`,
      "      PolicyDocument: { Version: '2012-10-17', Statement: [] }",
      "      Roles: [r]",
    );
    // An emoji is no word character, but 128 of them are within the 128-character limit.
    expect(brief(findings)).toEqual(["E3031 11:19"]);
  });

  it("judges an integer's text, but not a number written with a fraction, whose text is not certain", () => {
    const findings = check(
      "Resources:",
      "  Job:",
      "    Type: AWS::Glue::Job",
      "    Properties:",
      "      Command: {Name: glueetl}",
      "      Role: arn:aws:iam::123456789012:role/glue",
      "      GlueVersion: 2.0",
      "  Old:",
      "    Type: AWS::Glue::Job",
      "    Properties:",
      "      Command: {Name: glueetl}",
      "      Role: arn:aws:iam::123456789012:role/glue",
      "      GlueVersion: 2",
    );
    // 2.0 reads as the number 2, but CloudFormation may pass "2.0" on (cfn-lint reads it so).
    expect(brief(findings)).toEqual(["E3031 13:20"]);
  });

  it("checks list items against the item pattern", () => {
    const findings = check(
      ...FUNCTION_HEAD,
      "      Layers:",
      "        - arn:aws:lambda:eu-west-1:123456789012:layer:deps:3",
      "        - deps",
    );
    expect(brief(findings)).toEqual(["E3031 11:11"]);
    expect(findings[0].message).toMatch(
      /^'Layers\[1\]' of AWS::Lambda::Function must match the pattern \^\(arn:/,
    );
  });
});

describe("E3032 list sizes and E3037 unique items", () => {
  it("flags too many and too few items", () => {
    const findings = check(
      ...FUNCTION_HEAD,
      "      Architectures: [x86_64, arm64]",
      ...lambdaFunction("Fn2"),
      "      Architectures: []",
    );
    expect(brief(findings)).toEqual(["E3032 9:22", "E3032 17:22"]);
    expect(findings.map((f) => f.message)).toEqual([
      "'Architectures' of AWS::Lambda::Function must have at most 1 item, not 2",
      "'Architectures' of AWS::Lambda::Function must have at least 1 item",
    ]);
  });

  it("counts the items a Fn::If adds or leaves out under one condition, where the resource may take it", () => {
    const findings = check(
      "Parameters:",
      "  Stage: { Type: String, AllowedValues: [dev, prod] }",
      "Conditions:",
      "  Arm: !Equals [!Ref AWS::Region, eu-west-1]",
      "  NotArm: !Not [!Condition Arm]",
      "  IsProd: !Equals [!Ref Stage, prod]",
      "Resources:",
      ...lambdaFunction("Added"),
      "      Architectures: [x86_64, !If [Arm, arm64, !Ref AWS::NoValue]]",
      ...lambdaFunction("Dropped"),
      "      Architectures: [!If [Arm, arm64, !Ref AWS::NoValue]]",
      ...lambdaFunction("Either"),
      "      Architectures: [!If [Arm, arm64, !Ref AWS::NoValue], !If [Arm, !Ref AWS::NoValue, x86_64]]",
      ...lambdaFunction("Guarded").slice(0, 2),
      "    Condition: NotArm",
      ...lambdaFunction("Guarded").slice(2),
      "      Architectures: [x86_64, !If [Arm, arm64, !Ref AWS::NoValue]]",
      ...lambdaFunction("Layered"),
      "      Layers:",
      ...[1, 2, 3, 4].map((n) => `        - arn:aws:lambda:eu-west-1:123456789012:layer:l${n}:1`),
      "        - !If [IsProd, arn:aws:lambda:eu-west-1:123456789012:layer:p1:1, !Ref AWS::NoValue]",
      "        - !If [Arm, arn:aws:lambda:eu-west-1:123456789012:layer:a1:1, !Ref AWS::NoValue]",
      "        - !If [IsProd, arn:aws:lambda:eu-west-1:123456789012:layer:p2:1, !Ref AWS::NoValue]",
    );
    expect(brief(findings)).toEqual(["E3032 15:22", "E3032 23:22", "E3032 49:9"]);
    expect(findings[0].message).toBe(
      "'Architectures' of AWS::Lambda::Function must have at most 1 item, and has 2 where condition Arm is true: " +
        "the Fn::If items add 1 there",
    );
    expect(findings[1].message).toBe(
      "'Architectures' of AWS::Lambda::Function must have at least 1 item, and has 0 where condition Arm is " +
        "false: an item's Fn::If gives AWS::NoValue there",
    );
    // Arm and IsProd may never hold together: only IsProd's two layers are added up.
    expect(findings[2].message).toContain("at most 5 items, and has 6 where condition IsProd is true");
  });

  it("flags a repeated item where items must be unique, at the repeat", () => {
    const findings = check(
      ...FUNCTION_HEAD,
      "      Layers:",
      "        - arn:aws:lambda:eu-west-1:123456789012:layer:deps:3",
      "        - arn:aws:lambda:eu-west-1:123456789012:layer:deps:3",
      "      Tags: [{ Key: a, Value: '1' }, { Value: 1, Key: a }]",
    );
    expect(brief(findings)).toEqual(["E3037 11:11", "E3037 12:38"]);
    expect(findings[0].message).toBe(
      "'Layers[1]' of AWS::Lambda::Function repeats item 0: the items of Layers must be unique",
    );
  });
});

describe("property groups", () => {
  it("E3003: an IAM policy needs Users, Groups or Roles, also where a condition drops the one it has", () => {
    const findings = lint(
      yaml(
        "Conditions:",
        "  Prod: !Equals [!Ref AWS::Region, eu-west-1]",
        "Resources:",
        "  Policy:",
        "    Type: AWS::IAM::Policy",
        "    Properties:",
        "      PolicyName: p",
        "      PolicyDocument: { Version: '2012-10-17', Statement: [] }",
        "  Maybe:",
        "    Type: AWS::IAM::Policy",
        "    Properties:",
        "      PolicyName: p",
        "      PolicyDocument: { Version: '2012-10-17', Statement: [] }",
        "      Roles: !If [Prod, [r], !Ref AWS::NoValue]",
      ),
      { only: ["E3003"] },
    );
    expect(brief(findings)).toEqual(["E3003 6:5", "E3003 11:5"]);
    expect(findings[0].message).toBe(
      "At least one of 'Users', 'Groups' or 'Roles' is required for AWS::IAM::Policy",
    );
    expect(findings[1].message).toContain("required for AWS::IAM::Policy where condition Prod is false");
  });

  it("E3003: reports a nested requirement once even when both sources know it", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Bucket:",
        "    Type: AWS::S3::Bucket",
        "    Properties:",
        "      VersioningConfiguration: {}",
      ),
      { only: ["E3003"] },
    );
    expect(brief(findings)).toEqual(["E3003 5:7"]);
  });

  it("E3014: exactly one of a set, reporting none and the second of two", () => {
    const findings = check(
      "Resources:",
      "  None:",
      "    Type: AWS::EC2::SecurityGroupEgress",
      "    Properties:",
      "      GroupId: sg-12345678",
      "      IpProtocol: '-1'",
      "  Two:",
      "    Type: AWS::EC2::SecurityGroupEgress",
      "    Properties:",
      "      GroupId: sg-12345678",
      "      IpProtocol: '-1'",
      "      CidrIp: 10.0.0.0/8",
      "      CidrIpv6: ::/0",
    );
    expect(brief(findings)).toEqual(["E3014 4:5", "E3014 13:7"]);
    expect(findings.map((f) => f.message)).toEqual([
      "Exactly one of 'CidrIp', 'CidrIpv6', 'DestinationPrefixListId' or 'DestinationSecurityGroupId' is required for AWS::EC2::SecurityGroupEgress",
      "Only one of 'CidrIp', 'CidrIpv6', 'DestinationPrefixListId' or 'DestinationSecurityGroupId' may be set for AWS::EC2::SecurityGroupEgress, not 'CidrIp' and 'CidrIpv6'",
    ]);
  });

  it("E3014: a PromQL alarm takes its data from EvaluationCriteria, neither Metrics nor MetricName", () => {
    const findings = check(
      "Resources:",
      "  PromQL:",
      "    Type: AWS::CloudWatch::Alarm",
      "    Properties:",
      "      EvaluationInterval: 60",
      "      EvaluationCriteria:",
      "        PromQLCriteria: { Query: 'up == 0', PendingPeriod: 300 }",
      "  Neither:",
      "    Type: AWS::CloudWatch::Alarm",
      "    Properties:",
      "      EvaluationPeriods: 1",
      "      ComparisonOperator: GreaterThanThreshold",
      "      Threshold: 1",
    );
    expect(located(findings)).toEqual([
      "E3014 10 Exactly one of 'Metrics', 'MetricName' or 'EvaluationCriteria' is required for AWS::CloudWatch::Alarm",
    ]);
  });

  it("E3030: ECS's high-resolution metric types, which the API reference lists and the schemas predate", () => {
    const policy = (name: string, metric: string) => [
      `  ${name}:`,
      "    Type: AWS::ApplicationAutoScaling::ScalingPolicy",
      "    Properties:",
      `      PolicyName: ${name}`,
      "      PolicyType: TargetTrackingScaling",
      "      ScalingTargetId: service/cluster/app|ecs:service:DesiredCount|ecs",
      "      TargetTrackingScalingPolicyConfiguration:",
      "        TargetValue: 50",
      `        PredefinedMetricSpecification: { PredefinedMetricType: ${metric} }`,
    ];
    const findings = check(
      "Resources:",
      ...policy("Cpu", "ECSServiceAverageCPUUtilizationHighResolution"),
      ...policy("Memory", "ECSServiceAverageMemoryUtilizationHighResolution"),
      ...policy("Typo", "ECSServiceAverageCPUUtilisation"),
    ).filter((f) => f.ruleId === "E3030");
    expect(findings.map((f) => f.range.start.line)).toEqual([28]);
  });

  it("E3030: values the newer service spec allows and cfn-lint's schemas predate (a Bedrock managed knowledge base)", () => {
    const findings = check(
      "Resources:",
      "  Base:",
      "    Type: AWS::Bedrock::KnowledgeBase",
      "    Properties:",
      "      Name: docs",
      "      RoleArn: arn:aws:iam::123456789012:role/kb",
      "      KnowledgeBaseConfiguration:",
      "        Type: MANAGED",
      "  Source:",
      "    Type: AWS::Bedrock::DataSource",
      "    Properties:",
      "      Name: docs",
      "      KnowledgeBaseId: !Ref Base",
      "      DataSourceConfiguration:",
      "        Type: MANAGED_KNOWLEDGE_BASE_CONNECTOR",
      "      VectorIngestionConfiguration:",
      "        ParsingConfiguration: { ParsingStrategy: SMART_PARSING }",
      "  Typo:",
      "    Type: AWS::Bedrock::KnowledgeBase",
      "    Properties:",
      "      Name: typo",
      "      RoleArn: arn:aws:iam::123456789012:role/kb",
      "      KnowledgeBaseConfiguration:",
      "        Type: MANAGE",
    ).filter((f) => f.ruleId === "E3030");
    expect(findings.map((f) => f.range.start.line)).toEqual([24]);
    // The spec's values come after the schema's own, which keep their order.
    expect(findings[0].message).toBe(
      "'KnowledgeBaseConfiguration.Type' of AWS::Bedrock::KnowledgeBase must be one of VECTOR, KENDRA, SQL, MANAGED " +
        "(did you mean 'MANAGED'?)",
    );
  });

  it("E3058: at least one of a set", () => {
    const findings = check(
      "Resources:",
      "  Rule:",
      "    Type: AWS::Events::Rule",
      "    Properties:",
      "      State: ENABLED",
      "  Scheduled:",
      "    Type: AWS::Events::Rule",
      "    Properties:",
      "      ScheduleExpression: rate(1 hour)",
    );
    expect(brief(findings)).toEqual(["E3058 4:5"]);
    expect(findings[0].message).toBe(
      "At least one of 'EventPattern' or 'ScheduleExpression' is required for AWS::Events::Rule",
    );
  });

  it("E3018: no more than one alternative of a oneOf", () => {
    const findings = check(
      "Resources:",
      "  Alias:",
      "    Type: AWS::StepFunctions::StateMachineAlias",
      "    Properties:",
      "      RoutingConfiguration:",
      "        - { StateMachineVersionArn: arn:aws:states:us-east-1:123456789012:stateMachine:m:1, Weight: 100 }",
      "      DeploymentPreference:",
      "        StateMachineVersionArn: arn:aws:states:us-east-1:123456789012:stateMachine:m:1",
      "        Type: ALL_AT_ONCE",
    );
    expect(brief(findings)).toEqual(["E3018 4:5"]);
    expect(findings[0].message).toBe(
      "Only one of 'RoutingConfiguration' or 'DeploymentPreference' may be set for AWS::StepFunctions::StateMachineAlias, not 'RoutingConfiguration' and 'DeploymentPreference'",
    );
  });

  it("E3017: a value that meets none of the alternatives", () => {
    const findings = check(
      "Resources:",
      "  Assoc:",
      "    Type: AWS::ECS::ClusterCapacityProviderAssociations",
      "    Properties:",
      "      Cluster: c",
      "      CapacityProviders: ['', my-provider, FARGATE]",
      "      DefaultCapacityProviderStrategy: [{ CapacityProvider: FARGATE }]",
    );
    expect(brief(findings)).toEqual(["E3017 6:27"]);
    expect(findings[0].message).toBe(
      "'CapacityProviders[0]' of AWS::ECS::ClusterCapacityProviderAssociations must meet one of: " +
        "must be one of FARGATE, FARGATE_SPOT; or must be at least 1 character long",
    );
  });

  it("E3021 and E3020: properties that need or exclude others", () => {
    const findings = check(
      "Resources:",
      "  Group:",
      "    Type: AWS::EC2::SecurityGroup",
      "    Properties:",
      "      GroupDescription: d",
      "      SecurityGroupEgress: [{ CidrIp: 0.0.0.0/0, IpProtocol: '-1' }]",
      "  Dist:",
      "    Type: AWS::CloudFront::Distribution",
      "    Properties:",
      "      DistributionConfig:",
      "        Enabled: true",
      "        DefaultCacheBehavior: { TargetOriginId: o, ViewerProtocolPolicy: allow-all }",
      "        Origins:",
      "          - Id: o",
      "            DomainName: example.com",
      "            CustomOriginConfig: { OriginProtocolPolicy: https-only }",
      "            S3OriginConfig: {}",
    );
    expect(brief(findings)).toEqual(["E3021 6:7", "E3020 16:13", "E3020 17:13"]);
    expect(findings[0].message).toBe("'SecurityGroupEgress' requires 'VpcId' for AWS::EC2::SecurityGroup");
    expect(findings[1].message).toBe(
      "'CustomOriginConfig' cannot be set together with 'S3OriginConfig' in DistributionConfig.Origins[0] (AWS::CloudFront::Distribution)",
    );
  });

  it("E3014, E3018 and E3020: members a Fn::If sets under one condition, beside each other or one always set", () => {
    const findings = check(
      "Conditions:",
      "  Peered: !Equals [!Ref AWS::Region, us-east-1]",
      "  Shared: !Equals [!Ref AWS::AccountId, '123456789012']",
      "Resources:",
      "  Beside:",
      "    Type: AWS::EC2::SecurityGroupEgress",
      "    Properties:",
      "      GroupId: sg-12345678",
      "      IpProtocol: '-1'",
      "      CidrIp: 10.0.0.0/8",
      "      DestinationSecurityGroupId: !If [Peered, sg-12345678, !Ref AWS::NoValue]",
      "  Either:",
      "    Type: AWS::EC2::SecurityGroupEgress",
      "    Properties:",
      "      GroupId: sg-12345678",
      "      IpProtocol: '-1'",
      "      CidrIp: !If [Peered, !Ref AWS::NoValue, 10.0.0.0/8]",
      "      DestinationSecurityGroupId: !If [Peered, sg-12345678, !Ref AWS::NoValue]",
      "  Unrelated:",
      "    Type: AWS::EC2::SecurityGroupEgress",
      "    Properties:",
      "      GroupId: sg-12345678",
      "      IpProtocol: '-1'",
      "      CidrIp: !If [Shared, 10.0.0.0/8, !Ref AWS::NoValue]",
      "      DestinationSecurityGroupId: !If [Peered, sg-12345678, !Ref AWS::NoValue]",
      "  Instance:",
      "    Type: AWS::EC2::Instance",
      "    Properties:",
      "      ImageId: ami-12345678",
      "      NetworkInterfaces: !If [Peered, [{ DeviceIndex: '0', SubnetId: subnet-12345678 }], !Ref AWS::NoValue]",
      "      SubnetId: !If [Peered, subnet-12345678, !Ref AWS::NoValue]",
      "  Alias:",
      "    Type: AWS::StepFunctions::StateMachineAlias",
      "    Properties:",
      "      RoutingConfiguration:",
      "        - { StateMachineVersionArn: arn:aws:states:us-east-1:123456789012:stateMachine:m:1, Weight: 100 }",
      "      DeploymentPreference: !If",
      "        - Shared",
      "        - { StateMachineVersionArn: arn:aws:states:us-east-1:123456789012:stateMachine:m:1, Type: ALL_AT_ONCE }",
      "        - !Ref AWS::NoValue",
    );
    expect(brief(findings)).toEqual(["E3014 11:7", "E3020 30:7", "E3020 31:7", "E3018 34:5"]);
    expect(findings.map((f) => f.message)).toEqual([
      "Only one of 'CidrIp', 'CidrIpv6', 'DestinationPrefixListId' or 'DestinationSecurityGroupId' may be set for " +
        "AWS::EC2::SecurityGroupEgress, not 'CidrIp' and 'DestinationSecurityGroupId' where condition Peered is true",
      "'NetworkInterfaces' cannot be set together with 'SubnetId' for AWS::EC2::Instance where condition Peered is true",
      "'SubnetId' cannot be set together with 'NetworkInterfaces' for AWS::EC2::Instance where condition Peered is true",
      "Only one of 'RoutingConfiguration' or 'DeploymentPreference' may be set for AWS::StepFunctions::StateMachineAlias, " +
        "not 'RoutingConfiguration' and 'DeploymentPreference' where condition Shared is true",
    ]);
  });
});

describe("E3031 named formats", () => {
  it("checks cfn-lint's named formats where they are stricter than the schema's pattern", () => {
    const findings = check(
      "Resources:",
      "  Bucket:",
      "    Type: AWS::S3::Bucket",
      "    Properties:",
      "      BucketName: my..bucket",
      "  Topic:",
      "    Type: AWS::SNS::Topic",
      "    Properties:",
      "      KmsMasterKeyId: aws/sns",
      "  Queue:",
      "    Type: AWS::SQS::Queue",
      "    Properties:",
      "      KmsMasterKeyId: alias/aws/sqs",
    );
    expect(brief(findings)).toEqual(["E3031 5:19", "E3017 9:23"]);
    expect(findings.map((f) => f.message)).toEqual([
      "'BucketName' of AWS::S3::Bucket must be an S3 bucket name",
      "'KmsMasterKeyId' of AWS::SNS::Topic must meet one of: must be a KMS key or alias ARN; or must be a KMS key id; " +
        "or must be a KMS alias name",
    ]);
  });

  it("leaves dynamic references and included properties alone", () => {
    const findings = check(
      "Resources:",
      "  Bucket:",
      "    Type: AWS::S3::Bucket",
      "    Properties:",
      "      BucketName: '{{resolve:ssm:/app/Bucket}}'",
      "  Policy:",
      "    Type: AWS::IAM::Policy",
      "    Properties:",
      "      Fn::Transform: { Name: AWS::Include, Parameters: { Location: s3://bucket/policy.yaml } }",
    );
    expect(brief(findings)).toEqual([]);
  });
});

describe("W1030 parameter values", () => {
  it("checks the Default and AllowedValues of a parameter a property refers to, as warnings", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Memory:",
        "    Type: Number",
        "    Default: 64",
        "  Arch:",
        "    Type: String",
        "    AllowedValues: [x86-64, arm64]",
        "  Runtime:",
        "    Type: AWS::SSM::Parameter::Value<String>",
        "    Default: /app/runtime",
        "Resources:",
        "  Fn:",
        "    Type: AWS::Lambda::Function",
        "    Properties:",
        "      Role: arn:aws:iam::123456789012:role/r",
        "      Code: { ZipFile: x }",
        "      Handler: index.handler",
        "      Runtime: !Ref Runtime",
        "      MemorySize: !Ref Memory",
        "      Architectures: [!Ref Arch]",
        ...lambdaFunction("Fn2"),
        "      MemorySize: !Ref Memory",
      ),
      { only: ["W1030"] },
    );
    expect(brief(findings)).toEqual(["W1030 4:14", "W1030 7:21"]);
    expect(findings.map((f) => [f.severity, f.message])).toEqual([
      [
        "warning",
        "Default of parameter 'Memory' does not fit: 'MemorySize' of AWS::Lambda::Function must be at least 128",
      ],
      [
        "warning",
        "AllowedValues[0] of parameter 'Arch' does not fit: 'Architectures[0]' of AWS::Lambda::Function must be one of " +
          "x86_64, arm64 (did you mean 'x86_64'?)",
      ],
    ]);
  });

  it("says nothing of a NoEcho parameter's value: no length, no closest allowed value", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Secret:",
        "    Type: String",
        "    NoEcho: true",
        `    Default: ${"s".repeat(300)}`,
        "  Mode:",
        "    Type: String",
        "    NoEcho: 'true'",
        "    Default: x86-64",
        "  Plain:",
        "    Type: String",
        `    Default: ${"p".repeat(300)}`,
        ...FUNCTION_HEAD,
        "      Description: !Ref Secret",
        "      Architectures: [!Ref Mode]",
        ...lambdaFunction("Fn2"),
        "      Description: !Ref Plain",
      ),
      { only: ["W1030"] },
    );
    expect(findings.map((f) => f.message)).toEqual([
      "Default of parameter 'Secret' does not fit: 'Description' of AWS::Lambda::Function must be at most 256 characters long",
      "Default of parameter 'Mode' does not fit: 'Architectures[0]' of AWS::Lambda::Function must be one of x86_64, arm64",
      "Default of parameter 'Plain' does not fit: 'Description' of AWS::Lambda::Function must be at most 256 characters long, not 300",
    ]);
  });

  it("checks the MinValue and MaxValue of a Number parameter without AllowedValues", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Memory:",
        "    Type: Number",
        "    Default: 512",
        "    MinValue: 64",
        "    MaxValue: 40960",
        "  Timeout:",
        "    Type: Number",
        "    MinValue: 1",
        "    MaxValue: 900",
        "  Listed:",
        "    Type: Number",
        "    AllowedValues: [128, 256]",
        "    MinValue: 1",
        "  Text:",
        "    Type: String",
        "    Default: '300'",
        "    MinValue: 0",
        "    MaxValue: 99999",
        ...FUNCTION_HEAD,
        "      MemorySize: !Ref Memory",
        "      Timeout: !Ref Timeout",
        "      Description: !Ref Text",
        ...lambdaFunction("Fn2"),
        "      MemorySize: !Ref Listed",
        "      Timeout: !Ref Text",
      ),
      { only: ["W1030"] },
    );
    // Timeout's bounds (1 and 900) fit; Listed's MinValue is not a value it can take; a String
    // parameter's bounds mean nothing to CloudFormation, so Text gives Timeout only its Default.
    expect(brief(findings)).toEqual(["W1030 5:15", "W1030 6:15"]);
    expect(findings.map((f) => f.message)).toEqual([
      "MinValue of parameter 'Memory' does not fit: 'MemorySize' of AWS::Lambda::Function must be at least 128",
      "MaxValue of parameter 'Memory' does not fit: 'MemorySize' of AWS::Lambda::Function must be at most 32768",
    ]);
  });

  it("checks the list a list parameter's Default makes, item by item, and leaves an empty Default alone", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Groups: {Type: CommaDelimitedList, Default: 'sg-0123abcd, web-servers'}",
        "  Subnets: {Type: 'List<AWS::EC2::Subnet::Id>', Default: ''}",
        "  Sizes: {Type: 'List<Number>', Default: '64,256'}",
        "Resources:",
        ...lambdaFunction("Fn"),
        "      MemorySize: !Select [0, !Ref Sizes]",
        "      VpcConfig:",
        "        SecurityGroupIds: !Ref Groups",
        "        SubnetIds: !Ref Subnets",
      ),
      { only: ["W1030"] },
    );
    expect(located(findings)).toEqual([
      "W1030 2 Default of parameter 'Groups' does not fit: 'VpcConfig.SecurityGroupIds[1]' of AWS::Lambda::Function must be a security group id",
    ]);
  });

  it("does not judge a parameter used under a condition, which often guards against its default", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Role: { Type: String, Default: '' }",
        "Conditions:",
        "  HasRole: !Not [!Equals [!Ref Role, '']]",
        "Resources:",
        "  Task:",
        "    Type: AWS::ECS::TaskDefinition",
        "    Properties:",
        "      TaskRoleArn: !If [HasRole, !Ref Role, !Ref AWS::NoValue]",
      ),
      { only: ["W1030"] },
    );
    expect(brief(findings)).toEqual([]);
  });

  it("leaves out the values a resource's Condition rules out, and judges the rest", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Cidr: { Type: String, Default: '', AllowedValues: ['', 10.0.0.0/8, 10.0.0.0/33, 10.0.0.0/34] }",
        "  Mode: { Type: String, Default: none, AllowedValues: [none, x86-64, arm64] }",
        "  Other: { Type: String, Default: '' }",
        "Conditions:",
        "  HasCidr: !And",
        "    - !Not [!Equals [!Ref Cidr, '']]",
        "    - !Not [{Condition: Never}]",
        "  Never: !Or [!Equals [!Ref Cidr, 10.0.0.0/33], !Equals [!Ref Mode, none]]",
        "  IsArm: !Equals [arm64, !Ref Mode]",
        "Resources:",
        "  Ingress:",
        "    Type: AWS::EC2::SecurityGroupIngress",
        "    Condition: HasCidr",
        "    Properties:",
        "      GroupId: sg-12345678",
        "      IpProtocol: tcp",
        "      CidrIp: !Ref Cidr",
        "      Description: !Ref Other",
        "  Fn:",
        "    Type: AWS::Lambda::Function",
        "    Condition: IsArm",
        "    Properties:",
        "      Role: arn:aws:iam::123456789012:role/r",
        "      Code: { ZipFile: x }",
        "      Handler: index.handler",
        "      Runtime: nodejs22.x",
        "      Architectures: [!Ref Mode]",
      ),
      { only: ["W1030"] },
    );
    // Under HasCidr, Cidr is neither '' nor 10.0.0.0/33 (Never is false), but may be 10.0.0.0/34;
    // under IsArm, Mode is arm64.
    expect(findings.map((f) => f.message)).toEqual([
      "AllowedValues[3] of parameter 'Cidr' does not fit: 'CidrIp' of AWS::EC2::SecurityGroupIngress must be an IPv4 CIDR block, such as 10.0.0.0/16",
    ]);
  });

  it("judges a value a Condition rules out where a resource without that Condition takes it", () => {
    const ingress = (name: string, condition: string[]) => [
      `  ${name}:`,
      "    Type: AWS::EC2::SecurityGroupIngress",
      ...condition,
      "    Properties: { GroupId: sg-12345678, IpProtocol: tcp, CidrIp: !Ref Cidr }",
    ];
    const findings = lint(
      yaml(
        "Parameters:",
        "  Cidr: { Type: String, Default: '' }",
        "Conditions:",
        "  HasCidr: !Not [!Equals [!Ref Cidr, '']]",
        "Resources:",
        ...ingress("Guarded", ["    Condition: HasCidr"]),
        ...ingress("Open", []),
      ),
      { only: ["W1030"] },
    );
    expect(brief(findings)).toEqual(["W1030 2:34"]);
  });
});

describe("W1031, W1032, W1034, W1035: the values of Fn::Sub, Fn::Join, Fn::FindInMap and Fn::Select", () => {
  const resolved = (...lines: string[]) =>
    lint(yaml(...lines), { only: ["W1031", "W1032", "W1034", "W1035"] });
  const bucket = (name: string, value: string) => [
    `  ${name}:`,
    "    Type: AWS::S3::Bucket",
    "    Properties:",
    `      BucketName: ${value}`,
  ];

  it("judges each value a parameter can give to a Fn::Sub, and a pseudo parameter's form", () => {
    const findings = resolved(
      "Parameters:",
      "  Stage:",
      "    Type: String",
      "    Default: dev",
      "    AllowedValues: [dev, PROD]",
      "Resources:",
      ...bucket("Staged", "!Sub '${Stage}-assets'"),
      ...bucket("Regional", "!Sub '${AWS::Region}-${AWS::AccountId}-Assets'"),
      ...bucket("Fine", "!Sub '${AWS::Region}-${AWS::AccountId}-assets'"),
    );
    expect(brief(findings)).toEqual(["W1031 10:19", "W1031 14:19"]);
    expect(findings.map((f) => [f.severity, f.message])).toEqual([
      [
        "warning",
        "Fn::Sub gives 'PROD-assets' (with AllowedValues[1] of parameter 'Stage'): 'BucketName' of AWS::S3::Bucket " +
          "must match the pattern ^([a-z0-9][a-z0-9.-]*[a-z0-9])?$",
      ],
      [
        "warning",
        "Fn::Sub gives 'us-east-1-123456789012-Assets' (with AWS::Region 'us-east-1', AWS::AccountId '123456789012'): " +
          "'BucketName' of AWS::S3::Bucket must match the pattern ^([a-z0-9][a-z0-9.-]*[a-z0-9])?$",
      ],
    ]);
  });

  it("leaves out the parameter values a resource's Condition rules out", () => {
    const findings = resolved(
      "Parameters:",
      "  Stage:",
      "    Type: String",
      "    Default: PROD",
      "    AllowedValues: [PROD, dev, Test]",
      "Conditions:",
      "  Lower: !Not [!Or [!Equals [!Ref Stage, PROD], !Equals [Test, !Ref Stage]]]",
      "Resources:",
      "  Staged:",
      "    Type: AWS::S3::Bucket",
      "    Condition: Lower",
      "    Properties:",
      "      BucketName: !Sub '${Stage}-assets'",
      ...bucket("Always", "!Sub '${Stage}-assets'"),
    );
    // Only the bucket without the Condition may get PROD or Test.
    expect(brief(findings)).toEqual(["W1031 17:19", "W1031 17:19"]);
    expect(findings.map((f) => f.message.slice(0, 30))).toEqual([
      "Fn::Sub gives 'PROD-assets' (w",
      "Fn::Sub gives 'Test-assets' (w",
    ]);
  });

  it("leaves out the parameter values a Fn::Or of Conditions leaves no room for", () => {
    const findings = resolved(
      "Parameters:",
      "  Stage:",
      "    Type: String",
      "    Default: dev",
      "    AllowedValues: [PROD, dev, Test, qa]",
      "Conditions:",
      "  IsDev: !Equals [!Ref Stage, dev]",
      "  Lower: !Or [!Condition IsDev, !Equals [qa, !Ref Stage]]",
      "  Shared: !Or [!Condition IsDev, !Equals [!Ref Stage, Test]]",
      "Resources:",
      "  Staged:",
      "    Type: AWS::S3::Bucket",
      "    Condition: Lower",
      "    Properties:",
      "      BucketName: !Sub '${Stage}-assets'",
      "  Either:",
      "    Type: AWS::S3::Bucket",
      "    Condition: Shared",
      "    Properties:",
      "      BucketName: !Sub '${Stage}-shared'",
    );
    // Under Lower, Stage is dev or qa; under Shared, dev or Test, and Test makes no bucket name.
    expect(brief(findings)).toEqual(["W1031 20:19"]);
    expect(findings[0].message.slice(0, 30)).toBe("Fn::Sub gives 'Test-shared' (w");
  });

  it("reports a pseudo parameter's problem only when both values of its form have it", () => {
    const name = (length: number) => `!Sub '\${AWS::Region}-${"f".repeat(length)}'`;
    const findings = resolved(
      "Resources:",
      ...lambdaFunction("InSomeRegions"),
      `      FunctionName: ${name(54)}`,
      ...lambdaFunction("InEveryRegion"),
      `      FunctionName: ${name(56)}`,
      "  Broker:",
      "    Type: AWS::AmazonMQ::Broker",
      "    Properties:",
      "      Users:",
      "        - { Username: a, Password: !Sub '${AWS::Region}ab' }",
      "        - { Username: b, Password: !Sub '${AWS::Partition}-pw' }",
    );
    // The names: us-east-1 gives 64 characters, ap-southeast-2 gives 69; only the longer name is too
    // long with both. The passwords (12 characters at least): us-east-1ab is too short and
    // ap-southeast-2ab is not; aws-pw and aws-cn-pw both are.
    expect(brief(findings)).toEqual(["W1031 17:21", "W1031 23:36"]);
    expect(findings.map((f) => f.message)).toEqual([
      `Fn::Sub gives 'us-east-1-${"f".repeat(56)}' (with AWS::Region 'us-east-1'): 'FunctionName' of ` +
        "AWS::Lambda::Function must be at most 64 characters long, not 66",
      "Fn::Sub gives 'aws-pw' (with AWS::Partition 'aws'): 'Users[1].Password' of AWS::AmazonMQ::Broker " +
        "must be at least 12 characters long",
    ]);
  });

  it("counts text known only at deploy towards a length only, and never quotes a NoEcho parameter", () => {
    const long = "g".repeat(520);
    const findings = resolved(
      "Parameters:",
      "  Secret:",
      "    Type: String",
      "    NoEcho: true",
      "    Default: NOT-A-BUCKET",
      "Resources:",
      "  Queue:",
      "    Type: AWS::SQS::Queue",
      "  Long:",
      "    Type: AWS::Logs::LogGroup",
      "    Properties:",
      `      LogGroupName: !Sub '/\${AWS::StackName}/\${Queue.QueueName}/${long}'`,
      "  Short:",
      "    Type: AWS::Logs::LogGroup",
      "    Properties:",
      "      LogGroupName: !Sub '/${AWS::StackName}/${Queue.QueueName}/Logs'",
      ...bucket("Hidden", "!Sub '${Secret}'"),
    );
    expect(brief(findings)).toEqual(["W1031 12:21"]);
    expect(findings[0].message).toBe(
      "Fn::Sub gives at least 524 characters: 'LogGroupName' of AWS::Logs::LogGroup must be at most 512 characters long",
    );
  });

  it("judges every Region's entry of a mapping keyed by AWS::Region, and only the entries a Region can name", () => {
    const findings = resolved(
      "Mappings:",
      "  Images:",
      "    Name:",
      "      Id: amzn2-ami-hvm",
      "    us-east-1:",
      "      Id: ami-0123456789abcdef0",
      "    eu-west-1:",
      "      Id: NOT_AVAILABLE",
      "Resources:",
      "  Instance:",
      "    Type: AWS::EC2::Instance",
      "    Properties:",
      "      ImageId: !FindInMap [Images, !Ref AWS::Region, Id]",
    );
    expect(brief(findings)).toEqual(["W1034 13:16"]);
    expect(findings[0].message).toBe(
      "Fn::FindInMap gives 'NOT_AVAILABLE' (with key 'eu-west-1' of mapping 'Images'): 'ImageId' of AWS::EC2::Instance must be an AMI id",
    );
  });

  it("resolves Fn::Join, Fn::Select (of a list or a Fn::Split) and functions nested in a Sub's variables", () => {
    const findings = resolved(
      "Mappings:",
      "  Sizes:",
      "    dev: { Memory: 64, Prefix: Dev }",
      "Resources:",
      ...lambdaFunction("Fn"),
      "      MemorySize: !FindInMap [Sizes, dev, Memory]",
      "      Timeout: !Select [1, [30, 1200]]",
      ...bucket("Split", "!Select [1, !Split [',', 'ok-bucket,Bad_Bucket']]"),
      ...bucket("Joined", "!Join ['-', [assets, !Ref AWS::Region, Logs]]"),
      ...bucket("Nested", "!Sub ['${Prefix}-assets', {Prefix: !FindInMap [Sizes, dev, Prefix]}]"),
    );
    expect(located(findings)).toEqual([
      "W1034 12 Fn::FindInMap gives 64: 'MemorySize' of AWS::Lambda::Function must be at least 128",
      "W1035 13 Fn::Select gives 1200: 'Timeout' of AWS::Lambda::Function must be at most 900",
      "W1035 17 Fn::Select gives 'Bad_Bucket': 'BucketName' of AWS::S3::Bucket must match the pattern ^([a-z0-9][a-z0-9.-]*[a-z0-9])?$",
      "W1032 21 Fn::Join gives 'assets-us-east-1-Logs' (with AWS::Region 'us-east-1'): 'BucketName' of AWS::S3::Bucket " +
        "must match the pattern ^([a-z0-9][a-z0-9.-]*[a-z0-9])?$",
      "W1031 25 Fn::Sub gives 'Dev-assets': 'BucketName' of AWS::S3::Bucket must match the pattern ^([a-z0-9][a-z0-9.-]*[a-z0-9])?$",
    ]);
  });

  it("judges the list a Fn::Split gives (W1033): its number of items, and each item", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Architecture:",
        "    Type: String",
        "    Default: x86-64",
        "  Groups:",
        "    Type: String",
        "    Default: sg-01234567,sg-12345678,sg-23456789,sg-34567890,sg-45678901,default",
        "  Imported:",
        "    Type: String",
        "    NoEcho: true",
        "    Default: a,b,c,d,e,f",
        "Resources:",
        ...lambdaFunction("Fn"),
        "      Architectures: !Split [',', !Ref Architecture]",
        "      Layers: !Split [',', 'arn:aws:lambda:us-east-1:123456789012:layer:a:1,x']",
        "      VpcConfig:",
        "        SubnetIds: !Split [',', !ImportValue Subnets]",
        "        SecurityGroupIds: !Split [',', !Ref Groups]",
        ...lambdaFunction("Quiet"),
        "      Architectures: !Split [',', arm64]",
        "      VpcConfig:",
        "        SubnetIds: []",
        "        SecurityGroupIds: !Split [',', !Ref Imported]",
      ),
      { only: ["W1033"] },
    );
    expect(
      findings.map((f) => `${f.ruleId} ${f.range.start.line}:${f.range.start.column} ${f.message}`),
    ).toEqual([
      "W1033 20:22 Fn::Split gives 'x86-64' as item 0 (with the Default of parameter 'Architecture'): " +
        "'Architectures[0]' of AWS::Lambda::Function must be one of x86_64, arm64 (did you mean 'x86_64'?)",
      "W1033 21:15 Fn::Split gives 'x' as item 1: 'Layers[1]' of AWS::Lambda::Function must match the pattern " +
        "^(arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\\d{12}:layer:[a-zA-Z0-9-_]+:[0-9]+|arn:[a-zA-Z0-9-]+:lambda:::awslayer:[a-zA-Z0-9-_]+)$",
      "W1033 24:27 Fn::Split gives 'default' as item 5 (with the Default of parameter 'Groups'): " +
        "'VpcConfig.SecurityGroupIds[5]' of AWS::Lambda::Function must be a security group id",
      "W1033 24:27 Fn::Split gives 6 items (with the Default of parameter 'Groups'): " +
        "'VpcConfig.SecurityGroupIds' of AWS::Lambda::Function must have at most 5",
    ]);
  });

  it("judges a value that several Regions' entries give once, saying how many give it", () => {
    const findings = lint(
      yaml(
        "Mappings:",
        "  Sizes:",
        "    us-east-1: { memory: 64, archs: 'x86-64' }",
        "    eu-west-1: { memory: 64, archs: 'x86-64' }",
        "    ap-south-1: { memory: 64, archs: 'x86-64' }",
        "    us-west-2: { memory: 96, archs: arm64 }",
        "    sa-east-1: { memory: 1024, archs: arm64 }",
        "Resources:",
        ...lambdaFunction("Fn"),
        "      MemorySize: !FindInMap [Sizes, !Ref AWS::Region, memory]",
        "      Architectures: !Split [',', !FindInMap [Sizes, !Ref AWS::Region, archs]]",
      ),
      { only: ["W1033", "W1034"] },
    );
    expect(located(findings)).toEqual([
      "W1034 16 Fn::FindInMap gives 64 (with key 'us-east-1' of mapping 'Sizes'; also with 2 other choices): " +
        "'MemorySize' of AWS::Lambda::Function must be at least 128",
      "W1034 16 Fn::FindInMap gives 96 (with key 'us-west-2' of mapping 'Sizes'): " +
        "'MemorySize' of AWS::Lambda::Function must be at least 128",
      "W1033 17 Fn::Split gives 'x86-64' as item 0 (with key 'us-east-1' of mapping 'Sizes'; also with 2 other " +
        "choices): 'Architectures[0]' of AWS::Lambda::Function must be one of x86_64, arm64 (did you mean 'x86_64'?)",
    ]);
  });

  it("takes a Fn::FindInMap's DefaultValue where the mapping lacks the keys", () => {
    const findings = resolved(
      "Transform: AWS::LanguageExtensions",
      "Mappings:",
      "  Sizes:",
      "    prod: { Memory: 2048 }",
      "Resources:",
      ...lambdaFunction("Missing"),
      "      MemorySize: !FindInMap [Sizes, test, Memory, {DefaultValue: '64'}]",
      ...lambdaFunction("Present"),
      "      MemorySize: !FindInMap [Sizes, prod, Memory, {DefaultValue: '64'}]",
    );
    expect(located(findings)).toEqual([
      "W1034 13 Fn::FindInMap gives '64': 'MemorySize' of AWS::Lambda::Function must be at least 128",
    ]);
  });

  it("under a Fn::If judges written values but not a parameter's, and leaves unknowable values alone", () => {
    const findings = resolved(
      "Parameters:",
      "  Stage: { Type: String, Default: PROD }",
      "  Names: { Type: CommaDelimitedList, Default: 'A,B' }",
      "Conditions:",
      "  IsProd: !Equals [!Ref Stage, PROD]",
      "Resources:",
      ...bucket("Guarded", "!If [IsProd, !Sub '${Stage}-assets', !Sub 'Dev-assets']"),
      ...bucket("Listed", "!Select [0, !Ref Names]"),
      ...bucket("Attribute", "!Sub '${Guarded.Arn}'"),
      ...bucket("Zoned", "!Join ['-', !GetAZs '']"),
    );
    expect(located(findings)).toEqual([
      "W1031 10 Fn::Sub gives 'Dev-assets': 'BucketName' of AWS::S3::Bucket must match the pattern ^([a-z0-9][a-z0-9.-]*[a-z0-9])?$",
    ]);
  });

  it("follows a Fn::If in a Sub's variable or a Join's item into both branches, naming the condition", () => {
    const findings = resolved(
      "Parameters:",
      "  Stage: { Type: String, Default: PROD }",
      "Conditions:",
      "  IsProd: !Equals [!Ref Stage, PROD]",
      "Resources:",
      ...bucket("Varied", "!Sub ['${Env}-assets', {Env: !If [IsProd, Prod, dev]}]"),
      ...bucket("Joined", "!Join ['-', [!If [IsProd, !Ref Stage, X], assets]]"),
      ...bucket("Absent", "!Join ['-', [!If [IsProd, !Ref AWS::NoValue, !GetAtt Varied.Arn], x]]"),
    );
    // The parameter in a branch gives nothing known, as a Fn::If around the whole value does.
    expect(findings.map((f) => `${f.ruleId} ${f.range.start.line} ${f.severity} ${f.message}`)).toEqual([
      "W1031 9 warning Fn::Sub gives 'Prod-assets' (with condition 'IsProd' true): 'BucketName' of AWS::S3::Bucket " +
        "must match the pattern ^([a-z0-9][a-z0-9.-]*[a-z0-9])?$",
      "W1032 13 warning Fn::Join gives 'X-assets' (with condition 'IsProd' false): 'BucketName' of AWS::S3::Bucket " +
        "must match the pattern ^([a-z0-9][a-z0-9.-]*[a-z0-9])?$",
    ]);
  });

  it("judges what a parameter or a function gives an identity policy's Resource, which IAM takes as an ARN or *", () => {
    // cfn-lint 1.51 gives the same warnings (W1030 at the Ref, W1032 at the Join) on this template.
    const findings = lint(
      yaml(
        "Parameters:",
        "  TableArn: { Type: String, Default: storageTableArn }",
        "  BucketArn: { Type: String, Default: 'arn:aws:s3:::assets' }",
        "Resources:",
        "  Role:",
        "    Type: AWS::IAM::Role",
        "    Properties:",
        "      AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [] }",
        "      Policies:",
        "        - PolicyName: p",
        "          PolicyDocument:",
        "            Version: '2012-10-17'",
        "            Statement:",
        "              - Effect: Allow",
        "                Action: dynamodb:GetItem",
        "                Resource: [!Ref TableArn, !Join ['/', [!Ref TableArn, 'index/*']]]",
        "              - Effect: Allow",
        "                Action: s3:GetObject",
        "                NotResource: !Sub '${BucketArn}/*'",
        "              - Effect: Allow",
        "                Action: s3:GetObject",
        "                Resource: !Sub 'arn:${AWS::Partition}:s3:::${Role}/*'",
        "              - Effect: Allow",
        "                Action: s3:GetObject",
        "                Resource: written-out",
      ),
      { only: ["W1030", "W1031", "W1032", "E3031", "E3510"] },
    );
    expect(located(findings)).toEqual([
      "W1030 2 Default of parameter 'TableArn' does not fit: 'Policies[0].PolicyDocument.Statement[0].Resource[0]' " +
        "of AWS::IAM::Role must be an ARN (arn:partition:service:region:account:resource) or *",
      "W1032 16 Fn::Join gives 'storageTableArn/index/*' (with the Default of parameter 'TableArn'): " +
        "'Policies[0].PolicyDocument.Statement[0].Resource[1]' of AWS::IAM::Role must be an ARN " +
        "(arn:partition:service:region:account:resource) or *",
      "E3510 25 Resource must be an ARN (arn:partition:service:region:account:resource) or *",
    ]);
  });
});

describe("E3030: allowed values the API references document and the provider schemas leave free", () => {
  it("judges an API Gateway method's and route's AuthorizationType, without case", () => {
    const method = (name: string, type: string) => [
      `  ${name}:`,
      "    Type: AWS::ApiGateway::Method",
      "    Properties:",
      "      RestApiId: !Ref Api",
      "      ResourceId: !GetAtt Api.RootResourceId",
      "      HttpMethod: GET",
      `      AuthorizationType: ${type}`,
      "      Integration: { Type: MOCK }",
    ];
    const findings = check(
      "Resources:",
      "  Api: { Type: AWS::ApiGateway::RestApi, Properties: { Name: a } }",
      ...method("Iam", "IAM"),
      ...method("Lower", "none"),
      ...method("Pool", "COGNITO_USER_POOLS"),
      "  Http: { Type: AWS::ApiGatewayV2::Api, Properties: { Name: h, ProtocolType: HTTP } }",
      "  Route:",
      "    Type: AWS::ApiGatewayV2::Route",
      "    Properties:",
      "      ApiId: !Ref Http",
      "      RouteKey: GET /x",
      "      AuthorizationType: COGNITO_USER_POOLS",
    );
    expect(located(findings)).toEqual([
      "E3030 9 'AuthorizationType' of AWS::ApiGateway::Method must be one of AWS_IAM, COGNITO_USER_POOLS, CUSTOM, NONE",
      "E3030 33 'AuthorizationType' of AWS::ApiGatewayV2::Route must be one of AWS_IAM, CUSTOM, JWT, NONE",
    ]);
  });
});

describe("E3034: ranges the CloudFormation reference documents and the provider schemas leave free", () => {
  it("judges a Cognito password's least length, API compression sizes and CloudFront origin timeouts", () => {
    const findings = check(
      "Resources:",
      "  Pool:",
      "    Type: AWS::Cognito::UserPool",
      "    Properties:",
      "      Policies: { PasswordPolicy: { MinimumLength: 4 } }",
      "  Fine:",
      "    Type: AWS::Cognito::UserPool",
      "    Properties:",
      "      Policies: { PasswordPolicy: { MinimumLength: 6 } }",
      "  Api:",
      "    Type: AWS::ApiGateway::RestApi",
      "    Properties: { Name: a, MinimumCompressionSize: -1 }",
      "  Dist:",
      "    Type: AWS::CloudFront::Distribution",
      "    Properties:",
      "      DistributionConfig:",
      "        Enabled: true",
      "        DefaultCacheBehavior: { TargetOriginId: o, ViewerProtocolPolicy: allow-all }",
      "        Origins:",
      "          - Id: o",
      "            DomainName: example.com",
      "            ConnectionTimeout: 30",
      "            ConnectionAttempts: 4",
      "            CustomOriginConfig: { OriginProtocolPolicy: https-only }",
    );
    // cfn-lint 1.51 reports none of them.
    expect(located(findings)).toEqual([
      "E3034 5 'Policies.PasswordPolicy.MinimumLength' of AWS::Cognito::UserPool must be at least 6",
      "E3034 12 'MinimumCompressionSize' of AWS::ApiGateway::RestApi must be at least 0",
      "E3034 22 'DistributionConfig.Origins[0].ConnectionTimeout' of AWS::CloudFront::Distribution must be at most 10",
      "E3034 23 'DistributionConfig.Origins[0].ConnectionAttempts' of AWS::CloudFront::Distribution must be at most 3",
    ]);
  });
});

describe("E3031: a pattern the CloudFront API reference documents", () => {
  it("refuses a DefaultRootObject that begins with a slash, and takes a path or empty text", () => {
    const dist = (name: string, root: string) => [
      `  ${name}:`,
      "    Type: AWS::CloudFront::Distribution",
      "    Properties:",
      "      DistributionConfig:",
      "        Enabled: true",
      `        DefaultRootObject: ${root}`,
      "        DefaultCacheBehavior: { TargetOriginId: o, ViewerProtocolPolicy: allow-all }",
      "        Origins: [{ Id: o, DomainName: example.com, CustomOriginConfig: { OriginProtocolPolicy: https-only } }]",
    ];
    const findings = check(
      "Resources:",
      ...dist("Slash", "/browser/index.html"),
      ...dist("Path", "browser/index.html"),
      ...dist("Empty", "''"),
    );
    expect(located(findings)).toEqual([
      "E3031 7 'DistributionConfig.DefaultRootObject' of AWS::CloudFront::Distribution must match the pattern ^(?!/)",
    ]);
  });
});

describe("E3020 and E3021: a Glue job's capacity settings, as the Glue API reference documents them", () => {
  it("refuses MaxCapacity beside workers, and a worker type without a count or the other way round", () => {
    const job = (name: string, ...settings: string[]) => [
      `  ${name}:`,
      "    Type: AWS::Glue::Job",
      "    Properties:",
      "      Role: arn:aws:iam::123456789012:role/glue",
      "      Command: { Name: glueetl, ScriptLocation: s3://scripts/job.py }",
      ...settings.map((line) => `      ${line}`),
    ];
    const findings = check(
      "Resources:",
      ...job("All", "WorkerType: G.1X", "NumberOfWorkers: 10", "MaxCapacity: 10.0"),
      ...job("TypeOnly", "WorkerType: G.1X"),
      ...job("Workers", "WorkerType: G.2X", "NumberOfWorkers: 2"),
      ...job("Capacity", "MaxCapacity: 2.0"),
    );
    // The lines: All's WorkerType and NumberOfWorkers beside its MaxCapacity, TypeOnly's WorkerType.
    expect(located(findings)).toEqual([
      "E3020 7 'WorkerType' cannot be set together with 'MaxCapacity' for AWS::Glue::Job",
      "E3020 8 'NumberOfWorkers' cannot be set together with 'MaxCapacity' for AWS::Glue::Job",
      "E3021 15 'WorkerType' requires 'NumberOfWorkers' for AWS::Glue::Job",
    ]);
  });
});

describe("E3030: the RDS engines the API documents", () => {
  it("refuses an engine RDS does not have, in any case, and leaves a retired one to E3690 and E3691", () => {
    const source = yaml(
      "Resources:",
      "  Instance:",
      "    Type: AWS::RDS::DBInstance",
      "    Properties: { Engine: postgresql, DBInstanceClass: db.t3.micro, AllocatedStorage: '20' }",
      "  Upper:",
      "    Type: AWS::RDS::DBInstance",
      "    Properties: { Engine: MySQL, DBInstanceClass: db.t3.micro, AllocatedStorage: '20' }",
      "  Cluster:",
      "    Type: AWS::RDS::DBCluster",
      "    Properties: { Engine: aurora-postgres }",
      "  Retired:",
      "    Type: AWS::RDS::DBCluster",
      "    Properties: { Engine: aurora }",
    );
    const findings = lint(source, { only: ["E3030", "E3690", "E3691"] });
    // cfn-lint 1.51 reports the first under E3691 and the third under E3690, its engine and version rules.
    expect(located(findings).filter((line) => !line.startsWith("E3690 13"))).toEqual([
      "E3030 4 'Engine' of AWS::RDS::DBInstance must be one of aurora, aurora-mysql, aurora-postgresql, custom-oracle-ee, " +
        "custom-oracle-ee-cdb, custom-oracle-se2, custom-oracle-se2-cdb, custom-sqlserver-dev, custom-sqlserver-ee, " +
        "custom-sqlserver-se, custom-sqlserver-web, db2-ae (and 13 more) (did you mean 'postgres'?)",
      "E3030 10 'Engine' of AWS::RDS::DBCluster must be one of aurora, aurora-mysql, aurora-postgresql, mysql, neptune, " +
        "postgres (did you mean 'aurora-postgresql'?)",
    ]);
    expect(located(findings).filter((line) => line.startsWith("E3690 13"))).toHaveLength(1);
  });
});

describe("E3030, E3033, E3034: constraints of the services' API models that the provider schemas leave free", () => {
  it("judges DynamoDB, API Gateway, Route 53, Cognito and IAM values against botocore's models", () => {
    const findings = check(
      "Resources:",
      "  Table:",
      "    Type: AWS::DynamoDB::Table",
      "    Properties:",
      "      BillingMode: ON_DEMAND",
      "      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]",
      "      KeySchema: [{ AttributeName: id, KeyType: HASH }]",
      "  Provisioned:",
      "    Type: AWS::DynamoDB::Table",
      "    Properties:",
      "      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]",
      "      KeySchema: [{ AttributeName: id, KeyType: HASH }]",
      "      ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 }",
      "      GlobalSecondaryIndexes:",
      "        - IndexName: by",
      "          KeySchema: [{ AttributeName: id, KeyType: HASH }]",
      "          Projection: { ProjectionType: KEYS }",
      "          ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 }",
      "  Http:",
      "    Type: AWS::ApiGatewayV2::Api",
      "    Properties:",
      "      Name: h",
      "      ProtocolType: HTTP",
      "      CorsConfiguration: { MaxAge: 100000 }",
      "  Integration:",
      "    Type: AWS::ApiGatewayV2::Integration",
      "    Properties:",
      "      ApiId: !Ref Http",
      "      IntegrationType: LAMBDA_PROXY",
      "      IntegrationUri: arn:aws:lambda:us-east-1:123456789012:function:f",
      '      PayloadFormatVersion: "2.0"',
      "      TimeoutInMillis: 60000",
      "  Authorizer:",
      "    Type: AWS::ApiGatewayV2::Authorizer",
      "    Properties:",
      "      ApiId: !Ref Http",
      "      Name: a",
      "      AuthorizerType: REQUEST",
      "      AuthorizerUri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations",
      "      AuthorizerResultTtlInSeconds: 7200",
      '      AuthorizerPayloadFormatVersion: "2.0"',
      "  Record:",
      "    Type: AWS::Route53::RecordSet",
      "    Properties:",
      "      HostedZoneName: example.com.",
      "      Name: api.example.com.",
      "      Type: cname",
      "      SetIdentifier: blue",
      "      Weight: 300",
      '      TTL: "60"',
      "      ResourceRecords: [blue.example.com]",
      "  Pool:",
      "    Type: AWS::Cognito::UserPool",
      "    Properties:",
      "      Policies: { PasswordPolicy: { MinimumLength: 128 } }",
      "      Schema:",
      "        - Name: organisation_identifier",
      "          AttributeDataType: String",
      "  Role:",
      "    Type: AWS::IAM::Role",
      "    Properties:",
      "      AssumeRolePolicyDocument:",
      '        Version: "2012-10-17"',
      "        Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }]",
      "      Policies:",
      "        - PolicyName: a-policy-name-that-goes-on-and-on-and-on-for-more-than-one-hundred-and-twenty-eight-characters-which-iam-refuses-to-take-from-anybody-ok",
      "          PolicyDocument:",
      '            Version: "2012-10-17"',
      '            Statement: [{ Effect: Allow, Action: s3:GetObject, Resource: "*" }]',
    );
    // cfn-lint 1.51 reports none of them. A record type in lower case is compared without case.
    expect(located(findings)).toEqual([
      "E3030 5 'BillingMode' of AWS::DynamoDB::Table must be one of PAY_PER_REQUEST, PROVISIONED",
      "E3033 15 'GlobalSecondaryIndexes[0].IndexName' of AWS::DynamoDB::Table must be at least 3 characters long",
      "E3030 17 'GlobalSecondaryIndexes[0].Projection.ProjectionType' of AWS::DynamoDB::Table must be one of ALL, INCLUDE, KEYS_ONLY",
      "E3034 24 'CorsConfiguration.MaxAge' of AWS::ApiGatewayV2::Api must be at most 86400",
      "E3030 29 'IntegrationType' of AWS::ApiGatewayV2::Integration must be one of AWS, AWS_PROXY, HTTP, HTTP_PROXY, MOCK",
      "E3034 32 'TimeoutInMillis' of AWS::ApiGatewayV2::Integration must be at most 30000",
      "E3034 40 'AuthorizerResultTtlInSeconds' of AWS::ApiGatewayV2::Authorizer must be at most 3600",
      "E3034 49 'Weight' of AWS::Route53::RecordSet must be at most 255",
      "E3034 55 'Policies.PasswordPolicy.MinimumLength' of AWS::Cognito::UserPool must be at most 99",
      "E3033 57 'Schema[0].Name' of AWS::Cognito::UserPool must be at most 20 characters long, not 23",
      "E3033 66 'Policies[0].PolicyName' of AWS::IAM::Role must be at most 128 characters long, not 136",
    ]);
  });

  it("judges the items of listed values, and SNS protocols as its API reference lists them", () => {
    const findings = check(
      "Resources:",
      "  Api:",
      "    Type: AWS::ApiGateway::RestApi",
      "    Properties:",
      "      Name: a",
      "      EndpointConfiguration: { Types: [REGION] }",
      "  Pool:",
      "    Type: AWS::Cognito::UserPool",
      "    Properties:",
      "      UsernameAttributes: [email_address]",
      "      AutoVerifiedAttributes: [email]",
      "  Client:",
      "    Type: AWS::Cognito::UserPoolClient",
      "    Properties:",
      "      UserPoolId: !Ref Pool",
      "      ExplicitAuthFlows: [ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN]",
      "      AllowedOAuthFlows: [code, authorization_code]",
      "  Topic:",
      "    Type: AWS::SNS::Topic",
      "  Queue:",
      "    Type: AWS::SQS::Queue",
      "  Subscription:",
      "    Type: AWS::SNS::Subscription",
      "    Properties:",
      "      TopicArn: !Ref Topic",
      "      Protocol: sqs-queue",
      "      Endpoint: !GetAtt Queue.Arn",
      "  Upper:",
      "    Type: AWS::SNS::Subscription",
      "    Properties:",
      "      TopicArn: !Ref Topic",
      "      Protocol: SQS",
      "      Endpoint: !GetAtt Queue.Arn",
    );
    // cfn-lint 1.51 reports none of them; a protocol in upper case is compared without case.
    expect(located(findings)).toEqual([
      "E3030 6 'EndpointConfiguration.Types[0]' of AWS::ApiGateway::RestApi must be one of EDGE, PRIVATE, REGIONAL (did you mean 'REGIONAL'?)",
      "E3030 10 'UsernameAttributes[0]' of AWS::Cognito::UserPool must be one of email, phone_number",
      "E3030 16 'ExplicitAuthFlows[1]' of AWS::Cognito::UserPoolClient must be one of ADMIN_NO_SRP_AUTH, ALLOW_ADMIN_USER_PASSWORD_AUTH, ALLOW_CUSTOM_AUTH, ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_AUTH, ALLOW_USER_PASSWORD_AUTH, ALLOW_USER_SRP_AUTH, CUSTOM_AUTH_FLOW_ONLY, USER_PASSWORD_AUTH (did you mean 'ALLOW_REFRESH_TOKEN_AUTH'?)",
      "E3030 17 'AllowedOAuthFlows[1]' of AWS::Cognito::UserPoolClient must be one of client_credentials, code, implicit",
      "E3030 26 'Protocol' of AWS::SNS::Subscription must be one of application, email, email-json, firehose, http, https, lambda, sms, sqs",
    ]);
  });

  it("judges pipeline and account settings: CodeBuild projects, Config rules", () => {
    const findings = check(
      "Resources:",
      "  Build:",
      "    Type: AWS::CodeBuild::Project",
      "    Properties:",
      "      ServiceRole: arn:aws:iam::123456789012:role/b",
      "      Artifacts: { Type: NO_ARTIFACT }",
      "      Source: { Type: GITHUB, Location: https://github.com/o/r }",
      "      Environment:",
      // The first release's name, which the API model lacks and CodeBuild still takes.
      "        Type: linuxContainer",
      "        ComputeType: BUILD_GENERAL1_SMAL",
      "        Image: aws/codebuild/standard:7.0",
      "        EnvironmentVariables:",
      "          - { Name: TOKEN, Type: SECRET_MANAGER, Value: token }",
      "  CodeStarBuild:",
      "    Type: AWS::CodeBuild::Project",
      "    Properties:",
      "      ServiceRole: arn:aws:iam::123456789012:role/b",
      "      Artifacts: { Type: codepipeline, Packaging: zip }",
      "      Source: { Type: codepipeline }",
      // What the toolchain templates AWS CodeStar deployed give, beyond the API model's names.
      "      Environment: { Type: LINUX_CONTAINER, ComputeType: small, Image: aws/codebuild/standard:7.0 }",
      "  Rule:",
      "    Type: AWS::Config::ConfigRule",
      "    Properties:",
      "      MaximumExecutionFrequency: One_Day",
      "      Source: { Owner: AWS, SourceIdentifier: S3_BUCKET_VERSIONING_ENABLED }",
      "  Eip:",
      "    Type: AWS::EC2::EIP",
      "    Properties: { Domain: vpc }",
    );
    // cfn-lint 1.51 reports none of them.
    expect(located(findings)).toEqual([
      "E3030 6 'Artifacts.Type' of AWS::CodeBuild::Project must be one of CODEPIPELINE, NO_ARTIFACTS, S3 (did you mean 'NO_ARTIFACTS'?)",
      "E3030 10 'Environment.ComputeType' of AWS::CodeBuild::Project must be one of ATTRIBUTE_BASED_COMPUTE, BUILD_GENERAL1_2XLARGE, BUILD_GENERAL1_LARGE, BUILD_GENERAL1_MEDIUM, BUILD_GENERAL1_SMALL, BUILD_GENERAL1_XLARGE, BUILD_LAMBDA_10GB, BUILD_LAMBDA_1GB, BUILD_LAMBDA_2GB, BUILD_LAMBDA_4GB, BUILD_LAMBDA_8GB, CUSTOM_INSTANCE_TYPE (and 1 more) (did you mean 'BUILD_GENERAL1_SMALL'?)",
      "E3030 13 'Environment.EnvironmentVariables[0].Type' of AWS::CodeBuild::Project must be one of PARAMETER_STORE, PLAINTEXT, SECRETS_MANAGER (did you mean 'SECRETS_MANAGER'?)",
      "E3030 24 'MaximumExecutionFrequency' of AWS::Config::ConfigRule must be one of One_Hour, Six_Hours, Three_Hours, Twelve_Hours, TwentyFour_Hours",
    ]);
  });

  it("judges S3 notification filter rule names without case, and ACM validation methods", () => {
    const findings = check(
      "Resources:",
      "  Bucket:",
      "    Type: AWS::S3::Bucket",
      "    Properties:",
      "      NotificationConfiguration:",
      "        LambdaConfigurations:",
      "          - Event: s3:ObjectCreated:*",
      "            Function: arn:aws:lambda:us-east-1:123456789012:function:f",
      "            Filter: { S3Key: { Rules: [{ Name: extension, Value: .jpg }, { Name: Prefix, Value: uploads/ }] } }",
      "  Certificate:",
      "    Type: AWS::CertificateManager::Certificate",
      "    Properties:",
      "      DomainName: example.com",
      "      ValidationMethod: DNS_RECORD",
    );
    // cfn-lint 1.51 reports neither.
    expect(located(findings)).toEqual([
      "E3030 9 'NotificationConfiguration.LambdaConfigurations[0].Filter.S3Key.Rules[0].Name' of AWS::S3::Bucket must be one of prefix, suffix",
      "E3030 14 'ValidationMethod' of AWS::CertificateManager::Certificate must be one of DNS, EMAIL, HTTP",
    ]);
  });

  it("leaves values inside the models' bounds alone", () => {
    const findings = check(
      "Resources:",
      "  Record:",
      "    Type: AWS::Route53::RecordSet",
      "    Properties:",
      "      HostedZoneName: example.com.",
      "      Name: api.example.com.",
      "      Type: CNAME",
      "      SetIdentifier: blue",
      "      Weight: 255",
      "      TTL: '60'",
      "      ResourceRecords: [blue.example.com]",
      "  Pool:",
      "    Type: AWS::Cognito::UserPool",
      "    Properties:",
      "      Policies: { PasswordPolicy: { MinimumLength: 99 } }",
      "      Schema: [{ Name: tenant, AttributeDataType: String }]",
      "  Table:",
      "    Type: AWS::DynamoDB::Table",
      "    Properties:",
      "      BillingMode: PAY_PER_REQUEST",
      "      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]",
      "      KeySchema: [{ AttributeName: id, KeyType: HASH }]",
    );
    expect(findings).toEqual([]);
  });
});

describe("E3031, E3033: names the API references document and the provider schemas leave free", () => {
  it("judges target group, load balancer and queue names", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Group:",
        "    Type: AWS::ElasticLoadBalancingV2::TargetGroup",
        "    Properties:",
        "      Name: orders-service-api-blue-target-grp",
        "  Balancer:",
        "    Type: AWS::ElasticLoadBalancingV2::LoadBalancer",
        "    Properties:",
        "      Name: internal-orders",
        "  Classic:",
        "    Type: AWS::ElasticLoadBalancing::LoadBalancer",
        "    Properties:",
        "      LoadBalancerName: orders_classic",
        "      Listeners: [{LoadBalancerPort: '80', InstancePort: '80', Protocol: HTTP}]",
        "      AvailabilityZones: [us-east-1a]",
        "  Queue:",
        "    Type: AWS::SQS::Queue",
        "    Properties:",
        "      QueueName: orders.v2",
        "  Fifo:",
        "    Type: AWS::SQS::Queue",
        "    Properties:",
        "      FifoQueue: true",
        "      QueueName: orders-v2.fifo",
        "  Fine:",
        "    Type: AWS::ElasticLoadBalancingV2::TargetGroup",
        "    Properties:",
        "      Name: orders-blue",
      ),
      { only: ["E3031", "E3033"] },
    );
    expect(located(findings)).toEqual([
      "E3033 5 'Name' of AWS::ElasticLoadBalancingV2::TargetGroup must be at most 32 characters long, not 34",
      "E3031 9 'Name' of AWS::ElasticLoadBalancingV2::LoadBalancer must be a load balancer name: letters, digits and hyphens, not at either end, not starting with 'internal-'",
      "E3031 13 'LoadBalancerName' of AWS::ElasticLoadBalancing::LoadBalancer must be a load balancer name: letters, digits and hyphens, not at either end",
      "E3031 19 'QueueName' of AWS::SQS::Queue must be a queue name: letters, digits, hyphens and underscores, with .fifo at the end of a FIFO queue's",
    ]);
  });

  it("judges search domain and cache names", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Search:",
        "    Type: AWS::OpenSearchService::Domain",
        "    Properties:",
        "      DomainName: Orders-search",
        "  Legacy:",
        "    Type: AWS::Elasticsearch::Domain",
        "    Properties:",
        "      DomainName: orders-service-search-domain-v2",
        "  Group:",
        "    Type: AWS::ElastiCache::ReplicationGroup",
        "    Properties:",
        "      ReplicationGroupDescription: cache",
        "      ReplicationGroupId: orders--cache",
        "  Cluster:",
        "    Type: AWS::ElastiCache::CacheCluster",
        "    Properties:",
        "      CacheNodeType: cache.t4g.micro",
        "      Engine: redis",
        "      NumCacheNodes: 1",
        "      ClusterName: Orders-Cache-1",
        "  Fine:",
        "    Type: AWS::OpenSearchService::Domain",
        "    Properties:",
        "      DomainName: orders-search",
      ),
      { only: ["E3031", "E3033"] },
    );
    expect(located(findings)).toEqual([
      "E3031 5 'DomainName' of AWS::OpenSearchService::Domain must be a domain name: lower-case letters, digits and hyphens, a letter first",
      "E3033 9 'DomainName' of AWS::Elasticsearch::Domain must be at most 28 characters long, not 31",
      "E3031 14 'ReplicationGroupId' of AWS::ElastiCache::ReplicationGroup must be a cache name: letters, digits and hyphens, a letter first, no hyphen at the end or two together",
    ]);
  });

  it("judges a search domain and a Cognito domain named after a stack with capitals (E3944)", () => {
    const source = yaml(
      "Resources:",
      "  Search:",
      "    Type: AWS::OpenSearchService::Domain",
      "    Properties:",
      "      DomainName: !Sub ${AWS::StackName}-search",
      "  Login:",
      "    Type: AWS::Cognito::UserPoolDomain",
      "    Properties:",
      "      UserPoolId: !Ref Pool",
      "      Domain: !Sub ${AWS::StackName}-login",
      "  Custom:",
      "    Type: AWS::Cognito::UserPoolDomain",
      "    Properties:",
      "      UserPoolId: !Ref Pool",
      "      Domain: auth.example.com",
      "      CustomDomainConfig: { CertificateArn: !Ref Certificate }",
      "  Pool:",
      "    Type: AWS::Cognito::UserPool",
      "Parameters:",
      "  Certificate:",
      "    Type: String",
    );
    expect(lint(source, { only: ["E3944", "E3031"], stackName: "orders-pr-12" })).toEqual([]);
    expect(
      lint(source, { only: ["E3944", "E3031"], stackName: "Orders-pr-12" }).map((f) => f.message),
    ).toEqual([
      "Fn::Sub gives 'Orders-pr-12-search' (with the stack name 'Orders-pr-12'): 'DomainName' of " +
        "AWS::OpenSearchService::Domain must be a domain name: lower-case letters, digits and hyphens, a letter first",
      "Fn::Sub gives 'Orders-pr-12-login' (with the stack name 'Orders-pr-12'): 'Domain' of " +
        "AWS::Cognito::UserPoolDomain must be a domain of lower-case letters, digits and hyphens (periods between a " +
        "custom domain's parts), no hyphen first or last",
    ]);
    const written = lint(
      yaml(
        "Resources:",
        "  Login:",
        "    Type: AWS::Cognito::UserPoolDomain",
        "    Properties:",
        "      UserPoolId: us-east-1_abc",
        "      Domain: -orders",
      ),
      { only: ["E3031"] },
    );
    expect(brief(written)).toEqual(["E3031 6:15"]);
  });

  it("judges a target group named after the stack being deployed (E3944)", () => {
    const source = yaml(
      "Resources:",
      "  Group:",
      "    Type: AWS::ElasticLoadBalancingV2::TargetGroup",
      "    Properties:",
      "      Name: !Sub ${AWS::StackName}-tg",
    );
    expect(lint(source, { only: ["E3944"], stackName: "orders-pr-12" })).toEqual([]);
    const findings = lint(source, { only: ["E3944"], stackName: "orders-service-api-gateway-pr-1234" });
    expect(findings.map((f) => f.message)).toEqual([
      "Fn::Sub gives 'orders-service-api-gateway-pr-1234-tg' (with the stack name 'orders-service-api-gateway-pr-1234'): " +
        "'Name' of AWS::ElasticLoadBalancingV2::TargetGroup must be at most 32 characters long, not 37",
    ]);
  });
});
