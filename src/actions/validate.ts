/**
 * The validate action: checks CloudFormation/SAM templates, annotates every finding at its file,
 * line and column, writes the job summary and (when asked) SARIF, and fails per `fail-on`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import * as core from "@actions/core";
import { type ReadInput, readValidateInputs, VALIDATE_INPUTS, VALIDATE_OUTPUTS } from "../inputs";
import { checkTemplates, ruleDescriptions } from "../template/check";
import { readParameterValues } from "../template/deploy-check";
import { toAnnotation } from "../template/report/annotations";
import { countFindings, failsOn } from "../template/report/counts";
import { renderSarif } from "../template/report/sarif";
import { renderValidateSummary } from "../template/report/summary";
import { plural } from "../text";
import { PROJECT_URL, VERSION } from "../version";
import { isEntry } from "./entry";
import { reportFailure } from "./failure";

/**
 * The action's work on inputs read through `read`. Returns false when the findings fail the step
 * (the step is then marked failed); the all-in-one action stops there, before any AWS call.
 */
export async function validateStep(
  read: ReadInput,
  /** The stack the all-in-one action deploys and its template: the one file judged with that name. */
  deployed?: { stackName: string; template: string; parameterValues?: ReadonlyMap<string, string> },
): Promise<boolean> {
  const inputs = readValidateInputs(read);
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  // The all-in-one action reads its parameter-overrides for the template it deploys.
  const parameterValues = deployed
    ? deployed.parameterValues
    : await readParameterValues(inputs.parameterOverrides, workspace);
  const { files, findings } = await checkTemplates(inputs.templates, {
    workspace,
    ignoreRules: inputs.ignoreRules,
    allowEmpty: inputs.allowEmpty,
    input: VALIDATE_INPUTS.templates,
    allowEmptySwitch: `${VALIDATE_INPUTS.allowEmpty}: true`,
    ...(deployed
      ? { stackName: deployed.stackName, stackTemplate: deployed.template, parameterValues }
      : { stackName: inputs.stackName, parameterValues }),
  });

  for (const finding of findings) {
    const { level, message, properties } = toAnnotation(finding);
    const annotate = level === "error" ? core.error : level === "warning" ? core.warning : core.notice;
    annotate(message, properties);
  }
  const counts = countFindings(findings);
  core.info(
    `${plural(files.length, "template")} checked: ${plural(counts.errors, "error")}, ${plural(counts.warnings, "warning")}.`,
  );

  let sarifPath = "";
  if (inputs.sarifFile) {
    sarifPath = resolve(workspace, inputs.sarifFile);
    mkdirSync(dirname(sarifPath), { recursive: true });
    const sarif = renderSarif(findings, ruleDescriptions(), {
      name: "preview-stacks",
      version: VERSION,
      informationUri: PROJECT_URL,
    });
    writeFileSync(sarifPath, `${JSON.stringify(sarif, null, 2)}\n`);
    core.info(`SARIF written to ${sarifPath}`);
  }

  if (process.env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(renderValidateSummary(files, findings)).write();
  }

  core.setOutput(VALIDATE_OUTPUTS.errors, counts.errors);
  core.setOutput(VALIDATE_OUTPUTS.warnings, counts.warnings);
  core.setOutput(VALIDATE_OUTPUTS.files, files.join("\n"));
  core.setOutput(VALIDATE_OUTPUTS.sarifFile, sarifPath);

  if (failsOn(findings, inputs.failOn)) {
    core.setFailed(
      `Validation found ${plural(counts.errors, "error")} and ${plural(counts.warnings, "warning")} (fail-on: ${inputs.failOn}). ` +
        "Fix them, or ignore a rule with ignore-rules.",
    );
    return false;
  }
  return true;
}

export async function run(): Promise<void> {
  try {
    await validateStep((name) => core.getInput(name));
  } catch (error) {
    reportFailure(error);
  }
}

if (isEntry("validate")) await run();
