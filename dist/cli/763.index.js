export const id = 763;
export const ids = [763,363,804];
export const modules = {

/***/ 7318:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ql: () => (/* binding */ commentMarker),
/* harmony export */   lB: () => (/* binding */ upsertComment),
/* harmony export */   wQ: () => (/* binding */ renderComment),
/* harmony export */   wT: () => (/* binding */ MAX_COMMENT_LENGTH)
/* harmony export */ });
/* unused harmony exports ACTIONS_BOT_LOGIN, resolveTokenLogin */
/* harmony import */ var _report__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2745);

/** GitHub refuses comment bodies over this many characters. */
const MAX_COMMENT_LENGTH = 65_536;
function commentMarker(stackName) {
    return `<!-- preview-stacks:stack=${stackName} -->`;
}
function renderComment(result, info, maxLength = MAX_COMMENT_LENGTH) {
    return (0,_report__WEBPACK_IMPORTED_MODULE_0__/* .renderDeployReport */ .sN)(result, info, {
        maxSize: maxLength,
        // String length counts UTF-16 units, never fewer than GitHub's characters, so it is safe.
        measure: (text) => text.length,
        prefix: commentMarker(result.stackName),
        fullListIn: "the job summary and the changes-json output",
    });
}
/** The login GITHUB_TOKEN acts as; assumed when GitHub will not say who a token is. */
const ACTIONS_BOT_LOGIN = "github-actions[bot]";
function hasStatus(error, ...statuses) {
    const status = error?.status;
    return typeof status === "number" && statuses.includes(status);
}
function describeError(error) {
    const status = error?.status;
    const message = error instanceof Error ? error.message : String(error);
    return typeof status === "number" && !message.startsWith(String(status)) ? `${status} ${message}` : message;
}
/**
 * The login of the user or app the token acts as, the author of every comment it writes.
 * A personal or OAuth token is a user, named by GET /user. An installation token (GITHUB_TOKEN,
 * a GitHub App's) gets 403 "Resource not accessible by integration" there, but GraphQL's
 * viewer names its bot. When neither answers, the token is most likely GITHUB_TOKEN without
 * more rights, so github-actions[bot] is assumed and the log says so.
 */
async function resolveTokenLogin(octokit, log = () => { }) {
    let restError;
    try {
        const { data } = await octokit.rest.users.getAuthenticated();
        log(`The GitHub token acts as ${data.login} (GET /user).`);
        return data.login;
    }
    catch (error) {
        // Anything but "this token is no user" (a server error, a 429) is a real failure to report.
        if (!hasStatus(error, 401, 403))
            throw error;
        restError = error;
    }
    try {
        const data = await octokit.graphql("query { viewer { login } }");
        const login = data?.viewer?.login;
        if (typeof login !== "string" || login === "")
            throw new Error("the answer names no viewer login");
        log(`The GitHub token acts as ${login} (GraphQL viewer).`);
        return login;
    }
    catch (error) {
        log(`Could not tell whom the GitHub token acts as (GET /user: ${describeError(restError)}; GraphQL viewer: ${describeError(error)}); assuming ${ACTIONS_BOT_LOGIN}, as GITHUB_TOKEN does.`);
        return ACTIONS_BOT_LOGIN;
    }
}
/**
 * Updates our comment that starts with the stack's marker, or creates one. Only a comment
 * starting with the marker counts, so a person quoting ours does not get overwritten; and only
 * one written by the token's own identity is ours: anyone can post a comment that starts with the
 * marker, and editing theirs would spend the token's rights on it and leave our report under their
 * name, where they can rewrite it. Others' comments are never edited or deleted; the log names them.
 * Learning the identity costs a call or two, so it is asked only when a marker comment exists.
 */
async function upsertComment(octokit, options) {
    const marker = commentMarker(options.stackName);
    const { owner, repo, issueNumber: issue_number, body } = options;
    const log = options.log ?? (() => { });
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
        owner,
        repo,
        issue_number,
        per_page: 100,
    });
    const marked = comments.filter((c) => c.body?.startsWith(marker)).sort((a, b) => a.id - b.id);
    const login = marked.length > 0 ? (options.login ?? (await resolveTokenLogin(octokit, log))) : undefined;
    const isOurs = (c) => login !== undefined && c.user?.login.toLowerCase() === login.toLowerCase();
    const ours = marked.filter(isOurs);
    // GitHub shows the comments of deleted accounts as by "ghost".
    const ignored = marked
        .filter((c) => !isOurs(c))
        .map((c) => ({ id: c.id, login: c.user?.login ?? "ghost" }));
    if (ignored.length > 0) {
        const what = ignored.length === 1 ? "a comment" : `${ignored.length} comments`;
        const who = ignored.map((c) => `${c.login} (comment ${c.id})`).join(", ");
        log(`Ignoring ${what} with the marker of ${options.stackName} not written by ${login}, whom the GitHub token acts as: ${who}. Comments by others are never edited.`);
    }
    if (ours.length > 1) {
        const others = ours.slice(1).map((c) => c.id);
        log(`Found ${ours.length} comments by ${login} for ${options.stackName}; updating the oldest (${ours[0].id}) and leaving ${others.join(", ")} as they are.`);
    }
    const existing = ours[0];
    if (existing) {
        const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
        return { action: "updated", id: data.id, url: data.html_url, ignored };
    }
    const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number, body });
    return { action: "created", id: data.id, url: data.html_url, ignored };
}


/***/ }),

/***/ 6887:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i4: () => (/* binding */ startDeployment),
/* harmony export */   jl: () => (/* binding */ finishDeployment),
/* harmony export */   ml: () => (/* binding */ shorten)
/* harmony export */ });
/**
 * GitHub Deployments for the environment a stack serves, so the pull request shows "deployed to
 * pr-12" with a link to the preview, and the environment page keeps the history. A deployment is
 * created in_progress when the deploy starts and ends as success (with the preview URL) or
 * failure.
 */
