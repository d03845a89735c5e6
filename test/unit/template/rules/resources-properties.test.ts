/**
 * Resource properties against the spec: E3002 unknown, W3040 and E3040 read-only, E3003 missing required,
 * E3012 wrong type, SAM Globals.
 */
import { describe, expect, it } from "vitest";
import { brief, lambdaFunction, lint, samFunction, samGlobals, yaml } from "../lint";

describe("E3002 unknown properties", () => {
  it("flags unknown properties on the resource and in nested property types, with a suggestion", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Bucket:",
        "    Type: AWS::S3::Bucket",
        "    Properties:",
        "      BucketNme: x",
        "      LoggingConfiguration:",
        "        DestinationBucketNme: y",
        "      Tags:",
        "        - Key: a",
        "          Valu: b",
      ),
      { only: ["E3002"] },
    );
    expect(brief(findings)).toEqual(["E3002 5:7", "E3002 7:9", "E3002 10:11"]);
    expect(findings[0].message).toBe(
      "Unknown property 'BucketNme' for AWS::S3::Bucket (did you mean 'BucketName'?)",
    );
    expect(findings[2].message).toBe(
      "Unknown property 'Valu' in Tags[0] (AWS::S3::Bucket.Tag) (did you mean 'Value'?)",
    );
  });

  it("takes a record set's GeoProximityLocation, which the service spec gives only in a record set group", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Record:",
        "    Type: AWS::Route53::RecordSet",
        "    Properties:",
        "      HostedZoneId: Z0123456789ABCDEFGHIJ",
        "      Name: api.example.com",
        "      Type: A",
        "      SetIdentifier: east",
        "      TTL: '60'",
        "      ResourceRecords: [192.0.2.1]",
        "      GeoProximityLocation:",
        "        AWSRegion: us-east-1",
        "        Coordinates: { Latitude: '40.7', Longitud: '-74.0' }",
      ),
      { only: ["E3002", "E3003"] },
    );
    expect(brief(findings)).toEqual(["E3003 13:9", "E3002 13:42"]);
  });

  it("takes a subscriber's InvokeConfiguration, which the service spec leaves out", () => {
    // The CloudFormation reference's minimal example, with a typo in a property the spec keeps.
    const findings = lint(
      yaml(
        "Resources:",
        "  OrdersSubscriber:",
        "    Type: AWS::EventsV2::Subscriber",
        "    Properties:",
        "      Name: orders-to-queue",
        "      EventBusArn: arn:aws:events:us-east-1:123456789012:event-busv2/orders-event-bus/a1b2c3d4e5f6g7h8i9j0k1l2m",
        "      InvokeConfiguration:",
        "        TargetArn: arn:aws:sqs:us-east-1:123456789012:orders-queue",
        "        RoleArn: arn:aws:iam::123456789012:role/EventBridgeInvokeSqs",
        "        LambdaParameters: { InvocationType: REQUEST_RESPONSE }",
        "      RetryPolicy: { MaxRetryAttempt: 3 }",
      ),
      { only: ["E3002"] },
    );
    expect(brief(findings)).toEqual(["E3002 11:22"]);
  });

  it("accepts any property on custom resources and Fn::If between property sets", () => {
    const findings = lint(
      yaml(
        "Conditions:",
        "  Prod: !Equals [!Ref AWS::Region, eu-west-1]",
        "Resources:",
        "  Custom:",
        "    Type: Custom::Seed",
        "    Properties:",
        "      ServiceToken: arn:aws:lambda:eu-west-1:123456789012:function:seed",
        "      Anything: 1",
        "  Generic:",
        "    Type: AWS::CloudFormation::CustomResource",
        "    Properties:",
        "      ServiceToken: arn:aws:lambda:eu-west-1:123456789012:function:seed",
        "      Rows: [1, 2]",
        "  Bucket:",
        "    Type: AWS::S3::Bucket",
        "    Properties: !If [Prod, { BucketName: a }, { VersioningConfiguration: { Status: Enabled } }]",
      ),
      { only: ["E3002"] },
    );
    expect(brief(findings)).toEqual([]);
  });
});

describe("W3040 and E3040 read-only properties", () => {
  it("tells a read-only attribute from an unknown property, at the resource's own level only", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Worker:",
        "    Type: AWS::Lambda::Function",
        "    Properties:",
        "      Arn: arn:aws:lambda:eu-west-1:123456789012:function:worker",
        "      Role: arn:aws:iam::123456789012:role/worker",
        "      Code: { S3Bucket: code-bucket, S3Key: app.zip }",
        "      DeadLetterConfig:",
        "        Arn: arn:aws:sqs:eu-west-1:123456789012:dead",
        "  Queue:",
        "    Type: AWS::SQS::Queue",
        "    Properties:",
        "      QueueUrl: https://sqs.eu-west-1.amazonaws.com/123456789012/jobs",
        "  Graph:",
        "    Type: AWS::Neptune::DBCluster",
        "    Properties:",
        "      Port: 8183",
      ),
      { only: ["E3040", "W3040", "E3002"] },
    );
    // CloudFormation takes the template and drops the values: warnings.
    expect(brief(findings)).toEqual(["W3040 5:7", "E3002 9:9", "W3040 13:7", "W3040 17:7"]);
    expect(findings.map((finding) => finding.severity)).toEqual(["warning", "error", "warning", "warning"]);
    expect(findings[0].message).toBe(
      "'Arn' of AWS::Lambda::Function is read-only: CloudFormation ignores the value given here, and sets it when it " +
        "creates the resource; remove it from Properties, and read it with Fn::GetAtt where it is needed",
    );
    expect(findings[3].message).toMatch(/ \(did you mean 'DBPort'\?\)$/);
  });

  it("is an error in a SAM resource, which the transform refuses", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        "  Worker:",
        "    Type: AWS::Serverless::Function",
        "    Properties:",
        "      Arn: arn:aws:lambda:eu-west-1:123456789012:function:worker",
        "      Runtime: python3.12",
        "      Handler: app.handler",
        "      InlineCode: x",
      ),
      { only: ["E3040", "W3040", "E3002"] },
    );
    expect(brief(findings)).toEqual(["E3040 6:7"]);
  });
});

