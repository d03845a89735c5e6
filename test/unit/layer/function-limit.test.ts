import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  functionSizes,
  layerArns,
  overLimit,
  overLimitMessage,
  templateFunctions,
  unknownParts,
} from "../../../src/layer/function-limit";
import { checkFunctionLimits, unknownNote } from "../../../src/layer/function-limit-check";
import { zipTree } from "../../../src/layer/zip";
import { findLocalArtifacts } from "../../../src/stack/local-artifacts";
import { localCodeSizes } from "../../../src/stack/package";
import { parseTemplate } from "../../../src/template/parse";
import { tempDir } from "./fixtures";

const MB = 1_000_000;
const ARN_A = "arn:aws:lambda:us-east-1:123456789012:layer:deps:3";
const ARN_B = "arn:aws:lambda:us-east-1:123456789012:layer:tools:7";

const root = (body: string) => {
  const parsed = parseTemplate(body, "template.yaml");
  expect(parsed.findings).toEqual([]);
  return parsed.root;
};

const SAM = `Transform: AWS::Serverless-2016-10-31
Parameters:
  DepsArn:
    Type: String
  Tools:
    Type: CommaDelimitedList
    Default: ""
Globals:
  Function:
    CodeUri: src/
    Layers:
      - !Ref Shared
Resources:
  Shared:
    Type: AWS::Serverless::LayerVersion
    Properties:
      ContentUri: layers/shared
  Api:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      Runtime: nodejs22.x
      Layers:
        - !Ref DepsArn
        - ${ARN_B}
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: worker/
      Handler: worker.handler
      Runtime: nodejs22.x
      Layers: !Ref Tools
  Image:
    Type: AWS::Serverless::Function
    Properties:
      PackageType: Image
      ImageUri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1
  Plain:
    Type: AWS::Lambda::Function
    Properties:
      Handler: index.handler
      Runtime: python3.13
      Role: arn:aws:iam::123456789012:role/r
      Code:
        ZipFile: "def handler(e, c): return 1"
      Layers:
        - !ImportValue shared-layer-arn
        - !Ref Shared
`;

describe("templateFunctions", () => {
  it("finds each zip function with its code and layers: Globals, layer resources, parameters, literal ARNs", () => {
    const fns = templateFunctions(root(SAM), { DepsArn: ARN_A, Tools: `${ARN_A}, ${ARN_B}` });
    // The image function has no such limit.
    expect(fns.map((f) => [f.logicalId, f.type, f.line])).toEqual([
      ["Api", "AWS::Serverless::Function", 18],
      ["Worker", "AWS::Serverless::Function", 26],
      ["Plain", "AWS::Lambda::Function", 38],
    ]);
    const [api, worker, plain] = fns;
    expect(api.code).toEqual({ kind: "local", owner: "Globals", property: "Globals.Function CodeUri" });
    expect(api.layers).toEqual([
      { kind: "resource", logicalId: "Shared", line: 12 },
      { kind: "arn", arn: ARN_A, parameter: "DepsArn", line: 24 },
      { kind: "arn", arn: ARN_B, line: 25 },
    ]);
    expect(worker.code).toEqual({ kind: "local", owner: "Worker", property: "CodeUri" });
    // A CommaDelimitedList parameter as the whole Layers list, after the Globals' layer.
    expect(worker.layers.map((l) => l.kind)).toEqual(["resource", "arn", "arn"]);
    expect(plain.code).toEqual({ kind: "inline", bytes: 27, property: "Code.ZipFile" });
    expect(plain.layers).toEqual([
      { kind: "unresolved", what: "Fn::ImportValue", line: 47 },
      { kind: "resource", logicalId: "Shared", line: 48 },
    ]);
    expect(layerArns(fns)).toEqual([ARN_A, ARN_B]);
  });

  it("counts a parameter without a value as unresolved, and a given parameter as the given layer", () => {
    const fns = templateFunctions(root(SAM), {}, new Set(["DepsArn"]));
    expect(fns[0].layers[1]).toEqual({ kind: "given", parameter: "DepsArn", line: 24 });
    expect(fns[1].layers[1]).toEqual({
      kind: "unresolved",
      what: "parameter Tools, which has no value here",
      line: 32,
    });
  });

  it("leaves out the Globals a SAM function's IgnoreGlobals names", () => {
    // IgnoreGlobals is an attribute of the resource, beside Type.
    const body = SAM.replace(
      "  Worker:\n    Type: AWS::Serverless::Function\n",
      "  Worker:\n    Type: AWS::Serverless::Function\n    IgnoreGlobals:\n      - Layers\n",
    ).replace(
      "  Api:\n    Type: AWS::Serverless::Function\n",
      '  Api:\n    Type: AWS::Serverless::Function\n    IgnoreGlobals: "*"\n',
    );
    const [api, worker] = templateFunctions(root(body), { DepsArn: ARN_A, Tools: ARN_B });
    expect(api.code).toEqual({ kind: "none" });
    expect(api.layers.map((l) => l.kind)).toEqual(["arn", "arn"]);
    expect(worker.code).toEqual({ kind: "local", owner: "Worker", property: "CodeUri" });
    expect(worker.layers).toEqual([{ kind: "arn", arn: ARN_B, parameter: "Tools", line: 35 }]);
  });

  it("ignores a template without Resources", () => {
    expect(templateFunctions(root("Parameters: {}\n"), {})).toEqual([]);
  });
});

