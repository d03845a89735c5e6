/**
 * Secrets in password and token properties (SECRET_PROPERTIES): W1011, a secret given a
 * parameter through Ref instead of a dynamic reference; W2501, a secret written in the template,
 * read from a plain SSM parameter, or taken from a parameter without NoEcho.
 */
import { isNoEcho } from "../parameters/declared";
import type { Rule } from "../rule";
import { intrinsicName, isString, USER_GUIDE } from "../template-index";
import { takesSecureString } from "./dynamic-reference-secure";
import { hasDynamicReference, propertySets, resourcesOfType, valuesAtPath } from "./values";

/**
 * The properties that hold a password or token, by type; `*` stands for every item of a list. A
 * test holds every path to the resource specification.
 */
export const SECRET_PROPERTIES: Record<string, string[][]> = {
  "AWS::AmazonMQ::Broker": [["Users", "*", "Password"]],
  "AWS::Amplify::App": [["BasicAuthConfig", "Password"]],
  "AWS::Amplify::Branch": [["BasicAuthConfig", "Password"]],
  "AWS::AppStream::DirectoryConfig": [["ServiceAccountCredentials", "AccountPassword"]],
  "AWS::DirectoryService::MicrosoftAD": [["Password"]],
  "AWS::DirectoryService::SimpleAD": [["Password"]],
  "AWS::DMS::Endpoint": [["Password"]],
  "AWS::DocDB::DBCluster": [["MasterUserPassword"]],
  "AWS::DocDBElastic::Cluster": [["AdminUserPassword"]],
  "AWS::ElastiCache::ReplicationGroup": [["AuthToken"]],
  "AWS::ElastiCache::User": [["Passwords", "*"]],
  "AWS::Elasticsearch::Domain": [["AdvancedSecurityOptions", "MasterUserOptions", "MasterUserPassword"]],
  "AWS::EMR::Cluster": [
    ["KerberosAttributes", "KdcAdminPassword"],
    ["KerberosAttributes", "CrossRealmTrustPrincipalPassword"],
    ["KerberosAttributes", "ADDomainJoinPassword"],
  ],
  "AWS::FSx::FileSystem": [["WindowsConfiguration", "SelfManagedActiveDirectoryConfiguration", "Password"]],
  "AWS::IAM::User": [["LoginProfile", "Password"]],
  "AWS::KinesisFirehose::DeliveryStream": [["RedshiftDestinationConfiguration", "Password"]],
  "AWS::Lightsail::Database": [["MasterUserPassword"]],
  "AWS::MemoryDB::User": [["AuthenticationMode", "Passwords", "*"]],
  "AWS::OpenSearchService::Domain": [["AdvancedSecurityOptions", "MasterUserOptions", "MasterUserPassword"]],
  "AWS::OpsWorks::App": [["AppSource", "Password"]],
  "AWS::OpsWorks::Stack": [
    ["RdsDbInstances", "*", "DbPassword"],
    ["CustomCookbooksSource", "Password"],
  ],
  "AWS::RDS::DBCluster": [["MasterUserPassword"]],
  "AWS::RDS::DBInstance": [["MasterUserPassword"]],
  "AWS::Redshift::Cluster": [["MasterUserPassword"]],
  "AWS::RedshiftServerless::Namespace": [["AdminUserPassword"]],
  "AWS::Timestream::InfluxDBInstance": [["Password"]],
};
const TYPES = Object.keys(SECRET_PROPERTIES);

/** The property a path names, for messages: `Passwords` for `Passwords.*`. */
function propertyName(path: readonly string[]): string {
  return path[path.length - 1] === "*" ? path[path.length - 2] : path[path.length - 1];
}

/** The dynamic references that work in a property: ssm-secure in a few only (E1027), Secrets Manager in all. */
function references(type: string, path: readonly string[]): string {
  return takesSecureString(type, path)
    ? "('{{resolve:secretsmanager:...}}' or '{{resolve:ssm-secure:...}}')"
    : "('{{resolve:secretsmanager:...}}')";
}

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
              `${propertyName(path)} takes parameter '${target.value}' through Ref, so the secret is passed as ` +
                `a parameter value; read it with a dynamic reference ${references(resource.type as string, path)} instead`,
            );
          }
        }
      }
    }
  },
};

/** A dynamic reference to an SSM parameter that is not a SecureString: its value is stored in the clear. */
const PLAIN_SSM = /^\{\{resolve:ssm:/;

/**
 * W2501: a password or token written into the template, read from a plain (not SecureString) SSM
 * parameter, or taken from a template parameter without NoEcho, whose value the console and
 * DescribeStacks then show to anyone who can read the stack. Reported at the parameter, once,
 * as cfn-lint does. Messages never repeat the secret.
 */
export const passwordProperties: Rule = {
  id: "W2501",
  severity: "warning",
  shortDescription: "Passwords are neither written in the template nor shown as parameter values",
  description:
    "A password or token property holds no literal value and no plain SSM reference, and a parameter it takes " +
    "through Ref has NoEcho: true.",
  source: `${USER_GUIDE}/security-best-practices.html#creds`,
  tags: ["parameters", "passwords", "security", "dynamic reference"],
  check({ template, report }) {
    const shown = new Map<string, string>();
    for (const resource of resourcesOfType(template, ...TYPES)) {
      for (const path of SECRET_PROPERTIES[resource.type as string]) {
        const property = propertyName(path);
        for (const { properties } of propertySets(resource)) {
          for (const value of valuesAtPath(properties, path)) {
            if (value.kind === "scalar") {
              if (value.value === null || value.value === "") continue;
              const text = String(value.value);
              const advice = references(resource.type as string, path);
              if (PLAIN_SSM.test(text))
                report(
                  value,
                  `${property} of '${resource.name}' reads a plain SSM parameter, stored unencrypted; read the ` +
                    `secret with a dynamic reference ${advice} instead`,
                );
              else if (!hasDynamicReference(text))
                report(
                  value,
                  `${property} of '${resource.name}' is written in the template, where anyone who can read the ` +
                    `template or the stack reads it; use a dynamic reference ${advice}`,
                );
              continue;
            }
            const target =
              intrinsicName(value) === "Ref" && value.kind === "map" ? value.entries[0].value : undefined;
            if (!isString(target) || shown.has(target.value)) continue;
            const parameter = template.parameters.get(target.value);
            if (!parameter || isNoEcho(parameter.value)) continue;
            shown.set(target.value, `${property} of '${resource.name}'`);
          }
        }
      }
    }
    for (const [name, use] of shown) {
      const parameter = template.parameters.get(name);
      if (!parameter) continue;
      report(
        parameter.keyRange,
        `Parameter '${name}' is the ${use} but has no NoEcho: true, so the console and DescribeStacks show its ` +
          "value; set NoEcho: true, or better, read the secret with a dynamic reference",
        { path: ["Parameters", name] },
      );
    }
  },
};
