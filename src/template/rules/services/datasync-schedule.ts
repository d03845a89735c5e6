/**
 * E3956 (our own id): a DataSync task scheduled to run more often than once an hour. "A scheduled
 * DataSync task runs at a frequency that you specify, with a minimum interval of 1 hour ... You
 * can't schedule a task to run at an interval faster than 1 hour" (the DataSync User Guide's task
 * scheduling page; the TaskSchedule API reference says the same), so CreateTask refuses the
 * schedule and the stack fails. cfn-lint does not judge it. Round 46 found `rate(5 minutes)` as a
 * parameter's Default.
 *
 * Faster than an hour: `rate(N minutes)` with N under 60, and a `cron(...)` whose minutes field
 * names more than one minute (`*`, `0/15`, `0,30`, `0-5`). A cron whose hours field alone repeats
 * runs at most once an hour. The expression is read as E2533 reads a runtime (givenTexts): written
 * out, in a Fn::If's branches, or given by a parameter or a function of the template's text; one a
 * parameter's value or a Region's mapping entry chooses is a warning, as another choice may not be.
 */
import { mapGet } from "../../nodes";
import { givenTexts, reportGiven } from "../functions/resolve";
import type { Rule } from "../rule";
import { propertySets, resourcesOfType } from "./values";

const TASK = "AWS::DataSync::Task";

export const dataSyncScheduleInterval: Rule = {
  id: "E3956",
  severity: "error",
  shortDescription: "DataSync task schedules run at most once an hour",
  description:
    "DataSync refuses a task schedule that runs more often than once an hour: a rate() under 60 minutes, or a " +
    "cron() whose minutes field names more than one minute.",
  source: "https://docs.aws.amazon.com/datasync/latest/userguide/task-scheduling.html",
  tags: ["resources", "datasync", "schedule"],
  resourceTypes: [TASK],
  check({ template, report }) {
    for (const resource of resourcesOfType(template, TASK)) {
      for (const { properties } of propertySets(resource)) {
        const entry = mapGet(mapGet(properties, "Schedule")?.value, "ScheduleExpression");
        if (!entry) continue;
        const path = ["Resources", resource.name, "Properties", "Schedule", "ScheduleExpression"];
        for (const found of givenTexts(entry.value, template, false)) {
          const runs = fasterThanHourly(found.text);
          if (runs === undefined) continue;
          const said =
            `the schedule of DataSync task ${resource.name} ${found.hidden ? "" : `(${found.text}) `}runs ${runs}, ` +
            "and DataSync refuses a schedule faster than once an hour, so creating the task fails; " +
            "run it at most hourly (rate(1 hour), or a cron() with one minute)";
          reportGiven(report, found, said, { path });
        }
      }
    }
  },
};

/** How often an expression runs where that is more than once an hour ("every 5 minutes"); else undefined. */
export function fasterThanHourly(expression: string): string | undefined {
  const rate = /^\s*rate\(\s*(\d+)\s+minutes?\s*\)\s*$/i.exec(expression);
  if (rate) {
    const minutes = Number(rate[1]);
    return minutes > 0 && minutes < 60
      ? `every ${minutes === 1 ? "minute" : `${minutes} minutes`}`
      : undefined;
  }
  const cron = /^\s*cron\((.*)\)\s*$/i.exec(expression);
  if (!cron) return undefined;
  const [minutesField] = cron[1].trim().split(/\s+/);
  const count = minutesField === undefined ? undefined : minuteCount(minutesField);
  return count !== undefined && count > 1 ? `at ${count} minutes of the hour` : undefined;
}

/** How many minutes of the hour (0 to 59) a cron minutes field names; undefined where it cannot be read. */
function minuteCount(field: string): number | undefined {
  const minutes = new Set<number>();
  for (const part of field.split(",")) {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!match) return undefined;
    const [, all, first, last, stepText] = match;
    const start = all === "*" ? 0 : Number(first);
    const end = all === "*" ? 59 : last !== undefined ? Number(last) : stepText !== undefined ? 59 : start;
    const step = stepText === undefined ? 1 : Number(stepText);
    if (start > 59 || end > 59 || start > end || step < 1) return undefined;
    for (let minute = start; minute <= end; minute += step) minutes.add(minute);
  }
  return minutes.size;
}
