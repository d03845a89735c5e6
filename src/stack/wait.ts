import { DescribeStacksCommand, type Stack } from "@aws-sdk/client-cloudformation";
import { observeAttempts } from "../aws/clients";
import { describeAwsError, errorCode, isRetryable, isStackMissing, networkCause } from "../aws/errors";
import { formatEvent, isOwnEvent, type StackEventPoller, type StackEventRecord } from "./events";
import type { CfnClient, Runtime } from "./runtime";

/**
 * Waits for a stack operation to end, streaming its events. Each round makes one call, and rounds
 * alternate between DescribeStackEvents and DescribeStacks: either one can see the end (the stack's
 * own final event, or its status), so the end is seen within one round while each is read only every
 * other round. At the default one-second round that is one pair of calls per two seconds, and the
 * end of an operation is noticed within about a second; an operation that runs past five minutes
 * slows to one pair per six seconds (see `operationRoundMs`). Throttling and 5xx answers, and an
 * endpoint that cannot be reached, stretch the rounds (backing off until an answer comes through) and
 * never fail the wait; the log says why, and says it again every 30 s while it lasts (see
 * `TroubleLog`). Running past the deadline is reported, never ignored, and so is an endpoint that was
 * still unreachable then (`WaitResult.unreachable`): more time would not have helped.
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

/** How long trouble with AWS may go on without a line in the log, so a long silence never looks like a hang. */
export const HEARTBEAT_MS = 30_000;

/**
 * Calls `tick` every `ms` of real time until the returned function is called. The real one never
 * keeps the process alive; tests pass their own.
 */
export type Ticker = (ms: number, tick: () => void) => () => void;

export const realTicker: Ticker = (ms, tick) => {
  const timer = setInterval(tick, ms);
  timer.unref();
  return () => clearInterval(timer);
};

/** How often a call in flight checks whether a heartbeat is due: a line is at most this late. */
export const TICK_MS = 1_000;

/** What the waits need besides the Runtime: the ticker, replaceable in tests. */
export type WaitRuntime = Runtime & { ticker?: Ticker };

/** The endpoint could not be reached: why, and since when. */
export interface Unreachable {
  /** For people: "connection refused (ECONNREFUSED) by 127.0.0.1:4566". */
  cause: string;
  /** ECONNREFUSED, ENOTFOUND, CERT_HAS_EXPIRED, ... */
  code: string;
  /** Clock time (ms) of the first call in this spell that got no answer. */
  sinceMs: number;
}

/** `130_000` → `2m10s`. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${seconds % 60}s`;
  return `${Math.floor(minutes / 60)}h${minutes % 60}m`;
}

/**
 * What a wait loop says while its calls go unanswered. A spell of trouble is either one call that
 * AWS keeps answering with throttling or 5xx (a spell per call, ending when that call is answered), or
 * the endpoint itself out of reach (refused, DNS, TLS, no answer in time: one spell for every call,
 * ending with the first answer of any kind). Each spell is logged when it starts, with its cause, and
 * the endpoint's return is logged too. While trouble lasts, a heartbeat line follows HEARTBEAT_MS after
 * the last line: between calls the loop sleeps no longer than `dueIn()` and calls `beat()`, so the
 * line is on time.
 *
 * During a call the loop cannot write, and one call can take minutes: the SDK retries it on its own
 * (adaptive mode, ten attempts, up to 20 s apart: about a minute under throttling, nearly two at
 * worst), and a connection to an endpoint that drops packets waits for the system's connect timeout
 * (about two minutes on Linux). So each call goes through `during()`, which checks every TICK_MS of
 * real time, on a timer stopped when the call ends, whether a heartbeat is due; and `watch()` hears of
 * each failed attempt inside the SDK, so that line names the cause. A timer and not an SDK hook
 * alone, because a hanging attempt fires no hook; real time because the SDK's own waits are real.
 */
export class TroubleLog {
  private readonly answeredWith = new Map<string, { sinceMs: number; code: string }>();
  private network: Unreachable | undefined;
  private lastLine = Number.NEGATIVE_INFINITY;
  private readonly ticker: Ticker;

