/**
 * E3027: schedule expressions have the form EventBridge accepts. An EventBridge rule's
 * ScheduleExpression (and a SAM `Schedule` event's Schedule) is `rate(value unit)` or a six-field
 * `cron(minutes hours day-of-month month day-of-week year)` in which day-of-month or day-of-week
 * is `?`; EventBridge Scheduler's (an AWS::Scheduler::Schedule, a SAM `ScheduleV2` event) also
 * takes a one-time `at(yyyy-mm-ddThh:mm:ss)`. A rate takes a positive whole number, and for a rule
 * the unit is singular for 1 (`rate(1 hour)`) and plural otherwise (`rate(5 hours)`).
 *
 * Beyond cfn-lint, which checks AWS::Events::Rule only: Scheduler schedules and SAM schedule
 * events, `at(...)`, the five-field Unix cron told apart with its fix, and each expression a
 * Fn::If chooses.
 */
import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import { placedValues } from "../conditions/logic";
import type { Rule } from "../rule";
import { eventPath, eventProperties, eventType, samEvents } from "../sam/events";
import { literalString, propertySets, resourcesOfType } from "./values";

type Service = "rule" | "scheduler";

const UNITS = ["minute", "hour", "day"];

export const scheduleExpression: Rule = {
  id: "E3027",
  severity: "error",
  shortDescription: "Schedule expressions are valid rate(), cron() or at() expressions",
  description:
    "An EventBridge schedule is rate(value unit) or a six-field cron(...) with '?' in day-of-month or " +
    "day-of-week; EventBridge Scheduler also takes at(yyyy-mm-ddThh:mm:ss).",
  source: "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html",
  tags: ["resources", "events"],
  check({ template, report }) {
    // A Fn::If's branches each, where the resource may be made with them.
    const check = (node: Node | undefined, service: Service, path: (string | number)[]) => {
      for (const value of node ? placedValues(template, node) : []) {
        const text = literalString(value);
        const problem = text === undefined ? undefined : scheduleProblem(text, service);
        if (problem) report(value, problem, { path });
      }
    };
    for (const [type, service] of [
      ["AWS::Events::Rule", "rule"],
      ["AWS::Scheduler::Schedule", "scheduler"],
    ] as const) {
      for (const resource of resourcesOfType(template, type)) {
        for (const { properties } of propertySets(resource)) {
          const path = ["Resources", resource.name, "Properties", "ScheduleExpression"];
          check(mapGet(properties, "ScheduleExpression")?.value, service, path);
        }
      }
    }
    for (const event of samEvents(template)) {
      const type = eventType(event);
      if (type !== "Schedule" && type !== "ScheduleV2") continue;
      const key = type === "Schedule" ? "Schedule" : "ScheduleExpression";
      const value = mapGet(eventProperties(event), key)?.value;
      check(value, type === "Schedule" ? "rule" : "scheduler", eventPath(event, "Properties", key));
    }
  },
};

/** What is wrong with a schedule expression, or undefined when it is well formed. */
export function scheduleProblem(text: string, service: Service): string | undefined {
  const call = /^(rate|cron|at)\((.*)\)$/s.exec(text);
  const allowed = service === "rule" ? "rate(...) or cron(...)" : "rate(...), cron(...) or at(...)";
  if (!call || (call[1] === "at" && service === "rule")) {
    return `A schedule expression is ${allowed}, for example rate(5 minutes) or cron(0 12 * * ? *)`;
  }
  const body = call[2].trim();
  if (call[1] === "at") {
    return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(body)
      ? undefined
      : "A one-time schedule is at(yyyy-mm-ddThh:mm:ss), for example at(2027-01-31T09:00:00)";
  }
  return call[1] === "rate" ? rateProblem(body, service) : cronProblem(body);
}

function rateProblem(body: string, service: Service): string | undefined {
  const parts = body.split(/\s+/);
  if (parts.length !== 2 || !/^\d+$/.test(parts[0]) || Number(parts[0]) === 0) {
    return "A rate is rate(value unit) with a whole number above 0 and a unit of minutes, hours or days, for example rate(5 minutes)";
  }
  const value = Number(parts[0]);
  const unit = parts[1];
  const stem = unit.endsWith("s") ? unit.slice(0, -1) : unit;
  if (!UNITS.includes(stem)) {
    return "The unit of a rate is minute(s), hour(s) or day(s), for example rate(5 minutes)";
  }
  if (service === "rule" && (value === 1) !== (unit === stem)) {
    const right = value === 1 ? stem : `${stem}s`;
    return `EventBridge wants the unit singular for a rate of 1 and plural otherwise: write rate(${value} ${right})`;
  }
  return undefined;
}

function cronProblem(body: string): string | undefined {
  const fields = body.split(/\s+/);
  if (fields.length === 5) {
    return (
      "EventBridge cron has six fields (minutes hours day-of-month month day-of-week year), not Unix cron's five: " +
      "add the year, usually *, and put ? in day-of-month or day-of-week, for example cron(0 12 * * ? *)"
    );
  }
  if (fields.length !== 6) {
    return "A cron expression has six fields: minutes hours day-of-month month day-of-week year, for example cron(0 12 * * ? *)";
  }
  if (fields[2] !== "?" && fields[4] !== "?") {
    return "Day-of-month and day-of-week cannot both be set: put ? in one of them, for example cron(0 12 * * ? *)";
  }
  return undefined;
}
