/**
 * Warnings for what deploys but rarely means what it says, or fails for some callers:
 * W1019, W1020, W2010, W2533, W3694, W3701, W4001, W8003.
 */
import { describe, expect, it } from "vitest";
import { brief, lint, located, samFunction, yaml } from "../lint";

describe("W2533 .zip functions", () => {
  it("asks a function deployed from S3 or a CodeUri for its Runtime and Handler, Globals included", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Globals:",
        "  Function:",
        "    Runtime: python3.12",
        "Resources:",
        "  FromS3:",
        "    Type: AWS::Lambda::Function",
        "    Properties:",
        "      Role: arn:aws:iam::123456789012:role/app",
        "      Code: { S3Bucket: code-bucket, S3Key: app.zip }",
        "  Inline:",
        "    Type: AWS::Lambda::Function",
        "    Properties:",
        "      Role: arn:aws:iam::123456789012:role/app",
        "      Code: { ZipFile: 'def handler(e, c): pass' }",
        "  Image:",
        "    Type: AWS::Lambda::Function",
        "    Properties:",
        "      Role: arn:aws:iam::123456789012:role/app",
        "      PackageType: Image",
        "      Code: { ImageUri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1 }",
        "  Sam:",
        "    Type: AWS::Serverless::Function",
        "    Properties:",
        "      CodeUri: src/",
        ...samFunction("Complete"),
      ),
      { only: ["W2533", "E0001"] },
    );
    // The SAM function is an error: the transform refuses it (cfn-lint 1.51 reports E0001 after its
    // transform); Lambda's own functions stay warnings, as in cfn-lint.
    expect(brief(findings)).toEqual(["W2533 10:7", "W2533 15:15", "E0001 25:7"]);
    expect(findings.map((finding) => finding.message)).toEqual([
      "A function deployed from a .zip file needs Runtime and Handler: add them, or deploy a container image with " +
        "PackageType Image",
      "A function deployed from a .zip file needs Handler: add it, or deploy a container image with PackageType Image",
      "The SAM transform refuses Sam: a function deployed from a .zip file needs Handler: add it (or set it in " +
        "Globals.Function), or deploy a container image with PackageType Image",
    ]);
  });
});

describe("E0001 SAM container image settings on a .zip function", () => {
  it("reports ImageUri or ImageConfig without PackageType Image, which the transform refuses", () => {
    // cfn-lint 1.51 reports both after its transform ("Runtime and Handler needs to be present" for
    // the first, which SAM checks before the image settings; "ImageUri or ImageConfig cannot be
    // present when PackageType is of type `Zip`" for the second).
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        "  NoType:",
        "    Type: AWS::Serverless::Function",
        "    Properties:",
        "      ImageUri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1",
        "  ZipConfig:",
        "    Type: AWS::Serverless::Function",
        "    Properties:",
        "      Runtime: python3.13",
        "      Handler: app.handler",
        "      CodeUri: s3://bucket/key.zip",
        "      ImageConfig: { Command: [x] }",
        "  Image:",
        "    Type: AWS::Serverless::Function",
        "    Properties:",
        "      PackageType: Image",
        "      ImageUri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1",
      ),
      { only: ["E0001", "W2533"] },
    );
    expect(located(findings)).toEqual([
      "E0001 6 The SAM transform refuses NoType: ImageUri belongs to a function deployed from a container image, " +
        "and PackageType is Zip by default; set PackageType: Image",
      "E0001 13 The SAM transform refuses ZipConfig: ImageConfig belongs to a function deployed from a container " +
        "image, and PackageType is Zip by default; set PackageType: Image",
    ]);
  });
});

describe("W3694 SNS subscription endpoints", () => {
  it("checks the Endpoint against the Protocol: literal ARNs and URLs, Sub ARNs and GetAtts", () => {
    const subscription = (name: string, protocol: string, endpoint: string) => [
      `  ${name}:`,
      "    Type: AWS::SNS::Subscription",
      "    Properties:",
      "      TopicArn: arn:aws:sns:us-east-1:123456789012:topic",
      `      Protocol: ${protocol}`,
      `      Endpoint: ${endpoint}`,
    ];
    const findings = lint(
      yaml(
        "Resources:",
        "  Queue:",
        "    Type: AWS::SQS::Queue",
        ...subscription("ToLambda", "lambda", "arn:aws:sqs:us-east-1:123456789012:queue"),
        ...subscription("ToQueue", "sqs", "!GetAtt Queue.Arn"),
        ...subscription(
          "ToQueueSub",
          "sqs",
          "!Sub 'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:f'",
        ),
        ...subscription("ToWeb", "https", "http://example.com/hook"),
        ...subscription("ToMail", "email", "ops@example.com"),
        ...subscription("ToFunction", "lambda", "!GetAtt Queue.Arn"),
      ),
      { only: ["W3694"] },
    );
    // Each subscription takes 6 lines after the first 3; the Endpoint is its 6th, its value at column 17.
    expect(brief(findings)).toEqual(["W3694 9:17", "W3694 21:17", "W3694 27:17", "W3694 39:17"]);
    expect(findings.map((finding) => finding.message)).toEqual([
      "The Endpoint of a subscription with Protocol lambda must be a Lambda function ARN",
      "The Endpoint of a subscription with Protocol sqs must be an SQS queue ARN",
      "The Endpoint of a subscription with Protocol https must be an https:// URL",
      "The Endpoint of a subscription with Protocol lambda must be a Lambda function ARN",
    ]);
  });
});

