// The REST endpoints the fake GitHub serves, each as GitHub answers it, including its error bodies,
// and the one GraphQL query the actions send (who the token acts as).
import {
  DEPLOYMENT_STATES,
  type Deployment,
  type DeploymentState,
  type GitHubState,
  type GitHubUser,
  type PullRequest,
} from "./state";
import {
  commentView,
  deploymentView,
  environmentView,
  pullView,
  statusView,
  userView,
  type ViewContext,
} from "./views";

const DOCS = "https://docs.github.com/rest";
/** GitHub's limit on an issue comment body, in characters. */
export const MAX_COMMENT_LENGTH = 65536;

export interface RouteRequest {
  method: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: Record<string, unknown>;
  user: GitHubUser;
  /** The request URL as received, for building Link headers. */
  url: URL;
  ctx: ViewContext;
}

export interface RouteResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export class GitHubError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: Record<string, unknown>[],
    readonly documentationUrl: string = DOCS,
  ) {
    super(message);
  }

  toBody(): Record<string, unknown> {
    return {
      message: this.message,
      ...(this.errors ? { errors: this.errors } : {}),
      documentation_url: this.documentationUrl,
      status: String(this.status),
    };
  }
}

export const notFound = () => new GitHubError(404, "Not Found");

function validationFailed(resource: string, field: string, message: string, code = "custom"): GitHubError {
  return new GitHubError(422, "Validation Failed", [{ resource, code, field, message }]);
}

function missing(field: string): GitHubError {
  return new GitHubError(422, `Invalid request.\n\n"${field}" wasn't supplied.`);
}

function wrongType(field: string, value: unknown, type: string): GitHubError {
  return new GitHubError(
    422,
    `Invalid request.\n\nFor '${field}', ${JSON.stringify(value)} is not ${type === "integer" ? "an" : "a"} ${type}.`,
  );
}

function optionalString(body: Record<string, unknown>, field: string): string | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") throw wrongType(field, v, "string");
  return v;
}

function optionalBoolean(body: Record<string, unknown>, field: string): boolean | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "boolean") throw wrongType(field, v, "boolean");
  return v;
}

function repoOf(req: RouteRequest): string {
  return `${req.params.owner}/${req.params.repo}`;
}

function intParam(req: RouteRequest, name: string): number {
  const n = Number(req.params[name]);
  if (!Number.isInteger(n) || n < 1) throw notFound();
  return n;
}

