import { didYouMean } from "../../suggest";
import type { Rule } from "../rule";
import { isString, PSEUDO_PARAMETERS, USER_GUIDE } from "../template-index";
import { callsOf, functionName, hasLoopPlaceholder, usesLanguageExtensions } from "./calls";
import { templateNames } from "./names";
import { checkSlot, describe } from "./slots";

/** The language extensions let Ref take a computed name. */
const LANGUAGE_EXTENSIONS_FUNCTIONS = [
  "Ref",
  "Fn::Base64",
  "Fn::FindInMap",
  "Fn::If",
  "Fn::Join",
  "Fn::Sub",
  "Fn::ToJsonString",
];

export const refRule: Rule = {
  id: "E1020",
  severity: "error",
  shortDescription: "Ref validation of value",
  description:
    "Ref names a parameter, a resource or a pseudo parameter of the template (in SAM templates, also a resource SAM generates).",
  source: `${USER_GUIDE}/intrinsic-function-reference-ref.html`,
  tags: ["functions", "ref"],
  check({ template, report }) {
    const names = templateNames(template);
    const extensions = usesLanguageExtensions(template);
    for (const call of callsOf(template, "Ref")) {
      const arg = call.arg;
      if (!isString(arg)) {
        if (extensions && functionName(arg)) {
          checkSlot(
            arg,
            { label: "Ref", literal: "string", functions: LANGUAGE_EXTENSIONS_FUNCTIONS },
            report,
          );
        } else {
          report(
            call.node,
            `Ref needs the name of a parameter or resource as a string; got a ${describe(arg)}`,
          );
        }
        continue;
      }
      const target = arg.value;
      // Conditions are evaluated before any resource exists.
      if (
        call.from[0] === "Conditions" &&
        !template.parameters.has(target) &&
        !PSEUDO_PARAMETERS.has(target)
      ) {
        if (names.isResource(target)) {
          report(arg, `Conditions can only Ref parameters and pseudo parameters; '${target}' is a resource`);
          continue;
        }
      }
      if (names.isRefable(target) || call.loopVariables.includes(target) || hasLoopPlaceholder(target, call))
        continue;
      if (target.startsWith("AWS::")) {
        report(arg, `Ref to unknown pseudo parameter '${target}'${didYouMean(target, PSEUDO_PARAMETERS)}`);
      } else {
        const candidates = [...names.declared, ...call.loopVariables];
        report(arg, `Ref to undefined parameter or resource '${target}'${didYouMean(target, candidates)}`);
      }
    }
  },
};
