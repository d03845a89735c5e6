// Lambda layers as the SDK sees them: REST-JSON under /2018-10-31/layers, with Lambda's error shape.
import { createHash, randomUUID } from "node:crypto";
import { credentialScope, requestId } from "./protocol";
import type { S3State } from "./s3";
import type { FakeContext, FakeRequest, FakeResponse } from "./types";

export interface LayerVersion {
  region: string;
  layerName: string;
  version: number;
  layerArn: string;
  layerVersionArn: string;
  description?: string;
  licenseInfo?: string;
  compatibleRuntimes?: string[];
  compatibleArchitectures?: string[];
  createdDate: Date;
  content: Buffer;
  codeSha256: string;
  codeSize: number;
}

export interface PublishLayerInput {
  layerName: string;
  content: Buffer;
  /** Region the layer lives in; the state's default region when absent. */
  region?: string;
  description?: string;
  licenseInfo?: string;
  compatibleRuntimes?: string[];
  compatibleArchitectures?: string[];
}

interface Layer {
  /** Version numbers are never reused, even after every version is deleted. */
  lastVersion: number;
  versions: Map<number, LayerVersion>;
}

export interface LambdaStateOptions {
  region?: string;
  accountId?: string;
  clock?: { now(): number };
}

export class LambdaState {
  readonly defaultRegion: string;
  readonly accountId: string;
  private readonly clock: { now(): number };
  /** Keyed by `<region>/<layer name>`: layers in different regions are different layers. */
  private readonly layers = new Map<string, Layer>();

  constructor(options: LambdaStateOptions = {}) {
    this.defaultRegion = options.region ?? "us-east-1";
    this.accountId = options.accountId ?? "123456789012";
    this.clock = options.clock ?? { now: () => Date.now() };
  }

  layerArn(region: string, layerName: string): string {
    return `arn:aws:lambda:${region}:${this.accountId}:layer:${layerName}`;
  }

  publishLayerVersion(input: PublishLayerInput): LayerVersion {
    const region = input.region ?? this.defaultRegion;
    const id = `${region}/${input.layerName}`;
    const layer = this.layers.get(id) ?? { lastVersion: 0, versions: new Map() };
    this.layers.set(id, layer);
    const version = ++layer.lastVersion;
    const layerArn = this.layerArn(region, input.layerName);
    const lv: LayerVersion = {
      region,
      layerName: input.layerName,
      version,
      layerArn,
      layerVersionArn: `${layerArn}:${version}`,
      description: input.description,
      licenseInfo: input.licenseInfo,
      compatibleRuntimes: input.compatibleRuntimes,
      compatibleArchitectures: input.compatibleArchitectures,
      createdDate: new Date(this.clock.now()),
      content: input.content,
      codeSha256: createHash("sha256").update(input.content).digest("base64"),
      codeSize: input.content.length,
    };
    layer.versions.set(version, lv);
    return lv;
  }

  getLayerVersion(layerName: string, version: number, region = this.defaultRegion): LayerVersion | undefined {
    return this.layers.get(`${region}/${layerName}`)?.versions.get(version);
  }

  /** Newest first. */
  listLayerVersions(layerName: string, region = this.defaultRegion): LayerVersion[] {
    const layer = this.layers.get(`${region}/${layerName}`);
    return layer ? [...layer.versions.values()].sort((a, b) => b.version - a.version) : [];
  }

  /** Names of layers with at least one version, sorted. */
  listLayerNames(region = this.defaultRegion): string[] {
    const names: string[] = [];
    for (const [id, layer] of this.layers) {
      const slash = id.indexOf("/");
      if (id.slice(0, slash) === region && layer.versions.size > 0) names.push(id.slice(slash + 1));
    }
    return names.sort();
  }

  deleteLayerVersion(layerName: string, version: number, region = this.defaultRegion): boolean {
    return this.layers.get(`${region}/${layerName}`)?.versions.delete(version) ?? false;
  }
}

class LambdaError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

const notFound = () =>
  new LambdaError(404, "ResourceNotFoundException", "The resource you requested does not exist.");
const invalidParameter = (message: string) => new LambdaError(400, "InvalidParameterValueException", message);

function validation(value: string, member: string, constraint: string): LambdaError {
  return new LambdaError(
    400,
    "ValidationException",
    `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: ${constraint}`,
  );
}

const LAYER_NAME =
  /^(?:arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\d{12}:layer:([a-zA-Z0-9-_]+)|([a-zA-Z0-9-_]+))$/;
