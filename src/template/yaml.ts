import {
  type Alias,
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  Scalar,
  type ScalarTag,
  YAMLMap,
  YAMLSeq,
  type Node as YamlNode,
} from "yaml";
import { endOffset, KeySet, type LineIndex, parseFinding } from "./lines";
import type {
  Finding,
  MapEntry,
  MapNode,
  Node,
  Range,
  ScalarNode,
  SeqNode,
  TemplateRead,
  YamlReuse,
} from "./model";
import { applyShortForm, SHORT_FORM_TAGS, type TagContext } from "./short-forms";
import { plainKey, YAML_11_BOOLEANS, yaml11FloatValue, yaml11IntegerValue } from "./yaml-fast";

/**
 * Declaring the short forms keeps the library from warning about each one (thousands in a big
 * template); a tagged scalar stays a string, as CloudFormation reads `!Ref 123` as "123".
 */
const CUSTOM_TAGS = [
  ...SHORT_FORM_TAGS.flatMap((tag) => [
    { tag, resolve: (text: string) => text } satisfies ScalarTag,
    { tag, collection: "map" as const, nodeClass: YAMLMap },
    { tag, collection: "seq" as const, nodeClass: YAMLSeq },
  ]),
  // YAML 1.1's boolean words, as CloudFormation reads them (and the fast reader: YAML_11_BOOLEANS).
  {
    tag: "tag:yaml.org,2002:bool",
    default: true,
    test: new RegExp(`^(?:${[...YAML_11_BOOLEANS.keys()].join("|")})$`),
    resolve: (text: string) => YAML_11_BOOLEANS.get(text) ?? text,
  } satisfies ScalarTag,
];

/**
 * YAML 1.1's integer forms (yaml-fast.ts's yaml11Integer: `0755` is octal, `1:30` base 60, `089`
 * text), ahead of the core schema's tags, which would read `0755` as 755 and `0o17` as 15 (text in
 * YAML 1.1: the test takes it, and what yaml11Integer does not read stays text).
 */
const YAML_11_INTEGER_TAG = {
  tag: "tag:yaml.org,2002:int",
  default: true,
  test: /^[-+]?(?:[0-9][0-9_:]*|0[box][0-9a-fA-F_]+)$/,
  resolve: (text: string) => yaml11IntegerValue(text) ?? text,
} satisfies ScalarTag;

/**
 * YAML 1.1's floating-point forms (yaml-fast.ts's yaml11FloatValue), in place of the core schema's,
 * which read `1e3` as 1000 (text in YAML 1.1) and `1_000.5` as text (1000.5 in YAML 1.1).
 */
const YAML_11_FLOAT_TAG = {
  tag: "tag:yaml.org,2002:float",
  default: true,
  test: /^[-+]?(?:[0-9][0-9_:]*\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|\.(?:inf|Inf|INF|nan|NaN|NAN))$/,
  resolve: (text: string) => yaml11FloatValue(text) ?? text,
} satisfies ScalarTag;

const CORE_TAG_PREFIX = "tag:yaml.org,2002:";

