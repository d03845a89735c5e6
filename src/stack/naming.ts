/** CloudFormation's own limits for stack and change set names. */
export const MAX_STACK_NAME = 128;
export const STACK_NAME_PATTERN = /^[A-Za-z][-A-Za-z0-9]*$/;

/**
 * 32-bit FNV-1a of the UTF-16 code units, as 8 hex digits: stable across runs and machines, which
 * is all a shortened name needs. (Not node:crypto: the validate path, which reads the input
 * names this module's callers define, would load it at start-up for nothing else.)
 */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}

/**
 * Replaces every run of characters a stack name may not hold with one dash, drops leading
 * characters until a letter, and trailing dashes. Returns "" when nothing usable is left.
 */
export function sanitizeName(raw: string): string {
  return raw
    .replace(/[^-A-Za-z0-9]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[^A-Za-z]+/, "")
    .replace(/-+$/, "");
}

/**
 * `<prefix>-pr-<number>`, made valid. When too long the prefix is cut and a hash of the full
 * prefix is put in its place's end, so the name stays the same on every run of the same pull
 * request and two long prefixes that share a beginning still get different names.
 */
export function previewStackName(prefix: string, pr: number): string {
  if (!Number.isInteger(pr) || pr <= 0) {
    throw new Error(`Pull request number ${pr} is not a positive integer; a preview stack name needs one.`);
  }
  const suffix = `-pr-${pr}`;
  const base = sanitizeName(prefix) || "preview";
  const full = `${base}${suffix}`;
  if (full.length <= MAX_STACK_NAME) return full;
  const hash = shortHash(prefix);
  const room = MAX_STACK_NAME - suffix.length - hash.length - 1;
  const cut = base.slice(0, room).replace(/-+$/, "");
  return `${cut}-${hash}${suffix}`;
}

export function isValidStackName(name: string): boolean {
  return name.length <= MAX_STACK_NAME && STACK_NAME_PATTERN.test(name);
}

/**
 * Unique per workflow run and attempt, so a re-run never collides with the change set an
 * earlier attempt left behind, and a reader can tell which run made it.
 */
export function changeSetName(runId: string | number, attempt: number | string): string {
  return runScoped(`preview-stacks-${runId}-${attempt}`);
}

/**
 * A ClientRequestToken for one stack operation of this run ("delete-2": the run's second
 * DeleteStack). CloudFormation takes a call that repeats a token for a retry of the same request
 * and ignores it, so each call gets its own; the events the operation causes carry it, so a
 * reader can tell which run (and which of its calls) did what.
 */
export function requestToken(runId: string | number, attempt: number | string, operation: string): string {
  return runScoped(`preview-stacks-${runId}-${attempt}-${operation}`);
}

/** A name valid for change sets and request tokens, hashed when over 128 characters. */
function runScoped(raw: string): string {
  const id = sanitizeName(raw);
  return id.length <= MAX_STACK_NAME ? id : `preview-stacks-${shortHash(id)}`;
}
