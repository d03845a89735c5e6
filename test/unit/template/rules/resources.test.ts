/** Resource structure, types, names, identifiers, DependsOn and dependency cycles: E3001, E3004, E3005, E3006, E3007, E3019, E3035, E3036, W3011. */
import { describe, expect, it } from "vitest";
import { brief, lint, samApi, samFunction, yaml } from "../lint";

describe("E3006 resource types", () => {
  it("flags an unknown type with a suggestion, a SAM type without the transform and a malformed name, and warns on registry types", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Bucket:",
        "    Type: AWS::S3::Buckett",
        "  Fn:",
        "    Type: AWS::Serverless::Function",
        "  Ext:",
        "    Type: MongoDB::Atlas::Cluster",
        "  Mod:",
        "    Type: MyOrg::Storage::Bucket::MODULE",
        "  Custom:",
        "    Type: Custom::Thing",
        "  Generic:",
        "    Type: AWS::CloudFormation::CustomResource",
        "  Dashed:",
        '    Type: "AWS-Events"',
        "  TwoParts:",
        "    Type: MongoDB::Atlas",
      ),
      { only: ["E3006"] },
    );
    expect(brief(findings)).toEqual(["E3006 3:11", "E3006 5:11", "E3006 7:11", "E3006 15:11", "E3006 17:11"]);
    // A registry extension's name has three parts of letters and digits; other names are no type at all.
    expect(findings.map((f) => f.severity)).toEqual(["error", "error", "warning", "error", "error"]);
    expect(findings[3].message).toBe(
      "Resource type 'AWS-Events' is not a type name: a type is written Vendor::Service::Resource (AWS::SNS::Topic), " +
        "Custom::Name for a custom resource, or Vendor::Service::Resource::MODULE for a module",
    );
    expect(findings[0].message).toBe(
      "Unknown resource type 'AWS::S3::Buckett' (did you mean 'AWS::S3::Bucket'?)",
    );
    expect(findings[1].message).toContain("Transform: AWS::Serverless-2016-10-31");
  });

  it("leaves a malformed name a warning when a macro runs on the template, which may rewrite it", () => {
    const findings = lint(
      yaml("Transform: Boto3", "Resources:", "  Put:", "    Type: Boto3::CodeCommit.put_file"),
      { only: ["E3006"] },
    );
    expect(findings.map((f) => `${f.ruleId} ${f.severity}`)).toEqual(["E3006 warning"]);
  });

  it("accepts SAM types with the transform and known types", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        "  Fn:",
        "    Type: AWS::Serverless::Function",
        "    Properties:",
        "      InlineCode: x",
        "  Bucket:",
        "    Type: AWS::S3::Bucket",
      ),
      { only: ["E3006"] },
    );
    expect(brief(findings)).toEqual([]);
  });
});

describe("CDK stacks", () => {
  it("accepts the AWS::CDK::Metadata resource CDK adds to every stack, with any properties", () => {
    const findings = lint(
      yaml(
        "Conditions:",
        "  CDKMetadataAvailable: !Equals [!Ref AWS::Region, us-east-1]",
        "Resources:",
        "  CDKMetadata:",
        "    Type: AWS::CDK::Metadata",
        "    Properties:",
        "      Analytics: v2:deflate64:H4sIAAAAAAAA",
        "    Metadata:",
        "      aws:cdk:path: Stack/CDKMetadata/Default",
        "    Condition: CDKMetadataAvailable",
      ),
      { only: ["E3001", "E3002", "E3003", "E3006", "E3012", "E8002"] },
    );
    expect(brief(findings)).toEqual([]);
  });
});

