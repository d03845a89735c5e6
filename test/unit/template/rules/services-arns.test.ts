/**
 * ARNs that cannot work: layer ARNs naming a layer longer than Lambda allows (E3716) or a layer
 * a function already references (E3978), literal
 * values that are not role ARNs where a service assumes a role (E3511), and a `!Ref` of a role
 * there (E1041) or a GetAtt of its id (E1040), a `!Ref` of a security group without VpcId (its
 * name) where ids are needed (E1041), and a resource's logical id written as plain text where its
 * Ref was meant (W3937). The fixtures were also run through cfn-lint 1.51; where it
 * differs, the test says so.
 */
import { describe, expect, it } from "vitest";
import { brief, lambdaFunction, lint, located, samFunction, yaml } from "../lint";

const check = (only: string[], ...lines: string[]) => lint(yaml(...lines), { only });

const NAME_141 = "a".repeat(141);
const NAME_140 = "b".repeat(140);

describe("E3716 layer ARN length", () => {
  const lines = [
    "Transform: AWS::Serverless-2016-10-31",
    "Globals:",
    "  Function:",
    "    Layers:",
    `      - arn:aws:lambda:us-east-1:123456789012:layer:${NAME_141}:1`,
    "Conditions:",
    "  Prod: !Equals [!Ref AWS::StackName, prod]",
    "Parameters:",
    "  Name:",
    "    Type: String",
    "Resources:",
    ...lambdaFunction("Fn"),
    "      Layers:",
    `        - arn:aws:lambda:us-east-1:123456789012:layer:${NAME_140}:1`,
    `        - !Sub arn:\${AWS::Partition}:lambda:\${AWS::Region}:123456789012:layer:${NAME_141}:12`,
    `        - !If [Prod, !Sub "arn:aws:lambda:\${AWS::Region}:123456789012:layer:\${Name}:1", arn:aws:lambda:eu-west-1:123456789012:layer:${NAME_141}:2]`,
    "  Sam:",
    "    Type: AWS::Serverless::Function",
    "    Properties:",
    "      Runtime: python3.12",
    "      Handler: index.handler",
    "      CodeUri: src/",
    "      Layers:",
    `        - arn:aws-cn:lambda:cn-north-1:123456789012:layer:${NAME_141}:3`,
    "        - !Ref AWS::NoValue",
  ];

  it("reports names over 140 characters in literal and Fn::Sub ARNs, in Globals and in each Fn::If branch", () => {
    // cfn-lint 1.51 reports only the SAM function's own ARN (30:11): it does not read Fn::Sub
    // strings, and measures whole ARNs against the regions it lints for, a bound that a name of
    // 141 characters with a version of one or two digits fits.
    const findings = check(["E3716"], ...lines);
    expect(brief(findings)).toEqual(["E3716 5:9", "E3716 21:11", "E3716 22:89", "E3716 30:11"]);
    expect(findings[0].message).toBe(
      "Layer 1 of Globals.Function names a layer of 141 characters, and Lambda layer names are at most 140: " +
        "no such layer can exist; use the ARN PublishLayerVersion gave (a !Ref of an AWS::Lambda::LayerVersion of this template)",
    );
    expect(findings[1].message).toContain("Layer 2 of function Fn");
    expect(findings[2].message).toContain("Layer 3 of function Fn");
    expect(findings[3].message).toContain("Layer 1 of function Sam");
  });

  it("leaves names of 140 characters, names a Fn::Sub fills in, Refs and other ARNs alone", () => {
    const findings = check(
      ["E3716"],
      "Parameters:",
      "  Layer:",
      "    Type: String",
      "Resources:",
      ...lambdaFunction("Fn"),
      "      Layers:",
      `        - arn:aws:lambda:us-east-1:123456789012:layer:${NAME_140}:1`,
      `        - !Sub "arn:aws:lambda:us-east-1:123456789012:layer:${NAME_140.slice(10)}\${Layer}:1"`,
      "        - !Ref Layer",
      `        - arn:aws:lambda:us-east-1:123456789012:function:${NAME_141}`,
    );
    expect(findings).toEqual([]);
  });

  it("reports a Fn::Sub name whose written part alone is over 140 characters, as at least that long", () => {
    // cfn-lint 1.51 reads no Fn::Sub here.
    const findings = check(
      ["E3716"],
      "Parameters:",
      "  Suffix:",
      "    Type: String",
      "Resources:",
      ...lambdaFunction("Fn"),
      "      Layers:",
      `        - !Sub "arn:aws:lambda:\${AWS::Region}:123456789012:layer:${NAME_141}\${Suffix}:1"`,
      `        - !Sub "arn:aws:lambda:\${AWS::Region}:123456789012:layer:\${Suffix}${NAME_140}:1"`,
    );
    expect(brief(findings)).toEqual(["E3716 13:11"]);
    expect(findings[0].message).toBe(
      "Layer 1 of function Fn names a layer of at least 141 characters, and Lambda layer names are at most 140: " +
        "no such layer can exist; use the ARN PublishLayerVersion gave (a !Ref of an AWS::Lambda::LayerVersion of this template)",
    );
  });

  it("does not read Globals without the SAM transform", () => {
    const findings = check(
      ["E3716"],
      ...lines.slice(1, 5),
      "Resources:",
      "  Topic:",
      "    Type: AWS::SNS::Topic",
    );
    expect(findings).toEqual([]);
  });
});

