/**
 * `preview-stacks package`: zips and uploads a template's local code and nested templates to S3,
 * as `aws cloudformation package` does, and prints the template with their S3 locations.
 * Exit codes: 0 packaged, 1 packaging failed (a missing local path, an AWS error), 2 usage.
 */
import { writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { InputError } from "../inputs";
import {
  type CliIo,
  type Command,
  HELP_OPTION,
  type ParsedArgs,
  PROFILE_OPTION,
  REGION_OPTION,
  readTemplateOption,
  stringValue,
  UsageError,
} from "./options";

async function run(parsed: ParsedArgs, io: CliIo): Promise<number> {
  const template = stringValue(parsed, "template");
  if (!template) throw new UsageError("package needs --template FILE.", "package");
  const bucket = stringValue(parsed, "artifact-bucket");
  const profile = stringValue(parsed, "profile");
  if (profile !== undefined) process.env.AWS_PROFILE = profile;
  const env = io.env ?? process.env;
  const file = resolve(io.cwd, template);
  // Loaded only for this command, so validate's cold start never pays for the AWS SDK.
  const [{ planPackage, runPackage }, { createS3Client, resolveRegion, RegionError }, { describeAwsError }] =
    await Promise.all([import("../stack/package"), import("../aws/clients"), import("../aws/errors")]);
  const body = await readTemplateOption(io, file);
  if (body === undefined) return 1;
  try {
    const plan = await planPackage({ file: template, body, dir: dirname(file) });
    let s3: ReturnType<typeof createS3Client> | undefined;
    let region = stringValue(parsed, "region") ?? "";
    if (plan.artifacts.length > 0) {
      region = resolveRegion({ region, env });
      s3 = createS3Client({ region });
    }
    try {
      const packaged = await runPackage(
        plan,
        {
          bucket,
          prefix: stringValue(parsed, "artifact-prefix"),
          region,
          endpoint: env.AWS_ENDPOINT_URL_S3?.trim() || env.AWS_ENDPOINT_URL?.trim() || undefined,
          bucketInput: "--artifact-bucket",
        },
        { s3, log: (line) => io.stderr(`${line}\n`) },
      );
      const output = stringValue(parsed, "output");
      if (output) await writeFile(resolve(io.cwd, output), packaged.body);
      else io.stdout(packaged.body.endsWith("\n") ? packaged.body : `${packaged.body}\n`);
      return 0;
    } finally {
      s3?.destroy();
    }
  } catch (error) {
    if (error instanceof InputError || error instanceof RegionError)
      throw new UsageError(error.message, "package");
    const message =
      error instanceof Error && !("$metadata" in error)
        ? error.message
        : describeAwsError(error, { action: "s3:PutObject", bucket }).message;
    io.stderr(`preview-stacks: ${message}\n`);
    return 1;
  }
}

export const command: Command = {
  name: "package",
  summary: "upload a template's local code to S3 and print the packaged template",
  synopsis: ["preview-stacks package --template FILE [options]"],
  about: [
    "Zips and uploads the template's local code and nested templates to S3, as `aws cloudformation package` does, and prints the template with their S3 locations.",
    "Exit codes: 0 packaged, 1 packaging failed, 2 usage error. Credentials: the AWS SDK default chain.",
  ],
  options: [
    { name: "template", kind: "string", value: "FILE", help: "the template to package" },
    {
      name: "artifact-bucket",
      kind: "string",
      value: "NAME",
      help: "S3 bucket for the artifacts (needed when the template has local paths)",
    },
    {
      name: "artifact-prefix",
      kind: "string",
      value: "PREFIX",
      help: "key prefix in the bucket (objects go to PREFIXartifacts/<sha256>.zip)",
    },
    {
      name: "output",
      kind: "string",
      value: "FILE",
      help: "write the packaged template here (default: stdout)",
    },
    REGION_OPTION,
    PROFILE_OPTION,
    HELP_OPTION,
  ],
  run,
};
