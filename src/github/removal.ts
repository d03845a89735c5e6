import type { TeardownResult } from "../stack/teardown";
import { code, link, text } from "../template/report/markdown";
import { thousands } from "../text";
import {
  commentMarker,
  MAX_COMMENT_LENGTH,
  type Octokit,
  type UpsertCommentResult,
  upsertComment,
} from "./comment";
import { shorten } from "./deployments";
import type { GitHubGuard } from "./guard";

/**
 * What GitHub shows once a preview is removed: its environment's deployments marked inactive (so
 * the pull request no longer offers a link to a stack that is gone), and the Markdown the sticky
 * comment and the job summary show for a teardown. Shared by teardown and sweep.
 */

export interface DeactivateOptions {
  owner: string;
  repo: string;
  environment: string;
  logUrl: string;
  /** Lists what would be deactivated and writes nothing. */
  dryRun: boolean;
}

/** Deployment states after which nothing is live: inactive is final, and `error` never went live. */
const SETTLED = new Set(["inactive"]);

/**
 * Marks every deployment of the environment inactive, newest first, skipping those already
 * inactive. Returns the ids that were (or, in a dry run, would be) deactivated.
 */
export async function deactivateDeployments(
  octokit: Octokit,
  options: DeactivateOptions,
): Promise<{ deactivated: number; ids: number[] }> {
  const { owner, repo } = options;
  const deployments = await octokit.paginate(octokit.rest.repos.listDeployments, {
    owner,
    repo,
    environment: options.environment,
    per_page: 100,
  });
  const ids: number[] = [];
  for (const deployment of deployments) {
    const { data: statuses } = await octokit.rest.repos.listDeploymentStatuses({
      owner,
      repo,
      deployment_id: deployment.id,
      per_page: 1,
    });
    if (SETTLED.has(statuses[0]?.state ?? "")) continue;
    ids.push(deployment.id);
    if (options.dryRun) continue;
    await octokit.rest.repos.createDeploymentStatus({
      owner,
      repo,
      deployment_id: deployment.id,
      state: "inactive",
      log_url: options.logUrl,
      description: shorten(`Preview removed: ${options.environment}`),
    });
  }
  return { deactivated: ids.length, ids };
}

export interface TeardownReportInfo {
  runUrl?: string;
  environment?: string;
  /** When the teardown ran. */
  when: Date;
  /** Deployments marked (or, in a dry run, to be marked) inactive; undefined when GitHub was not asked. */
  deployments?: number;
}

export interface TeardownReportOptions {
  /** Put before everything (the comment's marker). */
  prefix?: string;
  maxSize: number;
  measure: (text: string) => number;
}

const HEADLINES: Record<TeardownResult["status"], (stack: string) => string> = {
  deleted: (stack) => `🗑️ Preview ${stack} removed`,
  "not-found": (stack) => `🗑️ Preview ${stack} is gone: nothing to delete`,
  refused: (stack) => `⛔ Teardown of ${stack} refused`,
  failed: (stack) => `❌ Teardown of ${stack} failed`,
  planned: (stack) => `📝 Teardown plan for ${stack} (dry run: nothing was changed)`,
};

