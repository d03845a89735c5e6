import { parseJson } from "./json";
import { LineIndex, parseFinding } from "./lines";
import type { MapEntry, Node, ParsedTemplate } from "./model";
import { parseYaml } from "./yaml";

export { lineColumnAt } from "./lines";

/**
 * Reads a CloudFormation template, JSON or YAML, into the position-carrying node tree. Pure:
 * problems become E0000 findings, never exceptions, and a tree is returned whenever one could
 * be built.
 */
export function parseTemplate(source: string, file: string): ParsedTemplate {
  const format = detectFormat(source, file);
  const lines = new LineIndex(source);
  if (source.trim() === "" || source.trim() === "\ufeff") {
    return {
      file,
      format,
      source,
      root: undefined,
      findings: [parseFinding(file, "Template is empty", lines.range(0, 0))],
    };
  }
  const { root, findings } =
    format === "json" ? parseJson(source, file, lines) : parseYaml(source, file, lines);
  if (!root && findings.length === 0) {
    findings.push(parseFinding(file, "Template is empty", lines.range(0, 0)));
  }
  return { file, format, source, root, findings };
}

function detectFormat(source: string, file: string): "json" | "yaml" {
  if (file.toLowerCase().endsWith(".json")) return "json";
  const first = /[^\s\ufeff]/.exec(source);
  return first?.[0] === "{" ? "json" : "yaml";
}

/** The entry for `key` when `node` is a mapping that has one. */
export function mapGet(node: Node | undefined, key: string): MapEntry | undefined {
  if (node?.kind !== "map") return undefined;
  for (const entry of node.entries) {
    if (entry.key === key) return entry;
  }
  return undefined;
}

/** The plain JavaScript value of a node, as JSON.parse would give it (for diffs and output). */
export function toPlain(node: Node): unknown {
  if (node.kind === "scalar") return node.value;
  if (node.kind === "seq") return node.items.map(toPlain);
  const out: Record<string, unknown> = {};
  for (const entry of node.entries) {
    if (entry.key === "__proto__") {
      Object.defineProperty(out, entry.key, {
        value: toPlain(entry.value),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else {
      out[entry.key] = toPlain(entry.value);
    }
  }
  return out;
}
