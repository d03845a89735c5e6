/**
 * What the stack commands learn from the command line and the environment rather than from a
 * workflow event: the AWS region and profile (the SDK's own chain: AWS_PROFILE, AWS_REGION,
 * AWS_ENDPOINT_URL, the shared config files), the pull request and repository a preview belongs
 * to, the GitHub token (none: no GitHub call at all), the run's log with its progress view, and
 * an id for the run where the action uses the workflow run's.
 */
import type { CloudFormationClient } from "@aws-sdk/client-cloudformation";
import { S3Client } from "@aws-sdk/client-s3";
import { createCloudFormationClient, createS3Client, RegionError, resolveRegion } from "../aws/clients";
import type { Clock } from "../clock";
import type { Octokit } from "../github/comment";
import { MAX_PR_NUMBER } from "../github/context";
import { type GitHubGuard, githubGuard } from "../github/guard";
import { createOctokit } from "../github/octokit";
import { Redactor } from "../github/redact";
import type { DeployContext } from "../inputs";
import { type Sleep, timeBase } from "../stack/runtime";
import { type CliIo, type CommandOption, type ParsedArgs, stringValue, UsageError } from "./options";
import { ProgressView, progressIsTTY, startTicking } from "./progress";

export const PR_OPTION: CommandOption = {
  name: "pr",
  kind: "string",
  value: "NUMBER",
  help: "the pull request whose preview this is: the stack name and tags are derived as the action derives them",
};
export const REPO_OPTION: CommandOption = {
  name: "repo",
  kind: "string",
  value: "OWNER/NAME",
  help: "the GitHub repository (default: GITHUB_REPOSITORY); names previews and tags them",
};
export const GITHUB_TOKEN_HELP =
  "GitHub token (default: GITHUB_TOKEN); without one no GitHub call is made. Prefer the variable: arguments show in the process list";

export function environment(io: CliIo): NodeJS.ProcessEnv {
  return io.env ?? process.env;
}

/** --pr as a number GitHub could have given, or undefined when not given. */
export function pullRequest(parsed: ParsedArgs, command: string): number | undefined {
  const raw = stringValue(parsed, "pr");
  if (raw === undefined) return undefined;
  const pr = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(pr >= 1 && pr <= MAX_PR_NUMBER)) {
    throw new UsageError(
      `option '--pr' of ${command}: the value is not a pull request number; use a whole number from 1 to ${MAX_PR_NUMBER}.`,
      command,
    );
  }
  return pr;
}

/** --repo, else GITHUB_REPOSITORY; `why` says what needs it when neither is set. */
export function repository(
  parsed: ParsedArgs,
  env: NodeJS.ProcessEnv,
  command: string,
  why: string | undefined,
): string | undefined {
  const given = stringValue(parsed, "repo");
  const repo = given ?? (env.GITHUB_REPOSITORY?.trim() || undefined);
  if (repo === undefined) {
    if (why)
      throw new UsageError(`${command} needs --repo OWNER/NAME (or GITHUB_REPOSITORY): ${why}`, command);
    return undefined;
  }
  if (!/^[\w.-]+\/[\w.-]+$/.test(repo)) {
    throw new UsageError(
      `${given !== undefined ? "option '--repo'" : "GITHUB_REPOSITORY"} of ${command}: the value is not a repository; use OWNER/NAME, e.g. acme/shop.`,
      command,
    );
  }
  return repo;
}

/**
 * What deploy and teardown act on: a pull request's preview (--pr, with --repo) or a stack named
 * in --stack-name; and the event context their inputs are read with, as on a pull_request event
 * when --pr is given. `whyRepo` says why the command needs --repo, when it does.
 */
export function stackTarget(
  parsed: ParsedArgs,
  io: CliIo,
  command: string,
  whyRepo: string | undefined,
): { pr?: number; repo?: string; token: string; context: DeployContext } {
  const env = environment(io);
  const pr = pullRequest(parsed, command);
  if (pr === undefined && stringValue(parsed, "stack-name") === undefined) {
    throw new UsageError(
      `${command} needs --pr NUMBER (with --repo OWNER/NAME) for a pull request's preview, or --stack-name NAME.`,
      command,
    );
  }
  const repo = repository(parsed, env, command, whyRepo);
  const context = {
    eventName: pr !== undefined ? "pull_request" : "command line",
    repository: repo ?? "",
    prNumber: pr,
  };
  return { pr, repo, token: githubToken(parsed, env), context };
}

