/**
 * workflows-examples/java-app as java-native-layer.yml runs it, through the real bundles: the
 * native library is compiled from its C source with gcc into native/lib/libstandin.so, the layer
 * is built and published by dist/build-layer with `include: native/lib:lib`, and the Java 21
 * SnapStart function is deployed by dist/deploy as PR #12's preview with the layer's ARN as its
 * NativeLayerArn parameter, against the fake AWS and GitHub.
 *
 * The machine has Java 17, so the function's classes are compiled with `--release 17` (a Java 21
 * runtime runs them); the workflow compiles with `--release 21`. Before deploying, the test runs
 * the class against the built library with `java`, so the .so is a working JNI library, not a
 * file with the right name.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAction } from "./harness";
import { PreviewFixture } from "./preview-fixture";

const APP = join(import.meta.dirname, "../../workflows-examples/java-app");
const BUCKET = "thumbnail-artifacts";
const STACK = "shop-pr-12";
const LIBRARY = "libstandin.so";

/** The JDK's include directory (jni.h) beside the `javac` on PATH, or why there is none. */
function jdkInclude(): { dir?: string; missing?: string } {
  for (const tool of ["gcc", "javac", "java"]) {
    if (spawnSync(tool, ["--version"], { encoding: "utf8" }).error)
      return { missing: `${tool} is not on PATH` };
  }
  const javaHome = process.env.JAVA_HOME
    ? process.env.JAVA_HOME
    : dirname(
        dirname(realpathSync(execFileSync("sh", ["-c", "command -v javac"], { encoding: "utf8" }).trim())),
      );
  const dir = join(javaHome, "include");
  return existsSync(join(dir, "jni.h"))
    ? { dir }
    : { missing: `no jni.h under ${dir} (set JAVA_HOME to a JDK)` };
}

const jdk = jdkInclude();
if (jdk.missing) console.log(`java-app e2e skipped: ${jdk.missing}; it needs gcc and a JDK.`);

/** File name → bytes of every file in a zip, read with Python's zipfile (an independent reader). */
function zipFiles(zip: Buffer): Record<string, string> {
  const file = join(f.workspace, "check.zip");
  writeFileSync(file, zip);
  const script = [
    "import sys, zipfile, json, hashlib",
    "z = zipfile.ZipFile(sys.argv[1])",
    "print(json.dumps({i.filename: hashlib.sha256(z.read(i)).hexdigest() for i in z.infolist() if not i.is_dir()}))",
  ].join("\n");
  return JSON.parse(execFileSync("python3", ["-c", script, file], { encoding: "utf8" }));
}

function sha256(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

let f: PreviewFixture;

beforeAll(async () => {
  if (jdk.missing) return;
  f = await PreviewFixture.start({ template: readFileSync(join(APP, "template.yaml"), "utf8") });
  f.aws.state.s3.createBucket(BUCKET, "us-east-1");
  cpSync(APP, f.workspace, { recursive: true });
});

afterAll(async () => {
  await f?.close();
});

describe.skipIf(Boolean(jdk.missing))("java-app: a SnapStart function with a native library layer", () => {
  it("builds the layer with lib/libstandin.so and deploys the preview with its ARN as a parameter", async () => {
    const include = jdk.dir as string;
    const so = join(f.workspace, "native/lib", LIBRARY);
    mkdirSync(dirname(so), { recursive: true });
    execFileSync("gcc", [
      "-shared",
      "-fPIC",
      "-O2",
      `-I${include}`,
      `-I${join(include, "linux")}`,
      "-o",
      so,
      join(f.workspace, "native/standin.c"),
    ]);
    const classes = join(f.workspace, "build/function");
    execFileSync("javac", [
      "--release",
      "17",
      "-d",
      classes,
      join(f.workspace, "src/main/java/example/Thumbnail.java"),
    ]);
    const native = execFileSync(
      "java",
      [`-Djava.library.path=${dirname(so)}`, "-cp", classes, "example.Thumbnail"],
      { encoding: "utf8" },
    );
    expect(native.trim()).toBe("standin 1.0");

    const layer = await runAction({
      action: "build-layer",
      workspace: f.workspace,
      awsEndpoint: f.aws.endpoint,
      inputs: {
        name: "thumbnail-native",
        runtime: "custom",
        source: "native",
        include: "native/lib:lib",
        "compatible-runtimes": "java21",
        "artifact-bucket": BUCKET,
        cache: "false",
      },
      env: { AWS_S3_FORCE_PATH_STYLE: "true" },
    });
    expect(layer.exitCode, layer.stdout + layer.stderr).toBe(0);
    const arn = layer.outputs["layer-version-arn"];
    expect(arn).toBe("arn:aws:lambda:us-east-1:123456789012:layer:thumbnail-native:1");
    const published = f.aws.state.lambda.getLayerVersion("thumbnail-native", 1);
    expect(published?.compatibleRuntimes).toEqual(["java21"]);
    // The layer holds the library at lib/, where Lambda's /opt/lib puts it on the library path,
    // byte for byte as gcc wrote it, and nothing else.
    expect(zipFiles(published?.content ?? Buffer.alloc(0))).toEqual({ [`lib/${LIBRARY}`]: sha256(so) });

    const deploy = await f.deploy({
      "artifact-bucket": BUCKET,
      "parameter-overrides": `NativeLayerArn=${arn}`,
    });
    expect(deploy.exitCode, deploy.stdout + deploy.stderr).toBe(0);
    expect(deploy.outputs).toMatchObject({ "stack-name": STACK, status: "CREATE_COMPLETE" });
    const stack = [...f.aws.state.cloudformation.stacks.values()].find((s) => s.stackName === STACK);
    expect(stack?.status).toBe("CREATE_COMPLETE");
    expect(stack?.parameters).toEqual({ NativeLayerArn: arn });
    expect(JSON.parse(deploy.outputs["outputs-json"]).NativeLayer).toBe(arn);

    // CodeUri (build/function) went up as a zip of the compiled classes.
    const packaged = readFileSync(deploy.outputs["packaged-template"], "utf8");
    const codeUri = /CodeUri: "?s3:\/\/thumbnail-artifacts\/([^"\s]+)"?/.exec(packaged);
    expect(codeUri).not.toBeNull();
    const code = zipFiles(f.aws.state.s3.getObject(BUCKET, codeUri?.[1] ?? "") ?? Buffer.alloc(0));
    expect(Object.keys(code)).toEqual(["example/Thumbnail.class"]);
  });
});
