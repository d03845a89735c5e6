import { createHash } from "node:crypto";
import { copyFile, mkdir, mkdtemp, open, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, extname, join, resolve } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { HeadObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { describeAwsError, errorCode } from "../aws/errors";
import { InputError } from "../errors";
import { treeUnzippedSize, zipTree } from "../layer/zip";
import type { Range } from "../template/model";
import { parseTemplate, toPlain } from "../template/parse";
import { findLocalArtifacts, type LocalArtifact, type Shape } from "./local-artifacts";
import type { Log, S3Like } from "./runtime";
import { type TemplateArtifacts, TemplateError, templateUrl } from "./template-source";

/**
 * Packaging, as `aws cloudformation package` does it: local paths in a template's code and
 * definition properties are zipped (directories, and single files where Lambda wants a zip) or
 * uploaded as they are, under content-addressed keys, and replaced by their S3 locations.
 *
 * It runs in two steps. `planPackage` reads the template (and the local templates of nested
 * stacks, recursively) and checks that every local path exists, with no AWS call, so a missing
 * path fails before anything is uploaded. `runPackage` zips, uploads what S3 does not hold yet,
 * and writes the new locations into the template's text in place of the paths: the rest of the
 * text (comments, short-form tags, layout, YAML or JSON) stays as the user wrote it, and the same
 * code always gives the same bytes, so an unchanged deploy still takes the no-op path.
 */

export interface PackagePlan {
  /** The template's path as used in messages. */
  file: string;
  /** The directory local paths are relative to. */
  dir: string;
  body: string;
  format: "yaml" | "json";
  plain: Record<string, unknown>;
  artifacts: LocalArtifact[];
}

/** A local path that is missing or unusable: where it is in the template, so it can be annotated. */
export class PackageError extends TemplateError {
  constructor(
    message: string,
    readonly location: { file: string; line: number },
  ) {
    super(message);
    this.name = "PackageError";
  }
}

export interface PlanOptions {
  /** The template's path as used in messages. */
  file: string;
  body: string;
  /** The directory local paths are relative to: the template's own directory. */
  dir: string;
}

/**
 * Reads what packaging needs and checks every local path, recursing into local nested templates;
 * no AWS call. Fails with the owner's logical id and line when a path is missing.
 */
export async function planPackage(options: PlanOptions, seen: string[] = []): Promise<PackagePlan> {
  const parsed = parseTemplate(options.body, options.file);
  if (parsed.root?.kind !== "map") {
    const first = parsed.findings[0];
    const where = first ? ` (line ${first.range.start.line}: ${first.message})` : "";
    throw new TemplateError(`Template ${options.file} could not be parsed${where}.`);
  }
  const artifacts = findLocalArtifacts(parsed.root, options.dir);
  const plan: PackagePlan = {
    file: options.file,
    dir: options.dir,
    body: options.body,
    format: parsed.format,
    plain: toPlain(parsed.root) as Record<string, unknown>,
    artifacts,
  };
  for (const artifact of artifacts) {
    const where = { file: options.file, line: artifact.line };
    const at = `${options.file} line ${artifact.line}`;
    const info = await stat(artifact.path).catch(() => undefined);
    if (!info) {
      throw new PackageError(
        `${artifact.owner} ${artifact.property}: the local path '${artifact.value}' (${artifact.path}) does not exist (${at}). Nothing was uploaded. Local paths are relative to the template's directory; fix the path, or give an s3:// location.`,
        where,
      );
    }
    if (artifact.spec.upload !== "template") continue;
    if (!info.isFile()) {
      throw new PackageError(
        `${artifact.owner} ${artifact.property}: '${artifact.value}' is a directory, not a template file (${at}). Nothing was uploaded.`,
        where,
      );
    }
    if (seen.includes(artifact.path)) {
      throw new PackageError(
        `${artifact.owner} ${artifact.property}: '${artifact.value}' includes itself through nested stacks (${at}). Nothing was uploaded.`,
        where,
      );
    }
    const body = await readFile(artifact.path, "utf8");
    try {
      artifact.nested = await planPackage({ file: artifact.path, body, dir: dirname(artifact.path) }, [
        ...seen,
        resolve(options.dir, basename(options.file)),
        artifact.path,
      ]);
    } catch (error) {
      if (error instanceof PackageError || !(error instanceof TemplateError)) throw error;
      throw new PackageError(`${artifact.owner} ${artifact.property}: ${error.message} (${at})`, where);
    }
  }
  return plan;
}

/** The properties whose local code counts against Lambda's unzipped limit for a function and its layers. */
const FUNCTION_CODE_PROPERTIES = new Set(["CodeUri", "Code", "ContentUri", "Content"]);

/**
 * The unzipped bytes of the plan's local function code and layer content (not of nested
 * templates), by the logical id that names them ("Globals" for Globals.Function): what the zips
 * will hold, measured by one walk before anything is zipped or uploaded. A path that is a zip
 * already, or is missing, is left out (its size is unknown here).
 */
export async function localCodeSizes(plan: Pick<PackagePlan, "artifacts">): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  for (const artifact of plan.artifacts) {
    if (artifact.spec.upload !== "zip" || !FUNCTION_CODE_PROPERTIES.has(artifact.property)) continue;
    // A missing path (packaging fails on it before this is asked) is left out: unknown.
    const info = await stat(artifact.path).catch(() => undefined);
    if (!info) continue;
    if (info.isDirectory()) {
      sizes.set(artifact.logicalId, await treeUnzippedSize([{ dir: artifact.path, prefix: "" }]));
    } else {
      const head = Buffer.alloc(4);
      const file = await open(artifact.path, "r");
      try {
        await file.read(head, 0, 4, 0);
      } finally {
        await file.close();
      }
      if (!head.equals(ZIP_MAGIC)) sizes.set(artifact.logicalId, info.size);
    }
  }
  return sizes;
}

