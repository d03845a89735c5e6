/**
 * E3695: ElastiCache engines and engine versions, from cfn-lint's list of what ElastiCache offers
 * (constraints/cache-engine-versions.json, by `npm run spec`).
 * - A cache cluster's Engine that is none of memcached, redis and valkey (compared in lower case,
 *   as RDS's engines are; cfn-lint refuses `Redis`).
 * - A cache cluster's or replication group's EngineVersion older than every version ElastiCache
 *   lists of its line (redis 5.0.0 to 5.0.5, which ElastiCache deprecated for 5.0.6), or of a line
 *   older than every line (redis 2.8 and 3.2, past their end of life): ElastiCache no longer
 *   creates a cache with it. cfn-lint's rule of this id refuses every version its list lacks,
 *   newer ones too; a version newer than the list may be new, and is not judged here, nor is a
 *   version that names a line alone (`7.1`, `6.x`), which ElastiCache completes. A replication
 *   group without Engine is redis.
 *
 * A value given through an intrinsic function is not judged, but for the branches of a Fn::If: each
 * Engine one may give, and each EngineVersion with the Engine the same condition chooses
 * (engineVersions).
 */
import { inReading } from "../conditions/logic";
import type { Rule } from "../rule";
import { engineVersions, olderThanOffered } from "./engine-versions";
import { literalString, resourcesOfType, valuesAtPath } from "./values";

const CACHE_CLUSTER = "AWS::ElastiCache::CacheCluster";
const REPLICATION_GROUP = "AWS::ElastiCache::ReplicationGroup";
const SOURCE = "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/supported-engine-versions.html";

export const cacheEngineVersion: Rule = {
  id: "E3695",
  severity: "error",
  shortDescription: "ElastiCache engines and engine versions are ones ElastiCache offers",
  description:
    "The Engine of an AWS::ElastiCache::CacheCluster is memcached, redis or valkey, and the EngineVersion of a cache cluster or a replication group is not older than every version ElastiCache offers of its line.",
  source: SOURCE,
  tags: ["resources", "elasticache"],
  resourceTypes: [CACHE_CLUSTER, REPLICATION_GROUP],
  check({ template, spec, report }) {
    for (const resource of resourcesOfType(template, CACHE_CLUSTER)) {
      const { engines, cfnLint } = spec.cacheEngineVersions();
      // Each Engine a Fn::If may give.
      for (const node of valuesAtPath(resource.properties?.value, ["Engine"])) {
        const engine = literalString(node);
        if (engine === undefined || engines.has(engine.toLowerCase())) continue;
        report(
          node,
          `Engine '${engine}' is not one ElastiCache offers: use ${[...engines].join(", ")} (by the list of cfn-lint ${cfnLint})`,
          { path: ["Resources", resource.name, "Properties", "Engine"] },
        );
      }
    }
    for (const resource of resourcesOfType(template, CACHE_CLUSTER, REPLICATION_GROUP)) {
      const { oldest, cfnLint } = spec.cacheEngineVersions();
      const defaultEngine = resource.type === REPLICATION_GROUP ? "redis" : undefined;
      for (const { engine, node, version, reading } of engineVersions(template, resource, defaultEngine)) {
        const lines = oldest.get(engine);
        const problem = lines && olderThanOffered(engine, version, lines, "ElastiCache");
        if (!problem) continue;
        report(
          node,
          inReading(
            reading,
            `EngineVersion ${version} is ${problem}, by the list of cfn-lint ${cfnLint}: ElastiCache no longer creates caches with it; ` +
              "choose a version ElastiCache offers, or leave EngineVersion out for the default",
          ),
          { path: ["Resources", resource.name, "Properties", "EngineVersion"] },
        );
      }
    }
  },
};
