/**
 * E3901/W3901: a bucket's notification destinations need S3's grant, created before the bucket;
 * E3912: the event names a notification subscribes to exist; E3925: notifications that overlap;
 * E3936: FIFO queues where S3, EventBridge and Lambda destinations do not take them as written; and the walks
 * (bucketNotifications, ruleTargets) through lists and items a Fn::If chooses.
 */
import { Event } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { parseTemplate } from "../../../../src/template/parse";
import { ruleTargets } from "../../../../src/template/rules/services/event-targets";
import { bucketNotifications, S3_EVENTS } from "../../../../src/template/rules/services/s3-event-names";
import { indexTemplate } from "../../../../src/template/rules/template-index";
import { brief, lambdaFunction, lambdaPermission, lint, samFunction, yaml } from "../lint";

describe("E3901 and W3901 S3 notification grants", () => {
  it("finds a destination without a grant, and one whose only grant waits for the bucket", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  BucketName:",
        "    Type: String",
        "Resources:",
        ...lambdaFunction("Fn"),
        "  Queue:",
        "    Type: AWS::SQS::Queue",
        "  Topic:",
        "    Type: AWS::SNS::Topic",
        "  TopicPolicy:",
        "    Type: AWS::SNS::TopicPolicy",
        "    Properties:",
        "      Topics: [!Ref Topic]",
        "      PolicyDocument: { Statement: [] }",
        ...lambdaPermission("LatePermission", "!GetAtt Fn.Arn", undefined, "SourceArn: !GetAtt Uploads.Arn"),
        "  Uploads:",
        "    Type: AWS::S3::Bucket",
        "    DependsOn: TopicPolicy",
        "    Properties:",
        "      NotificationConfiguration:",
        "        LambdaConfigurations:",
        "          - Event: s3:ObjectCreated:*",
        "            Function: !GetAtt Fn.Arn",
        "        QueueConfigurations:",
        "          - Event: s3:ObjectCreated:*",
        "            Queue: !GetAtt Queue.Arn",
        "        TopicConfigurations:",
        "          - Event: s3:ObjectCreated:*",
        "            Topic: !Ref Topic",
      ),
      { only: ["E3901", "W3901"] },
    );
    expect(brief(findings)).toEqual(["E3901 35:23", "E3901 38:20"]);
    expect(findings[0].message).toBe(
      "Bucket 'Uploads' sends event notifications to 'Fn', and every grant that lets S3 deliver there refers to " +
        "the bucket, so it is created after the bucket: S3 cannot validate the destination, and the bucket fails to " +
        "create. Name the bucket in the grant by a built ARN (arn:${AWS::Partition}:s3:::<name>) and give the " +
        "bucket DependsOn on the grant",
    );
    expect(findings[1].message).toBe(
      "Bucket 'Uploads' sends event notifications to 'Queue', which has no queue policy that lets s3.amazonaws.com " +
        "send messages to it: S3 cannot validate the destination, and the bucket fails to create; add an AWS::SQS::QueuePolicy on " +
        "!Ref Queue that allows s3.amazonaws.com sqs:SendMessage, and give the bucket DependsOn on it",
    );
  });

  it("warns when bucket and grant are unordered, and accepts a bucket that depends on its grant", () => {
    const findings = lint(
      yaml(
        "Resources:",
        ...lambdaFunction("Fn"),
        ...lambdaFunction("Other"),
        ...lambdaPermission(
          "Permission",
          "!Ref Fn",
          undefined,
          'SourceArn: !Sub "arn:${AWS::Partition}:s3:::uploads-${AWS::AccountId}"',
        ),
        ...lambdaPermission("SnsPermission", "!Ref Other", "sns.amazonaws.com"),
        "  Racy:",
        "    Type: AWS::S3::Bucket",
        "    Properties:",
        "      NotificationConfiguration:",
        "        LambdaConfigurations:",
        "          - Event: s3:ObjectCreated:*",
        "            Function: !GetAtt Fn.Arn",
        "  Ordered:",
        "    Type: AWS::S3::Bucket",
        "    DependsOn: Permission",
        "    Properties:",
        '      BucketName: !Sub "uploads-${AWS::AccountId}"',
        "      NotificationConfiguration:",
        "        LambdaConfigurations:",
        "          - Event: s3:ObjectCreated:*",
        "            Function: !GetAtt Fn.Arn",
        "          - Event: s3:ObjectRemoved:*",
        "            Function: !GetAtt Other.Arn",
      ),
      { only: ["E3901", "W3901"] },
    );
    expect(brief(findings)).toEqual(["W3901 35:23", "E3901 46:23"]);
    expect(findings[0].message).toMatch(
      /^Bucket 'Racy' and the grant that lets S3 deliver to 'Fn' do not wait/,
    );
    expect(findings[1].message).toContain(
      "'Other', which has no AWS::Lambda::Permission that lets s3.amazonaws.com",
    );
  });

  it("leaves a SAM function with an S3 event to the transform's permission", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        "  Fn:",
        "    Type: AWS::Serverless::Function",
        "    Properties:",
        "      Runtime: python3.12",
        "      Handler: index.handler",
        "      InlineCode: 'def handler(e, c): pass'",
        "      Events:",
        "        Upload:",
        "          Type: S3",
        "          Properties:",
        "            Bucket: !Ref Uploads",
        "            Events: s3:ObjectCreated:*",
        "  Archive:",
        "    Type: AWS::S3::Bucket",
        "    Properties:",
        "      NotificationConfiguration:",
        "        LambdaConfigurations:",
        "          - Event: s3:ObjectCreated:*",
        "            Function: !GetAtt Fn.Arn",
        "  Uploads:",
        "    Type: AWS::S3::Bucket",
      ),
      { only: ["E3901", "W3901"] },
    );
    expect(findings).toEqual([]);
  });

  it("judges each destination a Fn::If gives where the bucket may take it", () => {
    /** A bucket `name` with resource `attributes` that notifies Fast or Slow, as condition Fast chooses. */
    const notifying = (name: string, ...attributes: string[]) => [
      `  ${name}:`,
      "    Type: AWS::S3::Bucket",
      ...attributes.map((line) => `    ${line}`),
      "    Properties:",
      "      NotificationConfiguration:",
      "        LambdaConfigurations:",
      "          - Event: s3:ObjectCreated:*",
      "            Function: !If [Fast, !GetAtt Fast.Arn, !GetAtt Slow.Arn]",
    ];
    const findings = lint(
      yaml(
        "Conditions:",
        "  Fast: !Equals [!Ref AWS::Region, us-east-1]",
        "Resources:",
        ...lambdaFunction("Fast"),
        ...lambdaFunction("Slow"),
        ...lambdaPermission("FastPermission", "!GetAtt Fast.Arn"),
        ...notifying("Uploads", "DependsOn: FastPermission"),
        ...notifying("FastOnly", "Condition: Fast", "DependsOn: FastPermission"),
      ),
      { only: ["E3901", "W3901"] },
    );
    // FastOnly is made where Fast is true, and never sends to Slow.
    expect(brief(findings)).toEqual(["E3901 31:52"]);
    expect(findings[0].message).toContain(
      "Bucket 'Uploads' sends event notifications to 'Slow', which has no ",
    );
  });
});

