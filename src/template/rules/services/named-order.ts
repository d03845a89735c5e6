/**
 * W3963 (a check cfn-lint does not have): a resource that names another resource of the template
 * by the name that resource is given, not through a Ref to it: `Bucket: my-logs` beside a bucket
 * with `BucketName: my-logs`, `EventBusName: orders` beside a bus named orders, the same
 * `!Sub ${AWS::StackName}-data` in both places. The name is right, but CloudFormation sees no
 * dependency, so it creates both at the same time, and the call that creates the one that names
 * the other fails whenever it comes first ("NoSuchBucket", "Event bus orders does not exist",
 * "Role not found"). A warning, as W3901: the order is a race, and it may go well. The fix is the
 * Ref (which gives the name, or an ARN the property takes) or a DependsOn.
 *
 * The places are W3937's that take a name (./plain-logical-id.ts: a bucket policy's bucket, a
 * Lambda permission's function, IAM policies' roles, a log filter's log group, an ECS service's
 * cluster ...) and more below. Two values name the same resource when both are the same text, the
 * same Fn::Sub text (a Fn::Join of text, Refs and Fn::GetAtts counts as the Fn::Sub text it makes),
 * or a Ref to the same parameter; RDS, DocumentDB, Neptune, Redshift and
 * ElastiCache names are compared without case, as those services keep them, and hosted zone
 * names without case or a final dot. A dependency counts when it is direct or through other
 * resources; resources that two different Conditions make are not judged together.
 */
import type { Node } from "../../model";
import { dependsOn } from "../resources/circular-dependency";
import type { Rule } from "../rule";
import { intrinsicName, isString, type ResourceInfo, type TemplateIndex } from "../template-index";
import { together } from "./creation-order";
import { SITES } from "./plain-logical-id";
import {
  hasDynamicReference,
  literalString,
  propertySets,
  referenceTarget,
  resourcesOfType,
  rowsByType,
  valuesAtPath,
} from "./values";

interface Named {
  /** The types that create what the place names. */
  types: readonly string[];
  /** The path of their name property (`DatabaseInput.Name`). */
  name: string;
  /** How names compare: as written, without case, or as DNS names. */
  compare?: "fold" | "zone";
  /** What to write instead, when not a Ref of the resource. */
  fix?: (resource: string) => string;
}

const named = (types: string | readonly string[], name: string, more: Partial<Named> = {}): Named => ({
  types: typeof types === "string" ? [types] : types,
  name,
  ...more,
});
const fold = (types: string, name: string) => named(types, name, { compare: "fold" });

/** One Named for each target of W3937's places (SITES), so that `creators` reads each once per template. */
const sitesNamed = new Map<(typeof SITES)[number]["target"], Named>();
function siteNamed(target: (typeof SITES)[number]["target"], name: string): Named {
  let found = sitesNamed.get(target);
  if (!found) {
    found = named(target.types, name);
    sitesNamed.set(target, found);
  }
  return found;
}

const BUCKET = named("AWS::S3::Bucket", "BucketName");
const RDS_PARAMETERS = fold("AWS::RDS::DBParameterGroup", "DBParameterGroupName");
const RDS_SUBNETS = fold("AWS::RDS::DBSubnetGroup", "DBSubnetGroupName");
const EKS_CLUSTER = named("AWS::EKS::Cluster", "Name");
const GLUE_DATABASE = named("AWS::Glue::Database", "DatabaseInput.Name");
const BEANSTALK_APP = named("AWS::ElasticBeanstalk::Application", "ApplicationName");
const SECRET = named("AWS::SecretsManager::Secret", "Name");
const HOSTED_ZONE = named("AWS::Route53::HostedZone", "Name", {
  compare: "zone",
  fix: (zone) => `HostedZoneId: !Ref ${zone}`,
});
const KEY_PAIR = named("AWS::EC2::KeyPair", "KeyName");
const GROUP = named("AWS::AutoScaling::AutoScalingGroup", "AutoScalingGroupName");
const LAUNCH_TEMPLATE = named("AWS::EC2::LaunchTemplate", "LaunchTemplateName", {
  fix: (template) => `LaunchTemplateId: !Ref ${template}`,
});
const ECS_CLUSTER = named("AWS::ECS::Cluster", "ClusterName");
const ATHENA_WORKGROUP = named("AWS::Athena::WorkGroup", "Name");

