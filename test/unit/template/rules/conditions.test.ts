import { describe, expect, it } from "vitest";
import { brief, lint } from "../lint";

const topic = "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n";

describe("E8001 condition structure", () => {
  it("flags a value that is no condition function", () => {
    const source = ["Conditions:", "  Plain: true", "  Joined: !Join [a, [b]]", topic].join("\n");
    expect(brief(lint(source, { only: ["E8001"] }))).toEqual(["E8001 2:10", "E8001 3:11"]);
  });

  it("accepts every condition function, and names of any characters, which CloudFormation deploys", () => {
    // A hyphen (an AWS workshop's template, and marklogic/cloud-enablement-aws#275), snake case
    // (aws-cdk#30669) and '%' (cfn-lint#1569), where cfn-lint allows letters, digits, '&' and '_'.
    const source = [
      "Conditions:",
      "  Oracle-Source: !Equals [a, b]",
      "  Cond%: !Not [!Condition Oracle-Source]",
      "  A_and_B: !Equals [a, b]",
      "  Both&: !And [!Condition A_and_B, !Condition Neg]",
      "  Neg: !Not [!Condition A_and_B]",
      "  Either:",
      "    Fn::Or: [{ Condition: Neg }, { Fn::Equals: [x, y] }]",
      "  Alias: { Condition: Neg }",
      topic,
    ].join("\n");
    expect(lint(source, { only: ["E8001"] })).toEqual([]);
  });
});

describe("E8002 undefined conditions", () => {
  it("flags undefined conditions on a resource, an output, in Fn::If and in another condition", () => {
    const source = [
      "Conditions:",
      "  IsProd: !Equals [a, b]",
      "  NotProd: !Not [!Condition IsProdd]",
      "Resources:",
      "  Topic:",
      "    Type: AWS::SNS::Topic",
      "    Condition: Missing",
      "    Properties:",
      "      TopicName: !If [Nope, a, b]",
      "Outputs:",
      "  Arn:",
      "    Condition: Gone",
      "    Value: !Ref Topic",
      "",
    ].join("\n");
    const findings = lint(source, { only: ["E8002"] });
    expect(brief(findings)).toEqual(["E8002 3:29", "E8002 7:16", "E8002 9:23", "E8002 12:16"]);
    expect(findings[0].message).toContain("(did you mean 'IsProd'?)");
    expect(findings[1].message).toContain("defined: IsProd, NotProd");
  });

  it("accepts defined conditions and leaves a policy's own Condition key alone", () => {
    const source = [
      "Conditions:",
      "  IsProd: !Equals [a, b]",
      "Resources:",
      "  Topic:",
      "    Type: AWS::SNS::Topic",
      "    Condition: IsProd",
      "    Properties:",
      "      TopicName: !If [IsProd, a, !Ref AWS::NoValue]",
      "      Extra: { Condition: not-a-template-condition }",
      "",
    ].join("\n");
    expect(lint(source, { only: ["E8002"] })).toEqual([]);
  });
});

describe("an empty Condition attribute", () => {
  // An AWS guidance's main template, deployed as its README says, gives `"Condition": ""` to
  // resources and outputs it always makes: CloudFormation reads the empty text as no condition.
  const source = [
    "Resources:",
    "  Topic:",
    "    Type: AWS::SNS::Topic",
    "    Condition: ''",
    "    Properties:",
    "      TopicName: fixed-topic-name",
    "  Queue:",
    "    Type: AWS::SQS::Queue",
    "    Properties:",
    "      QueueName: !GetAtt Topic.TopicName",
    "Outputs:",
    "  Arn:",
    "    Condition: ''",
    "    Value: !Ref Topic",
    "    Export:",
    "      Name: fixed-export-name",
    "",
  ].join("\n");

  it("names no condition: no undefined condition, no conditional reference", () => {
    expect(brief(lint(source, { only: ["E8002", "W1001"] }))).toEqual([]);
  });

  it("leaves the resource and output always made, so their fixed names are judged", () => {
    expect(brief(lint(source, { only: ["W3939"] }))).toEqual(["W3939 6:18", "W3939 16:13"]);
  });

  it("is still an undefined condition where the text is not empty", () => {
    const named = source.replaceAll("Condition: ''", "Condition: ' '");
    expect(brief(lint(named, { only: ["E8002"] }))).toEqual(["E8002 4:16", "E8002 13:16"]);
  });
});

