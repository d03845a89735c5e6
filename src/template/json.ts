import { KeySet, type LineIndex, parseFinding } from "./lines";
import type { Finding, MapEntry, MapNode, Node, SeqNode } from "./model";

/**
 * A strict JSON parser that keeps the source range of every key and value. CloudFormation
 * rejects JSON5-isms (comments, trailing commas, single quotes), so each gets a precise finding;
 * going through the YAML library would silently accept them as flow YAML, and is far slower.
 */

class JsonSyntaxError {
  constructor(
    readonly message: string,
    readonly start: number,
    readonly end: number,
  ) {}
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

export function parseJson(
  source: string,
  file: string,
  lines: LineIndex,
): { root: Node | undefined; findings: Finding[] } {
  const findings: Finding[] = [];
  const parser = new JsonParser(source, file, lines, findings);
  try {
    const root = parser.document();
    return { root, findings };
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    findings.push(parseFinding(file, error.message, lines.range(error.start, error.end)));
    return { root: undefined, findings };
  }
}

class JsonParser {
  private pos = 0;

  constructor(
    private readonly src: string,
    private readonly file: string,
    private readonly lines: LineIndex,
    private readonly findings: Finding[],
  ) {
    if (src.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  document(): Node {
    this.skipSpace();
    const root = this.value();
    this.skipSpace();
    if (this.pos < this.src.length) {
      this.fail("Unexpected content after the end of the JSON document", this.pos);
    }
    return root;
  }

  private fail(message: string, start: number, end = start + 1): never {
    throw new JsonSyntaxError(message, start, Math.min(end, this.src.length));
  }

  private skipSpace(): void {
    const src = this.src;
    let pos = this.pos;
    for (;;) {
      const c = src.charCodeAt(pos);
      if (c === 32 || c === 10 || c === 13 || c === 9) {
        pos++;
      } else if (c === 47 /* / */) {
        const next = src.charCodeAt(pos + 1);
        if (next === 47 || next === 42) {
          const close = next === 47 ? src.indexOf("\n", pos) : src.indexOf("*/", pos + 2) + 2;
          this.fail("Comments are not allowed in JSON", pos, close > pos ? close : src.length);
        }
        break;
      } else {
        break;
      }
    }
    this.pos = pos;
  }

  private value(): Node {
    const src = this.src;
    const start = this.pos;
    const c = src.charCodeAt(start);
    if (c === 123 /* { */) return this.object();
    if (c === 91 /* [ */) return this.array();
    if (c === 34 /* " */) {
      const value = this.string();
      return { kind: "scalar", value, range: this.lines.range(start, this.pos) };
    }
    if (c === 39 /* ' */) this.fail("Strings must use double quotes in JSON", start);
    if (c === 45 || (c >= 48 && c <= 57)) {
      NUMBER.lastIndex = start;
      const m = NUMBER.exec(src);
      if (!m) this.fail("Invalid number", start);
      this.pos = start + m[0].length;
      return { kind: "scalar", value: Number(m[0]), range: this.lines.range(start, this.pos) };
    }
    for (const [word, value] of LITERALS) {
      if (src.startsWith(word, start)) {
        this.pos = start + word.length;
        return { kind: "scalar", value, range: this.lines.range(start, this.pos) };
      }
    }
    if (start >= src.length) this.fail("Unexpected end of JSON input", src.length, src.length);
    this.fail(`Unexpected character ${JSON.stringify(src[start])} in JSON`, start);
  }

  private object(): MapNode {
    const src = this.src;
    const start = this.pos;
    this.pos++;
    const entries: MapEntry[] = [];
    const seen = new KeySet(entries);
    this.skipSpace();
    if (src.charCodeAt(this.pos) === 125 /* } */) {
      this.pos++;
      return { kind: "map", entries, range: this.lines.range(start, this.pos) };
    }
    for (;;) {
      const keyStart = this.pos;
      const c = src.charCodeAt(keyStart);
      if (c !== 34) {
        if (c === 39) this.fail("Strings must use double quotes in JSON", keyStart);
        if (keyStart >= src.length) this.fail("Unclosed object: expected '}'", start);
        this.fail("Property names must be double-quoted strings in JSON", keyStart);
      }
      const key = this.string();
      const keyRange = this.lines.range(keyStart, this.pos);
      this.skipSpace();
      if (src.charCodeAt(this.pos) !== 58 /* : */) {
        this.fail(`Expected ':' after property name "${key}"`, this.pos);
      }
      this.pos++;
      this.skipSpace();
      const value = this.value();
      const first = seen.find(key);
      if (first === undefined) {
        seen.add({ key, keyRange, value });
      } else {
        seen.duplicate(first, keyRange, this.file, this.findings);
      }
      if (this.closeOrComma(125 /* } */, start)) {
        return { kind: "map", entries, range: this.lines.range(start, this.pos) };
      }
    }
  }

  private array(): SeqNode {
    const src = this.src;
    const start = this.pos;
    this.pos++;
    const items: Node[] = [];
    this.skipSpace();
    if (src.charCodeAt(this.pos) === 93 /* ] */) {
      this.pos++;
      return { kind: "seq", items, range: this.lines.range(start, this.pos) };
    }
    for (;;) {
      if (this.pos >= src.length) this.fail("Unclosed array: expected ']'", start);
      items.push(this.value());
      if (this.closeOrComma(93 /* ] */, start)) {
        return { kind: "seq", items, range: this.lines.range(start, this.pos) };
      }
    }
  }

  /**
   * After an object member or an array item: steps over the closing bracket and returns true, or
   * over the comma and returns false. `open` is where the object or array began.
   */
  private closeOrComma(close: 93 | 125, open: number): boolean {
    const src = this.src;
    this.skipSpace();
    const sep = src.charCodeAt(this.pos);
    if (sep === close) {
      this.pos++;
      return true;
    }
    if (sep !== 44 /* , */) {
      const [what, bracket] = close === 125 ? ["object", "}"] : ["array", "]"];
      if (this.pos >= src.length) this.fail(`Unclosed ${what}: expected '${bracket}'`, open);
      this.fail(`Expected ',' or '${bracket}' in ${what}`, this.pos);
    }
    const comma = this.pos;
    this.pos++;
    this.skipSpace();
    if (src.charCodeAt(this.pos) === close) this.fail("Trailing comma is not allowed in JSON", comma);
    return false;
  }

  /** Reads a string whose opening quote is at `pos`; leaves `pos` after the closing quote. */
  private string(): string {
    const src = this.src;
    const start = this.pos;
    let pos = start + 1;
    let out = "";
    let chunk = pos;
    for (;;) {
      const c = src.charCodeAt(pos);
      if (c === 34) {
        out += src.slice(chunk, pos);
        this.pos = pos + 1;
        return out;
      }
      if (c === 92 /* \ */) {
        out += src.slice(chunk, pos);
        const e = src[pos + 1];
        if (e === "u") {
          const hex = src.slice(pos + 2, pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail("Invalid \\u escape in string", pos, pos + 6);
          out += String.fromCharCode(Number.parseInt(hex, 16));
          pos += 6;
        } else {
          const decoded = ESCAPES[e];
          if (decoded === undefined) this.fail("Invalid escape in string", pos, pos + 2);
          out += decoded;
          pos += 2;
        }
        chunk = pos;
      } else if (Number.isNaN(c) || c === 10) {
        this.fail("Unclosed string: expected '\"'", start, pos);
      } else if (c < 32) {
        this.fail("Control characters must be escaped in JSON strings", pos);
      } else {
        pos++;
      }
    }
  }
}

const LITERALS: [string, boolean | null][] = [
  ["true", true],
  ["false", false],
  ["null", null],
];

const ESCAPES: Record<string, string> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};
