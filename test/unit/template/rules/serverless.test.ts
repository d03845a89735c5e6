// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the templates under test use CloudFormation's ${} syntax
/**
 * Serverless rules: deprecated Lambda runtimes (E2531, E2533, W2531; written or given by a function),
 * IAM policy documents (E3510, E3512, E3530), Step Functions definitions (E3601), bucket policy
 * resources (E3514) and public bucket policies that Block Public Access refuses (E3928).
 */
import { describe, expect, it } from "vitest";
import type { Finding } from "../../../../src/template/model";
import type { Rule } from "../../../../src/template/rules/rule";
import { createDeprecatedRuntimeCreateRule } from "../../../../src/template/rules/serverless/deprecated-runtime-create";
import { createDeprecatedRuntimeEolRule } from "../../../../src/template/rules/serverless/deprecated-runtime-eol";
import { createDeprecatedRuntimeUpdateRule } from "../../../../src/template/rules/serverless/deprecated-runtime-update";
import { loadSpec } from "../../../../src/template/spec/index";
import { validateSource } from "../../../../src/template/validate-text";
import { brief, lint, managedPolicy, PROD_OR_DEV, yaml } from "../lint";

const spec = loadSpec();

function runtimeFindings(source: string, day: string): Finding[] {
  const clock = () => Date.parse(`${day}T12:00:00Z`);
  const rules: Rule[] = [
    createDeprecatedRuntimeCreateRule(clock),
    createDeprecatedRuntimeEolRule(clock),
    createDeprecatedRuntimeUpdateRule(clock),
  ];
  return validateSource(source, "template.yaml", { spec, rules });
}

describe("E2533, E2531, W2531 deprecated Lambda runtimes", () => {
  const template = yaml(
    "Transform: AWS::Serverless-2016-10-31",
    "Conditions:",
    "  Old: !Equals [!Ref AWS::Region, us-east-1]",
    "Globals:",
    "  Function:",
    "    Runtime: python3.9",
    "Resources:",
    "  Plain:",
    "    Type: AWS::Lambda::Function",
    "    Properties:",
    "      Runtime: nodejs20.x",
    "      Handler: index.handler",
    "      Role: arn:aws:iam::123456789012:role/r",
    "      Code: { ZipFile: x }",
    "  Current:",
    "    Type: AWS::Lambda::Function",
    "    Properties:",
    "      Runtime: python3.13",
    "      Handler: index.handler",
    "      Role: arn:aws:iam::123456789012:role/r",
    "      Code: { ZipFile: x }",
    "  Sam:",
    "    Type: AWS::Serverless::Function",
    "    Properties:",
    "      Runtime: !If [Old, python3.11, python3.12]",
    "      Handler: index.handler",
    "      InlineCode: x",
    "  Dotnet:",
    "    Type: AWS::Serverless::Function",
    "    Properties:",
    "      Runtime: dotnet8",
    "      Handler: app",
    "      CodeUri: .",
    "  Param:",
    "    Type: AWS::Lambda::Function",
    "    Properties:",
    "      Runtime: !Ref AWS::Region",
    "      Handler: index.handler",
    "      Role: arn:aws:iam::123456789012:role/r",
    "      Code: { ZipFile: x }",
    "  Inherits:",
    "    Type: AWS::Serverless::Function",
    "    Properties:",
    "      Handler: index.handler",
    "      InlineCode: x",
  );

  it("leaves a Globals runtime that no function takes: the transform drops it", () => {
    // A public template of round 14 keeps only a layer beside Globals.Function.Runtime: python3.7.
    const layerOnly = (inherits: boolean) =>
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Globals:",
        "  Function:",
        "    Runtime: python3.7",
        "Resources:",
        "  Layer:",
        "    Type: AWS::Serverless::LayerVersion",
        "    Properties: { ContentUri: s3://bucket/layer.zip, CompatibleRuntimes: [python3.12] }",
        "  Own:",
        "    Type: AWS::Serverless::Function",
        "    Properties: { Runtime: python3.13, Handler: app.handler, InlineCode: x }",
        ...(inherits
          ? [
              "  Takes:",
              "    Type: AWS::Serverless::Function",
              "    Properties: { Handler: app.handler, InlineCode: x }",
            ]
          : []),
      );
    expect(brief(runtimeFindings(layerOnly(false), "2026-12-01"))).toEqual([]);
    expect(brief(runtimeFindings(layerOnly(true), "2026-12-01"))).toEqual(["E2533 4:14"]);
  });

  it("errors on runtimes past their update block date on the clock's day, with dates and successor", () => {
    const findings = runtimeFindings(template, "2027-07-01");
    // python3.11 was deprecated on 2027-06-30 and is blocked from 2027-07-31: only a warning yet.
    expect(brief(findings)).toEqual(["E2533 6:14", "E2533 11:16", "W2531 25:26", "E2533 31:16"]);
    expect(findings.map((f) => f.severity)).toEqual(["error", "error", "warning", "error"]);
    expect(findings[1].message).toBe(
      "Runtime nodejs20.x was deprecated on 2026-04-30; Lambda blocks creating functions with it from 2027-02-01 " +
        "and updating them from 2027-03-03. Functions with it can no longer be created or updated. Move to nodejs24.x.",
    );
    expect(findings[0].path).toEqual(["Globals", "Function", "Runtime"]);
  });

  it("moves a runtime from warning to create block to update block as the days pass", () => {
    const dotnet = (day: string) =>
      brief(runtimeFindings(template, day)).filter((line) => line.endsWith(" 31:16"));
    expect(dotnet("2026-11-09")).toEqual([]);
    expect(dotnet("2026-11-10")).toEqual(["W2531 31:16"]);
    expect(dotnet("2027-01-31")).toEqual(["W2531 31:16"]);
    expect(dotnet("2027-02-01")).toEqual(["E2531 31:16"]);
    expect(dotnet("2027-03-03")).toEqual(["E2533 31:16"]);
    expect(runtimeFindings(template, "2027-02-01").find((f) => f.range.start.line === 31)?.message).toBe(
      "Runtime dotnet8 was deprecated on 2026-11-10; Lambda blocks creating functions with it from 2027-02-01 " +
        "and updating them from 2027-03-03. Functions with it can no longer be created, so a new stack that uses " +
        "it fails. Move to dotnet10.",
    );
  });

  it("keeps the block dates AWS moved in 2026: no error on python3.9, nodejs20.x, python3.11 or dotnet8 in December 2026", () => {
    expect(brief(runtimeFindings(template, "2026-12-07"))).toEqual([
      "W2531 6:14",
      "W2531 11:16",
      "W2531 31:16",
    ]);
  });

  it("reports nothing before any deprecation date", () => {
    expect(runtimeFindings(template, "2020-01-01")).toEqual([]);
  });

  it("judges the runtimes a parameter, a mapping or a Fn::Join gives, as warnings where a choice gives them", () => {
    const fn = (name: string, runtime: string) => [
      `  ${name}:`,
      "    Type: AWS::Lambda::Function",
      "    Properties:",
      `      Runtime: ${runtime}`,
      "      Handler: index.handler",
      "      Role: arn:aws:iam::123456789012:role/r",
      "      Code: { ZipFile: x }",
    ];
    const findings = runtimeFindings(
      yaml(
        "Parameters:",
        "  Runtime: { Type: String, Default: nodejs20.x, AllowedValues: [nodejs20.x, nodejs24.x] }",
        "Conditions:",
        "  Old: !Equals [!Ref AWS::Region, us-east-1]",
        "Mappings:",
        "  Runtimes:",
        "    python: { Old: python3.6, New: python3.13 }",
        "Resources:",
        ...fn("FromParameter", "!Ref Runtime"),
        ...fn("FromMapping", "!FindInMap [Runtimes, python, Old]"),
        ...fn("Joined", "!Join ['', [nodejs, 20.x]]"),
        ...fn("Current", "!FindInMap [Runtimes, python, New]"),
        ...fn("Guarded", "!If [Old, !Ref Runtime, nodejs24.x]"),
        ...fn("Versioned", "!Sub ['python${V}', {V: !If [Old, '3.7', '3.13']}]"),
      ),
      "2027-03-10",
    );
    // The parameter under the Fn::If is not judged: the condition may rule its default out.
    expect(
      findings.map((f) => `${f.ruleId} ${f.severity} ${f.range.start.line}:${f.range.start.column}`),
    ).toEqual(["E2533 warning 12:16", "E2533 error 19:16", "E2533 error 26:16", "E2533 warning 47:16"]);
    expect(findings.map((f) => f.message.slice(0, f.message.indexOf(": ") + 1))).toEqual([
      "Ref gives 'nodejs20.x' (with the Default of parameter 'Runtime'):",
      "Fn::FindInMap gives 'python3.6':",
      "Fn::Join gives 'nodejs20.x':",
      "Fn::Sub gives 'python3.7' (with condition 'Old' true):",
    ]);
  });

  it("reports a runtime a Region's mapping entry gives once, however many Regions give it", () => {
    const findings = runtimeFindings(
      yaml(
        "Mappings:",
        "  LatestNodeRuntimeMap:",
        "    us-east-1: { value: nodejs20.x }",
        "    eu-west-1: { value: nodejs20.x }",
        "    ap-south-1: { value: nodejs20.x }",
        "    us-gov-west-1: { value: nodejs18.x }",
        "    cn-north-1: { value: nodejs24.x }",
        "Resources:",
        "  Provider:",
        "    Type: AWS::Lambda::Function",
        "    Properties:",
        "      Runtime: !FindInMap [LatestNodeRuntimeMap, !Ref AWS::Region, value]",
        "      Handler: index.handler",
        "      Role: arn:aws:iam::123456789012:role/r",
        "      Code: { ZipFile: x }",
      ),
      "2027-03-10",
    );
    expect(
      findings.map((f) => `${f.ruleId} ${f.severity} ${f.message.slice(0, f.message.indexOf(": ") + 1)}`),
    ).toEqual([
      "E2533 warning Fn::FindInMap gives 'nodejs18.x' (with key 'us-gov-west-1' of mapping 'LatestNodeRuntimeMap'):",
      "E2533 warning Fn::FindInMap gives 'nodejs20.x' (with key 'us-east-1' of mapping 'LatestNodeRuntimeMap'; also with 2 other choices):",
    ]);
  });
});

