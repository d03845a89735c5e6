import { errorMessage } from "../aws/errors";
import { plural } from "../text";
import { type ListPreviewsOptions, type LivePreview, listLivePreviews, previewAgeMs } from "./previews";
import type { Log } from "./runtime";
import {
  type TeardownDeps,
  type TeardownOptions,
  type TeardownResult,
  type TeardownStatus,
  teardownStack,
} from "./teardown";

/**
 * The sweep: this repository's previews, each judged by its pull request and its age, and the
 * stale ones deleted through the teardown path itself (same tag checks, bucket emptying, retries),
 * oldest first, at most `maxDeletions` a run, a few at a time. One failure never stops the others.
 * GitHub is reached only through the functions passed in, so the whole sweep runs in tests against
 * fakes or mocks, and the decisions are a pure function.
 */

/** What GitHub says of a preview's pull request; `unknown` when it could not be asked. */
export type PullRequestState = "open" | "closed" | "merged" | "not-found" | "unknown";

export interface PullRequestStatus {
  state: PullRequestState;
  /** For `unknown`: GitHub's error. */
  error?: string;
}

export type LookupPullRequest = (pr: number) => Promise<PullRequestStatus>;

/**
 * `delete` a stale preview; `keep` a live one; `report` one that looks stale but is not ours to
 * judge (an open pull request past the ttl without permission to delete those, a pull request that
 * does not exist, one GitHub would not tell us about).
 */
export type Decision = "delete" | "keep" | "report";

export interface Verdict {
  decision: Decision;
  /** True when the preview has not changed for longer than the ttl. */
  expired: boolean;
}

export interface SweepPolicy {
  ttlMs: number;
  /** Deletes previews of open pull requests past the ttl; otherwise they are only reported. */
  deleteExpiredOpen: boolean;
}

/**
 * The decision for one preview. A closed or merged pull request's preview goes; an open one's only
 * when it is past the ttl and the policy allows it; anything unsure is reported and never deleted.
 * An unknown age is never past the ttl.
 */
export function classifyPreview(
  ageMs: number | undefined,
  pullRequest: PullRequestStatus,
  policy: SweepPolicy,
): Verdict {
  const expired = ageMs !== undefined && ageMs > policy.ttlMs;
  switch (pullRequest.state) {
    case "closed":
    case "merged":
      return { decision: "delete", expired };
    case "open":
      if (!expired) return { decision: "keep", expired };
      return { decision: policy.deleteExpiredOpen ? "delete" : "report", expired };
    default:
      return { decision: "report", expired };
  }
}

/** `1_036_800_000` → `12d 0h`; `5_400_000` → `1h 30m`. */
export function formatAge(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  if (days > 0) return `${days}d ${hours % 24}h`;
  if (hours > 0) return `${hours}h ${minutes % 60}m`;
  return `${minutes}m`;
}

/** What the run did with a preview: a teardown's status for those it deleted (or planned to). */
export type SweepOutcome = TeardownStatus | "kept" | "reported" | "deferred";

export interface SweepEntry {
  preview: LivePreview;
  pullRequest: PullRequestStatus;
  ageMs: number | undefined;
  verdict: Verdict;
  outcome: SweepOutcome;
  /** The teardown's result, for previews whose deletion was attempted or planned. */
  teardown?: TeardownResult;
  /** What went wrong, for `failed` and `refused`. */
  message?: string;
}

/**
 * The previews whose decision is delete, split into those this run deletes (oldest first, at most
 * `max`) and those left for a later run. A preview of unknown age comes last.
 */
export function scheduleDeletions<T extends Pick<SweepEntry, "verdict" | "ageMs">>(
  entries: T[],
  max: number,
): { now: T[]; later: T[] } {
  const due = entries
    .filter((e) => e.verdict.decision === "delete")
    .sort((a, b) => (b.ageMs ?? -1) - (a.ageMs ?? -1));
  return { now: due.slice(0, max), later: due.slice(max) };
}

/** Runs `work` over `items` with at most `limit` at a time; results keep the items' order. */
async function mapWithLimit<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** GitHub is asked about a few pull requests at a time: polite, and still quick for hundreds. */
export const LOOKUP_CONCURRENCY = 4;
/** Deletions in flight at once: each polls CloudFormation, which throttles per account. */
export const DELETE_CONCURRENCY = 3;

export interface SweepOptions extends ListPreviewsOptions {
  /** owner/repo: only this repository's previews are listed, and teardown checks it again. */
  repository: string;
  policy: SweepPolicy;
  maxDeletions: number;
  /** Plans each deletion with read calls only; nothing is deleted. */
  dryRun: boolean;
  /** For each deletion. */
  timeoutMinutes: number;
  region: string;
  run: TeardownOptions["run"];
  lookupConcurrency?: number;
  deleteConcurrency?: number;
}

export type Teardown = (options: TeardownOptions, deps: TeardownDeps) => Promise<TeardownResult>;

