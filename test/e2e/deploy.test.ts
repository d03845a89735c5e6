/**
 * The deploy bundle run as the GitHub runner runs it, against the local fake AWS and fake GitHub.
 * Both sides share one simulated clock running SCALE times faster than real time (the fake's
 * timeScale, and the bundle's PREVIEW_STACKS_TIME_SCALE anchored at the same instant), so
 * polling, backoff and timeout-minutes run unchanged, only compressed.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  CloudFormationClient,
  CreateChangeSetCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  waitUntilChangeSetCreateComplete,
} from "@aws-sdk/client-cloudformation";
import { afterEach, describe, expect, it } from "vitest";
import { pullRequestEvent, pushEvent } from "./events";
import { HEAD, PreviewFixture } from "./preview-fixture";

const STACK = "shop-pr-12";

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Description: The shop preview
Parameters:
  Stage:
    Type: String
    Default: preview
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: !Sub "shop-\${Stage}"
Outputs:
  ApiUrl:
    Value: !Sub "https://\${Api}.execute-api.\${AWS::Region}.amazonaws.com/prod"
  BucketName:
    Value: !Ref Bucket
`;

/** TEMPLATE with one more bucket: an update that adds a resource. */
const TEMPLATE_V2 = TEMPLATE.replace("  Api:\n", "  Uploads:\n    Type: AWS::S3::Bucket\n  Api:\n");

let f: PreviewFixture;

async function start(options: { resourceDelayMs?: number | Record<string, number> } = {}): Promise<void> {
  f = await PreviewFixture.start({
    template: TEMPLATE,
    resourceDelayMs: options.resourceDelayMs,
    inputs: { "url-output": "ApiUrl" },
  });
}

afterEach(async () => {
  await f?.close();
});

function cfnClient(): CloudFormationClient {
  return new CloudFormationClient({ ...f.aws.clientConfig(), maxAttempts: 1 });
}

