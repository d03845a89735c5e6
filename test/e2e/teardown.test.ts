/**
 * The teardown bundle run as the GitHub runner runs it, on PR #12's `closed` event, against the
 * local fake AWS and fake GitHub. Stacks are made by the deploy bundle (or with the SDK, for what
 * deploy would never make), and both bundles share the fake's compressed clock (see
 * preview-fixture.ts). Refusals are checked against every recorded call: nothing may change.
 */
import {
  CloudFormationClient,
  CreateChangeSetCommand,
  CreateStackCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  type Tag,
  UpdateTerminationProtectionCommand,
  waitUntilChangeSetCreateComplete,
} from "@aws-sdk/client-cloudformation";
import { afterEach, describe, expect, it } from "vitest";
import { previewTags } from "../../src/stack/tags";
import type { RecordedCall } from "../fakes/aws/index";
import { pullRequestEvent } from "./events";
import type { RunResult } from "./harness";
import { HEAD, PreviewFixture } from "./preview-fixture";

const STACK = "shop-pr-12";
const MARKER = `<!-- preview-stacks:stack=${STACK} -->`;
const PREVIEW_TAGS: Tag[] = previewTags({ repository: "acme/shop", pr: 12 });

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Description: The shop preview
Resources:
  Uploads:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: Enabled
  Queue:
    Type: AWS::SQS::Queue
Outputs:
  QueueUrl:
    Value: !Ref Queue