describe("E3510 identity policies", () => {
  it("fails a statement whose Effect is allow", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Policy:",
        "    Type: AWS::IAM::Policy",
        "    Properties:",
        "      PolicyName: p",
        "      Roles: [r]",
        "      PolicyDocument:",
        "        Version: '2012-10-17'",
        "        Statement:",
        "          - Effect: allow",
        "            Action: s3:GetObject",
        "            Resource: '*'",
      ),
      { only: ["E3510"] },
    );
    expect(brief(findings)).toEqual(["E3510 10:21"]);
    expect(findings[0].message).toBe("Effect must be exactly Allow or Deny (the value is case-sensitive)");
    expect(findings[0].path).toEqual(["Resources", "Policy", "Properties", "PolicyDocument"]);
  });

  it("judges each Effect and Action a Fn::If chooses, where the policy may be made with it", () => {
    const findings = lint(
      yaml(
        ...PROD_OR_DEV,
        "Resources:",
        ...managedPolicy("Policy"),
        "          - Effect: !If [IsProd, Allow, allow]",
        "            Action: !If [IsProd, [s3:GetObject, 7], s3:GetObject]",
        "            Resource: [!If [IsProd, 'arn:aws:s3:::b/*', 'b/*'], !Ref AWS::NoValue]",
        ...managedPolicy("DevPolicy", "IsDev"),
        "          - Effect: !If [IsProd, deny, Deny]",
        "            Action: s3:GetObject",
        "            Resource: !If [IsProd, 'b/*', !Sub 'arn:${AWS::Partition}:s3:::b/*']",
      ),
      { only: ["E3510", "E3031"] },
    );
    // DevPolicy exists only where IsProd is false: its first branches are never taken.
    expect(
      findings.map((f) => `${f.ruleId} ${f.range.start.line}:${f.range.start.column} ${f.message}`),
    ).toEqual([
      "E3510 13:41 Effect must be exactly Allow or Deny (the value is case-sensitive)",
      "E3510 14:49 Action must be a string or a list of strings",
      // The constraint walk judges a Resource a Fn::If chooses, knowing each branch's conditions.
      "E3031 15:57 'PolicyDocument.Statement[0].Resource[0]' of AWS::IAM::ManagedPolicy must be an ARN " +
        "(arn:partition:service:region:account:resource) or *",
    ]);
  });

  it("judges each item of the lists a Fn::If chooses for a Resource, where the policy may be made with it", () => {
    // A parameter's name written where its Ref was meant, in the branch that takes an existing bucket.
    const findings = lint(
      yaml(
        ...PROD_OR_DEV,
        "Resources:",
        ...managedPolicy("Policy"),
        "          - Effect: Allow",
        "            Action: s3:GetObject",
        "            Resource: !If [IsProd, ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'], [Stage, 'b/*']]",
        ...managedPolicy("DevPolicy", "IsDev"),
        "          - Effect: Allow",
        "            Action: s3:GetObject",
        "            Resource: !If [IsProd, [b], ['arn:aws:s3:::b']]",
      ),
      { only: ["E3510", "E3031"] },
    );
    // DevPolicy exists only where IsProd is false: its first branch is never taken.
    expect(
      findings.map((f) => `${f.ruleId} ${f.range.start.line}:${f.range.start.column} ${f.message}`),
    ).toEqual([
      "E3031 15:77 'PolicyDocument.Statement[0].Resource[0]' of AWS::IAM::ManagedPolicy must be an ARN " +
        "(arn:partition:service:region:account:resource) or *",
      "E3031 15:84 'PolicyDocument.Statement[0].Resource[1]' of AWS::IAM::ManagedPolicy must be an ARN " +
        "(arn:partition:service:region:account:resource) or *",
    ]);
  });

  it("checks structure, Action/NotAction, Resource/NotResource, Principal, Sid and condition operators", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Role:",
        "    Type: AWS::IAM::Role",
        "    Properties:",
        "      AssumeRolePolicyDocument:",
        "        Statement:",
        "          - Effect: Allow",
        "            Principal: { Service: lambda.amazonaws.com }",
        "            Action: sts:AssumeRole",
        "      Policies:",
        "        - PolicyName: inline",
        "          PolicyDocument:",
        "            Version: '2012-10-18'",
        "            Statement:",
        "              - Sid: Read Objects",
        "                Effect: Allow",
        "                Action: s3:GetObject",
        "                NotAction: s3:PutObject",
        "                Resource: my-bucket/*",
        "              - Effect: Deny",
        "                Principal: '*'",
        "                Action: []",
        "                Condition:",
        "                  StringEqual: { aws:PrincipalTag/team: a }",
        "                  ForAnyValue:StringLikeIfExists: { aws:TagKeys: [a, b] }",
        "                  'Null': { aws:TokenIssueTime: 'true' }",
        "                  NumericLessThanEquals: { aws:MultiFactorAuthAge: 3600 }",
        "                Resource: !Sub arn:${AWS::Partition}:s3:::b/*",
        "              - Effect: Allow",
        "                Actions: s3:ListBucket",
        "  Managed:",
        "    Type: AWS::IAM::ManagedPolicy",
        "    Properties:",
        "      PolicyDocument: {}",
      ),
      { only: ["E3510"] },
    );
    expect(brief(findings)).toEqual([
      "E3510 13:22",
      "E3510 15:22",
      "E3510 18:17",
      "E3510 19:27",
      "E3510 21:17",
      "E3510 22:25",
      "E3510 24:19",
      "E3510 29:17",
      "E3510 29:17",
      "E3510 30:17",
      "E3510 34:7",
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      "Version must be 2012-10-17 or 2008-10-17",
      "Sid of an identity policy may contain only letters and digits",
      "A statement takes Action or NotAction, not both",
      "Resource must be an ARN (arn:partition:service:region:account:resource) or *",
      "Principal is not allowed in an identity policy: it applies to the user, group or role it is attached to",
      "Action must not be an empty list",
      "Unknown condition operator 'StringEqual'; use an IAM operator such as StringEquals, ArnLike, Bool or Null, " +
        "optionally with an IfExists suffix or a ForAnyValue:/ForAllValues: prefix",
      "Statement 3 needs Action or NotAction",
      "Statement 3 needs Resource or NotResource",
      "Unknown statement element 'Actions'; allowed: Sid, Effect, Principal, NotPrincipal, Action, NotAction, " +
        "Resource, NotResource, Condition",
      "The policy document has no Statement",
    ]);
  });

  it("reads a policy given as a JSON string and reports at the string", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Policy:",
        "    Type: AWS::IAM::ManagedPolicy",
        "    Properties:",
        '      PolicyDocument: \'{"Version": "2012-10-17", "Statement": {"Effect": "allow", "Action": "s3:*", "Resource": "*"}}\'',
      ),
      { only: ["E3510"] },
    );
    expect(brief(findings)).toEqual(["E3510 5:23"]);
    expect(findings[0].range.end).toEqual({ line: 5, column: 119 });
  });

  it("checks SAM inline documents but not policy templates, names, or values built with intrinsics", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Conditions:",
        "  Prod: !Equals [!Ref AWS::Region, us-east-1]",
        "Resources:",
        "  Fn:",
        "    Type: AWS::Serverless::Function",
        "    Properties:",
        "      Handler: index.handler",
        "      Runtime: python3.13",
        "      InlineCode: x",
        "      Policies:",
        "        - AWSLambdaBasicExecutionRole",
        "        - S3ReadPolicy: { BucketName: b }",
        "        - Statement:",
        "            - Effect: Permit",
        "              Action: sqs:SendMessage",
        "              Resource: '*'",
        "  Dynamic:",
        "    Type: AWS::IAM::Policy",
        "    Properties:",
        "      PolicyName: p",
        "      Roles: [r]",
        "      PolicyDocument: !Sub '{\"Statement\": []}'",
        "  Conditional:",
        "    Type: AWS::IAM::Policy",
        "    Properties:",
        "      PolicyName: p",
        "      Roles: [r]",
        "      PolicyDocument:",
        "        Version: '2012-10-17'",
        "        Statement:",
        "          - !If [Prod, { Effect: nope }, !Ref AWS::NoValue]",
        "          - Effect: !If [Prod, Allow, Deny]",
        "            Action: !Ref AWS::NoValue",
        "            Resource: !GetAtt Fn.Arn",
      ),
      { only: ["E3510"] },
    );
    expect(brief(findings)).toEqual(["E3510 15:23"]);
    expect(findings[0].path).toEqual(["Resources", "Fn", "Properties", "Policies", 2]);
  });
});

