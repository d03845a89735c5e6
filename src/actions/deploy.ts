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
import { commentMarker, type Octokit, renderComment, upsertComment } from "../github/comment";
import { type EventContext, readEventContext } from "../github/context";
import { finishDeployment, startDeployment } from "../github/deployments";
import { createOctokit } from "../github/octokit";
import { Redactor } from "../github/redact";
import { type Interruption, type ReportInfo, renderInterrupted } from "../github/report";
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
import { listLivePreviews, previewLimitMessage } from "../stack/previews";
import { checkTemplates } from "../template/check";
import { toAnnotation } from "../template/report/annotations";
import { countFindings } from "../template/report/counts";
import { isEntry } from "./entry";
import { reportFailure } from "./failure";
import { displayPath, githubGuard, timeBase } from "./runner";

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
      `Input '${DEPLOY_INPUTS.template}': ${path} cannot be read (${errorMessage(error)}). Give the template's path relative to the workspace, and check out the repository (actions/checkout) before this step.`,
    );
  }
}

/** Shown on the change set in the console, so a reviewer can tell which commit it came from. */
function changeSetDescription(context: EventContext): string | undefined {
  const commit = context.sha.slice(0, 7);
  if (context.prNumber !== undefined) return `PR #${context.prNumber}${commit ? ` at ${commit}` : ""}`;
  return commit ? `Commit ${commit}` : undefined;
}

/** Whether this run checks the template with the validate rules before deploying. */
export function validatesTemplate(inputs: Pick<DeployInputs, "validate" | "mode">): boolean {
  return inputs.validate && inputs.mode !== "execute-change-set";
}

/** Runs the template rules; returns false (after annotating) when errors should stop the deploy. */
async function validateTemplate(inputs: DeployInputs, workspace: string): Promise<boolean> {
  const { findings } = await checkTemplates([inputs.template], { workspace, input: DEPLOY_INPUTS.template });
  for (const finding of findings) {
    const { level, message, properties } = toAnnotation(finding);
    if (level === "error") core.error(message, properties);
    else if (level === "warning") core.warning(message, properties);
    else core.notice(message, properties);
  }
  const counts = countFindings(findings);
  if (counts.errors === 0) return true;
  core.setFailed(
    `The template ${inputs.template} has ${counts.errors} ${counts.errors === 1 ? "error" : "errors"} (annotated above), so nothing was deployed. Fix them, or set ${DEPLOY_INPUTS.validate}: false to let CloudFormation judge the template.`,
  );
  return false;
}

const github = githubGuard("The deploy result");

function closedNotice(context: EventContext, stackName: string, why: string): void {
  core.notice(
    `Pull request #${context.prNumber} is closed (${why}), so preview ${stackName} is not deployed: a closed pull request's preview is only ever removed (by the teardown action). Run this step on opened, synchronize and reopened only, e.g. \`if: github.event.action != 'closed'\`.`,
  );
  core.setOutput(DEPLOY_OUTPUTS.stackName, stackName);
}

/** The PR's state as GitHub has it now: a run queued before the close still sees the open PR's event. */
async function pullRequestIsClosed(octokit: Octokit, context: EventContext): Promise<boolean | undefined> {
  return github("read the pull request's state", async () => {
    const { data } = await octokit.rest.pulls.get({
      owner: context.owner,
      repo: context.repo,
      pull_number: context.prNumber as number,
    });
    return data.state === "closed";
  });
}

/** The runner's cancel: SIGINT, then SIGTERM a few seconds later, then a kill. */
const CANCEL_SIGNALS = ["SIGINT", "SIGTERM"] as const;
/** What a cancel may spend on GitHub before the process exits, well inside the runner's grace. */
const CANCEL_BUDGET_MS = 4_000;

/**
 * Everything this run tells GitHub about the deploy, with every text cleaned of secrets first:
 * the deployment's statuses and the sticky comment. Shared by the normal end, the cancel handler
 * and the post step, so each says the same thing the same way.
 */
class GitHubReporter {
  constructor(
    private readonly octokit: Octokit | undefined,
    private readonly context: EventContext,
    private readonly inputs: Pick<DeployInputs, "comment" | "environment">,
    private readonly info: ReportInfo,
    private readonly redactor: Redactor,
    public deploymentId: number | undefined,
  ) {}

  async finish(state: "success" | "failure" | "error", description: string, environmentUrl?: string) {
    const { octokit, deploymentId } = this;
    if (deploymentId === undefined || !octokit) return;
    await github("update the deployment status", () =>
      finishDeployment(octokit, {
        owner: this.context.owner,
        repo: this.context.repo,
        id: deploymentId,
        state,
        environmentUrl,
        logUrl: this.context.runUrl,
        description: this.redactor.redact(description),
      }),
    );
  }

  async comment(stackName: string, body: string) {
    const { octokit, context } = this;
    if (!this.inputs.comment || context.prNumber === undefined || !octokit) return;
    const number = context.prNumber;
    const comment = await github("write the pull request comment", () =>
      upsertComment(octokit, {
        owner: context.owner,
        repo: context.repo,
        issueNumber: number,
        stackName,
        body: this.redactor.redact(body),
        log: (line) => core.info(line),
      }),
    );
    if (comment) core.info(`Pull request comment ${comment.action}: ${comment.url}`);
  }

  /** The deployment ends as `error` and the comment says why; used by the cancel handler and the post step. */
  async interrupted(stackName: string, how: Interruption) {
    await this.finish(
      "error",
      how === "cancelled"
        ? `Cancelled while deploying ${stackName}`
        : `Stopped before deploying ${stackName} finished`,
    );
    await this.comment(stackName, renderInterrupted(stackName, this.info, how, commentMarker(stackName)));
  }
}

