export const id = 690;
export const ids = [690,122];
export const modules = {

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

/***/ 1690:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkLayerAgainstTemplate: () => (/* binding */ checkLayerAgainstTemplate)
});

// UNUSED EXPORTS: FunctionTooLargeError

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/inputs.ts
var inputs = __webpack_require__(8422);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./src/aws/errors.ts
/**
 * Turns AWS SDK errors into messages a user can act on: what happened, why, and what to do.
 * Pure: it inspects the error's name, message and metadata and never calls AWS.
 */
/** An AWS failure rewritten for people; `cause` keeps the SDK error for debugging. */
class AwsActionableError extends Error {
    kind;
    awsCode;
    constructor(kind, message, awsCode, options) {
        super(message, options);
        this.kind = kind;
        this.awsCode = awsCode;
        this.name = "AwsActionableError";
    }
}
function shape(error) {
    return typeof error === "object" && error !== null ? error : {};
}
function errors_errorCode(error) {
    const e = shape(error);
    return e.Code ?? e.name ?? e.code;
}
function errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    return String(error);
}
const THROTTLE_CODES = new Set([
    "Throttling",
    "ThrottlingException",
    "ThrottledException",
    "RequestThrottled",
    "RequestThrottledException",
    "TooManyRequestsException",
    "RequestLimitExceeded",
    "SlowDown",
    "ProvisionedThroughputExceededException",
    "BandwidthLimitExceeded",
]);
/** AWS's own answers that mean "try again later"; network failures are told apart by networkCause. */
const TRANSIENT_CODES = new Set([
    "InternalFailure",
    "InternalError",
    "ServiceUnavailable",
    "ServiceUnavailableException",
    "RequestTimeout",
    "RequestTimeoutException",
]);
const NETWORK_CODES = {
    ECONNREFUSED: "refused",
    ECONNRESET: "reset",
    ECONNABORTED: "reset",
    EPIPE: "reset",
    ENOTFOUND: "dns",
    EAI_AGAIN: "dns",
    EAI_FAIL: "dns",
    ETIMEDOUT: "timeout",
    ESOCKETTIMEDOUT: "timeout",
    TimeoutError: "timeout",
    EHOSTUNREACH: "no-route",
    ENETUNREACH: "no-route",
    EPROTO: "tls",
    DEPTH_ZERO_SELF_SIGNED_CERT: "tls",
    SELF_SIGNED_CERT_IN_CHAIN: "tls",
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: "tls",
    UNABLE_TO_GET_ISSUER_CERT: "tls",
    UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "tls",
};
function networkKind(code) {
    if (NETWORK_CODES[code])
        return NETWORK_CODES[code];
    if (/^(CERT_|ERR_TLS_|ERR_SSL_)/.test(code))
        return "tls";
    return undefined;
}
/** A host name or address, and nothing else: whatever an error carries is never echoed beyond that. */
function hostOf(e) {
    const raw = e.address ?? e.hostname ?? e.host;
    if (typeof raw !== "string")
        return undefined;
    const host = raw.replace(/^.*@/, "");
    if (!/^[A-Za-z0-9.:_[\]-]{1,253}$/.test(host))
        return undefined;
    const port = typeof e.port === "number" ? `:${e.port}` : "";
    return host.includes(":") && port ? `[${host}]${port}` : `${host}${port}`;
}
function describeNetwork(kind, code, e) {
    const host = hostOf(e);
    switch (kind) {
        case "refused":
            return `connection refused (${code})${host ? ` by ${host}` : ""}`;
        case "reset": {
            const what = /socket hang up/i.test(e.message ?? "")
                ? `closed before an answer (socket hang up, ${code})`
                : `${code === "EPIPE" ? "broken" : "reset"} (${code})`;
            return `connection ${what}${host ? ` by ${host}` : ""}`;
        }
        case "dns":
            return `DNS lookup ${code === "EAI_AGAIN" ? "timed out" : "failed"} (${code})${host ? ` for ${host}` : ""}`;
        case "tls": {
            // Node's TLS messages say which check failed ("certificate has expired"); they carry no secrets.
            const detail = (e.message ?? "").split("\n")[0].slice(0, 120);
            return `TLS handshake failed (${code}${detail && detail !== code ? `: ${detail}` : ""})${host ? ` with ${host}` : ""}`;
        }
        case "timeout":
            return `no answer in time (${code})${host ? ` from ${host}` : ""}`;
        case "no-route":
            return `no route to the endpoint (${code})${host ? ` at ${host}` : ""}`;
    }
}
/**
 * Why a request got no answer from AWS at all, or undefined when AWS answered (any HTTP status) or the
 * error is not a network failure. The SDK passes Node's socket errors through with their `code`, and
 * sometimes wraps them (`cause`), so both are looked at; an error that carries an HTTP status came from
 * the other end and is never a network failure.
 */
