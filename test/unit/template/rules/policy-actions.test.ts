/**
 * W3037: the actions a policy names exist (cfn-lint's copy of the service authorization
 * reference, in the spec data), and bucket, queue and topic policies name only their service's.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../../../src/template/spec/index";
import { brief, lint, managedPolicy, PROD_OR_DEV, yaml } from "../lint";

const ONLY = { only: ["W3037"] };

describe("IAM action data", () => {
  const spec = loadSpec();

  it("gives a service's actions, lowercase, whatever the case of its prefix", () => {
    const s3 = spec.iamActions("S3");
    expect(s3?.has("getobject")).toBe(true);
    expect(s3?.has("replicatetags")).toBe(true);
    expect(s3?.has("replicationtags")).toBe(false);
    expect(spec.iamActions("s3")).toBe(s3);
  });

  it("finds the first and the last service of the file", () => {
    expect(spec.iamActions("a2c")?.has("startdeploymentjob")).toBe(true);
    expect(spec.iamActions("xray")?.has("puttracesegments")).toBe(true);
  });

  it("knows nothing of an unknown prefix, nor of one that could break out of its line", () => {
    expect(spec.iamActions("lamda")).toBeUndefined();
    expect(spec.iamActions('s3":"x')).toBeUndefined();
    expect(spec.iamActions("")).toBeUndefined();
  });

  it("lists every service that source.json counts", () => {
    const source = JSON.parse(
      readFileSync(join(process.cwd(), "src/template/spec/data/constraints/source.json"), "utf8"),
    );
    const services = spec.iamServices();
    expect(services).toHaveLength(source.iamActions.services);
    expect(services).toContain("lambda");
    const file = readFileSync(
      join(process.cwd(), "src/template/spec/data/constraints/iam-actions.json"),
      "utf8",
    );
    expect(services).toEqual(Object.keys(JSON.parse(file)));
    expect(spec.iamServices()).toBe(services);
    expect(services.reduce((sum, service) => sum + (spec.iamActions(service)?.size ?? 0), 0)).toBe(
      source.iamActions.actions,
    );
  });
});

describe("W3037 policy actions", () => {
  it("reports each misspelt action at its own line, with the closest one in the case it was written", () => {
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
        "            Action: sts:AssumeRol",
        "      Policies:",
        "        - PolicyName: inline",
        "          PolicyDocument:",
        "            Version: '2012-10-17'",
        "            Statement:",
        "              - Effect: Allow",
        "                Action:",
        "                  - s3:GetObjects",
        "                  - S3:ReplicationTags",
        "                  - s3:getobject",
        "                  - '*'",
        "                  - dynamodb:GetItem",
        "                Resource: '*'",
        "              - Effect: Deny",
        "                NotAction: lamda:InvokeFunction",
        "                Resource: '*'",
      ),
      ONLY,
    );
    expect(brief(findings)).toEqual(["W3037 9:21", "W3037 17:21", "W3037 18:21", "W3037 24:28"]);
    expect(findings.map((f) => [f.severity, f.message])).toEqual([
      ["warning", "'sts:AssumeRol' is not an action of sts (did you mean 'sts:AssumeRole'?)"],
      ["warning", "'s3:GetObjects' is not an action of s3 (did you mean 's3:GetObject'?)"],
      ["warning", "'S3:ReplicationTags' is not an action of s3 (did you mean 'S3:ReplicateTags'?)"],
      [
        "warning",
        "'lamda' in 'lamda:InvokeFunction' is not a known IAM service prefix (did you mean 'lambda'?)",
      ],
    ]);
    expect(findings[1].path).toEqual(["Resources", "Role", "Properties", "Policies", 0, "PolicyDocument"]);
  });

  it("reads the actions a Fn::If chooses, where the policy may be made with them", () => {
    const findings = lint(
      yaml(
        ...PROD_OR_DEV,
        "Resources:",
        ...managedPolicy("Policy"),
        "          - Effect: Allow",
        "            Action: !If [IsProd, s3:GetObjects, [s3:GetObject, !If [IsDev, sqs:SendMesage, !Ref AWS::NoValue]]]",
        "            Resource: '*'",
        ...managedPolicy("DevPolicy", "IsDev"),
        "          - Effect: Allow",
        "            Action: !If [IsProd, s3:GetObjects, s3:GetObject]",
        "            Resource: '*'",
      ),
      ONLY,
    );
    // DevPolicy exists only where IsProd is false: its first branch is never taken.
    expect(brief(findings)).toEqual(["W3037 14:34", "W3037 14:76"]);
    expect(findings[1].message).toBe(
      "'sqs:SendMesage' is not an action of sqs (did you mean 'sqs:SendMessage'?)",
    );
  });

  it("suggests the service IAM names where an SDK client's name is written", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Models:",
        "    Type: AWS::IAM::ManagedPolicy",
        "    Properties:",
        "      PolicyDocument:",
        "        Statement:",
        "          - {Effect: Allow, Action: 'bedrock-runtime:InvokeModel', Resource: '*'}",
      ),
      ONLY,
    );
    expect(findings.map((f) => f.message)).toEqual([
      "'bedrock-runtime' in 'bedrock-runtime:InvokeModel' is not a known IAM service prefix (did you mean 'bedrock'?)",
    ]);
  });

  it("suggests an action in the case of the API operation of its name", () => {
    // The action data is lowercase; the case of the written text covers only the start and end, so
    // the middle of `describebudgetactionsforbudget` came out as `DescribebudgetactionsForBudget`
    // (a public Control Tower template of round 14). botocore's operation gives the case.
    const findings = lint(
      yaml(
        "Resources:",
        "  Policy:",
        "    Type: AWS::IAM::ManagedPolicy",
        "    Properties:",
        "      PolicyDocument:",
        "        Version: '2012-10-17'",
        "        Statement:",
        "          - Effect: Allow",
        "            Action: [budgets:DescribeNotificationsForBudget, sqs:sendmesage]",
        "            Resource: '*'",
      ),
      ONLY,
    );
    expect(findings.map((f) => f.message)).toEqual([
      "'budgets:DescribeNotificationsForBudget' is not an action of budgets (did you mean 'budgets:DescribeBudgetActionsForBudget'?)",
      "'sqs:sendmesage' is not an action of sqs (did you mean 'sqs:SendMessage'?)",
    ]);
  });

  it("takes a wildcard that matches an action, and reports one that matches none", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Policy:",
        "    Type: AWS::IAM::ManagedPolicy",
        "    Properties:",
        "      PolicyDocument:",
        "        Statement:",
        "          - Effect: Allow",
        "            Action: [s3:Get*, 's3:List?ucket', 'sqs:*', s3:Frob*, 'logs:Put?']",
        "            Resource: '*'",
      ),
      ONLY,
    );
    expect(brief(findings)).toEqual(["W3037 8:57", "W3037 8:67"]);
    expect(findings.map((f) => f.message)).toEqual([
      "'s3:Frob*' matches no action of s3",
      "'logs:Put?' matches no action of logs",
    ]);
  });

  it("says how to write an action without a service prefix, and leaves intrinsics and other types alone", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Service: { Type: String, Default: s3 }",
        "Resources:",
        "  Policy:",
        "    Type: AWS::IAM::ManagedPolicy",
        "    Properties:",
        "      PolicyDocument:",
        "        Statement:",
        "          - Effect: Allow",
        "            Action:",
        "              - GetObject",
        '              - !Sub "${Service}:GetObjects"',
        "              - 42",
        "              - '*:GetObjects'",
        "            Resource: '*'",
      ),
      ONLY,
    );
    expect(brief(findings)).toEqual(["W3037 11:17"]);
    expect(findings[0].message).toBe(
      "'GetObject' is not an action: write service:action, such as s3:GetObject, or *",
    );
  });

  it("reads the policies of APIs, secrets, file systems, repositories, log groups and backup vaults", () => {
    const statement = (action: string) =>
      `{ Version: '2012-10-17', Statement: [{ Effect: Allow, Principal: '*', Action: ${action}, Resource: '*' }] }`;
    const findings = lint(
      yaml(
        "Resources:",
        "  Api:",
        "    Type: AWS::ApiGateway::RestApi",
        `    Properties: { Name: a, Policy: ${statement("execute-api:Invok")} }`,
        "  Secret:",
        "    Type: AWS::SecretsManager::ResourcePolicy",
        `    Properties: { SecretId: s, ResourcePolicy: ${statement("secretsmanager:GetSecretValu")} }`,
        "  Files:",
        "    Type: AWS::EFS::FileSystem",
        `    Properties: { FileSystemPolicy: ${statement("elasticfilesystem:ClientMount")} }`,
        "  Repo:",
        "    Type: AWS::ECR::Repository",
        `    Properties: { RepositoryPolicyText: ${statement("ecr:BatchGetImages")} }`,
        "  Logs:",
        "    Type: AWS::Logs::ResourcePolicy",
        `    Properties: { PolicyName: p, PolicyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"es.amazonaws.com"},"Action":"logs:PutLogEvent","Resource":"*"}]}' }`,
        "  Vault:",
        "    Type: AWS::Backup::BackupVault",
        `    Properties: { BackupVaultName: v, AccessPolicy: ${statement("backup:DeleteBackupVault")} }`,
      ),
      ONLY,
    );
    expect(findings.map((f) => `${f.range.start.line} ${f.message}`)).toEqual([
      "4 'execute-api:Invok' is not an action of execute-api (did you mean 'execute-api:Invoke'?)",
      "7 'secretsmanager:GetSecretValu' is not an action of secretsmanager (did you mean 'secretsmanager:GetSecretValue'?)",
      "13 'ecr:BatchGetImages' is not an action of ecr (did you mean 'ecr:BatchGetImage'?)",
      "16 'logs:PutLogEvent' is not an action of logs (did you mean 'logs:PutLogEvents'?)",
    ]);
  });

  it("holds bucket, queue and topic policies to their own service", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  BucketPolicy:",
        "    Type: AWS::S3::BucketPolicy",
        "    Properties:",
        "      Bucket: site",
        "      PolicyDocument:",
        "        Statement:",
        "          - Effect: Allow",
        "            Principal: '*'",
        "            Action: [s3:GetObject, sqs:SendMessage]",
        "            Resource: arn:aws:s3:::site/*",
        "  QueuePolicy:",
        "    Type: AWS::SQS::QueuePolicy",
        "    Properties:",
        "      Queues: [q]",
        "      PolicyDocument:",
        "        Statement:",
        "          - Effect: Allow",
        "            Principal: { Service: sns.amazonaws.com }",
        "            Action: sqs:SendMessage",
        "            Resource: '*'",
        "  Key:",
        "    Type: AWS::KMS::Key",
        "    Properties:",
        "      KeyPolicy:",
        "        Statement:",
        "          - Effect: Allow",
        "            Principal: { AWS: arn:aws:iam::123456789012:root }",
        "            Action: [kms:*, kms:Decrypts]",
        "            Resource: '*'",
      ),
      ONLY,
    );
    expect(brief(findings)).toEqual(["W3037 10:36", "W3037 29:29"]);
    expect(findings.map((f) => f.message)).toEqual([
      "A policy of AWS::S3::BucketPolicy takes only s3 actions; 'sqs:SendMessage' is an action of 'sqs'",
      "'kms:Decrypts' is not an action of kms (did you mean 'kms:Decrypt'?)",
    ]);
  });

  it("checks a SAM function's inline statements and a document given as a JSON string, not policy templates", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        "  Fn:",
        "    Type: AWS::Serverless::Function",
        "    Properties:",
        "      Runtime: nodejs22.x",
        "      Handler: index.handler",
        "      CodeUri: src/",
        "      Policies:",
        "        - S3ReadPolicy: { BucketName: site }",
        "        - Statement:",
        "            - Effect: Allow",
        "              Action: dynamodb:GetItems",
        "              Resource: '*'",
        "  Policy:",
        "    Type: AWS::IAM::Policy",
        "    Properties:",
        "      PolicyName: p",
        "      Roles: [r]",
        '      PolicyDocument: \'{"Statement": [{"Effect": "Allow", "Action": "sns:Publishes", "Resource": "*"}]}\'',
      ),
      ONLY,
    );
    expect(brief(findings)).toEqual(["W3037 13:23", "W3037 20:23"]);
    expect(findings.map((f) => f.message)).toEqual([
      "'dynamodb:GetItems' is not an action of dynamodb (did you mean 'dynamodb:GetItem'?)",
      "'sns:Publishes' is not an action of sns (did you mean 'sns:Publish'?)",
    ]);
  });
});
