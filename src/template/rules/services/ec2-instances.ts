/**
 * EC2 instance settings that RunInstances (and CreateLaunchTemplate, CreateLaunchConfiguration,
 * RequestSpotFleet and CreateNetworkInterface) refuse, with cfn-lint's ids (its ectwo rules and
 * their aws_ec2_instance extension schemas):
 * - E3671: an EBS block device of VolumeType io1 or io2 without Iops, which EC2 requires for them;
 *   and an Iops outside the range of its volume type: io1 100 to 64000, io2 100 to 256000, gp3 3000
 *   to 80000. cfn-lint still caps gp3 at 16000, its limit until EBS raised it to 80000 in September
 *   2025; this rule follows EBS. An Iops that E3034 already reports out of the resource's own range
 *   (a launch configuration's 100 to 20000) is not reported again.
 * - E3715: a block device mapping with VirtualName and no Ebs, which makes it an instance store
 *   volume, whose VirtualName is ephemeral0 to ephemeral23. Unlike cfn-lint, a mapping with
 *   NoDevice (which removes the device; E3014 reports it with VirtualName) or with an Ebs that a
 *   Fn::If may leave out is not judged.
 * - E3673: an AWS::EC2::Instance without ImageId whose launch template, if any, cannot give one:
 *   none at all, or a launch template of this template whose LaunchTemplateData certainly has no
 *   ImageId. A launch template given by a literal id or name, a parameter or an import may set it,
 *   and is taken to. Unlike cfn-lint, an ImageId (of the instance or the launch template) that a
 *   Fn::If may leave out is not judged, nor is a LaunchTemplateId other than `!Ref Template` or
 *   `!GetAtt Template.LaunchTemplateId` of an AWS::EC2::LaunchTemplate, nor a LaunchTemplateName:
 *   a Ref or GetAtt of a launch template gives no name (its Ref is the id), so EC2 would find no
 *   template of that name, and that, not the ImageId, is what fails.
 * - E3674: PrivateIpAddress given with another primary private IPv4 address: on an
 *   AWS::EC2::NetworkInterface, an entry of PrivateIpAddresses with Primary true; on an
 *   AWS::EC2::Instance, an item of NetworkInterfaces with its own PrivateIpAddress or with such an
 *   entry of PrivateIpAddresses. Beyond cfn-lint, Primary given as the string "true" counts, as
 *   CloudFormation converts it; and, as RunInstances refuses an instance's PrivateIpAddress with
 *   any NetworkInterfaces ("Network interfaces and an instance-level private IP address may not be
 *   specified on the same request"), an instance's PrivateIpAddress with network interfaces that
 *   give no address of their own, when an item of NetworkInterfaces is certainly there (not only
 *   in a branch of a Fn::If).
 *
 * The places of block device mappings are an instance's BlockDeviceMappings, a launch template's
 * LaunchTemplateData, a launch configuration's, and each of a Spot Fleet's LaunchSpecifications;
 * cfn-lint also looks at AWS::OpsWorks::Instance, a service shut down in 2024 (W3697 tells).
 *
 * Values given through intrinsic functions are not judged, and a property that a Fn::If may leave
 * out counts neither as present nor as absent; each branch of a Fn::If that chooses the Properties
 * or a list item is judged on its own.
 */
import type { MapNode, Node, Range } from "../../model";
import { constraintProblems } from "../constraints/walk";
import type { Rule } from "../rule";
import type { ResourceInfo, TemplateIndex } from "../template-index";
import {
  isAbsent,
  listMappings,
  literalBoolean,
  literalNumber,
  literalString,
  namedResource,
  plainMap,
  presentEntry,
  propertySets,
  resourcesOfType,
} from "./values";

export const INSTANCE = "AWS::EC2::Instance";
export const LAUNCH_TEMPLATE = "AWS::EC2::LaunchTemplate";
const LAUNCH_CONFIGURATION = "AWS::AutoScaling::LaunchConfiguration";
const SPOT_FLEET = "AWS::EC2::SpotFleet";
const NETWORK_INTERFACE = "AWS::EC2::NetworkInterface";

const EBS_GUIDE = "https://docs.aws.amazon.com/ebs/latest/userguide";
const EC2_GUIDE = "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide";