const LAYER_NAME_PATTERN =
  "(arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\\d{12}:layer:[a-zA-Z0-9-_]+)|[a-zA-Z0-9-_]+";
const LAYER_VERSION_ARN =
  /^arn:[a-zA-Z0-9-]+:lambda:([a-zA-Z0-9-]+):(\d{12}):layer:([a-zA-Z0-9-_]+):([0-9]+)$/;

/** Every runtime identifier Lambda has accepted, deprecated ones included: old layers still carry them. */
const RUNTIMES = new Set([
  "nodejs",
  "nodejs4.3",
  "nodejs4.3-edge",
  "nodejs6.10",
  "nodejs8.10",
  "nodejs10.x",
  "nodejs12.x",
  "nodejs14.x",
  "nodejs16.x",
  "nodejs18.x",
  "nodejs20.x",
  "nodejs22.x",
  "nodejs24.x",
  "java8",
  "java8.al2",
  "java11",
  "java17",
  "java21",
  "java25",
  "python2.7",
  "python3.6",
  "python3.7",
  "python3.8",
  "python3.9",
  "python3.10",
  "python3.11",
  "python3.12",
  "python3.13",
  "python3.14",
  "dotnetcore1.0",
  "dotnetcore2.0",
  "dotnetcore2.1",
  "dotnetcore3.1",
  "dotnet6",
  "dotnet8",
  "dotnet10",
  "go1.x",
  "ruby2.5",
  "ruby2.7",
  "ruby3.2",
  "ruby3.3",
  "ruby3.4",
  "provided",
  "provided.al2",
  "provided.al2023",
]);
const ARCHITECTURES = new Set(["x86_64", "arm64"]);
/** Lambda's limit on a request body, which bounds a ZipFile upload. */
const MAX_REQUEST_BYTES = 70167211;

function json(status: number, value: unknown): FakeResponse {
  return {
    status,
    headers: { "content-type": "application/json", "x-amzn-requestid": requestId() },
    body: value === undefined ? "" : JSON.stringify(value),
  };
}

function errorResponse(err: LambdaError): FakeResponse {
  return {
    status: err.status,
    headers: {
      "content-type": "application/json",
      "x-amzn-requestid": requestId(),
      "x-amzn-errortype": err.type,
    },
    body: JSON.stringify({ Type: err.status >= 500 ? "Service" : "User", Message: err.message }),
  };
}

export function handleLambda(req: FakeRequest, ctx: FakeContext): Promise<FakeResponse> {
  try {
    return Promise.resolve(route(req, ctx));
  } catch (err) {
    if (err instanceof LambdaError) return Promise.resolve(errorResponse(err));
    throw err;
  }
}

function route(req: FakeRequest, ctx: FakeContext): FakeResponse {
  const region = credentialScope(req.headers, req.query)?.region ?? ctx.region;
  const lambda = ctx.state.lambda;
  const m = /^\/2018-10-31\/layers(?:\/([^/]+)(?:\/versions(?:\/([^/]+))?)?)?\/?$/.exec(req.path);
  if (!m) {
    return errorResponse(new LambdaError(404, "UnknownOperationException", "Unknown operation"));
  }
  const [, rawName, rawVersion] = m;
  if (rawName === undefined) {
    if (req.method !== "GET") throw notFound();
    if (req.query.get("find") === "LayerVersion") return getLayerVersionByArn(req, lambda);
    return listLayers(req, lambda, region);
  }
  const name = layerName(rawName, lambda, region);
  if (rawVersion === undefined) {
    if (req.method === "POST") return publishLayerVersion(req, ctx, name, region);
    if (req.method === "GET") return listLayerVersions(req, lambda, name, region);
    throw notFound();
  }
  const version = Number(rawVersion);
  if (!Number.isInteger(version)) {
    throw validation(rawVersion, "versionNumber", "Member must be a number");
  }
  if (req.method === "GET") {
    const lv = lambda.getLayerVersion(name, version, region);
    if (!lv) throw notFound();
    return json(200, fullView(lv));
  }
  if (req.method === "DELETE") {
    // Deleting a version that is already gone succeeds, as Lambda does.
    lambda.deleteLayerVersion(name, version, region);
    return json(204, undefined);
  }
  throw notFound();
}

/** A layer named by name or by ARN; an ARN from another account or region names nothing here. */
function layerName(raw: string, lambda: LambdaState, region: string): string {
  const m = LAYER_NAME.exec(raw);
  if (!m || raw.length > 140) {
    throw validation(
      raw,
      "layerName",
      `Member must satisfy regular expression pattern: ${LAYER_NAME_PATTERN}`,
    );
  }
  if (m[1] !== undefined) {
    if (!raw.startsWith(`arn:aws:lambda:${region}:${lambda.accountId}:layer:`)) throw notFound();
    return m[1];
  }
  return m[2];
}

