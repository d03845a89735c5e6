import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkTemplates } from "../../../src/template/check";
import {
  MAX_TEMPLATE_BYTES,
  readTemplate,
  readTemplateForCheck,
  resolveTemplates,
  TemplateFileError,
} from "../../../src/template/files";

let workspace: string;

beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), "preview-stacks-files-"));
  mkdirSync(join(workspace, "stacks/nested"), { recursive: true });
  writeFileSync(join(workspace, "template.yaml"), "Resources: {}\n");
  writeFileSync(join(workspace, "stacks/b.yaml"), "Resources: {}\n");
  writeFileSync(join(workspace, "stacks/a.yaml"), "Resources: {}\n");
  writeFileSync(join(workspace, "stacks/nested/c.json"), "{}\n");
  writeFileSync(join(workspace, "empty.yaml"), "");
  writeFileSync(join(workspace, "image.yaml"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
  writeFileSync(join(workspace, "bom.yaml"), "\ufeffResources: {}\n");
  writeFileSync(
    join(workspace, "accents.yaml"),
    Buffer.from("Description: caf\u00e9 \u2713 \u{1f680}\nResources: {}\n", "utf8"),
  );
  writeFileSync(join(workspace, "huge.yaml"), Buffer.alloc(MAX_TEMPLATE_BYTES + 1, 0x61));
  writeFileSync(
    join(workspace, "unknown-ref.yaml"),
    "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: !Ref Missing\n",
  );
  writeFileSync(join(workspace, "clean.yaml"), "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n");
});

const display = async (patterns: string[], allowEmpty = false) =>
  (await resolveTemplates(patterns, workspace, { allowEmpty, input: "templates" })).map((f) => f.display);

describe("resolving templates", () => {
  it("keeps plain paths and expands globs in sorted order without duplicates", async () => {
    expect(await display(["template.yaml", "stacks/**/*.{yaml,json}", "stacks/a.yaml"])).toEqual([
      "template.yaml",
      "stacks/a.yaml",
      "stacks/b.yaml",
      "stacks/nested/c.json",
    ]);
  });

  it("fails on a glob that matches nothing, naming the input and the switch of the caller", async () => {
    await expect(
      resolveTemplates(["infra/*.yaml"], workspace, {
        input: "templates",
        allowEmptySwitch: "allow-empty: true",
      }),
    ).rejects.toThrow(
      `The templates pattern 'infra/*.yaml' matched no file under ${workspace}. Check the path, or use allow-empty: true when no template is fine.`,
    );
    await expect(
      resolveTemplates(["infra/*.yaml"], workspace, { allowEmptySwitch: "--allow-empty" }),
    ).rejects.toThrow(
      `The pattern 'infra/*.yaml' matched no file under ${workspace}. Check the path, or use --allow-empty when no template is fine.`,
    );
    expect(await display(["infra/*.yaml"], true)).toEqual([]);
  });

  it("offers no switch to a caller that has none (deploy)", async () => {
    const error = await resolveTemplates(["infra/*.yaml"], workspace, { input: "template" }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TemplateFileError);
    expect((error as Error).message).toBe(
      `The template pattern 'infra/*.yaml' matched no file under ${workspace}. Check the path.`,
    );
  });
});

describe("reading templates", () => {
  const read = (name: string) => readTemplate({ display: name, absolute: join(workspace, name) });

  it("reads a template and drops a byte order mark", () => {
    expect(read("bom.yaml")).toBe("Resources: {}\n");
  });

  it("decodes UTF-8, including characters of two, three and four bytes", () => {
    expect(read("accents.yaml")).toBe("Description: caf\u00e9 \u2713 \u{1f680}\nResources: {}\n");
  });

  it("refuses what cannot be a template with a message saying why", () => {
    expect(() => read("missing.yaml")).toThrow("missing.yaml does not exist.");
    expect(() => read("stacks")).toThrow(
      "stacks is a directory; name the template files in it, e.g. stacks/*.yaml.",
    );
    expect(() => read("empty.yaml")).toThrow("empty.yaml is empty");
    expect(() => read("image.yaml")).toThrow("image.yaml is a binary file, not a YAML or JSON template.");
    expect(() => read("huge.yaml")).toThrow("huge.yaml is 5.0 MB; CloudFormation accepts at most 1 MB");
  });
});

