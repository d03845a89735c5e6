import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createSpecIndex, decodeType, loadSpec } from "../../../src/template/spec/index";

const root = resolve(import.meta.dirname, "../../..");
const committedData = join(root, "src/template/spec/data");
const scratch = mkdtempSync(join(tmpdir(), "spec-test-"));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("loadSpec", () => {
  const spec = loadSpec();

  it("describes AWS::S3::Bucket", () => {
    const bucket = spec.resource("AWS::S3::Bucket");
    expect(bucket?.name).toBe("AWS::S3::Bucket");
    expect(bucket?.properties.BucketName).toEqual({ type: { kind: "string" }, required: false });
    expect(bucket?.attributes).toContain("Arn");
    expect(bucket?.attributes).toContain("DomainName");
    expect(bucket?.properties.VersioningConfiguration.type).toEqual({
      kind: "struct",
      name: "VersioningConfiguration",
    });
    expect(bucket?.structs.VersioningConfiguration.properties.Status).toEqual({
      type: { kind: "string" },
      required: true,
    });
  });

  it("describes AWS::Lambda::Function with its required properties and structs", () => {
    const fn = spec.resource("AWS::Lambda::Function");
    expect(fn?.properties.Role).toEqual({ type: { kind: "string" }, required: true });
    expect(fn?.properties.Code).toEqual({ type: { kind: "struct", name: "Code" }, required: true });
    expect(fn?.properties.Handler.required).toBe(false);
    expect(fn?.structs.Code.properties.S3Bucket).toEqual({ type: { kind: "string" }, required: false });
    expect(fn?.properties.Layers.type).toEqual({ kind: "list", item: { kind: "string" } });
    expect(fn?.properties.Environment.type).toEqual({ kind: "struct", name: "Environment" });
    expect(fn?.structs.Environment.properties.Variables.type).toEqual({
      kind: "map",
      item: { kind: "string" },
    });
    expect(fn?.attributes).toContain("SnapStartResponse.ApplyOn");
  });

  it("turns the spec's builtin tag type into a Tag struct", () => {
    const fn = spec.resource("AWS::Lambda::Function");
    expect(fn?.properties.Tags.type).toEqual({ kind: "list", item: { kind: "struct", name: "Tag" } });
    expect(fn?.structs.Tag.properties).toEqual({
      Key: { type: { kind: "string" }, required: true },
      Value: { type: { kind: "string" }, required: true },
    });
  });

  it("accepts a property's previous types besides its current one", () => {
    // The spec moved IAM policy documents from string to JSON; older templates still pass strings.
    const group = spec.resource("AWS::IAM::Group");
    expect(group?.structs.Policy.properties.PolicyDocument).toEqual({
      type: { kind: "union", types: [{ kind: "json" }, { kind: "string" }] },
      required: true,
    });
  });

  it("lists only structs its properties can reach, and every one resolves", () => {
    const fn = spec.resource("AWS::Lambda::Function");
    expect(Object.keys(fn?.structs ?? {})).not.toContain("SnapStartResponse");
    expect(Object.keys(fn?.structs ?? {})).toContain("SnapStart");
  });

  it("returns the same decoded object on every call", () => {
    expect(spec.resource("AWS::SQS::Queue")).toBe(spec.resource("AWS::SQS::Queue"));
  });

  it("knows type names without suggesting for known ones", () => {
    expect(spec.has("AWS::S3::Bucket")).toBe(true);
    expect(spec.has("AWS::S3::Bukket")).toBe(false);
    expect(spec.resource("AWS::S3::Bukket")).toBeUndefined();
    expect(spec.has("constructor")).toBe(false);
  });

  it("suggests the nearest type name for typos and wrong case", () => {
    expect(spec.suggest("AWS::S3::Bukket")).toBe("AWS::S3::Bucket");
    expect(spec.suggest("AWS::Lambda::Functoin")).toBe("AWS::Lambda::Function");
    expect(spec.suggest("aws::dynamodb::table")).toBe("AWS::DynamoDB::Table");
    expect(spec.suggest("AWS::Serverless::Fucntion")).toBe("AWS::Serverless::Function");
    expect(spec.suggest("Acme::Widgets::Sprocket")).toBeUndefined();
  });
});

