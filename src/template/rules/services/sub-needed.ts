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
 * Where this differs from cfn-lint on purpose: only the places where CloudFormation resolves
 * functions are read (resources, outputs other than their Description, SAM Globals), since in a
 * parameter's or the template's Description a `${...}` cannot be substituted at all; and a
 * `${...}` in a DefinitionString that is not a template name is not reported (cfn-lint reports
 * any), since Amazon States Language strings may carry such text for the state machine itself.
 */
import { attributeProblem, templateNames } from "../functions/names";
import type { Rule } from "../rule";
import { subRange, type TemplateIndex, USER_GUIDE } from "../template-index";
import { nodeAt, resolvedSite, type StringSite, stringSites } from "./strings";

/** The variables cfn-lint looks for: names of letters, digits, `_`, `:` and `.`. */
const VARIABLE = /\$\{([A-Za-z0-9_:.]+)\}/g;

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
    for (const site of stringSites(template)) {
      if (!resolvedSite(site, template.sam) || site.functions.includes("Fn::Sub")) continue;
      if (site.path[site.path.length - 1] === "TemplateBody") continue;
      for (const match of site.node.value.matchAll(VARIABLE)) {
        const name = match[1];
        if (site.loopVariables.includes(name) || !known(name)) continue;
        if (substitutedByStateMachine(template, site, name)) continue;
        report(
          subRange(site.node, (match.index ?? 0) + 2, name.length),
          `'\${${name}}' is in a plain string, so CloudFormation leaves it as it is; wrap the string in Fn::Sub ` +
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
