/** Where templates hold IAM policy documents, and the report every policy rule shares. */
import type { MapEntry, Node } from "../../model";
import { noValueWhere, placedValues } from "../conditions/logic";
import { realResources } from "../resources/shared";
import type { Report } from "../rule";
import type { ResourceInfo, TemplateIndex } from "../template-index";
import { type Document, isDynamic, propertyEntries, propertyPath, staticDocument } from "./documents";
import { type PolicyKind, type PolicyOptions, policyProblems } from "./policy-document";

export interface PolicySite {
  resource: ResourceInfo;
  entry: MapEntry;
  /** Property path of the document, for findings. */
  path: (string | number)[];
}

/**
 * What a resource without policy documents gives. Site functions return lists rather than being
 * generators: they run for every resource, three rules over, and most resources have none.
 */
export const NO_SITES: readonly PolicySite[] = [];

/** `Policies[*].PolicyDocument` of an IAM role, user or group. */
export function embeddedPolicies(resource: ResourceInfo): readonly PolicySite[] {
  const sites: PolicySite[] = [];
  for (const { value: policies } of propertyEntries(resource, "Policies")) {
    if (policies.kind !== "seq") continue;
    policies.items.forEach((policy, index) => {
      if (policy.kind !== "map" || isDynamic(policy)) return;
      const entry = policy.entries.find((item) => item.key === "PolicyDocument");
      if (entry) sites.push({ resource, entry, path: ["Policies", index, "PolicyDocument"] });
    });
  }
  return sites.length > 0 ? sites : NO_SITES;
}

/** A property that holds one document, when the resource has it. */
export function propertyPolicy(resource: ResourceInfo, key: string): readonly PolicySite[] {
  const entries = propertyEntries(resource, key);
  return entries.length > 0 ? entries.map((entry) => ({ resource, entry, path: [key] })) : NO_SITES;
}

const UNIQUE_SIDS: PolicyOptions = { uniqueSids: true };

/** Finds a resource's policy documents; a module-level function, as documents are cached per function. */
type Sites = (resource: ResourceInfo) => readonly PolicySite[];

/**
 * The documents each site function finds in a template, found once: the identity and resource
 * sites are read by several rules each (the policy rules, W3037, E1041, E3928), and finding a site's
 * document parses a JSON string or walks the document for Fn::ForEach keys.
 */
const documents = new WeakMap<TemplateIndex, Map<Sites, { document: Document; site: PolicySite }[]>>();

/** Runs `sites` over every resource and calls `visit` with each policy document known before deployment. */
export function forEachPolicy(
  template: TemplateIndex,
  sites: Sites,
  visit: (document: Document, site: PolicySite) => void,
): void {
  let bySites = documents.get(template);
  if (!bySites) {
    bySites = new Map();
    documents.set(template, bySites);
  }
  let found = bySites.get(sites);
  if (!found) {
    found = [];
    for (const resource of realResources(template)) {
      const resourceSites = sites(resource);
      for (let i = 0; i < resourceSites.length; i++) {
        const document = staticDocument(resourceSites[i].entry);
        if (document) found.push({ document, site: resourceSites[i] });
      }
    }
    bySites.set(sites, found);
  }
  for (let i = 0; i < found.length; i++) visit(found[i].document, found[i].site);
}

/** Runs `sites` over every resource and reports the problems of each policy document found. */
export function checkPolicies(
  template: TemplateIndex,
  report: Report,
  kind: PolicyKind,
  sites: Sites,
  options?: (resource: ResourceInfo) => PolicyOptions,
): void {
  const gaps = (node: Node) => noValueWhere(template, node);
  const values = (node: Node) => placedValues(template, node);
  forEachPolicy(template, sites, (document, { resource, path }) => {
    const chosen = { ...(options ? options(resource) : UNIQUE_SIDS), noValueWhere: gaps, values };
    for (const problem of policyProblems(document, kind, chosen)) {
      report(problem.at, problem.message, propertyPath(resource, ...path));
    }
  });
}
