/**
 * Settings of one resource (or a resource and the one it names) that its service's API refuses,
 * for services without a rule file of their own: Backup, S3 tiering, Auto Scaling, ElastiCache,
 * GuardDuty, CodeBuild, Route 53 health checks (cfn-lint's ids):
 * - E3504: a backup lifecycle that deletes a recovery point less than 90 days after moving it to
 *   cold storage (AWS Backup keeps cold storage at least 90 days), in a plan rule or a copy action.
 * - E3061: an S3 Intelligent-Tiering archive tier with Days outside its range (ARCHIVE_ACCESS 90
 *   to 730, DEEP_ARCHIVE_ACCESS 180 to 730).
 * - E3712: a target tracking scaling policy on an Auto Scaling group whose MaxSize is not above its
 *   MinSize: there is nothing to scale (cfn-lint's error; the API documents no message for it).
 * - E3056: an Auto Scaling group whose HealthCheckType lists EC2 with other types ("EC2,ELB").
 *   Auto Scaling always runs the EC2 checks ("EC2 is the default health check and cannot be
 *   disabled"), other types are added to them ("ELB,EBS"), and EC2 is given alone, only to clear
 *   the others. A value that E3031 reports off the schema's pattern (a space, a type in lower case
 *   or unknown: "EC2, ELB", "EC2,elb") is left to it, so that the fix proposed here is a valid
 *   value; cfn-lint reports those twice. Unlike cfn-lint, an empty part ("EC2,") or EC2 twice is
 *   not taken for another type.
 * - E3704: a Valkey replication group that does not set TransitEncryptionEnabled; CloudFormation's
 *   default for it is refused for Valkey.
 * - E3026: a Redis or Valkey replication group in cluster mode (a default `.cluster.on` parameter
 *   group, or one of the template's that sets cluster-enabled to "yes") with
 *   AutomaticFailoverEnabled: false, or, without NumNodeGroups or NodeGroupConfiguration, a
 *   NumCacheClusters below 2; the values one condition's Fn::If calls choose are read together
 *   (readings), each finding naming its condition.
 * - E3063: a GuardDuty detector with both DataSources and Features ("You can provide only one").
 * - E3636: a CodeBuild project whose Source or Artifacts (or a secondary one) has Type S3 but no
 *   Location: the bucket and key to read from or write to.
 * - E3661: a Route 53 health check of Type CLOUDWATCH_METRIC without AlarmIdentifier, the alarm
 *   whose state it reports.
 *
 * Other values given through intrinsic functions are not judged.
 */
import type { MapNode, Node } from "../../model";
import { mapGet } from "../../nodes";
import { presentWhere, readings, reportInReadings, UNDECIDED, valueWhere } from "../conditions/logic";
import { constraintProblems } from "../constraints/walk";
import type { Rule } from "../rule";
import type { TemplateIndex } from "../template-index";
import {
  isAbsent,
  listMappings,
  literalBoolean,
  literalNumber,
  literalString,
  onlyPropertySet,
  plainMap,
  presentEntry,
  propertySets,
  refResource,
  resourcesOfType,
} from "./values";

/** A whole number written as a number or a numeric string; undefined for anything else. */
function wholeNumber(node: Node | undefined): number | undefined {
  const value = literalNumber(node);
  return value !== undefined && Number.isInteger(value) ? value : undefined;
}

function days(count: number): string {
  return count === 1 ? "1 day" : `${count} days`;
}

