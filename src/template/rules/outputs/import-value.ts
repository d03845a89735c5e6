/**
 * W6001: an output whose Value is (or is built from) a Fn::ImportValue passes on another stack's
 * export. Whoever reads this output could import that export directly; a chain of outputs of
 * imports hides where the value comes from, and, when the output is exported again, makes the
 * first stack wait on every stack down the chain before it can change the value.
 */
import { rangeHas } from "../../lines";
import { mapGet } from "../../nodes";
import { callsOf } from "../functions/calls";
import type { Rule } from "../rule";
import { USER_GUIDE } from "../template-index";

export const outputImportValue: Rule = {
  id: "W6001",
  severity: "warning",
  shortDescription: "Outputs do not pass on imported values",
  description:
    "An output's Value built from Fn::ImportValue passes on another stack's export, which its readers can " +
    "import themselves.",
  source: `${USER_GUIDE}/intrinsic-function-reference-importvalue.html`,
  tags: ["outputs", "importvalue"],
  check({ template, report }) {
    for (const call of callsOf(template, "Fn::ImportValue")) {
      const [section, name] = call.from;
      if (section !== "Outputs" || name === undefined) continue;
      const value = mapGet(template.outputs.get(name)?.value, "Value")?.value;
      if (!value || !rangeHas(value.range, call.node.range.start)) continue;
      report(
        call.node,
        `Output ${name} passes on a value imported from another stack's export: a stack that needs it can ` +
          "Fn::ImportValue that export itself",
        { path: ["Outputs", name, "Value"] },
      );
    }
  },
};
