/**
 * E3501: the properties of an SQS queue fit its kind. A FIFO queue's QueueName, when given, ends
 * in `.fifo`; a standard queue (FifoQueue false or absent) takes none of the FIFO-only properties
 * ContentBasedDeduplication, DeduplicationScope and FifoThroughputLimit.
 *
 * Beyond cfn-lint, a standard queue whose QueueName ends in `.fifo` is reported too: SQS allows
 * only letters, digits, hyphens and underscores in a standard queue's name, so CreateQueue fails.
 * And a name a Fn::Sub or Fn::Join builds is judged by its end where that is written out: a FIFO
 * queue named `${AWS::StackName}-orders` fails whatever the stack's name.
 */
import type { Node } from "../../model";
import { resolveValue } from "../functions/resolve";
import type { Rule } from "../rule";
import type { TemplateIndex } from "../template-index";
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
        const endsInFifo = name && fifoSuffix(name.value, template);
        if (name && endsInFifo !== undefined && endsInFifo !== fifo) {
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

const SUFFIX = ".fifo";

/**
 * Whether the name ends in `.fifo`: for text, and for a Fn::Sub or Fn::Join whose end is written
 * out (`${AWS::StackName}-orders` does not, whatever the stack's name; `${Prefix}fo` may).
 * Undefined when the end is not known.
 */
function fifoSuffix(node: Node, template: TemplateIndex): boolean | undefined {
  const text = literalString(node);
  if (text !== undefined) return text.endsWith(SUFFIX);
  if (node.kind !== "map") return undefined;
  const values = resolveValue(node, template, false);
  if (values?.length !== 1) return undefined;
  // The written text after the last piece known only at deploy.
  const pieces = values[0].pieces;
  let tail = "";
  let i = pieces.length - 1;
  for (; i >= 0; i--) {
    const piece = pieces[i];
    if (typeof piece !== "string") break;
    tail = piece + tail;
  }
  // A short end may finish a `.fifo` that the unknown piece before it begins.
  if (i >= 0 && tail.length < SUFFIX.length && SUFFIX.endsWith(tail)) return undefined;
  return tail.endsWith(SUFFIX);
}
