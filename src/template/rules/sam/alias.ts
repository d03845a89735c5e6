/**
 * The SAM transform refuses a function with a DeploymentPreference (unless Enabled is false, or a
 * Ref to a parameter, which it resolves from the parameter's value) or a
 * ProvisionedConcurrencyConfig and no AutoPublishAlias: both act on the alias it publishes. Each
 * is read from the function or from Globals.Function, as the transform merges them. It also
 * refuses an AutoPublishAlias that is not an alias name: letters, digits, hyphens and underscores,
 * not digits alone (the translator's own pattern), and one given by a function other than a Ref to
 * a template parameter, which it resolves from the parameter's value when it runs ("must be a
 * string or a Ref to a template parameter": a Fn::Sub, a Fn::If, a Ref to a resource). A Ref to a
 * pseudo parameter is left alone: the translator resolves AWS::Region and AWS::Partition, and what
 * CloudFormation passes it of the others is not documented.
 */
import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import { SAM_FUNCTION } from "../services/lambda";
import {
  inheritedProperty,
  literalBoolean,
  literalString,
  propertySets,
  resourcesOfType,
} from "../services/values";
import { intrinsicName } from "../template-index";
import { SAM_GUIDE } from "./events";

const NEEDS_ALIAS = ["DeploymentPreference", "ProvisionedConcurrencyConfig"];
const ALIAS_NAME = /^(?![0-9]+$)[a-zA-Z0-9_-]+$/;

export const samAliasRequired: Rule = {
  id: "E0001",
  severity: "error",
  shortDescription:
    "SAM deployment preferences and provisioned concurrency come with AutoPublishAlias, an alias name",
  description:
    "A SAM function with a DeploymentPreference or a ProvisionedConcurrencyConfig needs AutoPublishAlias, on " +
    "itself or in Globals.Function; AutoPublishAlias is letters, digits, hyphens and underscores, not digits alone.",
  source: `${SAM_GUIDE}/sam-resource-function.html`,
  tags: ["sam", "lambda"],
  check({ template, report }) {
    const named = new Set<Node>();
    for (const resource of resourcesOfType(template, SAM_FUNCTION)) {
      for (const set of propertySets(resource)) {
        const alias = inheritedProperty(template, set, "AutoPublishAlias");
        const name = literalString(alias?.entry.value);
        const fn = intrinsicName(alias?.entry.value);
        if (alias && fn && !named.has(alias.entry.value)) {
          const arg = alias.entry.value.kind === "map" ? alias.entry.value.entries[0].value : undefined;
          const target = fn === "Ref" ? literalString(arg) : undefined;
          if (fn !== "Ref" || (target !== undefined && template.resources.has(target))) {
            named.add(alias.entry.value);
            report(
              alias.entry.value,
              `AutoPublishAlias is given by ${target === undefined ? fn : `a Ref to resource '${target}'`}, and the ` +
                "SAM transform takes an alias name or a Ref to a template parameter (it resolves those when it runs), " +
                `so it refuses ${alias.inherited ? "every function that inherits it" : resource.name}; write the name, ` +
                "or take it from a parameter",
              {
                path: alias.inherited
                  ? ["Globals", "Function", "AutoPublishAlias"]
                  : ["Resources", resource.name, "Properties", "AutoPublishAlias"],
              },
            );
          }
        }
        if (alias && name !== undefined && !ALIAS_NAME.test(name) && !named.has(alias.entry.value)) {
          named.add(alias.entry.value); // once, when Globals gives it to many functions
          report(
            alias.entry.value,
            `AutoPublishAlias '${name}' is not an alias name: the SAM transform refuses it; use letters, digits, ` +
              "hyphens and underscores, not digits alone (such as live)",
            {
              path: alias.inherited
                ? ["Globals", "Function", "AutoPublishAlias"]
                : ["Resources", resource.name, "Properties", "AutoPublishAlias"],
            },
          );
        }
        if (alias) continue;
        for (const key of NEEDS_ALIAS) {
          const found = inheritedProperty(template, set, key);
          if (!found) continue;
          const enabled = mapGet(found.entry.value, "Enabled")?.value;
          // SAM resolves a Ref to a parameter in Enabled from the parameter's value, so only a
          // literal true (or no Enabled) is known to keep the preference on.
          if (key === "DeploymentPreference" && enabled !== undefined && literalBoolean(enabled) !== true)
            continue;
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
