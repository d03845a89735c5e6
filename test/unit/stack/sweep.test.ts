import { CloudFormationClient, DescribeStacksCommand, type Stack } from "@aws-sdk/client-cloudformation";
import { S3Client } from "@aws-sdk/client-s3";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, describe, expect, it } from "vitest";
import {
  classifyPreview,
  formatAge,
  type PullRequestStatus,
  type SweepDeps,
  type SweepOptions,
  scheduleDeletions,
  sweepPreviews,
} from "../../../src/stack/sweep";
import { previewTags } from "../../../src/stack/tags";
import type { TeardownOptions, TeardownResult } from "../../../src/stack/teardown";
import { fakeTime, T0, teardownResult } from "./support";

const DAY = 86_400_000;
const WEEK = 7 * DAY;
const POLICY = { ttlMs: WEEK, deleteExpiredOpen: false };

describe("classifyPreview", () => {
  const open: PullRequestStatus = { state: "open" };
  it.each([
    ["closed, fresh", 1 * DAY, { state: "closed" }, POLICY, "delete"],
    ["merged, fresh", 0, { state: "merged" }, POLICY, "delete"],
    ["closed, unknown age", undefined, { state: "closed" }, POLICY, "delete"],
    ["open, fresh", 6 * DAY, open, POLICY, "keep"],
    ["open, exactly the ttl", WEEK, open, POLICY, "keep"],
    ["open, past the ttl", WEEK + 1, open, POLICY, "report"],
    [
      "open, past the ttl, delete-expired-open",
      WEEK + 1,
      open,
      { ...POLICY, deleteExpiredOpen: true },
      "delete",
    ],
    [
      "open, unknown age, delete-expired-open",
      undefined,
      open,
      { ...POLICY, deleteExpiredOpen: true },
      "keep",
    ],
    [
      "not found, very old",
      90 * DAY,
      { state: "not-found" },
      { ...POLICY, deleteExpiredOpen: true },
      "report",
    ],
    [
      "unknown, very old",
      90 * DAY,
      { state: "unknown", error: "502" },
      { ...POLICY, deleteExpiredOpen: true },
      "report",
    ],
  ] as const)("%s: %s", (_name, age, pr, policy, decision) => {
    expect(classifyPreview(age, pr, policy).decision).toBe(decision);
  });

  it("says whether the preview is past the ttl whatever the decision", () => {
    expect(classifyPreview(8 * DAY, { state: "closed" }, POLICY)).toEqual({
      decision: "delete",
      expired: true,
    });
    expect(classifyPreview(DAY, { state: "not-found" }, POLICY)).toEqual({
      decision: "report",
      expired: false,
    });
  });
});

describe("formatAge", () => {
  it("shows the two largest units", () => {
    expect(formatAge(12 * DAY + 5 * 3_600_000 + 59_000)).toBe("12d 5h");
    expect(formatAge(90 * 60_000)).toBe("1h 30m");
    expect(formatAge(59_999)).toBe("0m");
  });
});

describe("scheduleDeletions", () => {
  const entry = (name: string, ageMs: number | undefined, decision: "delete" | "keep" | "report") => ({
    name,
    ageMs,
    verdict: { decision, expired: false },
  });

  it("takes the oldest deletions up to the cap and leaves the rest for later", () => {
    const entries = [
      entry("young", 2 * DAY, "delete"),
      entry("kept", 50 * DAY, "keep"),
      entry("oldest", 30 * DAY, "delete"),
      entry("unknown", undefined, "delete"),
      entry("reported", 40 * DAY, "report"),
      entry("middle", 10 * DAY, "delete"),
    ];
    const { now, later } = scheduleDeletions(entries, 2);
    expect(now.map((e) => e.name)).toEqual(["oldest", "middle"]);
    expect(later.map((e) => e.name)).toEqual(["young", "unknown"]);
  });
});

const cfn = mockClient(CloudFormationClient);
afterEach(() => cfn.reset());

function stack(name: string, pr: number, ageDays: number, repository = "acme/shop"): Stack {
  return {
    StackName: name,
    StackId: `arn:aws:cloudformation:us-east-1:123456789012:stack/${name}/1`,
    StackStatus: "CREATE_COMPLETE",
    CreationTime: new Date(T0 - ageDays * DAY),
    Tags: previewTags({ repository, pr }),
  };
}

/** What the teardown of `options` returns unless a test says otherwise. */
function teardownOf(options: TeardownOptions, overrides: Partial<TeardownResult> = {}): TeardownResult {
  return teardownResult({
    status: options.dryRun ? "planned" : "deleted",
    stackName: options.stackName,
    message: `Stack ${options.stackName} deleted.`,
    ...overrides,
  });
}

const OPTIONS: SweepOptions = {
  repository: "acme/shop",
  prefix: "shop",
  policy: POLICY,
  maxDeletions: 10,
  dryRun: false,
  timeoutMinutes: 60,
  region: "us-east-1",
  run: { id: 99, attempt: 1 },
};

