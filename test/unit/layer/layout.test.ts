import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
} from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { streamingRunner } from "../../../src/layer/command";
import {
  buildLayout,
  checkSource,
  type LayoutInputs,
  npmArguments,
  npmEnvironment,
  pipArguments,
} from "../../../src/layer/layout";
import { jar, npmProject, pythonProject, tempDir, write } from "./fixtures";

function inputs(over: Partial<LayoutInputs>): LayoutInputs {
  return {
    runtime: "custom",
    architecture: "x86_64",
    source: "/nowhere",
    include: [],
    pipArgs: [],
    compatibleRuntimes: [],
    ...over,
  };
}

async function build(layout: LayoutInputs, root: string): Promise<{ layer: string; log: string[] }> {
  const layer = join(root, "layer");
  mkdirSync(layer);
  const log: string[] = [];
  const env = { ...process.env, npm_config_cache: join(root, "npm-cache"), npm_config_offline: "true" };
  await buildLayout(layout, layer, { run: streamingRunner((line) => log.push(line)), tempDir: root, env });
  return { layer, log };
}

describe("buildLayout", () => {
  it("installs a nodejs layer's production dependencies from the lockfile into nodejs/node_modules, offline", async () => {
    const root = tempDir("layout-node");
    const app = npmProject(root);
    const { layer } = await build(inputs({ runtime: "nodejs", source: app }), root);
    expect(readdirSync(layer)).toEqual(["nodejs"]);
    expect(readdirSync(join(layer, "nodejs", "node_modules"))).toEqual(["tiny-dep"]);
    expect(readFileSync(join(layer, "nodejs/node_modules/tiny-dep/index.js"), "utf8")).toContain("tiny-dep");
    // The user's checkout is left as it was.
    expect(existsSync(join(app, "node_modules"))).toBe(false);
  });

  it("installs a python layer into python/ from a local wheel, with extra pip arguments", async () => {
    const root = tempDir("layout-py");
    const py = pythonProject(root);
    const { layer } = await build(
      inputs({ runtime: "python", source: py, pipArgs: ["--no-index", "--find-links", "wheels"] }),
      root,
    );
    expect(readdirSync(layer)).toEqual(["python"]);
    expect(readFileSync(join(layer, "python/tiny_py/__init__.py"), "utf8")).toBe("VALUE = 42\n");
    // No bytecode: .pyc files carry times and paths that would make the zip differ between builds.
    expect(readdirSync(join(layer, "python/tiny_py"))).toEqual(["__init__.py"]);
    // Nor the wheel's absolute path on this machine (PEP 610's direct_url.json).
    expect(readdirSync(join(layer, "python/tiny_py-1.0.dist-info"))).not.toContain("direct_url.json");
  });

  it("collects a java project's jars into java/lib and a native include into lib/", async () => {
    const root = tempDir("layout-java");
    const jars = join(root, "target");
    jar(join(jars, "app.jar"), "App");
    jar(join(jars, "dependency", "opencv-4.9.0.jar"), "org/opencv/Core");
    write(join(root, "native", "lib", "libopencv_java490.so"), "ELF");
    const { layer } = await build(
      inputs({
        runtime: "java",
        source: jars,
        include: [{ localPath: join(root, "native/lib"), layerPath: "lib" }],
      }),
      root,
    );
    expect(readdirSync(layer).sort()).toEqual(["java", "lib"]);
    expect(readdirSync(join(layer, "java/lib")).sort()).toEqual(["app.jar", "opencv-4.9.0.jar"]);
    expect(readdirSync(join(layer, "lib"))).toEqual(["libopencv_java490.so"]);
  });

  it("runs a custom build command with LAYER_DIR, keeping executables and symlinks", async () => {
    const root = tempDir("layout-custom");
    const src = join(root, "src");
    write(join(src, "tool.sh"), "#!/bin/sh\necho tool\n");
    const command = [
      'mkdir -p "$LAYER_DIR/lib" "$LAYER_DIR/bin"',
      'echo so > "$LAYER_DIR/lib/libx.so.1"',
      'ln -s libx.so.1 "$LAYER_DIR/lib/libx.so"',
      'install -m 0755 tool.sh "$LAYER_DIR/bin/tool"',
      "echo built",
    ].join("\n");
    const { layer, log } = await build(inputs({ source: src, buildCommand: command }), root);
    expect(log).toContain("built");
    expect(readlinkSync(join(layer, "lib/libx.so"))).toBe("libx.so.1");
    expect(lstatSync(join(layer, "bin/tool")).mode & 0o111).not.toBe(0);
  });

  it("fails a build command with its status and last output", async () => {
    const root = tempDir("layout-fail");
    await expect(
      build(inputs({ source: root, buildCommand: "echo about to fail; exit 3" }), root),
    ).rejects.toThrow(/exited with status 3\. Its last output:\nabout to fail/);
  });

  it("refuses an empty layer", async () => {
    const root = tempDir("layout-empty");
    await expect(build(inputs({ source: root, buildCommand: "true" }), root)).rejects.toThrow(/empty layer/);
  });

  it("copies an include file into its layer directory and keeps an included symlink as a link", async () => {
    const root = tempDir("layout-include");
    write(join(root, "bin", "tool"), "x");
    mkdirSync(join(root, "links"));
    symlinkSync("target", join(root, "links", "l"));
    const { layer } = await build(
      inputs({
        source: root,
        include: [
          { localPath: join(root, "bin/tool"), layerPath: "bin" },
          { localPath: join(root, "links"), layerPath: "share/links" },
        ],
      }),
      root,
    );
    expect(readFileSync(join(layer, "bin/tool"), "utf8")).toBe("x");
    expect(readlinkSync(join(layer, "share/links/l"))).toBe("target");
  });
});

