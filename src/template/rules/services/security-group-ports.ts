/**
 * The ports of security group rules, which mean something only for some protocols (cfn-lint's
 * ids; EC2's documentation of IpPermission):
 * - E3687: a tcp, udp or icmp rule (6, 17, 1) needs FromPort and ToPort. EC2 refuses it without
 *   them ("Must specify both from and to ports with TCP/UDP").
 * - E3688: -1 stands for every port, or every ICMP type; it cannot open one end of a range. A
 *   FromPort of -1 needs a ToPort of -1 and, except for icmp (where ToPort is the ICMP code, and a
 *   type may take every code), the other way round.
 * - W3687: with another protocol (-1 for all traffic, or a number such as 50), EC2 ignores the
 *   ports and the rule opens every port, which the ports written suggest it does not. cfn-lint also
 *   warns for icmpv6 (58), whose FromPort and ToPort are the ICMPv6 type and code; EC2 reads them
 *   there, so we do not.
 *
 * Read from the SecurityGroupIngress and SecurityGroupEgress lists of AWS::EC2::SecurityGroup and
 * from AWS::EC2::SecurityGroupIngress and SecurityGroupEgress. A protocol or port given through an
 * intrinsic function is not judged.
 */
import type { MapEntry, MapNode, Node } from "../../model";
import { listOf } from "../constraints/walk";
import type { Rule } from "../rule";
import type { TemplateIndex } from "../template-index";
import {
  isAbsent,
  listMappings,
  literalNumber,
  literalString,
  presentEntry,
  propertySets,
  resourcesOfType,
} from "./values";

const SOURCE = "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpPermission.html";

/** One security group rule, written inline in a group or as a resource of its own. */
interface GroupRule {
  node: MapNode;
  /** The group or rule resource, for messages. */
  owner: string;
  path: (string | number)[];
}

const RULE_LISTS = ["SecurityGroupIngress", "SecurityGroupEgress"];
const cache = new WeakMap<TemplateIndex, GroupRule[]>();

/** Every security group rule of the template, found once for the three rules that read them. */
function groupRules(template: TemplateIndex): GroupRule[] {
  const cached = cache.get(template);
  if (cached) return cached;
  const rules: GroupRule[] = [];
  cache.set(template, rules);
  for (const group of resourcesOfType(template, "AWS::EC2::SecurityGroup")) {
    for (const { properties } of propertySets(group)) {
      for (const key of RULE_LISTS) {
        for (const { node, index } of listMappings(presentEntry(properties, key)?.value).items)
          rules.push({
            node,
            owner: `security group '${group.name}'`,
            path: ["Resources", group.name, "Properties", key, index],
          });
      }
    }
  }
  for (const rule of resourcesOfType(
    template,
    "AWS::EC2::SecurityGroupIngress",
    "AWS::EC2::SecurityGroupEgress",
  )) {
    for (const { properties } of propertySets(rule)) {
      rules.push({
        node: properties,
        owner: `rule '${rule.name}'`,
        path: ["Resources", rule.name, "Properties"],
      });
    }
  }
  return rules;
}

/**
 * The protocol's canonical name (tcp, udp, icmp, icmpv6, or the number as text), when literal. EC2
 * takes names in any case (TCP becomes tcp) and numbers for names.
 */
function protocolOf(node: MapNode): { name: string; entry: MapEntry } | undefined {
  const entry = presentEntry(node, "IpProtocol");
  const number = literalNumber(entry?.value);
  const text = number === undefined ? literalString(entry?.value)?.trim().toLowerCase() : String(number);
  if (!entry || text === undefined) return undefined;
  return { name: NUMBERED[text] ?? text, entry };
}

const NUMBERED: Record<string, string> = { "1": "icmp", "6": "tcp", "17": "udp", "58": "icmpv6" };

/** A port: the number when literal, "unknown" otherwise (an intrinsic function), undefined when absent. */
function port(node: MapNode, key: string): { value: number; at: Node } | "unknown" | undefined {
  if (isAbsent(node, key)) return undefined;
  const entry = presentEntry(node, key);
  const value = literalNumber(entry?.value);
  return entry && value !== undefined ? { value, at: entry.value } : "unknown";
}

const NEEDS_PORTS = ["tcp", "udp", "icmp"];
const READS_PORTS = [...NEEDS_PORTS, "icmpv6"];

