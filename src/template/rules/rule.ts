/**
 * The contract every rule meets. A rule is a small declared unit (id, descriptions, source URL,
 * tags) with one `check` function; the runner knows nothing about any particular rule.
 */
import type { Clock } from "../../clock";
import { plainRange } from "../lines";
import type { Finding, Node, Range, Severity } from "../model";
import type { NestedTemplates } from "../nested";
import type { SpecIndex } from "../spec/types";
import type { TemplateIndex } from "./template-index";

export interface ReportOptions {
  /** Overrides the rule's default severity for this one finding. */
  severity?: Severity;
  path?: (string | number)[];
}

export type Report = (at: Node | Range, message: string, options?: ReportOptions) => void;

export interface RuleInput {
  template: TemplateIndex;
  spec: SpecIndex;
  /** The local templates of nested stacks, read before the rules run (../nested.ts). */
  nested: NestedTemplates;
  report: Report;
}

export interface Rule {
  /** cfn-lint's id where the check is the same one, so users can map and ignore them. */
  id: string;
  severity: Severity;
  shortDescription: string;
  description: string;
  /** Documentation that explains what the rule enforces. */
  source: string;
  tags: string[];
  /**
   * The resource types the rule reads, on a rule whose check is nothing but loops over
   * `resourcesOfType(template, <these types>)`: the runner does not call it for a template without
   * any of them, which saves a cold run compiling and calling checks that have nothing to look at.
   * test/unit/template/rules/resource-types.test.ts holds each such rule to that shape.
   */
  resourceTypes?: readonly string[];
  check(input: RuleInput): void;
}

export function rangeOf(at: Node | Range): Range {
  return "start" in at ? at : at.range;
}

export function toFinding(
  rule: Rule,
  file: string,
  at: Node | Range,
  message: string,
  options?: ReportOptions,
): Finding {
  return {
    ruleId: rule.id,
    severity: options?.severity ?? rule.severity,
    message,
    file,
    range: plainRange(rangeOf(at)),
    ...(options?.path ? { path: options.path } : {}),
  };
}

/**
 * A rule whose findings depend on the day (YYYY-MM-DD, UTC, as the lifecycle tables write dates):
 * `check` gets the clock's day with the usual input.
 */
export function datedRule(
  rule: Omit<Rule, "check">,
  clock: Clock,
  check: (input: RuleInput, day: string) => void,
): Rule {
  return { ...rule, check: (input) => check(input, new Date(clock()).toISOString().slice(0, 10)) };
}
