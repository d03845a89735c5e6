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
// EXTERNAL MODULE: ./src/template/rules/resources/shared.ts
var shared = __webpack_require__(9267);
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
 * count as having no value); for SAM functions, Globals.Function's CodeUri, InlineCode and Layers apply
 * unless the function's IgnoreGlobals names them.
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
        // ignoresGlobal reads the resource's body alone.
        const resource = { body: entry.value.kind === "map" ? entry.value : undefined };
        const global = (key) => (sam && !(0,shared/* ignoresGlobal */.JJ)(resource, key) ? (0,nodes/* mapGet */.Z)(globals, key) : undefined);
        const packageType = stringAt(properties, "PackageType") ?? stringAt(global("PackageType")?.value);
        if (packageType === "Image")
            continue;
        let code = { kind: "none" };
        if (sam) {
            const inline = stringAt(properties, "InlineCode") ?? stringAt(global("InlineCode")?.value);
            if (inline !== undefined)
                code = { kind: "inline", bytes: Buffer.byteLength(inline), property: "InlineCode" };
            else if ((0,nodes/* mapGet */.Z)(properties, "CodeUri"))
                code = { kind: "local", owner: entry.key, property: "CodeUri" };
            else if (global("CodeUri"))
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
                ...layerRefs(global("Layers")?.value, ctx),
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
/* harmony export */   publishedByUs: () => (/* binding */ publishedByUs),
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
 * old versions this action published pruned (never the one output).
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
/**
 * Whether a version was published by this action: its description carries a full sha256 marker.
 * Pruning deletes only these, so versions another tool published under the same name are left alone.
 */
function publishedByUs(description) {
    return /(?:^|\s)sha256:[0-9a-f]{64}(?:\s|$)/.test(description ?? "");
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
    const all = new Set(versions.flatMap((v) => (v.Version !== undefined && publishedByUs(v.Description) ? [v.Version] : [])));
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
/* harmony import */ var _stack_parameters__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8598);
/* harmony import */ var _template_nodes__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9671);
/* harmony import */ var _template_parse__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7865);
/* harmony import */ var _function_limit_check__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4688);
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
    const parsed = (0,_template_parse__WEBPACK_IMPORTED_MODULE_6__/* .parseTemplate */ .QC)(body, check.file);
    if (parsed.root?.kind !== "map") {
        const first = parsed.findings[0];
        throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(_inputs__WEBPACK_IMPORTED_MODULE_3__/* .BUILD_LAYER_INPUTS */ .jc.template, `the template could not be parsed${first ? ` (line ${first.range.start.line}: ${first.message})` : ""}.`);
    }
    const declared = (0,_template_nodes__WEBPACK_IMPORTED_MODULE_8__/* .mapGet */ .Z)(parsed.root, "Parameters")?.value;
    if (!(0,_template_nodes__WEBPACK_IMPORTED_MODULE_8__/* .mapGet */ .Z)(declared, check.parameter)) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .d(_inputs__WEBPACK_IMPORTED_MODULE_3__/* .BUILD_LAYER_INPUTS */ .jc.templateParameter, "the template declares no such parameter; name the parameter that will receive this layer's ARN.");
    }
    // Other parameters as the template's defaults give them: build-layer knows no overrides.
    const parameters = {};
    for (const p of (0,_stack_parameters__WEBPACK_IMPORTED_MODULE_5__/* .templateParameters */ .fo)((0,_template_nodes__WEBPACK_IMPORTED_MODULE_8__/* .toPlain */ .U)(parsed.root)))
        parameters[p.key] = p.defaultValue;
    const artifacts = (0,_stack_package__WEBPACK_IMPORTED_MODULE_4__.findLocalArtifacts)(parsed.root, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path));
    const result = await (0,_function_limit_check__WEBPACK_IMPORTED_MODULE_7__.checkFunctionLimits)({
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
    const note = (0,_function_limit_check__WEBPACK_IMPORTED_MODULE_7__.unknownNote)(result);
    if (note)
        check.log(note);
    check.log(`Lambda's limit for a function and its layers holds for ${result.checked.map((f) => f.logicalId).join(", ")} with this layer.`);
}


/***/ }),