function reportInfo(context: EventContext, environment: string | undefined): ReportInfo {
  const commitUrl = `${(process.env.GITHUB_SERVER_URL ?? "https://github.com").replace(/\/+$/, "")}/${context.repository}/commit/${context.sha}`;
  return {
    commit: context.sha ? { sha: context.sha, url: commitUrl } : undefined,
    runUrl: context.runUrl,
    environment,
  };
}

/**
 * On the runner's cancel, ends the deployment as `error` and says so in the comment, within
 * CANCEL_BUDGET_MS, then exits; the stack operation itself goes on in CloudFormation. Returns the
 * function that removes the handlers once the run has reported on its own.
 */
function onCancel(reporter: GitHubReporter, stackName: string): () => void {
  let cancelling = false;
  const handler = (signal: NodeJS.Signals) => {
    if (cancelling) return;
    cancelling = true;
    core.info(`Received ${signal}: the run was cancelled. Reporting it on GitHub, then stopping.`);
    const budget = new Promise<void>((resolve) => setTimeout(resolve, CANCEL_BUDGET_MS).unref());
    void Promise.race([reporter.interrupted(stackName, "cancelled"), budget]).finally(() => {
      core.saveState(DEPLOY_STATE.reported, "true");
      core.setFailed(
        `The run was cancelled while deploying ${stackName}. A stack operation that had started goes on in CloudFormation; check the stack's events, or run again.`,
      );
      process.exit(1);
    });
  };
  for (const signal of CANCEL_SIGNALS) process.on(signal, handler);
  return () => {
    for (const signal of CANCEL_SIGNALS) process.off(signal, handler);
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
    octokit,
    context,
    inputs,
    reportInfo(context, inputs.environment),
    new Redactor(),
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
  if (inputs.preview && octokit && (await pullRequestIsClosed(octokit, context))) {
    closedNotice(context, inputs.stackName, "GitHub reports it closed");
    return;
  }
  const parameterOverrides = options.beforeDeploy
    ? await options.beforeDeploy(inputs)
    : inputs.parameterOverrides;

  const cfn = createCloudFormationClient({ region });
  const s3 = createS3Client({ region });
  const info = reportInfo(context, inputs.environment);
  const tracksDeployment =
    octokit !== undefined &&
    inputs.environment !== undefined &&
    inputs.mode !== "create-change-set" &&
    context.sha !== "";
  const deploymentId = tracksDeployment
    ? await github("create the deployment", () =>
        startDeployment(octokit, {
          owner: context.owner,
          repo: context.repo,
          ref: context.sha,
          environment: inputs.environment as string,
          transient: inputs.preview !== undefined,
          description: `Deploying ${inputs.stackName}`,
          logUrl: context.runUrl,
          payload: { stackName: inputs.stackName, region },
        }),
      )
    : undefined;
  const reporter = new GitHubReporter(octokit, context, inputs, info, redactor, deploymentId);
  // The post step finds what to end from here, should this step be killed before it reports.
  core.saveState(DEPLOY_STATE.stackName, inputs.stackName);
  if (deploymentId !== undefined) core.saveState(DEPLOY_STATE.deploymentId, String(deploymentId));
  const stopWatching = onCancel(reporter, inputs.stackName);

  // An unexpected error must not leave the deployment showing in progress.
  const deployed = await deployStack(
    {
      stackName: inputs.stackName,
      preview: inputs.preview,
      template: { file: templateFile, body, dir: dirname(resolve(workspace, inputs.template)) },
      parameterOverrides,
      tags: inputs.tags,
      capabilities: inputs.capabilities,
      roleArn: inputs.roleArn,
      region,
      artifactBucket: inputs.artifactBucket,
      artifactPrefix: inputs.artifactPrefix,
      s3Endpoint:
        process.env.AWS_ENDPOINT_URL_S3?.trim() || process.env.AWS_ENDPOINT_URL?.trim() || undefined,
      terminationProtection: inputs.terminationProtection,
      disableRollback: inputs.disableRollback,
      timeoutMinutes: inputs.timeoutMinutes,
      mode: inputs.mode,
      changeSetId: inputs.changeSetId,
      failOnEmptyChangeset: inputs.failOnEmptyChangeset,
      urlOutput: inputs.urlOutput,
      recreateFailed: inputs.recreateFailed,
      continueRollback: inputs.continueRollback,
      run: { id: context.runId, attempt: context.runAttempt },
      description: changeSetDescription(context),
    },
    {
      cfn,
      s3,
      clock: time.clock,
      sleep: time.sleep,
      log: (line) => core.info(line),
      maskSecret: (value) => {
        core.setSecret(value);
        redactor.add(value);
      },
      // The cost guard: only a new preview pays for listing the account's stacks.
      beforeCreate:
        inputs.preview && inputs.mode === "deploy"
          ? async () => {
              const previews = await listLivePreviews(cfn, context.repository);
              core.info(
                `${previews.length} live previews in ${context.repository} (max-previews: ${inputs.maxPreviews}).`,
              );
              return previewLimitMessage(
                previews,
                inputs.stackName,
                inputs.maxPreviews,
                DEPLOY_INPUTS.maxPreviews,
              );
            }
          : undefined,
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

  await reporter.finish(
    result.ok ? "success" : "failure",
    result.ok
      ? `${result.stackName}: ${result.status ?? result.outcome}`
      : (result.failure?.message ?? "failed"),
    result.url ?? result.consoleUrl,
  );
  await reporter.comment(result.stackName, renderComment(result, info));
  if (process.env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(redactor.redact(renderSummary(result, info))).write();
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