/** True when the plan (or a nested template in it) has anything to upload. */
export function hasLocalArtifacts(plan: PackagePlan): boolean {
  return plan.artifacts.length > 0;
}

export interface PackageTarget extends TemplateArtifacts {
  /** The input or option that names the bucket, for the error when it is missing. */
  bucketInput: string;
}

export interface PackagedArtifact {
  owner: string;
  property: string;
  value: string;
  /** The S3 key it went to. */
  key: string;
  bytes: number;
  /** False when S3 already held the object. */
  uploaded: boolean;
}

export interface PackageResult {
  /** The packaged template: the input unchanged when it has no local paths. */
  body: string;
  changed: boolean;
  /** Every artifact of the template and its nested templates, in the order they were packaged. */
  artifacts: PackagedArtifact[];
  uploaded: number;
  reused: number;
  /** True when the packaged text had to be written as JSON rather than edited in place. */
  rewrittenAsJson: boolean;
}

export interface PackageDeps {
  s3?: S3Like;
  log: Log;
  /** Replaceable for tests; defaults to the deterministic zipper. */
  zip?: typeof zipTree;
}

/** The key prefix with a trailing slash, or "". */
export function normalisePrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? "").replace(/^\/+/, "");
  return trimmed === "" || trimmed.endsWith("/") ? trimmed : `${trimmed}/`;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

class Packager {
  private readonly artifacts: PackagedArtifact[] = [];
  /** Content already packaged in this run, by source path and kind: a directory zips once. */
  private readonly done = new Map<string, { key: string; bytes: number }>();
  private uploaded = 0;
  private reused = 0;
  private rewrittenAsJson = false;
  private temp: string | undefined;

  constructor(
    private readonly target: PackageTarget & { bucket: string },
    private readonly deps: PackageDeps & { s3: S3Like },
  ) {}

  private async tempDir(): Promise<string> {
    this.temp ??= await mkdtemp(join(tmpdir(), "preview-stacks-package-"));
    return this.temp;
  }

  async cleanup(): Promise<void> {
    if (this.temp) await rm(this.temp, { recursive: true, force: true });
  }

