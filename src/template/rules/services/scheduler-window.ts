/**
 * E3932 (our own id): an EventBridge Scheduler schedule with a FLEXIBLE time window gives its
 * MaximumWindowInMinutes ("If you do set the value to FLEXIBLE, you must then specify a maximum
 * window of time", EventBridge Scheduler User Guide); without it the schedule fails to create.
 * Read from AWS::Scheduler::Schedule and SAM ScheduleV2 events.
 */
import type { MapNode } from "../../model";
import { mapGet } from "../../nodes";
import type { Report, Rule } from "../rule";
import { eventPath, eventProperties, eventType, samEvents } from "../sam/events";
import { isAbsent, literalString, plainMap, propertySets, resourcesOfType } from "./values";

function check(owner: MapNode | undefined, what: string, report: Report, path: (string | number)[]): void {
  const window = plainMap(mapGet(owner, "FlexibleTimeWindow")?.value);
  const mode = mapGet(window, "Mode")?.value;
  if (!window || literalString(mode) !== "FLEXIBLE" || !isAbsent(window, "MaximumWindowInMinutes")) return;
  report(
    mode ?? window,
    `${what} has a FLEXIBLE time window without MaximumWindowInMinutes, which EventBridge Scheduler requires with ` +
      "it; add MaximumWindowInMinutes (1 to 1,440), or set Mode: 'OFF'",
    { path: [...path, "FlexibleTimeWindow"] },
  );
}

export const schedulerWindow: Rule = {
  id: "E3932",
  severity: "error",
  shortDescription: "A flexible schedule window gives its maximum",
  description:
    "The FlexibleTimeWindow of an EventBridge Scheduler schedule (or a SAM ScheduleV2 event) with Mode FLEXIBLE has " +
    "MaximumWindowInMinutes.",
  source:
    "https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-schedule-flexible-time-windows.html",
  tags: ["resources", "scheduler", "serverless"],
  check({ template, report }) {
    for (const schedule of resourcesOfType(template, "AWS::Scheduler::Schedule")) {
      for (const { properties } of propertySets(schedule)) {
        check(properties, `Schedule '${schedule.name}'`, report, ["Resources", schedule.name, "Properties"]);
      }
    }
    for (const event of samEvents(template)) {
      if (eventType(event) !== "ScheduleV2") continue;
      check(
        plainMap(eventProperties(event)),
        `Event ${event.entry.key} of ${event.resource.name}`,
        report,
        eventPath(event, "Properties"),
      );
    }
  },
};
