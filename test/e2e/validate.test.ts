/** The validate bundle run as the GitHub runner runs it, on fixtures with known problems. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runAction } from "./harness";

const workspace = join(ROOT, "test/fixtures/validate");

/**
 * A workspace where one template has findings and four paths cannot be templates at all: an empty
 * file, a binary file, a directory, and a path that does not exist.
 */
function mixedBatchWorkspace(): { dir: string; templates: string[] } {
  const dir = mkdtempSync(join(tmpdir(), "preview-stacks-mixed-"));
  cpSync(join(workspace, "broken/template.yaml"), join(dir, "broken/template.yaml"));
  writeFileSync(join(dir, "empty.yaml"), "");
  writeFileSync(join(dir, "image.yaml"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]));
  mkdirSync(join(dir, "stacks"));
  return { dir, templates: ["broken/template.yaml", "empty.yaml", "image.yaml", "stacks", "nowhere.yaml"] };
}

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

  it("writes its outputs without loading Node's crypto module, each under its own v4 UUID delimiter", async () => {
    // The bundle's stand-in for node:crypto (scripts/build.mjs) names the delimiters; a preloaded
    // script records which of Node's own modules the run loaded.
    const dir = mkdtempSync(join(tmpdir(), "preview-stacks-modules-"));
    const hook = join(dir, "record-modules.cjs");
    const loaded = join(dir, "modules.txt");
    writeFileSync(
      hook,
      `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(loaded)}, process.moduleLoadList.join("\\n")));\n`,
    );
    const run = await runAction({
      action: "validate",
      workspace,
      inputs: { templates: "clean/template.yaml" },
      env: { NODE_OPTIONS: `--require ${hook}` },
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ errors: "0", warnings: "0", files: "clean/template.yaml" });
    const modules = readFileSync(loaded, "utf8").split("\n");
    expect(modules).toContain("NativeModule fs");
    expect(modules.filter((name) => /^NativeModule (node:)?crypto$/.test(name))).toEqual([]);
    const delimiters = [...readFileSync(join(run.dir, "output"), "utf8").matchAll(/^[\w-]+<<(.+)$/gm)].map(
      (match) => match[1],
    );
    expect(delimiters.length).toBeGreaterThanOrEqual(4);
    for (const delimiter of delimiters)
      expect(delimiter).toMatch(
        /^ghadelimiter_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    expect(new Set(delimiters).size).toBe(delimiters.length);
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
    // One of each is counted in the singular.
    expect(strict.stdout).toContain("1 template checked: 0 errors, 1 warning.");
    expect(strict.stdout).toContain("::error::Validation found 0 errors and 1 warning (fail-on: warning).");
  });

  it("judges a Ref to a parameter with the values of parameter-overrides, never repeating one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "preview-stacks-parameters-"));
    writeFileSync(
      join(dir, "template.yaml"),
      "Parameters:\n  Arch:\n    Type: String\n    Default: arm64\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Architectures: [!Ref Arch]\n      Runtime: python3.12\n      Handler: app.handler\n      Role: arn:aws:iam::123456789012:role/r\n      Code: {ZipFile: x}\n",
    );
    const run = await runAction({
      action: "validate",
      workspace: dir,
      inputs: { templates: "template.yaml", "parameter-overrides": "Arch: x86-64-zz" },
    });
    expect(run.exitCode).toBe(1);
    const titled = run.annotations.filter((a) => a.title);
    expect(titled.map((a) => `${a.level} ${a.title} ${a.line}:${a.col}`)).toEqual(["error E3946 9:23"]);
    expect(titled[0].message).toContain("the value passed for parameter 'Arch' does not fit");
    expect(run.stdout).not.toContain("x86-64-zz");
    expect(run.summary).not.toContain("x86-64-zz");
    const fine = await runAction({
      action: "validate",
      workspace: dir,
      inputs: { templates: "template.yaml", "parameter-overrides": "Arch=x86_64" },
    });
    expect(fine.exitCode, fine.stdout).toBe(0);
  });

  it("judges names built from the stack's name with stack-name, and refuses a value that is not a stack name", async () => {
    const dir = mkdtempSync(join(tmpdir(), "preview-stacks-stack-name-"));
    writeFileSync(
      join(dir, "template.yaml"),
      "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      FunctionName: !Sub ${AWS::StackName}-handler\n      Runtime: python3.12\n      Handler: app.handler\n      Role: arn:aws:iam::123456789012:role/r\n      Code: {ZipFile: x}\n",
    );
    const unnamed = await runAction({
      action: "validate",
      workspace: dir,
      inputs: { templates: "template.yaml" },
    });
    expect(unnamed.exitCode, unnamed.stdout).toBe(0);
    expect(unnamed.outputs.errors).toBe("0");
    const long = `orders${"-x".repeat(26)}-pr-1234`;
    const named = await runAction({
      action: "validate",
      workspace: dir,
      inputs: { templates: "template.yaml", "stack-name": long },
    });
    expect(named.exitCode).toBe(1);
    expect(
      named.annotations.filter((a) => a.title).map((a) => `${a.level} ${a.title} ${a.line}:${a.col}`),
    ).toEqual(["error E3944 5:21"]);
    expect(named.annotations[0].message).toContain(
      `'FunctionName' of AWS::Lambda::Function must be at most 64 characters long, not ${long.length + 8}`,
    );
    const bad = await runAction({
      action: "validate",
      workspace: dir,
      inputs: { templates: "template.yaml", "stack-name": "pr 12; zz-hidden" },
    });
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toContain(
      "Input 'stack-name': the value is not a stack name; use at most 128 letters, digits and dashes, starting with a letter.",
    );
    expect(bad.stdout).not.toContain("zz-hidden");
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

  it("reports a file that cannot be checked as an E0000 finding at that file, and checks all the others", async () => {
    const { dir, templates } = mixedBatchWorkspace();
    const sarifFile = join(dir, "results/cfn.sarif");
    const run = await runAction({
      action: "validate",
      workspace: dir,
      inputs: { templates: templates.join("\n"), "sarif-file": "results/cfn.sarif" },
    });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe("");
    const located = run.annotations
      .filter((a) => a.file)
      .map((a) => `${a.level} ${a.file}:${a.line}:${a.col} ${a.title}`);
    expect(located).toEqual([
      "error broken/template.yaml:10:7 E3002",
      "error broken/template.yaml:14:25 E1020",
      "error empty.yaml:1:1 E0000",
      "error image.yaml:1:1 E0000",
      "error stacks:1:1 E0000",
      "error nowhere.yaml:1:1 E0000",
    ]);
    const messageAt = (file: string) => run.annotations.find((a) => a.file === file)?.message;
    expect(messageAt("empty.yaml")).toMatch(/^empty\.yaml is empty/);
    expect(messageAt("image.yaml")).toBe("image.yaml is a binary file, not a YAML or JSON template.");
    expect(messageAt("stacks")).toBe(
      "stacks is a directory; name the template files in it, e.g. stacks/*.yaml.",
    );
    expect(messageAt("nowhere.yaml")).toMatch(/^nowhere\.yaml does not exist\. Check the path/);

    expect(run.outputs).toEqual({
      errors: "6",
      warnings: "0",
      files: templates.join("\n"),
      "sarif-file": sarifFile,
    });
    expect(run.stdout).toContain("::error::Validation found 6 errors and 0 warnings (fail-on: error).");
    expect(run.summary).toContain("5 templates checked: **6** errors");
    for (const file of templates) expect(run.summary).toContain(file);
    expect(run.summary.match(/\| ❌ \| 1 \| 1 \| E0000 \|/g)).toHaveLength(4);

    const sarif = JSON.parse(readFileSync(sarifFile, "utf8"));
    const results = sarif.runs[0].results as {
      ruleId: string;
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
    }[];
    expect(
      results.map(
        (r) =>
          `${r.ruleId} ${r.locations[0].physicalLocation.artifactLocation.uri}:${r.locations[0].physicalLocation.region.startLine}`,
      ),
    ).toEqual([
      "E3002 broken/template.yaml:10",
      "E1020 broken/template.yaml:14",
      "E0000 empty.yaml:1",
      "E0000 image.yaml:1",
      "E0000 stacks:1",
      "E0000 nowhere.yaml:1",
    ]);
    const e0000 = sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === "E0000");
    expect(e0000.shortDescription.text).toBe("Template could not be read or parsed");
  });

  it.each([
    [
      { templates: "infra/**/*.yaml" },
      "::error::The templates pattern 'infra/**/*.yaml' matched no file under",
    ],
    [
      { templates: "clean/template.yaml", "fail-on": "sometimes" },
      "::error::Input 'fail-on': the value is not one of the allowed values; use one of: error, warning, never.",
    ],
    [
      { templates: "clean/template.yaml", "ignore-rules": "no-such-rule" },
      "::error::Input 'ignore-rules': item 1 is not a rule id",
    ],
  ])("refuses bad input %j with one clear message and no stack trace", async (inputs, message) => {
    const run = await runAction({ action: "validate", workspace, inputs });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(message);
    expect(run.stdout).not.toMatch(/\n\s+at /);
    expect(run.stderr).toBe("");
  });

  it("names the allow-empty input when a glob matches nothing, and sets no output", async () => {
    const run = await runAction({ action: "validate", workspace, inputs: { templates: "infra/**/*.yaml" } });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain("Check the path, or use allow-empty: true when no template is fine.");
    expect(run.annotations.filter((a) => a.file)).toEqual([]);
    expect(run.outputs).toEqual({});
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
