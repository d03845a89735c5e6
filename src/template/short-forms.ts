import { endOffset, type LineIndex, parseFinding } from "./lines";
import type { Finding, Node, ScalarNode } from "./model";

/**
 * Every short form CloudFormation's YAML parser accepts, with the long-form key it stands for.
 * The rule functions (Contains, EachMemberEquals, ...) are only valid in `Rules`, but they are
 * real short forms, so the parser accepts them and leaves placement to rules.
 */
const SHORT_FORMS: Record<string, string> = {
  "!Ref": "Ref",
  "!Condition": "Condition",
  "!And": "Fn::And",
  "!Base64": "Fn::Base64",
  "!Cidr": "Fn::Cidr",
  "!Contains": "Fn::Contains",
  "!EachMemberEquals": "Fn::EachMemberEquals",
  "!EachMemberIn": "Fn::EachMemberIn",
  "!Equals": "Fn::Equals",
  "!FindInMap": "Fn::FindInMap",
  "!ForEach": "Fn::ForEach",
  "!GetAZs": "Fn::GetAZs",
  "!GetAtt": "Fn::GetAtt",
  "!GetStackOutput": "Fn::GetStackOutput",
  "!If": "Fn::If",
  "!ImportValue": "Fn::ImportValue",
  "!Join": "Fn::Join",
  "!Length": "Fn::Length",
  "!Not": "Fn::Not",
  "!Or": "Fn::Or",
  "!RefAll": "Fn::RefAll",
  "!Select": "Fn::Select",
  "!Split": "Fn::Split",
  "!Sub": "Fn::Sub",
  "!ToJsonString": "Fn::ToJsonString",
  "!Transform": "Fn::Transform",
  "!ValueOf": "Fn::ValueOf",
  "!ValueOfAll": "Fn::ValueOfAll",
};

export const SHORT_FORM_TAGS: readonly string[] = Object.keys(SHORT_FORMS);

export interface TagContext {
  src: string;
  file: string;
  lines: LineIndex;
  findings: Finding[];
}

/**
 * Turns a tagged node into its long form: `{ "Fn::<Name>": node }`, ranging from the tag to the
 * end of the value. `textStart` is where a scalar's text is written out literally in the source
 * (undefined when escapes or folding make source and value differ), for `!GetAtt a.b` sub-ranges.
 */
export function applyShortForm(
  ctx: TagContext,
  tag: string,
  tagStart: number,
  node: Node,
  textStart: number | undefined,
): Node {
  const range = ctx.lines.range(tagStart, endOffset(node.range));
  let longForm = SHORT_FORMS[tag];
  if (!longForm) {
    if (!tag.includes("::")) {
      ctx.findings.push(
        parseFinding(
          ctx.file,
          `Unknown tag "${tag}": the short forms are ${SHORT_FORM_TAGS.join(", ")}`,
          ctx.lines.range(tagStart, tagStart + tag.length),
        ),
      );
      return node;
    }
    // A tool's namespaced directive (Rain's `!Rain::Embed`) is expanded before CloudFormation
    // sees the template; like cfn-lint, keep it as `Fn::<Name>` and let rules decide, rather
    // than failing the parse of a template that deploys fine through that tool.
    longForm = `Fn::${tag.slice(1)}`;
  }
  let value = node;
  if (tag === "!GetAtt" && node.kind === "scalar" && typeof node.value === "string") {
    value = splitGetAtt(ctx, node, textStart);
  }
  return { kind: "map", entries: [{ key: longForm, keyRange: range, value }], range, tag };
}

/** `!GetAtt Res.Attr.Sub` is `[Res, Attr.Sub]`: a logical id never holds a dot. */
function splitGetAtt(ctx: TagContext, node: ScalarNode, textStart: number | undefined): Node {
  const text = node.value as string;
  const dot = text.indexOf(".");
  if (dot === -1) return node;
  const literal = textStart !== undefined && ctx.src.startsWith(text, textStart);
  const first: ScalarNode = {
    kind: "scalar",
    value: text.slice(0, dot),
    range: literal ? ctx.lines.range(textStart, textStart + dot) : node.range,
  };
  const second: ScalarNode = {
    kind: "scalar",
    value: text.slice(dot + 1),
    range: literal ? ctx.lines.range(textStart + dot + 1, textStart + text.length) : node.range,
  };
  return { kind: "seq", items: [first, second], range: node.range };
}
