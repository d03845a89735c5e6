import { describe, expect, it } from "vitest";
import { InputError, parseBoolean, parseIgnoreRules, readValidateInputs, splitList } from "../../src/inputs";

const reader = (values: Record<string, string>) => (name: string) => values[name] ?? "";

describe("list and boolean inputs", () => {
  it("splits on newlines and commas and drops blanks", () => {
    expect(splitList("a.yaml, b.yaml\n\n  stacks/**/*.yaml  \n")).toEqual([
      "a.yaml",
      "b.yaml",
      "stacks/**/*.yaml",
    ]);
  });

  it("accepts the toolkit's boolean spellings and names the input otherwise", () => {
    expect(parseBoolean("allow-empty", "True", false)).toBe(true);
    expect(parseBoolean("allow-empty", "", true)).toBe(true);
    expect(() => parseBoolean("allow-empty", "yes", false)).toThrow(
      "Input 'allow-empty': the value is not a boolean; use true or false.",
    );
  });
});

describe("validate inputs", () => {
  it("reads every input with its default", () => {
    expect(readValidateInputs(reader({ templates: "template.yaml" }))).toEqual({
      templates: ["template.yaml"],
      failOn: "error",
      ignoreRules: [],
      sarifFile: undefined,
      allowEmpty: false,
      parameterOverrides: "",
    });
  });

  it("reads ignore-rules ids and prefixes in any separator", () => {
    expect(parseIgnoreRules("W2001, E30\nW")).toEqual(["W2001", "E30", "W"]);
  });

  it("rejects an unknown fail-on value, naming what is allowed", () => {
    expect(() => readValidateInputs(reader({ templates: "t.yaml", "fail-on": "errors" }))).toThrow(
      "Input 'fail-on': the value is not one of the allowed values; use one of: error, warning, never.",
    );
  });

  it("rejects a malformed rule id", () => {
    const read = reader({ templates: "t.yaml", "ignore-rules": "E3002, bucket-name" });
    expect(() => readValidateInputs(read)).toThrow(InputError);
    expect(() => readValidateInputs(read)).toThrow(/item \d+ is not a rule id/);
  });

  it("requires at least one template", () => {
    expect(() => readValidateInputs(reader({ templates: " , \n" }))).toThrow(
      /Input 'templates': no template given/,
    );
  });
});
