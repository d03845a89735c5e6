import { readFile as fsReadFile } from "node:fs/promises";
import {
  CancelUpdateStackCommand,
  DescribeChangeSetCommand,
  type DescribeChangeSetCommandOutput,
  DescribeStacksCommand,
  GetTemplateCommand,
  type Parameter,
  type Stack,
  type Tag,
  UpdateTerminationProtectionCommand,
} from "@aws-sdk/client-cloudformation";
import { AwsActionableError, describeAwsError, errorMessage } from "../aws/errors";
import type { Clock } from "../clock";
import { InputError } from "../errors";
import type { LambdaLike } from "../layer/function-limit-check";
import {
  createChangeSet,
  deleteChangeSet,
  deleteReviewStack,
  executeChangeSet,
  listChanges,
  waitForChangeSet,
} from "./changeset";
import type { RootCause } from "./diagnose";
import {
  NO_SECURITY_CHANGES,
  type ResourceChangeSummary,
  renderChangeLines,
  type SecurityChanges,
  securityChanges,
  summarizeChanges,
} from "./diff";
import { changeSetName } from "./naming";
import { checkNoop } from "./noop";
import { rootCauseSentence, stoppedWaiting, type WatchOutcome, watchOperation } from "./operation";
import { consoleUrl, previewUrl, stackOutputs } from "./outputs";
import {
  localCodeSizes,
  type PackageDeps,
  type PackagedArtifact,
  PackageError,
  type PackagePlan,
  planPackage,
  runPackage,
  templateDir,
} from "./package";
import {
  describeParameters,
  MASK,
  noEchoValues,
  ParameterError,
  type ParameterOverrides,
  readParameterOverrides,
  resolveParameters,
  type TemplateParameter,
  templateParameters,
} from "./parameters";
import { preflight, StackStateError } from "./preflight";
import {
  type CfnClient,
  counting,
  type Log,
  type Random,
  type Runtime,
  type S3Like,
  type Sleep,
} from "./runtime";
import { mergeTags, type PreviewIdentity, previewTags, ReservedTagError } from "./tags";
import {
  type LoadedTemplate,
  loadTemplate,
  plainTemplate,
  requireArtifactBucket,
  TemplateError,
  templateLocation,
} from "./template-source";
import { type Backoff, isSuccessStatus, unreachableMessage } from "./wait";

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
  /**
   * The template as read from disk; `file` is the path used in messages and annotations, `dir` the
   * directory its local paths are relative to (default: the directory of `file`).
   */
  template: { file: string; body: string; dir?: string };
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
  /** Needed only when the template is over 51,200 bytes or has local paths to package. */
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
  /** The zipper used for packaging local code; replaceable in tests. */
  zip?: PackageDeps["zip"];
  /**
   * Reads layer versions' unzipped sizes (GetLayerVersionByArn) for the check of each function and
   * its layers against Lambda's limit; without it, layers given by ARN count as unknown.
   */
  lambda?: LambdaLike;
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
  /** The template as deployed when packaging replaced local paths; undefined when it had none. */
  packagedTemplate: string | undefined;
  /** The local paths packaged, with their S3 keys. */
  packaged: PackagedArtifact[];
  timings: DeployTimings;
  /** Requests made through the clients (the SDK's own retries inside one request are not counted). */
  awsCalls: number;
  awsCallsByOperation: Record<string, number>;
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
  if (error instanceof PackageError) {
    return { kind: "template", message: error.message, location: error.location };
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

function emptyResult(options: DeployOptions, startedAt: number, tally: Record<string, number>): DeployResult {
  return {
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
    packagedTemplate: undefined,
    packaged: [],
    timings: { startedAt, finishedAt: startedAt, preflightMs: 0, changeSetMs: 0, executeMs: 0, totalMs: 0 },
    awsCalls: 0,
    awsCallsByOperation: tally,
  };
}

/** What the prepare phase works out before any AWS call. */
interface Prepared {
  template: LoadedTemplate;
  declared: TemplateParameter[];
  overrides: ParameterOverrides;
  tags: Tag[];
  capabilities: string[];
  /** Local paths to package (checked to exist); undefined in execute-change-set mode. */
  plan?: PackagePlan;
}

type ChangeSetRef = { id: string; stackName: string };

/**
 * One deploy, as named phases over shared state: prepare (template, parameters, tags, local paths
 * checked: no AWS call), preflight (the stack's state, other operations waited out), package (local
 * code uploaded, only when the template has some), the change set (created,
 * computed and inspected, or the no-op path), execute, watch (the shared stack-operation watch),
 * and collect (the result). Each phase records what it learns in `result`; expected failures are
 * thrown as errors that `deployStack` turns into `result.failure`.
 */
class DeployRun {
  readonly result: DeployResult;
  private readonly cfn: CfnClient;
  private readonly s3: S3Like | undefined;
  private readonly runtime: Runtime;
  private readonly deadline: number;
  readonly marks = { preflightMs: 0, changeSetMs: 0, executeMs: 0 };
  template: LoadedTemplate | undefined;
  /** A change set this run made that must be deleted should the run fail before executing it. */
  pendingChangeSet: ChangeSetRef | undefined;
  /** The stack this run's CREATE change set made, until the change set is executed or kept for review. */
  private reviewStack: { id: string; name: string } | undefined;

  constructor(
    private readonly options: DeployOptions,
    private readonly deps: DeployDeps,
    readonly tally: Record<string, number>,
  ) {
    this.cfn = counting(deps.cfn, tally);
    this.s3 = deps.s3 ? counting(deps.s3, tally) : undefined;
    this.runtime = { clock: deps.clock, sleep: deps.sleep, log: deps.log, random: deps.random };
    const startedAt = deps.clock();
    this.deadline = startedAt + options.timeoutMinutes * 60_000;
    this.result = emptyResult(options, startedAt, tally);
  }

  private log(line: string): void {
    this.deps.log(line);
  }

  private warn(message: string): void {
    this.result.warnings.push(message);
    this.log(`Warning: ${message}`);
  }

  /** Records a stack as last read: its id, status, outputs and links. */
  private settle(stack: Stack | undefined): void {
    if (!stack) return;
    const { result, options } = this;
    result.stackId = stack.StackId ?? result.stackId;
    result.status = stack.StackStatus ?? result.status;
    result.outputs = stackOutputs(stack);
    if (result.stackId) result.consoleUrl = consoleUrl(options.region, result.stackId);
    const url = previewUrl(result.outputs, options.urlOutput);
    result.url = url.url;
    if (url.warning && isSuccessStatus(result.status ?? "")) this.warn(url.warning);
  }

  private timed<T>(mark: keyof DeployRun["marks"], phase: () => Promise<T>): Promise<T> {
    const start = this.deps.clock();
    return phase().finally(() => {
      this.marks[mark] += this.deps.clock() - start;
    });
  }

  private succeed(outcome: DeployOutcome): DeployResult {
    this.result.ok = true;
    this.result.outcome = outcome;
    return this.result;
  }

  private fail(failure: DeployFailure): DeployResult {
    this.result.failure = failure;
    return this.result;
  }

  // --- phase 1: prepare -----------------------------------------------------------------------

  /** Everything that can be checked without AWS, so bad inputs cost no calls. */
  async prepare(): Promise<Prepared> {
    const { options, deps } = this;
    const template = loadTemplate(options.template.file, options.template.body);
    this.template = template;
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
    const capabilities = withAutoExpand(options.capabilities, template, this.runtime.log);
    // A missing local path fails here, before any AWS call or upload.
    const plan =
      options.mode === "execute-change-set"
        ? undefined
        : await planPackage({
            file: options.template.file,
            body: options.template.body,
            dir: options.template.dir ?? templateDir(options.template.file),
          });
    return { template, declared, overrides, tags, capabilities, plan };
  }

  // --- phase 1b: package ----------------------------------------------------------------------

  /**
   * Uploads the template's local code and nested templates and swaps in their S3 locations. A
   * template without local paths is returned as it was, with no AWS call.
   */
  async package(prepared: Prepared, existing?: Stack): Promise<Prepared> {
    const { options, result } = this;
    await this.checkFunctionLimits(prepared, existing);
    if (!prepared.plan || prepared.plan.artifacts.length === 0) return prepared;
    const packaged = await runPackage(
      prepared.plan,
      {
        bucket: options.artifactBucket,
        prefix: options.artifactPrefix,
        region: options.region,
        endpoint: options.s3Endpoint,
        bucketInput: "artifact-bucket",
      },
      { s3: this.s3, log: this.runtime.log, zip: this.deps.zip },
    );
    result.packaged = packaged.artifacts;
    result.packagedTemplate = packaged.body;
    if (packaged.rewrittenAsJson) {
      this.warn(
        "A local path could not be replaced in the template's own text, so the packaged template is written as JSON.",
      );
    }
    const template = loadTemplate(options.template.file, packaged.body);
    requireArtifactBucket(template, options.artifactBucket, options.region);
    this.template = template;
    return { ...prepared, template };
  }

  /**
   * Lambda's limit on a function with all its layers (262,144,000 bytes unzipped), checked before
   * anything is uploaded: local code measured, layer versions' sizes read back from their
   * descriptions, parameters as the stack will get them. Parts of unknown size are named in a note.
   */
  private async checkFunctionLimits(prepared: Prepared, existing: Stack | undefined): Promise<void> {
    const { options } = this;
    if (!prepared.plan) return;
    const parameters: Record<string, string | undefined> = {};
    for (const p of prepared.declared) parameters[p.key] = p.defaultValue;
    for (const p of existing?.Parameters ?? []) {
      if (p.ParameterKey && p.ParameterValue !== undefined && p.ParameterValue !== MASK) {
        parameters[p.ParameterKey] = p.ParameterValue;
      }
    }
    for (const [key, value] of prepared.overrides) parameters[key] = value;
    const { checkFunctionLimits, unknownNote } = await import("../layer/function-limit-check");
    const checked = await checkFunctionLimits({
      file: options.template.file,
      root: prepared.template.root,
      parameters,
      local: await localCodeSizes(prepared.plan),
      lambda: this.deps.lambda,
    });
    if (checked.message) {
      throw new PackageError(`${checked.message}\nNothing was uploaded.`, {
        file: options.template.file,
        line: checked.over[0].line,
      });
    }
    const note = unknownNote(checked);
    if (note) this.log(note);
  }

  // --- phase 2: preflight ---------------------------------------------------------------------

  async preflight() {
    const { options } = this;
    const pre = await preflight(
      this.cfn,
      {
        stackName: options.stackName,
        preview: options.preview !== undefined,
        recreateFailed: options.recreateFailed ?? false,
        continueRollback: options.continueRollback ?? false,
        roleArn: options.roleArn,
        deadline: this.deadline,
        backoff: this.deps.backoff,
      },
      this.runtime,
    );
    this.result.recreated = pre.recreated;
    this.result.waitedForOtherOperation = pre.waitedForOther;
    if (pre.stack) this.settle(pre.stack);
    return pre;
  }

  // --- phase 3: the change set ----------------------------------------------------------------

  /** Creates the change set and waits for CloudFormation to compute it. */
  async createChangeSet(
    prepared: Prepared,
    existing: Stack | undefined,
    inReview: boolean,
    parameters: Parameter[],
  ) {
    const { options, result } = this;
    const location = await templateLocation(
      prepared.template,
      options.stackName,
      {
        bucket: options.artifactBucket,
        prefix: options.artifactPrefix,
        region: options.region,
        endpoint: options.s3Endpoint,
      },
      this.s3,
    );
    const name = changeSetName(options.run.id, options.run.attempt);
    const creating = existing === undefined;
    const made = await createChangeSet(this.cfn, {
      stackName: options.stackName,
      changeSetName: name,
      type: creating ? "CREATE" : "UPDATE",
      template: location,
      parameters,
      tags: prepared.tags,
      capabilities: prepared.capabilities,
      roleArn: options.roleArn,
      description: options.description,
    });
    const ref = { id: made.id, stackName: options.stackName };
    this.pendingChangeSet = ref;
    if (creating && !inReview) this.reviewStack = { id: made.stackId, name: options.stackName };
    result.changeSetId = made.id;
    result.changeSetName = name;
    result.stackId = made.stackId;
    result.created = creating;
    this.log(
      `Created change set ${name} (${creating ? "CREATE" : "UPDATE"}); waiting for CloudFormation to compute it.`,
    );
    return { ref, name, state: await waitForChangeSet(this.cfn, ref, this.deadline, this.runtime) };
  }

  /** Deletes the change set, and the empty stack it created, when the change set is not going to run. */
  async discardChangeSet(ref: ChangeSetRef): Promise<void> {
    await deleteChangeSet(this.cfn, ref, this.runtime.log);
    this.pendingChangeSet = undefined;
    if (this.reviewStack) await deleteReviewStack(this.cfn, this.reviewStack, this.runtime.log);
    this.reviewStack = undefined;
  }

  /** The change set is kept: executed, or left for review. */
  private keepChangeSet(): void {
    this.pendingChangeSet = undefined;
    this.reviewStack = undefined;
  }

  /** A template as GetTemplate returns it, or undefined (with a warning) when it cannot be read. */
  async readTemplate(input: { StackName: string } | { ChangeSetName: string }, what: string) {
    try {
      const response = await this.cfn.send(new GetTemplateCommand({ ...input, TemplateStage: "Original" }));
      return response.TemplateBody;
    } catch (error) {
      this.warn(`The ${what} could not be read for the IAM diff (${errorMessage(error)}).`);
      return undefined;
    }
  }

  /**
   * Logs the change set's changes and works out its IAM and security-group changes between the
   * deployed template (undefined: nothing deployed yet) and the proposed one (by default the
   * template this run read; null when it could not be read, which skips the IAM diff).
   */
  async inspectChanges(
    ref: ChangeSetRef,
    first: DescribeChangeSetCommandOutput | undefined,
    deployedTemplate: string | undefined,
    proposedTemplate?: string | null,
  ): Promise<void> {
    const { result, template } = this;
    result.changes = summarizeChanges(await listChanges(this.cfn, ref, first));
    result.hasChanges = result.changes.length > 0;
    for (const line of renderChangeLines(result.changes)) this.log(line);
    if (!template || proposedTemplate === null) return;
    try {
      const old =
        deployedTemplate === undefined ? undefined : plainTemplate(deployedTemplate, "deployed template");
      const proposed =
        proposedTemplate === undefined
          ? template.plain
          : plainTemplate(proposedTemplate, "change set's template");
      result.security = await (this.deps.securityDiff ?? securityChanges)(old, proposed ?? {});
    } catch (error) {
      this.warn(
        `IAM and security-group changes could not be worked out (${errorMessage(error)}); review the changes above.`,
      );
    }
  }

  // --- phases 4 and 5: execute, then watch ----------------------------------------------------

  async executeAndWatch(ref: ChangeSetRef, since: number): Promise<DeployResult> {
    const { options, result } = this;
    const outcome = await this.timed("executeMs", async () => {
      await executeChangeSet(this.cfn, ref, {
        disableRollback: options.disableRollback ?? false,
        clientRequestToken: result.changeSetName,
      });
      this.keepChangeSet();
      this.log(`Executing change set ${result.changeSetName ?? ref.id} on stack ${options.stackName}.`);
      return watchOperation(
        this.cfn,
        {
          stack: result.stackId ?? options.stackName,
          since,
          deadline: this.deadline,
          template: this.template,
          backoff: this.deps.backoff,
        },
        this.runtime,
      );
    });
    return this.collect(outcome);
  }

  /** Termination protection cannot be set through a change set, so it is applied once the stack exists. */
  async applyTerminationProtection(stack: Stack | undefined): Promise<void> {
    const wanted = this.options.terminationProtection;
    if (wanted === undefined || (stack?.EnableTerminationProtection ?? false) === wanted) return;
    try {
      await this.cfn.send(
        new UpdateTerminationProtectionCommand({
          StackName: stack?.StackId ?? this.options.stackName,
          EnableTerminationProtection: wanted,
        }),
      );
      this.log(
        `Termination protection ${wanted ? "enabled" : "disabled"} on stack ${this.options.stackName}.`,
      );
    } catch (error) {
      throw describeAwsError(error, {
        action: "cloudformation:UpdateTerminationProtection",
        stackName: this.options.stackName,
      });
    }
  }

  // --- phase 6: collect -----------------------------------------------------------------------

  /** The watched operation's end as the result: deployed, timed out, unreachable, or failed with its root cause. */
  private async collect(outcome: WatchOutcome): Promise<DeployResult> {
    const { options, result } = this;
    this.settle(outcome.stack);
    result.status = outcome.status;
    if (outcome.timedOut) {
      let note = "";
      // Nothing is cancelled blind: while AWS cannot be reached, the stack's state is unknown.
      if (options.preview && CANCELLABLE.has(outcome.status) && !outcome.unreachable) {
        try {
          await this.cfn.send(
            new CancelUpdateStackCommand({ StackName: result.stackId ?? options.stackName }),
          );
          note = " The update was cancelled and will roll back.";
        } catch (error) {
          note = ` Cancelling the update failed too (${errorMessage(error)}).`;
        }
      }
      return this.fail(
        stoppedWaiting(outcome, {
          stackName: options.stackName,
          timeoutMinutes: options.timeoutMinutes,
          deadline: this.deadline,
          note,
          advice:
            "Raise timeout-minutes if the deployment needs longer, and check the stack events for a resource that is stuck.",
        }),
      );
    }
    if (!outcome.succeeded) {
      result.rootCause = outcome.rootCause;
      return this.fail({
        kind: "stack-failed",
        message: `Stack ${options.stackName} ended in ${outcome.status}.${rootCauseSentence(outcome.rootCause)} Fix it in the template or parameters and push again; the stack events above show every step.`,
        location: outcome.rootCause?.location,
      });
    }
    await this.applyTerminationProtection(outcome.stack);
    return this.succeed("deployed");
  }

  // --- the two paths through the phases -------------------------------------------------------

  /** deploy and create-change-set: prepare, preflight, the change set (or the no-op path), execute, watch. */
  async deploy(): Promise<DeployResult> {
    const { options, result } = this;
    const planned = await this.prepare();
    const pre = await this.timed("preflightMs", () => this.preflight());
    const existing = pre.stack;

    // Before packaging: a refused create uploads nothing.
    if (existing === undefined && this.deps.beforeCreate) {
      const refusal = await this.deps.beforeCreate();
      if (refusal) throw new CreateRefusedError(refusal);
    }
    // The no-op check compares the packaged template with the deployed one, so packaging comes first.
    const prepared = await this.package(planned, existing);

    const parameters = resolveParameters(prepared.overrides, prepared.declared, existing?.Parameters);
    result.parameters = describeParameters(parameters, prepared.declared);
    if (result.parameters.length > 0) this.log(`Parameters: ${result.parameters.join(", ")}`);

    const changeSetStart = this.deps.clock();
    let deployedTemplate: string | undefined;
    if (existing && options.mode === "deploy") {
      const check = await checkNoop(this.cfn, {
        stack: existing,
        templateBody: prepared.template.body,
        declared: prepared.declared,
        parameters,
        tags: prepared.tags,
        roleArn: options.roleArn,
      });
      deployedTemplate = check.deployedTemplate;
      if (check.noop) {
        this.log(
          `Stack ${options.stackName} already runs this template with these parameters and tags: no changes.`,
        );
        await this.applyTerminationProtection(existing);
        this.marks.changeSetMs = this.deps.clock() - changeSetStart;
        return this.succeed("no-changes");
      }
      this.log(`Creating a change set: ${check.reason}.`);
    }

    const { ref, name, state } = await this.createChangeSet(
      prepared,
      existing,
      pre.inReview ?? false,
      parameters,
    );
    if (state.state === "empty") {
      await this.discardChangeSet(ref);
      result.changeSetId = undefined;
      this.marks.changeSetMs = this.deps.clock() - changeSetStart;
      await this.applyTerminationProtection(existing);
      this.log(`The change set had no changes (${state.reason}); it was deleted.`);
      if (options.failOnEmptyChangeset) {
        return this.fail({
          kind: "empty-change-set",
          message: `Stack ${options.stackName} has no changes to deploy, and fail-on-empty-changeset is true. Set it to false to let an unchanged deployment pass.`,
        });
      }
      return this.succeed("no-changes");
    }
    if (state.state === "failed" || state.state === "timed-out") {
      await this.discardChangeSet(ref);
      this.marks.changeSetMs = this.deps.clock() - changeSetStart;
      if (state.state === "timed-out" && state.unreachable) {
        return this.fail({
          kind: "unreachable",
          message: unreachableMessage(
            `change set ${name} of stack ${options.stackName}`,
            state.unreachable,
            { status: state.status, of: "change set" },
            this.deadline,
          ),
        });
      }
      const reason =
        state.state === "failed"
          ? state.reason
          : `it was still ${state.status} when timeout-minutes (${options.timeoutMinutes}) ran out`;
      const located = locateMessage(reason, prepared.template);
      return this.fail({
        kind: state.state === "failed" ? "change-set" : "timeout",
        message: `Change set ${name} for stack ${options.stackName} failed: ${reason}${located ? ` (${located.file} line ${located.line})` : ""}. Fix the template or inputs and push again.`,
        location: located,
      });
    }

    if (existing && deployedTemplate === undefined) {
      deployedTemplate = await this.readTemplate(
        { StackName: existing.StackId ?? options.stackName },
        "deployed template",
      );
    }
    await this.inspectChanges(ref, state.description, deployedTemplate);
    this.marks.changeSetMs = this.deps.clock() - changeSetStart;

    if (options.mode === "create-change-set") {
      this.keepChangeSet();
      this.log(
        `Change set ${name} is ready for review; run again with mode: execute-change-set and change-set-id: ${ref.id}.`,
      );
      return this.succeed("change-set-created");
    }
    return this.executeAndWatch(ref, state.description.CreationTime?.getTime() ?? changeSetStart);
  }

  /** execute-change-set: prepare, the reviewed change set inspected again, execute, watch. */
  async executeReviewed(): Promise<DeployResult> {
    const { options, result } = this;
    await this.prepare();
    const { description, current, creating } = await this.timed("preflightMs", async () => {
      const id = options.changeSetId ?? "";
      let description: DescribeChangeSetCommandOutput;
      try {
        description = await this.cfn.send(
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
        await this.cfn.send(
          new DescribeStacksCommand({ StackName: description.StackId ?? options.stackName }),
        )
      ).Stacks?.[0];
      return { description, current, creating: current?.StackStatus === "REVIEW_IN_PROGRESS" };
    });
    result.created = creating;
    const ref = { id: result.changeSetId as string, stackName: options.stackName };
    await this.timed("changeSetMs", async () => {
      // The diff is between what the change set will deploy and what runs now (a stack still in
      // review has nothing deployed), not the template in this checkout, which may have moved on.
      const proposed = await this.readTemplate({ ChangeSetName: ref.id }, "change set's template");
      const deployed =
        current && !creating
          ? await this.readTemplate({ StackName: current.StackId ?? options.stackName }, "deployed template")
          : undefined;
      await this.inspectChanges(ref, description, deployed, proposed ?? null);
    });
    return this.executeAndWatch(ref, description.CreationTime?.getTime() ?? this.deps.clock());
  }
}

export async function deployStack(options: DeployOptions, deps: DeployDeps): Promise<DeployResult> {
  const tally: Record<string, number> = {};
  const run = new DeployRun(options, deps, tally);
  const { result } = run;
  const startedAt = result.timings.startedAt;
  try {
    return options.mode === "execute-change-set" ? await run.executeReviewed() : await run.deploy();
  } catch (error) {
    result.failure = failureFrom(error, run.template);
    result.ok = false;
    if (run.pendingChangeSet) await run.discardChangeSet(run.pendingChangeSet);
    return result;
  } finally {
    const finishedAt = deps.clock();
    result.timings = { startedAt, finishedAt, ...run.marks, totalMs: finishedAt - startedAt };
    result.awsCalls = Object.values(tally).reduce((a, b) => a + b, 0);
    if (result.failure) {
      result.ok = false;
      result.outcome = "failed";
    }
  }
}