describe("functionSizes and overLimit", () => {
  const fns = () => templateFunctions(root(SAM), { DepsArn: ARN_A, Tools: ARN_B });

  it("reports a function whose known parts pass 262,144,000 bytes, naming each part and its size", () => {
    const sizes = functionSizes(fns(), {
      local: new Map([
        ["Globals", 40 * MB],
        ["Shared", 30 * MB],
        ["Worker", 1 * MB],
      ]),
      arns: new Map([[ARN_A, 200 * MB]]),
    });
    // Api: 40 + 30 + 200 = 270 MB, and ARN_B unknown; Worker: 30 + 1 MB (+ ARN_B unknown).
    expect(sizes.map((s) => [s.logicalId, s.known])).toEqual([
      ["Api", 270 * MB],
      ["Worker", 31 * MB],
      ["Plain", 30 * MB + 27],
    ]);
    const over = overLimit(sizes);
    expect(over.map((s) => s.logicalId)).toEqual(["Api"]);
    expect(over[0].parts).toEqual([
      { kind: "code", label: "code (Globals.Function CodeUri)", bytes: 40 * MB },
      { kind: "layer", label: "layer Shared (line 12)", bytes: 30 * MB },
      { kind: "layer", label: "layer from parameter DepsArn (line 24)", bytes: 200 * MB },
      { kind: "layer", label: "layer version ARN at line 25", bytes: undefined },
    ]);
    const message = overLimitMessage("template.yaml", over);
    expect(message).toContain(
      "Function Api (AWS::Serverless::Function, template.yaml line 18) would unzip to at least 257.5 MiB (270000000 bytes) with its layers, over Lambda's limit of 250.0 MiB (262144000 bytes)",
    );
    expect(message).toContain("  layer from parameter DepsArn (line 24): 190.7 MiB (200000000 bytes)");
    expect(message).toContain("  layer version ARN at line 25: unknown, not counted");
    // Parameter values (the user's input) are not repeated.
    expect(message).not.toContain(ARN_A);
  });

  it("passes exactly at the limit, and names the layers of unknown size but not code in S3", () => {
    const sizes = functionSizes(fns(), {
      local: new Map([
        ["Globals", 62_144_000],
        ["Shared", 0],
      ]),
      arns: new Map([[ARN_A, 200_000_000]]),
    });
    expect(sizes[0].known).toBe(262_144_000);
    expect(overLimit(sizes)).toEqual([]);
    expect(overLimit(sizes, 262_143_999).map((s) => s.logicalId)).toEqual(["Api"]);
    expect(unknownParts(sizes)).toEqual([
      "Api: layer version ARN at line 25",
      "Worker: layer from parameter Tools (line 32)",
      "Plain: layer Fn::ImportValue (line 47)",
    ]);
  });

  it("counts the given layer, labelled as given", () => {
    const given = new Map([["DepsArn", { label: "layer opencv", bytes: 250 * MB }]]);
    const sizes = functionSizes(templateFunctions(root(SAM), {}, new Set(given.keys())), {
      local: new Map([["Globals", 20 * MB]]),
      given,
    });
    const [api] = overLimit(sizes);
    expect(api.logicalId).toBe("Api");
    expect(api.parts[2]).toEqual({
      kind: "layer",
      label: "layer opencv (parameter DepsArn, line 24)",
      bytes: 250 * MB,
    });
  });
});

