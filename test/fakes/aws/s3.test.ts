import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetBucketLocationCommand,
  GetBucketVersioningCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  paginateListObjectsV2,
  type S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { motoUnavailable } from "./moto";
import { decodeAwsChunked } from "./s3";
import { type AwsTarget, s3Client, startFakeTarget, startMotoTarget } from "./targets";

const motoMissing = motoUnavailable();
if (motoMissing) console.log(`S3 contract cases against moto skipped: ${motoMissing}`);

async function failure(p: Promise<unknown>): Promise<S3ServiceException> {
  try {
    await p;
  } catch (err) {
    if (err instanceof S3ServiceException) return err;
    throw err;
  }
  throw new Error("expected the call to fail");
}

const md5 = (s: string | Buffer) => `"${createHash("md5").update(s).digest("hex")}"`;

let counter = 0;
const bucketName = (label: string) => `${label}-${process.pid}-${++counter}`;

function contract(name: "fake" | "moto", start: () => Promise<AwsTarget>) {
  describe(`S3 contract on ${name}`, () => {
    let target: AwsTarget;
    let s3: S3Client;

    beforeAll(async () => {
      target = await start();
      s3 = s3Client(target);
    }, 30_000);
    afterAll(async () => {
      s3?.destroy();
      await target?.close();
    });

    async function newBucket(label: string): Promise<string> {
      const Bucket = bucketName(label);
      await s3.send(new CreateBucketCommand({ Bucket }));
      return Bucket;
    }

    it("stores and returns objects with their ETag, type and metadata", async () => {
      const Bucket = await newBucket("objects");
      const put = await s3.send(
        new PutObjectCommand({
          Bucket,
          Key: "dir/hello.txt",
          Body: "hello world",
          ContentType: "text/plain",
          Metadata: { purpose: "test" },
        }),
      );
      expect(put.ETag).toBe(md5("hello world"));
      expect(put.VersionId).toBeUndefined();

      const got = await s3.send(new GetObjectCommand({ Bucket, Key: "dir/hello.txt" }));
      expect(await got.Body?.transformToString()).toBe("hello world");
      expect(got.ETag).toBe(md5("hello world"));
      expect(got.ContentType).toBe("text/plain");
      expect(got.ContentLength).toBe(11);
      expect(got.Metadata).toEqual({ purpose: "test" });

      const head = await s3.send(new HeadObjectCommand({ Bucket, Key: "dir/hello.txt" }));
      expect(head.ContentLength).toBe(11);
      expect(head.ETag).toBe(md5("hello world"));
    });

    it("keeps binary bodies byte for byte, including streamed uploads", async () => {
      const Bucket = await newBucket("binary");
      const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256));
      await s3.send(new PutObjectCommand({ Bucket, Key: "a.zip", Body: bytes }));
      await s3.send(
        new PutObjectCommand({
          Bucket,
          Key: "b.zip",
          Body: Readable.from([bytes]),
          ContentLength: bytes.length,
        }),
      );
      for (const Key of ["a.zip", "b.zip"]) {
        const got = await s3.send(new GetObjectCommand({ Bucket, Key }));
        expect(Buffer.from((await got.Body?.transformToByteArray()) ?? [])).toEqual(bytes);
        expect(got.ETag).toBe(md5(bytes));
      }
    });

    it("round-trips a flexible checksum that the SDK then verifies on read", async () => {
      const Bucket = await newBucket("checksum");
      const put = await s3.send(
        new PutObjectCommand({ Bucket, Key: "k", Body: "checked", ChecksumAlgorithm: "SHA256" }),
      );
      const sha = createHash("sha256").update("checked").digest("base64");
      expect(put.ChecksumSHA256).toBe(sha);
      const got = await s3.send(new GetObjectCommand({ Bucket, Key: "k", ChecksumMode: "ENABLED" }));
      expect(got.ChecksumSHA256).toBe(sha);
      expect(await got.Body?.transformToString()).toBe("checked");
    });

    it("answers missing buckets and keys with S3's error codes", async () => {
      const Bucket = await newBucket("missing");
      const noKey = await failure(s3.send(new GetObjectCommand({ Bucket, Key: "nope" })));
      expect(noKey.name).toBe("NoSuchKey");
      expect(noKey.$metadata.httpStatusCode).toBe(404);

      const noBucket = await failure(
        s3.send(new GetObjectCommand({ Bucket: "no-such-bucket-here", Key: "k" })),
      );
      expect(noBucket.name).toBe("NoSuchBucket");
      expect(noBucket.message).toBe("The specified bucket does not exist");

      const head = await failure(s3.send(new HeadObjectCommand({ Bucket, Key: "nope" })));
      expect(head.name).toBe("NotFound");
      expect(head.$metadata.httpStatusCode).toBe(404);

      const headBucket = await failure(s3.send(new HeadBucketCommand({ Bucket: "no-such-bucket-here" })));
      expect(headBucket.$metadata.httpStatusCode).toBe(404);
    });

    it("lists with prefix, delimiter and continuation tokens", async () => {
      const Bucket = await newBucket("list");
      const keys = ["a/1", "a/2", "a/sub/3", "b/1", "c", "d"];
      for (const Key of keys) await s3.send(new PutObjectCommand({ Bucket, Key, Body: Key }));

      const top = await s3.send(new ListObjectsV2Command({ Bucket, Delimiter: "/" }));
      expect(top.Contents?.map((o) => o.Key)).toEqual(["c", "d"]);
      expect(top.CommonPrefixes?.map((p) => p.Prefix)).toEqual(["a/", "b/"]);
      expect(top.KeyCount).toBe(4);

      const underA = await s3.send(new ListObjectsV2Command({ Bucket, Prefix: "a/", Delimiter: "/" }));
      expect(underA.Contents?.map((o) => o.Key)).toEqual(["a/1", "a/2"]);
      expect(underA.CommonPrefixes?.map((p) => p.Prefix)).toEqual(["a/sub/"]);
      expect(underA.Contents?.[0].Size).toBe(3);
      expect(underA.Contents?.[0].ETag).toBe(md5("a/1"));

      const pages: string[][] = [];
      for await (const page of paginateListObjectsV2({ client: s3, pageSize: 4 }, { Bucket })) {
        pages.push((page.Contents ?? []).map((o) => o.Key ?? ""));
      }
      expect(pages).toEqual([keys.slice(0, 4), keys.slice(4)]);

      const grouped: string[][] = [];
      for await (const page of paginateListObjectsV2(
        { client: s3, pageSize: 1 },
        { Bucket, Delimiter: "/" },
      )) {
        grouped.push([
          ...(page.CommonPrefixes ?? []).map((p) => p.Prefix ?? ""),
          ...(page.Contents ?? []).map((o) => o.Key ?? ""),
        ]);
      }
      expect(grouped).toEqual([["a/"], ["b/"], ["c"], ["d"]]);
    });

    it("deletes one object, then many in a batch, quietly or not", async () => {
      const Bucket = await newBucket("delete");
      for (const Key of ["x", "y", "z", "w"]) await s3.send(new PutObjectCommand({ Bucket, Key, Body: Key }));
      await s3.send(new DeleteObjectCommand({ Bucket, Key: "x" }));
      // Deleting what is not there succeeds, as S3 does.
      await s3.send(new DeleteObjectCommand({ Bucket, Key: "x" }));

      const loud = await s3.send(
        new DeleteObjectsCommand({ Bucket, Delete: { Objects: [{ Key: "y" }, { Key: "never-was" }] } }),
      );
      expect(loud.Deleted?.map((d) => d.Key).sort()).toEqual(["never-was", "y"]);
      expect(loud.Errors).toBeUndefined();

      const quiet = await s3.send(
        new DeleteObjectsCommand({ Bucket, Delete: { Objects: [{ Key: "z" }], Quiet: true } }),
      );
      // moto lists deleted keys even in quiet mode; S3 reports only errors then.
      if (name === "fake") expect(quiet.Deleted).toBeUndefined();

      const left = await s3.send(new ListObjectsV2Command({ Bucket }));
      expect(left.Contents?.map((o) => o.Key)).toEqual(["w"]);
    });

    it("refuses to delete a bucket that holds objects", async () => {
      const Bucket = await newBucket("notempty");
      await s3.send(new PutObjectCommand({ Bucket, Key: "k", Body: "v" }));
      const err = await failure(s3.send(new DeleteBucketCommand({ Bucket })));
      expect(err.name).toBe("BucketNotEmpty");
      expect(err.$metadata.httpStatusCode).toBe(409);
      await s3.send(new DeleteObjectCommand({ Bucket, Key: "k" }));
      await s3.send(new DeleteBucketCommand({ Bucket }));
      const gone = await failure(s3.send(new HeadBucketCommand({ Bucket })));
      expect(gone.$metadata.httpStatusCode).toBe(404);
    });

    it("keeps versions and delete markers while versioning is on", async () => {
      const Bucket = await newBucket("versions");
      expect((await s3.send(new GetBucketVersioningCommand({ Bucket }))).Status).toBeUndefined();
      await s3.send(
        new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: "Enabled" } }),
      );
      expect((await s3.send(new GetBucketVersioningCommand({ Bucket }))).Status).toBe("Enabled");

      const v1 = await s3.send(new PutObjectCommand({ Bucket, Key: "k", Body: "one" }));
      const v2 = await s3.send(new PutObjectCommand({ Bucket, Key: "k", Body: "two" }));
      await s3.send(new PutObjectCommand({ Bucket, Key: "other", Body: "x" }));
      expect(v1.VersionId).toBeTruthy();
      expect(v2.VersionId).not.toBe(v1.VersionId);

      const del = await s3.send(new DeleteObjectCommand({ Bucket, Key: "k" }));
      expect(del.DeleteMarker).toBe(true);
      expect(del.VersionId).toBeTruthy();

      const latest = await failure(s3.send(new GetObjectCommand({ Bucket, Key: "k" })));
      expect(latest.name).toBe("NoSuchKey");
      const old = await s3.send(new GetObjectCommand({ Bucket, Key: "k", VersionId: v1.VersionId }));
      expect(await old.Body?.transformToString()).toBe("one");
      expect(old.VersionId).toBe(v1.VersionId);

      const listed = await s3.send(new ListObjectsV2Command({ Bucket }));
      expect(listed.Contents?.map((o) => o.Key)).toEqual(["other"]);

      const versions = await s3.send(new ListObjectVersionsCommand({ Bucket, Prefix: "k" }));
      expect(versions.Versions?.map((v) => [v.VersionId, v.IsLatest])).toEqual([
        [v2.VersionId, false],
        [v1.VersionId, false],
      ]);
      expect(versions.DeleteMarkers?.map((m) => [m.VersionId, m.IsLatest])).toEqual([[del.VersionId, true]]);

      // One entry per page: marker, v2, v1, other.
      const seen: string[] = [];
      let KeyMarker: string | undefined;
      let VersionIdMarker: string | undefined;
      for (let i = 0; i < 10; i++) {
        const page = await s3.send(
          new ListObjectVersionsCommand({ Bucket, MaxKeys: 1, KeyMarker, VersionIdMarker }),
        );
        for (const v of [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])])
          seen.push(`${v.Key}@${v.VersionId}`);
        if (!page.IsTruncated) break;
        KeyMarker = page.NextKeyMarker;
        VersionIdMarker = page.NextVersionIdMarker;
      }
      expect(seen.slice(0, 3)).toEqual([`k@${del.VersionId}`, `k@${v2.VersionId}`, `k@${v1.VersionId}`]);
      expect(seen).toHaveLength(4);

      const notEmpty = await failure(s3.send(new DeleteBucketCommand({ Bucket })));
      expect(notEmpty.name).toBe("BucketNotEmpty");

      const all = await s3.send(new ListObjectVersionsCommand({ Bucket }));
      const objects = [...(all.Versions ?? []), ...(all.DeleteMarkers ?? [])].map((v) => ({
        Key: v.Key,
        VersionId: v.VersionId,
      }));
      const batch = await s3.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: objects } }));
      expect(batch.Deleted).toHaveLength(4);
      // moto leaves out DeleteMarker when a delete marker itself is removed by version; S3 sets it.
      if (name === "fake") {
        expect(batch.Deleted?.find((d) => d.VersionId === del.VersionId)?.DeleteMarker).toBe(true);
      }
      await s3.send(new DeleteBucketCommand({ Bucket }));
    });

    it("reports a bucket's region", async () => {
      const Bucket = await newBucket("location");
      const here = await s3.send(new GetBucketLocationCommand({ Bucket }));
      expect(here.LocationConstraint).toBeUndefined();

      const eu = s3Client(target, "eu-west-1");
      try {
        const Elsewhere = bucketName("location-eu");
        await eu.send(
          new CreateBucketCommand({
            Bucket: Elsewhere,
            CreateBucketConfiguration: { LocationConstraint: "eu-west-1" },
          }),
        );
        const there = await eu.send(new GetBucketLocationCommand({ Bucket: Elsewhere }));
        expect(there.LocationConstraint).toBe("eu-west-1");
      } finally {
        eu.destroy();
      }
    });

    it("serves byte ranges", async () => {
      const Bucket = await newBucket("range");
      await s3.send(new PutObjectCommand({ Bucket, Key: "k", Body: "0123456789" }));
      const got = await s3.send(new GetObjectCommand({ Bucket, Key: "k", Range: "bytes=2-5" }));
      expect(await got.Body?.transformToString()).toBe("2345");
      expect(got.ContentRange).toBe("bytes 2-5/10");
      const tail = await s3.send(new GetObjectCommand({ Bucket, Key: "k", Range: "bytes=-3" }));
      expect(await tail.Body?.transformToString()).toBe("789");
    });

    it("honours conditional writes", async () => {
      const Bucket = await newBucket("conditional");
      await s3.send(new PutObjectCommand({ Bucket, Key: "k", Body: "first", IfNoneMatch: "*" }));
      const err = await failure(
        s3.send(new PutObjectCommand({ Bucket, Key: "k", Body: "second", IfNoneMatch: "*" })),
      );
      expect(err.name).toBe("PreconditionFailed");
      expect(err.$metadata.httpStatusCode).toBe(412);
    });

    if (name === "fake") {
      // moto lists only the null version once one is written while suspended, and leaves
      // x-amz-version-id out; S3 keeps listing the versions written while enabled, and sends "null".
      it("writes null versions while versioning is suspended", async () => {
        const Bucket = await newBucket("suspended");
        await s3.send(
          new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: "Enabled" } }),
        );
        const kept = await s3.send(new PutObjectCommand({ Bucket, Key: "k", Body: "kept" }));
        await s3.send(
          new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: "Suspended" } }),
        );
        const first = await s3.send(new PutObjectCommand({ Bucket, Key: "k", Body: "first" }));
        expect(first.VersionId).toBe("null");
        await s3.send(new PutObjectCommand({ Bucket, Key: "k", Body: "second" }));

        const versions = await s3.send(new ListObjectVersionsCommand({ Bucket }));
        expect(versions.Versions?.map((v) => [v.VersionId, v.IsLatest, v.Size])).toEqual([
          ["null", true, 6],
          [kept.VersionId, false, 4],
        ]);
        const got = await s3.send(new GetObjectCommand({ Bucket, Key: "k" }));
        expect(await got.Body?.transformToString()).toBe("second");
      });

      // moto answers a region mismatch with the object itself; S3 redirects.
      it("redirects requests signed for another region than the bucket's", async () => {
        const Bucket = bucketName("redirect");
        target.s3State?.createBucket(Bucket, "eu-west-1");
        const err = await failure(s3.send(new GetObjectCommand({ Bucket, Key: "k" })));
        expect(err.name).toBe("PermanentRedirect");
        expect(err.$metadata.httpStatusCode).toBe(301);
        expect(err.$response?.headers["x-amz-bucket-region"]).toBe("eu-west-1");
        const head = await failure(s3.send(new HeadBucketCommand({ Bucket })));
        expect(head.$metadata.httpStatusCode).toBe(301);
      });

      // moto does not verify flexible checksums; S3 rejects a body that does not match.
      it("rejects a body whose checksum does not match", async () => {
        const Bucket = await newBucket("baddigest");
        const err = await failure(
          s3.send(new PutObjectCommand({ Bucket, Key: "k", Body: "data", ChecksumCRC32: "AAAAAA==" })),
        );
        expect(err.name).toBe("BadDigest");
        expect(err.message).toBe("The CRC32 you specified did not match the calculated checksum.");
      });

      it("shares its state with the code that seeds and inspects it", async () => {
        const state = target.s3State;
        if (!state) throw new Error("fake target without state");
        const Bucket = bucketName("seeded");
        state.createBucket(Bucket);
        state.putObject(Bucket, "template.json", Buffer.from("{}"));
        const got = await s3.send(new GetObjectCommand({ Bucket, Key: "template.json" }));
        expect(await got.Body?.transformToString()).toBe("{}");
        await s3.send(new PutObjectCommand({ Bucket, Key: "from-sdk", Body: "x" }));
        expect(state.getObject(Bucket, "from-sdk")?.toString()).toBe("x");
        expect(state.isBucketEmpty(Bucket)).toBe(false);

        await s3.send(
          new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: "Enabled" } }),
        );
        await s3.send(
          new DeleteObjectsCommand({
            Bucket,
            Delete: { Objects: [{ Key: "template.json" }, { Key: "from-sdk" }] },
          }),
        );
        // The old versions and the new delete markers still keep the bucket from being deleted.
        expect(state.listKeys(Bucket)).toEqual([]);
        expect(state.isBucketEmpty(Bucket)).toBe(false);
      });
    }
  });
}

contract("fake", startFakeTarget);
if (!motoMissing) contract("moto", startMotoTarget);

describe("aws-chunked decoding", () => {
  it("joins signed chunks and reads the trailing checksum", () => {
    const body = Buffer.from(
      "5;chunk-signature=aa\r\nhello\r\n6;chunk-signature=bb\r\n world\r\n0;chunk-signature=cc\r\n" +
        "x-amz-checksum-crc32:DUoRhQ==\r\nx-amz-trailer-signature:dd\r\n\r\n",
    );
    const decoded = decodeAwsChunked(body);
    expect(decoded.data.toString()).toBe("hello world");
    expect(decoded.trailers["x-amz-checksum-crc32"]).toBe("DUoRhQ==");
  });

  it("rejects a body cut short", () => {
    expect(() => decodeAwsChunked(Buffer.from("a\r\nhello"))).toThrow("terminated unexpectedly");
  });
});
