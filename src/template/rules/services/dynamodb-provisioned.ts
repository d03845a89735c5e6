/**
 * E3639: a table billed PROVISIONED specifies ProvisionedThroughput, for itself and for each
 * global secondary index.
 *
 * cfn-lint checks only a table that writes `BillingMode: PROVISIONED`. PROVISIONED is also
 * DynamoDB's default, and CreateTable fails the same way without BillingMode, so this rule checks
 * that case too ("No provisioned throughput specified for the table"), and each global secondary
 * index ("ProvisionedThroughput is not specified for index ...").
 *
 * A capacity unit below 1 fails there too (DynamoDB's API takes 1 and more). It is judged here, not
 * as a range of the property (E3034): a PAY_PER_REQUEST table may write both units as 0, which
 * CloudFormation takes as no throughput (E3638, isZeroThroughput), as cfn-lint#4524 moved the
 * minimum to the PROVISIONED case.
 *
 * A BillingMode and throughputs one condition chooses are read together (readings): `!If [IsProd,
 * PROVISIONED, PAY_PER_REQUEST]` beside a ProvisionedThroughput given where IsProd is false only is
 * an error where IsProd is true.
 */

import type { MapNode } from "../../model";
import { mapGet } from "../../nodes";
import { decidedValue, presentWhere, readings, reportInReadings } from "../conditions/logic";
import type { Rule } from "../rule";
import { billingMode, billingValues, CAPACITY_UNITS, mappingItems, TABLE, TABLE_DOCS } from "./dynamodb";
import { literalNumber, plainMap, propertySets, resourcesOfType } from "./values";

export const dynamodbProvisioned: Rule = {
  id: "E3639",
  severity: "error",
  shortDescription: "ProvisionedThroughput with PROVISIONED billing",
  description:
    "When a DynamoDB table's BillingMode is PROVISIONED (the default), the table and each of its global " +
    "secondary indexes must specify ProvisionedThroughput, with read and write capacity units of at least 1.",
  source: TABLE_DOCS,
  tags: ["resources", "dynamodb"],
  resourceTypes: [TABLE],
  check({ template, report }) {
    for (const resource of resourcesOfType(template, TABLE)) {
      for (const { properties, bare } of propertySets(resource)) {
        const base = ["Resources", resource.name, "Properties"];
        const say = reportInReadings(report);
        // BillingMode and the throughputs one condition chooses are read together (readings).
        for (const reading of readings(template, billingValues(properties))) {
          const billing = billingMode(template, properties, reading.known);
          if (billing?.mode !== "PROVISIONED") continue;
          const how = billing.explicit
            ? "BillingMode is PROVISIONED"
            : "BillingMode is not set (so PROVISIONED)";
          const remedy =
            "add ProvisionedThroughput (ReadCapacityUnits, WriteCapacityUnits), or set BillingMode to PAY_PER_REQUEST";
          const throughputOf = (holder: MapNode) => mapGet(holder, "ProvisionedThroughput");
          // Whether `holder` (the table or an index) has no ProvisionedThroughput in this reading.
          const lacks = (holder: MapNode) =>
            presentWhere(template, throughputOf(holder)?.value, reading.known) === false;
          // The capacity units written below 1 in the ProvisionedThroughput of `holder`, named
          // `name` in messages and standing at `at` under Properties.
          const capacity = (holder: MapNode, at: (string | number)[], name: string, when: string) => {
            const throughput = plainMap(decidedValue(template, throughputOf(holder)?.value, reading.known));
            if (!throughput) return;
            for (const key of CAPACITY_UNITS) {
              const entry = mapGet(throughput, key);
              const units = literalNumber(entry?.value);
              if (!entry || units === undefined || units >= 1) continue;
              say(
                reading,
                entry.value,
                `${name}.${key} must be at least 1 when ${when}; give it the capacity needed, or set BillingMode ` +
                  "to PAY_PER_REQUEST",
                { path: [...base, ...at, "ProvisionedThroughput", key] },
              );
            }
          };
          capacity(properties, [], "ProvisionedThroughput", how);
          if (lacks(properties)) {
            // Where a Fn::If leaves it out, at its key; where it is not written, at the resource.
            const at =
              throughputOf(properties)?.keyRange ??
              (bare ? resource.entry.keyRange : (resource.properties?.keyRange ?? resource.entry.keyRange));
            say(reading, at, `ProvisionedThroughput is required when ${how}; ${remedy}`, {
              path: [...base, "ProvisionedThroughput"],
            });
          }
          for (const index of mappingItems(properties, "GlobalSecondaryIndexes") ?? []) {
            capacity(
              index.node,
              ["GlobalSecondaryIndexes", index.index],
              `GlobalSecondaryIndexes[${index.index}].ProvisionedThroughput`,
              `the table's ${how}`,
            );
            if (!lacks(index.node)) continue;
            say(
              reading,
              throughputOf(index.node)?.keyRange ?? index.node.range,
              `GlobalSecondaryIndexes[${index.index}] needs ProvisionedThroughput when the table's ${how}; ${remedy}`,
              { path: [...base, "GlobalSecondaryIndexes", index.index] },
            );
          }
        }
      }
    }
  },
};
