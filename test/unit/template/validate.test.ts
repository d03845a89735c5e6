/** The runner in validate.ts: findings in order, and each said once. */
import { describe, expect, it } from "vitest";
import type { Range } from "../../../src/template/model";
import type { Rule } from "../../../src/template/rules/rule";
import { loadSpec } from "../../../src/template/spec/index";
import { validateSource } from "../../../src/template/validate-text";
import { brief, lambdaFunction, lint, yaml } from "./lint";

describe("validateParsed", () => {
  it("says a finding once when a YAML alias puts one node in both branches of a Fn::If", () => {
    // The rule target is one node met through both lists the Fn::If chooses between; W3907 reads
    // each branch and would report it twice at the same place.
    const findings = lint(
      yaml(
        "Conditions:",
        "  Prod: !Equals [!Ref AWS::StackName, prod]",
        "Resources:",
        ...lambdaFunction("Fn"),
        "  Rule:",
        "    Type: AWS::Events::Rule",
        "    Properties:",
        "      ScheduleExpression: rate(1 hour)",
        "      Targets: !If [Prod, [&t {Id: t, Arn: !GetAtt Fn.Arn}], [*t]]",
      ),
    );
    // W1100 tells of the alias itself (*t, 15:63).
    expect(brief(findings)).toEqual(["W3907 15:44", "W1100 15:63"]);
  });

  it("reports a YAML syntax error alone: the rules do not run on the tree the parser guessed", () => {
    // The open quote swallows the lines after it into the bucket's name, which the recovered tree
    // would have E3031 judge as a bucket name (as it did); the JSON reader already stops here.
    const findings = lint(
      yaml(
        "Resources:",
        "  Bucket:",
        "    Type: AWS::S3::Bucket",
        "    Properties:",
        '      BucketName: "abc',
        "  Queue:",
        "    Type: AWS::SQS::Queue",
      ),
    );
    expect(brief(findings)).toEqual(["E0000 8:1"]);
    const indented = lint(
      yaml(
        "Resources:",
        "  Bucket:",
        "    Type: AWS::S3::Bucket",
        "    Properties:",
        "      BucketName: abc",
        "     Tags: []",
      ),
    );
    expect(brief(indented)).toEqual(["E0000 6:1"]);
  });

  it("still runs the rules after a problem the reader recovers from exactly (a duplicate key)", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Bucket:",
        "    Type: AWS::S3::Bucket",
        "    Type: AWS::S3::Bucket",
        "    Propertes: {}",
      ),
    );
    expect(brief(findings)).toEqual(["E0000 3:5", "E0000 4:5", "E3001 5:5"]);
  });

  it("judges the last value of a repeated key, which CloudFormation deploys", () => {
    // The first Parameters is empty (its entries commented out), the second declares Email.
    const findings = lint(
      yaml(
        "Parameters:",
        "Parameters:",
        "  Email:",
        "    Type: String",
        "Resources:",
        "  Topic:",
        "    Type: AWS::SNS::Topic",
        "    Properties:",
        "      DisplayName: !Ref Email",
      ),
    );
    expect(brief(findings)).toEqual(["E0000 1:1", "E0000 2:1"]);
  });

  it("keeps findings of one rule at one place that say different things", () => {
    const findings = lint(
      yaml("Resources:", "  Policy:", "    Type: AWS::SQS::QueuePolicy", "    Properties: {}"),
    );
    expect(brief(findings)).toEqual(["E3003 4:5", "E3003 4:5"]);
    expect(findings[0].message).not.toBe(findings[1].message);
  });

  it("drops a repeat that sorting does not put next to its first (another end between them)", () => {
    // Three findings start at 2:3 with one rule and message: the first and last are the same
    // finding; the second ends elsewhere and is kept. Sorted by start, rule and message, the
    // second may stand between the other two.
    const short: Range = { start: { line: 2, column: 3 }, end: { line: 2, column: 6 } };
    const long: Range = { start: { line: 2, column: 3 }, end: { line: 3, column: 1 } };
    const rule: Rule = {
      id: "X0001",
      severity: "error",
      shortDescription: "test",
      description: "test",
      source: "https://example.com",
      tags: [],
      check({ report }) {
        report(short, "same");
        report(long, "same");
        report(short, "same");
      },
    };
    const findings = validateSource(yaml("Resources:", "  A:", "    Type: AWS::SNS::Topic"), "t.yaml", {
      spec: loadSpec(),
      rules: [rule],
    });
    expect(findings.map((f) => `${f.range.end.line}:${f.range.end.column}`).sort()).toEqual(["2:6", "3:1"]);
  });
});