describe("E3978 one layer twice", () => {
  const layer = "arn:aws:lambda:us-east-1:123456789012:layer";
  const lines = [
    "Transform: AWS::Serverless-2016-10-31",
    "Globals:",
    "  Function:",
    "    Layers:",
    `      - ${layer}:shared:3`,
    "Conditions:",
    "  Prod: !Equals [!Ref AWS::StackName, prod]",
    "Parameters:",
    "  Extra:",
    "    Type: String",
    "Resources:",
    ...lambdaFunction("Fn"),
    "      Layers:",
    `        - ${layer}:deps:1`,
    `        - ${layer}:deps-two:1`,
    `        - !Sub arn:aws:lambda:\${AWS::Region}:\${AWS::AccountId}:layer:deps:2`,
    `        - !Sub arn:aws:lambda:\${AWS::Region}:\${AWS::AccountId}:layer:deps:\${Extra}`,
    `        - ${layer}:deps:7`,
    ...lambdaFunction(
      "Refs",
      undefined,
      "Layers: [!Ref Extra, !Ref One, !Ref Two, !Ref Other, !If [Prod, !Ref One, !Ref AWS::NoValue]]",
    ),
    "  One:",
    "    Type: AWS::Lambda::LayerVersion",
    "    Properties: { LayerName: common, Content: { S3Bucket: layers-bucket, S3Key: k1 } }",
    "  Two:",
    "    Type: AWS::Lambda::LayerVersion",
    "    Properties: { LayerName: common, Content: { S3Bucket: layers-bucket, S3Key: k2 } }",
    "  Other:",
    "    Type: AWS::Serverless::LayerVersion",
    "    Properties: { ContentUri: layer/ }",
    ...samFunction("Sam", "Layers:", `  - ${layer}:shared:4`),
    ...samFunction(
      "Mapped",
      "Layers:",
      `  - !Sub ["arn:aws:lambda:us-east-1:123456789012:layer:shared:\${V}", { V: "1" }]`,
      `  - ${layer}:own:1`,
      `  - ${layer}:own:1`,
    ),
  ];

  it("reports a layer named again: by its ARN, by Fn::Sub text, by one LayerName, and after Globals", () => {
    // cfn-lint 1.51 reports none of these. Its E3037 on line 32 is the Fn::If's second !Ref One,
    // and on line 50 the own:1 written twice (line 59), which is our E3037 too: E3978 leaves it.
    const findings = check(["E3978"], ...lines);
    // The literal ARN of deps:1 and the Fn::Sub of deps:2 (line 22) are not compared: the Fn::Sub's
    // account and region are known only at deploy time.
    expect(brief(findings)).toEqual(["E3978 23:11", "E3978 24:11", "E3978 32:38", "E3978 49:11"]);
    expect(findings[0].message).toBe(
      "Layers item 4 references the layer Layers item 3 references, so function Fn would use two versions of one " +
        "layer (or one version twice), which Lambda refuses; keep one of them",
    );
    expect(findings[1].message).toContain("Layers item 5 references the layer Layers item 1 references");
    expect(findings[2].message).toContain(
      "Layers item 3 references the layer Layers item 2 references, so function Refs",
    );
    expect(findings[3].message).toContain(
      "Layers item 1 references the layer Globals.Function Layers item 1 references, so function Sam",
    );
  });

  it("names no layer by a pseudo parameter: AWS::NoValue in Globals and in the function", () => {
    const findings = check(
      ["E3978"],
      "Transform: AWS::Serverless-2016-10-31",
      "Globals:",
      `  Function: { Layers: [!Ref AWS::NoValue, ${layer}:a:1] }`,
      "Resources:",
      "  Sam:",
      "    Type: AWS::Serverless::Function",
      `    Properties: { Runtime: python3.12, Handler: index.handler, CodeUri: src/, Layers: [!Ref AWS::NoValue, ${layer}:a:2] }`,
    );
    expect(brief(findings)).toEqual(["E3978 7:107"]);
    expect(findings[0].message).toContain(
      "Layers item 2 references the layer Globals.Function Layers item 2 references",
    );
  });

  it("reports two versions of one layer in Globals once, at Globals", () => {
    const findings = check(
      ["E3978"],
      "Transform: AWS::Serverless-2016-10-31",
      "Globals:",
      "  Function:",
      `    Layers: [${layer}:a:1, ${layer}:a:2]`,
      "Resources:",
      "  Sam:",
      "    Type: AWS::Serverless::Function",
      "    Properties: { Runtime: python3.12, Handler: index.handler, CodeUri: src/ }",
    );
    expect(brief(findings)).toEqual(["E3978 4:63"]);
    expect(findings[0].message).toContain("so every function of the template would use");
  });
});

