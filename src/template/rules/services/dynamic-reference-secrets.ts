/**
 * E1051: a `{{resolve:secretsmanager:...}}` reference is used only in resource properties.
 * CloudFormation does not resolve secrets in resource Metadata or Outputs, where the value would
 * show in the console.
 *
 * cfn-lint also allows a parameter's Default; this rule reads only resources and outputs, since
 * a value in Mappings, Parameters or SAM Globals may still end up in a resource property.
 */
import type { Rule } from "../rule";
import { DYNAMIC_REFERENCES_DOCS, dynamicReferences } from "./dynamic-references";
import { splitResourcePath } from "./strings";

export const dynamicReferenceSecrets: Rule = {
  id: "E1051",
  severity: "error",
  shortDescription: "Secrets Manager dynamic references only in resource properties",
  description:
    "A '{{resolve:secretsmanager:...}}' dynamic reference can be used only in resource properties, not in " +
    "resource Metadata, Outputs or elsewhere in the template.",
  source: `${DYNAMIC_REFERENCES_DOCS}#dynamic-references-secretsmanager`,
  tags: ["functions", "dynamic reference"],
  check({ template, report }) {
    for (const reference of dynamicReferences(template)) {
      if (reference.service !== "secretsmanager") continue;
      const path = reference.site.path;
      const where = path[0] === "Resources" ? splitResourcePath(path)?.inside[0] : path[0];
      // Outside resources and outputs (Mappings, say) the value may still reach a property.
      if (
        where === "Properties" ||
        where === undefined ||
        (path[0] !== "Resources" && path[0] !== "Outputs")
      ) {
        continue;
      }
      report(
        reference.range,
        "A secretsmanager dynamic reference can be used only in resource properties; CloudFormation does not " +
          "resolve secrets here. Move it into the property that needs the secret",
        { path: reference.site.path },
      );
    }
  },
};
