/**
 * Emptying a bucket page by page, with S3 answers the fake never gives: DeleteObjects' per-key
 * errors, and a bucket that disappears in the middle.
 */
import { DeleteObjectsCommand, ListObjectVersionsCommand, S3Client } from "@aws-sdk/client-s3";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { countVersions, emptyBucket } from "../../../src/stack/buckets";
import { awsError } from "./support";

const s3Mock = mockClient(S3Client);
const s3 = new S3Client({ region: "us-east-1" });

beforeEach(() => s3Mock.reset());

const version = (key: string, id: string) => ({ Key: key, VersionId: id });

describe("emptyBucket", () => {
  it("lists again from the start after each page it deleted, stepping over only keys S3 refused", async () => {
    s3Mock
      .on(ListObjectVersionsCommand)
      .resolvesOnce({
        IsTruncated: true,
        Versions: [version("a", "1"), version("b", "2"), version("c", "3")],
        DeleteMarkers: [version("b", "4")],
        NextKeyMarker: "c",
        NextVersionIdMarker: "3",
      })
      .resolvesOnce({ IsTruncated: true, Versions: [version("d", "5")] })
      .resolvesOnce({ IsTruncated: false, Versions: [version("e", "6")] });
    s3Mock
      .on(DeleteObjectsCommand)
      .resolvesOnce({
        Errors: [
          { Key: "b", VersionId: "2", Code: "AccessDenied", Message: "Access Denied" },
          { Key: "a", VersionId: "1", Code: "AccessDenied", Message: "Access Denied" },
        ],
      })
      .resolves({});

    const result = await emptyBucket(s3, "data");

    expect(result).toEqual({
      deleted: 4,
      exists: true,
      errors: [
        { bucket: "data", key: "b", versionId: "2", code: "AccessDenied", message: "Access Denied" },
        { bucket: "data", key: "a", versionId: "1", code: "AccessDenied", message: "Access Denied" },
      ],
    });
    const listed = s3Mock.commandCalls(ListObjectVersionsCommand).map((c) => c.args[0].input);
    expect(listed).toEqual([
      { Bucket: "data", MaxKeys: 1000, KeyMarker: undefined, VersionIdMarker: undefined },
      // After the last key S3 refused: never from a marker naming a version this run deleted.
      { Bucket: "data", MaxKeys: 1000, KeyMarker: "b", VersionIdMarker: undefined },
      { Bucket: "data", MaxKeys: 1000, KeyMarker: "b", VersionIdMarker: undefined },
    ]);
    expect(s3Mock.commandCalls(DeleteObjectsCommand)[0].args[0].input).toEqual({
      Bucket: "data",
      Delete: {
        Quiet: true,
        Objects: [version("a", "1"), version("b", "2"), version("c", "3"), version("b", "4")],
      },
    });
  });

  it("stops, deleting nothing more, when the bucket is gone before or while it is emptied", async () => {
    s3Mock
      .on(ListObjectVersionsCommand)
      .rejectsOnce(awsError("NoSuchBucket", "The specified bucket does not exist", 404));
    expect(await emptyBucket(s3, "gone")).toEqual({ deleted: 0, exists: false, errors: [] });

    s3Mock.reset();
    s3Mock.on(ListObjectVersionsCommand).resolves({ IsTruncated: true, Versions: [version("a", "1")] });
    s3Mock
      .on(DeleteObjectsCommand)
      .rejects(awsError("NoSuchBucket", "The specified bucket does not exist", 404));
    expect(await emptyBucket(s3, "going")).toEqual({ deleted: 0, exists: false, errors: [] });
    expect(s3Mock.commandCalls(ListObjectVersionsCommand)).toHaveLength(1);
  });

  it("turns any other failure into an actionable error naming the permission", async () => {
    s3Mock.on(ListObjectVersionsCommand).rejects(awsError("AccessDenied", "Access Denied", 403));
    await expect(emptyBucket(s3, "locked")).rejects.toThrow(
      "Access denied: the credentials may not call s3:ListBucketVersions.",
    );
  });
});

describe("countVersions", () => {
  it("pages with the key and version markers S3 returns", async () => {
    s3Mock
      .on(ListObjectVersionsCommand)
      .resolvesOnce({
        IsTruncated: true,
        Versions: [version("a", "1"), version("a", "2")],
        DeleteMarkers: [version("b", "3")],
        NextKeyMarker: "b",
        NextVersionIdMarker: "3",
      })
      .resolvesOnce({ IsTruncated: false, Versions: [version("c", "4")] });
    expect(await countVersions(s3, "data")).toEqual({ versions: 3, deleteMarkers: 1 });
    expect(s3Mock.commandCalls(ListObjectVersionsCommand)[1].args[0].input).toMatchObject({
      KeyMarker: "b",
      VersionIdMarker: "3",
    });
  });
});
