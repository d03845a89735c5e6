import type { Node } from "../../model";
import type { Rule } from "../rule";
import type { ResourceInfo } from "../template-index";
import { isDynamic, propertyEntries } from "./documents";
import { checkPolicies, embeddedPolicies, NO_SITES, type PolicySite, propertyPolicy } from "./policy-sites";

const DOCUMENT_PROPERTY: Record<string, string> = {
  "AWS::IAM::Policy": "PolicyDocument",
  "AWS::IAM::ManagedPolicy": "PolicyDocument",
  "AWS::IAM::UserPolicy": "PolicyDocument",
  "AWS::IAM::RolePolicy": "PolicyDocument",
  "AWS::IAM::GroupPolicy": "PolicyDocument",
  "AWS::SSO::PermissionSet": "InlinePolicy",
};

const WITH_POLICIES = new Set(["AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group"]);

/** SAM's Policies take names, ARNs, policy templates and inline documents; only documents have a Statement. */
const SAM_WITH_POLICIES = new Set(["AWS::Serverless::Function", "AWS::Serverless::StateMachine"]);

function isDocument(node: Node): boolean {
  return node.kind === "map" && !isDynamic(node) && node.entries.some((item) => item.key === "Statement");
}

function samInlinePolicies(resource: ResourceInfo): readonly PolicySite[] {
  const sites: PolicySite[] = [];
  for (const entry of propertyEntries(resource, "Policies")) {
    if (isDocument(entry.value)) sites.push({ resource, entry, path: ["Policies"] });
    else if (entry.value.kind === "seq") {
      entry.value.items.forEach((item, index) => {
        if (isDocument(item)) {
          sites.push({
            resource,
            entry: { key: entry.key, keyRange: item.range, value: item },
            path: ["Policies", index],
          });
        }
      });
    }
  }
  return sites.length > 0 ? sites : NO_SITES;
}

/** The three groups of types are disjoint, so a resource has sites of one kind at most. */
export function identitySites(resource: ResourceInfo): readonly PolicySite[] {
  const type = resource.type ?? "";
  if (Object.hasOwn(DOCUMENT_PROPERTY, type)) return propertyPolicy(resource, DOCUMENT_PROPERTY[type]);
  if (WITH_POLICIES.has(type)) return embeddedPolicies(resource);
  if (SAM_WITH_POLICIES.has(type)) return samInlinePolicies(resource);
  return NO_SITES;
}

/**
 * E3510, as in cfn-lint: the grammar of identity policies (IAM policies, managed policies, the
 * inline policies of roles, users and groups, SSO permission sets, and the inline documents of SAM
 * functions and state machines, which cfn-lint sees only after the transform). An identity policy
 * names no Principal and needs Resource or NotResource. See policy-document.ts for where we differ
 * from cfn-lint.
 */
export const identityPolicy: Rule = {
  id: "E3510",
  severity: "error",
  shortDescription: "IAM identity policy documents are well formed",
  description:
    "Identity policies embedded in the template must follow the IAM policy grammar: Version, a Statement " +
    "mapping or list, Effect Allow or Deny, Action or NotAction, Resource or NotResource, no Principal, and " +
    "known condition operators.",
  source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html",
  tags: ["resources", "iam", "serverless"],
  check({ template, report }) {
    checkPolicies(template, report, "identity", identitySites);
  },
};
