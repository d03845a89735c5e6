import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type BuildLayerInputs, type LayerArchitecture, nodeArch } from "../../../src/inputs";
import { buildLayer } from "../../../src/layer/build-layer";
import { streamingRunner } from "../../../src/layer/command";
import { buildLayout, type LayoutInputs } from "../../../src/layer/layout";
import {
  checkNativeFiles,
  findWrongNativeFiles,
  NativeArchitectureError,
  readBinaryFormat,
} from "../../../src/layer/native-check";
import { tempDir, writeOfflineLockfile } from "./fixtures";

/** The first 20 bytes of an ELF: identification, e_type (a shared object) and e_machine. */
function elf(machine: number, { bits = 64, bigEndian = false } = {}): Buffer {
  const b = Buffer.alloc(64);
  b.write("\x7fELF", 0, "latin1");
  b[4] = bits === 64 ? 2 : 1;
  b[5] = bigEndian ? 2 : 1;
  b[6] = 1;
  if (bigEndian) {
    b.writeUInt16BE(3, 16);
    b.writeUInt16BE(machine, 18);
  } else {
    b.writeUInt16LE(3, 16);
    b.writeUInt16LE(machine, 18);
  }
  return b;
}
const X86_64 = elf(62);
const AARCH64 = elf(183);
const MACH_O = Buffer.from([0xcf, 0xfa, 0xed, 0xfe, 0x0c, 0x00, 0x00, 0x01, ...Buffer.alloc(24)]);
const PE = Buffer.from(`MZ${"\0".repeat(62)}`, "latin1");

