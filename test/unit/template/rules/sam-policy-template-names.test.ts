import { describe, expect, it } from "vitest";
import { brief, lint, samFunction, yaml } from "../lint";

/** The resources the policies name: a queue, a topic, a table, a state machine and a secret. */
const GRANTED = [
  "  Jobs:",
  "    Type: AWS::SQS::Queue",
  "  Alerts:",
  "    Type: AWS::SNS::Topic",
  "  Orders:",
  "    Type: AWS::DynamoDB::Table",
  "  Flow:",
  "    Type: AWS::StepFunctions::StateMachine",
  "  Secret:",
  "    Type: AWS::SecretsManager::Secret",
];

/** A SAM function with the given Policies lines (eight spaces in), beside the GRANTED resources. */
function withPolicies(...policies: string[]): string {
  return yaml(
    "Transform: AWS::Serverless-2016-10-31",
    "Resources:",
    ...samFunction("Fn", "Policies:"),
    ...policies.map((line) => `        ${line}`),
    ...GRANTED,
  );
}

const names = (source: string) => lint(source, { only: ["W3938"] });

describe("W3938 SAM policy templates given an ARN or a URL where they take a name", () => {
  it("reports a queue's Ref (its URL), a topic's Ref (its ARN) and a GetAtt of an Arn, with what to give", () => {
    const findings = names(
      withPolicies(
        "- SQSPollerPolicy: {QueueName: !Ref Jobs}",
        "- SNSPublishMessagePolicy:",
        "    TopicName: !Ref Alerts",
        "- DynamoDBCrudPolicy: {TableName: !GetAtt Orders.Arn}",
        "- StepFunctionsExecutionPolicy: {StateMachineName: !Ref Flow}",
        "- S3ReadPolicy: {BucketName: !Sub 'arn:${AWS::Partition}:s3:::assets'}",
      ),
    );
    expect(brief(findings)).toEqual([
      "W3938 10:40",
      "W3938 12:24",
      "W3938 13:43",
      "W3938 14:60",
      "W3938 15:38",
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      "SQSPollerPolicy builds the ARN it grants on from QueueName, which is given the queue's URL, so the policy " +
        "names nothing and the calls it should allow are refused at run time: give !GetAtt Jobs.QueueName",
      "SNSPublishMessagePolicy builds the ARN it grants on from TopicName, which is given the topic's ARN, so the " +
        "policy names nothing and the calls it should allow are refused at run time: give !GetAtt Alerts.TopicName",
      "DynamoDBCrudPolicy builds the ARN it grants on from TableName, which is given an ARN (its Arn), so the " +
        "policy names nothing and the calls it should allow are refused at run time: give !Ref Orders",
      "StepFunctionsExecutionPolicy builds the ARN it grants on from StateMachineName, which is given the state " +
        "machine's ARN, so the policy names nothing and the calls it should allow are refused at run time: give " +
        "!GetAtt Flow.Name",
      "S3ReadPolicy builds the ARN it grants on from BucketName, which is given an ARN, so the policy names " +
        "nothing and the calls it should allow are refused at run time: give the BucketName itself",
    ]);
    expect(findings[1].path).toEqual([
      "Resources",
      "Fn",
      "Properties",
      "Policies",
      1,
      "SNSPublishMessagePolicy",
      "TopicName",
    ]);
  });

  it("passes names, parameters a template takes whole, and values it cannot know", () => {
    const findings = names(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Conditions:",
        "  Prod: !Equals [!Ref AWS::AccountId, '123456789012']",
        "Parameters:",
        "  QueueName:",
        "    Type: String",
        "Resources:",
        ...samFunction(
          "Fn",
          "Policies:",
          "  - SQSPollerPolicy: {QueueName: !GetAtt Jobs.QueueName}",
          "  - SQSSendMessagePolicy: {QueueName: !Ref QueueName}",
          "  - DynamoDBReadPolicy: {TableName: !Ref Orders}",
          "  - SNSPublishMessagePolicy: {TopicName: !If [Prod, !GetAtt Alerts.TopicName, !ImportValue topic]}",
          // The secret's ARN is what this template takes: it is the policy's Resource as given.
          "  - AWSSecretsManagerGetSecretValuePolicy: {SecretArn: !Ref Secret}",
          "  - arn:aws:iam::aws:policy/AmazonSQSFullAccess",
        ),
        ...GRANTED,
      ),
    );
    expect(brief(findings)).toEqual([]);
  });

  it("suggests no resource's name where the ARN given is another resource's (a table's stream), and knows a topic's own ARN", () => {
    const findings = names(
      withPolicies(
        "- DynamoDBStreamReadPolicy: {TableName: !Ref Orders, StreamName: !GetAtt Orders.StreamArn}",
        // A topic's own ARN is its TopicArn.
        "- SNSCrudPolicy: {TopicName: !GetAtt Alerts.TopicArn}",
      ),
    );
    expect(brief(findings)).toEqual(["W3938 10:74", "W3938 11:38"]);
    expect(findings[0].message).toMatch(/given an ARN \(its StreamArn\), .*: give the StreamName itself$/);
    expect(findings[1].message).toMatch(/given an ARN \(its TopicArn\), .*: give !GetAtt Alerts\.TopicName$/);
  });

  it("reads each branch of a Fn::If in Policies", () => {
    const findings = names(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Conditions:",
        "  Prod: !Equals [!Ref AWS::AccountId, '123456789012']",
        "Resources:",
        ...samFunction(
          "Fn",
          "Policies:",
          "  - !If [Prod, {SQSPollerPolicy: {QueueName: !GetAtt Jobs.Arn}}, !Ref AWS::NoValue]",
        ),
        "  Jobs:",
        "    Type: AWS::SQS::Queue",
      ),
    );
    expect(brief(findings)).toEqual(["W3938 12:52"]);
    expect(findings[0].message).toMatch(/given an ARN \(its Arn\), .*: give !GetAtt Jobs\.QueueName$/);
  });
});
