import type { Rule } from "../rule";
import { USER_GUIDE } from "../template-index";
import { callsOf } from "./calls";
import { checkArity, checkSlot, type Slot, slotContext } from "./slots";

const DELIMITER: Slot = { label: "the delimiter of Fn::Join", literal: "string", functions: [] };

const VALUES: Slot = {
  label: "the list of Fn::Join",
  literal: "list",
  functions: ["Fn::Cidr", "Fn::FindInMap", "Fn::GetAtt", "Fn::If", "Fn::Split", "Ref"],
  items: {
    label: "an item of the list of Fn::Join",
    literal: "string",
    functions: [
      "Fn::Base64",
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
  },
};

export const joinRule: Rule = {
  id: "E1022",
  severity: "error",
  shortDescription: "Join validation of parameters",
  description:
    "Fn::Join takes [delimiter, list]: a literal delimiter and a list of strings (or functions returning strings), or a function returning a list.",
  source: `${USER_GUIDE}/intrinsic-function-reference-join.html`,
  tags: ["functions", "join"],
  check({ template, spec, report }) {
    for (const call of callsOf(template, "Fn::Join")) {
      const arg = call.arg;
      if (!checkArity("Fn::Join", arg, 2, 2, "[delimiter, [values]]", call.node, report)) continue;
      checkSlot(arg.items[0], DELIMITER, report, slotContext(template, spec, call));
      checkSlot(arg.items[1], VALUES, report, slotContext(template, spec, call));
    }
  },
};
