import type { DeployResult } from "../stack/deploy";
import { describeRootCause } from "../stack/diagnose";
import { renderChangesMarkdown } from "../stack/diff";
import { code, codeLink, link, text } from "../template/report/markdown";

/**
 * The Markdown both the PR comment and the job summary show for a deploy: status, commit, links,
 * the root cause of a failure, the change set, and the stack's outputs. Pure. Long change sets
 * and output lists are cut to fit a size limit, and the text says what was cut and where the
 * whole is.
 */

export interface ReportInfo {
  /** The deployed commit; `url` links it. */
  commit?: { sha: string; url?: string };
  runUrl?: string;
  environment?: string;
}

export interface ReportOptions {
  /** Largest size allowed, measured by `measure`. */
  maxSize: number;
  measure: (text: string) => number;
  /** Put before everything (the comment's marker). */
  prefix?: string;
  /** Sections after the outputs that are never cut (the summary's timings). */
  trailer?: string[];
  /** Where a reader finds what was cut, e.g. "the job summary". */
  fullListIn: string;
}

const HEADLINES: Record<DeployResult["outcome"], (r: DeployResult) => string> = {
  deployed: (r) => `✅ ${kind(r)} ${code(r.stackName)} ${r.created ? "created" : "updated"}`,
  "no-changes": (r) => `✅ ${kind(r)} ${code(r.stackName)} is up to date: no changes`,
  "change-set-created": (r) => `📝 Change set for ${code(r.stackName)} is ready for review`,
  failed: (r) => `❌ ${kind(r)} ${code(r.stackName)} failed`,
};

function kind(result: DeployResult): string {
  return result.preview ? "Preview" : "Stack";
}

function facts(result: DeployResult, info: ReportInfo): string[] {
  const rows: [string, string][] = [];
  if (result.url) rows.push(["Preview", link(result.url, result.url)]);
  if (result.status) rows.push(["Status", code(result.status)]);
  if (info.commit?.sha) {
    const short = info.commit.sha.slice(0, 7);
    rows.push(["Commit", info.commit.url ? codeLink(short, info.commit.url) : code(short)]);
  }
  if (info.environment) rows.push(["Environment", code(info.environment)]);
  if (result.changeSetId && result.outcome === "change-set-created") {
    rows.push(["Change set", code(result.changeSetId)]);
  }
  rows.push([
    "Stack",
    `${result.consoleUrl ? link(result.stackName, result.consoleUrl) : code(result.stackName)} (${text(result.region)})`,
  ]);
  if (info.runUrl) rows.push(["Run", link("logs and stack events", info.runUrl)]);
  return ["| | |", "| --- | --- |", ...rows.map(([k, v]) => `| ${k} | ${v} |`)];
}

function failureSection(result: DeployResult): string[] {
  if (!result.failure) return [];
  const lines: string[] = [];
  const cause = result.rootCause;
  if (cause) {
    const where = cause.location ? ` (${code(cause.location.file)} line ${cause.location.line})` : "";
    lines.push(`> [!CAUTION]`, `> **Root cause:** ${text(describeRootCause(cause))}${where}`, "");
  }
  lines.push(...fenced(result.failure.message));
  return lines;
}

