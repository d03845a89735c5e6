export const id = 201;
export const ids = [201];
export const modules = {

/***/ 201:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RegionError: () => (/* binding */ RegionError),
/* harmony export */   clientConfig: () => (/* binding */ clientConfig),
/* harmony export */   createCloudFormationClient: () => (/* binding */ createCloudFormationClient),
/* harmony export */   createS3Client: () => (/* binding */ createS3Client),
/* harmony export */   observeAttempts: () => (/* binding */ observeAttempts),
/* harmony export */   resolveRegion: () => (/* binding */ resolveRegion),
/* harmony export */   usesCustomEndpoint: () => (/* binding */ usesCustomEndpoint)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3805);
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3711);


const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;
/** A region that cannot be used: the message says where the region is read from and how to set it. */
class RegionError extends Error {
    constructor(message) {
        super(message);
        this.name = "RegionError";
    }
}
function resolveRegion(settings = {}) {
    const env = settings.env ?? process.env;
    const region = (settings.region?.trim() || env.AWS_REGION?.trim() || env.AWS_DEFAULT_REGION?.trim()) ?? "";
    if (region === "") {
        throw new RegionError("No AWS region is set: AWS_REGION and AWS_DEFAULT_REGION are empty. Set aws-region on aws-actions/configure-aws-credentials before this step, or set AWS_REGION in the job's env.");
    }
    if (!REGION_PATTERN.test(region)) {
        throw new RegionError(`'${region}' is not an AWS region name; use a name like eu-west-1 or us-east-1.`);
    }
    return region;
}
/**
 * Adaptive retry lets the SDK slow itself down when CloudFormation throttles the account, which
 * is common when many pull requests deploy at once; ten attempts ride out a burst without
 * failing the run. AWS_MAX_ATTEMPTS, the SDK's own setting, is honoured over that default, as
 * anyone who sets it expects (the end-to-end tests set it low so that an endpoint that is down
 * costs milliseconds of the SDK's real-time backoff, not seconds).
 */
function clientConfig(settings = {}) {
    const env = settings.env ?? process.env;
    const fromEnv = Number(env.AWS_MAX_ATTEMPTS?.trim() || Number.NaN);
    const maxAttempts = settings.maxAttempts ?? (Number.isInteger(fromEnv) && fromEnv >= 1 ? fromEnv : 10);
    return { region: resolveRegion(settings), retryMode: "adaptive", maxAttempts };
}
/**
 * Calls `onFailure` with the error of every attempt of this command that fails, including those the
 * SDK retries on its own. One send can take minutes: under throttling the SDK backs off for up to 20 s
 * between attempts, ten attempts in all (about a minute on average, nearly two at worst), and nothing
 * is logged meanwhile. The middleware sits inside the SDK's retry middleware (the finalizeRequest
 * step, after it), so it sees each attempt; it goes on the command, not the client, because the waits
 * that need it hold the run's log and clock while the client is made before either exists. Nothing
 * here times anything: the caller decides what to log from the failures and its own clock.
 */
function observeAttempts(command, onFailure) {
    command.middlewareStack.add((next) => async (args) => {
        try {
            return await next(args);
        }
        catch (error) {
            try {
                onFailure(error);
            }
            catch {
                // Watching must never change what the call does.
            }
            throw error;
        }
    }, { step: "finalizeRequest", priority: "low", name: "previewStacksAttemptObserver" });
    return command;
}
/** True when requests go to a local endpoint (LocalStack, moto, the test fakes) instead of AWS. */
function usesCustomEndpoint(env = process.env, service = "S3") {
    return Boolean(env.AWS_ENDPOINT_URL?.trim() || env[`AWS_ENDPOINT_URL_${service}`]?.trim());
}
function createCloudFormationClient(settings = {}) {
    return new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_0__/* .CloudFormationClient */ .m1N(clientConfig(settings));
}
/**
 * Local S3 endpoints cannot resolve `<bucket>.<host>` names, so path-style addressing is used
 * whenever an endpoint override is set.
 */
function createS3Client(settings = {}) {
    const env = settings.env ?? process.env;
    return new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_1__/* .S3Client */ .YxF({ ...clientConfig(settings), forcePathStyle: usesCustomEndpoint(env, "S3") });
}


/***/ })

};
