import { DescribeStacksCommand, type Stack } from "@aws-sdk/client-cloudformation";
import { describeAwsError, errorCode, isRetryable, isStackMissing } from "../aws/errors";
import { formatEvent, isOwnEvent, type StackEventPoller, type StackEventRecord } from "./events";
import type { CfnClient, Runtime } from "./runtime";

/**
 * Waits for a stack operation to end, streaming its events. Each round makes one call, and rounds
 * alternate between DescribeStackEvents and DescribeStacks: either one can see the end (the stack's
 * own final event, or its status), so the end is seen within one round while each is read only every
 * other round. At the default one-second round that is one pair of calls per two seconds, and the
 * end of an operation is noticed within about a second; an operation that runs past five minutes
 * slows to one pair per six seconds (see `operationRoundMs`). Throttling and 5xx answers stretch the
 * rounds (backing off until an answer comes through) and never fail the wait. Running past the
 * deadline is reported, never ignored.
 */

/** Statuses at which no operation is running. REVIEW_IN_PROGRESS waits for a change set, not for AWS. */
export function isTerminalStatus(status: string): boolean {
  return !status.endsWith("_IN_PROGRESS") || status === "REVIEW_IN_PROGRESS";
}

const SUCCESS = new Set(["CREATE_COMPLETE", "UPDATE_COMPLETE", "DELETE_COMPLETE", "IMPORT_COMPLETE"]);

export function isSuccessStatus(status: string): boolean {
  return SUCCESS.has(status);
}

/** Poll timing: `initialMs` between rounds, growing by `factor` (up to `maxMs`) while AWS answers with errors. */
export interface Backoff {
  initialMs: number;
  maxMs: number;
  factor: number;
}

export const DEFAULT_BACKOFF: Backoff = { initialMs: 1_000, maxMs: 10_000, factor: 1.5 };

/**
 * Once every resource the events have shown has settled, the stack's own final status follows
 * within moments, so a few rounds are made at a quarter of the usual pause: the end is noticed
 * sooner at the cost of a handful of calls, once per operation or per gap between resource waves.
 */
export const SETTLED_ROUNDS = 8;
export const SETTLED_FACTOR = 0.25;

/** How long an operation keeps the usual round before it starts to grow. */
export const STEADY_ROUNDS_MS = 5 * 60_000;
/** How long the round takes to grow from the usual round to LONG_ROUND_MS. */
export const ROUND_GROWTH_MS = 10 * 60_000;
/** The longest usual round: one DescribeStacks/DescribeStackEvents pair per six seconds. */
export const LONG_ROUND_MS = 3_000;

/**
 * How long the usual round is once an operation has run `elapsedMs`: unchanged (`usualMs`) for the
 * first five minutes, then growing linearly over ten minutes to `LONG_ROUND_MS` (or `usualMs` if that
 * is longer). Most operations end within five minutes and keep their one-second rounds; the long
 * ones (databases, distributions, big nested stacks) would otherwise make about 3,600 calls an hour
 * against the account's shared CloudFormation rate limit, for an end that is rarely urgent to the
 * second. Three-second rounds make about 1,200 calls an hour (a 60-minute operation makes some
 * 1,530 in all), and since each round can see the end, it is still noticed within one round. The
 * growth is gradual so an operation that ends at six minutes is barely slower to notice than one
 * that ends at four. The quick rounds once resources settle are unaffected: they are a quarter of
 * `usualMs` at any elapsed time.
 */
export function operationRoundMs(elapsedMs: number, usualMs: number): number {
  if (elapsedMs <= STEADY_ROUNDS_MS) return usualMs;
  const longMs = Math.max(usualMs, LONG_ROUND_MS);
  const grown = Math.min(1, (elapsedMs - STEADY_ROUNDS_MS) / ROUND_GROWTH_MS);
  return usualMs + (longMs - usualMs) * grown;
}

/** The pause after `round` consecutive unanswered polls (0: all well), spread ±20% so parallel runs do not poll in step. */
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
  /** Poll rounds made (each one call: DescribeStackEvents and DescribeStacks alternately when streaming). */
  rounds: number;
}

/** The root stack's own event saying an operation ended (REVIEW_IN_PROGRESS only starts one). */
function isFinalOwnEvent(event: StackEventRecord): boolean {
  return (
    event.parentPath.length === 0 &&
    isOwnEvent(event) &&
    isTerminalStatus(event.status) &&
    event.status !== "REVIEW_IN_PROGRESS"
  );
}

