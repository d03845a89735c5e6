/**
 * The all-in-one action (action.yml at the root): chooses from the event what to do, and calls the
 * sub-actions' code for it, with the same inputs under the same names.
 * - pull_request opened, synchronize, reopened: validate, build the layers input's layers, deploy
 *   the preview (packaging, comment and deployment are deploy's);
 * - pull_request closed: teardown, never a deploy;
 * - push, release, workflow_dispatch: the same as a pull request's deploy, for stack-name;
 * - schedule: sweep.
 * An input the event's work does not read is ignored, with a debug line; any other event fails.
 */
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import * as core from "@actions/core";
import { context as githubContext } from "@actions/github";
import { parse as parseYaml } from "yaml";
import { type EventContext, readEventContext } from "../github/context";
import { Redactor } from "../github/redact";
import {
  DEPLOY_STATE,
  type DeployInputs,
  InputError,
  MAIN_INPUTS,
  MAIN_OPERATION_INPUTS,
  MAIN_OUTPUTS,
  type MainOperation,
  type ReadInput,
  readDeployInputs,
  readValidateInputs,
  VALIDATE_INPUTS,
} from "../inputs";
import { type LayerEntry, layerReader, parseLayers } from "../layers-input";
import { readParameterOverrides, templateParameters } from "../stack/parameters";
import { plainTemplate } from "../stack/template-source";
import { passedParameterValues, validatesTemplate } from "../template/deploy-check";
import { buildLayerStep } from "./build-layer";
import { deployPost, deployStep } from "./deploy";
import { isEntry } from "./entry";
import { reportFailure } from "./failure";
import { sweepStep } from "./sweep";
import { teardownStep } from "./teardown";
import { validateStep } from "./validate";

const PULL_REQUEST_EVENTS = ["pull_request", "pull_request_target"];
const PREVIEW_ACTIONS = ["opened", "synchronize", "reopened"];
const DEPLOY_EVENTS = ["push", "release", "workflow_dispatch"];

/** Every event the action serves and what it does on each, for the message on any other. */
export const SERVED_EVENTS =
  "pull_request and pull_request_target (opened, synchronize and reopened deploy the preview; closed tears it down), " +
  "push, release and workflow_dispatch (deploy the stack named in stack-name), and schedule (sweep stale previews)";

const WHAT: Record<MainOperation, string> = {
  preview: "validate the template, build the layers, deploy the pull request's preview",
  deploy: "validate the template, build the layers, deploy the stack named in stack-name",
  teardown: "tear down the pull request's preview",
  sweep: "sweep stale previews",
};

/** What the event asks for; an event the action cannot serve is an error naming those it serves. */
export function chooseOperation(eventName: string, action: unknown): MainOperation {
  if (PULL_REQUEST_EVENTS.includes(eventName)) {
    if (action === "closed") return "teardown";
    if (typeof action === "string" && PREVIEW_ACTIONS.includes(action)) return "preview";
    throw new Error(
      `preview-stacks does not serve ${eventName} events of type ${typeof action === "string" ? action : "(none)"}. It serves ${SERVED_EVENTS}. Limit the workflow's trigger, e.g. \`${eventName}: { types: [opened, synchronize, reopened, closed] }\`.`,
    );
  }
  if (DEPLOY_EVENTS.includes(eventName)) return "deploy";
  if (eventName === "schedule") return "sweep";
  throw new Error(
    `preview-stacks does not serve ${eventName || "unnamed"} events. It serves ${SERVED_EVENTS}. For other events, use the sub-actions (actions/validate, actions/deploy, actions/teardown, actions/sweep) directly.`,
  );
}

/**
 * The defaults of the root action.yml beside the bundle (dist/main/../../action.yml), which the
 * runner fills in for inputs a workflow leaves out: such an input is not worth a line when ignored.
 */
function declaredDefaults(): Map<string, string> {
  try {
    const file = resolve(dirname(process.argv[1] ?? ""), "..", "..", "action.yml");
    const meta = parseYaml(readFileSync(file, "utf8")) as { inputs?: Record<string, { default?: unknown }> };
    return new Map(
      Object.entries(meta.inputs ?? {}).map(([name, spec]) => [name, String(spec?.default ?? "")]),
    );
  } catch {
    return new Map();
  }
}

/** A debug line for every input given a value that the event's work does not read. */
function reportIgnored(read: ReadInput, used: readonly string[], event: string): void {
  const defaults = declaredDefaults();
  for (const name of new Set(Object.values(MAIN_INPUTS))) {
    if (used.includes(name)) continue;
    const value = read(name);
    if (value === "" || value === defaults.get(name)) continue;
    core.debug(`Input '${name}' is ignored: it does not apply to ${event} events.`);
  }
}

/**
 * Checks the layers against the template and parameter-overrides (before any AWS call), builds
 * and publishes each, and returns parameter-overrides with each layer's ARN under its parameter.
 */