describe("localCodeSizes", () => {
  it("measures local code and layer directories as the zipper counts them, a single file by its size, and leaves a zip out", async () => {
    const dir = tempDir("fn-sizes");
    mkdirSync(join(dir, "src", "lib"), { recursive: true });
    writeFileSync(join(dir, "src", "index.js"), "exports.handler = 1;\n");
    writeFileSync(join(dir, "src", "lib", "data.json"), "{}\n");
    symlinkSync("lib/data.json", join(dir, "src", "data.json"));
    mkdirSync(join(dir, "layers", "shared"), { recursive: true });
    writeFileSync(join(dir, "layers", "shared", "a.txt"), "12345");
    writeFileSync(join(dir, "worker.py"), "def handler(e, c):\n    return 1\n");
    writeFileSync(join(dir, "built.zip"), Buffer.from("PK\x03\x04 an existing zip"));
    const template = `Globals:
  Function:
    CodeUri: src/
Resources:
  Shared:
    Type: AWS::Serverless::LayerVersion
    Properties:
      ContentUri: layers/shared
  Worker:
    Type: AWS::Lambda::Function
    Properties:
      Code: worker.py
  Built:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: built.zip
  Missing:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: gone/
  Api:
    Type: AWS::Serverless::Api
    Properties:
      DefinitionUri: worker.py
`;
    const sizes = await localCodeSizes({ artifacts: findLocalArtifacts(root(template), dir) });
    const zipped = await zipTree([{ dir: join(dir, "src"), prefix: "" }], join(tempDir("fn-zip"), "src.zip"));
    // "exports.handler = 1;\n" + "{}\n" + the link's target "lib/data.json".
    expect(zipped.unzippedSize).toBe(21 + 3 + 13);
    expect([...sizes]).toEqual([
      ["Globals", zipped.unzippedSize],
      ["Shared", 5],
      ["Worker", "def handler(e, c):\n    return 1\n".length],
    ]);
  });
});

describe("checkFunctionLimits", () => {
  it("reads each distinct layer ARN's size once and reports the function it pushes over, with a note for the unknown", async () => {
    const asked: string[] = [];
    const lambda = {
      send: async (command: { input: { Arn: string } }) => {
        asked.push(command.input.Arn);
        return {
          Description: command.input.Arn === ARN_A ? "sha256:ab unzipped:200000000" : "made elsewhere",
        };
      },
    };
    const result = await checkFunctionLimits({
      file: "template.yaml",
      root: root(SAM),
      parameters: { DepsArn: ARN_A, Tools: `${ARN_A},${ARN_B}` },
      local: new Map([
        ["Globals", 40 * MB],
        ["Shared", 30 * MB],
      ]),
      lambda,
    });
    expect(asked.sort()).toEqual([ARN_A, ARN_B]);
    expect(result.over.map((f) => f.logicalId)).toEqual(["Api"]);
    expect(result.message).toContain("Function Api (AWS::Serverless::Function, template.yaml line 18)");
    expect(unknownNote(result)).toContain(
      "Api: layer version ARN at line 25; Worker: layer from parameter Tools (line 32); Plain: layer Fn::ImportValue (line 47).",
    );
  });

  it("counts layer ARNs as unknown without a Lambda client, and checks only the given layer's functions when asked", async () => {
    const result = await checkFunctionLimits({
      file: "template.yaml",
      root: root(SAM),
      parameters: { Tools: ARN_B },
      given: new Map([["DepsArn", { label: "layer opencv", bytes: 10 * MB }]]),
      onlyGiven: true,
    });
    expect(result.checked.map((f) => f.logicalId)).toEqual(["Api"]);
    expect(result.over).toEqual([]);
    expect(result.message).toBeUndefined();
    expect(result.unknown).toEqual(["Api: layer Shared (line 12)", "Api: layer version ARN at line 25"]);
  });
});

describe("checkLayerAgainstTemplate", () => {
  it("counts other layers at the template's parameter defaults, and fails when the built layer pushes a function over", async () => {
    const { checkLayerAgainstTemplate } = await import("../../../src/layer/template-check");
    const workspace = tempDir("template-check");
    writeFileSync(
      join(workspace, "template.yaml"),
      `Transform: AWS::Serverless-2016-10-31
Parameters:
  Built:
    Type: String
  Other:
    Type: CommaDelimitedList
    Default:
      - ${ARN_A}
Globals:
  Function:
    Layers:
      - !Ref Built
Resources:
  Uses:
    Type: AWS::Serverless::Function
    Properties:
      InlineCode: "x"
      Runtime: nodejs22.x
      Handler: index.handler
      Layers: !Ref Other
`,
    );
    const lambda = {
      send: async (command: { input: { Arn: string } }) => ({
        Description: command.input.Arn === ARN_A ? "sha256:ab unzipped:200000000" : "",
      }),
    };
    const logs: string[] = [];
    const check = (unzippedSize: number) =>
      checkLayerAgainstTemplate({
        workspace,
        file: "template.yaml",
        parameter: "Built",
        layer: { name: "deps", unzippedSize },
        lambda,
        log: (line) => logs.push(line),
        warn: (line) => logs.push(line),
      });
    // Other's default, a YAML list, gives the 200 MB layer: 10 MB + 200 MB + 1 byte of code passes.
    await check(10 * MB);
    expect(logs.at(-1)).toContain("holds for Uses with this layer");
    expect(logs.join("\n")).not.toContain("not known");
    // 200 MB + 100 MB is over.
    await expect(check(100 * MB)).rejects.toThrow(/Nothing was uploaded/);
  });
});
