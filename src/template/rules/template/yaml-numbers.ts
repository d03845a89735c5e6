/**
 * W3940: an unquoted number that YAML 1.1 reads otherwise than it looks. CloudFormation reads YAML
 * 1.1, as PyYAML (cfn-lint, SAM) does, and both readers here read as it does (yaml-fast.ts's
 * yaml11Integer), so the rules judge the value CloudFormation gets; this warning says where that
 * value is not what the template seems to say:
 * - a leading zero makes an octal number: `mode: 000400` in a cfn-init file gives cfn-init 256, which
 *   it reads as the octal mode 0256 (aws-samples/ecs-refarch-cloudformation#66), and an account id
 *   `012345670123` becomes 1402433619, which fails a 12-digit pattern at deploy
 *   (cloudformation-coverage-roadmap#745);
 * - colons count in base 60 (`1:30` is 90) and `0b` is binary;
 * - a leading zero before an 8 or a 9 (`012345678901`) is text in YAML 1.1 but a number in YAML 1.2
 *   readers, and CloudFormation has dropped the zero of such account ids (serverless-application-model#1469):
 *   quoting it is the only reading every tool shares;
 * - an exponent without a fraction's dot or without a sign (`12345e67`, `1.5e3`) is text to PyYAML
 *   (cfn-lint, SAM, and both readers here) but a number to YAML 1.2 readers, and CloudFormation has
 *   made such a value a number (serverless-application-model#200: `12345e67` became a float; a
 *   short commit id such as `1234e56` has the form).
 * A mapping key is named by the number too (`010:` is the key "8"), so it is judged the same way.
 * Quoted and tagged scalars (`'0755'`, `!Sub 0755`) are text and are left alone; so is JSON.
 * cfn-lint reads these as PyYAML does and says nothing.
 */

import { Span } from "../../lines";
import type { Node, Range } from "../../model";
import { type Yaml11IntegerForm, yaml11Integer } from "../../yaml-fast";
import type { Rule } from "../rule";
import { USER_GUIDE } from "../template-index";

/**
 * Where a plain scalar of a form W3940 tells of may start (a superset: each candidate is checked
 * against the node that starts there). Most templates have none, and are then not walked.
 */
const CANDIDATE =
  /(?:^|[\s[{,])([-+]?(?:0[0-9_]+|0b[01_]+|[1-9][0-9_]*(?::[0-5]?[0-9])+|(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)[eE][-+]?[0-9]+))(?=$|[\s,\]}]|:(?:\s|$))/gm;

/** A number with an exponent, as YAML 1.2 reads one (its core schema's float form). */
const EXPONENT = /^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)[eE][-+]?[0-9]+$/;

const WHAT: Partial<Record<Yaml11IntegerForm, string>> = {
  octal: "the octal number",
  binary: "the binary number",
  "base 60": "the base 60 number",
};

export const yamlNumbers: Rule = {
  id: "W3940",
  severity: "warning",
  shortDescription: "Numbers with a leading zero, colons, 0b or an exponent are quoted",
  description:
    "CloudFormation reads YAML 1.1, where an unquoted 0755 is the octal number 493, 1:30 is 90 and 0b11 is 3, " +
    "and where readers differ on 089 and on exponents such as 1e3 (text to cfn-lint, a number to YAML 1.2 readers " +
    "and to CloudFormation): quote such a value to keep it as written.",
  source: `${USER_GUIDE}/template-formats.html`,
  tags: ["template", "yaml"],
  check({ template, report }) {
    const { format, source } = template.parsed;
    // A short cut: JSON has no such numbers (no leading zeros, no colons), and none of its nodes
    // starts where a candidate would.
    if (format !== "yaml") return;
    const starts = new Set<number>();
    // The match holds the character before the number (a lookbehind would make the scan slower).
    for (const match of source.matchAll(CANDIDATE))
      starts.add(match.index + match[0].length - match[1].length);
    if (starts.size === 0) return;

    const judge = (text: string, value: unknown, at: Node | Range) => {
      // YAML 1.1 reads an exponent as a number only after a dot and with a sign (`1.5e+3`).
      if (value === text && EXPONENT.test(text)) {
        report(
          at,
          `${text} has an exponent and no quotes: YAML readers differ on it (cfn-lint reads the text, YAML 1.2 ` +
            `readers the number ${Number(text)}, and CloudFormation has made such a value a number); quote it ` +
            `('${text}') to keep it as written`,
        );
        return;
      }
      const read = yaml11Integer(text);
      if (!read) return;
      const what = WHAT[read.form];
      if (what && typeof value === "number") {
        report(
          at,
          `YAML 1.1, which CloudFormation reads, takes ${text} for ${what} ${read.value}; quote it ('${text}') to ` +
            "keep it as written",
        );
      } else if (read.form === "leading zero" && value === text) {
        report(
          at,
          `${text} has a leading zero and no quotes: YAML readers differ on it (cfn-lint reads the text, YAML 1.2 ` +
            `readers the number ${Number(text.replaceAll("_", ""))}, and CloudFormation has dropped such a zero ` +
            `from account ids); quote it ('${text}') to keep it as written`,
        );
      }
    };
    const visit = (node: Node) => {
      if (node.kind === "scalar") {
        const range = node.range;
        if (range instanceof Span && starts.has(range.from) && !tagged(source, range.from)) {
          judge(source.slice(range.from, range.to), node.value, node);
        }
      } else if (node.kind === "seq") {
        for (const item of node.items) visit(item);
      } else {
        for (const entry of node.entries) {
          const range = entry.keyRange;
          if (range instanceof Span && starts.has(range.from)) {
            const text = source.slice(range.from, range.to);
            // A key reads as its number's text (`010` is "8"), or as written (`089`).
            judge(text, entry.key === text ? text : Number(entry.key), entry.keyRange);
          }
          visit(entry.value);
        }
      }
    };
    visit(template.root);
  },
};

/** Whether a tag (`!Sub`, `!!str`) stands right before the scalar at this offset, on its line. */
function tagged(source: string, from: number): boolean {
  let i = from - 1;
  while (i >= 0 && (source[i] === " " || source[i] === "\t")) i--;
  if (i === from - 1) return false;
  let start = i;
  while (start > 0 && !/\s/.test(source[start - 1])) start--;
  return source[start] === "!";
}
