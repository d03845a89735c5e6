import type { ResourceFailure, TemplateLines } from "./operation";
import type { CfnClient, Clock, Log, Random, S3Like, Sleep } from "./runtime";
import type { Backoff } from "./wait";

/**
 * The stack half of teardown (and of every deletion sweep makes): from a stack name to a deleted
 * stack, safely. Only a stack whose preview tags and name agree with what the caller expects is
 * touched; termination protection is refused, never switched off; exports still imported stop the
 * delete before it starts; buckets are emptied (every version and delete marker) unless retained;
 * DELETE_FAILED is retried once after emptying again, then, if asked, finished with
 * RetainResources. `dryRun` makes only read calls and returns the plan. Expected failures and
 * refusals never throw: they come back in the result.
 *
 * INTERFACE AGREED BETWEEN THE TEARDOWN AND SWEEP WORK: the implementation follows.
 */

export interface TeardownOptions {
  stackName: string;
  /**
   * Whose preview the stack must be: its preview-stacks:* tags must say this repository (and this
   * pull request, when `pr` is set), and its name must end in the `-pr-<n>` its tag claims.
   */
  expected: { repository: string; pr?: number };
  /** Deletes a stack that is not a tagged preview (an explicit stack-name); tags that name another repository or PR are still refused. */
  allowUnmanaged: boolean;
  emptyBuckets: boolean;
  retainOnFailure: boolean;
  timeoutMinutes: number;
  dryRun: boolean;
  region: string;
  /** Workflow run id and attempt: the DeleteStack ClientRequestToken is made from them. */
  run: { id: string | number; attempt: number };
  /** The template as checked out, when at hand: failed resources are reported at their lines. */
  template?: TemplateLines;
}

export interface TeardownDeps {
  cfn: CfnClient;
  s3: S3Like;
  clock: Clock;
  sleep: Sleep;
  log: Log;
  random?: Random;
  backoff?: Backoff;
}

export type TeardownStatus = "deleted" | "not-found" | "refused" | "failed" | "planned";

export interface BucketPlan {
  logicalId: string;
  /** The bucket's name (its physical id). */
  bucket: string;
  /** Logical ids of the nested stacks leading to it; empty for the root stack's own buckets. */
  parentPath: string[];
  /** True when its DeletionPolicy is Retain (or RetainExceptOnCreate): it is neither emptied nor deleted. */
  retained: boolean;
  /** Object versions and delete markers in it, counted for the plan; undefined once emptied. */
  versions?: number;
  deleteMarkers?: number;
}

export interface RetainedResource {
  logicalId: string;
  resourceType: string;
  physicalId: string | undefined;
  /** The resource in the AWS console, when the type has a page there; else the stack's page. */
  consoleUrl: string;
}

export interface TeardownResult {
  status: TeardownStatus;
  stackName: string;
  stackId: string | undefined;
  region: string;
  /** One line for logs, summaries and the deployment status: what happened. */
  message: string;
  /** For refused and failed: what was wrong, why, and the next step to take. */
  failure: { kind: string; message: string } | undefined;
  /** The buckets of the stack (nested stacks included), with what was found in them. */
  buckets: BucketPlan[];
  /** Object versions and delete markers deleted, over all buckets and attempts. */
  objectsDeleted: number;
  /** Resources each DELETE_FAILED left, with their reasons (and template lines when at hand). */
  failures: ResourceFailure[];
  /** What RetainResources kept (retain-on-failure). */
  retained: RetainedResource[];
  /** True when an update in progress was cancelled so the stack could be deleted. */
  cancelledUpdate: boolean;
  /** True when another operation was waited out before deleting. */
  waitedForOtherOperation: boolean;
  /** DeleteStack calls made (1, or 2 with the retry, 3 with RetainResources). */
  deleteAttempts: number;
  timings: { startedAt: number; finishedAt: number; totalMs: number };
  awsCalls: number;
  awsCallsByOperation: Record<string, number>;
}

export async function teardownStack(_options: TeardownOptions, _deps: TeardownDeps): Promise<TeardownResult> {
  throw new Error("teardownStack: not implemented yet");
}
