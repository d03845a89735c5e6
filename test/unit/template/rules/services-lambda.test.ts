/**
 * The Lambda event source and function rules: StartingPosition and the stream settings against the
 * source (E3633, E3634), provisioned concurrency (E3908, E3974), SQS batching (E3705), schedule
 * expressions (E3027), inline code runtimes (E3678, E3677), log levels (E3696), the environment
 * size (E3697), SnapStart (E2530), the periods of the alarms that watch functions (E3615) and the
 * subscription filters of log groups (E2529, E3976); W2530, SnapStart without a published version;
 * W3923, alarm dimensions given an ARN or URL; E3932, flexible schedule windows without their
 * maximum; E3981, a permission on $LATEST.
 */
import { describe, expect, it } from "vitest";
import { snapStartRuntime } from "../../../../src/template/rules/services/lambda-snapstart";
import { scheduleProblem } from "../../../../src/template/rules/services/schedule-expression";
import { brief, lambdaFunction, lambdaPermission, lint, PROD_OR_DEV, samFunction, yaml } from "../lint";

const check = (only: string[], ...lines: string[]) => lint(yaml(...lines), { only });

const SAM = "Transform: AWS::Serverless-2016-10-31";

/** A Lambda function resource named `name`, its Properties' lines indented under it. */
function lambda(name: string, ...properties: string[]): string[] {
  return [
    `  ${name}:`,
    "    Type: AWS::Lambda::Function",
    "    Properties:",
    "      Handler: index.handler",
    "      Role: arn:aws:iam::123456789012:role/worker",
    ...properties.map((line) => `      ${line}`),
  ];
}

/** An event source mapping named `name` for function Worker. */
function mapping(name: string, ...properties: string[]): string[] {
  return [
    `  ${name}:`,
    "    Type: AWS::Lambda::EventSourceMapping",
    "    Properties:",
    "      FunctionName: !Ref Worker",
    ...properties.map((line) => `      ${line}`),
  ];
}

describe("E3633 and E3634 StartingPosition against the event source", () => {
  it("requires it for streams named by GetAtt, Ref or literal ARN, and refuses it for queues", () => {
    const findings = check(
      ["E3633", "E3634"],
      "Resources:",
      "  Queue:",
      "    Type: AWS::SQS::Queue",
      "  Table:",
      "    Type: AWS::DynamoDB::Table",
      "  Cluster:",
      "    Type: AWS::MSK::ServerlessCluster",
      ...lambda("Worker", "Runtime: python3.12", "Code: { S3Bucket: code-bucket, S3Key: app.zip }"),
      ...mapping("FromQueue", "EventSourceArn: !GetAtt Queue.Arn", "StartingPosition: LATEST"),
      ...mapping("FromTable", "EventSourceArn: !GetAtt Table.StreamArn"),
      ...mapping("FromCluster", "EventSourceArn: !Ref Cluster", "Topics: [orders]"),
      ...mapping(
        "FromKinesis",
        "EventSourceArn: !Sub 'arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}:stream/s'",
      ),
      ...mapping("Positioned", "EventSourceArn: !GetAtt Table.StreamArn", "StartingPosition: TRIM_HORIZON"),
      ...mapping("Unknown", "EventSourceArn: !ImportValue shared-stream"),
      ...mapping("TableArn", "EventSourceArn: !GetAtt Table.Arn"),
    );
    expect(brief(findings)).toEqual(["E3634 20:7", "E3633 25:23", "E3633 30:23", "E3633 36:23"]);
    expect(findings[0].message).toBe(
      "StartingPosition applies to streams, and this event source is an SQS queue, which Lambda reads without " +
        "one; remove StartingPosition",
    );
    expect(findings[1].message).toBe(
      "This event source mapping reads a DynamoDB stream, which needs a StartingPosition: add StartingPosition: " +
        "LATEST to read new records only, or TRIM_HORIZON to start from the oldest",
    );
    expect(findings[2].message).toContain("reads an Amazon MSK cluster");
    expect(findings[3].message).toContain("reads a Kinesis stream");
  });

  it("asks AT_TIMESTAMP for its timestamp, and refuses it for a DynamoDB stream", () => {
    const findings = check(
      ["E3633", "E3634"],
      "Resources:",
      "  Table:",
      "    Type: AWS::DynamoDB::Table",
      "  Stream:",
      "    Type: AWS::Kinesis::Stream",
      ...lambda("Worker", "Runtime: python3.12", "Code: { S3Bucket: code-bucket, S3Key: app.zip }"),
      ...mapping("NoTime", "EventSourceArn: !GetAtt Stream.Arn", "StartingPosition: AT_TIMESTAMP"),
      ...mapping(
        "WithTime",
        "EventSourceArn: !GetAtt Stream.Arn",
        "StartingPosition: AT_TIMESTAMP",
        "StartingPositionTimestamp: 1767225600",
      ),
      ...mapping("FromTable", "EventSourceArn: !GetAtt Table.StreamArn", "StartingPosition: AT_TIMESTAMP"),
    );
    expect(brief(findings)).toEqual(["E3633 18:25", "E3633 31:25"]);
    expect(findings.map((f) => f.message)).toEqual([
      "StartingPosition AT_TIMESTAMP needs StartingPositionTimestamp, the time (in Unix seconds) to start reading " +
        "from; add it, or start from LATEST or TRIM_HORIZON",
      "A DynamoDB stream is read from LATEST or TRIM_HORIZON; Lambda refuses AT_TIMESTAMP for it",
    ]);
  });

  it("refuses a StartingPositionTimestamp beside another StartingPosition", () => {
    const findings = check(
      ["E3633", "E3634"],
      SAM,
      "Resources:",
      "  Stream:",
      "    Type: AWS::Kinesis::Stream",
      ...lambda("Worker", "Runtime: python3.12", "Code: { S3Bucket: code-bucket, S3Key: app.zip }"),
      ...mapping(
        "Latest",
        "EventSourceArn: !GetAtt Stream.Arn",
        "StartingPosition: LATEST",
        "StartingPositionTimestamp: 1767225600",
      ),
      ...mapping(
        "Imported",
        "EventSourceArn: !ImportValue shared-stream",
        "StartingPosition: TRIM_HORIZON",
        "StartingPositionTimestamp: 1767225600",
      ),
      ...samFunction("Reader"),
      "      Events:",
      "        Clicks:",
      "          Type: Kinesis",
      "          Properties:",
      "            Stream: !GetAtt Stream.Arn",
      "            StartingPosition: LATEST",
      "            StartingPositionTimestamp: 1767225600",
    );
    expect(brief(findings)).toEqual(["E3633 18:7", "E3633 25:7", "E3633 38:13"]);
    expect(findings[0].message).toBe(
      "StartingPositionTimestamp goes with StartingPosition AT_TIMESTAMP, and this one starts from LATEST, so Lambda " +
        "refuses the mapping; set StartingPosition: AT_TIMESTAMP, or remove StartingPositionTimestamp",
    );
  });

  it("judges AT_TIMESTAMP in SAM stream events too", () => {
    const findings = check(
      ["E3633"],
      SAM,
      "Resources:",
      ...samFunction("Worker"),
      "      Events:",
      "        Changes:",
      "          Type: DynamoDB",
      "          Properties:",
      "            Stream: arn:aws:dynamodb:eu-west-1:123456789012:table/t/stream/2024",
      "            StartingPosition: AT_TIMESTAMP",
      "        Clicks:",
      "          Type: Kinesis",
      "          Properties:",
      "            Stream: arn:aws:kinesis:eu-west-1:123456789012:stream/clicks",
      "            StartingPosition: AT_TIMESTAMP",
    );
    expect(brief(findings)).toEqual(["E3633 14:31", "E3633 19:31"]);
    expect(findings[0].message).toContain("A DynamoDB stream is read from LATEST or TRIM_HORIZON");
    expect(findings[1].message).toContain("AT_TIMESTAMP needs StartingPositionTimestamp");
  });

  it("refuses StartingPosition on a SAM function's SQS event", () => {
    const findings = check(
      ["E3633", "E3634"],
      SAM,
      "Resources:",
      "  Queue:",
      "    Type: AWS::SQS::Queue",
      ...samFunction("Worker"),
      "      Events:",
      "        Jobs:",
      "          Type: SQS",
      "          Properties:",
      "            Queue: arn:aws:sqs:eu-west-1:123456789012:jobs",
      "            StartingPosition: LATEST",
    );
    expect(brief(findings)).toEqual(["E3634 16:13"]);
  });

  it("refuses a queue the settings Lambda keeps for streams, Kafka and Amazon MQ", () => {
    const findings = check(
      ["E3634"],
      SAM,
      "Resources:",
      "  Queue:",
      "    Type: AWS::SQS::Queue",
      "  Stream:",
      "    Type: AWS::Kinesis::Stream",
      ...lambda("Worker", "Runtime: python3.12", "Code: { S3Bucket: code-bucket, S3Key: app.zip }"),
      ...mapping(
        "FromQueue",
        "EventSourceArn: !GetAtt Queue.Arn",
        "MaximumRetryAttempts: 2",
        "BisectBatchOnFunctionError: true",
        "DestinationConfig: { OnFailure: { Destination: arn:aws:sqs:eu-west-1:123456789012:failed } }",
        "ParallelizationFactor: 2",
        "Topics: [orders]",
        "BatchSize: 10",
        "FunctionResponseTypes: [ReportBatchItemFailures]",
      ),
      ...mapping(
        "FromStream",
        "EventSourceArn: !GetAtt Stream.Arn",
        "StartingPosition: LATEST",
        "MaximumRetryAttempts: 2",
        "ParallelizationFactor: 2",
      ),
      ...samFunction("Handler"),
      "      Events:",
      "        Jobs:",
      "          Type: SQS",
      "          Properties:",
      "            Queue: !GetAtt Queue.Arn",
      "            MaximumRecordAgeInSeconds: 60",
      "            TumblingWindowInSeconds: 30",
    );
    expect(brief(findings)).toEqual([
      "E3634 19:7",
      "E3634 20:7",
      "E3634 21:7",
      "E3634 22:7",
      "E3634 23:7",
      "E3634 45:13",
      "E3634 46:13",
    ]);
    expect(findings.map((f) => f.message.split(",")[0])).toEqual([
      "MaximumRetryAttempts applies to streams",
      "BisectBatchOnFunctionError applies to streams",
      "DestinationConfig applies to streams",
      "ParallelizationFactor applies to the shards of a stream",
      "Topics names Kafka topics",
      "MaximumRecordAgeInSeconds applies to streams",
      "TumblingWindowInSeconds applies to streams",
    ]);
    expect(findings[0].message).toBe(
      "MaximumRetryAttempts applies to streams, and this event source is an SQS queue, whose failed messages go " +
        "where its RedrivePolicy sends them; remove MaximumRetryAttempts",
    );
  });
});