/** Where each type keeps its block device mappings; `*` stands for every item of a list of mappings. */
const BLOCK_DEVICE_PLACES: Record<string, { noun: string; path: readonly string[] }> = {
  [INSTANCE]: { noun: "instance", path: ["BlockDeviceMappings"] },
  [LAUNCH_TEMPLATE]: { noun: "launch template", path: ["LaunchTemplateData", "BlockDeviceMappings"] },
  [LAUNCH_CONFIGURATION]: { noun: "launch configuration", path: ["BlockDeviceMappings"] },
  [SPOT_FLEET]: {
    noun: "Spot Fleet",
    path: ["SpotFleetRequestConfigData", "LaunchSpecifications", "*", "BlockDeviceMappings"],
  },
};

/** The types with block device mappings. */
export const BLOCK_DEVICE_TYPES = Object.keys(BLOCK_DEVICE_PLACES);

/** One block device mapping, with its path and the words that name it in a message. */
export interface BlockDevice {
  mapping: MapNode;
  path: (string | number)[];
  /** "Block device /dev/sdb of instance 'Server'". */
  name: string;
}

const blockDeviceCache = new WeakMap<ResourceInfo, BlockDevice[]>();

/** The block device mappings of a resource, in each of its property sets; found once for the four rules that read them. */
export function blockDevices(resource: ResourceInfo): BlockDevice[] {
  const cached = blockDeviceCache.get(resource);
  if (cached) return cached;
  const place = resource.type ? BLOCK_DEVICE_PLACES[resource.type] : undefined;
  const found: BlockDevice[] = [];
  blockDeviceCache.set(resource, found);
  if (!place) return found;
  const owner = `${place.noun} '${resource.name}'`;
  const visit = (node: MapNode, at: number, path: (string | number)[], within: string): void => {
    const key = place.path[at];
    const value = presentEntry(node, key)?.value;
    if (at === place.path.length - 1) {
      for (const { node: mapping, index } of listMappings(value).items) {
        const device = literalString(presentEntry(mapping, "DeviceName")?.value);
        const which =
          device !== undefined && device.length > 0 && device.length <= 32
            ? `Block device ${device}`
            : `Item ${index + 1} of BlockDeviceMappings`;
        found.push({ mapping, path: [...path, key, index], name: `${which} of ${within}${owner}` });
      }
    } else if (place.path[at + 1] === "*") {
      for (const { node: item, index } of listMappings(value).items) {
        visit(item, at + 2, [...path, key, index], `item ${index + 1} of ${key} of `);
      }
    } else {
      const child = plainMap(value);
      if (child) visit(child, at + 1, [...path, key], within);
    }
  };
  for (const { properties } of propertySets(resource)) {
    visit(properties, 0, ["Resources", resource.name, "Properties"], "");
  }
  return found;
}

/** The IOPS that EBS provisions for each volume type that takes Iops, and whether it must be given. */
const PROVISIONED_IOPS: Record<string, { minimum: number; maximum: number; required: boolean }> = {
  io1: { minimum: 100, maximum: 64000, required: true },
  io2: { minimum: 100, maximum: 256000, required: true },
  gp3: { minimum: 3000, maximum: 80000, required: false },
};

export const blockDeviceIops: Rule = {
  id: "E3671",
  severity: "error",
  shortDescription: "An EBS block device has the Iops its volume type takes",
  description:
    "The Ebs of a block device mapping (of an instance, launch template, launch configuration or Spot Fleet) with " +
    "VolumeType io1 or io2 gives Iops, and an Iops within the range of its volume type: io1 100 to 64000, io2 100 to " +
    "256000, gp3 3000 to 80000.",
  source: `${EBS_GUIDE}/provisioned-iops.html`,
  tags: ["resources", "ec2", "ebs"],
  resourceTypes: BLOCK_DEVICE_TYPES,
  check({ template, spec, report }) {
    for (const resource of resourcesOfType(template, ...BLOCK_DEVICE_TYPES)) {
      for (const { mapping, path, name } of blockDevices(resource)) {
        const ebs = plainMap(presentEntry(mapping, "Ebs")?.value);
        const volumeType = ebs && presentEntry(ebs, "VolumeType");
        const type = literalString(volumeType?.value);
        const range =
          type !== undefined && Object.hasOwn(PROVISIONED_IOPS, type) ? PROVISIONED_IOPS[type] : undefined;
        if (!ebs || !volumeType || type === undefined || !range) continue;
        const bounds = `${range.minimum} to ${range.maximum}`;
        const volume = `${type.startsWith("io") ? "an" : "a"} ${type} volume`;
        const at = [...path, "Ebs", "Iops"];
        if (isAbsent(ebs, "Iops")) {
          if (!range.required) continue;
          report(
            volumeType.value,
            `${name} is ${volume} without Iops, and EBS needs the IOPS to provision for ${type}; add Iops ` +
              `(${bounds})`,
            { path: at },
          );
          continue;
        }
        const iops = presentEntry(ebs, "Iops");
        const value = literalNumber(iops?.value);
        if (!iops || value === undefined || (value >= range.minimum && value <= range.maximum)) continue;
        // E3034 already reports a value outside the resource type's own range.
        if (
          constraintProblems(template, spec).some(
            (problem) => problem.kind === "range" && problem.at === iops.value,
          )
        )
          continue;
        report(
          iops.value,
          `${name} provisions ${value} IOPS, and ${volume} takes ${bounds}; set Iops from ${bounds}`,
          { path: at },
        );
      }
    }
  },
};