export const backupColdStorage: Rule = {
  id: "E3504",
  severity: "error",
  shortDescription: "A backup stays in cold storage at least 90 days",
  description:
    "In an AWS::Backup::BackupPlan lifecycle (of a rule or a copy action), DeleteAfterDays is at least 90 more than " +
    "MoveToColdStorageAfterDays.",
  source: "https://docs.aws.amazon.com/aws-backup/latest/devguide/plan-options-and-configuration.html",
  tags: ["resources", "backup"],
  resourceTypes: ["AWS::Backup::BackupPlan"],
  check({ template, report }) {
    for (const plan of resourcesOfType(template, "AWS::Backup::BackupPlan")) {
      for (const { properties } of propertySets(plan)) {
        const body = plainMap(presentEntry(properties, "BackupPlan")?.value);
        if (!body) continue;
        for (const rule of listMappings(presentEntry(body, "BackupPlanRule")?.value).items) {
          const path = ["Resources", plan.name, "Properties", "BackupPlan", "BackupPlanRule", rule.index];
          const lifecycles: { node: MapNode | undefined; path: (string | number)[] }[] = [
            { node: plainMap(presentEntry(rule.node, "Lifecycle")?.value), path: [...path, "Lifecycle"] },
          ];
          for (const copy of listMappings(presentEntry(rule.node, "CopyActions")?.value).items) {
            lifecycles.push({
              node: plainMap(presentEntry(copy.node, "Lifecycle")?.value),
              path: [...path, "CopyActions", copy.index, "Lifecycle"],
            });
          }
          for (const { node, path: at } of lifecycles) {
            if (!node) continue;
            const remove = presentEntry(node, "DeleteAfterDays");
            const deleteAfter = wholeNumber(remove?.value);
            const coldAfter = wholeNumber(presentEntry(node, "MoveToColdStorageAfterDays")?.value);
            if (
              !remove ||
              deleteAfter === undefined ||
              coldAfter === undefined ||
              deleteAfter - coldAfter >= 90
            )
              continue;
            const when =
              deleteAfter <= coldAfter
                ? `before moving them to cold storage on day ${coldAfter}`
                : `${days(deleteAfter - coldAfter)} after moving them to cold storage on day ${coldAfter}`;
            report(
              remove.value,
              `Backup plan '${plan.name}' deletes recovery points ${days(deleteAfter)} after creation, ${when}, and AWS ` +
                `Backup keeps cold storage at least 90 days; set DeleteAfterDays to ${coldAfter + 90} or more`,
              { path: [...at, "DeleteAfterDays"] },
            );
          }
        }
      }
    }
  },
};

const TIERING_DAYS: Record<string, { minimum: number; maximum: number }> = {
  ARCHIVE_ACCESS: { minimum: 90, maximum: 730 },
  DEEP_ARCHIVE_ACCESS: { minimum: 180, maximum: 730 },
};

export const intelligentTieringDays: Rule = {
  id: "E3061",
  severity: "error",
  shortDescription: "Intelligent-Tiering archive tiers have Days in their range",
  description:
    "In an S3 bucket's IntelligentTieringConfigurations, a Tiering of ARCHIVE_ACCESS has Days from 90 to 730, one of " +
    "DEEP_ARCHIVE_ACCESS from 180 to 730.",
  source: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/intelligent-tiering-overview.html",
  tags: ["resources", "s3"],
  resourceTypes: ["AWS::S3::Bucket"],
  check({ template, report }) {
    for (const bucket of resourcesOfType(template, "AWS::S3::Bucket")) {
      for (const { properties } of propertySets(bucket)) {
        for (const configuration of listMappings(
          presentEntry(properties, "IntelligentTieringConfigurations")?.value,
        ).items) {
          for (const tiering of listMappings(presentEntry(configuration.node, "Tierings")?.value).items) {
            const tier = literalString(presentEntry(tiering.node, "AccessTier")?.value);
            const range =
              tier !== undefined && Object.hasOwn(TIERING_DAYS, tier) ? TIERING_DAYS[tier] : undefined;
            const entry = presentEntry(tiering.node, "Days");
            const value = wholeNumber(entry?.value);
            if (!range || !entry || value === undefined || (value >= range.minimum && value <= range.maximum))
              continue;
            report(
              entry.value,
              `Tiering ${tier} of bucket '${bucket.name}' moves objects after ${days(value)}, and S3 takes ${range.minimum} ` +
                `to ${range.maximum} days for that tier; set Days from ${range.minimum} to ${range.maximum}`,
              {
                path: [
                  "Resources",
                  bucket.name,
                  "Properties",
                  "IntelligentTieringConfigurations",
                  configuration.index,
                  "Tierings",
                  tiering.index,
                  "Days",
                ],
              },
            );
          }
        }
      }
    }
  },
};

