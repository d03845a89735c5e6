import type { Rule } from "../rule";
import { USER_GUIDE } from "../template-index";
import { callsOf } from "./calls";
import { checkSlot, type Slot, slotContext } from "./slots";

const EXPORT_NAME: Slot = {
  label: "the export name of Fn::ImportValue",
  literal: "string",
  functions: ["Fn::Base64", "Fn::FindInMap", "Fn::If", "Fn::Join", "Fn::Select", "Fn::Sub", "Ref"],
};

export const importValueRule: Rule = {
  id: "E1016",
  severity: "error",
  shortDescription: "ImportValue validation of parameters",
  description:
    "Fn::ImportValue takes an export name: a string, or one of the functions that can compute it (not Fn::GetAtt or Fn::ImportValue).",
  source: `${USER_GUIDE}/intrinsic-function-reference-importvalue.html`,
  tags: ["functions", "importvalue"],
  check({ template, spec, report }) {
    for (const call of callsOf(template, "Fn::ImportValue"))
      checkSlot(call.arg, EXPORT_NAME, report, slotContext(template, spec, call));
  },
};
