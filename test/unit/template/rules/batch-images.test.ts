/**
 * E3968: managed Batch compute environments on EC2 or Spot that take Batch's Amazon Linux 2 AMI,
 * which Batch no longer creates from 2026-06-30, judged on the clock's day.
 */
import { describe, expect, it } from "vitest";
import type { Finding } from "../../../../src/template/model";
import {
  BATCH_AL2_CREATION_BLOCKED,
  createBatchImageRule,
} from "../../../../src/template/rules/services/batch-images";
import { loadSpec } from "../../../../src/template/spec/index";
import { validateSource } from "../../../../src/template/validate-text";
import { yaml } from "../lint";

const spec = loadSpec();

function findings(source: string, day: string): Finding[] {
  const clock = () => Date.parse(`${day}T12:00:00Z`);
  return validateSource(source, "template.yaml", { spec, rules: [createBatchImageRule(clock)] });
}

/** A compute environment without extra lines: its Ec2Configuration's items start on its 10th line. */
const environment = (name: string, type: string, computeType: string, extra: string[], images: string[]) => [
  `  ${name}:`,
  "    Type: AWS::Batch::ComputeEnvironment",
  "    Properties:",
  `      Type: ${type}`,
  "      ComputeResources:",
  `        Type: ${computeType}`,
  "        MaxvCpus: 16",
  "        Subnets: [subnet-0123456789abcdef0]",
  ...extra.map((line) => `        ${line}`),
  "        Ec2Configuration:",
  ...images.map((line) => `          - ${line}`),
];

const template = yaml(
  "Parameters:",
  "  Image: { Type: String, Default: ECS_AL2, AllowedValues: [ECS_AL2, ECS_AL2023] }",
  "Resources:",
  ...environment("Plain", "MANAGED", "EC2", [], ["ImageType: ECS_AL2"]),
  ...environment("Gpu", "managed", "spot", [], ["ImageType: ECS_AL2023", "ImageType: ecs_al2_nvidia"]),
  ...environment("Chosen", "MANAGED", "EC2", [], ["ImageType: !Ref Image"]),
  ...environment("Current", "MANAGED", "EC2", [], ["ImageType: ECS_AL2023"]),
  ...environment(
    "Own",
    "MANAGED",
    "EC2",
    [],
    ["{ ImageType: ECS_AL2, ImageIdOverride: ami-0123456789abcdef0 }"],
  ),
  ...environment("Image", "MANAGED", "EC2", ["ImageId: ami-0123456789abcdef0"], ["ImageType: ECS_AL2"]),
  ...environment(
    "Launch",
    "MANAGED",
    "EC2",
    ["LaunchTemplate: { LaunchTemplateName: mine }"],
    ["ImageType: ECS_AL2"],
  ),
  ...environment("Fargate", "MANAGED", "FARGATE", [], ["ImageType: ECS_AL2"]),
  ...environment("Unmanaged", "UNMANAGED", "EC2", [], ["ImageType: ECS_AL2"]),
  "  Eks:",
  "    Type: AWS::Batch::ComputeEnvironment",
  "    Properties:",
  "      Type: MANAGED",
  "      EksConfiguration: { EksClusterArn: arn:aws:eks:us-east-1:123456789012:cluster/c, KubernetesNamespace: b }",
  "      ComputeResources:",
  "        Type: EC2",
  "        MaxvCpus: 16",
  "        Subnets: [subnet-0123456789abcdef0]",
  "        Ec2Configuration: [{ ImageType: EKS_AL2 }]",
);

describe("E3968 Batch compute environments on Batch's Amazon Linux 2 AMIs", () => {
  it("reports an ECS_AL2 or ECS_AL2_NVIDIA image type Batch provides, from the day creation is refused", () => {
    const found = findings(template, "2026-12-07");
    expect(
      found.map((f) => `${f.ruleId} ${f.severity} ${f.range.start.line}:${f.range.start.column}`),
    ).toEqual(["E3968 error 13:24", "E3968 error 24:24", "E3968 warning 34:24"]);
    expect(found[0].message).toBe(
      "Batch compute environment Plain takes the Amazon Linux 2 AMI Batch provides (ImageType ECS_AL2), and AWS " +
        "Batch no longer creates ECS compute environments on it since 2026-06-30: a new stack fails; use " +
        "ECS_AL2023, or an AMI of your own in ImageIdOverride",
    );
    expect(found[1].message).toMatch(/\(ImageType ecs_al2_nvidia\).*; use ECS_AL2023_NVIDIA, or/);
    expect(found[2].message).toMatch(
      /^Ref gives 'ECS_AL2' \(with the Default of parameter 'Image'\): Batch /,
    );
    expect(found[0].path).toEqual([
      "Resources",
      "Plain",
      "Properties",
      "ComputeResources",
      "Ec2Configuration",
      0,
      "ImageType",
    ]);
  });

  it("reads each branch of a Fn::If", () => {
    const source = yaml(
      "Conditions:",
      "  Gpu: !Equals [!Ref AWS::Region, us-east-1]",
      "Resources:",
      ...environment("Either", "MANAGED", "EC2", [], ["ImageType: !If [Gpu, ECS_AL2_NVIDIA, ECS_AL2023]"]),
    );
    expect(
      findings(source, "2026-12-07").map((f) => `${f.range.start.line}:${f.range.start.column}`),
    ).toEqual(["13:34"]);
  });

  it("reads a launch template of the template: one without ImageId leaves the AMI to Batch", () => {
    const source = yaml(
      "Parameters:",
      "  Shared: { Type: String }",
      "Resources:",
      "  Disk:",
      "    Type: AWS::EC2::LaunchTemplate",
      "    Properties:",
      "      LaunchTemplateData: { BlockDeviceMappings: [{ DeviceName: /dev/xvda, Ebs: { VolumeSize: 100 } }] }",
      "  Custom:",
      "    Type: AWS::EC2::LaunchTemplate",
      "    Properties:",
      "      LaunchTemplateData: { ImageId: ami-0123456789abcdef0 }",
      ...environment(
        "OnDisk",
        "MANAGED",
        "EC2",
        ["LaunchTemplate: { LaunchTemplateId: !Ref Disk }"],
        ["ImageType: ECS_AL2"],
      ),
      ...environment(
        "OnCustom",
        "MANAGED",
        "EC2",
        ["LaunchTemplate: { LaunchTemplateId: !Ref Custom }"],
        ["ImageType: ECS_AL2"],
      ),
      ...environment(
        "OnShared",
        "MANAGED",
        "EC2",
        ["LaunchTemplate: { LaunchTemplateId: !Ref Shared }"],
        ["ImageType: ECS_AL2"],
      ),
      ...environment(
        "Overridden",
        "MANAGED",
        "EC2",
        [
          "LaunchTemplate: { LaunchTemplateId: !Ref Disk, Overrides: [{ LaunchTemplateId: !Ref Custom, TargetInstanceTypes: [p4d.24xlarge] }] }",
        ],
        ["ImageType: ECS_AL2"],
      ),
    );
    expect(
      findings(source, "2026-12-07").map((f) => `${f.range.start.line}:${f.message.split(" takes")[0]}`),
    ).toEqual(["22:Batch compute environment OnDisk"]);
  });

  it("says nothing before the day Batch refuses creation", () => {
    const before = new Date(Date.parse(`${BATCH_AL2_CREATION_BLOCKED}T00:00:00Z`) - 1)
      .toISOString()
      .slice(0, 10);
    expect(findings(template, before)).toEqual([]);
    expect(findings(template, BATCH_AL2_CREATION_BLOCKED)).toHaveLength(3);
  });
});