describe("E3705 SQS batching against the queue", () => {
  it("holds FIFO queues to 10 messages and no window, and a standard queue's large batch to a window", () => {
    const findings = check(
      ["E3705"],
      "Resources:",
      "  Fifo:",
      "    Type: AWS::SQS::Queue",
      "    Properties:",
      "      FifoQueue: true",
      "  Standard:",
      "    Type: AWS::SQS::Queue",
      ...lambda("Worker", "Runtime: python3.12", "Code: { S3Bucket: code-bucket, S3Key: app.zip }"),
      ...mapping(
        "FifoBig",
        "EventSourceArn: !GetAtt Fifo.Arn",
        "BatchSize: 100",
        "MaximumBatchingWindowInSeconds: 5",
      ),
      ...mapping("FifoTen", "EventSourceArn: !GetAtt Fifo.Arn", "BatchSize: 10"),
      ...mapping(
        "FifoByName",
        "EventSourceArn: arn:aws:sqs:eu-west-1:123456789012:jobs.fifo",
        "BatchSize: 20",
      ),
      ...mapping("NoWindow", "EventSourceArn: !GetAtt Standard.Arn", "BatchSize: 500"),
      ...mapping(
        "ZeroWindow",
        "EventSourceArn: !GetAtt Standard.Arn",
        "BatchSize: 500",
        "MaximumBatchingWindowInSeconds: 0",
      ),
      ...mapping(
        "Windowed",
        "EventSourceArn: !GetAtt Standard.Arn",
        "BatchSize: 500",
        "MaximumBatchingWindowInSeconds: 1",
      ),
      ...mapping("Small", "EventSourceArn: !GetAtt Standard.Arn", "BatchSize: 10"),
    );
    expect(brief(findings)).toEqual([
      "E3705 20:18",
      "E3705 21:7",
      "E3705 33:18",
      "E3705 39:18",
      "E3705 45:18",
    ]);
    expect(findings[0].message).toBe(
      "Lambda reads at most 10 messages a batch from a FIFO queue, and this BatchSize is 100; set BatchSize to 10 " +
        "or less",
    );
    expect(findings[1].message).toBe(
      "Lambda has no batching window for a FIFO queue; remove MaximumBatchingWindowInSeconds",
    );
    expect(findings[3].message).toBe(
      "A BatchSize above 10 (here 500) needs a batching window: set MaximumBatchingWindowInSeconds to at least 1, " +
        "or BatchSize to 10 or less",
    );
  });

  it("checks a SAM function's SQS event and skips a queue it cannot see", () => {
    const findings = check(
      ["E3705"],
      SAM,
      "Parameters:",
      "  QueueArn:",
      "    Type: String",
      "Resources:",
      "  Fifo:",
      "    Type: AWS::SQS::Queue",
      "    Properties:",
      "      FifoQueue: true",
      ...samFunction("Worker"),
      "      Events:",
      "        Jobs:",
      "          Type: SQS",
      "          Properties:",
      "            Queue: !GetAtt Fifo.Arn",
      "            BatchSize: 25",
      "        Other:",
      "          Type: SQS",
      "          Properties:",
      "            Queue: !Ref QueueArn",
      "            BatchSize: 25",
    );
    expect(brief(findings)).toEqual(["E3705 21:24"]);
  });
});

describe("E3027 schedule expressions", () => {
  it("finds the problems of each form, and passes the forms EventBridge documents", () => {
    for (const good of [
      "rate(1 minute)",
      "rate(5 minutes)",
      "rate(1 day)",
      "cron(0 12 * * ? *)",
      "cron(0/15 * ? * MON-FRI *)",
    ]) {
      expect(scheduleProblem(good, "rule"), good).toBeUndefined();
    }
    expect(scheduleProblem("at(2027-01-31T09:00:00)", "scheduler")).toBeUndefined();
    expect(scheduleProblem("rate(1 minutes)", "scheduler")).toBeUndefined();
    expect(scheduleProblem("at(2027-01-31T09:00:00)", "rule")).toBe(
      "A schedule expression is rate(...) or cron(...), for example rate(5 minutes) or cron(0 12 * * ? *)",
    );
    expect(scheduleProblem("at(2027-01-31 09:00)", "scheduler")).toBe(
      "A one-time schedule is at(yyyy-mm-ddThh:mm:ss), for example at(2027-01-31T09:00:00)",
    );
    expect(scheduleProblem("rate(5 minute)", "rule")).toBe(
      "EventBridge wants the unit singular for a rate of 1 and plural otherwise: write rate(5 minutes)",
    );
    expect(scheduleProblem("rate(0 minutes)", "rule")).toContain("a whole number above 0");
    expect(scheduleProblem("rate(5 weeks)", "rule")).toBe(
      "The unit of a rate is minute(s), hour(s) or day(s), for example rate(5 minutes)",
    );
    expect(scheduleProblem("cron(0 12 * * *)", "rule")).toContain("not Unix cron's five");
    expect(scheduleProblem("cron(0 12 * * * * *)", "rule")).toContain("A cron expression has six fields");
    expect(scheduleProblem("cron(0 12 1 * MON *)", "rule")).toBe(
      "Day-of-month and day-of-week cannot both be set: put ? in one of them, for example cron(0 12 * * ? *)",
    );
    expect(scheduleProblem("every 5 minutes", "rule")).toContain(
      "A schedule expression is rate(...) or cron(...)",
    );
  });

  it("checks rules, Scheduler schedules and SAM schedule events, and skips intrinsics", () => {
    const findings = check(
      ["E3027"],
      SAM,
      "Resources:",
      "  Nightly:",
      "    Type: AWS::Events::Rule",
      "    Properties:",
      "      ScheduleExpression: cron(0 3 * * *)",
      "  Once:",
      "    Type: AWS::Scheduler::Schedule",
      "    Properties:",
      "      ScheduleExpression: at(2027-01-31T09:00:00)",
      "      FlexibleTimeWindow: { Mode: 'OFF' }",
      "      Target: { Arn: arn:aws:sqs:eu-west-1:123456789012:q, RoleArn: arn:aws:iam::123456789012:role/r }",
      "  Computed:",
      "    Type: AWS::Events::Rule",
      "    Properties:",
      "      ScheduleExpression: !Sub 'rate(${AWS::NoValue} minutes)'",
      ...samFunction("Worker"),
      "      Events:",
      "        Tick:",
      "          Type: Schedule",
      "          Properties:",
      "            Schedule: rate(1 hours)",
      "        Later:",
      "          Type: ScheduleV2",
      "          Properties:",
      "            ScheduleExpression: at(tomorrow)",
    );
    expect(brief(findings)).toEqual(["E3027 6:27", "E3027 27:23", "E3027 31:33"]);
  });

  it("judges each expression a Fn::If chooses, where the resource may be made with it", () => {
    const findings = check(
      ["E3027"],
      SAM,
      ...PROD_OR_DEV,
      "Resources:",
      "  Hourly:",
      "    Type: AWS::Events::Rule",
      "    Properties:",
      "      ScheduleExpression: !If [IsProd, rate(1 hours), rate(1 day)]",
      "  DevOnly:",
      "    Type: AWS::Events::Rule",
      "    Condition: IsDev",
      "    Properties:",
      "      ScheduleExpression: !If [IsProd, cron(0 3 * * *), rate(2 days)]",
      ...samFunction("Worker"),
      "      Events:",
      "        Tick:",
      "          Type: Schedule",
      "          Properties:",
      "            Schedule: !If [IsProd, rate(2 hour), rate(1 day)]",
    );
    // DevOnly exists only where IsProd is false: its first branch is never taken.
    expect(brief(findings)).toEqual(["E3027 11:40", "E3027 27:36"]);
    expect(findings[0].message).toBe(
      "EventBridge wants the unit singular for a rate of 1 and plural otherwise: write rate(1 hour)",
    );
  });
});