/***/ 8598:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FM: () => (/* binding */ noEchoValues),
/* harmony export */   Il: () => (/* binding */ describeParameters),
/* harmony export */   fo: () => (/* binding */ templateParameters),
/* harmony export */   rF: () => (/* binding */ readParameterOverrides),
/* harmony export */   un: () => (/* binding */ ParameterError),
/* harmony export */   v5: () => (/* binding */ MASK),
/* harmony export */   vA: () => (/* binding */ resolveParameters)
/* harmony export */ });
/* unused harmony exports PARAMETER_INPUT, parseParameterLines, parseParameterDocument, parseParameterText, MIN_SECRET_LINE */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);

/**
 * The parameter-overrides input, in any of the forms users already have:
 * - `Key=Value` lines (values may hold commas and `=`);
 * - a YAML or JSON mapping written in the input itself, which is the way in for multi-line values
 *   such as a PEM key (`Key: |` and an indented block);
 * - the AWS CLI's JSON list `[{"ParameterKey": ..., "ParameterValue": ...}]`, inline or in a file;
 * - a path to a file holding any of these (JSON, YAML, or `Key=Value` lines).
 * Checked against the template's Parameters before any AWS call, and NoEcho values are masked
 * wherever they could be printed. No message ever repeats a value: a bad line is named by its
 * number (and its key, when it has one).
 */
const PARAMETER_INPUT = "parameter-overrides";
class ParameterError extends Error {
    constructor(message) {
        super(`Input '${PARAMETER_INPUT}': ${message}`);
        this.name = "ParameterError";
    }
}
const KEY_PATTERN = /^[A-Za-z0-9]+$/;
const KEY_VALUE_LINE = /^[A-Za-z0-9]+\s*=/;
/** A `Key: value` line: YAML's spelling, or `=` mistyped as `:`. */
const COLON_LINE = /^([A-Za-z0-9]+)\s*:(\s|$)/;
const MASK = "****";
function scalarToString(value) {
    if (value === null || value === undefined)
        return undefined;
    if (Array.isArray(value)) {
        const items = value.map(scalarToString);
        return items.every((item) => item !== undefined) ? items.join(",") : undefined;
    }
    if (typeof value === "object")
        return undefined;
    return String(value);
}
function templateParameters(template) {
    const params = template?.Parameters;
    if (typeof params !== "object" || params === null)
        return [];
    return Object.entries(params).map(([key, body]) => ({
        key,
        type: typeof body?.Type === "string" ? body.Type : "String",
        noEcho: body?.NoEcho === true || body?.NoEcho === "true",
        defaultValue: scalarToString(body?.Default),
    }));
}
function setOnce(out, key, value, where) {
    if (!KEY_PATTERN.test(key) || key.length > 255) {
        throw new ParameterError(`the name ${where} is not a parameter name; names hold only letters and digits (at most 255).`);
    }
    if (out.has(key))
        throw new ParameterError(`parameter '${key}' is given twice (${where}); keep one.`);
    out.set(key, value);
}
function plural(items, one, many) {
    return items.length === 1 ? one : many;
}
/** `Key=Value` lines; a line that is not one is named by number, with its key when it has one. */
function parseParameterLines(text, source = "the input") {
    const lines = text.split(/\r?\n/);
    const bad = [];
    lines.forEach((line, index) => {
        const trimmed = line.trim();
        if (trimmed === "" || trimmed.startsWith("#") || trimmed.indexOf("=") > 0)
            return;
        bad.push({ line: index + 1, key: COLON_LINE.exec(trimmed)?.[1] });
    });
    if (bad.length > 0) {
        const where = bad.map((b) => (b.key ? `${b.line} (${b.key}: …)` : String(b.line))).join(", ");
        const colon = bad.find((b) => b.key);
        throw new ParameterError(`${plural(bad, "line", "lines")} ${where} of ${source} ${plural(bad, "is", "are")} not Key=Value. ` +
            (colon
                ? `Write ${colon.key}=<value>, or give the whole input as a YAML mapping (Key: value on every line). `
                : "") +
            "A value cannot span lines in Key=Value form: give a multi-line value (a PEM key) as a YAML mapping with a block scalar (Key: |), or in a JSON or YAML parameters file.");
    }
    const out = new Map();
    lines.forEach((line, index) => {
        const trimmed = line.trim();
        if (trimmed === "" || trimmed.startsWith("#"))
            return;
        const eq = trimmed.indexOf("=");
        setOnce(out, trimmed.slice(0, eq).trim(), trimmed.slice(eq + 1).trim(), `on line ${index + 1}`);
    });
    return out;
}
/** Where a parser stopped, without its message: parsers quote the source, which may hold a secret. */
function parsePosition(error, text) {
    const linePos = error?.linePos?.[0];
    if (linePos)
        return ` (line ${linePos.line}, column ${linePos.col})`;
    const offset = /position (\d+)/.exec(error?.message ?? "")?.[1];
    if (offset === undefined)
        return "";
    const before = text.slice(0, Number(offset)).split("\n");
    return ` (line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1})`;
}
/**
 * A JSON or YAML document: the AWS CLI's list of {ParameterKey, ParameterValue}, or a mapping of
 * names to values, either of them optionally under a `Parameters` key (CodePipeline's shape).
 * YAML is read with the failsafe schema, so every value is the text written (`1.10` stays `1.10`).
 */
