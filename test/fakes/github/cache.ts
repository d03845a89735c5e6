// The Actions cache service (v2) that @actions/cache talks to: the Twirp CacheService named by
// ACTIONS_RESULTS_URL, and the blob store behind the signed upload and download URLs it hands out.
// Entries are opaque blobs (the client's tar.zst or tar.gz); the fake never looks inside them.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

export const CACHE_SERVICE = "github.actions.results.api.v1.CacheService";
const TWIRP_PREFIX = `/twirp/${CACHE_SERVICE}/`;
/**
 * Signed URLs use Azure's IP-style form (account, container, blob in the path, as Azurite does): the Azure
 * SDK's BlobClient needs a container and a blob name in the path to accept a URL that is not *.blob.core.windows.net.
 */
const BLOB_PREFIX = "/devstoreaccount1/actions-cache/";
const MAX_KEY_LENGTH = 512;

/** A cache scope from the runtime token: a ref, and what the token may do in it (1 read, 2 write, 3 both). */
export interface CacheScope {
  scope: string;
  permission: number;
}

export interface CacheTokenOptions {
  /** The run's ref: its caches are written here and read first; "refs/heads/main" by default. */
  ref?: string;
  /** Further refs the run may read, in search order (a pull request's base branch, the default branch). */
  restoreFrom?: string[];
  /** No write permission anywhere, as for a run triggered by an untrusted event. */
  readOnly?: boolean;
}

export interface CacheEntry {
  id: number;
  key: string;
  version: string;
  scope: string;
  /** False until FinalizeCacheEntryUpload: a reserved entry blocks the key but is never restored. */
  finalized: boolean;
  /** The uploaded blob; undefined until the client uploads. */
  data: Buffer | undefined;
  /** size_bytes sent with FinalizeCacheEntryUpload. */
  sizeBytes: number;
  createdAt: number;
  finalizedAt?: number;
  lastAccessedAt?: number;
  blobId: string;
  /** Blocks staged with Put Block and not yet committed. */
  blocks: Map<string, Buffer>;
}

export interface CacheCall {
  kind: "twirp" | "blob";
  /** The Twirp method (GetCacheEntryDownloadURL, CreateCacheEntry, FinalizeCacheEntryUpload), or the blob operation (PutBlob, PutBlock, PutBlockList, GetBlob, GetBlobProperties). */
  op: string;
  method: string;
  path: string;
  /** Parsed JSON body of Twirp calls. */
  body?: unknown;
  key?: string;
  version?: string;
  /** Blob bytes received (uploads) or sent (downloads). */
  bytes?: number;
  status: number;
  /** Set when cache.down() answered instead of the service. */
  fault?: "down";
  time: number;
}

export interface CacheDownOptions {
  /**
   * Without a status (the default) every cache request has its connection reset, as when the service is
   * unreachable: the client gives up at once (ECONNRESET is a network error it never retries). A status
   * answers a Twirp error instead: 429 is not retried either; 500, 502 and 503 are retried 5 times with
   * 3 s, 4.5 s… waits growing by 1.5 times that no option shortens, so such a test takes about 30 s of real time.
   */
  status?: 429 | 500 | 502 | 503;
  /** How many requests fail; every request until up() when absent. */
  times?: number;
}

interface TwirpError {
  status: number;
  code: string;
  msg: string;
}

/**
 * The version @actions/cache 6.x sends for these paths (exactly as given to saveCache/restoreCache) on Linux:
 * the compression is "zstd-without-long" when zstd is installed (as here), "gzip" otherwise.
 */
export function cacheVersion(
  paths: string[],
  compression: "zstd-without-long" | "gzip" = "zstd-without-long",
): string {
  return createHash("sha256")
    .update([...paths, compression, "1.0"].join("|"))
    .digest("hex");
}

const twirpError = (status: number, code: string, msg: string): TwirpError => ({ status, code, msg });

