// What the fake GitHub remembers: pull requests, issue comments, deployments with their statuses, and
// environments, per repository. Tests seed and inspect it directly; the routes read and change it.

export interface GitHubUser {
  login: string;
  id: number;
  type: "User" | "Bot";
}

export interface PullRequest {
  repo: string;
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: "open" | "closed";
  draft: boolean;
  merged: boolean;
  user: GitHubUser;
  headRef: string;
  headSha: string;
  /** owner/repo the head branch lives in; differs from `repo` for forks. */
  headRepo: string;
  baseRef: string;
  baseSha: string;
  labels: string[];
  createdAt: number;
  updatedAt: number;
  closedAt: number | null;
  mergedAt: number | null;
}

export interface IssueComment {
  repo: string;
  id: number;
  issueNumber: number;
  body: string;
  user: GitHubUser;
  createdAt: number;
  updatedAt: number;
}

export type DeploymentState =
  | "error"
  | "failure"
  | "inactive"
  | "in_progress"
  | "queued"
  | "pending"
  | "success";
export const DEPLOYMENT_STATES: readonly DeploymentState[] = [
  "error",
  "failure",
  "inactive",
  "in_progress",
  "queued",
  "pending",
  "success",
];

export interface DeploymentStatus {
  id: number;
  deploymentId: number;
  state: DeploymentState;
  description: string;
  environment: string;
  environmentUrl: string;
  logUrl: string;
  creator: GitHubUser;
  createdAt: number;
}

export interface Deployment {
  repo: string;
  id: number;
  sha: string;
  ref: string;
  task: string;
  payload: unknown;
  originalEnvironment: string;
  environment: string;
  description: string | null;
  transientEnvironment: boolean;
  productionEnvironment: boolean;
  creator: GitHubUser;
  createdAt: number;
  updatedAt: number;
  /** Oldest first. */
  statuses: DeploymentStatus[];
}

export interface Environment {
  repo: string;
  id: number;
  name: string;
  createdAt: number;
  updatedAt: number;
}

export interface AddPullRequest {
  repo?: string;
  number?: number;
  title?: string;
  body?: string | null;
  state?: "open" | "closed";
  draft?: boolean;
  merged?: boolean;
  /** Login of the author; a User. */
  user?: string;
  headRef?: string;
  headSha?: string;
  headRepo?: string;
  baseRef?: string;
  baseSha?: string;
  labels?: string[];
  createdAt?: number;
  updatedAt?: number;
  closedAt?: number | null;
}

export const ACTIONS_BOT: GitHubUser = { login: "github-actions[bot]", id: 41898282, type: "Bot" };

export class GitHubState {
  readonly pulls: PullRequest[] = [];
  readonly comments: IssueComment[] = [];
  readonly deployments: Deployment[] = [];
  readonly environments: Environment[] = [];
  /** Branch and tag names per repository, for resolving a deployment's ref. */
  readonly refs = new Map<string, Map<string, string>>();
  private nextId = 1000;
  private readonly users = new Map<string, GitHubUser>([[ACTIONS_BOT.login, ACTIONS_BOT]]);

  constructor(
    /** Repository used by seeding helpers when none is given, as `owner/repo`. */
    readonly defaultRepo: string,
    private readonly now: () => number,
  ) {}

  newId(): number {
    return ++this.nextId;
  }

  user(login: string): GitHubUser {
    let user = this.users.get(login);
    if (!user) {
      user = { login, id: this.newId(), type: login.endsWith("[bot]") ? "Bot" : "User" };
      this.users.set(login, user);
    }
    return user;
  }

