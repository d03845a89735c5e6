export const id = 11;
export const ids = [11,363,122,804];
export const modules = {

/***/ 4688:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkFunctionLimits: () => (/* binding */ checkFunctionLimits),
  unknownNote: () => (/* binding */ unknownNote)
});

// UNUSED EXPORTS: publishedLayerSizes

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-lambda/dist-cjs/index.js
var dist_cjs = __webpack_require__(1696);
// EXTERNAL MODULE: ./src/template/nodes.ts
var nodes = __webpack_require__(9671);
// EXTERNAL MODULE: ./src/layer/limits.ts
var limits = __webpack_require__(7169);
;// CONCATENATED MODULE: ./src/layer/function-limit.ts


const FUNCTION_TYPES = new Set(["AWS::Lambda::Function", "AWS::Serverless::Function"]);
const LAYER_TYPES = new Set(["AWS::Lambda::LayerVersion", "AWS::Serverless::LayerVersion"]);
/** The logical id under which sizes of SAM's Globals.Function code are given, as packaging names it. */
const GLOBALS = "Globals";
function stringAt(node, ...path) {
    let current = node;
    for (const key of path)
        current = (0,nodes/* mapGet */.Z)(current, key)?.value;
    return current?.kind === "scalar" && typeof current.value === "string" ? current.value : undefined;
}
/** The Ref target when `node` is `{ Ref: X }`. */
function refOf(node) {
    if (node.kind !== "map" || node.entries.length !== 1 || node.entries[0].key !== "Ref")
        return undefined;
    const target = node.entries[0].value;
    return target.kind === "scalar" && typeof target.value === "string" ? target.value : undefined;
}
function intrinsicName(node) {
    if (node.kind === "map" && node.entries.length === 1)
        return node.entries[0].key;
    return node.kind === "seq" ? "a list" : "a value";
}
function splitList(value) {
    return value
        .split(",")
        .map((v) => v.trim())
        .filter(Boolean);
}
/** A parameter's value as layer ARNs (a CommaDelimitedList gives several). */
function fromParameter(name, line, ctx) {
    if (ctx.given.has(name))
        return [{ kind: "given", parameter: name, line }];
    const value = ctx.parameters[name];
    if (value === undefined || value.trim() === "") {
        return [{ kind: "unresolved", what: `parameter ${name}, which has no value here`, line }];
    }
    return splitList(value).map((arn) => ({ kind: "arn", arn, parameter: name, line }));
}
function layerRefs(layers, ctx) {
    if (!layers)
        return [];
    const line = layers.range.start.line;
    if (layers.kind !== "seq") {
        // Layers: !Ref SomeListParameter
        const ref = refOf(layers);
        if (ref !== undefined && (ref in ctx.parameters || ctx.given.has(ref)))
            return fromParameter(ref, line, ctx);
        return [{ kind: "unresolved", what: `Layers given as ${intrinsicName(layers)}`, line }];
    }
    return layers.items.flatMap((item) => {
        const at = item.range.start.line;
        if (item.kind === "scalar" && typeof item.value === "string") {
            return [{ kind: "arn", arn: item.value.trim(), line: at }];
        }
        const ref = refOf(item);
        if (ref !== undefined && ctx.given.has(ref))
            return [{ kind: "given", parameter: ref, line: at }];
        if (ref !== undefined && LAYER_TYPES.has(ctx.resources.get(ref) ?? "")) {
            return [{ kind: "resource", logicalId: ref, line: at }];
        }
        if (ref !== undefined && ref in ctx.parameters)
            return fromParameter(ref, at, ctx);
        return [{ kind: "unresolved", what: ref ?? intrinsicName(item), line: at }];
    });
}
/**
 * Every zip-packaged function of the template (container images have no such limit) with its code
 * and layers. `parameters` holds the values the stack will get (declared parameters absent from it
 * count as having no value); for SAM functions, Globals.Function's CodeUri, InlineCode and Layers apply.
 */
