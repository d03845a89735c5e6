/**
 * The stages of an AWS::CodePipeline::Pipeline (cfn-lint's ids; CreatePipeline refuses each case):
 * - E3700: the first stage holds only Source actions, and no later stage holds one.
 * - E3701: an action's InputArtifacts are artifacts an action before it writes (in an earlier
 *   stage, or earlier in the same stage by RunOrder), and no two actions write an artifact of the
 *   same name. cfn-lint goes by the order the actions are written in; here RunOrder decides within
 *   a stage, as it does when the pipeline runs, so an action written before the one it waits for is
 *   no error.
 * - E3702: an action reads and writes as many artifacts as its kind takes: a Source action reads
 *   none and writes exactly one; the providers of the user guide's table of artifact counts
 *   (ARTIFACT_COUNTS: CodeBuild, Device Farm, manual approval, the deploy providers, Lambda,
 *   Alexa) take their ranges. Custom actions declare their own counts and are left alone, and so
 *   are providers the table does not list.
 * - E3703: the TemplatePath of a CloudFormation or CloudFormationStackSet action (owner AWS),
 *   `Artifact::file`, names one of the action's InputArtifacts before `::`: the action reads the
 *   template from that artifact. Beyond cfn-lint, a CloudFormation action's TemplateConfiguration,
 *   written the same way, is read too, and each branch of a Fn::If. cfn-lint reads TemplatePath in
 *   any action; a custom or third-party action defines its own configuration, where TemplatePath
 *   may be any text, so those are left alone here.
 *
 * Stages and actions inside a Fn::If count as written, except that two conditional actions that
 * write the same artifact are not reported (their conditions may exclude each other). Names,
 * categories and RunOrder values given through intrinsic functions are not judged. Actions of a
 * stage with the same RunOrder run side by side, so one cannot read what another writes.
 */
import type { MapNode, Node } from "../../model";
import { mapGet } from "../../nodes";
import { closest } from "../../suggest";
import type { Report, Rule } from "../rule";
import { isNoValue, type TemplateIndex } from "../template-index";
import {
  isAbsent,
  listMappings,
  literalNumber,
  literalString,
  plainMap,
  presentEntry,
  propertySets,
  resourcesOfType,
  valuesWithPaths,
} from "./values";

const SOURCE = "https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-pipeline-structure.html";

interface Artifact {
  name: string;
  node: Node;
  path: (string | number)[];
  /** The item of the list it is written in, and the branch of a list chosen by Fn::If. */
  index: number;
  branch: number;
  /** Under a Fn::If: may not be there. */
  conditional: boolean;
}

interface PipelineAction {
  pipeline: string;
  name: string;
  stage: number;
  /** Under a Fn::If: may not exist. */
  conditional: boolean;
  /** RunOrder (1 when left out); undefined when not known. */
  runOrder: number | undefined;
  category?: { value: string; node: Node };
  owner: string | undefined;
  provider: string | undefined;
  inputs: Artifact[];
  /** Some input artifact name cannot be read. */
  inputsOpaque: boolean;
  outputs: Artifact[];
  outputsOpaque: boolean;
  node: MapNode;
  path: (string | number)[];
}

interface Pipeline {
  actions: PipelineAction[];
  /** Some stage, action or output artifact cannot be read (an intrinsic function gives it). */
  opaque: boolean;
}

/** The artifacts an action names under `key`, and whether some name cannot be read. */
function artifacts(
  action: MapNode,
  key: string,
  path: (string | number)[],
): { list: Artifact[]; opaque: boolean } {
  const listed = listMappings(presentEntry(action, key)?.value);
  let opaque = listed.opaque || (!isAbsent(action, key) && !presentEntry(action, key));
  const list: Artifact[] = [];
  for (const { node, index, branch, conditional } of listed.items) {
    const entry = presentEntry(node, "Name");
    const name = literalString(entry?.value);
    if (entry && name !== undefined)
      list.push({ name, node: entry.value, path: [...path, key, index, "Name"], index, branch, conditional });
    else opaque = true;
  }
  return { list, opaque };
}