/** The exact reader, for everything the fast one leaves aside, and the one that explains errors. */
export function parseYamlWithLibrary(source: string, file: string, lines: LineIndex): TemplateRead {
  const findings: Finding[] = [];
  const doc = parseDocument(source, {
    customTags: (core) => [
      YAML_11_INTEGER_TAG,
      YAML_11_FLOAT_TAG,
      ...core.filter((tag) => typeof tag === "string" || tag.tag !== YAML_11_FLOAT_TAG.tag),
      ...CUSTOM_TAGS,
    ],
    // Duplicates are reported here in cfn-lint's words, keeping the last value (KeySet.duplicate).
    uniqueKeys: false,
    merge: false,
    prettyErrors: false,
    schema: "core",
    strict: true,
  });
  let errors = 0;
  for (const problem of [...doc.errors, ...doc.warnings]) {
    if (problem.code === "TAG_RESOLVE_FAILED") continue;
    if (problem.name === "YAMLParseError") {
      // The first error is the mistake: once the parser has lost its place, what it reports after
      // it is its guess at the rest (each token after it unexpected, dozens of findings for one
      // mistake; a second wording of the same one at the same place; the lines after an indented
      // list read as keys). PyYAML, and so cfn-lint and CloudFormation, stop at the first.
      if (errors > 0) continue;
      errors++;
    }
    const [start, end] = problem.pos;
    findings.push(parseFinding(file, firstLine(problem.message), lines.range(start, Math.max(end, start))));
  }
  // A tree recovered after a syntax error is the parser's guess: rules run on it would report the
  // guess (a quote left open swallows the lines after it into one value). As for JSON, and as
  // cfn-lint does, a syntax error alone is reported; the rules run once it is fixed.
  const contents = doc.contents as YamlNode | null;
  if (!contents || errors > 0) return { root: undefined, findings };
  const converter = new Converter(doc, source, file, lines, findings);
  const root = converter.node(contents);
  if (converter.syntaxErrors > 0) return { root: undefined, findings };
  return converter.reuse.length > 0 ? { root, findings, yamlReuse: converter.reuse } : { root, findings };
}

function firstLine(message: string): string {
  const nl = message.indexOf("\n");
  return nl === -1 ? message : message.slice(0, nl);
}

class Converter implements TagContext {
  private readonly done = new Map<YamlNode, Node>();
  private readonly active = new Set<YamlNode>();
  /** The aliases and merge keys met, for W1100. */
  readonly reuse: YamlReuse[] = [];
  /** Syntax errors found while converting (tagBeforeIndicator): the tree is then not used. */
  syntaxErrors = 0;

  constructor(
    private readonly doc: Document,
    readonly src: string,
    readonly file: string,
    readonly lines: LineIndex,
    readonly findings: Finding[],
  ) {}

  node(yaml: YamlNode): Node {
    if (isAlias(yaml)) return this.alias(yaml);
    const known = this.done.get(yaml);
    if (known) return known;
    this.active.add(yaml);
    let node = this.untagged(yaml);
    const tag = yaml.tag;
    if (tag && isScalar(yaml)) this.tagBeforeIndicator(yaml, tag);
    if (tag && !tag.startsWith(CORE_TAG_PREFIX)) node = this.tagged(yaml, tag, node);
    this.active.delete(yaml);
    // Anchored nodes are remembered so aliases share one converted node: no exponential
    // blow-up from nested aliases, and cycles are caught through `active`.
    if (yaml.anchor) this.done.set(yaml, node);
    return node;
  }

  /**
   * A tag with no value right before a flow indicator (`[0, !GetAZs]`). YAML 1.2 ends the tag
   * there; YAML 1.1, which CloudFormation reads (as PyYAML and libyaml do for cfn-lint), takes `]`
   * and `,` into the tag's name and wants a space after a tag, so the template does not parse.
   */
  private tagBeforeIndicator(yaml: Scalar, tag: string): void {
    const [start] = yaml.range ?? [0, 0];
    const next = this.src.charCodeAt(start);
    if (yaml.source !== "" || (next !== 93 && next !== 125 && next !== 44)) return;
    if (isSpace(this.src.charCodeAt(start - 1))) return;
    this.syntaxErrors++;
    this.findings.push(
      parseFinding(
        this.file,
        `${tag} is followed by '${this.src[start]}' with no space: CloudFormation reads YAML 1.1, where a tag ` +
          "must be followed by a space, so the template does not parse. Put a space after the tag" +
          (tag === "!GetAZs" ? ", or write !GetAZs '' for the Region's zones" : ""),
        this.lines.range(start - tag.length, start + 1),
      ),
    );
  }

