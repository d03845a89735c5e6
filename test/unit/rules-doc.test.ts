/**
 * docs/rules.md lists every rule the validator runs, with its id, severity, what it checks and its
 * documentation link, so users can look up a finding and ignore rules by id. This test fails when a
 * rule is added, removed or reworded without the page; `UPDATE_RULES_DOC=1` rewrites the page.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { allRules } from "../../src/template/rules/index";

const page = join(process.cwd(), "docs/rules.md");

function render(): string {
  const rows = [...allRules]
    .sort((a, b) => a.id.localeCompare(b.id) || a.shortDescription.localeCompare(b.shortDescription))
    .map(
      (rule) =>
        `| ${rule.id} | ${rule.severity} | ${rule.shortDescription.replaceAll("|", "\\|")} | [docs](${rule.source}) |`,
    );
  return [
    "# Validation rules",
    "",
    "Every check `validate` runs. Ids are cfn-lint's where the check is the same one, so a finding can be",
    "looked up and ignored by the same id (`ignore-rules: E3030` or a prefix such as `W`). A template can",
    "also switch rules off for itself with `Metadata: cfn-lint: config: ignore_checks`. Several checks",
    "may share an id. Checks cfn-lint does not have take ids from the E39xx and W39xx range, which",
    "cfn-lint leaves free. This page is checked against the rules by `test/unit/rules-doc.test.ts`.",
    "",
    "Under the AWS::LanguageExtensions transform, the resources, outputs and conditions a `Fn::ForEach`",
    "loop makes over a list written in the template (or a mapping's list, by a Fn::FindInMap of names)",
    "are judged one by one, as the transform writes them: each item put into the output's keys and",
    "text, where `Ref` names the identifier, and into a Fn::FindInMap it names. A finding that several",
    "of them share is given once, where the loop's text has it. The resources and outputs of a loop over",
    "a list known at deploy only (a parameter's) are judged once, with the item unknown: their names",
    "keep the loop's placeholders, which references match, and a value that holds the item is not",
    "judged. The properties a loop inside any resource makes over a known list are judged as made.",
    "",
    "| id | severity | checks | reference |",
    "| --- | --- | --- | --- |",
    ...rows,
    "",
  ].join("\n");
}

it("docs/rules.md lists every rule", () => {
  const expected = render();
  if (process.env.UPDATE_RULES_DOC) writeFileSync(page, expected);
  expect(readFileSync(page, "utf8")).toBe(expected);
});
