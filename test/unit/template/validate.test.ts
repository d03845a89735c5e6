/** The runner in validate.ts: findings in order, and each said once. */
import { describe, expect, it } from "vitest";
import { brief, lint, yaml } from "./lint";

describe("validateParsed", () => {
  it("says a finding once when a YAML alias puts one node in both branches of a Fn::If", () => {
    // The rule target is one node met through both lists the Fn::If chooses between; W3907 reads
    // each branch and would report it twice at the same place.
    const findings = lint(
      yaml(
        "Conditions:",
        "  Prod: !Equals [!Ref AWS::StackName, prod]",
        "Resources:",
        "  Fn:",
        "    Type: AWS::Lambda::Function",
        "    Properties:",
        "      Runtime: python3.12",
        "      Handler: index.handler",
        "      Role: arn:aws:iam::123456789012:role/x",
        "      Code: {ZipFile: x}",
        "  Rule:",
        "    Type: AWS::Events::Rule",
        "    Properties:",
        "      ScheduleExpression: rate(1 hour)",
        "      Targets: !If [Prod, [&t {Id: t, Arn: !GetAtt Fn.Arn}], [*t]]",
      ),
    );
    expect(brief(findings)).toEqual(["W3907 15:44"]);
  });

  it("keeps findings of one rule at one place that say different things", () => {
    const findings = lint(
      yaml("Resources:", "  Policy:", "    Type: AWS::SQS::QueuePolicy", "    Properties: {}"),
    );
    expect(brief(findings)).toEqual(["E3003 4:5", "E3003 4:5"]);
    expect(findings[0].message).not.toBe(findings[1].message);
  });
});
