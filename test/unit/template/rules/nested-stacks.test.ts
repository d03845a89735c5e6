/** E3043: nested stacks given the parameters their local templates declare. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkTemplates } from "../../../../src/template/check";
import type { NestedTemplates } from "../../../../src/template/nested";
import { brief, lint, yaml } from "../lint";

const NESTED: NestedTemplates = new Map([
  [
    "./network.yaml",
    {
      file: "network.yaml",
      parameters: new Map([
        ["Env", { required: true }],
        ["CidrBlock", { required: true }],
        ["Subnets", { required: false }],
      ]),
    },
  ],
  ["nested/api.yaml", { file: "nested/api.yaml", parameters: new Map([["Stage", { required: true }]]) }],
]);

describe("E3043 nested stack parameters", () => {
  it("finds parameters the nested template does not declare, and required ones not given", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Parameters:",
        "  Env:",
        "    Type: String",
        "Resources:",
        "  Network:",
        "    Type: AWS::CloudFormation::Stack",
        "    Properties:",
        "      TemplateURL: ./network.yaml",
        "      Parameters:",
        "        Env: !Ref Env",
        "        CidrBlok: 10.0.0.0/16",
        "  Api:",
        "    Type: AWS::Serverless::Application",
        "    Properties:",
        "      Location: nested/api.yaml",
        "  Remote:",
        "    Type: AWS::CloudFormation::Stack",
        "    Properties:",
        "      TemplateURL: https://example.com/x.yaml",
        "      Parameters:",
        "        Anything: x",
        "  Optional:",
        "    Type: AWS::CloudFormation::Stack",
        "    Properties:",
        "      TemplateURL: ./network.yaml",
        "      Parameters:",
        "        Env: prod",
        "        CidrBlock: !Ref AWS::NoValue",
      ),
      { only: ["E3043"], nested: NESTED },
    );
    expect(brief(findings)).toEqual(["E3043 10:7", "E3043 12:9", "E3043 16:7", "E3043 27:7"]);
    expect(findings[0].message).toBe(
      "Nested template network.yaml declares parameter CidrBlock without a Default, and resource 'Network' does " +
        "not give it, so the nested stack fails to create; add it under Parameters, or give it a Default there",
    );
    expect(findings[1].message).toBe(
      "Parameter CidrBlok is not declared in nested template network.yaml, so the nested stack fails to create " +
        "(did you mean 'CidrBlock'?); declare it there, or remove it here",
    );
    expect(findings[2].message).toContain("Nested template nested/api.yaml declares parameter Stage");
  });

  it("reads the nested templates next to the template, and leaves out those it cannot use", async () => {
    const workspace = mkdtempSync(join(tmpdir(), "preview-stacks-nested-"));
    mkdirSync(join(workspace, "infra/stacks"), { recursive: true });
    writeFileSync(
      join(workspace, "infra/stacks/queue.yaml"),
      yaml(
        "Parameters:",
        "  QueueName:",
        "    Type: String",
        "  Delay:",
        "    Type: Number",
        "    Default: 0",
        "Resources:",
        "  Queue:",
        "    Type: AWS::SQS::Queue",
        "    Properties:",
        "      QueueName: !Ref QueueName",
        "      DelaySeconds: !Ref Delay",
      ),
    );
    writeFileSync(join(workspace, "infra/stacks/broken.yaml"), "Resources:\n  Queue: [unclosed\n");
    writeFileSync(
      join(workspace, "infra/main.yaml"),
      yaml(
        "Resources:",
        "  Queues:",
        "    Type: AWS::CloudFormation::Stack",
        "    Properties:",
        "      TemplateURL: stacks/queue.yaml",
        "      Parameters:",
        "        Delay: 5",
        "        Retention: 60",
        "  Broken:",
        "    Type: AWS::CloudFormation::Stack",
        "    Properties:",
        "      TemplateURL: stacks/broken.yaml",
        "      Parameters:",
        "        Anything: x",
        "  Missing:",
        "    Type: AWS::CloudFormation::Stack",
        "    Properties:",
        "      TemplateURL: stacks/missing.yaml",
      ),
    );
    const { findings } = await checkTemplates(["infra/main.yaml"], { workspace });
    const nested = findings.filter((finding) => finding.ruleId === "E3043");
    expect(brief(nested)).toEqual(["E3043 6:7", "E3043 8:9"]);
    expect(nested[0].message).toContain(
      "Nested template infra/stacks/queue.yaml declares parameter QueueName",
    );
    expect(nested[1].message).toContain(
      "Parameter Retention is not declared in nested template infra/stacks/queue.yaml",
    );
  });
});
