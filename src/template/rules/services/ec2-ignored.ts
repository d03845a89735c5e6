/**
 * EC2 settings that deploy without error but do not do what they say: EC2 ignores them or puts
 * another value in their place. Warnings, with cfn-lint's ids:
 * - W3671: an EBS block device of VolumeType gp2, st1, sc1 or standard with Iops. Only io1, io2
 *   and gp3 volumes are provisioned with IOPS ("This parameter is not supported for gp2, st1, sc1,
 *   or standard volumes"); the others have the IOPS of their size.
 * - W3698: a block device mapping with both Ebs and VirtualName. VirtualName names an instance
 *   store volume; with Ebs the mapping is an EBS volume and the name is ignored.
 * - W3700: an Elastic IP's Domain other than vpc or standard (in any case, as cfn-lint compares
 *   it); EC2 allocates such an address for use in a VPC.
 * - W3703: a VPN gateway's Type other than ipsec.1, the one type EC2 documents for CreateVpnGateway.
 *
 * The block device mappings are those E3671 and E3715 read (ec2-instances.ts); values given
 * through intrinsic functions are not judged, nor a property that a Fn::If may leave out.
 */
import type { Rule } from "../rule";
import { BLOCK_DEVICE_TYPES, blockDevices } from "./ec2-instances";
import { literalString, plainMap, presentEntry, propertySets, resourcesOfType } from "./values";

const EC2_GUIDE = "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide";

/** The volume types that have the IOPS of their size, and take no Iops. */
const NO_PROVISIONED_IOPS = new Set(["gp2", "st1", "sc1", "standard"]);

export const blockDeviceIopsIgnored: Rule = {
  id: "W3671",
  severity: "warning",
  shortDescription: "An EBS block device gives Iops only for a volume type that takes it",
  description:
    "The Ebs of a block device mapping with VolumeType gp2, st1, sc1 or standard has no Iops: only io1, io2 and gp3 " +
    "volumes are provisioned with IOPS.",
  source: "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-volume-types.html",
  tags: ["resources", "ec2", "ebs"],
  resourceTypes: BLOCK_DEVICE_TYPES,
  check({ template, report }) {
    for (const resource of resourcesOfType(template, ...BLOCK_DEVICE_TYPES)) {
      for (const { mapping, path, name } of blockDevices(resource)) {
        const ebs = plainMap(presentEntry(mapping, "Ebs")?.value);
        const type = ebs && literalString(presentEntry(ebs, "VolumeType")?.value);
        const iops = ebs && presentEntry(ebs, "Iops");
        if (!iops || type === undefined || !NO_PROVISIONED_IOPS.has(type)) continue;
        report(
          iops.keyRange,
          `${name} is a ${type} volume, whose IOPS come from its size, and EBS does not apply Iops to it; remove ` +
            "Iops, or use VolumeType io1, io2 or gp3 to provision IOPS",
          { path: [...path, "Ebs", "Iops"] },
        );
      }
    }
  },
};

export const blockDeviceVirtualNameIgnored: Rule = {
  id: "W3698",
  severity: "warning",
  shortDescription: "A block device mapping with Ebs has no VirtualName",
  description:
    "A block device mapping gives Ebs (an EBS volume) or VirtualName (an instance store volume), not both: with Ebs, " +
    "EC2 ignores VirtualName.",
  source: `${EC2_GUIDE}/block-device-mapping-concepts.html`,
  tags: ["resources", "ec2"],
  resourceTypes: BLOCK_DEVICE_TYPES,
  check({ template, report }) {
    for (const resource of resourcesOfType(template, ...BLOCK_DEVICE_TYPES)) {
      for (const { mapping, path, name } of blockDevices(resource)) {
        const virtualName = presentEntry(mapping, "VirtualName");
        if (!virtualName || !presentEntry(mapping, "Ebs")) continue;
        report(
          virtualName.keyRange,
          `${name} gives Ebs, so it maps an EBS volume, and EC2 ignores its VirtualName, which names instance store ` +
            "volumes; remove VirtualName, or Ebs for an instance store volume",
          { path: [...path, "VirtualName"] },
        );
      }
    }
  },
};

const EIP = "AWS::EC2::EIP";

export const elasticIpDomain: Rule = {
  id: "W3700",
  severity: "warning",
  shortDescription: "An Elastic IP's Domain is vpc or standard",
  description: "The Domain of an AWS::EC2::EIP is vpc or standard; EC2 takes another value as vpc.",
  source: "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AllocateAddress.html",
  tags: ["resources", "ec2"],
  resourceTypes: [EIP],
  check({ template, report }) {
    for (const address of resourcesOfType(template, EIP)) {
      for (const { properties } of propertySets(address)) {
        const entry = presentEntry(properties, "Domain");
        const domain = literalString(entry?.value);
        if (!entry || domain === undefined) continue;
        const lower = domain.toLowerCase();
        if (lower === "vpc" || lower === "standard") continue;
        const shown = domain.length > 0 && domain.length <= 32 ? `Domain '${domain}'` : "The Domain";
        report(
          entry.value,
          `${shown} of Elastic IP '${address.name}' is neither vpc nor standard, and EC2 allocates the address for ` +
            "use in a VPC; write vpc",
          { path: ["Resources", address.name, "Properties", "Domain"] },
        );
      }
    }
  },
};

const VPN_GATEWAY = "AWS::EC2::VPNGateway";

export const vpnGatewayType: Rule = {
  id: "W3703",
  severity: "warning",
  shortDescription: "A VPN gateway's Type is ipsec.1",
  description: "The Type of an AWS::EC2::VPNGateway is ipsec.1, the one type of VPN connection EC2 offers.",
  source: "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpnGateway.html",
  tags: ["resources", "ec2"],
  resourceTypes: [VPN_GATEWAY],
  check({ template, report }) {
    for (const gateway of resourcesOfType(template, VPN_GATEWAY)) {
      for (const { properties } of propertySets(gateway)) {
        const entry = presentEntry(properties, "Type");
        const type = literalString(entry?.value);
        if (!entry || type === undefined || type === "ipsec.1") continue;
        const shown = type.length > 0 && type.length <= 32 ? `Type '${type}'` : "The Type";
        report(
          entry.value,
          `${shown} of VPN gateway '${gateway.name}' is not a VPN connection type EC2 offers; write ipsec.1`,
          { path: ["Resources", gateway.name, "Properties", "Type"] },
        );
      }
    }
  },
};
