/**
 * E3965 (our own id; cfn-lint does not check it): a Firehose stream that delivers to S3 with
 * dynamic partitioning enabled and no Prefix or no ErrorOutputPrefix. Firehose requires both then:
 * the prefix holds the partitioning keys' expressions, and records it cannot partition go under the
 * error prefix ("You must specify an S3 error bucket prefix for a Firehose stream if you want to
 * enable dynamic partitioning").
 */
import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import {
  literalBoolean,
  literalString,
  plainMap,
  presentEntry,
  propertySets,
  resourcesOfType,
} from "./values";

const DELIVERY_STREAM = "AWS::KinesisFirehose::DeliveryStream";

export const dynamicPartitioningPrefixes: Rule = {
  id: "E3965",
  severity: "error",
  shortDescription: "A Firehose stream with dynamic partitioning has a Prefix and an ErrorOutputPrefix",
  description:
    "An ExtendedS3DestinationConfiguration with DynamicPartitioningConfiguration Enabled sets Prefix and " +
    "ErrorOutputPrefix; Firehose refuses the stream without them.",
  source: "https://docs.aws.amazon.com/firehose/latest/dev/dynamic-partitioning-error-handling.html",
  tags: ["resources", "kinesisfirehose"],
  resourceTypes: [DELIVERY_STREAM],
  check({ template, report }) {
    for (const stream of resourcesOfType(template, DELIVERY_STREAM)) {
      for (const { properties } of propertySets(stream)) {
        const destination = plainMap(presentEntry(properties, "ExtendedS3DestinationConfiguration")?.value);
        const partitioning = plainMap(mapGet(destination, "DynamicPartitioningConfiguration")?.value);
        const enabled = mapGet(partitioning, "Enabled")?.value;
        if (!destination || !enabled || literalBoolean(enabled) !== true) continue;
        const missing = ["Prefix", "ErrorOutputPrefix"].filter((key) => {
          const entry = mapGet(destination, key);
          // A value a Fn::If may leave out, or a function, is not judged.
          return entry === undefined || literalString(entry.value) === "";
        });
        if (missing.length === 0) continue;
        report(
          enabled,
          `Firehose stream ${stream.name} enables dynamic partitioning without ${missing.join(" or ")} in its ` +
            "ExtendedS3DestinationConfiguration, and Firehose refuses the stream: the Prefix holds the " +
            "partitioning keys' expressions (!{partitionKeyFromQuery:...}), and records that cannot be " +
            `partitioned go under the ErrorOutputPrefix; set ${missing.join(" and ")}`,
        );
      }
    }
  },
};
