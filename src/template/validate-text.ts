/**
 * Validation of template text in one call, parsing synchronously with every reader loaded: for
 * tests and for the deploy action. The validate action goes through check.ts, which parses lazily.
 */
import type { Finding } from "./model";
import { parseTemplate } from "./parse";
import { type ValidateOptions, validateParsed } from "./validate";

export function validateSource(source: string, file: string, options: ValidateOptions): Finding[] {
  return validateParsed(parseTemplate(source, file), options);
}
