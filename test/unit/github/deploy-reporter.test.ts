import { getOctokit } from "@actions/github";
import { describe, expect, it } from "vitest";
import {
  type DeployReporterOptions,
  GitHubReporter,
  onCancel,
  pullRequestNow,
  reportInfo,
} from "../../../src/github/deploy-reporter";
import { githubGuard, WORKFLOW_PERMISSIONS_HINT } from "../../../src/github/guard";
import { Redactor } from "../../../src/github/redact";
import { result, withFakeGitHub } from "./support";

const SHA = "1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d";
const RUN = "https://github.com/acme/shop/actions/runs/4242";
const TARGET = { repository: "acme/shop", owner: "acme", repo: "shop", prNumber: 12, sha: SHA, runUrl: RUN };
const REQUEST = {
  stackName: "shop-pr-12",
  region: "eu-west-1",
  environment: "pr-12",
  mode: "deploy" as const,
  preview: true,
};

describe("onCancel", () => {
  it("on a signal reports once, then stops even when the report fails; the returned function removes the handlers", async () => {
    const calls: string[] = [];
    const reporter = {
      interrupted: async (stack: string, how: string) => {
        calls.push(`${how} ${stack}`);
        throw new Error("GitHub is down");
      },
    } as unknown as GitHubReporter;
    const before = process.listenerCount("SIGINT");
    let stopped: (message: string) => void = () => {};
    const stop = new Promise<string>((resolve) => {
      stopped = resolve;
    });
    const remove = onCancel(reporter, "shop-pr-12", { log: () => {}, stop: (m) => stopped(m) });
    expect(process.listenerCount("SIGINT")).toBe(before + 1);
    process.emit("SIGINT", "SIGINT");
    process.emit("SIGTERM", "SIGTERM");
    expect(await stop).toMatch(/^The run was cancelled while deploying shop-pr-12\./);
    expect(calls).toEqual(["cancelled shop-pr-12"]);
    remove();
    expect(process.listenerCount("SIGINT")).toBe(before);
  });
});

describe("githubGuard", () => {
  it("passes a call's value through, and turns a failure into one warning with the caller's hint", async () => {
    const warnings: string[] = [];
    const guard = githubGuard("The deploy result", (m) => warnings.push(m));
    expect(await guard("read it", async () => 7)).toBe(7);
    expect(warnings).toEqual([]);
    expect(
      await guard("write the pull request comment", async () => {
        throw new Error("Resource not accessible by integration");
      }),
    ).toBeUndefined();
    expect(warnings).toEqual([
      `Could not write the pull request comment on GitHub: Resource not accessible by integration. The deploy result is unaffected; ${WORKFLOW_PERMISSIONS_HINT}.`,
    ]);
    const cli: string[] = [];
    await githubGuard(
      "The teardown result",
      (m) => cli.push(m),
      "check the token",
    )("x", () => Promise.reject(new Error("Bad credentials")));
    expect(cli).toEqual([
      "Could not x on GitHub: Bad credentials. The teardown result is unaffected; check the token.",
    ]);
  });
});

describe("reportInfo", () => {
  it("links the commit on the server, and leaves out a run page that does not exist", () => {
    expect(reportInfo(TARGET, "pr-12", { GITHUB_SERVER_URL: "https://ghe.example/" })).toEqual({
      commit: { sha: SHA, url: `https://ghe.example/acme/shop/commit/${SHA}` },
      runUrl: RUN,
      environment: "pr-12",
    });
    expect(reportInfo({ ...TARGET, sha: "", runUrl: "" }, undefined, {})).toEqual({
      commit: undefined,
      runUrl: undefined,
      environment: undefined,
    });
  });
});

