import {
  CancelUpdateStackCommand,
  DeleteStackCommand,
  type Export,
  ListExportsCommand,
  ListImportsCommand,
  type Stack,
} from "@aws-sdk/client-cloudformation";
import { type AwsActionableError, describeAwsError, errorMessage } from "../aws/errors";
import { thousands } from "../text";
import {
  type BucketPlan,
  countVersions,
  emptyBucket,
  type ObjectError,
  type StackInventory,
  stackInventory,
} from "./buckets";
import { requestToken } from "./naming";
import {
  type ResourceFailure,
  rootCauseSentence,
  stoppedWaiting,
  type TemplateLines,
  type WatchOutcome,
  watchOperation,
} from "./operation";
import { consoleUrl, resourceConsoleUrl } from "./outputs";
import { describeStack, StackStateError, waitOutOperation } from "./preflight";
import { type CfnClient, counting, type Runtime, type S3Like } from "./runtime";
import { describeClaim, isPreviewStack, previewClaim } from "./tags";
import { type Backoff, isTerminalStatus } from "./wait";

export type { BucketPlan, ObjectError } from "./buckets";

/**
 * The stack half of teardown (and of every deletion sweep makes): from a stack name to a deleted
 * stack, safely. Only a stack whose preview tags and name agree with what the caller expects is
 * touched; termination protection is refused, never switched off; exports still imported stop the
 * delete before it starts; buckets are emptied (every version and delete marker) unless retained;
 * DELETE_FAILED is retried once after emptying again, then, if asked, finished with
 * RetainResources. `dryRun` makes only read calls and returns the plan. Expected failures and
 * refusals never throw: they come back in the result.
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

/** The clients, and the clock, sleep, log and jitter of the Runtime every stack module takes. */
export interface TeardownDeps extends Runtime {
  cfn: CfnClient;
  s3: S3Like;
  backoff?: Backoff;
}

export type TeardownStatus = "deleted" | "not-found" | "refused" | "failed" | "planned";

/**
 * Why a teardown was refused or failed. Refusals: `unmanaged` (no preview tags), `not-ours` (tags
 * of another repository or pull request, or a name they disagree with), `termination-protection`.
 * Failures: `exports-in-use`, `delete-failed`, `stack-state`, `timeout`, `unreachable`, and the
 * AwsActionableError kinds (`access-denied`, `throttled`, ...).
 */
export type TeardownFailureKind =
  | "unmanaged"
  | "not-ours"
  | "termination-protection"
  | "exports-in-use"
  | "delete-failed"
  | "stack-state"
  | "timeout"
  | AwsActionableError["kind"];

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
  /** Versions and delete markers S3 refused to delete (DeleteObjects' per-key errors); teardownStack always sets it. */
  objectErrors?: ObjectError[];
  /** Resources the last DELETE_FAILED left, with their reasons (and template lines when at hand). */
  failures: ResourceFailure[];
  /** What RetainResources kept (retain-on-failure). */
  retained: RetainedResource[];
  /** True when an update in progress was cancelled so the stack could be deleted. */
  cancelledUpdate: boolean;
  /** True when another operation was waited out before deleting. */
  waitedForOtherOperation: boolean;
  /** DeleteStack calls made (1, or 2 with the retry, 3 with RetainResources). */
  deleteAttempts: number;
  /** The stack in the CloudFormation console, once it was found. */
  consoleUrl?: string;
  timings: { startedAt: number; finishedAt: number; totalMs: number };
  awsCalls: number;
  awsCallsByOperation: Record<string, number>;
}

/** A refusal or an expected failure, thrown inside the run and returned as the result. */
class TeardownStop extends Error {
  constructor(
    readonly status: "refused" | "failed",
    readonly kind: TeardownFailureKind,
    message: string,
  ) {
    super(message);
    this.name = "TeardownStop";
  }
}

/** How often the stack may be found busy again after a wait before teardown gives up. */
const MAX_SETTLE_ROUNDS = 6;
/** Object errors named one by one in the log and messages; the rest are counted. */
const SHOWN_OBJECT_ERRORS = 5;

const plural = (n: number, one: string, many = `${one}s`) => `${thousands(n)} ${n === 1 ? one : many}`;

function failureLine(f: ResourceFailure): string {
  const where = f.location ? ` (${f.location.file} line ${f.location.line})` : "";
  return `${[...f.parentPath, f.logicalId].join("/")} (${f.resourceType}) ${f.status}: ${f.reason ?? "no reason given"}${where}`;
}

