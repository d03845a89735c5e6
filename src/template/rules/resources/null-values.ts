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
    const path: (string | number)[] = [];
    const found = (at: Node | Range, resource: string) =>
      report(
        at,
        `${displayPath(path)} of ${resource} has no value, and CloudFormation refuses a template with a null ` +
          `value in it ("'null' values are not allowed in templates"); give it a value, or leave it out`,
        { path: ["Resources", resource, ...path] },
      );
    const visit = (node: Node, resource: string) => {
      // A function's arguments are its own rule's (E1015 reads `Fn::GetAZs: null`).
      if (node.kind === "map" && !intrinsicName(node)) {
        for (const entry of node.entries) {
          path.push(entry.key);
          const value = entry.value;
          if (value.kind === "scalar") {
            if (value.value === null) found(entry.keyRange, resource);
          } else visit(value, resource);
          path.pop();
        }
      } else if (node.kind === "seq") {
        for (let i = 0; i < node.items.length; i++) {
          path.push(i);
          const item = node.items[i];
          if (item.kind === "scalar") {
            if (item.value === null) found(item, resource);
          } else visit(item, resource);
          path.pop();
        }
      }
    };
    for (const resource of realResources(template)) {
      const body = resource.body;
      if (!body) continue;
      const judged = judgesNulls(template, resource.type ?? "");
      for (const entry of body.entries) {
        if (entry.key === "Metadata" || (entry.key === "Properties" && judged)) {
          path.push(entry.key);
          // A null Properties is E3001's; a null Metadata is this rule's.
          if (entry.value.kind === "scalar") {
            if (entry.value.value === null && entry.key === "Metadata") found(entry.keyRange, resource.name);
          } else visit(entry.value, resource.name);
          path.pop();
        }
      }
    }
  },
};
