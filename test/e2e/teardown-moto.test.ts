/**
 * The teardown bundle's core cases against moto_server, a second implementation of CloudFormation
 * and S3 beside the project's fake: a versioned bucket full of versions and delete markers emptied
 * and the stack deleted, a missing stack, and an untagged stack refused. Stacks are made with the
 * SDK. moto makes a template's bucket unversioned whatever it says (see test/fakes/README.md), so
 * versioning is switched on through S3. Skipped, with the reason printed, where moto is absent.
 */
import {
  CloudFormationClient,
  CreateStackCommand,
  DescribeStacksCommand,
  ListStackResourcesCommand,
  type Tag,
} from "@aws-sdk/client-cloudformation";
import {
  DeleteObjectCommand,
  HeadBucketCommand,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { previewTags } from "../../src/stack/tags";
import { type MotoServer, motoUnavailable, startMoto } from "../fakes/aws/moto";
import { pullRequestEvent } from "./events";
import { runAction } from "./harness";

const missing = motoUnavailable();
if (missing) console.warn(`teardown tests against moto skipped: ${missing}`);

const PREVIEW_TAGS: Tag[] = previewTags({ repository: "acme/shop", pr: 12 });

const TEMPLATE = `Resources:
  Uploads:
    Type: AWS::S3::Bucket
  Queue:
    Type: AWS::SQS::Queue
`;

const credentials = { accessKeyId: "AKIDFAKE", secretAccessKey: "fake" };

describe.skipIf(missing !== undefined)("teardown action bundle against moto_server", () => {
  let moto: MotoServer;
  let cfn: CloudFormationClient;
  let s3: S3Client;

  beforeAll(async () => {
    moto = await startMoto();
    const config = { endpoint: moto.endpoint, region: "us-east-1", credentials, maxAttempts: 1 };
    cfn = new CloudFormationClient(config);
    s3 = new S3Client({ ...config, forcePathStyle: true });
  });

  afterAll(async () => {
    cfn?.destroy();
    s3?.destroy();
    await moto?.close();
  });

  /** The preview of PR `pr`, torn down on that pull request's `closed` event. */
  function teardown(pr: number) {
    return runAction({
      action: "teardown",
      event: pullRequestEvent({ number: pr, action: "closed" }),
      awsEndpoint: moto.endpoint,
      inputs: { "github-token": "" },
      env: { AWS_S3_FORCE_PATH_STYLE: "true", AWS_MAX_ATTEMPTS: "2" },
    });
  }

  async function createStack(name: string, tags: Tag[]): Promise<string> {
    await cfn.send(new CreateStackCommand({ StackName: name, TemplateBody: TEMPLATE, Tags: tags }));
    const resources = await cfn.send(new ListStackResourcesCommand({ StackName: name }));
    return resources.StackResourceSummaries?.find((r) => r.LogicalResourceId === "Uploads")
      ?.PhysicalResourceId as string;
  }

  const stackStatus = async (name: string) =>
    (await cfn.send(new DescribeStacksCommand({ StackName: name })).catch(() => undefined))?.Stacks?.[0]
      ?.StackStatus;

  it("empties a versioned bucket of versions and delete markers, then deletes the stack", async () => {
    const bucket = await createStack("shop-pr-12", PREVIEW_TAGS);
    await s3.send(
      new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: "Enabled" } }),
    );
    for (let k = 0; k < 30; k++) {
      for (let v = 0; v < 2; v++) {
        await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `uploads/${k}.txt`, Body: `v${v}` }));
      }
      if (k % 3 === 0) await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: `uploads/${k}.txt` }));
    }
    const listed = await s3.send(new ListObjectVersionsCommand({ Bucket: bucket }));
    expect((listed.Versions?.length ?? 0) + (listed.DeleteMarkers?.length ?? 0)).toBe(70);

    const run = await teardown(12);

    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.outputs).toMatchObject({ "stack-name": "shop-pr-12", status: "deleted" });
    expect(run.stdout).toContain(
      `Emptied bucket ${bucket} (Uploads): deleted 70 object versions and delete markers.`,
    );
    expect(await stackStatus("shop-pr-12")).toBeUndefined();
    await expect(s3.send(new HeadBucketCommand({ Bucket: bucket }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 404 },
    });
  });

  it("reports a missing stack as nothing to delete", async () => {
    const run = await teardown(31);
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.outputs).toMatchObject({ "stack-name": "shop-pr-31", status: "not-found" });
    expect(run.stdout).toContain("Stack shop-pr-31 does not exist: nothing to delete.");
  });

  it("refuses a stack with the preview's name but no preview tags, and leaves it", async () => {
    await createStack("shop-pr-13", [{ Key: "team", Value: "shop" }]);
    const run = await teardown(13);
    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe("refused");
    expect(run.stdout).toContain("Stack shop-pr-13 is not a preview stack: it has no preview-stacks:* tags");
    expect(await stackStatus("shop-pr-13")).toBe("CREATE_COMPLETE");
  });
});
