import type { Rule } from "../rule";
import type { ResourceInfo } from "../template-index";
import { checkPolicies, NO_SITES, type PolicySite, propertyPolicy } from "./policy-sites";

const TRUST_TYPES = new Set(["AWS::IAM::Role", "AWS::Serverless::Function"]);

export function trustSites(resource: ResourceInfo): readonly PolicySite[] {
  if (resource.type && TRUST_TYPES.has(resource.type))
    return propertyPolicy(resource, "AssumeRolePolicyDocument");
  return NO_SITES;
}

/**
 * E3530, as in cfn-lint: the grammar of a role's trust policy (AssumeRolePolicyDocument), which
 * names who may assume the role: Principal or NotPrincipal is required and Resource is not
 * allowed. We also check a SAM function's AssumeRolePolicyDocument, which SAM copies to the role.
 */
export const trustPolicy: Rule = {
  id: "E3530",
  severity: "error",
  shortDescription: "IAM role trust policies are well formed",
  description:
    "A role's AssumeRolePolicyDocument must follow the IAM policy grammar for trust policies: Effect Allow or " +
    "Deny, Action or NotAction, a Principal of a known form, no Resource, and known condition operators.",
  source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html",
  tags: ["resources", "iam", "serverless"],
  check({ template, report }) {
    checkPolicies(template, report, "trust", trustSites);
  },
};
