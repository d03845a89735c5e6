export const id = 100;
export const ids = [100];
export const modules = {

/***/ 9671:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ toPlain),
/* harmony export */   Z: () => (/* binding */ mapGet)
/* harmony export */ });
/** The entry for `key` when `node` is a mapping that has one. */
function mapGet(node, key) {
    if (node?.kind !== "map")
        return undefined;
    for (const entry of node.entries) {
        if (entry.key === key)
            return entry;
    }
    return undefined;
}
/** The plain JavaScript value of a node, as JSON.parse would give it (for diffs and output). */
function toPlain(node) {
    if (node.kind === "scalar")
        return node.value;
    if (node.kind === "seq")
        return node.items.map(toPlain);
    const out = {};
    for (const entry of node.entries) {
        if (entry.key === "__proto__") {
            Object.defineProperty(out, entry.key, {
                value: toPlain(entry.value),
                enumerable: true,
                writable: true,
                configurable: true,
            });
        }
        else {
            out[entry.key] = toPlain(entry.value);
        }
    }
    return out;
}


/***/ }),

/***/ 4675:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  v2: () => (/* binding */ parseTemplateLazily),
  YE: () => (/* binding */ parseTemplateWith)
});

// UNUSED EXPORTS: NeedsYamlLibrary

// EXTERNAL MODULE: ./src/template/lines.ts
var template_lines = __webpack_require__(297);
;// CONCATENATED MODULE: ./src/template/json.ts

/**
 * A strict JSON parser that keeps the source range of every key and value. CloudFormation
 * rejects JSON5-isms (comments, trailing commas, single quotes), so each gets a precise finding;
 * going through the YAML library would silently accept them as flow YAML, and is far slower.
 */
class JsonSyntaxError {
    message;
    start;
    end;
    constructor(message, start, end) {
        this.message = message;
        this.start = start;
        this.end = end;
    }
}
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
function parseJson(source, file, lines) {
    const findings = [];
    const parser = new JsonParser(source, file, lines, findings);
    try {
        const root = parser.document();
        return { root, findings };
    }
    catch (error) {
        if (!(error instanceof JsonSyntaxError))
            throw error;
        findings.push((0,template_lines/* parseFinding */.jZ)(file, error.message, lines.range(error.start, error.end)));
        return { root: undefined, findings };
    }
}
class JsonParser {
    src;
    file;
    lines;
    findings;
    pos = 0;
    constructor(src, file, lines, findings) {
        this.src = src;
        this.file = file;
        this.lines = lines;
        this.findings = findings;
        if (src.charCodeAt(0) === 0xfeff)
            this.pos = 1;
    }
    document() {
        this.skipSpace();
        const root = this.value();
        this.skipSpace();
        if (this.pos < this.src.length) {
            this.fail("Unexpected content after the end of the JSON document", this.pos);
        }
        return root;
    }
    fail(message, start, end = start + 1) {
        throw new JsonSyntaxError(message, start, Math.min(end, this.src.length));
    }
    skipSpace() {
        const src = this.src;
        let pos = this.pos;
        for (;;) {
            const c = src.charCodeAt(pos);
            if (c === 32 || c === 10 || c === 13 || c === 9) {
                pos++;
            }
            else if (c === 47 /* / */) {
                const next = src.charCodeAt(pos + 1);
                if (next === 47 || next === 42) {
                    const close = next === 47 ? src.indexOf("\n", pos) : src.indexOf("*/", pos + 2) + 2;
                    this.fail("Comments are not allowed in JSON", pos, close > pos ? close : src.length);
                }
                break;
            }
            else {
                break;
            }
        }
        this.pos = pos;
    }
    value() {
        const src = this.src;
        const start = this.pos;
        const c = src.charCodeAt(start);
        if (c === 123 /* { */)
            return this.object();
        if (c === 91 /* [ */)
            return this.array();
        if (c === 34 /* " */) {
            const value = this.string();
            return { kind: "scalar", value, range: this.lines.range(start, this.pos) };
        }
        if (c === 39 /* ' */)
            this.fail("Strings must use double quotes in JSON", start);
        if (c === 45 || (c >= 48 && c <= 57)) {
            NUMBER.lastIndex = start;
            const m = NUMBER.exec(src);
            if (!m)
                this.fail("Invalid number", start);
            this.pos = start + m[0].length;
            return { kind: "scalar", value: Number(m[0]), range: this.lines.range(start, this.pos) };
        }
        for (const [word, value] of LITERALS) {
            if (src.startsWith(word, start)) {
                this.pos = start + word.length;
                return { kind: "scalar", value, range: this.lines.range(start, this.pos) };
            }
        }
        if (start >= src.length)
            this.fail("Unexpected end of JSON input", src.length, src.length);
        this.fail(`Unexpected character ${JSON.stringify(src[start])} in JSON`, start);
    }
    object() {
        const src = this.src;
        const start = this.pos;
        this.pos++;
        const entries = [];
        const seen = new template_lines/* KeySet */.wj(entries);
        this.skipSpace();
        if (src.charCodeAt(this.pos) === 125 /* } */) {
            this.pos++;
            return { kind: "map", entries, range: this.lines.range(start, this.pos) };
        }
        for (;;) {
            const keyStart = this.pos;
            const c = src.charCodeAt(keyStart);
            if (c !== 34) {
                if (c === 39)
                    this.fail("Strings must use double quotes in JSON", keyStart);
                if (keyStart >= src.length)
                    this.fail("Unclosed object: expected '}'", start);
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
            }
            else {
                seen.duplicate(first, keyRange, this.file, this.findings);
            }
            if (this.closeOrComma(125 /* } */, start)) {
                return { kind: "map", entries, range: this.lines.range(start, this.pos) };
            }
        }
    }
    array() {
        const src = this.src;
        const start = this.pos;
        this.pos++;
        const items = [];
        this.skipSpace();
        if (src.charCodeAt(this.pos) === 93 /* ] */) {
            this.pos++;
            return { kind: "seq", items, range: this.lines.range(start, this.pos) };
        }
        for (;;) {
            if (this.pos >= src.length)
                this.fail("Unclosed array: expected ']'", start);
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
    closeOrComma(close, open) {
        const src = this.src;
        this.skipSpace();
        const sep = src.charCodeAt(this.pos);
        if (sep === close) {
            this.pos++;
            return true;
        }
        if (sep !== 44 /* , */) {
            const [what, bracket] = close === 125 ? ["object", "}"] : ["array", "]"];
            if (this.pos >= src.length)
                this.fail(`Unclosed ${what}: expected '${bracket}'`, open);
            this.fail(`Expected ',' or '${bracket}' in ${what}`, this.pos);
        }
        const comma = this.pos;
        this.pos++;
        this.skipSpace();
        if (src.charCodeAt(this.pos) === close)
            this.fail("Trailing comma is not allowed in JSON", comma);
        return false;
    }
    /** Reads a string whose opening quote is at `pos`; leaves `pos` after the closing quote. */
    string() {
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
                    if (!/^[0-9a-fA-F]{4}$/.test(hex))
                        this.fail("Invalid \\u escape in string", pos, pos + 6);
                    out += String.fromCharCode(Number.parseInt(hex, 16));
                    pos += 6;
                }
                else {
                    const decoded = ESCAPES[e];
                    if (decoded === undefined)
                        this.fail("Invalid escape in string", pos, pos + 2);
                    out += decoded;
                    pos += 2;
                }
                chunk = pos;
            }
            else if (Number.isNaN(c) || c === 10) {
                this.fail("Unclosed string: expected '\"'", start, pos);
            }
            else if (c < 32) {
                this.fail("Control characters must be escaped in JSON strings", pos);
            }
            else {
                pos++;
            }
        }
    }
}
const LITERALS = [
    ["true", true],
    ["false", false],
    ["null", null],
];
const ESCAPES = {
    '"': '"',
    "\\": "\\",
    "/": "/",
    b: "\b",
    f: "\f",
    n: "\n",
    r: "\r",
    t: "\t",
};

