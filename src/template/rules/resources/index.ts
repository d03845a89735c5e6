/** The rules for the Resources section that hold for resources of any type: their shape, properties, attributes, policies and metadata. */
import type { Rule } from "../rule";
import { cfnInit, cfnInitCommandOrder } from "./cfn-init";
import { circularDependency } from "./circular-dependency";
import { resourceConfiguration } from "./configuration";
import { creationPolicy, updatePolicy } from "./creation-update-policy";
import { deletionPolicy } from "./deletion-policy";
import { dependsOnTarget } from "./depends-on";
import { dependsOnImplied } from "./depends-on-implied";
import { lifecycleRules } from "./lifecycle";
import { nestedStackParameters } from "./nested-stack-parameters";
import { nullValues } from "./null-values";
import { packageOnly } from "./package-only";
import { primaryIdentifiers } from "./primary-identifiers";
import { ignoredReadOnlyProperty, readOnlyProperty, unknownProperty } from "./property-names";
import { missingRequiredProperty } from "./required-properties";
import { resourceType } from "./resource-type";
import { retentionPair } from "./retention-pair";
import { tags } from "./tags";
import { uniqueNames } from "./unique-names";
import { updateReplacePolicy } from "./update-replace-policy";
import { propertyValueType } from "./value-types";

export const resourceRules: Rule[] = [
  resourceConfiguration,
  unknownProperty,
  readOnlyProperty,
  ignoredReadOnlyProperty,
  missingRequiredProperty,
  circularDependency,
  nestedStackParameters,
  dependsOnTarget,
  dependsOnImplied,
  resourceType,
  propertyValueType,
  packageOnly,
  deletionPolicy,
  updateReplacePolicy,
  retentionPair,
  primaryIdentifiers,
  uniqueNames,
  tags,
  creationPolicy,
  updatePolicy,
  cfnInit,
  cfnInitCommandOrder,
  nullValues,
  ...lifecycleRules,
];
