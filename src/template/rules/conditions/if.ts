import { plural } from "../../../text";
import type { Node } from "../../model";
import type { Report, Rule } from "../rule";
import { kindName } from "../template/scalars";
import { intrinsicName, isString } from "../template-index";
import { CONDITION_FUNCTIONS_PAGE } from "./walk";

/** Sections whose values are literals or condition functions, where Fn::If has no place to be checked. */
const SKIPPED_SECTIONS = new Set(["Parameters", "Mappings", "Conditions", "Rules"]);

function checkIf(node: Node, report: Report): void {
  const arg = node.kind === "map" ? node.entries[0].value : node;
  const shape = "Fn::If takes a list of three items: [ConditionName, value if true, value if false]";
  if (arg.kind !== "seq") {
    report(arg, `${shape}; found ${kindName(arg)}`);
    return;
  }
  if (arg.items.length !== 3) {
    report(arg, `${shape}; found ${plural(arg.items.length, "item")}`);
  }
  const first = arg.items[0];
  if (first && !isString(first)) {
    report(first, `The first item of Fn::If must be the name of a condition, not ${kindName(first)}`);
  }
}

export const conditionIf: Rule = {
  id: "E1028",
  severity: "error",
  shortDescription: "Fn::If is [condition name, value if true, value if false]",
  description:
    "Fn::If takes a list of exactly three items, the first the name of a condition declared in Conditions.",
  source: CONDITION_FUNCTIONS_PAGE,
  tags: ["functions", "conditions"],
  check({ template, report }) {
    const stack: Node[] = [];
    for (const entry of template.root.entries) if (!SKIPPED_SECTIONS.has(entry.key)) stack.push(entry.value);
    // An explicit stack: generated templates nest deeply enough to make recursion a risk.
    while (stack.length > 0) {
      const node = stack.pop() as Node;
      // Indexed loops: in code that runs once per process an array iterator costs an object per
      // step. Scalars hold no Fn::If, so they never go on the stack (the others keep their order).
      if (node.kind === "seq") {
        const items = node.items;
        for (let i = 0; i < items.length; i++) if (items[i].kind !== "scalar") stack.push(items[i]);
      } else if (node.kind === "map") {
        if (intrinsicName(node) === "Fn::If") checkIf(node, report);
        const entries = node.entries;
        for (let i = 0; i < entries.length; i++)
          if (entries[i].value.kind !== "scalar") stack.push(entries[i].value);
      }
    }
  },
};
