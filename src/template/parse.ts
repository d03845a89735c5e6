/**
 * The template parser with every reader loaded, synchronous: what tests and the deploy action use.
 * The validate path uses parseTemplateLazily (parse-core.ts), which loads the YAML library only
 * when a template needs it.
 */
import type { ParsedTemplate } from "./model";
import { parseTemplateWith } from "./parse-core";
import { parseYamlWithLibrary } from "./yaml";

export { lineColumnAt } from "./lines";
export { mapGet, toPlain } from "./nodes";

export function parseTemplate(source: string, file: string): ParsedTemplate {
  return parseTemplateWith(source, file, parseYamlWithLibrary);
}
