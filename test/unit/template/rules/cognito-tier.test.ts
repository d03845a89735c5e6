/**
 * E3952: Cognito threat protection (AUDIT or ENFORCED) on a user pool without the Plus plan.
 */
import { describe, expect, it } from "vitest";
import { lint, located, yaml } from "../lint";

const pool = (name: string, ...properties: string[]) => [
  `  ${name}:`,
  "    Type: AWS::Cognito::UserPool",
  "    Properties:",
  ...properties.map((line) => `      ${line}`),
];

describe("E3952 threat protection needs the Plus plan", () => {
  it("reports a mode on without a tier or on ESSENTIALS, and leaves PLUS, LITE, OFF and a parameter alone", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Tier: { Type: String, Default: PLUS }",
        "Conditions:",
        "  Prod: !Equals [!Ref AWS::Region, us-east-1]",
        "Resources:",
        ...pool("Default", "UserPoolAddOns: { AdvancedSecurityMode: ENFORCED }"),
        ...pool(
          "Essentials",
          "UserPoolTier: ESSENTIALS",
          "UserPoolAddOns:",
          "  AdvancedSecurityAdditionalFlows: { CustomAuthMode: AUDIT }",
        ),
        ...pool("Plus", "UserPoolTier: PLUS", "UserPoolAddOns: { AdvancedSecurityMode: ENFORCED }"),
        ...pool("Lite", "UserPoolTier: LITE", "UserPoolAddOns: { AdvancedSecurityMode: AUDIT }"),
        ...pool("Off", "UserPoolAddOns: { AdvancedSecurityMode: OFF }"),
        ...pool("Given", "UserPoolTier: !Ref Tier", "UserPoolAddOns: { AdvancedSecurityMode: ENFORCED }"),
        ...pool("Chosen", "UserPoolAddOns: { AdvancedSecurityMode: !If [Prod, ENFORCED, OFF] }"),
      ),
      { only: ["E3952"] },
    );
    expect(located(findings)).toEqual([
      "E3952 9 User pool Default turns threat protection on (ENFORCED) with no UserPoolTier (a new pool gets " +
        "ESSENTIALS); threat protection is a feature of the Plus plan, and Cognito refuses it on ESSENTIALS: set " +
        "UserPoolTier: PLUS, or turn the mode OFF",
      "E3952 15 User pool Essentials turns threat protection on (AUDIT) with UserPoolTier ESSENTIALS; threat " +
        "protection is a feature of the Plus plan, and Cognito refuses it on ESSENTIALS: set UserPoolTier: PLUS, or " +
        "turn the mode OFF",
    ]);
  });
});
