import type { Finding, MapEntry, Position, Range } from "./model";

/**
 * Offsets to 1-based line/column. Lines break at "\n" only, as GitHub annotations and editors
 * count them ("\r\n" ends a line at its "\n"). Line starts are found once, then each lookup is
 * a binary search, so positions for every node of a 1 MB template stay cheap.
 */
export class LineIndex {
  private readonly starts: number[];

  constructor(source: string) {
    const starts = [0];
    let i = source.indexOf("\n");
    while (i !== -1) {
      starts.push(i + 1);
      i = source.indexOf("\n", i + 1);
    }
    this.starts = starts;
  }

  /** The line of the last lookup: parsers ask in source order, so the answer is usually near. */
  private last = 0;

  position(offset: number): Position {
    const starts = this.starts;
    const last = this.last;
    if (starts[last] <= offset) {
      if (last + 1 === starts.length || offset < starts[last + 1]) {
        return { line: last + 1, column: offset - starts[last] + 1 };
      }
      if (last + 2 === starts.length || offset < starts[last + 2]) {
        this.last = last + 1;
        return { line: last + 2, column: offset - starts[last + 1] + 1 };
      }
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    this.last = lo;
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }
}

export function lineColumnAt(source: string, offset: number): Position {
  return new LineIndex(source).position(offset);
}

export function parseFinding(file: string, message: string, range: Range): Finding {
  return { ruleId: "E0000", severity: "error", message, file, range };
}

/** cfn-lint's wording, so users who know it recognise the finding. */
export function duplicateKeyMessage(key: string, firstLine: number): string {
  return `Duplicate found "${key}" (line ${firstLine})`;
}

/**
 * The entry already holding `key`, if any. Template mappings are small, so a scan beats building
 * a Map for each of the thousands of them; big ones (Resources, Mappings) get an index.
 */
export class KeySet {
  private index: Map<string, MapEntry> | undefined;

  constructor(private readonly entries: MapEntry[]) {}

  find(key: string): MapEntry | undefined {
    const entries = this.entries;
    if (entries.length < 16) {
      for (let i = 0; i < entries.length; i++) if (entries[i].key === key) return entries[i];
      return undefined;
    }
    if (!this.index) {
      this.index = new Map();
      for (const entry of entries) this.index.set(entry.key, entry);
    }
    return this.index.get(key);
  }

  add(entry: MapEntry): void {
    this.entries.push(entry);
    this.index?.set(entry.key, entry);
  }

  /** Keys found written again, whose first place has been reported. */
  private repeated: Set<string> | undefined;

  /**
   * Reports the key of `first` written again at `again`. Each place gets a finding naming the
   * line of the other (the first place once, however often the key repeats), so whichever one a
   * reader stands at shows the problem, as cfn-lint reports both.
   */
  duplicate(first: MapEntry, again: Range, file: string, findings: Finding[]): void {
    this.repeated ??= new Set();
    if (!this.repeated.has(first.key)) {
      this.repeated.add(first.key);
      findings.push(parseFinding(file, duplicateKeyMessage(first.key, again.start.line), first.keyRange));
    }
    findings.push(parseFinding(file, duplicateKeyMessage(first.key, first.keyRange.start.line), again));
  }
}
