import type { Node, ScalarNode } from "../../model";
import { didYouMean } from "../../suggest";
import { realResources } from "../resources/shared";
import type { Report, Rule } from "../rule";
import { literalString } from "../services/values";
import { intrinsicName, isString, type ResourceInfo, type TemplateIndex } from "../template-index";
import { type Document, propertyEntry, propertyPath, staticDocument } from "./documents";
import { definitionProblems } from "./states-language";

const DEFINITION_PROPERTIES: Record<string, string[]> = {
  "AWS::StepFunctions::StateMachine": ["Definition", "DefinitionString"],
  "AWS::Serverless::StateMachine": ["Definition"],
};

/**
 * E3601, as in cfn-lint: the structure of a Step Functions definition, written as a `Definition`
 * mapping or as a `DefinitionString` JSON string (a string built with Fn::Sub or Fn::Join is only
 * known at deploy time and is skipped). Problems inside a mapping are reported at the offending
 * key or value; inside a JSON string, at the string.
 *
 * Where we differ from cfn-lint: we check that every Next, Default and Catch target names a state
 * of its own States (cfn-lint checks only StartAt), and we do not reject fields we do not know or
 * check field types and ARN patterns, so a field added to the language later never fails a
 * template. We also check SAM state machines before the transform.
 *
 * A Task's Resource written as a DefinitionSubstitutions placeholder (`${FunctionArn}`) must have
 * its entry in DefinitionSubstitutions: without one the text stays as written, and Step Functions
 * refuses a Resource that is not an ARN (cfn-lint reports it as a pattern mismatch; SAM's own
 * check, after the transform, as E1029). Only a DefinitionSubstitutions written out as a mapping
 * is compared. An EXPRESS state machine (StateMachineType, or Type in SAM) may not use the job-run
 * (`.sync`) or callback (`.waitForTaskToken`) integration patterns, nor activities (Step Functions
 * Developer Guide, "Choosing workflow type").
 */
export const stateMachineDefinition: Rule = {
  id: "E3601",
  severity: "error",
  shortDescription: "Step Functions definitions are well formed",
  description:
    "A state machine definition needs StartAt naming one of its States, a known Type for every state, Next or " +
    "End on every state that does not end the execution, Next and Default targets that exist, Choices on Choice " +
    "states and well-formed Parallel branches and Map item processors.",
  source: "https://docs.aws.amazon.com/step-functions/latest/dg/statemachine-structure.html",
  tags: ["resources", "stepfunctions", "serverless"],
  check({ template, report }) {
    for (const { resource, key, document } of definitions(template)) {
      for (const problem of definitionProblems(document)) {
        report(problem.at, problem.message, propertyPath(resource, key));
      }
      checkPlaceholders(resource, key, document, report);
      checkExpress(resource, key, document, report);
    }
  },
};

/** The state machine definitions of the template that are written out, with where each stands. */
function definitions(template: TemplateIndex): { resource: ResourceInfo; key: string; document: Document }[] {
  const found: { resource: ResourceInfo; key: string; document: Document }[] = [];
  for (const resource of realResources(template)) {
    const type = resource.type ?? "";
    if (!Object.hasOwn(DEFINITION_PROPERTIES, type)) continue;
    for (const key of DEFINITION_PROPERTIES[type]) {
      const document = staticDocument(propertyEntry(resource, key));
      if (document) found.push({ resource, key, document });
    }
  }
  return found;
}

/**
 * W3601: an error name in a Retry's or Catch's ErrorEquals that begins with `States.` but is none
 * of the language's own. Error names are compared with case ("Step Functions identifies errors in
 * the Amazon States Language using case-sensitive strings"), and no state may report another
 * `States.` name, so the retrier or catcher never matches: `States.All` for `States.ALL`. A
 * warning: Step Functions takes the definition. The names are the Developer Guide's ("Error
 * names"); an HTTP task's `States.Http.*` errors are all taken.
 */
const STATES_ERRORS = [
  "States.ALL",
  "States.BranchFailed",
  "States.DataLimitExceeded",
  "States.ExceedToleratedFailureThreshold",
  "States.HeartbeatTimeout",
  "States.IntrinsicFailure",
  "States.ItemReaderFailed",
  "States.NoChoiceMatched",
  "States.ParameterPathFailure",
  "States.Permissions",
  "States.QueryEvaluationError",
  "States.ResultPathMatchFailure",
  "States.ResultWriterFailed",
  "States.Runtime",
  "States.TaskFailed",
  "States.Timeout",
];

