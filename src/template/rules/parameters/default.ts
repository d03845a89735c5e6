import type { MapNode, Node } from "../../model";
import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import { numberOf } from "../template/scalars";
import { isString, USER_GUIDE } from "../template-index";
import { literalAllowedValues } from "./declared";
import { isListType } from "./types";

/**
 * CloudFormation matches AllowedPattern against the whole value. Patterns are Java regular
 * expressions; one JavaScript cannot compile is left unchecked rather than guessed at.
 */
function compilePattern(pattern: string): RegExp | undefined {
  // Templates repeat a pattern over many parameters; compiling is the costly part.
  if (compiledPatterns.has(pattern)) return compiledPatterns.get(pattern);
  let regex: RegExp | undefined;
  for (const flags of ["", "u"]) {
    try {
      regex = new RegExp(`^(?:${pattern})$`, flags);
      break;
    } catch {
      // try the next flavour
    }
  }
  compiledPatterns.set(pattern, regex);
  return regex;
}

const compiledPatterns = new Map<string, RegExp | undefined>();

/** Why `value` breaks the parameter's constraints, or undefined when it meets them all. */
function violation(value: string, body: MapNode): string | undefined {
  // Judged only when every item is a literal.
  const allowed = literalAllowedValues(body);
  if (allowed && allowed.length > 0 && !allowed.includes(value)) {
    return `is not one of AllowedValues (${allowed.join(", ")})`;
  }
  const pattern = mapGet(body, "AllowedPattern")?.value;
  if (isString(pattern)) {
    const regex = compilePattern(pattern.value);
    if (regex && !regex.test(value)) return `does not match AllowedPattern ${pattern.value}`;
  }
  const minLength = numberOf(mapGet(body, "MinLength")?.value);
  if (minLength !== undefined && value.length < minLength) return `is shorter than MinLength ${minLength}`;
  const maxLength = numberOf(mapGet(body, "MaxLength")?.value);
  if (maxLength !== undefined && value.length > maxLength) return `is longer than MaxLength ${maxLength}`;
  const number = value.trim() === "" ? Number.NaN : Number(value);
  const minValue = numberOf(mapGet(body, "MinValue")?.value);
  if (minValue !== undefined && number < minValue) return `is below MinValue ${minValue}`;
  const maxValue = numberOf(mapGet(body, "MaxValue")?.value);
  if (maxValue !== undefined && number > maxValue) return `is above MaxValue ${maxValue}`;
  return undefined;
}

function defaultText(node: Node): string | undefined {
  if (node.kind !== "scalar" || node.value === null) return undefined;
  return String(node.value);
}

export const parameterDefault: Rule = {
  id: "E2015",
  severity: "error",
  shortDescription: "A parameter's Default meets its own constraints",
  description:
    "The Default must be in AllowedValues, match AllowedPattern and respect MinLength, MaxLength, MinValue and MaxValue; for list types each comma-separated item is checked.",
  source: `${USER_GUIDE}/parameters-section-structure.html`,
  tags: ["parameters"],
  check({ template, report }) {
    for (const [name, parameter] of template.parameters) {
      const body = parameter.value;
      if (body.kind !== "map") continue;
      const defaultNode = mapGet(body, "Default")?.value;
      const text = defaultNode && defaultText(defaultNode);
      if (!defaultNode || text === undefined) continue;
      const type = mapGet(body, "Type")?.value;
      let problem = violation(text, body);
      if (problem && isString(type) && isListType(type.value)) {
        // Constraints of a list parameter apply to each item; the whole string passing is also
        // accepted, as some templates list the full default among AllowedValues.
        const items = text.split(",").map((item) => item.trim());
        const failing = items.map((item) => [item, violation(item, body)] as const).find(([, why]) => why);
        problem = failing ? `item "${failing[0]}" ${failing[1]}` : undefined;
      }
      if (problem) {
        report(defaultNode, `Parameter ${name}: Default "${text}" ${problem}`, {
          path: ["Parameters", name, "Default"],
        });
      }
    }
  },
};
