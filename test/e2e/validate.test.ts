/** The validate bundle run as the GitHub runner runs it, on fixtures with known problems. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runAction } from "./harness";

const workspace = join(ROOT, "test/fixtures/validate");

describe("validate action bundle", () => {
  it("annotates every finding at its file, line and column, writes summary and SARIF, and fails", async () => {
    const sarifFile = join(
      await import("node:os").then((os) => os.tmpdir()),
      `preview-stacks-${process.pid}.sarif`,
    );
    const run = await runAction({
      action: "validate",
      workspace,
      inputs: { templates: "broken/template.yaml\nbroken/*.json", "sarif-file": sarifFile },
    });
    expect(run.exitCode).toBe(1);
    const located = run.annotations
      .filter((a) => a.file)
      .map((a) => `${a.level} ${a.file}:${a.line}:${a.col} ${a.title}`)
      .sort();
    expect(located).toEqual([
      "error broken/stack.json:4:15 E3006",
      "error broken/template.yaml:10:7 E3002",
      "error broken/template.yaml:14:25 E1020",
    ]);
    const unknownProperty = run.annotations.find((a) => a.title === "E3002");
    expect(unknownProperty?.message).toContain("'BucketNme'");
    expect(unknownProperty?.message).toContain("BucketName");
    expect(run.outputs).toMatchObject({
      errors: "3",
      warnings: "0",
      files: "broken/template.yaml\nbroken/stack.json",
      "sarif-file": sarifFile,
    });
    // The failure names the counts and the way out.
    expect(run.stdout).toContain("::error::Validation found 3 errors and 0 warnings (fail-on: error).");
    expect(run.summary).toContain("### `broken/template.yaml`");
    expect(run.summary).toContain("| ❌ | 10 | 7 | E3002 |");
    expect(run.summary).toContain("| ❌ | 4 | 15 | E3006 |");

    const sarif = JSON.parse(readFileSync(sarifFile, "utf8"));
    expect(sarif.version).toBe("2.1.0");
    const results = sarif.runs[0].results as {
      ruleId: string;
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
    }[];
    expect(
      results.map((r) => `${r.ruleId} ${r.locations[0].physicalLocation.artifactLocation.uri}`).sort(),
    ).toEqual(["E1020 broken/template.yaml", "E3002 broken/template.yaml", "E3006 broken/stack.json"]);
    expect(sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toEqual([
      "E1020",
      "E3002",
      "E3006",
    ]);
  });

  it("passes a clean template and reports zero findings", async () => {
    const run = await runAction({
      action: "validate",
      workspace,
      inputs: { templates: "clean/template.yaml" },
    });
    expect(run.exitCode).toBe(0);
    expect(run.annotations).toEqual([]);
    expect(run.outputs).toMatchObject({
      errors: "0",
      warnings: "0",
      files: "clean/template.yaml",
      "sarif-file": "",
    });
    expect(run.summary).toContain("1 template checked: **0** errors, **0** warnings.");
  });

  it("follows fail-on for warnings", async () => {
    const lenient = await runAction({
      action: "validate",
      workspace,
      inputs: { templates: "broken/unused.yaml" },
    });
    expect(lenient.exitCode).toBe(0);
    expect(lenient.annotations.map((a) => `${a.level} ${a.line}:${a.col} ${a.title}`)).toEqual([
      "warning 2:3 W2001",
    ]);
    const strict = await runAction({
      action: "validate",
      workspace,
      inputs: { templates: "broken/unused.yaml", "fail-on": "warning" },
    });
    expect(strict.exitCode).toBe(1);
  });

  it("leaves out ignored rules", async () => {
    const run = await runAction({
      action: "validate",
      workspace,
      inputs: { templates: "broken/template.yaml", "ignore-rules": "E3002,E1020" },
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.errors).toBe("0");
  });

  it.each([
    [{ templates: "nowhere.yaml" }, "::error::nowhere.yaml does not exist."],
    [{ templates: "infra/**/*.yaml" }, "::error::The templates pattern 'infra/**/*.yaml' matched no file"],
    [{ templates: "broken" }, "::error::broken is a directory"],
    [
      { templates: "clean/template.yaml", "fail-on": "sometimes" },
      "::error::Input 'fail-on': 'sometimes' is not allowed",
    ],
    [
      { templates: "clean/template.yaml", "ignore-rules": "no-such-rule" },
      "::error::Input 'ignore-rules': 'no-such-rule'",
    ],
  ])("refuses bad input %j with one clear message and no stack trace", async (inputs, message) => {
    const run = await runAction({ action: "validate", workspace, inputs });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(message);
    expect(run.stdout).not.toMatch(/\n\s+at /);
    expect(run.stderr).toBe("");
  });

  it("succeeds on a glob that matches nothing when allow-empty is true", async () => {
    const run = await runAction({
      action: "validate",
      workspace,
      inputs: { templates: "infra/**/*.yaml", "allow-empty": "true" },
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.files).toBe("");
  });
});
