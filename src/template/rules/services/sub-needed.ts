/**
 * E1029: a `${Name}` written in a plain string, where Name is a parameter, resource, pseudo
 * parameter or `Resource.Attribute`, is left as it is: CloudFormation substitutes variables only
 * inside Fn::Sub. The fix is to wrap the string in Fn::Sub (or write `${!Name}` for a literal).
 *
 * Exceptions, as in cfn-lint: strings anywhere inside a Fn::Sub (its variable values too), an
 * inline nested-stack TemplateBody, and a Step Functions Definition or DefinitionString variable
 * that the resource's DefinitionSubstitutions provides. Names that are neither refable nor a
 * valid GetAtt (shell or JavaScript variables in inline code, `${stageVariables.x}`) are not
 * reported.
 *
 * Where this differs from cfn-lint on purpose:
 * - Only the places where CloudFormation resolves functions are read (resources, outputs other than
 *   their Description, SAM Globals): in a parameter's or the template's Description a `${...}`
 *   cannot be substituted at all.
 * - A parameter's Default and AllowedValues are read too, as cfn-lint reads them, with their own
 *   message: nothing is substituted there, so the parameter gets the text itself (an ECR policy's
 *   principal `${AWS::AccountId}`). Not under a macro, which may read them its own way, nor for a
 *   NoEcho parameter, whose values are not quoted.
 * - A `${...}` in a DefinitionString that is not a template name is not reported (cfn-lint reports
 *   any): Amazon States Language strings may carry such text for the state machine itself.
 */

import { attributeProblem, templateNames } from "../functions/names";
import { isNoEcho } from "../parameters/declared";
import type { Rule } from "../rule";
import { hasOpaqueTransform } from "../template/names";
import { subRange, type TemplateIndex, USER_GUIDE } from "../template-index";
import { nodeAt, resolvedSite, type StringSite, stringSites } from "./strings";

/** The variables cfn-lint looks for: names of letters, digits, `_`, `:` and `.`. */
const VARIABLE = /\$\{([A-Za-z0-9_:.]+)\}/g;

/**
 * Whether a string is a nested stack's or stack set's inline TemplateBody, as written or as a branch
 * of a Fn::If there: the template it holds resolves its own functions when that stack is made.
 */
function inlineTemplateBody(path: readonly (string | number)[]): boolean {
  return (
    path[path.length - 1] === "TemplateBody" ||
    (path[0] === "Resources" && path[2] === "Properties" && path[3] === "TemplateBody")
  );
}

/** "Default" or "AllowedValues" for a string that is a parameter's Default or one of its AllowedValues. */
function parameterValue(path: readonly (string | number)[]): "Default" | "AllowedValues" | undefined {
  if (path[0] !== "Parameters") return undefined;
  if (path.length === 3 && path[2] === "Default") return "Default";
  if (path.length === 4 && path[2] === "AllowedValues") return "AllowedValues";
  return undefined;
}

function noEcho(template: TemplateIndex, path: readonly (string | number)[]): boolean {
  const parameter = path[0] === "Parameters" ? template.parameters.get(String(path[1])) : undefined;
  return isNoEcho(parameter?.value);
}

const STATE_MACHINE_DEFINITIONS = ["DefinitionString", "Definition"];

export const subNeeded: Rule = {
  id: "E1029",
  severity: "error",
  shortDescription: "Sub is required if a variable is used in a string",
  description:
    "A string that contains '${Name}' for a parameter, resource or pseudo parameter is not substituted unless it " +
    "is inside Fn::Sub; CloudFormation passes it on unchanged.",
  source: `${USER_GUIDE}/intrinsic-function-reference-sub.html`,
  tags: ["functions", "sub"],
  check({ template, spec, report }) {
    const names = templateNames(template);
    const known = (name: string): boolean => {
      if (names.isRefable(name)) return true;
      const dot = name.indexOf(".");
      if (dot <= 0) return false;
      const resource = name.slice(0, dot);
      return names.isResource(resource) && !attributeProblem(names, spec, resource, name.slice(dot + 1));
    };
    const opaque = hasOpaqueTransform(template);
    for (const site of stringSites(template)) {
      // A macro may read a parameter's values its own way; a NoEcho parameter's values are not quoted.
      const inParameter = opaque || noEcho(template, site.path) ? undefined : parameterValue(site.path);
      if (!inParameter && (!resolvedSite(site, template.sam) || site.functions.includes("Fn::Sub"))) continue;
      if (inlineTemplateBody(site.path)) continue;
      for (const match of site.node.value.matchAll(VARIABLE)) {
        const name = match[1];
        if (site.loopVariables.includes(name) || !known(name)) continue;
        if (substitutedByStateMachine(template, site, name)) continue;
        report(
          subRange(site.node, (match.index ?? 0) + 2, name.length),
          inParameter
            ? `'\${${name}}' is in a parameter's ${inParameter}, where CloudFormation substitutes nothing, so the ` +
                `parameter gets it as it is; leave it out of the ${inParameter}, and use \${${name}} in a Fn::Sub where ` +
                "the parameter is used"
            : `'\${${name}}' is in a plain string, so CloudFormation leaves it as it is; wrap the string in Fn::Sub ` +
                `to substitute it, or write '\${!${name}}' for a literal '\${${name}}'`,
          { path: site.path },
        );
      }
    }
  },
};

/**
 * A state machine's Definition/DefinitionString may use `${Name}` for a key of the
 * DefinitionSubstitutions beside it, which Step Functions fills in.
 */
function substitutedByStateMachine(template: TemplateIndex, site: StringSite, name: string): boolean {
  const index = site.path.findIndex((segment) => STATE_MACHINE_DEFINITIONS.includes(String(segment)));
  if (index < 0) return false;
  const substitutions = nodeAt(template, [...site.path.slice(0, index), "DefinitionSubstitutions"]);
  return substitutions?.kind === "map" && substitutions.entries.some((entry) => entry.key === name);
}
