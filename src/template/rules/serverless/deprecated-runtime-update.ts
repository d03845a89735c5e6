import { type Clock, systemClock } from "../../../clock";
import type { Rule } from "../rule";
import { runtimeRule } from "./runtime-lifecycle";

/**
 * E2533, as in cfn-lint: a runtime whose update block date has passed. Lambda rejects both
 * creating and updating a function with it, so any deployment that touches the function fails.
 * Dates come from the table in runtimes.ts and are compared with the clock's UTC day; we also
 * check SAM functions and Globals.Function.Runtime before the transform, where cfn-lint reports on
 * the transformed AWS::Lambda::Function instead.
 */
export function createDeprecatedRuntimeUpdateRule(clock: Clock = systemClock): Rule {
  return runtimeRule("update-blocked", clock, {
    id: "E2533",
    severity: "error",
    shortDescription: "Lambda runtime can no longer be updated",
    description:
      "A Lambda function uses a runtime that AWS has deprecated and whose update block date has passed: " +
      "Lambda no longer creates or updates functions with it.",
  });
}

export const deprecatedRuntimeUpdate = createDeprecatedRuntimeUpdateRule();