describe("E3678 and E3677 inline code runtimes", () => {
  it("requires a Runtime, a Node.js or Python one, own or from Globals", () => {
    const findings = check(
      ["E3678", "E3677"],
      SAM,
      "Globals:",
      "  Function:",
      "    Runtime: java21",
      "Resources:",
      ...lambda("NoRuntime", "Code: { ZipFile: 'exports.handler = async () => 1' }"),
      ...lambda("Java", "Runtime: java21", "Code: { ZipFile: 'class X {}' }"),
      ...lambda("Node", "Runtime: nodejs22.x", "Code: { ZipFile: 'exports.handler = async () => 1' }"),
      ...lambda("Bucket", "Runtime: java21", "Code: { S3Bucket: code-bucket, S3Key: app.zip }"),
      "  Sam:",
      "    Type: AWS::Serverless::Function",
      "    Properties:",
      "      Handler: index.handler",
      "      InlineCode: 'def handler(event, context): pass'",
    );
    expect(brief(findings)).toEqual(["E3678 11:15", "E3677 17:16", "E3677 37:7"]);
    expect(findings[0].message).toBe(
      "Inline code (Code.ZipFile) needs a Runtime to run it: add a Node.js or Python Runtime",
    );
    expect(findings[1].message).toBe(
      "Inline code (Code.ZipFile) runs only on Node.js and Python runtimes, not java21; package the code " +
        "(Code.S3Bucket and S3Key, or CodeUri) or use a Node.js or Python runtime",
    );
    expect(findings[2].message).toContain("inherits Runtime java21 from Globals.Function");
  });
});

describe("E3696 log levels with the Text format", () => {
  it("flags both levels under Text, on functions and in SAM Globals", () => {
    const findings = check(
      ["E3696"],
      SAM,
      "Globals:",
      "  Function:",
      "    LoggingConfig:",
      "      LogFormat: Text",
      "      ApplicationLogLevel: DEBUG",
      "Resources:",
      ...lambda(
        "Text",
        "Runtime: python3.12",
        "Code: { S3Bucket: code-bucket, S3Key: app.zip }",
        "LoggingConfig: { LogFormat: Text, ApplicationLogLevel: INFO, SystemLogLevel: WARN }",
      ),
      ...lambda(
        "Json",
        "Runtime: python3.12",
        "Code: { S3Bucket: code-bucket, S3Key: app.zip }",
        "LoggingConfig: { LogFormat: JSON, ApplicationLogLevel: INFO }",
      ),
      ...samFunction("Sam"),
      "      LoggingConfig:",
      "        SystemLogLevel: WARN",
    );
    expect(brief(findings)).toEqual(["E3696 6:7", "E3696 15:41", "E3696 15:68", "E3696 31:9"]);
    expect(findings[1].message).toBe(
      "ApplicationLogLevel filters JSON logs, and LogFormat is Text: set LogFormat: JSON, or remove ApplicationLogLevel",
    );
    expect(findings[3].message).toContain("LogFormat is Text (from Globals.Function)");
  });
});

describe("E3697 environment variables over 4 KB", () => {
  it("counts names and written values in bytes, with SAM Globals merged in", () => {
    const big = "x".repeat(2100);
    const findings = check(
      ["E3697"],
      SAM,
      "Globals:",
      "  Function:",
      "    Environment:",
      `      Variables: { SHARED: ${big} }`,
      "Resources:",
      ...lambda(
        "Over",
        "Runtime: python3.12",
        "Code: { S3Bucket: code-bucket, S3Key: app.zip }",
        `Environment: { Variables: { A: ${big}, B: ${big} } }`,
      ),
      ...lambda(
        "Unknown",
        "Runtime: python3.12",
        "Code: { S3Bucket: code-bucket, S3Key: app.zip }",
        `Environment: { Variables: { A: ${big}, B: !Ref AWS::StackName } }`,
      ),
      ...samFunction("Merged"),
      "      Environment:",
      `        Variables: { OWN: ${big} }`,
      ...samFunction("Overridden"),
      "      Environment:",
      `        Variables: { SHARED: short }`,
    );
    expect(brief(findings)).toEqual(["E3697 14:7", "E3697 29:7"]);
    expect(findings[0].message).toBe(
      "The environment variables of this function take at least 4202 bytes, over Lambda's limit of 4096 bytes " +
        "for all names and values together; keep large values in SSM Parameter Store or Secrets Manager and read " +
        "them when the function starts",
    );
    expect(findings[1].message).toContain("at least 4209 bytes, with those inherited from Globals.Function");
  });
});

describe("E2530 SnapStart", () => {
  it("knows the runtime families by version", () => {
    for (const runtime of ["java11", "java21", "java25", "python3.12", "python3.14", "dotnet8", "dotnet10"]) {
      expect(snapStartRuntime(runtime), runtime).toBe(true);
    }
    for (const runtime of [
      "java8.al2",
      "java8",
      "python3.11",
      "dotnet6",
      "nodejs22.x",
      "provided.al2023",
      "ruby3.4",
    ]) {
      expect(snapStartRuntime(runtime), runtime).toBe(false);
    }
  });

  it("flags the runtime, image, EFS and storage a SnapStart function cannot have", () => {
    const snap = "SnapStart: { ApplyOn: PublishedVersions }";
    const findings = check(
      ["E2530"],
      SAM,
      "Globals:",
      "  Function:",
      "    Runtime: nodejs22.x",
      "Resources:",
      ...lambda("Node", "Runtime: nodejs22.x", "Code: { S3Bucket: code-bucket, S3Key: app.zip }", snap),
      ...lambda(
        "Java",
        "Runtime: java21",
        "Code: { S3Bucket: code-bucket, S3Key: app.zip }",
        snap,
        "EphemeralStorage: { Size: 1024 }",
        "FileSystemConfigs: [{ Arn: arn:aws:elasticfilesystem:eu-west-1:123456789012:access-point/fsap-1, LocalMountPath: /mnt/data }]",
      ),
      ...lambda(
        "Off",
        "Runtime: nodejs22.x",
        "Code: { S3Bucket: code-bucket, S3Key: app.zip }",
        "SnapStart: { ApplyOn: None }",
      ),
      "  Sam:",
      "    Type: AWS::Serverless::Function",
      "    Properties:",
      "      Handler: app.handler",
      "      CodeUri: src/",
      `      ${snap}`,
    );
    expect(brief(findings)).toEqual(["E2530 11:16", "E2530 22:33", "E2530 23:26", "E2530 37:29"]);
    expect(findings[0].message).toBe(
      "SnapStart is on (ApplyOn: PublishedVersions) but it does not support Runtime nodejs22.x; use Java 11+, " +
        "Python 3.12+, .NET 8+, or turn SnapStart off",
    );
    expect(findings[1].message).toBe(
      "SnapStart is on (ApplyOn: PublishedVersions) but it supports at most 512 MB of ephemeral storage, and " +
        "EphemeralStorage.Size is 1024; set Size to 512 or less, or turn SnapStart off",
    );
    expect(findings[2].message).toContain("it does not support Amazon EFS file systems");
    expect(findings[3].message).toContain("does not support Runtime nodejs22.x (from Globals.Function)");
  });
});

describe("E2530 SnapStart on a container image", () => {
  it("takes a container image, whose runtime is inside it, and still judges its storage", () => {
    const snap = "SnapStart: { ApplyOn: PublishedVersions }";
    const image = [
      "PackageType: Image",
      "Code: { ImageUri: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1 }",
      snap,
    ];
    const findings = check(
      ["E2530"],
      SAM,
      "Globals:",
      "  Function:",
      "    Runtime: nodejs22.x",
      "Resources:",
      ...lambda("Image", ...image),
      ...lambda("Large", ...image, "EphemeralStorage: { Size: 2048 }"),
      // A SAM image function: Globals' nodejs22.x says nothing of what runs in the image.
      "  Sam:",
      "    Type: AWS::Serverless::Function",
      "    Properties:",
      "      PackageType: Image",
      "      ImageUri: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1",
      `      ${snap}`,
    );
    expect(findings.map((f) => `${f.range.start.line} ${f.message}`)).toEqual([
      "22 SnapStart is on (ApplyOn: PublishedVersions) but it supports at most 512 MB of ephemeral storage, and " +
        "EphemeralStorage.Size is 2048; set Size to 512 or less, or turn SnapStart off",
    ]);
  });
});

describe("W2530 SnapStart without a published version", () => {
  it("finds functions with SnapStart that no Version or AutoPublishAlias publishes", () => {
    const java = ["Runtime: java21", "Code: { S3Bucket: code-bucket, S3Key: app.zip }"];
    const findings = check(
      ["W2530"],
      SAM,
      "Globals:",
      "  Function:",
      "    SnapStart: { ApplyOn: PublishedVersions }",
      "Resources:",
      ...lambda("Unpublished", ...java, "SnapStart:", "  ApplyOn: PublishedVersions"),
      ...lambda("Published", ...java, "SnapStart: { ApplyOn: PublishedVersions }"),
      "  PublishedVersion:",
      "    Type: AWS::Lambda::Version",
      "    Properties:",
      "      FunctionName: !Ref Published",
      ...lambda("Off", ...java, "SnapStart: { ApplyOn: None }"),
      "  SamInherited:",
      "    Type: AWS::Serverless::Function",
      "    Properties:",
      "      Runtime: java21",
      "      Handler: app::handler",
      "      CodeUri: app.jar",
      "  SamAliased:",
      "    Type: AWS::Serverless::Function",
      "    Properties:",
      "      Runtime: java21",
      "      Handler: app::handler",
      "      CodeUri: app.jar",
      "      AutoPublishAlias: live",
    );
    expect(brief(findings)).toEqual(["W2530 14:18", "W2530 35:3"]);
    expect(findings[0].message).toBe(
      "SnapStart is on (ApplyOn: PublishedVersions) but no version of 'Unpublished' is published: SnapStart " +
        "applies only to published versions, and calls to $LATEST start cold; add an AWS::Lambda::Version of the " +
        "function and invoke the function through it",
    );
    expect(findings[1].message).toBe(
      "SnapStart is on (ApplyOn: PublishedVersions, from Globals.Function) but no version of 'SamInherited' is " +
        "published: SnapStart applies only to published versions, and calls to $LATEST start cold; set " +
        "AutoPublishAlias and invoke the function through it",
    );
  });

  it("counts AutoPublishAlias from Globals", () => {
    const findings = check(
      ["W2530"],
      SAM,
      "Globals:",
      "  Function:",
      "    AutoPublishAlias: live",
      "Resources:",
      ...samFunction("Fn", "SnapStart: { ApplyOn: PublishedVersions }"),
    );
    expect(findings).toEqual([]);
  });
});

