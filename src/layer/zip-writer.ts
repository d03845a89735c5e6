/**
 * The zip format, written by hand, for zip.ts: entries added in order, each with one DOS
 * timestamp, a Unix mode and no extra fields; deflate by Node's native zlib.
 *
 * Why not yazl: bench/layer.bench-run.ts times this writer against Info-ZIP on a generated
 * node_modules tree (10,000 files, 100 MB), and yazl's design costs more. yazl computes CRC-32 in JavaScript, pipes every file
 * through five streams one file at a time, and compresses through zlib's callback API, which cost
 * twice the CPU of the synchronous one here. Here files up to STREAM_ABOVE bytes are read,
 * checksummed and deflated ahead of the writer on worker threads (deflate-pool.ts) while this
 * thread walks, writes and hashes, within a fixed memory window; larger files are streamed when
 * their turn comes. What we add to the format is small and fixed: local headers, data
 * descriptors for streamed files, central directory, end record (with its zip64 form past 65,535
 * entries; a zip past 4 GiB is refused, far beyond what Lambda accepts).
 *
 * Deflate's output depends on the zlib inside Node: byte-identical zips need the same Node
 * release line (the actions run on node24), as Info-ZIP's need the same Info-ZIP.
 */
import { createHash, type Hash } from "node:crypto";
import { createReadStream } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import { crc32, createDeflateRaw } from "node:zlib";
import { DeflatePool } from "./deflate-pool";

export type ZipEntryData =
  | { kind: "directory" }
  /** Small content already in memory: a symlink's target. */
  | { kind: "buffer"; data: Buffer }
  /** A file on disk of known size. */
  | { kind: "file"; source: string; size: number };

export interface ZipEntrySpec {
  /** UTF-8 path in the zip; directories end with "/". */
  path: string;
  /** Unix mode including the file type bits (S_IFREG, S_IFDIR, S_IFLNK). */
  mode: number;
  data: ZipEntryData;
  /** Deflate level; 0 stores. */
  level: number;
}

/** Files above this size are streamed instead of read whole. */
export const STREAM_ABOVE = 4 * 1024 * 1024;
/** Bytes read or deflated ahead of the writer at most (plus one file up to STREAM_ABOVE). */
const WINDOW_BYTES = 8 * 1024 * 1024;
/** Entries prepared ahead of the writer at most. */
const AHEAD = 16;
/** Output is written in chunks of about this size. */
const FLUSH_BYTES = 1024 * 1024;
const MAX_32 = 0xffffffff;

const STORE = 0;
const DEFLATE = 8;
const FLAG_UTF8 = 1 << 11;
const FLAG_DATA_DESCRIPTOR = 1 << 3;
/** Made by Unix (3), spec 2.0; extracting needs 2.0 (deflate, directories). */
const MADE_BY = (3 << 8) | 20;
const NEEDED = 20;
const NEEDED_ZIP64 = 45;

interface Prepared {
  method: number;
  crc: number;
  size: number;
  /** The bytes to write, or undefined for an entry streamed from its source at its turn. */
  body?: Buffer;
}

