/**
 * E1027: an `{{resolve:ssm-secure:...}}` reference is used only in the resource properties that
 * support secure strings (the list in the CloudFormation User Guide, as cfn-lint keeps it).
 * Elsewhere CloudFormation does not resolve it.
 *
 * Like cfn-lint, the Parameters section is not read. A reference inside the Fn::Sub, Fn::Join or
 * Fn::If that builds a supported property's value is in that property.
 */
import type { Rule } from "../rule";
import { USER_GUIDE } from "../template-index";
import { dynamicReferences } from "./dynamic-references";
import { nodeAt, splitResourcePath } from "./strings";
import { literalString } from "./values";

/** `Type/Properties/...` paths that take ssm-secure references; `*` stands for a list item. */
const SUPPORTED = new Set([
  "AWS::DirectoryService::MicrosoftAD/Properties/Password",
  "AWS::DirectoryService::SimpleAD/Properties/Password",
  "AWS::ElastiCache::ReplicationGroup/Properties/AuthToken",
  "AWS::IAM::User/Properties/LoginProfile/Password",
  "AWS::KinesisFirehose::DeliveryStream/Properties/RedshiftDestinationConfiguration/Password",
  "AWS::OpsWorks::App/Properties/AppSource/Password",
  "AWS::OpsWorks::Stack/Properties/RdsDbInstances/*/DbPassword",
  "AWS::OpsWorks::Stack/Properties/CustomCookbooksSource/Password",
  "AWS::RDS::DBCluster/Properties/MasterUserPassword",
  "AWS::RDS::DBInstance/Properties/MasterUserPassword",
  "AWS::Redshift::Cluster/Properties/MasterUserPassword",
]);

/** Whether a property (its path below Properties, `*` for a list item) takes ssm-secure references. */
export function takesSecureString(type: string, path: readonly string[]): boolean {
  return SUPPORTED.has(`${type}/Properties/${path.join("/")}`);
}

/**
 * The property a reference's site lies in: `*` for a list item, up to the first intrinsic function,
 * since a value that Fn::Sub, Fn::Join or Fn::If builds is still the property's value.
 */
function propertyPath(inside: readonly (string | number)[]): string[] {
  const path: string[] = [];
  for (const segment of inside) {
    if (typeof segment === "string" && segment.startsWith("Fn::")) break;
    path.push(typeof segment === "number" ? "*" : segment);
  }
  return path;
}

export const dynamicReferenceSecure: Rule = {
  id: "E1027",
  severity: "error",
  shortDescription: "SSM secure string dynamic references only where supported",
  description:
    "A '{{resolve:ssm-secure:...}}' dynamic reference can be used only in the few resource properties that " +
    "support secure strings, such as the MasterUserPassword of an RDS database.",
  source: `${USER_GUIDE}/dynamic-references-ssm-secure-strings.html`,
  tags: ["functions", "dynamic reference"],
  check({ template, report }) {
    for (const reference of dynamicReferences(template)) {
      if (reference.service !== "ssm-secure") continue;
      const path = reference.site.path;
      if (path[0] === "Resources") {
        const split = splitResourcePath(path);
        const type = split && literalString(nodeAt(template, [...split.resource, "Type"]));
        if (!split || type === undefined) continue;
        if (split.inside[0] === "Properties" && takesSecureString(type, propertyPath(split.inside.slice(1))))
          continue;
      } else if (path[0] !== "Outputs" && !(path[0] === "Globals" && template.sam)) {
        continue;
      }
      report(
        reference.range,
        "An ssm-secure dynamic reference works only in the resource properties that support secure strings " +
          "(such as MasterUserPassword of AWS::RDS::DBInstance); in other resource properties use a secretsmanager " +
          "reference instead",
        { path },
      );
    }
  },
};