describe("E8003 Fn::Equals", () => {
  it("flags one value, three values and a literal list value", () => {
    const source = [
      "Conditions:",
      "  One: !Equals [a]",
      "  Three: !Equals [a, b, c]",
      "  Listed: !Equals [[a], b]",
      topic,
    ].join("\n");
    expect(brief(lint(source, { only: ["E8003"] }))).toEqual(["E8003 2:16", "E8003 3:18", "E8003 4:20"]);
  });

  it("accepts two values, intrinsics included", () => {
    const source = `Conditions:\n  IsUs: !Equals [!Select [0, !Split ['-', !Ref AWS::Region]], us]\n${topic}`;
    expect(lint(source, { only: ["E8003"] })).toEqual([]);
  });
});

describe("strings where Fn::Equals needs them", () => {
  const source = [
    "Parameters:",
    "  Names:",
    "    Type: CommaDelimitedList",
    "  Subnets:",
    "    Type: List<AWS::EC2::Subnet::Id>",
    "  Stored:",
    "    Type: AWS::SSM::Parameter::Value<List<String>>",
    "  Env:",
    "    Type: String",
    "Conditions:",
    "  A: !Equals [!Ref Names, x]",
    "  B: !Equals [x, !Ref Subnets]",
    "  C: !Equals [!Ref Stored, x]",
    "  D: !Equals [!ImportValue shared-env, prod]",
    "  E: !Equals [!Select [0, !Ref Names], !Ref Env]",
    "  F: !Equals [!Join ['', !Ref Subnets], !Ref AWS::NotificationARNs]",
    topic,
  ].join("\n");

  it("flags a Ref to a list parameter (E1020) and an Fn::ImportValue (E8003)", () => {
    const findings = lint(source, { only: ["E1020", "E8003"] });
    expect(
      findings.map((f) => `${f.ruleId} ${f.range.start.line}:${f.range.start.column} ${f.message}`),
    ).toEqual([
      "E1020 11:15 Fn::Equals in condition A compares strings, but parameter Names is a list (CommaDelimitedList); compare one item with Fn::Select or the whole list with Fn::Join",
      "E1020 12:18 Fn::Equals in condition B compares strings, but parameter Subnets is a list (List<AWS::EC2::Subnet::Id>); compare one item with Fn::Select or the whole list with Fn::Join",
      "E1020 13:15 Fn::Equals in condition C compares strings, but parameter Stored is a list (AWS::SSM::Parameter::Value<List<String>>); compare one item with Fn::Select or the whole list with Fn::Join",
      "E8003 14:15 Fn::Equals in condition D cannot compare an Fn::ImportValue: conditions cannot use it; pass the value in as a parameter",
    ]);
  });
});

const refs = (count: number) => `[${Array.from({ length: count }, () => "!Condition C").join(", ")}]`;

describe("E8004 Fn::And", () => {
  it("flags one condition, eleven conditions and an argument that is not a condition", () => {
    const source = [
      "Conditions:",
      "  C: !Equals [a, b]",
      "  One: !And [!Condition C]",
      `  Eleven: !And ${refs(11)}`,
      "  Bad: !And [!Condition C, x]",
      topic,
    ].join("\n");
    expect(brief(lint(source, { only: ["E8004"] }))).toEqual(["E8004 3:13", "E8004 4:16", "E8004 5:28"]);
  });

  it("accepts 2 and 10 conditions", () => {
    const source = `Conditions:\n  C: !Equals [a, b]\n  Two: !And ${refs(2)}\n  Ten: !And ${refs(10)}\n${topic}`;
    expect(lint(source, { only: ["E8004"] })).toEqual([]);
  });
});