async function buildLayers(layers: LayerEntry[], inputs: DeployInputs, read: ReadInput): Promise<string> {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const body = readFileSync(resolve(workspace, inputs.template), "utf8");
  const declared = templateParameters(plainTemplate(body, inputs.template));
  const overrides = await readParameterOverrides(inputs.parameterOverrides, (path) => readFile(path, "utf8"));
  layers.forEach((layer, index) => {
    if (!declared.some((parameter) => parameter.key === layer.parameter)) {
      throw new InputError(
        MAIN_INPUTS.layers,
        `item ${index + 1}: the template declares no parameter ${layer.parameter}; add it under Parameters (Type: String) and use it in the functions' Layers.`,
      );
    }
    if (overrides.has(layer.parameter)) {
      throw new InputError(
        MAIN_INPUTS.layers,
        `item ${index + 1}: parameter ${layer.parameter} is also given in ${MAIN_INPUTS.parameterOverrides}; it receives the layer's ARN, so remove it there.`,
      );
    }
  });
  const arns: Record<string, string> = {};
  for (const layer of layers) {
    const result = await buildLayerStep(layerReader(layer, read));
    if (!result.layerVersionArn) throw new Error(`Layer for parameter ${layer.parameter} was not published.`);
    arns[layer.parameter] = result.layerVersionArn;
    core.info(`Parameter ${layer.parameter} gets ${result.layerVersionArn}.`);
  }
  core.setOutput(MAIN_OUTPUTS.layerVersionArns, JSON.stringify(arns));
  for (const [key, arn] of Object.entries(arns)) overrides.set(key, arn);
  // The AWS CLI's list form keeps every value as it was, multi-line ones included.
  return JSON.stringify(
    [...overrides].map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue })),
  );
}

/** Validate, then the layers, then deploy: every input read first, so a bad one costs nothing. */
async function validateAndDeploy(read: ReadInput, context: EventContext, redactor: Redactor): Promise<void> {
  // The rules ran in the validate step, with its settings; deploy need not run them again.
  const deployRead: ReadInput = (name) => (name === MAIN_INPUTS.validate ? "false" : read(name));
  const inputs = readDeployInputs(read, {
    eventName: context.eventName,
    repository: context.repository,
    prNumber: context.prNumber,
  });
  // Validate checks the templates input, or the template deployed when it is empty; the deployed
  // template as the stack being deployed (a preview's name included), so that names built from it
  // are judged (E3944). stack-name is the deploy's input here, not validate's.
  const validateRead: ReadInput = (name) =>
    name === MAIN_INPUTS.templates
      ? read(name).trim() || read(MAIN_INPUTS.template)
      : name === VALIDATE_INPUTS.stackName
        ? ""
        : read(name);
  const validating = validatesTemplate(inputs);
  if (validating) readValidateInputs(validateRead);
  let layers: LayerEntry[] = [];
  if (inputs.mode === "execute-change-set") {
    if (read(MAIN_INPUTS.layers).trim() !== "") {
      core.debug(
        `Input '${MAIN_INPUTS.layers}' is ignored: mode execute-change-set runs a change set whose parameters are set.`,
      );
    }
  } else {
    layers = parseLayers(read(MAIN_INPUTS.layers), read);
  }
  const deployed = {
    stackName: inputs.stackName,
    template: inputs.template,
    parameterValues: await passedParameterValues(
      inputs.parameterOverrides,
      process.env.GITHUB_WORKSPACE || process.cwd(),
    ),
  };
  if (validating && !(await validateStep(validateRead, deployed))) return;
  await deployStep(deployRead, {
    redactor,
    beforeDeploy: layers.length > 0 ? (deploy) => buildLayers(layers, deploy, read) : undefined,
  });
}

export async function run(): Promise<void> {
  const redactor = new Redactor();
  const read: ReadInput = (name) => core.getInput(name);
  try {
    // The post step (runs.post) ends a deploy that was killed before it reported; else it does nothing.
    if (core.getState(DEPLOY_STATE.isPost) === "true") {
      await deployPost(read);
      return;
    }
    core.saveState(DEPLOY_STATE.isPost, "true");
    const context = readEventContext();
    const action = githubContext.payload.action;
    const operation = chooseOperation(context.eventName, action);
    const event = typeof action === "string" ? `${context.eventName} ${action}` : context.eventName;
    core.info(`Event ${event}: ${WHAT[operation]}.`);
    core.setOutput(MAIN_OUTPUTS.operation, operation);
    reportIgnored(read, MAIN_OPERATION_INPUTS[operation], event);
    if (operation === "teardown") await teardownStep(read);
    else if (operation === "sweep") await sweepStep(read);
    else await validateAndDeploy(read, context, redactor);
  } catch (error) {
    reportFailure(error, (text) => redactor.redact(text));
  }
}

if (isEntry("main")) await run();
