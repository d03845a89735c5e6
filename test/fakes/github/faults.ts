// Failures a test asks the fake GitHub to produce: rate limits and server errors, per route.

/**
 * Which requests a fault applies to: every request when absent; a route template such as
 * "POST /repos/{owner}/{repo}/issues/{issue_number}/comments"; a concrete "METHOD /path"; or a
 * RegExp tested against "METHOD /path".
 */
export type RouteMatch = string | RegExp | undefined;

export interface RateLimitFault {
  route?: RouteMatch;
  /** How many matching requests fail; 1 by default. */
  times?: number;
  /** "secondary" (default): 403 or 429 with retry-after. "primary": 403 with x-ratelimit-remaining 0. */
  kind?: "secondary" | "primary";
  /** 403 (default) or 429; secondary limits only. */
  status?: 403 | 429;
  /** Seconds sent in retry-after (secondary) or until x-ratelimit-reset (primary); 60 by default. */
  retryAfter?: number;
}

export interface ServerErrorFault {
  route?: RouteMatch;
  times?: number;
  /** 500, 502 (default) or 503. */
  status?: 500 | 502 | 503;
}

export type Fault =
  | { type: "rateLimit"; kind: "secondary" | "primary"; status: 403 | 429; retryAfter: number }
  | { type: "serverError"; status: number };

interface Pending {
  route: RouteMatch;
  remaining: number;
  fault: Fault;
}

export class GitHubFaults {
  private pending: Pending[] = [];

  rateLimit(options: RateLimitFault = {}): void {
    const kind = options.kind ?? "secondary";
    this.pending.push({
      route: options.route,
      remaining: options.times ?? 1,
      fault: {
        type: "rateLimit",
        kind,
        status: kind === "primary" ? 403 : (options.status ?? 403),
        retryAfter: options.retryAfter ?? 60,
      },
    });
  }

  serverError(options: ServerErrorFault = {}): void {
    this.pending.push({
      route: options.route,
      remaining: options.times ?? 1,
      fault: { type: "serverError", status: options.status ?? 502 },
    });
  }

  clear(): void {
    this.pending = [];
  }

  /** The fault for this request, if one is due; each use counts down its remaining times. */
  take(method: string, path: string, template: string | undefined): Fault | undefined {
    const concrete = `${method} ${path}`;
    for (const p of this.pending) {
      if (p.remaining <= 0) continue;
      const r = p.route;
      const hit =
        r === undefined ||
        (r instanceof RegExp ? r.test(concrete) : r === concrete || r === `${method} ${template}`);
      if (!hit) continue;
      p.remaining--;
      return p.fault;
    }
    return undefined;
  }
}
