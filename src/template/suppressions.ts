/**
 * Rule ids a template turns off for itself, in the `Metadata: { cfn-lint: { config: { ignore_checks:
 * [...] } } }` convention templates already carry: at the top level for the whole template, in a
 * resource's Metadata for that resource only. Honouring it keeps a deliberate exception (say, a
 * preprocessor directive where a string is expected) from failing every run.
 *
 * A resource's ids also turn off a finding reported elsewhere about that resource: W1030 points
 * at the parameter's Default that a property's Ref takes, where cfn-lint points at the Ref, and a
 * resource's suppression (round 44: an AWS Client VPN template's) must hold for both.
 */
import type { Finding, MapEntry, Node, Position, Range } from "./model";
import { mapGet } from "./nodes";
import { isString, type TemplateIndex } from "./rules/template-index";

export interface Suppression {
  /** Rule ids or id prefixes. */
  ids: string[];
  /** Where it applies; the whole template when undefined. */
  range?: Range;
  /** The resource whose Metadata gives it: a finding whose path is in that resource is in it too. */
  resource?: string;
}

function ignoredIds(metadata: Node | undefined): string[] {
  const checks = mapGet(mapGet(mapGet(metadata, "cfn-lint")?.value, "config")?.value, "ignore_checks")?.value;
  // An empty id would turn every rule off; it turns off none (W4005 tells), as in cfn-lint.
  if (isString(checks)) return checks.value === "" ? [] : [checks.value];
  if (checks?.kind !== "seq") return [];
  const ids: string[] = [];
  for (const item of checks.items) if (isString(item) && item.value !== "") ids.push(item.value);
  return ids;
}

function entryRange(entry: MapEntry): Range {
  return { start: entry.keyRange.start, end: entry.value.range.end };
}

export function templateSuppressions(template: TemplateIndex): Suppression[] {
  const suppressions: Suppression[] = [];
  const topLevel = ignoredIds(template.sections.get("Metadata")?.entry.value);
  if (topLevel.length > 0) suppressions.push({ ids: topLevel });
  for (const resource of template.resources.values()) {
    const ids = ignoredIds(mapGet(resource.body, "Metadata")?.value);
    if (ids.length > 0)
      suppressions.push({ ids, range: entryRange(resource.entry), resource: resource.name });
  }
  return suppressions;
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.column < b.column);
}

function contains(range: Range, position: Position): boolean {
  return !before(position, range.start) && before(position, range.end);
}

export function isSuppressed(finding: Finding, suppressions: readonly Suppression[]): boolean {
  return suppressions.some(
    (s) =>
      s.ids.some((id) => finding.ruleId.startsWith(id)) &&
      (!s.range ||
        contains(s.range, finding.range.start) ||
        (finding.path?.[0] === "Resources" && finding.path[1] === s.resource)),
  );
}
