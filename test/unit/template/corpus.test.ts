/**
 * Every template in ../shared/corpus/clean.txt passes cfn-lint without errors, so an error we
 * report on one of them is a false positive until the AWS documentation shows otherwise.
 * PREVIEW_STACKS_RULES=E1010,E3012 narrows the run to some rules while working on them.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { allRules } from "../../../src/template/rules/index";
import { loadSpec } from "../../../src/template/spec/index";
import { validateSource } from "../../../src/template/validate-text";

const corpus = resolve(process.cwd(), "../shared/corpus");
const clean = readFileSync(join(corpus, "clean.txt"), "utf8").split("\n").filter(Boolean);
const only = process.env.PREVIEW_STACKS_RULES?.split(",").filter(Boolean);
const rules = only ? allRules.filter((rule) => only.includes(rule.id)) : allRules;
const spec = loadSpec();

describe("clean corpus", () => {
  it("lists the 233 templates cfn-lint passes", () => {
    expect(clean).toHaveLength(233);
  });

  it("draws no error on any template cfn-lint passes", () => {
    const falsePositives: string[] = [];
    for (const name of clean) {
      const file = join(corpus, "aws-cloudformation-templates", name);
      const findings = validateSource(readFileSync(file, "utf8"), name, { spec, rules });
      for (const f of findings) {
        if (f.severity === "error") {
          falsePositives.push(
            `${name}:${f.range.start.line}:${f.range.start.column} ${f.ruleId} ${f.message}`,
          );
        }
      }
    }
    expect(falsePositives).toEqual([]);
  });
});