describe("E3003 required properties", () => {
  it("flags a missing required property on the Properties key, the resource key, and a nested property type", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Group:",
        "    Type: AWS::EC2::SecurityGroup",
        "    Properties:",
        "      VpcId: vpc-1",
        "      Tags:",
        "        - Key: a",
        "  Bare:",
        "    Type: AWS::EC2::SecurityGroup",
        "  Bucket:",
        "    Type: AWS::S3::Bucket",
        "    Properties:",
        "      VersioningConfiguration: {}",
      ),
      { only: ["E3003"] },
    );
    expect(brief(findings)).toEqual(["E3003 4:5", "E3003 7:11", "E3003 8:3", "E3003 13:7"]);
    expect(findings[0].message).toBe(
      "Missing required property 'GroupDescription' for AWS::EC2::SecurityGroup",
    );
    expect(findings[1].message).toBe(
      "Missing required property 'Value' in Tags[0] (AWS::EC2::SecurityGroup)",
    );
  });

  it("requires a tag's Key and Value where the type's schema does: S3 both, ECS neither", () => {
    const tagged = (name: string, type: string) => [
      `  ${name}:`,
      `    Type: ${type}`,
      "    Properties:",
      "      Tags:",
      "        - Key: team",
      "        - Value: payments",
    ];
    const findings = lint(
      yaml(
        "Resources:",
        ...tagged("Bucket", "AWS::S3::Bucket"),
        ...tagged("Cluster", "AWS::ECS::Cluster"),
        ...tagged("Balancer", "AWS::ElasticLoadBalancingV2::LoadBalancer"),
      ),
      { only: ["E3003"] },
    );
    // Elastic Load Balancing needs a Key, not a Value.
    expect(brief(findings)).toEqual(["E3003 6:11", "E3003 7:11", "E3003 19:11"]);
    expect(findings.map((f) => f.message)).toEqual([
      "Missing required property 'Value' in Tags[0] (AWS::S3::Bucket)",
      "Missing required property 'Key' in Tags[1] (AWS::S3::Bucket)",
      "Missing required property 'Key' in Tags[1] (AWS::ElasticLoadBalancingV2::LoadBalancer)",
    ]);
  });

  it("takes a work team without Description or MemberDefinitions, which the reference leaves optional", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Team:",
        "    Type: AWS::SageMaker::Workteam",
        "    Properties:",
        "      WorkteamName: labelers",
        "      WorkforceName: default",
      ),
      { only: ["E3003"] },
    );
    expect(findings).toEqual([]);
  });

  it("does not look into values an intrinsic function chooses", () => {
    const findings = lint(
      yaml(
        "Conditions:",
        "  Prod: !Equals [!Ref AWS::Region, eu-west-1]",
        "Mappings:",
        "  Versioning:",
        "    eu-west-1: { Config: { Status: Enabled } }",
        "Resources:",
        "  Bucket:",
        "    Type: AWS::S3::Bucket",
        "    Properties:",
        "      VersioningConfiguration: !FindInMap [Versioning, !Ref AWS::Region, Config]",
        "  Other:",
        "    Type: AWS::S3::Bucket",
        "    Properties:",
        "      VersioningConfiguration: !If [Prod, { Status: Enabled }, !Ref AWS::NoValue]",
      ),
      { only: ["E3003"] },
    );
    expect(brief(findings)).toEqual([]);
  });
  it("flags a required property a Fn::If leaves out where its condition may be false", () => {
    const template = yaml(
      "Parameters:",
      "  Topic: { Type: String, Default: '' }",
      "  Stage: { Type: String, AllowedValues: [dev, prod] }",
      "Conditions:",
      "  HasTopic: !Not [!Equals [!Ref Topic, '']]",
      "  IsProd: !Equals [!Ref Stage, prod]",
      "Resources:",
      "  Q:",
      "    Type: AWS::SQS::Queue",
      "  Open:",
      "    Type: AWS::SQS::QueuePolicy",
      "    Properties:",
      "      Queues: !If [HasTopic, [!Ref Q], !Ref AWS::NoValue]",
      "      PolicyDocument: !If [IsProd, !Ref AWS::NoValue, { Statement: [] }]",
      "  Guarded:",
      "    Type: AWS::SQS::QueuePolicy",
      "    Condition: HasTopic",
      "    Properties:",
      "      Queues: !If [HasTopic, [!Ref Q], !Ref AWS::NoValue]",
      "      PolicyDocument: !If [IsProd, { Statement: [] }, !If [HasTopic, { Statement: [] }, !Ref AWS::NoValue]]",
      "  Chosen:",
      "    Type: AWS::SQS::QueuePolicy",
      "    Properties: !If",
      "      - HasTopic",
      "      - Queues: !If [HasTopic, [!Ref Q], !Ref AWS::NoValue]",
      "        PolicyDocument: !If [IsProd, { Statement: [] }, !If [IsProd, !Ref AWS::NoValue, { Statement: [] }]]",
      "      - Queues: [!Ref Q]",
      "        PolicyDocument: { Statement: [] }",
    );
    const findings = lint(template, { only: ["E3003"] });
    // Guarded and Chosen take the NoValue branches only where their Condition or the Fn::If around
    // rules them out; Open takes them where HasTopic is false and where IsProd is true.
    expect(brief(findings)).toEqual(["E3003 13:7", "E3003 14:7"]);
    expect(findings[0].message).toBe(
      "Required property 'Queues' for AWS::SQS::QueuePolicy is left out where condition HasTopic is false: its " +
        "Fn::If gives AWS::NoValue there. Give it a value in both branches, or create the resource only where " +
        "HasTopic is true",
    );
    expect(findings[1].message).toContain("where condition IsProd is true");
    // The values passed decide IsProd: dev never takes its NoValue branch.
    expect(brief(lint(template, { only: ["E3003"], parameterValues: { Stage: "dev" } }))).toEqual([
      "E3003 13:7",
    ]);
  });

  it("flags a required group whose members a Fn::If leaves out together where the resource may stand", () => {
    const policy = (name: string, condition: string, ...members: string[]) => [
      `  ${name}:`,
      "    Type: AWS::IAM::Policy",
      ...(condition ? [`    Condition: ${condition}`] : []),
      "    Properties:",
      "      PolicyName: p",
      "      PolicyDocument: { Statement: [{ Effect: Allow, Action: 's3:GetObject', Resource: '*' }] }",
      ...members.map((member) => `      ${member}`),
    ];
    const template = yaml(
      "Parameters:",
      "  Stage: { Type: String, AllowedValues: [dev, prod] }",
      "  Team: { Type: String }",
      "Conditions:",
      "  IsProd: !Equals [!Ref Stage, prod]",
      "  HasTeam: !Not [!Equals [!Ref Team, '']]",
      "Resources:",
      "  Role:",
      "    Type: AWS::IAM::Role",
      "    Properties:",
      "      AssumeRolePolicyDocument: { Statement: [] }",
      // Left out where IsProd is false
      ...policy("Alone", "", "Roles: !If [IsProd, [!Ref Role], !Ref AWS::NoValue]"),
      // Roles and Users both left out where IsProd is false
      ...policy(
        "Both",
        "",
        "Roles: !If [IsProd, [!Ref Role], !Ref AWS::NoValue]",
        "Users: !If [IsProd, [bob], !Ref AWS::NoValue]",
      ),
      // Each branch keeps one of them
      ...policy(
        "Swapped",
        "",
        "Roles: !If [IsProd, [!Ref Role], !Ref AWS::NoValue]",
        "Users: !If [IsProd, !Ref AWS::NoValue, [bob]]",
      ),
      // Different conditions may never leave both out together
      ...policy(
        "Apart",
        "",
        "Roles: !If [IsProd, [!Ref Role], !Ref AWS::NoValue]",
        "Users: !If [HasTeam, [bob], !Ref AWS::NoValue]",
      ),
      // One is always there
      ...policy("Kept", "", "Roles: !If [IsProd, [!Ref Role], !Ref AWS::NoValue]", "Groups: [admins]"),
      // Made only where IsProd is true
      ...policy("Guarded", "IsProd", "Roles: !If [IsProd, [!Ref Role], !Ref AWS::NoValue]"),
      "  Schedule:",
      "    Type: AWS::Events::Rule",
      "    Properties:",
      "      ScheduleExpression: !If [HasTeam, rate(1 hour), !Ref AWS::NoValue]",
      "  Alarm:",
      "    Type: AWS::CloudWatch::Alarm",
      "    Properties:",
      "      ComparisonOperator: GreaterThanThreshold",
      "      EvaluationPeriods: 1",
      "      Threshold: 1",
      "      MetricName: !If [IsProd, !Ref AWS::NoValue, Errors]",
      "      Namespace: AWS/Lambda",
      "      Period: 60",
      "      Statistic: Sum",
      "  Queue:",
      "    Type: AWS::Batch::JobQueue",
      "    Properties:",
      "      Priority: 1",
      "      ComputeEnvironmentOrder: !If [HasTeam, [{ ComputeEnvironment: ce, Order: 1 }], !Ref AWS::NoValue]",
    );
    const findings = lint(template, { only: ["E3003", "E3014", "E3058"] });
    expect(brief(findings)).toEqual(["E3003 14:5", "E3003 20:5", "E3058 55:5", "E3014 59:5", "E3003 69:5"]);
    expect(findings[0].message).toBe(
      "At least one of 'Users', 'Groups' or 'Roles' is required for AWS::IAM::Policy where condition IsProd is " +
        "false: each one's Fn::If gives AWS::NoValue there. Give one a value in both branches, or create " +
        "the resource only where IsProd is true",
    );
    expect(findings[2].message).toContain("where condition HasTeam is false");
    expect(findings[3].message).toContain("where condition IsProd is true");
    expect(findings[4].message).toContain(
      "Exactly one of 'ComputeEnvironmentOrder' or 'ServiceEnvironmentOrder' is required for AWS::Batch::JobQueue " +
        "where condition HasTeam is false",
    );
    // The values passed decide IsProd: prod never leaves the policies' Roles out; HasTeam stays open.
    expect(brief(lint(template, { only: ["E3003"], parameterValues: { Stage: "prod" } }))).toEqual([
      "E3003 69:5",
    ]);
  });
});

