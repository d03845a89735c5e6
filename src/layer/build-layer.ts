/**
 * The build-layer flow: content key, cache restore, build in Lambda's layout, deterministic zip,
 * size limit, cache save, then upload and publish. Knows nothing of @actions/core: the entry passes
 * the log, the collapsed group, the cache client and the AWS clients.
 */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { LambdaClient } from "@aws-sdk/client-lambda";
import type { S3Client } from "@aws-sdk/client-s3";
import type { BuildLayerInputs } from "../inputs";
import {
  type CacheClient,
  type CachedLayer,
  cacheKey,
  RECORD_DIR,
  readCachedLayer,
  restoredZipMatches,
  writeCachedLayer,
  ZIP_DIR,
  ZIP_SUFFIX,
  zipFile,
} from "./cache";
import type { CommandRunner } from "./command";
import { contentKey, type ToolProbe } from "./key";
import { absoluteIncludes, buildLayout, checkSource, type LayoutInputs } from "./layout";
import { checkLayerSize } from "./limits";
import { checkNativeFiles } from "./native-check";
import { zipTree } from "./zip";

export interface BuildLayerDeps {
  workspace: string;
  /** Scratch space (RUNNER_TEMP). */
  tempDir: string;
  /** Where the zip and its record live, and what the cache saves (an absolute path). */
  cacheDir: string;
  /** The same directory as the cache client names it (e.g. with `~`), so its cache version is stable across runners. */
  cachePath: string;
  cache?: CacheClient;
  run: CommandRunner;
  probe: ToolProbe;
  log: (line: string) => void;
  warn: (line: string) => void;
  /** Runs `fn` with its output in a collapsed group. */
  group: <T>(title: string, fn: () => Promise<T>) => Promise<T>;
  s3?: S3Client;
  lambda?: LambdaClient;
  env?: NodeJS.ProcessEnv;
  /**
   * When a cache hit fetches the zip itself: "always" (the default: the zip is on disk after every
   * run), or "to-upload": only when it is to be uploaded, its object not yet in the bucket; a hit
   * then restores the small record alone.
   */
  fetchZip?: "always" | "to-upload";
}

export interface BuildLayerResult {
  contentKey: string;
  cacheHit: boolean;
  /** `onDisk` is false when a cache hit needed no zip (fetchZip "to-upload"); `file` is then where it would be. */
  zip: CachedLayer & { file: string; onDisk: boolean };
  s3Uri?: string;
  uploaded?: boolean;
  layerVersionArn?: string;
  layerVersion?: number;
  published: boolean;
  pruned: number[];
  /** A dry run's plan (input dry-run): what publishing would have done; nothing was changed. */
  planned?: { upload: boolean; publish: boolean; prune: number[] };
}

/** A dry run's plan in words, for the job summary and the command line: "a run would ...". */
export function describePlan(result: BuildLayerResult): string | undefined {
  const plan = result.planned;
  if (!plan) return undefined;
  const steps = [
    plan.upload ? "upload the zip" : "upload nothing (the zip is in the bucket)",
    plan.publish ? "publish a new version" : `reuse version ${result.layerVersion}`,
    plan.prune.length > 0 ? `delete versions ${plan.prune.join(", ")}` : "delete no version",
  ];
  return `nothing was changed; a run would ${steps.join(", ")}`;
}

/** The cache paths of the record and of the zip, as the cache client names them. */
function cachePaths(deps: BuildLayerDeps): { record: string; zip: string } {
  return { record: `${deps.cachePath}/${RECORD_DIR}`, zip: `${deps.cachePath}/${ZIP_DIR}` };
}

/** Restores one entry; false on a miss, and after a warning when the service fails. */
async function restoreEntry(deps: BuildLayerDeps & { cache: CacheClient }, path: string, key: string) {
  try {
    return (await deps.cache.restore([path], key)) !== undefined;
  } catch (error) {
    deps.warn(
      `The Actions cache could not be read (${(error as Error).message}); building the layer instead.`,
    );
    return false;
  }
}

