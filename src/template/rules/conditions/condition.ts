import type { Rule } from "../rule";
import { kindName } from "../template/scalars";
import { CONDITION_FUNCTIONS_PAGE, conditionCalls } from "./walk";

export const conditionReference: Rule = {
  id: "E8007",
  severity: "error",
  shortDescription: "Condition references name a condition",
  description: "Inside Conditions, { Condition: Name } takes the name of another condition as a string.",
  source: CONDITION_FUNCTIONS_PAGE,
  tags: ["conditions"],
  check({ template, report }) {
    for (const call of conditionCalls(template)) {
      if (call.fn !== "Condition" || (call.arg.kind === "scalar" && typeof call.arg.value === "string"))
        continue;
      report(
        call.arg,
        `Condition in condition ${call.condition} must name another condition, not ${kindName(call.arg)}`,
        {
          path: ["Conditions", call.condition],
        },
      );
    }
  },
};
