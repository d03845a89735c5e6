/**
 * What every action that talks to AWS and GitHub does the same way on the runner: its clock and
 * sleep (scaled for tests against the local fakes), and GitHub trouble reported as a warning.
 */
import { isAbsolute, relative, resolve } from "node:path";
import * as core from "@actions/core";
import { usesCustomEndpoint } from "../aws/clients";
import { errorMessage } from "../aws/errors";
import { type Clock, realSleep, type Sleep } from "../stack/runtime";

/**
 * PREVIEW_STACKS_TIME_SCALE=N makes the action's clock run N times faster and its sleeps N times
 * shorter, from the real instant PREVIEW_STACKS_TIME_ORIGIN (epoch ms; default: now). The end-to-end
 * tests use it against the local fake, whose simulated clock runs at the same rate, so polling,
 * backoff and timeout-minutes behave exactly as in production, only compressed. It is honoured
 * only with AWS_ENDPOINT_URL set, so it can never shorten a wait against real AWS.
 */
export function timeBase(
  env: NodeJS.ProcessEnv,
  warn: (message: string) => void,
): { clock: Clock; sleep: Sleep; scale: number } {
  const real = { clock: () => Date.now(), sleep: realSleep, scale: 1 };
  const raw = env.PREVIEW_STACKS_TIME_SCALE?.trim();
  if (!raw) return real;
  const scale = Number(raw);
  if (!usesCustomEndpoint(env, "CLOUDFORMATION")) {
    warn(
      "PREVIEW_STACKS_TIME_SCALE is ignored: it is for tests against a local AWS endpoint, and AWS_ENDPOINT_URL is not set.",
    );
    return real;
  }
  if (!Number.isFinite(scale) || scale < 1) {
    warn(`PREVIEW_STACKS_TIME_SCALE '${raw}' is not a number of at least 1; real time is used.`);
    return real;
  }
  const origin = Number(env.PREVIEW_STACKS_TIME_ORIGIN) || Date.now();
  return {
    clock: () => Math.floor(origin + (Date.now() - origin) * scale),
    sleep: (ms) => realSleep(ms / scale),
    scale,
  };
}

/** Runs one GitHub call; undefined, after a warning, when it fails. */
export type GitHubGuard = <T>(what: string, call: () => Promise<T>) => Promise<T | undefined>;

/**
 * The guard for an action whose own result (`the deploy result`) GitHub trouble must never hide
 * or change: a failed call becomes a warning that says what was not done and what to check.
 */
export function githubGuard(result: string): GitHubGuard {
  return async (what, call) => {
    try {
      return await call();
    } catch (error) {
      core.warning(
        `Could not ${what} on GitHub: ${errorMessage(error)}. ${result} is unaffected; check that the workflow grants the permission (pull-requests: write, deployments: write) and that github-token is set.`,
      );
      return undefined;
    }
  };
}

/** A template path as annotations need it: relative to the workspace. */
export function displayPath(workspace: string, file: string): string {
  const absolute = isAbsolute(file) ? file : resolve(workspace, file);
  const rel = relative(workspace, absolute);
  return rel.startsWith("..") ? absolute : rel;
}