export const stateMachineErrorNames: Rule = {
  id: "W3601",
  severity: "warning",
  shortDescription: "Retry and Catch name errors Step Functions reports",
  description:
    "An ErrorEquals name that begins with States. is one of the language's predefined errors, written with its case " +
    "(States.ALL, States.TaskFailed, States.Timeout, ...); any other never matches.",
  source: "https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html",
  tags: ["resources", "stepfunctions", "serverless"],
  check({ template, report }) {
    for (const { resource, key, document } of definitions(template)) {
      for (const name of namedValues(document, "ErrorEquals")) {
        const error = name.value;
        if (!error.startsWith("States.") || STATES_ERRORS.includes(error) || error.startsWith("States.Http."))
          continue;
        const meant = STATES_ERRORS.find((known) => known.toLowerCase() === error.toLowerCase());
        report(
          name,
          `Error name ${error} is none of Step Functions' own errors${meant ? ` (names keep their case: ${meant})` : didYouMean(error, STATES_ERRORS)}, and no state may report ` +
            "another name that begins with States., so this retrier or catcher never matches",
          propertyPath(resource, key),
        );
      }
    }
  },
};

/** The strings under `key` (a string, or a list of them) anywhere in a definition. */
function namedValues(document: Document, key: string): (ScalarNode & { value: string })[] {
  const found: (ScalarNode & { value: string })[] = [];
  const visit = (node: Node): void => {
    if (node.kind === "seq") for (const item of node.items) visit(item);
    if (node.kind !== "map" || intrinsicName(node)) return;
    for (const entry of node.entries) {
      if (entry.key !== key) visit(entry.value);
      else if (isString(entry.value)) found.push(entry.value);
      else if (entry.value.kind === "seq")
        for (const item of entry.value.items) if (isString(item)) found.push(item);
    }
  };
  visit(document.node);
  return found;
}

/** The string Resources of a definition's states, at any depth (Parallel branches, Map processors). */
function taskResources(document: Document): (ScalarNode & { value: string })[] {
  return namedValues(document, "Resource");
}

/** Reports Task Resources that are placeholders without an entry in DefinitionSubstitutions. */
function checkPlaceholders(resource: ResourceInfo, key: string, document: Document, report: Report): void {
  const substitutions = propertyEntry(resource, "DefinitionSubstitutions")?.value;
  if (substitutions && (substitutions.kind !== "map" || intrinsicName(substitutions))) return;
  const names = substitutions?.kind === "map" ? substitutions.entries.map((entry) => entry.key) : [];
  for (const resourceNode of taskResources(document)) {
    for (const match of resourceNode.value.matchAll(/\$\{([^}]*)\}/g)) {
      if (names.includes(match[1])) continue;
      report(
        resourceNode,
        `Resource ${match[0]} is a placeholder that DefinitionSubstitutions does not fill in` +
          `${didYouMean(match[1], names)}, so Step Functions gets the text, which is not an ARN; ` +
          `add ${match[1]} to DefinitionSubstitutions`,
        propertyPath(resource, key),
      );
    }
  }
}

/** The workflow type property of each state machine type. */
const TYPE_PROPERTY: Record<string, string> = {
  "AWS::StepFunctions::StateMachine": "StateMachineType",
  "AWS::Serverless::StateMachine": "Type",
};

/**
 * Reports, in an EXPRESS state machine, Task Resources that Express workflows do not run: the
 * job-run (`.sync`) and callback (`.waitForTaskToken`) integration patterns and activities.
 */
function checkExpress(resource: ResourceInfo, key: string, document: Document, report: Report): void {
  const type = literalString(propertyEntry(resource, TYPE_PROPERTY[resource.type ?? ""] ?? "")?.value);
  if (type?.toUpperCase() !== "EXPRESS") return;
  for (const resourceNode of taskResources(document)) {
    const arn = resourceNode.value;
    const pattern = /\.sync(:\d+)?$/.test(arn)
      ? "the job-run (.sync) integration pattern"
      : arn.endsWith(".waitForTaskToken")
        ? "the callback (.waitForTaskToken) integration pattern"
        : /^arn:[^:]+:states:[^:]*:[^:]*:activity:/.test(arn)
          ? "activities"
          : undefined;
    if (!pattern) continue;
    report(
      resourceNode,
      `Resource ${arn} uses ${pattern}, which EXPRESS state machines do not support, and Step Functions refuses the ` +
        "definition; use a STANDARD state machine, or the request-response form of the integration",
      propertyPath(resource, key),
    );
  }
}
