import { describe, expect, it } from "vitest";
import { EVENT_TARGETS } from "../../../../src/template/rules/sam/event-targets";
import { brief, lint, samFunction, yaml } from "../lint";
import { type MadeResource, samTranslatorInstalled, translateSam } from "../sam-translator";

const SAM = "Transform: AWS::Serverless-2016-10-31";

/** A SAM function with one event of `type`, its Properties given as fixture lines (twelve spaces in). */
function withEvent(type: string, ...properties: string[]): string {
  return yaml(
    SAM,
    "Resources:",
    ...samFunction("Fn", "Events:", "  Work:", `    Type: ${type}`, "    Properties:"),
    ...properties.map((line) => `            ${line}`),
  );
}

const QUEUE = "Queue: arn:aws:sqs:us-east-1:123456789012:jobs";
const STREAM = "Stream: arn:aws:kinesis:us-east-1:123456789012:stream/clicks";

describe("SAM event values, judged in the resource the transform makes of them", () => {
  it("judges a poller's values as an event source mapping's", () => {
    const findings = lint(
      withEvent(
        "Kinesis",
        STREAM,
        "StartingPosition: Latest",
        "BatchSize: 20000",
        "ParallelizationFactor: 11",
        "MaximumBatchingWindowInSeconds: 300",
        "FunctionResponseTypes: [ReportBatchItemFailure]",
      ),
    );
    expect(brief(findings)).toEqual(["E3031 14:31", "E3034 15:24", "E3034 16:36", "E3030 18:37"]);
    expect(findings.map((f) => f.message)).toEqual([
      "'StartingPosition' of Kinesis event Work of Fn (SAM makes it an AWS::Lambda::EventSourceMapping) must " +
        "match the pattern (LATEST|TRIM_HORIZON|AT_TIMESTAMP)+",
      "'BatchSize' of Kinesis event Work of Fn (SAM makes it an AWS::Lambda::EventSourceMapping) must be at most 10000",
      "'ParallelizationFactor' of Kinesis event Work of Fn (SAM makes it an AWS::Lambda::EventSourceMapping) must " +
        "be at most 10",
      "'FunctionResponseTypes[0]' of Kinesis event Work of Fn (SAM makes it an AWS::Lambda::EventSourceMapping) " +
        "must be one of ReportBatchItemFailures (did you mean 'ReportBatchItemFailures'?)",
    ]);
  });

  it("judges the queue or stream a poller reads as the mapping's EventSourceArn", () => {
    // A public SAM template of round 14 wrote the function call as text; the transform passes it
    // to EventSourceArn, and cfn-lint 1.51 reports it after its transform.
    const findings = lint(withEvent("SQS", "Queue: Fn::GetAtt Jobs.Arn"));
    expect(brief(findings)).toEqual(["E3031 13:20"]);
    expect(findings[0].message).toMatch(
      /^'Queue' of SQS event Work of Fn \(SAM makes it an AWS::Lambda::EventSourceMapping\) must match the pattern arn:/,
    );
    expect(lint(withEvent("SQS", QUEUE))).toEqual([]);
    expect(brief(lint(withEvent("DynamoDB", "Stream: orders-stream", "StartingPosition: LATEST")))).toEqual([
      "E3031 13:21",
    ]);
  });

  it("judges a poller's DestinationConfig, whose OnFailure Type the transform takes out", () => {
    const findings = lint(
      withEvent(
        "Kinesis",
        STREAM,
        "StartingPosition: LATEST",
        "DestinationConfig:",
        "  OnFailure:",
        "    Type: SQS",
        "    Destination: not-an-arn",
      ),
    );
    expect(brief(findings.filter((f) => f.ruleId.startsWith("E303")))).toEqual([
      "E3031 18:30",
      "E3033 18:30",
    ]);
    expect(findings.find((f) => f.ruleId === "E3033")?.message).toBe(
      "'DestinationConfig.OnFailure.Destination' of Kinesis event Work of Fn (SAM makes it an " +
        "AWS::Lambda::EventSourceMapping) must be at least 12 characters long",
    );
  });

  it("follows a value into a nested setting and a place under another name", () => {
    const findings = lint(
      withEvent(
        "MSK",
        STREAM,
        "StartingPosition: LATEST",
        "ScalingConfig: {MaximumConcurrency: 1}",
        "Topics: []",
      ),
    );
    expect(brief(findings)).toEqual(["E3034 15:49", "E3032 16:21"]);
    expect(findings[0].message).toMatch(
      /^'ScalingConfig\.MaximumConcurrency' of MSK event Work .* at least 2$/,
    );
    expect(findings[1].message).toMatch(/^'Topics' of MSK event Work .* must have at least 1 item$/);
  });

  it("judges a schedule's values as an EventBridge rule's and its one target's", () => {
    const findings = lint(
      withEvent(
        "Schedule",
        "Schedule: rate(5 minutes)",
        "State: Enabled",
        `Name: ${"n".repeat(65)}`,
        "RetryPolicy: {MaximumRetryAttempts: 200, MaximumEventAgeInSeconds: 30}",
      ),
    ).filter((f) => f.ruleId.startsWith("E30")); // the Name written out is also W3939's (fixed-names.test.ts)
    expect(brief(findings)).toEqual(["E3030 14:20", "E3033 15:19", "E3034 16:49", "E3034 16:80"]);
    expect(findings[0].message).toBe(
      "'State' of Schedule event Work of Fn (SAM makes it an AWS::Events::Rule) must be one of DISABLED, ENABLED, " +
        "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS (did you mean 'ENABLED'?)",
    );
    expect(findings[2].message).toMatch(
      /^'RetryPolicy\.MaximumRetryAttempts' of Schedule event .* at most 185$/,
    );
  });

  it("reports a setting's missing required property where the event writes the setting", () => {
    const findings = lint(
      withEvent(
        "ScheduleV2",
        "ScheduleExpression: rate(1 hour)",
        "FlexibleTimeWindow: {MaximumWindowInMinutes: 5}",
        "State: enabled",
      ),
    );
    expect(brief(findings)).toEqual(["E3003 14:13", "E3030 15:20"]);
    expect(findings[0].message).toBe(
      "Missing required property 'Mode' in FlexibleTimeWindow (ScheduleV2 event Work of Fn (SAM makes it an " +
        "AWS::Scheduler::Schedule))",
    );
  });

  it("judges the events of a state machine, and a parameter's values given to one (W1030)", () => {
    const findings = lint(
      yaml(
        SAM,
        "Parameters:",
        "  Retries:",
        "    Type: Number",
        "    Default: 200",
        "Resources:",
        "  Machine:",
        "    Type: AWS::Serverless::StateMachine",
        "    Properties:",
        "      Definition: {StartAt: A, States: {A: {Type: Pass, End: true}}}",
        "      Events:",
        "        Nightly:",
        "          Type: EventBridgeRule",
        "          Properties:",
        "            Pattern: {source: [aws.s3]}",
        "            RetryPolicy: {MaximumRetryAttempts: !Ref Retries}",
        "            InputTransformer: {InputPathsMap: {a: $.a}}",
      ),
    );
    expect(brief(findings)).toEqual(["W1030 5:14", "E3003 17:13"]);
    expect(findings[0].message).toMatch(/^Default of parameter 'Retries' does not fit: 'RetryPolicy\./);
    expect(findings[1].message).toMatch(/^Missing required property 'InputTemplate' in InputTransformer \(/);
  });

  it("leaves alone what the transform changes, and events it cannot read", () => {
    const findings = lint(
      yaml(
        SAM,
        "Conditions:",
        "  Never: !Equals [a, b]",
        "Resources:",
        ...samFunction(
          "Fn",
          "Events:",
          // Enabled becomes State; the transform removes DestinationConfig's Type.
          "  Tick:",
          "    Type: Schedule",
          "    Properties: {Schedule: rate(1 day), Enabled: false}",
          "  Stream:",
          "    Type: Kinesis",
          "    Properties:",
          `      ${STREAM}`,
          "      StartingPosition: TRIM_HORIZON",
          "      DestinationConfig: {OnFailure: {Type: SQS, Destination: arn:aws:sqs:us-east-1:123456789012:dlq}}",
          // Properties given by a function, and an S3 event (its Events are not judged by the schema).
          "  Chosen:",
          "    Type: SQS",
          `    Properties: !If [Never, {${QUEUE}, BatchSize: 20000}, {${QUEUE}}]`,
          "  Upload:",
          "    Type: S3",
          "    Properties: {Bucket: !Ref Bucket, Events: 's3:ObjectCreated:*'}",
        ),
        "  Bucket:",
        "    Type: AWS::S3::Bucket",
      ),
    );
    expect(brief(findings.filter((f) => f.severity === "error" && f.ruleId.startsWith("E30")))).toEqual([]);
  });

  it("judges nothing on a template without the SAM transform", () => {
    const source = withEvent("SQS", QUEUE, "BatchSize: 20000").replace(`${SAM}\n`, "");
    expect(brief(lint(source, { only: ["E3034"] }))).toEqual([]);
  });
});

describe("the table of where SAM puts event values", () => {
  it.skipIf(!samTranslatorInstalled("sam-event-values.test.ts", "the table of where SAM puts event values"))(
    "matches the installed SAM transform: each listed value lands, unchanged, at its place in the resource made",
    () => {
      const translated = translateEvents();
      const misplaced: string[] = [];
      for (const [resourceType, events] of Object.entries(EVENT_TARGETS)) {
        for (const [eventType, target] of Object.entries(events)) {
          const made = translated[`${resourceType} ${eventType}`];
          const resource = made?.find((r) => r.Type === target.type);
          for (const [property, path] of Object.entries(target.properties)) {
            let value: unknown = resource?.Properties;
            for (const segment of path) {
              const at = value as Record<string, unknown> | unknown[] | undefined;
              value = Array.isArray(at)
                ? segment === "*" && at.length === 1
                  ? at[0]
                  : undefined
                : at?.[segment];
            }
            if (JSON.stringify(value) !== JSON.stringify(LANDS[property] ?? marker(property)))
              misplaced.push(
                `${resourceType} ${eventType}.${property} -> ${path.join(".")}: ${JSON.stringify(value)}`,
              );
          }
        }
      }
      expect(misplaced).toEqual([]);
    },
  );
});

/** The value each listed property is given in the translated templates: a Ref to a parameter of its own. */
function marker(property: string): unknown {
  return MARKERS[property] ?? { Ref: `P${property}` };
}

/** Properties the transform reads itself, so a Ref would not do: a value of their own kind. */
const MARKERS: Record<string, unknown> = {
  SourceAccessConfigurations: [
    { Type: "BASIC_AUTH", URI: "arn:aws:secretsmanager:us-east-1:123456789012:secret:s" },
  ],
  DestinationConfig: { OnFailure: { Type: "SQS", Destination: { Ref: "PDestination" } } },
};

/**
 * What lands of a marker the transform changes: DestinationConfig without its OnFailure Type, a key
 * the made resource's schema has no place for (so the walk, which judges only what the schema names,
 * reads the event's DestinationConfig as the mapping's).
 */
const LANDS: Record<string, unknown> = {
  DestinationConfig: { OnFailure: { Destination: { Ref: "PDestination" } } },
};

/** What each event needs besides the listed properties, for the transform to accept it. */
const REQUIRED: Record<string, Record<string, unknown>> = {
  CloudWatchLogs: {},
  DocumentDB: { Cluster: "arn:aws:rds:us-east-1:123456789012:cluster:docs" },
  DynamoDB: { Stream: "arn:aws:dynamodb:us-east-1:123456789012:table/t/stream/1" },
  IoTRule: {},
  Kinesis: { Stream: "arn:aws:kinesis:us-east-1:123456789012:stream/s" },
  MQ: { Broker: "arn:aws:mq:us-east-1:123456789012:broker:b:id" },
  MSK: { Stream: "arn:aws:kafka:us-east-1:123456789012:cluster/c/id" },
  SQS: { Queue: "arn:aws:sqs:us-east-1:123456789012:q" },
  SelfManagedKafka: { KafkaBootstrapServers: ["b-1.example.com:9092"] },
};

/**
 * Runs the installed SAM transform on one template per listed event type (each listed property
 * given its marker) and gives the resources it makes of each event.
 */
function translateEvents(): Record<string, MadeResource[]> {
  const templates: Record<string, unknown> = {};
  for (const [resourceType, events] of Object.entries(EVENT_TARGETS)) {
    for (const [eventType, target] of Object.entries(events)) {
      const properties: Record<string, unknown> = { ...REQUIRED[eventType] };
      const parameters: Record<string, unknown> = {};
      for (const property of Object.keys(target.properties)) {
        properties[property] = marker(property);
        if (!MARKERS[property]) parameters[`P${property}`] = { Type: "String" };
        else if (property === "DestinationConfig") parameters.PDestination = { Type: "String" };
      }
      const own =
        resourceType === "AWS::Serverless::Function"
          ? { Runtime: "python3.12", Handler: "app.handler", CodeUri: "s3://bucket/code.zip" }
          : { Definition: { StartAt: "A", States: { A: { Type: "Pass", End: true } } } };
      templates[`${resourceType} ${eventType}`] = {
        Transform: "AWS::Serverless-2016-10-31",
        Parameters: parameters,
        Resources: {
          Made: {
            Type: resourceType,
            Properties: {
              ...own,
              Role: "arn:aws:iam::123456789012:role/r",
              Events: { Work: { Type: eventType, Properties: properties } },
            },
          },
        },
      };
    }
  }
  const made = translateSam(templates);
  const out: Record<string, MadeResource[]> = {};
  for (const [key, resources] of Object.entries(made)) {
    out[key] = resources.filter(
      (r) => r.Type !== "AWS::Lambda::Function" && r.Type !== "AWS::StepFunctions::StateMachine",
    );
  }
  return out;
}
