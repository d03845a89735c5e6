/**
 * The Policies of a SAM function or state machine, as the transform reads them: each item is a
 * managed policy (a name, an ARN or an intrinsic), a policy document (a mapping with Statement),
 * or a policy template (a mapping with one key, the template's name, whose value maps each of the
 * template's parameters to a value). The transform refuses an item that is none of these ("Policy
 * at index N in the 'Policies' property is not valid"), a template whose value is not a mapping,
 * and a template without a value for one of its parameters ("Following required parameters of
 * template ... don't have values"); cfn-lint reports the first of them through the transform, as
 * E0001. The templates and their parameters come from the aws-sam-translator that cfn-lint ships
 * with (`npm run spec`).
 */
import type { Node } from "../../model";
import { listItems } from "../../nodes";
import type { SamPolicyTemplate } from "../../spec/types";
import { closest, didYouMean } from "../../suggest";
import type { Report, Rule } from "../rule";
import { SAM_FUNCTION } from "../services/lambda";
import { presentEntry, propertySets, resourcesOfType, valuesAtPath } from "../services/values";
import { intrinsicName, type TemplateIndex } from "../template-index";
import { SAM_GUIDE } from "./events";

export const samPolicyTemplates: Rule = {
  id: "E0001",
  severity: "error",
  shortDescription: "SAM Policies items are managed policies, policy documents or known policy templates",
  description:
    "Each item of a SAM function's or state machine's Policies is a managed policy name or ARN, a policy document " +
    "with Statement, or a SAM policy template by name with a value for each of its parameters.",
  source: `${SAM_GUIDE}/serverless-policy-templates.html`,
  tags: ["sam", "iam"],
  check({ template, spec, report }) {
    forEachPolicyItem(template, (policy, number, path) =>
      checkPolicy(policy, number, path, spec.samPolicyTemplates(), report),
    );
  },
};

/**
 * Each item of the Policies of every SAM function and state machine (each branch of a Fn::If), with
 * its number (from 1) and the path of the item.
 */
export function forEachPolicyItem(
  template: TemplateIndex,
  visit: (policy: Node, number: number, path: (string | number)[]) => void,
): void {
  for (const resource of resourcesOfType(template, SAM_FUNCTION, "AWS::Serverless::StateMachine")) {
    for (const { properties } of propertySets(resource)) {
      const policies = presentEntry(properties, "Policies")?.value;
      if (!policies) continue;
      listItems(policies).forEach((item, index) => {
        const path = [
          "Resources",
          resource.name,
          "Properties",
          "Policies",
          ...(policies.kind === "seq" ? [index] : []),
        ];
        for (const policy of valuesAtPath(item, [])) visit(policy, index + 1, path);
      });
    }
  }
}

function checkPolicy(
  policy: Node,
  number: number,
  path: (string | number)[],
  templates: ReadonlyMap<string, SamPolicyTemplate>,
  report: Report,
): void {
  // A name or ARN, or an intrinsic that gives one.
  if (policy.kind !== "map" || intrinsicName(policy)) return;
  if (policy.entries.some((entry) => entry.key === "Statement")) return;
  const single = policy.entries.length === 1 ? policy.entries[0] : undefined;
  const parameters = single && templates.get(single.key)?.parameters;
  if (!single || !parameters) {
    report(
      policy,
      `Policies item ${number} is not a policy template SAM knows${single ? didYouMean(single.key, templates.keys()) : ""}, ` +
        "nor a policy document (it has no Statement), so the SAM transform refuses the resource; name a SAM policy " +
        "template, or write a document with Statement",
      { path },
    );
    return;
  }
  const value = single.value;
  if (value.kind === "map" && intrinsicName(value)) return;
  if (value.kind !== "map") {
    report(
      value.kind === "scalar" && value.value === null ? single.keyRange : value,
      `Policy template ${single.key} takes a mapping of its parameters${parameters.length > 0 ? ` (${parameters.join(", ")})` : " ({} for none)"}, ` +
        "and the SAM transform refuses anything else",
      { path },
    );
    return;
  }
  const missing = parameters.filter((parameter) => !value.entries.some((entry) => entry.key === parameter));
  if (missing.length === 0) return;
  let typo = "";
  for (const entry of value.entries) {
    const meant = parameters.includes(entry.key) ? undefined : closest(entry.key, missing);
    if (meant) {
      typo = ` (is '${entry.key}' meant to be ${meant}?)`;
      break;
    }
  }
  report(
    single.keyRange,
    `Policy template ${single.key} needs ${missing.join(", ")}, which ${missing.length > 1 ? "are" : "is"} not given` +
      `${typo}, so the SAM transform refuses the ` +
      "resource",
    { path },
  );
}
