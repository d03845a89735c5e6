/**
 * The deploy action: reads the inputs, refuses forks, validates the template, applies the
 * max-previews guard, deploys the stack through a change set, and reports the result as step
 * outputs, a sticky PR comment, a GitHub Deployment, a job summary and an annotation at the
 * failing resource. GitHub API trouble is a warning: it never hides or changes the deploy result.
 */
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import * as core from "@actions/core";
import { createCloudFormationClient, createS3Client, resolveRegion } from "../aws/clients";
import { errorMessage } from "../aws/errors";
import { lazyLambdaClient } from "../aws/lazy-lambda";
import type { Octokit } from "../github/comment";
import { type EventContext, readEventContext } from "../github/context";
import {
  type DeployReporterOptions,
  GitHubReporter,
  onCancel,
  pullRequestNow,
  reportInfo,
} from "../github/deploy-reporter";
import { githubGuard } from "../github/guard";
import { createOctokit } from "../github/octokit";
import { Redactor } from "../github/redact";
import { renderSummary } from "../github/summary";
import {
  DEPLOY_INPUTS,
  DEPLOY_OUTPUTS,
  DEPLOY_STATE,
  type DeployInputs,
  type ReadInput,
  readDeployInputs,
} from "../inputs";
import { type DeployResult, deployStack } from "../stack/deploy";
import { renderChangesMarkdown } from "../stack/diff";
import { writePackagedTemplate } from "../stack/package";
import { previewGuard } from "../stack/previews";
import { deployOptions } from "../stack/requests";
import { timeBase } from "../stack/runtime";
import { checkBeforeDeploy, validatesTemplate } from "../template/deploy-check";
import { toAnnotation } from "../template/report/annotations";
import { isEntry } from "./entry";
import { reportFailure } from "./failure";
import { displayPath } from "./runner";

/** Step outputs cannot tell `Url` from `url`, so a stack Output that shadows one of ours is skipped. */
const RESERVED_OUTPUTS = new Set(Object.values(DEPLOY_OUTPUTS).map((name) => name.toLowerCase()));

/** Every output goes through the redactor: stack outputs can repeat a NoEcho value. */
function writeOutputs(result: DeployResult, redactor: Redactor, packagedTemplate: string): void {
  const set = (name: string, value: string) => core.setOutput(name, redactor.redact(value));
  set(DEPLOY_OUTPUTS.packagedTemplate, packagedTemplate);
  set(DEPLOY_OUTPUTS.stackName, result.stackName);
  set(DEPLOY_OUTPUTS.stackId, result.stackId ?? "");
  set(DEPLOY_OUTPUTS.status, result.status ?? "");
  set(DEPLOY_OUTPUTS.changeSetId, result.changeSetId ?? "");
  set(DEPLOY_OUTPUTS.hasChanges, String(result.hasChanges));
  set(DEPLOY_OUTPUTS.changesJson, JSON.stringify(redactor.redactDeep(result.changes)));
  set(DEPLOY_OUTPUTS.changesMarkdown, renderChangesMarkdown(result.changes, result.security));
  set(DEPLOY_OUTPUTS.outputsJson, JSON.stringify(redactor.redactDeep(result.outputs)));
  set(DEPLOY_OUTPUTS.url, result.url ?? "");
  for (const [key, value] of Object.entries(result.outputs)) {
    if (RESERVED_OUTPUTS.has(key.toLowerCase())) {
      core.warning(
        `Stack Output '${key}' has the name of one of the action's outputs, so it is only in outputs-json. Rename the Output to get it as a step output of its own.`,
      );
      continue;
    }
    set(key, value);
  }
}

function forkMessage(context: EventContext): string {
  return (
    `Pull request #${context.prNumber} comes from ${context.headRepository ?? "a deleted fork"}, and deploying it would run code from outside this repository with this repository's AWS role. ` +
    "Preview deployment is refused for forks. To skip this step for forks, add `if: github.event.pull_request.head.repo.full_name == github.repository`; " +
    `set ${DEPLOY_INPUTS.allowForks}: true only if you trust every contributor's template.`
  );
}

function readTemplateFile(workspace: string, template: string): string {
  const path = resolve(workspace, template);
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new Error(
      `Input '${DEPLOY_INPUTS.template}': the file cannot be read (${(error as NodeJS.ErrnoException)?.code ?? "not a file"}). Give the template's path relative to the workspace, and check out the repository (actions/checkout) before this step.`,
    );
  }
}

