/**
 * What every command of `preview-stacks` shares: its options declared once (parsed with Node's
 * util.parseArgs in strict mode, and listed in its --help), usage errors that name the option and
 * list the allowed ones without ever repeating a value, and the bridge from parsed options to the
 * `read(name)` the action inputs are read with, so a command validates exactly as its action does.
 */
// node:fs, not node:fs/promises: the latter loads a dozen more built-in modules at every start.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { CredentialsHints } from "../aws/errors";
import type { InputError, ReadInput } from "../inputs";

/** A bad command line: exit code 2, and the message says what to change. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose options the message lists, for the hint that follows it. */
    readonly command?: string,
  ) {
    super(message);
    this.name = "UsageError";
  }
}

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** The environment (AWS_*, GITHUB_TOKEN, ...); process.env when not given. */
  env?: NodeJS.ProcessEnv;
  /** Whether stderr is a terminal: live progress when true, plain lines when false. */
  stderrIsTTY?: boolean;
}

export interface CommandOption {
  name: string;
  /**
   * `string` takes a value; `flag` is a switch read as "true" when given; `negatable` also has
   * `--no-<name>` (read as "false") because the input defaults to true; `list` may be given more
   * than once, the values joined with newlines as the multi-line action input expects.
   */
  kind: "string" | "flag" | "negatable" | "list";
  /** The value's placeholder in the help, e.g. FILE. */
  value?: string;
  help: string;
  short?: string;
}

