import { parseJson } from "./json";
import { LineIndex, parseFinding } from "./lines";
import type { ParsedTemplate, TemplateRead } from "./model";
import { parseYamlFast, Unsupported } from "./yaml-fast";

/** The exact YAML reader, for what the fast reader leaves aside (see yaml.ts). */
export type YamlReader = (source: string, file: string, lines: LineIndex) => TemplateRead;

/** Thrown when the template needs the full YAML reader and none was given. */
export class NeedsYamlLibrary extends Error {}

/**
 * Reads a CloudFormation template, JSON or YAML, into the position-carrying node tree. Pure:
 * problems become E0000 findings, never exceptions, and a tree is returned whenever one could
 * be built. Without `library`, YAML beyond the fast reader's subset throws NeedsYamlLibrary, so
 * a caller can load the library only when a template needs it.
 */
export function parseTemplateWith(
  source: string,
  file: string,
  library: YamlReader | undefined,
): ParsedTemplate {
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
  const { root, findings, yamlReuse, jsonAsYaml }: TemplateRead =
    format === "json" ? readJson(source, file, lines, library) : readYaml(source, file, lines, library);
  if (!root && findings.length === 0) {
    findings.push(parseFinding(file, "Template is empty", lines.range(0, 0)));
  }
  const parsed: ParsedTemplate = { file, format, source, root, findings };
  if (jsonAsYaml) parsed.jsonAsYaml = jsonAsYaml;
  if (yamlReuse && yamlReuse.length > 0) parsed.yamlReuse = yamlReuse;
  return parsed;
}

/**
 * CloudFormation reads a template that is not JSON as YAML (cfn-lint too), so a JSON template
 * the JSON reader refuses is read again as YAML; where YAML reads it into a mapping, that is the
 * template, and the JSON reader's error becomes W3942's warning. A key without quotes (`{Type:
 * ...}`) deploys that way, and a comment before a key becomes part of the key, which the rules
 * then judge as CloudFormation would. Where YAML refuses the text too, the JSON error stands.
 */
function readJson(
  source: string,
  file: string,
  lines: LineIndex,
  library: YamlReader | undefined,
): TemplateRead {
  const read = parseJson(source, file, lines);
  if (read.root !== undefined) return read;
  const [error] = read.findings;
  if (!error) return read;
  const asYaml = readYaml(source, file, lines, library);
  if (asYaml.root?.kind !== "map" || asYaml.findings.length > 0) return read;
  // A .yaml file written in flow style is YAML by its name: no JSON tool is meant to read it.
  if (YAML_NAME.test(file)) return asYaml;
  return { ...asYaml, jsonAsYaml: { message: error.message, range: error.range } };
}

const YAML_NAME = /\.ya?ml$/i;

function detectFormat(source: string, file: string): "json" | "yaml" {
  if (file.toLowerCase().endsWith(".json")) return "json";
  const first = /[^\s\ufeff]/.exec(source);
  return first?.[0] === "{" ? "json" : "yaml";
}

function readYaml(
  source: string,
  file: string,
  lines: LineIndex,
  library: YamlReader | undefined,
): TemplateRead {
  try {
    return parseYamlFast(source, file, lines);
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error;
  }
  if (!library) throw new NeedsYamlLibrary();
  return library(source, file, lines);
}

/** Parses with the fast readers, importing the YAML library (a sizeable share of start-up) only on demand. */
export async function parseTemplateLazily(source: string, file: string): Promise<ParsedTemplate> {
  try {
    return parseTemplateWith(source, file, undefined);
  } catch (error) {
    if (!(error instanceof NeedsYamlLibrary)) throw error;
  }
  const { parseYamlWithLibrary: library } = await import("./yaml");
  return parseTemplateWith(source, file, library);
}