describe("E3001 resource structure", () => {
  it("takes a Condition written as a YAML boolean word for the condition of that name, as CloudFormation does", () => {
    const findings = lint(
      yaml(
        "Conditions:",
        "  Yes: !Equals [!Ref AWS::Region, us-east-1]",
        "  Other: !Equals [!Ref AWS::Region, eu-west-1]",
        "Resources:",
        "  Topic:",
        "    Type: AWS::SNS::Topic",
        "    Condition: Yes",
        "  Queue:",
        "    Type: AWS::SQS::Queue",
        "    Condition: On",
        "Outputs:",
        "  Name:",
        "    Condition: Yes",
        "    Value: !GetAtt Topic.TopicName",
      ),
      { only: ["E3001", "W8001", "E1028", "E8002"] },
    );
    // `On` is the condition "true" too, which is `Yes:`; Other is used by nothing.
    expect(brief(findings)).toEqual(["W8001 3:3"]);
  });

  it("flags a missing Type, unknown attributes, a scalar body, non-mapping Properties and policies on custom resources", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  NoType:",
        "    Properties: {}",
        "  Typo:",
        "    Type: AWS::SNS::Topic",
        "    DependOn: NoType",
        "  Scalar: just-a-string",
        "  BadProps:",
        "    Type: AWS::SNS::Topic",
        "    Properties: [a]",
        "  Custom:",
        "    Type: Custom::Thing",
        "    Version: '1.0'",
        "    CreationPolicy: {}",
        "    Properties:",
        "      ServiceToken: arn",
        "  Plain:",
        "    Type: AWS::SNS::Topic",
        "    Version: '1.0'",
      ),
      { only: ["E3001"] },
    );
    expect(brief(findings)).toEqual([
      "E3001 2:3",
      "E3001 6:5",
      "E3001 7:11",
      "E3001 10:17",
      "E3001 14:5",
      "E3001 19:5",
    ]);
    expect(findings[1].message).toBe(
      "Unknown attribute 'DependOn' in resource 'Typo' (did you mean 'DependsOn'?)",
    );
  });

  it("takes a resource's Description, which CloudFormation ignores, and warns of a SAM resource's, which SAM drops", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        "  Topic:",
        "    Type: AWS::SNS::Topic",
        "    Description: Orders for the billing service",
        "  Fn:",
        "    Type: AWS::Serverless::Function",
        "    Description: One level too high",
        "    Properties:",
        "      Runtime: python3.12",
        "      Handler: index.handler",
        "      InlineCode: 'def handler(e, c): pass'",
      ),
      { only: ["E3001", "W0001"] },
    );
    // cfn-lint 1.51 reports E3001 on both.
    expect(brief(findings)).toEqual(["W0001 8:5"]);
  });

  it("accepts every CloudFormation attribute, Fn::If as Properties and SAM's Connectors with the transform", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Conditions:",
        "  Prod: !Equals [!Ref AWS::Region, eu-west-1]",
        "Resources:",
        "  Queue:",
        "    Type: AWS::SQS::Queue",
        "    Condition: Prod",
        "    DeletionPolicy: Retain",
        "    UpdateReplacePolicy: Retain",
        "    DependsOn: [Topic]",
        "    Metadata: { Note: x }",
        "    UpdatePolicy: {}",
        "    CreationPolicy: {}",
        "    Properties: !If [Prod, { DelaySeconds: 5 }, {}]",
        "  Topic:",
        "    Type: AWS::SNS::Topic",
        "    Connectors:",
        "      ToQueue:",
        "        Properties:",
        "          Destination: { Id: Queue }",
        "          Permissions: [Write]",
      ),
      { only: ["E3001"] },
    );
    expect(brief(findings)).toEqual([]);
  });
});

describe("AWS::Include at a resource's level", () => {
  it("is a resource attribute, whose snippet only CloudFormation sees", () => {
    // cfn-lint's good fixture core/resource_attributes.yaml has one.
    const findings = lint(
      yaml(
        "Parameters:",
        "  Unused:",
        "    Type: String",
        "Resources:",
        "  Bucket:",
        "    Type: AWS::S3::Bucket",
        "    Fn::Transform:",
        "      Name: AWS::Include",
        "      Parameters:",
        "        Location: s3://fragments/bucket.yaml",
        "    Properties:",
        "      VersioningConfiguration: {Status: Enabled}",
      ),
      { only: ["E3001", "W2001"] },
    );
    // The snippet may use the parameter: not reported as unused either.
    expect(findings).toEqual([]);
  });
});

describe("a macro called with Fn::Transform in a resource", () => {
  it("leaves the resource to the macro: its Type, and the properties it completes", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Completed:",
        "    Type: AWS::DynamoDB::Table",
        "    Properties:",
        "      KeySchema: [{ AttributeName: key, KeyType: HASH }]",
        "      AttributeDefinitions: [{ AttributeName: key, AttributeType: S }]",
        "      Fn::Transform: DynamoDBDefaults",
        "  Made:",
        "    Fn::Transform:",
        "      Name: KinesisShardLevelDashboard",
        "      Parameters: { StreamName: orders }",
        "  Plain:",
        "    Type: AWS::DynamoDB::Table",
        "    Properties:",
        "      KeySchema: [{ AttributeName: key, KeyType: HASH }]",
        "      AttributeDefinitions: [{ AttributeName: key, AttributeType: S }]",
      ),
      { only: ["E3001", "E3002", "E3003", "E3639"] },
    );
    // The macro may set BillingMode or ProvisionedThroughput, and give Made its Type; the table
    // without a macro misses its throughput.
    expect(brief(findings)).toEqual(["E3639 14:5"]);
  });
});