// EXTERNAL MODULE: ./src/template/short-forms.ts
var short_forms = __webpack_require__(4418);
;// CONCATENATED MODULE: ./src/template/yaml-fast.ts


/**
 * A fast reader for the YAML that CloudFormation templates are made of: block mappings and
 * sequences, single-line flow collections and quoted scalars, block scalars, comments and
 * short-form tags. It is much faster than the `yaml` library on large templates (the
 * generated 1 MB row of `npm run bench:validate`). Anything outside that subset (anchors, multi-line plain or quoted
 * scalars, explicit keys, directives, tabs, and every syntax error) throws `Unsupported`, and
 * the caller re-reads the document with the library, which is exact and reports errors well.
 * The corpus test checks both readers agree, node for node and range for range.
 */
class Unsupported {
    at;
    constructor(at) {
        this.at = at;
    }
}
const SPACE = 32;
const NL = 10;
const CR = 13;
const TAB = 9;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const COMMA = 44;
function parseYamlFast(source, file, lines) {
    const reader = new FastYaml(source, file, lines);
    const root = reader.document();
    return { root, findings: reader.findings };
}
class FastYaml {
    src;
    file;
    lines;
    findings = [];
    pos = 0;
    constructor(src, file, lines) {
        this.src = src;
        this.file = file;
        this.lines = lines;
    }
    bail(at = this.pos) {
        throw new Unsupported(at);
    }
    document() {
        const src = this.src;
        if (src.charCodeAt(0) === 0xfeff)
            this.bail(0);
        let indent = this.nextContentLine();
        if (indent < 0)
            return undefined;
        if (src.startsWith("---", this.pos)) {
            const after = src.charCodeAt(this.pos + 3);
            if (!(after === SPACE || after === NL || after === CR || Number.isNaN(after)))
                this.bail();
            this.pos += 3;
            this.expectLineEnd();
            indent = this.nextContentLine();
            if (indent < 0)
                this.bail();
        }
        if (indent !== 0)
            this.bail();
        const start = this.pos;
        let root;
        if (this.isSeqIndicator(start))
            root = this.blockSeq(0, start);
        else if (this.keyEnd(start) >= 0)
            root = this.blockMap(0, start);
        else
            this.bail();
        if (this.nextContentLine() >= 0)
            this.bail();
        return root;
    }
    /**
     * Moves `pos` to the first character of the next line holding content (skipping blank and
     * comment-only lines) and returns its indent, or -1 at the end of the source. `pos` must be at
     * a line start.
     */
    nextContentLine() {
        const src = this.src;
        let pos = this.pos;
        for (;;) {
            const lineStart = pos;
            let c = src.charCodeAt(pos);
            while (c === SPACE)
                c = src.charCodeAt(++pos);
            if (c === TAB)
                this.bail(pos);
            if (c === HASH || c === NL || c === CR) {
                const nl = src.indexOf("\n", pos);
                if (nl === -1) {
                    this.pos = src.length;
                    return -1;
                }
                if (c === CR && src.charCodeAt(pos + 1) !== NL)
                    this.bail(pos);
                pos = nl + 1;
                continue;
            }
            if (Number.isNaN(c)) {
                this.pos = src.length;
                return -1;
            }
            // Document markers and directives at column 1 are the library's business.
            if (pos === lineStart &&
                (c === 37 /* % */ || src.startsWith("---", pos) || src.startsWith("...", pos))) {
                if (lineStart !== 0 || c !== DASH)
                    this.bail(pos);
            }
            this.pos = pos;
            return pos - lineStart;
        }
    }
    /** After a value: only spaces and a comment may remain on the line; moves to the next line. */
    expectLineEnd() {
        const src = this.src;
        let pos = this.pos;
        let c = src.charCodeAt(pos);
        if (c === SPACE || c === TAB) {
            while (c === SPACE || c === TAB)
                c = src.charCodeAt(++pos);
            if (c === HASH) {
                const nl = src.indexOf("\n", pos);
                this.pos = nl === -1 ? src.length : nl + 1;
                return;
            }
        }
        if (c === CR)
            c = src.charCodeAt(++pos);
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
    isSeqIndicator(pos) {
        if (this.src.charCodeAt(pos) !== DASH)
            return false;
        const next = this.src.charCodeAt(pos + 1);
        return next === SPACE || next === NL || next === CR || Number.isNaN(next);
    }
    /**
     * When the text at `pos` is a simple implicit key (`Key:` or `"Key":` followed by a space or
     * the line end), returns the offset of its colon; otherwise -1.
     */
    keyEnd(pos) {
        const src = this.src;
        const c = src.charCodeAt(pos);
        if (c === 34 || c === 39) {
            const close = this.quotedEnd(pos);
            if (close < 0 || src.charCodeAt(close) !== COLON)
                return -1;
            return isBreakOrSpace(src.charCodeAt(close + 1)) ? close : -1;
        }
        if (startsNonPlain(c, src.charCodeAt(pos + 1)))
            return -1;
        let i = pos;
        for (;;) {
            const ch = src.charCodeAt(i);
            if (ch === COLON) {
                if (isBreakOrSpace(src.charCodeAt(i + 1))) {
                    // `Key :` and keys whose text would read as null are rare; the library handles them.
                    if (src.charCodeAt(i - 1) === SPACE || src.charCodeAt(i - 1) === TAB)
                        this.bail(i);
                    return i;
                }
            }
            else if (ch === NL || ch === CR || Number.isNaN(ch)) {
                return -1;
            }
            else if (ch === HASH && (src.charCodeAt(i - 1) === SPACE || src.charCodeAt(i - 1) === TAB)) {
                return -1;
            }
            i++;
        }
    }
    /** Offset just after the closing quote of a single-line quoted scalar, or -1. */
    quotedEnd(pos) {
        const src = this.src;
        const quote = src.charCodeAt(pos);
        let i = pos + 1;
        for (;;) {
            const c = src.charCodeAt(i);
            if (c === NL || c === CR || Number.isNaN(c))
                return -1;
            if (c === quote) {
                if (quote === 39 && src.charCodeAt(i + 1) === 39) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            if (c === 92 && quote === 34)
                i++;
            i++;
        }
    }
    /** A block mapping whose keys sit at column `indent`; the first key starts at `first`. */
    blockMap(indent, first) {
        const src = this.src;
        const entries = [];
        const seen = new template_lines/* KeySet */.wj(entries);
        let keyStart = first;
        for (;;) {
            const colon = this.keyEnd(keyStart);
            if (colon < 0)
                this.bail(keyStart);
            const c = src.charCodeAt(keyStart);
            const quoted = c === 34 || c === 39;
            const keyValue = quoted ? this.quotedValue(keyStart, colon) : src.slice(keyStart, colon);
            if (!quoted && NULL_TEXT.test(keyValue))
                this.bail(keyStart);
            const keyRange = this.lines.range(keyStart, colon);
            this.pos = colon + 1;
            const value = this.valueAfterIndicator(indent, false, colon + 1);
            const firstLine = seen.find(keyValue);
            if (firstLine === undefined) {
                seen.add({ key: keyValue, keyRange, value });
            }
            else {
                seen.duplicate(firstLine, keyRange, this.file, this.findings);
            }
            const next = this.nextContentLine();
            if (next < indent) {
                this.rewindToLineStart();
                break;
            }
            // Each entry must move forward; anything else would be a reader bug, never a hang.
            if (next > indent || this.isSeqIndicator(this.pos) || this.pos <= keyStart)
                this.bail();
            keyStart = this.pos;
        }
        const last = entries.length > 0 ? entries[entries.length - 1] : undefined;
        return { kind: "map", entries, range: this.blockRange(first, last) };
    }
    /** A block sequence whose dashes sit at column `indent`; the first dash is at `first`. */
    blockSeq(indent, first) {
        const items = [];
        let dash = first;
        for (;;) {
            this.pos = dash + 1;
            items.push(this.valueAfterIndicator(indent, true, dash + 1));
            const next = this.nextContentLine();
            if (next < indent || (next === indent && !this.isSeqIndicator(this.pos))) {
                this.rewindToLineStart();
                break;
            }
            if (next > indent || this.pos <= dash)
                this.bail();
            dash = this.pos;
        }
        const last = items[items.length - 1];
        return { kind: "seq", items, range: { start: this.lines.position(first), end: last.range.end } };
    }
    blockRange(start, last) {
        const from = this.lines.position(start);
        if (!last)
            return { start: from, end: from };
        const valueEnd = last.value.range.end;
        const keyEnd = last.keyRange.end;
        const end = keyEnd.line > valueEnd.line || (keyEnd.line === valueEnd.line && keyEnd.column > valueEnd.column)
            ? keyEnd
            : valueEnd;
        return { start: from, end };
    }
    /**
     * The value after a mapping's colon or a sequence's dash; `indent` is the column of that
     * key or dash. Leaves `pos` at the start of the line after the value.
     */
    valueAfterIndicator(indent, inSeq, afterIndicator) {
        const src = this.src;
        let pos = this.pos;
        let c = src.charCodeAt(pos);
        while (c === SPACE)
            c = src.charCodeAt(++pos);
        if (c === TAB)
            this.bail(pos);
        if (c === NL || c === CR || Number.isNaN(c) || (c === HASH && pos > afterIndicator)) {
            this.pos = pos;
            this.skipRestOfLine();
            const next = this.nextContentLine();
            if (next > indent)
                return this.blockNode(next, indent);
            if (!inSeq && next === indent && this.isSeqIndicator(this.pos))
                return this.blockSeq(next, this.pos);
            if (inSeq)
                this.bail(afterIndicator);
            this.rewindToLineStart();
            return { kind: "scalar", value: null, range: this.lines.range(afterIndicator, afterIndicator) };
        }
        this.pos = pos;
        if (inSeq) {
            const column = pos - this.lineStart(pos);
            if (this.isSeqIndicator(pos))
                return this.blockSeq(column, pos);
            if (this.keyEnd(pos) >= 0)
                return this.blockMap(column, pos);
        }
        if (c === 33 /* ! */) {
            const tagStart = pos;
            const tagEnd = this.tagEnd(pos);
            const tag = src.slice(tagStart, tagEnd);
            this.pos = tagEnd;
            let d = src.charCodeAt(this.pos);
            if (d === SPACE) {
                while (d === SPACE)
                    d = src.charCodeAt(++this.pos);
                if (d !== NL && d !== CR && d !== HASH && !Number.isNaN(d)) {
                    const valueStart = this.pos;
                    const node = this.inlineValue(indent);
                    return (0,short_forms/* applyShortForm */.T)(this, tag, tagStart, node, this.textStart(valueStart, node));
                }
            }
            if (d !== NL && d !== CR && d !== HASH && !Number.isNaN(d))
                this.bail(this.pos);
            const emptyAt = this.pos;
            this.skipRestOfLine();
            const next = this.nextContentLine();
            let node;
            if (next > indent) {
                node = this.blockNode(next, indent);
            }
            else if (!inSeq && next === indent && this.isSeqIndicator(this.pos)) {
                node = this.blockSeq(next, this.pos);
            }
            else {
                // `!GetAZs` alone reads as an empty string, placed where its value would have started.
                this.rewindToLineStart();
                node = { kind: "scalar", value: "", range: this.lines.range(emptyAt, emptyAt) };
            }
            return (0,short_forms/* applyShortForm */.T)(this, tag, tagStart, node, undefined);
        }
        return this.inlineValue(indent);
    }
    lineStart(pos) {
        return this.src.lastIndexOf("\n", pos - 1) + 1;
    }
    /** Back to the start of the line `nextContentLine` stopped on; at the end, stays there. */
    rewindToLineStart() {
        if (this.pos >= this.src.length)
            return;
        this.pos = this.lineStart(this.pos);
    }
    /** Moves to the start of the next line (past a comment, when `pos` is on one). */
    skipRestOfLine() {
        const nl = this.src.indexOf("\n", this.pos);
        this.pos = nl === -1 ? this.src.length : nl + 1;
    }
    /**
     * A node that starts a line at column `indent`, under a key or dash at column `owner`: a block
     * collection, or a value written on a line of its own.
     */
    blockNode(indent, owner) {
        const pos = this.pos;
        if (this.isSeqIndicator(pos))
            return this.blockSeq(indent, pos);
        if (this.keyEnd(pos) >= 0)
            return this.blockMap(indent, pos);
        return this.valueAfterIndicator(owner, false, pos);
    }
    tagEnd(pos) {
        const src = this.src;
        // Verbatim `!<...>` and secondary `!!` tags are the library's business.
        const second = src.charCodeAt(pos + 1);
        if (second === 33 || second === 60)
            this.bail(pos);
        let i = pos + 1;
        for (;;) {
            const c = src.charCodeAt(i);
            if (c === SPACE || c === NL || c === CR || Number.isNaN(c))
                break;
            if (c === COMMA || c === 91 || c === 93 || c === 123 || c === 125 || c === TAB)
                this.bail(i);
            i++;
        }
        if (i === pos + 1)
            this.bail(pos);
        return i;
    }
    /**
     * A value written on the rest of the line (after `key: `, `- ` or a tag): a scalar, a flow
     * collection or a block scalar. Leaves `pos` at the start of the next line.
     */
    inlineValue(indent) {
        const src = this.src;
        const start = this.pos;
        const c = src.charCodeAt(start);
        if (c === 124 || c === 62)
            return this.blockScalar(indent);
        let node;
        if (c === 91 || c === 123) {
            node = this.flow(indent);
        }
        else if (c === 34 || c === 39) {
            const end = this.quotedEnd(start);
            if (end < 0)
                this.bail(start);
            node = { kind: "scalar", value: this.quotedValue(start, end), range: this.lines.range(start, end) };
            this.pos = end;
        }
        else {
            if (startsNonPlain(c, src.charCodeAt(start + 1)))
                this.bail(start);
            let end = start;
            for (;;) {
                const ch = src.charCodeAt(end);
                if (ch === NL || ch === CR || Number.isNaN(ch))
                    break;
                if (ch === HASH && (src.charCodeAt(end - 1) === SPACE || src.charCodeAt(end - 1) === TAB))
                    break;
                if (ch === COLON && isBreakOrSpace(src.charCodeAt(end + 1)))
                    this.bail(end);
                end++;
            }
            while (src.charCodeAt(end - 1) === SPACE || src.charCodeAt(end - 1) === TAB)
                end--;
            const text = src.slice(start, end);
            node = { kind: "scalar", value: resolvePlain(text), range: this.lines.range(start, end) };
            this.pos = end;
        }
        this.expectLineEnd();
        // A more-indented line after a scalar continues it (or is an error); the library decides.
        const next = this.nextContentLine();
        if (next > indent)
            this.bail();
        this.rewindToLineStart();
        return node;
    }
    /** Where a scalar's text appears literally, for `!GetAtt a.b` sub-ranges. */
    textStart(valueStart, node) {
        if (node.kind !== "scalar")
            return undefined;
        const c = this.src.charCodeAt(valueStart);
        return c === 34 || c === 39 ? valueStart + 1 : valueStart;
    }
    quotedValue(start, end) {
        const src = this.src;
        const inner = src.slice(start + 1, end - 1);
        if (src.charCodeAt(start) === 39)
            return inner.includes("''") ? inner.replace(/''/g, "'") : inner;
        if (!inner.includes("\\"))
            return inner;
        return inner.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_, e) => {
            if (e.length > 1)
                return String.fromCodePoint(Number.parseInt(e.slice(1), 16));
            const decoded = DQ_ESCAPES[e];
            if (decoded === undefined)
                this.bail(start);
            return decoded;
        });
    }
    /**
     * `|` or `>` with optional chomping; an explicit indentation indicator is left to the library.
     * `indent` is the column of the owning key or dash: content must be indented further.
     */
    blockScalar(indent) {
        const src = this.src;
        const start = this.pos;
        const folded = src.charCodeAt(start) === 62;
        let chomp = "clip";
        let pos = start + 1;
        const h = src.charCodeAt(pos);
        if (h === DASH || h === 43) {
            chomp = h === DASH ? "strip" : "keep";
            pos++;
        }
        const d = src.charCodeAt(pos);
        if (d >= 48 && d <= 57)
            this.bail(pos);
        this.pos = pos;
        this.expectLineEnd();
        const texts = [];
        let contentIndent = -1;
        let lineStart = this.pos;
        let contentEnd = -1;
        let afterContent = lineStart;
        let lastContent = -1;
        while (lineStart < src.length) {
            let i = lineStart;
            while (src.charCodeAt(i) === SPACE)
                i++;
            const nl = src.indexOf("\n", i);
            const lineEnd = nl === -1 ? src.length : src.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
            const spaces = i - lineStart;
            if (i === lineEnd) {
                // A blank line holding more spaces than the content indent is content in YAML.
                if (contentIndent >= 0 ? spaces > contentIndent : spaces > 0)
                    this.bail(i);
                texts.push(undefined);
            }
            else {
                if (contentIndent < 0) {
                    if (spaces <= indent)
                        break;
                    contentIndent = spaces;
                }
                else if (spaces < contentIndent) {
                    break;
                }
                const c = src.charCodeAt(i);
                // More-indented lines fold differently and tabs start content; both are rare.
                if (c === TAB || (spaces > contentIndent && folded))
                    this.bail(i);
                texts.push(src.slice(lineStart + contentIndent, lineEnd));
                lastContent = texts.length - 1;
                contentEnd = lineEnd;
                afterContent = nl === -1 ? src.length : nl + 1;
            }
            if (nl === -1)
                break;
            lineStart = nl + 1;
        }
        if (lastContent < 0 || chomp === "keep")
            this.bail(start);
        let value = "";
        if (folded) {
            let breaks = 0;
            let first = true;
            for (let k = 0; k <= lastContent; k++) {
                const text = texts[k];
                if (text === undefined) {
                    breaks++;
                    continue;
                }
                value += first ? "\n".repeat(breaks) : breaks === 0 ? " " : "\n".repeat(breaks);
                value += text;
                breaks = 0;
                first = false;
            }
        }
        else {
            value = texts
                .slice(0, lastContent + 1)
                .map((t) => t ?? "")
                .join("\n");
        }
        // Like the library, clip keeps one final line break even when the source ends without one.
        if (chomp === "clip")
            value += "\n";
        let end = contentEnd;
        while (end > start && isSpaceOrBreak(src.charCodeAt(end - 1)))
            end--;
        this.pos = afterContent;
        return { kind: "scalar", value, range: this.lines.range(start, end) };
    }
    /** A flow collection; continuation lines must be indented past the owning block's column. */
    flow(indent) {
        const src = this.src;
        const open = this.pos;
        const isMap = src.charCodeAt(open) === 123;
        const close = isMap ? 125 : 93;
        this.pos++;
        this.flowSpace(indent);
        const items = [];
        const entries = [];
        const seen = new template_lines/* KeySet */.wj(entries);
        if (src.charCodeAt(this.pos) === close) {
            this.pos++;
            return isMap
                ? { kind: "map", entries, range: this.lines.range(open, this.pos) }
                : { kind: "seq", items, range: this.lines.range(open, this.pos) };
        }
        for (;;) {
            if (isMap) {
                const keyStart = this.pos;
                const key = this.flowValue(indent, true);
                if (key.kind !== "scalar" || typeof key.value !== "string")
                    this.bail(keyStart);
                if (src.charCodeAt(this.pos) !== COLON)
                    this.bail();
                this.pos++;
                const d = src.charCodeAt(this.pos);
                if (!(d === SPACE || d === NL || d === CR)) {
                    // `{"a":1}` is valid YAML after a quoted key; after a plain key it is not a pair.
                    const q = src.charCodeAt(keyStart);
                    if (q !== 34 && q !== 39)
                        this.bail();
                }
                this.flowSpace(indent);
                const value = this.flowValue(indent, false);
                const keyText = key.value;
                const firstLine = seen.find(keyText);
                if (firstLine === undefined) {
                    seen.add({ key: keyText, keyRange: key.range, value });
                }
                else {
                    seen.duplicate(firstLine, key.range, this.file, this.findings);
                }
            }
            else {
                items.push(this.flowValue(indent, false));
                if (src.charCodeAt(this.pos) === COLON)
                    this.bail();
            }
            this.flowSpace(indent);
            const c = src.charCodeAt(this.pos);
            if (c === close) {
                this.pos++;
                return isMap
                    ? { kind: "map", entries, range: this.lines.range(open, this.pos) }
                    : { kind: "seq", items, range: this.lines.range(open, this.pos) };
            }
            if (c !== COMMA)
                this.bail();
            this.pos++;
            this.flowSpace(indent);
            const after = src.charCodeAt(this.pos);
            if (after === close || after === COMMA)
                this.bail();
        }
    }
    /** Skips spaces, line breaks and comments inside a flow collection. */
    flowSpace(indent) {
        const src = this.src;
        let pos = this.pos;
        for (;;) {
            const c = src.charCodeAt(pos);
            if (c === SPACE) {
                pos++;
            }
            else if (c === HASH) {
                const prev = src.charCodeAt(pos - 1);
                if (!(prev === SPACE || prev === NL || prev === TAB))
                    this.bail(pos);
                const nl = src.indexOf("\n", pos);
                if (nl === -1)
                    this.bail(pos);
                pos = nl;
            }
            else if (c === NL || c === CR) {
                if (c === CR && src.charCodeAt(pos + 1) !== NL)
                    this.bail(pos);
                pos = src.indexOf("\n", pos) + 1;
                let col = 0;
                while (src.charCodeAt(pos) === SPACE) {
                    pos++;
                    col++;
                }
                const d = src.charCodeAt(pos);
                if (d === TAB)
                    this.bail(pos);
                if (col <= indent && d !== NL && d !== CR && d !== HASH)
                    this.bail(pos);
            }
            else if (c === TAB) {
                this.bail(pos);
            }
            else {
                break;
            }
        }
        this.pos = pos;
    }
    flowValue(indent, asKey) {
        const src = this.src;
        const start = this.pos;
        const c = src.charCodeAt(start);
        if (c === 91 || c === 123) {
            if (asKey)
                this.bail();
            return this.flow(indent);
        }
        if (c === 34 || c === 39) {
            const end = this.quotedEnd(start);
            if (end < 0)
                this.bail(start);
            this.pos = end;
            return { kind: "scalar", value: this.quotedValue(start, end), range: this.lines.range(start, end) };
        }
        if (c === 33 && !asKey) {
            const tagEnd = this.tagEnd(start);
            const tag = src.slice(start, tagEnd);
            this.pos = tagEnd;
            if (src.charCodeAt(this.pos) !== SPACE)
                this.bail();
            this.flowSpace(indent);
            const valueStart = this.pos;
            const d = src.charCodeAt(valueStart);
            if (d === COMMA || d === 93 || d === 125)
                this.bail();
            const node = this.flowValue(indent, false);
            return (0,short_forms/* applyShortForm */.T)(this, tag, start, node, this.textStart(valueStart, node));
        }
        if (startsNonPlain(c, src.charCodeAt(start + 1)) || c === COMMA || c === 93 || c === 125)
            this.bail(start);
        let end = start;
        for (;;) {
            const ch = src.charCodeAt(end);
            if (ch === NL || ch === CR || Number.isNaN(ch))
                break;
            if (ch === COMMA || ch === 91 || ch === 93 || ch === 123 || ch === 125)
                break;
            if (ch === HASH && (src.charCodeAt(end - 1) === SPACE || src.charCodeAt(end - 1) === TAB))
                break;
            if (ch === COLON) {
                const next = src.charCodeAt(end + 1);
                if (isBreakOrSpace(next) ||
                    next === COMMA ||
                    next === 93 ||
                    next === 125 ||
                    next === 91 ||
                    next === 123) {
                    break;
                }
            }
            end++;
        }
        let textEnd = end;
        while (src.charCodeAt(textEnd - 1) === SPACE || src.charCodeAt(textEnd - 1) === TAB)
            textEnd--;
        const stop = src.charCodeAt(end);
        if (stop === NL || stop === CR || stop === HASH) {
            // The scalar may continue on the next line; only a following indicator proves it ended.
            this.pos = end;
            this.flowSpace(indent);
            const d = src.charCodeAt(this.pos);
            if (!(d === COMMA || d === 93 || d === 125))
                this.bail(start);
        }
        else {
            this.pos = textEnd;
        }
        const text = src.slice(start, textEnd);
        if (asKey && NULL_TEXT.test(text))
            this.bail(start);
        const value = asKey ? text : resolvePlain(text);
        return { kind: "scalar", value, range: this.lines.range(start, textEnd) };
    }
}
const NULL_TEXT = /^(?:~|[Nn]ull|NULL)?$/;
const DQ_ESCAPES = {
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
/** The YAML 1.2 core schema, as the `yaml` library resolves plain scalars. */
function resolvePlain(text) {
    const c = text.charCodeAt(0);
    // Most plain scalars in a template are names and words: skip the regexes for them.
    if (!(c <= 57 ||
        c === 46 ||
        c === 126 ||
        c === 110 ||
        c === 78 ||
        c === 116 ||
        c === 84 ||
        c === 102 ||
        c === 70)) {
        return text;
    }
    if (NULL_TEXT.test(text))
        return null;
    if (/^(?:[Tt]rue|TRUE)$/.test(text))
        return true;
    if (/^(?:[Ff]alse|FALSE)$/.test(text))
        return false;
    if (/^[-+]?[0-9]+$/.test(text))
        return Number.parseInt(text, 10);
    if (/^0o[0-7]+$/.test(text))
        return Number.parseInt(text.slice(2), 8);
    if (/^0x[0-9a-fA-F]+$/.test(text))
        return Number.parseInt(text.slice(2), 16);
    if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(text))
        return Number.parseFloat(text);
    if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(text))
        return Number.parseFloat(text);
    if (/^(?:[-+]?\.(?:inf|Inf|INF))$/.test(text))
        return text[0] === "-" ? -Infinity : Infinity;
    if (/^\.(?:nan|NaN|NAN)$/.test(text))
        return Number.NaN;
    return text;
}
/** Characters that cannot start a plain scalar (or start one only before a non-space). */
function startsNonPlain(c, next) {
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
        case DASH:
        case 63: // ?
        case COLON:
            return (isBreakOrSpace(next) || next === COMMA || next === 91 || next === 93 || next === 123 || next === 125);
        default:
            return c === SPACE || c === TAB || c === NL || c === CR || Number.isNaN(c);
    }
}
function isBreakOrSpace(c) {
    return c === SPACE || c === NL || c === CR || c === TAB || Number.isNaN(c);
}
function isSpaceOrBreak(c) {
    return c === SPACE || c === NL || c === CR || c === TAB;
}

