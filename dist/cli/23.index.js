export const id = 23;
export const ids = [23];
export const modules = {

/***/ 1023:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  command: () => (/* binding */ command)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
;// CONCATENATED MODULE: ./src/aws/lazy-lambda.ts
function lazyLambdaClient(settings = {}) {
    let client;
    // Only the promise form, send(command), is used with it.
    const send = async (command) => {
        client ??= Promise.all(/* import() */[__webpack_require__.e(696), __webpack_require__.e(220)]).then(__webpack_require__.bind(__webpack_require__, 6220)).then(({ createLambdaClient }) => createLambdaClient(settings));
        return (await client).send(command);
    };
    return { send: send };
}

// EXTERNAL MODULE: ./src/github/comment.ts
var github_comment = __webpack_require__(7318);
// EXTERNAL MODULE: ./src/github/deployments.ts
var deployments = __webpack_require__(6887);
// EXTERNAL MODULE: ./src/github/report.ts
var report = __webpack_require__(2745);
;// CONCATENATED MODULE: ./src/github/deploy-reporter.ts



/** The links the comment and the summary show: the commit on GitHub, the run, the environment. */
function reportInfo(target, environment, env = process.env) {
    const server = (env.GITHUB_SERVER_URL ?? "https://github.com").replace(/\/+$/, "");
    return {
        commit: target.sha
            ? { sha: target.sha, url: `${server}/${target.repository}/commit/${target.sha}` }
            : undefined,
        runUrl: target.runUrl || undefined,
        environment,
    };
}
/**
 * The pull request as GitHub has it now (a run queued before the close still sees the open pull
 * request's event): whether it is closed (merged included), and its head commit. Undefined, after
 * the guard's warning, when GitHub does not answer.
 */
async function pullRequestNow(octokit, pull, guard) {
    return guard("read the pull request's state", async () => {
        const { data } = await octokit.rest.pulls.get({
            owner: pull.owner,
            repo: pull.repo,
            pull_number: pull.number,
        });
        return { closed: data.state === "closed", headSha: data.head.sha };
    });
}
/**
 * Everything this run tells GitHub about the deploy. Shared by the normal end, the cancel handler
 * and the post step, so each says the same thing the same way.
 */
class GitHubReporter {
    options;
    deploymentId;
    /** Set by a cancel: what the deploy reports after it would contradict the `error` already sent. */
    cancelled = false;
    constructor(options, deploymentId) {
        this.options = options;
        this.deploymentId = deploymentId;
    }
    /**
     * Creates the deployment (in_progress) when this deploy has one: a token, an environment, a
     * known commit, and a mode that deploys (a change set made for review deploys nothing yet).
     */
    static async start(options, request) {
        const { octokit, target, guard } = options;
        const tracked = octokit !== undefined &&
            request.environment !== undefined &&
            request.mode !== "create-change-set" &&
            target.sha !== "";
        const id = tracked
            ? await guard("create the deployment", () => (0,deployments/* startDeployment */.i4)(octokit, {
                owner: target.owner,
                repo: target.repo,
                ref: target.sha,
                environment: request.environment,
                transient: request.preview,
                description: `Deploying ${request.stackName}`,
                logUrl: target.runUrl,
                payload: { stackName: request.stackName, region: request.region },
            }))
            : undefined;
        return new GitHubReporter(options, id);
    }
    async finish(state, description, environmentUrl) {
        if (this.cancelled)
            return;
        await this.status(state, description, environmentUrl);
    }
    async status(state, description, environmentUrl) {
        const { octokit, target, guard, redactor } = this.options;
        const { deploymentId } = this;
        if (deploymentId === undefined || !octokit)
            return;
        await guard("update the deployment status", () => (0,deployments/* finishDeployment */.jl)(octokit, {
            owner: target.owner,
            repo: target.repo,
            id: deploymentId,
            state,
            environmentUrl,
            logUrl: target.runUrl,
            description: redactor.redact(description),
        }));
    }
    async comment(stackName, body) {
        const { octokit, target, guard, redactor, log } = this.options;
        const number = target.prNumber;
        if (!this.options.comment || number === undefined || !octokit)
            return;
        const comment = await guard("write the pull request comment", () => (0,github_comment/* upsertComment */.lB)(octokit, {
            owner: target.owner,
            repo: target.repo,
            issueNumber: number,
            stackName,
            body: redactor.redact(body),
            log,
        }));
        if (comment)
            log(`Pull request comment ${comment.action}: ${comment.url}`);
    }
    /** The deploy's end: the deployment's last status, with the preview's URL, and the comment. */
    async report(result) {
        if (this.cancelled)
            return;
        await this.finish(result.ok ? "success" : "failure", result.ok
            ? `${result.stackName}: ${result.status ?? result.outcome}`
            : (result.failure?.message ?? "failed"), result.url ?? result.consoleUrl);
        await this.comment(result.stackName, (0,github_comment/* renderComment */.wQ)(result, this.options.info));
    }
    /** The deployment ends as `error` and the comment says why; used by the cancel handler and the post step. */
    async interrupted(stackName, how) {
        this.cancelled = true;
        await this.status("error", how === "cancelled"
            ? `Cancelled while deploying ${stackName}`
            : `Stopped before deploying ${stackName} finished`);
        await this.comment(stackName, (0,report/* renderInterrupted */.F6)(stackName, this.options.info, how, (0,github_comment/* commentMarker */.Ql)(stackName)));
    }
}
/** The runner's cancel (SIGINT, then SIGTERM a few seconds later, then a kill), and a terminal's Ctrl-C. */
const CANCEL_SIGNALS = ["SIGINT", "SIGTERM"];
/** What a cancel may spend on GitHub before the process exits, well inside the runner's grace. */
const CANCEL_BUDGET_MS = 4_000;
/**
 * On a cancel, ends the deployment as `error` and says so in the comment, within CANCEL_BUDGET_MS,
 * then calls `stop` with the message to fail with (it exits); the stack operation itself goes on in
 * CloudFormation. Returns the function that removes the handlers once the run has reported.
 */
function onCancel(reporter, stackName, hooks) {
    let cancelling = false;
    const handler = (signal) => {
        if (cancelling)
            return;
        cancelling = true;
        hooks.log(`Received ${signal}: the run was cancelled. Reporting it on GitHub, then stopping.`);
        const budget = new Promise((resolve) => setTimeout(resolve, CANCEL_BUDGET_MS).unref());
        // A failed report must not become an unhandled rejection that ends the process before `stop`.
        const reported = reporter.interrupted(stackName, "cancelled").catch(() => undefined);
        void Promise.race([reported, budget]).then(() => hooks.stop(`The run was cancelled while deploying ${stackName}. A stack operation that had started goes on in CloudFormation; check the stack's events, or run again.`));
    };
    for (const signal of CANCEL_SIGNALS)
        process.on(signal, handler);
    return () => {
        for (const signal of CANCEL_SIGNALS)
            process.off(signal, handler);
    };
}

// EXTERNAL MODULE: ./src/inputs.ts
var inputs = __webpack_require__(8422);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudformation/dist-cjs/index.js
var dist_cjs = __webpack_require__(3805);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/stack/wait.ts
var wait = __webpack_require__(8503);
;// CONCATENATED MODULE: ./src/stack/changeset.ts



async function createChangeSet(cfn, input) {
    try {
        const response = await cfn.send(new dist_cjs/* CreateChangeSetCommand */.YDU({
            StackName: input.stackName,
            ChangeSetName: input.changeSetName,
            ChangeSetType: input.type,
            ...input.template,
            Parameters: input.parameters,
            Tags: input.tags,
            Capabilities: input.capabilities,
            RoleARN: input.roleArn,
            Description: input.description,
        }));
        return { id: response.Id ?? input.changeSetName, stackId: response.StackId ?? input.stackName };
    }
    catch (error) {
        throw (0,errors.describeAwsError)(error, { action: "cloudformation:CreateChangeSet", stackName: input.stackName });
    }
}
/** CloudFormation's wording for a change set with nothing to do; it has varied over the years. */
const NO_CHANGES = /didn't contain changes|No updates are to be performed|does not contain any changes/i;
const CHANGE_SET_BACKOFF = { initialMs: 500, maxMs: 5_000, factor: 1.6 };
/**
 * Polls until the change set is CREATE_COMPLETE or FAILED; the first page of the answer is returned.
 * Throttling, 5xx and an unreachable endpoint are waited out and logged as waitForStack does.
 */
async function waitForChangeSet(cfn, ref, deadline, runtime, backoff = CHANGE_SET_BACKOFF) {
    const random = runtime.random ?? Math.random;
    const troubleLog = new wait/* TroubleLog */.q9(runtime);
    let status = "CREATE_PENDING";
    for (let round = 0;; round++) {
        try {
            const description = await troubleLog.during("DescribeChangeSet", () => cfn.send(troubleLog.watch("DescribeChangeSet", new dist_cjs/* DescribeChangeSetCommand */.TTT({ ChangeSetName: ref.id, StackName: ref.stackName }))));
            troubleLog.answered("DescribeChangeSet");
            status = description.Status ?? status;
            if (status === "CREATE_COMPLETE")
                return { state: "ready", description };
            if (status === "FAILED" || status === "DELETE_COMPLETE" || status === "DELETE_FAILED") {
                const reason = description.StatusReason ?? "(no reason given)";
                return NO_CHANGES.test(reason) ? { state: "empty", reason } : { state: "failed", reason };
            }
        }
        catch (error) {
            if (!wait/* TroubleLog */.q9.worthWaiting(error)) {
                throw (0,errors.describeAwsError)(error, {
                    action: "cloudformation:DescribeChangeSet",
                    stackName: ref.stackName,
                });
            }
            troubleLog.failed("DescribeChangeSet", error);
        }
        const now = runtime.clock();
        if (now >= deadline)
            return { state: "timed-out", status, unreachable: troubleLog.unreachable };
        troubleLog.beat();
        await runtime.sleep(Math.min((0,wait/* pollDelay */.xf)(round, backoff, random), deadline - now, troubleLog.dueIn()));
        troubleLog.beat();
    }
}
/** Every change, across all pages; `first` saves a call when the waiter already read page one. */
async function listChanges(cfn, ref, first) {
    const changes = [...(first?.Changes ?? [])];
    let token = first ? first.NextToken : undefined;
    if (!first) {
        const page = await cfn.send(new dist_cjs/* DescribeChangeSetCommand */.TTT({ ChangeSetName: ref.id, StackName: ref.stackName }));
        changes.push(...(page.Changes ?? []));
        token = page.NextToken;
    }
    while (token) {
        const page = await cfn.send(new dist_cjs/* DescribeChangeSetCommand */.TTT({ ChangeSetName: ref.id, StackName: ref.stackName, NextToken: token }));
        changes.push(...(page.Changes ?? []));
        token = page.NextToken;
    }
    return changes;
}
async function executeChangeSet(cfn, ref, options) {
    try {
        await cfn.send(new dist_cjs/* ExecuteChangeSetCommand */.PB_({
            ChangeSetName: ref.id,
            StackName: ref.stackName,
            DisableRollback: options.disableRollback,
            ClientRequestToken: options.clientRequestToken,
        }));
    }
    catch (error) {
        throw (0,errors.describeAwsError)(error, { action: "cloudformation:ExecuteChangeSet", stackName: ref.stackName });
    }
}
/** Best effort: a change set left behind is clutter, not a reason to hide the real outcome. */
async function deleteChangeSet(cfn, ref, log) {
    try {
        await cfn.send(new dist_cjs/* DeleteChangeSetCommand */.$GE({ ChangeSetName: ref.id, StackName: ref.stackName }));
        return true;
    }
    catch (error) {
        log(`Could not delete change set ${ref.id} (${error.message}); delete it with: aws cloudformation delete-change-set --stack-name ${ref.stackName} --change-set-name ${ref.id}`);
        return false;
    }
}
/**
 * Deletes the empty REVIEW_IN_PROGRESS stack a failed CREATE change set leaves behind: it holds no
 * resources, but it lingers in every listing and counts against max-previews. Called only for a stack
 * this run's change set created (by id, so a later stack of the same name is never touched), after that
 * change set was deleted; it is deleted only while it is still REVIEW_IN_PROGRESS (never executed) and
 * no other change set waits on it. Best effort, like deleteChangeSet.
 */
async function deleteReviewStack(cfn, stack, log) {
    try {
        const status = (await cfn.send(new dist_cjs/* DescribeStacksCommand */.Y47({ StackName: stack.id }))).Stacks?.[0]
            ?.StackStatus;
        if (status !== "REVIEW_IN_PROGRESS")
            return false;
        const others = (await cfn.send(new dist_cjs/* ListChangeSetsCommand */.NK4({ StackName: stack.id }))).Summaries ?? [];
        if (others.length > 0)
            return false;
        await cfn.send(new dist_cjs/* DeleteStackCommand */.fAr({ StackName: stack.id }));
        log(`Deleted the empty stack ${stack.name} that the failed change set had created (REVIEW_IN_PROGRESS).`);
        return true;
    }
    catch (error) {
        log(`Could not delete the empty stack ${stack.name} left in REVIEW_IN_PROGRESS (${error.message}); delete it with: aws cloudformation delete-stack --stack-name ${stack.id}`);
        return false;
    }
}

// EXTERNAL MODULE: ./src/stack/diff.ts
var diff = __webpack_require__(6973);
// EXTERNAL MODULE: ./src/stack/naming.ts
var naming = __webpack_require__(6638);
// EXTERNAL MODULE: ./src/stack/tags.ts
var stack_tags = __webpack_require__(211);
;// CONCATENATED MODULE: ./src/stack/noop.ts



/** Statuses whose deployed template is what the stack really runs. */
const SETTLED = new Set([
    "CREATE_COMPLETE",
    "UPDATE_COMPLETE",
    "UPDATE_ROLLBACK_COMPLETE",
    "IMPORT_COMPLETE",
]);
function normalise(body) {
    return body.replace(/\r\n/g, "\n").trimEnd();
}
function parameterDifference(input) {
    if (input.declared.some((p) => p.noEcho)) {
        return "the template has NoEcho parameters, whose deployed values CloudFormation masks";
    }
    if (input.declared.some((p) => p.type.startsWith("AWS::SSM::Parameter::"))) {
        return "the template reads SSM parameters, whose values may have changed";
    }
    const deployed = new Map((input.stack.Parameters ?? []).map((p) => [p.ParameterKey, p.ParameterValue]));
    const given = new Map(input.parameters.map((p) => [p.ParameterKey, p]));
    if (deployed.size !== input.declared.length)
        return "the parameters changed";
    for (const param of input.declared) {
        if (!deployed.has(param.key))
            return `parameter ${param.key} is new`;
        const override = given.get(param.key);
        if (override?.UsePreviousValue)
            continue;
        const wanted = override?.ParameterValue ?? param.defaultValue;
        if (wanted !== deployed.get(param.key))
            return `parameter ${param.key} changed`;
    }
    return undefined;
}
async function checkNoop(cfn, input) {
    const status = input.stack.StackStatus ?? "";
    if (!SETTLED.has(status))
        return { noop: false, reason: `the stack is ${status}` };
    if ((input.roleArn ?? "") !== (input.stack.RoleARN ?? ""))
        return { noop: false, reason: "the role-arn changed" };
    if (!(0,stack_tags/* sameTags */.Iu)(input.tags, input.stack.Tags))
        return { noop: false, reason: "the tags changed" };
    const parameters = parameterDifference(input);
    if (parameters)
        return { noop: false, reason: parameters };
    let deployedTemplate;
    try {
        const response = await cfn.send(new dist_cjs/* GetTemplateCommand */._JK({
            StackName: input.stack.StackId ?? input.stack.StackName,
            TemplateStage: "Original",
        }));
        deployedTemplate = response.TemplateBody ?? "";
    }
    catch (error) {
        throw (0,errors.describeAwsError)(error, { action: "cloudformation:GetTemplate", stackName: input.stack.StackName });
    }
    if (normalise(deployedTemplate) !== normalise(input.templateBody)) {
        return { noop: false, reason: "the template changed", deployedTemplate };
    }
    return { noop: true, reason: "unchanged", deployedTemplate };
}

// EXTERNAL MODULE: ./src/stack/operation.ts
var operation = __webpack_require__(5141);
// EXTERNAL MODULE: ./src/stack/outputs.ts
var outputs = __webpack_require__(2418);
// EXTERNAL MODULE: ./src/stack/package.ts
var stack_package = __webpack_require__(2132);
// EXTERNAL MODULE: ./src/stack/parameters.ts
var stack_parameters = __webpack_require__(8598);
// EXTERNAL MODULE: ./src/stack/preflight.ts
var preflight = __webpack_require__(5631);
// EXTERNAL MODULE: ./src/stack/runtime.ts
var runtime = __webpack_require__(4768);
// EXTERNAL MODULE: ./src/stack/template-source.ts
var template_source = __webpack_require__(804);
;// CONCATENATED MODULE: ./src/stack/deploy.ts

















/**
 * The stack half of the deploy action: from a template and settings to a deployed (or
 * reviewed) stack, and a result object holding everything the action's outputs, the PR comment,
 * the deployment and the job summary need. Expected failures never throw: they come back as
 * `result.failure`, so a comment can still be written for a failed run.
 */
const DEPLOY_MODES = (/* unused pure expression or super */ null && (["deploy", "create-change-set", "execute-change-set"]));
/** A new stack that `beforeCreate` refused. */
class CreateRefusedError extends Error {
}
const CANCELLABLE = new Set(["UPDATE_IN_PROGRESS"]);
function withAutoExpand(capabilities, template, log) {
    if (!template.hasTransform || capabilities.includes("CAPABILITY_AUTO_EXPAND"))
        return capabilities;
    log("The template has a Transform, so CAPABILITY_AUTO_EXPAND is added to the capabilities.");
    return [...capabilities, "CAPABILITY_AUTO_EXPAND"];
}
/** Top-level sections a CloudFormation message may point into with a path. */
const TEMPLATE_PATH = /(?:^|[\s[('"#])\/?((?:Resources|Parameters|Outputs|Conditions|Mappings|Metadata|Rules|Globals)(?:[/.][A-Za-z0-9_:-]+)+)/;
/**
 * Where in the template a CloudFormation message points, so the error can be annotated: a template
 * path (`[/Resources/Api/Properties/Name]`, `Resources.Api.Properties`) to the line of the deepest
 * part the template has, else the first word that is a resource's logical id.
 */
function locateMessage(message, template) {
    const path = TEMPLATE_PATH.exec(message)?.[1];
    const line = path ? template.pathLine(path.split(/[/.]/)) : undefined;
    if (line !== undefined)
        return { file: template.file, line };
    for (const word of message.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []) {
        const line = template.resourceLine(word);
        if (line !== undefined)
            return { file: template.file, line };
    }
    return undefined;
}
function failureFrom(error, template) {
    if (error instanceof src_errors/* InputError */.d || error instanceof stack_parameters/* ParameterError */.un || error instanceof stack_tags/* ReservedTagError */.zi) {
        return { kind: "input", message: error.message };
    }
    if (error instanceof stack_package.PackageError) {
        return { kind: "template", message: error.message, location: error.location };
    }
    if (error instanceof template_source/* TemplateError */.$w)
        return { kind: "template", message: error.message };
    if (error instanceof preflight/* StackStateError */.qd)
        return { kind: "stack-state", message: error.message };
    if (error instanceof CreateRefusedError)
        return { kind: "refused", message: error.message };
    const actionable = error instanceof errors.AwsActionableError ? error : (0,errors.describeAwsError)(error, { action: "AWS" });
    const location = actionable.kind === "validation" && template ? locateMessage(actionable.message, template) : undefined;
    const where = location ? ` (${location.file} line ${location.line})` : "";
    return { kind: actionable.kind, message: `${actionable.message}${where}`, location };
}
function emptyResult(options, startedAt, tally) {
    return {
        ok: false,
        outcome: "failed",
        mode: options.mode,
        stackName: options.stackName,
        stackId: undefined,
        status: undefined,
        preview: options.preview,
        region: options.region,
        created: false,
        recreated: false,
        waitedForOtherOperation: false,
        changeSetId: undefined,
        changeSetName: undefined,
        hasChanges: false,
        changes: [],
        security: diff/* NO_SECURITY_CHANGES */.tV,
        parameters: [],
        outputs: {},
        url: undefined,
        consoleUrl: undefined,
        rootCause: undefined,
        failure: undefined,
        warnings: [],
        packagedTemplate: undefined,
        packaged: [],
        timings: { startedAt, finishedAt: startedAt, preflightMs: 0, changeSetMs: 0, executeMs: 0, totalMs: 0 },
        awsCalls: 0,
        awsCallsByOperation: tally,
    };
}
/**
 * One deploy, as named phases over shared state: prepare (template, parameters, tags, local paths
 * checked: no AWS call), preflight (the stack's state, other operations waited out), package (local
 * code uploaded, only when the template has some), the change set (created,
 * computed and inspected, or the no-op path), execute, watch (the shared stack-operation watch),
 * and collect (the result). Each phase records what it learns in `result`; expected failures are
 * thrown as errors that `deployStack` turns into `result.failure`.
 */
class DeployRun {
    options;
    deps;
    tally;
    result;
    cfn;
    s3;
    runtime;
    deadline;
    marks = { preflightMs: 0, changeSetMs: 0, executeMs: 0 };
    template;
    /** A change set this run made that must be deleted should the run fail before executing it. */
    pendingChangeSet;
    /** The stack this run's CREATE change set made, until the change set is executed or kept for review. */
    reviewStack;
    constructor(options, deps, tally) {
        this.options = options;
        this.deps = deps;
        this.tally = tally;
        this.cfn = (0,runtime/* counting */.Mr)(deps.cfn, tally);
        this.s3 = deps.s3 ? (0,runtime/* counting */.Mr)(deps.s3, tally) : undefined;
        this.runtime = { clock: deps.clock, sleep: deps.sleep, log: deps.log, random: deps.random };
        const startedAt = deps.clock();
        this.deadline = startedAt + options.timeoutMinutes * 60_000;
        this.result = emptyResult(options, startedAt, tally);
    }
    log(line) {
        this.deps.log(line);
    }
    warn(message) {
        this.result.warnings.push(message);
        this.log(`Warning: ${message}`);
    }
    /** Records a stack as last read: its id, status, outputs and links. */
    settle(stack) {
        if (!stack)
            return;
        const { result, options } = this;
        result.stackId = stack.StackId ?? result.stackId;
        result.status = stack.StackStatus ?? result.status;
        result.outputs = (0,outputs/* stackOutputs */.XC)(stack);
        if (result.stackId)
            result.consoleUrl = (0,outputs/* consoleUrl */.B9)(options.region, result.stackId);
        const url = (0,outputs/* previewUrl */.e6)(result.outputs, options.urlOutput);
        result.url = url.url;
        if (url.warning && (0,wait/* isSuccessStatus */.ar)(result.status ?? ""))
            this.warn(url.warning);
    }
    timed(mark, phase) {
        const start = this.deps.clock();
        return phase().finally(() => {
            this.marks[mark] += this.deps.clock() - start;
        });
    }
    succeed(outcome) {
        this.result.ok = true;
        this.result.outcome = outcome;
        return this.result;
    }
    fail(failure) {
        this.result.failure = failure;
        return this.result;
    }
    // --- phase 1: prepare -----------------------------------------------------------------------
    /** Everything that can be checked without AWS, so bad inputs cost no calls. */
    async prepare() {
        const { options, deps } = this;
        const template = (0,template_source/* loadTemplate */.PM)(options.template.file, options.template.body);
        this.template = template;
        const declared = (0,stack_parameters/* templateParameters */.fo)(template.plain);
        const overrides = await (0,stack_parameters/* readParameterOverrides */.rF)(options.parameterOverrides ?? "", deps.readFile ?? ((path) => (0,promises_.readFile)(path, "utf8")));
        // Masked before anything else is logged or any message is built.
        for (const secret of (0,stack_parameters/* noEchoValues */.FM)(overrides, declared))
            deps.maskSecret?.(secret);
        // Unknown names fail now; missing values wait for the deployed stack, which may hold them.
        (0,stack_parameters/* resolveParameters */.vA)(overrides, declared, declared.map((p) => ({ ParameterKey: p.key })));
        const tags = (0,stack_tags/* mergeTags */.kE)(options.preview ? (0,stack_tags/* previewTags */.uh)(options.preview) : [], options.tags ?? []);
        (0,template_source/* requireArtifactBucket */.CA)(template, options.artifactBucket, options.region);
        const capabilities = withAutoExpand(options.capabilities, template, this.runtime.log);
        // A missing local path fails here, before any AWS call or upload.
        const plan = options.mode === "execute-change-set"
            ? undefined
            : await (0,stack_package.planPackage)({
                file: options.template.file,
                body: options.template.body,
                dir: options.template.dir ?? (0,stack_package.templateDir)(options.template.file),
            });
        return { template, declared, overrides, tags, capabilities, plan };
    }
    // --- phase 1b: package ----------------------------------------------------------------------
    /**
     * Uploads the template's local code and nested templates and swaps in their S3 locations. A
     * template without local paths is returned as it was, with no AWS call.
     */
    async package(prepared, existing) {
        const { options, result } = this;
        await this.checkFunctionLimits(prepared, existing);
        if (!prepared.plan || prepared.plan.artifacts.length === 0)
            return prepared;
        const packaged = await (0,stack_package.runPackage)(prepared.plan, {
            bucket: options.artifactBucket,
            prefix: options.artifactPrefix,
            region: options.region,
            endpoint: options.s3Endpoint,
            bucketInput: "artifact-bucket",
        }, { s3: this.s3, log: this.runtime.log, zip: this.deps.zip });
        result.packaged = packaged.artifacts;
        result.packagedTemplate = packaged.body;
        if (packaged.rewrittenAsJson) {
            this.warn("A local path could not be replaced in the template's own text, so the packaged template is written as JSON.");
        }
        const template = (0,template_source/* loadTemplate */.PM)(options.template.file, packaged.body);
        (0,template_source/* requireArtifactBucket */.CA)(template, options.artifactBucket, options.region);
        this.template = template;
        return { ...prepared, template };
    }
    /**
     * Lambda's limit on a function with all its layers (262,144,000 bytes unzipped), checked before
     * anything is uploaded: local code measured, layer versions' sizes read back from their
     * descriptions, parameters as the stack will get them. Parts of unknown size are named in a note.
     */
    async checkFunctionLimits(prepared, existing) {
        const { options } = this;
        if (!prepared.plan)
            return;
        const parameters = {};
        for (const p of prepared.declared)
            parameters[p.key] = p.defaultValue;
        for (const p of existing?.Parameters ?? []) {
            if (p.ParameterKey && p.ParameterValue !== undefined && p.ParameterValue !== stack_parameters/* MASK */.v5) {
                parameters[p.ParameterKey] = p.ParameterValue;
            }
        }
        for (const [key, value] of prepared.overrides)
            parameters[key] = value;
        const { checkFunctionLimits, unknownNote } = await Promise.all(/* import() */[__webpack_require__.e(696), __webpack_require__.e(688)]).then(__webpack_require__.bind(__webpack_require__, 4688));
        const checked = await checkFunctionLimits({
            file: options.template.file,
            root: prepared.template.root,
            parameters,
            local: await (0,stack_package.localCodeSizes)(prepared.plan),
            lambda: this.deps.lambda,
        });
        if (checked.message) {
            throw new stack_package.PackageError(`${checked.message}\nNothing was uploaded.`, {
                file: options.template.file,
                line: checked.over[0].line,
            });
        }
        const note = unknownNote(checked);
        if (note)
            this.log(note);
    }
    // --- phase 2: preflight ---------------------------------------------------------------------
    async preflight() {
        const { options } = this;
        const pre = await (0,preflight/* preflight */.Mz)(this.cfn, {
            stackName: options.stackName,
            preview: options.preview !== undefined,
            recreateFailed: options.recreateFailed ?? false,
            continueRollback: options.continueRollback ?? false,
            roleArn: options.roleArn,
            deadline: this.deadline,
            backoff: this.deps.backoff,
        }, this.runtime);
        this.result.recreated = pre.recreated;
        this.result.waitedForOtherOperation = pre.waitedForOther;
        if (pre.stack)
            this.settle(pre.stack);
        return pre;
    }
    // --- phase 3: the change set ----------------------------------------------------------------
    /** Creates the change set and waits for CloudFormation to compute it. */
    async createChangeSet(prepared, existing, inReview, parameters) {
        const { options, result } = this;
        const location = await (0,template_source/* templateLocation */.aE)(prepared.template, options.stackName, {
            bucket: options.artifactBucket,
            prefix: options.artifactPrefix,
            region: options.region,
            endpoint: options.s3Endpoint,
        }, this.s3);
        const name = (0,naming/* changeSetName */.G)(options.run.id, options.run.attempt);
        const creating = existing === undefined;
        const made = await createChangeSet(this.cfn, {
            stackName: options.stackName,
            changeSetName: name,
            type: creating ? "CREATE" : "UPDATE",
            template: location,
            parameters,
            tags: prepared.tags,
            capabilities: prepared.capabilities,
            roleArn: options.roleArn,
            description: options.description,
        });
        const ref = { id: made.id, stackName: options.stackName };
        this.pendingChangeSet = ref;
        if (creating && !inReview)
            this.reviewStack = { id: made.stackId, name: options.stackName };
        result.changeSetId = made.id;
        result.changeSetName = name;
        result.stackId = made.stackId;
        result.created = creating;
        this.log(`Created change set ${name} (${creating ? "CREATE" : "UPDATE"}); waiting for CloudFormation to compute it.`);
        return { ref, name, state: await waitForChangeSet(this.cfn, ref, this.deadline, this.runtime) };
    }
    /** Deletes the change set, and the empty stack it created, when the change set is not going to run. */
    async discardChangeSet(ref) {
        await deleteChangeSet(this.cfn, ref, this.runtime.log);
        this.pendingChangeSet = undefined;
        if (this.reviewStack)
            await deleteReviewStack(this.cfn, this.reviewStack, this.runtime.log);
        this.reviewStack = undefined;
    }
    /** The change set is kept: executed, or left for review. */
    keepChangeSet() {
        this.pendingChangeSet = undefined;
        this.reviewStack = undefined;
    }
    /** A template as GetTemplate returns it, or undefined (with a warning) when it cannot be read. */
    async readTemplate(input, what) {
        try {
            const response = await this.cfn.send(new dist_cjs/* GetTemplateCommand */._JK({ ...input, TemplateStage: "Original" }));
            return response.TemplateBody;
        }
        catch (error) {
            this.warn(`The ${what} could not be read for the IAM diff (${(0,errors.errorMessage)(error)}).`);
            return undefined;
        }
    }
    /**
     * Logs the change set's changes and works out its IAM and security-group changes between the
     * deployed template (undefined: nothing deployed yet) and the proposed one (by default the
     * template this run read; null when it could not be read, which skips the IAM diff).
     */
    async inspectChanges(ref, first, deployedTemplate, proposedTemplate) {
        const { result, template } = this;
        result.changes = (0,diff/* summarizeChanges */.Nf)(await listChanges(this.cfn, ref, first));
        result.hasChanges = result.changes.length > 0;
        for (const line of (0,diff/* renderChangeLines */.eq)(result.changes))
            this.log(line);
        if (!template || proposedTemplate === null)
            return;
        try {
            const old = deployedTemplate === undefined ? undefined : (0,template_source/* plainTemplate */.Hf)(deployedTemplate, "deployed template");
            const proposed = proposedTemplate === undefined
                ? template.plain
                : (0,template_source/* plainTemplate */.Hf)(proposedTemplate, "change set's template");
            result.security = await (this.deps.securityDiff ?? diff/* securityChanges */.cN)(old, proposed ?? {});
        }
        catch (error) {
            this.warn(`IAM and security-group changes could not be worked out (${(0,errors.errorMessage)(error)}); review the changes above.`);
        }
    }
    // --- phases 4 and 5: execute, then watch ----------------------------------------------------
    async executeAndWatch(ref, since) {
        const { options, result } = this;
        const outcome = await this.timed("executeMs", async () => {
            await executeChangeSet(this.cfn, ref, {
                disableRollback: options.disableRollback ?? false,
                clientRequestToken: result.changeSetName,
            });
            this.keepChangeSet();
            this.log(`Executing change set ${result.changeSetName ?? ref.id} on stack ${options.stackName}.`);
            return (0,operation/* watchOperation */.lm)(this.cfn, {
                stack: result.stackId ?? options.stackName,
                since,
                deadline: this.deadline,
                template: this.template,
                backoff: this.deps.backoff,
            }, this.runtime);
        });
        return this.collect(outcome);
    }
    /** Termination protection cannot be set through a change set, so it is applied once the stack exists. */
    async applyTerminationProtection(stack) {
        const wanted = this.options.terminationProtection;
        if (wanted === undefined || (stack?.EnableTerminationProtection ?? false) === wanted)
            return;
        try {
            await this.cfn.send(new dist_cjs/* UpdateTerminationProtectionCommand */.mP2({
                StackName: stack?.StackId ?? this.options.stackName,
                EnableTerminationProtection: wanted,
            }));
            this.log(`Termination protection ${wanted ? "enabled" : "disabled"} on stack ${this.options.stackName}.`);
        }
        catch (error) {
            throw (0,errors.describeAwsError)(error, {
                action: "cloudformation:UpdateTerminationProtection",
                stackName: this.options.stackName,
            });
        }
    }
    // --- phase 6: collect -----------------------------------------------------------------------
    /** The watched operation's end as the result: deployed, timed out, unreachable, or failed with its root cause. */
    async collect(outcome) {
        const { options, result } = this;
        this.settle(outcome.stack);
        result.status = outcome.status;
        if (outcome.timedOut) {
            let note = "";
            // Nothing is cancelled blind: while AWS cannot be reached, the stack's state is unknown.
            if (options.preview && CANCELLABLE.has(outcome.status) && !outcome.unreachable) {
                try {
                    await this.cfn.send(new dist_cjs/* CancelUpdateStackCommand */.v6j({ StackName: result.stackId ?? options.stackName }));
                    note = " The update was cancelled and will roll back.";
                }
                catch (error) {
                    note = ` Cancelling the update failed too (${(0,errors.errorMessage)(error)}).`;
                }
            }
            return this.fail((0,operation/* stoppedWaiting */.$F)(outcome, {
                stackName: options.stackName,
                timeoutMinutes: options.timeoutMinutes,
                deadline: this.deadline,
                note,
                advice: "Raise timeout-minutes if the deployment needs longer, and check the stack events for a resource that is stuck.",
            }));
        }
        if (!outcome.succeeded) {
            result.rootCause = outcome.rootCause;
            return this.fail({
                kind: "stack-failed",
                message: `Stack ${options.stackName} ended in ${outcome.status}.${(0,operation/* rootCauseSentence */.Ld)(outcome.rootCause)} Fix it in the template or parameters and push again; the stack events above show every step.`,
                location: outcome.rootCause?.location,
            });
        }
        await this.applyTerminationProtection(outcome.stack);
        return this.succeed("deployed");
    }
    // --- the two paths through the phases -------------------------------------------------------
    /** deploy and create-change-set: prepare, preflight, the change set (or the no-op path), execute, watch. */
    async deploy() {
        const { options, result } = this;
        const planned = await this.prepare();
        const pre = await this.timed("preflightMs", () => this.preflight());
        const existing = pre.stack;
        // Before packaging: a refused create uploads nothing.
        if (existing === undefined && this.deps.beforeCreate) {
            const refusal = await this.deps.beforeCreate();
            if (refusal)
                throw new CreateRefusedError(refusal);
        }
        // The no-op check compares the packaged template with the deployed one, so packaging comes first.
        const prepared = await this.package(planned, existing);
        const parameters = (0,stack_parameters/* resolveParameters */.vA)(prepared.overrides, prepared.declared, existing?.Parameters);
        result.parameters = (0,stack_parameters/* describeParameters */.Il)(parameters, prepared.declared);
        if (result.parameters.length > 0)
            this.log(`Parameters: ${result.parameters.join(", ")}`);
        const changeSetStart = this.deps.clock();
        let deployedTemplate;
        if (existing && options.mode === "deploy") {
            const check = await checkNoop(this.cfn, {
                stack: existing,
                templateBody: prepared.template.body,
                declared: prepared.declared,
                parameters,
                tags: prepared.tags,
                roleArn: options.roleArn,
            });
            deployedTemplate = check.deployedTemplate;
            if (check.noop) {
                this.log(`Stack ${options.stackName} already runs this template with these parameters and tags: no changes.`);
                await this.applyTerminationProtection(existing);
                this.marks.changeSetMs = this.deps.clock() - changeSetStart;
                return this.succeed("no-changes");
            }
            this.log(`Creating a change set: ${check.reason}.`);
        }
        const { ref, name, state } = await this.createChangeSet(prepared, existing, pre.inReview ?? false, parameters);
        if (state.state === "empty") {
            await this.discardChangeSet(ref);
            result.changeSetId = undefined;
            this.marks.changeSetMs = this.deps.clock() - changeSetStart;
            await this.applyTerminationProtection(existing);
            this.log(`The change set had no changes (${state.reason}); it was deleted.`);
            if (options.failOnEmptyChangeset) {
                return this.fail({
                    kind: "empty-change-set",
                    message: `Stack ${options.stackName} has no changes to deploy, and fail-on-empty-changeset is true. Set it to false to let an unchanged deployment pass.`,
                });
            }
            return this.succeed("no-changes");
        }
        if (state.state === "failed" || state.state === "timed-out") {
            await this.discardChangeSet(ref);
            this.marks.changeSetMs = this.deps.clock() - changeSetStart;
            if (state.state === "timed-out" && state.unreachable) {
                return this.fail({
                    kind: "unreachable",
                    message: (0,wait/* unreachableMessage */.Ep)(`change set ${name} of stack ${options.stackName}`, state.unreachable, { status: state.status, of: "change set" }, this.deadline),
                });
            }
            const reason = state.state === "failed"
                ? state.reason
                : `it was still ${state.status} when timeout-minutes (${options.timeoutMinutes}) ran out`;
            const located = locateMessage(reason, prepared.template);
            return this.fail({
                kind: state.state === "failed" ? "change-set" : "timeout",
                message: `Change set ${name} for stack ${options.stackName} failed: ${reason}${located ? ` (${located.file} line ${located.line})` : ""}. Fix the template or inputs and push again.`,
                location: located,
            });
        }
        if (existing && deployedTemplate === undefined) {
            deployedTemplate = await this.readTemplate({ StackName: existing.StackId ?? options.stackName }, "deployed template");
        }
        await this.inspectChanges(ref, state.description, deployedTemplate);
        this.marks.changeSetMs = this.deps.clock() - changeSetStart;
        if (options.mode === "create-change-set") {
            this.keepChangeSet();
            this.log(`Change set ${name} is ready for review; run again with mode: execute-change-set and change-set-id: ${ref.id}.`);
            return this.succeed("change-set-created");
        }
        return this.executeAndWatch(ref, state.description.CreationTime?.getTime() ?? changeSetStart);
    }
    /** execute-change-set: prepare, the reviewed change set inspected again, execute, watch. */
    async executeReviewed() {
        const { options, result } = this;
        await this.prepare();
        const { description, current, creating } = await this.timed("preflightMs", async () => {
            const id = options.changeSetId ?? "";
            let description;
            try {
                description = await this.cfn.send(new dist_cjs/* DescribeChangeSetCommand */.TTT({ ChangeSetName: id, StackName: options.stackName }));
            }
            catch (error) {
                throw (0,errors.describeAwsError)(error, {
                    action: "cloudformation:DescribeChangeSet",
                    stackName: options.stackName,
                });
            }
            result.changeSetId = description.ChangeSetId ?? id;
            result.changeSetName = description.ChangeSetName;
            result.stackId = description.StackId;
            if (description.Status !== "CREATE_COMPLETE" || description.ExecutionStatus !== "AVAILABLE") {
                throw new preflight/* StackStateError */.qd(description.Status ?? "UNKNOWN", `Change set ${id} cannot be executed: it is ${description.Status}/${description.ExecutionStatus}${description.StatusReason ? ` (${description.StatusReason})` : ""}. Create a new one with mode: create-change-set.`);
            }
            const current = (await this.cfn.send(new dist_cjs/* DescribeStacksCommand */.Y47({ StackName: description.StackId ?? options.stackName }))).Stacks?.[0];
            return { description, current, creating: current?.StackStatus === "REVIEW_IN_PROGRESS" };
        });
        result.created = creating;
        const ref = { id: result.changeSetId, stackName: options.stackName };
        await this.timed("changeSetMs", async () => {
            // The diff is between what the change set will deploy and what runs now (a stack still in
            // review has nothing deployed), not the template in this checkout, which may have moved on.
            const proposed = await this.readTemplate({ ChangeSetName: ref.id }, "change set's template");
            const deployed = current && !creating
                ? await this.readTemplate({ StackName: current.StackId ?? options.stackName }, "deployed template")
                : undefined;
            await this.inspectChanges(ref, description, deployed, proposed ?? null);
        });
        return this.executeAndWatch(ref, description.CreationTime?.getTime() ?? this.deps.clock());
    }
}
async function deployStack(options, deps) {
    const tally = {};
    const run = new DeployRun(options, deps, tally);
    const { result } = run;
    const startedAt = result.timings.startedAt;
    try {
        return options.mode === "execute-change-set" ? await run.executeReviewed() : await run.deploy();
    }
    catch (error) {
        result.failure = failureFrom(error, run.template);
        result.ok = false;
        if (run.pendingChangeSet)
            await run.discardChangeSet(run.pendingChangeSet);
        return result;
    }
    finally {
        const finishedAt = deps.clock();
        result.timings = { startedAt, finishedAt, ...run.marks, totalMs: finishedAt - startedAt };
        result.awsCalls = Object.values(tally).reduce((a, b) => a + b, 0);
        if (result.failure) {
            result.ok = false;
            result.outcome = "failed";
        }
    }
}

// EXTERNAL MODULE: ./src/stack/previews.ts
var previews = __webpack_require__(8300);
// EXTERNAL MODULE: ./src/stack/requests.ts
var requests = __webpack_require__(4776);
// EXTERNAL MODULE: ./src/template/check.ts + 136 modules
var check = __webpack_require__(577);
// EXTERNAL MODULE: ./src/template/report/counts.ts
var counts = __webpack_require__(7909);
;// CONCATENATED MODULE: ./src/template/deploy-check.ts


/** Whether a deploy checks its template first: a change set being executed was checked when it was made. */
function validatesTemplate(inputs) {
    return inputs.validate && inputs.mode !== "execute-change-set";
}
/**
 * Runs the rules on `template`; `refusal` is set when errors stop the deploy, and says how many,
 * that nothing was deployed, and what to do.
 */
async function checkBeforeDeploy(template, options) {
    const { findings } = await (0,check/* checkTemplates */.Y)([template], {
        workspace: options.workspace,
        input: options.input,
    });
    const { errors } = (0,counts/* countFindings */.G)(findings);
    if (errors === 0)
        return { findings };
    return {
        findings,
        refusal: `The template has ${errors} ${errors === 1 ? "error" : "errors"} (${options.shown}), so nothing was deployed. Fix them, or ${options.skip} to let CloudFormation judge the template.`,
    };
}

// EXTERNAL MODULE: ./src/template/report/text.ts
var report_text = __webpack_require__(5422);
// EXTERNAL MODULE: ./src/cli/context.ts + 5 modules
var cli_context = __webpack_require__(1604);
// EXTERNAL MODULE: ./src/cli/options.ts
var options = __webpack_require__(776);
;// CONCATENATED MODULE: ./src/cli/deploy.ts
/**
 * `preview-stacks deploy`: the deploy action from a terminal. The options are the action's inputs;
 * `--pr N --repo owner/name` deploys that pull request's preview, named and tagged as the action
 * names and tags it. The template rules run first, then deployStack with the stack events as live
 * progress. With a GitHub token and --repo (and only then) GitHub is told as the action tells it
 * (GitHubReporter): the pull request is checked to be open, and the GitHub Deployment with its
 * statuses and the sticky comment are written.
 */















const INPUT_OPTIONS = {
    template: { kind: "string", value: "FILE", help: "the template to deploy" },
    "stack-name": {
        kind: "string",
        value: "NAME",
        help: "the stack to deploy (not with --pr: the preview's name)",
    },
    preview: {
        kind: "string",
        value: "auto|true|false",
        help: "deploy a preview (auto: with --pr and no --stack-name)",
    },
    "stack-prefix": {
        kind: "string",
        value: "PREFIX",
        help: "preview names are PREFIX-pr-N (default: the repository's name)",
    },
    "parameter-overrides": { kind: "list", value: "KEY=VALUE", help: "a template parameter" },
    tags: { kind: "list", value: "KEY=VALUE", help: "a stack tag" },
    capabilities: {
        kind: "list",
        value: "CAPABILITY",
        help: "a capability to acknowledge (default: CAPABILITY_IAM)",
    },
    "role-arn": { kind: "string", value: "ARN", help: "the role CloudFormation assumes" },
    "artifact-bucket": {
        kind: "string",
        value: "BUCKET",
        help: "S3 bucket for local code and large templates",
    },
    "artifact-prefix": { kind: "string", value: "PREFIX", help: "key prefix in the artifact bucket" },
    "termination-protection": {
        kind: "string",
        value: "true|false",
        help: "set termination protection after the deploy",
    },
    "disable-rollback": { kind: "flag", help: "leave a failed create or update as it failed" },
    "timeout-minutes": { kind: "string", value: "N", help: "minutes to wait (1-1440, default 60)" },
    mode: {
        kind: "string",
        value: "MODE",
        help: "deploy, create-change-set or execute-change-set (default: deploy)",
    },
    "change-set-id": {
        kind: "string",
        value: "ID",
        help: "the change set to execute (mode execute-change-set)",
    },
    "fail-on-empty-changeset": { kind: "flag", help: "fail when there is nothing to change" },
    "url-output": { kind: "string", value: "OUTPUT", help: "the stack Output that holds the preview URL" },
    comment: {
        kind: "string",
        value: "true|false",
        help: "write the pull request comment (needs a token; default: on for previews)",
    },
    environment: {
        kind: "string",
        value: "NAME",
        help: "GitHub environment name shown in the comment (default: pr-N)",
    },
    "github-token": { kind: "string", value: "TOKEN", help: cli_context/* GITHUB_TOKEN_HELP */.cK },
    validate: { kind: "negatable", help: "run the template rules first (default: on)" },
    "recreate-failed": { kind: "flag", help: "recreate a stack left in ROLLBACK_COMPLETE" },
    "continue-rollback": { kind: "flag", help: "continue a stack's UPDATE_ROLLBACK_FAILED first" },
    "allow-forks": {
        kind: "flag",
        help: "accepted for the action's sake; a laptop deploy has no fork to refuse",
    },
    "max-previews": {
        kind: "string",
        value: "N",
        help: "most live previews of the repository (1-1000, default 20)",
    },
};
/** Every output of the action, typed: the JSON outputs hold their value, not a string of it. */
function deploy_outputs(result, packagedTemplate) {
    return {
        ok: result.ok,
        outcome: result.outcome,
        [inputs/* DEPLOY_OUTPUTS */.bE.stackName]: result.stackName,
        [inputs/* DEPLOY_OUTPUTS */.bE.stackId]: result.stackId ?? "",
        [inputs/* DEPLOY_OUTPUTS */.bE.status]: result.status ?? "",
        [inputs/* DEPLOY_OUTPUTS */.bE.changeSetId]: result.changeSetId ?? "",
        [inputs/* DEPLOY_OUTPUTS */.bE.hasChanges]: result.hasChanges,
        [inputs/* DEPLOY_OUTPUTS */.bE.changesJson]: result.changes,
        [inputs/* DEPLOY_OUTPUTS */.bE.changesMarkdown]: (0,diff/* renderChangesMarkdown */.Fj)(result.changes, result.security),
        [inputs/* DEPLOY_OUTPUTS */.bE.outputsJson]: result.outputs,
        [inputs/* DEPLOY_OUTPUTS */.bE.url]: result.url ?? "",
        [inputs/* DEPLOY_OUTPUTS */.bE.packagedTemplate]: packagedTemplate,
        ...(result.failure ? { error: result.failure.message } : {}),
    };
}
function textReport(result) {
    const lines = [`${result.stackName}: ${result.status ?? "no stack"} (${result.outcome})`];
    if (result.url)
        lines.push(`URL: ${result.url}`);
    if (result.changeSetId && result.outcome === "change-set-created")
        lines.push(`Change set: ${result.changeSetId}`);
    const keys = Object.keys(result.outputs);
    if (keys.length > 0)
        lines.push("Outputs:", ...keys.map((key) => `  ${key}: ${result.outputs[key]}`));
    return `${lines.join("\n")}\n`;
}
/** The template rules, as the action runs them first: findings to stderr, false when errors stop the deploy. */
async function templateIsValid(inputs, io) {
    const { findings, refusal } = await checkBeforeDeploy(inputs.template, {
        workspace: io.cwd,
        input: "--template",
        shown: "listed above",
        skip: "pass --no-validate",
    });
    if (findings.length > 0)
        io.stderr(`${(0,report_text/* renderText */.S5)(findings)}\n`);
    if (refusal)
        io.stderr(`preview-stacks: ${refusal}\n`);
    return refusal === undefined;
}
function readInputs(parsed, io) {
    const whyRepo = (0,options/* stringValue */.r$)(parsed, "pr") !== undefined
        ? "a preview is named after the repository and tagged with it."
        : undefined;
    const { pr, repo, token, context } = (0,cli_context/* stackTarget */.s2)(parsed, io, "deploy", whyRepo);
    if (pr === undefined && (0,options/* stringValue */.r$)(parsed, inputs/* DEPLOY_INPUTS */.U_.preview) === "true") {
        throw new options/* UsageError */.eb("option '--preview true' of deploy needs --pr NUMBER: a preview belongs to a pull request.", "deploy");
    }
    const read = (0,options/* inputReader */.cN)(command, parsed, { [inputs/* DEPLOY_INPUTS */.U_.githubToken]: token });
    return { inputs: (0,inputs/* readDeployInputs */.Jj)(read, context), token, repo, pr };
}
async function run(parsed, io) {
    const { inputs, token, repo, pr } = readInputs(parsed, io);
    const env = (0,cli_context/* environment */.cA)(io);
    if (validatesTemplate(inputs) && !(await templateIsValid(inputs, io)))
        return 1;
    const file = (0,external_node_path_.resolve)(io.cwd, inputs.template);
    const body = await (0,options/* readTemplateOption */.at)(io, file);
    if (body === undefined)
        return 1;
    const region = await (0,cli_context/* awsRegion */.Ue)(parsed, env, "deploy");
    const { clock, sleep, scale } = (0,cli_context/* runTime */.Ft)(io);
    const runLogged = (0,cli_context/* runLog */.YD)(io, `deploy ${inputs.stackName}`, clock);
    const { log, redactor, stop } = runLogged;
    const guard = (0,cli_context/* githubWarnings */.Hg)("The deploy result", log);
    const github = token !== "" && repo !== undefined
        ? { octokit: (0,cli_context/* octokitFor */.d_)(token, log, scale), ...(0,cli_context/* splitRepository */.T8)(repo) }
        : undefined;
    const preview = inputs.preview;
    // The deployment names the pull request's head commit, as the action's does; a named stack's is
    // the commit CI gives in GITHUB_SHA, and none (so no deployment) on a laptop.
    let sha = preview ? "" : env.GITHUB_SHA?.trim() || "";
    if (github && preview) {
        const pull = await pullRequestNow(github.octokit, { ...github, number: preview.pr }, guard);
        if (pull?.closed) {
            stop();
            io.stderr(`preview-stacks: pull request #${preview.pr} is closed, so its preview ${inputs.stackName} is not deployed; remove it with 'preview-stacks teardown --pr ${preview.pr}'.\n`);
            return 1;
        }
        sha = pull?.headSha ?? "";
    }
    const target = {
        repository: repo ?? "",
        owner: github?.owner ?? "",
        repo: github?.repo ?? "",
        prNumber: pr,
        sha,
        runUrl: "",
    };
    const reporter = await GitHubReporter.start({
        octokit: github?.octokit,
        target,
        comment: inputs.comment,
        info: reportInfo(target, inputs.environment, env),
        redactor,
        guard,
        log,
    }, {
        stackName: inputs.stackName,
        region,
        environment: inputs.environment,
        mode: inputs.mode,
        preview: preview !== undefined,
    });
    // Ctrl-C ends the GitHub Deployment as `error` and says so in the comment before exiting.
    const stopWatching = onCancel(reporter, inputs.stackName, {
        log,
        stop: (message) => {
            stop();
            io.stderr(`preview-stacks: ${message}\n`);
            process.exit(1);
        },
    });
    const deployed = await (0,cli_context/* withStackClients */.lw)(region, runLogged, ({ cfn, s3 }) => deployStack((0,requests/* deployOptions */.aq)(inputs, {
        template: { file: inputs.template, body, dir: (0,external_node_path_.dirname)(file) },
        parameterOverrides: inputs.parameterOverrides,
        region,
        run: (0,cli_context/* localRun */.p8)(clock),
        description: preview ? `PR #${preview.pr} from the command line` : "From the command line",
    }, env), {
        cfn,
        s3,
        lambda: lazyLambdaClient({ region }),
        clock,
        sleep,
        log,
        maskSecret: (value) => redactor.add(value),
        beforeCreate: (0,previews/* previewGuard */.AR)(cfn, {
            preview,
            mode: inputs.mode,
            stackName: inputs.stackName,
            maxPreviews: inputs.maxPreviews,
            input: "--max-previews",
            log,
        }),
    }), 
    // An unexpected error must not leave the deployment showing in progress.
    (error) => {
        stopWatching();
        return reporter.finish("failure", (0,errors.errorMessage)(error));
    });
    stopWatching();
    const result = redactor.size > 0 ? redactor.redactDeep(deployed) : deployed;
    for (const warning of result.warnings)
        log(`Warning: ${warning}`);
    const packagedTemplate = result.packagedTemplate === undefined
        ? file
        : await (0,stack_package.writePackagedTemplate)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), "preview-stacks"), inputs.template, result.packagedTemplate);
    await reporter.report(result);
    stop();
    if (!result.ok)
        io.stderr(`preview-stacks: ${result.failure?.message ?? `stack ${result.stackName} failed.`}\n`);
    io.stdout((0,options/* flagValue */.y6)(parsed, "json") ? (0,options/* jsonDocument */.Q8)(deploy_outputs(result, packagedTemplate)) : textReport(result));
    return result.ok ? 0 : 1;
}
const command = {
    name: "deploy",
    summary: "deploy a stack, or a pull request's preview (--pr), through a change set",
    synopsis: [
        "preview-stacks deploy --template FILE --pr NUMBER --repo OWNER/NAME [options]",
        "preview-stacks deploy --template FILE --stack-name NAME [options]",
    ],
    about: [
        "Validates the template, packages local code (with --artifact-bucket), creates and executes a change set, and streams the stack events. The options are the deploy action's inputs.",
        `Exit codes: 0 deployed (or nothing to change), 1 the deploy failed, 2 usage error.\n${options/* ABOUT_AWS */._k}`,
    ],
    options: [...(0,options/* inputOptions */.NH)(INPUT_OPTIONS), cli_context/* PR_OPTION */.bd, cli_context/* REPO_OPTION */.vI, ...(0,options/* commonOptions */.OP)()],
    run,
};


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

/***/ 8300:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AR: () => (/* binding */ previewGuard),
/* harmony export */   cm: () => (/* binding */ previewAgeMs),
/* harmony export */   w: () => (/* binding */ listLivePreviews)
/* harmony export */ });
/* unused harmony export previewLimitMessage */
/* harmony import */ var _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3805);
/* harmony import */ var _aws_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9378);
/* harmony import */ var _naming__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6638);
/* harmony import */ var _tags__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(211);
/** The live preview stacks of a repository, their ages, and the guard on how many may exist at once. */




