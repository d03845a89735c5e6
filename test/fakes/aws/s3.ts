// S3 as the SDK sees it: REST-XML, path-style addressing, the object, version and batch-delete
// operations the project uses, with the error codes and headers real S3 sends.
import { createHash, randomBytes } from "node:crypto";
import { crc32 } from "node:zlib";
import { credentialScope, escapeXml, requestId } from "./protocol";
import type { FakeContext, FakeRequest, FakeResponse } from "./types";

const XMLNS = "http://s3.amazonaws.com/doc/2006-03-01/";
const OWNER_ID = "75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a";

export type VersioningStatus = "Enabled" | "Suspended";

export interface S3ObjectVersion {
  key: string;
  /** "null" for objects written while versioning was never enabled or was suspended. */
  versionId: string;
  deleteMarker: boolean;
  body: Buffer;
  etag: string;
  lastModified: Date;
  contentType: string;
  metadata: Record<string, string>;
  /** Header name (x-amz-checksum-crc32, ...) and value the client sent, returned on checksum-mode reads. */
  checksum?: { header: string; value: string };
  /** Other representation headers stored as sent: cache-control, content-encoding, content-disposition. */
  headers: Record<string, string>;
}

export interface S3Bucket {
  name: string;
  region: string;
  creationDate: Date;
  /** Undefined while versioning has never been enabled. */
  versioning?: VersioningStatus;
  /** Versions per key, newest last. An unversioned key holds exactly one "null" version. */
  objects: Map<string, S3ObjectVersion[]>;
}

export interface S3StateOptions {
  /** Region of buckets created without one. */
  region?: string;
  clock?: { now(): number };
}

export class S3State {
  readonly buckets = new Map<string, S3Bucket>();
  readonly defaultRegion: string;
  private readonly clock: { now(): number };

  constructor(options: S3StateOptions = {}) {
    this.defaultRegion = options.region ?? "us-east-1";
    this.clock = options.clock ?? { now: () => Date.now() };
  }

  createBucket(name: string, region?: string): S3Bucket {
    const existing = this.buckets.get(name);
    if (existing) return existing;
    const bucket: S3Bucket = {
      name,
      region: region ?? this.defaultRegion,
      creationDate: new Date(this.clock.now()),
      objects: new Map(),
    };
    this.buckets.set(name, bucket);
    return bucket;
  }

  hasBucket(name: string): boolean {
    return this.buckets.has(name);
  }

  bucketRegion(name: string): string | undefined {
    return this.buckets.get(name)?.region;
  }

  /** True when the bucket holds no objects and no versions or delete markers; false when it does not exist. */
  isBucketEmpty(name: string): boolean {
    const bucket = this.buckets.get(name);
    return bucket !== undefined && bucket.objects.size === 0;
  }

  /** Removes the bucket whatever it holds; callers that mimic S3 check isBucketEmpty first. */
  deleteBucket(name: string): boolean {
    return this.buckets.delete(name);
  }

  setVersioning(name: string, status: VersioningStatus): void {
    this.requireBucket(name).versioning = status;
  }

  getVersioning(name: string): VersioningStatus | undefined {
    return this.buckets.get(name)?.versioning;
  }

  /** The current bytes of an object, or a given version's; undefined when absent or a delete marker. */
  getObject(bucket: string, key: string, versionId?: string): Buffer | undefined {
    const version = this.findVersion(bucket, key, versionId);
    return version && !version.deleteMarker ? version.body : undefined;
  }

  findVersion(bucket: string, key: string, versionId?: string): S3ObjectVersion | undefined {
    const versions = this.buckets.get(bucket)?.objects.get(key);
    if (!versions) return undefined;
    if (versionId === undefined) return versions[versions.length - 1];
    return versions.find((v) => v.versionId === versionId);
  }

  putObject(
    bucket: string,
    key: string,
    body: Buffer,
    options: Partial<Pick<S3ObjectVersion, "contentType" | "metadata" | "checksum" | "headers">> = {},
  ): S3ObjectVersion {
    const b = this.requireBucket(bucket);
    const version: S3ObjectVersion = {
      key,
      versionId: b.versioning === "Enabled" ? newVersionId() : "null",
      deleteMarker: false,
      body,
      etag: `"${createHash("md5").update(body).digest("hex")}"`,
      lastModified: new Date(this.clock.now()),
      contentType: options.contentType ?? "binary/octet-stream",
      metadata: options.metadata ?? {},
      checksum: options.checksum,
      headers: options.headers ?? {},
    };
    this.addVersion(b, version);
    return version;
  }

