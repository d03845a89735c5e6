// The JSON GitHub's REST API returns for each kind of object, built from the fake's state.
import type {
  Deployment,
  DeploymentStatus,
  Environment,
  GitHubState,
  GitHubUser,
  IssueComment,
  PullRequest,
} from "./state";

const WEB = "https://github.com";

export interface ViewContext {
  /** The fake's API root, so `url` fields can be followed back to it. */
  api: string;
  state: GitHubState;
  now(): number;
}

export function iso(ms: number): string {
  // GitHub timestamps carry whole seconds.
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

function nodeId(prefix: string, id: number): string {
  return `${prefix}_kwDO${Buffer.from(`fake:${id}`).toString("base64url")}`;
}

export function userView(ctx: ViewContext, u: GitHubUser): Record<string, unknown> {
  const bot = u.type === "Bot";
  const name = bot ? u.login.replace(/\[bot\]$/, "") : u.login;
  return {
    login: u.login,
    id: u.id,
    node_id: nodeId(bot ? "BOT" : "U", u.id),
    avatar_url: `https://avatars.githubusercontent.com/u/${u.id}?v=4`,
    gravatar_id: "",
    url: `${ctx.api}/users/${encodeURIComponent(u.login)}`,
    html_url: bot ? `${WEB}/apps/${name}` : `${WEB}/${u.login}`,
    type: u.type,
    site_admin: false,
  };
}

function repoView(ctx: ViewContext, fullName: string): Record<string, unknown> {
  const [owner, name] = fullName.split("/");
  return {
    id: 1 + [...fullName].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7),
    name,
    full_name: fullName,
    owner: { login: owner, type: "Organization", url: `${ctx.api}/users/${owner}` },
    private: true,
    html_url: `${WEB}/${fullName}`,
    url: `${ctx.api}/repos/${fullName}`,
    default_branch: "main",
  };
}

export function commentView(ctx: ViewContext, c: IssueComment): Record<string, unknown> {
  const isPull = ctx.state.pull(c.repo, c.issueNumber) !== undefined;
  return {
    url: `${ctx.api}/repos/${c.repo}/issues/comments/${c.id}`,
    html_url: `${WEB}/${c.repo}/${isPull ? "pull" : "issues"}/${c.issueNumber}#issuecomment-${c.id}`,
    issue_url: `${ctx.api}/repos/${c.repo}/issues/${c.issueNumber}`,
    id: c.id,
    node_id: nodeId("IC", c.id),
    user: userView(ctx, c.user),
    created_at: iso(c.createdAt),
    updated_at: iso(c.updatedAt),
    author_association: c.user.type === "Bot" ? "NONE" : "MEMBER",
    body: c.body,
    performed_via_github_app: null,
  };
}

export function pullView(ctx: ViewContext, p: PullRequest, single: boolean): Record<string, unknown> {
  const api = `${ctx.api}/repos/${p.repo}`;
  const view: Record<string, unknown> = {
    url: `${api}/pulls/${p.number}`,
    id: p.id,
    node_id: nodeId("PR", p.id),
    html_url: `${WEB}/${p.repo}/pull/${p.number}`,
    diff_url: `${WEB}/${p.repo}/pull/${p.number}.diff`,
    patch_url: `${WEB}/${p.repo}/pull/${p.number}.patch`,
    issue_url: `${api}/issues/${p.number}`,
    comments_url: `${api}/issues/${p.number}/comments`,
    number: p.number,
    state: p.state,
    locked: false,
    title: p.title,
    user: userView(ctx, p.user),
    body: p.body,
    labels: p.labels.map((name, i) => ({ id: p.id * 100 + i, name, color: "ededed", default: false })),
    created_at: iso(p.createdAt),
    updated_at: iso(p.updatedAt),
    closed_at: p.closedAt === null ? null : iso(p.closedAt),
    merged_at: p.mergedAt === null ? null : iso(p.mergedAt),
    merge_commit_sha: p.merged ? p.headSha : null,
    draft: p.draft,
    head: {
      label: `${p.headRepo.split("/")[0]}:${p.headRef}`,
      ref: p.headRef,
      sha: p.headSha,
      user: { login: p.headRepo.split("/")[0] },
      repo: repoView(ctx, p.headRepo),
    },
    base: {
      label: `${p.repo.split("/")[0]}:${p.baseRef}`,
      ref: p.baseRef,
      sha: p.baseSha,
      user: { login: p.repo.split("/")[0] },
      repo: repoView(ctx, p.repo),
    },
    author_association: "MEMBER",
  };
  // Only the single-pull endpoint carries merge details and counts.
  if (single) {
    Object.assign(view, {
      merged: p.merged,
      mergeable: p.state === "open" ? true : null,
      mergeable_state: p.state === "open" ? "clean" : "unknown",
      merged_by: null,
      comments: ctx.state.commentsOn(p.number, p.repo).length,
      commits: 1,
      additions: 0,
      deletions: 0,
      changed_files: 0,
    });
  }
  return view;
}

export function deploymentView(ctx: ViewContext, d: Deployment): Record<string, unknown> {
  const api = `${ctx.api}/repos/${d.repo}`;
  return {
    url: `${api}/deployments/${d.id}`,
    id: d.id,
    node_id: nodeId("DE", d.id),
    sha: d.sha,
    ref: d.ref,
    task: d.task,
    payload: d.payload,
    original_environment: d.originalEnvironment,
    environment: d.environment,
    description: d.description,
    creator: userView(ctx, d.creator),
    created_at: iso(d.createdAt),
    updated_at: iso(d.updatedAt),
    statuses_url: `${api}/deployments/${d.id}/statuses`,
    repository_url: api,
    transient_environment: d.transientEnvironment,
    production_environment: d.productionEnvironment,
    performed_via_github_app: null,
  };
}

export function statusView(ctx: ViewContext, d: Deployment, s: DeploymentStatus): Record<string, unknown> {
  const api = `${ctx.api}/repos/${d.repo}`;
  return {
    url: `${api}/deployments/${d.id}/statuses/${s.id}`,
    id: s.id,
    node_id: nodeId("DES", s.id),
    state: s.state,
    creator: userView(ctx, s.creator),
    description: s.description,
    environment: s.environment,
    target_url: s.logUrl,
    created_at: iso(s.createdAt),
    updated_at: iso(s.createdAt),
    deployment_url: `${api}/deployments/${d.id}`,
    repository_url: api,
    environment_url: s.environmentUrl,
    log_url: s.logUrl,
    performed_via_github_app: null,
  };
}

export function environmentView(ctx: ViewContext, e: Environment): Record<string, unknown> {
  return {
    id: e.id,
    node_id: nodeId("EN", e.id),
    name: e.name,
    url: `${ctx.api}/repos/${e.repo}/environments/${encodeURIComponent(e.name)}`,
    html_url: `${WEB}/${e.repo}/deployments/activity_log?environments_filter=${encodeURIComponent(e.name)}`,
    created_at: iso(e.createdAt),
    updated_at: iso(e.updatedAt),
    protection_rules: [],
    deployment_branch_policy: null,
  };
}