function parseParameterDocument(text, source, format) {
    let doc;
    try {
        doc = format === "json" ? JSON.parse(text) : (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(text, { schema: "failsafe" });
    }
    catch (error) {
        throw new ParameterError(`${source} is not valid ${format === "json" ? "JSON" : "YAML"}${parsePosition(error, text)}.`);
    }
    if (doc !== null && typeof doc === "object" && !Array.isArray(doc) && "Parameters" in doc) {
        doc = doc.Parameters;
    }
    const out = new Map();
    if (Array.isArray(doc)) {
        doc.forEach((item, index) => {
            const key = item?.ParameterKey;
            const value = scalarToString(item?.ParameterValue);
            if (typeof key !== "string" || value === undefined) {
                throw new ParameterError(`${source}: item ${index + 1} needs ParameterKey and ParameterValue, e.g. {"ParameterKey": "Stage", "ParameterValue": "dev"}.`);
            }
            setOnce(out, key, value, `in item ${index + 1} of ${source}`);
        });
        return out;
    }
    if (doc !== null && typeof doc === "object") {
        for (const [key, raw] of Object.entries(doc)) {
            const value = scalarToString(raw);
            const name = KEY_PATTERN.test(key) ? `'${key}'` : "a key";
            if (value === undefined) {
                throw new ParameterError(`${source}: the value of ${name} must be a string, number, boolean or list.`);
            }
            setOnce(out, key, value, `of ${source}`);
        }
        return out;
    }
    throw new ParameterError(`${source} must hold a list of {ParameterKey, ParameterValue} or a mapping of names to values.`);
}
/** Text in any of the forms above but a file path: a document, `Key=Value` lines, or a YAML mapping. */
function parseParameterText(text, source) {
    const content = text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== "" && !line.startsWith("#"));
    if (content.length === 0)
        return new Map();
    if (/^[[{]/.test(content[0]))
        return parseParameterDocument(text, source, "yaml");
    if (content.every((line) => KEY_VALUE_LINE.test(line)))
        return parseParameterLines(text, source);
    if (COLON_LINE.test(content[0])) {
        let mapping = false;
        try {
            const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(text, { schema: "failsafe" });
            mapping = doc !== null && typeof doc === "object" && !Array.isArray(doc);
        }
        catch {
            // Not YAML either: the line-by-line reading below names the lines that are wrong.
        }
        if (mapping)
            return parseParameterDocument(text, source, "yaml");
    }
    return parseParameterLines(text, source);
}
/** One line that is neither Key=Value nor `Key: value` nor a document is a parameters file's path. */
async function readParameterOverrides(raw, readFile) {
    const text = raw.trim();
    if (text === "")
        return new Map();
    const oneLine = !text.includes("\n");
    if (oneLine && !text.includes("=") && !COLON_LINE.test(text) && !/^[[{]/.test(text)) {
        const file = text.replace(/^file:\/\//, "");
        let body;
        try {
            body = await readFile(file);
        }
        catch (error) {
            const code = error?.code;
            // Only something shaped like a path is repeated: a lone word may be a value without its key.
            const named = /[/\\]|\.(json|ya?ml|env|txt|properties)$/i.test(file) ? `'${file}'` : "The input";
            throw new ParameterError(`${named} was read as a parameters file (one line, no '='), but it cannot be read${code ? ` (${code})` : ""}. Give Key=Value lines, a YAML mapping, or the path of a parameters file relative to the workspace.`);
        }
        return file.toLowerCase().endsWith(".json")
            ? parseParameterDocument(body, file, "json")
            : parseParameterText(body, file);
    }
    return parseParameterText(raw, "the input");
}
/**
 * The Parameters list for CreateChangeSet. Unknown names fail here, before any AWS call. A
 * parameter without a value or default keeps the deployed stack's value (UsePreviousValue), so a
 * NoEcho secret set once need not be passed on every push; on a new stack it is an error.
 */
function resolveParameters(overrides, declared, deployed) {
    const known = new Set(declared.map((p) => p.key));
    const unknown = [...overrides.keys()].filter((k) => !known.has(k));
    if (unknown.length > 0) {
        const list = declared.length > 0 ? declared.map((p) => p.key).join(", ") : "none";
        throw new ParameterError(`${unknown.map((k) => `'${k}'`).join(", ")} ${unknown.length === 1 ? "is" : "are"} not declared in the template's Parameters (declared: ${list}). Remove ${unknown.length === 1 ? "it" : "them"} or fix the spelling.`);
    }
    const previous = new Set((deployed ?? []).map((p) => p.ParameterKey));
    const out = [];
    const missing = [];
    for (const param of declared) {
        const value = overrides.get(param.key);
        if (value !== undefined)
            out.push({ ParameterKey: param.key, ParameterValue: value });
        else if (param.defaultValue !== undefined)
            continue;
        else if (previous.has(param.key))
            out.push({ ParameterKey: param.key, UsePreviousValue: true });
        else
            missing.push(param.key);
    }
    if (missing.length > 0) {
        throw new ParameterError(`${missing.map((k) => `'${k}'`).join(", ")} ${missing.length === 1 ? "has" : "have"} no value and no Default in the template. Add ${missing.map((k) => `${k}=...`).join(", ")} to parameter-overrides.`);
    }
    return out;
}
/**
 * The values that must never reach a log or GitHub: every value given for a NoEcho parameter, and
 * each line of a multi-line one (a log line or a cut-off message may show a single line of a key).
 */
function noEchoValues(overrides, declared) {
    const noEcho = new Set(declared.filter((p) => p.noEcho).map((p) => p.key));
    const values = new Set();
    for (const [key, value] of overrides) {
        if (!noEcho.has(key) || value.trim() === "")
            continue;
        values.add(value);
        for (const line of value.split(/\r?\n/)) {
            // Lines too short to be secret on their own (blank, "-----") would only mangle the text.
            if (line.trim().length >= MIN_SECRET_LINE)
                values.add(line.trim());
        }
    }
    return [...values];
}
/** The shortest line of a multi-line secret that is masked on its own. */
const MIN_SECRET_LINE = 6;
/** `Key=Value` lines for the log, NoEcho values replaced by the mask. */
function describeParameters(parameters, declared) {
    const noEcho = new Set(declared.filter((p) => p.noEcho).map((p) => p.key));
    return parameters.map((p) => {
        if (p.UsePreviousValue)
            return `${p.ParameterKey}=(previous value)`;
        return `${p.ParameterKey}=${noEcho.has(p.ParameterKey ?? "") ? MASK : p.ParameterValue}`;
    });
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

/***/ 9267:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gt: () => (/* binding */ displayPath),
/* harmony export */   Hf: () => (/* binding */ isModuleType),
/* harmony export */   JJ: () => (/* binding */ ignoresGlobal),
/* harmony export */   W9: () => (/* binding */ realResources),
/* harmony export */   X8: () => (/* binding */ SAM_GLOBALS),
/* harmony export */   YE: () => (/* binding */ globalsFor),
/* harmony export */   c8: () => (/* binding */ isCustomType)
/* harmony export */ });
/* harmony import */ var _nodes__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9671);
/* harmony import */ var _template_index__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1331);


/** The resources rules should look at: every entry of Resources except Fn::ForEach loops. */
function* realResources(template) {
    for (const resource of template.resources.values())
        if (!(0,_template_index__WEBPACK_IMPORTED_MODULE_0__/* .isForEachKey */ .oJ)(resource.name))
            yield resource;
}
/** Custom resources take any properties their provider understands. */
function isCustomType(type) {
    return type.startsWith("Custom::") || type === "AWS::CloudFormation::CustomResource";
}
/** Modules (`Org::Service::Thing::MODULE`) come from the account's registry, not the spec. */
function isModuleType(type) {
    return type.endsWith("::MODULE");
}
/**
 * The Globals subsections SAM supports and the resource type each one applies to
 * (AWS SAM Developer Guide, "Globals section of the AWS SAM template").
 */
const SAM_GLOBALS = {
    Function: "AWS::Serverless::Function",
    Api: "AWS::Serverless::Api",
    HttpApi: "AWS::Serverless::HttpApi",
    SimpleTable: "AWS::Serverless::SimpleTable",
    StateMachine: "AWS::Serverless::StateMachine",
    CapacityProvider: "AWS::Serverless::CapacityProvider",
    LayerVersion: "AWS::Serverless::LayerVersion",
    WebSocketApi: "AWS::Serverless::WebSocketApi",
};
/** The Globals subsection (a mapping) that applies to resources of `type`, when SAM is on. */
function globalsFor(template, type) {
    if (!template.sam)
        return undefined;
    const globals = template.sections.get("Globals")?.map;
    for (const [key, globalType] of Object.entries(SAM_GLOBALS)) {
        if (globalType !== type)
            continue;
        const value = (0,_nodes__WEBPACK_IMPORTED_MODULE_1__/* .mapGet */ .Z)(globals, key)?.value;
        return value?.kind === "map" ? value : undefined;
    }
    return undefined;
}
/** Whether a SAM resource opts out of the Globals property `key` with IgnoreGlobals ("*" or a list naming it). */
function ignoresGlobal(resource, key) {
    const ignored = (0,_nodes__WEBPACK_IMPORTED_MODULE_1__/* .mapGet */ .Z)(resource.body, "IgnoreGlobals")?.value;
    if ((0,_template_index__WEBPACK_IMPORTED_MODULE_0__/* .isString */ .Kg)(ignored))
        return ignored.value === "*";
    return ignored?.kind === "seq" && ignored.items.some((item) => (0,_template_index__WEBPACK_IMPORTED_MODULE_0__/* .isString */ .Kg)(item) && item.value === key);
}
/** `LaunchTemplateData.BlockDeviceMappings[0].Ebs`: a property path as people write it. */
function displayPath(path) {
    let out = "";
    for (const segment of path) {
        if (typeof segment === "number")
            out += `[${segment}]`;
        else
            out += out === "" ? segment : `.${segment}`;
    }
    return out;
}


/***/ }),

