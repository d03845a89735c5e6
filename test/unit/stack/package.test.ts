import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HeadObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { beforeEach, describe, expect, it } from "vitest";
import { InputError } from "../../../src/errors";
import { findLocalArtifacts } from "../../../src/stack/local-artifacts";
import { PackageError, type PackageTarget, planPackage, runPackage } from "../../../src/stack/package";
import type { S3Like } from "../../../src/stack/runtime";
import { parseTemplate } from "../../../src/template/parse";

/** An S3 that keeps objects in memory and records each call. */
function memoryS3() {
  const objects = new Map<string, Buffer>();
  const calls: string[] = [];
  const s3: S3Like = {
    send: (async (command: unknown) => {
      if (command instanceof HeadObjectCommand) {
        calls.push(`HeadObject ${command.input.Key}`);
        if (objects.has(`${command.input.Bucket}/${command.input.Key}`)) return {};
        throw Object.assign(new Error("NotFound"), { name: "NotFound", $metadata: { httpStatusCode: 404 } });
      }
      if (command instanceof PutObjectCommand) {
        calls.push(`PutObject ${command.input.Key}`);
        objects.set(
          `${command.input.Bucket}/${command.input.Key}`,
          Buffer.from(command.input.Body as Buffer),
        );
        return {};
      }
      throw new Error(`unexpected ${String(command)}`);
    }) as S3Like["send"],
  };
  return { s3, objects, calls };
}

const TARGET: PackageTarget = {
  bucket: "art",
  prefix: "app",
  region: "eu-west-1",
  bucketInput: "artifact-bucket",
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "preview-stacks-package-test-"));
  mkdirSync(join(dir, "src"));
  writeFileSync(join(dir, "src/index.js"), "exports.handler = async () => 1;\n");
  mkdirSync(join(dir, "layer/nodejs"), { recursive: true });
  writeFileSync(join(dir, "layer/nodejs/lib.js"), "module.exports = 1;\n");
  writeFileSync(join(dir, "handler.py"), "def handler(e, c):\n    return 1\n");
  writeFileSync(join(dir, "api.yaml"), "openapi: 3.0.1\n");
  writeFileSync(join(dir, "machine.asl.json"), '{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}\n');
  writeFileSync(join(dir, "schema.graphql"), "type Query { a: Int }\n");
});

const found = (template: string) =>
  findLocalArtifacts(parseTemplate(template, "template.yaml").root, "/repo").map((a) => ({
    owner: a.owner,
    property: a.property,
    value: a.value,
    path: a.path,
    line: a.line,
  }));