interface PublishBody {
  Content?: { S3Bucket?: string; S3Key?: string; S3ObjectVersion?: string; ZipFile?: string };
  Description?: string;
  LicenseInfo?: string;
  CompatibleRuntimes?: string[];
  CompatibleArchitectures?: string[];
}

function parseBody(req: FakeRequest): PublishBody {
  try {
    return JSON.parse(req.body.toString("utf8") || "{}") as PublishBody;
  } catch {
    throw new LambdaError(400, "InvalidRequestContentException", "Could not parse request body into json");
  }
}

function publishLayerVersion(req: FakeRequest, ctx: FakeContext, name: string, region: string): FakeResponse {
  if (req.body.length > MAX_REQUEST_BYTES) {
    throw new LambdaError(
      413,
      "RequestEntityTooLargeException",
      `Request must be smaller than ${MAX_REQUEST_BYTES} bytes for the PublishLayerVersion operation`,
    );
  }
  const body = parseBody(req);
  if (!body.Content) throw validation("null", "content", "Member must not be null");
  const runtimes = body.CompatibleRuntimes;
  if (runtimes) {
    if (runtimes.length > 15) {
      throw validation(
        `[${runtimes.join(", ")}]`,
        "compatibleRuntimes",
        "Member must have length less than or equal to 15",
      );
    }
    if (runtimes.some((r) => !RUNTIMES.has(r))) {
      throw validation(
        `[${runtimes.join(", ")}]`,
        "compatibleRuntimes",
        `Member must satisfy constraint: [Member must satisfy enum value set: [${[...RUNTIMES].join(", ")}]]`,
      );
    }
  }
  const archs = body.CompatibleArchitectures;
  if (archs) {
    if (archs.length > 2) {
      throw validation(
        `[${archs.join(", ")}]`,
        "compatibleArchitectures",
        "Member must have length less than or equal to 2",
      );
    }
    if (archs.some((a) => !ARCHITECTURES.has(a))) {
      throw validation(
        `[${archs.join(", ")}]`,
        "compatibleArchitectures",
        "Member must satisfy constraint: [Member must satisfy enum value set: [x86_64, arm64]]",
      );
    }
  }
  const content = layerContent(body.Content, ctx.state.s3, region);
  const lv = ctx.state.lambda.publishLayerVersion({
    layerName: name,
    region,
    content,
    description: body.Description,
    licenseInfo: body.LicenseInfo,
    compatibleRuntimes: runtimes,
    compatibleArchitectures: archs,
  });
  return json(201, fullView(lv));
}

function layerContent(content: NonNullable<PublishBody["Content"]>, s3: S3State, region: string): Buffer {
  if (content.ZipFile !== undefined) {
    if (content.S3Bucket !== undefined || content.S3Key !== undefined) {
      throw invalidParameter("Please do not provide other FunctionCode properties when providing a ZipFile");
    }
    return Buffer.from(content.ZipFile, "base64");
  }
  if (content.S3Bucket === undefined || content.S3Key === undefined) {
    throw invalidParameter("Please provide a source for function code.");
  }
  const s3Failure = (code: string, message: string) =>
    invalidParameter(`Error occurred while GetObject. S3 Error Code: ${code}. S3 Error Message: ${message}`);
  if (!s3.hasBucket(content.S3Bucket)) throw s3Failure("NoSuchBucket", "The specified bucket does not exist");
  const bucketRegion = s3.bucketRegion(content.S3Bucket);
  if (bucketRegion !== region) {
    throw s3Failure(
      "PermanentRedirect",
      `The bucket is in this region: ${bucketRegion}. Please use this region to retry the request`,
    );
  }
  const bytes = s3.getObject(content.S3Bucket, content.S3Key, content.S3ObjectVersion);
  if (!bytes) {
    if (content.S3ObjectVersion !== undefined)
      throw s3Failure("NoSuchVersion", "The specified version does not exist.");
    throw s3Failure("NoSuchKey", "The specified key does not exist.");
  }
  return bytes;
}

function isoMillis(d: Date): string {
  // Lambda writes offsets as +0000, not Z.
  return d.toISOString().replace("Z", "+0000");
}

