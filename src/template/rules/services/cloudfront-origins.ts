/**
 * E3057: a CloudFront distribution's cache behaviors name origins it has. Each TargetOriginId, of
 * the DefaultCacheBehavior and (beyond cfn-lint, which checks the default one) of every entry of
 * CacheBehaviors, must be the Id of one of its Origins or OriginGroups; CloudFront refuses the
 * distribution otherwise ("The specified origin ID does not exist"), after a deploy has waited
 * for everything created before it.
 *
 * Only literal ids are compared: a distribution with an origin or group whose Id is not written
 * out, or whose Origins or OriginGroups are not a plain list, is left alone.
 */
import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import { didYouMean } from "../../suggest";
import type { Rule } from "../rule";
import { USER_GUIDE } from "../template-index";
import { literalString, plainMap, propertySets, resourcesOfType } from "./values";

export const cloudFrontTargetOrigins: Rule = {
  id: "E3057",
  severity: "error",
  shortDescription: "CloudFront cache behaviors target origins of their distribution",
  description:
    "The TargetOriginId of a distribution's DefaultCacheBehavior and of each of its CacheBehaviors is the Id of " +
    "one of its Origins or OriginGroups.",
  source: `${USER_GUIDE}/aws-properties-cloudfront-distribution-defaultcachebehavior.html`,
  tags: ["resources", "cloudfront"],
  resourceTypes: ["AWS::CloudFront::Distribution"],
  check({ template, report }) {
    for (const distribution of resourcesOfType(template, "AWS::CloudFront::Distribution")) {
      for (const { properties } of propertySets(distribution)) {
        const config = plainMap(mapGet(properties, "DistributionConfig")?.value);
        const ids = config && originIds(config);
        if (!config || !ids) continue;
        const behaviors: { node: Node | undefined; path: (string | number)[] }[] = [
          { node: mapGet(config, "DefaultCacheBehavior")?.value, path: ["DefaultCacheBehavior"] },
        ];
        const more = mapGet(config, "CacheBehaviors")?.value;
        if (more?.kind === "seq")
          for (let index = 0; index < more.items.length; index++)
            behaviors.push({ node: more.items[index], path: ["CacheBehaviors", index] });
        for (const { node, path } of behaviors) {
          const target = mapGet(plainMap(node), "TargetOriginId")?.value;
          const id = literalString(target);
          if (!target || id === undefined || ids.includes(id)) continue;
          report(
            target,
            `TargetOriginId '${id}' is not the Id of an origin or origin group of this distribution` +
              `${didYouMean(id, ids)}, and CloudFront refuses it; use one of: ${ids.map((known) => `'${known}'`).join(", ")}`,
            {
              path: [
                "Resources",
                distribution.name,
                "Properties",
                "DistributionConfig",
                ...path,
                "TargetOriginId",
              ],
            },
          );
        }
      }
    }
  },
};

/** The Ids of a distribution's origins and origin groups, or undefined when one is not written out. */
function originIds(config: Node): string[] | undefined {
  const origins = mapGet(config, "Origins")?.value;
  if (origins?.kind !== "seq") return undefined;
  const ids: string[] = [];
  for (const origin of origins.items) {
    const id = literalString(mapGet(plainMap(origin), "Id")?.value);
    if (id === undefined) return undefined;
    ids.push(id);
  }
  const groupsEntry = mapGet(config, "OriginGroups");
  if (!groupsEntry) return ids;
  const groupsMap = plainMap(groupsEntry.value);
  if (!groupsMap) return undefined;
  const groups = mapGet(groupsMap, "Items")?.value;
  if (groups === undefined) return ids;
  if (groups.kind !== "seq") return undefined;
  for (const group of groups.items) {
    const id = literalString(mapGet(plainMap(group), "Id")?.value);
    if (id === undefined) return undefined;
    ids.push(id);
  }
  return ids;
}
