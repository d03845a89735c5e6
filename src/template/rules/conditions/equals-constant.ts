/**
 * W8003: a Fn::Equals whose result is known before deployment: two literals (equal or not, as
 * CloudFormation compares them, as strings) or the same expression twice. The condition never
 * changes, which is rarely what was meant (a missing Ref, a typo in a parameter name).
 */

import { canonical } from "../constraints/walk";
import type { Rule } from "../rule";
import { intrinsicName } from "../template-index";
import { CONDITION_FUNCTIONS_PAGE, conditionCalls } from "./walk";

export const equalsConstant: Rule = {
  id: "W8003",
  severity: "warning",
  shortDescription: "Fn::Equals compares something that can change",
  description:
    "A Fn::Equals of two literals, or of the same expression twice, is always true or always false.",
  source: CONDITION_FUNCTIONS_PAGE,
  tags: ["conditions"],
  check({ template, report }) {
    for (const call of conditionCalls(template)) {
      if (call.fn !== "Fn::Equals" || call.arg.kind !== "seq" || call.arg.items.length !== 2) continue;
      const [left, right] = call.arg.items;
      const literals = left.kind === "scalar" && right.kind === "scalar";
      const same = canonical(left) === canonical(right);
      if (!literals && !(same && intrinsicName(left))) continue;
      report(
        call.node,
        `Fn::Equals in condition ${call.condition} is always ${same ? "true" : "false"}: it compares ` +
          `${literals ? "two fixed values" : "an expression with itself"}; compare a Ref to a parameter or pseudo parameter`,
        { path: ["Conditions", call.condition] },
      );
    }
  },
};