describe("E3912 S3 event names", () => {
  it("holds the list equal to the S3 API's Event type", () => {
    expect([...S3_EVENTS].sort()).toEqual(Object.values(Event).sort());
  });

  it("finds unknown event types in bucket notifications and SAM S3 events", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        "  Uploads:",
        "    Type: AWS::S3::Bucket",
        "    Properties:",
        "      NotificationConfiguration:",
        "        QueueConfigurations:",
        "          - { Event: 's3:ObjectCreate:*', Queue: arn:aws:sqs:eu-west-1:123456789012:q }",
        "          - { Event: 's3:ObjectRemoved:*', Queue: arn:aws:sqs:eu-west-1:123456789012:q }",
        "        TopicConfigurations:",
        "          - { Event: !Ref AWS::NoValue, Topic: arn:aws:sns:eu-west-1:123456789012:t }",
        "  Fn:",
        "    Type: AWS::Serverless::Function",
        "    Properties:",
        "      Runtime: python3.12",
        "      Handler: app.handler",
        "      CodeUri: src/",
        "      Events:",
        "        Up:",
        "          Type: S3",
        "          Properties: { Bucket: !Ref Uploads, Events: ['s3:ObjectCreated:Put', 's3:ObjectTaging:Put'] }",
      ),
      { only: ["E3912"] },
    );
    expect(brief(findings)).toEqual(["E3912 8:22", "E3912 21:80"]);
    expect(findings[0].message).toBe(
      "'s3:ObjectCreate:*' is not an S3 event type (did you mean 's3:ObjectCreated:*'?), and S3 refuses the " +
        "notification configuration; use one such as s3:ObjectCreated:* or s3:ObjectRemoved:*",
    );
    expect(findings[1].message).toContain("(did you mean 's3:ObjectTagging:Put'?)");
  });
});

