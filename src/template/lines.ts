/**
 * What the template parsers share about positions and keys: line/column lookup (LineIndex), the
 * lazy node range (Span), parse findings, and the duplicate-key bookkeeping of a mapping being read.
 */
import type { Finding, MapEntry, Node, Position, Range } from "./model";

/**
 * Offsets to 1-based line/column. Lines break at "\n" only, as GitHub annotations and editors
 * count them ("\r\n" ends a line at its "\n"). Line starts are found once, then each lookup is
 * a binary search, so positions for every node of a 1 MB template stay cheap.
 */
export class LineIndex {
  /** Offsets where lines start, found on the first lookup: a template without findings may need none. */
  private starts: number[] | undefined;

  constructor(private readonly source: string) {}

  private lineStarts(): number[] {
    const source = this.source;
    const starts = [0];
    let i = source.indexOf("\n");
    while (i !== -1) {
      starts.push(i + 1);
      i = source.indexOf("\n", i + 1);
    }
    this.starts = starts;
    return starts;
  }

  /** The line of the last lookup: parsers ask in source order, so the answer is usually near. */
  private last = 0;

  position(offset: number): Position {
    const starts = this.starts ?? this.lineStarts();
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

  /** A range whose line and column are worked out only when someone reads them. */
  range(start: number, end: number): Span {
    return new Span(this, start, end);
  }
}

/**
 * A node's range as the parsers keep it: two offsets and the template's line index. A template
 * has a range for every key and value, and most are never read (only findings need lines and
 * columns), so one small object per range, with positions computed on demand, costs one
 * allocation instead of three and no line lookup. It reads as any other `Range`.
 */
export class Span implements Range {
  constructor(
    private readonly lines: LineIndex,
    /** Offset of the first character. */
    readonly from: number,
    /** Offset just after the last character. */
    readonly to: number,
  ) {}

  get start(): Position {
    return this.lines.position(this.from);
  }

  get end(): Position {
    return this.lines.position(this.to);
  }

  /** The same object as any other range, for JSON output and comparisons in tests. */
  toJSON(): Range {
    return { start: this.start, end: this.end };
  }
}

/**
 * Code-unit order of two texts (Python's order for names, too): stable everywhere, and unlike
 * localeCompare it loads no collation data at start-up.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Document order of two positions: negative when `a` comes first. */
export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.column - b.column;
}

/** Whether a position lies in a range, both ends included. */
export function rangeHas(range: Range, at: Position): boolean {
  const afterStart =
    at.line > range.start.line || (at.line === range.start.line && at.column >= range.start.column);
  const beforeEnd = at.line < range.end.line || (at.line === range.end.line && at.column <= range.end.column);
  return afterStart && beforeEnd;
}

/** A range as a plain object, for what outlives the parse (findings keep their positions). */
export function plainRange(range: Range): Range {
  return { start: range.start, end: range.end };
}

/** The end offset of a range the parsers made (every node range of a parsed template is one). */
export function endOffset(range: Range): number {
  if (!(range instanceof Span)) throw new Error("Internal error: a node range without offsets");
  return range.to;
}

export function lineColumnAt(source: string, offset: number): Position {
  return new LineIndex(source).position(offset);
}

export function parseFinding(file: string, message: string, range: Range): Finding {
  return { ruleId: "E0000", severity: "error", message, file, range: plainRange(range) };
}

/** cfn-lint's wording, so users who know it recognise the finding. */
export function duplicateKeyMessage(key: string, firstLine: number): string {
  return `Duplicate found "${key}" (line ${firstLine})`;
}

/**
 * Adds `key: value` to a mapping being read, or reports the key as written twice and keeps the
 * last value at the first one's place, as CloudFormation deploys it (and as PyYAML and JSON.parse
 * read it): the rules judge what the stack gets. `seen` is undefined until the mapping needs a
 * KeySet: nearly every template mapping is small and holds no repeat, so one scan of its entries
 * here spares a KeySet and two calls per entry. Returns what to pass as `seen` with the mapping's
 * next entry.
 */
export function addEntry(
  entries: MapEntry[],
  seen: KeySet | undefined,
  key: string,
  keyRange: Range,
  value: Node,
  file: string,
  findings: Finding[],
): KeySet | undefined {
  if (seen === undefined) {
    const n = entries.length;
    if (n < 16) {
      let i = 0;
      while (i < n && entries[i].key !== key) i++;
      if (i === n) {
        entries.push({ key, keyRange, value });
        return undefined;
      }
    }
    seen = new KeySet(entries);
  }
  const entry = { key, keyRange, value };
  const first = seen.find(key);
  if (first === undefined) seen.add(entry);
  else seen.duplicate(first, entry, file, findings);
  return seen;
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

  /** Keys found written again, with the place of their first writing (which has been reported). */
  private repeated: Map<string, Range> | undefined;

  /**
   * Reports the key of `first` written again (`again`), and puts `again` in the place of the entry
   * the key holds: CloudFormation deploys a repeated key's last value (its template validation
   * accepts the repeat), so the rules read that one. Each place gets a finding naming the line of
   * the first (the first place once, naming the second, however often the key repeats), so
   * whichever one a reader stands at shows the problem, as cfn-lint reports both.
   */
  duplicate(first: MapEntry, again: MapEntry, file: string, findings: Finding[]): void {
    this.repeated ??= new Map();
    let firstRange = this.repeated.get(first.key);
    if (firstRange === undefined) {
      firstRange = first.keyRange;
      this.repeated.set(first.key, firstRange);
      findings.push(
        parseFinding(file, duplicateKeyMessage(first.key, again.keyRange.start.line), firstRange),
      );
    }
    findings.push(parseFinding(file, duplicateKeyMessage(first.key, firstRange.start.line), again.keyRange));
    const entries = this.entries;
    entries[entries.indexOf(first)] = again;
    this.index?.set(again.key, again);
  }
}
