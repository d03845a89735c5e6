/**
 * RDS and Aurora settings that CreateDBCluster and CreateDBInstance refuse (cfn-lint's ids, from
 * the same service rules as its extension schemas):
 * - E3686: Aurora Serverless v1 scaling (ScalingConfiguration) on a provisioned cluster, the
 *   default EngineMode, or v2 scaling (ServerlessV2ScalingConfiguration) on an EngineMode
 *   serverless one. The v1 setting on a provisioned cluster is the usual mistake when moving to v2.
 * - E3689: enhanced monitoring half configured: an interval above 0 without a MonitoringRoleArn
 *   (clusters and instances), or a cluster's role with no MonitoringInterval above 0. RDS also
 *   refuses an instance's role without an interval; that case is left out, as cfn-lint leaves it.
 *   RDS Custom engines, which have no enhanced monitoring, are left out.
 * - E3693: an Aurora cluster (aurora-mysql, aurora-postgresql) with AllocatedStorage,
 *   DBClusterInstanceClass, Iops or PubliclyAccessible, which belong to Multi-AZ DB clusters and
 *   instances, or with a StorageType other than aurora or aurora-iopt1.
 * - E3682: an Aurora instance with AllocatedStorage, DeletionProtection,
 *   EnableIAMDatabaseAuthentication or MasterUserPassword: its cluster holds those ("The requested
 *   DB Instance will be a member of a DB Cluster. Set ... for the DB Cluster"). cfn-lint also
 *   reports CopyTagsToSnapshot, which RDS accepts on an Aurora instance and ignores.
 * - E3720: an instance with a KmsKeyId but no StorageEncrypted: true. Left out: RDS Custom engines,
 *   read replicas and restores (SourceDBInstanceIdentifier, DBSnapshotIdentifier, ...), whose
 *   encryption comes from their source, and cluster members, whose encryption is the cluster's.
 * - E3707, E3709: an instance of a cluster of the template (`DBClusterIdentifier: !Ref Cluster`)
 *   with another Engine than the cluster's, or a StorageEncrypted the cluster does not have. A
 *   cluster restored or replicated from another has that one's encryption, unknown here.
 * - E3719: an instance with a DBClusterIdentifier and a BackupRetentionPeriod: the instances of a
 *   cluster keep the cluster's backups ("The requested DB Instance will be a member of a DB
 *   Cluster. Set backup retention period for the DB Cluster"); or a standalone instance of an
 *   engine other than Aurora (no DBClusterIdentifier, no SourceDBInstanceIdentifier) keeping
 *   automated backups more than 35 days. E3034 does not report the latter: the instance schema
 *   gives BackupRetentionPeriod no maximum (the cluster's has 35). As cfn-lint, read replicas of an
 *   instance (SourceDBInstanceIdentifier) are left out, and instances whose Engine is not written.
 *   cfn-lint says nothing for an instance with any property given through an intrinsic function
 *   (a `DBClusterIdentifier: !Ref Cluster` too); here only the values judged must be written out.
 * - E3721: an Oracle or Db2 instance (engines oracle-*, custom-oracle-*, db2-*) with a ReplicaMode
 *   other than open-read-only or mounted, the two modes of its read replicas (open for reads, or
 *   mounted and closed to them). cfn-lint compares the mode as written; here in any case, as RDS
 *   does not document that it refuses another case.
 * - E3692: a Multi-AZ DB cluster (an AWS::RDS::DBCluster of engine mysql or postgres) without
 *   DBClusterInstanceClass, AllocatedStorage, StorageType or Iops, which RDS requires to create one
 *   (a restore or read replica takes them from its source and is left alone); a StorageType other
 *   than io1, io2 or gp3; or an Aurora-only setting (EngineMode, BacktrackWindow,
 *   ServerlessV2ScalingConfiguration, GlobalClusterIdentifier, EnableGlobalWriteForwarding).
 *   cfn-lint also refuses AvailabilityZones, Domain, DomainIAMRoleName, EnableHttpEndpoint,
 *   EnableIAMDatabaseAuthentication, NetworkType, ReplicationSourceIdentifier and SourceRegion;
 *   RDS documents ReplicationSourceIdentifier for Multi-AZ DB cluster read replicas, and the others
 *   are left out here until RDS is known to refuse them.
 *
 * - E3690, E3691: a cluster's or instance's Engine that RDS has retired and no longer creates
 *   (RETIRED_ENGINES: `aurora`, Aurora MySQL version 1). cfn-lint's rules of those ids judge the
 *   engine against the engines RDS offers today, a list that grows (db2-se and db2-ae came in 2023)
 *   and would refuse a newer one; an engine once retired stays so. The Engine is read as E2533
 *   reads a runtime (givenTexts): one a parameter or a mapping chooses is a warning.
 * - W3690, W3691 (warnings): a cluster's or instance's EngineVersion that RDS has deprecated and no
 *   longer creates with, from cfn-lint's list (constraints/deprecated-engine-versions.json, by
 *   `npm run spec`). A version once deprecated stays so; a version deprecated after that list is
 *   not known. cfn-lint's E3690/E3691, which judge against the current versions, have no
 *   equivalent: new versions come every few weeks, and a pinned list would refuse them.
 *
 * Engine names are compared in lower case, as RDS takes them (`MySQL` is mysql).
 *
 * A value given through an intrinsic function is not judged, and a property that a Fn::If may
 * leave out counts neither as present nor as absent; E3690, E3691, W3690 and W3691 read each Engine
 * a Fn::If may give, and each EngineVersion with the Engine the same condition chooses
 * (engineVersions).
 */