function templateFunctions(root, parameters, given = new Set()) {
    const resourcesNode = (0,nodes/* mapGet */.Z)(root, "Resources")?.value;
    if (resourcesNode?.kind !== "map")
        return [];
    const declared = (0,nodes/* mapGet */.Z)(root, "Parameters")?.value;
    const values = {};
    for (const entry of declared?.kind === "map" ? declared.entries : [])
        values[entry.key] = parameters[entry.key];
    const resources = new Map(resourcesNode.entries.map((e) => [e.key, stringAt(e.value, "Type") ?? ""]));
    const ctx = { resources, parameters: values, given };
    const globals = (0,nodes/* mapGet */.Z)((0,nodes/* mapGet */.Z)(root, "Globals")?.value, "Function")?.value;
    const found = [];
    for (const entry of resourcesNode.entries) {
        const type = resources.get(entry.key) ?? "";
        if (!FUNCTION_TYPES.has(type))
            continue;
        const properties = (0,nodes/* mapGet */.Z)(entry.value, "Properties")?.value;
        const sam = type === "AWS::Serverless::Function";
        const packageType = stringAt(properties, "PackageType") ?? (sam ? stringAt(globals, "PackageType") : undefined);
        if (packageType === "Image")
            continue;
        let code = { kind: "none" };
        if (sam) {
            const inline = stringAt(properties, "InlineCode") ?? stringAt(globals, "InlineCode");
            if (inline !== undefined)
                code = { kind: "inline", bytes: Buffer.byteLength(inline), property: "InlineCode" };
            else if ((0,nodes/* mapGet */.Z)(properties, "CodeUri"))
                code = { kind: "local", owner: entry.key, property: "CodeUri" };
            else if ((0,nodes/* mapGet */.Z)(globals, "CodeUri"))
                code = { kind: "local", owner: GLOBALS, property: "Globals.Function CodeUri" };
        }
        else {
            const zipFile = stringAt(properties, "Code", "ZipFile");
            if (zipFile !== undefined)
                code = { kind: "inline", bytes: Buffer.byteLength(zipFile), property: "Code.ZipFile" };
            else if ((0,nodes/* mapGet */.Z)(properties, "Code"))
                code = { kind: "local", owner: entry.key, property: "Code" };
        }
        found.push({
            logicalId: entry.key,
            type,
            line: entry.keyRange.start.line,
            code,
            layers: [
                ...(sam ? layerRefs((0,nodes/* mapGet */.Z)(globals, "Layers")?.value, ctx) : []),
                ...layerRefs((0,nodes/* mapGet */.Z)(properties, "Layers")?.value, ctx),
            ],
        });
    }
    return found;
}
/** The distinct layer ARNs the functions use, to look their sizes up (one call each). */
function layerArns(functions) {
    const arns = functions.flatMap((f) => f.layers.flatMap((l) => (l.kind === "arn" ? [l.arn] : [])));
    return [...new Set(arns)];
}
/**
 * A part's name for messages. ARNs are not repeated (a parameter's value is the user's input): a
 * layer is named by its parameter or its line.
 */
