import type { Rule } from "../rule";
import { USER_GUIDE } from "../template-index";
import { callsOf } from "./calls";
import { checkArity, checkSlot, type Slot, slotContext } from "./slots";

const DELIMITER: Slot = { label: "the delimiter of Fn::Split", literal: "string", functions: [] };

const SOURCE: Slot = {
  label: "the source string of Fn::Split",
  literal: "string",
  functions: [
    "Fn::Base64",
    "Fn::FindInMap",
    "Fn::GetAtt",
    "Fn::GetAZs",
    "Fn::GetStackOutput",
    "Fn::If",
    "Fn::ImportValue",
    "Fn::Join",
    "Fn::Select",
    "Fn::Sub",
    "Ref",
  ],
};

export const splitRule: Rule = {
  id: "E1018",
  severity: "error",
  shortDescription: "Split validation of parameters",
  description:
    "Fn::Split takes [delimiter, source]: a literal delimiter and a string or a function returning one.",
  source: `${USER_GUIDE}/intrinsic-function-reference-split.html`,
  tags: ["functions", "split"],
  check({ template, spec, report }) {
    for (const call of callsOf(template, "Fn::Split")) {
      const arg = call.arg;
      if (!checkArity("Fn::Split", arg, 2, 2, "[delimiter, source string]", call.node, report)) continue;
      checkSlot(arg.items[0], DELIMITER, report);
      checkSlot(arg.items[1], SOURCE, report, slotContext(template, spec, call));
    }
  },
};
