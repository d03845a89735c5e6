import type { Rule } from "../rule";
import type { ResourceInfo } from "../template-index";
import { isDynamic, propertyEntry } from "./documents";
import { checkPolicies, embeddedPolicies, type PolicySite, propertyPolicy } from "./policy-sites";

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

function* samInlinePolicies(resource: ResourceInfo): Iterable<PolicySite> {
  const entry = propertyEntry(resource, "Policies");
  if (!entry) return;
  const isDocument = (node: typeof entry.value) =>
    node.kind === "map" && !isDynamic(node) && node.entries.some((item) => item.key === "Statement");
  if (isDocument(entry.value)) {
    yield { resource, entry, path: ["Policies"] };
    return;
  }
  if (entry.value.kind !== "seq") return;
  for (const [index, item] of entry.value.items.entries()) {
    if (isDocument(item)) {
      yield {
        resource,
        entry: { key: entry.key, keyRange: item.range, value: item },
        path: ["Policies", index],
      };
    }
  }
}

function* identitySites(resource: ResourceInfo): Iterable<PolicySite> {
  const type = resource.type ?? "";
  if (Object.hasOwn(DOCUMENT_PROPERTY, type)) yield* propertyPolicy(resource, DOCUMENT_PROPERTY[type]);
  if (WITH_POLICIES.has(type)) yield* embeddedPolicies(resource);
  if (SAM_WITH_POLICIES.has(type)) yield* samInlinePolicies(resource);
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
