export const id = 933;
export const ids = [933,378,363];
export const modules = {

/***/ 9378:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AwsActionableError: () => (/* binding */ AwsActionableError),
/* harmony export */   describeAwsError: () => (/* binding */ describeAwsError),
/* harmony export */   errorCode: () => (/* binding */ errorCode),
/* harmony export */   errorMessage: () => (/* binding */ errorMessage),
/* harmony export */   isRetryable: () => (/* binding */ isRetryable),
/* harmony export */   isStackMissing: () => (/* binding */ isStackMissing),
/* harmony export */   isThrottle: () => (/* binding */ isThrottle),
/* harmony export */   networkCause: () => (/* binding */ networkCause)
/* harmony export */ });
/**
 * Turns AWS SDK errors into messages a user can act on: what happened, why, and what to do.
 * Pure: it inspects the error's name, message and metadata and never calls AWS.
 */
/** An AWS failure rewritten for people; `cause` keeps the SDK error for debugging. */
class AwsActionableError extends Error {
    kind;
    awsCode;
    constructor(kind, message, awsCode, options) {
        super(message, options);
        this.kind = kind;
        this.awsCode = awsCode;
        this.name = "AwsActionableError";
    }
}
function shape(error) {
    return typeof error === "object" && error !== null ? error : {};
}
function errorCode(error) {
    const e = shape(error);
    return e.Code ?? e.name ?? e.code;
}
function errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    return String(error);
}
const THROTTLE_CODES = new Set([
    "Throttling",
    "ThrottlingException",
    "ThrottledException",
    "RequestThrottled",
    "RequestThrottledException",
    "TooManyRequestsException",
    "RequestLimitExceeded",
    "SlowDown",
    "ProvisionedThroughputExceededException",
    "BandwidthLimitExceeded",
]);
/** AWS's own answers that mean "try again later"; network failures are told apart by networkCause. */
const TRANSIENT_CODES = new Set([
    "InternalFailure",
    "InternalError",
    "ServiceUnavailable",
    "ServiceUnavailableException",
    "RequestTimeout",
    "RequestTimeoutException",
]);
const NETWORK_CODES = {
    ECONNREFUSED: "refused",
    ECONNRESET: "reset",
    ECONNABORTED: "reset",
    EPIPE: "reset",
    ENOTFOUND: "dns",
    EAI_AGAIN: "dns",
    EAI_FAIL: "dns",
    ETIMEDOUT: "timeout",
    ESOCKETTIMEDOUT: "timeout",
    TimeoutError: "timeout",
    EHOSTUNREACH: "no-route",
    ENETUNREACH: "no-route",
    EPROTO: "tls",
    DEPTH_ZERO_SELF_SIGNED_CERT: "tls",
    SELF_SIGNED_CERT_IN_CHAIN: "tls",
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: "tls",
    UNABLE_TO_GET_ISSUER_CERT: "tls",
    UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "tls",
};
function networkKind(code) {
    if (NETWORK_CODES[code])
        return NETWORK_CODES[code];
    if (/^(CERT_|ERR_TLS_|ERR_SSL_)/.test(code))
        return "tls";
    return undefined;
}
/** A host name or address, and nothing else: whatever an error carries is never echoed beyond that. */
function hostOf(e) {
    const raw = e.address ?? e.hostname ?? e.host;
    if (typeof raw !== "string")
        return undefined;
    const host = raw.replace(/^.*@/, "");
    if (!/^[A-Za-z0-9.:_[\]-]{1,253}$/.test(host))
        return undefined;
    const port = typeof e.port === "number" ? `:${e.port}` : "";
    return host.includes(":") && port ? `[${host}]${port}` : `${host}${port}`;
}
function describeNetwork(kind, code, e) {
    const host = hostOf(e);
    switch (kind) {
        case "refused":
            return `connection refused (${code})${host ? ` by ${host}` : ""}`;
        case "reset": {
            const what = /socket hang up/i.test(e.message ?? "")
                ? `closed before an answer (socket hang up, ${code})`
                : `${code === "EPIPE" ? "broken" : "reset"} (${code})`;
            return `connection ${what}${host ? ` by ${host}` : ""}`;
        }
        case "dns":
            return `DNS lookup ${code === "EAI_AGAIN" ? "timed out" : "failed"} (${code})${host ? ` for ${host}` : ""}`;
        case "tls": {
            // Node's TLS messages say which check failed ("certificate has expired"); they carry no secrets.
            const detail = (e.message ?? "").split("\n")[0].slice(0, 120);
            return `TLS handshake failed (${code}${detail && detail !== code ? `: ${detail}` : ""})${host ? ` with ${host}` : ""}`;
        }
        case "timeout":
            return `no answer in time (${code})${host ? ` from ${host}` : ""}`;
        case "no-route":
            return `no route to the endpoint (${code})${host ? ` at ${host}` : ""}`;
    }
}
/**
 * Why a request got no answer from AWS at all, or undefined when AWS answered (any HTTP status) or the
 * error is not a network failure. The SDK passes Node's socket errors through with their `code`, and
 * sometimes wraps them (`cause`), so both are looked at; an error that carries an HTTP status came from
 * the other end and is never a network failure.
 */
