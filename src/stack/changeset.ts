import {
  type Capability,
  type Change,
  type ChangeSetType,
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DeleteStackCommand,
  DescribeChangeSetCommand,
  type DescribeChangeSetCommandOutput,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  ListChangeSetsCommand,
  type Parameter,
  type Tag,
} from "@aws-sdk/client-cloudformation";
import { describeAwsError } from "../aws/errors";
import type { CfnClient, Runtime } from "./runtime";
import type { TemplateLocation } from "./template-source";
import { type Backoff, pollDelay, TroubleLog, type Unreachable, type WaitRuntime } from "./wait";

/** Change sets: create, wait until ready, read every page of changes, execute, and clean up. */

export interface CreateChangeSetInput {
  stackName: string;
  changeSetName: string;
  type: ChangeSetType;
  template: TemplateLocation;
  parameters: Parameter[];
  tags: Tag[];
  capabilities: string[];
  roleArn?: string;
  description?: string;
}

export interface ChangeSetRef {
  id: string;
  stackId: string;
}

export async function createChangeSet(cfn: CfnClient, input: CreateChangeSetInput): Promise<ChangeSetRef> {
  try {
    const response = await cfn.send(
      new CreateChangeSetCommand({
        StackName: input.stackName,
        ChangeSetName: input.changeSetName,
        ChangeSetType: input.type,
        ...input.template,
        Parameters: input.parameters,
        Tags: input.tags,
        Capabilities: input.capabilities as Capability[],
        RoleARN: input.roleArn,
        Description: input.description,
      }),
    );
    return { id: response.Id ?? input.changeSetName, stackId: response.StackId ?? input.stackName };
  } catch (error) {
    throw describeAwsError(error, { action: "cloudformation:CreateChangeSet", stackName: input.stackName });
  }
}

/** CloudFormation's wording for a change set with nothing to do; it has varied over the years. */
const NO_CHANGES = /didn't contain changes|No updates are to be performed|does not contain any changes/i;

export type ChangeSetState =
  | { state: "ready"; description: DescribeChangeSetCommandOutput }
  | { state: "empty"; reason: string }
  | { state: "failed"; reason: string }
  /** `unreachable` is set when the deadline passed while the endpoint could not be reached. */
  | { state: "timed-out"; status: string; unreachable?: Unreachable };

const CHANGE_SET_BACKOFF: Backoff = { initialMs: 500, maxMs: 5_000, factor: 1.6 };

/**
 * Polls until the change set is CREATE_COMPLETE or FAILED; the first page of the answer is returned.
 * Throttling, 5xx and an unreachable endpoint are waited out and logged as waitForStack does.
 */
export async function waitForChangeSet(
  cfn: CfnClient,
  ref: { id: string; stackName: string },
  deadline: number,
  runtime: WaitRuntime,
  backoff: Backoff = CHANGE_SET_BACKOFF,
): Promise<ChangeSetState> {
  const random = runtime.random ?? Math.random;
  const troubleLog = new TroubleLog(runtime);
  let status = "CREATE_PENDING";
  for (let round = 0; ; round++) {
    try {
      const description = await troubleLog.during("DescribeChangeSet", () =>
        cfn.send(
          troubleLog.watch(
            "DescribeChangeSet",
            new DescribeChangeSetCommand({ ChangeSetName: ref.id, StackName: ref.stackName }),
          ),
        ),
      );
      troubleLog.answered("DescribeChangeSet");
      status = description.Status ?? status;
      if (status === "CREATE_COMPLETE") return { state: "ready", description };
      if (status === "FAILED" || status === "DELETE_COMPLETE" || status === "DELETE_FAILED") {
        const reason = description.StatusReason ?? "(no reason given)";
        return NO_CHANGES.test(reason) ? { state: "empty", reason } : { state: "failed", reason };
      }
    } catch (error) {
      if (!TroubleLog.worthWaiting(error)) {
        throw describeAwsError(error, {
          action: "cloudformation:DescribeChangeSet",
          stackName: ref.stackName,
        });
      }
      troubleLog.failed("DescribeChangeSet", error);
    }
    const now = runtime.clock();
    if (now >= deadline) return { state: "timed-out", status, unreachable: troubleLog.unreachable };
    troubleLog.beat();
    await runtime.sleep(Math.min(pollDelay(round, backoff, random), deadline - now, troubleLog.dueIn()));
    troubleLog.beat();
  }
}

