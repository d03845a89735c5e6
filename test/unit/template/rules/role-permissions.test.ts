/**
 * W3908: a function in a VPC whose role cannot create network interfaces; W3909: an event source
 * mapping whose function role may not read the source; W3911: a function whose role is not allowed
 * what Lambda checks at create (X-Ray writes, its dead-letter target); E3921/W3921: AWS managed
 * policy ARNs.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../../../src/template/spec/index";
import { brief, lambdaFunction, lint, located, samFunction, samGlobals, yaml } from "../lint";

const TRUST =
  "          - { Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }";

const fn = (name: string, role: string, vpc = true) =>
  lambdaFunction(
    name,
    `!GetAtt ${role}.Arn`,
    ...(vpc ? ["VpcConfig: { SubnetIds: [subnet-12345678], SecurityGroupIds: [sg-12345678] }"] : []),
  );

describe("W3908 VPC function roles", () => {
  it("finds a role whose managed and inline policies, all readable, never allow creating network interfaces", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  VpcRole:",
        "    Type: AWS::IAM::Role",
        "    Properties:",
        "      AssumeRolePolicyDocument:",
        "        Statement:",
        TRUST,
        "      ManagedPolicyArns:",
        "        - !Sub arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole",
        "  BasicRole:",
        "    Type: AWS::IAM::Role",
        "    Properties:",
        "      AssumeRolePolicyDocument:",
        "        Statement:",
        TRUST,
        "      ManagedPolicyArns:",
        "        - arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
        "      Policies:",
        "        - PolicyName: s3",
        "          PolicyDocument:",
        "            Statement:",
        '              - { Effect: Allow, Action: ["s3:GetObject", "ec2:Describe*"], Resource: "*" }',
        "  InlineRole:",
        "    Type: AWS::IAM::Role",
        "    Properties:",
        "      AssumeRolePolicyDocument:",
        "        Statement:",
        TRUST,
        "      Policies:",
        "        - PolicyName: eni",
        "          PolicyDocument:",
        "            Statement:",
        '              - { Effect: Allow, Action: "ec2:*NetworkInterface*", Resource: "*" }',
        "  AttachedRole:",
        "    Type: AWS::IAM::Role",
        "    Properties:",
        "      AssumeRolePolicyDocument:",
        "        Statement:",
        TRUST,
        "  Attached:",
        "    Type: AWS::IAM::Policy",
        "    Properties:",
        "      PolicyName: eni",
        "      Roles: [!Ref AttachedRole]",
        "      PolicyDocument: { Statement: [] }",
        ...fn("Vpc", "VpcRole"),
        ...fn("Basic", "BasicRole"),
        ...fn("Inline", "InlineRole"),
        ...fn("AttachedFn", "AttachedRole"),
        ...fn("NoVpc", "BasicRole", false),
        // A template that leaves the VPC out with AWS::NoValue subnets.
        ...lambdaFunction(
          "NoSubnets",
          "!GetAtt BasicRole.Arn",
          "VpcConfig: { SubnetIds: [!Ref AWS::NoValue], SecurityGroupIds: [!Ref AWS::NoValue] }",
        ),
      ),
      { only: ["W3908"] },
    );
    expect(brief(findings)).toEqual(["W3908 59:13"]);
    expect(findings[0].message).toBe(
      "Function 'Basic' runs in a VPC, and its role 'BasicRole' is not allowed ec2:CreateNetworkInterface, which " +
        "Lambda needs to attach the function to its subnets (without it the create is refused or the function never " +
        "reaches the VPC); add arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole to " +
        "the role's ManagedPolicyArns",
    );
  });

  it("leaves a role with a customer managed policy alone: it may grant anything", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Role:",
        "    Type: AWS::IAM::Role",
        "    Properties:",
        "      AssumeRolePolicyDocument:",
        "        Statement:",
        TRUST,
        "      ManagedPolicyArns:",
        "        - !Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:policy/lambda-network",
        ...fn("Fn", "Role"),
      ),
      { only: ["W3908"] },
    );
    expect(findings).toEqual([]);
  });
});

describe("W3909 event source mapping roles", () => {
  it("finds a queue the function's role may not read, and accepts a stream its managed policy allows", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Queue:",
        "    Type: AWS::SQS::Queue",
        "  Table:",
        "    Type: AWS::DynamoDB::Table",
        "    Properties:",
        "      BillingMode: PAY_PER_REQUEST",
        "      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]",
        "      KeySchema: [{ AttributeName: id, KeyType: HASH }]",
        "      StreamSpecification: { StreamViewType: NEW_IMAGE }",
        "  Role:",
        "    Type: AWS::IAM::Role",
        "    Properties:",
        "      AssumeRolePolicyDocument:",
        "        Statement:",
        TRUST,
        "      ManagedPolicyArns:",
        "        - arn:aws:iam::aws:policy/service-role/AWSLambdaDynamoDBExecutionRole",
        ...fn("Fn", "Role", false),
        "  FromQueue:",
        "    Type: AWS::Lambda::EventSourceMapping",
        "    Properties:",
        "      EventSourceArn: !GetAtt Queue.Arn",
        "      FunctionName: !Ref Fn",
        "  FromTable:",
        "    Type: AWS::Lambda::EventSourceMapping",
        "    Properties:",
        "      EventSourceArn: !GetAtt Table.StreamArn",
        "      FunctionName: !Ref Fn",
        "      StartingPosition: LATEST",
      ),
      { only: ["W3909"] },
    );
    expect(brief(findings)).toEqual(["W3909 29:23"]);
    expect(findings[0].message).toBe(
      "Event source mapping 'FromQueue' reads queue 'Queue' for function 'Fn', whose role 'Role' is not allowed " +
        "sqs:ReceiveMessage (without it the mapping's create is refused or it never reads a record); add " +
        "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole to the role's " +
        "ManagedPolicyArns",
    );
  });
});

describe("W3911 what Lambda checks of a function's role at create", () => {
  const role = (name: string, ...rest: string[]) => [
    `  ${name}:`,
    "    Type: AWS::IAM::Role",
    "    Properties:",
    "      AssumeRolePolicyDocument:",
    "        Statement:",
    TRUST,
    "      ManagedPolicyArns:",
    "        - !Sub arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
    ...rest,
  ];
  /** The line of the fixture that holds `text`, once. */
  const lineOf = (source: string, text: string) => {
    const lines = source.split("\n");
    const at = lines.findIndex((line) => line.includes(text));
    expect(lines.findIndex((line, i) => i > at && line.includes(text))).toBe(-1);
    return at + 1;
  };

  it("finds active tracing and dead-letter targets a readable role does not allow, and leaves allowed ones", () => {
    const source = yaml(
      "Resources:",
      "  Queue:",
      "    Type: AWS::SQS::Queue",
      "  Topic:",
      "    Type: AWS::SNS::Topic",
      ...role("Basic"),
      ...role("Traced", "        - !Sub arn:${AWS::Partition}:iam::aws:policy/AWSXRayDaemonWriteAccess"),
      ...role(
        "Sender",
        "      Policies:",
        "        - PolicyName: dlq",
        "          PolicyDocument:",
        "            Statement:",
        '              - { Effect: Allow, Action: ["sqs:SendMessage", "sns:Publish"], Resource: "*" }',
      ),
      ...role("Attached"),
      "  AttachedPolicy:",
      "    Type: AWS::IAM::Policy",
      "    Properties:",
      "      PolicyName: xray",
      "      Roles: [!Ref Attached]",
      '      PolicyDocument: { Statement: [{ Effect: Allow, Action: "xray:*", Resource: "*" }] }',
      ...lambdaFunction("TracedBasic", "!GetAtt Basic.Arn", "TracingConfig: { Mode: Active } # basic"),
      ...lambdaFunction("PassThrough", "!GetAtt Basic.Arn", "TracingConfig: { Mode: PassThrough }"),
      ...lambdaFunction("TracedOk", "!GetAtt Traced.Arn", "TracingConfig: { Mode: Active }"),
      ...lambdaFunction("TracedAttached", "!GetAtt Attached.Arn", "TracingConfig: { Mode: Active }"),
      ...lambdaFunction(
        "QueueBasic",
        "!GetAtt Basic.Arn",
        "DeadLetterConfig: { TargetArn: !GetAtt Queue.Arn } # queue",
      ),
      ...lambdaFunction(
        "TopicBasic",
        "!GetAtt Basic.Arn",
        "DeadLetterConfig: { TargetArn: !Ref Topic } # topic",
      ),
      ...lambdaFunction(
        "QueueSender",
        "!GetAtt Sender.Arn",
        "DeadLetterConfig: { TargetArn: !GetAtt Queue.Arn }",
      ),
      ...lambdaFunction("TopicSender", "!GetAtt Sender.Arn", "DeadLetterConfig: { TargetArn: !Ref Topic }"),
    );
    const findings = lint(source, { only: ["W3911"] });
    expect(findings.map((f) => f.range.start.line)).toEqual([
      lineOf(source, "# basic"),
      lineOf(source, "# queue"),
      lineOf(source, "# topic"),
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      "Function 'TracedBasic' has active tracing, and its role 'Basic' is not allowed xray:PutTraceSegments: its " +
        'traces are refused, and Lambda has refused to create or update such a function ("The provided execution ' +
        'role does not have permissions"); add arn:${AWS::Partition}:iam::aws:policy/AWSXRayDaemonWriteAccess to ' +
        "the role's ManagedPolicyArns, or allow xray:PutTraceSegments and xray:PutTelemetryRecords on * in its policies",
      "Function 'QueueBasic' has dead-letter queue 'Queue', and its role 'Basic' is not allowed sqs:SendMessage: " +
        "the events it fails to process cannot reach the queue, and Lambda has refused to create or update such a " +
        'function ("The provided execution role does not have permissions"); allow sqs:SendMessage on the queue in ' +
        "the role's policies",
      "Function 'TopicBasic' has dead-letter topic 'Topic', and its role 'Basic' is not allowed sns:Publish: the " +
        "events it fails to process cannot reach the topic, and Lambda has refused to create or update such a " +
        'function ("The provided execution role does not have permissions"); allow sns:Publish on the topic in the ' +
        "role's policies",
    ]);
  });

  it("reads a dead-letter target's type as an own key of its table (a type named like an Object method)", () => {
    const source = yaml(
      "Resources:",
      "  Odd:",
      "    Type: toString",
      ...role("Basic"),
      ...lambdaFunction("Fn", "!GetAtt Basic.Arn", "DeadLetterConfig: { TargetArn: !Ref Odd }"),
    );
    expect(lint(source, { only: ["W3911"] })).toEqual([]);
  });

  it("reads a SAM function's Tracing from Globals and its DeadLetterQueue, and leaves a function without Role to SAM", () => {
    const source = yaml(
      ...samGlobals("Function", "Tracing: Active"),
      "Resources:",
      "  Topic:",
      "    Type: AWS::SNS::Topic",
      ...role("Basic"),
      ...samFunction(
        "WithRole",
        "Role: !GetAtt Basic.Arn",
        "DeadLetterQueue: { Type: SNS, TargetArn: !Ref Topic }",
      ),
      ...samFunction("Generated", "DeadLetterQueue: { Type: SNS, TargetArn: !Ref Topic }"),
    );
    const findings = lint(source, { only: ["W3911"] });
    expect(located(findings).map((f) => f.split(" ").slice(0, 4).join(" "))).toEqual([
      `W3911 ${lineOf(source, "Tracing: Active")} Function 'WithRole'`,
      `W3911 ${lineOf(source, "Role: !GetAtt Basic.Arn") + 1} Function 'WithRole'`,
    ]);
  });
});

