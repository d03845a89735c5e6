// Copies the committed resource-spec index next to a bundle. ncc does not emit the data by itself:
// the loader picks a shard by resource type at run time, so no file name is visible to the bundler.
//
//   node scripts/copy-spec-data.mjs dist/<action> [...]
//
// The loader (src/template/spec/index.ts) reads `./data/` relative to the module that contains it,
// which in a bundle is dist/<action>/index.js, hence dist/<action>/data.

import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const dataDir = resolve(dirname(fileURLToPath(import.meta.url)), "..", "src", "template", "spec", "data");

/**
 * The committed index as bundle files: "data/<file>" -> bytes, ready to add to the files an ncc
 * build writes (or compares, in a dist check) for dist/<action>/.
 */
export function specDataFiles() {
  const files = readdirSync(dataDir)
    .filter((file) => file.endsWith(".json"))
    .sort();
  if (!files.includes("names.json")) throw new Error(`No spec index in ${dataDir}: run npm run spec first.`);
  // The constraint shards live one level down, in data/constraints/.
  const constraints = readdirSync(join(dataDir, "constraints"))
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => `constraints/${file}`);
  if (!constraints.includes("constraints/source.json")) {
    throw new Error(
      `No constraint data in ${join(dataDir, "constraints")}: run npm run spec with cfn-lint installed.`,
    );
  }
  return new Map(
    [...files, ...constraints].map((file) => [`data/${file}`, readFileSync(join(dataDir, file))]),
  );
}

/** Replaces `<outDir>/data` with the committed index; returns the number of files copied. */
export function copySpecData(outDir) {
  const target = join(outDir, "data");
  // Stale shards of a removed service would otherwise linger in the committed dist.
  rmSync(target, { recursive: true, force: true });
  mkdirSync(join(target, "constraints"), { recursive: true });
  const files = specDataFiles();
  for (const [name, bytes] of files) writeFileSync(join(outDir, name), bytes);
  return files.size;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const outDir of process.argv.slice(2)) {
    const count = copySpecData(resolve(outDir));
    console.log(`spec data: ${count} files copied to ${join(outDir, "data")}`);
  }
}
