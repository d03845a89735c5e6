/**
 * E3924 (our own id): the key schemas of a DynamoDB table and its indexes as DynamoDB takes them,
 * with the messages of its own refusals:
 * - a KeySchema is a HASH element, then at most one RANGE element ("The first KeySchemaElement is
 *   not a HASH key type"); a global secondary index's may have up to four of each, HASH elements
 *   first (multi-attribute keys, since November 2025: the DynamoDB Developer Guide's
 *   GSI.DesignPattern.MultiAttributeKeys);
 * - a local secondary index needs a table with a RANGE key ("Table KeySchema does not have a range
 *   key, which is required when specifying a LocalSecondaryIndex") and the table's HASH key
 *   ("Index KeySchema does not have the same leading hash key as table KeySchema");
 * - NonKeyAttributes go with ProjectionType INCLUDE only, and INCLUDE needs them ("ProjectionType is
 *   INCLUDE, but NonKeyAttributes is not specified", which a DynamoDB conformance suite records of
 *   CreateTable);
 * - a KeyType is HASH or RANGE, as written (keyTypes);
 * - the table's HASH and RANGE keys are two attributes ("Both the Hash Key and the Range Key element
 *   in the KeySchema have the same name"; an index's are E3037's, from the provider schema);
 * - no two secondary indexes, global or local, share an IndexName ("Duplicate index name", which
 *   DynamoDB conformance suites record of CreateTable).
 * Only key schemas and projections written out are read.
 */
import type { MapNode, Node } from "../../model";
import { mapGet } from "../../nodes";
import type { Report, Rule } from "../rule";
import { mappingItems, TABLE, TABLE_DOCS } from "./dynamodb";
import { isAbsent, literalString, plainMap, presentEntry, propertySets, resourcesOfType } from "./values";

interface Key {
  name: string | undefined;
  type: string | undefined;
  /** The KeyType's value, where it is written. */
  at: Node | undefined;
}

/** The elements of a KeySchema written out, or undefined. */
function keys(owner: MapNode): { keys: Key[]; node: MapNode["entries"][number] } | undefined {
  const items = mappingItems(owner, "KeySchema");
  const entry = mapGet(owner, "KeySchema");
  if (!items || !entry) return undefined;
  return {
    keys: items.map(({ node }) => {
      const at = mapGet(node, "KeyType")?.value;
      return { name: literalString(mapGet(node, "AttributeName")?.value), type: literalString(at), at };
    }),
    node: entry,
  };
}

/** How many HASH and how many RANGE elements a global secondary index's KeySchema may have. */
const GLOBAL_INDEX_KEYS = 4;

/**
 * What is wrong with the order of a KeySchema, if anything. `global`: a global secondary index's,
 * whose partition and sort keys may each be made of up to four attributes.
 */
function orderProblem(schema: Key[], global = false): string | undefined {
  if (schema.some((key) => key.type !== "HASH" && key.type !== "RANGE")) return undefined; // keyTypes's
  if (schema[0]?.type !== "HASH") return "does not start with its HASH key";
  const hashes = schema.findIndex((key) => key.type === "RANGE");
  const hashCount = hashes === -1 ? schema.length : hashes;
  const ordered = schema.slice(hashCount).every((key) => key.type === "RANGE");
  if (!global) {
    return hashCount > 1 || schema.length > 2 || !ordered
      ? "is not one HASH key and at most one RANGE key after it"
      : undefined;
  }
  return !ordered || hashCount > GLOBAL_INDEX_KEYS || schema.length - hashCount > GLOBAL_INDEX_KEYS
    ? "is not one to four HASH keys and at most four RANGE keys after them"
    : undefined;
}

export const dynamoDbKeys: Rule = {
  id: "E3924",
  severity: "error",
  shortDescription: "DynamoDB key schemas are HASH then RANGE, and indexes fit the table",
  description:
    "Each KeySchema of a DynamoDB table and its local indexes is a HASH key and at most one RANGE key after it (a " +
    "global index's up to four of each, HASH first); a local " +
    "secondary index needs a table with a RANGE key and the table's HASH key; NonKeyAttributes go with ProjectionType " +
    "INCLUDE; a KeyType is HASH or RANGE; no two indexes share a name.",
  source: TABLE_DOCS,
  tags: ["resources", "dynamodb"],
  resourceTypes: [TABLE],
  check({ template, report }) {
    for (const table of resourcesOfType(template, TABLE)) {
      for (const { properties } of propertySets(table)) {
        checkTable(table.name, properties, report);
      }
    }
  },
};

/**
 * KeyType values other than HASH and RANGE, which DynamoDB refuses (the KeySchemaElement reference;
 * the values are case-sensitive). The table's provider schema leaves KeyType free (cfn-lint's
 * patch requires HASH then RANGE for the table's own KeySchema only).
 */
