/**
 * Where secretsmanager dynamic references may go: E1051 here, and W1051 (a property that takes the
 * secret's ARN) below.
 *
 * E1051: a `{{resolve:secretsmanager:...}}` reference is used only in resource properties.
 * CloudFormation does not resolve secrets in resource Metadata or Outputs, where the value would
 * show in the console.
 *
 * cfn-lint also allows a parameter's Default; this rule reads only resources and outputs, since
 * a value in Mappings, Parameters or SAM Globals may still end up in a resource property.
 */
import type { Rule } from "../rule";
import { DYNAMIC_REFERENCES_DOCS, dynamicReferences } from "./dynamic-references";
import { splitResourcePath } from "./strings";

export const dynamicReferenceSecrets: Rule = {
  id: "E1051",
  severity: "error",
  shortDescription: "Secrets Manager dynamic references only in resource properties",
  description:
    "A '{{resolve:secretsmanager:...}}' dynamic reference can be used only in resource properties, not in " +
    "resource Metadata, Outputs or elsewhere in the template.",
  source: `${DYNAMIC_REFERENCES_DOCS}#dynamic-references-secretsmanager`,
  tags: ["functions", "dynamic reference"],
  check({ template, report }) {
    for (const reference of dynamicReferences(template)) {
      if (reference.service !== "secretsmanager") continue;
      const path = reference.site.path;
      const where = path[0] === "Resources" ? splitResourcePath(path)?.inside[0] : path[0];
      // Outside resources and outputs (Mappings, say) the value may still reach a property.
      if (
        where === "Properties" ||
        where === undefined ||
        (path[0] !== "Resources" && path[0] !== "Outputs")
      ) {
        continue;
      }
      report(
        reference.range,
        "A secretsmanager dynamic reference can be used only in resource properties; CloudFormation does not " +
          "resolve secrets here. Move it into the property that needs the secret",
        { path: reference.site.path },
      );
    }
  },
};

/** Properties that take a secret's ARN (or id), not its value (cfn-lint's list). */
const SECRET_ID_KEYS = new Set([
  "SecretArn",
  "SecretARN",
  "SecretsManagerSecretId",
  "SecretsManagerOracleAsmSecretId",
  "SecretsManagerSecurityDbEncryptionSecretId",
  "SecretsManagerConfiguration",
]);

/**
 * W1051, as in cfn-lint: a secretsmanager dynamic reference in a property that takes the secret's
 * ARN (an RDS proxy's Auth SecretArn, a DMS endpoint's SecretsManagerSecretId, ...). The reference
 * resolves to the secret's value, so the property gets the secret itself: the resource fails or
 * misbehaves, and the secret is written where the ARN belonged. Inside Fn::Sub only a string that
 * is the reference alone counts, as in cfn-lint.
 */
export const dynamicReferenceSecretArn: Rule = {
  id: "W1051",
  severity: "warning",
  shortDescription: "Properties that take a secret's ARN are not given the secret",
  description:
    "A '{{resolve:secretsmanager:...}}' reference gives the secret's value; properties such as SecretArn or " +
    "SecretsManagerSecretId take the secret's ARN.",
  source: `${DYNAMIC_REFERENCES_DOCS}#dynamic-references-secretsmanager`,
  tags: ["functions", "dynamic reference"],
  check({ template, report }) {
    for (const reference of dynamicReferences(template)) {
      if (reference.service !== "secretsmanager") continue;
      const { path, functions, node } = reference.site;
      if (path[0] !== "Resources" || splitResourcePath(path)?.inside[0] !== "Properties") continue;
      const key = path.find((part): part is string => typeof part === "string" && SECRET_ID_KEYS.has(part));
      if (!key) continue;
      if (functions.includes("Fn::Sub") && !/^"?\{\{resolve:secretsmanager:.*\}\}"?$/s.test(node.value))
        continue;
      report(
        reference.range,
        `This dynamic reference gives the secret's value, and ${key} takes the secret's ARN: the property would ` +
          "get the secret itself; give the ARN instead (!Ref of an AWS::SecretsManager::Secret gives it)",
        { path },
      );
    }
  },
};