function summaryView(lv: LayerVersion): Record<string, unknown> {
  return {
    LayerVersionArn: lv.layerVersionArn,
    Version: lv.version,
    Description: lv.description,
    CreatedDate: isoMillis(lv.createdDate),
    CompatibleRuntimes: lv.compatibleRuntimes,
    LicenseInfo: lv.licenseInfo,
    CompatibleArchitectures: lv.compatibleArchitectures,
  };
}

function fullView(lv: LayerVersion): Record<string, unknown> {
  return {
    Content: {
      Location:
        `https://awslambda-${lv.region}-layers.s3.${lv.region}.amazonaws.com/snapshots/${lv.layerArn.split(":")[4]}/` +
        `${lv.layerName}-${randomUUID()}?X-Amz-Expires=600`,
      CodeSha256: lv.codeSha256,
      CodeSize: lv.codeSize,
    },
    LayerArn: lv.layerArn,
    ...summaryView(lv),
  };
}

function getLayerVersionByArn(req: FakeRequest, lambda: LambdaState): FakeResponse {
  const arn = req.query.get("Arn") ?? "";
  const m = LAYER_VERSION_ARN.exec(arn);
  if (!m) {
    throw validation(
      arn,
      "arn",
      "Member must satisfy regular expression pattern: " +
        "(arn:(aws[a-zA-Z-]*)?:lambda:[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:\\d{12}:layer:[a-zA-Z0-9-_]+:[0-9]+)",
    );
  }
  const [, arnRegion, account, name, version] = m;
  const lv =
    account === lambda.accountId ? lambda.getLayerVersion(name, Number(version), arnRegion) : undefined;
  if (!lv) throw notFound();
  return json(200, fullView(lv));
}

function matches(lv: LayerVersion, q: URLSearchParams): boolean {
  const runtime = q.get("CompatibleRuntime");
  const arch = q.get("CompatibleArchitecture");
  if (runtime !== null && !lv.compatibleRuntimes?.includes(runtime)) return false;
  if (arch !== null && !lv.compatibleArchitectures?.includes(arch)) return false;
  return true;
}

function checkFilters(q: URLSearchParams): void {
  const runtime = q.get("CompatibleRuntime");
  if (runtime !== null && !RUNTIMES.has(runtime)) {
    throw validation(
      runtime,
      "compatibleRuntime",
      `Member must satisfy enum value set: [${[...RUNTIMES].join(", ")}]`,
    );
  }
  const arch = q.get("CompatibleArchitecture");
  if (arch !== null && !ARCHITECTURES.has(arch)) {
    throw validation(arch, "compatibleArchitecture", "Member must satisfy enum value set: [x86_64, arm64]");
  }
}

/** One page of `items` after the opaque marker, with the marker of the next page when there is one. */
function page<T>(items: T[], q: URLSearchParams, keyOf: (item: T) => string): { items: T[]; next?: string } {
  const raw = q.get("MaxItems");
  const max = raw === null ? 50 : Number(raw);
  if (!Number.isInteger(max) || max < 1 || max > 50) {
    throw validation(raw ?? "", "maxItems", "Member must have value less than or equal to 50");
  }
  const marker = q.get("Marker");
  let start = 0;
  if (marker !== null) {
    const after = Buffer.from(marker, "base64url").toString("utf8");
    start = items.findIndex((item) => keyOf(item) === after) + 1;
    if (start === 0) throw invalidParameter("Invalid marker");
  }
  const slice = items.slice(start, start + max);
  const more = start + max < items.length;
  return {
    items: slice,
    next: more ? Buffer.from(keyOf(slice[slice.length - 1])).toString("base64url") : undefined,
  };
}

function listLayerVersions(
  req: FakeRequest,
  lambda: LambdaState,
  name: string,
  region: string,
): FakeResponse {
  checkFilters(req.query);
  const all = lambda.listLayerVersions(name, region).filter((lv) => matches(lv, req.query));
  const { items, next } = page(all, req.query, (lv) => String(lv.version));
  return json(200, { LayerVersions: items.map(summaryView), NextMarker: next });
}

function listLayers(req: FakeRequest, lambda: LambdaState, region: string): FakeResponse {
  checkFilters(req.query);
  const layers: { name: string; latest: LayerVersion }[] = [];
  for (const name of lambda.listLayerNames(region)) {
    const latest = lambda.listLayerVersions(name, region).find((lv) => matches(lv, req.query));
    if (latest) layers.push({ name, latest });
  }
  const { items, next } = page(layers, req.query, (l) => l.name);
  return json(200, {
    Layers: items.map((l) => ({
      LayerName: l.name,
      LayerArn: l.latest.layerArn,
      LatestMatchingVersion: summaryView(l.latest),
    })),
    NextMarker: next,
  });
}
