/**
 * E3948 (our own id): a property that the service reads as JSON, given text that is not JSON. A
 * dashboard's DashboardBody, a Contributor Insights rule's RuleBody (a JSON object of Schema,
 * LogGroupNames and Contribution, where a Logs Insights query is sometimes written: round 41), a
 * state machine's DefinitionString, a log group resource policy's PolicyDocument, an EventBridge
 * rule's EventPattern and an SNS subscription's FilterPolicy written as text take a JSON object; an
 * EventBridge target's Input takes JSON text of any kind. CloudFormation passes the text on and the
 * service refuses it when the resource is made, minutes into the deploy. cfn-lint reads none of
 * these as JSON.
 *
 * Text written out is parsed. So is the text a Fn::Sub or a Fn::Join makes, with what the template
 * cannot know left as holes (a variable, a parameter, a resource's attribute): a hole inside a JSON
 * string is read as a letter, and one where a JSON value stands (after `:`, `[` or `,`, before `,`,
 * `]` or `}`) as a number; a trailing comma or a missing quote in a dashboard or a state machine
 * written with `!Sub` is found so. Text with a hole anywhere else (where it may give a member or a
 * brace) is judged by how it opens alone, where a JSON object is needed: `{`, or a hole. A state
 * machine with DefinitionSubstitutions has each `${name}` of its DefinitionString filled by the
 * service, so each is a hole too. Only what every value a Fn::If in the text may give has is
 * reported. Text with a dynamic reference, and values other functions give, are left to the deploy.
 */
import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import { type Piece, resolveValue } from "../functions/resolve";
import { displayPath } from "../resources/shared";
import type { Rule } from "../rule";
import { intrinsicName, isString, type TemplateIndex } from "../template-index";
import { hasDynamicReference, propertySets, resourcesOfType, valuesWithPaths } from "./values";

/** The properties read as JSON, with whether they take an object, and what to tell the reader. */
const JSON_TEXT: {
  type: string;
  path: string[];
  object: boolean;
  hint?: string;
  /** A property beside it whose entries the service writes for `${name}` in the text, when given. */
  filledBy?: string;
}[] = [
  { type: "AWS::CloudWatch::Dashboard", path: ["DashboardBody"], object: true },
  {
    type: "AWS::CloudWatch::InsightRule",
    path: ["RuleBody"],
    object: true,
    hint: "a rule is a JSON object of Schema, LogGroupNames and Contribution; a Logs Insights query belongs in an AWS::Logs::QueryDefinition",
  },
  {
    type: "AWS::StepFunctions::StateMachine",
    path: ["DefinitionString"],
    object: true,
    filledBy: "DefinitionSubstitutions",
  },
  { type: "AWS::Logs::ResourcePolicy", path: ["PolicyDocument"], object: true },
  { type: "AWS::Events::Rule", path: ["EventPattern"], object: true },
  { type: "AWS::SNS::Subscription", path: ["FilterPolicy"], object: true },
  { type: "AWS::Events::Rule", path: ["Targets", "*", "Input"], object: false },
];

const TYPES = [...new Set(JSON_TEXT.map((site) => site.type))];

/** What is wrong with a value the service reads as JSON, or undefined when nothing is known to be. */
function problem(node: Node, object: boolean, template: TemplateIndex, filled: boolean): string | undefined {
  if (isString(node)) {
    if (hasDynamicReference(node.value)) return undefined;
    return filled ? holedProblem(placeholders([node.value]), object) : judged(node.value, object);
  }
  const fn = intrinsicName(node);
  if (fn !== "Fn::Sub" && fn !== "Fn::Join") return undefined;
  // Parameters stay holes: the deployer may pass any value.
  const values = resolveValue(node, template, false);
  if (!values || values.length === 0) return undefined;
  let found: string | undefined;
  for (const { pieces } of values) {
    const what = holedProblem(filled ? placeholders(pieces) : pieces, object);
    // Only what every value the text may take has is reported.
    if (!what) return undefined;
    found ??= what;
  }
  return found;
}