/** A fenced block nothing inside can close: CloudFormation's own words, kept as they were written. */
export function fenced(body: string): string[] {
  return ["```text", body.replace(/`{3,}|~{3,}/g, (run) => "'".repeat(run.length)), "```"];
}

function outputsSection(outputs: [string, string][], total: number, fullListIn: string): string[] {
  if (total === 0) return [];
  const lines = [
    "#### Outputs",
    "",
    "| Output | Value |",
    "| --- | --- |",
    ...outputs.map(([key, value]) => `| ${code(key)} | ${code(value)} |`),
  ];
  if (outputs.length < total) {
    lines.push(
      "",
      `_${total - outputs.length} more outputs are not shown here; all of them are in ${fullListIn}._`,
    );
  }
  return lines;
}

function changesSection(result: DeployResult, shown: number, fullListIn: string): string[] {
  if (result.outcome === "failed" && result.changes.length === 0) return [];
  if (result.outcome === "no-changes") return [];
  const total = result.changes.length;
  const lines = ["#### Changes", "", renderChangesMarkdown(result.changes.slice(0, shown), result.security)];
  if (shown < total) {
    const hidden = result.changes.slice(shown);
    const replaced = hidden.filter((c) => c.replaces).length;
    lines.push(
      "",
      `_${total - shown} more changes are not shown here${replaced > 0 ? `, **${replaced} of them replacements**` : ""}; all of them are in ${fullListIn}._`,
    );
  }
  return lines;
}

function warningsSection(warnings: string[]): string[] {
  if (warnings.length === 0) return [];
  return ["#### Warnings", "", ...warnings.map((w) => `- ${text(w)}`)];
}

function assemble(
  result: DeployResult,
  info: ReportInfo,
  options: ReportOptions,
  shownChanges: number,
  shownOutputs: number,
): string {
  const outputs = Object.entries(result.outputs);
  const parts: string[][] = [
    options.prefix ? [options.prefix] : [],
    [`### ${HEADLINES[result.outcome](result)}`],
    facts(result, info),
    failureSection(result),
    changesSection(result, shownChanges, options.fullListIn),
    outputsSection(outputs.slice(0, shownOutputs), outputs.length, options.fullListIn),
    warningsSection(result.warnings),
    ...(options.trailer ?? []).map((t) => [t]),
  ];
  return `${parts
    .filter((p) => p.length > 0)
    .map((p) => p.join("\n"))
    .join("\n\n")}\n`;
}

/** The largest n in [0, max] for which fits(n) holds, given fits is monotone and fits(0) holds. */
function largest(max: number, fits: (n: number) => boolean): number {
  let lo = 0;
  let hi = max;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function renderDeployReport(result: DeployResult, info: ReportInfo, options: ReportOptions): string {
  const changes = result.changes.length;
  const outputs = Object.keys(result.outputs).length;
  const fits = (text: string) => options.measure(text) <= options.maxSize;
  const full = assemble(result, info, options, changes, outputs);
  if (fits(full)) return full;
  // Outputs are kept before changes: they hold the URLs people open from the comment.
  const shownChanges = largest(changes, (n) => fits(assemble(result, info, options, n, outputs)));
  let text = assemble(result, info, options, shownChanges, outputs);
  if (!fits(text)) {
    const shownOutputs = largest(outputs, (n) => fits(assemble(result, info, options, 0, n)));
    text = assemble(result, info, options, 0, shownOutputs);
  }
  if (fits(text)) return text;
  // Only a huge failure message or trailer gets here; cut the text itself and say so.
  const note = `\n\n_This report was cut to fit GitHub's size limit; the rest is in ${options.fullListIn}._\n`;
  let end = text.length;
  const cut = (n: number) => {
    const head = text.slice(0, n);
    // An unclosed code fence would swallow the note.
    return (head.split("```").length % 2 === 0 ? `${head}\n\`\`\`` : head) + note;
  };
  while (end > 0 && !fits(cut(end))) end = Math.floor(end * 0.9);
  return cut(end);
}

/** Why a run ended without a result of its own. */
export type Interruption = "cancelled" | "killed";

/**
 * What the comment and the summary say when the run was cancelled (the runner's SIGINT/SIGTERM),
 * or stopped before it could report (found by the post step): the stack was left as it was, and
 * CloudFormation may still be working on it.
 */
export function renderInterrupted(
  stackName: string,
  info: ReportInfo,
  how: Interruption,
  prefix?: string,
): string {
  const headline =
    how === "cancelled"
      ? `### ⏹️ Deploy of ${code(stackName)} was cancelled`
      : `### ⏹️ Deploy of ${code(stackName)} stopped before it finished`;
  const rows: [string, string][] = [];
  if (info.commit?.sha) rows.push(["Commit", code(info.commit.sha.slice(0, 7))]);
  if (info.environment) rows.push(["Environment", code(info.environment)]);
  if (info.runUrl) rows.push(["Run", link("logs and stack events", info.runUrl)]);
  const lines = [
    ...(prefix ? [prefix, ""] : []),
    headline,
    "",
    "| | |",
    "| --- | --- |",
    ...rows.map(([k, v]) => `| ${k} | ${v} |`),
    "",
    how === "cancelled"
      ? "The workflow run was cancelled while the stack was being deployed. A stack operation that had started goes on in CloudFormation: check the stack's events, or push again to deploy anew."
      : "The run ended (killed, or timed out by the runner) before it reported a result. A stack operation that had started goes on in CloudFormation: check the stack's events, or push again to deploy anew.",
  ];
  return `${lines.join("\n")}\n`;
}
