import type { Change } from "@aws-sdk/client-cloudformation";
import { code, text } from "../template/report/markdown";

/**
 * What a change set will do, as plain data a renderer can turn into log lines, Markdown or JSON:
 * one row per resource change, and the IAM and security-group changes that
 * @aws-cdk/cloudformation-diff finds between the deployed and the new template.
 */

export interface ResourceChangeSummary {
  /** Add, Modify, Remove, Import, Dynamic. */
  action: string;
  logicalId: string;
  physicalId: string | undefined;
  resourceType: string;
  /** CloudFormation's Replacement: "True", "False", "Conditional", or undefined for adds and removes. */
  replacement: string | undefined;
  /** True when the resource will (or may) be replaced: data in it can be lost, so it is flagged loudly. */
  replaces: boolean;
  /** What part changes: Properties, Metadata, Tags, ... */
  scope: string[];
  /** Property names that change, those forcing a replacement marked with "(replacement)". */
  details: string[];
}

/** Each table is a header row then one row per change, as cloudformation-diff summarises them. */
export interface SecurityChanges {
  iamStatements: string[][];
  managedPolicies: string[][];
  securityGroups: string[][];
  /** Statements or managed policies added, or deny statements removed. */
  permissionsBroadened: boolean;
  hasChanges: boolean;
}

export const NO_SECURITY_CHANGES: SecurityChanges = {
  iamStatements: [],
  managedPolicies: [],
  securityGroups: [],
  permissionsBroadened: false,
  hasChanges: false,
};

export function summarizeChanges(changes: Change[]): ResourceChangeSummary[] {
  const rows: ResourceChangeSummary[] = [];
  for (const change of changes) {
    const rc = change.ResourceChange;
    if (!rc) continue;
    const details = new Set<string>();
    for (const detail of rc.Details ?? []) {
      const name = detail.Target?.Name ?? detail.Target?.Attribute;
      if (!name) continue;
      details.add(detail.Target?.RequiresRecreation === "Always" ? `${name} (replacement)` : name);
    }
    rows.push({
      action: rc.Action ?? "Unknown",
      logicalId: rc.LogicalResourceId ?? "",
      physicalId: rc.PhysicalResourceId || undefined,
      resourceType: rc.ResourceType ?? "",
      replacement: rc.Replacement,
      replaces: rc.Replacement === "True" || rc.Replacement === "Conditional",
      scope: rc.Scope ?? [],
      details: [...details],
    });
  }
  return rows;
}

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");

/**
 * The diff library prints intrinsics as JSON (`{"Fn::GetAtt":["Bucket","Arn"]}`); people read
 * them in the template's own short form: `${Bucket.Arn}`, `${Stage}`, the Sub string itself.
 */
export function readableIntrinsics(text: string): string {
  return text
    .replace(/\{"Ref":"([^"]+)"\}/g, "${$1}")
    .replace(/\{"Fn::GetAtt":\["([^"]+)","([^"]+)"\]\}/g, "${$1.$2}")
    .replace(/\{"Fn::Sub":"((?:[^"\\]|\\.)*)"\}/g, (_, sub: string) => JSON.parse(`"${sub}"`));
}

function clean(table: string[][]): string[][] {
  return table.length <= 1
    ? []
    : table.map((row) => row.map((cell) => readableIntrinsics(cell.replace(ANSI, ""))));
}

/**
 * Loaded on demand: the diff library reads the service specification on first use, which costs
 * about a second, so runs that find nothing to change never pay for it.
 */
export async function securityChanges(
  oldTemplate: Record<string, unknown> | undefined,
  newTemplate: Record<string, unknown>,
): Promise<SecurityChanges> {
  const { fullDiff } = await import("@aws-cdk/cloudformation-diff");
  const diff = fullDiff(oldTemplate ?? {}, newTemplate);
  const iamStatements = clean(diff.iamChanges.summarizeStatements());
  const managedPolicies = clean(diff.iamChanges.summarizeManagedPolicies());
  const securityGroups = clean(diff.securityGroupChanges.summarize());
  return {
    iamStatements,
    managedPolicies,
    securityGroups,
    permissionsBroadened: diff.permissionsBroadened || diff.securityGroupChanges.rulesAdded,
    hasChanges: iamStatements.length + managedPolicies.length + securityGroups.length > 0,
  };
}

function replacementNote(row: ResourceChangeSummary): string {
  if (row.replacement === "True") return "  REPLACEMENT: resource will be replaced";
  if (row.replacement === "Conditional") return "  REPLACEMENT: resource may be replaced";
  return "";
}

/** Log lines: one per change, replacements impossible to miss. */
export function renderChangeLines(rows: ResourceChangeSummary[]): string[] {
  if (rows.length === 0) return ["No resource changes."];
  return rows.map((row) => {
    const details = row.details.length > 0 ? ` [${row.details.join(", ")}]` : "";
    return `${row.action.padEnd(7)} ${row.logicalId} ${row.resourceType}${details}${replacementNote(row)}`;
  });
}

/** A table of cells that are already Markdown: each value was escaped where it was put in. */
function table(head: string[], body: string[][]): string[] {
  return [
    `| ${head.join(" | ")} |`,
    `|${head.map(() => " --- ").join("|")}|`,
    ...body.map((r) => `| ${r.join(" | ")} |`),
  ];
}

/** Rows from the diff library hold template text (ARNs, principals, actions): all of it escaped. */
function escapedTable(rows: string[][]): string[] {
  const [head, ...body] = rows;
  return table(
    head.map((cell) => text(cell)),
    body.map((r) => r.map((cell) => text(cell, "br"))),
  );
}

/** Markdown for the changes-markdown output, the job summary and the PR comment. */
export function renderChangesMarkdown(rows: ResourceChangeSummary[], security: SecurityChanges): string {
  const lines: string[] = [];
  if (rows.length === 0) {
    lines.push("No resource changes.");
  } else {
    const replaced = rows.filter((r) => r.replaces).length;
    if (replaced > 0) {
      lines.push(
        `> [!WARNING]\n> ${replaced} resource${replaced === 1 ? "" : "s"} will or may be **replaced**; data held in ${replaced === 1 ? "it" : "them"} can be lost.`,
        "",
      );
    }
    lines.push(
      ...table(
        ["Action", "Logical ID", "Type", "Replacement", "Changed"],
        rows.map((r) => [
          text(r.action),
          code(r.logicalId),
          text(r.resourceType),
          r.replacement === "True"
            ? "**Yes**"
            : r.replacement === "Conditional"
              ? "**Maybe**"
              : r.replacement === "False"
                ? "No"
                : "",
          text(r.details.join(", ")),
        ]),
      ),
    );
  }
  const sections: [string, string[][]][] = [
    ["IAM statement changes", security.iamStatements],
    ["IAM managed policy changes", security.managedPolicies],
    ["Security group changes", security.securityGroups],
  ];
  for (const [title, rowsOf] of sections) {
    if (rowsOf.length === 0) continue;
    lines.push("", `**${title}**`, "", ...escapedTable(rowsOf));
  }
  if (security.permissionsBroadened) {
    lines.push(
      "",
      "> [!CAUTION]\n> This change broadens permissions or opens network access. Review it before merging.",
    );
  }
  return lines.join("\n");
}