/** --github-token, else GITHUB_TOKEN; "" when neither is set. */
export function githubToken(parsed: ParsedArgs, env: NodeJS.ProcessEnv): string {
  return stringValue(parsed, "github-token") ?? (env.GITHUB_TOKEN?.trim() || "");
}

/**
 * The region as the AWS CLI finds it: --region, then AWS_REGION / AWS_DEFAULT_REGION, then the
 * profile's `region` in the shared config (read by the SDK's own loader). --profile is put in
 * AWS_PROFILE before any client is made, so credentials come from the same profile.
 */
export async function awsRegion(
  parsed: ParsedArgs,
  env: NodeJS.ProcessEnv,
  command: string,
): Promise<string> {
  const profile = stringValue(parsed, "profile");
  if (profile !== undefined) process.env.AWS_PROFILE = profile;
  let region = stringValue(parsed, "region") ?? "";
  if (region === "" && !env.AWS_REGION?.trim() && !env.AWS_DEFAULT_REGION?.trim()) {
    const probe = new S3Client({});
    region = await probe.config.region().catch(() => "");
    probe.destroy();
  }
  try {
    return resolveRegion({ region, env });
  } catch (error) {
    if (!(error instanceof RegionError)) throw error;
    throw new UsageError(
      region === ""
        ? `${command} needs an AWS region: give --region, set AWS_REGION, or set region in the AWS profile.`
        : `option '--region' of ${command}: the value is not an AWS region name; use a name like eu-west-1.`,
      command,
    );
  }
}

/** A run id for change set names and request tokens, where the action uses the workflow run's. */
export function localRun(clock: Clock): { id: string; attempt: number } {
  return { id: `cli-${clock()}`, attempt: 1 };
}

/** The run's log: secrets stripped, through the progress view, on stderr. */
export interface RunLog {
  log: (line: string) => void;
  view: ProgressView;
  redactor: Redactor;
  /** Clears the status line and stops its timer; call before writing the result. */
  stop: () => void;
}

export function runLog(io: CliIo, label: string, clock: Clock): RunLog {
  const env = environment(io);
  const isTTY = progressIsTTY(env, io.stderrIsTTY ?? false);
  const view = new ProgressView({
    isTTY,
    write: io.stderr,
    clock,
    label,
    // Only a terminal has columns; asking creates process.stderr, which a pipe never needs.
    columns: Number(env.COLUMNS) || (isTTY ? process.stderr.columns : 0) || 80,
  });
  const redactor = new Redactor();
  const stopTicking = isTTY ? startTicking(view) : () => {};
  return {
    log: (line) => view.line(redactor.redact(line)),
    view,
    redactor,
    stop: () => {
      stopTicking();
      view.stop();
    },
  };
}

/** What a person running a command is told to check when a GitHub call fails. */
const TOKEN_HINT =
  "check that the token (GITHUB_TOKEN or --github-token) may write the repository's pull requests and deployments";

/**
 * The guard for every GitHub call of a command: a failure is a warning in the log, and the
 * command's own result (`the deploy result`) stays as it was.
 */
export function githubWarnings(result: string, log: (line: string) => void): GitHubGuard {
  return githubGuard(result, (message) => log(`Warning: ${message}`), TOKEN_HINT);
}

/** The command's clock and sleep: real time, or the tests' scaled time against a local endpoint. */
export function runTime(io: CliIo): { clock: Clock; sleep: Sleep; scale: number } {
  return timeBase(environment(io), (message) => io.stderr(`preview-stacks: warning: ${message}\n`));
}

/**
 * Runs `work` with the region's CloudFormation and S3 clients, and destroys them after. On an
 * error, `failed` runs first (a deploy ends its GitHub deployment there), then the log's status
 * line is cleared, as the error is reported below the log, and the error goes on.
 */
export async function withStackClients<T>(
  region: string,
  log: Pick<RunLog, "stop">,
  work: (clients: { cfn: CloudFormationClient; s3: S3Client }) => Promise<T>,
  failed?: (error: unknown) => Promise<void>,
): Promise<T> {
  const cfn = createCloudFormationClient({ region });
  const s3 = createS3Client({ region });
  try {
    return await work({ cfn, s3 });
  } catch (error) {
    await failed?.(error);
    log.stop();
    throw error;
  } finally {
    cfn.destroy();
    s3.destroy();
  }
}

export function octokitFor(token: string, log: (line: string) => void, timeScale = 1): Octokit {
  return createOctokit(token, { log, writeSpacingMs: 200, timeScale });
}

export function splitRepository(repo: string): { owner: string; repo: string } {
  const [owner, name] = repo.split("/");
  return { owner, repo: name };
}