describe("Fn::ForEach (AWS::LanguageExtensions)", () => {
  it("is not taken for a malformed resource", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::LanguageExtensions",
        "Resources:",
        "  Fn::ForEach::Topics:",
        "    - Name",
        "    - [Orders, Invoices]",
        "    - Topic${Name}:",
        "        Type: AWS::SNS::Topic",
      ),
      { only: ["E3001", "E3004", "E3005", "E3006", "E3035", "E3036"] },
    );
    expect(brief(findings)).toEqual([]);
  });
});

describe("E3035 / E3036 deletion and replacement policies", () => {
  it("flags values outside the allowed sets, Snapshot on types without snapshots, and each Fn::If branch", () => {
    const findings = lint(
      yaml(
        "Conditions:",
        "  Prod: !Equals [!Ref AWS::Region, eu-west-1]",
        "Resources:",
        "  Queue:",
        "    Type: AWS::SQS::Queue",
        "    DeletionPolicy: Snapshot",
        "    UpdateReplacePolicy: RetainExceptOnCreate",
        "  Topic:",
        "    Type: AWS::SNS::Topic",
        "    DeletionPolicy: !If [Prod, Retain, Keep]",
      ),
      { only: ["E3035", "E3036"] },
    );
    expect(brief(findings)).toEqual(["E3035 6:21", "E3036 7:26", "E3035 10:40"]);
    expect(findings[0].message).toContain("AWS::SQS::Queue does not support snapshots");
  });

  it("accepts Snapshot on a database and RetainExceptOnCreate as a deletion policy", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Db:",
        "    Type: AWS::RDS::DBInstance",
        "    DeletionPolicy: Snapshot",
        "    UpdateReplacePolicy: Snapshot",
        "  Queue:",
        "    Type: AWS::SQS::Queue",
        "    DeletionPolicy: RetainExceptOnCreate",
        "    UpdateReplacePolicy: Delete",
      ),
      { only: ["E3035", "E3036"] },
    );
    expect(brief(findings)).toEqual([]);
  });
});

describe("W3011 deletion and replacement policies that keep data together", () => {
  it("warns where one policy keeps the data and the other is missing, in the words of the one present", () => {
    const findings = lint(
      yaml(
        "Conditions:",
        "  Prod: !Equals [!Ref AWS::Region, eu-west-1]",
        "Resources:",
        "  Table:",
        "    Type: AWS::DynamoDB::Table",
        "    DeletionPolicy: Retain",
        "  Bucket:",
        "    Type: AWS::S3::Bucket",
        "    UpdateReplacePolicy: Retain",
        "  Db:",
        "    Type: AWS::RDS::DBInstance",
        "    DeletionPolicy: Snapshot",
        "  Queue:",
        "    Type: AWS::SQS::Queue",
        "    DeletionPolicy: RetainExceptOnCreate",
        "  Topic:",
        "    Type: AWS::SNS::Topic",
        "    DeletionPolicy: !If [Prod, Retain, Delete]",
      ),
      { only: ["W3011"] },
    );
    expect(brief(findings)).toEqual([
      "W3011 6:21",
      "W3011 9:26",
      "W3011 12:21",
      "W3011 15:21",
      "W3011 18:21",
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      "DeletionPolicy Retain keeps resource 'Table' when it is deleted, but an update that replaces it deletes " +
        "the old one and its data: add UpdateReplacePolicy: Retain as well",
      "UpdateReplacePolicy Retain keeps the old resource when an update replaces 'Bucket', but deleting it or " +
        "the stack does not: add DeletionPolicy: Retain as well",
      "DeletionPolicy Snapshot keeps resource 'Db' when it is deleted, but an update that replaces it deletes " +
        "the old one and its data: add UpdateReplacePolicy: Snapshot as well",
      "DeletionPolicy RetainExceptOnCreate keeps resource 'Queue' when it is deleted, but an update that " +
        "replaces it deletes the old one and its data: add UpdateReplacePolicy: Retain as well",
      "DeletionPolicy Retain keeps resource 'Topic' when it is deleted, but an update that replaces it deletes " +
        "the old one and its data: add UpdateReplacePolicy: Retain as well",
    ]);
    expect(findings.map((f) => f.severity)).toEqual(Array(5).fill("warning"));
    expect(findings[1].path).toEqual(["Resources", "Bucket", "UpdateReplacePolicy"]);
  });

  it("is quiet for both policies, neither, Delete, values only known at deploy time, and Lambda versions", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Policy: { Type: String, Default: Retain }",
        "Resources:",
        "  Both:",
        "    Type: AWS::DynamoDB::Table",
        "    DeletionPolicy: Retain",
        "    UpdateReplacePolicy: Retain",
        "  Neither:",
        "    Type: AWS::S3::Bucket",
        "  Deletes:",
        "    Type: AWS::SQS::Queue",
        "    DeletionPolicy: Delete",
        "  FromParameter:",
        "    Type: AWS::SQS::Queue",
        "    DeletionPolicy: !Ref Policy",
        "  Version:",
        "    Type: AWS::Lambda::Version",
        "    DeletionPolicy: Retain",
        "    Properties:",
        "      FunctionName: fn",
        "  Layer:",
        "    Type: AWS::Lambda::LayerVersion",
        "    UpdateReplacePolicy: Retain",
        "    Properties:",
        "      Content: { S3Bucket: b, S3Key: k }",
      ),
      { only: ["W3011"] },
    );
    expect(brief(findings)).toEqual([]);
  });
});