  /** Seeds a pull request; its number is also an issue number that takes comments. */
  addPullRequest(input: AddPullRequest = {}): PullRequest {
    const repo = input.repo ?? this.defaultRepo;
    const number = input.number ?? this.nextIssueNumber(repo);
    if (this.pull(repo, number)) throw new Error(`fake GitHub: ${repo}#${number} exists already`);
    const created = input.createdAt ?? this.now();
    const merged = input.merged ?? false;
    const state = input.state ?? (merged ? "closed" : "open");
    const headRef = input.headRef ?? `feature-${number}`;
    const headSha = input.headSha ?? fakeSha(`${repo}#${number}:${headRef}`);
    const pr: PullRequest = {
      repo,
      id: this.newId(),
      number,
      title: input.title ?? `Change ${number}`,
      body: input.body === undefined ? null : input.body,
      state,
      draft: input.draft ?? false,
      merged,
      user: this.user(input.user ?? "octocat"),
      headRef,
      headSha,
      headRepo: input.headRepo ?? repo,
      baseRef: input.baseRef ?? "main",
      baseSha: input.baseSha ?? fakeSha(`${repo}:main`),
      labels: input.labels ?? [],
      createdAt: created,
      updatedAt: input.updatedAt ?? created,
      closedAt: state === "closed" ? (input.closedAt ?? input.updatedAt ?? created) : null,
      mergedAt: merged ? (input.closedAt ?? input.updatedAt ?? created) : null,
    };
    this.pulls.push(pr);
    if (pr.headRepo === repo) this.setRef(repo, headRef, headSha);
    return pr;
  }

  /** Closes (or merges) a pull request as GitHub does when it is closed on the website. */
  closePullRequest(number: number, options: { repo?: string; merged?: boolean } = {}): PullRequest {
    const pr = this.requirePull(options.repo ?? this.defaultRepo, number);
    const t = this.now();
    pr.state = "closed";
    pr.closedAt = t;
    pr.updatedAt = t;
    if (options.merged) {
      pr.merged = true;
      pr.mergedAt = t;
    }
    return pr;
  }

  /** A new head commit on the pull request's branch, as a push does. */
  pushToPullRequest(number: number, sha: string, repo = this.defaultRepo): PullRequest {
    const pr = this.requirePull(repo, number);
    pr.headSha = sha;
    pr.updatedAt = this.now();
    if (pr.headRepo === repo) this.setRef(repo, pr.headRef, sha);
    return pr;
  }

  setRef(repo: string, ref: string, sha: string): void {
    const refs = this.refs.get(repo) ?? new Map<string, string>();
    refs.set(ref, sha);
    this.refs.set(repo, refs);
  }