  /**
   * A key over several lines in a flow mapping, followed by its colon (`{// note\n  "A": 1}`).
   * YAML 1.2 readers join the lines into one key; YAML 1.1, which CloudFormation reads (PyYAML
   * for cfn-lint too), keeps an implicit key to one line, so the template does not parse. A key
   * after `?` may span lines, and so may an entry with no colon, which is a key alone.
   */
  private keyOverLines(start: number, end: number): void {
    let before = start - 1;
    while (before >= 0 && isSpace(this.src.charCodeAt(before))) before--;
    let after = end;
    while (after < this.src.length && isSpace(this.src.charCodeAt(after))) after++;
    if (this.src[before] === "?" || this.src[after] !== ":") return;
    this.syntaxErrors++;
    this.findings.push(
      parseFinding(
        this.file,
        "A key in a flow mapping runs over several lines (after a line that lacks its comma, or a `//` " +
          "comment, which YAML takes into the key): CloudFormation reads YAML 1.1, where such a key must be " +
          "on one line, so the template does not parse",
        this.lines.range(start, after + 1),
      ),
    );
  }

  private alias(alias: Alias): Node {
    const [start, end] = alias.range ?? [0, 0];
    const range = this.lines.range(start, end);
    this.reuse.push({ kind: "alias", range });
    const target = alias.resolve(this.doc) as YamlNode | undefined;
    if (!target) {
      this.findings.push(parseFinding(this.file, `Unknown anchor: *${alias.source}`, range));
      return { kind: "scalar", value: null, range };
    }
    if (this.active.has(target)) {
      this.findings.push(parseFinding(this.file, `Alias *${alias.source} refers to itself`, range));
      return { kind: "scalar", value: null, range };
    }
    return this.node(target);
  }

  private untagged(yaml: YamlNode): Node {
    if (isScalar(yaml)) return this.scalar(yaml);
    if (isSeq(yaml)) {
      const items = yaml.items.map((item) => this.node(item as YamlNode));
      const seq: SeqNode = { kind: "seq", items, range: this.collectionRange(yaml, items) };
      return seq;
    }
    if (isMap(yaml)) return this.map(yaml);
    const [start, end] = yaml.range ?? [0, 0];
    return { kind: "scalar", value: null, range: this.lines.range(start, end) };
  }

  private scalar(yaml: Scalar): ScalarNode {
    const [start, valueEnd] = yaml.range ?? [0, 0];
    let end = valueEnd;
    if (yaml.type === Scalar.BLOCK_LITERAL || yaml.type === Scalar.BLOCK_FOLDED) {
      // The library's block scalar range runs over the trailing line breaks; an annotation
      // should stop at the last character of text.
      while (end > start && isSpace(this.src.charCodeAt(end - 1))) end--;
    }
    const value = yaml.value;
    const typed =
      value === null || typeof value === "string" || typeof value === "boolean"
        ? value
        : typeof value === "number"
          ? value
          : String(value);
    return { kind: "scalar", value: typed, range: this.lines.range(start, end) };
  }

  private map(yaml: YAMLMap): MapNode {
    const entries: MapEntry[] = [];
    const seen = new KeySet(entries);
    /** The mappings of `<<` keys, in order: their entries come after the mapping's own. */
    const merged: Node[] = [];
    for (const pair of yaml.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as YamlNode | null;
      const value = isEmptyScalar(pair.value)
        ? this.emptyValue(pair.key as YamlNode | null)
        : this.node(pair.value as YamlNode);
      if (!keyNode || !isScalar(keyNode) || keyNode.value === null) {
        const at = keyNode?.range ?? (pair.value as YamlNode | null)?.range ?? [0, 0];
        this.findings.push(
          parseFinding(
            this.file,
            keyNode && !isScalar(keyNode)
              ? "Mapping keys must be plain text, not collections"
              : "Null key is not supported",
            this.lines.range(at[0], at[1]),
          ),
        );
        continue;
      }
      const key = keyText(keyNode);
      const [ks, ke] = keyNode.range ?? [0, 0];
      const keyRange = this.lines.range(ks, ke);
      if (yaml.flow && isMultiline(this.src, ks, ke)) this.keyOverLines(ks, ke);
      if (key === "<<" && keyNode.type === Scalar.PLAIN && !keyNode.tag && isMergeable(value)) {
        // A YAML 1.1 merge key, as the tools that rewrite a template before deploying it read it.
        this.reuse.push({ kind: "merge", range: keyRange });
        merged.push(...(value.kind === "seq" ? value.items : [value]));
        continue;
      }
      const first = seen.find(key);
      if (first !== undefined) seen.duplicate(first, { key, keyRange, value }, this.file, this.findings);
      else seen.add({ key, keyRange, value });
    }
    const range = this.collectionRange(yaml, entries);
    // A key of the mapping itself wins over a merged one, and an earlier merged mapping over a later one.
    for (const source of merged) {
      if (source.kind !== "map") continue;
      for (const entry of source.entries) if (seen.find(entry.key) === undefined) seen.add(entry);
    }
    return { kind: "map", entries, range };
  }