describe("reading templates for a batch", () => {
  const readForCheck = (name: string) =>
    readTemplateForCheck({ display: name, absolute: join(workspace, name) });
  const findingOf = (name: string) => {
    const read = readForCheck(name);
    if (!("finding" in read)) throw new Error(`${name} was read`);
    return read.finding;
  };

  it("returns the source of a readable template", () => {
    expect(readForCheck("bom.yaml")).toMatchObject({ source: "Resources: {}\n" });
  });

  it.each([
    ["missing.yaml", "missing.yaml does not exist. Check the path"],
    ["stacks", "stacks is a directory; name the template files in it, e.g. stacks/*.yaml."],
    ["empty.yaml", "empty.yaml is empty"],
    ["image.yaml", "image.yaml is a binary file, not a YAML or JSON template."],
    ["huge.yaml", "huge.yaml is 5.0 MB; CloudFormation accepts at most 1 MB"],
    ["template.yaml/inner.yaml", "template.yaml/inner.yaml cannot be read: ENOTDIR"],
  ])("turns %s into an E0000 error at line 1, column 1 of that file", (name, message) => {
    const finding = findingOf(name);
    expect(finding).toEqual({
      ruleId: "E0000",
      severity: "error",
      file: name,
      message: expect.stringContaining(message),
      range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
    });
  });
});

describe("checking a batch", () => {
  it("reports every file: a file that cannot be checked is a finding, and the others are still checked", async () => {
    const { files, findings } = await checkTemplates(
      ["unknown-ref.yaml", "empty.yaml", "image.yaml", "stacks", "missing.yaml", "clean.yaml"],
      { workspace },
    );
    expect(files).toEqual([
      "unknown-ref.yaml",
      "empty.yaml",
      "image.yaml",
      "stacks",
      "missing.yaml",
      "clean.yaml",
    ]);
    expect(
      findings.map((f) => `${f.file}:${f.range.start.line}:${f.range.start.column} ${f.ruleId}`),
    ).toEqual([
      "unknown-ref.yaml:5:25 E1020",
      "empty.yaml:1:1 E0000",
      "image.yaml:1:1 E0000",
      "stacks:1:1 E0000",
      "missing.yaml:1:1 E0000",
    ]);
  });

  it("never lets ignore-rules hide a file that could not be checked", async () => {
    const { findings } = await checkTemplates(["missing.yaml"], { workspace, ignoreRules: ["E"] });
    expect(findings.map((f) => f.ruleId)).toEqual(["E0000"]);
  });

  it("still stops on a glob that matches nothing: there is no file to report at", async () => {
    await expect(
      checkTemplates(["infra/*.yaml"], { workspace, allowEmptySwitch: "--allow-empty" }),
    ).rejects.toThrow("Check the path, or use --allow-empty when no template is fine.");
    expect(await checkTemplates(["infra/*.yaml"], { workspace, allowEmpty: true })).toEqual({
      files: [],
      findings: [],
    });
  });
});

describe("telling globs from paths", () => {
  it("treats glob syntax as a pattern and anything else as a path", async () => {
    const { isGlob } = await import("../../../src/template/files");
    expect(["a/*.yaml", "a/**", "t?.json", "[ab].yaml", "{a,b}.yaml", "!(x).yaml"].every(isGlob)).toBe(true);
    expect(["template.yaml", "stacks/api-v2.json", "./a.b.c.yml"].some(isGlob)).toBe(false);
  });
});
