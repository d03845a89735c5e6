/**
 * E1050: a dynamic reference is well formed: `{{resolve:ssm:name[:version]}}`,
 * `{{resolve:ssm-secure:name[:version]}}` or
 * `{{resolve:secretsmanager:secret-id[:SecretString[:json-key[:version-stage[:version-id]]]]}}`,
 * where the parameter name or secret id may also be an ARN.
 *
 * Where this differs from cfn-lint on purpose: an SSM parameter ARN (which CloudFormation
 * requires for a parameter shared from another account) is accepted, where cfn-lint counts its
 * colons as extra parts; a parameter name is held to SSM's characters (letters, digits, `_`, `.`,
 * `-`, `/`), which cfn-lint's unanchored pattern lets pass; each reference in a string is read on
 * its own; a reference ending in a backslash, which the documentation says fails, is reported.
 * Only the places where CloudFormation resolves dynamic references are read (resource properties,
 * output values, parameter defaults and allowed values, SAM Globals), and a reference whose text
 * Fn::Sub fills in is skipped. Text with nothing after the service (`{{resolve:secretsmanager}}`, in
 * a comment of an AWS sample's UserData script) is not read as a reference: CloudFormation resolves
 * only text of the reference's form (cfn-lint#4412: `{{ resolve:ssm:name }}`, with spaces, stays
 * text). No AWS reference stored here says how it reads this form; see the closing note's gaps.
 */
import type { Rule } from "../rule";
import {
  DYNAMIC_REFERENCES_DOCS,
  type DynamicReference,
  dynamicReferences,
  resolvedHere,
} from "./dynamic-references";

const SERVICES = ["ssm", "ssm-secure", "secretsmanager"];
const PARAMETER_NAME = /^[A-Za-z0-9_.\-/]+$/;

export const dynamicReferenceSyntax: Rule = {
  id: "E1050",
  severity: "error",
  shortDescription: "Dynamic references are well formed",
  description:
    "A dynamic reference is '{{resolve:service:key}}' with service ssm, ssm-secure or secretsmanager and the key " +
    "parts that service takes: a parameter name and optional version, or a secret id, SecretString, json-key, " +
    "version-stage and version-id.",
  source: DYNAMIC_REFERENCES_DOCS,
  tags: ["functions", "dynamic reference"],
  check({ template, report }) {
    for (const reference of dynamicReferences(template)) {
      if (!resolvedHere(reference.site, template.sam)) continue;
      const problem = syntaxProblem(reference);
      if (problem)
        report(reference.range, `This dynamic reference ${problem}`, { path: reference.site.path });
    }
  },
};

function syntaxProblem({ service, parts, text }: DynamicReference): string | undefined {
  if (parts.length === 0) return undefined;
  if (!SERVICES.includes(service)) return "names an unknown service; use ssm, ssm-secure or secretsmanager";
  if (parts[0] === "") return `has no key after '${service}:'`;
  if (text.endsWith("\\")) return "ends in a backslash, which CloudFormation cannot resolve";
  return service === "secretsmanager" ? secretProblem(parts) : parameterProblem(service, parts);
}

function parameterProblem(service: string, parts: string[]): string | undefined {
  const shape = `{{resolve:${service}:name}} or {{resolve:${service}:name:version}}`;
  let name = parts[0];
  let rest = parts.slice(1);
  if (name === "arn") {
    if (parts.length < 6 || !parts[5].startsWith("parameter/")) {
      return "has an SSM parameter ARN that is not of the form arn:partition:ssm:region:account:parameter/name";
    }
    name = parts[5].slice("parameter".length);
    rest = parts.slice(6);
  }
  if (rest.length > 1) return `has too many ':'-separated parts; write ${shape}`;
  if (!PARAMETER_NAME.test(name)) {
    return "names a parameter with characters SSM does not allow (letters, digits, '_', '.', '-' and '/' only)";
  }
  if (rest.length === 1 && !/^\d+$/.test(rest[0]))
    return `has a version that is not a whole number; write ${shape}`;
  return undefined;
}

function secretProblem(parts: string[]): string | undefined {
  let rest = parts.slice(1);
  if (parts[0] === "arn") {
    if (parts.length < 7 || parts[5] !== "secret") {
      return "has a secret ARN that is not of the form arn:partition:secretsmanager:region:account:secret:name";
    }
    rest = parts.slice(7);
  }
  const shape = "{{resolve:secretsmanager:secret-id:SecretString:json-key:version-stage:version-id}}";
  if (rest.length > 4) return `has too many ':'-separated parts; write ${shape}`;
  if (rest.length > 0 && rest[0] !== "SecretString" && rest[0] !== "") {
    return `has a part other than 'SecretString' after the secret id; write ${shape}`;
  }
  return undefined;
}
