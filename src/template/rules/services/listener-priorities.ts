/**
 * E3964 (our own id; cfn-lint does not check it): two listener rules of one listener with the same
 * Priority. ELB refuses the second (PriorityInUse: "A listener can't have multiple rules with the
 * same priority"). The listener is compared as written (a Ref to the same
 * AWS::ElasticLoadBalancingV2::Listener, or the same text); rules that two different Conditions
 * make are not judged together.
 */
import type { Node } from "../../model";
import type { Rule } from "../rule";
import type { ResourceInfo } from "../template-index";
import { targetKey, together } from "./creation-order";
import { literalNumber, presentEntry, propertySets, resourcesOfType } from "./values";

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