const cache = new WeakMap<TemplateIndex, Pipeline[]>();

/** The actions of each pipeline of the template, in order; found once for the three rules. */
function pipelines(template: TemplateIndex): Pipeline[] {
  const cached = cache.get(template);
  if (cached) return cached;
  const found: Pipeline[] = [];
  for (const pipeline of resourcesOfType(template, "AWS::CodePipeline::Pipeline")) {
    for (const { properties } of propertySets(pipeline)) {
      const actions: PipelineAction[] = [];
      const stages = listMappings(presentEntry(properties, "Stages")?.value);
      let opaque = stages.opaque;
      for (const stage of stages.items) {
        const stageActions = listMappings(presentEntry(stage.node, "Actions")?.value);
        opaque ||= stageActions.opaque;
        for (const action of stageActions.items) {
          const path = [
            "Resources",
            pipeline.name,
            "Properties",
            "Stages",
            stage.index,
            "Actions",
            action.index,
          ];
          const type = plainMap(presentEntry(action.node, "ActionTypeId")?.value);
          const category = mapGet(type, "Category")?.value;
          const categoryName = literalString(category);
          const order = presentEntry(action.node, "RunOrder");
          const inputs = artifacts(action.node, "InputArtifacts", path);
          const outputs = artifacts(action.node, "OutputArtifacts", path);
          opaque ||= outputs.opaque;
          actions.push({
            pipeline: pipeline.name,
            name: literalString(presentEntry(action.node, "Name")?.value) ?? `#${action.index + 1}`,
            stage: stage.index,
            conditional: stage.conditional || action.conditional,
            runOrder: order ? literalNumber(order.value) : 1,
            category:
              category && categoryName !== undefined ? { value: categoryName, node: category } : undefined,
            owner: literalString(mapGet(type, "Owner")?.value),
            provider: literalString(mapGet(type, "Provider")?.value),
            inputs: inputs.list,
            inputsOpaque: inputs.opaque,
            outputs: outputs.list,
            outputsOpaque: outputs.opaque,
            node: action.node,
            path,
          });
        }
      }
      found.push({ actions, opaque });
    }
  }
  cache.set(template, found);
  return found;
}

export const pipelineSourceStage: Rule = {
  id: "E3700",
  severity: "error",
  shortDescription: "Source actions are in the first stage of a pipeline, and only there",
  description:
    "The first stage of an AWS::CodePipeline::Pipeline holds only actions of Category Source, and later stages none.",
  source: SOURCE,
  tags: ["resources", "codepipeline"],
  check({ template, report }) {
    for (const { actions } of pipelines(template)) {
      for (const action of actions) {
        const category = action.category;
        if (!category || (action.stage === 0) === (category.value === "Source")) continue;
        report(
          category.node,
          action.stage === 0
            ? `Action '${action.name}' of pipeline '${action.pipeline}' is a ${category.value} action in the first stage, which ` +
                "holds only Source actions; move it to a later stage"
            : `Action '${action.name}' of pipeline '${action.pipeline}' is a Source action in stage ${action.stage + 1}, and ` +
                "Source actions go in the first stage only; move it there",
          { path: [...action.path, "ActionTypeId", "Category"] },
        );
      }
    }
  },
};

/** Whether `writer` has run when `reader` starts. */
function runsBefore(writer: PipelineAction, reader: PipelineAction): boolean {
  if (writer.stage !== reader.stage) return writer.stage < reader.stage;
  // An unknown RunOrder could be either.
  return writer.runOrder === undefined || reader.runOrder === undefined || writer.runOrder < reader.runOrder;
}

