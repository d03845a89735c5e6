/**
 * Everything a deploy tells GitHub, the same from the action and from the command line: the pull
 * request's state before deploying, the GitHub Deployment with its statuses, and the sticky
 * comment. Every text is cleaned of secrets first, and every call goes through a guard, so GitHub
 * trouble never hides or changes the deploy's result.
 */
import type { DeployInputs } from "../inputs";
import type { DeployResult } from "../stack/deploy";
import { commentMarker, type Octokit, renderComment, upsertComment } from "./comment";
import type { EventContext } from "./context";
import { finishDeployment, startDeployment } from "./deployments";
import type { GitHubGuard } from "./guard";
import type { Redactor } from "./redact";
import { type Interruption, type ReportInfo, renderInterrupted } from "./report";

/**
 * What the deploy is reported against: the repository, the pull request (if any), the commit
 * deployed ("" when unknown: no deployment is made) and the run's page ("" from a terminal).
 */
export type DeployTarget = Pick<
  EventContext,
  "repository" | "owner" | "repo" | "prNumber" | "sha" | "runUrl"
>;

/** The links the comment and the summary show: the commit on GitHub, the run, the environment. */
export function reportInfo(
  target: Pick<DeployTarget, "repository" | "sha" | "runUrl">,
  environment: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): ReportInfo {
  const server = (env.GITHUB_SERVER_URL ?? "https://github.com").replace(/\/+$/, "");
  return {
    commit: target.sha
      ? { sha: target.sha, url: `${server}/${target.repository}/commit/${target.sha}` }
      : undefined,
    runUrl: target.runUrl || undefined,
    environment,
  };
}

/**
 * The pull request as GitHub has it now (a run queued before the close still sees the open pull
 * request's event): whether it is closed (merged included), and its head commit. Undefined, after
 * the guard's warning, when GitHub does not answer.
 */
export async function pullRequestNow(
  octokit: Octokit,
  pull: { owner: string; repo: string; number: number },
  guard: GitHubGuard,
): Promise<{ closed: boolean; headSha: string } | undefined> {
  return guard("read the pull request's state", async () => {
    const { data } = await octokit.rest.pulls.get({
      owner: pull.owner,
      repo: pull.repo,
      pull_number: pull.number,
    });
    return { closed: data.state === "closed", headSha: data.head.sha };
  });
}

export interface DeployReporterOptions {
  /** Undefined without a token: nothing is reported. */
  octokit: Octokit | undefined;
  target: DeployTarget;
  /** The comment input: whether the sticky comment is written. */
  comment: boolean;
  info: ReportInfo;
  redactor: Redactor;
  guard: GitHubGuard;
  log: (line: string) => void;
}

export interface DeploymentRequest {
  stackName: string;
  region: string;
  /** The GitHub environment; no deployment is made without one. */
  environment: string | undefined;
  mode: DeployInputs["mode"];
  /** A preview's environment is transient, and never production. */
  preview: boolean;
}

/**
 * Everything this run tells GitHub about the deploy. Shared by the normal end, the cancel handler
 * and the post step, so each says the same thing the same way.
 */
export class GitHubReporter {
  /** Set by a cancel: what the deploy reports after it would contradict the `error` already sent. */
  private cancelled = false;

  constructor(
    private readonly options: DeployReporterOptions,
    public deploymentId: number | undefined,
  ) {}

  /**
   * Creates the deployment (in_progress) when this deploy has one: a token, an environment, a
   * known commit, and a mode that deploys (a change set made for review deploys nothing yet).
   */
  static async start(options: DeployReporterOptions, request: DeploymentRequest): Promise<GitHubReporter> {
    const { octokit, target, guard } = options;
    const tracked =
      octokit !== undefined &&
      request.environment !== undefined &&
      request.mode !== "create-change-set" &&
      target.sha !== "";
    const id = tracked
      ? await guard("create the deployment", () =>
          startDeployment(octokit, {
            owner: target.owner,
            repo: target.repo,
            ref: target.sha,
            environment: request.environment as string,
            transient: request.preview,
            description: `Deploying ${request.stackName}`,
            logUrl: target.runUrl,
            payload: { stackName: request.stackName, region: request.region },
          }),
        )
      : undefined;
    return new GitHubReporter(options, id);
  }

