import { addEntry, endOffset, type KeySet, type LineIndex } from "./lines";
import type { Finding, MapEntry, MapNode, Node, Range, ScalarNode, ScalarValue, SeqNode } from "./model";
import { exact } from "./nodes";
import { applyShortForm, type TagContext } from "./short-forms";

/**
 * A fast reader for the YAML that CloudFormation templates are made of: block mappings and
 * sequences, flow collections, plain and quoted scalars (over several lines too), block scalars,
 * comments and short-form tags. It is much faster than the `yaml` library on large templates (the
 * generated 1 MB row of `npm run bench:validate`). Anything outside that subset (anchors, explicit
 * keys, plain `<<` merge keys, directives, a second document, tabs, a plain scalar's continuation
 * line that starts with an indicator, and every syntax error) throws `Unsupported`, and the caller
 * re-reads the document with the library, which is exact and reports errors well.
 * The corpus test checks both readers agree, node for node and range for range.
 */
export class Unsupported {
  constructor(readonly at: number) {}
}

const SPACE = 32;
const NL = 10;
const CR = 13;
const TAB = 9;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const DOT = 46;
const COMMA = 44;
const LT = 60;

export function parseYamlFast(
  source: string,
  file: string,
  lines: LineIndex,
): { root: Node | undefined; findings: Finding[] } {
  const reader = new FastYaml(source, file, lines);
  const root = reader.document();
  return { root, findings: reader.findings };
}

class FastYaml implements TagContext {
  readonly findings: Finding[] = [];
  private pos = 0;

  constructor(
    readonly src: string,
    readonly file: string,
    readonly lines: LineIndex,
  ) {}

  private bail(at = this.pos): never {
    throw new Unsupported(at);
  }

  document(): Node | undefined {
    const src = this.src;
    if (src.charCodeAt(0) === 0xfeff) this.bail(0);
    // A carriage return on its own ends a line in YAML, even inside a comment; the reader
    // looks for line ends as "\n" only, so such (rare) sources are the library's business.
    const loneCr = LONE_CR.exec(src);
    if (loneCr) this.bail(loneCr.index);
    let indent = this.nextContentLine();
    if (indent < 0) return undefined;
    this.begun = true;
    if (src.startsWith("---", this.pos)) {
      const after = src.charCodeAt(this.pos + 3);
      if (!(after === SPACE || after === NL || after === CR || Number.isNaN(after))) this.bail();
      this.pos += 3;
      this.expectLineEnd();
      indent = this.nextContentLine();
      if (indent < 0) this.bail();
    }
    if (indent !== 0) this.bail();
    const start = this.pos;
    let root: Node;
    if (this.isSeqIndicator(start)) root = this.blockSeq(0, start);
    else if (this.keyEnd(start) >= 0) root = this.blockMap(0, start);
    else this.bail();
    if (this.nextContentLine() >= 0) this.bail();
    return root;
  }

  /** Whether the first content line (a `---` marker, or the root's first line) has been read. */
  private begun = false;

  /**
   * The line `nextContentLine` last stopped on: where it begins and where its content starts.
   * After a value the reader looks at the next line (is it a continuation?), steps back to its
   * start, and the caller then asks for it again: the second time is answered from here.
   */
  private lineBegin = -1;
  private lineContent = -1;

  /**
   * Moves `pos` to the first character of the next line holding content (skipping blank and
   * comment-only lines) and returns its indent, or -1 at the end of the source. `pos` must be at
   * a line start.
   */
  private nextContentLine(): number {
    if (this.pos === this.lineBegin) {
      this.pos = this.lineContent;
      return this.lineContent - this.lineBegin;
    }
    const src = this.src;
    let pos = this.pos;
    for (;;) {
      const lineStart = pos;
      pos = spacesEnd(src, pos);
      const c = src.charCodeAt(pos);
      if (c === TAB) this.bail(pos);
      if (c === HASH || c === NL || c === CR) {
        const nl = src.indexOf("\n", pos);
        if (nl === -1) {
          this.pos = src.length;
          return -1;
        }
        if (c === CR && src.charCodeAt(pos + 1) !== NL) this.bail(pos);
        pos = nl + 1;
        continue;
      }
      if (Number.isNaN(c)) {
        this.pos = src.length;
        return -1;
      }
      // Document markers and directives at column 1 are the library's business, but for a
      // leading `---` (document) and a `...` after content, with only comments after it: the end.
      if (
        pos === lineStart &&
        (c === 37 /* % */ || src.startsWith("---", pos) || src.startsWith("...", pos))
      ) {
        if (c === DOT && this.begun && this.isDocumentEnd(pos)) {
          this.pos = src.length;
          return -1;
        }
        // A `---` before any content (at the top, or after a header of comments) starts the document.
        if (c !== DASH || this.begun) this.bail(pos);
      }
      this.pos = pos;
      this.lineBegin = lineStart;
      this.lineContent = pos;
      return pos - lineStart;
    }
  }

  /**
   * Whether `...` at `pos` (a line's start) ends the document with nothing but spaces, blank lines
   * and comments after it (a packaged template's last line); another document after it, or a
   * directive, is the library's business.
   */
  private isDocumentEnd(pos: number): boolean {
    const after = this.src.charCodeAt(pos + 3);
    if (!(after === SPACE || after === NL || after === CR || Number.isNaN(after))) return false;
    ONLY_COMMENTS.lastIndex = pos + 3;
    return ONLY_COMMENTS.test(this.src);
  }

  /** After a value: only spaces and a comment may remain on the line; moves to the next line. */
  private expectLineEnd(): void {
    const src = this.src;
    let pos = this.pos;
    let c = src.charCodeAt(pos);
    if (c === SPACE || c === TAB) {
      while (c === SPACE || c === TAB) c = src.charCodeAt(++pos);
      if (c === HASH) {
        const nl = src.indexOf("\n", pos);
        this.pos = nl === -1 ? src.length : nl + 1;
        return;
      }
    }
    if (c === CR) c = src.charCodeAt(++pos);
    if (c === NL) {
      this.pos = pos + 1;
      return;
    }
    if (Number.isNaN(c)) {
      this.pos = pos;
      return;
    }
    this.bail(pos);
  }

  private isSeqIndicator(pos: number): boolean {
    if (this.src.charCodeAt(pos) !== DASH) return false;
    const next = this.src.charCodeAt(pos + 1);
    return next === SPACE || next === NL || next === CR || Number.isNaN(next);
  }

