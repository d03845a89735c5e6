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

describe("E3037 unique keys (cfn-lint's uniqueKeys)", () => {
  const pipeline = (...stages: string[]) =>
    yaml(
      "Resources:",
      "  Pipeline:",
      "    Type: AWS::CodePipeline::Pipeline",
      "    Properties:",
      "      RoleArn: arn:aws:iam::123456789012:role/p",
      "      ArtifactStore: {Type: S3, Location: bucket}",
      "      Stages:",
      ...stages,
    );
  const source = [
    "        - Name: Source",
    "          Actions:",
    "            - Name: Get",
    "              ActionTypeId: {Category: Source, Owner: AWS, Provider: S3, Version: '1'}",
    "              Configuration: {S3Bucket: b, S3ObjectKey: k}",
    "              OutputArtifacts: [{Name: Src}]",
  ];
  const build = (stage: string, ...actions: string[]) => [
    `        - Name: ${stage}`,
    "          Actions:",
    ...actions.map(
      (name) =>
        `            - {Name: ${name}, InputArtifacts: [{Name: Src}], ActionTypeId: {Category: Build, Owner: AWS, Provider: CodeBuild, Version: '1'}, Configuration: {ProjectName: ${name}x}}`,
    ),
  ];

  it("finds two stages of a pipeline with one name, and two actions of a stage with one name", () => {
    const findings = lint(
      pipeline(...source, ...build("Build", "Unit", "Lint", "Unit"), ...build("Build", "Pack")),
      {
        only: ["E3037"],
      },
    );
    expect(findings.map((f) => [f.message, f.range.start.line])).toEqual([
      [
        "'Stages[1].Actions[2]' of AWS::CodePipeline::Pipeline repeats the Name 'Unit' of item 0: each item of Stages[1].Actions needs its own 'Name'",
        18,
      ],
      [
        "'Stages[2]' of AWS::CodePipeline::Pipeline repeats the Name 'Build' of item 1: each item of Stages needs its own 'Name'",
        19,
      ],
    ]);
  });

  it("reports an item repeated whole once, for its key, and leaves names given by functions alone", () => {
    const task = lint(
      yaml(
        "Resources:",
        "  Task:",
        "    Type: AWS::ECS::TaskDefinition",
        "    Properties:",
        "      ContainerDefinitions:",
        "        - Name: app",
        "          Image: nginx",
        "          Environment:",
        "            - {Name: STAGE, Value: dev}",
        "            - {Name: STAGE, Value: dev}",
        "            - {Name: !Ref Other, Value: a}",
        "            - {Name: !Ref Other, Value: b}",
        "            - !If [C, {Name: STAGE, Value: x}, !Ref AWS::NoValue]",
        "Conditions:",
        "  C: !Equals [a, b]",
        "Parameters:",
        "  Other: {Type: String}",
      ),
      { only: ["E3037"] },
    );
    expect(task.map((f) => [f.message, f.range.start.line])).toEqual([
      [
        "'ContainerDefinitions[0].Environment[1]' of AWS::ECS::TaskDefinition repeats the Name 'STAGE' of item 0: each item of ContainerDefinitions[0].Environment needs its own 'Name'",
        10,
      ],
    ]);
  });

  it("finds a table's attribute defined twice", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Table:",
        "    Type: AWS::DynamoDB::Table",
        "    Properties:",
        "      BillingMode: PAY_PER_REQUEST",
        "      AttributeDefinitions:",
        "        - {AttributeName: id, AttributeType: S}",
        "        - {AttributeName: id, AttributeType: N}",
        "      KeySchema: [{AttributeName: id, KeyType: HASH}]",
      ),
      { only: ["E3037"] },
    );
    expect(findings.map((f) => f.range.start.line)).toEqual([8]);
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
