import type { Rule } from "../rule";
import { base64Rule } from "./base64";
import { cidrRule } from "./cidr";
import { findInMapRule } from "./find-in-map";
import { getAttRule } from "./get-att";
import { getAzsRule } from "./get-azs";
import { getStackOutputRule } from "./get-stack-output";
import { importValueRule } from "./import-value";
import { joinRule } from "./join";
import { languageExtensionRules } from "./language-extensions";
import { refRule } from "./ref";
import { selectRule } from "./select";
import { splitRule } from "./split";
import { subRule } from "./sub";
import { subUnusedVariable, subWithoutVariables } from "./sub-literal";

export const functionRules: Rule[] = [
  getAttRule,
  findInMapRule,
  getAzsRule,
  getStackOutputRule,
  importValueRule,
  selectRule,
  splitRule,
  subRule,
  subWithoutVariables,
  subUnusedVariable,
  refRule,
  base64Rule,
  joinRule,
  cidrRule,
  ...languageExtensionRules,
];
