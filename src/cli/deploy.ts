/**
 * `preview-stacks deploy`: the deploy action from a terminal. The options are the action's inputs;
 * `--pr N --repo owner/name` deploys that pull request's preview, named and tagged as the action
 * names and tags it. The template rules run first, then deployStack with the stack events as live
 * progress. With a GitHub token (and only then) the pull request is checked to be open and its
 * sticky comment is written.
 */
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { createCloudFormationClient, createS3Client } from "../aws/clients";
import { renderComment, upsertComment } from "../github/comment";
import { pullRequestStatus } from "../github/pulls";
import { DEPLOY_INPUTS, DEPLOY_OUTPUTS, type DeployInputs, readDeployInputs } from "../inputs";
import { type DeployResult, deployStack } from "../stack/deploy";
import { renderChangesMarkdown } from "../stack/diff";
import { writePackagedTemplate } from "../stack/package";
import { listLivePreviews, previewLimitMessage } from "../stack/previews";
import { realSleep } from "../stack/runtime";
import { checkTemplates } from "../template/check";
import { countFindings } from "../template/report/counts";
import { renderText } from "../template/report/text";
import {
  awsRegion,
  environment,
  GITHUB_TOKEN_HELP,
  githubStep,
  localRun,
  octokitFor,
  PR_OPTION,
  REPO_OPTION,
  runLog,
  splitRepository,
  stackTarget,
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
  const { findings } = await checkTemplates([inputs.template], { workspace: io.cwd, input: "--template" });
  if (findings.length > 0) io.stderr(`${renderText(findings)}\n`);
  const { errors } = countFindings(findings);
  if (errors === 0) return true;
  io.stderr(
    `preview-stacks: the template has ${errors} ${errors === 1 ? "error" : "errors"} (above), so nothing was deployed. Fix them, or pass --no-validate to let CloudFormation judge it.\n`,
  );
  return false;
}

function readInputs(parsed: ParsedArgs, io: CliIo): { inputs: DeployInputs; token: string; repo?: string } {
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
  return { inputs: readDeployInputs(read, context), token, repo };
}

async function run(parsed: ParsedArgs, io: CliIo): Promise<number> {
  const { inputs, token, repo } = readInputs(parsed, io);
  const env = environment(io);
  if (inputs.validate && inputs.mode !== "execute-change-set" && !(await templateIsValid(inputs, io)))
    return 1;
  const file = resolve(io.cwd, inputs.template);
  let body: string;
  try {
    body = await readFile(file, "utf8");
  } catch (error) {
    io.stderr(
      `preview-stacks: --template cannot be read (${(error as NodeJS.ErrnoException).code ?? "unreadable"}); give the template's path relative to the current directory.\n`,
    );
    return 1;
  }
  const region = await awsRegion(parsed, env, "deploy");
  const clock = () => Date.now();
  const { log, redactor, stop } = runLog(io, `deploy ${inputs.stackName}`, clock);
  const github =
    token !== "" && repo !== undefined
      ? { octokit: octokitFor(token, log), ...splitRepository(repo) }
      : undefined;
  const step = githubStep(log);
  const preview = inputs.preview;

  if (github && preview) {
    const state = await step("read the pull request's state", () =>
      pullRequestStatus(github.octokit, { owner: github.owner, repo: github.repo, number: preview.pr }),
    );
    if (state?.state === "closed" || state?.state === "merged") {
      stop();
      io.stderr(
        `preview-stacks: pull request #${preview.pr} is ${state.state}, so its preview ${inputs.stackName} is not deployed; remove it with 'preview-stacks teardown --pr ${preview.pr}'.\n`,
      );
      return 1;
    }
  }

  const cfn = createCloudFormationClient({ region });
  const s3 = createS3Client({ region });
  let result: DeployResult;
  try {
    const deployed = await deployStack(
      {
        stackName: inputs.stackName,
        preview,
        template: { file: inputs.template, body, dir: dirname(file) },
        parameterOverrides: inputs.parameterOverrides,
        tags: inputs.tags,
        capabilities: inputs.capabilities,
        roleArn: inputs.roleArn,
        region,
        artifactBucket: inputs.artifactBucket,
        artifactPrefix: inputs.artifactPrefix,
        s3Endpoint: env.AWS_ENDPOINT_URL_S3?.trim() || env.AWS_ENDPOINT_URL?.trim() || undefined,
        terminationProtection: inputs.terminationProtection,
        disableRollback: inputs.disableRollback,
        timeoutMinutes: inputs.timeoutMinutes,
        mode: inputs.mode,
        changeSetId: inputs.changeSetId,
        failOnEmptyChangeset: inputs.failOnEmptyChangeset,
        urlOutput: inputs.urlOutput,
        recreateFailed: inputs.recreateFailed,
        continueRollback: inputs.continueRollback,
        run: localRun(clock),
        description: preview ? `PR #${preview.pr} from the command line` : "From the command line",
      },
      {
        cfn,
        s3,
        clock,
        sleep: realSleep,
        log,
        maskSecret: (value) => redactor.add(value),
        // Only a new preview pays for listing the account's stacks.
        beforeCreate:
          preview && inputs.mode === "deploy"
            ? async () =>
                previewLimitMessage(
                  await listLivePreviews(cfn, preview.repository),
                  inputs.stackName,
                  inputs.maxPreviews,
                  "--max-previews",
                )
            : undefined,
      },
    );
    result = redactor.size > 0 ? redactor.redactDeep(deployed) : deployed;
  } catch (error) {
    // The error is reported below the log, so the status line goes first.
    stop();
    throw error;
  } finally {
    cfn.destroy();
    s3.destroy();
  }
  for (const warning of result.warnings) log(`Warning: ${warning}`);
  const packagedTemplate =
    result.packagedTemplate === undefined
      ? file
      : await writePackagedTemplate(
          join(tmpdir(), "preview-stacks"),
          inputs.template,
          result.packagedTemplate,
        );

  if (github && preview && inputs.comment) {
    const body = redactor.redact(renderComment(result, { environment: inputs.environment }));
    const comment = await step("write the pull request comment", () =>
      upsertComment(github.octokit, {
        owner: github.owner,
        repo: github.repo,
        issueNumber: preview.pr,
        stackName: result.stackName,
        body,
        log,
      }),
    );
    if (comment) log(`Pull request comment ${comment.action}: ${comment.url}`);
  }
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
