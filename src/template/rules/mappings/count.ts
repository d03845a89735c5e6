import { plural } from "../../../text";
import type { Rule } from "../rule";
import { QUOTAS_PAGE } from "../template/limits";
import { namedEntries } from "../template/names";

const MAX_MAPPINGS = 200;
const MAX_ATTRIBUTES = 200;

export const mappingCount: Rule = {
  id: "E7010",
  severity: "error",
  shortDescription: "At most 200 mappings, and 200 attributes per mapping",
  description: "A template may declare at most 200 mappings, and each mapping level at most 200 entries.",
  source: QUOTAS_PAGE,
  tags: ["mappings", "limits"],
  check({ template, report }) {
    const mappings = namedEntries(template.mappings);
    if (mappings.length > MAX_MAPPINGS) {
      const first = mappings[MAX_MAPPINGS];
      report(
        first.keyRange,
        `The template declares ${plural(mappings.length, "mapping")}; CloudFormation allows at most ${MAX_MAPPINGS}`,
        {
          path: ["Mappings", first.key],
        },
      );
    }
    for (const mapping of mappings) {
      if (mapping.value.kind !== "map") continue;
      const levels = [{ path: [mapping.key], entries: mapping.value.entries }];
      for (const key of mapping.value.entries) {
        if (key.value.kind === "map")
          levels.push({ path: [mapping.key, key.key], entries: key.value.entries });
      }
      for (const level of levels) {
        if (level.entries.length <= MAX_ATTRIBUTES) continue;
        const first = level.entries[MAX_ATTRIBUTES];
        report(
          first.keyRange,
          `Mapping ${level.path.join(".")} has ${plural(level.entries.length, "entry", "entries")}; CloudFormation allows at most ${MAX_ATTRIBUTES}. Split it into several mappings`,
          { path: ["Mappings", ...level.path, first.key] },
        );
      }
    }
  },
};
