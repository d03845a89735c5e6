/**
 * E3953: AppSync API keys whose Expires is not 1 to 365 days after the deploy, on a fixed clock.
 */
import { describe, expect, it } from "vitest";
import { createApiKeyExpiryRule } from "../../../../src/template/rules/services/appsync-api-key";
import { loadSpec } from "../../../../src/template/spec/index";
import { validateSource } from "../../../../src/template/validate-text";
import { located, yaml } from "../lint";

const spec = loadSpec();
/** 2026-12-07T12:00:00Z, in seconds. */
const NOW = Date.parse("2026-12-07T12:00:00Z") / 1000;
const DAY = 86_400;

const key = (name: string, expires: string) => [
  `  ${name}:`,
  "    Type: AWS::AppSync::ApiKey",
  `    Properties: { ApiId: abcdefghijklmnopqrstuvwxyz, Expires: ${expires} }`,
];

describe("E3953 AppSync API key expiry", () => {
  it("reports a key already past, one less than a day away and one past a year, in AppSync and SAM keys, but not 0", () => {
    const source = yaml(
      "Transform: AWS::Serverless-2016-10-31",
      "Resources:",
      ...key("Expired", "1577750400"),
      ...key("Soon", String(NOW + DAY / 2)),
      ...key("Fine", String(NOW + 30 * DAY)),
      ...key("Far", String(NOW + 400 * DAY)),
      ...key("Given", "!Ref AWS::NoValue"),
      ...key("Zero", "0"),
      "  Graph:",
      "    Type: AWS::Serverless::GraphQLApi",
      "    Properties:",
      "      SchemaInline: 'type Query { a: String }'",
      "      Auth: { Type: API_KEY }",
      "      ApiKeys:",
      `        Old: { ExpiresOn: ${NOW - DAY} }`,
      `        New: { ExpiresOn: ${NOW + 2 * DAY} }`,
    );
    const rule = createApiKeyExpiryRule(() => NOW * 1000);
    const found = validateSource(source, "template.yaml", { spec, rules: [rule] });
    expect(located(found)).toEqual([
      "E3953 5 Expires of API key Expired is 2019-12-31, already past; AppSync takes a key that expires 1 to 365 " +
        "days after it is created, so the stack fails: set a time within that window, or leave it out for 7 days",
      expect.stringMatching(/^E3953 8 Expires of API key Soon is 2026-12-08, less than a day away;/),
      expect.stringMatching(/^E3953 14 Expires of API key Far is 2028-01-11, more than 365 days away;/),
      expect.stringMatching(/^E3953 27 ExpiresOn of API key Old of Graph is 2026-12-06, already past;/),
    ]);
  });
});
