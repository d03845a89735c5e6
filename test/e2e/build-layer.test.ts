/**
 * dist/build-layer run as the runner runs it, against the fake AWS (S3, Lambda layers) and the
 * fake Actions cache service. Build commands append to a marker file, so a test sees whether the
 * build ran.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeAws, startFakeAws } from "../fakes/aws/index";
import { type FakeGitHub, startFakeGitHub } from "../fakes/github/index";
import { npmProject, pythonProject, tempDir } from "../unit/layer/fixtures";
import { runAction } from "./harness";

const BUCKET = "layer-artifacts";
let aws: FakeAws;
let gh: FakeGitHub;

beforeAll(async () => {
  aws = await startFakeAws();
  aws.state.s3.createBucket(BUCKET, "us-east-1");
  gh = await startFakeGitHub();
});

afterAll(async () => {
  await aws?.close();
  await gh?.close();
});

/** A workspace with a native library to include and a build command that writes lib/ and bin/. */
function workspace(label: string): { dir: string; marker: string; home: string } {
  const root = tempDir(`bl-${label}`);
  // The marker and HOME sit beside the checkout: a custom layer's key covers every file of its source.
  const dir = join(root, "checkout");
  mkdirSync(join(dir, "native", "lib"), { recursive: true });
  writeFileSync(join(dir, "native", "lib", "libnative.so"), "native library v1\n");
  writeFileSync(join(dir, "tool.sh"), "#!/bin/sh\necho tool\n");
  const home = join(root, "home");
  mkdirSync(home);
  return { dir, marker: join(root, "builds.log"), home };
}

const BUILD = [
  'mkdir -p "$LAYER_DIR/bin" "$LAYER_DIR/lib"',
  'install -m 0755 tool.sh "$LAYER_DIR/bin/tool"',
  'echo data > "$LAYER_DIR/lib/data.txt"',
  'echo build >> "$BUILD_MARKER"',
].join("\n");

function run(
  ws: { dir: string; marker: string; home: string },
  inputs: Record<string, string>,
  env: Record<string, string> = {},
) {
  return runAction({
    action: "build-layer",
    workspace: ws.dir,
    awsEndpoint: aws.endpoint,
    inputs: {
      name: "native-deps",
      runtime: "custom",
      include: "native/lib:lib",
      "build-command": BUILD,
      "artifact-bucket": BUCKET,
      "compatible-runtimes": "java21",
      ...inputs,
    },
    // A fixed HOME, as on a runner, so the cached directory (~/.cache/...) is the same path in every run.
    env: { AWS_S3_FORCE_PATH_STYLE: "true", BUILD_MARKER: ws.marker, HOME: ws.home, ...env },
  });
}

function builds(marker: string): number {
  return existsSync(marker) ? readFileSync(marker, "utf8").split("\n").filter(Boolean).length : 0;
}