describe("deploy action bundle", () => {
  it("creates a preview: outputs, tags, one comment, a transient deployment ending in success", async () => {
    await start();
    const run = await f.deploy();
    expect(run.exitCode, run.stdout).toBe(0);
    const url = run.outputs.url;
    expect(url).toMatch(/^https:\/\/[a-z0-9]+\.execute-api\.us-east-1\.amazonaws\.com\/prod$/);
    expect(run.outputs).toMatchObject({
      "stack-name": STACK,
      status: "CREATE_COMPLETE",
      "has-changes": "true",
      ApiUrl: url,
    });
    expect(
      JSON.parse(run.outputs["changes-json"])
        .map((c: { logicalId: string }) => c.logicalId)
        .sort(),
    ).toEqual(["Api", "Bucket"]);
    expect(Object.keys(JSON.parse(run.outputs["outputs-json"])).sort()).toEqual(["ApiUrl", "BucketName"]);

    const stack = [...f.aws.state.cloudformation.stacks.values()].find((s) => s.stackName === STACK);
    expect(stack?.tags).toEqual([
      { Key: "preview-stacks:managed", Value: "true" },
      { Key: "preview-stacks:repository", Value: "acme/shop" },
      { Key: "preview-stacks:pr", Value: "12" },
    ]);

    const comments = f.comments();
    expect(comments).toHaveLength(1);
    expect(comments[0]).toContain("### ✅ Preview `shop-pr-12` created");
    expect(comments[0]).toContain(`| Preview | [${url}](${url}) |`);
    expect(comments[0]).toContain(
      "| Commit | [`1a2b3c4`](https://github.com/acme/shop/commit/1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d) |",
    );
    expect(comments[0]).toContain(
      "| Run | [logs and stack events](https://github.com/acme/shop/actions/runs/4242) |",
    );

    expect(f.gh.state.deployments).toHaveLength(1);
    const [deployment] = f.gh.state.deployments;
    expect(deployment).toMatchObject({ sha: HEAD, environment: "pr-12", transientEnvironment: true });
    expect(deployment.statuses.map((s) => [s.state, s.environmentUrl, s.logUrl])).toEqual([
      ["in_progress", "", "https://github.com/acme/shop/actions/runs/4242"],
      ["success", url, "https://github.com/acme/shop/actions/runs/4242"],
    ]);
    expect(run.summary).toContain("### ✅ Preview `shop-pr-12` created");
    expect(run.summary).toContain("**AWS calls:**");
  });

  it("updates, then takes the no-op path, leaving exactly one comment after three pushes", async () => {
    await start();
    expect((await f.deploy()).exitCode).toBe(0);

    writeFileSync(join(f.workspace, "template.yaml"), TEMPLATE_V2);
    const update = await f.deploy();
    expect(update.exitCode, update.stdout).toBe(0);
    expect(update.outputs.status).toBe("UPDATE_COMPLETE");
    expect(JSON.parse(update.outputs["changes-json"])).toMatchObject([
      { action: "Add", logicalId: "Uploads" },
    ]);

    const before = f.aws.calls.length;
    const noop = await f.deploy();
    expect(noop.exitCode, noop.stdout).toBe(0);
    expect(noop.outputs).toMatchObject({
      status: "UPDATE_COMPLETE",
      "has-changes": "false",
      "change-set-id": "",
    });
    // No change set at all: the stack's template, parameters and tags already match. The cost
    // guard lists stacks only for a new preview, so the stack is read once.
    expect(f.cfnActionsSince(before)).toEqual(["DescribeStacks", "GetTemplate"]);

    const comments = f.comments();
    expect(comments).toHaveLength(1);
    expect(comments[0]).toContain("### ✅ Preview `shop-pr-12` is up to date: no changes");
    expect(f.gh.state.deployments.map((d) => d.statuses.at(-1)?.state)).toEqual([
      "success",
      "success",
      "success",
    ]);
  });

  it("fails with the root cause in the message, the comment and an annotation, then recovers from ROLLBACK_COMPLETE", async () => {
    await start();
    f.aws.inject.failResource("Api", { on: "create", reason: "Api name shop-preview is taken", times: 1 });
    const failed = await f.deploy();
    expect(failed.exitCode, failed.stdout).toBe(1);
    expect(failed.outputs.status).toBe("ROLLBACK_COMPLETE");
    const message = failed.annotations.find((a) => a.level === "error" && a.file === "template.yaml");
    expect(message).toMatchObject({ line: 10, title: "Api CREATE_FAILED" });
    expect(message?.message).toContain(
      "Stack shop-pr-12 ended in ROLLBACK_COMPLETE. Root cause: Api (AWS::ApiGateway::RestApi) CREATE_FAILED: Api name shop-preview is taken.",
    );
    expect(failed.stdout).toContain("::error::Stack shop-pr-12 ended in ROLLBACK_COMPLETE.");
    const [comment] = f.comments();
    expect(comment).toContain("### ❌ Preview `shop-pr-12` failed");
    expect(comment).toContain(
      "> **Root cause:** Api (AWS::ApiGateway::RestApi) CREATE_FAILED: Api name shop-preview is taken (`template.yaml` line 10)",
    );
    expect(f.gh.state.deployments[0].statuses.map((s) => s.state)).toEqual(["in_progress", "failure"]);

    const retry = await f.deploy();
    expect(retry.exitCode, retry.stdout).toBe(0);
    expect(retry.stdout).toContain("is in ROLLBACK_COMPLETE after a failed first create; deleting it");
    expect(retry.outputs.status).toBe("CREATE_COMPLETE");
    expect(f.comments()).toHaveLength(1);
    expect(f.comments()[0]).toContain("### ✅ Preview `shop-pr-12` created");
  });

  it("waits for another run's update to finish before deploying", async () => {
    // Only topics are slow: the other run's update, which adds one, takes 5 simulated minutes
    // (6 s real), far longer than the bundle needs to start.
    await start({ resourceDelayMs: { "AWS::SNS::Topic": 300_000, "*": 0 } });
    const first = await f.deploy();
    expect(first.exitCode, first.stdout).toBe(0);
    const withTopic = TEMPLATE.replace("  Api:\n", "  Alerts:\n    Type: AWS::SNS::Topic\n  Api:\n");
    const cfn = cfnClient();
    const created = await cfn.send(
      new CreateChangeSetCommand({
        StackName: STACK,
        ChangeSetName: "other-run",
        ChangeSetType: "UPDATE",
        TemplateBody: withTopic,
        Tags: [
          { Key: "preview-stacks:managed", Value: "true" },
          { Key: "preview-stacks:repository", Value: "acme/shop" },
          { Key: "preview-stacks:pr", Value: "12" },
        ],
      }),
    );
    await waitUntilChangeSetCreateComplete(
      { client: cfn, maxWaitTime: 30, minDelay: 1, maxDelay: 1 },
      { StackName: STACK, ChangeSetName: created.Id },
    );
    await cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: created.Id, StackName: STACK }));
    const busy = await cfn.send(new DescribeStacksCommand({ StackName: STACK }));
    expect(busy.Stacks?.[0].StackStatus).toBe("UPDATE_IN_PROGRESS");
    cfn.destroy();

    writeFileSync(
      join(f.workspace, "template.yaml"),
      withTopic.replace("  Api:\n", "  Uploads:\n    Type: AWS::S3::Bucket\n  Api:\n"),
    );
    const run = await f.deploy();
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.stdout).toContain("Stack shop-pr-12 is UPDATE_IN_PROGRESS: another operation");
    expect(run.outputs.status).toBe("UPDATE_COMPLETE");
    // Computed against the other run's result, so the topic it added is no change.
    expect(JSON.parse(run.outputs["changes-json"])).toMatchObject([{ action: "Add", logicalId: "Uploads" }]);
    expect(JSON.parse(run.outputs["changes-json"])).toHaveLength(1);
  });

  it("shows the IAM and security-group changes of an update in the comment", async () => {
    await start();
    const base = TEMPLATE.replace(
      "Outputs:",
      `  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
  Web:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: shop web tier
Outputs:`,
    );
    writeFileSync(join(f.workspace, "template.yaml"), base);
    expect((await f.deploy()).exitCode).toBe(0);

    writeFileSync(
      join(f.workspace, "template.yaml"),
      base.replace(
        "Outputs:",
        `  UploadAccess:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: uploads
      Roles: [!Ref Role]
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: s3:PutObject
            Resource: !Sub "\${Bucket.Arn}/*"
  WebHttps:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !GetAtt Web.GroupId
      IpProtocol: tcp
      FromPort: 443
      ToPort: 443
      CidrIp: 0.0.0.0/0
Outputs:`,
      ),
    );
    const run = await f.deploy();
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.stdout).not.toContain("could not be worked out");
    const [comment] = f.comments();
    expect(comment).toContain("**IAM statement changes**");
    const statement = comment.split("\n").find((line) => line.includes("s3:PutObject"));
    expect(statement).toMatch(
      // `$` and `*` are escaped: two `${...}` in a cell would render as math, `*` as emphasis.
      /^\| \+ \| .*\\\$\{Bucket\.Arn\}\/\\\*.* \| Allow \| s3:PutObject \| AWS:\\\$\{Role\} \| +\|$/,
    );
    expect(comment).toContain("**Security group changes**");
    expect(comment).toMatch(/\| \+ \| \\\$\{Web\.GroupId\} \| In \| TCP 443 \| Everyone \(IPv4\) \|/);
    expect(comment).toContain("This change broadens permissions or opens network access.");
  });

  it("rides out a throttling storm", async () => {
    await start();
    f.aws.inject.throttle({ service: "cloudformation", action: "DescribeStacks" }, 2);
    f.aws.inject.throttle({ service: "cloudformation", action: "CreateChangeSet" }, 1);
    f.aws.inject.throttle({ service: "cloudformation", action: "DescribeChangeSet" }, 1);
    f.aws.inject.throttle({ service: "cloudformation", action: "DescribeStackEvents" }, 2);
    const run = await f.deploy();
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.status).toBe("CREATE_COMPLETE");
    expect(f.aws.calls.filter((c) => c.fault === "throttle")).toHaveLength(6);
  });

  it("fails a deploy that runs past timeout-minutes", async () => {
    await start({ resourceDelayMs: 10 * 60_000 });
    const run = await f.deploy({ "timeout-minutes": "1" });
    expect(run.exitCode, run.stdout).toBe(1);
    expect(run.stdout).toContain(
      "::error::Stack shop-pr-12 did not finish within timeout-minutes (1); it is still CREATE_IN_PROGRESS.",
    );
    expect(f.gh.state.deployments[0].statuses.map((s) => s.state)).toEqual(["in_progress", "failure"]);
  });

  it("uploads a template over 51,200 bytes to the artifact bucket", async () => {
    await start();
    f.aws.state.s3.createBucket("shop-artifacts", "us-east-1");
    const padding = Array.from({ length: 700 }, (_, i) => `# padding line ${i} ${"x".repeat(60)}`).join("\n");
    writeFileSync(join(f.workspace, "template.yaml"), `${TEMPLATE}${padding}\n`);
    const run = await f.deploy({ "artifact-bucket": "shop-artifacts" });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.status).toBe("CREATE_COMPLETE");
    expect(f.aws.state.s3.listKeys("shop-artifacts")).toHaveLength(1);
    const create = f.aws.callsOf("cloudformation", "CreateChangeSet")[0];
    expect(create.params?.TemplateURL).toMatch(new RegExp(`^${f.aws.endpoint}/shop-artifacts/`));
    expect(create.params?.TemplateBody).toBeUndefined();
  });

  it("names the missing capability", async () => {
    await start();
    writeFileSync(
      join(f.workspace, "template.yaml"),
      `${TEMPLATE}`.replace(
        "Outputs:",
        `  Role:
    Type: AWS::IAM::Role
    Properties:
      RoleName: shop-preview-role
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
Outputs:`,
      ),
    );
    const run = await f.deploy();
    expect(run.exitCode, run.stdout).toBe(1);
    const error = run.annotations.find(
      (a) => a.level === "error" && a.message.includes("CAPABILITY_NAMED_IAM"),
    );
    expect(error?.message).toContain(
      "needs CAPABILITY_NAMED_IAM, which the capabilities input does not grant.",
    );
    expect(f.aws.callsOf("cloudformation", "ExecuteChangeSet")).toHaveLength(0);
  });

  it("leaves no empty REVIEW_IN_PROGRESS stack behind when the first change set fails", async () => {
    await start();
    // With a Transform, CloudFormation accepts the change set and fails it after processing, so the
    // stack it made for the change set already exists when the failure is known.
    writeFileSync(
      join(f.workspace, "template.yaml"),
      `Transform: AWS::Serverless-2016-10-31\n${TEMPLATE}`.replace(
        "Outputs:",
        `  Role:
    Type: AWS::IAM::Role
    Properties:
      RoleName: shop-preview-role
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
Outputs:`,
      ),
    );
    const run = await f.deploy();
    expect(run.exitCode, run.stdout).toBe(1);
    expect(run.stdout).toContain("::error::Change set preview-stacks-4242-1 for stack shop-pr-12 failed:");
    expect(run.stdout).toContain("CAPABILITY_NAMED_IAM");
    expect(run.stdout).toContain(
      "Deleted the empty stack shop-pr-12 that the failed change set had created (REVIEW_IN_PROGRESS).",
    );
    expect(f.aws.callsOf("cloudformation", "ExecuteChangeSet")).toHaveLength(0);
    expect(f.aws.callsOf("cloudformation", "DeleteChangeSet")).toHaveLength(1);
    expect(f.aws.callsOf("cloudformation", "DeleteStack")).toHaveLength(1);

    const cfn = cfnClient();
    await expect(cfn.send(new DescribeStacksCommand({ StackName: STACK }))).rejects.toThrow(
      "Stack with id shop-pr-12 does not exist",
    );
    cfn.destroy();
    f.aws.tick();
    expect(
      [...f.aws.state.cloudformation.stacks.values()]
        .filter((s) => s.stackName === STACK)
        .map((s) => s.status),
    ).toEqual(["DELETE_COMPLETE"]);
    expect(f.aws.state.cloudformation.changeSets.size).toBe(0);
  });

  it("reports a GitHub outage as warnings and still passes the deploy", async () => {
    await start();
    // Long enough to outlast the three retries of every call.
    f.gh.inject.serverError({ times: 30, status: 502 });
    const run = await f.deploy();
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.status).toBe("CREATE_COMPLETE");
    const warnings = run.annotations
      .filter((a) => a.level === "warning" && a.message.includes("on GitHub"))
      .map((a) => a.message.split(":")[0]);
    expect(warnings).toEqual([
      "Could not read the pull request's state on GitHub",
      "Could not create the deployment on GitHub",
      "Could not write the pull request comment on GitHub",
    ]);
    expect(run.summary).toContain("### ✅ Preview `shop-pr-12` created");
  });

  it("stops a preview whose name would make a name built from it fail, before any AWS call (E3944)", async () => {
    f = await PreviewFixture.start({
      template: [
        "Resources:",
        "  Assets:",
        "    Type: AWS::S3::Bucket",
        "    Properties:",
        "      BucketName: !Sub ${AWS::StackName}-assets",
        "",
      ].join("\n"),
    });
    // A prefix with a capital: bucket names are lower case.
    const run = await f.deploy({ "stack-prefix": "Shop" });
    expect(run.exitCode, run.stdout).toBe(1);
    const named = run.annotations.filter((a) => a.title === "E3944");
    expect(named).toHaveLength(1);
    expect(named[0]).toMatchObject({ level: "error", file: "template.yaml", line: 5, col: 19 });
    expect(named[0].message).toContain(
      "Fn::Sub gives 'Shop-pr-12-assets' (with the stack name 'Shop-pr-12')",
    );
    expect(run.stdout).toContain("so nothing was deployed");
    expect(f.aws.calls).toHaveLength(0);
    // The repository's own name, lower case, makes a bucket name that can be created.
    const fine = await f.deploy();
    expect(fine.exitCode, fine.stdout).toBe(0);
    expect(fine.annotations.filter((a) => a.title === "E3944")).toEqual([]);
    expect(f.aws.state.cloudformation.findStack(STACK)?.status).toBe("CREATE_COMPLETE");
  });

  it("judges the template with the values of parameter-overrides, before any AWS call (E3946)", async () => {
    f = await PreviewFixture.start({
      template: [
        "Parameters:",
        "  Retention:",
        "    Type: Number",
        "    Default: 14",
        "Resources:",
        "  Logs:",
        "    Type: AWS::Logs::LogGroup",
        "    Properties:",
        "      RetentionInDays: !Ref Retention",
        "",
      ].join("\n"),
    });
    const run = await f.deploy({ "parameter-overrides": "Retention=15" });
    expect(run.exitCode, run.stdout).toBe(1);
    const passed = run.annotations.filter((a) => a.title === "E3946");
    expect(passed.map((a) => `${a.level} ${a.file} ${a.line}:${a.col}`)).toEqual([
      "error template.yaml 9:24",
    ]);
    expect(passed[0].message).toMatch(
      /^the value passed for parameter 'Retention' does not fit: 'RetentionInDays' of AWS::Logs::LogGroup must be one of 1, 3, 5, /,
    );
    expect(run.stdout).toContain("so nothing was deployed");
    expect(f.aws.calls).toHaveLength(0);
    const fine = await f.deploy({ "parameter-overrides": "Retention=30" });
    expect(fine.exitCode, fine.stdout).toBe(0);
    expect(f.aws.state.cloudformation.findStack(STACK)?.status).toBe("CREATE_COMPLETE");
  });

  it("refuses values the template's parameters and Rules refuse, before any AWS call (E2900, E3947)", async () => {
    f = await PreviewFixture.start({
      template: [
        "Parameters:",
        "  Stage:",
        "    Type: String",
        "    AllowedValues: [dev, prod]",
        "    Default: dev",
        "  Alarms:",
        "    Type: String",
        "    Default: 'off'",
        "Rules:",
        "  ProdAlarms:",
        "    RuleCondition: !Equals [!Ref Stage, prod]",
        "    Assertions:",
        "      - Assert: !Equals [!Ref Alarms, 'on']",
        "        AssertDescription: Production stacks have alarms",
        "Resources:",
        "  Logs:",
        "    Type: AWS::Logs::LogGroup",
        "",
      ].join("\n"),
    });
    const run = await f.deploy({ "parameter-overrides": "Stage=qa-secret-stage\nStag=prod" });
    expect(run.exitCode, run.stdout).toBe(1);
    const refused = run.annotations.filter((a) => a.title === "E2900");
    expect(refused.map((a) => `${a.level} ${a.file} ${a.line}:${a.col} ${a.message}`)).toEqual([
      "error template.yaml 1:1 parameter-overrides passes 'Stag', which the template does not declare (did you mean 'Stage'?): CloudFormation refuses the change set. Remove it, or fix the spelling",
      "error template.yaml 2:3 the value passed for parameter 'Stage' is not one of AllowedValues (dev, prod): CloudFormation refuses the change set",
    ]);
    expect(run.stdout).not.toContain("qa-secret-stage");
    expect(run.stdout).toContain("so nothing was deployed");
    expect(f.aws.calls).toHaveLength(0);
    const rule = await f.deploy({ "parameter-overrides": "Stage=prod\nAlarms=off" });
    expect(rule.exitCode, rule.stdout).toBe(1);
    expect(rule.annotations.filter((a) => a.title === "E3947").map((a) => `${a.line} ${a.message}`)).toEqual([
      '13 Rule ProdAlarms fails with the values passed (its RuleCondition holds): "Production stacks have alarms"; CloudFormation refuses the change set. Pass values its assertion 1 accepts',
    ]);
    expect(f.aws.calls).toHaveLength(0);
    const fine = await f.deploy({ "parameter-overrides": "Stage=prod\nAlarms=on" });
    expect(fine.exitCode, fine.stdout).toBe(0);
    expect(f.aws.state.cloudformation.findStack(STACK)?.status).toBe("CREATE_COMPLETE");
  });

  it("says how to fix a template path that does not exist", async () => {
    await start();
    const run = await f.deploy({ template: "stacks/missing.yaml", validate: "false" });
    expect(run.exitCode, run.stdout).toBe(1);
    expect(run.stdout).toContain(
      "::error::Input 'template': the file cannot be read (ENOENT). Give the template's path relative to the workspace",
    );
    expect(run.stdout).toContain("check out the repository (actions/checkout) before this step.");
    // The input's value is not repeated: the key names it.
    expect(run.stdout).not.toContain("missing.yaml");
    expect(f.aws.calls).toHaveLength(0);
  });

  it("refuses a pull request from a fork before touching AWS", async () => {
    await start();
    const run = await f.deploy(
      {},
      {
        event: pullRequestEvent({
          number: 12,
          sha: HEAD,
          headRepository: { owner: "mallory", name: "shop" },
        }),
      },
    );
    expect(run.exitCode, run.stdout).toBe(1);
    expect(run.stdout).toContain("::error::Pull request #12 comes from mallory/shop");
    expect(f.aws.calls).toHaveLength(0);
    expect(f.gh.calls).toHaveLength(0);
  });

  it("refuses a new preview past max-previews, but keeps updating existing ones", async () => {
    await start();
    f.gh.state.addPullRequest({ number: 13, headSha: HEAD });
    expect((await f.deploy({ "max-previews": "1" })).exitCode).toBe(0);
    const refused = await f.deploy(
      { "max-previews": "1" },
      { event: pullRequestEvent({ number: 13, sha: HEAD }) },
    );
    expect(refused.exitCode, refused.stdout).toBe(1);
    expect(refused.stdout).toContain(
      "::error::Preview shop-pr-13 was not created: this repository already has 1 live previews and max-previews is 1. Oldest: shop-pr-12 (PR #12",
    );
    expect(f.aws.callsOf("cloudformation", "CreateChangeSet")).toHaveLength(1);
    expect((await f.deploy({ "max-previews": "1" })).exitCode).toBe(0);
  });

  it("creates a change set for review, then executes it in a second job", async () => {
    await start();
    const inputs = { "stack-name": "shop-prod", "url-output": "" };
    const withRole = TEMPLATE.replace(
      "Outputs:",
      `  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
Outputs:`,
    );
    writeFileSync(join(f.workspace, "template.yaml"), withRole);
    const created = await f.deploy({ ...inputs, mode: "create-change-set" }, { event: pushEvent() });
    expect(created.exitCode, created.stdout).toBe(0);
    const id = created.outputs["change-set-id"];
    expect(id).toMatch(/^arn:aws:cloudformation:us-east-1:\d{12}:changeSet\/preview-stacks-4242-1\//);
    expect(created.outputs["has-changes"]).toBe("true");
    expect(f.aws.callsOf("cloudformation", "ExecuteChangeSet")).toHaveLength(0);
    expect(created.summary).toContain("### 📝 Change set for `shop-prod` is ready for review");

    // The checkout moves on; the IAM diff still shows what the reviewed change set deploys.
    writeFileSync(join(f.workspace, "template.yaml"), TEMPLATE);
    const executed = await f.deploy(
      { ...inputs, mode: "execute-change-set", "change-set-id": id },
      { event: pushEvent(), runId: "4243" },
    );
    expect(executed.exitCode, executed.stdout).toBe(0);
    expect(executed.outputs).toMatchObject({
      status: "CREATE_COMPLETE",
      "change-set-id": id,
      "stack-name": "shop-prod",
    });
    expect(f.aws.callsOf("cloudformation", "CreateChangeSet")).toHaveLength(1);
    expect(executed.stdout).not.toContain("could not be");
    expect(executed.outputs["changes-markdown"]).toContain("**IAM statement changes**");
    expect(executed.outputs["changes-markdown"]).toMatch(
      /\| \+ \| \\\$\{Role\.Arn\} \| Allow \| sts:AssumeRole \| Service:lambda\.amazonaws\.com \| +\|/,
    );
    // Not a pull request: no comment, and no deployment without an environment.
    expect(f.gh.calls).toHaveLength(0);
  });
});
