import type { Rule } from "./rule";

export const sectionRules: Rule[] = [];
