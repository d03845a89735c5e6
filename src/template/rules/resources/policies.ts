/** Shared by E3035 and E3036: the values a deletion or replacement policy may take. */
import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import type { Report } from "../rule";
import { intrinsicName, isString, type TemplateIndex } from "../template-index";
import { realResources } from "./shared";

/** Types whose data CloudFormation can snapshot before deleting or replacing them. */
export const SNAPSHOT_TYPES = new Set([
  "AWS::DocDB::DBCluster",
  "AWS::EC2::Volume",
  "AWS::ElastiCache::CacheCluster",
  "AWS::ElastiCache::ReplicationGroup",
  "AWS::Neptune::DBCluster",
  "AWS::RDS::DBCluster",
  "AWS::RDS::DBInstance",
  "AWS::Redshift::Cluster",
]);

export function checkPolicy(
  template: TemplateIndex,
  report: Report,
  attribute: "DeletionPolicy" | "UpdateReplacePolicy",
  values: string[],
): void {
  for (const resource of realResources(template)) {
    const entry = mapGet(resource.body, attribute);
    if (!entry) continue;
    const type = resource.type;
    const allowed = type && SNAPSHOT_TYPES.has(type) ? [...values, "Snapshot"] : values;
    const check = (node: Node): void => {
      const fn = intrinsicName(node);
      if (fn === "Fn::If") {
        const arg = node.kind === "map" ? node.entries[0].value : undefined;
        if (arg?.kind === "seq") for (const branch of arg.items.slice(1, 3)) check(branch);
        return;
      }
      // Ref, Fn::Sub, Fn::FindInMap and Fn::Select are resolved at deploy time.
      if (fn) return;
      if (isString(node) && allowed.includes(node.value)) return;
      const shown =
        node.kind === "scalar" ? `'${String(node.value)}'` : `a ${node.kind === "seq" ? "list" : "mapping"}`;
      const snapshot =
        isString(node) && node.value === "Snapshot" ? ` (${type} does not support snapshots)` : "";
      report(
        node,
        `${attribute} of resource '${resource.name}' is ${shown}${snapshot}; use one of ${allowed.join(", ")}`,
        { path: ["Resources", resource.name, attribute] },
      );
    };
    check(entry.value);
  }
}
