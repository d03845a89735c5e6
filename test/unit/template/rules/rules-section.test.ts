/** The Rules section: E1700 its shape, E1701 Assert, E1702 RuleCondition. */
import { describe, expect, it } from "vitest";
import { brief, lint, located, yaml } from "../lint";

const check = (only: string[], ...lines: string[]) => lint(yaml(...lines), { only });

const HEAD = [
  "Parameters:",
  "  Env: { Type: String, AllowedValues: [dev, prod] }",
  "  Size: { Type: String }",
  "Resources:",
  "  Queue:",
  "    Type: AWS::SQS::Queue",
];

describe("E1700 Rules configuration", () => {
  it("accepts the documented forms", () => {
    const findings = check(
      ["E1700", "E1701", "E1702"],
      ...HEAD,
      "Rules:",
      "  ProdSize:",
      "    RuleCondition: !Equals [!Ref Env, prod]",
      "    Assertions:",
      "      - Assert: !Contains [[large, xlarge], !Ref Size]",
      "        AssertDescription: Production runs large",
      "      - Assert:",
      "          Fn::And:",
      "            - !Not [!Equals [!Ref Size, '']]",
      "            - !EachMemberIn [!ValueOfAll ['AWS::EC2::Subnet::Id', VpcId], !RefAll 'AWS::EC2::VPC::Id']",
      "  Always:",
      "    RuleCondition: true",
      "    Assertions:",
      "      - Assert: !If [Never, true, false]",
    );
    expect(findings).toEqual([]);
  });

  it("finds names, shapes, a missing Assert with the key meant, descriptions and Refs to resources", () => {
    const findings = check(
      ["E1700"],
      ...HEAD,
      "Rules:",
      "  Prod-Only:",
      "    Assertions:",
      "      - Asert: !Equals [!Ref Env, prod]",
      "      - Assert: !Equals [!Ref Queue, prod]",
      "        AssertDescription: [not, a, string]",
      "      - !Equals [a, b]",
      "  NoAssertions:",
      "    RuleConditon: !Equals [!Ref Env, prod]",
      "  ListNotMap: [a]",
      "  MapNotList:",
      "    Assertions: {}",
      "  Typo:",
      "    Assertion: [{ Assert: true }]",
    );
    expect(brief(findings)).toEqual([
      "E1700 8:3",
      "E1700 10:9",
      "E1700 11:31",
      "E1700 12:28",
      "E1700 13:9",
      "E1700 14:3",
      "E1700 16:15",
      "E1700 18:17",
      "E1700 19:3",
    ]);
    expect(findings.map((finding) => finding.message)).toEqual([
      'Rule name "Prod-Only" must contain only letters and digits (A-Z, a-z, 0-9)',
      "Assertion 1 of rule Prod-Only has no Assert; is 'Asert' meant to be Assert?",
      "Ref Queue in Rules names a resource, and rules run before any resource exists; rules can refer to " +
        "parameters only",
      "AssertDescription of rule Prod-Only must be a string",
      "Assertion 3 of rule Prod-Only must be a mapping with Assert",
      "Rule NoAssertions has no Assertions",
      "Rule ListNotMap must be a mapping with Assertions (and RuleCondition)",
      "Assertions of rule MapNotList must be a list of mappings with Assert",
      "Rule Typo has no Assertions; is 'Assertion' meant to be Assertions?",
    ]);
  });
});

describe("E1701 / E1702 rule conditions", () => {
  it("finds asserts and conditions that give values, operands included", () => {
    const findings = check(
      ["E1701", "E1702"],
      ...HEAD,
      "Rules:",
      "  Sizes:",
      "    RuleCondition: !Ref Env",
      "    Assertions:",
      "      - Assert: !ValueOf [Size, Value]",
      "      - Assert: !Or [!Equals [!Ref Size, small], !Ref Env, prod]",
      "      - Assert: !Not [[!Equals [a, b]]]",
      "      - Assert: 'yes'",
    );
    expect(brief(findings)).toEqual([
      "E1702 9:20",
      "E1701 11:17",
      "E1701 12:50",
      "E1701 12:60",
      "E1701 13:23",
      "E1701 14:17",
    ]);
    expect(findings[0].message).toContain("RuleCondition of rule Sizes must be a condition");
    expect(findings[1].message).toBe(
      "Assert of rule Sizes must be a condition (true, false, or Fn::And, Fn::Or, Fn::Not, Fn::Equals, " +
        "Fn::Contains, Fn::EachMemberEquals or Fn::EachMemberIn), not Fn::ValueOf, which gives a value",
    );
    expect(findings[2].message).toContain("Operand 2 of Fn::Or in Assert of rule Sizes must be a condition");
    expect(findings[3].message).toContain("Operand 3 of Fn::Or in Assert of rule Sizes must be a condition");
    expect(findings[4].message).toContain("Operand 1 of Fn::Not in Assert of rule Sizes must be a condition");
    expect(findings[4].message).toContain("not a list");
    expect(findings[5].message).toContain("not a plain value");
  });
});