describe("E3012 an imported value", () => {
  it("reports an export where a list is needed: an output's value is text, which a Fn::Split makes a list", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  SubnetGroup:",
        "    Type: AWS::RDS::DBSubnetGroup",
        "    Properties:",
        "      DBSubnetGroupDescription: !ImportValue network-description",
        "      SubnetIds: !ImportValue network-subnets",
        "  Split:",
        "    Type: AWS::RDS::DBSubnetGroup",
        "    Properties:",
        "      DBSubnetGroupDescription: d",
        '      SubnetIds: !Split [",", !ImportValue network-subnets]',
        "  Items:",
        "    Type: AWS::RDS::DBSubnetGroup",
        "    Properties:",
        "      DBSubnetGroupDescription: d",
        "      SubnetIds: [!ImportValue network-subnet-a, !ImportValue network-subnet-b]",
      ),
      { only: ["E3012"] },
    );
    expect(brief(findings)).toEqual(["E3012 6:18"]);
    expect(findings[0].message).toBe(
      "'SubnetIds' of AWS::RDS::DBSubnetGroup must be a list, but Fn::ImportValue returns a string",
    );
  });
});

describe("E3012 value types", () => {
  const source = yaml(
    "Parameters:",
    "  Subnets:",
    "    Type: CommaDelimitedList",
    "  Name:",
    "    Type: String",
    "Conditions:",
    "  Prod: !Equals [!Ref AWS::Region, eu-west-1]",
    "Resources:",
    "  Queue:",
    "    Type: AWS::SQS::Queue",
    "    Properties:",
    '      DelaySeconds: "5"',
    "      VisibilityTimeout: abc",
    '      FifoQueue: "True"',
    '      ContentBasedDeduplication: "yes"',
    "      QueueName: 12",
    '      Tags: !Sub "x"',
    '      RedrivePolicy: "{}"',
    "  Group:",
    "    Type: AWS::EC2::SecurityGroup",
    "    Properties:",
    "      GroupDescription: [a]",
    "      SecurityGroupIngress: !Ref Name",
    "  SubnetGroup:",
    "    Type: AWS::RDS::DBSubnetGroup",
    "    Properties:",
    "      DBSubnetGroupDescription: !If [Prod, ok, [bad]]",
    "      SubnetIds: !Ref Subnets",
    "  SubnetGroup2:",
    "    Type: AWS::RDS::DBSubnetGroup",
    "    Properties:",
    '      DBSubnetGroupDescription: !GetAZs ""',
    '      SubnetIds: !Split [",", !Ref Name]',
  );

  it("flags wrong shapes and intrinsics that cannot yield the expected type, including inside Fn::If", () => {
    const findings = lint(source, { only: ["E3012"] });
    expect(brief(findings)).toEqual([
      "E3012 13:26",
      "E3012 15:34",
      "E3012 17:13",
      "E3012 22:25",
      "E3012 23:29",
      "E3012 27:48",
      "E3012 32:33",
    ]);
    expect(findings[0].message).toBe("'VisibilityTimeout' of AWS::SQS::Queue must be an integer, not 'abc'");
    expect(findings[2].message).toBe(
      "'Tags' of AWS::SQS::Queue must be a list, but Fn::Sub returns a string",
    );
    expect(findings[4].message).toBe(
      "'SecurityGroupIngress' of AWS::EC2::SecurityGroup must be a list, but Ref to 'Name' returns a string",
    );
  });

  it("accepts what CloudFormation converts: numeric strings, True/False strings, numbers as strings, JSON as a string", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Subnets:",
        "    Type: List<AWS::EC2::Subnet::Id>",
        "Resources:",
        "  Queue:",
        "    Type: AWS::SQS::Queue",
        "    Properties:",
        '      DelaySeconds: "5"',
        '      FifoQueue: "false"',
        "      QueueName: 12",
        "      RedrivePolicy: { maxReceiveCount: 3 }",
        "      Tags: !Ref AWS::NoValue",
        "  SubnetGroup:",
        "    Type: AWS::RDS::DBSubnetGroup",
        "    Properties:",
        '      DBSubnetGroupDescription: !Join ["-", [a, b]]',
        "      SubnetIds: !Ref Subnets",
      ),
      { only: ["E3012"] },
    );
    expect(brief(findings)).toEqual([]);
  });

  it("names each type a property takes once", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Role:",
        "    Type: AWS::IAM::Role",
        "    Properties:",
        "      AssumeRolePolicyDocument:",
        "        - Effect: Allow",
      ),
      { only: ["E3012"] },
    );
    expect(findings.map((f) => f.message)).toEqual([
      "'AssumeRolePolicyDocument' of AWS::IAM::Role must be a JSON object or a string, not a list",
    ]);
  });
});

