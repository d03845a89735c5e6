import { mapGet } from "../../nodes";
import { isListParameterType } from "../functions/shapes";
import type { Rule } from "../rule";
import { intrinsicName, isString, USER_GUIDE } from "../template-index";
import { conditionCalls } from "./walk";

/**
 * cfn-lint reports a Ref to a list parameter where a string is needed under its Ref rule's id,
 * so this rule shares it. Pseudo parameters are left out, as cfn-lint leaves them.
 */
export const conditionEqualsList: Rule = {
  id: "E1020",
  severity: "error",
  shortDescription: "Fn::Equals compares strings, not list parameters",
  description:
    "A value Fn::Equals compares is a string: a Ref to a list parameter (CommaDelimitedList, List<...>, or an " +
    "SSM parameter of a list type) gives a list, which CloudFormation cannot compare.",
  source: `${USER_GUIDE}/intrinsic-function-reference-conditions.html`,
  tags: ["conditions", "ref"],
  check({ template, report }) {
    for (const call of conditionCalls(template)) {
      if (call.fn !== "Fn::Equals" || call.arg.kind !== "seq" || call.arg.items.length !== 2) continue;
      for (const item of call.arg.items) {
        if (intrinsicName(item) !== "Ref" || item.kind !== "map") continue;
        const target = item.entries[0].value;
        if (!isString(target)) continue;
        const type = mapGet(template.parameters.get(target.value)?.value, "Type")?.value;
        if (!isString(type) || !isListParameterType(type.value)) continue;
        report(
          item,
          `Fn::Equals in condition ${call.condition} compares strings, but parameter ${target.value} is a list (${type.value}); compare one item with Fn::Select or the whole list with Fn::Join`,
          { path: ["Conditions", call.condition] },
        );
      }
    }
  },
};
