/**
 * Every template in ../shared/corpus/clean.txt passes cfn-lint without errors, so an error we
 * report on one of them is a false positive until the AWS documentation shows otherwise.
 * PREVIEW_STACKS_RULES=E1010,E3012 narrows the run to some rules while working on them.
 *
 * cfn-lint judged the corpus before the Lambda runtime block dates of python3.8, python3.9,
 * python3.11 and nodejs20.x, which the deprecated-runtime rules (E2531, E2533) compare with the
 * day of the check. The false-positive check therefore runs on the corpus's own day; a second
 * check runs on a day after those blocks (AWS moved them into 2027) and allows only those runtime
 * findings on top, and E3951 on services whose support has ended since (IoT Greengrass V1).
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { allRules } from "../../../src/template/rules/index";
import { loadSpec } from "../../../src/template/spec/index";
import { validateSource } from "../../../src/template/validate-text";

const corpus = resolve(process.cwd(), "../shared/corpus");
const clean = readFileSync(join(corpus, "clean.txt"), "utf8").split("\n").filter(Boolean);
const only = process.env.PREVIEW_STACKS_RULES?.split(",").filter(Boolean);
const rules = only ? allRules.filter((rule) => only.includes(rule.id)) : allRules;
const spec = loadSpec();
/** The day of the corpus's commit (aws-cloudformation-templates 142ce6f283d2). */
const corpusDay = new Date("2025-10-08T00:00:00Z");
const runtimeRules = new Set(["E2531", "E2533"]);

function errorsOnClean(): { line: string; ruleId: string }[] {
  const errors: { line: string; ruleId: string }[] = [];
  for (const name of clean) {
    const file = join(corpus, "aws-cloudformation-templates", name);
    const findings = validateSource(readFileSync(file, "utf8"), name, { spec, rules });
    for (const f of findings) {
      if (f.severity === "error") {
        errors.push({
          line: `${name}:${f.range.start.line}:${f.range.start.column} ${f.ruleId} ${f.message}`,
          ruleId: f.ruleId,
        });
      }
    }
  }
  return errors;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("clean corpus", () => {
  it("lists the 233 templates cfn-lint passes", () => {
    expect(clean).toHaveLength(233);
  });

  it("draws no error on any template cfn-lint passed, on the day it passed them", () => {
    vi.useFakeTimers({ now: corpusDay, toFake: ["Date"] });
    expect(errorsOnClean().map((e) => e.line)).toEqual([]);
  });

  it("a later day adds only runtime deprecations and retired services, where the day has come", () => {
    vi.useFakeTimers({ now: new Date("2027-09-01T00:00:00Z"), toFake: ["Date"] });
    const errors = errorsOnClean();
    expect(
      errors.filter((e) => !runtimeRules.has(e.ruleId) && e.ruleId !== "E3951").map((e) => e.line),
    ).toEqual([]);
    // IoT Greengrass V1's support ended on 2026-10-07 (src/template/rules/services/retired-services.ts).
    const retired = errors.filter((e) => e.ruleId === "E3951");
    expect(retired.every((e) => e.line.includes(" AWS::Greengrass::"))).toBe(true);
    if (!only || only.includes("E3951")) expect(retired.length).toBeGreaterThan(0);
    if (!only || only.some((id) => runtimeRules.has(id))) {
      // python3.9 functions are blocked from update from 2027-03-03 (src/template/rules/serverless/runtimes.ts).
      expect(errors.some((e) => e.ruleId === "E2533" && e.line.includes("python3.9"))).toBe(true);
    }
  });
});
