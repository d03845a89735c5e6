import type { Parameter } from "@aws-sdk/client-cloudformation";
import { parse as parseYaml } from "yaml";
import { agreeing } from "../text";

/**
 * The parameter-overrides input, in any of the forms users already have:
 * - `Key=Value` lines (values may hold commas and `=`);
 * - a YAML or JSON mapping written in the input itself, which is the way in for multi-line values
 *   such as a PEM key (`Key: |` and an indented block);
 * - the AWS CLI's JSON list `[{"ParameterKey": ..., "ParameterValue": ...}]`, inline or in a file;
 * - a path to a file holding any of these (JSON, YAML, or `Key=Value` lines).
 * Checked against the template's Parameters before any AWS call, and NoEcho values are masked
 * wherever they could be printed. No message ever repeats a value: a bad line is named by its
 * number (and its key, when it has one).
 */

export const PARAMETER_INPUT = "parameter-overrides";

export class ParameterError extends Error {
  constructor(message: string) {
    super(`Input '${PARAMETER_INPUT}': ${message}`);
    this.name = "ParameterError";
  }
}

export interface TemplateParameter {
  key: string;
  type: string;
  noEcho: boolean;
  defaultValue: string | undefined;
}

/** Ordered as written; a Map keeps the user's order for logs. */
export type ParameterOverrides = Map<string, string>;

const KEY_PATTERN = /^[A-Za-z0-9]+$/;
const KEY_VALUE_LINE = /^[A-Za-z0-9]+\s*=/;
/** A `Key: value` line: YAML's spelling, or `=` mistyped as `:`. */
const COLON_LINE = /^([A-Za-z0-9]+)\s*:(\s|$)/;
export const MASK = "****";

function scalarToString(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) {
    const items = value.map(scalarToString);
    return items.every((item) => item !== undefined) ? items.join(",") : undefined;
  }
  if (typeof value === "object") return undefined;
  return String(value);
}

export function templateParameters(template: unknown): TemplateParameter[] {
  const params = (template as { Parameters?: unknown } | undefined)?.Parameters;
  if (typeof params !== "object" || params === null) return [];
  return Object.entries(params as Record<string, Record<string, unknown>>).map(([key, body]) => ({
    key,
    type: typeof body?.Type === "string" ? body.Type : "String",
    noEcho: body?.NoEcho === true || body?.NoEcho === "true",
    defaultValue: scalarToString(body?.Default),
  }));
}

function setOnce(out: ParameterOverrides, key: string, value: string, where: string): void {
  if (!KEY_PATTERN.test(key) || key.length > 255) {
    throw new ParameterError(
      `the name ${where} is not a parameter name; names hold only letters and digits (at most 255).`,
    );
  }
  if (out.has(key)) throw new ParameterError(`parameter '${key}' is given twice (${where}); keep one.`);
  out.set(key, value);
}

/** `Key=Value` lines; a line that is not one is named by number, with its key when it has one. */
export function parseParameterLines(text: string, source = "the input"): ParameterOverrides {
  const lines = text.split(/\r?\n/);
  const bad: { line: number; key?: string }[] = [];
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#") || trimmed.indexOf("=") > 0) return;
    bad.push({ line: index + 1, key: COLON_LINE.exec(trimmed)?.[1] });
  });
  if (bad.length > 0) {
    const where = bad.map((b) => (b.key ? `${b.line} (${b.key}: …)` : String(b.line))).join(", ");
    const colon = bad.find((b) => b.key);
    throw new ParameterError(
      `${agreeing(bad.length, "line", "lines")} ${where} of ${source} ${agreeing(bad.length, "is", "are")} not Key=Value. ` +
        (colon
          ? `Write ${colon.key}=<value>, or give the whole input as a YAML mapping (Key: value on every line). `
          : "") +
        "A value cannot span lines in Key=Value form: give a multi-line value (a PEM key) as a YAML mapping with a block scalar (Key: |), or in a JSON or YAML parameters file.",
    );
  }
  const out: ParameterOverrides = new Map();
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    const eq = trimmed.indexOf("=");
    setOnce(out, trimmed.slice(0, eq).trim(), trimmed.slice(eq + 1).trim(), `on line ${index + 1}`);
  });
  return out;
}