describe("E3925 overlapping notifications", () => {
  it("reports destinations that share an event for keys both filters admit, SAM events on the bucket included", () => {
    const lambda = (event: string, prefix?: string, suffix?: string) => [
      `          - Event: ${event}`,
      "            Function: arn:aws:lambda:us-east-1:123456789012:function:f",
      ...(prefix || suffix
        ? [
            "            Filter:",
            "              S3Key:",
            "                Rules:",
            ...(prefix ? [`                  - {Name: prefix, Value: ${prefix}}`] : []),
            ...(suffix ? [`                  - {Name: suffix, Value: ${suffix}}`] : []),
          ]
        : []),
    ];
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        "  Uploads:",
        "    Type: AWS::S3::Bucket",
        "    Properties:",
        "      NotificationConfiguration:",
        "        LambdaConfigurations:",
        ...lambda("s3:ObjectCreated:*", "images/"),
        ...lambda("s3:ObjectCreated:Put", "images/thumbs/"),
        ...lambda("s3:ObjectCreated:*", "docs/"),
        ...lambda("s3:ObjectRemoved:*", "images/"),
        ...lambda("s3:ObjectCreated:*", undefined, ".csv"),
        "  Fn:",
        "    Type: AWS::Serverless::Function",
        "    Properties:",
        "      Runtime: python3.13",
        "      Handler: app.handler",
        "      InlineCode: x",
        "      Events:",
        "        Upload:",
        "          Type: S3",
        "          Properties:",
        "            Bucket: !Ref Uploads",
        "            Events: s3:ObjectCreated:Post",
        "            Filter: {S3Key: {Rules: [{Name: suffix, Value: .png}]}}",
      ),
      { only: ["E3925"] },
    );
    // Each notification is six lines from line 8, but the fifth (four, from line 32). Each is reported once,
    // at the first earlier one it overlaps: the second overlaps the first; the fifth (.csv anywhere) the
    // first's images/ (and the third's docs/); the SAM event (.png, at its Type line) the first. The fourth
    // (removals) overlaps nothing, and the third nothing before it.
    expect(brief(findings)).toEqual(["E3925 14:13", "E3925 32:13", "E3925 46:11"]);
    expect(findings.map((f) => f.message)).toEqual([
      "The Lambda notification 2 and the Lambda notification 1 of bucket Uploads both take s3:ObjectCreated:* and " +
        "s3:ObjectCreated:Put for keys both admit (prefix 'images/thumbs/'; prefix 'images/'), and S3 refuses " +
        "overlapping notifications; give them prefixes or suffixes that no key has both of, or one destination",
      expect.stringContaining("The Lambda notification 5 and the Lambda notification 1 of bucket Uploads"),
      expect.stringContaining("The event Upload of Fn and the Lambda notification 1 of bucket Uploads"),
    ]);
  });

  it("leaves alone the events of functions under different conditions, which may never be deployed together", () => {
    const fn = (name: string, condition: string) => [
      `  ${name}:`,
      "    Type: AWS::Serverless::Function",
      `    Condition: ${condition}`,
      "    Properties:",
      "      Runtime: python3.13",
      "      Handler: app.handler",
      "      InlineCode: x",
      "      Events:",
      "        Upload: {Type: S3, Properties: {Bucket: !Ref Uploads, Events: s3:ObjectCreated:*}}",
    ];
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Conditions:",
        "  Prod: !Equals [!Ref AWS::AccountId, '123456789012']",
        "  NotProd: !Not [Condition: Prod]",
        "Resources:",
        "  Uploads:",
        "    Type: AWS::S3::Bucket",
        ...fn("ProdFn", "Prod"),
        ...fn("TestFn", "NotProd"),
      ),
      { only: ["E3925"] },
    );
    expect(findings).toEqual([]);
  });
});