  /**
   * Deletes as S3 does without a version id: removes the object when versioning was never enabled,
   * otherwise adds a delete marker (id "null" while suspended). Returns the marker, if one was added.
   */
  deleteObject(bucket: string, key: string): S3ObjectVersion | undefined {
    const b = this.requireBucket(bucket);
    if (b.versioning === undefined) {
      b.objects.delete(key);
      return undefined;
    }
    const marker: S3ObjectVersion = {
      key,
      versionId: b.versioning === "Enabled" ? newVersionId() : "null",
      deleteMarker: true,
      body: Buffer.alloc(0),
      etag: "",
      lastModified: new Date(this.clock.now()),
      contentType: "",
      metadata: {},
      headers: {},
    };
    this.addVersion(b, marker);
    return marker;
  }

  /** Permanently removes one version (or delete marker); returns it, or undefined when there was none. */
  deleteVersion(bucket: string, key: string, versionId: string): S3ObjectVersion | undefined {
    const b = this.requireBucket(bucket);
    const versions = b.objects.get(key);
    const i = versions?.findIndex((v) => v.versionId === versionId) ?? -1;
    if (!versions || i < 0) return undefined;
    const [removed] = versions.splice(i, 1);
    if (versions.length === 0) b.objects.delete(key);
    return removed;
  }

  /** Keys whose current version is an object (not a delete marker), sorted as S3 lists them. */
  listKeys(bucket: string): string[] {
    const b = this.buckets.get(bucket);
    if (!b) return [];
    return sortedKeys(b).filter((k) => !latest(b, k).deleteMarker);
  }

  /** Every version and delete marker, keys ascending and newest first within a key. */
  listVersions(bucket: string): S3ObjectVersion[] {
    const b = this.buckets.get(bucket);
    if (!b) return [];
    return sortedKeys(b).flatMap((k) => [...(b.objects.get(k) ?? [])].reverse());
  }

  private addVersion(b: S3Bucket, version: S3ObjectVersion): void {
    const versions = b.objects.get(version.key) ?? [];
    // A "null" version is overwritten in place of the previous "null" one, as S3 does while suspended.
    const kept = version.versionId === "null" ? versions.filter((v) => v.versionId !== "null") : versions;
    kept.push(version);
    b.objects.set(version.key, kept);
  }

  private requireBucket(name: string): S3Bucket {
    const b = this.buckets.get(name);
    if (!b) throw new Error(`fake S3: bucket ${name} does not exist`);
    return b;
  }
}

function newVersionId(): string {
  return randomBytes(24).toString("base64url");
}

function latest(b: S3Bucket, key: string): S3ObjectVersion {
  const versions = b.objects.get(key) ?? [];
  return versions[versions.length - 1];
}

/** S3 lists keys in UTF-8 binary order, which differs from JavaScript's UTF-16 order. */
function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

function sortedKeys(b: S3Bucket): string[] {
  return [...b.objects.keys()].sort(compareKeys);
}

class S3Error extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const noSuchBucket = (name: string) =>
  new S3Error(404, "NoSuchBucket", "The specified bucket does not exist", { BucketName: name });
const noSuchKey = (key: string, headers: Record<string, string> = {}) =>
  new S3Error(404, "NoSuchKey", "The specified key does not exist.", { Key: key }, headers);
const malformedXml = () =>
  new S3Error(
    400,
    "MalformedXML",
    "The XML you provided was not well-formed or did not validate against our published schema",
  );

function baseHeaders(): Record<string, string> {
  return {
    "x-amz-request-id": requestId().replace(/-/g, "").slice(0, 16).toUpperCase(),
    "x-amz-id-2": randomBytes(48).toString("base64"),
  };
}

function errorResponse(req: FakeRequest, err: S3Error): FakeResponse {
  const headers = { ...baseHeaders(), ...err.headers };
  if (req.method === "HEAD") return { status: err.status, headers };
  let fields = "";
  for (const [k, v] of Object.entries(err.fields)) fields += `<${k}>${escapeXml(v)}</${k}>`;
  return {
    status: err.status,
    headers: { ...headers, "content-type": "application/xml" },
    body:
      `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${err.code}</Code>` +
      `<Message>${escapeXml(err.message)}</Message>${fields}` +
      `<RequestId>${headers["x-amz-request-id"]}</RequestId><HostId>${headers["x-amz-id-2"]}</HostId></Error>`,
  };
}

function xmlResponse(xml: string, headers: Record<string, string> = {}): FakeResponse {
  return {
    status: 200,
    headers: { ...baseHeaders(), "content-type": "application/xml", ...headers },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`,
  };
}

function emptyResponse(status: number, headers: Record<string, string> = {}): FakeResponse {
  return { status, headers: { ...baseHeaders(), ...headers } };
}

function xmlText(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) => {
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "amp") return "&";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    return String.fromCodePoint(e[1] === "x" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });
}

/** Text of every `<tag>` element in a small, flat XML document; enough for S3's request bodies. */
function xmlElements(xml: string, tag: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>|<${tag}(?:\\s[^>]*)?/>`, "g");
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push(m[1] ?? "");
  return out;
}

