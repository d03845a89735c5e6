/**
 * E1052: an `{{resolve:ssm:...}}` reference in the Parameters section names a parameter version,
 * which CloudFormation requires there (`{{resolve:ssm:name:version}}`); an SSM parameter type
 * (`AWS::SSM::Parameter::Value<String>`) is the way to read the latest value.
 *
 * cfn-lint declares E1052 for the places an SSM reference may appear but never reports it; this
 * rule checks the one placement the documentation states as an error.
 */
import type { Rule } from "../rule";
import { USER_GUIDE } from "../template-index";
import { dynamicReferences, resolvedHere } from "./dynamic-references";

export const dynamicReferenceSsm: Rule = {
  id: "E1052",
  severity: "error",
  shortDescription: "SSM dynamic references in Parameters name a version",
  description:
    "A '{{resolve:ssm:...}}' dynamic reference in the Parameters section must include the parameter version.",
  source: `${USER_GUIDE}/dynamic-references-ssm.html`,
  tags: ["functions", "dynamic reference"],
  check({ template, report }) {
    for (const reference of dynamicReferences(template)) {
      if (reference.service !== "ssm" || reference.site.path[0] !== "Parameters") continue;
      if (!resolvedHere(reference.site, template.sam)) continue;
      const { parts } = reference;
      const versioned = parts[0] === "arn" ? parts.length === 7 : parts.length === 2;
      if (versioned) continue;
      report(
        reference.range,
        "An ssm dynamic reference in Parameters must name a version ({{resolve:ssm:name:version}}); add the " +
          "version, or give the parameter the type AWS::SSM::Parameter::Value<String> with the parameter name as Default",
        { path: reference.site.path },
      );
    }
  },
};