describe("W3701, W2010, W4001, W8003, W1019 and W1020", () => {
  it("warn of reserved SSM names, NoEcho values shown, unknown Interface parameters and constant conditions", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Password:",
        "    Type: String",
        "    NoEcho: true",
        "  Env:",
        "    Type: String",
        "Metadata:",
        "  AWS::CloudFormation::Interface:",
        "    ParameterGroups:",
        "      - Label: { default: Main }",
        "        Parameters: [Env, Enviroment]",
        "    ParameterLabels:",
        "      Pasword: { default: Password }",
        "Conditions:",
        "  Always: !Equals [prod, prod]",
        "  Never: !Equals ['1', '2']",
        "  Same: !Equals [!Ref Env, !Ref Env]",
        "  Real: !Equals [!Ref Env, prod]",
        "Resources:",
        "  Reserved:",
        "    Type: AWS::SSM::Parameter",
        "    Condition: Real",
        "    Metadata:",
        "      Seed: !Ref Password",
        "    Properties:",
        "      Name: /aws/app/seed",
        "      Type: String",
        "      Value: !If [Always, a, !If [Never, b, !If [Same, c, d]]]",
        "  Fine:",
        "    Type: AWS::SSM::Parameter",
        "    Properties:",
        "      Name: /app/aws/seed",
        "      Type: String",
        "      Value: !Sub ['${Env}-${!Literal}', { Env: !Ref Env, Unused: x }]",
        "  Plain:",
        "    Type: AWS::SSM::Parameter",
        "    Properties:",
        "      Type: String",
        "      Value: !Sub plain",
        "Outputs:",
        "  Leak:",
        "    Value: !Sub 'pw=${Password}'",
      ),
      { only: ["W3701", "W2010", "W4001", "W8003", "W1019", "W1020"] },
    );
    expect(brief(findings)).toEqual([
      "W4001 11:27",
      "W4001 13:7",
      "W8003 15:11",
      "W8003 16:10",
      "W8003 17:9",
      "W2010 24:18",
      "W3701 26:13",
      "W1019 34:59",
      "W1020 39:19",
      "W2010 42:23",
    ]);
    expect(findings[0].message).toBe(
      "A parameter group of AWS::CloudFormation::Interface names parameter 'Enviroment', which the template does " +
        "not declare",
    );
    expect(findings[1].message).toBe(
      "ParameterLabels of AWS::CloudFormation::Interface names parameter 'Pasword', which the template does not " +
        "declare (did you mean 'Password'?)",
    );
    expect(findings[2].message).toBe(
      "Fn::Equals in condition Always is always true: it compares two fixed values; compare a Ref to a parameter or " +
        "pseudo parameter",
    );
    expect(findings[3].message).toContain("condition Never is always false: it compares two fixed values");
    expect(findings[4].message).toContain(
      "condition Same is always true: it compares an expression with itself",
    );
    expect(findings[5].message).toBe(
      "NoEcho parameter Password is shown in plain text in the Metadata of resource 'Reserved': NoEcho masks it only " +
        "where CloudFormation lists parameters. Leave it out, or keep the secret in Secrets Manager",
    );
    expect(findings[7].message).toBe(
      "Variable Unused of Fn::Sub is never used in its string; remove it or use ${Unused}",
    );
    expect(findings[9].message).toContain("shown in plain text in Outputs");
  });
});

describe("E4001 the structure of AWS::CloudFormation::Interface, a warning here", () => {
  it("warns of keys the console does not read, at each, with the one meant", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Repo: {Type: String}",
        "  Branch: {Type: String}",
        "Metadata:",
        "  AWS::CloudFormation::Interface:",
        "    ParameterGroups:",
        "      - Label: {Default: Source}",
        "        Parameter: [Repo]",
        "    ParameterLabels:",
        "      Repo: {Default: Repository}",
        "      Branch: {default: Branch}",
        "    ParameterOrder: [Repo]",
        "Resources:",
        "  Topic: {Type: AWS::SNS::Topic}",
      ),
      { only: ["E4001"] },
    );
    // cfn-lint 1.51 reports the same four, as errors.
    expect(brief(findings)).toEqual(["E4001 7:17", "E4001 8:9", "E4001 10:14", "E4001 12:5"]);
    expect(findings.every((f) => f.severity === "warning")).toBe(true);
    expect(findings[2].message).toBe(
      "The label of parameter 'Repo' in ParameterLabels of AWS::CloudFormation::Interface has 'Default', which the " +
        "console does not read; it reads default (did you mean 'default'?)",
    );
  });

  it("warns of a part of the wrong kind: groups not a list, a group not a mapping, Parameters not a list", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Repo: {Type: String}",
        "Metadata:",
        "  AWS::CloudFormation::Interface:",
        "    ParameterGroups:",
        "      - Source",
        "      - {Label: {default: Main}, Parameters: Repo}",
        "    ParameterLabels: [Repo]",
        "Resources:",
        "  Topic: {Type: AWS::SNS::Topic}",
      ),
      { only: ["E4001"] },
    );
    expect(findings.map((f) => `${brief([f])[0]} ${f.message}`)).toEqual([
      "E4001 6:9 The parameter group 1 of AWS::CloudFormation::Interface must be a mapping of Label and Parameters",
      "E4001 7:46 Parameters of parameter group 2 of AWS::CloudFormation::Interface must be a list of parameter names",
      "E4001 8:22 ParameterLabels of AWS::CloudFormation::Interface must be a mapping of parameter names to labels",
    ]);
  });

  it("leaves alone a label written as text, as cfn-lint does, and a template without the key", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Repo: {Type: String}",
        "Metadata:",
        "  AWS::CloudFormation::Interface:",
        "    ParameterGroups:",
        "      - Label: Source",
        "        Parameters: [Repo]",
        "Resources:",
        "  Topic: {Type: AWS::SNS::Topic}",
      ),
      { only: ["E4001"] },
    );
    expect(findings).toEqual([]);
  });
});