;// CONCATENATED MODULE: ./src/template/parse-core.ts



/** Thrown when the template needs the full YAML reader and none was given. */
class NeedsYamlLibrary extends Error {
}
/**
 * Reads a CloudFormation template, JSON or YAML, into the position-carrying node tree. Pure:
 * problems become E0000 findings, never exceptions, and a tree is returned whenever one could
 * be built. Without `library`, YAML beyond the fast reader's subset throws NeedsYamlLibrary, so
 * a caller can load the library only when a template needs it.
 */
function parseTemplateWith(source, file, library) {
    const format = detectFormat(source, file);
    const lines = new template_lines/* LineIndex */.rr(source);
    if (source.trim() === "" || source.trim() === "\ufeff") {
        return {
            file,
            format,
            source,
            root: undefined,
            findings: [(0,template_lines/* parseFinding */.jZ)(file, "Template is empty", lines.range(0, 0))],
        };
    }
    const { root, findings } = format === "json" ? parseJson(source, file, lines) : readYaml(source, file, lines, library);
    if (!root && findings.length === 0) {
        findings.push((0,template_lines/* parseFinding */.jZ)(file, "Template is empty", lines.range(0, 0)));
    }
    return { file, format, source, root, findings };
}
function detectFormat(source, file) {
    if (file.toLowerCase().endsWith(".json"))
        return "json";
    const first = /[^\s\ufeff]/.exec(source);
    return first?.[0] === "{" ? "json" : "yaml";
}
function readYaml(source, file, lines, library) {
    try {
        return parseYamlFast(source, file, lines);
    }
    catch (error) {
        if (!(error instanceof Unsupported))
            throw error;
    }
    if (!library)
        throw new NeedsYamlLibrary();
    return library(source, file, lines);
}
/** Parses with the fast readers, importing the YAML library (a sizeable share of start-up) only on demand. */
async function parseTemplateLazily(source, file) {
    try {
        return parseTemplateWith(source, file, undefined);
    }
    catch (error) {
        if (!(error instanceof NeedsYamlLibrary))
            throw error;
    }
    const { parseYamlWithLibrary: library } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(363)]).then(__webpack_require__.bind(__webpack_require__, 9363));
    return parseTemplateWith(source, file, library);
}


