import { describe, expect, it } from "vitest";
import {
  describeParameters,
  noEchoValues,
  readParameterOverrides,
  resolveParameters,
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

  it("names bad lines by number and key, never by value", async () => {
    const colon = readParameterOverrides("Stage=dev\nToken: hunter2", readFile);
    await expect(colon).rejects.toThrow(
      "Input 'parameter-overrides': line 2 (Token: …) of the input is not Key=Value. Write Token=<value>, or give the whole input as a YAML mapping",
    );
    await expect(colon).rejects.not.toThrow(/hunter2/);
    const pem =
      "Token=-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nabc+/Xk9q2w==\n-----END PRIVATE KEY-----";
    const error = await readParameterOverrides(pem, readFile).catch((e: Error) => e.message);
    expect(error).toContain("lines 2, 4 of the input are not Key=Value.");
    expect(error).toContain(
      "give a multi-line value (a PEM key) as a YAML mapping with a block scalar (Key: |)",
    );
    for (const part of ["BEGIN", "MIIE", "Xk9q2w", "END"]) expect(error).not.toContain(part);
    await expect(readParameterOverrides("Stage=dev\njust-a-word", readFile)).rejects.toThrow(
      "Input 'parameter-overrides': line 2 of the input is not Key=Value.",
    );
  });

  it("never repeats a lone word that may be a value without its key", async () => {
    const error = await readParameterOverrides("hunter2", readFile).catch((e: Error) => e.message);
    expect(error).toBe(
      "Input 'parameter-overrides': The input was read as a parameters file (one line, no '='), but it cannot be read. Give Key=Value lines, a YAML mapping, or the path of a parameters file relative to the workspace.",
    );
    await expect(readParameterOverrides("missing.json", readFile)).rejects.toThrow(
      "Input 'parameter-overrides': 'missing.json' was read as a parameters file (one line, no '='), but it cannot be read.",
    );
  });

  it("reports where a document is broken without quoting it", async () => {
    const json = await readParameterOverrides("bad.json", readFile).catch((e: Error) => e.message);
    expect(json).toMatch(
      /^Input 'parameter-overrides': bad\.json is not valid JSON( \(line 1, column \d+\))?\.$/,
    );
    const yaml = await readParameterOverrides('{"Token": "s3cret', readFile).catch((e: Error) => e.message);
    expect(yaml).toMatch(
      /^Input 'parameter-overrides': the input is not valid YAML \(line \d+, column \d+\)\.$/,
    );
    expect(yaml).not.toContain("s3cret");
    await expect(readParameterOverrides("A=1\nA=2", readFile)).rejects.toThrow(
      "Input 'parameter-overrides': parameter 'A' is given twice (on line 2); keep one.",
    );
  });

  it("reads a YAML mapping in the input, with multi-line values and every value as written", async () => {
    const map = await readParameterOverrides(
      "Token: |\n  -----BEGIN PRIVATE KEY-----\n  MIIE\n  -----END PRIVATE KEY-----\nStage: 1.10\nSubnets: [a, b]\n",
      readFile,
    );
    expect([...map]).toEqual([
      ["Token", "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n"],
      ["Stage", "1.10"],
      ["Subnets", "a,b"],
    ]);
    expect([...(await readParameterOverrides("Token: hunter2", readFile))]).toEqual([["Token", "hunter2"]]);
    // What `${{ toJSON(secrets.KEY) }}` puts in a workflow: a JSON string, which YAML reads with its escapes.
    expect([
      ...(await readParameterOverrides('Stage: dev\nToken: "line one\\nline two\\n"', readFile)),
    ]).toEqual([
      ["Stage", "dev"],
      ["Token", "line one\nline two\n"],
    ]);
  });

  it("reads the AWS CLI's JSON list and a JSON mapping in the input", async () => {
    expect([
      ...(await readParameterOverrides('[{"ParameterKey": "Token", "ParameterValue": "a\\nb"}]', readFile)),
    ]).toEqual([["Token", "a\nb"]]);
    expect([...(await readParameterOverrides('{"Stage": "prod", "Subnets": ["a", "b"]}', readFile))]).toEqual(
      [
        ["Stage", "prod"],
        ["Subnets", "a,b"],
      ],
    );
  });

  it("reads Key=Value lines and YAML mappings from files of any other name", async () => {
    files["params.env"] = "# dev\nStage=dev\nToken=x=y\n";
    files["secrets.txt"] = "Token: |\n  line one\n  line two\n";
    expect([...(await readParameterOverrides("params.env", readFile))]).toEqual([
      ["Stage", "dev"],
      ["Token", "x=y"],
    ]);
    expect([...(await readParameterOverrides("secrets.txt", readFile))]).toEqual([
      ["Token", "line one\nline two\n"],
    ]);
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

  it("masks NoEcho values for logs and hands them out for masking, line by line", () => {
    const given = new Map([
      ["Subnets", "a"],
      ["Token", "hunter2"],
    ]);
    const params = resolveParameters(given, declared, undefined);
    expect(describeParameters(params, declared)).toEqual(["Subnets=a", "Token=****"]);
    expect(noEchoValues(given, declared)).toEqual(["hunter2"]);
    expect(noEchoValues(new Map([["Token", "-----BEGIN KEY-----\nMIIEvQIB\n---\n"]]), declared)).toEqual([
      "-----BEGIN KEY-----\nMIIEvQIB\n---\n",
      "-----BEGIN KEY-----",
      "MIIEvQIB",
    ]);
  });
});
