/**
 * W1001: a Ref, GetAtt, `${}` or DependsOn that names a resource with a Condition, from a place
 * that exists without that condition. When the condition is false the resource is not created and
 * the stack fails with "Unresolved resource dependencies"; a warning, as cfn-lint has it, because
 * the template may only ever be deployed with the condition true.
 *
 * A place is safe when the resource or output it sits in has a condition that implies the
 * target's, or when it sits in the branch of a Fn::If that does, as ./logic.ts reads the
 * Conditions section without solving it; the rule may warn where a reader sees subtler agreement.
 */
import { callAt } from "../functions/calls";
import { realResources } from "../resources/shared";
import type { Rule } from "../rule";
import { isString } from "../template-index";
import { branchConditions, conditionLogic, holderCondition, type Known } from "./logic";
import { CONDITIONS_PAGE } from "./walk";

export const conditionalReference: Rule = {
  id: "W1001",
  severity: "warning",
  shortDescription: "References to conditional resources are under the same condition",
  description:
    "A Ref, GetAtt, ${} or DependsOn to a resource with a Condition, from a resource or output that exists " +
    "without that condition, fails with unresolved dependencies when the condition is false.",
  source: CONDITIONS_PAGE,
  tags: ["conditions", "resources"],
  check({ template, report }) {
    const conditional = new Map<string, string>();
    for (const resource of realResources(template)) {
      const condition = resource.condition?.value;
      if (isString(condition)) conditional.set(resource.name, condition.value);
    }
    if (conditional.size === 0) return;
    const logic = conditionLogic(template);
    const refs = template.references;
    for (let i = 0; i < refs.length; i++) {
      const ref = refs[i];
      if (ref.kind !== "Ref" && ref.kind !== "GetAtt" && ref.kind !== "Sub") continue;
      const needed = conditional.get(ref.target);
      if (needed === undefined) continue;
      const [section, name] = ref.from;
      if ((section !== "Resources" && section !== "Outputs") || name === undefined) continue;
      if (section === "Resources" && name === ref.target) continue;
      const known: Known = { true: [], false: [] };
      const holder = holderCondition(template, section, name);
      if (holder) known.true.push(holder);
      branchConditions(callAt(template, ref.node), known);
      if (logic.holds(needed, known)) continue;
      const what =
        ref.kind === "Sub" ? `\${${ref.target}${ref.attribute ? `.${ref.attribute}` : ""}}` : ref.kind;
      report(
        ref.range,
        message(what, ref.target, needed, section === "Resources" ? "resource" : "output", name),
      );
    }
    for (const resource of realResources(template)) {
      const dependsOn = resource.dependsOn?.value;
      if (!dependsOn) continue;
      const items = dependsOn.kind === "seq" ? dependsOn.items : [dependsOn];
      const holder = holderCondition(template, "Resources", resource.name);
      for (const item of items) {
        if (!isString(item)) continue;
        const needed = conditional.get(item.value);
        if (needed === undefined || logic.holds(needed, { true: holder ? [holder] : [], false: [] }))
          continue;
        report(item, message("DependsOn", item.value, needed, "resource", resource.name));
      }
    }
  },
};

function message(what: string, target: string, condition: string, kind: string, name: string): string {
  return (
    `${what} to resource '${target}', which exists only when condition ${condition} is true, from ${kind} '${name}', ` +
    `which does not depend on it: when ${condition} is false the stack fails with unresolved dependencies. ` +
    `Give ${kind} '${name}' Condition: ${condition}, or put the reference in Fn::If [${condition}, ...]`
  );
}
