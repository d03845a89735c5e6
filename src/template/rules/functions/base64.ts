import type { Rule } from "../rule";
import { USER_GUIDE } from "../template-index";
import { callsOf } from "./calls";
import { checkSlot, type Slot, slotContext } from "./slots";

const VALUE: Slot = {
  label: "the value of Fn::Base64",
  literal: "string",
  functions: [
    "Fn::Base64",
    "Fn::Cidr",
    "Fn::Contains",
    "Fn::FindInMap",
    "Fn::GetAtt",
    "Fn::GetStackOutput",
    "Fn::If",
    "Fn::ImportValue",
    "Fn::Join",
    "Fn::Length",
    "Fn::Select",
    "Fn::Sub",
    "Fn::ToJsonString",
    "Fn::Transform",
    "Ref",
  ],
};

export const base64Rule: Rule = {
  id: "E1021",
  severity: "error",
  shortDescription: "Base64 validation of parameters",
  description: "Fn::Base64 takes a string, or a function that returns one.",
  source: `${USER_GUIDE}/intrinsic-function-reference-base64.html`,
  tags: ["functions", "base64"],
  check({ template, spec, report }) {
    for (const call of callsOf(template, "Fn::Base64"))
      checkSlot(call.arg, VALUE, report, slotContext(template, spec, call));
  },
};
