/**
 * Every input and output name of every action, and their parsing and validation, in one place.
 * No other module spells an input or output name. Parsers take a `read(name)` function so they
 * are pure and testable; the action entries pass `core.getInput`.
 */

export type ReadInput = (name: string) => string;

import { InputError } from "./errors";

export { InputError };

/** Splits a list input on newlines and commas, trimming blanks away. */
export function splitList(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** Accepts the same spellings as the toolkit's getBooleanInput (YAML 1.2 core schema). */
export function parseBoolean(input: string, value: string, fallback: boolean): boolean {
  if (value === "") return fallback;
  if (["true", "True", "TRUE"].includes(value)) return true;
  if (["false", "False", "FALSE"].includes(value)) return false;
  throw new InputError(input, "the value is not a boolean; use true or false.");
}

export function parseChoice<T extends string>(
  input: string,
  value: string,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === "") return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(
    input,
    `the value is not one of the allowed values; use one of: ${allowed.join(", ")}.`,
  );
}

// ---------------------------------------------------------------------------------------------
// validate

export const VALIDATE_INPUTS = {
  templates: "templates",
  failOn: "fail-on",
  ignoreRules: "ignore-rules",
  sarifFile: "sarif-file",
  allowEmpty: "allow-empty",
  stackName: "stack-name",
  parameterOverrides: "parameter-overrides",
} as const;

export const VALIDATE_OUTPUTS = {
  errors: "errors",
  warnings: "warnings",
  files: "files",
  sarifFile: "sarif-file",
} as const;

export const FAIL_ON = ["error", "warning", "never"] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** A rule id (E3002) or an id prefix (W, E30) as ignore-rules accepts it. */
const RULE_ID_PATTERN = /^[EWI]\d{0,4}$/;

export interface ValidateInputs {
  templates: string[];
  failOn: FailOn;
  ignoreRules: string[];
  sarifFile: string | undefined;
  allowEmpty: boolean;
  /** The name the templates are deployed as: names built from AWS::StackName are judged with it (E3944). */
  stackName: string | undefined;
  /**
   * The values the deploy passes for the template's parameters, as deploy's parameter-overrides
   * takes them (read by stack/parameters.ts): a Ref to one is judged with its value (E3946).
   */
  parameterOverrides: string;
}

export function parseFailOn(value: string, input: string = VALIDATE_INPUTS.failOn): FailOn {
  return parseChoice(input, value.trim(), FAIL_ON, "error");
}

export function parseIgnoreRules(value: string, input: string = VALIDATE_INPUTS.ignoreRules): string[] {
  const ids = splitList(value).flatMap((item) => item.split(/\s+/));
  ids.forEach((id, index) => {
    if (!RULE_ID_PATTERN.test(id)) {
      throw new InputError(
        input,
        `item ${index + 1} is not a rule id; use ids like E3002 or W2001, or a prefix like W or E30, separated by commas or newlines.`,
      );
    }
  });
  return ids;
}

export function readValidateInputs(read: ReadInput): ValidateInputs {
  const templates = splitList(read(VALIDATE_INPUTS.templates));
  if (templates.length === 0) {
    throw new InputError(
      VALIDATE_INPUTS.templates,
      "no template given; name one or more files or globs (e.g. template.yaml or templates/**/*.yaml), separated by newlines or commas.",
    );
  }
  const sarif = read(VALIDATE_INPUTS.sarifFile).trim();
  return {
    templates,
    failOn: parseFailOn(read(VALIDATE_INPUTS.failOn)),
    ignoreRules: parseIgnoreRules(read(VALIDATE_INPUTS.ignoreRules)),
    sarifFile: sarif === "" ? undefined : sarif,
    allowEmpty: parseBoolean(VALIDATE_INPUTS.allowEmpty, read(VALIDATE_INPUTS.allowEmpty).trim(), false),
    stackName: parseStackName(read(VALIDATE_INPUTS.stackName)),
    parameterOverrides: read(VALIDATE_INPUTS.parameterOverrides),
  };
}

/** An optional stack name, as validate's stack-name (or `input`) gives it; undefined when empty. */
export function parseStackName(value: string, input: string = VALIDATE_INPUTS.stackName): string | undefined {
  const name = value.trim();
  if (name === "") return undefined;
  if (!isValidStackName(name)) throw new InputError(input, NOT_A_STACK_NAME);
  return name;
}

