export const id = 132;
export const ids = [132];
export const modules = {

/***/ 2132:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PACKAGED_GLOBALS: () => (/* binding */ PACKAGED_GLOBALS),
/* harmony export */   PACKAGED_PROPERTIES: () => (/* binding */ PACKAGED_PROPERTIES),
/* harmony export */   PackageError: () => (/* binding */ PackageError),
/* harmony export */   findLocalArtifacts: () => (/* binding */ findLocalArtifacts),
/* harmony export */   hasLocalArtifacts: () => (/* binding */ hasLocalArtifacts),
/* harmony export */   localCodeSizes: () => (/* binding */ localCodeSizes),
/* harmony export */   normalisePrefix: () => (/* binding */ normalisePrefix),
/* harmony export */   planPackage: () => (/* binding */ planPackage),
/* harmony export */   runPackage: () => (/* binding */ runPackage),
/* harmony export */   templateDir: () => (/* binding */ templateDir),
/* harmony export */   writePackagedTemplate: () => (/* binding */ writePackagedTemplate)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(3711);
/* harmony import */ var _aws_errors__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9378);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3916);
/* harmony import */ var _layer_zip__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1967);
/* harmony import */ var _template_parse__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(7865);
/* harmony import */ var _template_source__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(804);











const URI = { kind: "uri" };
const URL_SHAPE = { kind: "url" };
const CODE = { kind: "object", bucket: "S3Bucket", key: "S3Key" };
const BUCKET_KEY = { kind: "object", bucket: "Bucket", key: "Key" };
const prop = (path, shape, upload) => ({
    path: path.split("."),
    shape,
    upload,
});
/** The properties awscli's artifact_exporter.py packages, plus SAM's HttpApi. */
const PACKAGED_PROPERTIES = {
    "AWS::Serverless::Function": [prop("CodeUri", URI, "zip")],
    "AWS::Serverless::LayerVersion": [prop("ContentUri", URI, "zip")],
    "AWS::Serverless::Api": [prop("DefinitionUri", URI, "file")],
    "AWS::Serverless::HttpApi": [prop("DefinitionUri", URI, "file")],
    "AWS::Serverless::StateMachine": [prop("DefinitionUri", BUCKET_KEY, "file")],
    "AWS::Serverless::Application": [prop("Location", URL_SHAPE, "template")],
    "AWS::Lambda::Function": [prop("Code", CODE, "zip")],
    "AWS::Lambda::LayerVersion": [prop("Content", CODE, "zip")],
    "AWS::StepFunctions::StateMachine": [prop("DefinitionS3Location", BUCKET_KEY, "file")],
    "AWS::AppSync::GraphQLSchema": [prop("DefinitionS3Location", URI, "file")],
    "AWS::AppSync::Resolver": [
        prop("RequestMappingTemplateS3Location", URI, "file"),
        prop("ResponseMappingTemplateS3Location", URI, "file"),
        prop("CodeS3Location", URI, "file"),
    ],
    "AWS::AppSync::FunctionConfiguration": [
        prop("RequestMappingTemplateS3Location", URI, "file"),
        prop("ResponseMappingTemplateS3Location", URI, "file"),
        prop("CodeS3Location", URI, "file"),
    ],
    "AWS::ApiGateway::RestApi": [prop("BodyS3Location", BUCKET_KEY, "file")],
    "AWS::ApiGatewayV2::Api": [prop("BodyS3Location", BUCKET_KEY, "file")],
    "AWS::ElasticBeanstalk::ApplicationVersion": [prop("SourceBundle", CODE, "file")],
    "AWS::Glue::Job": [prop("Command.ScriptLocation", URI, "file")],
    "AWS::CodeCommit::Repository": [prop("Code.S3", BUCKET_KEY, "zip")],
    "AWS::CloudFormation::ModuleVersion": [prop("ModulePackage", URI, "zip")],
    "AWS::CloudFormation::ResourceVersion": [prop("SchemaHandlerPackage", URI, "zip")],
    "AWS::CloudFormation::Stack": [prop("TemplateURL", URL_SHAPE, "template")],
};
/** SAM Globals sections whose properties resources inherit. */
const PACKAGED_GLOBALS = {
    Function: [prop("CodeUri", URI, "zip")],
    Api: [prop("DefinitionUri", URI, "file")],
    HttpApi: [prop("DefinitionUri", URI, "file")],
};
/** A local path that is missing or unusable: where it is in the template, so it can be annotated. */
class PackageError extends _template_source__WEBPACK_IMPORTED_MODULE_9__/* .TemplateError */ .$w {
    location;
    constructor(message, location) {
        super(message);
        this.location = location;
        this.name = "PackageError";
    }
}
function isRemote(value) {
    return /^(s3|https?):\/\//i.test(value);
}
/** The value node at a path of map keys, with the path's last key entry. */
function nodeAt(node, path) {
    let current = node;
    for (const key of path) {
        if (current?.kind !== "map" || current.tag)
            return undefined;
        current = (0,_template_parse__WEBPACK_IMPORTED_MODULE_8__/* .mapGet */ .ZX)(current, key)?.value;
    }
    return current;
}
/** A string scalar that names a local path: not an S3 location, a URL, an intrinsic or inline code. */
function localValue(node) {
    if (node?.kind !== "scalar" || typeof node.value !== "string")
        return undefined;
    const value = node.value.trim();
    if (value === "" || isRemote(value))
        return undefined;
    return node;
}
function findIn(section, specs, base, owner, logicalId, dir) {
    const found = [];
    for (const spec of specs) {
        const node = localValue(nodeAt(section, spec.path));
        if (!node)
            continue;
        const value = String(node.value).trim();
        found.push({
            owner,
            logicalId,
            property: spec.path.join("."),
            value,
            path: (0,node_path__WEBPACK_IMPORTED_MODULE_3__.isAbsolute)(value) ? value : (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(dir, value),
            line: node.range.start.line,
            range: node.range,
            at: [...base, ...spec.path],
            spec,
        });
    }
    return found;
}
/** Every local path in a template's packaged properties, in template order. No file is read. */
function findLocalArtifacts(root, dir) {
    const found = [];
    const globals = (0,_template_parse__WEBPACK_IMPORTED_MODULE_8__/* .mapGet */ .ZX)(root, "Globals")?.value;
    for (const [section, specs] of Object.entries(PACKAGED_GLOBALS)) {
        const properties = (0,_template_parse__WEBPACK_IMPORTED_MODULE_8__/* .mapGet */ .ZX)(globals, section)?.value;
        found.push(...findIn(properties, specs, ["Globals", section], `Globals.${section}`, "Globals", dir));
    }
    const resources = (0,_template_parse__WEBPACK_IMPORTED_MODULE_8__/* .mapGet */ .ZX)(root, "Resources")?.value;
    if (resources?.kind !== "map")
        return found;
    for (const entry of resources.entries) {
        const type = nodeAt(entry.value, ["Type"]);
        if (type?.kind !== "scalar" || typeof type.value !== "string")
            continue;
        const specs = PACKAGED_PROPERTIES[type.value];
        if (!specs)
            continue;
        const properties = nodeAt(entry.value, ["Properties"]);
        found.push(...findIn(properties, specs, ["Resources", entry.key, "Properties"], `Resource ${entry.key} (${type.value})`, entry.key, dir));
    }
    return found;
}
/**
 * Reads what packaging needs and checks every local path, recursing into local nested templates;
 * no AWS call. Fails with the owner's logical id and line when a path is missing.
 */
async function planPackage(options, seen = []) {
    const parsed = (0,_template_parse__WEBPACK_IMPORTED_MODULE_8__/* .parseTemplate */ .QC)(options.body, options.file);
    if (parsed.root?.kind !== "map") {
        const first = parsed.findings[0];
        const where = first ? ` (line ${first.range.start.line}: ${first.message})` : "";
        throw new _template_source__WEBPACK_IMPORTED_MODULE_9__/* .TemplateError */ .$w(`Template ${options.file} could not be parsed${where}.`);
    }
    const artifacts = findLocalArtifacts(parsed.root, options.dir);
    const plan = {
        file: options.file,
        dir: options.dir,
        body: options.body,
        format: parsed.format,
        plain: (0,_template_parse__WEBPACK_IMPORTED_MODULE_8__/* .toPlain */ .Ul)(parsed.root),
        artifacts,
    };
    for (const artifact of artifacts) {
        const where = { file: options.file, line: artifact.line };
        const at = `${options.file} line ${artifact.line}`;
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(artifact.path).catch(() => undefined);
        if (!info) {
            throw new PackageError(`${artifact.owner} ${artifact.property}: the local path '${artifact.value}' (${artifact.path}) does not exist (${at}). Nothing was uploaded. Local paths are relative to the template's directory; fix the path, or give an s3:// location.`, where);
        }
        if (artifact.spec.upload !== "template")
            continue;
        if (!info.isFile()) {
            throw new PackageError(`${artifact.owner} ${artifact.property}: '${artifact.value}' is a directory, not a template file (${at}). Nothing was uploaded.`, where);
        }
        if (seen.includes(artifact.path)) {
            throw new PackageError(`${artifact.owner} ${artifact.property}: '${artifact.value}' includes itself through nested stacks (${at}). Nothing was uploaded.`, where);
        }
        const body = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(artifact.path, "utf8");
        try {
            artifact.nested = await planPackage({ file: artifact.path, body, dir: (0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(artifact.path) }, [
                ...seen,
                (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(options.dir, (0,node_path__WEBPACK_IMPORTED_MODULE_3__.basename)(options.file)),
                artifact.path,
            ]);
        }
        catch (error) {
            if (error instanceof PackageError || !(error instanceof _template_source__WEBPACK_IMPORTED_MODULE_9__/* .TemplateError */ .$w))
                throw error;
            throw new PackageError(`${artifact.owner} ${artifact.property}: ${error.message} (${at})`, where);
        }
    }
    return plan;
}
/** The properties whose local code counts against Lambda's unzipped limit for a function and its layers. */
const FUNCTION_CODE_PROPERTIES = new Set(["CodeUri", "Code", "ContentUri", "Content"]);
/**
 * The unzipped bytes of the plan's local function code and layer content (not of nested
 * templates), by the logical id that names them ("Globals" for Globals.Function): what the zips
 * will hold, measured by one walk before anything is zipped or uploaded. A path that is a zip
 * already, or is missing, is left out (its size is unknown here).
 */
async function localCodeSizes(plan) {
    const sizes = new Map();
    for (const artifact of plan.artifacts) {
        if (artifact.spec.upload !== "zip" || !FUNCTION_CODE_PROPERTIES.has(artifact.property))
            continue;
        // A missing path (packaging fails on it before this is asked) is left out: unknown.
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(artifact.path).catch(() => undefined);
        if (!info)
            continue;
        if (info.isDirectory()) {
            sizes.set(artifact.logicalId, await (0,_layer_zip__WEBPACK_IMPORTED_MODULE_7__/* .treeUnzippedSize */ .XW)([{ dir: artifact.path, prefix: "" }]));
        }
        else {
            const head = Buffer.alloc(4);
            const file = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(artifact.path, "r");
            try {
                await file.read(head, 0, 4, 0);
            }
            finally {
                await file.close();
            }
            if (!head.equals(ZIP_MAGIC))
                sizes.set(artifact.logicalId, info.size);
        }
    }
    return sizes;
}
/** True when the plan (or a nested template in it) has anything to upload. */
function hasLocalArtifacts(plan) {
    return plan.artifacts.length > 0;
}
/** The key prefix with a trailing slash, or "". */
function normalisePrefix(prefix) {
    const trimmed = (prefix ?? "").replace(/^\/+/, "");
    return trimmed === "" || trimmed.endsWith("/") ? trimmed : `${trimmed}/`;
}
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
class Packager {
    target;
    deps;
    artifacts = [];
    /** Content already packaged in this run, by source path and kind: a directory zips once. */
    done = new Map();
    uploaded = 0;
    reused = 0;
    rewrittenAsJson = false;
    temp;
    constructor(target, deps) {
        this.target = target;
        this.deps = deps;
    }
    async tempDir() {
        this.temp ??= await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)(), "preview-stacks-package-"));
        return this.temp;
    }
    async cleanup() {
        if (this.temp)
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(this.temp, { recursive: true, force: true });
    }
    result(body, changed) {
        return {
            body,
            changed,
            artifacts: this.artifacts,
            uploaded: this.uploaded,
            reused: this.reused,
            rewrittenAsJson: this.rewrittenAsJson,
        };
    }
    key(sha256, extension) {
        return `${normalisePrefix(this.target.prefix)}artifacts/${sha256}${extension}`;
    }
    /** Uploads unless S3 already holds the key; content-addressed keys make the two the same. */
    async put(key, body, contentType) {
        const { s3 } = this.deps;
        const { bucket, region } = this.target;
        try {
            await s3.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_10__/* .HeadObjectCommand */ .l81({ Bucket: bucket, Key: key }));
            return false;
        }
        catch (error) {
            const status = error?.$metadata?.httpStatusCode;
            if (status !== 404 && (0,_aws_errors__WEBPACK_IMPORTED_MODULE_5__.errorCode)(error) !== "NotFound" && (0,_aws_errors__WEBPACK_IMPORTED_MODULE_5__.errorCode)(error) !== "NoSuchKey") {
                throw (0,_aws_errors__WEBPACK_IMPORTED_MODULE_5__.describeAwsError)(error, { action: "s3:GetObject", bucket, region });
            }
        }
        try {
            await s3.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_10__/* .PutObjectCommand */ .wKZ({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }));
        }
        catch (error) {
            throw (0,_aws_errors__WEBPACK_IMPORTED_MODULE_5__.describeAwsError)(error, { action: "s3:PutObject", bucket, region });
        }
        return true;
    }
    async zipped(path, isDirectory) {
        const temp = await this.tempDir();
        let dir = path;
        if (!isDirectory) {
            // A single file of code becomes a zip holding just that file, as Lambda needs.
            dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(temp, "file-"));
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.copyFile)(path, (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, (0,node_path__WEBPACK_IMPORTED_MODULE_3__.basename)(path)));
        }
        const output = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(temp, `${this.done.size}-${Date.now()}.zip`);
        const zipped = await (this.deps.zip ?? _layer_zip__WEBPACK_IMPORTED_MODULE_7__/* .zipTree */ .wz)([{ dir, prefix: "" }], output);
        return { sha256: zipped.sha256, bytes: await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(zipped.file) };
    }
    async upload(artifact) {
        const cacheKey = `${artifact.spec.upload}:${artifact.path}`;
        let done = this.done.get(cacheKey);
        let uploaded = false;
        if (!done) {
            let content;
            if (artifact.nested) {
                const child = await this.packageTemplate(artifact.nested);
                const bytes = Buffer.from(child, "utf8");
                content = { sha256: sha256(bytes), bytes, extension: ".template", type: "text/plain; charset=utf-8" };
            }
            else {
                const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(artifact.path);
                const raw = info.isFile() ? await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(artifact.path) : undefined;
                const alreadyZip = raw?.subarray(0, 4).equals(ZIP_MAGIC) ?? false;
                if (raw && (artifact.spec.upload === "file" || alreadyZip)) {
                    const extension = alreadyZip ? ".zip" : (0,node_path__WEBPACK_IMPORTED_MODULE_3__.extname)(artifact.path).toLowerCase();
                    content = { sha256: sha256(raw), bytes: raw, extension, type: "application/octet-stream" };
                }
                else {
                    const zip = await this.zipped(artifact.path, info.isDirectory());
                    content = { ...zip, extension: ".zip", type: "application/zip" };
                }
            }
            const key = this.key(content.sha256, content.extension);
            uploaded = await this.put(key, content.bytes, content.type);
            if (uploaded)
                this.uploaded++;
            else
                this.reused++;
            done = { key, bytes: content.bytes.length };
            this.done.set(cacheKey, done);
            this.deps.log(`${artifact.owner} ${artifact.property}: ${artifact.value} → s3://${this.target.bucket}/${key} (${uploaded ? "uploaded" : "already in S3"}).`);
        }
        this.artifacts.push({
            owner: artifact.owner,
            property: artifact.property,
            value: artifact.value,
            key: done.key,
            bytes: done.bytes,
            uploaded,
        });
        return done.key;
    }
    location(shape, key) {
        const { bucket } = this.target;
        if (shape.kind === "uri")
            return `s3://${bucket}/${key}`;
        if (shape.kind === "url")
            return (0,_template_source__WEBPACK_IMPORTED_MODULE_9__/* .templateUrl */ .sB)(bucket, key, this.target);
        return { [shape.bucket]: bucket, [shape.key]: key };
    }
    /** The plan's template with every local path replaced by its S3 location. */
    async packageTemplate(plan) {
        if (plan.artifacts.length === 0)
            return plan.body;
        const replacements = [];
        for (const artifact of plan.artifacts) {
            const key = await this.upload(artifact);
            replacements.push({
                range: artifact.range,
                at: artifact.at,
                value: this.location(artifact.spec.shape, key),
            });
        }
        const expected = structuredClone(plan.plain);
        for (const { at, value } of replacements)
            setAt(expected, at, value);
        const spliced = splice(plan.body, replacements);
        if (spliced !== undefined) {
            const reparsed = (0,_template_parse__WEBPACK_IMPORTED_MODULE_8__/* .parseTemplate */ .QC)(spliced, plan.file);
            if (reparsed.root && (0,node_util__WEBPACK_IMPORTED_MODULE_4__.isDeepStrictEqual)((0,_template_parse__WEBPACK_IMPORTED_MODULE_8__/* .toPlain */ .Ul)(reparsed.root), expected))
                return spliced;
        }
        // An odd value (a block scalar, say) that cannot be replaced in place: the template as JSON,
        // short forms in long form, which is still the same for the same code.
        this.rewrittenAsJson = true;
        return `${JSON.stringify(expected, null, 2)}\n`;
    }
}
function sha256(bytes) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256").update(bytes).digest("hex");
}
function setAt(root, path, value) {
    let node = root;
    for (const key of path.slice(0, -1))
        node = node[key];
    node[path[path.length - 1]] = value;
}
/** Offsets of the starts of lines, for line/column to offset. */
function lineStarts(text) {
    const starts = [0];
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1))
        starts.push(i + 1);
    return starts;
}
/** JSON text for a value, which YAML reads the same in flow style: `"s3://..."`, `{ "S3Bucket": ..., ... }`. */
function inlineText(value) {
    if (typeof value === "string")
        return JSON.stringify(value);
    const entries = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`);
    return `{ ${entries.join(", ")} }`;
}
/** The text with each range replaced, or undefined when a range does not span one line. */
function splice(text, replacements) {
    const starts = lineStarts(text);
    const offset = (line, column) => (starts[line - 1] ?? Number.NaN) + column - 1;
    const edits = replacements.map(({ range, value }) => ({
        start: offset(range.start.line, range.start.column),
        end: offset(range.end.line, range.end.column),
        text: inlineText(value),
        single: range.start.line === range.end.line,
    }));
    if (edits.some((e) => !e.single || !(e.end > e.start)))
        return undefined;
    edits.sort((a, b) => b.start - a.start);
    let out = text;
    for (const edit of edits)
        out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
    return out;
}
/**
 * Packages a planned template: zips and uploads its local code and nested templates, and returns
 * the template with their S3 locations. A plan without local paths returns the body as it was,
 * with no AWS call.
 */
async function runPackage(plan, target, deps) {
    if (!hasLocalArtifacts(plan)) {
        return { body: plan.body, changed: false, artifacts: [], uploaded: 0, reused: 0, rewrittenAsJson: false };
    }
    const first = plan.artifacts[0];
    if (!target.bucket) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_6__/* .InputError */ .d(target.bucketInput, `the template ${plan.file} has local paths to package (${first.owner} ${first.property}: ${first.value}, line ${first.line}), so it needs an S3 bucket in ${target.region} to upload them to. Set ${target.bucketInput}, or give S3 locations in the template.`);
    }
    if (!deps.s3)
        throw new _template_source__WEBPACK_IMPORTED_MODULE_9__/* .TemplateError */ .$w(`Template ${plan.file} has local paths to upload, but no S3 client was given.`);
    const packager = new Packager({ ...target, bucket: target.bucket }, { ...deps, s3: deps.s3 });
    try {
        const body = await packager.packageTemplate(plan);
        const result = packager.result(body, body !== plan.body);
        deps.log(`Packaged ${result.artifacts.length} local ${result.artifacts.length === 1 ? "path" : "paths"}: ${result.uploaded} uploaded, ${result.reused} already in S3.`);
        return result;
    }
    finally {
        await packager.cleanup();
    }
}
/** The directory a template's local paths are relative to. */
function templateDir(file, cwd = process.cwd()) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(cwd, file));
}
/** Writes a packaged template into `dir` as `<name>.packaged.<ext>`; returns its path. */
async function writePackagedTemplate(dir, file, body) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(dir, { recursive: true });
    const ext = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.extname)(file).toLowerCase();
    const name = `${(0,node_path__WEBPACK_IMPORTED_MODULE_3__.basename)(file, (0,node_path__WEBPACK_IMPORTED_MODULE_3__.extname)(file))}.packaged${ext === ".json" ? ".json" : ext || ".yaml"}`;
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, name);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(path, body);
    return path;
}


/***/ })

};
