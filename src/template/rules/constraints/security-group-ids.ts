import { constraintRule } from "./rule";

export const securityGroupIds = constraintRule("refName", {
  id: "E1041",
  shortDescription: "A security group's Ref that gives its name is not used where ids are needed",
  description:
    "Ref of an AWS::EC2::SecurityGroup without VpcId gives the group's name, not its id; a property that takes " +
    "security group ids (a function's VpcConfig SecurityGroupIds, VpcSecurityGroupIds, a network interface's " +
    "GroupSet, an ECS service's or a load balancer's SecurityGroups, ...) refuses it. " +
    "!GetAtt Group.GroupId gives the id.",
  tags: ["functions", "ref", "security groups"],
});