describe("E3511 role ARNs", () => {
  it("reports role names and other ARNs where S3 replication or a Spot Fleet assumes a role", () => {
    // cfn-lint 1.51 reports the same three values (at their keys), and also a Batch ServiceRole
    // given as a name, which Batch accepts.
    const findings = check(
      ["E3511"],
      "Resources:",
      "  Bucket:",
      "    Type: AWS::S3::Bucket",
      "    Properties:",
      "      ReplicationConfiguration:",
      "        Role: replication-role",
      "        Rules:",
      "          - Status: Enabled",
      "            Destination:",
      "              Bucket: arn:aws:s3:::replica",
      "  Env:",
      "    Type: AWS::Batch::ComputeEnvironment",
      "    Properties:",
      "      Type: MANAGED",
      "      ServiceRole: batch-service-role",
      "      ComputeResources:",
      "        Type: SPOT",
      "        SpotIamFleetRole: arn:aws:iam::123456789012:user/fleet",
      "        MaxvCpus: 4",
      "        Subnets: [subnet-12345678]",
      "  Fleet:",
      "    Type: AWS::EC2::SpotFleet",
      "    Properties:",
      "      SpotFleetRequestConfigData:",
      "        IamFleetRole: arn:aws:iam::role/fleet",
      "        TargetCapacity: 1",
    );
    expect(brief(findings)).toEqual(["E3511 6:15", "E3511 18:27", "E3511 25:23"]);
    expect(findings[0].message).toBe(
      "ReplicationConfiguration.Role of Bucket is the role that S3 replication assumes, and must be a role ARN " +
        "(arn:aws:iam::<account>:role/<name>); use !GetAtt <Role>.Arn for a role of this template",
    );
    expect(findings[0].message).not.toContain("replication-role");
  });

  it("takes role ARNs with paths and any partition, GetAtt, Fn::Sub and each branch of a Fn::If", () => {
    const findings = check(
      ["E3511"],
      "Conditions:",
      "  Prod: !Equals [!Ref AWS::StackName, prod]",
      "Resources:",
      "  Role:",
      "    Type: AWS::IAM::Role",
      "    Properties:",
      "      AssumeRolePolicyDocument:",
      "        Version: '2012-10-17'",
      "        Statement:",
      "          - Effect: Allow",
      "            Principal: { Service: s3.amazonaws.com }",
      "            Action: sts:AssumeRole",
      "  Bucket:",
      "    Type: AWS::S3::Bucket",
      "    Properties:",
      "      ReplicationConfiguration:",
      "        Role: !If [Prod, !GetAtt Role.Arn, arn:aws-cn:iam::123456789012:role/service-role/s3-replication]",
      "        Rules: []",
      "  Other:",
      "    Type: AWS::S3::Bucket",
      "    Properties:",
      "      ReplicationConfiguration:",
      "        Role: !Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:role/replication",
      "        Rules: []",
      "  Third:",
      "    Type: AWS::S3::Bucket",
      "    Properties:",
      "      ReplicationConfiguration:",
      "        Role: !If [Prod, arn:aws:iam::123456789012:role/a.b@c=d, not-an-arn]",
      "        Rules: []",
      "  Fourth:",
      "    Type: AWS::S3::Bucket",
      "    Properties:",
      "      ReplicationConfiguration:",
      '        Role: "arn:aws:iam::123456789012:role/team~a/b#1/replication"',
      "        Rules: []",
    );
    // cfn-lint 1.51 also reports Fourth's role (35:9), whose path has characters that IAM takes in
    // a path but cfn-lint's pattern does not.
    expect(brief(findings)).toEqual(["E3511 29:66"]);
  });
});

describe("ECS task roles by name", () => {
  it("take a role's name as well as its ARN, and refuse what is neither", () => {
    // ECS takes "the short name or full ARN" of a task's role and fills the account in for the
    // execution role's name too; cfn-lint 1.51 reports both names (E1156, E3511).
    const findings = check(
      ["E3031", "E3511", "E1041"],
      "Resources:",
      "  Role:",
      "    Type: AWS::IAM::Role",
      "    Properties:",
      "      AssumeRolePolicyDocument:",
      "        Version: '2012-10-17'",
      "        Statement:",
      "          - Effect: Allow",
      "            Principal: { Service: ecs-tasks.amazonaws.com }",
      "            Action: sts:AssumeRole",
      "  Task:",
      "    Type: AWS::ECS::TaskDefinition",
      "    Properties:",
      "      ExecutionRoleArn: ecsTaskExecutionRole",
      "      TaskRoleArn: !Ref Role",
      "      ContainerDefinitions:",
      "        - Name: app",
      "          Image: nginx",
      "          Memory: 512",
      "  Service:",
      "    Type: AWS::ECS::Service",
      "    Properties:",
      "      TaskDefinition: !Ref Task",
      "      VolumeConfigurations:",
      "        - Name: data",
      "          ManagedEBSVolume:",
      "            RoleArn: ebs-role",
    );
    // A service's EBS volume role is an ARN: the name is still refused.
    expect(brief(findings)).toEqual(["E3031 27:22"]);
  });
});

describe("E3511 role ARNs through dynamic references", () => {
  it("leaves a value with a dynamic reference, which CloudFormation resolves when it deploys", () => {
    // cfn-lint 1.51 reports neither; the plain name in Env is reported by both.
    const findings = check(
      ["E3511"],
      "Resources:",
      "  Bucket:",
      "    Type: AWS::S3::Bucket",
      "    Properties:",
      "      ReplicationConfiguration:",
      '        Role: "{{resolve:ssm:/roles/replication}}"',
      "        Rules: []",
      "  Fleet:",
      "    Type: AWS::EC2::SpotFleet",
      "    Properties:",
      "      SpotFleetRequestConfigData:",
      '        IamFleetRole: "arn:aws:iam::{{resolve:ssm:/account}}:role/fleet"',
      "        TargetCapacity: 1",
      "  Env:",
      "    Type: AWS::Batch::ComputeEnvironment",
      "    Properties:",
      "      Type: MANAGED",
      "      ComputeResources:",
      "        Type: SPOT",
      "        SpotIamFleetRole: AmazonEC2SpotFleetRole",
      "        MaxvCpus: 4",
      "        Subnets: [subnet-12345678]",
    );
    expect(brief(findings)).toEqual(["E3511 20:27"]);
  });
});

