/**
 * The property walks keep one path they push and pop and copy only for a finding, and compare
 * list items for uniqueness without building a text for each: these pin what that must not change.
 */
import { describe, expect, it } from "vitest";
import { lint, yaml } from "../lint";

describe("E3037 unique items of mappings", () => {
  it("finds a repeated mapping whatever the order of its keys, and names the first it repeats", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Fn:",
        "    Type: AWS::Lambda::Function",
        "    Properties:",
        "      Tags:",
        "        - {Key: a, Value: b}",
        "        - {Key: a, Value: c}",
        "        - {Value: c, Key: a}",
        "        - Value: b",
        "          Key: a",
        "        - {Key: b, Value: b}",
      ),
      { only: ["E3037"] },
    );
    expect(findings.map((f) => [f.message, f.range.start.line, f.path])).toEqual([
      [
        "'Tags[2]' of AWS::Lambda::Function repeats item 1: the items of Tags must be unique",
        8,
        ["Resources", "Fn", "Properties", "Tags", 2],
      ],
      [
        "'Tags[3]' of AWS::Lambda::Function repeats item 0: the items of Tags must be unique",
        9,
        ["Resources", "Fn", "Properties", "Tags", 3],
      ],
    ]);
  });
});

describe("property paths of findings", () => {
  it("gives each finding the path to its own value, however deep the walk went after it", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Fn:",
        "    Type: AWS::Lambda::Function",
        "    Properties:",
        "      Role: arn:aws:iam::123456789012:role/r",
        "      Code: {ZipFile: x}",
        "      Runtime: python3.12",
        "      Handler: index.handler",
        "      MemorySize: 1",
        "      VpcConfig:",
        "        SubnetIds: [1, [2]]",
        "        Unknown: 1",
        "      Timeout: 1000",
      ),
      { only: ["E3002", "E3012", "E3034"] },
    );
    expect(findings.map((f) => [f.ruleId, f.path])).toEqual([
      ["E3034", ["Resources", "Fn", "Properties", "MemorySize"]],
      ["E3012", ["Resources", "Fn", "Properties", "VpcConfig", "SubnetIds", 1]],
      ["E3002", ["Resources", "Fn", "Properties", "VpcConfig", "Unknown"]],
      ["E3034", ["Resources", "Fn", "Properties", "Timeout"]],
    ]);
  });
});
