/**
 * Read, checksum and deflate files on worker threads, one whole file per task.
 *
 * Why a thread and synchronous zlib rather than zlib's callback API: measured on the benchmark
 * tree, deflateRaw's callback form spent twice the CPU of deflateRawSync for the same output
 * (thread-pool hand-offs and a stream per call). A worker reading, checksumming and deflating
 * synchronously costs what Info-ZIP costs per byte, while the main thread walks, writes and
 * hashes in parallel. The worker is inline CommonJS, so the ncc bundles need no extra file.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

export interface Deflated {
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  size: number;
  body: Buffer;
}

const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const { closeSync, openSync, readSync } = require("node:fs");
const { crc32, deflateRawSync } = require("node:zlib");
// One read buffer, reused: a worker allocates few JavaScript objects, so V8 collects it rarely,
// and a fresh buffer per file piled up as garbage outside the heap (tens of MB per thread).
let scratch = Buffer.alloc(0);
function read(source, size) {
  if (scratch.length < size + 1) scratch = Buffer.allocUnsafe(Math.max(size + 1, 65536));
  const fd = openSync(source, "r");
  try {
    let total = 0;
    for (;;) {
      const n = readSync(fd, scratch, total, size + 1 - total, null);
      if (n === 0) break;
      total += n;
      if (total > size) break;
    }
    if (total !== size) throw new Error(source + " changed size while it was being zipped; zip it again.");
    return scratch.subarray(0, size);
  } finally {
    closeSync(fd);
  }
}
// Bytes go to the main thread by transfer: a clone copies the whole backing store, which cost a
// tenth of the run's time. A copy is made only where the store is shared or far too large.
function owned(bytes) {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy;
}
parentPort.on("message", ({ id, source, size, level }) => {
  try {
    const raw = read(source, size);
    const crc = crc32(raw);
    // Random bytes (compressed images, archives, wasm) cost as much to deflate as text and gain
    // nothing: when the first 16 KiB do not shrink by 2% at level 1, store the file.
    const sample = level > 0 && raw.length > 16384 ? deflateRawSync(raw.subarray(0, 16384), { level: 1 }) : undefined;
    if (level > 0 && raw.length > 0 && !(sample && sample.length > 16384 * 0.98)) {
      // Output chunks of half the input: usually one, owning its memory (larger than Buffer's
      // shared pool), so it can be handed over as it is. Fixed 64 KiB chunks left 64 KiB of
      // garbage per small file on the main thread, most of the peak memory.
      const deflated = deflateRawSync(raw, { level, chunkSize: Math.max(8200, Math.ceil(raw.length / 2)) });
      // As Info-ZIP does: keep whichever is smaller.
      if (deflated.length < raw.length) {
        const alone = deflated.byteOffset === 0 && deflated.buffer.byteLength > Buffer.poolSize;
        const body = alone ? deflated : owned(deflated);
        parentPort.postMessage({ id, method: 8, crc, size, body }, [body.buffer]);
        return;
      }
    }
    const body = owned(raw);
    parentPort.postMessage({ id, method: 0, crc, size, body }, [body.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: error.code === undefined ? error.message : "Cannot read " + source + ": " + error.message });
  }
});
`;

interface Pending {
  resolve: (value: Deflated) => void;
  reject: (error: Error) => void;
}

export class DeflatePool {
  private readonly workers: { worker: Worker; busy: number }[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failure?: Error;

  /**
   * Two threads at most, one per core: the machines the actions run on have two, and each worker
   * holds its own deflate buffers (`npm run bench:layer` prints the time and peak memory).
   */
  constructor(threads = Math.max(1, Math.min(2, availableParallelism()))) {
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(WORKER_SOURCE, { eval: true });
      const slot = { worker, busy: 0 };
      worker.on(
        "message",
        (message: { id: number; error?: string } & Omit<Deflated, "body"> & { body: Uint8Array }) => {
          slot.busy--;
          const task = this.pending.get(message.id);
          this.pending.delete(message.id);
          if (!task) return;
          if (message.error !== undefined) return task.reject(new Error(message.error));
          const { body } = message;
          task.resolve({
            method: message.method,
            crc: message.crc,
            size: message.size,
            body: Buffer.from(body.buffer, body.byteOffset, body.byteLength),
          });
        },
      );
      worker.on("error", (error) => this.fail(error));
      this.workers.push(slot);
    }
  }

  /** Read `source` (which must be `size` bytes), checksum it and deflate it at `level` (0 stores). */
  deflate(source: string, size: number, level: number): Promise<Deflated> {
    if (this.failure) return Promise.reject(this.failure);
    const slot = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = this.nextId++;
    slot.busy++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, source, size, level });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const task of this.pending.values()) task.reject(error);
    this.pending.clear();
  }
}
