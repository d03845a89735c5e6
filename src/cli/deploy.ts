/**
 * `preview-stacks deploy`: the deploy action from a terminal. The options are the action's inputs;
 * `--pr N --repo owner/name` deploys that pull request's preview, named and tagged as the action
 * names and tags it. The template rules run first, then deployStack with the stack events as live
 * progress. With a GitHub token and --repo (and only then) GitHub is told as the action tells it
 * (GitHubReporter): the pull request is checked to be open, and the GitHub Deployment with its
 * statuses and the sticky comment are written.
 */
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { errorMessage } from "../aws/errors";
import { lazyLambdaClient } from "../aws/lazy-lambda";
import {
  type DeployTarget,
  GitHubReporter,
  onCancel,
  pullRequestNow,
  reportInfo,
} from "../github/deploy-reporter";
import { DEPLOY_INPUTS, DEPLOY_OUTPUTS, type DeployInputs, readDeployInputs } from "../inputs";
import { type DeployResult, deployStack } from "../stack/deploy";
import { renderChangesMarkdown } from "../stack/diff";
import { writePackagedTemplate } from "../stack/package";
import { previewGuard } from "../stack/previews";
import { deployOptions } from "../stack/requests";
import { checkBeforeDeploy, validatesTemplate } from "../template/deploy-check";
import { renderText } from "../template/report/text";
import {
  awsRegion,
  environment,
  GITHUB_TOKEN_HELP,
  githubWarnings,
  localRun,
  octokitFor,
  PR_OPTION,
  REPO_OPTION,
  runLog,
  runTime,
  splitRepository,
  stackTarget,
  withStackClients,
} from "./context";
import {
  ABOUT_AWS,
  type CliIo,
  type Command,
  type CommandOption,
  commonOptions,
  flagValue,
  inputOptions,
  inputReader,
  jsonDocument,
  type ParsedArgs,
  readTemplateOption,
  stringValue,
  UsageError,
} from "./options";

type InputName = (typeof DEPLOY_INPUTS)[keyof typeof DEPLOY_INPUTS];

const INPUT_OPTIONS: Record<InputName, Omit<CommandOption, "name">> = {
  template: { kind: "string", value: "FILE", help: "the template to deploy" },
  "stack-name": {
    kind: "string",
    value: "NAME",
    help: "the stack to deploy (not with --pr: the preview's name)",
  },
  preview: {
    kind: "string",
    value: "auto|true|false",
    help: "deploy a preview (auto: with --pr and no --stack-name)",
  },
  "stack-prefix": {
    kind: "string",
    value: "PREFIX",
    help: "preview names are PREFIX-pr-N (default: the repository's name)",
  },
  "parameter-overrides": { kind: "list", value: "KEY=VALUE", help: "a template parameter" },
  tags: { kind: "list", value: "KEY=VALUE", help: "a stack tag" },
  capabilities: {
    kind: "list",
    value: "CAPABILITY",
    help: "a capability to acknowledge (default: CAPABILITY_IAM)",
  },
  "role-arn": { kind: "string", value: "ARN", help: "the role CloudFormation assumes" },
  "artifact-bucket": {
    kind: "string",
    value: "BUCKET",
    help: "S3 bucket for local code and large templates",
  },
  "artifact-prefix": { kind: "string", value: "PREFIX", help: "key prefix in the artifact bucket" },
  "termination-protection": {
    kind: "string",
    value: "true|false",
    help: "set termination protection after the deploy",
  },
  "disable-rollback": { kind: "flag", help: "leave a failed create or update as it failed" },
  "timeout-minutes": { kind: "string", value: "N", help: "minutes to wait (1-1440, default 60)" },
  mode: {
    kind: "string",
    value: "MODE",
    help: "deploy, create-change-set or execute-change-set (default: deploy)",
  },
  "change-set-id": {
    kind: "string",
    value: "ID",
    help: "the change set to execute (mode execute-change-set)",
  },
  "fail-on-empty-changeset": { kind: "flag", help: "fail when there is nothing to change" },
  "url-output": { kind: "string", value: "OUTPUT", help: "the stack Output that holds the preview URL" },
  comment: {
    kind: "string",
    value: "true|false",
    help: "write the pull request comment (needs a token; default: on for previews)",
  },
  environment: {
    kind: "string",
    value: "NAME",
    help: "GitHub environment name shown in the comment (default: pr-N)",
  },
  "github-token": { kind: "string", value: "TOKEN", help: GITHUB_TOKEN_HELP },
  validate: { kind: "negatable", help: "run the template rules first (default: on)" },
  "recreate-failed": { kind: "flag", help: "recreate a stack left in ROLLBACK_COMPLETE" },
  "continue-rollback": { kind: "flag", help: "continue a stack's UPDATE_ROLLBACK_FAILED first" },
  "allow-forks": {
    kind: "flag",
    help: "accepted for the action's sake; a laptop deploy has no fork to refuse",
  },
  "max-previews": {
    kind: "string",
    value: "N",
    help: "most live previews of the repository (1-1000, default 20)",
  },
};