function layerPart(layer, sizes) {
    switch (layer.kind) {
        case "resource":
            return {
                kind: "layer",
                label: `layer ${layer.logicalId} (line ${layer.line})`,
                bytes: sizes.local?.get(layer.logicalId),
            };
        case "given": {
            const given = sizes.given?.get(layer.parameter);
            return {
                kind: "layer",
                label: `${given?.label ?? "layer"} (parameter ${layer.parameter}, line ${layer.line})`,
                bytes: given?.bytes,
            };
        }
        case "arn":
            return {
                kind: "layer",
                label: layer.parameter
                    ? `layer from parameter ${layer.parameter} (line ${layer.line})`
                    : `layer version ARN at line ${layer.line}`,
                bytes: sizes.arns?.get(layer.arn),
            };
        default:
            return { kind: "layer", label: `layer ${layer.what} (line ${layer.line})`, bytes: undefined };
    }
}
function functionSizes(functions, sizes) {
    return functions.map((fn) => {
        const parts = [];
        if (fn.code.kind === "inline") {
            parts.push({ kind: "code", label: `code (${fn.code.property})`, bytes: fn.code.bytes });
        }
        if (fn.code.kind === "local") {
            parts.push({
                kind: "code",
                label: `code (${fn.code.property})`,
                bytes: sizes.local?.get(fn.code.owner),
            });
        }
        parts.push(...fn.layers.map((layer) => layerPart(layer, sizes)));
        const known = parts.reduce((sum, p) => sum + (p.bytes ?? 0), 0);
        return { logicalId: fn.logicalId, type: fn.type, line: fn.line, parts, known };
    });
}
/** The functions whose known parts alone are over the limit. */
function overLimit(sizes, limit = limits/* UNZIPPED_LIMIT_BYTES */.ul) {
    return sizes.filter((s) => s.known > limit);
}
/** What to tell the user about functions over the limit, each with its parts and their sizes. */
function overLimitMessage(file, over, limit = limits/* UNZIPPED_LIMIT_BYTES */.ul) {
    const blocks = over.map((fn) => {
        const parts = fn.parts.map((p) => `  ${p.label}: ${p.bytes === undefined ? "unknown, not counted" : `${(0,limits/* mib */.jO)(p.bytes)} (${p.bytes} bytes)`}`);
        return [
            `Function ${fn.logicalId} (${fn.type}, ${file} line ${fn.line}) would unzip to at least ${(0,limits/* mib */.jO)(fn.known)} (${fn.known} bytes) with its layers, over Lambda's limit of ${(0,limits/* mib */.jO)(limit)} (${limit} bytes) for a function and all its layers:`,
            ...parts,
        ].join("\n");
    });
    return `${blocks.join("\n")}\nDrop what the function does not load, move a dependency out of a layer it shares, or ship the function as a container image.`;
}
/**
 * The layers of unknown size, for a note: a check that could not count them is not a pass. Code
 * already in S3 is not listed: that is the usual case, and its size was checked when it was made.
 */
function unknownParts(sizes) {
    return sizes.flatMap((fn) => fn.parts
        .filter((p) => p.kind === "layer" && p.bytes === undefined)
        .map((p) => `${fn.logicalId}: ${p.label}`));
}

// EXTERNAL MODULE: ./src/layer/publish.ts
var publish = __webpack_require__(1122);
;// CONCATENATED MODULE: ./src/layer/function-limit-check.ts
/**
 * The function limit check with its sizes gathered: layer versions' unzipped sizes read back from
 * their descriptions (GetLayerVersionByArn, once per distinct ARN), then the pure check of
 * function-limit.ts. Used by deploy before it uploads anything, and by build-layer for the
 * functions that will use the layer it built.
 */



/** Calls at once: a template names a handful of layers, and Lambda throttles bursts. */
const CONCURRENCY = 4;
/**
 * The unzipped size of each layer version whose description carries one (our build-layer writes
 * ` unzipped:<bytes>`). A version that cannot be read (missing, no permission, not an ARN) or has
 * no size in its description is left out: unknown, never guessed.
 */