function when(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

function facts(result: TeardownResult, info: TeardownReportInfo): string[] {
  const rows: [string, string][] = [
    ["Status", code(result.status)],
    ["When", when(info.when)],
  ];
  if (info.environment) {
    const deployments =
      info.deployments === undefined
        ? ""
        : ` (${info.deployments} ${info.deployments === 1 ? "deployment" : "deployments"} ${result.status === "planned" ? "to mark" : "marked"} inactive)`;
    rows.push(["Environment", `${code(info.environment)}${deployments}`]);
  }
  rows.push(["Stack", `${code(result.stackName)} (${text(result.region)})`]);
  if (info.runUrl) rows.push(["Run", link("logs and stack events", info.runUrl)]);
  return ["| | |", "| --- | --- |", ...rows.map(([k, v]) => `| ${k} | ${v} |`)];
}

function bucketsSection(result: TeardownResult): string[] {
  const buckets = result.buckets;
  if (buckets.length === 0) return [];
  const planned = result.status === "planned";
  const lines = [
    "#### Buckets",
    "",
    `| Bucket | Logical ID | ${planned ? "Object versions to delete" : "Emptied"} |`,
    "| --- | --- | --- |",
    ...buckets.map((b) => {
      const count = (b.versions ?? 0) + (b.deleteMarkers ?? 0);
      const what = b.retained
        ? "kept (DeletionPolicy: Retain)"
        : planned
          ? thousands(count)
          : result.status === "deleted"
            ? "yes"
            : "";
      return `| ${code(b.bucket)} | ${code([...b.parentPath, b.logicalId].join("/"))} | ${what} |`;
    }),
  ];
  if (!planned && result.objectsDeleted > 0) {
    lines.push("", `${thousands(result.objectsDeleted)} object versions and delete markers were deleted.`);
  }
  return lines;
}

function failuresSection(result: TeardownResult, shown: number): string[] {
  if (result.failures.length === 0) return [];
  const rows = result.failures.slice(0, shown).map((f) => {
    const where = f.location ? ` (${code(f.location.file)} line ${f.location.line})` : "";
    return `| ${code([...f.parentPath, f.logicalId].join("/"))} | ${text(f.resourceType)} | ${text(f.reason ?? f.status)}${where} |`;
  });
  const lines = [
    "#### Resources that failed to delete",
    "",
    "| Resource | Type | Reason |",
    "| --- | --- | --- |",
    ...rows,
  ];
  if (shown < result.failures.length)
    lines.push("", `_${result.failures.length - shown} more are in the job log._`);
  return lines;
}

function retainedSection(result: TeardownResult, shown: number): string[] {
  if (result.retained.length === 0) return [];
  const rows = result.retained
    .slice(0, shown)
    .map(
      (r) =>
        `| ${code(r.logicalId)} | ${text(r.resourceType)} | ${r.physicalId ? code(r.physicalId) : ""} | ${link("console", r.consoleUrl)} |`,
    );
  const lines = [
    "#### Resources kept (retain-on-failure)",
    "",
    "These still exist and still cost money: delete them by hand once you have looked at them.",
    "",
    "| Resource | Type | Physical ID | |",
    "| --- | --- | --- | --- |",
    ...rows,
  ];
  if (shown < result.retained.length) {
    lines.push("", `_${result.retained.length - shown} more are in the retained-resources output._`);
  }
  return lines;
}

function assemble(
  result: TeardownResult,
  info: TeardownReportInfo,
  options: TeardownReportOptions,
  shownFailures: number,
  shownRetained: number,
): string {
  const parts: string[][] = [
    options.prefix ? [options.prefix] : [],
    [`### ${HEADLINES[result.status](code(result.stackName))}`],
    facts(result, info),
    [text(result.message)],
    result.failure ? [`> [!CAUTION]`, `> ${text(result.failure.message)}`] : [],
    bucketsSection(result),
    failuresSection(result, shownFailures),
    retainedSection(result, shownRetained),
  ];
  return `${parts
    .filter((p) => p.length > 0)
    .map((p) => p.join("\n"))
    .join("\n\n")}\n`;
}

/** The teardown's report for the sticky comment and the job summary, cut to fit `maxSize`. */
export function renderTeardownReport(
  result: TeardownResult,
  info: TeardownReportInfo,
  options: TeardownReportOptions,
): string {
  const fits = (body: string) => options.measure(body) <= options.maxSize;
  let failures = result.failures.length;
  let retained = result.retained.length;
  let body = assemble(result, info, options, failures, retained);
  // The retained list says what still costs money: it is kept longest.
  while (!fits(body) && failures > 0) {
    failures = Math.floor(failures / 2);
    body = assemble(result, info, options, failures, retained);
  }
  while (!fits(body) && retained > 0) {
    retained = Math.floor(retained / 2);
    body = assemble(result, info, options, failures, retained);
  }
  return body;
}

export interface ReportRemovalOptions {
  owner: string;
  repo: string;
  /** The pull request whose sticky comment tells of the removal; none outside pull requests. */
  pr: number | undefined;
  /** The GitHub environment whose deployments are marked inactive once the stack is gone. */
  environment: string | undefined;
  runUrl: string;
  when: Date;
  /** Deployments are only listed and the comment is left alone. */
  dryRun: boolean;
  /** Runs one GitHub step; the actions pass the wrapper that turns GitHub trouble into a warning. */
  guard: GitHubGuard;
  log: (line: string) => void;
  /** Cleans the comment of secrets before it is sent. */
  clean?: (text: string) => string;
}

export interface RemovalReported {
  /** Deployments marked (or, in a dry run, to be marked) inactive; undefined when none were looked for. */
  deployments: number | undefined;
  comment: UpsertCommentResult | undefined;
}

/**
 * GitHub's side of one teardown, the same for the teardown action and for each stack the sweep
 * deletes. Once the stack is gone (or, in a dry run, would be), the environment's deployments are
 * marked inactive (in a dry run, listed). Then the pull request's sticky comment is updated in place
 * with the teardown report, except in a dry run, which writes nothing, and for a stack that was not
 * there: a second teardown must not overwrite when and by which run the preview was removed. Each
 * step goes through `guard`, so one failing never stops the other.
 */
export async function reportRemoval(
  octokit: Octokit,
  result: TeardownResult,
  options: ReportRemovalOptions,
): Promise<RemovalReported> {
  const { owner, repo, environment, pr, dryRun } = options;
  const gone = result.status === "deleted" || result.status === "not-found" || result.status === "planned";
  const done =
    environment !== undefined && gone
      ? await options.guard(
          dryRun ? "list the deployments to mark inactive" : "mark the deployments inactive",
          () => deactivateDeployments(octokit, { owner, repo, environment, logUrl: options.runUrl, dryRun }),
        )
      : undefined;
  if (done) {
    const ids = done.ids.length > 0 ? ` (${done.ids.join(", ")})` : "";
    options.log(
      `${dryRun ? "Plan: mark" : "Marked"} ${done.deactivated} deployments of environment ${environment} inactive${ids}.`,
    );
  }
  const deployments = done?.deactivated;
  if (pr === undefined || dryRun || result.status === "not-found" || result.status === "planned") {
    return { deployments, comment: undefined };
  }
  const body = renderTeardownReport(
    result,
    { runUrl: options.runUrl, environment, when: options.when, deployments },
    { prefix: commentMarker(result.stackName), maxSize: MAX_COMMENT_LENGTH, measure: (t) => t.length },
  );
  const clean = options.clean ?? ((t: string) => t);
  const comment = await options.guard("update the pull request comment", () =>
    upsertComment(octokit, {
      owner,
      repo,
      issueNumber: pr,
      stackName: result.stackName,
      body: clean(body),
      log: options.log,
    }),
  );
  if (comment) options.log(`Pull request comment ${comment.action}: ${comment.url}`);
  return { deployments, comment };
}
