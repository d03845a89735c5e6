/**
 * Log subscription filters as CloudWatch Logs takes them: how many a log group has (E2529) and the
 * role beside a Lambda destination (E3976).
 *
 * E2529: a CloudWatch Logs log group takes at most two subscription filters, and PutSubscription
 * Filter refuses a third. The filters are the AWS::Logs::SubscriptionFilter resources and, under
 * SAM, the CloudWatchLogs events of functions (each becomes one), grouped by their LogGroupName
 * as written; filters under a Condition, which may not exist, and names that depend on one are
 * not counted. Filters made outside the template are not known, so the count is a lower bound.
 *
 * Beyond cfn-lint, which counts the resources only: SAM events, and every filter past the second
 * reported at its own LogGroupName.
 *
 * E3976 (our own id): a subscription filter whose destination is a Lambda function gives no RoleArn.
 * CloudWatch Logs invokes a function through the function's resource policy, and PutSubscription
 * Filter refuses a role beside it ("destinationArn for vendor lambda cannot be used with roleArn",
 * InvalidParameterException, the text emulators of the API copy). The function is known by a
 * `!GetAtt <Function>.Arn` or `!Ref` of an alias or version of the template, or by an ARN written
 * out. cfn-lint has no such check.
 */
import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import { canonical } from "../constraints/walk";
import type { Rule } from "../rule";
import { eventPath, eventProperties, eventType, samEvents } from "../sam/events";
import type { TemplateIndex } from "../template-index";
import { deliveryTarget } from "./delivery-grants";
import {
  arnParts,
  dependsOnCondition,
  literalOrSubText,
  onlyPropertySet,
  presentEntry,
  propertySets,
  resourcesOfType,
} from "./values";

const LIMIT = 2;

interface Filter {
  /** How the filter is named in messages. */
  name: string;
  logGroup: Node;
  path: (string | number)[];
}

export const logSubscriptions: Rule = {
  id: "E2529",
  severity: "error",
  shortDescription: "A log group has at most two subscription filters",
  description:
    "CloudWatch Logs allows two subscription filters on a log group; a third SubscriptionFilter (or SAM " +
    "CloudWatchLogs event) on the same LogGroupName fails.",
  source: "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch_limits_cwl.html",
  tags: ["resources", "lambda", "logs"],
  check({ template, report }) {
    const filters: Filter[] = [];
    for (const resource of resourcesOfType(template, "AWS::Logs::SubscriptionFilter")) {
      const entry = !resource.condition && onlyPropertySet(resource);
      const logGroup = entry && presentEntry(entry.properties, "LogGroupName");
      if (!logGroup) continue;
      filters.push({
        name: `'${resource.name}'`,
        logGroup: logGroup.value,
        path: ["Resources", resource.name, "Properties", "LogGroupName"],
      });
    }
    for (const event of samEvents(template)) {
      if (event.resource.condition || eventType(event) !== "CloudWatchLogs") continue;
      const logGroup = mapGet(eventProperties(event), "LogGroupName");
      if (!logGroup) continue;
      filters.push({
        name: `event '${event.entry.key}' of '${event.resource.name}'`,
        logGroup: logGroup.value,
        path: eventPath(event, "Properties", "LogGroupName"),
      });
    }
    const byGroup = new Map<string, Filter[]>();
    for (const filter of filters) {
      if (dependsOnCondition(filter.logGroup)) continue;
      const key = canonical(filter.logGroup);
      const list = byGroup.get(key);
      if (list) list.push(filter);
      else byGroup.set(key, [filter]);
    }
    for (const list of byGroup.values()) {
      const first = list
        .slice(0, LIMIT)
        .map((filter) => filter.name)
        .join(" and ");
      for (const filter of list.slice(LIMIT)) {
        report(
          filter.logGroup,
          `This log group already has ${LIMIT} subscription filters in this template (${first}), and CloudWatch ` +
            `Logs allows ${LIMIT} a log group; send the logs to one destination that fans out (a Kinesis stream or ` +
            "a Lambda function), or subscribe another log group",
          { path: filter.path },
        );
      }
    }
  },
};

/** Whether an ARN value names a Lambda function: written out, or a function, alias or version of the template. */
function lambdaDestination(template: TemplateIndex, arn: Node): boolean {
  const text = literalOrSubText(arn);
  if (text !== undefined) return arnParts(text)?.[2] === "lambda";
  return deliveryTarget(template, arn, ["function"]) !== undefined;
}

export const logSubscriptionRole: Rule = {
  id: "E3976",
  severity: "error",
  shortDescription: "A log subscription filter to a Lambda function gives no RoleArn",
  description:
    "CloudWatch Logs invokes a subscription's Lambda function through the function's resource policy, and refuses " +
    "a RoleArn with a Lambda destination.",
  source: "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/SubscriptionFilters.html",
  tags: ["resources", "lambda", "logs"],
  resourceTypes: ["AWS::Logs::SubscriptionFilter"],
  check({ template, report }) {
    for (const filter of resourcesOfType(template, "AWS::Logs::SubscriptionFilter")) {
      for (const { properties } of propertySets(filter)) {
        const destination = presentEntry(properties, "DestinationArn")?.value;
        const role = presentEntry(properties, "RoleArn");
        if (!destination || !role || !lambdaDestination(template, destination)) continue;
        report(
          role.keyRange,
          `Subscription filter ${filter.name} sends to a Lambda function and gives a RoleArn, and CloudWatch Logs ` +
            "refuses a role for a Lambda destination; remove RoleArn, and let logs.amazonaws.com invoke the " +
            "function with an AWS::Lambda::Permission",
          { path: ["Resources", filter.name, "Properties", "RoleArn"] },
        );
      }
    }
  },
};