describe("E3947 the values passed at deploy meet the Rules", () => {
  /** Rules as the corpus writes them: a parameter needed when a switch is on, and one of a list. */
  const template = yaml(
    "Parameters:",
    "  CreateAlias: {Type: String, AllowedValues: ['Yes', 'No'], Default: 'No'}",
    "  Alias: {Type: String, Default: ''}",
    "  Stage: {Type: String, Default: dev}",
    "  Secret: {Type: String, NoEcho: true, Default: x}",
    "Rules:",
    "  AliasNeeded:",
    "    RuleCondition: !Equals [!Ref CreateAlias, 'Yes']",
    "    Assertions:",
    "      - Assert: !Not [!Equals [!Ref Alias, '']]",
    "        AssertDescription: To create an alias, the parameter Alias must be set",
    "  KnownStage:",
    "    Assertions:",
    "      - Assert: !Contains [[dev, staging, prod], !Ref Stage]",
    "      - Assert: !Or [!Equals [!Ref Secret, x], !Equals [!Ref Stage, prod]]",
    "Resources:",
    "  Topic:",
    "    Type: AWS::SNS::Topic",
  );
  const ONLY_RULES = ["E3947"];

  it("reports each assertion the values make false, with its description, where the rule applies", () => {
    const findings = lint(template, {
      only: ONLY_RULES,
      parameterValues: { CreateAlias: "Yes", Alias: "", Stage: "test", Secret: "hunter2" },
    });
    expect(located(findings)).toEqual([
      'E3947 10 Rule AliasNeeded fails with the values passed (its RuleCondition holds): "To create an alias, the parameter Alias must be set"; CloudFormation refuses the change set. Pass values its assertion 1 accepts',
      "E3947 14 Rule KnownStage fails with the values passed; CloudFormation refuses the change set. Pass values its assertion 1 accepts",
      "E3947 15 Rule KnownStage fails with the values passed; CloudFormation refuses the change set. Pass values its assertion 2 accepts",
    ]);
    for (const finding of findings) expect(finding.message).not.toContain("hunter2");
  });

  it("judges nothing the values do not decide, nor a rule whose RuleCondition fails", () => {
    const passing = { CreateAlias: "Yes", Alias: "docs", Stage: "prod", Secret: "x" };
    expect(lint(template, { only: ONLY_RULES, parameterValues: passing })).toEqual([]);
    // RuleCondition false: the empty Alias is allowed.
    expect(
      lint(template, { only: ONLY_RULES, parameterValues: { ...passing, CreateAlias: "No", Alias: "" } }),
    ).toEqual([]);
    // Alias not passed: its Default or the stack's previous value decides, which is not known here.
    expect(lint(template, { only: ONLY_RULES, parameterValues: { CreateAlias: "Yes" } })).toEqual([]);
    expect(lint(template, { only: ONLY_RULES })).toEqual([]);
  });

  it("decides Fn::Contains, Fn::EachMemberEquals and Fn::EachMemberIn over the lists passed", () => {
    const lists = yaml(
      "Parameters:",
      "  Zones: {Type: CommaDelimitedList, Default: a}",
      "  Tiers: {Type: CommaDelimitedList, Default: web}",
      "  Tier: {Type: String, Default: web}",
      "Rules:",
      "  Lists:",
      "    Assertions:",
      "      - Assert: !EachMemberIn [!Ref Zones, [a, b, c]]",
      "      - Assert: !EachMemberEquals [!Ref Tiers, !Ref Tier]",
      "      - Assert: !Contains [!Ref Zones, a]",
      "      - Assert: !EachMemberIn [!Ref Zones, !Ref Tiers]",
      "Resources:",
      "  Topic:",
      "    Type: AWS::SNS::Topic",
    );
    const failing = (values: Record<string, string>) =>
      brief(lint(lists, { only: ONLY_RULES, parameterValues: values }));
    // Items are trimmed, as CloudFormation trims a CommaDelimitedList's.
    expect(failing({ Zones: "a, b", Tiers: "a ,b", Tier: "web" })).toEqual(["E3947 9:17"]);
    expect(failing({ Zones: "b,d", Tiers: "web,web", Tier: "web" })).toEqual([
      "E3947 8:17",
      "E3947 10:17",
      "E3947 11:17",
    ]);
    // A list not passed decides nothing; nor does a value not passed.
    expect(failing({ Zones: "b", Tier: "api" })).toEqual(["E3947 10:17"]);
    expect(failing({ Tiers: "web,api" })).toEqual([]);
  });
});
