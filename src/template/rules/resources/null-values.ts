/**
 * E3943: a null value in a resource's Properties or Metadata (`EbsOptimized:` with nothing after
 * it, `Value: ~`, a list item left empty). CloudFormation refuses the whole template before it
 * creates anything ("[/Resources/Host/Properties/EbsOptimized] 'null' values are not allowed in
 * templates"), wherever the null is. cfn-lint 1.x reads such a property as absent and says nothing
 * (it caught them in 2018, cfn-lint#38, and no longer does). The template's other places are judged by
 * their own rules (a null Default, Output Value, mapping value, DependsOn item or section is an
 * E2001, E6101, E7001 or E3001/E1001 error; a function's null argument the function's rule, such
 * as E1015 for `Fn::GetAZs: null`), so this rule reads only where they do not.
 *
 * Left alone: the properties of SAM resources, which the SAM transform reads (it takes a property
 * left empty as unset), and every template with a macro or an AWS::Include snippet, which may fill
 * the value in before CloudFormation reads it.
 */
import type { Node, Range } from "../../model";
import type { Rule } from "../rule";
import { hasOpaqueTransform } from "../template/names";
import { intrinsicName, type TemplateIndex, USER_GUIDE } from "../template-index";
import { displayPath, realResources } from "./shared";

/**
 * Whether this rule judges the nulls in the Properties of a resource of `type`: E3012 leaves those
 * to it, so that a null is reported once, with the reason CloudFormation gives.
 */
export function judgesNulls(template: TemplateIndex, type: string): boolean {
  return !hasOpaqueTransform(template) && !(template.sam && type.startsWith("AWS::Serverless::"));
}

/**
 * Calls `found` with each null in `value`, the value at `key` (reported at `at` when it is itself
 * null), and its path from `key` on: the values of mappings, the items of lists and the branches
 * of a Fn::If. Other functions' arguments are their own rules' (E1015 reads `Fn::GetAZs: null`).
 */
export function eachNull(
  value: Node,
  at: Node | Range,
  key: string | number,
  found: (at: Node | Range, path: readonly (string | number)[]) => void,
): void {
  const path: (string | number)[] = [];
  const child = (node: Node, place: Node | Range, name: string | number) => {
    path.push(name);
    if (node.kind !== "scalar") visit(node);
    else if (node.value === null) found(place, path);
    path.pop();
  };
  const visit = (node: Node) => {
    if (node.kind === "seq") {
      for (let i = 0; i < node.items.length; i++) child(node.items[i], node.items[i], i);
      return;
    }
    if (node.kind !== "map") return;
    const fn = intrinsicName(node);
    if (!fn) {
      for (const entry of node.entries) child(entry.value, entry.keyRange, entry.key);
      return;
    }
    // The branches of a Fn::If are values of the place itself.
    const args = node.entries[0].value;
    if (fn !== "Fn::If" || args.kind !== "seq") return;
    path.push(fn);
    for (let i = 1; i < 3 && i < args.items.length; i++) child(args.items[i], args.items[i], i);
    path.pop();
  };
  child(value, at, key);
}

/** The message of a null at `path`, in `where` ("resource 'Topic'"). */
export function nullMessage(path: readonly (string | number)[], where: string): string {
  return (
    `${displayPath(path)} of ${where} has no value, and CloudFormation refuses a template with a null value in it ` +
    `("'null' values are not allowed in templates"); give it a value, or leave it out`
  );
}

export const nullValues: Rule = {
  id: "E3943",
  severity: "error",
  shortDescription: "Resource properties and metadata hold no null values",
  description:
    "CloudFormation refuses a template with a null value anywhere in it ('null' values are not allowed in " +
    "templates); give the property a value, or leave it out (Ref AWS::NoValue where a condition decides).",
  source: `${USER_GUIDE}/resources-section-structure.html`,
  tags: ["resources"],
  check({ template, report }) {
    if (hasOpaqueTransform(template)) return;
    for (const resource of realResources(template)) {
      const body = resource.body;
      if (!body) continue;
      const judged = judgesNulls(template, resource.type ?? "");
      const found = (at: Node | Range, path: readonly (string | number)[]) =>
        report(at, nullMessage(path, resource.name), { path: ["Resources", resource.name, ...path] });
      for (const entry of body.entries) {
        // A null Properties is E3001's.
        if (
          entry.key === "Metadata" ||
          (entry.key === "Properties" && judged && entry.value.kind !== "scalar")
        )
          eachNull(entry.value, entry.keyRange, entry.key, found);
      }
    }
  },
};