export const pipelineArtifactNames: Rule = {
  id: "E3701",
  severity: "error",
  shortDescription: "Input artifacts are written by an earlier action, and output artifact names are unique",
  description:
    "Each InputArtifacts name of a pipeline action is the OutputArtifacts name of an action that runs before it (an " +
    "earlier stage, or a lower RunOrder in the same stage), and no two actions write an artifact of the same name.",
  source: SOURCE,
  tags: ["resources", "codepipeline"],
  check({ template, report }) {
    for (const { actions, opaque } of pipelines(template)) {
      const writers = new Map<string, PipelineAction[]>();
      for (const action of actions) {
        const own = new Set<string>();
        for (const output of action.outputs) {
          const key = `${output.branch} ${output.name}`;
          const earlier = writers.get(output.name);
          // Two conditional writers may be under conditions that exclude each other; one unconditional is enough.
          const twice = own.has(key)
            ? action
            : earlier?.find((other) => other !== action && !(other.conditional && action.conditional));
          own.add(key);
          if (twice) {
            report(
              output.node,
              `Action '${action.name}' of pipeline '${action.pipeline}' writes artifact '${output.name}', which ` +
                `${twice === action ? "it lists twice" : `action '${twice.name}' writes too`}; output artifact names are ` +
                "unique in a pipeline: rename one",
              { path: output.path },
            );
          }
          if (!earlier) writers.set(output.name, [action]);
          else if (!earlier.includes(action)) earlier.push(action);
        }
      }
      for (const action of actions) {
        for (const input of action.inputs) {
          const candidates = writers.get(input.name) ?? [];
          if (candidates.some((writer) => writer !== action && runsBefore(writer, action))) continue;
          const later = candidates.find((writer) => writer !== action);
          // An artifact whose writer cannot be read may be written by it.
          if (!later && opaque) continue;
          report(
            input.node,
            `Action '${action.name}' of pipeline '${action.pipeline}' reads artifact '${input.name}', ` +
              (!later
                ? candidates.includes(action)
                  ? "which it writes itself; an action reads what earlier actions write"
                  : "which no action of the pipeline writes; name an OutputArtifacts of an earlier action"
                : later.stage === action.stage && later.runOrder === action.runOrder
                  ? `which action '${later.name}' writes at the same time (the same RunOrder); give the reader a higher ` +
                    "RunOrder"
                  : `which action '${later.name}' writes only after it runs; move the reader to a later stage or give ` +
                    "it a higher RunOrder"),
            { path: input.path },
          );
        }
      }
    }
  },
};

/**
 * The user guide's "Valid input and output artifacts for each action type", by owner, category and
 * provider: the least and most input artifacts, then output artifacts. (The guide gives manual
 * approvals the provider "ThirdParty"; the provider of an approval action is Manual.) Source
 * actions have their own messages; Custom actions declare their own counts.
 */
const ARTIFACT_COUNTS: Record<string, readonly [number, number, number, number]> = {
  "AWS Build CodeBuild": [1, 5, 0, 5],
  "AWS Test CodeBuild": [1, 5, 0, 5],
  "AWS Test DeviceFarm": [1, 1, 0, 0],
  "AWS Approval Manual": [0, 0, 0, 0],
  "AWS Deploy S3": [1, 1, 0, 0],
  "AWS Deploy CloudFormation": [0, 10, 0, 1],
  "AWS Deploy CodeDeploy": [1, 1, 0, 0],
  "AWS Deploy ElasticBeanstalk": [1, 1, 0, 0],
  "AWS Deploy OpsWorks": [1, 1, 0, 0],
  "AWS Deploy ECS": [1, 1, 0, 0],
  "AWS Deploy ServiceCatalog": [1, 1, 0, 0],
  "AWS Invoke Lambda": [0, 5, 0, 5],
  "ThirdParty Deploy AlexaSkillsKit": [1, 2, 0, 0],
};

/** "1 to 5", "exactly 1", "none", "at most 1". */
function countRange(least: number, most: number): string {
  if (most === 0) return "none";
  if (least === most) return `exactly ${least}`;
  return least === 0 ? `at most ${most}` : `${least} to ${most}`;
}

function artifactCount(count: number): string {
  return `${count} artifact${count === 1 ? "" : "s"}`;
}

