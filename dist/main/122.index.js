export const id = 122;
export const ids = [122];
export const modules = {

/***/ 61122:
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
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(71696);
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(53711);
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


/***/ })

};
