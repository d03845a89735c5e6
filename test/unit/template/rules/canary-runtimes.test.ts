/**
 * E3949: CloudWatch Synthetics canaries on a deprecated runtime, judged on the clock's day.
 */
import { describe, expect, it } from "vitest";
import type { Finding } from "../../../../src/template/model";
import { createCanaryRuntimeRule } from "../../../../src/template/rules/services/canary-runtimes";
import { loadSpec } from "../../../../src/template/spec/index";
import { validateSource } from "../../../../src/template/validate-text";
import { located, yaml } from "../lint";

const spec = loadSpec();

function findings(day: string): Finding[] {
  const rule = createCanaryRuntimeRule(() => Date.parse(`${day}T12:00:00Z`));
  return validateSource(template, "template.yaml", { spec, rules: [rule] });
}

const canary = (name: string, runtime: string) => [
  `  ${name}:`,
  "    Type: AWS::Synthetics::Canary",
  "    Properties:",
  `      Name: ${name.toLowerCase()}`,
  `      RuntimeVersion: ${runtime}`,
  "      ArtifactS3Location: s3://artifacts/canary",
  "      ExecutionRoleArn: arn:aws:iam::123456789012:role/canary",
  "      Schedule: { Expression: rate(5 minutes) }",
  "      StartCanaryAfterCreation: true",
  "      Code: { Handler: index.handler, Script: 'exports.handler = async () => {}' }",
];

const template = yaml(
  "Parameters:",
  "  Runtime: { Type: String, Default: syn-nodejs-puppeteer-6.2, AllowedValues: [syn-nodejs-puppeteer-6.2, syn-nodejs-puppeteer-9.1] }",
  "Resources:",
  ...canary("Old", "syn-nodejs-puppeteer-3.1"),
  ...canary("Recent", "syn-python-selenium-5.1"),
  ...canary("Current", "syn-nodejs-puppeteer-9.1"),
  ...canary("Chosen", "!Ref Runtime"),
);

describe("E3949 canaries on a deprecated runtime", () => {
  it("reports each runtime deprecated by the day, and a parameter's deprecated choice as a warning", () => {
    const found = findings("2026-12-07");
    expect(located(found)).toEqual([
      "E3949 8 RuntimeVersion syn-nodejs-puppeteer-3.1 of canary Old was deprecated before 2024, and CloudWatch " +
        "Synthetics creates no canary with a deprecated runtime, so a new stack fails on it; move to a supported " +
        "runtime version",
      "E3949 18 RuntimeVersion syn-python-selenium-5.1 of canary Recent was deprecated on 2026-02-03, and CloudWatch " +
        "Synthetics creates no canary with a deprecated runtime, so a new stack fails on it; move to a supported " +
        "runtime version",
      "E3949 38 Ref gives 'syn-nodejs-puppeteer-6.2' (with the Default of parameter 'Runtime'): RuntimeVersion " +
        "syn-nodejs-puppeteer-6.2 of canary Chosen was deprecated on 2026-01-22, and CloudWatch Synthetics creates " +
        "no canary with a deprecated runtime, so a new stack fails on it; move to a supported runtime version",
    ]);
    expect(found.map((f) => f.severity)).toEqual(["error", "error", "warning"]);
  });

  it("leaves a runtime alone before the day it was deprecated", () => {
    expect(located(findings("2026-01-21"))).toEqual([expect.stringMatching(/^E3949 8 /)]);
  });
});
