/**
 * E3705: the batching of an SQS event source fits the queue. Lambda takes at most 10 messages a
 * batch from a FIFO queue and no batching window; from a standard queue it takes up to 10,000,
 * but a BatchSize above 10 needs a MaximumBatchingWindowInSeconds of at least 1 second.
 * CreateEventSourceMapping refuses anything else.
 *
 * Beyond cfn-lint, which checks the FIFO BatchSize of event source mappings only: the batching
 * window, the standard queue's rule, a queue known to be FIFO from a literal ARN ending in
 * `.fifo`, and the SQS events of SAM functions (their BatchSize and window go to the mapping).
 */
import type { Rule } from "../rule";
import { pollerSites } from "./event-sources";
import { isAbsent, literalNumber, presentEntry } from "./values";

export const sqsBatching: Rule = {
  id: "E3705",
  severity: "error",
  shortDescription: "An SQS event source's BatchSize and batching window fit the queue",
  description:
    "A FIFO queue's event source takes a BatchSize of at most 10 and no MaximumBatchingWindowInSeconds; a " +
    "standard queue's BatchSize above 10 needs a MaximumBatchingWindowInSeconds of at least 1.",
  source: "https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-parameters.html",
  tags: ["resources", "lambda", "sqs"],
  check({ template, report }) {
    for (const site of pollerSites(template)) {
      const source = site.eventSource;
      if (source?.kind !== "sqs") continue;
      const batch = presentEntry(site.properties, "BatchSize");
      const size = literalNumber(batch?.value);
      const window = presentEntry(site.properties, "MaximumBatchingWindowInSeconds");
      const seconds = literalNumber(window?.value);
      if (source.fifo === true) {
        if (batch && size !== undefined && size > 10) {
          report(
            batch.value,
            `Lambda reads at most 10 messages a batch from a FIFO queue, and this BatchSize is ${size}; set ` +
              "BatchSize to 10 or less",
            { path: [...site.path, "BatchSize"] },
          );
        }
        if (window && seconds !== undefined && seconds > 0) {
          report(
            window.keyRange,
            "Lambda has no batching window for a FIFO queue; remove MaximumBatchingWindowInSeconds",
            { path: [...site.path, "MaximumBatchingWindowInSeconds"] },
          );
        }
        continue;
      }
      if (!batch || size === undefined || size <= 10) continue;
      const noWindow = isAbsent(site.properties, "MaximumBatchingWindowInSeconds") || seconds === 0;
      if (!noWindow) continue;
      report(
        batch.value,
        `A BatchSize above 10 (here ${size}) needs a batching window: set MaximumBatchingWindowInSeconds to at ` +
          "least 1, or BatchSize to 10 or less",
        { path: [...site.path, "BatchSize"] },
      );
    }
  },
};