/** E3003 findings of a SAM template: Globals.Function.FunctionUrlConfig holds `setting` (line 5), then `resources`. */
function urlConfigFindings(setting: string, ...resources: string[]) {
  return lint(
    yaml(...samGlobals("Function", "FunctionUrlConfig:", `  ${setting}`), "Resources:", ...resources),
    { only: ["E3003"] },
  );
}

const MISSING_AUTH_TYPE =
  "Missing required property 'AuthType' in FunctionUrlConfig (AWS::Serverless::Function.FunctionUrlConfig)";

describe("SAM Globals", () => {
  it("checks Globals properties against their SAM type and counts them as provided for required properties", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Globals:",
        "  Function:",
        "    Runtime: java21",
        "    Handler: app.Handler::handleRequest",
        "    MemorySze: 512",
        "  Api:",
        "    StageName: prod",
        "Resources:",
        "  Fn:",
        "    Type: AWS::Serverless::Function",
        "    Properties:",
        "      CodeUri: build/",
        "      SnapStart:",
        "        ApplyOn: PublishedVersions",
        "      AutoPublishAlias: live",
        "  Api:",
        "    Type: AWS::Serverless::Api",
        "    Properties:",
        "      Cors: \"'*'\"",
        "  Layer:",
        "    Type: AWS::Serverless::LayerVersion",
        "    Properties:",
        "      Description: shared code",
      ),
      { only: ["E3002", "E3003", "E3012"] },
    );
    expect(brief(findings)).toEqual(["E3002 6:5", "E3003 23:5"]);
    expect(findings[0].message).toBe(
      "Unknown property 'MemorySze' in Globals.Function (AWS::Serverless::Function) (did you mean 'MemorySize'?)",
    );
    expect(findings[1].message).toBe(
      "Missing required property 'ContentUri' for AWS::Serverless::LayerVersion",
    );
  });

  it("lets a struct in Globals leave its required properties to the resources it is merged into", () => {
    const findings = urlConfigFindings(
      "Cors: {AllowOrigins: ['https://example.com']}",
      ...samFunction("Fn", "FunctionUrlConfig: {AuthType: NONE}"),
      ...samFunction("NoAuthType", "FunctionUrlConfig: {InvokeMode: BUFFERED}"),
    );
    expect(brief(findings)).toEqual(["E3003 20:7"]);
    expect(findings[0].message).toBe(MISSING_AUTH_TYPE);
  });

  it("lets a resource's struct take its required properties from the same struct in Globals", () => {
    const findings = urlConfigFindings(
      "AuthType: AWS_IAM",
      ...samFunction("Merged", "FunctionUrlConfig: {Cors: {AllowOrigins: ['https://example.com']}}"),
      "  Ignores:",
      "    Type: AWS::Serverless::Function",
      "    IgnoreGlobals: [FunctionUrlConfig]",
      "    Properties:",
      "      InlineCode: exports.handler = async () => {};",
      "      Runtime: nodejs22.x",
      "      Handler: index.handler",
      "      FunctionUrlConfig: {InvokeMode: BUFFERED}",
    );
    expect(brief(findings)).toEqual(["E3003 21:7"]);
    expect(findings[0].message).toBe(MISSING_AUTH_TYPE);
  });

  it("takes a property of a SAM resource left empty, which the transform reads as not set", () => {
    // samtranslator 1.110 transforms the SAM resources here (CodeUri given as an S3 URI) and writes no null.
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        ...samFunction("Fn", "Events:", "Environment:", "Layers:", "VpcConfig:"),
        "  Machine:",
        "    Type: AWS::Serverless::StateMachine",
        "    Properties:",
        "      Definition: {StartAt: A, States: {A: {Type: Pass, End: true}}}",
        "      Events:",
        "  Api:",
        "    Type: AWS::Serverless::Api",
        "    Properties:",
        "      StageName: prod",
        "      Auth:",
        "      MethodSettings:",
        "  Layer:",
        "    Type: AWS::Serverless::LayerVersion",
        "    Properties:",
        "      ContentUri: s3://bucket/layer.zip",
        "      CompatibleRuntimes:",
        // The same null on a resource CloudFormation reads as written is still refused.
        "  Plain:",
        "    Type: AWS::Lambda::Function",
        "    Properties:",
        "      Runtime: python3.12",
        "      Handler: app.handler",
        "      Role: arn:aws:iam::123456789012:role/r",
        "      Code: {ZipFile: x}",
        "      Environment:",
      ),
    );
    // E3943 reports it; E3012, whose type check it also fails, leaves it to E3943.
    expect(brief(findings)).toEqual(["E3943 36:7"]);
  });

  it("reports a required property of a SAM resource left empty as missing, as the transform does", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        "  Api:",
        "    Type: AWS::Serverless::Api",
        "    Properties:",
        "      StageName:",
        "  Layer:",
        "    Type: AWS::Serverless::LayerVersion",
        "    Properties:",
        "      ContentUri:",
      ),
      { only: ["E3003", "E3012"] },
    );
    expect(brief(findings)).toEqual(["E3003 5:5", "E3003 9:5"]);
    expect(findings[0].message).toBe("Missing required property 'StageName' for AWS::Serverless::Api");
  });

  it("requires the Api's StageName when Globals does not provide it", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        "  Api:",
        "    Type: AWS::Serverless::Api",
        "    Properties:",
        "      Cors: \"'*'\"",
      ),
      { only: ["E3003"] },
    );
    expect(brief(findings)).toEqual(["E3003 5:5"]);
  });

  it("does not count Globals a resource opts out of with IgnoreGlobals", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Globals:",
        "  Api:",
        "    StageName: prod",
        "Resources:",
        "  Api:",
        "    Type: AWS::Serverless::Api",
        "    IgnoreGlobals: [StageName]",
        "    Properties:",
        "      Cors: \"'*'\"",
        "  Shared:",
        "    Type: AWS::Serverless::Api",
        "    Properties:",
        "      Cors: \"'*'\"",
      ),
      { only: ["E3003"] },
    );
    expect(brief(findings)).toEqual(["E3003 9:5"]);
  });
});

