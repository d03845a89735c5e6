/**
 * The built zip in the Actions cache, by content key. The cache client is passed in (the action
 * entry gives @actions/cache), so this module decides only what is cached and how a hit is trusted.
 */
import { createHash } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { DirectorySize } from "./limits";

export interface CacheClient {
  /** False outside Actions: no cache service in the environment. */
  available(): boolean;
  /** The key restored, or undefined on a miss. May throw when the service fails. */
  restore(paths: string[], key: string): Promise<string | undefined>;
  save(paths: string[], key: string): Promise<void>;
}

/** What a cache entry holds beside the zip: what the zipper measured, so a hit needs no re-read of the tree. */
export interface CachedLayer {
  sha256: string;
  size: number;
  unzippedSize: number;
  entries: number;
  largestDirectories: DirectorySize[];
}

export const ZIP_NAME = "layer.zip";
export const META_NAME = "layer.json";

/**
 * The whole content key is in the cache key and no restore keys are given: a near match would be
 * another layer's zip, and using it would publish the wrong content.
 */
export function cacheKey(name: string, architecture: string, contentKey: string): string {
  return `preview-stacks-layer-${name}-${architecture}-${contentKey}`;
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest("hex");
}

export async function writeCachedLayer(dir: string, layer: CachedLayer): Promise<void> {
  await writeFile(join(dir, META_NAME), `${JSON.stringify(layer, null, 2)}\n`);
}

/** The restored layer when the zip and its record agree; undefined when the entry is unusable. */
export async function readCachedLayer(dir: string): Promise<CachedLayer | undefined> {
  const zip = join(dir, ZIP_NAME);
  const meta = join(dir, META_NAME);
  if (!existsSync(zip) || !existsSync(meta)) return undefined;
  try {
    const layer = JSON.parse(await readFile(meta, "utf8")) as CachedLayer;
    return (await sha256File(zip)) === layer.sha256 ? layer : undefined;
  } catch {
    return undefined;
  }
}
