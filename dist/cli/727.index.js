export const id = 727;
export const ids = [727];
export const modules = {

/***/ 727:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  command: () => (/* binding */ command)
});

;// CONCATENATED MODULE: ./src/github/pulls.ts
/**
 * What GitHub says of a pull request now, for sweep: one GET /repos/{owner}/{repo}/pulls/{n}.
 * A pull request GitHub does not know (404) is `not-found`; any other error is thrown, for the
 * caller to count as unknown (a preview is never deleted on a guess).
 */
async function pullRequestStatus(octokit, options) {
    try {
        const { data } = await octokit.rest.pulls.get({
            owner: options.owner,
            repo: options.repo,
            pull_number: options.number,
        });
        if (data.merged)
            return { state: "merged" };
        return { state: data.state === "closed" ? "closed" : "open" };
    }
    catch (error) {
        if (error?.status === 404)
            return { state: "not-found" };
        throw error;
    }
}

// EXTERNAL MODULE: ./src/github/removal.ts
var removal = __webpack_require__(2131);
// EXTERNAL MODULE: ./src/inputs.ts
var src_inputs = __webpack_require__(8422);
// EXTERNAL MODULE: ./src/stack/requests.ts
var requests = __webpack_require__(4776);
// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/stack/previews.ts
var stack_previews = __webpack_require__(8300);
// EXTERNAL MODULE: ./src/stack/teardown.ts + 1 modules
var stack_teardown = __webpack_require__(5661);
;// CONCATENATED MODULE: ./src/stack/sweep.ts



/**
 * The decision for one preview. A closed or merged pull request's preview goes; an open one's only
 * when it is past the ttl and the policy allows it; anything unsure is reported and never deleted.
 * An unknown age is never past the ttl.
 */
function classifyPreview(ageMs, pullRequest, policy) {
    const expired = ageMs !== undefined && ageMs > policy.ttlMs;
    switch (pullRequest.state) {
        case "closed":
        case "merged":
            return { decision: "delete", expired };
        case "open":
            if (!expired)
                return { decision: "keep", expired };
            return { decision: policy.deleteExpiredOpen ? "delete" : "report", expired };
        default:
            return { decision: "report", expired };
    }
}
/** `1_036_800_000` → `12d 0h`; `5_400_000` → `1h 30m`. */
function formatAge(ms) {
    const minutes = Math.floor(ms / 60_000);
    const hours = Math.floor(minutes / 60);
    const days = Math.floor(hours / 24);
    if (days > 0)
        return `${days}d ${hours % 24}h`;
    if (hours > 0)
        return `${hours}h ${minutes % 60}m`;
    return `${minutes}m`;
}
/**
 * The previews whose decision is delete, split into those this run deletes (oldest first, at most
 * `max`) and those left for a later run. A preview of unknown age comes last.
 */
