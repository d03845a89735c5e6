/**
 * Deterministic zips of directory trees: the same files give the same bytes on any machine,
 * whatever the file times, umask, owner, creation order or time zone.
 *
 * Entries are in byte order of their UTF-8 paths; every entry carries one timestamp (DOS time,
 * no extended-timestamp or other extra fields); modes are normalized to 0644 for files, 0755 for
 * executables (any x bit) and directories; symlinks are stored as links (S_IFLNK|0777, content =
 * target) and never followed; every directory has an explicit entry. zip-writer.ts writes the
 * format (and says why it is not yazl); deflate is Node's native zlib at a fixed level.
 */
import { lstat, open, readdir, readlink, rm } from "node:fs/promises";
import { join } from "node:path";
import { writeZip, type ZipEntrySpec } from "./zip-writer";

export interface ZipRoot {
  /** A directory on disk. */
  dir: string;
  /** Where its contents go in the zip: "" or a folder such as "nodejs/", with forward slashes. */
  prefix: string;
}

export interface ZipOptions {
  /** The one timestamp of every entry. Default: SOURCE_DATE_EPOCH when set, else 1980-01-01T00:00:00Z. */
  mtime?: Date;
  /** Deflate level 0 (store) to 9. Default 6, the level Info-ZIP uses. */
  level?: number;
}

export interface ZipResult {
  file: string;
  sha256: string;
  /** Bytes of the zip. */
  size: number;
  /** Bytes of file contents and link targets: what Lambda counts against its unzipped limit. */
  unzippedSize: number;
  entries: number;
  /**
   * The n directories holding the most bytes (everything below them), largest first. A directory
   * whose bytes all sit in one subdirectory is left out for that subdirectory, so a chain such as
   * nodejs/ → nodejs/node_modules/ shows once, as its deepest member.
   */
  largestDirectories(n: number): { path: string; bytes: number }[];
}

export const DEFAULT_LEVEL = 6;
const DOS_EPOCH = new Date("1980-01-01T00:00:00Z");

const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;

type Kind = "file" | "directory" | "symlink";

interface Entry {
  /** The path in the zip: forward slashes, directories end with "/". */
  path: string;
  key: Buffer;
  kind: Kind;
  /** The file or link on disk; empty for the directories a prefix implies. */
  source: string;
  executable: boolean;
  size: number;
  /** The link's target, for symlinks. */
  target?: string;
}

/** The default timestamp: SOURCE_DATE_EPOCH (seconds since 1970, UTC) when set, else 1980-01-01. */
export function defaultMtime(env: NodeJS.ProcessEnv = process.env): Date {
  const raw = env.SOURCE_DATE_EPOCH?.trim();
  if (!raw) return DOS_EPOCH;
  if (!/^\d+$/.test(raw)) {
    throw new Error(
      `SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC; unset it or set it to, for example, the last commit's time (git log -1 --format=%ct).`,
    );
  }
  return new Date(Number(raw) * 1000);
}

/** An entry's bytes unzipped: a file's contents, a link's target, nothing for a directory. */
function entryBytes(entry: Entry): number {
  if (entry.kind === "symlink") return Buffer.byteLength(entry.target ?? "");
  return entry.kind === "file" ? entry.size : 0;
}

/** The unzippedSize zipTree would give for `roots`, from one walk, no file read (a packaging check before zipping). */
export async function treeUnzippedSize(roots: ZipRoot[]): Promise<number> {
  return (await collect(roots)).reduce((sum, entry) => sum + entryBytes(entry), 0);
}

/**
 * Zip the trees under `roots` into `output`. A path that two roots would both write (a file, or
 * a file in one and a directory in the other) is an error naming it; directories merge.
 */
export async function zipTree(
  roots: ZipRoot[],
  output: string,
  options: ZipOptions = {},
): Promise<ZipResult> {
  const level = options.level ?? DEFAULT_LEVEL;
  if (!Number.isInteger(level) || level < 0 || level > 9) {
    throw new Error(`Zip compression level must be a whole number from 0 to 9, not ${level}.`);
  }
  const mtime = options.mtime ?? defaultMtime();
  const entries = await collect(roots);

  const specs: ZipEntrySpec[] = [];
  let unzippedSize = 0;
  for (const entry of entries) {
    if (entry.kind === "directory") {
      specs.push({ path: entry.path, mode: S_IFDIR | 0o755, data: { kind: "directory" }, level: 0 });
    } else if (entry.kind === "symlink") {
      const target = Buffer.from(entry.target ?? "");
      unzippedSize += entryBytes(entry);
      // Stored, as Info-ZIP stores links: readers take the content as the target.
      specs.push({
        path: entry.path,
        mode: S_IFLNK | 0o777,
        data: { kind: "buffer", data: target },
        level: 0,
      });
    } else {
      unzippedSize += entryBytes(entry);
      specs.push({
        path: entry.path,
        mode: S_IFREG | (entry.executable ? 0o755 : 0o644),
        data: { kind: "file", source: entry.source, size: entry.size },
        level,
      });
    }
  }

  const file = await open(output, "w");
  let written: { size: number; sha256: string };
  try {
    written = await writeZip(file, specs, mtime);
  } catch (error) {
    // Half a zip must never be taken for a whole one (by a cache save or an upload).
    await file.close();
    await rm(output, { force: true });
    throw error;
  }
  await file.close();

  return {
    file: output,
    sha256: written.sha256,
    size: written.size,
    unzippedSize,
    entries: entries.length,
    largestDirectories: (n) => largestDirectories(entries, n),
  };
}