  constructor(
    private readonly runtime: WaitRuntime,
    private readonly service = "CloudFormation",
  ) {
    this.ticker = runtime.ticker ?? realTicker;
  }

  /** True for errors a wait rides out: retryable ones, and every network failure (TLS included). */
  static worthWaiting(error: unknown): boolean {
    return isRetryable(error) || networkCause(error) !== undefined;
  }

  /** Records a call (or one of the SDK's attempts of it) that failed with an error worth waiting out. */
  failed(action: string, error: unknown): void {
    const now = this.runtime.clock();
    const cause = networkCause(error);
    if (cause) {
      if (this.network) {
        this.network.cause = cause.text;
        this.network.code = cause.code;
      } else {
        this.network = { cause: cause.text, code: cause.code, sinceMs: now };
        this.line(`Cannot reach ${this.service} (${action}): ${cause.text}; retrying with backoff.`, now);
      }
      return;
    }
    // Any answer, an error too, says the endpoint is back.
    this.reached(now);
    const code = errorCode(error) ?? "an error";
    const spell = this.answeredWith.get(action);
    if (spell) {
      spell.code = code;
      return;
    }
    this.answeredWith.set(action, { sinceMs: now, code });
    this.line(`AWS answered ${action} with ${code}; retrying with backoff.`, now);
  }

  /** Records an answer to `action`. */
  answered(action: string): void {
    this.reached(this.runtime.clock());
    this.answeredWith.delete(action);
  }

  /**
   * Writes the heartbeat if it is due. `pending` is a call in flight: one that has gone unanswered
   * for HEARTBEAT_MS, with nothing else to say, gets a line of its own.
   */
  beat(pending?: { action: string; sinceMs: number }): void {
    const now = this.runtime.clock();
    if (now - this.lastLine < HEARTBEAT_MS) return;
    if (this.network) {
      this.line(
        `Still cannot reach ${this.service}: ${this.network.cause}; retrying, ${formatDuration(now - this.network.sinceMs)} so far.`,
        now,
      );
    } else if (this.answeredWith.size > 0) {
      const spells = [...this.answeredWith];
      const since = Math.min(...spells.map(([, spell]) => spell.sinceMs));
      const calls = spells.map(([action, spell]) => `${action} with ${spell.code}`).join(", ");
      this.line(`Still retrying: AWS keeps answering ${calls}; ${formatDuration(now - since)} so far.`, now);
    } else if (pending && now - pending.sinceMs >= HEARTBEAT_MS) {
      this.line(
        `Still waiting for ${this.service} to answer ${pending.action}; ${formatDuration(now - pending.sinceMs)} so far.`,
        now,
      );
    }
  }

  /** Makes one call, writing heartbeats while it is in flight. */
  async during<T>(action: string, call: () => Promise<T>): Promise<T> {
    const pending = { action, sinceMs: this.runtime.clock() };
    const stop = this.ticker(TICK_MS, () => this.beat(pending));
    try {
      return await call();
    } finally {
      stop();
    }
  }

  /** Milliseconds until the next heartbeat is due; Infinity while all is well. */
  dueIn(): number {
    if (this.network === undefined && this.answeredWith.size === 0) return Number.POSITIVE_INFINITY;
    return Math.max(0, this.lastLine + HEARTBEAT_MS - this.runtime.clock());
  }

  /** Set while the endpoint cannot be reached. */
  get unreachable(): Unreachable | undefined {
    return this.network ? { ...this.network } : undefined;
  }

  /** Hears of every attempt the SDK makes of `command` that fails (see observeAttempts). */
  watch<C>(action: string, command: C): C {
    return observeAttempts(command, (error) => {
      if (TroubleLog.worthWaiting(error)) this.failed(action, error);
    });
  }

  private reached(now: number): void {
    if (!this.network) return;
    this.line(`${this.service} answered again after ${formatDuration(now - this.network.sinceMs)}.`, now);
    this.network = undefined;
  }

  private line(text: string, now: number): void {
    this.runtime.log(text);
    this.lastLine = now;
  }
}

