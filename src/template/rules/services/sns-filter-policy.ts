/**
 * E3977 (our own id): SNS subscription filter policies within what SNS accepts. The grammar is
 * E3915's; these are SNS's own limits, which it checks when the subscription is made (Subscribe and
 * SetSubscriptionAttributes fail, "Invalid parameter: FilterPolicy: ..."):
 * - a nested policy (a field that holds an object) needs FilterPolicyScope MessageBody: "Filter
 *   policy scope MessageAttributes does not support nested filter policy", and MessageAttributes is
 *   the default scope;
 * - an empty list matches nothing ("Empty arrays are not allowed");
 * - a policy on message attributes names at most five attributes ("Filter policy can not have more
 *   than 5 keys");
 * - the values of a policy, multiplied together across its lists, are at most 150 ("Filter policy is
 *   too complex"; the SNS Developer Guide's filter policy constraints).
 * The SNS Developer Guide's constraints, and the messages emulators of the API copy from its tests
 * against AWS. Read on AWS::SNS::Subscription and SAM SNS events, for a policy written out (as a
 * mapping or JSON text); a policy with `$or` is left to E3915 but for empty lists.
 */
import type { MapEntry, MapNode, Node } from "../../model";
import { mapGet } from "../../nodes";
import type { Report, Rule } from "../rule";
import { eventPath, eventProperties, eventType, samEvents } from "../sam/events";
import { staticDocument } from "../serverless/documents";
import { intrinsicName } from "../template-index";
import { literalString, plainMap, propertySets, resourcesOfType } from "./values";

const MAX_KEYS = 5;
const MAX_COMBINATIONS = 150;

/** The lists of a policy's fields, nested fields included, with whether any field holds an object. */
function leaves(policy: MapNode): { lists: Node[]; nested: Node | undefined; or: boolean } {
  const lists: Node[] = [];
  let nested: Node | undefined;
  let or = false;
  const walk = (node: MapNode) => {
    for (const entry of node.entries) {
      if (entry.key === "$or") or = true;
      const value = entry.value;
      if (intrinsicName(value)) continue;
      if (value.kind === "map") {
        if (entry.key !== "$or") nested ??= value;
        walk(value);
      } else if (value.kind === "seq") {
        if (entry.key === "$or") {
          for (const item of value.items) if (item.kind === "map" && !intrinsicName(item)) walk(item);
        } else lists.push(value);
      }
    }
  };
  walk(policy);
  return { lists, nested, or };
}

function checkPolicy(
  policy: MapEntry | undefined,
  scope: string | undefined,
  where: string,
  report: Report,
  path: (string | number)[],
) {
  const document = policy && staticDocument(policy);
  const root = document && plainMap(document.node);
  if (!root) return;
  const { lists, nested, or } = leaves(root);
  for (const list of lists) {
    if (list.kind === "seq" && list.items.length === 0)
      report(
        list,
        `An empty list in ${where.charAt(0).toLowerCase()}${where.slice(1)} matches nothing, and SNS refuses it ` +
          "(Empty arrays are not allowed)",
        {
          path,
        },
      );
  }
  const onAttributes = scope === undefined || scope === "MessageAttributes";
  if (nested && onAttributes) {
    report(
      nested,
      `${where} is nested, and SNS filters nested policies on the message body only ("Filter policy scope ` +
        'MessageAttributes does not support nested filter policy"); set FilterPolicyScope: MessageBody, or match ' +
        "message attributes with a flat policy",
      { path },
    );
    return;
  }
  if (or) return;
  if (onAttributes && root.entries.length > MAX_KEYS) {
    report(
      root.entries[MAX_KEYS].keyRange,
      `${where} names ${root.entries.length} message attributes, and SNS takes at most ${MAX_KEYS} in a filter ` +
        "policy; match on fewer attributes, or filter on the message body",
      { path },
    );
  }
  const combinations = lists.reduce(
    (product, list) => product * (list.kind === "seq" ? Math.max(list.items.length, 1) : 1),
    1,
  );
  if (combinations > MAX_COMBINATIONS) {
    report(
      root,
      `${where} has ${combinations} combinations of values (the lengths of its lists multiplied), and SNS takes at ` +
        `most ${MAX_COMBINATIONS} (Filter policy is too complex); split it across subscriptions, or match with ` +
        "prefix or anything-but",
      { path },
    );
  }
}

export const snsFilterPolicyLimits: Rule = {
  id: "E3977",
  severity: "error",
  shortDescription: "SNS filter policies keep within SNS's limits",
  description:
    "An SNS subscription's FilterPolicy is nested only with FilterPolicyScope MessageBody, holds no empty list, names " +
    "at most 5 message attributes and multiplies out to at most 150 combinations of values.",
  source: "https://docs.aws.amazon.com/sns/latest/dg/subscription-filter-policy-constraints.html",
  tags: ["resources", "sns", "serverless"],
  check({ template, report }) {
    for (const subscription of resourcesOfType(template, "AWS::SNS::Subscription")) {
      for (const { properties } of propertySets(subscription)) {
        const scopeNode = mapGet(properties, "FilterPolicyScope")?.value;
        if (scopeNode && literalString(scopeNode) === undefined) continue;
        checkPolicy(
          mapGet(properties, "FilterPolicy"),
          literalString(scopeNode),
          `The FilterPolicy of subscription ${subscription.name}`,
          report,
          ["Resources", subscription.name, "Properties", "FilterPolicy"],
        );
      }
    }
    for (const event of samEvents(template)) {
      if (eventType(event) !== "SNS") continue;
      const properties = eventProperties(event);
      const scopeNode = mapGet(properties, "FilterPolicyScope")?.value;
      if (scopeNode && literalString(scopeNode) === undefined) continue;
      checkPolicy(
        mapGet(properties, "FilterPolicy"),
        literalString(scopeNode),
        `The FilterPolicy of event ${event.entry.key} of ${event.resource.name}`,
        report,
        eventPath(event, "Properties", "FilterPolicy"),
      );
    }
  },
};
