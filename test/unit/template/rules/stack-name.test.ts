import { describe, expect, it } from "vitest";
import { brief, lint, yaml } from "../lint";

const ONLY = ["E3944", "W1031", "W1032", "W1034", "E3031", "E3033"];

/** A bucket and a function named after the stack, and the same names behind a parameter, a mapping and a condition. */
const template = yaml(
  "Parameters:",
  "  Stage:",
  "    Type: String",
  "    Default: dev",
  "Mappings:",
  "  Names:",
  "    us-east-1: {Suffix: assets}",
  "    eu-west-1: {Suffix: files}",
  "Conditions:",
  "  IsProd: !Equals [!Ref Stage, prod]",
  "Resources:",
  "  Assets:",
  "    Type: AWS::S3::Bucket",
  "    Properties:",
  "      BucketName: !Join ['-', [!Ref AWS::StackName, assets, !Ref AWS::AccountId]]",
  "  Fn:",
  "    Type: AWS::Lambda::Function",
  "    Properties:",
  "      FunctionName: !Ref AWS::StackName",
  "      Runtime: python3.12",
  "      Handler: app.handler",
  "      Role: arn:aws:iam::123456789012:role/x",
  "      Code: {ZipFile: x}",
  "  Staged:",
  "    Type: AWS::S3::Bucket",
  "    Properties:",
  "      BucketName: !Sub ${AWS::StackName}-${Stage}",
  "  Mapped:",
  "    Type: AWS::S3::Bucket",
  "    Properties:",
  "      BucketName: !Sub",
  "        - ${AWS::StackName}-${Suffix}",
  "        - Suffix: !FindInMap [Names, !Ref AWS::Region, Suffix]",
  "  ProdOnly:",
  "    Type: AWS::S3::Bucket",
  "    Properties:",
  "      BucketName: !If [IsProd, !Sub '${AWS::StackName}-prod', !Ref AWS::NoValue]",
  "  Queue:",
  "    Type: AWS::SQS::Queue",
  "  Role:",
  "    Type: AWS::IAM::Role",
  "    Properties:",
  "      RoleName: !Sub ${AWS::StackName}-${Queue.QueueName}",
  "      AssumeRolePolicyDocument:",
  "        Version: '2012-10-17'",
  "        Statement:",
  "          - Effect: Allow",
  "            Principal: {Service: lambda.amazonaws.com}",
  "            Action: sts:AssumeRole",
);

describe("E3944 names built from the stack's name, for the stack being deployed", () => {
  it("is silent when the stack's name is not known, as in a validate run without one", () => {
    expect(lint(template, { only: ONLY })).toEqual([]);
  });

  it("judges the names with the stack's name given; what a deployer or a condition chooses stays a warning", () => {
    const findings = lint(template, { only: ONLY, stackName: "MyApp-pr-12" });
    // Capitals: every bucket named after the stack fails the bucket name pattern.
    expect(brief(findings)).toEqual([
      "E3944 15:19",
      "W1031 27:19",
      "W1031 31:19",
      "W1031 31:19",
      "W1031 37:32",
    ]);
    expect(findings[0].severity).toBe("error");
    expect(findings[0].message).toBe(
      "Fn::Join gives 'MyApp-pr-12-assets-123456789012' (with the stack name 'MyApp-pr-12', AWS::AccountId " +
        "'123456789012'): 'BucketName' of AWS::S3::Bucket must match the pattern ^([a-z0-9][a-z0-9.-]*[a-z0-9])?$",
    );
    expect(findings[1].message).toMatch(
      /^Fn::Sub gives 'MyApp-pr-12-dev' \(with the stack name 'MyApp-pr-12', the Default of parameter 'Stage'\): /,
    );
    expect(findings[2].message).toMatch(
      /^Fn::Sub gives 'MyApp-pr-12-assets' \(with the stack name 'MyApp-pr-12', key /,
    );
    expect(findings[3].message).toMatch(
      /^Fn::Sub gives 'MyApp-pr-12-files' \(with the stack name 'MyApp-pr-12', key /,
    );
    expect(findings[4].severity).toBe("warning");
  });

  it("judges lengths, with text known only at deploy counted at its least", () => {
    const long = `my-service${"-x".repeat(25)}-pr-1234`;
    const findings = lint(template, { only: ["E3944"], stackName: long });
    expect(brief(findings)).toEqual(["E3944 15:19", "E3944 15:19", "E3944 19:21", "E3944 43:17"]);
    expect(findings.map((f) => f.message.replace(/^.*: /, ""))).toEqual([
      "'BucketName' of AWS::S3::Bucket must be an S3 bucket name",
      // The stack's name, "-assets-" and an account id.
      `'BucketName' of AWS::S3::Bucket must be at most 63 characters long, not ${long.length + 20}`,
      `'FunctionName' of AWS::Lambda::Function must be at most 64 characters long, not ${long.length}`,
      "'RoleName' of AWS::IAM::Role must be at most 64 characters long",
    ]);
    // The stack's name and the dash: the queue's name, known at deploy only, counts for nothing.
    expect(findings[3].message).toMatch(
      new RegExp(`^Fn::Sub gives at least ${long.length + 1} characters \\(with the stack name '`),
    );
  });

  it("leaves a resource with a Condition to the warnings, a bare Ref included: a preview may not create it", () => {
    const conditional = yaml(
      "Parameters:",
      "  Stage:",
      "    Type: String",
      "Conditions:",
      "  IsProd: !Equals [!Ref Stage, prod]",
      "Resources:",
      "  Archive:",
      "    Type: AWS::S3::Bucket",
      "    Condition: IsProd",
      "    Properties:",
      "      BucketName: !Sub ${AWS::StackName}-archive",
      "  Fn:",
      "    Type: AWS::Lambda::Function",
      "    Condition: IsProd",
      "    Properties:",
      "      FunctionName: !Ref AWS::StackName",
      "      Runtime: python3.12",
      "      Handler: app.handler",
      "      Role: arn:aws:iam::123456789012:role/x",
      "      Code: {ZipFile: x}",
    );
    const findings = lint(conditional, { only: [...ONLY, "W1030"], stackName: `MyApp${"-x".repeat(40)}` });
    expect(brief(findings)).toEqual(["W1031 11:19", "W1031 11:19", "W1030 16:21"]);
    expect(findings[2].message).toMatch(
      /^Ref gives 'MyApp(-x)+-?\.\.\.' \(with the stack name 'MyApp(-x)+'\): 'FunctionName' of AWS::Lambda::Function must be at most 64 characters long, not 85$/,
    );
  });

  it("finds nothing where the names fit", () => {
    expect(lint(template, { only: ["E3944"], stackName: "myapp-pr-12" })).toEqual([]);
  });
});
