/**
 * The functions of the AWS::LanguageExtensions transform: Fn::ForEach (E1032), Fn::Length (E1030)
 * and Fn::ToJsonString (E1031). Each needs the transform declared; without it CloudFormation stops
 * at the unknown function. With it, the transform stops at a loop that is not
 * `[Identifier, Collection, {OutputTemplate}]`, a collection that is not a list, and an output key
 * that comes out the same on every pass (no `${Identifier}` or `&{Identifier}` in it: a duplicate
 * logical id, output or property), and at what the Fn::ForEach RFC's constraints forbid: a loop or
 * an identifier named like a parameter or a resource, a NoEcho list, an item only a resource gives,
 * an identifier an enclosing loop uses; Fn::Length takes a list and Fn::ToJsonString a list or a
 * mapping.
 * The functions allowed inside are those cfn-lint allows (Fn::Cidr added to Fn::Length's: it
 * returns a list).
 */
import { plural } from "../../../text";
import type { MapEntry, Node } from "../../model";
import { mapGet } from "../../nodes";
import { isNoEcho } from "../parameters/declared";
import type { Report, Rule } from "../rule";
import { literalString, referenceTarget } from "../services/values";
import {
  intrinsicName,
  isForEachKey,
  LANGUAGE_EXTENSIONS,
  type TemplateIndex,
  USER_GUIDE,
} from "../template-index";
import {
  callsOf,
  enclosingIdentifiers,
  type FunctionCall,
  forEachEntries,
  usesLanguageExtensions,
} from "./calls";
import { isListParameterType } from "./shapes";
import { checkSlot, describe, type Slot, slotContext } from "./slots";

function needsTransform(name: string): string {
  return `${name} needs the ${LANGUAGE_EXTENSIONS} transform: add it to the template's Transform`;
}

/** Functions that give a list, where Fn::ForEach takes its collection. */
const LIST_FUNCTIONS = ["Fn::Cidr", "Fn::FindInMap", "Fn::GetAZs", "Fn::If", "Fn::Split", "Ref"];

export const forEachRule: Rule = {
  id: "E1032",
  severity: "error",
  shortDescription:
    "Fn::ForEach has an identifier, a list to loop over and an output template that differs per pass",
  description:
    "Fn::ForEach needs the AWS::LanguageExtensions transform and [Identifier, Collection, OutputTemplate]: " +
    "a string, a list (or a function or parameter that gives one) and a mapping whose keys use ${Identifier} " +
    "or &{Identifier}.",
  source: `${USER_GUIDE}/intrinsic-function-reference-foreach.html`,
  tags: ["functions", "foreach"],
  check({ template, report }) {
    const loops = forEachEntries(template);
    if (loops.length === 0) return;
    const transform = usesLanguageExtensions(template);
    for (const entry of loops) {
      if (!transform) {
        report(entry.keyRange, needsTransform("Fn::ForEach"));
        continue;
      }
      checkLoop(entry, template, report);
    }
    if (template.expandedLoops.size > 0) checkNamesTaken(template, report);
  },
};

/** What an item of each section a loop may make is called in a message. */
const ITEM_KIND: Record<string, string> = {
  Resources: "resource",
  Outputs: "output",
  Conditions: "condition",
};

/**
 * A name a loop makes over a known list (loops.ts) that its section already has: written there,
 * made by an earlier loop, or by another of its items (`&{Name}` of `a-b` and `ab`, or an inner
 * loop's output key without the outer identifier). The transform refuses the template; reported
 * at the loop's output key.
 */
function checkNamesTaken(template: TemplateIndex, report: Report): void {
  for (const [section, kind] of Object.entries(ITEM_KIND)) {
    const items = template.sections.get(section)?.items;
    if (!items) continue;
    const madeBy = new Map<string, string>();
    items.forEach((loop, loopName) => {
      const made = template.expandedLoops.get(loop);
      if (!made) return;
      for (const item of made) {
        const earlier = madeBy.get(item.key);
        const taken =
          items.has(item.key) && !isForEachKey(item.key)
            ? `which ${section} also names`
            : earlier === undefined
              ? undefined
              : earlier === loopName
                ? "which another of its items also makes"
                : `which ${earlier} also makes`;
        if (taken) {
          report(
            item.keyRange,
            `${loopName} makes ${kind} '${item.key}', ${taken}: the transform refuses a name given twice`,
          );
        }
        if (earlier === undefined) madeBy.set(item.key, loopName);
      }
    });
  }
}

/**
 * What a parameter or a resource the template declares is called in a message, where `name` is
 * one; the Fn::ForEach RFC (constraint 3) and reference: a loop's name and its identifier may be
 * neither.
 */
function declaredAs(template: TemplateIndex, name: string): string | undefined {
  if (template.parameters.has(name)) return `parameter '${name}'`;
  if (template.sections.get("Resources")?.items.has(name)) return `resource '${name}'`;
  return undefined;
}

