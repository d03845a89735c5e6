export const id = 604;
export const ids = [604,201];
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


/***/ }),

/***/ 1604:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cK: () => (/* binding */ GITHUB_TOKEN_HELP),
  bd: () => (/* binding */ PR_OPTION),
  vI: () => (/* binding */ REPO_OPTION),
  Ue: () => (/* binding */ awsRegion),
  cA: () => (/* binding */ environment),
  bU: () => (/* binding */ githubToken),
  Hg: () => (/* binding */ githubWarnings),
  p8: () => (/* binding */ localRun),
  d_: () => (/* binding */ octokitFor),
  Jk: () => (/* binding */ repository),
  YD: () => (/* binding */ runLog),
  Ft: () => (/* binding */ runTime),
  T8: () => (/* binding */ splitRepository),
  s2: () => (/* binding */ stackTarget),
  lw: () => (/* binding */ withStackClients)
});

// UNUSED EXPORTS: pullRequest

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(3711);
// EXTERNAL MODULE: ./src/aws/clients.ts
var clients = __webpack_require__(201);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/github/context.ts

/** GitHub numbers issues and pull requests from 1; the API takes 32-bit integers. */
const MAX_PR_NUMBER = 2_147_483_647;
/**
 * A pull request number from the payload, refused unless it is a whole number GitHub could have
 * given: a crafted payload must never become a stack named `app-pr-1e+21`.
 */
function pullRequestNumber(value) {
    if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > MAX_PR_NUMBER) {
        throw new Error(`The event's pull_request.number is not a pull request number (a whole number from 1 to ${MAX_PR_NUMBER}), so no preview can be named after it. Run the action on the pull_request event GitHub sends, and do not rewrite GITHUB_EVENT_PATH.`);
    }
    return value;
}
function parseEventContext(env, payload) {
    const repository = env.GITHUB_REPOSITORY?.trim() ||
        (payload.repository?.full_name ?? "");
    if (!/^[^/\s]+\/[^/\s]+$/.test(repository)) {
        throw new Error("GITHUB_REPOSITORY is missing or not owner/repo, so the run cannot be tied to a repository. Run the action inside a GitHub Actions workflow (or set GITHUB_REPOSITORY when running it by hand).");
    }
    const [owner, repo] = repository.split("/");
    const eventName = env.GITHUB_EVENT_NAME ?? "";
    const pr = payload.pull_request;
    const prNumber = pr === undefined ? undefined : pullRequestNumber(pr.number);
    const headRepository = pr?.head?.repo?.full_name;
    const baseRepository = pr?.base?.repo?.full_name ?? repository;
    // A head repository of null means the fork was deleted; its code is still foreign.
    const isFork = pr !== undefined && (headRepository === undefined || headRepository !== baseRepository);
    const runId = env.GITHUB_RUN_ID ?? "0";
    const runAttempt = Number.parseInt(env.GITHUB_RUN_ATTEMPT ?? "1", 10) || 1;
    const server = (env.GITHUB_SERVER_URL ?? "https://github.com").replace(/\/+$/, "");
    return {
        eventName,
        repository,
        owner,
        repo,
        prNumber,
        prClosed: pr !== undefined && (payload.action === "closed" || pr.state === "closed"),
        sha: pr?.head?.sha ?? env.GITHUB_SHA ?? "",
        isFork,
        headRepository,
        runId,
        runAttempt,
        runUrl: `${server}/${repository}/actions/runs/${runId}${runAttempt > 1 ? `/attempts/${runAttempt}` : ""}`,
    };
}
/** The context of the current run; a missing or unreadable event file counts as an empty payload. */
function readEventContext(env = process.env) {
    let payload = {};
    if (env.GITHUB_EVENT_PATH) {
        try {
            payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8"));
        }
        catch {
            payload = {};
        }
    }
    return parseEventContext(env, payload);
}

// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
;// CONCATENATED MODULE: ./src/github/guard.ts

/** What the actions tell a user to check when a GitHub call fails. */
const WORKFLOW_PERMISSIONS_HINT = "check that the workflow grants the permission (pull-requests: write, deployments: write) and that github-token is set";
/**
 * The guard for an operation whose own result (`the deploy result`) GitHub trouble must never hide
 * or change: a failed call becomes a warning that says what was not done and what to check
 * (`hint`: the workflow's permissions in an action, the token's scopes on the command line).
 */
