import { mapGet } from "../../nodes";
import { didYouMean } from "../../suggest";
import type { Rule } from "../rule";
import { kindName } from "../template/scalars";
import { isString } from "../template-index";
import { SAM_GUIDE, samEvents } from "./events";

/**
 * cfn-lint reports what the SAM transform rejects as E0001, with the transform's own message;
 * this rule finds the event types the transform does not know without running it.
 */
export const samEventType: Rule = {
  id: "E0001",
  severity: "error",
  shortDescription: "SAM event sources have a known Type",
  description:
    "Each event of an AWS::Serverless::Function or AWS::Serverless::StateMachine names, in Type, an event source " +
    "type SAM knows for that resource type (S3, SNS, SQS, Api, HttpApi, Schedule, ... for functions; Api, " +
    "Schedule, ScheduleV2, CloudWatchEvent and EventBridgeRule for state machines).",
  source: `${SAM_GUIDE}/sam-property-function-eventsource.html`,
  tags: ["sam", "events"],
  check({ template, report }) {
    for (const event of samEvents(template)) {
      const { resource, entry, sources } = event;
      const where = `Event ${entry.key} of ${resource.name}`;
      const path = ["Resources", resource.name, "Properties", "Events", entry.key, "Type"];
      const known = Object.keys(sources);
      if (!event.body) {
        report(
          entry.value,
          `${where} must be a mapping of Type and Properties, not ${kindName(entry.value)}`,
          {
            path: path.slice(0, -1),
          },
        );
        continue;
      }
      const type = mapGet(event.body, "Type");
      if (!type) {
        report(entry.keyRange, `${where} has no Type; SAM needs one of ${known.join(", ")}`, { path });
        continue;
      }
      if (!isString(type.value)) {
        report(
          type.value,
          `${where}: Type must be written as a string; SAM does not resolve functions there`,
          {
            path,
          },
        );
        continue;
      }
      if (sources[type.value.value]) continue;
      const hint = didYouMean(type.value.value, known);
      report(
        type.value,
        `${where}: '${type.value.value}' is not an event source type of ${resource.type}${hint || `; use one of ${known.join(", ")}`}`,
        { path },
      );
    }
  },
};
