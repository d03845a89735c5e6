/**
 * Instance types, node types and DB instance classes that no region offers: a typo
 * (`t3.micor`, `db.t3.mircro`) or a type of another service (`t3.micro` for an RDS instance, which
 * wants `db.t3.micro`) that the service refuses when the stack is deployed. With cfn-lint's ids,
 * one per service, and its lists (gathered from the pricing APIs; constraints/instance-types.json,
 * written by `npm run spec`). EC2's list also holds the EC2 API's own list of instance types,
 * which the provider schemas carry as an enum (and which E3030 no longer reads: see
 * INSTANCE_TYPE_ENUMS in scripts/build-spec.mjs): each names types the other lacks.
 *
 * cfn-lint judges a type against the regions it is told to lint for (us-east-1 by default); a
 * template does not say where it will be deployed, so here a type is judged against every region's
 * list together, and only a type that no region offers is reported. A type newer than the lists
 * is reported too, until `npm run spec` takes a newer cfn-lint; the message names the version.
 * Types are compared without case. Values given through intrinsic functions, and dynamic
 * references, are not judged.
 *
 * Beyond cfn-lint, which reads an instance's InstanceType only (E3628), the instance types of
 * launch templates, launch configurations, Spot Fleet launch specifications, EC2 Fleet overrides
 * and capacity reservation fleets are read against the same EC2 list, and a replication group's
 * CacheNodeType against ElastiCache's (E3647). Where the pricing data lacks a type AWS takes, the
 * rule lists it (`alsoOffered`: DocumentDB's db.serverless, which cfn-lint 1.51 reports). cfn-lint's
 * E3652 (Elasticsearch domains) has no lists in its data, so it has no equivalent here.
 *
 * A parameter that gives such a property its type is judged by the same lists: its Default and
 * AllowedValues as W1030 warnings, a value the deploy passes as E3946 (instanceTypeParameterValues,
 * instanceTypeValuesPassed).
 */
import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import type { InstanceTypes } from "../../spec/types";
import { closest, didYouMeanNote } from "../../suggest";
import { ALWAYS, conditionForbids, holderCondition, madeWhen, NEVER } from "../conditions/logic";
import { declaredValues, isNoEcho } from "../parameters/declared";
import { displayPath } from "../resources/shared";
import type { Rule } from "../rule";
import { intrinsicName, isString, type ResourceInfo, type TemplateIndex } from "../template-index";
import { literalString, propertySets, resourcesOfType, valuesWithPaths } from "./values";

export interface InstanceTypeRule {
  id: string;
  /** The key of the list in constraints/instance-types.json. */
  service: string;
  /** What a type is, for messages and descriptions: "an EC2 instance type". */
  what: string;
  shortDescription: string;
  /** Resource type -> property paths (`*` for every item of a list) that take such a type. */
  sites: Record<string, readonly (readonly string[])[]>;
  /** Types the service takes that its pricing list lacks, lowercase. */
  alsoOffered?: readonly string[];
  source: string;
}

/** Whether some region offers `text` by the rule's list (compared without case), or the rule knows the service takes it. */
function offered(rule: InstanceTypeRule, known: InstanceTypes, text: string): boolean {
  const lower = text.toLowerCase();
  return known.types.has(lower) || rule.alsoOffered?.includes(lower) === true;
}

