/**
 * W1100: a YAML alias (`*name`) or merge key (`<<: *name`, `<<: {A: 1}`). CloudFormation reads
 * neither: it refuses a template with an alias ("Template error: YAML aliases are not allowed in
 * CloudFormation templates"), and does not merge a merge key (one without an alias is not that
 * error, so the message then says only that it is not merged). Tools that rewrite the template before deploying it (`sam build`,
 * `sam package`, `aws cloudformation package`) resolve both, so the template deploys through them
 * only. The rules read an alias as its anchor's node and a merge key's mappings merged in, as those
 * tools do; this warning says once per template where the first one is, and how many there are (a
 * merge key of an alias counts twice).
 *
 * cfn-lint's W1100 tells of merge keys only; an alias alone fails a direct deploy as well.
 */

import { comparePositions } from "../../lines";
import type { Rule } from "../rule";
import { USER_GUIDE } from "../template-index";

export const yamlReuse: Rule = {
  id: "W1100",
  severity: "warning",
  shortDescription: "YAML aliases and merge keys deploy only through a tool that resolves them",
  description:
    "A YAML alias (*name) or merge key (<<) is resolved by sam build, sam package and aws cloudformation package; " +
    "CloudFormation itself refuses a template that uses one.",
  source: `${USER_GUIDE}/template-formats.html`,
  tags: ["template", "yaml"],
  check({ template, report }) {
    const reuse = template.parsed.yamlReuse;
    if (!reuse || reuse.length === 0) return;
    // In document order: a merge key's alias is read before the key itself.
    const sorted = [...reuse].sort((a, b) => comparePositions(a.range.start, b.range.start));
    if (sorted.every((r) => r.kind === "merge")) {
      // No alias, so not the error above: CloudFormation does not merge, whatever it makes of `<<`.
      const count =
        sorted.length === 1 ? "a YAML merge key here" : `${sorted.length} YAML merge keys (the first here)`;
      report(
        sorted[0].range,
        `The template uses ${count}, which CloudFormation itself does not merge; deploy it through sam build, sam ` +
          "package or aws cloudformation package, which merge them, or write the values out",
      );
      return;
    }
    const count =
      sorted.length === 1
        ? "a YAML alias or merge key here"
        : `${sorted.length} YAML aliases or merge keys (the first here)`;
    report(
      sorted[0].range,
      `The template uses ${count}, which CloudFormation refuses ("YAML aliases are not allowed in CloudFormation ` +
        'templates"); deploy it through sam build, sam package or aws cloudformation package, which resolve them, ' +
        "or write the values out",
    );
  },
};
