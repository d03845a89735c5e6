/**
 * E3639: a table billed PROVISIONED specifies ProvisionedThroughput, for itself and for each
 * global secondary index.
 *
 * cfn-lint checks only a table that writes `BillingMode: PROVISIONED`. PROVISIONED is also
 * DynamoDB's default, and CreateTable fails the same way without BillingMode, so this rule checks
 * that case too ("No provisioned throughput specified for the table"), and each global secondary
 * index ("ProvisionedThroughput is not specified for index ...").
 */
import type { Rule } from "../rule";
import { billingMode, mappingItems, TABLE, TABLE_DOCS } from "./dynamodb";
import { isAbsent, propertySets, resourcesOfType } from "./values";

export const dynamodbProvisioned: Rule = {
  id: "E3639",
  severity: "error",
  shortDescription: "ProvisionedThroughput with PROVISIONED billing",
  description:
    "When a DynamoDB table's BillingMode is PROVISIONED (the default), the table and each of its global " +
    "secondary indexes must specify ProvisionedThroughput.",
  source: TABLE_DOCS,
  tags: ["resources", "dynamodb"],
  resourceTypes: [TABLE],
  check({ template, report }) {
    for (const resource of resourcesOfType(template, TABLE)) {
      for (const { properties, bare } of propertySets(resource)) {
        const billing = billingMode(properties);
        if (billing?.mode !== "PROVISIONED") continue;
        const base = ["Resources", resource.name, "Properties"];
        const how = billing.explicit
          ? "BillingMode is PROVISIONED"
          : "BillingMode is not set (so PROVISIONED)";
        const remedy =
          "add ProvisionedThroughput (ReadCapacityUnits, WriteCapacityUnits), or set BillingMode to PAY_PER_REQUEST";
        if (isAbsent(properties, "ProvisionedThroughput")) {
          const at = bare
            ? resource.entry.keyRange
            : (resource.properties?.keyRange ?? resource.entry.keyRange);
          report(at, `ProvisionedThroughput is required when ${how}; ${remedy}`, {
            path: [...base, "ProvisionedThroughput"],
          });
        }
        for (const index of mappingItems(properties, "GlobalSecondaryIndexes") ?? []) {
          if (!isAbsent(index.node, "ProvisionedThroughput")) continue;
          report(
            index.node.range,
            `GlobalSecondaryIndexes[${index.index}] needs ProvisionedThroughput when the table's ${how}; ${remedy}`,
            { path: [...base, "GlobalSecondaryIndexes", index.index] },
          );
        }
      }
    }
  },
};