function networkCause(error, depth = 0) {
    const e = shape(error);
    if (depth > 3 || typeof error !== "object" || error === null)
        return undefined;
    if (e.$metadata?.httpStatusCode !== undefined)
        return undefined;
    for (const code of [e.code, e.name]) {
        const kind = code ? networkKind(code) : undefined;
        if (code && kind) {
            // An AggregateError names the code; its parts name the addresses.
            const where = hostOf(e) ? e : shape(e.errors?.[0]);
            return { kind, code, text: describeNetwork(kind, code, { ...where, message: e.message }) };
        }
    }
    if (/socket hang up/i.test(e.message ?? "")) {
        return { kind: "reset", code: "ECONNRESET", text: describeNetwork("reset", "ECONNRESET", e) };
    }
    return e.cause !== undefined ? networkCause(e.cause, depth + 1) : undefined;
}
function isThrottle(error) {
    const e = shape(error);
    const code = errors_errorCode(error);
    return ((code !== undefined && THROTTLE_CODES.has(code)) ||
        e.$retryable?.throttling === true ||
        e.$metadata?.httpStatusCode === 429 ||
        /rate exceeded/i.test(e.message ?? ""));
}
/**
 * Throttling, 5xx and network failures: worth another try after a pause, never a reason to fail. A TLS
 * failure is the exception: it is a setting (a proxy's certificate, a wrong endpoint) that another try
 * does not fix, so only the waits, which must not give up on a stack mid-operation, retry it.
 */
function isRetryable(error) {
    if (isThrottle(error))
        return true;
    const e = shape(error);
    const code = errors_errorCode(error);
    if (code !== undefined && TRANSIENT_CODES.has(code))
        return true;
    if (e.code !== undefined && TRANSIENT_CODES.has(e.code))
        return true;
    const network = networkCause(error);
    if (network)
        return network.kind !== "tls";
    const status = e.$metadata?.httpStatusCode;
    return e.$fault === "server" || (status !== undefined && status >= 500);
}
/** CloudFormation answers DescribeStacks for a missing stack with this ValidationError. */
function isStackMissing(error) {
    return errors_errorCode(error) === "ValidationError" && /does not exist/i.test(errorMessage(error));
}
const EXPIRED_CODES = new Set([
    "ExpiredToken",
    "ExpiredTokenException",
    "RequestExpired",
    "TokenRefreshRequired",
]);
const INVALID_CODES = new Set([
    "InvalidClientTokenId",
    "UnrecognizedClientException",
    "SignatureDoesNotMatch",
    "InvalidAccessKeyId",
    "IncompleteSignature",
]);
const DENIED_CODES = new Set([
    "AccessDenied",
    "AccessDeniedException",
    "UnauthorizedOperation",
    "AuthorizationError",
    "Forbidden",
]);
/** On a runner, credentials come from aws-actions/configure-aws-credentials. */
const ACTION_CREDENTIALS_HINTS = {
    missing: "Add aws-actions/configure-aws-credentials before this step (with role-to-assume and the id-token: write permission for OIDC).",
    expired: "Raise role-duration-seconds on configure-aws-credentials so the session outlives the deployment (timeout-minutes plus a margin), then run again.",
    invalid: "Check the role or keys given to configure-aws-credentials and that the region is enabled for the account.",
};
let credentialsHints = (/* unused pure expression or super */ null && (ACTION_CREDENTIALS_HINTS));
/** The hints every later credentials message gives; an entry point that is not an action sets its own once. */
function setCredentialsHints(hints) {
    credentialsHints = hints;
}
/**
 * Maps an SDK error to an AwsActionableError. Errors that are already actionable pass through
 * unchanged, so callers may map at every layer without double wrapping.
 */
