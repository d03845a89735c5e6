/**
 * The all-in-one action's layers input: a YAML list of build-layer settings, each with the template
 * parameter that receives the layer's ARN, checked item by item as build-layer checks its inputs.
 */
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/inputs";
import { layerReader, parseLayers } from "../../src/layers-input";

const root: Record<string, string> = {
  "artifact-bucket": "shop-artifacts",
  "artifact-prefix": "app/",
  template: "t.yaml",
};
const fallback = (name: string) => root[name] ?? "";

function error(value: string): string {
  try {
    parseLayers(value, fallback);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error("parseLayers accepted the value");
}

describe("parseLayers", () => {
  it("reads each item's settings as text, lists as lines, and takes the bucket from the step", () => {
    const layers = parseLayers(
      `- name: deps
  runtime: python
  source: layers/python
  compatible-runtimes: [python3.12, python3.13]
  keep-versions: 3
  template-parameter: DepsLayerArn
- { name: native, runtime: custom, include: ["native/lib:lib"], artifact-bucket: other-bucket, template-parameter: NativeLayerArn }
`,
      fallback,
    );
    expect(layers).toEqual([
      {
        parameter: "DepsLayerArn",
        settings: {
          name: "deps",
          runtime: "python",
          source: "layers/python",
          "compatible-runtimes": "python3.12\npython3.13",
          "keep-versions": "3",
          "template-parameter": "DepsLayerArn",
        },
      },
      {
        parameter: "NativeLayerArn",
        settings: {
          name: "native",
          runtime: "custom",
          include: "native/lib:lib",
          "artifact-bucket": "other-bucket",
          "template-parameter": "NativeLayerArn",
        },
      },
    ]);
    const [deps, native] = layers.map((layer) => layerReader(layer, fallback));
    expect(deps("artifact-bucket")).toBe("shop-artifacts");
    expect(deps("artifact-prefix")).toBe("app/");
    expect(native("artifact-bucket")).toBe("other-bucket");
    // The template too, so build-layer checks the functions' size limit with the layer in it.
    expect(deps("template")).toBe("t.yaml");
    // Only inputs the root action also takes come from the step; the rest are build-layer's defaults.
    expect(deps("description")).toBe("");
  });

  it("is empty when the input is", () => {
    expect(parseLayers("  \n", fallback)).toEqual([]);
  });

  it("names the item and what is wrong, never a value", () => {
    expect(error("name: deps")).toBe(
      "Input 'layers': the value is not a YAML list; give one list item (- name: ...) per layer.",
    );
    expect(error("- [deps]")).toMatch(/^Input 'layers': item 1 is not a mapping of build-layer settings/);
    expect(error("- { name: deps, runtime: nodejs, color: red, template-parameter: P }")).toMatch(
      /^Input 'layers': item 1 has a key that is not a build-layer input; use: name, runtime, /,
    );
    expect(error("- { name: deps, runtime: nodejs }")).toMatch(
      /^Input 'layers': item 1: template-parameter must name the template parameter/,
    );
    expect(error("- { name: deps, runtime: nodejs, template-parameter: 'Deps-Arn' }")).toMatch(
      /item 1: template-parameter must name/,
    );
    expect(error("- { name: deps, runtime: nodejs, publish: false, template-parameter: P }")).toBe(
      "Input 'layers': item 1, publish: a layer here is always published, since the stack needs its ARN; remove the key, or build the layer with the build-layer action.",
    );
    expect(error("- { name: deps, runtime: nodejs, dry-run: true, template-parameter: P }")).toBe(
      "Input 'layers': item 1, dry-run: a layer here is always published, since the stack needs its ARN; remove the key, or build the layer with the build-layer action.",
    );
    // Not a boolean: the error names the item and the key, not the all-in-one action's own dry-run.
    expect(error("- { name: deps, runtime: nodejs, dry-run: maybe, template-parameter: P }")).toBe(
      "Input 'layers': item 1, dry-run: the value is not a boolean; use true or false.",
    );
    expect(error("- { name: 'secret value!', runtime: nodejs, template-parameter: P }")).toBe(
      "Input 'layers': item 1, name: the value is not a Lambda layer name; use 1-140 letters, digits, hyphens or underscores.",
    );
    expect(
      error(
        "- { name: deps, runtime: nodejs, source: a, template-parameter: P }\n- { name: deps, runtime: nodejs, template-parameter: Q }",
      ),
    ).toBe(
      "Input 'layers': items 1 and 2 have the same name; each layer needs a name and a parameter of its own.",
    );
    expect(
      error(
        "- { name: a, runtime: nodejs, template-parameter: P }\n- { name: b, runtime: nodejs, template-parameter: P }",
      ),
    ).toMatch(/items 1 and 2 have the same template-parameter/);
    expect(error("- { name: deps\n")).toMatch(
      /^Input 'layers': the value is not YAML \(line \d+\); give a list of layers\.$/,
    );
  });

  it("needs a bucket, from the item or the step", () => {
    expect(() => parseLayers("- { name: deps, runtime: nodejs, template-parameter: P }", () => "")).toThrow(
      /item 1, artifact-bucket: no bucket given/,
    );
  });
});
