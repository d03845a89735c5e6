/**
 * The deploy action: reads the inputs, refuses forks, validates the template, applies the
 * max-previews guard, deploys the stack through a change set, and reports the result as step
 * outputs, a sticky PR comment, a GitHub Deployment, a job summary and an annotation at the
 * failing resource. GitHub API trouble is a warning: it never hides or changes the deploy result.
 */
import { readFileSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import * as core from "@actions/core";
import { getOctokit } from "@actions/github";
import {
  createCloudFormationClient,
  createS3Client,
  resolveRegion,
  usesCustomEndpoint,
} from "../aws/clients";
import { errorMessage } from "../aws/errors";
import { type Octokit, renderComment, upsertComment } from "../github/comment";
import { type EventContext, readEventContext } from "../github/context";
import { finishDeployment, startDeployment } from "../github/deployments";
import { listLivePreviews, previewLimitMessage } from "../github/previews";
import type { ReportInfo } from "../github/report";
import { renderSummary } from "../github/summary";
import { DEPLOY_INPUTS, DEPLOY_OUTPUTS, type DeployInputs, readDeployInputs } from "../inputs";
import { type DeployResult, deployStack } from "../stack/deploy";
import { renderChangesMarkdown } from "../stack/diff";
import { type Clock, realSleep, type Sleep } from "../stack/runtime";
import { checkTemplates } from "../template/check";
import { toAnnotation } from "../template/report/annotations";
import { countFindings } from "../template/report/counts";
import { reportFailure } from "./failure";

/**
 * PREVIEW_STACKS_TIME_SCALE=N makes the action's clock run N times faster and its sleeps N times
 * shorter, from the real instant PREVIEW_STACKS_TIME_ORIGIN (epoch ms; default: now). The end-to-end
 * tests use it against the local fake, whose simulated clock runs at the same rate, so polling,
 * backoff and timeout-minutes behave exactly as in production, only compressed. It is honoured
 * only with AWS_ENDPOINT_URL set, so it can never shorten a wait against real AWS.
 */
export function timeBase(
  env: NodeJS.ProcessEnv,
  warn: (message: string) => void,
): { clock: Clock; sleep: Sleep } {
  const real = { clock: () => Date.now(), sleep: realSleep };
  const raw = env.PREVIEW_STACKS_TIME_SCALE?.trim();
  if (!raw) return real;
  const scale = Number(raw);
  if (!usesCustomEndpoint(env, "CLOUDFORMATION")) {
    warn(
      "PREVIEW_STACKS_TIME_SCALE is ignored: it is for tests against a local AWS endpoint, and AWS_ENDPOINT_URL is not set.",
    );
    return real;
  }
  if (!Number.isFinite(scale) || scale < 1) {
    warn(`PREVIEW_STACKS_TIME_SCALE '${raw}' is not a number of at least 1; real time is used.`);
    return real;
  }
  const origin = Number(env.PREVIEW_STACKS_TIME_ORIGIN) || Date.now();
  return {
    clock: () => Math.floor(origin + (Date.now() - origin) * scale),
    sleep: (ms) => realSleep(ms / scale),
  };
}

/** Step outputs cannot tell `Url` from `url`, so a stack Output that shadows one of ours is skipped. */
const RESERVED_OUTPUTS = new Set(Object.values(DEPLOY_OUTPUTS).map((name) => name.toLowerCase()));

function writeOutputs(result: DeployResult): void {
  core.setOutput(DEPLOY_OUTPUTS.stackName, result.stackName);
  core.setOutput(DEPLOY_OUTPUTS.stackId, result.stackId ?? "");
  core.setOutput(DEPLOY_OUTPUTS.status, result.status ?? "");
  core.setOutput(DEPLOY_OUTPUTS.changeSetId, result.changeSetId ?? "");
  core.setOutput(DEPLOY_OUTPUTS.hasChanges, String(result.hasChanges));
  core.setOutput(DEPLOY_OUTPUTS.changesJson, JSON.stringify(result.changes));
  core.setOutput(DEPLOY_OUTPUTS.changesMarkdown, renderChangesMarkdown(result.changes, result.security));
  core.setOutput(DEPLOY_OUTPUTS.outputsJson, JSON.stringify(result.outputs));
  core.setOutput(DEPLOY_OUTPUTS.url, result.url ?? "");
  for (const [key, value] of Object.entries(result.outputs)) {
    if (RESERVED_OUTPUTS.has(key.toLowerCase())) {
      core.warning(
        `Stack Output '${key}' has the name of one of the action's outputs, so it is only in outputs-json. Rename the Output to get it as a step output of its own.`,
      );
      continue;
    }
    core.setOutput(key, value);
  }
}

/** The template path as annotations need it: relative to the workspace. */
function displayPath(workspace: string, file: string): string {
  const absolute = isAbsolute(file) ? file : resolve(workspace, file);
  const rel = relative(workspace, absolute);
  return rel.startsWith("..") ? absolute : rel;
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

async function github<T>(what: string, call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    core.warning(
      `Could not ${what} on GitHub: ${errorMessage(error)}. The deploy result is unaffected; check that the workflow grants the permission (pull-requests: write, deployments: write) and that github-token is set.`,
    );
    return undefined;
  }
}

export async function run(): Promise<void> {
  try {
    const context = readEventContext();
    const inputs = readDeployInputs((name) => core.getInput(name), {
      eventName: context.eventName,
      repository: context.repository,
      prNumber: context.prNumber,
    });
    if (context.isFork && !inputs.allowForks) {
      core.setFailed(forkMessage(context));
      return;
    }
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
    const templateFile = displayPath(workspace, inputs.template);
    if (inputs.validate && inputs.mode !== "execute-change-set") {
      if (!(await validateTemplate(inputs, workspace))) return;
    }
    const body = readTemplateFile(workspace, inputs.template);

    const region = resolveRegion();
    const cfn = createCloudFormationClient({ region });
    const s3 = createS3Client({ region });
    const time = timeBase(process.env, (message) => core.warning(message));

    const octokit: Octokit | undefined = inputs.githubToken ? getOctokit(inputs.githubToken) : undefined;
    const commitUrl = `${(process.env.GITHUB_SERVER_URL ?? "https://github.com").replace(/\/+$/, "")}/${context.repository}/commit/${context.sha}`;
    const info: ReportInfo = {
      commit: context.sha ? { sha: context.sha, url: commitUrl } : undefined,
      runUrl: context.runUrl,
      environment: inputs.environment,
    };
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

    const finish = async (state: "success" | "failure", description: string, environmentUrl?: string) => {
      if (deploymentId === undefined || !octokit) return;
      await github("update the deployment status", () =>
        finishDeployment(octokit, {
          owner: context.owner,
          repo: context.repo,
          id: deploymentId,
          state,
          environmentUrl,
          logUrl: context.runUrl,
          description,
        }),
      );
    };

    // An unexpected error must not leave the deployment showing in progress.
    const result = await deployStack(
      {
        stackName: inputs.stackName,
        preview: inputs.preview,
        template: { file: templateFile, body },
        parameterOverrides: inputs.parameterOverrides,
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
        maskSecret: (value) => core.setSecret(value),
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
      await finish("failure", errorMessage(error));
      throw error;
    });

    writeOutputs(result);
    for (const warning of result.warnings) core.warning(warning);

    await finish(
      result.ok ? "success" : "failure",
      result.ok
        ? `${result.stackName}: ${result.status ?? result.outcome}`
        : (result.failure?.message ?? "failed"),
      result.url ?? result.consoleUrl,
    );
    if (inputs.comment && context.prNumber !== undefined && octokit) {
      const number = context.prNumber;
      const comment = await github("write the pull request comment", () =>
        upsertComment(octokit, {
          owner: context.owner,
          repo: context.repo,
          issueNumber: number,
          stackName: result.stackName,
          body: renderComment(result, info),
        }),
      );
      if (comment) core.info(`Pull request comment ${comment.action}: ${comment.url}`);
    }
    if (process.env.GITHUB_STEP_SUMMARY) {
      await core.summary.addRaw(renderSummary(result, info)).write();
    }

    if (!result.ok) {
      const location = result.failure?.location ?? result.rootCause?.location;
      if (location && result.failure) {
        core.error(result.failure.message, {
          title: result.rootCause
            ? `${result.rootCause.logicalId} ${result.rootCause.status}`
            : "Deploy failed",
          file: location.file,
          startLine: location.line,
        });
      }
      core.setFailed(result.failure?.message ?? `Stack ${result.stackName} failed.`);
    }
    cfn.destroy();
    s3.destroy();
  } catch (error) {
    reportFailure(error);
  }
}

await run();