describe("E3005 DependsOn", () => {
  it("flags undefined resources (string or list) and a resource depending on itself", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Alpha:",
        "    Type: AWS::SNS::Topic",
        "    DependsOn: [Bravo, Missing, Alpha]",
        "  Bravo:",
        "    Type: AWS::SNS::Topic",
        "    DependsOn: Alpah",
      ),
      { only: ["E3005"] },
    );
    expect(brief(findings)).toEqual(["E3005 4:24", "E3005 4:33", "E3005 7:16"]);
    expect(findings[1].message).toBe("Resource 'Alpha' depends on itself");
    expect(findings[2].message).toBe(
      "Resource 'Bravo' depends on 'Alpah', which is not a resource in this template (did you mean 'Alpha'?)",
    );
  });

  it("accepts resources the SAM transform generates", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        "  Fn:",
        "    Type: AWS::Serverless::Function",
        "    Properties:",
        "      InlineCode: x",
        "      Handler: index.handler",
        "      Runtime: python3.12",
        "  Topic:",
        "    Type: AWS::SNS::Topic",
        "    DependsOn: FnRole",
      ),
      { only: ["E3005"] },
    );
    expect(brief(findings)).toEqual([]);
  });
});

describe("E3004 circular dependencies", () => {
  it("reports every resource of a cycle at its own line, through GetAtt, Sub, Ref and DependsOn", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Alpha:",
        "    Type: AWS::SNS::Topic",
        "    Properties:",
        "      TopicName: !GetAtt Bravo.TopicName",
        "  Bravo:",
        "    Type: AWS::SNS::Topic",
        "    Properties:",
        '      TopicName: !Sub "${Charlie}-x"',
        "  Charlie:",
        "    Type: AWS::SNS::Topic",
        "    DependsOn: Alpha",
        "  Delta:",
        "    Type: AWS::SNS::Topic",
        "    Properties:",
        "      TopicName: !Ref Delta",
      ),
      { only: ["E3004"] },
    );
    expect(brief(findings)).toEqual(["E3004 2:3", "E3004 6:3", "E3004 10:3", "E3004 13:3"]);
    expect(findings.map((f) => f.message)).toEqual([
      "Circular dependency: Alpha -> Bravo -> Charlie -> Alpha",
      "Circular dependency: Bravo -> Charlie -> Alpha -> Bravo",
      "Circular dependency: Charlie -> Alpha -> Bravo -> Charlie",
      "Circular dependency: Delta -> Delta",
    ]);
  });

  it("gives each resource of a component the shortest cycle through it", () => {
    // Alpha and Bravo depend on each other; Charlie closes a longer loop through Alpha.
    const findings = lint(
      yaml(
        "Resources:",
        "  Alpha:",
        "    Type: AWS::SNS::Topic",
        "    DependsOn: [Bravo, Charlie]",
        "  Bravo:",
        "    Type: AWS::SNS::Topic",
        "    DependsOn: Alpha",
        "  Charlie:",
        "    Type: AWS::SNS::Topic",
        "    Properties:",
        "      TopicName: !GetAtt Bravo.TopicName",
        "  Echo:",
        "    Type: AWS::SNS::Topic",
        "    DependsOn: Alpha",
      ),
      { only: ["E3004"] },
    );
    expect(brief(findings)).toEqual(["E3004 2:3", "E3004 5:3", "E3004 8:3"]);
    expect(findings.map((f) => f.message)).toEqual([
      "Circular dependency: Alpha -> Bravo -> Alpha",
      "Circular dependency: Bravo -> Alpha -> Bravo",
      "Circular dependency: Charlie -> Bravo -> Alpha -> Charlie",
    ]);
  });

  it("accepts a chain, and a SAM Api event on a function the Api's definition calls", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        "  Api:",
        "    Type: AWS::Serverless::Api",
        "    Properties:",
        "      StageName: prod",
        "      DefinitionBody:",
        "        paths:",
        "          /:",
        "            get:",
        "              x-amazon-apigateway-integration:",
        '                uri: !Sub "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/functions/${Fn.Arn}/invocations"',
        "  Fn:",
        "    Type: AWS::Serverless::Function",
        "    Properties:",
        "      InlineCode: x",
        "      Handler: index.handler",
        "      Runtime: python3.12",
        "      Events:",
        "        Get:",
        "          Type: Api",
        "          Properties: { RestApiId: !Ref Api, Path: /, Method: get }",
        "  Topic:",
        "    Type: AWS::SNS::Topic",
        "    DependsOn: Fn",
      ),
      { only: ["E3004"] },
    );
    expect(brief(findings)).toEqual([]);
  });

  it("accepts a traffic hook that refers to the function's Version, and reports a cycle outside DeploymentPreference", () => {
    /** The pattern of SAM's guide to gradual deployments; `extra` goes under Fn's Properties. */
    const template = (...extra: string[]) =>
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        ...samFunction(
          "Fn",
          "AutoPublishAlias: live",
          "DeploymentPreference:",
          "  Type: Linear10PercentEvery1Minute",
          "  Hooks:",
          "    PreTraffic: !Ref PreTraffic",
          ...extra,
        ),
        ...samFunction(
          "PreTraffic",
          "Environment:",
          "  Variables:",
          "    FUNCTION_VERSION: !Ref Fn.Version",
          "    FUNCTION_ARN: !GetAtt Fn.Arn",
        ),
      );
    expect(brief(lint(template(), { only: ["E3004"] }))).toEqual([]);
    const findings = lint(template("Description: !Ref PreTraffic"), { only: ["E3004"] });
    expect(brief(findings)).toEqual(["E3004 3:3", "E3004 15:3"]);
    expect(findings[0].message).toBe("Circular dependency: Fn -> PreTraffic -> Fn");
  });
  it("reports a destination the transform writes into the function's role, and not with a Role of its own", () => {
    /** Two SAM functions, each the other's (or its own) destination of `type`; `extra` goes under Fn's Properties. */
    const template = (type: string, destination: string, ...extra: string[]) =>
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        ...samFunction(
          "Fn",
          "EventInvokeConfig:",
          `  DestinationConfig: {OnFailure: {Type: ${type}, Destination: !GetAtt ${destination}.Arn}}`,
          ...extra,
        ),
        ...samFunction(
          "Other",
          "EventInvokeConfig:",
          "  DestinationConfig: {OnSuccess: {Type: Lambda, Destination: !GetAtt Fn.Arn}}",
        ),
      );
    // cfn-lint 1.51 reports each cycle through the roles the transform makes (FnRole, OtherRole).
    const self = lint(template("Lambda", "Fn"), { only: ["E3004"] });
    expect(self.map((f) => f.message)).toEqual(["Circular dependency: Fn -> Fn"]);
    const pair = lint(template("Lambda", "Other"), { only: ["E3004"] });
    expect(pair.map((f) => f.message)).toEqual([
      "Circular dependency: Fn -> Other -> Fn",
      "Circular dependency: Other -> Fn -> Other",
    ]);
    // With its own Role, Fn's role names no destination; an S3Bucket destination is in no policy.
    expect(
      brief(lint(template("Lambda", "Fn", "Role: arn:aws:iam::123456789012:role/r"), { only: ["E3004"] })),
    ).toEqual([]);
    expect(brief(lint(template("S3Bucket", "Other"), { only: ["E3004"] }))).toEqual([]);
  });
  it("accepts a log group named after its SAM API, and reports a cycle through the API's definition", () => {
    const template = (body: string) =>
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        ...samApi(
          "Api",
          "AccessLogSetting: {DestinationArn: !GetAtt ApiLogs.Arn, Format: $context.requestId}",
          body,
        ),
        "  ApiLogs:",
        "    Type: AWS::Logs::LogGroup",
        "    Properties:",
        "      LogGroupName: !Sub /aws/apigateway/${Api}",
        "  HttpApi:",
        "    Type: AWS::Serverless::HttpApi",
        "    Properties:",
        "      AccessLogSettings: {DestinationArn: !GetAtt HttpLogs.Arn, Format: $context.requestId}",
        "  HttpLogs:",
        "    Type: AWS::Logs::LogGroup",
        "    Properties:",
        "      LogGroupName: !Sub /aws/http/${HttpApi}",
      );
    // The access log settings go into the stage SAM makes, which depends on the API, not the API.
    expect(brief(lint(template("Description: logged"), { only: ["E3004"] }))).toEqual([]);
    // The definition is the API's own: one that refers to the log group closes the cycle.
    const findings = lint(template("Description: !Ref ApiLogs"), { only: ["E3004"] });
    expect(findings.map((f) => f.message)).toEqual([
      "Circular dependency: Api -> ApiLogs -> Api",
      "Circular dependency: ApiLogs -> Api -> ApiLogs",
    ]);
  });
  /** A SAM function Resize with `properties` and an S3 event on the bucket Uploads. */
  const resize = (...properties: string[]) => [
    "  Resize:",
    "    Type: AWS::Serverless::Function",
    "    Properties:",
    "      Runtime: python3.13",
    "      Handler: app.handler",
    "      CodeUri: src/",
    ...properties,
    "      Events:",
    "        Upload:",
    "          Type: S3",
    "          Properties: { Bucket: !Ref Uploads, Events: s3:ObjectCreated:* }",
  ];
  it("reports the cycle of a function that names by Ref the bucket whose S3 event it has", () => {
    // The transform writes the function's ARN into the bucket's notifications: the bucket depends on
    // the function, whose role's policy depends on the bucket. cfn-lint 1.51 reports the cycle after
    // its transform (through the role and permission the transform makes); a name built with
    // Fn::Sub breaks it.
    const template = (bucketName: string) =>
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        "  Uploads:",
        "    Type: AWS::S3::Bucket",
        "    Properties:",
        "      BucketName: !Sub ${AWS::StackName}-uploads",
        ...resize("      Policies:", `        - S3ReadPolicy: { BucketName: ${bucketName} }`),
      );
    expect(
      lint(template("!Ref Uploads"), { only: ["E3004"] }).map((f) => `${f.range.start.line} ${f.message}`),
    ).toEqual([
      "3 Circular dependency: Uploads -> Resize -> Uploads (its S3 event Upload makes Uploads depend on Resize, " +
        "whose ARN the transform writes into the bucket's notifications; give the bucket a BucketName built with " +
        "Fn::Sub and write the same Fn::Sub where Resize names the bucket, instead of a Ref)",
      "7 Circular dependency: Resize -> Uploads -> Resize (its S3 event Upload makes Uploads depend on Resize, " +
        "whose ARN the transform writes into the bucket's notifications; give the bucket a BucketName built with " +
        "Fn::Sub and write the same Fn::Sub where Resize names the bucket, instead of a Ref)",
    ]);
    expect(lint(template("!Sub '${AWS::StackName}-uploads'"), { only: ["E3004"] })).toEqual([]);
  });
  it("reads what a function inherits from Globals for that cycle, as the transform merges it", () => {
    // As in a public SAM app: every function gets the upload bucket's name from Globals, so the one
    // with the bucket's S3 event closes the cycle (cfn-lint 1.51 reports it after its transform).
    const template = (own: string[]) =>
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Globals:",
        "  Function:",
        "    Environment:",
        "      Variables:",
        "        BUCKET: !Ref Uploads",
        "    Layers: [!Ref Shared]",
        "Resources:",
        "  Uploads:",
        "    Type: AWS::S3::Bucket",
        "  Shared:",
        "    Type: AWS::Lambda::LayerVersion",
        "    Properties:",
        "      Content: {S3Bucket: b, S3Key: k}",
        ...resize(...own),
      );
    expect(brief(lint(template([]), { only: ["E3004"] }))).toEqual(["E3004 9:3", "E3004 15:3"]);
    // Variables merge key by key: another variable keeps BUCKET.
    const other = ["      Environment:", "        Variables:", "          MODE: fast"];
    expect(brief(lint(template(other), { only: ["E3004"] }))).toEqual(["E3004 9:3", "E3004 15:3"]);
    // The function's own BUCKET, or its own Environment given by a function, replaces what Globals gives.
    const own = [
      "      Environment:",
      "        Variables:",
      "          BUCKET: !Sub '${AWS::StackName}-uploads'",
    ];
    expect(lint(template(own), { only: ["E3004"] })).toEqual([]);
    expect(lint(template(["      Environment: !Ref AWS::NoValue"]), { only: ["E3004"] })).toEqual([]);
    const ignoring = template([]).replace(
      "    Type: AWS::Serverless::Function\n",
      "    Type: AWS::Serverless::Function\n    IgnoreGlobals: [Environment]\n",
    );
    expect(lint(ignoring, { only: ["E3004"] })).toEqual([]);
  });
  it("leaves out what a key SAM drops refers to: settings written beside Type instead of under Properties", () => {
    // As in the Lambda reference architecture's web app: the transform drops AccessLogSetting
    // (W0001), so the API does not depend on its log group. cfn-lint 1.51 agrees on both templates.
    const template = (attribute: string) =>
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        "  Api:",
        "    Type: AWS::Serverless::Api",
        `    ${attribute}:`,
        "      DestinationArn: !Sub 'arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:${ApiLogs}'",
        "    Properties:",
        "      StageName: prod",
        "      DefinitionBody: {openapi: '3.0.1', info: {title: api, version: '1'}, paths: {}}",
        "  ApiLogs:",
        "    Type: AWS::Logs::LogGroup",
        "    Properties:",
        "      LogGroupName: !Sub /aws/apigateway/${Api}",
      );
    expect(brief(lint(template("AccessLogSetting"), { only: ["E3004", "W0001"] }))).toEqual(["W0001 5:5"]);
    // Metadata is a resource attribute SAM keeps: a reference there is an edge.
    expect(brief(lint(template("Metadata"), { only: ["E3004"] }))).toEqual(["E3004 3:3", "E3004 10:3"]);
  });
});