function errors_describeAwsError(error, context) {
    if (error instanceof AwsActionableError)
        return error;
    const e = shape(error);
    const code = errors_errorCode(error);
    const raw = errorMessage(error);
    const stack = context.stackName ? ` for stack ${context.stackName}` : "";
    const make = (kind, message) => new AwsActionableError(kind, message, code, { cause: error });
    const network = networkCause(error);
    if (network) {
        return new AwsActionableError("unreachable", `Could not reach AWS while calling ${context.action}${stack}: ${network.text}. Check the runner's network, AWS_ENDPOINT_URL and any VPC endpoint or proxy, then run again.`, network.code, { cause: error });
    }
    if (code === "CredentialsProviderError" || /could not load credentials/i.test(raw)) {
        return make("credentials-missing", `No AWS credentials were found while calling ${context.action}${stack}. ${credentialsHints.missing}`);
    }
    if ((code !== undefined && EXPIRED_CODES.has(code)) || /token.*expired|expired.*token/i.test(raw)) {
        return make("credentials-expired", `The AWS credentials expired while calling ${context.action}${stack} (${raw}). ${credentialsHints.expired}`);
    }
    if (code !== undefined && INVALID_CODES.has(code)) {
        return make("credentials-invalid", `AWS rejected the credentials while calling ${context.action}${stack}: ${raw}. ${credentialsHints.invalid}`);
    }
    if ((code !== undefined && DENIED_CODES.has(code)) || /is not authorized to perform/i.test(raw)) {
        const action = /perform:? ([\w-]+:[\w*]+)/i.exec(raw)?.[1] ?? context.action;
        return make("access-denied", `Access denied: the credentials may not call ${action}${stack}. Allow ${action} in the deploying role's policy (or the role-arn's, for actions CloudFormation takes on your behalf). AWS said: ${raw}`);
    }
    if (code === "InsufficientCapabilitiesException" || /requires capabilities/i.test(raw)) {
        const capabilities = /\[([A-Z_, ]+)\]/
            .exec(raw)?.[1]
            ?.split(/[,\s]+/)
            .filter(Boolean) ?? [];
        const named = capabilities.length > 0 ? capabilities.join(", ") : "a capability";
        return make("insufficient-capabilities", `The template${stack} needs ${named}, which the capabilities input does not grant. Add ${named} to capabilities (e.g. capabilities: CAPABILITY_IAM,${capabilities[0] ?? "CAPABILITY_NAMED_IAM"}).`);
    }
    if (/51[,.]?200 bytes|length less than or equal to 51200|TemplateBody.*(too long|too large)/i.test(raw)) {
        return make("template-too-large", `The template${stack} is over CloudFormation's 51,200-byte limit for inline templates. Set artifact-bucket (an S3 bucket in the stack's region) so the template is uploaded and passed by URL.`);
    }
    if (code === "PermanentRedirect" ||
        code === "AuthorizationHeaderMalformed" ||
        (code === "IllegalLocationConstraintException" && context.bucket !== undefined) ||
        (e.$metadata?.httpStatusCode === 301 && context.bucket !== undefined) ||
        /bucket is in this region|wrong region|is in a different region/i.test(raw)) {
        const bucket = context.bucket ?? "the artifact bucket";
        const where = e.Region ?? /expecting '([a-z0-9-]+)'/.exec(raw)?.[1];
        return make("bucket-region", `S3 bucket ${bucket} is in another region${where ? ` (${where})` : ""} than the stack${context.region ? ` (${context.region})` : ""}. CloudFormation reads templates only from a bucket in the stack's region: use a bucket in ${context.region ?? "that region"} as artifact-bucket.`);
    }
    const unknownParams = /Parameters: \[([^\]]*)\] do not exist in the template/i.exec(raw);
    if (unknownParams) {
        return make("unknown-parameter", `Parameter(s) ${unknownParams[1]} in parameter-overrides are not declared in the template${stack}. Remove them from parameter-overrides or declare them under Parameters.`);
    }
    const missingParams = /Parameters: \[([^\]]*)\] must have values/i.exec(raw);
    if (missingParams) {
        return make("missing-parameter", `Parameter(s) ${missingParams[1]} have no value${stack}. Give them in parameter-overrides (Key=Value) or give them a Default in the template.`);
    }
    if (isThrottle(error)) {
        return make("throttled", `AWS kept throttling ${context.action}${stack} after every retry: ${raw}. Too many deployments share the account's API rate; run again, or serialise deployments with a concurrency group.`);
    }
    if (code === "ValidationError") {
        return make("validation", `CloudFormation rejected ${context.action}${stack}: ${raw}`);
    }
    return make("unknown", `${context.action}${stack} failed: ${code && code !== "Error" ? `${code}: ` : ""}${raw}`);
}

