/** What the SAM transform would reject, found without running it. */
import type { Rule } from "../rule";
import { samAliasRequired } from "./alias";
import { samApplicationLocation } from "./application-location";
import { samAuthorizers } from "./authorizers";
import { samCors } from "./cors";
import { samDefinitionUri } from "./definition-uri";
import { samEventNames } from "./event-names";
import { samEventProperties } from "./event-properties";
import { samEventApi, samEventBucket } from "./event-references";
import { samEventRoutes, samEventRouteTwice } from "./event-routes";
import { samEventType } from "./event-type";
import { samEventValues } from "./event-value-types";
import { samGlobals } from "./globals";
import { samGraphQLApi } from "./graphql-api";
import { samIgnoredKeys } from "./ignored-keys";
import { samIgnoredValues } from "./ignored-values";
import { samMergedLayers } from "./merged-layers";
import { samPolicyTemplateNames } from "./policy-template-names";
import { samPolicyTemplates } from "./policy-templates";
import { samPropertiesFunction } from "./properties";
import { samRequestParameters } from "./request-parameters";
import { samResourceSettings } from "./resource-settings";
import { samSimpleTableKey } from "./simple-table";
import { samStateMachine } from "./state-machine";
import { samUsagePlan } from "./usage-plan";

export const samRules: Rule[] = [
  samEventType,
  samEventNames,
  samEventProperties,
  samEventValues,
  samApplicationLocation,
  samGlobals,
  samIgnoredKeys,
  samIgnoredValues,
  samAliasRequired,
  samAuthorizers,
  samPolicyTemplates,
  samPolicyTemplateNames,
  samEventApi,
  samEventBucket,
  samStateMachine,
  samCors,
  samDefinitionUri,
  samEventRoutes,
  samEventRouteTwice,
  samMergedLayers,
  samSimpleTableKey,
  samResourceSettings,
  samGraphQLApi,
  samRequestParameters,
  samUsagePlan,
  samPropertiesFunction,
];