/** One page of `items` with GitHub's Link header (prev, next, last, first, as GitHub orders them). */
function paged<T>(req: RouteRequest, items: T[], view: (item: T) => unknown): RouteResponse {
  const rawPer = Number(req.query.get("per_page") ?? 30);
  const perPage = Number.isInteger(rawPer) && rawPer > 0 ? Math.min(rawPer, 100) : 30;
  const rawPage = Number(req.query.get("page") ?? 1);
  const page = Number.isInteger(rawPage) && rawPage > 0 ? rawPage : 1;
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (n: number, rel: string) => {
    const u = new URL(req.url.href);
    u.searchParams.set("page", String(n));
    return `<${u.href}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(Math.min(page - 1, last), "prev"));
  if (page < last) links.push(link(page + 1, "next"), link(last, "last"));
  if (page > 1) links.push(link(1, "first"));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  return {
    status: 200,
    headers: links.length > 0 ? { link: links.join(", ") } : {},
    body: slice.map(view),
  };
}

function state(req: RouteRequest): GitHubState {
  return req.ctx.state;
}

/** An issue exists here when it is a pull request or has comments seeded on it. */
function requireIssue(req: RouteRequest, number: number): void {
  const repo = repoOf(req);
  if (!state(req).pull(repo, number) && state(req).commentsOn(number, repo).length === 0) throw notFound();
}

function commentBody(req: RouteRequest): string {
  const body = req.body.body;
  if (body === undefined || body === null) throw missing("body");
  if (typeof body !== "string") throw wrongType("body", body, "string");
  if (body.length > MAX_COMMENT_LENGTH) {
    throw validationFailed(
      "IssueComment",
      "body",
      `body is too long (maximum is ${MAX_COMMENT_LENGTH} characters)`,
    );
  }
  return body;
}

function requireComment(req: RouteRequest) {
  const id = intParam(req, "comment_id");
  const comment = state(req).comments.find((c) => c.repo === repoOf(req) && c.id === id);
  if (!comment) throw notFound();
  return comment;
}

function listComments(req: RouteRequest): RouteResponse {
  const number = intParam(req, "issue_number");
  requireIssue(req, number);
  const since = req.query.get("since");
  const sinceMs = since ? Date.parse(since) : Number.NEGATIVE_INFINITY;
  const comments = state(req)
    .commentsOn(number, repoOf(req))
    .filter((c) => c.updatedAt >= sinceMs)
    .sort((a, b) => a.id - b.id);
  return paged(req, comments, (c) => commentView(req.ctx, c));
}

function createComment(req: RouteRequest): RouteResponse {
  const number = intParam(req, "issue_number");
  requireIssue(req, number);
  const comment = state(req).addComment({
    repo: repoOf(req),
    issueNumber: number,
    body: commentBody(req),
    user: req.user.login,
  });
  return {
    status: 201,
    headers: { location: `${req.ctx.api}/repos/${repoOf(req)}/issues/comments/${comment.id}` },
    body: commentView(req.ctx, comment),
  };
}

function getComment(req: RouteRequest): RouteResponse {
  return { status: 200, body: commentView(req.ctx, requireComment(req)) };
}

function updateComment(req: RouteRequest): RouteResponse {
  const comment = requireComment(req);
  comment.body = commentBody(req);
  comment.updatedAt = req.ctx.now();
  return { status: 200, body: commentView(req.ctx, comment) };
}

function deleteComment(req: RouteRequest): RouteResponse {
  const comment = requireComment(req);
  const all = state(req).comments;
  all.splice(all.indexOf(comment), 1);
  return { status: 204 };
}

function getPull(req: RouteRequest): RouteResponse {
  const pr = state(req).pull(repoOf(req), intParam(req, "pull_number"));
  if (!pr) throw notFound();
  return { status: 200, body: pullView(req.ctx, pr, true) };
}

function listPulls(req: RouteRequest): RouteResponse {
  const q = req.query;
  const wanted = q.get("state") ?? "open";
  if (!["open", "closed", "all"].includes(wanted)) {
    throw validationFailed("Issue", "state", `state is not included in the list`, "invalid");
  }
  const sort = q.get("sort") ?? "created";
  const direction = q.get("direction") ?? (sort === "created" ? "desc" : "asc");
  const head = q.get("head");
  const base = q.get("base");
  const key = (p: PullRequest) => (sort === "updated" ? p.updatedAt : p.createdAt);
  const pulls = state(req)
    .pulls.filter((p) => p.repo === repoOf(req))
    .filter((p) => wanted === "all" || p.state === wanted)
    .filter((p) => !head || head === `${p.headRepo.split("/")[0]}:${p.headRef}`)
    .filter((p) => !base || base === p.baseRef)
    .sort((a, b) => (key(a) - key(b) || a.number - b.number) * (direction === "asc" ? 1 : -1));
  return paged(req, pulls, (p) => pullView(req.ctx, p, false));
}

function requireDeployment(req: RouteRequest): Deployment {
  const d = state(req).deployment(repoOf(req), intParam(req, "deployment_id"));
  if (!d) throw notFound();
  return d;
}

function createDeployment(req: RouteRequest): RouteResponse {
  const b = req.body;
  const ref = optionalString(b, "ref");
  if (ref === undefined) throw missing("ref");
  const repo = repoOf(req);
  const sha = state(req).resolveRef(repo, ref);
  if (!sha) throw new GitHubError(422, `No ref found for: ${ref}`);
  const environment = optionalString(b, "environment") ?? "production";
  const d = state(req).addDeployment({
    repo,
    ref,
    sha,
    environment,
    task: optionalString(b, "task"),
    payload: parsePayload(b.payload),
    description: optionalString(b, "description") ?? null,
    transientEnvironment: optionalBoolean(b, "transient_environment"),
    productionEnvironment: optionalBoolean(b, "production_environment"),
    creator: req.user.login,
  });
  return { status: 201, body: deploymentView(req.ctx, d) };
}

/** GitHub takes the payload as JSON or as a string of JSON, and returns it as JSON. */
function parsePayload(payload: unknown): unknown {
  if (typeof payload !== "string") return payload;
  try {
    return JSON.parse(payload || "{}");
  } catch {
    return payload;
  }
}

function listDeployments(req: RouteRequest): RouteResponse {
  const q = req.query;
  const filters: [string, (d: Deployment) => string][] = [
    ["sha", (d) => d.sha],
    ["ref", (d) => d.ref],
    ["task", (d) => d.task],
    ["environment", (d) => d.environment],
  ];
  const deployments = state(req)
    .deployments.filter((d) => d.repo === repoOf(req))
    .filter((d) => filters.every(([name, get]) => !q.get(name) || q.get(name) === get(d)))
    .sort((a, b) => b.id - a.id);
  return paged(req, deployments, (d) => deploymentView(req.ctx, d));
}

function getDeployment(req: RouteRequest): RouteResponse {
  return { status: 200, body: deploymentView(req.ctx, requireDeployment(req)) };
}

function deleteDeployment(req: RouteRequest): RouteResponse {
  const d = requireDeployment(req);
  const all = state(req).deployments;
  const onlyOne = all.filter((o) => o.repo === d.repo && o.environment === d.environment).length === 1;
  // A deployment stays active until a status other than success follows its success.
  if (state(req).deploymentState(d) === "success" && !onlyOne) {
    throw new GitHubError(
      422,
      "We cannot delete an active deployment unless it is the only deployment in a given environment.",
    );
  }
  all.splice(all.indexOf(d), 1);
  return { status: 204 };
}

function createStatus(req: RouteRequest): RouteResponse {
  const d = requireDeployment(req);
  const b = req.body;
  const stateValue = optionalString(b, "state");
  if (stateValue === undefined) throw missing("state");
  if (!DEPLOYMENT_STATES.includes(stateValue as DeploymentState)) {
    throw validationFailed("DeploymentStatus", "state", "state is not included in the list");
  }
  const description = optionalString(b, "description");
  if (description !== undefined && description.length > 140) {
    throw validationFailed(
      "DeploymentStatus",
      "description",
      "description is too long (maximum is 140 characters)",
    );
  }
  const environmentUrl = optionalString(b, "environment_url");
  for (const [field, value] of [
    ["environment_url", environmentUrl],
    ["log_url", optionalString(b, "log_url")],
    ["target_url", optionalString(b, "target_url")],
  ] as const) {
    if (value && !/^https?:\/\//.test(value)) {
      throw validationFailed("DeploymentStatus", field, `${field} must use http(s) scheme`);
    }
  }
  const status = state(req).addDeploymentStatus(d, {
    state: stateValue as DeploymentState,
    description,
    environment: optionalString(b, "environment"),
    environmentUrl,
    // log_url supersedes target_url; either fills both fields of the response.
    logUrl: optionalString(b, "log_url") ?? optionalString(b, "target_url"),
    autoInactive: optionalBoolean(b, "auto_inactive"),
    creator: req.user.login,
  });
  return { status: 201, body: statusView(req.ctx, d, status) };
}

function listStatuses(req: RouteRequest): RouteResponse {
  const d = requireDeployment(req);
  const statuses = [...d.statuses].reverse();
  return paged(req, statuses, (s) => statusView(req.ctx, d, s));
}

function getStatus(req: RouteRequest): RouteResponse {
  const d = requireDeployment(req);
  const s = d.statuses.find((x) => x.id === intParam(req, "status_id"));
  if (!s) throw notFound();
  return { status: 200, body: statusView(req.ctx, d, s) };
}

function listEnvironments(req: RouteRequest): RouteResponse {
  const envs = state(req).environments.filter((e) => e.repo === repoOf(req));
  const page = paged(req, envs, (e) => environmentView(req.ctx, e));
  return { ...page, body: { total_count: envs.length, environments: page.body } };
}

function getEnvironment(req: RouteRequest): RouteResponse {
  const env = state(req).environment(repoOf(req), req.params.environment_name);
  if (!env) throw notFound();
  return { status: 200, body: environmentView(req.ctx, env) };
}

function putEnvironment(req: RouteRequest): RouteResponse {
  const env = state(req).ensureEnvironment(repoOf(req), req.params.environment_name);
  env.updatedAt = req.ctx.now();
  return { status: 200, body: environmentView(req.ctx, env) };
}

function deleteEnvironment(req: RouteRequest): RouteResponse {
  const env = state(req).environment(repoOf(req), req.params.environment_name);
  if (!env) throw notFound();
  const all = state(req).environments;
  all.splice(all.indexOf(env), 1);
  return { status: 204 };
}

function getAuthenticatedUser(req: RouteRequest): RouteResponse {
  // An installation token (GITHUB_TOKEN, a GitHub App's) acts as a bot, which is no user here.
  if (req.user.type === "Bot") {
    throw new GitHubError(
      403,
      "Resource not accessible by integration",
      undefined,
      `${DOCS}/users/users#get-the-authenticated-user`,
    );
  }
  return { status: 200, body: userView(req.ctx, req.user) };
}