describe("documents with Fn::ForEach", () => {
  it("are skipped: their keys exist only after the language extensions expand them", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::LanguageExtensions",
        "Resources:",
        "  Policy:",
        "    Type: AWS::IAM::ManagedPolicy",
        "    Properties:",
        "      PolicyDocument:",
        "        Version: '2012-10-17'",
        "        Fn::ForEach::Statements:",
        "          - Name",
        "          - [Statement]",
        "          - '${Name}': { Effect: Allow, Action: '*', Resource: '*' }",
      ),
      { only: ["E3510"] },
    );
    expect(findings).toEqual([]);
  });
});

describe("statement labels", () => {
  it("number statements by their place in the list, counting those built with intrinsics", () => {
    const findings = lint(
      yaml(
        "Conditions:",
        "  Prod: !Equals [!Ref AWS::Region, us-east-1]",
        "Resources:",
        "  Policy:",
        "    Type: AWS::IAM::Policy",
        "    Properties:",
        "      PolicyName: p",
        "      Roles: [r]",
        "      PolicyDocument:",
        "        Statement:",
        "          - !If [Prod, { Effect: Allow, Action: '*', Resource: '*' }, !Ref AWS::NoValue]",
        "          - Effect: Allow",
        "            Action: s3:GetObject",
        "  Single:",
        "    Type: AWS::IAM::Policy",
        "    Properties:",
        "      PolicyName: p",
        "      Roles: [r]",
        "      PolicyDocument:",
        "        Statement: { Effect: Deny, Resource: '*' }",
      ),
      { only: ["E3510"] },
    );
    expect(findings.map((f) => `${brief([f])[0]} ${f.message}`)).toEqual([
      "E3510 12:13 Statement 2 needs Resource or NotResource",
      "E3510 20:20 The statement needs Action or NotAction",
    ]);
  });
});

describe("E3512 resource policies", () => {
  it("requires a Principal, checks its form and unique Sids, and checks Lambda permission principals", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  BucketPolicy:",
        "    Type: AWS::S3::BucketPolicy",
        "    Properties:",
        "      Bucket: b",
        "      PolicyDocument:",
        "        Statement:",
        "          - Sid: Same",
        "            Effect: Allow",
        "            Action: s3:GetObject",
        "            Resource: arn:aws:s3:::b/*",
        "          - Sid: Same",
        "            Effect: Deny",
        "            Principal: { AWS: 123456789012 }",
        "            Action: s3:*",
        "            Resource: arn:aws:s3:::b/*",
        "  QueuePolicy:",
        "    Type: AWS::SQS::QueuePolicy",
        "    Properties:",
        "      Queues: [q]",
        "      PolicyDocument:",
        "        Statement:",
        "          - Sid: Same",
        "            Effect: Allow",
        "            Principal: s3.amazonaws.com",
        "            Action: sqs:SendMessage",
        "            Resource: '*'",
        "          - Sid: Same",
        "            Effect: Allow",
        "            Principal: { Services: [sns.amazonaws.com] }",
        "            Action: sqs:SendMessage",
        "            Resource: '*'",
        "            Condition:",
        "              ArnEquals: { aws:SourceArn: [a, { b: c }] }",
        "  TopicPolicy:",
        "    Type: AWS::SNS::TopicPolicy",
        "    Properties:",
        "      Topics: [t]",
        "      PolicyDocument:",
        "        Version: '2008-10-17'",
        "        Statement:",
        "          Effect: Allow",
        "          Principal: { Service: events.amazonaws.com, AWS: ['*', !Ref AWS::AccountId] }",
        "          Action: sns:Publish",
        "          Resource: '*'",
        "  BadPermission:",
        "    Type: AWS::Lambda::Permission",
        "    Properties:",
        "      FunctionName: f",
        "      Action: lambda:InvokeFunction",
        "      Principal: s3",
        "  GoodPermissions:",
        "    Type: AWS::Lambda::Permission",
        "    Properties:",
        "      FunctionName: f",
        "      Action: lambda:InvokeFunction",
        "      Principal: apigateway.amazonaws.com",
        "  AccountPermission:",
        "    Type: AWS::Lambda::Permission",
        "    Properties:",
        "      FunctionName: f",
        "      Action: lambda:InvokeFunction",
        "      Principal: '123456789012'",
      ),
      { only: ["E3512"] },
    );
    expect(brief(findings)).toEqual([
      "E3512 8:13",
      "E3512 25:24",
      "E3512 28:18",
      "E3512 30:26",
      "E3512 34:47",
      "E3512 51:18",
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      "Statement 1 needs Principal or NotPrincipal",
      "Principal must be '*' or a mapping of AWS, Service, Federated, CanonicalUser to a string or a list of strings",
      "Sid must be unique within the policy; another statement already uses it",
      "Unknown principal type 'Services'; Principal must be '*' or a mapping of AWS, Service, Federated, " +
        "CanonicalUser to a string or a list of strings",
      "The value of condition key 'aws:SourceArn' must be a string, number, boolean or a list of them",
      "Principal of a Lambda permission must be a service principal such as s3.amazonaws.com, an account ID, an ARN or *",
    ]);
  });
});

