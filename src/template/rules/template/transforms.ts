/**
 * E1005: the transforms a template names, as CloudFormation runs them.
 * - A name that begins with `AWS::` must be one of the transforms CloudFormation hosts (the
 *   template reference's list); `AWS::Serverless-2016-10-3` or `AWS::Serverless` fails the change
 *   set. Names of the account's own macros cannot be judged and are left alone, and so is a
 *   transform CloudFormation ran without listing it (UNLISTED).
 * - AWS::LanguageExtensions comes before AWS::Serverless-2016-10-31: transforms run in the order
 *   listed, and the SAM guide says to list language extensions first. With SAM first, the change
 *   set fails where SAM meets what they have not expanded yet (`samMeetsExtensions`: a Fn::ForEach
 *   among the resources, a function in a DeletionPolicy or UpdateReplacePolicy, cfn-lint#2346, or
 *   a language-extension function inside a SAM resource or Globals): an error there, a warning
 *   elsewhere, since SAM passes the other resources on as written and the extensions then expand
 *   them (round 40's public template with Fn::ToJsonString in an OpenSearch Serverless policy;
 *   cfn-lint#3415 reports such a template deployed).
 * - AWS::Include needs Parameters with a Location, in the Transform section and in Fn::Transform.
 * - Only AWS::Include may be embedded with Fn::Transform: the others are declared at the top
 *   level only.
 * The shape of the Transform section itself (a name, `{ Name, Parameters }`, or a list) is E1001's.
 * cfn-lint checks the shape only, and passes each of these.
 */
import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import { closest, didYouMeanNote } from "../../suggest";
import { callsOf, type FunctionCall } from "../functions/calls";
import type { Report, Rule } from "../rule";
import {
  isForEachKey,
  isString,
  LANGUAGE_EXTENSIONS,
  SAM_TRANSFORM,
  type TemplateIndex,
} from "../template-index";

const INCLUDE = "AWS::Include";

/** The transforms CloudFormation hosts, from the template reference's transform list. */
const HOSTED = [
  "AWS::CodeDeployBlueGreen",
  INCLUDE,
  LANGUAGE_EXTENSIONS,
  "AWS::SecretsManager-2020-07-23",
  "AWS::SecretsManager-2024-09-16",
  SAM_TRANSFORM,
  "AWS::ServiceCatalog",
];

/**
 * Transforms CloudFormation ran without the template reference listing them, left alone like an
 * account's macro: AWS::CodeStar, which the templates of CodeStar projects name after the SAM
 * transform (the AWS serverless workshops' DevOps module, for one). CodeStar was discontinued on
 * 31 July 2024; whether CloudFormation still runs its transform is not known here.
 */
const UNLISTED = ["AWS::CodeStar"];

const REFERENCE =
  "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/transform-reference.html";

/** A transform as written: its name node, and its Parameters when given as `{ Name, Parameters }`. */
interface Declared {
  name: Node & { value: string };
  parameters: Node | undefined;
  path: (string | number)[];
}

function declared(node: Node, path: (string | number)[]): Declared | undefined {
  if (isString(node)) return { name: node, parameters: undefined, path };
  if (node.kind !== "map") return undefined;
  const name = mapGet(node, "Name")?.value;
  if (!isString(name)) return undefined;
  return { name, parameters: mapGet(node, "Parameters")?.value, path: [...path, "Name"] };
}

/** What is wrong with a transform's name or parameters wherever it is written, if anything. */
function problem(transform: Declared): string | undefined {
  const name = transform.name.value;
  if (name.startsWith("AWS::") && !HOSTED.includes(name) && !UNLISTED.includes(name)) {
    return (
      `'${name}' is not a transform CloudFormation hosts${didYouMeanNote(closest(name, HOSTED, 4))}; ` +
      `the hosted ones are ${HOSTED.join(", ")}`
    );
  }
  if (name === INCLUDE && !mapGet(transform.parameters, "Location")) {
    return `${INCLUDE} needs Parameters with a Location: the s3:// URI of the snippet to include`;
  }
  return undefined;
}

