import { readFile as fsReadFile } from "node:fs/promises";
import {
  CancelUpdateStackCommand,
  DescribeChangeSetCommand,
  type DescribeChangeSetCommandOutput,
  DescribeStacksCommand,
  GetTemplateCommand,
  type Stack,
  type Tag,
  UpdateTerminationProtectionCommand,
} from "@aws-sdk/client-cloudformation";
import { AwsActionableError, describeAwsError, errorMessage } from "../aws/errors";
import { InputError } from "../inputs";
import { parseTemplate, toPlain } from "../template/parse";
import {
  createChangeSet,
  deleteChangeSet,
  deleteReviewStack,
  executeChangeSet,
  listChanges,
  waitForChangeSet,
} from "./changeset";
import { describeRootCause, diagnose, type RootCause } from "./diagnose";
import {
  NO_SECURITY_CHANGES,
  type ResourceChangeSummary,
  renderChangeLines,
  type SecurityChanges,
  securityChanges,
  summarizeChanges,
} from "./diff";
import { StackEventPoller } from "./events";
import { changeSetName } from "./naming";
import { checkNoop } from "./noop";
import { consoleUrl, previewUrl, stackOutputs } from "./outputs";
import {
  describeParameters,
  noEchoValues,
  ParameterError,
  readParameterOverrides,
  resolveParameters,
  templateParameters,
} from "./parameters";
import { preflight, StackStateError } from "./preflight";
import type { CfnClient, Clock, Log, Random, S3Like, Sleep } from "./runtime";
import { mergeTags, type PreviewIdentity, previewTags, ReservedTagError } from "./tags";
import {
  type LoadedTemplate,
  loadTemplate,
  requireArtifactBucket,
  TemplateError,
  templateLocation,
} from "./template-source";
import { type Backoff, isSuccessStatus, unreachableMessage, waitForStack } from "./wait";

/**
 * The stack half of the deploy action: from a template and settings to a deployed (or
 * reviewed) stack, and a result object holding everything the action's outputs, the PR comment,
 * the deployment and the job summary need. Expected failures never throw: they come back as
 * `result.failure`, so a comment can still be written for a failed run.
 */

export const DEPLOY_MODES = ["deploy", "create-change-set", "execute-change-set"] as const;
export type DeployMode = (typeof DEPLOY_MODES)[number];

export interface DeployOptions {
  stackName: string;
  /** Set for preview stacks: adds the preview tags and lets a failed first create be re-created. */
  preview?: PreviewIdentity;
  /** The template as read from disk; `file` is the path used in messages and annotations. */
  template: { file: string; body: string };
  /** The raw parameter-overrides input: Key=Value lines, a YAML/JSON mapping or list, or a file path. */
  parameterOverrides?: string;
  /** The user's tags (ours are added for previews). */
  tags?: Tag[];
  capabilities: string[];
  roleArn?: string;
  region: string;
  artifactBucket?: string;
  artifactPrefix?: string;
  /** The S3 endpoint override, when requests go to a local endpoint; template URLs point there. */
  s3Endpoint?: string;
  /** undefined leaves an existing stack's setting alone (and creates without protection). */
  terminationProtection?: boolean;
  disableRollback?: boolean;
  timeoutMinutes: number;
  mode: DeployMode;
  /** The change set to run in execute-change-set mode (ARN, or name with stackName). */
  changeSetId?: string;
  failOnEmptyChangeset?: boolean;
  /** The stack Output that holds the preview URL. */
  urlOutput?: string;
  recreateFailed?: boolean;
  continueRollback?: boolean;
  /** Workflow run id and attempt, for a change set name unique to this run. */
  run: { id: string | number; attempt: number };
  /** Shown on the change set in the console, e.g. "PR #12 at 1a2b3c4". */
  description?: string;
}