describe("E3514 resource policy resources", () => {
  /** A bucket policy `name` for `bucket` with one statement whose Resource is `resource`. */
  const policy = (name: string, bucket: string, resource: string) => [
    `  ${name}:`,
    "    Type: AWS::S3::BucketPolicy",
    "    Properties:",
    `      Bucket: ${bucket}`,
    "      PolicyDocument:",
    "        Statement:",
    "          - Effect: Allow",
    "            Principal: { Service: cloudfront.amazonaws.com }",
    "            Action: s3:GetObject",
    `            Resource: ${resource}`,
  ];

  it("finds * and another bucket's ARN, and accepts the bucket, its objects and what is not written out", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Site:",
        "    Type: AWS::S3::Bucket",
        ...policy("Star", "site-bucket", '"*"'),
        ...policy("Other", "site-bucket", "[arn:aws:s3:::site-bucket/*, arn:aws:s3:::logs-bucket/*]"),
        ...policy("Own", "site-bucket", "[arn:aws:s3:::site-bucket, arn:aws:s3:::site-bucket/*]"),
        ...policy("ByRef", "!Ref Site", "!Sub '${Site.Arn}/*'"),
        ...policy("StarByRef", "!Ref Site", '"*"'),
        "  Queue:",
        "    Type: AWS::SQS::QueuePolicy",
        "    Properties:",
        "      Queues: [https://sqs.eu-west-1.amazonaws.com/123456789012/q]",
        "      PolicyDocument:",
        "        Statement:",
        "          - { Effect: Allow, Principal: '*', Action: sqs:SendMessage, Resource: '*' }",
      ),
      { only: ["E3514"] },
    );
    expect(brief(findings)).toEqual(["E3514 13:23", "E3514 23:52", "E3514 53:23"]);
    expect(findings[0].message).toBe(
      "Resource * in a bucket policy names no bucket, and S3 refuses the policy (Policy has invalid resource); " +
        "write arn:aws:s3:::site-bucket for the bucket or arn:aws:s3:::site-bucket/* for its objects",
    );
    expect(findings[1].message).toBe(
      "Resource arn:aws:s3:::logs-bucket/* names bucket 'logs-bucket', not 'site-bucket', the bucket of this " +
        "policy, and S3 refuses the policy (Policy has invalid resource); write arn:aws:s3:::site-bucket for the " +
        "bucket or arn:aws:s3:::site-bucket/* for its objects",
    );
    expect(findings[2].message).toContain(
      "write the bucket's ARN (!GetAtt Bucket.Arn) or its objects' (!Sub '${Bucket.Arn}/*')",
    );
  });

  it("finds a Resource that is not an ARN or * in bucket, key, topic and queue policies, as cfn-lint does", () => {
    // cfn-lint 1.51 reports E3514 at the same five values (a truncated ARN too); a queue policy's is a warning here.
    const statement = (resource: string) => [
      "        Statement:",
      "          - Effect: Allow",
      "            Principal: { Service: events.amazonaws.com }",
      "            Action: sns:Publish",
      `            Resource: ${resource}`,
    ];
    const findings = lint(
      yaml(
        "Resources:",
        "  Key:",
        "    Type: AWS::KMS::Key",
        "    Properties:",
        "      KeyPolicy:",
        ...statement("[mykey, '*']"),
        "  Topic:",
        "    Type: AWS::SNS::Topic",
        "  TopicPolicy:",
        "    Type: AWS::SNS::TopicPolicy",
        "    Properties:",
        "      Topics: [!Ref Topic]",
        "      PolicyDocument:",
        ...statement("[Topic, !Ref Topic, 'arn:aws:sns:us-east-1:123456789012:t', '${Topic}']"),
        "  QueuePolicy:",
        "    Type: AWS::SQS::QueuePolicy",
        "    Properties:",
        "      Queues: [https://sqs.us-east-1.amazonaws.com/123456789012/q]",
        "      PolicyDocument:",
        ...statement("https://sqs.us-east-1.amazonaws.com/123456789012/q"),
        ...policy("Bucket", "site-bucket", "[site-bucket/*, 'arn:aws:s3']"),
      ),
      { only: ["E3514"] },
    );
    expect(findings.map((f) => `${f.severity} ${f.range.start.line}:${f.range.start.column}`)).toEqual([
      "error 10:24",
      "error 22:24",
      "warning 32:23",
      "error 42:24",
      "error 42:39",
    ]);
    expect(findings[0].message).toBe(
      "Resource mykey is not an ARN (arn:partition:service:region:account:resource) or *, which IAM's policy " +
        "grammar takes there, and the stack fails at Key; a key policy's Resource is * (the key itself)",
    );
    expect(findings[2].message).toContain("(what SQS does with other text is not documented)");
    expect(findings[3].message).toBe(
      "Resource site-bucket/* is not an ARN, and S3 refuses the policy (Policy has invalid resource); " +
        "write arn:aws:s3:::site-bucket for the bucket or arn:aws:s3:::site-bucket/* for its objects",
    );
  });

  it("says to mend Bucket when it is the logical id of the template's bucket, named otherwise", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Site:",
        "    Type: AWS::S3::Bucket",
        "    Properties:",
        "      BucketName: site-bucket",
        ...policy("Policy", "Site", "arn:aws:s3:::site-bucket/*"),
      ),
      { only: ["E3514"] },
    );
    expect(brief(findings)).toEqual(["E3514 15:23"]);
    expect(findings[0].message).toBe(
      "Resource arn:aws:s3:::site-bucket/* names bucket 'site-bucket', not 'Site', the bucket of this policy, and S3 " +
        "refuses the policy (Policy has invalid resource); 'Site' is the logical id of a bucket of this template, " +
        "not its name: write Bucket: !Ref Site, and the bucket's ARN as !GetAtt Site.Arn",
    );
  });
});

describe("E3530 trust policies", () => {
  it("requires a Principal and rejects Resource", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Role:",
        "    Type: AWS::IAM::Role",
        "    Properties:",
        "      AssumeRolePolicyDocument:",
        "        Version: '2012-10-17'",
        "        Statement:",
        "          - Effect: Allow",
        "            Principal: { Federated: arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com }",
        "            Action: sts:AssumeRoleWithWebIdentity",
        "            Condition:",
        "              StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:o/r:*' }",
        "          - Effect: Allow",
        "            Action: sts:AssumeRole",
        "            Resource: '*'",
        "  Good:",
        "    Type: AWS::IAM::Role",
        "    Properties:",
        '      AssumeRolePolicyDocument: \'{"Statement": [{"Effect": "Allow", "Principal": {"Service": ["lambda.amazonaws.com"]}, "Action": "sts:AssumeRole"}]}\'',
      ),
      { only: ["E3530"] },
    );
    expect(brief(findings)).toEqual(["E3530 13:13", "E3530 15:13"]);
    expect(findings.map((f) => f.message)).toEqual([
      "Statement 2 needs Principal or NotPrincipal",
      "Resource is not allowed in a trust policy: the role it belongs to is the resource",
    ]);
  });
});

describe("policies under a Fn::If that gives the whole Properties", () => {
  it("reads the documents of each branch", () => {
    const findings = lint(
      yaml(
        "Conditions:",
        "  Prod: !Equals [!Ref AWS::AccountId, '123456789012']",
        "Resources:",
        "  Role:",
        "    Type: AWS::IAM::Role",
        "    Properties: !If",
        "      - Prod",
        "      - AssumeRolePolicyDocument:",
        "          Statement: [{Effect: Allow, Action: sts:AssumeRole}]",
        "        Policies:",
        "          - PolicyName: p",
        "            PolicyDocument: {Statement: [{Effect: allow, Action: s3:GetObject, Resource: '*'}]}",
        "      - AssumeRolePolicyDocument:",
        "          Statement: [{Effect: Allow, Action: sts:AssumeRole, Principal: {Service: lambda.amazonaws.com}}]",
        "        Policies:",
        "          - PolicyName: p",
        "            PolicyDocument: {Statement: [{Effect: Allow, Action: s3:GetObject}]}",
      ),
      { only: ["E3510", "E3530"] },
    );
    // The first branch's trust statement has no Principal and its Effect is 'allow'; the second's
    // policy statement has no Resource.
    expect(brief(findings)).toEqual(["E3530 9:23", "E3510 12:51", "E3510 17:42"]);
  });
});