function githubGuard(result, warn, hint = WORKFLOW_PERMISSIONS_HINT) {
    return async (what, call) => {
        try {
            return await call();
        }
        catch (error) {
            warn(`Could not ${what} on GitHub: ${(0,errors.errorMessage)(error)}. ${result} is unaffected; ${hint}.`);
            return undefined;
        }
    };
}

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 21 modules
var github = __webpack_require__(1758);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(9735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(6856);
// EXTERNAL MODULE: ./node_modules/bottleneck/light.js
var light = __webpack_require__(3251);
var light_default = /*#__PURE__*/__webpack_require__.n(light);
;// CONCATENATED MODULE: ./src/github/octokit.ts




/**
 * The Octokit every action uses: GitHub's own retry plugin for 5xx answers (a single failed POST
 * must not lose a run's comment) and its throttling plugin for primary and secondary rate limits.
 * A rate-limit wait is logged when it starts and at least every 30 seconds while it lasts, so a
 * long silence never looks like a hang. Waits longer than MAX_RATE_LIMIT_WAIT_S are not made: the
 * call fails, and the caller's warning says what was not written.
 */
const MAX_RATE_LIMIT_WAIT_S = 120;
const HEARTBEAT_MS = 30_000;
function createOctokit(token, settings) {
    const scale = settings.timeScale ?? 1;
    const onLimit = (kind) => (retryAfter, options, _o, retryCount) => {
        const what = `${options.method ?? "GET"} ${options.url ?? ""}`.trim();
        if (retryCount >= 2 || retryAfter > MAX_RATE_LIMIT_WAIT_S) {
            settings.log(`GitHub's ${kind} rate limit stopped ${what}; it asks for a wait of ${retryAfter} s, which this run does not make.`);
            return false;
        }
        settings.log(`GitHub's ${kind} rate limit: waiting ${retryAfter} s before retrying ${what}.`);
        heartbeat((retryAfter * 1000) / scale, HEARTBEAT_MS / scale, (elapsedMs) => settings.log(`Still waiting out GitHub's ${kind} rate limit (${Math.round((elapsedMs * scale) / 1000)} of ${retryAfter} s).`));
        return true;
    };
    return (0,github/* getOctokit */.Q)(token, {
        retry: { retries: settings.retries ?? 3, retryAfterBaseValue: 1000 / scale },
        throttle: {
            onRateLimit: onLimit("primary"),
            onSecondaryRateLimit: onLimit("secondary"),
            retryAfterBaseValue: 1000 / scale,
            write: new (light_default()).Group({ maxConcurrent: 1, minTime: (settings.writeSpacingMs ?? 1000) / scale }),
            // Writes that notify people (a new comment) are spaced 3 s apart by the plugin; scaled
            // time shortens that spacing with every other wait.
            notifications: new (light_default()).Group({ maxConcurrent: 1, minTime: 3000 / scale }),
        },
    }, dist_bundle/* retry */.L, plugin_throttling_dist_bundle/* throttling */.A);
}
/** Calls `beat` every `everyMs` until `totalMs` has passed; the timer never keeps the process alive. */
function heartbeat(totalMs, everyMs, beat) {
    let elapsed = 0;
    const timer = setInterval(() => {
        elapsed += everyMs;
        if (elapsed >= totalMs)
            clearInterval(timer);
        else
            beat(elapsed);
    }, everyMs);
    timer.unref();
}

;// CONCATENATED MODULE: ./src/github/redact.ts
/**
 * Known secret values (what was given for NoEcho parameters) stripped from text before it leaves
 * the run: the PR comment, the deployment status, the job summary, step outputs and failure
 * messages. The runner masks the log; GitHub's API and the outputs are ours to clean. Stack
 * outputs and CloudFormation's failure reasons can repeat a secret (an Output that `!Ref`s the
 * parameter, a reason quoting a property), so everything is cleaned, not only our own text.
 */
const REDACTED = "***";
class Redactor {
    /** Longest first, so a secret that contains another is replaced whole. */
    values = [];
    add(value) {
        if (value === "" || this.values.includes(value))
            return;
        this.values.push(value);
        this.values.sort((a, b) => b.length - a.length);
    }
    get size() {
        return this.values.length;
    }
    redact(text) {
        let out = text;
        for (const value of this.values) {
            if (out.includes(value))
                out = out.split(value).join(REDACTED);
        }
        return out;
    }
    /** The same for every string inside plain objects and arrays (a result, outputs-json); a Date or class instance is kept as it is. */
    redactDeep(value) {
        if (typeof value === "string")
            return this.redact(value);
        if (Array.isArray(value))
            return value.map((item) => this.redactDeep(item));
        if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
            return Object.fromEntries(Object.entries(value).map(([key, item]) => [this.redact(key), this.redactDeep(item)]));
        }
        return value;
    }
}

// EXTERNAL MODULE: ./src/stack/runtime.ts
var runtime = __webpack_require__(4768);
// EXTERNAL MODULE: ./src/cli/options.ts
var options = __webpack_require__(776);
// EXTERNAL MODULE: ./src/stack/wait.ts
var wait = __webpack_require__(8503);
;// CONCATENATED MODULE: ./src/cli/progress.ts
/**
 * What a person sees while a long operation runs from the command line: every log line (the stack
 * events among them, as the stack modules format them) and, on a terminal, one status line kept at
 * the bottom with the running elapsed time and the latest resource event, redrawn in place. When
 * the output is not a terminal (a pipe, a CI log, a file) the same lines are written plainly, with
 * no control characters and no status line. The view is pure: it writes through `write`, reads
 * time from `clock`, and is told whether it is on a terminal, so tests drive both renderings.
 */

