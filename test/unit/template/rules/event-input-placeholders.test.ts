// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the templates under test use CloudFormation's ${} syntax
/**
 * E3982: each `<name>` of an EventBridge input transformer's InputTemplate is a key of its
 * InputPathsMap or a predefined variable. The fixtures were also run through cfn-lint 1.51, which
 * reports none of them.
 */
import { describe, expect, it } from "vitest";
import { brief, lint, yaml } from "../lint";

const check = (...lines: string[]) => lint(yaml(...lines), { only: ["E3982"] });

describe("E3982 input transformer placeholders", () => {
  it("reports placeholders without a key, on rule targets and SAM events, and leaves predefined ones", () => {
    const findings = check(
      "Transform: AWS::Serverless-2016-10-31",
      "Resources:",
      "  Rule:",
      "    Type: AWS::Events::Rule",
      "    Properties:",
      "      EventPattern: { source: [aws.ec2] }",
      "      Targets:",
      "        - Id: typo",
      "          Arn: arn:aws:sns:us-east-1:123456789012:t",
      "          InputTransformer:",
      "            InputPathsMap: { instance: $.detail.instance-id, state: $.detail.state }",
      "            InputTemplate: '\"<instance> is <status> (<state>, <status>)\"'",
      "        - Id: none",
      "          Arn: arn:aws:sns:us-east-1:123456789012:t",
      "          InputTransformer:",
      "            InputTemplate: '\"Rule <aws.events.rule-name> saw <detail> and <id>\"'",
      "        - Id: fine",
      "          Arn: arn:aws:sns:us-east-1:123456789012:t",
      "          InputTransformer:",
      "            InputPathsMap: { instance: $.detail.instance-id }",
      '            InputTemplate: !Sub \'{"stack": "${AWS::StackName}", "instance": <instance>, "event": <aws.events.event>}\'',
      "        - Id: mapped",
      "          Arn: arn:aws:sns:us-east-1:123456789012:t",
      "          InputTransformer:",
      "            InputPathsMap: { instance: $.detail.instance-id }",
      "            InputTemplate: !Sub ['\"<${Word}>\"', { Word: instance }]",
      "  Fn:",
      "    Type: AWS::Serverless::Function",
      "    Properties:",
      "      Runtime: python3.13",
      "      Handler: app.handler",
      "      InlineCode: x",
      "      Events:",
      "        Changes:",
      "          Type: EventBridgeRule",
      "          Properties:",
      "            Pattern: { source: [aws.s3] }",
      "            InputTransformer:",
      "              InputPathsMap: { bucket: $.detail.bucket.name }",
      '              InputTemplate: \'{"bucket": <bucket>, "key": <key>}\'',
    );
    expect(brief(findings)).toEqual(["E3982 12:28", "E3982 16:28", "E3982 40:30"]);
    expect(findings[0].message).toBe(
      "The InputTemplate of Target 'typo' of rule Rule uses <status>, which is not a key of its InputPathsMap nor " +
        'a predefined variable, and EventBridge refuses the target ("contains invalid placeholder"); add it to ' +
        "InputPathsMap with the JSON path to read, or remove the angle brackets",
    );
    expect(findings[1].message).toContain(
      "The InputTemplate of Target 'none' of rule Rule uses <detail>, <id>, which are not in an InputPathsMap (it has none)",
    );
    expect(findings[2].message).toContain(
      "The InputTemplate of Event Changes of Fn uses <key>, which is not a key",
    );
  });
});
