/**
 * Factories for the quota rules: how many items a section may hold and how long a logical id may
 * be. The numbers are the ones on the CloudFormation quotas page.
 */
import { plural } from "../../../text";
import type { Rule } from "../rule";
import { type TemplateIndex, USER_GUIDE } from "../template-index";
import { MAX_NAME_LENGTH, namedEntries } from "./names";

export const QUOTAS_PAGE = `${USER_GUIDE}/cloudformation-limits.html`;

type SectionName = "Parameters" | "Resources" | "Outputs" | "Mappings";

function itemsOf(template: TemplateIndex, section: SectionName) {
  return template.sections.get(section)?.items ?? new Map();
}

export function countLimitRule(
  id: string,
  section: SectionName,
  noun: string,
  max: number,
  advice: string,
): Rule {
  return {
    id,
    severity: "error",
    shortDescription: `At most ${max} ${noun}s`,
    description: `A template may declare at most ${max} ${noun}s in ${section}.`,
    source: QUOTAS_PAGE,
    tags: [section.toLowerCase(), "limits"],
    check({ template, report }) {
      const entries = namedEntries(itemsOf(template, section));
      if (entries.length <= max) return;
      // Pointing at the first id over the quota shows where the excess starts.
      report(
        entries[max].keyRange,
        `The template declares ${plural(entries.length, noun)}; CloudFormation allows at most ${max}. ${advice}`,
        { path: [section, entries[max].key] },
      );
    },
  };
}

export function nameLengthRule(id: string, section: SectionName, noun: string): Rule {
  return {
    id,
    severity: "error",
    shortDescription: `${noun} logical ids are at most ${MAX_NAME_LENGTH} characters`,
    description: `Every logical id in ${section} must be at most ${MAX_NAME_LENGTH} characters long.`,
    source: QUOTAS_PAGE,
    tags: [section.toLowerCase(), "limits"],
    check({ template, report }) {
      for (const entry of namedEntries(itemsOf(template, section))) {
        if (entry.key.length <= MAX_NAME_LENGTH) continue;
        report(
          entry.keyRange,
          `${noun} logical id ${entry.key.slice(0, 32)}... is ${entry.key.length} characters long; the limit is ${MAX_NAME_LENGTH}`,
          { path: [section, entry.key] },
        );
      }
    },
  };
}