async function publishedLayerSizes(lambda, arns) {
    const sizes = new Map();
    const queue = [...arns];
    const worker = async () => {
        for (let arn = queue.shift(); arn !== undefined; arn = queue.shift()) {
            const out = await lambda.send(new dist_cjs/* GetLayerVersionByArnCommand */.tGD({ Arn: arn })).catch(() => undefined);
            const bytes = (0,publish.unzippedSizeOf)(out?.Description);
            if (bytes !== undefined)
                sizes.set(arn, bytes);
        }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, arns.length) }, worker));
    return sizes;
}
async function checkFunctionLimits(request) {
    const given = request.given ?? new Map();
    let functions = templateFunctions(request.root, request.parameters, new Set(given.keys()));
    if (request.onlyGiven)
        functions = functions.filter((fn) => fn.layers.some((l) => l.kind === "given"));
    const arns = layerArns(functions);
    const arnSizes = request.lambda && arns.length > 0 ? await publishedLayerSizes(request.lambda, arns) : new Map();
    const checked = functionSizes(functions, { local: request.local, arns: arnSizes, given });
    const over = overLimit(checked);
    return {
        checked,
        over,
        message: over.length > 0 ? overLimitMessage(request.file, over) : undefined,
        unknown: unknownParts(checked),
    };
}
/** One line for the log about parts whose size was not known, or undefined when every part was counted. */
function unknownNote(result) {
    if (result.unknown.length === 0)
        return undefined;
    return `Lambda's limit for a function and its layers was checked without these parts, whose unzipped size is not known (a layer version published by other tools, or not readable): ${result.unknown.join("; ")}.`;
}


/***/ }),

/***/ 1122:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   findSameContent: () => (/* binding */ findSameContent),
/* harmony export */   layerDescription: () => (/* binding */ layerDescription),
/* harmony export */   layerObjectKey: () => (/* binding */ layerObjectKey),
/* harmony export */   listVersions: () => (/* binding */ listVersions),
/* harmony export */   objectExists: () => (/* binding */ objectExists),
/* harmony export */   publishLayer: () => (/* binding */ publishLayer),
/* harmony export */   shaMarker: () => (/* binding */ shaMarker),
/* harmony export */   sizeMarker: () => (/* binding */ sizeMarker),
/* harmony export */   unzippedSizeOf: () => (/* binding */ unzippedSizeOf),
/* harmony export */   uploadZip: () => (/* binding */ uploadZip),
/* harmony export */   versionsToPrune: () => (/* binding */ versionsToPrune)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1696);
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3711);
/**
 * Publishing: the zip uploaded content-addressed to the artifact bucket (skipped when the object is
 * there), a layer version reused when one already holds the same content, otherwise a new one, and
 * old versions pruned.
 */



/** Marks a layer version's content in its description: ` sha256:<hex>`. */
function shaMarker(sha256) {
    return `sha256:${sha256}`;
}
/** Marks a layer version's unzipped size in its description: ` unzipped:<bytes>`, read back by the function limit check. */
function sizeMarker(unzippedSize) {
    return `unzipped:${unzippedSize}`;
}
function layerDescription(description, sha256, unzippedSize) {
    const markers = [shaMarker(sha256), ...(unzippedSize === undefined ? [] : [sizeMarker(unzippedSize)])];
    return [...(description ? [description] : []), ...markers].join(" ");
}
/**
 * The unzipped size a description carries, or undefined: a version published by another tool, or
 * by an earlier release that wrote the sha256 alone, has none (and is not guessed at).
 */