function put(root: string, files: Record<string, Buffer | string>): string {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** The host's machine, and the other Lambda architecture: what a build on this runner gets wrong. */
const HOST: LayerArchitecture = process.arch === "arm64" ? "arm64" : "x86_64";
const OTHER: LayerArchitecture = HOST === "arm64" ? "x86_64" : "arm64";
const HOST_ELF = HOST === "arm64" ? AARCH64 : X86_64;

describe("readBinaryFormat", () => {
  it("reads an ELF's class and machine in either byte order, and knows Mach-O, PE and anything else", () => {
    expect(readBinaryFormat(X86_64.subarray(0, 20))).toEqual({ format: "elf", bits: 64, machine: 62 });
    expect(readBinaryFormat(AARCH64)).toEqual({ format: "elf", bits: 64, machine: 183 });
    expect(readBinaryFormat(elf(40, { bits: 32 }))).toEqual({ format: "elf", bits: 32, machine: 40 });
    expect(readBinaryFormat(elf(21, { bigEndian: true }))).toEqual({ format: "elf", bits: 64, machine: 21 });
    expect(readBinaryFormat(MACH_O)).toEqual({ format: "mach-o" });
    expect(readBinaryFormat(Buffer.from([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 2]))).toEqual({ format: "mach-o" });
    expect(readBinaryFormat(PE)).toEqual({ format: "pe" });
    expect(readBinaryFormat(Buffer.from("module.exports = 1;\n"))).toEqual({ format: "unknown" });
    // An ELF cut short before e_machine cannot be judged as one.
    expect(readBinaryFormat(X86_64.subarray(0, 12))).toEqual({ format: "unknown" });
    expect(readBinaryFormat(Buffer.alloc(0))).toEqual({ format: "unknown" });
  });
});

describe("findWrongNativeFiles", () => {
  it("names each addon that is not an ELF for the layer's architecture, by its path in the layer", async () => {
    const layer = put(tempDir("native-wrong"), {
      "nodejs/node_modules/gyp-built/build/Release/addon.node": X86_64,
      "nodejs/node_modules/right/build/Release/addon.node": AARCH64,
      "nodejs/node_modules/from-a-mac/build/Release/addon.node": MACH_O,
      "nodejs/node_modules/@scope/text/index.node": "not a binary\n",
      "nodejs/node_modules/old/lib/binding/addon.node": elf(3, { bits: 32 }),
      "nodejs/node_modules/right/index.js": "module.exports = 1;\n",
    });
    expect(await findWrongNativeFiles(layer, "arm64")).toEqual([
      {
        path: "nodejs/node_modules/@scope/text/index.node",
        found: "not a Linux native binary (no ELF header)",
      },
      {
        path: "nodejs/node_modules/from-a-mac/build/Release/addon.node",
        found: "a macOS (Mach-O) binary, not a Linux one",
      },
      { path: "nodejs/node_modules/gyp-built/build/Release/addon.node", found: "an ELF for x86_64" },
      { path: "nodejs/node_modules/old/lib/binding/addon.node", found: "a 32-bit ELF for machine 3" },
    ]);
    expect((await findWrongNativeFiles(layer, "x86_64")).map((f) => f.path)).toEqual([
      "nodejs/node_modules/@scope/text/index.node",
      "nodejs/node_modules/from-a-mac/build/Release/addon.node",
      "nodejs/node_modules/old/lib/binding/addon.node",
      "nodejs/node_modules/right/build/Release/addon.node",
    ]);
  });

  it("leaves a package's builds for other platforms alone, but not a platform package's own binary", async () => {
    const layer = put(tempDir("native-platforms"), {
      // prebuildify: one directory per platform, chosen at run time.
      "nodejs/node_modules/utf8/prebuilds/darwin-x64+arm64/utf8.node": MACH_O,
      "nodejs/node_modules/utf8/prebuilds/win32-x64/utf8.node": PE,
      "nodejs/node_modules/utf8/prebuilds/linux-x64/utf8.glibc.node": X86_64,
      "nodejs/node_modules/utf8/prebuilds/linux-arm/utf8.node": elf(40, { bits: 32 }),
      "nodejs/node_modules/utf8/prebuilds/linux-arm64/utf8.glibc.node": AARCH64,
      "nodejs/node_modules/onnx/bin/napi-v3/linux/x64/binding.node": X86_64,
      "nodejs/node_modules/onnx/bin/napi-v3/linux/arm64/binding.node": AARCH64,
      // A file named for its target, and engines beside one for the target.
      "nodejs/node_modules/.prisma/client/libquery_engine-darwin-arm64.dylib.node": MACH_O,
      "nodejs/node_modules/.prisma/client/libquery_engine-rhel-openssl-3.0.x.so.node": X86_64,
      "nodejs/node_modules/.prisma/client/libquery_engine-linux-arm64-openssl-3.0.x.so.node": AARCH64,
      // The package's own name is npm's choice, not a build chosen at run time.
      "nodejs/node_modules/@img/sharp-linux-x64/lib/binding.node": X86_64,
    });
    expect(await findWrongNativeFiles(layer, "arm64")).toEqual([
      { path: "nodejs/node_modules/@img/sharp-linux-x64/lib/binding.node", found: "an ELF for x86_64" },
    ]);
    // With no engine for the target beside it, an engine named for a distribution is the one loaded.
    put(layer, {
      "nodejs/node_modules/.prisma/client/libquery_engine-linux-arm64-openssl-3.0.x.so.node": "",
    });
    expect((await findWrongNativeFiles(layer, "arm64")).map((f) => f.path)).toContain(
      "nodejs/node_modules/.prisma/client/libquery_engine-rhel-openssl-3.0.x.so.node",
    );
    // For x86_64 the arm64 builds are the other platform's.
    put(layer, {
      "nodejs/node_modules/.prisma/client/libquery_engine-linux-arm64-openssl-3.0.x.so.node": AARCH64,
    });
    expect(await findWrongNativeFiles(layer, "x86_64")).toEqual([]);
  });

  it("judges only ELFs directly in bin/ and lib/, and only for the other Lambda architecture", async () => {
    const root = tempDir("native-path");
    const layer = put(join(root, "layer"), {
      "bin/ffmpeg": X86_64,
      "bin/tool.sh": "#!/bin/sh\necho tool\n",
      "lib/libvips.so.42": X86_64,
      "lib/libright.so": AARCH64,
      "lib/libopencv_java490.so": "ELF",
      "lib/x86_64/libvips.so.42": X86_64,
      "bin/tool-x86_64": X86_64,
      "share/data.bin": X86_64,
    });
    put(root, { "outside.so": X86_64 });
    symlinkSync(join(root, "outside.so"), join(layer, "lib/liblink.so"));
    expect(await findWrongNativeFiles(layer, "arm64")).toEqual([
      { path: "bin/ffmpeg", found: "an ELF for x86_64" },
      { path: "lib/libvips.so.42", found: "an ELF for x86_64" },
    ]);
    expect(await findWrongNativeFiles(layer, "x86_64")).toEqual([
      { path: "lib/libright.so", found: "an ELF for arm64" },
    ]);
  });
});

describe("checkNativeFiles", () => {
  it("fails naming the files and the architectures, and says what to do", async () => {
    const layer = put(tempDir("native-error"), {
      "nodejs/node_modules/addon/build/Release/addon.node": X86_64,
    });
    const error = await checkNativeFiles(layer, "arm64").catch((e) => e);
    expect(error).toBeInstanceOf(NativeArchitectureError);
    expect(error.message).toBe(
      "The layer is for arm64, but this native file is not, so Lambda cannot load it:\n" +
        "  nodejs/node_modules/addon/build/Release/addon.node: an ELF for x86_64\n" +
        "npm installs the prebuilt packages of the layer's architecture, and install scripts are told it, but what an install script or the build command compiles is for the machine that runs it. " +
        "Build the layer on a Linux runner of the layer's architecture (runs-on: ubuntu-24.04-arm), or use a version of the package with prebuilt binaries for linux-arm64. " +
        "If nothing loads a file on Lambda, delete it in build-command, which runs before this check.",
    );
    await expect(checkNativeFiles(layer, "x86_64")).resolves.toBeUndefined();
  });

  it("lists ten files and counts the rest, with control characters in a name escaped", async () => {
    const files: Record<string, Buffer> = { "nodejs/node_modules/a/x\ny.node": MACH_O };
    for (let i = 0; i < 11; i++) files[`nodejs/node_modules/p${i}/addon.node`] = AARCH64;
    const error = await checkNativeFiles(put(tempDir("native-many"), files), "x86_64").catch((e) => e);
    expect(error.message).toMatch(/^The layer is for x86_64, but these 12 native files are not, so Lambda/);
    expect(error.message).toContain("  nodejs/node_modules/a/x\\x0ay.node: a macOS (Mach-O) binary");
    expect(error.message).toContain("  and 2 more\n");
    expect(error.message).toContain("(runs-on: ubuntu-24.04)");
    expect(error.message).toContain("prebuilt binaries for linux-x64.");
  });
});

/** A tarball made by `npm pack` from `files`, in `vendor`; returns its file name. */
function pack(
  root: string,
  vendor: string,
  manifest: Record<string, unknown>,
  files: Record<string, Buffer>,
) {
  const dir = put(join(root, "packages", String(manifest.name)), {
    "package.json": JSON.stringify({ version: "1.0.0", ...manifest }),
    ...files,
  });
  mkdirSync(vendor, { recursive: true });
  execFileSync("npm", ["pack", "--pack-destination", vendor, "--silent"], { cwd: dir, stdio: "pipe" });
  return `${manifest.name}-1.0.0.tgz`;
}

/** `<parent>/app`, whose lockfile names local tarballs only, so npm ci needs no network. */
function app(root: string, parent: string, manifest: Record<string, unknown>): string {
  const dir = put(join(parent, "app"), {
    "package.json": JSON.stringify({ name: "layer", version: "1.0.0", private: true, ...manifest }),
  });
  writeOfflineLockfile(dir, root);
  return dir;
}

const offline = (root: string) => ({
  ...process.env,
  npm_config_cache: join(root, "npm-cache"),
  npm_config_offline: "true",
});

describe("a nodejs layer for the other architecture than the runner's", () => {
  it("gets the optional prebuilt package for the layer's architecture from npm ci, not the runner's", async () => {
    const root = tempDir("native-npm");
    const vendor = join(root, "app", "vendor");
    const deps: Record<string, string> = {};
    for (const arch of ["x86_64", "arm64"] as const) {
      const name = `tiny-native-linux-${nodeArch(arch)}`;
      const manifest = { name, os: ["linux"], cpu: [nodeArch(arch)], libc: ["glibc"] };
      deps[name] =
        `file:vendor/${pack(root, vendor, manifest, { "tiny.node": arch === "arm64" ? AARCH64 : X86_64 })}`;
    }
    const source = app(root, root, { optionalDependencies: deps });
    const layer = join(root, "layer");
    mkdirSync(layer);
    const inputs: LayoutInputs = {
      runtime: "nodejs",
      architecture: OTHER,
      source,
      include: [],
      pipArgs: [],
      compatibleRuntimes: [],
    };
    await buildLayout(inputs, layer, {
      run: streamingRunner(() => {}),
      tempDir: root,
      env: offline(root),
    });
    expect(readdirSync(join(layer, "nodejs/node_modules"))).toEqual([`tiny-native-linux-${nodeArch(OTHER)}`]);
    expect(await findWrongNativeFiles(layer, OTHER)).toEqual([]);
  });

  it("tells install scripts the layer's platform, which prebuild-install, node-pre-gyp and node-gyp read", async () => {
    const root = tempDir("native-script");
    const vendor = join(root, "app", "vendor");
    // An install script that writes down what a prebuilt-binary downloader would see.
    const record =
      "const e = process.env; require('fs').writeFileSync('target.json', JSON.stringify(" +
      "[e.npm_config_arch, e.npm_config_target_arch, e.npm_config_platform, e.npm_config_libc]))";
    const tarball = pack(
      root,
      vendor,
      { name: "tiny-prebuilt", scripts: { install: `node -e "${record}"` } },
      {},
    );
    const source = app(root, root, { dependencies: { "tiny-prebuilt": `file:vendor/${tarball}` } });
    const built = async (architecture: LayerArchitecture) => {
      const layer = join(root, `layer-${architecture}`);
      mkdirSync(layer);
      const inputs: LayoutInputs = {
        runtime: "nodejs",
        architecture,
        source,
        include: [],
        pipArgs: [],
        compatibleRuntimes: [],
      };
      await buildLayout(inputs, layer, { run: streamingRunner(() => {}), tempDir: root, env: offline(root) });
      return JSON.parse(readFileSync(join(layer, "nodejs/node_modules/tiny-prebuilt/target.json"), "utf8"));
    };
    expect(await built(OTHER)).toEqual([nodeArch(OTHER), nodeArch(OTHER), "linux", "glibc"]);
    // For the runner's own architecture npm ci runs as the runner would run it (npm passes on its
    // own --libc as npm_config_libc).
    const own = (await built(HOST)).slice(0, 3);
    expect(own).toEqual(
      process.platform === "linux" ? [null, null, null] : [nodeArch(HOST), nodeArch(HOST), "linux"],
    );
  });

  it("fails the build, before any zip, when an install leaves an addon built for the runner", async () => {
    const root = tempDir("native-build");
    const workspace = join(root, "ws");
    const vendor = join(workspace, "app", "vendor");
    const tarball = pack(root, vendor, { name: "tiny-addon" }, { "build/Release/addon.node": HOST_ELF });
    app(root, workspace, { dependencies: { "tiny-addon": `file:vendor/${tarball}` } });
    const cacheDir = join(root, "cache");
    const inputs: BuildLayerInputs = {
      name: "addon",
      runtime: "nodejs",
      source: "app",
      include: [],
      architecture: OTHER,
      compatibleRuntimes: [],
      artifactPrefix: "",
      publish: false,
      cache: false,
      keepVersions: 5,
      pipArgs: [],
      dryRun: false,
    };
    const deps = {
      workspace,
      tempDir: root,
      cacheDir,
      cachePath: cacheDir,
      run: streamingRunner(() => {}),
      probe: async () => "1.0.0\n",
      log: () => {},
      warn: () => {},
      group: <T>(_title: string, fn: () => Promise<T>) => fn(),
      env: offline(root),
    };
    const error = await buildLayer(inputs, deps).catch((e) => e);
    expect(error).toBeInstanceOf(NativeArchitectureError);
    expect(error.message).toContain(
      `  nodejs/node_modules/tiny-addon/build/Release/addon.node: an ELF for ${HOST}\n`,
    );
    expect(existsSync(cacheDir)).toBe(false);
    // The same install is the layer for the runner's own architecture.
    const built = await buildLayer({ ...inputs, architecture: HOST }, deps);
    expect(built.zip.entries).toBeGreaterThan(0);
  });
});