describe("against the fake GitHub", () => {
  const gh = withFakeGitHub();
  const warnings: string[] = [];
  const options = (overrides: Partial<DeployReporterOptions> = {}): DeployReporterOptions => ({
    octokit: getOctokit(gh().token, { baseUrl: gh().url }),
    target: TARGET,
    comment: true,
    info: reportInfo(TARGET, "pr-12", {}),
    redactor: new Redactor(),
    guard: githubGuard("The deploy result", (m) => warnings.push(m)),
    log: () => {},
    ...overrides,
  });

  it("pullRequestNow reads whether the pull request is closed, merged or not, and its head commit", async () => {
    const open = gh().state.addPullRequest({ number: 12, headSha: SHA });
    const octokit = getOctokit(gh().token, { baseUrl: gh().url });
    const pull = { owner: "acme", repo: "shop", number: 12 };
    expect(await pullRequestNow(octokit, pull, options().guard)).toEqual({
      closed: false,
      headSha: open.headSha,
    });
    gh().state.closePullRequest(12, { merged: true });
    expect(await pullRequestNow(octokit, pull, options().guard)).toEqual({ closed: true, headSha: SHA });
  });

  it("start creates the deployment in progress; report ends it with the URL and writes the comment", async () => {
    gh().state.addPullRequest({ number: 12 });
    const reporter = await GitHubReporter.start(options(), REQUEST);
    expect(reporter.deploymentId).toBe(gh().state.deployments[0].id);
    await reporter.report(result());
    const [deployment] = gh().state.deployments;
    expect(deployment).toMatchObject({
      sha: SHA,
      environment: "pr-12",
      transientEnvironment: true,
      payload: { stackName: "shop-pr-12", region: "eu-west-1" },
    });
    expect(deployment.statuses.map((s) => [s.state, s.environmentUrl, s.logUrl, s.description])).toEqual([
      ["in_progress", "", RUN, "Deploying shop-pr-12"],
      ["success", "https://abc.execute-api.eu-west-1.amazonaws.com/", RUN, "shop-pr-12: UPDATE_COMPLETE"],
    ]);
    const comments = gh().state.commentsOn(12, "acme/shop");
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toContain("<!-- preview-stacks:stack=shop-pr-12 -->");
  });

  it("makes no deployment without an environment, a commit, or for a change set made for review", async () => {
    for (const [settings, request] of [
      [options(), { ...REQUEST, environment: undefined }],
      [options({ target: { ...TARGET, sha: "" } }), REQUEST],
      [options(), { ...REQUEST, mode: "create-change-set" as const }],
    ] as const) {
      expect((await GitHubReporter.start(settings, request)).deploymentId).toBeUndefined();
    }
    expect(gh().state.deployments).toEqual([]);
  });

  it("from a terminal (no run page), links no log; interrupted ends the deployment as error", async () => {
    gh().state.addPullRequest({ number: 12 });
    const target = { ...TARGET, runUrl: "" };
    const reporter = await GitHubReporter.start(
      options({ target, info: reportInfo(target, "pr-12", {}), comment: false }),
      REQUEST,
    );
    await reporter.interrupted("shop-pr-12", "cancelled");
    expect(gh().state.deployments[0].statuses.map((s) => [s.state, s.logUrl])).toEqual([
      ["in_progress", ""],
      ["error", ""],
    ]);
    expect(gh().state.commentsOn(12, "acme/shop")).toEqual([]);
  });

  it("cleans secrets from what it sends, and a failing GitHub is only a warning", async () => {
    gh().state.addPullRequest({ number: 12 });
    const redactor = new Redactor();
    redactor.add("hunter2-secret");
    const reporter = await GitHubReporter.start(options({ redactor }), REQUEST);
    await reporter.finish("failure", "Stack failed: password hunter2-secret was rejected");
    expect(gh().state.deployments[0].statuses.at(-1)?.description).not.toContain("hunter2-secret");
    warnings.length = 0;
    const denied = await GitHubReporter.start(
      options({ octokit: getOctokit("not-a-token", { baseUrl: gh().url }) }),
      REQUEST,
    );
    expect(denied.deploymentId).toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^Could not create the deployment on GitHub: .*The deploy result is unaffected/,
    );
  });
});