function unzippedSizeOf(description) {
    const match = /(?:^|\s)unzipped:(\d{1,15})(?:\s|$)/.exec(description ?? "");
    return match ? Number(match[1]) : undefined;
}
function layerObjectKey(prefix, name, sha256) {
    return `${prefix}layers/${name}/${sha256}.zip`;
}
function notFound(error) {
    const e = error;
    return e?.name === "NotFound" || e?.name === "NoSuchKey" || e?.$metadata?.httpStatusCode === 404;
}
/** Whether the object is in the bucket already (HeadObject). */
async function objectExists(s3, target) {
    try {
        await s3.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_1__/* .HeadObjectCommand */ .l81({ Bucket: target.bucket, Key: target.key }));
        return true;
    }
    catch (error) {
        if (!notFound(error))
            throw error;
        return false;
    }
}
/** Uploads the zip unless the object exists (`exists`, when already known, saves the HeadObject); true when it uploaded. */
async function uploadZip(s3, target, zip, exists) {
    if (exists ?? (await objectExists(s3, target)))
        return false;
    await s3.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_1__/* .PutObjectCommand */ .wKZ({
        Bucket: target.bucket,
        Key: target.key,
        Body: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(zip.file),
        ContentLength: zip.size,
        ContentType: "application/zip",
    }));
    return true;
}
/** Every version of the layer, newest first (all pages); none when the layer does not exist. */
async function listVersions(lambda, name) {
    const versions = [];
    let marker;
    do {
        const page = await lambda.send(new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_2__/* .ListLayerVersionsCommand */ .icq({ LayerName: name, Marker: marker }));
        versions.push(...(page.LayerVersions ?? []));
        marker = page.NextMarker;
    } while (marker);
    return versions.sort((a, b) => (b.Version ?? 0) - (a.Version ?? 0));
}
/**
 * The version that already holds this content: one whose description carries the sha256 marker, or
 * the latest when Lambda's CodeSha256 (base64 sha256 of the zip) matches, for a version published
 * by another tool.
 */
async function findSameContent(lambda, name, sha256, versions) {
    const marked = versions.find((v) => v.Description?.includes(shaMarker(sha256)));
    if (marked)
        return marked;
    const latest = versions[0];
    if (latest?.Version === undefined)
        return undefined;
    const full = await lambda.send(new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_2__/* .GetLayerVersionCommand */ .VK5({ LayerName: name, VersionNumber: latest.Version }));
    return full.Content?.CodeSha256 === Buffer.from(sha256, "hex").toString("base64") ? latest : undefined;
}
/** Versions to delete: all but the newest `keep`, never `current`. */
function versionsToPrune(versions, keep, current) {
    const newestFirst = [...versions].sort((a, b) => b - a);
    return newestFirst.slice(keep).filter((v) => v !== current);
}
async function publishLayer(lambda, request, log) {
    const versions = await listVersions(lambda, request.name);
    const same = await findSameContent(lambda, request.name, request.sha256, versions);
    let arn;
    let version;
    let published = false;
    if (same?.LayerVersionArn && same.Version !== undefined) {
        arn = same.LayerVersionArn;
        version = same.Version;
        log(`Layer ${request.name} version ${version} already holds this content; nothing is published.`);
    }
    else {
        const out = await lambda.send(new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_2__/* .PublishLayerVersionCommand */ .cl_({
            LayerName: request.name,
            Content: { S3Bucket: request.bucket, S3Key: request.key },
            CompatibleArchitectures: [request.architecture],
            CompatibleRuntimes: request.compatibleRuntimes.length > 0 ? request.compatibleRuntimes : undefined,
            Description: layerDescription(request.description, request.sha256, request.unzippedSize),
        }));
        if (!out.LayerVersionArn || out.Version === undefined)
            throw new Error("PublishLayerVersion returned no version.");
        arn = out.LayerVersionArn;
        version = out.Version;
        published = true;
        log(`Published layer ${request.name} version ${version}.`);
    }
    const all = new Set(versions.map((v) => v.Version ?? 0));
    all.add(version);
    const pruned = versionsToPrune([...all], request.keepVersions, version);
    for (const old of pruned) {
        await lambda.send(new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_2__/* .DeleteLayerVersionCommand */ .KnR({ LayerName: request.name, VersionNumber: old }));
        log(`Deleted layer ${request.name} version ${old} (keeping the newest ${request.keepVersions}).`);
    }
    return { layerVersionArn: arn, version, published, pruned };
}


/***/ }),

