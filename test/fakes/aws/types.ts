// The contract between the server frame and each service handler. Kept small on purpose:
// handlers for S3 and Lambda are written against it independently of the frame.
import type { CloudFormationState } from "./cloudformation/state";
import type { LambdaState } from "./lambda";
import type { S3State } from "./s3";

export interface FakeRequest {
  method: string;
  /** Path without the query string, percent-decoded (S3 keys arrive decoded). */
  path: string;
  /** Path exactly as sent, still percent-encoded. */
  rawPath: string;
  query: URLSearchParams;
  /** Header names lower-cased; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: Buffer;
  /** Signing name from the SigV4 credential scope: cloudformation, sts, s3, lambda. */
  service: string;
}

export interface FakeResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** Simulated time. Everything in the fake reads time from here, never from Date.now(). */
export interface FakeClock {
  now(): number;
  date(): Date;
  /** Moves simulated time forward (in scaled mode too: the jump adds to the scaled real time). */
  advance(ms: number): void;
}

/** What a test asks the fake to go wrong. Matching is by service and optional action name. */
export interface FaultMatch {
  service?: string;
  /** Query-protocol Action (CloudFormation, STS) or "<METHOD> <path>" for REST services. */
  action?: string;
}

export type CallFaultKind = "throttle" | "serverError" | "reset";

export interface Injector {
  /** Respond `Throttling`/`SlowDown`/`TooManyRequestsException` to the next `times` matching calls. */
  throttle(match: FaultMatch, times?: number): void;
  /** Respond HTTP 500 InternalFailure to the next `times` matching calls. */
  serverError(match: FaultMatch, times?: number): void;
  /** Destroy the socket of the next `times` matching calls without answering (ECONNRESET). */
  resetConnection(match: FaultMatch, times?: number): void;
  /**
   * Keep the next `times` operations (create, update, delete) of a stack (any stack when the name
   * is undefined) at their first *_IN_PROGRESS status for `ms` of simulated time before resources start.
   */
  holdStack(stackName: string | undefined, ms: number, times?: number): void;
  /** Consumed by the CloudFormation fake: how long this stack's starting operation is held. */
  stackHold?(stackName: string): number;
  /** Delay every matching response by `ms` of real time (latency is real: the SDK's timers are real). */
  latency(match: FaultMatch, ms: number): void;
  /** Make the named resource fail when CloudFormation creates, updates or deletes it. */
  failResource(logicalId: string, opts?: ResourceFailure): void;
  /** Consumed by the CloudFormation fake: the failure reason for this resource operation, if any. */
  resourceFailure?(
    stackName: string,
    logicalId: string,
    on: "create" | "update" | "delete",
  ): string | undefined;
  /** Forget every injected fault. */
  clear(): void;
}

export interface ResourceFailure {
  /** Which operation fails; all by default. */
  on?: "create" | "update" | "delete";
  /** Stack name; any stack by default. */
  stackName?: string;
  reason?: string;
  /** How many times it fails before succeeding again; unlimited by default. */
  times?: number;
}

export interface FakeAwsState {
  s3: S3State;
  lambda: LambdaState;
  cloudformation: CloudFormationState;
}

export interface FakeContext {
  state: FakeAwsState;
  inject: Injector;
  clock: FakeClock;
  region: string;
  accountId: string;
}
