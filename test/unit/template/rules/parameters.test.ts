import { describe, expect, it } from "vitest";
import { brief, lint, yaml } from "../lint";

const topic = "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n";

describe("E2001 parameter structure", () => {
  it("flags a bad id, a missing Type, an attribute of the wrong type and a wrong-typed value", () => {
    const source = [
      "Parameters:",
      "  Env:",
      "    Type: String",
      "    MinValue: 1",
      "  Bad_Name:",
      "    Type: String",
      "  Port:",
      "    Type: Number",
      "    MaxValue: lots",
      "  NoType:",
      "    Default: x",
      "  Flag:",
      "    Type: String",
      "    NoEcho: [true]",
      "    Colour: red",
      topic,
    ].join("\n");
    expect(brief(lint(source, { only: ["E2001"] }))).toEqual([
      "E2001 4:5",
      "E2001 5:3",
      "E2001 9:15",
      "E2001 10:3",
      "E2001 14:13",
      "E2001 15:5",
    ]);
  });

  it("flags a Default over the 4,096-byte parameter value quota and accepts one at it", () => {
    const parameter = (value: string) =>
      `Parameters:\n  Blob:\n    Type: String\n    Default: ${value}\n${topic}`;
    expect(brief(lint(parameter("é".repeat(2049)), { only: ["E2001"] }))).toEqual(["E2001 4:14"]);
    expect(lint(parameter("x".repeat(4096)), { only: ["E2001"] })).toEqual([]);
  });

  it("accepts every attribute where its type allows it, with loosely typed values", () => {
    const source = [
      "Parameters:",
      "  Port:",
      "    Type: Number",
      '    MinValue: "1"',
      "    MaxValue: 65535",
      "    Default: 8080",
      '    NoEcho: "true"',
      "  Name:",
      "    Type: String",
      "    MinLength: 1",
      "    MaxLength: 20",
      "    AllowedPattern: '[a-z]+'",
      "    AllowedValues: [a, 1, true]",
      "    ConstraintDescription: lower case",
      "    Description: 42",
      topic,
    ].join("\n");
    expect(lint(source, { only: ["E2001"] })).toEqual([]);
  });
});

describe("E2002 parameter type", () => {
  it("flags a type CloudFormation does not know", () => {
    expect(brief(lint(`Parameters:\n  Env:\n    Type: Strin\n${topic}`, { only: ["E2002"] }))).toEqual([
      "E2002 3:11",
    ]);
  });

  it("takes List<...> and AWS::SSM::Parameter::Value<...> types CloudFormation does not document, with W2002", () => {
    const types = [
      "List<AWS::EC2::KeyPair::KeyName>",
      "AWS::SSM::Parameter::Value<AWS::Lambda::Function::Arn>",
      "AWS::SSM::Parameter::Value<List<AWS::EC2::KeyPair::KeyName>>",
      "List<Text>",
      "AWS::EC2::PrefixList::Id",
      "List",
    ];
    const source = `Parameters:\n${types.map((type, i) => `  P${i}:\n    Type: ${type}\n`).join("")}${topic}`;
    const findings = lint(source, { only: ["E2002", "W2002"] });
    // cfn-lint 1.51 reports the same, at the Type key.
    expect(brief(findings)).toEqual([
      "W2002 3:11",
      "W2002 5:11",
      "W2002 7:11",
      "W2002 9:11",
      "E2002 11:11",
      "E2002 13:11",
    ]);
    expect(findings[0].message).toBe(
      'Parameter P0 has Type "List<AWS::EC2::KeyPair::KeyName>" that CloudFormation takes but does not document, ' +
        "and it checks the given value against nothing; use a documented type (such as List<AWS::EC2::Subnet::Id> " +
        "or List<String>) and say in the Description what the value is",
    );
    expect(findings[1].message).toContain("(such as AWS::SSM::Parameter::Value<AWS::EC2::Image::Id> or");
    expect(findings[2].message).toContain("(such as List<AWS::EC2::Subnet::Id> or List<String>)");
  });

  it("accepts list, AWS-specific and SSM parameter types", () => {
    const types = [
      "CommaDelimitedList",
      "List<Number>",
      "AWS::EC2::KeyPair::KeyName",
      "List<AWS::EC2::Subnet::Id>",
      "AWS::SSM::Parameter::Value<String>",
      "AWS::SSM::Parameter::Value<List<String>>",
      "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>",
    ];
    const source = `Parameters:\n${types.map((type, i) => `  P${i}:\n    Type: ${type}\n`).join("")}${topic}`;
    expect(lint(source, { only: ["E2002", "W2002"] })).toEqual([]);
  });
});