/** Shown on the change set in the console, so a reviewer can tell which commit it came from. */
function changeSetDescription(context: EventContext): string | undefined {
  const commit = context.sha.slice(0, 7);
  if (context.prNumber !== undefined) return `PR #${context.prNumber}${commit ? ` at ${commit}` : ""}`;
  return commit ? `Commit ${commit}` : undefined;
}

/** Runs the template rules; returns false (after annotating) when errors should stop the deploy. */
async function validateTemplate(inputs: DeployInputs, workspace: string): Promise<boolean> {
  const { findings, refusal } = await checkBeforeDeploy(inputs.template, {
    workspace,
    input: DEPLOY_INPUTS.template,
    shown: "annotated above",
    skip: `set ${DEPLOY_INPUTS.validate}: false`,
    stackName: inputs.stackName,
    parameterOverrides: inputs.parameterOverrides,
  });
  for (const finding of findings) {
    const { level, message, properties } = toAnnotation(finding);
    if (level === "error") core.error(message, properties);
    else if (level === "warning") core.warning(message, properties);
    else core.notice(message, properties);
  }
  if (refusal) core.setFailed(refusal);
  return refusal === undefined;
}

const github = githubGuard("The deploy result", (message) => core.warning(message));

function closedNotice(context: EventContext, stackName: string, why: string): void {
  core.notice(
    `Pull request #${context.prNumber} is closed (${why}), so preview ${stackName} is not deployed: a closed pull request's preview is only ever removed (by the teardown action). Run this step on opened, synchronize and reopened only, e.g. \`if: github.event.action != 'closed'\`.`,
  );
  core.setOutput(DEPLOY_OUTPUTS.stackName, stackName);
}

/** Everything GitHub is told goes through the action's log and warnings. */
function reporterOptions(
  octokit: Octokit | undefined,
  context: EventContext,
  inputs: DeployInputs,
  redactor: Redactor,
): DeployReporterOptions {
  return {
    octokit,
    target: context,
    comment: inputs.comment,
    info: reportInfo(context, inputs.environment),
    redactor,
    guard: github,
    log: (line) => core.info(line),
  };
}

/**
 * The post step (runs.post): the runner starts it after the job's steps, even when the deploy step
 * was cancelled or killed. When the deploy step never reported (no result, no cancel report), its
 * deployment would show in progress forever: it is ended as `error`, and the comment says so.
 */
export async function deployPost(read: ReadInput): Promise<void> {
  const id = Number(core.getState(DEPLOY_STATE.deploymentId));
  const stackName = core.getState(DEPLOY_STATE.stackName);
  if (core.getState(DEPLOY_STATE.reported) === "true" || stackName === "") return;
  const context = readEventContext();
  const inputs = readDeployInputs(read, context);
  if (!inputs.githubToken) return;
  core.info(
    `The deploy step of ${stackName} ended without reporting a result; marking it as stopped on GitHub.`,
  );
  const octokit = createOctokit(inputs.githubToken, { log: (line) => core.info(line) });
  const reporter = new GitHubReporter(
    reporterOptions(octokit, context, inputs, new Redactor()),
    Number.isInteger(id) && id > 0 ? id : undefined,
  );
  await reporter.interrupted(stackName, "killed");
}

export interface DeployStepOptions {
  /** Collects the run's secrets; the caller cleans its failure message with it. */
  redactor: Redactor;
  /**
   * Runs once every check before the first AWS call has passed (the event, forks, the template
   * rules, the pull request's state), and returns the parameter-overrides to deploy with. The
   * all-in-one action builds its layers here and adds their ARNs.
   */
  beforeDeploy?: (inputs: DeployInputs) => Promise<string>;
}

/**
 * The action's work on inputs read through `read`, after the caller has saved DEPLOY_STATE.isPost
 * (the post step tells itself apart by it); the all-in-one action calls it to deploy.
 */