export interface DeployDeps {
  cfn: CfnClient;
  /** Needed only when the template is over 51,200 bytes. */
  s3?: S3Like;
  clock: Clock;
  sleep: Sleep;
  log: Log;
  random?: Random;
  /** Reads a parameters file; defaults to the file system. */
  readFile?: (path: string) => Promise<string>;
  /**
   * Called with every value given for a NoEcho parameter (and each line of a multi-line one)
   * before anything is logged; the action masks it in the log and strips it from all it sends.
   */
  maskSecret?: (value: string) => void;
  /** Replaceable so tests of the state machine need not load the diff library. */
  securityDiff?: typeof securityChanges;
  backoff?: Backoff;
  /**
   * Asked once, when preflight has found no stack and this run is about to create one (the
   * max-previews cost guard). A returned message refuses the create; nothing is uploaded or created.
   */
  beforeCreate?: () => Promise<string | undefined>;
}

/** A new stack that `beforeCreate` refused. */
export class CreateRefusedError extends Error {}

export type DeployOutcome =
  /** The change set was executed and the stack reached CREATE_COMPLETE or UPDATE_COMPLETE. */
  | "deployed"
  /** Nothing to change (fast path or empty change set); the stack is as it was. */
  | "no-changes"
  /** create-change-set mode: the change set is ready for review and was not executed. */
  | "change-set-created"
  | "failed";

export type FailureKind =
  | "input"
  | "template"
  | "stack-state"
  | "change-set"
  | "empty-change-set"
  | "stack-failed"
  | "timeout"
  /** The deadline passed while AWS could not be reached: the stack's state is unknown. */
  | "unreachable"
  | "refused"
  | AwsActionableError["kind"];

export interface DeployFailure {
  kind: FailureKind;
  /** What happened, why, and what to do; the action passes it to setFailed. */
  message: string;
  /** Where in the template to annotate, when known. */
  location?: { file: string; line: number };
}

export interface DeployTimings {
  startedAt: number;
  finishedAt: number;
  /** Reading the stack and waiting out other operations. */
  preflightMs: number;
  /** Creating and waiting for the change set, and reading its changes. */
  changeSetMs: number;
  /** From ExecuteChangeSet to the final status. */
  executeMs: number;
  totalMs: number;
}

/**
 * Everything a renderer needs. All fields are set on every path; those that do not apply are
 * undefined, empty or false. Nothing in here holds a NoEcho value.
 */
export interface DeployResult {
  ok: boolean;
  outcome: DeployOutcome;
  mode: DeployMode;
  stackName: string;
  stackId: string | undefined;
  /** The stack's final status (e.g. UPDATE_COMPLETE, UPDATE_ROLLBACK_COMPLETE), undefined when there is no stack. */
  status: string | undefined;
  preview: PreviewIdentity | undefined;
  region: string;
  /** True when this run created the stack (a new stack, or a failed first create re-created). */
  created: boolean;
  recreated: boolean;
  waitedForOtherOperation: boolean;
  changeSetId: string | undefined;
  changeSetName: string | undefined;
  hasChanges: boolean;
  changes: ResourceChangeSummary[];
  security: SecurityChanges;
  /** Parameters as passed, NoEcho values masked: `Key=Value` lines. */
  parameters: string[];
  outputs: Record<string, string>;
  /** The url-output Output's value. */
  url: string | undefined;
  /** The stack in the CloudFormation console. */
  consoleUrl: string | undefined;
  rootCause: (RootCause & { location?: { file: string; line: number } }) | undefined;
  failure: DeployFailure | undefined;
  /** Things worth a warning annotation that did not fail the run. */
  warnings: string[];
  timings: DeployTimings;
  /** Requests made through the clients (the SDK's own retries inside one request are not counted). */
  awsCalls: number;
  awsCallsByOperation: Record<string, number>;
}

function operationName(command: unknown): string {
  const schema = (command as { schema?: unknown })?.schema;
  if (Array.isArray(schema) && typeof schema[2] === "string") return schema[2];
  return (command as object)?.constructor?.name?.replace(/Command$/, "") ?? "Unknown";
}

