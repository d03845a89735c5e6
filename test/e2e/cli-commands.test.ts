/**
 * `preview-stacks build-layer | deploy | teardown | sweep` from the CLI bundle, as a person runs
 * them from a laptop: against the fake AWS (through AWS_ENDPOINT_URL) and the fake GitHub (through
 * GITHUB_API_URL, reached only when a token is given). The fake AWS and the CLI share one clock
 * running SCALE times faster than real time (PREVIEW_STACKS_TIME_SCALE, anchored at the same
 * instant), as in the actions' end-to-end tests.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeAws, startFakeAws } from "../fakes/aws/index";
import { type FakeGitHub, startFakeGitHub } from "../fakes/github/index";
import { actionMetadata, ROOT } from "./harness";

const REPOSITORY = "acme/shop";
const SCALE = 20;

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: shop-preview
Outputs:
  ApiUrl:
    Value: !Sub "https://\${Api}.execute-api.\${AWS::Region}.amazonaws.com/prod"
`;

let aws: FakeAws;
let gh: FakeGitHub;
let dir: string;
let origin: number;

beforeAll(async () => {
  origin = Date.now();
  aws = await startFakeAws({ startTime: origin, timeScale: SCALE });
  gh = await startFakeGitHub({ repo: REPOSITORY });
  gh.state.addPullRequest({ number: 12 });
  dir = mkdtempSync(join(tmpdir(), "preview-stacks-cli-commands-"));
  writeFileSync(join(dir, "template.yaml"), TEMPLATE);
});

afterAll(async () => {
  await aws?.close();
  await gh?.close();
});

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Asynchronous, so the in-process fakes keep answering while the CLI runs. No GITHUB_TOKEN unless `env` gives one. */
function cli(
  args: string[],
  env: Record<string, string | null> = {},
  options: { interruptAfter?: string } = {},
): Promise<CliRun> {
  const childEnv: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: dir,
    AWS_CONFIG_FILE: join(dir, "aws-config"),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, "aws-credentials"),
    ...aws.env(),
    GITHUB_API_URL: gh.url,
    PREVIEW_STACKS_TIME_SCALE: String(SCALE),
    PREVIEW_STACKS_TIME_ORIGIN: String(origin),
  };
  // null removes a variable, as on a machine that never set it.
  for (const [name, value] of Object.entries(env)) {
    if (value === null) delete childEnv[name];
    else childEnv[name] = value;
  }
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      [join(ROOT, "bin/preview-stacks.js"), ...args],
      {
        cwd: dir,
        env: childEnv,
        timeout: 120_000,
      },
      (error, stdout, stderr) =>
        done({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    // A person's Ctrl-C: SIGINT once the log shows `interruptAfter`.
    let seen = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      if (options.interruptAfter && seen.includes(options.interruptAfter) && child.exitCode === null) {
        options.interruptAfter = undefined;
        child.kill("SIGINT");
      }
    });
  });
}

/** The ApiUrl output of a stack, as the fake AWS holds it. */
function stackOutput(name: string): string | undefined {
  return stack(name)?.outputs.find((o) => o.OutputKey === "ApiUrl")?.OutputValue;
}

function stack(name: string) {
  return [...aws.state.cloudformation.stacks.values()].find(
    (s) => s.stackName === name && s.status !== "DELETE_COMPLETE",
  );
}

describe("--help", () => {
  it.each(["build-layer", "deploy", "teardown", "sweep"])(
    "%s --help exits 0 and lists an option for every input of its action",
    async (command) => {
      const run = await cli([command, "--help"]);
      expect(run.code).toBe(0);
      expect(run.stderr).toBe("");
      expect(run.stdout).toMatch(new RegExp(`^Usage: preview-stacks ${command} `));
      for (const input of Object.keys(actionMetadata(command).meta.inputs ?? {})) {
        expect(run.stdout).toMatch(new RegExp(`\\n {2}--(\\[no-\\])?${input}\\b`));
      }
      expect(run.stdout).toContain("--json");
      expect(run.stdout).toContain("Exit codes: 0");
    },
  );
});