// ---------------------------------------------------------------------------------------------
// deploy

import { isValidStackName, previewStackName } from "./stack/naming";

export const DEPLOY_INPUTS = {
  template: "template",
  stackName: "stack-name",
  preview: "preview",
  stackPrefix: "stack-prefix",
  parameterOverrides: "parameter-overrides",
  tags: "tags",
  capabilities: "capabilities",
  roleArn: "role-arn",
  artifactBucket: "artifact-bucket",
  artifactPrefix: "artifact-prefix",
  terminationProtection: "termination-protection",
  disableRollback: "disable-rollback",
  timeoutMinutes: "timeout-minutes",
  mode: "mode",
  changeSetId: "change-set-id",
  failOnEmptyChangeset: "fail-on-empty-changeset",
  urlOutput: "url-output",
  comment: "comment",
  environment: "environment",
  githubToken: "github-token",
  validate: "validate",
  recreateFailed: "recreate-failed",
  continueRollback: "continue-rollback",
  allowForks: "allow-forks",
  maxPreviews: "max-previews",
} as const;

/** Besides these, every stack Output is set as a step output under its own key. */
export const DEPLOY_OUTPUTS = {
  stackId: "stack-id",
  stackName: "stack-name",
  status: "status",
  changeSetId: "change-set-id",
  hasChanges: "has-changes",
  changesJson: "changes-json",
  changesMarkdown: "changes-markdown",
  outputsJson: "outputs-json",
  url: "url",
  packagedTemplate: "packaged-template",
} as const;

/**
 * What the deploy step hands to its own post step (runs.post) through the runner's state file, so
 * a run that was killed before it could report still ends its GitHub deployment and comment.
 */
export const DEPLOY_STATE = {
  isPost: "is-post",
  deploymentId: "deployment-id",
  stackName: "stack-name",
  /** Set once the deploy has reported its result, or the cancel handler has reported the cancel. */
  reported: "reported",
} as const;

export const PREVIEW_CHOICES = ["auto", "true", "false"] as const;
export const DEPLOY_MODE_CHOICES = ["deploy", "create-change-set", "execute-change-set"] as const;
export const CAPABILITY_CHOICES = [
  "CAPABILITY_IAM",
  "CAPABILITY_NAMED_IAM",
  "CAPABILITY_AUTO_EXPAND",
] as const;

/** What readDeployInputs needs from the workflow event; the action builds it from @actions/github. */
export interface DeployContext {
  eventName: string;
  /** owner/repo */
  repository: string;
  /** The pull request number on pull_request events. */
  prNumber?: number;
}

export interface DeployInputs {
  template: string;
  /** Resolved: the stack-name input, or the preview name on pull requests. */
  stackName: string;
  /** Set when this run deploys a preview stack. */
  preview: { repository: string; pr: number } | undefined;
  parameterOverrides: string;
  tags: { Key: string; Value: string }[];
  capabilities: string[];
  roleArn: string | undefined;
  artifactBucket: string | undefined;
  artifactPrefix: string | undefined;
  /** undefined when the input is empty: an existing stack's setting is left alone. */
  terminationProtection: boolean | undefined;
  disableRollback: boolean;
  timeoutMinutes: number;
  mode: (typeof DEPLOY_MODE_CHOICES)[number];
  changeSetId: string | undefined;
  failOnEmptyChangeset: boolean;
  urlOutput: string | undefined;
  comment: boolean;
  environment: string | undefined;
  githubToken: string;
  validate: boolean;
  recreateFailed: boolean;
  continueRollback: boolean;
  allowForks: boolean;
  maxPreviews: number;
}

const PR_EVENTS = new Set(["pull_request", "pull_request_target"]);
const NOT_A_STACK_NAME =
  "the value is not a stack name; use at most 128 letters, digits and dashes, starting with a letter.";
const ROLE_ARN_RE = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;
const BUCKET_RE = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const OUTPUT_KEY_RE = /^[A-Za-z0-9]+$/;
const CHANGE_SET_ID_RE =
  /^(arn:aws[a-z-]*:cloudformation:[a-z0-9-]+:\d{12}:changeSet\/[A-Za-z][-A-Za-z0-9]*\/[-a-f0-9]+|[A-Za-z][-A-Za-z0-9]{0,127})$/;

export function parseInteger(
  input: string,
  value: string,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === "") return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new InputError(input, `the value is not allowed; use a whole number from ${min} to ${max}.`);
  }
  return Number(value);
}

