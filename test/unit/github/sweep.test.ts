import { getOctokit } from "@actions/github";
import { describe, expect, it } from "vitest";
import { pullRequestStatus } from "../../../src/github/pulls";
import { renderSweepSummary, type SweepSummaryInfo } from "../../../src/github/sweep-summary";
import type { SweepEntry, SweepResult } from "../../../src/stack/sweep";
import { withFakeGitHub } from "./support";

describe("pullRequestStatus against the fake GitHub", () => {
  const github = withFakeGitHub();

  it("tells open, closed, merged and missing pull requests apart, one GET each", async () => {
    const gh = github();
    gh.state.addPullRequest({ number: 1 });
    gh.state.addPullRequest({ number: 2, state: "closed" });
    gh.state.addPullRequest({ number: 3, state: "closed", merged: true });
    const octokit = getOctokit(gh.token, { baseUrl: gh.url, retry: { enabled: false } });
    const states = [];
    for (const number of [1, 2, 3, 4]) {
      states.push((await pullRequestStatus(octokit, { owner: "acme", repo: "shop", number })).state);
    }
    expect(states).toEqual(["open", "closed", "merged", "not-found"]);
    expect(gh.calls.map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual([
      "GET /repos/acme/shop/pulls/1 200",
      "GET /repos/acme/shop/pulls/2 200",
      "GET /repos/acme/shop/pulls/3 200",
      "GET /repos/acme/shop/pulls/4 404",
    ]);
  });

  it("throws anything but a 404, so the sweep never takes an error for a missing pull request", async () => {
    const gh = github();
    gh.state.addPullRequest({ number: 1 });
    gh.inject.serverError({ status: 502 });
    const octokit = getOctokit(gh.token, { baseUrl: gh.url, retry: { enabled: false } });
    await expect(
      pullRequestStatus(octokit, { owner: "acme", repo: "shop", number: 1 }),
    ).rejects.toMatchObject({
      status: 502,
    });
  });
});

const DAY = 86_400_000;
const INFO: SweepSummaryInfo = {
  repository: "acme/shop",
  repositoryUrl: "https://github.com/acme/shop",
  prefix: "shop",
  ttl: "7d",
  maxDeletions: 10,
  dryRun: false,
  runUrl: "https://github.com/acme/shop/actions/runs/7",
};

function entry(pr: number, overrides: Partial<SweepEntry> = {}): SweepEntry {
  return {
    preview: {
      stackName: `shop-pr-${pr}`,
      stackId: undefined,
      pr,
      status: "CREATE_COMPLETE",
      lastChanged: new Date(0),
      tags: [],
    },
    pullRequest: { state: "closed" },
    ageMs: 3 * DAY,
    verdict: { decision: "delete", expired: false },
    outcome: "deleted",
    ...overrides,
  };
}

function sweep(entries: SweepEntry[]): SweepResult {
  const names = (...outcomes: string[]) =>
    entries.filter((e) => outcomes.includes(e.outcome)).map((e) => e.preview.stackName);
  return {
    entries,
    deleted: names("deleted", "not-found"),
    failed: names("failed", "refused"),
    kept: names("kept", "reported", "deferred", "planned"),
    pullRequests: entries.length,
  };
}

describe("renderSweepSummary", () => {
  it("has one row per preview, failures first, each value escaped", () => {
    const body = renderSweepSummary(
      sweep([
        entry(1, { ageMs: 9 * DAY + 3_600_000, verdict: { decision: "delete", expired: true } }),
        entry(2, {
          pullRequest: { state: "open" },
          verdict: { decision: "keep", expired: false },
          outcome: "kept",
        }),
        entry(3, {
          pullRequest: { state: "open" },
          ageMs: 30 * DAY,
          verdict: { decision: "report", expired: true },
          outcome: "reported",
        }),
        entry(4, {
          pullRequest: { state: "not-found" },
          verdict: { decision: "report", expired: false },
          outcome: "reported",
        }),
        entry(5, { outcome: "failed", message: "Bucket <b>Uploads</b> | not empty @team" }),
        entry(6, { pullRequest: { state: "merged" }, outcome: "deferred" }),
        entry(7, {
          pullRequest: { state: "unknown", error: "502 Bad Gateway" },
          verdict: { decision: "report", expired: false },
          outcome: "reported",
          ageMs: undefined,
        }),
      ]),
      INFO,
    );
    expect(body).toBe(
      [
        "### 🧹 Preview sweep of `acme/shop`",
        "",
        "7 previews named `shop-pr-<n>`, ttl `7d`: 1 deleted, 1 failed, 5 kept. [Logs](https://github.com/acme/shop/actions/runs/7).",
        "",
        "| Stack | Pull request | State | Age | Decision | Result |",
        "| --- | --- | --- | --- | --- | --- |",
        "| `shop-pr-5` | [#5](https://github.com/acme/shop/pull/5) | closed | 3d 0h | delete | ❌ failed: Bucket &lt;b&gt;Uploads&lt;/b&gt; \\| not empty @&#8203;team |",
        "| `shop-pr-1` | [#1](https://github.com/acme/shop/pull/1) | closed | 9d 1h (past the ttl) | delete | ✅ deleted |",
        "| `shop-pr-6` | [#6](https://github.com/acme/shop/pull/6) | merged | 3d 0h | delete | ⏭️ next run (at most 10 deletions a run) |",
        "| `shop-pr-3` | [#3](https://github.com/acme/shop/pull/3) | open | 30d 0h (past the ttl) | report | ⚠️ open and past the ttl: not deleted while its pull request is open |",
        "| `shop-pr-4` | [#4](https://github.com/acme/shop/pull/4) | not found | 3d 0h | report | ⚠️ no such pull request in this repository: never deleted by the sweep |",
        "| `shop-pr-7` | [#7](https://github.com/acme/shop/pull/7) | unknown | unknown | report | ⚠️ GitHub did not answer (502 Bad Gateway): judged again next run |",
        "| `shop-pr-2` | [#2](https://github.com/acme/shop/pull/2) | open | 3d 0h | keep | kept |",
        "",
      ].join("\n"),
    );
  });

  it("says what a dry run would delete, and that nothing changed", () => {
    const body = renderSweepSummary(sweep([entry(1, { outcome: "planned" })]), {
      ...INFO,
      dryRun: true,
      runUrl: undefined,
    });
    expect(body).toContain(
      "1 preview named `shop-pr-<n>`, ttl `7d`: 1 would be deleted; dry run: nothing was changed.\n",
    );
    expect(body).toContain("| delete | 📝 would be deleted |");
  });

  it("says so when there is no preview at all", () => {
    expect(renderSweepSummary(sweep([]), { ...INFO, runUrl: undefined })).toBe(
      "### 🧹 Preview sweep of `acme/shop`\n\n0 previews named `shop-pr-<n>`, ttl `7d`: 0 deleted, 0 failed, 0 kept.\n",
    );
  });

  it("stays under the size limit, saying how many rows were left out and where they all are", () => {
    const entries = Array.from({ length: 500 }, (_, i) => entry(i + 1, { outcome: "kept" }));
    const body = renderSweepSummary(sweep(entries), INFO, 20_000);
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(20_000);
    const shown = body.split("\n").filter((l) => l.startsWith("| `shop-pr-")).length;
    expect(shown).toBeGreaterThan(100);
    expect(body).toContain(
      `_${500 - shown} more previews are not shown here; the deleted, kept and failed outputs list every stack._`,
    );
  });
});
