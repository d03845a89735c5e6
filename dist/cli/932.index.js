export const id = 932;
export const ids = [932];
export const modules = {

/***/ 7932:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   command: () => (/* binding */ command)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _github_removal__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2131);
/* harmony import */ var _inputs__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8422);
/* harmony import */ var _stack_requests__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4776);
/* harmony import */ var _stack_teardown__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5661);
/* harmony import */ var _stack_template_source__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(804);
/* harmony import */ var _context__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1604);
/* harmony import */ var _options__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(776);
/**
 * `preview-stacks teardown`: the teardown action from a terminal. `--pr N --repo owner/name`
 * removes that pull request's preview, found by the name deploy gave it and checked against its
 * tags by teardownStack, which refuses any other stack. With a GitHub token (and only then) the
 * removal is reported as the action reports it: deployments inactive, the sticky comment updated.
 */









const INPUT_OPTIONS = {
    "stack-name": {
        kind: "string",
        value: "NAME",
        help: "the stack to delete (not with --pr: the preview's name)",
    },
    "stack-prefix": {
        kind: "string",
        value: "PREFIX",
        help: "preview names are PREFIX-pr-N, as given to deploy",
    },
    template: {
        kind: "string",
        value: "FILE",
        help: "the stack's template, to name the lines of resources that fail to delete",
    },
    "empty-buckets": { kind: "negatable", help: "empty the stack's S3 buckets first (default: on)" },
    "retain-on-failure": {
        kind: "flag",
        help: "after two failed deletes, delete keeping the failed resources",
    },
    "timeout-minutes": { kind: "string", value: "N", help: "minutes to wait (1-1440, default 60)" },
    "dry-run": { kind: "flag", help: "only report the plan; nothing in AWS or on GitHub changes" },
    "github-token": { kind: "string", value: "TOKEN", help: _context__WEBPACK_IMPORTED_MODULE_6__/* .GITHUB_TOKEN_HELP */ .cK },
    environment: {
        kind: "string",
        value: "NAME",
        help: "GitHub environment whose deployments are marked inactive (default: pr-N)",
    },
    "allow-unmanaged": {
        kind: "flag",
        help: "also delete the --stack-name stack when it carries no preview tags",
    },
};
function readInputs(parsed, io) {
    const whyRepo = (0,_options__WEBPACK_IMPORTED_MODULE_7__/* .flagValue */ .y6)(parsed, _inputs__WEBPACK_IMPORTED_MODULE_3__/* .TEARDOWN_INPUTS */ .HM.allowUnmanaged)
        ? undefined
        : "teardown deletes only a preview tagged with its repository.";
    const { pr, repo, token, context } = (0,_context__WEBPACK_IMPORTED_MODULE_6__/* .stackTarget */ .s2)(parsed, io, "teardown", whyRepo);
    const read = (0,_options__WEBPACK_IMPORTED_MODULE_7__/* .inputReader */ .cN)(command, parsed, { [_inputs__WEBPACK_IMPORTED_MODULE_3__/* .TEARDOWN_INPUTS */ .HM.githubToken]: token });
    return { inputs: (0,_inputs__WEBPACK_IMPORTED_MODULE_3__/* .readTeardownInputs */ .W_)(read, context), token, repo, pr };
}
/** The template for failure lines; teardown works without it, so an unreadable one is only a warning. */
async function templateLines(cwd, template, log) {
    if (template === undefined)
        return undefined;
    try {
        return (0,_stack_template_source__WEBPACK_IMPORTED_MODULE_5__/* .loadTemplate */ .PM)(template, await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, template), "utf8"));
    }
    catch (error) {
        log(`Warning: --template cannot be read (${error?.code ?? "not a template"}), so failed resources are reported without their template lines.`);
        return undefined;
    }
}
function textReport(result) {
    const kept = result.retained.map((r) => `\n  kept ${r.logicalId} (${r.resourceType}): ${r.consoleUrl}`);
    return `${result.stackName}: ${result.status}. ${result.message}${kept.join("")}\n`;
}
async function run(parsed, io) {
    const { inputs, token, repo, pr } = readInputs(parsed, io);
    const region = await (0,_context__WEBPACK_IMPORTED_MODULE_6__/* .awsRegion */ .Ue)(parsed, (0,_context__WEBPACK_IMPORTED_MODULE_6__/* .environment */ .cA)(io), "teardown");
    const { clock, sleep, scale } = (0,_context__WEBPACK_IMPORTED_MODULE_6__/* .runTime */ .Ft)(io);
    const runLogged = (0,_context__WEBPACK_IMPORTED_MODULE_6__/* .runLog */ .YD)(io, `teardown ${inputs.stackName}`, clock);
    const { log, stop } = runLogged;
    const template = await templateLines(io.cwd, inputs.template, log);
    if (inputs.dryRun)
        log("Dry run: only reading; nothing in AWS or on GitHub is changed.");
    const result = await (0,_context__WEBPACK_IMPORTED_MODULE_6__/* .withStackClients */ .lw)(region, runLogged, ({ cfn, s3 }) => (0,_stack_teardown__WEBPACK_IMPORTED_MODULE_4__/* .teardownStack */ .f)((0,_stack_requests__WEBPACK_IMPORTED_MODULE_8__/* .teardownOptions */ .FA)(inputs, { region, run: (0,_context__WEBPACK_IMPORTED_MODULE_6__/* .localRun */ .p8)(clock), template }), {
        cfn,
        s3,
        clock,
        sleep,
        log,
    }));
    if (token !== "" && repo !== undefined) {
        await (0,_github_removal__WEBPACK_IMPORTED_MODULE_2__/* .reportRemoval */ .VW)((0,_context__WEBPACK_IMPORTED_MODULE_6__/* .octokitFor */ .d_)(token, log, scale), result, {
            ...(0,_context__WEBPACK_IMPORTED_MODULE_6__/* .splitRepository */ .T8)(repo),
            pr,
            environment: inputs.environment,
            runUrl: "",
            when: new Date(clock()),
            dryRun: inputs.dryRun,
            guard: (0,_context__WEBPACK_IMPORTED_MODULE_6__/* .githubWarnings */ .Hg)("The teardown result", log),
            log,
        });
    }
    stop();
    const failed = result.status === "refused" || result.status === "failed";
    if (failed)
        io.stderr(`preview-stacks: ${result.failure?.message ?? result.message}\n`);
    io.stdout((0,_options__WEBPACK_IMPORTED_MODULE_7__/* .flagValue */ .y6)(parsed, "json")
        ? (0,_options__WEBPACK_IMPORTED_MODULE_7__/* .jsonDocument */ .Q8)({
            ok: !failed,
            [_inputs__WEBPACK_IMPORTED_MODULE_3__/* .TEARDOWN_OUTPUTS */ .Q1.stackName]: result.stackName,
            [_inputs__WEBPACK_IMPORTED_MODULE_3__/* .TEARDOWN_OUTPUTS */ .Q1.status]: result.status,
            [_inputs__WEBPACK_IMPORTED_MODULE_3__/* .TEARDOWN_OUTPUTS */ .Q1.retainedResources]: result.retained,
            message: result.message,
            ...(result.failure ? { error: result.failure.message } : {}),
        })
        : textReport(result));
    return failed ? 1 : 0;
}
const command = {
    name: "teardown",
    summary: "delete a pull request's preview (--pr), or a named stack, after emptying its buckets",
    synopsis: [
        "preview-stacks teardown --pr NUMBER --repo OWNER/NAME [options]",
        "preview-stacks teardown --stack-name NAME --repo OWNER/NAME [options]",
    ],
    about: [
        "Deletes the stack only when its preview-stacks tags say it is a preview of the repository (and of the pull request, with --pr), empties its S3 buckets first, and streams the stack events. The options are the teardown action's inputs.",
        `Exit codes: 0 deleted (or already gone, or planned with --dry-run), 1 refused or failed, 2 usage error.\n${_options__WEBPACK_IMPORTED_MODULE_7__/* .ABOUT_AWS */ ._k}`,
    ],
    options: [...(0,_options__WEBPACK_IMPORTED_MODULE_7__/* .inputOptions */ .NH)(INPUT_OPTIONS), _context__WEBPACK_IMPORTED_MODULE_6__/* .PR_OPTION */ .bd, _context__WEBPACK_IMPORTED_MODULE_6__/* .REPO_OPTION */ .vI, ...(0,_options__WEBPACK_IMPORTED_MODULE_7__/* .commonOptions */ .OP)()],
    run,
};


/***/ })

};
