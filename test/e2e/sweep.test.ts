/**
 * The sweep bundle (dist/sweep) run as the runner runs it on a nightly schedule, against the fake
 * AWS (listing paged 10 stacks at a time) and the fake GitHub: which previews it deletes, the cap,
 * failures that do not stop the others, throttling and 5xx, other repositories' stacks, dry runs.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { RecordedCall } from "../fakes/aws/index";
import { scheduleEvent } from "./events";
import type { RunResult } from "./harness";
import { HEAD, PreviewFixture, REPOSITORY } from "./preview-fixture";
import { BUCKET_TEMPLATE, bucketOf, type StackSeed, seedStacks, TOPIC_TEMPLATE } from "./seed-previews";

let f: PreviewFixture;

afterEach(async () => {
  await f?.close();
});

async function start(): Promise<void> {
  f = await PreviewFixture.start({ template: TOPIC_TEMPLATE, aws: { pageSize: 10 } });
}

function seed(stacks: StackSeed[]): Promise<void> {
  return seedStacks(f.aws, stacks, REPOSITORY);
}

/** The stack a call is about: its StackName, by name or inside an ARN. */
function stackOf(call: RecordedCall): string | undefined {
  const name = call.keys.StackName;
  return name?.startsWith("arn:") ? name.split("/")[1] : name;
}

/** The status of the newest stack of that name, deleted ones included. */
function status(name: string): string | undefined {
  f.aws.tick();
  return [...f.aws.state.cloudformation.stacks.values()].filter((s) => s.stackName === name).at(-1)?.status;
}

function pullRequestGets(): string[] {
  return f.gh.calls
    .filter((c) => c.method === "GET" && /^\/repos\/acme\/shop\/pulls\/\d+$/.test(c.path))
    .map((c) => c.path.split("/").pop() as string);
}

function sweep(inputs: Record<string, string> = {}): Promise<RunResult> {
  return f.run("sweep", inputs, { event: scheduleEvent(), timeoutMs: 120_000 });
}

function log(run: RunResult): string {
  return `${run.stdout}\n${run.stderr}`;
}

