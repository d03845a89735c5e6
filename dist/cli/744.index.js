export const id = 744;
export const ids = [744];
export const modules = {

/***/ 4744:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  command: () => (/* binding */ command)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/inputs.ts
var inputs = __webpack_require__(8422);
// EXTERNAL MODULE: ./src/template/check.ts + 136 modules
var check = __webpack_require__(577);
// EXTERNAL MODULE: ./src/template/report/counts.ts
var counts = __webpack_require__(7909);
;// CONCATENATED MODULE: ./src/template/report/sarif.ts
const LEVEL = {
    error: "error",
    warning: "warning",
    informational: "note",
};
const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
/**
 * Names every rule that produced a finding, including E0000 (a file that cannot be read or
 * parsed) and E0002, which belong to no rule.
 */
const BUILT_IN_RULES = [
    {
        id: "E0000",
        shortDescription: "Template could not be read or parsed",
        description: "The file cannot be a template (missing, a directory, empty, binary, or over 5 MB), or is not valid YAML or JSON, or uses a tag or duplicate key CloudFormation rejects.",
        source: "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-formats.html",
        severity: "error",
    },
    {
        id: "E0002",
        shortDescription: "Rule could not check the template",
        description: "A rule met a shape it could not process; the other rules still ran.",
        source: "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html",
        severity: "error",
    },
];
/** SARIF artifact URIs use forward slashes, relative to the repository root. */
function toUri(file) {
    return file.split("\\").join("/").replace(/^\.\//, "");
}
function renderSarif(findings, rules, tool) {
    const known = new Map();
    for (const rule of [...BUILT_IN_RULES, ...rules])
        known.set(rule.id, rule);
    const used = [...new Set(findings.map((f) => f.ruleId))].sort();
    const ruleIndex = new Map(used.map((id, index) => [id, index]));
    return {
        $schema: SARIF_SCHEMA,
        version: "2.1.0",
        runs: [
            {
                tool: {
                    driver: {
                        name: tool.name,
                        version: tool.version,
                        informationUri: tool.informationUri,
                        rules: used.map((id) => {
                            const rule = known.get(id);
                            return {
                                id,
                                name: id,
                                shortDescription: { text: rule?.shortDescription ?? id },
                                fullDescription: { text: rule?.description ?? id },
                                ...(rule?.source ? { helpUri: rule.source } : {}),
                                defaultConfiguration: { level: LEVEL[rule?.severity ?? "error"] },
                            };
                        }),
                    },
                },
                results: findings.map((f) => ({
                    ruleId: f.ruleId,
                    ruleIndex: ruleIndex.get(f.ruleId),
                    level: LEVEL[f.severity],
                    message: { text: f.message },
                    locations: [
                        {
                            physicalLocation: {
                                artifactLocation: { uri: toUri(f.file) },
                                region: {
                                    startLine: f.range.start.line,
                                    startColumn: f.range.start.column,
                                    endLine: f.range.end.line,
                                    endColumn: f.range.end.column,
                                },
                            },
                        },
                    ],
                })),
            },
        ],
    };
}

// EXTERNAL MODULE: ./src/template/report/text.ts
var report_text = __webpack_require__(5422);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: ./src/cli/options.ts
var options = __webpack_require__(776);
;// CONCATENATED MODULE: ./src/cli/validate.ts
/**
 * `preview-stacks validate`: the template rules from a terminal. Exit codes: 0 clean, 1 findings
 * at or above --fail-on, 2 usage error (a bad option, or a glob that matches no file without
 * --allow-empty). A file that cannot be read is a finding, not a usage error, so one bad path in a
 * batch never hides the report on the others.
 */









const FORMATS = ["text", "json", "sarif"];
function sarifDocument(findings) {
    const sarif = renderSarif(findings, (0,check/* ruleDescriptions */.U)(), {
        name: "preview-stacks",
        version: version/* VERSION */.x,
        informationUri: version/* PROJECT_URL */.w,
    });
    return `${JSON.stringify(sarif, null, 2)}\n`;
}
async function run(parsed, io) {
    const format = parsed.values.json === true ? "json" : ((0,options/* stringValue */.r$)(parsed, "format") ?? "text");
    if (!FORMATS.includes(format)) {
        throw new options/* UsageError */.eb(`option '--format' of validate: the value is not allowed; use text, json or sarif.`, "validate");
    }
    const failOn = (0,inputs/* parseFailOn */.XV)((0,options/* stringValue */.r$)(parsed, inputs/* VALIDATE_INPUTS */.L5.failOn) ?? "", `--${inputs/* VALIDATE_INPUTS */.L5.failOn}`);
    const ignoreRules = (0,inputs/* parseIgnoreRules */.R0)((0,options/* stringValue */.r$)(parsed, inputs/* VALIDATE_INPUTS */.L5.ignoreRules) ?? "", `--${inputs/* VALIDATE_INPUTS */.L5.ignoreRules}`);
    if (parsed.positionals.length === 0) {
        throw new options/* UsageError */.eb("name at least one template file or glob.", "validate");
    }
    const { findings } = await (0,check/* checkTemplates */.Y)(parsed.positionals, {
        workspace: io.cwd,
        ignoreRules,
        allowEmpty: parsed.values[inputs/* VALIDATE_INPUTS */.L5.allowEmpty] === true,
        allowEmptySwitch: `--${inputs/* VALIDATE_INPUTS */.L5.allowEmpty}`,
    });
    if (format === "text") {
        if (findings.length > 0)
            io.stdout(`${(0,report_text/* renderText */.S5)(findings)}\n`);
    }
    else if (format === "json") {
        io.stdout(`${(0,report_text/* renderJson */.hF)(findings)}\n`);
    }
    else {
        io.stdout(sarifDocument(findings));
    }
    const sarifFile = (0,options/* stringValue */.r$)(parsed, inputs/* VALIDATE_INPUTS */.L5.sarifFile);
    if (sarifFile !== undefined)
        await (0,promises_.writeFile)((0,external_node_path_.resolve)(io.cwd, sarifFile), sarifDocument(findings));
    return (0,counts/* failsOn */.H)(findings, failOn) ? 1 : 0;
}
const command = {
    name: "validate",
    summary: "check templates against the rules (what the validate action annotates)",
    synopsis: ["preview-stacks validate <files or globs...> [options]"],
    about: [
        "Prints file:line:column rule message for each finding. No AWS call is made.",
        "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage error (a bad option, or a glob that matches no file without --allow-empty).",
    ],
    positionals: true,
    options: [
        { name: "format", kind: "string", value: "text|json|sarif", help: "output format (default: text)" },
        {
            name: inputs/* VALIDATE_INPUTS */.L5.failOn,
            kind: "string",
            value: "error|warning|never",
            help: "lowest severity that makes the exit code 1 (default: error)",
        },
        {
            name: inputs/* VALIDATE_INPUTS */.L5.ignoreRules,
            kind: "string",
            value: "IDS",
            help: "rule ids or prefixes to leave out, comma-separated (e.g. W2001,E30)",
        },
        {
            name: inputs/* VALIDATE_INPUTS */.L5.sarifFile,
            kind: "string",
            value: "FILE",
            help: "also write the SARIF document here",
        },
        { name: inputs/* VALIDATE_INPUTS */.L5.allowEmpty, kind: "flag", help: "a glob that matches no file is not an error" },
        { name: "json", kind: "flag", help: "the same as --format json" },
        options/* HELP_OPTION */.E4,
    ],
    run,
};


/***/ })

};