import type { MapNode } from "../../model";
import { mapGet } from "../../nodes";
import { inReading } from "../conditions/logic";
import { givenTexts, reportGiven } from "../functions/resolve";
import type { Report, Rule } from "../rule";
import type { ResourceInfo, TemplateIndex } from "../template-index";
import { engineOf, engineVersions, olderThanOffered } from "./engine-versions";
import {
  booleanProperty,
  isAbsent,
  literalNumber,
  literalString,
  onlyPropertySet,
  presentEntry,
  propertySets,
  refResource,
  resourcesOfType,
  stringProperty,
} from "./values";

export const CLUSTER = "AWS::RDS::DBCluster";
export const INSTANCE = "AWS::RDS::DBInstance";
const USER_GUIDE = "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide";

/** Reports each of `keys` the properties have, with the reason. */
export function reportPresent(
  resource: ResourceInfo,
  properties: MapNode,
  keys: readonly string[],
  report: Report,
  message: (key: string) => string,
): void {
  for (const key of keys) {
    const entry = presentEntry(properties, key);
    if (entry)
      report(entry.keyRange, message(key), { path: ["Resources", resource.name, "Properties", key] });
  }
}

export const rdsServerlessScaling: Rule = {
  id: "E3686",
  severity: "error",
  shortDescription: "An Aurora cluster's scaling setting fits its EngineMode",
  description:
    "ScalingConfiguration (Aurora Serverless v1) goes only with EngineMode serverless, and ServerlessV2ScalingConfiguration " +
    "not with it; without EngineMode a cluster is provisioned.",
  source: `${USER_GUIDE}/aurora-serverless-v2.requirements.html`,
  tags: ["resources", "rds", "serverless"],
  resourceTypes: [CLUSTER],
  check({ template, report }) {
    for (const cluster of resourcesOfType(template, CLUSTER)) {
      for (const { properties } of propertySets(cluster)) {
        const mode = stringProperty(properties, "EngineMode", "provisioned");
        if (mode === "provisioned") {
          reportPresent(
            cluster,
            properties,
            ["ScalingConfiguration"],
            report,
            () =>
              `Cluster '${cluster.name}' is provisioned${isAbsent(properties, "EngineMode") ? " (EngineMode's default)" : ""}, and ` +
              "ScalingConfiguration is for Aurora Serverless v1 (EngineMode: serverless); for Aurora Serverless v2, " +
              "use ServerlessV2ScalingConfiguration and db.serverless instances",
          );
        } else if (mode === "serverless") {
          reportPresent(
            cluster,
            properties,
            ["ServerlessV2ScalingConfiguration"],
            report,
            () =>
              `Cluster '${cluster.name}' has EngineMode serverless (Aurora Serverless v1), which scales with ` +
              "ScalingConfiguration; ServerlessV2ScalingConfiguration needs a provisioned cluster",
          );
        }
      }
    }
  },
};

