import { describe, expect, it } from "vitest";
import { brief, lint } from "../lint";

const topic = "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n";

describe("E6001 output structure", () => {
  it("flags a bad id, an unknown attribute and an unknown Export attribute", () => {
    const source = [
      `${topic}Outputs:`,
      "  Topic-Arn:",
      "    Value: !Ref Topic",
      "  TopicName:",
      "    Value: !GetAtt Topic.TopicName",
      "    Exported: true",
      "    Export:",
      "      Name: topic-name",
      "      Scope: region",
      "",
    ].join("\n");
    expect(brief(lint(source, { only: ["E6001"] }))).toEqual(["E6001 5:3", "E6001 9:5", "E6001 12:7"]);
  });

  it("accepts Value, Description, Export and Condition", () => {
    const source = [
      "Conditions:",
      "  Always: !Equals [a, a]",
      `${topic}Outputs:`,
      "  TopicArn:",
      "    Description: The topic",
      "    Condition: Always",
      "    Value: !Ref Topic",
      "    Export:",
      '      Name: !Sub "${AWS::StackName}-TopicArn"',
      "",
    ].join("\n");
    expect(lint(source, { only: ["E6001"] })).toEqual([]);
  });
});

describe("E6002 output required attributes", () => {
  it("flags an output without Value and an Export without Name", () => {
    const source = `${topic}Outputs:\n  TopicArn:\n    Description: x\n  Other:\n    Value: y\n    Export: {}\n`;
    expect(brief(lint(source, { only: ["E6002"] }))).toEqual(["E6002 5:3", "E6002 9:5"]);
  });

  it("accepts an output with Value and an Export with Name", () => {
    const source = `${topic}Outputs:\n  TopicArn:\n    Value: !Ref Topic\n    Export:\n      Name: arn\n`;
    expect(lint(source, { only: ["E6002"] })).toEqual([]);
  });
});

describe("E6003 output attribute types", () => {
  it("flags a list Description, a mapping Condition, an Export that is a string, and an output that is a string", () => {
    const source = [
      `${topic}Outputs:`,
      "  A:",
      "    Value: x",
      "    Description: [x]",
      "    Condition: {c: 1}",
      "  B:",
      "    Value: y",
      "    Export: name",
      "  C: just-a-string",
      "",
    ].join("\n");
    expect(brief(lint(source, { only: ["E6003"] }))).toEqual([
      "E6003 7:18",
      "E6003 8:16",
      "E6003 11:13",
      "E6003 12:6",
    ]);
  });

  it("accepts a numeric Description", () => {
    expect(lint(`${topic}Outputs:\n  A:\n    Value: x\n    Description: 3\n`, { only: ["E6003"] })).toEqual(
      [],
    );
  });
});