describe("SAM supplement", () => {
  const spec = loadSpec();

  it("gives AWS::Serverless::Function the properties of a modern Java function", () => {
    const fn = spec.resource("AWS::Serverless::Function");
    expect(fn?.properties.SnapStart).toEqual({
      type: { kind: "struct", name: "SnapStart" },
      required: false,
    });
    expect(fn?.structs.SnapStart.properties.ApplyOn).toEqual({ type: { kind: "string" }, required: true });
    for (const name of [
      "LoggingConfig",
      "RuntimeManagementConfig",
      "RecursiveLoop",
      "PropagateTags",
      "Architectures",
      "EphemeralStorage",
      "FunctionUrlConfig",
      "RolePath",
      "SourceKmsKeyArn",
      "AutoPublishAlias",
    ]) {
      expect(fn?.properties, name).toHaveProperty(name);
    }
    expect(fn?.properties.MemorySize.type).toEqual({ kind: "integer" });
    expect(fn?.attributes).toContain("Arn");
  });

  it("keeps properties permissive where SAM accepts several shapes", () => {
    const fn = spec.resource("AWS::Serverless::Function");
    expect(fn?.properties.CodeUri.type).toEqual({
      kind: "union",
      types: [{ kind: "string" }, { kind: "struct", name: "S3Location" }],
    });
    expect(fn?.properties.Events.type).toEqual({
      kind: "map",
      item: { kind: "struct", name: "EventSource" },
    });
    expect(fn?.structs.EventSource.properties.Properties).toEqual({ type: { kind: "any" }, required: false });
    expect(fn?.properties.Policies.type).toEqual({
      kind: "union",
      types: [
        { kind: "string" },
        { kind: "json" },
        {
          kind: "list",
          item: {
            kind: "union",
            types: [{ kind: "string" }, { kind: "json" }],
          },
        },
      ],
    });
    expect(spec.resource("AWS::Serverless::Api")?.properties.DefinitionBody.type).toEqual({ kind: "json" });
    expect(spec.resource("AWS::Serverless::Api")?.properties.Auth.type).toEqual({ kind: "json" });
  });

  it("adds the SAM types the service spec lacks", () => {
    const connector = spec.resource("AWS::Serverless::Connector");
    expect(connector?.properties.Permissions).toEqual({
      type: { kind: "list", item: { kind: "string" } },
      required: true,
    });
    expect(connector?.structs.ResourceReference.properties.Id.type).toEqual({ kind: "string" });
    const graphql = spec.resource("AWS::Serverless::GraphQLApi");
    expect(graphql?.properties.Auth.required).toBe(true);
    expect(graphql?.attributes).toContain("GraphQLUrl");
    expect(spec.has("AWS::Serverless::Connector")).toBe(true);
  });

  it("gives SAM types the attributes of the resources SAM generates", () => {
    expect(spec.resource("AWS::Serverless::Api")?.attributes).toContain("RootResourceId");
    expect(spec.resource("AWS::Serverless::HttpApi")?.attributes).toContain("ApiEndpoint");
    expect(spec.resource("AWS::Serverless::SimpleTable")?.attributes).toEqual(["Arn", "StreamArn"]);
    expect(spec.resource("AWS::Serverless::StateMachine")?.attributes).toContain("Name");
  });
});

describe("decodeType", () => {
  it("decodes nested codes", () => {
    expect(decodeType("[{i}]")).toEqual({ kind: "list", item: { kind: "map", item: { kind: "integer" } } });
    expect(decodeType("[s|#A]|t")).toEqual({
      kind: "union",
      types: [
        { kind: "list", item: { kind: "union", types: [{ kind: "string" }, { kind: "struct", name: "A" }] } },
        { kind: "timestamp" },
      ],
    });
  });

  it("rejects a malformed code", () => {
    expect(() => decodeType("[s")).toThrow('Malformed type code "[s"');
  });
});

describe("createSpecIndex", () => {
  it("says what to do when the data is missing", () => {
    const index = createSpecIndex(join(scratch, "nowhere"));
    expect(() => index.has("AWS::S3::Bucket")).toThrow(/npm run spec/);
  });
});

function readIndex(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const file of readdirSync(dir).sort()) files.set(file, readFileSync(join(dir, file), "utf8"));
  return files;
}

describe("committed data", () => {
  it("equals a fresh run of npm run spec", () => {
    const fresh = join(scratch, "fresh");
    execFileSync(process.execPath, [join(root, "scripts/build-spec.mjs"), fresh], { cwd: root });
    const expected = readIndex(fresh);
    const committed = readIndex(committedData);
    expect([...committed.keys()]).toEqual([...expected.keys()]);
    for (const [file, text] of expected) expect(committed.get(file), file).toBe(text);
  });

  it("is found next to a bundle once copied there", () => {
    const bundle = join(scratch, "bundle");
    execFileSync(process.execPath, [join(root, "scripts/copy-spec-data.mjs"), bundle], { cwd: root });
    expect(readdirSync(join(bundle, "data")).sort()).toEqual(readdirSync(committedData).sort());
    const index = createSpecIndex(join(bundle, "data"));
    expect(index.resource("AWS::S3::Bucket")?.properties.BucketName.type).toEqual({ kind: "string" });
  });
});
