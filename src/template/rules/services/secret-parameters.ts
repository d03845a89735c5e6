/**
 * W1011: a password or token property given a template parameter through Ref. The secret then
 * travels as a parameter value: whoever deploys has to know it, it sits in the deploy command or
 * the CI variables that feed it, and NoEcho hides it only where CloudFormation lists parameters.
 * A dynamic reference (`{{resolve:secretsmanager:...}}` or `{{resolve:ssm-secure:...}}`) keeps it
 * in Secrets Manager or Parameter Store instead.
 *
 * The properties are cfn-lint's, and beyond them the master password of DocumentDB clusters and the
 * user passwords of Amazon MQ brokers, which are the same case. A Ref in a Fn::If branch counts;
 * a Ref inside any other function (a Fn::Join, say) is not looked at.
 */
import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import { intrinsicName, isNoValue, isString, USER_GUIDE } from "../template-index";
import { propertySets, resourcesOfType } from "./values";

/** Property paths by type; `*` stands for every item of a list. */
const SECRET_PROPERTIES: Record<string, string[][]> = {
  "AWS::AmazonMQ::Broker": [["Users", "*", "Password"]],
  "AWS::DirectoryService::MicrosoftAD": [["Password"]],
  "AWS::DirectoryService::SimpleAD": [["Password"]],
  "AWS::DocDB::DBCluster": [["MasterUserPassword"]],
  "AWS::ElastiCache::ReplicationGroup": [["AuthToken"]],
  "AWS::IAM::User": [["LoginProfile", "Password"]],
  "AWS::KinesisFirehose::DeliveryStream": [["RedshiftDestinationConfiguration", "Password"]],
  "AWS::OpsWorks::App": [["AppSource", "Password"]],
  "AWS::OpsWorks::Stack": [
    ["RdsDbInstances", "*", "DbPassword"],
    ["CustomCookbooksSource", "Password"],
  ],
  "AWS::RDS::DBCluster": [["MasterUserPassword"]],
  "AWS::RDS::DBInstance": [["MasterUserPassword"]],
  "AWS::Redshift::Cluster": [["MasterUserPassword"]],
};
const TYPES = Object.keys(SECRET_PROPERTIES);

export const secretParameters: Rule = {
  id: "W1011",
  severity: "warning",
  shortDescription: "Secrets come from dynamic references, not parameters",
  description:
    "A password or token property given a parameter through Ref passes the secret as a parameter value; a " +
    "dynamic reference to Secrets Manager or a Parameter Store SecureString keeps it out of deploy commands.",
  source: `${USER_GUIDE}/security-best-practices.html#creds`,
  tags: ["parameters", "security", "dynamic reference"],
  check({ template, report }) {
    if (template.parameters.size === 0) return;
    for (const resource of resourcesOfType(template, ...TYPES)) {
      for (const path of SECRET_PROPERTIES[resource.type as string]) {
        for (const { properties } of propertySets(resource)) {
          for (const value of valuesAt(properties, path, 0)) {
            const target =
              intrinsicName(value) === "Ref" && value.kind === "map" ? value.entries[0].value : undefined;
            if (!isString(target) || !template.parameters.has(target.value)) continue;
            report(
              value,
              `${path[path.length - 1]} takes parameter '${target.value}' through Ref, so the secret is passed as ` +
                "a parameter value; read it with a dynamic reference ('{{resolve:secretsmanager:...}}' or " +
                "'{{resolve:ssm-secure:...}}') instead",
            );
          }
        }
      }
    }
  },
};

/** The values at a property path, through Fn::If branches (AWS::NoValue left out). */
function valuesAt(node: Node | undefined, path: string[], at: number): Node[] {
  if (!node || isNoValue(node)) return [];
  if (intrinsicName(node) === "Fn::If" && node.kind === "map") {
    const arg = node.entries[0].value;
    return arg.kind === "seq" ? arg.items.slice(1, 3).flatMap((branch) => valuesAt(branch, path, at)) : [];
  }
  if (at === path.length) return [node];
  if (path[at] === "*")
    return node.kind === "seq" ? node.items.flatMap((item) => valuesAt(item, path, at + 1)) : [];
  return valuesAt(mapGet(node, path[at])?.value, path, at + 1);
}