/** GitHub refuses longer status descriptions. */
const MAX_DESCRIPTION = 140;
function shorten(text, max = MAX_DESCRIPTION) {
    return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
/** Creates the deployment and its in_progress status; returns its id. */
async function startDeployment(octokit, options) {
    const { owner, repo } = options;
    const response = await octokit.rest.repos.createDeployment({
        owner,
        repo,
        ref: options.ref,
        environment: options.environment,
        transient_environment: options.transient,
        ...(options.transient ? { production_environment: false } : {}),
        // The stack is already built from this commit; merging the base in or waiting for checks
        // would deploy something else or nothing at all.
        auto_merge: false,
        required_contexts: [],
        description: shorten(options.description),
        payload: options.payload,
    });
    const id = response.data.id;
    if (typeof id !== "number") {
        const message = response.data.message ?? `HTTP ${response.status}`;
        throw new Error(`GitHub did not create the deployment for ${options.environment}: ${message}.`);
    }
    await octokit.rest.repos.createDeploymentStatus({
        owner,
        repo,
        deployment_id: id,
        state: "in_progress",
        // A run from a terminal has no log page to link.
        ...(options.logUrl ? { log_url: options.logUrl } : {}),
        description: shorten(options.description),
    });
    return id;
}
async function finishDeployment(octokit, options) {
    const url = options.environmentUrl && /^https:\/\//.test(options.environmentUrl) ? options.environmentUrl : undefined;
    await octokit.rest.repos.createDeploymentStatus({
        owner: options.owner,
        repo: options.repo,
        deployment_id: options.id,
        state: options.state,
        ...(options.logUrl ? { log_url: options.logUrl } : {}),
        ...(url ? { environment_url: url } : {}),
        description: shorten(options.description),
    });
}


/***/ }),

/***/ 2745:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F6: () => (/* binding */ renderInterrupted),
/* harmony export */   sN: () => (/* binding */ renderDeployReport)
/* harmony export */ });
/* unused harmony export fenced */
/* harmony import */ var _stack_diagnose__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3198);
/* harmony import */ var _stack_diff__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6973);
/* harmony import */ var _template_report_markdown__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2056);



