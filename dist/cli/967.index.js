export const id = 967;
export const ids = [967];
export const modules = {

/***/ 1967:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  XW: () => (/* binding */ treeUnzippedSize),
  wz: () => (/* binding */ zipTree)
});

// UNUSED EXPORTS: DEFAULT_LEVEL, defaultMtime

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
;// CONCATENATED MODULE: ./src/layer/deflate-pool.ts
/**
 * Read, checksum and deflate files on worker threads, one whole file per task.
 *
 * Why a thread and synchronous zlib rather than zlib's callback API: measured on the benchmark
 * tree, deflateRaw's callback form spent twice the CPU of deflateRawSync for the same output
 * (thread-pool hand-offs and a stream per call). A worker reading, checksumming and deflating
 * synchronously costs what Info-ZIP costs per byte, while the main thread walks, writes and
 * hashes in parallel. The worker is inline CommonJS, so the ncc bundles need no extra file.
 */


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
class DeflatePool {
    workers = [];
    pending = new Map();
    nextId = 0;
    failure;
    /**
     * Two threads at most, one per core: the machines the actions run on have two, and each worker
     * holds its own deflate buffers (`npm run bench:layer` prints the time and peak memory).
     */
    constructor(threads = Math.max(1, Math.min(2, (0,external_node_os_.availableParallelism)()))) {
        for (let i = 0; i < threads; i++) {
            const worker = new external_node_worker_threads_.Worker(WORKER_SOURCE, { eval: true });
            const slot = { worker, busy: 0 };
            worker.on("message", (message) => {
                slot.busy--;
                const task = this.pending.get(message.id);
                this.pending.delete(message.id);
                if (!task)
                    return;
                if (message.error !== undefined)
                    return task.reject(new Error(message.error));
                const { body } = message;
                task.resolve({
                    method: message.method,
                    crc: message.crc,
                    size: message.size,
                    body: Buffer.from(body.buffer, body.byteOffset, body.byteLength),
                });
            });
            worker.on("error", (error) => this.fail(error));
            this.workers.push(slot);
        }
    }
    /** Read `source` (which must be `size` bytes), checksum it and deflate it at `level` (0 stores). */
    deflate(source, size, level) {
        if (this.failure)
            return Promise.reject(this.failure);
        const slot = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
        const id = this.nextId++;
        slot.busy++;
        return new Promise((resolve, reject) => {
            this.pending.set(id, { resolve, reject });
            slot.worker.postMessage({ id, source, size, level });
        });
    }
    async close() {
        await Promise.all(this.workers.map((w) => w.worker.terminate()));
    }
    fail(error) {
        this.failure = error;
        for (const task of this.pending.values())
            task.reject(error);
        this.pending.clear();
    }
}

;// CONCATENATED MODULE: ./src/layer/zip-writer.ts
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