describe("build-layer", () => {
  it("builds and publishes, then a second run publishes nothing and outputs the same version", async () => {
    const ws = workspace("publish");
    const first = await run(ws, { name: "publish-twice" });
    expect(first.exitCode, first.stdout).toBe(0);
    expect(first.outputs.published).toBe("true");
    expect(first.outputs["cache-hit"]).toBe("false");
    expect(first.outputs["layer-version"]).toBe("1");
    expect(first.outputs["layer-version-arn"]).toBe(
      "arn:aws:lambda:us-east-1:123456789012:layer:publish-twice:1",
    );
    const sha = first.outputs.sha256;
    expect(first.outputs["s3-uri"]).toBe(`s3://${BUCKET}/layers/publish-twice/${sha}.zip`);
    const object = aws.state.s3.getObject(BUCKET, `layers/publish-twice/${sha}.zip`);
    expect(object && createHash("sha256").update(object).digest("hex")).toBe(sha);
    expect(Number(first.outputs.size)).toBe(object?.length);
    expect(first.outputs["unzipped-size"]).toBe(
      String("native library v1\n".length + "#!/bin/sh\necho tool\n".length + "data\n".length),
    );
    // Outside Actions there is no cache service: said once, and the build goes on.
    expect(first.stdout.match(/No Actions cache service/g)).toHaveLength(1);
    expect(first.stdout).toContain("::group::Building layer publish-twice (custom, x86_64)");
    const lv = aws.state.lambda.getLayerVersion("publish-twice", 1);
    // The unzipped size rides along for deploy's check of each function and its layers.
    expect(lv?.description).toBe(`sha256:${sha} unzipped:${first.outputs["unzipped-size"]}`);
    expect(lv?.compatibleArchitectures).toEqual(["x86_64"]);
    expect(lv?.compatibleRuntimes).toEqual(["java21"]);

    const second = await run(ws, { name: "publish-twice" });
    expect(second.exitCode, second.stdout).toBe(0);
    expect(second.outputs.published).toBe("false");
    expect(second.summary).toContain("### Layer `publish-twice`");
    expect(second.summary).toContain(
      "| version | `arn:aws:lambda:us-east-1:123456789012:layer:publish-twice:1` (unchanged, reused) |",
    );
    expect(second.outputs.sha256).toBe(sha);
    expect(second.outputs["layer-version-arn"]).toBe(first.outputs["layer-version-arn"]);
    expect(builds(ws.marker)).toBe(2);
    const puts = aws.calls.filter(
      (c) => c.service === "s3" && c.action.startsWith("PUT") && c.keys.Key?.includes("publish-twice"),
    );
    expect(puts).toHaveLength(1);
    expect(aws.state.lambda.listLayerVersions("publish-twice")).toHaveLength(1);
  });

  it("keeps exactly keep-versions versions, the newest", async () => {
    const ws = workspace("prune");
    for (const content of ["v1", "v2", "v3", "v4"]) {
      writeFileSync(join(ws.dir, "native", "lib", "libnative.so"), content);
      const result = await run(ws, { name: "pruned", "keep-versions": "2" });
      expect(result.exitCode, result.stdout).toBe(0);
      expect(result.outputs.published).toBe("true");
    }
    expect(aws.state.lambda.listLayerVersions("pruned").map((v) => v.version)).toEqual([4, 3]);
  });

  it("in a dry run, builds and reports what publishing would do, and changes nothing in AWS", async () => {
    const ws = workspace("dry-run");
    const published = await run(ws, { name: "dry", "keep-versions": "1" });
    expect(published.exitCode, published.stdout).toBe(0);
    const before = aws.calls.length;
    writeFileSync(join(ws.dir, "native", "lib", "libnative.so"), "native library v2\n");
    const changed = await run(ws, { name: "dry", "keep-versions": "1", "dry-run": "true" });
    expect(changed.exitCode, changed.stdout).toBe(0);
    expect(changed.outputs.published).toBe("false");
    expect(changed.outputs["layer-version-arn"]).toBe("");
    expect(changed.outputs.sha256).not.toBe(published.outputs.sha256);
    expect(changed.outputs["s3-uri"]).toBe(`s3://${BUCKET}/layers/dry/${changed.outputs.sha256}.zip`);
    expect(changed.stdout).toContain(
      "Dry run of layer dry: nothing was changed; a run would upload the zip, publish a new version, delete versions 1.",
    );
    expect(changed.summary).toContain(
      "| dry run | nothing was changed; a run would upload the zip, publish a new version, delete versions 1 |",
    );
    // Only reads reached AWS: the object is not there and version 1 is the only one.
    const writes = aws.calls
      .slice(before)
      .filter((c) => !/^(GET|HEAD) /.test(c.action))
      .map((c) => `${c.service} ${c.action}`);
    expect(writes).toEqual([]);
    expect(aws.state.s3.getObject(BUCKET, `layers/dry/${changed.outputs.sha256}.zip`)).toBeUndefined();
    expect(aws.state.lambda.listLayerVersions("dry").map((v) => v.version)).toEqual([1]);

    // The published content again: the version that holds it is the output, and it would stay.
    writeFileSync(join(ws.dir, "native", "lib", "libnative.so"), "native library v1\n");
    const same = await run(ws, { name: "dry", "keep-versions": "1", "dry-run": "true" });
    expect(same.exitCode, same.stdout).toBe(0);
    expect(same.outputs["layer-version-arn"]).toBe(published.outputs["layer-version-arn"]);
    expect(same.outputs.published).toBe("false");
    expect(same.summary).toContain(
      "| dry run | nothing was changed; a run would upload nothing (the zip is in the bucket), reuse version 1, delete no version |",
    );
  });

  it("fails a layer over Lambda's size limit before any upload, naming the largest directories", async () => {
    const ws = workspace("too-big");
    const result = await run(ws, {
      name: "too-big",
      include: "",
      cache: "false",
      "build-command": [
        'mkdir -p "$LAYER_DIR/lib/opencv" "$LAYER_DIR/python/torch"',
        'truncate -s 160M "$LAYER_DIR/lib/opencv/libopencv.so"',
        'truncate -s 110M "$LAYER_DIR/python/torch/libtorch.so"',
      ].join("\n"),
    });
    expect(result.exitCode).toBe(1);
    const error = result.annotations.find((a) => a.level === "error")?.message ?? "";
    expect(error).toContain("over Lambda's limit of 250.0 MiB (262144000 bytes)");
    expect(error).toMatch(/lib\/opencv\/?\s+160\.0 MiB\n\s+python\/torch\/?\s+110\.0 MiB/);
    expect(
      aws.calls.filter((c) => c.keys.Key?.includes("too-big") || c.keys.LayerName === "too-big"),
    ).toEqual([]);
  });

  it("saves the zip to the Actions cache, and a hit on the next run skips the build", async () => {
    const ws = workspace("cache");
    const env = { ...gh.cacheEnv(), BUILD_MARKER: ws.marker };
    const first = await run(ws, { name: "cached" }, env);
    expect(first.exitCode, first.stdout).toBe(0);
    expect(first.outputs["cache-hit"]).toBe("false");
    expect(gh.cache.list().some((e) => e.key.startsWith("preview-stacks-layer-cached-x86_64-"))).toBe(true);
    // A new runner: nothing left of the first run's home.
    rmSync(join(ws.home, ".cache"), { recursive: true, force: true });

    const lookupsBefore = gh.cache.calls.filter((c) => c.op === "GetCacheEntryDownloadURL").length;
    const second = await run(ws, { name: "cached" }, env);
    expect(second.exitCode, second.stdout).toBe(0);
    expect(second.outputs["cache-hit"], second.stdout).toBe("true");
    // The object is in the bucket: the small record is restored, and the zip is not fetched.
    expect(gh.cache.calls.filter((c) => c.op === "GetCacheEntryDownloadURL").length - lookupsBefore).toBe(1);
    expect(second.outputs.sha256).toBe(first.outputs.sha256);
    expect(second.outputs.published).toBe("false");
    expect(second.outputs["layer-version-arn"]).toBe(first.outputs["layer-version-arn"]);
    expect(builds(ws.marker)).toBe(1);
  });

  it("fetches the cached zip only when its object is not in the bucket, and uploads it without building", async () => {
    const ws = workspace("cache-zip");
    const env = { ...gh.cacheEnv(), BUILD_MARKER: ws.marker };
    const first = await run(ws, { name: "cache-zip" }, env);
    expect(first.exitCode, first.stdout).toBe(0);
    const key = `layers/cache-zip/${first.outputs.sha256}.zip`;
    const uploaded = aws.state.s3.getObject(BUCKET, key);
    // The object is gone (a lifecycle rule, say) and the runner is new.
    aws.state.s3.deleteObject(BUCKET, key);
    rmSync(join(ws.home, ".cache"), { recursive: true, force: true });

    const lookups = () => gh.cache.calls.filter((c) => c.op === "GetCacheEntryDownloadURL");
    const before = lookups().length;
    const second = await run(ws, { name: "cache-zip" }, env);
    expect(second.exitCode, second.stdout).toBe(0);
    expect(second.outputs["cache-hit"]).toBe("true");
    expect(builds(ws.marker)).toBe(1);
    expect(aws.state.s3.getObject(BUCKET, key)).toEqual(uploaded);
    expect(second.outputs.published).toBe("false");
    // Two entries restored: the record, then the zip it promises.
    const keys = lookups()
      .slice(before)
      .map((c) => (c.body as { key: string }).key);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^preview-stacks-layer-cache-zip-x86_64-[0-9a-f]{64}$/);
    expect(keys[1]).toBe(`${keys[0]}-zip`);
  });

  it("builds normally, after a warning, when the cache service is down", async () => {
    const ws = workspace("cache-down");
    gh.cache.down();
    const result = await run(ws, { name: "cache-down" }, gh.cacheEnv()).finally(() => gh.cache.up());
    expect(result.exitCode, result.stdout).toBe(0);
    expect(result.annotations.some((a) => a.level === "warning")).toBe(true);
    expect(result.outputs["cache-hit"]).toBe("false");
    expect(result.outputs.published).toBe("true");
    expect(builds(ws.marker)).toBe(1);
  });

  it("rejects a bad input up front without repeating its value", async () => {
    const ws = workspace("bad-input");
    const result = await run(ws, { name: "bad-input", architecture: "sparc-secret" });
    expect(result.exitCode).toBe(1);
    const error = result.annotations.find((a) => a.level === "error")?.message ?? "";
    expect(error).toBe(
      "Input 'architecture': the value is not one of the allowed values; use one of: x86_64, arm64.",
    );
    expect(result.stdout).not.toContain("sparc-secret");
    expect(builds(ws.marker)).toBe(0);
  });
});

