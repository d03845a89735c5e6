/** Content keys: one sha256 over a set of files' contents and a few strings, independent of where they live. */
import { createHash } from "node:crypto";
import { Worker } from "node:worker_threads";

/**
 * Reads and hashes its share of the files synchronously, one reused buffer, and posts each file's
 * length and sha256 in the order given. Why threads and synchronous reads: on the benchmark tree
 * (10,000 files, 100 MB) a read stream per file spent most of the time in thread-pool hand-offs
 * (open, read, close each a round trip through the event loop); a worker reading synchronously
 * keeps both cores busy hashing, and the main thread free for the rest of start-up. The worker is
 * inline CommonJS, so the ncc bundles need no extra file.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { closeSync, openSync, readSync } = require("node:fs");
const { createHash } = require("node:crypto");
const scratch = Buffer.allocUnsafe(1 << 20);
function hashOne(path) {
  const fd = openSync(path, "r");
  try {
    const hash = createHash("sha256");
    let length = 0;
    for (;;) {
      const n = readSync(fd, scratch, 0, scratch.length, null);
      hash.update(scratch.subarray(0, n));
      length += n;
      // A regular file reads short only at its end: most files take one read, not two.
      if (n < scratch.length) break;
    }
    return { length, digest: hash.digest() };
  } finally {
    closeSync(fd);
  }
}
const lengths = new Float64Array(workerData.length);
const digests = new Uint8Array(workerData.length * 32);
try {
  workerData.forEach((path, i) => {
    let one;
    try {
      one = hashOne(path);
    } catch (error) {
      throw new Error("Cannot hash " + path + ": " + error.message);
    }
    lengths[i] = one.length;
    digests.set(one.digest, i * 32);
  });
  parentPort.postMessage({ lengths, digests }, [lengths.buffer, digests.buffer]);
} catch (error) {
  parentPort.postMessage({ error: error.message });
}
`;

/** Files per thread below which a second thread costs more to start than it saves. */
const FILES_PER_THREAD = 500;

interface FileDigests {
  lengths: Float64Array;
  digests: Uint8Array;
}

function hashOnThread(paths: string[]): Promise<FileDigests> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: paths });
    worker.once("message", (message: FileDigests & { error?: string }) => {
      if (message.error !== undefined) reject(new Error(message.error));
      else resolve(message);
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`The hashing thread stopped (exit code ${code}).`)));
  });
}

/** Each file's length and sha256, in the order of `paths`, read on up to two threads. */
async function fileDigests(paths: string[]): Promise<{ length: number; digest: Buffer }[]> {
  const threads = Math.max(1, Math.min(2, Math.ceil(paths.length / FILES_PER_THREAD)));
  // Interleaved shares: neighbouring files are often alike in size, so each thread gets a fair half.
  const shares = Array.from({ length: threads }, (_, t) => paths.filter((_, i) => i % threads === t));
  const results = await Promise.all(shares.map(hashOnThread));
  return paths.map((_, i) => {
    const { lengths, digests } = results[i % threads];
    const j = Math.floor(i / threads);
    return { length: lengths[j], digest: Buffer.from(digests.buffer, digests.byteOffset + j * 32, 32) };
  });
}

/**
 * sha256 (hex) over the contents of `paths` taken in byte order of their UTF-8 paths, then `extra`
 * in the order given. Paths themselves are not hashed: a checkout in another directory must give
 * the same key. `extra` may be a promise, awaited after the files are read. Each part is framed by its kind and length, so moving bytes from one file to the
 * next, or from a file into an extra string, changes the key. A missing file is an error naming it.
 */
export async function hashFiles(paths: string[], extra: string[] | Promise<string[]> = []): Promise<string> {
  const hash = createHash("sha256");
  const sorted = [...paths].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  // Each file is hashed on its own and its length and digest go into the key: that frames it
  // without reading it twice or holding it in memory.
  for (const { length, digest } of await fileDigests(sorted)) {
    hash.update(`file\0${length}\0`);
    hash.update(digest);
  }
  // A promise may be given so that slow strings (tool versions) are found while the files are read.
  for (const value of await extra) {
    const bytes = Buffer.from(value);
    hash.update(`extra\0${bytes.length}\0`);
    hash.update(bytes);
  }
  return hash.digest("hex");
}