/***/ 1331:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FF: () => (/* binding */ intrinsicName),
/* harmony export */   Kg: () => (/* binding */ isString),
/* harmony export */   RL: () => (/* binding */ isNoValue),
/* harmony export */   d6: () => (/* binding */ USER_GUIDE),
/* harmony export */   gQ: () => (/* binding */ INTRINSIC_FUNCTIONS),
/* harmony export */   o5: () => (/* binding */ PSEUDO_PARAMETERS),
/* harmony export */   oC: () => (/* binding */ subRange),
/* harmony export */   oJ: () => (/* binding */ isForEachKey),
/* harmony export */   ur: () => (/* binding */ parseSub),
/* harmony export */   vH: () => (/* binding */ indexTemplate),
/* harmony export */   x5: () => (/* binding */ SAM_TRANSFORM)
/* harmony export */ });
/* harmony import */ var _nodes__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9671);

const SAM_TRANSFORM = "AWS::Serverless-2016-10-31";
/** The CloudFormation User Guide, which rules cite as their source. */
const USER_GUIDE = "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide";
/**
 * `Fn::ForEach::<Loop>` keys (AWS::LanguageExtensions) expand into resources, properties, outputs
 * or conditions at deploy time, so their names are templates rather than logical ids.
 */
function isForEachKey(key) {
    return key.startsWith("Fn::ForEach::");
}
const PSEUDO_PARAMETERS = new Set([
    "AWS::AccountId",
    "AWS::NotificationARNs",
    "AWS::NoValue",
    "AWS::Partition",
    "AWS::Region",
    "AWS::StackId",
    "AWS::StackName",
    "AWS::URLSuffix",
]);
/** Every intrinsic function key CloudFormation knows (long form). */
const INTRINSIC_FUNCTIONS = new Set([
    "Ref",
    "Condition",
    "Fn::And",
    "Fn::Base64",
    "Fn::Cidr",
    "Fn::Equals",
    "Fn::FindInMap",
    "Fn::ForEach",
    "Fn::GetAZs",
    "Fn::GetAtt",
    "Fn::GetStackOutput",
    "Fn::If",
    "Fn::ImportValue",
    "Fn::Join",
    "Fn::Length",
    "Fn::Not",
    "Fn::Or",
    "Fn::Select",
    "Fn::Split",
    "Fn::Sub",
    "Fn::ToJsonString",
    "Fn::Transform",
]);
/** The intrinsic function a node is, when it is a one-entry mapping with an intrinsic key. */
function intrinsicName(node) {
    if (node?.kind !== "map" || node.entries.length !== 1)
        return undefined;
    const key = node.entries[0].key;
    return INTRINSIC_FUNCTIONS.has(key) ? key : undefined;
}
function isString(node) {
    return node?.kind === "scalar" && typeof node.value === "string";
}
/** Whether the node is `!Ref AWS::NoValue`. */
function isNoValue(node) {
    const arg = intrinsicName(node) === "Ref" ? node.entries[0].value : undefined;
    return isString(arg) && arg.value === "AWS::NoValue";
}
/**
 * The `${...}` variables of a Fn::Sub string. `${!Literal}` is an escape, not a variable.
 * Returns `malformed` for a `${` that is never closed.
 */
