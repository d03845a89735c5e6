/**
 * W3908 (a check cfn-lint does not have): a function in a VPC whose role, a role of the template,
 * cannot create network interfaces. Lambda needs ec2:CreateNetworkInterface (with
 * DescribeNetworkInterfaces and DeleteNetworkInterface) to attach the function to its subnets; the
 * Lambda guide says the role "must have" them, and without them the create is refused ("The
 * provided execution role does not have permissions to call CreateNetworkInterface on EC2") or the
 * function never reaches its VPC. A warning, not an error: the guide does not say which of the two
 * happens, and an error here must be one the documentation shows.
 *
 * Judged only when everything the role is given can be read: its managed policies are AWS managed
 * ones (a customer managed policy, or one given through a parameter, may grant anything), its
 * inline policies are written out, and no AWS::IAM::Policy, ManagedPolicy or RolePolicy of the
 * template is attached to it. AWS managed policies that may grant it are recognised by name
 * (AWSLambdaVPCAccessExecutionRole, AWSLambdaENIManagementAccess, and any full-access, power-user,
 * administrator, VPC or network policy), so a reader is never told to add what they have.
 * A SAM function without Role gets a role with AWSLambdaVPCAccessExecutionRole from the transform.
 */
import { rangeHas } from "../../lines";
import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import { referencesFrom } from "../resources/shared";
import type { Rule } from "../rule";
import {
  literalString,
  presentEntry,
  propertySets,
  referenceTarget,
  resourcesOfType,
} from "../services/values";
import { isString, type ResourceInfo, type TemplateIndex } from "../template-index";
import { staticDocument } from "./documents";
import { allowsAction, readableStatements } from "./policy-document";

const ACTION = "ec2:CreateNetworkInterface";
const GRANTING_MANAGED =
  /AWSLambdaVPCAccessExecutionRole|AWSLambdaENIManagementAccess|FullAccess|PowerUser|Admin|VPC|Network/i;
const ATTACHED_POLICIES: Record<string, string> = {
  "AWS::IAM::Policy": "Roles",
  "AWS::IAM::ManagedPolicy": "Roles",
  "AWS::IAM::RolePolicy": "RoleName",
};

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
    const judged = new Map<string, boolean>();
    for (const fn of resourcesOfType(template, "AWS::Lambda::Function", "AWS::Serverless::Function")) {
      for (const { properties } of propertySets(fn)) {
        const subnets = mapGet(presentEntry(properties, "VpcConfig")?.value, "SubnetIds")?.value;
        if (!subnets || (subnets.kind === "seq" && subnets.items.length === 0)) continue;
        const role = presentEntry(properties, "Role")?.value;
        const name = role ? referenceTarget(role)?.name : undefined;
        const resource = name === undefined ? undefined : template.resources.get(name);
        if (!role || resource?.type !== "AWS::IAM::Role") continue;
        if (!judged.has(resource.name)) judged.set(resource.name, lacksNetworkAccess(template, resource));
        if (!judged.get(resource.name)) continue;
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

/** Whether everything the role is given can be read, and none of it allows the action. */
function lacksNetworkAccess(template: TemplateIndex, role: ResourceInfo): boolean {
  if (attachedElsewhere(template, role.name)) return false;
  return propertySets(role).every(({ properties }) => {
    const managed = presentEntry(properties, "ManagedPolicyArns")?.value;
    if (managed) {
      if (managed.kind !== "seq") return false;
      for (const item of managed.items) {
        const arn = policyArnText(item);
        if (arn === undefined || !arn.includes(":iam::aws:policy/") || GRANTING_MANAGED.test(arn))
          return false;
      }
    }
    const policies = presentEntry(properties, "Policies")?.value;
    if (!policies) return true;
    if (policies.kind !== "seq") return false;
    return policies.items.every((policy) => {
      const statements = readableStatements(staticDocument(mapGet(policy, "PolicyDocument")));
      return statements?.every((item) => allowsAction(item, ACTION) === "no") ?? false;
    });
  });
}

/** A managed policy ARN's text: a literal, or a Fn::Sub string (its variables left as written). */
function policyArnText(node: Node): string | undefined {
  const literal = literalString(node);
  if (literal !== undefined) return literal;
  if (node.kind !== "map" || node.entries.length !== 1 || node.entries[0].key !== "Fn::Sub") return undefined;
  const arg = node.entries[0].value;
  return isString(arg) ? arg.value : undefined;
}

/** Whether a policy resource of the template may attach to the role (it names it, or names roles we cannot read). */
function attachedElsewhere(template: TemplateIndex, role: string): boolean {
  for (const [type, key] of Object.entries(ATTACHED_POLICIES)) {
    for (const policy of resourcesOfType(template, type)) {
      for (const { properties } of propertySets(policy)) {
        const roles = presentEntry(properties, key)?.value;
        if (!roles) continue;
        const refs = referencesFrom(template, policy.name).filter((ref) =>
          rangeHas(roles.range, ref.range.start),
        );
        if (refs.length === 0 || refs.some((ref) => ref.target === role)) return true;
      }
    }
  }
  return false;
}