describe("findLocalArtifacts", () => {
  it("finds each packaged property kind, Globals included, with its line", () => {
    const template = `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    CodeUri: src/
Resources:
  Fn: { Type: AWS::Serverless::Function, Properties: { CodeUri: ./fn, Handler: index.handler } }
  Layer: { Type: AWS::Serverless::LayerVersion, Properties: { ContentUri: layer } }
  Raw: { Type: AWS::Lambda::Function, Properties: { Code: handler.py } }
  RawLayer: { Type: AWS::Lambda::LayerVersion, Properties: { Content: layer } }
  Api: { Type: AWS::Serverless::Api, Properties: { DefinitionUri: api.yaml } }
  Http: { Type: AWS::Serverless::HttpApi, Properties: { DefinitionUri: api.yaml } }
  Sam: { Type: AWS::Serverless::StateMachine, Properties: { DefinitionUri: machine.asl.json } }
  Sfn: { Type: AWS::StepFunctions::StateMachine, Properties: { DefinitionS3Location: machine.asl.json } }
  Schema: { Type: AWS::AppSync::GraphQLSchema, Properties: { DefinitionS3Location: schema.graphql } }
  Child: { Type: AWS::CloudFormation::Stack, Properties: { TemplateURL: child.yaml } }
  App: { Type: AWS::Serverless::Application, Properties: { Location: /abs/app.yaml } }
  Glue: { Type: AWS::Glue::Job, Properties: { Command: { ScriptLocation: job.py } } }
`;
    expect(found(template)).toEqual([
      { owner: "Globals.Function", property: "CodeUri", value: "src/", path: "/repo/src", line: 4 },
      {
        owner: "Resource Fn (AWS::Serverless::Function)",
        property: "CodeUri",
        value: "./fn",
        path: "/repo/fn",
        line: 6,
      },
      {
        owner: "Resource Layer (AWS::Serverless::LayerVersion)",
        property: "ContentUri",
        value: "layer",
        path: "/repo/layer",
        line: 7,
      },
      {
        owner: "Resource Raw (AWS::Lambda::Function)",
        property: "Code",
        value: "handler.py",
        path: "/repo/handler.py",
        line: 8,
      },
      {
        owner: "Resource RawLayer (AWS::Lambda::LayerVersion)",
        property: "Content",
        value: "layer",
        path: "/repo/layer",
        line: 9,
      },
      {
        owner: "Resource Api (AWS::Serverless::Api)",
        property: "DefinitionUri",
        value: "api.yaml",
        path: "/repo/api.yaml",
        line: 10,
      },
      {
        owner: "Resource Http (AWS::Serverless::HttpApi)",
        property: "DefinitionUri",
        value: "api.yaml",
        path: "/repo/api.yaml",
        line: 11,
      },
      {
        owner: "Resource Sam (AWS::Serverless::StateMachine)",
        property: "DefinitionUri",
        value: "machine.asl.json",
        path: "/repo/machine.asl.json",
        line: 12,
      },
      {
        owner: "Resource Sfn (AWS::StepFunctions::StateMachine)",
        property: "DefinitionS3Location",
        value: "machine.asl.json",
        path: "/repo/machine.asl.json",
        line: 13,
      },
      {
        owner: "Resource Schema (AWS::AppSync::GraphQLSchema)",
        property: "DefinitionS3Location",
        value: "schema.graphql",
        path: "/repo/schema.graphql",
        line: 14,
      },
      {
        owner: "Resource Child (AWS::CloudFormation::Stack)",
        property: "TemplateURL",
        value: "child.yaml",
        path: "/repo/child.yaml",
        line: 15,
      },
      {
        owner: "Resource App (AWS::Serverless::Application)",
        property: "Location",
        value: "/abs/app.yaml",
        path: "/abs/app.yaml",
        line: 16,
      },
      {
        owner: "Resource Glue (AWS::Glue::Job)",
        property: "Command.ScriptLocation",
        value: "job.py",
        path: "/repo/job.py",
        line: 17,
      },
    ]);
  });

  it("leaves S3 locations, URLs, dynamic references, intrinsics, inline code and objects alone", () => {
    const template = `Resources:
  A: { Type: AWS::Serverless::Function, Properties: { CodeUri: s3://bucket/code.zip } }
  B: { Type: AWS::Serverless::Function, Properties: { CodeUri: { Bucket: b, Key: k } } }
  C: { Type: AWS::Serverless::Function, Properties: { InlineCode: "x" } }
  D: { Type: AWS::Lambda::Function, Properties: { Code: { ZipFile: "def h(e, c): pass" } } }
  E: { Type: AWS::Lambda::Function, Properties: { Code: { S3Bucket: b, S3Key: k } } }
  F: { Type: AWS::CloudFormation::Stack, Properties: { TemplateURL: https://b.s3.amazonaws.com/t.yaml } }
  G: { Type: AWS::CloudFormation::Stack, Properties: { TemplateURL: !Sub "https://\${B}.s3.amazonaws.com/t" } }
  H: { Type: AWS::Serverless::Function, Properties: { CodeUri: !Ref CodeParam } }
  I: { Type: AWS::Serverless::Application, Properties: { Location: { ApplicationId: arn, SemanticVersion: 1.0.0 } } }
  J: { Type: AWS::S3::Bucket, Properties: { BucketName: ./not-code } }
  K: { Type: AWS::CloudFormation::Stack, Properties: { TemplateURL: "{{resolve:ssm:/stacks/child-url:1}}" } }
`;
    expect(found(template)).toEqual([]);
  });
});