export const targetTrackingGroupSize: Rule = {
  id: "E3712",
  severity: "error",
  shortDescription: "A target tracking policy's Auto Scaling group has MaxSize above MinSize",
  description:
    "The AWS::AutoScaling::AutoScalingGroup of a TargetTrackingScaling AWS::AutoScaling::ScalingPolicy has a MaxSize " +
    "greater than its MinSize.",
  source: "https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-target-tracking.html",
  tags: ["resources", "autoscaling"],
  resourceTypes: ["AWS::AutoScaling::ScalingPolicy"],
  check({ template, report }) {
    for (const policy of resourcesOfType(template, "AWS::AutoScaling::ScalingPolicy")) {
      for (const { properties } of propertySets(policy)) {
        if (literalString(presentEntry(properties, "PolicyType")?.value) !== "TargetTrackingScaling")
          continue;
        const reference = presentEntry(properties, "AutoScalingGroupName");
        const group =
          reference && refResource(template, reference.value, ["AWS::AutoScaling::AutoScalingGroup"]);
        const groupProperties = group && onlyPropertySet(group)?.properties;
        if (!reference || !group || !groupProperties) continue;
        const max = literalNumber(presentEntry(groupProperties, "MaxSize")?.value);
        const min = literalNumber(presentEntry(groupProperties, "MinSize")?.value);
        if (max === undefined || min === undefined || max > min) continue;
        report(
          reference.value,
          `Target tracking policy '${policy.name}' scales group '${group.name}', whose MaxSize ${max} is not above its ` +
            `MinSize ${min}, and a target tracking policy needs room to scale in; raise MaxSize, or remove the policy`,
          { path: ["Resources", policy.name, "Properties", "AutoScalingGroupName"] },
        );
      }
    }
  },
};

const AUTO_SCALING_GROUP = "AWS::AutoScaling::AutoScalingGroup";

export const autoScalingHealthCheckType: Rule = {
  id: "E3056",
  severity: "error",
  shortDescription: "An Auto Scaling group's HealthCheckType does not combine EC2 with other types",
  description:
    "The HealthCheckType of an AWS::AutoScaling::AutoScalingGroup is EC2 alone, or other types (ELB, EBS, VPC_LATTICE, " +
    "comma-separated) without EC2: the EC2 health checks always run.",
  source: "https://docs.aws.amazon.com/autoscaling/ec2/userguide/health-checks-overview.html",
  tags: ["resources", "autoscaling"],
  resourceTypes: [AUTO_SCALING_GROUP],
  check({ template, spec, report }) {
    for (const group of resourcesOfType(template, AUTO_SCALING_GROUP)) {
      for (const { properties } of propertySets(group)) {
        const entry = presentEntry(properties, "HealthCheckType");
        const text = literalString(entry?.value);
        if (!entry || text === undefined) continue;
        // E3031 reports a value off the pattern (spaces, unknown or lower-case types).
        if (constraintProblems(template, spec).some((problem) => problem.at === entry.value)) continue;
        const types = text.split(",").map((part) => part.trim());
        const others = [...new Set(types.filter((type) => type !== "" && type !== "EC2"))];
        if (!types.includes("EC2") || others.length === 0) continue;
        report(
          entry.value,
          `Auto Scaling group '${group.name}' lists EC2 with ${others.join(" and ")} in HealthCheckType, and Auto Scaling ` +
            "takes EC2 only alone: the EC2 health checks always run, and other types add to them; set HealthCheckType: " +
            others.join(","),
          { path: ["Resources", group.name, "Properties", "HealthCheckType"] },
        );
      }
    }
  },
};

const REPLICATION_GROUP = "AWS::ElastiCache::ReplicationGroup";

export const valkeyTransitEncryption: Rule = {
  id: "E3704",
  severity: "error",
  shortDescription: "A Valkey replication group sets TransitEncryptionEnabled",
  description:
    "An AWS::ElastiCache::ReplicationGroup with Engine valkey sets TransitEncryptionEnabled explicitly.",
  source: "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/in-transit-encryption.html",
  tags: ["resources", "elasticache"],
  resourceTypes: [REPLICATION_GROUP],
  check({ template, report }) {
    for (const group of resourcesOfType(template, REPLICATION_GROUP)) {
      for (const { properties } of propertySets(group)) {
        const engine = presentEntry(properties, "Engine");
        if (!engine || literalString(engine.value)?.toLowerCase() !== "valkey") continue;
        if (!isAbsent(properties, "TransitEncryptionEnabled")) continue;
        report(
          engine.value,
          `Replication group '${group.name}' runs Valkey without TransitEncryptionEnabled, and ElastiCache refuses ` +
            "CloudFormation's default for Valkey; set TransitEncryptionEnabled: true (or false)",
          { path: ["Resources", group.name, "Properties", "TransitEncryptionEnabled"] },
        );
      }
    }
  },
};

