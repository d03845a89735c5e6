import { addEntry, type KeySet, type LineIndex, parseFinding } from "./lines";
import type { Finding, MapEntry, MapNode, Node, SeqNode, TemplateRead } from "./model";
import { exact } from "./nodes";

/**
 * A strict JSON parser that keeps the source range of every key and value; going through the YAML
 * library would be far slower. CloudFormation reads a template that is not valid JSON as YAML, so
 * what YAML's flow collections take exactly as meant, a trailing comma and a single-quoted string
 * (on one line), is read on, and the first is given back as `jsonAsYaml` (W3942); any other
 * departure from JSON (a comment, a key without quotes) is an E0000 finding at its place, and the
 * caller then reads the text as YAML (parse-core.ts).
 */

class JsonSyntaxError {
  constructor(
    readonly message: string,
    readonly start: number,
    readonly end: number,
  ) {}
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/**
 * Sticky scanners, used through `test` and `lastIndex` so that no match object is made: a run of
 * JSON whitespace, and the part of a string before any quote, backslash or control character.
 */
const SPACE_RUN = /[ \t\n\r]*/y;
// biome-ignore lint/suspicious/noControlCharactersInRegex: JSON strings must not hold raw control characters, so the scan stops at them.
const STRING_RUN = /[^"\\\x00-\x1f]*/y;

export function parseJson(source: string, file: string, lines: LineIndex): TemplateRead {
  const findings: Finding[] = [];
  const parser = new JsonParser(source, file, lines, findings);
  try {
    const root = parser.document();
    const yamlOnly = parser.yamlOnly;
    return yamlOnly
      ? {
          root,
          findings,
          jsonAsYaml: { message: yamlOnly.message, range: lines.range(yamlOnly.start, yamlOnly.end) },
        }
      : { root, findings };
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    findings.push(parseFinding(file, error.message, lines.range(error.start, error.end)));
    return { root: undefined, findings };
  }
}

class JsonParser {
  private pos = 0;
  /** The first thing read that only YAML takes (a trailing comma, a single-quoted string). */
  yamlOnly: JsonSyntaxError | undefined;

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

  /** Notes the first departure from JSON that YAML reads as meant, and reads on. */
  private yamlReads(message: string, start: number, end = start + 1): void {
    this.yamlOnly ??= new JsonSyntaxError(message, start, Math.min(end, this.src.length));
  }

  /**
   * Steps over whitespace. Most runs are a single space (after a colon) or a line break and its
   * indentation: the first is checked inline, the second left to a native regex scan rather than
   * a loop over characters (which costs dearly before the JIT warms up).
   */
  private skipSpace(): void {
    const src = this.src;
    let pos = this.pos;
    let c = src.charCodeAt(pos);
    if (c === 32 || c === 10 || c === 13 || c === 9) {
      c = src.charCodeAt(++pos);
      if (c === 32 || c === 10 || c === 13 || c === 9) {
        SPACE_RUN.lastIndex = pos;
        SPACE_RUN.test(src);
        pos = SPACE_RUN.lastIndex;
        c = src.charCodeAt(pos);
      }
      this.pos = pos;
    }
    if (c === 47 /* / */) this.rejectComment(pos);
  }

  /** A `/` where a value or separator may stand: a comment is an error, anything else is left for the caller. */
  private rejectComment(pos: number): void {
    const src = this.src;
    const next = src.charCodeAt(pos + 1);
    if (next === 47 || next === 42) {
      const close = next === 47 ? src.indexOf("\n", pos) : src.indexOf("*/", pos + 2) + 2;
      this.fail("Comments are not allowed in JSON", pos, close > pos ? close : src.length);
    }
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
    if (c === 39 /* ' */) {
      const value = this.singleQuoted();
      return { kind: "scalar", value, range: this.lines.range(start, this.pos) };
    }
    if (c === 45 || (c >= 48 && c <= 57)) {
      NUMBER.lastIndex = start;
      if (!NUMBER.test(src)) this.fail("Invalid number", start);
      const end = NUMBER.lastIndex;
      this.pos = end;
      return { kind: "scalar", value: Number(src.slice(start, end)), range: this.lines.range(start, end) };
    }
    if (c === 116 /* t */ && src.startsWith("true", start)) return this.literal(start, 4, true);
    if (c === 102 /* f */ && src.startsWith("false", start)) return this.literal(start, 5, false);
    if (c === 110 /* n */ && src.startsWith("null", start)) return this.literal(start, 4, null);
    if (start >= src.length) this.fail("Unexpected end of JSON input", src.length, src.length);
    this.fail(`Unexpected character ${JSON.stringify(src[start])} in JSON`, start);
  }

  private literal(start: number, length: number, value: boolean | null): Node {
    this.pos = start + length;
    return { kind: "scalar", value, range: this.lines.range(start, start + length) };
  }

  private object(): MapNode {
    const src = this.src;
    const start = this.pos;
    this.pos++;
    const entries: MapEntry[] = [];
    let seen: KeySet | undefined;
    this.skipSpace();
    if (src.charCodeAt(this.pos) === 125 /* } */) {
      this.pos++;
      return { kind: "map", entries: exact(entries), range: this.lines.range(start, this.pos) };
    }
    for (;;) {
      const keyStart = this.pos;
      const c = src.charCodeAt(keyStart);
      if (c !== 34 && c !== 39) {
        if (keyStart >= src.length) this.fail("Unclosed object: expected '}'", start);
        this.fail("Property names must be double-quoted strings in JSON", keyStart);
      }
      const key = c === 34 ? this.string() : this.singleQuoted();
      const keyRange = this.lines.range(keyStart, this.pos);
      this.skipSpace();
      if (src.charCodeAt(this.pos) !== 58 /* : */) {
        this.fail(`Expected ':' after property name "${key}"`, this.pos);
      }
      this.pos++;
      this.skipSpace();
      const value = this.value();
      seen = addEntry(entries, seen, key, keyRange, value, this.file, this.findings);
      if (this.closeOrComma(125 /* } */, start)) {
        return { kind: "map", entries: exact(entries), range: this.lines.range(start, this.pos) };
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
      return { kind: "seq", items: exact(items), range: this.lines.range(start, this.pos) };
    }
    for (;;) {
      if (this.pos >= src.length) this.fail("Unclosed array: expected ']'", start);
      items.push(this.value());
      if (this.closeOrComma(93 /* ] */, start)) {
        return { kind: "seq", items: exact(items), range: this.lines.range(start, this.pos) };
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
    if (src.charCodeAt(this.pos) === close) {
      this.yamlReads("Trailing comma is not allowed in JSON", comma);
      this.pos++;
      return true;
    }
    return false;
  }

  /**
   * A single-quoted string at `pos`, as YAML reads one (`''` is a quote, a backslash is itself);
   * leaves `pos` after the closing quote. One that runs over a line, which YAML would fold, is
   * refused as JSON refuses every single-quoted string.
   */
  private singleQuoted(): string {
    const src = this.src;
    const start = this.pos;
    let out = "";
    let pos = start + 1;
    for (;;) {
      const quote = src.indexOf("'", pos);
      const newline = src.indexOf("\n", pos);
      if (quote < 0 || (newline >= 0 && newline < quote))
        this.fail("Strings must use double quotes in JSON", start);
      out += src.slice(pos, quote);
      if (src.charCodeAt(quote + 1) === 39) {
        out += "'";
        pos = quote + 2;
        continue;
      }
      this.pos = quote + 1;
      this.yamlReads("Strings must use double quotes in JSON", start, this.pos);
      return out;
    }
  }

  /**
   * Reads a string whose opening quote is at `pos`; leaves `pos` after the closing quote. Nearly
   * every string in a template holds no escape: one native scan finds its end, and the value is
   * a slice of the source.
   */
  private string(): string {
    const src = this.src;
    const start = this.pos;
    STRING_RUN.lastIndex = start + 1;
    STRING_RUN.test(src);
    const end = STRING_RUN.lastIndex;
    if (src.charCodeAt(end) === 34) {
      this.pos = end + 1;
      return src.slice(start + 1, end);
    }
    return this.escapedString(start, end);
  }

  /**
   * The rest of a string that `string` found no plain end for: `from` is the first escape, control
   * character, or the end of the source.
   */
  private escapedString(start: number, from: number): string {
    const src = this.src;
    let pos = from;
    let out = src.slice(start + 1, from);
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
