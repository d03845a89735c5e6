/** Small helpers for Markdown that GitHub renders in job summaries and PR comments. */

/**
 * GitHub rejects a step summary over 1 MiB; every summary stays under 1,000,000 bytes, leaving
 * room for what other steps of the job add.
 */
export const SUMMARY_LIMIT_BYTES = 1_000_000;

/**
 * Makes text safe inside a Markdown table cell: no pipes, no raw HTML, and line breaks either
 * folded to spaces or kept as `<br>` (for cells that are lists, such as IAM actions).
 */
export function cell(text: string, lineBreaks: "space" | "br" = "space"): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\r?\n/g, lineBreaks === "br" ? "<br>" : " ");
}

export function byteLength(text: string): number {
  return Buffer.byteLength(text, "utf8");
}
