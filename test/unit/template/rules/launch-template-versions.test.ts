/**
 * E3969: `$Latest` and `$Default` as the launch template Version of a Spot Fleet or an Auto Scaling
 * group, which CloudFormation refuses.
 */
import { describe, expect, it } from "vitest";
import { launchTemplateVersionWord } from "../../../../src/template/rules/services/launch-template-versions";
import { loadSpec } from "../../../../src/template/spec/index";
import { validateSource } from "../../../../src/template/validate-text";
import { yaml } from "../lint";

const spec = loadSpec();

function found(source: string): string[] {
  return validateSource(source, "template.yaml", { spec, rules: [launchTemplateVersionWord] }).map(
    (f) => `${f.severity} ${f.range.start.line}:${f.range.start.column} ${f.message}`,
  );
}

const template = yaml(
  "Parameters:",
  "  Version: { Type: String, Default: $Default }",
  "Conditions:",
  "  Pinned: !Equals [!Ref AWS::Region, us-east-1]",
  "Resources:",
  "  Template:",
  "    Type: AWS::EC2::LaunchTemplate",
  "    Properties:",
  "      LaunchTemplateData: { InstanceType: t3.micro }",
  "  Fleet:",
  "    Type: AWS::EC2::SpotFleet",
  "    Properties:",
  "      SpotFleetRequestConfigData:",
  "        IamFleetRole: arn:aws:iam::123456789012:role/fleet",
  "        TargetCapacity: 1",
  "        LaunchTemplateConfigs:",
  "          - LaunchTemplateSpecification: { LaunchTemplateId: !Ref Template, Version: '1' }",
  "          - LaunchTemplateSpecification: { LaunchTemplateId: !Ref Template, Version: $Latest }",
  "  Group:",
  "    Type: AWS::AutoScaling::AutoScalingGroup",
  "    Properties:",
  "      MinSize: '0'",
  "      MaxSize: '1'",
  "      LaunchTemplate:",
  "        LaunchTemplateId: !Ref Template",
  "        Version: !If [Pinned, !GetAtt Template.LatestVersionNumber, $Default]",
  "  Mixed:",
  "    Type: AWS::AutoScaling::AutoScalingGroup",
  "    Properties:",
  "      MinSize: '0'",
  "      MaxSize: '1'",
  "      MixedInstancesPolicy:",
  "        LaunchTemplate:",
  "          LaunchTemplateSpecification: { LaunchTemplateId: !Ref Template, Version: !Ref Version }",
  "          Overrides:",
  "            - InstanceType: t3.small",
  "              LaunchTemplateSpecification: { LaunchTemplateId: !Ref Template, Version: '$Latest' }",
  "  Fleet2:",
  "    Type: AWS::EC2::EC2Fleet",
  "    Properties:",
  "      TargetCapacitySpecification: { TotalTargetCapacity: 1 }",
  "      LaunchTemplateConfigs:",
  "        - LaunchTemplateSpecification: { LaunchTemplateId: !Ref Template, Version: $Latest }",
);

describe("E3969 launch template versions CloudFormation refuses", () => {
  it("reports $Latest and $Default in a Spot Fleet's and an Auto Scaling group's launch templates", () => {
    expect(found(template)).toEqual([
      "error 18:86 CloudFormation does not take $Latest for the launch template Version of Spot Fleet 'Fleet', only a " +
        "version number: use !GetAtt <LaunchTemplate>.LatestVersionNumber for a template of this stack, or the number",
      "error 26:69 CloudFormation does not take $Default for the launch template Version of Auto Scaling group " +
        "'Group', only a version number: use !GetAtt <LaunchTemplate>.DefaultVersionNumber for a template of this " +
        "stack, or the number",
      "warning 34:84 Ref gives '$Default' (with the Default of parameter 'Version'): CloudFormation does not take " +
        "$Default for the launch template Version of Auto Scaling group 'Mixed', only a version number: use !GetAtt " +
        "<LaunchTemplate>.DefaultVersionNumber for a template of this stack, or the number",
      "error 37:88 CloudFormation does not take $Latest for the launch template Version of Auto Scaling group " +
        "'Mixed', only a version number: use !GetAtt <LaunchTemplate>.LatestVersionNumber for a template of this " +
        "stack, or the number",
    ]);
  });
});
