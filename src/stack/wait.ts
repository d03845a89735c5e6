import { DescribeStacksCommand, type Stack } from "@aws-sdk/client-cloudformation";
import { describeAwsError, errorCode, isRetryable, isStackMissing } from "../aws/errors";
import { formatEvent, type StackEventPoller, type StackEventRecord } from "./events";
import type { CfnClient, Runtime } from "./runtime";

/**
 * Waits for a stack operation to end, streaming its events. Polls fast at first and backs off
 * with jitter, so short updates finish promptly and long ones cost few calls; throttling and 5xx
 * answers only delay the next poll. Running past the deadline is reported, never ignored.
 */

/** Statuses at which no operation is running. REVIEW_IN_PROGRESS waits for a change set, not for AWS. */
export function isTerminalStatus(status: string): boolean {
  return !status.endsWith("_IN_PROGRESS") || status === "REVIEW_IN_PROGRESS";
}

const SUCCESS = new Set(["CREATE_COMPLETE", "UPDATE_COMPLETE", "DELETE_COMPLETE", "IMPORT_COMPLETE"]);

export function isSuccessStatus(status: string): boolean {
  return SUCCESS.has(status);
}

export interface Backoff {
  initialMs: number;
  maxMs: number;
  factor: number;
}

export const DEFAULT_BACKOFF: Backoff = { initialMs: 1_000, maxMs: 10_000, factor: 1.5 };

/** The pause before poll number `round` (0-based), spread ±20% so parallel runs do not poll in step. */
export function pollDelay(round: number, backoff: Backoff, random: () => number): number {
  const base = Math.min(backoff.maxMs, backoff.initialMs * backoff.factor ** round);
  return Math.round(base * (0.8 + 0.4 * random()));
}

export interface WaitOptions {
  /** Stack id (preferred: DescribeStacks by id still answers after a delete) or name. */
  stack: string;
  /** Clock time (ms) after which waiting stops with timedOut. */
  deadline: number;
  /** Streams events when given; its history is the material for the diagnosis. */
  poller?: StackEventPoller;
  backoff?: Backoff;
}

export interface WaitResult {
  status: string;
  stack: Stack | undefined;
  timedOut: boolean;
  /** Events streamed during this wait, oldest first. */
  events: StackEventRecord[];
  /** Poll rounds made (each one DescribeStacks, plus DescribeStackEvents when streaming). */
  rounds: number;
}

export async function waitForStack(
  cfn: CfnClient,
  options: WaitOptions,
  runtime: Runtime,
): Promise<WaitResult> {
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const random = runtime.random ?? Math.random;
  const events: StackEventRecord[] = [];
  let rounds = 0;
  let troubled = false;
  let lastStatus: string | undefined;

  const stream = async (): Promise<void> => {
    if (!options.poller) return;
    try {
      const fresh = await options.poller.poll();
      for (const event of fresh) runtime.log(formatEvent(event));
      events.push(...fresh);
    } catch (error) {
      // Events are for people; a throttled read is caught up on the next round.
      if (!isRetryable(error))
        throw describeAwsError(error, { action: "cloudformation:DescribeStackEvents" });
    }
  };

  for (;;) {
    let stack: Stack | undefined;
    let status: string | undefined;
    try {
      const response = await cfn.send(new DescribeStacksCommand({ StackName: options.stack }));
      stack = response.Stacks?.[0];
      status = stack?.StackStatus ?? "DELETE_COMPLETE";
      lastStatus = status;
      troubled = false;
    } catch (error) {
      if (isStackMissing(error)) {
        status = "DELETE_COMPLETE";
      } else if (isRetryable(error)) {
        if (!troubled) {
          runtime.log(
            `AWS answered DescribeStacks with ${errorCode(error) ?? "an error"}; retrying with backoff.`,
          );
        }
        troubled = true;
      } else {
        throw describeAwsError(error, { action: "cloudformation:DescribeStacks", stackName: options.stack });
      }
    }
    rounds++;
    await stream();
    if (status !== undefined && isTerminalStatus(status)) {
      return { status, stack, timedOut: false, events, rounds };
    }
    const now = runtime.clock();
    if (now >= options.deadline) {
      return { status: status ?? lastStatus ?? "UNKNOWN", stack, timedOut: true, events, rounds };
    }
    await runtime.sleep(Math.min(pollDelay(rounds - 1, backoff, random), options.deadline - now));
  }
}
