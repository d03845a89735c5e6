/**
 * teardownStack against the in-process fake AWS, driven by the real SDK clients: the fake's clock
 * is the run's clock and every sleep moves it, so waits and timeouts run in simulated time only.
 * The S3 answers no fake gives (DeleteObjects' per-key errors) come from aws-sdk-client-mock.
 */
import {
  CloudFormationClient,
  CreateChangeSetCommand,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  type Tag,
} from "@aws-sdk/client-cloudformation";
import { DeleteObjectsCommand, ListObjectVersionsCommand, S3Client } from "@aws-sdk/client-s3";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, describe, expect, it } from "vitest";
import { previewTags } from "../../../src/stack/tags";
import { type TeardownOptions, type TeardownResult, teardownStack } from "../../../src/stack/teardown";
import { loadTemplate } from "../../../src/stack/template-source";
import { type FakeAws, type FakeAwsOptions, startFakeAws } from "../../fakes/aws/index";

const START = Date.parse("2026-03-01T12:00:00.000Z");
const STACK = "shop-pr-12";
const TAGS: Tag[] = previewTags({ repository: "acme/shop", pr: 12 });

const TEMPLATE = `Resources:
  Uploads:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration: { Status: Enabled }
  Queue:
    Type: AWS::SQS::Queue
`;

const MUTATING = new Set([
  "DeleteStack",
  "CancelUpdateStack",
  "UpdateTerminationProtection",
  "CreateStack",
  "UpdateStack",
  "ExecuteChangeSet",
  "ContinueUpdateRollback",
]);

let aws: FakeAws;
let cfn: CloudFormationClient;
let s3: S3Client;
let lines: string[];

async function start(options: FakeAwsOptions = {}): Promise<void> {
  aws = await startFakeAws({ startTime: START, ...options });
  cfn = new CloudFormationClient({ ...aws.clientConfig(), maxAttempts: 1 });
  s3 = new S3Client({ ...aws.clientConfig(), forcePathStyle: true, maxAttempts: 1 });
  lines = [];
}

afterEach(async () => {
  cfn?.destroy();
  s3?.destroy();
  await aws?.close();
});

async function createStack(
  options: { name?: string; template?: string; tags?: Tag[]; protect?: boolean } = {},
): Promise<string> {
  const made = await cfn.send(
    new CreateStackCommand({
      StackName: options.name ?? STACK,
      TemplateBody: options.template ?? TEMPLATE,
      Tags: options.tags ?? TAGS,
      EnableTerminationProtection: options.protect,
    }),
  );
  aws.clock.advance(60_000);
  aws.tick();
  return made.StackId as string;
}

/** The physical id of a root-level resource of a live stack. */
function physicalId(logicalId: string, name = STACK): string {
  const stack = [...aws.state.cloudformation.stacks.values()].find(
    (s) => s.stackName === name && s.status !== "DELETE_COMPLETE",
  );
  return stack?.resources.get(logicalId)?.physicalId as string;
}

/** Writes `versionsPerKey` versions of each key in the bucket (versioning it first), then a delete marker on each. */
function fill(bucket: string, keys: number, versionsPerKey: number): void {
  if (aws.state.s3.getVersioning(bucket) === undefined) aws.state.s3.setVersioning(bucket, "Enabled");
  for (let k = 0; k < keys; k++) {
    for (let v = 0; v < versionsPerKey; v++) {
      aws.state.s3.putObject(bucket, `data/${k}.json`, Buffer.from(`{"v":${v}}`));
    }
    aws.state.s3.deleteObject(bucket, `data/${k}.json`);
  }
}

function options(overrides: Partial<TeardownOptions> = {}): TeardownOptions {
  return {
    stackName: STACK,
    expected: { repository: "acme/shop", pr: 12 },
    allowUnmanaged: false,
    emptyBuckets: true,
    retainOnFailure: false,
    timeoutMinutes: 60,
    dryRun: false,
    region: "us-east-1",
    run: { id: 4242, attempt: 1 },
    ...overrides,
  };
}

function teardown(overrides: Partial<TeardownOptions> = {}): Promise<TeardownResult> {
  return teardownStack(options(overrides), {
    cfn,
    s3,
    clock: () => aws.clock.now(),
    sleep: async (ms) => aws.clock.advance(ms),
    log: (line) => lines.push(line),
    random: () => 0.5,
  });
}

function stackStatus(name = STACK): string | undefined {
  const all = [...aws.state.cloudformation.stacks.values()].filter((s) => s.stackName === name);
  return all.at(-1)?.status;
}

