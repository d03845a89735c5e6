/**
 * E3931 (our own id): an SNS topic's name fits its kind, as SQS queue names do (E3501): a FIFO
 * topic's TopicName ends in `.fifo` ("Fifo Topic names must end with .fifo"), and a standard
 * topic's may not, since a standard name holds only letters, digits, hyphens and underscores.
 */
import type { Rule } from "../rule";
import { booleanProperty, literalString, presentEntry, propertySets, resourcesOfType } from "./values";

export const snsFifoName: Rule = {
  id: "E3931",
  severity: "error",
  shortDescription: "SNS topic names fit the topic's kind",
  description:
    "A FIFO topic's TopicName ends in '.fifo'; a standard topic's does not (it holds letters, digits, hyphens and " +
    "underscores only).",
  source: "https://docs.aws.amazon.com/sns/latest/dg/fifo-topic-code-examples.html",
  tags: ["resources", "sns"],
  resourceTypes: ["AWS::SNS::Topic"],
  check({ template, report }) {
    for (const topic of resourcesOfType(template, "AWS::SNS::Topic")) {
      for (const { properties } of propertySets(topic)) {
        const fifo = booleanProperty(properties, "FifoTopic", false);
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
