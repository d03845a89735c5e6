/**
 * Validating the templates a run names: resolve the patterns, read each file, run the rules.
 * Shared by the validate action and the CLI, which differ only in how they report.
 */
import { readTemplate, resolveTemplates } from "./files";
import type { Finding } from "./model";
import { parseTemplateLazily } from "./parse-core";
import type { RuleDescription } from "./report/sarif";
import { allRules } from "./rules/index";
import { loadSpec } from "./spec/index";
import { validateParsed } from "./validate";

export interface CheckOptions {
  workspace: string;
  ignoreRules?: readonly string[];
  allowEmpty?: boolean;
  /** Input name to cite in messages about patterns ("templates" in the action). */
  input?: string;
}

export interface CheckResult {
  /** Display paths of the templates checked, in order. */
  files: string[];
  findings: Finding[];
}

export async function checkTemplates(
  patterns: readonly string[],
  options: CheckOptions,
): Promise<CheckResult> {
  const files = await resolveTemplates(patterns, options.workspace, {
    allowEmpty: options.allowEmpty,
    input: options.input,
  });
  // Read every file before validating any, so a bad path fails fast and alone.
  const sources = files.map((file) => ({ file, source: readTemplate(file) }));
  const spec = loadSpec();
  const findings: Finding[] = [];
  for (const { file, source } of sources) {
    const parsed = await parseTemplateLazily(source, file.display);
    findings.push(...validateParsed(parsed, { spec, ignoreRules: options.ignoreRules }));
  }
  return { files: files.map((file) => file.display), findings };
}

export function ruleDescriptions(): RuleDescription[] {
  return allRules.map(({ id, shortDescription, description, source, severity }) => ({
    id,
    shortDescription,
    description,
    source,
    severity,
  }));
}