describe("a Batch compute environment's Spot Fleet role", () => {
  // An AWS lab template (round 35) gives `!Ref` of its role to environments that start no Spot
  // Fleet; Batch takes the value when it creates the environment, and the Spot Fleet refuses a
  // bad one when the environment first starts instances.
  const environment = (name: string, type: string, strategy: string | undefined, role: string) => [
    `  ${name}:`,
    "    Type: AWS::Batch::ComputeEnvironment",
    "    Properties:",
    "      Type: MANAGED",
    "      ComputeResources:",
    `        Type: ${type}`,
    ...(strategy ? [`        AllocationStrategy: ${strategy}`] : []),
    `        SpotIamFleetRole: ${role}`,
    "        MaxvCpus: 4",
    "        Subnets: [subnet-12345678]",
  ];
  const role = [
    "  Role:",
    "    Type: AWS::IAM::Role",
    "    Properties:",
    "      AssumeRolePolicyDocument: {}",
  ];

  it("is judged only where the environment starts Spot Fleets: SPOT, with BEST_FIT or no strategy", () => {
    const findings = check(
      ["E1041", "E1040", "E3511"],
      "Resources:",
      ...role,
      ...environment("OnDemand", "EC2", undefined, "!Ref Role"),
      ...environment("Optimized", "SPOT", "SPOT_CAPACITY_OPTIMIZED", "!Ref Role"),
      ...environment("PriceOptimized", "SPOT", "SPOT_PRICE_CAPACITY_OPTIMIZED", "fleet-role"),
      ...environment("BestFit", "SPOT", "BEST_FIT", "!Ref Role"),
      ...environment("Default", "SPOT", undefined, "!GetAtt Role.RoleId"),
      ...environment("Named", "SPOT", undefined, "fleet-role"),
    );
    expect(brief(findings)).toEqual(["E1041 42:27", "E1040 51:27", "E3511 60:27"]);
    expect(findings.map((f) => f.severity)).toEqual(["warning", "warning", "warning"]);
    expect(findings[0].message).toBe(
      "!Ref Role gives the role's name, and ComputeResources.SpotIamFleetRole takes an ARN: Batch creates the " +
        "compute environment, and it turns INVALID when it first starts Spot Instances " +
        "(SpotFleetRequestConfig.IamFleetRole is invalid); use !GetAtt Role.Arn",
    );
    expect(findings[2].message).not.toContain("fleet-role");
  });

  it("counts a Type or AllocationStrategy a function gives as starting Spot Fleets", () => {
    const findings = check(
      ["E1041"],
      "Parameters:",
      "  Strategy:",
      "    Type: String",
      "Resources:",
      ...role,
      ...environment("Env", "SPOT", "!Ref Strategy", "!Ref Role"),
    );
    expect(brief(findings)).toEqual(["E1041 16:27"]);
  });
});

