/** What the DynamoDB table rules share: the items of a table's index lists, and its billing mode and throughputs. */
import type { MapNode, Node } from "../../model";
import { mapGet } from "../../nodes";
import { type Known, UNDECIDED, valueWhere } from "../conditions/logic";
import { intrinsicName, isNoValue, type TemplateIndex, USER_GUIDE } from "../template-index";
import { literalNumber, literalString, plainMap } from "./values";

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
 * The table's billing mode where `known` holds (a reading's): the literal BillingMode, PROVISIONED
 * where it is absent (DynamoDB's default), undefined where it is given through another intrinsic
 * or a Fn::If the known conditions do not decide.
 */
export function billingMode(
  template: TemplateIndex,
  properties: MapNode,
  known: Known,
): { mode: string; explicit: boolean } | undefined {
  const value = valueWhere(template, mapGet(properties, "BillingMode")?.value, known);
  if (value === UNDECIDED) return undefined;
  if (!value) return { mode: "PROVISIONED", explicit: false };
  const mode = literalString(value);
  return mode !== undefined ? { mode, explicit: true } : undefined;
}

/**
 * The values of a table that its billing rules read together (readings): its BillingMode, its
 * ProvisionedThroughput and each plain global secondary index's.
 */
export function billingValues(properties: MapNode): (Node | undefined)[] {
  return [
    mapGet(properties, "BillingMode")?.value,
    mapGet(properties, "ProvisionedThroughput")?.value,
    ...(mappingItems(properties, "GlobalSecondaryIndexes") ?? []).map(
      (index) => mapGet(index.node, "ProvisionedThroughput")?.value,
    ),
  ];
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
