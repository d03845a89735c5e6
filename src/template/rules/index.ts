/** Every rule the validator runs. Each group's barrel lists its rules; the runner special-cases none. */
import { constraintRules } from "./constraints/index";
import { functionRules } from "./functions/index";
import { resourceRules } from "./resources/index";
import type { Rule } from "./rule";
import { samRules } from "./sam/index";
import { sectionRules } from "./sections";
import { serverlessRules } from "./serverless/index";
import { serviceRules } from "./services/index";

export const allRules: Rule[] = [
  ...sectionRules,
  ...functionRules,
  ...resourceRules,
  ...constraintRules,
  ...serverlessRules,
  ...serviceRules,
  ...samRules,
];
