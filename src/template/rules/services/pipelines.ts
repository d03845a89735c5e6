/**
 * The stages of an AWS::CodePipeline::Pipeline (cfn-lint's ids; CreatePipeline refuses each case):
 * - E3700: the first stage holds only Source actions, and no later stage holds one.
 * - E3701: an action's InputArtifacts are artifacts an action before it writes (in an earlier
 *   stage, or earlier in the same stage by RunOrder), and no two actions write an artifact of the
 *   same name. cfn-lint goes by the order the actions are written in; here RunOrder decides within
 *   a stage, as it does when the pipeline runs, so an action written before the one it waits for is
 *   no error.
 * - E3702, for Source actions: a Source action reads no artifact and writes exactly one. (cfn-lint
 *   also knows the counts of each build, test and deploy provider.)
 *
 * Stages and actions inside a Fn::If count as written, except that two conditional actions that
 * write the same artifact are not reported (their conditions may exclude each other). Names,
 * categories and RunOrder values given through intrinsic functions are not judged. Actions of a
 * stage with the same RunOrder run side by side, so one cannot read what another writes.
 */
import type { MapNode, Node } from "../../model";
import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import { intrinsicName, type TemplateIndex } from "../template-index";
import {
  isAbsent,
  literalNumber,
  literalString,
  plainMap,
  presentEntry,
  propertySets,
  resourcesOfType,
  valuesAtPath,
} from "./values";

const SOURCE = "https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-pipeline-structure.html";

interface Artifact {
  name: string;
  node: Node;
  path: (string | number)[];
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
  inputs: Artifact[];
  outputs: Artifact[];
  node: MapNode;
  path: (string | number)[];
}

/** The mappings of a list, with whether each came out of a Fn::If branch. */
function items(list: Node | undefined): { node: MapNode; index: number; conditional: boolean }[] {
  if (list?.kind !== "seq") return [];
  return list.items.flatMap((item, index) =>
    valuesAtPath(item, []).flatMap((value) => {
      const node = plainMap(value);
      return node ? [{ node, index, conditional: intrinsicName(item) === "Fn::If" }] : [];
    }),
  );
}

function artifacts(action: MapNode, key: string, path: (string | number)[]): Artifact[] {
  return items(presentEntry(action, key)?.value).flatMap(({ node, index }) => {
    const entry = presentEntry(node, "Name");
    const name = literalString(entry?.value);
    return entry && name !== undefined
      ? [{ name, node: entry.value, path: [...path, key, index, "Name"] }]
      : [];
  });
}

const cache = new WeakMap<TemplateIndex, PipelineAction[][]>();

/** The actions of each pipeline of the template, in order; found once for the three rules. */
function pipelines(template: TemplateIndex): PipelineAction[][] {
  const cached = cache.get(template);
  if (cached) return cached;
  const found: PipelineAction[][] = [];
  for (const pipeline of resourcesOfType(template, "AWS::CodePipeline::Pipeline")) {
    for (const { properties } of propertySets(pipeline)) {
      const actions: PipelineAction[] = [];
      for (const stage of items(presentEntry(properties, "Stages")?.value)) {
        for (const action of items(presentEntry(stage.node, "Actions")?.value)) {
          const path = [
            "Resources",
            pipeline.name,
            "Properties",
            "Stages",
            stage.index,
            "Actions",
            action.index,
          ];
          const category = mapGet(
            plainMap(presentEntry(action.node, "ActionTypeId")?.value),
            "Category",
          )?.value;
          const categoryName = literalString(category);
          const order = presentEntry(action.node, "RunOrder");
          actions.push({
            pipeline: pipeline.name,
            name: literalString(presentEntry(action.node, "Name")?.value) ?? `#${action.index + 1}`,
            stage: stage.index,
            conditional: stage.conditional || action.conditional,
            runOrder: order ? literalNumber(order.value) : 1,
            category:
              category && categoryName !== undefined ? { value: categoryName, node: category } : undefined,
            inputs: artifacts(action.node, "InputArtifacts", path),
            outputs: artifacts(action.node, "OutputArtifacts", path),
            node: action.node,
            path,
          });
        }
      }
      found.push(actions);
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
    for (const actions of pipelines(template)) {
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
    for (const actions of pipelines(template)) {
      const writers = new Map<string, PipelineAction[]>();
      for (const action of actions) {
        for (const output of action.outputs) {
          const earlier = writers.get(output.name);
          // Two conditional writers may be under conditions that exclude each other; one unconditional is enough.
          const twice = earlier?.find(
            (other) => other !== action && !(other.conditional && action.conditional),
          );
          if (twice) {
            report(
              output.node,
              `Action '${action.name}' of pipeline '${action.pipeline}' writes artifact '${output.name}', which action ` +
                `'${twice.name}' writes too; output artifact names are unique in a pipeline: rename one`,
              { path: output.path },
            );
          }
          if (earlier) earlier.push(action);
          else writers.set(output.name, [action]);
        }
      }
      for (const action of actions) {
        for (const input of action.inputs) {
          const candidates = writers.get(input.name) ?? [];
          if (candidates.some((writer) => writer !== action && runsBefore(writer, action))) continue;
          const later = candidates.find((writer) => writer !== action);
          report(
            input.node,
            `Action '${action.name}' of pipeline '${action.pipeline}' reads artifact '${input.name}', ` +
              (!later
                ? "which no action of the pipeline writes; name an OutputArtifacts of an earlier action"
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

export const pipelineSourceArtifacts: Rule = {
  id: "E3702",
  severity: "error",
  shortDescription: "A Source action reads no artifact and writes one",
  description:
    "A pipeline action of Category Source has no InputArtifacts and exactly one OutputArtifacts entry (cfn-lint's " +
    "E3702 also counts the artifacts of other providers).",
  source: "https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-action-artifacts.html",
  tags: ["resources", "codepipeline"],
  check({ template, report }) {
    for (const actions of pipelines(template)) {
      for (const action of actions) {
        if (action.category?.value !== "Source") continue;
        const inputs = action.inputs[0];
        if (inputs) {
          report(
            inputs.node,
            `Source action '${action.name}' of pipeline '${action.pipeline}' reads artifact '${inputs.name}', and a ` +
              "Source action reads none: it starts the pipeline; remove InputArtifacts",
            { path: inputs.path },
          );
        }
        if (isAbsent(action.node, "OutputArtifacts")) {
          report(
            action.category.node,
            `Source action '${action.name}' of pipeline '${action.pipeline}' writes no artifact, and a Source action ` +
              "writes exactly one, for the actions after it; add OutputArtifacts: [{Name: SourceOutput}]",
            { path: [...action.path, "OutputArtifacts"] },
          );
        } else if (action.outputs.length > 1) {
          report(
            action.outputs[1].node,
            `Source action '${action.name}' of pipeline '${action.pipeline}' writes ${action.outputs.length} artifacts, and a ` +
              "Source action writes exactly one; keep one OutputArtifacts entry",
            { path: action.outputs[1].path },
          );
        }
      }
    }
  },
};
