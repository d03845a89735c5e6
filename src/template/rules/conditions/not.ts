import type { Rule } from "../rule";
import { kindName } from "../template/scalars";
import { CONDITION_FUNCTIONS_PAGE, conditionCalls, conditionFunction } from "./walk";

export const conditionNot: Rule = {
  id: "E8005",
  severity: "error",
  shortDescription: "Fn::Not takes one condition",
  description:
    "Fn::Not takes a list of exactly one condition, a condition function or a Condition reference.",
  source: CONDITION_FUNCTIONS_PAGE,
  tags: ["conditions"],
  check({ template, report }) {
    for (const call of conditionCalls(template)) {
      if (call.fn !== "Fn::Not") continue;
      const path = ["Conditions", call.condition];
      const where = `Fn::Not in condition ${call.condition}`;
      if (call.arg.kind !== "seq") {
        // A lone condition function is the usual slip: the list brackets were left out.
        const hint = conditionFunction(call.arg) ? "; wrap it in a list" : "";
        report(call.arg, `${where} takes a list of exactly one condition, not ${kindName(call.arg)}${hint}`, {
          path,
        });
        continue;
      }
      const count = call.arg.items.length;
      if (count < 1 || count > 1) {
        report(call.arg, `${where} takes exactly one condition; found ${count}`, { path });
      }
      for (const item of call.arg.items) {
        if (conditionFunction(item)) continue;
        const allowed = "{ Condition: Name }, Fn::Equals, Fn::And, Fn::Or or Fn::Not";
        report(item, `Each argument of ${where} must be a condition (${allowed}), not ${kindName(item)}`, {
          path,
        });
      }
    }
  },
};