/** Carriage return and erase-line: the status line is wiped before anything else is written. */
const CLEAR_LINE = "\r\x1b[2K";
/** `12:04:31  Api  AWS::ApiGateway::RestApi  CREATE_IN_PROGRESS  reason`, as formatEvent writes it. */
const EVENT_LINE = /^\d\d:\d\d:\d\d {2}(\S+) {2}\S+ {2}([A-Z_]+)(?: {2}|$)/;
class ProgressView {
    options;
    startedAt;
    latest;
    drawn = false;
    stopped = false;
    constructor(options) {
        this.options = options;
        this.startedAt = options.clock();
    }
    /** One line of the operation's log. */
    line(text) {
        const event = EVENT_LINE.exec(text);
        if (event)
            this.latest = `${event[1]} ${event[2]}`;
        if (!this.options.isTTY || this.stopped) {
            this.options.write(`${text}\n`);
            return;
        }
        this.options.write(`${this.drawn ? CLEAR_LINE : ""}${text}\n`);
        this.drawn = false;
        this.draw();
    }
    /** Redraws the status line with the time now (a terminal's timer calls it every second). */
    tick() {
        if (this.options.isTTY && !this.stopped)
            this.draw();
    }
    /** Removes the status line for good; lines written afterwards are plain. */
    stop() {
        if (this.drawn)
            this.options.write(CLEAR_LINE);
        this.drawn = false;
        this.stopped = true;
    }
    /** `[1m05s] deploy shop-pr-12 · Api CREATE_IN_PROGRESS` */
    status() {
        const elapsed = (0,wait/* formatDuration */.a3)(this.options.clock() - this.startedAt);
        const text = `[${elapsed}] ${this.options.label}${this.latest ? ` · ${this.latest}` : ""}`;
        const width = (this.options.columns ?? 80) - 1;
        return text.length > width ? `${text.slice(0, Math.max(0, width - 1))}…` : text;
    }
    draw() {
        this.options.write(`${this.drawn ? CLEAR_LINE : ""}${this.status()}`);
        this.drawn = true;
    }
}
/**
 * Whether progress is drawn as on a terminal: PREVIEW_STACKS_PROGRESS=tty or plain decides when
 * set (tests, and terminals that do not understand erase-line), else whether stderr is a terminal.
 */
function progressIsTTY(env, stderrIsTTY) {
    const forced = env.PREVIEW_STACKS_PROGRESS?.trim().toLowerCase();
    if (forced === "tty")
        return true;
    if (forced === "plain")
        return false;
    return stderrIsTTY;
}
/** Redraws the view every second of real time until the returned function is called; never keeps the process alive. */
function startTicking(view, everyMs = 1_000) {
    const timer = setInterval(() => view.tick(), everyMs);
    timer.unref();
    return () => clearInterval(timer);
}

;// CONCATENATED MODULE: ./src/cli/context.ts









const PR_OPTION = {
    name: "pr",
    kind: "string",
    value: "NUMBER",
    help: "the pull request whose preview this is: the stack name and tags are derived as the action derives them",
};
const REPO_OPTION = {
    name: "repo",
    kind: "string",
    value: "OWNER/NAME",
    help: "the GitHub repository (default: GITHUB_REPOSITORY); names previews and tags them",
};
const GITHUB_TOKEN_HELP = "GitHub token (default: GITHUB_TOKEN); without one no GitHub call is made. Prefer the variable: arguments show in the process list";
function environment(io) {
    return io.env ?? process.env;
}
/** --pr as a number GitHub could have given, or undefined when not given. */
function pullRequest(parsed, command) {
    const raw = (0,options/* stringValue */.r$)(parsed, "pr");
    if (raw === undefined)
        return undefined;
    const pr = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!(pr >= 1 && pr <= MAX_PR_NUMBER)) {
        throw new options/* UsageError */.eb(`option '--pr' of ${command}: the value is not a pull request number; use a whole number from 1 to ${MAX_PR_NUMBER}.`, command);
    }
    return pr;
}
/** --repo, else GITHUB_REPOSITORY; `why` says what needs it when neither is set. */
function repository(parsed, env, command, why) {
    const given = (0,options/* stringValue */.r$)(parsed, "repo");
    const repo = given ?? (env.GITHUB_REPOSITORY?.trim() || undefined);
    if (repo === undefined) {
        if (why)
            throw new options/* UsageError */.eb(`${command} needs --repo OWNER/NAME (or GITHUB_REPOSITORY): ${why}`, command);
        return undefined;
    }
    if (!/^[\w.-]+\/[\w.-]+$/.test(repo)) {
        throw new options/* UsageError */.eb(`${given !== undefined ? "option '--repo'" : "GITHUB_REPOSITORY"} of ${command}: the value is not a repository; use OWNER/NAME, e.g. acme/shop.`, command);
    }
    return repo;
}
/**
 * What deploy and teardown act on: a pull request's preview (--pr, with --repo) or a stack named
 * in --stack-name; and the event context their inputs are read with, as on a pull_request event
 * when --pr is given. `whyRepo` says why the command needs --repo, when it does.
 */
function stackTarget(parsed, io, command, whyRepo) {
    const env = environment(io);
    const pr = pullRequest(parsed, command);
    if (pr === undefined && (0,options/* stringValue */.r$)(parsed, "stack-name") === undefined) {
        throw new options/* UsageError */.eb(`${command} needs --pr NUMBER (with --repo OWNER/NAME) for a pull request's preview, or --stack-name NAME.`, command);
    }
    const repo = repository(parsed, env, command, whyRepo);
    const context = {
        eventName: pr !== undefined ? "pull_request" : "command line",
        repository: repo ?? "",
        prNumber: pr,
    };
    return { pr, repo, token: githubToken(parsed, env), context };
}
/** --github-token, else GITHUB_TOKEN; "" when neither is set. */
function githubToken(parsed, env) {
    return (0,options/* stringValue */.r$)(parsed, "github-token") ?? (env.GITHUB_TOKEN?.trim() || "");
}
/**
 * The region as the AWS CLI finds it: --region, then AWS_REGION / AWS_DEFAULT_REGION, then the
 * profile's `region` in the shared config (read by the SDK's own loader). --profile is put in
 * AWS_PROFILE before any client is made, so credentials come from the same profile.
 */
