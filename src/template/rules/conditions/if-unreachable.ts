/**
 * W1028: a Fn::If branch that is never taken, because where the Fn::If stands its condition is
 * already decided: by the Condition of the resource or output around it, or by the Fn::If
 * branches it sits in. The template deploys, but the dead branch is a value nobody gets, often a
 * sign that the conditions are not what the writer meant. What is decided is read as ./logic.ts
 * reads the Conditions section, without a solver, so the rule never calls a reachable branch dead.
 * A Fn::If inside a branch already found dead is not looked at: nothing there is ever used.
 */
import { rangeHas } from "../../lines";
import type { Node } from "../../model";
import { callsOf } from "../functions/calls";
import type { Rule } from "../rule";
import { isString } from "../template-index";
import { branchConditions, conditionLogic, holderCondition, type Known } from "./logic";
import { CONDITION_FUNCTIONS_PAGE } from "./walk";

export const ifUnreachable: Rule = {
  id: "W1028",
  severity: "warning",
  shortDescription: "Both branches of each Fn::If can be taken",
  description:
    "A Fn::If whose condition is always true or always false where it stands, given the Condition of its " +
    "resource or output and the Fn::If branches around it, has a branch that is never taken.",
  source: CONDITION_FUNCTIONS_PAGE,
  tags: ["conditions", "functions"],
  check({ template, report }) {
    const calls = callsOf(template, "Fn::If");
    if (calls.length === 0) return;
    // The walk lists a call before the calls inside it.
    const dead: Node[] = [];
    for (const call of calls) {
      if (call.arg.kind !== "seq" || call.arg.items.length !== 3) continue;
      if (dead.some((branch) => rangeHas(branch.range, call.node.range.start))) continue;
      const [name, whenTrue, whenFalse] = call.arg.items;
      if (!isString(name) || !template.conditions.has(name.value)) continue;
      const [section, owner] = call.from;
      const holder = owner === undefined ? undefined : holderCondition(template, section, owner);
      const known: Known = { true: holder === undefined ? [] : [holder], false: [] };
      branchConditions(call, known);
      const decided = known.true.length + known.false.length;
      if (decided === 0) continue;
      const logic = conditionLogic(template);
      const always = logic.holds(name.value, known)
        ? true
        : logic.refutes(name.value, known)
          ? false
          : undefined;
      if (always === undefined) continue;
      const where =
        section === "Resources"
          ? `resource '${owner}'`
          : section === "Outputs"
            ? `output '${owner}'`
            : section;
      const given: string[] = [];
      if (holder !== undefined) {
        given.push(`its Condition ${holder}`);
      }
      if (decided > (holder === undefined ? 0 : 1)) given.push("the Fn::If branches it sits in");
      const never = always ? whenFalse : whenTrue;
      dead.push(never);
      report(
        never,
        `This Fn::If never takes its ${always ? "false" : "true"} branch: in ${where}, condition ${name.value} is ` +
          `always ${always} (given ${given.join(" and ")}). Write the ${always ? "true" : "false"} branch's value ` +
          "without the Fn::If, or fix the condition",
      );
    }
  },
};
