export const id = 79;
export const ids = [79];
export const modules = {

/***/ 2131:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   VW: () => (/* binding */ reportRemoval)
/* harmony export */ });
/* unused harmony exports deactivateDeployments, renderTeardownReport */
/* harmony import */ var _template_report_markdown__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2056);
/* harmony import */ var _text__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8992);
/* harmony import */ var _comment__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7318);
/* harmony import */ var _deployments__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6887);




/** Deployment states after which nothing is live: inactive is final, and `error` never went live. */
const SETTLED = new Set(["inactive"]);
/**
 * Marks every deployment of the environment inactive, newest first, skipping those already
 * inactive. Returns the ids that were (or, in a dry run, would be) deactivated.
 */
async function deactivateDeployments(octokit, options) {
    const { owner, repo } = options;
    const deployments = await octokit.paginate(octokit.rest.repos.listDeployments, {
        owner,
        repo,
        environment: options.environment,
        per_page: 100,
    });
    const ids = [];
    for (const deployment of deployments) {
        const { data: statuses } = await octokit.rest.repos.listDeploymentStatuses({
            owner,
            repo,
            deployment_id: deployment.id,
            per_page: 1,
        });
        if (SETTLED.has(statuses[0]?.state ?? ""))
            continue;
        ids.push(deployment.id);
        if (options.dryRun)
            continue;
        await octokit.rest.repos.createDeploymentStatus({
            owner,
            repo,
            deployment_id: deployment.id,
            state: "inactive",
            log_url: options.logUrl,
            description: (0,_deployments__WEBPACK_IMPORTED_MODULE_1__/* .shorten */ .ml)(`Preview removed: ${options.environment}`),
        });
    }
    return { deactivated: ids.length, ids };
}
const HEADLINES = {
    deleted: (stack) => `🗑️ Preview ${stack} removed`,
    "not-found": (stack) => `🗑️ Preview ${stack} is gone: nothing to delete`,
    refused: (stack) => `⛔ Teardown of ${stack} refused`,
    failed: (stack) => `❌ Teardown of ${stack} failed`,
    planned: (stack) => `📝 Teardown plan for ${stack} (dry run: nothing was changed)`,
};
function when(date) {
    return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
function facts(result, info) {
    const rows = [
        ["Status", (0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(result.status)],
        ["When", when(info.when)],
    ];
    if (info.environment) {
        const deployments = info.deployments === undefined
            ? ""
            : ` (${info.deployments} ${info.deployments === 1 ? "deployment" : "deployments"} ${result.status === "planned" ? "to mark" : "marked"} inactive)`;
        rows.push(["Environment", `${(0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(info.environment)}${deployments}`]);
    }
    rows.push(["Stack", `${(0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(result.stackName)} (${(0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq)(result.region)})`]);
    if (info.runUrl)
        rows.push(["Run", (0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_2__/* .link */ .nf)("logs and stack events", info.runUrl)]);
    return ["| | |", "| --- | --- |", ...rows.map(([k, v]) => `| ${k} | ${v} |`)];
}
function bucketsSection(result) {
    const buckets = result.buckets;
    if (buckets.length === 0)
        return [];
    const planned = result.status === "planned";
    const lines = [
        "#### Buckets",
        "",
        `| Bucket | Logical ID | ${planned ? "Object versions to delete" : "Emptied"} |`,
        "| --- | --- | --- |",
        ...buckets.map((b) => {
            const count = (b.versions ?? 0) + (b.deleteMarkers ?? 0);
            const what = b.retained
                ? "kept (DeletionPolicy: Retain)"
                : planned
                    ? (0,_text__WEBPACK_IMPORTED_MODULE_3__/* .thousands */ .o)(count)
                    : result.status === "deleted"
                        ? "yes"
                        : "";
            return `| ${(0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(b.bucket)} | ${(0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)([...b.parentPath, b.logicalId].join("/"))} | ${what} |`;
        }),
    ];
    if (!planned && result.objectsDeleted > 0) {
        lines.push("", `${(0,_text__WEBPACK_IMPORTED_MODULE_3__/* .thousands */ .o)(result.objectsDeleted)} object versions and delete markers were deleted.`);
    }
    return lines;
}
function failuresSection(result, shown) {
    if (result.failures.length === 0)
        return [];
    const rows = result.failures.slice(0, shown).map((f) => {
        const where = f.location ? ` (${(0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(f.location.file)} line ${f.location.line})` : "";
        return `| ${(0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)([...f.parentPath, f.logicalId].join("/"))} | ${(0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq)(f.resourceType)} | ${(0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq)(f.reason ?? f.status)}${where} |`;
    });
    const lines = [
        "#### Resources that failed to delete",
        "",
        "| Resource | Type | Reason |",
        "| --- | --- | --- |",
        ...rows,
    ];
    if (shown < result.failures.length)
        lines.push("", `_${result.failures.length - shown} more are in the job log._`);
    return lines;
}
function retainedSection(result, shown) {
    if (result.retained.length === 0)
        return [];
    const rows = result.retained
        .slice(0, shown)
        .map((r) => `| ${(0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(r.logicalId)} | ${(0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq)(r.resourceType)} | ${r.physicalId ? (0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(r.physicalId) : ""} | ${(0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_2__/* .link */ .nf)("console", r.consoleUrl)} |`);
    const lines = [
        "#### Resources kept (retain-on-failure)",
        "",
        "These still exist and still cost money: delete them by hand once you have looked at them.",
        "",
        "| Resource | Type | Physical ID | |",
        "| --- | --- | --- | --- |",
        ...rows,
    ];
    if (shown < result.retained.length) {
        lines.push("", `_${result.retained.length - shown} more are in the retained-resources output._`);
    }
    return lines;
}
function assemble(result, info, options, shownFailures, shownRetained) {
    const parts = [
        options.prefix ? [options.prefix] : [],
        [`### ${HEADLINES[result.status]((0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(result.stackName))}`],
        facts(result, info),
        [(0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq)(result.message)],
        result.failure ? [`> [!CAUTION]`, `> ${(0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq)(result.failure.message)}`] : [],
        bucketsSection(result),
        failuresSection(result, shownFailures),
        retainedSection(result, shownRetained),
    ];
    return `${parts
        .filter((p) => p.length > 0)
        .map((p) => p.join("\n"))
        .join("\n\n")}\n`;
}
/** The teardown's report for the sticky comment and the job summary, cut to fit `maxSize`. */
function renderTeardownReport(result, info, options) {
    const fits = (body) => options.measure(body) <= options.maxSize;
    let failures = result.failures.length;
    let retained = result.retained.length;
    let body = assemble(result, info, options, failures, retained);
    // The retained list says what still costs money: it is kept longest.
    while (!fits(body) && failures > 0) {
        failures = Math.floor(failures / 2);
        body = assemble(result, info, options, failures, retained);
    }
    while (!fits(body) && retained > 0) {
        retained = Math.floor(retained / 2);
        body = assemble(result, info, options, failures, retained);
    }
    return body;
}
/**
 * GitHub's side of one teardown, the same for the teardown action and for each stack the sweep
 * deletes. Once the stack is gone (or, in a dry run, would be), the environment's deployments are
 * marked inactive (in a dry run, listed). Then the pull request's sticky comment is updated in place
 * with the teardown report, except in a dry run, which writes nothing, and for a stack that was not
 * there: a second teardown must not overwrite when and by which run the preview was removed. Each
 * step goes through `guard`, so one failing never stops the other.
 */
async function reportRemoval(octokit, result, options) {
    const { owner, repo, environment, pr, dryRun } = options;
    const gone = result.status === "deleted" || result.status === "not-found" || result.status === "planned";
    const done = environment !== undefined && gone
        ? await options.guard(dryRun ? "list the deployments to mark inactive" : "mark the deployments inactive", () => deactivateDeployments(octokit, { owner, repo, environment, logUrl: options.runUrl, dryRun }))
        : undefined;
    if (done) {
        const ids = done.ids.length > 0 ? ` (${done.ids.join(", ")})` : "";
        options.log(`${dryRun ? "Plan: mark" : "Marked"} ${done.deactivated} deployments of environment ${environment} inactive${ids}.`);
    }
    const deployments = done?.deactivated;
    if (pr === undefined || dryRun || result.status === "not-found" || result.status === "planned") {
        return { deployments, comment: undefined };
    }
    const body = renderTeardownReport(result, { runUrl: options.runUrl, environment, when: options.when, deployments }, { prefix: (0,_comment__WEBPACK_IMPORTED_MODULE_0__/* .commentMarker */ .Ql)(result.stackName), maxSize: _comment__WEBPACK_IMPORTED_MODULE_0__/* .MAX_COMMENT_LENGTH */ .wT, measure: (t) => t.length });
    const clean = options.clean ?? ((t) => t);
    const comment = await options.guard("update the pull request comment", () => (0,_comment__WEBPACK_IMPORTED_MODULE_0__/* .upsertComment */ .lB)(octokit, {
        owner,
        repo,
        issueNumber: pr,
        stackName: result.stackName,
        body: clean(body),
        log: options.log,
    }));
    if (comment)
        options.log(`Pull request comment ${comment.action}: ${comment.url}`);
    return { deployments, comment };
}


/***/ }),

