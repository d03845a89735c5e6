/**
 * E3965: Firehose dynamic partitioning without its prefixes.
 */
import { describe, expect, it } from "vitest";
import { brief, lint, located, yaml } from "../lint";

describe("E3965 Firehose dynamic partitioning", () => {
  const stream = (name: string, ...destination: string[]) => [
    `  ${name}:`,
    "    Type: AWS::KinesisFirehose::DeliveryStream",
    "    Properties:",
    "      ExtendedS3DestinationConfiguration:",
    "        BucketARN: arn:aws:s3:::my-bucket",
    "        RoleARN: arn:aws:iam::111122223333:role/firehose",
    ...destination.map((line) => `        ${line}`),
  ];

  it("reports a stream that enables it without Prefix or ErrorOutputPrefix", () => {
    const findings = lint(
      yaml(
        "Resources:",
        ...stream(
          "NoError",
          "Prefix: 'data/!{partitionKeyFromQuery:id}/'",
          "DynamicPartitioningConfiguration: { Enabled: true }",
        ),
        ...stream("Neither", "DynamicPartitioningConfiguration: { Enabled: 'true' }"),
        ...stream(
          "Both",
          "Prefix: 'data/!{partitionKeyFromQuery:id}/'",
          "ErrorOutputPrefix: errors/",
          "DynamicPartitioningConfiguration: { Enabled: true }",
        ),
        ...stream("Off", "DynamicPartitioningConfiguration: { Enabled: false }"),
      ),
      { only: ["E3965"] },
    );
    expect(located(findings)[0]).toBe(
      "E3965 9 Firehose stream NoError enables dynamic partitioning without ErrorOutputPrefix in its " +
        "ExtendedS3DestinationConfiguration, and Firehose refuses the stream: the Prefix holds the partitioning " +
        "keys' expressions (!{partitionKeyFromQuery:...}), and records that cannot be partitioned go under the " +
        "ErrorOutputPrefix; set ErrorOutputPrefix",
    );
    expect(findings[1].message).toMatch(
      /without Prefix or ErrorOutputPrefix .* set Prefix and ErrorOutputPrefix$/,
    );
    expect(brief(findings)).toEqual(["E3965 9:54", "E3965 16:54"]);
  });
});
