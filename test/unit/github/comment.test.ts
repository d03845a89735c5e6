import { getOctokit } from "@actions/github";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commentMarker, MAX_COMMENT_LENGTH, renderComment, upsertComment } from "../../../src/github/comment";
import type { ResourceChangeSummary } from "../../../src/stack/diff";
import { type FakeGitHub, startFakeGitHub } from "../../fakes/github/index";
import { INFO, result } from "./support";

function change(i: number, replaces = false): ResourceChangeSummary {
  return {
    action: "Modify",
    logicalId: `Function${i}`,
    physicalId: undefined,
    resourceType: "AWS::Lambda::Function",
    replacement: replaces ? "True" : "False",
    replaces,
    scope: ["Properties"],
    details: ["Code"],
  };
}

describe("renderComment", () => {
  it("shows status, commit, preview URL, changes, outputs and the run behind a marker", () => {
    expect(renderComment(result(), INFO)).toBe(
      [
        "<!-- preview-stacks:stack=shop-pr-12 -->",
        "",
        "### ✅ Preview `shop-pr-12` updated",
        "",
        "| | |",
        "| --- | --- |",
        "| Preview | [https://abc.execute-api.eu-west-1.amazonaws.com/](https://abc.execute-api.eu-west-1.amazonaws.com/) |",
        "| Status | `UPDATE_COMPLETE` |",
        "| Commit | [`1a2b3c4`](https://github.com/acme/shop/commit/1a2b3c4) |",
        "| Environment | `pr-12` |",
        "| Stack | [shop-pr-12](https://console.example/stack) (eu-west-1) |",
        "| Run | [logs and stack events](https://github.com/acme/shop/actions/runs/4242) |",
        "",
        "#### Changes",
        "",
        "| Action | Logical ID | Type | Replacement | Changed |",
        "| --- | --- | --- | --- | --- |",
        "| Modify | `Api` | AWS::Lambda::Function | No | MemorySize |",
        "",
        "#### Outputs",
        "",
        "| Output | Value |",
        "| --- | --- |",
        "| `ApiUrl` | `https://abc.execute-api.eu-west-1.amazonaws.com/` |",
        "",
      ].join("\n"),
    );
  });

  it("flags replacements and broadened permissions loudly", () => {
    const security = {
      iamStatements: [
        ["", "Resource", "Effect", "Action", "Principal", "Condition"],
        ["+", "${Role.Arn}", "Allow", "sts:AssumeRole", "Service:lambda.amazonaws.com", ""],
      ],
      managedPolicies: [],
      securityGroups: [],
      permissionsBroadened: true,
      hasChanges: true,
    };
    const text = renderComment(result({ changes: [change(1, true)], security }), INFO);
    expect(text).toContain(
      "**IAM statement changes**\n\n|  | Resource | Effect | Action | Principal | Condition |\n| --- | --- | --- | --- | --- | --- |\n| + | ${Role.Arn} | Allow | sts:AssumeRole | Service:lambda.amazonaws.com |  |",
    );
    expect(text).toContain("> [!CAUTION]\n> This change broadens permissions or opens network access.");
    expect(text).toContain(
      "> [!WARNING]\n> 1 resource will or may be **replaced**; data held in it can be lost.",
    );
    expect(text).toContain("| Modify | `Function1` | AWS::Lambda::Function | **Yes** | Code |");
  });

  it("leads a failure with its root cause and template line", () => {
    const text = renderComment(
      result({
        ok: false,
        outcome: "failed",
        status: "UPDATE_ROLLBACK_COMPLETE",
        url: undefined,
        changes: [],
        rootCause: {
          logicalId: "Bucket",
          parentPath: [],
          resourceType: "AWS::S3::Bucket",
          status: "UPDATE_FAILED",
          reason: "bucket exists",
          timestamp: new Date(0),
          physicalId: undefined,
          stackName: "shop-pr-12",
          location: { file: "template.yaml", line: 10 },
        },
        failure: { kind: "stack-failed", message: "Stack shop-pr-12 ended in UPDATE_ROLLBACK_COMPLETE." },
      }),
      INFO,
    );
    expect(text).toContain("### ❌ Preview `shop-pr-12` failed");
    expect(text).toContain(
      "> [!CAUTION]\n> **Root cause:** Bucket (AWS::S3::Bucket) UPDATE_FAILED: bucket exists (`template.yaml` line 10)",
    );
    expect(text).toContain("```text\nStack shop-pr-12 ended in UPDATE_ROLLBACK_COMPLETE.\n```");
    expect(text).not.toContain("#### Changes");
  });

  it("says a no-op is up to date and a reviewed change set is waiting", () => {
    expect(renderComment(result({ outcome: "no-changes", changes: [] }), INFO)).toContain(
      "### ✅ Preview `shop-pr-12` is up to date: no changes",
    );
    const review = renderComment(
      result({ outcome: "change-set-created", preview: undefined, stackName: "shop" }),
      {},
    );
    expect(review).toContain("### 📝 Change set for `shop` is ready for review");
    expect(review).toContain(
      "| Change set | `arn:aws:cloudformation:eu-west-1:123456789012:changeSet/preview-stacks-4242-1/0f9e` |",
    );
  });

  it("cuts the change list to fit, and says how many were cut and where the rest is", () => {
    const changes = Array.from({ length: 2000 }, (_, i) => change(i, i === 1999));
    const text = renderComment(result({ changes }), INFO);
    expect(text.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
    const shown = text.match(/^\| Modify \| `Function\d+`/gm)?.length ?? 0;
    expect(shown).toBeGreaterThan(100);
    expect(text).toContain(
      `_${2000 - shown} more changes are not shown here, **1 of them replacements**; all of them are in the job summary and the changes-json output._`,
    );
    // The outputs survive: they hold what people open.
    expect(text).toContain("| `ApiUrl` |");
  });

  it("escapes output values that would break the table", () => {
    const text = renderComment(result({ outputs: { Weird: "a|b<c>" }, url: undefined }), INFO);
    expect(text).toContain("| `Weird` | `a\\|b&lt;c&gt;` |");
  });
});

describe("upsertComment against the fake GitHub", () => {
  let gh: FakeGitHub;
  beforeEach(async () => {
    gh = await startFakeGitHub({ repo: "acme/shop" });
    gh.state.addPullRequest({ number: 12 });
  });
  afterEach(async () => {
    await gh.close();
  });

  const options = (body: string) => ({
    owner: "acme",
    repo: "shop",
    issueNumber: 12,
    stackName: "shop-pr-12",
    body,
  });

  it("creates once, then updates the same comment, leaving other stacks' and people's comments alone", async () => {
    const octokit = getOctokit(gh.token, { baseUrl: gh.url });
    // Enough comments that the marker is only found on a later page.
    for (let i = 0; i < 120; i++)
      gh.state.addComment({ issueNumber: 12, body: `comment ${i}`, user: "octocat" });
    gh.state.addComment({ issueNumber: 12, body: `> ${commentMarker("shop-pr-12")} quoted by a person` });
    gh.state.addComment({ issueNumber: 12, body: `${commentMarker("shop-pr-1")}\nanother stack` });

    const first = await upsertComment(octokit, options(`${commentMarker("shop-pr-12")}\nfirst`));
    const second = await upsertComment(octokit, options(`${commentMarker("shop-pr-12")}\nsecond`));

    expect(first.action).toBe("created");
    expect(second).toMatchObject({ action: "updated", id: first.id });
    const ours = gh.state
      .commentsOn(12, "acme/shop")
      .filter((c) => c.body.startsWith(commentMarker("shop-pr-12")));
    expect(ours.map((c) => c.body)).toEqual([`${commentMarker("shop-pr-12")}\nsecond`]);
    expect(gh.state.commentsOn(12, "acme/shop")).toHaveLength(123);
    const listed = gh.calls.filter((c) => c.method === "GET" && c.path.endsWith("/issues/12/comments"));
    expect(listed.map((c) => c.query)).toContain("?per_page=100&page=2");
  });
});
