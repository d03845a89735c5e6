/**
 * E3615: a CloudWatch alarm's Period is one CloudWatch accepts (10, 20 or 30 seconds for a
 * high-resolution alarm, else a multiple of 60; 1 and 5 seconds are possible too in a MetricStat
 * of a metric math alarm), and its evaluation stays within CloudWatch's window: Period times
 * EvaluationPeriods at most seven days, and at most one day when the Period is under an hour.
 * PutMetricAlarm refuses the others.
 *
 * cfn-lint holds the Period to 10, 30 or a multiple of 60, and so refuses 20, which the
 * PutMetricAlarm reference allows; here 20 passes. The evaluation window and the periods inside
 * Metrics go beyond cfn-lint.
 */
import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import { literalNumber, presentEntry, propertySets, resourcesOfType } from "./values";

const HIGH_RESOLUTION = [10, 20, 30];
const METRIC_STAT_HIGH_RESOLUTION = [1, 5, 10, 20, 30];
const DAY = 86_400;
const WEEK = 7 * DAY;

export const alarmPeriod: Rule = {
  id: "E3615",
  severity: "error",
  shortDescription: "A CloudWatch alarm's Period and evaluation window are ones CloudWatch accepts",
  description:
    "An alarm's Period is 10, 20, 30 or a multiple of 60 seconds (a MetricStat's may also be 1 or 5), and Period " +
    "times EvaluationPeriods is at most 7 days (1 day when the Period is under an hour).",
  source: "https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html",
  tags: ["resources", "cloudwatch"],
  check({ template, report }) {
    for (const alarm of resourcesOfType(template, "AWS::CloudWatch::Alarm")) {
      for (const { properties } of propertySets(alarm)) {
        const base = ["Resources", alarm.name, "Properties"];
        const period = presentEntry(properties, "Period");
        const seconds = checkPeriod(period?.value, HIGH_RESOLUTION, [...base, "Period"]);
        const evaluations = presentEntry(properties, "EvaluationPeriods");
        const count = literalNumber(evaluations?.value);
        if (seconds !== undefined && evaluations && count !== undefined) {
          const limit = seconds < 3600 ? DAY : WEEK;
          if (seconds * count > limit) {
            const window =
              limit === DAY
                ? "an alarm whose Period is under an hour over at most one day (86400 seconds)"
                : "an alarm over at most seven days (604800 seconds)";
            report(
              evaluations.value,
              `Period ${seconds} times EvaluationPeriods ${count} is ${seconds * count} seconds, and CloudWatch ` +
                `evaluates ${window}; lower EvaluationPeriods or lengthen the Period`,
              { path: [...base, "EvaluationPeriods"] },
            );
          }
        }
        const metrics = presentEntry(properties, "Metrics")?.value;
        if (metrics?.kind !== "seq") continue;
        metrics.items.forEach((query, index) => {
          const stat = mapGet(query, "MetricStat")?.value;
          const path = [...base, "Metrics", index, "MetricStat", "Period"];
          checkPeriod(mapGet(stat, "Period")?.value, METRIC_STAT_HIGH_RESOLUTION, path);
        });
      }
    }

    /** Reports a period CloudWatch refuses; returns the period when it is a literal number. */
    function checkPeriod(
      node: Node | undefined,
      short: number[],
      path: (string | number)[],
    ): number | undefined {
      const seconds = literalNumber(node);
      if (node === undefined || seconds === undefined) return undefined;
      if (short.includes(seconds) || (seconds > 0 && seconds % 60 === 0)) return seconds;
      report(
        node,
        `A Period of ${seconds} seconds is not one CloudWatch accepts: use ${short.join(", ")} (high resolution) or a ` +
          "multiple of 60",
        { path },
      );
      return undefined;
    }
  },
};