const HEADLINES = {
    deployed: (r) => `✅ ${kind(r)} ${(0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(r.stackName)} ${r.created ? "created" : "updated"}`,
    "no-changes": (r) => `✅ ${kind(r)} ${(0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(r.stackName)} is up to date: no changes`,
    "change-set-created": (r) => `📝 Change set for ${(0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(r.stackName)} is ready for review`,
    failed: (r) => `❌ ${kind(r)} ${(0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(r.stackName)} failed`,
};
function kind(result) {
    return result.preview ? "Preview" : "Stack";
}
function facts(result, info) {
    const rows = [];
    if (result.url)
        rows.push(["Preview", (0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_1__/* .link */ .nf)(result.url, result.url)]);
    if (result.status)
        rows.push(["Status", (0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(result.status)]);
    if (info.commit?.sha) {
        const short = (0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(info.commit.sha.slice(0, 7));
        rows.push(["Commit", info.commit.url ? `[${short}](${info.commit.url})` : short]);
    }
    if (info.environment)
        rows.push(["Environment", (0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(info.environment)]);
    if (result.changeSetId && result.outcome === "change-set-created") {
        rows.push(["Change set", (0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(result.changeSetId)]);
    }
    rows.push([
        "Stack",
        `${result.consoleUrl ? (0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_1__/* .link */ .nf)(result.stackName, result.consoleUrl) : (0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(result.stackName)} (${(0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_1__/* .text */ .Qq)(result.region)})`,
    ]);
    if (info.runUrl)
        rows.push(["Run", (0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_1__/* .link */ .nf)("logs and stack events", info.runUrl)]);
    return ["| | |", "| --- | --- |", ...rows.map(([k, v]) => `| ${k} | ${v} |`)];
}
function failureSection(result) {
    if (!result.failure)
        return [];
    const lines = [];
    const cause = result.rootCause;
    if (cause) {
        const where = cause.location ? ` (${(0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(cause.location.file)} line ${cause.location.line})` : "";
        lines.push(`> [!CAUTION]`, `> **Root cause:** ${(0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_1__/* .text */ .Qq)((0,_stack_diagnose__WEBPACK_IMPORTED_MODULE_2__/* .describeRootCause */ .ze)(cause))}${where}`, "");
    }
    lines.push(...fenced(result.failure.message));
    return lines;
}
/** A fenced block nothing inside can close: CloudFormation's own words, kept as they were written. */
function fenced(body) {
    return ["```text", body.replace(/`{3,}|~{3,}/g, (run) => "'".repeat(run.length)), "```"];
}
function outputsSection(outputs, total, fullListIn) {
    if (total === 0)
        return [];
    const lines = [
        "#### Outputs",
        "",
        "| Output | Value |",
        "| --- | --- |",
        ...outputs.map(([key, value]) => `| ${(0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(key)} | ${(0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(value)} |`),
    ];
    if (outputs.length < total) {
        lines.push("", `_${total - outputs.length} more outputs are not shown here; all of them are in ${fullListIn}._`);
    }
    return lines;
}
function changesSection(result, shown, fullListIn) {
    if (result.outcome === "failed" && result.changes.length === 0)
        return [];
    if (result.outcome === "no-changes")
        return [];
    const total = result.changes.length;
    const lines = ["#### Changes", "", (0,_stack_diff__WEBPACK_IMPORTED_MODULE_0__/* .renderChangesMarkdown */ .Fj)(result.changes.slice(0, shown), result.security)];
    if (shown < total) {
        const hidden = result.changes.slice(shown);
        const replaced = hidden.filter((c) => c.replaces).length;
        lines.push("", `_${total - shown} more changes are not shown here${replaced > 0 ? `, **${replaced} of them replacements**` : ""}; all of them are in ${fullListIn}._`);
    }
    return lines;
}
function warningsSection(warnings) {
    if (warnings.length === 0)
        return [];
    return ["#### Warnings", "", ...warnings.map((w) => `- ${(0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_1__/* .text */ .Qq)(w)}`)];
}
function assemble(result, info, options, shownChanges, shownOutputs) {
    const outputs = Object.entries(result.outputs);
    const parts = [
        options.prefix ? [options.prefix] : [],
        [`### ${HEADLINES[result.outcome](result)}`],
        facts(result, info),
        failureSection(result),
        changesSection(result, shownChanges, options.fullListIn),
        outputsSection(outputs.slice(0, shownOutputs), outputs.length, options.fullListIn),
        warningsSection(result.warnings),
        ...(options.trailer ?? []).map((t) => [t]),
    ];
    return `${parts
        .filter((p) => p.length > 0)
        .map((p) => p.join("\n"))
        .join("\n\n")}\n`;
}
/** The largest n in [0, max] for which fits(n) holds, given fits is monotone and fits(0) holds. */
function largest(max, fits) {
    let lo = 0;
    let hi = max;
    while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (fits(mid))
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}
function renderDeployReport(result, info, options) {
    const changes = result.changes.length;
    const outputs = Object.keys(result.outputs).length;
    const fits = (text) => options.measure(text) <= options.maxSize;
    const full = assemble(result, info, options, changes, outputs);
    if (fits(full))
        return full;
    // Outputs are kept before changes: they hold the URLs people open from the comment.
    const shownChanges = largest(changes, (n) => fits(assemble(result, info, options, n, outputs)));
    let text = assemble(result, info, options, shownChanges, outputs);
    if (!fits(text)) {
        const shownOutputs = largest(outputs, (n) => fits(assemble(result, info, options, 0, n)));
        text = assemble(result, info, options, 0, shownOutputs);
    }
    if (fits(text))
        return text;
    // Only a huge failure message or trailer gets here; cut the text itself and say so.
    const note = `\n\n_This report was cut to fit GitHub's size limit; the rest is in ${options.fullListIn}._\n`;
    let end = text.length;
    const cut = (n) => {
        const head = text.slice(0, n);
        // An unclosed code fence would swallow the note.
        return (head.split("```").length % 2 === 0 ? `${head}\n\`\`\`` : head) + note;
    };
    while (end > 0 && !fits(cut(end)))
        end = Math.floor(end * 0.9);
    return cut(end);
}
/**
 * What the comment and the summary say when the run was cancelled (the runner's SIGINT/SIGTERM),
 * or stopped before it could report (found by the post step): the stack was left as it was, and
 * CloudFormation may still be working on it.
 */
function renderInterrupted(stackName, info, how, prefix) {
    const headline = how === "cancelled"
        ? `### ⏹️ Deploy of ${(0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(stackName)} was cancelled`
        : `### ⏹️ Deploy of ${(0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(stackName)} stopped before it finished`;
    const rows = [];
    if (info.commit?.sha)
        rows.push(["Commit", (0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(info.commit.sha.slice(0, 7))]);
    if (info.environment)
        rows.push(["Environment", (0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(info.environment)]);
    if (info.runUrl)
        rows.push(["Run", (0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_1__/* .link */ .nf)("logs and stack events", info.runUrl)]);
    const lines = [
        ...(prefix ? [prefix, ""] : []),
        headline,
        "",
        "| | |",
        "| --- | --- |",
        ...rows.map(([k, v]) => `| ${k} | ${v} |`),
        "",
        how === "cancelled"
            ? "The workflow run was cancelled while the stack was being deployed. A stack operation that had started goes on in CloudFormation: check the stack's events, or push again to deploy anew."
            : "The run ended (killed, or timed out by the runner) before it reported a result. A stack operation that had started goes on in CloudFormation: check the stack's events, or push again to deploy anew.",
    ];
    return `${lines.join("\n")}\n`;
}


/***/ }),

/***/ 3198:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h4: () => (/* binding */ diagnose),
/* harmony export */   ze: () => (/* binding */ describeRootCause)
/* harmony export */ });
/* unused harmony export findRootCause */
/* harmony import */ var _events__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7611);

const CANCELLATION = /^Resource (creation|update|deletion|import) cancelled/i;
function isCandidate(event) {
    return event.status.endsWith("_FAILED") && !(0,_events__WEBPACK_IMPORTED_MODULE_0__/* .isOwnEvent */ .tU)(event) && !CANCELLATION.test(event.reason ?? "");
}
function toRootCause(event) {
    return {
        logicalId: event.logicalId,
        parentPath: event.parentPath,
        resourceType: event.resourceType,
        status: event.status,
        reason: event.reason ?? "(no reason given)",
        timestamp: event.timestamp,
        physicalId: event.physicalId,
        stackName: event.stackName,
    };
}
/** Pure: the root cause among events already read, or undefined when none failed. */
function findRootCause(events) {
    let best;
    for (const event of events) {
        if (!isCandidate(event))
            continue;
        const earlier = best === undefined || event.timestamp.getTime() < best.timestamp.getTime();
        // At the same second a deeper event is the cause, its parent's failure only the echo.
        const deeperTie = best !== undefined &&
            event.timestamp.getTime() === best.timestamp.getTime() &&
            event.parentPath.length > best.parentPath.length;
        if (earlier || deeperTie)
            best = event;
    }
    return best ? toRootCause(best) : undefined;
}
/**
 * Like findRootCause, but when the cause is a nested stack whose own events were not read, reads
 * them (once per level) and looks inside. Reading is best effort: the outer cause is kept if it fails.
 */
async function diagnose(cfn, events, startTime, maxDepth = 5) {
    let all = events;
    let cause = findRootCause(all);
    for (let depth = 0; depth < maxDepth && cause; depth++) {
        if (cause.resourceType !== "AWS::CloudFormation::Stack" || !cause.physicalId?.startsWith("arn:"))
            break;
        const path = [...cause.parentPath, cause.logicalId];
        const known = all.some((e) => e.parentPath.length >= path.length && path.every((p, i) => e.parentPath[i] === p));
        if (known)
            break;
        let nested;
        try {
            nested = await new _events__WEBPACK_IMPORTED_MODULE_0__/* .StackEventPoller */ .Bp(cfn, {
                stack: cause.physicalId,
                startTime,
                parentPath: path,
            }).poll();
        }
        catch {
            break;
        }
        if (nested.length === 0)
            break;
        all = [...all, ...nested];
        const deeper = findRootCause(nested);
        if (!deeper)
            break;
        cause = deeper;
    }
    return cause;
}
function describeRootCause(cause) {
    const id = [...cause.parentPath, cause.logicalId].join("/");
    return `${id} (${cause.resourceType}) ${cause.status}: ${cause.reason}`;
}


/***/ }),

/***/ 6973:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fj: () => (/* binding */ renderChangesMarkdown),
/* harmony export */   Nf: () => (/* binding */ summarizeChanges),
/* harmony export */   cN: () => (/* binding */ securityChanges),
/* harmony export */   eq: () => (/* binding */ renderChangeLines),
/* harmony export */   tV: () => (/* binding */ NO_SECURITY_CHANGES)
/* harmony export */ });
/* unused harmony export readableIntrinsics */
/* harmony import */ var _template_report_markdown__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2056);

