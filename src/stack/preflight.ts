import {
  ContinueUpdateRollbackCommand,
  DeleteStackCommand,
  DescribeStacksCommand,
  type Stack,
} from "@aws-sdk/client-cloudformation";
import { AwsActionableError, describeAwsError, isRetryable, isStackMissing } from "../aws/errors";
import { describeRootCause, diagnose } from "./diagnose";
import { StackEventPoller } from "./events";
import type { CfnClient, Runtime } from "./runtime";
import {
  type Backoff,
  isTerminalStatus,
  TroubleLog,
  unreachableMessage,
  type WaitResult,
  waitForStack,
} from "./wait";

/**
 * Brings the stack into a state a change set can be made against: waits out another run's
 * operation, clears a failed first create, and refuses (with the fix) what it must not repair
 * on its own.
 */

export interface PreflightOptions {
  stackName: string;
  preview: boolean;
  recreateFailed: boolean;
  continueRollback: boolean;
  roleArn?: string;
  deadline: number;
  backoff?: Backoff;
}

export interface PreflightResult {
  /** The stack to update, or undefined when a new one is to be created. */
  stack: Stack | undefined;
  /** Set when a failed first create was deleted so it can be created afresh. */
  recreated: boolean;
  /** Set when another operation was waited out. */
  waitedForOther: boolean;
  /**
   * Set when the stack already exists in REVIEW_IN_PROGRESS (someone's change set, never executed):
   * a CREATE change set goes onto it, but the stack is not this run's to delete if that fails.
   */
  inReview?: boolean;
}

/** A stack state the action will not deploy over; the message says how to get out of it. */
export class StackStateError extends Error {
  constructor(
    readonly status: string,
    message: string,
  ) {
    super(message);
    this.name = "StackStateError";
  }
}

/** The stack as DescribeStacks has it now, or undefined when there is none; throttling is ridden out. */
export async function describeStack(
  cfn: CfnClient,
  name: string,
  runtime: Runtime,
): Promise<Stack | undefined> {
  const troubleLog = new TroubleLog(runtime);
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await troubleLog.during("DescribeStacks", () =>
        cfn.send(troubleLog.watch("DescribeStacks", new DescribeStacksCommand({ StackName: name }))),
      );
      troubleLog.answered("DescribeStacks");
      return response.Stacks?.[0];
    } catch (error) {
      if (isStackMissing(error)) return undefined;
      // The SDK has retried already; a few more slow tries keep a throttling storm from failing the run.
      if (isRetryable(error) && attempt < 5) {
        troubleLog.failed("DescribeStacks", error);
        troubleLog.beat();
        await runtime.sleep(2_000 * (attempt + 1));
        continue;
      }
      throw describeAwsError(error, { action: "cloudformation:DescribeStacks", stackName: name });
    }
  }
}

export interface WaitOutOptions {
  stackName: string;
  stackId: string;
  /** What is waited for, for messages: "another operation to finish". */
  what: string;
  /** The status the stack had before the wait: the last one known should AWS never answer. */
  before: string;
  deadline: number;
  backoff?: Backoff;
  /** Events from this time (ms) on are streamed; now by default. */
  since?: number;
}

/**
 * Waits for the operation running on a stack to end, streaming its events. Running out of time
 * throws StackStateError, and an endpoint still unreachable at the deadline AwsActionableError
 * ("unreachable"): either way the caller cannot go on with a stack in an unknown state.
 */
export async function waitOutOperation(
  cfn: CfnClient,
  options: WaitOutOptions,
  runtime: Runtime,
): Promise<WaitResult> {
  const { stackName, stackId, what } = options;
  const poller = new StackEventPoller(cfn, { stack: stackId, startTime: options.since ?? runtime.clock() });
  const result = await waitForStack(
    cfn,
    { stack: stackId, deadline: options.deadline, poller, backoff: options.backoff },
    runtime,
  );
  if (result.timedOut && result.unreachable) {
    throw new AwsActionableError(
      "unreachable",
      unreachableMessage(
        `${what} on stack ${stackName}`,
        result.unreachable,
        // When the wait never read the stack, the status it had before is the last one known.
        { status: result.status === "UNKNOWN" ? options.before : result.status },
        options.deadline,
      ),
      result.unreachable.code,
    );
  }
  if (result.timedOut) {
    throw new StackStateError(
      result.status,
      `Timed out waiting for ${what} on stack ${stackName} (still ${result.status}). Raise timeout-minutes, or wait for the other run to end and run again.`,
    );
  }
  return result;
}

/** Stacks a change set cannot be executed on until someone decides what to do with them. */
const NEEDS_A_HUMAN: Record<string, (name: string) => string> = {
  ROLLBACK_FAILED: (name) =>
    `its first create failed and so did the rollback. Delete it (aws cloudformation delete-stack --stack-name ${name} --deletion-mode FORCE_DELETE_STACK), then run again.`,
  DELETE_FAILED: (name) =>
    `a delete failed. Finish the delete (aws cloudformation delete-stack --stack-name ${name}, with --retain-resources for resources that cannot be deleted), then run again.`,
  IMPORT_ROLLBACK_FAILED: (name) =>
    `an import rolled back and the rollback failed. Fix the resources named in the stack events (aws cloudformation describe-stack-events --stack-name ${name}), then run again.`,
};