/** The artifacts a list surely holds (items under no Fn::If), and the most any of its Fn::If branches may. */
function counts(list: readonly Artifact[]): { certain: Artifact[]; possible: number } {
  const certain = list.filter((artifact) => !artifact.conditional);
  const byBranch = new Map<number, Set<number>>();
  for (const { branch, index } of list) {
    const indexes = byBranch.get(branch);
    if (indexes) indexes.add(index);
    else byBranch.set(branch, new Set([index]));
  }
  let possible = 0;
  for (const indexes of byBranch.values()) possible = Math.max(possible, indexes.size);
  return { certain, possible };
}

/** An action of a provider of ARTIFACT_COUNTS reads and writes as many artifacts as the guide allows. */
function checkArtifactCounts(action: PipelineAction, report: Report): void {
  if (!action.category) return;
  const kind = `${action.owner} ${action.category.value} ${action.provider}`;
  const range = Object.hasOwn(ARTIFACT_COUNTS, kind) ? ARTIFACT_COUNTS[kind] : undefined;
  if (!range) return;
  const what = `${action.provider} ${action.category.value} actions`;
  const sides = [
    {
      key: "InputArtifacts",
      verb: "reads",
      verbs: "read",
      list: action.inputs,
      opaque: action.inputsOpaque,
      least: range[0],
      most: range[1],
    },
    {
      key: "OutputArtifacts",
      verb: "writes",
      verbs: "write",
      list: action.outputs,
      opaque: action.outputsOpaque,
      least: range[2],
      most: range[3],
    },
  ];
  for (const { key, verb, verbs, list, opaque, least, most } of sides) {
    if (opaque) continue;
    const { certain, possible } = counts(list);
    const allowed = countRange(least, most);
    const subject = `Action '${action.name}' of pipeline '${action.pipeline}'`;
    if (certain.length > most) {
      const extra = certain[most];
      report(
        extra.node,
        `${subject} ${verb} ${artifactCount(certain.length)}, and ${what} ${verbs} ${allowed}; ` +
          (most === 0 ? `remove ${key}` : `keep at most ${most} ${key}`),
        { path: extra.path },
      );
    } else if (possible < least) {
      report(
        action.category.node,
        `${subject} ${verb} ${possible === 0 ? "no artifact" : artifactCount(possible)}, and ${what} ${verbs} ${allowed}; ` +
          `add ${key}`,
        { path: [...action.path, key] },
      );
    }
  }
}

export const pipelineSourceArtifacts: Rule = {
  id: "E3702",
  severity: "error",
  shortDescription: "A pipeline action reads and writes as many artifacts as its kind takes",
  description:
    "A pipeline action of Category Source has no InputArtifacts and exactly one OutputArtifacts entry; a CodeBuild, " +
    "Device Farm, manual approval, deploy, Lambda or Alexa action reads and writes as many artifacts as the " +
    "CodePipeline user guide's table allows (a CodeBuild action 1 to 5 inputs and at most 5 outputs, a " +
    "CloudFormation action at most 10 and 1, an approval none).",
  source: "https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-action-artifacts.html",
  tags: ["resources", "codepipeline"],
  check({ template, report }) {
    for (const { actions } of pipelines(template)) {
      for (const action of actions) {
        // Custom actions declare their own artifact counts.
        if (action.owner !== "AWS" && action.owner !== "ThirdParty") continue;
        if (action.category?.value !== "Source") {
          checkArtifactCounts(action, report);
          continue;
        }
        const inputs = action.inputs[0];
        if (inputs) {
          report(
            inputs.node,
            `Source action '${action.name}' of pipeline '${action.pipeline}' reads artifact '${inputs.name}', and a ` +
              "Source action reads none: it starts the pipeline; remove InputArtifacts",
            { path: inputs.path },
          );
        }
        const outputs = presentEntry(action.node, "OutputArtifacts")?.value;
        if (
          isAbsent(action.node, "OutputArtifacts") ||
          (outputs?.kind === "seq" && outputs.items.length === 0)
        ) {
          report(
            action.category.node,
            `Source action '${action.name}' of pipeline '${action.pipeline}' writes no artifact, and a Source action ` +
              "writes exactly one, for the actions after it; add OutputArtifacts: [{Name: SourceOutput}]",
            { path: [...action.path, "OutputArtifacts"] },
          );
          continue;
        }
        // Items of one list (a Fn::If item writes one name either way), in the longest list a Fn::If chooses.
        const second = action.outputs.find((output) =>
          action.outputs.some((other) => other.branch === output.branch && other.index < output.index),
        );
        if (!second) continue;
        report(
          second.node,
          `Source action '${action.name}' of pipeline '${action.pipeline}' writes ${counts(action.outputs).possible} ` +
            "artifacts, and a Source action writes exactly one; keep one OutputArtifacts entry",
          { path: second.path },
        );
      }
    }
  },
};

