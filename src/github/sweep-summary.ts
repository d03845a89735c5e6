import { formatAge, type SweepEntry, type SweepOutcome, type SweepResult } from "../stack/sweep";
import { byteLength, code, link, SUMMARY_LIMIT_BYTES, text } from "../template/report/markdown";

/**
 * The sweep's job summary: one row per preview with its pull request and that pull request's
 * state, its age, the decision and what came of it. Pure. Rows that need a reader come first
 * (failures, then deletions), and a summary that would pass the size limit is cut with a note
 * saying where the full lists are.
 */

export interface SweepSummaryInfo {
  repository: string;
  /** https://github.com/owner/repo, for links to each pull request. */
  repositoryUrl: string;
  prefix: string;
  /** The ttl as the user wrote it (`7d`). */
  ttl: string;
  maxDeletions: number;
  dryRun: boolean;
  runUrl?: string;
}

/** Longest failure message shown in a cell; the log has each in full. */
const MAX_MESSAGE = 300;

const ORDER: Record<SweepOutcome, number> = {
  failed: 0,
  refused: 0,
  deleted: 1,
  "not-found": 1,
  planned: 1,
  deferred: 2,
  reported: 3,
  kept: 4,
};

function pullRequestState(entry: SweepEntry): string {
  return entry.pullRequest.state === "not-found" ? "not found" : entry.pullRequest.state;
}

function reportedWhy(entry: SweepEntry): string {
  switch (entry.pullRequest.state) {
    case "open":
      return "open and past the ttl: not deleted while its pull request is open";
    case "not-found":
      return "no such pull request in this repository: never deleted by the sweep";
    default:
      return `GitHub did not answer (${entry.pullRequest.error ?? "no reason given"}): judged again next run`;
  }
}

function result(entry: SweepEntry, info: SweepSummaryInfo): string {
  const message = (entry.message ?? "").slice(0, MAX_MESSAGE);
  switch (entry.outcome) {
    case "deleted":
      return "✅ deleted";
    case "not-found":
      return "✅ already gone";
    case "planned":
      return "📝 would be deleted";
    case "failed":
      return `❌ failed: ${text(message)}`;
    case "refused":
      return `⛔ refused: ${text(message)}`;
    case "deferred":
      return `⏭️ next run (at most ${info.maxDeletions} deletions a run)`;
    case "reported":
      return `⚠️ ${text(reportedWhy(entry))}`;
    case "kept":
      return "kept";
  }
}

function row(entry: SweepEntry, info: SweepSummaryInfo): string {
  const { preview } = entry;
  const pr = link(`#${preview.pr}`, `${info.repositoryUrl}/pull/${preview.pr}`);
  const age =
    entry.ageMs === undefined
      ? "unknown"
      : `${formatAge(entry.ageMs)}${entry.verdict.expired ? " (past the ttl)" : ""}`;
  return `| ${code(preview.stackName)} | ${pr} | ${pullRequestState(entry)} | ${age} | ${entry.verdict.decision} | ${result(entry, info)} |`;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function renderSweepSummary(
  sweep: SweepResult,
  info: SweepSummaryInfo,
  maxBytes: number = SUMMARY_LIMIT_BYTES,
): string {
  const entries = sweep.entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => ORDER[a.entry.outcome] - ORDER[b.entry.outcome] || a.index - b.index)
    .map(({ entry }) => entry);
  const planned = entries.filter((e) => e.outcome === "planned").length;
  const tally = info.dryRun
    ? `${count(planned, "would be deleted", "would be deleted")}; dry run: nothing was changed`
    : `${sweep.deleted.length} deleted, ${sweep.failed.length} failed, ${sweep.kept.length} kept`;
  const head = [
    `### 🧹 Preview sweep of ${code(info.repository)}`,
    "",
    `${count(entries.length, "preview")} named ${code(`${info.prefix}-pr-<n>`)}, ttl ${code(info.ttl)}: ${tally}.${info.runUrl ? ` ${link("Logs", info.runUrl)}.` : ""}`,
  ];
  if (entries.length === 0) return `${head.join("\n")}\n`;
  head.push(
    "",
    "| Stack | Pull request | State | Age | Decision | Result |",
    "| --- | --- | --- | --- | --- | --- |",
  );
  const rows = entries.map((e) => row(e, info));
  const note = (left: number) =>
    `\n_${count(left, "more preview is", "more previews are")} not shown here; the deleted, kept and failed outputs list every stack._\n`;
  // Room for the longest note is kept free all along, so a cut can always say what it left out.
  const reserve = byteLength(note(rows.length));
  let body = head.join("\n");
  let size = byteLength(body);
  for (const [index, line] of rows.entries()) {
    if (size + byteLength(line) + 1 + reserve > maxBytes) return `${body}\n${note(rows.length - index)}`;
    body += `\n${line}`;
    size += byteLength(line) + 1;
  }
  return `${body}\n`;
}