/** An instance store volume's name: ephemeral0 to ephemeral23. */
const EPHEMERAL = /^ephemeral([0-9]|1[0-9]|2[0-3])$/;

export const blockDeviceVirtualName: Rule = {
  id: "E3715",
  severity: "error",
  shortDescription: "An instance store block device is named ephemeral0 to ephemeral23",
  description:
    "A block device mapping with VirtualName and no Ebs (an instance store volume) has a VirtualName of ephemeral0 to " +
    "ephemeral23.",
  source: `${EC2_GUIDE}/block-device-mapping-concepts.html`,
  tags: ["resources", "ec2"],
  resourceTypes: BLOCK_DEVICE_TYPES,
  check({ template, report }) {
    for (const resource of resourcesOfType(template, ...BLOCK_DEVICE_TYPES)) {
      for (const { mapping, path, name } of blockDevices(resource)) {
        const entry = presentEntry(mapping, "VirtualName");
        const virtualName = literalString(entry?.value);
        if (!entry || virtualName === undefined || EPHEMERAL.test(virtualName)) continue;
        if (!isAbsent(mapping, "Ebs") || !isAbsent(mapping, "NoDevice")) continue;
        const shown = virtualName.length <= 32 ? `VirtualName '${virtualName}'` : "a VirtualName";
        report(
          entry.value,
          `${name} has ${shown} and no Ebs, so it maps an instance store volume, which EC2 names ephemeral0 to ` +
            "ephemeral23 (as many as the instance type has, counted from 0); use such a name, or give Ebs for an EBS " +
            "volume",
          { path: [...path, "VirtualName"] },
        );
      }
    }
  },
};

/**
 * The launch template of this template that a LaunchTemplateId names (`!Ref Template` or
 * `!GetAtt Template.LaunchTemplateId`), when its LaunchTemplateData certainly has no ImageId in
 * every property set it may have.
 */
function templateWithoutImage(template: TemplateIndex, reference: Node): ResourceInfo | undefined {
  const resource = namedResource(template, reference, "LaunchTemplateId", [LAUNCH_TEMPLATE]);
  if (!resource?.body) return undefined;
  const sets = propertySets(resource);
  const without = sets.every(({ properties }) => {
    const data = plainMap(presentEntry(properties, "LaunchTemplateData")?.value);
    return data !== undefined && isAbsent(data, "ImageId");
  });
  return sets.length > 0 && without ? resource : undefined;
}

export const instanceImageId: Rule = {
  id: "E3673",
  severity: "error",
  shortDescription: "An EC2 instance has an ImageId, of its own or from its launch template",
  description:
    "An AWS::EC2::Instance gives ImageId, or a LaunchTemplate whose LaunchTemplateData gives it: EC2 needs an AMI to " +
    "launch an instance.",
  source: "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RunInstances.html",
  tags: ["resources", "ec2"],
  resourceTypes: [INSTANCE],
  check({ template, report }) {
    for (const instance of resourcesOfType(template, INSTANCE)) {
      for (const { properties, bare } of propertySets(instance)) {
        if (!isAbsent(properties, "ImageId")) continue;
        const path = ["Resources", instance.name, "Properties", "ImageId"];
        // At the Properties key, or at the branch of a Properties: !If that lacks it.
        const at: Node | Range = bare
          ? instance.entry.keyRange
          : instance.properties && properties !== instance.properties.value
            ? properties
            : (instance.properties?.keyRange ?? instance.entry.keyRange);
        if (isAbsent(properties, "LaunchTemplate")) {
          report(
            at,
            `Instance '${instance.name}' has no ImageId and no LaunchTemplate, and EC2 needs an AMI to launch it; set ` +
              "ImageId, or a LaunchTemplate whose LaunchTemplateData sets ImageId",
            { path },
          );
          continue;
        }
        const specification = plainMap(presentEntry(properties, "LaunchTemplate")?.value);
        // A LaunchTemplateName names no launch template of this template: its Ref is the id.
        const reference = specification && presentEntry(specification, "LaunchTemplateId");
        const launchTemplate = reference && templateWithoutImage(template, reference.value);
        if (!reference || !launchTemplate) continue;
        report(
          reference.value,
          `Instance '${instance.name}' has no ImageId, and neither has the LaunchTemplateData of its launch template ` +
            `'${launchTemplate.name}', and EC2 needs an AMI to launch it; set ImageId on the instance or in the launch ` +
            "template",
          { path: ["Resources", instance.name, "Properties", "LaunchTemplate", "LaunchTemplateId"] },
        );
      }
    }
  },
};

