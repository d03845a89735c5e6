import { readFileSync } from "node:fs";

/**
 * What the deploy action needs to know about the workflow run, read from the runner's
 * environment and the event payload (GITHUB_EVENT_PATH). Pure apart from reading that one file,
 * so tests build a context from a literal payload.
 */

export interface EventContext {
  eventName: string;
  /** owner/repo of the repository the workflow runs in. */
  repository: string;
  owner: string;
  repo: string;
  /** Set on pull_request and pull_request_target events. */
  prNumber: number | undefined;
  /** True when the event is a pull request's `closed` (merged or not), or its payload says closed. */
  prClosed: boolean;
  /** The commit being deployed: the pull request's head, not the merge commit GITHUB_SHA names. */
  sha: string;
  /** True when the pull request's head branch lives in another repository (or a deleted one). */
  isFork: boolean;
  /** owner/repo of the head branch's repository, when it is known. */
  headRepository: string | undefined;
  runId: string;
  runAttempt: number;
  /** The run's page, for "see the logs" links. */
  runUrl: string;
}

interface PullRequestPayload {
  number?: unknown;
  state?: string;
  head?: { sha?: string; repo?: { full_name?: string } | null };
  base?: { repo?: { full_name?: string } };
}

/** GitHub numbers issues and pull requests from 1; the API takes 32-bit integers. */
export const MAX_PR_NUMBER = 2_147_483_647;

/**
 * A pull request number from the payload, refused unless it is a whole number GitHub could have
 * given: a crafted payload must never become a stack named `app-pr-1e+21`.
 */
function pullRequestNumber(value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > MAX_PR_NUMBER) {
    throw new Error(
      `The event's pull_request.number is not a pull request number (a whole number from 1 to ${MAX_PR_NUMBER}), so no preview can be named after it. Run the action on the pull_request event GitHub sends, and do not rewrite GITHUB_EVENT_PATH.`,
    );
  }
  return value;
}

export function parseEventContext(env: NodeJS.ProcessEnv, payload: Record<string, unknown>): EventContext {
  const repository =
    env.GITHUB_REPOSITORY?.trim() ||
    ((payload.repository as { full_name?: string } | undefined)?.full_name ?? "");
  if (!/^[^/\s]+\/[^/\s]+$/.test(repository)) {
    throw new Error(
      "GITHUB_REPOSITORY is missing or not owner/repo, so the run cannot be tied to a repository. Run the action inside a GitHub Actions workflow (or set GITHUB_REPOSITORY when running it by hand).",
    );
  }
  const [owner, repo] = repository.split("/");
  const eventName = env.GITHUB_EVENT_NAME ?? "";
  const pr = payload.pull_request as PullRequestPayload | undefined;
  const prNumber = pr === undefined ? undefined : pullRequestNumber(pr.number);
  const headRepository = pr?.head?.repo?.full_name;
  const baseRepository = pr?.base?.repo?.full_name ?? repository;
  // A head repository of null means the fork was deleted; its code is still foreign.
  const isFork = pr !== undefined && (headRepository === undefined || headRepository !== baseRepository);
  const runId = env.GITHUB_RUN_ID ?? "0";
  const runAttempt = Number.parseInt(env.GITHUB_RUN_ATTEMPT ?? "1", 10) || 1;
  const server = (env.GITHUB_SERVER_URL ?? "https://github.com").replace(/\/+$/, "");
  return {
    eventName,
    repository,
    owner,
    repo,
    prNumber,
    prClosed: pr !== undefined && (payload.action === "closed" || pr.state === "closed"),
    sha: pr?.head?.sha ?? env.GITHUB_SHA ?? "",
    isFork,
    headRepository,
    runId,
    runAttempt,
    runUrl: `${server}/${repository}/actions/runs/${runId}${runAttempt > 1 ? `/attempts/${runAttempt}` : ""}`,
  };
}

/** The context of the current run; a missing or unreadable event file counts as an empty payload. */
export function readEventContext(env: NodeJS.ProcessEnv = process.env): EventContext {
  let payload: Record<string, unknown> = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8")) as Record<string, unknown>;
    } catch {
      payload = {};
    }
  }
  return parseEventContext(env, payload);
}