describe("E8006 Fn::Or", () => {
  it("flags one condition and a non-list argument", () => {
    const source = [
      "Conditions:",
      "  C: !Equals [a, b]",
      "  One: !Or [!Condition C]",
      "  Scalar: !Or C",
      topic,
    ].join("\n");
    expect(brief(lint(source, { only: ["E8006"] }))).toEqual(["E8006 3:12", "E8006 4:15"]);
  });

  it("accepts nested condition functions", () => {
    const source = `Conditions:\n  C: !Equals [a, b]\n  Any: !Or [!Condition C, !Equals [x, y], !Not [!Condition C]]\n${topic}`;
    expect(lint(source, { only: ["E8006"] })).toEqual([]);
  });
});

describe("E8005 Fn::Not", () => {
  it("flags two conditions and a condition not wrapped in a list", () => {
    const source = [
      "Conditions:",
      "  C: !Equals [a, b]",
      "  Two: !Not [!Condition C, !Condition C]",
      "  Bare: !Not { Condition: C }",
      topic,
    ].join("\n");
    expect(brief(lint(source, { only: ["E8005"] }))).toEqual(["E8005 3:13", "E8005 4:14"]);
  });

  it("accepts a list of one condition", () => {
    expect(
      lint(`Conditions:\n  C: !Equals [a, b]\n  N: !Not [!Condition C]\n${topic}`, { only: ["E8005"] }),
    ).toEqual([]);
  });
});

describe("E8007 Condition references", () => {
  it("flags a Condition reference that is not a name", () => {
    const source = `Conditions:\n  C: !Equals [a, b]\n  N: !Not [{ Condition: [C] }]\n${topic}`;
    expect(brief(lint(source, { only: ["E8007"] }))).toEqual(["E8007 3:25"]);
  });

  it("accepts a name", () => {
    expect(
      lint(`Conditions:\n  C: !Equals [a, b]\n  N: !Not [{ Condition: C }]\n${topic}`, { only: ["E8007"] }),
    ).toEqual([]);
  });
});

describe("W8001 unused conditions", () => {
  it("flags a condition nothing refers to", () => {
    const findings = lint(`Conditions:\n  IsProd: !Equals [a, b]\n${topic}`, { only: ["W8001"] });
    expect(brief(findings)).toEqual(["W8001 2:3"]);
    expect(findings[0].severity).toBe("warning");
  });

  it("counts use by other conditions, Fn::If and resources", () => {
    const source = [
      "Conditions:",
      "  IsProd: !Equals [a, b]",
      "  NotProd: !Not [!Condition IsProd]",
      "  Big: !Equals [c, d]",
      "Resources:",
      "  Topic:",
      "    Type: AWS::SNS::Topic",
      "    Condition: NotProd",
      "    Properties:",
      "      TopicName: !If [Big, a, b]",
      "",
    ].join("\n");
    expect(lint(source, { only: ["W8001"] })).toEqual([]);
  });
});

describe("E1028 Fn::If", () => {
  it("flags two items, a condition name that is not a string and a mapping argument", () => {
    const source = [
      "Conditions:",
      "  C: !Equals [a, b]",
      "Resources:",
      "  Topic:",
      "    Type: AWS::SNS::Topic",
      "    Properties:",
      "      TopicName: !If [C, a]",
      "      DisplayName: !If [[C], a, b]",
      "      Tags: !If { C: [a] }",
      "",
    ].join("\n");
    expect(brief(lint(source, { only: ["E1028"] }))).toEqual(["E1028 7:22", "E1028 8:25", "E1028 9:17"]);
  });

  it("accepts [condition, value if true, value if false] in resources and outputs", () => {
    const source = [
      "Conditions:",
      "  C: !Equals [a, b]",
      `${topic}    Properties:`,
      "      TopicName: !If [C, a, !Ref AWS::NoValue]",
      "Outputs:",
      "  Name:",
      "    Value: !If [C, x, y]",
      "",
    ].join("\n");
    expect(lint(source, { only: ["E1028"] })).toEqual([]);
  });
});