/***/ 5661:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  f: () => (/* binding */ teardownStack)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudformation/dist-cjs/index.js
var dist_cjs = __webpack_require__(3805);
// EXTERNAL MODULE: ./src/aws/errors.ts
var aws_errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var client_s3_dist_cjs = __webpack_require__(3711);
// EXTERNAL MODULE: ./src/stack/template-source.ts
var template_source = __webpack_require__(804);
;// CONCATENATED MODULE: ./src/stack/buckets.ts




const NESTED_STACK = "AWS::CloudFormation::Stack";
const BUCKET = "AWS::S3::Bucket";
const RETAIN = new Set(["Retain", "RetainExceptOnCreate"]);
/** S3's own cap on a ListObjectVersions page and on the keys of one DeleteObjects call. */
const S3_BATCH = 1_000;
/** CloudFormation nests stacks only so deep; a loop in what it answers must not run forever. */
const MAX_NESTING = 10;
async function listResources(cfn, stackId) {
    const resources = [];
    let token;
    do {
        try {
            const page = await cfn.send(new dist_cjs/* ListStackResourcesCommand */.XnL({ StackName: stackId, NextToken: token }));
            resources.push(...(page.StackResourceSummaries ?? []));
            token = page.NextToken;
        }
        catch (error) {
            throw (0,aws_errors.describeAwsError)(error, { action: "cloudformation:ListStackResources", stackName: stackId });
        }
    } while (token);
    return resources;
}
/**
 * The logical ids of the stack's resources that CloudFormation keeps on delete, read from its
 * deployed template (the processed one: what a macro made is what was deployed). A policy that is
 * not a plain string counts as Retain: emptying a bucket someone meant to keep cannot be undone.
 */