describe("E3007 resource and parameter names", () => {
  it("flags a resource named like a parameter", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Queue:",
        "    Type: String",
        "Resources:",
        "  Queue:",
        "    Type: AWS::SQS::Queue",
        "  Topic:",
        "    Type: AWS::SNS::Topic",
      ),
      { only: ["E3007"] },
    );
    expect(brief(findings)).toEqual(["E3007 5:3"]);
    expect(findings[0].message).toBe(
      "Resource 'Queue' has the name of a parameter; Ref could not tell them apart, so rename one of them",
    );
  });
});

describe("E3019 primary identifiers", () => {
  /** A table named `name` whose TableName line is `tableName` (its whole Properties when that is a Fn::If). */
  const table = (name: string, tableName: string, ...attributes: string[]) => [
    `  ${name}:`,
    "    Type: AWS::DynamoDB::Table",
    ...attributes.map((line) => `    ${line}`),
    "    Properties:",
    `      TableName: ${tableName}`,
    "      BillingMode: PAY_PER_REQUEST",
    "      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]",
    "      KeySchema: [{ AttributeName: id, KeyType: HASH }]",
  ];

  it("flags each resource that shares an identifier, as written, intrinsics included", () => {
    const findings = lint(
      yaml(
        "Conditions:",
        "  Prod: !Equals [!Ref AWS::AccountId, '123456789012']",
        "  Dev: !Not [Condition: Prod]",
        "Resources:",
        ...table("Orders", "orders"),
        ...table("OrdersAgain", "orders"),
        ...table("Jobs", "!Sub '${AWS::StackName}-jobs'"),
        ...table("JobsAgain", "!Sub '${AWS::StackName}-jobs'"),
        ...table("ProdCache", "cache", "Condition: Prod"),
        ...table("DevCache", "cache", "Condition: Dev"),
        ...table("Either", "!If [Prod, orders, other]"),
        ...table("Other", "other"),
      ),
      { only: ["E3019"] },
    );
    // Either's branches meet the tables always made: `orders` where Prod holds, `other` where not.
    expect(brief(findings)).toEqual([
      "E3019 8:18",
      "E3019 15:18",
      "E3019 22:18",
      "E3019 29:18",
      "E3019 52:29",
      "E3019 52:37",
      "E3019 59:18",
    ]);
    expect(findings[0].message).toBe(
      "TableName is the same as on 'OrdersAgain', 'Either': it names one AWS::DynamoDB::Table in the account and " +
        "Region, so only one of them can be created; give each its own TableName",
    );
    expect(findings[2].message).toContain("TableName is the same as on 'JobsAgain'");
    expect(findings[4].message).toContain(
      "TableName is the same as on 'Orders', 'OrdersAgain' where condition Prod is true: ",
    );
    expect(findings[5].message).toContain(
      "TableName is the same as on 'Other' where condition Prod is false: ",
    );
    expect(findings[6].message).toContain("TableName is the same as on 'Either': ");
  });

  it("compares a Fn::If's branches under the conditions they need, and a Condition that makes another true", () => {
    const findings = lint(
      yaml(
        "Conditions:",
        "  Prod: !Equals [!Ref AWS::AccountId, '123456789012']",
        "  Dev: !Not [Condition: Prod]",
        "  East: !Equals [!Ref AWS::Region, us-east-1]",
        "  ProdEast: !And [!Condition Prod, !Condition East]",
        "Resources:",
        // A branch that gives AWS::NoValue names nothing; the other meets only what Dev allows.
        ...table("DevOnly", "!If [Dev, cache, !Ref AWS::NoValue]"),
        ...table("ProdCache", "cache", "Condition: Prod"),
        // ProdEast makes Prod true: the two tables meet wherever ProdEast holds.
        ...table("EastTable", "!If [Prod, east, !Ref AWS::NoValue]", "Condition: ProdEast"),
        ...table("ProdTable", "east", "Condition: Prod"),
        // East and Prod are unrelated: these two may never be made together.
        ...table("EastLogs", "logs", "Condition: East"),
        ...table("ProdLogs", "!If [Prod, logs, other]"),
      ),
      { only: ["E3019"] },
    );
    expect(brief(findings)).toEqual(["E3019 26:29", "E3019 34:18"]);
    expect(findings[0].message).toContain("the same as on 'ProdTable' where condition Prod is true: ");
    expect(findings[1].message).toContain("the same as on 'EastTable': ");
  });

  it("compares resources under two conditions that the values a deploy passes make true, and leaves out one they rule out", () => {
    const template = yaml(
      "Parameters:",
      "  Crawl: {Type: String, Default: raw}",
      "  Audit: {Type: String, Default: 'no'}",
      "Conditions:",
      "  Raw: !Equals [!Ref Crawl, raw]",
      "  Refined: !Or [!Equals [!Ref Crawl, refined], !Equals [!Ref Audit, 'yes']]",
      "Resources:",
      ...table("RawTable", "tables", "Condition: Raw"),
      ...table("RefinedTable", "tables", "Condition: Refined"),
      ...table("Always", "tables"),
    );
    // Nothing passed: each conditional table may meet the one always made, not each other.
    expect(brief(lint(template, { only: ["E3019"] }))).toEqual(["E3019 12:18", "E3019 20:18", "E3019 27:18"]);
    expect(lint(template, { only: ["E3019"] })[0].message).toContain("the same as on 'Always'");
    // Both conditions true: the two meet too.
    const both = lint(template, { only: ["E3019"], parameterValues: { Crawl: "raw", Audit: "yes" } });
    expect(both[0].message).toContain("the same as on 'RefinedTable', 'Always'");
    // Crawl refined: Raw is false, so RawTable is not made.
    const refined = lint(template, { only: ["E3019"], parameterValues: { Crawl: "refined" } });
    expect(brief(refined)).toEqual(["E3019 20:18", "E3019 27:18"]);
  });

  it("takes the branch of a Fn::If that the values a deploy passes choose, and names no condition for it", () => {
    const template = yaml(
      "Parameters:",
      "  Crawl: {Type: String, Default: raw}",
      "Conditions:",
      "  Raw: !Equals [!Ref Crawl, raw]",
      "Resources:",
      ...table("Chosen", "!If [Raw, tables, other]"),
      ...table("Always", "tables"),
    );
    const raw = lint(template, { only: ["E3019"], parameterValues: { Crawl: "raw" } });
    expect(brief(raw)).toEqual(["E3019 9:28", "E3019 16:18"]);
    expect(raw[0].message).toContain("the same as on 'Always': ");
    expect(brief(lint(template, { only: ["E3019"], parameterValues: { Crawl: "refined" } }))).toEqual([]);
    expect(lint(template, { only: ["E3019"] })[0].message).toContain("where condition Raw is true: ");
  });

  it("counts a SAM function as the Lambda function it becomes, and a resource with a condition against one without", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Conditions:",
        "  Prod: !Equals [!Ref AWS::AccountId, '123456789012']",
        "Resources:",
        "  Api:",
        "    Type: AWS::Serverless::Function",
        "    Properties:",
        "      FunctionName: api",
        "      Runtime: python3.12",
        "      Handler: app.handler",
        "      CodeUri: src/",
        "  Legacy:",
        "    Type: AWS::Lambda::Function",
        "    Condition: Prod",
        "    Properties:",
        "      FunctionName: api",
        "      Runtime: python3.12",
        "      Handler: app.handler",
        "      Role: arn:aws:iam::123456789012:role/app",
        "      Code: { S3Bucket: code-bucket, S3Key: app.zip }",
        "  RetriesA:",
        "    Type: AWS::Lambda::EventInvokeConfig",
        "    Properties:",
        "      FunctionName: !Ref Legacy",
        "      Qualifier: $LATEST",
        "      MaximumRetryAttempts: 0",
        "  RetriesB:",
        "    Type: AWS::Lambda::EventInvokeConfig",
        "    Properties:",
        "      FunctionName: !Ref Legacy",
        "      Qualifier: $LATEST",
        "      MaximumRetryAttempts: 1",
      ),
      { only: ["E3019"] },
    );
    expect(brief(findings)).toEqual(["E3019 8:21", "E3019 16:21", "E3019 24:21", "E3019 30:21"]);
    expect(findings[0].message).toContain("it names one AWS::Lambda::Function");
    expect(findings[2].message).toBe(
      "FunctionName and Qualifier are the same as on 'RetriesB': together they name one " +
        "AWS::Lambda::EventInvokeConfig in the account and Region, so only one of them can be created; give each its " +
        "own FunctionName and Qualifier",
    );
  });
});
