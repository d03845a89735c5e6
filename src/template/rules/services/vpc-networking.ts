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
 *
 * Security groups and subnets, which EC2 pairs only within one VPC:
 * - E3714: a security group of the template in an AWS::EC2::LaunchTemplate's SecurityGroupIds is
 *   in another VPC than the subnet of one of its NetworkInterfaces (cfn-lint's scope). Beyond
 *   cfn-lint, as RunInstances refuses them the same way ("Security group sg-... and subnet
 *   subnet-... belong to different networks"): a group in the Groups of a launch template's network
 *   interface against that interface's SubnetId, a group in an AWS::EC2::Instance's
 *   SecurityGroupIds against its SubnetId, and one in the GroupSet of an instance's network
 *   interface against that interface's SubnetId. (An instance's SecurityGroupIds are not compared
 *   with its network interfaces, a pair EC2 refuses for its own reason; a launch template's are, as
 *   cfn-lint does, and the message says that such groups belong in the interface's Groups.)
 * A group is named by `!Ref`, `!GetAtt X.GroupId` or `!GetAtt X.Id`, a subnet by `!Ref` or
 * `!GetAtt X.SubnetId`. A VpcId names a VPC as a `vpc-` id, a VPC of the template (`!Ref Vpc`,
 * `!GetAtt Vpc.VpcId`, or `!GetAtt X.VpcId` of a subnet or group of the template), or a parameter;
 * a group without VpcId is in the default VPC, but a `!Ref` of such a group gives its name, which
 * EC2 refuses for its own reason, and is not judged. Two VPCs differ when they are two different
 * ids, two VPCs of the template, or the default VPC and one of the template; a parameter (unless
 * the same one), an id against a VPC of the template, an import or a dynamic reference may be the
 * same VPC, and is not judged. Through a Fn::If (of the Properties, the VpcId, the SubnetId or a
 * list), a group is reported when every VPC it can be in differs from every VPC its subnet can be
 * in, so that branches chosen by one condition are never paired wrongly; a launch template's own
 * SecurityGroupIds are compared only with network interfaces no Fn::If chooses, and a SubnetId
 * that a Fn::If may leave out is not judged. Unlike cfn-lint, which compares the VpcId values as
 * written and reports at the group's VpcId: `!Ref Vpc` and `!GetAtt Vpc.VpcId` (or a subnet's
 * `!GetAtt Subnet.VpcId`) are the same VPC, two parameters or a parameter and an import may be,
 * and the finding is at the group's place in the launch template or instance.
 */
import type { MapNode, Node } from "../../model";
import { mapGet } from "../../nodes";
import { conditionLogic } from "../conditions/logic";
import { type CidrBlock, type CidrVersion, cidrBlock, cidrContains, cidrOverlaps } from "../constraints/cidr";
import type { Report, Rule } from "../rule";
import type { ResourceInfo, TemplateIndex } from "../template-index";
import { intrinsicName, isString } from "../template-index";
import { INSTANCE, LAUNCH_TEMPLATE } from "./ec2-instances";
import {
  booleanProperty,
  hasResourceOfType,
  isAbsent,
  listMappings,
  literalBoolean,
  literalString,
  mayBeNoValue,
  namedResource,
  onlyPropertySet,
  plainMap,
  presentEntry,
  propertySets,
  referenceTarget,
  resourcesOfType,
  valuesAtPath,
  valuesWithPaths,
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
  const conditionOf = (resource: ResourceInfo) => {
    const value = resource.condition?.value;
    return isString(value) ? value.value : undefined;
  };
  return (a, b) => {
    const first = conditionOf(a);
    const second = conditionOf(b);
    if (!first || !second) return false;
    return conditionLogic(template).refutes(second, { true: [first], false: [] });
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

const SECURITY_GROUP = "AWS::EC2::SecurityGroup";
const SUBNET = "AWS::EC2::Subnet";

/**
 * A VPC as a VpcId names it: an id written out, an AWS::EC2::VPC of the template, a parameter, or
 * the default VPC (of a security group without VpcId).
 */
type VpcIdentity =
  | { kind: "literal"; id: string }
  | { kind: "resource"; name: string }
  | { kind: "parameter"; name: string }
  | { kind: "default" };

/** Whether two VPCs are certainly not the same one; what cannot be known is taken to be the same. */
function differentVpcs(a: VpcIdentity, b: VpcIdentity): boolean {
  if (a.kind === "literal" && b.kind === "literal") return a.id.toLowerCase() !== b.id.toLowerCase();
  if (a.kind === "resource" && b.kind === "resource") return a.name !== b.name;
  // A VPC the stack creates is never the default VPC.
  return (a.kind === "default" && b.kind === "resource") || (a.kind === "resource" && b.kind === "default");
}

function describeVpc(vpc: VpcIdentity): string {
  switch (vpc.kind) {
    case "literal":
      return `VPC ${vpc.id}`;
    case "resource":
      return `VPC '${vpc.name}'`;
    case "parameter":
      return `VPC !Ref ${vpc.name}`;
    default:
      return "the default VPC (it has no VpcId)";
  }
}

function describeVpcs(vpcs: readonly VpcIdentity[]): string {
  return [...new Set(vpcs.map(describeVpc))].join(" or ");
}

/** Deep enough for a VpcId of `!GetAtt Subnet.VpcId` a few times over; a cycle is a template error of its own. */
const MAX_VPC_DEPTH = 4;

/**
 * Every VPC a security group or subnet of the template can be in, through a Fn::If of its
 * Properties or of its VpcId; undefined when one of them is not known. A security group without
 * VpcId (`absentIsDefault`) is in the default VPC.
 */
function resourceVpcs(
  template: TemplateIndex,
  resource: ResourceInfo,
  absentIsDefault: boolean,
  depth: number,
): VpcIdentity[] | undefined {
  const found: VpcIdentity[] = [];
  for (const { properties } of propertySets(resource)) {
    const value = mapGet(properties, "VpcId")?.value;
    if (!value || mayBeNoValue(value)) {
      if (!absentIsDefault) return undefined;
      found.push({ kind: "default" });
    }
    for (const branch of value ? valuesAtPath(value, []) : []) {
      const vpcs = vpcIdentities(template, branch, depth);
      if (!vpcs) return undefined;
      found.push(...vpcs);
    }
  }
  return found.length > 0 ? found : undefined;
}

/**
 * The VPC a VpcId value (no Fn::If) names: a `vpc-` id written out, a parameter, an AWS::EC2::VPC
 * of the template by `!Ref` or `!GetAtt Vpc.VpcId`, or the VPC of a subnet or security group by
 * `!GetAtt X.VpcId`; undefined for anything else (an import, a Fn::Sub, a dynamic reference).
 */
function vpcIdentities(template: TemplateIndex, node: Node, depth: number): VpcIdentity[] | undefined {
  const text = literalString(node);
  if (text !== undefined) return /^vpc-[0-9a-f]+$/i.test(text) ? [{ kind: "literal", id: text }] : undefined;
  const target = referenceTarget(node);
  if (!target) return undefined;
  if (target.attribute === undefined && template.parameters.has(target.name))
    return [{ kind: "parameter", name: target.name }];
  if (target.attribute !== undefined && target.attribute !== "VpcId") return undefined;
  const resource = template.resources.get(target.name);
  if (resource?.type === "AWS::EC2::VPC") return [{ kind: "resource", name: target.name }];
  if (target.attribute === undefined || !resource || depth >= MAX_VPC_DEPTH) return undefined;
  if (resource.type === SUBNET) return resourceVpcs(template, resource, false, depth + 1);
  if (resource.type === SECURITY_GROUP) return resourceVpcs(template, resource, true, depth + 1);
  return undefined;
}

/** The subnets a SubnetId can name, with the VPCs they can be in; undefined unless every choice is known. */
function subnetVpcs(
  template: TemplateIndex,
  node: Node | undefined,
): { names: string[]; vpcs: VpcIdentity[] } | undefined {
  if (!node || mayBeNoValue(node)) return undefined;
  const names: string[] = [];
  const vpcs: VpcIdentity[] = [];
  for (const branch of valuesAtPath(node, [])) {
    const subnet = namedResource(template, branch, "SubnetId", [SUBNET]);
    const own = subnet && resourceVpcs(template, subnet, false, 0);
    if (!subnet || !own) return undefined;
    names.push(subnet.name);
    vpcs.push(...own);
  }
  return names.length > 0 ? { names, vpcs } : undefined;
}

/**
 * The security group a SecurityGroupIds item names (`!Ref Group`, `!GetAtt Group.GroupId` or
 * `Group.Id`), with the VPCs it can be in. A Ref of a group without VpcId gives its name, not an
 * id, which EC2 refuses for its own reason: such a group is not judged.
 */
function securityGroupVpcs(
  template: TemplateIndex,
  node: Node,
): { name: string; vpcs: VpcIdentity[] } | undefined {
  const target = referenceTarget(node);
  if (
    !target ||
    (target.attribute !== undefined && target.attribute !== "GroupId" && target.attribute !== "Id")
  )
    return undefined;
  const group = template.resources.get(target.name);
  if (group?.type !== SECURITY_GROUP) return undefined;
  const vpcs = resourceVpcs(template, group, true, 0);
  if (!vpcs || (target.attribute !== "GroupId" && vpcs.some((vpc) => vpc.kind === "default")))
    return undefined;
  return { name: group.name, vpcs };
}

/** A subnet that security groups go with, and where it is, for messages. */
interface SubnetSide {
  names: string[];
  vpcs: VpcIdentity[];
  /** The subnet as the message names it, given its names ("'A' or 'B'"). */
  describe: (names: string) => string;
}

/** What E3714 keeps while it reads one launch template or instance. */
interface GroupCheck {
  template: TemplateIndex;
  /** The resource as messages name it: "launch template 'Template'". */
  owner: string;
  /** The group nodes already reported: a group in two places of a Fn::If is said once. */
  reported: Set<Node>;
  report: Report;
}

/**
 * Reports each security group of `groups` (a list of ids, each item through any Fn::If) that is
 * certainly in another VPC than one of `subnets`, whichever branch of a Fn::If either takes;
 * `hint` ends the message.
 */
function compareGroups(
  check: GroupCheck,
  groups: Node | undefined,
  groupsPath: (string | number)[],
  subnets: readonly SubnetSide[],
  hint = "",
): void {
  for (const { node, path } of valuesWithPaths(groups, ["*"])) {
    const group = securityGroupVpcs(check.template, node);
    if (!group || check.reported.has(node)) continue;
    const subnet = subnets.find((side) =>
      group.vpcs.every((own) => side.vpcs.every((other) => differentVpcs(own, other))),
    );
    if (!subnet) continue;
    check.reported.add(node);
    const names = [...new Set(subnet.names)].map((name) => `'${name}'`).join(" or ");
    check.report(
      node,
      `Security group '${group.name}' of ${check.owner} is in ${describeVpcs(group.vpcs)}, but ${subnet.describe(names)} is in ` +
        `${describeVpcs(subnet.vpcs)}, and EC2 launches no instance whose security group and subnet are in different ` +
        `VPCs ("belong to different networks"); use a security group of the subnet's VPC${hint}`,
      { path: [...groupsPath, ...path] },
    );
  }
}

/**
 * Compares the Groups (or GroupSet, `groupsKey`) of each network interface of a list with that
 * interface's subnet, where the subnet's VPCs are known; returns the subnets of the interfaces no
 * Fn::If chooses, which the resource's own security groups are compared with.
 */
function compareInterfaces(
  check: GroupCheck,
  list: Node | undefined,
  listPath: (string | number)[],
  groupsKey: string,
): SubnetSide[] {
  const certain: SubnetSide[] = [];
  for (const item of listMappings(list).items) {
    const subnet = subnetVpcs(check.template, mapGet(item.node, "SubnetId")?.value);
    if (!subnet) continue;
    const which = `item ${item.index + 1} of its NetworkInterfaces`;
    if (!item.conditional) certain.push({ ...subnet, describe: (names) => `subnet ${names} of ${which}` });
    compareGroups(
      check,
      mapGet(item.node, groupsKey)?.value,
      [...listPath, item.index, groupsKey],
      [{ ...subnet, describe: (names) => `subnet ${names} of the same network interface` }],
    );
  }
  return certain;
}

/** E3714 for one launch template or instance. */
function checkSecurityGroupVpcs(template: TemplateIndex, resource: ResourceInfo, report: Report): void {
  // Without a subnet and a security group of the template there is nothing to compare.
  if (!hasResourceOfType(template, [SUBNET]) || !hasResourceOfType(template, [SECURITY_GROUP])) return;
  const base = ["Resources", resource.name, "Properties"];
  const launchTemplate = resource.type === LAUNCH_TEMPLATE;
  const check: GroupCheck = {
    template,
    owner: `${launchTemplate ? "launch template" : "instance"} '${resource.name}'`,
    reported: new Set<Node>(),
    report,
  };
  for (const { properties } of propertySets(resource)) {
    if (launchTemplate) {
      for (const { node, path } of valuesWithPaths(mapGet(properties, "LaunchTemplateData")?.value, [])) {
        const data = plainMap(node);
        if (!data) continue;
        const at = [...base, "LaunchTemplateData", ...path];
        const subnets = compareInterfaces(
          check,
          mapGet(data, "NetworkInterfaces")?.value,
          [...at, "NetworkInterfaces"],
          "Groups",
        );
        compareGroups(
          check,
          mapGet(data, "SecurityGroupIds")?.value,
          [...at, "SecurityGroupIds"],
          subnets,
          ", and with NetworkInterfaces give it in the interface's Groups rather than in SecurityGroupIds",
        );
      }
    } else {
      compareInterfaces(
        check,
        mapGet(properties, "NetworkInterfaces")?.value,
        [...base, "NetworkInterfaces"],
        "GroupSet",
      );
      const subnet = subnetVpcs(template, mapGet(properties, "SubnetId")?.value);
      compareGroups(
        check,
        mapGet(properties, "SecurityGroupIds")?.value,
        [...base, "SecurityGroupIds"],
        subnet ? [{ ...subnet, describe: (names) => `its subnet ${names}` }] : [],
      );
    }
  }
}

export const securityGroupSubnetVpc: Rule = {
  id: "E3714",
  severity: "error",
  shortDescription: "The security groups of a launch template or instance are in its subnet's VPC",
  description:
    "A security group of the template that an AWS::EC2::LaunchTemplate (SecurityGroupIds, or a network interface's " +
    "Groups) or an AWS::EC2::Instance (SecurityGroupIds, or a network interface's GroupSet) gives is in the VPC of " +
    "the subnet of the template it gives with it.",
  source: "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-launch-templates.html",
  tags: ["resources", "ec2", "vpc", "security group", "subnet"],
  resourceTypes: [LAUNCH_TEMPLATE, INSTANCE],
  check({ template, report }) {
    for (const resource of resourcesOfType(template, LAUNCH_TEMPLATE, INSTANCE))
      checkSecurityGroupVpcs(template, resource, report);
  },
};
