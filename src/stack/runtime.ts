/**
 * What the stack modules need from the world, passed in so that tests drive time and AWS
 * without sleeping or reaching the network.
 */
import type { CloudFormationClient } from "@aws-sdk/client-cloudformation";
import type { S3Client } from "@aws-sdk/client-s3";
import { usesCustomEndpoint } from "../aws/clients";
import { type Clock, systemClock } from "../clock";

export type Sleep = (ms: number) => Promise<void>;
/** One line of the run's log; the action passes core.info. */
export type Log = (line: string) => void;
/** A number in [0, 1); injectable so jitter is deterministic in tests. */
export type Random = () => number;

export type CfnClient = Pick<CloudFormationClient, "send">;
export type S3Like = Pick<S3Client, "send">;

export interface Runtime {
  clock: Clock;
  sleep: Sleep;
  log: Log;
  random?: Random;
}

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * PREVIEW_STACKS_TIME_SCALE=N makes the run's clock run N times faster and its sleeps N times
 * shorter, from the real instant PREVIEW_STACKS_TIME_ORIGIN (epoch ms; default: now). The end-to-end
 * tests use it against the local fake, whose simulated clock runs at the same rate, so polling,
 * backoff and timeout-minutes behave exactly as in production, only compressed. It is honoured
 * only with AWS_ENDPOINT_URL set, so it can never shorten a wait against real AWS.
 */
export function timeBase(
  env: NodeJS.ProcessEnv,
  warn: (message: string) => void,
): { clock: Clock; sleep: Sleep; scale: number } {
  const real = { clock: systemClock, sleep: realSleep, scale: 1 };
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

/** The API operation a command calls ("DescribeStacks"), for the per-operation call counts. */
function operationName(command: unknown): string {
  const schema = (command as { schema?: unknown })?.schema;
  if (Array.isArray(schema) && typeof schema[2] === "string") return schema[2];
  return (command as object)?.constructor?.name?.replace(/Command$/, "") ?? "Unknown";
}

/** The client with every request counted in `tally` by operation, for summaries and benchmarks. */
export function counting<T extends { send: (...args: never[]) => unknown }>(
  client: T,
  tally: Record<string, number>,
): T {
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop !== "send") return Reflect.get(target, prop, receiver);
      return (command: unknown, ...rest: unknown[]) => {
        const name = operationName(command);
        tally[name] = (tally[name] ?? 0) + 1;
        return (target.send as (...args: unknown[]) => unknown)(command, ...rest);
      };
    },
  });
}