/** Multi-line Key=Value tags, checked against CloudFormation's tag rules. */
export function parseTags(
  value: string,
  input: string = DEPLOY_INPUTS.tags,
): { Key: string; Value: string }[] {
  const tags: { Key: string; Value: string }[] = [];
  for (const [index, line] of value.split(/\r?\n/).entries()) {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    const eq = trimmed.indexOf("=");
    if (eq <= 0)
      throw new InputError(input, `line ${index + 1} is not Key=Value; write one Key=Value per line.`);
    const key = trimmed.slice(0, eq).trim();
    const tagValue = trimmed.slice(eq + 1).trim();
    if (key.length > 128 || tagValue.length > 256) {
      throw new InputError(input, `tag '${key}' is too long; keys may have 128 characters and values 256.`);
    }
    if (/^aws:/i.test(key) || key.startsWith("preview-stacks:")) {
      throw new InputError(
        input,
        `tag '${key}' uses a reserved prefix (aws: is AWS's, preview-stacks: marks preview stacks); rename it.`,
      );
    }
    if (tags.some((t) => t.Key === key))
      throw new InputError(input, `tag '${key}' is given twice; keep one.`);
    tags.push({ Key: key, Value: tagValue });
  }
  if (tags.length > 47) {
    throw new InputError(
      input,
      `${tags.length} tags given; CloudFormation allows 50, and preview stacks use 3.`,
    );
  }
  return tags;
}

function optional(value: string): string | undefined {
  return value === "" ? undefined : value;
}

/**
 * The preview stack name of a pull request: `<stack-prefix>-pr-<n>`, the prefix being the
 * repository's name when stack-prefix is empty. Deploy and teardown name previews the same way.
 */
export function previewName(stackPrefix: string, repository: string, pr: number): string {
  return previewStackName(stackPrefix || (repository.split("/")[1] ?? repository), pr);
}

