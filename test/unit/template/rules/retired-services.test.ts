/**
 * E3951: resources of AWS services past their end of support; W3951: IoT topic rule actions that
 * send to one. Judged on the clock's day.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Finding } from "../../../../src/template/model";
import {
  createRetiredRuleActionRule,
  createRetiredServiceRule,
  RETIRED_SERVICES,
} from "../../../../src/template/rules/services/retired-services";
import { loadSpec } from "../../../../src/template/spec/index";
import { validateSource } from "../../../../src/template/validate-text";
import { located, yaml } from "../lint";

const spec = loadSpec();

function findings(source: string, day: string): Finding[] {
  const clock = () => Date.parse(`${day}T12:00:00Z`);
  return validateSource(source, "template.yaml", {
    spec,
    rules: [createRetiredServiceRule(clock), createRetiredRuleActionRule(clock)],
  });
}

const template = yaml(
  "Resources:",
  "  Ledger:",
  "    Type: AWS::QLDB::Ledger",
  "    Properties: { PermissionsMode: STANDARD }",
  "  Channel:",
  "    Type: AWS::IoTAnalytics::Channel",
  "  Detector:",
  "    Type: AWS::IoTEvents::Input",
  "    Properties:",
  "      InputDefinition: { Attributes: [{ JsonPath: temperature }] }",
  "  Table:",
  "    Type: AWS::DynamoDB::Table",
  "    Properties:",
  "      BillingMode: PAY_PER_REQUEST",
  "      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]",
  "      KeySchema: [{ AttributeName: id, KeyType: HASH }]",
  "  Rule:",
  "    Type: AWS::IoT::TopicRule",
  "    Properties:",
  "      TopicRulePayload:",
  "        Sql: SELECT * FROM 'sensors/#'",
  "        Actions:",
  "          - IotAnalytics: { ChannelName: telemetry, RoleArn: arn:aws:iam::123456789012:role/iot }",
  "          - DynamoDBv2: { PutItem: { TableName: !Ref Table }, RoleArn: arn:aws:iam::123456789012:role/iot }",
  "        ErrorAction:",
  "          IotEvents: { InputName: errors, RoleArn: arn:aws:iam::123456789012:role/iot }",
);

describe("E3951 and W3951 retired AWS services", () => {
  it("reports each resource and rule action of a service whose support ended before the day", () => {
    const found = findings(template, "2026-12-07");
    expect(located(found)).toEqual([
      "E3951 3 AWS::QLDB::Ledger is a resource of Amazon QLDB, whose support ended on 2025-07-31: its API is gone, " +
        "so the stack cannot create it; remove the resource or move to the replacement its end-of-support notice " +
        "names (https://docs.aws.amazon.com/qldb/latest/developerguide/document-history.html)",
      expect.stringMatching(
        /^E3951 6 AWS::IoTAnalytics::Channel is a resource of AWS IoT Analytics, whose support ended on 2025-12-15:/,
      ),
      expect.stringMatching(
        /^E3951 8 AWS::IoTEvents::Input is a resource of AWS IoT Events, whose support ended on 2026-05-20:/,
      ),
      "W3951 23 Topic rule Rule sends to AWS IoT Analytics (IotAnalytics), whose support ended on 2025-12-15: the " +
        "action fails on every message; send the messages elsewhere " +
        "(https://docs.aws.amazon.com/iotanalytics/latest/userguide/iotanalytics-end-of-support.html)",
      expect.stringMatching(
        /^W3951 26 Topic rule Rule sends to AWS IoT Events \(IotEvents\), whose support ended on 2026-05-20:/,
      ),
    ]);
    expect(found.map((f) => f.severity)).toEqual(["error", "error", "error", "warning", "warning"]);
  });

  it("leaves a service alone up to its last day of support", () => {
    expect(located(findings(template, "2026-05-20")).map((f) => f.split(" ").slice(0, 2).join(" "))).toEqual([
      "E3951 3",
      "E3951 6",
      "W3951 23",
    ]);
    expect(findings(template, "2025-07-31")).toEqual([]);
  });

  it("judges the six services round 46 added by their own type prefix, not their successors'", () => {
    const later = yaml(
      "Resources:",
      "  Mesh:",
      "    Type: AWS::AppMesh::Mesh",
      "  Core:",
      "    Type: AWS::Greengrass::CoreDefinition",
      "    Properties: { Name: core }",
      "  Component:",
      "    Type: AWS::GreengrassV2::ComponentVersion",
      "  Target:",
      "    Type: AWS::Inspector::AssessmentTarget",
      "  Filter:",
      "    Type: AWS::InspectorV2::Filter",
      "    Properties: { Name: f, FilterAction: NONE, FilterCriteria: {} }",
      "  Container:",
      "    Type: AWS::MediaStore::Container",
      "    Properties: { ContainerName: media }",
      "  Simulation:",
      "    Type: AWS::SimSpaceWeaver::Simulation",
      "    Properties: { Name: sim, RoleArn: arn:aws:iam::123456789012:role/sim }",
      "  Template:",
      "    Type: AWS::Proton::EnvironmentTemplate",
    );
    const lines = (day: string) =>
      located(findings(later, day)).map((f) => f.split(" ").slice(0, 2).join(" "));
    expect(lines("2026-12-07")).toEqual([
      "E3951 3",
      "E3951 5",
      "E3951 10",
      "E3951 15",
      "E3951 18",
      "E3951 21",
    ]);
    // App Mesh's last day is 2026-09-30, Proton's and Greengrass V1's 2026-10-07.
    expect(lines("2026-10-01")).toEqual(["E3951 3", "E3951 10", "E3951 15", "E3951 18"]);
    expect(lines("2025-11-13")).toEqual([]);
  });

  it("keeps a real day per service, and names each by a service the type index has", () => {
    for (const [prefix, retired] of Object.entries(RETIRED_SERVICES)) {
      expect(new Date(`${retired.until}T00:00:00Z`).toISOString().slice(0, 10)).toBe(retired.until);
      expect(existsSync(join(__dirname, `../../../../src/template/spec/data/AWS-${prefix}.json`))).toBe(true);
    }
  });
});