interface Central {
  name: Buffer;
  mode: number;
  directory: boolean;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/** DOS date and time from the UTC fields of `when`, clamped to what DOS can hold (1980 to 2107). */
export function dosDateTime(when: Date): { date: number; time: number } {
  const min = Date.UTC(1980, 0, 1);
  const max = Date.UTC(2107, 11, 31, 23, 59, 58);
  const t = new Date(Math.min(max, Math.max(min, when.getTime())));
  return {
    date: ((t.getUTCFullYear() - 1980) << 9) | ((t.getUTCMonth() + 1) << 5) | t.getUTCDate(),
    time: (t.getUTCHours() << 11) | (t.getUTCMinutes() << 5) | (t.getUTCSeconds() >> 1),
  };
}

/**
 * Write `entries`, in the order given, as a zip to `out` (an empty file opened for writing).
 * Returns the zip's size and sha256.
 */
export async function writeZip(
  out: FileHandle,
  entries: ZipEntrySpec[],
  mtime: Date,
): Promise<{ size: number; sha256: string }> {
  const { date, time } = dosDateTime(mtime);
  const output = new Output(out);
  const central: Central[] = [];
  const pool = new DeflatePool();

  // Preparation runs ahead of the writer: jobs[i] settles with entry i ready to write.
  const jobs: Promise<Prepared>[] = [];
  const weight = (e: ZipEntrySpec) =>
    e.data.kind === "file" && e.data.size <= STREAM_ABOVE ? e.data.size : 0;
  let started = 0;
  let inFlight = 0;
  const startMore = (written: number) => {
    while (
      started < entries.length &&
      started - written < AHEAD &&
      (inFlight === 0 || inFlight + weight(entries[started]) <= WINDOW_BYTES)
    ) {
      const entry = entries[started++];
      inFlight += weight(entry);
      const job = prepare(entry, pool);
      job.catch(() => undefined); // awaited in order below; an early failure must not go unhandled
      jobs.push(job);
    }
  };

  try {
    for (let i = 0; i < entries.length; i++) {
      startMore(i);
      const entry = entries[i];
      const prepared = await jobs[i];
      delete jobs[i];
      inFlight -= weight(entry);
      const name = Buffer.from(entry.path);
      const offset = output.offset;
      if (offset > MAX_32) throw tooLarge(entry.path);
      const streamed = prepared.body === undefined;
      const flags = FLAG_UTF8 | (streamed ? FLAG_DATA_DESCRIPTOR : 0);
      const record: Central = {
        name,
        mode: entry.mode,
        directory: entry.data.kind === "directory",
        method: prepared.method,
        flags,
        crc: prepared.crc,
        compressedSize: prepared.body?.length ?? 0,
        size: prepared.size,
        offset,
      };
      const header = Buffer.alloc(30);
      header.writeUInt32LE(0x04034b50, 0);
      header.writeUInt16LE(NEEDED, 4);
      header.writeUInt16LE(flags, 6);
      header.writeUInt16LE(record.method, 8);
      header.writeUInt16LE(time, 10);
      header.writeUInt16LE(date, 12);
      // A streamed entry's checksum and sizes follow its data, in a data descriptor.
      header.writeUInt32LE(streamed ? 0 : record.crc, 14);
      header.writeUInt32LE(streamed ? 0 : record.compressedSize, 18);
      header.writeUInt32LE(streamed ? 0 : record.size, 22);
      header.writeUInt16LE(name.length, 26);
      header.writeUInt16LE(0, 28);
      await output.write(header);
      await output.write(name);
      if (prepared.body) {
        await output.write(prepared.body);
      } else if (entry.data.kind === "file") {
        const result = await streamDeflate(entry.data.source, entry.level, output);
        if (result.size !== entry.data.size) {
          throw new Error(`${entry.data.source} changed size while it was being zipped; zip it again.`);
        }
        if (result.compressedSize > MAX_32) throw tooLarge(entry.path);
        record.crc = result.crc;
        record.compressedSize = result.compressedSize;
        const descriptor = Buffer.alloc(16);
        descriptor.writeUInt32LE(0x08074b50, 0);
        descriptor.writeUInt32LE(record.crc, 4);
        descriptor.writeUInt32LE(record.compressedSize, 8);
        descriptor.writeUInt32LE(record.size, 12);
        await output.write(descriptor);
      }
      central.push(record);
    }

    const centralStart = output.offset;
    for (const r of central) await output.write(centralRecord(r, time, date));
    await output.write(endRecords(central.length, centralStart, output.offset - centralStart));
    await output.flush();
  } finally {
    // Let anything still being prepared finish before the caller closes or deletes the file.
    await Promise.allSettled(jobs.filter(Boolean));
    await pool.close();
  }
  return { size: output.offset, sha256: output.sha256.digest("hex") };
}

function tooLarge(path: string): Error {
  return new Error(
    `The zip passes 4 GiB at ${path}. Lambda and CloudFormation take far less; zip less (an include or a layer's contents).`,
  );
}

async function prepare(entry: ZipEntrySpec, pool: DeflatePool): Promise<Prepared> {
  const { data } = entry;
  if (data.kind === "directory") return { method: STORE, crc: 0, size: 0, body: Buffer.alloc(0) };
  if (data.kind === "buffer")
    return { method: STORE, crc: crc32(data.data), size: data.data.length, body: data.data };
  if (data.size > STREAM_ABOVE) {
    if (data.size > MAX_32) throw tooLarge(entry.path);
    return { method: entry.level === 0 ? STORE : DEFLATE, crc: 0, size: data.size };
  }
  return pool.deflate(data.source, data.size, entry.level);
}

async function streamDeflate(
  source: string,
  level: number,
  output: Output,
): Promise<{ crc: number; size: number; compressedSize: number }> {
  let crc = 0;
  let size = 0;
  let compressedSize = 0;
  const input = createReadStream(source, { highWaterMark: 1024 * 1024 });
  const deflate = level === 0 ? undefined : createDeflateRaw({ level });
  const sink = async (chunk: Buffer) => {
    compressedSize += chunk.length;
    await output.write(chunk);
  };
  try {
    if (!deflate) {
      for await (const chunk of input as AsyncIterable<Buffer>) {
        crc = crc32(chunk, crc);
        size += chunk.length;
        await sink(chunk);
      }
    } else {
      const drained = (async () => {
        for await (const chunk of deflate as AsyncIterable<Buffer>) await sink(chunk);
      })();
      drained.catch(() => undefined);
      for await (const chunk of input as AsyncIterable<Buffer>) {
        crc = crc32(chunk, crc);
        size += chunk.length;
        if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once("drain", resolve));
      }
      deflate.end();
      await drained;
    }
  } catch (error) {
    input.destroy();
    deflate?.destroy();
    throw new Error(`Cannot read ${source}: ${(error as Error).message}`);
  }
  return { crc, size, compressedSize };
}

