/**
 * W2010: NoEcho masks a parameter's value where CloudFormation shows parameters, and nowhere else:
 * a Ref or `${}` to it in Outputs, the template's Metadata or a resource's Metadata shows it in
 * plain text to anyone who can describe the stack.
 */
import { rangeHas } from "../../lines";
import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import { USER_GUIDE } from "../template-index";
import { isNoEcho } from "./declared";

export const noEchoShown: Rule = {
  id: "W2010",
  severity: "warning",
  shortDescription: "NoEcho parameters are not used in Outputs or Metadata",
  description:
    "NoEcho does not mask a parameter's value in Outputs, the Metadata section or a resource's Metadata, which " +
    "anyone who can describe the stack reads.",
  source: `${USER_GUIDE}/parameters-section-structure.html`,
  tags: ["parameters", "security"],
  check({ template, report }) {
    const secret = new Set<string>();
    for (const [name, parameter] of template.parameters) {
      if (isNoEcho(parameter.value)) secret.add(name);
    }
    if (secret.size === 0) return;
    for (const ref of template.references) {
      if ((ref.kind !== "Ref" && ref.kind !== "Sub") || !secret.has(ref.target)) continue;
      const [section, name] = ref.from;
      let where: string | undefined;
      if (section === "Outputs" || section === "Metadata") where = section;
      else if (section === "Resources" && name !== undefined) {
        const metadata = mapGet(template.resources.get(name)?.body, "Metadata")?.value;
        if (metadata && rangeHas(metadata.range, ref.range.start))
          where = `the Metadata of resource '${name}'`;
      }
      if (!where) continue;
      report(
        ref.range,
        `NoEcho parameter ${ref.target} is shown in plain text in ${where}: NoEcho masks it only where ` +
          "CloudFormation lists parameters. Leave it out, or keep the secret in Secrets Manager",
      );
    }
  },
};