/** Every output of the action, typed: the JSON outputs hold their value, not a string of it. */
function outputs(result: DeployResult, packagedTemplate: string): Record<string, unknown> {
  return {
    ok: result.ok,
    outcome: result.outcome,
    [DEPLOY_OUTPUTS.stackName]: result.stackName,
    [DEPLOY_OUTPUTS.stackId]: result.stackId ?? "",
    [DEPLOY_OUTPUTS.status]: result.status ?? "",
    [DEPLOY_OUTPUTS.changeSetId]: result.changeSetId ?? "",
    [DEPLOY_OUTPUTS.hasChanges]: result.hasChanges,
    [DEPLOY_OUTPUTS.changesJson]: result.changes,
    [DEPLOY_OUTPUTS.changesMarkdown]: renderChangesMarkdown(result.changes, result.security),
    [DEPLOY_OUTPUTS.outputsJson]: result.outputs,
    [DEPLOY_OUTPUTS.url]: result.url ?? "",
    [DEPLOY_OUTPUTS.packagedTemplate]: packagedTemplate,
    ...(result.failure ? { error: result.failure.message } : {}),
  };
}

function textReport(result: DeployResult): string {
  const lines = [`${result.stackName}: ${result.status ?? "no stack"} (${result.outcome})`];
  if (result.url) lines.push(`URL: ${result.url}`);
  if (result.changeSetId && result.outcome === "change-set-created")
    lines.push(`Change set: ${result.changeSetId}`);
  const keys = Object.keys(result.outputs);
  if (keys.length > 0) lines.push("Outputs:", ...keys.map((key) => `  ${key}: ${result.outputs[key]}`));
  return `${lines.join("\n")}\n`;
}

/** The template rules, as the action runs them first: findings to stderr, false when errors stop the deploy. */
async function templateIsValid(inputs: DeployInputs, io: CliIo): Promise<boolean> {
  const { findings, refusal } = await checkBeforeDeploy(inputs.template, {
    workspace: io.cwd,
    input: "--template",
    shown: "listed above",
    skip: "pass --no-validate",
    stackName: inputs.stackName,
    parameterOverrides: inputs.parameterOverrides,
  });
  if (findings.length > 0) io.stderr(`${renderText(findings)}\n`);
  if (refusal) io.stderr(`preview-stacks: ${refusal}\n`);
  return refusal === undefined;
}

function readInputs(
  parsed: ParsedArgs,
  io: CliIo,
): { inputs: DeployInputs; token: string; repo?: string; pr?: number } {
  const whyRepo =
    stringValue(parsed, "pr") !== undefined
      ? "a preview is named after the repository and tagged with it."
      : undefined;
  const { pr, repo, token, context } = stackTarget(parsed, io, "deploy", whyRepo);
  if (pr === undefined && stringValue(parsed, DEPLOY_INPUTS.preview) === "true") {
    throw new UsageError(
      "option '--preview true' of deploy needs --pr NUMBER: a preview belongs to a pull request.",
      "deploy",
    );
  }
  const read = inputReader(command, parsed, { [DEPLOY_INPUTS.githubToken]: token });
  return { inputs: readDeployInputs(read, context), token, repo, pr };
}

