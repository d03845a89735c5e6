export const id = 804;
export const ids = [804,363];
export const modules = {

/***/ 804:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $w: () => (/* binding */ TemplateError),
/* harmony export */   CA: () => (/* binding */ requireArtifactBucket),
/* harmony export */   Hf: () => (/* binding */ plainTemplate),
/* harmony export */   PM: () => (/* binding */ loadTemplate),
/* harmony export */   aE: () => (/* binding */ templateLocation),
/* harmony export */   sB: () => (/* binding */ templateUrl)
/* harmony export */ });
/* unused harmony exports TEMPLATE_BODY_LIMIT, TEMPLATE_URL_LIMIT, artifactKey */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3711);
/* harmony import */ var _aws_errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9378);
/* harmony import */ var _template_parse__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7865);
/* harmony import */ var _text__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8992);





/** CloudFormation's limit for TemplateBody; larger templates must be passed by S3 URL. */
const TEMPLATE_BODY_LIMIT = 51_200;
/** CloudFormation's hard limit for a template passed by S3 URL: nothing larger is accepted at all. */
const TEMPLATE_URL_LIMIT = 1_000_000;
function lineAt(root, path) {
    let node = root;
    let line;
    let depth = 0;
    for (const key of path) {
        if (node?.kind === "map") {
            const entry = (0,_template_parse__WEBPACK_IMPORTED_MODULE_2__/* .mapGet */ .ZX)(node, key);
            if (!entry)
                break;
            line = entry.keyRange.start.line;
            node = entry.value;
        }
        else if (node?.kind === "seq" && /^\d+$/.test(key) && Number(key) < node.items.length) {
            node = node.items[Number(key)];
            line = node.range.start.line;
        }
        else
            break;
        depth++;
    }
    return depth >= 2 ? line : undefined;
}
/**
 * A template body as a plain object (short forms in long form), or undefined when it is empty:
 * for templates read back from CloudFormation, which need no line numbers.
 */
function plainTemplate(body, label) {
    const parsed = (0,_template_parse__WEBPACK_IMPORTED_MODULE_2__/* .parseTemplate */ .QC)(body, label);
    return parsed.root ? (0,_template_parse__WEBPACK_IMPORTED_MODULE_2__/* .toPlain */ .Ul)(parsed.root) : undefined;
}
class TemplateError extends Error {
    constructor(message) {
        super(message);
        this.name = "TemplateError";
    }
}
function loadTemplate(file, body) {
    const parsed = (0,_template_parse__WEBPACK_IMPORTED_MODULE_2__/* .parseTemplate */ .QC)(body, file);
    if (parsed.root?.kind !== "map") {
        const first = parsed.findings[0];
        const where = first ? ` (line ${first.range.start.line}: ${first.message})` : "";
        throw new TemplateError(`Template ${file} could not be parsed${where}. Fix the template; the validate action reports every problem with its line.`);
    }
    const root = parsed.root;
    const resources = (0,_template_parse__WEBPACK_IMPORTED_MODULE_2__/* .mapGet */ .ZX)(root, "Resources")?.value;
    const transform = (0,_template_parse__WEBPACK_IMPORTED_MODULE_2__/* .mapGet */ .ZX)(root, "Transform");
    return {
        file,
        body,
        bytes: Buffer.byteLength(body, "utf8"),
        hash: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256").update(body).digest("hex"),
        plain: (0,_template_parse__WEBPACK_IMPORTED_MODULE_2__/* .toPlain */ .Ul)(root),
        root,
        hasTransform: transform !== undefined && !(transform.value.kind === "seq" && transform.value.items.length === 0),
        resourceLine: (logicalId) => (0,_template_parse__WEBPACK_IMPORTED_MODULE_2__/* .mapGet */ .ZX)(resources, logicalId)?.keyRange.start.line,
        pathLine: (path) => lineAt(root, path),
    };
}
function artifactKey(template, stackName, prefix = "") {
    const base = prefix === "" || prefix.endsWith("/") ? prefix : `${prefix}/`;
    return `${base}${stackName}/${template.hash}.template`;
}
function templateUrl(bucket, key, artifacts) {
    const path = key.split("/").map(encodeURIComponent).join("/");
    if (artifacts.endpoint)
        return `${artifacts.endpoint.replace(/\/+$/, "")}/${bucket}/${path}`;
    return `https://${bucket}.s3.${artifacts.region}.amazonaws.com/${path}`;
}
/**
 * Fails early, before any AWS call or upload, when a template is over CloudFormation's hard limit
 * (no bucket helps), or needs S3 and no bucket was given.
 */
