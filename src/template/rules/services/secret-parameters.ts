import type { Rule } from "../rule";
import { intrinsicName, isString, USER_GUIDE } from "../template-index";
import { propertySets, resourcesOfType, valuesAtPath } from "./values";

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
          for (const value of valuesAtPath(properties, path)) {
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