const NO_SECURITY_CHANGES = {
    iamStatements: [],
    managedPolicies: [],
    securityGroups: [],
    permissionsBroadened: false,
    hasChanges: false,
};
function summarizeChanges(changes) {
    const rows = [];
    for (const change of changes) {
        const rc = change.ResourceChange;
        if (!rc)
            continue;
        const details = new Set();
        for (const detail of rc.Details ?? []) {
            const name = detail.Target?.Name ?? detail.Target?.Attribute;
            if (!name)
                continue;
            details.add(detail.Target?.RequiresRecreation === "Always" ? `${name} (replacement)` : name);
        }
        rows.push({
            action: rc.Action ?? "Unknown",
            logicalId: rc.LogicalResourceId ?? "",
            physicalId: rc.PhysicalResourceId || undefined,
            resourceType: rc.ResourceType ?? "",
            replacement: rc.Replacement,
            replaces: rc.Replacement === "True" || rc.Replacement === "Conditional",
            scope: rc.Scope ?? [],
            details: [...details],
        });
    }
    return rows;
}
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");
/**
 * The diff library prints intrinsics as JSON (`{"Fn::GetAtt":["Bucket","Arn"]}`); people read
 * them in the template's own short form: `${Bucket.Arn}`, `${Stage}`, the Sub string itself.
 */
function readableIntrinsics(text) {
    return text
        .replace(/\{"Ref":"([^"]+)"\}/g, "${$1}")
        .replace(/\{"Fn::GetAtt":\["([^"]+)","([^"]+)"\]\}/g, "${$1.$2}")
        .replace(/\{"Fn::Sub":"((?:[^"\\]|\\.)*)"\}/g, (_, sub) => JSON.parse(`"${sub}"`));
}
function clean(table) {
    return table.length <= 1
        ? []
        : table.map((row) => row.map((cell) => readableIntrinsics(cell.replace(ANSI, ""))));
}
/**
 * Loaded on demand: the diff library reads the service specification on first use, which costs
 * about a second, so runs that find nothing to change never pay for it.
 */
async function securityChanges(oldTemplate, newTemplate) {
    const { fullDiff } = await __webpack_require__.e(/* import() */ 179).then(__webpack_require__.t.bind(__webpack_require__, 5179, 23));
    const diff = fullDiff(oldTemplate ?? {}, newTemplate);
    const iamStatements = clean(diff.iamChanges.summarizeStatements());
    const managedPolicies = clean(diff.iamChanges.summarizeManagedPolicies());
    const securityGroups = clean(diff.securityGroupChanges.summarize());
    return {
        iamStatements,
        managedPolicies,
        securityGroups,
        permissionsBroadened: diff.permissionsBroadened || diff.securityGroupChanges.rulesAdded,
        hasChanges: iamStatements.length + managedPolicies.length + securityGroups.length > 0,
    };
}
function replacementNote(row) {
    if (row.replacement === "True")
        return "  REPLACEMENT: resource will be replaced";
    if (row.replacement === "Conditional")
        return "  REPLACEMENT: resource may be replaced";
    return "";
}
/** Log lines: one per change, replacements impossible to miss. */
function renderChangeLines(rows) {
    if (rows.length === 0)
        return ["No resource changes."];
    return rows.map((row) => {
        const details = row.details.length > 0 ? ` [${row.details.join(", ")}]` : "";
        return `${row.action.padEnd(7)} ${row.logicalId} ${row.resourceType}${details}${replacementNote(row)}`;
    });
}
/** A table of cells that are already Markdown: each value was escaped where it was put in. */
function table(head, body) {
    return [
        `| ${head.join(" | ")} |`,
        `|${head.map(() => " --- ").join("|")}|`,
        ...body.map((r) => `| ${r.join(" | ")} |`),
    ];
}
/** Rows from the diff library hold template text (ARNs, principals, actions): all of it escaped. */
function escapedTable(rows) {
    const [head, ...body] = rows;
    return table(head.map((cell) => (0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(cell)), body.map((r) => r.map((cell) => (0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(cell, "br"))));
}
/** Markdown for the changes-markdown output, the job summary and the PR comment. */
function renderChangesMarkdown(rows, security) {
    const lines = [];
    if (rows.length === 0) {
        lines.push("No resource changes.");
    }
    else {
        const replaced = rows.filter((r) => r.replaces).length;
        if (replaced > 0) {
            lines.push(`> [!WARNING]\n> ${replaced} resource${replaced === 1 ? "" : "s"} will or may be **replaced**; data held in ${replaced === 1 ? "it" : "them"} can be lost.`, "");
        }
        lines.push(...table(["Action", "Logical ID", "Type", "Replacement", "Changed"], rows.map((r) => [
            (0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(r.action),
            (0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(r.logicalId),
            (0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(r.resourceType),
            r.replacement === "True"
                ? "**Yes**"
                : r.replacement === "Conditional"
                    ? "**Maybe**"
                    : r.replacement === "False"
                        ? "No"
                        : "",
            (0,_template_report_markdown__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(r.details.join(", ")),
        ])));
    }
    const sections = [
        ["IAM statement changes", security.iamStatements],
        ["IAM managed policy changes", security.managedPolicies],
        ["Security group changes", security.securityGroups],
    ];
    for (const [title, rowsOf] of sections) {
        if (rowsOf.length === 0)
            continue;
        lines.push("", `**${title}**`, "", ...escapedTable(rowsOf));
    }
    if (security.permissionsBroadened) {
        lines.push("", "> [!CAUTION]\n> This change broadens permissions or opens network access. Review it before merging.");
    }
    return lines.join("\n");
}


/***/ }),

/***/ 5141:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $F: () => (/* binding */ stoppedWaiting),
/* harmony export */   Ld: () => (/* binding */ rootCauseSentence),
/* harmony export */   lm: () => (/* binding */ watchOperation)
/* harmony export */ });
/* unused harmony export failedResources */
/* harmony import */ var _diagnose__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3198);
/* harmony import */ var _events__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7611);
/* harmony import */ var _wait__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8503);



