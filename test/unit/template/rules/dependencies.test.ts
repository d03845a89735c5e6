/** W3005 DependsOn already implied by a reference; W3664 and W3663 Lambda permissions for template resources. */
import { describe, expect, it } from "vitest";
import { brief, lint, yaml } from "../lint";

describe("W3005 DependsOn implied by a reference", () => {
  it("warns of a DependsOn on a resource the Properties already Ref, GetAtt or ${}", () => {
    const findings = lint(
      yaml(
        "Conditions:",
        "  IsProd: !Equals [!Ref AWS::AccountId, '123456789012']",
        "Resources:",
        "  Topic:",
        "    Type: AWS::SNS::Topic",
        "  Queue:",
        "    Type: AWS::SQS::Queue",
        "  Key:",
        "    Type: AWS::KMS::Key",
        "    Properties:",
        "      KeyPolicy: { Statement: [] }",
        "  Subscription:",
        "    Type: AWS::SNS::Subscription",
        "    DependsOn: [Topic, Queue, Key]",
        "    Properties:",
        "      TopicArn: !Ref Topic",
        "      Protocol: sqs",
        "      Endpoint: !GetAtt Queue.Arn",
        "      FilterPolicy: !If [IsProd, { key: [!Ref Key] }, !Ref AWS::NoValue]",
        "  Alarm:",
        "    Type: AWS::SQS::Queue",
        "    DependsOn: Queue",
        "    Properties:",
        "      QueueName: !Sub '${Queue.QueueName}-alarm'",
      ),
      { only: ["W3005"] },
    );
    expect(brief(findings)).toEqual(["W3005 14:17", "W3005 14:24", "W3005 22:16"]);
    expect(findings.map((finding) => finding.message)).toEqual([
      "DependsOn Topic is not needed: the Ref at line 16 already makes Subscription wait for it",
      "DependsOn Queue is not needed: the GetAtt at line 18 already makes Subscription wait for it",
      "DependsOn Queue is not needed: the ${} in Fn::Sub at line 24 already makes Alarm wait for it",
    ]);
  });
});

describe("W3664 and W3663 Lambda permissions", () => {
  const permission = (name: string, principal: string, sourceArn: string, ...more: string[]) => [
    `  ${name}:`,
    "    Type: AWS::Lambda::Permission",
    "    Properties:",
    "      Action: lambda:InvokeFunction",
    "      FunctionName: handler",
    `      Principal: ${principal}`,
    `      SourceArn: ${sourceArn}`,
    ...more.map((line) => `      ${line}`),
  ];

  it("warns of a Principal that is not the service of the SourceArn's resource, and a bucket without SourceAccount", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Rule:",
        "    Type: AWS::Events::Rule",
        "    Properties:",
        "      ScheduleExpression: rate(1 hour)",
        "  Uploads:",
        "    Type: AWS::S3::Bucket",
        ...permission("FromRule", "sns.amazonaws.com", "!GetAtt Rule.Arn"),
        ...permission("FromRuleOk", "events.amazonaws.com", "!GetAtt Rule.Arn"),
        ...permission("FromBucket", "s3.amazonaws.com", "!Sub 'arn:${AWS::Partition}:s3:::${Uploads}'"),
        ...permission(
          "FromBucketOk",
          "s3.amazonaws.com",
          "!GetAtt Uploads.Arn",
          "SourceAccount: !Ref AWS::AccountId",
        ),
        ...permission("FromLiteral", "s3.amazonaws.com", "arn:aws:s3:::some-bucket"),
        ...permission("FromTopic", "sns.amazonaws.com", "arn:aws:sns:us-east-1:123456789012:topic"),
      ),
      { only: ["W3663", "W3664"] },
    );
    // Each permission is 7 lines (8 with SourceAccount) after the first 7; Principal is its 6th, SourceArn its 7th.
    expect(brief(findings)).toEqual(["W3664 13:18", "W3663 28:18", "W3663 43:18"]);
    expect(findings[0].message).toBe(
      "The SourceArn names AWS::Events::Rule 'Rule', whose calls come from events.amazonaws.com, not sns.amazonaws.com: " +
        "make events.amazonaws.com the Principal",
    );
    expect(findings[1].message).toBe(
      "Add SourceAccount: this SourceArn has no account ID (as an S3 bucket's has none), so a resource of that name in " +
        "another account could invoke the function",
    );
  });
});