describe("a modern SAM application", () => {
  it("draws no resource finding: SnapStart, policy templates, several event shapes, connectors", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Globals:",
        "  Function:",
        "    Runtime: java21",
        "    Timeout: 30",
        "    MemorySize: 1024",
        "    Tracing: Active",
        "    Environment:",
        "      Variables:",
        "        TABLE: !Ref Table",
        "Resources:",
        "  Table:",
        "    Type: AWS::Serverless::SimpleTable",
        "    Properties:",
        "      PrimaryKey: { Name: id, Type: String }",
        "  Queue:",
        "    Type: AWS::SQS::Queue",
        "  Fn:",
        "    Type: AWS::Serverless::Function",
        "    Properties:",
        "      CodeUri: build/app.jar",
        "      Handler: app.Handler::handleRequest",
        "      AutoPublishAlias: live",
        "      SnapStart:",
        "        ApplyOn: PublishedVersions",
        "      LoggingConfig:",
        "        LogFormat: JSON",
        "      RuntimeManagementConfig:",
        "        UpdateRuntimeOn: Auto",
        "      Policies:",
        "        - AWSLambdaBasicExecutionRole",
        "        - DynamoDBCrudPolicy:",
        "            TableName: !Ref Table",
        "        - Statement:",
        "            - Effect: Allow",
        "              Action: sqs:SendMessage",
        "              Resource: !GetAtt Queue.Arn",
        "      Events:",
        "        Get:",
        "          Type: HttpApi",
        "          Properties: { Path: /items, Method: get }",
        "        Messages:",
        "          Type: SQS",
        "          Properties:",
        "            Queue: !GetAtt Queue.Arn",
        "            BatchSize: 10",
        "        Nightly:",
        "          Type: Schedule",
        "          Properties: { Schedule: rate(1 day) }",
        "    Connectors:",
        "      TableAccess:",
        "        Properties:",
        "          Destination: { Id: Table }",
        "          Permissions: [Read, Write]",
        "  Link:",
        "    Type: AWS::Serverless::Connector",
        "    Properties:",
        "      Source: { Id: Fn }",
        "      Destination: [{ Id: Queue }]",
        "      Permissions: [Write]",
      ),
      { only: ["E3001", "E3002", "E3003", "E3004", "E3005", "E3006", "E3012"] },
    );
    expect(brief(findings)).toEqual([]);
  });
});

