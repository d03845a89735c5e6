import { getOctokit } from "@actions/github";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  commentMarker,
  MAX_COMMENT_LENGTH,
  type Octokit,
  renderComment,
  resolveTokenLogin,
  upsertComment,
} from "../../../src/github/comment";
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
      "**IAM statement changes**\n\n|  | Resource | Effect | Action | Principal | Condition |\n| --- | --- | --- | --- | --- | --- |\n| + | \\${Role.Arn} | Allow | sts:AssumeRole | Service:lambda.amazonaws.com |  |",
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

  it("keeps a commit URL inside its link: it can neither close the link nor add one of its own", () => {
    const row = (url: string) =>
      renderComment(result(), { ...INFO, commit: { sha: INFO.commit.sha, url } })
        .split("\n")
        .find((line) => line.startsWith("| Commit |"));
    expect(row("https://github.com/acme/shop/commit/1a2b3c4)[pwned](https://evil.example/")).toBe(
      "| Commit | [`1a2b3c4`](https://github.com/acme/shop/commit/1a2b3c4%29[pwned]%28https://evil.example/) |",
    );
    // A URL with a space, or one that is not https, is no link at all: it is shown as code.
    expect(row('https://github.com/acme/shop/commit/1a2b3c4 "x") [pwned](https://evil.example/)')).toBe(
      '| Commit | `1a2b3c4 (https://github.com/acme/shop/commit/1a2b3c4 "x") [pwned](https://evil.example/))` |',
    );
    expect(row("javascript:alert(1)")).toBe("| Commit | `1a2b3c4 (javascript:alert(1))` |");
  });

  it("escapes output values that would break the table", () => {
    const text = renderComment(result({ outputs: { Weird: "a|b<c>" }, url: undefined }), INFO);
    // Inside a code span `<` is literal text: escaping it as an entity would show "&lt;".
    expect(text).toContain("| `Weird` | `a\\|b<c>` |");
  });
});