function xmlElement(xml: string, tag: string): string | undefined {
  const found = xmlElements(xml, tag)[0];
  return found === undefined ? undefined : xmlText(found);
}

function el(tag: string, value: string | number | boolean | undefined): string {
  return value === undefined ? "" : `<${tag}>${escapeXml(String(value))}</${tag}>`;
}

const owner = () => `<Owner><ID>${OWNER_ID}</ID><DisplayName>fake</DisplayName></Owner>`;

export function handleS3(req: FakeRequest, ctx: FakeContext): Promise<FakeResponse> {
  try {
    return Promise.resolve(route(req, ctx));
  } catch (err) {
    if (err instanceof S3Error) return Promise.resolve(errorResponse(req, err));
    throw err;
  }
}

function route(req: FakeRequest, ctx: FakeContext): FakeResponse {
  const s3 = ctx.state.s3;
  const path = req.path.startsWith("/") ? req.path.slice(1) : req.path;
  const slash = path.indexOf("/");
  const bucketName = slash < 0 ? path : path.slice(0, slash);
  const key = slash < 0 ? "" : path.slice(slash + 1);
  const q = req.query;
  const m = req.method;
  const clientRegion = credentialScope(req.headers, q)?.region;

  if (bucketName === "") {
    if (m === "GET") return listBuckets(s3);
    throw notImplemented();
  }

  if (key === "" && m === "PUT" && !hasSubresource(q)) return createBucket(req, s3, bucketName, clientRegion);

  const bucket = s3.buckets.get(bucketName);
  if (!bucket) throw noSuchBucket(bucketName);
  // Finding a bucket's region must work from any region; everything else is redirected as S3 does.
  if (key === "" && m === "GET" && q.has("location")) return getBucketLocation(bucket);
  if (clientRegion && clientRegion !== bucket.region) throw permanentRedirect(bucket);

  if (key === "") {
    if (m === "HEAD") return emptyResponse(200, { "x-amz-bucket-region": bucket.region });
    if (m === "GET" && q.has("versioning")) return getBucketVersioning(bucket);
    if (m === "PUT" && q.has("versioning")) return putBucketVersioning(req, bucket);
    if (m === "GET" && q.has("versions")) return listObjectVersions(req, bucket);
    if (m === "POST" && q.has("delete")) return deleteObjects(req, s3, bucket);
    if (hasSubresource(q)) throw notImplemented();
    if (m === "DELETE") return deleteBucket(s3, bucket);
    if (m === "GET" && q.get("list-type") === "2") return listObjectsV2(req, bucket);
    throw notImplemented();
  }

  if (hasSubresource(q)) throw notImplemented();
  if (m === "PUT") {
    if (req.headers["x-amz-copy-source"]) throw notImplemented();
    return putObject(req, s3, bucket, key);
  }
  if (m === "GET" || m === "HEAD") return getObject(req, s3, bucket, key);
  if (m === "DELETE") return deleteObject(req, s3, bucket, key);
  throw notImplemented();
}

/** Query parameters that select a different operation on the same path, beyond the ones routed. */
function hasSubresource(q: URLSearchParams): boolean {
  const plain = new Set([
    "x-id",
    "versionId",
    "list-type",
    "prefix",
    "delimiter",
    "max-keys",
    "continuation-token",
    "start-after",
    "fetch-owner",
    "encoding-type",
    "key-marker",
    "version-id-marker",
  ]);
  for (const k of q.keys())
    if (!plain.has(k) && !k.startsWith("X-Amz-") && !k.startsWith("response-")) return true;
  return false;
}

const notImplemented = () =>
  new S3Error(501, "NotImplemented", "A header you provided implies functionality that is not implemented");

function permanentRedirect(bucket: S3Bucket): S3Error {
  return new S3Error(
    301,
    "PermanentRedirect",
    "The bucket you are attempting to access must be addressed using the specified endpoint. " +
      "Please send all future requests to this endpoint.",
    { Endpoint: `${bucket.name}.s3.${bucket.region}.amazonaws.com`, Bucket: bucket.name },
    { "x-amz-bucket-region": bucket.region },
  );
}

function listBuckets(s3: S3State): FakeResponse {
  const buckets = [...s3.buckets.values()]
    .sort((a, b) => compareKeys(a.name, b.name))
    .map(
      (b) =>
        `<Bucket>${el("Name", b.name)}${el("CreationDate", b.creationDate.toISOString())}` +
        `${el("BucketRegion", b.region)}</Bucket>`,
    )
    .join("");
  return xmlResponse(
    `<ListAllMyBucketsResult xmlns="${XMLNS}">${owner()}<Buckets>${buckets}</Buckets></ListAllMyBucketsResult>`,
  );
}