describe("E3936 FIFO queues where a service does not take them", () => {
  it("reports a bucket notifying a FIFO queue, and a rule targeting one without a MessageGroupId", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Jobs:",
        "    Type: AWS::SQS::Queue",
        "    Properties: {FifoQueue: true, QueueName: jobs.fifo}",
        "  Standard:",
        "    Type: AWS::SQS::Queue",
        "  Uploads:",
        "    Type: AWS::S3::Bucket",
        "    Properties:",
        "      NotificationConfiguration:",
        "        QueueConfigurations:",
        "          - {Event: s3:ObjectCreated:*, Queue: !GetAtt Jobs.Arn}",
        "          - {Event: s3:ObjectRemoved:*, Queue: !GetAtt Standard.Arn}",
        "  Rule:",
        "    Type: AWS::Events::Rule",
        "    Properties:",
        "      EventPattern: {source: [app]}",
        "      Targets:",
        "        - {Id: a, Arn: !GetAtt Jobs.Arn}",
        "        - {Id: b, Arn: !GetAtt Jobs.Arn, SqsParameters: {MessageGroupId: all}}",
      ),
      { only: ["E3936"] },
    );
    expect(brief(findings)).toEqual(["E3936 12:48", "E3936 19:24"]);
    expect(findings.map((f) => f.message)).toEqual([
      "Bucket Uploads notifies FIFO queue Jobs, and S3 does not deliver to FIFO queues, so the bucket fails to " +
        "create; notify a standard queue, or an SNS topic or EventBridge rule in front of the FIFO queue",
      "Rule Rule targets FIFO queue Jobs without SqsParameters.MessageGroupId, which EventBridge requires for a " +
        "FIFO queue; add SqsParameters: {MessageGroupId: <group>}",
    ]);
  });

  it("reports Lambda destinations that are FIFO queues, for invocations and event source mappings", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        "  Jobs:",
        "    Type: AWS::SQS::Queue",
        "    Properties: {FifoQueue: true}",
        "  Standard:",
        "    Type: AWS::SQS::Queue",
        "  Stream:",
        "    Type: AWS::Kinesis::Stream",
        ...lambdaFunction("Fn"),
        "  Invoke:",
        "    Type: AWS::Lambda::EventInvokeConfig",
        "    Properties:",
        "      FunctionName: !Ref Fn",
        "      Qualifier: $LATEST",
        "      DestinationConfig:",
        "        OnSuccess: {Destination: !GetAtt Jobs.Arn}",
        "        OnFailure: {Destination: !GetAtt Standard.Arn}",
        "  Mapping:",
        "    Type: AWS::Lambda::EventSourceMapping",
        "    Properties:",
        "      FunctionName: !Ref Fn",
        "      EventSourceArn: !GetAtt Stream.Arn",
        "      StartingPosition: LATEST",
        "      DestinationConfig: {OnFailure: {Destination: !GetAtt Jobs.Arn}}",
        ...samFunction(
          "Worker",
          "EventInvokeConfig:",
          "  DestinationConfig:",
          "    OnFailure: {Type: SQS, Destination: !GetAtt Jobs.Arn}",
          "Events:",
          "  Clicks:",
          "    Type: Kinesis",
          "    Properties:",
          "      Stream: !GetAtt Stream.Arn",
          "      StartingPosition: LATEST",
          "      DestinationConfig: {OnFailure: {Type: SQS, Destination: !GetAtt Jobs.Arn}}",
        ),
      ),
      { only: ["E3936"] },
    );
    expect(brief(findings)).toEqual(["E3936 23:34", "E3936 31:52", "E3936 40:47", "E3936 47:69"]);
    expect(findings.map((f) => f.message.split(", and")[0])).toEqual([
      "Invoke config Invoke's OnSuccess destination is FIFO queue Jobs",
      "The OnFailure destination of mapping Mapping is FIFO queue Jobs",
      "Function Worker's OnFailure destination is FIFO queue Jobs",
      "The OnFailure destination of event Clicks of function Worker is FIFO queue Jobs",
    ]);
    expect(findings[0].message).toBe(
      "Invoke config Invoke's OnSuccess destination is FIFO queue Jobs, and Lambda sends records to standard " +
        "queues only, so the stack fails; send them to a standard queue",
    );
  });
});