export function readDeployInputs(read: ReadInput, context: DeployContext): DeployInputs {
  const get = (name: string) => read(name).trim();
  const bool = (name: string, fallback: boolean) => parseBoolean(name, get(name), fallback);

  const template = get(DEPLOY_INPUTS.template);
  if (template === "") {
    throw new InputError(
      DEPLOY_INPUTS.template,
      "no template given; name the template file, e.g. template.yaml.",
    );
  }

  const previewChoice = parseChoice(
    DEPLOY_INPUTS.preview,
    get(DEPLOY_INPUTS.preview),
    PREVIEW_CHOICES,
    "auto",
  );
  const explicitName = get(DEPLOY_INPUTS.stackName);
  const onPullRequest = PR_EVENTS.has(context.eventName) && context.prNumber !== undefined;
  const isPreview =
    previewChoice === "true" || (previewChoice === "auto" && onPullRequest && explicitName === "");
  if (isPreview && context.prNumber === undefined) {
    throw new InputError(
      DEPLOY_INPUTS.preview,
      `preview stacks need a pull_request event, and this run is a ${context.eventName} event. Set preview: false and give stack-name.`,
    );
  }
  if (isPreview && explicitName !== "") {
    throw new InputError(
      DEPLOY_INPUTS.stackName,
      "stack-name cannot be combined with preview: true, since preview names are <stack-prefix>-pr-<number>. Remove stack-name, or set stack-prefix.",
    );
  }
  let stackName = explicitName;
  if (isPreview) {
    stackName = previewName(get(DEPLOY_INPUTS.stackPrefix), context.repository, context.prNumber as number);
  } else if (stackName === "") {
    throw new InputError(
      DEPLOY_INPUTS.stackName,
      `no stack name; outside pull_request events give stack-name (this run is a ${context.eventName} event).`,
    );
  } else if (!isValidStackName(stackName)) {
    throw new InputError(DEPLOY_INPUTS.stackName, NOT_A_STACK_NAME);
  }

  const capabilitiesRaw = splitList(get(DEPLOY_INPUTS.capabilities));
  const capabilities = capabilitiesRaw.length > 0 ? capabilitiesRaw : ["CAPABILITY_IAM"];
  capabilities.forEach((capability, index) => {
    if (!(CAPABILITY_CHOICES as readonly string[]).includes(capability)) {
      throw new InputError(
        DEPLOY_INPUTS.capabilities,
        `item ${index + 1} is not a capability; use any of: ${CAPABILITY_CHOICES.join(", ")}.`,
      );
    }
  });

  const roleArn = optional(get(DEPLOY_INPUTS.roleArn));
  if (roleArn !== undefined && !ROLE_ARN_RE.test(roleArn)) {
    throw new InputError(
      DEPLOY_INPUTS.roleArn,
      "the value is not an IAM role ARN; use arn:aws:iam::<account-id>:role/<name>.",
    );
  }
  const artifactBucket = optional(get(DEPLOY_INPUTS.artifactBucket));
  if (artifactBucket !== undefined && !BUCKET_RE.test(artifactBucket)) {
    throw new InputError(
      DEPLOY_INPUTS.artifactBucket,
      "the value is not an S3 bucket name; give the bare name (3-63 lowercase letters, digits, dots, dashes), not an s3:// URL.",
    );
  }
  const artifactPrefix = optional(get(DEPLOY_INPUTS.artifactPrefix).replace(/^\/+/, ""));

  const mode = parseChoice(DEPLOY_INPUTS.mode, get(DEPLOY_INPUTS.mode), DEPLOY_MODE_CHOICES, "deploy");
  const changeSetId = optional(get(DEPLOY_INPUTS.changeSetId));
  if (mode === "execute-change-set" && changeSetId === undefined) {
    throw new InputError(
      DEPLOY_INPUTS.changeSetId,
      "mode: execute-change-set needs change-set-id; pass the change-set-id output of the run that created it.",
    );
  }
  if (changeSetId !== undefined && !CHANGE_SET_ID_RE.test(changeSetId)) {
    throw new InputError(
      DEPLOY_INPUTS.changeSetId,
      "the value is not a change set ARN or name; pass the change-set-id output of the run that created it.",
    );
  }

  const urlOutput = optional(get(DEPLOY_INPUTS.urlOutput));
  if (urlOutput !== undefined && !OUTPUT_KEY_RE.test(urlOutput)) {
    throw new InputError(
      DEPLOY_INPUTS.urlOutput,
      "the value is not an Output name; names hold only letters and digits.",
    );
  }

  const terminationRaw = get(DEPLOY_INPUTS.terminationProtection);
  const preview = isPreview ? { repository: context.repository, pr: context.prNumber as number } : undefined;
  return {
    template,
    stackName,
    preview,
    parameterOverrides: read(DEPLOY_INPUTS.parameterOverrides),
    tags: parseTags(read(DEPLOY_INPUTS.tags)),
    capabilities,
    roleArn,
    artifactBucket,
    artifactPrefix,
    terminationProtection:
      terminationRaw === ""
        ? undefined
        : parseBoolean(DEPLOY_INPUTS.terminationProtection, terminationRaw, false),
    disableRollback: bool(DEPLOY_INPUTS.disableRollback, false),
    timeoutMinutes: parseInteger(
      DEPLOY_INPUTS.timeoutMinutes,
      get(DEPLOY_INPUTS.timeoutMinutes),
      60,
      1,
      1440,
    ),
    mode,
    changeSetId,
    failOnEmptyChangeset: bool(DEPLOY_INPUTS.failOnEmptyChangeset, false),
    urlOutput,
    comment: bool(DEPLOY_INPUTS.comment, isPreview),
    environment: optional(get(DEPLOY_INPUTS.environment)) ?? (preview ? `pr-${preview.pr}` : undefined),
    githubToken: get(DEPLOY_INPUTS.githubToken),
    validate: bool(DEPLOY_INPUTS.validate, true),
    recreateFailed: bool(DEPLOY_INPUTS.recreateFailed, false),
    continueRollback: bool(DEPLOY_INPUTS.continueRollback, false),
    allowForks: bool(DEPLOY_INPUTS.allowForks, false),
    maxPreviews: parseInteger(DEPLOY_INPUTS.maxPreviews, get(DEPLOY_INPUTS.maxPreviews), 20, 1, 1000),
  };
}

// ---------------------------------------------------------------------------------------------
// teardown

export const TEARDOWN_INPUTS = {
  stackName: "stack-name",
  stackPrefix: "stack-prefix",
  template: "template",
  emptyBuckets: "empty-buckets",
  retainOnFailure: "retain-on-failure",
  timeoutMinutes: "timeout-minutes",
  dryRun: "dry-run",
  githubToken: "github-token",
  environment: "environment",
  allowUnmanaged: "allow-unmanaged",
} as const;

