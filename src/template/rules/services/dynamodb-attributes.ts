/**
 * E3039: a table's AttributeDefinitions name exactly the attributes its key schemas use, the
 * table's KeySchema and those of its global and local secondary indexes, and the search schemas of
 * its vector indexes. DynamoDB rejects both a key attribute without a definition and a definition
 * no key uses.
 *
 * Like cfn-lint, each branch of a `Properties: !If` is checked on its own. Unlike cfn-lint, which
 * reports the two sets once at Properties, each stray definition and each undefined key is
 * reported where it is written, and a table whose lists or names are given through intrinsics or
 * dynamic references is skipped as a whole (cfn-lint skips only the unknown key, and may then call
 * a definition unused, and compares a dynamic reference as the text written).
 */
import type { MapNode, Node } from "../../model";
import { mapGet } from "../../nodes";
import { displayPath } from "../resources/shared";
import type { Rule } from "../rule";
import { type ListItem, mappingItems, TABLE, TABLE_DOCS } from "./dynamodb";
import { literalString, propertySets, resourcesOfType } from "./values";

interface Named {
  name: string;
  at: Node;
  path: (string | number)[];
}

export const dynamodbAttributes: Rule = {
  id: "E3039",
  severity: "error",
  shortDescription: "AttributeDefinitions match the key schemas",
  description:
    "A DynamoDB table's AttributeDefinitions must define every attribute used in its KeySchema and in the " +
    "KeySchema of its GlobalSecondaryIndexes and LocalSecondaryIndexes and in the SearchSchema of its VectorIndexes, " +
    "and nothing else.",
  source: TABLE_DOCS,
  tags: ["resources", "dynamodb"],
  resourceTypes: [TABLE],
  check({ template, report }) {
    for (const resource of resourcesOfType(template, TABLE)) {
      for (const { properties } of propertySets(resource)) {
        // A missing KeySchema is E3003's to report.
        if (!mapGet(properties, "KeySchema")) continue;
        const definitions = mappingItems(properties, "AttributeDefinitions");
        const defined = definitions && names(definitions, ["AttributeDefinitions"]);
        const keys = keyAttributes(properties);
        // Any list or name given through an intrinsic makes the comparison unknowable.
        if (!defined || !keys) continue;
        const definedNames = new Set(defined.map((d) => d.name));
        const keyNames = new Set(keys.map((k) => k.name));
        const base = ["Resources", resource.name, "Properties"];
        for (const definition of defined) {
          if (keyNames.has(definition.name)) continue;
          report(
            definition.at,
            `${displayPath(definition.path)} defines an attribute that no key schema of the table or its indexes uses; ` +
              "DynamoDB accepts only key attributes in AttributeDefinitions, so remove it",
            { path: [...base, ...definition.path] },
          );
        }
        for (const key of keys) {
          if (definedNames.has(key.name)) continue;
          report(
            key.at,
            `${displayPath(key.path)} uses an attribute that AttributeDefinitions does not define; ` +
              "add it to AttributeDefinitions with its AttributeType",
            { path: [...base, ...key.path] },
          );
        }
      }
    }
  },
};

/**
 * The index lists and the schema in each that names attributes AttributeDefinitions must declare:
 * a vector index's SearchSchema (its HASH and INLINE_FILTER attributes; "This attribute must also be
 * declared in the table's AttributeDefinitions", the SearchSchemaElement reference) as well as the
 * secondary indexes' KeySchema. A vector index's vector attribute is not declared there.
 */
const INDEX_SCHEMAS = [
  ["GlobalSecondaryIndexes", "KeySchema"],
  ["LocalSecondaryIndexes", "KeySchema"],
  ["VectorIndexes", "SearchSchema"],
] as const;

/** Every key attribute of the table and its indexes, or undefined when one is not literal. */
function keyAttributes(properties: MapNode): Named[] | undefined {
  const table = mappingItems(properties, "KeySchema");
  const out = table && names(table, ["KeySchema"]);
  if (!out) return undefined;
  for (const [list, schemaKey] of INDEX_SCHEMAS) {
    const indexes = mappingItems(properties, list);
    if (!indexes) return undefined;
    for (const index of indexes) {
      const schema = mappingItems(index.node, schemaKey);
      const found = schema && names(schema, [list, index.index, schemaKey]);
      if (!found) return undefined;
      out.push(...found);
    }
  }
  return out;
}

/**
 * The literal AttributeName of each item, or undefined when one is missing or not a literal (an
 * intrinsic, or a dynamic reference, whose name is known only at deploy time).
 */
function names(items: ListItem[], path: (string | number)[]): Named[] | undefined {
  const out: Named[] = [];
  for (const item of items) {
    const value = mapGet(item.node, "AttributeName")?.value;
    const name = literalString(value);
    if (name === undefined || !value) return undefined;
    out.push({ name, at: value, path: [...path, item.index, "AttributeName"] });
  }
  return out;
}
