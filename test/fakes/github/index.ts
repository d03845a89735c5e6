// The fake GitHub REST API (and GraphQL's viewer) on 127.0.0.1: token auth, rate-limit headers,
// injected faults, a record of every call, and the routes in routes.ts over the state in state.ts.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type CacheTokenOptions, FakeCacheService } from "./cache";
import { type Fault, GitHubFaults } from "./faults";
import { GitHubError, matchRoute, type RouteResponse } from "./routes";
import { ACTIONS_BOT, GitHubState, type GitHubUser } from "./state";
import type { ViewContext } from "./views";

export type {
  CacheCall,
  CacheDownOptions,
  CacheEntry,
  CacheScope,
  CacheTokenOptions,
} from "./cache";
export { CACHE_SERVICE, cacheVersion, FakeCacheService } from "./cache";
export type { RateLimitFault, RouteMatch, ServerErrorFault } from "./faults";
export { GitHubFaults } from "./faults";
export { MAX_COMMENT_LENGTH } from "./routes";
export * from "./state";

export interface FakeGitHubOptions {
  /** Repository the seeding helpers use when none is given; "acme/app" by default. */
  repo?: string;
  /** Tokens the fake accepts, each mapped to the login it authenticates; the default token is always accepted as github-actions[bot]. */
  tokens?: Record<string, string>;
  /** Time source for created_at/updated_at; real time by default. */
  now?: () => number;
}

export interface GitHubCall {
  method: string;
  /** Path without the query string, as sent. */
  path: string;
  query: string;
  /** Octokit's route template when the path matched one, e.g. "/repos/{owner}/{repo}/pulls". */
  route?: string;
  /** Parsed JSON body, or undefined for requests without one. */
  body: unknown;
  status: number;
  /** Set when an injected fault answered instead of the route. */
  fault?: Fault["type"];
  /** From the `now` option: when the call arrived. */
  time: number;
}

export interface FakeGitHub {
  /** API root for Octokit's baseUrl and GITHUB_API_URL, without a trailing slash. */
  url: string;
  /** A token the fake accepts, authenticating as github-actions[bot] (an installation token, as GITHUB_TOKEN is). */
  token: string;
  state: GitHubState;
  inject: GitHubFaults;
  calls: GitHubCall[];
  /** Environment for a child process (a bundled action) so its Octokit reaches this fake. */
  env(): Record<string, string>;
  /** The Actions cache service (v2 Twirp API and blob store) that @actions/cache uses; see cache.ts. */
  cache: FakeCacheService;
  /** Environment for a child process so its @actions/cache saves and restores through `cache`. */
  cacheEnv(options?: CacheTokenOptions): Record<string, string>;
  close(): Promise<void>;
}

const RATE_LIMIT = 5000;

function send(res: ServerResponse, response: RouteResponse, extra: Record<string, string>): void {
  const body = response.body === undefined ? "" : JSON.stringify(response.body);
  const headers: Record<string, string> = {
    ...extra,
    ...(response.body === undefined ? {} : { "content-type": "application/json; charset=utf-8" }),
    ...response.headers,
  };
  res.writeHead(response.status, headers);
  res.end(body);
}

