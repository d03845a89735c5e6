/** Serverless checks: deprecated Lambda runtimes, IAM policy documents, Step Functions definitions. */
import type { Rule } from "../rule";

export const serverlessRules: Rule[] = [];
