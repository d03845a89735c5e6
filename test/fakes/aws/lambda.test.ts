import { createHash } from "node:crypto";
import {
  DeleteLayerVersionCommand,
  GetLayerVersionByArnCommand,
  GetLayerVersionCommand,
  type LambdaClient,
  LambdaServiceException,
  ListLayersCommand,
  ListLayerVersionsCommand,
  PublishLayerVersionCommand,
  paginateListLayerVersions,
} from "@aws-sdk/client-lambda";
import { CreateBucketCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { motoUnavailable } from "./moto";
import { type AwsTarget, lambdaClient, s3Client, startFakeTarget, startMotoTarget } from "./targets";

const motoMissing = motoUnavailable();
if (motoMissing) console.log(`Lambda contract cases against moto skipped: ${motoMissing}`);

async function failure(p: Promise<unknown>): Promise<LambdaServiceException> {
  try {
    await p;
  } catch (err) {
    if (err instanceof LambdaServiceException) return err;
    throw err;
  }
  throw new Error("expected the call to fail");
}

/** Bytes that start like a zip archive: moto inspects uploads, the fake only hashes them. */
function zipLike(seed: string): Uint8Array {
  return Buffer.concat([Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(18), Buffer.from(seed)]);
}

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("base64");

let counter = 0;
const layerName = (label: string) => `${label}-${process.pid}-${++counter}`;

function contract(name: "fake" | "moto", start: () => Promise<AwsTarget>) {
  describe(`Lambda layers contract on ${name}`, () => {
    let target: AwsTarget;
    let lambda: LambdaClient;
    let s3: S3Client;

    beforeAll(async () => {
      target = await start();
      lambda = lambdaClient(target);
      s3 = s3Client(target);
    }, 30_000);
    afterAll(async () => {
      lambda?.destroy();
      s3?.destroy();
      await target?.close();
    });

    it("publishes numbered versions from a zip with their hash, size and ARNs", async () => {
      const LayerName = layerName("zip");
      const zip = zipLike("one");
      const first = await lambda.send(
        new PublishLayerVersionCommand({
          LayerName,
          Content: { ZipFile: zip },
          Description: "deps",
          CompatibleRuntimes: ["nodejs20.x"],
          CompatibleArchitectures: ["arm64"],
          LicenseInfo: "MIT",
        }),
      );
      expect(first.Version).toBe(1);
      expect(first.LayerArn).toBe(`arn:aws:lambda:us-east-1:123456789012:layer:${LayerName}`);
      expect(first.LayerVersionArn).toBe(`${first.LayerArn}:1`);
      expect(first.Content?.CodeSha256).toBe(sha256(zip));
      expect(first.Content?.CodeSize).toBe(zip.length);
      expect(first.Description).toBe("deps");
      expect(first.CompatibleRuntimes).toEqual(["nodejs20.x"]);
      expect(first.CompatibleArchitectures).toEqual(["arm64"]);
      expect(first.LicenseInfo).toBe("MIT");
      expect(first.CreatedDate).toMatch(/^\d{4}-\d\d-\d\dT/);

      const second = await lambda.send(
        new PublishLayerVersionCommand({ LayerName, Content: { ZipFile: zipLike("two") } }),
      );
      expect(second.Version).toBe(2);
      expect(second.LayerVersionArn).toBe(`${first.LayerArn}:2`);
    });

    it("publishes from an object in S3", async () => {
      const Bucket = `layers-${process.pid}-${++counter}`;
      const zip = zipLike("from-s3");
      await s3.send(new CreateBucketCommand({ Bucket }));
      await s3.send(new PutObjectCommand({ Bucket, Key: "layer.zip", Body: zip }));
      const published = await lambda.send(
        new PublishLayerVersionCommand({
          LayerName: layerName("s3"),
          Content: { S3Bucket: Bucket, S3Key: "layer.zip" },
          CompatibleRuntimes: ["python3.12"],
        }),
      );
      expect(published.Version).toBe(1);
      expect(published.Content?.CodeSha256).toBe(sha256(zip));
      expect(published.Content?.CodeSize).toBe(zip.length);
    });

    it("lists versions newest first, filtered and paged", async () => {
      const LayerName = layerName("list");
      for (const runtime of ["nodejs18.x", "nodejs20.x", "nodejs20.x", "nodejs22.x"] as const) {
        await lambda.send(
          new PublishLayerVersionCommand({
            LayerName,
            Content: { ZipFile: zipLike(runtime) },
            CompatibleRuntimes: [runtime],
            CompatibleArchitectures: ["x86_64"],
          }),
        );
      }
      const all = await lambda.send(new ListLayerVersionsCommand({ LayerName }));
      expect(all.LayerVersions?.map((v) => v.Version)).toEqual([4, 3, 2, 1]);
      expect(all.NextMarker).toBeUndefined();

      // moto ignores CompatibleRuntime and CompatibleArchitecture here; Lambda filters on them.
      if (name === "fake") {
        const node20 = await lambda.send(
          new ListLayerVersionsCommand({ LayerName, CompatibleRuntime: "nodejs20.x" }),
        );
        expect(node20.LayerVersions?.map((v) => v.Version)).toEqual([3, 2]);
        const arm = await lambda.send(
          new ListLayerVersionsCommand({ LayerName, CompatibleArchitecture: "arm64" }),
        );
        expect(arm.LayerVersions ?? []).toEqual([]);
      }

      // moto returns every version in one page whatever MaxItems says; Lambda pages with NextMarker.
      if (name === "fake") {
        const pages: number[][] = [];
        for await (const page of paginateListLayerVersions({ client: lambda, pageSize: 3 }, { LayerName })) {
          pages.push((page.LayerVersions ?? []).map((v) => v.Version ?? 0));
        }
        expect(pages).toEqual([[4, 3, 2], [1]]);
      }
    });

    it("gets a version by number and by ARN, and forgets it once deleted", async () => {
      const LayerName = layerName("get");
      const zip = zipLike("get");
      const published = await lambda.send(
        new PublishLayerVersionCommand({ LayerName, Content: { ZipFile: zip }, Description: "d" }),
      );
      const byNumber = await lambda.send(new GetLayerVersionCommand({ LayerName, VersionNumber: 1 }));
      expect(byNumber.LayerVersionArn).toBe(published.LayerVersionArn);
      expect(byNumber.Content?.CodeSha256).toBe(sha256(zip));
      expect(byNumber.Description).toBe("d");

      // moto answers GET /layers?find=LayerVersion with ListLayers; Lambda finds the version.
      if (name === "fake") {
        const byArn = await lambda.send(new GetLayerVersionByArnCommand({ Arn: published.LayerVersionArn }));
        expect(byArn.Version).toBe(1);
        expect(byArn.Content?.CodeSha256).toBe(sha256(zip));
      }

      await lambda.send(new DeleteLayerVersionCommand({ LayerName, VersionNumber: 1 }));
      const err = await failure(lambda.send(new GetLayerVersionCommand({ LayerName, VersionNumber: 1 })));
      expect(err.name).toBe("ResourceNotFoundException");
      expect(err.$metadata.httpStatusCode).toBe(404);
    });

    it("lists layers with their latest matching version", async () => {
      const LayerName = layerName("layers");
      await lambda.send(
        new PublishLayerVersionCommand({
          LayerName,
          Content: { ZipFile: zipLike("a") },
          CompatibleRuntimes: ["java21"],
        }),
      );
      await lambda.send(
        new PublishLayerVersionCommand({
          LayerName,
          Content: { ZipFile: zipLike("b") },
          CompatibleRuntimes: ["java17"],
        }),
      );
      const layers = await lambda.send(new ListLayersCommand({}));
      const mine = layers.Layers?.find((l) => l.LayerName === LayerName);
      expect(mine?.LatestMatchingVersion?.Version).toBe(2);
      expect(mine?.LayerArn).toBe(`arn:aws:lambda:us-east-1:123456789012:layer:${LayerName}`);
    });

    it("never reuses a version number after deletion", async () => {
      const LayerName = layerName("renumber");
      await lambda.send(new PublishLayerVersionCommand({ LayerName, Content: { ZipFile: zipLike("1") } }));
      await lambda.send(new DeleteLayerVersionCommand({ LayerName, VersionNumber: 1 }));
      const next = await lambda.send(
        new PublishLayerVersionCommand({ LayerName, Content: { ZipFile: zipLike("2") } }),
      );
      expect(next.Version).toBe(2);
    });

    if (name === "fake") {
      // moto ignores CompatibleRuntime on ListLayers; Lambda returns the newest version that matches.
      it("filters listed layers by runtime", async () => {
        const LayerName = layerName("filtered");
        await lambda.send(
          new PublishLayerVersionCommand({
            LayerName,
            Content: { ZipFile: zipLike("a") },
            CompatibleRuntimes: ["java21"],
          }),
        );
        await lambda.send(
          new PublishLayerVersionCommand({
            LayerName,
            Content: { ZipFile: zipLike("b") },
            CompatibleRuntimes: ["java17"],
          }),
        );
        const java21 = await lambda.send(new ListLayersCommand({ CompatibleRuntime: "java21" }));
        const mine = java21.Layers?.find((l) => l.LayerName === LayerName);
        expect(mine?.LatestMatchingVersion?.Version).toBe(1);
      });

      // moto publishes from a missing S3 object without complaint; Lambda reports an invalid parameter.
      it("explains a missing S3 object the way Lambda does", async () => {
        const Bucket = `layers-missing-${process.pid}-${++counter}`;
        await s3.send(new CreateBucketCommand({ Bucket }));
        const err = await failure(
          lambda.send(
            new PublishLayerVersionCommand({
              LayerName: layerName("nokey"),
              Content: { S3Bucket: Bucket, S3Key: "nope.zip" },
            }),
          ),
        );
        expect(err.name).toBe("InvalidParameterValueException");
        expect(err.message).toBe(
          "Error occurred while GetObject. S3 Error Code: NoSuchKey. S3 Error Message: The specified key does not exist.",
        );
        expect(err.$metadata.httpStatusCode).toBe(400);
      });

      it("rejects a bucket in another region", async () => {
        const Bucket = `layers-eu-${process.pid}-${++counter}`;
        target.s3State?.createBucket(Bucket, "eu-west-1");
        target.s3State?.putObject(Bucket, "l.zip", Buffer.from(zipLike("eu")));
        const err = await failure(
          lambda.send(
            new PublishLayerVersionCommand({
              LayerName: layerName("eu"),
              Content: { S3Bucket: Bucket, S3Key: "l.zip" },
            }),
          ),
        );
        expect(err.message).toContain("S3 Error Code: PermanentRedirect");
      });

      it("rejects unknown runtimes and architectures", async () => {
        const bad = await failure(
          lambda.send(
            new PublishLayerVersionCommand({
              LayerName: layerName("bad"),
              Content: { ZipFile: zipLike("x") },
              CompatibleArchitectures: ["sparc" as "arm64"],
            }),
          ),
        );
        expect(bad.name).toBe("ValidationException");
        expect(bad.message).toContain("compatibleArchitectures");
      });

      it("keeps published content in state for tests to inspect", async () => {
        const LayerName = layerName("state");
        const zip = zipLike("state");
        await lambda.send(new PublishLayerVersionCommand({ LayerName, Content: { ZipFile: zip } }));
        const stored = target.lambdaState?.getLayerVersion(LayerName, 1);
        expect(stored?.content).toEqual(Buffer.from(zip));
        target.lambdaState?.publishLayerVersion({ layerName: LayerName, content: Buffer.from("seeded") });
        const listed = await lambda.send(new ListLayerVersionsCommand({ LayerName }));
        expect(listed.LayerVersions?.map((v) => v.Version)).toEqual([2, 1]);
      });
    }
  });
}

contract("fake", startFakeTarget);
if (!motoMissing) contract("moto", startMotoTarget);