function objectErrorsLine(errors: ObjectError[]): string {
  const shown = errors
    .slice(0, SHOWN_OBJECT_ERRORS)
    .map(
      (e) => `${e.bucket}/${e.key}${e.versionId ? ` (version ${e.versionId})` : ""} ${e.code}: ${e.message}`,
    );
  const more = errors.length > shown.length ? `; ${thousands(errors.length - shown.length)} more` : "";
  return `${shown.join("; ")}${more}`;
}

/**
 * Why the stack must not be deleted by this run, or undefined when it may: its tags must make it
 * this repository's (and pull request's) preview, or it must carry none of ours and deleting
 * unmanaged stacks must be allowed; and it must not be protected from termination.
 */
function refusal(stack: Stack, options: TeardownOptions, log: Runtime["log"]): TeardownStop | undefined {
  const name = options.stackName;
  const { repository, pr } = options.expected;
  const claim = previewClaim(stack.Tags);
  if (claim === undefined && !options.allowUnmanaged) {
    return new TeardownStop(
      "refused",
      "unmanaged",
      `Stack ${name} is not a preview stack: it has no preview-stacks:* tags, so this action did not deploy it as a preview, and teardown leaves it untouched. To delete it anyway, name it in stack-name and set allow-unmanaged: true.`,
    );
  }
  if (claim === undefined) {
    log(`Stack ${name} has no preview-stacks:* tags; deleting it as allow-unmanaged: true asks.`);
  } else if (!isPreviewStack(stack, repository, pr)) {
    const why =
      claim.repository !== repository
        ? `not of ${repository}`
        : pr !== undefined && claim.pr !== String(pr)
          ? `not of PR #${pr}`
          : claim.managed !== "true"
            ? "but its preview-stacks:managed tag is not true"
            : `but its name does not end in -pr-${claim.pr} as the tag says`;
    return new TeardownStop(
      "refused",
      "not-ours",
      `Stack ${name} is tagged as ${describeClaim(claim)}, ${why}: its tags and this run disagree about whose preview it is, so teardown leaves it untouched (allow-unmanaged does not change this). Check stack-prefix; if the stack really is to go, delete it by hand (aws cloudformation delete-stack --stack-name ${name}).`,
    );
  }
  return stack.EnableTerminationProtection ? protectedStack(name) : undefined;
}

function protectedStack(name: string): TeardownStop {
  return new TeardownStop(
    "refused",
    "termination-protection",
    `Stack ${name} has termination protection enabled, and teardown never turns it off. If the stack is to go, turn the protection off by hand (aws cloudformation update-termination-protection --no-enable-termination-protection --stack-name ${name}, or Stack actions → Edit termination protection in the console), then run teardown again.`,
  );
}

function emptyResult(
  options: TeardownOptions,
  startedAt: number,
  tally: Record<string, number>,
): TeardownResult {
  return {
    status: "failed",
    stackName: options.stackName,
    stackId: undefined,
    region: options.region,
    message: "",
    failure: undefined,
    buckets: [],
    objectsDeleted: 0,
    failures: [],
    retained: [],
    cancelledUpdate: false,
    waitedForOtherOperation: false,
    deleteAttempts: 0,
    consoleUrl: undefined,
    timings: { startedAt, finishedAt: startedAt, totalMs: 0 },
    awsCalls: 0,
    awsCallsByOperation: tally,
  };
}

/**
 * One teardown, in steps over shared state: settle (find the stack, check whose it is, cancel or
 * wait out an operation in progress), inspect (its buckets and nested stacks, exports still
 * imported), then the plan (dry run) or the delete (empty, DeleteStack, watch; on DELETE_FAILED
 * empty again and retry once, then RetainResources when asked).
 */
class TeardownRun {
  readonly result: TeardownResult;
  private readonly cfn: CfnClient;
  private readonly s3: S3Like;
  private readonly runtime: Runtime;
  private readonly deadline: number;
  /** Set when another run's delete was already under way when this one found the stack. */
  private deleteInProgress = false;
  /** The newest stack event this run has seen: a retry's watch starts after it. */
  private lastEventAt = 0;
  private readonly objectErrors: ObjectError[] = [];