function instanceTypeRule(spec: InstanceTypeRule): Rule {
  const types = Object.keys(spec.sites);
  const places = types
    .flatMap((type) => spec.sites[type].map((path) => `${type} ${path.filter((p) => p !== "*").join(".")}`))
    .join(", ");
  return {
    id: spec.id,
    severity: "error",
    shortDescription: spec.shortDescription,
    description:
      `${types.length > 1 || spec.sites[types[0]].length > 1 ? "Each of " : ""}${places} is ${spec.what} that some region offers, by the lists cfn-lint gathers from the pricing APIs` +
      `${spec.service === "ec2" ? " and the EC2 API" : ""} (every region's together: a template does not say where ` +
      "it is deployed).",
    source: spec.source,
    tags: ["resources", "instance-types"],
    resourceTypes: types,
    check({ template, spec: index, report }) {
      for (const resource of resourcesOfType(template, ...types)) {
        const paths = spec.sites[resource.type as string];
        for (const { properties } of propertySets(resource)) {
          for (const path of paths) {
            for (const { node, path: at } of valuesWithPaths(properties, path)) {
              const text = literalString(node);
              if (text === undefined) continue;
              const known = index.instanceTypes(spec.service);
              if (!known || offered(spec, known, text)) continue;
              report(node, message(text, spec.what, resource.name, at, known), {
                path: ["Resources", resource.name, "Properties", ...at],
              });
            }
          }
        }
      }
    },
  };
}

/**
 * The type meant: the value behind the prefix the service's types start with (`db.`, `cache.`),
 * when that makes one of them (`t3.micro` for RDS is `db.t3.micro`); else the closest type.
 */
function suggestion(value: string, types: ReadonlySet<string>): string | undefined {
  const prefix = sharedPrefix(types);
  if (prefix && !value.startsWith(prefix) && types.has(prefix + value)) return prefix + value;
  return closest(value, types);
}

const prefixes = new WeakMap<ReadonlySet<string>, string>();

/** The `xx.` every type of a list starts with (`db.`, `cache.`), or "" when they do not share one. */
function sharedPrefix(types: ReadonlySet<string>): string {
  let prefix = prefixes.get(types);
  if (prefix === undefined) {
    const first = types.values().next().value ?? "";
    prefix = first.slice(0, first.indexOf(".") + 1);
    for (const type of types) {
      if (prefix && !type.startsWith(prefix)) {
        prefix = "";
        break;
      }
    }
    prefixes.set(types, prefix);
  }
  return prefix;
}

function message(
  text: string,
  what: string,
  resource: string,
  at: (string | number)[],
  known: InstanceTypes,
): string {
  // A type is short; a long value is some other mistake, and is not quoted.
  const value = text.length <= 40 ? ` '${text}'` : "";
  return (
    `${displayPath(at)}${value} of '${resource}' is not ${what} that any region offers, by the lists of cfn-lint ` +
    `${known.cfnLint}${didYouMeanNote(suggestion(text.toLowerCase(), known.types))}; use a type the service offers, ` +
    "or, if this type is newer than those lists, ignore this rule for the template until they are updated"
  );
}

const EC2_TYPES = "https://docs.aws.amazon.com/ec2/latest/instancetypes/instance-types.html";

