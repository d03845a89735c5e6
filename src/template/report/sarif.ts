/**
 * SARIF 2.1.0 for GitHub code scanning (github/codeql-action/upload-sarif): one run, the rules
 * that produced results described, and every finding as a result with a physical location.
 */
import type { Finding, Severity } from "../model";

export interface RuleDescription {
  id: string;
  shortDescription: string;
  description: string;
  source: string;
  severity: Severity;
}

const LEVEL: Record<Severity, "error" | "warning" | "note"> = {
  error: "error",
  warning: "warning",
  informational: "note",
};

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

/**
 * Names every rule that produced a finding, including E0000 (a file that cannot be read or
 * parsed) and E0002, which belong to no rule.
 */
const BUILT_IN_RULES: RuleDescription[] = [
  {
    id: "E0000",
    shortDescription: "Template could not be read or parsed",
    description:
      "The file cannot be a template (missing, a directory, empty, binary, or over 5 MB), or is not valid YAML or JSON, or uses a tag CloudFormation rejects, or repeats a key in a mapping (CloudFormation deploys the last value and ignores the others, and tools such as the AWS CLI's deploy command refuse the template).",
    source: "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-formats.html",
    severity: "error",
  },
  {
    id: "E0002",
    shortDescription: "Rule could not check the template",
    description: "A rule met a shape it could not process; the other rules still ran.",
    source: "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html",
    severity: "error",
  },
];

/** SARIF artifact URIs use forward slashes, relative to the repository root. */
function toUri(file: string): string {
  return file.split("\\").join("/").replace(/^\.\//, "");
}

export function renderSarif(
  findings: readonly Finding[],
  rules: readonly RuleDescription[],
  tool: { name: string; version: string; informationUri: string },
): object {
  const known = new Map<string, RuleDescription>();
  for (const rule of [...BUILT_IN_RULES, ...rules]) known.set(rule.id, rule);
  const used = [...new Set(findings.map((f) => f.ruleId))].sort();
  const ruleIndex = new Map(used.map((id, index) => [id, index]));
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            informationUri: tool.informationUri,
            rules: used.map((id) => {
              const rule = known.get(id);
              return {
                id,
                name: id,
                shortDescription: { text: rule?.shortDescription ?? id },
                fullDescription: { text: rule?.description ?? id },
                ...(rule?.source ? { helpUri: rule.source } : {}),
                defaultConfiguration: { level: LEVEL[rule?.severity ?? "error"] },
              };
            }),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.ruleId,
          ruleIndex: ruleIndex.get(f.ruleId),
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: toUri(f.file) },
                region: {
                  startLine: f.range.start.line,
                  startColumn: f.range.start.column,
                  endLine: f.range.end.line,
                  endColumn: f.range.end.column,
                },
              },
            },
          ],
        })),
      },
    ],
  };
}