/**
 * W3686 (our own id): EngineMode serverless, Aurora Serverless v1, which reached its end of life on
 * 2025-03-31: the Aurora user guide ("Aurora Serverless v1 and Aurora database engine versions")
 * says that the v1 clusters not migrated by then are moved to Aurora Serverless v2, or made
 * provisioned clusters, in their maintenance windows. A warning: the guide does not say in as many
 * words that CreateDBCluster refuses the mode. Public Copilot addon templates of round 14 still
 * pin it, with an aurora-postgresql 10 version RDS no longer offers.
 */
export const rdsServerlessV1: Rule = {
  id: "W3686",
  severity: "warning",
  shortDescription: "An Aurora cluster does not use Aurora Serverless v1, at its end of life",
  description:
    "EngineMode serverless is Aurora Serverless v1, whose end of life was 2025-03-31; Aurora Serverless v2 is a " +
    "provisioned cluster with ServerlessV2ScalingConfiguration and db.serverless instances.",
  source: `${USER_GUIDE}/aurora-serverless.relnotes.html`,
  tags: ["resources", "rds", "serverless"],
  resourceTypes: [CLUSTER],
  check({ template, report }) {
    for (const cluster of resourcesOfType(template, CLUSTER)) {
      for (const { properties } of propertySets(cluster)) {
        const mode = presentEntry(properties, "EngineMode");
        if (!mode || literalString(mode.value)?.toLowerCase() !== "serverless") continue;
        report(
          mode.value,
          `Cluster '${cluster.name}' has EngineMode serverless, Aurora Serverless v1, whose end of life was 2025-03-31 ` +
            "(RDS has moved the v1 clusters to Aurora Serverless v2): leave EngineMode out (provisioned) and scale " +
            "with ServerlessV2ScalingConfiguration and db.serverless instances",
          { path: ["Resources", cluster.name, "Properties", "EngineMode"] },
        );
      }
    }
  },
};

export const rdsMonitoring: Rule = {
  id: "E3689",
  severity: "error",
  shortDescription: "MonitoringInterval and MonitoringRoleArn are used together",
  description:
    "An RDS cluster or instance with a MonitoringInterval above 0 has a MonitoringRoleArn, and a cluster with a " +
    "MonitoringRoleArn has a MonitoringInterval above 0.",
  source: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Monitoring.OS.Enabling.html",
  tags: ["resources", "rds"],
  resourceTypes: [CLUSTER, INSTANCE],
  check({ template, report }) {
    for (const resource of resourcesOfType(template, CLUSTER, INSTANCE)) {
      for (const { properties } of propertySets(resource)) {
        if (engineOf(properties)?.startsWith("custom-")) continue;
        const kind = resource.type === CLUSTER ? "Cluster" : "Instance";
        const role = presentEntry(properties, "MonitoringRoleArn");
        const interval = presentEntry(properties, "MonitoringInterval");
        const seconds = isAbsent(properties, "MonitoringInterval") ? 0 : literalNumber(interval?.value);
        const path = ["Resources", resource.name, "Properties"];
        if (role && seconds === 0 && resource.type === CLUSTER) {
          report(
            role.keyRange,
            `${kind} '${resource.name}' has a MonitoringRoleArn but ${interval ? "a MonitoringInterval of 0" : "no MonitoringInterval"}, ` +
              "and RDS refuses the role without enhanced monitoring; set MonitoringInterval (1, 5, 10, 15, 30 or 60 " +
              "seconds), or remove MonitoringRoleArn",
            { path: [...path, "MonitoringRoleArn"] },
          );
        } else if (
          interval &&
          seconds !== undefined &&
          seconds > 0 &&
          isAbsent(properties, "MonitoringRoleArn")
        ) {
          report(
            interval.keyRange,
            `${kind} '${resource.name}' turns on enhanced monitoring (MonitoringInterval ${seconds}) without a MonitoringRoleArn, ` +
              "which RDS needs to send the metrics to CloudWatch Logs; add the ARN of a role that trusts " +
              "monitoring.rds.amazonaws.com",
            { path: [...path, "MonitoringInterval"] },
          );
        }
      }
    }
  },
};

export const AURORA_ENGINES = ["aurora-mysql", "aurora-postgresql"];
const NOT_FOR_AURORA_CLUSTERS = ["AllocatedStorage", "DBClusterInstanceClass", "Iops", "PubliclyAccessible"];

