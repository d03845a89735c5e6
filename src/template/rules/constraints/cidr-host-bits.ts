import { constraintRule } from "./rule";

/**
 * A CIDR block with host bits set (see cidr.ts). cfn-lint reports it as E3002; here it is a
 * warning, because EC2 accepts such a block for a security group rule and uses the network it
 * names, which is the danger: 192.168.1.0/0 opens the rule to every address.
 */
export const cidrHostBits = constraintRule("hostBits", {
  id: "W3031",
  severity: "warning",
  shortDescription: "CIDR blocks have no host bits set",
  description:
    "A CIDR block property (ipv4-network or ipv6-network in the resource provider schema) whose address has bits " +
    "set past the prefix length names a different, often much larger, network than it seems to.",
  tags: ["resources", "properties", "cidr"],
});
