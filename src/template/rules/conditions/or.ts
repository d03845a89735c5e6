import type { Rule } from "../rule";
import { kindName } from "../template/scalars";
import { CONDITION_FUNCTIONS_PAGE, conditionCalls, conditionFunction } from "./walk";

export const conditionOr: Rule = {
  id: "E8006",
  severity: "error",
  shortDescription: "Fn::Or takes 2 to 10 conditions",
  description:
    "Fn::Or takes a list of 2 to 10 conditions, each a condition function or a Condition reference.",
  source: CONDITION_FUNCTIONS_PAGE,
  tags: ["conditions"],
  check({ template, report }) {
    for (const call of conditionCalls(template)) {
      if (call.fn !== "Fn::Or") continue;
      const path = ["Conditions", call.condition];
      const where = `Fn::Or in condition ${call.condition}`;
      if (call.arg.kind !== "seq") {
        // A lone condition function is the usual slip: the list brackets were left out.
        const hint = conditionFunction(call.arg) ? "; wrap it in a list" : "";
        report(call.arg, `${where} takes a list of 2 to 10 conditions, not ${kindName(call.arg)}${hint}`, {
          path,
        });
        continue;
      }
      const count = call.arg.items.length;
      if (count < 2 || count > 10) {
        report(call.arg, `${where} takes 2 to 10 conditions; found ${count}`, { path });
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
