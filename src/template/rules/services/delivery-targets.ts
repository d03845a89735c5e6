/**
 * Deliveries to a function, queue or topic of the template that no grant allows (checks cfn-lint
 * does not have; which grants count is ./delivery-grants.ts's):
 *
 * E3906: a log subscription filter to a function without a permission for logs.amazonaws.com.
 * CloudWatch Logs tests the destination when the filter is created, so the filter fails to create.
 * W3906: the permission exists, but the filter does not wait for it, so it may be created first.
 * W3907: an EventBridge rule target or an SNS subscription (lambda, sqs) without the permission or
 * policy its service needs. The stack deploys, and every delivery fails, with nothing in the
 * function's or the queue's logs to say why.
 *
 * A SAM function with an event of the same kind gets its permission from the transform, and is
 * left alone.
 */

import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import { dependsOn } from "../resources/circular-dependency";
import type { Rule } from "../rule";
import { type TemplateIndex, USER_GUIDE } from "../template-index";
import { deliveryTarget, grantFix, grantsFor, grantWanted, samEventOf } from "./delivery-grants";
import { literalString, presentEntry, propertySets, resourcesOfType } from "./values";

export const logSubscriptionPermission: Rule = {
  id: "E3906",
  severity: "error",
  shortDescription: "A log subscription filter's function lets CloudWatch Logs invoke it",
  description:
    "An AWS::Logs::SubscriptionFilter to a function of the template needs an AWS::Lambda::Permission for " +
    "logs.amazonaws.com: CloudWatch Logs tests the destination when the filter is created.",
  source: `${USER_GUIDE}/aws-resource-logs-subscriptionfilter.html`,
  tags: ["resources", "logs", "lambda"],
  check({ template, report }) {
    for (const { filter, value, target, grants } of logSubscriptions(template)) {
      if (grants.length > 0) continue;
      report(
        value,
        `Subscription filter '${filter}' sends log events to '${target}', which has no ` +
          `AWS::Lambda::Permission that lets logs.amazonaws.com invoke it: CloudWatch Logs tests the destination ` +
          `when the filter is created, and the filter fails to create; add an AWS::Lambda::Permission with ` +
          `FunctionName !GetAtt ${target}.Arn, Action lambda:InvokeFunction, Principal logs.amazonaws.com, and ` +
          "give the filter DependsOn on it",
      );
    }
  },
};

export const logSubscriptionOrder: Rule = {
  id: "W3906",
  severity: "warning",
  shortDescription: "A log subscription filter waits for its function's permission",
  description:
    "A subscription filter that does not depend on the permission that lets CloudWatch Logs invoke its function " +
    "may be created first, and then fails.",
  source: `${USER_GUIDE}/aws-resource-logs-subscriptionfilter.html`,
  tags: ["resources", "logs", "lambda"],
  check({ template, report }) {
    for (const { filter, value, target, grants } of logSubscriptions(template)) {
      if (grants.length === 0 || grants.some((grant) => dependsOn(template, filter, grant))) continue;
      report(
        value,
        `Subscription filter '${filter}' does not wait for the permission that lets CloudWatch Logs invoke ` +
          `'${target}', so CloudFormation may create the filter first, and it then fails to create; give it ` +
          `DependsOn on ${grants.length === 1 ? `'${grants[0]}'` : "the permission"}`,
      );
    }
  },
};

interface LogSubscription {
  filter: string;
  value: Node;
  target: string;
  grants: string[];
}

function logSubscriptions(template: TemplateIndex): LogSubscription[] {
  const found: LogSubscription[] = [];
  for (const filter of resourcesOfType(template, "AWS::Logs::SubscriptionFilter")) {
    for (const { properties } of propertySets(filter)) {
      const value = presentEntry(properties, "DestinationArn")?.value;
      const target = deliveryTarget(template, value, ["function"]);
      if (!value || !target || samEventOf(target, ["CloudWatchLogs"])) continue;
      found.push({
        filter: filter.name,
        value,
        target: target.resource.name,
        grants: grantsFor(template, target, "logs"),
      });
    }
  }
  return found;
}

export const deliveryWithoutGrant: Rule = {
  id: "W3907",
  severity: "warning",
  shortDescription: "EventBridge and SNS may deliver to the functions, queues and topics they target",
  description:
    "An EventBridge rule target or SNS subscription to a function, queue or topic of the template needs a Lambda " +
    "permission, queue policy or topic policy for that service; without it the stack deploys and every delivery " +
    "fails.",
  source: "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-use-resource-based.html",
  tags: ["resources", "events", "sns", "lambda", "sqs"],
  check({ template, report }) {
    for (const rule of resourcesOfType(template, "AWS::Events::Rule")) {
      for (const { properties } of propertySets(rule)) {
        const targets = presentEntry(properties, "Targets")?.value;
        for (const item of targets?.kind === "seq" ? targets.items : []) {
          const value = mapGet(item, "Arn")?.value;
          const target = deliveryTarget(template, value, ["function", "queue", "topic"]);
          if (!value || !target || samEventOf(target, ["CloudWatchEvent", "EventBridgeRule", "Schedule"]))
            continue;
          if (grantsFor(template, target, "events").length > 0) continue;
          report(
            value,
            `Rule '${rule.name}' targets '${target.resource.name}', which has no ${grantWanted(target, "events")}: ` +
              `the rule deploys, but EventBridge cannot deliver to it; ${grantFix(target, "events")}`,
          );
        }
      }
    }
    const subscriptions: { owner: string; item: Node }[] = [];
    for (const subscription of resourcesOfType(template, "AWS::SNS::Subscription")) {
      for (const { properties } of propertySets(subscription))
        subscriptions.push({ owner: `Subscription '${subscription.name}'`, item: properties });
    }
    for (const topic of resourcesOfType(template, "AWS::SNS::Topic")) {
      for (const { properties } of propertySets(topic)) {
        const list = presentEntry(properties, "Subscription")?.value;
        for (const item of list?.kind === "seq" ? list.items : [])
          subscriptions.push({ owner: `A subscription of topic '${topic.name}'`, item });
      }
    }
    for (const { owner, item } of subscriptions) {
      const protocol = literalString(mapGet(item, "Protocol")?.value);
      if (protocol !== "lambda" && protocol !== "sqs") continue;
      const value = mapGet(item, "Endpoint")?.value;
      const target = deliveryTarget(template, value, [protocol === "lambda" ? "function" : "queue"]);
      if (!value || !target || samEventOf(target, ["SNS"])) continue;
      if (grantsFor(template, target, "sns").length > 0) continue;
      report(
        value,
        `${owner} delivers to '${target.resource.name}', which has no ${grantWanted(target, "sns")}: the ` +
          `subscription deploys, but SNS cannot deliver to it; ${grantFix(target, "sns")}`,
      );
    }
  },
};