async function awsRegion(parsed, env, command) {
    const profile = (0,options/* stringValue */.r$)(parsed, "profile");
    if (profile !== undefined)
        process.env.AWS_PROFILE = profile;
    let region = (0,options/* stringValue */.r$)(parsed, "region") ?? "";
    if (region === "" && !env.AWS_REGION?.trim() && !env.AWS_DEFAULT_REGION?.trim()) {
        const probe = new dist_cjs/* S3Client */.YxF({});
        region = await probe.config.region().catch(() => "");
        probe.destroy();
    }
    try {
        return (0,clients.resolveRegion)({ region, env });
    }
    catch (error) {
        if (!(error instanceof clients.RegionError))
            throw error;
        throw new options/* UsageError */.eb(region === ""
            ? `${command} needs an AWS region: give --region, set AWS_REGION, or set region in the AWS profile.`
            : `option '--region' of ${command}: the value is not an AWS region name; use a name like eu-west-1.`, command);
    }
}
/** A run id for change set names and request tokens, where the action uses the workflow run's. */
function localRun(clock) {
    return { id: `cli-${clock()}`, attempt: 1 };
}
function runLog(io, label, clock) {
    const env = environment(io);
    const isTTY = progressIsTTY(env, io.stderrIsTTY ?? false);
    const view = new ProgressView({
        isTTY,
        write: io.stderr,
        clock,
        label,
        columns: Number(env.COLUMNS) || process.stderr.columns || 80,
    });
    const redactor = new Redactor();
    const stopTicking = isTTY ? startTicking(view) : () => { };
    return {
        log: (line) => view.line(redactor.redact(line)),
        view,
        redactor,
        stop: () => {
            stopTicking();
            view.stop();
        },
    };
}
/** What a person running a command is told to check when a GitHub call fails. */
const TOKEN_HINT = "check that the token (GITHUB_TOKEN or --github-token) may write the repository's pull requests and deployments";
/**
 * The guard for every GitHub call of a command: a failure is a warning in the log, and the
 * command's own result (`the deploy result`) stays as it was.
 */
function githubWarnings(result, log) {
    return githubGuard(result, (message) => log(`Warning: ${message}`), TOKEN_HINT);
}
/** The command's clock and sleep: real time, or the tests' scaled time against a local endpoint. */
function runTime(io) {
    return (0,runtime/* timeBase */.jF)(environment(io), (message) => io.stderr(`preview-stacks: warning: ${message}\n`));
}
/**
 * Runs `work` with the region's CloudFormation and S3 clients, and destroys them after. On an
 * error, `failed` runs first (a deploy ends its GitHub deployment there), then the log's status
 * line is cleared, as the error is reported below the log, and the error goes on.
 */
async function withStackClients(region, log, work, failed) {
    const cfn = (0,clients.createCloudFormationClient)({ region });
    const s3 = (0,clients.createS3Client)({ region });
    try {
        return await work({ cfn, s3 });
    }
    catch (error) {
        await failed?.(error);
        log.stop();
        throw error;
    }
    finally {
        cfn.destroy();
        s3.destroy();
    }
}
function octokitFor(token, log, timeScale = 1) {
    return createOctokit(token, { log, writeSpacingMs: 200, timeScale });
}
function splitRepository(repo) {
    const [owner, name] = repo.split("/");
    return { owner, repo: name };
}


/***/ }),

/***/ 7611:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bp: () => (/* binding */ StackEventPoller),
/* harmony export */   qF: () => (/* binding */ formatEvent),
/* harmony export */   tU: () => (/* binding */ isOwnEvent)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3805);

function toRecord(event, parentPath) {
    return {
        eventId: event.EventId ?? "",
        stackName: event.StackName ?? "",
        stackId: event.StackId ?? "",
        timestamp: event.Timestamp ?? new Date(0),
        logicalId: event.LogicalResourceId ?? "",
        physicalId: event.PhysicalResourceId || undefined,
        resourceType: event.ResourceType ?? "",
        status: event.ResourceStatus ?? "",
        reason: event.ResourceStatusReason || undefined,
        parentPath,
    };
}
/** The stack's own events carry its status; every other AWS::CloudFormation::Stack event is a nested stack. */
function isOwnEvent(event) {
    return event.resourceType === "AWS::CloudFormation::Stack" && event.physicalId === event.stackId;
}
function isNestedStackEvent(event) {
    return (event.resourceType === "AWS::CloudFormation::Stack" &&
        event.physicalId !== undefined &&
        event.physicalId.startsWith("arn:") &&
        !isOwnEvent(event));
}
class StackEventPoller {
    cfn;
    options;
    seen = new Set();
    children = new Map();
    parentPath;
    /** Every event this poller and its children have returned, oldest first. */
    history = [];
    constructor(cfn, options) {
        this.cfn = cfn;
        this.options = options;
        this.parentPath = options.parentPath ?? [];
    }
    /**
     * New events since the last poll, oldest first, nested stacks' events included. `watch` is given
     * every command before it is sent (the wait uses it to hear of the SDK's retries).
     */
    async poll(watch = (command) => command) {
        const fresh = [];
        let nextToken;
        page: do {
            const response = await this.cfn.send(watch(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_0__/* .DescribeStackEventsCommand */ .Ie9({ StackName: this.options.stack, NextToken: nextToken })));
            for (const raw of response.StackEvents ?? []) {
                const event = toRecord(raw, this.parentPath);
                if (this.seen.has(event.eventId) || event.timestamp.getTime() < this.options.startTime) {
                    break page;
                }
                const token = this.options.clientRequestToken;
                if (token && raw.ClientRequestToken && raw.ClientRequestToken !== token)
                    continue;
                fresh.push(event);
            }
            nextToken = response.NextToken;
        } while (nextToken);
        fresh.reverse();
        for (const event of fresh)
            this.seen.add(event.eventId);
        const out = [];
        for (const event of fresh) {
            // A nested stack's own status events repeat what its parent's resource events say.
            if (!(this.parentPath.length > 0 && isOwnEvent(event)))
                out.push(event);
            if (isNestedStackEvent(event))
                this.track(event);
        }
        for (const child of this.children.values()) {
            if (child.active)
                out.push(...(await child.poller.poll(watch)));
        }
        this.settleChildren(fresh);
        out.sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
        this.history.push(...out);
        return out;
    }
    track(event) {
        const id = event.physicalId;
        if (this.children.has(id)) {
            const child = this.children.get(id);
            if (child && /_IN_PROGRESS$/.test(event.status))
                child.active = true;
            return;
        }
        const poller = new StackEventPoller(this.cfn, {
            stack: id,
            startTime: event.timestamp.getTime(),
            parentPath: [...this.parentPath, event.logicalId],
            clientRequestToken: this.options.clientRequestToken,
        });
        this.children.set(id, { poller, active: true });
    }
    /**
     * A nested stack stops being polled once its parent reports it finished; it was already
     * polled in this round after that report arrived, so its final events are not lost.
     */
    settleChildren(fresh) {
        for (const event of fresh) {
            if (!isNestedStackEvent(event) || /_IN_PROGRESS$/.test(event.status))
                continue;
            const child = this.children.get(event.physicalId);
            if (child)
                child.active = false;
        }
    }
}
/** One log line per event: time, logical id (nested path first), type, status, reason. */
function formatEvent(event) {
    const time = event.timestamp.toISOString().slice(11, 19);
    const id = [...event.parentPath, event.logicalId].join("/");
    const reason = event.reason ? `  ${event.reason}` : "";
    return `${time}  ${id}  ${event.resourceType}  ${event.status}${reason}`;
}