function faultResponse(
  fault: Fault,
  now: number,
): { response: RouteResponse; headers: Record<string, string> } {
  if (fault.type === "serverError") {
    // GitHub's 5xx bodies are often HTML from the edge; Octokit only needs the status.
    return {
      response: { status: fault.status, body: { message: "Server Error" } },
      headers: {},
    };
  }
  if (fault.kind === "primary") {
    const reset = Math.floor(now / 1000) + fault.retryAfter;
    return {
      response: {
        status: 403,
        body: new GitHubError(
          403,
          "API rate limit exceeded for installation. If you reach out to GitHub Support for help, please include the request ID.",
        ).toBody(),
      },
      headers: {
        "x-ratelimit-remaining": "0",
        "x-ratelimit-used": String(RATE_LIMIT),
        "x-ratelimit-reset": String(reset),
      },
    };
  }
  return {
    response: {
      status: fault.status,
      body: {
        message:
          "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. " +
          "If you reach out to GitHub Support for help, please include the request ID.",
        documentation_url:
          "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
        status: String(fault.status),
      },
    },
    headers: { "retry-after": String(fault.retryAfter) },
  };
}

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const now = options.now ?? (() => Date.now());
  const token = `ghs_fake${randomBytes(16).toString("hex")}`;
  const tokens = new Map<string, string>([
    [token, ACTIONS_BOT.login],
    ...Object.entries(options.tokens ?? {}),
  ]);
  const state = new GitHubState(options.repo ?? "acme/app", now);
  const inject = new GitHubFaults();
  const calls: GitHubCall[] = [];
  let used = 0;
  let url = "";
  const cache = new FakeCacheService(() => url, now);

  const authenticate = (header: string | undefined): GitHubUser | undefined => {
    const m = /^(?:token|bearer)\s+(\S+)$/i.exec(header ?? "");
    const login = m ? tokens.get(m[1]) : undefined;
    return login === undefined ? undefined : state.user(login);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    // The cache service has its own credentials (the runtime token, signed URLs) and its own record.
    const cacheTarget = new URL(req.url ?? "/", url);
    if (cache.handles(cacheTarget.pathname)) return cache.handle(req, res, cacheTarget);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const target = new URL(req.url ?? "/", url);
    const method = req.method ?? "GET";
    const { route, template, params } = matchRoute(method, target.pathname);
    const call: GitHubCall = {
      method,
      path: target.pathname,
      query: target.search,
      route: route?.template,
      body: undefined,
      status: 0,
      time: now(),
    };
    calls.push(call);
    used++;
    const rateHeaders: Record<string, string> = {
      "x-github-request-id": randomBytes(8).toString("hex").toUpperCase(),
      "x-github-media-type": "github.v3; format=json",
      "x-github-api-version-selected": "2022-11-28",
      "x-ratelimit-limit": String(RATE_LIMIT),
      "x-ratelimit-remaining": String(Math.max(0, RATE_LIMIT - used)),
      "x-ratelimit-reset": String(Math.floor(now() / 1000) + 3600),
      "x-ratelimit-used": String(used),
      "x-ratelimit-resource": "core",
    };
    const reply = (response: RouteResponse, extra: Record<string, string> = {}) => {
      call.status = response.status;
      send(res, response, { ...rateHeaders, ...extra });
    };

    let body: Record<string, unknown> = {};
    let parsed = true;
    if (raw.trim() !== "") {
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
        call.body = body;
      } catch {
        call.body = raw;
        parsed = false;
      }
    }

    const user = authenticate(req.headers.authorization);
    if (!user) return reply({ status: 401, body: new GitHubError(401, "Bad credentials").toBody() });
    if (!parsed) return reply({ status: 400, body: new GitHubError(400, "Problems parsing JSON").toBody() });

    const fault = inject.take(method, target.pathname, template);
    if (fault) {
      call.fault = fault.type;
      const { response, headers } = faultResponse(fault, now());
      return reply(response, headers);
    }

    if (!route) {
      // A known path with another method is a 404 on GitHub too, not a 405.
      return reply({ status: 404, body: new GitHubError(404, "Not Found").toBody() });
    }
    const ctx: ViewContext = { api: url, state, now };
    try {
      reply(route.handle({ method, params, query: target.searchParams, body, user, url: target, ctx }));
    } catch (err) {
      if (!(err instanceof GitHubError)) throw err;
      reply({ status: err.status, body: err.toBody() });
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent) return res.destroy();
      send(res, { status: 500, body: { message: `fake GitHub: ${String(err)}` } }, {});
    });
  });
  // Octokit keeps connections alive; close() must not wait for them to idle out.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    token,
    state,
    inject,
    calls,
    env: () => ({
      GITHUB_API_URL: url,
      GITHUB_SERVER_URL: "https://github.com",
      GITHUB_TOKEN: token,
      GITHUB_REPOSITORY: state.defaultRepo,
    }),
    cache,
    cacheEnv: (cacheOptions) => cache.env(cacheOptions),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
