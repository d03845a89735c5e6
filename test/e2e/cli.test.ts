/** The CLI bundle as a user runs it: `preview-stacks validate ...` from a shell. */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./harness";

const fixtures = join(ROOT, "test/fixtures/validate");

function cliIn(cwd: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, "bin/preview-stacks.js"), ...args], {
    cwd,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "" },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const cli = (...args: string[]) => cliIn(fixtures, ...args);

/** One template with findings beside an empty file, a binary file, a directory and a missing path. */
function mixedBatchDirectory(): { dir: string; templates: string[] } {
  const dir = mkdtempSync(join(tmpdir(), "preview-stacks-cli-mixed-"));
  cpSync(join(fixtures, "broken/template.yaml"), join(dir, "broken/template.yaml"));
  writeFileSync(join(dir, "empty.yaml"), "");
  writeFileSync(join(dir, "image.yaml"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]));
  mkdirSync(join(dir, "stacks"));
  return { dir, templates: ["broken/template.yaml", "empty.yaml", "image.yaml", "stacks", "nowhere.yaml"] };
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

  it("reads a nested stack's local template, beside the parent, for its parameters", () => {
    const dir = mkdtempSync(join(tmpdir(), "preview-stacks-cli-nested-"));
    mkdirSync(join(dir, "stacks"));
    writeFileSync(
      join(dir, "stacks/queue.yaml"),
      "Parameters:\n  QueueName:\n    Type: String\nResources:\n  Queue:\n    Type: AWS::SQS::Queue\n" +
        "    Properties:\n      QueueName: !Ref QueueName\n",
    );
    writeFileSync(
      join(dir, "main.yaml"),
      "Resources:\n  Queues:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n" +
        "      TemplateURL: stacks/queue.yaml\n      Parameters:\n        Name: jobs\n",
    );
    const run = cliIn(dir, "validate", "main.yaml");
    expect(run.code).toBe(1);
    expect(run.stdout.trim().split("\n")).toEqual([
      // A local TemplateURL deploys once packaged (the deploy action does it): a warning, not an error.
      "main.yaml:5:20 W3002 TemplateURL 'stacks/queue.yaml' is a local path, which CloudFormation cannot read: " +
        "deploy the template with the deploy action, which packages it, or package it first (`preview-stacks " +
        "package`, `aws cloudformation package`) and deploy the packaged template",
      "main.yaml:6:7 E3043 Nested template stacks/queue.yaml declares parameter QueueName without a Default, and " +
        "resource 'Queues' does not give it, so the nested stack fails to create; add it under Parameters, or give " +
        "it a Default there",
      "main.yaml:7:9 E3043 Parameter Name is not declared in nested template stacks/queue.yaml, so the nested " +
        "stack fails to create; declare it there, or remove it here",
    ]);
  });

  it("exits 0 on a clean template and prints nothing", () => {
    expect(cli("validate", "clean/template.yaml")).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("prints JSON with one object per finding", () => {
    const run = cli("validate", "broken/*.json", "--format", "json");
    expect(run.code).toBe(1);
    expect(cli("validate", "broken/*.json", "--json")).toEqual(run);
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

  it("judges names built from the stack's name with --stack-name, and refuses a value that is not a stack name", () => {
    const dir = mkdtempSync(join(tmpdir(), "preview-stacks-cli-stack-name-"));
    writeFileSync(
      join(dir, "template.yaml"),
      "Resources:\n  Assets:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub ${AWS::StackName}-assets\n",
    );
    expect(cliIn(dir, "validate", "template.yaml").code).toBe(0);
    const run = cliIn(dir, "validate", "template.yaml", "--stack-name", "Shop-pr-12");
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^template\.yaml:5:19 E3944 Fn::Sub gives 'Shop-pr-12-assets' \(with the stack name 'Shop-pr-12'\): /,
    );
    const bad = cliIn(dir, "validate", "template.yaml", "--stack-name", "12; zz-hidden");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--stack-name");
    expect(bad.stderr).toContain("the value is not a stack name");
    expect(bad.stderr).not.toContain("zz-hidden");
  });

  it("judges a Ref to a parameter with --parameter-overrides, never printing the value, for one template only", () => {
    const dir = mkdtempSync(join(tmpdir(), "preview-stacks-cli-parameters-"));
    writeFileSync(
      join(dir, "template.yaml"),
      "Parameters:\n  Memory:\n    Type: Number\n    Default: 256\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      MemorySize: !Ref Memory\n      Runtime: python3.12\n      Handler: app.handler\n      Role: arn:aws:iam::123456789012:role/r\n      Code: {ZipFile: x}\n",
    );
    expect(cliIn(dir, "validate", "template.yaml").code).toBe(0);
    const run = cliIn(dir, "validate", "template.yaml", "--parameter-overrides", "Memory=64");
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      "template.yaml:9:19 E3946 the value passed for parameter 'Memory' does not fit: 'MemorySize' of AWS::Lambda::Function must be at least 128\n",
    );
    writeFileSync(join(dir, "params.json"), '[{"ParameterKey": "Memory", "ParameterValue": "512"}]');
    expect(cliIn(dir, "validate", "template.yaml", "--parameter-overrides", "params.json").code).toBe(0);
    const missing = cliIn(dir, "validate", "template.yaml", "--parameter-overrides", "nowhere.json");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(
      "Input '--parameter-overrides': 'nowhere.json' was read as a parameters file",
    );
    writeFileSync(join(dir, "other.yaml"), "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n");
    const many = cliIn(dir, "validate", "*.yaml", "--parameter-overrides", "Memory=64");
    expect(many.code).toBe(2);
    expect(many.stderr).toContain(
      "parameter-overrides gives the values of one template's parameters, but 2 templates matched",
    );
  });

  it("prints every file's findings when some files cannot be checked, and exits 1", () => {
    const { dir, templates } = mixedBatchDirectory();
    const run = cliIn(dir, "validate", ...templates);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("");
    const lines = run.stdout.trim().split("\n");
    expect(lines.map((line) => line.split(" ").slice(0, 2).join(" "))).toEqual([
      "broken/template.yaml:10:7 E3002",
      "broken/template.yaml:14:25 E1020",
      "empty.yaml:1:1 E0000",
      "image.yaml:1:1 E0000",
      "stacks:1:1 E0000",
      "nowhere.yaml:1:1 E0000",
    ]);
    expect(lines[2]).toMatch(/E0000 empty\.yaml is empty/);
    expect(lines[3]).toMatch(/E0000 image\.yaml is a binary file/);
    expect(lines[4]).toMatch(/E0000 stacks is a directory; name the template files in it/);
    expect(lines[5]).toMatch(/E0000 nowhere\.yaml does not exist\./);

    const sarif = JSON.parse(cliIn(dir, "validate", ...templates, "--format", "sarif").stdout);
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual([
      "E3002",
      "E1020",
      "E0000",
      "E0000",
      "E0000",
      "E0000",
    ]);
  });

  it("reports a lone missing file as a finding, not a usage error", () => {
    const run = cli("validate", "missing.yaml");
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^missing\.yaml:1:1 E0000 missing\.yaml does not exist\./);
    expect(run.stderr).toBe("");
  });

  it("exits 2 on a glob that matches nothing, naming --allow-empty, and 0 with it", () => {
    const run = cli("validate", "infra/**/*.yaml");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("preview-stacks: The pattern 'infra/**/*.yaml' matched no file under");
    expect(run.stderr).toContain("Check the path, or use --allow-empty when no template is fine.");
    expect(run.stderr).not.toContain("allow-empty: true");
    expect(run.stdout).toBe("");
    expect(cli("validate", "infra/**/*.yaml", "--allow-empty")).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("lists --allow-empty in its help", () => {
    expect(cli("validate", "--help").stdout).toMatch(
      /--allow-empty\s+a glob that matches no file is not an error/,
    );
  });

  it.each([
    [
      ["validate", "clean/template.yaml", "--format", "xml"],
      "option '--format' of validate: the value is not allowed; use text, json or sarif.",
    ],
    [
      ["validate", "clean/template.yaml", "--fail-on", "often"],
      "Input '--fail-on': the value is not one of the allowed values",
    ],
    [["validate"], "name at least one template file or glob."],
    [["frobnicate"], "unknown command 'frobnicate'; use one of: validate, build-layer, package, deploy"],
  ])("exits 2 on a usage error: %j", (args, message) => {
    const run = cli(...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe("");
  });

  it("collects its garbage as it goes over many templates (src/template/long-run.ts)", () => {
    // The shared corpus, 298 templates: V8 traces each full collection, and one the run asks for
    // has the reason "testing" (V8's `gc`). Without the run's own collections there are none such.
    const corpus = join(ROOT, "../shared/corpus/aws-cloudformation-templates");
    const run = spawnSync(
      process.execPath,
      [
        "--trace-gc",
        join(ROOT, "bin/preview-stacks.js"),
        "validate",
        "**/*.yaml",
        "**/*.json",
        "--fail-on",
        "never",
      ],
      { cwd: corpus, encoding: "utf8", env: { PATH: process.env.PATH ?? "" }, maxBuffer: 1 << 26 },
    );
    expect(run.status).toBe(0);
    const full = run.stdout.split("\n").filter((line) => line.includes("Mark-Compact"));
    expect(full.filter((line) => line.includes("testing")).length).toBeGreaterThan(0);
  });
});
