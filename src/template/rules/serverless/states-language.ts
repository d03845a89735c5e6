/**
 * The structure of an Amazon States Language definition (https://states-language.net/spec.html
 * and the Step Functions Developer Guide): StartAt and Next targets that exist, a known Type for
 * every state, Next or End on every state that is not terminal, Choice rules, and the nested
 * machines of Parallel and Map states. Fields are not checked against a closed list: the language
 * keeps gaining them (JSONata's Arguments, Output and Assign, Map's ItemReader, ...), and a field a
 * linter does not know yet must not fail a deployment. Values written as intrinsics or with
 * DefinitionSubstitutions placeholders (`${Name}`) are skipped.
 */
import type { MapEntry, MapNode, Node, Range } from "../../model";
import { isString } from "../template-index";
import { type Document, isDynamic, type Problem } from "./documents";

const STATE_TYPES = ["Pass", "Task", "Wait", "Choice", "Succeed", "Fail", "Parallel", "Map"];
const TERMINAL_TYPES = new Set(["Succeed", "Fail"]);
const QUERY_LANGUAGES = ["JSONPath", "JSONata"];

type Add = (at: Node | Range, message: string) => void;

/** The structural problems of a state machine definition. */
export function definitionProblems(document: Document): Problem[] {
  const problems: Problem[] = [];
  checkMachine(document.node, document.anchor, "The definition", (at, message) =>
    problems.push({ at, message }),
  );
  return problems;
}

const get = (map: MapNode, key: string): MapEntry | undefined =>
  map.entries.find((entry) => entry.key === key);

/** A value written out in the template, not computed at deploy time nor substituted. */
function literal(node: Node): node is Node & { value: string } {
  return isString(node) && !node.value.includes("${");
}

/**
 * `jsonata`: the machine, or one it is a branch of, sets QueryLanguage JSONata, which its states
 * cannot turn back: "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state
 * machine" (CreateStateMachine's SCHEMA_VALIDATION_FAILED, as recorded of the API).
 */
function checkMachine(node: Node, anchor: Range, label: string, add: Add, jsonata = false): void {
  if (isDynamic(node)) return;
  if (node.kind !== "map") {
    add(node, `${label} must be a mapping with StartAt and States`);
    return;
  }
  const language = checkQueryLanguage(node, add, jsonata);
  const startAt = get(node, "StartAt");
  const states = get(node, "States");
  if (!startAt) add(anchor, `${label} has no StartAt naming its first state`);
  if (!states) {
    add(anchor, `${label} has no States`);
    return;
  }
  if (isDynamic(states.value)) return;
  if (states.value.kind !== "map") {
    add(states.value, "States must be a mapping of state names to states");
    return;
  }
  const names = new Set(states.value.entries.map((entry) => entry.key));
  const target = (entry: MapEntry | undefined, what: string): void => {
    if (!entry || isDynamic(entry.value) || (isString(entry.value) && entry.value.value.includes("${")))
      return;
    if (!literal(entry.value)) add(entry.value, `${what} must be the name of a state`);
    else if (!names.has(entry.value.value))
      add(entry.value, `${what} names no state of the States it belongs to`);
  };
  target(startAt, "StartAt");
  for (const state of states.value.entries) checkState(state, target, add, language === "JSONata");
}

/** Checks a QueryLanguage, and gives the one in force (`jsonata`: JSONata is set above). */
function checkQueryLanguage(node: MapNode, add: Add, jsonata: boolean): string | undefined {
  const entry = get(node, "QueryLanguage");
  if (!entry || !literal(entry.value)) return jsonata ? "JSONata" : undefined;
  if (!QUERY_LANGUAGES.includes(entry.value.value)) {
    add(entry.value, `QueryLanguage must be ${QUERY_LANGUAGES.join(" or ")}`);
  } else if (jsonata && entry.value.value === "JSONPath") {
    add(
      entry.value,
      "QueryLanguage cannot be JSONPath where the state machine sets JSONata as a whole; leave it out here, or set " +
        "JSONata state by state",
    );
  }
  return jsonata ? "JSONata" : entry.value.value;
}