`;

/** Calls that change something in AWS: every S3 write and every CloudFormation action but reads. */
const CFN_READS = /^(Describe|List|Get|Validate)/;
function mutating(calls: RecordedCall[]): string[] {
  return calls
    .filter((c) =>
      c.service === "s3"
        ? !/^(GET|HEAD) /.test(c.action)
        : c.service === "cloudformation" && !CFN_READS.test(c.action),
    )
    .map((c) => `${c.service} ${c.action}`);
}

let f: PreviewFixture;

async function start(resourceDelayMs?: number | Record<string, number>): Promise<void> {
  f = await PreviewFixture.start({ template: TEMPLATE, resourceDelayMs });
}

afterEach(async () => {
  await f?.close();
});

function closed() {
  return { event: pullRequestEvent({ number: 12, sha: HEAD, action: "closed" }) };
}

function teardown(inputs: Record<string, string> = {}): Promise<RunResult> {
  return f.run("teardown", inputs, closed());
}

function cfnClient(): CloudFormationClient {
  return new CloudFormationClient({ ...f.aws.clientConfig(), maxAttempts: 1 });
}

/** The live stack's state in the fake, or undefined once it is deleted. */
function liveStack(name = STACK) {
  return [...f.aws.state.cloudformation.stacks.values()].find(
    (s) => s.stackName === name && s.status !== "DELETE_COMPLETE",
  );
}

async function deployed(): Promise<{ bucket: string }> {
  const run = await f.deploy();
  expect(run.exitCode, run.stdout).toBe(0);
  return { bucket: liveStack()?.resources.get("Uploads")?.physicalId as string };
}

/** Three versions of each key and a delete marker on every other one. */
function fill(bucket: string, keys: number): void {
  for (let k = 0; k < keys; k++) {
    for (let v = 0; v < 3; v++) f.aws.state.s3.putObject(bucket, `uploads/${k}.png`, Buffer.from(`v${v}`));
    if (k % 2 === 0) f.aws.state.s3.deleteObject(bucket, `uploads/${k}.png`);
  }
}

/**
 * Runs teardown and checks that it stopped (exit 1, `status`), saying `says`, with no call that
 * changes anything in AWS; returns the calls it made.
 */
async function stoppedUntouched(status: "refused" | "failed", says: string): Promise<RecordedCall[]> {
  const before = f.aws.calls.length;
  const run = await teardown();
  expect(run.exitCode, run.stdout).toBe(1);
  expect(run.outputs.status).toBe(status);
  expect(run.stdout).toContain(says);
  const calls = f.aws.calls.slice(before);
  expect(mutating(calls)).toEqual([]);
  return calls;
}

async function createStack(tags: Tag[]): Promise<void> {
  const cfn = cfnClient();
  await cfn.send(new CreateStackCommand({ StackName: STACK, TemplateBody: TEMPLATE, Tags: tags }));
  const stack = await cfn.send(new DescribeStacksCommand({ StackName: STACK }));
  cfn.destroy();
  expect(stack.Stacks?.[0].StackStatus).toBe("CREATE_COMPLETE");
}

describe("teardown action bundle", () => {
  it("empties a versioned bucket, deletes the stack, marks the deployments inactive and updates the comment in place", async () => {
    await start();
    const { bucket } = await deployed();
    expect(f.aws.state.s3.getVersioning(bucket)).toBe("Enabled");
    fill(bucket, 1_500);
    const versions = f.aws.state.s3.listVersions(bucket).length;
    expect(versions).toBe(5_250);
    const [comment] = f.gh.state.commentsOn(12);
    expect(f.comments()).toHaveLength(1);

    const before = f.aws.calls.length;
    const run = await teardown();

    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs).toEqual({ "stack-name": STACK, status: "deleted", "retained-resources": "[]" });
    expect(liveStack()).toBeUndefined();
    expect(f.aws.state.s3.hasBucket(bucket)).toBe(false);
    const s3Calls = f.aws.calls.slice(before).filter((c) => c.service === "s3");
    expect(s3Calls.map((c) => c.action.split(" ")[0])).toEqual(Array(6).fill(["GET", "POST"]).flat());
    expect(run.stdout).toContain(
      `Emptied bucket ${bucket} (Uploads): deleted 5,250 object versions and delete markers.`,
    );

    // The same comment, edited: one comment per stack, now saying the preview is gone.
    const comments = f.gh.state.commentsOn(12);
    expect(comments.map((c) => c.id)).toEqual([comment.id]);
    expect(comments[0].body.startsWith(`${MARKER}\n\n### 🗑️ Preview \`${STACK}\` removed`)).toBe(true);
    expect(comments[0].body).toContain(
      "| Run | [logs and stack events](https://github.com/acme/shop/actions/runs/4243) |",
    );
    expect(comments[0].body).toContain("| Environment | `pr-12` (1 deployment marked inactive) |");
    expect(f.gh.state.deployments.map((d) => d.statuses.map((s) => s.state))).toEqual([
      ["in_progress", "success", "inactive"],
    ]);
    expect(run.summary).toContain(`### 🗑️ Preview \`${STACK}\` removed`);
    expect(run.summary).toContain("**AWS calls:**");
  });

  it("reports a missing stack as nothing to delete, twice, leaving the comment as it was", async () => {
    await start();
    await deployed();
    expect((await teardown()).outputs.status).toBe("deleted");
    const removed = f.comments();
    for (let i = 0; i < 2; i++) {
      const before = f.aws.calls.length;
      const run = await teardown();
      expect(run.exitCode, run.stdout).toBe(0);
      expect(run.outputs.status).toBe("not-found");
      expect(run.stdout).toContain(`Stack ${STACK} does not exist: nothing to delete.`);
      expect(mutating(f.aws.calls.slice(before))).toEqual([]);
    }
    expect(f.comments()).toEqual(removed);
  });

  it("warns about a template it cannot read without repeating the path, and goes on", async () => {
    await start();
    const run = await teardown({ template: "stacks/secret-name.yaml" });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.status).toBe("not-found");
    const warning = run.annotations.find(
      (a) => a.level === "warning" && a.message.startsWith("Input 'template'"),
    );
    expect(warning?.message).toContain("Input 'template': the file cannot be read (ENOENT)");
    expect(run.stdout).not.toContain("secret-name");
  });

  it("retries DELETE_FAILED once, then deletes keeping what failed with retain-on-failure, and lists it", async () => {
    await start();
    await deployed();
    const queue = liveStack()?.resources.get("Queue")?.physicalId as string;
    f.aws.inject.failResource("Queue", { on: "delete", reason: "Queue is in use by a consumer", times: 2 });

    const run = await teardown({ "retain-on-failure": "true" });

    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.status).toBe("deleted");
    expect(JSON.parse(run.outputs["retained-resources"])).toEqual([
      {
        logicalId: "Queue",
        resourceType: "AWS::SQS::Queue",
        physicalId: queue,
        consoleUrl: expect.stringMatching(
          /^https:\/\/us-east-1\.console\.aws\.amazon\.com\/cloudformation\//,
        ),
      },
    ]);
    const deletes = f.aws.callsOf("cloudformation", "DeleteStack").map((c) => c.params ?? {});
    expect(deletes.map((p) => [p.ClientRequestToken, p["RetainResources.member.1"]])).toEqual([
      ["preview-stacks-4243-1-delete-1", undefined],
      ["preview-stacks-4243-1-delete-2", undefined],
      ["preview-stacks-4243-1-delete-3", "Queue"],
    ]);
    expect(run.stdout).toContain(
      "Queue (AWS::SQS::Queue) DELETE_FAILED: Queue is in use by a consumer (template.yaml line 9)",
    );
    expect(run.annotations).toContainEqual(
      expect.objectContaining({
        level: "warning",
        file: "template.yaml",
        line: 9,
        title: "Queue DELETE_FAILED",
      }),
    );
    expect(liveStack()).toBeUndefined();
    const [comment] = f.comments();
    expect(comment).toContain("#### Resources kept (retain-on-failure)");
    expect(comment).toContain(`| \`Queue\` | AWS::SQS::Queue | \`${queue}\` |`);
    expect(run.summary).toContain("#### Resources kept (retain-on-failure)");
  });

  it("fails after two DELETE_FAILED without retain-on-failure, at the resource's line, with the next step", async () => {
    await start();
    await deployed();
    f.aws.inject.failResource("Queue", { on: "delete", reason: "Queue is in use by a consumer", times: 2 });
    const run = await teardown();
    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe("failed");
    expect(run.annotations).toContainEqual(
      expect.objectContaining({
        level: "error",
        file: "template.yaml",
        line: 9,
        title: "Queue DELETE_FAILED",
      }),
    );
    expect(run.stdout).toContain("run it with retain-on-failure: true to delete the stack and keep them");
    expect(liveStack()?.status).toBe("DELETE_FAILED");
    // The stack is not gone, so its deployment stays as it was.
    expect(f.gh.state.deployments[0].statuses.at(-1)?.state).toBe("success");
    expect(f.comments()[0]).toContain(`### ❌ Teardown of \`${STACK}\` failed`);
  });

  it("fails, deleting nothing, while another stack imports one of its exports", async () => {
    await start();
    f.writeTemplate(
      TEMPLATE.replace(
        "    Value: !Ref Queue\n",
        "    Value: !Ref Queue\n    Export: { Name: shop-pr-12-queue }\n",
      ),
    );
    await deployed();
    const cfn = cfnClient();
    await cfn.send(
      new CreateStackCommand({
        StackName: "billing",
        TemplateBody:
          "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !ImportValue shop-pr-12-queue\n",
      }),
    );
    cfn.destroy();
    await stoppedUntouched(
      "failed",
      "Stack shop-pr-12 cannot be deleted: other stacks import its exports: shop-pr-12-queue (imported by billing). Nothing was deleted.",
    );
    expect(liveStack()?.status).toBe("CREATE_COMPLETE");
  });

  describe("refuses, changing nothing in AWS,", () => {
    it.each([
      ["no tags", [] as Tag[], "has no preview-stacks:* tags"],
      [
        "another repository's tags",
        [PREVIEW_TAGS[0], { Key: "preview-stacks:repository", Value: "other/repo" }, PREVIEW_TAGS[2]],
        "is tagged as a preview of other/repo PR #12, not of acme/shop",
      ],
      [
        "another pull request's tags",
        [PREVIEW_TAGS[0], PREVIEW_TAGS[1], { Key: "preview-stacks:pr", Value: "7" }],
        "is tagged as a preview of acme/shop PR #7, not of PR #12",
      ],
    ])("a stack with the preview name and %s", async (_what, tags, says) => {
      await start();
      await createStack(tags);
      const calls = await stoppedUntouched("refused", says);
      expect(calls.map((c) => c.action)).toEqual(["DescribeStacks"]);
      expect(liveStack()?.status).toBe("CREATE_COMPLETE");
      expect(f.gh.state.deployments).toEqual([]);
    });

    it("a stack with termination protection, saying how to turn it off", async () => {
      await start();
      await deployed();
      const cfn = cfnClient();
      await cfn.send(
        new UpdateTerminationProtectionCommand({ StackName: STACK, EnableTerminationProtection: true }),
      );
      cfn.destroy();
      await stoppedUntouched(
        "refused",
        "aws cloudformation update-termination-protection --no-enable-termination-protection --stack-name shop-pr-12",
      );
      expect(liveStack()?.terminationProtection).toBe(true);
    });
  });

  it("cancels the deploy still updating the stack, waits for the rollback, then deletes", async () => {
    // Topics take 5 simulated minutes (6 s real), so the other run's update is still running.
    await start({ "AWS::SNS::Topic": 300_000, "*": 0 });
    await deployed();
    const cfn = cfnClient();
    const cs = await cfn.send(
      new CreateChangeSetCommand({
        StackName: STACK,
        ChangeSetName: "last-push",
        ChangeSetType: "UPDATE",
        TemplateBody: TEMPLATE.replace("Outputs:\n", "  Alerts:\n    Type: AWS::SNS::Topic\nOutputs:\n"),
        Tags: PREVIEW_TAGS,
      }),
    );
    await waitUntilChangeSetCreateComplete(
      { client: cfn, maxWaitTime: 30, minDelay: 1, maxDelay: 1 },
      { StackName: STACK, ChangeSetName: cs.Id },
    );
    await cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: cs.Id, StackName: STACK }));
    expect((await cfn.send(new DescribeStacksCommand({ StackName: STACK }))).Stacks?.[0].StackStatus).toBe(
      "UPDATE_IN_PROGRESS",
    );
    cfn.destroy();

    const run = await teardown();

    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.status).toBe("deleted");
    expect(run.stdout).toContain(
      "Stack shop-pr-12 is UPDATE_IN_PROGRESS: cancelled the update; waiting for its rollback.",
    );
    expect(run.stdout).toContain("UPDATE_ROLLBACK_COMPLETE");
    const actions = f.aws.calls.filter((c) => c.service === "cloudformation").map((c) => c.action);
    expect(actions.indexOf("CancelUpdateStack")).toBeLessThan(actions.indexOf("DeleteStack"));
    expect(liveStack()).toBeUndefined();
  });

  it("dry-run prints the plan and changes nothing in AWS or on GitHub", async () => {
    await start();
    const { bucket } = await deployed();
    fill(bucket, 40);
    const awsBefore = f.aws.calls.length;
    const ghBefore = f.gh.calls.length;
    const comments = f.comments();

    const run = await teardown({ "dry-run": "true" });

    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.status).toBe("planned");
    expect(run.stdout).toContain(
      `Plan: empty bucket ${bucket} (Uploads): 120 object versions and 20 delete markers.`,
    );
    expect(run.stdout).toContain("Plan: mark 1 deployments of environment pr-12 inactive");
    expect(run.stdout).toContain(
      "Dry run: teardown would delete 140 object versions and delete markers, then delete the stack (CREATE_COMPLETE) of shop-pr-12; nothing was changed.",
    );
    expect(mutating(f.aws.calls.slice(awsBefore))).toEqual([]);
    expect(f.gh.calls.slice(ghBefore).filter((c) => c.method !== "GET")).toEqual([]);
    expect(f.aws.state.s3.listVersions(bucket)).toHaveLength(140);
    expect(f.comments()).toEqual(comments);
    expect(run.summary).toContain("Teardown plan for `shop-pr-12` (dry run: nothing was changed)");
    expect(run.summary).toContain("| 140 |");
  });
});