function createBucket(
  req: FakeRequest,
  s3: S3State,
  name: string,
  clientRegion: string | undefined,
): FakeResponse {
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name) || name.includes("..")) {
    throw new S3Error(400, "InvalidBucketName", "The specified bucket is not valid.", { BucketName: name });
  }
  const body = req.body.toString("utf8");
  let constraint = body.trim() === "" ? undefined : xmlElement(body, "LocationConstraint");
  if (constraint === "EU") constraint = "eu-west-1";
  const requestRegion = clientRegion ?? s3.defaultRegion;
  // Outside us-east-1 the endpoint only creates buckets in its own region, and wants that said.
  if (requestRegion !== "us-east-1" && constraint !== requestRegion) {
    throw new S3Error(
      400,
      "IllegalLocationConstraintException",
      `The ${constraint ?? "unspecified"} location constraint is incompatible for the region specific endpoint this request was sent to.`,
    );
  }
  const region = constraint || "us-east-1";
  const existing = s3.buckets.get(name);
  if (existing) {
    // us-east-1 keeps its legacy answer for a bucket you already own there.
    if (existing.region === "us-east-1" && region === "us-east-1") {
      return emptyResponse(200, { location: `/${name}` });
    }
    throw new S3Error(
      409,
      "BucketAlreadyOwnedByYou",
      "Your previous request to create the named bucket succeeded and you already own it.",
      { BucketName: name },
    );
  }
  s3.createBucket(name, region);
  return emptyResponse(200, { location: `/${name}` });
}

function deleteBucket(s3: S3State, bucket: S3Bucket): FakeResponse {
  if (!s3.isBucketEmpty(bucket.name)) {
    const versioned = bucket.versioning !== undefined;
    throw new S3Error(
      409,
      "BucketNotEmpty",
      versioned
        ? "The bucket you tried to delete is not empty. You must delete all versions in the bucket."
        : "The bucket you tried to delete is not empty",
      { BucketName: bucket.name },
    );
  }
  s3.deleteBucket(bucket.name);
  return emptyResponse(204);
}

function getBucketLocation(bucket: S3Bucket): FakeResponse {
  // us-east-1 is reported as an empty constraint, which the SDK returns as undefined.
  const region = bucket.region === "us-east-1" ? "" : escapeXml(bucket.region);
  return xmlResponse(`<LocationConstraint xmlns="${XMLNS}">${region}</LocationConstraint>`);
}

function getBucketVersioning(bucket: S3Bucket): FakeResponse {
  return xmlResponse(
    `<VersioningConfiguration xmlns="${XMLNS}">${el("Status", bucket.versioning)}</VersioningConfiguration>`,
  );
}

function putBucketVersioning(req: FakeRequest, bucket: S3Bucket): FakeResponse {
  const status = xmlElement(req.body.toString("utf8"), "Status");
  if (status !== "Enabled" && status !== "Suspended") throw malformedXml();
  bucket.versioning = status;
  return emptyResponse(200);
}

const CHECKSUM_HEADERS = [
  "x-amz-checksum-crc32",
  "x-amz-checksum-crc32c",
  "x-amz-checksum-crc64nvme",
  "x-amz-checksum-sha1",
  "x-amz-checksum-sha256",
];

