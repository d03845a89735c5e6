/**
 * Each sub-action's README documents its inputs and outputs in two tables (headed `input` and
 * `output`); they must list exactly what its action.yml declares, with the same defaults, so the
 * page a user reads never drifts from what the runner applies.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "../e2e/harness";

interface ActionYaml {
  inputs?: Record<string, { default?: string; required?: boolean }>;
  outputs?: Record<string, unknown>;
}

/** The body rows of the Markdown table whose first header cell is `header`, split into cells. */
function table(markdown: string, header: string): string[][] {
  const lines = markdown.split("\n");
  const start = lines.findIndex((l) => new RegExp(`^\\|\\s*${header}\\s*\\|`).test(l));
  if (start < 0) return [];
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith("|")) break;
    // A `\|` inside a cell is part of the cell.
    rows.push(
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim()),
    );
  }
  return rows;
}

/** The names a first cell holds: each code span (`a`, `b`); none for a prose row (*each Output*). */
function names(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
}

const actions = readdirSync(join(ROOT, "actions")).filter(
  (name) =>
    existsSync(join(ROOT, "actions", name, "action.yml")) &&
    existsSync(join(ROOT, "actions", name, "README.md")),
);

describe.each(actions)("actions/%s/README.md", (action) => {
  const meta = parse(readFileSync(join(ROOT, "actions", action, "action.yml"), "utf8")) as ActionYaml;
  const readme = readFileSync(join(ROOT, "actions", action, "README.md"), "utf8");

  it("lists every input of action.yml, in its order, with its default", () => {
    const rows = table(readme, "input");
    expect(rows.flatMap((r) => names(r[0]))).toEqual(Object.keys(meta.inputs ?? {}));
    for (const [cell, defaultCell] of rows) {
      const [name] = names(cell);
      const spec = meta.inputs?.[name] ?? {};
      const declared = spec.default ?? "";
      if (spec.required) {
        expect(defaultCell, name).toBe("(required)");
      } else if (declared !== "") {
        expect(defaultCell, name).toBe(`\`${declared}\``);
      } else {
        // An empty default may be told in words (`repository name`), but never as a value of its own.
        expect(/^`[^`]*`$/.test(defaultCell), `${name}: '${defaultCell}'`).toBe(false);
      }
    }
  });

  it("lists every output of action.yml", () => {
    const listed = table(readme, "output").flatMap((r) => names(r[0]));
    expect(listed.sort()).toEqual(Object.keys(meta.outputs ?? {}).sort());
  });
});

describe("README.md, the all-in-one action", () => {
  const root = parse(readFileSync(join(ROOT, "action.yml"), "utf8")) as ActionYaml;
  const subs = readdirSync(join(ROOT, "actions"))
    .filter((name) => existsSync(join(ROOT, "actions", name, "action.yml")))
    .map((name) => parse(readFileSync(join(ROOT, "actions", name, "action.yml"), "utf8")) as ActionYaml);
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const own = (kind: "inputs" | "outputs") =>
    Object.keys(root[kind] ?? {}).filter((name) => !subs.some((sub) => name in (sub[kind] ?? {})));

  it("lists the inputs only the root action has, with their defaults", () => {
    const rows = table(readme, "root input");
    expect(rows.flatMap((r) => names(r[0]))).toEqual(own("inputs"));
    for (const [cell, defaultCell] of rows) {
      const declared = root.inputs?.[names(cell)[0]]?.default ?? "";
      expect(defaultCell).toBe(declared === "" ? "" : `\`${declared}\``);
    }
  });

  it("lists the outputs only the root action has", () => {
    expect(table(readme, "root output").flatMap((r) => names(r[0]))).toEqual(own("outputs"));
  });
});