describe("notifications and rule targets a Fn::If chooses", () => {
  it("are judged one by one (E3912, E3901, E3917), and never against each other (E3925)", () => {
    // Before the walks read Fn::If items (listMappings), none of these was found. The two lists of
    // Other are branches of one Fn::If: only one exists, so their identical filters do not overlap.
    const findings = lint(
      yaml(
        "Conditions:",
        "  Prod: !Equals [!Ref AWS::StackName, prod]",
        "Resources:",
        ...lambdaFunction("Fn"),
        "  Bucket:",
        "    Type: AWS::S3::Bucket",
        "    Properties:",
        "      NotificationConfiguration:",
        "        LambdaConfigurations:",
        "          - !If",
        "            - Prod",
        "            - Event: s3:ObjectCreate:*",
        "              Function: !GetAtt Fn.Arn",
        "            - !Ref AWS::NoValue",
        "  Other:",
        "    Type: AWS::S3::Bucket",
        "    Properties:",
        "      NotificationConfiguration:",
        "        LambdaConfigurations: !If",
        "          - Prod",
        "          - - Event: s3:ObjectCreated:*",
        "              Function: arn:aws:lambda:us-east-1:123456789012:function:a",
        "          - - Event: s3:ObjectCreated:*",
        "              Function: arn:aws:lambda:us-east-1:123456789012:function:a",
        "  Rule:",
        "    Type: AWS::Events::Rule",
        "    Properties:",
        "      ScheduleExpression: rate(1 hour)",
        "      Targets:",
        "        - !If",
        "          - Prod",
        "          - Id: t",
        "            Arn: !GetAtt Fn.Arn",
        '            Input: "{}"',
        "            InputPath: $.detail",
        "          - !Ref AWS::NoValue",
      ),
      { only: ["E3912", "E3901", "E3917", "E3925"] },
    );
    expect(brief(findings)).toEqual(["E3912 18:22", "E3901 19:25", "E3917 41:13"]);
  });

  it("find a notification or target that a YAML alias puts in both branches once", () => {
    // The alias is one node in both lists of the Fn::If: each rule reading both lists met it
    // twice. cfn-lint 1.51 reports none of these.
    const source = yaml(
      "Conditions:",
      "  Prod: !Equals [!Ref AWS::StackName, prod]",
      "Resources:",
      "  Queue:",
      "    Type: AWS::SQS::Queue",
      "    Properties:",
      "      FifoQueue: true",
      "  Bucket:",
      "    Type: AWS::S3::Bucket",
      "    Properties:",
      "      NotificationConfiguration:",
      "        QueueConfigurations: !If",
      "          - Prod",
      "          - - &q",
      "              Event: s3:ObjectCreate:*",
      "              Queue: !GetAtt Queue.Arn",
      "          - - *q",
      "  Rule:",
      "    Type: AWS::Events::Rule",
      "    Properties:",
      "      ScheduleExpression: rate(1 hour)",
      "      Targets: !If",
      "        - Prod",
      "        - - &t",
      "            Id: t",
      "            Arn: !GetAtt Queue.Arn",
      '            Input: "{}"',
      "            InputPath: $.detail",
      "        - - *t",
    );
    const findings = lint(source, { only: ["E3912", "E3901", "E3917", "E3925", "E3936"] });
    expect(brief(findings)).toEqual([
      "E3912 15:22",
      "E3901 16:22",
      "E3936 16:22",
      "E3936 26:18",
      "E3917 28:13",
    ]);
    // The runner drops exact repeats as well (validate.ts), so the findings alone would pass without
    // the walks' own check: each walk is held to finding the aliased node once.
    const parsed = parseTemplate(source, "template.yaml");
    if (parsed.root?.kind !== "map") throw new Error("template did not parse");
    const template = indexTemplate(parsed, parsed.root);
    expect(bucketNotifications(template).map((found) => found.path.join("."))).toEqual([
      "Resources.Bucket.Properties.NotificationConfiguration.QueueConfigurations.0",
    ]);
    expect(ruleTargets(template).map((found) => found.path.join("."))).toEqual([
      "Resources.Rule.Properties.Targets.0",
    ]);
  });
});