function requireArtifactBucket(template, bucket, region) {
    if (template.bytes > TEMPLATE_URL_LIMIT) {
        throw new TemplateError(`Template ${template.file} is ${(0,_text__WEBPACK_IMPORTED_MODULE_3__/* .thousands */ .o)(template.bytes)} bytes, over CloudFormation's hard limit of ${(0,_text__WEBPACK_IMPORTED_MODULE_3__/* .thousands */ .o)(TEMPLATE_URL_LIMIT)} bytes for any template, even one passed through S3; nothing was uploaded. Split it into nested stacks (AWS::CloudFormation::Stack), or move large inline code and policies out of it.`);
    }
    if (template.bytes <= TEMPLATE_BODY_LIMIT || bucket)
        return;
    throw new TemplateError(`Template ${template.file} is ${(0,_text__WEBPACK_IMPORTED_MODULE_3__/* .thousands */ .o)(template.bytes)} bytes, over CloudFormation's ${(0,_text__WEBPACK_IMPORTED_MODULE_3__/* .thousands */ .o)(TEMPLATE_BODY_LIMIT)}-byte limit for inline templates. Set artifact-bucket to an S3 bucket in ${region} so the template can be uploaded and passed by URL.`);
}
/**
 * Small templates go inline. Larger ones are uploaded once per content hash and passed by URL;
 * without a bucket that is impossible, and the error says which input to set.
 */
async function templateLocation(template, stackName, artifacts, s3) {
    if (template.bytes <= TEMPLATE_BODY_LIMIT)
        return { TemplateBody: template.body };
    requireArtifactBucket(template, artifacts.bucket, artifacts.region);
    if (!artifacts.bucket || !s3) {
        throw new TemplateError(`Template ${template.file} must go through S3, but no S3 client was given.`);
    }
    const key = artifactKey(template, stackName, artifacts.prefix);
    try {
        await s3.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_4__/* .PutObjectCommand */ .wKZ({
            Bucket: artifacts.bucket,
            Key: key,
            Body: template.body,
            ContentType: "text/plain; charset=utf-8",
        }));
    }
    catch (error) {
        throw (0,_aws_errors__WEBPACK_IMPORTED_MODULE_1__.describeAwsError)(error, {
            action: "s3:PutObject",
            stackName,
            bucket: artifacts.bucket,
            region: artifacts.region,
        });
    }
    return { TemplateURL: templateUrl(artifacts.bucket, key, artifacts) };
}


/***/ }),

/***/ 7865:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QC: () => (/* binding */ parseTemplate),
/* harmony export */   Ul: () => (/* reexport safe */ _nodes__WEBPACK_IMPORTED_MODULE_2__.U),
/* harmony export */   ZX: () => (/* reexport safe */ _nodes__WEBPACK_IMPORTED_MODULE_2__.Z)
/* harmony export */ });
/* harmony import */ var _parse_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4675);
/* harmony import */ var _yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9363);
/* harmony import */ var _nodes__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9671);




function parseTemplate(source, file) {
    return (0,_parse_core__WEBPACK_IMPORTED_MODULE_0__/* .parseTemplateWith */ .YE)(source, file, _yaml__WEBPACK_IMPORTED_MODULE_1__.parseYamlWithLibrary);
}


/***/ }),

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
