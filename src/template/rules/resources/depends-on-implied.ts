/**
 * W3005: a DependsOn on a resource that a Ref, Fn::GetAtt or `${}` in the same resource's
 * Properties already names. CloudFormation creates the named resource first either way, so the
 * DependsOn adds nothing, and it stays behind when the reference goes.
 *
 * Only references that always apply count: one under a Fn::If may not be there, and then the
 * DependsOn is what keeps the order. SAM resources are left alone, since the transform decides
 * which of the resources it writes carry the reference.
 */
import { rangeHas } from "../../lines";
import { callAt } from "../functions/calls";
import type { Rule } from "../rule";
import { isString, USER_GUIDE } from "../template-index";
import { realResources, referencesFrom } from "./shared";

export const dependsOnImplied: Rule = {
  id: "W3005",
  severity: "warning",
  shortDescription: "DependsOn does not repeat a dependency a reference already makes",
  description:
    "A Ref, Fn::GetAtt or ${} to a resource in Properties already makes CloudFormation create that resource first; " +
    "a DependsOn on it as well adds nothing.",
  source: `${USER_GUIDE}/aws-attribute-dependson.html`,
  tags: ["resources", "dependson"],
  check({ template, report }) {
    for (const resource of realResources(template)) {
      const dependsOn = resource.dependsOn?.value;
      const properties = resource.properties?.value;
      if (!dependsOn || !properties || resource.type?.startsWith("AWS::Serverless::")) continue;
      const refs = referencesFrom(template, resource.name);
      for (const item of dependsOn.kind === "seq" ? dependsOn.items : [dependsOn]) {
        if (!isString(item)) continue;
        const implied = refs.find(
          (ref) =>
            ref.target === item.value &&
            rangeHas(properties.range, ref.range.start) &&
            !underCondition(callAt(template, ref.node)),
        );
        if (!implied) continue;
        const what = implied.kind === "Sub" ? "${} in Fn::Sub" : implied.kind;
        report(
          item,
          `DependsOn ${item.value} is not needed: the ${what} at line ${implied.range.start.line} already makes ` +
            `${resource.name} wait for it`,
        );
      }
    }
  },
};

function underCondition(call: ReturnType<typeof callAt>): boolean {
  for (let parent = call?.parent; parent; parent = parent.parent) if (parent.name === "Fn::If") return true;
  return false;
}
