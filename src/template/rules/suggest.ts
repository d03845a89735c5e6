/**
 * "Did you mean" suggestions: the candidate closest to a misspelt name, by optimal string
 * alignment distance (Levenshtein plus adjacent transpositions, the commonest typo).
 */

/** Edit distance with insertions, deletions, substitutions and adjacent transpositions. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  // Three rolling rows: a transposition looks two rows back.
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, before[j - 2] + 1);
      current[j] = value;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length];
}

/**
 * The candidate closest to `name`, or undefined when none is close enough to be a plausible typo.
 * A case-only difference always wins; otherwise the distance may be at most a third of the
 * name's length (at least 1), so short names do not "match" unrelated short names.
 */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  const limit = Math.max(1, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const candidateLower = candidate.toLowerCase();
    if (candidateLower === lower) return candidate;
    // Lengths alone bound the distance from below: skip the table for hopeless candidates.
    if (Math.abs(candidate.length - name.length) > Math.min(limit, bestDistance)) continue;
    const distance = editDistance(lower, candidateLower);
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** ` (did you mean 'X'?)` or the empty string, to append to a message. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const suggestion = closest(name, candidates);
  return suggestion === undefined ? "" : ` (did you mean '${suggestion}'?)`;
}