async function run(parsed: ParsedArgs, io: CliIo): Promise<number> {
  const { inputs, token, repo, pr } = readInputs(parsed, io);
  const env = environment(io);
  if (validatesTemplate(inputs) && !(await templateIsValid(inputs, io))) return 1;
  const file = resolve(io.cwd, inputs.template);
  const body = await readTemplateOption(io, file);
  if (body === undefined) return 1;
  const region = await awsRegion(parsed, env, "deploy");
  const { clock, sleep, scale } = runTime(io);
  const runLogged = runLog(io, `deploy ${inputs.stackName}`, clock);
  const { log, redactor, stop } = runLogged;
  const guard = githubWarnings("The deploy result", log);
  const github =
    token !== "" && repo !== undefined
      ? { octokit: octokitFor(token, log, scale), ...splitRepository(repo) }
      : undefined;
  const preview = inputs.preview;

  // The deployment names the pull request's head commit, as the action's does; a named stack's is
  // the commit CI gives in GITHUB_SHA, and none (so no deployment) on a laptop.
  let sha = preview ? "" : env.GITHUB_SHA?.trim() || "";
  if (github && preview) {
    const pull = await pullRequestNow(github.octokit, { ...github, number: preview.pr }, guard);
    if (pull?.closed) {
      stop();
      io.stderr(
        `preview-stacks: pull request #${preview.pr} is closed, so its preview ${inputs.stackName} is not deployed; remove it with 'preview-stacks teardown --pr ${preview.pr}'.\n`,
      );
      return 1;
    }
    sha = pull?.headSha ?? "";
  }
  const target: DeployTarget = {
    repository: repo ?? "",
    owner: github?.owner ?? "",
    repo: github?.repo ?? "",
    prNumber: pr,
    sha,
    runUrl: "",
  };
  const reporter = await GitHubReporter.start(
    {
      octokit: github?.octokit,
      target,
      comment: inputs.comment,
      info: reportInfo(target, inputs.environment, env),
      redactor,
      guard,
      log,
    },
    {
      stackName: inputs.stackName,
      region,
      environment: inputs.environment,
      mode: inputs.mode,
      preview: preview !== undefined,
    },
  );

  // Ctrl-C ends the GitHub Deployment as `error` and says so in the comment before exiting.
  const stopWatching = onCancel(reporter, inputs.stackName, {
    log,
    stop: (message) => {
      stop();
      io.stderr(`preview-stacks: ${message}\n`);
      process.exit(1);
    },
  });
  const deployed = await withStackClients(
    region,
    runLogged,
    ({ cfn, s3 }) =>
      deployStack(
        deployOptions(
          inputs,
          {
            template: { file: inputs.template, body, dir: dirname(file) },
            parameterOverrides: inputs.parameterOverrides,
            region,
            run: localRun(clock),
            description: preview ? `PR #${preview.pr} from the command line` : "From the command line",
          },
          env,
        ),
        {
          cfn,
          s3,
          lambda: lazyLambdaClient({ region }),
          clock,
          sleep,
          log,
          maskSecret: (value) => redactor.add(value),
          beforeCreate: previewGuard(cfn, {
            preview,
            mode: inputs.mode,
            stackName: inputs.stackName,
            maxPreviews: inputs.maxPreviews,
            input: "--max-previews",
            log,
          }),
        },
      ),
    // An unexpected error must not leave the deployment showing in progress.
    (error) => {
      stopWatching();
      return reporter.finish("failure", errorMessage(error));
    },
  );
  stopWatching();
  const result = redactor.size > 0 ? redactor.redactDeep(deployed) : deployed;
  for (const warning of result.warnings) log(`Warning: ${warning}`);
  const packagedTemplate =
    result.packagedTemplate === undefined
      ? file
      : await writePackagedTemplate(
          join(tmpdir(), "preview-stacks"),
          inputs.template,
          result.packagedTemplate,
        );

  await reporter.report(result);
  stop();
  if (!result.ok)
    io.stderr(`preview-stacks: ${result.failure?.message ?? `stack ${result.stackName} failed.`}\n`);
  io.stdout(flagValue(parsed, "json") ? jsonDocument(outputs(result, packagedTemplate)) : textReport(result));
  return result.ok ? 0 : 1;
}

export const command: Command = {
  name: "deploy",
  summary: "deploy a stack, or a pull request's preview (--pr), through a change set",
  synopsis: [
    "preview-stacks deploy --template FILE --pr NUMBER --repo OWNER/NAME [options]",
    "preview-stacks deploy --template FILE --stack-name NAME [options]",
  ],
  about: [
    "Validates the template, packages local code (with --artifact-bucket), creates and executes a change set, and streams the stack events. The options are the deploy action's inputs.",
    `Exit codes: 0 deployed (or nothing to change), 1 the deploy failed, 2 usage error.\n${ABOUT_AWS}`,
  ],
  options: [...inputOptions(INPUT_OPTIONS), PR_OPTION, REPO_OPTION, ...commonOptions()],
  run,
};