/** The entries of a PrivateIpAddresses list that say Primary: true, each with its index. */
function primaryAddresses(list: Node | undefined): { node: Node; index: number }[] {
  const found: { node: Node; index: number }[] = [];
  for (const { node, index } of listMappings(list).items) {
    const primary = presentEntry(node, "Primary");
    if (primary && literalBoolean(primary.value) === true) found.push({ node: primary.value, index });
  }
  return found;
}

export const privateIpAddressPrimary: Rule = {
  id: "E3674",
  severity: "error",
  shortDescription: "A primary private IP address is given in one place only",
  description:
    "An AWS::EC2::NetworkInterface with PrivateIpAddress marks no entry of PrivateIpAddresses as Primary; an " +
    "AWS::EC2::Instance with PrivateIpAddress has no NetworkInterfaces, whose own PrivateIpAddress or Primary entry " +
    "of PrivateIpAddresses gives the primary address when there are network interfaces.",
  source: "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateNetworkInterface.html",
  tags: ["resources", "ec2"],
  resourceTypes: [INSTANCE, NETWORK_INTERFACE],
  check({ template, report }) {
    for (const resource of resourcesOfType(template, INSTANCE, NETWORK_INTERFACE)) {
      for (const { properties } of propertySets(resource)) {
        const address = presentEntry(properties, "PrivateIpAddress");
        if (!address) continue;
        const path = ["Resources", resource.name, "Properties"];
        if (resource.type === NETWORK_INTERFACE) {
          for (const { node, index } of primaryAddresses(
            presentEntry(properties, "PrivateIpAddresses")?.value,
          )) {
            report(
              node,
              `Network interface '${resource.name}' sets PrivateIpAddress, its primary private IP address, and marks ` +
                `item ${index + 1} of PrivateIpAddresses as Primary too, and EC2 takes one primary address; set ` +
                "Primary: false there, or remove PrivateIpAddress",
              { path: [...path, "PrivateIpAddresses", index, "Primary"] },
            );
          }
          continue;
        }
        const interfaces = listMappings(presentEntry(properties, "NetworkInterfaces")?.value).items;
        let reported = false;
        for (const { node: item, index } of interfaces) {
          const at = [...path, "NetworkInterfaces", index];
          const own = presentEntry(item, "PrivateIpAddress");
          if (own) {
            reported = true;
            report(
              own.keyRange,
              `Instance '${resource.name}' sets PrivateIpAddress, and item ${index + 1} of NetworkInterfaces sets one ` +
                "too, and EC2 takes the primary private IP address in one place; remove the instance's " +
                "PrivateIpAddress and keep the network interface's",
              { path: [...at, "PrivateIpAddress"] },
            );
          }
          for (const primary of primaryAddresses(presentEntry(item, "PrivateIpAddresses")?.value)) {
            reported = true;
            report(
              primary.node,
              `Instance '${resource.name}' sets PrivateIpAddress, and item ${index + 1} of NetworkInterfaces marks an ` +
                "address of its PrivateIpAddresses as Primary, and EC2 takes the primary private IP address in one " +
                "place; remove the instance's PrivateIpAddress",
              { path: [...at, "PrivateIpAddresses", primary.index, "Primary"] },
            );
          }
        }
        // Else the instance's address with a network interface that is certainly there.
        if (reported || !interfaces.some((item) => !item.conditional)) continue;
        report(
          address.keyRange,
          `Instance '${resource.name}' sets PrivateIpAddress and NetworkInterfaces, and EC2 takes no instance-level ` +
            "private IP address with network interfaces; give the address as the PrivateIpAddress of the network " +
            "interface of DeviceIndex 0 (or of the AWS::EC2::NetworkInterface it attaches), and remove it here",
          { path: [...path, "PrivateIpAddress"] },
        );
      }
    }
  },
};
