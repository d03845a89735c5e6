/**
 * The layer's content key: what decides the built zip, hashed. Two runs with the same key build the
 * same layer, so the key names the cache entry and a hit skips the build.
 */
import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { LayerArchitecture, LayerInclude, LayerRuntime } from "../inputs";
import { listFiles, SKIPPED_DIRECTORIES } from "./files";
import { hashFiles } from "./hash";

/**
 * Bumped when the layout, the zip format or the checks on a built layer change, so old cache entries
 * are never reused. v2: npm installs for Lambda's platform and native code is checked, so an arm64
 * layer built with the runner's x86_64 binaries under v1 is not served from the cache again.
 */
export const KEY_FORMAT = "preview-stacks-layer-v2";

export interface KeyInputs {
  runtime: LayerRuntime;
  architecture: LayerArchitecture;
  /** Absolute. */
  source: string;
  /** Absolute local paths. */
  include: LayerInclude[];
  buildCommand?: string;
  pipArgs: string[];
  compatibleRuntimes: string[];
}

/** Runs a tool and returns its standard output; rejects when it cannot run. */
export type ToolProbe = (command: string, args: string[]) => Promise<string>;

/** The manifests and lockfiles the runtime installs from, relative to the source directory. */
export const MANIFESTS: Record<Exclude<LayerRuntime, "java" | "custom">, string[][]> = {
  // Each inner list: one of these must exist; the first found is used.
  nodejs: [["package.json"], ["npm-shrinkwrap.json", "package-lock.json"]],
  python: [["requirements.txt"]],
};

/** The tools whose versions change what an install produces. */
export const TOOLS: Record<LayerRuntime, [string, string[]][]> = {
  nodejs: [
    ["node", ["--version"]],
    ["npm", ["--version"]],
  ],
  python: [["python3", ["-m", "pip", "--version"]]],
  java: [],
  custom: [],
};

/** The files that decide the build's result, absolute; the runtime's inputs, then each include's. */
export async function keyFiles(inputs: KeyInputs): Promise<{ files: string[]; names: string[] }> {
  const files: string[] = [];
  const names: string[] = [];
  const add = (base: string, rel: string[], label: string) => {
    for (const r of rel) {
      files.push(join(base, r));
      names.push(`${label}:${r}`);
    }
  };
  if (inputs.runtime === "nodejs" || inputs.runtime === "python") {
    for (const choices of MANIFESTS[inputs.runtime]) {
      const found = choices.find((c) => existsSync(join(inputs.source, c)));
      if (found) add(inputs.source, [found], "source");
    }
  } else {
    // A jars directory, or whatever a custom build command reads: every file of the source.
    const all = await listFiles(inputs.source, SKIPPED_DIRECTORIES);
    add(inputs.source, inputs.runtime === "java" ? all.filter((f) => f.endsWith(".jar")) : all, "source");
  }
  for (const include of inputs.include) {
    const local = resolve(include.localPath);
    const base = statSync(local).isDirectory() ? local : dirname(local);
    add(base, await listFiles(local), `include:${include.layerPath}`);
  }
  return { files, names };
}

/** The tools' versions, one string each; a tool that cannot run counts as "absent". */
export async function toolVersions(runtime: LayerRuntime, probe: ToolProbe): Promise<string[]> {
  const versions: string[] = [];
  for (const [command, args] of TOOLS[runtime]) {
    const version = await probe(command, args).then(
      (out) => out.trim().replace(/ from \S+/, ""),
      () => "absent",
    );
    versions.push(`${command}=${version}`);
  }
  return versions;
}

/** sha256 (hex) over the key files' contents and names, the runtime, architecture, command and tools. */
export async function contentKey(inputs: KeyInputs, probe: ToolProbe): Promise<string> {
  // The tools run (npm alone takes a few hundred ms to start) while the files are walked and read.
  const tools = toolVersions(inputs.runtime, probe);
  const { files, names } = await keyFiles(inputs).catch(async (error: unknown) => {
    await tools;
    throw error;
  });
  const extra = [
    KEY_FORMAT,
    `runtime=${inputs.runtime}`,
    `architecture=${inputs.architecture}`,
    `build-command=${inputs.buildCommand ?? ""}`,
    `pip-args=${inputs.pipArgs.join(" ")}`,
    `compatible-runtimes=${inputs.compatibleRuntimes.join(",")}`,
    // hashFiles ignores paths; a renamed file or a file moved to another layer path must change the key.
    ...names.sort(),
  ];
  return hashFiles(
    files,
    tools.then((versions) => [...extra, ...versions]),
  );
}