/** Each rule's service list and the properties it reads. */
export const INSTANCE_TYPE_RULES: readonly InstanceTypeRule[] = [
  {
    id: "E3628",
    service: "ec2",
    what: "an EC2 instance type",
    shortDescription: "EC2 instance types are ones EC2 offers",
    sites: {
      "AWS::EC2::Instance": [["InstanceType"]],
      "AWS::EC2::LaunchTemplate": [["LaunchTemplateData", "InstanceType"]],
      "AWS::AutoScaling::LaunchConfiguration": [["InstanceType"]],
      "AWS::EC2::SpotFleet": [["SpotFleetRequestConfigData", "LaunchSpecifications", "*", "InstanceType"]],
      "AWS::EC2::EC2Fleet": [["LaunchTemplateConfigs", "*", "Overrides", "*", "InstanceType"]],
      "AWS::EC2::CapacityReservationFleet": [["InstanceTypeSpecifications", "*", "InstanceType"]],
    },
    source: EC2_TYPES,
  },
  {
    id: "E3025",
    service: "rds-instance",
    what: "an RDS DB instance class",
    shortDescription: "RDS DB instance classes are ones RDS offers",
    sites: { "AWS::RDS::DBInstance": [["DBInstanceClass"]] },
    source: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.DBInstanceClass.html",
  },
  {
    id: "E3694",
    service: "rds-cluster",
    what: "a DB cluster instance class of RDS",
    shortDescription: "RDS DB cluster instance classes are ones RDS offers",
    sites: { "AWS::RDS::DBCluster": [["DBClusterInstanceClass"]] },
    source: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/multi-az-db-clusters-concepts.html",
  },
  {
    id: "E3647",
    service: "elasticache",
    what: "an ElastiCache node type",
    shortDescription: "ElastiCache node types are ones ElastiCache offers",
    sites: {
      "AWS::ElastiCache::CacheCluster": [["CacheNodeType"]],
      "AWS::ElastiCache::ReplicationGroup": [["CacheNodeType"]],
    },
    source: "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/CacheNodes.SupportedTypes.html",
  },
  {
    id: "E3667",
    service: "redshift",
    what: "a Redshift node type",
    shortDescription: "Redshift node types are ones Redshift offers",
    sites: { "AWS::Redshift::Cluster": [["NodeType"]] },
    source: "https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-clusters.html",
  },
  {
    id: "E3620",
    service: "docdb",
    what: "a DocumentDB instance class",
    shortDescription: "DocumentDB instance classes are ones DocumentDB offers",
    sites: { "AWS::DocDB::DBInstance": [["DBInstanceClass"]] },
    // DocumentDB serverless instances (engine 5.0 and later) take this class; it has no price of its own.
    alsoOffered: ["db.serverless"],
    source: "https://docs.aws.amazon.com/documentdb/latest/developerguide/db-instance-classes.html",
  },
  {
    id: "E3635",
    service: "neptune",
    what: "a Neptune instance class",
    shortDescription: "Neptune instance classes are ones Neptune offers",
    sites: { "AWS::Neptune::DBInstance": [["DBInstanceClass"]] },
    source: "https://docs.aws.amazon.com/neptune/latest/userguide/instance-types.html",
  },
  {
    id: "E3672",
    service: "dax",
    what: "a DAX node type",
    shortDescription: "DAX node types are ones DAX offers",
    sites: { "AWS::DAX::Cluster": [["NodeType"]] },
    source: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAX.concepts.cluster.html",
  },
  {
    id: "E3670",
    service: "amazonmq",
    what: "an Amazon MQ broker instance type",
    shortDescription: "Amazon MQ broker instance types are ones Amazon MQ offers",
    sites: { "AWS::AmazonMQ::Broker": [["HostInstanceType"]] },
    source: "https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/broker-instance-types.html",
  },
  {
    id: "E3621",
    service: "appstream",
    what: "an AppStream 2.0 instance type",
    shortDescription: "AppStream fleet instance types are ones AppStream offers",
    sites: { "AWS::AppStream::Fleet": [["InstanceType"]] },
    source: "https://docs.aws.amazon.com/appstream2/latest/developerguide/instance-types.html",
  },
  {
    id: "E3641",
    service: "gamelift",
    what: "a GameLift instance type",
    shortDescription: "GameLift fleet instance types are ones GameLift offers",
    sites: { "AWS::GameLift::Fleet": [["EC2InstanceType"]] },
    source: "https://docs.aws.amazon.com/gamelift/latest/developerguide/gamelift-ec2-instances.html",
  },
  {
    id: "E3617",
    service: "managedblockchain",
    what: "a Managed Blockchain instance type",
    shortDescription: "Managed Blockchain node instance types are ones it offers",
    sites: { "AWS::ManagedBlockchain::Node": [["NodeConfiguration", "InstanceType"]] },
    source:
      "https://docs.aws.amazon.com/managed-blockchain/latest/hyperledger-fabric-dev/managed-blockchain-hyperledger-peer-node.html",
  },
  {
    id: "E3675",
    service: "emr",
    what: "an EMR instance type",
    shortDescription: "EMR cluster instance types are ones EMR offers",
    sites: {
      "AWS::EMR::Cluster": [
        ["Instances", "CoreInstanceFleet", "InstanceTypeConfigs", "*", "InstanceType"],
        ["Instances", "CoreInstanceGroup", "InstanceType"],
        ["Instances", "TaskInstanceFleets", "*", "InstanceTypeConfigs", "*", "InstanceType"],
        ["Instances", "TaskInstanceGroups", "*", "InstanceType"],
      ],
    },
    source: "https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-supported-instance-types.html",
  },
];

