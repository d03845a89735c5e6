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

  it("judges the text a Fn::Sub or a Fn::Join makes, with holes where the template cannot know the value", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Period: { Type: Number, Default: 300 }",
        "  Widgets: { Type: String }",
        "Conditions:",
        "  Prod: !Equals [!Ref AWS::AccountId, '123456789012']",
        "Resources:",
        "  Trailing:",
        "    Type: AWS::CloudWatch::Dashboard",
        "    Properties:",
        "      DashboardBody: !Sub |",
        '        {"widgets": [{"type": "metric", "properties": {',
        '          "region": "${AWS::Region}", "period": ${Period},',
        '          "title": "${AWS::StackName} errors",',
        "        }}]}",
        "  Valued:",
        "    Type: AWS::CloudWatch::Dashboard",
        "    Properties:",
        "      DashboardBody: !Sub |",
        '        {"widgets": [{"type": "metric", "properties": {',
        '          "region": "${AWS::Region}", "period": ${Period}, "metrics": [ ${Widgets} ]}}]}',
        "  Members:",
        "    Type: AWS::CloudWatch::Dashboard",
        "    Properties:",
        "      DashboardBody: !Sub '{ ${Widgets} }'",
        "  Joined:",
        "    Type: AWS::CloudWatch::Dashboard",
        "    Properties:",
        '      DashboardBody: !Join [\'\', [\'{"widgets": [{"type": "text" "properties": {"markdown": "\', !Ref AWS::StackName, \'"}}]}\']]',
        "  Chosen:",
        "    Type: AWS::CloudWatch::Dashboard",
        "    Properties:",
        "      DashboardBody: !Sub",
        "        - '{\"widgets\": [${Extra}]}'",
        '        - Extra: !If [Prod, \'{"type": "text", "properties": {"markdown": "prod"}}\', \'\']',
        "  BothBad:",
        "    Type: AWS::CloudWatch::Dashboard",
        "    Properties:",
        "      DashboardBody: !Sub",
        "        - '{\"widgets\": [${Extra}]'",
        "        - Extra: !If [Prod, '1', '2']",
        "  Escaped:",
        "    Type: AWS::CloudWatch::Dashboard",
        "    Properties:",
        '      DashboardBody: !Sub \'{"widgets": [{"type": "text", "properties": {"markdown": "a\\${Escape}b"}}]}\'',
        "  Substituted:",
        "    Type: AWS::StepFunctions::StateMachine",
        "    Properties:",
        "      RoleArn: arn:aws:iam::123456789012:role/machine",
        "      DefinitionSubstitutions: { Timeout: 60, Fn: arn:aws:lambda:eu-west-1:123456789012:function:f }",
        '      DefinitionString: \'{"StartAt": "A", "TimeoutSeconds": ${Timeout}, "States": {"A": {"Type": "Task", "Resource": "${Fn}", "End": true}}}\'',
        "  Unsubstituted:",
        "    Type: AWS::StepFunctions::StateMachine",
        "    Properties:",
        "      RoleArn: arn:aws:iam::123456789012:role/machine",
        '      DefinitionString: \'{"StartAt": "A", "TimeoutSeconds": ${Timeout}, "States": {"A": {"Type": "Pass", "End": true}}}\'',
        "  SubstitutedBad:",
        "    Type: AWS::StepFunctions::StateMachine",
        "    Properties:",
        "      RoleArn: arn:aws:iam::123456789012:role/machine",
        "      DefinitionSubstitutions: { Timeout: 60 }",
        '      DefinitionString: !Sub \'{"StartAt": "A", "TimeoutSeconds": ${!Timeout}, "States": {"A": {"Type": "Pass", "End": true,}}}\'',
      ),
      { only: ["E3948"] },
    );
    expect(brief(findings)).toEqual([
      "E3948 10:22",
      "E3948 28:22",
      "E3948 38:22",
      "E3948 55:25",
      "E3948 61:25",
    ]);
    expect(findings[0].message).toBe(
      "DashboardBody of Trailing is not valid JSON (at line 4 of the text), and the service takes a JSON object " +
        "there, so it refuses the resource",
    );
    expect(findings[1].message).toContain(
      "DashboardBody of Joined is not valid JSON (at line 1 of the text)",
    );
    expect(findings[2].message).toContain("DashboardBody of BothBad is not valid JSON");
    expect(findings[3].message).toContain("DefinitionString of Unsubstituted is not valid JSON");
    expect(findings[4].message).toContain("DefinitionString of SubstitutedBad is not valid JSON");
  });
});