function parseSub(text) {
    const variables = [];
    const malformed = [];
    let index = text.indexOf("${");
    while (index !== -1) {
        const close = text.indexOf("}", index + 2);
        if (close === -1) {
            malformed.push(index);
            break;
        }
        const name = text.slice(index + 2, close);
        if (!name.startsWith("!"))
            variables.push({ name, offset: index + 2 });
        index = text.indexOf("${", close + 1);
    }
    return { variables, malformed };
}
function sectionItems(map) {
    const items = new Map();
    if (map)
        for (const entry of map.entries)
            if (!items.has(entry.key))
                items.set(entry.key, entry);
    return items;
}
/** Range of a substring of a single-line scalar; the whole scalar when the text spans lines. */
function subRange(node, offset, length) {
    const { start, end } = node.range;
    const raw = String(node.value);
    if (start.line !== end.line || end.column - start.column < raw.length)
        return node.range;
    // Quoted scalars start one column before their text.
    const shift = end.column - start.column - raw.length > 0 ? 1 : 0;
    const column = start.column + shift + offset;
    return { start: { line: start.line, column }, end: { line: start.line, column: column + length } };
}
function collectReferences(index) {
    const refs = index.references;
    const visit = (node, from) => {
        if (node.kind === "seq") {
            for (const item of node.items)
                visit(item, from);
            return;
        }
        if (node.kind !== "map")
            return;
        const fn = intrinsicName(node);
        if (fn) {
            const arg = node.entries[0].value;
            if (fn === "Ref" && isString(arg)) {
                refs.push({ kind: "Ref", target: arg.value, range: arg.range, from, node });
                return;
            }
            if (fn === "Condition" && isString(arg)) {
                refs.push({ kind: "Condition", target: arg.value, range: arg.range, from, node });
                return;
            }
            if (fn === "Fn::GetAtt") {
                if (isString(arg)) {
                    const dot = arg.value.indexOf(".");
                    const target = dot === -1 ? arg.value : arg.value.slice(0, dot);
                    refs.push({
                        kind: "GetAtt",
                        target,
                        attribute: dot === -1 ? undefined : arg.value.slice(dot + 1),
                        range: arg.range,
                        from,
                        node,
                    });
                    return;
                }
                if (arg.kind === "seq" && arg.items.length > 0 && isString(arg.items[0])) {
                    const attr = arg.items[1];
                    refs.push({
                        kind: "GetAtt",
                        target: arg.items[0].value,
                        attribute: isString(attr) ? attr.value : undefined,
                        range: arg.items[0].range,
                        from,
                        node,
                    });
                    for (const item of arg.items.slice(1))
                        visit(item, from);
                    return;
                }
            }
            if (fn === "Fn::Sub") {
                let text = arg;
                let locals = new Set();
                if (arg.kind === "seq") {
                    text = arg.items[0];
                    const vars = arg.items[1];
                    if (vars?.kind === "map") {
                        locals = new Set(vars.entries.map((e) => e.key));
                        for (const entry of vars.entries)
                            visit(entry.value, from);
                    }
                }
                if (isString(text)) {
                    for (const variable of parseSub(text.value).variables) {
                        const name = variable.name.trim();
                        if (locals.has(name))
                            continue;
                        const dot = name.indexOf(".");
                        const target = dot === -1 ? name : name.slice(0, dot);
                        refs.push({
                            kind: "Sub",
                            target,
                            attribute: dot === -1 ? undefined : name.slice(dot + 1),
                            range: subRange(text, variable.offset, variable.name.length),
                            from,
                            node,
                        });
                    }
                }
                return;
            }
            if (fn === "Fn::FindInMap" && arg.kind === "seq" && isString(arg.items[0])) {
                refs.push({ kind: "FindInMap", target: arg.items[0].value, range: arg.items[0].range, from, node });
                for (const item of arg.items.slice(1))
                    visit(item, from);
                return;
            }
            if (fn === "Fn::If" && arg.kind === "seq" && isString(arg.items[0])) {
                refs.push({ kind: "Condition", target: arg.items[0].value, range: arg.items[0].range, from, node });
                for (const item of arg.items.slice(1))
                    visit(item, from);
                return;
            }
        }
        for (const entry of node.entries)
            visit(entry.value, from);
    };
    /** The Condition attribute of a resource or output names a condition. */
    const conditionAttribute = (value, from) => {
        refs.push({ kind: "Condition", target: value.value, range: value.range, from, node: value });
    };
    for (const [name, section] of index.sections) {
        if (!section.map)
            continue;
        if (name === "Resources") {
            for (const entry of section.map.entries) {
                if (isForEachKey(entry.key))
                    visit(entry.value, ["Resources", entry.key]);
            }
            for (const resource of index.resources.values()) {
                const from = ["Resources", resource.name];
                if (!resource.body)
                    continue;
                for (const entry of resource.body.entries) {
                    if (entry.key === "Condition" && isString(entry.value)) {
                        conditionAttribute(entry.value, from);
                    }
                    else if (entry.key === "DependsOn") {
                        // DependsOn names resources but is not a Ref; rules read it from ResourceInfo.dependsOn.
                    }
                    else {
                        visit(entry.value, from);
                    }
                }
            }
        }
        else if (name === "Outputs") {
            for (const [outputName, output] of index.outputs) {
                const from = ["Outputs", outputName];
                if (output.value.kind !== "map")
                    continue;
                for (const entry of output.value.entries) {
                    if (entry.key === "Condition" && isString(entry.value)) {
                        conditionAttribute(entry.value, from);
                    }
                    else
                        visit(entry.value, from);
                }
            }
        }
        else if (name === "Conditions") {
            for (const [conditionName, condition] of index.conditions)
                visit(condition.value, ["Conditions", conditionName]);
        }
        else if (name === "Parameters" || name === "Mappings" || name === "Metadata" || name === "Rules") {
            // Parameters and Mappings hold literals; Rules and Metadata may hold intrinsics that
            // reference parameters, which counts as use.
            if (name === "Rules" || name === "Metadata")
                visit(section.map, [name]);
        }
        else {
            visit(section.map, [name]);
        }
    }
}
function indexTemplate(parsed, root) {
    const sections = new Map();
    for (const entry of root.entries) {
        if (sections.has(entry.key))
            continue;
        sections.set(entry.key, {
            entry,
            map: entry.value.kind === "map" ? entry.value : undefined,
            items: sectionItems(entry.value.kind === "map" ? entry.value : undefined),
        });
    }
    const items = (name) => sections.get(name)?.items ?? new Map();
    const resources = new Map();
    for (const [name, entry] of items("Resources")) {
        // A Fn::ForEach loop of the language extensions transform is not a resource itself.
        if (isForEachKey(name))
            continue;
        const body = entry.value.kind === "map" ? entry.value : undefined;
        const typeEntry = (0,_nodes__WEBPACK_IMPORTED_MODULE_0__/* .mapGet */ .Z)(body, "Type");
        resources.set(name, {
            name,
            entry,
            body,
            type: isString(typeEntry?.value) ? typeEntry.value.value : undefined,
            typeNode: typeEntry?.value,
            properties: (0,_nodes__WEBPACK_IMPORTED_MODULE_0__/* .mapGet */ .Z)(body, "Properties"),
            condition: (0,_nodes__WEBPACK_IMPORTED_MODULE_0__/* .mapGet */ .Z)(body, "Condition"),
            dependsOn: (0,_nodes__WEBPACK_IMPORTED_MODULE_0__/* .mapGet */ .Z)(body, "DependsOn"),
        });
    }
    // Transform is a name, a {Name, Parameters} mapping, or a list of either.
    const transforms = [];
    const addTransform = (node) => {
        if (isString(node))
            transforms.push(node.value);
        else if (node?.kind === "map") {
            const name = (0,_nodes__WEBPACK_IMPORTED_MODULE_0__/* .mapGet */ .Z)(node, "Name")?.value;
            if (isString(name))
                transforms.push(name.value);
        }
    };
    const transform = sections.get("Transform")?.entry.value;
    if (transform?.kind === "seq")
        for (const item of transform.items)
            addTransform(item);
    else
        addTransform(transform);
    const index = {
        parsed,
        root,
        file: parsed.file,
        sections,
        parameters: items("Parameters"),
        resources,
        conditions: items("Conditions"),
        mappings: items("Mappings"),
        outputs: items("Outputs"),
        sam: transforms.includes(SAM_TRANSFORM),
        transforms,
        references: [],
    };
    collectReferences(index);
    return index;
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