// EXTERNAL MODULE: ./src/layer/zip.ts + 2 modules
var zip = __webpack_require__(1967);
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
    const { parseYamlWithLibrary: library } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 9363));
    return parseTemplateWith(source, file, library);
}

// EXTERNAL MODULE: ./src/template/yaml.ts
var yaml = __webpack_require__(9363);
;// CONCATENATED MODULE: ./src/template/nodes.ts
/** The entry for `key` when `node` is a mapping that has one. */
function nodes_mapGet(node, key) {
    if (node?.kind !== "map")
        return undefined;
    for (const entry of node.entries) {
        if (entry.key === key)
            return entry;
    }
    return undefined;
}
/** The plain JavaScript value of a node, as JSON.parse would give it (for diffs and output). */
function nodes_toPlain(node) {
    if (node.kind === "scalar")
        return node.value;
    if (node.kind === "seq")
        return node.items.map(nodes_toPlain);
    const out = {};
    for (const entry of node.entries) {
        if (entry.key === "__proto__") {
            Object.defineProperty(out, entry.key, {
                value: nodes_toPlain(entry.value),
                enumerable: true,
                writable: true,
                configurable: true,
            });
        }
        else {
            out[entry.key] = nodes_toPlain(entry.value);
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/template/parse.ts




function parse_parseTemplate(source, file) {
    return parseTemplateWith(source, file, yaml.parseYamlWithLibrary);
}

;// CONCATENATED MODULE: ./src/stack/template-source.ts





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
            const entry = mapGet(node, key);
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
    const parsed = parseTemplate(body, label);
    return parsed.root ? toPlain(parsed.root) : undefined;
}
class template_source_TemplateError extends Error {
    constructor(message) {
        super(message);
        this.name = "TemplateError";
    }
}
function loadTemplate(file, body) {
    const parsed = parseTemplate(body, file);
    if (parsed.root?.kind !== "map") {
        const first = parsed.findings[0];
        const where = first ? ` (line ${first.range.start.line}: ${first.message})` : "";
        throw new template_source_TemplateError(`Template ${file} could not be parsed${where}. Fix the template; the validate action reports every problem with its line.`);
    }
    const root = parsed.root;
    const resources = mapGet(root, "Resources")?.value;
    const transform = mapGet(root, "Transform");
    return {
        file,
        body,
        bytes: Buffer.byteLength(body, "utf8"),
        hash: createHash("sha256").update(body).digest("hex"),
        plain: toPlain(root),
        root,
        hasTransform: transform !== undefined && !(transform.value.kind === "seq" && transform.value.items.length === 0),
        resourceLine: (logicalId) => mapGet(resources, logicalId)?.keyRange.start.line,
        pathLine: (path) => lineAt(root, path),
    };
}
function artifactKey(template, stackName, prefix = "") {
    const base = prefix === "" || prefix.endsWith("/") ? prefix : `${prefix}/`;
    return `${base}${stackName}/${template.hash}.template`;
}
function template_source_templateUrl(bucket, key, artifacts) {
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
        throw new template_source_TemplateError(`Template ${template.file} is ${thousands(template.bytes)} bytes, over CloudFormation's hard limit of ${thousands(TEMPLATE_URL_LIMIT)} bytes for any template, even one passed through S3; nothing was uploaded. Split it into nested stacks (AWS::CloudFormation::Stack), or move large inline code and policies out of it.`);
    }
    if (template.bytes <= TEMPLATE_BODY_LIMIT || bucket)
        return;
    throw new template_source_TemplateError(`Template ${template.file} is ${thousands(template.bytes)} bytes, over CloudFormation's ${thousands(TEMPLATE_BODY_LIMIT)}-byte limit for inline templates. Set artifact-bucket to an S3 bucket in ${region} so the template can be uploaded and passed by URL.`);
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
        throw new template_source_TemplateError(`Template ${template.file} must go through S3, but no S3 client was given.`);
    }
    const key = artifactKey(template, stackName, artifacts.prefix);
    try {
        await s3.send(new PutObjectCommand({
            Bucket: artifacts.bucket,
            Key: key,
            Body: template.body,
            ContentType: "text/plain; charset=utf-8",
        }));
    }
    catch (error) {
        throw describeAwsError(error, {
            action: "s3:PutObject",
            stackName,
            bucket: artifacts.bucket,
            region: artifacts.region,
        });
    }
    return { TemplateURL: template_source_templateUrl(artifacts.bucket, key, artifacts) };
}