describe("E1041 a role's Ref where a service assumes it", () => {
  const lines = [
    "Resources:",
    "  Role:",
    "    Type: AWS::IAM::Role",
    "    Properties:",
    "      AssumeRolePolicyDocument: {}",
    "  Bucket:",
    "    Type: AWS::S3::Bucket",
    "    Properties:",
    "      ReplicationConfiguration:",
    "        Role: !Ref Role",
    "        Rules: []",
    "  Fleet:",
    "    Type: AWS::EC2::SpotFleet",
    "    Properties:",
    "      SpotFleetRequestConfigData:",
    "        IamFleetRole: !Ref Role",
    "        TargetCapacity: 1",
    "  Env:",
    "    Type: AWS::Batch::ComputeEnvironment",
    "    Properties:",
    "      Type: MANAGED",
    "      ComputeResources:",
    "        Type: SPOT",
    "        SpotIamFleetRole: !GetAtt Role.RoleId",
    "        MaxvCpus: 4",
    "        Subnets: [subnet-12345678]",
    "  Other:",
    "    Type: AWS::Batch::ComputeEnvironment",
    "    Properties:",
    "      Type: MANAGED",
    "      ComputeResources:",
    "        Type: SPOT",
    "        SpotIamFleetRole: !Ref Role",
    "        MaxvCpus: 4",
    "        Subnets: [subnet-12345678]",
    "  Arn:",
    "    Type: AWS::EC2::SpotFleet",
    "    Properties:",
    "      SpotFleetRequestConfigData:",
    "        IamFleetRole: !GetAtt Role.Arn",
    "        TargetCapacity: 1",
  ];

  it("reports !Ref of a role of the template for S3 replication, Spot Fleets and Batch Spot Fleets", () => {
    const findings = check(["E1041"], ...lines);
    expect(brief(findings)).toEqual(["E1041 10:15", "E1041 16:23", "E1041 33:27"]);
    expect(findings[0].message).toBe(
      "!Ref Role gives the role's name, and ReplicationConfiguration.Role takes an ARN; use !GetAtt Role.Arn",
    );
  });

  it("reports, as E1040, a GetAtt of the role's id there", () => {
    const findings = check(["E1040"], ...lines);
    expect(brief(findings)).toEqual(["E1040 24:27"]);
    expect(findings[0].message).toContain(
      "gives the role's id, and ComputeResources.SpotIamFleetRole takes an ARN",
    );
  });

  it("reports !Ref of a role as a pipeline's role or an action's, which CodePipeline takes as an ARN only", () => {
    // A public pipeline template of round 33 (cfn-lint 1.51 reports the pipeline's RoleArn too).
    const findings = check(
      ["E1041"],
      "Resources:",
      "  Role:",
      "    Type: AWS::IAM::Role",
      "    Properties:",
      "      AssumeRolePolicyDocument: {}",
      "  Pipeline:",
      "    Type: AWS::CodePipeline::Pipeline",
      "    Properties:",
      "      RoleArn: !Ref Role",
      "      ArtifactStore: { Type: S3, Location: artifacts-bucket }",
      "      Stages:",
      "        - Name: Source",
      "          Actions:",
      "            - Name: Source",
      "              RoleArn: !Ref Role",
      "              ActionTypeId: { Category: Source, Owner: AWS, Provider: S3, Version: '1' }",
      "              Configuration: { S3Bucket: source-bucket, S3ObjectKey: src.zip }",
      "              OutputArtifacts: [{ Name: Src }]",
      "        - Name: Deploy",
      "          Actions:",
      "            - Name: Deploy",
      "              RoleArn: !GetAtt Role.Arn",
      "              ActionTypeId: { Category: Deploy, Owner: AWS, Provider: S3, Version: '1' }",
      "              Configuration: { BucketName: site-bucket, Extract: true }",
      "              InputArtifacts: [{ Name: Src }]",
    );
    expect(brief(findings)).toEqual(["E1041 9:16", "E1041 15:24"]);
    expect(findings[1].message).toBe(
      "!Ref Role gives the role's name, and Stages[0].Actions[0].RoleArn takes an ARN; use !GetAtt Role.Arn",
    );
  });

  it("reads each branch of a Fn::If in a place that takes an ARN", () => {
    const findings = check(
      ["E1041"],
      "Conditions:",
      "  Prod: !Equals [!Ref AWS::StackName, prod]",
      "Resources:",
      "  Role:",
      "    Type: AWS::IAM::Role",
      "    Properties:",
      "      AssumeRolePolicyDocument: {}",
      ...lambdaFunction("Fn", "!If [Prod, !GetAtt Role.Arn, !Ref Role]"),
    );
    expect(brief(findings)).toEqual(["E1041 13:42"]);
  });
});