export const TEARDOWN_OUTPUTS = {
  stackName: "stack-name",
  status: "status",
  retainedResources: "retained-resources",
} as const;

export interface TeardownInputs {
  /** Resolved: the stack-name input, or the preview name on pull requests. */
  stackName: string;
  /** Whose preview the stack must be: this repository, and on pull requests this pull request. */
  expected: { repository: string; pr?: number };
  /** The template to locate failed resources in; undefined when not given. */
  template: string | undefined;
  emptyBuckets: boolean;
  retainOnFailure: boolean;
  timeoutMinutes: number;
  dryRun: boolean;
  githubToken: string;
  environment: string | undefined;
  allowUnmanaged: boolean;
}

export function readTeardownInputs(read: ReadInput, context: DeployContext): TeardownInputs {
  const get = (name: string) => read(name).trim();
  const bool = (name: string, fallback: boolean) => parseBoolean(name, get(name), fallback);
  const onPullRequest = PR_EVENTS.has(context.eventName) && context.prNumber !== undefined;
  const pr = onPullRequest ? context.prNumber : undefined;
  const explicitName = get(TEARDOWN_INPUTS.stackName);
  let stackName = explicitName;
  if (explicitName !== "") {
    if (!isValidStackName(explicitName)) throw new InputError(TEARDOWN_INPUTS.stackName, NOT_A_STACK_NAME);
  } else if (pr !== undefined) {
    stackName = previewName(get(TEARDOWN_INPUTS.stackPrefix), context.repository, pr);
  } else {
    throw new InputError(
      TEARDOWN_INPUTS.stackName,
      `no stack name; outside pull_request events give stack-name (this run is a ${context.eventName} event).`,
    );
  }
  const allowUnmanaged = bool(TEARDOWN_INPUTS.allowUnmanaged, false);
  if (allowUnmanaged && explicitName === "") {
    throw new InputError(
      TEARDOWN_INPUTS.allowUnmanaged,
      "allow-unmanaged: true lets teardown delete a stack that is not a tagged preview, which it does only for a stack named in stack-name. Name the stack, or remove allow-unmanaged.",
    );
  }
  return {
    stackName,
    expected: { repository: context.repository, ...(pr !== undefined ? { pr } : {}) },
    template: optional(get(TEARDOWN_INPUTS.template)),
    emptyBuckets: bool(TEARDOWN_INPUTS.emptyBuckets, true),
    retainOnFailure: bool(TEARDOWN_INPUTS.retainOnFailure, false),
    timeoutMinutes: parseInteger(
      TEARDOWN_INPUTS.timeoutMinutes,
      get(TEARDOWN_INPUTS.timeoutMinutes),
      60,
      1,
      1440,
    ),
    dryRun: bool(TEARDOWN_INPUTS.dryRun, false),
    githubToken: get(TEARDOWN_INPUTS.githubToken),
    environment: optional(get(TEARDOWN_INPUTS.environment)) ?? (pr !== undefined ? `pr-${pr}` : undefined),
    allowUnmanaged,
  };
}

// ---------------------------------------------------------------------------------------------
// sweep

export const SWEEP_INPUTS = {
  stackPrefix: "stack-prefix",
  ttl: "ttl",
  maxDeletions: "max-deletions",
  deleteExpiredOpen: "delete-expired-open",
  timeoutMinutes: "timeout-minutes",
  dryRun: "dry-run",
  githubToken: "github-token",
} as const;

export const SWEEP_OUTPUTS = {
  deleted: "deleted",
  kept: "kept",
  failed: "failed",
} as const;

export interface SweepInputs {
  /** The stack-prefix input, or the repository's name as deploy uses it. */
  stackPrefix: string;
  ttlMs: number;
  /** The ttl as written, for messages. */
  ttl: string;
  maxDeletions: number;
  deleteExpiredOpen: boolean;
  timeoutMinutes: number;
  dryRun: boolean;
  githubToken: string;
}

const TTL_UNITS_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
/** A year: a longer ttl is a typo more likely than a wish. */
const MAX_TTL_MS = 366 * 86_400_000;

