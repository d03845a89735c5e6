/**
 * W1020 and W1019: a Fn::Sub that substitutes nothing, and variables given to Fn::Sub that its
 * string never uses. Both deploy, and both usually mean a typo: a `${Name}` that lost its
 * braces, or a variable renamed on one side only. A string with `${!Literal}` escapes still needs
 * Fn::Sub to turn them into `${Literal}`, so it is left alone; so are calls inside Fn::ForEach,
 * whose placeholders are filled in before Fn::Sub runs.
 */
import type { Rule } from "../rule";
import { isString, parseSub, USER_GUIDE } from "../template-index";
import { callsOf, functionName } from "./calls";

const SUB_PAGE = `${USER_GUIDE}/intrinsic-function-reference-sub.html`;

export const subWithoutVariables: Rule = {
  id: "W1020",
  severity: "warning",
  shortDescription: "Fn::Sub has a variable to substitute",
  description:
    "A Fn::Sub whose string has no ${} variable returns the string unchanged; write the string alone.",
  source: SUB_PAGE,
  tags: ["functions", "sub"],
  check({ template, report }) {
    for (const call of callsOf(template, "Fn::Sub")) {
      if (call.loopVariables.length > 0) continue;
      const text = call.arg.kind === "seq" ? call.arg.items[0] : call.arg;
      if (!isString(text) || text.value.includes("${")) continue;
      report(text, "Fn::Sub is not needed: its string has no ${} variable; write the string alone");
    }
  },
};

export const subUnusedVariable: Rule = {
  id: "W1019",
  severity: "warning",
  shortDescription: "The variables of Fn::Sub are used in its string",
  description: "A variable given to Fn::Sub that its string never names has no effect.",
  source: SUB_PAGE,
  tags: ["functions", "sub"],
  check({ template, report }) {
    for (const call of callsOf(template, "Fn::Sub")) {
      if (call.loopVariables.length > 0 || call.arg.kind !== "seq" || call.arg.items.length !== 2) continue;
      const [text, variables] = call.arg.items;
      if (!isString(text) || variables.kind !== "map" || functionName(variables)) continue;
      const used = new Set(parseSub(text.value).variables.map((variable) => variable.name.trim()));
      for (const entry of variables.entries) {
        if (used.has(entry.key)) continue;
        report(
          entry.keyRange,
          `Variable ${entry.key} of Fn::Sub is never used in its string; remove it or use \${${entry.key}}`,
        );
      }
    }
  },
};