export const templateTransforms: Rule = {
  id: "E1005",
  severity: "error",
  shortDescription: "Transforms exist, run in a working order, and are declared where they can be",
  description:
    "A transform whose name begins with AWS:: is one CloudFormation hosts; AWS::LanguageExtensions is listed " +
    "before AWS::Serverless-2016-10-31; AWS::Include has a Location; and only AWS::Include is embedded with " +
    "Fn::Transform.",
  source: REFERENCE,
  tags: ["base", "transform"],
  check({ template, report }) {
    const section = template.sections.get("Transform")?.entry.value;
    if (section) checkSection(section, report, () => samMeetsExtensions(template));
    for (const call of callsOf(template, "Fn::Transform")) {
      const transform = declared(call.node.entries[0].value, []);
      if (!transform) continue;
      const name = transform.name.value;
      const message =
        problem(transform) ??
        (HOSTED.includes(name) && name !== INCLUDE
          ? `${name} can only be declared in the template's Transform section; Fn::Transform embeds ${INCLUDE} only`
          : undefined);
      if (message) report(transform.name, message);
    }
  },
};

/** Functions only the language extensions give, which a SAM transform run before them sees as written. */
const EXTENSION_FUNCTIONS = ["Fn::Length", "Fn::ToJsonString"];

/**
 * Whether the SAM transform, run before the language extensions, meets what they have not expanded
 * and refuses it: a Fn::ForEach among the resources (SAM takes each resource for a mapping), a
 * function in a DeletionPolicy or UpdateReplacePolicy (which SAM needs as text), or one of the
 * extensions' functions (or a Fn::FindInMap with a DefaultValue) in a SAM resource or the Globals
 * section, which SAM reads.
 */
function samMeetsExtensions(template: TemplateIndex): boolean {
  const resources = template.sections.get("Resources")?.items;
  if (resources && [...resources.keys()].some(isForEachKey)) return true;
  for (const resource of template.resources.values()) {
    for (const key of ["DeletionPolicy", "UpdateReplacePolicy"]) {
      const policy = mapGet(resource.body, key)?.value;
      if (policy && !isString(policy)) return true;
    }
  }
  const readBySam = (call: FunctionCall) =>
    call.from[0] === "Globals" ||
    (call.from[0] === "Resources" &&
      !!template.resources.get(call.from[1] ?? "")?.type?.startsWith("AWS::Serverless::"));
  for (const name of EXTENSION_FUNCTIONS) if (callsOf(template, name).some(readBySam)) return true;
  return callsOf(template, "Fn::FindInMap").some(
    (call) => call.arg.kind === "seq" && call.arg.items.length > 3 && readBySam(call),
  );
}

function checkSection(section: Node, report: Report, samRefuses: () => boolean): void {
  const items =
    section.kind === "seq"
      ? section.items.map((item, i) => declared(item, ["Transform", i]))
      : [declared(section, ["Transform"])];
  let sam: Declared | undefined;
  for (const transform of items) {
    if (!transform) continue;
    const message = problem(transform);
    if (message) report(transform.name, message, { path: transform.path });
    if (transform.name.value === SAM_TRANSFORM) sam ??= transform;
    else if (transform.name.value === LANGUAGE_EXTENSIONS && sam) {
      if (samRefuses())
        report(
          transform.name,
          `${LANGUAGE_EXTENSIONS} must be listed before ${SAM_TRANSFORM}: transforms run in the order listed, and ` +
            "the SAM transform cannot read what language extensions have not expanded yet (Fn::ForEach and the rest)",
          { path: transform.path },
        );
      else
        report(
          transform.name,
          `List ${LANGUAGE_EXTENSIONS} before ${SAM_TRANSFORM}, as the SAM guide says: transforms run in the order ` +
            "listed, and the SAM transform would refuse a Fn::ForEach or an extension's function in a SAM resource " +
            "that the language extensions have not expanded yet",
          { path: transform.path, severity: "warning" },
        );
    }
  }
}
