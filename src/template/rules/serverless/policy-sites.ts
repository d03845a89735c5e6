/** Where templates hold IAM policy documents, and the report every policy rule shares. */
import type { MapEntry } from "../../model";
import { realResources } from "../resources/shared";
import type { Report } from "../rule";
import type { ResourceInfo, TemplateIndex } from "../template-index";
import { isDynamic, propertyEntry, propertyPath, staticDocument } from "./documents";
import { type PolicyKind, type PolicyOptions, policyProblems } from "./policy-document";

export interface PolicySite {
  resource: ResourceInfo;
  entry: MapEntry;
  /** Property path of the document, for findings. */
  path: (string | number)[];
}

/** `Policies[*].PolicyDocument` of an IAM role, user or group. */
export function* embeddedPolicies(resource: ResourceInfo): Iterable<PolicySite> {
  const policies = propertyEntry(resource, "Policies")?.value;
  if (policies?.kind !== "seq") return;
  for (const [index, policy] of policies.items.entries()) {
    if (policy.kind !== "map" || isDynamic(policy)) continue;
    const entry = policy.entries.find((item) => item.key === "PolicyDocument");
    if (entry) yield { resource, entry, path: ["Policies", index, "PolicyDocument"] };
  }
}

/** A property that holds one document, when the resource has it. */
export function* propertyPolicy(resource: ResourceInfo, key: string): Iterable<PolicySite> {
  const entry = propertyEntry(resource, key);
  if (entry) yield { resource, entry, path: [key] };
}

/** Runs `sites` over every resource and reports the problems of each policy document found. */
export function checkPolicies(
  template: TemplateIndex,
  report: Report,
  kind: PolicyKind,
  sites: (resource: ResourceInfo) => Iterable<PolicySite>,
  options: (resource: ResourceInfo) => PolicyOptions = () => ({ uniqueSids: true }),
): void {
  for (const resource of realResources(template)) {
    for (const site of sites(resource)) {
      const document = staticDocument(site.entry);
      if (!document) continue;
      for (const problem of policyProblems(document, kind, options(resource))) {
        report(problem.at, problem.message, propertyPath(resource, ...site.path));
      }
    }
  }
}
