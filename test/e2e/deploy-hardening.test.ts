/**
 * The deploy bundle against hostile but realistic input: secrets in parameter-overrides, closed
 * pull requests, cancelled and killed runs, text from outside that reaches the PR comment,
 * crafted payloads, oversized templates and GitHub hiccups, run as the runner runs it against the
 * fake AWS and fake GitHub (see preview-fixture.ts).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { pullRequestEvent } from "./events";
import type { RunResult } from "./harness";
import { HEAD, PreviewFixture } from "./preview-fixture";

const STACK = "shop-pr-12";
const MARKER = `<!-- preview-stacks:stack=${STACK} -->`;

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Stage:
    Type: String
    Default: preview
  DbPassword:
    Type: String
    NoEcho: true
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
  Echo:
    Value: !Ref DbPassword
`;

const PEM = [
  "-----BEGIN RSA PRIVATE KEY-----",
  "MIIEpAIBAAKCAQEA7Yq3xQ2fakeKeyMaterialLineOne0123456789abcdefABCD",
  "Zk9q2wfakeKeyMaterialLineTwo0123456789abcdefABCDEFGHIJKLMNOPQRST",
  "-----END RSA PRIVATE KEY-----",
];

let f: PreviewFixture;

async function start(options: { resourceDelayMs?: number } = {}): Promise<void> {
  f = await PreviewFixture.start({
    template: TEMPLATE,
    resourceDelayMs: options.resourceDelayMs,
    inputs: { "url-output": "ApiUrl", "parameter-overrides": "DbPassword=not-the-secret" },
  });
}

afterEach(async () => {
  await f?.close();
});

/** Everything a run sent anywhere but the runner's log: GitHub requests, outputs, the summary. */
function sentOutside(run: RunResult): string {
  return [JSON.stringify(f.gh.calls.map((c) => c.body)), JSON.stringify(run.outputs), run.summary].join("\n");
}

/** The log without the add-mask commands, which are how a secret reaches the runner's masker. */
function logWithoutMasks(run: RunResult): string {
  return `${run.stdout
    .split("\n")
    .filter((line) => !line.startsWith("::add-mask::"))
    .join("\n")}\n${run.stderr}`;
}

describe("secrets in parameter-overrides", () => {
  it("names a malformed line by number and key, and never repeats its value anywhere", async () => {
    await start();
    const run = await f.deploy({ "parameter-overrides": "Stage=dev\nDbPassword: hunter2xyz" });
    expect(run.exitCode, run.stdout).toBe(1);
    expect(run.stdout).toContain(
      "::error::Input 'parameter-overrides': line 2 (DbPassword: …) of the input is not Key=Value. Write DbPassword=<value>",
    );
    expect(run.stdout + run.stderr).not.toContain("hunter2xyz");
    expect(sentOutside(run)).not.toContain("hunter2xyz");
    // The failure still reaches the pull request, without the value.
    expect(f.comments()[0]).toContain("line 2 (DbPassword: …) of the input is not Key=Value");
    expect(f.gh.state.deployments[0].statuses.map((s) => s.state)).toEqual(["in_progress", "failure"]);
    expect(f.aws.callsOf("cloudformation", "CreateChangeSet")).toHaveLength(0);
  });

  it("never echoes a line of a multi-line value given as Key=Value lines", async () => {
    await start();
    const run = await f.deploy({ "parameter-overrides": `DbPassword=${PEM.join("\n")}` });
    expect(run.exitCode, run.stdout).toBe(1);
    expect(run.stdout).toContain("lines 2, 3, 4 of the input are not Key=Value.");
    expect(run.stdout).toContain("as a YAML mapping with a block scalar (Key: |)");
    for (const line of PEM) {
      expect(run.stdout + run.stderr).not.toContain(line);
      expect(sentOutside(run)).not.toContain(line);
    }
  });

  it("takes a PEM key through a YAML mapping, masks it first, and strips it from outputs, comment and summary", async () => {
    await start();
    const secret = `${PEM.join("\n")}\n`;
    const overrides = `Stage: dev\nDbPassword: |\n${PEM.map((l) => `  ${l}`).join("\n")}\n`;
    const run = await f.deploy({ "parameter-overrides": overrides });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.status).toBe("CREATE_COMPLETE");
    // The secret went to CloudFormation whole, as a multi-line value.
    const create = f.aws.callsOf("cloudformation", "CreateChangeSet")[0];
    expect(JSON.stringify(create.params)).toContain(JSON.stringify(secret).slice(1, -1));
    // Masked before anything else was printed: the first lines of the log are add-mask commands.
    const firstMask = run.stdout.indexOf("::add-mask::");
    expect(firstMask).toBeGreaterThanOrEqual(0);
    expect(run.stdout.slice(0, firstMask)).not.toContain("Parameters:");
    for (const line of PEM.slice(1, 3)) expect(run.stdout).toContain(`::add-mask::${line}`);
    // The stack's Output repeats the secret (as CloudFormation would): nothing sent out holds it.
    expect(run.outputs.Echo).toBe("***");
    expect(JSON.parse(run.outputs["outputs-json"]).Echo).toBe("***");
    for (const line of PEM.slice(1, 3)) {
      expect(logWithoutMasks(run)).not.toContain(line);
      expect(sentOutside(run)).not.toContain(line);
    }
    expect(f.comments()[0]).toContain("| `Echo` | `***` |");
    expect(run.summary).toContain("DbPassword=****");
  });

  it("strips a secret from a CloudFormation failure reason before it reaches GitHub", async () => {
    await start();
    f.aws.inject.failResource("Api", {
      on: "create",
      reason: "Name taken: shop-s3cr3t-value-42 exists",
      times: 1,
    });
    const run = await f.deploy({ "parameter-overrides": "DbPassword=s3cr3t-value-42" });
    expect(run.exitCode, run.stdout).toBe(1);
    expect(sentOutside(run)).not.toContain("s3cr3t-value-42");
    expect(f.comments()[0]).toContain("Name taken: shop-\\*\\*\\* exists");
    const failure = f.gh.state.deployments[0].statuses.at(-1);
    expect(failure?.state).toBe("failure");
    expect(failure?.description).not.toContain("s3cr3t-value-42");
  });
});