/** The cached layer's record, or undefined on a miss (then the layer is built). */
async function restore(
  inputs: BuildLayerInputs,
  deps: BuildLayerDeps,
  key: string,
): Promise<CachedLayer | undefined> {
  if (!inputs.cache) {
    deps.log("Cache is off (cache: false); building.");
    return undefined;
  }
  if (!deps.cache?.available()) {
    deps.log(
      "No Actions cache service in this environment (not running on GitHub Actions?); building without a cache.",
    );
    return undefined;
  }
  // What an earlier job left on a reused runner must not pass for what this key restores.
  await rm(deps.cacheDir, { recursive: true, force: true });
  if (!(await restoreEntry({ ...deps, cache: deps.cache }, cachePaths(deps).record, key))) {
    deps.log(`Cache miss for ${key}; building.`);
    return undefined;
  }
  const layer = await readCachedLayer(deps.cacheDir);
  if (!layer) deps.warn(`The cache entry ${key} holds no usable layer record; building the layer instead.`);
  return layer;
}

/** Restores the zip the record describes; false (after a warning) when it cannot be had. */
async function restoreZip(deps: BuildLayerDeps, key: string, layer: CachedLayer): Promise<boolean> {
  if (!deps.cache) return false;
  const restored = await restoreEntry({ ...deps, cache: deps.cache }, cachePaths(deps).zip, key + ZIP_SUFFIX);
  if (restored && (await restoredZipMatches(deps.cacheDir, layer))) return true;
  deps.warn(`The cache entry ${key} holds no usable layer zip; building the layer instead.`);
  return false;
}

async function save(deps: BuildLayerDeps & { cache: CacheClient }, key: string): Promise<void> {
  try {
    // The zip first, so a save that fails outright leaves no record without its zip.
    await deps.cache.save([cachePaths(deps).zip], key + ZIP_SUFFIX);
    await deps.cache.save([cachePaths(deps).record], key);
    deps.log(`Saved the layer to the cache as ${key}.`);
  } catch (error) {
    deps.warn(
      `The layer could not be saved to the Actions cache (${(error as Error).message}); the next run builds it again.`,
    );
  }
}

