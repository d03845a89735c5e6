/**
 * W3958: EKS clusters on a Kubernetes version past EKS's end of extended support, judged on the
 * clock's day.
 */
import { describe, expect, it } from "vitest";
import type { Finding } from "../../../../src/template/model";
import {
  createEksVersionRule,
  EKS_EXTENDED_SUPPORT_END,
} from "../../../../src/template/rules/services/eks-version";
import { loadSpec } from "../../../../src/template/spec/index";
import { validateSource } from "../../../../src/template/validate-text";
import { yaml } from "../lint";

const spec = loadSpec();

function findings(source: string, day: string): Finding[] {
  const clock = () => Date.parse(`${day}T12:00:00Z`);
  return validateSource(source, "template.yaml", { spec, rules: [createEksVersionRule(clock)] });
}

const cluster = (name: string, version: string) => [
  `  ${name}:`,
  "    Type: AWS::EKS::Cluster",
  "    Properties:",
  "      RoleArn: arn:aws:iam::123456789012:role/eks",
  "      ResourcesVpcConfig: { SubnetIds: [subnet-0123456789abcdef0] }",
  `      Version: ${version}`,
];

const template = yaml(
  "Parameters:",
  "  Kubernetes: { Type: String, Default: '1.31', AllowedValues: ['1.31', '1.34'] }",
  "Resources:",
  ...cluster("Old", "1.14"),
  ...cluster("Quoted", "'1.30'"),
  ...cluster("Current", "'1.34'"),
  ...cluster("Flattened", "1.30"),
  ...cluster("Chosen", "!Ref Kubernetes"),
);

describe("W3958 EKS versions past extended support", () => {
  it("warns of versions whose extended support ended before the day, and of a YAML 1.30 read as 1.3", () => {
    const found = findings(template, "2026-12-07");
    expect(found.map((f) => `${f.ruleId} ${f.range.start.line}:${f.range.start.column}`)).toEqual([
      "W3958 9:16",
      "W3958 15:16",
      "W3958 27:16",
      "W3958 33:16",
    ]);
    expect(found[2].message).toBe(
      "The Version of EKS cluster Flattened is the YAML number 1.3 (an unquoted 1.30 loses its trailing zero), and " +
        "EKS has no Kubernetes 1.3; quote the version, as '1.30'",
    );
    expect(found[0].message).toBe(
      "Kubernetes 1.14 of EKS cluster Old reached the end of EKS's extended support before 2026-03-23: EKS no longer " +
        "offers it and upgrades clusters on it, and creating one may be refused; choose a version EKS supports",
    );
    expect(found[1].message).toMatch(
      /^Kubernetes 1\.30 of EKS cluster Quoted reached .* support on 2026-07-23:/,
    );
    expect(found[3].message).toMatch(
      /^Ref gives '1\.31' \(with the Default of parameter 'Kubernetes'\): Kubernetes 1\.31/,
    );
    expect(found.every((f) => f.severity === "warning")).toBe(true);
  });

  it("leaves a version up to its last day of extended support", () => {
    const day = EKS_EXTENDED_SUPPORT_END["1.30"];
    expect(findings(template, day).map((f) => f.range.start.line)).toEqual([9, 27]);
  });
});
