/**
 * `preview-stacks sweep`: the sweep action from a terminal. Lists the repository's previews, asks
 * GitHub about each one's pull request (so it needs a token and --repo), and deletes the stale
 * ones through the teardown path, reporting each removal on GitHub as the action does.
 */
import { pullRequestStatus } from "../github/pulls";
import { reportRemoval } from "../github/removal";
import { readSweepInputs, SWEEP_INPUTS, SWEEP_OUTPUTS, type SweepInputs } from "../inputs";
import { sweepOptions } from "../stack/requests";
import { type SweepResult, sweepPreviews } from "../stack/sweep";
import {
  awsRegion,
  environment,
  GITHUB_TOKEN_HELP,
  githubToken,
  githubWarnings,
  localRun,
  octokitFor,
  REPO_OPTION,
  repository,
  runLog,
  runTime,
  splitRepository,
  withStackClients,
} from "./context";
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
  UsageError,
} from "./options";

const INPUT_OPTIONS = {
  [SWEEP_INPUTS.stackPrefix]: {
    kind: "string",
    value: "PREFIX",
    help: "preview names are PREFIX-pr-N (default: the repository's name)",
  },
  [SWEEP_INPUTS.ttl]: {
    kind: "string",
    value: "AGE",
    help: "age past which a preview is stale, e.g. 36h, 7d, 2w (default 7d)",
  },
  [SWEEP_INPUTS.maxDeletions]: {
    kind: "string",
    value: "N",
    help: "most previews deleted in one run (1-1000, default 10)",
  },
  [SWEEP_INPUTS.deleteExpiredOpen]: {
    kind: "flag",
    help: "also delete stale previews of open pull requests",
  },
  [SWEEP_INPUTS.timeoutMinutes]: {
    kind: "string",
    value: "N",
    help: "minutes to wait for each deletion (1-1440, default 60)",
  },
  [SWEEP_INPUTS.dryRun]: { kind: "flag", help: "only report what would be deleted; nothing changes" },
  [SWEEP_INPUTS.githubToken]: { kind: "string", value: "TOKEN", help: GITHUB_TOKEN_HELP },
} as const;

function readInputs(parsed: ParsedArgs, io: CliIo): { inputs: SweepInputs; repo: string } {
  const env = environment(io);
  const token = githubToken(parsed, env);
  const repo = repository(parsed, env, "sweep", "only the repository's own previews are swept.") as string;
  if (token === "") {
    throw new UsageError(
      "sweep deletes a preview only once GitHub says its pull request is closed, so it needs a token that can read pull requests: set GITHUB_TOKEN (or give --github-token).",
      "sweep",
    );
  }
  const read = inputReader(command, parsed, { [SWEEP_INPUTS.githubToken]: token });
  return { inputs: readSweepInputs(read, { repository: repo }), repo };
}

function textReport(result: SweepResult): string {
  const lines = result.entries.map(
    (e) =>
      `${e.preview.stackName} (PR #${e.preview.pr}, ${e.pullRequest.state}): ${e.outcome}${e.message ? `: ${e.message}` : ""}`,
  );
  const counts = `${result.deleted.length} deleted, ${result.kept.length} kept, ${result.failed.length} failed.`;
  return `${[...lines, counts].join("\n")}\n`;
}

async function run(parsed: ParsedArgs, io: CliIo): Promise<number> {
  const { inputs, repo } = readInputs(parsed, io);
  const region = await awsRegion(parsed, environment(io), "sweep");
  const { clock, sleep, scale } = runTime(io);
  const runLogged = runLog(io, `sweep ${repo}`, clock);
  const { log, stop } = runLogged;
  const octokit = octokitFor(inputs.githubToken, log, scale);
  const guard = githubWarnings("The sweep's result", log);
  const { owner, repo: name } = splitRepository(repo);
  const result = await withStackClients(region, runLogged, ({ cfn, s3 }) =>
    sweepPreviews(sweepOptions(inputs, { repository: repo, region, run: localRun(clock) }), {
      cfn,
      s3,
      clock,
      sleep,
      log,
      lookupPullRequest: (number) => pullRequestStatus(octokit, { owner, repo: name, number }),
      afterTeardown: async (entry, teardown) => {
        await reportRemoval(octokit, teardown, {
          owner,
          repo: name,
          pr: entry.preview.pr,
          environment: `pr-${entry.preview.pr}`,
          runUrl: "",
          when: new Date(clock()),
          dryRun: inputs.dryRun,
          guard,
          log,
        });
      },
    }),
  );
  stop();
  const failed = result.entries.filter((e) => e.outcome === "failed" || e.outcome === "refused");
  for (const entry of failed)
    io.stderr(`preview-stacks: ${entry.preview.stackName}: ${entry.message ?? entry.outcome}\n`);
  io.stdout(
    flagValue(parsed, "json")
      ? jsonDocument({
          ok: failed.length === 0,
          [SWEEP_OUTPUTS.deleted]: result.deleted,
          [SWEEP_OUTPUTS.kept]: result.kept,
          [SWEEP_OUTPUTS.failed]: result.failed,
        })
      : textReport(result),
  );
  return failed.length === 0 ? 0 : 1;
}

export const command: Command = {
  name: "sweep",
  summary: "delete the repository's stale previews (closed pull requests, past the ttl)",
  synopsis: ["preview-stacks sweep --repo OWNER/NAME [options]   (with GITHUB_TOKEN set)"],
  about: [
    "Lists the repository's previews, asks GitHub whether each pull request is still open, and deletes the previews of closed ones (and, with --delete-expired-open, stale open ones) through the teardown path. The options are the sweep action's inputs.",
    `Exit codes: 0 every deletion succeeded (or none was due), 1 a deletion failed or was refused, 2 usage error.\n${ABOUT_AWS}`,
  ],
  options: [...inputOptions(INPUT_OPTIONS), REPO_OPTION, ...commonOptions()],
  run,
};