function locate(template, path, logicalId) {
    const line = template?.resourceLine(path[0] ?? logicalId);
    return line !== undefined && template ? { file: template.file, line } : undefined;
}
/** Each resource's latest event of the operation, when that event is a failure, oldest first. */
function failedResources(events, template) {
    const latest = new Map();
    for (const event of events) {
        if ((0,_events__WEBPACK_IMPORTED_MODULE_1__/* .isOwnEvent */ .tU)(event))
            continue;
        latest.set([...event.parentPath, event.logicalId].join("/"), event);
    }
    return [...latest.values()]
        .filter((event) => event.status.endsWith("_FAILED"))
        .map((event) => ({
        logicalId: event.logicalId,
        parentPath: event.parentPath,
        resourceType: event.resourceType,
        physicalId: event.physicalId,
        status: event.status,
        reason: event.reason,
        location: locate(template, event.parentPath, event.logicalId),
    }));
}
async function watchOperation(cfn, options, runtime) {
    const poller = new _events__WEBPACK_IMPORTED_MODULE_1__/* .StackEventPoller */ .Bp(cfn, {
        stack: options.stack,
        startTime: options.since,
        clientRequestToken: options.clientRequestToken,
    });
    const waited = await (0,_wait__WEBPACK_IMPORTED_MODULE_0__/* .waitForStack */ .ZO)(cfn, { stack: options.stack, deadline: options.deadline, poller, backoff: options.backoff }, runtime);
    const succeeded = !waited.timedOut && (0,_wait__WEBPACK_IMPORTED_MODULE_0__/* .isSuccessStatus */ .ar)(waited.status);
    if (waited.timedOut || succeeded)
        return { ...waited, succeeded, rootCause: undefined, failures: [] };
    const cause = await (0,_diagnose__WEBPACK_IMPORTED_MODULE_2__/* .diagnose */ .h4)(cfn, poller.history, options.since);
    return {
        ...waited,
        succeeded,
        rootCause: cause
            ? { ...cause, location: locate(options.template, cause.parentPath, cause.logicalId) }
            : undefined,
        failures: failedResources(poller.history, options.template),
    };
}
/** Why a watch that did not end stopped: its deadline, or an endpoint that stopped answering. */
function stoppedWaiting(outcome, context) {
    if (outcome.unreachable) {
        return {
            kind: "unreachable",
            message: (0,_wait__WEBPACK_IMPORTED_MODULE_0__/* .unreachableMessage */ .Ep)(`stack ${context.stackName}`, outcome.unreachable, { status: outcome.status }, context.deadline),
        };
    }
    return {
        kind: "timeout",
        message: `Stack ${context.stackName} did not finish within timeout-minutes (${context.timeoutMinutes}); it is still ${outcome.status}.${context.note ?? ""} ${context.advice}`,
    };
}
/** " Root cause: Api (AWS::ApiGateway::RestApi) CREATE_FAILED: ...", or nothing. */
function rootCauseSentence(cause) {
    return cause ? ` Root cause: ${(0,_diagnose__WEBPACK_IMPORTED_MODULE_2__/* .describeRootCause */ .ze)(cause)}.` : "";
}


/***/ }),

/***/ 2418:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B9: () => (/* binding */ consoleUrl),
/* harmony export */   XC: () => (/* binding */ stackOutputs),
/* harmony export */   e6: () => (/* binding */ previewUrl),
/* harmony export */   tr: () => (/* binding */ resourceConsoleUrl)
/* harmony export */ });
/** A stack's Outputs as a plain map, and the links a reader of the result needs. */
function stackOutputs(stack) {
    const out = {};
    for (const output of stack?.Outputs ?? []) {
        if (output.OutputKey)
            out[output.OutputKey] = output.OutputValue ?? "";
    }
    return out;
}
/** The preview URL from the url-output Output; a missing one is a warning that lists what exists. */
function previewUrl(outputs, urlOutput) {
    if (!urlOutput)
        return { url: undefined, warning: undefined };
    if (urlOutput in outputs)
        return { url: outputs[urlOutput], warning: undefined };
    const names = Object.keys(outputs);
    return {
        url: undefined,
        warning: `url-output '${urlOutput}' is not an Output of the stack (Outputs: ${names.length > 0 ? names.join(", ") : "none"}); no preview URL is reported. Set url-output to one of them.`,
    };
}
function consoleUrl(region, stackId) {
    return `https://${region}.console.aws.amazon.com/cloudformation/home?region=${region}#/stacks/stackinfo?stackId=${encodeURIComponent(stackId)}`;
}
/** Console pages of the resource types a preview usually keeps when a delete fails; `id` is the physical id. */
const RESOURCE_PAGES = {
    "AWS::S3::Bucket": (region, id) => `https://s3.console.aws.amazon.com/s3/buckets/${encodeURIComponent(id)}?region=${region}`,
    "AWS::DynamoDB::Table": (region, id) => `https://${region}.console.aws.amazon.com/dynamodbv2/home?region=${region}#table?name=${encodeURIComponent(id)}`,
    "AWS::Lambda::Function": (region, id) => `https://${region}.console.aws.amazon.com/lambda/home?region=${region}#/functions/${encodeURIComponent(id)}`,
    // The console's log-group pages take the name with each "/" written as "$252F".
    "AWS::Logs::LogGroup": (region, id) => `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#logsV2:log-groups/log-group/${encodeURIComponent(id).replace(/%2F/g, "$252F")}`,
    "AWS::CloudFormation::Stack": (region, id) => consoleUrl(region, id),
};
/** The resource in the AWS console when its type has a page there, else the stack's page. */
function resourceConsoleUrl(region, stackId, resource) {
    const page = RESOURCE_PAGES[resource.resourceType];
    return page && resource.physicalId ? page(region, resource.physicalId) : consoleUrl(region, stackId);
}


/***/ }),