export const auroraClusterSettings: Rule = {
  id: "E3693",
  severity: "error",
  shortDescription: "An Aurora cluster has no Multi-AZ DB cluster settings",
  description:
    "An aurora-mysql or aurora-postgresql cluster has no AllocatedStorage, DBClusterInstanceClass, Iops or " +
    "PubliclyAccessible, and a StorageType of aurora or aurora-iopt1.",
  source: "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbcluster.html",
  tags: ["resources", "rds"],
  resourceTypes: [CLUSTER],
  check({ template, report }) {
    for (const cluster of resourcesOfType(template, CLUSTER)) {
      for (const { properties } of propertySets(cluster)) {
        const engine = engineOf(properties);
        if (!engine || !AURORA_ENGINES.includes(engine)) continue;
        reportPresent(
          cluster,
          properties,
          NOT_FOR_AURORA_CLUSTERS,
          report,
          (key) =>
            `${key} of cluster '${cluster.name}' is a Multi-AZ DB cluster setting, and an ${engine} cluster refuses it; ` +
            `remove it${key === "PubliclyAccessible" ? " (set it on the cluster's instances)" : ""}`,
        );
        const storage = presentEntry(properties, "StorageType");
        const type = literalString(storage?.value);
        if (storage && type !== undefined && type !== "aurora" && type !== "aurora-iopt1") {
          report(
            storage.value,
            `StorageType ${type} of cluster '${cluster.name}' is not an Aurora storage type; use aurora (standard) or ` +
              "aurora-iopt1 (I/O-Optimized)",
            { path: ["Resources", cluster.name, "Properties", "StorageType"] },
          );
        }
      }
    }
  },
};

const CLUSTER_LEVEL = [
  "AllocatedStorage",
  "DeletionProtection",
  "EnableIAMDatabaseAuthentication",
  "MasterUserPassword",
];

export const auroraInstanceSettings: Rule = {
  id: "E3682",
  severity: "error",
  shortDescription: "An Aurora instance leaves cluster settings to its cluster",
  description:
    "An Aurora DB instance has no AllocatedStorage, DeletionProtection, " +
    "EnableIAMDatabaseAuthentication or MasterUserPassword: they are set on its DB cluster.",
  source: "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbinstance.html",
  tags: ["resources", "rds"],
  resourceTypes: [INSTANCE],
  check({ template, report }) {
    for (const instance of resourcesOfType(template, INSTANCE)) {
      for (const { properties } of propertySets(instance)) {
        const engine = engineOf(properties);
        if (!engine?.startsWith("aurora")) continue;
        reportPresent(
          instance,
          properties,
          CLUSTER_LEVEL,
          report,
          (key) =>
            `Instance '${instance.name}' is an Aurora (${engine}) instance, whose ${key} is set on its DB cluster; ` +
            `RDS refuses it here: move ${key} to the AWS::RDS::DBCluster`,
        );
      }
    }
  },
};

/** An instance with one of these takes its encryption from its source or its cluster. */
const ENCRYPTION_FROM_ELSEWHERE = [
  "SourceDBInstanceIdentifier",
  "SourceDbiResourceId",
  "SourceDBClusterIdentifier",
  "DBSnapshotIdentifier",
  "DBClusterSnapshotIdentifier",
  "DBClusterIdentifier",
];

/** A cluster with one of these has the encryption of the cluster or snapshot it comes from. */
const CLUSTER_FROM_ELSEWHERE = [
  "SnapshotIdentifier",
  "SourceDBClusterIdentifier",
  "ReplicationSourceIdentifier",
];

export const instanceKmsKeyEncryption: Rule = {
  id: "E3720",
  severity: "error",
  shortDescription: "An RDS instance with a KmsKeyId sets StorageEncrypted: true",
  description:
    "An AWS::RDS::DBInstance that names a KmsKeyId (other than an RDS Custom one) sets StorageEncrypted to true.",
  source: "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbinstance.html",
  tags: ["resources", "rds"],
  resourceTypes: [INSTANCE],
  check({ template, report }) {
    for (const instance of resourcesOfType(template, INSTANCE)) {
      for (const { properties } of propertySets(instance)) {
        const key = presentEntry(properties, "KmsKeyId");
        const engine = engineOf(properties);
        if (!key || engine === undefined || engine.startsWith("custom-")) continue;
        if (ENCRYPTION_FROM_ELSEWHERE.some((source) => !isAbsent(properties, source))) continue;
        if (booleanProperty(properties, "StorageEncrypted", false) !== false) continue;
        report(
          key.keyRange,
          `Instance '${instance.name}' names a KmsKeyId without StorageEncrypted: true, and RDS encrypts with the key ` +
            "only when storage is encrypted; set StorageEncrypted: true",
          { path: ["Resources", instance.name, "Properties", "KmsKeyId"] },
        );
      }
    }
  },
};

