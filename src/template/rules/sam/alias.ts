/**
 * The SAM transform refuses a function with a DeploymentPreference (unless `Enabled: false`) or a
 * ProvisionedConcurrencyConfig and no AutoPublishAlias: both act on the alias it publishes. Each
 * is read from the function or from Globals.Function, as the transform merges them.
 */
import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import { functionProperty, SAM_FUNCTION } from "../services/lambda";
import { literalBoolean, propertySets, resourcesOfType } from "../services/values";
import { SAM_GUIDE } from "./events";

const NEEDS_ALIAS = ["DeploymentPreference", "ProvisionedConcurrencyConfig"];

export const samAliasRequired: Rule = {
  id: "E0001",
  severity: "error",
  shortDescription: "SAM deployment preferences and provisioned concurrency come with AutoPublishAlias",
  description:
    "A SAM function with a DeploymentPreference or a ProvisionedConcurrencyConfig needs AutoPublishAlias, on " +
    "itself or in Globals.Function.",
  source: `${SAM_GUIDE}/sam-resource-function.html`,
  tags: ["sam", "lambda"],
  check({ template, report }) {
    for (const resource of resourcesOfType(template, SAM_FUNCTION)) {
      for (const set of propertySets(resource)) {
        if (functionProperty(template, set, "AutoPublishAlias")) continue;
        for (const key of NEEDS_ALIAS) {
          const found = functionProperty(template, set, key);
          if (!found) continue;
          const enabled = mapGet(found.entry.value, "Enabled")?.value;
          if (key === "DeploymentPreference" && literalBoolean(enabled) === false) continue;
          report(
            found.inherited ? resource.entry.keyRange : found.entry.keyRange,
            `${key}${found.inherited ? " (from Globals.Function)" : ""} needs AutoPublishAlias: the SAM transform ` +
              `refuses ${resource.name} without it; add AutoPublishAlias: live (or another alias name)`,
            { path: ["Resources", resource.name, "Properties", key] },
          );
        }
      }
    }
  },
};
