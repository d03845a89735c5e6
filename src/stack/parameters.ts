import type { Parameter } from "@aws-sdk/client-cloudformation";
import { parse as parseYaml } from "yaml";

/**
 * The parameter-overrides input: multi-line `Key=Value` (values may hold commas and `=`), or a
 * path to a JSON or YAML file holding `[{ParameterKey, ParameterValue}]` or `{Key: Value}`.
 * Checked against the template's Parameters before any AWS call, and NoEcho values are masked
 * wherever they could be printed.
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
export const MASK = "****";

function scalarToString(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return value.map((v) => String(v)).join(",");
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
  if (!KEY_PATTERN.test(key)) {
    throw new ParameterError(
      `'${key}' (${where}) is not a parameter name; names hold only letters and digits.`,
    );
  }
  if (out.has(key)) throw new ParameterError(`parameter '${key}' is given twice (${where}); keep one.`);
  out.set(key, value);
}

export function parseParameterLines(text: string): ParameterOverrides {
  const out: ParameterOverrides = new Map();
  text.split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    const eq = trimmed.indexOf("=");
    if (eq <= 0) {
      throw new ParameterError(
        `line ${index + 1} ('${trimmed}') is not Key=Value; write one Key=Value per line, or give the path of a JSON or YAML parameters file.`,
      );
    }
    setOnce(out, trimmed.slice(0, eq).trim(), trimmed.slice(eq + 1).trim(), `line ${index + 1}`);
  });
  return out;
}

/** A parameters file, in any of the shapes the AWS CLI, CodePipeline and SAM users already have. */
export function parseParameterDocument(text: string, file: string): ParameterOverrides {
  let doc: unknown;
  try {
    doc = file.toLowerCase().endsWith(".json") ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new ParameterError(`${file} is not valid JSON or YAML: ${(error as Error).message}`);
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
          `${file}: item ${index + 1} needs ParameterKey and ParameterValue, e.g. {"ParameterKey": "Stage", "ParameterValue": "dev"}.`,
        );
      }
      setOnce(out, key, value, `${file} item ${index + 1}`);
    });
    return out;
  }
  if (doc !== null && typeof doc === "object") {
    for (const [key, raw] of Object.entries(doc)) {
      const value = scalarToString(raw);
      if (value === undefined) {
        throw new ParameterError(`${file}: the value of '${key}' must be a string, number, boolean or list.`);
      }
      setOnce(out, key, value, file);
    }
    return out;
  }
  throw new ParameterError(
    `${file} must hold a list of {ParameterKey, ParameterValue} or a mapping of names to values.`,
  );
}

export type ReadTextFile = (path: string) => Promise<string>;

/** A one-line value without `=` is a file path; anything else is Key=Value lines. */
export async function readParameterOverrides(
  raw: string,
  readFile: ReadTextFile,
): Promise<ParameterOverrides> {
  const text = raw.trim();
  if (text === "") return new Map();
  if (!text.includes("\n") && !text.includes("=")) {
    const file = text.replace(/^file:\/\//, "");
    let body: string;
    try {
      body = await readFile(file);
    } catch (error) {
      throw new ParameterError(
        `'${file}' has no '=' so it was read as a parameters file, but it cannot be read (${(error as Error).message}). Give Key=Value lines, or the path of a JSON or YAML file relative to the workspace.`,
      );
    }
    return parseParameterDocument(body, file);
  }
  return parseParameterLines(text);
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

/** The values that must never reach a log: every NoEcho override. */
export function secretValues(parameters: Parameter[], declared: TemplateParameter[]): string[] {
  const noEcho = new Set(declared.filter((p) => p.noEcho).map((p) => p.key));
  return parameters
    .filter(
      (p) => noEcho.has(p.ParameterKey ?? "") && p.ParameterValue !== undefined && p.ParameterValue !== "",
    )
    .map((p) => p.ParameterValue as string);
}

/** `Key=Value` lines for the log, NoEcho values replaced by the mask. */
export function describeParameters(parameters: Parameter[], declared: TemplateParameter[]): string[] {
  const noEcho = new Set(declared.filter((p) => p.noEcho).map((p) => p.key));
  return parameters.map((p) => {
    if (p.UsePreviousValue) return `${p.ParameterKey}=(previous value)`;
    return `${p.ParameterKey}=${noEcho.has(p.ParameterKey ?? "") ? MASK : p.ParameterValue}`;
  });
}