interface Harness {
  deps: SweepDeps;
  torndown: TeardownOptions[];
  lookups: number[];
  reported: string[];
  log: string[];
}

function harness(
  prs: Record<number, PullRequestStatus["state"]>,
  teardown?: (options: TeardownOptions) => Promise<TeardownResult>,
): Harness {
  const time = fakeTime();
  const h: Harness = {
    deps: undefined as unknown as SweepDeps,
    torndown: [],
    lookups: [],
    reported: [],
    log: [],
  };
  h.deps = {
    cfn: new CloudFormationClient({ region: "us-east-1" }),
    s3: new S3Client({ region: "us-east-1" }),
    clock: time.clock,
    sleep: time.sleep,
    log: (line) => h.log.push(line),
    lookupPullRequest: async (pr) => {
      h.lookups.push(pr);
      return { state: prs[pr] ?? "not-found" };
    },
    teardown: async (options, deps) => {
      h.torndown.push(options);
      deps.log(`Stack ${options.stackName} is DELETE_FAILED (attempt 1):\n  Topic DELETE_FAILED`);
      return teardown ? teardown(options) : teardownOf(options);
    },
    afterTeardown: async (entry, result) => {
      h.reported.push(`${entry.preview.stackName}:${result.status}`);
    },
  };
  return h;
}