/**
 * The Configuration keys that name a file as `InputArtifact::path`, by the provider of the AWS
 * action that reads them.
 */
const ARTIFACT_PATHS: Record<string, readonly string[]> = {
  CloudFormation: ["TemplatePath", "TemplateConfiguration"],
  CloudFormationStackSet: ["TemplatePath"],
};

export const pipelineTemplateArtifact: Rule = {
  id: "E3703",
  severity: "error",
  shortDescription: "TemplatePath names an input artifact of its action",
  description:
    "In the Configuration of a pipeline's CloudFormation or CloudFormationStackSet action, TemplatePath (and a " +
    "CloudFormation action's TemplateConfiguration) is `ArtifactName::file`, where ArtifactName is one of the " +
    "action's InputArtifacts.",
  source: "https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CloudFormation.html",
  tags: ["resources", "codepipeline"],
  check({ template, report }) {
    for (const { actions } of pipelines(template)) {
      for (const action of actions) {
        const keys = action.owner === "AWS" && action.provider ? ARTIFACT_PATHS[action.provider] : undefined;
        if (!keys || action.inputsOpaque) continue;
        const configuration = plainMap(presentEntry(action.node, "Configuration")?.value);
        if (!configuration) continue;
        const names = [...new Set(action.inputs.map((input) => input.name))];
        for (const key of keys) {
          for (const { node, path } of valuesWithPaths(configuration, [key])) {
            const text = literalString(node);
            if (text === undefined || names.some((name) => text.startsWith(`${name}::`))) continue;
            const separator = text.indexOf("::");
            const named = separator < 0 ? undefined : text.slice(0, separator);
            const inputs =
              names.length === 0
                ? "the action has no InputArtifacts"
                : `its InputArtifacts are ${names.join(", ")}`;
            report(
              node,
              `${key} of action '${action.name}' of pipeline '${action.pipeline}' ` +
                (named === undefined
                  ? `names no artifact: it is ArtifactName::file, and ${inputs}`
                  : `reads artifact '${named}', and ${inputs}; name one of them before '::'`),
              { path: [...action.path, "Configuration", ...path] },
            );
          }
        }
      }
    }
  },
};

/**
 * The configuration keys each provider requires, by `Category/Owner/Provider`, as the CodePipeline
 * action reference's provider pages list them (not stored here: the table was written from them, and
 * the 44 pipelines of the regression files name every key but the OAuthToken round 46 found
 * missing), kept to providers and keys whose requirement holds in every use (a CloudFormation action's RoleArn or ChangeSetName, required for
 * some ActionModes only, is left out). CreatePipeline refuses an action that lacks one (as it
 * refuses a key its provider does not know, "contains unknown configuration", which is not judged
 * here: the providers' optional keys are not all listed).
 */