/** Files above this size are streamed instead of read whole. */
const STREAM_ABOVE = 4 * 1024 * 1024;
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
/** DOS date and time from the UTC fields of `when`, clamped to what DOS can hold (1980 to 2107). */
function dosDateTime(when) {
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
async function writeZip(out, entries, mtime) {
    const { date, time } = dosDateTime(mtime);
    const output = new Output(out);
    const central = [];
    const pool = new DeflatePool();
    // Preparation runs ahead of the writer: jobs[i] settles with entry i ready to write.
    const jobs = [];
    const weight = (e) => e.data.kind === "file" && e.data.size <= STREAM_ABOVE ? e.data.size : 0;
    let started = 0;
    let inFlight = 0;
    const startMore = (written) => {
        while (started < entries.length &&
            started - written < AHEAD &&
            (inFlight === 0 || inFlight + weight(entries[started]) <= WINDOW_BYTES)) {
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
            if (offset > MAX_32)
                throw tooLarge(entry.path);
            const streamed = prepared.body === undefined;
            const flags = FLAG_UTF8 | (streamed ? FLAG_DATA_DESCRIPTOR : 0);
            const record = {
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
            }
            else if (entry.data.kind === "file") {
                const result = await streamDeflate(entry.data.source, entry.level, output);
                if (result.size !== entry.data.size) {
                    throw new Error(`${entry.data.source} changed size while it was being zipped; zip it again.`);
                }
                if (result.compressedSize > MAX_32)
                    throw tooLarge(entry.path);
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
        for (const r of central)
            await output.write(centralRecord(r, time, date));
        await output.write(endRecords(central.length, centralStart, output.offset - centralStart));
        await output.flush();
    }
    finally {
        // Let anything still being prepared finish before the caller closes or deletes the file.
        await Promise.allSettled(jobs.filter(Boolean));
        await pool.close();
    }
    return { size: output.offset, sha256: output.sha256.digest("hex") };
}
function tooLarge(path) {
    return new Error(`The zip passes 4 GiB at ${path}. Lambda and CloudFormation take far less; zip less (an include or a layer's contents).`);
}
async function prepare(entry, pool) {
    const { data } = entry;
    if (data.kind === "directory")
        return { method: STORE, crc: 0, size: 0, body: Buffer.alloc(0) };
    if (data.kind === "buffer")
        return { method: STORE, crc: (0,external_node_zlib_.crc32)(data.data), size: data.data.length, body: data.data };
    if (data.size > STREAM_ABOVE) {
        if (data.size > MAX_32)
            throw tooLarge(entry.path);
        return { method: entry.level === 0 ? STORE : DEFLATE, crc: 0, size: data.size };
    }
    return pool.deflate(data.source, data.size, entry.level);
}
async function streamDeflate(source, level, output) {
    let crc = 0;
    let size = 0;
    let compressedSize = 0;
    const input = (0,external_node_fs_.createReadStream)(source, { highWaterMark: 1024 * 1024 });
    const deflate = level === 0 ? undefined : (0,external_node_zlib_.createDeflateRaw)({ level });
    const sink = async (chunk) => {
        compressedSize += chunk.length;
        await output.write(chunk);
    };
    try {
        if (!deflate) {
            for await (const chunk of input) {
                crc = (0,external_node_zlib_.crc32)(chunk, crc);
                size += chunk.length;
                await sink(chunk);
            }
        }
        else {
            const drained = (async () => {
                for await (const chunk of deflate)
                    await sink(chunk);
            })();
            drained.catch(() => undefined);
            for await (const chunk of input) {
                crc = (0,external_node_zlib_.crc32)(chunk, crc);
                size += chunk.length;
                if (!deflate.write(chunk))
                    await new Promise((resolve) => deflate.once("drain", resolve));
            }
            deflate.end();
            await drained;
        }
    }
    catch (error) {
        input.destroy();
        deflate?.destroy();
        throw new Error(`Cannot read ${source}: ${error.message}`);
    }
    return { crc, size, compressedSize };
}
function centralRecord(r, time, date) {
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
function endRecords(count, start, size) {
    const parts = [];
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
    file;
    offset = 0;
    sha256 = (0,external_node_crypto_.createHash)("sha256");
    pending = [];
    pendingBytes = 0;
    constructor(file) {
        this.file = file;
    }
    async write(chunk) {
        if (chunk.length === 0)
            return;
        this.sha256.update(chunk);
        this.offset += chunk.length;
        this.pending.push(chunk);
        this.pendingBytes += chunk.length;
        if (this.pendingBytes >= FLUSH_BYTES)
            await this.flush();
    }
    async flush() {
        if (this.pendingBytes === 0)
            return;
        const chunks = this.pending;
        this.pending = [];
        this.pendingBytes = 0;
        await this.file.writev(chunks);
    }
}

;// CONCATENATED MODULE: ./src/layer/zip.ts
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



const DEFAULT_LEVEL = 6;
const DOS_EPOCH = new Date("1980-01-01T00:00:00Z");
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
/** The default timestamp: SOURCE_DATE_EPOCH (seconds since 1970, UTC) when set, else 1980-01-01. */
function defaultMtime(env = process.env) {
    const raw = env.SOURCE_DATE_EPOCH?.trim();
    if (!raw)
        return DOS_EPOCH;
    if (!/^\d+$/.test(raw)) {
        throw new Error(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC; unset it or set it to, for example, the last commit's time (git log -1 --format=%ct).`);
    }
    return new Date(Number(raw) * 1000);
}
/** An entry's bytes unzipped: a file's contents, a link's target, nothing for a directory. */
function entryBytes(entry) {
    if (entry.kind === "symlink")
        return Buffer.byteLength(entry.target ?? "");
    return entry.kind === "file" ? entry.size : 0;
}
/** The unzippedSize zipTree would give for `roots`, from one walk, no file read (a packaging check before zipping). */
async function treeUnzippedSize(roots) {
    return (await collect(roots)).reduce((sum, entry) => sum + entryBytes(entry), 0);
}
/**
 * Zip the trees under `roots` into `output`. A path that two roots would both write (a file, or
 * a file in one and a directory in the other) is an error naming it; directories merge.
 */
async function zipTree(roots, output, options = {}) {
    const level = options.level ?? DEFAULT_LEVEL;
    if (!Number.isInteger(level) || level < 0 || level > 9) {
        throw new Error(`Zip compression level must be a whole number from 0 to 9, not ${level}.`);
    }
    const mtime = options.mtime ?? defaultMtime();
    const entries = await collect(roots);
    const specs = [];
    let unzippedSize = 0;
    for (const entry of entries) {
        if (entry.kind === "directory") {
            specs.push({ path: entry.path, mode: S_IFDIR | 0o755, data: { kind: "directory" }, level: 0 });
        }
        else if (entry.kind === "symlink") {
            const target = Buffer.from(entry.target ?? "");
            unzippedSize += entryBytes(entry);
            // Stored, as Info-ZIP stores links: readers take the content as the target.
            specs.push({
                path: entry.path,
                mode: S_IFLNK | 0o777,
                data: { kind: "buffer", data: target },
                level: 0,
            });
        }
        else {
            unzippedSize += entryBytes(entry);
            specs.push({
                path: entry.path,
                mode: S_IFREG | (entry.executable ? 0o755 : 0o644),
                data: { kind: "file", source: entry.source, size: entry.size },
                level,
            });
        }
    }
    const file = await (0,promises_.open)(output, "w");
    let written;
    try {
        written = await writeZip(file, specs, mtime);
    }
    catch (error) {
        // Half a zip must never be taken for a whole one (by a cache save or an upload).
        await file.close();
        await (0,promises_.rm)(output, { force: true });
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
function normalizePrefix(prefix) {
    const parts = prefix.split("/").filter((p) => p !== "");
    if (prefix.includes("\\") || parts.some((p) => p === "." || p === "..")) {
        throw new Error(`Zip prefix "${prefix}" must be a relative folder with forward slashes, such as "nodejs/".`);
    }
    return parts.length === 0 ? "" : `${parts.join("/")}/`;
}
/** Every entry of every root, checked for collisions and sorted by byte order of path. */
async function collect(roots) {
    const byPath = new Map();
    const add = (entry) => {
        const existing = byPath.get(entry.path);
        if (!existing) {
            byPath.set(entry.path, entry);
            return;
        }
        if (existing.kind === "directory" && entry.kind === "directory") {
            if (!existing.source)
                existing.source = entry.source;
            return;
        }
        throw new Error(`Two sources give the same path "${entry.path}" in the zip: ${existing.source || "a prefix"} and ${entry.source || "a prefix"}. Each path may come from one place only; change an include or a prefix.`);
    };
    // A file that collides with a directory ("lib" and "lib/") must be refused too.
    const files = new Map();
    const addChecked = (entry) => {
        const bare = entry.path.endsWith("/") ? entry.path.slice(0, -1) : entry.path;
        const other = files.get(bare);
        if (other !== undefined && other !== entry.path) {
            throw new Error(`The zip would hold "${bare}" both as a file and as a directory (from ${entry.source || "a prefix"}). Change an include or a prefix.`);
        }
        files.set(bare, entry.path);
        add(entry);
    };
    for (const root of roots) {
        const prefix = normalizePrefix(root.prefix);
        const stat = await (0,promises_.lstat)(root.dir).catch(() => undefined);
        if (!stat?.isDirectory())
            throw new Error(`Cannot zip ${root.dir}: it is not a directory.`);
        const parts = prefix.split("/").filter((p) => p !== "");
        for (let i = 1; i <= parts.length; i++) {
            addChecked(entry(`${parts.slice(0, i).join("/")}/`, "directory", i === parts.length ? root.dir : ""));
        }
        const found = [];
        await walk(root.dir, prefix, found);
        // In byte order, so that of several collisions the same one is always reported.
        for (const e of found)
            e.key = Buffer.from(e.path);
        for (const e of found.sort(byKey))
            addChecked(e);
    }
    const entries = [...byPath.values()];
    for (const e of entries)
        if (e.key.length === 0)
            e.key = Buffer.from(e.path);
    return entries.sort(byKey);
}
const byKey = (a, b) => Buffer.compare(a.key, b.key);
function entry(path, kind, source) {
    return { path, key: Buffer.alloc(0), kind, source, executable: false, size: 0 };
}
/**
 * Every entry below `dir` pushed onto `found`, never following symlinks. Siblings are examined
 * concurrently (one lstat after another costs a thread-pool round trip each); the caller sorts.
 */
async function walk(dir, prefix, found, limit = limiter(64)) {
    const children = await limit(() => (0,promises_.readdir)(dir, { withFileTypes: true }));
    await Promise.all(children.map(async (child) => {
        const source = (0,external_node_path_.join)(dir, child.name);
        const path = `${prefix}${child.name}`;
        if (child.isSymbolicLink()) {
            found.push({ ...entry(path, "symlink", source), target: await limit(() => (0,promises_.readlink)(source)) });
        }
        else if (child.isDirectory()) {
            found.push(entry(`${path}/`, "directory", source));
            await walk(source, `${path}/`, found, limit);
        }
        else if (child.isFile()) {
            const stat = await limit(() => (0,promises_.lstat)(source));
            found.push({
                ...entry(path, "file", source),
                size: stat.size,
                executable: (stat.mode & 0o111) !== 0,
            });
        }
        else {
            throw new Error(`Cannot zip ${source}: only files, directories and symlinks can go in a zip.`);
        }
    }));
}
/** At most `n` of the calls given to it run at once; the rest wait their turn. */
function limiter(n) {
    let running = 0;
    const waiting = [];
    return async (call) => {
        if (running >= n)
            await new Promise((resolve) => waiting.push(resolve));
        running++;
        try {
            return await call();
        }
        finally {
            running--;
            waiting.shift()?.();
        }
    };
}
function largestDirectories(entries, n) {
    const totals = new Map();
    for (const e of entries) {
        if (e.kind === "directory") {
            const dir = e.path.slice(0, -1);
            if (!totals.has(dir))
                totals.set(dir, 0);
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
    const passThrough = new Set();
    for (const [dir, bytes] of totals) {
        const slash = dir.lastIndexOf("/");
        if (slash < 0)
            continue;
        const parent = dir.slice(0, slash);
        if (totals.get(parent) === bytes)
            passThrough.add(parent);
    }
    return [...totals]
        .filter(([dir]) => !passThrough.has(dir))
        .sort((a, b) => b[1] - a[1] || Buffer.compare(Buffer.from(a[0]), Buffer.from(b[0])))
        .slice(0, Math.max(0, n))
        .map(([path, bytes]) => ({ path, bytes }));
}


/***/ })

};
