/**
 * `preview-stacks build-layer`: the build-layer action from a terminal. Builds the layer's
 * deterministic zip in Lambda's layout (the build's output streamed as progress), and with
 * --artifact-bucket uploads and publishes it unless an existing version holds the same content.
 * There is no Actions cache on a laptop: the zip stays in the local cache directory instead.
 */
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { createS3Client } from "../aws/clients";
import { createLambdaClient } from "../aws/lambda-client";
import { BUILD_LAYER_INPUTS, BUILD_LAYER_OUTPUTS, readBuildLayerInputs } from "../inputs";
import { type BuildLayerResult, buildLayer, describePlan } from "../layer/build-layer";
import { captureOutput, streamingRunner } from "../layer/command";
import { mib } from "../layer/limits";
import { awsRegion, environment, runLog } from "./context";
import {
  ABOUT_AWS,
  type CliIo,
  type Command,
  commonOptions,
  flagValue,
  inputOptions,
  inputReader,
  jsonDocument,
  type ParsedArgs,
} from "./options";

const I = BUILD_LAYER_INPUTS;
const INPUT_OPTIONS = {
  [I.name]: { kind: "string", value: "NAME", help: "the Lambda layer's name" },
  [I.runtime]: { kind: "string", value: "RUNTIME", help: "nodejs, python, java or custom" },
  [I.source]: {
    kind: "string",
    value: "DIR",
    help: "directory with package.json, requirements.txt or the jars (default: .)",
  },
  [I.include]: {
    kind: "list",
    value: "LOCAL:LAYER",
    help: "an extra local-path:layer-path to copy into the layer",
  },
  [I.buildCommand]: {
    kind: "string",
    value: "COMMAND",
    help: "shell command run in the source directory with LAYER_DIR set",
  },
  [I.architecture]: { kind: "string", value: "ARCH", help: "x86_64 or arm64 (default: x86_64)" },
  [I.compatibleRuntimes]: {
    kind: "list",
    value: "RUNTIME",
    help: "a Lambda runtime identifier for the version, e.g. python3.13",
  },
  [I.artifactBucket]: {
    kind: "string",
    value: "BUCKET",
    help: "S3 bucket the zip is uploaded to (needed to publish)",
  },
  [I.artifactPrefix]: { kind: "string", value: "PREFIX", help: "key prefix in the bucket" },
  [I.publish]: {
    kind: "negatable",
    help: "upload and publish a layer version (default: on; --no-publish only builds)",
  },
  [I.cache]: { kind: "negatable", help: "reuse a zip built from the same content (default: on)" },
  [I.keepVersions]: { kind: "string", value: "N", help: "newest layer versions to keep (1-1000, default 5)" },
  [I.description]: {
    kind: "string",
    value: "TEXT",
    help: "layer version description (the content hash is appended)",
  },
  [I.pipArgs]: { kind: "string", value: "ARGS", help: "extra arguments for pip install" },
  [I.template]: {
    kind: "string",
    value: "FILE",
    help: "a template whose functions will use the layer: each function with --template-parameter in its Layers is checked against Lambda's size limit",
  },
  [I.templateParameter]: {
    kind: "string",
    value: "PARAMETER",
    help: "the template parameter that receives the layer's ARN",
  },
  [I.dryRun]: {
    kind: "flag",
    help: "build and check, then only report what publishing would upload, publish and delete; nothing in AWS changes",
  },
} as const;

function outputs(result: BuildLayerResult): Record<string, unknown> {
  const O = BUILD_LAYER_OUTPUTS;
  return {
    ok: true,
    [O.layerVersionArn]: result.layerVersionArn ?? "",
    [O.layerVersion]: result.layerVersion ?? null,
    [O.sha256]: result.zip.sha256,
    [O.s3Uri]: result.s3Uri ?? "",
    [O.size]: result.zip.size,
    [O.unzippedSize]: result.zip.unzippedSize,
    [O.cacheHit]: result.cacheHit,
    [O.published]: result.published,
    zip: result.zip.file,
    ...(result.planned ? { planned: result.planned } : {}),
  };
}

function textReport(result: BuildLayerResult): string {
  const lines = [
    `zip: ${result.zip.file} (${mib(result.zip.size)}, ${mib(result.zip.unzippedSize)} unzipped, sha256 ${result.zip.sha256})`,
  ];
  if (result.layerVersionArn) {
    lines.push(
      `layer version: ${result.layerVersionArn} (${result.published ? "published" : "unchanged, reused"})`,
    );
  }
  const plan = describePlan(result);
  if (plan) lines.push(`dry run: ${plan}`);
  return `${lines.join("\n")}\n`;
}

async function run(parsed: ParsedArgs, io: CliIo): Promise<number> {
  const inputs = readBuildLayerInputs(inputReader(command, parsed));
  const env = environment(io);
  const region = inputs.publish ? await awsRegion(parsed, env, "build-layer") : undefined;
  const { log, stop } = runLog(io, `build-layer ${inputs.name}`, () => Date.now());
  const folder = `${inputs.name}-${inputs.architecture}`;
  const cacheHome = env.XDG_CACHE_HOME?.trim() || join(homedir(), ".cache");
  const s3 = region ? createS3Client({ region }) : undefined;
  const lambda = region ? createLambdaClient({ region }) : undefined;
  let result: BuildLayerResult;
  try {
    result = await buildLayer(inputs, {
      workspace: io.cwd,
      tempDir: tmpdir(),
      cacheDir: join(cacheHome, "preview-stacks", "layers", folder),
      cachePath: join(cacheHome, "preview-stacks", "layers", folder),
      run: streamingRunner(log),
      probe: captureOutput,
      log,
      warn: (line) => log(`Warning: ${line}`),
      group: (title, fn) => {
        log(title);
        return fn();
      },
      s3,
      lambda,
    });
  } finally {
    s3?.destroy();
    lambda?.destroy();
    stop();
  }
  io.stdout(flagValue(parsed, "json") ? jsonDocument(outputs(result)) : textReport(result));
  return 0;
}

export const command: Command = {
  name: "build-layer",
  summary: "build a Lambda layer's deterministic zip, and publish it (--artifact-bucket)",
  synopsis: [
    "preview-stacks build-layer --name NAME --runtime RUNTIME --artifact-bucket BUCKET [options]",
    "preview-stacks build-layer --name NAME --runtime RUNTIME --no-publish [options]",
  ],
  about: [
    "Builds the layer in Lambda's layout (nodejs/node_modules, python/, java/lib, or what --build-command writes to $LAYER_DIR), zips it the same way every time, and publishes a new version only when no existing one holds the same content. The options are the build-layer action's inputs.",
    `Exit codes: 0 built (and published), 1 the build or the publish failed, 2 usage error.\n${ABOUT_AWS}`,
  ],
  options: [...inputOptions(INPUT_OPTIONS), ...commonOptions()],
  run,
};