  /** A ref's commit: a full sha stands for itself, a branch or tag for what it points at. */
  resolveRef(repo: string, ref: string): string | undefined {
    if (/^[0-9a-f]{40}$/.test(ref)) return ref;
    const refs = this.refs.get(repo);
    const name = ref.replace(/^refs\/(heads|tags)\//, "");
    const direct = refs?.get(name);
    if (direct) return direct;
    const pullHead = /^refs\/pull\/(\d+)\/(head|merge)$/.exec(ref);
    if (pullHead) return this.pull(repo, Number(pullHead[1]))?.headSha;
    return undefined;
  }

  pull(repo: string, number: number): PullRequest | undefined {
    return this.pulls.find((p) => p.repo === repo && p.number === number);
  }

  addComment(input: {
    repo?: string;
    issueNumber: number;
    body: string;
    user?: string;
    createdAt?: number;
  }): IssueComment {
    const repo = input.repo ?? this.defaultRepo;
    const t = input.createdAt ?? this.now();
    const comment: IssueComment = {
      repo,
      id: this.newId(),
      issueNumber: input.issueNumber,
      body: input.body,
      user: this.user(input.user ?? ACTIONS_BOT.login),
      createdAt: t,
      updatedAt: t,
    };
    this.comments.push(comment);
    return comment;
  }

  commentsOn(issueNumber: number, repo = this.defaultRepo): IssueComment[] {
    return this.comments.filter((c) => c.repo === repo && c.issueNumber === issueNumber);
  }

  addDeployment(input: {
    repo?: string;
    ref: string;
    sha?: string;
    environment?: string;
    task?: string;
    payload?: unknown;
    description?: string | null;
    transientEnvironment?: boolean;
    productionEnvironment?: boolean;
    creator?: string;
  }): Deployment {
    const repo = input.repo ?? this.defaultRepo;
    const environment = input.environment ?? "production";
    const t = this.now();
    const deployment: Deployment = {
      repo,
      id: this.newId(),
      sha: input.sha ?? this.resolveRef(repo, input.ref) ?? fakeSha(`${repo}:${input.ref}`),
      ref: input.ref,
      task: input.task ?? "deploy",
      payload: input.payload ?? {},
      originalEnvironment: environment,
      environment,
      description: input.description ?? null,
      transientEnvironment: input.transientEnvironment ?? false,
      productionEnvironment: input.productionEnvironment ?? environment === "production",
      creator: this.user(input.creator ?? ACTIONS_BOT.login),
      createdAt: t,
      updatedAt: t,
      statuses: [],
    };
    this.deployments.push(deployment);
    this.ensureEnvironment(repo, environment);
    return deployment;
  }

  deployment(repo: string, id: number): Deployment | undefined {
    return this.deployments.find((d) => d.repo === repo && d.id === id);
  }

  /** The latest status's state, or undefined for a deployment without statuses. */
  deploymentState(d: Deployment): DeploymentState | undefined {
    return d.statuses[d.statuses.length - 1]?.state;
  }

  /**
   * Adds a status. A success with autoInactive (GitHub's default) marks earlier successful deployments of
   * the same repository and environment inactive, except transient and production ones.
   */
  addDeploymentStatus(
    d: Deployment,
    input: {
      state: DeploymentState;
      description?: string;
      environment?: string;
      environmentUrl?: string;
      logUrl?: string;
      autoInactive?: boolean;
      creator?: string;
    },
  ): DeploymentStatus {
    if (input.environment && input.environment !== d.environment) {
      d.environment = input.environment;
      this.ensureEnvironment(d.repo, d.environment);
    }
    const t = this.now();
    const status: DeploymentStatus = {
      id: this.newId(),
      deploymentId: d.id,
      state: input.state,
      description: input.description ?? "",
      environment: d.environment,
      environmentUrl: input.environmentUrl ?? "",
      logUrl: input.logUrl ?? "",
      creator: this.user(input.creator ?? ACTIONS_BOT.login),
      createdAt: t,
    };
    d.statuses.push(status);
    d.updatedAt = t;
    if (input.state === "success" && input.autoInactive !== false) {
      for (const other of this.deployments) {
        if (
          other.id < d.id &&
          other.repo === d.repo &&
          other.environment === d.environment &&
          !other.transientEnvironment &&
          !other.productionEnvironment &&
          this.deploymentState(other) === "success"
        ) {
          this.addDeploymentStatus(other, {
            state: "inactive",
            environmentUrl: other.statuses[other.statuses.length - 1]?.environmentUrl,
            creator: status.creator.login,
          });
        }
      }
    }
    return status;
  }

  ensureEnvironment(repo: string, name: string): Environment {
    const existing = this.environment(repo, name);
    if (existing) return existing;
    const t = this.now();
    const env: Environment = { repo, id: this.newId(), name, createdAt: t, updatedAt: t };
    this.environments.push(env);
    return env;
  }

  environment(repo: string, name: string): Environment | undefined {
    return this.environments.find((e) => e.repo === repo && e.name.toLowerCase() === name.toLowerCase());
  }

  private nextIssueNumber(repo: string): number {
    return Math.max(0, ...this.pulls.filter((p) => p.repo === repo).map((p) => p.number)) + 1;
  }

  private requirePull(repo: string, number: number): PullRequest {
    const pr = this.pull(repo, number);
    if (!pr) throw new Error(`fake GitHub: ${repo}#${number} does not exist`);
    return pr;
  }
}

/** A stable 40-hex commit id derived from a label, for seeded data that needs one. */
export function fakeSha(label: string): string {
  let h = 0x811c9dc5;
  let out = "";
  for (let round = 0; out.length < 40; round++) {
    for (const ch of `${round}:${label}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, "0");
  }
  return out.slice(0, 40);
}