function checkLoop(entry: MapEntry, template: TemplateIndex, report: Report): void {
  const parameters = template.parameters;
  const value = entry.value;
  const loopName = entry.key.slice("Fn::ForEach::".length);
  const clash = declaredAs(template, loopName);
  if (clash)
    report(
      entry.keyRange,
      `${entry.key} is named like ${clash}: the transform refuses a loop named like a parameter or a resource; rename it`,
    );
  if (value.kind !== "seq" || value.items.length !== 3) {
    const got = value.kind === "seq" ? plural(value.items.length, "item") : `a ${describe(value)}`;
    report(value, `${entry.key} needs [Identifier, Collection, OutputTemplate]; got ${got}`);
    return;
  }
  const [identifier, collection, output] = value.items;
  const id =
    identifier.kind === "scalar" && typeof identifier.value === "string" ? identifier.value : undefined;
  if (id === undefined) report(identifier, `The identifier of ${entry.key} must be a string`);
  // The Fn::ForEach RFC, constraint 5: an inner loop's identifier would hide an outer one's.
  if (id !== undefined && enclosingIdentifiers(template, entry).includes(id))
    report(
      identifier,
      `The identifier '${id}' of ${entry.key} is already the identifier of a loop around it: give each nested loop its own`,
    );
  const taken = id === undefined ? undefined : declaredAs(template, id);
  if (taken)
    report(
      identifier,
      `The identifier '${id}' of ${entry.key} is the name of ${taken} too: the transform refuses an identifier that names a parameter or a resource; rename it`,
    );
  if (collection.kind === "seq") checkItems(entry, collection.items, template, report);
  const fn = intrinsicName(collection);
  if (fn) {
    if (!LIST_FUNCTIONS.includes(fn)) {
      report(
        collection,
        `${fn} does not give a list: the collection of ${entry.key} takes a list, ${LIST_FUNCTIONS.join(", ")}`,
      );
    } else if (fn === "Ref" && collection.kind === "map") {
      const name = literalString(collection.entries[0].value);
      const parameter = name ? parameters.get(name)?.value : undefined;
      const type = literalString(mapGet(parameter, "Type")?.value);
      if (parameter && isNoEcho(parameter)) {
        report(
          collection,
          `The collection of ${entry.key} refers to parameter '${name}', which is NoEcho: the transform does not loop over a NoEcho parameter`,
        );
      } else if (type && !isListParameterType(type)) {
        report(
          collection,
          `The collection of ${entry.key} refers to parameter '${name}' of type ${type}, which is not a list; ` +
            "use a CommaDelimitedList or List<...> parameter",
        );
      }
    }
  } else if (collection.kind !== "seq") {
    report(
      collection,
      `The collection of ${entry.key} must be a list, or a Ref to a list parameter; got a ${describe(collection)}`,
    );
  }
  if (output.kind !== "map" || intrinsicName(output)) {
    report(output, `The output template of ${entry.key} must be a mapping`);
    return;
  }
  // One pass writes each key once: only a collection of two or more items can repeat a key.
  if (id === undefined || (collection.kind === "seq" && collection.items.length < 2)) return;
  const placeholders = [`\${${id}}`, `&{${id}}`];
  for (const key of output.entries) {
    if (key.key.startsWith("Fn::ForEach::")) continue;
    if (!placeholders.some((placeholder) => key.key.includes(placeholder)))
      report(
        key.keyRange,
        `'${key.key}' comes out the same on every pass of ${entry.key}: put \${${id}} or &{${id}} in it, or each pass writes the same key`,
      );
  }
}

const LENGTH: Slot = {
  label: "the value of Fn::Length",
  literal: "list",
  functions: LIST_FUNCTIONS,
};

export const lengthRule: Rule = {
  id: "E1030",
  severity: "error",
  shortDescription: "Fn::Length takes a list, under the AWS::LanguageExtensions transform",
  description:
    "Fn::Length needs the AWS::LanguageExtensions transform and takes a list or a function that gives one.",
  source: `${USER_GUIDE}/intrinsic-function-reference-length.html`,
  tags: ["functions", "length"],
  check({ template, spec, report }) {
    checkCalls(template, "Fn::Length", report, (call) =>
      checkSlot(call.arg, LENGTH, report, slotContext(template, spec, call)),
    );
  },
};

const JSON_VALUE: Slot = {
  label: "the value of Fn::ToJsonString",
  literal: "any",
  functions: ["Fn::FindInMap", "Fn::GetAtt", "Fn::GetAZs", "Fn::If", "Fn::Select", "Fn::Split", "Ref"],
};

export const toJsonStringRule: Rule = {
  id: "E1031",
  severity: "error",
  shortDescription: "Fn::ToJsonString takes a list or a mapping, under the AWS::LanguageExtensions transform",
  description:
    "Fn::ToJsonString needs the AWS::LanguageExtensions transform and takes a list or a mapping (or a function " +
    "that gives one) to write as JSON.",
  source: `${USER_GUIDE}/intrinsic-function-reference-ToJsonString.html`,
  tags: ["functions", "toJsonString"],
  check({ template, report }) {
    checkCalls(template, "Fn::ToJsonString", report, (call) => {
      if (call.arg.kind === "scalar")
        report(call.arg, "The value of Fn::ToJsonString must be a list or a mapping");
      else checkSlot(call.arg, JSON_VALUE, report);
    });
  },
};

function checkCalls(
  template: TemplateIndex,
  name: string,
  report: Report,
  check: (call: FunctionCall) => void,
): void {
  const calls = callsOf(template, name);
  if (calls.length === 0) return;
  const transform = usesLanguageExtensions(template);
  for (const call of calls) {
    if (transform) check(call);
    else report(call.node.entries[0].keyRange, needsTransform(call.name));
  }
}

export const languageExtensionRules: Rule[] = [forEachRule, lengthRule, toJsonStringRule];

/**
 * The items of a collection written out: each must be known before any resource is made (the
 * Fn::ForEach RFC, constraint 7), so not a resource's Ref or attribute.
 */
function checkItems(entry: MapEntry, items: readonly Node[], template: TemplateIndex, report: Report): void {
  for (let i = 0; i < items.length; i++) {
    const target = referenceTarget(items[i]);
    if (!target || !template.resources.has(target.name)) continue;
    const given = target.attribute === undefined ? "Ref" : `attribute ${target.attribute}`;
    report(
      items[i],
      `Item ${i} of the collection of ${entry.key} is the ${given} of resource '${target.name}', known only once it is made: the transform needs every item before any resource is made`,
    );
  }
}
