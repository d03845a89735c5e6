/**
 * E3638: a table billed PAY_PER_REQUEST takes no ProvisionedThroughput.
 *
 * cfn-lint checks the table's own ProvisionedThroughput; this rule also checks each global
 * secondary index's, which DynamoDB rejects the same way ("ProvisionedThroughput should not be
 * specified for index ... when BillingMode is PAY_PER_REQUEST"). A ProvisionedThroughput whose
 * capacity units are both zero is left alone: CloudFormation takes it as none (isZeroThroughput;
 * an AWS sample, amazon-ivs-virtual-qa-web-demo, deploys its index so). A BillingMode and
 * throughputs one condition chooses are read together (readings): `!If [IsProd, PAY_PER_REQUEST,
 * PROVISIONED]` beside `!If [IsProd, {...}, !Ref AWS::NoValue]` is an error where IsProd is true.
 */
import type { MapNode } from "../../model";
import { mapGet } from "../../nodes";
import { decidedValue, readings, reportInReadings } from "../conditions/logic";
import type { Rule } from "../rule";
import { billingMode, billingValues, isZeroThroughput, mappingItems, TABLE, TABLE_DOCS } from "./dynamodb";
import { propertySets, resourcesOfType } from "./values";

const REMEDY = "remove it, or set BillingMode to PROVISIONED";

export const dynamodbPayPerRequest: Rule = {
  id: "E3638",
  severity: "error",
  shortDescription: "No ProvisionedThroughput with PAY_PER_REQUEST billing",
  description:
    "When a DynamoDB table's BillingMode is PAY_PER_REQUEST, neither the table nor its global secondary indexes " +
    "may specify ProvisionedThroughput, other than one whose capacity units are both 0, which CloudFormation " +
    "takes as none.",
  source: TABLE_DOCS,
  tags: ["resources", "dynamodb"],
  resourceTypes: [TABLE],
  check({ template, report }) {
    for (const resource of resourcesOfType(template, TABLE)) {
      for (const { properties } of propertySets(resource)) {
        const base = ["Resources", resource.name, "Properties"];
        const say = reportInReadings(report);
        // BillingMode and the throughputs one condition chooses are read together (readings).
        for (const reading of readings(template, billingValues(properties))) {
          if (billingMode(template, properties, reading.known)?.mode !== "PAY_PER_REQUEST") continue;
          const given = (holder: MapNode) => {
            const entry = mapGet(holder, "ProvisionedThroughput");
            const value = decidedValue(template, entry?.value, reading.known);
            return entry && value && !isZeroThroughput(value) ? entry : undefined;
          };
          const own = given(properties);
          if (own) {
            say(
              reading,
              own.keyRange,
              `ProvisionedThroughput is not allowed when BillingMode is PAY_PER_REQUEST; ${REMEDY}`,
              {
                path: [...base, "ProvisionedThroughput"],
              },
            );
          }
          for (const index of mappingItems(properties, "GlobalSecondaryIndexes") ?? []) {
            const throughput = given(index.node);
            if (!throughput) continue;
            say(
              reading,
              throughput.keyRange,
              `GlobalSecondaryIndexes[${index.index}].ProvisionedThroughput is not allowed when the table's BillingMode ` +
                `is PAY_PER_REQUEST; ${REMEDY}`,
              { path: [...base, "GlobalSecondaryIndexes", index.index, "ProvisionedThroughput"] },
            );
          }
        }
      }
    }
  },
};
