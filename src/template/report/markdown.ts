/**
 * The one place where text that did not come from this project's code (template names, stack
 * outputs, CloudFormation reasons, input values) is made safe for the Markdown GitHub renders in
 * PR comments and job summaries. Every such value goes through `text`, `code` or `link`; the
 * renderers never splice it in raw. Each helper keeps the value on one line and inside a table
 * cell, renders no HTML (so it can neither hide the rest of a comment with `<!--` nor close the
 * comment's hidden marker), and produces no `@mention`.
 */

/**
 * GitHub rejects a step summary over 1 MiB; every summary stays under 1,000,000 bytes, leaving
 * room for what other steps of the job add.
 */
export const SUMMARY_LIMIT_BYTES = 1_000_000;

/**
 * Characters that mean something to GitHub's Markdown inside a line: emphasis, code, links,
 * strikethrough, table cells, and `$` math (`${Bucket.Arn}` twice in a cell would render as a
 * formula). `_` inside a word (UPDATE_FAILED) is no emphasis on GitHub and stays. Line-start markers (`#`, `-`, `+`, `>`) need nothing, since values never start a line.
 */
const MARKDOWN_PUNCTUATION = /[\\`*[\]~|$]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g;

/**
 * A zero-width space after `@` keeps GitHub from turning `@name` (or `@org/team`) into a mention,
 * while the text still reads the same.
 */
const NO_MENTION = "@&#8203;";

/**
 * Untrusted text as inert Markdown prose or a table cell: punctuation backslash-escaped, `<`, `>`
 * and `&` as entities, no mention, and line breaks folded to spaces or kept as `<br>` (for cells
 * that are lists, such as IAM actions).
 */
export function text(value: string, lineBreaks: "space" | "br" = "space"): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(MARKDOWN_PUNCTUATION, "\\$&")
    .replace(/@/g, NO_MENTION)
    .replace(/\r\n?|\n/g, lineBreaks === "br" ? "<br>" : " ");
}

/**
 * Untrusted text as a code span that nothing inside can close: the fence is one backtick longer
 * than the longest run of backticks in the value (CommonMark), padded when the value starts or
 * ends with one. Inside a code span HTML and mentions are inert; only `|` needs escaping, since
 * GitHub splits table rows before it reads code spans.
 */
export function code(value: string): string {
  const flat = value.replace(/\r\n?|\n/g, " ").replace(/\|/g, "\\|");
  if (flat === "") return "";
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * A link whose target came from outside: linked only when it is an `https://` URL, else shown as
 * code, so a `javascript:` or `data:` target can never be clicked from a comment.
 */
export function link(label: string, url: string): string {
  return linked(text(label), label, url);
}

/** The same, with the label shown as code (a commit sha). */
export function codeLink(label: string, url: string): string {
  return linked(code(label), label, url);
}

function linked(shown: string, label: string, url: string): string {
  if (!/^https:\/\/[^\s]+$/i.test(url)) return code(label === url ? url : `${label} (${url})`);
  const target = url.replace(/[()<>"'\s|\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `[${shown}](${target})`;
}

export function byteLength(value: string): number {
  return Buffer.byteLength(value, "utf8");
}