function checkState(
  state: MapEntry,
  target: (entry: MapEntry | undefined, what: string) => void,
  add: Add,
  jsonata: boolean,
): void {
  const name = `State '${state.key}'`;
  const body = state.value;
  if (isDynamic(body)) return;
  if (body.kind !== "map") {
    add(state.keyRange, `${name} must be a mapping with a Type`);
    return;
  }
  checkQueryLanguage(body, add, jsonata);
  const typeEntry = get(body, "Type");
  if (!typeEntry) {
    add(state.keyRange, `${name} has no Type; use one of ${STATE_TYPES.join(", ")}`);
    return;
  }
  if (!literal(typeEntry.value)) return;
  const type = typeEntry.value.value;
  if (!STATE_TYPES.includes(type)) {
    add(typeEntry.value, `Type of state '${state.key}' must be one of ${STATE_TYPES.join(", ")}`);
    return;
  }
  const next = get(body, "Next");
  const end = get(body, "End");
  if (TERMINAL_TYPES.has(type)) {
    for (const entry of [next, end]) {
      if (entry) add(entry.keyRange, `A ${type} state ends the execution; it takes no ${entry.key}`);
    }
  } else if (type !== "Choice") {
    if (next && end) add(end.keyRange, `${name} has both Next and End; a state either moves on or ends`);
    else if (!next && !end) add(state.keyRange, `${name} needs Next (the state that follows) or End: true`);
    if (end && end.value.kind === "scalar" && end.value.value !== true) {
      add(end.value, "End must be true; leave it out and use Next to continue");
    }
  }
  target(next, "Next");
  const catchers = get(body, "Catch")?.value;
  if (catchers?.kind === "seq") {
    for (const catcher of catchers.items) {
      if (catcher.kind !== "map" || isDynamic(catcher)) continue;
      const catchNext = get(catcher, "Next");
      if (!catchNext) add(catcher, "Each Catch entry needs Next: the state to move to after the error");
      target(catchNext, "Next of a Catch entry");
    }
  }
  if (type === "Task" && !get(body, "Resource")) add(state.keyRange, `${name} is a Task without Resource`);
  if (type === "Choice") checkChoice(state, body, target, add);
  if (type === "Parallel") checkParallel(state, body, add, jsonata);
  if (type === "Map") checkMap(state, body, add, jsonata);
}

function checkChoice(
  state: MapEntry,
  body: MapNode,
  target: (entry: MapEntry | undefined, what: string) => void,
  add: Add,
): void {
  const choices = get(body, "Choices");
  if (!choices) {
    add(state.keyRange, `Choice state '${state.key}' has no Choices`);
  } else if (!isDynamic(choices.value)) {
    if (choices.value.kind !== "seq" || choices.value.items.length === 0) {
      add(choices.value, "Choices must be a non-empty list of choice rules");
    } else {
      for (const rule of choices.value.items) {
        if (rule.kind !== "map" || isDynamic(rule)) continue;
        const next = get(rule, "Next");
        if (!next) add(rule, "Each choice rule needs Next: the state to move to when the rule matches");
        target(next, "Next of a choice rule");
      }
    }
  }
  target(get(body, "Default"), "Default");
}

function checkParallel(state: MapEntry, body: MapNode, add: Add, jsonata: boolean): void {
  const branches = get(body, "Branches");
  if (!branches) {
    add(state.keyRange, `Parallel state '${state.key}' has no Branches`);
    return;
  }
  if (isDynamic(branches.value)) return;
  if (branches.value.kind !== "seq") {
    add(branches.value, "Branches must be a list of state machines, each with StartAt and States");
    return;
  }
  for (const [index, branch] of branches.value.items.entries()) {
    const anchor = branch.kind === "map" ? branch.range : branches.keyRange;
    checkMachine(branch, anchor, `Branch ${index + 1} of '${state.key}'`, add, jsonata);
  }
}

function checkMap(state: MapEntry, body: MapNode, add: Add, jsonata: boolean): void {
  const processor = get(body, "ItemProcessor");
  const iterator = get(body, "Iterator");
  if (processor && iterator) {
    add(
      iterator.keyRange,
      `Map state '${state.key}' has both ItemProcessor and Iterator; keep ItemProcessor`,
    );
  } else if (!processor && !iterator) {
    add(state.keyRange, `Map state '${state.key}' needs ItemProcessor (or the older Iterator)`);
  }
  for (const entry of [processor, iterator]) {
    if (entry) checkMachine(entry.value, entry.keyRange, `${entry.key} of '${state.key}'`, add, jsonata);
  }
}