/***/ }),

/***/ 4418:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ applyShortForm),
/* harmony export */   o: () => (/* binding */ SHORT_FORM_TAGS)
/* harmony export */ });
/* harmony import */ var _lines__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(297);

/**
 * Every short form CloudFormation's YAML parser accepts, with the long-form key it stands for.
 * The rule functions (Contains, EachMemberEquals, ...) are only valid in `Rules`, but they are
 * real short forms, so the parser accepts them and leaves placement to rules.
 */
const SHORT_FORMS = {
    "!Ref": "Ref",
    "!Condition": "Condition",
    "!And": "Fn::And",
    "!Base64": "Fn::Base64",
    "!Cidr": "Fn::Cidr",
    "!Contains": "Fn::Contains",
    "!EachMemberEquals": "Fn::EachMemberEquals",
    "!EachMemberIn": "Fn::EachMemberIn",
    "!Equals": "Fn::Equals",
    "!FindInMap": "Fn::FindInMap",
    "!ForEach": "Fn::ForEach",
    "!GetAZs": "Fn::GetAZs",
    "!GetAtt": "Fn::GetAtt",
    "!GetStackOutput": "Fn::GetStackOutput",
    "!If": "Fn::If",
    "!ImportValue": "Fn::ImportValue",
    "!Join": "Fn::Join",
    "!Length": "Fn::Length",
    "!Not": "Fn::Not",
    "!Or": "Fn::Or",
    "!RefAll": "Fn::RefAll",
    "!Select": "Fn::Select",
    "!Split": "Fn::Split",
    "!Sub": "Fn::Sub",
    "!ToJsonString": "Fn::ToJsonString",
    "!Transform": "Fn::Transform",
    "!ValueOf": "Fn::ValueOf",
    "!ValueOfAll": "Fn::ValueOfAll",
};
const SHORT_FORM_TAGS = Object.keys(SHORT_FORMS);
/**
 * Turns a tagged node into its long form: `{ "Fn::<Name>": node }`, ranging from the tag to the
 * end of the value. `textStart` is where a scalar's text is written out literally in the source
 * (undefined when escapes or folding make source and value differ), for `!GetAtt a.b` sub-ranges.
 */