export interface SweepDeps extends TeardownDeps {
  lookupPullRequest: LookupPullRequest;
  /** The deletion; teardownStack unless a test gives another. */
  teardown?: Teardown;
  /**
   * Called once each teardown has ended (GitHub's side of the removal); an error it throws is
   * logged and changes nothing else.
   */
  afterTeardown?: (entry: SweepEntry, result: TeardownResult) => Promise<void>;
}

export interface SweepResult {
  /** Every preview found, oldest first. */
  entries: SweepEntry[];
  /** Stack names: deleted by this run (or found already gone). */
  deleted: string[];
  /** Stack names: deletion attempted and failed or refused. */
  failed: string[];
  /** Stack names: still there and meant to be (kept, reported, deferred past the cap, planned). */
  kept: string[];
  /** Distinct pull requests GitHub was asked about. */
  pullRequests: number;
}

const DELETED: SweepOutcome[] = ["deleted", "not-found"];
const FAILED: SweepOutcome[] = ["failed", "refused"];

export async function sweepPreviews(options: SweepOptions, deps: SweepDeps): Promise<SweepResult> {
  const { log } = deps;
  const previews = await listLivePreviews(deps.cfn, options.repository, { prefix: options.prefix });
  log(
    `Found ${plural(previews.length, "preview")} of ${options.repository}${options.prefix ? ` named ${options.prefix}-pr-<n>` : ""}.`,
  );

  const numbers = [...new Set(previews.map((p) => p.pr))];
  const states = new Map<number, PullRequestStatus>();
  await mapWithLimit(numbers, options.lookupConcurrency ?? LOOKUP_CONCURRENCY, async (pr) => {
    let status: PullRequestStatus;
    try {
      status = await deps.lookupPullRequest(pr);
    } catch (error) {
      status = { state: "unknown", error: errorMessage(error) };
    }
    states.set(pr, status);
  });

  const now = deps.clock();
  const entries: SweepEntry[] = previews.map((preview) => {
    const pullRequest = states.get(preview.pr) ?? { state: "unknown" };
    const ageMs = previewAgeMs(preview, now);
    const verdict = classifyPreview(ageMs, pullRequest, options.policy);
    const outcome =
      verdict.decision === "keep" ? "kept" : verdict.decision === "report" ? "reported" : "deferred";
    return { preview, pullRequest, ageMs, verdict, outcome };
  });

  const { now: due, later } = scheduleDeletions(entries, options.maxDeletions);
  if (later.length > 0) {
    log(
      `${due.length + later.length} previews are stale; this run deletes the ${due.length} oldest and leaves ${later.length} for the next run.`,
    );
  }
  const teardown = deps.teardown ?? teardownStack;
  await mapWithLimit(due, options.deleteConcurrency ?? DELETE_CONCURRENCY, async (entry) => {
    const { preview } = entry;
    const age = entry.ageMs === undefined ? "unknown age" : formatAge(entry.ageMs);
    log(
      `${options.dryRun ? "Planning the deletion of" : "Deleting"} ${preview.stackName} (pull request #${preview.pr} ${entry.pullRequest.state}, ${age}).`,
    );
    // Deletions run side by side, so each of their lines says which stack it is about.
    const tagged: Log = (line) =>
      deps.log(
        line
          .split("\n")
          .map((l) => `[${preview.stackName}] ${l}`)
          .join("\n"),
      );
    let result: TeardownResult;
    try {
      result = await teardown(
        {
          stackName: preview.stackName,
          expected: { repository: options.repository, pr: preview.pr },
          allowUnmanaged: false,
          emptyBuckets: true,
          retainOnFailure: false,
          timeoutMinutes: options.timeoutMinutes,
          dryRun: options.dryRun,
          region: options.region,
          run: options.run,
        },
        { ...deps, log: tagged },
      );
    } catch (error) {
      entry.outcome = "failed";
      entry.message = errorMessage(error);
      log(`${preview.stackName}: failed: ${entry.message}`);
      return;
    }
    entry.teardown = result;
    entry.outcome = result.status;
    if (result.failure) entry.message = result.failure.message;
    log(`${preview.stackName}: ${result.status}: ${result.message}`);
    if (!deps.afterTeardown) return;
    try {
      await deps.afterTeardown(entry, result);
    } catch (error) {
      log(`${preview.stackName}: reporting the removal failed: ${errorMessage(error)}`);
    }
  });

  const names = (outcomes: SweepOutcome[]) =>
    entries.filter((e) => outcomes.includes(e.outcome)).map((e) => e.preview.stackName);
  return {
    entries,
    deleted: names(DELETED),
    failed: names(FAILED),
    kept: entries
      .filter((e) => !DELETED.includes(e.outcome) && !FAILED.includes(e.outcome))
      .map((e) => e.preview.stackName),
    pullRequests: numbers.length,
  };
}