/** Every stack DescribeStacks lists, page by page (it lists only stacks that are not deleted). */
async function describeAllStacks(cfn) {
    const stacks = [];
    let token;
    do {
        let page;
        try {
            page = await cfn.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_2__/* .DescribeStacksCommand */ .Y47({ NextToken: token }));
        }
        catch (error) {
            throw (0,_aws_errors__WEBPACK_IMPORTED_MODULE_0__.describeAwsError)(error, { action: "cloudformation:DescribeStacks" });
        }
        stacks.push(...(page.Stacks ?? []));
        token = page.NextToken;
    } while (token);
    return stacks;
}
/** The repository's previews whose tags and name agree, oldest first. */
async function listLivePreviews(cfn, repository, options = {}) {
    const stacks = await describeAllStacks(cfn);
    return stacks
        .filter((s) => s.StackStatus !== "DELETE_COMPLETE" && (0,_tags__WEBPACK_IMPORTED_MODULE_1__/* .isPreviewStack */ .r3)(s, repository))
        .map((s) => ({
        stackName: s.StackName ?? "",
        stackId: s.StackId,
        pr: Number(s.Tags?.find((t) => t.Key === _tags__WEBPACK_IMPORTED_MODULE_1__/* .TAG_PR */ .av)?.Value),
        status: s.StackStatus ?? "",
        lastChanged: s.LastUpdatedTime ?? s.CreationTime,
        tags: s.Tags ?? [],
    }))
        .filter((p) => options.prefix === undefined || p.stackName === (0,_naming__WEBPACK_IMPORTED_MODULE_3__/* .previewStackName */ .ab)(options.prefix, p.pr))
        .sort((a, b) => (a.lastChanged?.getTime() ?? 0) - (b.lastChanged?.getTime() ?? 0));
}
/** How long ago the preview last changed, in ms; undefined when CloudFormation gave no time. */
function previewAgeMs(preview, now) {
    return preview.lastChanged ? Math.max(0, now - preview.lastChanged.getTime()) : undefined;
}
/**
 * Undefined when `stackName` may be deployed; otherwise the refusal, naming the oldest previews
 * and how to remove them. A stack already among the previews is an update and always allowed.
 */
