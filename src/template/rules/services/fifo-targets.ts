/**
 * E3936 (our own id): FIFO queues of the template where a service does not take them, or not as
 * written:
 * - an S3 notification to a FIFO queue: "FIFO queues are not supported as an Amazon S3 event
 *   notification destination" (Amazon S3 User Guide), and the bucket fails to create;
 * - an EventBridge rule target that is a FIFO queue without SqsParameters.MessageGroupId, which
 *   EventBridge requires for a FIFO target.
 * The queue is known through GetAtt of a queue of the template whose FifoQueue is true.
 */
import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import type { TemplateIndex } from "../template-index";
import { ruleTargets } from "./event-targets";
import { bucketNotifications } from "./s3-event-names";
import { QUEUE } from "./sqs";
import { booleanProperty, getAttResource, isAbsent, onlyPropertySet, plainMap } from "./values";

/** The FIFO queue of the template an ARN names through GetAtt, if it is one. */
export function fifoQueue(template: TemplateIndex, arn: Node | undefined): string | undefined {
  const queue = arn && getAttResource(template, arn, "Arn", [QUEUE]);
  const set = queue && onlyPropertySet(queue);
  return set && booleanProperty(set.properties, "FifoQueue", false) === true ? queue.name : undefined;
}

export const fifoQueueTargets: Rule = {
  id: "E3936",
  severity: "error",
  shortDescription: "FIFO queues receive only from services that take them",
  description:
    "An S3 notification does not deliver to a FIFO queue, and an EventBridge target that is a FIFO queue gives " +
    "SqsParameters.MessageGroupId.",
  source:
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-event-types-and-destinations.html",
  tags: ["resources", "sqs", "s3", "events"],
  check({ template, report }) {
    for (const { bucket, key, configuration, path } of bucketNotifications(template)) {
      if (key !== "QueueConfigurations") continue;
      const arn = mapGet(configuration, "Queue")?.value;
      const queue = fifoQueue(template, arn);
      if (!arn || !queue) continue;
      report(
        arn,
        `Bucket ${bucket.name} notifies FIFO queue ${queue}, and S3 does not deliver to FIFO queues, so the bucket ` +
          "fails to create; notify a standard queue, or an SNS topic or EventBridge rule in front of the FIFO queue",
        { path: [...path, "Queue"] },
      );
    }
    for (const { rule, target, path } of ruleTargets(template)) {
      const arn = mapGet(target, "Arn")?.value;
      const queue = fifoQueue(template, arn);
      if (!arn || !queue) continue;
      const parameters = mapGet(target, "SqsParameters");
      const sqs = plainMap(parameters?.value);
      if (parameters && !sqs) continue; // an intrinsic: unknown
      if (sqs && !isAbsent(sqs, "MessageGroupId")) continue;
      report(
        arn,
        `Rule ${rule.name} targets FIFO queue ${queue} without SqsParameters.MessageGroupId, which EventBridge ` +
          "requires for a FIFO queue; add SqsParameters: {MessageGroupId: <group>}",
        { path: [...path, "Arn"] },
      );
    }
  },
};
