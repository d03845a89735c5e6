import type { LambdaClient } from "@aws-sdk/client-lambda";
import { describe, expect, it } from "vitest";
import { publishedLayerSizes } from "../../../src/layer/function-limit-check";
import {
  layerDescription,
  layerObjectKey,
  plannedPrune,
  planPublish,
  publishedByUs,
  publishLayer,
  unzippedSizeOf,
  versionsToPrune,
} from "../../../src/layer/publish";

describe("versionsToPrune", () => {
  it("deletes all but the newest keep versions", () => {
    expect(versionsToPrune([1, 2, 3, 4, 5, 6], 5, 6)).toEqual([1]);
    expect(versionsToPrune([3, 1, 2], 1, 3)).toEqual([2, 1]);
  });

  it("never deletes the version being output, even when it is old", () => {
    expect(versionsToPrune([1, 2, 3, 4], 2, 1)).toEqual([2]);
  });
});

describe("publishLayer's pruning", () => {
  const sha = "b".repeat(64);
  const ours = (n: number) => ({
    Version: n,
    LayerVersionArn: `arn:aws:lambda:us-east-1:123456789012:layer:deps:${n}`,
    Description: `sha256:${String(n).repeat(64).slice(0, 64)}`,
  });
  function fakeLambda(versions: object[]) {
    const deleted: number[] = [];
    const sent: string[] = [];
    const lambda = {
      send: async (command: { constructor: { name: string }; input: { VersionNumber?: number } }) => {
        sent.push(command.constructor.name);
        switch (command.constructor.name) {
          case "ListLayerVersionsCommand":
            return { LayerVersions: versions };
          case "GetLayerVersionCommand":
            return { Content: { CodeSha256: "other" } };
          case "PublishLayerVersionCommand":
            return { LayerVersionArn: "arn:aws:lambda:us-east-1:123456789012:layer:deps:9", Version: 9 };
          case "DeleteLayerVersionCommand":
            deleted.push(command.input.VersionNumber ?? -1);
            return {};
          default:
            throw new Error(`unexpected ${command.constructor.name}`);
        }
      },
    } as unknown as LambdaClient;
    return { lambda, deleted, sent };
  }
  const request = {
    name: "deps",
    bucket: "b",
    key: "k",
    sha256: sha,
    architecture: "x86_64" as const,
    compatibleRuntimes: [],
    keepVersions: 1,
  };

  it("deletes only versions this action published, never one another tool published", async () => {
    const foreign = { Version: 1, LayerVersionArn: "arn:x:1", Description: "built elsewhere" };
    const { lambda, deleted } = fakeLambda([ours(3), ours(2), foreign]);
    const result = await publishLayer(lambda, request, () => {});
    expect(result.version).toBe(9);
    expect(deleted.sort()).toEqual([2, 3]);
    expect(result.pruned.sort()).toEqual([2, 3]);
  });

  it("never deletes the version it outputs, even when it is not among the newest", async () => {
    const reused = { ...ours(2), Description: `sha256:${sha}` };
    const { lambda, deleted } = fakeLambda([ours(5), ours(4), reused, ours(1)]);
    const result = await publishLayer(lambda, request, () => {});
    expect(result).toMatchObject({ version: 2, published: false });
    expect(deleted).not.toContain(2);
    expect(deleted.sort()).toEqual([1, 4]);
  });

  it("plans without publishing or deleting, counting a new version as the newest", async () => {
    const foreign = { Version: 6, LayerVersionArn: "arn:x:6", Description: "built elsewhere" };
    const { lambda, deleted, sent } = fakeLambda([foreign, ours(5), ours(4), ours(1)]);
    const plan = await planPublish(lambda, { ...request, keepVersions: 2 });
    expect(plan).toEqual({ reuse: undefined, ours: [5, 4, 1] });
    // The new version and version 5 are kept.
    expect(plannedPrune(plan, 2)).toEqual([4, 1]);
    expect(plannedPrune(plan, 1)).toEqual([5, 4, 1]);
    expect(plannedPrune(plan, 4)).toEqual([]);
    expect(deleted).toEqual([]);
    expect(new Set(sent)).toEqual(new Set(["ListLayerVersionsCommand", "GetLayerVersionCommand"]));
  });

  it("plans to reuse the version with the same content, and keeps it out of what it would delete", async () => {
    const reused = { ...ours(2), Description: `sha256:${sha}` };
    const { lambda, sent } = fakeLambda([ours(5), ours(4), reused, ours(1)]);
    const plan = await planPublish(lambda, request);
    expect(plan.reuse).toEqual({ layerVersionArn: reused.LayerVersionArn, version: 2 });
    // The newest is kept, and the reused one, as a run keeps them.
    expect(plannedPrune(plan, 1)).toEqual([4, 1]);
    expect(plannedPrune(plan, 2)).toEqual([1]);
    expect(sent).not.toContain("PublishLayerVersionCommand");
    expect(sent).not.toContain("DeleteLayerVersionCommand");
  });

  it("plans what a run then does", async () => {
    const versions = [ours(7), ours(6), ours(3), ours(2)];
    const plan = await planPublish(fakeLambda(versions).lambda, { ...request, keepVersions: 2 });
    const { lambda, deleted } = fakeLambda(versions);
    const result = await publishLayer(lambda, { ...request, keepVersions: 2 }, () => {});
    expect(result.published).toBe(true);
    expect(plannedPrune(plan, 2)).toEqual(deleted);
    expect(deleted).toEqual([6, 3, 2]);
  });

  it("recognises its own versions by a full sha256 marker only", () => {
    expect(publishedByUs(`OpenCV sha256:${sha} unzipped:10`)).toBe(true);
    expect(publishedByUs("sha256:ab")).toBe(false);
    expect(publishedByUs(undefined)).toBe(false);
  });
});