describe("E2015 parameter default", () => {
  it("flags a Default outside AllowedValues", () => {
    const source = `Parameters:\n  Env:\n    Type: String\n    Default: staging\n    AllowedValues: [dev, prod]\n${topic}`;
    const findings = lint(source, { only: ["E2015"] });
    expect(brief(findings)).toEqual(["E2015 4:14"]);
    expect(findings[0].message).toContain("dev, prod");
  });

  it("matches AllowedPattern against the whole Default", () => {
    const source = `Parameters:\n  Id:\n    Type: String\n    Default: 12a\n    AllowedPattern: "[0-9]+"\n${topic}`;
    expect(brief(lint(source, { only: ["E2015"] }))).toEqual(["E2015 4:14"]);
  });

  it("flags a number above MaxValue and a string shorter than MinLength", () => {
    const source = [
      "Parameters:",
      "  Port:",
      "    Type: Number",
      "    Default: 70000",
      "    MaxValue: 65535",
      "  Name:",
      "    Type: String",
      "    Default: ab",
      "    MinLength: 3",
      topic,
    ].join("\n");
    expect(brief(lint(source, { only: ["E2015"] }))).toEqual(["E2015 4:14", "E2015 8:14"]);
  });

  it("checks each item of a CommaDelimitedList Default", () => {
    const list = (value: string) =>
      `Parameters:\n  Envs:\n    Type: CommaDelimitedList\n    Default: "${value}"\n    AllowedValues: [dev, prod]\n${topic}`;
    expect(brief(lint(list("dev,test"), { only: ["E2015"] }))).toEqual(["E2015 4:14"]);
    expect(lint(list("dev, prod"), { only: ["E2015"] })).toEqual([]);
  });

  it("accepts a Default that meets every constraint", () => {
    const source = [
      "Parameters:",
      "  Id:",
      "    Type: String",
      "    Default: abc",
      "    AllowedPattern: '[a-z]+'",
      "    MinLength: 3",
      "    MaxLength: 3",
      "  Port:",
      "    Type: Number",
      "    Default: 443",
      "    MinValue: 1",
      "    MaxValue: 65535",
      topic,
    ].join("\n");
    expect(lint(source, { only: ["E2015"] })).toEqual([]);
  });
});

describe("W2001 unused parameters", () => {
  it("flags a parameter nothing refers to", () => {
    const findings = lint(`Parameters:\n  Env:\n    Type: String\n${topic}`, { only: ["W2001"] });
    expect(brief(findings)).toEqual(["W2001 2:3"]);
    expect(findings[0].severity).toBe("warning");
  });

  it("counts Ref in Conditions, Sub variables and SAM Globals as use", () => {
    const source = [
      "Transform: AWS::Serverless-2016-10-31",
      "Parameters:",
      "  Env:",
      "    Type: String",
      "  Prefix:",
      "    Type: String",
      "  Runtime:",
      "    Type: String",
      "Conditions:",
      "  IsProd: !Equals [!Ref Env, prod]",
      "Globals:",
      "  Function:",
      "    Runtime: !Ref Runtime",
      "Resources:",
      "  Topic:",
      "    Type: AWS::SNS::Topic",
      "    Condition: IsProd",
      "    Properties:",
      '      TopicName: !Sub "${Prefix}-topic"',
      "",
    ].join("\n");
    expect(lint(source, { only: ["W2001"] })).toEqual([]);
  });

  it("counts the parameters a loop's Ref can name through a placeholder or Fn::Sub, and no others", () => {
    const source = yaml(
      "Transform: AWS::LanguageExtensions",
      "Parameters:",
      "  FlagA: {Type: String}",
      "  FlagB: {Type: String}",
      "  SizeA: {Type: String}",
      "  Other: {Type: String}",
      "Conditions:",
      "  Fn::ForEach::Flags:",
      "    - Id",
      "    - [A, B]",
      "    - On${Id}: !Equals [!Ref {Fn::Sub: 'Flag${Id}'}, 'true']",
      "      Big${Id}: !Equals [!Ref 'Size${Id}', large]",
      "Resources:",
      "  Topic:",
      "    Type: AWS::SNS::Topic",
    );
    expect(brief(lint(source, { only: ["W2001"] }))).toEqual(["W2001 6:3"]);
    // A Ref target computed any other way (Fn::Join) could be any parameter: none is reported.
    const joined = source.replace("!Ref 'Size${Id}'", "!Ref {Fn::Join: ['', [Size, '${Id}']]}");
    expect(joined).not.toBe(source);
    expect(brief(lint(joined, { only: ["W2001"] }))).toEqual([]);
  });
});

function parameters(count: number, name = (i: number) => `P${i}`): string {
  let body = "Parameters:\n";
  for (let i = 0; i < count; i++) body += `  ${name(i)}:\n    Type: String\n`;
  return body + topic;
}

describe("E2010 parameter count", () => {
  it("flags the 201st parameter", () => {
    expect(brief(lint(parameters(201), { only: ["E2010"] }))).toEqual(["E2010 402:3"]);
  });

  it("accepts 200 parameters", () => {
    expect(lint(parameters(200), { only: ["E2010"] })).toEqual([]);
  });
});

describe("E2011 parameter logical id length", () => {
  it("flags 256 characters and accepts 255", () => {
    expect(
      brief(
        lint(
          parameters(1, () => "P".repeat(256)),
          { only: ["E2011"] },
        ),
      ),
    ).toEqual(["E2011 2:3"]);
    expect(
      lint(
        parameters(1, () => "P".repeat(255)),
        { only: ["E2011"] },
      ),
    ).toEqual([]);
  });
});