function networkCause(error, depth = 0) {
    const e = shape(error);
    if (depth > 3 || typeof error !== "object" || error === null)
        return undefined;
    if (e.$metadata?.httpStatusCode !== undefined)
        return undefined;
    for (const code of [e.code, e.name]) {
        const kind = code ? networkKind(code) : undefined;
        if (code && kind) {
            // An AggregateError names the code; its parts name the addresses.
            const where = hostOf(e) ? e : shape(e.errors?.[0]);
            return { kind, code, text: describeNetwork(kind, code, { ...where, message: e.message }) };
        }
    }
    if (/socket hang up/i.test(e.message ?? "")) {
        return { kind: "reset", code: "ECONNRESET", text: describeNetwork("reset", "ECONNRESET", e) };
    }
    return e.cause !== undefined ? networkCause(e.cause, depth + 1) : undefined;
}
function isThrottle(error) {
    const e = shape(error);
    const code = errorCode(error);
    return ((code !== undefined && THROTTLE_CODES.has(code)) ||
        e.$retryable?.throttling === true ||
        e.$metadata?.httpStatusCode === 429 ||
        /rate exceeded/i.test(e.message ?? ""));
}
/**
 * Throttling, 5xx and network failures: worth another try after a pause, never a reason to fail. A TLS
 * failure is the exception: it is a setting (a proxy's certificate, a wrong endpoint) that another try
 * does not fix, so only the waits, which must not give up on a stack mid-operation, retry it.
 */
function isRetryable(error) {
    if (isThrottle(error))
        return true;
    const e = shape(error);
    const code = errorCode(error);
    if (code !== undefined && TRANSIENT_CODES.has(code))
        return true;
    if (e.code !== undefined && TRANSIENT_CODES.has(e.code))
        return true;
    const network = networkCause(error);
    if (network)
        return network.kind !== "tls";
    const status = e.$metadata?.httpStatusCode;
    return e.$fault === "server" || (status !== undefined && status >= 500);
}
/** CloudFormation answers DescribeStacks for a missing stack with this ValidationError. */
function isStackMissing(error) {
    return errorCode(error) === "ValidationError" && /does not exist/i.test(errorMessage(error));
}
const EXPIRED_CODES = new Set([
    "ExpiredToken",
    "ExpiredTokenException",
    "RequestExpired",
    "TokenRefreshRequired",
]);
const INVALID_CODES = new Set([
    "InvalidClientTokenId",
    "UnrecognizedClientException",
    "SignatureDoesNotMatch",
    "InvalidAccessKeyId",
    "IncompleteSignature",
]);
const DENIED_CODES = new Set([
    "AccessDenied",
    "AccessDeniedException",
    "UnauthorizedOperation",
    "AuthorizationError",
    "Forbidden",
]);
const CREDENTIALS_STEP = "Add aws-actions/configure-aws-credentials before this step (with role-to-assume and the id-token: write permission for OIDC).";
/**
 * Maps an SDK error to an AwsActionableError. Errors that are already actionable pass through
 * unchanged, so callers may map at every layer without double wrapping.
 */
function describeAwsError(error, context) {
    if (error instanceof AwsActionableError)
        return error;
    const e = shape(error);
    const code = errorCode(error);
    const raw = errorMessage(error);
    const stack = context.stackName ? ` for stack ${context.stackName}` : "";
    const make = (kind, message) => new AwsActionableError(kind, message, code, { cause: error });
    const network = networkCause(error);
    if (network) {
        return new AwsActionableError("unreachable", `Could not reach AWS while calling ${context.action}${stack}: ${network.text}. Check the runner's network, AWS_ENDPOINT_URL and any VPC endpoint or proxy, then run again.`, network.code, { cause: error });
    }
    if (code === "CredentialsProviderError" || /could not load credentials/i.test(raw)) {
        return make("credentials-missing", `No AWS credentials were found while calling ${context.action}${stack}. ${CREDENTIALS_STEP}`);
    }
    if ((code !== undefined && EXPIRED_CODES.has(code)) || /token.*expired|expired.*token/i.test(raw)) {
        return make("credentials-expired", `The AWS credentials expired while calling ${context.action}${stack} (${raw}). Raise role-duration-seconds on configure-aws-credentials so the session outlives the deployment (timeout-minutes plus a margin), then run again.`);
    }
    if (code !== undefined && INVALID_CODES.has(code)) {
        return make("credentials-invalid", `AWS rejected the credentials while calling ${context.action}${stack}: ${raw}. Check the role or keys given to configure-aws-credentials and that the region is enabled for the account.`);
    }
    if ((code !== undefined && DENIED_CODES.has(code)) || /is not authorized to perform/i.test(raw)) {
        const action = /perform:? ([\w-]+:[\w*]+)/i.exec(raw)?.[1] ?? context.action;
        return make("access-denied", `Access denied: the credentials may not call ${action}${stack}. Allow ${action} in the deploying role's policy (or the role-arn's, for actions CloudFormation takes on your behalf). AWS said: ${raw}`);
    }
    if (code === "InsufficientCapabilitiesException" || /requires capabilities/i.test(raw)) {
        const capabilities = /\[([A-Z_, ]+)\]/
            .exec(raw)?.[1]
            ?.split(/[,\s]+/)
            .filter(Boolean) ?? [];
        const named = capabilities.length > 0 ? capabilities.join(", ") : "a capability";
        return make("insufficient-capabilities", `The template${stack} needs ${named}, which the capabilities input does not grant. Add ${named} to capabilities (e.g. capabilities: CAPABILITY_IAM,${capabilities[0] ?? "CAPABILITY_NAMED_IAM"}).`);
    }
    if (/51[,.]?200 bytes|length less than or equal to 51200|TemplateBody.*(too long|too large)/i.test(raw)) {
        return make("template-too-large", `The template${stack} is over CloudFormation's 51,200-byte limit for inline templates. Set artifact-bucket (an S3 bucket in the stack's region) so the template is uploaded and passed by URL.`);
    }
    if (code === "PermanentRedirect" ||
        code === "AuthorizationHeaderMalformed" ||
        (code === "IllegalLocationConstraintException" && context.bucket !== undefined) ||
        (e.$metadata?.httpStatusCode === 301 && context.bucket !== undefined) ||
        /bucket is in this region|wrong region|is in a different region/i.test(raw)) {
        const bucket = context.bucket ?? "the artifact bucket";
        const where = e.Region ?? /expecting '([a-z0-9-]+)'/.exec(raw)?.[1];
        return make("bucket-region", `S3 bucket ${bucket} is in another region${where ? ` (${where})` : ""} than the stack${context.region ? ` (${context.region})` : ""}. CloudFormation reads templates only from a bucket in the stack's region: use a bucket in ${context.region ?? "that region"} as artifact-bucket.`);
    }
    const unknownParams = /Parameters: \[([^\]]*)\] do not exist in the template/i.exec(raw);
    if (unknownParams) {
        return make("unknown-parameter", `Parameter(s) ${unknownParams[1]} in parameter-overrides are not declared in the template${stack}. Remove them from parameter-overrides or declare them under Parameters.`);
    }
    const missingParams = /Parameters: \[([^\]]*)\] must have values/i.exec(raw);
    if (missingParams) {
        return make("missing-parameter", `Parameter(s) ${missingParams[1]} have no value${stack}. Give them in parameter-overrides (Key=Value) or give them a Default in the template.`);
    }
    if (isThrottle(error)) {
        return make("throttled", `AWS kept throttling ${context.action}${stack} after every retry: ${raw}. Too many deployments share the account's API rate; run again, or serialise deployments with a concurrency group.`);
    }
    if (code === "ValidationError") {
        return make("validation", `CloudFormation rejected ${context.action}${stack}: ${raw}`);
    }
    return make("unknown", `${context.action}${stack} failed: ${code && code !== "Error" ? `${code}: ` : ""}${raw}`);
}


