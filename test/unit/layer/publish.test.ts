import { describe, expect, it } from "vitest";
import { layerDescription, layerObjectKey, versionsToPrune } from "../../../src/layer/publish";

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
