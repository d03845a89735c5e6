/**
 * The CIDR blocks of a VPC's subnets (cfn-lint's ids):
 * - E3059: a subnet's CidrBlock (or Ipv6CidrBlock) lies within one of its VPC's blocks: the VPC's
 *   own CidrBlock, or one added by an AWS::EC2::VPCCidrBlock. EC2 refuses any other ("The CIDR
 *   '10.1.0.0/24' is invalid").
 * - E3060: two subnets of the same VPC have blocks that do not overlap. EC2 refuses the second
 *   ("The CIDR '10.0.1.0/24' conflicts with another subnet"). Subnets under conditions that
 *   exclude each other are not compared, as only one of them is created.
 *
 * Only blocks written out are judged: a block from Fn::Cidr, a parameter, an IPAM pool or
 * AmazonProvidedIpv6CidrBlock is unknown, and a VPC with an unknown block of a kind is not judged
 * for subnets of that kind. A subnet names its VPC with `!Ref Vpc` or `!GetAtt Vpc.VpcId`.
 */
import type { Node } from "../../model";
import { ConditionLogic } from "../conditions/logic";
import { type CidrBlock, type CidrVersion, cidrBlock, cidrContains, cidrOverlaps } from "../constraints/cidr";
import type { Rule } from "../rule";
import type { ResourceInfo, TemplateIndex } from "../template-index";
import { isString } from "../template-index";
import {
  literalString,
  onlyPropertySet,
  presentEntry,
  propertySets,
  referenceTarget,
  resourcesOfType,
} from "./values";

const SOURCE = "https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html";
const CIDR_KEYS: Record<CidrVersion, string> = { 4: "CidrBlock", 6: "Ipv6CidrBlock" };

interface WrittenBlock {
  block: CidrBlock;
  text: string;
  node: Node;
}

/** A VPC's blocks of each IP version; undefined for a version with a block that is not known. */
interface VpcBlocks {
  4: WrittenBlock[] | undefined;
  6: WrittenBlock[] | undefined;
}

interface SubnetBlock extends WrittenBlock {
  subnet: ResourceInfo;
  vpc: string;
  key: string;
}

/** A written CIDR block of a property: the block, "unknown" when given otherwise, undefined when absent. */
function written(properties: Node, key: string): WrittenBlock | "unknown" | undefined {
  const entry = properties.kind === "map" ? presentEntry(properties, key) : undefined;
  if (!entry) return undefined;
  const text = literalString(entry.value);
  const block = text === undefined ? undefined : cidrBlock(text);
  return block && text !== undefined ? { block, text, node: entry.value } : "unknown";
}

/** The VPC a subnet or VPCCidrBlock names by VpcId. */
function vpcOf(properties: Node): string | undefined {
  if (properties.kind !== "map") return undefined;
  const value = presentEntry(properties, "VpcId")?.value;
  const target = value && referenceTarget(value);
  if (!target || (target.attribute !== undefined && target.attribute !== "VpcId")) return undefined;
  return target.name;
}

const VPC_POOLS: Record<CidrVersion, string[]> = {
  4: ["Ipv4IpamPoolId"],
  6: ["Ipv6IpamPoolId", "Ipv6Pool", "AmazonProvidedIpv6CidrBlock"],
};

/** Adds the blocks of a VPC or VPCCidrBlock's properties; a pool or unknown block makes the version unknown. */
function addBlocks(blocks: VpcBlocks, properties: Node): void {
  if (properties.kind !== "map") return;
  for (const version of [4, 6] as const) {
    if (VPC_POOLS[version].some((key) => presentEntry(properties, key))) blocks[version] = undefined;
    const block = written(properties, CIDR_KEYS[version]);
    if (block === "unknown") blocks[version] = undefined;
    else if (block) blocks[version]?.push(block);
  }
}

const cache = new WeakMap<TemplateIndex, { vpcs: Map<string, VpcBlocks>; subnets: SubnetBlock[] }>();