/** Undoes the SDK's aws-chunked content encoding; returns the payload and any trailing headers. */
export function decodeAwsChunked(body: Buffer): { data: Buffer; trailers: Record<string, string> } {
  const parts: Buffer[] = [];
  const trailers: Record<string, string> = {};
  const incomplete = () => new S3Error(400, "IncompleteBody", "The request body terminated unexpectedly");
  let pos = 0;
  for (;;) {
    const eol = body.indexOf("\r\n", pos);
    if (eol < 0) throw incomplete();
    const size = Number.parseInt(body.subarray(pos, eol).toString("latin1").split(";")[0], 16);
    if (Number.isNaN(size)) throw incomplete();
    pos = eol + 2;
    if (size === 0) break;
    if (pos + size + 2 > body.length) throw incomplete();
    parts.push(body.subarray(pos, pos + size));
    pos += size;
    if (body.toString("latin1", pos, pos + 2) !== "\r\n") throw incomplete();
    pos += 2;
  }
  while (pos < body.length) {
    const eol = body.indexOf("\r\n", pos);
    const end = eol < 0 ? body.length : eol;
    const line = body.toString("latin1", pos, end);
    pos = end + 2;
    if (line === "") break;
    const colon = line.indexOf(":");
    if (colon > 0) trailers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { data: Buffer.concat(parts), trailers };
}

const CRC32C_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32c(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC32C_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function uint32Base64(n: number): string {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b.toString("base64");
}

/** The base64 checksum S3 would compute, or undefined for an algorithm the fake does not verify. */
function computeChecksum(header: string, data: Buffer): string | undefined {
  switch (header) {
    case "x-amz-checksum-crc32":
      return uint32Base64(crc32(data));
    case "x-amz-checksum-crc32c":
      return uint32Base64(crc32c(data));
    case "x-amz-checksum-sha1":
      return createHash("sha1").update(data).digest("base64");
    case "x-amz-checksum-sha256":
      return createHash("sha256").update(data).digest("base64");
    default:
      return undefined;
  }
}

const CHECKSUM_NAMES: Record<string, string> = {
  "x-amz-checksum-crc32": "CRC32",
  "x-amz-checksum-crc32c": "CRC32C",
  "x-amz-checksum-crc64nvme": "CRC64NVME",
  "x-amz-checksum-sha1": "SHA1",
  "x-amz-checksum-sha256": "SHA256",
};

/** The object bytes as sent, after undoing aws-chunked and checking every digest the client gave. */
function readPayload(req: FakeRequest): { data: Buffer; checksum?: { header: string; value: string } } {
  const h = req.headers;
  const sha = h["x-amz-content-sha256"] ?? "";
  const chunked =
    sha.startsWith("STREAMING-") || /(^|,)\s*aws-chunked\s*(,|$)/.test(h["content-encoding"] ?? "");
  let data = req.body;
  const given: Record<string, string> = {};
  for (const name of CHECKSUM_HEADERS) if (h[name]) given[name] = h[name];
  if (chunked) {
    const decoded = decodeAwsChunked(req.body);
    data = decoded.data;
    Object.assign(given, decoded.trailers);
    const declared = h["x-amz-decoded-content-length"];
    if (declared !== undefined && Number(declared) !== data.length) {
      throw new S3Error(
        400,
        "IncompleteBody",
        "You did not provide the number of bytes specified by the Content-Length HTTP header",
      );
    }
  } else if (/^[0-9a-f]{64}$/.test(sha) && createHash("sha256").update(data).digest("hex") !== sha) {
    throw new S3Error(
      400,
      "XAmzContentSHA256Mismatch",
      "The provided 'x-amz-content-sha256' header does not match what was computed.",
      {
        ClientComputedContentSHA256: sha,
        S3ComputedContentSHA256: createHash("sha256").update(data).digest("hex"),
      },
    );
  }
  const md5 = h["content-md5"];
  if (md5 !== undefined) {
    if (Buffer.from(md5, "base64").length !== 16) {
      throw new S3Error(400, "InvalidDigest", "The Content-MD5 you specified was invalid.", {
        "Content-MD5": md5,
      });
    }
    if (createHash("md5").update(data).digest("base64") !== md5) {
      throw new S3Error(400, "BadDigest", "The Content-MD5 you specified did not match what we received.", {
        ExpectedDigest: md5,
      });
    }
  }
  let checksum: { header: string; value: string } | undefined;
  for (const [header, value] of Object.entries(given)) {
    if (!CHECKSUM_NAMES[header]) continue;
    const computed = computeChecksum(header, data);
    if (computed !== undefined && computed !== value) {
      throw new S3Error(
        400,
        "BadDigest",
        `The ${CHECKSUM_NAMES[header]} you specified did not match the calculated checksum.`,
      );
    }
    checksum = { header, value };
  }
  return { data, checksum };
}

const STORED_HEADERS = ["cache-control", "content-disposition", "content-language", "expires"];

function putObject(req: FakeRequest, s3: S3State, bucket: S3Bucket, key: string): FakeResponse {
  if (Buffer.byteLength(key) > 1024) {
    throw new S3Error(400, "KeyTooLongError", "Your key is too long");
  }
  const { data, checksum } = readPayload(req);
  const current = s3.findVersion(bucket.name, key);
  const exists = current !== undefined && !current.deleteMarker;
  const ifNoneMatch = req.headers["if-none-match"];
  if (ifNoneMatch === "*" && exists) {
    throw new S3Error(
      412,
      "PreconditionFailed",
      "At least one of the pre-conditions you specified did not hold",
      {
        Condition: "If-None-Match",
      },
    );
  }
  const ifMatch = req.headers["if-match"];
  if (ifMatch !== undefined && (!exists || ifMatch !== current.etag)) {
    if (!exists) throw noSuchKey(key);
    throw new S3Error(
      412,
      "PreconditionFailed",
      "At least one of the pre-conditions you specified did not hold",
      {
        Condition: "If-Match",
      },
    );
  }
  const headers: Record<string, string> = {};
  for (const name of STORED_HEADERS) if (req.headers[name]) headers[name] = req.headers[name];
  const encoding = (req.headers["content-encoding"] ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "" && s !== "aws-chunked")
    .join(",");
  if (encoding) headers["content-encoding"] = encoding;
  const metadata: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith("x-amz-meta-")) metadata[name.slice("x-amz-meta-".length)] = value;
  }
  const version = s3.putObject(bucket.name, key, data, {
    contentType: req.headers["content-type"] || "binary/octet-stream",
    metadata,
    checksum,
    headers,
  });
  const out: Record<string, string> = { etag: version.etag, "x-amz-server-side-encryption": "AES256" };
  if (bucket.versioning !== undefined) out["x-amz-version-id"] = version.versionId;
  if (checksum) {
    out[checksum.header] = checksum.value;
    out["x-amz-checksum-type"] = "FULL_OBJECT";
  }
  return emptyResponse(200, out);
}

