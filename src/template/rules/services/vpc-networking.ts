/**
 * What EC2 refuses in a VPC's layout (cfn-lint's ids). The CIDR blocks of a VPC's subnets:
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
 *
 * Associations and endpoints, where two resources of the template claim what only one can have:
 * - E3022: two SubnetRouteTableAssociations of one subnet. A subnet has one route table
 *   ("Resource.AlreadyAssociated").
 * - E3064: two Interface endpoints with PrivateDnsEnabled for one service in one VPC: the second
 *   fails, as the private DNS name of the service is already taken in the VPC.
 * Both compare values written the same way (the same subnet or VPC by `!Ref`, the same id, the
 * same service name text), and leave out resources whose conditions exclude each other.
 */
import type { MapNode, Node } from "../../model";
import { mapGet } from "../../nodes";
import { ConditionLogic } from "../conditions/logic";
import { type CidrBlock, type CidrVersion, cidrBlock, cidrContains, cidrOverlaps } from "../constraints/cidr";
import type { Report, Rule } from "../rule";
import type { ResourceInfo, TemplateIndex } from "../template-index";
import { intrinsicName, isString } from "../template-index";
import {
  booleanProperty,
  isAbsent,
  literalBoolean,
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
  /** The subnet's VpcId as written (see sameValueKey). */
  vpcKey: string;
  /** The VPC of the template the subnet is in, when VpcId names one. */
  vpc: string | undefined;
  key: string;
}

/**
 * A written CIDR block of a property: the block, "unknown" when given otherwise (an intrinsic, or a
 * value a Fn::If may leave out), undefined when absent.
 */
function written(
  properties: MapNode,
  key: string,
  version: CidrVersion,
): WrittenBlock | "unknown" | undefined {
  if (isAbsent(properties, key)) return undefined;
  const entry = presentEntry(properties, key);
  const text = literalString(entry?.value);
  const block = text === undefined ? undefined : cidrBlock(text, version);
  return entry && block && text !== undefined ? { block, text, node: entry.value } : "unknown";
}

/** The VPC of the template a subnet or VPCCidrBlock names by VpcId (`!Ref Vpc`, `!GetAtt Vpc.VpcId`). */
function vpcOf(properties: MapNode): string | undefined {
  const value = presentEntry(properties, "VpcId")?.value;
  const target = value && referenceTarget(value);
  if (!target || (target.attribute !== undefined && target.attribute !== "VpcId")) return undefined;
  return target.name;
}

/** Settings that give a VPC a block of a version from a pool, unless they are literally false. */
const VPC_POOLS: Record<CidrVersion, string[]> = {
  4: ["Ipv4IpamPoolId"],
  6: ["Ipv6IpamPoolId", "Ipv6Pool", "AmazonProvidedIpv6CidrBlock"],
};

/** Adds the blocks of a VPC or VPCCidrBlock's properties; a pool or unknown block makes the version unknown. */
function addBlocks(blocks: VpcBlocks, properties: MapNode): void {
  for (const version of [4, 6] as const) {
    const pooled = VPC_POOLS[version].some(
      (key) => !isAbsent(properties, key) && literalBoolean(mapGet(properties, key)?.value) !== false,
    );
    const block = written(properties, CIDR_KEYS[version], version);
    if (pooled || block === "unknown") blocks[version] = undefined;
    else if (block) blocks[version]?.push(block);
  }
}

interface Networks {
  vpcs: Map<string, VpcBlocks>;
  subnets: SubnetBlock[];
}

const cache = new WeakMap<TemplateIndex, Networks>();
const NO_NETWORKS: Networks = { vpcs: new Map(), subnets: [] };