/** The viewer fields the fake's GraphQL endpoint can answer. */
const VIEWER_FIELDS: Record<string, (user: GitHubUser) => unknown> = {
  login: (u) => u.login,
  databaseId: (u) => u.id,
  __typename: (u) => u.type,
};

/** GraphQL reports errors with status 200 and an `errors` list, and no `data` when nothing ran. */
function graphqlErrors(message: string, extensions?: Record<string, unknown>): RouteResponse {
  return {
    status: 200,
    headers: { "x-ratelimit-resource": "graphql" },
    body: { errors: [{ message, ...(extensions ? { extensions } : {}) }] },
  };
}

/**
 * POST /graphql for the one kind of query the actions send, who the token acts as:
 * `query { viewer { login } }` (an operation name, commas, and the fields databaseId and
 * __typename are accepted too). Any other query gets a GraphQL error naming what the fake serves.
 */
function graphql(req: RouteRequest): RouteResponse {
  const query = req.body.query;
  if (typeof query !== "string") {
    return graphqlErrors("A query attribute must be specified and must be a string.");
  }
  const m = /^\s*(?:query\b\s*(?:[_A-Za-z]\w*)?\s*)?\{\s*viewer\s*\{([^{}()]*)\}\s*\}\s*$/.exec(query);
  const fields = m ? m[1].split(/[\s,]+/).filter(Boolean) : [];
  if (fields.length === 0 || fields.some((f) => !Object.hasOwn(VIEWER_FIELDS, f))) {
    return graphqlErrors(
      `The fake GitHub answers only \`query { viewer { ${Object.keys(VIEWER_FIELDS).join(" ")} } }\` (any of those fields), not: ${query}`,
      { code: "unsupportedByFake" },
    );
  }
  const viewer = Object.fromEntries(fields.map((f) => [f, VIEWER_FIELDS[f](req.user)]));
  return { status: 200, headers: { "x-ratelimit-resource": "graphql" }, body: { data: { viewer } } };
}

