/**
 * The root action's `layers` input: a YAML list of build-layer settings. Apart from src/inputs.ts
 * so that every other entry starts without evaluating the YAML library.
 */
import { parse as parseYaml } from "yaml";
import {
  BUILD_LAYER_INPUTS,
  InputError,
  MAIN_INPUTS,
  parseBoolean,
  type ReadInput,
  readBuildLayerInputs,
} from "./inputs";

/**
 * The key of a layers entry that names the template parameter given the layer's ARN: build-layer's
 * own input, so with the template (the root action's) the layer is also checked against the
 * size limit of the functions that use it.
 */
export const LAYER_PARAMETER_KEY = BUILD_LAYER_INPUTS.templateParameter;

/** One entry of the layers input: build-layer settings by input name, and the parameter it feeds. */
export interface LayerEntry {
  /** The entry's template-parameter. */
  parameter: string;
  settings: Record<string, string>;
}

const PARAMETER_NAME_RE = /^[A-Za-z0-9]{1,255}$/;

/** How a layers entry reads a build-layer input: its own setting, else the root action's input of that name. */
export function layerReader(entry: LayerEntry, fallback: ReadInput): ReadInput {
  const shared = new Set<string>(Object.values(MAIN_INPUTS));
  return (name) => entry.settings[name] ?? (shared.has(name) ? fallback(name) : "");
}

function layerSetting(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  // A YAML list stands for the lines of a list input (include, compatible-runtimes).
  if (Array.isArray(value) && value.every((item) => typeof item === "string" || typeof item === "number"))
    return value.join("\n");
  return undefined;
}

/** One entry of the layers input, checked as build-layer checks its inputs; `where` names the item. */
function parseLayerEntry(
  item: unknown,
  where: string,
  fallback: ReadInput,
  input: string,
): LayerEntry & { name: string } {
  const example = `e.g. - { name: deps, runtime: nodejs, source: layers/deps, ${LAYER_PARAMETER_KEY}: DepsLayerArn }`;
  if (item === null || typeof item !== "object" || Array.isArray(item)) {
    throw new InputError(input, `${where} is not a mapping of build-layer settings; ${example}.`);
  }
  const known = Object.values(BUILD_LAYER_INPUTS) as string[];
  const settings: Record<string, string> = {};
  for (const [key, raw] of Object.entries(item as Record<string, unknown>)) {
    if (!known.includes(key)) {
      throw new InputError(
        input,
        `${where} has a key that is not a build-layer input; use: ${known.join(", ")}.`,
      );
    }
    const text = layerSetting(raw);
    if (text === undefined) {
      throw new InputError(
        input,
        `${where}: the value of ${key} must be text, a number, a boolean or a list.`,
      );
    }
    settings[key] = text;
  }
  const parameter = (settings[LAYER_PARAMETER_KEY] ?? "").trim();
  if (!PARAMETER_NAME_RE.test(parameter)) {
    throw new InputError(
      input,
      `${where}: ${LAYER_PARAMETER_KEY} must name the template parameter that receives the layer's ARN (letters and digits).`,
    );
  }
  const entry = { parameter, settings };
  try {
    // Either would leave the stack without the layer's ARN; the error names the key.
    const { publish, dryRun } = BUILD_LAYER_INPUTS;
    const flag = (key: string, fallback: boolean) =>
      parseBoolean(key, (settings[key] ?? "").trim(), fallback);
    const refused = !flag(publish, true) ? publish : flag(dryRun, false) ? dryRun : undefined;
    if (refused)
      throw new InputError(
        refused,
        "a layer here is always published, since the stack needs its ARN; remove the key, or build the layer with the build-layer action.",
      );
    return { ...entry, name: readBuildLayerInputs(layerReader(entry, fallback)).name };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const detail = error.message.slice(`Input '${error.input}': `.length);
    throw new InputError(input, `${where}, ${error.input}: ${detail}`);
  }
}

/**
 * The layers input: a YAML list of build-layer settings (the build-layer action's input names),
 * each with template-parameter, the template parameter that receives the layer's ARN. Settings an
 * entry leaves out that the root action also takes (template, artifact-bucket, artifact-prefix)
 * come from `fallback`. A layer here is always published: its ARN is what the stack needs.
 */
export function parseLayers(
  value: string,
  fallback: ReadInput,
  input: string = MAIN_INPUTS.layers,
): LayerEntry[] {
  if (value.trim() === "") return [];
  let doc: unknown;
  try {
    doc = parseYaml(value);
  } catch (error) {
    const line = (error as { linePos?: { line: number }[] })?.linePos?.[0]?.line;
    throw new InputError(
      input,
      `the value is not YAML${line ? ` (line ${line})` : ""}; give a list of layers.`,
    );
  }
  if (!Array.isArray(doc)) {
    throw new InputError(input, "the value is not a YAML list; give one list item (- name: ...) per layer.");
  }
  const entries = doc.map((item, index) => parseLayerEntry(item, `item ${index + 1}`, fallback, input));
  for (const [key, label] of [
    ["name", BUILD_LAYER_INPUTS.name],
    ["parameter", LAYER_PARAMETER_KEY],
  ] as const) {
    entries.forEach((entry, index) => {
      const first = entries.findIndex((other) => other[key] === entry[key]);
      if (first < index) {
        throw new InputError(
          input,
          `items ${first + 1} and ${index + 1} have the same ${label}; each layer needs a name and a parameter of its own.`,
        );
      }
    });
  }
  return entries.map(({ parameter, settings }) => ({ parameter, settings }));
}