describe("closed pull requests", () => {
  it("refuses a closed pull request's event before any AWS or GitHub call", async () => {
    await start();
    for (const merged of [false, true]) {
      const run = await f.deploy(
        {},
        { event: pullRequestEvent({ number: 12, sha: HEAD, action: "closed", merged }) },
      );
      expect(run.exitCode, run.stdout).toBe(0);
      expect(run.stdout).toContain(
        "::notice::Pull request #12 is closed (the event says so), so preview shop-pr-12 is not deployed",
      );
    }
    expect(f.aws.calls).toHaveLength(0);
    expect(f.gh.calls).toHaveLength(0);
  });

  it("refuses a run queued before the close: GitHub reports the pull request closed", async () => {
    await start();
    const pr = f.gh.state.pull("acme/shop", 12);
    if (pr) pr.state = "closed";
    const run = await f.deploy();
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.stdout).toContain("::notice::Pull request #12 is closed (GitHub reports it closed)");
    expect(f.aws.calls).toHaveLength(0);
    expect(f.gh.calls.map((c) => `${c.method} ${c.route}`)).toEqual([
      "GET /repos/{owner}/{repo}/pulls/{pull_number}",
    ]);
    expect(f.gh.state.deployments).toHaveLength(0);
  });
});

describe("a crafted payload", () => {
  it("refuses a pull request number that is not a small positive integer", async () => {
    await start();
    const run = await f.deploy({}, { event: pullRequestEvent({ number: 1e21, sha: HEAD }) });
    expect(run.exitCode, run.stdout).toBe(1);
    expect(run.stdout).toContain("::error::The event's pull_request.number is not a pull request number");
    expect(run.stdout).not.toContain("1e+21");
    expect(f.aws.calls).toHaveLength(0);
    expect(f.gh.calls).toHaveLength(0);
  });
});

describe("cancelled and killed runs", () => {
  it("ends the deployment as error and says so in the comment when the runner cancels", async () => {
    await start({ resourceDelayMs: 10 * 60_000 });
    const run = await f.deploy({}, { cancel: { after: "Executing change set", signal: "SIGINT" } });
    expect(run.exitCode, run.stdout).toBe(1);
    expect(run.stdout).toContain("::error::The run was cancelled while deploying shop-pr-12.");
    expect(f.gh.state.deployments[0].statuses.map((s) => s.state)).toEqual(["in_progress", "error"]);
    expect(f.comments()).toHaveLength(1);
    expect(f.comments()[0]).toContain("### ⏹️ Deploy of `shop-pr-12` was cancelled");
    // The post step then has nothing left to do.
    expect(run.state.reported).toBe("true");
    const calls = f.gh.calls.length;
    const post = await f.deploy({}, { post: true, state: run.state });
    expect(post.exitCode, post.stdout).toBe(0);
    expect(f.gh.calls).toHaveLength(calls);
  });

  it("has the post step end a deployment that a killed step left in progress", async () => {
    await start({ resourceDelayMs: 10 * 60_000 });
    const run = await f.deploy({}, { cancel: { after: "Executing change set", signal: "SIGKILL" } });
    expect(run.exitCode).toBeNull();
    expect(f.gh.state.deployments[0].statuses.map((s) => s.state)).toEqual(["in_progress"]);
    expect(run.state).toMatchObject({ "is-post": "true", "stack-name": STACK });
    expect(run.state.reported).toBeUndefined();

    const post = await f.deploy({}, { post: true, state: run.state });
    expect(post.exitCode, post.stdout).toBe(0);
    expect(f.gh.state.deployments[0].statuses.map((s) => s.state)).toEqual(["in_progress", "error"]);
    expect(f.comments()[0]).toContain("### ⏹️ Deploy of `shop-pr-12` stopped before it finished");
    expect(f.aws.callsOf("cloudformation", "DeleteStack")).toHaveLength(0);
  });

  it("has the post step do nothing after a run that reported", async () => {
    await start();
    const run = await f.deploy();
    expect(run.exitCode, run.stdout).toBe(0);
    const calls = f.gh.calls.length;
    const post = await f.deploy({}, { post: true, state: run.state });
    expect(post.exitCode, post.stdout).toBe(0);
    expect(f.gh.calls).toHaveLength(calls);
    expect(f.gh.state.deployments[0].statuses.at(-1)?.state).toBe("success");
  });
});