describe("sweepPreviews", () => {
  it("lists this repository's previews from every page and deletes only those of closed pull requests", async () => {
    cfn
      .on(DescribeStacksCommand, { NextToken: undefined })
      .resolves({
        Stacks: [
          stack("shop-pr-1", 1, 3),
          stack("shop-pr-2", 2, 20),
          stack("other-pr-1", 1, 40, "acme/other"),
          { StackName: "shop-prod", StackStatus: "UPDATE_COMPLETE", CreationTime: new Date(0) },
        ],
        NextToken: "p2",
      })
      .on(DescribeStacksCommand, { NextToken: "p2" })
      .resolves({
        Stacks: [
          stack("shop-pr-3", 3, 10),
          stack("shop-pr-4", 4, 1),
          // Another prefix of this repository: not this sweep's to judge.
          stack("api-pr-5", 5, 90),
        ],
      });
    const h = harness({ 1: "closed", 2: "open", 3: "merged", 4: "open" });
    const result = await sweepPreviews(OPTIONS, h.deps);

    expect(cfn.commandCalls(DescribeStacksCommand)).toHaveLength(2);
    expect(result.entries.map((e) => `${e.preview.stackName} ${e.pullRequest.state} ${e.outcome}`)).toEqual([
      "shop-pr-2 open reported",
      "shop-pr-3 merged deleted",
      "shop-pr-1 closed deleted",
      "shop-pr-4 open kept",
    ]);
    expect(h.lookups.sort()).toEqual([1, 2, 3, 4]);
    expect(h.torndown.map((t) => [t.stackName, t.expected, t.allowUnmanaged, t.dryRun])).toEqual([
      ["shop-pr-3", { repository: "acme/shop", pr: 3 }, false, false],
      ["shop-pr-1", { repository: "acme/shop", pr: 1 }, false, false],
    ]);
    expect(result).toMatchObject({
      deleted: ["shop-pr-3", "shop-pr-1"],
      failed: [],
      kept: ["shop-pr-2", "shop-pr-4"],
      pullRequests: 4,
    });
    expect(h.reported).toEqual(["shop-pr-3:deleted", "shop-pr-1:deleted"]);
    expect(h.log[0]).toBe("Found 4 previews of acme/shop named shop-pr-<n>.");
    // Deletions run side by side: each of their log lines names its stack.
    expect(h.log).toContain(
      "[shop-pr-1] Stack shop-pr-1 is DELETE_FAILED (attempt 1):\n[shop-pr-1]   Topic DELETE_FAILED",
    );
  });

  it("asks GitHub once per distinct pull request, and an unanswered question deletes nothing", async () => {
    cfn.on(DescribeStacksCommand).resolves({
      Stacks: [stack("shop-pr-7", 7, 30), stack("api-pr-7", 7, 30), stack("shop-pr-8", 8, 30)],
    });
    const h = harness({ 7: "closed" });
    h.deps.lookupPullRequest = async (pr) => {
      h.lookups.push(pr);
      if (pr === 8) throw new Error("502 Bad Gateway");
      return { state: "closed" };
    };
    const result = await sweepPreviews({ ...OPTIONS, prefix: undefined }, h.deps);
    expect(h.lookups.sort()).toEqual([7, 8]);
    expect(result.pullRequests).toBe(2);
    expect(result.deleted.sort()).toEqual(["api-pr-7", "shop-pr-7"]);
    expect(h.log[0]).toBe("Found 3 previews of acme/shop.");
    const unknown = result.entries.find((e) => e.preview.pr === 8);
    expect(unknown).toMatchObject({
      outcome: "reported",
      pullRequest: { state: "unknown", error: "502 Bad Gateway" },
    });
  });

  it("counts one preview in the singular", async () => {
    cfn.on(DescribeStacksCommand).resolves({ Stacks: [stack("shop-pr-9", 9, 30)] });
    const h = harness({ 9: "open" });
    await sweepPreviews(OPTIONS, h.deps);
    expect(h.log[0]).toBe("Found 1 preview of acme/shop named shop-pr-<n>.");
  });

  it("deletes at most max-deletions, oldest first, and keeps the rest for the next run", async () => {
    cfn.on(DescribeStacksCommand).resolves({
      Stacks: [1, 2, 3, 4, 5].map((n) => stack(`shop-pr-${n}`, n, n * 2)),
    });
    const h = harness({ 1: "closed", 2: "closed", 3: "closed", 4: "closed", 5: "closed" });
    const result = await sweepPreviews({ ...OPTIONS, maxDeletions: 2 }, h.deps);
    expect(h.torndown.map((t) => t.stackName)).toEqual(["shop-pr-5", "shop-pr-4"]);
    expect(result.deleted).toEqual(["shop-pr-5", "shop-pr-4"]);
    expect(result.kept).toEqual(["shop-pr-3", "shop-pr-2", "shop-pr-1"]);
    expect(result.entries.filter((e) => e.outcome === "deferred").map((e) => e.preview.pr)).toEqual([
      3, 2, 1,
    ]);
  });

  it("keeps going after a failure, a refusal and a thrown error, and lists each", async () => {
    cfn.on(DescribeStacksCommand).resolves({
      Stacks: [1, 2, 3, 4, 5].map((n) => stack(`shop-pr-${n}`, n, 10 - n)),
    });
    const h = harness(
      { 1: "closed", 2: "closed", 3: "closed", 4: "closed", 5: "closed" },
      async (options) => {
        if (options.stackName === "shop-pr-1") throw new Error("socket hang up");
        if (options.stackName === "shop-pr-2") {
          return teardownOf(options, {
            status: "failed",
            message: "Stack shop-pr-2 could not be deleted.",
            failure: { kind: "delete-failed", message: "Bucket Uploads failed: not empty" },
          });
        }
        if (options.stackName === "shop-pr-4") {
          return teardownOf(options, {
            status: "refused",
            message: "refused",
            failure: { kind: "termination-protection", message: "Termination protection is on." },
          });
        }
        return teardownOf(options);
      },
    );
    h.deps.afterTeardown = async (entry) => {
      h.reported.push(entry.preview.stackName);
      if (entry.preview.stackName === "shop-pr-3") throw new Error("GitHub is down");
    };
    const result = await sweepPreviews(OPTIONS, h.deps);
    expect(h.torndown).toHaveLength(5);
    expect(result.deleted).toEqual(["shop-pr-3", "shop-pr-5"]);
    expect(result.failed).toEqual(["shop-pr-1", "shop-pr-2", "shop-pr-4"]);
    expect(result.kept).toEqual([]);
    expect(result.entries.map((e) => [e.outcome, e.message])).toEqual([
      ["failed", "socket hang up"],
      ["failed", "Bucket Uploads failed: not empty"],
      ["deleted", undefined],
      ["refused", "Termination protection is on."],
      ["deleted", undefined],
    ]);
    // The thrown teardown has no result to report; every other one is reported.
    expect(h.reported.sort()).toEqual(["shop-pr-2", "shop-pr-3", "shop-pr-4", "shop-pr-5"]);
    expect(h.log).toContain("shop-pr-3: reporting the removal failed: GitHub is down");
  });

  it("runs at most three deletions at a time", async () => {
    cfn.on(DescribeStacksCommand).resolves({
      Stacks: [1, 2, 3, 4, 5, 6, 7].map((n) => stack(`shop-pr-${n}`, n, n)),
    });
    let inFlight = 0;
    let most = 0;
    const h = harness(
      Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((n) => [n, "closed"])),
      async (options) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight--;
        return teardownOf(options);
      },
    );
    const result = await sweepPreviews(OPTIONS, h.deps);
    expect(result.deleted).toHaveLength(7);
    expect(most).toBe(3);
  });

  it("plans in a dry run: every teardown is asked for its plan, and nothing counts as deleted", async () => {
    cfn.on(DescribeStacksCommand).resolves({ Stacks: [stack("shop-pr-1", 1, 3), stack("shop-pr-2", 2, 3)] });
    const h = harness({ 1: "closed", 2: "open" });
    const result = await sweepPreviews({ ...OPTIONS, dryRun: true }, h.deps);
    expect(h.torndown.map((t) => [t.stackName, t.dryRun])).toEqual([["shop-pr-1", true]]);
    expect(result.entries.map((e) => e.outcome)).toEqual(["planned", "kept"]);
    expect(result).toMatchObject({ deleted: [], failed: [], kept: ["shop-pr-1", "shop-pr-2"] });
  });
});