function scheduleDeletions(entries, max) {
    const due = entries
        .filter((e) => e.verdict.decision === "delete")
        .sort((a, b) => (b.ageMs ?? -1) - (a.ageMs ?? -1));
    return { now: due.slice(0, max), later: due.slice(max) };
}
/** Runs `work` over `items` with at most `limit` at a time; results keep the items' order. */
async function mapWithLimit(items, limit, work) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await work(items[index]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}
/** GitHub is asked about a few pull requests at a time: polite, and still quick for hundreds. */
const LOOKUP_CONCURRENCY = 4;
/** Deletions in flight at once: each polls CloudFormation, which throttles per account. */
const DELETE_CONCURRENCY = 3;
const DELETED = ["deleted", "not-found"];
const FAILED = ["failed", "refused"];
async function sweepPreviews(options, deps) {
    const { log } = deps;
    const previews = await (0,stack_previews/* listLivePreviews */.w)(deps.cfn, options.repository, { prefix: options.prefix });
    log(`Found ${previews.length} previews of ${options.repository}${options.prefix ? ` named ${options.prefix}-pr-<n>` : ""}.`);
    const numbers = [...new Set(previews.map((p) => p.pr))];
    const states = new Map();
    await mapWithLimit(numbers, options.lookupConcurrency ?? LOOKUP_CONCURRENCY, async (pr) => {
        let status;
        try {
            status = await deps.lookupPullRequest(pr);
        }
        catch (error) {
            status = { state: "unknown", error: (0,errors.errorMessage)(error) };
        }
        states.set(pr, status);
    });
    const now = deps.clock();
    const entries = previews.map((preview) => {
        const pullRequest = states.get(preview.pr) ?? { state: "unknown" };
        const ageMs = (0,stack_previews/* previewAgeMs */.cm)(preview, now);
        const verdict = classifyPreview(ageMs, pullRequest, options.policy);
        const outcome = verdict.decision === "keep" ? "kept" : verdict.decision === "report" ? "reported" : "deferred";
        return { preview, pullRequest, ageMs, verdict, outcome };
    });
    const { now: due, later } = scheduleDeletions(entries, options.maxDeletions);
    if (later.length > 0) {
        log(`${due.length + later.length} previews are stale; this run deletes the ${due.length} oldest and leaves ${later.length} for the next run.`);
    }
    const teardown = deps.teardown ?? stack_teardown/* teardownStack */.f;
    await mapWithLimit(due, options.deleteConcurrency ?? DELETE_CONCURRENCY, async (entry) => {
        const { preview } = entry;
        const age = entry.ageMs === undefined ? "unknown age" : formatAge(entry.ageMs);
        log(`${options.dryRun ? "Planning the deletion of" : "Deleting"} ${preview.stackName} (pull request #${preview.pr} ${entry.pullRequest.state}, ${age}).`);
        // Deletions run side by side, so each of their lines says which stack it is about.
        const tagged = (line) => deps.log(line
            .split("\n")
            .map((l) => `[${preview.stackName}] ${l}`)
            .join("\n"));
        let result;
        try {
            result = await teardown({
                stackName: preview.stackName,
                expected: { repository: options.repository, pr: preview.pr },
                allowUnmanaged: false,
                emptyBuckets: true,
                retainOnFailure: false,
                timeoutMinutes: options.timeoutMinutes,
                dryRun: options.dryRun,
                region: options.region,
                run: options.run,
            }, { ...deps, log: tagged });
        }
        catch (error) {
            entry.outcome = "failed";
            entry.message = (0,errors.errorMessage)(error);
            log(`${preview.stackName}: failed: ${entry.message}`);
            return;
        }
        entry.teardown = result;
        entry.outcome = result.status;
        if (result.failure)
            entry.message = result.failure.message;
        log(`${preview.stackName}: ${result.status}: ${result.message}`);
        if (!deps.afterTeardown)
            return;
        try {
            await deps.afterTeardown(entry, result);
        }
        catch (error) {
            log(`${preview.stackName}: reporting the removal failed: ${(0,errors.errorMessage)(error)}`);
        }
    });
    const names = (outcomes) => entries.filter((e) => outcomes.includes(e.outcome)).map((e) => e.preview.stackName);
    return {
        entries,
        deleted: names(DELETED),
        failed: names(FAILED),
        kept: entries
            .filter((e) => !DELETED.includes(e.outcome) && !FAILED.includes(e.outcome))
            .map((e) => e.preview.stackName),
        pullRequests: numbers.length,
    };
}

// EXTERNAL MODULE: ./src/cli/context.ts + 5 modules
var context = __webpack_require__(1604);
// EXTERNAL MODULE: ./src/cli/options.ts
var options = __webpack_require__(776);
;// CONCATENATED MODULE: ./src/cli/sweep.ts
/**
 * `preview-stacks sweep`: the sweep action from a terminal. Lists the repository's previews, asks
 * GitHub about each one's pull request (so it needs a token and --repo), and deletes the stale
 * ones through the teardown path, reporting each removal on GitHub as the action does.
 */







