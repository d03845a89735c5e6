/** Small helpers for Markdown that GitHub renders in job summaries and PR comments. */

/** Makes text safe inside a Markdown table cell: no pipes, no line breaks, no raw HTML. */
export function cell(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\r?\n/g, " ");
}

export function byteLength(text: string): number {
  return Buffer.byteLength(text, "utf8");
}
