import type { DeployResult } from "../stack/deploy";
import { SUMMARY_LIMIT_BYTES } from "../template/report/markdown";
import { fenced, type ReportInfo, renderDeployReport } from "./report";

/**
 * The job summary of a deploy: what the PR comment shows, plus the parameters passed and where
 * the time and AWS calls went. It is kept under the same limit as every summary (SUMMARY_LIMIT_BYTES).
 */

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function details(result: DeployResult): string {
  const lines = ["<details><summary>Parameters, timings and AWS calls</summary>", ""];
  if (result.parameters.length > 0) {
    lines.push("**Parameters**", "", ...fenced(result.parameters.join("\n")), "");
  }
  const t = result.timings;
  lines.push(
    `**Time:** ${seconds(t.totalMs)} in all: ${seconds(t.preflightMs)} checking the stack, ${seconds(t.changeSetMs)} on the change set, ${seconds(t.executeMs)} executing it.`,
    "",
  );
  const calls = Object.entries(result.awsCallsByOperation).sort(([a], [b]) => a.localeCompare(b));
  lines.push(
    `**AWS calls:** ${result.awsCalls}${calls.length > 0 ? ` (${calls.map(([op, n]) => `${op} ${n}`).join(", ")})` : ""}.`,
    "",
    "</details>",
  );
  return lines.join("\n");
}

export function renderSummary(
  result: DeployResult,
  info: ReportInfo,
  maxBytes: number = SUMMARY_LIMIT_BYTES,
): string {
  return renderDeployReport(result, info, {
    maxSize: maxBytes,
    measure: (text) => Buffer.byteLength(text, "utf8"),
    trailer: [details(result)],
    fullListIn: "the changes-json and outputs-json outputs",
  });
}
