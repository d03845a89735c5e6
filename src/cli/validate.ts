/**
 * `preview-stacks validate`: the template rules from a terminal. Exit codes: 0 clean, 1 findings
 * at or above --fail-on, 2 usage error (a bad option, or a glob that matches no file without
 * --allow-empty). A file that cannot be read is a finding, not a usage error, so one bad path in a
 * batch never hides the report on the others.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseFailOn, parseIgnoreRules, parseStackName, VALIDATE_INPUTS } from "../inputs";
import { checkTemplates, ruleDescriptions } from "../template/check";
import { readParameterValues } from "../template/deploy-check";
import { failsOn } from "../template/report/counts";
import { renderSarif } from "../template/report/sarif";
import { renderJson, renderText } from "../template/report/text";
import { PROJECT_URL, VERSION } from "../version";
import { type CliIo, type Command, HELP_OPTION, type ParsedArgs, stringValue, UsageError } from "./options";

const FORMATS = ["text", "json", "sarif"];

function sarifDocument(findings: Parameters<typeof renderSarif>[0]): string {
  const sarif = renderSarif(findings, ruleDescriptions(), {
    name: "preview-stacks",
    version: VERSION,
    informationUri: PROJECT_URL,
  });
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

async function run(parsed: ParsedArgs, io: CliIo): Promise<number> {
  const format = parsed.values.json === true ? "json" : (stringValue(parsed, "format") ?? "text");
  if (!FORMATS.includes(format)) {
    throw new UsageError(
      `option '--format' of validate: the value is not allowed; use text, json or sarif.`,
      "validate",
    );
  }
  const failOn = parseFailOn(
    stringValue(parsed, VALIDATE_INPUTS.failOn) ?? "",
    `--${VALIDATE_INPUTS.failOn}`,
  );
  const ignoreRules = parseIgnoreRules(
    stringValue(parsed, VALIDATE_INPUTS.ignoreRules) ?? "",
    `--${VALIDATE_INPUTS.ignoreRules}`,
  );
  const stackName = parseStackName(
    stringValue(parsed, VALIDATE_INPUTS.stackName) ?? "",
    `--${VALIDATE_INPUTS.stackName}`,
  );
  if (parsed.positionals.length === 0) {
    throw new UsageError("name at least one template file or glob.", "validate");
  }
  const { findings } = await checkTemplates(parsed.positionals, {
    workspace: io.cwd,
    ignoreRules,
    allowEmpty: parsed.values[VALIDATE_INPUTS.allowEmpty] === true,
    allowEmptySwitch: `--${VALIDATE_INPUTS.allowEmpty}`,
    stackName,
    // Input it cannot read is a usage error, named as the option.
    parameterValues: await readParameterValues(
      ((parsed.values[VALIDATE_INPUTS.parameterOverrides] as string[] | undefined) ?? []).join("\n"),
      io.cwd,
      `--${VALIDATE_INPUTS.parameterOverrides}`,
    ),
  });
  if (format === "text") {
    if (findings.length > 0) io.stdout(`${renderText(findings)}\n`);
  } else if (format === "json") {
    io.stdout(`${renderJson(findings)}\n`);
  } else {
    io.stdout(sarifDocument(findings));
  }
  const sarifFile = stringValue(parsed, VALIDATE_INPUTS.sarifFile);
  if (sarifFile !== undefined) writeFileSync(resolve(io.cwd, sarifFile), sarifDocument(findings));
  return failsOn(findings, failOn) ? 1 : 0;
}

export const command: Command = {
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
      name: VALIDATE_INPUTS.failOn,
      kind: "string",
      value: "error|warning|never",
      help: "lowest severity that makes the exit code 1 (default: error)",
    },
    {
      name: VALIDATE_INPUTS.ignoreRules,
      kind: "string",
      value: "IDS",
      help: "rule ids or prefixes to leave out, comma-separated (e.g. W2001,E30)",
    },
    {
      name: VALIDATE_INPUTS.sarifFile,
      kind: "string",
      value: "FILE",
      help: "also write the SARIF document here",
    },
    { name: VALIDATE_INPUTS.allowEmpty, kind: "flag", help: "a glob that matches no file is not an error" },
    {
      name: VALIDATE_INPUTS.stackName,
      kind: "string",
      value: "NAME",
      help: "the stack the templates are deployed as: names built from AWS::StackName are judged with it",
    },
    {
      name: VALIDATE_INPUTS.parameterOverrides,
      kind: "list",
      value: "KEY=VALUE",
      help: "a value the deploy passes for a parameter: a Ref to it is judged with the value, not its Default (one template only)",
    },
    { name: "json", kind: "flag", help: "the same as --format json" },
    HELP_OPTION,
  ],
  run,
};
