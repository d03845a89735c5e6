import type { Rule } from "../rule";
import { QUOTAS_PAGE } from "../template/limits";
import { MAX_NAME_LENGTH, namedEntries } from "../template/names";

export const mappingNameLength: Rule = {
  id: "E7002",
  severity: "error",
  shortDescription: "Mapping names and attribute names are at most 255 characters",
  description: "Mapping names, their keys and their attribute names may be at most 255 characters long.",
  source: QUOTAS_PAGE,
  tags: ["mappings", "limits"],
  check({ template, report }) {
    const tooLong = (key: string) => key.length > MAX_NAME_LENGTH;
    const message = (what: string, key: string) =>
      `${what} ${key.slice(0, 32)}... is ${key.length} characters long; the limit is ${MAX_NAME_LENGTH}`;
    for (const mapping of namedEntries(template.mappings)) {
      if (tooLong(mapping.key))
        report(mapping.keyRange, message("Mapping name", mapping.key), { path: ["Mappings", mapping.key] });
      if (mapping.value.kind !== "map") continue;
      for (const key of mapping.value.entries) {
        const path = ["Mappings", mapping.key, key.key];
        if (tooLong(key.key)) report(key.keyRange, message(`Mapping ${mapping.key} key`, key.key), { path });
        if (key.value.kind !== "map") continue;
        for (const attribute of key.value.entries) {
          if (tooLong(attribute.key)) {
            report(attribute.keyRange, message(`Mapping ${mapping.key} attribute name`, attribute.key), {
              path: [...path, attribute.key],
            });
          }
        }
      }
    }
  },
};