describe("policy elements a Fn::If leaves out", () => {
  it("reports a statement's Resource, Action, Principal or Effect that is AWS::NoValue where its place may be", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Topic: { Type: String, Default: '' }",
        "Conditions:",
        "  HasTopic: !Not [!Equals [!Ref Topic, '']]",
        "Resources:",
        "  Q:",
        "    Type: AWS::SQS::Queue",
        "  QueuePolicy:",
        "    Type: AWS::SQS::QueuePolicy",
        "    Properties:",
        "      Queues: [!Ref Q]",
        "      PolicyDocument:",
        "        Statement:",
        "          - Effect: Allow",
        "            Principal: !If [HasTopic, { Service: sns.amazonaws.com }, !Ref AWS::NoValue]",
        "            Action: sqs:SendMessage",
        "            Resource: !GetAtt Q.Arn",
        "  Role:",
        "    Type: AWS::IAM::Role",
        "    Properties:",
        "      AssumeRolePolicyDocument:",
        "        Statement:",
        "          - Effect: !If [HasTopic, !Ref AWS::NoValue, Allow]",
        "            Principal: { Service: lambda.amazonaws.com }",
        "            Action: sts:AssumeRole",
        "      Policies:",
        "        - PolicyName: open",
        "          PolicyDocument:",
        "            Statement:",
        "              - Effect: Allow",
        "                Action: sns:Publish",
        "                Resource: !If [HasTopic, !Ref Topic, !Ref AWS::NoValue]",
        "        - PolicyName: guarded",
        "          PolicyDocument:",
        "            Statement: !If",
        "              - HasTopic",
        "              - - Effect: Allow",
        "                  Action: !If [HasTopic, sns:Publish, !Ref AWS::NoValue]",
        "                  Resource: !If [HasTopic, !Ref Topic, !Ref AWS::NoValue]",
        "              - []",
        "  Guarded:",
        "    Type: AWS::IAM::ManagedPolicy",
        "    Condition: HasTopic",
        "    Properties:",
        "      PolicyDocument:",
        "        Statement:",
        "          - Effect: Allow",
        "            Action: sns:Publish",
        "            Resource: !If [HasTopic, !Ref Topic, !Ref AWS::NoValue]",
      ),
      { only: ["E3510", "E3512", "E3530"] },
    );
    // The statement list under HasTopic and the policy under Condition HasTopic never take their
    // NoValue branches.
    expect(brief(findings)).toEqual(["E3512 15:13", "E3530 23:13", "E3510 32:17"]);
    expect(findings[0].message).toBe(
      "Statement 1 has no Principal where condition HasTopic is false: its Fn::If gives AWS::NoValue there, " +
        "and a statement without it is refused. Give it a value in both branches, or leave the whole statement " +
        "out with the Fn::If instead",
    );
  });
});

describe("E3530 and E3512 AWS principals", () => {
  /** A role trusting `principals` (AWS principals, one a line from line 11), then the lines `more`. */
  const roleTrusting = (principals: string[], ...more: string[]) =>
    yaml(
      "Resources:",
      "  Role:",
      "    Type: AWS::IAM::Role",
      "    Properties:",
      "      AssumeRolePolicyDocument:",
      "        Statement:",
      "          - Effect: Allow",
      "            Action: sts:AssumeRole",
      "            Principal:",
      "              AWS:",
      ...principals.map((principal) => `                - ${principal}`),
      ...more,
    );

  it("reports an account that is not a 12-digit account id, such as a placeholder left in an ARN", () => {
    const findings = lint(
      roleTrusting(
        [
          "arn:aws:iam::XXXXXXX1234:root",
          "'12345678901'",
          "arn:aws:sts::123456789012:assumed-role/admin/me",
          "arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E1",
          "!Sub arn:aws:iam::${AWS::AccountId}:root",
          "arn:aws-us-gov:iam::<account-id>:role/deployer",
          "AROAEXAMPLEUNIQUEID",
        ],
        "  Policy:",
        "    Type: AWS::SQS::QueuePolicy",
        "    Properties:",
        "      Queues: [https://sqs.eu-west-1.amazonaws.com/123456789012/jobs]",
        "      PolicyDocument:",
        "        Statement:",
        "          - Effect: Allow",
        "            Action: sqs:SendMessage",
        "            Resource: '*'",
        "            Principal: { AWS: 'arn:aws:iam::${AccountId}:root' }",
      ),
      { only: ["E3530", "E3512"] },
    );
    expect(brief(findings)).toEqual(["E3530 11:19", "E3530 12:19", "E3530 16:19"]);
    expect(findings[0].message).toBe(
      "An AWS principal names its account by a 12-digit account id, and 'XXXXXXX1234' is not one",
    );
  });

  it("reports a value that is no AWS principal at all, such as a placeholder left for the account", () => {
    // A public cross-account role of round 35; cfn-lint 1.51's E3530 reports it too.
    const findings = lint(
      roleTrusting([
        "<SOURCE AWS ACCOUNT NUMBER>",
        "source-account",
        "'*'",
        "'{{resolve:ssm:LaunchRoleArn:1}}'",
        "AIDAEXAMPLEUNIQUEID",
      ]),
      { only: ["E3530"] },
    );
    expect(brief(findings)).toEqual(["E3530 11:19", "E3530 12:19"]);
    expect(findings[0].message).toBe(
      "An AWS principal is '*', a 12-digit account id, an ARN (of an account, user, role or session) " +
        "or a unique id, and IAM refuses this value as an invalid principal",
    );
  });

  it("reads the principals a Fn::If chooses, where the policy may be made with them", () => {
    const findings = lint(
      roleTrusting(
        ["!If [IsProd, '123456789012', '<dev account>']", "!Ref AWS::NoValue"],
        "          - Effect: Allow",
        "            Action: sts:AssumeRole",
        "            Principal: !If [IsProd, { AWS: '123456789012' }, { AWS: 'arn:aws:iam::XXXXXXX1234:root' }]",
        "  Topic:",
        "    Type: AWS::SNS::TopicPolicy",
        "    Condition: IsDev",
        "    Properties:",
        "      Topics: [arn:aws:sns:eu-west-1:123456789012:t]",
        "      PolicyDocument:",
        "        Statement:",
        "          - Effect: Allow",
        "            Action: sns:Publish",
        "            Resource: '*'",
        "            Principal: { AWS: !If [IsProd, 'arn:aws:iam::XXXXXXX1234:root', '123456789012'] }",
        ...PROD_OR_DEV,
      ),
      { only: ["E3530", "E3512"] },
    );
    // Topic exists only where IsProd is false: its first branch is never taken.
    expect(brief(findings)).toEqual(["E3530 11:48", "E3530 15:69"]);
    expect(findings[1].message).toBe(
      "An AWS principal names its account by a 12-digit account id, and 'XXXXXXX1234' is not one",
    );
  });
});

describe("policy documents the IAM reference shows as valid", () => {
  it("draws no E3510, E3512 or E3530", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Key:",
        "    Type: AWS::KMS::Key",
        "    Properties:",
        "      KeyPolicy:",
        "        Version: '2012-10-17'",
        "        Id: key-default-1",
        "        Statement:",
        "          - Sid: Enable IAM User Permissions",
        "            Effect: Allow",
        "            Principal: { AWS: !Sub 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root' }",
        "            Action: kms:*",
        "            Resource: '*'",
        "          - Sid: Deny others",
        "            Effect: Deny",
        "            NotPrincipal: { AWS: [arn:aws:iam::123456789012:root, '123456789012'] }",
        "            NotAction: [kms:Decrypt]",
        "            NotResource: arn:aws:kms:us-east-1:123456789012:key/abc",
        "            Condition:",
        "              ForAllValues:StringEquals: { aws:TagKeys: [env] }",
        "              BoolIfExists: { aws:MultiFactorAuthPresent: false }",
        "              IpAddress: { aws:SourceIp: 203.0.113.0/24 }",
        "              DateGreaterThan: { aws:CurrentTime: '2020-01-01T00:00:00Z' }",
        "  BucketPolicy:",
        "    Type: AWS::S3::BucketPolicy",
        "    Properties:",
        "      Bucket: b",
        "      PolicyDocument:",
        "        Statement:",
        "          - Effect: Allow",
        "            Principal: { CanonicalUser: 79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be }",
        "            Action: s3:GetObject",
        "            Resource: arn:aws:s3:::b/*",
        "          - Effect: Deny",
        "            Principal: '*'",
        "            Action: 's3:*'",
        "            Resource: [arn:aws:s3:::b, arn:aws:s3:::b/*]",
        "            Condition: { Bool: { aws:SecureTransport: 'false' } }",
        "  Role:",
        "    Type: AWS::IAM::Role",
        "    Properties:",
        "      AssumeRolePolicyDocument:",
        "        Version: 2012-10-17",
        "        Statement:",
        "          - Effect: Allow",
        "            Principal:",
        "              Federated: cognito-identity.amazonaws.com",
        "            Action: [sts:AssumeRoleWithWebIdentity, sts:TagSession]",
        "            Condition:",
        "              StringEquals: { cognito-identity.amazonaws.com:aud: us-east-1:abc }",
        "              ForAnyValue:StringLike: { cognito-identity.amazonaws.com:amr: authenticated }",
        "      ManagedPolicyArns: [arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]",
        "      Policies:",
        "        - PolicyName: logs",
        "          PolicyDocument:",
        "            Statement:",
        "              - Effect: Allow",
        "                Action: [logs:CreateLogStream, logs:PutLogEvents]",
        "                Resource: arn:aws:logs:*:*:*",
        "              - Effect: Allow",
        "                Action: s3:ListBucket",
        "                Resource: !GetAtt Bucket.Arn",
        "                Condition: { StringLike: { s3:prefix: [!Sub '${AWS::StackName}/*'] } }",
        "  Bucket:",
        "    Type: AWS::S3::Bucket",
      ),
      { only: ["E3510", "E3512", "E3530"] },
    );
    expect(findings).toEqual([]);
  });
});