describe("W3937 a logical id as plain text where its Ref was meant", () => {
  const template = yaml(
    "Resources:",
    "  MyBucket:",
    "    Type: AWS::S3::Bucket",
    "    Properties:",
    "      BucketName: my-test-bucket",
    "  MyBucketPolicy:",
    "    Type: AWS::S3::BucketPolicy",
    "    Properties:",
    "      Bucket: MyBucket",
    "      PolicyDocument:",
    "        Statement:",
    "          - Effect: Allow",
    "            Principal: {AWS: arn:aws:iam::111122223333:user/Bob}",
    "            Action: s3:GetObject",
    "            Resource: !Sub '${MyBucket.Arn}/*'",
    "  Queue:",
    "    Type: AWS::SQS::Queue",
    "  QueuePolicy:",
    "    Type: AWS::SQS::QueuePolicy",
    "    Properties:",
    "      Queues: [!Ref Queue, Queue, NamedQueue]",
    "      PolicyDocument:",
    "        Statement:",
    "          - Effect: Allow",
    "            Principal: {Service: sns.amazonaws.com}",
    "            Action: sqs:SendMessage",
    "            Resource: '*'",
    "  NamedQueue:",
    "    Type: AWS::SQS::Queue",
    "    Properties:",
    "      QueueName: NamedQueue",
    "  Fn:",
    "    Type: AWS::Lambda::Function",
    "    Properties:",
    "      FunctionName: Fn",
    "      Role: arn:aws:iam::111122223333:role/fn",
    "      Runtime: python3.13",
    "      Handler: index.handler",
    "      Code: {ZipFile: 'def handler(e, c): pass'}",
    "  Other:",
    "    Type: AWS::Lambda::Function",
    "    Properties:",
    "      FunctionName: !Sub '${AWS::StackName}-other'",
    "      Role: arn:aws:iam::111122223333:role/fn",
    "      Runtime: python3.13",
    "      Handler: index.handler",
    "      Code: {ZipFile: 'def handler(e, c): pass'}",
    "  Named:",
    "    Type: AWS::Lambda::Permission",
    "    Properties:",
    "      FunctionName: Fn",
    "      Action: lambda:InvokeFunction",
    "      Principal: s3.amazonaws.com",
    "  Computed:",
    "    Type: AWS::Lambda::Permission",
    "    Properties:",
    "      FunctionName: Other",
    "      Action: lambda:InvokeFunction",
    "      Principal: s3.amazonaws.com",
    "  External:",
    "    Type: AWS::Lambda::Permission",
    "    Properties:",
    "      FunctionName: some-other-function",
    "      Action: lambda:InvokeFunction",
    "      Principal: s3.amazonaws.com",
  );

  it("warns of a bucket or queue named by its logical id, not of a function named so or by a function", () => {
    // cfn-lint 1.51 reports none of these. A queue named as its logical id is still no queue URL.
    const findings = lint(template, { only: ["W3937"] });
    expect(brief(findings)).toEqual(["W3937 9:15", "W3937 21:28", "W3937 21:35"]);
    expect(findings[0].message).toBe(
      "'MyBucket' is the logical id of AWS::S3::Bucket MyBucket of this template, written as plain text: " +
        "CloudFormation passes it on as a bucket name, not the resource's; write !Ref MyBucket",
    );
    expect(findings[0].severity).toBe("warning");
    expect(findings[1].message).toContain("as a queue URL");
  });

  it("reads IAM policies' roles, users and groups, log filters' log groups, a service's cluster and API ids", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Role:",
        "    Type: AWS::IAM::Role",
        "    Properties:",
        "      AssumeRolePolicyDocument:",
        "        Statement: [{Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: sts:AssumeRole}]",
        "  NamedRole:",
        "    Type: AWS::IAM::Role",
        "    Properties:",
        "      RoleName: NamedRole",
        "      AssumeRolePolicyDocument:",
        "        Statement: [{Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: sts:AssumeRole}]",
        "  Group:",
        "    Type: AWS::IAM::Group",
        "  Policy:",
        "    Type: AWS::IAM::Policy",
        "    Properties:",
        "      PolicyName: p",
        "      PolicyDocument: {Statement: [{Effect: Allow, Action: s3:ListBucket, Resource: '*'}]}",
        "      Roles: [Role, NamedRole, !Ref Role]",
        "      Groups: [Group]",
        "  Profile:",
        "    Type: AWS::IAM::InstanceProfile",
        "    Properties:",
        "      Roles: [Role]",
        "  Logs:",
        "    Type: AWS::Logs::LogGroup",
        "  Filter:",
        "    Type: AWS::Logs::MetricFilter",
        "    Properties:",
        "      LogGroupName: Logs",
        "      FilterPattern: ERROR",
        "      MetricTransformations: [{MetricName: errors, MetricNamespace: app, MetricValue: '1'}]",
        "  Cluster:",
        "    Type: AWS::ECS::Cluster",
        "  Service:",
        "    Type: AWS::ECS::Service",
        "    Properties:",
        "      Cluster: Cluster",
        "      TaskDefinition: arn:aws:ecs:us-east-1:111122223333:task-definition/app:1",
        "  Api:",
        "    Type: AWS::ApiGateway::RestApi",
        "    Properties:",
        "      Name: Api",
        "  Items:",
        "    Type: AWS::ApiGateway::Resource",
        "    Properties:",
        "      RestApiId: Api",
        "      ParentId: !GetAtt Api.RootResourceId",
        "      PathPart: items",
        "  Get:",
        "    Type: AWS::ApiGateway::Method",
        "    Properties:",
        "      RestApiId: !Ref Api",
        "      ResourceId: Items",
        "      HttpMethod: GET",
        "      AuthorizationType: NONE",
        "      Integration: {Type: MOCK}",
      ),
      { only: ["W3937"] },
    );
    // NamedRole is named so, and !Ref Role is right; an API's Name is not its id.
    expect(brief(findings)).toEqual([
      "W3937 20:15",
      "W3937 21:16",
      "W3937 25:15",
      "W3937 31:21",
      "W3937 39:16",
      "W3937 48:18",
      "W3937 55:19",
    ]);
    expect(findings[0].message).toBe(
      "'Role' is the logical id of AWS::IAM::Role Role of this template, written as plain text: CloudFormation " +
        "passes it on as a role name, not the resource's; write !Ref Role",
    );
    expect(findings[5].message).toContain("as a REST API id");
  });
});

