export const id = 363;
export const ids = [363];
export const modules = {

/***/ 9363:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseYamlWithLibrary: () => (/* binding */ parseYamlWithLibrary)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _lines__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(297);
/* harmony import */ var _short_forms__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4418);



/**
 * Declaring the short forms keeps the library from warning about each one (thousands in a big
 * template); a tagged scalar stays a string, as CloudFormation reads `!Ref 123` as "123".
 */
const CUSTOM_TAGS = _short_forms__WEBPACK_IMPORTED_MODULE_1__/* .SHORT_FORM_TAGS */ .o.flatMap((tag) => [
    { tag, resolve: (text) => text },
    { tag, collection: "map", nodeClass: yaml__WEBPACK_IMPORTED_MODULE_0__/* .YAMLMap */ .CA },
    { tag, collection: "seq", nodeClass: yaml__WEBPACK_IMPORTED_MODULE_0__/* .YAMLSeq */ .Rw },
]);
const CORE_TAG_PREFIX = "tag:yaml.org,2002:";
/** The exact reader, for everything the fast one leaves aside, and the one that explains errors. */
function parseYamlWithLibrary(source, file, lines) {
    const findings = [];
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(source, {
        customTags: CUSTOM_TAGS,
        // Duplicates are reported here in cfn-lint's words, keeping the first value.
        uniqueKeys: false,
        merge: false,
        prettyErrors: false,
        schema: "core",
        strict: true,
    });
    for (const problem of [...doc.errors, ...doc.warnings]) {
        if (problem.code === "TAG_RESOLVE_FAILED")
            continue;
        const [start, end] = problem.pos;
        findings.push((0,_lines__WEBPACK_IMPORTED_MODULE_2__/* .parseFinding */ .jZ)(file, firstLine(problem.message), lines.range(start, Math.max(end, start))));
    }
    const contents = doc.contents;
    if (!contents)
        return { root: undefined, findings };
    const converter = new Converter(doc, source, file, lines, findings);
    const root = converter.node(contents);
    return { root, findings };
}
function firstLine(message) {
    const nl = message.indexOf("\n");
    return nl === -1 ? message : message.slice(0, nl);
}
class Converter {
    doc;
    src;
    file;
    lines;
    findings;
    done = new Map();
    active = new Set();
    constructor(doc, src, file, lines, findings) {
        this.doc = doc;
        this.src = src;
        this.file = file;
        this.lines = lines;
        this.findings = findings;
    }
    node(yaml) {
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(yaml))
            return this.alias(yaml);
        const known = this.done.get(yaml);
        if (known)
            return known;
        this.active.add(yaml);
        let node = this.untagged(yaml);
        const tag = yaml.tag;
        if (tag && !tag.startsWith(CORE_TAG_PREFIX))
            node = this.tagged(yaml, tag, node);
        this.active.delete(yaml);
        // Anchored nodes are remembered so aliases share one converted node: no exponential
        // blow-up from nested aliases, and cycles are caught through `active`.
        if (yaml.anchor)
            this.done.set(yaml, node);
        return node;
    }
    alias(alias) {
        const [start, end] = alias.range ?? [0, 0];
        const range = this.lines.range(start, end);
        const target = alias.resolve(this.doc);
        if (!target) {
            this.findings.push((0,_lines__WEBPACK_IMPORTED_MODULE_2__/* .parseFinding */ .jZ)(this.file, `Unknown anchor: *${alias.source}`, range));
            return { kind: "scalar", value: null, range };
        }
        if (this.active.has(target)) {
            this.findings.push((0,_lines__WEBPACK_IMPORTED_MODULE_2__/* .parseFinding */ .jZ)(this.file, `Alias *${alias.source} refers to itself`, range));
            return { kind: "scalar", value: null, range };
        }
        return this.node(target);
    }
    untagged(yaml) {
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(yaml))
            return this.scalar(yaml);
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(yaml)) {
            const items = yaml.items.map((item) => this.node(item));
            const seq = { kind: "seq", items, range: this.collectionRange(yaml, items) };
            return seq;
        }
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(yaml))
            return this.map(yaml);
        const [start, end] = yaml.range ?? [0, 0];
        return { kind: "scalar", value: null, range: this.lines.range(start, end) };
    }
    scalar(yaml) {
        const [start, valueEnd] = yaml.range ?? [0, 0];
        let end = valueEnd;
        if (yaml.type === yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5.BLOCK_LITERAL || yaml.type === yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5.BLOCK_FOLDED) {
            // The library's block scalar range runs over the trailing line breaks; an annotation
            // should stop at the last character of text.
            while (end > start && isSpace(this.src.charCodeAt(end - 1)))
                end--;
        }
        const value = yaml.value;
        const typed = value === null || typeof value === "string" || typeof value === "boolean"
            ? value
            : typeof value === "number"
                ? value
                : String(value);
        return { kind: "scalar", value: typed, range: this.lines.range(start, end) };
    }
    map(yaml) {
        const entries = [];
        const seen = new _lines__WEBPACK_IMPORTED_MODULE_2__/* .KeySet */ .wj(entries);
        for (const pair of yaml.items) {
            if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isPair */ .tO)(pair))
                continue;
            const keyNode = pair.key;
            const value = isEmptyScalar(pair.value)
                ? this.emptyValue(pair.key)
                : this.node(pair.value);
            if (!keyNode || !(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(keyNode) || keyNode.value === null) {
                const at = keyNode?.range ?? pair.value?.range ?? [0, 0];
                this.findings.push((0,_lines__WEBPACK_IMPORTED_MODULE_2__/* .parseFinding */ .jZ)(this.file, keyNode && !(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(keyNode)
                    ? "Mapping keys must be plain text, not collections"
                    : "Null key is not supported", this.lines.range(at[0], at[1])));
                continue;
            }
            const key = keyText(keyNode);
            const [ks, ke] = keyNode.range ?? [0, 0];
            const keyRange = this.lines.range(ks, ke);
            const first = seen.find(key);
            if (first !== undefined) {
                seen.duplicate(first, keyRange, this.file, this.findings);
                continue;
            }
            seen.add({ key, keyRange, value });
        }
        return { kind: "map", entries, range: this.collectionRange(yaml, entries) };
    }
    /** `Key:` with nothing after it is null, positioned just after the colon. */
    emptyValue(key) {
        const end = key?.range?.[1] ?? 0;
        const colon = this.src.indexOf(":", end);
        const at = colon === -1 ? end : colon + 1;
        return { kind: "scalar", value: null, range: this.lines.range(at, at) };
    }
    /**
     * Flow collections end at their closing bracket. Block collections, in the library, run over
     * trailing comments and blank lines; they end where their last key or value ends instead.
     */
    collectionRange(yaml, children) {
        const [start, end] = yaml.range ?? [0, 0];
        if (yaml.flow || children.length === 0) {
            return this.lines.range(start, end);
        }
        const last = children[children.length - 1];
        const lastEnd = "kind" in last ? last.range.end : last.value.range.end;
        const keyEnd = "kind" in last ? lastEnd : last.keyRange.end;
        const endPos = after(keyEnd, lastEnd) ? keyEnd : lastEnd;
        return { start: this.lines.position(start), end: endPos };
    }
    tagged(yaml, tag, node) {
        const [valueStart] = yaml.range ?? [0, 0];
        const tagStart = this.src.lastIndexOf(tag, valueStart);
        const type = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(yaml) ? yaml.type : undefined;
        const textStart = type === yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5.PLAIN
            ? valueStart
            : type === yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5.QUOTE_DOUBLE || type === yaml__WEBPACK_IMPORTED_MODULE_0__/* .Scalar */ .X5.QUOTE_SINGLE
                ? valueStart + 1
                : undefined;
        return (0,_short_forms__WEBPACK_IMPORTED_MODULE_1__/* .applyShortForm */ .T)(this, tag, tagStart === -1 ? valueStart : tagStart, node, textStart);
    }
}
/**
 * `Key:` with nothing after it. The library sometimes gives no value and sometimes an empty
 * scalar placed after trailing spaces or before a comment; both read as null just after the colon.
 */
function isEmptyScalar(value) {
    if (!value)
        return true;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(value) || value.value !== null || value.tag || value.anchor)
        return false;
    const range = value.range;
    return !range || range[0] === range[1];
}
function keyText(key) {
    const value = key.value;
    if (typeof value === "string")
        return value;
    // `80: x` or `true: x` name the key as written, not as the number or boolean it resolves to.
    const source = key.source;
    return typeof source === "string" ? source : String(value);
}
function isSpace(c) {
    return c === 32 || c === 10 || c === 13 || c === 9;
}
function after(a, b) {
    return a.line > b.line || (a.line === b.line && a.column > b.column);
}


/***/ })

};
