/**
 * What every end-to-end test of a stack action starts from: the fake AWS and the fake GitHub on
 * 127.0.0.1, pull request #12 of acme/shop, a workspace holding template.yaml, and a way to run a
 * bundle as the runner does for that pull request. The fake AWS and the bundle share one simulated
 * clock running SCALE times faster than real time (the fake's timeScale, and the bundle's
 * PREVIEW_STACKS_TIME_SCALE anchored at the same instant), so polling, backoff and
 * timeout-minutes run unchanged, only compressed.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type FakeAws, type FakeAwsOptions, startFakeAws } from "../fakes/aws/index";
import { type FakeGitHub, startFakeGitHub } from "../fakes/github/index";
import { pullRequestEvent } from "./events";
import { actionMetadata, type RunActionOptions, type RunResult, runAction } from "./harness";

export const SCALE = 50;
export const HEAD = "1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d";
export const PR = 12;
export const REPOSITORY = "acme/shop";

export interface PreviewFixtureOptions {
  template: string;
  /** Simulated time each resource takes; per type, with "*" for the rest. */
  resourceDelayMs?: number | Record<string, number>;
  /** Tokens the fake GitHub accepts besides its own, mapped to the login each authenticates. */
  tokens?: Record<string, string>;
  /** More settings of the fake AWS (changeSetDelayMs, pageSize, ...). */
  aws?: Omit<FakeAwsOptions, "startTime" | "timeScale">;
  /** Inputs every run gets unless a test overrides them (github-token always, template where the action takes one). */
  inputs?: Record<string, string>;
  /** Environment every run gets besides the fixture's own. */
  env?: Record<string, string>;
}

export class PreviewFixture {
  /** Every push starts a new workflow run, so each run gets its own run id. */
  private runs = 0;

  private constructor(
    readonly aws: FakeAws,
    readonly gh: FakeGitHub,
    readonly workspace: string,
    /** The real instant at which the fake's simulated clock read the same as the real one. */
    readonly origin: number,
    private readonly inputs: Record<string, string>,
    private readonly env: Record<string, string>,
  ) {}

  static async start(options: PreviewFixtureOptions): Promise<PreviewFixture> {
    const origin = Date.now();
    const aws = await startFakeAws({
      ...options.aws,
      startTime: origin,
      timeScale: SCALE,
      resourceDelayMs: options.resourceDelayMs ?? 0,
    });
    const gh = await startFakeGitHub({ repo: REPOSITORY, tokens: options.tokens });
    gh.state.addPullRequest({ number: PR, headSha: HEAD });
    const workspace = mkdtempSync(join(tmpdir(), "preview-stacks-e2e-"));
    writeFileSync(join(workspace, "template.yaml"), options.template);
    return new PreviewFixture(aws, gh, workspace, origin, options.inputs ?? {}, options.env ?? {});
  }

  writeTemplate(body: string): void {
    writeFileSync(join(this.workspace, "template.yaml"), body);
  }

  /** Runs `action`'s bundle on PR #12's push (synchronize) unless `extra.event` says otherwise. */
  run(
    action: string,
    inputs: Record<string, string> = {},
    extra: Partial<RunActionOptions> = {},
  ): Promise<RunResult> {
    // Only the actions that deploy a template take one.
    const defaults: Record<string, string> =
      actionMetadata(action).meta.inputs?.template !== undefined ? { template: "template.yaml" } : {};
    return runAction({
      action,
      workspace: this.workspace,
      event: pullRequestEvent({ number: PR, sha: HEAD, action: "synchronize" }),
      awsEndpoint: this.aws.endpoint,
      githubApiUrl: this.gh.url,
      inputs: { ...defaults, "github-token": this.gh.token, ...this.inputs, ...inputs },
      env: {
        AWS_S3_FORCE_PATH_STYLE: "true",
        PREVIEW_STACKS_TIME_SCALE: String(SCALE),
        PREVIEW_STACKS_TIME_ORIGIN: String(this.origin),
        ...this.env,
      },
      runId: String(4242 + this.runs++),
      ...extra,
    });
  }

  deploy(inputs: Record<string, string> = {}, extra: Partial<RunActionOptions> = {}): Promise<RunResult> {
    return this.run("deploy", inputs, extra);
  }

  /** The sticky comments of a stack on PR #12, oldest first. */
  comments(stackName = `shop-pr-${PR}`): string[] {
    const marker = `<!-- preview-stacks:stack=${stackName} -->`;
    return this.gh.state
      .commentsOn(PR, REPOSITORY)
      .map((c) => c.body)
      .filter((b) => b.startsWith(marker));
  }

  /** CloudFormation actions called since the index-th recorded call. */
  cfnActionsSince(index: number): string[] {
    return this.aws.calls
      .slice(index)
      .filter((c) => c.service === "cloudformation")
      .map((c) => c.action);
  }

  async close(): Promise<void> {
    await this.aws.close();
    await this.gh.close();
  }
}
