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
  number?: number;
  head?: { sha?: string; repo?: { full_name?: string } | null };
  base?: { repo?: { full_name?: string } };
}

export function parseEventContext(env: NodeJS.ProcessEnv, payload: Record<string, unknown>): EventContext {
  const repository =
    env.GITHUB_REPOSITORY?.trim() ||
    ((payload.repository as { full_name?: string } | undefined)?.full_name ?? "");
  if (!/^[^/\s]+\/[^/\s]+$/.test(repository)) {
    throw new Error(
      `GITHUB_REPOSITORY is '${repository}', not owner/repo, so the run cannot be tied to a repository. Run the action inside a GitHub Actions workflow (or set GITHUB_REPOSITORY when running it by hand).`,
    );
  }
  const [owner, repo] = repository.split("/");
  const eventName = env.GITHUB_EVENT_NAME ?? "";
  const pr = payload.pull_request as PullRequestPayload | undefined;
  const prNumber = typeof pr?.number === "number" ? pr.number : undefined;
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