function centralRecord(r: Central, time: number, date: number): Buffer {
  const b = Buffer.alloc(46 + r.name.length);
  b.writeUInt32LE(0x02014b50, 0);
  b.writeUInt16LE(MADE_BY, 4);
  b.writeUInt16LE(NEEDED, 6);
  b.writeUInt16LE(r.flags, 8);
  b.writeUInt16LE(r.method, 10);
  b.writeUInt16LE(time, 12);
  b.writeUInt16LE(date, 14);
  b.writeUInt32LE(r.crc, 16);
  b.writeUInt32LE(r.compressedSize, 20);
  b.writeUInt32LE(r.size, 24);
  b.writeUInt16LE(r.name.length, 28);
  b.writeUInt16LE(0, 30); // extra field length
  b.writeUInt16LE(0, 32); // comment length
  b.writeUInt16LE(0, 34); // disk number
  b.writeUInt16LE(0, 36); // internal attributes
  // Unix mode in the high half; the MS-DOS directory bit as Info-ZIP sets it.
  b.writeUInt32LE(((r.mode << 16) | (r.directory ? 0x10 : 0)) >>> 0, 38);
  b.writeUInt32LE(r.offset, 42);
  r.name.copy(b, 46);
  return b;
}

/** The end of central directory record, preceded by its zip64 form when the count needs it. */
function endRecords(count: number, start: number, size: number): Buffer {
  const parts: Buffer[] = [];
  const zip64 = count > 0xffff || start > MAX_32 || size > MAX_32;
  if (zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE((3 << 8) | NEEDED_ZIP64, 12);
    record.writeUInt16LE(NEEDED_ZIP64, 14);
    record.writeUInt32LE(0, 16);
    record.writeUInt32LE(0, 20);
    record.writeBigUInt64LE(BigInt(count), 24);
    record.writeBigUInt64LE(BigInt(count), 32);
    record.writeBigUInt64LE(BigInt(size), 40);
    record.writeBigUInt64LE(BigInt(start), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeUInt32LE(0, 4);
    locator.writeBigUInt64LE(BigInt(start + size), 8);
    locator.writeUInt32LE(1, 16);
    parts.push(record, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0, 4);
  end.writeUInt16LE(0, 6);
  end.writeUInt16LE(Math.min(count, 0xffff), 8);
  end.writeUInt16LE(Math.min(count, 0xffff), 10);
  end.writeUInt32LE(Math.min(size, MAX_32), 12);
  end.writeUInt32LE(Math.min(start, MAX_32), 16);
  end.writeUInt16LE(0, 20);
  parts.push(end);
  return Buffer.concat(parts);
}

/** Buffered, hashed, sequential output. */
class Output {
  offset = 0;
  readonly sha256: Hash = createHash("sha256");
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(private readonly file: FileHandle) {}

  async write(chunk: Buffer): Promise<void> {
    if (chunk.length === 0) return;
    this.sha256.update(chunk);
    this.offset += chunk.length;
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= FLUSH_BYTES) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pendingBytes === 0) return;
    const chunks = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    await this.file.writev(chunks);
  }
}