  /**
   * When the text at `pos` is a simple implicit key (`Key:` or `"Key":` followed by a space or
   * the line end), returns the offset of its colon; otherwise -1.
   */
  private keyEnd(pos: number): number {
    const src = this.src;
    const c = src.charCodeAt(pos);
    if (c === 34 || c === 39) {
      let colon = this.quotedEnd(pos);
      if (colon < 0) return -1;
      while (src.charCodeAt(colon) === SPACE) colon++;
      if (src.charCodeAt(colon) !== COLON) return -1;
      return isBreakOrSpace(src.charCodeAt(colon + 1)) ? colon : -1;
    }
    if (startsNonPlain(c, src.charCodeAt(pos + 1))) return -1;
    let i = pos;
    for (;;) {
      i = lineRunEnd(src, i);
      const ch = src.charCodeAt(i);
      if (ch === COLON) {
        if (isBreakOrSpace(src.charCodeAt(i + 1))) {
          // `Key\t:` is rare; the library handles it. `Key :` is read here (see blockMap).
          if (src.charCodeAt(i - 1) === TAB) this.bail(i);
          return i;
        }
      } else if (ch !== HASH || src.charCodeAt(i - 1) === SPACE || src.charCodeAt(i - 1) === TAB) {
        // A line break, the end of the source, or a comment.
        return -1;
      }
      i++;
    }
  }

  /**
   * Offset just after the closing quote of a single-line quoted scalar, or -1. A backslash before
   * a line break (an escaped break, which joins the lines) also gives -1: that scalar spans lines.
   */
  private quotedEnd(pos: number): number {
    const quoted = this.src.charCodeAt(pos) === 34 ? DOUBLE_QUOTED : SINGLE_QUOTED;
    quoted.lastIndex = pos;
    return quoted.test(this.src) ? quoted.lastIndex : -1;
  }

  /** A block mapping whose keys sit at column `indent`; the first key starts at `first`. */
  private blockMap(indent: number, first: number): MapNode {
    const src = this.src;
    const entries: MapEntry[] = [];
    let seen: KeySet | undefined;
    let keyStart = first;
    for (;;) {
      const colon = this.keyEnd(keyStart);
      if (colon < 0) this.bail(keyStart);
      const c = src.charCodeAt(keyStart);
      const quoted = c === 34 || c === 39;
      // The key ends before the spaces some templates put before its colon (`DeletionPolicy : Retain`).
      let keyTextEnd = colon;
      while (src.charCodeAt(keyTextEnd - 1) === SPACE) keyTextEnd--;
      const keyValue = quoted
        ? this.quotedValue(keyStart, keyTextEnd)
        : plainKey(src.slice(keyStart, keyTextEnd));
      if (!quoted && mayBeNull(c) && NULL_TEXT.test(keyValue)) this.bail(keyStart);
      // A plain `<<` is a merge key, which the library merges (yaml.ts).
      if (!quoted && c === LT && keyValue === "<<") this.bail(keyStart);
      const keyRange = this.lines.range(keyStart, keyTextEnd);
      this.pos = colon + 1;
      const value = this.valueAfterIndicator(indent, false, colon + 1);
      seen = addEntry(entries, seen, keyValue, keyRange, value, this.file, this.findings);
      const next = this.nextContentLine();
      if (next < indent) {
        this.rewindToLineStart();
        break;
      }
      // Each entry must move forward; anything else would be a reader bug, never a hang.
      if (next > indent || this.isSeqIndicator(this.pos) || this.pos <= keyStart) this.bail();
      keyStart = this.pos;
    }
    const last = entries.length > 0 ? entries[entries.length - 1] : undefined;
    return { kind: "map", entries: exact(entries), range: this.blockRange(first, last) };
  }

  /** A block sequence whose dashes sit at column `indent`; the first dash is at `first`. */
  private blockSeq(indent: number, first: number): SeqNode {
    const items: Node[] = [];
    let dash = first;
    for (;;) {
      this.pos = dash + 1;
      items.push(this.valueAfterIndicator(indent, true, dash + 1));
      const next = this.nextContentLine();
      if (next < indent || (next === indent && !this.isSeqIndicator(this.pos))) {
        this.rewindToLineStart();
        break;
      }
      if (next > indent || this.pos <= dash) this.bail();
      dash = this.pos;
    }
    const last = items[items.length - 1];
    return { kind: "seq", items: exact(items), range: this.lines.range(first, endOffset(last.range)) };
  }

  private blockRange(start: number, last: MapEntry | undefined): Range {
    if (!last) return this.lines.range(start, start);
    return this.lines.range(start, Math.max(endOffset(last.keyRange), endOffset(last.value.range)));
  }

  /**
   * The value after a mapping's colon or a sequence's dash; `indent` is the column of that
   * key or dash. Leaves `pos` at the start of the line after the value.
   */
  private valueAfterIndicator(indent: number, inSeq: boolean, afterIndicator: number): Node {
    const src = this.src;
    const pos = spacesEnd(src, this.pos);
    const c = src.charCodeAt(pos);
    if (c === TAB) this.bail(pos);
    if (c === NL || c === CR || Number.isNaN(c) || (c === HASH && pos > afterIndicator)) {
      this.pos = pos;
      this.skipRestOfLine();
      const next = this.nextContentLine();
      if (next > indent) return this.blockNode(next, indent);
      if (!inSeq && next === indent && this.isSeqIndicator(this.pos)) return this.blockSeq(next, this.pos);
      if (inSeq) this.bail(afterIndicator);
      this.rewindToLineStart();
      return { kind: "scalar", value: null, range: this.lines.range(afterIndicator, afterIndicator) };
    }
    this.pos = pos;
    if (inSeq) {
      const column = pos - this.lineStart(pos);
      if (this.isSeqIndicator(pos)) return this.blockSeq(column, pos);
      if (this.keyEnd(pos) >= 0) return this.blockMap(column, pos);
    }
    if (c === 33 /* ! */) {
      const tagStart = pos;
      const tagEnd = this.tagEnd(pos);
      const tag = src.slice(tagStart, tagEnd);
      this.pos = tagEnd;
      let d = src.charCodeAt(this.pos);
      if (d === SPACE) {
        while (d === SPACE) d = src.charCodeAt(++this.pos);
        if (d !== NL && d !== CR && d !== HASH && !Number.isNaN(d)) {
          const valueStart = this.pos;
          const node = this.inlineValue(indent);
          return applyShortForm(this, tag, tagStart, node, this.textStart(valueStart, node));
        }
      }
      if (d !== NL && d !== CR && d !== HASH && !Number.isNaN(d)) this.bail(this.pos);
      const emptyAt = this.pos;
      this.skipRestOfLine();
      const next = this.nextContentLine();
      let node: Node;
      if (next > indent) {
        node = this.blockNode(next, indent);
      } else if (!inSeq && next === indent && this.isSeqIndicator(this.pos)) {
        node = this.blockSeq(next, this.pos);
      } else {
        // `!GetAZs` alone reads as an empty string, placed where its value would have started.
        this.rewindToLineStart();
        node = { kind: "scalar", value: "", range: this.lines.range(emptyAt, emptyAt) };
      }
      return applyShortForm(this, tag, tagStart, node, undefined);
    }
    return this.inlineValue(indent);
  }