function mutatingCalls(from = 0): string[] {
  return aws.calls
    .slice(from)
    .filter(
      (c) =>
        (c.service === "cloudformation" && MUTATING.has(c.action)) ||
        /^(POST|PUT|DELETE) /.test(c.service === "s3" ? c.action : ""),
    )
    .map((c) => c.action);
}

describe("teardownStack", () => {
  it("reports a missing stack as nothing to delete, however often it runs", async () => {
    await start();
    for (let i = 0; i < 2; i++) {
      const result = await teardown();
      expect(result).toMatchObject({ status: "not-found", failure: undefined, deleteAttempts: 0 });
      expect(result.message).toBe("Stack shop-pr-12 does not exist: nothing to delete.");
    }
    expect(aws.calls.map((c) => c.action)).toEqual(["DescribeStacks", "DescribeStacks"]);
  });

  it("empties a versioned bucket of 10,000 versions and delete markers in 20 S3 calls, then deletes the stack", async () => {
    await start();
    const stackId = await createStack();
    const bucket = physicalId("Uploads");
    expect(aws.state.s3.getVersioning(bucket)).toBe("Enabled");
    fill(bucket, 2_000, 4);
    expect(aws.state.s3.listVersions(bucket)).toHaveLength(10_000);
    const before = aws.calls.length;

    const result = await teardown();

    expect(result).toMatchObject({ status: "deleted", deleteAttempts: 1, objectsDeleted: 10_000, stackId });
    expect(result.message).toBe(
      "Stack shop-pr-12 deleted (10,000 object versions and delete markers deleted from 1 bucket).",
    );
    expect(result.buckets).toEqual([
      { logicalId: "Uploads", bucket, parentPath: [], retained: false, emptied: 10_000, gone: false },
    ]);
    expect(stackStatus()).toBe("DELETE_COMPLETE");
    expect(aws.state.s3.hasBucket(bucket)).toBe(false);
    const s3Calls = aws.calls.slice(before).filter((c) => c.service === "s3");
    expect(s3Calls.length).toBeLessThanOrEqual(25);
    expect(s3Calls.map((c) => c.action.split(" ")[0])).toEqual(Array(10).fill(["GET", "POST"]).flat());
    expect(result.awsCallsByOperation).toMatchObject({
      ListObjectVersions: 10,
      DeleteObjects: 10,
      DeleteStack: 1,
    });
    const [deleteCall] = aws.callsOf("cloudformation", "DeleteStack");
    expect(deleteCall.params).toMatchObject({
      StackName: stackId,
      ClientRequestToken: "preview-stacks-4242-1-delete-1",
    });
  });

  it("finds buckets in nested stacks and keeps those whose DeletionPolicy is Retain, read through YAML short forms", async () => {
    await start();
    aws.state.s3.createBucket("templates");
    aws.state.s3.putObject(
      "templates",
      "child.yaml",
      Buffer.from(`Conditions:
  Always: !Equals [a, a]
Resources:
  Assets:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub "\${AWS::StackName}-assets"
`),
    );
    const template = `Resources:
  Logs:
    Type: AWS::S3::Bucket
    DeletionPolicy: Retain
    Properties:
      Tags:
        - { Key: name, Value: !Ref AWS::StackName }
  Child:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ${aws.endpoint}/templates/child.yaml
`;
    await createStack({ template });
    const logs = physicalId("Logs");
    const child = physicalId("Child");
    const assets = aws.state.cloudformation.stacks.get(child)?.resources.get("Assets")?.physicalId as string;
    fill(logs, 3, 1);
    fill(assets, 5, 2);

    const result = await teardown();

    expect(result.status).toBe("deleted");
    expect(result.buckets).toEqual([
      { logicalId: "Logs", bucket: logs, parentPath: [], retained: true },
      {
        logicalId: "Assets",
        bucket: assets,
        parentPath: ["Child"],
        retained: false,
        emptied: 15,
        gone: false,
      },
    ]);
    expect(result.objectsDeleted).toBe(15);
    expect(aws.state.s3.listVersions(logs)).toHaveLength(6);
    expect(aws.state.s3.hasBucket(assets)).toBe(false);
    expect(stackStatus()).toBe("DELETE_COMPLETE");
  });

  describe("refuses, touching nothing,", () => {
    it("a stack with the preview name but no preview tags", async () => {
      await start();
      await createStack({ tags: [{ Key: "team", Value: "shop" }] });
      const before = aws.calls.length;
      const result = await teardown();
      expect(result.status).toBe("refused");
      expect(result.failure).toEqual({
        kind: "unmanaged",
        message:
          "Stack shop-pr-12 is not a preview stack: it has no preview-stacks:* tags, so this action did not deploy it as a preview, and teardown leaves it untouched. To delete it anyway, name it in stack-name and set allow-unmanaged: true.",
      });
      expect(result.message).toBe("Teardown of shop-pr-12 refused: nothing was changed.");
      expect(aws.calls.slice(before).map((c) => c.action)).toEqual(["DescribeStacks"]);
      expect(stackStatus()).toBe("CREATE_COMPLETE");
    });

    it.each([
      [
        "another repository's",
        [
          TAGS[0],
          { Key: "preview-stacks:repository", Value: "other/repo" },
          { Key: "preview-stacks:pr", Value: "7" },
        ],
        "Stack shop-pr-12 is tagged as a preview of other/repo PR #7, not of acme/shop:",
      ],
      [
        "another pull request's",
        [TAGS[0], TAGS[1], { Key: "preview-stacks:pr", Value: "7" }],
        "Stack shop-pr-12 is tagged as a preview of acme/shop PR #7, not of PR #12:",
      ],
    ])("a stack with %s tags, even with allow-unmanaged", async (_what, tags, says) => {
      await start();
      await createStack({ tags });
      const before = aws.calls.length;
      const result = await teardown({ allowUnmanaged: true });
      expect(result.status).toBe("refused");
      expect(result.failure?.kind).toBe("not-ours");
      expect(result.failure?.message).toContain(says);
      expect(result.failure?.message).toContain("leaves it untouched");
      expect(mutatingCalls(before)).toEqual([]);
      expect(stackStatus()).toBe("CREATE_COMPLETE");
    });

    it("a stack whose tags name this pull request but whose name does not end in its number", async () => {
      await start();
      await createStack({ name: "shop-staging", tags: TAGS });
      const result = await teardown({ stackName: "shop-staging" });
      expect(result.failure?.message).toContain(
        "is tagged as a preview of acme/shop PR #12, but its name does not end in -pr-12 as the tag says",
      );
      expect(mutatingCalls()).toEqual(["CreateStack"]);
    });

    it("a stack with termination protection, saying how to turn it off and never turning it off", async () => {
      await start();
      await createStack({ protect: true });
      const result = await teardown();
      expect(result.status).toBe("refused");
      expect(result.failure?.kind).toBe("termination-protection");
      expect(result.failure?.message).toContain(
        "aws cloudformation update-termination-protection --no-enable-termination-protection --stack-name shop-pr-12",
      );
      expect(mutatingCalls()).toEqual(["CreateStack"]);
    });
  });

  it("deletes an untagged stack named explicitly when allow-unmanaged is set, on any event", async () => {
    await start();
    await createStack({ name: "legacy-stack", tags: [] });
    const result = await teardown({
      stackName: "legacy-stack",
      expected: { repository: "acme/shop" },
      allowUnmanaged: true,
    });
    expect(result.status).toBe("deleted");
    expect(lines).toContain(
      "Stack legacy-stack has no preview-stacks:* tags; deleting it as allow-unmanaged: true asks.",
    );
    expect(stackStatus("legacy-stack")).toBe("DELETE_COMPLETE");
  });

  it("fails before deleting when other stacks import its exports (read over every page), naming them", async () => {
    await start({ pageSize: 1 });
    await createStack({
      template: `${TEMPLATE}Outputs:
  QueueUrl:
    Value: !Ref Queue
    Export: { Name: shop-pr-12-queue }
  Unused:
    Value: x
    Export: { Name: shop-pr-12-unused }
`,
    });
    await createStack({
      name: "billing",
      tags: [],
      template: `Resources:
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: !ImportValue shop-pr-12-queue
`,
    });
    const before = aws.calls.length;
    const result = await teardown();
    expect(result.status).toBe("failed");
    expect(result.failure).toEqual({
      kind: "exports-in-use",
      message:
        "Stack shop-pr-12 cannot be deleted: other stacks import its exports: shop-pr-12-queue (imported by billing). Nothing was deleted. Remove those imports (or delete the importing stacks) first, then run teardown again.",
    });
    expect(mutatingCalls(before)).toEqual([]);
    expect(aws.calls.slice(before).filter((c) => c.action === "ListImports")).toHaveLength(2);
  });

  it("empties the buckets again and retries once after DELETE_FAILED", async () => {
    await start();
    await createStack();
    aws.inject.failResource("Queue", { on: "delete", reason: "Queue is busy", times: 1 });
    const result = await teardown();
    expect(result).toMatchObject({ status: "deleted", deleteAttempts: 2 });
    expect(result.message).toContain("The first delete failed; the retry succeeded.");
    expect(aws.callsOf("cloudformation", "DeleteStack").map((c) => c.params?.ClientRequestToken)).toEqual([
      "preview-stacks-4242-1-delete-1",
      "preview-stacks-4242-1-delete-2",
    ]);
    expect(lines).toContain("  Queue (AWS::SQS::Queue) DELETE_FAILED: Queue is busy");
  });

  it("fails after two DELETE_FAILED with the next step, naming each failed resource at its template line", async () => {
    await start();
    await createStack();
    aws.inject.failResource("Queue", { on: "delete", reason: "Queue is busy", times: 2 });
    const result = await teardown({ template: loadTemplate("template.yaml", TEMPLATE) });
    expect(result.status).toBe("failed");
    expect(result.deleteAttempts).toBe(2);
    expect(result.failures).toMatchObject([
      {
        logicalId: "Queue",
        status: "DELETE_FAILED",
        reason: "Queue is busy",
        location: { file: "template.yaml", line: 6 },
      },
    ]);
    expect(result.failure).toEqual({
      kind: "delete-failed",
      message:
        "Stack shop-pr-12 could not be deleted: DELETE_FAILED twice, with the buckets emptied before each try. Queue (AWS::SQS::Queue) DELETE_FAILED: Queue is busy (template.yaml line 6). Fix what holds these resources and run teardown again, or run it with retain-on-failure: true to delete the stack and keep them (then delete them by hand).",
    });
    expect(stackStatus()).toBe("DELETE_FAILED");
  });

  it("with retain-on-failure, deletes the stack keeping what failed twice, and lists it", async () => {
    await start();
    await createStack();
    const queue = physicalId("Queue");
    aws.inject.failResource("Queue", { on: "delete", reason: "Queue is busy", times: 2 });
    const result = await teardown({ retainOnFailure: true });
    expect(result.status).toBe("deleted");
    expect(result.deleteAttempts).toBe(3);
    expect(result.retained).toEqual([
      {
        logicalId: "Queue",
        resourceType: "AWS::SQS::Queue",
        physicalId: queue,
        consoleUrl: expect.stringContaining("https://us-east-1.console.aws.amazon.com/cloudformation/home"),
      },
    ]);
    expect(result.message).toContain(
      "Queue (AWS::SQS::Queue) was kept (retain-on-failure): delete it by hand.",
    );
    const calls = aws.callsOf("cloudformation", "DeleteStack");
    expect(calls.map((c) => c.params?.["RetainResources.member.1"])).toEqual([undefined, undefined, "Queue"]);
    expect(stackStatus()).toBe("DELETE_COMPLETE");
  });

  it("cancels an update in progress, waits for the rollback, then deletes", async () => {
    await start({ resourceDelayMs: { "AWS::SNS::Topic": 600_000, "*": 0 } });
    await createStack();
    const cs = await cfn.send(
      new CreateChangeSetCommand({
        StackName: STACK,
        ChangeSetName: "other-run",
        ChangeSetType: "UPDATE",
        TemplateBody: `${TEMPLATE}  Alerts:\n    Type: AWS::SNS::Topic\n`,
        Tags: TAGS,
      }),
    );
    aws.tick();
    await cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: cs.Id }));
    const busy = await cfn.send(new DescribeStacksCommand({ StackName: STACK }));
    expect(busy.Stacks?.[0].StackStatus).toBe("UPDATE_IN_PROGRESS");

    const result = await teardown();

    expect(result).toMatchObject({ status: "deleted", cancelledUpdate: true, waitedForOtherOperation: true });
    const actions = aws.calls.filter((c) => c.service === "cloudformation").map((c) => c.action);
    expect(actions.indexOf("CancelUpdateStack")).toBeLessThan(actions.indexOf("DeleteStack"));
    expect(stackStatus()).toBe("DELETE_COMPLETE");
    expect(result.message).toContain("The update in progress was cancelled first.");
  });

  it("waits out another operation it cannot cancel, then deletes", async () => {
    await start({ resourceDelayMs: { "AWS::SQS::Queue": 120_000, "*": 0 } });
    await cfn.send(new CreateStackCommand({ StackName: STACK, TemplateBody: TEMPLATE, Tags: TAGS }));
    expect(stackStatus()).toBe("CREATE_IN_PROGRESS");
    const result = await teardown();
    expect(result).toMatchObject({
      status: "deleted",
      cancelledUpdate: false,
      waitedForOtherOperation: true,
    });
    expect(aws.callsOf("cloudformation", "CancelUpdateStack")).toEqual([]);
    expect(lines).toContain(
      "Stack shop-pr-12 is CREATE_IN_PROGRESS: waiting for that operation to end before deleting.",
    );
  });

  it("waits for a delete already in progress instead of starting another", async () => {
    await start();
    await createStack();
    aws.state.cloudformation.options.resourceDelayMs = { "AWS::SQS::Queue": 120_000, "*": 0 };
    await cfn.send(new DeleteStackCommand({ StackName: STACK }));
    aws.tick();
    expect(stackStatus()).toBe("DELETE_IN_PROGRESS");
    const before = aws.calls.length;
    const result = await teardown();
    expect(result.status).toBe("deleted");
    expect(result.message).toBe("Stack shop-pr-12 was already being deleted; that delete has finished.");
    expect(mutatingCalls(before)).toEqual([]);
  });

  it("fails when the delete does not end within timeout-minutes", async () => {
    await start();
    await createStack();
    aws.state.cloudformation.options.resourceDelayMs = { "AWS::SQS::Queue": 3 * 3_600_000, "*": 0 };
    const result = await teardown({ timeoutMinutes: 5 });
    expect(result.status).toBe("failed");
    expect(result.failure?.kind).toBe("timeout");
    expect(result.failure?.message).toMatch(
      /^Stack shop-pr-12 did not finish within timeout-minutes \(5\); it is still DELETE_IN_PROGRESS\. The delete goes on in CloudFormation\. Run teardown again/,
    );
  });

  it("dry-run counts what it would empty and makes no mutating call", async () => {
    await start();
    await createStack();
    const bucket = physicalId("Uploads");
    fill(bucket, 30, 3);
    const before = aws.calls.length;
    const result = await teardown({ dryRun: true });
    expect(result.status).toBe("planned");
    expect(result.buckets).toEqual([
      { logicalId: "Uploads", bucket, parentPath: [], retained: false, versions: 90, deleteMarkers: 30 },
    ]);
    expect(result.message).toBe(
      "Dry run: teardown would delete 120 object versions and delete markers, then delete the stack (CREATE_COMPLETE) of shop-pr-12; nothing was changed.",
    );
    expect(mutatingCalls(before)).toEqual([]);
    expect(aws.state.s3.listVersions(bucket)).toHaveLength(120);
  });

  it("takes a bucket already gone in its stride", async () => {
    await start();
    await createStack();
    aws.state.s3.deleteBucket(physicalId("Uploads"));
    const result = await teardown();
    expect(result.status).toBe("deleted");
    expect(result.buckets[0]).toMatchObject({ gone: true, emptied: 0 });
  });
});

