// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the templates under test use CloudFormation's ${} syntax
/**
 * E3982: each `<name>` of an EventBridge input transformer's InputTemplate is a key of its
 * InputPathsMap or a predefined variable; E3984: a rule has at most five targets. The fixtures were
 * also run through cfn-lint 1.51, which reports none of them.
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

describe("E3984 targets of one rule", () => {
  const target = (id: string) => `        - { Id: ${id}, Arn: arn:aws:sns:us-east-1:123456789012:${id} }`;
  const rule = (name: string, ...targets: string[]) => [
    `  ${name}:`,
    "    Type: AWS::Events::Rule",
    "    Properties:",
    "      ScheduleExpression: rate(1 hour)",
    "      Targets:",
    ...targets,
  ];

  it("reports six targets, and leaves five with one a Fn::If adds", () => {
    const findings = lint(
      yaml(
        "Conditions:",
        "  Prod: !Equals [!Ref AWS::StackName, prod]",
        "Resources:",
        ...rule("Six", ...["a", "b", "c", "d", "e", "f"].map(target)),
        ...rule(
          "Five",
          ...["a", "b", "c", "d", "e"].map(target),
          "        - !If [Prod, { Id: f, Arn: arn:aws:sns:us-east-1:123456789012:f }, !Ref AWS::NoValue]",
        ),
      ),
      { only: ["E3984"] },
    );
    expect(brief(findings)).toEqual(["E3984 8:7"]);
    expect(findings[0].message).toBe(
      "Rule Six has 6 targets, and EventBridge associates at most 5 with a rule; split them between rules with the " +
        "same pattern or schedule, or send the events to one target that fans out, such as an SNS topic",
    );
  });
});
