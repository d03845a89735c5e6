/**
 * Builds a layer's tree in Lambda's layout: `nodejs/node_modules`, `python/`, `java/lib/*.jar`, the
 * `include` paths (native code in `lib/`, which Lambda puts on LD_LIBRARY_PATH, tools in `bin/`), and
 * whatever the build command writes into $LAYER_DIR.
 */
import { existsSync } from "node:fs";
import { cp, lstat, mkdir, mkdtemp, readdir, rename, rm } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { type LayerArchitecture, type LayerInclude, nodeArch } from "../inputs";
import type { CommandRunner } from "./command";
import { listFiles, SKIPPED_DIRECTORIES } from "./files";
import { type KeyInputs, MANIFESTS } from "./key";

/** What the layout is built from: exactly what the content key covers. */
export type LayoutInputs = KeyInputs;

export interface LayoutDeps {
  run: CommandRunner;
  /** A scratch directory for staging; removed by the caller. */
  tempDir: string;
  env?: NodeJS.ProcessEnv;
}

/** A layer that cannot be built from what is there: says which file is missing and what to do. */
export class LayerSourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LayerSourceError";
  }
}

/** Fails before any build when the source lacks what its runtime installs from. */
export async function checkSource(inputs: LayoutInputs): Promise<void> {
  if (!existsSync(inputs.source) || !(await lstat(inputs.source)).isDirectory()) {
    throw new LayerSourceError(
      `The source directory (input source) does not exist. Check out the repository before this step, and set source to the directory that holds the layer's manifest.`,
    );
  }
  if (inputs.runtime === "nodejs" || inputs.runtime === "python") {
    for (const choices of MANIFESTS[inputs.runtime]) {
      if (!choices.some((c) => existsSync(join(inputs.source, c)))) {
        const hint =
          inputs.runtime === "nodejs"
            ? "npm ci installs exactly what the lockfile says; run npm install once and commit package-lock.json."
            : "list the layer's packages there, pinned (pip freeze).";
        throw new LayerSourceError(`The source directory has no ${choices.join(" or ")}: ${hint}`);
      }
    }
  }
  if (inputs.runtime === "java" && (await javaJars(inputs.source)).length === 0) {
    throw new LayerSourceError(
      `The source directory holds no .jar file. Build the project first (mvn package dependency:copy-dependencies, or gradle jar), and point source at the jars.`,
    );
  }
  for (const [index, include] of inputs.include.entries()) {
    if (!existsSync(include.localPath)) {
      throw new LayerSourceError(
        `The local path of include line ${index + 1} does not exist; build it before this step, or remove the line.`,
      );
    }
  }
}

async function javaJars(source: string): Promise<string[]> {
  return (await listFiles(source, SKIPPED_DIRECTORIES)).filter((f) => f.endsWith(".jar"));
}

/** `manylinux2014_x86_64` or `manylinux2014_aarch64`: wheels Lambda's Amazon Linux can load. */
export function pipPlatform(architecture: LayerArchitecture): string {
  return `manylinux2014_${architecture === "arm64" ? "aarch64" : "x86_64"}`;
}

/** The pip install command line for the layer's `python/` directory. */
export function pipArguments(inputs: LayoutInputs, target: string): string[] {
  const args = [
    "-m",
    "pip",
    "install",
    "--disable-pip-version-check",
    "--no-input",
    // .pyc files carry build times and the builder's paths; Lambda compiles on first import.
    "--no-compile",
    "-r",
    "requirements.txt",
    "--target",
    target,
    "--platform",
    pipPlatform(inputs.architecture),
    "--only-binary=:all:",
  ];
  const python = inputs.compatibleRuntimes.find((r) => /^python3\.\d+$/.test(r));
  if (python) args.push("--python-version", python.slice("python".length));
  return [...args, ...inputs.pipArgs];
}

/**
 * The npm ci command line for a layer's `nodejs/node_modules`. npm chooses an optional package by its
 * `os`, `cpu` and `libc` fields (prebuilt binaries such as @img/sharp-linux-arm64 or @esbuild/linux-x64)
 * for the machine it runs on unless told otherwise; Lambda is Linux with glibc on the layer's
 * architecture, so it is told, on every machine: where that is the runner's own platform the flags
 * change nothing, and on another architecture or a macOS machine they are what picks Lambda's packages.
 */
export function npmArguments(architecture: LayerArchitecture): string[] {
  return [
    "ci",
    "--omit=dev",
    "--no-audit",
    "--no-fund",
    "--os=linux",
    `--cpu=${nodeArch(architecture)}`,
    "--libc=glibc",
  ];
}