async function build(
  inputs: BuildLayerInputs,
  layout: LayoutInputs,
  deps: BuildLayerDeps,
): Promise<CachedLayer> {
  const work = await mkdtemp(join(deps.tempDir, `layer-${inputs.name}-`));
  try {
    const layerDir = join(work, "layer");
    await mkdir(layerDir);
    await deps.group(`Building layer ${inputs.name} (${inputs.runtime}, ${inputs.architecture})`, () =>
      buildLayout(layout, layerDir, { run: deps.run, tempDir: work, env: deps.env }),
    );
    // Before the zip is written or cached: a layer Lambda cannot load is never stored.
    await checkNativeFiles(layerDir, inputs.architecture);
    await rm(deps.cacheDir, { recursive: true, force: true });
    await mkdir(join(deps.cacheDir, ZIP_DIR), { recursive: true });
    const zip = await zipTree([{ dir: layerDir, prefix: "" }], zipFile(deps.cacheDir));
    const layer: CachedLayer = {
      sha256: zip.sha256,
      size: zip.size,
      unzippedSize: zip.unzippedSize,
      entries: zip.entries,
      largestDirectories: zip.largestDirectories(10),
    };
    await writeCachedLayer(deps.cacheDir, layer);
    deps.log(
      `Zipped ${zip.entries} entries: ${zip.size} bytes, ${zip.unzippedSize} unzipped, sha256 ${zip.sha256}.`,
    );
    return layer;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export async function buildLayer(inputs: BuildLayerInputs, deps: BuildLayerDeps): Promise<BuildLayerResult> {
  const layout: LayoutInputs = {
    runtime: inputs.runtime,
    architecture: inputs.architecture,
    source: resolve(deps.workspace, inputs.source),
    include: absoluteIncludes(inputs.include, deps.workspace),
    buildCommand: inputs.buildCommand,
    pipArgs: inputs.pipArgs,
    compatibleRuntimes: inputs.compatibleRuntimes,
  };
  await checkSource(layout);
  const hash = await contentKey(layout, deps.probe);
  const key = cacheKey(inputs.name, inputs.architecture, hash);
  deps.log(`Content key: ${hash}`);

  const publishing = inputs.publish && inputs.artifactBucket !== undefined && inputs.artifactBucket !== "";
  if (publishing && (!deps.s3 || !deps.lambda))
    throw new Error("Publishing needs the S3 and Lambda clients.");
  // The AWS SDK's commands load only when publishing (a run that only builds starts sooner),
  // while the cache is read.
  const loading = publishing ? import("./publish") : undefined;
  let layer = await restore(inputs, deps, key);
  const aws = await loading;
  const target = (sha256: string) => ({
    bucket: inputs.artifactBucket ?? "",
    key: aws?.layerObjectKey(inputs.artifactPrefix, inputs.name, sha256) ?? "",
  });
  let exists: boolean | undefined;
  let onDisk = false;
  if (layer) {
    // Checked on a cache hit too: a limit is a property of the content, wherever it came from.
    checkLayerSize(layer.unzippedSize, (n) => (layer?.largestDirectories ?? []).slice(0, n));
    if (aws && deps.s3) exists = await aws.objectExists(deps.s3, target(layer.sha256));
    if (deps.fetchZip !== "to-upload" || (publishing && !exists && !inputs.dryRun)) {
      onDisk = await restoreZip(deps, key, layer);
      if (!onDisk) layer = undefined;
    }
    if (layer) deps.log(`Cache hit for ${key}: the build is skipped.`);
  }
  const cacheHit = layer !== undefined;
  if (!layer) {
    layer = await build(inputs, layout, deps);
    onDisk = true;
    exists = undefined;
    checkLayerSize(layer.unzippedSize, (n) => (layer?.largestDirectories ?? []).slice(0, n));
    if (inputs.cache && deps.cache?.available()) await save({ ...deps, cache: deps.cache }, key);
  }

  if (inputs.template) {
    // Loaded only when asked for: the template parser and the packager are large.
    const { checkLayerAgainstTemplate } = await import("./template-check");
    await checkLayerAgainstTemplate({
      workspace: deps.workspace,
      file: inputs.template.file,
      parameter: inputs.template.parameter,
      layer: { name: inputs.name, unzippedSize: layer.unzippedSize },
      lambda: deps.lambda,
      log: deps.log,
      warn: deps.warn,
    });
  }

  const result: BuildLayerResult = {
    contentKey: hash,
    cacheHit,
    zip: { ...layer, file: zipFile(deps.cacheDir), onDisk },
    published: false,
    pruned: [],
  };
  if (!aws || !deps.s3 || !deps.lambda) return result;
  const objectKey = target(layer.sha256).key;
  result.s3Uri = `s3://${inputs.artifactBucket}/${objectKey}`;
  const request = {
    name: inputs.name,
    bucket: target(layer.sha256).bucket,
    key: objectKey,
    sha256: layer.sha256,
    unzippedSize: layer.unzippedSize,
    architecture: inputs.architecture,
    compatibleRuntimes: inputs.compatibleRuntimes,
    description: inputs.description,
    keepVersions: inputs.keepVersions,
  };
  if (inputs.dryRun) {
    // Reads only: HeadObject, ListLayerVersions, GetLayerVersion.
    const upload = !(exists ?? (await aws.objectExists(deps.s3, target(layer.sha256))));
    const plan = await aws.planPublish(deps.lambda, request);
    const planned: BuildLayerResult = {
      ...result,
      layerVersionArn: plan.reuse?.layerVersionArn,
      layerVersion: plan.reuse?.version,
      planned: { upload, publish: !plan.reuse, prune: aws.plannedPrune(plan, inputs.keepVersions) },
    };
    deps.log(`Dry run of layer ${inputs.name}: ${describePlan(planned)}.`);
    return planned;
  }
  result.uploaded = await aws.uploadZip(deps.s3, target(layer.sha256), result.zip, exists);
  deps.log(
    result.uploaded ? `Uploaded ${result.s3Uri}.` : `${result.s3Uri} is already there; not uploaded again.`,
  );
  const published = await aws.publishLayer(deps.lambda, request, deps.log);
  return {
    ...result,
    layerVersionArn: published.layerVersionArn,
    layerVersion: published.version,
    published: published.published,
    pruned: published.pruned,
  };
}