describe("W3002 local paths that only packaging makes deployable", () => {
  const template = (transform: string[]) =>
    yaml(
      ...transform,
      "Conditions:",
      "  Prod: !Equals [!Ref AWS::AccountId, '123456789012']",
      "Resources:",
      "  Fn:",
      "    Type: AWS::Lambda::Function",
      "    Properties:",
      "      Runtime: python3.13",
      "      Handler: app.handler",
      "      Role: arn:aws:iam::123456789012:role/fn",
      "      Code: ./src",
      "  Layer:",
      "    Type: AWS::Lambda::LayerVersion",
      "    Properties:",
      "      Content: !If [Prod, layer/, {S3Bucket: b, S3Key: k}]",
      "  Api:",
      "    Type: AWS::ApiGateway::RestApi",
      "    Properties:",
      "      BodyS3Location: openapi.yaml",
      "  Child:",
      "    Type: AWS::CloudFormation::Stack",
      "    Properties:",
      "      TemplateURL: nested/child.yaml",
      "  Remote:",
      "    Type: AWS::CloudFormation::Stack",
      "    Properties:",
      "      TemplateURL: https://s3.amazonaws.com/b/child.yaml",
      "  Inline:",
      "    Type: AWS::Lambda::Function",
      "    Properties:",
      "      Runtime: python3.13",
      "      Handler: index.handler",
      "      Role: arn:aws:iam::123456789012:role/fn",
      "      Code:",
      "        ZipFile: print(1)",
    );

  it("warns at each local path, Fn::If branches included, and E3012 leaves them alone", () => {
    const findings = lint(template([]), { only: ["W3002", "E3012"] });
    expect(brief(findings)).toEqual(["W3002 10:13", "W3002 14:27", "W3002 18:23", "W3002 22:20"]);
    expect(findings[0].message).toBe(
      "Code './src' is a local path, which CloudFormation cannot read: deploy the template with the deploy " +
        "action, which packages it, or package it first (`preview-stacks package`, `aws cloudformation package`) " +
        "and deploy the packaged template",
    );
    expect(findings[2].path).toEqual(["Resources", "Api", "Properties", "BodyS3Location"]);
  });

  it("says nothing under the SAM transform, whose tools package, and E3012 still keeps quiet", () => {
    expect(lint(template(["Transform: AWS::Serverless-2016-10-31"]), { only: ["W3002", "E3012"] })).toEqual(
      [],
    );
  });

  it("keeps E3012 for a string that is not a local path, and for other properties", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Fn:",
        "    Type: AWS::Lambda::Function",
        "    Properties:",
        "      Runtime: python3.13",
        "      Handler: app.handler",
        "      Role: arn:aws:iam::123456789012:role/fn",
        "      Code: s3://bucket/key.zip",
        "      VpcConfig: ./vpc",
      ),
      { only: ["W3002", "E3012"] },
    );
    expect(brief(findings)).toEqual(["E3012 8:13", "E3012 9:18"]);
  });
});