describe("E3921 / W3921 AWS managed policy ARNs", () => {
  it("reports a managed policy at the wrong path, and a name the list does not know, in every form of ARN", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        "  Role:",
        "    Type: AWS::IAM::Role",
        "    Properties:",
        "      AssumeRolePolicyDocument: {Version: '2012-10-17', Statement: []}",
        "      ManagedPolicyArns:",
        "        - arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole",
        "        - !Sub arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole",
        "        - !Join ['', ['arn:', !Ref AWS::Partition, ':iam::aws:policy/AmazonS3ReadOnlyAcess']]",
        "        - arn:aws:iam::123456789012:policy/MyOwnPolicy",
        "        - arn:aws-cn:iam::aws:policy/SomethingChinaHas",
        "        - arn:aws:iam::aws:policy/AWSLambdaFullAccess",
        "        - !Join ['', ['arn:aws-us-gov', ':iam::aws:policy/SomethingGovCloudHas']]",
        "  Fn:",
        "    Type: AWS::Serverless::Function",
        "    Properties:",
        "      Runtime: python3.13",
        "      Handler: app.handler",
        "      InlineCode: x",
        "      Policies: arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess",
      ),
      { only: ["E3921", "W3921"] },
    );
    expect(brief(findings)).toEqual(["E3921 8:11", "W3921 10:11", "E3921 13:11"]);
    expect(findings.map((f) => f.message)).toEqual([
      "ManagedPolicyArns of Role names the AWS managed policy AWSLambdaBasicExecutionRole at " +
        "'policy/AWSLambdaBasicExecutionRole', where IAM has no such policy, so the stack fails; AWS keeps it at " +
        "'policy/service-role/AWSLambdaBasicExecutionRole': write " +
        "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
      "ManagedPolicyArns of Role names 'policy/AmazonS3ReadOnlyAcess', which is not an AWS managed policy the list " +
        "of this release knows (did you mean 'policy/AmazonS3ReadOnlyAccess'?); IAM refuses a policy that does not " +
        "exist (one AWS added since is fine)",
      "ManagedPolicyArns of Role names AWSLambdaFullAccess, the AWS managed policy AWS deprecated for " +
        "AWSLambda_FullAccess, and IAM attaches a deprecated policy to no new role, user or group, so the stack " +
        "fails; use AWSLambda_FullAccess",
    ]);
    expect(findings.map((f) => f.severity)).toEqual(["error", "warning", "error"]);
  });

  it("looks up a policy SAM Policies name alone on any path, as SAM does, and warns of a name the list lacks", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        ...samFunction(
          "Fn",
          "Policies:",
          "  - AWSLambdaBasicExecutionRole",
          "  - AWSLambdaReadOnlyAccess",
          "  - AmazonDynamoDBReadOnlyAcess",
          "  - DynamoDBReadPolicy: {TableName: t}",
          "  - arn:aws:iam::123456789012:policy/Mine",
          "  - !Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:policy/Mine",
        ),
        "  Machine:",
        "    Type: AWS::Serverless::StateMachine",
        "    Properties:",
        "      Definition: {StartAt: A, States: {A: {Type: Succeed}}}",
        "      Policies: AWSStepFunctionsReadOnlyAccess",
        // With its own Role, SAM ignores the function's Policies: nothing reaches IAM.
        ...samFunction("WithRole", "Role: arn:aws:iam::123456789012:role/r", "Policies: [LambdaExecRole]"),
      ),
      { only: ["E3921", "W3921"] },
    );
    // The deprecated AWSLambdaReadOnlyAccess, which IAM no longer attaches (an error: the list has its
    // successor AWSLambda_ReadOnlyAccess), and a typo (a warning: AWS may have added the policy).
    expect(brief(findings)).toEqual(["E3921 11:11", "W3921 12:11"]);
    expect(findings[0].message).toBe(
      "Policies of Fn names AWSLambdaReadOnlyAccess, the AWS managed policy AWS deprecated for " +
        "AWSLambda_ReadOnlyAccess, and IAM attaches a deprecated policy to no new role, user or group, so the stack " +
        "fails; use AWSLambda_ReadOnlyAccess",
    );
    expect(findings[1].message).toBe(
      "Policies of Fn names 'AmazonDynamoDBReadOnlyAcess', which is not an AWS managed policy the list of this " +
        "release knows (did you mean 'AmazonDynamoDBReadOnlyAccess'?); SAM passes a name it does not find to IAM as " +
        "an ARN, which IAM refuses (a policy AWS added since is fine)",
    );
  });

  it("reports a SAM policy name that is an AWS managed policy's in another case as an error", () => {
    // SAM's lookup is exact, so the name goes to IAM as an ARN; IAM keeps names unique without case,
    // so no policy AWS adds later can take it. cfn-lint 1.51 reports it after its transform (E3031).
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        ...samFunction(
          "Fn",
          "Policies:",
          "  - AWSLAMBDABASICEXECUTIONROLE",
          "  - AWSLambdaBasicExecutionRole",
        ),
      ),
      { only: ["E3921", "W3921"] },
    );
    expect(located(findings)).toEqual([
      "E3921 10 Policies of Fn names 'AWSLAMBDABASICEXECUTIONROLE', which is the AWS managed policy " +
        "AWSLambdaBasicExecutionRole in another case: SAM looks names up exactly and passes this one to IAM as an " +
        "ARN, which IAM refuses; write AWSLambdaBasicExecutionRole",
    ]);
  });

  it("reads the list of managed policies that source.json counts, with the paths AWS gives them", () => {
    const spec = loadSpec();
    const source = JSON.parse(
      readFileSync(join(process.cwd(), "src/template/spec/data/constraints/source.json"), "utf8"),
    );
    expect(spec.managedPolicies().size).toBe(source.managedPolicies.policies);
    expect(spec.managedPolicies().has("service-role/AWSLambdaBasicExecutionRole")).toBe(true);
    expect(spec.managedPolicies().has("AWSLambdaBasicExecutionRole")).toBe(false);
  });
});
