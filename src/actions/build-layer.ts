/**
 * The build-layer action: reads the inputs, builds (or restores from the Actions cache) the layer's
 * deterministic zip, publishes it when asked, and writes the outputs and a job summary.
 */
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import * as cache from "@actions/cache";
import * as core from "@actions/core";
import { BUILD_LAYER_OUTPUTS, type BuildLayerInputs, type ReadInput, readBuildLayerInputs } from "../inputs";
import { type BuildLayerResult, buildLayer, describePlan } from "../layer/build-layer";
import type { CacheClient } from "../layer/cache";
import { captureOutput, streamingRunner } from "../layer/command";
import { mib } from "../layer/limits";
import { code } from "../template/report/markdown";
import { isEntry } from "./entry";
import { reportFailure } from "./failure";

/** @actions/cache itself warns and returns undefined when the service fails; errors it throws are rethrown here as the flow expects. */
const actionsCache: CacheClient = {
  available: () => cache.isFeatureAvailable(),
  restore: (paths, key) => cache.restoreCache(paths, key),
  save: async (paths, key) => {
    await cache.saveCache(paths, key);
  },
};

/** The AWS SDK is loaded only when publishing: a run that only builds starts sooner. */
async function awsClients() {
  const [{ createS3Client, resolveRegion }, { createLambdaClient }] = await Promise.all([
    import("../aws/clients"),
    import("../aws/lambda-client"),
  ]);
  const region = resolveRegion();
  return { s3: createS3Client({ region }), lambda: createLambdaClient({ region }) };
}

function writeOutputs(result: BuildLayerResult): void {
  core.setOutput(BUILD_LAYER_OUTPUTS.layerVersionArn, result.layerVersionArn ?? "");
  core.setOutput(BUILD_LAYER_OUTPUTS.layerVersion, result.layerVersion?.toString() ?? "");
  core.setOutput(BUILD_LAYER_OUTPUTS.sha256, result.zip.sha256);
  core.setOutput(BUILD_LAYER_OUTPUTS.s3Uri, result.s3Uri ?? "");
  core.setOutput(BUILD_LAYER_OUTPUTS.size, result.zip.size.toString());
  core.setOutput(BUILD_LAYER_OUTPUTS.unzippedSize, result.zip.unzippedSize.toString());
  core.setOutput(BUILD_LAYER_OUTPUTS.cacheHit, String(result.cacheHit));
  core.setOutput(BUILD_LAYER_OUTPUTS.published, String(result.published));
}

function summary(inputs: BuildLayerInputs, result: BuildLayerResult): string {
  const rows: [string, string][] = [
    ["layer", `${code(inputs.name)} (${inputs.runtime}, ${inputs.architecture})`],
    ["sha256", code(result.zip.sha256)],
    [
      "size",
      `${mib(result.zip.size)} zipped, ${mib(result.zip.unzippedSize)} unzipped, ${result.zip.entries} entries`,
    ],
    ["cache", result.cacheHit ? "hit: build skipped" : "built"],
  ];
  if (result.layerVersionArn) {
    rows.push([
      "version",
      `${code(result.layerVersionArn)} (${result.published ? "published" : "unchanged, reused"})`,
    ]);
  }
  if (result.pruned.length > 0) rows.push(["pruned", result.pruned.map((v) => `${v}`).join(", ")]);
  const plan = describePlan(result);
  if (plan) rows.push(["dry run", plan]);
  return `### Layer ${code(inputs.name)}\n\n| | |\n| --- | --- |\n${rows.map(([k, v]) => `| ${k} | ${v} |`).join("\n")}\n`;
}

/**
 * The action's work on inputs read through `read`, the job summary included; the all-in-one
 * action calls it once per entry of its layers input.
 */
export async function buildLayerStep(read: ReadInput): Promise<BuildLayerResult> {
  const inputs = readBuildLayerInputs(read);
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const folder = `${inputs.name}-${inputs.architecture}`;
  const { s3, lambda } = inputs.publish ? await awsClients() : {};
  const result = await buildLayer(inputs, {
    workspace,
    tempDir: process.env.RUNNER_TEMP || tmpdir(),
    cacheDir: join(homedir(), ".cache", "preview-stacks", "layers", folder),
    cachePath: `~/.cache/preview-stacks/layers/${folder}`,
    cache: actionsCache,
    // The zip leaves the runner only by upload: a hit whose object is in the bucket needs the record alone.
    fetchZip: "to-upload",
    run: streamingRunner((line) => core.info(line)),
    probe: captureOutput,
    log: (line) => core.info(line),
    warn: (line) => core.warning(line),
    group: (title, fn) => core.group(title, fn),
    s3,
    lambda,
  });
  s3?.destroy();
  lambda?.destroy();
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summary(inputs, result)).write();
  return result;
}

export async function run(): Promise<void> {
  try {
    writeOutputs(await buildLayerStep((name) => core.getInput(name)));
  } catch (error) {
    reportFailure(error);
  }
}

if (isEntry("build-layer")) await run();