/**
 * Whether a replication group's parameter group turns cluster mode on: a default one named
 * `default.<family>.cluster.on`, or one of the template's whose cluster-enabled is "yes" in quotes.
 * An unquoted `yes` is YAML 1.1's true for CloudFormation, so the group sends "true", not "yes".
 */
function clusterMode(template: TemplateIndex, reference: Node | undefined): boolean {
  if (literalString(reference)?.endsWith(".cluster.on")) return true;
  const group = reference && refResource(template, reference, ["AWS::ElastiCache::ParameterGroup"]);
  if (!group) return false;
  const groupProperties = onlyPropertySet(group)?.properties;
  const settings = groupProperties && plainMap(presentEntry(groupProperties, "Properties")?.value);
  const value = mapGet(settings, "cluster-enabled")?.value;
  if (!value || literalString(value) !== "yes") return false;
  const { start, end } = value.range;
  return end.line !== start.line || end.column - start.column > 3;
}

export const redisClusterFailover: Rule = {
  id: "E3026",
  severity: "error",
  shortDescription: "A Redis cluster-mode replication group has automatic failover and replicas",
  description:
    "A replication group whose parameter group sets cluster-enabled to yes does not set AutomaticFailoverEnabled to " +
    "false and, without NumNodeGroups, has NumCacheClusters of at least 2.",
  source: "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/AutoFailover.html",
  tags: ["resources", "elasticache"],
  resourceTypes: [REPLICATION_GROUP],
  check({ template, report }) {
    for (const group of resourcesOfType(template, REPLICATION_GROUP)) {
      for (const { properties } of propertySets(group)) {
        // The parameter group, the failover setting, the shards and the cluster count one condition
        // chooses are read together (readings): `!If [Clustered, default.redis7.cluster.on, ...]`
        // beside `!If [Clustered, true, false]` is judged branch by branch.
        const at = (key: string) => mapGet(properties, key)?.value;
        const [parameters, failover, clusters] = [
          at("CacheParameterGroupName"),
          at("AutomaticFailoverEnabled"),
          at("NumCacheClusters"),
        ];
        const shards = [at("NumNodeGroups"), at("NodeGroupConfiguration")];
        const say = reportInReadings(report);
        const path = ["Resources", group.name, "Properties"];
        const valkey = literalString(presentEntry(properties, "Engine")?.value)?.toLowerCase() === "valkey";
        const engine = valkey ? "Valkey" : "Redis";
        for (const reading of readings(template, [parameters, failover, clusters, ...shards])) {
          const where = (node: Node | undefined) => valueWhere(template, node, reading.known);
          const chosen = where(parameters);
          if (chosen === UNDECIDED || !clusterMode(template, chosen)) continue;
          const off = where(failover);
          if (off !== UNDECIDED && off && literalBoolean(off) === false) {
            say(
              reading,
              off,
              `Replication group '${group.name}' runs ${engine} in cluster mode, which needs automatic failover; set ` +
                "AutomaticFailoverEnabled: true",
              { path: [...path, "AutomaticFailoverEnabled"] },
            );
          }
          // Shards given by NumNodeGroups or NodeGroupConfiguration have their own replicas.
          if (shards.some((node) => presentWhere(template, node, reading.known) !== false)) continue;
          const count = where(clusters);
          const number = count === UNDECIDED ? undefined : literalNumber(count);
          if (count === UNDECIDED || !count || number === undefined || number > 1) continue;
          say(
            reading,
            count,
            `Replication group '${group.name}' runs ${engine} in cluster mode with NumCacheClusters ${number}, and ` +
              "cluster mode needs a replica for failover; set NumCacheClusters to 2 or more, or give NumNodeGroups or " +
              "NodeGroupConfiguration",
            { path: [...path, "NumCacheClusters"] },
          );
        }
      }
    }
  },
};

