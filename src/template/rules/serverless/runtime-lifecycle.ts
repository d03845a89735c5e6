/**
 * Shared by E2531, E2533 and W2531: where a template names a Lambda runtime, and how far along
 * its deprecation a runtime is on a given day.
 */

import type { Clock } from "../../../clock";
import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import { givenTexts, reportGiven } from "../functions/resolve";
import { globalsFor, realResources } from "../resources/shared";
import { datedRule, type Report, type ReportOptions, type Rule } from "../rule";
import type { TemplateIndex } from "../template-index";
import { RUNTIME_LIFECYCLE, RUNTIME_LIFECYCLE_SOURCE, type RuntimeLifecycle } from "./runtimes";

/** Each stage implies the earlier ones; a runtime is reported at the latest it has reached. */
export type RuntimeStage = "deprecated" | "create-blocked" | "update-blocked";

/** The latest stage `life` has reached on `day` (YYYY-MM-DD, UTC), or undefined when still supported. */
export function runtimeStage(life: RuntimeLifecycle, day: string): RuntimeStage | undefined {
  if (life.updateBlock <= day) return "update-blocked";
  if (life.createBlock <= day) return "create-blocked";
  if (life.deprecated <= day) return "deprecated";
  return undefined;
}

const FUNCTION_TYPES = new Set(["AWS::Lambda::Function", "AWS::Serverless::Function"]);

interface RuntimeValue {
  node: Node;
  options: ReportOptions;
}

/**
 * Runtime values of functions and of SAM's Globals.Function, with both branches of an Fn::If. The
 * Globals value counts only where a SAM function takes it (one without a Runtime of its own): the
 * transform drops Globals, so a runtime no function takes creates nothing (a public layer-only
 * template of round 14 kept a retired one there).
 */
function* runtimeValues(template: TemplateIndex): Iterable<RuntimeValue> {
  let inherited = false;
  for (const resource of realResources(template)) {
    if (!resource.type || !FUNCTION_TYPES.has(resource.type)) continue;
    const entry = mapGet(resource.properties?.value, "Runtime");
    if (entry)
      yield { node: entry.value, options: { path: ["Resources", resource.name, "Properties", "Runtime"] } };
    else if (resource.type === "AWS::Serverless::Function") inherited = true;
  }
  const globals = inherited && mapGet(globalsFor(template, "AWS::Serverless::Function"), "Runtime");
  if (globals) yield { node: globals.value, options: { path: ["Globals", "Function", "Runtime"] } };
}

/** The message for `runtime`, named unless `hidden` (a value the deploy passes). */
function message(runtime: string, life: RuntimeLifecycle, stage: RuntimeStage, hidden = false): string {
  const move = life.successor ? ` Move to ${life.successor}.` : "";
  const dates =
    `was deprecated on ${life.deprecated}; Lambda blocks creating functions with it from ${life.createBlock} ` +
    `and updating them from ${life.updateBlock}.`;
  const now =
    stage === "update-blocked"
      ? "Functions with it can no longer be created or updated."
      : stage === "create-blocked"
        ? "Functions with it can no longer be created, so a new stack that uses it fails."
        : "It no longer receives security patches.";
  return `${hidden ? "the runtime" : `Runtime ${runtime}`} ${dates} ${now}${move}`;
}

/** Reports every runtime in `template` that has reached exactly `stage` on `day`. */
function checkRuntimes(template: TemplateIndex, report: Report, stage: RuntimeStage, day: string): void {
  for (const { node, options } of runtimeValues(template)) {
    for (const found of givenTexts(node, template, false)) {
      const runtime = found.text;
      const life = Object.hasOwn(RUNTIME_LIFECYCLE, runtime) ? RUNTIME_LIFECYCLE[runtime] : undefined;
      if (!life || runtimeStage(life, day) !== stage) continue;
      reportGiven(report, found, message(runtime, life, stage, found.hidden), options);
    }
  }
}

/** A runtime rule: reports the runtimes that have reached `stage` on the clock's day. */
export function runtimeRule(
  stage: RuntimeStage,
  clock: Clock,
  meta: Pick<Rule, "id" | "severity" | "shortDescription" | "description">,
): Rule {
  return datedRule(
    { ...meta, source: RUNTIME_LIFECYCLE_SOURCE, tags: ["resources", "lambda", "runtime", "serverless"] },
    clock,
    ({ template, report }, day) => checkRuntimes(template, report, stage, day),
  );
}
