import { getOctokit } from "@actions/github";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeGitHub, fakeSha, startFakeGitHub } from "./index";

type Octokit = ReturnType<typeof getOctokit>;

interface HttpError {
  status: number;
  message: string;
  response?: { headers: Record<string, string>; data: { message?: string; errors?: unknown[] } };
}

async function failure(p: Promise<unknown>): Promise<HttpError> {
  try {
    await p;
  } catch (err) {
    return err as HttpError;
  }
  throw new Error("expected the request to fail");
}

const T0 = Date.parse("2026-03-01T12:00:00Z");

describe("fake GitHub", () => {
  let gh: FakeGitHub;
  let octokit: Octokit;
  let time: number;
  const repo = { owner: "acme", repo: "app" };

  beforeEach(async () => {
    time = T0;
    gh = await startFakeGitHub({
      now: () => time,
      tokens: { "user-token": "alice", "app-token": "my-app[bot]" },
    });
    octokit = getOctokit(gh.token, { baseUrl: gh.url });
  });
  afterEach(async () => {
    await gh.close();
  });

  describe("authentication", () => {
    it("refuses requests without a token or with a wrong one", async () => {
      gh.state.addPullRequest({ number: 1 });
      const anonymous = await fetch(`${gh.url}/repos/acme/app/pulls/1`);
      expect(anonymous.status).toBe(401);
      expect(((await anonymous.json()) as { message: string }).message).toBe("Bad credentials");

      const wrong = getOctokit("not-a-token", { baseUrl: gh.url });
      const err = await failure(wrong.rest.pulls.get({ ...repo, pull_number: 1 }));
      expect(err.status).toBe(401);
      expect(err.response?.data.message).toBe("Bad credentials");
    });

    it("accepts both token and Bearer schemes and knows who is calling", async () => {
      for (const scheme of ["token", "Bearer"]) {
        const res = await fetch(`${gh.url}/user`, { headers: { authorization: `${scheme} user-token` } });
        expect(res.status).toBe(200);
        expect(((await res.json()) as { login: string }).login).toBe("alice");
      }
      const alice = getOctokit("user-token", { baseUrl: gh.url });
      expect((await alice.rest.users.getAuthenticated()).data).toMatchObject({
        login: "alice",
        type: "User",
      });
      // The default token is an installation token: it may write, but GET /user is not for it.
      gh.state.addPullRequest({ number: 1 });
      const created = await octokit.rest.issues.createComment({ ...repo, issue_number: 1, body: "x" });
      expect(created.data.user?.login).toBe("github-actions[bot]");
    });
  });

  describe("who the token acts as", () => {
    const viewerQuery = (token: string, query: unknown) =>
      fetch(`${gh.url}/graphql`, {
        method: "POST",
        headers: { authorization: `bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ query }),
      });

    it("answers GET /user for a bot with GitHub's 403 'Resource not accessible by integration'", async () => {
      const res = await fetch(`${gh.url}/user`, { headers: { authorization: `token ${gh.token}` } });
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({
        message: "Resource not accessible by integration",
        documentation_url: "https://docs.github.com/rest/users/users#get-the-authenticated-user",
        status: "403",
      });
      const err = await failure(octokit.rest.users.getAuthenticated());
      expect(err.status).toBe(403);
      expect(err.response?.data.message).toBe("Resource not accessible by integration");
    });

    it("names the viewer over GraphQL, for bots and users, and records the call", async () => {
      expect(await octokit.graphql("query { viewer { login } }")).toEqual({
        viewer: { login: "github-actions[bot]" },
      });
      const alice = getOctokit("user-token", { baseUrl: gh.url });
      expect(
        await alice.graphql("query Who {\n  viewer {\n    login, __typename\n    databaseId\n  }\n}"),
      ).toEqual({ viewer: { login: "alice", __typename: "User", databaseId: expect.any(Number) } });

      const res = await viewerQuery("app-token", "{ viewer { login __typename } }");
      expect(await res.json()).toEqual({ data: { viewer: { login: "my-app[bot]", __typename: "Bot" } } });
      expect(gh.calls.at(-1)).toMatchObject({
        method: "POST",
        path: "/graphql",
        route: "/graphql",
        status: 200,
        body: { query: "{ viewer { login __typename } }" },
      });
      expect(gh.calls.filter((c) => c.route === "/graphql")).toHaveLength(3);
    });

    it("answers anything but the viewer query with a GraphQL error, and refuses unknown tokens", async () => {
      const other = await viewerQuery(gh.token, 'query { repository(owner: "acme", name: "app") { id } }');
      expect(other.status).toBe(200);
      const body = (await other.json()) as { data?: unknown; errors: { message: string }[] };
      expect(body.data).toBeUndefined();
      expect(body.errors).toHaveLength(1);
      expect(body.errors[0].message).toContain("The fake GitHub answers only `query { viewer {");
      await expect(octokit.graphql("query { viewer { email } }")).rejects.toThrow(
        "The fake GitHub answers only",
      );

      const noQuery = await viewerQuery(gh.token, undefined);
      expect(await noQuery.json()).toEqual({
        errors: [{ message: "A query attribute must be specified and must be a string." }],
      });

      const wrong = await viewerQuery("not-a-token", "query { viewer { login } }");
      expect(wrong.status).toBe(401);
      expect(((await wrong.json()) as { message: string }).message).toBe("Bad credentials");
    });
  });

  describe("issue comments", () => {
    it("creates, lists, edits and deletes comments as GitHub shapes them", async () => {
      gh.state.addPullRequest({ number: 12 });
      const created = await octokit.rest.issues.createComment({ ...repo, issue_number: 12, body: "hello" });
      expect(created.status).toBe(201);
      expect(created.data).toMatchObject({
        body: "hello",
        user: { login: "github-actions[bot]", type: "Bot" },
        html_url: `https://github.com/acme/app/pull/12#issuecomment-${created.data.id}`,
        issue_url: `${gh.url}/repos/acme/app/issues/12`,
        created_at: "2026-03-01T12:00:00Z",
        updated_at: "2026-03-01T12:00:00Z",
      });
      expect(created.data.node_id).toMatch(/^IC_/);

      time += 60_000;
      const updated = await octokit.rest.issues.updateComment({
        ...repo,
        comment_id: created.data.id,
        body: "edited",
      });
      expect(updated.data.body).toBe("edited");
      expect(updated.data.created_at).toBe("2026-03-01T12:00:00Z");
      expect(updated.data.updated_at).toBe("2026-03-01T12:01:00Z");

      const listed = await octokit.rest.issues.listComments({ ...repo, issue_number: 12 });
      expect(listed.data.map((c) => c.body)).toEqual(["edited"]);

      const deleted = await octokit.rest.issues.deleteComment({ ...repo, comment_id: created.data.id });
      expect(deleted.status).toBe(204);
      const gone = await failure(octokit.rest.issues.getComment({ ...repo, comment_id: created.data.id }));
      expect(gone.status).toBe(404);
      expect(gone.response?.data.message).toBe("Not Found");
    });

    it("pages comments with a Link header that octokit.paginate follows", async () => {
      gh.state.addPullRequest({ number: 3 });
      for (let i = 1; i <= 7; i++) gh.state.addComment({ issueNumber: 3, body: `c${i}`, user: "someone" });

      const first = await octokit.rest.issues.listComments({ ...repo, issue_number: 3, per_page: 3 });
      expect(first.data.map((c) => c.body)).toEqual(["c1", "c2", "c3"]);
      const link = first.headers.link ?? "";
      expect(link).toBe(
        `<${gh.url}/repos/acme/app/issues/3/comments?per_page=3&page=2>; rel="next", ` +
          `<${gh.url}/repos/acme/app/issues/3/comments?per_page=3&page=3>; rel="last"`,
      );
      const middle = await octokit.rest.issues.listComments({
        ...repo,
        issue_number: 3,
        per_page: 3,
        page: 2,
      });
      expect(middle.headers.link).toContain('rel="prev"');
      expect(middle.headers.link).toContain('rel="first"');

      const all = await octokit.paginate(octokit.rest.issues.listComments, {
        ...repo,
        issue_number: 3,
        per_page: 3,
      });
      expect(all.map((c) => c.body)).toEqual(["c1", "c2", "c3", "c4", "c5", "c6", "c7"]);
      expect(
        gh.calls.filter((c) => c.route === "/repos/{owner}/{repo}/issues/{issue_number}/comments"),
      ).toHaveLength(5);
    });

    it("rejects comments on missing issues, without a body, or over GitHub's length limit", async () => {
      const noIssue = await failure(
        octokit.rest.issues.createComment({ ...repo, issue_number: 99, body: "x" }),
      );
      expect(noIssue.status).toBe(404);

      gh.state.addPullRequest({ number: 4 });
      const tooLong = await failure(
        octokit.rest.issues.createComment({ ...repo, issue_number: 4, body: "x".repeat(65537) }),
      );
      expect(tooLong.status).toBe(422);
      expect(tooLong.response?.data.errors).toEqual([
        {
          resource: "IssueComment",
          code: "custom",
          field: "body",
          message: "body is too long (maximum is 65536 characters)",
        },
      ]);
      await octokit.rest.issues.createComment({ ...repo, issue_number: 4, body: "x".repeat(65536) });

      const noBody = await fetch(`${gh.url}/repos/acme/app/issues/4/comments`, {
        method: "POST",
        headers: { authorization: `token ${gh.token}`, "content-type": "application/json" },
        body: JSON.stringify({ text: "wrong field" }),
      });
      expect(noBody.status).toBe(422);
      expect(((await noBody.json()) as { message: string }).message).toBe(
        'Invalid request.\n\n"body" wasn\'t supplied.',
      );
    });
  });

  describe("pull requests", () => {
    it("returns a pull request with head, base and merge state", async () => {
      gh.state.addPullRequest({
        number: 7,
        title: "Add layer",
        headRef: "feat/layer",
        headSha: "a".repeat(40),
      });
      const { data } = await octokit.rest.pulls.get({ ...repo, pull_number: 7 });
      expect(data).toMatchObject({
        number: 7,
        state: "open",
        title: "Add layer",
        merged: false,
        draft: false,
        html_url: "https://github.com/acme/app/pull/7",
        head: {
          ref: "feat/layer",
          sha: "a".repeat(40),
          label: "acme:feat/layer",
          repo: { full_name: "acme/app" },
        },
        base: { ref: "main", repo: { full_name: "acme/app" } },
        user: { login: "octocat" },
      });

      time += 1000;
      gh.state.closePullRequest(7, { merged: true });
      const merged = await octokit.rest.pulls.get({ ...repo, pull_number: 7 });
      expect(merged.data).toMatchObject({ state: "closed", merged: true, merged_at: "2026-03-01T12:00:01Z" });

      const missing = await failure(octokit.rest.pulls.get({ ...repo, pull_number: 8 }));
      expect(missing.status).toBe(404);
    });

    it("lists by state, newest first, across pages", async () => {
      for (let n = 1; n <= 5; n++) {
        gh.state.addPullRequest({
          number: n,
          createdAt: T0 + n * 1000,
          state: n % 2 === 0 ? "closed" : "open",
        });
      }
      const open = await octokit.rest.pulls.list({ ...repo });
      expect(open.data.map((p) => p.number)).toEqual([5, 3, 1]);
      const closed = await octokit.rest.pulls.list({ ...repo, state: "closed" });
      expect(closed.data.map((p) => p.number)).toEqual([4, 2]);
      const all = await octokit.paginate(octokit.rest.pulls.list, { ...repo, state: "all", per_page: 2 });
      expect(all.map((p) => p.number)).toEqual([5, 4, 3, 2, 1]);
      const oldestFirst = await octokit.rest.pulls.list({ ...repo, state: "all", direction: "asc" });
      expect(oldestFirst.data.map((p) => p.number)).toEqual([1, 2, 3, 4, 5]);
    });
  });

  describe("deployments", () => {
    it("creates deployments for a ref and filters them", async () => {
      const pr = gh.state.addPullRequest({ number: 5, headRef: "feature-5" });
      const created = await octokit.rest.repos.createDeployment({
        ...repo,
        ref: "feature-5",
        environment: "pr-5",
        transient_environment: true,
        auto_merge: false,
        required_contexts: [],
        payload: { stack: "app-pr-5" },
      });
      expect(created.status).toBe(201);
      const d = created.data as { id: number; sha: string; environment: string; payload: unknown };
      expect(d.sha).toBe(pr.headSha);
      expect(d.environment).toBe("pr-5");
      expect(d.payload).toEqual({ stack: "app-pr-5" });

      const other = fakeSha("other");
      await octokit.rest.repos.createDeployment({
        ...repo,
        ref: other,
        environment: "pr-6",
        auto_merge: false,
      });

      const byEnv = await octokit.rest.repos.listDeployments({ ...repo, environment: "pr-5" });
      expect(byEnv.data.map((x) => x.id)).toEqual([d.id]);
      const bySha = await octokit.rest.repos.listDeployments({ ...repo, sha: other });
      expect(bySha.data.map((x) => x.environment)).toEqual(["pr-6"]);
      const all = await octokit.rest.repos.listDeployments({ ...repo });
      expect(all.data.map((x) => x.environment)).toEqual(["pr-6", "pr-5"]);

      const unknownRef = await failure(octokit.rest.repos.createDeployment({ ...repo, ref: "nope" }));
      expect(unknownRef.status).toBe(422);
      expect(unknownRef.response?.data.message).toBe("No ref found for: nope");
    });

    it("records statuses newest first and marks earlier successes inactive", async () => {
      const sha = fakeSha("x");
      const first = gh.state.addDeployment({ ref: sha, environment: "pr-1" });
      const second = gh.state.addDeployment({ ref: sha, environment: "pr-1" });
      const elsewhere = gh.state.addDeployment({ ref: sha, environment: "pr-2" });
      for (const d of [first, elsewhere]) {
        await octokit.rest.repos.createDeploymentStatus({ ...repo, deployment_id: d.id, state: "success" });
      }
      await octokit.rest.repos.createDeploymentStatus({
        ...repo,
        deployment_id: second.id,
        state: "in_progress",
      });
      const done = await octokit.rest.repos.createDeploymentStatus({
        ...repo,
        deployment_id: second.id,
        state: "success",
        environment_url: "https://pr-1.example.com",
        log_url: "https://github.com/acme/app/actions/runs/1",
      });
      expect(done.data).toMatchObject({
        state: "success",
        environment: "pr-1",
        environment_url: "https://pr-1.example.com",
        log_url: "https://github.com/acme/app/actions/runs/1",
        target_url: "https://github.com/acme/app/actions/runs/1",
      });

      const firstStatuses = await octokit.rest.repos.listDeploymentStatuses({
        ...repo,
        deployment_id: first.id,
      });
      expect(firstStatuses.data.map((s) => s.state)).toEqual(["inactive", "success"]);
      const secondStatuses = await octokit.rest.repos.listDeploymentStatuses({
        ...repo,
        deployment_id: second.id,
      });
      expect(secondStatuses.data.map((s) => s.state)).toEqual(["success", "in_progress"]);
      // Another environment is left alone.
      expect(gh.state.deploymentState(elsewhere)).toBe("success");

      const invalid = await failure(
        octokit.rest.repos.createDeploymentStatus({
          ...repo,
          deployment_id: second.id,
          state: "done" as "success",
        }),
      );
      expect(invalid.status).toBe(422);
    });

    it("leaves earlier deployments active when auto_inactive is false", async () => {
      const sha = fakeSha("y");
      const first = gh.state.addDeployment({ ref: sha, environment: "pr-3" });
      const second = gh.state.addDeployment({ ref: sha, environment: "pr-3" });
      gh.state.addDeploymentStatus(first, { state: "success" });
      await octokit.rest.repos.createDeploymentStatus({
        ...repo,
        deployment_id: second.id,
        state: "success",
        auto_inactive: false,
      });
      expect(gh.state.deploymentState(first)).toBe("success");
    });

    it("deletes only inactive deployments unless one is alone in its environment", async () => {
      const sha = fakeSha("z");
      const first = gh.state.addDeployment({ ref: sha, environment: "pr-9" });
      const second = gh.state.addDeployment({ ref: sha, environment: "pr-9" });
      await octokit.rest.repos.createDeploymentStatus({
        ...repo,
        deployment_id: first.id,
        state: "success",
        auto_inactive: false,
      });
      const refused = await failure(
        octokit.rest.repos.deleteDeployment({ ...repo, deployment_id: first.id }),
      );
      expect(refused.status).toBe(422);
      expect(refused.response?.data.message).toBe(
        "We cannot delete an active deployment unless it is the only deployment in a given environment.",
      );

      await octokit.rest.repos.createDeploymentStatus({
        ...repo,
        deployment_id: first.id,
        state: "inactive",
      });
      expect((await octokit.rest.repos.deleteDeployment({ ...repo, deployment_id: first.id })).status).toBe(
        204,
      );

      gh.state.addDeploymentStatus(second, { state: "success" });
      expect((await octokit.rest.repos.deleteDeployment({ ...repo, deployment_id: second.id })).status).toBe(
        204,
      );
      expect(gh.state.deployments).toEqual([]);
    });
  });

  describe("environments", () => {
    it("exist once deployed to, and can be deleted", async () => {
      gh.state.addDeployment({ ref: fakeSha("e"), environment: "pr-4" });
      const env = await octokit.rest.repos.getEnvironment({ ...repo, environment_name: "pr-4" });
      expect(env.data.name).toBe("pr-4");
      const deleted = await octokit.rest.repos.deleteAnEnvironment({ ...repo, environment_name: "pr-4" });
      expect(deleted.status).toBe(204);
      const again = await failure(
        octokit.rest.repos.deleteAnEnvironment({ ...repo, environment_name: "pr-4" }),
      );
      expect(again.status).toBe(404);
    });
  });

  describe("fault injection", () => {
    it("answers with a secondary rate limit on one route, the given number of times", async () => {
      gh.state.addPullRequest({ number: 1 });
      gh.inject.rateLimit({ route: "POST /repos/{owner}/{repo}/issues/{issue_number}/comments", times: 2 });
      await octokit.rest.pulls.get({ ...repo, pull_number: 1 });
      for (let i = 0; i < 2; i++) {
        const err = await failure(octokit.rest.issues.createComment({ ...repo, issue_number: 1, body: "x" }));
        expect(err.status).toBe(403);
        expect(err.response?.headers["retry-after"]).toBe("60");
        expect(err.response?.data.message).toContain("secondary rate limit");
      }
      await octokit.rest.issues.createComment({ ...repo, issue_number: 1, body: "x" });
      expect(gh.calls.map((c) => [c.method, c.status, c.fault])).toEqual([
        ["GET", 200, undefined],
        ["POST", 403, "rateLimit"],
        ["POST", 403, "rateLimit"],
        ["POST", 201, undefined],
      ]);
    });

    it("can answer 429, a primary limit, or server errors", async () => {
      gh.state.addPullRequest({ number: 1 });
      gh.inject.rateLimit({ status: 429, retryAfter: 5 });
      const limited = await failure(octokit.rest.pulls.get({ ...repo, pull_number: 1 }));
      expect(limited.status).toBe(429);
      expect(limited.response?.headers["retry-after"]).toBe("5");

      gh.inject.rateLimit({ kind: "primary" });
      const primary = await failure(octokit.rest.pulls.get({ ...repo, pull_number: 1 }));
      expect(primary.status).toBe(403);
      expect(primary.response?.headers["x-ratelimit-remaining"]).toBe("0");

      gh.inject.serverError({ route: /^GET \/repos\/acme\/app\/pulls\/1$/, times: 1, status: 503 });
      expect((await failure(octokit.rest.pulls.get({ ...repo, pull_number: 1 }))).status).toBe(503);
      expect((await octokit.rest.pulls.get({ ...repo, pull_number: 1 })).status).toBe(200);

      gh.inject.serverError({ times: 5 });
      gh.inject.clear();
      expect((await octokit.rest.pulls.get({ ...repo, pull_number: 1 })).status).toBe(200);
    });
  });

  it("records each call with its body and time", async () => {
    gh.state.addPullRequest({ number: 2 });
    time = T0 + 5000;
    await octokit.rest.issues.createComment({ ...repo, issue_number: 2, body: "recorded" });
    expect(gh.calls).toEqual([
      {
        method: "POST",
        path: "/repos/acme/app/issues/2/comments",
        query: "",
        route: "/repos/{owner}/{repo}/issues/{issue_number}/comments",
        body: { body: "recorded" },
        status: 201,
        time: T0 + 5000,
      },
    ]);
  });
});