/** `90m`, `36h`, `7d`, `2w`: a whole number and one unit, from a minute to a year. */
export function parseTtl(value: string, input: string = SWEEP_INPUTS.ttl): number {
  const match = /^(\d+)\s*([mhdw])$/.exec(value.trim());
  const ms = match ? Number(match[1]) * TTL_UNITS_MS[match[2]] : Number.NaN;
  if (!(ms >= 60_000 && ms <= MAX_TTL_MS)) {
    throw new InputError(
      input,
      "the value is not a duration from a minute to a year; use a whole number and one unit: m (minutes), h (hours), d (days) or w (weeks), e.g. 90m, 36h, 7d or 2w.",
    );
  }
  return ms;
}

export function readSweepInputs(read: ReadInput, context: { repository: string }): SweepInputs {
  const get = (name: string) => read(name).trim();
  const bool = (name: string) => parseBoolean(name, get(name), false);
  const githubToken = get(SWEEP_INPUTS.githubToken);
  if (githubToken === "") {
    throw new InputError(
      SWEEP_INPUTS.githubToken,
      "no token given; sweep deletes a preview only once GitHub says its pull request is closed. Leave the default (${{ github.token }}) and grant pull-requests: read.",
    );
  }
  const ttl = get(SWEEP_INPUTS.ttl) || "7d";
  return {
    stackPrefix: get(SWEEP_INPUTS.stackPrefix) || (context.repository.split("/")[1] ?? context.repository),
    ttlMs: parseTtl(ttl),
    ttl,
    maxDeletions: parseInteger(SWEEP_INPUTS.maxDeletions, get(SWEEP_INPUTS.maxDeletions), 10, 1, 1000),
    deleteExpiredOpen: bool(SWEEP_INPUTS.deleteExpiredOpen),
    timeoutMinutes: parseInteger(SWEEP_INPUTS.timeoutMinutes, get(SWEEP_INPUTS.timeoutMinutes), 60, 1, 1440),
    dryRun: bool(SWEEP_INPUTS.dryRun),
    githubToken,
  };
}

// ---------------------------------------------------------------------------------------------
// build-layer

export const BUILD_LAYER_INPUTS = {
  name: "name",
  runtime: "runtime",
  source: "source",
  include: "include",
  buildCommand: "build-command",
  architecture: "architecture",
  compatibleRuntimes: "compatible-runtimes",
  artifactBucket: "artifact-bucket",
  artifactPrefix: "artifact-prefix",
  publish: "publish",
  cache: "cache",
  keepVersions: "keep-versions",
  description: "description",
  pipArgs: "pip-args",
  template: "template",
  templateParameter: "template-parameter",
  dryRun: "dry-run",
} as const;

export const BUILD_LAYER_OUTPUTS = {
  layerVersionArn: "layer-version-arn",
  layerVersion: "layer-version",
  sha256: "sha256",
  s3Uri: "s3-uri",
  size: "size",
  unzippedSize: "unzipped-size",
  cacheHit: "cache-hit",
  published: "published",
} as const;

export const LAYER_RUNTIMES = ["nodejs", "python", "java", "custom"] as const;
export type LayerRuntime = (typeof LAYER_RUNTIMES)[number];
export const LAYER_ARCHITECTURES = ["x86_64", "arm64"] as const;
export type LayerArchitecture = (typeof LAYER_ARCHITECTURES)[number];

/** Node's name for a layer architecture (`process.arch`), which npm and the native-module tools use. */
export function nodeArch(architecture: LayerArchitecture): "x64" | "arm64" {
  return architecture === "arm64" ? "arm64" : "x64";
}

/** One `include` line: a path in the workspace and where it goes inside the layer. */
export interface LayerInclude {
  localPath: string;
  layerPath: string;
}

export interface BuildLayerInputs {
  name: string;
  runtime: LayerRuntime;
  /** Relative to the workspace; "." when empty. */
  source: string;
  include: LayerInclude[];
  buildCommand?: string;
  architecture: LayerArchitecture;
  compatibleRuntimes: string[];
  artifactBucket?: string;
  /** Empty, or ending in "/". */
  artifactPrefix: string;
  publish: boolean;
  cache: boolean;
  keepVersions: number;
  description?: string;
  /** Extra arguments for `pip install`, split on whitespace (e.g. `--no-index --find-links wheels`). */
  pipArgs: string[];
  /**
   * The template whose functions will use this layer, relative to the workspace, and the template
   * parameter that will receive its ARN: the layer is checked against each such function's limit.
   */
  template?: { file: string; parameter: string };
  /** Build and check, read what publishing would do, and change nothing in AWS. */
  dryRun: boolean;
}

