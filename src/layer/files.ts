/** Walking a directory for the layer modules: every regular file and symlink below it, in byte order. */
import { lstat, readdir } from "node:fs/promises";
import { join, relative, sep } from "node:path";

/** Directories never part of a layer's inputs: version control and a local install. */
export const SKIPPED_DIRECTORIES = new Set([".git", "node_modules"]);

/**
 * Files (and symlinks, not followed) below `root`, as paths relative to it with `/` separators,
 * sorted by their bytes. A `root` that is a file gives its own name.
 */
export async function listFiles(root: string, skip: ReadonlySet<string> = new Set()): Promise<string[]> {
  const top = await lstat(root);
  if (!top.isDirectory()) return [root.split(sep).pop() ?? root];
  const found: string[] = [];
  // Sibling directories are read concurrently: one readdir after another costs a thread-pool
  // round trip each, most of the walk on a node_modules of hundreds of packages.
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    await Promise.all(
      entries.map(async (entry) => {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
          if (!skip.has(entry.name)) await walk(path);
        } else {
          found.push(relative(root, path).split(sep).join("/"));
        }
      }),
    );
  };
  await walk(root);
  return found.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}
