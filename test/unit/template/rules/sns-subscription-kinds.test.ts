/**
 * E3970: SNS subscriptions SNS refuses for the topic they join, their protocol or their
 * dead-letter queue.
 */
import { describe, expect, it } from "vitest";
import { snsSubscriptionKinds } from "../../../../src/template/rules/services/sns-subscription-kinds";
import { loadSpec } from "../../../../src/template/spec/index";
import { validateSource } from "../../../../src/template/validate-text";
import { yaml } from "../lint";

const spec = loadSpec();

function found(source: string): string[] {
  return validateSource(source, "template.yaml", { spec, rules: [snsSubscriptionKinds] }).map(
    (f) => `${f.range.start.line}:${f.range.start.column} ${f.message}`,
  );
}

const resources = [
  "  Fn:",
  "    Type: AWS::Lambda::Function",
  "    Properties:",
  "      Runtime: python3.12",
  "      Handler: index.handler",
  "      Role: arn:aws:iam::123456789012:role/r",
  "      Code: { ZipFile: 'def handler(e, c): pass' }",
  "  Standard:",
  "    Type: AWS::SNS::Topic",
  "  Fifo:",
  "    Type: AWS::SNS::Topic",
  "    Properties:",
  "      FifoTopic: true",
  "      Subscription:",
  "        - { Protocol: sqs, Endpoint: !GetAtt Queue.Arn }",
  "        - { Protocol: email, Endpoint: a@example.com }",
  "  Queue:",
  "    Type: AWS::SQS::Queue",
  "  FifoQueue:",
  "    Type: AWS::SQS::Queue",
  "    Properties:",
  "      FifoQueue: true",
];

