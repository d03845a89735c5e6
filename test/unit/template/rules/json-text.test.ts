/**
 * E3948: properties the service reads as JSON, given text that is not JSON (written out, or a
 * Fn::Sub's text that cannot open a JSON object).
 */
import { describe, expect, it } from "vitest";
import { brief, lint, yaml } from "../lint";

describe("E3948 JSON text", () => {
  it("flags text that is not JSON, or not the JSON object a property takes, and leaves what the deploy fills", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Policy: { Type: String }",
        "Resources:",
        "  Dash:",
        "    Type: AWS::CloudWatch::Dashboard",
        "    Properties:",
        "      DashboardBody: '{\"widgets\": [}'",
        "  Query:",
        "    Type: AWS::CloudWatch::InsightRule",
        "    Properties:",
        "      RuleName: errors",
        "      RuleState: ENABLED",
        "      RuleBody: !Sub |",
        '        fields @timestamp | filter service = "${AWS::StackName}" | stats count()',
        "  Contributors:",
        "    Type: AWS::CloudWatch::InsightRule",
        "    Properties:",
        "      RuleName: contributors",
        "      RuleState: ENABLED",
        '      RuleBody: !Sub \'{"Schema": {"Name": "CloudWatchLogRule", "Version": 1}, "LogGroupNames": ["${AWS::StackName}"]}\'',
        "  Machine:",
        "    Type: AWS::StepFunctions::StateMachine",
        "    Properties:",
        "      RoleArn: arn:aws:iam::123456789012:role/machine",
        '      DefinitionString: \'[{"StartAt": "A"}]\'',
        "  LogPolicy:",
        "    Type: AWS::Logs::ResourcePolicy",
        "    Properties:",
        "      PolicyName: logs",
        "      PolicyDocument: '{{resolve:ssm:/logs/policy}}'",
        "  Rule:",
        "    Type: AWS::Events::Rule",
        "    Properties:",
        '      EventPattern: \'{"source": ["aws.s3"]\'',
        "      Targets:",
        "        - { Id: a, Arn: arn:aws:sqs:eu-west-1:123456789012:q, Input: hello }",
        "        - { Id: b, Arn: arn:aws:sqs:eu-west-1:123456789012:q, Input: '\"hello\"' }",
        "  Mapped:",
        "    Type: AWS::Events::Rule",
        "    Properties:",
        "      EventPattern: { source: [aws.s3] }",
        "  Subscription:",
        "    Type: AWS::SNS::Subscription",
        "    Properties:",
        "      Protocol: sqs",
        "      Endpoint: arn:aws:sqs:eu-west-1:123456789012:q",
        "      TopicArn: arn:aws:sns:eu-west-1:123456789012:t",
        "      FilterPolicy: !Sub '${Policy}'",
      ),
      { only: ["E3948"] },
    );
    expect(brief(findings)).toEqual([
      "E3948 7:22",
      "E3948 13:17",
      "E3948 25:25",
      "E3948 34:21",
      "E3948 36:70",
    ]);
    expect(findings[0].message).toBe(
      "DashboardBody of Dash is not valid JSON, and the service takes a JSON object there, so it refuses the resource",
    );
    expect(findings[1].message).toBe(
      "RuleBody of Query is not a JSON object (it does not open with {), and the service takes a JSON object " +
        "there, so it refuses the resource: a rule is a JSON object of Schema, LogGroupNames and Contribution; a " +
        "Logs Insights query belongs in an AWS::Logs::QueryDefinition",
    );
    expect(findings[2].message).toContain("DefinitionString of Machine is JSON but not an object");
    expect(findings[4].message).toBe(
      "Targets[0].Input of Rule is not valid JSON, and the service takes JSON text there, so it refuses the resource",
    );
  });
});