describe("E3943 null values in properties and metadata", () => {
  it("reports a property, a nested value, a list item and metadata left empty, at each", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Host:",
        "    Type: AWS::EC2::Instance",
        "    Metadata:",
        "      Owner:",
        "    Properties:",
        "      ImageId: ami-12345678",
        "      EbsOptimized:",
        "      SecurityGroupIds:",
        "        - sg-12345678",
        "        -",
        "      Tags:",
        "        - Key: team",
        "          Value: ~",
        "  Queue:",
        "    Type: AWS::SQS::Queue",
        "    Metadata:",
      ),
      { only: ["E3943"] },
    );
    expect(brief(findings)).toEqual(["E3943 5:7", "E3943 8:7", "E3943 11:10", "E3943 14:11", "E3943 17:5"]);
    expect(findings[1].message).toBe(
      "Properties.EbsOptimized of Host has no value, and CloudFormation refuses a template with a null value in " +
        "it (\"'null' values are not allowed in templates\"); give it a value, or leave it out",
    );
    expect(findings[3].message).toContain("Properties.Tags[0].Value of Host has no value");
  });

  it("reports a Fn::If branch left empty, which E3012 reported as a type before and now leaves to it", () => {
    const findings = lint(
      yaml(
        "Conditions:",
        "  C: !Equals [!Ref AWS::Region, us-east-1]",
        "Resources:",
        "  Fn:",
        "    Type: AWS::Lambda::Function",
        "    Properties:",
        "      Runtime: python3.12",
        "      Handler: app.handler",
        "      Role: arn:aws:iam::123456789012:role/r",
        "      Code: {ZipFile: x}",
        "      Environment: !If",
        "        - C",
        "        - Variables: {A: b}",
        "        -",
        "      Layers: !If [C, [], !Ref AWS::NoValue]",
      ),
      { only: ["E3012", "E3943"] },
    );
    expect(brief(findings)).toEqual(["E3943 14:10"]);
    expect(findings[0].message).toContain("Properties.Environment.Fn::If[2] of Fn has no value");
  });

  it("leaves SAM resources' properties to the transform, function arguments to their rules, and macros alone", () => {
    const sam = lint(
      yaml("Transform: AWS::Serverless-2016-10-31", "Resources:", ...samFunction("Fn", "Events:", "Layers:")),
      { only: ["E3943"] },
    );
    expect(sam).toEqual([]);
    const fn = lint(
      yaml(
        "Resources:",
        "  Subnet:",
        "    Type: AWS::EC2::Subnet",
        "    Properties:",
        "      VpcId: vpc-12345678",
        "      CidrBlock: 10.0.0.0/24",
        "      AvailabilityZone: !Select [0, {Fn::GetAZs: null}]",
      ),
      { only: ["E3943"] },
    );
    expect(fn).toEqual([]);
    const macro = lint(
      yaml(
        "Transform: MyMacro",
        "Resources:",
        "  B:",
        "    Type: AWS::S3::Bucket",
        "    Properties:",
        "      BucketName:",
      ),
      { only: ["E3943"] },
    );
    expect(macro).toEqual([]);
  });
});

