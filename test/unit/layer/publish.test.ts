import type { LambdaClient } from "@aws-sdk/client-lambda";
import { describe, expect, it } from "vitest";
import { publishedLayerSizes } from "../../../src/layer/function-limit-check";
import {
  layerDescription,
  layerObjectKey,
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
