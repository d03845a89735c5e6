import { getOctokit } from "@actions/github";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deactivateDeployments, renderTeardownReport } from "../../../src/github/removal";
import type { TeardownResult } from "../../../src/stack/teardown";
import { type FakeGitHub, startFakeGitHub } from "../../fakes/github/index";

const RUN = "https://github.com/acme/shop/actions/runs/4242";

describe("deactivateDeployments against the fake GitHub", () => {
  let gh: FakeGitHub;
  beforeEach(async () => {
    gh = await startFakeGitHub({ repo: "acme/shop" });
  });
  afterEach(async () => {
    await gh.close();
  });

  function seed(environment: string, states: ("success" | "failure" | "inactive" | "in_progress")[]) {
    return states.map((state) => {
      const d = gh.state.addDeployment({ ref: "main", environment, transientEnvironment: true });
      gh.state.addDeploymentStatus(d, { state });
      return d;
    });
  }

  it("marks every deployment of the environment inactive, skipping those already inactive and other environments", async () => {
    const [live, failed, done] = seed("pr-12", ["success", "failure", "inactive"]);
    const [other] = seed("pr-13", ["success"]);
    const octokit = getOctokit(gh.token, { baseUrl: gh.url });
    const { deactivated, ids } = await deactivateDeployments(octokit, {
      owner: "acme",
      repo: "shop",
      environment: "pr-12",
      logUrl: RUN,
      dryRun: false,
    });
    expect(deactivated).toBe(2);
    expect(ids.sort()).toEqual([live.id, failed.id].sort());
    for (const d of [live, failed, done]) expect(gh.state.deploymentState(d)).toBe("inactive");
    expect(done.statuses).toHaveLength(1);
    expect(gh.state.deploymentState(other)).toBe("success");
    expect(live.statuses.at(-1)).toMatchObject({ logUrl: RUN, description: "Preview removed: pr-12" });
  });

  it("writes nothing in a dry run", async () => {
    const [live] = seed("pr-12", ["success"]);
    const octokit = getOctokit(gh.token, { baseUrl: gh.url });
    const planned = await deactivateDeployments(octokit, {
      owner: "acme",
      repo: "shop",
      environment: "pr-12",
      logUrl: RUN,
      dryRun: true,
    });
    expect(planned.ids).toEqual([live.id]);
    expect(gh.state.deploymentState(live)).toBe("success");
    expect(gh.calls.filter((c) => c.method !== "GET")).toEqual([]);
  });
});

function result(overrides: Partial<TeardownResult> = {}): TeardownResult {
  return {
    status: "deleted",
    stackName: "shop-pr-12",
    stackId: "arn:aws:cloudformation:us-east-1:123456789012:stack/shop-pr-12/1",
    region: "us-east-1",
    message: "Stack shop-pr-12 was deleted.",
    failure: undefined,
    buckets: [{ logicalId: "Uploads", bucket: "shop-pr-12-uploads", parentPath: [], retained: false }],
    objectsDeleted: 10_000,
    failures: [],
    retained: [],
    cancelledUpdate: false,
    waitedForOtherOperation: false,
    deleteAttempts: 1,
    timings: { startedAt: 0, finishedAt: 1, totalMs: 1 },
    awsCalls: 5,
    awsCallsByOperation: {},
    ...overrides,
  };
}

const INFO = { runUrl: RUN, environment: "pr-12", when: new Date("2026-12-01T11:30:00Z"), deployments: 2 };
const FIT = { maxSize: 65_536, measure: (t: string) => t.length };

describe("renderTeardownReport", () => {
  it("says the preview was removed, when, by which run, and what was emptied", () => {
    const body = renderTeardownReport(result(), INFO, { ...FIT, prefix: "<!-- marker -->" });
    expect(body.startsWith("<!-- marker -->\n\n### 🗑️ Preview `shop-pr-12` removed\n")).toBe(true);
    expect(body).toContain("| When | 2026-12-01 11:30 UTC |");
    expect(body).toContain("| Environment | `pr-12` (2 deployments marked inactive) |");
    expect(body).toContain(`| Run | [logs and stack events](${RUN}) |`);
    expect(body).toContain("| `shop-pr-12-uploads` | `Uploads` | yes |");
    expect(body).toContain("10,000 object versions and delete markers were deleted.");
  });

  it("lists what a dry run would do", () => {
    const body = renderTeardownReport(
      result({
        status: "planned",
        objectsDeleted: 0,
        buckets: [
          {
            logicalId: "Uploads",
            bucket: "up",
            parentPath: ["Storage"],
            retained: false,
            versions: 1200,
            deleteMarkers: 3,
          },
          {
            logicalId: "Logs",
            bucket: "logs",
            parentPath: [],
            retained: true,
            versions: 9,
            deleteMarkers: 0,
          },
        ],
      }),
      INFO,
      FIT,
    );
    expect(body).toContain("### 📝 Teardown plan for `shop-pr-12` (dry run: nothing was changed)");
    expect(body).toContain("(2 deployments to mark inactive)");
    expect(body).toContain("| `up` | `Storage/Uploads` | 1,203 |");
    expect(body).toContain("| `logs` | `Logs` | kept (DeletionPolicy: Retain) |");
  });

  it("escapes CloudFormation's reasons and keeps the retained list when cutting to fit", () => {
    const failures = Array.from({ length: 200 }, (_, i) => ({
      logicalId: `Queue${i}`,
      parentPath: [],
      resourceType: "AWS::SQS::Queue",
      physicalId: undefined,
      status: "DELETE_FAILED",
      reason: `in use by <b>@acme/ops</b> ${"x".repeat(100)}`,
    }));
    const retained = [
      {
        logicalId: "Queue0",
        resourceType: "AWS::SQS::Queue",
        physicalId: "https://sqs/q0",
        consoleUrl: "https://us-east-1.console.aws.amazon.com/sqs",
      },
    ];
    const body = renderTeardownReport(
      result({
        status: "failed",
        failures,
        retained,
        failure: { kind: "delete-failed", message: "It failed." },
      }),
      INFO,
      { maxSize: 8_000, measure: (t) => t.length },
    );
    expect(body.length).toBeLessThanOrEqual(8_000);
    expect(body).toContain("in use by &lt;b&gt;@&#8203;acme/ops&lt;/b&gt;");
    expect(body).toContain("more are in the job log.");
    expect(body).toContain(
      "| `Queue0` | AWS::SQS::Queue | `https://sqs/q0` | [console](https://us-east-1.console.aws.amazon.com/sqs) |",
    );
    expect(body).toContain("> [!CAUTION]\n> It failed.");
  });
});
