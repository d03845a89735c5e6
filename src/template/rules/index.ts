/** Every rule the validator runs. Each group's barrel lists its rules; the runner special-cases none. */
import { functionRules } from "./functions/index";
import { resourceRules } from "./resources/index";
import type { Rule } from "./rule";
import { sectionRules } from "./sections";

export const allRules: Rule[] = [...sectionRules, ...functionRules, ...resourceRules];
