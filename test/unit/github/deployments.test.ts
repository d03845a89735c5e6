import { getOctokit } from "@actions/github";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { finishDeployment, shorten, startDeployment } from "../../../src/github/deployments";
import { type FakeGitHub, startFakeGitHub } from "../../fakes/github/index";

const SHA = "1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d";
const RUN = "https://github.com/acme/shop/actions/runs/4242";

describe("deployments against the fake GitHub", () => {
  let gh: FakeGitHub;
  beforeEach(async () => {
    gh = await startFakeGitHub({ repo: "acme/shop" });
  });
  afterEach(async () => {
    await gh.close();
  });

  it("records a transient preview deployment: in_progress, then success with the preview URL", async () => {
    const octokit = getOctokit(gh.token, { baseUrl: gh.url });
    const id = await startDeployment(octokit, {
      owner: "acme",
      repo: "shop",
      ref: SHA,
      environment: "pr-12",
      transient: true,
      description: "Deploying shop-pr-12",
      logUrl: RUN,
      payload: { stackName: "shop-pr-12" },
    });
    await finishDeployment(octokit, {
      owner: "acme",
      repo: "shop",
      id,
      state: "success",
      environmentUrl: "https://abc.example/",
      logUrl: RUN,
      description: "shop-pr-12: UPDATE_COMPLETE",
    });

    const [deployment] = gh.state.deployments;
    expect(deployment).toMatchObject({
      id,
      sha: SHA,
      environment: "pr-12",
      transientEnvironment: true,
      productionEnvironment: false,
      payload: { stackName: "shop-pr-12" },
    });
    expect(deployment.statuses.map((s) => [s.state, s.environmentUrl, s.logUrl])).toEqual([
      ["in_progress", "", RUN],
      ["success", "https://abc.example/", RUN],
    ]);
    const created = gh.calls.find((c) => c.method === "POST" && c.path === "/repos/acme/shop/deployments");
    expect(created?.body).toMatchObject({ auto_merge: false, required_contexts: [] });
  });

  it("ends a failed deploy as failure, with no environment URL when there is none", async () => {
    const octokit = getOctokit(gh.token, { baseUrl: gh.url });
    const id = await startDeployment(octokit, {
      owner: "acme",
      repo: "shop",
      ref: SHA,
      environment: "staging",
      transient: false,
      description: "Deploying shop",
      logUrl: RUN,
      payload: {},
    });
    await finishDeployment(octokit, {
      owner: "acme",
      repo: "shop",
      id,
      state: "failure",
      environmentUrl: "not a url",
      logUrl: RUN,
      description: "x".repeat(300),
    });
    const statuses = gh.state.deployments[0].statuses;
    expect(statuses.map((s) => s.state)).toEqual(["in_progress", "failure"]);
    expect(statuses[1].environmentUrl).toBe("");
    expect(statuses[1].description).toHaveLength(140);
  });
});

it("shortens descriptions to GitHub's 140 characters with an ellipsis", () => {
  expect(shorten("abc", 3)).toBe("abc");
  expect(shorten("abcd", 3)).toBe("ab…");
});