  private lineStart(pos: number): number {
    return this.src.lastIndexOf("\n", pos - 1) + 1;
  }

  /** Back to the start of the line `nextContentLine` stopped on; at the end, stays there. */
  private rewindToLineStart(): void {
    if (this.pos >= this.src.length) return;
    this.pos = this.pos === this.lineContent ? this.lineBegin : this.lineStart(this.pos);
  }

  /** Moves to the start of the next line (past a comment, when `pos` is on one). */
  private skipRestOfLine(): void {
    const nl = this.src.indexOf("\n", this.pos);
    this.pos = nl === -1 ? this.src.length : nl + 1;
  }

  /**
   * A node that starts a line at column `indent`, under a key or dash at column `owner`: a block
   * collection, or a value written on a line of its own.
   */
  private blockNode(indent: number, owner: number): Node {
    const pos = this.pos;
    if (this.isSeqIndicator(pos)) return this.blockSeq(indent, pos);
    if (this.keyEnd(pos) >= 0) return this.blockMap(indent, pos);
    return this.valueAfterIndicator(owner, false, pos);
  }

  private tagEnd(pos: number): number {
    const src = this.src;
    // Verbatim `!<...>` and secondary `!!` tags are the library's business.
    const second = src.charCodeAt(pos + 1);
    if (second === 33 || second === 60) this.bail(pos);
    TAG_RUN.lastIndex = pos + 1;
    TAG_RUN.test(src);
    const i = TAG_RUN.lastIndex;
    const c = src.charCodeAt(i);
    if (c === COMMA || c === 91 || c === 93 || c === 123 || c === 125 || c === TAB) this.bail(i);
    if (i === pos + 1) this.bail(pos);
    return i;
  }

  /**
   * A value written on the rest of the line (after `key: `, `- ` or a tag): a scalar, a flow
   * collection or a block scalar. Leaves `pos` at the start of the next line.
   */
  private inlineValue(indent: number): Node {
    const src = this.src;
    const start = this.pos;
    const c = src.charCodeAt(start);
    if (c === 124 || c === 62) return this.blockScalar(indent);
    let node: Node;
    if (c === 91 || c === 123) {
      node = this.flow();
    } else if (c === 34 || c === 39) {
      const { end, value } = this.quoted(start);
      node = { kind: "scalar", value, range: this.lines.range(start, end) };
      this.pos = end;
    } else {
      if (startsNonPlain(c, src.charCodeAt(start + 1))) this.bail(start);
      const stop = this.plainLineEnd(start);
      let end = stop;
      while (src.charCodeAt(end - 1) === SPACE || src.charCodeAt(end - 1) === TAB) end--;
      let text = src.slice(start, end);
      if (src.charCodeAt(stop) !== HASH) {
        const more = this.plainContinuation(end, indent);
        if (more) {
          if (text.includes("\t")) this.bail(start);
          text += more.text;
          end = more.end;
        }
      }
      node = { kind: "scalar", value: resolvePlain(text), range: this.lines.range(start, end) };
      this.pos = end;
    }
    this.expectLineEnd();
    // A more-indented line left after a scalar (after a comment, or one plainContinuation does not
    // read) is an error or a form the library reads; the library decides.
    const next = this.nextContentLine();
    if (next > indent) this.bail();
    this.rewindToLineStart();
    return node;
  }

  /**
   * Where a plain scalar's text on the line from `pos` stops: at the line break, the end of the
   * source or a comment's `#`. A `: ` in it is a mapping the library explains.
   */
  private plainLineEnd(pos: number): number {
    const src = this.src;
    let end = pos;
    for (;;) {
      end = lineRunEnd(src, end);
      const ch = src.charCodeAt(end);
      if (ch === COLON) {
        if (isBreakOrSpace(src.charCodeAt(end + 1))) this.bail(end);
      } else if (ch !== HASH || src.charCodeAt(end - 1) === SPACE || src.charCodeAt(end - 1) === TAB) {
        // A line break, the end of the source, or a comment.
        return end;
      }
      end++;
    }
  }

  /**
   * The lines that continue a plain scalar whose first line's text ends at `end`, under a key or
   * dash at column `indent`: each following line indented past it, with only empty lines between
   * (a comment line ends the scalar). They fold as YAML folds them, PyYAML and the library alike:
   * a line break between two lines of text is a space, each empty line a line break, and the
   * spaces around a break go. Undefined when the next line does not continue the scalar. A line
   * that could be read otherwise (one that starts with an indicator, holds `: ` or a tab) is the
   * library's business, which explains the errors among them.
   */
  private plainContinuation(end: number, indent: number): { text: string; end: number } | undefined {
    const src = this.src;
    let text = "";
    let pos = end;
    let last = end;
    for (;;) {
      // The line break and the empty lines after the text that ends at `pos`.
      pos = spacesEnd(src, pos);
      let breaks = 0;
      let lineStart = pos;
      for (;;) {
        const c = src.charCodeAt(pos);
        if (c === CR && src.charCodeAt(pos + 1) === NL) pos++;
        else if (c !== NL) break;
        breaks++;
        lineStart = ++pos;
        pos = spacesEnd(src, pos);
      }
      const c = src.charCodeAt(pos);
      if (breaks === 0 || Number.isNaN(c) || c === HASH || pos - lineStart <= indent) break;
      if (c === TAB || c === CR || !startsText(c)) this.bail(pos);
      const stop = this.plainLineEnd(pos);
      let textEnd = stop;
      while (src.charCodeAt(textEnd - 1) === SPACE) textEnd--;
      const line = src.slice(pos, textEnd);
      if (line.includes("\t")) this.bail(pos);
      text += breaks === 1 ? " " : "\n".repeat(breaks - 1);
      text += line;
      last = textEnd;
      // A comment ends the scalar.
      if (src.charCodeAt(stop) === HASH) break;
      pos = textEnd;
    }
    return last === end ? undefined : { text, end: last };
  }

