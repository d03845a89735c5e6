import type { Rule } from "../rule";

export const functionRules: Rule[] = [];
