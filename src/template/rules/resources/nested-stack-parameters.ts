/**
 * E3043: a nested stack whose local template (TemplateURL of an AWS::CloudFormation::Stack, or
 * Location of an AWS::Serverless::Application, written as a path before `package`) declares
 * parameters that do not match what the stack is given. A parameter given that the nested template
 * does not declare, and one it declares without a Default that is not given, both fail the create
 * of the nested stack, deep inside the parent's deploy.
 *
 * Only nested templates read before the rules run are compared (../../nested.ts): one behind a URL,
 * a function or a Fn::If, one that cannot be read or that has errors of its own, is left alone. A
 * parameter whose value is Ref AWS::NoValue is not given; one that is AWS::NoValue in only one
 * Fn::If branch counts as given.
 */
import { didYouMean } from "../../suggest";
import type { Rule } from "../rule";
import { literalString, presentEntry, propertySets, resourcesOfType } from "../services/values";
import { intrinsicName, isNoValue } from "../template-index";

const LOCATION: Record<string, string> = {
  "AWS::CloudFormation::Stack": "TemplateURL",
  "AWS::Serverless::Application": "Location",
};

export const nestedStackParameters: Rule = {
  id: "E3043",
  severity: "error",
  shortDescription: "Nested stacks are given the parameters their templates declare",
  description:
    "A nested stack whose local template declares a parameter without a Default must be given it, and may be " +
    "given only parameters the template declares.",
  source:
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cloudformation-stack.html",
  tags: ["resources", "nested stacks"],
  check({ template, nested, report }) {
    if (nested.size === 0) return;
    for (const resource of resourcesOfType(template, ...Object.keys(LOCATION))) {
      const key = LOCATION[resource.type as string];
      for (const { properties } of propertySets(resource)) {
        const location = presentEntry(properties, key);
        const path = literalString(location?.value)?.trim();
        const child = path === undefined ? undefined : nested.get(path);
        if (!location || !child) continue;
        const given = presentEntry(properties, "Parameters");
        const values = given?.value;
        if (values && (values.kind !== "map" || intrinsicName(values))) continue;
        const declared = [...child.parameters.keys()];
        const names = new Set<string>();
        for (const entry of values?.kind === "map" ? values.entries : []) {
          if (isNoValue(entry.value)) continue;
          names.add(entry.key);
          if (child.parameters.has(entry.key)) continue;
          report(
            entry.keyRange,
            `Parameter ${entry.key} is not declared in nested template ${child.file}, so the nested stack ` +
              `fails to create${didYouMean(entry.key, declared)}; declare it there, or remove it here`,
          );
        }
        const missing = declared.filter((name) => child.parameters.get(name)?.required && !names.has(name));
        if (missing.length === 0) continue;
        const one = missing.length === 1;
        const them = one ? "it" : "them";
        report(
          given?.keyRange ?? location.keyRange,
          `Nested template ${child.file} declares ${one ? "parameter" : "parameters"} ${missing.join(", ")} ` +
            `without a Default, and resource '${resource.name}' does not give ${them}, so the nested stack fails ` +
            `to create; add ${them} under Parameters, or give ${them} a Default there`,
        );
      }
    }
  },
};
