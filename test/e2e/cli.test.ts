/** The CLI bundle as a user runs it: `preview-stacks validate ...` from a shell. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./harness";

const fixtures = join(ROOT, "test/fixtures/validate");

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, "bin/preview-stacks.js"), ...args], {
    cwd: fixtures,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "" },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("preview-stacks validate", () => {
  it("prints file:line:column rule message and exits 1 on errors", () => {
    const run = cli("validate", "broken/template.yaml", "broken/stack.json");
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split("\n");
    expect(lines.map((line) => line.split(" ").slice(0, 2).join(" "))).toEqual([
      "broken/template.yaml:10:7 E3002",
      "broken/template.yaml:14:25 E1020",
      "broken/stack.json:4:15 E3006",
    ]);
    expect(lines[0]).toMatch(/Unknown property 'BucketNme'.*BucketName/);
  });

  it("exits 0 on a clean template and prints nothing", () => {
    expect(cli("validate", "clean/template.yaml")).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("prints JSON with one object per finding", () => {
    const run = cli("validate", "broken/*.json", "--format", "json");
    expect(run.code).toBe(1);
    const findings = JSON.parse(run.stdout);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      file: "broken/stack.json",
      line: 4,
      column: 15,
      rule: "E3006",
      severity: "error",
    });
  });

  it("prints one SARIF document covering every file", () => {
    const run = cli(
      "validate",
      "broken/template.yaml",
      "broken/stack.json",
      "--format",
      "sarif",
      "--fail-on",
      "never",
    );
    expect(run.code).toBe(0);
    const sarif = JSON.parse(run.stdout);
    expect(sarif.runs).toHaveLength(1);
    expect(sarif.runs[0].results).toHaveLength(3);
  });

  it("honours --fail-on and --ignore-rules", () => {
    expect(cli("validate", "broken/unused.yaml").code).toBe(0);
    expect(cli("validate", "broken/unused.yaml", "--fail-on", "warning").code).toBe(1);
    expect(
      cli("validate", "broken/unused.yaml", "--fail-on", "warning", "--ignore-rules", "W2001").code,
    ).toBe(0);
  });

  it.each([
    [["validate", "missing.yaml"], "preview-stacks: missing.yaml does not exist."],
    [["validate", "clean/template.yaml", "--format", "xml"], "--format 'xml' is not allowed"],
    [["validate", "clean/template.yaml", "--fail-on", "often"], "Input '--fail-on': 'often' is not allowed"],
    [["validate"], "name at least one template file or glob."],
    [["frobnicate"], "unknown command 'frobnicate'."],
  ])("exits 2 on a usage error or missing file: %j", (args, message) => {
    const run = cli(...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe("");
  });
});
