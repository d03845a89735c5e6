/** Checks of property values against the resource provider schemas' constraints (enum, ranges, lengths, patterns, sizes, property groups). */
import type { Rule } from "../rule";
import { allowedValues } from "./allowed-values";
import { anyOfValues } from "./any-of";
import { arrayLength } from "./array-length";
import { cidrHostBits } from "./cidr-host-bits";
import { dependentExcluded } from "./dependent-excluded";
import { dependentRequired } from "./dependent-required";
import { numberRange } from "./number-range";
import { oneOfProperties } from "./one-of";
import { parameterValues } from "./parameter-values";
import { passedValues } from "./passed-values";
import { pattern } from "./pattern";
import { requiredOr } from "./required-or";
import { requiredXor } from "./required-xor";
import { findInMapValues, joinValues, selectValues, splitValues, subValues } from "./resolved-values";
import { roleArnGetAtt } from "./role-arn-getatt";
import { securityGroupIds } from "./security-group-ids";
import { stackNameValues } from "./stack-name";
import { stringLength } from "./string-length";
import { uniqueItems } from "./unique-items";

export const constraintRules: Rule[] = [
  requiredXor,
  anyOfValues,
  oneOfProperties,
  dependentExcluded,
  dependentRequired,
  allowedValues,
  pattern,
  arrayLength,
  stringLength,
  numberRange,
  uniqueItems,
  requiredOr,
  parameterValues,
  cidrHostBits,
  subValues,
  joinValues,
  findInMapValues,
  selectValues,
  splitValues,
  stackNameValues,
  passedValues,
  securityGroupIds,
  roleArnGetAtt,
];