  /** Where a scalar's text appears literally, for `!GetAtt a.b` sub-ranges. */
  private textStart(valueStart: number, node: Node): number | undefined {
    if (node.kind !== "scalar") return undefined;
    const c = this.src.charCodeAt(valueStart);
    return c === 34 || c === 39 ? valueStart + 1 : valueStart;
  }

  private quotedValue(start: number, end: number): string {
    return this.unescaped(this.src.charCodeAt(start) === 34, this.src.slice(start + 1, end - 1), start);
  }

  /**
   * A quoted scalar at `start`, on one line or several: its end (after the closing quote) and
   * value. The lines of a multi-line one fold as YAML folds them: a line break between two lines
   * of text is a space, each empty line a line break, and the spaces around a break go. PyYAML and
   * SnakeYAML read the lines after the first at any indentation (`Value: "{` with `}"` under the
   * key), where the library wants them indented past the key, and take tabs before a line's text
   * as spaces. An escaped line break joins two lines as YAML says; a line ends at "\n" or "\r\n"
   * alike. Empty lines after an escaped break, a tab at a line's end or a lone carriage return in
   * the folding, and a document marker, are the library's business.
   */
  private quoted(start: number): { end: number; value: string } {
    const oneLine = this.quotedEnd(start);
    if (oneLine >= 0) return { end: oneLine, value: this.quotedValue(start, oneLine) };
    const src = this.src;
    const double = src.charCodeAt(start) === 34;
    const run = double ? DOUBLE_QUOTED_RUN : SINGLE_QUOTED_RUN;
    let value = "";
    let breaks = -1; // line breaks since the last text; -1 before the first line
    let glue = false; // the line before ended in an escaped line break
    let pos = start + 1;
    for (;;) {
      const lineStart = pos;
      if (breaks >= 0) {
        // Spaces and tabs before a line's text go (PyYAML's scan_flow_scalar_breaks skips both),
        // a tab in the first column too, which the library takes for indentation and refuses
        // (a license text of a public Spot template of round 48, each paragraph led by a tab).
        while (src.charCodeAt(pos) === SPACE || src.charCodeAt(pos) === TAB) pos++;
        if (pos === lineStart && (src.startsWith("---", pos) || src.startsWith("...", pos))) this.bail(pos);
      }
      run.lastIndex = pos;
      run.test(src);
      const stop = run.lastIndex;
      const closed = src.charCodeAt(stop) === (double ? 34 : 39);
      // `\` right before the line break (double quotes; the run stops at a backslash it cannot
      // pair) escapes it: the break is left out, with nothing in its place, and the spaces before
      // the backslash stay.
      const escapedBreak =
        !closed && double && src.charCodeAt(stop) === 92 && lineBreakLength(src, stop + 1) > 0;
      const lineEnd = escapedBreak ? stop + 1 : stop;
      // A line ends at "\n" or "\r\n" (both fold alike); a carriage return alone is the library's.
      const breakLength = closed ? 0 : lineBreakLength(src, lineEnd);
      if (!closed && breakLength === 0) this.bail(start);
      let textEnd = stop;
      if (!closed && !escapedBreak) {
        while (src.charCodeAt(textEnd - 1) === SPACE) textEnd--;
        // A tab, or an escaped space, at the end of the line: the library folds it.
        const last = src.charCodeAt(textEnd - 1);
        if (last === TAB || last === 92) this.bail(start);
      }
      const text = this.unescaped(double, src.slice(pos, textEnd), start);
      if (breaks < 0) value = text;
      else if (glue) {
        // Empty lines after an escaped break are the library's business.
        if (text === "" && !closed) this.bail(start);
        value += text;
        breaks = 0;
      } else if (text !== "" || closed) {
        value += breaks === 1 ? " " : "\n".repeat(breaks - 1);
        value += text;
        breaks = 0;
      }
      glue = escapedBreak;
      if (closed) return { end: stop + 1, value };
      if (breaks < 0 || text !== "") breaks = 0;
      breaks++;
      pos = lineEnd + breakLength;
    }
  }

  private oneLineQuoted(start: number): { end: number; value: string } {
    const end = this.quotedEnd(start);
    if (end < 0) this.bail(start);
    return { end, value: this.quotedValue(start, end) };
  }