/** The VPCs of the template with their blocks, and every written subnet block; found once for both rules. */
function networks(template: TemplateIndex): Networks {
  const cached = cache.get(template);
  if (cached) return cached;
  // Most templates have no subnet, and then nothing to compare.
  if (resourcesOfType(template, "AWS::EC2::Subnet").length === 0) {
    cache.set(template, NO_NETWORKS);
    return NO_NETWORKS;
  }
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
    // A subnet whose Properties is a Fn::If has blocks that depend on a condition: not judged.
    const properties = onlyPropertySet(subnet)?.properties;
    const vpcKey = properties && sameValueKey(presentEntry(properties, "VpcId")?.value, "VpcId");
    if (!properties || !vpcKey) continue;
    const named = vpcOf(properties);
    const vpc = named !== undefined && vpcs.has(named) ? named : undefined;
    for (const version of [4, 6] as const) {
      const key = CIDR_KEYS[version];
      const block = written(properties, key, version);
      if (block && block !== "unknown")
        subnets.push({ ...block, subnet, vpcKey: vpc ? `ref:${vpc}` : vpcKey, vpc, key });
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
      const version = subnet.block.version;
      const own = subnet.vpc === undefined ? undefined : vpcs.get(subnet.vpc)?.[version];
      // A VPC without an IPv4 block is reported by the rules on its own properties.
      if (!own || (own.length === 0 && version === 4)) continue;
      if (own.some((vpcBlock) => cidrContains(vpcBlock.block, subnet.block))) continue;
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
    const exclusive = exclusiveResources(template);
    for (let i = 0; i < subnets.length; i++) {
      const later = subnets[i];
      const earlier = subnets
        .slice(0, i)
        .find(
          (other) =>
            other.subnet !== later.subnet &&
            other.vpcKey === later.vpcKey &&
            cidrOverlaps(other.block, later.block) &&
            !exclusive(other.subnet, later.subnet),
        );
      if (!earlier) continue;
      report(
        later.node,
        `Subnet '${later.subnet.name}' has ${later.key} ${later.text}, which overlaps ${earlier.text} of subnet ` +
          `'${earlier.subnet.name}' in the same VPC ${later.vpc ? `'${later.vpc}'` : `(${describeKey(later.vpcKey)})`}, and EC2 refuses overlapping subnets; give each ` +
          "subnet a block of its own",
        { path: ["Resources", later.subnet.name, "Properties", later.key] },
      );
    }
  },
};

/** Whether two resources' Condition attributes exclude each other (see ConditionLogic), as a function of the pair. */
function exclusiveResources(template: TemplateIndex): (a: ResourceInfo, b: ResourceInfo) => boolean {
  let logic: ConditionLogic | undefined;
  const conditionOf = (resource: ResourceInfo) => {
    const value = resource.condition?.value;
    return isString(value) ? value.value : undefined;
  };
  return (a, b) => {
    const first = conditionOf(a);
    const second = conditionOf(b);
    if (!first || !second) return false;
    logic ??= new ConditionLogic(template);
    return logic.refutes(second, { true: [first], false: [] });
  };
}

/**
 * What a value names, for comparing two values written the same way: its text, the resource or
 * parameter of a Ref, the attribute of a GetAtt, the text of a Fn::Sub; undefined for anything else.
 * A GetAtt of `idAttribute` (VpcId of a VPC, SubnetId of a subnet) names the same as the Ref.
 */
function sameValueKey(node: Node | undefined, idAttribute: string): string | undefined {
  if (!node) return undefined;
  if (isString(node)) return `=${node.value}`;
  const target = referenceTarget(node);
  if (target)
    return target.attribute === undefined || target.attribute === idAttribute
      ? `ref:${target.name}`
      : `getatt:${target.name}.${target.attribute}`;
  const sub = intrinsicName(node) === "Fn::Sub" ? (node as MapNode).entries[0].value : undefined;
  return isString(sub) ? `sub:${sub.value}` : undefined;
}

/** Readable form of a value key, for messages. */
function describeKey(key: string): string {
  if (key.startsWith("ref:")) return `!Ref ${key.slice(4)}`;
  if (key.startsWith("getatt:")) return `!GetAtt ${key.slice(7)}`;
  if (key.startsWith("sub:")) return `!Sub '${key.slice(4)}'`;
  return key.slice(1);
}

