import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import { presentEntry, propertySets, resourcesOfType } from "../services/values";
import { isNoValue } from "../template-index";
import { roleLacks, templateRole } from "./role-grants";

const ACTION = "ec2:CreateNetworkInterface";
const GRANTING_MANAGED =
  /AWSLambdaVPCAccessExecutionRole|AWSLambdaENIManagementAccess|FullAccess|PowerUser|Admin|VPC|Network/i;

export const vpcFunctionRole: Rule = {
  id: "W3908",
  severity: "warning",
  shortDescription: "A function in a VPC has a role that can create network interfaces",
  description:
    "A function with VpcConfig subnets needs a role allowed ec2:CreateNetworkInterface (the " +
    "AWSLambdaVPCAccessExecutionRole managed policy) to attach it to its subnets.",
  source: "https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html#configuration-vpc-permissions",
  tags: ["resources", "lambda", "iam", "serverless"],
  check({ template, report }) {
    for (const fn of resourcesOfType(template, "AWS::Lambda::Function", "AWS::Serverless::Function")) {
      for (const { properties } of propertySets(fn)) {
        const subnets = mapGet(presentEntry(properties, "VpcConfig")?.value, "SubnetIds")?.value;
        // No subnet, or only `!Ref AWS::NoValue` items (a template that leaves the VPC out): no VPC.
        if (!subnets || (subnets.kind === "seq" && subnets.items.every(isNoValue))) continue;
        const role = presentEntry(properties, "Role")?.value;
        const resource = templateRole(template, role);
        if (!role || !resource || !roleLacks(template, resource, ACTION, GRANTING_MANAGED)) continue;
        report(
          role,
          `Function '${fn.name}' runs in a VPC, and its role '${resource.name}' is not allowed ${ACTION}, which ` +
            "Lambda needs to attach the function to its subnets (without it the create is refused or the function " +
            "never reaches the VPC); add arn:${AWS::Partition}:iam::aws:policy/service-role/" +
            "AWSLambdaVPCAccessExecutionRole to the role's ManagedPolicyArns",
        );
      }
    }
  },
};
