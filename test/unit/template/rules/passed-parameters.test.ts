import { describe, expect, it } from "vitest";
import { brief, lint, located, yaml } from "../lint";

const ONLY = ["E2900"];

/** Parameters with each constraint CloudFormation checks a passed value against. */
const template = yaml(
  "Parameters:",
  "  Stage:",
  "    Type: String",
  "    AllowedValues: [dev, prod]",
  "  Size:",
  "    Type: Number",
  "    MinValue: 1",
  "    MaxValue: 5",
  "    Default: 2",
  "  Name:",
  "    Type: String",
  "    AllowedPattern: '[a-z]+'",
  "    MaxLength: 5",
  "    Default: abc",
  "  Zones:",
  "    Type: CommaDelimitedList",
  "    AllowedValues: [a, b, c]",
  "    Default: a",
  "  Ports:",
  "    Type: List<Number>",
  "    Default: '80'",
  "  Secret:",
  "    Type: String",
  "    NoEcho: true",
  "    MinLength: 12",
  "    Default: correct-horse-battery",
  "Resources:",
  "  Topic:",
  "    Type: AWS::SNS::Topic",
);

describe("E2900 values a deploy passes fit the template's parameters", () => {
  it("takes values that meet every constraint", () => {
    const findings = lint(template, {
      only: ONLY,
      parameterValues: {
        Stage: "prod",
        Size: "5",
        Name: "abcde",
        Zones: "a, c",
        Ports: "80,443",
        Secret: "correct-horse-battery-staple",
      },
    });
    expect(findings).toEqual([]);
  });

  it("reports each value its parameter refuses, at the parameter, naming the constraint and never the value", () => {
    const findings = lint(template, {
      only: ONLY,
      parameterValues: {
        Stage: "test",
        Size: "9",
        Name: "ABC",
        Zones: "a,d",
        Ports: "80,http",
        Secret: "hunter2",
      },
    });
    expect(located(findings)).toEqual([
      "E2900 2 the value passed for parameter 'Stage' is not one of AllowedValues (dev, prod): CloudFormation refuses the change set",
      "E2900 5 the value passed for parameter 'Size' is above MaxValue 5: CloudFormation refuses the change set",
      "E2900 10 the value passed for parameter 'Name' does not match AllowedPattern [a-z]+: CloudFormation refuses the change set",
      "E2900 15 the value passed for parameter 'Zones' has an item (the 2nd) that is not one of AllowedValues (a, b, c): CloudFormation refuses the change set",
      "E2900 19 the value passed for parameter 'Ports' has an item (the 2nd) that is not a number, which List<Number> takes: CloudFormation refuses the change set",
      "E2900 22 the value passed for parameter 'Secret' is shorter than MinLength 12: CloudFormation refuses the change set",
    ]);
    for (const finding of findings) {
      for (const value of ["test", "9", "ABC", "http", "hunter2"])
        expect(finding.message).not.toContain(value);
    }
  });

  it("refuses text passed to a Number parameter, and a length past MaxLength", () => {
    const findings = lint(template, { only: ONLY, parameterValues: { Size: "two", Name: "abcdef" } });
    expect(located(findings)).toEqual([
      "E2900 5 the value passed for parameter 'Size' is not a number, which a Number parameter takes: CloudFormation refuses the change set",
      "E2900 10 the value passed for parameter 'Name' is longer than MaxLength 5: CloudFormation refuses the change set",
    ]);
  });

  it("refuses ids of another form than an AWS-specific type takes, which CloudFormation cannot find", () => {
    const typed = yaml(
      "Parameters:",
      "  Vpc: {Type: 'AWS::EC2::VPC::Id'}",
      "  Subnets: {Type: 'List<AWS::EC2::Subnet::Id>'}",
      "  Image: {Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>'}",
      "  Key: {Type: 'AWS::EC2::KeyPair::KeyName'}",
      "  Instances: {Type: 'List<AWS::EC2::Instance::Id>'}",
      "  Volume: {Type: 'AWS::EC2::Volume::Id'}",
      "Resources:",
      "  Topic:",
      "    Type: AWS::SNS::Topic",
    );
    const good = {
      Vpc: "vpc-0123abcd",
      Subnets: "subnet-0123456789abcdef0, subnet-01234567",
      Image: "/ami/latest",
      Key: "k",
      Instances: "i-0123456789abcdef0,i-01234567",
      Volume: "vol-0123456789abcdef0",
    };
    expect(lint(typed, { only: ONLY, parameterValues: good })).toEqual([]);
    const bad = lint(typed, {
      only: ONLY,
      parameterValues: {
        Vpc: "vpc-prod",
        Subnets: "subnet-0123456789abcdef0,sg-01234567",
        Image: "ami-1",
        Key: "",
        Instances: "i-01234567,web-1",
        Volume: "vol-1",
      },
    });
    expect(located(bad)).toEqual([
      "E2900 2 the value passed for parameter 'Vpc' is not a VPC id, which AWS::EC2::VPC::Id takes: CloudFormation refuses the change set",
      "E2900 3 the value passed for parameter 'Subnets' has an item (the 2nd) that is not a subnet id, which List<AWS::EC2::Subnet::Id> takes: CloudFormation refuses the change set",
      "E2900 6 the value passed for parameter 'Instances' has an item (the 2nd) that is not an instance id, which List<AWS::EC2::Instance::Id> takes: CloudFormation refuses the change set",
      "E2900 7 the value passed for parameter 'Volume' is not a volume id, which AWS::EC2::Volume::Id takes: CloudFormation refuses the change set",
    ]);
  });

  it("reports a name the template does not declare at its Parameters section, with the name meant", () => {
    const findings = lint(template, { only: ONLY, parameterValues: { Stag: "dev", Stage: "dev" } });
    expect(located(findings)).toEqual([
      "E2900 1 parameter-overrides passes 'Stag', which the template does not declare (did you mean 'Stage'?): CloudFormation refuses the change set. Remove it, or fix the spelling",
    ]);
    const none = lint(yaml("Resources:", "  Topic:", "    Type: AWS::SNS::Topic"), {
      only: ONLY,
      parameterValues: { Stage: "dev" },
    });
    expect(brief(none)).toEqual(["E2900 1:1"]);
  });

  it("judges nothing without values passed, and leaves a parameter without Default and value to the deploy", () => {
    expect(lint(template, { only: ONLY })).toEqual([]);
    expect(lint(template, { only: ONLY, parameterValues: { Size: "3" } })).toEqual([]);
  });
});