describe("upsertComment against the fake GitHub", () => {
  let gh: FakeGitHub;
  beforeEach(async () => {
    gh = await startFakeGitHub({
      repo: "acme/shop",
      tokens: { "pat-alice": "alice", "app-token": "my-app[bot]" },
    });
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

  const MARKER = commentMarker("shop-pr-12");

  /** The calls that ask GitHub who the token is, as "METHOD /path status". */
  const identityCalls = () =>
    gh.calls
      .filter((c) => c.route === "/user" || c.route === "/graphql")
      .map((c) => `${c.method} ${c.path} ${c.status}`);

  /** Every comment on the pull request as [author, body], oldest first. */
  const thread = () => gh.state.commentsOn(12).map((c) => [c.user.login, c.body]);

  function upsert(token: string, body: string, extra: { login?: string } = {}) {
    const lines: string[] = [];
    const octokit = getOctokit(token, { baseUrl: gh.url });
    const done = upsertComment(octokit, { ...options(body), ...extra, log: (line) => lines.push(line) });
    return done.then((result) => ({ result, lines }));
  }

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

  it("leaves someone else's comment that starts with the marker alone and writes its own", async () => {
    const mallory = gh.state.addComment({
      issueNumber: 12,
      body: `${MARKER}\nsee http://evil.example`,
      user: "mallory",
    });

    const { result, lines } = await upsert(gh.token, `${MARKER}\nours`);

    expect(result).toMatchObject({ action: "created", ignored: [{ id: mallory.id, login: "mallory" }] });
    expect(thread()).toEqual([
      ["mallory", `${MARKER}\nsee http://evil.example`],
      ["github-actions[bot]", `${MARKER}\nours`],
    ]);
    expect(gh.calls.filter((c) => c.method === "PATCH" || c.method === "DELETE")).toEqual([]);
    expect(lines).toContain(
      `Ignoring a comment with the marker of shop-pr-12 not written by github-actions[bot], whom the GitHub token acts as: mallory (comment ${mallory.id}). Comments by others are never edited.`,
    );
    expect(lines.join("\n")).not.toContain("evil.example");
  });

  it("updates the oldest comment of its own, not a foreign one before it nor a later duplicate", async () => {
    const mallory = gh.state.addComment({ issueNumber: 12, body: `${MARKER}\nmallory`, user: "mallory" });
    const ours = gh.state.addComment({ issueNumber: 12, body: `${MARKER}\nold` });
    const duplicate = gh.state.addComment({ issueNumber: 12, body: `${MARKER}\nduplicate` });
    const eve = gh.state.addComment({ issueNumber: 12, body: `${MARKER}\neve`, user: "eve" });

    const { result, lines } = await upsert(gh.token, `${MARKER}\nnew`);

    expect(result).toMatchObject({ action: "updated", id: ours.id });
    expect(result.ignored).toEqual([
      { id: mallory.id, login: "mallory" },
      { id: eve.id, login: "eve" },
    ]);
    expect(thread()).toEqual([
      ["mallory", `${MARKER}\nmallory`],
      ["github-actions[bot]", `${MARKER}\nnew`],
      ["github-actions[bot]", `${MARKER}\nduplicate`],
      ["eve", `${MARKER}\neve`],
    ]);
    expect(lines).toContain(
      `Ignoring 2 comments with the marker of shop-pr-12 not written by github-actions[bot], whom the GitHub token acts as: mallory (comment ${mallory.id}), eve (comment ${eve.id}). Comments by others are never edited.`,
    );
    expect(lines).toContain(
      `Found 2 comments by github-actions[bot] for shop-pr-12; updating the oldest (${ours.id}) and leaving ${duplicate.id} as they are.`,
    );
  });

  it("takes a personal access token's user from GET /user and adopts only that user's comment", async () => {
    const bot = gh.state.addComment({ issueNumber: 12, body: `${MARKER}\nfrom GITHUB_TOKEN days` });
    const alice = gh.state.addComment({ issueNumber: 12, body: `${MARKER}\nold`, user: "alice" });

    const { result, lines } = await upsert("pat-alice", `${MARKER}\nnew`);

    expect(result).toMatchObject({ action: "updated", id: alice.id, ignored: [{ id: bot.id }] });
    expect(thread()).toEqual([
      ["github-actions[bot]", `${MARKER}\nfrom GITHUB_TOKEN days`],
      ["alice", `${MARKER}\nnew`],
    ]);
    expect(identityCalls()).toEqual(["GET /user 200"]);
    expect(lines[0]).toBe("The GitHub token acts as alice (GET /user).");
  });

  it("takes a GitHub App's bot from GraphQL's viewer when GET /user refuses an installation token", async () => {
    const actions = gh.state.addComment({ issueNumber: 12, body: `${MARKER}\nnot the app's` });
    const app = gh.state.addComment({ issueNumber: 12, body: `${MARKER}\nold`, user: "my-app[bot]" });

    const { result, lines } = await upsert("app-token", `${MARKER}\nnew`);

    expect(result).toMatchObject({ action: "updated", id: app.id, ignored: [{ id: actions.id }] });
    expect(thread()).toEqual([
      ["github-actions[bot]", `${MARKER}\nnot the app's`],
      ["my-app[bot]", `${MARKER}\nnew`],
    ]);
    expect(identityCalls()).toEqual(["GET /user 403", "POST /graphql 200"]);
    expect(lines[0]).toBe("The GitHub token acts as my-app[bot] (GraphQL viewer).");
  });

  it("assumes github-actions[bot], and says so, when neither GET /user nor GraphQL names the token", async () => {
    gh.inject.serverError({ route: "POST /graphql", status: 502 });
    const mallory = gh.state.addComment({ issueNumber: 12, body: `${MARKER}\nmallory`, user: "mallory" });
    const ours = gh.state.addComment({ issueNumber: 12, body: `${MARKER}\nold` });

    const { result, lines } = await upsert(gh.token, `${MARKER}\nnew`);

    expect(result).toMatchObject({ action: "updated", id: ours.id, ignored: [{ id: mallory.id }] });
    expect(thread()).toEqual([
      ["mallory", `${MARKER}\nmallory`],
      ["github-actions[bot]", `${MARKER}\nnew`],
    ]);
    expect(identityCalls()).toEqual(["GET /user 403", "POST /graphql 502"]);
    expect(lines[0]).toMatch(
      /^Could not tell whom the GitHub token acts as \(GET \/user: 403 Resource not accessible by integration.*; GraphQL viewer: .*502.*\); assuming github-actions\[bot\], as GITHUB_TOKEN does\.$/,
    );
  });

  it("reports a server error from GET /user instead of guessing, and edits nothing", async () => {
    gh.inject.serverError({ route: "GET /user", status: 503 });
    gh.state.addComment({ issueNumber: 12, body: `${MARKER}\nmallory`, user: "mallory" });

    await expect(upsert("pat-alice", `${MARKER}\nnew`)).rejects.toMatchObject({ status: 503 });
    expect(thread()).toEqual([["mallory", `${MARKER}\nmallory`]]);
  });

  it("asks who the token is only once a comment with the marker exists, and not when told", async () => {
    gh.state.addComment({ issueNumber: 12, body: `> ${MARKER} quoted`, user: "mallory" });
    const first = await upsert(gh.token, `${MARKER}\nfirst`);
    expect(first.result).toMatchObject({ action: "created", ignored: [] });
    expect(identityCalls()).toEqual([]);
    expect(first.lines).toEqual([]);

    const second = await upsert(gh.token, `${MARKER}\nsecond`);
    expect(second.result).toMatchObject({ action: "updated", id: first.result.id });
    expect(identityCalls()).toEqual(["GET /user 403", "POST /graphql 200"]);

    // A login the caller already knows is used as given, compared without regard to case.
    const third = await upsert(gh.token, `${MARKER}\nthird`, { login: "GitHub-Actions[bot]" });
    expect(third.result).toMatchObject({ action: "updated", id: first.result.id });
    expect(identityCalls()).toHaveLength(2);
    expect(thread()).toEqual([
      ["mallory", `> ${MARKER} quoted`],
      ["github-actions[bot]", `${MARKER}\nthird`],
    ]);
  });
});

describe("resolveTokenLogin", () => {
  const refused = Object.assign(new Error("Resource not accessible by integration"), { status: 403 });

  function stub(graphql: () => Promise<unknown>): Octokit {
    return {
      rest: { users: { getAuthenticated: () => Promise.reject(refused) } },
      graphql,
    } as unknown as Octokit;
  }

  it("falls back to github-actions[bot] when GraphQL answers with errors or without a login", async () => {
    const lines: string[] = [];
    const errors = stub(() => Promise.reject(new Error("Field 'viewer' doesn't exist on type 'Query'")));
    expect(await resolveTokenLogin(errors, (line) => lines.push(line))).toBe("github-actions[bot]");
    const empty = stub(() => Promise.resolve({ viewer: null }));
    expect(await resolveTokenLogin(empty, (line) => lines.push(line))).toBe("github-actions[bot]");
    expect(lines).toEqual([
      "Could not tell whom the GitHub token acts as (GET /user: 403 Resource not accessible by integration; GraphQL viewer: Field 'viewer' doesn't exist on type 'Query'); assuming github-actions[bot], as GITHUB_TOKEN does.",
      "Could not tell whom the GitHub token acts as (GET /user: 403 Resource not accessible by integration; GraphQL viewer: the answer names no viewer login); assuming github-actions[bot], as GITHUB_TOKEN does.",
    ]);
  });
});
