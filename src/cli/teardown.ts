/**
 * `preview-stacks teardown`: the teardown action from a terminal. `--pr N --repo owner/name`
 * removes that pull request's preview, found by the name deploy gave it and checked against its
 * tags by teardownStack, which refuses any other stack. With a GitHub token (and only then) the
 * removal is reported as the action reports it: deployments inactive, the sticky comment updated.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { reportRemoval } from "../github/removal";
import { readTeardownInputs, TEARDOWN_INPUTS, TEARDOWN_OUTPUTS, type TeardownInputs } from "../inputs";
import type { TemplateLines } from "../stack/operation";
import { teardownOptions } from "../stack/requests";
import { type TeardownResult, teardownStack } from "../stack/teardown";
import { loadTemplate } from "../stack/template-source";
import {
  awsRegion,
  environment,
  GITHUB_TOKEN_HELP,
  githubWarnings,
  localRun,
  octokitFor,
  PR_OPTION,
  REPO_OPTION,
  runLog,
  runTime,
  splitRepository,
  stackTarget,
  withStackClients,
} from "./context";
import {
  ABOUT_AWS,
  type CliIo,
  type Command,
  type CommandOption,
  commonOptions,
  flagValue,
  inputOptions,
  inputReader,
  jsonDocument,
  type ParsedArgs,
} from "./options";

type InputName = (typeof TEARDOWN_INPUTS)[keyof typeof TEARDOWN_INPUTS];

const INPUT_OPTIONS: Record<InputName, Omit<CommandOption, "name">> = {
  "stack-name": {
    kind: "string",
    value: "NAME",
    help: "the stack to delete (not with --pr: the preview's name)",
  },
  "stack-prefix": {
    kind: "string",
    value: "PREFIX",
    help: "preview names are PREFIX-pr-N, as given to deploy",
  },
  template: {
    kind: "string",
    value: "FILE",
    help: "the stack's template, to name the lines of resources that fail to delete",
  },
  "empty-buckets": { kind: "negatable", help: "empty the stack's S3 buckets first (default: on)" },
  "retain-on-failure": {
    kind: "flag",
    help: "after two failed deletes, delete keeping the failed resources",
  },
  "timeout-minutes": { kind: "string", value: "N", help: "minutes to wait (1-1440, default 60)" },
  "dry-run": { kind: "flag", help: "only report the plan; nothing in AWS or on GitHub changes" },
  "github-token": { kind: "string", value: "TOKEN", help: GITHUB_TOKEN_HELP },
  environment: {
    kind: "string",
    value: "NAME",
    help: "GitHub environment whose deployments are marked inactive (default: pr-N)",
  },
  "allow-unmanaged": {
    kind: "flag",
    help: "also delete the --stack-name stack when it carries no preview tags",
  },
};

function readInputs(
  parsed: ParsedArgs,
  io: CliIo,
): { inputs: TeardownInputs; token: string; repo?: string; pr?: number } {
  const whyRepo = flagValue(parsed, TEARDOWN_INPUTS.allowUnmanaged)
    ? undefined
    : "teardown deletes only a preview tagged with its repository.";
  const { pr, repo, token, context } = stackTarget(parsed, io, "teardown", whyRepo);
  const read = inputReader(command, parsed, { [TEARDOWN_INPUTS.githubToken]: token });
  return { inputs: readTeardownInputs(read, context), token, repo, pr };
}

/** The template for failure lines; teardown works without it, so an unreadable one is only a warning. */
async function templateLines(cwd: string, template: string | undefined, log: (line: string) => void) {
  if (template === undefined) return undefined;
  try {
    return loadTemplate(template, await readFile(resolve(cwd, template), "utf8")) as TemplateLines;
  } catch (error) {
    log(
      `Warning: --template cannot be read (${(error as NodeJS.ErrnoException)?.code ?? "not a template"}), so failed resources are reported without their template lines.`,
    );
    return undefined;
  }
}

function textReport(result: TeardownResult): string {
  const kept = result.retained.map((r) => `\n  kept ${r.logicalId} (${r.resourceType}): ${r.consoleUrl}`);
  return `${result.stackName}: ${result.status}. ${result.message}${kept.join("")}\n`;
}

async function run(parsed: ParsedArgs, io: CliIo): Promise<number> {
  const { inputs, token, repo, pr } = readInputs(parsed, io);
  const region = await awsRegion(parsed, environment(io), "teardown");
  const { clock, sleep, scale } = runTime(io);
  const runLogged = runLog(io, `teardown ${inputs.stackName}`, clock);
  const { log, stop } = runLogged;
  const template = await templateLines(io.cwd, inputs.template, log);
  if (inputs.dryRun) log("Dry run: only reading; nothing in AWS or on GitHub is changed.");
  const result = await withStackClients(region, runLogged, ({ cfn, s3 }) =>
    teardownStack(teardownOptions(inputs, { region, run: localRun(clock), template }), {
      cfn,
      s3,
      clock,
      sleep,
      log,
    }),
  );
  if (token !== "" && repo !== undefined) {
    await reportRemoval(octokitFor(token, log, scale), result, {
      ...splitRepository(repo),
      pr,
      environment: inputs.environment,
      runUrl: "",
      when: new Date(clock()),
      dryRun: inputs.dryRun,
      guard: githubWarnings("The teardown result", log),
      log,
    });
  }
  stop();
  const failed = result.status === "refused" || result.status === "failed";
  if (failed) io.stderr(`preview-stacks: ${result.failure?.message ?? result.message}\n`);
  io.stdout(
    flagValue(parsed, "json")
      ? jsonDocument({
          ok: !failed,
          [TEARDOWN_OUTPUTS.stackName]: result.stackName,
          [TEARDOWN_OUTPUTS.status]: result.status,
          [TEARDOWN_OUTPUTS.retainedResources]: result.retained,
          message: result.message,
          ...(result.failure ? { error: result.failure.message } : {}),
        })
      : textReport(result),
  );
  return failed ? 1 : 0;
}

export const command: Command = {
  name: "teardown",
  summary: "delete a pull request's preview (--pr), or a named stack, after emptying its buckets",
  synopsis: [
    "preview-stacks teardown --pr NUMBER --repo OWNER/NAME [options]",
    "preview-stacks teardown --stack-name NAME --repo OWNER/NAME [options]",
  ],
  about: [
    "Deletes the stack only when its preview-stacks tags say it is a preview of the repository (and of the pull request, with --pr), empties its S3 buckets first, and streams the stack events. The options are the teardown action's inputs.",
    `Exit codes: 0 deleted (or already gone, or planned with --dry-run), 1 refused or failed, 2 usage error.\n${ABOUT_AWS}`,
  ],
  options: [...inputOptions(INPUT_OPTIONS), PR_OPTION, REPO_OPTION, ...commonOptions()],
  run,
};