  async finish(state: "success" | "failure" | "error", description: string, environmentUrl?: string) {
    if (this.cancelled) return;
    await this.status(state, description, environmentUrl);
  }

  private async status(state: "success" | "failure" | "error", description: string, environmentUrl?: string) {
    const { octokit, target, guard, redactor } = this.options;
    const { deploymentId } = this;
    if (deploymentId === undefined || !octokit) return;
    await guard("update the deployment status", () =>
      finishDeployment(octokit, {
        owner: target.owner,
        repo: target.repo,
        id: deploymentId,
        state,
        environmentUrl,
        logUrl: target.runUrl,
        description: redactor.redact(description),
      }),
    );
  }

  async comment(stackName: string, body: string) {
    const { octokit, target, guard, redactor, log } = this.options;
    const number = target.prNumber;
    if (!this.options.comment || number === undefined || !octokit) return;
    const comment = await guard("write the pull request comment", () =>
      upsertComment(octokit, {
        owner: target.owner,
        repo: target.repo,
        issueNumber: number,
        stackName,
        body: redactor.redact(body),
        log,
      }),
    );
    if (comment) log(`Pull request comment ${comment.action}: ${comment.url}`);
  }

  /** The deploy's end: the deployment's last status, with the preview's URL, and the comment. */
  async report(result: DeployResult) {
    if (this.cancelled) return;
    await this.finish(
      result.ok ? "success" : "failure",
      result.ok
        ? `${result.stackName}: ${result.status ?? result.outcome}`
        : (result.failure?.message ?? "failed"),
      result.url ?? result.consoleUrl,
    );
    await this.comment(result.stackName, renderComment(result, this.options.info));
  }

  /** The deployment ends as `error` and the comment says why; used by the cancel handler and the post step. */
  async interrupted(stackName: string, how: Interruption) {
    this.cancelled = true;
    await this.status(
      "error",
      how === "cancelled"
        ? `Cancelled while deploying ${stackName}`
        : `Stopped before deploying ${stackName} finished`,
    );
    await this.comment(
      stackName,
      renderInterrupted(stackName, this.options.info, how, commentMarker(stackName)),
    );
  }
}

/** The runner's cancel (SIGINT, then SIGTERM a few seconds later, then a kill), and a terminal's Ctrl-C. */
const CANCEL_SIGNALS = ["SIGINT", "SIGTERM"] as const;
/** What a cancel may spend on GitHub before the process exits, well inside the runner's grace. */
const CANCEL_BUDGET_MS = 4_000;

/**
 * On a cancel, ends the deployment as `error` and says so in the comment, within CANCEL_BUDGET_MS,
 * then calls `stop` with the message to fail with (it exits); the stack operation itself goes on in
 * CloudFormation. Returns the function that removes the handlers once the run has reported.
 */
export function onCancel(
  reporter: GitHubReporter,
  stackName: string,
  hooks: { log: (line: string) => void; stop: (message: string) => void },
): () => void {
  let cancelling = false;
  const handler = (signal: NodeJS.Signals) => {
    if (cancelling) return;
    cancelling = true;
    hooks.log(`Received ${signal}: the run was cancelled. Reporting it on GitHub, then stopping.`);
    const budget = new Promise<void>((resolve) => setTimeout(resolve, CANCEL_BUDGET_MS).unref());
    // A failed report must not become an unhandled rejection that ends the process before `stop`.
    const reported = reporter.interrupted(stackName, "cancelled").catch(() => undefined);
    void Promise.race([reported, budget]).then(() =>
      hooks.stop(
        `The run was cancelled while deploying ${stackName}. A stack operation that had started goes on in CloudFormation; check the stack's events, or run again.`,
      ),
    );
  };
  for (const signal of CANCEL_SIGNALS) process.on(signal, handler);
  return () => {
    for (const signal of CANCEL_SIGNALS) process.off(signal, handler);
  };
}