  constructor(
    private readonly options: TeardownOptions,
    private readonly deps: TeardownDeps,
    tally: Record<string, number>,
  ) {
    this.cfn = counting(deps.cfn, tally);
    this.s3 = counting(deps.s3, tally);
    this.runtime = { clock: deps.clock, sleep: deps.sleep, log: deps.log, random: deps.random };
    const startedAt = deps.clock();
    this.deadline = startedAt + options.timeoutMinutes * 60_000;
    this.result = { ...emptyResult(options, startedAt, tally), objectErrors: this.objectErrors };
  }

  private log(line: string): void {
    this.deps.log(line);
  }

  private get name(): string {
    return this.options.stackName;
  }

  private get stackId(): string {
    return this.result.stackId ?? this.name;
  }

  private finish(status: TeardownStatus, message: string): TeardownResult {
    this.result.status = status;
    this.result.message = message;
    this.log(message);
    return this.result;
  }

  /** Records a refusal or failure as the result. */
  stop(error: unknown): TeardownResult {
    const { result } = this;
    let status: "refused" | "failed" = "failed";
    let kind: string;
    let message: string;
    if (error instanceof TeardownStop) {
      status = error.status;
      kind = error.kind;
      message = error.message;
    } else if (error instanceof StackStateError) {
      kind = "stack-state";
      message = error.message;
    } else {
      const actionable = describeAwsError(error, { action: "AWS", stackName: this.name });
      kind = actionable.kind;
      message = actionable.message;
    }
    result.status = status;
    result.failure = { kind, message };
    result.message =
      status === "refused"
        ? `Teardown of ${this.name} refused: nothing was changed.`
        : `Teardown of ${this.name} failed.`;
    return result;
  }

  // --- settle: the stack found, checked, and with no operation running ---------------------------

  /** The stack once no operation runs on it, or undefined when there is none (left). */
  private async settle(): Promise<Stack | undefined> {
    const { options, result } = this;
    for (let round = 0; round < MAX_SETTLE_ROUNDS; round++) {
      const stack = await describeStack(this.cfn, this.name, this.runtime);
      if (!stack || stack.StackStatus === "DELETE_COMPLETE") return undefined;
      result.stackId = stack.StackId ?? result.stackId;
      if (result.stackId) result.consoleUrl = consoleUrl(options.region, result.stackId);
      const refused = refusal(stack, options, round === 0 ? this.runtime.log : () => {});
      if (refused) throw refused;
      const status = stack.StackStatus ?? "";
      if (isTerminalStatus(status) || options.dryRun) return stack;
      // The cancel's rollback may start at once; its events belong in the log too.
      const since = this.deps.clock();
      if (status === "DELETE_IN_PROGRESS") {
        this.deleteInProgress = true;
        this.log(
          `Stack ${this.name} is already being deleted (DELETE_IN_PROGRESS); waiting for that delete.`,
        );
      } else {
        result.waitedForOtherOperation = true;
        if (status === "UPDATE_IN_PROGRESS") await this.cancelUpdate();
        else this.log(`Stack ${this.name} is ${status}: waiting for that operation to end before deleting.`);
      }
      await waitOutOperation(
        this.cfn,
        {
          stackName: this.name,
          stackId: this.stackId,
          what: status === "DELETE_IN_PROGRESS" ? "the delete in progress" : "the operation in progress",
          before: status,
          deadline: this.deadline,
          backoff: this.deps.backoff,
          since,
        },
        this.runtime,
      );
    }
    throw new StackStateError(
      "UNKNOWN",
      `Stack ${this.name} kept changing state while teardown waited for it. A deploy is still running for it: put deploy and teardown in one concurrency group, then run teardown again.`,
    );
  }

  /** An update in progress would go on to its end; cancelled, it rolls back, and then the stack can go. */
  private async cancelUpdate(): Promise<void> {
    try {
      await this.cfn.send(new CancelUpdateStackCommand({ StackName: this.stackId }));
      this.result.cancelledUpdate = true;
      this.log(`Stack ${this.name} is UPDATE_IN_PROGRESS: cancelled the update; waiting for its rollback.`);
    } catch (error) {
      // The update moved on between the read and the cancel (to its cleanup, or its end): wait for that.
      if (describeAwsError(error, { action: "cloudformation:CancelUpdateStack" }).kind !== "validation") {
        throw describeAwsError(error, { action: "cloudformation:CancelUpdateStack", stackName: this.name });
      }
      this.log(
        `The update of ${this.name} could not be cancelled any more (${errorMessage(error)}); waiting for it to end.`,
      );
    }
  }