export async function preflight(
  cfn: CfnClient,
  options: PreflightOptions,
  runtime: Runtime,
): Promise<PreflightResult> {
  const name = options.stackName;
  let recreated = false;
  let waitedForOther = false;
  const waitFor = (stackId: string, what: string, before: string) =>
    waitOutOperation(
      cfn,
      { stackName: name, stackId, what, before, deadline: options.deadline, backoff: options.backoff },
      runtime,
    );

  for (let round = 0; round < 6; round++) {
    const stack = await describeStack(cfn, name, runtime);
    if (!stack) return { stack: undefined, recreated, waitedForOther };
    const status = stack.StackStatus ?? "";
    const stackId = stack.StackId ?? name;

    if (status === "REVIEW_IN_PROGRESS") {
      // A change set was made but never executed: nothing exists yet, so this is a new stack.
      return { stack: undefined, recreated, waitedForOther, inReview: true };
    }
    if (!isTerminalStatus(status)) {
      runtime.log(
        `Stack ${name} is ${status}: another operation${stack.LastUpdatedTime ? ` (started ${stack.LastUpdatedTime.toISOString()})` : ""} is running. Waiting for it to finish before deploying.`,
      );
      waitedForOther = true;
      await waitFor(stackId, "another operation to finish", status);
      continue;
    }
    if (status === "ROLLBACK_COMPLETE" || (status === "CREATE_FAILED" && options.preview)) {
      if (!options.preview && !options.recreateFailed) {
        throw new StackStateError(
          status,
          `Stack ${name} is in ${status}: its first create failed, and CloudFormation cannot update such a stack. Delete it and run again (aws cloudformation delete-stack --stack-name ${name} && aws cloudformation wait stack-delete-complete --stack-name ${name}), or set recreate-failed: true to let the action delete and re-create it.`,
        );
      }
      runtime.log(
        `Stack ${name} is in ${status} after a failed first create; deleting it so it can be created afresh.`,
      );
      try {
        await cfn.send(new DeleteStackCommand({ StackName: stackId, RoleARN: options.roleArn }));
      } catch (error) {
        throw describeAwsError(error, { action: "cloudformation:DeleteStack", stackName: name });
      }
      const deleted = await waitFor(stackId, "the failed stack's deletion", status);
      if (deleted.status !== "DELETE_COMPLETE") {
        throw new StackStateError(
          deleted.status,
          `Deleting the failed stack ${name} ended in ${deleted.status}. Delete it by hand (aws cloudformation delete-stack --stack-name ${name}), then run again.`,
        );
      }
      recreated = true;
      return { stack: undefined, recreated, waitedForOther };
    }
    if (status === "UPDATE_ROLLBACK_FAILED") {
      if (!options.continueRollback) {
        const startTime = (stack.LastUpdatedTime ?? stack.CreationTime)?.getTime() ?? 0;
        const events = await new StackEventPoller(cfn, { stack: stackId, startTime }).poll().catch(() => []);
        const cause = await diagnose(cfn, events, startTime);
        const why = cause
          ? ` Resource ${describeRootCause(cause)}.`
          : stack.StackStatusReason
            ? ` ${stack.StackStatusReason}`
            : "";
        throw new StackStateError(
          status,
          `Stack ${name} is in UPDATE_ROLLBACK_FAILED: an update failed and so did its rollback.${why} Fix the resource, then run again with continue-rollback: true (or run aws cloudformation continue-update-rollback --stack-name ${name}, adding --resources-to-skip for resources that cannot roll back), or delete the stack.`,
        );
      }
      runtime.log(
        `Stack ${name} is in UPDATE_ROLLBACK_FAILED; continuing the rollback (continue-rollback: true).`,
      );
      try {
        await cfn.send(new ContinueUpdateRollbackCommand({ StackName: stackId, RoleARN: options.roleArn }));
      } catch (error) {
        throw describeAwsError(error, { action: "cloudformation:ContinueUpdateRollback", stackName: name });
      }
      const rolledBack = await waitFor(stackId, "the continued rollback", status);
      if (rolledBack.status !== "UPDATE_ROLLBACK_COMPLETE") {
        throw new StackStateError(
          rolledBack.status,
          `Continuing the rollback of stack ${name} ended in ${rolledBack.status}. Skip the resources that cannot roll back (aws cloudformation continue-update-rollback --stack-name ${name} --resources-to-skip ...), then run again.`,
        );
      }
      continue;
    }
    const human = NEEDS_A_HUMAN[status];
    if (human) throw new StackStateError(status, `Stack ${name} is in ${status}: ${human(name)}`);
    return { stack, recreated, waitedForOther };
  }
  throw new StackStateError(
    "UNKNOWN",
    `Stack ${name} kept changing state while the action waited for it. Another workflow is deploying it too: put both in one concurrency group, then run again.`,
  );
}
