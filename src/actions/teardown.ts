/**
 * The teardown action: reads the inputs, deletes the stack through teardownStack (which refuses a
 * stack that is not this pull request's preview), reports the removal on GitHub (reportRemoval:
 * the environment's deployments marked inactive, the sticky PR comment updated in place), and
 * writes the outputs and a job summary. GitHub API trouble is a warning: it never hides or
 * changes the result.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import * as core from "@actions/core";
import { createCloudFormationClient, createS3Client, resolveRegion } from "../aws/clients";
import type { Octokit } from "../github/comment";
import { readEventContext } from "../github/context";
import { githubGuard } from "../github/guard";
import { createOctokit } from "../github/octokit";
import { renderTeardownReport, reportRemoval, type TeardownReportInfo } from "../github/removal";
import { type ReadInput, readTeardownInputs, TEARDOWN_INPUTS, TEARDOWN_OUTPUTS } from "../inputs";
import type { TemplateLines } from "../stack/operation";
import { teardownOptions } from "../stack/requests";
import { timeBase } from "../stack/runtime";
import { type TeardownResult, teardownStack } from "../stack/teardown";
import { loadTemplate } from "../stack/template-source";
import { byteLength, SUMMARY_LIMIT_BYTES } from "../template/report/markdown";
import { isEntry } from "./entry";
import { reportFailure } from "./failure";
import { displayPath } from "./runner";

const github = githubGuard("The teardown result", (message) => core.warning(message));

/**
 * The template as checked out, for the lines of resources that fail to delete. Teardown works
 * without it (a closed pull request's branch may be gone), so a template that cannot be read is a
 * warning.
 */
function templateLines(workspace: string, template: string | undefined): TemplateLines | undefined {
  if (template === undefined) return undefined;
  try {
    const body = readFileSync(resolve(workspace, template), "utf8");
    return loadTemplate(displayPath(workspace, template), body);
  } catch (error) {
    core.warning(
      `Input '${TEARDOWN_INPUTS.template}': the file cannot be read (${(error as NodeJS.ErrnoException)?.code ?? "not a template"}), so failed resources are reported without their template lines. Check out the repository (actions/checkout) before this step, give the path relative to the workspace, or leave ${TEARDOWN_INPUTS.template} empty.`,
    );
    return undefined;
  }
}

/** Where the AWS calls went, for the job summary. */
function callsLine(result: TeardownResult): string {
  const calls = Object.entries(result.awsCallsByOperation).sort(([a], [b]) => a.localeCompare(b));
  const each = calls.length > 0 ? ` (${calls.map(([op, n]) => `${op} ${n}`).join(", ")})` : "";
  return `**AWS calls:** ${result.awsCalls}${each}; ${(result.timings.totalMs / 1000).toFixed(1)} s in all.\n`;
}

function writeOutputs(result: TeardownResult): void {
  core.setOutput(TEARDOWN_OUTPUTS.stackName, result.stackName);
  core.setOutput(TEARDOWN_OUTPUTS.status, result.status);
  core.setOutput(TEARDOWN_OUTPUTS.retainedResources, JSON.stringify(result.retained));
}

/** Each resource that failed to delete, annotated at its template line when known. */
function annotate(result: TeardownResult): void {
  const retained = new Set(result.retained.map((r) => r.logicalId));
  for (const failure of result.failures) {
    if (!failure.location) continue;
    const text = `${failure.logicalId} (${failure.resourceType}) ${failure.status}: ${failure.reason ?? "no reason given"}`;
    const properties = {
      title: `${failure.logicalId} ${failure.status}`,
      file: failure.location.file,
      startLine: failure.location.line,
    };
    if (retained.has(failure.logicalId))
      core.warning(`${text}. It was kept (retain-on-failure): delete it by hand.`, properties);
    else if (result.status === "failed") core.error(text, properties);
  }
  const errors = result.objectErrors ?? [];
  if (errors.length > 0) {
    core.warning(
      `S3 would not delete ${errors.length} object ${errors.length === 1 ? "version" : "versions"} (see the log above for each): the first, ${errors[0].bucket}/${errors[0].key}, ${errors[0].code}: ${errors[0].message}`,
    );
  }
}

/** The action's work on inputs read through `read`; the all-in-one action calls it on a closed pull request. */
export async function teardownStep(read: ReadInput): Promise<void> {
  const context = readEventContext();
  const inputs = readTeardownInputs(read, {
    eventName: context.eventName,
    repository: context.repository,
    prNumber: context.prNumber,
  });
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const template = templateLines(workspace, inputs.template);
  const region = resolveRegion();
  const time = timeBase(process.env, (message) => core.warning(message));
  const octokit: Octokit | undefined = inputs.githubToken
    ? createOctokit(inputs.githubToken, { log: (line) => core.info(line), timeScale: time.scale })
    : undefined;
  const cfn = createCloudFormationClient({ region });
  const s3 = createS3Client({ region });
  if (inputs.dryRun) core.info("Dry run: only reading; nothing in AWS or on GitHub is changed.");

  const result = await teardownStack(
    teardownOptions(inputs, { region, run: { id: context.runId, attempt: context.runAttempt }, template }),
    { cfn, s3, clock: time.clock, sleep: time.sleep, log: (line) => core.info(line) },
  );
  cfn.destroy();
  s3.destroy();

  writeOutputs(result);
  annotate(result);
  const when = new Date(time.clock());
  const reported = octokit
    ? await reportRemoval(octokit, result, {
        owner: context.owner,
        repo: context.repo,
        pr: context.prNumber,
        environment: inputs.environment,
        runUrl: context.runUrl,
        when,
        dryRun: inputs.dryRun,
        guard: github,
        log: (line) => core.info(line),
      })
    : undefined;
  const info: TeardownReportInfo = {
    runUrl: context.runUrl,
    environment: inputs.environment,
    when,
    deployments: reported?.deployments,
  };
  if (process.env.GITHUB_STEP_SUMMARY) {
    const trailer = callsLine(result);
    const report = renderTeardownReport(result, info, {
      maxSize: SUMMARY_LIMIT_BYTES - byteLength(trailer) - 2,
      measure: byteLength,
    });
    await core.summary.addRaw(`${report}\n${trailer}`).write();
  }
  if (result.status === "refused" || result.status === "failed") {
    core.setFailed(result.failure?.message ?? result.message);
  }
}

export async function run(): Promise<void> {
  try {
    await teardownStep((name) => core.getInput(name));
  } catch (error) {
    reportFailure(error);
  }
}

if (isEntry("teardown")) await run();
