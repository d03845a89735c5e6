import { getOctokit } from "@actions/github";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import Bottleneck from "bottleneck/light.js";
import type { Octokit } from "./comment";

/**
 * The Octokit every action uses: GitHub's own retry plugin for 5xx answers (a single failed POST
 * must not lose a run's comment) and its throttling plugin for primary and secondary rate limits.
 * A rate-limit wait is logged when it starts and at least every 30 seconds while it lasts, so a
 * long silence never looks like a hang. Waits longer than MAX_RATE_LIMIT_WAIT_S are not made: the
 * call fails, and the caller's warning says what was not written.
 */

export const MAX_RATE_LIMIT_WAIT_S = 120;
const HEARTBEAT_MS = 30_000;

export interface OctokitSettings {
  log: (line: string) => void;
  /** Divides every wait (retries and rate limits): the end-to-end tests' scaled time. */
  timeScale?: number;
  /** Retries of a request that GitHub answered with 5xx; 3 by default. */
  retries?: number;
  /**
   * The least time between two writes (POST, PATCH, DELETE). GitHub asks for a second when a client
   * makes many, as a sweep does; a deploy makes three or four, and each pause would add to the time
   * a user waits after the stack is done, so it asks for less.
   */
  writeSpacingMs?: number;
}

interface RequestOptions {
  method?: string;
  url?: string;
}

export function createOctokit(token: string, settings: OctokitSettings): Octokit {
  const scale = settings.timeScale ?? 1;
  const onLimit =
    (kind: string) => (retryAfter: number, options: RequestOptions, _o: unknown, retryCount: number) => {
      const what = `${options.method ?? "GET"} ${options.url ?? ""}`.trim();
      if (retryCount >= 2 || retryAfter > MAX_RATE_LIMIT_WAIT_S) {
        settings.log(
          `GitHub's ${kind} rate limit stopped ${what}; it asks for a wait of ${retryAfter} s, which this run does not make.`,
        );
        return false;
      }
      settings.log(`GitHub's ${kind} rate limit: waiting ${retryAfter} s before retrying ${what}.`);
      heartbeat((retryAfter * 1000) / scale, HEARTBEAT_MS / scale, (elapsedMs) =>
        settings.log(
          `Still waiting out GitHub's ${kind} rate limit (${Math.round((elapsedMs * scale) / 1000)} of ${retryAfter} s).`,
        ),
      );
      return true;
    };
  return getOctokit(
    token,
    {
      retry: { retries: settings.retries ?? 3, retryAfterBaseValue: 1000 / scale },
      throttle: {
        onRateLimit: onLimit("primary"),
        onSecondaryRateLimit: onLimit("secondary"),
        retryAfterBaseValue: 1000 / scale,
        write: new Bottleneck.Group({ maxConcurrent: 1, minTime: (settings.writeSpacingMs ?? 1000) / scale }),
        // Writes that notify people (a new comment) are spaced 3 s apart by the plugin; scaled
        // time shortens that spacing with every other wait.
        notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 3000 / scale }),
      },
    },
    retry,
    throttling,
  ) as unknown as Octokit;
}

/** Calls `beat` every `everyMs` until `totalMs` has passed; the timer never keeps the process alive. */
function heartbeat(totalMs: number, everyMs: number, beat: (elapsedMs: number) => void): void {
  let elapsed = 0;
  const timer = setInterval(() => {
    elapsed += everyMs;
    if (elapsed >= totalMs) clearInterval(timer);
    else beat(elapsed);
  }, everyMs);
  timer.unref();
}