function httpDate(d: Date): string {
  return d.toUTCString();
}

function getObject(req: FakeRequest, s3: S3State, bucket: S3Bucket, key: string): FakeResponse {
  const versionId = req.query.get("versionId") ?? undefined;
  const version = s3.findVersion(bucket.name, key, versionId);
  if (!version) {
    if (versionId !== undefined) {
      throw new S3Error(404, "NoSuchVersion", "The specified version does not exist.", {
        Key: key,
        VersionId: versionId,
      });
    }
    throw noSuchKey(key);
  }
  if (version.deleteMarker) {
    const headers = { "x-amz-delete-marker": "true", "x-amz-version-id": version.versionId };
    if (versionId !== undefined) {
      throw new S3Error(
        405,
        "MethodNotAllowed",
        "The specified method is not allowed against this resource.",
        { Method: req.method, ResourceType: "DeleteMarker" },
        { ...headers, allow: "DELETE", "last-modified": httpDate(version.lastModified) },
      );
    }
    throw noSuchKey(key, headers);
  }

  const headers: Record<string, string> = {
    etag: version.etag,
    "last-modified": httpDate(version.lastModified),
    "content-type": version.contentType,
    "accept-ranges": "bytes",
    "x-amz-server-side-encryption": "AES256",
    ...version.headers,
  };
  if (bucket.versioning !== undefined) headers["x-amz-version-id"] = version.versionId;
  for (const [k, v] of Object.entries(version.metadata)) headers[`x-amz-meta-${k}`] = v;

  const ifMatch = req.headers["if-match"];
  if (ifMatch !== undefined && ifMatch !== "*" && ifMatch !== version.etag) {
    throw new S3Error(
      412,
      "PreconditionFailed",
      "At least one of the pre-conditions you specified did not hold",
      { Condition: "If-Match" },
    );
  }
  const ifNoneMatch = req.headers["if-none-match"];
  if (ifNoneMatch !== undefined && (ifNoneMatch === "*" || ifNoneMatch === version.etag)) {
    return emptyResponse(304, { etag: version.etag, "last-modified": headers["last-modified"] });
  }

  let body = version.body;
  let status = 200;
  const range = parseRange(req.headers.range, body.length);
  if (range) {
    body = body.subarray(range[0], range[1] + 1);
    status = 206;
    headers["content-range"] = `bytes ${range[0]}-${range[1]}/${version.body.length}`;
  } else if (version.checksum && req.headers["x-amz-checksum-mode"] === "ENABLED") {
    // Whole-object checksums are only returned for whole-object reads.
    headers[version.checksum.header] = version.checksum.value;
    headers["x-amz-checksum-type"] = "FULL_OBJECT";
  }
  headers["content-length"] = String(body.length);
  if (req.method === "HEAD") return emptyResponse(status, headers);
  return { status, headers: { ...baseHeaders(), ...headers }, body };
}

/** A single `bytes=` range as inclusive offsets; S3 ignores what it cannot parse. */
function parseRange(header: string | undefined, size: number): [number, number] | undefined {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header ?? "");
  if (!m || (m[1] === "" && m[2] === "")) return undefined;
  let start: number;
  let end: number;
  if (m[1] === "") {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) {
    throw new S3Error(416, "InvalidRange", "The requested range is not satisfiable", {
      RangeRequested: header ?? "",
      ActualObjectSize: String(size),
    });
  }
  return [start, end];
}

interface DeleteOutcome {
  versionId?: string;
  deleteMarker: boolean;
  deleteMarkerVersionId?: string;
}

function deleteOne(s3: S3State, bucket: S3Bucket, key: string, versionId: string | undefined): DeleteOutcome {
  if (versionId !== undefined) {
    const removed = s3.deleteVersion(bucket.name, key, versionId);
    return {
      versionId,
      deleteMarker: removed?.deleteMarker ?? false,
      deleteMarkerVersionId: removed?.deleteMarker ? versionId : undefined,
    };
  }
  const marker = s3.deleteObject(bucket.name, key);
  return { deleteMarker: marker !== undefined, deleteMarkerVersionId: marker?.versionId };
}