describe("E3908 provisioned concurrency above the reservation", () => {
  it("compares a SAM function's settings, Globals included, and an alias or version with its function", () => {
    const findings = check(
      ["E3908"],
      SAM,
      "Globals:",
      "  Function:",
      "    ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 20 }",
      "Resources:",
      ...samFunction(
        "Api",
        "AutoPublishAlias: live",
        "ReservedConcurrentExecutions: 10",
        "ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 15 }",
      ),
      ...samFunction("Inherits", "AutoPublishAlias: live", "ReservedConcurrentExecutions: 5"),
      ...samFunction("Within", "AutoPublishAlias: live", "ReservedConcurrentExecutions: 50"),
      ...lambda("Worker", "Runtime: python3.12", "Code: { ZipFile: x }", "ReservedConcurrentExecutions: 2"),
      "  WorkerVersion:",
      "    Type: AWS::Lambda::Version",
      "    Properties: { FunctionName: !Ref Worker }",
      "  WorkerLive:",
      "    Type: AWS::Lambda::Alias",
      "    Properties:",
      "      FunctionName: !Ref Worker",
      "      FunctionVersion: !GetAtt WorkerVersion.Version",
      "      Name: live",
      "      ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 3 }",
    );
    expect(brief(findings)).toEqual(["E3908 14:72", "E3908 15:3", "E3908 48:72"]);
    expect(findings[0].message).toBe(
      "Api provisions 15 concurrent executions on its alias but reserves only 10, and Lambda refuses provisioned " +
        "concurrency above the reservation; lower ProvisionedConcurrentExecutions, or raise ReservedConcurrentExecutions",
    );
    expect(findings[2].message).toBe(
      "WorkerLive provisions 3 concurrent executions of Worker, which reserves only 2, and Lambda refuses " +
        "provisioned concurrency above the reservation; lower ProvisionedConcurrentExecutions, or raise " +
        "ReservedConcurrentExecutions",
    );
  });
});

describe("E3974 aliases with provisioned concurrency or weighted routing", () => {
  it("reports $LATEST with provisioned concurrency or weights, and weights with provisioned concurrency", () => {
    const alias = (name: string, version: string, provisioned: boolean, weighted = false) => [
      `  ${name}:`,
      "    Type: AWS::Lambda::Alias",
      "    Properties:",
      "      FunctionName: !Ref Worker",
      `      FunctionVersion: ${version}`,
      `      Name: ${name.toLowerCase()}`,
      ...(provisioned ? ["      ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 3 }"] : []),
      ...(weighted
        ? [
            "      RoutingConfig: { AdditionalVersionWeights: [{ FunctionVersion: '1', FunctionWeight: 0.1 }] }",
          ]
        : []),
    ];
    const findings = check(
      ["E3974"],
      "Conditions:",
      "  Never: !Equals [a, b]",
      "Resources:",
      ...lambda("Worker", "Runtime: python3.12", "Code: { ZipFile: x }"),
      "  WorkerVersion:",
      "    Type: AWS::Lambda::Version",
      "    Properties: { FunctionName: !Ref Worker }",
      ...alias("Latest", "$LATEST", true),
      ...alias("Published", "!GetAtt WorkerVersion.Version", true),
      ...alias("Plain", "$LATEST", false),
      ...alias("Shifting", "$LATEST", false, true),
      ...alias("Canary", "!GetAtt WorkerVersion.Version", true, true),
      ...alias("Weighted", "!GetAtt WorkerVersion.Version", false, true),
      "  Chosen:",
      "    Type: AWS::Lambda::Alias",
      "    Properties:",
      "      FunctionName: !Ref Worker",
      "      FunctionVersion: $LATEST",
      "      Name: chosen",
      "      RoutingConfig:",
      "        AdditionalVersionWeights: !If [Never, [{ FunctionVersion: '1', FunctionWeight: 0.1 }], !Ref AWS::NoValue]",
    );
    expect(brief(findings)).toEqual(["E3974 18:24", "E3974 38:24", "E3974 47:7"]);
    expect(findings[1].message).toBe(
      "Alias Shifting points at $LATEST and shifts traffic to another version, and Lambda routes between published " +
        "versions only ($LATEST is not supported for an alias pointing to more than 1 version); point " +
        "FunctionVersion at an AWS::Lambda::Version, or remove RoutingConfig",
    );
    expect(findings[2].message).toBe(
      "Alias Canary shifts traffic between versions and has ProvisionedConcurrencyConfig, and Lambda refuses " +
        "provisioned concurrency on an alias with weights; provision concurrency on the versions " +
        "(AWS::Lambda::Version), or remove RoutingConfig",
    );
    expect(findings[0].message).toBe(
      "Alias Latest points at $LATEST and has ProvisionedConcurrencyConfig, and Lambda provisions concurrency for " +
        "published versions only, so the alias fails to create; point FunctionVersion at an AWS::Lambda::Version " +
        "(!GetAtt <Version>.Version), or remove ProvisionedConcurrencyConfig",
    );
  });
});

describe("E3911 scheduled rules on a custom event bus", () => {
  it("finds schedules on a bus of the template or named, and accepts the default bus", () => {
    const rule = (name: string, bus: string) => [
      `  ${name}:`,
      "    Type: AWS::Events::Rule",
      "    Properties:",
      ...(bus ? [`      EventBusName: ${bus}`] : []),
      "      ScheduleExpression: rate(5 minutes)",
    ];
    const findings = check(
      ["E3911"],
      "Resources:",
      "  Bus:",
      "    Type: AWS::Events::EventBus",
      "    Properties: { Name: orders }",
      ...rule("OnOwnBus", "!Ref Bus"),
      ...rule("OnNamedBus", "orders"),
      ...rule("OnDefault", "default"),
      ...rule("OnDefaultArn", "arn:aws:events:eu-west-1:123456789012:event-bus/default"),
      ...rule("NoBus", ""),
      "  Pattern:",
      "    Type: AWS::Events::Rule",
      "    Properties:",
      "      EventBusName: !Ref Bus",
      "      EventPattern: { source: [orders] }",
    );
    expect(brief(findings)).toEqual(["E3911 8:21", "E3911 13:21"]);
    expect(findings[0].message).toBe(
      "Rule 'OnOwnBus' has a ScheduleExpression on a custom event bus, and EventBridge runs scheduled rules only on " +
        "the default bus; remove EventBusName, or schedule the target with an AWS::Scheduler::Schedule",
    );
  });
});

describe("E3615 CloudWatch alarm periods", () => {
  /** An alarm resource named `name` with the given Properties lines. */
  const alarm = (name: string, ...properties: string[]) => [
    `  ${name}:`,
    "    Type: AWS::CloudWatch::Alarm",
    "    Properties:",
    "      ComparisonOperator: GreaterThanThreshold",
    "      Threshold: 1",
    ...properties.map((line) => `      ${line}`),
  ];

  it("accepts 10, 20, 30 and multiples of 60, and holds the evaluation to CloudWatch's window", () => {
    const findings = check(
      ["E3615"],
      "Resources:",
      ...alarm("HighResolution", "Period: 20", "EvaluationPeriods: 3"),
      ...alarm("Odd", "Period: 90", "EvaluationPeriods: 1"),
      ...alarm("TooLongShort", "Period: 300", "EvaluationPeriods: 289"),
      ...alarm("Day", "Period: 300", "EvaluationPeriods: 288"),
      ...alarm("TooLongHourly", "Period: 3600", "EvaluationPeriods: 169"),
      ...alarm(
        "Math",
        "EvaluationPeriods: 1",
        "Metrics:",
        "  - Id: errors",
        "    MetricStat: { Metric: { Namespace: AWS/Lambda, MetricName: Errors }, Period: 5, Stat: Sum }",
        "  - Id: calls",
        "    MetricStat: { Metric: { Namespace: AWS/Lambda, MetricName: Invocations }, Period: 45, Stat: Sum }",
        "  - Id: rate",
        "    Expression: errors / calls",
      ),
    );
    expect(brief(findings)).toEqual(["E3615 14:15", "E3615 22:26", "E3615 36:26", "E3615 47:93"]);
    expect(findings[0].message).toBe(
      "A Period of 90 seconds is not one CloudWatch accepts: use 10, 20, 30 (high resolution) or a multiple of 60",
    );
    expect(findings[1].message).toBe(
      "Period 300 times EvaluationPeriods 289 is 86700 seconds, and CloudWatch evaluates an alarm whose Period is " +
        "under an hour over at most one day (86400 seconds); lower EvaluationPeriods or lengthen the Period",
    );
    expect(findings[2].message).toContain("evaluates an alarm over at most seven days (604800 seconds)");
    expect(findings[3].message).toContain("use 1, 5, 10, 20, 30 (high resolution)");
  });
});