/** What is wrong with JSON text read whole, with the line of the text where the parser stopped. */
function judged(text: string, object: boolean): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const at = /at position (\d+)/.exec(String((error as Error).message));
    const line = at ? text.slice(0, Number(at[1])).split("\n").length : undefined;
    return `is not valid JSON${line === undefined ? "" : ` (at line ${line} of the text)`}`;
  }
  return object && (parsed === null || typeof parsed !== "object" || Array.isArray(parsed))
    ? "is JSON but not an object"
    : undefined;
}

/** The pieces with each `${name}` of their text a hole, for the service to fill. */
function placeholders(pieces: readonly Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const piece of pieces) {
    if (typeof piece !== "string") {
      out.push(piece);
      continue;
    }
    piece.split(/\$\{[^}]*\}/).forEach((part, i) => {
      if (i > 0) out.push({ least: 0 });
      if (part !== "") out.push(part);
    });
  }
  return out;
}

/** Where a hole may stand for one JSON value: after these, and before the closers. */
const VALUE_BEFORE = new Set([":", "[", ","]);
const VALUE_AFTER = new Set([",", "]", "}"]);

/**
 * What is wrong with text made of known pieces and holes: the text with each hole filled (a letter
 * in a string, a number where a value stands), judged whole, once it opens as a JSON object must;
 * undefined when a hole stands where it may give more than one value.
 */
function holedProblem(pieces: readonly Piece[], object: boolean): string | undefined {
  const literal = pieces.filter((piece): piece is string => typeof piece === "string").join("");
  if (hasDynamicReference(literal)) return undefined;
  const opened = object ? opening(pieces) : undefined;
  if (opened) return opened;
  let text = "";
  let inString = false;
  let escaped = false;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if (typeof piece !== "string") {
      // After a lone backslash the hole's first character makes an escape the template cannot know.
      if (inString && escaped) return undefined;
      if (inString) {
        text += "x";
        continue;
      }
      const next = typeof pieces[i + 1] === "string" ? (pieces[i + 1] as string).trimStart()[0] : undefined;
      const before = text.trimEnd().at(-1);
      if (before === undefined || !VALUE_BEFORE.has(before) || next === undefined || !VALUE_AFTER.has(next))
        return undefined;
      text += "0";
      continue;
    }
    for (const char of piece) {
      if (escaped) escaped = false;
      else if (inString && char === "\\") escaped = true;
      else if (char === '"') inString = !inString;
    }
    text += piece;
  }
  return judged(text, object);
}

/** A text that opens with something other than `{` or a hole is no JSON object, whatever the holes give. */
function opening(pieces: readonly Piece[]): string | undefined {
  const first = pieces[0];
  if (typeof first !== "string") return undefined;
  const start = first.trimStart();
  return start === "" || start.startsWith("{") ? undefined : "is not a JSON object (it does not open with {)";
}

export const jsonText: Rule = {
  id: "E3948",
  severity: "error",
  shortDescription: "Properties the service reads as JSON are given JSON",
  description:
    "A dashboard's DashboardBody, a Contributor Insights rule's RuleBody, a state machine's DefinitionString, a " +
    "log resource policy's PolicyDocument, and an EventPattern or FilterPolicy written as text are JSON objects; " +
    "an EventBridge target's Input is JSON text. The service refuses anything else when the resource is made.",
  source:
    "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/ContributorInsights-RuleSyntax.html",
  tags: ["resources", "json"],
  resourceTypes: TYPES,
  check({ template, report }) {
    for (const resource of resourcesOfType(template, ...TYPES)) {
      for (const { type, path, object, hint, filledBy } of JSON_TEXT) {
        if (type !== resource.type) continue;
        for (const { properties } of propertySets(resource)) {
          for (const found of valuesWithPaths(properties, path)) {
            const filled = filledBy !== undefined && mapGet(properties, filledBy) !== undefined;
            const what = problem(found.node, object, template, filled);
            if (!what) continue;
            report(
              found.node,
              `${displayPath(found.path)} of ${resource.name} ${what}, and the service takes ` +
                `${object ? "a JSON object" : "JSON text"} there, so it refuses the resource${hint ? `: ${hint}` : ""}`,
              { path: ["Resources", resource.name, "Properties", ...found.path] },
            );
          }
        }
      }
    }
  },
};
