/**
 * E3638: a table billed PAY_PER_REQUEST takes no ProvisionedThroughput.
 *
 * cfn-lint checks the table's own ProvisionedThroughput; this rule also checks each global
 * secondary index's, which DynamoDB rejects the same way ("ProvisionedThroughput should not be
 * specified for index ... when BillingMode is PAY_PER_REQUEST"). A ProvisionedThroughput whose
 * capacity units are both zero is left alone: CloudFormation takes it as none (isZeroThroughput;
 * an AWS sample, amazon-ivs-virtual-qa-web-demo, deploys its index so).
 */
import type { Rule } from "../rule";
import { billingMode, isZeroThroughput, mappingItems, TABLE, TABLE_DOCS } from "./dynamodb";
import { presentEntry, propertySets, resourcesOfType } from "./values";

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
        if (billingMode(properties)?.mode !== "PAY_PER_REQUEST") continue;
        const base = ["Resources", resource.name, "Properties"];
        const own = presentEntry(properties, "ProvisionedThroughput");
        if (own && !isZeroThroughput(own.value)) {
          report(
            own.keyRange,
            `ProvisionedThroughput is not allowed when BillingMode is PAY_PER_REQUEST; ${REMEDY}`,
            {
              path: [...base, "ProvisionedThroughput"],
            },
          );
        }
        for (const index of mappingItems(properties, "GlobalSecondaryIndexes") ?? []) {
          const throughput = presentEntry(index.node, "ProvisionedThroughput");
          if (!throughput || isZeroThroughput(throughput.value)) continue;
          report(
            throughput.keyRange,
            `GlobalSecondaryIndexes[${index.index}].ProvisionedThroughput is not allowed when the table's BillingMode ` +
              `is PAY_PER_REQUEST; ${REMEDY}`,
            { path: [...base, "GlobalSecondaryIndexes", index.index, "ProvisionedThroughput"] },
          );
        }
      }
    }
  },
};