describe("E3601 Step Functions definitions", () => {
  it("finds job-run and callback patterns and activities in EXPRESS state machines", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        "  Express:",
        "    Type: AWS::StepFunctions::StateMachine",
        "    Properties:",
        "      RoleArn: arn:aws:iam::123456789012:role/r",
        "      StateMachineType: EXPRESS",
        "      Definition:",
        "        StartAt: Run",
        "        States:",
        "          Run: { Type: Task, Resource: 'arn:aws:states:::ecs:runTask.sync', Next: Wait }",
        "          Wait: { Type: Task, Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', Next: Work }",
        "          Work: { Type: Task, Resource: 'arn:aws:states:eu-west-1:123456789012:activity:work', Next: Call }",
        "          Call: { Type: Task, Resource: 'arn:aws:states:::lambda:invoke', End: true }",
        "  Standard:",
        "    Type: AWS::StepFunctions::StateMachine",
        "    Properties:",
        "      RoleArn: arn:aws:iam::123456789012:role/r",
        "      Definition:",
        "        StartAt: Run",
        "        States: { Run: { Type: Task, Resource: 'arn:aws:states:::ecs:runTask.sync', End: true } }",
        "  Sam:",
        "    Type: AWS::Serverless::StateMachine",
        "    Properties:",
        "      Type: EXPRESS",
        "      Definition:",
        "        StartAt: Run",
        "        States: { Run: { Type: Task, Resource: 'arn:aws:states:::glue:startJobRun.sync:2', End: true } }",
      ),
      { only: ["E3601"] },
    );
    expect(brief(findings)).toEqual(["E3601 11:40", "E3601 12:41", "E3601 13:41", "E3601 28:48"]);
    expect(findings[0].message).toBe(
      "Resource arn:aws:states:::ecs:runTask.sync uses the job-run (.sync) integration pattern, which EXPRESS state " +
        "machines do not support, and Step Functions refuses the definition; use a STANDARD state machine, or the " +
        "request-response form of the integration",
    );
    expect(findings[1].message).toContain("uses the callback (.waitForTaskToken) integration pattern");
    expect(findings[2].message).toContain("uses activities");
  });

  it("finds Task Resources that are placeholders without a DefinitionSubstitutions entry", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        "  Machine:",
        "    Type: AWS::StepFunctions::StateMachine",
        "    Properties:",
        "      RoleArn: arn:aws:iam::123456789012:role/r",
        "      DefinitionSubstitutions: { WorkerArn: arn:aws:lambda:eu-west-1:123456789012:function:w }",
        "      Definition:",
        "        StartAt: Work",
        "        States:",
        "          Work: { Type: Task, Resource: '${WorkerArn}', Next: Fan }",
        "          Fan:",
        "            Type: Parallel",
        "            End: true",
        "            Branches:",
        "              - StartAt: Notify",
        "                States:",
        "                  Notify: { Type: Task, Resource: '${WorkrArn}', End: true }",
        "  FromString:",
        "    Type: AWS::StepFunctions::StateMachine",
        "    Properties:",
        "      RoleArn: arn:aws:iam::123456789012:role/r",
        '      DefinitionString: \'{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "${Fn}", "End": true}}}\'',
        "  Unknown:",
        "    Type: AWS::StepFunctions::StateMachine",
        "    Properties:",
        "      RoleArn: arn:aws:iam::123456789012:role/r",
        "      DefinitionSubstitutions: !If [Never, { A: x }, { B: y }]",
        "      Definition:",
        "        StartAt: A",
        "        States: { A: { Type: Task, Resource: '${C}', End: true } }",
        "  Sam:",
        "    Type: AWS::Serverless::StateMachine",
        "    Properties:",
        "      Definition:",
        "        StartAt: A",
        "        States: { A: { Type: Task, Resource: '${Fn}', End: true } }",
      ),
      { only: ["E3601"] },
    );
    expect(brief(findings)).toEqual(["E3601 18:51", "E3601 23:25", "E3601 37:46"]);
    expect(findings[0].message).toBe(
      "Resource ${WorkrArn} is a placeholder that DefinitionSubstitutions does not fill in (did you mean " +
        "'WorkerArn'?), so Step Functions gets the text, which is not an ARN; add WorkrArn to DefinitionSubstitutions",
    );
    expect(findings[1].message).toContain("Resource ${Fn} is a placeholder");
  });

  it("checks StartAt, types, Next/End, Choice rules, Catch targets and nested machines at their keys", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Machine:",
        "    Type: AWS::StepFunctions::StateMachine",
        "    Properties:",
        "      RoleArn: arn:aws:iam::123456789012:role/r",
        "      Definition:",
        "        StartAt: First",
        "        States:",
        "          First:",
        "            Type: Task",
        "            Resource: arn:aws:states:::lambda:invoke",
        "            Next: Missing",
        "            Catch:",
        "              - ErrorEquals: [States.ALL]",
        "                Next: Done",
        "              - ErrorEquals: [States.Timeout]",
        "          Choose:",
        "            Type: Choice",
        "            Choices:",
        "              - Variable: $.x",
        "                NumericEquals: 1",
        "                Next: Done",
        "              - And:",
        "                  - { Variable: $.y, IsPresent: true }",
        "                Next: Nowhere",
        "            Default: Gone",
        "          Sleep:",
        "            Type: Wiat",
        "          Loose:",
        "            Type: Pass",
        "          Done:",
        "            Type: Succeed",
        "            End: true",
        "          Both:",
        "            Type: Pass",
        "            Next: Done",
        "            End: true",
        "          Par:",
        "            Type: Parallel",
        "            Branches:",
        "              - StartAt: Inner",
        "                States:",
        "                  Inner:",
        "                    Type: Pass",
        "                    Next: First",
        "            End: true",
        "          Items:",
        "            Type: Map",
        "            End: true",
        "          NoType:",
        "            Next: Done",
      ),
      { only: ["E3601"] },
    );
    expect(brief(findings)).toEqual([
      "E3601 12:19",
      "E3601 16:17",
      "E3601 25:23",
      "E3601 26:22",
      "E3601 28:19",
      "E3601 29:11",
      "E3601 33:13",
      "E3601 37:13",
      "E3601 45:27",
      "E3601 47:11",
      "E3601 50:11",
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      "Next names no state of the States it belongs to",
      "Each Catch entry needs Next: the state to move to after the error",
      "Next of a choice rule names no state of the States it belongs to",
      "Default names no state of the States it belongs to",
      "Type of state 'Sleep' must be one of Pass, Task, Wait, Choice, Succeed, Fail, Parallel, Map",
      "State 'Loose' needs Next (the state that follows) or End: true",
      "A Succeed state ends the execution; it takes no End",
      "State 'Both' has both Next and End; a state either moves on or ends",
      "Next names no state of the States it belongs to",
      "Map state 'Items' needs ItemProcessor (or the older Iterator)",
      "State 'NoType' has no Type; use one of Pass, Task, Wait, Choice, Succeed, Fail, Parallel, Map",
    ]);
  });

  it("accepts JSONata states, distributed maps and fields it does not know", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        "  Machine:",
        "    Type: AWS::Serverless::StateMachine",
        "    Properties:",
        "      DefinitionSubstitutions:",
        "        Target: Done",
        "      Definition:",
        "        QueryLanguage: JSONata",
        "        StartAt: Fetch",
        "        States:",
        "          Fetch:",
        "            Type: Task",
        "            Resource: arn:aws:states:::lambda:invoke",
        "            Arguments: { FunctionName: f, Payload: '{% $states.input %}' }",
        "            Output: '{% $states.result.Payload %}'",
        "            Assign: { count: '{% $states.result.Payload.count %}' }",
        "            Retry: [{ ErrorEquals: [States.ALL], MaxAttempts: 2, JitterStrategy: FULL }]",
        "            Next: Decide",
        "          Decide:",
        "            Type: Choice",
        "            Choices:",
        "              - Condition: '{% $count > 0 %}'",
        "                Next: Each",
        "            Default: ${Target}",
        "          Each:",
        "            Type: Map",
        "            Items: '{% $states.input.items %}'",
        "            ItemReader: { Resource: arn:aws:states:::s3:listObjectsV2, Arguments: { Bucket: b } }",
        "            ItemProcessor:",
        "              ProcessorConfig: { Mode: DISTRIBUTED, ExecutionType: EXPRESS }",
        "              StartAt: Work",
        "              States:",
        "                Work: { Type: Pass, End: true }",
        "            ToleratedFailurePercentage: 5",
        "            Next: Wait",
        "          Wait:",
        "            Type: Wait",
        "            Seconds: '{% $count %}'",
        "            Next: Done",
        "          Done:",
        "            Type: Succeed",
        "            Output: '{% $states.input %}'",
      ),
      { only: ["E3601"] },
    );
    expect(findings).toEqual([]);
  });

  it("refuses a JSONPath state, or a branch's, in a state machine that sets JSONata as a whole", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Machine:",
        "    Type: AWS::StepFunctions::StateMachine",
        "    Properties:",
        "      RoleArn: arn:aws:iam::123456789012:role/sfn",
        "      Definition:",
        "        QueryLanguage: JSONata",
        "        StartAt: Old",
        "        States:",
        "          Old: { Type: Pass, QueryLanguage: JSONPath, Next: Both }",
        "          Both:",
        "            Type: Parallel",
        "            Branches:",
        "              - StartAt: Inner",
        "                States: { Inner: { Type: Pass, QueryLanguage: JSONPath, End: true } }",
        "            End: true",
        "  Mixed:",
        "    Type: AWS::StepFunctions::StateMachine",
        "    Properties:",
        "      RoleArn: arn:aws:iam::123456789012:role/sfn",
        "      Definition:",
        "        StartAt: New",
        "        States:",
        "          New: { Type: Pass, QueryLanguage: JSONata, Next: Old }",
        "          Old: { Type: Pass, QueryLanguage: JSONPath, End: true }",
      ),
      { only: ["E3601"] },
    );
    expect(brief(findings)).toEqual(["E3601 10:45", "E3601 15:63"]);
    expect(findings[0].message).toContain(
      "QueryLanguage cannot be JSONPath where the state machine sets JSONata as a whole; leave it out here, or set " +
        "JSONata state by state",
    );
  });

  it("accepts JSONPath machines with Parallel, Retry, Catch, a classic Map Iterator and Fail paths", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Machine:",
        "    Type: AWS::StepFunctions::StateMachine",
        "    Properties:",
        "      RoleArn: arn:aws:iam::123456789012:role/r",
        "      Definition:",
        "        Comment: classic",
        "        StartAt: Fan",
        "        TimeoutSeconds: 300",
        "        States:",
        "          Fan:",
        "            Type: Parallel",
        "            Branches:",
        "              - StartAt: A",
        "                States: { A: { Type: Pass, Result: 1, ResultPath: $.a, End: true } }",
        "              - StartAt: B",
        "                States:",
        "                  B: { Type: Wait, SecondsPath: $.delay, Next: C }",
        "                  C: { Type: Succeed }",
        "            Retry: [{ ErrorEquals: [States.TaskFailed], IntervalSeconds: 1, BackoffRate: 2 }]",
        "            Catch: [{ ErrorEquals: [States.ALL], ResultPath: $.error, Next: Failed }]",
        "            Next: Each",
        "          Each:",
        "            Type: Map",
        "            ItemsPath: $.items",
        "            MaxConcurrency: 2",
        "            Iterator:",
        "              StartAt: Work",
        "              States:",
        "                Work: { Type: Task, Resource: !GetAtt Fn.Arn, End: true }",
        "            Next: Check",
        "          Check:",
        "            Type: Choice",
        "            Choices:",
        "              - Not: { Variable: $.ok, BooleanEquals: true }",
        "                Next: Failed",
        "            Default: Done",
        "          Failed: { Type: Fail, ErrorPath: $.error.Error, CausePath: $.error.Cause }",
        "          Done: { Type: Succeed }",
        "  Fn:",
        "    Type: AWS::Lambda::Function",
      ),
      { only: ["E3601"] },
    );
    expect(findings).toEqual([]);
  });

  it("reads DefinitionString JSON, reporting at the string, and skips strings built with intrinsics", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  FromString:",
        "    Type: AWS::StepFunctions::StateMachine",
        "    Properties:",
        "      RoleArn: arn:aws:iam::123456789012:role/r",
        '      DefinitionString: \'{"StartAt": "Nope", "States": {"Only": {"Type": "Pass", "End": true}}}\'',
        "  Built:",
        "    Type: AWS::StepFunctions::StateMachine",
        "    Properties:",
        "      RoleArn: arn:aws:iam::123456789012:role/r",
        '      DefinitionString: !Sub \'{"StartAt": "${AWS::Region}", "States": {}}\'',
        "  Joined:",
        "    Type: AWS::StepFunctions::StateMachine",
        "    Properties:",
        "      RoleArn: arn:aws:iam::123456789012:role/r",
        '      DefinitionString: !Join ["", ["{\\"StartAt\\": 1}"]]',
      ),
      { only: ["E3601"] },
    );
    expect(brief(findings)).toEqual(["E3601 6:25"]);
    expect(findings[0].message).toBe("StartAt names no state of the States it belongs to");
  });
});

