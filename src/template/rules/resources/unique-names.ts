/**
 * E3007: Parameters and Resources share one namespace of logical IDs, so a resource cannot have
 * the name of a parameter (`Ref` could not tell them apart); CloudFormation rejects the template.
 */
import type { Rule } from "../rule";
import { USER_GUIDE } from "../template-index";
import { realResources } from "./shared";

export const uniqueNames: Rule = {
  id: "E3007",
  severity: "error",
  shortDescription: "Resources and parameters do not share a name",
  description: "A resource's logical ID must differ from every parameter's: Ref names either.",
  source: `${USER_GUIDE}/resources-section-structure.html`,
  tags: ["parameters", "resources"],
  check({ template, report }) {
    if (template.parameters.size === 0) return;
    for (const resource of realResources(template)) {
      if (!template.parameters.has(resource.name)) continue;
      report(
        resource.entry.keyRange,
        `Resource '${resource.name}' has the name of a parameter; Ref could not tell them apart, so rename one of them`,
        { path: ["Resources", resource.name] },
      );
    }
  },
};