export async function deployStep(read: ReadInput, options: DeployStepOptions): Promise<void> {
  const { redactor } = options;
  const context = readEventContext();
  const inputs = readDeployInputs(read, {
    eventName: context.eventName,
    repository: context.repository,
    prNumber: context.prNumber,
  });
  if (inputs.preview && context.prClosed) {
    closedNotice(context, inputs.stackName, "the event says so");
    return;
  }
  if (context.isFork && !inputs.allowForks) {
    core.setFailed(forkMessage(context));
    return;
  }
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const templateFile = displayPath(workspace, inputs.template);
  if (validatesTemplate(inputs)) {
    if (!(await validateTemplate(inputs, workspace))) return;
  }
  const body = readTemplateFile(workspace, inputs.template);

  const region = resolveRegion();
  const time = timeBase(process.env, (message) => core.warning(message));
  const octokit: Octokit | undefined = inputs.githubToken
    ? createOctokit(inputs.githubToken, {
        log: (line) => core.info(line),
        timeScale: time.scale,
        writeSpacingMs: 200,
      })
    : undefined;
  const pull = { owner: context.owner, repo: context.repo, number: context.prNumber as number };
  if (inputs.preview && octokit && (await pullRequestNow(octokit, pull, github))?.closed) {
    closedNotice(context, inputs.stackName, "GitHub reports it closed");
    return;
  }
  const parameterOverrides = options.beforeDeploy
    ? await options.beforeDeploy(inputs)
    : inputs.parameterOverrides;

  const cfn = createCloudFormationClient({ region });
  const s3 = createS3Client({ region });
  const reporterSettings = reporterOptions(octokit, context, inputs, redactor);
  const reporter = await GitHubReporter.start(reporterSettings, {
    stackName: inputs.stackName,
    region,
    environment: inputs.environment,
    mode: inputs.mode,
    preview: inputs.preview !== undefined,
  });
  const { deploymentId } = reporter;
  // The post step finds what to end from here, should this step be killed before it reports.
  core.saveState(DEPLOY_STATE.stackName, inputs.stackName);
  if (deploymentId !== undefined) core.saveState(DEPLOY_STATE.deploymentId, String(deploymentId));
  const stopWatching = onCancel(reporter, inputs.stackName, {
    log: (line) => core.info(line),
    stop: (message) => {
      core.saveState(DEPLOY_STATE.reported, "true");
      core.setFailed(message);
      process.exit(1);
    },
  });

  // An unexpected error must not leave the deployment showing in progress.
  const deployed = await deployStack(
    deployOptions(inputs, {
      template: { file: templateFile, body, dir: dirname(resolve(workspace, inputs.template)) },
      parameterOverrides,
      region,
      run: { id: context.runId, attempt: context.runAttempt },
      description: changeSetDescription(context),
    }),
    {
      cfn,
      s3,
      lambda: lazyLambdaClient({ region }),
      clock: time.clock,
      sleep: time.sleep,
      log: (line) => core.info(line),
      maskSecret: (value) => {
        core.setSecret(value);
        redactor.add(value);
      },
      beforeCreate: previewGuard(cfn, {
        preview: inputs.preview,
        mode: inputs.mode,
        stackName: inputs.stackName,
        maxPreviews: inputs.maxPreviews,
        input: DEPLOY_INPUTS.maxPreviews,
        log: (line) => core.info(line),
      }),
    },
  ).catch(async (error: unknown) => {
    await reporter.finish("failure", errorMessage(error));
    core.saveState(DEPLOY_STATE.reported, "true");
    throw error;
  });

  // Cleaned before rendering, so each renderer escapes the mask like any other text; the
  // rendered text is cleaned again on its way out, as everything sent to GitHub is.
  const result = redactor.size > 0 ? redactor.redactDeep(deployed) : deployed;
  // The template as deployed: the packaged copy when local paths were replaced, else the input.
  const packagedTemplate =
    deployed.packagedTemplate === undefined
      ? resolve(workspace, inputs.template)
      : await writePackagedTemplate(
          join(process.env.RUNNER_TEMP || tmpdir(), "preview-stacks"),
          inputs.template,
          deployed.packagedTemplate,
        );
  writeOutputs(result, redactor, packagedTemplate);
  for (const warning of result.warnings) core.warning(redactor.redact(warning));

  await reporter.report(result);
  if (process.env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(redactor.redact(renderSummary(result, reporterSettings.info))).write();
  }
  core.saveState(DEPLOY_STATE.reported, "true");
  stopWatching();

  if (!result.ok) {
    const message = redactor.redact(result.failure?.message ?? `Stack ${result.stackName} failed.`);
    const location = result.failure?.location ?? result.rootCause?.location;
    if (location && result.failure) {
      core.error(message, {
        title: result.rootCause
          ? `${result.rootCause.logicalId} ${result.rootCause.status}`
          : "Deploy failed",
        file: location.file,
        startLine: location.line,
      });
    }
    core.setFailed(message);
  }
  cfn.destroy();
  s3.destroy();
}

export async function run(): Promise<void> {
  const redactor = new Redactor();
  const read = (name: string) => core.getInput(name);
  try {
    if (core.getState(DEPLOY_STATE.isPost) === "true") {
      await deployPost(read);
      return;
    }
    core.saveState(DEPLOY_STATE.isPost, "true");
    await deployStep(read, { redactor });
  } catch (error) {
    reportFailure(error, (text) => redactor.redact(text));
  }
}

if (isEntry("deploy")) await run();