/***/ 5631:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $t: () => (/* binding */ waitOutOperation),
/* harmony export */   GO: () => (/* binding */ describeStack),
/* harmony export */   Mz: () => (/* binding */ preflight),
/* harmony export */   qd: () => (/* binding */ StackStateError)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3805);
/* harmony import */ var _aws_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9378);
/* harmony import */ var _diagnose__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3198);
/* harmony import */ var _events__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7611);
/* harmony import */ var _wait__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8503);





/** A stack state the action will not deploy over; the message says how to get out of it. */
class StackStateError extends Error {
    status;
    constructor(status, message) {
        super(message);
        this.status = status;
        this.name = "StackStateError";
    }
}
/** The stack as DescribeStacks has it now, or undefined when there is none; throttling is ridden out. */
async function describeStack(cfn, name, runtime) {
    const troubleLog = new _wait__WEBPACK_IMPORTED_MODULE_1__/* .TroubleLog */ .q9(runtime);
    for (let attempt = 0;; attempt++) {
        try {
            const response = await troubleLog.during("DescribeStacks", () => cfn.send(troubleLog.watch("DescribeStacks", new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_2__/* .DescribeStacksCommand */ .Y47({ StackName: name }))));
            troubleLog.answered("DescribeStacks");
            return response.Stacks?.[0];
        }
        catch (error) {
            if ((0,_aws_errors__WEBPACK_IMPORTED_MODULE_0__.isStackMissing)(error))
                return undefined;
            // The SDK has retried already; a few more slow tries keep a throttling storm from failing the run.
            if ((0,_aws_errors__WEBPACK_IMPORTED_MODULE_0__.isRetryable)(error) && attempt < 5) {
                troubleLog.failed("DescribeStacks", error);
                troubleLog.beat();
                await runtime.sleep(2_000 * (attempt + 1));
                continue;
            }
            throw (0,_aws_errors__WEBPACK_IMPORTED_MODULE_0__.describeAwsError)(error, { action: "cloudformation:DescribeStacks", stackName: name });
        }
    }
}
/**
 * Waits for the operation running on a stack to end, streaming its events. Running out of time
 * throws StackStateError, and an endpoint still unreachable at the deadline AwsActionableError
 * ("unreachable"): either way the caller cannot go on with a stack in an unknown state.
 */
async function waitOutOperation(cfn, options, runtime) {
    const { stackName, stackId, what } = options;
    const poller = new _events__WEBPACK_IMPORTED_MODULE_3__/* .StackEventPoller */ .Bp(cfn, { stack: stackId, startTime: options.since ?? runtime.clock() });
    const result = await (0,_wait__WEBPACK_IMPORTED_MODULE_1__/* .waitForStack */ .ZO)(cfn, { stack: stackId, deadline: options.deadline, poller, backoff: options.backoff }, runtime);
    if (result.timedOut && result.unreachable) {
        throw new _aws_errors__WEBPACK_IMPORTED_MODULE_0__.AwsActionableError("unreachable", (0,_wait__WEBPACK_IMPORTED_MODULE_1__/* .unreachableMessage */ .Ep)(`${what} on stack ${stackName}`, result.unreachable, 
        // When the wait never read the stack, the status it had before is the last one known.
        { status: result.status === "UNKNOWN" ? options.before : result.status }, options.deadline), result.unreachable.code);
    }
    if (result.timedOut) {
        throw new StackStateError(result.status, `Timed out waiting for ${what} on stack ${stackName} (still ${result.status}). Raise timeout-minutes, or wait for the other run to end and run again.`);
    }
    return result;
}
/** Stacks a change set cannot be executed on until someone decides what to do with them. */
const NEEDS_A_HUMAN = {
    ROLLBACK_FAILED: (name) => `its first create failed and so did the rollback. Delete it (aws cloudformation delete-stack --stack-name ${name} --deletion-mode FORCE_DELETE_STACK), then run again.`,
    DELETE_FAILED: (name) => `a delete failed. Finish the delete (aws cloudformation delete-stack --stack-name ${name}, with --retain-resources for resources that cannot be deleted), then run again.`,
    IMPORT_ROLLBACK_FAILED: (name) => `an import rolled back and the rollback failed. Fix the resources named in the stack events (aws cloudformation describe-stack-events --stack-name ${name}), then run again.`,
};
async function preflight(cfn, options, runtime) {
    const name = options.stackName;
    let recreated = false;
    let waitedForOther = false;
    const waitFor = (stackId, what, before) => waitOutOperation(cfn, { stackName: name, stackId, what, before, deadline: options.deadline, backoff: options.backoff }, runtime);
    for (let round = 0; round < 6; round++) {
        const stack = await describeStack(cfn, name, runtime);
        if (!stack)
            return { stack: undefined, recreated, waitedForOther };
        const status = stack.StackStatus ?? "";
        const stackId = stack.StackId ?? name;
        if (status === "REVIEW_IN_PROGRESS") {
            // A change set was made but never executed: nothing exists yet, so this is a new stack.
            return { stack: undefined, recreated, waitedForOther, inReview: true };
        }
        if (!(0,_wait__WEBPACK_IMPORTED_MODULE_1__/* .isTerminalStatus */ .TQ)(status)) {
            runtime.log(`Stack ${name} is ${status}: another operation${stack.LastUpdatedTime ? ` (started ${stack.LastUpdatedTime.toISOString()})` : ""} is running. Waiting for it to finish before deploying.`);
            waitedForOther = true;
            await waitFor(stackId, "another operation to finish", status);
            continue;
        }
        if (status === "ROLLBACK_COMPLETE" || (status === "CREATE_FAILED" && options.preview)) {
            if (!options.preview && !options.recreateFailed) {
                throw new StackStateError(status, `Stack ${name} is in ${status}: its first create failed, and CloudFormation cannot update such a stack. Delete it and run again (aws cloudformation delete-stack --stack-name ${name} && aws cloudformation wait stack-delete-complete --stack-name ${name}), or set recreate-failed: true to let the action delete and re-create it.`);
            }
            runtime.log(`Stack ${name} is in ${status} after a failed first create; deleting it so it can be created afresh.`);
            try {
                await cfn.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_2__/* .DeleteStackCommand */ .fAr({ StackName: stackId, RoleARN: options.roleArn }));
            }
            catch (error) {
                throw (0,_aws_errors__WEBPACK_IMPORTED_MODULE_0__.describeAwsError)(error, { action: "cloudformation:DeleteStack", stackName: name });
            }
            const deleted = await waitFor(stackId, "the failed stack's deletion", status);
            if (deleted.status !== "DELETE_COMPLETE") {
                throw new StackStateError(deleted.status, `Deleting the failed stack ${name} ended in ${deleted.status}. Delete it by hand (aws cloudformation delete-stack --stack-name ${name}), then run again.`);
            }
            recreated = true;
            return { stack: undefined, recreated, waitedForOther };
        }
        if (status === "UPDATE_ROLLBACK_FAILED") {
            if (!options.continueRollback) {
                const startTime = (stack.LastUpdatedTime ?? stack.CreationTime)?.getTime() ?? 0;
                const events = await new _events__WEBPACK_IMPORTED_MODULE_3__/* .StackEventPoller */ .Bp(cfn, { stack: stackId, startTime }).poll().catch(() => []);
                const cause = await (0,_diagnose__WEBPACK_IMPORTED_MODULE_4__/* .diagnose */ .h4)(cfn, events, startTime);
                const why = cause
                    ? ` Resource ${(0,_diagnose__WEBPACK_IMPORTED_MODULE_4__/* .describeRootCause */ .ze)(cause)}.`
                    : stack.StackStatusReason
                        ? ` ${stack.StackStatusReason}`
                        : "";
                throw new StackStateError(status, `Stack ${name} is in UPDATE_ROLLBACK_FAILED: an update failed and so did its rollback.${why} Fix the resource, then run again with continue-rollback: true (or run aws cloudformation continue-update-rollback --stack-name ${name}, adding --resources-to-skip for resources that cannot roll back), or delete the stack.`);
            }
            runtime.log(`Stack ${name} is in UPDATE_ROLLBACK_FAILED; continuing the rollback (continue-rollback: true).`);
            try {
                await cfn.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_2__/* .ContinueUpdateRollbackCommand */ .cAj({ StackName: stackId, RoleARN: options.roleArn }));
            }
            catch (error) {
                throw (0,_aws_errors__WEBPACK_IMPORTED_MODULE_0__.describeAwsError)(error, { action: "cloudformation:ContinueUpdateRollback", stackName: name });
            }
            const rolledBack = await waitFor(stackId, "the continued rollback", status);
            if (rolledBack.status !== "UPDATE_ROLLBACK_COMPLETE") {
                throw new StackStateError(rolledBack.status, `Continuing the rollback of stack ${name} ended in ${rolledBack.status}. Skip the resources that cannot roll back (aws cloudformation continue-update-rollback --stack-name ${name} --resources-to-skip ...), then run again.`);
            }
            continue;
        }
        const human = NEEDS_A_HUMAN[status];
        if (human)
            throw new StackStateError(status, `Stack ${name} is in ${status}: ${human(name)}`);
        return { stack, recreated, waitedForOther };
    }
    throw new StackStateError("UNKNOWN", `Stack ${name} kept changing state while the action waited for it. Another workflow is deploying it too: put both in one concurrency group, then run again.`);
}