describe("runPackage", () => {
  const plan = (body: string, file = "template.yaml") => planPackage({ file, body, dir });

  it("stops at a YAML syntax error with its line, before uploading what a guessed tree names", async () => {
    // The open quote swallows the lines after it: a reader that recovered would see no CodeUri.
    const body =
      'Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Description: "open\n      Code: ./src\n';
    await expect(plan(body)).rejects.toThrow(
      /^Template template\.yaml could not be parsed \(line 7: Missing closing "quote/,
    );
  });

  it("replaces each local path by its S3 location in the template's own text", async () => {
    const { s3, calls } = memoryS3();
    const body = `# comments and short forms stay
Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: ./src   # the code
      Role: !GetAtt Role.Arn
  Layer:
    Type: AWS::Serverless::LayerVersion
    Properties:
      ContentUri: layer
  Raw:
    Type: AWS::Lambda::Function
    Properties:
      Code: handler.py
  Api:
    Type: AWS::Serverless::Api
    Properties:
      DefinitionUri: 'api.yaml'
  Sfn:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      DefinitionS3Location: machine.asl.json
`;
    const result = await runPackage(await plan(body), TARGET, { s3, log: () => {} });
    const keys = result.artifacts.map((a) => a.key);
    expect(keys.every((key) => /^app\/artifacts\/[0-9a-f]{64}\.(zip|yaml|json)$/.test(key))).toBe(true);
    const [code, layer, raw, api, machine] = keys;
    expect(api.endsWith(".yaml")).toBe(true);
    expect(machine.endsWith(".json")).toBe(true);
    expect(raw.endsWith(".zip")).toBe(true);
    expect(result.body).toBe(`# comments and short forms stay
Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: "s3://art/${code}"   # the code
      Role: !GetAtt Role.Arn
  Layer:
    Type: AWS::Serverless::LayerVersion
    Properties:
      ContentUri: "s3://art/${layer}"
  Raw:
    Type: AWS::Lambda::Function
    Properties:
      Code: { "S3Bucket": "art", "S3Key": "${raw}" }
  Api:
    Type: AWS::Serverless::Api
    Properties:
      DefinitionUri: "s3://art/${api}"
  Sfn:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      DefinitionS3Location: { "Bucket": "art", "Key": "${machine}" }
`);
    expect(result).toMatchObject({ changed: true, uploaded: 5, reused: 0, rewrittenAsJson: false });
    expect(calls.filter((c) => c.startsWith("PutObject"))).toHaveLength(5);
  });

  it("packages Globals and JSON templates, and keeps JSON as JSON", async () => {
    const { s3 } = memoryS3();
    const body = `{
  "Transform": "AWS::Serverless-2016-10-31",
  "Globals": { "Function": { "CodeUri": "src" } },
  "Resources": { "Fn": { "Type": "AWS::Serverless::Function", "Properties": { "Handler": "index.handler" } } }
}
`;
    const result = await runPackage(await plan(body, "template.json"), TARGET, { s3, log: () => {} });
    const parsed = JSON.parse(result.body);
    expect(parsed.Globals.Function.CodeUri).toBe(`s3://art/${result.artifacts[0].key}`);
    expect(result.body.split("\n")).toHaveLength(body.split("\n").length);
  });

  it("packages a local nested template recursively and points TemplateURL at it", async () => {
    const { s3, objects } = memoryS3();
    writeFileSync(
      join(dir, "child.yaml"),
      "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Code: src\n",
    );
    const body =
      "Resources:\n  Child:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: ./child.yaml\n";
    const result = await runPackage(
      await plan(body),
      { ...TARGET, endpoint: "http://127.0.0.1:4566" },
      {
        s3,
        log: () => {},
      },
    );
    expect(result.artifacts.map((a) => [a.owner, a.property])).toEqual([
      ["Resource Fn (AWS::Lambda::Function)", "Code"],
      ["Resource Child (AWS::CloudFormation::Stack)", "TemplateURL"],
    ]);
    const [codeKey, childKey] = result.artifacts.map((a) => a.key);
    expect(childKey).toMatch(/^app\/artifacts\/[0-9a-f]{64}\.template$/);
    expect(result.body).toContain(`TemplateURL: "http://127.0.0.1:4566/art/${childKey}"`);
    expect(objects.get(`art/${childKey}`)?.toString()).toBe(
      `Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Code: { "S3Bucket": "art", "S3Key": "${codeKey}" }\n`,
    );
  });

  it("uploads nothing and gives the same bytes when the code is unchanged", async () => {
    const { s3, calls } = memoryS3();
    const body =
      "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: src\n";
    const first = await runPackage(await plan(body), TARGET, { s3, log: () => {} });
    calls.length = 0;
    const second = await runPackage(await plan(body), TARGET, { s3, log: () => {} });
    expect(second.body).toBe(first.body);
    expect(second).toMatchObject({ uploaded: 0, reused: 1 });
    expect(calls.filter((c) => c.startsWith("PutObject"))).toEqual([]);
  });

  it("returns a template without local paths as it was, with no AWS call", async () => {
    const { s3, calls } = memoryS3();
    const body =
      "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: s3://b/k.zip\n";
    const result = await runPackage(
      await plan(body),
      { ...TARGET, bucket: undefined },
      { s3, log: () => {} },
    );
    expect(result).toMatchObject({ body, changed: false, uploaded: 0 });
    expect(calls).toEqual([]);
  });

  it("fails on a missing local path with the resource's logical id and line, before any upload", async () => {
    const body = `Resources:
  Fine:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: src
  Broken:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: ./nowhere
`;
    const error = await plan(body).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PackageError);
    expect((error as PackageError).location).toEqual({ file: "template.yaml", line: 9 });
    expect((error as Error).message).toMatch(
      /^Resource Broken \(AWS::Serverless::Function\) CodeUri: the local path '\.\/nowhere' .* does not exist \(template\.yaml line 9\)\. Nothing was uploaded\./,
    );
  });

  it("fails on a missing path in a nested template at the parent's line", async () => {
    writeFileSync(
      join(dir, "child.yaml"),
      "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Code: gone\n",
    );
    const body =
      "Resources:\n  Child:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: child.yaml\n";
    const error = (await plan(body).catch((e: unknown) => e)) as PackageError;
    expect(error).toBeInstanceOf(PackageError);
    expect(error.message).toMatch(/Resource Fn \(AWS::Lambda::Function\) Code: the local path 'gone'/);
    expect(error.message).toMatch(/child\.yaml line 5/);
  });

  it("names the bucket input when local paths have nowhere to go", async () => {
    const body =
      "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: src\n";
    const error = await runPackage(
      await plan(body),
      { ...TARGET, bucket: undefined },
      { log: () => {} },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(
      /^Input 'artifact-bucket': the template template\.yaml has local paths/,
    );
  });
});
