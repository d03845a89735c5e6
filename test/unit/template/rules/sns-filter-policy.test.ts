/**
 * E3977: SNS filter policies within what SNS accepts.
 */
import { describe, expect, it } from "vitest";
import { brief, lint, samFunction, yaml } from "../lint";

/** A subscription `name` of queue Queue to topic Topic, then `properties` lines of its Properties. */
const subscription = (name: string, ...properties: string[]) => [
  `  ${name}:`,
  "    Type: AWS::SNS::Subscription",
  "    Properties:",
  "      TopicArn: !Ref Topic",
  "      Protocol: sqs",
  "      Endpoint: !GetAtt Queue.Arn",
  ...properties.map((line) => `      ${line}`),
];

describe("E3977 SNS filter policy limits", () => {
  it("reports nesting on attributes, empty lists, more than five attributes and more than 150 combinations", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        "  Topic:",
        "    Type: AWS::SNS::Topic",
        "  Queue:",
        "    Type: AWS::SQS::Queue",
        ...subscription("Nested", "FilterPolicy:", "  detail:", "    kind: [order]"),
        ...subscription(
          "Body",
          "FilterPolicyScope: MessageBody",
          "FilterPolicy:",
          "  detail:",
          "    kind: [order]",
          "    region: []",
        ),
        ...subscription("Many", "FilterPolicy: {a: [1], b: [1], c: [1], d: [1], e: [1], f: [1]}"),
        ...subscription(
          "Complex",
          'FilterPolicy: \'{"a": [1, 2, 3, 4, 5, 6], "b": [1, 2, 3, 4, 5], "c": [1, 2, 3, 4, 5, 6]}\'',
        ),
        ...subscription("Fine", "FilterPolicy: {a: [1, 2, 3], b: [{prefix: img/}], c: [x]}"),
        ...samFunction(
          "Worker",
          "Events:",
          "  Orders:",
          "    Type: SNS",
          "    Properties:",
          "      Topic: !Ref Topic",
          "      FilterPolicy: {detail: {kind: [order]}}",
        ),
      ),
      { only: ["E3977"] },
    );
    expect(brief(findings)).toEqual([
      "E3977 15:11",
      "E3977 26:19",
      "E3977 33:62",
      "E3977 40:21",
      "E3977 59:36",
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      "The FilterPolicy of subscription Nested is nested, and SNS filters nested policies on the message body only " +
        '("Filter policy scope MessageAttributes does not support nested filter policy"); set FilterPolicyScope: ' +
        "MessageBody, or match message attributes with a flat policy",
      "An empty list in the FilterPolicy of subscription Body matches nothing, and SNS refuses it (Empty arrays are " +
        "not allowed)",
      "The FilterPolicy of subscription Many names 6 message attributes, and SNS takes at most 5 in a filter policy; " +
        "match on fewer attributes, or filter on the message body",
      "The FilterPolicy of subscription Complex has 180 combinations of values (the lengths of its lists multiplied), " +
        "and SNS takes at most 150 (Filter policy is too complex); split it across subscriptions, or match with " +
        "prefix or anything-but",
      expect.stringContaining("The FilterPolicy of event Orders of Worker is nested"),
    ]);
  });
});
