/**
 * W1054: a string that is exactly a pseudo parameter's name, such as `AWS::Region` or
 * `AWS::NoValue`, where CloudFormation resolves functions but outside a Ref: it stays that text
 * (a FindInMap key `AWS::Region` looks up a key of that name; a property set to `AWS::NoValue` is
 * set to those 12 characters). Almost always a Ref left out.
 *
 * Read where functions are resolved (resources, outputs other than their Description, SAM
 * Globals) and in the Conditions section, where `Fn::Equals [AWS::Region, ...]` compares the text.
 */
import type { Rule } from "../rule";
import { PSEUDO_PARAMETERS, USER_GUIDE } from "../template-index";
import { resolvedSite, stringSites } from "./strings";

export const pseudoParameterString: Rule = {
  id: "W1054",
  severity: "warning",
  shortDescription: "Pseudo parameters are used through Ref",
  description:
    "A string that is a pseudo parameter's name, such as AWS::Region, outside a Ref stays that text; " +
    "CloudFormation substitutes the value only for Ref or ${} in Fn::Sub.",
  source: `${USER_GUIDE}/pseudo-parameter-reference.html`,
  tags: ["functions", "pseudo parameters"],
  check({ template, report }) {
    for (const site of stringSites(template)) {
      const name = site.node.value;
      if (!PSEUDO_PARAMETERS.has(name) || site.functions.includes("Ref")) continue;
      if (site.path[0] !== "Conditions" && !resolvedSite(site, template.sam)) continue;
      // AWS::NoValue and the list AWS::NotificationARNs cannot stand in a Fn::Sub string.
      const sub =
        name === "AWS::NoValue" || name === "AWS::NotificationARNs"
          ? ""
          : `, or \${${name}} inside a Fn::Sub`;
      report(
        site.node,
        `'${name}' is a plain string here, not the pseudo parameter's value; write !Ref ${name}${sub}`,
        { path: site.path },
      );
    }
  },
};
