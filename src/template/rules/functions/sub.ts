import { plural } from "../../../text";
import type { Node, Range, ScalarNode } from "../../model";
import type { SpecIndex } from "../../spec/types";
import { didYouMean } from "../../suggest";
import type { Report, Rule } from "../rule";
import { isString, PSEUDO_PARAMETERS, parseSub, subRange, USER_GUIDE } from "../template-index";
import { callsOf, type FunctionCall, functionName } from "./calls";
import { attributeProblem, type Names, templateNames } from "./names";
import { parameterShape } from "./shapes";
import { checkSlot, describe, type Slot, type SlotContext, slotContext } from "./slots";

const SHAPE = "a string or [String, {Name: Value}]";

const VARIABLE_SLOT: Slot = {
  label: "a variable of Fn::Sub",
  literal: "string",
  functions: [
    "Fn::Base64",
    "Fn::FindInMap",
    "Fn::GetAtt",
    "Fn::GetAZs",
    "Fn::GetStackOutput",
    "Fn::If",
    "Fn::ImportValue",
    "Fn::Join",
    "Fn::Select",
    "Fn::Sub",
    "Fn::ToJsonString",
    "Fn::Transform",
    "Ref",
  ],
};

const STRING_SLOT: Slot = { label: "the string of Fn::Sub", literal: "string", functions: [] };

export const subRule: Rule = {
  id: "E1019",
  severity: "error",
  shortDescription: "Sub validation of parameters",
  description:
    "Fn::Sub takes a string or [string, {variables}]; every variable in the string names a parameter, resource, pseudo parameter, local variable or Resource.Attribute.",
  source: `${USER_GUIDE}/intrinsic-function-reference-sub.html`,
  tags: ["functions", "sub"],
  check({ template, spec, report }) {
    const names = templateNames(template);
    for (const call of callsOf(template, "Fn::Sub")) {
      const arg = call.arg;
      let text: Node = arg;
      const locals = new Set<string>();
      if (arg.kind === "seq") {
        if (arg.items.length !== 2) {
          report(call.node, `Fn::Sub needs ${SHAPE}; got ${plural(arg.items.length, "item")}`);
          continue;
        }
        const variables = arg.items[1];
        text = arg.items[0];
        if (variables.kind === "map" && !functionName(variables)) {
          for (const entry of variables.entries) {
            locals.add(entry.key);
            checkSlot(entry.value, VARIABLE_SLOT, report, slotContext(template, spec, call));
          }
        } else {
          report(
            variables,
            `The variables of Fn::Sub must be a mapping of names to values; got a ${describe(variables)}`,
          );
        }
        checkSlot(text, STRING_SLOT, report);
      } else if (arg.kind === "map") {
        // A macro's output (`Fn::Sub: {Fn::Transform: ...}`) is known only once CloudFormation runs it.
        if (functionName(arg) !== "Fn::Transform")
          report(call.node, `Fn::Sub needs ${SHAPE}; got a ${describe(arg)}`);
        continue;
      }
      if (isString(text))
        checkText(text, locals, call, names, spec, report, slotContext(template, spec, call));
    }
  },
};

function checkText(
  text: ScalarNode & { value: string },
  locals: Set<string>,
  call: FunctionCall,
  names: Names,
  spec: SpecIndex,
  report: Report,
  context: SlotContext | undefined,
): void {
  const { variables, malformed } = parseSub(text.value);
  for (const offset of malformed) {
    report(
      subRange(text, offset, 2),
      `Fn::Sub string has a '\${' that is never closed; close it with '}', or write '\${!' for a literal '\${'`,
    );
  }
  for (const variable of variables) {
    const name = variable.name.trim();
    if (name === "" || locals.has(name) || call.loopVariables.includes(name)) continue;
    // A list parameter gives Fn::Sub a list where it writes text: CloudFormation refuses it.
    const listed = context && parameterShape(context.template.parameters, name);
    if (listed?.shape === "list") {
      report(
        subRange(text, variable.offset, variable.name.length),
        `Fn::Sub variable '${name}' is a list (parameter '${name}' is a ${listed.type}), and Fn::Sub writes text: ` +
          `join it in a variable of the Fn::Sub (${name}: !Join [",", !Ref ${name}]) or pick an item with Fn::Select`,
      );
      continue;
    }
    if (names.isRefable(name)) continue;
    // Inside Fn::ForEach, `${Bucket&{Id}.Arn}` names a generated resource only known after expansion.
    if (call.loopVariables.length > 0 && name.includes("&{")) continue;
    const range: Range = subRange(text, variable.offset, variable.name.length);
    const dot = name.indexOf(".");
    if (dot > 0) {
      const problem = attributeProblem(names, spec, name.slice(0, dot), name.slice(dot + 1));
      if (problem) report(range, `${problem}, in Fn::Sub variable '${name}'`);
    } else if (name.startsWith("AWS::")) {
      report(
        range,
        `Fn::Sub variable '${name}' is not a pseudo parameter${didYouMean(name, PSEUDO_PARAMETERS)}`,
      );
    } else {
      const candidates = [...names.declared, ...locals, ...call.loopVariables];
      report(
        range,
        `Fn::Sub variable '${name}' is not a parameter, resource or variable of this Fn::Sub${didYouMean(name, candidates)}`,
      );
    }
  }
}