  /** `Key:` with nothing after it is null, positioned just after the colon. */
  private emptyValue(key: YamlNode | null): ScalarNode {
    const end = key?.range?.[1] ?? 0;
    const colon = this.src.indexOf(":", end);
    const at = colon === -1 ? end : colon + 1;
    return { kind: "scalar", value: null, range: this.lines.range(at, at) };
  }

  /**
   * Flow collections end at their closing bracket. Block collections, in the library, run over
   * trailing comments and blank lines; they end where their last key or value ends instead.
   */
  private collectionRange(yaml: YamlNode, children: (Node | MapEntry)[]): Range {
    const [start, end] = yaml.range ?? [0, 0];
    if ((yaml as YAMLMap | YAMLSeq).flow || children.length === 0) {
      return this.lines.range(start, end);
    }
    const last = children[children.length - 1];
    const lastEnd = endOffset("kind" in last ? last.range : last.value.range);
    const keyEnd = "kind" in last ? lastEnd : endOffset(last.keyRange);
    return this.lines.range(start, Math.max(keyEnd, lastEnd));
  }

  private tagged(yaml: YamlNode, tag: string, node: Node): Node {
    const [valueStart] = yaml.range ?? [0, 0];
    const tagStart = this.src.lastIndexOf(tag, valueStart);
    const type = isScalar(yaml) ? yaml.type : undefined;
    const textStart =
      type === Scalar.PLAIN
        ? valueStart
        : type === Scalar.QUOTE_DOUBLE || type === Scalar.QUOTE_SINGLE
          ? valueStart + 1
          : undefined;
    return applyShortForm(this, tag, tagStart === -1 ? valueStart : tagStart, node, textStart);
  }
}

/** A merge key's value: a mapping, or a list of mappings (intrinsic functions are mappings too, and are not merged). */
function isMergeable(value: Node): boolean {
  const plainMap = (node: Node) =>
    node.kind === "map" &&
    !node.tag &&
    !(node.entries.length === 1 && (node.entries[0].key === "Ref" || node.entries[0].key.startsWith("Fn::")));
  return value.kind === "seq" ? value.items.length > 0 && value.items.every(plainMap) : plainMap(value);
}

/**
 * `Key:` with nothing after it. The library sometimes gives no value and sometimes an empty
 * scalar placed after trailing spaces or before a comment; both read as null just after the colon.
 */
function isEmptyScalar(value: unknown): boolean {
  if (!value) return true;
  if (!isScalar(value) || value.value !== null || value.tag || value.anchor) return false;
  const range = value.range;
  return !range || range[0] === range[1];
}

function keyText(key: Scalar): string {
  const value = key.value;
  if (typeof value === "string") return value;
  // A plain key as the fast reader names it (plainKey): a boolean "true" or "false", a YAML 1.1
  // integer form by its number (`010` is "8"), anything else as written (`80`, `1.0`).
  const source = (key as Scalar & { source?: string }).source;
  return typeof source === "string" ? plainKey(source) : String(value);
}

function isMultiline(src: string, start: number, end: number): boolean {
  const lf = src.indexOf("\n", start);
  return lf !== -1 && lf < end;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}
