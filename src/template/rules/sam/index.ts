/** What the SAM transform would reject, found without running it. */
import type { Rule } from "../rule";

export const samRules: Rule[] = [];
