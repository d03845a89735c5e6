import { describeRootCause, diagnose, type RootCause } from "./diagnose";
import { isOwnEvent, StackEventPoller, type StackEventRecord } from "./events";
import type { CfnClient, Runtime } from "./runtime";
import { type Backoff, isSuccessStatus, unreachableMessage, type WaitResult, waitForStack } from "./wait";

/**
 * Watching one stack operation to its end, whatever started it (ExecuteChangeSet for deploy,
 * DeleteStack for teardown): the event stream in the log, the wait with its backoff and deadline,
 * and, when the operation fails, its root cause and every failed resource, each at its line in the
 * template when the template is at hand.
 */

/** A template line, for annotations and the comment. */
export interface TemplateLocation {
  file: string;
  line: number;
}

/** What the watch needs of a template: where a top-level resource is written. */
export interface TemplateLines {
  file: string;
  resourceLine(logicalId: string): number | undefined;
}

export type LocatedRootCause = RootCause & { location?: TemplateLocation };

/** A resource whose latest event in this operation is a failure. */
export interface ResourceFailure {
  logicalId: string;
  /** Nested-stack resources leading to it; empty for the root stack's own resources. */
  parentPath: string[];
  resourceType: string;
  physicalId: string | undefined;
  status: string;
  reason: string | undefined;
  location?: TemplateLocation;
}

export interface WatchOptions {
  /** Stack id (preferred: it keeps answering after a delete) or name. */
  stack: string;
  /** Events at or before this time (ms) belong to earlier operations. */
  since: number;
  /** The operation's ClientRequestToken, when it has one: events of other operations are left out. */
  clientRequestToken?: string;
  /** Clock time (ms) at which the wait gives up. */
  deadline: number;
  template?: TemplateLines;
  backoff?: Backoff;
}

export interface WatchOutcome extends WaitResult {
  /** True when the operation ended in a success status (CREATE_COMPLETE, DELETE_COMPLETE, ...). */
  succeeded: boolean;
  /** Set when the operation ended and failed: the first resource that failed for a reason of its own. */
  rootCause: LocatedRootCause | undefined;
  /** Set when the operation ended and failed: each resource whose last event is a failure. */
  failures: ResourceFailure[];
}

function locate(template: TemplateLines | undefined, path: string[], logicalId: string) {
  const line = template?.resourceLine(path[0] ?? logicalId);
  return line !== undefined && template ? { file: template.file, line } : undefined;
}

/** Each resource's latest event of the operation, when that event is a failure, oldest first. */
export function failedResources(events: StackEventRecord[], template?: TemplateLines): ResourceFailure[] {
  const latest = new Map<string, StackEventRecord>();
  for (const event of events) {
    if (isOwnEvent(event)) continue;
    latest.set([...event.parentPath, event.logicalId].join("/"), event);
  }
  return [...latest.values()]
    .filter((event) => event.status.endsWith("_FAILED"))
    .map((event) => ({
      logicalId: event.logicalId,
      parentPath: event.parentPath,
      resourceType: event.resourceType,
      physicalId: event.physicalId,
      status: event.status,
      reason: event.reason,
      location: locate(template, event.parentPath, event.logicalId),
    }));
}

export async function watchOperation(
  cfn: CfnClient,
  options: WatchOptions,
  runtime: Runtime,
): Promise<WatchOutcome> {
  const poller = new StackEventPoller(cfn, {
    stack: options.stack,
    startTime: options.since,
    clientRequestToken: options.clientRequestToken,
  });
  const waited = await waitForStack(
    cfn,
    { stack: options.stack, deadline: options.deadline, poller, backoff: options.backoff },
    runtime,
  );
  const succeeded = !waited.timedOut && isSuccessStatus(waited.status);
  if (waited.timedOut || succeeded) return { ...waited, succeeded, rootCause: undefined, failures: [] };
  const cause = await diagnose(cfn, poller.history, options.since);
  return {
    ...waited,
    succeeded,
    rootCause: cause
      ? { ...cause, location: locate(options.template, cause.parentPath, cause.logicalId) }
      : undefined,
    failures: failedResources(poller.history, options.template),
  };
}

/** Why a watch that did not end stopped: its deadline, or an endpoint that stopped answering. */
export function stoppedWaiting(
  outcome: WatchOutcome,
  context: {
    stackName: string;
    timeoutMinutes: number;
    deadline: number;
    /** What was done about it, e.g. " The update was cancelled and will roll back." */
    note?: string;
    /** The next step for a timeout, e.g. "Raise timeout-minutes if the deployment needs longer ..." */
    advice: string;
  },
): { kind: "timeout" | "unreachable"; message: string } {
  if (outcome.unreachable) {
    return {
      kind: "unreachable",
      message: unreachableMessage(
        `stack ${context.stackName}`,
        outcome.unreachable,
        { status: outcome.status },
        context.deadline,
      ),
    };
  }
  return {
    kind: "timeout",
    message: `Stack ${context.stackName} did not finish within timeout-minutes (${context.timeoutMinutes}); it is still ${outcome.status}.${context.note ?? ""} ${context.advice}`,
  };
}

/** " Root cause: Api (AWS::ApiGateway::RestApi) CREATE_FAILED: ...", or nothing. */
export function rootCauseSentence(cause: RootCause | undefined): string {
  return cause ? ` Root cause: ${describeRootCause(cause)}.` : "";
}
