/**
 * E3931 (our own id): an SNS topic's name and FIFO settings fit its kind. As SQS queue names do
 * (E3501), a FIFO topic's TopicName ends in `.fifo` ("Fifo Topic names must end with .fifo"), and a
 * standard topic's may not, since a standard name holds only letters, digits, hyphens and
 * underscores.
 *
 * And, as E3501 does for queues, a standard topic takes none of the settings of FIFO topics:
 * ContentBasedDeduplication (set true), FifoThroughputScope and ArchivePolicy, which the
 * AWS::SNS::Topic reference gives to FIFO topics alone and SNS refuses on a standard one
 * ("ContentBasedDeduplication is only applicable to FIFO topics").
 */
import type { Rule } from "../rule";
import { booleanProperty, literalString, presentEntry, propertySets, resourcesOfType } from "./values";

/** The settings of FIFO topics (ContentBasedDeduplication only when true). */
const FIFO_ONLY = ["ContentBasedDeduplication", "FifoThroughputScope", "ArchivePolicy"];

export const snsFifoName: Rule = {
  id: "E3931",
  severity: "error",
  shortDescription: "SNS topic names and settings fit the topic's kind",
  description:
    "A FIFO topic's TopicName ends in '.fifo'; a standard topic's does not (it holds letters, digits, hyphens and " +
    "underscores only), and a standard topic sets no ContentBasedDeduplication, FifoThroughputScope or ArchivePolicy.",
  source: "https://docs.aws.amazon.com/sns/latest/dg/fifo-topic-code-examples.html",
  tags: ["resources", "sns"],
  resourceTypes: ["AWS::SNS::Topic"],
  check({ template, report }) {
    for (const topic of resourcesOfType(template, "AWS::SNS::Topic")) {
      for (const { properties } of propertySets(topic)) {
        const fifo = booleanProperty(properties, "FifoTopic", false);
        if (fifo === false) {
          for (const key of FIFO_ONLY) {
            const entry = presentEntry(properties, key);
            if (
              !entry ||
              (key === "ContentBasedDeduplication" && booleanProperty(properties, key, false) !== true)
            )
              continue;
            report(
              entry.keyRange,
              `${key} belongs to FIFO topics, and SNS refuses it on standard topic '${topic.name}'; set FifoTopic: ` +
                `true (the topic is then replaced), or remove ${key}`,
              { path: ["Resources", topic.name, "Properties", key] },
            );
          }
        }
        const name = presentEntry(properties, "TopicName");
        const text = literalString(name?.value);
        if (fifo === undefined || !name || text === undefined || text.endsWith(".fifo") === fifo) continue;
        report(
          name.value,
          fifo
            ? `TopicName '${text}' of FIFO topic '${topic.name}' does not end in '.fifo', and SNS refuses it; write '${text}.fifo', or leave TopicName out`
            : `TopicName '${text}' ends in '.fifo' but FifoTopic is not true, and a standard topic name takes no dot; set FifoTopic: true, or drop the suffix`,
          { path: ["Resources", topic.name, "Properties", "TopicName"] },
        );
      }
    }
  },
};