  result(body: string, changed: boolean): PackageResult {
    return {
      body,
      changed,
      artifacts: this.artifacts,
      uploaded: this.uploaded,
      reused: this.reused,
      rewrittenAsJson: this.rewrittenAsJson,
    };
  }

  private key(sha256: string, extension: string): string {
    return `${normalisePrefix(this.target.prefix)}artifacts/${sha256}${extension}`;
  }

  /** Uploads unless S3 already holds the key; content-addressed keys make the two the same. */
  private async put(key: string, body: Buffer, contentType: string): Promise<boolean> {
    const { s3 } = this.deps;
    const { bucket, region } = this.target;
    try {
      await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return false;
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
      if (status !== 404 && errorCode(error) !== "NotFound" && errorCode(error) !== "NoSuchKey") {
        throw describeAwsError(error, { action: "s3:GetObject", bucket, region });
      }
    }
    try {
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }));
    } catch (error) {
      throw describeAwsError(error, { action: "s3:PutObject", bucket, region });
    }
    return true;
  }

  private async zipped(path: string, isDirectory: boolean): Promise<{ sha256: string; bytes: Buffer }> {
    const temp = await this.tempDir();
    let dir = path;
    if (!isDirectory) {
      // A single file of code becomes a zip holding just that file, as Lambda needs.
      dir = await mkdtemp(join(temp, "file-"));
      await copyFile(path, join(dir, basename(path)));
    }
    const output = join(temp, `${this.done.size}-${Date.now()}.zip`);
    const zipped = await (this.deps.zip ?? zipTree)([{ dir, prefix: "" }], output);
    return { sha256: zipped.sha256, bytes: await readFile(zipped.file) };
  }

  private async upload(artifact: LocalArtifact): Promise<string> {
    const cacheKey = `${artifact.spec.upload}:${artifact.path}`;
    let done = this.done.get(cacheKey);
    let uploaded = false;
    if (!done) {
      let content: { sha256: string; bytes: Buffer; extension: string; type: string };
      if (artifact.nested) {
        const child = await this.packageTemplate(artifact.nested);
        const bytes = Buffer.from(child, "utf8");
        content = { sha256: sha256(bytes), bytes, extension: ".template", type: "text/plain; charset=utf-8" };
      } else {
        const info = await stat(artifact.path);
        const raw = info.isFile() ? await readFile(artifact.path) : undefined;
        const alreadyZip = raw?.subarray(0, 4).equals(ZIP_MAGIC) ?? false;
        if (raw && (artifact.spec.upload === "file" || alreadyZip)) {
          const extension = alreadyZip ? ".zip" : extname(artifact.path).toLowerCase();
          content = { sha256: sha256(raw), bytes: raw, extension, type: "application/octet-stream" };
        } else {
          const zip = await this.zipped(artifact.path, info.isDirectory());
          content = { ...zip, extension: ".zip", type: "application/zip" };
        }
      }
      const key = this.key(content.sha256, content.extension);
      uploaded = await this.put(key, content.bytes, content.type);
      if (uploaded) this.uploaded++;
      else this.reused++;
      done = { key, bytes: content.bytes.length };
      this.done.set(cacheKey, done);
      this.deps.log(
        `${artifact.owner} ${artifact.property}: ${artifact.value} → s3://${this.target.bucket}/${key} (${uploaded ? "uploaded" : "already in S3"}).`,
      );
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

  private location(shape: Shape, key: string): unknown {
    const { bucket } = this.target;
    if (shape.kind === "uri") return `s3://${bucket}/${key}`;
    if (shape.kind === "url") return templateUrl(bucket, key, this.target);
    return { [shape.bucket]: bucket, [shape.key]: key };
  }

  /** The plan's template with every local path replaced by its S3 location. */
  async packageTemplate(plan: PackagePlan): Promise<string> {
    if (plan.artifacts.length === 0) return plan.body;
    const replacements: { range: Range; at: string[]; value: unknown }[] = [];
    for (const artifact of plan.artifacts) {
      const key = await this.upload(artifact);
      replacements.push({
        range: artifact.range,
        at: artifact.at,
        value: this.location(artifact.spec.shape, key),
      });
    }
    const expected = structuredClone(plan.plain);
    for (const { at, value } of replacements) setAt(expected, at, value);
    const spliced = splice(plan.body, replacements);
    if (spliced !== undefined) {
      const reparsed = parseTemplate(spliced, plan.file);
      if (reparsed.root && isDeepStrictEqual(toPlain(reparsed.root), expected)) return spliced;
    }
    // An odd value (a block scalar, say) that cannot be replaced in place: the template as JSON,
    // short forms in long form, which is still the same for the same code.
    this.rewrittenAsJson = true;
    return `${JSON.stringify(expected, null, 2)}\n`;
  }
}

function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function setAt(root: Record<string, unknown>, path: string[], value: unknown): void {
  let node = root;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path[path.length - 1]] = value;
}

