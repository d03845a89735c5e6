/**
 * E3502: a queue's dead-letter queue (RedrivePolicy.deadLetterTargetArn given as `!GetAtt
 * Queue.Arn` of a queue in the template) is of the same kind: FIFO with FIFO, standard with
 * standard. SQS rejects the redrive policy otherwise.
 *
 * Both queues' FifoQueue must be literal (or absent, meaning standard); a RedrivePolicy written
 * as a JSON string names its target by ARN text and is not followed.
 */
import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import { QUEUE, QUEUE_DOCS, queueKind } from "./sqs";
import { booleanProperty, getAttResource, onlyPropertySet, propertySets, resourcesOfType } from "./values";

export const sqsDeadLetter: Rule = {
  id: "E3502",
  severity: "error",
  shortDescription: "A dead-letter queue is of the same kind as its source queue",
  description:
    "The queue named by RedrivePolicy.deadLetterTargetArn must be FIFO when the source queue is FIFO, and " +
    "standard when it is standard.",
  source: QUEUE_DOCS,
  tags: ["resources", "sqs"],
  resourceTypes: [QUEUE],
  check({ template, report }) {
    for (const resource of resourcesOfType(template, QUEUE)) {
      for (const { properties } of propertySets(resource)) {
        const target = mapGet(mapGet(properties, "RedrivePolicy")?.value, "deadLetterTargetArn");
        if (!target) continue;
        const dlq = getAttResource(template, target.value, "Arn", [QUEUE]);
        const dlqProperties = dlq && onlyPropertySet(dlq)?.properties;
        if (!dlq || !dlqProperties) continue;
        const source = booleanProperty(properties, "FifoQueue", false);
        const destination = booleanProperty(dlqProperties, "FifoQueue", false);
        if (source === undefined || destination === undefined || source === destination) continue;
        report(
          target.value,
          `This ${queueKind(source)} queue's dead-letter queue '${dlq.name}' is a ${queueKind(destination)} queue; ` +
            `a dead-letter queue must be of the same kind as its source queue, so make '${dlq.name}' ` +
            `${queueKind(source)} or choose another queue`,
          { path: ["Resources", resource.name, "Properties", "RedrivePolicy", "deadLetterTargetArn"] },
        );
      }
    }
  },
};
