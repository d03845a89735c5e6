/** What the SQS rules share: the queue type and its documentation. */
import { USER_GUIDE } from "../template-index";

export const QUEUE = "AWS::SQS::Queue";
export const QUEUE_DOCS = `${USER_GUIDE}/aws-resource-sqs-queue.html`;

/** "FIFO" or "standard", as SQS names the two kinds of queue. */
export function queueKind(fifo: boolean): string {
  return fifo ? "FIFO" : "standard";
}
