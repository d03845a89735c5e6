import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_TEMPLATE_BYTES, readTemplate, resolveTemplates } from "../../../src/template/files";

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
  writeFileSync(join(workspace, "huge.yaml"), Buffer.alloc(MAX_TEMPLATE_BYTES + 1, 0x61));
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

  it("fails on a glob that matches nothing, naming the input and the way out", async () => {
    await expect(display(["infra/*.yaml"])).rejects.toThrow(
      `The templates pattern 'infra/*.yaml' matched no file under ${workspace}. Check the path, or set allow-empty: true when no template is fine.`,
    );
    expect(await display(["infra/*.yaml"], true)).toEqual([]);
  });
});

describe("reading templates", () => {
  const read = (name: string) => readTemplate({ display: name, absolute: join(workspace, name) });

  it("reads a template and drops a byte order mark", () => {
    expect(read("bom.yaml")).toBe("Resources: {}\n");
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

describe("telling globs from paths", () => {
  it("treats glob syntax as a pattern and anything else as a path", async () => {
    const { isGlob } = await import("../../../src/template/files");
    expect(["a/*.yaml", "a/**", "t?.json", "[ab].yaml", "{a,b}.yaml", "!(x).yaml"].every(isGlob)).toBe(true);
    expect(["template.yaml", "stacks/api-v2.json", "./a.b.c.yml"].some(isGlob)).toBe(false);
  });
});