/** The VPCs of the template with their blocks, and every written subnet block; found once for both rules. */
function networks(template: TemplateIndex) {
  const cached = cache.get(template);
  if (cached) return cached;
  const vpcs = new Map<string, VpcBlocks>();
  for (const vpc of resourcesOfType(template, "AWS::EC2::VPC")) {
    const set = onlyPropertySet(vpc);
    // A VPC whose Properties is a Fn::If has blocks that depend on a condition: not judged.
    const blocks: VpcBlocks = set ? { 4: [], 6: [] } : { 4: undefined, 6: undefined };
    if (set) addBlocks(blocks, set.properties);
    vpcs.set(vpc.name, blocks);
  }
  for (const extra of resourcesOfType(template, "AWS::EC2::VPCCidrBlock")) {
    for (const { properties } of propertySets(extra)) {
      const blocks = vpcs.get(vpcOf(properties) ?? "");
      if (blocks) addBlocks(blocks, properties);
    }
  }
  const subnets: SubnetBlock[] = [];
  for (const subnet of resourcesOfType(template, "AWS::EC2::Subnet")) {
    for (const { properties } of propertySets(subnet)) {
      const vpc = vpcOf(properties);
      if (!vpc || !vpcs.has(vpc)) continue;
      for (const version of [4, 6] as const) {
        const key = CIDR_KEYS[version];
        const block = written(properties, key);
        if (block && block !== "unknown") subnets.push({ ...block, subnet, vpc, key });
      }
    }
  }
  const found = { vpcs, subnets };
  cache.set(template, found);
  return found;
}

export const subnetInVpc: Rule = {
  id: "E3059",
  severity: "error",
  shortDescription: "A subnet's CIDR block is within a block of its VPC",
  description:
    "The CidrBlock and Ipv6CidrBlock of an AWS::EC2::Subnet lie within the VPC's CidrBlock or a block that an " +
    "AWS::EC2::VPCCidrBlock adds to it.",
  source: SOURCE,
  tags: ["resources", "ec2", "vpc", "subnet"],
  check({ template, report }) {
    const { vpcs, subnets } = networks(template);
    for (const subnet of subnets) {
      const own = vpcs.get(subnet.vpc)?.[subnet.block.version];
      if (!own || own.some((vpcBlock) => cidrContains(vpcBlock.block, subnet.block))) continue;
      const where =
        own.length === 0
          ? `VPC '${subnet.vpc}' has no IPv6 block; add one with an AWS::EC2::VPCCidrBlock (AmazonProvidedIpv6CidrBlock: true)`
          : `it is outside the block${own.length > 1 ? "s" : ""} of VPC '${subnet.vpc}' (${own.map((b) => b.text).join(", ")}), ` +
            "and EC2 creates a subnet only within one of them; choose a block inside, or add this one to the VPC with " +
            "an AWS::EC2::VPCCidrBlock";
      report(subnet.node, `Subnet '${subnet.subnet.name}' has ${subnet.key} ${subnet.text}, but ${where}`, {
        path: ["Resources", subnet.subnet.name, "Properties", subnet.key],
      });
    }
  },
};

export const subnetOverlap: Rule = {
  id: "E3060",
  severity: "error",
  shortDescription: "Subnets of a VPC have CIDR blocks that do not overlap",
  description:
    "Two AWS::EC2::Subnet resources of the same VPC have CidrBlock (or Ipv6CidrBlock) values that share no address, " +
    "unless their conditions exclude each other.",
  source: SOURCE,
  tags: ["resources", "ec2", "vpc", "subnet"],
  check({ template, report }) {
    const { subnets } = networks(template);
    let logic: ConditionLogic | undefined;
    const conditionOf = (resource: ResourceInfo) => {
      const value = resource.condition?.value;
      return isString(value) ? value.value : undefined;
    };
    const exclusive = (a: ResourceInfo, b: ResourceInfo) => {
      const first = conditionOf(a);
      const second = conditionOf(b);
      if (!first || !second) return false;
      logic ??= new ConditionLogic(template);
      return logic.refutes(second, { true: [first], false: [] });
    };
    for (let i = 0; i < subnets.length; i++) {
      const later = subnets[i];
      const earlier = subnets
        .slice(0, i)
        .find(
          (other) =>
            other.subnet !== later.subnet &&
            other.vpc === later.vpc &&
            cidrOverlaps(other.block, later.block) &&
            !exclusive(other.subnet, later.subnet),
        );
      if (!earlier) continue;
      report(
        later.node,
        `Subnet '${later.subnet.name}' has ${later.key} ${later.text}, which overlaps ${earlier.text} of subnet ` +
          `'${earlier.subnet.name}' in the same VPC '${later.vpc}', and EC2 refuses overlapping subnets; give each ` +
          "subnet a block of its own",
        { path: ["Resources", later.subnet.name, "Properties", later.key] },
      );
    }
  },
};
