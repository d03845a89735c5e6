/**
 * W4001: the AWS::CloudFormation::Interface metadata (parameter groups and labels in the console)
 * names parameters the template declares; a name it does not declare is a leftover or a typo.
 *
 * E4001 (cfn-lint's id, here a warning): its structure is the one the console reads, ParameterGroups
 * a list of {Label: {default}, Parameters: [names]} and ParameterLabels a mapping of parameter names
 * to {default}. CloudFormation does not read metadata and deploys the template anyway; the console
 * shows no label or group where a key is misspelt (`Default:` for `default:`), so it is a warning
 * here where cfn-lint makes it an error.
 */
import type { MapNode, Node, Range } from "../../model";
import { mapGet } from "../../nodes";
import { didYouMean } from "../../suggest";
import type { Rule } from "../rule";
import { intrinsicName, isString, type TemplateIndex, USER_GUIDE } from "../template-index";

/** The template's AWS::CloudFormation::Interface metadata, if it has one. */
function interfaceMetadata(template: TemplateIndex): Node | undefined {
  return mapGet(template.sections.get("Metadata")?.map, "AWS::CloudFormation::Interface")?.value;
}

export const interfaceParameters: Rule = {
  id: "W4001",
  severity: "warning",
  shortDescription: "AWS::CloudFormation::Interface names declared parameters",
  description:
    "The parameter groups and labels of AWS::CloudFormation::Interface name parameters of the template.",
  source: `${USER_GUIDE}/aws-cloudformation-interface.html`,
  tags: ["metadata", "parameters"],
  check({ template, report }) {
    const ui = interfaceMetadata(template);
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

/** The keys the console reads at each level of AWS::CloudFormation::Interface. */
const INTERFACE_KEYS = ["ParameterGroups", "ParameterLabels"];
const GROUP_KEYS = ["Label", "Parameters"];
const LABEL_KEYS = ["default"];

export const interfaceStructure: Rule = {
  id: "E4001",
  severity: "warning",
  shortDescription: "AWS::CloudFormation::Interface has the structure the console reads",
  description:
    "ParameterGroups is a list of {Label: {default}, Parameters: [...]}, ParameterLabels a mapping of parameter " +
    "names to {default}; the console ignores other keys, so their labels and groups never show.",
  source: `${USER_GUIDE}/aws-cloudformation-interface.html`,
  tags: ["metadata", "parameters"],
  check({ template, report }) {
    const ui = interfaceMetadata(template);
    if (!ui) return;
    const where = "AWS::CloudFormation::Interface";
    const keys = (map: MapNode, allowed: string[], what: string) => {
      for (const entry of map.entries) {
        if (!allowed.includes(entry.key))
          report(
            entry.keyRange,
            `${what} has '${entry.key}', which the console does not read; it reads ${allowed.join(", ")}` +
              didYouMean(entry.key, allowed),
          );
      }
    };
    // A label given as plain text is left alone, as cfn-lint leaves it (AWS's own samples write
    // `Label: Network Configuration`); the keys of a label mapping are read.
    const label = (node: Node, what: string) => {
      if (node.kind === "map" && !intrinsicName(node)) keys(node, LABEL_KEYS, what);
    };
    if (ui.kind !== "map" || intrinsicName(ui)) {
      report(ui, `${where} must be a mapping of ParameterGroups and ParameterLabels`);
      return;
    }
    keys(ui, INTERFACE_KEYS, where);
    const groups = mapGet(ui, "ParameterGroups")?.value;
    if (groups && groups.kind !== "seq")
      report(groups, `ParameterGroups of ${where} must be a list of groups`);
    for (const [i, group] of (groups?.kind === "seq" ? groups.items : []).entries()) {
      const what = `parameter group ${i + 1} of ${where}`;
      if (group.kind !== "map" || intrinsicName(group)) {
        report(group, `The ${what} must be a mapping of Label and Parameters`);
        continue;
      }
      keys(group, GROUP_KEYS, `The ${what}`);
      const groupLabel = mapGet(group, "Label")?.value;
      if (groupLabel) label(groupLabel, `The Label of ${what}`);
      const names = mapGet(group, "Parameters")?.value;
      if (names && names.kind !== "seq")
        report(names, `Parameters of ${what} must be a list of parameter names`);
    }
    const labels = mapGet(ui, "ParameterLabels")?.value;
    if (labels && labels.kind !== "map")
      report(labels, `ParameterLabels of ${where} must be a mapping of parameter names to labels`);
    for (const entry of labels?.kind === "map" ? labels.entries : []) {
      label(entry.value, `The label of parameter '${entry.key}' in ParameterLabels of ${where}`);
    }
  },
};