export const guardDutyDataSources: Rule = {
  id: "E3063",
  severity: "error",
  shortDescription: "A GuardDuty detector has DataSources or Features, not both",
  description:
    "An AWS::GuardDuty::Detector gives either DataSources or Features (GuardDuty recommends Features).",
  source: "https://docs.aws.amazon.com/guardduty/latest/ug/guardduty-features-activation-model.html",
  tags: ["resources", "guardduty"],
  resourceTypes: ["AWS::GuardDuty::Detector"],
  check({ template, report }) {
    for (const detector of resourcesOfType(template, "AWS::GuardDuty::Detector")) {
      for (const { properties } of propertySets(detector)) {
        const sources = presentEntry(properties, "DataSources");
        if (!sources || !presentEntry(properties, "Features")) continue;
        report(
          sources.keyRange,
          `Detector '${detector.name}' gives both DataSources and Features, and GuardDuty takes only one; move the ` +
            "DataSources settings to Features, which replaces it",
          { path: ["Resources", detector.name, "Properties", "DataSources"] },
        );
      }
    }
  },
};

const CODEBUILD_S3 = [
  { key: "Source", list: false },
  { key: "Artifacts", list: false },
  { key: "SecondarySources", list: true },
  { key: "SecondaryArtifacts", list: true },
];

export const codeBuildS3Location: Rule = {
  id: "E3636",
  severity: "error",
  shortDescription: "A CodeBuild S3 source or artifact has a Location",
  description:
    "A Source or Artifacts (or secondary one) of an AWS::CodeBuild::Project with Type S3 gives Location, the S3 bucket " +
    "and key (or folder) it reads from or writes to.",
  source: "https://docs.aws.amazon.com/codebuild/latest/APIReference/API_ProjectSource.html",
  tags: ["resources", "codebuild"],
  resourceTypes: ["AWS::CodeBuild::Project"],
  check({ template, report }) {
    for (const project of resourcesOfType(template, "AWS::CodeBuild::Project")) {
      for (const { properties } of propertySets(project)) {
        for (const { key, list } of CODEBUILD_S3) {
          const value = presentEntry(properties, key)?.value;
          const single = list ? undefined : plainMap(value);
          const items: { node: MapNode; path: (string | number)[] }[] = list
            ? listMappings(value).items.map(({ node, index }) => ({ node, path: [key, index] }))
            : single
              ? [{ node: single, path: [key] }]
              : [];
          for (const { node, path } of items) {
            const type = presentEntry(node, "Type");
            if (!type || literalString(type.value) !== "S3" || !isAbsent(node, "Location")) continue;
            report(
              type.value,
              `${path.length === 2 ? `Item ${Number(path[1]) + 1} of ${key}` : key} of CodeBuild project '${project.name}' is of Type S3 without a Location, and CodeBuild ` +
                `needs the bucket and ${key.includes("Artifacts") ? "folder to write to" : "key of the source archive"}; add Location`,
              { path: ["Resources", project.name, "Properties", ...path, "Location"] },
            );
          }
        }
      }
    }
  },
};

const HEALTH_CHECK = "AWS::Route53::HealthCheck";

export const healthCheckAlarm: Rule = {
  id: "E3661",
  severity: "error",
  shortDescription: "A CLOUDWATCH_METRIC health check names its alarm",
  description:
    "A Route 53 health check of Type CLOUDWATCH_METRIC gives AlarmIdentifier: the alarm whose state it reports.",
  source: "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/health-checks-creating-values.html",
  tags: ["resources", "route53"],
  resourceTypes: [HEALTH_CHECK],
  check({ template, report }) {
    for (const check of resourcesOfType(template, HEALTH_CHECK)) {
      for (const { properties } of propertySets(check)) {
        const config = plainMap(presentEntry(properties, "HealthCheckConfig")?.value);
        const type = config && presentEntry(config, "Type");
        if (!config || !type || literalString(type.value) !== "CLOUDWATCH_METRIC") continue;
        if (!isAbsent(config, "AlarmIdentifier")) continue;
        report(
          type.value,
          `Health check '${check.name}' is of Type CLOUDWATCH_METRIC, which reports the state of an alarm; give ` +
            "HealthCheckConfig an AlarmIdentifier (the alarm's Name and Region)",
          { path: ["Resources", check.name, "Properties", "HealthCheckConfig", "AlarmIdentifier"] },
        );
      }
    }
  },
};