interface ClusterInstance {
  instance: ResourceInfo;
  properties: MapNode;
  cluster: ResourceInfo;
  clusterProperties: MapNode;
}

const clusterInstancesCache = new WeakMap<TemplateIndex, ClusterInstance[]>();

/** The instances of the template's clusters, with the cluster's single property set; found once for E3707 and E3709. */
function clusterInstances(template: TemplateIndex): ClusterInstance[] {
  const cached = clusterInstancesCache.get(template);
  if (cached) return cached;
  const found: ClusterInstance[] = [];
  clusterInstancesCache.set(template, found);
  for (const instance of resourcesOfType(template, INSTANCE)) {
    for (const { properties } of propertySets(instance)) {
      const reference = presentEntry(properties, "DBClusterIdentifier")?.value;
      const cluster = reference && refResource(template, reference, [CLUSTER]);
      const clusterSet = cluster && onlyPropertySet(cluster);
      if (cluster && clusterSet)
        found.push({ instance, properties, cluster, clusterProperties: clusterSet.properties });
    }
  }
  return found;
}

export const instanceClusterEngine: Rule = {
  id: "E3707",
  severity: "error",
  shortDescription: "An RDS instance has the Engine of its DB cluster",
  description: "An AWS::RDS::DBInstance of a DBCluster of the template has the cluster's Engine.",
  source: "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbinstance.html",
  tags: ["resources", "rds"],
  check({ template, report }) {
    for (const { instance, properties, cluster, clusterProperties } of clusterInstances(template)) {
      const own = presentEntry(properties, "Engine");
      const engine = engineOf(properties);
      const clusterEngine = engineOf(clusterProperties);
      if (!own || engine === undefined || clusterEngine === undefined || engine === clusterEngine) continue;
      report(
        own.value,
        `Instance '${instance.name}' has Engine ${engine}, and its cluster '${cluster.name}' ${clusterEngine}; an instance ` +
          `of a cluster runs the cluster's engine: set Engine: ${clusterEngine}`,
        { path: ["Resources", instance.name, "Properties", "Engine"] },
      );
    }
  },
};

export const instanceClusterEncryption: Rule = {
  id: "E3709",
  severity: "error",
  shortDescription: "An RDS instance's StorageEncrypted matches its DB cluster's",
  description:
    "An AWS::RDS::DBInstance of a DBCluster of the template that sets StorageEncrypted sets the cluster's value " +
    "(false when the cluster does not set it).",
  source: "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbinstance.html",
  tags: ["resources", "rds"],
  check({ template, report }) {
    for (const { instance, properties, cluster, clusterProperties } of clusterInstances(template)) {
      const own = presentEntry(properties, "StorageEncrypted");
      const encrypted = own && booleanProperty(properties, "StorageEncrypted", false);
      const restored = CLUSTER_FROM_ELSEWHERE.some((source) => !isAbsent(clusterProperties, source));
      const clusterEncrypted = restored
        ? undefined
        : booleanProperty(clusterProperties, "StorageEncrypted", false);
      if (!own || encrypted === undefined || clusterEncrypted === undefined || encrypted === clusterEncrypted)
        continue;
      report(
        own.value,
        `Instance '${instance.name}' has StorageEncrypted ${encrypted}, and its cluster '${cluster.name}' ` +
          `${clusterEncrypted ? "encrypts its storage" : "does not encrypt its storage"}; the cluster decides: remove ` +
          `StorageEncrypted from the instance${clusterEncrypted ? "" : ", or set StorageEncrypted: true on the cluster"}`,
        { path: ["Resources", instance.name, "Properties", "StorageEncrypted"] },
      );
    }
  },
};

