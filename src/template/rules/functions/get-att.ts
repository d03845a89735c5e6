import { plural } from "../../../text";
import type { Node } from "../../model";
import type { Rule } from "../rule";
import { isString, USER_GUIDE } from "../template-index";
import { callsOf, hasLoopPlaceholder, usesLanguageExtensions } from "./calls";
import { attributeProblem, templateNames } from "./names";
import { checkSlot, describe, type Slot } from "./slots";

/** The language extensions let both parts of the list form be computed. */
const LANGUAGE_EXTENSIONS_FUNCTIONS = [
  "Ref",
  "Fn::Base64",
  "Fn::FindInMap",
  "Fn::Sub",
  "Fn::If",
  "Fn::Join",
  "Fn::ToJsonString",
];

const SHAPE = "[LogicalId, AttributeName] or 'LogicalId.AttributeName'";

export const getAttRule: Rule = {
  id: "E1010",
  severity: "error",
  shortDescription: "GetAtt validation of parameters",
  description:
    "Fn::GetAtt names a resource of the template and an attribute its resource type has (custom resources and nested stack outputs accept any).",
  source: `${USER_GUIDE}/intrinsic-function-reference-getatt.html`,
  tags: ["functions", "getatt"],
  check({ template, spec, report }) {
    const names = templateNames(template);
    const extensions = usesLanguageExtensions(template);
    const resourceSlot: Slot = {
      label: "the logical id of Fn::GetAtt",
      literal: "string",
      functions: extensions ? LANGUAGE_EXTENSIONS_FUNCTIONS : [],
    };
    const attributeSlot: Slot = {
      label: "the attribute name of Fn::GetAtt",
      literal: "string",
      functions: extensions ? LANGUAGE_EXTENSIONS_FUNCTIONS : ["Ref"],
    };
    for (const call of callsOf(template, "Fn::GetAtt")) {
      const arg = call.arg;
      if (isString(arg)) {
        if (hasLoopPlaceholder(arg.value, call)) continue;
        const dot = arg.value.indexOf(".");
        if (dot <= 0 || dot === arg.value.length - 1) {
          report(arg, `Fn::GetAtt needs ${SHAPE}; got '${arg.value}'`);
          continue;
        }
        const problem = attributeProblem(names, spec, arg.value.slice(0, dot), arg.value.slice(dot + 1));
        if (problem) report(arg, problem);
        continue;
      }
      if (arg.kind !== "seq" || arg.items.length !== 2) {
        const got = arg.kind === "seq" ? plural(arg.items.length, "item") : `a ${describe(arg)}`;
        report(call.node, `Fn::GetAtt needs ${SHAPE}; got ${got}`);
        continue;
      }
      // Index access, not destructuring: that goes through an array iterator in code run once.
      const resource = arg.items[0];
      const attribute = arg.items[1];
      checkSlot(resource, resourceSlot, report);
      checkSlot(attribute, attributeSlot, report);
      if (!isString(resource) || hasLoopPlaceholder(resource.value, call)) continue;
      const attributeName = literalText(attribute);
      if (attributeName !== undefined && hasLoopPlaceholder(attributeName, call)) continue;
      const problem = attributeProblem(names, spec, resource.value, attributeName);
      if (problem) report(names.isResource(resource.value) ? attribute : resource, problem);
    }
  },
};

function literalText(node: Node): string | undefined {
  return node.kind === "scalar" && node.value !== null ? String(node.value) : undefined;
}
