import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createSpecIndex, decodeType, loadSpec } from "../../../src/template/spec/index";
import { closest, editDistance } from "../../../src/template/suggest";

const root = resolve(import.meta.dirname, "../../..");
const committedData = join(root, "src/template/spec/data");
const scratch = mkdtempSync(join(tmpdir(), "spec-test-"));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("loadSpec", () => {
  const spec = loadSpec();

  it("knows a type only through its own service shard; other names are unknown, never a path", () => {
    expect(spec.has("AWS::Lambda::Function")).toBe(true);
    expect(spec.has("AWS::Lambda::Functions")).toBe(false);
    // A service with no shard, and names that would build a path out of the data folder.
    for (const name of [
      "AWS::NoSuchService::Thing",
      "AWS::../../package::json",
      "AWS::S3/x::Bucket",
      "AWS::S3",
    ]) {
      expect(spec.has(name), name).toBe(false);
      expect(spec.resource(name), name).toBeUndefined();
    }
  });

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

  it("turns the spec's builtin tag type into a Tag struct, whose Key and Value the constraints require", () => {
    // Which of them a tag needs differs by type (the constraints' required lists say so, E3003).
    const fn = spec.resource("AWS::Lambda::Function");
    expect(fn?.properties.Tags.type).toEqual({ kind: "list", item: { kind: "struct", name: "Tag" } });
    expect(fn?.structs.Tag.properties).toEqual({
      Key: { type: { kind: "string" }, required: false },
      Value: { type: { kind: "string" }, required: false },
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
    expect(spec.suggest("AWS::Lamda::Function")).toBe("AWS::Lambda::Function");
    expect(spec.suggest("AWS::S3::Buckket")).toBe("AWS::S3::Bucket");
    // As many edits as allowed (a fifth of 18), all of them insertions.
    expect(spec.suggest("AWS::SQS::Queueeee")).toBe("AWS::SQS::Queue");
  });

  it("suggests a name as close as the closest of all names, for typos of every kind", () => {
    const names: string[] = JSON.parse(
      readFileSync(join(process.cwd(), "src/template/spec/data/names.json"), "utf8"),
    );
    let seed = 11;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * n);
    };
    for (let n = 0; n < 60; n++) {
      let typo = names[random(names.length)];
      for (let k = 1 + random(4); k > 0; k--) {
        const at = random(typo.length);
        const edit = random(3);
        if (edit === 0) typo = typo.slice(0, at) + typo.slice(at + 1);
        else if (edit === 1) typo = `${typo.slice(0, at)}x${typo.slice(at)}`;
        else typo = `${typo.slice(0, at)}q${typo.slice(at + 1)}`;
      }
      const bound = Math.max(2, Math.floor(typo.length / 5));
      const best = names.includes(typo) ? typo : closest(typo, names, bound);
      const got = spec.suggest(typo);
      const distance = (name: string | undefined) =>
        name === undefined ? undefined : editDistance(typo.toLowerCase(), name.toLowerCase());
      expect(distance(got)).toBe(distance(best));
    }
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
      "SourceKMSKeyArn",
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
    // Events are checked by the SAM rules, per event source type.
    expect(fn?.properties.Events.type).toEqual({ kind: "map", item: { kind: "json" } });
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
    // Auth and Cors are mappings of known keys (the transform refuses others), their values loose.
    const api = spec.resource("AWS::Serverless::Api");
    expect(api?.properties.Auth.type).toEqual({ kind: "struct", name: "ApiAuth" });
    expect(api?.structs.ApiAuth.properties.Authorizers.type).toEqual({ kind: "json" });
    expect(api?.properties.Cors.type).toEqual({
      kind: "union",
      types: [{ kind: "string" }, { kind: "struct", name: "ApiCors" }],
    });
  });

  const translatorKeys = samTranslatorKeys();
  it.skipIf(!translatorKeys)(
    "gives API Auth, CORS and usage plans the keys the SAM transform accepts, no more, no fewer",
    () => {
      const keys = (type: string, struct: string) =>
        Object.keys(spec.resource(type)?.structs[struct]?.properties ?? {}).sort();
      expect({
        ApiAuth: keys("AWS::Serverless::Api", "ApiAuth"),
        ApiCors: keys("AWS::Serverless::Api", "ApiCors"),
        ApiUsagePlan: keys("AWS::Serverless::Api", "ApiUsagePlan"),
        HttpApiAuth: keys("AWS::Serverless::HttpApi", "HttpApiAuth"),
        HttpApiCors: keys("AWS::Serverless::HttpApi", "HttpApiCors"),
      }).toEqual(translatorKeys?.api);
    },
  );

  it.skipIf(!translatorKeys)(
    "gives a GraphQL API and each of its nested settings the keys the SAM transform accepts, no more, no fewer",
    () => {
      const graphql = spec.resource("AWS::Serverless::GraphQLApi");
      const structs = Object.fromEntries(
        Object.entries(graphql?.structs ?? {}).map(([name, struct]) => [
          name,
          Object.keys(struct.properties).sort(),
        ]),
      );
      expect({ Properties: Object.keys(graphql?.properties ?? {}).sort(), ...structs }).toEqual(
        translatorKeys?.graphql,
      );
    },
  );

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

  it("says what to do when the constraint data was not copied", () => {
    const partial = join(scratch, "partial");
    mkdirSync(partial, { recursive: true });
    copyFileSync(join(committedData, "names.json"), join(partial, "names.json"));
    expect(() => createSpecIndex(partial).constraints("AWS::S3::Bucket")).toThrow(
      /constraints.source\.json.*npm run spec/,
    );
  });
});

