// Copies the committed resource-spec index next to a bundle. ncc does not emit the data by itself:
// the loader picks a shard by resource type at run time, so no file name is visible to the bundler.
//
//   node scripts/copy-spec-data.mjs dist/<action> [...]
//
// The loader (src/template/spec/index.ts) reads `./data/` relative to the module that contains it,
// which in a bundle is dist/<action>/index.js, hence dist/<action>/data.

import { copyFileSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const dataDir = resolve(dirname(fileURLToPath(import.meta.url)), "..", "src", "template", "spec", "data");

/** Replaces `<outDir>/data` with the committed index; returns the number of files copied. */
export function copySpecData(outDir) {
  const target = join(outDir, "data");
  // Stale shards of a removed service would otherwise linger in the committed dist.
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  const files = readdirSync(dataDir)
    .filter((file) => file === "names.json" || file.endsWith(".json.gz"))
    .sort();
  if (!files.includes("names.json")) throw new Error(`No spec index in ${dataDir}: run npm run spec first.`);
  for (const file of files) copyFileSync(join(dataDir, file), join(target, file));
  return files.length;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const outDir of process.argv.slice(2)) {
    const count = copySpecData(resolve(outDir));
    console.log(`spec data: ${count} files copied to ${join(outDir, "data")}`);
  }
}