/** Each place (a path from Properties, `*` for each item of a list) and what it names. */
const PLACES: { type: string; path: string; target: Named }[] = [
  // W3937's places that take a name, for the resources that are given one.
  ...SITES.flatMap(({ type, property, list, target }) =>
    target.takesName && target.nameProperty
      ? [{ type, path: list ? `${property}.*` : property, target: siteNamed(target, target.nameProperty) }]
      : [],
  ),
  { type: "AWS::Events::Rule", path: "EventBusName", target: named("AWS::Events::EventBus", "Name") },
  {
    type: "AWS::Scheduler::Schedule",
    path: "GroupName",
    target: named("AWS::Scheduler::ScheduleGroup", "Name"),
  },
  { type: "AWS::CloudTrail::Trail", path: "S3BucketName", target: BUCKET },
  { type: "AWS::Config::DeliveryChannel", path: "S3BucketName", target: BUCKET },
  { type: "AWS::RDS::DBInstance", path: "DBParameterGroupName", target: RDS_PARAMETERS },
  { type: "AWS::RDS::DBInstance", path: "DBSubnetGroupName", target: RDS_SUBNETS },
  {
    type: "AWS::RDS::DBInstance",
    path: "OptionGroupName",
    target: fold("AWS::RDS::OptionGroup", "OptionGroupName"),
  },
  {
    type: "AWS::RDS::DBInstance",
    path: "DBClusterIdentifier",
    target: fold("AWS::RDS::DBCluster", "DBClusterIdentifier"),
  },
  {
    type: "AWS::RDS::DBCluster",
    path: "DBClusterParameterGroupName",
    target: fold("AWS::RDS::DBClusterParameterGroup", "DBClusterParameterGroupName"),
  },
  { type: "AWS::RDS::DBCluster", path: "DBInstanceParameterGroupName", target: RDS_PARAMETERS },
  { type: "AWS::RDS::DBCluster", path: "DBSubnetGroupName", target: RDS_SUBNETS },
  {
    type: "AWS::DocDB::DBCluster",
    path: "DBSubnetGroupName",
    target: fold("AWS::DocDB::DBSubnetGroup", "DBSubnetGroupName"),
  },
  {
    type: "AWS::DocDB::DBCluster",
    path: "DBClusterParameterGroupName",
    target: fold("AWS::DocDB::DBClusterParameterGroup", "Name"),
  },
  {
    type: "AWS::DocDB::DBInstance",
    path: "DBClusterIdentifier",
    target: fold("AWS::DocDB::DBCluster", "DBClusterIdentifier"),
  },
  {
    type: "AWS::Neptune::DBCluster",
    path: "DBSubnetGroupName",
    target: fold("AWS::Neptune::DBSubnetGroup", "DBSubnetGroupName"),
  },
  {
    type: "AWS::Neptune::DBCluster",
    path: "DBClusterParameterGroupName",
    target: fold("AWS::Neptune::DBClusterParameterGroup", "Name"),
  },
  {
    type: "AWS::Neptune::DBInstance",
    path: "DBClusterIdentifier",
    target: fold("AWS::Neptune::DBCluster", "DBClusterIdentifier"),
  },
  {
    type: "AWS::Neptune::DBInstance",
    path: "DBParameterGroupName",
    target: fold("AWS::Neptune::DBParameterGroup", "Name"),
  },
  {
    type: "AWS::Redshift::Cluster",
    path: "ClusterParameterGroupName",
    target: fold("AWS::Redshift::ClusterParameterGroup", "ParameterGroupName"),
  },
  ...["AWS::ElastiCache::ReplicationGroup", "AWS::ElastiCache::CacheCluster"].map((type) => ({
    type,
    path: "CacheSubnetGroupName",
    target: fold("AWS::ElastiCache::SubnetGroup", "CacheSubnetGroupName"),
  })),
  { type: "AWS::EC2::Instance", path: "KeyName", target: KEY_PAIR },
  { type: "AWS::AutoScaling::LaunchConfiguration", path: "KeyName", target: KEY_PAIR },
  { type: "AWS::EC2::Instance", path: "LaunchTemplate.LaunchTemplateName", target: LAUNCH_TEMPLATE },
  {
    type: "AWS::AutoScaling::AutoScalingGroup",
    path: "LaunchTemplate.LaunchTemplateName",
    target: LAUNCH_TEMPLATE,
  },
  ...[
    "AWS::AutoScaling::LifecycleHook",
    "AWS::AutoScaling::ScalingPolicy",
    "AWS::AutoScaling::ScheduledAction",
    "AWS::AutoScaling::WarmPool",
  ].map((type) => ({ type, path: "AutoScalingGroupName", target: GROUP })),
  ...[
    "AWS::EKS::Nodegroup",
    "AWS::EKS::FargateProfile",
    "AWS::EKS::Addon",
    "AWS::EKS::AccessEntry",
    "AWS::EKS::PodIdentityAssociation",
    "AWS::EKS::IdentityProviderConfig",
  ].map((type) => ({ type, path: "ClusterName", target: EKS_CLUSTER })),
  { type: "AWS::ECS::ClusterCapacityProviderAssociations", path: "Cluster", target: ECS_CLUSTER },
  {
    type: "AWS::ECS::ClusterCapacityProviderAssociations",
    path: "CapacityProviders.*",
    target: named("AWS::ECS::CapacityProvider", "Name"),
  },
  ...["AWS::Glue::Table", "AWS::Glue::Partition"].map((type) => ({
    type,
    path: "DatabaseName",
    target: GLUE_DATABASE,
  })),
  {
    type: "AWS::CodeDeploy::DeploymentGroup",
    path: "ApplicationName",
    target: named("AWS::CodeDeploy::Application", "ApplicationName"),
  },
  {
    type: "AWS::CodeDeploy::DeploymentGroup",
    path: "DeploymentConfigName",
    target: named("AWS::CodeDeploy::DeploymentConfig", "DeploymentConfigName"),
  },
  ...[
    "AWS::ElasticBeanstalk::Environment",
    "AWS::ElasticBeanstalk::ConfigurationTemplate",
    "AWS::ElasticBeanstalk::ApplicationVersion",
  ].map((type) => ({ type, path: "ApplicationName", target: BEANSTALK_APP })),
  { type: "AWS::SSM::Association", path: "Name", target: named("AWS::SSM::Document", "Name") },
  {
    type: "AWS::SES::ReceiptRule",
    path: "RuleSetName",
    target: named("AWS::SES::ReceiptRuleSet", "RuleSetName"),
  },
  ...["AWS::Route53::RecordSet", "AWS::Route53::RecordSetGroup"].map((type) => ({
    type,
    path: "HostedZoneName",
    target: HOSTED_ZONE,
  })),
  ...[
    "AWS::SecretsManager::RotationSchedule",
    "AWS::SecretsManager::SecretTargetAttachment",
    "AWS::SecretsManager::ResourcePolicy",
  ].map((type) => ({ type, path: "SecretId", target: SECRET })),
  {
    type: "AWS::Batch::JobQueue",
    path: "ComputeEnvironmentOrder.*.ComputeEnvironment",
    target: named("AWS::Batch::ComputeEnvironment", "ComputeEnvironmentName"),
  },
  {
    type: "AWS::SageMaker::EndpointConfig",
    path: "ProductionVariants.*.ModelName",
    target: named("AWS::SageMaker::Model", "ModelName", { fix: (model) => `!GetAtt ${model}.ModelName` }),
  },
  {
    type: "AWS::SageMaker::Endpoint",
    path: "EndpointConfigName",
    target: named("AWS::SageMaker::EndpointConfig", "EndpointConfigName", {
      fix: (config) => `!GetAtt ${config}.EndpointConfigName`,
    }),
  },
  {
    type: "AWS::IoT::PolicyPrincipalAttachment",
    path: "PolicyName",
    target: named("AWS::IoT::Policy", "PolicyName"),
  },
  {
    type: "AWS::IoT::ThingPrincipalAttachment",
    path: "ThingName",
    target: named("AWS::IoT::Thing", "ThingName"),
  },
  ...["AWS::Athena::NamedQuery", "AWS::Athena::PreparedStatement"].map((type) => ({
    type,
    path: "WorkGroup",
    target: ATHENA_WORKGROUP,
  })),
];