describe("text from outside in the comment", () => {
  it("shows a preview URL that is not https as code, and the environment in a code span nothing closes", async () => {
    await start();
    writeFileSync(
      join(f.workspace, "template.yaml"),
      TEMPLATE.replace(
        'Value: !Sub "https://${Api}.execute-api.${AWS::Region}.amazonaws.com/prod"',
        'Value: "javascript:alert(1) <!-- @octocat"',
      ),
    );
    const run = await f.deploy({ environment: "pr-12 `@team <!--" });
    expect(run.exitCode, run.stdout).toBe(0);
    const [comment] = f.comments();
    expect(comment.startsWith(`${MARKER}\n`)).toBe(true);
    // Inside a code span neither the comment opener nor the mention does anything.
    expect(comment).toContain("| Preview | `javascript:alert(1) <!-- @octocat` |");
    expect(comment).toContain("| Environment | ``pr-12 `@team <!--`` |");
    expect(comment).not.toContain("](javascript:");
    // No link to it on the deployment either.
    expect(f.gh.state.deployments[0].statuses.at(-1)?.environmentUrl ?? "").toBe("");
  });

  it("escapes a CloudFormation failure reason: no HTML, no mention, no code span of its own", async () => {
    await start();
    f.aws.inject.failResource("Bucket", {
      on: "create",
      reason: "Bucket taken <img src=x> --> @acme/admins `rm -rf`",
      times: 1,
    });
    const run = await f.deploy();
    expect(run.exitCode, run.stdout).toBe(1);
    const [comment] = f.comments();
    expect(comment).toContain(
      "> **Root cause:** Bucket (AWS::S3::Bucket) CREATE_FAILED: Bucket taken &lt;img src=x&gt; --&gt; @&#8203;acme/admins \\`rm -rf\\`",
    );
    // The full message is kept as CloudFormation wrote it, inside a fence nothing in it can close.
    const fence = comment.slice(comment.indexOf("```text"));
    expect(fence).toContain("Bucket taken <img src=x> --> @acme/admins `rm -rf`.");
    expect(comment.slice(0, comment.indexOf("```text"))).not.toContain("<img");
  });
});

describe("limits and GitHub hiccups", () => {
  it("refuses a template over 1,000,000 bytes before any upload, naming the hard limit", async () => {
    await start();
    f.aws.state.s3.createBucket("shop-artifacts", "us-east-1");
    const padding = `# ${"x".repeat(1_000_000)}\n`;
    writeFileSync(join(f.workspace, "template.yaml"), `${TEMPLATE}${padding}`);
    const run = await f.deploy({ "artifact-bucket": "shop-artifacts", validate: "false" });
    expect(run.exitCode, run.stdout).toBe(1);
    expect(run.stdout).toContain(
      "over CloudFormation's hard limit of 1,000,000 bytes for any template, even one passed through S3; nothing was uploaded.",
    );
    expect(f.aws.calls.filter((c) => c.service === "s3")).toHaveLength(0);
    expect(f.aws.calls).toHaveLength(0);
  });

  it("retries a GitHub 5xx on the comment instead of losing the comment", async () => {
    await start();
    f.gh.inject.serverError({ route: "POST /repos/{owner}/{repo}/issues/{issue_number}/comments", times: 1 });
    const run = await f.deploy();
    expect(run.exitCode, run.stdout).toBe(0);
    expect(f.comments()).toHaveLength(1);
    // The one warning is the template's own: it outputs its NoEcho parameter on purpose, to test masking.
    expect(run.annotations.filter((a) => a.level === "warning").map((a) => a.title)).toEqual(["W2010"]);
    expect(f.gh.calls.filter((c) => c.fault === "serverError")).toHaveLength(1);
  });

  it("waits out a secondary rate limit, logging at least every 30 seconds", async () => {
    await start();
    f.gh.inject.rateLimit({
      route: "POST /repos/{owner}/{repo}/deployments",
      kind: "secondary",
      retryAfter: 70,
    });
    const run = await f.deploy();
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.stdout).toContain(
      "GitHub's secondary rate limit: waiting 70 s before retrying POST /repos/{owner}/{repo}/deployments.",
    );
    expect(run.stdout).toContain("Still waiting out GitHub's secondary rate limit (30 of 70 s).");
    expect(run.stdout).toContain("Still waiting out GitHub's secondary rate limit (60 of 70 s).");
    expect(f.gh.state.deployments).toHaveLength(1);
  });
});