/***/ }),

/***/ 4768:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mr: () => (/* binding */ counting),
/* harmony export */   jF: () => (/* binding */ timeBase)
/* harmony export */ });
/* unused harmony export realSleep */
/* harmony import */ var _aws_clients__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(201);

const realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * PREVIEW_STACKS_TIME_SCALE=N makes the run's clock run N times faster and its sleeps N times
 * shorter, from the real instant PREVIEW_STACKS_TIME_ORIGIN (epoch ms; default: now). The end-to-end
 * tests use it against the local fake, whose simulated clock runs at the same rate, so polling,
 * backoff and timeout-minutes behave exactly as in production, only compressed. It is honoured
 * only with AWS_ENDPOINT_URL set, so it can never shorten a wait against real AWS.
 */
function timeBase(env, warn) {
    const real = { clock: () => Date.now(), sleep: realSleep, scale: 1 };
    const raw = env.PREVIEW_STACKS_TIME_SCALE?.trim();
    if (!raw)
        return real;
    const scale = Number(raw);
    if (!(0,_aws_clients__WEBPACK_IMPORTED_MODULE_0__.usesCustomEndpoint)(env, "CLOUDFORMATION")) {
        warn("PREVIEW_STACKS_TIME_SCALE is ignored: it is for tests against a local AWS endpoint, and AWS_ENDPOINT_URL is not set.");
        return real;
    }
    if (!Number.isFinite(scale) || scale < 1) {
        warn(`PREVIEW_STACKS_TIME_SCALE '${raw}' is not a number of at least 1; real time is used.`);
        return real;
    }
    const origin = Number(env.PREVIEW_STACKS_TIME_ORIGIN) || Date.now();
    return {
        clock: () => Math.floor(origin + (Date.now() - origin) * scale),
        sleep: (ms) => realSleep(ms / scale),
        scale,
    };
}
/** The API operation a command calls ("DescribeStacks"), for the per-operation call counts. */
function operationName(command) {
    const schema = command?.schema;
    if (Array.isArray(schema) && typeof schema[2] === "string")
        return schema[2];
    return command?.constructor?.name?.replace(/Command$/, "") ?? "Unknown";
}
/** The client with every request counted in `tally` by operation, for summaries and benchmarks. */
function counting(client, tally) {
    return new Proxy(client, {
        get(target, prop, receiver) {
            if (prop !== "send")
                return Reflect.get(target, prop, receiver);
            return (command, ...rest) => {
                const name = operationName(command);
                tally[name] = (tally[name] ?? 0) + 1;
                return target.send(command, ...rest);
            };
        },
    });
}


/***/ }),

/***/ 8503:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ep: () => (/* binding */ unreachableMessage),
/* harmony export */   TQ: () => (/* binding */ isTerminalStatus),
/* harmony export */   ZO: () => (/* binding */ waitForStack),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   ar: () => (/* binding */ isSuccessStatus),
/* harmony export */   q9: () => (/* binding */ TroubleLog),
/* harmony export */   xf: () => (/* binding */ pollDelay)
/* harmony export */ });
/* unused harmony exports DEFAULT_BACKOFF, SETTLED_ROUNDS, SETTLED_FACTOR, STEADY_ROUNDS_MS, ROUND_GROWTH_MS, LONG_ROUND_MS, operationRoundMs, HEARTBEAT_MS, realTicker, TICK_MS */
/* harmony import */ var _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3805);
/* harmony import */ var _aws_clients__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(201);
/* harmony import */ var _aws_errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9378);
/* harmony import */ var _events__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7611);




