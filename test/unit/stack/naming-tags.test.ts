import { describe, expect, it } from "vitest";
import {
  changeSetName,
  isValidStackName,
  previewStackName,
  sanitizeName,
  shortHash,
} from "../../../src/stack/naming";
import { isPreviewStack, mergeTags, previewTags, sameTags } from "../../../src/stack/tags";

describe("naming", () => {
  it("builds <prefix>-pr-<n> and sanitizes what a stack name may not hold", () => {
    expect(previewStackName("my-app", 12)).toBe("my-app-pr-12");
    expect(previewStackName("my_app.web", 3)).toBe("my-app-web-pr-3");
    expect(previewStackName("3d--models__", 1)).toBe("d-models-pr-1");
    expect(previewStackName("___", 5)).toBe("preview-pr-5");
    expect(sanitizeName("--Über Café!")).toBe("ber-Caf");
  });

  it("shortens long names with a stable hash, keeping them valid and distinct", () => {
    const long = `${"a".repeat(150)}-one`;
    const other = `${"a".repeat(150)}-two`;
    const name = previewStackName(long, 12345);
    expect(name).toHaveLength(128);
    expect(name).toMatch(/^a+-[0-9a-f]{8}-pr-12345$/);
    expect(previewStackName(long, 12345)).toBe(name);
    expect(previewStackName(other, 12345)).not.toBe(name);
    expect(isValidStackName(name)).toBe(true);
  });

  it("refuses a pull request number that is not a positive integer", () => {
    expect(() => previewStackName("app", 0)).toThrow(
      "Pull request number 0 is not a positive integer; a preview stack name needs one.",
    );
  });

  it("names change sets per run and attempt", () => {
    expect(changeSetName(987654321, 2)).toBe("preview-stacks-987654321-2");
    expect(changeSetName("local run", 1)).toBe("preview-stacks-local-run-1");
  });
});

describe("tags", () => {
  const repo = "acme/app";

  it("puts ours first and keeps the user's beside them", () => {
    expect(mergeTags(previewTags({ repository: repo, pr: 4 }), [{ Key: "team", Value: "web" }])).toEqual([
      { Key: "preview-stacks:managed", Value: "true" },
      { Key: "preview-stacks:repository", Value: "acme/app" },
      { Key: "preview-stacks:pr", Value: "4" },
      { Key: "team", Value: "web" },
    ]);
  });

  it("refuses a user tag that would override ours", () => {
    expect(() => mergeTags([], [{ Key: "preview-stacks:pr", Value: "9" }])).toThrow(
      "Tag 'preview-stacks:pr' is reserved: keys starting with 'preview-stacks:' mark preview stacks for teardown and sweep, and are set by the action. Rename the tag.",
    );
  });

  it("recognises a preview stack only when tags and name agree", () => {
    const tags = previewTags({ repository: repo, pr: 4 });
    expect(isPreviewStack({ StackName: "app-pr-4", Tags: tags }, repo)).toBe(true);
    expect(isPreviewStack({ StackName: "app-pr-4", Tags: tags }, repo, 4)).toBe(true);
    expect(isPreviewStack({ StackName: "app-pr-4", Tags: tags }, repo, 5)).toBe(false);
    expect(isPreviewStack({ StackName: "app-pr-4", Tags: tags }, "acme/other")).toBe(false);
    expect(isPreviewStack({ StackName: "production", Tags: tags }, repo)).toBe(false);
    expect(isPreviewStack({ StackName: "app-pr-44", Tags: tags }, repo)).toBe(false);
    expect(isPreviewStack({ StackName: "app-pr-4", Tags: tags.slice(1) }, repo)).toBe(false);
  });

  it("compares tags regardless of order", () => {
    expect(
      sameTags(
        [
          { Key: "a", Value: "1" },
          { Key: "b", Value: "2" },
        ],
        [
          { Key: "b", Value: "2" },
          { Key: "a", Value: "1" },
        ],
      ),
    ).toBe(true);
    expect(sameTags([{ Key: "a", Value: "1" }], [{ Key: "a", Value: "2" }])).toBe(false);
    expect(sameTags(undefined, [])).toBe(true);
  });
});

describe("shortHash", () => {
  it("is 32-bit FNV-1a in eight hex digits", () => {
    // Reference values of FNV-1a 32: "" is the offset basis, "a" and "foobar" the published test vectors.
    expect(shortHash("")).toBe("811c9dc5");
    expect(shortHash("a")).toBe("e40c292c");
    expect(shortHash("foobar")).toBe("bf9cf968");
  });
});