describe("E3012 what Fn::GetAtt gives, by the attribute's type", () => {
  it("reports a list attribute where text is needed and a text attribute where a list is, and leaves unknown ones", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        "  Vpc:",
        "    Type: AWS::EC2::VPC",
        "    Properties: {CidrBlock: 10.0.0.0/16}",
        "  Group:",
        "    Type: AWS::EC2::SecurityGroup",
        "    Properties: {GroupDescription: g, VpcId: !Ref Vpc}",
        "  Custom:",
        "    Type: Custom::Lookup",
        "    Properties: {ServiceToken: arn:aws:lambda:us-east-1:123456789012:function:f}",
        "  Subnet:",
        "    Type: AWS::EC2::Subnet",
        "    Properties:",
        "      VpcId: !GetAtt Vpc.VpcId",
        "      CidrBlock: !GetAtt Vpc.CidrBlockAssociations",
        "  Fn:",
        "    Type: AWS::Lambda::Function",
        "    Properties:",
        "      Role: arn:aws:iam::123456789012:role/r",
        "      Runtime: python3.12",
        "      Handler: index.handler",
        "      Code: {ZipFile: x}",
        "      VpcConfig:",
        "        SecurityGroupIds: !GetAtt Group.GroupId",
        "        SubnetIds: !GetAtt Custom.SubnetIds",
        "  Sam:",
        "    Type: AWS::Serverless::Function",
        "    Properties:",
        "      Runtime: python3.12",
        "      Handler: index.handler",
        "      CodeUri: src/",
        "      Description: !GetAtt [Vpc, !Ref AWS::Region]",
        "      Layers: !GetAtt Fn.Arn",
      ),
      { only: ["E3012"] },
    );
    // cfn-lint 1.51 reports all three under E1010, its Fn::GetAtt rule.
    expect(findings.map((f) => `${f.range.start.line} ${f.message}`)).toEqual([
      "16 'CidrBlock' of AWS::EC2::Subnet must be a string, but Fn::GetAtt Vpc.CidrBlockAssociations returns a list",
      "25 'VpcConfig.SecurityGroupIds' of AWS::Lambda::Function must be a list, but Fn::GetAtt Group.GroupId " +
        "returns a string",
      "34 'Layers' of AWS::Serverless::Function must be a list, but Fn::GetAtt Fn.Arn returns a string",
    ]);
  });

  it("flags a list of strings where a list of mappings is needed, and takes it where the items are strings", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Subnets:",
        "    Type: List<AWS::EC2::Subnet::Id>",
        "  Csv:",
        "    Type: CommaDelimitedList",
        "Conditions:",
        "  HasCsv: !Not [!Equals [!Join [',', !Ref Csv], '']]",
        "Resources:",
        "  Topic:",
        "    Type: AWS::SNS::Topic",
        "    Properties:",
        "      Tags: !Ref Subnets",
        "  Queue:",
        "    Type: AWS::SQS::Queue",
        "    Properties:",
        "      Tags: !If [HasCsv, !Split [',', !Join [',', !Ref Csv]], []]",
        "  Group:",
        "    Type: AWS::EC2::SecurityGroup",
        "    Properties:",
        "      GroupDescription: g",
        "      SecurityGroupIngress: !GetAZs ''",
        ...lambdaFunction(
          "Fn",
          undefined,
          "Layers: !Ref Csv",
          "VpcConfig: {SubnetIds: !Ref Subnets, SecurityGroupIds: !Split [',', !Join [',', !Ref Csv]]}",
        ),
      ),
      { only: ["E3012"] },
    );
    // A list parameter's value and a list function's result hold strings: Tag and Ingress items are mappings.
    expect(findings.map((f) => `${f.range.start.line} ${f.message}`)).toEqual([
      "12 'Tags' of AWS::SNS::Topic must be a list of mappings, but Ref to 'Subnets' returns a list of strings",
      "16 'Tags' of AWS::SQS::Queue must be a list of mappings, but Fn::Split returns a list of strings",
      "21 'SecurityGroupIngress' of AWS::EC2::SecurityGroup must be a list of mappings, but Fn::GetAZs returns a " +
        "list of strings",
    ]);
  });

  it("judges a struct the spec once gave as JSON by its keys where the provider schema closes it", () => {
    // Round 42: a workshop's Image Builder distribution wrote `amiTags`; CloudFormation refuses an
    // extraneous key of AmiDistributionConfiguration, whose schema allows no other properties.
    const findings = lint(
      yaml(
        "Resources:",
        "  Distribution:",
        "    Type: AWS::ImageBuilder::DistributionConfiguration",
        "    Properties:",
        "      Name: dist",
        "      Distributions:",
        "        - Region: !Ref AWS::Region",
        "          AmiDistributionConfiguration:",
        "            Name: 'golden-{{ imagebuilder:buildDate }}'",
        "            amiTags: { Team: platform }",
        "        - Region: eu-west-1",
        "          AmiDistributionConfiguration: { Name: 'golden-{{ imagebuilder:buildDate }}', AmiTags: { Team: platform } }",
        "  Acl:",
        "    Type: AWS::WAFv2::WebACL",
        "    Properties:",
        "      Scope: REGIONAL",
        "      DefaultAction: { Allow: {} }",
        "      VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: acl }",
        "      Rules:",
        "        - Name: block-admin",
        "          Priority: 0",
        "          Action: { Block: {} }",
        "          VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: admin }",
        "          Statement:",
        "            ByteMatchStatement:",
        "              FieldToMatch: { SingleHeader: { Name: x-admin } }",
        "              PositionalConstraint: EXACTLY",
        "              SearchString: 'yes'",
        "              TextTransformations: [{ Priority: 0, Type: NONE }]",
      ),
      { only: ["E3002"] },
    );
    expect(findings.map((f) => `${f.range.start.line}:${f.range.start.column} ${f.message}`)).toEqual([
      "10:13 Unknown property 'amiTags' in Distributions[0].AmiDistributionConfiguration " +
        "(AWS::ImageBuilder::DistributionConfiguration.AmiDistributionConfiguration) (did you mean 'AmiTags'?)",
    ]);
  });
});