;// CONCATENATED MODULE: ./src/stack/package.ts











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
class PackageError extends template_source_TemplateError {
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
        current = nodes_mapGet(current, key)?.value;
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
            path: (0,external_node_path_.isAbsolute)(value) ? value : (0,external_node_path_.resolve)(dir, value),
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
    const globals = nodes_mapGet(root, "Globals")?.value;
    for (const [section, specs] of Object.entries(PACKAGED_GLOBALS)) {
        const properties = nodes_mapGet(globals, section)?.value;
        found.push(...findIn(properties, specs, ["Globals", section], `Globals.${section}`, "Globals", dir));
    }
    const resources = nodes_mapGet(root, "Resources")?.value;
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
    const parsed = parseTemplate(options.body, options.file);
    if (parsed.root?.kind !== "map") {
        const first = parsed.findings[0];
        const where = first ? ` (line ${first.range.start.line}: ${first.message})` : "";
        throw new TemplateError(`Template ${options.file} could not be parsed${where}.`);
    }
    const artifacts = findLocalArtifacts(parsed.root, options.dir);
    const plan = {
        file: options.file,
        dir: options.dir,
        body: options.body,
        format: parsed.format,
        plain: toPlain(parsed.root),
        artifacts,
    };
    for (const artifact of artifacts) {
        const where = { file: options.file, line: artifact.line };
        const at = `${options.file} line ${artifact.line}`;
        const info = await stat(artifact.path).catch(() => undefined);
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
        const body = await readFile(artifact.path, "utf8");
        try {
            artifact.nested = await planPackage({ file: artifact.path, body, dir: dirname(artifact.path) }, [
                ...seen,
                resolve(options.dir, basename(options.file)),
                artifact.path,
            ]);
        }
        catch (error) {
            if (error instanceof PackageError || !(error instanceof TemplateError))
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
        const info = await (0,promises_.stat)(artifact.path).catch(() => undefined);
        if (!info)
            continue;
        if (info.isDirectory()) {
            sizes.set(artifact.logicalId, await (0,zip/* treeUnzippedSize */.XW)([{ dir: artifact.path, prefix: "" }]));
        }
        else {
            const head = Buffer.alloc(4);
            const file = await (0,promises_.open)(artifact.path, "r");
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
        this.temp ??= await mkdtemp(join(tmpdir(), "preview-stacks-package-"));
        return this.temp;
    }
    async cleanup() {
        if (this.temp)
            await rm(this.temp, { recursive: true, force: true });
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
            await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
            return false;
        }
        catch (error) {
            const status = error?.$metadata?.httpStatusCode;
            if (status !== 404 && errorCode(error) !== "NotFound" && errorCode(error) !== "NoSuchKey") {
                throw describeAwsError(error, { action: "s3:GetObject", bucket, region });
            }
        }
        try {
            await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }));
        }
        catch (error) {
            throw describeAwsError(error, { action: "s3:PutObject", bucket, region });
        }
        return true;
    }
    async zipped(path, isDirectory) {
        const temp = await this.tempDir();
        let dir = path;
        if (!isDirectory) {
            // A single file of code becomes a zip holding just that file, as Lambda needs.
            dir = await mkdtemp(join(temp, "file-"));
            await copyFile(path, join(dir, basename(path)));
        }
        const output = join(temp, `${this.done.size}-${Date.now()}.zip`);
        const zipped = await (this.deps.zip ?? zipTree)([{ dir, prefix: "" }], output);
        return { sha256: zipped.sha256, bytes: await readFile(zipped.file) };
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
                const info = await stat(artifact.path);
                const raw = info.isFile() ? await readFile(artifact.path) : undefined;
                const alreadyZip = raw?.subarray(0, 4).equals(ZIP_MAGIC) ?? false;
                if (raw && (artifact.spec.upload === "file" || alreadyZip)) {
                    const extension = alreadyZip ? ".zip" : extname(artifact.path).toLowerCase();
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
            return templateUrl(bucket, key, this.target);
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
            const reparsed = parseTemplate(spliced, plan.file);
            if (reparsed.root && isDeepStrictEqual(toPlain(reparsed.root), expected))
                return spliced;
        }
        // An odd value (a block scalar, say) that cannot be replaced in place: the template as JSON,
        // short forms in long form, which is still the same for the same code.
        this.rewrittenAsJson = true;
        return `${JSON.stringify(expected, null, 2)}\n`;
    }
}
function sha256(bytes) {
    return createHash("sha256").update(bytes).digest("hex");
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
        throw new InputError(target.bucketInput, `the template ${plan.file} has local paths to package (${first.owner} ${first.property}: ${first.value}, line ${first.line}), so it needs an S3 bucket in ${target.region} to upload them to. Set ${target.bucketInput}, or give S3 locations in the template.`);
    }
    if (!deps.s3)
        throw new TemplateError(`Template ${plan.file} has local paths to upload, but no S3 client was given.`);
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
    return dirname(resolve(cwd, file));
}
/** Writes a packaged template into `dir` as `<name>.packaged.<ext>`; returns its path. */
async function writePackagedTemplate(dir, file, body) {
    await mkdir(dir, { recursive: true });
    const ext = extname(file).toLowerCase();
    const name = `${basename(file, extname(file))}.packaged${ext === ".json" ? ".json" : ext || ".yaml"}`;
    const path = join(dir, name);
    await writeFile(path, body);
    return path;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/stack/parameters.ts

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
        doc = format === "json" ? JSON.parse(text) : parseYaml(text, { schema: "failsafe" });
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
            const doc = parseYaml(text, { schema: "failsafe" });
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

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-lambda/dist-cjs/index.js
var dist_cjs = __webpack_require__(1696);
;// CONCATENATED MODULE: ./src/template/rules/template-index.ts

const SAM_TRANSFORM = "AWS::Serverless-2016-10-31";
/** The CloudFormation User Guide, which rules cite as their source. */
const USER_GUIDE = "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide";
/**
 * `Fn::ForEach::<Loop>` keys (AWS::LanguageExtensions) expand into resources, properties, outputs
 * or conditions at deploy time, so their names are templates rather than logical ids.
 */
function template_index_isForEachKey(key) {
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
                if (template_index_isForEachKey(entry.key))
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
        if (template_index_isForEachKey(name))
            continue;
        const body = entry.value.kind === "map" ? entry.value : undefined;
        const typeEntry = mapGet(body, "Type");
        resources.set(name, {
            name,
            entry,
            body,
            type: isString(typeEntry?.value) ? typeEntry.value.value : undefined,
            typeNode: typeEntry?.value,
            properties: mapGet(body, "Properties"),
            condition: mapGet(body, "Condition"),
            dependsOn: mapGet(body, "DependsOn"),
        });
    }
    // Transform is a name, a {Name, Parameters} mapping, or a list of either.
    const transforms = [];
    const addTransform = (node) => {
        if (isString(node))
            transforms.push(node.value);
        else if (node?.kind === "map") {
            const name = mapGet(node, "Name")?.value;
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

;// CONCATENATED MODULE: ./src/template/rules/resources/shared.ts


/** The resources rules should look at: every entry of Resources except Fn::ForEach loops. */
function* realResources(template) {
    for (const resource of template.resources.values())
        if (!isForEachKey(resource.name))
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
        const value = mapGet(globals, key)?.value;
        return value?.kind === "map" ? value : undefined;
    }
    return undefined;
}
/** Whether a SAM resource opts out of the Globals property `key` with IgnoreGlobals ("*" or a list naming it). */
function ignoresGlobal(resource, key) {
    const ignored = nodes_mapGet(resource.body, "IgnoreGlobals")?.value;
    if (isString(ignored))
        return ignored.value === "*";
    return ignored?.kind === "seq" && ignored.items.some((item) => isString(item) && item.value === key);
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
        current = nodes_mapGet(current, key)?.value;
    return current?.kind === "scalar" && typeof current.value === "string" ? current.value : undefined;
}
/** The Ref target when `node` is `{ Ref: X }`. */
function refOf(node) {
    if (node.kind !== "map" || node.entries.length !== 1 || node.entries[0].key !== "Ref")
        return undefined;
    const target = node.entries[0].value;
    return target.kind === "scalar" && typeof target.value === "string" ? target.value : undefined;
}
function function_limit_intrinsicName(node) {
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
        return [{ kind: "unresolved", what: `Layers given as ${function_limit_intrinsicName(layers)}`, line }];
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
        return [{ kind: "unresolved", what: ref ?? function_limit_intrinsicName(item), line: at }];
    });
}
/**
 * Every zip-packaged function of the template (container images have no such limit) with its code
 * and layers. `parameters` holds the values the stack will get (declared parameters absent from it
 * count as having no value); for SAM functions, Globals.Function's CodeUri, InlineCode and Layers apply
 * unless the function's IgnoreGlobals names them.
 */