/**
 * Waits for a stack operation to end, streaming its events. Each round makes one call, and rounds
 * alternate between DescribeStackEvents and DescribeStacks: either one can see the end (the stack's
 * own final event, or its status), so the end is seen within one round while each is read only every
 * other round. At the default one-second round that is one pair of calls per two seconds, and the
 * end of an operation is noticed within about a second; an operation that runs past five minutes
 * slows to one pair per six seconds (see `operationRoundMs`). Throttling and 5xx answers, and an
 * endpoint that cannot be reached, stretch the rounds (backing off until an answer comes through) and
 * never fail the wait; the log says why, and says it again every 30 s while it lasts (see
 * `TroubleLog`). Running past the deadline is reported, never ignored, and so is an endpoint that was
 * still unreachable then (`WaitResult.unreachable`): more time would not have helped.
 */
/** Statuses at which no operation is running. REVIEW_IN_PROGRESS waits for a change set, not for AWS. */
function isTerminalStatus(status) {
    return !status.endsWith("_IN_PROGRESS") || status === "REVIEW_IN_PROGRESS";
}
const SUCCESS = new Set(["CREATE_COMPLETE", "UPDATE_COMPLETE", "DELETE_COMPLETE", "IMPORT_COMPLETE"]);
function isSuccessStatus(status) {
    return SUCCESS.has(status);
}
const DEFAULT_BACKOFF = { initialMs: 1_000, maxMs: 10_000, factor: 1.5 };
/**
 * Once every resource the events have shown has settled, the stack's own final status follows
 * within moments, so a few rounds are made at a quarter of the usual pause: the end is noticed
 * sooner at the cost of a handful of calls, once per operation or per gap between resource waves.
 */
const SETTLED_ROUNDS = 8;
const SETTLED_FACTOR = 0.25;
/** How long an operation keeps the usual round before it starts to grow. */
const STEADY_ROUNDS_MS = 5 * 60_000;
/** How long the round takes to grow from the usual round to LONG_ROUND_MS. */
const ROUND_GROWTH_MS = 10 * 60_000;
/** The longest usual round: one DescribeStacks/DescribeStackEvents pair per six seconds. */
const LONG_ROUND_MS = 3_000;
/**
 * How long the usual round is once an operation has run `elapsedMs`: unchanged (`usualMs`) for the
 * first five minutes, then growing linearly over ten minutes to `LONG_ROUND_MS` (or `usualMs` if that
 * is longer). Most operations end within five minutes and keep their one-second rounds; the long
 * ones (databases, distributions, big nested stacks) would otherwise make about 3,600 calls an hour
 * against the account's shared CloudFormation rate limit, for an end that is rarely urgent to the
 * second. Three-second rounds make about 1,200 calls an hour (a 60-minute operation makes some
 * 1,530 in all), and since each round can see the end, it is still noticed within one round. The
 * growth is gradual so an operation that ends at six minutes is barely slower to notice than one
 * that ends at four. The quick rounds once resources settle are unaffected: they are a quarter of
 * `usualMs` at any elapsed time.
 */
function operationRoundMs(elapsedMs, usualMs) {
    if (elapsedMs <= STEADY_ROUNDS_MS)
        return usualMs;
    const longMs = Math.max(usualMs, LONG_ROUND_MS);
    const grown = Math.min(1, (elapsedMs - STEADY_ROUNDS_MS) / ROUND_GROWTH_MS);
    return usualMs + (longMs - usualMs) * grown;
}
/** The pause after `round` consecutive unanswered polls (0: all well), spread ±20% so parallel runs do not poll in step. */
function pollDelay(round, backoff, random) {
    const base = Math.min(backoff.maxMs, backoff.initialMs * backoff.factor ** round);
    return Math.round(base * (0.8 + 0.4 * random()));
}
/** How long trouble with AWS may go on without a line in the log, so a long silence never looks like a hang. */
const HEARTBEAT_MS = 30_000;
const realTicker = (ms, tick) => {
    const timer = setInterval(tick, ms);
    timer.unref();
    return () => clearInterval(timer);
};
/** How often a call in flight checks whether a heartbeat is due: a line is at most this late. */
const TICK_MS = 1_000;
/** `130_000` → `2m10s`. */
function formatDuration(ms) {
    const seconds = Math.max(0, Math.round(ms / 1000));
    if (seconds < 60)
        return `${seconds}s`;
    const minutes = Math.floor(seconds / 60);
    if (minutes < 60)
        return `${minutes}m${seconds % 60}s`;
    return `${Math.floor(minutes / 60)}h${minutes % 60}m`;
}
/**
 * What a wait loop says while its calls go unanswered. A spell of trouble is either one call that
 * AWS keeps answering with throttling or 5xx (a spell per call, ending when that call is answered), or
 * the endpoint itself out of reach (refused, DNS, TLS, no answer in time: one spell for every call,
 * ending with the first answer of any kind). Each spell is logged when it starts, with its cause, and
 * the endpoint's return is logged too. While trouble lasts, a heartbeat line follows HEARTBEAT_MS after
 * the last line: between calls the loop sleeps no longer than `dueIn()` and calls `beat()`, so the
 * line is on time.
 *
 * During a call the loop cannot write, and one call can take minutes: the SDK retries it on its own
 * (adaptive mode, ten attempts, up to 20 s apart: about a minute under throttling, nearly two at
 * worst), and a connection to an endpoint that drops packets waits for the system's connect timeout
 * (about two minutes on Linux). So each call goes through `during()`, which checks every TICK_MS of
 * real time, on a timer stopped when the call ends, whether a heartbeat is due; and `watch()` hears of
 * each failed attempt inside the SDK, so that line names the cause. A timer and not an SDK hook
 * alone, because a hanging attempt fires no hook; real time because the SDK's own waits are real.
 */