describe("usage errors", () => {
  it.each([
    [
      "build-layer",
      ["--name", "tools", "--runtime", "custom", "--bogus=hunter2"],
      "build-layer has no option '--bogus'",
    ],
    [
      "deploy",
      ["--template", "template.yaml", "--pr", "12", "--repo", REPOSITORY, "--tag", "hunter2"],
      "deploy has no option '--tag'",
    ],
    [
      "teardown",
      ["--pr", "12", "--repo", REPOSITORY, "--dry-run=hunter2"],
      "option '--dry-run' of teardown is a switch",
    ],
    ["sweep", ["--repo", REPOSITORY, "--ttl", "hunter2"], "Input '--ttl': the value is not a duration"],
    [
      "deploy",
      ["--template", "template.yaml", "--pr", "hunter2"],
      "option '--pr' of deploy: the value is not a pull request number",
    ],
    [
      "deploy",
      ["--template", "template.yaml"],
      "deploy needs --pr NUMBER (with --repo OWNER/NAME) for a pull request's preview, or --stack-name NAME.",
    ],
    ["teardown", ["--pr", "12"], "teardown needs --repo OWNER/NAME"],
  ])("%s %j exits 2 naming the option, without the value", async (command, args, message) => {
    const run = await cli([command, ...args], { GITHUB_TOKEN: gh.token });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`preview-stacks: ${message}`);
    expect(run.stderr).toContain(`Run 'preview-stacks ${command} --help' for its options.`);
    expect(run.stderr).not.toContain("hunter2");
    expect(run.stdout).toBe("");
  });

  it("lists the allowed options with an unknown one", async () => {
    const run = await cli(["teardown", "--stack-nmae", "x"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /Its options: --stack-name, --stack-prefix, .*--\[no-\]empty-buckets, .*--json, --help\./,
    );
  });
});

describe("a preview from a laptop, with no GitHub token", () => {
  it("deploy --pr 12 creates shop-pr-12 tagged as the action tags it, and prints its outputs as JSON", async () => {
    const run = await cli([
      "deploy",
      "--template",
      "template.yaml",
      "--pr",
      "12",
      "--repo",
      REPOSITORY,
      "--url-output",
      "ApiUrl",
      "--json",
    ]);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({
      ok: true,
      outcome: "deployed",
      "stack-name": "shop-pr-12",
      status: "CREATE_COMPLETE",
      "has-changes": true,
    });
    expect(out["stack-id"]).toMatch(/^arn:aws:cloudformation:us-east-1:\d{12}:stack\/shop-pr-12\//);
    expect(out["outputs-json"].ApiUrl).toMatch(
      /^https:\/\/.+\.execute-api\.us-east-1\.amazonaws\.com\/prod$/,
    );
    expect(out.url).toBe(out["outputs-json"].ApiUrl);
    expect(
      out["changes-json"]
        .map((c: { logicalId: string; action: string }) => `${c.action} ${c.logicalId}`)
        .sort(),
    ).toEqual(["Add Api", "Add Bucket"]);
    const tags = Object.fromEntries((stack("shop-pr-12")?.tags ?? []).map((t) => [t.Key, t.Value]));
    expect(tags).toMatchObject({
      "preview-stacks:managed": "true",
      "preview-stacks:repository": REPOSITORY,
      "preview-stacks:pr": "12",
    });
    // Logs and the event stream on stderr, as plain lines: stderr is a pipe here.
    expect(run.stderr).toMatch(/\n\d\d:\d\d:\d\d {2}Bucket {2}AWS::S3::Bucket {2}CREATE_COMPLETE\n/);
    expect(run.stderr).not.toContain("\x1b");
    expect(run.stderr).not.toContain("\r");
    expect(gh.calls).toEqual([]);
  });

  it("deploy again finds nothing to change, and says so in plain text on stdout", async () => {
    const args = [
      "--template",
      "template.yaml",
      "--pr",
      "12",
      "--repo",
      REPOSITORY,
      "--url-output",
      "ApiUrl",
    ];
    const run = await cli(["deploy", ...args]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /^shop-pr-12: CREATE_COMPLETE \(no-changes\)\nURL: https:\/\/\S+\nOutputs:\n {2}ApiUrl: https:\/\/\S+\n$/,
    );
    expect(gh.calls).toEqual([]);
  });

  it("teardown --pr 12 removes it, and a second teardown finds it gone", async () => {
    const run = await cli(["teardown", "--pr", "12", "--repo", REPOSITORY, "--json"]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      ok: true,
      "stack-name": "shop-pr-12",
      status: "deleted",
      "retained-resources": [],
    });
    expect(stack("shop-pr-12")).toBeUndefined();
    const again = await cli(["teardown", "--pr", "12", "--repo", REPOSITORY, "--json"]);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout).status).toBe("not-found");
    expect(gh.calls).toEqual([]);
  });

  it("teardown refuses a stack that is not that pull request's preview, and exits 1", async () => {
    const deployed = await cli(["deploy", "--template", "template.yaml", "--stack-name", "shop-main"]);
    expect(deployed.code, deployed.stderr).toBe(0);
    const run = await cli(["teardown", "--stack-name", "shop-main", "--repo", REPOSITORY, "--json"]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, status: "refused" });
    expect(run.stderr).toMatch(/preview-stacks: .*shop-main/);
    expect(stack("shop-main")).toBeDefined();
  });
});