  private unescaped(double: boolean, inner: string, start: number): string {
    if (!double) return inner.includes("''") ? inner.replace(/''/g, "'") : inner;
    if (!inner.includes("\\")) return inner;
    return inner.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_, e: string) => {
      if (e.length > 1) return String.fromCodePoint(Number.parseInt(e.slice(1), 16));
      const decoded = DQ_ESCAPES[e];
      if (decoded === undefined) this.bail(start);
      return decoded;
    });
  }

  /**
   * `|` or `>` with optional chomping and indentation indicators, in either order. `indent` is the
   * column of the owning key or dash: content must be indented further, by exactly the indicator
   * when there is one (so that the text itself may start with spaces).
   */
  private blockScalar(indent: number): ScalarNode {
    const src = this.src;
    const start = this.pos;
    const folded = src.charCodeAt(start) === 62;
    let chomp = "clip";
    let explicitIndent = 0;
    let pos = start + 1;
    let h = src.charCodeAt(pos);
    if (h === DASH || h === 43) {
      chomp = h === DASH ? "strip" : "keep";
      h = src.charCodeAt(++pos);
    }
    if (h >= 49 && h <= 57) {
      explicitIndent = h - 48;
      h = src.charCodeAt(++pos);
      if (chomp === "clip" && (h === DASH || h === 43)) {
        chomp = h === DASH ? "strip" : "keep";
        h = src.charCodeAt(++pos);
      }
    }
    // `0` and indicators of two digits are errors, for the library to explain.
    if (h >= 48 && h <= 57) this.bail(pos);
    this.pos = pos;
    const headerEnd = pos;
    this.expectLineEnd();
    const bodyStart = this.pos;
    const texts: (string | undefined)[] = [];
    let contentIndent = explicitIndent > 0 ? indent + explicitIndent : -1;
    let lineStart = this.pos;
    let contentEnd = -1;
    let afterContent = lineStart;
    let lastContent = -1;
    // Where the scalar's lines end: the start of the less-indented line that ends it, or the end.
    let scalarEnd = src.length;
    while (lineStart < src.length) {
      let i = lineStart;
      while (src.charCodeAt(i) === SPACE) i++;
      const nl = src.indexOf("\n", i);
      const lineEnd = nl === -1 ? src.length : src.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
      const spaces = i - lineStart;
      if (i === lineEnd && contentIndent >= 0 && spaces > contentIndent && !folded) {
        // A blank line holding more spaces than the content indent is content in YAML: its
        // spaces past the indent (an editor's indentation on an empty line of inline code).
        texts.push(src.slice(lineStart + contentIndent, lineEnd));
        lastContent = texts.length - 1;
        contentEnd = lineEnd;
        afterContent = nl === -1 ? src.length : nl + 1;
      } else if (i === lineEnd) {
        // Before the first text line, or in a folded scalar, such a line is the library's business.
        if (contentIndent >= 0 ? spaces > contentIndent : spaces > 0) this.bail(i);
        texts.push(undefined);
      } else {
        if (contentIndent < 0 ? spaces <= indent : spaces < contentIndent) {
          scalarEnd = lineStart;
          break;
        }
        if (contentIndent < 0) contentIndent = spaces;
        // A tab would start content (and fold as a more-indented line); it is rare.
        if (src.charCodeAt(i) === TAB) this.bail(i);
        texts.push(src.slice(lineStart + contentIndent, lineEnd));
        lastContent = texts.length - 1;
        contentEnd = lineEnd;
        afterContent = nl === -1 ? src.length : nl + 1;
      }
      if (nl === -1) break;
      lineStart = nl + 1;
    }
    // A kept scalar at the end of a source without a final line break: the library adds one, PyYAML
    // does not; left to the library, as before.
    if (chomp === "keep" && scalarEnd === src.length && !src.endsWith("\n")) this.bail(start);
    // A scalar without a text line: a kept one is its blank lines' line breaks (`!Join` items that
    // put a line break between two parts of a script), any other empty text (an inline ZipFile or
    // a script item left empty, in public templates of rounds 29, 35 and 36).
    if (lastContent < 0) {
      this.pos = scalarEnd;
      const value = chomp === "keep" ? "\n".repeat(lineBreaks(src, bodyStart, scalarEnd)) : "";
      return { kind: "scalar", value, range: this.lines.range(start, headerEnd) };
    }
    let value = folded ? fold(texts, lastContent) : (texts[0] ?? "");
    if (!folded) for (let k = 1; k <= lastContent; k++) value += `\n${texts[k] ?? ""}`;
    // Like the library, clip keeps one final line break even when the source ends without one;
    // keep keeps every line break after the last text line (a script's trailing blank lines).
    if (chomp === "clip") value += "\n";
    else if (chomp === "keep") value += "\n".repeat(lineBreaks(src, contentEnd, scalarEnd));
    let end = contentEnd;
    while (end > start && isSpaceOrBreak(src.charCodeAt(end - 1))) end--;
    this.pos = afterContent;
    return { kind: "scalar", value, range: this.lines.range(start, end) };
  }

  /**
   * A flow collection. Its continuation lines may sit at any indentation: the spec wants them past
   * the owning block's column, but PyYAML and SnakeYAML (which CloudFormation reads YAML with) ignore
   * indentation inside flow collections, and templates rely on it (SAM's own examples close a
   * multi-line `[{ ... }]` at the key's column).
   */
  private flow(): Node {
    const src = this.src;
    const open = this.pos;
    const isMap = src.charCodeAt(open) === 123;
    const close = isMap ? 125 : 93;
    this.pos++;
    this.flowSpace();
    const items: Node[] = [];
    const entries: MapEntry[] = [];
    let seen: KeySet | undefined;
    // Each turn reads one item and what follows it; a comma before the closing bracket is allowed
    // (`[a, b, ]`, as PyYAML reads it), two in a row are not.
    while (src.charCodeAt(this.pos) !== close) {
      if (isMap) {
        const keyStart = this.pos;
        const key = this.flowValue(true);
        if (key.kind !== "scalar" || typeof key.value !== "string") this.bail(keyStart);
        if (!this.colonAfterSpaces()) this.bail();
        this.pos++;
        const d = src.charCodeAt(this.pos);
        if (!(d === SPACE || d === NL || d === CR)) {
          // `{"a":1}` is valid YAML after a quoted key; after a plain key it is not a pair.
          const q = src.charCodeAt(keyStart);
          if (q !== 34 && q !== 39) this.bail();
        }
        this.flowSpace();
        const value = this.flowValue(false);
        const keyText = key.value as string;
        if (keyText === "<<" && src.charCodeAt(keyStart) === LT) this.bail(keyStart);
        seen = addEntry(entries, seen, keyText, key.range, value, this.file, this.findings);
      } else {
        const itemStart = this.pos;
        let item = this.flowValue(false);
        if (this.colonAfterSpaces()) item = this.flowPair(itemStart, item);
        items.push(item);
      }
      this.flowSpace();
      const c = src.charCodeAt(this.pos);
      if (c === close) break;
      if (c !== COMMA) this.bail();
      this.pos++;
      this.flowSpace();
      if (src.charCodeAt(this.pos) === COMMA) this.bail();
    }
    this.pos++;
    return isMap
      ? { kind: "map", entries: exact(entries), range: this.lines.range(open, this.pos) }
      : { kind: "seq", items: exact(items), range: this.lines.range(open, this.pos) };
  }

  /**
   * `key: value` written as an item of a flow sequence (`[0, Fn::GetAZs: !Ref AWS::Region]`):
   * a mapping of that one pair, from the key to the end of the value. `key` was read as a value
   * from `keyStart`, and `pos` is at the colon. Keys other than plain or quoted text, and pairs
   * that are not simply `key: value` on one line, are the library's business.
   */
  private flowPair(keyStart: number, key: Node): MapNode {
    const src = this.src;
    const q = src.charCodeAt(keyStart);
    const quoted = q === 34 || q === 39;
    if (key.kind !== "scalar" || (!quoted && startsNonPlain(q, src.charCodeAt(keyStart + 1)))) {
      this.bail(keyStart);
    }
    // A plain key is named as written (`80: x` is "80"); a quoted key by its value.
    const keyText = quoted ? (key.value as string) : src.slice(keyStart, endOffset(key.range));
    if (!quoted && mayBeNull(q) && NULL_TEXT.test(keyText)) this.bail(keyStart);
    if (!quoted && keyText === "<<") this.bail(keyStart);
    this.pos++;
    if (src.charCodeAt(this.pos) !== SPACE) this.bail();
    this.flowSpace();
    const d = src.charCodeAt(this.pos);
    if (d === COMMA || d === 93 || d === 125 || d === COLON) this.bail();
    const value = this.flowValue(false);
    if (src.charCodeAt(this.pos) === COLON) this.bail();
    const entries: MapEntry[] = [{ key: keyText, keyRange: key.range, value }];
    return {
      kind: "map",
      entries: exact(entries),
      range: this.lines.range(keyStart, endOffset(value.range)),
    };
  }

  /**
   * Whether a colon follows the node just read, after spaces on the same line (`"Ref" : "x"`, as
   * JSON written in YAML often has it); if so, `pos` moves to it. Otherwise `pos` stays.
   */
  private colonAfterSpaces(): boolean {
    let pos = this.pos;
    while (this.src.charCodeAt(pos) === SPACE) pos++;
    if (this.src.charCodeAt(pos) !== COLON) return false;
    this.pos = pos;
    return true;
  }

  /** Skips spaces, line breaks and comments inside a flow collection. */
  private flowSpace(): void {
    const src = this.src;
    let pos = this.pos;
    for (;;) {
      const c = src.charCodeAt(pos);
      if (c === SPACE) {
        pos++;
      } else if (c === HASH) {
        const prev = src.charCodeAt(pos - 1);
        if (!(prev === SPACE || prev === NL || prev === TAB)) this.bail(pos);
        const nl = src.indexOf("\n", pos);
        if (nl === -1) this.bail(pos);
        pos = nl;
      } else if (c === NL || c === CR) {
        if (c === CR && src.charCodeAt(pos + 1) !== NL) this.bail(pos);
        pos = src.indexOf("\n", pos) + 1;
        let col = 0;
        while (src.charCodeAt(pos) === SPACE) {
          pos++;
          col++;
        }
        const d = src.charCodeAt(pos);
        if (d === TAB) this.bail(pos);
        // A document marker ends the document, flow collection or not: the library explains it.
        if (col === 0 && (src.startsWith("---", pos) || src.startsWith("...", pos))) this.bail(pos);
      } else if (c === TAB) {
        this.bail(pos);
      } else {
        break;
      }
    }
    this.pos = pos;
  }

  private flowValue(asKey: boolean): Node {
    const src = this.src;
    const start = this.pos;
    const c = src.charCodeAt(start);
    if (c === 91 || c === 123) {
      if (asKey) this.bail();
      return this.flow();
    }
    if (c === 34 || c === 39) {
      // A key is on one line; a value may span lines.
      const { end, value } = asKey ? this.oneLineQuoted(start) : this.quoted(start);
      this.pos = end;
      return { kind: "scalar", value, range: this.lines.range(start, end) };
    }
    if (c === 33 && !asKey) {
      const tagEnd = this.tagEnd(start);
      const tag = src.slice(start, tagEnd);
      this.pos = tagEnd;
      if (src.charCodeAt(this.pos) !== SPACE) this.bail();
      this.flowSpace();
      const valueStart = this.pos;
      const d = src.charCodeAt(valueStart);
      if (d === COMMA || d === 93 || d === 125) {
        // A tag with no value before the indicator on its line (`[0, !GetAZs ]`): an empty text,
        // as PyYAML and the library read it. Across lines, the library places it.
        if (!ONLY_SPACES.test(src.slice(tagEnd, valueStart))) this.bail();
        const empty: ScalarNode = {
          kind: "scalar",
          value: "",
          range: this.lines.range(valueStart, valueStart),
        };
        return applyShortForm(this, tag, start, empty, undefined);
      }
      const node = this.flowValue(false);
      return applyShortForm(this, tag, start, node, this.textStart(valueStart, node));
    }
    if (startsNonPlain(c, src.charCodeAt(start + 1)) || c === COMMA || c === 93 || c === 125)
      this.bail(start);
    let end = start;
    for (;;) {
      FLOW_RUN.lastIndex = end;
      FLOW_RUN.test(src);
      end = FLOW_RUN.lastIndex;
      const ch = src.charCodeAt(end);
      if (ch === COLON) {
        const next = src.charCodeAt(end + 1);
        if (
          isBreakOrSpace(next) ||
          next === COMMA ||
          next === 93 ||
          next === 125 ||
          next === 91 ||
          next === 123
        ) {
          break;
        }
      } else if (ch !== HASH || src.charCodeAt(end - 1) === SPACE || src.charCodeAt(end - 1) === TAB) {
        // A line break, the end of the source, a flow indicator, or a comment.
        break;
      }
      end++;
    }
    let textEnd = end;
    while (src.charCodeAt(textEnd - 1) === SPACE || src.charCodeAt(textEnd - 1) === TAB) textEnd--;
    const stop = src.charCodeAt(end);
    if (stop === NL || stop === CR || stop === HASH) {
      // The scalar may continue on the next line; only a following indicator proves it ended.
      this.pos = end;
      this.flowSpace();
      const d = src.charCodeAt(this.pos);
      if (!(d === COMMA || d === 93 || d === 125)) this.bail(start);
    } else {
      this.pos = textEnd;
    }
    const text = src.slice(start, textEnd);
    if (asKey && mayBeNull(c) && NULL_TEXT.test(text)) this.bail(start);
    const value = asKey ? plainKey(text) : resolvePlain(text);
    return { kind: "scalar", value, range: this.lines.range(start, textEnd) };
  }
}