function deleteObject(req: FakeRequest, s3: S3State, bucket: S3Bucket, key: string): FakeResponse {
  const outcome = deleteOne(s3, bucket, key, req.query.get("versionId") ?? undefined);
  const headers: Record<string, string> = {};
  if (outcome.deleteMarker) headers["x-amz-delete-marker"] = "true";
  const id = outcome.versionId ?? outcome.deleteMarkerVersionId;
  if (id !== undefined) headers["x-amz-version-id"] = id;
  return emptyResponse(204, headers);
}

function deleteObjects(req: FakeRequest, s3: S3State, bucket: S3Bucket): FakeResponse {
  const h = req.headers;
  if (!h["content-md5"] && !CHECKSUM_HEADERS.some((name) => h[name]) && !h["x-amz-sdk-checksum-algorithm"]) {
    throw new S3Error(
      400,
      "InvalidRequest",
      "Missing required header for this request: Content-MD5 OR x-amz-checksum-*",
    );
  }
  const { data } = readPayload(req);
  const xml = data.toString("utf8");
  if (!/<Delete[\s>]/.test(xml)) throw malformedXml();
  const quiet = xmlElement(xml, "Quiet") === "true";
  const objects = xmlElements(xml, "Object");
  if (objects.length === 0 || objects.length > 1000) throw malformedXml();
  let out = "";
  for (const obj of objects) {
    const key = xmlElement(obj, "Key");
    if (key === undefined) throw malformedXml();
    const versionId = xmlElement(obj, "VersionId");
    const r = deleteOne(s3, bucket, key, versionId);
    if (quiet) continue;
    out +=
      `<Deleted>${el("Key", key)}${el("VersionId", r.versionId)}` +
      `${r.deleteMarker ? el("DeleteMarker", true) : ""}${el("DeleteMarkerVersionId", r.deleteMarkerVersionId)}</Deleted>`;
  }
  return xmlResponse(`<DeleteResult xmlns="${XMLNS}">${out}</DeleteResult>`);
}

function maxKeys(q: URLSearchParams): number {
  const raw = q.get("max-keys");
  if (raw === null) return 1000;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    throw new S3Error(400, "InvalidArgument", "Provided max-keys not an integer or within integer range", {
      ArgumentName: "max-keys",
      ArgumentValue: raw,
    });
  }
  return Math.min(n, 1000);
}

function encodeKey(key: string, q: URLSearchParams): string {
  return q.get("encoding-type") === "url" ? encodeURIComponent(key).replace(/%2F/g, "/") : key;
}

/** The common prefix that groups `key`, if a delimiter applies to it. */
function commonPrefix(key: string, prefix: string, delimiter: string): string | undefined {
  if (!delimiter) return undefined;
  const at = key.indexOf(delimiter, prefix.length);
  return at < 0 ? undefined : key.slice(0, at + delimiter.length);
}

function listObjectsV2(req: FakeRequest, bucket: S3Bucket): FakeResponse {
  const q = req.query;
  const prefix = q.get("prefix") ?? "";
  const delimiter = q.get("delimiter") ?? "";
  const limit = maxKeys(q);
  const token = q.get("continuation-token");
  let after = q.get("start-after") ?? "";
  // A token that names a common prefix stands for every key under it.
  let afterGroup = "";
  if (token !== null) {
    const decoded = Buffer.from(token, "base64url").toString("utf8");
    if (!/^[kp]:/.test(decoded)) {
      throw new S3Error(400, "InvalidArgument", "The continuation token provided is incorrect", {
        ArgumentName: "continuation-token",
      });
    }
    after = decoded.slice(2);
    if (decoded.startsWith("p:")) afterGroup = after;
  }
  const keys = sortedKeys(bucket).filter(
    (k) => k.startsWith(prefix) && !latest(bucket, k).deleteMarker && compareKeys(k, after) > 0,
  );
  let contents = "";
  let prefixes = "";
  let count = 0;
  let last = "";
  let lastIsGroup = false;
  let truncated = false;
  for (const key of keys) {
    const group = commonPrefix(key, prefix, delimiter);
    if (group !== undefined && (group === last || group === afterGroup)) continue;
    if (count === limit) {
      truncated = true;
      break;
    }
    count++;
    if (group !== undefined) {
      prefixes += `<CommonPrefixes>${el("Prefix", encodeKey(group, q))}</CommonPrefixes>`;
      last = group;
      lastIsGroup = true;
      continue;
    }
    const v = latest(bucket, key);
    contents +=
      `<Contents>${el("Key", encodeKey(key, q))}${el("LastModified", v.lastModified.toISOString())}` +
      `${el("ETag", v.etag)}${v.checksum ? el("ChecksumAlgorithm", CHECKSUM_NAMES[v.checksum.header]) : ""}` +
      `${v.checksum ? el("ChecksumType", "FULL_OBJECT") : ""}${el("Size", v.body.length)}` +
      `${q.get("fetch-owner") === "true" ? owner() : ""}${el("StorageClass", "STANDARD")}</Contents>`;
    last = key;
    lastIsGroup = false;
  }
  const next = truncated
    ? Buffer.from(`${lastIsGroup ? "p" : "k"}:${last}`).toString("base64url")
    : undefined;
  return xmlResponse(
    `<ListBucketResult xmlns="${XMLNS}">${el("Name", bucket.name)}${el("Prefix", encodeKey(prefix, q))}` +
      `${delimiter ? el("Delimiter", encodeKey(delimiter, q)) : ""}${el("MaxKeys", limit)}` +
      `${q.has("encoding-type") ? el("EncodingType", q.get("encoding-type") ?? "") : ""}` +
      `${el("KeyCount", count)}${el("IsTruncated", truncated)}` +
      `${token !== null ? el("ContinuationToken", token) : ""}${el("NextContinuationToken", next)}` +
      `${q.has("start-after") ? el("StartAfter", encodeKey(q.get("start-after") ?? "", q)) : ""}` +
      `${contents}${prefixes}</ListBucketResult>`,
  );
}

