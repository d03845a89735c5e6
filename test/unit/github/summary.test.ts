import { describe, expect, it } from "vitest";
import { renderSummary } from "../../../src/github/summary";
import { INFO, result } from "./support";

describe("renderSummary", () => {
  it("adds parameters, timings and AWS calls to what the comment shows, without the marker", () => {
    const text = renderSummary(result(), INFO);
    expect(text.startsWith("### ✅ Preview `shop-pr-12` updated\n")).toBe(true);
    expect(text).not.toContain("<!-- preview-stacks");
    expect(text).toContain("| `ApiUrl` | `https://abc.execute-api.eu-west-1.amazonaws.com/` |");
    expect(
      text.endsWith(
        [
          "<details><summary>Parameters, timings and AWS calls</summary>",
          "",
          "**Parameters**",
          "",
          "```text",
          "Stage=pr-12",
          "```",
          "",
          "**Time:** 42.0 s in all: 1.0 s checking the stack, 5.0 s on the change set, 36.0 s executing it.",
          "",
          "**AWS calls:** 9 (CreateChangeSet 1, DescribeStacks 4).",
          "",
          "</details>\n",
        ].join("\n"),
      ),
    ).toBe(true);
  });

  it("stays under the byte limit it is given, keeping the trailer", () => {
    const outputs = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`Out${i}`, "é".repeat(20)]));
    const text = renderSummary(result({ outputs, url: undefined }), INFO, 8_000);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(8_000);
    expect(text).toMatch(
      /_\d+ more outputs are not shown here; all of them are in the changes-json and outputs-json outputs._/,
    );
    expect(text).toContain("**AWS calls:** 9");
  });
});
