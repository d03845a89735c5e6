/**
 * W1001: a Ref, GetAtt, `${}` or DependsOn that names a resource with a Condition, from a place
 * that exists without that condition. When the condition is false the resource is not created and
 * the stack fails with "Unresolved resource dependencies"; a warning, as cfn-lint has it, because
 * the template may only ever be deployed with the condition true.
 *
 * A place is safe when the resource or output it sits in has a condition that implies the
 * target's, or when it sits in the branch of a Fn::If that does. "Implies" is read from the
 * Conditions section without solving it: the same condition, the same definition, a Fn::And with
 * it among its parts, a Fn::Or with the place's condition among its parts, and Fn::Not of a
 * condition known false. Anything subtler is given the benefit of the doubt only when it is the
 * same name or text, so the rule may warn where a reader sees the conditions agree.
 */
import { rangeHas } from "../../lines";
import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import { canonical } from "../constraints/walk";
import { callAt, type FunctionCall } from "../functions/calls";
import { realResources } from "../resources/shared";
import type { Rule } from "../rule";
import { intrinsicName, isString, type TemplateIndex } from "../template-index";
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
    const logic = new ConditionLogic(template);
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

interface Known {
  /** Conditions true where the reference is. */
  true: string[];
  /** Conditions false where the reference is. */
  false: string[];
}

function holderCondition(template: TemplateIndex, section: string, name: string): string | undefined {
  if (section === "Resources") {
    const value = template.resources.get(name)?.condition?.value;
    return isString(value) ? value.value : undefined;
  }
  const output = template.outputs.get(name)?.value;
  const value = mapGet(output, "Condition")?.value;
  return isString(value) ? value.value : undefined;
}

/** The conditions of the Fn::If branches around a call: true in a second item, false in a third. */
function branchConditions(call: FunctionCall | undefined, known: Known): void {
  let child = call;
  for (let parent = call?.parent; parent && child; child = parent, parent = parent.parent) {
    if (parent.name !== "Fn::If" || parent.arg.kind !== "seq" || parent.arg.items.length !== 3) continue;
    const [name, whenTrue, whenFalse] = parent.arg.items;
    if (!isString(name)) continue;
    const at = child.node.range.start;
    if (rangeHas(whenTrue.range, at)) known.true.push(name.value);
    else if (rangeHas(whenFalse.range, at)) known.false.push(name.value);
  }
}

/** What the Conditions section says about one condition implying another, read without a solver. */
class ConditionLogic {
  private readonly texts = new Map<string, string | undefined>();

  constructor(private readonly template: TemplateIndex) {}

  holds(needed: string, known: Known): boolean {
    return (
      known.true.some((name) => this.implies(name, needed, 0)) ||
      known.false.some((name) => this.impliedByFalse(name, needed))
    );
  }

  private definition(name: string): Node | undefined {
    return this.template.conditions.get(name)?.value;
  }

  private text(name: string): string | undefined {
    if (!this.texts.has(name)) {
      const node = this.definition(name);
      this.texts.set(name, node ? canonical(node) : undefined);
    }
    return this.texts.get(name);
  }

  /** Whether `name` true makes `needed` true. */
  private implies(name: string, needed: string, depth: number): boolean {
    if (name === needed) return true;
    if (depth > 8) return false;
    const text = this.text(name);
    const neededText = this.text(needed);
    if (text !== undefined && text === neededText) return true;
    for (const part of parts(this.definition(name), "Fn::And")) {
      const inner = conditionName(part);
      if (inner !== undefined ? this.implies(inner, needed, depth + 1) : canonical(part) === neededText)
        return true;
    }
    for (const part of parts(this.definition(needed), "Fn::Or")) {
      const inner = conditionName(part);
      if (inner !== undefined ? this.implies(name, inner, depth + 1) : canonical(part) === text) return true;
    }
    return false;
  }

  /** Whether `name` false makes `needed` true: one is Fn::Not of the other. */
  private impliedByFalse(name: string, needed: string): boolean {
    const negated = notOf(this.definition(needed));
    if (negated !== undefined && (negated === name || this.text(negated) === this.text(name))) return true;
    const opposite = notOf(this.definition(name));
    return opposite !== undefined && this.implies(opposite, needed, 0);
  }
}

function parts(node: Node | undefined, fn: string): Node[] {
  if (!node || intrinsicName(node) !== fn || node.kind !== "map") return [];
  const arg = node.entries[0].value;
  return arg.kind === "seq" ? arg.items : [];
}

function conditionName(node: Node): string | undefined {
  if (node.kind !== "map" || node.entries.length !== 1 || node.entries[0].key !== "Condition")
    return undefined;
  const value = node.entries[0].value;
  return isString(value) ? value.value : undefined;
}

/** The condition a `Fn::Not [{Condition: X}]` negates. */
function notOf(node: Node | undefined): string | undefined {
  const [inner] = parts(node, "Fn::Not");
  return inner ? conditionName(inner) : undefined;
}