async function retainedIds(cfn, stackId) {
    let body;
    try {
        body = (await cfn.send(new dist_cjs/* GetTemplateCommand */._JK({ StackName: stackId, TemplateStage: "Processed" })))
            .TemplateBody;
    }
    catch (error) {
        throw (0,aws_errors.describeAwsError)(error, { action: "cloudformation:GetTemplate", stackName: stackId });
    }
    const template = body ? (0,template_source/* plainTemplate */.Hf)(body, "deployed template") : undefined;
    const resources = (template?.Resources ?? {});
    const ids = new Set();
    for (const [id, resource] of Object.entries(resources)) {
        const policy = resource?.DeletionPolicy;
        if (policy !== undefined && (typeof policy !== "string" || RETAIN.has(policy)))
            ids.add(id);
    }
    return ids;
}
function isLive(resource) {
    return resource.PhysicalResourceId !== undefined && resource.ResourceStatus !== "DELETE_COMPLETE";
}
/**
 * The stack's buckets and nested stacks, followed down through AWS::CloudFormation::Stack
 * resources. Templates are read only for stacks that have a bucket.
 */
async function stackInventory(cfn, stackId) {
    const found = { buckets: [], stackIds: [], resources: new Map() };
    const visit = async (id, parentPath) => {
        if (found.stackIds.includes(id) || parentPath.length > MAX_NESTING)
            return;
        found.stackIds.push(id);
        const resources = await listResources(cfn, id);
        if (parentPath.length === 0) {
            for (const r of resources) {
                found.resources.set(r.LogicalResourceId ?? "", {
                    logicalId: r.LogicalResourceId ?? "",
                    resourceType: r.ResourceType ?? "",
                    physicalId: r.PhysicalResourceId || undefined,
                });
            }
        }
        const buckets = resources.filter((r) => r.ResourceType === BUCKET && isLive(r));
        const retained = buckets.length > 0 ? await retainedIds(cfn, id) : new Set();
        for (const r of buckets) {
            found.buckets.push({
                logicalId: r.LogicalResourceId ?? "",
                bucket: r.PhysicalResourceId,
                parentPath,
                retained: retained.has(r.LogicalResourceId ?? ""),
            });
        }
        for (const r of resources) {
            if (r.ResourceType !== NESTED_STACK || !isLive(r) || !r.PhysicalResourceId?.startsWith("arn:"))
                continue;
            await visit(r.PhysicalResourceId, [...parentPath, r.LogicalResourceId ?? ""]);
        }
    };
    await visit(stackId, []);
    return found;
}
/** One page of the bucket's versions and delete markers, or undefined when the bucket does not exist. */
async function listVersions(s3, bucket, marker) {
    try {
        return await s3.send(new client_s3_dist_cjs/* ListObjectVersionsCommand */.uc$({
            Bucket: bucket,
            MaxKeys: S3_BATCH,
            KeyMarker: marker.key,
            VersionIdMarker: marker.versionId,
        }));
    }
    catch (error) {
        if ((0,aws_errors.errorCode)(error) === "NoSuchBucket")
            return undefined;
        throw (0,aws_errors.describeAwsError)(error, { action: "s3:ListBucketVersions", bucket });
    }
}
/** S3 orders keys by their UTF-8 bytes. */
function laterKey(a, b) {
    return a !== undefined && Buffer.compare(Buffer.from(a), Buffer.from(b)) >= 0 ? a : b;
}
/** How many versions and delete markers the bucket holds; undefined when it does not exist. */
async function countVersions(s3, bucket) {
    const count = { versions: 0, deleteMarkers: 0 };
    let marker = {};
    for (;;) {
        const page = await listVersions(s3, bucket, marker);
        if (!page)
            return undefined;
        count.versions += page.Versions?.length ?? 0;
        count.deleteMarkers += page.DeleteMarkers?.length ?? 0;
        if (!page.IsTruncated)
            return count;
        marker = { key: page.NextKeyMarker, versionId: page.NextVersionIdMarker };
    }
}
/**
 * Deletes every object version and delete marker in the bucket, each page as soon as it is listed.
 * What a page listed is gone once deleted, so the next page is listed from the start again, not
 * from a marker naming a version that no longer exists; only keys S3 refused to delete a version
 * of are stepped over (listing after the last of them), and their bucket cannot be emptied anyway.
 */