/** Every file of an index directory, the constraint shards under "constraints/". */
function readIndex(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const file of readdirSync(dir).sort()) {
    if (file === "constraints") continue;
    files.set(file, readFileSync(join(dir, file), "utf8"));
  }
  for (const file of readdirSync(join(dir, "constraints")).sort()) {
    files.set(`constraints/${file}`, readFileSync(join(dir, "constraints", file), "utf8"));
  }
  return files;
}

/**
 * The keys the SAM translator (installed with cfn-lint) accepts: in API Auth, CORS and usage plans,
 * from its named tuples; in a GraphQL API and each of its nested settings, from the models it
 * validates the resource with (every pydantic model of the module, by class name).
 */
function samTranslatorKeys():
  | { api: Record<string, string[]>; graphql: Record<string, string[]> }
  | undefined {
  const script = [
    "import json, inspect",
    "from samtranslator.model.api import api_generator as r, http_api_generator as h",
    "from samtranslator.internal.schema_source import aws_serverless_graphqlapi as g",
    "from samtranslator.internal.schema_source.common import BaseModel",
    "api = {'ApiAuth': sorted(r.AuthProperties._fields), 'ApiCors': sorted(r.CorsProperties._fields),",
    "  'ApiUsagePlan': sorted(r.UsagePlanProperties._fields),",
    "  'HttpApiAuth': sorted(h.AuthProperties._fields), 'HttpApiCors': sorted(h.CorsProperties._fields)}",
    "fields = lambda model: getattr(model, 'model_fields', None) or model.__fields__  # pydantic 2, or 1 as the translator may use",
    "graphql = {name: sorted(fields(model)) for name, model in inspect.getmembers(g, inspect.isclass)",
    "  if issubclass(model, BaseModel) and model is not BaseModel and model.__module__ == g.__name__ and name != 'Resource'}",
    "print(json.dumps({'api': api, 'graphql': graphql}))",
  ].join("\n");
  try {
    return JSON.parse(
      execFileSync("python3", ["-c", script], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }),
    );
  } catch {
    console.warn(
      "spec.test.ts: the SAM translator is not installed (it comes with cfn-lint), so the SAM supplement's API " +
        "Auth, CORS and GraphQL keys are not compared with it; install it with pip install cfn-lint to run those tests.",
    );
    return undefined;
  }
}