/***/ }),

/***/ 9933:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  PACKAGED_GLOBALS: () => (/* binding */ PACKAGED_GLOBALS),
  PACKAGED_PROPERTIES: () => (/* binding */ PACKAGED_PROPERTIES),
  PackageError: () => (/* binding */ PackageError),
  findLocalArtifacts: () => (/* binding */ findLocalArtifacts),
  hasLocalArtifacts: () => (/* binding */ hasLocalArtifacts),
  normalisePrefix: () => (/* binding */ normalisePrefix),
  planPackage: () => (/* binding */ planPackage),
  runPackage: () => (/* binding */ runPackage),
  templateDir: () => (/* binding */ templateDir),
  writePackagedTemplate: () => (/* binding */ writePackagedTemplate)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(3711);
// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
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
     * Two threads at most, one per core: on the benchmark tree on two cores, two workers took 0.75x
     * Info-ZIP's time where one took about 1.0x, for about 15 MB more at peak.
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
 * Why not yazl, which the issue prefers: on the benchmark tree (10,000 files, 100 MB, same
 * machine and load) yazl took 21.6 s where Info-ZIP took 9.6 s; this writer takes less than
 * Info-ZIP (see bench/layer.bench-run.ts). yazl computes CRC-32 in JavaScript, pipes every file
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
            unzippedSize += target.length;
            // Stored, as Info-ZIP stores links: readers take the content as the target.
            specs.push({
                path: entry.path,
                mode: S_IFLNK | 0o777,
                data: { kind: "buffer", data: target },
                level: 0,
            });
        }
        else {
            unzippedSize += entry.size;
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

// EXTERNAL MODULE: ./src/template/parse-core.ts + 2 modules
var parse_core = __webpack_require__(4675);
// EXTERNAL MODULE: ./src/template/yaml.ts
var yaml = __webpack_require__(9363);
// EXTERNAL MODULE: ./src/template/nodes.ts
var nodes = __webpack_require__(9671);
;// CONCATENATED MODULE: ./src/template/parse.ts




function parse_parseTemplate(source, file) {
    return (0,parse_core/* parseTemplateWith */.YE)(source, file, yaml.parseYamlWithLibrary);
}

;// CONCATENATED MODULE: ./src/stack/template-source.ts





/** CloudFormation's limit for TemplateBody; larger templates must be passed by S3 URL. */
const TEMPLATE_BODY_LIMIT = 51_200;
/** CloudFormation's hard limit for a template passed by S3 URL: nothing larger is accepted at all. */
const TEMPLATE_URL_LIMIT = 1_000_000;
function lineAt(root, path) {
    let node = root;
    let line;
    let depth = 0;
    for (const key of path) {
        if (node?.kind === "map") {
            const entry = mapGet(node, key);
            if (!entry)
                break;
            line = entry.keyRange.start.line;
            node = entry.value;
        }
        else if (node?.kind === "seq" && /^\d+$/.test(key) && Number(key) < node.items.length) {
            node = node.items[Number(key)];
            line = node.range.start.line;
        }
        else
            break;
        depth++;
    }
    return depth >= 2 ? line : undefined;
}
/**
 * A template body as a plain object (short forms in long form), or undefined when it is empty:
 * for templates read back from CloudFormation, which need no line numbers.
 */
function plainTemplate(body, label) {
    const parsed = parseTemplate(body, label);
    return parsed.root ? toPlain(parsed.root) : undefined;
}
class TemplateError extends Error {
    constructor(message) {
        super(message);
        this.name = "TemplateError";
    }
}
function loadTemplate(file, body) {
    const parsed = parseTemplate(body, file);
    if (parsed.root?.kind !== "map") {
        const first = parsed.findings[0];
        const where = first ? ` (line ${first.range.start.line}: ${first.message})` : "";
        throw new TemplateError(`Template ${file} could not be parsed${where}. Fix the template; the validate action reports every problem with its line.`);
    }
    const root = parsed.root;
    const resources = mapGet(root, "Resources")?.value;
    const transform = mapGet(root, "Transform");
    return {
        file,
        body,
        bytes: Buffer.byteLength(body, "utf8"),
        hash: createHash("sha256").update(body).digest("hex"),
        plain: toPlain(root),
        hasTransform: transform !== undefined && !(transform.value.kind === "seq" && transform.value.items.length === 0),
        resourceLine: (logicalId) => mapGet(resources, logicalId)?.keyRange.start.line,
        pathLine: (path) => lineAt(root, path),
    };
}
function artifactKey(template, stackName, prefix = "") {
    const base = prefix === "" || prefix.endsWith("/") ? prefix : `${prefix}/`;
    return `${base}${stackName}/${template.hash}.template`;
}
function templateUrl(bucket, key, artifacts) {
    const path = key.split("/").map(encodeURIComponent).join("/");
    if (artifacts.endpoint)
        return `${artifacts.endpoint.replace(/\/+$/, "")}/${bucket}/${path}`;
    return `https://${bucket}.s3.${artifacts.region}.amazonaws.com/${path}`;
}
/**
 * Fails early, before any AWS call or upload, when a template is over CloudFormation's hard limit
 * (no bucket helps), or needs S3 and no bucket was given.
 */
function requireArtifactBucket(template, bucket, region) {
    if (template.bytes > TEMPLATE_URL_LIMIT) {
        throw new TemplateError(`Template ${template.file} is ${thousands(template.bytes)} bytes, over CloudFormation's hard limit of ${thousands(TEMPLATE_URL_LIMIT)} bytes for any template, even one passed through S3; nothing was uploaded. Split it into nested stacks (AWS::CloudFormation::Stack), or move large inline code and policies out of it.`);
    }
    if (template.bytes <= TEMPLATE_BODY_LIMIT || bucket)
        return;
    throw new TemplateError(`Template ${template.file} is ${thousands(template.bytes)} bytes, over CloudFormation's ${thousands(TEMPLATE_BODY_LIMIT)}-byte limit for inline templates. Set artifact-bucket to an S3 bucket in ${region} so the template can be uploaded and passed by URL.`);
}
/**
 * Small templates go inline. Larger ones are uploaded once per content hash and passed by URL;
 * without a bucket that is impossible, and the error says which input to set.
 */
async function templateLocation(template, stackName, artifacts, s3) {
    if (template.bytes <= TEMPLATE_BODY_LIMIT)
        return { TemplateBody: template.body };
    requireArtifactBucket(template, artifacts.bucket, artifacts.region);
    if (!artifacts.bucket || !s3) {
        throw new TemplateError(`Template ${template.file} must go through S3, but no S3 client was given.`);
    }
    const key = artifactKey(template, stackName, artifacts.prefix);
    try {
        await s3.send(new PutObjectCommand({
            Bucket: artifacts.bucket,
            Key: key,
            Body: template.body,
            ContentType: "text/plain; charset=utf-8",
        }));
    }
    catch (error) {
        throw describeAwsError(error, {
            action: "s3:PutObject",
            stackName,
            bucket: artifacts.bucket,
            region: artifacts.region,
        });
    }
    return { TemplateURL: templateUrl(artifacts.bucket, key, artifacts) };
}

;// CONCATENATED MODULE: ./src/stack/package.ts











const URI = { kind: "uri" };
const URL_SHAPE = { kind: "url" };
const CODE = { kind: "object", bucket: "S3Bucket", key: "S3Key" };
const BUCKET_KEY = { kind: "object", bucket: "Bucket", key: "Key" };
const prop = (path, shape, upload) => ({
    path: path.split("."),
    shape,
    upload,
});
/** The properties awscli's artifact_exporter.py packages, plus SAM's HttpApi. */
const PACKAGED_PROPERTIES = {
    "AWS::Serverless::Function": [prop("CodeUri", URI, "zip")],
    "AWS::Serverless::LayerVersion": [prop("ContentUri", URI, "zip")],
    "AWS::Serverless::Api": [prop("DefinitionUri", URI, "file")],
    "AWS::Serverless::HttpApi": [prop("DefinitionUri", URI, "file")],
    "AWS::Serverless::StateMachine": [prop("DefinitionUri", BUCKET_KEY, "file")],
    "AWS::Serverless::Application": [prop("Location", URL_SHAPE, "template")],
    "AWS::Lambda::Function": [prop("Code", CODE, "zip")],
    "AWS::Lambda::LayerVersion": [prop("Content", CODE, "zip")],
    "AWS::StepFunctions::StateMachine": [prop("DefinitionS3Location", BUCKET_KEY, "file")],
    "AWS::AppSync::GraphQLSchema": [prop("DefinitionS3Location", URI, "file")],
    "AWS::AppSync::Resolver": [
        prop("RequestMappingTemplateS3Location", URI, "file"),
        prop("ResponseMappingTemplateS3Location", URI, "file"),
        prop("CodeS3Location", URI, "file"),
    ],
    "AWS::AppSync::FunctionConfiguration": [
        prop("RequestMappingTemplateS3Location", URI, "file"),
        prop("ResponseMappingTemplateS3Location", URI, "file"),
        prop("CodeS3Location", URI, "file"),
    ],
    "AWS::ApiGateway::RestApi": [prop("BodyS3Location", BUCKET_KEY, "file")],
    "AWS::ApiGatewayV2::Api": [prop("BodyS3Location", BUCKET_KEY, "file")],
    "AWS::ElasticBeanstalk::ApplicationVersion": [prop("SourceBundle", CODE, "file")],
    "AWS::Glue::Job": [prop("Command.ScriptLocation", URI, "file")],
    "AWS::CodeCommit::Repository": [prop("Code.S3", BUCKET_KEY, "zip")],
    "AWS::CloudFormation::ModuleVersion": [prop("ModulePackage", URI, "zip")],
    "AWS::CloudFormation::ResourceVersion": [prop("SchemaHandlerPackage", URI, "zip")],
    "AWS::CloudFormation::Stack": [prop("TemplateURL", URL_SHAPE, "template")],
};
/** SAM Globals sections whose properties resources inherit. */
const PACKAGED_GLOBALS = {
    Function: [prop("CodeUri", URI, "zip")],
    Api: [prop("DefinitionUri", URI, "file")],
    HttpApi: [prop("DefinitionUri", URI, "file")],
};
/** A local path that is missing or unusable: where it is in the template, so it can be annotated. */
class PackageError extends TemplateError {
    location;
    constructor(message, location) {
        super(message);
        this.location = location;
        this.name = "PackageError";
    }
}
function isRemote(value) {
    return /^(s3|https?):\/\//i.test(value);
}
/** The value node at a path of map keys, with the path's last key entry. */
function nodeAt(node, path) {
    let current = node;
    for (const key of path) {
        if (current?.kind !== "map" || current.tag)
            return undefined;
        current = (0,nodes/* mapGet */.Z)(current, key)?.value;
    }
    return current;
}
/** A string scalar that names a local path: not an S3 location, a URL, an intrinsic or inline code. */
function localValue(node) {
    if (node?.kind !== "scalar" || typeof node.value !== "string")
        return undefined;
    const value = node.value.trim();
    if (value === "" || isRemote(value))
        return undefined;
    return node;
}
function findIn(section, specs, base, owner, logicalId, dir) {
    const found = [];
    for (const spec of specs) {
        const node = localValue(nodeAt(section, spec.path));
        if (!node)
            continue;
        const value = String(node.value).trim();
        found.push({
            owner,
            logicalId,
            property: spec.path.join("."),
            value,
            path: (0,external_node_path_.isAbsolute)(value) ? value : (0,external_node_path_.resolve)(dir, value),
            line: node.range.start.line,
            range: node.range,
            at: [...base, ...spec.path],
            spec,
        });
    }
    return found;
}
/** Every local path in a template's packaged properties, in template order. No file is read. */
function findLocalArtifacts(root, dir) {
    const found = [];
    const globals = (0,nodes/* mapGet */.Z)(root, "Globals")?.value;
    for (const [section, specs] of Object.entries(PACKAGED_GLOBALS)) {
        const properties = (0,nodes/* mapGet */.Z)(globals, section)?.value;
        found.push(...findIn(properties, specs, ["Globals", section], `Globals.${section}`, "Globals", dir));
    }
    const resources = (0,nodes/* mapGet */.Z)(root, "Resources")?.value;
    if (resources?.kind !== "map")
        return found;
    for (const entry of resources.entries) {
        const type = nodeAt(entry.value, ["Type"]);
        if (type?.kind !== "scalar" || typeof type.value !== "string")
            continue;
        const specs = PACKAGED_PROPERTIES[type.value];
        if (!specs)
            continue;
        const properties = nodeAt(entry.value, ["Properties"]);
        found.push(...findIn(properties, specs, ["Resources", entry.key, "Properties"], `Resource ${entry.key} (${type.value})`, entry.key, dir));
    }
    return found;
}
/**
 * Reads what packaging needs and checks every local path, recursing into local nested templates;
 * no AWS call. Fails with the owner's logical id and line when a path is missing.
 */
async function planPackage(options, seen = []) {
    const parsed = parse_parseTemplate(options.body, options.file);
    if (parsed.root?.kind !== "map") {
        const first = parsed.findings[0];
        const where = first ? ` (line ${first.range.start.line}: ${first.message})` : "";
        throw new TemplateError(`Template ${options.file} could not be parsed${where}.`);
    }
    const artifacts = findLocalArtifacts(parsed.root, options.dir);
    const plan = {
        file: options.file,
        dir: options.dir,
        body: options.body,
        format: parsed.format,
        plain: (0,nodes/* toPlain */.U)(parsed.root),
        artifacts,
    };
    for (const artifact of artifacts) {
        const where = { file: options.file, line: artifact.line };
        const at = `${options.file} line ${artifact.line}`;
        const info = await (0,promises_.stat)(artifact.path).catch(() => undefined);
        if (!info) {
            throw new PackageError(`${artifact.owner} ${artifact.property}: the local path '${artifact.value}' (${artifact.path}) does not exist (${at}). Nothing was uploaded. Local paths are relative to the template's directory; fix the path, or give an s3:// location.`, where);
        }
        if (artifact.spec.upload !== "template")
            continue;
        if (!info.isFile()) {
            throw new PackageError(`${artifact.owner} ${artifact.property}: '${artifact.value}' is a directory, not a template file (${at}). Nothing was uploaded.`, where);
        }
        if (seen.includes(artifact.path)) {
            throw new PackageError(`${artifact.owner} ${artifact.property}: '${artifact.value}' includes itself through nested stacks (${at}). Nothing was uploaded.`, where);
        }
        const body = await (0,promises_.readFile)(artifact.path, "utf8");
        try {
            artifact.nested = await planPackage({ file: artifact.path, body, dir: (0,external_node_path_.dirname)(artifact.path) }, [
                ...seen,
                (0,external_node_path_.resolve)(options.dir, (0,external_node_path_.basename)(options.file)),
                artifact.path,
            ]);
        }
        catch (error) {
            if (error instanceof PackageError || !(error instanceof TemplateError))
                throw error;
            throw new PackageError(`${artifact.owner} ${artifact.property}: ${error.message} (${at})`, where);
        }
    }
    return plan;
}
/** True when the plan (or a nested template in it) has anything to upload. */
function hasLocalArtifacts(plan) {
    return plan.artifacts.length > 0;
}
/** The key prefix with a trailing slash, or "". */
function normalisePrefix(prefix) {
    const trimmed = (prefix ?? "").replace(/^\/+/, "");
    return trimmed === "" || trimmed.endsWith("/") ? trimmed : `${trimmed}/`;
}
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
class Packager {
    target;
    deps;
    artifacts = [];
    /** Content already packaged in this run, by source path and kind: a directory zips once. */
    done = new Map();
    uploaded = 0;
    reused = 0;
    rewrittenAsJson = false;
    temp;
    constructor(target, deps) {
        this.target = target;
        this.deps = deps;
    }
    async tempDir() {
        this.temp ??= await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), "preview-stacks-package-"));
        return this.temp;
    }
    async cleanup() {
        if (this.temp)
            await (0,promises_.rm)(this.temp, { recursive: true, force: true });
    }
    result(body, changed) {
        return {
            body,
            changed,
            artifacts: this.artifacts,
            uploaded: this.uploaded,
            reused: this.reused,
            rewrittenAsJson: this.rewrittenAsJson,
        };
    }
    key(sha256, extension) {
        return `${normalisePrefix(this.target.prefix)}artifacts/${sha256}${extension}`;
    }
    /** Uploads unless S3 already holds the key; content-addressed keys make the two the same. */
    async put(key, body, contentType) {
        const { s3 } = this.deps;
        const { bucket, region } = this.target;
        try {
            await s3.send(new dist_cjs/* HeadObjectCommand */.l81({ Bucket: bucket, Key: key }));
            return false;
        }
        catch (error) {
            const status = error?.$metadata?.httpStatusCode;
            if (status !== 404 && (0,errors.errorCode)(error) !== "NotFound" && (0,errors.errorCode)(error) !== "NoSuchKey") {
                throw (0,errors.describeAwsError)(error, { action: "s3:GetObject", bucket, region });
            }
        }
        try {
            await s3.send(new dist_cjs/* PutObjectCommand */.wKZ({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }));
        }
        catch (error) {
            throw (0,errors.describeAwsError)(error, { action: "s3:PutObject", bucket, region });
        }
        return true;
    }
    async zipped(path, isDirectory) {
        const temp = await this.tempDir();
        let dir = path;
        if (!isDirectory) {
            // A single file of code becomes a zip holding just that file, as Lambda needs.
            dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(temp, "file-"));
            await (0,promises_.copyFile)(path, (0,external_node_path_.join)(dir, (0,external_node_path_.basename)(path)));
        }
        const output = (0,external_node_path_.join)(temp, `${this.done.size}-${Date.now()}.zip`);
        const zipped = await (this.deps.zip ?? zipTree)([{ dir, prefix: "" }], output);
        return { sha256: zipped.sha256, bytes: await (0,promises_.readFile)(zipped.file) };
    }
    async upload(artifact) {
        const cacheKey = `${artifact.spec.upload}:${artifact.path}`;
        let done = this.done.get(cacheKey);
        let uploaded = false;
        if (!done) {
            let content;
            if (artifact.nested) {
                const child = await this.packageTemplate(artifact.nested);
                const bytes = Buffer.from(child, "utf8");
                content = { sha256: sha256(bytes), bytes, extension: ".template", type: "text/plain; charset=utf-8" };
            }
            else {
                const info = await (0,promises_.stat)(artifact.path);
                const raw = info.isFile() ? await (0,promises_.readFile)(artifact.path) : undefined;
                const alreadyZip = raw?.subarray(0, 4).equals(ZIP_MAGIC) ?? false;
                if (raw && (artifact.spec.upload === "file" || alreadyZip)) {
                    const extension = alreadyZip ? ".zip" : (0,external_node_path_.extname)(artifact.path).toLowerCase();
                    content = { sha256: sha256(raw), bytes: raw, extension, type: "application/octet-stream" };
                }
                else {
                    const zip = await this.zipped(artifact.path, info.isDirectory());
                    content = { ...zip, extension: ".zip", type: "application/zip" };
                }
            }
            const key = this.key(content.sha256, content.extension);
            uploaded = await this.put(key, content.bytes, content.type);
            if (uploaded)
                this.uploaded++;
            else
                this.reused++;
            done = { key, bytes: content.bytes.length };
            this.done.set(cacheKey, done);
            this.deps.log(`${artifact.owner} ${artifact.property}: ${artifact.value} → s3://${this.target.bucket}/${key} (${uploaded ? "uploaded" : "already in S3"}).`);
        }
        this.artifacts.push({
            owner: artifact.owner,
            property: artifact.property,
            value: artifact.value,
            key: done.key,
            bytes: done.bytes,
            uploaded,
        });
        return done.key;
    }
    location(shape, key) {
        const { bucket } = this.target;
        if (shape.kind === "uri")
            return `s3://${bucket}/${key}`;
        if (shape.kind === "url")
            return templateUrl(bucket, key, this.target);
        return { [shape.bucket]: bucket, [shape.key]: key };
    }
    /** The plan's template with every local path replaced by its S3 location. */
    async packageTemplate(plan) {
        if (plan.artifacts.length === 0)
            return plan.body;
        const replacements = [];
        for (const artifact of plan.artifacts) {
            const key = await this.upload(artifact);
            replacements.push({
                range: artifact.range,
                at: artifact.at,
                value: this.location(artifact.spec.shape, key),
            });
        }
        const expected = structuredClone(plan.plain);
        for (const { at, value } of replacements)
            setAt(expected, at, value);
        const spliced = splice(plan.body, replacements);
        if (spliced !== undefined) {
            const reparsed = parse_parseTemplate(spliced, plan.file);
            if (reparsed.root && (0,external_node_util_.isDeepStrictEqual)((0,nodes/* toPlain */.U)(reparsed.root), expected))
                return spliced;
        }
        // An odd value (a block scalar, say) that cannot be replaced in place: the template as JSON,
        // short forms in long form, which is still the same for the same code.
        this.rewrittenAsJson = true;
        return `${JSON.stringify(expected, null, 2)}\n`;
    }
}
function sha256(bytes) {
    return (0,external_node_crypto_.createHash)("sha256").update(bytes).digest("hex");
}
function setAt(root, path, value) {
    let node = root;
    for (const key of path.slice(0, -1))
        node = node[key];
    node[path[path.length - 1]] = value;
}
/** Offsets of the starts of lines, for line/column to offset. */
function lineStarts(text) {
    const starts = [0];
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1))
        starts.push(i + 1);
    return starts;
}
/** JSON text for a value, which YAML reads the same in flow style: `"s3://..."`, `{ "S3Bucket": ..., ... }`. */
function inlineText(value) {
    if (typeof value === "string")
        return JSON.stringify(value);
    const entries = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`);
    return `{ ${entries.join(", ")} }`;
}
/** The text with each range replaced, or undefined when a range does not span one line. */
function splice(text, replacements) {
    const starts = lineStarts(text);
    const offset = (line, column) => (starts[line - 1] ?? Number.NaN) + column - 1;
    const edits = replacements.map(({ range, value }) => ({
        start: offset(range.start.line, range.start.column),
        end: offset(range.end.line, range.end.column),
        text: inlineText(value),
        single: range.start.line === range.end.line,
    }));
    if (edits.some((e) => !e.single || !(e.end > e.start)))
        return undefined;
    edits.sort((a, b) => b.start - a.start);
    let out = text;
    for (const edit of edits)
        out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
    return out;
}
/**
 * Packages a planned template: zips and uploads its local code and nested templates, and returns
 * the template with their S3 locations. A plan without local paths returns the body as it was,
 * with no AWS call.
 */
async function runPackage(plan, target, deps) {
    if (!hasLocalArtifacts(plan)) {
        return { body: plan.body, changed: false, artifacts: [], uploaded: 0, reused: 0, rewrittenAsJson: false };
    }
    const first = plan.artifacts[0];
    if (!target.bucket) {
        throw new src_errors/* InputError */.d(target.bucketInput, `the template ${plan.file} has local paths to package (${first.owner} ${first.property}: ${first.value}, line ${first.line}), so it needs an S3 bucket in ${target.region} to upload them to. Set ${target.bucketInput}, or give S3 locations in the template.`);
    }
    if (!deps.s3)
        throw new TemplateError(`Template ${plan.file} has local paths to upload, but no S3 client was given.`);
    const packager = new Packager({ ...target, bucket: target.bucket }, { ...deps, s3: deps.s3 });
    try {
        const body = await packager.packageTemplate(plan);
        const result = packager.result(body, body !== plan.body);
        deps.log(`Packaged ${result.artifacts.length} local ${result.artifacts.length === 1 ? "path" : "paths"}: ${result.uploaded} uploaded, ${result.reused} already in S3.`);
        return result;
    }
    finally {
        await packager.cleanup();
    }
}
/** The directory a template's local paths are relative to. */
function templateDir(file, cwd = process.cwd()) {
    return (0,external_node_path_.dirname)((0,external_node_path_.resolve)(cwd, file));
}
/** Writes a packaged template into `dir` as `<name>.packaged.<ext>`; returns its path. */
async function writePackagedTemplate(dir, file, body) {
    await (0,promises_.mkdir)(dir, { recursive: true });
    const ext = (0,external_node_path_.extname)(file).toLowerCase();
    const name = `${(0,external_node_path_.basename)(file, (0,external_node_path_.extname)(file))}.packaged${ext === ".json" ? ".json" : ext || ".yaml"}`;
    const path = (0,external_node_path_.join)(dir, name);
    await (0,promises_.writeFile)(path, body);
    return path;
}


/***/ }),

/***/ 9363:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseYamlWithLibrary: () => (/* binding */ parseYamlWithLibrary)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _lines__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(297);
/* harmony import */ var _short_forms__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4418);



/**
 * Declaring the short forms keeps the library from warning about each one (thousands in a big
 * template); a tagged scalar stays a string, as CloudFormation reads `!Ref 123` as "123".
 */
const CUSTOM_TAGS = _short_forms__WEBPACK_IMPORTED_MODULE_1__/* .SHORT_FORM_TAGS */ .o.flatMap((tag) => [
    { tag, resolve: (text) => text },
    { tag, collection: "map", nodeClass: yaml__WEBPACK_IMPORTED_MODULE_0__/* .YAMLMap */ .CA },
    { tag, collection: "seq", nodeClass: yaml__WEBPACK_IMPORTED_MODULE_0__/* .YAMLSeq */ .Rw },
]);
const CORE_TAG_PREFIX = "tag:yaml.org,2002:";
/** The exact reader, for everything the fast one leaves aside, and the one that explains errors. */
function parseYamlWithLibrary(source, file, lines) {
    const findings = [];
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(source, {
        customTags: CUSTOM_TAGS,
        // Duplicates are reported here in cfn-lint's words, keeping the first value.
        uniqueKeys: false,
        merge: false,
        prettyErrors: false,
        schema: "core",
        strict: true,
    });
    for (const problem of [...doc.errors, ...doc.warnings]) {
        if (problem.code === "TAG_RESOLVE_FAILED")
            continue;
        const [start, end] = problem.pos;
        findings.push((0,_lines__WEBPACK_IMPORTED_MODULE_2__/* .parseFinding */ .jZ)(file, firstLine(problem.message), lines.range(start, Math.max(end, start))));
    }
    const contents = doc.contents;
    if (!contents)
        return { root: undefined, findings };
    const converter = new Converter(doc, source, file, lines, findings);
    const root = converter.node(contents);
    return { root, findings };
}
function firstLine(message) {
    const nl = message.indexOf("\n");
    return nl === -1 ? message : message.slice(0, nl);
}
class Converter {
    doc;
    src;
    file;
    lines;
    findings;
    done = new Map();
    active = new Set();
    constructor(doc, src, file, lines, findings) {
        this.doc = doc;
        this.src = src;
        this.file = file;
        this.lines = lines;
        this.findings = findings;
    }
    node(yaml) {
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(yaml))
            return this.alias(yaml);
        const known = this.done.get(yaml);
        if (known)
            return known;
        this.active.add(yaml);
        let node = this.untagged(yaml);
        const tag = yaml.tag;
        if (tag && !tag.startsWith(CORE_TAG_PREFIX))
            node = this.tagged(yaml, tag, node);
        this.active.delete(yaml);
        // Anchored nodes are remembered so aliases share one converted node: no exponential
        // blow-up from nested aliases, and cycles are caught through `active`.
        if (yaml.anchor)
            this.done.set(yaml, node);
        return node;
    }
    alias(alias) {
        const [start, end] = alias.range ?? [0, 0];
        const range = this.lines.range(start, end);
        const target = alias.resolve(this.doc);
        if (!target) {
            this.findings.push((0,_lines__WEBPACK_IMPORTED_MODULE_2__/* .parseFinding */ .jZ)(this.file, `Unknown anchor: *${alias.source}`, range));
            return { kind: "scalar", value: null, range };
        }
        if (this.active.has(target)) {
            this.findings.push((0,_lines__WEBPACK_IMPORTED_MODULE_2__/* .parseFinding */ .jZ)(this.file, `Alias *${alias.source} refers to itself`, range));
            return { kind: "scalar", value: null, range };
        }
        return this.node(target);
    }
    untagged(yaml) {
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(yaml))
            return this.scalar(yaml);
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(yaml)) {
            const items = yaml.items.map((item) => this.node(item));
            const seq = { kind: "seq", items, range: this.collectionRange(yaml, items) };
            return seq;
        }
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(yaml))
            return this.map(yaml);
        const [start, end] = yaml.range ?? [0, 0];
        return { kind: "scalar", value: null, range: this.lines.range(start, end) };
    }
    scalar(yaml) {
        const [start, valueEnd] = yaml.range ?? [0, 0];
        let end = valueEnd;
        if (yaml.type === yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5.BLOCK_LITERAL || yaml.type === yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5.BLOCK_FOLDED) {
            // The library's block scalar range runs over the trailing line breaks; an annotation
            // should stop at the last character of text.
            while (end > start && isSpace(this.src.charCodeAt(end - 1)))
                end--;
        }
        const value = yaml.value;
        const typed = value === null || typeof value === "string" || typeof value === "boolean"
            ? value
            : typeof value === "number"
                ? value
                : String(value);
        return { kind: "scalar", value: typed, range: this.lines.range(start, end) };
    }
    map(yaml) {
        const entries = [];
        const seen = new Map();
        for (const pair of yaml.items) {
            if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isPair */ .tO)(pair))
                continue;
            const keyNode = pair.key;
            const value = isEmptyScalar(pair.value)
                ? this.emptyValue(pair.key)
                : this.node(pair.value);
            if (!keyNode || !(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(keyNode) || keyNode.value === null) {
                const at = keyNode?.range ?? pair.value?.range ?? [0, 0];
                this.findings.push((0,_lines__WEBPACK_IMPORTED_MODULE_2__/* .parseFinding */ .jZ)(this.file, keyNode && !(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(keyNode)
                    ? "Mapping keys must be plain text, not collections"
                    : "Null key is not supported", this.lines.range(at[0], at[1])));
                continue;
            }
            const key = keyText(keyNode);
            const [ks, ke] = keyNode.range ?? [0, 0];
            const keyRange = this.lines.range(ks, ke);
            const first = seen.get(key);
            if (first !== undefined) {
                this.findings.push((0,_lines__WEBPACK_IMPORTED_MODULE_2__/* .parseFinding */ .jZ)(this.file, (0,_lines__WEBPACK_IMPORTED_MODULE_2__/* .duplicateKeyMessage */ .AN)(key, first), keyRange));
                continue;
            }
            seen.set(key, keyRange.start.line);
            entries.push({ key, keyRange, value });
        }
        return { kind: "map", entries, range: this.collectionRange(yaml, entries) };
    }
    /** `Key:` with nothing after it is null, positioned just after the colon. */
    emptyValue(key) {
        const end = key?.range?.[1] ?? 0;
        const colon = this.src.indexOf(":", end);
        const at = colon === -1 ? end : colon + 1;
        return { kind: "scalar", value: null, range: this.lines.range(at, at) };
    }
    /**
     * Flow collections end at their closing bracket. Block collections, in the library, run over
     * trailing comments and blank lines; they end where their last key or value ends instead.
     */
    collectionRange(yaml, children) {
        const [start, end] = yaml.range ?? [0, 0];
        if (yaml.flow || children.length === 0) {
            return this.lines.range(start, end);
        }
        const last = children[children.length - 1];
        const lastEnd = "kind" in last ? last.range.end : last.value.range.end;
        const keyEnd = "kind" in last ? lastEnd : last.keyRange.end;
        const endPos = after(keyEnd, lastEnd) ? keyEnd : lastEnd;
        return { start: this.lines.position(start), end: endPos };
    }
    tagged(yaml, tag, node) {
        const [valueStart] = yaml.range ?? [0, 0];
        const tagStart = this.src.lastIndexOf(tag, valueStart);
        const type = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(yaml) ? yaml.type : undefined;
        const textStart = type === yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5.PLAIN
            ? valueStart
            : type === yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5.QUOTE_DOUBLE || type === yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5.QUOTE_SINGLE
                ? valueStart + 1
                : undefined;
        return (0,_short_forms__WEBPACK_IMPORTED_MODULE_1__/* .applyShortForm */ .T)(this, tag, tagStart === -1 ? valueStart : tagStart, node, textStart);
    }
}
/**
 * `Key:` with nothing after it. The library sometimes gives no value and sometimes an empty
 * scalar placed after trailing spaces or before a comment; both read as null just after the colon.
 */
function isEmptyScalar(value) {
    if (!value)
        return true;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(value) || value.value !== null || value.tag || value.anchor)
        return false;
    const range = value.range;
    return !range || range[0] === range[1];
}
function keyText(key) {
    const value = key.value;
    if (typeof value === "string")
        return value;
    // `80: x` or `true: x` name the key as written, not as the number or boolean it resolves to.
    const source = key.source;
    return typeof source === "string" ? source : String(value);
}
function isSpace(c) {
    return c === 32 || c === 10 || c === 13 || c === 9;
}
function after(a, b) {
    return a.line > b.line || (a.line === b.line && a.column > b.column);
}


/***/ })

};
