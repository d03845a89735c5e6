/**
 * W4001: the AWS::CloudFormation::Interface metadata (parameter groups and labels in the console)
 * names parameters the template declares; a name it does not declare is a leftover or a typo.
 */
import type { Node, Range } from "../../model";
import { mapGet } from "../../nodes";
import { didYouMean } from "../../suggest";
import type { Rule } from "../rule";
import { isString, USER_GUIDE } from "../template-index";

export const interfaceParameters: Rule = {
  id: "W4001",
  severity: "warning",
  shortDescription: "AWS::CloudFormation::Interface names declared parameters",
  description:
    "The parameter groups and labels of AWS::CloudFormation::Interface name parameters of the template.",
  source: `${USER_GUIDE}/aws-cloudformation-interface.html`,
  tags: ["metadata", "parameters"],
  check({ template, report }) {
    const ui = mapGet(template.sections.get("Metadata")?.map, "AWS::CloudFormation::Interface")?.value;
    if (ui?.kind !== "map") return;
    const declared = [...template.parameters.keys()];
    const known = new Set(declared);
    const check = (at: Node | Range, name: string, where: string) => {
      if (!known.has(name))
        report(
          at,
          `${where} names parameter '${name}', which the template does not declare${didYouMean(name, declared)}`,
        );
    };
    const groups = mapGet(ui, "ParameterGroups")?.value;
    for (const group of groups?.kind === "seq" ? groups.items : []) {
      const names = mapGet(group, "Parameters")?.value;
      for (const item of names?.kind === "seq" ? names.items : []) {
        if (isString(item)) check(item, item.value, "A parameter group of AWS::CloudFormation::Interface");
      }
    }
    const labels = mapGet(ui, "ParameterLabels")?.value;
    for (const entry of labels?.kind === "map" ? labels.entries : []) {
      check(entry.keyRange, entry.key, "ParameterLabels of AWS::CloudFormation::Interface");
    }
  },
};
