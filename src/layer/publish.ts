/**
 * Publishing: the zip uploaded content-addressed to the artifact bucket (skipped when the object is
 * there), a layer version reused when one already holds the same content, otherwise a new one, and
 * old versions this action published pruned (never the one output).
 */
import { createReadStream } from "node:fs";
import {
  DeleteLayerVersionCommand,
  GetLayerVersionCommand,
  type LambdaClient,
  type LayerVersionsListItem,
  ListLayerVersionsCommand,
  PublishLayerVersionCommand,
  type Runtime,
} from "@aws-sdk/client-lambda";
import { HeadObjectCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import type { LayerArchitecture } from "../inputs";

/** Marks a layer version's content in its description: ` sha256:<hex>`. */
export function shaMarker(sha256: string): string {
  return `sha256:${sha256}`;
}

/** Marks a layer version's unzipped size in its description: ` unzipped:<bytes>`, read back by the function limit check. */
export function sizeMarker(unzippedSize: number): string {
  return `unzipped:${unzippedSize}`;
}

export function layerDescription(
  description: string | undefined,
  sha256: string,
  unzippedSize?: number,
): string {
  const markers = [shaMarker(sha256), ...(unzippedSize === undefined ? [] : [sizeMarker(unzippedSize)])];
  return [...(description ? [description] : []), ...markers].join(" ");
}

/**
 * The unzipped size a description carries, or undefined: a version published by another tool, or
 * by an earlier release that wrote the sha256 alone, has none (and is not guessed at).
 */
export function unzippedSizeOf(description: string | undefined): number | undefined {
  const match = /(?:^|\s)unzipped:(\d{1,15})(?:\s|$)/.exec(description ?? "");
  return match ? Number(match[1]) : undefined;
}

export function layerObjectKey(prefix: string, name: string, sha256: string): string {
  return `${prefix}layers/${name}/${sha256}.zip`;
}

function notFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === "NotFound" || e?.name === "NoSuchKey" || e?.$metadata?.httpStatusCode === 404;
}

/** Whether the object is in the bucket already (HeadObject). */
export async function objectExists(s3: S3Client, target: { bucket: string; key: string }): Promise<boolean> {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: target.bucket, Key: target.key }));
    return true;
  } catch (error) {
    if (!notFound(error)) throw error;
    return false;
  }
}

/** Uploads the zip unless the object exists (`exists`, when already known, saves the HeadObject); true when it uploaded. */
export async function uploadZip(
  s3: S3Client,
  target: { bucket: string; key: string },
  zip: { file: string; size: number; sha256: string },
  exists?: boolean,
): Promise<boolean> {
  if (exists ?? (await objectExists(s3, target))) return false;
  await s3.send(
    new PutObjectCommand({
      Bucket: target.bucket,
      Key: target.key,
      Body: createReadStream(zip.file),
      ContentLength: zip.size,
      ContentType: "application/zip",
    }),
  );
  return true;
}

/** Every version of the layer, newest first (all pages); none when the layer does not exist. */
export async function listVersions(lambda: LambdaClient, name: string): Promise<LayerVersionsListItem[]> {
  const versions: LayerVersionsListItem[] = [];
  let marker: string | undefined;
  do {
    const page = await lambda.send(new ListLayerVersionsCommand({ LayerName: name, Marker: marker }));
    versions.push(...(page.LayerVersions ?? []));
    marker = page.NextMarker;
  } while (marker);
  return versions.sort((a, b) => (b.Version ?? 0) - (a.Version ?? 0));
}

/**
 * The version that already holds this content: one whose description carries the sha256 marker, or
 * the latest when Lambda's CodeSha256 (base64 sha256 of the zip) matches, for a version published
 * by another tool.
 */
export async function findSameContent(
  lambda: LambdaClient,
  name: string,
  sha256: string,
  versions: LayerVersionsListItem[],
): Promise<LayerVersionsListItem | undefined> {
  const marked = versions.find((v) => v.Description?.includes(shaMarker(sha256)));
  if (marked) return marked;
  const latest = versions[0];
  if (latest?.Version === undefined) return undefined;
  const full = await lambda.send(
    new GetLayerVersionCommand({ LayerName: name, VersionNumber: latest.Version }),
  );
  return full.Content?.CodeSha256 === Buffer.from(sha256, "hex").toString("base64") ? latest : undefined;
}

