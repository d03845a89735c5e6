/**
 * Validating the templates a run names: resolve the patterns, read each file, run the rules.
 * Shared by the validate action and the CLI, which differ only in how they report.
 */
import { resolve } from "node:path";
import { type ResolveOptions, readTemplateForCheck, resolveTemplates, TemplateFileError } from "./files";
import { inlineBodies, innerFile, innerOptions, placeInlineFindings } from "./inline-templates";
import { MANY_TEMPLATES, prepareForLongRun } from "./long-run";
import type { Finding, ParsedTemplate } from "./model";
import { loadNestedTemplates } from "./nested";
import { parseTemplateLazily } from "./parse-core";
import type { RuleDescription } from "./report/sarif";
import { allRules } from "./rules/index";
import { loadSpec } from "./spec/index";
import { compareFindings, type ValidateOptions, validateParsed } from "./validate";

export interface CheckOptions extends ResolveOptions {
  workspace: string;
  ignoreRules?: readonly string[];
  /**
   * The name of the stack the templates are deployed as, when known: names built from
   * AWS::StackName are judged with it (E3944). Nested templates' stacks have names of their own.
   */
  stackName?: string;
  /**
   * The one template deployed as `stackName`, relative to the workspace, where others are checked
   * beside it (the root action's templates input): they are deployed under names of their own.
   */
  stackTemplate?: string;
  /**
   * The values a deploy passes for the parameters of the template deployed as `stackName` (the
   * only template, or `stackTemplate`): a Ref to one is judged with that value (E3946).
   */
  parameterValues?: ReadonlyMap<string, string>;
}

export interface CheckResult {
  /** Display paths of the templates checked, in order, including those that could not be read. */
  files: string[];
  findings: Finding[];
}

/**
 * Throws TemplateFileError only for a pattern that matches nothing, or for parameter values given
 * where several templates matched (usage errors). A file that
 * cannot be checked is an E0000 finding at that file, and every other file is still checked.
 */
export async function checkTemplates(
  patterns: readonly string[],
  options: CheckOptions,
): Promise<CheckResult> {
  const files = await resolveTemplates(patterns, options.workspace, options);
  if (options.parameterValues !== undefined && options.stackTemplate === undefined && files.length > 1) {
    throw new TemplateFileError(
      `parameter-overrides gives the values of one template's parameters, but ${files.length} templates matched; check that template on its own.`,
    );
  }
  const afterTemplate = files.length >= MANY_TEMPLATES ? await prepareForLongRun() : undefined;
  const spec = loadSpec();
  const findings: Finding[] = [];
  const stackTemplate =
    options.stackTemplate === undefined ? undefined : resolve(options.workspace, options.stackTemplate);
  for (const file of files) {
    const read = readTemplateForCheck(file);
    // Not subject to ignore-rules: leaving out a rule must never make a missing file pass silently.
    if ("finding" in read) {
      findings.push(read.finding);
      continue;
    }
    const parsed = await parseTemplateLazily(read.source, file.display);
    const nested = await loadNestedTemplates(parsed.root, file);
    const validateOptions: ValidateOptions = {
      spec,
      ignoreRules: options.ignoreRules,
      nested,
      ...(stackTemplate === undefined || stackTemplate === file.absolute
        ? { stackName: options.stackName, parameterValues: options.parameterValues }
        : {}),
    };
    const own = validateParsed(parsed, validateOptions);
    const inline = await inlineFindings(parsed, validateOptions);
    findings.push(...(inline.length === 0 ? own : [...own, ...inline].sort(compareFindings)));
    afterTemplate?.();
  }
  return { files: files.map((file) => file.display), findings };
}

/** The findings of the templates a template holds as TemplateBody text (inline-templates.ts). */
async function inlineFindings(parsed: ParsedTemplate, options: ValidateOptions): Promise<Finding[]> {
  const found: Finding[] = [];
  for (const body of inlineBodies(parsed)) {
    const inner = await parseTemplateLazily(body.node.value, innerFile(parsed.file, body));
    const innerOwn = innerOptions(options);
    const innerFindings = [...validateParsed(inner, innerOwn), ...(await inlineFindings(inner, innerOwn))];
    found.push(...placeInlineFindings(parsed, body, innerFindings.sort(compareFindings)));
  }
  return found;
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