describe("teardownStack with S3 answers the fake does not give", () => {
  it("reports the versions DeleteObjects would not delete", async () => {
    await start();
    await createStack();
    aws.inject.failResource("Uploads", {
      on: "delete",
      reason: "The bucket you tried to delete is not empty",
      times: 3,
    });
    const mocked = new S3Client({ region: "us-east-1" });
    const s3Mock = mockClient(mocked);
    s3Mock.on(ListObjectVersionsCommand).resolves({
      IsTruncated: false,
      Versions: [
        { Key: "locked.bin", VersionId: "v1" },
        { Key: "free.bin", VersionId: "v2" },
      ],
    });
    s3Mock.on(DeleteObjectsCommand).resolves({
      Errors: [
        { Key: "locked.bin", VersionId: "v1", Code: "AccessDenied", Message: "Object is WORM protected" },
      ],
    });
    const result = await teardownStack(options(), {
      cfn,
      s3: mocked,
      clock: () => aws.clock.now(),
      sleep: async (ms) => aws.clock.advance(ms),
      log: (line) => lines.push(line),
    });
    expect(result.objectErrors).toEqual([
      {
        bucket: physicalId("Uploads"),
        key: "locked.bin",
        versionId: "v1",
        code: "AccessDenied",
        message: "Object is WORM protected",
      },
      {
        bucket: physicalId("Uploads"),
        key: "locked.bin",
        versionId: "v1",
        code: "AccessDenied",
        message: "Object is WORM protected",
      },
    ]);
    expect(result.objectsDeleted).toBe(2);
    expect(result.failure?.message).toContain(
      `S3 would not delete some objects: ${physicalId("Uploads")}/locked.bin (version v1) AccessDenied: Object is WORM protected;`,
    );
    expect(s3Mock.commandCalls(DeleteObjectsCommand)[0].args[0].input).toMatchObject({
      Delete: {
        Quiet: true,
        Objects: [
          { Key: "locked.bin", VersionId: "v1" },
          { Key: "free.bin", VersionId: "v2" },
        ],
      },
    });
    expect(s3Mock.commandCalls(ListObjectVersionsCommand)[0].args[0].input).toMatchObject({ MaxKeys: 1000 });
  });
});
