/**
 * "Did you mean" suggestions: the candidate closest to a misspelt name, by optimal string
 * alignment distance (Levenshtein plus adjacent transpositions, the commonest typo). Rules use it
 * for logical ids, keys and properties; the spec index uses it for resource type names.
 */

/** editDistance's rows, three of `b.length + 1` cells each, grown when a longer name comes. */
let scratch = new Uint32Array(3 * 64);

/**
 * Edit distance with insertions, deletions, substitutions and adjacent transpositions. With a
 * `bound`, gives up and returns `bound` as soon as the distance cannot come in under it, which
 * keeps a pass over many long candidates (the spec's resource type names) cheap: only the cells
 * within `bound` of the diagonal are worked out, since a cell further off is at least `bound`
 * already, and so is any alignment through it.
 */
export function editDistance(a: string, b: string, bound = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (a.length === 0) return Math.min(b.length, bound);
  if (b.length === 0) return Math.min(a.length, bound);
  if (Math.abs(a.length - b.length) >= bound) return bound;
  // Three rolling rows (a transposition looks two rows back), kept between calls: a suggestion
  // compares one name with hundreds of candidates.
  if (scratch.length < 3 * (b.length + 1)) scratch = new Uint32Array(6 * (b.length + 1));
  const width = b.length + 1;
  // Cells outside the band are never computed; the ones just outside it that the next rows read
  // hold `bound`, which no cell inside can beat through them.
  let before = 0;
  let previous = width;
  let current = 2 * width;
  const rows = scratch;
  const first = Math.min(b.length, bound); // all of it without a bound
  for (let j = 0; j <= first; j++) rows[previous + j] = j;
  if (first < b.length) rows[previous + first + 1] = bound;
  for (let i = 1; i <= a.length; i++) {
    const low = Math.max(1, i - bound);
    const high = Math.min(b.length, i + bound);
    rows[current + low - 1] = low === 1 ? i : bound;
    let rowMin = rows[current + low - 1];
    const ca = a.charCodeAt(i - 1);
    for (let j = low; j <= high; j++) {
      const cb = b.charCodeAt(j - 1);
      let value = Math.min(
        rows[previous + j] + 1,
        rows[current + j - 1] + 1,
        rows[previous + j - 1] + (ca === cb ? 0 : 1),
      );
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb)
        value = Math.min(value, rows[before + j - 2] + 1);
      rows[current + j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (high < b.length) rows[current + high + 1] = bound;
    // No cell of a later row is below this row's minimum (a transposition costs at least the
    // diagonal step it replaces), so neither is the result.
    if (rowMin >= bound) return bound;
    const oldest = before;
    before = previous;
    previous = current;
    current = oldest;
  }
  return Math.min(rows[previous + b.length], bound);
}

/**
 * The candidate closest to `name`, or undefined when none is close enough to be a plausible typo.
 * A case-only difference always wins; otherwise the distance may be at most `maxDistance`, by
 * default a third of the name's length (at least 1), so short names do not "match" unrelated
 * short names. Among equally close candidates the first one wins.
 */
export function closest(
  name: string,
  candidates: Iterable<string>,
  maxDistance = Math.max(1, Math.floor(name.length / 3)),
): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = maxDistance + 1;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const candidateLower = candidate.toLowerCase();
    if (candidateLower === lower) return candidate;
    // Lengths alone bound the distance from below: skip the table for hopeless candidates.
    if (Math.abs(candidate.length - name.length) >= bestDistance) continue;
    const distance = editDistance(lower, candidateLower, bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** ` (did you mean 'X'?)` for a suggestion, or the empty string for none, to append to a message. */
export function didYouMeanNote(suggestion: string | undefined): string {
  return suggestion === undefined ? "" : ` (did you mean '${suggestion}'?)`;
}

/** ` (did you mean 'X'?)` naming the candidate closest to `name`, or the empty string. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  return didYouMeanNote(closest(name, candidates));
}

/** The first `most` of `choices`, joined with commas, and how many more there are: for messages that list what is allowed. */
export function firstChoices(choices: readonly string[], most = 12): string {
  return choices.length <= most
    ? choices.join(", ")
    : `${choices.slice(0, most).join(", ")} (and ${choices.length - most} more)`;
}
