import type { Rule } from "../rule";
import { checkAlphanumeric } from "../template/names";
import { SAM_GUIDE, samEvents } from "./events";

/**
 * The SAM transform names the resources it makes for an event after the function or state machine
 * and the event (`<Function><Event>`: a rule, a permission, a mapping), and refuses a name that is
 * not a logical id ("Resource with id [CorsFunctionCORS_ROOT] is invalid. Logical ids must be
 * alphanumeric.", round 40's public template; cfn-lint reports it after the transform). The
 * resource's own name is E3001's.
 */
export const samEventNames: Rule = {
  id: "E0001",
  severity: "error",
  shortDescription: "SAM event names contain only letters and digits",
  description:
    "The name of each event of an AWS::Serverless::Function or AWS::Serverless::StateMachine contains only the " +
    "letters A-Z and a-z and the digits 0-9: the transform names the resources it makes for the event " +
    "<Resource><Event>, a logical id.",
  source: `${SAM_GUIDE}/sam-property-function-eventsource.html`,
  tags: ["sam", "events"],
  check({ template, report }) {
    for (const { resource, entry } of samEvents(template)) {
      // A loop's placeholders (an event a Fn::ForEach makes over a list the deploy gives) are its to fill.
      checkAlphanumeric(
        entry,
        `Event name of ${resource.name}`,
        ["Resources", resource.name, "Properties", "Events", entry.key],
        report,
        true,
        `the SAM transform names the resources it makes for the event ${resource.name}${entry.key}, and a ` +
          "logical id takes no other characters",
      );
    }
  },
};