function counting<T extends { send: (...args: never[]) => unknown }>(
  client: T,
  tally: Record<string, number>,
): T {
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop !== "send") return Reflect.get(target, prop, receiver);
      return (command: unknown, ...rest: unknown[]) => {
        const name = operationName(command);
        tally[name] = (tally[name] ?? 0) + 1;
        return (target.send as (...args: unknown[]) => unknown)(command, ...rest);
      };
    },
  });
}

const CANCELLABLE = new Set(["UPDATE_IN_PROGRESS"]);

function withAutoExpand(capabilities: string[], template: LoadedTemplate, log: Log): string[] {
  if (!template.hasTransform || capabilities.includes("CAPABILITY_AUTO_EXPAND")) return capabilities;
  log("The template has a Transform, so CAPABILITY_AUTO_EXPAND is added to the capabilities.");
  return [...capabilities, "CAPABILITY_AUTO_EXPAND"];
}

/** Top-level sections a CloudFormation message may point into with a path. */
const TEMPLATE_PATH =
  /(?:^|[\s[('"#])\/?((?:Resources|Parameters|Outputs|Conditions|Mappings|Metadata|Rules|Globals)(?:[/.][A-Za-z0-9_:-]+)+)/;

/**
 * Where in the template a CloudFormation message points, so the error can be annotated: a template
 * path (`[/Resources/Api/Properties/Name]`, `Resources.Api.Properties`) to the line of the deepest
 * part the template has, else the first word that is a resource's logical id.
 */
export function locateMessage(
  message: string,
  template: LoadedTemplate,
): { file: string; line: number } | undefined {
  const path = TEMPLATE_PATH.exec(message)?.[1];
  const line = path ? template.pathLine(path.split(/[/.]/)) : undefined;
  if (line !== undefined) return { file: template.file, line };
  for (const word of message.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []) {
    const line = template.resourceLine(word);
    if (line !== undefined) return { file: template.file, line };
  }
  return undefined;
}

function failureFrom(error: unknown, template: LoadedTemplate | undefined): DeployFailure {
  if (error instanceof InputError || error instanceof ParameterError || error instanceof ReservedTagError) {
    return { kind: "input", message: error.message };
  }
  if (error instanceof TemplateError) return { kind: "template", message: error.message };
  if (error instanceof StackStateError) return { kind: "stack-state", message: error.message };
  if (error instanceof CreateRefusedError) return { kind: "refused", message: error.message };
  const actionable = error instanceof AwsActionableError ? error : describeAwsError(error, { action: "AWS" });
  const location =
    actionable.kind === "validation" && template ? locateMessage(actionable.message, template) : undefined;
  const where = location ? ` (${location.file} line ${location.line})` : "";
  return { kind: actionable.kind, message: `${actionable.message}${where}`, location };
}

/** A template body as a plain object, or undefined when it is empty. */
function plainTemplate(body: string, label: string): Record<string, unknown> | undefined {
  const parsed = parseTemplate(body, label);
  return parsed.root ? (toPlain(parsed.root) as Record<string, unknown>) : undefined;
}

export async function deployStack(options: DeployOptions, deps: DeployDeps): Promise<DeployResult> {
  const tally: Record<string, number> = {};
  const cfn = counting(deps.cfn, tally);
  const s3 = deps.s3 ? counting(deps.s3, tally) : undefined;
  const { clock, sleep, log, random } = deps;
  const runtime = { clock, sleep, log, random };
  const startedAt = clock();
  const deadline = startedAt + options.timeoutMinutes * 60_000;
  const marks = { preflightMs: 0, changeSetMs: 0, executeMs: 0 };

  const result: DeployResult = {
    ok: false,
    outcome: "failed",
    mode: options.mode,
    stackName: options.stackName,
    stackId: undefined,
    status: undefined,
    preview: options.preview,
    region: options.region,
    created: false,
    recreated: false,
    waitedForOtherOperation: false,
    changeSetId: undefined,
    changeSetName: undefined,
    hasChanges: false,
    changes: [],
    security: NO_SECURITY_CHANGES,
    parameters: [],
    outputs: {},
    url: undefined,
    consoleUrl: undefined,
    rootCause: undefined,
    failure: undefined,
    warnings: [],
    timings: { startedAt, finishedAt: startedAt, preflightMs: 0, changeSetMs: 0, executeMs: 0, totalMs: 0 },
    awsCalls: 0,
    awsCallsByOperation: tally,
  };
  const warn = (message: string) => {
    result.warnings.push(message);
    log(`Warning: ${message}`);
  };
  const settle = (stack: Stack | undefined) => {
    if (!stack) return;
    result.stackId = stack.StackId ?? result.stackId;
    result.status = stack.StackStatus ?? result.status;
    result.outputs = stackOutputs(stack);
    if (result.stackId) result.consoleUrl = consoleUrl(options.region, result.stackId);
    const url = previewUrl(result.outputs, options.urlOutput);
    result.url = url.url;
    if (url.warning && isSuccessStatus(result.status ?? "")) warn(url.warning);
  };

  let template: LoadedTemplate | undefined;
  let pendingChangeSet: { id: string; stackName: string } | undefined;
  /** The stack this run's CREATE change set made, until the change set is executed or kept for review. */
  let reviewStack: { id: string; name: string } | undefined;
  /** Deletes the change set, and the empty stack it created, when the change set is not going to run. */
  const discardChangeSet = async (ref: { id: string; stackName: string }) => {
    await deleteChangeSet(cfn, ref, log);
    pendingChangeSet = undefined;
    if (reviewStack) await deleteReviewStack(cfn, reviewStack, log);
    reviewStack = undefined;
  };
  try {
    // Everything that can be checked without AWS is checked first, so bad inputs cost no calls.
    template = loadTemplate(options.template.file, options.template.body);
    const declared = templateParameters(template.plain);
    const overrides = await readParameterOverrides(
      options.parameterOverrides ?? "",
      deps.readFile ?? ((path) => fsReadFile(path, "utf8")),
    );
    // Masked before anything else is logged or any message is built.
    for (const secret of noEchoValues(overrides, declared)) deps.maskSecret?.(secret);
    // Unknown names fail now; missing values wait for the deployed stack, which may hold them.
    resolveParameters(
      overrides,
      declared,
      declared.map((p) => ({ ParameterKey: p.key })),
    );
    const tags = mergeTags(options.preview ? previewTags(options.preview) : [], options.tags ?? []);
    requireArtifactBucket(template, options.artifactBucket, options.region);
    const capabilities = withAutoExpand(options.capabilities, template, log);

    const executeAndWait = async (ref: { id: string; stackName: string }, since: number) => {
      const executeStart = clock();
      await executeChangeSet(cfn, ref, {
        disableRollback: options.disableRollback ?? false,
        clientRequestToken: result.changeSetName,
      });
      pendingChangeSet = undefined;
      reviewStack = undefined;
      log(`Executing change set ${result.changeSetName ?? ref.id} on stack ${options.stackName}.`);
      const stack = result.stackId ?? options.stackName;
      const poller = new StackEventPoller(cfn, { stack, startTime: since });
      const waited = await waitForStack(cfn, { stack, deadline, poller, backoff: deps.backoff }, runtime);
      marks.executeMs = clock() - executeStart;
      settle(waited.stack);
      result.status = waited.status;
      if (waited.timedOut) {
        let cancelled = "";
        // Nothing is cancelled blind: while AWS cannot be reached, the stack's state is unknown.
        if (options.preview && CANCELLABLE.has(waited.status) && !waited.unreachable) {
          try {
            await cfn.send(new CancelUpdateStackCommand({ StackName: stack }));
            cancelled = " The update was cancelled and will roll back.";
          } catch (error) {
            cancelled = ` Cancelling the update failed too (${errorMessage(error)}).`;
          }
        }
        result.failure = waited.unreachable
          ? {
              kind: "unreachable",
              message: unreachableMessage(
                `stack ${options.stackName}`,
                waited.unreachable,
                { status: waited.status },
                deadline,
              ),
            }
          : {
              kind: "timeout",
              message: `Stack ${options.stackName} did not finish within timeout-minutes (${options.timeoutMinutes}); it is still ${waited.status}.${cancelled} Raise timeout-minutes if the deployment needs longer, and check the stack events for a resource that is stuck.`,
            };
        return;
      }
      if (!isSuccessStatus(waited.status)) {
        const cause = await diagnose(cfn, poller.history, since);
        const location = cause ? template?.resourceLine(cause.parentPath[0] ?? cause.logicalId) : undefined;
        result.rootCause = cause
          ? {
              ...cause,
              location:
                location !== undefined && template ? { file: template.file, line: location } : undefined,
            }
          : undefined;
        const why = cause ? ` Root cause: ${describeRootCause(cause)}.` : "";
        result.failure = {
          kind: "stack-failed",
          message: `Stack ${options.stackName} ended in ${waited.status}.${why} Fix it in the template or parameters and push again; the stack events above show every step.`,
          location: result.rootCause?.location,
        };
        return;
      }
      await applyTerminationProtection(waited.stack);
      result.ok = true;
      result.outcome = "deployed";
    };

    /** CreateChangeSet cannot set termination protection, so it is applied once the stack exists. */
    const applyTerminationProtection = async (stack: Stack | undefined) => {
      const wanted = options.terminationProtection;
      if (wanted === undefined || (stack?.EnableTerminationProtection ?? false) === wanted) return;
      try {
        await cfn.send(
          new UpdateTerminationProtectionCommand({
            StackName: stack?.StackId ?? options.stackName,
            EnableTerminationProtection: wanted,
          }),
        );
        log(`Termination protection ${wanted ? "enabled" : "disabled"} on stack ${options.stackName}.`);
      } catch (error) {
        throw describeAwsError(error, {
          action: "cloudformation:UpdateTerminationProtection",
          stackName: options.stackName,
        });
      }
    };

    /** A template as GetTemplate returns it, or undefined (with a warning) when it cannot be read. */
    const readTemplate = async (
      input: { StackName: string } | { ChangeSetName: string },
      what: string,
    ): Promise<string | undefined> => {
      try {
        const response = await cfn.send(new GetTemplateCommand({ ...input, TemplateStage: "Original" }));
        return response.TemplateBody;
      } catch (error) {
        warn(`The ${what} could not be read for the IAM diff (${errorMessage(error)}).`);
        return undefined;
      }
    };

    /**
     * Logs the change set's changes and works out its IAM and security-group changes between the
     * deployed template (undefined: nothing deployed yet) and the proposed one (by default the
     * template this run read; null when it could not be read, which skips the IAM diff).
     */
    const reportChanges = async (
      ref: { id: string; stackName: string },
      first: DescribeChangeSetCommandOutput | undefined,
      deployedTemplate: string | undefined,
      proposedTemplate?: string | null,
    ) => {
      result.changes = summarizeChanges(await listChanges(cfn, ref, first));
      result.hasChanges = result.changes.length > 0;
      for (const line of renderChangeLines(result.changes)) log(line);
      if (!template || proposedTemplate === null) return;
      try {
        const old =
          deployedTemplate === undefined ? undefined : plainTemplate(deployedTemplate, "deployed template");
        const proposed =
          proposedTemplate === undefined
            ? template.plain
            : plainTemplate(proposedTemplate, "change set's template");
        result.security = await (deps.securityDiff ?? securityChanges)(old, proposed ?? {});
      } catch (error) {
        warn(
          `IAM and security-group changes could not be worked out (${errorMessage(error)}); review the changes above.`,
        );
      }
    };

    if (options.mode === "execute-change-set") {
      const preflightStart = clock();
      const id = options.changeSetId ?? "";
      let description: DescribeChangeSetCommandOutput;
      try {
        description = await cfn.send(
          new DescribeChangeSetCommand({ ChangeSetName: id, StackName: options.stackName }),
        );
      } catch (error) {
        throw describeAwsError(error, {
          action: "cloudformation:DescribeChangeSet",
          stackName: options.stackName,
        });
      }
      result.changeSetId = description.ChangeSetId ?? id;
      result.changeSetName = description.ChangeSetName;
      result.stackId = description.StackId;
      if (description.Status !== "CREATE_COMPLETE" || description.ExecutionStatus !== "AVAILABLE") {
        throw new StackStateError(
          description.Status ?? "UNKNOWN",
          `Change set ${id} cannot be executed: it is ${description.Status}/${description.ExecutionStatus}${description.StatusReason ? ` (${description.StatusReason})` : ""}. Create a new one with mode: create-change-set.`,
        );
      }
      const current = (
        await cfn.send(new DescribeStacksCommand({ StackName: description.StackId ?? options.stackName }))
      ).Stacks?.[0];
      const creating = current?.StackStatus === "REVIEW_IN_PROGRESS";
      result.created = creating;
      marks.preflightMs = clock() - preflightStart;
      const ref = { id: result.changeSetId, stackName: options.stackName };
      const changeSetStart = clock();
      // The diff is between what the change set will deploy and what runs now (a stack still in
      // review has nothing deployed), not the template in this checkout, which may have moved on.
      const proposed = await readTemplate({ ChangeSetName: result.changeSetId }, "change set's template");
      const deployed =
        current && !creating
          ? await readTemplate({ StackName: current.StackId ?? options.stackName }, "deployed template")
          : undefined;
      await reportChanges(ref, description, deployed, proposed ?? null);
      marks.changeSetMs = clock() - changeSetStart;
      await executeAndWait(ref, description.CreationTime?.getTime() ?? clock());
      return result;
    }

    const preflightStart = clock();
    const pre = await preflight(
      cfn,
      {
        stackName: options.stackName,
        preview: options.preview !== undefined,
        recreateFailed: options.recreateFailed ?? false,
        continueRollback: options.continueRollback ?? false,
        roleArn: options.roleArn,
        deadline,
        backoff: deps.backoff,
      },
      runtime,
    );
    marks.preflightMs = clock() - preflightStart;
    result.recreated = pre.recreated;
    result.waitedForOtherOperation = pre.waitedForOther;
    const existing = pre.stack;
    if (existing) settle(existing);

    const parameters = resolveParameters(overrides, declared, existing?.Parameters);
    result.parameters = describeParameters(parameters, declared);
    if (result.parameters.length > 0) log(`Parameters: ${result.parameters.join(", ")}`);

    const changeSetStart = clock();
    let deployedTemplate: string | undefined;
    if (existing && options.mode === "deploy") {
      const check = await checkNoop(cfn, {
        stack: existing,
        templateBody: template.body,
        declared,
        parameters,
        tags,
        roleArn: options.roleArn,
      });
      deployedTemplate = check.deployedTemplate;
      if (check.noop) {
        log(
          `Stack ${options.stackName} already runs this template with these parameters and tags: no changes.`,
        );
        await applyTerminationProtection(existing);
        marks.changeSetMs = clock() - changeSetStart;
        result.ok = true;
        result.outcome = "no-changes";
        return result;
      }
      log(`Creating a change set: ${check.reason}.`);
    }

    if (existing === undefined && deps.beforeCreate) {
      const refusal = await deps.beforeCreate();
      if (refusal) throw new CreateRefusedError(refusal);
    }

    const location = await templateLocation(
      template,
      options.stackName,
      {
        bucket: options.artifactBucket,
        prefix: options.artifactPrefix,
        region: options.region,
        endpoint: options.s3Endpoint,
      },
      s3,
    );
    const name = changeSetName(options.run.id, options.run.attempt);
    const creating = existing === undefined;
    const ref0 = await createChangeSet(cfn, {
      stackName: options.stackName,
      changeSetName: name,
      type: creating ? "CREATE" : "UPDATE",
      template: location,
      parameters,
      tags,
      capabilities,
      roleArn: options.roleArn,
      description: options.description,
    });
    const ref = { id: ref0.id, stackName: options.stackName };
    pendingChangeSet = ref;
    if (creating && !pre.inReview) reviewStack = { id: ref0.stackId, name: options.stackName };
    result.changeSetId = ref0.id;
    result.changeSetName = name;
    result.stackId = ref0.stackId;
    result.created = creating;
    log(
      `Created change set ${name} (${creating ? "CREATE" : "UPDATE"}); waiting for CloudFormation to compute it.`,
    );

    const state = await waitForChangeSet(cfn, ref, deadline, runtime);
    if (state.state === "empty") {
      await discardChangeSet(ref);
      result.changeSetId = undefined;
      marks.changeSetMs = clock() - changeSetStart;
      await applyTerminationProtection(existing);
      log(`The change set had no changes (${state.reason}); it was deleted.`);
      if (options.failOnEmptyChangeset) {
        result.outcome = "failed";
        result.failure = {
          kind: "empty-change-set",
          message: `Stack ${options.stackName} has no changes to deploy, and fail-on-empty-changeset is true. Set it to false to let an unchanged deployment pass.`,
        };
        return result;
      }
      result.ok = true;
      result.outcome = "no-changes";
      return result;
    }
    if (state.state === "failed" || state.state === "timed-out") {
      const reason =
        state.state === "failed"
          ? state.reason
          : `it was still ${state.status} when timeout-minutes (${options.timeoutMinutes}) ran out`;
      await discardChangeSet(ref);
      marks.changeSetMs = clock() - changeSetStart;
      const located = locateMessage(reason, template);
      result.failure =
        state.state === "timed-out" && state.unreachable
          ? {
              kind: "unreachable",
              message: unreachableMessage(
                `change set ${name} of stack ${options.stackName}`,
                state.unreachable,
                { status: state.status, of: "change set" },
                deadline,
              ),
            }
          : {
              kind: state.state === "failed" ? "change-set" : "timeout",
              message: `Change set ${name} for stack ${options.stackName} failed: ${reason}${located ? ` (${located.file} line ${located.line})` : ""}. Fix the template or inputs and push again.`,
              location: located,
            };
      return result;
    }

    if (existing && deployedTemplate === undefined) {
      deployedTemplate = await readTemplate(
        { StackName: existing.StackId ?? options.stackName },
        "deployed template",
      );
    }
    await reportChanges(ref, state.description, deployedTemplate);
    marks.changeSetMs = clock() - changeSetStart;

    if (options.mode === "create-change-set") {
      pendingChangeSet = undefined;
      reviewStack = undefined;
      result.ok = true;
      result.outcome = "change-set-created";
      log(
        `Change set ${name} is ready for review; run again with mode: execute-change-set and change-set-id: ${ref0.id}.`,
      );
      return result;
    }
    await executeAndWait(ref, state.description.CreationTime?.getTime() ?? changeSetStart);
    return result;
  } catch (error) {
    result.failure = failureFrom(error, template);
    result.ok = false;
    result.outcome = "failed";
    if (pendingChangeSet) await discardChangeSet(pendingChangeSet);
    return result;
  } finally {
    const finishedAt = clock();
    result.timings = { startedAt, finishedAt, ...marks, totalMs: finishedAt - startedAt };
    result.awsCalls = Object.values(tally).reduce((a, b) => a + b, 0);
    if (result.failure) result.outcome = "failed";
  }
}
