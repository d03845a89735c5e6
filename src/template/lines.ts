import type { Finding, Position, Range } from "./model";

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

  position(offset: number): Position {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
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