/** Where a parser stopped, without its message: parsers quote the source, which may hold a secret. */
function parsePosition(error: unknown, text: string): string {
  const linePos = (error as { linePos?: { line: number; col: number }[] })?.linePos?.[0];
  if (linePos) return ` (line ${linePos.line}, column ${linePos.col})`;
  const offset = /position (\d+)/.exec((error as Error)?.message ?? "")?.[1];
  if (offset === undefined) return "";
  const before = text.slice(0, Number(offset)).split("\n");
  return ` (line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1})`;
}

/**
 * A JSON or YAML document: the AWS CLI's list of {ParameterKey, ParameterValue}, or a mapping of
 * names to values, either of them optionally under a `Parameters` key (CodePipeline's shape).
 * YAML is read with the failsafe schema, so every value is the text written (`1.10` stays `1.10`).
 */
export function parseParameterDocument(
  text: string,
  source: string,
  format: "json" | "yaml",
): ParameterOverrides {
  let doc: unknown;
  try {
    doc = format === "json" ? JSON.parse(text) : parseYaml(text, { schema: "failsafe" });
  } catch (error) {
    throw new ParameterError(
      `${source} is not valid ${format === "json" ? "JSON" : "YAML"}${parsePosition(error, text)}.`,
    );
  }
  if (doc !== null && typeof doc === "object" && !Array.isArray(doc) && "Parameters" in doc) {
    doc = (doc as { Parameters: unknown }).Parameters;
  }
  const out: ParameterOverrides = new Map();
  if (Array.isArray(doc)) {
    doc.forEach((item, index) => {
      const key = (item as { ParameterKey?: unknown })?.ParameterKey;
      const value = scalarToString((item as { ParameterValue?: unknown })?.ParameterValue);
      if (typeof key !== "string" || value === undefined) {
        throw new ParameterError(
          `${source}: item ${index + 1} needs ParameterKey and ParameterValue, e.g. {"ParameterKey": "Stage", "ParameterValue": "dev"}.`,
        );
      }
      setOnce(out, key, value, `in item ${index + 1} of ${source}`);
    });
    return out;
  }
  if (doc !== null && typeof doc === "object") {
    for (const [key, raw] of Object.entries(doc)) {
      const value = scalarToString(raw);
      const name = KEY_PATTERN.test(key) ? `'${key}'` : "a key";
      if (value === undefined) {
        throw new ParameterError(
          `${source}: the value of ${name} must be a string, number, boolean or list.`,
        );
      }
      setOnce(out, key, value, `of ${source}`);
    }
    return out;
  }
  throw new ParameterError(
    `${source} must hold a list of {ParameterKey, ParameterValue} or a mapping of names to values.`,
  );
}