class TroubleLog {
    runtime;
    service;
    answeredWith = new Map();
    network;
    lastLine = Number.NEGATIVE_INFINITY;
    ticker;
    constructor(runtime, service = "CloudFormation") {
        this.runtime = runtime;
        this.service = service;
        this.ticker = runtime.ticker ?? realTicker;
    }
    /** True for errors a wait rides out: retryable ones, and every network failure (TLS included). */
    static worthWaiting(error) {
        return (0,_aws_errors__WEBPACK_IMPORTED_MODULE_1__.isRetryable)(error) || (0,_aws_errors__WEBPACK_IMPORTED_MODULE_1__.networkCause)(error) !== undefined;
    }
    /** Records a call (or one of the SDK's attempts of it) that failed with an error worth waiting out. */
    failed(action, error) {
        const now = this.runtime.clock();
        const cause = (0,_aws_errors__WEBPACK_IMPORTED_MODULE_1__.networkCause)(error);
        if (cause) {
            if (this.network) {
                this.network.cause = cause.text;
                this.network.code = cause.code;
            }
            else {
                this.network = { cause: cause.text, code: cause.code, sinceMs: now };
                this.line(`Cannot reach ${this.service} (${action}): ${cause.text}; retrying with backoff.`, now);
            }
            return;
        }
        // Any answer, an error too, says the endpoint is back.
        this.reached(now);
        const code = (0,_aws_errors__WEBPACK_IMPORTED_MODULE_1__.errorCode)(error) ?? "an error";
        const spell = this.answeredWith.get(action);
        if (spell) {
            spell.code = code;
            return;
        }
        this.answeredWith.set(action, { sinceMs: now, code });
        this.line(`AWS answered ${action} with ${code}; retrying with backoff.`, now);
    }
    /** Records an answer to `action`. */
    answered(action) {
        this.reached(this.runtime.clock());
        this.answeredWith.delete(action);
    }
    /**
     * Writes the heartbeat if it is due. `pending` is a call in flight: one that has gone unanswered
     * for HEARTBEAT_MS, with nothing else to say, gets a line of its own.
     */
    beat(pending) {
        const now = this.runtime.clock();
        if (now - this.lastLine < HEARTBEAT_MS)
            return;
        if (this.network) {
            this.line(`Still cannot reach ${this.service}: ${this.network.cause}; retrying, ${formatDuration(now - this.network.sinceMs)} so far.`, now);
        }
        else if (this.answeredWith.size > 0) {
            const spells = [...this.answeredWith];
            const since = Math.min(...spells.map(([, spell]) => spell.sinceMs));
            const calls = spells.map(([action, spell]) => `${action} with ${spell.code}`).join(", ");
            this.line(`Still retrying: AWS keeps answering ${calls}; ${formatDuration(now - since)} so far.`, now);
        }
        else if (pending && now - pending.sinceMs >= HEARTBEAT_MS) {
            this.line(`Still waiting for ${this.service} to answer ${pending.action}; ${formatDuration(now - pending.sinceMs)} so far.`, now);
        }
    }
    /** Makes one call, writing heartbeats while it is in flight. */
    async during(action, call) {
        const pending = { action, sinceMs: this.runtime.clock() };
        const stop = this.ticker(TICK_MS, () => this.beat(pending));
        try {
            return await call();
        }
        finally {
            stop();
        }
    }
    /** Milliseconds until the next heartbeat is due; Infinity while all is well. */
    dueIn() {
        if (this.network === undefined && this.answeredWith.size === 0)
            return Number.POSITIVE_INFINITY;
        return Math.max(0, this.lastLine + HEARTBEAT_MS - this.runtime.clock());
    }
    /** Set while the endpoint cannot be reached. */
    get unreachable() {
        return this.network ? { ...this.network } : undefined;
    }
    /** Hears of every attempt the SDK makes of `command` that fails (see observeAttempts). */
    watch(action, command) {
        return (0,_aws_clients__WEBPACK_IMPORTED_MODULE_0__.observeAttempts)(command, (error) => {
            if (TroubleLog.worthWaiting(error))
                this.failed(action, error);
        });
    }
    reached(now) {
        if (!this.network)
            return;
        this.line(`${this.service} answered again after ${formatDuration(now - this.network.sinceMs)}.`, now);
        this.network = undefined;
    }
    line(text, now) {
        this.runtime.log(text);
        this.lastLine = now;
    }
}
/**
 * The failure message for a wait whose deadline passed while AWS could not be reached. More time
 * would not have helped, so instead of pointing at timeout-minutes it says what failed and since
 * when, that nothing is known of the stack's state, and what to check.
 */
