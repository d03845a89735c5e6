/**
 * W3908: a function in a VPC whose role cannot create network interfaces; W3909: an event source
 * mapping whose function role may not read the source.
 */
import { describe, expect, it } from "vitest";
import { brief, lambdaFunction, lint, yaml } from "../lint";

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
