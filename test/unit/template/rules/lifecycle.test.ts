/**
 * E3710, W3696, W3697: resource types of AWS services that are shut down, being shut down, or in
 * maintenance, judged on a given day. The types and dates are those the provider schemas record
 * (IoT Analytics shut down on 2025-12-15, Fraud Detector sunsetting from 2025-11-07, launch
 * configurations in maintenance since 2024-10-01).
 */
import { describe, expect, it } from "vitest";
import type { Finding } from "../../../../src/template/model";
import { createLifecycleRules, lifecycleStage } from "../../../../src/template/rules/resources/lifecycle";
import { loadSpec } from "../../../../src/template/spec/index";
import { validateSource } from "../../../../src/template/validate-text";
import { yaml } from "../lint";

const spec = loadSpec();

function findings(source: string, day: string): Finding[] {
  const clock = () => Date.parse(`${day}T12:00:00Z`);
  return validateSource(source, "template.yaml", { spec, rules: createLifecycleRules(clock) });
}

const template = yaml(
  "Resources:",
  "  Channel:",
  "    Type: AWS::IoTAnalytics::Channel",
  "  Detector:",
  "    Type: AWS::FraudDetector::Detector",
  "    Properties: { DetectorId: d, EventType: { Name: e }, Rules: [], DetectorVersionStatus: DRAFT }",
  "  Launch:",
  "    Type: AWS::AutoScaling::LaunchConfiguration",
  "    Properties: { ImageId: ami-12345678, InstanceType: t3.micro }",
  "  Bucket:",
  "    Type: AWS::S3::Bucket",
  "  Custom:",
  "    Type: Custom::IoTAnalytics",
);

describe("E3710, W3696, W3697 service lifecycle", () => {
  it("reports a shut-down service as an error from its shutdown day, at the resource's Type", () => {
    const after = findings(template, "2025-12-15");
    expect(
      after.map((f) => `${f.ruleId} ${f.severity} ${f.range.start.line}:${f.range.start.column}`),
    ).toEqual(["E3710 error 3:11", "W3696 warning 5:11", "W3697 warning 8:11"]);
    expect(after.map((f) => f.message)).toEqual([
      "Resource type 'AWS::IoTAnalytics::Channel' is from a service that was shut down on 2025-12-15: CloudFormation can no longer create or update it; remove the resource or move to another service",
      "Resource type 'AWS::FraudDetector::Detector' is from a service that will be shut down (announced for 2025-11-07); plan to move to another service",
      "Resource type 'AWS::AutoScaling::LaunchConfiguration' is from a service in maintenance since 2024-10-01: AWS closed it to new customers, so an account that has not used it cannot create it, and it gets no new features; consider moving to another service",
    ]);
    expect(after[0].path).toEqual(["Resources", "Channel", "Type"]);
  });

  it("reports a shutdown still to come as a warning, with its date", () => {
    const before = findings(template, "2025-10-08");
    expect(before.map((f) => [f.ruleId, f.message])).toEqual([
      [
        "W3696",
        "Resource type 'AWS::IoTAnalytics::Channel' is from a service that will be shut down on 2025-12-15; plan to move to another service",
      ],
      [
        "W3696",
        "Resource type 'AWS::FraudDetector::Detector' is from a service that will be shut down on 2025-11-07; plan to move to another service",
      ],
      ["W3697", expect.stringContaining("AWS::AutoScaling::LaunchConfiguration")],
    ]);
  });

  it("leaves a service past its end of support to E3951, without the warning that it will be shut down", () => {
    const mesh = yaml("Resources:", "  Mesh:", "    Type: AWS::AppMesh::Mesh");
    expect(findings(mesh, "2026-09-30").map((f) => f.message)).toEqual([
      "Resource type 'AWS::AppMesh::Mesh' is from a service that will be shut down (announced for 2026-09-30); plan to move to another service",
    ]);
    expect(findings(mesh, "2026-10-01")).toEqual([]);
  });

  it("orders the stages by day", () => {
    expect(lifecycleStage({ s: "shutdown", d: "2025-12-15" }, "2025-12-14")).toBe("sunset");
    expect(lifecycleStage({ s: "shutdown", d: "2025-12-15" }, "2025-12-15")).toBe("shutdown");
    expect(lifecycleStage({ s: "shutdown" }, "2000-01-01")).toBe("shutdown");
    expect(lifecycleStage({ s: "maintenance", d: "2030-01-01" }, "2025-01-01")).toBe("maintenance");
  });
});