/** Resource type -> the lists that judge its properties, each with one property path. */
const SITES = new Map<string, { rule: InstanceTypeRule; path: readonly string[] }[]>();
for (const rule of INSTANCE_TYPE_RULES)
  for (const [type, paths] of Object.entries(rule.sites))
    for (const path of paths) SITES.set(type, [...(SITES.get(type) ?? []), { rule, path }]);
const SITE_TYPES = [...SITES.keys()];

interface ParameterSite {
  rule: InstanceTypeRule;
  resource: ResourceInfo;
  /** The Ref. */
  node: Node;
  at: (string | number)[];
  parameter: { name: string; body: Node };
}

/**
 * The Refs to String parameters that give a property an instance type (an SSM parameter's value is
 * a name in Parameter Store, not the type), as the property's own value: a Ref in a branch of a
 * Fn::If may be the one a condition keeps from the property, and is left alone, as is a NoEcho one.
 */
function parameterSites(template: TemplateIndex, resource: ResourceInfo): ParameterSite[] {
  const found: ParameterSite[] = [];
  for (const { rule, path } of SITES.get(resource.type as string) ?? []) {
    for (const { properties } of propertySets(resource)) {
      for (const { node, path: at } of valuesWithPaths(properties, path)) {
        const target =
          intrinsicName(node) === "Ref" && node.kind === "map" ? node.entries[0].value : undefined;
        const body = isString(target) ? template.parameters.get(target.value)?.value : undefined;
        const type = mapGet(body, "Type")?.value;
        if (!isString(target) || !body || !isString(type) || type.value !== "String" || isNoEcho(body))
          continue;
        if (written(properties, at) !== node) continue;
        found.push({ rule, resource, node, at, parameter: { name: target.value, body } });
      }
    }
  }
  return found;
}

/** The node at `at` in `properties`, found through mappings and lists only (never a Fn::If's branch). */
function written(properties: Node, at: readonly (string | number)[]): Node | undefined {
  let node: Node | undefined = properties;
  for (const step of at) {
    if (!node || intrinsicName(node) !== undefined) return undefined;
    node =
      typeof step === "number"
        ? node.kind === "seq"
          ? node.items[step]
          : undefined
        : mapGet(node, step)?.value;
  }
  return node;
}

/** What a property that takes an instance type must be, for the messages of the parameter rules. */
function mustBe(site: ParameterSite, known: InstanceTypes): string {
  return (
    `'${displayPath(site.at)}' of ${site.resource.type} must be ${site.rule.what} that some region offers, by the ` +
    `lists of cfn-lint ${known.cfnLint}`
  );
}

/**
 * Whether the value the deploy passes for a site's parameter is a type no region offers: "certain"
 * where the resource is always made, "maybe" where a condition the values do not decide may leave
 * it out; undefined where nothing is passed, the type is offered, or the values rule the resource
 * out.
 */
function passedMisfit(
  template: TemplateIndex,
  site: ParameterSite,
  known: InstanceTypes,
): "certain" | "maybe" | undefined {
  const passed = template.parameterValues?.get(site.parameter.name)?.trim();
  if (passed === undefined || offered(site.rule, known, passed)) return undefined;
  const when = madeWhen(template, holderCondition(template, "Resources", site.resource.name));
  return when === ALWAYS ? "certain" : when === NEVER ? undefined : "maybe";
}