describe("checkSource", () => {
  it("names the missing manifest and what to do", async () => {
    const root = tempDir("check");
    write(join(root, "package.json"), "{}");
    await expect(checkSource(inputs({ runtime: "nodejs", source: root }))).rejects.toThrow(
      "The source directory has no npm-shrinkwrap.json or package-lock.json: npm ci installs exactly what the lockfile says; run npm install once and commit package-lock.json.",
    );
    await expect(checkSource(inputs({ runtime: "python", source: root }))).rejects.toThrow(
      /The source directory has no requirements\.txt/,
    );
    await expect(checkSource(inputs({ runtime: "java", source: root }))).rejects.toThrow(
      /The source directory holds no \.jar file/,
    );
    await expect(checkSource(inputs({ source: join(root, "missing") }))).rejects.toThrow(
      "The source directory (input source) does not exist.",
    );
    // The message names the include line, not the path the input gave.
    write(join(root, "package-lock.json"), "{}");
    const include = [
      { localPath: join(root, "package.json"), layerPath: "a" },
      { localPath: join(root, "secret-missing"), layerPath: "b" },
    ];
    const error = await checkSource(inputs({ runtime: "nodejs", source: root, include })).catch((e) => e);
    expect(error.message).toBe(
      "The local path of include line 2 does not exist; build it before this step, or remove the line.",
    );
  });
});

describe("pipArguments", () => {
  it("asks for manylinux wheels of the architecture and the runtime's Python", () => {
    const args = pipArguments(
      inputs({
        runtime: "python",
        architecture: "arm64",
        compatibleRuntimes: ["python3.12"],
        pipArgs: ["--no-index"],
      }),
      "/layer/python",
    );
    expect(args.join(" ")).toBe(
      "-m pip install --disable-pip-version-check --no-input --no-compile -r requirements.txt --target /layer/python --platform manylinux2014_aarch64 --only-binary=:all: --python-version 3.12 --no-index",
    );
  });
});

describe("npmArguments", () => {
  it("asks npm ci for the optional packages of Lambda's platform: Linux, glibc, the layer's CPU", () => {
    expect(npmArguments("arm64").join(" ")).toBe(
      "ci --omit=dev --no-audit --no-fund --os=linux --cpu=arm64 --libc=glibc",
    );
    expect(npmArguments("x86_64").join(" ")).toBe(
      "ci --omit=dev --no-audit --no-fund --os=linux --cpu=x64 --libc=glibc",
    );
  });
});

describe("npmEnvironment", () => {
  const env = { PATH: "/usr/bin" };

  it("leaves npm ci's environment alone on Linux of the layer's architecture", () => {
    expect(npmEnvironment("arm64", env, { platform: "linux", arch: "arm64" })).toBe(env);
    expect(npmEnvironment("x86_64", env, { platform: "linux", arch: "x64" })).toBe(env);
  });

  it("names Lambda's platform to install scripts on any other runner", () => {
    const lambdaArm = {
      PATH: "/usr/bin",
      npm_config_arch: "arm64",
      npm_config_target_arch: "arm64",
      npm_config_platform: "linux",
      npm_config_libc: "glibc",
    };
    expect(npmEnvironment("arm64", env, { platform: "linux", arch: "x64" })).toEqual(lambdaArm);
    expect(npmEnvironment("arm64", env, { platform: "darwin", arch: "arm64" })).toEqual(lambdaArm);
    expect(npmEnvironment("x86_64", env, { platform: "darwin", arch: "x64" })).toMatchObject({
      npm_config_arch: "x64",
      npm_config_target_arch: "x64",
      npm_config_platform: "linux",
    });
  });
});
