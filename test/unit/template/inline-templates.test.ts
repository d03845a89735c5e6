/**
 * A stack set's TemplateBody text, validated as the template CloudFormation reads it as, its
 * findings placed in the file that holds it.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkTemplates } from "../../../src/template/check";
import { brief, lint, located, yaml } from "./lint";

const stackSet = (name: string, body: string[]) => [
  `  ${name}:`,
  "    Type: AWS::CloudFormation::StackSet",
  "    Properties:",
  "      StackSetName: edge",
  "      PermissionModel: SELF_MANAGED",
  ...body,
];

const BLOCK = [
  "      TemplateBody: |",
  "          Resources:",
  "            Fn:",
  "              Type: AWS::Lambda::Function",
  "              Properties:",
  "                Runtime: nodejs14.x",
  "                Handler: index.handler",
  "                Role: arn:aws:iam::111122223333:role/x",
  "                Code: { ZipFile: 'exports.handler = async () => 1' }",
  "            Queue:",
  "              Type: AWS::SQS::Queue",
  "              Properties: { QueueName: fixed }",
];

describe("inline templates of stack sets", () => {
  it("places a block scalar's findings on their own lines, and leaves W3939 to previews", () => {
    const findings = lint(yaml("Resources:", ...stackSet("Set", BLOCK)));
    expect(located(findings)).toEqual([
      expect.stringMatching(/^E2533 12 in the TemplateBody of Set: Runtime nodejs14\.x was deprecated/),
    ]);
    expect(brief(findings)).toEqual(["E2533 12:26"]);
    expect(findings[0].path).toEqual(["Resources", "Set", "Properties", "TemplateBody"]);
  });

  it("places a quoted body's findings at its start, naming the line in it, and reads YAML text in a .json file", () => {
    const body = JSON.stringify(
      ["Resources:", "  Queue:", "    Type: AWS::SQS::Queue", "    Properties: { DelaySeconds: 9000 }"].join(
        "\n",
      ),
    );
    const findings = lint(
      JSON.stringify({
        Resources: {
          Set: {
            Type: "AWS::CloudFormation::StackSet",
            Properties: {
              StackSetName: "edge",
              PermissionModel: "SELF_MANAGED",
              TemplateBody: JSON.parse(body),
            },
          },
        },
      }),
      { file: "template.json" },
    );
    expect(located(findings)).toEqual([
      "E3034 1 in the TemplateBody of Set (line 4, column 33): 'DelaySeconds' of AWS::SQS::Queue must be at most 900",
    ]);
  });

  it("reports a body that does not parse, and leaves one a function gives", () => {
    const findings = lint(
      yaml(
        "Resources:",
        ...stackSet("Broken", [
          "      TemplateBody: |",
          "          Resources:",
          "            Queue: [unclosed",
        ]),
        ...stackSet("Given", [
          "      TemplateBody: !Sub 'Resources: {Queue: {Type: AWS::SQS::Queue, Properties: {DelaySeconds: 9000}}}'",
        ]),
      ),
    );
    // The parser stops at the end of the text: the end of its last line.
    expect(brief(findings.filter((finding) => finding.ruleId !== "W1020"))).toEqual(["E0000 9:29"]);
    expect(findings[0].message).toMatch(/^in the TemplateBody of Broken: /);
  });

  it("does the same through the validate action's path, lazily parsed", async () => {
    const workspace = mkdtempSync(join(tmpdir(), "inline-"));
    writeFileSync(join(workspace, "org.yaml"), yaml("Resources:", ...stackSet("Set", BLOCK)));
    const { findings } = await checkTemplates(["org.yaml"], { workspace });
    expect(located(findings)).toEqual([
      expect.stringMatching(/^E2533 12 in the TemplateBody of Set: Runtime nodejs14\.x/),
    ]);
    expect(findings[0].file).toBe("org.yaml");
  });
});