function templateFunctions(root, parameters, given = new Set()) {
    const resourcesNode = nodes_mapGet(root, "Resources")?.value;
    if (resourcesNode?.kind !== "map")
        return [];
    const declared = nodes_mapGet(root, "Parameters")?.value;
    const values = {};
    for (const entry of declared?.kind === "map" ? declared.entries : [])
        values[entry.key] = parameters[entry.key];
    const resources = new Map(resourcesNode.entries.map((e) => [e.key, stringAt(e.value, "Type") ?? ""]));
    const ctx = { resources, parameters: values, given };
    const globals = nodes_mapGet(nodes_mapGet(root, "Globals")?.value, "Function")?.value;
    const found = [];
    for (const entry of resourcesNode.entries) {
        const type = resources.get(entry.key) ?? "";
        if (!FUNCTION_TYPES.has(type))
            continue;
        const properties = nodes_mapGet(entry.value, "Properties")?.value;
        const sam = type === "AWS::Serverless::Function";
        // ignoresGlobal reads the resource's body alone.
        const resource = { body: entry.value.kind === "map" ? entry.value : undefined };
        const global = (key) => (sam && !ignoresGlobal(resource, key) ? nodes_mapGet(globals, key) : undefined);
        const packageType = stringAt(properties, "PackageType") ?? stringAt(global("PackageType")?.value);
        if (packageType === "Image")
            continue;
        let code = { kind: "none" };
        if (sam) {
            const inline = stringAt(properties, "InlineCode") ?? stringAt(global("InlineCode")?.value);
            if (inline !== undefined)
                code = { kind: "inline", bytes: Buffer.byteLength(inline), property: "InlineCode" };
            else if (nodes_mapGet(properties, "CodeUri"))
                code = { kind: "local", owner: entry.key, property: "CodeUri" };
            else if (global("CodeUri"))
                code = { kind: "local", owner: GLOBALS, property: "Globals.Function CodeUri" };
        }
        else {
            const zipFile = stringAt(properties, "Code", "ZipFile");
            if (zipFile !== undefined)
                code = { kind: "inline", bytes: Buffer.byteLength(zipFile), property: "Code.ZipFile" };
            else if (nodes_mapGet(properties, "Code"))
                code = { kind: "local", owner: entry.key, property: "Code" };
        }
        found.push({
            logicalId: entry.key,
            type,
            line: entry.keyRange.start.line,
            code,
            layers: [
                ...layerRefs(global("Layers")?.value, ctx),
                ...layerRefs(nodes_mapGet(properties, "Layers")?.value, ctx),
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

;// CONCATENATED MODULE: ./src/layer/template-check.ts
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
    const path = (0,external_node_path_.resolve)(check.workspace, check.file);
    const body = await (0,promises_.readFile)(path, "utf8").catch((error) => {
        throw new errors/* InputError */.d(inputs/* BUILD_LAYER_INPUTS */.jc.template, `the template cannot be read (${error.code ?? error.message}); name a template file relative to the workspace.`);
    });
    const parsed = parse_parseTemplate(body, check.file);
    if (parsed.root?.kind !== "map") {
        const first = parsed.findings[0];
        throw new errors/* InputError */.d(inputs/* BUILD_LAYER_INPUTS */.jc.template, `the template could not be parsed${first ? ` (line ${first.range.start.line}: ${first.message})` : ""}.`);
    }
    const declared = nodes_mapGet(parsed.root, "Parameters")?.value;
    if (!nodes_mapGet(declared, check.parameter)) {
        throw new errors/* InputError */.d(inputs/* BUILD_LAYER_INPUTS */.jc.templateParameter, "the template declares no such parameter; name the parameter that will receive this layer's ARN.");
    }
    // Other parameters as the template's defaults give them: build-layer knows no overrides.
    const parameters = {};
    for (const p of templateParameters(nodes_toPlain(parsed.root)))
        parameters[p.key] = p.defaultValue;
    const artifacts = findLocalArtifacts(parsed.root, (0,external_node_path_.dirname)(path));
    const result = await checkFunctionLimits({
        file: check.file,
        root: parsed.root,
        parameters,
        local: await localCodeSizes({ artifacts }),
        given: new Map([
            [check.parameter, { label: `layer ${check.layer.name}`, bytes: check.layer.unzippedSize }],
        ]),
        onlyGiven: true,
        lambda: check.lambda,
    });
    if (result.checked.length === 0) {
        check.warn(`No function of the template lists the parameter named by ${inputs/* BUILD_LAYER_INPUTS */.jc.templateParameter} in its Layers; Lambda's limit for a function and its layers was not checked.`);
        return;
    }
    if (result.message)
        throw new FunctionTooLargeError(`${result.message}\nNothing was uploaded.`);
    const note = unknownNote(result);
    if (note)
        check.log(note);
    check.log(`Lambda's limit for a function and its layers holds for ${result.checked.map((f) => f.logicalId).join(", ")} with this layer.`);
}


/***/ }),

/***/ 297:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   jZ: () => (/* binding */ parseFinding),
/* harmony export */   rr: () => (/* binding */ LineIndex),
/* harmony export */   wj: () => (/* binding */ KeySet)
/* harmony export */ });
/* unused harmony exports lineColumnAt, duplicateKeyMessage */
/**
 * Offsets to 1-based line/column. Lines break at "\n" only, as GitHub annotations and editors
 * count them ("\r\n" ends a line at its "\n"). Line starts are found once, then each lookup is
 * a binary search, so positions for every node of a 1 MB template stay cheap.
 */