describe("W3937 in networks, fleets, records, alarms and stages", () => {
  it("reads route tables, gateways, ACLs, instance profiles, launch configurations, zones, topics and deployments", () => {
    // cfn-lint 1.51 reports none of these, nor anything else here but a LaunchConfiguration in
    // maintenance (W3697).
    const findings = lint(
      yaml(
        "Resources:",
        "  Igw: {Type: AWS::EC2::InternetGateway}",
        "  Attach:",
        "    Type: AWS::EC2::VPCGatewayAttachment",
        "    Properties: {VpcId: vpc-12345678, InternetGatewayId: Igw}",
        "  RouteTable:",
        "    Type: AWS::EC2::RouteTable",
        "    Properties: {VpcId: vpc-12345678}",
        "  Route:",
        "    Type: AWS::EC2::Route",
        "    Properties: {RouteTableId: RouteTable, DestinationCidrBlock: 0.0.0.0/0, GatewayId: Igw}",
        "  Acl:",
        "    Type: AWS::EC2::NetworkAcl",
        "    Properties: {VpcId: vpc-12345678}",
        "  Entry:",
        "    Type: AWS::EC2::NetworkAclEntry",
        "    Properties: {NetworkAclId: Acl, RuleNumber: 100, Protocol: -1, RuleAction: allow, CidrBlock: 0.0.0.0/0}",
        "  Profile:",
        "    Type: AWS::IAM::InstanceProfile",
        "    Properties: {Roles: [app-role]}",
        "  Named:",
        "    Type: AWS::IAM::InstanceProfile",
        "    Properties: {Roles: [app-role], InstanceProfileName: Named}",
        "  Config:",
        "    Type: AWS::AutoScaling::LaunchConfiguration",
        "    Properties: {ImageId: ami-12345678, InstanceType: t3.micro, IamInstanceProfile: Profile}",
        "  Group:",
        "    Type: AWS::AutoScaling::AutoScalingGroup",
        "    Properties: {LaunchConfigurationName: Config, MinSize: '1', MaxSize: '1', AvailabilityZones: [us-east-1a]}",
        "  Host:",
        "    Type: AWS::EC2::Instance",
        "    Properties: {ImageId: ami-12345678, IamInstanceProfile: Named}",
        "  Zone:",
        "    Type: AWS::Route53::HostedZone",
        "    Properties: {Name: example.com}",
        "  Record:",
        "    Type: AWS::Route53::RecordSet",
        "    Properties: {HostedZoneId: Zone, Name: a.example.com, Type: A, TTL: '60', ResourceRecords: [192.0.2.1]}",
        "  Topic: {Type: AWS::SNS::Topic}",
        "  Alarm:",
        "    Type: AWS::CloudWatch::Alarm",
        "    Properties:",
        "      MetricName: Errors",
        "      Namespace: AWS/Lambda",
        "      Statistic: Sum",
        "      Period: 60",
        "      EvaluationPeriods: 1",
        "      Threshold: 1",
        "      ComparisonOperator: GreaterThanThreshold",
        "      AlarmActions: [!Ref Topic, Topic]",
        "  Task:",
        "    Type: AWS::ECS::TaskDefinition",
        "    Properties:",
        "      ContainerDefinitions: [{Name: app, Image: nginx, Memory: 512}]",
        "  Service:",
        "    Type: AWS::ECS::Service",
        "    Properties: {TaskDefinition: Task}",
        "  Api:",
        "    Type: AWS::ApiGateway::RestApi",
        "    Properties: {Name: api}",
        "  Deployment:",
        "    Type: AWS::ApiGateway::Deployment",
        "    Properties: {RestApiId: !Ref Api}",
        "  Stage:",
        "    Type: AWS::ApiGateway::Stage",
        "    Properties: {RestApiId: !Ref Api, DeploymentId: Deployment, StageName: prod}",
      ),
      { only: ["W3937"] },
    );
    // Named is the instance profile's own name, so the instance's text names it.
    expect(brief(findings)).toEqual([
      "W3937 5:58",
      "W3937 11:32",
      "W3937 11:88",
      "W3937 17:32",
      "W3937 26:85",
      "W3937 29:43",
      "W3937 38:32",
      "W3937 50:34",
      "W3937 57:34",
      "W3937 66:53",
    ]);
    expect(findings[1].message).toBe(
      "'RouteTable' is the logical id of AWS::EC2::RouteTable RouteTable of this template, written as plain text: " +
        "CloudFormation passes it on as a route table id, not the resource's; write !Ref RouteTable",
    );
    expect(findings[8].message).toContain("as a task definition family");
  });
});

describe("W3937 in routes and attachments", () => {
  it("reads a route's targets, transit gateway attachments, and EIP, volume and interface attachments", () => {
    // cfn-lint 1.51 reports none of these.
    const findings = lint(
      yaml(
        "Resources:",
        "  Tgw: {Type: AWS::EC2::TransitGateway}",
        "  Peer:",
        "    Type: AWS::EC2::VPCPeeringConnection",
        "    Properties: {VpcId: vpc-12345678, PeerVpcId: vpc-87654321}",
        "  Eni:",
        "    Type: AWS::EC2::NetworkInterface",
        "    Properties: {SubnetId: subnet-12345678}",
        "  Host:",
        "    Type: AWS::EC2::Instance",
        "    Properties: {ImageId: ami-12345678}",
        "  Vol:",
        "    Type: AWS::EC2::Volume",
        "    Properties: {AvailabilityZone: !Select [0, !GetAZs ''], Size: 10}",
        "  ToTgw:",
        "    Type: AWS::EC2::Route",
        "    Properties: {RouteTableId: rtb-12345678, DestinationCidrBlock: 10.1.0.0/16, TransitGatewayId: Tgw}",
        "  ToPeer:",
        "    Type: AWS::EC2::Route",
        "    Properties: {RouteTableId: rtb-12345678, DestinationCidrBlock: 10.2.0.0/16, VpcPeeringConnectionId: Peer}",
        "  Attachment:",
        "    Type: AWS::EC2::TransitGatewayAttachment",
        "    Properties: {TransitGatewayId: Tgw, VpcId: vpc-12345678, SubnetIds: [subnet-12345678]}",
        "  Disk:",
        "    Type: AWS::EC2::VolumeAttachment",
        "    Properties: {InstanceId: !Ref Host, VolumeId: Vol, Device: /dev/sdh}",
        "  Address:",
        "    Type: AWS::EC2::EIPAssociation",
        "    Properties: {NetworkInterfaceId: Eni, EIP: 192.0.2.1}",
      ),
      { only: ["W3937"] },
    );
    expect(brief(findings)).toEqual([
      "W3937 17:99",
      "W3937 20:105",
      "W3937 23:36",
      "W3937 26:51",
      "W3937 29:38",
    ]);
    expect(findings[1].message).toContain("as a VPC peering connection id");
  });
});

