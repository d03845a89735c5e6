import { plural } from "../../../text";
import type { Rule } from "../rule";
import { intrinsicName, USER_GUIDE } from "../template-index";
import { callsOf, KNOWN_FUNCTIONS, usesLanguageExtensions } from "./calls";
import { checkArity, checkSlot, integerValue, type Slot, slotContext } from "./slots";

const LIST: Slot = {
  label: "the list of Fn::Select",
  literal: "list",
  functions: ["Fn::FindInMap", "Fn::GetAtt", "Fn::GetAZs", "Fn::If", "Fn::Split", "Fn::Cidr", "Ref"],
  // Items may be of any type, so any function may compute one.
  items: { label: "an item of the list of Fn::Select", literal: "any", functions: [...KNOWN_FUNCTIONS] },
};

/**
 * The most Availability Zones a Region has (us-east-1's six), so the most items a Fn::GetAZs gives:
 * `!Select [6, !GetAZs '']` fails in every Region ("Fn::Select cannot select nonexistent value at
 * index 6"). A smaller index that only some Regions lack (2 in a Region with two zones for the
 * account) is left alone: the template may be meant for others.
 */
const MOST_ZONES = 6;

export const selectRule: Rule = {
  id: "E1017",
  severity: "error",
  shortDescription: "Select validation of parameters",
  description:
    "Fn::Select takes [index, list]: an integer index within the list, and a list or a function returning one.",
  source: `${USER_GUIDE}/intrinsic-function-reference-select.html`,
  tags: ["functions", "select"],
  check({ template, spec, report }) {
    const index: Slot = {
      label: "the index of Fn::Select",
      literal: "integer",
      functions: usesLanguageExtensions(template)
        ? ["Ref", "Fn::FindInMap", "Fn::Length"]
        : ["Ref", "Fn::FindInMap"],
    };
    for (const call of callsOf(template, "Fn::Select")) {
      const arg = call.arg;
      if (!checkArity("Fn::Select", arg, 2, 2, "[index, list]", call.node, report)) continue;
      const at = arg.items[0];
      const list = arg.items[1];
      checkSlot(at, index, report, slotContext(template, spec, call));
      checkSlot(list, LIST, report, slotContext(template, spec, call));
      const position = integerValue(at);
      if (position === undefined) continue;
      if (position < 0) report(at, `The index of Fn::Select cannot be negative; got ${position}`);
      else if (list.kind === "seq" && position >= list.items.length) {
        report(
          at,
          `Index ${position} is out of range: the list of Fn::Select has ${plural(list.items.length, "item")}`,
        );
      } else if (position >= MOST_ZONES && intrinsicName(list) === "Fn::GetAZs") {
        report(
          at,
          `Index ${position} is out of range in every Region: Fn::GetAZs gives the Availability Zones of the ` +
            `Region, and none has more than ${MOST_ZONES} (us-east-1; most have three); select an index from 0 to ` +
            `${MOST_ZONES - 1}`,
        );
      }
    }
  },
};
