/**
 * The argument check Fn::And, Fn::Or and Fn::Not share: a list of a given number of conditions,
 * each a condition function or a Condition reference.
 */
import type { RuleInput } from "../rule";
import { kindName } from "../template/scalars";
import { conditionCalls, conditionFunction } from "./walk";

const ALLOWED = "{ Condition: Name }, Fn::Equals, Fn::And, Fn::Or or Fn::Not";

/** Checks every `fn` call in Conditions; `amount` words the bounds ("2 to 10 conditions"). */
export function checkConditionList(
  { template, report }: RuleInput,
  fn: "Fn::And" | "Fn::Or" | "Fn::Not",
  min: number,
  max: number,
  amount: string,
): void {
  for (const call of conditionCalls(template)) {
    if (call.fn !== fn) continue;
    const path = ["Conditions", call.condition];
    const where = `${fn} in condition ${call.condition}`;
    if (call.arg.kind !== "seq") {
      // A lone condition function is the usual slip: the list brackets were left out.
      const hint = conditionFunction(call.arg) ? "; wrap it in a list" : "";
      report(call.arg, `${where} takes a list of ${amount}, not ${kindName(call.arg)}${hint}`, { path });
      continue;
    }
    const count = call.arg.items.length;
    if (count < min || count > max) {
      report(call.arg, `${where} takes ${amount}; found ${count}`, { path });
    }
    for (const item of call.arg.items) {
      if (conditionFunction(item)) continue;
      report(item, `Each argument of ${where} must be a condition (${ALLOWED}), not ${kindName(item)}`, {
        path,
      });
    }
  }
}
