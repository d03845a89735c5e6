/**
 * E3501: the properties of an SQS queue fit its kind. A FIFO queue's QueueName, when given, ends
 * in `.fifo`; a standard queue (FifoQueue false or absent) takes none of the FIFO-only properties
 * ContentBasedDeduplication, DeduplicationScope and FifoThroughputLimit.
 *
 * Beyond cfn-lint, a standard queue whose QueueName ends in `.fifo` is reported too: SQS allows
 * only letters, digits, hyphens and underscores in a standard queue's name, so CreateQueue fails.
 */
import type { Rule } from "../rule";
import { QUEUE, QUEUE_DOCS } from "./sqs";
import { booleanProperty, literalString, presentEntry, propertySets, resourcesOfType } from "./values";

const FIFO_ONLY = ["ContentBasedDeduplication", "DeduplicationScope", "FifoThroughputLimit"];

export const sqsFifo: Rule = {
  id: "E3501",
  severity: "error",
  shortDescription: "SQS queue properties fit the queue's kind",
  description:
    "A FIFO queue's QueueName must end in '.fifo'; a standard queue's must not, and a standard queue cannot set " +
    "ContentBasedDeduplication, DeduplicationScope or FifoThroughputLimit.",
  source: QUEUE_DOCS,
  tags: ["resources", "sqs"],
  resourceTypes: [QUEUE],
  check({ template, report }) {
    for (const resource of resourcesOfType(template, QUEUE)) {
      for (const { properties } of propertySets(resource)) {
        const fifo = booleanProperty(properties, "FifoQueue", false);
        if (fifo === undefined) continue;
        const base = ["Resources", resource.name, "Properties"];
        const name = presentEntry(properties, "QueueName");
        const text = literalString(name?.value);
        if (name && text !== undefined && text.endsWith(".fifo") !== fifo) {
          report(
            name.value,
            fifo
              ? "The QueueName of a FIFO queue must end in '.fifo'; add the suffix, or leave QueueName out"
              : "QueueName ends in '.fifo' but FifoQueue is not true; set FifoQueue: true, or drop the suffix " +
                  "(a standard queue's name takes only letters, digits, hyphens and underscores)",
            { path: [...base, "QueueName"] },
          );
        }
        if (fifo) continue;
        for (const key of FIFO_ONLY) {
          const entry = presentEntry(properties, key);
          if (!entry) continue;
          report(
            entry.keyRange,
            `${key} applies only to FIFO queues; set FifoQueue: true, or remove ${key}`,
            {
              path: [...base, key],
            },
          );
        }
      }
    }
  },
};