/** Every change, across all pages; `first` saves a call when the waiter already read page one. */
export async function listChanges(
  cfn: CfnClient,
  ref: { id: string; stackName: string },
  first?: DescribeChangeSetCommandOutput,
): Promise<Change[]> {
  const changes: Change[] = [...(first?.Changes ?? [])];
  let token = first ? first.NextToken : undefined;
  if (!first) {
    const page = await cfn.send(
      new DescribeChangeSetCommand({ ChangeSetName: ref.id, StackName: ref.stackName }),
    );
    changes.push(...(page.Changes ?? []));
    token = page.NextToken;
  }
  while (token) {
    const page = await cfn.send(
      new DescribeChangeSetCommand({ ChangeSetName: ref.id, StackName: ref.stackName, NextToken: token }),
    );
    changes.push(...(page.Changes ?? []));
    token = page.NextToken;
  }
  return changes;
}

export async function executeChangeSet(
  cfn: CfnClient,
  ref: { id: string; stackName: string },
  options: { disableRollback: boolean; clientRequestToken?: string },
): Promise<void> {
  try {
    await cfn.send(
      new ExecuteChangeSetCommand({
        ChangeSetName: ref.id,
        StackName: ref.stackName,
        DisableRollback: options.disableRollback,
        ClientRequestToken: options.clientRequestToken,
      }),
    );
  } catch (error) {
    throw describeAwsError(error, { action: "cloudformation:ExecuteChangeSet", stackName: ref.stackName });
  }
}

/** Best effort: a change set left behind is clutter, not a reason to hide the real outcome. */
export async function deleteChangeSet(
  cfn: CfnClient,
  ref: { id: string; stackName: string },
  log: Runtime["log"],
): Promise<boolean> {
  try {
    await cfn.send(new DeleteChangeSetCommand({ ChangeSetName: ref.id, StackName: ref.stackName }));
    return true;
  } catch (error) {
    log(
      `Could not delete change set ${ref.id} (${(error as Error).message}); delete it with: aws cloudformation delete-change-set --stack-name ${ref.stackName} --change-set-name ${ref.id}`,
    );
    return false;
  }
}

/**
 * Deletes the empty REVIEW_IN_PROGRESS stack a failed CREATE change set leaves behind: it holds no
 * resources, but it lingers in every listing and counts against max-previews. Called only for a stack
 * this run's change set created (by id, so a later stack of the same name is never touched), after that
 * change set was deleted; it is deleted only while it is still REVIEW_IN_PROGRESS (never executed) and
 * no other change set waits on it. Best effort, like deleteChangeSet.
 */
export async function deleteReviewStack(
  cfn: CfnClient,
  stack: { id: string; name: string },
  log: Runtime["log"],
): Promise<boolean> {
  try {
    const status = (await cfn.send(new DescribeStacksCommand({ StackName: stack.id }))).Stacks?.[0]
      ?.StackStatus;
    if (status !== "REVIEW_IN_PROGRESS") return false;
    const others = (await cfn.send(new ListChangeSetsCommand({ StackName: stack.id }))).Summaries ?? [];
    if (others.length > 0) return false;
    await cfn.send(new DeleteStackCommand({ StackName: stack.id }));
    log(`Deleted the empty stack ${stack.name} that the failed change set had created (REVIEW_IN_PROGRESS).`);
    return true;
  } catch (error) {
    log(
      `Could not delete the empty stack ${stack.name} left in REVIEW_IN_PROGRESS (${(error as Error).message}); delete it with: aws cloudformation delete-stack --stack-name ${stack.id}`,
    );
    return false;
  }
}
