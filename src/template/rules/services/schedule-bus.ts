/**
 * E3911 (a check cfn-lint does not have): an EventBridge rule with a ScheduleExpression on a
 * custom event bus. Scheduled rules run only on the default event bus (EventBridge User Guide,
 * "Creating a rule that runs on a schedule": "You can only create scheduled rules using the default
 * event bus"), and EventBridge refuses the rule. The bus counts as custom when EventBusName names
 * an AWS::Events::EventBus of the template, or is a literal name or ARN other than `default`.
 * EventBridge Scheduler (AWS::Scheduler::Schedule) is the way to run a target on a schedule with
 * events of its own bus.
 */
import type { Rule } from "../rule";
import { literalString, presentEntry, propertySets, referenceTarget, resourcesOfType } from "./values";

export const scheduleOnCustomBus: Rule = {
  id: "E3911",
  severity: "error",
  shortDescription: "Scheduled EventBridge rules are on the default event bus",
  description:
    "An AWS::Events::Rule with a ScheduleExpression runs only on the default event bus; EventBridge refuses it on a " +
    "custom bus.",
  source: "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-rule-schedule.html",
  tags: ["resources", "events"],
  resourceTypes: ["AWS::Events::Rule"],
  check({ template, report }) {
    for (const rule of resourcesOfType(template, "AWS::Events::Rule")) {
      for (const { properties } of propertySets(rule)) {
        const bus = presentEntry(properties, "EventBusName")?.value;
        if (!bus || !presentEntry(properties, "ScheduleExpression")) continue;
        const target = referenceTarget(bus);
        const literal = literalString(bus);
        const custom = target
          ? template.resources.get(target.name)?.type === "AWS::Events::EventBus"
          : literal !== undefined && literal !== "default" && !literal.endsWith(":event-bus/default");
        if (!custom) continue;
        report(
          bus,
          `Rule '${rule.name}' has a ScheduleExpression on a custom event bus, and EventBridge runs scheduled rules ` +
            "only on the default bus; remove EventBusName, or schedule the target with an AWS::Scheduler::Schedule",
          { path: ["Resources", rule.name, "Properties", "EventBusName"] },
        );
      }
    }
  },
};
