/** What the DynamoDB table rules share: the table's property sets and the items of its index lists. */
import type { MapEntry, MapNode, Node } from "../../model";
import { mapGet } from "../../nodes";
import { intrinsicName, isNoValue, USER_GUIDE } from "../template-index";
import { isAbsent, literalNumber, literalString, plainMap, presentEntry } from "./values";

export const TABLE = "AWS::DynamoDB::Table";
export const TABLE_DOCS = `${USER_GUIDE}/aws-resource-dynamodb-table.html`;

export interface ListItem<T extends Node = Node> {
  node: T;
  index: number;
}

/**
 * The items of a list property: [] when it is absent or `!Ref AWS::NoValue`, undefined when it
 * is not a literal list (an intrinsic, so its items are unknown).
 */
function listItems(properties: MapNode, key: string): ListItem[] | undefined {
  const value = mapGet(properties, key)?.value;
  if (!value || isNoValue(value)) return [];
  if (value.kind !== "seq") return undefined;
  return value.items.map((node, index) => ({ node, index }));
}

/** The items of a list property when every one is a plain mapping (no intrinsic), else undefined. */
export function mappingItems(properties: MapNode, key: string): ListItem<MapNode>[] | undefined {
  const items = listItems(properties, key);
  if (!items) return undefined;
  const out: ListItem<MapNode>[] = [];
  for (const item of items) {
    if (item.node.kind !== "map" || intrinsicName(item.node)) return undefined;
    out.push({ node: item.node, index: item.index });
  }
  return out;
}

/**
 * The table's billing mode: the literal BillingMode, PROVISIONED when it is absent (DynamoDB's
 * default), undefined when it is given through an intrinsic.
 */
export function billingMode(
  properties: MapNode,
): { mode: string; explicit: MapEntry | undefined } | undefined {
  if (isAbsent(properties, "BillingMode")) return { mode: "PROVISIONED", explicit: undefined };
  const entry = presentEntry(properties, "BillingMode");
  const mode = literalString(entry?.value);
  return entry && mode !== undefined ? { mode, explicit: entry } : undefined;
}

/** The two capacity units of a ProvisionedThroughput. */
export const CAPACITY_UNITS = ["ReadCapacityUnits", "WriteCapacityUnits"] as const;

/**
 * Whether a ProvisionedThroughput writes both capacity units as zero: CloudFormation takes that
 * on a PAY_PER_REQUEST table (or index) as no throughput at all, and refuses any other value
 * there (cfn-lint#4524, checked by deploying both).
 */
export function isZeroThroughput(throughput: Node): boolean {
  const map = plainMap(throughput);
  return map !== undefined && CAPACITY_UNITS.every((key) => literalNumber(mapGet(map, key)?.value) === 0);
}
