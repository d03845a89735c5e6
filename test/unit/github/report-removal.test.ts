import { getOctokit } from "@actions/github";
import { beforeEach, describe, expect, it } from "vitest";
import { type ReportRemovalOptions, reportRemoval } from "../../../src/github/removal";
import type { TeardownResult } from "../../../src/stack/teardown";
import type { FakeGitHub } from "../../fakes/github/index";
import { teardownResult } from "../stack/support";
import { withFakeGitHub } from "./support";

const MARKER = "<!-- preview-stacks:stack=shop-pr-12 -->";

function result(status: TeardownResult["status"]): TeardownResult {
  return teardownResult({
    status,
    message: `Stack shop-pr-12: ${status}.`,
    failure: status === "refused" ? { kind: "termination-protection", message: "Protected." } : undefined,
  });
}

describe("reportRemoval against the fake GitHub", () => {
  const github = withFakeGitHub();
  let gh: FakeGitHub;
  let warnings: string[];
  let log: string[];
  beforeEach(() => {
    gh = github();
    gh.state.addPullRequest({ number: 12, state: "closed" });
    warnings = [];
    log = [];
  });

  function options(overrides: Partial<ReportRemovalOptions> = {}): ReportRemovalOptions {
    return {
      owner: "acme",
      repo: "shop",
      pr: 12,
      environment: "pr-12",
      runUrl: "https://github.com/acme/shop/actions/runs/7",
      when: new Date("2026-12-01T03:17:00Z"),
      dryRun: false,
      guard: async (what, call) => {
        try {
          return await call();
        } catch (error) {
          warnings.push(`${what}: ${(error as Error).message}`);
          return undefined;
        }
      },
      log: (line) => log.push(line),
      ...overrides,
    };
  }

  function deployment() {
    const d = gh.state.addDeployment({
      ref: "a".repeat(40),
      environment: "pr-12",
      transientEnvironment: true,
    });
    gh.state.addDeploymentStatus(d, { state: "success" });
    return d;
  }

  const octokit = () => getOctokit(gh.token, { baseUrl: gh.url, retry: { enabled: false } });

  it("marks the deployments inactive, then rewrites our comment in place", async () => {
    const d = deployment();
    const ours = gh.state.addComment({ issueNumber: 12, body: `${MARKER}\n### ✅ Preview updated` });
    const done = await reportRemoval(octokit(), result("deleted"), options());
    expect(done).toMatchObject({ deployments: 1, comment: { action: "updated", id: ours.id } });
    expect(gh.state.deploymentState(d)).toBe("inactive");
    const [comment] = gh.state.commentsOn(12);
    expect(comment.body.startsWith(`${MARKER}\n\n### 🗑️ Preview \`shop-pr-12\` removed`)).toBe(true);
    expect(comment.body).toContain("| Environment | `pr-12` (1 deployment marked inactive) |");
    expect(log).toContain(`Marked 1 deployments of environment pr-12 inactive (${d.id}).`);
  });

  it("in a dry run only lists, even for a refusal", async () => {
    const d = deployment();
    expect(await reportRemoval(octokit(), result("planned"), options({ dryRun: true }))).toEqual({
      deployments: 1,
      comment: undefined,
    });
    await reportRemoval(octokit(), result("refused"), options({ dryRun: true }));
    expect(gh.calls.filter((c) => c.method !== "GET")).toEqual([]);
    expect(gh.state.deploymentState(d)).toBe("success");
  });

  it("leaves the deployments of a stack still there, and says why in the comment", async () => {
    const d = deployment();
    const done = await reportRemoval(octokit(), result("refused"), options());
    expect(done).toMatchObject({ deployments: undefined, comment: { action: "created" } });
    expect(gh.state.deploymentState(d)).toBe("success");
    expect(gh.state.commentsOn(12)[0].body).toContain("⛔ Teardown of `shop-pr-12` refused");
  });

  it("writes no comment for a stack that was already gone, and one failing step does not stop the other", async () => {
    deployment();
    expect(await reportRemoval(octokit(), result("not-found"), options())).toEqual({
      deployments: 1,
      comment: undefined,
    });
    gh.inject.serverError({ route: "GET /repos/{owner}/{repo}/deployments", status: 503 });
    const done = await reportRemoval(octokit(), result("deleted"), options());
    expect(done.deployments).toBeUndefined();
    expect(done.comment?.action).toBe("created");
    expect(warnings).toEqual([expect.stringMatching(/^mark the deployments inactive: /)]);
  });
});