describe("E3928 public bucket policies that Block Public Access refuses", () => {
  it("reports a public statement on a bucket that blocks public policies, by default or by its settings", () => {
    const site = (bucket: string, ...settings: string[]) => [
      `  ${bucket}:`,
      "    Type: AWS::S3::Bucket",
      ...(settings.length > 0 ? ["    Properties:", ...settings.map((line) => `      ${line}`)] : []),
      `  ${bucket}Policy:`,
      "    Type: AWS::S3::BucketPolicy",
      "    Properties:",
      `      Bucket: !Ref ${bucket}`,
      "      PolicyDocument:",
      "        Statement:",
      "          - Effect: Allow",
      "            Principal: '*'",
      "            Action: s3:GetObject",
      `            Resource: !Sub '\${${bucket}.Arn}/*'`,
    ];
    const findings = lint(
      yaml(
        "Resources:",
        ...site("Default"),
        ...site(
          "Blocked",
          "PublicAccessBlockConfiguration:",
          "  BlockPublicAcls: false",
          "  BlockPublicPolicy: true",
        ),
        ...site(
          "Open",
          "PublicAccessBlockConfiguration:",
          "  BlockPublicPolicy: false",
          "  RestrictPublicBuckets: false",
        ),
        "  Guarded:",
        "    Type: AWS::S3::Bucket",
        "  GuardedPolicy:",
        "    Type: AWS::S3::BucketPolicy",
        "    Properties:",
        "      Bucket: !Ref Guarded",
        "      PolicyDocument:",
        "        Statement:",
        "          - Effect: Allow",
        "            Principal: {Service: cloudfront.amazonaws.com}",
        "            Action: s3:GetObject",
        "            Resource: !Sub '${Guarded.Arn}/*'",
        "            Condition: {StringEquals: {AWS:SourceArn: arn:aws:cloudfront::123456789012:distribution/E1}}",
      ),
      { only: ["E3928"] },
    );
    expect(brief(findings)).toEqual(["E3928 11:24", "E3928 27:24"]);
    expect(findings.map((f) => f.message)).toEqual([
      "This statement makes bucket Default public (Principal * with no Condition that narrows it), and Default " +
        "blocks public policies (S3 turns Block Public Access on for new buckets), so S3 refuses the policy with " +
        "Access Denied; set PublicAccessBlockConfiguration with BlockPublicPolicy: false (and RestrictPublicBuckets: " +
        "false) on Default, or serve it through CloudFront with a Condition on aws:SourceArn",
      expect.stringContaining("Blocked blocks public policies (its BlockPublicPolicy is true)"),
    ]);
  });

  it("finds the policy's bucket by a BucketName written as its Bucket is, not by a name that differs", () => {
    // A static site of round 41: bucket and policy both name the bucket by the DomainName parameter.
    const policy = (name: string, bucket: string) => [
      `  ${name}:`,
      "    Type: AWS::S3::BucketPolicy",
      "    Properties:",
      `      Bucket: ${bucket}`,
      "      PolicyDocument:",
      "        Statement:",
      "          - {Effect: Allow, Principal: '*', Action: s3:GetObject, Resource: '*'}",
    ];
    const findings = lint(
      yaml(
        "Parameters:",
        "  DomainName: { Type: String }",
        "Resources:",
        "  Site:",
        "    Type: AWS::S3::Bucket",
        "    Properties: { BucketName: !Ref DomainName }",
        "  Www:",
        "    Type: AWS::S3::Bucket",
        "    Properties: { BucketName: !Join ['', [www., !Ref DomainName]] }",
        ...policy("SitePolicy", "!Ref DomainName"),
        ...policy("WwwPolicy", "!Join ['', [www., !Ref DomainName]]"),
        ...policy("OtherPolicy", "!Join ['', [static., !Ref DomainName]]"),
      ),
      { only: ["E3928"] },
    );
    expect(brief(findings)).toEqual(["E3928 16:40", "E3928 23:40"]);
    expect(findings[1].message).toMatch(/^This statement makes bucket Www public /);
  });

  it("counts a condition that does not narrow the grant as public, and leaves an intrinsic setting alone", () => {
    const findings = lint(
      yaml(
        "Conditions:",
        "  IsPublic: !Equals [!Ref AWS::Region, us-east-1]",
        "Resources:",
        "  Https:",
        "    Type: AWS::S3::Bucket",
        "  HttpsPolicy:",
        "    Type: AWS::S3::BucketPolicy",
        "    Properties:",
        "      Bucket: !Ref Https",
        "      PolicyDocument:",
        "        Statement:",
        "          - {Effect: Allow, Principal: '*', Action: s3:GetObject, Resource: x, Condition: {Bool: {aws:SecureTransport: true}}}",
        "  Maybe:",
        "    Type: AWS::S3::Bucket",
        "    Properties:",
        "      PublicAccessBlockConfiguration: !If [IsPublic, {BlockPublicPolicy: false}, !Ref AWS::NoValue]",
        "  MaybePolicy:",
        "    Type: AWS::S3::BucketPolicy",
        "    Condition: IsPublic",
        "    Properties:",
        "      Bucket: !Ref Maybe",
        "      PolicyDocument:",
        "        Statement:",
        "          - {Effect: Allow, Principal: '*', Action: s3:GetObject, Resource: x}",
      ),
      { only: ["E3928"] },
    );
    expect(brief(findings)).toEqual(["E3928 12:40"]);
  });

  it("reads a setting a Fn::If gives under each condition that chooses it, where the policy is made", () => {
    const bucket = (name: string, condition: string | undefined, ...settings: string[]) => [
      `  ${name}:`,
      "    Type: AWS::S3::Bucket",
      "    Properties:",
      ...settings.map((line) => `      ${line}`),
      `  ${name}Policy:`,
      "    Type: AWS::S3::BucketPolicy",
      ...(condition ? [`    Condition: ${condition}`] : []),
      "    Properties:",
      `      Bucket: !Ref ${name}`,
      "      PolicyDocument:",
      "        Statement:",
      "          - {Effect: Allow, Principal: '*', Action: s3:GetObject, Resource: x}",
    ];
    const findings = lint(
      yaml(
        "Conditions:",
        "  IsPublic: !Equals [!Ref AWS::Region, us-east-1]",
        "Resources:",
        // The policy is made in every stack; public policies are let in where IsPublic is true only.
        ...bucket(
          "Always",
          undefined,
          "PublicAccessBlockConfiguration: !If [IsPublic, {BlockPublicPolicy: false}, !Ref AWS::NoValue]",
        ),
        ...bucket(
          "Switch",
          undefined,
          "PublicAccessBlockConfiguration: {BlockPublicPolicy: !If [IsPublic, false, true]}",
        ),
        ...bucket(
          "Paired",
          "IsPublic",
          "PublicAccessBlockConfiguration: {BlockPublicPolicy: !If [IsPublic, false, true]}",
        ),
      ),
      { only: ["E3928"] },
    );
    expect(brief(findings)).toEqual(["E3928 14:40", "E3928 25:40"]);
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringMatching(
        /^Where condition IsPublic is false, this statement makes bucket Always public .* \(S3 turns Block Public Access on for new buckets\)/,
      ),
      expect.stringMatching(
        /^Where condition IsPublic is false, this statement makes bucket Switch public .* \(its BlockPublicPolicy is true\)/,
      ),
    ]);
  });

  it("judges a bucket whose Properties a Fn::If chooses as written: every mapping must block", () => {
    const findings = lint(
      yaml(
        "Conditions:",
        "  IsPublic: !Equals [!Ref AWS::Region, us-east-1]",
        "Resources:",
        "  Either:",
        "    Type: AWS::S3::Bucket",
        "    Properties: !If [IsPublic, {PublicAccessBlockConfiguration: {BlockPublicPolicy: false}}, {}]",
        "  EitherPolicy:",
        "    Type: AWS::S3::BucketPolicy",
        "    Properties:",
        "      Bucket: !Ref Either",
        "      PolicyDocument: {Statement: [{Effect: Allow, Principal: '*', Action: s3:GetObject, Resource: x}]}",
        "  Both:",
        "    Type: AWS::S3::Bucket",
        "    Properties: !If [IsPublic, {VersioningConfiguration: {Status: Enabled}}, {}]",
        "  BothPolicy:",
        "    Type: AWS::S3::BucketPolicy",
        "    Properties:",
        "      Bucket: !Ref Both",
        "      PolicyDocument: {Statement: [{Effect: Allow, Principal: '*', Action: s3:GetObject, Resource: x}]}",
      ),
      { only: ["E3928"] },
    );
    expect(brief(findings)).toEqual(["E3928 19:63"]);
    expect(findings[0].message).toContain(
      "Both blocks public policies (S3 turns Block Public Access on for new buckets)",
    );
  });
});

