/** W1001: references to a resource with a Condition from places that exist without it. */
import { describe, expect, it } from "vitest";
import { brief, lint, yaml } from "../lint";

const HEAD = [
  "Parameters:",
  "  Env:",
  "    Type: String",
  "Conditions:",
  "  IsProd: !Equals [!Ref Env, prod]",
  "  IsDev: !Not [Condition: IsProd]",
  "  ProdInUsEast: !And [Condition: IsProd, !Equals [!Ref AWS::Region, us-east-1]]",
  "  SameAsProd: !Equals [!Ref Env, prod]",
  "Resources:",
  "  Bucket:",
  "    Type: AWS::S3::Bucket",
  "    Condition: IsProd",
];

describe("W1001 references to conditional resources", () => {
  it("warns of a Ref, GetAtt, ${} and DependsOn from places that exist without the condition", () => {
    const findings = lint(
      yaml(
        ...HEAD,
        "  Queue:",
        "    Type: AWS::SQS::Queue",
        "    DependsOn: [Bucket]",
        "    Properties:",
        "      QueueName: !Ref Bucket",
        "      Tags:",
        "        - Key: bucket",
        "          Value: !Sub 'arn:${AWS::Partition}:s3:::${Bucket}'",
        "        - Key: dev",
        "          Value: !If [IsDev, !GetAtt Bucket.Arn, none]",
        "Outputs:",
        "  BucketArn:",
        "    Value: !GetAtt Bucket.Arn",
      ),
      { only: ["W1001"] },
    );
    expect(brief(findings)).toEqual([
      "W1001 15:17",
      "W1001 17:23",
      "W1001 20:53",
      "W1001 22:38",
      "W1001 25:20",
    ]);
    expect(findings[0].message).toMatch(/^DependsOn to resource 'Bucket'/);
    expect(findings[1].message).toBe(
      "Ref to resource 'Bucket', which exists only when condition IsProd is true, from resource 'Queue', which does " +
        "not depend on it: when IsProd is false the stack fails with unresolved dependencies. Give resource 'Queue' " +
        "Condition: IsProd, or put the reference in Fn::If [IsProd, ...]",
    );
    expect(findings[2].message).toMatch(/^\$\{Bucket\} to resource 'Bucket'/);
    expect(findings[4].message).toContain("from output 'BucketArn'");
  });

  it("knows two conditions written as a comparison and its Fn::Not are each other's opposite", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  KeyName: {Type: String, Default: ''}",
        "Conditions:",
        "  WithKey: !Not [!Equals [!Ref KeyName, '']]",
        "  WithoutKey: !Equals [!Ref KeyName, '']",
        "Resources:",
        "  Keyed:",
        "    Type: AWS::SQS::Queue",
        "    Condition: WithKey",
        "  Keyless:",
        "    Type: AWS::SQS::Queue",
        "    Condition: WithoutKey",
        "  Topic:",
        "    Type: AWS::SNS::Topic",
        "    Properties:",
        "      DisplayName: !If [WithKey, !GetAtt Keyed.QueueName, !GetAtt Keyless.QueueName]",
        "      TopicName: !If [WithoutKey, !GetAtt Keyless.QueueName, !GetAtt Keyed.QueueName]",
        "      KmsMasterKeyId: !If [WithKey, !GetAtt Keyless.QueueName, none]",
      ),
      { only: ["W1001"] },
    );
    // Only the last: Keyless exists where WithKey is false, not in its true branch.
    expect(brief(findings)).toEqual(["W1001 18:45"]);
  });

  it("accepts references under the same condition, an implying one, or the matching Fn::If branch", () => {
    const findings = lint(
      yaml(
        ...HEAD,
        "  Policy:",
        "    Type: AWS::S3::BucketPolicy",
        "    Condition: ProdInUsEast",
        "    Properties:",
        "      Bucket: !Ref Bucket",
        "      PolicyDocument: { Statement: [] }",
        "  Twin:",
        "    Type: AWS::S3::Bucket",
        "    Condition: SameAsProd",
        "    DependsOn: Bucket",
        "  Queue:",
        "    Type: AWS::SQS::Queue",
        "    Properties:",
        "      Tags:",
        "        - Key: prod",
        "          Value: !If [IsProd, !Join ['', [!Ref Bucket, '-x']], none]",
        "        - Key: dev",
        "          Value: !If [IsDev, none, !GetAtt Bucket.Arn]",
        "Outputs:",
        "  BucketName:",
        "    Condition: IsProd",
        "    Value: !Ref Bucket",
      ),
      { only: ["W1001"] },
    );
    expect(findings).toEqual([]);
  });

  it("accepts a place whose condition rules out the negation of the target's", () => {
    const source = (holder: string) =>
      yaml(
        "Parameters:",
        "  Env:",
        "    Type: String",
        "Conditions:",
        "  IsProd: !Equals [!Ref Env, prod]",
        "  NotProd: !Not [Condition: IsProd]",
        "  IsDev: !Equals [dev, !Ref Env]",
        "  InEu: !Equals [!Ref AWS::Region, eu-west-1]",
        "Resources:",
        "  Bucket:",
        "    Type: AWS::S3::Bucket",
        "    Condition: NotProd",
        "  Queue:",
        "    Type: AWS::SQS::Queue",
        `    Condition: ${holder}`,
        "    Properties:",
        "      QueueName: !Ref Bucket",
      );
    // Env equal to dev is Env not equal to prod: IsDev rules IsProd out, so NotProd holds.
    expect(lint(source("IsDev"), { only: ["W1001"] })).toEqual([]);
    // The region says nothing of Env.
    expect(brief(lint(source("InEu"), { only: ["W1001"] }))).toEqual(["W1001 17:23"]);
  });

  it("knows a String parameter of two allowed values equals one where it does not equal the other", () => {
    // As widdix's ecs/service.yaml chooses its target group; cfn-lint 1.51 agrees on both templates.
    const source = (...allowed: string[]) =>
      yaml(
        "Parameters:",
        "  Mode:",
        "    Type: String",
        `    AllowedValues: [${allowed.join(", ")}]`,
        "Conditions:",
        "  ModeCluster: !Equals [!Ref Mode, Cluster]",
        "  ModeService: !Equals [Service, !Ref Mode]",
        "Resources:",
        "  Bucket:",
        "    Type: AWS::S3::Bucket",
        "    Condition: ModeService",
        "  Queue:",
        "    Type: AWS::SQS::Queue",
        "    Properties:",
        "      QueueName: !If [ModeCluster, cluster, !Ref Bucket]",
      );
    expect(lint(source("Cluster", "Service"), { only: ["W1001"] })).toEqual([]);
    // A third value leaves Mode open where it is not Cluster.
    expect(brief(lint(source("Cluster", "Service", "None"), { only: ["W1001"] }))).toEqual(["W1001 15:50"]);
  });

  it("follows a chain of Fn::If to the one allowed value its last branch leaves", () => {
    // As fsxn-observability-integrations' cloudwatch-log-alarm.yaml outputs its alarm's ARN.
    const source = (...allowed: string[]) =>
      yaml(
        "Parameters:",
        "  Kind:",
        "    Type: String",
        `    AllowedValues: [${allowed.join(", ")}]`,
        "Conditions:",
        "  IsA: !Equals [!Ref Kind, a]",
        "  IsB: !Equals [!Ref Kind, b]",
        "  IsC: !Equals [!Ref Kind, c]",
        "Resources:",
        "  Bucket:",
        "    Type: AWS::S3::Bucket",
        "    Condition: IsC",
        "  Queue:",
        "    Type: AWS::SQS::Queue",
        "    Properties:",
        "      QueueName: !If [IsA, a, !If [IsB, b, !Ref Bucket]]",
        "Outputs:",
        "  Kept:",
        "    Value: !If [IsA, a, !If [IsC, !Ref Bucket, other]]",
        "  Missed:",
        "    Value: !If [IsB, !Ref Bucket, other]",
      );
    expect(brief(lint(source("a", "b", "c"), { only: ["W1001"] }))).toEqual(["W1001 21:27"]);
    // A fourth value may reach the last branch without the Bucket.
    expect(brief(lint(source("a", "b", "c", "d"), { only: ["W1001"] }))).toEqual([
      "W1001 16:49",
      "W1001 21:27",
    ]);
  });
});