export const instanceBackupRetention: Rule = {
  id: "E3719",
  severity: "error",
  shortDescription: "An RDS instance's BackupRetentionPeriod is its own and at most 35 days",
  description:
    "An AWS::RDS::DBInstance of a DB cluster (DBClusterIdentifier) has no BackupRetentionPeriod, which is set on the " +
    "cluster; a standalone instance of an engine other than Aurora keeps automated backups 35 days at most.",
  source: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html",
  tags: ["resources", "rds"],
  resourceTypes: [INSTANCE],
  check({ template, report }) {
    for (const instance of resourcesOfType(template, INSTANCE)) {
      for (const { properties } of propertySets(instance)) {
        const period = presentEntry(properties, "BackupRetentionPeriod");
        if (!period) continue;
        const path = ["Resources", instance.name, "Properties", "BackupRetentionPeriod"];
        const member = presentEntry(properties, "DBClusterIdentifier");
        if (member) {
          const cluster = refResource(template, member.value, [CLUSTER]);
          report(
            period.keyRange,
            `Instance '${instance.name}' is a member of ${cluster ? `cluster '${cluster.name}'` : "a DB cluster"}, which keeps ` +
              "the automated backups of its instances, and RDS refuses BackupRetentionPeriod on the instance; set it on " +
              "the AWS::RDS::DBCluster, and remove it here",
            { path },
          );
          continue;
        }
        const days = literalNumber(period.value);
        const engine = engineOf(properties);
        if (days === undefined || days <= 35 || engine === undefined || engine.startsWith("aurora")) continue;
        if (
          !isAbsent(properties, "DBClusterIdentifier") ||
          !isAbsent(properties, "SourceDBInstanceIdentifier")
        )
          continue;
        report(
          period.value,
          `Instance '${instance.name}' keeps automated backups ${days} days, and RDS keeps them 35 days at most; set ` +
            "BackupRetentionPeriod from 0 to 35 (AWS Backup can keep snapshots longer)",
          { path },
        );
      }
    }
  },
};

const REPLICA_MODES = ["open-read-only", "mounted"];
/** The engines whose read replicas have a ReplicaMode: Oracle (RDS and RDS Custom) and Db2. */
export const REPLICA_MODE_ENGINES = /^(oracle|custom-oracle|db2)/;

export const instanceReplicaMode: Rule = {
  id: "E3721",
  severity: "error",
  shortDescription: "An Oracle or Db2 instance's ReplicaMode is open-read-only or mounted",
  description:
    "An AWS::RDS::DBInstance of an Oracle (oracle-*, custom-oracle-*) or Db2 (db2-*) engine that sets ReplicaMode sets " +
    "it to open-read-only or mounted.",
  source: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/oracle-read-replicas.html",
  tags: ["resources", "rds"],
  resourceTypes: [INSTANCE],
  check({ template, report }) {
    for (const instance of resourcesOfType(template, INSTANCE)) {
      for (const { properties } of propertySets(instance)) {
        const mode = presentEntry(properties, "ReplicaMode");
        const value = literalString(mode?.value);
        const engine = engineOf(properties);
        if (!mode || value === undefined || engine === undefined) continue;
        if (!REPLICA_MODE_ENGINES.test(engine) || REPLICA_MODES.includes(value.toLowerCase())) continue;
        report(
          mode.value,
          `ReplicaMode ${value} of instance '${instance.name}' is not a mode of ${engine.startsWith("db2") ? "a Db2" : "an Oracle"} ` +
            "read replica, which RDS opens read-only or keeps mounted; set ReplicaMode to open-read-only (the default) " +
            "or mounted",
          { path: ["Resources", instance.name, "Properties", "ReplicaMode"] },
        );
      }
    }
  },
};

const MULTI_AZ_ENGINES = ["mysql", "postgres"];
const MULTI_AZ_REQUIRED = ["DBClusterInstanceClass", "AllocatedStorage", "StorageType", "Iops"];
const MULTI_AZ_STORAGE = ["io1", "io2", "gp3"];
/** Aurora-only settings a Multi-AZ DB cluster refuses (ScalingConfiguration is E3686's). */
const AURORA_ONLY = [
  "EngineMode",
  "BacktrackWindow",
  "ServerlessV2ScalingConfiguration",
  "GlobalClusterIdentifier",
  "EnableGlobalWriteForwarding",
];
/** A cluster restored or replicated from another takes its storage from there. */
const MULTI_AZ_FROM_ELSEWHERE = [
  "SnapshotIdentifier",
  "SourceDBClusterIdentifier",
  "ReplicationSourceIdentifier",
];

