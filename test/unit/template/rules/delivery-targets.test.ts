/** E3906/W3906 log subscription filters, W3907 EventBridge targets and SNS subscriptions, without grants. */
import { describe, expect, it } from "vitest";
import { brief, lint, yaml } from "../lint";

const FUNCTION = [
  "  Fn:",
  "    Type: AWS::Lambda::Function",
  "    Properties:",
  "      Runtime: python3.12",
  "      Handler: index.handler",
  "      Role: arn:aws:iam::123456789012:role/x",
  '      Code: { ZipFile: "def handler(e, c): pass" }',
];
const RULES = ["E3906", "W3906", "W3907"];

describe("deliveries without grants", () => {
  it("finds a log subscription, an SNS subscription and a rule target that nothing lets deliver", () => {
    const findings = lint(
      yaml(
        "Resources:",
        ...FUNCTION,
        "  Logs:",
        "    Type: AWS::Logs::LogGroup",
        "  Filter:",
        "    Type: AWS::Logs::SubscriptionFilter",
        "    Properties:",
        "      LogGroupName: !Ref Logs",
        '      FilterPattern: ""',
        "      DestinationArn: !GetAtt Fn.Arn",
        "  Queue:",
        "    Type: AWS::SQS::Queue",
        "  Topic:",
        "    Type: AWS::SNS::Topic",
        "    Properties:",
        "      Subscription:",
        "        - Protocol: sqs",
        "          Endpoint: !GetAtt Queue.Arn",
        "        - Protocol: email",
        "          Endpoint: ops@example.com",
        "  Subscription:",
        "    Type: AWS::SNS::Subscription",
        "    Properties:",
        "      TopicArn: !Ref Topic",
        "      Protocol: lambda",
        "      Endpoint: !GetAtt Fn.Arn",
        "  Rule:",
        "    Type: AWS::Events::Rule",
        "    Properties:",
        "      ScheduleExpression: rate(1 hour)",
        "      Targets:",
        "        - Id: fn",
        "          Arn: !GetAtt Fn.Arn",
        "        - Id: topic",
        "          Arn: !Ref Topic",
        "  TopicPolicy:",
        "    Type: AWS::SNS::TopicPolicy",
        "    Properties:",
        "      Topics: [!Ref Topic]",
        "      PolicyDocument: { Statement: [] }",
        "  EventsPermission:",
        "    Type: AWS::Lambda::Permission",
        "    Properties:",
        "      FunctionName: !Ref Fn",
        "      Action: lambda:InvokeFunction",
        "      Principal: events.amazonaws.com",
      ),
      { only: RULES },
    );
    expect(brief(findings)).toEqual(["E3906 16:23", "W3907 24:21", "W3907 32:17"]);
    expect(findings[0].message).toBe(
      "Subscription filter 'Filter' sends log events to 'Fn', which has no AWS::Lambda::Permission that lets " +
        "logs.amazonaws.com invoke it: CloudWatch Logs tests the destination when the filter is created, and the " +
        "filter fails to create; add an AWS::Lambda::Permission with FunctionName !GetAtt Fn.Arn, Action " +
        "lambda:InvokeFunction, Principal logs.amazonaws.com, and give the filter DependsOn on it",
    );
    expect(findings[1].message).toBe(
      "A subscription of topic 'Topic' delivers to 'Queue', which has no queue policy that lets sns.amazonaws.com " +
        "send messages to it: the subscription deploys, but SNS cannot deliver to it; add an AWS::SQS::QueuePolicy " +
        "on !Ref Queue that allows sns.amazonaws.com sqs:SendMessage",
    );
    expect(findings[2].message).toMatch(
      /^Subscription 'Subscription' delivers to 'Fn', which has no AWS::Lambda::Permission that lets sns\.amazonaws\.com invoke it/,
    );
  });

  it("warns of a filter that does not wait for its permission", () => {
    const findings = lint(
      yaml(
        "Resources:",
        ...FUNCTION,
        "  Logs:",
        "    Type: AWS::Logs::LogGroup",
        "  LogsPermission:",
        "    Type: AWS::Lambda::Permission",
        "    Properties:",
        "      FunctionName: !GetAtt Fn.Arn",
        "      Action: lambda:InvokeFunction",
        '      Principal: !Sub "logs.${AWS::Region}.amazonaws.com"',
        "  Racy:",
        "    Type: AWS::Logs::SubscriptionFilter",
        "    Properties:",
        "      LogGroupName: !Ref Logs",
        '      FilterPattern: ""',
        "      DestinationArn: !GetAtt Fn.Arn",
        "  Waiting:",
        "    Type: AWS::Logs::SubscriptionFilter",
        "    DependsOn: LogsPermission",
        "    Properties:",
        "      LogGroupName: !Ref Logs",
        '      FilterPattern: ""',
        "      DestinationArn: !GetAtt Fn.Arn",
      ),
      { only: RULES },
    );
    expect(brief(findings)).toEqual(["W3906 22:23"]);
    expect(findings[0].message).toBe(
      "Subscription filter 'Racy' does not wait for the permission that lets CloudWatch Logs invoke 'Fn', so " +
        "CloudFormation may create the filter first, and it then fails to create; give it DependsOn on " +
        "'LogsPermission'",
    );
  });
});