const INPUT_OPTIONS = {
    [src_inputs/* SWEEP_INPUTS */.Pp.stackPrefix]: {
        kind: "string",
        value: "PREFIX",
        help: "preview names are PREFIX-pr-N (default: the repository's name)",
    },
    [src_inputs/* SWEEP_INPUTS */.Pp.ttl]: {
        kind: "string",
        value: "AGE",
        help: "age past which a preview is stale, e.g. 36h, 7d, 2w (default 7d)",
    },
    [src_inputs/* SWEEP_INPUTS */.Pp.maxDeletions]: {
        kind: "string",
        value: "N",
        help: "most previews deleted in one run (1-1000, default 10)",
    },
    [src_inputs/* SWEEP_INPUTS */.Pp.deleteExpiredOpen]: {
        kind: "flag",
        help: "also delete stale previews of open pull requests",
    },
    [src_inputs/* SWEEP_INPUTS */.Pp.timeoutMinutes]: {
        kind: "string",
        value: "N",
        help: "minutes to wait for each deletion (1-1440, default 60)",
    },
    [src_inputs/* SWEEP_INPUTS */.Pp.dryRun]: { kind: "flag", help: "only report what would be deleted; nothing changes" },
    [src_inputs/* SWEEP_INPUTS */.Pp.githubToken]: { kind: "string", value: "TOKEN", help: context/* GITHUB_TOKEN_HELP */.cK },
};
function readInputs(parsed, io) {
    const env = (0,context/* environment */.cA)(io);
    const token = (0,context/* githubToken */.bU)(parsed, env);
    const repo = (0,context/* repository */.Jk)(parsed, env, "sweep", "only the repository's own previews are swept.");
    if (token === "") {
        throw new options/* UsageError */.eb("sweep deletes a preview only once GitHub says its pull request is closed, so it needs a token that can read pull requests: set GITHUB_TOKEN (or give --github-token).", "sweep");
    }
    const read = (0,options/* inputReader */.cN)(command, parsed, { [src_inputs/* SWEEP_INPUTS */.Pp.githubToken]: token });
    return { inputs: (0,src_inputs/* readSweepInputs */.qd)(read, { repository: repo }), repo };
}
function textReport(result) {
    const lines = result.entries.map((e) => `${e.preview.stackName} (PR #${e.preview.pr}, ${e.pullRequest.state}): ${e.outcome}${e.message ? `: ${e.message}` : ""}`);
    const counts = `${result.deleted.length} deleted, ${result.kept.length} kept, ${result.failed.length} failed.`;
    return `${[...lines, counts].join("\n")}\n`;
}
async function run(parsed, io) {
    const { inputs, repo } = readInputs(parsed, io);
    const region = await (0,context/* awsRegion */.Ue)(parsed, (0,context/* environment */.cA)(io), "sweep");
    const { clock, sleep, scale } = (0,context/* runTime */.Ft)(io);
    const runLogged = (0,context/* runLog */.YD)(io, `sweep ${repo}`, clock);
    const { log, stop } = runLogged;
    const octokit = (0,context/* octokitFor */.d_)(inputs.githubToken, log, scale);
    const guard = (0,context/* githubWarnings */.Hg)("The sweep's result", log);
    const { owner, repo: name } = (0,context/* splitRepository */.T8)(repo);
    const result = await (0,context/* withStackClients */.lw)(region, runLogged, ({ cfn, s3 }) => sweepPreviews((0,requests/* sweepOptions */.Vb)(inputs, { repository: repo, region, run: (0,context/* localRun */.p8)(clock) }), {
        cfn,
        s3,
        clock,
        sleep,
        log,
        lookupPullRequest: (number) => pullRequestStatus(octokit, { owner, repo: name, number }),
        afterTeardown: async (entry, teardown) => {
            await (0,removal/* reportRemoval */.VW)(octokit, teardown, {
                owner,
                repo: name,
                pr: entry.preview.pr,
                environment: `pr-${entry.preview.pr}`,
                runUrl: "",
                when: new Date(clock()),
                dryRun: inputs.dryRun,
                guard,
                log,
            });
        },
    }));
    stop();
    const failed = result.entries.filter((e) => e.outcome === "failed" || e.outcome === "refused");
    for (const entry of failed)
        io.stderr(`preview-stacks: ${entry.preview.stackName}: ${entry.message ?? entry.outcome}\n`);
    io.stdout((0,options/* flagValue */.y6)(parsed, "json")
        ? (0,options/* jsonDocument */.Q8)({
            ok: failed.length === 0,
            [src_inputs/* SWEEP_OUTPUTS */.iJ.deleted]: result.deleted,
            [src_inputs/* SWEEP_OUTPUTS */.iJ.kept]: result.kept,
            [src_inputs/* SWEEP_OUTPUTS */.iJ.failed]: result.failed,
        })
        : textReport(result));
    return failed.length === 0 ? 0 : 1;
}
const command = {
    name: "sweep",
    summary: "delete the repository's stale previews (closed pull requests, past the ttl)",
    synopsis: ["preview-stacks sweep --repo OWNER/NAME [options]   (with GITHUB_TOKEN set)"],
    about: [
        "Lists the repository's previews, asks GitHub whether each pull request is still open, and deletes the previews of closed ones (and, with --delete-expired-open, stale open ones) through the teardown path. The options are the sweep action's inputs.",
        `Exit codes: 0 every deletion succeeded (or none was due), 1 a deletion failed or was refused, 2 usage error.\n${options/* ABOUT_AWS */._k}`,
    ],
    options: [...(0,options/* inputOptions */.NH)(INPUT_OPTIONS), context/* REPO_OPTION */.vI, ...(0,options/* commonOptions */.OP)()],
    run,
};


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