/***/ 5102:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkLayerAgainstTemplate: () => (/* binding */ checkLayerAgainstTemplate)
/* harmony export */ });
/* unused harmony export FunctionTooLargeError */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _inputs__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8422);
/* harmony import */ var _stack_package__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2132);
/* harmony import */ var _template_nodes__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9671);
/* harmony import */ var _template_parse__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7865);
/* harmony import */ var _function_limit_check__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4688);
/**
 * build-layer's view of Lambda's limit for a function and its layers: the template the layer is
 * built for, the parameter that will receive its ARN, and each function listing that parameter
 * in its Layers, with its code (local paths measured) and other layers (read back when a Lambda
 * client is given). Loaded only when the template input is set.
 */








class FunctionTooLargeError extends Error {
    constructor(message) {
        super(message);
        this.name = "FunctionTooLargeError";
    }
}
/** Throws FunctionTooLargeError when this layer would push a function over the limit; logs what it checked. */
async function checkLayerAgainstTemplate(check) {
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(check.workspace, check.file);
    const body = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, "utf8").catch((error) => {
        throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(_inputs__WEBPACK_IMPORTED_MODULE_3__/* .BUILD_LAYER_INPUTS */ .jc.template, `the template cannot be read (${error.code ?? error.message}); name a template file relative to the workspace.`);
    });
    const parsed = (0,_template_parse__WEBPACK_IMPORTED_MODULE_5__/* .parseTemplate */ .QC)(body, check.file);
    if (parsed.root?.kind !== "map") {
        const first = parsed.findings[0];
        throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(_inputs__WEBPACK_IMPORTED_MODULE_3__/* .BUILD_LAYER_INPUTS */ .jc.template, `the template could not be parsed${first ? ` (line ${first.range.start.line}: ${first.message})` : ""}.`);
    }
    const declared = (0,_template_nodes__WEBPACK_IMPORTED_MODULE_7__/* .mapGet */ .Z)(parsed.root, "Parameters")?.value;
    if (!(0,_template_nodes__WEBPACK_IMPORTED_MODULE_7__/* .mapGet */ .Z)(declared, check.parameter)) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(_inputs__WEBPACK_IMPORTED_MODULE_3__/* .BUILD_LAYER_INPUTS */ .jc.templateParameter, "the template declares no such parameter; name the parameter that will receive this layer's ARN.");
    }
    // Other parameters as the template's defaults give them: build-layer knows no overrides.
    const parameters = {};
    for (const entry of declared?.kind === "map" ? declared.entries : []) {
        const fallback = (0,_template_nodes__WEBPACK_IMPORTED_MODULE_7__/* .mapGet */ .Z)(entry.value, "Default")?.value;
        parameters[entry.key] =
            fallback?.kind === "scalar" && fallback.value !== null ? String(fallback.value) : undefined;
    }
    const artifacts = (0,_stack_package__WEBPACK_IMPORTED_MODULE_4__.findLocalArtifacts)(parsed.root, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path));
    const result = await (0,_function_limit_check__WEBPACK_IMPORTED_MODULE_6__.checkFunctionLimits)({
        file: check.file,
        root: parsed.root,
        parameters,
        local: await (0,_stack_package__WEBPACK_IMPORTED_MODULE_4__.localCodeSizes)({ artifacts }),
        given: new Map([
            [check.parameter, { label: `layer ${check.layer.name}`, bytes: check.layer.unzippedSize }],
        ]),
        onlyGiven: true,
        lambda: check.lambda,
    });
    if (result.checked.length === 0) {
        check.warn(`No function of the template lists the parameter named by ${_inputs__WEBPACK_IMPORTED_MODULE_3__/* .BUILD_LAYER_INPUTS */ .jc.templateParameter} in its Layers; Lambda's limit for a function and its layers was not checked.`);
        return;
    }
    if (result.message)
        throw new FunctionTooLargeError(`${result.message}\nNothing was uploaded.`);
    const note = (0,_function_limit_check__WEBPACK_IMPORTED_MODULE_6__.unknownNote)(result);
    if (note)
        check.log(note);
    check.log(`Lambda's limit for a function and its layers holds for ${result.checked.map((f) => f.logicalId).join(", ")} with this layer.`);
}


/***/ }),

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