async function emptyBucket(s3, bucket) {
    const result = { deleted: 0, exists: true, errors: [] };
    let after;
    for (;;) {
        const page = await listVersions(s3, bucket, { key: after });
        if (!page)
            return { ...result, exists: false };
        const objects = [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])].map((v) => ({
            Key: v.Key ?? "",
            VersionId: v.VersionId,
        }));
        if (objects.length > 0) {
            let errors;
            try {
                const answer = await s3.send(new client_s3_dist_cjs/* DeleteObjectsCommand */.xvx({ Bucket: bucket, Delete: { Objects: objects, Quiet: true } }));
                errors = answer.Errors ?? [];
            }
            catch (error) {
                // Deleted meanwhile, by a person or the stack's own delete: nothing left to empty.
                if ((0,aws_errors.errorCode)(error) === "NoSuchBucket")
                    return { ...result, exists: false };
                throw (0,aws_errors.describeAwsError)(error, { action: "s3:DeleteObjectVersion", bucket });
            }
            result.deleted += objects.length - errors.length;
            for (const e of errors) {
                after = laterKey(after, e.Key ?? "");
                result.errors.push({
                    bucket,
                    key: e.Key ?? "",
                    versionId: e.VersionId,
                    code: e.Code ?? "Unknown",
                    message: e.Message ?? "",
                });
            }
        }
        if (!page.IsTruncated)
            return result;
    }
}

// EXTERNAL MODULE: ./src/stack/naming.ts
var naming = __webpack_require__(6638);
// EXTERNAL MODULE: ./src/stack/operation.ts
var operation = __webpack_require__(5141);
// EXTERNAL MODULE: ./src/stack/outputs.ts
var outputs = __webpack_require__(2418);
// EXTERNAL MODULE: ./src/stack/preflight.ts
var preflight = __webpack_require__(5631);
// EXTERNAL MODULE: ./src/stack/runtime.ts
var runtime = __webpack_require__(4768);
// EXTERNAL MODULE: ./src/stack/tags.ts
var tags = __webpack_require__(211);
// EXTERNAL MODULE: ./src/stack/wait.ts
var wait = __webpack_require__(8503);
;// CONCATENATED MODULE: ./src/stack/teardown.ts











/** A refusal or an expected failure, thrown inside the run and returned as the result. */
class TeardownStop extends Error {
    status;
    kind;
    constructor(status, kind, message) {
        super(message);
        this.status = status;
        this.kind = kind;
        this.name = "TeardownStop";
    }
}
/** How often the stack may be found busy again after a wait before teardown gives up. */
const MAX_SETTLE_ROUNDS = 6;
/** Object errors named one by one in the log and messages; the rest are counted. */
const SHOWN_OBJECT_ERRORS = 5;
const plural = (n, one, many = `${one}s`) => `${(0,src_text/* thousands */.o)(n)} ${n === 1 ? one : many}`;
function failureLine(f) {
    const where = f.location ? ` (${f.location.file} line ${f.location.line})` : "";
    return `${[...f.parentPath, f.logicalId].join("/")} (${f.resourceType}) ${f.status}: ${f.reason ?? "no reason given"}${where}`;
}
function objectErrorsLine(errors) {
    const shown = errors
        .slice(0, SHOWN_OBJECT_ERRORS)
        .map((e) => `${e.bucket}/${e.key}${e.versionId ? ` (version ${e.versionId})` : ""} ${e.code}: ${e.message}`);
    const more = errors.length > shown.length ? `; ${(0,src_text/* thousands */.o)(errors.length - shown.length)} more` : "";
    return `${shown.join("; ")}${more}`;
}
/**
 * Why the stack must not be deleted by this run, or undefined when it may: its tags must make it
 * this repository's (and pull request's) preview, or it must carry none of ours and deleting
 * unmanaged stacks must be allowed; and it must not be protected from termination.
 */
