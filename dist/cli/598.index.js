export const id = 598;
export const ids = [598];
export const modules = {

/***/ 5598:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   command: () => (/* binding */ command)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _inputs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8422);
/* harmony import */ var _options__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(776);
/**
 * `preview-stacks package`: zips and uploads a template's local code and nested templates to S3,
 * as `aws cloudformation package` does, and prints the template with their S3 locations.
 * Exit codes: 0 packaged, 1 packaging failed (a missing local path, an AWS error), 2 usage.
 */




async function run(parsed, io) {
    const template = (0,_options__WEBPACK_IMPORTED_MODULE_3__/* .stringValue */ .r$)(parsed, "template");
    if (!template)
        throw new _options__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb("package needs --template FILE.", "package");
    const bucket = (0,_options__WEBPACK_IMPORTED_MODULE_3__/* .stringValue */ .r$)(parsed, "artifact-bucket");
    const profile = (0,_options__WEBPACK_IMPORTED_MODULE_3__/* .stringValue */ .r$)(parsed, "profile");
    if (profile !== undefined)
        process.env.AWS_PROFILE = profile;
    const env = io.env ?? process.env;
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(io.cwd, template);
    // Loaded only for this command, so validate's cold start never pays for the AWS SDK.
    const [{ planPackage, runPackage }, { createS3Client, resolveRegion, RegionError }, { describeAwsError }] = await Promise.all([Promise.all(/* import() */[__webpack_require__.e(711), __webpack_require__.e(815), __webpack_require__.e(100), __webpack_require__.e(967), __webpack_require__.e(132), __webpack_require__.e(804)]).then(__webpack_require__.bind(__webpack_require__, 2132)), Promise.all(/* import() */[__webpack_require__.e(711), __webpack_require__.e(805), __webpack_require__.e(201)]).then(__webpack_require__.bind(__webpack_require__, 201)), Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 9378))]);
    const body = await (0,_options__WEBPACK_IMPORTED_MODULE_3__/* .readTemplateOption */ .at)(io, file);
    if (body === undefined)
        return 1;
    try {
        const plan = await planPackage({ file: template, body, dir: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(file) });
        let s3;
        let region = (0,_options__WEBPACK_IMPORTED_MODULE_3__/* .stringValue */ .r$)(parsed, "region") ?? "";
        if (plan.artifacts.length > 0) {
            region = resolveRegion({ region, env });
            s3 = createS3Client({ region });
        }
        try {
            const packaged = await runPackage(plan, {
                bucket,
                prefix: (0,_options__WEBPACK_IMPORTED_MODULE_3__/* .stringValue */ .r$)(parsed, "artifact-prefix"),
                region,
                endpoint: env.AWS_ENDPOINT_URL_S3?.trim() || env.AWS_ENDPOINT_URL?.trim() || undefined,
                bucketInput: "--artifact-bucket",
            }, { s3, log: (line) => io.stderr(`${line}\n`) });
            const output = (0,_options__WEBPACK_IMPORTED_MODULE_3__/* .stringValue */ .r$)(parsed, "output");
            if (output)
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(io.cwd, output), packaged.body);
            else
                io.stdout(packaged.body.endsWith("\n") ? packaged.body : `${packaged.body}\n`);
            return 0;
        }
        finally {
            s3?.destroy();
        }
    }
    catch (error) {
        if (error instanceof _inputs__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz || error instanceof RegionError)
            throw new _options__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(error.message, "package");
        const message = error instanceof Error && !("$metadata" in error)
            ? error.message
            : describeAwsError(error, { action: "s3:PutObject", bucket }).message;
        io.stderr(`preview-stacks: ${message}\n`);
        return 1;
    }
}
const command = {
    name: "package",
    summary: "upload a template's local code to S3 and print the packaged template",
    synopsis: ["preview-stacks package --template FILE [options]"],
    about: [
        "Zips and uploads the template's local code and nested templates to S3, as `aws cloudformation package` does, and prints the template with their S3 locations.",
        "Exit codes: 0 packaged, 1 packaging failed, 2 usage error. Credentials: the AWS SDK default chain.",
    ],
    options: [
        { name: "template", kind: "string", value: "FILE", help: "the template to package" },
        {
            name: "artifact-bucket",
            kind: "string",
            value: "NAME",
            help: "S3 bucket for the artifacts (needed when the template has local paths)",
        },
        {
            name: "artifact-prefix",
            kind: "string",
            value: "PREFIX",
            help: "key prefix in the bucket (objects go to PREFIXartifacts/<sha256>.zip)",
        },
        {
            name: "output",
            kind: "string",
            value: "FILE",
            help: "write the packaged template here (default: stdout)",
        },
        _options__WEBPACK_IMPORTED_MODULE_3__/* .REGION_OPTION */ .VB,
        _options__WEBPACK_IMPORTED_MODULE_3__/* .PROFILE_OPTION */ .Q,
        _options__WEBPACK_IMPORTED_MODULE_3__/* .HELP_OPTION */ .E4,
    ],
    run,
};


/***/ })

};
