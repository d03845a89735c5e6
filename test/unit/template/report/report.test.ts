import { describe, expect, it } from "vitest";
import type { Finding } from "../../../../src/template/model";
import { toAnnotation } from "../../../../src/template/report/annotations";
import { countFindings, failsOn } from "../../../../src/template/report/counts";
import { renderSarif } from "../../../../src/template/report/sarif";
import { renderValidateSummary } from "../../../../src/template/report/summary";
import { renderJson, renderText } from "../../../../src/template/report/text";

const unknownProperty: Finding = {
  ruleId: "E3002",
  severity: "error",
  message: "Unknown property 'BucketNme' for AWS::S3::Bucket (did you mean 'BucketName'?)",
  file: "template.yaml",
  range: { start: { line: 12, column: 7 }, end: { line: 12, column: 16 } },
};
const unusedParameter: Finding = {
  ruleId: "W2001",
  severity: "warning",
  message: "Parameter 'Stage' is never used",
  file: "stacks/api.json",
  range: { start: { line: 3, column: 5 }, end: { line: 6, column: 6 } },
};

describe("text and JSON", () => {
  it("prints file:line:column rule message", () => {
    expect(renderText([unknownProperty, unusedParameter])).toBe(
      "template.yaml:12:7 E3002 Unknown property 'BucketNme' for AWS::S3::Bucket (did you mean 'BucketName'?)\n" +
        "stacks/api.json:3:5 W2001 Parameter 'Stage' is never used",
    );
  });

  it("prints one object per finding", () => {
    expect(JSON.parse(renderJson([unusedParameter]))).toEqual([
      {
        file: "stacks/api.json",
        line: 3,
        column: 5,
        endLine: 6,
        endColumn: 6,
        rule: "W2001",
        severity: "warning",
        message: "Parameter 'Stage' is never used",
      },
    ]);
  });
});

describe("annotations", () => {
  it("keeps columns on a single-line finding", () => {
    expect(toAnnotation(unknownProperty)).toEqual({
      level: "error",
      message: unknownProperty.message,
      properties: {
        title: "E3002",
        file: "template.yaml",
        startLine: 12,
        endLine: 12,
        startColumn: 7,
        endColumn: 16,
      },
    });
  });

  it("drops columns on a finding that spans lines, as GitHub ignores them there", () => {
    expect(toAnnotation(unusedParameter).properties).toEqual({
      title: "W2001",
      file: "stacks/api.json",
      startLine: 3,
      endLine: 6,
    });
    expect(toAnnotation(unusedParameter).level).toBe("warning");
  });
});

describe("fail-on", () => {
  it("fails on errors only by default, on warnings when asked, never when told", () => {
    expect(countFindings([unknownProperty, unusedParameter])).toEqual({
      errors: 1,
      warnings: 1,
      informational: 0,
    });
    expect(failsOn([unusedParameter], "error")).toBe(false);
    expect(failsOn([unusedParameter], "warning")).toBe(true);
    expect(failsOn([unknownProperty], "never")).toBe(false);
  });
});

describe("job summary", () => {
  it("has totals and a table per file", () => {
    expect(
      renderValidateSummary(["template.yaml", "stacks/api.json"], [unknownProperty, unusedParameter]),
    ).toBe(
      [
        "## CloudFormation validation",
        "",
        "2 templates checked: **1** error, **1** warning.",
        "",
        "### `template.yaml`",
        "",
        "| | Line | Column | Rule | Message |",
        "|---|---:|---:|---|---|",
        "| ❌ | 12 | 7 | E3002 | Unknown property 'BucketNme' for AWS::S3::Bucket (did you mean 'BucketName'?) |",
        "",
        "### `stacks/api.json`",
        "",
        "| | Line | Column | Rule | Message |",
        "|---|---:|---:|---|---|",
        "| ⚠️ | 3 | 5 | W2001 | Parameter 'Stage' is never used |",
        "",
      ].join("\n"),
    );
  });

  it("escapes table-breaking characters in messages", () => {
    const piped = { ...unknownProperty, message: "a | b <script>\nc" };
    expect(renderValidateSummary(["template.yaml"], [piped])).toContain("| a \\| b &lt;script&gt; c |");
  });

  it("stops at the byte budget and counts what it left out", () => {
    const many = Array.from({ length: 50 }, (_, i) => ({
      ...unknownProperty,
      range: { start: { line: i + 1, column: 1 }, end: { line: i + 1, column: 2 } },
    }));
    const summary = renderValidateSummary(["template.yaml"], many, 2_000);
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(2_000);
    const rows = summary.split("\n").filter((line) => line.startsWith("| ❌"));
    expect(rows.length).toBeGreaterThan(0);
    expect(summary).toContain(`\n${50 - rows.length} more findings are not shown here`);
  });
});

describe("SARIF", () => {
  it("describes the rules used and locates each result", () => {
    const sarif = renderSarif(
      [unusedParameter, unknownProperty],
      [
        {
          id: "E3002",
          shortDescription: "Resource properties are valid",
          description: "Properties must be known to the resource type",
          source:
            "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-template-resource-type-ref.html",
          severity: "error",
        },
      ],
      { name: "preview-stacks", version: "1.2.3", informationUri: "https://example.invalid/preview-stacks" },
    ) as { version: string; runs: { tool: { driver: { rules: { id: string }[] } }; results: unknown[] }[] };
    expect(sarif.version).toBe("2.1.0");
    const run = sarif.runs[0];
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual(["E3002", "W2001"]);
    expect(run.results[1]).toEqual({
      ruleId: "E3002",
      ruleIndex: 0,
      level: "error",
      message: { text: unknownProperty.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: "template.yaml" },
            region: { startLine: 12, startColumn: 7, endLine: 12, endColumn: 16 },
          },
        },
      ],
    });
    expect((run.results[0] as { level: string }).level).toBe("warning");
  });
});
