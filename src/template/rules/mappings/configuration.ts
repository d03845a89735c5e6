import type { Node } from "../../model";
import type { Report, Rule } from "../rule";
import { ALPHANUMERIC, checkAlphanumeric, namedEntries } from "../template/names";
import { kindName } from "../template/scalars";
import { intrinsicName, USER_GUIDE } from "../template-index";

const TOP_LEVEL_KEY = /^[A-Za-z0-9.-]+$/;

/** A mapping or key brought in by a transform (AWS::Include) is only known after it runs. */
function isTransform(node: Node): boolean {
  return intrinsicName(node) === "Fn::Transform";
}

function checkValue(mapping: string, key: string, attribute: string, value: Node, report: Report): void {
  const path = ["Mappings", mapping, key, attribute];
  // A list may hold mappings: Fn::Select over a Fn::FindInMap hands one to a property that takes an
  // object (CloudFormation's guide: "The values can be String or List types"; cfn-lint takes any list).
  const ok =
    (value.kind === "scalar" && value.value !== null) ||
    (value.kind === "seq" && value.items.every((item) => item.kind !== "scalar" || item.value !== null));
  if (!ok) {
    report(
      value,
      `Mapping ${mapping}, key ${key}: the value of ${attribute} must be a string, a number or a list, not ${kindName(value)}`,
      {
        path,
      },
    );
  }
}

export const mappingConfiguration: Rule = {
  id: "E7001",
  severity: "error",
  shortDescription: "Mappings are two levels of keys over literal values",
  description:
    "Each mapping has an alphanumeric name and maps top-level keys (letters, digits, '-' and '.') to attributes (letters and digits) whose values are strings, numbers or lists.",
  source: `${USER_GUIDE}/mappings-section-structure.html`,
  tags: ["mappings"],
  check({ template, report }) {
    for (const mapping of namedEntries(template.mappings)) {
      const name = mapping.key;
      checkAlphanumeric(mapping, "Mapping name", ["Mappings", name], report);
      const body = mapping.value;
      if (isTransform(body)) continue;
      if (body.kind !== "map" || body.entries.length === 0) {
        report(body, `Mapping ${name} must be a mapping of at least one key to its attributes`, {
          path: ["Mappings", name],
        });
        continue;
      }
      for (const key of body.entries) {
        if (isTransform(key.value) || key.key === "Fn::Transform") continue;
        const path = ["Mappings", name, key.key];
        if (!TOP_LEVEL_KEY.test(key.key)) {
          report(
            key.keyRange,
            `Mapping ${name}: key "${key.key}" may contain only letters, digits, "-" and "."`,
            { path },
          );
        }
        if (key.value.kind !== "map" || key.value.entries.length === 0) {
          report(
            key.value,
            `Mapping ${name}, key ${key.key}: must be a mapping of at least one attribute name to its value`,
            { path },
          );
          continue;
        }
        for (const attribute of key.value.entries) {
          if (!ALPHANUMERIC.test(attribute.key)) {
            report(
              attribute.keyRange,
              `Mapping ${name}, key ${key.key}: attribute name "${attribute.key}" must contain only letters and digits`,
              {
                path: [...path, attribute.key],
              },
            );
          }
          checkValue(name, key.key, attribute.key, attribute.value, report);
        }
      }
    }
  },
};
