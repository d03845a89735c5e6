/** E3055 CreationPolicy and E3016 UpdatePolicy: the keys each type takes and their value types. */
import { describe, expect, it } from "vitest";
import { brief, lint, yaml } from "../lint";

describe("E3016 and E3055 creation and update policies", () => {
  it("flags unknown keys, wrong value types, unknown process names and a missing CodeDeploy name", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Alias:",
        "    Type: AWS::Lambda::Alias",
        "    Properties:",
        "      FunctionName: fn",
        '      FunctionVersion: "1"',
        "      Name: live",
        "    UpdatePolicy:",
        "      CodeDeployLambdaAliasUpdate:",
        "        ApplicationName: app",
        "        BeforeAllowTraficHook: hook",
        "  Group:",
        "    Type: AWS::AutoScaling::AutoScalingGroup",
        "    Properties:",
        '      MinSize: "1"',
        '      MaxSize: "2"',
        "      LaunchConfigurationName: lc",
        "    CreationPolicy:",
        "      ResourceSignal:",
        "        Count: two",
        "        Timeout: PT15M",
        "    UpdatePolicy:",
        "      AutoScalingRollingUpdate:",
        "        MaxBatchSize: 1.5",
        "        WaitOnResourceSignals: 'maybe'",
        "        SuspendProcesses: [Launch, Reboot]",
      ),
      { only: ["E3016", "E3055"] },
    );
    expect(brief(findings)).toEqual([
      "E3016 10:9",
      "E3016 11:9",
      "E3055 20:16",
      "E3016 24:23",
      "E3016 25:32",
      "E3016 26:36",
    ]);
    expect(findings.map((finding) => finding.message)).toEqual([
      "UpdatePolicy.CodeDeployLambdaAliasUpdate needs DeploymentGroupName",
      "UpdatePolicy.CodeDeployLambdaAliasUpdate has no key 'BeforeAllowTraficHook' (did you mean " +
        "'BeforeAllowTrafficHook'?) (it takes AfterAllowTrafficHook, ApplicationName, BeforeAllowTrafficHook, " +
        "DeploymentGroupName)",
      "CreationPolicy.ResourceSignal.Count must be an integer",
      "UpdatePolicy.AutoScalingRollingUpdate.MaxBatchSize must be an integer",
      "UpdatePolicy.AutoScalingRollingUpdate.WaitOnResourceSignals must be true or false",
      "UpdatePolicy.AutoScalingRollingUpdate.SuspendProcesses[1] must be one of Launch, Terminate, " +
        "AddToLoadBalancer, AlarmNotification, AZRebalance, HealthCheck, InstanceRefresh, ReplaceUnhealthy, " +
        "ScheduledActions",
    ]);
  });

  it("checks an instance's ResourceSignal, skips intrinsics, and warns of an UpdatePolicy where none applies", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Instances:",
        "    Type: Number",
        "Resources:",
        "  Host:",
        "    Type: AWS::EC2::Instance",
        "    Properties:",
        "      ImageId: ami-12345678",
        "    CreationPolicy:",
        "      ResourceSignal:",
        "        Count: !Ref Instances",
        "        Timout: PT5M",
        "  Bucket:",
        "    Type: AWS::S3::Bucket",
        "    CreationPolicy:",
        "      Anything: at all",
        "    UpdatePolicy:",
        "      AutoScalingReplacingUpdate:",
        "        WillReplace: true",
        "  Wait:",
        "    Type: AWS::CloudFormation::WaitCondition",
        "    CreationPolicy:",
        "      ResourceSignal:",
        "        Count: '2'",
        "        Timeout: PT10M",
      ),
      { only: ["E3016", "E3055"] },
    );
    expect(brief(findings)).toEqual(["E3055 12:9", "E3016 17:5"]);
    expect(findings[0].message).toContain("has no key 'Timout' (did you mean 'Timeout'?)");
    expect(findings[1].severity).toBe("warning");
    expect(findings[1].message).toMatch(
      /^UpdatePolicy has no effect on AWS::S3::Bucket: it applies to AWS::AppStream::Fleet, /,
    );
  });
});