export const multiAzClusterSettings: Rule = {
  id: "E3692",
  severity: "error",
  shortDescription: "A Multi-AZ DB cluster has its instance class and storage, and no Aurora settings",
  description:
    "An AWS::RDS::DBCluster of engine mysql or postgres (a Multi-AZ DB cluster) sets DBClusterInstanceClass, " +
    "AllocatedStorage, StorageType (io1, io2 or gp3) and Iops, and none of EngineMode, BacktrackWindow, " +
    "ServerlessV2ScalingConfiguration, GlobalClusterIdentifier and EnableGlobalWriteForwarding, which are Aurora's.",
  source: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/create-multi-az-db-cluster.html",
  tags: ["resources", "rds"],
  resourceTypes: [CLUSTER],
  check({ template, report }) {
    for (const cluster of resourcesOfType(template, CLUSTER)) {
      for (const { properties, bare } of propertySets(cluster)) {
        const engine = engineOf(properties);
        if (bare || !engine || !MULTI_AZ_ENGINES.includes(engine)) continue;
        const path = ["Resources", cluster.name, "Properties"];
        if (MULTI_AZ_FROM_ELSEWHERE.every((key) => isAbsent(properties, key))) {
          const missing = MULTI_AZ_REQUIRED.filter((key) => isAbsent(properties, key));
          if (missing.length > 0) {
            report(
              presentEntry(properties, "Engine")?.value ?? cluster.entry.keyRange,
              `Cluster '${cluster.name}' is a Multi-AZ DB cluster (Engine ${engine}), which RDS creates only with ` +
                `${MULTI_AZ_REQUIRED.join(", ")}; add ${missing.join(", ")}` +
                " (for an RDS for MySQL or PostgreSQL instance, use AWS::RDS::DBInstance; for Aurora, Engine aurora-*)",
              { path: [...path, "Engine"] },
            );
          }
        }
        const storage = presentEntry(properties, "StorageType");
        const type = literalString(storage?.value);
        if (storage && type !== undefined && !MULTI_AZ_STORAGE.includes(type)) {
          report(
            storage.value,
            `StorageType ${type} of Multi-AZ DB cluster '${cluster.name}' is not one it takes; set StorageType to io1, io2 or gp3`,
            { path: [...path, "StorageType"] },
          );
        }
        reportPresent(
          cluster,
          properties,
          AURORA_ONLY,
          report,
          (key) =>
            `${key} of cluster '${cluster.name}' is an Aurora setting, and a Multi-AZ DB cluster (Engine ${engine}) ` +
            "refuses it; remove it",
        );
      }
    }
  },
};

/** Engines RDS no longer creates clusters or instances of, by their Engine name in lower case. */
const RETIRED_ENGINES: Record<string, { what: string; ended: string; instead: string; source: string }> = {
  aurora: {
    what: "Aurora MySQL version 1 (compatible with MySQL 5.6)",
    ended: "2023-02-28",
    instead:
      "use Engine aurora-mysql (Aurora MySQL version 2 or 3, compatible with MySQL 5.7 or 8.0), with an EngineVersion of one of those if one is set",
    source: `${USER_GUIDE}/Aurora.MySQL56.EOL.html`,
  },
};

/** E3690 and E3691: one check, for clusters or instances. */
function retiredEngine(id: string, kind: "cluster" | "instance", type: string): Rule {
  const what = kind === "cluster" ? "DB clusters" : "DB instances";
  return {
    id,
    severity: "error",
    shortDescription: `${what} do not use an engine RDS has retired`,
    description: `The Engine of an ${type} is not one RDS has retired and no longer creates ${what} of (aurora, Aurora MySQL version 1).`,
    source: RETIRED_ENGINES.aurora.source,
    tags: ["resources", "rds"],
    resourceTypes: [type],
    check({ template, report }) {
      for (const resource of resourcesOfType(template, type)) {
        const written = mapGet(resource.properties?.value, "Engine")?.value;
        const path = ["Resources", resource.name, "Properties", "Engine"];
        // Each Engine a Fn::If may give, a parameter or a mapping chooses (a warning: another choice
        // may be current), in lower case as RDS takes it.
        for (const found of written ? givenTexts(written, template, false) : []) {
          const engine = found.text.toLowerCase();
          if (!Object.hasOwn(RETIRED_ENGINES, engine)) continue;
          const retired = RETIRED_ENGINES[engine];
          const said =
            `${found.hidden ? "the Engine" : `Engine ${engine}`} is ${retired.what}, which reached its end of ` +
            `life on ${retired.ended}: RDS no longer creates ${what} with it; ${retired.instead}`;
          reportGiven(report, found, said, { path });
        }
      }
    },
  };
}

