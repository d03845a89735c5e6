/**
 * W3942: a template that reads as JSON (a .json file, or text that opens with `{` in a file not
 * named .yaml or .yml) but is not valid JSON. CloudFormation reads a template that is not JSON as YAML and deploys what YAML reads (AWS
 * Amplify's generated DynamoDB templates carried trailing commas), and cfn-lint reads such a file
 * as YAML too. So the JSON reader reads on past a trailing comma or a single-quoted string, which
 * YAML takes as meant (json.ts), and any other template the JSON reader refuses is read again as
 * YAML (parse-core.ts): a key without quotes deploys, and a comment before a key becomes part of
 * the key, which the rules then judge as CloudFormation does. JSON tools (JSON.parse, jq, editors)
 * refuse the file: a warning, at the first place JSON refuses, in the JSON reader's words. Text
 * that YAML refuses too stays an E0000 error.
 */

import type { Rule } from "../rule";
import { USER_GUIDE } from "../template-index";

export const jsonAsYaml: Rule = {
  id: "W3942",
  severity: "warning",
  shortDescription: "JSON templates are valid JSON",
  description:
    "A template written as JSON that is not valid JSON (a trailing comma, single quotes) deploys, since " +
    "CloudFormation then reads it as YAML, but JSON tools refuse it.",
  source: `${USER_GUIDE}/template-formats.html`,
  tags: ["template", "json"],
  check({ template, report }) {
    const problem = template.parsed.jsonAsYaml;
    if (!problem) return;
    report(
      problem.range,
      `${problem.message}: the template is not valid JSON, so CloudFormation reads it as YAML, as these ` +
        "checks do; JSON tools (JSON.parse, jq, editors) refuse it",
    );
  },
};
