import { constraintRule } from "./rule";

export const requiredXor = constraintRule("requiredXor", {
  id: "E3014",
  shortDescription: "Exactly one of a set of properties is set",
  description:
    "Some resources need exactly one property of a set (cfn-lint's requiredXor), such as one of CidrIp, CidrIpv6, " +
    "DestinationPrefixListId or DestinationSecurityGroupId on a security group egress rule; none is also reported " +
    "where the Fn::If of each one set gives AWS::NoValue under one condition the resource may be made under.",
  tags: ["resources", "properties", "required"],
});