describe("E2529 subscription filters of a log group", () => {
  /** A subscription filter resource on `logGroup`, with the given extra lines under the resource. */
  const filter = (name: string, logGroup: string, ...attributes: string[]) => [
    `  ${name}:`,
    "    Type: AWS::Logs::SubscriptionFilter",
    ...attributes.map((line) => `    ${line}`),
    "    Properties:",
    `      LogGroupName: ${logGroup}`,
    "      FilterPattern: ''",
    "      DestinationArn: arn:aws:lambda:eu-west-1:123456789012:function:ship",
  ];

  it("counts resources and SAM CloudWatchLogs events by log group, past conditions", () => {
    const findings = check(
      ["E2529"],
      SAM,
      "Conditions:",
      "  Prod: !Equals [!Ref AWS::AccountId, '123456789012']",
      "Resources:",
      ...filter("First", "/app/api"),
      ...filter("Second", "/app/api"),
      ...filter("Maybe", "/app/api", "Condition: Prod"),
      ...filter("Other", "/app/worker"),
      ...filter("Choice", "!If [Prod, /app/api, /app/worker]"),
      ...samFunction("Shipper"),
      "      Events:",
      "        Api:",
      "          Type: CloudWatchLogs",
      "          Properties:",
      "            LogGroupName: /app/api",
      "            FilterPattern: ERROR",
    );
    expect(brief(findings)).toEqual(["E2529 46:27"]);
    expect(findings[0].message).toBe(
      "This log group already has 2 subscription filters in this template ('First' and 'Second'), and CloudWatch " +
        "Logs allows 2 a log group; send the logs to one destination that fans out (a Kinesis stream or a Lambda " +
        "function), or subscribe another log group",
    );
  });
});

describe("E3976 a log subscription filter to a Lambda function with a RoleArn", () => {
  it("reports a role beside a function destination, and leaves a stream's role alone", () => {
    const filter = (name: string, destination: string, role: boolean) => [
      `  ${name}:`,
      "    Type: AWS::Logs::SubscriptionFilter",
      "    Properties:",
      "      LogGroupName: /app/logs",
      '      FilterPattern: ""',
      `      DestinationArn: ${destination}`,
      ...(role ? ["      RoleArn: arn:aws:iam::123456789012:role/logs"] : []),
    ];
    const findings = check(
      ["E3976"],
      "Resources:",
      ...lambda("Worker", "Runtime: python3.12", "Code: { ZipFile: x }"),
      "  Stream:",
      "    Type: AWS::Kinesis::Stream",
      "    Properties: { ShardCount: 1 }",
      ...filter("ToFunction", "!GetAtt Worker.Arn", true),
      ...filter("ToArn", "arn:aws:lambda:eu-west-1:123456789012:function:shipper", true),
      ...filter("ToStream", "!GetAtt Stream.Arn", true),
      ...filter("Plain", "!GetAtt Worker.Arn", false),
    );
    expect(brief(findings)).toEqual(["E3976 18:7", "E3976 25:7"]);
    expect(findings[0].message).toBe(
      "Subscription filter ToFunction sends to a Lambda function and gives a RoleArn, and CloudWatch Logs refuses a " +
        "role for a Lambda destination; remove RoleArn, and let logs.amazonaws.com invoke the function with an " +
        "AWS::Lambda::Permission",
    );
  });
});

describe("E1041 a Ref where an ARN is needed", () => {
  it("flags a function's Role, a bucket notification's Function and a permission's SourceArn given by Ref", () => {
    const findings = check(
      ["E1041"],
      "Resources:",
      "  Role:",
      "    Type: AWS::IAM::Role",
      "    Properties:",
      "      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }] }",
      "  Worker:",
      "    Type: AWS::Lambda::Function",
      "    Properties:",
      "      Runtime: python3.12",
      "      Handler: app.handler",
      "      Role: !Ref Role",
      "      Code: { S3Bucket: code-bucket, S3Key: app.zip }",
      "  Uploads:",
      "    Type: AWS::S3::Bucket",
      "    Properties:",
      "      NotificationConfiguration:",
      "        LambdaConfigurations:",
      "          - Event: s3:ObjectCreated:*",
      "            Function: !Ref Worker",
      "  Invoke:",
      "    Type: AWS::Lambda::Permission",
      "    Properties:",
      "      Action: lambda:InvokeFunction",
      "      FunctionName: !GetAtt Worker.Arn",
      "      Principal: s3.amazonaws.com",
      "      SourceArn: !Ref Uploads",
      "  Machine:",
      "    Type: AWS::StepFunctions::StateMachine",
      "    Properties:",
      "      RoleArn: !GetAtt Role.Arn",
      `      DefinitionString: '{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}'`,
    );
    expect(brief(findings)).toEqual(["E1041 11:13", "E1041 19:23", "E1041 26:18"]);
    expect(findings[0].message).toBe(
      "!Ref Role gives the role's name, and Role takes an ARN; use !GetAtt Role.Arn",
    );
    expect(findings[1].message).toBe(
      "!Ref Worker gives the function's name, and NotificationConfiguration.LambdaConfigurations[0].Function takes " +
        "an ARN; use !GetAtt Worker.Arn",
    );
  });

  it("flags Refs in pipes, state machine logging, AppSync, Cognito triggers and KMS key ARNs", () => {
    const findings = check(
      ["E1041"],
      "Resources:",
      "  Queue:",
      "    Type: AWS::SQS::Queue",
      "  Key:",
      "    Type: AWS::KMS::Key",
      "  Logs:",
      "    Type: AWS::Logs::LogGroup",
      "    Properties:",
      "      KmsKeyId: !Ref Key",
      ...lambda("Worker", "Runtime: python3.12", "Code: { ZipFile: x }", "KmsKeyArn: !Ref Key"),
      "  Pipe:",
      "    Type: AWS::Pipes::Pipe",
      "    Properties:",
      "      RoleArn: arn:aws:iam::123456789012:role/pipe",
      "      Source: !Ref Queue",
      "      Target: !GetAtt Worker.Arn",
      "  Machine:",
      "    Type: AWS::StepFunctions::StateMachine",
      "    Properties:",
      "      RoleArn: arn:aws:iam::123456789012:role/machine",
      "      DefinitionString: '{}'",
      "      LoggingConfiguration:",
      "        Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: !Ref Logs } }]",
      "  Source:",
      "    Type: AWS::AppSync::DataSource",
      "    Properties:",
      "      ApiId: api",
      "      Name: worker",
      "      Type: AWS_LAMBDA",
      "      LambdaConfig: { LambdaFunctionArn: !Ref Worker }",
      "  Users:",
      "    Type: AWS::Cognito::UserPool",
      "    Properties:",
      "      LambdaConfig: { PreSignUp: !Ref Worker, PostConfirmation: !GetAtt Worker.Arn }",
    );
    expect(brief(findings)).toEqual([
      "E1041 17:18",
      "E1041 22:15",
      "E1041 30:65",
      "E1041 37:42",
      "E1041 41:34",
    ]);
    // A log group's KmsKeyId (line 9) may be a key id, as cfn-lint's schema patches have it.
    expect(findings[0].message).toBe(
      "!Ref Key gives the key's id, and KmsKeyArn takes an ARN; use !GetAtt Key.Arn",
    );
    expect(findings[2].message).toBe(
      "!Ref Logs gives the log group's name, and LoggingConfiguration.Destinations[0].CloudWatchLogsLogGroup." +
        "LogGroupArn takes an ARN; use !GetAtt Logs.Arn",
    );
  });

  it("flags Refs that give a URL or a name in ARN properties, SAM events and policy resources", () => {
    const findings = check(
      ["E1041"],
      SAM,
      "Resources:",
      "  Queue:",
      "    Type: AWS::SQS::Queue",
      "    Properties:",
      "      RedrivePolicy: { deadLetterTargetArn: !Ref Dead, maxReceiveCount: 3 }",
      "  Dead:",
      "    Type: AWS::SQS::Queue",
      "  Table:",
      "    Type: AWS::DynamoDB::Table",
      "  Topic:",
      "    Type: AWS::SNS::Topic",
      "  Bucket:",
      "    Type: AWS::S3::Bucket",
      ...samFunction(
        "Worker",
        "Events:",
        "  Jobs:",
        "    Type: SQS",
        "    Properties: { Queue: !Ref Queue }",
        "  Changes:",
        "    Type: DynamoDB",
        "    Properties: { Stream: !Ref Table, StartingPosition: LATEST }",
        "Policies:",
        "  - Statement:",
        "      - Effect: Allow",
        "        Action: s3:GetObject",
        "        Resource: [!Ref Bucket, !Sub '${Bucket.Arn}/*']",
      ),
      "  Mapping:",
      "    Type: AWS::Lambda::EventSourceMapping",
      "    Properties:",
      "      FunctionName: !Ref Worker",
      "      EventSourceArn: !GetAtt Queue.Arn",
      "  Subscription:",
      "    Type: AWS::SNS::Subscription",
      "    Properties:",
      "      TopicArn: !Ref Topic",
      "      Protocol: sqs",
      "      Endpoint: !Ref Queue",
      "  Email:",
      "    Type: AWS::SNS::Subscription",
      "    Properties:",
      "      TopicArn: !Ref Topic",
      "      Protocol: email",
      "      Endpoint: !Ref Queue",
      "  Schedule:",
      "    Type: AWS::Events::Rule",
      "    Properties:",
      "      ScheduleExpression: rate(5 minutes)",
      "      Targets: [{ Id: worker, Arn: !Ref Worker }, { Id: topic, Arn: !Ref Topic }]",
    );
    expect(brief(findings)).toEqual([
      "E1041 6:45",
      "E1041 24:32",
      "E1041 27:33",
      "E1041 32:26",
      "E1041 43:17",
      "E1041 54:36",
    ]);
    expect(findings[0].message).toBe(
      "!Ref Dead gives the queue's URL, and RedrivePolicy.deadLetterTargetArn takes an ARN; use !GetAtt Dead.Arn",
    );
    expect(findings[2].message).toBe(
      "!Ref Table gives the table's name, and the Stream of a DynamoDB event takes an ARN; use !GetAtt Table.StreamArn",
    );
    expect(findings[3].message).toBe(
      "!Ref Bucket gives the bucket's name, and a policy's Resource takes an ARN; use !GetAtt Bucket.Arn",
    );
  });

  it("names an SQS event's Queue given the queue's URL", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        "  Jobs: { Type: AWS::SQS::Queue }",
        ...samFunction(
          "Worker",
          "Events:",
          "  Work:",
          "    Type: SQS",
          "    Properties: { Queue: !Ref Jobs }",
        ),
      ),
      { only: ["E1041"] },
    );
    expect(findings.map((f) => f.message)).toEqual([
      "!Ref Jobs gives the queue's URL, and the Queue of an SQS event takes an ARN; use !GetAtt Jobs.Arn",
    ]);
  });
});

