/**
 * E1005: the transforms a template names, as CloudFormation runs them.
 * - A name that begins with `AWS::` must be one of the transforms CloudFormation hosts (the
 *   template reference's list); `AWS::Serverless-2016-10-3` or `AWS::Serverless` fails the change
 *   set. Names of the account's own macros cannot be judged and are left alone, and so is a
 *   transform CloudFormation ran without listing it (UNLISTED).
 * - AWS::LanguageExtensions must come before AWS::Serverless-2016-10-31: transforms run in the
 *   order listed, and the SAM transform does not expand Fn::ForEach (the SAM guide says to list
 *   language extensions first; with SAM first the change set fails).
 * - AWS::Include needs Parameters with a Location, in the Transform section and in Fn::Transform.
 * - Only AWS::Include may be embedded with Fn::Transform: the others are declared at the top
 *   level only.
 * The shape of the Transform section itself (a name, `{ Name, Parameters }`, or a list) is E1001's.
 * cfn-lint checks the shape only, and passes each of these.
 */
import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import { closest, didYouMeanNote } from "../../suggest";
import { callsOf } from "../functions/calls";
import type { Report, Rule } from "../rule";
import { isString, LANGUAGE_EXTENSIONS, SAM_TRANSFORM } from "../template-index";

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
    if (section) checkSection(section, report);
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

function checkSection(section: Node, report: Report): void {
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
      report(
        transform.name,
        `${LANGUAGE_EXTENSIONS} must be listed before ${SAM_TRANSFORM}: transforms run in the order listed, and ` +
          "the SAM transform cannot read what language extensions have not expanded yet (Fn::ForEach and the rest)",
        { path: transform.path },
      );
    }
  }
}