describe("E1040 another resource's ARN where an IAM role's ARN is needed", () => {
  it("reports a log group's ARN as a role's, and leaves a role's and one of a resource the template lacks", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Logs:",
        "    Type: AWS::Logs::LogGroup",
        "  Role:",
        "    Type: AWS::IAM::Role",
        "    Properties:",
        "      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: appsync.amazonaws.com }, Action: sts:AssumeRole }] }",
        "  Api:",
        "    Type: AWS::AppSync::GraphQLApi",
        "    Properties:",
        "      Name: api",
        "      AuthenticationType: API_KEY",
        "      LogConfig: { CloudWatchLogsRoleArn: !GetAtt Logs.Arn, FieldLogLevel: ERROR }",
        "  Fine:",
        "    Type: AWS::AppSync::GraphQLApi",
        "    Properties:",
        "      Name: fine",
        "      AuthenticationType: API_KEY",
        "      LogConfig: { CloudWatchLogsRoleArn: !GetAtt [Role, Arn], FieldLogLevel: ERROR }",
        "  Made:",
        "    Type: AWS::AppSync::GraphQLApi",
        "    Properties:",
        "      Name: made",
        "      AuthenticationType: API_KEY",
        "      LogConfig: { CloudWatchLogsRoleArn: !GetAtt FnRole.Arn, FieldLogLevel: ERROR }",
      ),
      { only: ["E1040"] },
    );
    expect(located(findings)).toEqual([
      "E1040 13 'LogConfig.CloudWatchLogsRoleArn' of AWS::AppSync::GraphQLApi takes an IAM role's ARN, and !GetAtt " +
        "Logs.Arn gives the ARN of AWS::Logs::LogGroup 'Logs'; give it the ARN of the role the service assumes " +
        "(!GetAtt Role.Arn)",
    ]);
  });
});

describe("E1041 a security group's name where ids are needed", () => {
  const lines = [
    "Resources:",
    "  Group:",
    "    Type: AWS::EC2::SecurityGroup",
    "    Properties:",
    "      GroupDescription: web",
    "  VpcGroup:",
    "    Type: AWS::EC2::SecurityGroup",
    "    Properties:",
    "      GroupDescription: web",
    "      VpcId: vpc-12345678",
    ...lambdaFunction(
      "Function",
      undefined,
      "VpcConfig:",
      "  SubnetIds: [subnet-12345678]",
      "  SecurityGroupIds:",
      "    - !Ref Group",
      "    - !Ref VpcGroup",
      "    - !GetAtt Group.GroupId",
    ),
    "  Template:",
    "    Type: AWS::EC2::LaunchTemplate",
    "    Properties:",
    "      LaunchTemplateData:",
    "        SecurityGroups: [!Ref Group]",
  ];

  it("reports the Ref of a group without VpcId, which gives its name, where the property takes ids", () => {
    // cfn-lint 1.51 gives these and also the launch template's SecurityGroups, which takes names.
    expect(brief(check(["E1041"], ...lines))).toEqual(["E1041 21:13"]);
  });

  it("takes a VpcId a Fn::If may give as there, and a group without Properties as one without VpcId", () => {
    const findings = check(
      ["E1041"],
      "Conditions:",
      "  HasVpc: !Equals [!Ref AWS::Region, us-east-1]",
      "Resources:",
      "  Bare:",
      "    Type: AWS::EC2::SecurityGroup",
      "  Maybe:",
      "    Type: AWS::EC2::SecurityGroup",
      "    Properties:",
      "      GroupDescription: web",
      "      VpcId: !If [HasVpc, vpc-12345678, !Ref AWS::NoValue]",
      "  Cache:",
      "    Type: AWS::ElastiCache::CacheCluster",
      "    Properties:",
      "      CacheNodeType: cache.t3.micro",
      "      Engine: redis",
      "      NumCacheNodes: 1",
      "      VpcSecurityGroupIds: [!Ref Maybe, !Ref Bare]",
    );
    expect(brief(findings)).toEqual(["E1041 17:41"]);
  });

  it("reports it in the properties that take ids under other names, not where names are taken", () => {
    const findings = check(
      ["E1041"],
      "Resources:",
      "  Group:",
      "    Type: AWS::EC2::SecurityGroup",
      "    Properties:",
      "      GroupDescription: web",
      "  Instance:",
      "    Type: AWS::EC2::Instance",
      "    Properties:",
      "      ImageId: ami-12345678",
      "      SecurityGroups: [!Ref Group]",
      "      NetworkInterfaces:",
      "        - DeviceIndex: '0'",
      "          SubnetId: subnet-12345678",
      "          GroupSet: [!Ref Group]",
      "  Balancer:",
      "    Type: AWS::ElasticLoadBalancingV2::LoadBalancer",
      "    Properties:",
      "      Subnets: [subnet-12345678, subnet-87654321]",
      "      SecurityGroups: [!Ref Group]",
      "  Target:",
      "    Type: AWS::EFS::MountTarget",
      "    Properties:",
      "      FileSystemId: fs-12345678",
      "      SubnetId: subnet-12345678",
      "      SecurityGroups: [!Ref Group]",
      "  Config:",
      "    Type: AWS::AutoScaling::LaunchConfiguration",
      "    Properties:",
      "      ImageId: ami-12345678",
      "      InstanceType: t3.micro",
      "      SecurityGroups: [!Ref Group]",
    );
    expect(brief(findings)).toEqual(["E1041 14:22", "E1041 19:24", "E1041 25:24"]);
    expect(findings[0].message).toContain("use !GetAtt Group.GroupId");
  });
});