/** A bucket and a role whose inline policy's statements follow. */
const bucketAndRoleStatements = [
  "Resources:",
  "  Bucket:",
  "    Type: AWS::S3::Bucket",
  "  Role:",
  "    Type: AWS::IAM::Role",
  "    Properties:",
  "      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }] }",
  "      Policies:",
  "        - PolicyName: s3",
  "          PolicyDocument:",
  "            Statement:",
];

describe("E1041 a Fn::Sub that opens with a Ref's name where an ARN is needed", () => {
  it("flags `${Bucket}/*` as a policy's Resource and `${Role}` as a Role, and leaves ARNs and shadowed names", () => {
    const findings = check(
      ["E1041"],
      ...bucketAndRoleStatements,
      '              - { Effect: Allow, Action: s3:GetObject, Resource: !Sub "${Bucket}/*" }',
      '              - { Effect: Allow, Action: s3:GetObject, Resource: !Sub "arn:${AWS::Partition}:s3:::${Bucket}/*" }',
      '              - { Effect: Allow, Action: s3:GetObject, Resource: !Sub "${Bucket.Arn}/*" }',
      "              - Effect: Allow",
      "                Action: s3:GetObject",
      '                Resource: !Sub ["${Bucket}/*", { Bucket: arn:aws:s3:::other }]',
      "  Worker:",
      "    Type: AWS::Lambda::Function",
      "    Properties:",
      "      Runtime: python3.12",
      "      Handler: app.handler",
      '      Role: !Sub "${ Role }"',
      "      Code: { S3Bucket: code-bucket, S3Key: app.zip }",
    );
    expect(brief(findings)).toEqual(["E1041 12:66", "E1041 23:13"]);
    expect(findings.map((f) => f.message)).toEqual([
      "!Sub opens with ${Bucket}, which gives the bucket's name, and a policy's Resource takes an ARN; write " +
        "${Bucket.Arn} in place of ${Bucket}",
      "!Sub opens with ${Role}, which gives the role's name, and Role takes an ARN; write ${Role.Arn} in place of " +
        "${Role}",
    ]);
  });
});

describe("E1041 in each list a Fn::If gives a policy's Resource, and a WAFv2 web ACL's Ref", () => {
  it("reads the items of a Fn::If's list branch, and the branches of an item's Fn::If", () => {
    // As a MediaLive recipe's role grants its bucket (round 46).
    const findings = check(
      ["E1041"],
      "Conditions:",
      "  Archive: !Equals [!Ref AWS::Region, us-east-1]",
      ...bucketAndRoleStatements,
      "              - Effect: Allow",
      "                Action: s3:*",
      "                Resource: !If",
      "                  - Archive",
      "                  - - !Sub '${Bucket}/*'",
      "                    - !GetAtt Bucket.Arn",
      "                  - '*'",
      "              - Effect: Allow",
      "                Action: s3:GetObject",
      "                Resource:",
      "                  - !If [Archive, !Ref Bucket, !Sub '${Bucket.Arn}/*']",
    );
    expect(brief(findings)).toEqual(["E1041 18:23", "E1041 24:35"]);
  });

  it("reports a WAFv2 web ACL's Ref, which gives name|id|scope, as an association's or a distribution's ACL", () => {
    const findings = check(
      ["E1041"],
      "Resources:",
      "  Acl:",
      "    Type: AWS::WAFv2::WebACL",
      "    Properties:",
      "      Scope: CLOUDFRONT",
      "      DefaultAction: { Allow: {} }",
      "      VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: acl }",
      "  Classic:",
      "    Type: AWS::WAF::WebACL",
      "    Properties:",
      "      Name: classic",
      "      MetricName: classic",
      "      DefaultAction: { Type: ALLOW }",
      "  Cdn:",
      "    Type: AWS::CloudFront::Distribution",
      "    Properties:",
      "      DistributionConfig:",
      "        Enabled: true",
      "        WebACLId: !Ref Acl",
      "        DefaultCacheBehavior: { TargetOriginId: o, ViewerProtocolPolicy: allow-all, CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6 }",
      "        Origins: [{ Id: o, DomainName: example.com, CustomOriginConfig: { OriginProtocolPolicy: https-only } }]",
      "  ClassicCdn:",
      "    Type: AWS::CloudFront::Distribution",
      "    Properties:",
      "      DistributionConfig:",
      "        Enabled: true",
      "        WebACLId: !Ref Classic",
      "        DefaultCacheBehavior: { TargetOriginId: o, ViewerProtocolPolicy: allow-all, CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6 }",
      "        Origins: [{ Id: o, DomainName: example.com, CustomOriginConfig: { OriginProtocolPolicy: https-only } }]",
      "  Association:",
      "    Type: AWS::WAFv2::WebACLAssociation",
      "    Properties:",
      "      ResourceArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/0123456789abcdef",
      "      WebACLArn: !Ref Acl",
    );
    expect(brief(findings)).toEqual(["E1041 19:19", "E1041 34:18"]);
    expect(findings[0].message).toBe(
      "!Ref Acl gives the web ACL's name, id and scope (name|id|scope), and DistributionConfig.WebACLId takes an " +
        "ARN; use !GetAtt Acl.Arn",
    );
  });
});

describe("E1041 reads what a Ref gives as an own key of its table", () => {
  it("says nothing of a Ref to a resource whose type is named like an Object method", () => {
    const findings = check(
      ["E1041"],
      "Resources:",
      "  Odd:",
      "    Type: toString",
      "  Worker:",
      "    Type: AWS::Lambda::Function",
      "    Properties:",
      "      Runtime: python3.12",
      "      Handler: app.handler",
      "      Role: !Ref Odd",
      "      Code: { S3Bucket: code-bucket, S3Key: app.zip }",
    );
    expect(findings).toEqual([]);
  });
});

describe("E1041 a queue policy's Resource given the queue's URL", () => {
  it("is a warning there, where an identity policy's is an error", () => {
    const findings = check(
      ["E1041"],
      "Resources:",
      "  Queue:",
      "    Type: AWS::SQS::Queue",
      "  QueuePolicy:",
      "    Type: AWS::SQS::QueuePolicy",
      "    Properties:",
      "      Queues: [!Ref Queue]",
      "      PolicyDocument:",
      "        Statement:",
      "          - Effect: Allow",
      "            Principal: { Service: events.amazonaws.com }",
      "            Action: sqs:SendMessage",
      "            Resource: !Ref Queue",
      "  Policy:",
      "    Type: AWS::IAM::ManagedPolicy",
      "    Properties:",
      "      PolicyDocument:",
      "        Statement:",
      "          - { Effect: Allow, Action: sqs:SendMessage, Resource: !Ref Queue }",
    );
    expect(brief(findings)).toEqual(["E1041 13:23", "E1041 19:65"]);
    expect(findings.map((f) => f.severity)).toEqual(["warning", "error"]);
    expect(findings[0].message).toBe(
      "!Ref Queue gives the queue's URL, and a policy's Resource names a queue by its ARN: SQS may take the " +
        "policy, but the statement does not name the queue; use !GetAtt Queue.Arn",
    );
  });
});

describe("E1041 a Ref of another kind of resource where an IAM role's, user's or group's name is needed", () => {
  it("flags a function, a queue and a user where roles, users and groups are named, and accepts IAM's own", () => {
    const findings = check(
      ["E1041"],
      "Transform: AWS::Serverless-2016-10-31",
      "Parameters:",
      "  RoleName: { Type: String }",
      "Resources:",
      "  Listener:",
      "    Type: AWS::Serverless::Function",
      "    Properties: { Handler: index.handler, Runtime: nodejs22.x, InlineCode: 'exports.handler = async () => 0' }",
      "  Queue:",
      "    Type: AWS::SQS::Queue",
      "  Ops:",
      "    Type: AWS::IAM::User",
      "    Properties: { Groups: [!Ref Admins, !Ref Dev] }",
      "  Admins:",
      "    Type: AWS::IAM::Group",
      "  Dev:",
      "    Type: AWS::IAM::User",
      "  Setup:",
      "    Type: AWS::CloudFormation::CustomResource",
      "    Properties: { ServiceToken: arn:aws:lambda:eu-west-1:123456789012:function:setup }",
      "  Policy:",
      "    Type: AWS::IAM::Policy",
      "    Properties:",
      "      PolicyName: listener",
      "      PolicyDocument: { Statement: [{ Effect: Allow, Action: logs:PutLogEvents, Resource: '*' }] }",
      "      Roles: [!Ref Listener, !Ref ListenerRole, !Ref RoleName, !Ref Setup]",
      "      Users: [!Ref Queue, !Ref Ops]",
      "      Groups: [!Ref Admins]",
      "  Profile:",
      "    Type: AWS::IAM::InstanceProfile",
      "    Properties: { Roles: [!Ref Ops] }",
    );
    // ListenerRole is the role the transform makes for Listener; a custom resource may give anything.
    expect(brief(findings)).toEqual(["E1041 12:41", "E1041 25:15", "E1041 26:15", "E1041 30:27"]);
    expect(findings[0].message).toBe(
      "!Ref Dev gives what an AWS::IAM::User's Ref gives, and Groups[1] takes the name of an IAM group: IAM " +
        "finds no group by it. Give !Ref of an AWS::IAM::Group there",
    );
    expect(findings[1].message).toBe(
      "!Ref Listener gives the function's name, and Roles[0] takes the name of an IAM role: IAM finds no role " +
        "by it. Give !Ref of an AWS::IAM::Role there",
    );
    expect(findings[2].message).toContain(
      "!Ref Queue gives the queue's URL, and Users[0] takes the name of an IAM user",
    );
  });
});

