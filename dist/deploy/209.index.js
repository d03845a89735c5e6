export const id = 209;
export const ids = [209];
export const modules = {

/***/ 7209:
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
;// CONCATENATED MODULE: ./src/layer/limits.ts
/** Lambda's size limit for a layer, checked before anything is uploaded. */
/** Lambda's limit on a function's unzipped code and layers together: 250 MiB. */
const UNZIPPED_LIMIT_BYTES = 262_144_000;
class LayerTooLargeError extends Error {
    unzippedSize;
    largest;
    constructor(unzippedSize, largest) {
        super(`The layer unzips to ${mib(unzippedSize)}, over Lambda's limit of ${mib(UNZIPPED_LIMIT_BYTES)} (${UNZIPPED_LIMIT_BYTES} bytes) for a function and all its layers. ` +
            `The largest directories:\n${largest.map((d) => `  ${d.path}  ${mib(d.bytes)}`).join("\n")}\n` +
            "Drop what the function does not load (tests, docs, other platforms' binaries), split the layer, or ship the function as a container image.");
        this.unzippedSize = unzippedSize;
        this.largest = largest;
        this.name = "LayerTooLargeError";
    }
}
function mib(bytes) {
    return `${(bytes / 1048576).toFixed(1)} MiB`;
}
/** Throws LayerTooLargeError, naming the ten largest directories, when the layer is over the limit. */
function checkLayerSize(unzippedSize, largestDirectories) {
    if (unzippedSize > UNZIPPED_LIMIT_BYTES)
        throw new LayerTooLargeError(unzippedSize, largestDirectories(10));
}

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
function overLimit(sizes, limit = UNZIPPED_LIMIT_BYTES) {
    return sizes.filter((s) => s.known > limit);
}
/** What to tell the user about functions over the limit, each with its parts and their sizes. */
function overLimitMessage(file, over, limit = UNZIPPED_LIMIT_BYTES) {
    const blocks = over.map((fn) => {
        const parts = fn.parts.map((p) => `  ${p.label}: ${p.bytes === undefined ? "unknown, not counted" : `${mib(p.bytes)} (${p.bytes} bytes)`}`);
        return [
            `Function ${fn.logicalId} (${fn.type}, ${file} line ${fn.line}) would unzip to at least ${mib(fn.known)} (${fn.known} bytes) with its layers, over Lambda's limit of ${mib(limit)} (${limit} bytes) for a function and all its layers:`,
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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/layer/publish.ts
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
        await s3.send(new HeadObjectCommand({ Bucket: target.bucket, Key: target.key }));
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
    await s3.send(new PutObjectCommand({
        Bucket: target.bucket,
        Key: target.key,
        Body: createReadStream(zip.file),
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
        const page = await lambda.send(new ListLayerVersionsCommand({ LayerName: name, Marker: marker }));
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
    const full = await lambda.send(new GetLayerVersionCommand({ LayerName: name, VersionNumber: latest.Version }));
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
        const out = await lambda.send(new PublishLayerVersionCommand({
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
        await lambda.send(new DeleteLayerVersionCommand({ LayerName: request.name, VersionNumber: old }));
        log(`Deleted layer ${request.name} version ${old} (keeping the newest ${request.keepVersions}).`);
    }
    return { layerVersionArn: arn, version, published, pruned };
}

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
            const bytes = unzippedSizeOf(out?.Description);
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


/***/ })

};
