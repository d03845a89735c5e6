/**
 * E3952 (our own id): a Cognito user pool with threat protection on (UserPoolAddOns'
 * AdvancedSecurityMode, or AdvancedSecurityAdditionalFlows' CustomAuthMode, AUDIT or ENFORCED)
 * on a feature plan without it. Threat protection is a feature of the Plus plan; UserPoolTier
 * defaults to ESSENTIALS for a new pool (CreateUserPool's reference), and Cognito refuses the pool
 * ("The following features need to be disabled for the ESSENTIALS pricing tier configured: Threat
 * Protection", aws-cdk#33565). Round 44 found one in an AWS sample. A pool created before the plans
 * stays on LITE when a stack update leaves UserPoolTier out, so the message says what a new stack
 * gets; an explicit LITE is left alone (older pools there kept their advanced security features).
 */
import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import { literalString, plainMap, presentEntry, propertySets, resourcesOfType } from "./values";

const USER_POOL = "AWS::Cognito::UserPool";
const PROTECTING = new Set(["AUDIT", "ENFORCED"]);

export const cognitoThreatProtectionTier: Rule = {
  id: "E3952",
  severity: "error",
  shortDescription: "Cognito threat protection comes with the Plus feature plan",
  description:
    "A user pool with AdvancedSecurityMode (or CustomAuthMode) AUDIT or ENFORCED needs UserPoolTier PLUS: " +
    "Cognito refuses threat protection on the ESSENTIALS plan, which a new pool gets by default.",
  source:
    "https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-settings-threat-protection.html",
  tags: ["resources", "cognito"],
  resourceTypes: [USER_POOL],
  check({ template, report }) {
    for (const pool of resourcesOfType(template, USER_POOL)) {
      for (const { properties } of propertySets(pool)) {
        const addOns = plainMap(presentEntry(properties, "UserPoolAddOns")?.value);
        if (!addOns) continue;
        const modes = [
          mapGet(addOns, "AdvancedSecurityMode")?.value,
          mapGet(plainMap(mapGet(addOns, "AdvancedSecurityAdditionalFlows")?.value), "CustomAuthMode")?.value,
        ];
        const on = modes.find((mode) => PROTECTING.has(literalString(mode) ?? ""));
        if (!on) continue;
        const tierEntry = presentEntry(properties, "UserPoolTier");
        const tier = tierEntry ? literalString(tierEntry.value) : "ESSENTIALS";
        if (tier !== "ESSENTIALS") continue;
        const plan = tierEntry ? "UserPoolTier ESSENTIALS" : "no UserPoolTier (a new pool gets ESSENTIALS)";
        report(
          on,
          `User pool ${pool.name} turns threat protection on (${literalString(on)}) with ${plan}; threat ` +
            "protection is a feature of the Plus plan, and Cognito refuses it on ESSENTIALS: set UserPoolTier: " +
            "PLUS, or turn the mode OFF",
        );
      }
    }
  },
};