export interface PublishRequest {
  name: string;
  bucket: string;
  key: string;
  sha256: string;
  /** Written into the description, so a deploy can check a function's total against Lambda's limit. */
  unzippedSize?: number;
  architecture: LayerArchitecture;
  compatibleRuntimes: string[];
  description?: string;
  keepVersions: number;
}

export interface PublishResult {
  layerVersionArn: string;
  version: number;
  published: boolean;
  /** Version numbers deleted by pruning. */
  pruned: number[];
}

/**
 * Whether a version was published by this action: its description carries a full sha256 marker.
 * Pruning deletes only these, so versions another tool published under the same name are left alone.
 */
export function publishedByUs(description: string | undefined): boolean {
  return /(?:^|\s)sha256:[0-9a-f]{64}(?:\s|$)/.test(description ?? "");
}

/** Versions to delete: all but the newest `keep`, never `current`. */
export function versionsToPrune(versions: number[], keep: number, current: number): number[] {
  const newestFirst = [...versions].sort((a, b) => b - a);
  return newestFirst.slice(keep).filter((v) => v !== current);
}

/** What publishing would do, read without changing anything: for a dry run, and the plan a run carries out. */
export interface PublishPlan {
  /** The version that already holds this content, reused instead of publishing. */
  reuse?: { layerVersionArn: string; version: number };
  /** Versions this action published, to weigh against keep-versions. */
  ours: number[];
}

export async function planPublish(lambda: LambdaClient, request: PublishRequest): Promise<PublishPlan> {
  const versions = await listVersions(lambda, request.name);
  const same = await findSameContent(lambda, request.name, request.sha256, versions);
  const ours = versions.flatMap((v) =>
    v.Version !== undefined && publishedByUs(v.Description) ? [v.Version] : [],
  );
  const reuse =
    same?.LayerVersionArn && same.Version !== undefined
      ? { layerVersionArn: same.LayerVersionArn, version: same.Version }
      : undefined;
  return { reuse, ours };
}

/** The versions a plan deletes once `version` (new or reused) is the one output. */
function prunedBy(plan: PublishPlan, keep: number, version: number): number[] {
  return versionsToPrune([...new Set([...plan.ours, version])], keep, version);
}

/**
 * The versions a run with this plan would delete: all of this action's beyond the newest
 * keep-versions, counting a new version as the newest, never the one it would output.
 */
export function plannedPrune(plan: PublishPlan, keep: number): number[] {
  if (plan.reuse) return prunedBy(plan, keep, plan.reuse.version);
  // A new version's number is above every existing one; which number it gets does not matter here.
  return prunedBy(plan, keep, Math.max(0, ...plan.ours) + 1);
}

export async function publishLayer(
  lambda: LambdaClient,
  request: PublishRequest,
  log: (line: string) => void,
): Promise<PublishResult> {
  const plan = await planPublish(lambda, request);
  let arn: string;
  let version: number;
  let published = false;
  if (plan.reuse) {
    arn = plan.reuse.layerVersionArn;
    version = plan.reuse.version;
    log(`Layer ${request.name} version ${version} already holds this content; nothing is published.`);
  } else {
    const out = await lambda.send(
      new PublishLayerVersionCommand({
        LayerName: request.name,
        Content: { S3Bucket: request.bucket, S3Key: request.key },
        CompatibleArchitectures: [request.architecture],
        CompatibleRuntimes:
          request.compatibleRuntimes.length > 0 ? (request.compatibleRuntimes as Runtime[]) : undefined,
        Description: layerDescription(request.description, request.sha256, request.unzippedSize),
      }),
    );
    if (!out.LayerVersionArn || out.Version === undefined)
      throw new Error("PublishLayerVersion returned no version.");
    arn = out.LayerVersionArn;
    version = out.Version;
    published = true;
    log(`Published layer ${request.name} version ${version}.`);
  }
  const pruned = prunedBy(plan, request.keepVersions, version);
  for (const old of pruned) {
    await lambda.send(new DeleteLayerVersionCommand({ LayerName: request.name, VersionNumber: old }));
    log(`Deleted layer ${request.name} version ${old} (keeping the newest ${request.keepVersions}).`);
  }
  return { layerVersionArn: arn, version, published, pruned };
}
