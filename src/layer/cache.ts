/**
 * The built zip in the Actions cache, by content key. The cache client is passed in (the action
 * entry gives @actions/cache), so this module decides only what is cached and how a hit is trusted.
 */
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
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
 * A layer is two cache entries: the record (META_NAME, a few hundred bytes) under the content's
 * cache key, and the zip (ZIP_NAME) under that key plus ZIP_SUFFIX, each in a directory of its own
 * below the cache directory. A hit restores the record alone: it carries every output, and the zip
 * is fetched only when it must be uploaded (the object is not in the bucket yet), so a hit does not
 * download, unpack and re-read tens of MB it then throws away. The zip entry is saved first; since
 * @actions/cache reports a failed save with a warning rather than an error, a record may still lack
 * its zip, and a zip that cannot be restored when needed counts as a miss: the layer is built and
 * the zip saved again.
 */
export const RECORD_DIR = "record";
export const ZIP_DIR = "zip";
export const ZIP_SUFFIX = "-zip";

/**
 * The whole content key is in the cache key and no restore keys are given: a near match would be
 * another layer's zip, and using it would publish the wrong content.
 */
export function cacheKey(name: string, architecture: string, contentKey: string): string {
  return `preview-stacks-layer-${name}-${architecture}-${contentKey}`;
}

export async function writeCachedLayer(dir: string, layer: CachedLayer): Promise<void> {
  await mkdir(join(dir, RECORD_DIR), { recursive: true });
  await writeFile(join(dir, RECORD_DIR, META_NAME), `${JSON.stringify(layer, null, 2)}\n`);
}

/** The restored record, or undefined when it is missing or not one of ours. */
export async function readCachedLayer(dir: string): Promise<CachedLayer | undefined> {
  try {
    const layer = JSON.parse(await readFile(join(dir, RECORD_DIR, META_NAME), "utf8")) as CachedLayer;
    const valid =
      /^[0-9a-f]{64}$/.test(layer.sha256) &&
      [layer.size, layer.unzippedSize, layer.entries].every(Number.isSafeInteger) &&
      Array.isArray(layer.largestDirectories);
    return valid ? layer : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether the restored zip is the one the record describes. Its size is compared, not its sha256:
 * the entry was written whole by the client that saved it, and re-reading tens of MB on every hit
 * cost more than the rest of the hit; the sha256 is the record's, measured when the zip was written.
 */
export async function restoredZipMatches(dir: string, layer: CachedLayer): Promise<boolean> {
  const size = await stat(zipFile(dir)).then(
    (s) => s.size,
    () => -1,
  );
  return size === layer.size;
}

export function zipFile(dir: string): string {
  return join(dir, ZIP_DIR, ZIP_NAME);
}
