import { describe, expect, it } from "vitest";
import { brief, lint } from "./lint";

describe("rule ids a template turns off for itself", () => {
  it("turns nothing off for an empty id, in a list or as text, as cfn-lint does", () => {
    for (const checks of ['[""]', '""', '["", E9]']) {
      const findings = lint(
        [
          "Metadata:",
          "  cfn-lint:",
          "    config:",
          `      ignore_checks: ${checks}`,
          "Resources:",
          "  Bucket:",
          "    Type: AWS::S3::Bucket",
          "    Properties:",
          "      BucketNme: a",
          "",
        ].join("\n"),
        { only: ["E3002"] },
      );
      expect(brief(findings), checks).toEqual(["E3002 9:7"]);
    }
  });

  it("drops a resource's ignored rule inside that resource only", () => {
    const findings = lint(
      [
        "Resources:",
        "  Quiet:",
        "    Type: AWS::S3::Bucket",
        "    Metadata:",
        "      cfn-lint:",
        "        config:",
        "          ignore_checks: [E3002]",
        "    Properties:",
        "      BucketNme: a",
        "  Loud:",
        "    Type: AWS::S3::Bucket",
        "    Properties:",
        "      BucketNme: b",
        "",
      ].join("\n"),
      { only: ["E3002"] },
    );
    expect(brief(findings)).toEqual(["E3002 13:7"]);
  });

  it("drops a finding about the resource that is reported outside it, as W1030 at a parameter's Default", () => {
    const findings = lint(
      [
        "Parameters:",
        "  Vpc: { Type: String, Default: my-vpc }",
        "Resources:",
        "  Quiet:",
        "    Type: AWS::EC2::SecurityGroup",
        "    Metadata:",
        "      cfn-lint: { config: { ignore_checks: [W1030] } }",
        "    Properties: { GroupDescription: quiet, VpcId: !Ref Vpc }",
        "  Loud:",
        "    Type: AWS::EC2::SecurityGroup",
        "    Properties: { GroupDescription: loud, VpcId: !Ref Vpc }",
        "",
      ].join("\n"),
      { only: ["W1030"] },
    );
    expect(findings.map((f) => [f.range.start.line, f.path?.[1]])).toEqual([[2, "Loud"]]);
  });

  it("drops a rule for the whole template from the top-level Metadata, by id prefix", () => {
    const findings = lint(
      [
        "Metadata:",
        "  cfn-lint:",
        "    config:",
        "      ignore_checks:",
        "        - W20",
        "Parameters:",
        "  Unused:",
        "    Type: String",
        "Resources:",
        "  Bucket:",
        "    Type: AWS::S3::Bucket",
        "",
      ].join("\n"),
      { only: ["W2001"] },
    );
    expect(findings).toEqual([]);
  });
});
