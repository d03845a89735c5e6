/**
 * `preview-stacks <command>`: the same operations as the actions, from a terminal.
 * Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage error (a bad option, or a glob that
 * matches no file without --allow-empty). A file that cannot be read is a finding, not a usage error,
 * so one bad path in a batch never hides the report on the others.
 */
import { parseArgs } from "node:util";
import { InputError, parseFailOn, parseIgnoreRules } from "./inputs";
import { checkTemplates, ruleDescriptions } from "./template/check";
import { TemplateFileError } from "./template/files";
import { failsOn } from "./template/report/counts";
import { renderSarif } from "./template/report/sarif";
import { renderJson, renderText } from "./template/report/text";
import { PROJECT_URL, VERSION } from "./version";

const USAGE = `Usage: preview-stacks validate <files or globs...> [options]

Options:
  --format text|json|sarif   output format (default: text)
  --fail-on error|warning|never
                             lowest severity that makes the exit code 1 (default: error)
  --ignore-rules IDS         rule ids or prefixes to leave out, comma-separated (e.g. W2001,E30)
  --allow-empty              a glob that matches no file is not an error
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