function previewLimitMessage(previews, stackName, maxPreviews, input = "max-previews") {
    if (previews.some((p) => p.stackName === stackName))
        return undefined;
    if (previews.length < maxPreviews)
        return undefined;
    const oldest = previews.slice(0, 5).map((p) => {
        const when = p.lastChanged ? p.lastChanged.toISOString().slice(0, 10) : "unknown date";
        return `${p.stackName} (PR #${p.pr}, last changed ${when}, ${p.status})`;
    });
    return (`Preview ${stackName} was not created: this repository already has ${previews.length} live previews and ${input} is ${maxPreviews}. ` +
        `Oldest: ${oldest.join("; ")}. ` +
        "Close or merge pull requests whose previews are no longer needed (the teardown action deletes them), " +
        `delete one by hand with 'aws cloudformation delete-stack --stack-name ${previews[0]?.stackName ?? "<name>"}', ` +
        `or raise ${input}.`);
}
/**
 * The max-previews cost guard, as deployStack's beforeCreate: deployStack calls it only before
 * creating a stack, so only a new preview pays for listing the account's stacks. Undefined when
 * no limit applies (a named stack, or a mode that creates nothing but a change set).
 */
function previewGuard(cfn, options) {
    const { preview } = options;
    if (!preview || options.mode !== "deploy")
        return undefined;
    return async () => {
        const previews = await listLivePreviews(cfn, preview.repository);
        options.log(`${previews.length} live previews in ${preview.repository} (${options.input}: ${options.maxPreviews}).`);
        return previewLimitMessage(previews, options.stackName, options.maxPreviews, options.input);
    };
}


/***/ })

};