  // --- inspect: what is in the way of the delete -------------------------------------------------

  private async exportsInUse(stackIds: string[]): Promise<string[]> {
    const ours: Export[] = [];
    let token: string | undefined;
    do {
      try {
        const page = await this.cfn.send(new ListExportsCommand({ NextToken: token }));
        ours.push(...(page.Exports ?? []).filter((e) => stackIds.includes(e.ExportingStackId ?? "")));
        token = page.NextToken;
      } catch (error) {
        throw describeAwsError(error, { action: "cloudformation:ListExports", stackName: this.name });
      }
    } while (token);
    const inUse: string[] = [];
    for (const exported of ours) {
      const importers = await this.importers(exported.Name ?? "");
      if (importers.length > 0) inUse.push(`${exported.Name} (imported by ${importers.join(", ")})`);
    }
    return inUse;
  }

  private async importers(exportName: string): Promise<string[]> {
    const stacks: string[] = [];
    let token: string | undefined;
    do {
      try {
        const page = await this.cfn.send(
          new ListImportsCommand({ ExportName: exportName, NextToken: token }),
        );
        stacks.push(...(page.Imports ?? []));
        token = page.NextToken;
      } catch (error) {
        // CloudFormation's answer for an export nobody imports.
        if (/is not imported by any stack/i.test(errorMessage(error))) return stacks;
        throw describeAwsError(error, { action: "cloudformation:ListImports", stackName: this.name });
      }
    } while (token);
    return stacks;
  }

  private async inspect(): Promise<StackInventory> {
    const inventory = await stackInventory(this.cfn, this.stackId);
    this.result.buckets = inventory.buckets;
    const inUse = await this.exportsInUse(inventory.stackIds);
    if (inUse.length > 0) {
      throw new TeardownStop(
        "failed",
        "exports-in-use",
        `Stack ${this.name} cannot be deleted: other stacks import its exports: ${inUse.join("; ")}. Nothing was deleted. Remove those imports (or delete the importing stacks) first, then run teardown again.`,
      );
    }
    return inventory;
  }

  // --- the plan (dry run) ------------------------------------------------------------------------

  private async plan(stack: Stack): Promise<TeardownResult> {
    const { options } = this;
    const status = stack.StackStatus ?? "";
    const steps: string[] = [];
    if (status === "UPDATE_IN_PROGRESS")
      steps.push("cancel the update in progress and wait for its rollback");
    else if (status === "DELETE_IN_PROGRESS") steps.push("wait for the delete already in progress");
    else if (!isTerminalStatus(status)) steps.push(`wait for the operation in progress (${status}) to end`);
    let toEmpty = 0;
    for (const bucket of this.result.buckets) {
      const where = [...bucket.parentPath, bucket.logicalId].join("/");
      if (bucket.retained) {
        this.log(
          `Plan: bucket ${bucket.bucket} (${where}) is kept (DeletionPolicy Retain); it is neither emptied nor deleted.`,
        );
        continue;
      }
      const count = await countVersions(this.s3, bucket.bucket);
      if (!count) {
        bucket.gone = true;
        this.log(`Plan: bucket ${bucket.bucket} (${where}) no longer exists.`);
        continue;
      }
      bucket.versions = count.versions;
      bucket.deleteMarkers = count.deleteMarkers;
      toEmpty += count.versions + count.deleteMarkers;
      this.log(
        `Plan: ${options.emptyBuckets ? "empty" : "leave (empty-buckets: false)"} bucket ${bucket.bucket} (${where}): ${plural(count.versions, "object version")} and ${plural(count.deleteMarkers, "delete marker")}.`,
      );
    }
    if (options.emptyBuckets && toEmpty > 0)
      steps.push(
        `delete ${plural(toEmpty, "object version and delete marker", "object versions and delete markers")}`,
      );
    steps.push(`delete the stack (${status})`);
    return this.finish(
      "planned",
      `Dry run: teardown would ${steps.join(", then ")} of ${this.name}; nothing was changed.`,
    );
  }

  // --- the delete --------------------------------------------------------------------------------