function refusal(stack, options, log) {
    const name = options.stackName;
    const { repository, pr } = options.expected;
    const claim = (0,tags/* previewClaim */.D9)(stack.Tags);
    if (claim === undefined && !options.allowUnmanaged) {
        return new TeardownStop("refused", "unmanaged", `Stack ${name} is not a preview stack: it has no preview-stacks:* tags, so this action did not deploy it as a preview, and teardown leaves it untouched. To delete it anyway, name it in stack-name and set allow-unmanaged: true.`);
    }
    if (claim === undefined) {
        log(`Stack ${name} has no preview-stacks:* tags; deleting it as allow-unmanaged: true asks.`);
    }
    else if (!(0,tags/* isPreviewStack */.r3)(stack, repository, pr)) {
        const why = claim.repository !== repository
            ? `not of ${repository}`
            : pr !== undefined && claim.pr !== String(pr)
                ? `not of PR #${pr}`
                : claim.managed !== "true"
                    ? "but its preview-stacks:managed tag is not true"
                    : `but its name does not end in -pr-${claim.pr} as the tag says`;
        return new TeardownStop("refused", "not-ours", `Stack ${name} is tagged as ${(0,tags/* describeClaim */.m4)(claim)}, ${why}: its tags and this run disagree about whose preview it is, so teardown leaves it untouched (allow-unmanaged does not change this). Check stack-prefix; if the stack really is to go, delete it by hand (aws cloudformation delete-stack --stack-name ${name}).`);
    }
    return stack.EnableTerminationProtection ? protectedStack(name) : undefined;
}
function protectedStack(name) {
    return new TeardownStop("refused", "termination-protection", `Stack ${name} has termination protection enabled, and teardown never turns it off. If the stack is to go, turn the protection off by hand (aws cloudformation update-termination-protection --no-enable-termination-protection --stack-name ${name}, or Stack actions → Edit termination protection in the console), then run teardown again.`);
}
function emptyResult(options, startedAt, tally) {
    return {
        status: "failed",
        stackName: options.stackName,
        stackId: undefined,
        region: options.region,
        message: "",
        failure: undefined,
        buckets: [],
        objectsDeleted: 0,
        failures: [],
        retained: [],
        cancelledUpdate: false,
        waitedForOtherOperation: false,
        deleteAttempts: 0,
        consoleUrl: undefined,
        timings: { startedAt, finishedAt: startedAt, totalMs: 0 },
        awsCalls: 0,
        awsCallsByOperation: tally,
    };
}
/**
 * One teardown, in steps over shared state: settle (find the stack, check whose it is, cancel or
 * wait out an operation in progress), inspect (its buckets and nested stacks, exports still
 * imported), then the plan (dry run) or the delete (empty, DeleteStack, watch; on DELETE_FAILED
 * empty again and retry once, then RetainResources when asked).
 */
