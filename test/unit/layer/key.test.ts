import { cpSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { contentKey, type KeyInputs, toolVersions } from "../../../src/layer/key";
import { tempDir, write } from "./fixtures";

const probe = async (command: string) => `${command} 1.0.0`;

function source(): { root: string; inputs: KeyInputs } {
  const root = tempDir("key");
  write(join(root, "app", "package.json"), '{"name":"a"}');
  write(join(root, "app", "package-lock.json"), '{"lockfileVersion":3}');
  write(join(root, "app", "index.js"), "ignored");
  write(join(root, "native", "libx.so"), "ELF");
  return {
    root,
    inputs: {
      runtime: "nodejs",
      architecture: "x86_64",
      source: join(root, "app"),
      include: [{ localPath: join(root, "native"), layerPath: "lib" }],
      pipArgs: [],
      compatibleRuntimes: [],
    },
  };
}

describe("contentKey", () => {
  it("is the same for a copy of the sources in another directory", async () => {
    const a = source();
    const b = tempDir("key-copy");
    cpSync(a.root, b, { recursive: true });
    const moved: KeyInputs = {
      ...a.inputs,
      source: join(b, "app"),
      include: [{ localPath: join(b, "native"), layerPath: "lib" }],
    };
    expect(await contentKey(moved, probe)).toBe(await contentKey(a.inputs, probe));
  });

  it("ignores files the runtime does not install from", async () => {
    const { root, inputs } = source();
    const before = await contentKey(inputs, probe);
    writeFileSync(join(root, "app", "index.js"), "changed");
    expect(await contentKey(inputs, probe)).toBe(before);
  });

  it("changes with the lockfile, an include's content or name, the architecture, the command and the tools", async () => {
    const { root, inputs } = source();
    const base = await contentKey(inputs, probe);
    const keys = new Set([base]);
    writeFileSync(join(root, "app", "package-lock.json"), '{"lockfileVersion":3,"x":1}');
    keys.add(await contentKey(inputs, probe));
    writeFileSync(join(root, "native", "libx.so"), "ELF2");
    keys.add(await contentKey(inputs, probe));
    keys.add(await contentKey({ ...inputs, include: [{ ...inputs.include[0], layerPath: "bin" }] }, probe));
    keys.add(await contentKey({ ...inputs, architecture: "arm64" }, probe));
    keys.add(await contentKey({ ...inputs, buildCommand: "make" }, probe));
    keys.add(await contentKey(inputs, async (command) => `${command} 2.0.0`));
    expect(keys.size).toBe(7);
  });

  it("covers every jar of a java source", async () => {
    const root = tempDir("key-java");
    write(join(root, "a.jar"), "a");
    write(join(root, "README.md"), "r");
    const inputs: KeyInputs = {
      runtime: "java",
      architecture: "x86_64",
      source: root,
      include: [],
      pipArgs: [],
      compatibleRuntimes: [],
    };
    const before = await contentKey(inputs, probe);
    writeFileSync(join(root, "README.md"), "changed");
    expect(await contentKey(inputs, probe)).toBe(before);
    write(join(root, "lib", "b.jar"), "b");
    expect(await contentKey(inputs, probe)).not.toBe(before);
  });
});

describe("toolVersions", () => {
  it("records pip's version without where it is installed, and a missing tool as absent", async () => {
    expect(
      await toolVersions(
        "python",
        async () => "pip 24.0 from /usr/lib/python3/dist-packages/pip (python 3.11)\n",
      ),
    ).toEqual(["python3=pip 24.0 (python 3.11)"]);
    expect(await toolVersions("nodejs", () => Promise.reject(new Error("ENOENT")))).toEqual([
      "node=absent",
      "npm=absent",
    ]);
  });
});
