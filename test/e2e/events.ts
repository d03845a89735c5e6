/**
 * Realistic webhook payloads for the events the actions handle, trimmed to the fields GitHub
 * always sends and the actions read.
 */

export interface RepositoryInfo {
  owner: string;
  name: string;
}

export const DEFAULT_REPOSITORY: RepositoryInfo = { owner: "acme", name: "shop" };

function repositoryPayload(repo: RepositoryInfo) {
  return {
    id: 1296269,
    name: repo.name,
    full_name: `${repo.owner}/${repo.name}`,
    owner: { login: repo.owner, id: 1, type: "Organization" },
    private: false,
    html_url: `https://github.com/${repo.owner}/${repo.name}`,
    default_branch: "main",
    fork: false,
  };
}

export interface PullRequestEventOptions {
  action?: "opened" | "synchronize" | "reopened" | "closed";
  number?: number;
  sha?: string;
  headRef?: string;
  /** The repository the head branch lives in; a different one makes the PR come from a fork. */
  headRepository?: RepositoryInfo;
  merged?: boolean;
  repository?: RepositoryInfo;
}

export function pullRequestEvent(options: PullRequestEventOptions = {}) {
  const repo = options.repository ?? DEFAULT_REPOSITORY;
  const head = options.headRepository ?? repo;
  const number = options.number ?? 12;
  const sha = options.sha ?? "0123456789abcdef0123456789abcdef01234567";
  const action = options.action ?? "opened";
  return {
    name: "pull_request",
    payload: {
      action,
      number,
      pull_request: {
        number,
        state: action === "closed" ? "closed" : "open",
        merged: options.merged ?? false,
        title: "Add the checkout service",
        html_url: `https://github.com/${repo.owner}/${repo.name}/pull/${number}`,
        user: { login: "octocat" },
        head: {
          ref: options.headRef ?? "feature/checkout",
          sha,
          repo: { ...repositoryPayload(head), fork: head.owner !== repo.owner || head.name !== repo.name },
        },
        base: { ref: "main", sha: "fedcba9876543210fedcba9876543210fedcba98", repo: repositoryPayload(repo) },
      },
      repository: repositoryPayload(repo),
      sender: { login: "octocat" },
    },
  };
}

export function pushEvent(options: { ref?: string; sha?: string; repository?: RepositoryInfo } = {}) {
  const repo = options.repository ?? DEFAULT_REPOSITORY;
  return {
    name: "push",
    payload: {
      ref: options.ref ?? "refs/heads/main",
      after: options.sha ?? "0123456789abcdef0123456789abcdef01234567",
      repository: repositoryPayload(repo),
      sender: { login: "octocat" },
    },
  };
}

export function scheduleEvent(cron = "17 3 * * *") {
  return { name: "schedule", payload: { schedule: cron } };
}

export function workflowDispatchEvent(inputs: Record<string, string> = {}, repository = DEFAULT_REPOSITORY) {
  return {
    name: "workflow_dispatch",
    payload: {
      inputs,
      ref: "refs/heads/main",
      repository: repositoryPayload(repository),
      sender: { login: "octocat" },
    },
  };
}

export type WorkflowEvent = { name: string; payload: Record<string, unknown> };
