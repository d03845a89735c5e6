import type { Rule } from "../rule";
import { callsOf, functionName } from "./calls";
import { checkSlot, describe, type Slot } from "./slots";

/** The functions every argument of Fn::GetStackOutput may be computed with. */
const FUNCTIONS = [
  "Fn::Base64",
  "Fn::FindInMap",
  "Fn::GetAtt",
  "Fn::If",
  "Fn::ImportValue",
  "Fn::Join",
  "Fn::Select",
  "Fn::Sub",
  "Ref",
];

const ARGUMENTS: Record<string, { required: boolean; slot: Slot }> = {
  StackName: { required: true, slot: slot("StackName") },
  OutputName: { required: true, slot: slot("OutputName") },
  Region: { required: false, slot: slot("Region") },
  RoleArn: { required: false, slot: slot("RoleArn") },
};

function slot(name: string): Slot {
  return { label: `the ${name} of Fn::GetStackOutput`, literal: "string", functions: FUNCTIONS };
}

const SHAPE = "a mapping of StackName, OutputName and optionally Region and RoleArn";

export const getStackOutputRule: Rule = {
  id: "E1033",
  severity: "error",
  shortDescription: "GetStackOutput validation of parameters",
  description:
    "Fn::GetStackOutput takes a mapping with StackName and OutputName (and optionally Region and RoleArn), each a string or a function that computes one.",
  source:
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-getstackoutput.html",
  tags: ["functions", "getstackoutput"],
  check({ template, report }) {
    for (const call of callsOf(template, "Fn::GetStackOutput")) {
      const arg = call.arg;
      if (arg.kind !== "map" || functionName(arg)) {
        report(call.node, `Fn::GetStackOutput needs ${SHAPE}; got a ${describe(arg)}`);
        continue;
      }
      for (const entry of arg.entries) {
        const argument = ARGUMENTS[entry.key];
        if (!argument) {
          report(
            entry.keyRange,
            `Unknown argument '${entry.key}' of Fn::GetStackOutput; it takes StackName, OutputName, Region and RoleArn`,
          );
          continue;
        }
        checkSlot(entry.value, argument.slot, report);
      }
      const missing = Object.keys(ARGUMENTS).filter(
        (name) => ARGUMENTS[name].required && !arg.entries.some((entry) => entry.key === name),
      );
      if (missing.length > 0) {
        report(call.node.entries[0].keyRange, `Fn::GetStackOutput needs ${missing.join(" and ")}`);
      }
    }
  },
};
