import { describe, expect, it } from "vitest";
import { EVENT_VALUE_KINDS, type ValueKind } from "../../../../src/template/rules/sam/event-value-types";
import { brief, lint, yaml } from "../lint";
import { samRefusals, samTranslatorInstalled } from "../sam-translator";

const SAM = "Transform: AWS::Serverless-2016-10-31";

/** Properties that make an event of each type one the transform takes (S3, Cognito and DocumentDB need more). */
const BASE: Record<string, Record<string, unknown>> = {
  AlexaSkill: {},
  Api: { Path: "/x", Method: "get" },
  CloudWatchEvent: { Pattern: { source: ["x"] } },
  CloudWatchLogs: { LogGroupName: "g", FilterPattern: "" },
  DynamoDB: {
    Stream: "arn:aws:dynamodb:us-east-1:123456789012:table/t/stream/1",
    StartingPosition: "LATEST",
  },
  EventBridgeRule: { Pattern: { source: ["x"] } },
  HttpApi: { Path: "/x", Method: "get" },
  IoTRule: { Sql: "SELECT * FROM 'x'" },
  Kinesis: { Stream: "arn:aws:kinesis:us-east-1:123456789012:stream/s", StartingPosition: "LATEST" },
  MQ: {
    Broker: "arn:aws:mq:us-east-1:123456789012:broker:b:b-1",
    Queues: ["q"],
    SourceAccessConfigurations: [
      { Type: "BASIC_AUTH", URI: "arn:aws:secretsmanager:us-east-1:123456789012:secret:s" },
    ],
  },
  MSK: {
    Stream: "arn:aws:kafka:us-east-1:123456789012:cluster/c/1",
    StartingPosition: "LATEST",
    Topics: ["t"],
  },
  SNS: { Topic: "arn:aws:sns:us-east-1:123456789012:t" },
  SQS: { Queue: "arn:aws:sqs:us-east-1:123456789012:q" },
  Schedule: { Schedule: "rate(1 minute)" },
  ScheduleV2: { ScheduleExpression: "rate(1 minute)" },
  SelfManagedKafka: {
    KafkaBootstrapServers: ["b:9092"],
    Topics: ["t"],
    SourceAccessConfigurations: [
      { Type: "BASIC_AUTH", URI: "arn:aws:secretsmanager:us-east-1:123456789012:secret:s" },
    ],
  },
};

/** A value of another kind than `kind`, written as a scalar (a mapping of one key would pass as a function). */
const WRONG: Record<ValueKind, unknown> = {
  string: 123,
  integer: "10",
  boolean: "true",
  mapping: "x",
  list: "x",
};

function template(
  resourceType: string,
  type: string,
  properties: Record<string, unknown>,
): Record<string, unknown> {
  const body =
    resourceType === "AWS::Serverless::Function"
      ? { Runtime: "python3.12", Handler: "app.handler", InlineCode: "x" }
      : {
          Definition: { StartAt: "A", States: { A: { Type: "Pass", End: true } } },
          Role: "arn:aws:iam::123456789012:role/r",
        };
  return {
    Transform: "AWS::Serverless-2016-10-31",
    Resources: {
      Thing: {
        Type: resourceType,
        Properties: { ...body, Events: { Work: { Type: type, Properties: properties } } },
      },
    },
  };
}

/** Every property of the table with a value of another kind, on an event the transform otherwise takes. */
function cases(): { key: string; property: string; made: Record<string, unknown> }[] {
  const out = [];
  for (const [resourceType, types] of Object.entries(EVENT_VALUE_KINDS))
    for (const [type, kinds] of Object.entries(types)) {
      const base = BASE[type];
      if (!base) continue;
      for (const [property, kind] of Object.entries(kinds))
        out.push({
          key: `${resourceType} ${type} ${property}`,
          property,
          made: template(resourceType, type, { ...base, [property]: WRONG[kind] }),
        });
    }
  return out;
}

describe("E0001 SAM event property value types", () => {
  it("reports a value of the wrong type, with how to quote a number meant as text", () => {
    const findings = lint(
      yaml(
        SAM,
        "Resources:",
        "  Fn:",
        "    Type: AWS::Serverless::Function",
        "    Properties:",
        "      Runtime: python3.12",
        "      Handler: app.handler",
        "      InlineCode: x",
        "      Events:",
        "        Http:",
        "          Type: HttpApi",
        "          Properties:",
        "            PayloadFormatVersion: 2.0",
        "            TimeoutInMillis: 5000",
        "        Jobs:",
        "          Type: SQS",
        "          Properties:",
        "            Queue: !GetAtt Queue.Arn",
        "            BatchSize: '10'",
        "            Enabled: yes",
        "            MaximumBatchingWindowInSeconds: 10.0",
        "            FunctionResponseTypes: ReportBatchItemFailures",
        "            ScalingConfig: {MaximumConcurrency: 5}",
        "        Site:",
        "          Type: Api",
        "          Properties:",
        "            Path: !Sub /${AWS::StackName}",
        "            Method: get",
        "            RequestModel: {Model: Item}",
        "        Nightly:",
        "          Type: Schedule",
        "          Properties:",
        "            Schedule: !Sub rate(1 ${AWS::Region})",
        "            Input: {Fn::ToJsonString: {a: 1}}",
        "  Queue:",
        "    Type: AWS::SQS::Queue",
      ),
      { only: ["E0001"] },
    );
    expect(brief(findings)).toEqual([
      "E0001 13:35",
      "E0001 19:24",
      "E0001 21:45",
      "E0001 22:36",
      "E0001 27:19",
    ]);
    expect(findings[0].message).toBe(
      "PayloadFormatVersion of event Http of Fn (HttpApi) must be a string, not a number: the SAM transform refuses it; quote it ('2.0')",
    );
    expect(findings[1].message).toBe(
      "BatchSize of event Jobs of Fn (SQS) must be an integer, not a string: the SAM transform refuses it",
    );
    expect(findings[4].message).toMatch(/^Path of event Site of Fn \(Api\) must be written out as text/);
  });

  it("finds nothing wrong in the events the transform takes", () => {
    for (const [resourceType, types] of Object.entries(EVENT_VALUE_KINDS))
      for (const type of Object.keys(types)) {
        const base = BASE[type];
        if (!base) continue;
        expect(
          lint(JSON.stringify(template(resourceType, type, base)), { file: "t.json", only: ["E0001"] }),
        ).toEqual([]);
      }
  });

  it.skipIf(!samTranslatorInstalled("sam-event-value-types.test.ts", "the table of SAM event value types"))(
    "matches the transform: each value of another kind is refused by it, and reported here",
    () => {
      const all = cases();
      const refusals = samRefusals(Object.fromEntries(all.map(({ key, made }) => [key, made])));
      const disagree: string[] = [];
      for (const { key, property, made } of all) {
        const refused = refusals[key].includes(`'${property}'`);
        const reported = lint(JSON.stringify(made), { file: "t.json", only: ["E0001"] }).some((finding) =>
          finding.message.startsWith(`${property} of event`),
        );
        if (!refused || !reported)
          disagree.push(`${key}: transform ${refusals[key] || "took it"}; reported ${reported}`);
      }
      expect(all.length).toBeGreaterThan(100);
      expect(disagree).toEqual([]);
    },
  );
});