function listObjectVersions(req: FakeRequest, bucket: S3Bucket): FakeResponse {
  const q = req.query;
  const prefix = q.get("prefix") ?? "";
  const delimiter = q.get("delimiter") ?? "";
  const limit = maxKeys(q);
  const keyMarker = q.get("key-marker") ?? "";
  const versionIdMarker = q.get("version-id-marker") ?? "";
  if (versionIdMarker && !keyMarker) {
    throw new S3Error(
      400,
      "InvalidArgument",
      "A version-id marker cannot be specified without a key marker.",
      {
        ArgumentName: "version-id-marker",
        ArgumentValue: versionIdMarker,
      },
    );
  }
  let items = "";
  let count = 0;
  let truncated = false;
  let lastKey = "";
  let lastVersion: string | undefined;
  let lastGroup = "";
  outer: for (const key of sortedKeys(bucket)) {
    if (!key.startsWith(prefix)) continue;
    const cmp = compareKeys(key, keyMarker);
    if (keyMarker && (cmp < 0 || (cmp === 0 && !versionIdMarker))) continue;
    const group = commonPrefix(key, prefix, delimiter);
    if (group !== undefined) {
      if (group === lastGroup || (keyMarker !== "" && keyMarker.startsWith(group))) continue;
      if (count === limit) {
        truncated = true;
        break;
      }
      count++;
      items += `<CommonPrefixes>${el("Prefix", encodeKey(group, q))}</CommonPrefixes>`;
      lastGroup = group;
      lastKey = group;
      lastVersion = undefined;
      continue;
    }
    const versions = [...(bucket.objects.get(key) ?? [])].reverse();
    let start = 0;
    if (cmp === 0) {
      start = versions.findIndex((v) => v.versionId === versionIdMarker) + 1;
      if (start === 0) {
        throw new S3Error(400, "InvalidArgument", "Invalid version id specified", {
          ArgumentName: "version-id-marker",
          ArgumentValue: versionIdMarker,
        });
      }
    }
    for (let i = start; i < versions.length; i++) {
      if (count === limit) {
        truncated = true;
        break outer;
      }
      count++;
      const v = versions[i];
      const common =
        `${el("Key", encodeKey(key, q))}${el("VersionId", v.versionId)}${el("IsLatest", i === 0)}` +
        `${el("LastModified", v.lastModified.toISOString())}`;
      items += v.deleteMarker
        ? `<DeleteMarker>${common}${owner()}</DeleteMarker>`
        : `<Version>${common}${el("ETag", v.etag)}${el("Size", v.body.length)}${owner()}` +
          `${el("StorageClass", "STANDARD")}</Version>`;
      lastKey = key;
      lastVersion = v.versionId;
    }
  }
  return xmlResponse(
    `<ListVersionsResult xmlns="${XMLNS}">${el("Name", bucket.name)}${el("Prefix", encodeKey(prefix, q))}` +
      `${el("KeyMarker", encodeKey(keyMarker, q))}${el("VersionIdMarker", versionIdMarker)}` +
      `${truncated ? el("NextKeyMarker", encodeKey(lastKey, q)) : ""}` +
      `${truncated ? el("NextVersionIdMarker", lastVersion) : ""}` +
      `${el("MaxKeys", limit)}${delimiter ? el("Delimiter", encodeKey(delimiter, q)) : ""}` +
      `${q.has("encoding-type") ? el("EncodingType", q.get("encoding-type") ?? "") : ""}` +
      `${el("IsTruncated", truncated)}${items}</ListVersionsResult>`,
  );
}