/***/ }),

/***/ 4776:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FA: () => (/* binding */ teardownOptions),
/* harmony export */   Vb: () => (/* binding */ sweepOptions),
/* harmony export */   aq: () => (/* binding */ deployOptions)
/* harmony export */ });
/** The S3 endpoint override (AWS_ENDPOINT_URL_S3, else AWS_ENDPOINT_URL), so template URLs point there. */
function s3Endpoint(env) {
    return env.AWS_ENDPOINT_URL_S3?.trim() || env.AWS_ENDPOINT_URL?.trim() || undefined;
}
function deployOptions(inputs, run, env = process.env) {
    return {
        stackName: inputs.stackName,
        preview: inputs.preview,
        tags: inputs.tags,
        capabilities: inputs.capabilities,
        roleArn: inputs.roleArn,
        artifactBucket: inputs.artifactBucket,
        artifactPrefix: inputs.artifactPrefix,
        s3Endpoint: s3Endpoint(env),
        terminationProtection: inputs.terminationProtection,
        disableRollback: inputs.disableRollback,
        timeoutMinutes: inputs.timeoutMinutes,
        mode: inputs.mode,
        changeSetId: inputs.changeSetId,
        failOnEmptyChangeset: inputs.failOnEmptyChangeset,
        urlOutput: inputs.urlOutput,
        recreateFailed: inputs.recreateFailed,
        continueRollback: inputs.continueRollback,
        ...run,
    };
}
function teardownOptions(inputs, run) {
    return {
        stackName: inputs.stackName,
        expected: inputs.expected,
        allowUnmanaged: inputs.allowUnmanaged,
        emptyBuckets: inputs.emptyBuckets,
        retainOnFailure: inputs.retainOnFailure,
        timeoutMinutes: inputs.timeoutMinutes,
        dryRun: inputs.dryRun,
        ...run,
    };
}
function sweepOptions(inputs, run) {
    return {
        prefix: inputs.stackPrefix,
        policy: { ttlMs: inputs.ttlMs, deleteExpiredOpen: inputs.deleteExpiredOpen },
        maxDeletions: inputs.maxDeletions,
        dryRun: inputs.dryRun,
        timeoutMinutes: inputs.timeoutMinutes,
        ...run,
    };
}


/***/ }),

/***/ 211:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D9: () => (/* binding */ previewClaim),
/* harmony export */   Iu: () => (/* binding */ sameTags),
/* harmony export */   av: () => (/* binding */ TAG_PR),
/* harmony export */   kE: () => (/* binding */ mergeTags),
/* harmony export */   m4: () => (/* binding */ describeClaim),
/* harmony export */   r3: () => (/* binding */ isPreviewStack),
/* harmony export */   uh: () => (/* binding */ previewTags),
/* harmony export */   zi: () => (/* binding */ ReservedTagError)
/* harmony export */ });
/* unused harmony exports TAG_PREFIX, TAG_MANAGED, TAG_REPOSITORY */
/**
 * The tags that mark a preview stack. Teardown and sweep trust a stack only when these tags and
 * its name agree. None of them changes between pushes: CloudFormation copies stack tags onto
 * every taggable resource, so a per-push tag would turn every push into a full update.
 */
