/**
 * Logical-id conventions the section rules share: the characters CloudFormation accepts, and the
 * `Fn::ForEach::<Loop>` keys the AWS::LanguageExtensions transform expands before it checks them.
 */

import type { MapEntry } from "../../model";
import type { Report } from "../rule";
import { isForEachKey, SAM_TRANSFORM, type TemplateIndex } from "../template-index";

export const ALPHANUMERIC = /^[A-Za-z0-9]+$/;

export const MAX_NAME_LENGTH = 255;

/** `${Identifier}` or `&{Identifier}` of a Fn::ForEach loop. */
const PLACEHOLDER = /[$&]\{[^}]*\}/g;

/**
 * Reports the key of `entry` unless it is alphanumeric, as logical ids and mapping names must be.
 * `what` names the key in the message: "Resource logical id", "Mapping name"; `why`, if given,
 * follows it. With `placeholders`, a loop's copy (isUnknownItemCopy), the text around them is
 * judged.
 */
export function checkAlphanumeric(
  entry: MapEntry,
  what: string,
  path: string[],
  report: Report,
  placeholders = false,
  why = "",
): void {
  // A loop's placeholders, where it keeps them (an item only the deploy knows), are its to fill.
  const name = placeholders ? entry.key.replace(PLACEHOLDER, "") : entry.key;
  if (ALPHANUMERIC.test(name) || (placeholders && name === "")) return;
  report(
    entry.keyRange,
    `${what} "${entry.key}" must contain only letters and digits (A-Z, a-z, 0-9)${why ? `: ${why}` : ""}`,
    { path },
  );
}

/** The named children of a section, without language-extension loops (their ids are templates). */
export function namedEntries(items: Map<string, MapEntry>): MapEntry[] {
  const entries: MapEntry[] = [];
  // forEach rather than for...of: no [key, value] pair per item in code that runs once.
  items.forEach((entry, key) => {
    if (!isForEachKey(key)) entries.push(entry);
  });
  return entries;
}

/**
 * True when a transform other than SAM can add or rename template content (AWS::Include, declared
 * or as an `Fn::Transform` key of a section; macros), so "never used" and "not defined" cannot be
 * decided from the text alone.
 */
export function hasOpaqueTransform(template: TemplateIndex): boolean {
  return (
    template.transforms.some((name) => name !== SAM_TRANSFORM && name !== "AWS::LanguageExtensions") ||
    template.sectionInclude
  );
}
