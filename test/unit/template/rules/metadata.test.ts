/**
 * The template's Metadata section: null values (E4002) and the cfn-lint configuration that
 * templates carry (W4005). The fixtures were also run through cfn-lint 1.51, whose findings are
 * noted where they differ.
 */
import { describe, expect, it } from "vitest";
import { brief, lint, yaml } from "../lint";

const TOPIC = ["Resources:", "  Topic:", "    Type: AWS::SNS::Topic"];

describe("E4002 null values in the Metadata section", () => {
  it("reports each null, in mappings, lists and the branches of a Fn::If, at its key or item", () => {
    const findings = lint(
      yaml(
        "Conditions:",
        "  Prod: !Equals [!Ref AWS::Region, us-east-1]",
        "Metadata:",
        "  Owner: team",
        "  Notes:",
        "  Build:",
        "    Steps:",
        "      - compile",
        "      -",
        "    Cache: ~",
        "  Chosen: !If [Prod, null, dev]",
        ...TOPIC,
      ),
      { only: ["E4002"] },
    );
    // cfn-lint reports the same four, at the key that holds each (Steps for the list item, Chosen for the branch).
    expect(brief(findings)).toEqual(["E4002 5:3", "E4002 9:8", "E4002 10:5", "E4002 11:22"]);
    expect(findings[0].message).toBe(
      "Notes of the template's Metadata has no value, and CloudFormation refuses a template with a null value in it " +
        "(\"'null' values are not allowed in templates\"); give it a value, or leave it out",
    );
    expect(findings[1].path).toEqual(["Metadata", "Build", "Steps", 1]);
  });

  it("leaves alone a Metadata section without nulls, one that is not a mapping (E1001's), and a template with a macro", () => {
    expect(
      brief(
        lint(yaml("Metadata:", "  Owner: team", "  Empty: ''", "  List: []", ...TOPIC), { only: ["E4002"] }),
      ),
    ).toEqual([]);
    expect(brief(lint(yaml("Metadata: text", ...TOPIC), { only: ["E4002", "E1001"] }))).toEqual([
      "E1001 1:11",
    ]);
    expect(
      brief(lint(yaml("Transform: Custom::Fill", "Metadata:", "  Owner:", ...TOPIC), { only: ["E4002"] })),
    ).toEqual([]);
  });
});

describe("W4005 the cfn-lint configuration in Metadata", () => {
  it("reports unknown keys, values of the wrong kind and items that are not rule ids, in the template and a resource", () => {
    const findings = lint(
      yaml(
        "Metadata:",
        "  cfn-lint:",
        "    config:",
        "      ignore_check: [E3030]",
        "      ignore_checks: [e3030, 12, W3005, '']",
        "      regions: us-east-1",
        "      include_experimental: yes please",
        "Resources:",
        "  Topic:",
        "    Type: AWS::SNS::Topic",
        "    Metadata:",
        "      cfn-lint:",
        "        config:",
        "          ignore_checks: E3030",
        "  Queue:",
        "    Type: AWS::SQS::Queue",
        "    Metadata:",
        "      cfn-lint: [E3030]",
      ),
      { only: ["W4005"] },
    );
    // cfn-lint stops with a Python error on the item 12 and on Queue's list; without them it reports lines 4, 6
    // and 7 (at their keys), not Topic's text: its rule reads the template's Metadata only.
    expect(brief(findings)).toEqual([
      "W4005 4:7",
      "W4005 5:22",
      "W4005 6:16",
      "W4005 7:29",
      "W4005 14:26",
      "W4005 18:7",
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      "Key 'ignore_check' of the cfn-lint configuration of the template's Metadata is not one cfn-lint or this " +
        "validator reads, and does nothing (did you mean 'ignore_checks'?); the keys are append_rules, " +
        "configure_rules, ignore_bad_template, ignore_checks, include_experimental, merge_configs, regions",
      "ignore_checks of the cfn-lint configuration of the template's Metadata has an item that is not text; write " +
        "each item as text",
      "regions of the cfn-lint configuration of the template's Metadata is not a list; write a list of text",
      "include_experimental of the cfn-lint configuration of the template's Metadata is not a boolean; write true or " +
        "false",
      "ignore_checks of the cfn-lint configuration of resource 'Topic' is text, not a list: this validator takes it " +
        "as one id, and cfn-lint turns nothing off with it; write a list, such as [E3030]",
      "The cfn-lint configuration of resource 'Queue' is not a mapping, and neither cfn-lint nor this validator " +
        "reads it; write cfn-lint: {config: {ignore_checks: [...]}}",
    ]);
  });

  it("reports ignore_checks items that are not rule ids or prefixes, and leaves a right configuration alone", () => {
    const findings = lint(
      yaml(
        "Metadata:",
        "  cfn-lint:",
        "    config:",
        "      ignore_checks: [e3030, W3, E30, '', I3011, E3O30, ES1007, WS, EIAMPolicyWildcardResource]",
        "      regions: [us-east-1, eu-west-1]",
        "      configure_rules: {E3012: {strict: false}}",
        "      ignore_bad_template: true",
        "  Owner: team",
        ...TOPIC,
      ),
      { only: ["W4005"] },
    );
    expect(brief(findings)).toEqual(["W4005 4:23", "W4005 4:39", "W4005 4:50"]);
    expect(findings[0].message).toBe(
      "Item 1 of ignore_checks of the cfn-lint configuration of the template's Metadata is not a rule id or prefix, " +
        "and turns nothing off; write capital letters and digits, such as E3030, W or a plugin's ES1007",
    );
    expect(brief(lint(yaml("Metadata:", "  Owner: team", ...TOPIC), { only: ["W4005"] }))).toEqual([]);
  });
});