function unreachableMessage(waitingFor, unreachable, lastSeen, deadline) {
    const since = new Date(unreachable.sinceMs).toISOString().slice(11, 19);
    const known = lastSeen.status !== undefined && lastSeen.status !== "UNKNOWN";
    const seen = !known
        ? ""
        : lastSeen.of === "change set"
            ? ` (the change set was last seen ${lastSeen.status})`
            : ` (last seen ${lastSeen.status})`;
    return `Could not reach the AWS endpoint while waiting for ${waitingFor}: ${unreachable.cause}, since ${since} UTC, ${formatDuration(deadline - unreachable.sinceMs)} before the wait's deadline passed. The stack's state is unknown${seen}. Check the runner's network, AWS_ENDPOINT_URL and any VPC endpoint or proxy, look at the stack in the CloudFormation console, then run again.`;
}
/** The root stack's own event saying an operation ended (REVIEW_IN_PROGRESS only starts one). */
function isFinalOwnEvent(event) {
    return (event.parentPath.length === 0 &&
        (0,_events__WEBPACK_IMPORTED_MODULE_2__/* .isOwnEvent */ .tU)(event) &&
        isTerminalStatus(event.status) &&
        event.status !== "REVIEW_IN_PROGRESS");
}
async function waitForStack(cfn, options, runtime) {
    const backoff = options.backoff ?? DEFAULT_BACKOFF;
    const random = runtime.random ?? Math.random;
    const poller = options.poller;
    const events = [];
    const startedAt = runtime.clock();
    let rounds = 0;
    /** Consecutive polls that AWS did not answer; each one stretches the next pause. */
    let trouble = 0;
    let lastStatus;
    let stack;
    const troubleLog = new TroubleLog(runtime);
    /** Root-stack resources whose latest event is still in progress, and whether any was seen. */
    const running = new Set();
    let sawResource = false;
    /** Quick rounds made since the resources last settled. */
    let quickRounds = 0;
    /** Streams new events; true when they include the stack's final event. Undefined when not answered. */
    const stream = async () => {
        if (!poller)
            return false;
        try {
            const fresh = await troubleLog.during("DescribeStackEvents", () => poller.poll((command) => troubleLog.watch("DescribeStackEvents", command)));
            troubleLog.answered("DescribeStackEvents");
            for (const event of fresh) {
                runtime.log((0,_events__WEBPACK_IMPORTED_MODULE_2__/* .formatEvent */ .qF)(event));
                if (event.parentPath.length > 0 || (0,_events__WEBPACK_IMPORTED_MODULE_2__/* .isOwnEvent */ .tU)(event))
                    continue;
                sawResource = true;
                if (event.status.endsWith("_IN_PROGRESS"))
                    running.add(event.logicalId);
                else
                    running.delete(event.logicalId);
            }
            events.push(...fresh);
            return fresh.some(isFinalOwnEvent);
        }
        catch (error) {
            // Events are for people; a throttled read is caught up on a later round.
            if (!TroubleLog.worthWaiting(error))
                throw (0,_aws_errors__WEBPACK_IMPORTED_MODULE_1__.describeAwsError)(error, { action: "cloudformation:DescribeStackEvents" });
            troubleLog.failed("DescribeStackEvents", error);
            return undefined;
        }
    };
    /** The stack's status, or undefined when AWS did not answer. */
    const read = async () => {
        try {
            const response = await troubleLog.during("DescribeStacks", () => cfn.send(troubleLog.watch("DescribeStacks", new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_3__/* .DescribeStacksCommand */ .Y47({ StackName: options.stack }))));
            troubleLog.answered("DescribeStacks");
            stack = response.Stacks?.[0];
            lastStatus = stack?.StackStatus ?? "DELETE_COMPLETE";
            return lastStatus;
        }
        catch (error) {
            if ((0,_aws_errors__WEBPACK_IMPORTED_MODULE_1__.isStackMissing)(error)) {
                troubleLog.answered("DescribeStacks");
                stack = undefined;
                lastStatus = "DELETE_COMPLETE";
                return lastStatus;
            }
            if (!TroubleLog.worthWaiting(error)) {
                throw (0,_aws_errors__WEBPACK_IMPORTED_MODULE_1__.describeAwsError)(error, { action: "cloudformation:DescribeStacks", stackName: options.stack });
            }
            troubleLog.failed("DescribeStacks", error);
            return undefined;
        }
    };
    for (;;) {
        let answered;
        let status;
        if (!poller || rounds % 2 === 1) {
            status = await read();
            answered = status !== undefined;
            // The last events are streamed before returning, so the log and the diagnosis miss none.
            if (status !== undefined && isTerminalStatus(status) && poller)
                await stream();
        }
        else {
            const ended = await stream();
            answered = ended !== undefined;
            // The final event says the operation ended; the stack itself (status, outputs) is read at once.
            if (ended)
                status = await read();
        }
        rounds++;
        trouble = answered ? 0 : trouble + 1;
        if (status !== undefined && isTerminalStatus(status)) {
            return { status, stack, timedOut: false, events, rounds };
        }
        const now = runtime.clock();
        if (now >= options.deadline) {
            // A round that read only events leaves the status unknown: it is read once more to report it.
            if (status === undefined)
                status = await read();
            if (status !== undefined && isTerminalStatus(status)) {
                return { status, stack, timedOut: false, events, rounds };
            }
            return {
                status: status ?? lastStatus ?? "UNKNOWN",
                stack,
                timedOut: true,
                events,
                rounds,
                unreachable: troubleLog.unreachable,
            };
        }
        troubleLog.beat();
        let delay;
        if (trouble === 0 && sawResource && running.size === 0 && quickRounds < SETTLED_ROUNDS) {
            quickRounds++;
            delay = Math.round(pollDelay(0, backoff, random) * SETTLED_FACTOR);
        }
        else {
            if (running.size > 0)
                quickRounds = 0;
            const initialMs = operationRoundMs(now - startedAt, backoff.initialMs);
            delay = pollDelay(trouble, { ...backoff, initialMs }, random);
        }
        await runtime.sleep(Math.min(delay, options.deadline - now, troubleLog.dueIn()));
        // Written before the next call, which may itself take a while.
        troubleLog.beat();
    }
}


/***/ })

};
