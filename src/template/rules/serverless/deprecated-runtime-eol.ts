import { type Clock, systemClock } from "../../../clock";
import type { Rule } from "../rule";
import { runtimeRule } from "./runtime-lifecycle";

/**
 * W2531, as in cfn-lint: a deprecated runtime that Lambda still creates and updates functions
 * with. A warning: deployments work today, and the message gives the dates when they stop.
 */
export function createDeprecatedRuntimeEolRule(clock: Clock = systemClock): Rule {
  return runtimeRule("deprecated", clock, {
    id: "W2531",
    severity: "warning",
    shortDescription: "Lambda runtime is deprecated",
    description:
      "A Lambda function uses a runtime that AWS has deprecated; Lambda still creates and updates functions " +
      "with it until the block dates the message gives.",
  });
}

export const deprecatedRuntimeEol = createDeprecatedRuntimeEolRule();