export interface Route {
  method: string;
  /** Octokit's spelling of the route, e.g. "/repos/{owner}/{repo}/pulls/{pull_number}". */
  template: string;
  pattern: RegExp;
  names: string[];
  handle(req: RouteRequest): RouteResponse;
}

function route(method: string, template: string, handle: (req: RouteRequest) => RouteResponse): Route {
  const names: string[] = [];
  const pattern = new RegExp(
    `^${template.replace(/\{(\w+)\}/g, (_, name: string) => {
      names.push(name);
      return "([^/]+)";
    })}/?$`,
  );
  return { method, template, pattern, names, handle };
}

export const ROUTES: Route[] = [
  route("GET", "/user", getAuthenticatedUser),
  route("POST", "/graphql", graphql),
  route("GET", "/repos/{owner}/{repo}/issues/{issue_number}/comments", listComments),
  route("POST", "/repos/{owner}/{repo}/issues/{issue_number}/comments", createComment),
  route("GET", "/repos/{owner}/{repo}/issues/comments/{comment_id}", getComment),
  route("PATCH", "/repos/{owner}/{repo}/issues/comments/{comment_id}", updateComment),
  route("DELETE", "/repos/{owner}/{repo}/issues/comments/{comment_id}", deleteComment),
  route("GET", "/repos/{owner}/{repo}/pulls", listPulls),
  route("GET", "/repos/{owner}/{repo}/pulls/{pull_number}", getPull),
  route("POST", "/repos/{owner}/{repo}/deployments", createDeployment),
  route("GET", "/repos/{owner}/{repo}/deployments", listDeployments),
  route("GET", "/repos/{owner}/{repo}/deployments/{deployment_id}", getDeployment),
  route("DELETE", "/repos/{owner}/{repo}/deployments/{deployment_id}", deleteDeployment),
  route("POST", "/repos/{owner}/{repo}/deployments/{deployment_id}/statuses", createStatus),
  route("GET", "/repos/{owner}/{repo}/deployments/{deployment_id}/statuses", listStatuses),
  route("GET", "/repos/{owner}/{repo}/deployments/{deployment_id}/statuses/{status_id}", getStatus),
  route("GET", "/repos/{owner}/{repo}/environments", listEnvironments),
  route("GET", "/repos/{owner}/{repo}/environments/{environment_name}", getEnvironment),
  route("PUT", "/repos/{owner}/{repo}/environments/{environment_name}", putEnvironment),
  route("DELETE", "/repos/{owner}/{repo}/environments/{environment_name}", deleteEnvironment),
];

/** The route a path belongs to, whatever the method, with its decoded parameters. */
export function matchRoute(
  method: string,
  path: string,
): { route?: Route; template?: string; params: Record<string, string> } {
  let template: string | undefined;
  for (const r of ROUTES) {
    const m = r.pattern.exec(path);
    if (!m) continue;
    template ??= r.template;
    if (r.method !== method) continue;
    const params: Record<string, string> = {};
    r.names.forEach((name, i) => {
      params[name] = decodeURIComponent(m[i + 1]);
    });
    return { route: r, template: r.template, params };
  }
  return { template, params: {} };
}
