/** E3024: the tags of taggable resources, SAM resources and SAM Globals. */
import { describe, expect, it } from "vitest";
import { brief, lint, samFunction, yaml } from "../lint";

const FUNCTION_HEAD = [
  "  Fn:",
  "    Type: AWS::Lambda::Function",
  "    Properties:",
  "      Runtime: python3.12",
  "      Handler: app.handler",
  "      Role: arn:aws:iam::123456789012:role/app",
  "      Code: { ZipFile: 'def handler(e, c): pass' }",
  "      Tags:",
];

describe("E3024 tags", () => {
  it("flags a reserved aws: key, an empty or long key, a long value and a key written twice", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Queue:",
        "    Type: AWS::SQS::Queue",
        "    Properties:",
        "      Tags:",
        "        - Key: aws:owner",
        "          Value: platform",
        "        - Key: Team",
        "          Value: payments",
        "        - Key: team",
        "          Value: payments",
        "        - Key: Team",
        "          Value: billing",
        "        - Key: ''",
        "          Value: x",
        `        - Key: ${"k".repeat(129)}`,
        `          Value: ${"v".repeat(257)}`,
        `        - Key: ${"k".repeat(128)}`,
        `          Value: ${"v".repeat(256)}`,
      ),
      { only: ["E3024"] },
    );
    // Line 6 is the first item's Key; its value starts after "        - Key: " (15 characters).
    expect(brief(findings)).toEqual([
      "E3024 6:16",
      "E3024 12:16",
      "E3024 14:16",
      "E3024 16:16",
      "E3024 17:18",
    ]);
    expect(findings.map((finding) => finding.message)).toEqual([
      'Tag key "aws:owner" starts with "aws:", which is reserved for AWS',
      "Tags[3] repeats the key of Tags[1]: each tag key may appear once",
      "A tag key must not be empty",
      "A tag key is at most 128 characters (this one has 129)",
      "A tag value is at most 256 characters (this one has 257)",
    ]);
  });

  it("counts characters, not UTF-16 units, and compares keys given through the same intrinsic", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Queue:",
        "    Type: AWS::SQS::Queue",
        "    Properties:",
        "      Tags:",
        `        - Key: ${"😀".repeat(128)}`,
        "          Value: wide",
        "        - Key: !Ref AWS::StackName",
        "          Value: a",
        "        - Key: !Sub '${AWS::StackName}'",
        "          Value: b",
        "        - Key: !Ref AWS::StackName",
        "          Value: c",
        "        - !If [IsProd, { Key: !Ref AWS::StackName, Value: d }, !Ref AWS::NoValue]",
        "Conditions:",
        "  IsProd: !Equals [!Ref AWS::AccountId, '123456789012']",
      ),
      { only: ["E3024"] },
    );
    expect(brief(findings)).toEqual(["E3024 12:16"]);
    expect(findings[0].message).toBe("Tags[3] repeats the key of Tags[1]: each tag key may appear once");
  });

  it("checks SAM Tags mappings and the Tags of SAM Globals at the key", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Globals:",
        "  Function:",
        "    Tags:",
        "      aws:team: platform",
        "Resources:",
        ...samFunction("Api", "Tags:", "  Service: api", "  aws:cost-center: '42'"),
        "  Parameter:",
        "    Type: AWS::SSM::Parameter",
        "    Properties:",
        "      Type: String",
        "      Value: v",
        "      Tags:",
        "        aws:stage: dev",
      ),
      { only: ["E3024"] },
    );
    expect(brief(findings)).toEqual(["E3024 5:7", "E3024 15:9", "E3024 22:9"]);
    expect(findings[1].message).toBe(
      'Tag key "aws:cost-center" starts with "aws:", which is reserved for AWS',
    );
  });

  it("leaves types the schemas do not mark taggable, and SAM types without the transform, alone", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Project:",
        "    Type: AWS::CodeBuild::Project",
        "    Properties:",
        "      ServiceRole: arn:aws:iam::123456789012:role/build",
        "      Artifacts: { Type: NO_ARTIFACTS }",
        "      Environment: { Type: LINUX_CONTAINER, ComputeType: BUILD_GENERAL1_SMALL, Image: aws/codebuild/standard:7.0 }",
        "      Source: { Type: NO_SOURCE, BuildSpec: 'version: 0.2' }",
        "      Tags:",
        "        - Key: aws:owner",
        "          Value: platform",
        "  Api:",
        "    Type: AWS::Serverless::Function",
        "    Properties:",
        "      Tags:",
        "        aws:team: platform",
      ),
      { only: ["E3024"] },
    );
    expect(findings).toEqual([]);
  });

  it("leaves a key to the type's own pattern (E3031) or length (E3033) and a repeated item to E3037", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Connector:",
        "    Type: AWS::AppRunner::VpcConnector",
        "    Properties:",
        "      Subnets: [subnet-12345678]",
        "      Tags:",
        "        - Key: aws:owner",
        "          Value: platform",
        "  Fn2:",
        ...FUNCTION_HEAD.slice(1),
        "        - Key: Team",
        "          Value: payments",
        "        - Key: Team",
        "          Value: payments",
        "        - Key: ''",
        "          Value: x",
      ),
      { only: ["E3024", "E3031", "E3033", "E3037"] },
    );
    expect(findings.map((finding) => `${finding.ruleId} ${finding.range.start.line}`)).toEqual([
      "E3031 7",
      "E3037 19",
      "E3033 21",
    ]);
  });
});
