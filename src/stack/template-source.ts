import { createHash } from "node:crypto";
import { PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { describeAwsError } from "../aws/errors";
import type { MapNode, Node } from "../template/model";
import { mapGet, parseTemplate, toPlain } from "../template/parse";
import { thousands } from "../text";

/** CloudFormation's limit for TemplateBody; larger templates must be passed by S3 URL. */
export const TEMPLATE_BODY_LIMIT = 51_200;
/** CloudFormation's hard limit for a template passed by S3 URL: nothing larger is accepted at all. */
export const TEMPLATE_URL_LIMIT = 1_000_000;

export interface LoadedTemplate {
  file: string;
  body: string;
  bytes: number;
  /** sha256 of the body, hex: the S3 key, so an unchanged template is never stored twice. */
  hash: string;
  /** The template as JSON.parse would give it (short-form tags in long form), for diffs. */
  plain: Record<string, unknown>;
  /** The parsed node tree, with lines, for checks that walk the template (parsed once here). */
  root: MapNode;
  hasTransform: boolean;
  /** 1-based line of a top-level Resources entry, for annotations; undefined when not found. */
  resourceLine(logicalId: string): number | undefined;
  /**
   * 1-based line of the node at a path of keys and list indices (["Resources", "Api", "Properties"]),
   * or of the deepest part of it the template has. Undefined unless the section and the entry in it
   * (the first two steps) are there: a section's line alone would point at nothing in particular.
   */
  pathLine(path: string[]): number | undefined;
}

function lineAt(root: Node, path: string[]): number | undefined {
  let node: Node | undefined = root;
  let line: number | undefined;
  let depth = 0;
  for (const key of path) {
    if (node?.kind === "map") {
      const entry = mapGet(node, key);
      if (!entry) break;
      line = entry.keyRange.start.line;
      node = entry.value;
    } else if (node?.kind === "seq" && /^\d+$/.test(key) && Number(key) < node.items.length) {
      node = node.items[Number(key)];
      line = node.range.start.line;
    } else break;
    depth++;
  }
  return depth >= 2 ? line : undefined;
}

/**
 * A template body as a plain object (short forms in long form), or undefined when it is empty:
 * for templates read back from CloudFormation, which need no line numbers.
 */
export function plainTemplate(body: string, label: string): Record<string, unknown> | undefined {
  const parsed = parseTemplate(body, label);
  return parsed.root ? (toPlain(parsed.root) as Record<string, unknown>) : undefined;
}

export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TemplateError";
  }
}

export function loadTemplate(file: string, body: string): LoadedTemplate {
  const parsed = parseTemplate(body, file);
  if (parsed.root?.kind !== "map") {
    const first = parsed.findings[0];
    const where = first ? ` (line ${first.range.start.line}: ${first.message})` : "";
    throw new TemplateError(
      `Template ${file} could not be parsed${where}. Fix the template; the validate action reports every problem with its line.`,
    );
  }
  const root = parsed.root as MapNode;
  const resources = mapGet(root, "Resources")?.value;
  const transform = mapGet(root, "Transform");
  return {
    file,
    body,
    bytes: Buffer.byteLength(body, "utf8"),
    hash: createHash("sha256").update(body).digest("hex"),
    plain: toPlain(root) as Record<string, unknown>,
    root,
    hasTransform:
      transform !== undefined && !(transform.value.kind === "seq" && transform.value.items.length === 0),
    resourceLine: (logicalId) => mapGet(resources, logicalId)?.keyRange.start.line,
    pathLine: (path) => lineAt(root, path),
  };
}

export interface TemplateArtifacts {
  bucket?: string;
  /** Key prefix inside the bucket; a trailing slash is added when missing. */
  prefix?: string;
  region: string;
  /** Set when requests go to a local endpoint, so the URL points there in path style. */
  endpoint?: string;
}

export type TemplateLocation = { TemplateBody: string } | { TemplateURL: string };

export function artifactKey(template: LoadedTemplate, stackName: string, prefix = ""): string {
  const base = prefix === "" || prefix.endsWith("/") ? prefix : `${prefix}/`;
  return `${base}${stackName}/${template.hash}.template`;
}

export function templateUrl(bucket: string, key: string, artifacts: TemplateArtifacts): string {
  const path = key.split("/").map(encodeURIComponent).join("/");
  if (artifacts.endpoint) return `${artifacts.endpoint.replace(/\/+$/, "")}/${bucket}/${path}`;
  return `https://${bucket}.s3.${artifacts.region}.amazonaws.com/${path}`;
}

/**
 * Fails early, before any AWS call or upload, when a template is over CloudFormation's hard limit
 * (no bucket helps), or needs S3 and no bucket was given.
 */
export function requireArtifactBucket(
  template: LoadedTemplate,
  bucket: string | undefined,
  region: string,
): void {
  if (template.bytes > TEMPLATE_URL_LIMIT) {
    throw new TemplateError(
      `Template ${template.file} is ${thousands(template.bytes)} bytes, over CloudFormation's hard limit of ${thousands(TEMPLATE_URL_LIMIT)} bytes for any template, even one passed through S3; nothing was uploaded. Split it into nested stacks (AWS::CloudFormation::Stack), or move large inline code and policies out of it.`,
    );
  }
  if (template.bytes <= TEMPLATE_BODY_LIMIT || bucket) return;
  throw new TemplateError(
    `Template ${template.file} is ${thousands(template.bytes)} bytes, over CloudFormation's ${thousands(TEMPLATE_BODY_LIMIT)}-byte limit for inline templates. Set artifact-bucket to an S3 bucket in ${region} so the template can be uploaded and passed by URL.`,
  );
}

/**
 * Small templates go inline. Larger ones are uploaded once per content hash and passed by URL;
 * without a bucket that is impossible, and the error says which input to set.
 */
export async function templateLocation(
  template: LoadedTemplate,
  stackName: string,
  artifacts: TemplateArtifacts,
  s3: Pick<S3Client, "send"> | undefined,
): Promise<TemplateLocation> {
  if (template.bytes <= TEMPLATE_BODY_LIMIT) return { TemplateBody: template.body };
  requireArtifactBucket(template, artifacts.bucket, artifacts.region);
  if (!artifacts.bucket || !s3) {
    throw new TemplateError(`Template ${template.file} must go through S3, but no S3 client was given.`);
  }
  const key = artifactKey(template, stackName, artifacts.prefix);
  try {
    await s3.send(
      new PutObjectCommand({
        Bucket: artifacts.bucket,
        Key: key,
        Body: template.body,
        ContentType: "text/plain; charset=utf-8",
      }),
    );
  } catch (error) {
    throw describeAwsError(error, {
      action: "s3:PutObject",
      stackName,
      bucket: artifacts.bucket,
      region: artifacts.region,
    });
  }
  return { TemplateURL: templateUrl(artifacts.bucket, key, artifacts) };
}