const LAYER_NAME_RE = /^[A-Za-z0-9_-]{1,140}$/;
const LAMBDA_RUNTIME_RE =
  /^(nodejs[0-9.x]*|python[0-9.]+|java[0-9.a-z]+|provided(\.al2(023)?)?|ruby[0-9.]+|dotnet[0-9a-z.]+)$/;

/** `local-path:layer-path` lines; the layer path is relative, inside the layer, never `..`. */
export function parseIncludes(value: string, input: string = BUILD_LAYER_INPUTS.include): LayerInclude[] {
  const lines = value
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
  return lines.map((line, index) => {
    const colon = line.lastIndexOf(":");
    const localPath = colon > 0 ? line.slice(0, colon).trim() : "";
    const layerPath =
      colon > 0
        ? line
            .slice(colon + 1)
            .trim()
            .replace(/^\/+|\/+$/g, "")
        : "";
    const where = `line ${index + 1}`;
    if (localPath === "" || colon === line.length - 1) {
      throw new InputError(
        input,
        `${where} is not of the form local-path:layer-path (e.g. native/lib:lib, bin/tool:bin).`,
      );
    }
    if (layerPath.split("/").some((part) => part === ".." || part === ".") || layerPath === "") {
      throw new InputError(
        input,
        `${where}: the layer path must be a directory inside the layer, without . or .. parts.`,
      );
    }
    return { localPath, layerPath };
  });
}

export function readBuildLayerInputs(read: ReadInput): BuildLayerInputs {
  const get = (name: string) => read(name).trim();
  const name = get(BUILD_LAYER_INPUTS.name);
  if (!LAYER_NAME_RE.test(name)) {
    throw new InputError(
      BUILD_LAYER_INPUTS.name,
      name === ""
        ? "no layer name given; set the Lambda layer's name."
        : "the value is not a Lambda layer name; use 1-140 letters, digits, hyphens or underscores.",
    );
  }
  const runtime = parseChoice(
    BUILD_LAYER_INPUTS.runtime,
    get(BUILD_LAYER_INPUTS.runtime),
    LAYER_RUNTIMES,
    "custom",
  );
  if (get(BUILD_LAYER_INPUTS.runtime) === "") {
    throw new InputError(
      BUILD_LAYER_INPUTS.runtime,
      `no runtime given; use one of: ${LAYER_RUNTIMES.join(", ")}.`,
    );
  }
  const buildCommand = get(BUILD_LAYER_INPUTS.buildCommand) || undefined;
  const include = parseIncludes(read(BUILD_LAYER_INPUTS.include));
  if (runtime === "custom" && !buildCommand && include.length === 0) {
    throw new InputError(
      BUILD_LAYER_INPUTS.buildCommand,
      `a custom layer needs a build-command (which writes into $LAYER_DIR) or ${BUILD_LAYER_INPUTS.include} lines.`,
    );
  }
  const architecture = parseChoice(
    BUILD_LAYER_INPUTS.architecture,
    get(BUILD_LAYER_INPUTS.architecture),
    LAYER_ARCHITECTURES,
    "x86_64",
  );
  const compatibleRuntimes = splitList(read(BUILD_LAYER_INPUTS.compatibleRuntimes));
  if (compatibleRuntimes.length > 15) {
    throw new InputError(BUILD_LAYER_INPUTS.compatibleRuntimes, "Lambda accepts at most 15 runtimes.");
  }
  compatibleRuntimes.forEach((r, index) => {
    if (!LAMBDA_RUNTIME_RE.test(r)) {
      throw new InputError(
        BUILD_LAYER_INPUTS.compatibleRuntimes,
        `item ${index + 1} is not a Lambda runtime identifier; use names like nodejs22.x, python3.13, java21 or provided.al2023.`,
      );
    }
  });
  const publish = parseBoolean(BUILD_LAYER_INPUTS.publish, get(BUILD_LAYER_INPUTS.publish), true);
  const artifactBucket = get(BUILD_LAYER_INPUTS.artifactBucket) || undefined;
  if (artifactBucket !== undefined && !BUCKET_RE.test(artifactBucket)) {
    throw new InputError(
      BUILD_LAYER_INPUTS.artifactBucket,
      "the value is not an S3 bucket name; use 3-63 lower-case letters, digits, dots or hyphens.",
    );
  }
  if (publish && artifactBucket === undefined) {
    throw new InputError(
      BUILD_LAYER_INPUTS.artifactBucket,
      `no bucket given; publishing uploads the layer's zip there. Set ${BUILD_LAYER_INPUTS.artifactBucket}, or set ${BUILD_LAYER_INPUTS.publish}: false to only build.`,
    );
  }
  let artifactPrefix = get(BUILD_LAYER_INPUTS.artifactPrefix).replace(/^\/+/, "");
  if (artifactPrefix !== "" && !artifactPrefix.endsWith("/")) artifactPrefix += "/";
  const description = get(BUILD_LAYER_INPUTS.description) || undefined;
  // The markers (" sha256:<64 hex> unzipped:<bytes>") are appended to the 256-character description.
  if (description !== undefined && description.length > 256 - 91) {
    throw new InputError(
      BUILD_LAYER_INPUTS.description,
      "the value is longer than 165 characters (Lambda allows 256, and the content hash and unzipped size take the rest).",
    );
  }
  const templateFile = get(BUILD_LAYER_INPUTS.template);
  const templateParameter = get(BUILD_LAYER_INPUTS.templateParameter);
  if ((templateFile === "") !== (templateParameter === "")) {
    throw new InputError(
      templateFile === "" ? BUILD_LAYER_INPUTS.template : BUILD_LAYER_INPUTS.templateParameter,
      `${BUILD_LAYER_INPUTS.template} and ${BUILD_LAYER_INPUTS.templateParameter} go together: name the template and the parameter that receives this layer's ARN, or neither.`,
    );
  }
  if (templateParameter !== "" && !/^[A-Za-z0-9]{1,255}$/.test(templateParameter)) {
    throw new InputError(
      BUILD_LAYER_INPUTS.templateParameter,
      "the value is not a template parameter name; names hold only letters and digits.",
    );
  }
  const source = get(BUILD_LAYER_INPUTS.source) || ".";
  return {
    name,
    runtime,
    source,
    include,
    buildCommand,
    architecture,
    compatibleRuntimes,
    artifactBucket,
    artifactPrefix,
    publish,
    cache: parseBoolean(BUILD_LAYER_INPUTS.cache, get(BUILD_LAYER_INPUTS.cache), true),
    keepVersions: parseInteger(
      BUILD_LAYER_INPUTS.keepVersions,
      get(BUILD_LAYER_INPUTS.keepVersions),
      5,
      1,
      1000,
    ),
    description,
    pipArgs: get(BUILD_LAYER_INPUTS.pipArgs).split(/\s+/).filter(Boolean),
    template: templateFile === "" ? undefined : { file: templateFile, parameter: templateParameter },
    dryRun: parseBoolean(BUILD_LAYER_INPUTS.dryRun, get(BUILD_LAYER_INPUTS.dryRun), false),
  };
}

