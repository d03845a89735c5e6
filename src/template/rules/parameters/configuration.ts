import type { MapEntry, Node } from "../../model";
import { mapGet } from "../../nodes";
import type { Report, Rule } from "../rule";
import { checkAlphanumeric } from "../template/names";
import { isLoose, kindName, type LooseType } from "../template/scalars";
import { isString, USER_GUIDE } from "../template-index";
import { allowedKeysFor, PARAMETER_KEYS } from "./types";

const VALUE_TYPES: Record<string, LooseType> = {
  Type: "string",
  Default: "string",
  AllowedPattern: "string",
  ConstraintDescription: "string",
  Description: "string",
  MaxLength: "integer",
  MinLength: "integer",
  MaxValue: "number",
  MinValue: "number",
  NoEcho: "boolean",
};

const TYPE_WORDS: Record<LooseType, string> = {
  string: "a string",
  number: "a number",
  integer: "an integer",
  boolean: "true or false",
};

export const parameterConfiguration: Rule = {
  id: "E2001",
  severity: "error",
  shortDescription: "Parameters have a Type and only the attributes their type allows",
  description:
    "Each parameter has an alphanumeric logical id, is a mapping with a Type, and uses only the attributes CloudFormation defines for that type, each with a value of the right type.",
  source: `${USER_GUIDE}/parameters-section-structure.html`,
  tags: ["parameters"],
  check({ template, report }) {
    for (const [name, parameter] of template.parameters) {
      const path = ["Parameters", name];
      checkAlphanumeric(parameter, "Parameter logical id", path, report);
      const body = parameter.value;
      if (body.kind !== "map") {
        report(body, `Parameter ${name} must be a mapping with at least a Type (e.g. "Type: String")`, {
          path,
        });
        continue;
      }
      const typeEntry = mapGet(body, "Type");
      if (!typeEntry) {
        report(
          parameter.keyRange,
          `Parameter ${name} has no Type; add one such as String, Number or CommaDelimitedList`,
          { path },
        );
      }
      const type = isString(typeEntry?.value) ? typeEntry.value.value : undefined;
      const allowed = allowedKeysFor(type);
      for (const entry of body.entries) checkAttribute(name, type, allowed, entry, report);
    }
  },
};

function checkAttribute(
  name: string,
  type: string | undefined,
  allowed: readonly string[],
  entry: MapEntry,
  report: Report,
): void {
  // Paths are built only for a finding: most attributes have none.
  if (!PARAMETER_KEYS.includes(entry.key)) {
    report(
      entry.keyRange,
      `Parameter ${name} has an unknown attribute "${entry.key}"; allowed: ${allowed.join(", ")}`,
      { path: attributePath(name, entry.key) },
    );
    return;
  }
  if (!allowed.includes(entry.key)) {
    report(
      entry.keyRange,
      type === "Number"
        ? `Parameter ${name}: ${entry.key} does not apply to a Number parameter; use MinValue/MaxValue instead`
        : `Parameter ${name}: ${entry.key} applies only to Number parameters, not ${type ?? "this type"}; use MinLength/MaxLength or AllowedPattern`,
      { path: attributePath(name, entry.key) },
    );
    return;
  }
  const value = entry.value;
  if (entry.key === "AllowedValues") {
    if (value.kind !== "seq") {
      report(value, `Parameter ${name}: AllowedValues must be a list of values, not ${kindName(value)}`, {
        path: attributePath(name, entry.key),
      });
      return;
    }
    value.items.forEach((item, i) => {
      if (!isLoose(item, "string")) {
        report(
          item,
          `Parameter ${name}: each AllowedValues item must be a plain value, not ${kindName(item)}`,
          {
            path: [...attributePath(name, entry.key), i],
          },
        );
      } else {
        checkSize(name, "an AllowedValues item", item, MAX_VALUE_BYTES, report, entry.key, i);
      }
    });
    return;
  }
  const expected = VALUE_TYPES[entry.key];
  if (!isLoose(value, expected)) {
    report(value, `Parameter ${name}: ${entry.key} must be ${TYPE_WORDS[expected]}, not ${kindName(value)}`, {
      path: attributePath(name, entry.key),
    });
  } else if (entry.key === "Default") {
    checkSize(name, "Default", value, MAX_VALUE_BYTES, report, entry.key);
  } else if (entry.key === "Description") {
    checkSize(name, "Description", value, MAX_DESCRIPTION_CHARACTERS, report, entry.key);
  }
}

function attributePath(name: string, key: string): string[] {
  return ["Parameters", name, key];
}

/** Quotas: a parameter value is at most 4,096 bytes, its description at most 4,000 characters. */
const MAX_VALUE_BYTES = 4096;
const MAX_DESCRIPTION_CHARACTERS = 4000;

function checkSize(
  name: string,
  what: string,
  node: Node,
  max: number,
  report: Report,
  /** The attribute, and the AllowedValues item: the finding's path below the parameter. */
  key: string,
  index?: number,
): void {
  if (node.kind !== "scalar") return;
  const text = String(node.value);
  // A UTF-16 unit is at most 3 bytes of UTF-8, so most values need no counting.
  if (text.length * 3 <= max) return;
  const size = max === MAX_VALUE_BYTES ? Buffer.byteLength(text, "utf8") : text.length;
  const unit = max === MAX_VALUE_BYTES ? "bytes" : "characters";
  if (size > max) {
    report(node, `Parameter ${name}: ${what} is ${size} ${unit} long; CloudFormation allows at most ${max}`, {
      path: index === undefined ? ["Parameters", name, key] : ["Parameters", name, key, index],
    });
  }
}
