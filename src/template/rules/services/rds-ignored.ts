/**
 * RDS settings that deploy without error and are ignored, so that the stack says one thing and
 * the database is another (drift from the first deploy). Warnings, with cfn-lint's ids:
 * - W3688: a DB cluster restored from a snapshot (SnapshotIdentifier) with MasterUsername: the
 *   cluster keeps the snapshot's master user ("If you specify the SnapshotIdentifier property to
 *   restore a DB cluster ..., then don't specify ... MasterUsername").
 * - W3689: a DB cluster restored from another cluster (SourceDBClusterIdentifier, a point-in-time
 *   restore or clone) with MasterUsername, MasterUserPassword or StorageEncrypted: it keeps the
 *   source's master user and encryption.
 * - W3693: an Aurora Serverless v1 cluster (EngineMode serverless) with Performance Insights
 *   settings, which that mode does not have.
 * - W3699: a DB instance with ReplicaMode and an engine other than Oracle (RDS or RDS Custom) and
 *   Db2: only their read replicas have modes (E3721 judges the mode for them).
 *
 * The restore source must certainly be there: written out (not empty) or given by a function
 * other than a Ref to a parameter, which a stack may leave empty to create a new cluster. A value
 * given through an intrinsic function is not judged, and a property that a Fn::If may leave out
 * counts neither as present nor as absent.
 */
import type { MapNode } from "../../model";
import type { Rule } from "../rule";
import { intrinsicName, type TemplateIndex } from "../template-index";
import { engineOf } from "./engine-versions";
import { AURORA_ENGINES, CLUSTER, INSTANCE, REPLICA_MODE_ENGINES, reportPresent } from "./rds";
import { literalString, presentEntry, propertySets, resourcesOfType } from "./values";

const CLUSTER_GUIDE =
  "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbcluster.html";

/**
 * Whether the cluster is certainly restored from the source `key` names: a non-empty text, or a
 * function other than a Ref to one of the template's parameters.
 */
function restoredFrom(template: TemplateIndex, properties: MapNode, key: string): boolean {
  const value = presentEntry(properties, key)?.value;
  if (!value) return false;
  if (value.kind === "scalar") return typeof value.value === "string" && value.value !== "";
  if (intrinsicName(value) !== "Ref") return intrinsicName(value) !== undefined;
  const target = (value as MapNode).entries[0].value;
  return !(target.kind === "scalar" && template.parameters.has(String(target.value)));
}

/**
 * The rule for a cluster restored from the source `sourceKey` names, which keeps `what` of that
 * source: each of `ignored` the cluster sets is reported.
 */
function restoreRule(
  id: string,
  sourceKey: string,
  source: string,
  what: string,
  ignored: readonly string[],
  shortDescription: string,
): Rule {
  const keys = ignored.length === 1 ? ignored[0] : `${ignored.slice(0, -1).join(", ")} and ${ignored.at(-1)}`;
  return {
    id,
    severity: "warning",
    shortDescription,
    description: `An AWS::RDS::DBCluster with a ${sourceKey} keeps ${what} of that ${source}, and RDS ignores its ${keys}.`,
    source: CLUSTER_GUIDE,
    tags: ["resources", "rds"],
    resourceTypes: [CLUSTER],
    check({ template, report }) {
      for (const cluster of resourcesOfType(template, CLUSTER)) {
        for (const { properties } of propertySets(cluster)) {
          if (!restoredFrom(template, properties, sourceKey)) continue;
          reportPresent(
            cluster,
            properties,
            ignored,
            report,
            (key) =>
              `Cluster '${cluster.name}' is restored from the ${source} of its ${sourceKey} and keeps ${what} of ` +
              `that ${source}; RDS ignores ${key}: remove it`,
          );
        }
      }
    },
  };
}

export const clusterSnapshotIgnored = restoreRule(
  "W3688",
  "SnapshotIdentifier",
  "snapshot",
  "the master user",
  ["MasterUsername"],
  "A DB cluster restored from a snapshot has no MasterUsername",
);

export const clusterSourceIgnored = restoreRule(
  "W3689",
  "SourceDBClusterIdentifier",
  "cluster",
  "the master user and encryption",
  ["MasterUsername", "MasterUserPassword", "StorageEncrypted"],
  "A DB cluster restored from another cluster has no master user or StorageEncrypted",
);

const PERFORMANCE_INSIGHTS = [
  "PerformanceInsightsEnabled",
  "PerformanceInsightsKmsKeyId",
  "PerformanceInsightsRetentionPeriod",
];

export const serverlessV1Insights: Rule = {
  id: "W3693",
  severity: "warning",
  shortDescription: "An Aurora Serverless v1 cluster has no Performance Insights settings",
  description:
    "An aurora-mysql or aurora-postgresql cluster with EngineMode serverless (Aurora Serverless v1) has no " +
    "PerformanceInsightsEnabled, PerformanceInsightsKmsKeyId or PerformanceInsightsRetentionPeriod: that mode has no " +
    "Performance Insights, and RDS ignores them.",
  source: "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-serverless.html",
  tags: ["resources", "rds", "serverless"],
  resourceTypes: [CLUSTER],
  check({ template, report }) {
    for (const cluster of resourcesOfType(template, CLUSTER)) {
      for (const { properties } of propertySets(cluster)) {
        const engine = engineOf(properties);
        const mode = literalString(presentEntry(properties, "EngineMode")?.value);
        if (!engine || !AURORA_ENGINES.includes(engine) || mode !== "serverless") continue;
        reportPresent(
          cluster,
          properties,
          PERFORMANCE_INSIGHTS,
          report,
          (key) =>
            `Cluster '${cluster.name}' is Aurora Serverless v1 (EngineMode serverless), which has no Performance ` +
            `Insights, and RDS ignores ${key}: remove it, or use Aurora Serverless v2 (a provisioned cluster with ` +
            "ServerlessV2ScalingConfiguration) for Performance Insights",
        );
      }
    }
  },
};

export const instanceReplicaModeIgnored: Rule = {
  id: "W3699",
  severity: "warning",
  shortDescription: "Only an Oracle or Db2 DB instance has a ReplicaMode",
  description:
    "An AWS::RDS::DBInstance of an engine other than Oracle (oracle-*, custom-oracle-*) or Db2 (db2-*) has no " +
    "ReplicaMode: only their read replicas have modes, and RDS ignores it for other engines.",
  source: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/oracle-read-replicas.html",
  tags: ["resources", "rds"],
  resourceTypes: [INSTANCE],
  check({ template, report }) {
    for (const instance of resourcesOfType(template, INSTANCE)) {
      for (const { properties } of propertySets(instance)) {
        const engine = engineOf(properties);
        if (engine === undefined || REPLICA_MODE_ENGINES.test(engine)) continue;
        reportPresent(
          instance,
          properties,
          ["ReplicaMode"],
          report,
          () =>
            `Instance '${instance.name}' has Engine ${engine.length <= 32 ? engine : "of another kind"}, whose read ` +
            "replicas have no modes (only Oracle and Db2 ones do), and RDS ignores ReplicaMode: remove it",
        );
      }
    }
  },
};
