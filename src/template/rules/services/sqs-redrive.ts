/**
 * E3918 (our own id): an SQS queue's RedrivePolicy names its dead-letter queue and how many
 * receives send a message there. SQS refuses a policy without maxReceiveCount ("Redrive policy
 * does not contain mandatory attribute: maxReceiveCount") or without deadLetterTargetArn, and
 * takes a maxReceiveCount from 1 to 1,000. The policy is checked where it is written out, as a
 * mapping or as a JSON string.
 */
import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import { staticDocument } from "../serverless/documents";
import { literalNumber, presentEntry, propertySets, resourcesOfType } from "./values";

export const sqsRedrivePolicy: Rule = {
  id: "E3918",
  severity: "error",
  shortDescription: "An SQS RedrivePolicy has deadLetterTargetArn and a maxReceiveCount from 1 to 1,000",
  description:
    "The RedrivePolicy of an SQS queue gives deadLetterTargetArn and maxReceiveCount, a whole number from 1 to 1,000.",
  source:
    "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-configure-dead-letter-queue.html",
  tags: ["resources", "sqs"],
  resourceTypes: ["AWS::SQS::Queue"],
  check({ template, report }) {
    for (const queue of resourcesOfType(template, "AWS::SQS::Queue")) {
      for (const { properties } of propertySets(queue)) {
        const entry = presentEntry(properties, "RedrivePolicy");
        const document = staticDocument(entry);
        if (!entry || document?.node.kind !== "map") continue;
        const path = ["Resources", queue.name, "Properties", "RedrivePolicy"];
        for (const key of ["deadLetterTargetArn", "maxReceiveCount"]) {
          if (mapGet(document.node, key)) continue;
          report(
            document.anchor,
            `The RedrivePolicy of queue '${queue.name}' has no ${key}, which SQS requires; ` +
              (key === "maxReceiveCount"
                ? "add maxReceiveCount: the receives after which a message moves to the dead-letter queue (1 to 1,000)"
                : "add deadLetterTargetArn: the ARN of the dead-letter queue (!GetAtt <Queue>.Arn)"),
            { path },
          );
        }
        const count = mapGet(document.node, "maxReceiveCount")?.value;
        const value = literalNumber(count);
        if (count && value !== undefined && (!Number.isInteger(value) || value < 1 || value > 1000)) {
          report(
            count,
            `maxReceiveCount of queue '${queue.name}' is ${value}; SQS takes a whole number from 1 to 1,000`,
            {
              path: [...path, "maxReceiveCount"],
            },
          );
        }
      }
    }
  },
};