const NULL_TEXT = /^(?:~|[Nn]ull|NULL)?$/;
const ONLY_SPACES = /^ *$/;

/**
 * The value of a folded block scalar from its lines (without the content indent; undefined for a
 * blank line), up to the last line holding text. A line break between two lines of text becomes
 * a space; blank lines become line breaks; lines indented further than the first ("more-indented",
 * such as the body of a script or query) keep the line breaks around them. This follows YAML 1.2
 * exactly as the `yaml` library applies it.
 */
function fold(texts: (string | undefined)[], lastContent: number): string {
  let value = "";
  let k = 0;
  // Blank lines before the first text are line breaks of their own.
  while (texts[k] === undefined) {
    value += "\n";
    k++;
  }
  /** What separates the next text from the value so far. */
  let sep = "";
  let prevMoreIndented = false;
  for (; k <= lastContent; k++) {
    const text = texts[k];
    if (text === undefined) {
      if (sep === "\n") value += "\n";
      else sep = "\n";
    } else if (text.charCodeAt(0) === SPACE) {
      if (sep === " ") sep = "\n";
      else if (!prevMoreIndented && sep === "\n") sep = "\n\n";
      value += sep + text;
      sep = "\n";
      prevMoreIndented = true;
    } else {
      value += sep + text;
      sep = " ";
      prevMoreIndented = false;
    }
  }
  return value;
}