describe("progress on a terminal", () => {
  it("with PREVIEW_STACKS_PROGRESS=tty, keeps a status line with the elapsed time and the latest event below the events", async () => {
    const run = await cli(["deploy", "--template", "template.yaml", "--stack-name", "shop-tty"], {
      PREVIEW_STACKS_PROGRESS: "tty",
    });
    expect(run.code, run.stderr).toBe(0);
    // Each line wipes the status line first, then the status line is drawn again below it. The
    // elapsed time reads [1m2s] past a minute, which a loaded machine can reach.
    expect(run.stderr).toMatch(
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the terminal's escape codes are what is tested
      /\r\x1b\[2K\d\d:\d\d:\d\d {2}Bucket {2}AWS::S3::Bucket {2}CREATE_COMPLETE\n\[(\d+m)?\d+s\] deploy shop-tty · Bucket CREATE_COMPLETE/,
    );
    expect(run.stderr).toMatch(/\[(\d+m)?\d+s\] deploy shop-tty · shop-tty CREATE_COMPLETE/);
    // It is cleared before the command ends, and the result on stdout is plain text.
    expect(run.stderr.endsWith("\r\x1b[2K")).toBe(true);
    expect(run.stdout).toBe(
      `shop-tty: CREATE_COMPLETE (deployed)\nOutputs:\n  ApiUrl: ${stackOutput("shop-tty")}\n`,
    );
  });
});

describe("the AWS settings", () => {
  it("takes the region and credentials from --profile when the environment has none", async () => {
    const keys = aws.env();
    writeFileSync(join(dir, "aws-config"), "[profile laptop]\nregion = eu-west-1\n");
    writeFileSync(
      join(dir, "aws-credentials"),
      `[laptop]\naws_access_key_id = ${keys.AWS_ACCESS_KEY_ID}\naws_secret_access_key = ${keys.AWS_SECRET_ACCESS_KEY}\n`,
    );
    // Nothing in the environment but the endpoint: region and credentials come from the profile.
    const noRegion = {
      AWS_REGION: null,
      AWS_DEFAULT_REGION: null,
      AWS_ACCESS_KEY_ID: null,
      AWS_SECRET_ACCESS_KEY: null,
    };
    const args = ["deploy", "--template", "template.yaml", "--stack-name", "shop-eu", "--json"];
    const run = await cli([...args, "--profile", "laptop"], noRegion);
    expect(run.code, run.stderr.slice(-2000)).toBe(0);
    expect(JSON.parse(run.stdout)["stack-id"]).toMatch(/^arn:aws:cloudformation:eu-west-1:/);

    const none = await cli(args, noRegion);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(
      "preview-stacks: deploy needs an AWS region: give --region, set AWS_REGION, or set region in the AWS profile.",
    );
  });
});

describe("without AWS credentials", () => {
  it("says how to give them on the command line, not in a workflow", async () => {
    const run = await cli(["deploy", "--template", "template.yaml", "--stack-name", "shop-nokeys"], {
      AWS_ACCESS_KEY_ID: null,
      AWS_SECRET_ACCESS_KEY: null,
      AWS_PROFILE: "nokeys",
      // No instance metadata lookup: the chain ends at the (missing) profile.
      AWS_EC2_METADATA_DISABLED: "true",
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /preview-stacks: No AWS credentials were found while calling \S+ for stack shop-nokeys\. /,
    );
    expect(run.stderr).toContain("Set AWS_PROFILE (or give --profile) to a profile with credentials");
    expect(run.stderr).toContain("aws sso login");
    expect(run.stderr).not.toContain("configure-aws-credentials");
  });
});

describe("a failing deploy", () => {
  it("exits 1 with the root cause on stderr and ok: false in the JSON", async () => {
    aws.inject.failResource("Api", {
      on: "create",
      reason: "Api name shop-preview is taken",
      stackName: "shop-broken",
    });
    const run = await cli(["deploy", "--template", "template.yaml", "--stack-name", "shop-broken", "--json"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Api name shop-preview is taken");
    expect(run.stderr).toMatch(/\npreview-stacks: .*shop-broken/);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ ok: false, outcome: "failed", "stack-name": "shop-broken" });
    expect(out.error).toContain("Api name shop-preview is taken");
  });

  it("exits 1 before any AWS call when the template has errors", async () => {
    writeFileSync(
      join(dir, "broken.yaml"),
      "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketNme: x\n",
    );
    const calls = aws.calls.length;
    const run = await cli(["deploy", "--template", "broken.yaml", "--stack-name", "shop-typo"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/broken\.yaml:5:7 E3002/);
    expect(run.stderr).toContain("nothing was deployed");
    expect(aws.calls.length).toBe(calls);
  });
});

describe("with a GitHub token", () => {
  it("deploy --pr writes the pull request's comment and its GitHub Deployment, as the action does; teardown updates both", async () => {
    const token = { GITHUB_TOKEN: gh.token };
    const deployed = await cli(
      ["deploy", "--template", "template.yaml", "--pr", "12", "--repo", REPOSITORY, "--url-output", "ApiUrl"],
      token,
    );
    expect(deployed.code, deployed.stderr).toBe(0);
    // The pull request's head commit, as GitHub has it: the CLI has no event to read it from.
    const head = gh.state.pulls.find((p) => p.number === 12)?.headSha;
    expect(head).toMatch(/^[0-9a-f]{40}$/);
    expect(gh.state.deployments).toHaveLength(1);
    const [deployment] = gh.state.deployments;
    expect(deployment).toMatchObject({
      repo: REPOSITORY,
      sha: head,
      environment: "pr-12",
      transientEnvironment: true,
      productionEnvironment: false,
      payload: { stackName: "shop-pr-12", region: "us-east-1" },
    });
    // No run page from a terminal, so no log link; the preview's URL on success.
    const url = stackOutput("shop-pr-12");
    expect(url).toMatch(/^https:\/\/.+\.execute-api\.us-east-1\.amazonaws\.com\/prod$/);
    expect(deployment.statuses.map((s) => [s.state, s.environmentUrl, s.logUrl])).toEqual([
      ["in_progress", "", ""],
      ["success", url, ""],
    ]);
    const comments = () =>
      gh.state
        .commentsOn(12, REPOSITORY)
        .filter((c) => c.body.startsWith("<!-- preview-stacks:stack=shop-pr-12 -->"));
    expect(comments()).toHaveLength(1);
    expect(comments()[0].body).toContain("shop-pr-12");
    expect(comments()[0].body).toContain(`/${REPOSITORY}/commit/${head})`);
    const removed = await cli(["teardown", "--pr", "12", "--repo", REPOSITORY], token);
    expect(removed.code, removed.stderr).toBe(0);
    expect(comments()).toHaveLength(1);
    expect(comments()[0].body).toMatch(/removed/i);
    expect(gh.state.deploymentState(deployment)).toBe("inactive");
    expect(gh.calls.some((c) => c.path.endsWith("/pulls/12"))).toBe(true);
  });

  it("sweep deletes the preview of a closed pull request and keeps the open one's", async () => {
    gh.state.addPullRequest({ number: 13 });
    const token = { GITHUB_TOKEN: gh.token };
    for (const pr of ["12", "13"]) {
      const run = await cli(
        ["deploy", "--template", "template.yaml", "--pr", pr, "--repo", REPOSITORY, "--comment", "false"],
        token,
      );
      expect(run.code, run.stderr).toBe(0);
    }
    gh.state.closePullRequest(13);
    const run = await cli(["sweep", "--repo", REPOSITORY, "--json"], token);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      ok: true,
      deleted: ["shop-pr-13"],
      kept: ["shop-pr-12"],
      failed: [],
    });
    expect(stack("shop-pr-13")).toBeUndefined();
    expect(stack("shop-pr-12")).toBeDefined();
  });

  it("deploy --pr of a closed pull request deploys nothing, as GitHub has it closed", async () => {
    gh.state.addPullRequest({ number: 14 });
    gh.state.closePullRequest(14, { merged: true });
    const calls = aws.calls.length;
    const run = await cli(["deploy", "--template", "template.yaml", "--pr", "14", "--repo", REPOSITORY], {
      GITHUB_TOKEN: gh.token,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      "preview-stacks: pull request #14 is closed, so its preview shop-pr-14 is not deployed; remove it with 'preview-stacks teardown --pr 14'.",
    );
    expect(aws.calls.length).toBe(calls);
    expect(gh.state.deployments.filter((d) => d.environment === "pr-14")).toEqual([]);
  });

  it("Ctrl-C during deploy --pr ends the GitHub Deployment as error and says so in the comment", async () => {
    gh.state.addPullRequest({ number: 16 });
    // The stack stays in CREATE_IN_PROGRESS for two simulated minutes (six seconds), so the Ctrl-C
    // lands during the deploy even on a loaded machine, where a quick create could finish first.
    aws.inject.holdStack("shop-pr-16", 120_000);
    const run = await cli(
      ["deploy", "--template", "template.yaml", "--pr", "16", "--repo", REPOSITORY],
      { GITHUB_TOKEN: gh.token, PREVIEW_STACKS_PROGRESS: "plain" },
      { interruptAfter: "CREATE_IN_PROGRESS" },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Received SIGINT: the run was cancelled.");
    expect(run.stderr).toContain("The run was cancelled while deploying shop-pr-16.");
    const deployment = gh.state.deployments.find((d) => d.environment === "pr-16");
    expect(deployment?.statuses.map((s) => s.state)).toEqual(["in_progress", "error"]);
    const comment = gh.state
      .commentsOn(16, REPOSITORY)
      .find((c) => c.body.startsWith("<!-- preview-stacks:stack=shop-pr-16 -->"));
    expect(comment?.body).toMatch(/cancelled/);
  });

  it("sweep without a token is a usage error", async () => {
    const run = await cli(["sweep", "--repo", REPOSITORY]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("set GITHUB_TOKEN (or give --github-token)");
  });
});

describe("build-layer", () => {
  it("builds and publishes a layer to the fake S3 and Lambda, printing its outputs as JSON", async () => {
    aws.state.s3.createBucket("cli-layers", "us-east-1");
    mkdirSync(join(dir, "native/lib"), { recursive: true });
    writeFileSync(join(dir, "native/lib/libdemo.so"), "not really a shared object\n");
    const args = ["build-layer", "--name", "native", "--runtime", "custom", "--include", "native/lib:lib"];
    const run = await cli([...args, "--artifact-bucket", "cli-layers", "--no-cache", "--json"]);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ ok: true, published: true, "cache-hit": false, "layer-version": 1 });
    expect(out.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(out["layer-version-arn"]).toMatch(/^arn:aws:lambda:us-east-1:\d{12}:layer:native:1$/);
    expect(out["s3-uri"]).toBe(`s3://cli-layers/layers/native/${out.sha256}.zip`);
    expect(out.size).toBeGreaterThan(0);

    const again = await cli([...args, "--no-publish", "--no-cache", "--json"]);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({
      sha256: out.sha256,
      published: false,
      "layer-version-arn": "",
    });

    writeFileSync(join(dir, "native/lib/libdemo.so"), "a new build\n");
    const bucket = ["--artifact-bucket", "cli-layers", "--no-cache", "--keep-versions", "1"];
    const dry = await cli([...args, ...bucket, "--dry-run"]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(
      "dry run: nothing was changed; a run would upload the zip, publish a new version, delete versions 1\n",
    );
    const dryJson = JSON.parse((await cli([...args, ...bucket, "--dry-run", "--json"])).stdout);
    expect(dryJson).toMatchObject({
      published: false,
      "layer-version-arn": "",
      planned: { upload: true, publish: true, prune: [1] },
    });
    expect(aws.state.lambda.listLayerVersions("native").map((v) => v.version)).toEqual([1]);
  });
});
