/**
 * W2511 (cfn-lint's id): an IAM policy document in the old policy language. IAM reads a document of
 * Version 2008-10-17, or of no Version at all, in that language, where `${aws:username}` and the
 * other policy variables are literal text: a statement meant for each user's own prefix then
 * matches only a key named `${aws:username}`. IAM's guide says not to use that version for new
 * policies nor when updating old ones.
 *
 * Reported: a Version of 2008-10-17 in any policy document the policy rules read (identity,
 * resource, trust and ECR repository policies), as cfn-lint reports it; and, beyond cfn-lint, a
 * document without Version that uses a policy variable, whose meaning the missing Version changes
 * (a document without variables is left alone: many leave Version out, and what else the old
 * version lacks is not listed in IAM's guide). A Version a Fn::If gives is judged in each branch its
 * place may take.
 */
import type { Node } from "../../model";
import { placedValues } from "../conditions/logic";
import type { Rule } from "../rule";
import { isString } from "../template-index";
import { propertyPath } from "./documents";
import { identitySites } from "./identity-policy";
import { forEachPolicy } from "./policy-sites";
import { repositorySites, resourceSites } from "./resource-policy";
import { trustSites } from "./trust-policy";

const OLD_VERSION = "2008-10-17";

/** A policy variable, as written in a plain string (`${aws:username}`) or in a Fn::Sub (`${!aws:username}`). */
const VARIABLE = /\$\{!?([a-z][a-z0-9.-]*:[A-Za-z][^}]*)\}/;

/** The first policy variable in a document, as messages show it, or undefined. */
function firstVariable(node: Node): string | undefined {
  if (isString(node)) {
    const name = VARIABLE.exec(node.value)?.[1];
    return name === undefined ? undefined : name.length <= 40 ? `\${${name}}` : "a policy variable";
  }
  if (node.kind === "seq") {
    for (const item of node.items) {
      const found = firstVariable(item);
      if (found) return found;
    }
  } else if (node.kind === "map") {
    for (const entry of node.entries) {
      const found = firstVariable(entry.value);
      if (found) return found;
    }
  }
  return undefined;
}

export const policyVersion: Rule = {
  id: "W2511",
  severity: "warning",
  shortDescription: "IAM policy documents use Version 2012-10-17",
  description:
    "A policy document has Version 2012-10-17: IAM reads one of Version 2008-10-17, or of no Version when it uses " +
    "policy variables, in the old policy language, where ${aws:username} and the other variables are literal text.",
  source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html",
  tags: ["resources", "iam"],
  check({ template, report }) {
    for (const sites of [identitySites, resourceSites, trustSites, repositorySites]) {
      forEachPolicy(template, sites, (document, { resource, path }) => {
        const root = document.node;
        if (root.kind !== "map") return;
        const version = root.entries.find((entry) => entry.key === "Version");
        if (version) {
          // Each Version a Fn::If may give where it stands.
          const old = placedValues(template, version.value).find(
            (value) => isString(value) && value.value === OLD_VERSION,
          );
          if (!old) return;
          const variable = firstVariable(root);
          report(
            old,
            `Version ${OLD_VERSION} is IAM's old policy language, ` +
              (variable
                ? `in which ${variable} is literal text`
                : "in which policy variables such as ${aws:username} are literal text, and not for new policies") +
              "; write Version: '2012-10-17'",
            propertyPath(resource, ...path, "Version"),
          );
          return;
        }
        const variable = firstVariable(root);
        if (!variable) return;
        report(
          document.anchor,
          `The policy document has no Version, so IAM reads it in the old policy language (${OLD_VERSION}), in ` +
            `which ${variable} is literal text; add Version: '2012-10-17'`,
          propertyPath(resource, ...path),
        );
      });
    }
  },
};