/** The finding of a passed value: at the Ref, naming the parameter, never the value. */
function passedMessage(site: ParameterSite, known: InstanceTypes): string {
  return `the value passed for parameter '${site.parameter.name}' does not fit: ${mustBe(site, known)}`;
}

/**
 * W1030 for instance types: a parameter's Default or AllowedValues item that gives a property an
 * instance type no region offers (`AllowedValues: [dc2.large, dw1.xlarge]` for a Redshift
 * cluster's NodeType), as cfn-lint's W1030 judges them; a warning, as the deployer may pass
 * another value. An item the resource's Condition rules out (`none` for a resource made only when
 * the type is not `none`) is left alone. A parameter the deploy passes is judged by its value
 * instead: here where a condition the values do not decide may leave the resource out, as E3946
 * where it is made.
 */
export const instanceTypeParameterValues: Rule = {
  id: "W1030",
  severity: "warning",
  shortDescription:
    "Parameter defaults and allowed values that give an instance type are types the service offers",
  description:
    "A parameter's Default and AllowedValues, where a Ref gives them to a property that takes an instance type, " +
    "node type or DB instance class (the properties E3628 and the other instance type rules read), are types " +
    "that some region offers.",
  source: EC2_TYPES,
  tags: ["parameters", "instance-types"],
  check({ template, spec: index, report }) {
    for (const resource of resourcesOfType(template, ...SITE_TYPES)) {
      for (const site of parameterSites(template, resource)) {
        const known = index.instanceTypes(site.rule.service);
        if (!known) continue;
        if (template.parameterValues?.has(site.parameter.name)) {
          if (passedMisfit(template, site, known) === "maybe")
            report(site.node, passedMessage(site, known), {
              path: ["Resources", resource.name, "Properties", ...site.at],
            });
          continue;
        }
        const condition = holderCondition(template, "Resources", resource.name);
        for (const { node, label } of declaredValues(site.parameter.body) ?? []) {
          const lower = String(node.value).toLowerCase();
          if (offered(site.rule, known, lower)) continue;
          // A value the resource's Condition keeps away (`none` where the Condition holds only
          // when the type is not `none`) never reaches the property.
          if (conditionForbids(template, condition, site.parameter.name, String(node.value))) continue;
          report(
            node,
            `${label} of parameter '${site.parameter.name}' does not fit: ${mustBe(site, known)}` +
              didYouMeanNote(suggestion(lower, known.types)),
            { path: ["Parameters", site.parameter.name] },
          );
        }
      }
    }
  },
};

/**
 * E3946 for instance types: a value the deploy passes (parameter-overrides) that gives a property
 * of a resource the stack always makes an instance type no region offers; the service refuses it
 * once the stack creates the resource. The message names the parameter, never the value.
 */
export const instanceTypeValuesPassed: Rule = {
  id: "E3946",
  severity: "error",
  shortDescription: "Values passed that give an instance type are types the service offers",
  description:
    "A value the deploy passes for a parameter whose Ref gives a property an instance type, node type or DB " +
    "instance class is a type that some region offers.",
  source: EC2_TYPES,
  tags: ["parameters", "instance-types", "preview"],
  check({ template, spec: index, report }) {
    for (const resource of resourcesOfType(template, ...SITE_TYPES)) {
      for (const site of parameterSites(template, resource)) {
        const known = index.instanceTypes(site.rule.service);
        if (known && passedMisfit(template, site, known) === "certain")
          report(site.node, passedMessage(site, known), {
            path: ["Resources", resource.name, "Properties", ...site.at],
          });
      }
    }
  },
};

export const instanceTypeRules: Rule[] = [
  ...INSTANCE_TYPE_RULES.map(instanceTypeRule),
  instanceTypeParameterValues,
  instanceTypeValuesPassed,
];
