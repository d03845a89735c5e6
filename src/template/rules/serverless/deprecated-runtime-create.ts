import { type Clock, systemClock } from "../../../clock";
import type { Rule } from "../rule";
import { runtimeRule } from "./runtime-lifecycle";

/**
 * E2531, as in cfn-lint: a runtime whose create block date has passed but whose update block
 * date has not. Existing functions still update, but a new stack (every preview stack) cannot
 * create the function, so this is an error here as in cfn-lint.
 */
export function createDeprecatedRuntimeCreateRule(clock: Clock = systemClock): Rule {
  return runtimeRule("create-blocked", clock, {
    id: "E2531",
    severity: "error",
    shortDescription: "Lambda runtime can no longer be used for new functions",
    description:
      "A Lambda function uses a runtime that AWS has deprecated and whose create block date has passed: " +
      "Lambda no longer creates functions with it.",
  });
}

export const deprecatedRuntimeCreate = createDeprecatedRuntimeCreateRule();