export const clusterRetiredEngine = retiredEngine("E3690", "cluster", CLUSTER);
export const instanceRetiredEngine = retiredEngine("E3691", "instance", INSTANCE);

/**
 * E3690 and E3691, for versions: an EngineVersion older than every version RDS lists of its line
 * (MySQL 5.7.31 where the oldest 5.7 is 5.7.33), or of a line older than every line it lists. RDS
 * drops versions from the old end of a line, so such a version is no longer offered however old
 * cfn-lint's list is, and creating the cluster or instance fails ("Cannot find version 5.7.31 for
 * mysql"); a version newer than the list may be new, and is not judged. cfn-lint's rules of these
 * ids refuse every version its list lacks, newer ones too.
 */
function retiredEngineVersion(id: string, kind: "cluster" | "instance", type: string): Rule {
  const what = kind === "cluster" ? "DB clusters" : "DB instances";
  return {
    id,
    severity: "error",
    shortDescription: `${what} do not use an engine version older than every one RDS offers`,
    description: `The EngineVersion of an ${type} (MySQL, MariaDB, PostgreSQL, Aurora PostgreSQL) is not older than every version RDS offers of its line.`,
    source: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.Maintenance.html",
    tags: ["resources", "rds"],
    resourceTypes: [type],
    check({ template, spec, report }) {
      for (const resource of resourcesOfType(template, type)) {
        const { oldest, cfnLint } = spec.deprecatedEngineVersions(kind);
        for (const { engine, node, version, reading } of engineVersions(template, resource)) {
          const lines = oldest.get(engine);
          const problem = lines && olderThanOffered(engine, version, lines, "RDS");
          if (!problem) continue;
          report(
            node,
            inReading(
              reading,
              `EngineVersion ${version} is ${problem}, by the list of cfn-lint ${cfnLint}: RDS no longer creates ${what} with it; ` +
                "choose a version RDS offers, or leave EngineVersion out for the default",
            ),
            { path: ["Resources", resource.name, "Properties", "EngineVersion"] },
          );
        }
      }
    },
  };
}

export const clusterRetiredEngineVersion = retiredEngineVersion("E3690", "cluster", CLUSTER);
export const instanceRetiredEngineVersion = retiredEngineVersion("E3691", "instance", INSTANCE);

/** W3690 and W3691: one check, for clusters or instances. */
function deprecatedEngineVersion(id: string, kind: "cluster" | "instance", type: string): Rule {
  const what = kind === "cluster" ? "DB clusters" : "DB instances";
  return {
    id,
    severity: "warning",
    shortDescription: `${what} do not use deprecated engine versions`,
    description: `The EngineVersion of an ${type} is not one RDS has deprecated and no longer creates ${what} with.`,
    source: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.Maintenance.html",
    tags: ["resources", "rds"],
    resourceTypes: [type],
    check({ template, spec, report }) {
      for (const resource of resourcesOfType(template, type)) {
        const deprecated = spec.deprecatedEngineVersions(kind);
        for (const { engine, node, version, reading } of engineVersions(template, resource)) {
          if (!deprecated.versions.get(engine)?.has(version)) continue;
          report(
            node,
            inReading(
              reading,
              `EngineVersion ${version} of ${engine} is deprecated, and RDS no longer creates ${what} with it (by the list ` +
                `of cfn-lint ${deprecated.cfnLint}); choose a supported version, or leave EngineVersion out for the default`,
            ),
            { path: ["Resources", resource.name, "Properties", "EngineVersion"] },
          );
        }
      }
    },
  };
}

export const clusterDeprecatedEngineVersion = deprecatedEngineVersion("W3690", "cluster", CLUSTER);
export const instanceDeprecatedEngineVersion = deprecatedEngineVersion("W3691", "instance", INSTANCE);