/**
 * The environment npm ci runs in, for the install scripts of native packages: npm's `--cpu` picks
 * optional packages only, and the tools those scripts run read their own settings from npm's
 * environment. prebuild-install takes npm_config_arch, npm_config_platform and npm_config_libc,
 * node-pre-gyp npm_config_target_arch, node-gyp npm_config_arch: with them, a package that downloads
 * a prebuilt binary downloads Lambda's, whatever the runner. Set only when the runner is not Linux on
 * the layer's architecture: npm warns of each as a setting it does not know, and on Lambda's own
 * platform they change nothing. A package that compiles from source still compiles for the runner (a
 * compiler builds for its own machine), and native-check.ts stops that layer.
 */
export function npmEnvironment(
  architecture: LayerArchitecture,
  env: NodeJS.ProcessEnv,
  host: { platform: string; arch: string } = process,
): NodeJS.ProcessEnv {
  const cpu = nodeArch(architecture);
  if (host.platform === "linux" && host.arch === cpu) return env;
  return {
    ...env,
    npm_config_arch: cpu,
    npm_config_target_arch: cpu,
    npm_config_platform: "linux",
    npm_config_libc: "glibc",
  };
}

async function buildNode(inputs: LayoutInputs, layerDir: string, deps: LayoutDeps): Promise<void> {
  // npm ci runs in a copy of the source, so the user's own node_modules is never replaced, and
  // `file:` dependencies in the lockfile resolve as they do in the checkout.
  const stage = await mkdtemp(join(deps.tempDir, "npm-"));
  await cp(inputs.source, stage, {
    recursive: true,
    verbatimSymlinks: true,
    filter: (path) => !SKIPPED_DIRECTORIES.has(basename(path)),
  });
  await deps.run("npm", npmArguments(inputs.architecture), {
    cwd: stage,
    env: npmEnvironment(inputs.architecture, deps.env ?? process.env),
  });
  await mkdir(join(layerDir, "nodejs"), { recursive: true });
  const installed = join(stage, "node_modules");
  if (existsSync(installed)) {
    // npm's own bookkeeping (a lock copy with install-time details) is not part of what Lambda loads.
    await rm(join(installed, ".package-lock.json"), { force: true });
    await rename(installed, join(layerDir, "nodejs", "node_modules"));
  } else {
    await mkdir(join(layerDir, "nodejs", "node_modules"));
  }
}

async function buildPython(inputs: LayoutInputs, layerDir: string, deps: LayoutDeps): Promise<void> {
  const target = join(layerDir, "python");
  await mkdir(target, { recursive: true });
  await deps.run("python3", pipArguments(inputs, target), { cwd: inputs.source, env: deps.env });
  // PEP 610's record of a wheel installed from a local file holds its absolute path on this machine,
  // which would make the zip differ between checkouts; nothing reads it at run time.
  for (const entry of await readdir(target)) {
    if (entry.endsWith(".dist-info")) await rm(join(target, entry, "direct_url.json"), { force: true });
  }
}

async function buildJava(inputs: LayoutInputs, layerDir: string): Promise<void> {
  const lib = join(layerDir, "java", "lib");
  await mkdir(lib, { recursive: true });
  const seen = new Map<string, string>();
  for (const jar of await javaJars(inputs.source)) {
    const name = basename(jar);
    const other = seen.get(name);
    if (other !== undefined) {
      throw new LayerSourceError(
        `Two jars are named ${name} (${other} and ${jar}); java/lib is flat, so keep one.`,
      );
    }
    seen.set(name, jar);
    await cp(join(inputs.source, jar), join(lib, name));
  }
}

async function copyIncludes(include: LayerInclude[], layerDir: string): Promise<void> {
  for (const { localPath, layerPath } of include) {
    const target = join(layerDir, layerPath);
    await mkdir(target, { recursive: true });
    const stat = await lstat(localPath);
    const destination = stat.isDirectory() ? target : join(target, basename(localPath));
    await cp(localPath, destination, { recursive: true, verbatimSymlinks: true, preserveTimestamps: false });
  }
}

/** Builds the layer's tree into `layerDir` (which exists and is empty). */
export async function buildLayout(inputs: LayoutInputs, layerDir: string, deps: LayoutDeps): Promise<void> {
  if (inputs.runtime === "nodejs") await buildNode(inputs, layerDir, deps);
  else if (inputs.runtime === "python") await buildPython(inputs, layerDir, deps);
  else if (inputs.runtime === "java") await buildJava(inputs, layerDir);
  await copyIncludes(inputs.include, layerDir);
  if (inputs.buildCommand) {
    await deps.run("bash", ["-eo", "pipefail", "-c", inputs.buildCommand], {
      cwd: inputs.source,
      env: { ...(deps.env ?? process.env), LAYER_DIR: layerDir },
    });
  }
  if ((await readdir(layerDir)).length === 0) {
    throw new LayerSourceError(
      "The build produced an empty layer: nothing was installed, included or written to $LAYER_DIR.",
    );
  }
}

export function absoluteIncludes(include: LayerInclude[], workspace: string): LayerInclude[] {
  return include.map((i) => ({ ...i, localPath: resolve(workspace, i.localPath) }));
}