const TAG_PREFIX = "preview-stacks:";
const TAG_MANAGED = "preview-stacks:managed";
const TAG_REPOSITORY = "preview-stacks:repository";
const TAG_PR = "preview-stacks:pr";
function previewTags(preview) {
    return [
        { Key: TAG_MANAGED, Value: "true" },
        { Key: TAG_REPOSITORY, Value: preview.repository },
        { Key: TAG_PR, Value: String(preview.pr) },
    ];
}
/** A user tag that tries to set one of ours; the message names it and says why it is refused. */
class ReservedTagError extends Error {
    key;
    constructor(key) {
        super(`Tag '${key}' is reserved: keys starting with '${TAG_PREFIX}' mark preview stacks for teardown and sweep, and are set by the action. Rename the tag.`);
        this.key = key;
        this.name = "ReservedTagError";
    }
}
/** Ours first, then the user's in their order; a user tag may not use our prefix. */
function mergeTags(ours, user) {
    for (const tag of user) {
        if (tag.Key?.startsWith(TAG_PREFIX))
            throw new ReservedTagError(tag.Key);
    }
    const seen = new Set(ours.map((t) => t.Key));
    return [...ours, ...user.filter((t) => !seen.has(t.Key))];
}
function tagValue(tags, key) {
    return tags?.find((t) => t.Key === key)?.Value;
}
/**
 * True when the stack is a preview of this repository (and of this pull request, when `pr` is
 * given): the tags say so and the name ends in the `-pr-<n>` its tag claims.
 */
function isPreviewStack(stack, repository, pr) {
    if (tagValue(stack.Tags, TAG_MANAGED) !== "true")
        return false;
    if (tagValue(stack.Tags, TAG_REPOSITORY) !== repository)
        return false;
    const tagPr = tagValue(stack.Tags, TAG_PR);
    if (tagPr === undefined || !/^[1-9]\d*$/.test(tagPr))
        return false;
    if (pr !== undefined && tagPr !== String(pr))
        return false;
    return stack.StackName?.endsWith(`-pr-${tagPr}`) ?? false;
}
/** The stack's preview-stacks:* tags, or undefined when it carries none of them. */
function previewClaim(tags) {
    if (!tags?.some((t) => t.Key?.startsWith(TAG_PREFIX)))
        return undefined;
    return {
        managed: tagValue(tags, TAG_MANAGED),
        repository: tagValue(tags, TAG_REPOSITORY),
        pr: tagValue(tags, TAG_PR),
    };
}
/** "a preview of other/repo PR #7", from whatever the tags say. */
function describeClaim(claim) {
    const repository = claim.repository ?? "an unnamed repository";
    const pr = claim.pr === undefined ? "no pull request" : `PR #${claim.pr}`;
    return `a preview of ${repository} ${pr}`;
}
/** Order does not matter to CloudFormation, so it does not matter here either. */
function sameTags(a, b) {
    const left = a ?? [];
    const right = b ?? [];
    if (left.length !== right.length)
        return false;
    const index = new Map(left.map((t) => [t.Key, t.Value]));
    return right.every((t) => index.has(t.Key) && index.get(t.Key) === t.Value);
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

/***/ 2056:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qq: () => (/* binding */ text),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   nf: () => (/* binding */ link)
/* harmony export */ });
/* unused harmony exports SUMMARY_LIMIT_BYTES, byteLength */
/**
 * The one place where text that did not come from this project's code (template names, stack
 * outputs, CloudFormation reasons, input values) is made safe for the Markdown GitHub renders in
 * PR comments and job summaries. Every such value goes through `text`, `code` or `link`; the
 * renderers never splice it in raw. Each helper keeps the value on one line and inside a table
 * cell, renders no HTML (so it can neither hide the rest of a comment with `<!--` nor close the
 * comment's hidden marker), and produces no `@mention`.
 */
/**
 * GitHub rejects a step summary over 1 MiB; every summary stays under 1,000,000 bytes, leaving
 * room for what other steps of the job add.
 */
const SUMMARY_LIMIT_BYTES = 1_000_000;
/**
 * Characters that mean something to GitHub's Markdown inside a line: emphasis, code, links,
 * strikethrough, table cells, and `$` math (`${Bucket.Arn}` twice in a cell would render as a
 * formula). `_` inside a word (UPDATE_FAILED) is no emphasis on GitHub and stays. Line-start markers (`#`, `-`, `+`, `>`) need nothing, since values never start a line.
 */
const MARKDOWN_PUNCTUATION = /[\\`*[\]~|$]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g;
/**
 * A zero-width space after `@` keeps GitHub from turning `@name` (or `@org/team`) into a mention,
 * while the text still reads the same.
 */
const NO_MENTION = "@&#8203;";
/**
 * Untrusted text as inert Markdown prose or a table cell: punctuation backslash-escaped, `<`, `>`
 * and `&` as entities, no mention, and line breaks folded to spaces or kept as `<br>` (for cells
 * that are lists, such as IAM actions).
 */
function text(value, lineBreaks = "space") {
    return value
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(MARKDOWN_PUNCTUATION, "\\$&")
        .replace(/@/g, NO_MENTION)
        .replace(/\r\n?|\n/g, lineBreaks === "br" ? "<br>" : " ");
}
/**
 * Untrusted text as a code span that nothing inside can close: the fence is one backtick longer
 * than the longest run of backticks in the value (CommonMark), padded when the value starts or
 * ends with one. Inside a code span HTML and mentions are inert; only `|` needs escaping, since
 * GitHub splits table rows before it reads code spans.
 */
function code(value) {
    const flat = value.replace(/\r\n?|\n/g, " ").replace(/\|/g, "\\|");
    if (flat === "")
        return "";
    const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
    const fence = "`".repeat(longest + 1);
    const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
    return `${fence}${pad}${flat}${pad}${fence}`;
}
/**
 * A link whose target came from outside: linked only when it is an `https://` URL, else shown as
 * code, so a `javascript:` or `data:` target can never be clicked from a comment.
 */
function link(label, url) {
    if (!/^https:\/\/[^\s]+$/i.test(url))
        return code(label === url ? url : `${label} (${url})`);
    const target = url.replace(/[()<>"'\s|\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    return `[${text(label)}](${target})`;
}
function byteLength(value) {
    return Buffer.byteLength(value, "utf8");
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