export async function waitForStack(
  cfn: CfnClient,
  options: WaitOptions,
  runtime: Runtime,
): Promise<WaitResult> {
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const random = runtime.random ?? Math.random;
  const poller = options.poller;
  const events: StackEventRecord[] = [];
  const startedAt = runtime.clock();
  let rounds = 0;
  /** Consecutive polls that AWS did not answer; each one stretches the next pause. */
  let trouble = 0;
  let lastStatus: string | undefined;
  let stack: Stack | undefined;
  /** Set while DescribeStacks goes unanswered, so the trouble is logged once per spell. */
  let describeTroubled = false;
  /** Root-stack resources whose latest event is still in progress, and whether any was seen. */
  const running = new Set<string>();
  let sawResource = false;
  /** Quick rounds made since the resources last settled. */
  let quickRounds = 0;

  /** Streams new events; true when they include the stack's final event. Undefined when not answered. */
  const stream = async (): Promise<boolean | undefined> => {
    if (!poller) return false;
    try {
      const fresh = await poller.poll();
      for (const event of fresh) {
        runtime.log(formatEvent(event));
        if (event.parentPath.length > 0 || isOwnEvent(event)) continue;
        sawResource = true;
        if (event.status.endsWith("_IN_PROGRESS")) running.add(event.logicalId);
        else running.delete(event.logicalId);
      }
      events.push(...fresh);
      return fresh.some(isFinalOwnEvent);
    } catch (error) {
      // Events are for people; a throttled read is caught up on a later round.
      if (!isRetryable(error))
        throw describeAwsError(error, { action: "cloudformation:DescribeStackEvents" });
      return undefined;
    }
  };

  /** The stack's status, or undefined when AWS did not answer. */
  const read = async (): Promise<string | undefined> => {
    try {
      const response = await cfn.send(new DescribeStacksCommand({ StackName: options.stack }));
      stack = response.Stacks?.[0];
      lastStatus = stack?.StackStatus ?? "DELETE_COMPLETE";
      describeTroubled = false;
      return lastStatus;
    } catch (error) {
      if (isStackMissing(error)) {
        stack = undefined;
        lastStatus = "DELETE_COMPLETE";
        return lastStatus;
      }
      if (!isRetryable(error)) {
        throw describeAwsError(error, { action: "cloudformation:DescribeStacks", stackName: options.stack });
      }
      if (!describeTroubled) {
        runtime.log(
          `AWS answered DescribeStacks with ${errorCode(error) ?? "an error"}; retrying with backoff.`,
        );
      }
      describeTroubled = true;
      return undefined;
    }
  };

  for (;;) {
    let answered: boolean;
    let status: string | undefined;
    if (!poller || rounds % 2 === 1) {
      status = await read();
      answered = status !== undefined;
      // The last events are streamed before returning, so the log and the diagnosis miss none.
      if (status !== undefined && isTerminalStatus(status) && poller) await stream();
    } else {
      const ended = await stream();
      answered = ended !== undefined;
      // The final event says the operation ended; the stack itself (status, outputs) is read at once.
      if (ended) status = await read();
    }
    rounds++;
    trouble = answered ? 0 : trouble + 1;
    if (status !== undefined && isTerminalStatus(status)) {
      return { status, stack, timedOut: false, events, rounds };
    }
    const now = runtime.clock();
    if (now >= options.deadline) {
      // A round that read only events leaves the status unknown: it is read once more to report it.
      if (status === undefined) status = await read();
      if (status !== undefined && isTerminalStatus(status)) {
        return { status, stack, timedOut: false, events, rounds };
      }
      return { status: status ?? lastStatus ?? "UNKNOWN", stack, timedOut: true, events, rounds };
    }
    let delay: number;
    if (trouble === 0 && sawResource && running.size === 0 && quickRounds < SETTLED_ROUNDS) {
      quickRounds++;
      delay = Math.round(pollDelay(0, backoff, random) * SETTLED_FACTOR);
    } else {
      if (running.size > 0) quickRounds = 0;
      const initialMs = operationRoundMs(now - startedAt, backoff.initialMs);
      delay = pollDelay(trouble, { ...backoff, initialMs }, random);
    }
    await runtime.sleep(Math.min(delay, options.deadline - now));
  }
}