function azureError(res: ServerResponse, status: number, code: string, message: string): void {
  const body = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}\nRequestId:${randomBytes(8).toString("hex")}\nTime:${new Date().toISOString()}</Message></Error>`;
  res.writeHead(status, {
    "content-type": "application/xml",
    "content-length": String(Buffer.byteLength(body)),
    "x-ms-error-code": code,
    "x-ms-version": "2025-01-05",
  });
  res.end(body);
}

const b64url = (s: string | Buffer) => Buffer.from(s).toString("base64url");

function str(v: unknown): string {
  return typeof v === "string" ? v : "";
}

/**
 * The cache service state and its HTTP handler. Mounted in the fake GitHub server, which routes every path
 * it `handles` here before GitHub's own authentication.
 */
export class FakeCacheService {
  /** Every entry, reserved or finalized, oldest first. */
  readonly entries: CacheEntry[] = [];
  readonly calls: CacheCall[] = [];
  private readonly secret = randomBytes(32);
  private nextId = 1;
  private outage: { status?: number; remaining: number } | undefined;

  constructor(
    private readonly baseUrl: () => string,
    private readonly now: () => number,
  ) {}

  /** The cache service fails every request (or the next `times`) until up(); see CacheDownOptions. */
  down(options: CacheDownOptions = {}): void {
    this.outage = { status: options.status, remaining: options.times ?? Number.POSITIVE_INFINITY };
  }

  up(): void {
    this.outage = undefined;
  }

  /**
   * A runtime token (an HS256 JWT) whose `ac` claim lists the cache scopes as the runner's token does:
   * the run's ref with read and write, then the `restoreFrom` refs read-only.
   */
  token(options: CacheTokenOptions = {}): string {
    const ref = options.ref ?? "refs/heads/main";
    const scopes: CacheScope[] = [
      { scope: ref, permission: options.readOnly ? 1 : 3 },
      ...(options.restoreFrom ?? []).filter((r) => r !== ref).map((scope) => ({ scope, permission: 1 })),
    ];
    const header = b64url(JSON.stringify({ typ: "JWT", alg: "HS256" }));
    const payload = b64url(
      JSON.stringify({
        iss: "fake-github",
        aud: "actions.results",
        ac: JSON.stringify(scopes.map((s) => ({ Scope: s.scope, Permission: s.permission }))),
      }),
    );
    return `${header}.${payload}.${this.sign(`${header}.${payload}`)}`;
  }

  /**
   * What a child process (a bundled action) needs for @actions/cache to use this service. The action also
   * needs RUNNER_TEMP (the client's archive directory; $HOME/actions/temp otherwise) and, when it caches
   * relative paths, GITHUB_WORKSPACE.
   */
  env(options: CacheTokenOptions = {}): Record<string, string> {
    return {
      ACTIONS_CACHE_SERVICE_V2: "True",
      ACTIONS_RESULTS_URL: `${this.baseUrl()}/`,
      ACTIONS_RUNTIME_TOKEN: this.token(options),
      // Any other host counts as GHES, where the client falls back to the v1 service.
      GITHUB_SERVER_URL: "https://github.com",
    };
  }

  /** Finalized entries, newest first, optionally of one key or scope. */
  list(filter: { key?: string; scope?: string } = {}): CacheEntry[] {
    return this.newestFirst(
      this.entries.filter(
        (e) =>
          e.finalized &&
          (filter.key === undefined || e.key === filter.key) &&
          (filter.scope === undefined || e.scope === filter.scope),
      ),
    );
  }

  /** A finalized entry, as if an earlier run had saved it; `version` must be the client's for the paths. */
  seed(entry: {
    key: string;
    version: string;
    data: Buffer;
    scope?: string;
    createdAt?: number;
  }): CacheEntry {
    const e = this.reserve(entry.key, entry.version, entry.scope ?? "refs/heads/main");
    e.data = entry.data;
    e.sizeBytes = entry.data.length;
    e.createdAt = entry.createdAt ?? e.createdAt;
    e.finalized = true;
    e.finalizedAt = e.createdAt;
    return e;
  }

  /** Forget every entry (calls stay). */
  clear(): void {
    this.entries.length = 0;
  }

  handles(path: string): boolean {
    return path.startsWith("/twirp/") || path.startsWith(BLOB_PREFIX);
  }

  async handle(req: IncomingMessage, res: ServerResponse, url: URL) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const method = req.method ?? "GET";
    const twirp = url.pathname.startsWith("/twirp/");
    const call: CacheCall = {
      kind: twirp ? "twirp" : "blob",
      op: twirp ? url.pathname.slice(url.pathname.lastIndexOf("/") + 1) : blobOp(method, url),
      method,
      path: url.pathname,
      status: 0,
      time: this.now(),
    };
    this.calls.push(call);

    if (this.outage && this.outage.remaining > 0) {
      this.outage.remaining--;
      call.fault = "down";
      if (this.outage.status === undefined) {
        res.socket?.destroy();
        return;
      }
      if (!twirp) {
        call.status = this.outage.status === 429 ? 503 : this.outage.status;
        return azureError(
          res,
          call.status,
          "ServerBusy",
          "The server is currently unable to receive requests.",
        );
      }
      const err = twirpError(
        this.outage.status,
        this.outage.status === 429 ? "resource_exhausted" : "unavailable",
        "the fake cache service is down",
      );
      call.status = err.status;
      if (this.outage.status === 429) res.setHeader("retry-after", "60");
      return this.sendTwirp(res, err.status, { code: err.code, msg: err.msg });
    }

    if (twirp) return this.handleTwirp(req, res, url, raw, call);
    return this.handleBlob(req, res, url, raw, call);
  }

  // ---- Twirp ----

  private handleTwirp(req: IncomingMessage, res: ServerResponse, url: URL, raw: Buffer, call: CacheCall) {
    const reply = (status: number, body: unknown) => {
      call.status = status;
      this.sendTwirp(res, status, body);
    };
    const fail = (e: TwirpError) => reply(e.status, { code: e.code, msg: e.msg });

    if (req.method !== "POST" || !url.pathname.startsWith(TWIRP_PREFIX)) {
      return fail(twirpError(404, "bad_route", `no handler for path "${url.pathname}"`));
    }
    const scopes = this.verify(req.headers.authorization);
    if (!scopes) return fail(twirpError(401, "unauthenticated", "invalid or missing runtime token"));
    if (!/^application\/json\b/i.test(req.headers["content-type"] ?? "")) {
      // The fake speaks only Twirp's JSON encoding, which is what @actions/cache sends.
      return fail(twirpError(415, "malformed", "the fake cache service accepts only application/json"));
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw.toString("utf8") || "{}") as Record<string, unknown>;
    } catch {
      return fail(twirpError(400, "malformed", "the request body is not valid JSON"));
    }
    call.body = body;
    call.key = str(body.key);
    call.version = str(body.version);
    const key = call.key;
    const version = call.version;
    if (key === "") return fail(twirpError(400, "invalid_argument", "key is required"));
    if (key.length > MAX_KEY_LENGTH || key.includes(",")) {
      return fail(twirpError(400, "invalid_argument", `invalid key: ${key}`));
    }
    if (version === "") return fail(twirpError(400, "invalid_argument", "version is required"));
    const writable = scopes.find((s) => (s.permission & 2) !== 0);

    switch (call.op) {
      case "GetCacheEntryDownloadURL": {
        const readable = scopes.filter((s) => (s.permission & 1) !== 0);
        if (readable.length === 0) {
          return fail(
            twirpError(403, "permission_denied", "cache read denied: token has no readable scopes"),
          );
        }
        const restoreKeys = Array.isArray(body.restore_keys) ? body.restore_keys.map(str) : [];
        const entry = this.match(
          key,
          restoreKeys,
          version,
          readable.map((s) => s.scope),
        );
        if (!entry) return reply(200, { ok: false, signed_download_url: "", matched_key: "" });
        entry.lastAccessedAt = this.now();
        return reply(200, {
          ok: true,
          signed_download_url: this.signedUrl(entry.blobId, "r"),
          matched_key: entry.key,
        });
      }
      case "CreateCacheEntry": {
        if (!writable) {
          return reply(200, { ok: false, message: "cache write denied: token has no writable scopes" });
        }
        if (this.find(key, version, writable.scope)) {
          return fail(
            twirpError(
              409,
              "already_exists",
              "cache entry with the same key, version, and scope already exists",
            ),
          );
        }
        const entry = this.reserve(key, version, writable.scope);
        return reply(200, { ok: true, signed_upload_url: this.signedUrl(entry.blobId, "cw") });
      }
      case "FinalizeCacheEntryUpload": {
        const entry = writable && this.find(key, version, writable.scope);
        if (!entry) return fail(twirpError(404, "not_found", "cache entry not found"));
        if (entry.finalized) {
          return fail(twirpError(409, "already_exists", "cache entry has already been finalized"));
        }
        const size = Number(str(body.size_bytes) || body.size_bytes || 0);
        if (entry.data === undefined) {
          return reply(200, {
            ok: false,
            entry_id: "0",
            message: "no blob was uploaded for this cache entry",
          });
        }
        if (size !== entry.data.length) {
          return reply(200, {
            ok: false,
            entry_id: "0",
            message: `size_bytes ${size} does not match the uploaded blob's ${entry.data.length} bytes`,
          });
        }
        entry.finalized = true;
        entry.sizeBytes = size;
        entry.finalizedAt = this.now();
        return reply(200, { ok: true, entry_id: String(entry.id) });
      }
      default:
        return fail(twirpError(404, "bad_route", `no handler for path "${url.pathname}"`));
    }
  }

  private sendTwirp(res: ServerResponse, status: number, body: unknown): void {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      "content-type": "application/json",
      "content-length": String(Buffer.byteLength(text)),
    });
    res.end(text);
  }

  /**
   * As the service searches: in each readable scope in the token's order, the primary key exactly, then
   * as a prefix, then each restore key as a prefix; among several prefix matches the newest wins. The
   * version must match exactly, and only finalized entries count.
   */
  private match(
    key: string,
    restoreKeys: string[],
    version: string,
    scopes: string[],
  ): CacheEntry | undefined {
    for (const scope of scopes) {
      const candidates = this.newestFirst(
        this.entries.filter((e) => e.finalized && e.scope === scope && e.version === version),
      );
      const exact = candidates.find((e) => e.key === key);
      if (exact) return exact;
      for (const prefix of [key, ...restoreKeys]) {
        const hit = candidates.find((e) => e.key.startsWith(prefix));
        if (hit) return hit;
      }
    }
    return undefined;
  }

  private newestFirst(entries: CacheEntry[]): CacheEntry[] {
    return [...entries].sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
  }

  private find(key: string, version: string, scope: string): CacheEntry | undefined {
    return this.entries.find((e) => e.key === key && e.version === version && e.scope === scope);
  }

  private reserve(key: string, version: string, scope: string): CacheEntry {
    const entry: CacheEntry = {
      id: this.nextId++,
      key,
      version,
      scope,
      finalized: false,
      data: undefined,
      sizeBytes: 0,
      createdAt: this.now(),
      blobId: randomBytes(16).toString("hex"),
      blocks: new Map(),
    };
    this.entries.push(entry);
    return entry;
  }

  private verify(authorization: string | undefined): CacheScope[] | undefined {
    const m = /^bearer\s+([\w-]+)\.([\w-]+)\.([\w-]+)$/i.exec(authorization ?? "");
    if (!m) return undefined;
    const expected = Buffer.from(this.sign(`${m[1]}.${m[2]}`));
    const given = Buffer.from(m[3]);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      const claims = JSON.parse(Buffer.from(m[2], "base64url").toString("utf8")) as { ac?: string };
      const ac = JSON.parse(claims.ac ?? "[]") as { Scope: string; Permission: number }[];
      return ac.map((s) => ({ scope: s.Scope, permission: s.Permission }));
    } catch {
      return undefined;
    }
  }

  private sign(data: string): string {
    return createHmac("sha256", this.secret).update(data).digest("base64url");
  }

  // ---- Blob store ----

  private signedUrl(blobId: string, permissions: "r" | "cw"): string {
    const sig = this.sign(`${blobId}\n${permissions}`);
    return `${this.baseUrl()}${BLOB_PREFIX}${blobId}?sv=2025-01-05&sr=b&sp=${permissions}&sig=${encodeURIComponent(sig)}`;
  }

  private handleBlob(req: IncomingMessage, res: ServerResponse, url: URL, raw: Buffer, call: CacheCall) {
    const fail = (status: number, code: string, message: string) => {
      call.status = status;
      azureError(res, status, code, message);
    };
    const blobId = url.pathname.slice(BLOB_PREFIX.length);
    const sp = url.searchParams.get("sp") ?? "";
    const sig = url.searchParams.get("sig") ?? "";
    if (sig !== this.sign(`${blobId}\n${sp}`)) {
      return fail(
        403,
        "AuthenticationFailed",
        "Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.",
      );
    }
    const entry = this.entries.find((e) => e.blobId === blobId);
    if (!entry) return fail(404, "BlobNotFound", "The specified blob does not exist.");
    call.key = entry.key;
    call.version = entry.version;
    const headers = (extra: Record<string, string> = {}) => ({
      etag: `"0x${entry.id.toString(16).toUpperCase()}${entry.createdAt.toString(16).toUpperCase()}"`,
      "last-modified": new Date(entry.finalizedAt ?? entry.createdAt).toUTCString(),
      "x-ms-request-id": randomBytes(8).toString("hex"),
      "x-ms-version": "2025-01-05",
      date: new Date().toUTCString(),
      ...extra,
    });
    const created = () => {
      call.status = 201;
      res.writeHead(201, headers({ "content-length": "0", "x-ms-request-server-encrypted": "true" }));
      res.end();
    };

    if (req.method === "PUT") {
      if (!sp.includes("w")) {
        return fail(
          403,
          "AuthorizationPermissionMismatch",
          "This request is not authorized to perform this operation using this permission.",
        );
      }
      // The upload URL is good only while the entry is reserved, as the service's short-lived SAS is.
      if (entry.finalized)
        return fail(409, "BlobImmutable", "This operation is not permitted as the blob is immutable.");
      call.bytes = raw.length;
      const comp = url.searchParams.get("comp");
      if (comp === null) {
        if (req.headers["x-ms-blob-type"] !== "BlockBlob") {
          return fail(
            400,
            "MissingRequiredHeader",
            "An HTTP header that's mandatory for this request is not specified.",
          );
        }
        entry.data = raw;
        entry.blocks.clear();
        return created();
      }
      if (comp === "block") {
        const blockId = url.searchParams.get("blockid");
        if (!blockId) return fail(400, "InvalidQueryParameterValue", "blockid is required.");
        entry.blocks.set(blockId, raw);
        return created();
      }
      if (comp === "blocklist") {
        const ids = [...raw.toString("utf8").matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\//g)].map(
          (m) => m[1],
        );
        const parts: Buffer[] = [];
        for (const id of ids) {
          const block = entry.blocks.get(id);
          if (!block) return fail(400, "InvalidBlockList", "The specified block list is invalid.");
          parts.push(block);
        }
        entry.data = Buffer.concat(parts);
        entry.blocks.clear();
        return created();
      }
      return fail(400, "InvalidQueryParameterValue", `comp=${comp} is not supported by the fake.`);
    }

    if (req.method === "GET" || req.method === "HEAD") {
      if (!sp.includes("r")) {
        return fail(
          403,
          "AuthorizationPermissionMismatch",
          "This request is not authorized to perform this operation using this permission.",
        );
      }
      if (!entry.finalized || entry.data === undefined) {
        return fail(404, "BlobNotFound", "The specified blob does not exist.");
      }
      const data = entry.data;
      const range = /^bytes=(\d+)-(\d*)$/.exec(String(req.headers["x-ms-range"] ?? req.headers.range ?? ""));
      let start = 0;
      let end = data.length - 1;
      if (range) {
        start = Number(range[1]);
        end = range[2] === "" ? end : Math.min(end, Number(range[2]));
        if (start >= data.length) {
          return fail(
            416,
            "InvalidRange",
            "The range specified is invalid for the current size of the resource.",
          );
        }
      }
      const body = data.subarray(start, end + 1);
      const status = range ? 206 : 200;
      call.status = status;
      call.bytes = req.method === "GET" ? body.length : 0;
      res.writeHead(
        status,
        headers({
          "content-type": "application/octet-stream",
          "content-length": String(body.length),
          "accept-ranges": "bytes",
          "x-ms-blob-type": "BlockBlob",
          ...(range ? { "content-range": `bytes ${start}-${end}/${data.length}` } : {}),
        }),
      );
      res.end(req.method === "GET" ? body : undefined);
      return;
    }
    return fail(405, "UnsupportedHttpVerb", "The resource doesn't support the specified HTTP verb.");
  }
}

function blobOp(method: string, url: URL): string {
  if (method === "PUT") {
    const comp = url.searchParams.get("comp");
    return comp === "block" ? "PutBlock" : comp === "blocklist" ? "PutBlockList" : "PutBlob";
  }
  if (method === "HEAD") return "GetBlobProperties";
  if (method === "GET") return "GetBlob";
  return method;
}