function applyShortForm(ctx, tag, tagStart, node, textStart) {
    const range = { start: ctx.lines.position(tagStart), end: node.range.end };
    let longForm = SHORT_FORMS[tag];
    if (!longForm) {
        if (!tag.includes("::")) {
            ctx.findings.push((0,_lines__WEBPACK_IMPORTED_MODULE_0__/* .parseFinding */ .jZ)(ctx.file, `Unknown tag "${tag}": the short forms are ${SHORT_FORM_TAGS.join(", ")}`, ctx.lines.range(tagStart, tagStart + tag.length)));
            return node;
        }
        // A tool's namespaced directive (Rain's `!Rain::Embed`) is expanded before CloudFormation
        // sees the template; like cfn-lint, keep it as `Fn::<Name>` and let rules decide, rather
        // than failing the parse of a template that deploys fine through that tool.
        longForm = `Fn::${tag.slice(1)}`;
    }
    let value = node;
    if (tag === "!GetAtt" && node.kind === "scalar" && typeof node.value === "string") {
        value = splitGetAtt(ctx, node, textStart);
    }
    return { kind: "map", entries: [{ key: longForm, keyRange: range, value }], range, tag };
}
/** `!GetAtt Res.Attr.Sub` is `[Res, Attr.Sub]`: a logical id never holds a dot. */
function splitGetAtt(ctx, node, textStart) {
    const text = node.value;
    const dot = text.indexOf(".");
    if (dot === -1)
        return node;
    const literal = textStart !== undefined && ctx.src.startsWith(text, textStart);
    const first = {
        kind: "scalar",
        value: text.slice(0, dot),
        range: literal ? ctx.lines.range(textStart, textStart + dot) : node.range,
    };
    const second = {
        kind: "scalar",
        value: text.slice(dot + 1),
        range: literal ? ctx.lines.range(textStart + dot + 1, textStart + text.length) : node.range,
    };
    return { kind: "seq", items: [first, second], range: node.range };
}


/***/ }),

/***/ 8992:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ thousands)
/* harmony export */ });
/** Small text helpers shared by messages in every part of the project. */
/**
 * `51200` → `51,200`. Written out because the first toLocaleString call loads ICU data, a cost
 * on a validate run's start-up (see `npm run bench:validate`).
 */
function thousands(value) {
    const [whole, fraction] = String(value).split(".");
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}


/***/ })

};
