/**
 * Whose sticky comment the deploy bundle edits, run as the GitHub runner runs it against the local
 * fake AWS and fake GitHub. Anyone can post a comment that starts with our hidden marker; only one
 * written by the identity the token acts as is ours, and every other one is left exactly as it was.
 * The clocks are shared and compressed (see preview-fixture.ts).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { pullRequestEvent } from "./events";
import { HEAD, PreviewFixture } from "./preview-fixture";

const MARKER = "<!-- preview-stacks:stack=shop-pr-12 -->";
const PAT = "ghp_fakealice0123456789abcdefghijklmnop";

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Bucket:
    Type: AWS::S3::Bucket
Outputs:
  BucketName:
    Value: !Ref Bucket
`;

/** TEMPLATE with one more bucket: the second push is an update. */
const TEMPLATE_V2 = TEMPLATE.replace("Outputs:\n", "  Uploads:\n    Type: AWS::S3::Bucket\nOutputs:\n");

/** What mallory posts: our marker, then a lookalike report that sends reviewers elsewhere. */
const MALLORY_BODY = `${MARKER}\n### ✅ Preview \`shop-pr-12\` created\n\n| Preview | [open](https://evil.example) |`;

let f: PreviewFixture;

async function start(tokens: Record<string, string> = {}): Promise<void> {
  f = await PreviewFixture.start({ template: TEMPLATE, tokens });
}

afterEach(async () => {
  await f?.close();
});

function deploy(token: string) {
  return f.deploy({ "github-token": token }, { event: pullRequestEvent({ number: 12, sha: HEAD }) });
}

/** Every comment on the pull request as [author, body], oldest first. */
function thread(): [string, string][] {
  return f.gh.state.commentsOn(12).map((c) => [c.user.login, c.body]);
}

function identityCalls(): string[] {
  return f.gh.calls
    .filter((c) => c.route === "/user" || c.route === "/graphql")
    .map((c) => `${c.method} ${c.path} ${c.status}`);
}

function editedCommentIds(): number[] {
  return f.gh.calls
    .filter((c) => c.method === "PATCH" || c.method === "DELETE")
    .map((c) => Number(c.path.split("/").at(-1)));
}

describe("deploy action bundle: the sticky comment", () => {
  it("never edits another user's comment that starts with the marker; writes, then updates, its own", async () => {
    await start();
    const mallory = f.gh.state.addComment({ issueNumber: 12, body: MALLORY_BODY, user: "mallory" });

    const first = await deploy(f.gh.token);
    expect(first.exitCode, first.stdout).toBe(0);
    const [, ours] = f.gh.state.commentsOn(12);
    expect(thread()).toEqual([
      ["mallory", MALLORY_BODY],
      ["github-actions[bot]", expect.stringMatching(/^<!-- preview-stacks:stack=shop-pr-12 -->\n/)],
    ]);
    expect(ours.body).toContain("### ✅ Preview `shop-pr-12` created");
    expect(first.stdout).toContain(
      `Pull request comment created: https://github.com/acme/shop/pull/12#issuecomment-${ours.id}`,
    );
    // mallory's comment carries the marker, so the bundle asked who its token is: GITHUB_TOKEN is
    // no user, and GraphQL names the bot.
    expect(identityCalls()).toEqual(["GET /user 403", "POST /graphql 200"]);
    expect(first.stdout).toContain("The GitHub token acts as github-actions[bot] (GraphQL viewer).");
    expect(first.stdout).toContain(
      `Ignoring a comment with the marker of shop-pr-12 not written by github-actions[bot], whom the GitHub token acts as: mallory (comment ${mallory.id}). Comments by others are never edited.`,
    );
    expect(first.stdout).not.toContain("evil.example");

    writeFileSync(join(f.workspace, "template.yaml"), TEMPLATE_V2);
    const second = await deploy(f.gh.token);
    expect(second.exitCode, second.stdout).toBe(0);
    expect(second.outputs.status).toBe("UPDATE_COMPLETE");
    expect(thread()).toEqual([
      ["mallory", MALLORY_BODY],
      ["github-actions[bot]", ours.body],
    ]);
    expect(ours.body).toContain("### ✅ Preview `shop-pr-12` updated");
    expect(mallory.updatedAt).toBe(mallory.createdAt);
    expect(editedCommentIds()).toEqual([ours.id]);
  });

  it("with a personal access token, adopts that user's comment and leaves the bot's alone", async () => {
    await start({ [PAT]: "alice" });
    const bots = f.gh.state.addComment({ issueNumber: 12, body: `${MARKER}\nwritten with GITHUB_TOKEN` });
    const alices = f.gh.state.addComment({ issueNumber: 12, body: `${MARKER}\nan older run`, user: "alice" });

    const run = await deploy(PAT);
    expect(run.exitCode, run.stdout).toBe(0);
    expect(thread()).toEqual([
      ["github-actions[bot]", `${MARKER}\nwritten with GITHUB_TOKEN`],
      ["alice", alices.body],
    ]);
    expect(alices.body).toContain("### ✅ Preview `shop-pr-12` created");
    expect(run.stdout).toContain(
      `Pull request comment updated: https://github.com/acme/shop/pull/12#issuecomment-${alices.id}`,
    );
    expect(identityCalls()).toEqual(["GET /user 200"]);
    expect(run.stdout).toContain("The GitHub token acts as alice (GET /user).");
    expect(run.stdout).toContain(
      `Ignoring a comment with the marker of shop-pr-12 not written by alice, whom the GitHub token acts as: github-actions[bot] (comment ${bots.id}).`,
    );
    expect(editedCommentIds()).toEqual([alices.id]);
    expect(bots.updatedAt).toBe(bots.createdAt);
  });
});
