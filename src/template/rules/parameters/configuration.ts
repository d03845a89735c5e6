import type { MapEntry } from "../../model";
import type { Rule } from "../rule";
import { ALPHANUMERIC, USER_GUIDE } from "../template/names";
import { isLoose, kindName, type LooseType } from "../template/scalars";
import { isString } from "../template-index";
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
      if (!ALPHANUMERIC.test(name)) {
        report(
          parameter.keyRange,
          `Parameter logical id "${name}" must contain only letters and digits (A-Z, a-z, 0-9)`,
          { path },
        );
      }
      const body = parameter.value;
      if (body.kind !== "map") {
        report(body, `Parameter ${name} must be a mapping with at least a Type (e.g. "Type: String")`, {
          path,
        });
        continue;
      }
      const typeEntry = body.entries.find((e) => e.key === "Type");
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
  allowed: string[],
  entry: MapEntry,
  report: Parameters<Rule["check"]>[0]["report"],
): void {
  const path = ["Parameters", name, entry.key];
  if (!PARAMETER_KEYS.includes(entry.key)) {
    report(
      entry.keyRange,
      `Parameter ${name} has an unknown attribute "${entry.key}"; allowed: ${allowed.join(", ")}`,
      { path },
    );
    return;
  }
  if (!allowed.includes(entry.key)) {
    report(
      entry.keyRange,
      type === "Number"
        ? `Parameter ${name}: ${entry.key} does not apply to a Number parameter; use MinValue/MaxValue instead`
        : `Parameter ${name}: ${entry.key} applies only to Number parameters, not ${type ?? "this type"}; use MinLength/MaxLength or AllowedPattern`,
      { path },
    );
    return;
  }
  const value = entry.value;
  if (entry.key === "AllowedValues") {
    if (value.kind !== "seq") {
      report(value, `Parameter ${name}: AllowedValues must be a list of values, not ${kindName(value)}`, {
        path,
      });
      return;
    }
    value.items.forEach((item, i) => {
      if (!isLoose(item, "string")) {
        report(
          item,
          `Parameter ${name}: each AllowedValues item must be a plain value, not ${kindName(item)}`,
          {
            path: [...path, i],
          },
        );
      }
    });
    return;
  }
  const expected = VALUE_TYPES[entry.key];
  if (!isLoose(value, expected)) {
    report(value, `Parameter ${name}: ${entry.key} must be ${TYPE_WORDS[expected]}, not ${kindName(value)}`, {
      path,
    });
  }
}