describe("E1040 a GetAtt of an ARN where a name, URL or domain name is needed", () => {
  it("flags queue policies, bucket policies, log filters and CloudFront origins given an Arn", () => {
    const findings = check(
      ["E1040"],
      "Resources:",
      "  Queue:",
      "    Type: AWS::SQS::Queue",
      "  Site:",
      "    Type: AWS::S3::Bucket",
      "  Logs:",
      "    Type: AWS::Logs::LogGroup",
      "  QueuePolicy:",
      "    Type: AWS::SQS::QueuePolicy",
      "    Properties:",
      "      Queues: [!Ref Queue, !GetAtt Queue.Arn]",
      "      PolicyDocument: { Statement: [{ Effect: Allow, Principal: '*', Action: sqs:SendMessage, Resource: '*' }] }",
      "  BucketPolicy:",
      "    Type: AWS::S3::BucketPolicy",
      "    Properties:",
      "      Bucket: !GetAtt Site.Arn",
      "      PolicyDocument: { Statement: [{ Effect: Allow, Principal: '*', Action: s3:GetObject, Resource: !Sub '${Site.Arn}/*' }] }",
      "  Filter:",
      "    Type: AWS::Logs::SubscriptionFilter",
      "    Properties:",
      "      LogGroupName: !GetAtt Logs.Arn",
      "      FilterPattern: ''",
      "      DestinationArn: arn:aws:lambda:eu-west-1:123456789012:function:f",
      "  Cdn:",
      "    Type: AWS::CloudFront::Distribution",
      "    Properties:",
      "      DistributionConfig:",
      "        Enabled: true",
      "        Origins:",
      "          - { Id: site, DomainName: !GetAtt Site.Arn, S3OriginConfig: {} }",
      "          - { Id: regional, DomainName: !GetAtt Site.RegionalDomainName, S3OriginConfig: {} }",
      "        DefaultCacheBehavior: { TargetOriginId: site, ViewerProtocolPolicy: allow-all }",
    );
    expect(brief(findings)).toEqual(["E1040 11:28", "E1040 16:15", "E1040 21:21", "E1040 30:37"]);
    expect(findings[0].message).toBe(
      "!GetAtt Queue.Arn gives an ARN, and Queues[1] takes queue URLs; use !Ref Queue",
    );
    expect(findings[1].message).toBe(
      "!GetAtt Site.Arn gives an ARN, and Bucket takes the bucket's name; use !Ref Site",
    );
    expect(findings[2].message).toBe(
      "!GetAtt Logs.Arn gives an ARN, and LogGroupName takes the log group's name; use !Ref Logs",
    );
    expect(findings[3].message).toBe(
      "!GetAtt Site.Arn gives an ARN, and DistributionConfig.Origins[0].DomainName takes a domain name; use " +
        "!GetAtt Site.RegionalDomainName",
    );
  });

  it("flags a URL where a CloudFront origin takes a domain name, and accepts the host split out of it", () => {
    const findings = check(
      ["E1040"],
      "Transform: AWS::Serverless-2016-10-31",
      "Resources:",
      "  Site:",
      "    Type: AWS::S3::Bucket",
      "    Properties: { WebsiteConfiguration: { IndexDocument: index.html } }",
      "  Api:",
      "    Type: AWS::Serverless::HttpApi",
      "  Fn:",
      "    Type: AWS::Serverless::Function",
      "    Properties:",
      "      Handler: index.handler",
      "      Runtime: nodejs22.x",
      "      InlineCode: exports.handler = async () => ({})",
      "      FunctionUrlConfig: { AuthType: NONE }",
      "  Cdn:",
      "    Type: AWS::CloudFront::Distribution",
      "    Properties:",
      "      DistributionConfig:",
      "        Enabled: true",
      "        Origins:",
      "          - { Id: site, DomainName: !GetAtt Site.WebsiteURL, CustomOriginConfig: { OriginProtocolPolicy: http-only } }",
      "          - { Id: api, DomainName: !GetAtt [Api, ApiEndpoint], CustomOriginConfig: { OriginProtocolPolicy: https-only } }",
      "          - { Id: fn, DomainName: !GetAtt FnUrl.FunctionUrl, CustomOriginConfig: { OriginProtocolPolicy: https-only } }",
      // Not an attribute of the bucket (E1010's to report), though every JavaScript object has it.
      "          - { Id: odd, DomainName: !GetAtt Site.toString, CustomOriginConfig: { OriginProtocolPolicy: https-only } }",
      "          - Id: host",
      "            DomainName: !Select [2, !Split ['/', !GetAtt Site.WebsiteURL]]",
      "            CustomOriginConfig: { OriginProtocolPolicy: http-only }",
      "        DefaultCacheBehavior: { TargetOriginId: site, ViewerProtocolPolicy: allow-all }",
    );
    expect(brief(findings)).toEqual(["E1040 21:37", "E1040 22:36", "E1040 23:35"]);
    expect(findings[0].message).toBe(
      "!GetAtt Site.WebsiteURL gives the bucket's website URL (http://...), and DistributionConfig.Origins[0]." +
        "DomainName takes a domain name, without a scheme or path; use !Select [2, !Split ['/', !GetAtt Site.WebsiteURL]]",
    );
    expect(findings[2].message).toContain(
      "!GetAtt FnUrl.FunctionUrl gives the function's URL (https://.../)",
    );
  });
});

describe("E1040 a GetAtt where an ARN is needed", () => {
  it("flags names, ids, URLs and a table's ARN where its stream is read, and accepts the ARN attributes", () => {
    const findings = check(
      ["E1040"],
      SAM,
      "Resources:",
      "  Queue:",
      "    Type: AWS::SQS::Queue",
      "  Table:",
      "    Type: AWS::DynamoDB::Table",
      "  Role:",
      "    Type: AWS::IAM::Role",
      "  Topic:",
      "    Type: AWS::SNS::Topic",
      "  Bucket:",
      "    Type: AWS::S3::Bucket",
      ...lambda("Worker", "Runtime: python3.12", "Code: { ZipFile: x }"),
      "  ByUrl:",
      "    Type: AWS::Lambda::EventSourceMapping",
      "    Properties:",
      "      FunctionName: !Ref Worker",
      "      EventSourceArn: !GetAtt Queue.QueueUrl",
      "  ByTable:",
      "    Type: AWS::Lambda::EventSourceMapping",
      "    Properties:",
      "      FunctionName: !Ref Worker",
      "      StartingPosition: LATEST",
      "      EventSourceArn: !GetAtt Table.Arn",
      "  ByStream:",
      "    Type: AWS::Lambda::EventSourceMapping",
      "    Properties:",
      "      FunctionName: !Ref Worker",
      "      StartingPosition: LATEST",
      "      EventSourceArn: !GetAtt Table.StreamArn",
      "  Other:",
      "    Type: AWS::Lambda::Function",
      "    Properties:",
      "      Handler: index.handler",
      "      Runtime: python3.12",
      "      Role: !GetAtt Role.RoleId",
      "      Code: { ZipFile: x }",
      "      DeadLetterConfig: { TargetArn: !GetAtt Topic.TopicName }",
      ...samFunction(
        "Sam",
        "Role: !GetAtt Role.Arn",
        "Events:",
        "  Changes:",
        "    Type: DynamoDB",
        "    Properties: { Stream: !GetAtt Table.Arn, StartingPosition: LATEST }",
        "Policies:",
        "  - Statement:",
        "      - { Effect: Allow, Action: s3:GetObject, Resource: [!GetAtt Bucket.DomainName, !GetAtt Bucket.Arn, !GetAtt Bucket.toString] }",
      ),
    );
    // Bucket.toString is no attribute (E1010's), though every JavaScript object has the key.
    expect(brief(findings)).toEqual([
      "E1040 24:23",
      "E1040 30:23",
      "E1040 42:13",
      "E1040 44:38",
      "E1040 55:33",
      "E1040 58:65",
    ]);
    expect(findings[0].message).toBe(
      "!GetAtt Queue.QueueUrl gives the queue's URL, and EventSourceArn takes an ARN; use !GetAtt Queue.Arn",
    );
    expect(findings[1].message).toBe(
      "!GetAtt Table.Arn gives the table's ARN, and EventSourceArn reads the table's stream; use !GetAtt " +
        "Table.StreamArn",
    );
    expect(findings[2].message).toBe(
      "!GetAtt Role.RoleId gives the role's id, and Role takes an ARN; use !GetAtt Role.Arn",
    );
    expect(findings[3].message).toBe(
      "!GetAtt Topic.TopicName gives the topic's name, and DeadLetterConfig.TargetArn takes an ARN; use !GetAtt " +
        "Topic.TopicArn",
    );
    expect(findings[4].message).toContain("the Stream of a DynamoDB event reads the table's stream");
    expect(findings[5].message).toContain(
      "gives the bucket's domain name, and a policy's Resource takes an ARN",
    );
  });
});