function keyTypes(schema: Key[], owner: string, path: (string | number)[], report: Report): void {
  schema.forEach((key, i) => {
    if (key.type === undefined || key.type === "HASH" || key.type === "RANGE" || !key.at) return;
    const upper = key.type.toUpperCase();
    const meant = upper === "HASH" || upper === "RANGE" ? ` (did you mean '${upper}'?)` : "";
    report(
      key.at,
      `KeyType '${key.type}' in the KeySchema of ${owner} must be HASH or RANGE${meant}, so DynamoDB refuses it`,
      {
        path: [...path, "KeySchema", i, "KeyType"],
      },
    );
  });
}

function checkTable(name: string, properties: MapNode, report: Report): void {
  const base = ["Resources", name, "Properties"];
  const own = keys(properties);
  if (own) keyTypes(own.keys, `table ${name}`, base, report);
  const problem = own && orderProblem(own.keys);
  if (own && problem) {
    report(
      own.node.value,
      `The KeySchema of table ${name} ${problem}, so DynamoDB refuses it; write HASH first`,
      {
        path: [...base, "KeySchema"],
      },
    );
  } else if (
    own?.keys.length === 2 &&
    own.keys[0].name !== undefined &&
    own.keys[0].name === own.keys[1].name
  ) {
    report(
      own.node.value,
      `The HASH and RANGE keys of table ${name} are both ${own.keys[0].name}, and DynamoDB refuses a KeySchema whose ` +
        "keys have the same name; sort on another attribute, or leave the RANGE key out",
      { path: [...base, "KeySchema"] },
    );
  }
  const tableHash = own?.keys[0]?.type === "HASH" ? own.keys[0].name : undefined;
  // Known only when every KeyType is written out.
  const typesKnown = own?.keys.every((key) => key.type !== undefined);
  const tableHasRange = own?.keys.some((key) => key.type === "RANGE");
  const named = new Set<string>();
  for (const list of ["GlobalSecondaryIndexes", "LocalSecondaryIndexes"]) {
    for (const { node: index, index: i } of mappingItems(properties, list) ?? []) {
      const nameNode = mapGet(index, "IndexName")?.value;
      const written = literalString(nameNode);
      const indexName = written ?? `${list}[${i}]`;
      const path = [...base, list, i];
      if (written !== undefined && nameNode && named.has(written)) {
        report(
          nameNode,
          `Another index of table ${name} is named ${written} too, and DynamoDB refuses the table (Duplicate index ` +
            "name); give each index its own IndexName",
          { path: [...path, "IndexName"] },
        );
      }
      if (written !== undefined) named.add(written);
      const schema = keys(index);
      if (schema) keyTypes(schema.keys, `index ${indexName}`, path, report);
      const indexProblem = schema && orderProblem(schema.keys, list === "GlobalSecondaryIndexes");
      if (schema && indexProblem) {
        report(
          schema.node.value,
          `The KeySchema of index ${indexName} ${indexProblem}, so DynamoDB refuses it`,
          {
            path: [...path, "KeySchema"],
          },
        );
      }
      if (list === "LocalSecondaryIndexes" && own && !problem && typesKnown) {
        if (!tableHasRange) {
          report(
            schema?.node.keyRange ?? index.range,
            `Local secondary index ${indexName} needs table ${name} to have a RANGE key, and it has none, so ` +
              "DynamoDB refuses the table; add a RANGE key to the table, or make the index global",
            { path },
          );
        } else if (
          schema &&
          !indexProblem &&
          tableHash &&
          schema.keys[0].name &&
          schema.keys[0].name !== tableHash
        ) {
          report(
            schema.node.value,
            `Local secondary index ${indexName} has HASH key ${schema.keys[0].name}, but a local index keeps the ` +
              `table's HASH key (${tableHash}), so DynamoDB refuses it; use ${tableHash}, or make the index global`,
            { path: [...path, "KeySchema"] },
          );
        }
      }
      const projection = plainMap(mapGet(index, "Projection")?.value);
      const type = literalString(mapGet(projection, "ProjectionType")?.value);
      const nonKey = projection && presentEntry(projection, "NonKeyAttributes");
      if (nonKey && type !== undefined && type !== "INCLUDE") {
        report(
          nonKey.keyRange,
          `Index ${indexName} lists NonKeyAttributes with ProjectionType ${type}, so DynamoDB refuses it; ` +
            "NonKeyAttributes go with ProjectionType INCLUDE",
          { path: [...path, "Projection", "NonKeyAttributes"] },
        );
      }
      const typeNode = mapGet(projection, "ProjectionType")?.value;
      if (projection && typeNode && type === "INCLUDE" && isAbsent(projection, "NonKeyAttributes")) {
        report(
          typeNode,
          `Index ${indexName} has ProjectionType INCLUDE but no NonKeyAttributes, so DynamoDB refuses it; list the ` +
            "attributes to project in NonKeyAttributes, or use KEYS_ONLY",
          { path: [...path, "Projection", "ProjectionType"] },
        );
      }
    }
  }
}
