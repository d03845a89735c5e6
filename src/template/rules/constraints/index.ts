/** Checks of property values against the resource provider schemas' constraints (enum, ranges, lengths, patterns, sizes, property groups). */
import type { Rule } from "../rule";

export const constraintRules: Rule[] = [];