const PLACES_BY_TYPE = rowsByType(PLACES);
const PLACE_TYPES = [...PLACES_BY_TYPE.keys()];

/**
 * What a name is, for comparing two: its text, a Fn::Sub's text (a Fn::Join's as the Fn::Sub text it
 * makes), or the parameter or resource a Ref names; undefined for anything else.
 */
export function nameKey(node: Node, compare?: Named["compare"]): string | undefined {
  const text = literalString(node);
  if (text !== undefined) return textKey(text, compare);
  const fn = intrinsicName(node);
  const arg = fn && node.kind === "map" ? node.entries[0].value : undefined;
  if (fn === "Fn::Sub" && isString(arg) && !hasDynamicReference(arg.value)) return subKey(arg.value, compare);
  if (fn === "Fn::Join" && arg) {
    const joined = joinedAsSub(arg);
    return joined === undefined || hasDynamicReference(joined) ? undefined : subKey(joined, compare);
  }
  if (fn === "Ref" && isString(arg)) return `ref:${arg.value}`;
  return undefined;
}

/** A name as its service compares it (`compare`), as text or as a Fn::Sub's text. */
function compared(text: string, compare: Named["compare"]): string {
  if (compare === "fold") return text.toLowerCase();
  return compare === "zone" ? text.toLowerCase().replace(/\.$/, "") : text;
}

function textKey(text: string, compare: Named["compare"]): string {
  return `text:${compared(text, compare)}`;
}

/** A Fn::Sub's text without a `${...}` is plain text. */
function subKey(text: string, compare: Named["compare"]): string {
  return text.includes("${") ? `sub:${compared(text, compare)}` : textKey(text, compare);
}

