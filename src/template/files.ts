/**
 * Finding the templates a run names: globs matched from the workspace, and the checks that turn a
 * path that cannot be a template (missing, a directory, empty, binary, too large) into a clear
 * message, reported as an E0000 finding at that file so the other files of a batch are still checked.
 */
import { closeSync, fstatSync, openSync, readFileSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import { parseFinding } from "./lines";
import type { Finding } from "./model";

/** CloudFormation's own limit is 1 MB; anything past 5 MB is not a template we should load. */
export const MAX_TEMPLATE_BYTES = 5 * 1024 * 1024;

/**
 * Thrown by resolveTemplates for a pattern that matches nothing, which stops a run (there is no
 * file to report it at), and by readTemplate for a file that cannot be a template, which
 * readTemplateForCheck turns into a finding so the rest of the batch is still checked.
 */
export class TemplateFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TemplateFileError";
  }
}

export interface TemplateFile {
  /** Path as shown to the user: relative to the workspace when inside it. */
  display: string;
  absolute: string;
}

/** Whether a pattern needs matching: any glob syntax (`*`, `?`, `[...]`, `{a,b}`, `!(...)`). */
export function isGlob(pattern: string): boolean {
  return /[*?[\]{}()!]/.test(pattern);
}

function displayPath(workspace: string, absolute: string): string {
  const rel = relative(workspace, absolute);
  return rel.startsWith("..") || isAbsolute(rel) ? absolute : rel.split("\\").join("/");
}

export interface ResolveOptions {
  /** A glob that matches nothing is fine (the run checks no template for it). */
  allowEmpty?: boolean;
  /** Input name to cite in the message about a pattern ("templates" in the action). */
  input?: string;
  /**
   * How the user turns allowEmpty on where they run us ("allow-empty: true" in the action,
   * "--allow-empty" in the CLI). Without it the message names no way out but the path, because
   * a caller such as deploy has no such switch to offer.
   */
  allowEmptySwitch?: string;
}

/** The usage error for a glob that matched no file, naming the switch that exists where the user is. */
export function noMatchMessage(pattern: string, workspace: string, options: ResolveOptions = {}): string {
  const what = options.input ? `${options.input} ` : "";
  const wayOut = options.allowEmptySwitch
    ? `Check the path, or use ${options.allowEmptySwitch} when no template is fine.`
    : "Check the path.";
  return `The ${what}pattern '${pattern}' matched no file under ${workspace}. ${wayOut}`;
}

/**
 * Expands each pattern from the workspace. A plain path is kept as given, whether or not it exists
 * (readTemplate says what is wrong with it); a glob must match at least one file unless
 * `allowEmpty`. Results keep the order of the patterns, without duplicates.
 */
export async function resolveTemplates(
  patterns: readonly string[],
  workspace: string,
  options: ResolveOptions = {},
): Promise<TemplateFile[]> {
  const seen = new Set<string>();
  const files: TemplateFile[] = [];
  const add = (absolute: string) => {
    if (seen.has(absolute)) return;
    seen.add(absolute);
    files.push({ absolute, display: displayPath(workspace, absolute) });
  };
  for (const pattern of patterns) {
    if (!isGlob(pattern)) {
      add(resolve(workspace, pattern));
      continue;
    }
    // Loaded only for a glob: most runs name plain files, and start-up time is most of a run.
    const { glob } = await import("tinyglobby");
    const matches = await glob(pattern, {
      cwd: workspace,
      absolute: true,
      onlyFiles: true,
      dot: false,
      expandDirectories: false,
    });
    if (matches.length === 0 && !options.allowEmpty) {
      throw new TemplateFileError(noMatchMessage(pattern, workspace, options));
    }
    for (const match of matches.sort()) add(resolve(match));
  }
  return files;
}

function directoryError(file: TemplateFile): TemplateFileError {
  return new TemplateFileError(
    `${file.display} is a directory; name the template files in it, e.g. ${file.display}/*.yaml.`,
  );
}

/** Reads a template, refusing what cannot be one with a message that says what to do. */
export function readTemplate(file: TemplateFile): string {
  // One open, fstat and read: a whole repository's run reads hundreds of files, and a stat by path
  // before readFileSync's own open, fstat and read cost a path lookup more for each.
  let fd: number;
  try {
    fd = openSync(file.absolute, "r");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT")
      throw new TemplateFileError(
        `${file.display} does not exist. Check the path (it is read relative to the workspace).`,
      );
    // Where a directory cannot be opened as a file (Windows).
    if (code === "EISDIR") throw directoryError(file);
    throw new TemplateFileError(`${file.display} cannot be read: ${(error as Error).message}`);
  }
  let text: string;
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw directoryError(file);
    if (stat.size === 0)
      throw new TemplateFileError(`${file.display} is empty; a template needs at least a Resources section.`);
    if (stat.size > MAX_TEMPLATE_BYTES) {
      throw new TemplateFileError(
        `${file.display} is ${(stat.size / 1024 / 1024).toFixed(1)} MB; CloudFormation accepts at most 1 MB, and files over 5 MB are not read.`,
      );
    }
    // Read and decoded in one native call (Node 20 and later read UTF-8 into a string with no Buffer
    // in between), from the descriptor whose size was just checked.
    text = readFileSync(fd, "utf8");
  } catch (error) {
    if (error instanceof TemplateFileError) throw error;
    throw new TemplateFileError(`${file.display} cannot be read: ${(error as Error).message}`);
  } finally {
    closeSync(fd);
  }
  // A NUL byte decodes to U+0000, which no text template holds.
  if (text.includes("\0"))
    throw new TemplateFileError(`${file.display} is a binary file, not a YAML or JSON template.`);
  // A UTF-8 byte order mark is accepted by CloudFormation; positions are counted without it.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A template's source, or the E0000 finding that says why the file could not be one. */
export type TemplateRead = { file: TemplateFile; source: string } | { file: TemplateFile; finding: Finding };

/**
 * Reads a template for a batch: a file that cannot be a template becomes an E0000 finding at its
 * first line, with the same shape as a parse error, so annotations, summary and SARIF report it
 * beside every other file's findings instead of one bad path hiding them all.
 */
export function readTemplateForCheck(file: TemplateFile): TemplateRead {
  try {
    return { file, source: readTemplate(file) };
  } catch (error) {
    if (!(error instanceof TemplateFileError)) throw error;
    return { file, finding: unreadableFinding(file.display, error.message) };
  }
}

/** At line 1, column 1: the file has no better place, and annotations need a line to show. */
export function unreadableFinding(display: string, message: string): Finding {
  const start = { line: 1, column: 1 };
  return parseFinding(display, message, { start, end: start });
}