class TeardownRun {
    options;
    deps;
    result;
    cfn;
    s3;
    runtime;
    deadline;
    /** Set when another run's delete was already under way when this one found the stack. */
    deleteInProgress = false;
    /** The newest stack event this run has seen: a retry's watch starts after it. */
    lastEventAt = 0;
    objectErrors = [];
    constructor(options, deps, tally) {
        this.options = options;
        this.deps = deps;
        this.cfn = (0,runtime/* counting */.Mr)(deps.cfn, tally);
        this.s3 = (0,runtime/* counting */.Mr)(deps.s3, tally);
        this.runtime = { clock: deps.clock, sleep: deps.sleep, log: deps.log, random: deps.random };
        const startedAt = deps.clock();
        this.deadline = startedAt + options.timeoutMinutes * 60_000;
        this.result = { ...emptyResult(options, startedAt, tally), objectErrors: this.objectErrors };
    }
    log(line) {
        this.deps.log(line);
    }
    get name() {
        return this.options.stackName;
    }
    get stackId() {
        return this.result.stackId ?? this.name;
    }
    finish(status, message) {
        this.result.status = status;
        this.result.message = message;
        this.log(message);
        return this.result;
    }
    /** Records a refusal or failure as the result. */
    stop(error) {
        const { result } = this;
        let status = "failed";
        let kind;
        let message;
        if (error instanceof TeardownStop) {
            status = error.status;
            kind = error.kind;
            message = error.message;
        }
        else if (error instanceof preflight/* StackStateError */.qd) {
            kind = "stack-state";
            message = error.message;
        }
        else {
            const actionable = (0,aws_errors.describeAwsError)(error, { action: "AWS", stackName: this.name });
            kind = actionable.kind;
            message = actionable.message;
        }
        result.status = status;
        result.failure = { kind, message };
        result.message =
            status === "refused"
                ? `Teardown of ${this.name} refused: nothing was changed.`
                : `Teardown of ${this.name} failed.`;
        return result;
    }
    // --- settle: the stack found, checked, and with no operation running ---------------------------
    /** The stack once no operation runs on it, or undefined when there is none (left). */
    async settle() {
        const { options, result } = this;
        for (let round = 0; round < MAX_SETTLE_ROUNDS; round++) {
            const stack = await (0,preflight/* describeStack */.GO)(this.cfn, this.name, this.runtime);
            if (!stack || stack.StackStatus === "DELETE_COMPLETE")
                return undefined;
            result.stackId = stack.StackId ?? result.stackId;
            if (result.stackId)
                result.consoleUrl = (0,outputs/* consoleUrl */.B9)(options.region, result.stackId);
            const refused = refusal(stack, options, round === 0 ? this.runtime.log : () => { });
            if (refused)
                throw refused;
            const status = stack.StackStatus ?? "";
            if ((0,wait/* isTerminalStatus */.TQ)(status) || options.dryRun)
                return stack;
            // The cancel's rollback may start at once; its events belong in the log too.
            const since = this.deps.clock();
            if (status === "DELETE_IN_PROGRESS") {
                this.deleteInProgress = true;
                this.log(`Stack ${this.name} is already being deleted (DELETE_IN_PROGRESS); waiting for that delete.`);
            }
            else {
                result.waitedForOtherOperation = true;
                if (status === "UPDATE_IN_PROGRESS")
                    await this.cancelUpdate();
                else
                    this.log(`Stack ${this.name} is ${status}: waiting for that operation to end before deleting.`);
            }
            await (0,preflight/* waitOutOperation */.$t)(this.cfn, {
                stackName: this.name,
                stackId: this.stackId,
                what: status === "DELETE_IN_PROGRESS" ? "the delete in progress" : "the operation in progress",
                before: status,
                deadline: this.deadline,
                backoff: this.deps.backoff,
                since,
            }, this.runtime);
        }
        throw new preflight/* StackStateError */.qd("UNKNOWN", `Stack ${this.name} kept changing state while teardown waited for it. A deploy is still running for it: put deploy and teardown in one concurrency group, then run teardown again.`);
    }
    /** An update in progress would go on to its end; cancelled, it rolls back, and then the stack can go. */
    async cancelUpdate() {
        try {
            await this.cfn.send(new dist_cjs/* CancelUpdateStackCommand */.v6j({ StackName: this.stackId }));
            this.result.cancelledUpdate = true;
            this.log(`Stack ${this.name} is UPDATE_IN_PROGRESS: cancelled the update; waiting for its rollback.`);
        }
        catch (error) {
            // The update moved on between the read and the cancel (to its cleanup, or its end): wait for that.
            if ((0,aws_errors.describeAwsError)(error, { action: "cloudformation:CancelUpdateStack" }).kind !== "validation") {
                throw (0,aws_errors.describeAwsError)(error, { action: "cloudformation:CancelUpdateStack", stackName: this.name });
            }
            this.log(`The update of ${this.name} could not be cancelled any more (${(0,aws_errors.errorMessage)(error)}); waiting for it to end.`);
        }
    }
    // --- inspect: what is in the way of the delete -------------------------------------------------
    async exportsInUse(stackIds) {
        const ours = [];
        let token;
        do {
            try {
                const page = await this.cfn.send(new dist_cjs/* ListExportsCommand */.xKf({ NextToken: token }));
                ours.push(...(page.Exports ?? []).filter((e) => stackIds.includes(e.ExportingStackId ?? "")));
                token = page.NextToken;
            }
            catch (error) {
                throw (0,aws_errors.describeAwsError)(error, { action: "cloudformation:ListExports", stackName: this.name });
            }
        } while (token);
        const inUse = [];
        for (const exported of ours) {
            const importers = await this.importers(exported.Name ?? "");
            if (importers.length > 0)
                inUse.push(`${exported.Name} (imported by ${importers.join(", ")})`);
        }
        return inUse;
    }
    async importers(exportName) {
        const stacks = [];
        let token;
        do {
            try {
                const page = await this.cfn.send(new dist_cjs/* ListImportsCommand */.GFO({ ExportName: exportName, NextToken: token }));
                stacks.push(...(page.Imports ?? []));
                token = page.NextToken;
            }
            catch (error) {
                // CloudFormation's answer for an export nobody imports.
                if (/is not imported by any stack/i.test((0,aws_errors.errorMessage)(error)))
                    return stacks;
                throw (0,aws_errors.describeAwsError)(error, { action: "cloudformation:ListImports", stackName: this.name });
            }
        } while (token);
        return stacks;
    }
    async inspect() {
        const inventory = await stackInventory(this.cfn, this.stackId);
        this.result.buckets = inventory.buckets;
        const inUse = await this.exportsInUse(inventory.stackIds);
        if (inUse.length > 0) {
            throw new TeardownStop("failed", "exports-in-use", `Stack ${this.name} cannot be deleted: other stacks import its exports: ${inUse.join("; ")}. Nothing was deleted. Remove those imports (or delete the importing stacks) first, then run teardown again.`);
        }
        return inventory;
    }
    // --- the plan (dry run) ------------------------------------------------------------------------
    async plan(stack) {
        const { options } = this;
        const status = stack.StackStatus ?? "";
        const steps = [];
        if (status === "UPDATE_IN_PROGRESS")
            steps.push("cancel the update in progress and wait for its rollback");
        else if (status === "DELETE_IN_PROGRESS")
            steps.push("wait for the delete already in progress");
        else if (!(0,wait/* isTerminalStatus */.TQ)(status))
            steps.push(`wait for the operation in progress (${status}) to end`);
        let toEmpty = 0;
        for (const bucket of this.result.buckets) {
            const where = [...bucket.parentPath, bucket.logicalId].join("/");
            if (bucket.retained) {
                this.log(`Plan: bucket ${bucket.bucket} (${where}) is kept (DeletionPolicy Retain); it is neither emptied nor deleted.`);
                continue;
            }
            const count = await countVersions(this.s3, bucket.bucket);
            if (!count) {
                bucket.gone = true;
                this.log(`Plan: bucket ${bucket.bucket} (${where}) no longer exists.`);
                continue;
            }
            bucket.versions = count.versions;
            bucket.deleteMarkers = count.deleteMarkers;
            toEmpty += count.versions + count.deleteMarkers;
            this.log(`Plan: ${options.emptyBuckets ? "empty" : "leave (empty-buckets: false)"} bucket ${bucket.bucket} (${where}): ${plural(count.versions, "object version")} and ${plural(count.deleteMarkers, "delete marker")}.`);
        }
        if (options.emptyBuckets && toEmpty > 0)
            steps.push(`delete ${plural(toEmpty, "object version and delete marker", "object versions and delete markers")}`);
        steps.push(`delete the stack (${status})`);
        return this.finish("planned", `Dry run: teardown would ${steps.join(", then ")} of ${this.name}; nothing was changed.`);
    }
    // --- the delete --------------------------------------------------------------------------------
    /** Empties every bucket that is neither retained nor gone; what S3 refuses is recorded and logged. */
    async emptyBuckets() {
        const { result } = this;
        if (!this.options.emptyBuckets)
            return;
        for (const bucket of result.buckets) {
            if (bucket.retained || bucket.gone)
                continue;
            const emptied = await emptyBucket(this.s3, bucket.bucket);
            bucket.gone = !emptied.exists;
            bucket.emptied = (bucket.emptied ?? 0) + emptied.deleted;
            result.objectsDeleted += emptied.deleted;
            this.objectErrors.push(...emptied.errors);
            const where = [...bucket.parentPath, bucket.logicalId].join("/");
            if (!emptied.exists)
                this.log(`Bucket ${bucket.bucket} (${where}) is already gone.`);
            else
                this.log(`Emptied bucket ${bucket.bucket} (${where}): deleted ${plural(emptied.deleted, "object version and delete marker", "object versions and delete markers")}.`);
            if (emptied.errors.length > 0) {
                this.log(`S3 did not delete ${plural(emptied.errors.length, "object version")} from bucket ${bucket.bucket}: ${objectErrorsLine(emptied.errors)}`);
            }
        }
    }
    /** One DeleteStack with a token of its own, watched to its end. */
    async deleteAndWatch(retain) {
        const { options, result } = this;
        const attempt = ++result.deleteAttempts;
        const token = (0,naming/* requestToken */.Fr)(options.run.id, options.run.attempt, `delete-${attempt}`);
        // A retry reads back to the last event seen: its own events carry its token, the others are left out.
        const since = this.lastEventAt > 0 ? this.lastEventAt : this.deps.clock();
        try {
            await this.cfn.send(new dist_cjs/* DeleteStackCommand */.fAr({
                StackName: this.stackId,
                ClientRequestToken: token,
                RetainResources: retain.length > 0 ? retain : undefined,
            }));
        }
        catch (error) {
            // Protection switched on since the stack was read: refused all the same, and nothing was deleted.
            if (/TerminationProtection/i.test((0,aws_errors.errorMessage)(error))) {
                throw protectedStack(this.name);
            }
            throw (0,aws_errors.describeAwsError)(error, { action: "cloudformation:DeleteStack", stackName: this.name });
        }
        this.log(retain.length > 0
            ? `Deleting stack ${this.name}, keeping ${retain.join(", ")} (RetainResources).`
            : `Deleting stack ${this.name}${attempt > 1 ? ` (attempt ${attempt})` : ""}.`);
        const outcome = await (0,operation/* watchOperation */.lm)(this.cfn, {
            stack: this.stackId,
            since,
            clientRequestToken: token,
            deadline: this.deadline,
            template: options.template,
            backoff: this.deps.backoff,
        }, this.runtime);
        for (const event of outcome.events)
            this.lastEventAt = Math.max(this.lastEventAt, event.timestamp.getTime());
        if (outcome.timedOut) {
            throw new TeardownStop("failed", outcome.unreachable ? "unreachable" : "timeout", (0,operation/* stoppedWaiting */.$F)(outcome, {
                stackName: this.name,
                timeoutMinutes: options.timeoutMinutes,
                deadline: this.deadline,
                note: " The delete goes on in CloudFormation.",
                advice: "Run teardown again to wait for it (raise timeout-minutes if deletes take this long), and check the stack events for a resource that is stuck.",
            }).message);
        }
        if (!outcome.succeeded && outcome.status !== "DELETE_FAILED") {
            throw new TeardownStop("failed", "stack-state", `Deleting stack ${this.name} ended in ${outcome.status}.${(0,operation/* rootCauseSentence */.Ld)(outcome.rootCause)} Look at the stack events, then run teardown again.`);
        }
        if (!outcome.succeeded) {
            result.failures = outcome.failures;
            this.log(`Stack ${this.name} is DELETE_FAILED (attempt ${attempt}):`);
            for (const failure of outcome.failures)
                this.log(`  ${failureLine(failure)}`);
        }
        return outcome;
    }
    /** The root-level resources to keep so the delete can end: those that failed, or hold what failed. */
    retainable(inventory) {
        const ids = [...new Set(this.result.failures.map((f) => f.parentPath[0] ?? f.logicalId))];
        return ids.map((logicalId) => {
            const own = this.result.failures.find((f) => f.parentPath.length === 0 && f.logicalId === logicalId);
            const known = inventory.resources.get(logicalId);
            const resourceType = own?.resourceType ?? known?.resourceType ?? "";
            const physicalId = own?.physicalId ?? known?.physicalId;
            return {
                logicalId,
                resourceType,
                physicalId,
                consoleUrl: (0,outputs/* resourceConsoleUrl */.tr)(this.options.region, this.stackId, { resourceType, physicalId }),
            };
        });
    }
    /** Why a delete failed, as one sentence: each failed resource, else the stack's own reason. */
    reasons(outcome) {
        const why = this.result.failures.map(failureLine).join("; ") ||
            outcome.stack?.StackStatusReason ||
            "CloudFormation named no resource that failed";
        return `${why.replace(/\.\s*$/, "")}.`;
    }
    deleted(note = "") {
        const { result } = this;
        const emptied = result.buckets.filter((b) => (b.emptied ?? 0) > 0).length;
        const objects = result.objectsDeleted > 0
            ? ` (${plural(result.objectsDeleted, "object version or delete marker", "object versions and delete markers")} deleted from ${plural(emptied, "bucket")})`
            : "";
        const cancelled = result.cancelledUpdate ? " The update in progress was cancelled first." : "";
        return this.finish("deleted", `Stack ${this.name} deleted${objects}.${note}${cancelled}`);
    }
    async teardown() {
        const { options, result } = this;
        const stack = await this.settle();
        if (!stack) {
            return this.deleteInProgress
                ? this.finish("deleted", `Stack ${this.name} was already being deleted; that delete has finished.`)
                : this.finish("not-found", `Stack ${this.name} does not exist: nothing to delete.`);
        }
        const inventory = await this.inspect();
        if (options.dryRun)
            return this.plan(stack);
        await this.emptyBuckets();
        let outcome = await this.deleteAndWatch([]);
        if (outcome.succeeded)
            return this.deleted();
        this.log("Emptying the buckets again and retrying the delete once.");
        await this.emptyBuckets();
        outcome = await this.deleteAndWatch([]);
        if (outcome.succeeded)
            return this.deleted(" The first delete failed; the retry succeeded.");
        const reasons = this.reasons(outcome);
        const objectErrors = this.objectErrors.length > 0
            ? ` S3 would not delete some objects: ${objectErrorsLine(this.objectErrors)}.`
            : "";
        const keep = this.retainable(inventory);
        if (!options.retainOnFailure || keep.length === 0) {
            throw new TeardownStop("failed", "delete-failed", `Stack ${this.name} could not be deleted: DELETE_FAILED twice, with the buckets emptied before each try. ${reasons}${objectErrors} Fix what holds these resources and run teardown again, or run it with retain-on-failure: true to delete the stack and keep them (then delete them by hand).`);
        }
        outcome = await this.deleteAndWatch(keep.map((r) => r.logicalId));
        if (!outcome.succeeded) {
            throw new TeardownStop("failed", "delete-failed", `Stack ${this.name} could not be deleted even keeping ${keep.map((r) => r.logicalId).join(", ")} (RetainResources): ${this.reasons(outcome)} Look at the stack events, then delete it by hand (aws cloudformation delete-stack --stack-name ${this.name} --retain-resources ...).`);
        }
        result.retained = keep;
        for (const r of keep)
            this.log(`Kept ${r.logicalId} (${r.resourceType}) ${r.physicalId ?? ""}: ${r.consoleUrl}`);
        return this.deleted(` It failed to delete twice, so ${keep.map((r) => `${r.logicalId} (${r.resourceType})`).join(", ")} ${keep.length === 1 ? "was" : "were"} kept (retain-on-failure): delete ${keep.length === 1 ? "it" : "them"} by hand.`);
    }
}
async function teardownStack(options, deps) {
    const tally = {};
    const run = new TeardownRun(options, deps, tally);
    const { result } = run;
    try {
        return await run.teardown();
    }
    catch (error) {
        return run.stop(error);
    }
    finally {
        const finishedAt = deps.clock();
        result.timings = {
            startedAt: result.timings.startedAt,
            finishedAt,
            totalMs: finishedAt - result.timings.startedAt,
        };
        result.awsCalls = Object.values(tally).reduce((a, b) => a + b, 0);
    }
}


/***/ })

};