describe("E3970 SNS subscriptions that fit neither their topic nor their protocol", () => {
  it("reports raw delivery off sqs, http(s) and firehose, FIFO topics' other protocols and FIFO queues on standard topics", () => {
    const source = yaml(
      "Resources:",
      ...resources,
      "  RawLambda:",
      "    Type: AWS::SNS::Subscription",
      "    Properties: { TopicArn: !Ref Standard, Protocol: lambda, Endpoint: !GetAtt Fn.Arn, RawMessageDelivery: true }",
      "  RawEmail:",
      "    Type: AWS::SNS::Subscription",
      "    Properties: { TopicArn: !Ref Standard, Protocol: email, Endpoint: a@example.com, RawMessageDelivery: false }",
      "  RawQueue:",
      "    Type: AWS::SNS::Subscription",
      "    Properties: { TopicArn: !Ref Fifo, Protocol: sqs, Endpoint: !GetAtt FifoQueue.Arn, RawMessageDelivery: true }",
      "  FifoLambda:",
      "    Type: AWS::SNS::Subscription",
      "    Properties: { TopicArn: !Ref Fifo, Protocol: lambda, Endpoint: !GetAtt Fn.Arn }",
      "  StandardToFifoQueue:",
      "    Type: AWS::SNS::Subscription",
      "    Properties: { TopicArn: !Ref Standard, Protocol: sqs, Endpoint: !GetAtt FifoQueue.Arn }",
      "  StandardQueueOnFifo:",
      "    Type: AWS::SNS::Subscription",
      "    Properties: { TopicArn: !Ref Fifo, Protocol: sqs, Endpoint: !GetAtt Queue.Arn }",
      "  Elsewhere:",
      "    Type: AWS::SNS::Subscription",
      "    Properties: { TopicArn: arn:aws:sns:us-east-1:123456789012:t.fifo, Protocol: lambda, Endpoint: !GetAtt Fn.Arn }",
    );
    expect(found(source)).toEqual([
      "17:23 A subscription of topic 'Fifo' is an email subscription to FIFO topic 'Fifo', and a FIFO topic delivers " +
        "only to SQS queues: subscribe a queue, or use a standard topic",
      "26:108 Subscription 'RawLambda' sets RawMessageDelivery on a lambda subscription, and SNS takes it only for " +
        "sqs, http, https and firehose ones (false included); remove RawMessageDelivery",
      "29:106 Subscription 'RawEmail' sets RawMessageDelivery on an email subscription, and SNS takes it only for " +
        "sqs, http, https and firehose ones (false included); remove RawMessageDelivery",
      "35:50 Subscription 'FifoLambda' is a lambda subscription to FIFO topic 'Fifo', and a FIFO topic delivers only " +
        "to SQS queues: subscribe a queue and let it trigger the function, or use a standard topic",
      "38:69 Subscription 'StandardToFifoQueue' subscribes FIFO queue 'FifoQueue' to standard topic 'Standard', and " +
        "SNS subscribes FIFO queues only to FIFO topics: make the topic FIFO (FifoTopic: true, a name ending in " +
        ".fifo) or the queue standard",
    ]);
  });

  it("reads a SAM function's SNS events: a function on a FIFO topic, a FIFO queue on a standard one", () => {
    const source = yaml(
      "Transform: AWS::Serverless-2016-10-31",
      "Resources:",
      ...resources,
      "  Handler:",
      "    Type: AWS::Serverless::Function",
      "    Properties:",
      "      Runtime: python3.12",
      "      Handler: index.handler",
      "      InlineCode: 'def handler(e, c): pass'",
      "      Events:",
      "        Direct: { Type: SNS, Properties: { Topic: !Ref Fifo } }",
      "        ViaQueue: { Type: SNS, Properties: { Topic: !Ref Fifo, SqsSubscription: true } }",
      "        Ordered:",
      "          Type: SNS",
      "          Properties:",
      "            Topic: !Ref Standard",
      "            SqsSubscription: { QueueArn: !GetAtt FifoQueue.Arn, QueueUrl: !Ref FifoQueue }",
    );
    expect(found(source).map((line) => line.split(",")[0])).toEqual([
      "18:23 A subscription of topic 'Fifo' is an email subscription to FIFO topic 'Fifo'",
      "32:25 SNS event Direct of function 'Handler' is a lambda subscription to FIFO topic 'Fifo'",
      "38:42 SNS event Ordered of function 'Handler' subscribes FIFO queue 'FifoQueue' to standard topic 'Standard'",
    ]);
  });

  it("reports a FIFO queue's subscription whose dead-letter queue is standard, and not a standard queue's", () => {
    const source = yaml(
      "Parameters:",
      "  TopicArn: { Type: String }",
      "Resources:",
      ...resources,
      "  FifoDlq:",
      "    Type: AWS::SQS::Queue",
      "    Properties: { FifoQueue: true }",
      "  StandardDlq:",
      "    Type: AWS::SNS::Subscription",
      "    Properties:",
      "      TopicArn: !Ref Fifo",
      "      Protocol: sqs",
      "      Endpoint: !GetAtt FifoQueue.Arn",
      "      RedrivePolicy: { deadLetterTargetArn: !GetAtt Queue.Arn }",
      "  UnknownTopic:",
      "    Type: AWS::SNS::Subscription",
      "    Properties:",
      "      TopicArn: !Ref TopicArn",
      "      Protocol: sqs",
      "      Endpoint: !GetAtt FifoQueue.Arn",
      "      RedrivePolicy: { deadLetterTargetArn: !GetAtt Queue.Arn }",
      "  FifoDlqSubscription:",
      "    Type: AWS::SNS::Subscription",
      "    Properties:",
      "      TopicArn: !Ref Fifo",
      "      Protocol: sqs",
      "      Endpoint: !GetAtt FifoQueue.Arn",
      "      RedrivePolicy: { deadLetterTargetArn: !GetAtt FifoDlq.Arn }",
      "  StandardEndpoint:",
      "    Type: AWS::SNS::Subscription",
      "    Properties:",
      "      TopicArn: !Ref Fifo",
      "      Protocol: sqs",
      "      Endpoint: !GetAtt Queue.Arn",
      "      RedrivePolicy: { deadLetterTargetArn: !GetAtt Queue.Arn }",
    );
    // cfn-lint 1.51 reports none of these (line 19 is the email subscription of the shared resources).
    const findings = found(source);
    expect(findings[0]).toMatch(/^19:23 A subscription of topic 'Fifo' is an email subscription/);
    expect(findings.slice(1, 2)).toEqual([
      "35:45 Subscription 'StandardDlq' subscribes FIFO queue 'FifoQueue', and its dead-letter queue 'Queue' is " +
        "standard: SNS takes only a FIFO queue as the dead-letter queue of a FIFO subscription; make the dead-letter " +
        "queue FIFO (FifoQueue: true, a name ending in .fifo)",
    ]);
    expect(findings.slice(2).map((line) => line.split(": SNS")[0])).toEqual([
      "42:45 Subscription 'UnknownTopic' subscribes FIFO queue 'FifoQueue', and its dead-letter queue 'Queue' is standard",
    ]);
  });
});