describe("build-layer with the template its functions are in", () => {
  /** The layer files the workspace gives (see BUILD): what the built layer unzips to. */
  const LAYER_BYTES = "native library v1\n".length + "#!/bin/sh\necho tool\n".length + "data\n".length;
  const HANDLER = "exports.handler = async () => 1;\n";

  function template(sharedArn: string, otherArn: string): string {
    return `Transform: AWS::Serverless-2016-10-31
Parameters:
  NativeLayer:
    Type: String
  SharedLayer:
    Type: String
    Default: ${sharedArn}
Resources:
  Api:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: src/
      Handler: index.handler
      Runtime: java21
      Layers:
        - !Ref SharedLayer
        - !Ref NativeLayer
        - ${otherArn}
  Other:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: src/
      Handler: index.handler
      Runtime: java21
      Layers: [!Ref SharedLayer]
`;
  }

  /** A layer version published by an earlier run (or another tool), with this description. */
  function published(name: string, description: string): string {
    return aws.state.lambda.publishLayerVersion({ layerName: name, content: Buffer.from("zip"), description })
      .layerVersionArn;
  }

  function withTemplate(label: string, body: string) {
    const ws = workspace(label);
    mkdirSync(join(ws.dir, "app", "src"), { recursive: true });
    writeFileSync(join(ws.dir, "app", "template.yaml"), body);
    writeFileSync(join(ws.dir, "app", "src", "index.js"), HANDLER);
    return ws;
  }

  it("fails before any upload when the layer would push a function over Lambda's limit, naming each part", async () => {
    const shared = published("fn-limit-shared", `sha256:${"a".repeat(64)} unzipped:262144000`);
    const other = published("fn-limit-other", "built elsewhere");
    const ws = withTemplate("fn-limit", template(shared, other));
    // GetLayerVersionByArn: GET /2018-10-31/layers?find=LayerVersion&Arn=... (the query is not recorded).
    const lookupsBefore = aws.callsOf("lambda", "GET /2018-10-31/layers").length;
    const result = await run(ws, {
      name: "fn-limit",
      template: "app/template.yaml",
      "template-parameter": "NativeLayer",
    });
    expect(result.exitCode, result.stdout).toBe(1);
    const error = result.annotations.find((a) => a.level === "error")?.message ?? "";
    expect(error).toContain(
      `Function Api (AWS::Serverless::Function, app/template.yaml line 9) would unzip to at least 250.0 MiB (${262144000 + HANDLER.length + LAYER_BYTES} bytes) with its layers, over Lambda's limit of 250.0 MiB (262144000 bytes) for a function and all its layers:`,
    );
    expect(error).toContain(`  code (CodeUri): 0.0 MiB (${HANDLER.length} bytes)`);
    expect(error).toContain("  layer from parameter SharedLayer (line 16): 250.0 MiB (262144000 bytes)");
    expect(error).toContain(
      `  layer fn-limit (parameter NativeLayer, line 17): 0.0 MiB (${LAYER_BYTES} bytes)`,
    );
    expect(error).toContain("  layer version ARN at line 18: unknown, not counted");
    expect(error).toContain("Nothing was uploaded.");
    // Other does not use this layer: not this run's to report.
    expect(error).not.toContain("Function Other");
    expect(
      aws.calls.filter(
        (c) => c.service === "s3" && c.action.startsWith("PUT") && c.action.includes("fn-limit"),
      ),
    ).toEqual([]);
    expect(aws.state.lambda.listLayerVersions("fn-limit")).toEqual([]);
    // One GetLayerVersionByArn per distinct ARN.
    expect(aws.callsOf("lambda", "GET /2018-10-31/layers").length - lookupsBefore).toBe(2);
  });

  it("publishes when the functions fit, naming layers of unknown size in a note", async () => {
    const shared = published("fn-fit-shared", `sha256:${"b".repeat(64)} unzipped:1000`);
    const other = published("fn-fit-other", `sha256:${"c".repeat(64)}`);
    const ws = withTemplate("fn-fit", template(shared, other));
    const result = await run(ws, {
      name: "fn-fit",
      template: "app/template.yaml",
      "template-parameter": "NativeLayer",
    });
    expect(result.exitCode, result.stdout).toBe(0);
    expect(result.outputs.published).toBe("true");
    expect(result.stdout).toContain(
      "whose unzipped size is not known (a layer version published by other tools, or not readable): Api: layer version ARN at line 18.",
    );
    expect(result.stdout).toContain(
      "Lambda's limit for a function and its layers holds for Api with this layer.",
    );
  });

  it("rejects a parameter the template does not declare, without repeating it", async () => {
    const ws = withTemplate("fn-param", template("arn:aws:lambda:us-east-1:123456789012:layer:x:1", "y"));
    const result = await run(ws, {
      name: "fn-param",
      template: "app/template.yaml",
      "template-parameter": "NoSuchSecretParam",
    });
    expect(result.exitCode).toBe(1);
    expect(result.annotations.find((a) => a.level === "error")?.message).toBe(
      "Input 'template-parameter': the template declares no such parameter; name the parameter that will receive this layer's ARN.",
    );
    expect(result.stdout).not.toContain("NoSuchSecretParam");
    expect(aws.state.lambda.listLayerVersions("fn-param")).toEqual([]);
  });
});

