/**
 * Validation of template text in one call, parsing synchronously with every reader loaded: for
 * tests and for the deploy action. The validate action goes through check.ts, which parses lazily.
 */
import { inlineBodies, innerFile, innerOptions, placeInlineFindings } from "./inline-templates";
import type { Finding } from "./model";
import { parseTemplate } from "./parse";
import { compareFindings, type ValidateOptions, validateParsed } from "./validate";

export function validateSource(source: string, file: string, options: ValidateOptions): Finding[] {
  const parsed = parseTemplate(source, file);
  const findings = validateParsed(parsed, options);
  const bodies = inlineBodies(parsed);
  if (bodies.length === 0) return findings;
  for (const body of bodies)
    findings.push(
      ...placeInlineFindings(
        parsed,
        body,
        validateSource(body.node.value, innerFile(file, body), innerOptions(options)),
      ),
    );
  return findings.sort(compareFindings);
}