  /** Empties every bucket that is neither retained nor gone; what S3 refuses is recorded and logged. */
  private async emptyBuckets(): Promise<void> {
    const { result } = this;
    if (!this.options.emptyBuckets) return;
    for (const bucket of result.buckets) {
      if (bucket.retained || bucket.gone) continue;
      const emptied = await emptyBucket(this.s3, bucket.bucket);
      bucket.gone = !emptied.exists;
      bucket.emptied = (bucket.emptied ?? 0) + emptied.deleted;
      result.objectsDeleted += emptied.deleted;
      this.objectErrors.push(...emptied.errors);
      const where = [...bucket.parentPath, bucket.logicalId].join("/");
      if (!emptied.exists) this.log(`Bucket ${bucket.bucket} (${where}) is already gone.`);
      else
        this.log(
          `Emptied bucket ${bucket.bucket} (${where}): deleted ${plural(emptied.deleted, "object version and delete marker", "object versions and delete markers")}.`,
        );
      if (emptied.errors.length > 0) {
        this.log(
          `S3 did not delete ${plural(emptied.errors.length, "object version")} from bucket ${bucket.bucket}: ${objectErrorsLine(emptied.errors)}`,
        );
      }
    }
  }

  /** One DeleteStack with a token of its own, watched to its end. */
  private async deleteAndWatch(retain: string[]): Promise<WatchOutcome> {
    const { options, result } = this;
    const attempt = ++result.deleteAttempts;
    const token = requestToken(options.run.id, options.run.attempt, `delete-${attempt}`);
    // A retry reads back to the last event seen: its own events carry its token, the others are left out.
    const since = this.lastEventAt > 0 ? this.lastEventAt : this.deps.clock();
    try {
      await this.cfn.send(
        new DeleteStackCommand({
          StackName: this.stackId,
          ClientRequestToken: token,
          RetainResources: retain.length > 0 ? retain : undefined,
        }),
      );
    } catch (error) {
      // Protection switched on since the stack was read: refused all the same, and nothing was deleted.
      if (/TerminationProtection/i.test(errorMessage(error))) {
        throw protectedStack(this.name);
      }
      throw describeAwsError(error, { action: "cloudformation:DeleteStack", stackName: this.name });
    }
    this.log(
      retain.length > 0
        ? `Deleting stack ${this.name}, keeping ${retain.join(", ")} (RetainResources).`
        : `Deleting stack ${this.name}${attempt > 1 ? ` (attempt ${attempt})` : ""}.`,
    );
    const outcome = await watchOperation(
      this.cfn,
      {
        stack: this.stackId,
        since,
        clientRequestToken: token,
        deadline: this.deadline,
        template: options.template,
        backoff: this.deps.backoff,
      },
      this.runtime,
    );
    for (const event of outcome.events)
      this.lastEventAt = Math.max(this.lastEventAt, event.timestamp.getTime());
    if (outcome.timedOut) {
      throw new TeardownStop(
        "failed",
        outcome.unreachable ? "unreachable" : "timeout",
        stoppedWaiting(outcome, {
          stackName: this.name,
          timeoutMinutes: options.timeoutMinutes,
          deadline: this.deadline,
          note: " The delete goes on in CloudFormation.",
          advice:
            "Run teardown again to wait for it (raise timeout-minutes if deletes take this long), and check the stack events for a resource that is stuck.",
        }).message,
      );
    }
    if (!outcome.succeeded && outcome.status !== "DELETE_FAILED") {
      throw new TeardownStop(
        "failed",
        "stack-state",
        `Deleting stack ${this.name} ended in ${outcome.status}.${rootCauseSentence(outcome.rootCause)} Look at the stack events, then run teardown again.`,
      );
    }
    if (!outcome.succeeded) {
      result.failures = outcome.failures;
      this.log(`Stack ${this.name} is DELETE_FAILED (attempt ${attempt}):`);
      for (const failure of outcome.failures) this.log(`  ${failureLine(failure)}`);
    }
    return outcome;
  }

  /** The root-level resources to keep so the delete can end: those that failed, or hold what failed. */
  private retainable(inventory: StackInventory): RetainedResource[] {
    const ids = [...new Set(this.result.failures.map((f) => f.parentPath[0] ?? f.logicalId))];
    return ids.map((logicalId) => {
      const own = this.result.failures.find((f) => f.parentPath.length === 0 && f.logicalId === logicalId);
      const known = inventory.resources.get(logicalId);
      const resourceType = own?.resourceType ?? known?.resourceType ?? "";
      const physicalId = own?.physicalId ?? known?.physicalId;
      return {
        logicalId,
        resourceType,
        physicalId,
        consoleUrl: resourceConsoleUrl(this.options.region, this.stackId, { resourceType, physicalId }),
      };
    });
  }

