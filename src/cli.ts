/**
 * `preview-stacks <command>`: the same operations as the actions, from a terminal. This module
 * only dispatches: each command lives in src/cli/<command>.ts and calls the code its action calls.
 * Commands are loaded on demand, so validate's cold start never pays for the AWS SDK or Octokit.
 * Exit codes, for every command: 0 success, 1 the operation failed, 2 usage error.
 */

import { setCredentialsHints } from "./aws/errors";
import {
  asUsageError,
  CLI_CREDENTIALS_HINTS,
  type CliIo,
  type Command,
  parseCommandArgs,
  renderHelp,
  UsageError,
} from "./cli/options";
import { descriptorWriter, stderrIsTerminal } from "./cli/stdio";
import { InputError } from "./inputs";
import { TemplateFileError } from "./template/files";
import { VERSION } from "./version";

export type { CliIo } from "./cli/options";

interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<{ command: Command }>;
}

/** In the order a pull request uses them; the summaries are the commands' own, repeated for the list. */
const COMMANDS: CommandEntry[] = [
  { name: "validate", summary: "check templates against the rules", load: () => import("./cli/validate") },
  {
    name: "build-layer",
    summary: "build a Lambda layer's zip and publish it",
    load: () => import("./cli/build-layer"),
  },
  { name: "package", summary: "upload a template's local code to S3", load: () => import("./cli/package") },
  {
    name: "deploy",
    summary: "deploy a stack, or a pull request's preview (--pr)",
    load: () => import("./cli/deploy"),
  },
  {
    name: "teardown",
    summary: "delete a pull request's preview (--pr), or a named stack",
    load: () => import("./cli/teardown"),
  },
  { name: "sweep", summary: "delete the repository's stale previews", load: () => import("./cli/sweep") },
];

const USAGE = `Usage: preview-stacks <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(13)}${c.summary}`).join("\n")}

Run 'preview-stacks <command> --help' for a command's options. The options of build-layer, deploy,
teardown and sweep are their actions' inputs; --json prints the outputs as one JSON document.
Exit codes: 0 success, 1 the operation failed, 2 usage error.

  -h, --help      show this help
  -v, --version   print the version`;

const COMMAND_NAMES = COMMANDS.map((c) => c.name).join(", ");

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  // AWS's credentials errors advise what a person at a terminal can do, not a workflow step.
  setCredentialsHints(CLI_CREDENTIALS_HINTS);
  let entry: CommandEntry | undefined;
  try {
    if (name === "-h" || name === "--help" || name === "help") {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (name === "-v" || name === "--version") {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    entry = COMMANDS.find((c) => c.name === name);
    if (!entry) {
      throw new UsageError(
        name
          ? `unknown command '${name}'; use one of: ${COMMAND_NAMES}.`
          : `name a command: ${COMMAND_NAMES}.`,
      );
    }
    const { command } = await entry.load();
    if (rest.includes("-h") || rest.includes("--help")) {
      io.stdout(renderHelp(command));
      return 0;
    }
    return await command.run(parseCommandArgs(command, rest), io);
  } catch (error) {
    const usage = error instanceof InputError ? asUsageError(error, entry?.name ?? "") : error;
    if (usage instanceof UsageError) {
      const hint = entry
        ? `Run 'preview-stacks ${entry.name} --help' for its options.`
        : "Run 'preview-stacks --help' for the commands.";
      io.stderr(`preview-stacks: ${usage.message}\n${hint}\n`);
      return 2;
    }
    if (error instanceof TemplateFileError) {
      io.stderr(`preview-stacks: ${error.message}\n`);
      return 2;
    }
    // An operation that failed: its message says what happened and what to do.
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr(`preview-stacks: ${detail}\n`);
    if (error instanceof Error && (io.env ?? process.env).PREVIEW_STACKS_DEBUG) io.stderr(`${error.stack}\n`);
    return 1;
  }
}

// Unit tests import main(); everywhere else this module is the program.
if (!process.env.VITEST) {
  const stderr = descriptorWriter(2, () => process.stderr);
  main(process.argv.slice(2), {
    stdout: descriptorWriter(1, () => process.stdout),
    stderr,
    cwd: process.cwd(),
    // Asked only by the commands that draw progress (see stderrIsTerminal).
    get stderrIsTTY() {
      return stderrIsTerminal();
    },
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      const detail = error instanceof Error && process.env.PREVIEW_STACKS_DEBUG ? error.stack : String(error);
      stderr(`preview-stacks: unexpected error: ${detail}\n`);
      process.exitCode = 1;
    },
  );
}
