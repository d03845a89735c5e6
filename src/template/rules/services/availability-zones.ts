/**
 * W3010: an Availability Zone written out as text (`AvailabilityZone: us-east-1a`) ties the stack to
 * one Region: deployed anywhere else, or in an account where that zone name maps to a zone without
 * the instance type, the stack fails. `!Select [0, !GetAZs '']` or a parameter of type
 * `AWS::EC2::AvailabilityZone::Name` keeps it portable. A warning, as cfn-lint has it, at the same
 * properties. As cfn-lint does, it leaves alone a value under a function (a Fn::If often picks
 * a zone by a Region condition), the special value `all`, and templates CDK made, which write out
 * the zones of the environment they were synthesized for.
 */
import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import { realResources } from "../resources/shared";
import type { Rule } from "../rule";
import { intrinsicName, type TemplateIndex } from "../template-index";
import { literalString, resourcesOfType } from "./values";

/** Where each resource type takes a zone's name (`*`: every item of a list). */
const ZONE_PATHS: Record<string, readonly (readonly string[])[]> = {
  "AWS::AutoScaling::AutoScalingGroup": [["AvailabilityZones", "*"]],
  "AWS::DAX::Cluster": [["AvailabilityZones", "*"]],
  "AWS::DMS::ReplicationInstance": [["AvailabilityZone"]],
  "AWS::EC2::Host": [["AvailabilityZone"]],
  "AWS::EC2::Instance": [["AvailabilityZone"]],
  "AWS::EC2::LaunchTemplate": [["LaunchTemplateData", "Placement", "AvailabilityZone"]],
  "AWS::EC2::SpotFleet": [
    ["SpotFleetRequestConfigData", "LaunchSpecifications", "*", "Placement", "AvailabilityZone"],
    ["SpotFleetRequestConfigData", "LaunchTemplateConfigs", "*", "Overrides", "*", "AvailabilityZone"],
  ],
  "AWS::EC2::Subnet": [["AvailabilityZone"]],
  "AWS::EC2::Volume": [["AvailabilityZone"]],
  "AWS::ElasticLoadBalancing::LoadBalancer": [["AvailabilityZones", "*"]],
  "AWS::ElasticLoadBalancingV2::TargetGroup": [["Targets", "*", "AvailabilityZone"]],
  "AWS::EMR::Cluster": [["Instances", "Placement", "AvailabilityZone"]],
  "AWS::Glue::Connection": [["ConnectionInput", "PhysicalConnectionRequirements", "AvailabilityZone"]],
  "AWS::OpsWorks::Instance": [["AvailabilityZone"]],
  "AWS::RDS::DBCluster": [["AvailabilityZones", "*"]],
  "AWS::RDS::DBInstance": [["AvailabilityZone"]],
};

const ZONE_TYPES = Object.keys(ZONE_PATHS);

/** The Region a zone name belongs to (us-east-1 for us-east-1a, us-west-2 for us-west-2-lax-1a). */
const ZONE_NAME = /^([a-z]{2}(?:-[a-z]+)+-\d+)(?:-[a-z]+-\d+)?[a-z]$/;

const madeByCdk = new WeakMap<TemplateIndex, boolean>();

/** Whether CDK made the template: it adds an AWS::CDK::Metadata resource to every stack. */
function isCdkTemplate(template: TemplateIndex): boolean {
  let cdk = madeByCdk.get(template);
  if (cdk === undefined) {
    cdk = realResources(template).some((resource) => resource.type === "AWS::CDK::Metadata");
    madeByCdk.set(template, cdk);
  }
  return cdk;
}

/**
 * The zone names written as text at `path` below `node`, with their paths; nothing under a function
 * (values.ts's valuesWithPaths follows the branches of a Fn::If, which this rule leaves alone).
 */
function writtenZones(
  node: Node | undefined,
  path: readonly string[],
  at: (string | number)[],
  found: { node: Node; path: (string | number)[] }[],
): void {
  if (!node || intrinsicName(node)) return;
  const depth = at.length;
  if (depth === path.length) {
    const zone = literalString(node);
    if (zone !== undefined && zone !== "all") found.push({ node, path: [...at] });
    return;
  }
  const step = path[depth];
  if (step === "*") {
    if (node.kind === "seq")
      node.items.forEach((item, index) => {
        writtenZones(item, path, [...at, index], found);
      });
    return;
  }
  writtenZones(mapGet(node, step)?.value, path, [...at, step], found);
}

export const hardcodedZones: Rule = {
  id: "W3010",
  severity: "warning",
  shortDescription: "Availability Zones are not written out",
  description:
    "A zone written as text (us-east-1a) ties the stack to one Region and one account's zone names; " +
    "take it from Fn::GetAZs or a parameter of type AWS::EC2::AvailabilityZone::Name.",
  source:
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-getavailabilityzones.html",
  tags: ["resources", "availabilityzone"],
  resourceTypes: ZONE_TYPES,
  check({ template, report }) {
    for (const resource of resourcesOfType(template, ...ZONE_TYPES)) {
      if (isCdkTemplate(template)) return;
      const properties = resource.properties?.value;
      for (const path of ZONE_PATHS[resource.type ?? ""] ?? []) {
        const found: { node: Node; path: (string | number)[] }[] = [];
        writtenZones(properties, path, [], found);
        for (const zone of found) {
          const name = String((zone.node as { value: string }).value);
          const region = ZONE_NAME.exec(name)?.[1];
          report(
            zone.node,
            `Availability Zone '${name}' is written out${region ? `, so the stack deploys only in ${region}` : ""}: ` +
              "take it from Fn::GetAZs (!Select [0, !GetAZs '']) or from a parameter of type AWS::EC2::AvailabilityZone::Name",
            { path: ["Resources", resource.name, "Properties", ...zone.path] },
          );
        }
      }
    }
  },
};
