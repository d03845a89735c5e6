/**
 * W3942: a template that reads as JSON (a .json file, or text that opens with `{`) but is not valid
 * JSON in a way YAML takes as meant: a trailing comma, or a single-quoted string. CloudFormation
 * reads a template that is not JSON as YAML and deploys it (AWS Amplify's generated DynamoDB
 * templates carried trailing commas), and cfn-lint reads such a file as YAML too, so the JSON
 * reader reads on and the rules judge the template (json.ts). JSON tools refuse the file
 * (JSON.parse, jq, editors): a warning, at the first such place, in the JSON reader's words. Other
 * departures from JSON (a comment, a key without quotes) stay E0000 errors.
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
      `${problem.message}: the template is not valid JSON, so CloudFormation reads it as YAML, which accepts ` +
        "this; JSON tools (JSON.parse, jq, editors) refuse it",
    );
  },
};