/**
 * The failure message for a wait whose deadline passed while AWS could not be reached. More time
 * would not have helped, so instead of pointing at timeout-minutes it says what failed and since
 * when, that nothing is known of the stack's state, and what to check.
 */
export function unreachableMessage(
  waitingFor: string,
  unreachable: Unreachable,
  lastSeen: { status: string | undefined; of?: "stack" | "change set" },
  deadline: number,
): string {
  const since = new Date(unreachable.sinceMs).toISOString().slice(11, 19);
  const known = lastSeen.status !== undefined && lastSeen.status !== "UNKNOWN";
  const seen = !known
    ? ""
    : lastSeen.of === "change set"
      ? ` (the change set was last seen ${lastSeen.status})`
      : ` (last seen ${lastSeen.status})`;
  return `Could not reach the AWS endpoint while waiting for ${waitingFor}: ${unreachable.cause}, since ${since} UTC, ${formatDuration(deadline - unreachable.sinceMs)} before the wait's deadline passed. The stack's state is unknown${seen}. Check the runner's network, AWS_ENDPOINT_URL and any VPC endpoint or proxy, look at the stack in the CloudFormation console, then run again.`;
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
  /** Set when the deadline passed while the endpoint could not be reached: the stack's state is unknown. */
  unreachable?: Unreachable;
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
  runtime: WaitRuntime,
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
  const troubleLog = new TroubleLog(runtime);
  /** Root-stack resources whose latest event is still in progress, and whether any was seen. */
  const running = new Set<string>();
  let sawResource = false;
  /** Quick rounds made since the resources last settled. */
  let quickRounds = 0;

  /** Streams new events; true when they include the stack's final event. Undefined when not answered. */
  const stream = async (): Promise<boolean | undefined> => {
    if (!poller) return false;
    try {
      const fresh = await troubleLog.during("DescribeStackEvents", () =>
        poller.poll((command) => troubleLog.watch("DescribeStackEvents", command)),
      );
      troubleLog.answered("DescribeStackEvents");
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
      if (!TroubleLog.worthWaiting(error))
        throw describeAwsError(error, { action: "cloudformation:DescribeStackEvents" });
      troubleLog.failed("DescribeStackEvents", error);
      return undefined;
    }
  };

  /** The stack's status, or undefined when AWS did not answer. */
  const read = async (): Promise<string | undefined> => {
    try {
      const response = await troubleLog.during("DescribeStacks", () =>
        cfn.send(troubleLog.watch("DescribeStacks", new DescribeStacksCommand({ StackName: options.stack }))),
      );
      troubleLog.answered("DescribeStacks");
      stack = response.Stacks?.[0];
      lastStatus = stack?.StackStatus ?? "DELETE_COMPLETE";
      return lastStatus;
    } catch (error) {
      if (isStackMissing(error)) {
        troubleLog.answered("DescribeStacks");
        stack = undefined;
        lastStatus = "DELETE_COMPLETE";
        return lastStatus;
      }
      if (!TroubleLog.worthWaiting(error)) {
        throw describeAwsError(error, { action: "cloudformation:DescribeStacks", stackName: options.stack });
      }
      troubleLog.failed("DescribeStacks", error);
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
      return {
        status: status ?? lastStatus ?? "UNKNOWN",
        stack,
        timedOut: true,
        events,
        rounds,
        unreachable: troubleLog.unreachable,
      };
    }
    troubleLog.beat();
    let delay: number;
    if (trouble === 0 && sawResource && running.size === 0 && quickRounds < SETTLED_ROUNDS) {
      quickRounds++;
      delay = Math.round(pollDelay(0, backoff, random) * SETTLED_FACTOR);
    } else {
      if (running.size > 0) quickRounds = 0;
      const initialMs = operationRoundMs(now - startedAt, backoff.initialMs);
      delay = pollDelay(trouble, { ...backoff, initialMs }, random);
    }
    await runtime.sleep(Math.min(delay, options.deadline - now, troubleLog.dueIn()));
    // Written before the next call, which may itself take a while.
    troubleLog.beat();
  }
}