/** The entry names of the zip the run uploaded. */
function uploadedEntries(s3Uri: string): string[] {
  const key = s3Uri.slice(`s3://${BUCKET}/`.length);
  const file = join(tempDir("bl-zip"), "layer.zip");
  writeFileSync(file, aws.state.s3.getObject(BUCKET, key) ?? Buffer.alloc(0));
  const script = "import sys, zipfile\nprint('\\n'.join(zipfile.ZipFile(sys.argv[1]).namelist()))";
  return execFileSync("python3", ["-c", script, file], { encoding: "utf8" }).trim().split("\n");
}

describe("build-layer runtimes", () => {
  it("builds a nodejs layer from a lockfile of local tarballs, offline, without dev dependencies", async () => {
    const root = tempDir("bl-node");
    npmProject(root);
    const result = await runAction({
      action: "build-layer",
      workspace: root,
      awsEndpoint: aws.endpoint,
      inputs: {
        name: "node-deps",
        runtime: "nodejs",
        source: "app",
        "artifact-bucket": BUCKET,
        cache: "false",
      },
      env: { AWS_S3_FORCE_PATH_STYLE: "true", npm_config_offline: "true" },
    });
    expect(result.exitCode, result.stdout).toBe(0);
    const entries = uploadedEntries(result.outputs["s3-uri"]);
    expect(entries).toContain("nodejs/node_modules/tiny-dep/index.js");
    expect(entries.some((e) => e.includes("tiny-dev"))).toBe(false);

    // The same sources in another checkout, built again: the same bytes.
    const other = tempDir("bl-node-copy");
    cpSync(join(root, "app"), join(other, "app"), { recursive: true });
    const again = await runAction({
      action: "build-layer",
      workspace: other,
      inputs: { name: "node-deps", runtime: "nodejs", source: "app", publish: "false", cache: "false" },
      env: { npm_config_offline: "true" },
    });
    expect(again.exitCode, again.stdout).toBe(0);
    expect(again.outputs.sha256).toBe(result.outputs.sha256);
    expect(again.outputs["layer-version-arn"]).toBe("");
  });

  it("builds a python layer from a local wheel with pip-args", async () => {
    const root = tempDir("bl-python");
    pythonProject(root);
    const result = await runAction({
      action: "build-layer",
      workspace: root,
      awsEndpoint: aws.endpoint,
      inputs: {
        name: "py-deps",
        runtime: "python",
        source: "py",
        "pip-args": "--no-index --find-links wheels",
        "compatible-runtimes": "python3.11",
        "artifact-bucket": BUCKET,
        cache: "false",
      },
      env: { AWS_S3_FORCE_PATH_STYLE: "true" },
    });
    expect(result.exitCode, result.stdout).toBe(0);
    expect(uploadedEntries(result.outputs["s3-uri"])).toContain("python/tiny_py/__init__.py");
    expect(aws.state.lambda.getLayerVersion("py-deps", 1)?.compatibleRuntimes).toEqual(["python3.11"]);
  });
});