class LineIndex {
    starts;
    constructor(source) {
        const starts = [0];
        let i = source.indexOf("\n");
        while (i !== -1) {
            starts.push(i + 1);
            i = source.indexOf("\n", i + 1);
        }
        this.starts = starts;
    }
    /** The line of the last lookup: parsers ask in source order, so the answer is usually near. */
    last = 0;
    position(offset) {
        const starts = this.starts;
        const last = this.last;
        if (starts[last] <= offset) {
            if (last + 1 === starts.length || offset < starts[last + 1]) {
                return { line: last + 1, column: offset - starts[last] + 1 };
            }
            if (last + 2 === starts.length || offset < starts[last + 2]) {
                this.last = last + 1;
                return { line: last + 2, column: offset - starts[last + 1] + 1 };
            }
        }
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (starts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        this.last = lo;
        return { line: lo + 1, column: offset - starts[lo] + 1 };
    }
    range(start, end) {
        return { start: this.position(start), end: this.position(end) };
    }
}
function lineColumnAt(source, offset) {
    return new LineIndex(source).position(offset);
}
function parseFinding(file, message, range) {
    return { ruleId: "E0000", severity: "error", message, file, range };
}
/** cfn-lint's wording, so users who know it recognise the finding. */
function duplicateKeyMessage(key, firstLine) {
    return `Duplicate found "${key}" (line ${firstLine})`;
}
/**
 * The entry already holding `key`, if any. Template mappings are small, so a scan beats building
 * a Map for each of the thousands of them; big ones (Resources, Mappings) get an index.
 */
class KeySet {
    entries;
    index;
    constructor(entries) {
        this.entries = entries;
    }
    find(key) {
        const entries = this.entries;
        if (entries.length < 16) {
            for (let i = 0; i < entries.length; i++)
                if (entries[i].key === key)
                    return entries[i];
            return undefined;
        }
        if (!this.index) {
            this.index = new Map();
            for (const entry of entries)
                this.index.set(entry.key, entry);
        }
        return this.index.get(key);
    }
    add(entry) {
        this.entries.push(entry);
        this.index?.set(entry.key, entry);
    }
    /** Keys found written again, whose first place has been reported. */
    repeated;
    /**
     * Reports the key of `first` written again at `again`. Each place gets a finding naming the
     * line of the other (the first place once, however often the key repeats), so whichever one a
     * reader stands at shows the problem, as cfn-lint reports both.
     */
    duplicate(first, again, file, findings) {
        this.repeated ??= new Set();
        if (!this.repeated.has(first.key)) {
            this.repeated.add(first.key);
            findings.push(parseFinding(file, duplicateKeyMessage(first.key, again.start.line), first.keyRange));
        }
        findings.push(parseFinding(file, duplicateKeyMessage(first.key, first.keyRange.start.line), again));
    }
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
