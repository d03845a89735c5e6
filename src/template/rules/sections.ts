/** The rules for the template's sections: top level, Parameters, Outputs, Mappings and Conditions. */
import { conditionAnd } from "./conditions/and";
import { conditionReference } from "./conditions/condition";
import { conditionalReference } from "./conditions/conditional-references";
import { conditionConfiguration } from "./conditions/configuration";
import { conditionEquals } from "./conditions/equals";
import { equalsConstant } from "./conditions/equals-constant";
import { conditionEqualsList } from "./conditions/equals-list";
import { conditionExists } from "./conditions/exists";
import { conditionIf } from "./conditions/if";
import { ifUnreachable } from "./conditions/if-unreachable";
import { conditionNot } from "./conditions/not";
import { conditionOr } from "./conditions/or";
import { conditionUsed } from "./conditions/used";
import { mappingConfiguration } from "./mappings/configuration";
import { mappingCount } from "./mappings/count";
import { mappingNameLength } from "./mappings/name-length";
import { mappingUsed } from "./mappings/used";
import { outputConfiguration } from "./outputs/configuration";
import { outputCount } from "./outputs/count";
import { outputExportName } from "./outputs/export-name";
import { outputExportUnique } from "./outputs/export-unique";
import { outputImportValue } from "./outputs/import-value";
import { outputNameLength } from "./outputs/name-length";
import { outputRequired } from "./outputs/required";
import { outputType } from "./outputs/type";
import { outputValue } from "./outputs/value";
import { parameterConfiguration } from "./parameters/configuration";
import { parameterCount } from "./parameters/count";
import { parameterDefault } from "./parameters/default";
import { parameterNameLength } from "./parameters/name-length";
import { noEchoShown } from "./parameters/no-echo";
import { passedParameters } from "./parameters/passed";
import { parameterType, undocumentedParameterType } from "./parameters/type";
import { parameterUsed } from "./parameters/used";
import type { Rule } from "./rule";
import { templateDescription } from "./template/description";
import { templateDescriptionLength } from "./template/description-length";
import { interfaceParameters, interfaceStructure } from "./template/interface";
import { jsonAsYaml } from "./template/json-as-yaml";
import { lintConfiguration, metadataNulls } from "./template/metadata";
import { resourceCount } from "./template/resource-count";
import { resourceNameLength } from "./template/resource-name-length";
import { resourceLogicalIds } from "./template/resource-names";
import { rulesAssert, rulesCondition, rulesConfiguration, rulesPassed } from "./template/rules-section";
import { templateSize } from "./template/size";
import { templateStructure } from "./template/structure";
import { templateTransforms } from "./template/transforms";
import { yamlNumbers } from "./template/yaml-numbers";
import { yamlReuse } from "./template/yaml-reuse";

export const sectionRules: Rule[] = [
  templateStructure,
  templateTransforms,
  rulesConfiguration,
  rulesAssert,
  rulesCondition,
  rulesPassed,
  templateSize,
  yamlReuse,
  yamlNumbers,
  jsonAsYaml,
  templateDescriptionLength,
  templateDescription,
  resourceLogicalIds,
  resourceCount,
  resourceNameLength,
  parameterConfiguration,
  parameterType,
  undocumentedParameterType,
  parameterCount,
  parameterNameLength,
  parameterDefault,
  passedParameters,
  parameterUsed,
  outputConfiguration,
  outputRequired,
  outputType,
  outputExportUnique,
  outputCount,
  outputNameLength,
  outputValue,
  outputImportValue,
  outputExportName,
  mappingConfiguration,
  mappingNameLength,
  mappingCount,
  mappingUsed,
  conditionIf,
  conditionConfiguration,
  conditionExists,
  conditionEquals,
  conditionEqualsList,
  conditionAnd,
  conditionNot,
  conditionOr,
  conditionReference,
  conditionUsed,
  conditionalReference,
  ifUnreachable,
  equalsConstant,
  noEchoShown,
  interfaceParameters,
  interfaceStructure,
  metadataNulls,
  lintConfiguration,
];