describe("W3601 error names of Retry and Catch", () => {
  it("warns of a States. name Step Functions never reports, in a Definition and a DefinitionString", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Machine:",
        "    Type: AWS::StepFunctions::StateMachine",
        "    Properties:",
        "      RoleArn: arn:aws:iam::111122223333:role/sfn",
        "      Definition:",
        "        StartAt: Work",
        "        States:",
        "          Work:",
        "            Type: Task",
        "            Resource: arn:aws:states:::lambda:invoke",
        "            Retry: [{ ErrorEquals: [States.All, Lambda.ServiceException, States.TaskFailed] }]",
        "            Catch: [{ ErrorEquals: [States.Http.StatusCode.404, States.Tiemout], Next: Done }]",
        "            End: true",
        "          Done: { Type: Succeed }",
        "  Text:",
        "    Type: AWS::StepFunctions::StateMachine",
        "    Properties:",
        "      RoleArn: arn:aws:iam::111122223333:role/sfn",
        `      DefinitionString: '{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Retry": [{"ErrorEquals": ["States.all"]}], "End": true}}}'`,
      ),
      { only: ["W3601"] },
    );
    expect(findings.map((f) => `${f.range.start.line} ${f.message}`)).toEqual([
      "12 Error name States.All is none of Step Functions' own errors (names keep their case: States.ALL), and no " +
        "state may report another name that begins with States., so this retrier or catcher never matches",
      expect.stringMatching(
        /^13 Error name States\.Tiemout is none of Step Functions' own errors \(did you mean 'States\.Timeout'\?\)/,
      ),
      expect.stringMatching(/^20 Error name States\.all .*States\.ALL/),
    ]);
  });
});