// ---------------------------------------------------------------------------------------------
// the all-in-one action (action.yml at the root)

/** The root action takes the sub-actions' inputs under the same names, and `layers`. */
export const MAIN_INPUTS = {
  ...VALIDATE_INPUTS,
  ...DEPLOY_INPUTS,
  ...TEARDOWN_INPUTS,
  ...SWEEP_INPUTS,
  layers: "layers",
} as const;

export const MAIN_OUTPUTS = {
  ...VALIDATE_OUTPUTS,
  ...DEPLOY_OUTPUTS,
  ...TEARDOWN_OUTPUTS,
  ...SWEEP_OUTPUTS,
  /** What the event made the action do: one of MAIN_OPERATIONS. */
  operation: "operation",
  layerVersionArns: "layer-version-arns",
} as const;

/**
 * What the root action does, by event: `preview` (validate, build layers, deploy the pull
 * request's preview), `deploy` (the same for the stack named in stack-name), `teardown`, `sweep`.
 */
export const MAIN_OPERATIONS = ["preview", "deploy", "teardown", "sweep"] as const;
export type MainOperation = (typeof MAIN_OPERATIONS)[number];

/** The inputs each operation reads; any other input is ignored on that event. */
export const MAIN_OPERATION_INPUTS: Record<MainOperation, readonly string[]> = {
  preview: [...Object.values(VALIDATE_INPUTS), ...Object.values(DEPLOY_INPUTS), MAIN_INPUTS.layers],
  deploy: [...Object.values(VALIDATE_INPUTS), ...Object.values(DEPLOY_INPUTS), MAIN_INPUTS.layers],
  teardown: Object.values(TEARDOWN_INPUTS),
  sweep: Object.values(SWEEP_INPUTS),
};
