import { describe, expect, it } from "vitest";
import { brief, lint, yaml } from "../lint";

const topic = "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n";

describe("E7001 mapping structure", () => {
  it("flags bad names, keys and attribute names, empty levels and non-literal values", () => {
    const source = [
      "Mappings:",
      "  Region-Map:",
      "    us-east-1: { Ami: ami-1 }",
      "  Sizes:",
      "    small_box:",
      "      Cpu-Count: 1",
      "      Tags: { a: b }",
      "      Nulls: [a, null]",
      "    large: x",
      "  Empty: {}",
      topic,
    ].join("\n");
    expect(brief(lint(source, { only: ["E7001"] }))).toEqual([
      "E7001 2:3",
      "E7001 5:5",
      "E7001 6:7",
      "E7001 7:13",
      "E7001 8:14",
      "E7001 9:12",
      "E7001 10:10",
    ]);
  });

  it("accepts region keys, dotted keys and string, number and list values, lists of mappings too", () => {
    const source = [
      "Mappings:",
      "  RegionMap:",
      "    us-east-1: { Ami: ami-1, Count: 2, Zones: [a, b] }",
      "    t3.micro: { Cpu: 2 }",
      "  Ownership:",
      "    Rules:",
      "      Bucket:",
      "        - ObjectOwnership: BucketOwnerPreferred",
      topic,
    ].join("\n");
    expect(lint(source, { only: ["E7001"] })).toEqual([]);
  });
});

describe("W7001 unused mappings", () => {
  it("flags a mapping no Fn::FindInMap reads", () => {
    const source = `Mappings:\n  RegionMap:\n    us-east-1: { Ami: ami-1 }\n${topic}`;
    const findings = lint(source, { only: ["W7001"] });
    expect(brief(findings)).toEqual(["W7001 2:3"]);
    expect(findings[0].severity).toBe("warning");
  });

  it("accepts a mapping read by Fn::FindInMap", () => {
    const source = [
      "Mappings:",
      "  Names:",
      "    us-east-1: { Topic: t }",
      `${topic}    Properties:`,
      "      TopicName: !FindInMap [Names, !Ref AWS::Region, Topic]",
      "",
    ].join("\n");
    expect(lint(source, { only: ["W7001"] })).toEqual([]);
  });

  it("counts every mapping a computed name may pick: a parameter's AllowedValues, or any when unbounded", () => {
    const template = (parameter: string[], name: string) =>
      yaml(
        "Transform: AWS::LanguageExtensions",
        "Parameters:",
        "  Environment:",
        "    Type: String",
        ...parameter,
        "Mappings:",
        "  dev: {Web: {Size: t3.micro}}",
        "  qa: {Web: {Size: t3.small}}",
        "  prod: {Web: {Size: t3.large}}",
        "  Spare: {Web: {Size: t3.large}}",
        "Resources:",
        "  Fn::ForEach::Queues:",
        "    - Tier",
        "    - [Web]",
        "    - ${Tier}Queue:",
        "        Type: AWS::SQS::Queue",
        "        Properties:",
        `          QueueName: !FindInMap [${name}, !Ref Tier, Size]`,
      );
    // A rain test template's form: Environment is one of dev, qa and prod, each a mapping.
    const bounded = lint(
      template(["    Default: dev", "    AllowedValues: [dev, qa, prod]"], "!Ref Environment"),
      {
        only: ["W7001"],
      },
    );
    expect(bounded.map((f) => f.message)).toEqual([
      "Mapping Spare is never used: no Fn::FindInMap reads it. Remove it or use it",
    ]);
    // Without AllowedValues, or named by a loop's identifier, the name may be any mapping's.
    expect(lint(template(["    Default: dev"], "!Ref Environment"), { only: ["W7001"] })).toEqual([]);
    expect(lint(template(["    Default: dev"], "!Ref Tier"), { only: ["W7001"] })).toEqual([]);
  });
});

function mappings(count: number, attributes = 1): string {
  let body = "Mappings:\n";
  for (let i = 0; i < count; i++) {
    body += `  M${i}:\n    Key:\n`;
    for (let a = 0; a < attributes; a++) body += `      A${a}: x\n`;
  }
  return body + topic;
}

describe("E7010 mapping limits", () => {
  it("flags the 201st mapping", () => {
    // Each mapping with one attribute takes three lines after "Mappings:".
    expect(brief(lint(mappings(201), { only: ["E7010"] }))).toEqual(["E7010 602:3"]);
  });

  it("flags the 201st attribute of a key", () => {
    // Attributes start on line 4, so the 201st is on line 204.
    const found = lint(mappings(1, 201), { only: ["E7010"] });
    expect(brief(found)).toEqual(["E7010 204:7"]);
    expect(found[0].message).toContain("has 201 entries;");
  });

  it("accepts 200 mappings and 200 attributes", () => {
    expect(lint(mappings(200), { only: ["E7010"] })).toEqual([]);
    expect(lint(mappings(1, 200), { only: ["E7010"] })).toEqual([]);
  });
});

describe("E7002 mapping name length", () => {
  const mapping = (name: string, attribute: string) =>
    `Mappings:\n  ${name}:\n    Key:\n      ${attribute}: x\n${topic}`;

  it("flags a 256-character mapping name and attribute name", () => {
    expect(brief(lint(mapping("M".repeat(256), "A".repeat(256)), { only: ["E7002"] }))).toEqual([
      "E7002 2:3",
      "E7002 4:7",
    ]);
  });

  it("accepts 255 characters", () => {
    expect(lint(mapping("M".repeat(255), "A".repeat(255)), { only: ["E7002"] })).toEqual([]);
  });
});
