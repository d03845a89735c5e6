import { describe, expect, it } from "vitest";
import {
  describeParameters,
  readParameterOverrides,
  resolveParameters,
  secretValues,
  templateParameters,
} from "../../../src/stack/parameters";

const declared = templateParameters({
  Parameters: {
    Stage: { Type: "String", Default: "dev" },
    Subnets: { Type: "CommaDelimitedList" },
    Token: { Type: "String", NoEcho: true },
  },
});

const files: Record<string, string> = {
  "params.json": JSON.stringify([
    { ParameterKey: "Subnets", ParameterValue: "a,b" },
    { ParameterKey: "Token", ParameterValue: "t" },
  ]),
  "params.yaml": "Subnets:\n  - a\n  - b\nToken: t=1\n",
  "bad.json": "{ nope",
};
const readFile = async (path: string) => {
  if (path in files) return files[path];
  throw new Error("ENOENT");
};

describe("parameter-overrides", () => {
  it("reads Key=Value lines whose values hold commas and equals signs", async () => {
    const map = await readParameterOverrides("Subnets=a,b,c\n\n# note\nToken = x=y==\n", readFile);
    expect([...map]).toEqual([
      ["Subnets", "a,b,c"],
      ["Token", "x=y=="],
    ]);
  });

  it("reads JSON and YAML files in either shape", async () => {
    expect([...(await readParameterOverrides("params.json", readFile))]).toEqual([
      ["Subnets", "a,b"],
      ["Token", "t"],
    ]);
    expect([...(await readParameterOverrides("file://params.yaml", readFile))]).toEqual([
      ["Subnets", "a,b"],
      ["Token", "t=1"],
    ]);
  });

  it("names the problem with bad lines and unreadable files", async () => {
    await expect(readParameterOverrides("Stage=dev\njust-a-word", readFile)).rejects.toThrow(
      "Input 'parameter-overrides': line 2 ('just-a-word') is not Key=Value; write one Key=Value per line, or give the path of a JSON or YAML parameters file.",
    );
    await expect(readParameterOverrides("missing.json", readFile)).rejects.toThrow(
      "Input 'parameter-overrides': 'missing.json' has no '=' so it was read as a parameters file, but it cannot be read (ENOENT).",
    );
    await expect(readParameterOverrides("bad.json", readFile)).rejects.toThrow(
      /bad\.json is not valid JSON or YAML/,
    );
    await expect(readParameterOverrides("A=1\nA=2", readFile)).rejects.toThrow(
      "Input 'parameter-overrides': parameter 'A' is given twice (line 2); keep one.",
    );
  });
});

describe("resolveParameters", () => {
  it("passes overrides, leaves defaults to CloudFormation and keeps a deployed value", () => {
    const given = new Map([["Subnets", "a,b"]]);
    expect(resolveParameters(given, declared, [{ ParameterKey: "Token", ParameterValue: "****" }])).toEqual([
      { ParameterKey: "Subnets", ParameterValue: "a,b" },
      { ParameterKey: "Token", UsePreviousValue: true },
    ]);
  });

  it("rejects unknown names and missing values with the fix", () => {
    expect(() => resolveParameters(new Map([["Stgae", "x"]]), declared, undefined)).toThrow(
      "Input 'parameter-overrides': 'Stgae' is not declared in the template's Parameters (declared: Stage, Subnets, Token). Remove it or fix the spelling.",
    );
    expect(() => resolveParameters(new Map([["Subnets", "a"]]), declared, undefined)).toThrow(
      "Input 'parameter-overrides': 'Token' has no value and no Default in the template. Add Token=... to parameter-overrides.",
    );
  });

  it("masks NoEcho values for logs and hands them out for masking", () => {
    const params = resolveParameters(
      new Map([
        ["Subnets", "a"],
        ["Token", "hunter2"],
      ]),
      declared,
      undefined,
    );
    expect(describeParameters(params, declared)).toEqual(["Subnets=a", "Token=****"]);
    expect(secretValues(params, declared)).toEqual(["hunter2"]);
  });
});
