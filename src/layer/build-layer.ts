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
  readCachedLayer,
  writeCachedLayer,
  ZIP_NAME,
} from "./cache";
import type { CommandRunner } from "./command";
import { contentKey, type ToolProbe } from "./key";
import { absoluteIncludes, buildLayout, checkSource, type LayoutInputs } from "./layout";
import { checkLayerSize } from "./limits";
import { layerObjectKey, publishLayer, uploadZip } from "./publish";
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
}

export interface BuildLayerResult {
  contentKey: string;
  cacheHit: boolean;
  zip: CachedLayer & { file: string };
  s3Uri?: string;
  uploaded?: boolean;
  layerVersionArn?: string;
  layerVersion?: number;
  published: boolean;
  pruned: number[];
}

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
  try {
    const hit = await deps.cache.restore([deps.cachePath], key);
    if (hit === undefined) {
      deps.log(`Cache miss for ${key}; building.`);
      return undefined;
    }
  } catch (error) {
    deps.warn(
      `The Actions cache could not be read (${(error as Error).message}); building the layer instead.`,
    );
    return undefined;
  }
  const layer = await readCachedLayer(deps.cacheDir);
  if (!layer) deps.warn(`The cache entry ${key} holds no usable layer zip; building the layer instead.`);
  else deps.log(`Cache hit for ${key}: the build is skipped.`);
  return layer;
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
    await rm(deps.cacheDir, { recursive: true, force: true });
    await mkdir(deps.cacheDir, { recursive: true });
    const zip = await zipTree([{ dir: layerDir, prefix: "" }], join(deps.cacheDir, ZIP_NAME));
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
  await checkSource(layout, inputs.source);
  const hash = await contentKey(layout, deps.probe);
  const key = cacheKey(inputs.name, inputs.architecture, hash);
  deps.log(`Content key: ${hash}`);

  const restored = await restore(inputs, deps, key);
  const layer = restored ?? (await build(inputs, layout, deps));
  // Checked on a cache hit too: a limit is a property of the content, wherever it came from.
  checkLayerSize(layer.unzippedSize, (n) => layer.largestDirectories.slice(0, n));

  if (!restored && inputs.cache && deps.cache?.available()) {
    try {
      await deps.cache.save([deps.cachePath], key);
      deps.log(`Saved the layer to the cache as ${key}.`);
    } catch (error) {
      deps.warn(
        `The layer could not be saved to the Actions cache (${(error as Error).message}); the next run builds it again.`,
      );
    }
  }

  const result: BuildLayerResult = {
    contentKey: hash,
    cacheHit: restored !== undefined,
    zip: { ...layer, file: join(deps.cacheDir, ZIP_NAME) },
    published: false,
    pruned: [],
  };
  if (!inputs.publish || !inputs.artifactBucket) return result;
  if (!deps.s3 || !deps.lambda) throw new Error("Publishing needs the S3 and Lambda clients.");
  const objectKey = layerObjectKey(inputs.artifactPrefix, inputs.name, layer.sha256);
  result.s3Uri = `s3://${inputs.artifactBucket}/${objectKey}`;
  result.uploaded = await uploadZip(deps.s3, { bucket: inputs.artifactBucket, key: objectKey }, result.zip);
  deps.log(
    result.uploaded ? `Uploaded ${result.s3Uri}.` : `${result.s3Uri} is already there; not uploaded again.`,
  );
  const published = await publishLayer(
    deps.lambda,
    {
      name: inputs.name,
      bucket: inputs.artifactBucket,
      key: objectKey,
      sha256: layer.sha256,
      architecture: inputs.architecture,
      compatibleRuntimes: inputs.compatibleRuntimes,
      description: inputs.description,
      keepVersions: inputs.keepVersions,
    },
    deps.log,
  );
  return {
    ...result,
    layerVersionArn: published.layerVersionArn,
    layerVersion: published.version,
    published: published.published,
    pruned: published.pruned,
  };
}