/** Text in any of the forms above but a file path: a document, `Key=Value` lines, or a YAML mapping. */
export function parseParameterText(text: string, source: string): ParameterOverrides {
  const content = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
  if (content.length === 0) return new Map();
  if (/^[[{]/.test(content[0])) return parseParameterDocument(text, source, "yaml");
  if (content.every((line) => KEY_VALUE_LINE.test(line))) return parseParameterLines(text, source);
  if (COLON_LINE.test(content[0])) {
    let mapping = false;
    try {
      const doc = parseYaml(text, { schema: "failsafe" }) as unknown;
      mapping = doc !== null && typeof doc === "object" && !Array.isArray(doc);
    } catch {
      // Not YAML either: the line-by-line reading below names the lines that are wrong.
    }
    if (mapping) return parseParameterDocument(text, source, "yaml");
  }
  return parseParameterLines(text, source);
}

export type ReadTextFile = (path: string) => Promise<string>;

/** One line that is neither Key=Value nor `Key: value` nor a document is a parameters file's path. */
export async function readParameterOverrides(
  raw: string,
  readFile: ReadTextFile,
): Promise<ParameterOverrides> {
  const text = raw.trim();
  if (text === "") return new Map();
  const oneLine = !text.includes("\n");
  if (oneLine && !text.includes("=") && !COLON_LINE.test(text) && !/^[[{]/.test(text)) {
    const file = text.replace(/^file:\/\//, "");
    let body: string;
    try {
      body = await readFile(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException)?.code;
      // Only something shaped like a path is repeated: a lone word may be a value without its key.
      const named = /[/\\]|\.(json|ya?ml|env|txt|properties)$/i.test(file) ? `'${file}'` : "The input";
      throw new ParameterError(
        `${named} was read as a parameters file (one line, no '='), but it cannot be read${code ? ` (${code})` : ""}. Give Key=Value lines, a YAML mapping, or the path of a parameters file relative to the workspace.`,
      );
    }
    return file.toLowerCase().endsWith(".json")
      ? parseParameterDocument(body, file, "json")
      : parseParameterText(body, file);
  }
  return parseParameterText(raw, "the input");
}

/**
 * The Parameters list for CreateChangeSet. Unknown names fail here, before any AWS call. A
 * parameter without a value or default keeps the deployed stack's value (UsePreviousValue), so a
 * NoEcho secret set once need not be passed on every push; on a new stack it is an error.
 */
export function resolveParameters(
  overrides: ParameterOverrides,
  declared: TemplateParameter[],
  deployed: Parameter[] | undefined,
): Parameter[] {
  const known = new Set(declared.map((p) => p.key));
  const unknown = [...overrides.keys()].filter((k) => !known.has(k));
  if (unknown.length > 0) {
    const list = declared.length > 0 ? declared.map((p) => p.key).join(", ") : "none";
    throw new ParameterError(
      `${unknown.map((k) => `'${k}'`).join(", ")} ${unknown.length === 1 ? "is" : "are"} not declared in the template's Parameters (declared: ${list}). Remove ${unknown.length === 1 ? "it" : "them"} or fix the spelling.`,
    );
  }
  const previous = new Set((deployed ?? []).map((p) => p.ParameterKey));
  const out: Parameter[] = [];
  const missing: string[] = [];
  for (const param of declared) {
    const value = overrides.get(param.key);
    if (value !== undefined) out.push({ ParameterKey: param.key, ParameterValue: value });
    else if (param.defaultValue !== undefined) continue;
    else if (previous.has(param.key)) out.push({ ParameterKey: param.key, UsePreviousValue: true });
    else missing.push(param.key);
  }
  if (missing.length > 0) {
    throw new ParameterError(
      `${missing.map((k) => `'${k}'`).join(", ")} ${missing.length === 1 ? "has" : "have"} no value and no Default in the template. Add ${missing.map((k) => `${k}=...`).join(", ")} to parameter-overrides.`,
    );
  }
  return out;
}

/**
 * The values that must never reach a log or GitHub: every value given for a NoEcho parameter, and
 * each line of a multi-line one (a log line or a cut-off message may show a single line of a key).
 */
export function noEchoValues(overrides: ParameterOverrides, declared: TemplateParameter[]): string[] {
  const noEcho = new Set(declared.filter((p) => p.noEcho).map((p) => p.key));
  const values = new Set<string>();
  for (const [key, value] of overrides) {
    if (!noEcho.has(key) || value.trim() === "") continue;
    values.add(value);
    for (const line of value.split(/\r?\n/)) {
      // Lines too short to be secret on their own (blank, "-----") would only mangle the text.
      if (line.trim().length >= MIN_SECRET_LINE) values.add(line.trim());
    }
  }
  return [...values];
}

/** The shortest line of a multi-line secret that is masked on its own. */
export const MIN_SECRET_LINE = 6;

/** `Key=Value` lines for the log, NoEcho values replaced by the mask. */
export function describeParameters(parameters: Parameter[], declared: TemplateParameter[]): string[] {
  const noEcho = new Set(declared.filter((p) => p.noEcho).map((p) => p.key));
  return parameters.map((p) => {
    if (p.UsePreviousValue) return `${p.ParameterKey}=(previous value)`;
    return `${p.ParameterKey}=${noEcho.has(p.ParameterKey ?? "") ? MASK : p.ParameterValue}`;
  });
}
