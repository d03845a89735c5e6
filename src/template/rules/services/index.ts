/** Service-specific checks: DynamoDB keys and billing, SQS queues, Lambda configuration, string substitutions and dynamic references. */
import type { Rule } from "../rule";

export const serviceRules: Rule[] = [];
