import { describe, expect, it } from "vitest";
import { BUILD_LAYER_INPUTS, parseIncludes, readBuildLayerInputs } from "../../../src/inputs";

function read(values: Record<string, string>) {
  return (name: string) => values[name] ?? "";
}

const minimal = { name: "deps", runtime: "python", "artifact-bucket": "my-artifacts" };

describe("readBuildLayerInputs", () => {
  it("applies the defaults", () => {
    expect(readBuildLayerInputs(read(minimal))).toEqual({
      name: "deps",
      runtime: "python",
      source: ".",
      include: [],
      buildCommand: undefined,
      architecture: "x86_64",
      compatibleRuntimes: [],
      artifactBucket: "my-artifacts",
      artifactPrefix: "",
      publish: true,
      cache: true,
      keepVersions: 5,
      description: undefined,
      pipArgs: [],
      dryRun: false,
    });
  });

  it("reads every input", () => {
    const inputs = readBuildLayerInputs(
      read({
        ...minimal,
        runtime: "java",
        source: "build/jars",
        include: "native/lib:lib\n# a comment\nbin/tool:/bin/\n",
        "build-command": "make",
        architecture: "arm64",
        "compatible-runtimes": "java21, java17",
        "artifact-prefix": "/team",
        publish: "false",
        cache: "false",
        "keep-versions": "3",
        description: "OpenCV",
        "pip-args": " --no-index  --find-links wheels ",
        "dry-run": "true",
      }),
    );
    expect(inputs).toMatchObject({
      runtime: "java",
      source: "build/jars",
      include: [
        { localPath: "native/lib", layerPath: "lib" },
        { localPath: "bin/tool", layerPath: "bin" },
      ],
      buildCommand: "make",
      architecture: "arm64",
      compatibleRuntimes: ["java21", "java17"],
      artifactPrefix: "team/",
      publish: false,
      cache: false,
      keepVersions: 3,
      description: "OpenCV",
      pipArgs: ["--no-index", "--find-links", "wheels"],
      dryRun: true,
    });
  });

  it.each([
    [{ name: "" }, "Input 'name': no layer name given; set the Lambda layer's name."],
    [
      { name: "my layer!" },
      "Input 'name': the value is not a Lambda layer name; use 1-140 letters, digits, hyphens or underscores.",
    ],
    [{ runtime: "" }, "Input 'runtime': no runtime given; use one of: nodejs, python, java, custom."],
    [
      { runtime: "ruby" },
      "Input 'runtime': the value is not one of the allowed values; use one of: nodejs, python, java, custom.",
    ],
    [
      { runtime: "custom" },
      "Input 'build-command': a custom layer needs a build-command (which writes into $LAYER_DIR) or include lines.",
    ],
    [
      { architecture: "i386" },
      "Input 'architecture': the value is not one of the allowed values; use one of: x86_64, arm64.",
    ],
    [
      { "compatible-runtimes": "python3.13, cobol" },
      "Input 'compatible-runtimes': item 2 is not a Lambda runtime identifier; use names like nodejs22.x, python3.13, java21 or provided.al2023.",
    ],
    [
      { "artifact-bucket": "" },
      "Input 'artifact-bucket': no bucket given; publishing uploads the layer's zip there. Set artifact-bucket, or set publish: false to only build.",
    ],
    [
      { "artifact-bucket": "Not_A_Bucket" },
      "Input 'artifact-bucket': the value is not an S3 bucket name; use 3-63 lower-case letters, digits, dots or hyphens.",
    ],
    [
      { "keep-versions": "0" },
      "Input 'keep-versions': the value is not allowed; use a whole number from 1 to 1000.",
    ],
    [{ publish: "yes" }, "Input 'publish': the value is not a boolean; use true or false."],
    [{ "dry-run": "maybe" }, "Input 'dry-run': the value is not a boolean; use true or false."],
    [
      { include: "native/lib" },
      "Input 'include': line 1 is not of the form local-path:layer-path (e.g. native/lib:lib, bin/tool:bin).",
    ],
    [
      { include: "a:lib\nb:../etc" },
      "Input 'include': line 2: the layer path must be a directory inside the layer, without . or .. parts.",
    ],
    [
      { description: "d".repeat(166) },
      "Input 'description': the value is longer than 165 characters (Lambda allows 256, and the content hash and unzipped size take the rest).",
    ],
    [
      { template: "template.yaml" },
      "Input 'template-parameter': template and template-parameter go together: name the template and the parameter that receives this layer's ARN, or neither.",
    ],
    [
      { "template-parameter": "DepsLayerArn" },
      "Input 'template': template and template-parameter go together: name the template and the parameter that receives this layer's ARN, or neither.",
    ],
    [
      { template: "template.yaml", "template-parameter": "Deps-Layer" },
      "Input 'template-parameter': the value is not a template parameter name; names hold only letters and digits.",
    ],
  ])("rejects %j with a message that does not repeat the value", (over, message) => {
    expect(() => readBuildLayerInputs(read({ ...minimal, ...over }))).toThrow(message);
  });

  it("reads the template and the parameter that receives the layer's ARN, and a description of 165 characters", () => {
    const inputs = readBuildLayerInputs(
      read({
        ...minimal,
        template: " app/template.yaml ",
        "template-parameter": "DepsLayerArn",
        description: "d".repeat(165),
      }),
    );
    expect(inputs.template).toEqual({ file: "app/template.yaml", parameter: "DepsLayerArn" });
    expect(inputs.description).toHaveLength(165);
  });

  it("builds without a bucket when publish is false", () => {
    expect(
      readBuildLayerInputs(read({ name: "x", runtime: "nodejs", publish: "false" })).artifactBucket,
    ).toBeUndefined();
  });

  it("names every input it reads in BUILD_LAYER_INPUTS", () => {
    const asked: string[] = [];
    readBuildLayerInputs((name) => {
      asked.push(name);
      return read(minimal)(name);
    });
    expect(new Set(asked)).toEqual(new Set(Object.values(BUILD_LAYER_INPUTS)));
  });
});

describe("parseIncludes", () => {
  it("keeps the last colon as the separator", () => {
    expect(parseIncludes("C:/native:lib")).toEqual([{ localPath: "C:/native", layerPath: "lib" }]);
  });
});
