/**
 * W1053, as in cfn-lint: a dynamic reference written with spaces inside its opening, such as
 * `{{ resolve:ssm:/app/url }}` or `{{resolve : ssm:name}}`. CloudFormation resolves only the exact
 * `{{resolve:service:`: with spaces the text is passed on as it is written, so the property gets
 * the reference itself instead of the value, and nothing fails until something reads it. Beyond
 * cfn-lint, which looks for spaces right after `{{`, a space anywhere before the service's colon
 * counts. Read only where CloudFormation resolves dynamic references (see resolvedHere).
 */

import type { Rule } from "../rule";
import { subRange } from "../template-index";
import { DYNAMIC_REFERENCES_DOCS, resolvedHere } from "./dynamic-references";
import { stringSites } from "./strings";

const SPACED = /\{\{(\s*)resolve(\s*):(\s*)(ssm-secure|ssm|secretsmanager)(\s*):/g;

export const dynamicReferenceSpaces: Rule = {
  id: "W1053",
  severity: "warning",
  shortDescription: "Dynamic references have no spaces in '{{resolve:service:'",
  description:
    "CloudFormation resolves a dynamic reference only when it starts exactly '{{resolve:ssm:', '{{resolve:ssm-secure:' " +
    "or '{{resolve:secretsmanager:'; with spaces the text is used as it is written.",
  source: DYNAMIC_REFERENCES_DOCS,
  tags: ["functions", "dynamic reference"],
  check({ template, report }) {
    for (const site of stringSites(template)) {
      const value = site.node.value;
      if (!value.includes("{{") || !resolvedHere(site, template.sam)) continue;
      for (const match of value.matchAll(SPACED)) {
        if (!match[1] && !match[2] && !match[3] && !match[5]) continue;
        report(
          subRange(site.node, match.index ?? 0, match[0].length),
          `This dynamic reference has spaces in its opening, so CloudFormation does not resolve it and passes the ` +
            `text on as it is written; write {{resolve:${match[4]}:...}} without spaces`,
          { path: site.path },
        );
      }
    }
  },
};