export const securityGroupPortsRequired: Rule = {
  id: "E3687",
  severity: "error",
  shortDescription: "A tcp, udp or icmp security group rule has FromPort and ToPort",
  description:
    "A security group rule whose IpProtocol is tcp, udp or icmp (6, 17, 1) gives FromPort and ToPort: the port range, " +
    "or for icmp the ICMP type and code (-1 for all).",
  source: SOURCE,
  tags: ["resources", "ec2", "security group"],
  check({ template, report }) {
    for (const rule of groupRules(template)) {
      const protocol = protocolOf(rule.node);
      if (!protocol || !NEEDS_PORTS.includes(protocol.name)) continue;
      const missing = ["FromPort", "ToPort"].filter((key) => port(rule.node, key) === undefined);
      if (missing.length === 0) continue;
      const what = protocol.name === "icmp" ? "the ICMP type and code, -1 for all" : "the port range";
      report(
        protocol.entry.value,
        `The ${protocol.name} rule of ${rule.owner} has no ` +
          `${listOf(missing, "or", false)}, and EC2 refuses such a rule without both; give FromPort and ToPort (${what})`,
        { path: [...rule.path, "IpProtocol"] },
      );
    }
  },
};

export const securityGroupAllPorts: Rule = {
  id: "E3688",
  severity: "error",
  shortDescription: "A FromPort or ToPort of -1 is matched by -1 at the other end",
  description:
    "-1 stands for every port (or every ICMP type), not for one end of a range: when FromPort is -1, ToPort is -1 too, " +
    "and except for icmp, where ToPort is the ICMP code, a ToPort of -1 needs a FromPort of -1.",
  source: SOURCE,
  tags: ["resources", "ec2", "security group"],
  check({ template, report }) {
    for (const rule of groupRules(template)) {
      // An unknown protocol may ignore the ports (W3687 for -1), or be icmp, whose ToPort is a code.
      const protocol = protocolOf(rule.node);
      if (!protocol || !READS_PORTS.includes(protocol.name)) continue;
      const from = port(rule.node, "FromPort");
      const to = port(rule.node, "ToPort");
      if (typeof from !== "object" || typeof to !== "object") continue;
      const icmp = protocol.name === "icmp" || protocol.name === "icmpv6";
      // Reported at the port that is not -1, where the range stops making sense.
      let key: "FromPort" | "ToPort" | undefined;
      if (from.value === -1 && to.value !== -1) key = "ToPort";
      else if (!icmp && to.value === -1 && from.value !== -1) key = "FromPort";
      if (!key) continue;
      report(
        key === "ToPort" ? to.at : from.at,
        icmp
          ? `FromPort -1 of ${rule.owner} stands for every ICMP type, which takes every code: set ToPort to -1 as well`
          : `Only one end of the port range of ${rule.owner} is -1, which stands for every port; set both FromPort and ` +
              "ToPort to -1 for all ports, or both to port numbers",
        { path: [...rule.path, key] },
      );
    }
  },
};

export const securityGroupIgnoredPorts: Rule = {
  id: "W3687",
  severity: "warning",
  shortDescription: "Ports are given only for protocols that have them",
  description:
    "With an IpProtocol other than tcp, udp, icmp and icmpv6 (for example -1, all traffic), EC2 ignores FromPort and " +
    "ToPort and the rule covers every port.",
  source: SOURCE,
  tags: ["resources", "ec2", "security group"],
  check({ template, report }) {
    for (const rule of groupRules(template)) {
      const protocol = protocolOf(rule.node);
      if (!protocol || READS_PORTS.includes(protocol.name)) continue;
      const written = ["FromPort", "ToPort"].filter((key) => {
        const value = port(rule.node, key);
        return typeof value === "object" && value.value !== -1;
      });
      if (written.length === 0) continue;
      report(
        protocol.entry.value,
        `IpProtocol ${protocol.name === "-1" ? "-1 (all traffic)" : protocol.name} of ${rule.owner} takes no ports, so EC2 ` +
          `ignores ${listOf(written, "and", false)} and the rule covers every port; use tcp or udp to limit it to the ports, ` +
          "or remove them",
        { path: [...rule.path, "IpProtocol"] },
      );
    }
  },
};
