/**
 * Templates written inline, as the TemplateBody text of an AWS::CloudFormation::StackSet (an
 * AWS::CloudFormation::Stack has no TemplateBody: E3002). CloudFormation reads that text as a
 * template of its own when it creates the stack set, and refuses the resource when the template
 * fails, or its stack instances fail, so the text is
 * validated as any template is (the same rules, none of the deploy's stack name or parameter
 * values), and its findings are placed in the file that holds it.
 *
 * A TemplateBody written as a literal block scalar (`|`) keeps its lines as they are, indented: a
 * finding lands on its own line and column of the file. Any other style (quoted, folded, or a JSON
 * string) cannot be mapped back line by line; its findings are placed at the start of the text and
 * name their line and column in it. A TemplateBody given by a function (Fn::Sub, Fn::Join, a
 * macro) is not read.
 */
import { Span } from "./lines";
import type { Finding, ParsedTemplate, Position, Range, ScalarNode } from "./model";
import { mapGet } from "./nodes";
import type { ValidateOptions } from "./validate";

const STACK_SET = "AWS::CloudFormation::StackSet";

export interface InlineBody {
  /** The logical id of the stack set. */
  owner: string;
  node: ScalarNode & { value: string };
}

/** The TemplateBody texts written out in a template's stack sets. */
export function inlineBodies(parsed: ParsedTemplate): InlineBody[] {
  const resources = mapGet(parsed.root, "Resources")?.value;
  if (resources?.kind !== "map") return [];
  const found: InlineBody[] = [];
  for (const { key, value } of resources.entries) {
    const type = mapGet(value, "Type")?.value;
    if (type?.kind !== "scalar" || typeof type.value !== "string" || type.value !== STACK_SET) continue;
    const body = mapGet(mapGet(value, "Properties")?.value, "TemplateBody")?.value;
    if (body?.kind === "scalar" && typeof body.value === "string" && body.value.trim() !== "")
      found.push({ owner: key, node: body as InlineBody["node"] });
  }
  return found;
}

/**
 * What an inline template is validated with: the same rules, none of the deploy's values, and not
 * W3939, whose names that collide between stacks made from one template are the previews' concern:
 * a stack set makes one stack per account and Region.
 */
export function innerOptions(options: ValidateOptions): ValidateOptions {
  return { spec: options.spec, ignoreRules: [...(options.ignoreRules ?? []), "W3939"], rules: options.rules };
}

/**
 * The name an inline template is parsed under: not the file's, whose `.json` would make its
 * text JSON when it is written as YAML.
 */
export function innerFile(file: string, body: InlineBody): string {
  return `${file}#${body.owner}.TemplateBody`;
}

/**
 * How positions of the body map into the file: by a line and column shift for a literal block
 * scalar whose every line is found in the file as written, else undefined.
 */
function blockShift(
  outer: ParsedTemplate,
  node: ScalarNode,
): { lines: number; columns: number; last: Position } | undefined {
  if (!(node.range instanceof Span)) return undefined;
  const source = outer.source;
  if (source[node.range.from] !== "|") return undefined;
  const headerEnd = source.indexOf("\n", node.range.from);
  if (headerEnd === -1) return undefined;
  const text = (node.value as string).split("\n");
  const written = source.slice(headerEnd + 1, node.range.to).split("\n");
  const first = written.findIndex((line) => line.trim() !== "");
  if (first === -1) return undefined;
  const indent = written[first].length - written[first].trimStart().length;
  for (let i = 0; i < text.length; i++) {
    const inner = text[i];
    const line = (written[i] ?? "").replace(/\r$/, "");
    if (inner === "" ? line.trim() !== "" : line !== " ".repeat(indent) + inner) {
      // The last lines of a kept or clipped body may be its trailing line breaks.
      if (inner === "" && i >= text.length - 1) break;
      return undefined;
    }
  }
  // A position after the last line (a parser's end of input) stays at the end of that line.
  let last = text.length;
  while (last > 1 && text[last - 1] === "") last--;
  return {
    lines: node.range.start.line,
    columns: indent,
    last: { line: last, column: text[last - 1].length + 1 },
  };
}

/** The body's findings, placed in the file that holds it. */
export function placeInlineFindings(
  outer: ParsedTemplate,
  body: InlineBody,
  inner: readonly Finding[],
): Finding[] {
  const shift = blockShift(outer, body.node);
  const path = ["Resources", body.owner, "Properties", "TemplateBody"];
  const move = (at: Position): Position => {
    if (!shift) return at;
    const inside =
      at.line < shift.last.line || (at.line === shift.last.line && at.column <= shift.last.column);
    const kept = inside ? at : shift.last;
    return { line: kept.line + shift.lines, column: kept.column + shift.columns };
  };
  return inner.map((finding) => {
    const { start, end } = finding.range;
    const range: Range = shift
      ? { start: move(start), end: move(end) }
      : { start: body.node.range.start, end: body.node.range.start };
    const where = shift ? "" : ` (line ${start.line}, column ${start.column})`;
    return {
      ...finding,
      file: outer.file,
      range,
      path,
      message: `in the TemplateBody of ${body.owner}${where}: ${finding.message}`,
    };
  });
}