interface Claim {
  resource: ResourceInfo;
  key: string;
  /** What is claimed, for messages. */
  what: string;
  at: Node;
  path: (string | number)[];
}

/**
 * Reports each claim on a key that an earlier resource has claimed, unless their conditions
 * exclude each other; `message` says it, given the earlier resource.
 */
function reportSecondClaims(
  template: TemplateIndex,
  claims: Claim[],
  message: (claim: Claim, first: ResourceInfo) => string,
  report: Report,
): void {
  const exclusive = exclusiveResources(template);
  const byKey = new Map<string, Claim[]>();
  for (const claim of claims) {
    const earlier = byKey.get(claim.key);
    const first = earlier?.find(
      (other) => other.resource !== claim.resource && !exclusive(other.resource, claim.resource),
    );
    if (first) report(claim.at, message(claim, first.resource), { path: claim.path });
    if (earlier) earlier.push(claim);
    else byKey.set(claim.key, [claim]);
  }
}

export const subnetRouteTableAssociation: Rule = {
  id: "E3022",
  severity: "error",
  shortDescription: "A subnet has one route table association",
  description:
    "No two AWS::EC2::SubnetRouteTableAssociation resources name the same subnet, unless their conditions exclude " +
    "each other.",
  source: "https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html#route-table-assocation",
  tags: ["resources", "ec2", "subnet", "route table"],
  check({ template, report }) {
    const claims: Claim[] = [];
    for (const association of resourcesOfType(template, "AWS::EC2::SubnetRouteTableAssociation")) {
      const set = onlyPropertySet(association);
      const subnet = set && presentEntry(set.properties, "SubnetId");
      const key = sameValueKey(subnet?.value, "SubnetId");
      if (subnet && key)
        claims.push({
          resource: association,
          key,
          what: `subnet ${describeKey(key)}`,
          at: subnet.value,
          path: ["Resources", association.name, "Properties", "SubnetId"],
        });
    }
    reportSecondClaims(
      template,
      claims,
      (claim, first) =>
        `The ${claim.what} already has a route table through '${first.name}', and a subnet has one route ` +
        `table association (EC2 refuses a second: Resource.AlreadyAssociated); remove '${claim.resource.name}', or ` +
        "associate another subnet",
      report,
    );
  },
};

export const privateDnsEndpoints: Rule = {
  id: "E3064",
  severity: "error",
  shortDescription: "One Interface endpoint per service and VPC enables private DNS",
  description:
    "No two AWS::EC2::VPCEndpoint resources of type Interface with PrivateDnsEnabled: true have the same ServiceName " +
    "in the same VPC, unless their conditions exclude each other.",
  source:
    "https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html#private-dns",
  tags: ["resources", "ec2", "vpc"],
  check({ template, report }) {
    const claims: Claim[] = [];
    for (const endpoint of resourcesOfType(template, "AWS::EC2::VPCEndpoint")) {
      const set = onlyPropertySet(endpoint);
      if (!set) continue;
      const { properties } = set;
      if (literalString(presentEntry(properties, "VpcEndpointType")?.value) !== "Interface") continue;
      if (booleanProperty(properties, "PrivateDnsEnabled", false) !== true) continue;
      const vpc = sameValueKey(presentEntry(properties, "VpcId")?.value, "VpcId");
      const service = presentEntry(properties, "ServiceName");
      const name = sameValueKey(service?.value, "");
      if (!vpc || !service || !name) continue;
      claims.push({
        resource: endpoint,
        key: `${vpc} ${name}`,
        what: `${describeKey(name)} in VPC ${describeKey(vpc)}`,
        at: service.value,
        path: ["Resources", endpoint.name, "Properties", "ServiceName"],
      });
    }
    reportSecondClaims(
      template,
      claims,
      (claim, first) =>
        `Endpoint '${claim.resource.name}' enables private DNS for ${claim.what}, as '${first.name}' does, and the second ` +
        "endpoint fails: the service's private DNS name is taken in the VPC; remove one, or set PrivateDnsEnabled: " +
        "false on it",
      report,
    );
  },
};