/** Offsets of the starts of lines, for line/column to offset. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** JSON text for a value, which YAML reads the same in flow style: `"s3://..."`, `{ "S3Bucket": ..., ... }`. */
function inlineText(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  const entries = Object.entries(value as Record<string, unknown>).map(
    ([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`,
  );
  return `{ ${entries.join(", ")} }`;
}

/** The text with each range replaced, or undefined when a range does not span one line. */
function splice(text: string, replacements: { range: Range; value: unknown }[]): string | undefined {
  const starts = lineStarts(text);
  const offset = (line: number, column: number) => (starts[line - 1] ?? Number.NaN) + column - 1;
  const edits = replacements.map(({ range, value }) => ({
    start: offset(range.start.line, range.start.column),
    end: offset(range.end.line, range.end.column),
    text: inlineText(value),
    single: range.start.line === range.end.line,
  }));
  if (edits.some((e) => !e.single || !(e.end > e.start))) return undefined;
  edits.sort((a, b) => b.start - a.start);
  let out = text;
  for (const edit of edits) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/**
 * Packages a planned template: zips and uploads its local code and nested templates, and returns
 * the template with their S3 locations. A plan without local paths returns the body as it was,
 * with no AWS call.
 */
export async function runPackage(
  plan: PackagePlan,
  target: PackageTarget,
  deps: PackageDeps,
): Promise<PackageResult> {
  if (!hasLocalArtifacts(plan)) {
    return { body: plan.body, changed: false, artifacts: [], uploaded: 0, reused: 0, rewrittenAsJson: false };
  }
  const first = plan.artifacts[0];
  if (!target.bucket) {
    throw new InputError(
      target.bucketInput,
      `the template ${plan.file} has local paths to package (${first.owner} ${first.property}: ${first.value}, line ${first.line}), so it needs an S3 bucket in ${target.region} to upload them to. Set ${target.bucketInput}, or give S3 locations in the template.`,
    );
  }
  if (!deps.s3)
    throw new TemplateError(`Template ${plan.file} has local paths to upload, but no S3 client was given.`);
  const packager = new Packager({ ...target, bucket: target.bucket }, { ...deps, s3: deps.s3 });
  try {
    const body = await packager.packageTemplate(plan);
    const result = packager.result(body, body !== plan.body);
    deps.log(
      `Packaged ${result.artifacts.length} local ${result.artifacts.length === 1 ? "path" : "paths"}: ${result.uploaded} uploaded, ${result.reused} already in S3.`,
    );
    return result;
  } finally {
    await packager.cleanup();
  }
}

/** The directory a template's local paths are relative to. */
export function templateDir(file: string, cwd = process.cwd()): string {
  return dirname(resolve(cwd, file));
}

/** Writes a packaged template into `dir` as `<name>.packaged.<ext>`; returns its path. */
export async function writePackagedTemplate(dir: string, file: string, body: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const ext = extname(file).toLowerCase();
  const name = `${basename(file, extname(file))}.packaged${ext === ".json" ? ".json" : ext || ".yaml"}`;
  const path = join(dir, name);
  await writeFile(path, body);
  return path;
}
