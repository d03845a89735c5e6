import type { CloudFormationClient } from "@aws-sdk/client-cloudformation";
import type { S3Client } from "@aws-sdk/client-s3";

/**
 * What the stack modules need from the world, passed in so that tests drive time and AWS
 * without sleeping or reaching the network.
 */

/** Milliseconds since the epoch. */
export type Clock = () => number;
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
