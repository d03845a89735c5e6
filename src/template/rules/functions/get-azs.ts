import type { Rule } from "../rule";
import { isString, PSEUDO_PARAMETERS, USER_GUIDE } from "../template-index";
import { callsOf, functionName } from "./calls";
import { checkSlot, describe } from "./slots";

/** us-east-1, us-gov-west-1, us-isob-east-1, eusc-de-east-1: the shapes AWS Region names take. */
const REGION = /^[a-z]{2,4}(-[a-z]+)+-\d+$/;

const HOW =
  "give a Region name such as us-east-1, an empty string for the stack's Region, or Ref AWS::Region";

export const getAzsRule: Rule = {
  id: "E1015",
  severity: "error",
  shortDescription: "GetAz validation of parameters",
  description: "Fn::GetAZs takes a Region name, an empty string (the stack's Region) or a Ref.",
  source: `${USER_GUIDE}/intrinsic-function-reference-getavailabilityzones.html`,
  tags: ["functions", "getazs"],
  check({ template, report }) {
    for (const call of callsOf(template, "Fn::GetAZs")) {
      const arg = call.arg;
      if (functionName(arg)) {
        checkSlot(
          arg,
          { label: "the Region of Fn::GetAZs", literal: "string", functions: ["Ref", "Fn::If"] },
          report,
        );
      } else if (isString(arg)) {
        // `!GetAZs AWS::Region` (a Ref left out) is W1054's: classic templates that deployed for
        // years write it, and no reference says what CloudFormation makes of the text.
        if (arg.value !== "" && !REGION.test(arg.value) && !PSEUDO_PARAMETERS.has(arg.value)) {
          report(arg, `'${arg.value}' is not an AWS Region name; ${HOW}`);
        }
      } else {
        report(arg, `Fn::GetAZs got a ${describe(arg)}; ${HOW}`);
      }
    }
  },
};