function normalizePrefix(prefix: string): string {
  const parts = prefix.split("/").filter((p) => p !== "");
  if (prefix.includes("\\") || parts.some((p) => p === "." || p === "..")) {
    throw new Error(
      `Zip prefix "${prefix}" must be a relative folder with forward slashes, such as "nodejs/".`,
    );
  }
  return parts.length === 0 ? "" : `${parts.join("/")}/`;
}

/** Every entry of every root, checked for collisions and sorted by byte order of path. */
async function collect(roots: ZipRoot[]): Promise<Entry[]> {
  const byPath = new Map<string, Entry>();
  const add = (entry: Entry) => {
    const existing = byPath.get(entry.path);
    if (!existing) {
      byPath.set(entry.path, entry);
      return;
    }
    if (existing.kind === "directory" && entry.kind === "directory") {
      if (!existing.source) existing.source = entry.source;
      return;
    }
    throw new Error(
      `Two sources give the same path "${entry.path}" in the zip: ${existing.source || "a prefix"} and ${entry.source || "a prefix"}. Each path may come from one place only; change an include or a prefix.`,
    );
  };
  // A file that collides with a directory ("lib" and "lib/") must be refused too.
  const files = new Map<string, string>();
  const addChecked = (entry: Entry) => {
    const bare = entry.path.endsWith("/") ? entry.path.slice(0, -1) : entry.path;
    const other = files.get(bare);
    if (other !== undefined && other !== entry.path) {
      throw new Error(
        `The zip would hold "${bare}" both as a file and as a directory (from ${entry.source || "a prefix"}). Change an include or a prefix.`,
      );
    }
    files.set(bare, entry.path);
    add(entry);
  };

  for (const root of roots) {
    const prefix = normalizePrefix(root.prefix);
    const stat = await lstat(root.dir).catch(() => undefined);
    if (!stat?.isDirectory()) throw new Error(`Cannot zip ${root.dir}: it is not a directory.`);
    const parts = prefix.split("/").filter((p) => p !== "");
    for (let i = 1; i <= parts.length; i++) {
      addChecked(entry(`${parts.slice(0, i).join("/")}/`, "directory", i === parts.length ? root.dir : ""));
    }
    const found: Entry[] = [];
    await walk(root.dir, prefix, found);
    // In byte order, so that of several collisions the same one is always reported.
    for (const e of found) e.key = Buffer.from(e.path);
    for (const e of found.sort(byKey)) addChecked(e);
  }
  const entries = [...byPath.values()];
  for (const e of entries) if (e.key.length === 0) e.key = Buffer.from(e.path);
  return entries.sort(byKey);
}

const byKey = (a: Entry, b: Entry) => Buffer.compare(a.key, b.key);

function entry(path: string, kind: Kind, source: string): Entry {
  return { path, key: Buffer.alloc(0), kind, source, executable: false, size: 0 };
}

/**
 * Every entry below `dir` pushed onto `found`, never following symlinks. Siblings are examined
 * concurrently (one lstat after another costs a thread-pool round trip each); the caller sorts.
 */
async function walk(dir: string, prefix: string, found: Entry[], limit = limiter(64)): Promise<void> {
  const children = await limit(() => readdir(dir, { withFileTypes: true }));
  await Promise.all(
    children.map(async (child) => {
      const source = join(dir, child.name);
      const path = `${prefix}${child.name}`;
      if (child.isSymbolicLink()) {
        found.push({ ...entry(path, "symlink", source), target: await limit(() => readlink(source)) });
      } else if (child.isDirectory()) {
        found.push(entry(`${path}/`, "directory", source));
        await walk(source, `${path}/`, found, limit);
      } else if (child.isFile()) {
        const stat = await limit(() => lstat(source));
        found.push({
          ...entry(path, "file", source),
          size: stat.size,
          executable: (stat.mode & 0o111) !== 0,
        });
      } else {
        throw new Error(`Cannot zip ${source}: only files, directories and symlinks can go in a zip.`);
      }
    }),
  );
}

/** At most `n` of the calls given to it run at once; the rest wait their turn. */
function limiter(n: number): <T>(call: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (call) => {
    if (running >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await call();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

function largestDirectories(entries: Entry[], n: number): { path: string; bytes: number }[] {
  const totals = new Map<string, number>();
  for (const e of entries) {
    if (e.kind === "directory") {
      const dir = e.path.slice(0, -1);
      if (!totals.has(dir)) totals.set(dir, 0);
      continue;
    }
    const bytes = e.kind === "symlink" ? Buffer.byteLength(e.target ?? "") : e.size;
    const parts = e.path.split("/");
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join("/");
      totals.set(dir, (totals.get(dir) ?? 0) + bytes);
    }
  }
  // Drop a directory when one of its subdirectories holds all of its bytes.
  const passThrough = new Set<string>();
  for (const [dir, bytes] of totals) {
    const slash = dir.lastIndexOf("/");
    if (slash < 0) continue;
    const parent = dir.slice(0, slash);
    if (totals.get(parent) === bytes) passThrough.add(parent);
  }
  return [...totals]
    .filter(([dir]) => !passThrough.has(dir))
    .sort((a, b) => b[1] - a[1] || Buffer.compare(Buffer.from(a[0]), Buffer.from(b[0])))
    .slice(0, Math.max(0, n))
    .map(([path, bytes]) => ({ path, bytes }));
}