  /** Why a delete failed, as one sentence: each failed resource, else the stack's own reason. */
  private reasons(outcome: WatchOutcome): string {
    const why =
      this.result.failures.map(failureLine).join("; ") ||
      outcome.stack?.StackStatusReason ||
      "CloudFormation named no resource that failed";
    return `${why.replace(/\.\s*$/, "")}.`;
  }

  private deleted(note = ""): TeardownResult {
    const { result } = this;
    const emptied = result.buckets.filter((b) => (b.emptied ?? 0) > 0).length;
    const objects =
      result.objectsDeleted > 0
        ? ` (${plural(result.objectsDeleted, "object version or delete marker", "object versions and delete markers")} deleted from ${plural(emptied, "bucket")})`
        : "";
    const cancelled = result.cancelledUpdate ? " The update in progress was cancelled first." : "";
    return this.finish("deleted", `Stack ${this.name} deleted${objects}.${note}${cancelled}`);
  }

  async teardown(): Promise<TeardownResult> {
    const { options, result } = this;
    const stack = await this.settle();
    if (!stack) {
      return this.deleteInProgress
        ? this.finish("deleted", `Stack ${this.name} was already being deleted; that delete has finished.`)
        : this.finish("not-found", `Stack ${this.name} does not exist: nothing to delete.`);
    }
    const inventory = await this.inspect();
    if (options.dryRun) return this.plan(stack);

    await this.emptyBuckets();
    let outcome = await this.deleteAndWatch([]);
    if (outcome.succeeded) return this.deleted();

    this.log("Emptying the buckets again and retrying the delete once.");
    await this.emptyBuckets();
    outcome = await this.deleteAndWatch([]);
    if (outcome.succeeded) return this.deleted(" The first delete failed; the retry succeeded.");

    const reasons = this.reasons(outcome);
    const objectErrors =
      this.objectErrors.length > 0
        ? ` S3 would not delete some objects: ${objectErrorsLine(this.objectErrors)}.`
        : "";
    const keep = this.retainable(inventory);
    if (!options.retainOnFailure || keep.length === 0) {
      throw new TeardownStop(
        "failed",
        "delete-failed",
        `Stack ${this.name} could not be deleted: DELETE_FAILED twice, with the buckets emptied before each try. ${reasons}${objectErrors} Fix what holds these resources and run teardown again, or run it with retain-on-failure: true to delete the stack and keep them (then delete them by hand).`,
      );
    }
    outcome = await this.deleteAndWatch(keep.map((r) => r.logicalId));
    if (!outcome.succeeded) {
      throw new TeardownStop(
        "failed",
        "delete-failed",
        `Stack ${this.name} could not be deleted even keeping ${keep.map((r) => r.logicalId).join(", ")} (RetainResources): ${this.reasons(outcome)} Look at the stack events, then delete it by hand (aws cloudformation delete-stack --stack-name ${this.name} --retain-resources ...).`,
      );
    }
    result.retained = keep;
    for (const r of keep)
      this.log(`Kept ${r.logicalId} (${r.resourceType}) ${r.physicalId ?? ""}: ${r.consoleUrl}`);
    return this.deleted(
      ` It failed to delete twice, so ${keep.map((r) => `${r.logicalId} (${r.resourceType})`).join(", ")} ${keep.length === 1 ? "was" : "were"} kept (retain-on-failure): delete ${keep.length === 1 ? "it" : "them"} by hand.`,
    );
  }
}

export async function teardownStack(options: TeardownOptions, deps: TeardownDeps): Promise<TeardownResult> {
  const tally: Record<string, number> = {};
  const run = new TeardownRun(options, deps, tally);
  const { result } = run;
  try {
    return await run.teardown();
  } catch (error) {
    return run.stop(error);
  } finally {
    const finishedAt = deps.clock();
    result.timings = {
      startedAt: result.timings.startedAt,
      finishedAt,
      totalMs: finishedAt - result.timings.startedAt,
    };
    result.awsCalls = Object.values(tally).reduce((a, b) => a + b, 0);
  }
}