const REQUIRED_CONFIGURATION: Readonly<Record<string, readonly string[]>> = {
  "Source/AWS/S3": ["S3Bucket", "S3ObjectKey"],
  "Source/AWS/CodeCommit": ["RepositoryName", "BranchName"],
  "Source/AWS/ECR": ["RepositoryName"],
  "Source/AWS/CodeStarSourceConnection": ["ConnectionArn", "FullRepositoryId"],
  "Source/ThirdParty/GitHub": ["Owner", "Repo", "Branch", "OAuthToken"],
  "Build/AWS/CodeBuild": ["ProjectName"],
  "Test/AWS/CodeBuild": ["ProjectName"],
  "Deploy/AWS/CloudFormation": ["ActionMode", "StackName"],
  "Deploy/AWS/CodeDeploy": ["ApplicationName", "DeploymentGroupName"],
  "Deploy/AWS/CodeDeployToECS": [
    "ApplicationName",
    "DeploymentGroupName",
    "TaskDefinitionTemplateArtifact",
    "AppSpecTemplateArtifact",
  ],
  "Deploy/AWS/ECS": ["ClusterName", "ServiceName"],
  "Deploy/AWS/S3": ["BucketName", "Extract"],
  "Deploy/AWS/ElasticBeanstalk": ["ApplicationName", "EnvironmentName"],
  "Invoke/AWS/Lambda": ["FunctionName"],
  "Invoke/AWS/StepFunctions": ["StateMachineArn"],
};

/**
 * E3957 (our own id): a pipeline action whose Configuration lacks a key its provider requires
 * (REQUIRED_CONFIGURATION), such as a GitHub source without its OAuthToken, which round 46 found
 * commented out. CreatePipeline refuses the action. A Configuration a function gives is not
 * judged, nor a key whose value a Fn::If may leave out; a key given as AWS::NoValue is missing.
 */
export const pipelineRequiredConfiguration: Rule = {
  id: "E3957",
  severity: "error",
  shortDescription: "Pipeline actions have the configuration keys their provider requires",
  description:
    "A CodePipeline action's Configuration holds every key its provider requires (an S3 source's S3Bucket and " +
    "S3ObjectKey, a CodeBuild action's ProjectName, a CloudFormation action's ActionMode and StackName, ...).",
  source: "https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference.html",
  tags: ["resources", "codepipeline"],
  check({ template, report }) {
    for (const { actions } of pipelines(template)) {
      for (const action of actions) {
        const kind = `${action.category?.value}/${action.owner}/${action.provider}`;
        if (!action.category || !Object.hasOwn(REQUIRED_CONFIGURATION, kind)) continue;
        const required = REQUIRED_CONFIGURATION[kind];
        const entry = mapGet(action.node, "Configuration");
        const configuration = entry && !isNoValue(entry.value) ? plainMap(entry.value) : undefined;
        if (entry && !isNoValue(entry.value) && !configuration) continue;
        const keys = configuration?.entries.map((each) => each.key) ?? [];
        // Missing: not written, or AWS::NoValue; a value a Fn::If may leave out is not judged.
        const absent = required.filter((key) => {
          const given = mapGet(configuration, key);
          return !given || isNoValue(given.value);
        });
        if (absent.length === 0) continue;
        // A key written in place of one required: a part of its name (`Branch` for `BranchName`) or a near miss.
        const others = keys.filter((key) => !required.includes(key));
        const hints = absent
          .map((key) => {
            const near =
              others.find((other) => key.toLowerCase().includes(other.toLowerCase())) ?? closest(key, others);
            return near === undefined ? "" : ` ('${near}' is written; the key is ${key})`;
          })
          .join("");
        const names = absent.join(" and ");
        report(
          entry && configuration
            ? entry.keyRange
            : (mapGet(action.node, "ActionTypeId")?.keyRange ?? action.node),
          `Action '${action.name}' of pipeline '${action.pipeline}' (${action.provider}) has no ${names} in its ` +
            `Configuration, which ${absent.length === 1 ? "its provider requires" : "its provider requires each of"}, so ` +
            `CodePipeline refuses the pipeline; add ${absent.length === 1 ? "it" : "them"}${hints}`,
          { path: [...action.path, "Configuration"] },
        );
      }
    }
  },
};