/** Whether text starting with `c` could read as null (`~`, `null`, ...): the regex is skipped for the rest. */
function mayBeNull(c: number): boolean {
  return c === 126 || c === 110 || c === 78 || Number.isNaN(c);
}

/*
 * Sticky scanners, used through `test` and `lastIndex` so that no match object is made. Native
 * scans cost far less than a loop over characters while the code still runs in the interpreter,
 * which is most of a short-lived process.
 */
/** A run of spaces. */
const SPACES = / */y;
/** A run of text holding no colon, `#` or line break: where a key or plain scalar may end. */
const LINE_RUN = /[^:#\n\r]*/y;
/** The same inside a flow collection, which flow indicators also end. */
const FLOW_RUN = /[^:#\n\r,[\]{}]*/y;
const LONE_CR = /\r(?!\n)/;

/** How many line breaks `src` holds from `start` to `end`. */
function lineBreaks(src: string, start: number, end: number): number {
  let count = 0;
  for (let i = src.indexOf("\n", start); i !== -1 && i < end; i = src.indexOf("\n", i + 1)) count++;
  return count;
}
/** From a position to the end: spaces, comments and line ends only (after a `...` marker). */
const ONLY_COMMENTS = /(?:[ ]*(?:#[^\n]*)?\r?\n)*[ ]*(?:#[^\n]*)?$/y;
/** The name of a tag: up to a space, line break, tab or flow indicator. */
const TAG_RUN = /[^ \n\r\t,[\]{}]*/y;
/** A single-line quoted scalar, from its opening to its closing quote. */
const DOUBLE_QUOTED = /"[^"\\\n\r]*(?:\\[^\n\r][^"\\\n\r]*)*"/y;
// Not followed by a quote: `'it''s` at a line's end is the start of a scalar that goes on, not `'it'`.
const SINGLE_QUOTED = /'[^'\n\r]*(?:''[^'\n\r]*)*'(?!')/y;
/** A quoted scalar's text on one line, up to its closing quote or the line's end. */
/** The length of the line break at `pos`: 1 for "\n", 2 for "\r\n", 0 for anything else. */
function lineBreakLength(src: string, pos: number): number {
  const c = src.charCodeAt(pos);
  return c === NL ? 1 : c === CR && src.charCodeAt(pos + 1) === NL ? 2 : 0;
}

const DOUBLE_QUOTED_RUN = /[^"\\\n\r]*(?:\\[^\n\r][^"\\\n\r]*)*/y;
const SINGLE_QUOTED_RUN = /[^'\n\r]*(?:''[^'\n\r]*)*/y;

/** The offset after the spaces at `pos`; one space (as after most colons) is checked inline. */
function spacesEnd(src: string, pos: number): number {
  if (src.charCodeAt(pos) !== SPACE) return pos;
  if (src.charCodeAt(pos + 1) !== SPACE) return pos + 1;
  SPACES.lastIndex = pos + 2;
  SPACES.test(src);
  return SPACES.lastIndex;
}

/** The offset of the first colon, `#`, line break or the end of the source from `pos` on. */
function lineRunEnd(src: string, pos: number): number {
  LINE_RUN.lastIndex = pos;
  LINE_RUN.test(src);
  return LINE_RUN.lastIndex;
}

const DQ_ESCAPES: Record<string, string> = {
  "0": "\0",
  a: "\x07",
  b: "\b",
  t: "\t",
  "\t": "\t",
  n: "\n",
  v: "\v",
  f: "\f",
  r: "\r",
  e: "\x1b",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
  N: "\u0085",
  _: "\u00a0",
  L: "\u2028",
  P: "\u2029",
};

/**
 * YAML 1.1's floating-point forms, as PyYAML (cfn-lint, SAM) and CloudFormation read them: a dot is
 * required and an exponent has a sign (`1e3` and `1.0e3` are text, `1.0e+3` is 1000), `_` may sit
 * between digits (`1_000.5`), base 60 takes a fraction (`1:30.5` is 90.5), `.5` has no sign (`-.5`
 * is text), and `.inf`, `-.inf` and `.nan` in their three spellings.
 */
const YAML_11_FLOAT =
  /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** The value YAML 1.1 gives a plain scalar of one of its floating-point forms, or undefined. */
export function yaml11FloatValue(text: string): number | undefined {
  if (!YAML_11_FLOAT.test(text)) return undefined;
  const plain = text.replaceAll("_", "").toLowerCase();
  const sign = plain[0] === "-" ? -1 : 1;
  const digits = plain[0] === "-" || plain[0] === "+" ? plain.slice(1) : plain;
  if (digits === ".inf") return sign * Number.POSITIVE_INFINITY;
  if (digits === ".nan") return Number.NaN;
  if (!digits.includes(":")) return sign * Number.parseFloat(digits);
  let value = 0;
  for (const part of digits.split(":")) value = value * 60 + Number.parseFloat(part);
  return sign * value;
}

/**
 * YAML 1.1's integer forms, as PyYAML (cfn-lint, SAM) and CloudFormation read them: decimal, binary
 * (`0b101`), octal (`0755`, a leading zero), hexadecimal and base 60 (`1:30`), each with a sign and
 * `_` between digits; and last, a leading zero before a digit that is not octal (`089`), which
 * YAML 1.1 reads as text. `0o17` is none of them: YAML 1.1 reads it as text too.
 */
const YAML_11_INTEGER =
  /^([-+]?)(?:(0|[1-9][0-9_]*)|0b([01_]+)|0([0-7_]+)|0x([0-9a-fA-F_]+)|([1-9][0-9_]*(?::[0-5]?[0-9])+)|(0[0-9_]+))$/;

/** The most common integer form, read without the captures of YAML_11_INTEGER. */
const PLAIN_DECIMAL = /^[-+]?(?:0|[1-9][0-9]*)$/;

/**
 * The value YAML 1.1 gives a plain scalar of one of its integer forms (yaml11Integer), or undefined
 * when the text is none of them.
 */
export function yaml11IntegerValue(text: string): number | string | undefined {
  // + 0: YAML 1.1 reads -0 as the integer 0, which has no sign.
  return PLAIN_DECIMAL.test(text) ? Number.parseInt(text, 10) + 0 : yaml11Integer(text)?.value;
}

/** The YAML 1.1 integer forms yaml11Integer tells apart (W3940 names the ones YAML 1.2 reads otherwise). */
export type Yaml11IntegerForm = "decimal" | "binary" | "octal" | "hexadecimal" | "base 60" | "leading zero";

/**
 * A plain scalar's YAML 1.1 integer form and the value YAML 1.1 gives it (a number, or for a leading
 * zero before a non-octal digit the text itself); undefined when the text is no integer form.
 */
export function yaml11Integer(text: string): { form: Yaml11IntegerForm; value: number | string } | undefined {
  const m = YAML_11_INTEGER.exec(text);
  if (!m) return undefined;
  // The integer with its sign; + 0 makes -0 the integer 0, as YAML 1.1 reads it.
  const signed = (value: number) => (m[1] === "-" ? -value : value) + 0;
  const digits = (group: string) => group.replaceAll("_", "");
  if (m[2] !== undefined) return { form: "decimal", value: signed(Number.parseInt(digits(m[2]), 10)) };
  if (m[3] !== undefined) return { form: "binary", value: signed(Number.parseInt(digits(m[3]), 2)) };
  if (m[4] !== undefined) return { form: "octal", value: signed(Number.parseInt(digits(m[4]), 8)) };
  if (m[5] !== undefined) return { form: "hexadecimal", value: signed(Number.parseInt(digits(m[5]), 16)) };
  if (m[6] !== undefined) {
    let value = 0;
    for (const part of digits(m[6]).split(":")) value = value * 60 + Number.parseInt(part, 10);
    return { form: "base 60", value: signed(value) };
  }
  return { form: "leading zero", value: text };
}

/**
 * The plain words YAML 1.1 reads as booleans beyond true and false. CloudFormation reads YAML 1.1
 * (an unquoted `yes` tag value becomes "true", `Enabled: On` is true), as PyYAML does for cfn-lint
 * and SAM; YAML 1.2 reads them as text. The single letters y and n stay text in all three.
 */
export const YAML_11_BOOLEANS: ReadonlyMap<string, boolean> = new Map([
  ...["yes", "Yes", "YES", "on", "On", "ON"].map((word) => [word, true] as const),
  ...["no", "No", "NO", "off", "Off", "OFF"].map((word) => [word, false] as const),
]);

/**
 * A plain mapping key's text. A key that reads as a boolean (`true`, `Yes`, `off`) is the text
 * "true" or "false", and one of YAML 1.1's integer forms the number's decimal text (`010` is "8",
 * `1_000` "1000"), as CloudFormation makes of them (a boolean or number key written out as JSON), so
 * that `Condition: Yes` finds the condition named `Yes:`; any other key is its text as written (`80`,
 * `1.0`, `089`).
 */
export function plainKey(text: string): string {
  // Most keys are names: only a first letter of a boolean word (t, f, y, n, o) or of a number can make one.
  const c = text.charCodeAt(0) | 32;
  switch (c) {
    case 116: // t
    case 102: // f
    case 121: // y
    case 110: // n
    case 111: {
      // o
      const word = resolvePlain(text);
      return typeof word === "boolean" ? String(word) : text;
    }
    default: {
      // A digit or a sign (`| 32` leaves them as they are).
      if (!((c >= 48 && c <= 57) || c === 43 || c === 45)) return text;
      const integer = yaml11IntegerValue(text);
      return typeof integer === "number" ? String(integer) : text;
    }
  }
}

/**
 * The YAML 1.2 core schema's null, with YAML 1.1's boolean words (YAML_11_BOOLEANS), integer forms
 * (yaml11Integer) and floating-point forms (yaml11FloatValue): CloudFormation reads YAML 1.1.
 */
export function resolvePlain(text: string): ScalarValue {
  const c = text.charCodeAt(0);
  // Most plain scalars in a template are names and words: the first character rules out all
  // but one of the forms below, or all of them, so few texts meet more than one regex.
  switch (c) {
    case 126: // ~
      return NULL_TEXT.test(text) ? null : text;
    case 110: // n
    case 78: // N
      return NULL_TEXT.test(text) ? null : (YAML_11_BOOLEANS.get(text) ?? text);
    case 116: // t
    case 84: // T
      return /^(?:[Tt]rue|TRUE)$/.test(text) ? true : text;
    case 102: // f
    case 70: // F
      return /^(?:[Ff]alse|FALSE)$/.test(text) ? false : text;
    case 121: // y
    case 89: // Y
    case 111: // o
    case 79: // O
      return YAML_11_BOOLEANS.get(text) ?? text;
  }
  // Dates, addresses and versions start with a digit too: the integer forms, then one test, rule
  // out every number form.
  if (!(c <= 57)) return text;
  const integer = yaml11IntegerValue(text);
  if (integer !== undefined) return integer;
  return yaml11FloatValue(text) ?? text;
}

/**
 * Characters that start a plain scalar's continuation line plainly: any but the indicators, on
 * which the readers may differ (the library decides those lines).
 */
function startsText(c: number): boolean {
  switch (c) {
    case DASH:
    case 63: // ?
    case COLON:
      return false;
    default:
      return !startsNonPlain(c, SPACE);
  }
}

/** Characters that cannot start a plain scalar (or start one only before a non-space). */
function startsNonPlain(c: number, next: number): boolean {
  switch (c) {
    case 44: // ,
    case 91: // [
    case 93: // ]
    case 123: // {
    case 125: // }
    case HASH:
    case 38: // &
    case 42: // *
    case 33: // !
    case 124: // |
    case 62: // >
    case 39: // '
    case 34: // "
    case 37: // %
    case 64: // @
    case 96: // `
      return true;
    // `-` starts a plain scalar before anything but a space or line break, a flow indicator too:
    // PyYAML and SnakeYAML read `!Split [-, ...]` as the string "-", as CloudFormation does.
    case DASH:
      return isBreakOrSpace(next);
    case 63: // ?
    case COLON:
      return (
        isBreakOrSpace(next) || next === COMMA || next === 91 || next === 93 || next === 123 || next === 125
      );
    default:
      return c === SPACE || c === TAB || c === NL || c === CR || Number.isNaN(c);
  }
}

function isBreakOrSpace(c: number): boolean {
  return c === SPACE || c === NL || c === CR || c === TAB || Number.isNaN(c);
}

function isSpaceOrBreak(c: number): boolean {
  return c === SPACE || c === NL || c === CR || c === TAB;
}
