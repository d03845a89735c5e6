/**
 * Every input and output name of every action, and their parsing and validation, in one place.
 * No other module spells an input or output name. Parsers take a `read(name)` function so they
 * are pure and testable; the action entries pass `core.getInput`.
 */

export type ReadInput = (name: string) => string;

/** A bad input: the message names the input and says what is allowed. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    message: string,
  ) {
    super(`Input '${input}': ${message}`);
    this.name = "InputError";
  }
}

/** Splits a list input on newlines and commas, trimming blanks away. */
export function splitList(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** Accepts the same spellings as the toolkit's getBooleanInput (YAML 1.2 core schema). */
export function parseBoolean(input: string, value: string, fallback: boolean): boolean {
  if (value === "") return fallback;
  if (["true", "True", "TRUE"].includes(value)) return true;
  if (["false", "False", "FALSE"].includes(value)) return false;
  throw new InputError(input, `'${value}' is not a boolean; use true or false.`);
}

export function parseChoice<T extends string>(input: string, value: string, allowed: readonly T[], fallback: T): T {
  if (value === "") return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(input, `'${value}' is not allowed; use one of: ${allowed.join(", ")}.`);
}

// ---------------------------------------------------------------------------------------------
// validate

export const VALIDATE_INPUTS = {
  templates: "templates",
  failOn: "fail-on",
  ignoreRules: "ignore-rules",
  sarifFile: "sarif-file",
  allowEmpty: "allow-empty",
} as const;

export const VALIDATE_OUTPUTS = {
  errors: "errors",
  warnings: "warnings",
  files: "files",
  sarifFile: "sarif-file",
} as const;

export const FAIL_ON = ["error", "warning", "never"] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** A rule id (E3002) or an id prefix (W, E30) as ignore-rules accepts it. */
const RULE_ID_PATTERN = /^[EWI]\d{0,4}$/;

export interface ValidateInputs {
  templates: string[];
  failOn: FailOn;
  ignoreRules: string[];
  sarifFile: string | undefined;
  allowEmpty: boolean;
}

export function parseFailOn(value: string, input: string = VALIDATE_INPUTS.failOn): FailOn {
  return parseChoice(input, value.trim(), FAIL_ON, "error");
}

export function parseIgnoreRules(value: string, input: string = VALIDATE_INPUTS.ignoreRules): string[] {
  const ids = splitList(value).flatMap((item) => item.split(/\s+/));
  for (const id of ids) {
    if (!RULE_ID_PATTERN.test(id)) {
      throw new InputError(
        input,
        `'${id}' is not a rule id; use ids like E3002 or W2001, or a prefix like W or E30, separated by commas or newlines.`,
      );
    }
  }
  return ids;
}

export function readValidateInputs(read: ReadInput): ValidateInputs {
  const templates = splitList(read(VALIDATE_INPUTS.templates));
  if (templates.length === 0) {
    throw new InputError(
      VALIDATE_INPUTS.templates,
      "no template given; name one or more files or globs (e.g. template.yaml or templates/**/*.yaml), separated by newlines or commas.",
    );
  }
  const sarif = read(VALIDATE_INPUTS.sarifFile).trim();
  return {
    templates,
    failOn: parseFailOn(read(VALIDATE_INPUTS.failOn)),
    ignoreRules: parseIgnoreRules(read(VALIDATE_INPUTS.ignoreRules)),
    sarifFile: sarif === "" ? undefined : sarif,
    allowEmpty: parseBoolean(VALIDATE_INPUTS.allowEmpty, read(VALIDATE_INPUTS.allowEmpty).trim(), false),
  };
}
