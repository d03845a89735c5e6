import type { Rule } from "../rule";
import { isLiteralCollection, kindName } from "../template/scalars";
import { intrinsicName } from "../template-index";
import { CONDITION_FUNCTIONS_PAGE, conditionCalls } from "./walk";

export const conditionEquals: Rule = {
  id: "E8003",
  severity: "error",
  shortDescription: "Fn::Equals compares exactly two values",
  description:
    "Fn::Equals takes a list of exactly two values, each a string or an intrinsic function that returns one " +
    "(not Fn::ImportValue, which conditions cannot use).",
  source: CONDITION_FUNCTIONS_PAGE,
  tags: ["conditions"],
  check({ template, report }) {
    for (const call of conditionCalls(template)) {
      if (call.fn !== "Fn::Equals") continue;
      const path = ["Conditions", call.condition];
      if (call.arg.kind !== "seq") {
        report(
          call.arg,
          `Fn::Equals in condition ${call.condition} takes a list of two values, not ${kindName(call.arg)}`,
          { path },
        );
        continue;
      }
      if (call.arg.items.length !== 2) {
        report(
          call.arg,
          `Fn::Equals in condition ${call.condition} compares exactly two values; found ${call.arg.items.length}`,
          { path },
        );
        continue;
      }
      for (const item of call.arg.items) {
        if (intrinsicName(item) === "Fn::ImportValue") {
          report(
            item,
            `Fn::Equals in condition ${call.condition} cannot compare an Fn::ImportValue: conditions cannot use it; pass the value in as a parameter`,
            { path },
          );
          continue;
        }
        if (!isLiteralCollection(item)) continue;
        report(
          item,
          `Fn::Equals in condition ${call.condition} compares strings; this value is ${kindName(item)}`,
          { path },
        );
      }
    }
  },
};