/**
 * The Fn::Sub text a Fn::Join makes, when its delimiter is text and each part is text, a Ref, a
 * Fn::GetAtt or a Fn::Sub's text: `!Join [-, [!Ref AWS::StackName, data]]` names what
 * `!Sub ${AWS::StackName}-data` names. Undefined for any other part.
 */
function joinedAsSub(arg: Node): string | undefined {
  if (arg.kind !== "seq" || arg.items.length !== 2 || arg.items[1].kind !== "seq") return undefined;
  const delimiter = literalString(arg.items[0]);
  if (delimiter === undefined) return undefined;
  const parts: string[] = [];
  for (const item of arg.items[1].items) {
    const part = subPart(item);
    if (part === undefined) return undefined;
    parts.push(part);
  }
  return parts.join(escapedForSub(delimiter));
}

function subPart(item: Node): string | undefined {
  const text = literalString(item);
  if (text !== undefined) return escapedForSub(text);
  const arg = intrinsicName(item) === "Fn::Sub" && item.kind === "map" ? item.entries[0].value : undefined;
  if (arg) return isString(arg) ? arg.value : undefined;
  const target = referenceTarget(item);
  if (!target) return undefined;
  return target.attribute === undefined ? `\${${target.name}}` : `\${${target.name}.${target.attribute}}`;
}

/** Text as a Fn::Sub writes it: `${` is `${!`. */
const escapedForSub = (text: string): string => text.replaceAll("${", "${!");

/** How a name is shown: its text, or as written (a Fn::Join as the Fn::Sub text it makes). */
export function shown(node: Node): string {
  const text = literalString(node);
  if (text !== undefined) return `'${text}'`;
  const fn = intrinsicName(node);
  const arg = fn && node.kind === "map" ? node.entries[0].value : undefined;
  const joined = fn === "Fn::Join" && arg ? joinedAsSub(arg) : undefined;
  if (joined !== undefined) return `the !Join of '${joined}'`;
  return isString(arg) ? `${fn === "Fn::Sub" ? "!Sub" : "!Ref"} '${arg.value}'` : "its name";
}

const made = new WeakMap<TemplateIndex, Map<Named, Map<string, ResourceInfo[]>>>();

/** The resources that create what `target` names, by name key (once per template). */
function creators(template: TemplateIndex, target: Named): Map<string, ResourceInfo[]> {
  let byTarget = made.get(template);
  if (!byTarget) {
    byTarget = new Map();
    made.set(template, byTarget);
  }
  const known = byTarget.get(target);
  if (known) return known;
  const found = new Map<string, ResourceInfo[]>();
  byTarget.set(target, found);
  const path = target.name.split(".");
  for (const resource of resourcesOfType(template, ...target.types)) {
    for (const { properties } of propertySets(resource)) {
      for (const value of valuesAtPath(properties, path)) {
        const key = nameKey(value, target.compare);
        if (key === undefined) continue;
        const list = found.get(key);
        if (!list) found.set(key, [resource]);
        else if (!list.includes(resource)) list.push(resource);
      }
    }
  }
  return found;
}

export const namedWithoutDependency: Rule = {
  id: "W3963",
  severity: "warning",
  shortDescription: "A resource that names another of the template by its given name waits for it",
  description:
    "A property that names a resource the template creates, by the name that resource is given rather than through " +
    "a Ref, leaves CloudFormation no dependency, so it may create the resource that names it first, and that fails; " +
    "a Ref or DependsOn makes it wait.",
  source: "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-dependson.html",
  tags: ["resources", "functions"],
  resourceTypes: PLACE_TYPES,
  check({ template, report }) {
    for (const resource of resourcesOfType(template, ...PLACE_TYPES)) {
      for (const place of PLACES_BY_TYPE.get(resource.type as string) ?? []) {
        const names = creators(template, place.target);
        if (names.size === 0) continue;
        // Property sets a Fn::If makes share the values it does not choose between.
        const values = new Set(
          propertySets(resource).flatMap(({ properties }) => valuesAtPath(properties, place.path.split("."))),
        );
        for (const value of values) {
          const key = nameKey(value, place.target.compare);
          const creator =
            key === undefined
              ? undefined
              : names.get(key)?.find((found) => together(template, resource, found));
          if (!creator || dependsOn(template, resource.name, creator.name)) continue;
          report(
            value,
            `${shown(value)} is the name of ${creator.type} ${creator.name} of this template, so CloudFormation does ` +
              `not wait for ${creator.name} and may create ${resource.name} first, which fails while ` +
              `${creator.name} does not exist; write ${place.target.fix?.(creator.name) ?? `!Ref ${creator.name}`}`,
          );
        }
      }
    }
  },
};
