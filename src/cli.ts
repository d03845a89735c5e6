/**
 * `preview-stacks <command>`: the same operations as the actions, from a terminal.
 * validate exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage error (a bad option, or a
 * glob that matches no file without --allow-empty). A file that cannot be read is a finding, not a
 * usage error, so one bad path in a batch never hides the report on the others.
 * package exit codes: 0 packaged, 1 packaging failed (a missing local path, an AWS error), 2 usage.
 */
import { readFile, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { InputError, parseFailOn, parseIgnoreRules } from "./inputs";
import { checkTemplates, ruleDescriptions } from "./template/check";
import { TemplateFileError } from "./template/files";
import { failsOn } from "./template/report/counts";
import { renderSarif } from "./template/report/sarif";
import { renderJson, renderText } from "./template/report/text";
import { PROJECT_URL, VERSION } from "./version";

const USAGE = `Usage: preview-stacks validate <files or globs...> [options]
       preview-stacks package --template FILE [options]

validate options:
  --format text|json|sarif   output format (default: text)
  --fail-on error|warning|never
                             lowest severity that makes the exit code 1 (default: error)
  --ignore-rules IDS         rule ids or prefixes to leave out, comma-separated (e.g. W2001,E30)
  --allow-empty              a glob that matches no file is not an error

package: zips and uploads the template's local code and nested templates to S3, as
\`aws cloudformation package\` does, and prints the template with their S3 locations.
  --template FILE            the template to package
  --artifact-bucket NAME     S3 bucket for the artifacts (needed when the template has local paths)
  --artifact-prefix PREFIX   key prefix in the bucket (objects go to PREFIXartifacts/<sha256>.zip)
  --output FILE              write the packaged template here (default: stdout)
  --region REGION            the bucket's region (default: AWS_REGION, AWS_DEFAULT_REGION)
  Exit codes: 0 packaged, 1 packaging failed, 2 usage error. Credentials: the AWS SDK default chain.

  -h, --help                 show this help
  -v, --version              print the version`;

class UsageError extends Error {}

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

async function validate(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: "string", default: "text" },
      "fail-on": { type: "string", default: "error" },
      "ignore-rules": { type: "string", default: "" },
      "allow-empty": { type: "boolean", default: false },
    },
  });
  const format = values.format as string;
  if (!["text", "json", "sarif"].includes(format)) {
    throw new UsageError(`--format '${format}' is not allowed; use text, json or sarif.`);
  }
  const failOn = parseFailOn(values["fail-on"] as string, "--fail-on");
  const ignoreRules = parseIgnoreRules(values["ignore-rules"] as string, "--ignore-rules");
  if (positionals.length === 0) throw new UsageError("name at least one template file or glob.");
  const { findings } = await checkTemplates(positionals, {
    workspace: io.cwd,
    ignoreRules,
    allowEmpty: values["allow-empty"] as boolean,
    allowEmptySwitch: "--allow-empty",
  });
  if (format === "text") {
    if (findings.length > 0) io.stdout(`${renderText(findings)}\n`);
  } else if (format === "json") {
    io.stdout(`${renderJson(findings)}\n`);
  } else {
    const sarif = renderSarif(findings, ruleDescriptions(), {
      name: "preview-stacks",
      version: VERSION,
      informationUri: PROJECT_URL,
    });
    io.stdout(`${JSON.stringify(sarif, null, 2)}\n`);
  }
  return failsOn(findings, failOn) ? 1 : 0;
}

async function packageCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      template: { type: "string" },
      "artifact-bucket": { type: "string" },
      "artifact-prefix": { type: "string" },
      output: { type: "string" },
      region: { type: "string" },
    },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'.`);
  const template = values.template;
  if (!template) throw new UsageError("package needs --template FILE.");
  const file = resolve(io.cwd, template);
  // Loaded only for this command, so validate's cold start never pays for the AWS SDK.
  const [{ planPackage, runPackage }, { createS3Client, resolveRegion, RegionError }, { describeAwsError }] =
    await Promise.all([import("./stack/package"), import("./aws/clients"), import("./aws/errors")]);
  let body: string;
  try {
    body = await readFile(file, "utf8");
  } catch (error) {
    io.stderr(`preview-stacks: --template ${template} cannot be read (${(error as Error).message}).\n`);
    return 1;
  }
  try {
    const plan = await planPackage({ file: template, body, dir: dirname(file) });
    let s3: ReturnType<typeof createS3Client> | undefined;
    let region = values.region ?? "";
    if (plan.artifacts.length > 0) {
      region = resolveRegion({ region: values.region });
      s3 = createS3Client({ region });
    }
    try {
      const packaged = await runPackage(
        plan,
        {
          bucket: values["artifact-bucket"],
          prefix: values["artifact-prefix"],
          region,
          endpoint:
            process.env.AWS_ENDPOINT_URL_S3?.trim() || process.env.AWS_ENDPOINT_URL?.trim() || undefined,
          bucketInput: "--artifact-bucket",
        },
        { s3, log: (line) => io.stderr(`${line}\n`) },
      );
      if (values.output) await writeFile(resolve(io.cwd, values.output), packaged.body);
      else io.stdout(packaged.body.endsWith("\n") ? packaged.body : `${packaged.body}\n`);
      return 0;
    } finally {
      s3?.destroy();
    }
  } catch (error) {
    if (error instanceof InputError || error instanceof RegionError) throw new UsageError(error.message);
    const message =
      error instanceof Error && !("$metadata" in error)
        ? error.message
        : describeAwsError(error, { action: "s3:PutObject", bucket: values["artifact-bucket"] }).message;
    io.stderr(`preview-stacks: ${message}\n`);
    return 1;
  }
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === "-h" || command === "--help" || command === "help") {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (command === "-v" || command === "--version") {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    if (command === "validate") {
      if (rest.includes("-h") || rest.includes("--help")) {
        io.stdout(`${USAGE}\n`);
        return 0;
      }
      return await validate(rest, io);
    }
    if (command === "package") {
      if (rest.includes("-h") || rest.includes("--help")) {
        io.stdout(`${USAGE}\n`);
        return 0;
      }
      return await packageCommand(rest, io);
    }
    throw new UsageError(command ? `unknown command '${command}'.` : "name a command.");
  } catch (error) {
    if (error instanceof UsageError || error instanceof InputError || isParseArgsError(error)) {
      io.stderr(`preview-stacks: ${(error as Error).message}\n\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof TemplateFileError) {
      io.stderr(`preview-stacks: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: string })?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS");
}

// Unit tests import main(); everywhere else this module is the program.
if (!process.env.VITEST) {
  main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      const detail = error instanceof Error && process.env.PREVIEW_STACKS_DEBUG ? error.stack : String(error);
      process.stderr.write(`preview-stacks: unexpected error: ${detail}\n`);
      process.exitCode = 2;
    },
  );
}