describe("names", () => {
  it("puts the zip under layers/<name>/<sha256>.zip and the sha in the description", () => {
    expect(layerObjectKey("team/", "deps", "ab")).toBe("team/layers/deps/ab.zip");
    expect(layerDescription("OpenCV 4.9", "ab")).toBe("OpenCV 4.9 sha256:ab");
    expect(layerDescription(undefined, "ab")).toBe("sha256:ab");
  });
});

describe("the unzipped size in the description", () => {
  it("is written after the sha256 and read back; descriptions without it give undefined", () => {
    const sha = "a".repeat(64);
    const description = layerDescription("d".repeat(165), sha, 262_144_000);
    expect(description).toBe(`${"d".repeat(165)} sha256:${sha} unzipped:262144000`);
    // Lambda's limit on a description, with the longest description and size allowed.
    expect(description.length).toBeLessThanOrEqual(256);
    expect(unzippedSizeOf(description)).toBe(262_144_000);
    expect(unzippedSizeOf(layerDescription(undefined, sha, 0))).toBe(0);
    // Written by an earlier release (sha256 alone), by another tool, or by a user who typed the word.
    expect(unzippedSizeOf(`OpenCV sha256:${sha}`)).toBeUndefined();
    expect(unzippedSizeOf(undefined)).toBeUndefined();
    expect(unzippedSizeOf("notunzipped:12 unzipped:x")).toBeUndefined();
  });
});

describe("publishedLayerSizes", () => {
  it("reads each ARN once; one it cannot read or whose description has no size stays unknown", async () => {
    const descriptions: Record<string, string> = {
      "arn:aws:lambda:us-east-1:123456789012:layer:a:1": "sha256:ab unzipped:1000",
      "arn:aws:lambda:us-east-1:123456789012:layer:b:2": "sha256:cd",
    };
    const asked: string[] = [];
    const lambda = {
      send: async (command: { input: { Arn: string } }) => {
        asked.push(command.input.Arn);
        const description = descriptions[command.input.Arn];
        if (description === undefined)
          throw Object.assign(new Error("not found"), { name: "ResourceNotFoundException" });
        return { Description: description };
      },
    } as unknown as LambdaClient;
    const arns = [...Object.keys(descriptions), "arn:aws:lambda:us-east-1:123456789012:layer:gone:9"];
    const sizes = await publishedLayerSizes(lambda, arns);
    expect([...sizes]).toEqual([["arn:aws:lambda:us-east-1:123456789012:layer:a:1", 1000]]);
    expect(asked.sort()).toEqual([...arns].sort());
  });
});
