/**
 * E3957: a pipeline action's Configuration has every key its provider requires.
 */
import { describe, expect, it } from "vitest";
import { brief, lint, yaml } from "../lint";

const pipeline = (...stages: string[]) => [
  "Resources:",
  "  Pipeline:",
  "    Type: AWS::CodePipeline::Pipeline",
  "    Properties:",
  "      RoleArn: arn:aws:iam::123456789012:role/pipeline",
  "      ArtifactStore: { Type: S3, Location: artifacts-bucket }",
  "      Stages:",
  ...stages,
];

/** A first stage named Source whose actions' lines follow. */
const sourceStage = (...actions: string[]) => ["        - Name: Source", "          Actions:", ...actions];

describe("E3957 required action configuration", () => {
  it("reports a GitHub source without OAuthToken and a CodeCommit source that names Branch for BranchName", () => {
    const findings = lint(
      yaml(
        ...pipeline(
          ...sourceStage(
            "            - Name: GitHub",
            "              ActionTypeId: { Category: Source, Owner: ThirdParty, Provider: GitHub, Version: '1' }",
            "              OutputArtifacts: [{ Name: App }]",
            "              Configuration:",
            "                Owner: octo",
            "                Repo: app",
            "                Branch: main",
            "                # OAuthToken: '{{resolve:secretsmanager:github}}'",
            "            - Name: Commit",
            "              ActionTypeId: { Category: Source, Owner: AWS, Provider: CodeCommit, Version: '1' }",
            "              OutputArtifacts: [{ Name: Lib }]",
            "              Configuration: { RepositoryName: lib, Branch: main }",
            "        - Name: Build",
            "          Actions:",
            "            - Name: Build",
            "              ActionTypeId: { Category: Build, Owner: AWS, Provider: CodeBuild, Version: '1' }",
            "              InputArtifacts: [{ Name: App }]",
            "              Configuration: { ProjectName: !Ref AWS::NoValue }",
            "            - Name: Deploy",
            "              ActionTypeId: { Category: Deploy, Owner: AWS, Provider: S3, Version: '1' }",
            "              InputArtifacts: [{ Name: Lib }]",
            "              RunOrder: 2",
          ),
        ),
      ),
      { only: ["E3957"] },
    );
    expect(brief(findings)).toEqual(["E3957 13:15", "E3957 21:15", "E3957 27:15", "E3957 29:15"]);
    expect(findings.map((f) => f.message)).toEqual([
      "Action 'GitHub' of pipeline 'Pipeline' (GitHub) has no OAuthToken in its Configuration, which its provider " +
        "requires, so CodePipeline refuses the pipeline; add it",
      "Action 'Commit' of pipeline 'Pipeline' (CodeCommit) has no BranchName in its Configuration, which its " +
        "provider requires, so CodePipeline refuses the pipeline; add it ('Branch' is written; the key is BranchName)",
      "Action 'Build' of pipeline 'Pipeline' (CodeBuild) has no ProjectName in its Configuration, which its provider " +
        "requires, so CodePipeline refuses the pipeline; add it",
      "Action 'Deploy' of pipeline 'Pipeline' (S3) has no BucketName and Extract in its Configuration, which its " +
        "provider requires each of, so CodePipeline refuses the pipeline; add them",
    ]);
  });

  it("leaves complete actions, a Configuration a function gives, a key a Fn::If may leave out and unknown providers", () => {
    const findings = lint(
      yaml(
        "Conditions:",
        "  Prod: !Equals [!Ref AWS::Region, us-east-1]",
        ...pipeline(
          ...sourceStage(
            "            - Name: Bucket",
            "              ActionTypeId: { Category: Source, Owner: AWS, Provider: S3, Version: '1' }",
            "              OutputArtifacts: [{ Name: App }]",
            "              Configuration: { S3Bucket: src-bucket, S3ObjectKey: app.zip }",
            "        - Name: Deploy",
            "          Actions:",
            "            - Name: Stack",
            "              ActionTypeId: { Category: Deploy, Owner: AWS, Provider: CloudFormation, Version: '1' }",
            "              InputArtifacts: [{ Name: App }]",
            "              Configuration:",
            "                ActionMode: CREATE_UPDATE",
            "                StackName: !If [Prod, app, !Ref AWS::NoValue]",
            "                RoleArn: arn:aws:iam::123456789012:role/cfn",
            "                TemplatePath: App::template.yaml",
            "            - Name: Given",
            "              ActionTypeId: { Category: Deploy, Owner: AWS, Provider: ECS, Version: '1' }",
            "              InputArtifacts: [{ Name: App }]",
            "              Configuration: !If [Prod, { ClusterName: c, ServiceName: s }, { ClusterName: c, ServiceName: t }]",
            "            - Name: Custom",
            "              ActionTypeId: { Category: Deploy, Owner: Custom, Provider: Mine, Version: '1' }",
            "              InputArtifacts: [{ Name: App }]",
            "            - Name: Approve",
            "              ActionTypeId: { Category: Approval, Owner: AWS, Provider: Manual, Version: '1' }",
          ),
        ),
      ),
      { only: ["E3957"] },
    );
    expect(findings).toEqual([]);
  });

  it("names a key written in place of one required only where it is a part of that name, not a longer key", () => {
    const findings = lint(
      yaml(
        ...pipeline(
          ...sourceStage(
            "            - Name: Bucket",
            "              ActionTypeId: { Category: Source, Owner: AWS, Provider: S3, Version: '1' }",
            "              OutputArtifacts: [{ Name: App }]",
            "              Configuration: { S3Bucket: src-bucket, AllowOverrideForS3ObjectKey: true }",
          ),
        ),
      ),
      { only: ["E3957"] },
    );
    expect(findings.map((f) => f.message)).toEqual([
      "Action 'Bucket' of pipeline 'Pipeline' (S3) has no S3ObjectKey in its Configuration, which its provider " +
        "requires, so CodePipeline refuses the pipeline; add it",
    ]);
  });
});