describe("sweep", () => {
  it("over 30 previews on 4 pages, deletes only closed pull requests' previews, oldest first up to the cap, past a failure and a refusal", async () => {
    await start();
    const closed = [101, 102, 103, 104, 105, 106, 107, 108, 109, 110];
    for (const pr of closed) f.gh.state.addPullRequest({ number: pr, state: "closed", merged: pr >= 107 });
    for (let pr = 111; pr <= 126; pr++) f.gh.state.addPullRequest({ number: pr });
    // 127 and 128 have previews but no pull request; 129 and 130 are open.
    for (const pr of [129, 130]) f.gh.state.addPullRequest({ number: pr });
    await seed([
      // Closed: 101 the oldest (20 days) to 110 (11 days).
      ...closed.map((pr) => ({
        name: `shop-pr-${pr}`,
        pr,
        ageDays: 121 - pr,
        template: pr === 101 ? BUCKET_TEMPLATE : TOPIC_TEMPLATE,
      })),
      // Open and fresh, open past the ttl, unknown to GitHub, open and fresh.
      ...Array.from({ length: 12 }, (_, i) => ({
        name: `shop-pr-${111 + i}`,
        pr: 111 + i,
        ageDays: 1 + (i % 5),
      })),
      ...[123, 124, 125, 126].map((pr) => ({ name: `shop-pr-${pr}`, pr, ageDays: 30 })),
      ...[127, 128].map((pr) => ({ name: `shop-pr-${pr}`, pr, ageDays: 60 })),
      ...[129, 130].map((pr) => ({ name: `shop-pr-${pr}`, pr, ageDays: 2 })),
      // Not this sweep's: another repository's previews (one named like ours), stacks without our
      // tags, and this repository's previews of another stack-prefix.
      { name: "shop-pr-150", ageDays: 90, repository: "acme/other", pr: 150 },
      { name: "other-pr-7", ageDays: 90, repository: "acme/other", pr: 7 },
      { name: "shop-prod", ageDays: 90, tags: [] },
      { name: "shop-pr-151", ageDays: 90, tags: [] },
      { name: "api-pr-101", ageDays: 90, pr: 101 },
    ]);
    const foreign = ["shop-pr-150", "other-pr-7", "shop-prod", "shop-pr-151", "api-pr-101"];

    // 101's bucket holds versions and a delete marker; the teardown path empties it.
    const bucket = bucketOf(f.aws, "shop-pr-101");
    f.aws.state.s3.setVersioning(bucket, "Enabled");
    for (let i = 0; i < 5; i++) f.aws.state.s3.putObject(bucket, `upload-${i % 2}`, Buffer.from(`v${i}`));
    f.aws.state.s3.deleteObject(bucket, "upload-0");
    // 102 is protected from termination: refused. 104's topic fails to delete, on the retry too.
    const protectedStack = f.aws.state.cloudformation.findStack("shop-pr-102");
    if (protectedStack) protectedStack.terminationProtection = true;
    f.aws.inject.failResource("Topic", {
      on: "delete",
      stackName: "shop-pr-104",
      reason: "Topic is in use",
      times: 5,
    });
    // The removed previews' deployments and comments.
    const deployment = (pr: number) => {
      const d = f.gh.state.addDeployment({ ref: HEAD, environment: `pr-${pr}`, transientEnvironment: true });
      f.gh.state.addDeploymentStatus(d, { state: "success" });
      return d;
    };
    const deployed101 = deployment(101);
    const deployed102 = deployment(102);
    const comment101 = f.gh.state.addComment({
      issueNumber: 101,
      body: "<!-- preview-stacks:stack=shop-pr-101 -->\n### ✅ Preview `shop-pr-101` updated",
    });

    const before = f.aws.calls.length;
    const run = await sweep({ "max-deletions": "8" });

    expect(run.exitCode, log(run)).toBe(1);
    const deleted = [
      "shop-pr-101",
      "shop-pr-103",
      "shop-pr-105",
      "shop-pr-106",
      "shop-pr-107",
      "shop-pr-108",
    ];
    expect(JSON.parse(run.outputs.deleted)).toEqual(deleted);
    expect(JSON.parse(run.outputs.failed)).toEqual(["shop-pr-102", "shop-pr-104"]);
    const kept = JSON.parse(run.outputs.kept) as string[];
    expect(kept).toHaveLength(22);
    expect(kept).toEqual(
      expect.arrayContaining(["shop-pr-109", "shop-pr-110", "shop-pr-123", "shop-pr-127"]),
    );

    for (const name of deleted) expect(status(name), name).toBe("DELETE_COMPLETE");
    expect(f.aws.state.s3.hasBucket(bucket)).toBe(false);
    expect(status("shop-pr-102")).toBe("CREATE_COMPLETE");
    expect(status("shop-pr-104")).toBe("DELETE_FAILED");
    for (const name of [...kept, ...foreign]) expect(status(name), name).not.toMatch(/^DELETE/);

    // Deletions only of the 8 oldest closed previews; 102 was never asked to go.
    const calls = f.aws.calls.slice(before);
    const deletes = new Set(calls.filter((c) => c.action === "DeleteStack").map(stackOf));
    expect([...deletes].sort()).toEqual([...deleted, "shop-pr-104"].sort());
    // Found on 4 pages (35 stacks, 10 a page); nothing about any other stack, of any kind.
    const listings = calls.filter((c) => c.action === "DescribeStacks" && !c.keys.StackName);
    expect(listings).toHaveLength(4);
    const mentions = calls.filter((c) =>
      foreign.some((name) => JSON.stringify([c.keys, c.params ?? {}]).includes(name)),
    );
    expect(mentions).toEqual([]);

    // GitHub: each of this sweep's 30 pull requests asked about once, and no other.
    const asked = pullRequestGets();
    expect(asked.sort()).toEqual(Array.from({ length: 30 }, (_, i) => String(101 + i)));
    expect(f.gh.state.deploymentState(deployed101)).toBe("inactive");
    expect(f.gh.state.deploymentState(deployed102)).toBe("success");
    const updated = f.gh.state.commentsOn(101, REPOSITORY).find((c) => c.id === comment101.id);
    expect(updated?.body).toContain("### 🗑️ Preview `shop-pr-101` removed");
    expect(f.gh.state.commentsOn(101, REPOSITORY)).toHaveLength(1);

    expect(run.summary.split("\n").filter((l) => l.startsWith("| `shop-pr-"))).toHaveLength(30);
    expect(run.summary).toContain("⏭️ next run (at most 8 deletions a run)");
    expect(run.summary).toMatch(
      /\| `shop-pr-102` \| .* \| ⛔ refused: Stack shop-pr-102 has termination protection enabled/,
    );
    const messages = run.annotations.map((a) => `${a.level}: ${a.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^notice: 4 previews of open pull requests have not changed for longer than the ttl \(7d\)/,
        ),
        expect.stringMatching(
          /^warning: 2 previews are tagged with a pull request this repository does not have/,
        ),
        expect.stringMatching(/^notice: 2 stale previews are left for the next run, as max-deletions is 8/),
        expect.stringMatching(/^error: 2 of 8 deletions did not succeed; the others went on\. shop-pr-102: /),
      ]),
    );
  });

  it("rides out throttling and 5xx from AWS and GitHub", async () => {
    await start();
    for (const pr of [201, 202, 203]) f.gh.state.addPullRequest({ number: pr, state: "closed" });
    for (const pr of [204, 205]) f.gh.state.addPullRequest({ number: pr });
    await seed(
      [201, 202, 203, 204, 205].map((pr) => ({
        name: `shop-pr-${pr}`,
        pr,
        ageDays: 3,
        template: BUCKET_TEMPLATE,
      })),
    );
    for (const pr of [201, 202, 203]) {
      const bucket = bucketOf(f.aws, `shop-pr-${pr}`);
      f.aws.state.s3.putObject(bucket, "index.html", Buffer.from("<h1>preview</h1>"));
    }
    // Each throttle costs the SDK's backoff in real time, and slows its adaptive rate: a few show it.
    f.aws.inject.throttle({ service: "cloudformation", action: "DescribeStacks" }, 2);
    f.aws.inject.serverError({ service: "cloudformation", action: "DeleteStack" }, 2);
    f.aws.inject.throttle({ service: "s3" }, 1);
    f.gh.inject.serverError({
      route: "GET /repos/{owner}/{repo}/pulls/{pull_number}",
      times: 2,
      status: 502,
    });
    f.gh.inject.rateLimit({ route: "GET /repos/{owner}/{repo}/pulls/{pull_number}", retryAfter: 5 });

    const run = await sweep();

    expect(run.exitCode, log(run)).toBe(0);
    expect(JSON.parse(run.outputs.deleted)).toEqual(["shop-pr-201", "shop-pr-202", "shop-pr-203"]);
    expect(JSON.parse(run.outputs.failed)).toEqual([]);
    for (const pr of [201, 202, 203]) expect(status(`shop-pr-${pr}`)).toBe("DELETE_COMPLETE");
    for (const pr of [204, 205]) expect(status(`shop-pr-${pr}`)).toBe("CREATE_COMPLETE");
    // Every fault was met, and answered by a retry.
    expect(f.aws.calls.filter((c) => c.fault === "throttle")).toHaveLength(3);
    expect(f.aws.calls.filter((c) => c.fault === "serverError")).toHaveLength(2);
    expect(f.gh.calls.filter((c) => c.fault)).toHaveLength(3);
    expect(run.annotations.filter((a) => a.level !== "notice")).toEqual([]);
  });

  it("in a dry run, plans and reports without a single mutating call", async () => {
    await start();
    f.gh.state.addPullRequest({ number: 301, state: "closed" });
    f.gh.state.addPullRequest({ number: 302, state: "closed", merged: true });
    f.gh.state.addPullRequest({ number: 303 });
    await seed([
      { name: "shop-pr-301", pr: 301, ageDays: 9, template: BUCKET_TEMPLATE },
      { name: "shop-pr-302", pr: 302, ageDays: 8 },
      { name: "shop-pr-303", pr: 303, ageDays: 30 },
      { name: "shop-pr-304", ageDays: 90, repository: "acme/other", pr: 304 },
    ]);
    const bucket = bucketOf(f.aws, "shop-pr-301");
    f.aws.state.s3.putObject(bucket, "a.txt", Buffer.from("a"));
    const d = f.gh.state.addDeployment({ ref: HEAD, environment: "pr-301", transientEnvironment: true });
    f.gh.state.addDeploymentStatus(d, { state: "success" });
    const before = f.aws.calls.length;

    const run = await sweep({ "dry-run": "true", "delete-expired-open": "true" });

    expect(run.exitCode, log(run)).toBe(0);
    expect(JSON.parse(run.outputs.deleted)).toEqual([]);
    expect(JSON.parse(run.outputs.failed)).toEqual([]);
    expect(JSON.parse(run.outputs.kept)).toEqual(["shop-pr-303", "shop-pr-301", "shop-pr-302"]);
    const calls = f.aws.calls.slice(before);
    expect(
      calls.filter((c) => c.service === "cloudformation" && !/^(Describe|List|Get)/.test(c.action)),
    ).toEqual([]);
    expect(calls.filter((c) => c.service === "s3" && !/^(GET|HEAD) /.test(c.action))).toEqual([]);
    expect(f.gh.calls.filter((c) => c.method !== "GET")).toEqual([]);
    expect(calls.filter((c) => stackOf(c) === "shop-pr-304")).toEqual([]);
    for (const name of ["shop-pr-301", "shop-pr-302", "shop-pr-303", "shop-pr-304"]) {
      expect(status(name)).toBe("CREATE_COMPLETE");
    }
    expect(f.aws.state.s3.listKeys(bucket)).toEqual(["a.txt"]);
    expect(f.gh.state.deploymentState(d)).toBe("success");
    expect(run.summary).toContain(
      "3 previews named `shop-pr-<n>`, ttl `7d`: 3 would be deleted; dry run: nothing was changed.",
    );
    expect(run.summary.match(/📝 would be deleted/g)).toHaveLength(3);
  });
});
