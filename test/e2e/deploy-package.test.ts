/**
 * The deploy bundle packaging a SAM template's local code (a function's CodeUri, a layer's
 * ContentUri, a local nested stack) into the fake S3, deploying it through the fake
 * CloudFormation, and taking the no-op path on a push that changes no code.
 */
import { mkdirSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { PreviewFixture } from "./preview-fixture";

const STACK = "shop-pr-12";
const BUCKET = "shop-artifacts";

const TEMPLATE = `Transform: AWS::Serverless-2016-10-31
Resources:
  Deps:
    Type: AWS::Serverless::LayerVersion
    Properties:
      ContentUri: layer/
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: ./src   # packaged by deploy
      Handler: index.handler
      Runtime: nodejs24.x
      Layers: [!Ref Deps]
  Network:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: stacks/network.yaml
Outputs:
  FnName:
    Value: !Ref Fn
`;

const NESTED = `Resources:
  Worker:
    Type: AWS::Lambda::Function
    Properties:
      Code: ../worker.py
      Handler: worker.handler
      Runtime: python3.12
      Role: arn:aws:iam::123456789012:role/worker
`;

let f: PreviewFixture;

afterEach(async () => {
  await f?.close();
});

function writeCode(workspace: string, handler: string): void {
  mkdirSync(join(workspace, "src"), { recursive: true });
  writeFileSync(join(workspace, "src/index.js"), handler);
  mkdirSync(join(workspace, "layer/nodejs/node_modules/dep"), { recursive: true });
  writeFileSync(join(workspace, "layer/nodejs/node_modules/dep/index.js"), "module.exports = 42;\n");
  mkdirSync(join(workspace, "stacks"), { recursive: true });
  writeFileSync(join(workspace, "stacks/network.yaml"), NESTED);
  writeFileSync(join(workspace, "worker.py"), "def handler(event, context):\n    return 1\n");
}

const puts = () => f.aws.calls.filter((c) => c.service === "s3" && c.action.startsWith("PUT "));

describe("deploy packages local code", () => {
  it("uploads the code, deploys the packaged template, and takes the no-op path when nothing changed", async () => {
    f = await PreviewFixture.start({ template: TEMPLATE, inputs: { "artifact-bucket": BUCKET } });
    f.aws.state.s3.createBucket(BUCKET, "us-east-1");
    writeCode(f.workspace, "exports.handler = async () => 'v1';\n");

    const first = await f.deploy();
    expect(first.exitCode, first.stdout).toBe(0);
    expect(first.outputs.status).toBe("CREATE_COMPLETE");
    // The layer zip, the function zip, the worker zip and the nested template.
    const keys = puts().map((c) => String(c.keys.Key));
    expect(keys).toHaveLength(4);
    expect(keys.every((key) => /^artifacts\/[0-9a-f]{64}\.(zip|template)$/.test(key))).toBe(true);

    const packagedPath = first.outputs["packaged-template"];
    const packaged = readFileSync(packagedPath, "utf8");
    expect(packaged).toMatch(/ContentUri: "s3:\/\/shop-artifacts\/artifacts\/[0-9a-f]{64}\.zip"\n/);
    expect(packaged).toMatch(
      /CodeUri: "s3:\/\/shop-artifacts\/artifacts\/[0-9a-f]{64}\.zip" {3}# packaged by deploy\n/,
    );
    expect(packaged).toMatch(
      /TemplateURL: "http:\/\/127\.0\.0\.1:\d+\/shop-artifacts\/artifacts\/[0-9a-f]{64}\.template"\n/,
    );

    const stacks = [...f.aws.state.cloudformation.stacks.values()];
    const parent = stacks.find((s) => s.stackName === STACK);
    expect(parent?.status).toBe("CREATE_COMPLETE");
    const child = stacks.find((s) => s.stackName.startsWith(`${STACK}-Network-`));
    expect(child?.status).toBe("CREATE_COMPLETE");

    // A push that changes no code: nothing uploaded, the same packaged template, no change set.
    const before = f.aws.calls.length;
    const putsBefore = puts().length;
    const again = await f.deploy();
    expect(again.exitCode, again.stdout).toBe(0);
    expect(again.outputs).toMatchObject({
      status: "CREATE_COMPLETE",
      "has-changes": "false",
      "change-set-id": "",
    });
    expect(puts().length).toBe(putsBefore);
    expect(readFileSync(again.outputs["packaged-template"], "utf8")).toBe(packaged);
    expect(f.cfnActionsSince(before)).not.toContain("CreateChangeSet");

    // Changed code: a new object and an update.
    writeFileSync(join(f.workspace, "src/index.js"), "exports.handler = async () => 'v2';\n");
    const update = await f.deploy();
    expect(update.exitCode, update.stdout).toBe(0);
    expect(update.outputs.status).toBe("UPDATE_COMPLETE");
    expect(puts().length).toBe(putsBefore + 1);
  });

  it("fails before any AWS call on a missing path, annotated at the resource's line", async () => {
    f = await PreviewFixture.start({ template: TEMPLATE, inputs: { "artifact-bucket": BUCKET } });
    writeCode(f.workspace, "exports.handler = async () => 1;\n");
    f.writeTemplate(TEMPLATE.replace("CodeUri: ./src", "CodeUri: ./gone"));
    const run = await f.deploy({ validate: "false" });
    expect(run.exitCode).not.toBe(0);
    expect(run.stdout).toContain("Resource Fn (AWS::Serverless::Function) CodeUri: the local path './gone'");
    expect(run.annotations.some((a) => a.file === "template.yaml" && a.line === 10)).toBe(true);
    expect(f.aws.calls.filter((c) => c.service === "cloudformation" || c.service === "s3")).toEqual([]);
  });

  it("refuses, before any upload or change set, a function that would be over Lambda's limit with its layers", async () => {
    f = await PreviewFixture.start({ template: TEMPLATE, inputs: { "artifact-bucket": BUCKET } });
    f.aws.state.s3.createBucket(BUCKET, "us-east-1");
    const handler = "exports.handler = async () => 1;\n";
    writeCode(f.workspace, handler);
    // Sparse files: their full sizes count, and nothing is written to disk.
    const big = (path: string, bytes: number) => {
      writeFileSync(join(f.workspace, path), "");
      truncateSync(join(f.workspace, path), bytes);
    };
    big("src/model.bin", 70_000_000);
    big("layer/nodejs/node_modules/dep/native.node", 200_000_000);
    const run = await f.deploy({ validate: "false" });
    expect(run.exitCode).not.toBe(0);
    const dep = "module.exports = 42;\n".length;
    expect(run.stdout).toContain(
      `Function Fn (AWS::Serverless::Function, template.yaml line 7) would unzip to at least 257.5 MiB (${270_000_000 + handler.length + dep} bytes) with its layers, over Lambda's limit of 250.0 MiB (262144000 bytes) for a function and all its layers:`,
    );
    expect(run.stdout).toContain(`  code (CodeUri): 66.8 MiB (${70_000_000 + handler.length} bytes)`);
    expect(run.stdout).toContain(`  layer Deps (line 13): 190.7 MiB (${200_000_000 + dep} bytes)`);
    expect(run.stdout).toContain("Nothing was uploaded.");
    expect(
      run.annotations.some((a) => a.level === "error" && a.file === "template.yaml" && a.line === 7),
    ).toBe(true);
    expect(puts()).toEqual([]);
    expect(f.aws.callsOf("cloudformation", "CreateChangeSet")).toEqual([]);
  });

  it("counts a layer given by ARN at the unzipped size its description records", async () => {
    const template = `Transform: AWS::Serverless-2016-10-31
Parameters:
  DepsLayerArn:
    Type: String
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: ./src
      Handler: index.handler
      Runtime: nodejs24.x
      Layers: [!Ref DepsLayerArn]
`;
    f = await PreviewFixture.start({ template, inputs: { "artifact-bucket": BUCKET } });
    f.aws.state.s3.createBucket(BUCKET, "us-east-1");
    const layer = f.aws.state.lambda.publishLayerVersion({
      layerName: "shop-deps",
      content: Buffer.from("zip bytes"),
      description: "deps sha256:0123456789abcdef unzipped:250000000",
    });
    mkdirSync(join(f.workspace, "src"), { recursive: true });
    writeFileSync(join(f.workspace, "src/index.js"), "");
    truncateSync(join(f.workspace, "src/index.js"), 20_000_000);
    const run = await f.deploy({
      validate: "false",
      "parameter-overrides": `DepsLayerArn=${layer.layerVersionArn}`,
    });
    expect(run.exitCode).not.toBe(0);
    expect(run.stdout).toContain(
      "Function Fn (AWS::Serverless::Function, template.yaml line 6) would unzip to at least",
    );
    expect(run.stdout).toContain("(250000000 bytes)");
    // GetLayerVersionByArn: GET /2018-10-31/layers?find=LayerVersion&Arn=..., once for the one ARN.
    expect(f.aws.callsOf("lambda").map((c) => c.action)).toEqual(["GET /2018-10-31/layers"]);
    expect(puts()).toEqual([]);
    expect(f.aws.callsOf("cloudformation", "CreateChangeSet")).toEqual([]);
  });

  it("asks for artifact-bucket when the template has local paths", async () => {
    f = await PreviewFixture.start({ template: TEMPLATE });
    writeCode(f.workspace, "exports.handler = async () => 1;\n");
    const run = await f.deploy({ validate: "false" });
    expect(run.exitCode).not.toBe(0);
    expect(run.stdout).toContain("Input 'artifact-bucket': the template template.yaml has local paths");
    expect(f.aws.calls.filter((c) => c.service === "s3")).toEqual([]);
  });
});
