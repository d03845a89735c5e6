/** What the SAM transform would reject, found without running it. */
import type { Rule } from "../rule";
import { samAliasRequired } from "./alias";
import { samEventApi } from "./api-references";
import { samApplicationLocation } from "./application-location";
import { samAuthorizers } from "./authorizers";
import { samEventProperties } from "./event-properties";
import { samEventType } from "./event-type";
import { samGlobals } from "./globals";
import { samIgnoredKeys } from "./ignored-keys";
import { samPolicyTemplates } from "./policy-templates";

export const samRules: Rule[] = [
  samEventType,
  samEventProperties,
  samApplicationLocation,
  samGlobals,
  samIgnoredKeys,
  samAliasRequired,
  samAuthorizers,
  samPolicyTemplates,
  samEventApi,
];
