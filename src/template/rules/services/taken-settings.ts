/**
 * Settings a service refuses at deploy that neither tool checked (our own ids):
 * - E3964: two listener rules of one listener with the same Priority. ELB refuses the second
 *   (PriorityInUse: "A listener can't have multiple rules with the same priority"). The listener
 *   is compared as written (a Ref to the same AWS::ElasticLoadBalancingV2::Listener, or the same
 *   text); rules that two different Conditions make are not judged together.
 * - E3965: a Firehose stream that delivers to S3 with dynamic partitioning enabled and no Prefix
 *   or no ErrorOutputPrefix. Firehose requires both then: the prefix holds the partitioning keys'
 *   expressions, and records it cannot partition go under the error prefix ("You must specify an
 *   S3 error bucket prefix for a Firehose stream if you want to enable dynamic partitioning").
 */
import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import type { ResourceInfo } from "../template-index";
import { targetKey, together } from "./creation-order";
import {
  literalBoolean,
  literalNumber,
  literalString,
  plainMap,
  presentEntry,
  propertySets,
  resourcesOfType,
} from "./values";

const LISTENER_RULE = "AWS::ElasticLoadBalancingV2::ListenerRule";

export const listenerRulePriority: Rule = {
  id: "E3964",
  severity: "error",
  shortDescription: "The rules of one listener have different priorities",
  description:
    "Two AWS::ElasticLoadBalancingV2::ListenerRule resources of the same listener with the same Priority: the load " +
    "balancer refuses the second (PriorityInUse).",
  source: "https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateRule.html",
  tags: ["resources", "elasticloadbalancingv2"],
  resourceTypes: [LISTENER_RULE],
  check({ template, report }) {
    for (const rule of resourcesOfType(template, LISTENER_RULE)) {
      const own = listenerPriority(rule);
      if (!own) continue;
      const rules = resourcesOfType(template, LISTENER_RULE);
      const first = rules
        .slice(0, rules.indexOf(rule))
        .find((other) => listenerPriority(other)?.key === own.key && together(template, rule, other));
      if (!first) continue;
      report(
        own.node,
        `listener rule ${rule.name} has Priority ${own.priority}, which listener rule ${first.name} of the same ` +
          "listener has too, and the load balancer refuses a second rule of one priority (PriorityInUse); give " +
          "each rule of the listener its own priority",
      );
    }
  },
};

/** A listener rule's listener and Priority, when both are written out (and no Fn::If chooses its Properties). */
function listenerPriority(rule: ResourceInfo): { key: string; priority: number; node: Node } | undefined {
  const sets = propertySets(rule);
  if (sets.length !== 1) return undefined;
  const { properties } = sets[0];
  const listener = targetKey(presentEntry(properties, "ListenerArn")?.value);
  const node = presentEntry(properties, "Priority")?.value;
  const priority = literalNumber(node);
  if (listener === undefined || priority === undefined || !node) return undefined;
  return { key: `${listener}\0${priority}`, priority, node };
}

const DELIVERY_STREAM = "AWS::KinesisFirehose::DeliveryStream";

export const dynamicPartitioningPrefixes: Rule = {
  id: "E3965",
  severity: "error",
  shortDescription: "A Firehose stream with dynamic partitioning has a Prefix and an ErrorOutputPrefix",
  description:
    "An ExtendedS3DestinationConfiguration with DynamicPartitioningConfiguration Enabled sets Prefix and " +
    "ErrorOutputPrefix; Firehose refuses the stream without them.",
  source: "https://docs.aws.amazon.com/firehose/latest/dev/dynamic-partitioning-error-handling.html",
  tags: ["resources", "kinesisfirehose"],
  resourceTypes: [DELIVERY_STREAM],
  check({ template, report }) {
    for (const stream of resourcesOfType(template, DELIVERY_STREAM)) {
      for (const { properties } of propertySets(stream)) {
        const destination = plainMap(presentEntry(properties, "ExtendedS3DestinationConfiguration")?.value);
        const partitioning = plainMap(mapGet(destination, "DynamicPartitioningConfiguration")?.value);
        const enabled = mapGet(partitioning, "Enabled")?.value;
        if (!destination || !enabled || literalBoolean(enabled) !== true) continue;
        const missing = ["Prefix", "ErrorOutputPrefix"].filter((key) => {
          const entry = mapGet(destination, key);
          // A value a Fn::If may leave out, or a function, is not judged.
          return entry === undefined || literalString(entry.value) === "";
        });
        if (missing.length === 0) continue;
        report(
          enabled,
          `Firehose stream ${stream.name} enables dynamic partitioning without ${missing.join(" or ")} in its ` +
            "ExtendedS3DestinationConfiguration, and Firehose refuses the stream: the Prefix holds the " +
            "partitioning keys' expressions (!{partitionKeyFromQuery:...}), and records that cannot be " +
            `partitioned go under the ErrorOutputPrefix; set ${missing.join(" and ")}`,
        );
      }
    }
  },
};