describe("E1040 and E1041 where SNS takes a topic's ARN", () => {
  it("reports a topic's name or a queue's URL as a subscription's TopicArn, a topic policy's Topics and a SAM SNS event's Topic", () => {
    const findings = check(
      ["E1040", "E1041"],
      "Transform: AWS::Serverless-2016-10-31",
      "Resources:",
      "  Topic:",
      "    Type: AWS::SNS::Topic",
      "  Queue:",
      "    Type: AWS::SQS::Queue",
      "  ByName:",
      "    Type: AWS::SNS::Subscription",
      "    Properties: { TopicArn: !GetAtt Topic.TopicName, Protocol: email, Endpoint: a@example.com }",
      "  ByQueue:",
      "    Type: AWS::SNS::Subscription",
      "    Properties: { TopicArn: !Ref Queue, Protocol: email, Endpoint: a@example.com }",
      "  Fine:",
      "    Type: AWS::SNS::Subscription",
      "    Properties: { TopicArn: !Ref Topic, Protocol: email, Endpoint: a@example.com }",
      "  Policy:",
      "    Type: AWS::SNS::TopicPolicy",
      "    Properties:",
      "      Topics: [!Ref Topic, !GetAtt Topic.TopicName]",
      "      PolicyDocument:",
      "        Statement:",
      "          - { Effect: Allow, Principal: { Service: events.amazonaws.com }, Action: sns:Publish, Resource: !Ref Topic }",
      ...samFunction(
        "Fn",
        "Events:",
        "  Notified: { Type: SNS, Properties: { Topic: !GetAtt Topic.TopicName } }",
      ),
    );
    // cfn-lint 1.51 reports the two subscriptions (E1040, E1041) and the SAM event (at line 2, after
    // its transform); not the topic policy's Topics.
    expect(brief(findings)).toEqual(["E1040 9:29", "E1041 12:29", "E1040 19:28", "E1040 30:53"]);
    expect(findings[0].message).toBe(
      "!GetAtt Topic.TopicName gives the topic's name, and TopicArn takes an ARN; use !GetAtt Topic.TopicArn",
    );
    expect(findings[1].message).toContain("!Ref Queue gives the queue's URL, and TopicArn takes an ARN");
    expect(findings[2].message).toContain("and Topics[1] takes an ARN");
    expect(findings[3].message).toContain("and the Topic of an SNS event takes an ARN");
  });
});

describe("W3923 alarm dimensions given an ARN or URL", () => {
  it("reports a function ARN, a queue URL or ARN and a topic ARN where the metric carries the name", () => {
    const alarm = (name: string, namespace: string, dimension: string, value: string) => [
      `  ${name}:`,
      "    Type: AWS::CloudWatch::Alarm",
      "    Properties:",
      `      Namespace: ${namespace}`,
      "      MetricName: Errors",
      "      Statistic: Sum",
      "      Period: 60",
      "      EvaluationPeriods: 1",
      "      Threshold: 1",
      "      ComparisonOperator: GreaterThanOrEqualToThreshold",
      "      Dimensions:",
      `        - Name: ${dimension}`,
      `          Value: ${value}`,
    ];
    const findings = lint(
      yaml(
        "Resources:",
        ...lambdaFunction("Fn"),
        "  Queue:",
        "    Type: AWS::SQS::Queue",
        "  Topic:",
        "    Type: AWS::SNS::Topic",
        ...alarm("FnArn", "AWS/Lambda", "FunctionName", "!GetAtt Fn.Arn"),
        ...alarm("FnName", "AWS/Lambda", "FunctionName", "!Ref Fn"),
        ...alarm("QueueUrl", "AWS/SQS", "QueueName", "!Ref Queue"),
        ...alarm("QueueName", "AWS/SQS", "QueueName", "!GetAtt Queue.QueueName"),
        ...alarm("TopicArn", "AWS/SNS", "TopicName", "!Ref Topic"),
      ),
      { only: ["W3923"] },
    );
    // Fn's seven lines, the queue and the topic come first: the alarms start at line 13, thirteen lines each.
    expect(brief(findings)).toEqual(["W3923 25:18", "W3923 51:18", "W3923 77:18"]);
    expect(findings.map((f) => f.message)).toEqual([
      "The FunctionName dimension of alarm FnArn is given the ARN of Fn, but the metric carries its name, so the " +
        "alarm never sees data; write !Ref Fn",
      "The QueueName dimension of alarm QueueUrl is given the URL of Queue, but the metric carries its name, so the " +
        "alarm never sees data; write !GetAtt Queue.QueueName",
      expect.stringContaining("The TopicName dimension of alarm TopicArn is given the ARN of Topic"),
    ]);
  });

  it("knows SAM functions and a table's stream ARN too", () => {
    const findings = lint(
      yaml(
        SAM,
        "Resources:",
        ...samFunction("Fn"),
        "  Table:",
        "    Type: AWS::DynamoDB::Table",
        "  FnAlarm:",
        "    Type: AWS::CloudWatch::Alarm",
        "    Properties:",
        "      Namespace: AWS/Lambda",
        "      Dimensions: [{Name: FunctionName, Value: !GetAtt Fn.Arn}]",
        "  TableAlarm:",
        "    Type: AWS::CloudWatch::Alarm",
        "    Properties:",
        "      Namespace: AWS/DynamoDB",
        "      Dimensions: [{Name: TableName, Value: !GetAtt Table.StreamArn}]",
      ),
      { only: ["W3923"] },
    );
    expect(brief(findings)).toEqual(["W3923 15:48", "W3923 20:45"]);
  });
});

describe("E3932 flexible schedule windows", () => {
  it("asks a FLEXIBLE window for its maximum, on schedules and SAM ScheduleV2 events", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        "  Nightly:",
        "    Type: AWS::Scheduler::Schedule",
        "    Properties:",
        "      ScheduleExpression: cron(0 2 * * ? *)",
        "      FlexibleTimeWindow: {Mode: FLEXIBLE}",
        "      Target: {Arn: arn:aws:lambda:us-east-1:123456789012:function:f, RoleArn: arn:aws:iam::123456789012:role/s}",
        "  Hourly:",
        "    Type: AWS::Scheduler::Schedule",
        "    Properties:",
        "      ScheduleExpression: rate(1 hour)",
        "      FlexibleTimeWindow: {Mode: FLEXIBLE, MaximumWindowInMinutes: 15}",
        "      Target: {Arn: arn:aws:lambda:us-east-1:123456789012:function:f, RoleArn: arn:aws:iam::123456789012:role/s}",
        ...samFunction("Fn", "Events:", "  Tick:", "    Type: ScheduleV2", "    Properties:"),
        "            ScheduleExpression: rate(5 minutes)",
        "            FlexibleTimeWindow:",
        "              Mode: FLEXIBLE",
      ),
      { only: ["E3932"] },
    );
    expect(brief(findings)).toEqual(["E3932 7:34", "E3932 27:21"]);
    expect(findings.map((f) => f.message)).toEqual([
      "Schedule 'Nightly' has a FLEXIBLE time window without MaximumWindowInMinutes, which EventBridge Scheduler " +
        "requires with it; add MaximumWindowInMinutes (1 to 1,440), or set Mode: 'OFF'",
      expect.stringContaining("Event Tick of Fn has a FLEXIBLE time window"),
    ]);
  });
});

describe("E3981 permissions on $LATEST", () => {
  it("reports a FunctionName qualified with $LATEST, written out or by what a Fn::Sub or a Fn::Join gives", () => {
    const findings = check(
      ["E3981"],
      "Resources:",
      ...lambdaFunction("Fn"),
      ...lambdaPermission("Literal", "arn:aws:lambda:us-east-1:123456789012:function:fn:$LATEST"),
      ...lambdaPermission("Name", "fn:$LATEST"),
      ...lambdaPermission("Sub", '!Sub "${Fn.Arn}:$LATEST"'),
      ...lambdaPermission("Join", '!Join [":", [!GetAtt Fn.Arn, "$LATEST"]]'),
      ...lambdaPermission("Unqualified", "!GetAtt Fn.Arn"),
      ...lambdaPermission("Alias", "fn:live"),
      ...lambdaPermission("Version", '!Join ["", [!GetAtt Fn.Arn, ":LATEST"]]'),
      ...lambdaPermission("Mapped", '!Sub ["${Name}:${Qualifier}", { Name: !Ref Fn, Qualifier: $LATEST }]'),
    );
    // cfn-lint 1.51 reports none of these: its pattern for FunctionName allows the qualifier.
    expect(brief(findings)).toEqual([
      "E3981 12:21",
      "E3981 18:21",
      "E3981 24:21",
      "E3981 30:21",
      "E3981 54:21",
    ]);
    expect(findings[0].message).toBe(
      "Permission 'Literal' is for the function's $LATEST, and Lambda adds no policy for $LATEST (\"We currently do " +
        'not support adding policies for $LATEST"); name the function without the qualifier, which grants $LATEST ' +
        "too, or a version or alias",
    );
  });
});
