/**
 * Validation of one template: parse findings, then every rule over the shared template index.
 * Pure: the caller reads the file and supplies the spec.
 */
import { comparePositions, compareText, plainRange, rangeHas } from "./lines";
import type { Finding, ParsedTemplate, Range } from "./model";
import { type NestedTemplates, NO_NESTED_TEMPLATES } from "./nested";
import { allRules } from "./rules/index";
import { type Rule, type RuleInput, toFinding } from "./rules/rule";
import { hasResourceOfType } from "./rules/services/values";
import { indexTemplate } from "./rules/template-index";
import type { SpecIndex } from "./spec/types";
import { isSuppressed, type Suppression, templateSuppressions } from "./suppressions";

export interface ValidateOptions {
  spec: SpecIndex;
  /** Rule ids or id prefixes to leave out ("W", "E30", "W2001"). */
  ignoreRules?: readonly string[];
  rules?: readonly Rule[];
  /** The local templates of the template's nested stacks (nested.ts); none when not given. */
  nested?: NestedTemplates;
  /** The name of the stack the template is deployed as, when known (TemplateIndex.stackName). */
  stackName?: string;
  /** The values a deploy passes for the template's parameters (TemplateIndex.parameterValues). */
  parameterValues?: ReadonlyMap<string, string>;
}

export function isIgnored(ruleId: string, ignoreRules: readonly string[] | undefined): boolean {
  if (!ignoreRules) return false;
  for (let i = 0; i < ignoreRules.length; i++) if (ruleId.startsWith(ignoreRules[i])) return true;
  return false;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    comparePositions(a.range.start, b.range.start) ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.message, b.message)
  );
}

export function validateParsed(parsed: ParsedTemplate, options: ValidateOptions): Finding[] {
  const findings: Finding[] = [...parsed.findings];
  const root = parsed.root;
  let suppressions: Suppression[] = [];
  const loops: Range[] = [];
  if (root && root.kind !== "map") {
    findings.push({
      ruleId: "E1001",
      severity: "error",
      message: "A template must be a mapping of sections (AWSTemplateFormatVersion, Resources, ...)",
      file: parsed.file,
      range: plainRange(root.range),
    });
  } else if (root) {
    const template = indexTemplate(parsed, root);
    if (options.stackName !== undefined) template.stackName = options.stackName;
    if (options.parameterValues !== undefined) template.parameterValues = options.parameterValues;
    // What a loop makes repeats its text: one rule's findings at one place in it are one.
    const expanded = [template.expandedLoops, template.unknownItemLoops, template.expandedPropertyLoops];
    for (let i = 0; i < expanded.length; i++)
      for (const loop of expanded[i].keys())
        loops.push({ start: loop.keyRange.start, end: loop.value.range.end });
    suppressions = templateSuppressions(template);
    const rules = options.rules ?? allRules;
    // One input for every rule, its report bound to the rule running: rules report synchronously,
    // and a whole-corpus run would otherwise make two objects per rule and template.
    let rule = rules[0];
    const input: RuleInput = {
      template,
      spec: options.spec,
      nested: options.nested ?? NO_NESTED_TEMPLATES,
      report: (at, message, reportOptions) =>
        findings.push(toFinding(rule, parsed.file, at, message, reportOptions)),
    };

    for (let i = 0; i < rules.length; i++) {
      rule = rules[i];
      if (isIgnored(rule.id, options.ignoreRules)) continue;
      // A rule that reads only some resource types finds nothing in a template without them.
      if (rule.resourceTypes && !hasResourceOfType(template, rule.resourceTypes)) continue;
      try {
        rule.check(input);
      } catch (error) {
        // A rule that breaks on an unexpected shape must not hide every other finding.
        findings.push({
          ruleId: "E0002",
          severity: "error",
          message: `Rule ${rule.id} could not check this template: ${error instanceof Error ? error.message : String(error)}`,
          file: parsed.file,
          range: plainRange(root.range),
        });
      }
    }
  }
  const kept =
    options.ignoreRules || suppressions.length > 0
      ? findings.filter((f) => !isIgnored(f.ruleId, options.ignoreRules) && !isSuppressed(f, suppressions))
      : findings;
  return withoutRepeats(kept.sort(compareFindings), loops);
}

/**
 * Sorted findings without repeats: a rule that reads both branches of a Fn::If meets a node twice
 * when a YAML alias puts it in both, and would say the same thing twice at one place. A repeat is
 * the same rule, severity, range and message; the first is kept. Inside a Fn::ForEach loop whose
 * resources are judged one by one (loops.ts), each copy shares the loop's text: a rule's findings
 * at one place are one, whatever copy each names (the first in order is kept).
 */
function withoutRepeats(sorted: Finding[], loops: readonly Range[]): Finding[] {
  const said = new Set<string>();
  return sorted.filter((finding) => {
    const { start, end } = finding.range;
    const inLoop = loops.length > 0 && loops.some((loop) => rangeHas(loop, start) && rangeHas(loop, end));
    const key = JSON.stringify([
      finding.ruleId,
      finding.severity,
      start.line,
      start.column,
      end.line,
      end.column,
      inLoop ? "" : finding.message,
    ]);
    if (said.has(key)) return false;
    said.add(key);
    return true;
  });
}