export interface Command {
  name: string;
  /** One line for the list of commands. */
  summary: string;
  /** The usage lines under `Usage:`. */
  synopsis: string[];
  /** Paragraphs after the synopsis: what the command does, exit codes, environment. */
  about: string[];
  options: CommandOption[];
  /** True when the command takes positional arguments (validate's files). */
  positionals?: boolean;
  run: (parsed: ParsedArgs, io: CliIo) => Promise<number>;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export const HELP_OPTION: CommandOption = { name: "help", kind: "flag", short: "h", help: "show this help" };
export const JSON_OPTION: CommandOption = {
  name: "json",
  kind: "flag",
  help: "print one JSON document with the outputs on stdout (logs stay on stderr)",
};
export const REGION_OPTION: CommandOption = {
  name: "region",
  kind: "string",
  value: "REGION",
  help: "AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, or the profile's)",
};
export const PROFILE_OPTION: CommandOption = {
  name: "profile",
  kind: "string",
  value: "NAME",
  help: "AWS profile for credentials and region (default: AWS_PROFILE, or the default chain)",
};

function optionLabel(option: CommandOption): string {
  const short = option.short ? `-${option.short}, ` : "";
  if (option.kind === "flag") return `${short}--${option.name}`;
  if (option.kind === "negatable") return `--[no-]${option.name}`;
  return `${short}--${option.name} ${option.value ?? "VALUE"}`;
}

/** Help lines are kept within this many columns. */
const HELP_WIDTH = 100;

/** Words into lines of at most `width` characters (a longer word gets a line of its own). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  return [...lines, line];
}

/** The command's --help: synopsis, what it does, and each option with its help, aligned. */
export function renderHelp(command: Command): string {
  const labels = command.options.map(optionLabel);
  const width = Math.min(34, Math.max(...labels.map((l) => l.length)) + 2);
  const rows = command.options.map((option, index) => {
    const label = labels[index];
    const pad = label.length + 2 > width ? `\n  ${" ".repeat(width)}` : " ".repeat(width - label.length);
    const repeat = option.kind === "list" ? " (repeatable)" : "";
    return `  ${label}${pad}${wrap(`${option.help}${repeat}`, HELP_WIDTH - 2 - width).join(`\n  ${" ".repeat(width)}`)}`;
  });
  const usage = command.synopsis.map((line, i) => `${i === 0 ? "Usage: " : "       "}${line}`);
  return `${[usage.join("\n"), ...command.about, `Options:\n${rows.join("\n")}`].join("\n\n")}\n`;
}

/** Every option name as typed, for the usage errors: --template, --[no-]validate, ... */
export function optionNames(command: Command): string {
  return command.options.map((o) => (o.kind === "negatable" ? `--[no-]${o.name}` : `--${o.name}`)).join(", ");
}

function isParseArgsError(error: unknown): error is Error & { code: string } {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS");
}

/**
 * Node's messages, rewritten: each names the option (never its value) and the unknown-option one
 * lists what the command accepts. An unexpected positional argument is counted, not quoted.
 */
function usageFromParseError(command: Command, error: Error & { code: string }): UsageError {
  const option = /'(?:-\w, )?(--?[\w-]+)/.exec(error.message)?.[1] ?? "an option";
  const name = command.name;
  if (error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    return new UsageError(`${name} has no option '${option}'. Its options: ${optionNames(command)}.`, name);
  }
  if (error.code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") {
    return new UsageError(
      `${name} takes no positional arguments; give every setting as --option VALUE. Its options: ${optionNames(command)}.`,
      name,
    );
  }
  if (/does not take an argument/.test(error.message)) {
    return new UsageError(`option '${option}' of ${name} is a switch and takes no value.`, name);
  }
  if (/ambiguous/.test(error.message)) {
    return new UsageError(
      `option '${option}' of ${name} needs a value; to give one that starts with a dash, write ${option}=-VALUE.`,
      name,
    );
  }
  return new UsageError(`option '${option}' of ${name} needs a value.`, name);
}

export function parseCommandArgs(command: Command, args: string[]): ParsedArgs {
  const options: Record<string, { type: "string" | "boolean"; multiple?: boolean; short?: string }> = {};
  for (const option of command.options) {
    const type = option.kind === "string" || option.kind === "list" ? "string" : "boolean";
    options[option.name] = {
      type,
      ...(option.kind === "list" ? { multiple: true } : {}),
      ...(option.short ? { short: option.short } : {}),
    };
    if (option.kind === "negatable") options[`no-${option.name}`] = { type: "boolean" };
  }
  try {
    const { values, positionals } = parseArgs({
      args,
      options,
      strict: true,
      allowPositionals: command.positionals === true,
    });
    return { values: values as ParsedArgs["values"], positionals };
  } catch (error) {
    if (isParseArgsError(error)) throw usageFromParseError(command, error);
    throw error;
  }
}

/**
 * The action's `read(name)` over parsed options: a string option's value, a list's values joined
 * by newlines, "true"/"false" for switches, "" for anything not given (the input's default then
 * applies, as in the action). `extra` supplies inputs that do not come from an option of the same
 * name (github-token from GITHUB_TOKEN).
 */
export function inputReader(
  command: Command,
  parsed: ParsedArgs,
  extra: Record<string, string> = {},
): ReadInput {
  const kinds = new Map(command.options.map((o) => [o.name, o.kind]));
  return (name) => {
    if (name in extra) return extra[name];
    const value = parsed.values[name];
    const kind = kinds.get(name);
    if (kind === "list") return ((value as string[] | undefined) ?? []).join("\n");
    if (kind === "flag" || kind === "negatable") {
      if (value === true) return "true";
      return parsed.values[`no-${name}`] === true ? "false" : "";
    }
    return typeof value === "string" ? value : "";
  };
}

/**
 * An input error as the command line says it: the action's message, with the input named as the
 * option (`Input '--stack-name': ...`). The message never held the value.
 */
export function asUsageError(error: InputError, command: string): UsageError {
  const input = error.input.startsWith("-") ? error.input : `--${error.input}`;
  return new UsageError(error.message.replace(`Input '${error.input}'`, `Input '${input}'`), command);
}

/** The text option's value, or undefined when not given or blank. */
export function stringValue(parsed: ParsedArgs, name: string): string | undefined {
  const value = parsed.values[name];
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

export function flagValue(parsed: ParsedArgs, name: string): boolean {
  return parsed.values[name] === true;
}

/** JSON for scripts: one document, two-space indent, ending in a newline. */
export function jsonDocument(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** The command's options from its action inputs' table, in the table's order. */
export function inputOptions(table: Record<string, Omit<CommandOption, "name">>): CommandOption[] {
  return Object.entries(table).map(([name, option]) => ({ name, ...option }));
}

/** What every AWS command ends its option list with. */
export function commonOptions(): CommandOption[] {
  return [REGION_OPTION, PROFILE_OPTION, JSON_OPTION, HELP_OPTION];
}

/** The help's paragraph on credentials and progress, the same for every AWS command. */
export const ABOUT_AWS =
  "Credentials: the AWS SDK's default chain (AWS_PROFILE, AWS_ACCESS_KEY_ID, SSO, ...); AWS_REGION and AWS_ENDPOINT_URL are honoured.\nProgress: live on a terminal, plain lines otherwise; PREVIEW_STACKS_PROGRESS=tty|plain decides.";

/** On the command line, credentials come from the SDK's chain: a profile, the key variables, or SSO. */
export const CLI_CREDENTIALS_HINTS: CredentialsHints = {
  missing:
    "Set AWS_PROFILE (or give --profile) to a profile with credentials, set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run `aws sso login` for an SSO profile.",
  expired:
    "Run `aws sso login` again for an SSO profile, or set fresh AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, then run again.",
  invalid:
    "Check the keys in AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or those of the profile in AWS_PROFILE (or --profile), and that the region is enabled for the account.",
};

/** The text of the template --template names (`file`, resolved); undefined after saying on stderr that it cannot be read. */
export async function readTemplateOption(io: CliIo, file: string): Promise<string | undefined> {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    io.stderr(
      `preview-stacks: --template cannot be read (${(error as NodeJS.ErrnoException).code ?? "unreadable"}); give the template's path relative to the current directory.\n`,
    );
    return undefined;
  }
}