describe("E6006 duplicate export names", () => {
  it("flags the second output exporting a name, literal or Fn::Sub", () => {
    const source = [
      `${topic}Outputs:`,
      "  A:",
      "    Value: a",
      "    Export: { Name: shared }",
      "  B:",
      "    Value: b",
      "    Export: { Name: shared }",
      "  C:",
      "    Value: c",
      '    Export: { Name: !Sub "${AWS::StackName}-c" }',
      "  D:",
      "    Value: d",
      '    Export: { Name: !Sub "${AWS::StackName}-c" }',
      "",
    ].join("\n");
    const findings = lint(source, { only: ["E6006"] });
    expect(brief(findings)).toEqual(["E6006 10:21", "E6006 16:21"]);
    expect(findings[0].message).toContain("output A");
  });

  it("accepts distinct names", () => {
    const source = `${topic}Outputs:\n  A:\n    Value: a\n    Export: { Name: a }\n  B:\n    Value: b\n    Export: { Name: b }\n`;
    expect(lint(source, { only: ["E6006"] })).toEqual([]);
  });

  it("takes one name from outputs under different Conditions, and not from outputs under one", () => {
    // cfn-lint 1.51 reports nothing here. E and F may both export (Encrypt true, Region2 yes), or
    // never, as the deployer knows: left alone, as E3019 leaves resources under two Conditions.
    const source = [
      "Parameters:",
      "  Encrypt: {Type: String, AllowedValues: ['true', 'false']}",
      "  Region2: {Type: String}",
      "Conditions:",
      "  Encrypted: !Equals [!Ref Encrypt, 'true']",
      "  Plain: !Not [!Condition Encrypted]",
      "  Second: !Equals [!Ref Region2, 'yes']",
      `${topic}Outputs:`,
      "  A:",
      "    Condition: Plain",
      "    Value: a",
      "    Export: { Name: !Sub '${AWS::StackName}-bucket' }",
      "  B:",
      "    Condition: Encrypted",
      "    Value: b",
      "    Export: { Name: !Sub '${AWS::StackName}-bucket' }",
      "  E:",
      "    Condition: Encrypted",
      "    Value: e",
      "    Export: { Name: other }",
      "  F:",
      "    Condition: Second",
      "    Value: f",
      "    Export: { Name: other }",
      "  G:",
      "    Value: g",
      "    Export: { Name: !Sub '${AWS::StackName}-bucket' }",
      "  H:",
      "    Condition: Encrypted",
      "    Value: h",
      "    Export: { Name: other }",
      "",
    ].join("\n");
    const findings = lint(source, { only: ["E6006"] });
    expect(brief(findings)).toEqual(["E6006 30:21", "E6006 34:21"]);
    expect(findings.map((f) => f.message.split(";")[0])).toEqual([
      "Output G exports the same name as output A",
      "Output H exports the same name as output E",
    ]);
    // Values passed that make both Conditions true make both exports.
    const passed = lint(source, { only: ["E6006"], parameterValues: { Encrypt: "true", Region2: "yes" } });
    expect(brief(passed)).toEqual(["E6006 27:21", "E6006 30:21", "E6006 34:21"]);
  });

  it("compares a Fn::If's names branch by branch, and outputs whose Conditions one makes the other's true", () => {
    const source = [
      "Conditions:",
      "  Prod: !Equals [!Ref AWS::AccountId, '123456789012']",
      "  East: !Equals [!Ref AWS::Region, us-east-1]",
      "  ProdEast: !And [!Condition Prod, !Condition East]",
      `${topic}Outputs:`,
      "  A:",
      "    Value: a",
      "    Export: { Name: !If [Prod, shared, own] }",
      "  B:",
      "    Value: b",
      "    Export: { Name: shared }",
      "  C:",
      "    Condition: ProdEast",
      "    Value: c",
      "    Export: { Name: regional }",
      "  D:",
      "    Condition: Prod",
      "    Value: d",
      "    Export: { Name: regional }",
      "  E:",
      "    Condition: East",
      "    Value: e",
      "    Export: { Name: !If [Prod, !Ref AWS::NoValue, own] }",
      "",
    ].join("\n");
    const findings = lint(source, { only: ["E6006"] });
    const lines = source.split("\n");
    const at = (text: string) => lines.map((line) => line.includes(text)).lastIndexOf(true) + 1;
    expect(brief(findings)).toEqual([
      `E6006 ${at("Name: shared")}:21`,
      `E6006 ${at("Name: regional")}:21`,
      `E6006 ${at("NoValue, own")}:51`,
    ]);
    expect(findings.map((f) => f.message.split(";")[0])).toEqual([
      "Output B exports the same name as output A where condition Prod is true",
      "Output D exports the same name as output C",
      "Output E exports the same name as output A where condition Prod is false",
    ]);
  });
});

describe("E6101 output value", () => {
  it("flags a literal list", () => {
    expect(brief(lint(`${topic}Outputs:\n  A:\n    Value: [a, b]\n`, { only: ["E6101"] }))).toEqual([
      "E6101 6:12",
    ]);
  });

  it("accepts an intrinsic function", () => {
    expect(lint(`${topic}Outputs:\n  A:\n    Value: !Join [",", [a, b]]\n`, { only: ["E6101"] })).toEqual([]);
  });
});

describe("E6102 export name", () => {
  it("flags a literal list as Export Name", () => {
    const source = `${topic}Outputs:\n  A:\n    Value: a\n    Export:\n      Name: [a]\n`;
    expect(brief(lint(source, { only: ["E6102"] }))).toEqual(["E6102 8:13"]);
  });

  it("accepts Fn::Sub", () => {
    const source = `${topic}Outputs:\n  A:\n    Value: a\n    Export:\n      Name: !Sub "\${AWS::StackName}-a"\n`;
    expect(lint(source, { only: ["E6102"] })).toEqual([]);
  });
});

function outputs(count: number, name = (i: number) => `O${i}`): string {
  let body = `${topic}Outputs:\n`;
  for (let i = 0; i < count; i++) body += `  ${name(i)}:\n    Value: x\n`;
  return body;
}

describe("E6010 output count", () => {
  it("flags the 201st output", () => {
    // Outputs starts on line 4; the 201st output starts 2 * 200 lines after the first (line 5).
    expect(brief(lint(outputs(201), { only: ["E6010"] }))).toEqual(["E6010 405:3"]);
  });

  it("accepts 200 outputs", () => {
    expect(lint(outputs(200), { only: ["E6010"] })).toEqual([]);
  });
});

describe("E6011 output logical id length", () => {
  it("flags 256 characters and accepts 255", () => {
    expect(
      brief(
        lint(
          outputs(1, () => "O".repeat(256)),
          { only: ["E6011"] },
        ),
      ),
    ).toEqual(["E6011 5:3"]);
    expect(
      lint(
        outputs(1, () => "O".repeat(255)),
        { only: ["E6011"] },
      ),
    ).toEqual([]);
  });
});