/** The constraints come from the provider schemas inside cfn-lint, so only a machine with it can regenerate them. */
function cfnLintVersion(): string | undefined {
  try {
    return execFileSync("python3", ["-c", "import cfnlint.version; print(cfnlint.version.__version__)"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    return undefined;
  }
}

const cfnLint = cfnLintVersion();
if (!cfnLint) {
  console.warn(
    "spec.test.ts: cfn-lint is not installed (python3 -c 'import cfnlint' fails), so the committed data " +
      "is not compared with a fresh npm run spec; install it with pip install cfn-lint to run that test.",
  );
}

describe("constraints", () => {
  const spec = loadSpec();

  it("carries the provider schemas' ranges, enums, patterns and groups", () => {
    const fn = spec.constraints("AWS::Lambda::Function");
    expect(fn?.r.pr?.MemorySize).toEqual({ mn: 128, mx: 32768 });
    expect(fn?.r.pr?.Architectures).toEqual({ in: 1, it: { e: ["x86_64", "arm64"] }, ix: 1, u: 1 });
    expect(spec.constraints("AWS::SQS::Queue")?.r.pr?.MessageRetentionPeriod).toEqual({
      mn: 60,
      mx: 1209600,
    });
    expect(spec.constraints("AWS::IAM::Policy")?.r.a).toEqual([
      { r: ["Users"] },
      { r: ["Groups"] },
      { r: ["Roles"] },
    ]);
    expect(spec.constraints("AWS::Events::Rule")?.r.ro).toEqual(["EventPattern", "ScheduleExpression"]);
  });

  it("translates Python-only pattern syntax to JavaScript", () => {
    // The schema writes ^[.\-_/#A-Za-z0-9]{1,512}\Z; Python's \Z is JavaScript's $ without the m flag.
    expect(spec.constraints("AWS::Logs::LogGroup")?.r.pr?.LogGroupName.p).toBe("^[.\\-_/#A-Za-z0-9]{1,512}$");
  });

  it("resolves definitions named by $ within the type's entry", () => {
    const fn = spec.constraints("AWS::Lambda::Function");
    const ref = fn?.r.pr?.EphemeralStorage.$;
    expect(ref).toBeDefined();
    expect(fn?.d[ref ?? ""]).toEqual({ pr: { Size: { mn: 512, mx: 10240 } }, r: ["Size"] });
  });

  it("gives SAM functions the constraints of the properties they pass to Lambda", () => {
    const sam = spec.constraints("AWS::Serverless::Function");
    expect(sam?.r.pr?.MemorySize).toEqual({ mn: 128, mx: 32768 });
    expect(sam?.r.pr?.Tags).toBeUndefined();
  });

  it("knows nothing of unknown types and returns the same entry on every call", () => {
    expect(spec.constraints("AWS::S3::Bukket")).toBeUndefined();
    expect(spec.constraints("AWS::SQS::Queue")).toBe(spec.constraints("AWS::SQS::Queue"));
  });

  it("knows the SAM policy templates and their parameters, as the SAM guide lists them", () => {
    const templates = spec.samPolicyTemplates();
    expect(templates.get("DynamoDBCrudPolicy")).toEqual({ parameters: ["TableName"], names: ["TableName"] });
    expect(templates.get("AMIDescribePolicy")).toEqual({ parameters: [], names: [] });
    expect(templates.get("SQSPollerPolicy")).toEqual({ parameters: ["QueueName"], names: ["QueueName"] });
    // Written into the ARN it builds (arn:...:s3:::<name>, after fields of their own with colons).
    expect(templates.get("S3ReadPolicy")?.names).toEqual(["BucketName"]);
    // Given whole, as the policy's Resource.
    expect(templates.get("AWSSecretsManagerGetSecretValuePolicy")).toEqual({
      parameters: ["SecretArn"],
      names: [],
    });
    expect(templates.has("DynamoDBCrudPolice")).toBe(false);
    expect(spec.samPolicyTemplates()).toBe(templates);
  });

  it("knows each service's instance types in every region, without case, with the cfn-lint version", () => {
    const source = JSON.parse(readFileSync(join(committedData, "constraints/source.json"), "utf8"));
    const ec2 = spec.instanceTypes("ec2");
    // t3.micro in every region, a1.metal only in some, t1.micro only in old ones.
    for (const type of ["t3.micro", "a1.metal", "t1.micro", "m5.large"])
      expect(ec2?.types.has(type)).toBe(true);
    expect(ec2?.types.has("t3.micor")).toBe(false);
    // The lists are held in lower case, for rules to look a value up in lower case: the data writes
    // AppStream's types with capitals (Accelerated.g4dn.xlarge).
    expect(spec.instanceTypes("appstream")?.types.has("accelerated.g4dn.xlarge")).toBe(true);
    expect(spec.instanceTypes("appstream")?.types.has("Accelerated.g4dn.xlarge")).toBe(false);
    // EC2's list also holds the EC2 API's types: trn2.3xlarge is in no region's pricing data, and
    // c8ib.large is in the pricing data but not yet in the API's list.
    expect(ec2?.types.has("trn2.3xlarge")).toBe(true);
    expect(ec2?.types.has("c8ib.large")).toBe(true);
    expect(ec2?.cfnLint).toBe(source.cfnLint);
    expect(spec.instanceTypes("rds-instance")?.types.has("db.serverless")).toBe(true);
    expect(spec.instanceTypes("rds-instance")?.types.has("t3.micro")).toBe(false);
    expect(spec.instanceTypes("elasticsearch")).toBeUndefined();
    expect(spec.instanceTypes("ec2")).toBe(ec2);
  });

  it("knows the RDS engine versions RDS no longer creates with, by lowercase engine", () => {
    const source = JSON.parse(readFileSync(join(committedData, "constraints/source.json"), "utf8"));
    const instance = spec.deprecatedEngineVersions("instance");
    expect(instance.versions.get("postgres")?.has("9.6.1")).toBe(true);
    expect(instance.versions.get("aurora-mysql")?.has("5.7.mysql_aurora.2.07.2")).toBe(true);
    expect(spec.deprecatedEngineVersions("cluster").versions.get("aurora-postgresql")?.has("16.4")).toBe(
      false,
    );
    // The oldest of each line of cfn-lint's list of versions (its enum starts '5.5.62', '5.6.51', '5.7.33').
    expect(instance.oldest.get("mysql")?.get("5.7")).toBe("5.7.33");
    expect(instance.oldest.get("aurora-mysql")).toBeUndefined();
    expect(instance.cfnLint).toBe(source.cfnLint);
    expect(spec.deprecatedEngineVersions("instance")).toBe(instance);
  });

  it("records the cfn-lint version the constraints came from", () => {
    const source = JSON.parse(readFileSync(join(committedData, "constraints/source.json"), "utf8"));
    expect(source.cfnLint).toMatch(/^\d+\.\d+\.\d+$/);
    expect(source.region).toBe("us-east-1");
  });
});

describe("committed data", () => {
  it.runIf(cfnLint)("equals a fresh run of npm run spec", () => {
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
    expect([...readIndex(join(bundle, "data")).keys()]).toEqual([...readIndex(committedData).keys()]);
    const index = createSpecIndex(join(bundle, "data"));
    expect(index.resource("AWS::S3::Bucket")?.properties.BucketName.type).toEqual({ kind: "string" });
    expect(index.constraints("AWS::Lambda::Function")?.r.pr?.Timeout).toEqual({ mn: 1, mx: 900 });
  });
});
