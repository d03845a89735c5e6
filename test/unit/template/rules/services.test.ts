// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the templates under test use CloudFormation's ${} syntax
/**
 * Service rules: DynamoDB keys and billing (E3039, E3638, E3639), SQS queues (E3501, E3502,
 * E3505), Lambda functions (E3685, E3663), `${}` outside Fn::Sub (E1029), dynamic references
 * (E1050, E1051, E1052, E1027), bucket ACLs (E3045), Fargate tasks (E3047, E3048), essential
 * containers (E3042), Route 53 records in their zone (E3041), ACM validation domains (E3503) and
 * event patterns and filter policies (E3915), EventBridge target input (E3917) and SQS redrive
 * policies (E3918), DynamoDB key schemas and indexes (E3924), SQS encryption kinds (E3926) and
 * state machine log destinations (E3927), Lambda environment variable names (E3930), SNS topic
 * names (E3931), and the values dynamic references give, which no rule judges as written.
 */
import { describe, expect, it } from "vitest";
import { brief, lambdaFunction, lint, located, samFunction, yaml } from "../lint";

/** The findings of the given rules on a YAML template written one line an argument. */
const check = (only: string[], ...lines: string[]) => lint(yaml(...lines), { only });

const TABLE_HEAD = ["Resources:", "  Table:", "    Type: AWS::DynamoDB::Table", "    Properties:"];

describe("E3039 DynamoDB AttributeDefinitions and key schemas", () => {
  it("counts a vector index's search schema, whose attributes AttributeDefinitions declares too", () => {
    const findings = check(
      ["E3039"],
      ...TABLE_HEAD,
      "      BillingMode: PAY_PER_REQUEST",
      "      AttributeDefinitions:",
      "        - { AttributeName: pk, AttributeType: S }",
      "        - { AttributeName: category, AttributeType: S }",
      "        - { AttributeName: year, AttributeType: N }",
      "      KeySchema: [{ AttributeName: pk, KeyType: HASH }]",
      "      VectorIndexes:",
      "        - IndexName: Similar",
      "          Dimensions: 128",
      "          DistanceFunction: COSINE",
      "          Projection: { ProjectionType: ALL }",
      "          VectorAttribute: { AttributeName: embedding }",
      "          SearchSchema:",
      "            - { AttributeName: category, SearchSchemaElementType: HASH }",
      "            - { AttributeName: year, SearchSchemaElementType: INLINE_FILTER }",
      "            - { AttributeName: region, SearchSchemaElementType: INLINE_FILTER }",
      "        - IndexName: Plain",
      "          Dimensions: 8",
      "          DistanceFunction: DOT_PRODUCT",
      "          Projection: { ProjectionType: KEYS_ONLY }",
      "          VectorAttribute: { AttributeName: embedding }",
    );
    // The vector attribute (embedding) is not declared; an undeclared search attribute is reported.
    expect(findings.map((f) => `${f.range.start.line} ${f.message}`)).toEqual([
      "20 VectorIndexes[0].SearchSchema[2].AttributeName uses an attribute that AttributeDefinitions does not " +
        "define; add it to AttributeDefinitions with its AttributeType",
    ]);
  });

  it("flags a definition no key uses and a key without a definition, in the table and its indexes", () => {
    const findings = check(
      ["E3039"],
      ...TABLE_HEAD,
      "      BillingMode: PAY_PER_REQUEST",
      "      AttributeDefinitions:",
      "        - AttributeName: id",
      "          AttributeType: S",
      "        - AttributeName: unused",
      "          AttributeType: S",
      "      KeySchema:",
      "        - AttributeName: id",
      "          KeyType: HASH",
      "        - AttributeName: sort",
      "          KeyType: RANGE",
      "      GlobalSecondaryIndexes:",
      "        - IndexName: byOwner",
      "          KeySchema:",
      "            - AttributeName: owner",
      "              KeyType: HASH",
      "          Projection: { ProjectionType: ALL }",
    );
    expect(brief(findings)).toEqual(["E3039 9:26", "E3039 14:26", "E3039 19:30"]);
    expect(findings[0].message).toBe(
      "AttributeDefinitions[1].AttributeName defines an attribute that no key schema of the table or its indexes " +
        "uses; DynamoDB accepts only key attributes in AttributeDefinitions, so remove it",
    );
    expect(findings[2].message).toBe(
      "GlobalSecondaryIndexes[0].KeySchema[0].AttributeName uses an attribute that AttributeDefinitions does not " +
        "define; add it to AttributeDefinitions with its AttributeType",
    );
    expect(findings[2].path).toEqual([
      "Resources",
      "Table",
      "Properties",
      "GlobalSecondaryIndexes",
      0,
      "KeySchema",
      0,
      "AttributeName",
    ]);
  });

  it("accepts matching sets, and skips names or lists given through intrinsics", () => {
    const findings = check(
      ["E3039"],
      "Parameters:",
      "  Key:",
      "    Type: String",
      ...TABLE_HEAD,
      "      BillingMode: PAY_PER_REQUEST",
      "      AttributeDefinitions:",
      "        - AttributeName: id",
      "          AttributeType: S",
      "        - AttributeName: owner",
      "          AttributeType: S",
      "      KeySchema:",
      "        - AttributeName: id",
      "          KeyType: HASH",
      "      LocalSecondaryIndexes:",
      "        - IndexName: byOwner",
      "          KeySchema:",
      "            - AttributeName: id",
      "              KeyType: HASH",
      "            - AttributeName: owner",
      "              KeyType: RANGE",
      "          Projection: { ProjectionType: ALL }",
      "  Dynamic:",
      "    Type: AWS::DynamoDB::Table",
      "    Properties:",
      "      BillingMode: PAY_PER_REQUEST",
      "      AttributeDefinitions:",
      "        - AttributeName: !Ref Key",
      "          AttributeType: S",
      "        - AttributeName: other",
      "          AttributeType: S",
      "      KeySchema:",
      "        - AttributeName: !Ref Key",
      "          KeyType: HASH",
    );
    expect(findings).toEqual([]);
  });

  it("checks each branch of a Properties Fn::If on its own", () => {
    const findings = check(
      ["E3039"],
      "Conditions:",
      "  Prod: !Equals [!Ref AWS::Region, eu-west-1]",
      "Resources:",
      "  Table:",
      "    Type: AWS::DynamoDB::Table",
      "    Properties: !If",
      "      - Prod",
      "      - BillingMode: PAY_PER_REQUEST",
      "        AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]",
      "        KeySchema: [{ AttributeName: id, KeyType: HASH }]",
      "      - BillingMode: PAY_PER_REQUEST",
      "        AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]",
      "        KeySchema: [{ AttributeName: pk, KeyType: HASH }]",
    );
    expect(brief(findings)).toEqual(["E3039 12:49", "E3039 13:38"]);
  });
});

describe("E3638 / E3639 DynamoDB BillingMode and ProvisionedThroughput", () => {
  const keys = [
    "      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]",
    "      KeySchema: [{ AttributeName: id, KeyType: HASH }]",
  ];

  it("flags ProvisionedThroughput on a PAY_PER_REQUEST table and on its global secondary indexes", () => {
    const findings = check(
      ["E3638", "E3639"],
      ...TABLE_HEAD,
      "      BillingMode: PAY_PER_REQUEST",
      ...keys,
      "      ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 }",
      "      GlobalSecondaryIndexes:",
      "        - IndexName: byId",
      "          KeySchema: [{ AttributeName: id, KeyType: HASH }]",
      "          Projection: { ProjectionType: ALL }",
      "          ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 }",
    );
    expect(brief(findings)).toEqual(["E3638 8:7", "E3638 13:11"]);
    expect(findings[0].message).toBe(
      "ProvisionedThroughput is not allowed when BillingMode is PAY_PER_REQUEST; remove it, or set BillingMode to " +
        "PROVISIONED",
    );
  });

  it("flags a PROVISIONED table, written or by default, without ProvisionedThroughput, and its indexes", () => {
    const findings = check(
      ["E3638", "E3639"],
      ...TABLE_HEAD,
      "      BillingMode: PROVISIONED",
      ...keys,
      "  Default:",
      "    Type: AWS::DynamoDB::Table",
      "    Properties:",
      ...keys,
      "      ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 }",
      "      GlobalSecondaryIndexes:",
      "        - IndexName: byId",
      "          KeySchema: [{ AttributeName: id, KeyType: HASH }]",
      "          Projection: { ProjectionType: ALL }",
    );
    expect(brief(findings)).toEqual(["E3639 4:5", "E3639 15:11"]);
    expect(findings[0].message).toBe(
      "ProvisionedThroughput is required when BillingMode is PROVISIONED; add ProvisionedThroughput " +
        "(ReadCapacityUnits, WriteCapacityUnits), or set BillingMode to PAY_PER_REQUEST",
    );
    expect(findings[1].message).toBe(
      "GlobalSecondaryIndexes[0] needs ProvisionedThroughput when the table's BillingMode is not set (so " +
        "PROVISIONED); add ProvisionedThroughput (ReadCapacityUnits, WriteCapacityUnits), or set BillingMode to " +
        "PAY_PER_REQUEST",
    );
  });

  it("leaves a ProvisionedThroughput of 0 and 0 on a PAY_PER_REQUEST table, which CloudFormation takes as none", () => {
    const findings = check(
      ["E3638", "E3639", "E3034"],
      ...TABLE_HEAD,
      "      BillingMode: PAY_PER_REQUEST",
      ...keys,
      "      ProvisionedThroughput: { ReadCapacityUnits: 0, WriteCapacityUnits: 0 }",
      "      GlobalSecondaryIndexes:",
      "        - IndexName: byId",
      "          KeySchema: [{ AttributeName: id, KeyType: HASH }]",
      "          Projection: { ProjectionType: ALL }",
      "          ProvisionedThroughput: { ReadCapacityUnits: '0', WriteCapacityUnits: '0' }",
      "        - IndexName: byName",
      "          KeySchema: [{ AttributeName: id, KeyType: HASH }]",
      "          Projection: { ProjectionType: ALL }",
      "          ProvisionedThroughput: { ReadCapacityUnits: 0, WriteCapacityUnits: 5 }",
    );
    // Any other value is refused (cfn-lint#4524 deployed both).
    expect(brief(findings)).toEqual(["E3638 17:11"]);
  });

  it("flags a capacity unit below 1 where the table is PROVISIONED, written or by default", () => {
    const findings = check(
      ["E3638", "E3639", "E3034"],
      ...TABLE_HEAD,
      "      BillingMode: PROVISIONED",
      ...keys,
      "      ProvisionedThroughput: { ReadCapacityUnits: 0, WriteCapacityUnits: 1 }",
      "  Default:",
      "    Type: AWS::DynamoDB::Table",
      "    Properties:",
      ...keys,
      "      ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: '0' }",
      "      GlobalSecondaryIndexes:",
      "        - IndexName: byId",
      "          KeySchema: [{ AttributeName: id, KeyType: HASH }]",
      "          Projection: { ProjectionType: ALL }",
      "          ProvisionedThroughput: { ReadCapacityUnits: 0, WriteCapacityUnits: 0 }",
    );
    expect(brief(findings)).toEqual(["E3639 8:51", "E3639 14:74", "E3639 19:55", "E3639 19:78"]);
    expect(findings[0].message).toBe(
      "ProvisionedThroughput.ReadCapacityUnits must be at least 1 when BillingMode is PROVISIONED; give it the " +
        "capacity needed, or set BillingMode to PAY_PER_REQUEST",
    );
    expect(findings[2].message).toBe(
      "GlobalSecondaryIndexes[0].ProvisionedThroughput.ReadCapacityUnits must be at least 1 when the table's " +
        "BillingMode is not set (so PROVISIONED); give it the capacity needed, or set BillingMode to PAY_PER_REQUEST",
    );
  });

  it("reads a BillingMode and the throughputs one condition chooses together, as cfn-lint's solver does", () => {
    const findings = check(
      ["E3638", "E3639"],
      "Conditions:",
      "  Prod: !Equals [!Ref AWS::Region, eu-west-1]",
      ...TABLE_HEAD,
      "      BillingMode: !If [Prod, PROVISIONED, PAY_PER_REQUEST]",
      ...keys,
      "  Other:",
      "    Type: AWS::DynamoDB::Table",
      "    Properties:",
      "      BillingMode: PAY_PER_REQUEST",
      ...keys,
      "      ProvisionedThroughput: !If [Prod, { ReadCapacityUnits: 1, WriteCapacityUnits: 1 }, !Ref AWS::NoValue]",
      "  Paired:",
      "    Type: AWS::DynamoDB::Table",
      "    Properties:",
      "      BillingMode: !If [Prod, PROVISIONED, PAY_PER_REQUEST]",
      ...keys,
      "      ProvisionedThroughput: !If [Prod, { ReadCapacityUnits: 5, WriteCapacityUnits: 5 }, !Ref AWS::NoValue]",
      "      GlobalSecondaryIndexes:",
      "        - IndexName: byId",
      "          KeySchema: [{ AttributeName: id, KeyType: HASH }]",
      "          Projection: { ProjectionType: ALL }",
      "          ProvisionedThroughput: !If [Prod, { ReadCapacityUnits: 0, WriteCapacityUnits: 5 }, !Ref AWS::NoValue]",
      "  Crossed:",
      "    Type: AWS::DynamoDB::Table",
      "    Properties:",
      "      BillingMode: !If [Prod, PAY_PER_REQUEST, PROVISIONED]",
      ...keys,
      "      ProvisionedThroughput: !If [Prod, { ReadCapacityUnits: 5, WriteCapacityUnits: 5 }, !Ref AWS::NoValue]",
    );
    // cfn-lint 1.51 reports the first two at the same places.
    expect(
      findings.map((f) => `${f.ruleId} ${f.range.start.line}:${f.range.start.column} ${f.message}`),
    ).toEqual([
      "E3639 6:5 Where condition Prod is true, ProvisionedThroughput is required when BillingMode is PROVISIONED; " +
        "add ProvisionedThroughput (ReadCapacityUnits, WriteCapacityUnits), or set BillingMode to PAY_PER_REQUEST",
      "E3638 16:7 Where condition Prod is true, ProvisionedThroughput is not allowed when BillingMode is " +
        "PAY_PER_REQUEST; remove it, or set BillingMode to PROVISIONED",
      "E3639 28:66 Where condition Prod is true, GlobalSecondaryIndexes[0].ProvisionedThroughput.ReadCapacityUnits " +
        "must be at least 1 when the table's BillingMode is PROVISIONED; give it the capacity needed, or set " +
        "BillingMode to PAY_PER_REQUEST",
      "E3638 35:7 Where condition Prod is true, ProvisionedThroughput is not allowed when BillingMode is " +
        "PAY_PER_REQUEST; remove it, or set BillingMode to PROVISIONED",
      "E3639 35:7 Where condition Prod is false, ProvisionedThroughput is required when BillingMode is PROVISIONED; " +
        "add ProvisionedThroughput (ReadCapacityUnits, WriteCapacityUnits), or set BillingMode to PAY_PER_REQUEST",
    ]);
  });
});

describe("E3501 SQS FIFO properties", () => {
  it("flags a FIFO name without .fifo, a standard queue named .fifo, and FIFO-only properties", () => {
    const findings = check(
      ["E3501"],
      "Resources:",
      "  Fifo:",
      "    Type: AWS::SQS::Queue",
      "    Properties:",
      "      FifoQueue: true",
      "      QueueName: orders",
      "  Standard:",
      "    Type: AWS::SQS::Queue",
      "    Properties:",
      "      QueueName: events.fifo",
      "      ContentBasedDeduplication: false",
      "      FifoThroughputLimit: perMessageGroupId",
    );
    expect(brief(findings)).toEqual(["E3501 6:18", "E3501 10:18", "E3501 11:7", "E3501 12:7"]);
    expect(findings[0].message).toBe(
      "The QueueName of a FIFO queue must end in '.fifo'; add the suffix, or leave QueueName out",
    );
    expect(findings[2].message).toBe(
      "ContentBasedDeduplication applies only to FIFO queues; set FifoQueue: true, or remove ContentBasedDeduplication",
    );
  });

  it("accepts well-formed queues and skips a FifoQueue given through an intrinsic", () => {
    const findings = check(
      ["E3501"],
      "Parameters:",
      "  Fifo:",
      "    Type: String",
      "Resources:",
      "  Ordered:",
      "    Type: AWS::SQS::Queue",
      "    Properties:",
      '      FifoQueue: "true"',
      "      QueueName: orders.fifo",
      "      ContentBasedDeduplication: true",
      "  Plain:",
      "    Type: AWS::SQS::Queue",
      "    Properties:",
      "      QueueName: events",
      "  Either:",
      "    Type: AWS::SQS::Queue",
      "    Properties:",
      "      FifoQueue: !Ref Fifo",
      "      QueueName: maybe",
      "      ContentBasedDeduplication: true",
    );
    expect(findings).toEqual([]);
  });

  it("judges a name a Fn::Sub or Fn::Join builds by its end, where that is written out", () => {
    let count = 0;
    const queue = (name: string, fifo: boolean) => [
      `  Queue${++count}:`,
      "    Type: AWS::SQS::Queue",
      "    Properties:",
      ...(fifo ? ["      FifoQueue: true"] : []),
      `      QueueName: ${name}`,
    ];
    const findings = check(
      ["E3501"],
      "Parameters:",
      "  Prefix:",
      "    Type: String",
      "Resources:",
      // Wrong whatever the stack's or the parameter's value: lines 9, 14 and 18.
      ...queue("!Sub ${AWS::StackName}-orders", true),
      ...queue("!Join ['-', [!Ref Prefix, orders]]", true),
      ...queue("!Sub ${AWS::StackName}-orders.fifo", false),
      // Right, or not known: a `.fifo` the parameter may begin (`${Prefix}fo`), a name ending in one.
      ...queue("!Sub ${AWS::StackName}-orders.fifo", true),
      ...queue("!Join ['', [!Ref Prefix, '.fi', fo]]", true),
      ...queue("!Sub ${Prefix}fo", true),
      ...queue("!Sub orders-${Prefix}", true),
    );
    expect(brief(findings)).toEqual(["E3501 9:18", "E3501 14:18", "E3501 18:18"]);
  });
});

describe("E3502 SQS dead-letter queue kind", () => {
  it("flags a dead-letter queue of the other kind, and accepts one of the same kind", () => {
    const findings = check(
      ["E3502"],
      "Resources:",
      "  Source:",
      "    Type: AWS::SQS::Queue",
      "    Properties:",
      "      FifoQueue: true",
      "      RedrivePolicy:",
      "        deadLetterTargetArn: !GetAtt Standard.Arn",
      "        maxReceiveCount: 3",
      "  Standard:",
      "    Type: AWS::SQS::Queue",
      "    Properties:",
      "      RedrivePolicy:",
      "        deadLetterTargetArn: !GetAtt Plain.Arn",
      "        maxReceiveCount: 3",
      "  Plain:",
      "    Type: AWS::SQS::Queue",
    );
    expect(brief(findings)).toEqual(["E3502 7:30"]);
    expect(findings[0].message).toBe(
      "This FIFO queue's dead-letter queue 'Standard' is a standard queue; a dead-letter queue must be of the same " +
        "kind as its source queue, so make 'Standard' FIFO or choose another queue",
    );
  });
});

describe("E3505 SQS VisibilityTimeout against the consuming function's Timeout", () => {
  it("flags an event source mapping whose queue times out before the function", () => {
    const findings = check(
      ["E3505"],
      "Resources:",
      "  Queue:",
      "    Type: AWS::SQS::Queue",
      "    Properties:",
      "      VisibilityTimeout: 20",
      "  Worker:",
      "    Type: AWS::Lambda::Function",
      "    Properties:",
      "      Runtime: python3.12",
      "      Handler: app.handler",
      "      Role: arn:aws:iam::123456789012:role/worker",
      "      Code: { ZipFile: pass }",
      "      Timeout: 60",
      "  Mapping:",
      "    Type: AWS::Lambda::EventSourceMapping",
      "    Properties:",
      "      EventSourceArn: !GetAtt Queue.Arn",
      "      FunctionName: !Ref Worker",
      "  Quick:",
      "    Type: AWS::Lambda::Function",
      "    Properties:",
      "      Runtime: python3.12",
      "      Handler: app.handler",
      "      Role: arn:aws:iam::123456789012:role/worker",
      "      Code: { ZipFile: pass }",
      "  QuickMapping:",
      "    Type: AWS::Lambda::EventSourceMapping",
      "    Properties:",
      "      EventSourceArn: !GetAtt Queue.Arn",
      "      FunctionName: !GetAtt Quick.Arn",
    );
    expect(brief(findings)).toEqual(["E3505 17:23"]);
    expect(findings[0].message).toBe(
      "Queue 'Queue' has a VisibilityTimeout of 20 seconds, less than the 60-second Timeout of function 'Worker' " +
        "that reads it; Lambda requires a visibility timeout of at least the function timeout (AWS recommends six " +
        "times it)",
    );
  });

  it("reads a SAM function's SQS event, with the Timeout from Globals, and honours IgnoreGlobals", () => {
    const findings = check(
      ["E3505"],
      "Transform: AWS::Serverless-2016-10-31",
      "Globals:",
      "  Function:",
      "    Timeout: 45",
      "Resources:",
      "  Queue:",
      "    Type: AWS::SQS::Queue",
      "  Worker:",
      "    Type: AWS::Serverless::Function",
      "    Properties:",
      "      Runtime: python3.12",
      "      Handler: app.handler",
      "      CodeUri: src/",
      "      Events:",
      "        Jobs:",
      "          Type: SQS",
      "          Properties:",
      "            Queue: !GetAtt Queue.Arn",
      "  Local:",
      "    Type: AWS::Serverless::Function",
      "    IgnoreGlobals: [Timeout]",
      "    Properties:",
      "      Runtime: python3.12",
      "      Handler: app.handler",
      "      CodeUri: src/",
      "      Events:",
      "        Jobs:",
      "          Type: SQS",
      "          Properties:",
      "            Queue: !GetAtt Queue.Arn",
    );
    expect(brief(findings)).toEqual(["E3505 18:20"]);
    expect(findings[0].message).toContain("VisibilityTimeout of 30 seconds, less than the 45-second Timeout");
  });

  it("judges a Timeout a parameter or a mapping gives, as a warning where a parameter's value gives it", () => {
    const findings = check(
      ["E3505"],
      "Transform: AWS::Serverless-2016-10-31",
      "Parameters:",
      "  Timeout: { Type: Number, Default: 60 }",
      "Mappings:",
      "  Limits:",
      "    queue: { Visibility: 20 }",
      "Globals:",
      "  Function:",
      "    Timeout: !Ref Timeout",
      "Resources:",
      "  Queue:",
      "    Type: AWS::SQS::Queue",
      "    Properties:",
      "      VisibilityTimeout: !FindInMap [Limits, queue, Visibility]",
      ...samFunction(
        "Worker",
        "Events:",
        "  Jobs:",
        "    Type: SQS",
        "    Properties:",
        "      Queue: !GetAtt Queue.Arn",
      ),
      ...lambdaFunction("Fixed", "arn:aws:iam::123456789012:role/worker", "Timeout: 25"),
      "  Mapping:",
      "    Type: AWS::Lambda::EventSourceMapping",
      "    Properties:",
      "      EventSourceArn: !GetAtt Queue.Arn",
      "      FunctionName: !Ref Fixed",
    );
    expect(
      findings.map((f) => `${f.ruleId} ${f.severity} ${f.range.start.line}:${f.range.start.column}`),
    ).toEqual(["E3505 warning 25:20", "E3505 error 37:23"]);
    expect(findings.map((f) => f.message.slice(0, f.message.indexOf(" of function")))).toEqual([
      "Queue 'Queue' has a VisibilityTimeout of 20 seconds, less than the 60-second Timeout (with the Default of parameter 'Timeout')",
      "Queue 'Queue' has a VisibilityTimeout of 20 seconds, less than the 25-second Timeout",
    ]);
  });
});

describe("E3685 container image functions", () => {
  it("flags Handler, Runtime and Layers on an image function, and a Runtime inherited from Globals", () => {
    const findings = check(
      ["E3685"],
      "Transform: AWS::Serverless-2016-10-31",
      "Globals:",
      "  Function:",
      "    Runtime: python3.12",
      "Resources:",
      "  Image:",
      "    Type: AWS::Lambda::Function",
      "    Properties:",
      "      PackageType: Image",
      "      Handler: app.handler",
      "      Layers: [arn:aws:lambda:eu-west-1:123456789012:layer:deps:1]",
      "      Role: arn:aws:iam::123456789012:role/worker",
      "      Code: { ImageUri: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1 }",
      "  SamImage:",
      "    Type: AWS::Serverless::Function",
      "    Properties:",
      "      PackageType: Image",
      "      ImageUri: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1",
      "  Opted:",
      "    Type: AWS::Serverless::Function",
      "    IgnoreGlobals: [Runtime]",
      "    Properties:",
      "      PackageType: Image",
      "      ImageUri: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1",
    );
    expect(brief(findings)).toEqual(["E3685 10:7", "E3685 11:7", "E3685 17:20"]);
    expect(findings[0].message).toBe(
      "Handler cannot be set on a function with PackageType Image: the container image provides it; remove Handler",
    );
    expect(findings[2].message).toBe(
      "This function has PackageType Image but inherits Runtime from Globals.Function.Runtime; container image " +
        "functions cannot set Runtime, so add IgnoreGlobals: [Runtime] to the function or move the setting off Globals",
    );
  });
});

describe("E3663 reserved Lambda environment variables", () => {
  it("flags reserved names in functions and in SAM Globals", () => {
    const findings = check(
      ["E3663"],
      "Transform: AWS::Serverless-2016-10-31",
      "Globals:",
      "  Function:",
      "    Environment:",
      "      Variables:",
      "        AWS_REGION: eu-west-1",
      "Resources:",
      "  Plain:",
      "    Type: AWS::Lambda::Function",
      "    Properties:",
      "      Runtime: python3.12",
      "      Handler: app.handler",
      "      Role: arn:aws:iam::123456789012:role/worker",
      "      Code: { ZipFile: pass }",
      "      Environment:",
      "        Variables:",
      "          TABLE: orders",
      "          _HANDLER: other.handler",
      "  Sam:",
      "    Type: AWS::Serverless::Function",
      "    Properties:",
      "      Runtime: python3.12",
      "      Handler: app.handler",
      "      CodeUri: src/",
      "      Environment:",
      "        Variables:",
      "          AWS_LAMBDA_FUNCTION_NAME: x",
      "          LANG: C.UTF-8",
    );
    expect(brief(findings)).toEqual(["E3663 6:9", "E3663 18:11", "E3663 27:11"]);
    expect(findings[1].message).toBe(
      "_HANDLER is a reserved Lambda environment variable name, set by the runtime itself; choose another name",
    );
  });
});

describe("E1029 ${} outside Fn::Sub", () => {
  it("flags parameters, pseudo parameters, resources and attributes in plain strings", () => {
    const findings = check(
      ["E1029"],
      "Parameters:",
      "  Env:",
      "    Type: String",
      "Resources:",
      "  Bucket:",
      "    Type: AWS::S3::Bucket",
      "    Properties:",
      '      BucketName: "${AWS::StackName}-${Env}"',
      "      Tags:",
      '        - Key: "${Bucket.Arn}"',
      "          Value: !Join ['', ['${Env}', x]]",
      "Outputs:",
      "  Name:",
      "    Value: ${Bucket}",
    );
    expect(brief(findings)).toEqual([
      "E1029 8:22",
      "E1029 8:40",
      "E1029 10:19",
      "E1029 11:33",
      "E1029 14:14",
    ]);
    expect(findings[1].message).toBe(
      "'${Env}' is in a plain string, so CloudFormation leaves it as it is; wrap the string in Fn::Sub to " +
        "substitute it, or write '${!Env}' for a literal '${Env}'",
    );
  });

  it("flags a parameter's Default and AllowedValues, where nothing is substituted, with their own fix", () => {
    // As in the serverless airline booking sample's ECR template. cfn-lint 1.51 reports both, at
    // 5:5 and 6:21, and the Description (4:5) too, which no one reads as substituted.
    const findings = check(
      ["E1029"],
      "Parameters:",
      "  AllowedAccounts:",
      "    Type: String",
      '    Description: "defaults to ${AWS::AccountId}"',
      "    Default: ${AWS::AccountId}",
      "    AllowedValues: ['${AWS::Region}', x]",
      "Resources:",
      "  Topic:",
      "    Type: AWS::SNS::Topic",
    );
    expect(brief(findings)).toEqual(["E1029 5:16", "E1029 6:24"]);
    expect(findings[0].message).toBe(
      "'${AWS::AccountId}' is in a parameter's Default, where CloudFormation substitutes nothing, so the parameter " +
        "gets it as it is; leave it out of the Default, and use ${AWS::AccountId} in a Fn::Sub where the parameter is used",
    );
    expect(findings[1].message).toContain("in a parameter's AllowedValues");
    // A macro may read a parameter's values its own way.
    const macro = check(
      ["E1029"],
      "Transform: MyMacro",
      "Parameters:",
      "  Account:",
      "    Type: String",
      "    Default: ${AWS::AccountId}",
      "Resources:",
      "  Topic:",
      "    Type: AWS::SNS::Topic",
    );
    expect(macro).toEqual([]);
    // A NoEcho parameter's values are not quoted in a finding.
    const secret = check(
      ["E1029"],
      "Parameters:",
      "  Token:",
      "    Type: String",
      "    NoEcho: true",
      "    Default: ${AWS::AccountId}",
      "Resources:",
      "  Topic:",
      "    Type: AWS::SNS::Topic",
    );
    expect(secret).toEqual([]);
  });

  it("accepts Fn::Sub, escapes, unknown names, descriptions and state machine substitutions", () => {
    const findings = check(
      ["E1029"],
      "Parameters:",
      "  Env:",
      "    Type: String",
      '    Description: "bucket of ${Env}"',
      "Resources:",
      "  Bucket:",
      "    Type: AWS::S3::Bucket",
      "    Properties:",
      '      BucketName: !Sub "${AWS::StackName}-${Env}"',
      "      Tags:",
      "        - Key: !Sub ['${Name}', { Name: '${Env}' }]",
      '          Value: "${!Env} ${HOME} ${stageVariables.x} ${Bucket.NoSuchAttribute}"',
      "  Machine:",
      "    Type: AWS::StepFunctions::StateMachine",
      "    Properties:",
      "      RoleArn: arn:aws:iam::123456789012:role/machine",
      '      DefinitionString: \'{"StartAt":"A","States":{"A":{"Type":"Pass","Result":"${Env}","End":true}}}\'',
      "      DefinitionSubstitutions:",
      "        Env: prod",
      "Outputs:",
      "  Name:",
      "    Description: ${Env} bucket",
      "    Value: !Ref Bucket",
    );
    expect(findings).toEqual([]);
  });

  it("leaves an inline TemplateBody, whose own functions the nested stack resolves, a Fn::If's too", () => {
    const body = `'{"Resources":{"T":{"Type":"AWS::SNS::Topic","Properties":{"TopicName":{"Fn::Sub":"\${AWS::Region}-t"}}}}}'`;
    const findings = check(
      ["E1029"],
      "Parameters:",
      "  Env:",
      "    Type: String",
      "Conditions:",
      "  IsProd: !Equals [!Ref Env, prod]",
      "Resources:",
      "  Inline:",
      "    Type: AWS::CloudFormation::Stack",
      "    Properties:",
      `      TemplateBody: ${body}`,
      "  Chosen:",
      "    Type: AWS::CloudFormation::Stack",
      "    Properties:",
      `      TemplateBody: !If [IsProd, ${body}, ${body}]`,
      "  Topic:",
      "    Type: AWS::SNS::Topic",
      "    Properties:",
      '      TopicName: "${AWS::Region}-t"',
    );
    expect(brief(findings)).toEqual(["E1029 18:21"]);
  });
});

describe("E1050 dynamic reference syntax", () => {
  it("flags unknown services, bad versions, extra parts and malformed secret references", () => {
    const findings = check(
      ["E1050"],
      "Resources:",
      "  Bucket:",
      "    Type: AWS::S3::Bucket",
      "    Properties:",
      "      Tags:",
      "        - Key: a",
      '          Value: "{{resolve:vault:/app/key}}"',
      "        - Key: b",
      '          Value: "{{resolve:ssm:/app/key:latest}}"',
      "        - Key: c",
      '          Value: "x-{{resolve:ssm:/app/key:1:2}}"',
      "        - Key: d",
      '          Value: "{{resolve:secretsmanager:db:Password:user}}"',
      "        - Key: e",
      '          Value: "{{resolve:ssm:/app key}}"',
    );
    expect(brief(findings)).toEqual([
      "E1050 7:19",
      "E1050 9:19",
      "E1050 11:21",
      "E1050 13:19",
      "E1050 15:19",
    ]);
    expect(findings[0].message).toBe(
      "This dynamic reference names an unknown service; use ssm, ssm-secure or secretsmanager",
    );
    expect(findings[1].message).toBe(
      "This dynamic reference has a version that is not a whole number; write {{resolve:ssm:name}} or " +
        "{{resolve:ssm:name:version}}",
    );
  });

  it("accepts names, versions, ARNs, secret keys, references that Fn::Sub completes, and text in descriptions", () => {
    const findings = check(
      ["E1050"],
      "Parameters:",
      "  Name:",
      "    Type: String",
      '    Description: "not resolved here: {{resolve:vault:x}}"',
      "Resources:",
      "  Bucket:",
      "    Type: AWS::S3::Bucket",
      "    Properties:",
      "      Tags:",
      "        - Key: a",
      '          Value: "{{resolve:ssm:/app/key}}-{{resolve:ssm:app.key_2:12}}"',
      "        - Key: b",
      '          Value: "{{resolve:ssm:arn:aws:ssm:eu-west-1:123456789012:parameter/shared/key:3}}"',
      "        - Key: c",
      '          Value: "{{resolve:secretsmanager:db:SecretString:password::}}"',
      "        - Key: d",
      '          Value: "{{resolve:secretsmanager:arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf:SecretString:user}}"',
      "        - Key: e",
      '          Value: !Sub "{{resolve:ssm:/app/${Name}/key}}"',
    );
    expect(findings).toEqual([]);
  });

  it("reads text with nothing after the service as text, as in a comment of a script, and flags an empty key", () => {
    const findings = check(
      ["E1050"],
      "Resources:",
      "  Instance:",
      "    Type: AWS::EC2::Instance",
      "    Properties:",
      "      ImageId: ami-12345678",
      "      UserData:",
      "        Fn::Base64: !Sub |",
      "          #!/bin/bash",
      "          # A {{resolve:secretsmanager}} reference is not resolved here,",
      "          # so the script reads the secret itself: ${AWS::Region}",
      '      KeyName: "{{resolve:ssm:}}"',
    );
    expect(brief(findings)).toEqual(["E1050 11:17"]);
    expect(findings[0].message).toBe("This dynamic reference has no key after 'ssm:'");
  });
});

describe("E1051 / E1052 / E1027 dynamic reference placement", () => {
  it("flags secrets outside resource properties, unversioned ssm in Parameters, and ssm-secure where unsupported", () => {
    const findings = check(
      ["E1051", "E1052", "E1027"],
      "Parameters:",
      "  Latest:",
      "    Type: String",
      '    Default: "{{resolve:ssm:/app/ami}}"',
      "  Pinned:",
      "    Type: String",
      '    Default: "{{resolve:ssm:/app/ami:4}}"',
      "Resources:",
      "  Db:",
      "    Type: AWS::RDS::DBInstance",
      "    Metadata:",
      '      Password: "{{resolve:secretsmanager:db}}"',
      "    Properties:",
      "      Engine: postgres",
      "      DBInstanceClass: db.t3.micro",
      "      AllocatedStorage: 20",
      "      MasterUsername: '{{resolve:secretsmanager:db:SecretString:user}}'",
      "      MasterUserPassword: '{{resolve:ssm-secure:/db/password:1}}'",
      "      Tags:",
      "        - Key: owner",
      "          Value: '{{resolve:ssm-secure:/db/owner}}'",
      "Outputs:",
      "  Secret:",
      "    Value: '{{resolve:secretsmanager:db}}'",
    );
    expect(brief(findings)).toEqual(["E1052 4:15", "E1051 12:18", "E1027 21:19", "E1051 24:13"]);
    expect(findings[0].message).toBe(
      "An ssm dynamic reference in Parameters must name a version ({{resolve:ssm:name:version}}); add the version, " +
        "or give the parameter the type AWS::SSM::Parameter::Value<String> with the parameter name as Default",
    );
    expect(findings[1].message).toBe(
      "A secretsmanager dynamic reference can be used only in resource properties; CloudFormation does not " +
        "resolve secrets here. Move it into the property that needs the secret",
    );
    expect(findings[2].message).toBe(
      "An ssm-secure dynamic reference works only in the resource properties that support secure strings (such " +
        "as MasterUserPassword of AWS::RDS::DBInstance); in other resource properties use a secretsmanager " +
        "reference instead",
    );
  });

  it("takes an ssm-secure reference inside the Fn::Sub, Fn::Join or Fn::If that builds a supported property", () => {
    const findings = check(
      ["E1027"],
      "Conditions:",
      "  Prod: !Equals [!Ref 'AWS::Region', us-east-1]",
      "Resources:",
      "  User:",
      "    Type: AWS::IAM::User",
      "    Properties:",
      "      LoginProfile:",
      "        Password: !Sub 'pre-{{resolve:ssm-secure:/u/password:1}}'",
      "  Other:",
      "    Type: AWS::IAM::User",
      "    Properties:",
      "      LoginProfile:",
      "        Password: !If [Prod, '{{resolve:ssm-secure:/u/a:1}}', !Join ['', ['{{resolve:ssm-secure:/u/b:1}}']]]",
      "      Path: !Sub '/{{resolve:ssm-secure:/u/path:1}}/'",
    );
    expect(brief(findings)).toEqual(["E1027 14:20"]);
  });
});

describe("W1053 dynamic references with spaces, W1051 a secret where its ARN is wanted", () => {
  it("finds spaces before the service's colon where CloudFormation resolves references", () => {
    const findings = check(
      ["W1053"],
      "Resources:",
      "  Param:",
      "    Type: AWS::SSM::Parameter",
      "    Metadata:",
      "      Note: '{{ resolve:ssm:/not/resolved/here }}'",
      "    Properties:",
      "      Type: String",
      "      Value: '{{ resolve:ssm:/app/url }}'",
      "      Description: 'a {{resolve : secretsmanager:db}} and a {{resolve:ssm:/fine}}'",
      "      Name: '{{resolve:ssm:/fine}}'",
      "Outputs:",
      "  Out:",
      "    Value: !Sub '{{resolve:ssm-secure :/x}}-${AWS::Region}'",
    );
    expect(brief(findings)).toEqual(["W1053 8:15", "W1053 9:23", "W1053 13:18"]);
    expect(findings[0].message).toBe(
      "This dynamic reference has spaces in its opening, so CloudFormation does not resolve it and passes the text " +
        "on as it is written; write {{resolve:ssm:...}} without spaces",
    );
    expect(findings[2].message).toContain("write {{resolve:ssm-secure:...}} without spaces");
  });

  it("finds a secretsmanager reference in a property that takes the secret's ARN", () => {
    const findings = check(
      ["W1051"],
      "Resources:",
      "  Proxy:",
      "    Type: AWS::RDS::DBProxy",
      "    Properties:",
      "      DBProxyName: proxy",
      "      EngineFamily: POSTGRESQL",
      "      RoleArn: arn:aws:iam::123456789012:role/proxy",
      "      VpcSubnetIds: [subnet-12345678, subnet-87654321]",
      "      Auth:",
      "        - AuthScheme: SECRETS",
      "          SecretArn: '{{resolve:secretsmanager:db:SecretString:password}}'",
      "        - AuthScheme: SECRETS",
      "          SecretArn: !Sub '{{resolve:secretsmanager:${Stage}-db}}'",
      "        - AuthScheme: SECRETS",
      "          SecretArn: !Sub 'arn:${AWS::Partition}:x:{{resolve:secretsmanager:db}}'",
      "        - AuthScheme: SECRETS",
      "          SecretArn: arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf",
      "  Db:",
      "    Type: AWS::RDS::DBInstance",
      "    Properties:",
      "      Engine: postgres",
      "      DBInstanceClass: db.t3.micro",
      "      MasterUsername: admin",
      "      MasterUserPassword: '{{resolve:secretsmanager:db:SecretString:password}}'",
    );
    // The Sub whose reference Fn::Sub fills in is not a reference yet; a reference inside a longer
    // Sub string is left alone, as in cfn-lint.
    expect(brief(findings)).toEqual(["W1051 11:23"]);
    expect(findings[0].message).toBe(
      "This dynamic reference gives the secret's value, and SecretArn takes the secret's ARN: the property would " +
        "get the secret itself; give the ARN instead (!Ref of an AWS::SecretsManager::Secret gives it)",
    );
  });
});

describe("values a dynamic reference gives", () => {
  /**
   * A template whose listed properties each get `value(name)`, quoted: a dynamic reference or the
   * literal text `name`, between `before` and `after` where the value is a part of the text.
   */
  const template = (value: (name: string, before?: string, after?: string) => string) =>
    yaml(
      "Resources:",
      "  Queue:",
      "    Type: AWS::SQS::Queue",
      "    Properties:",
      `      VisibilityTimeout: ${value("ten minutes")}`,
      `      FifoQueue: ${value("maybe")}`,
      "  Fn:",
      "    Type: AWS::Lambda::Function",
      "    Properties:",
      `      Runtime: ${value("java21")}`,
      "      Handler: index.handler",
      "      Role: arn:aws:iam::123456789012:role/app",
      "      Code: { ZipFile: 'def handler(e, c): pass' }",
      "  Rule:",
      "    Type: AWS::Events::Rule",
      "    Properties:",
      `      ScheduleExpression: ${value("every five minutes")}`,
      "  Instance:",
      "    Type: AWS::EC2::Instance",
      "    Properties:",
      "      ImageId: ami-0123456789abcdef0",
      `      AvailabilityZone: ${value("us-east-1a")}`,
      "  Bucket:",
      "    Type: AWS::S3::Bucket",
      "    Properties:",
      `      AccessControl: ${value("PublicRead")}`,
      "      NotificationConfiguration:",
      "        QueueConfigurations:",
      `          - Event: ${value("s3:ObjectCreated")}`,
      "            Queue: !GetAtt Queue.Arn",
      "  BucketPolicy:",
      "    Type: AWS::S3::BucketPolicy",
      "    Properties:",
      "      Bucket: !Ref Bucket",
      "      PolicyDocument:",
      "        Statement:",
      "          - Effect: Allow",
      "            Principal: { AWS: arn:aws:iam::123456789012:root }",
      "            Action: s3:GetObject",
      `            Resource: ${value("objects")}`,
      "  Role:",
      "    Type: AWS::IAM::Role",
      "    Properties:",
      "      AssumeRolePolicyDocument:",
      `        Version: ${value("2012-10-17 or later")}`,
      "        Statement:",
      `          - { Effect: ${value("allow")}, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }`,
      "      Policies:",
      "        - PolicyName: app",
      "          PolicyDocument:",
      "            Statement:",
      `              - Effect: ${value("Allow it")}`,
      `                Action: ${value("conections:UseConnection")}`,
      `                Resource: ${value("connection")}`,
      "  Permission:",
      "    Type: AWS::Lambda::Permission",
      "    Properties:",
      "      FunctionName: !Ref Fn",
      "      Action: lambda:InvokeFunction",
      `      Principal: ${value("s3")}`,
      "  Key:",
      "    Type: AWS::KMS::Key",
      "    Properties:",
      "      KeyPolicy:",
      "        Statement:",
      "          - Effect: Allow",
      `            Principal: { AWS: ${value("123", "arn:aws:iam::", ":root")} }`,
      "            Action: kms:*",
      "            Resource: '*'",
      "  Table:",
      "    Type: AWS::DynamoDB::Table",
      "    Properties:",
      "      BillingMode: PAY_PER_REQUEST",
      `      AttributeDefinitions: [{ AttributeName: ${value("id")}, AttributeType: S }]`,
      `      KeySchema: [{ AttributeName: ${value("key")}, KeyType: HASH }]`,
      "  Document:",
      "    Type: AWS::SSM::Document",
      "    Properties:",
      "      Content:",
      `        schemaVersion: ${value("2.3")}`,
      "        mainSteps: [{ action: aws:runShellScript, name: run, inputs: { runCommand: [ls] } }]",
      "  Managed:",
      "    Type: AWS::IAM::ManagedPolicy",
      "    Properties:",
      "      PolicyDocument:",
      "        Statement:",
      `          - Sid: ${value("read all")}`,
      "            Effect: Allow",
      "            Action: s3:GetObject",
      "            Resource: '*'",
      "  TopicPolicy:",
      "    Type: AWS::SNS::TopicPolicy",
      "    Properties:",
      "      Topics: ['arn:aws:sns:us-east-1:123456789012:orders']",
      "      PolicyDocument:",
      "        Statement:",
      "          - Effect: Allow",
      `            Principal: ${value("everyone")}`,
      "            Action: sns:Publish",
      "            Resource: '*'",
    );
  const rules = [
    "E3012",
    "E3677",
    "E3027",
    "W3010",
    "E3045",
    "E3912",
    "E3514",
    "E3510",
    "E3530",
    "W3037",
    "E3512",
    "E3039",
    "E3051",
  ];

  it("are read at deploy time, so no rule judges them as the text written", () => {
    // The text is that of a Parameter Store parameter; what it holds is known only at deploy time.
    const findings = lint(
      template(
        (name, before = "", after = "") =>
          `'${before}{{resolve:ssm:/app/${name.replace(/[^a-z0-9]/g, "-")}}}${after}'`,
      ),
      { only: rules },
    );
    expect(brief(findings)).toEqual([]);
  });

  it("are judged where the same properties are written out", () => {
    const findings = lint(
      template((name, before = "", after = "") => `'${before}${name}${after}'`),
      { only: rules },
    );
    expect(brief(findings)).toEqual([
      "E3012 5:26",
      "E3012 6:18",
      "E3677 10:16",
      "E3027 17:27",
      "W3010 22:25",
      "E3045 26:22",
      "E3912 29:20",
      "E3514 40:23",
      "E3530 45:18",
      "E3530 47:23",
      "E3510 52:25",
      "W3037 53:25",
      "E3510 54:27",
      "E3512 60:18",
      "E3512 67:31",
      "E3039 74:47",
      "E3039 75:36",
      "E3051 80:24",
      "E3510 87:18",
      "E3512 98:24",
    ]);
  });
});

describe("E3045 bucket ACLs and object ownership", () => {
  /** A bucket named `name` with the given Properties lines. */
  const bucket = (name: string, ...properties: string[]) => [
    `  ${name}:`,
    "    Type: AWS::S3::Bucket",
    "    Properties:",
    ...properties.map((line) => `      ${line}`),
  ];

  it("needs OwnershipControls that allow ACLs for a canned ACL other than the owner's", () => {
    const findings = check(
      ["E3045"],
      "Resources:",
      ...bucket("Logs", "AccessControl: LogDeliveryWrite"),
      ...bucket(
        "Site",
        "AccessControl: PublicRead",
        "OwnershipControls:",
        "  Rules:",
        "    - ObjectOwnership: BucketOwnerEnforced",
      ),
      ...bucket(
        "Writer",
        "AccessControl: PublicRead",
        "OwnershipControls: { Rules: [{ ObjectOwnership: ObjectWriter }] }",
      ),
      ...bucket("Private", "AccessControl: Private"),
      ...bucket("Chosen", "AccessControl: !Ref AWS::NoValue"),
    );
    expect(brief(findings)).toEqual(["E3045 5:22", "E3045 12:30"]);
    expect(findings[0].message).toBe(
      "AccessControl LogDeliveryWrite is an ACL, and a new bucket disables ACLs (BucketOwnerEnforced) unless told " +
        "otherwise; set OwnershipControls to ObjectWriter or BucketOwnerPreferred, or remove AccessControl and grant " +
        "access with a bucket policy",
    );
    expect(findings[1].message).toContain(
      "BucketOwnerEnforced disables ACLs, and this bucket sets AccessControl PublicRead",
    );
  });

  it("judges each ACL a Fn::If chooses, where the bucket may be made with it", () => {
    const findings = check(
      ["E3045", "W3045"],
      "Parameters:",
      "  Public: { Type: String, AllowedValues: ['true', 'false'] }",
      "Conditions:",
      "  IsPublic: !Equals [!Ref Public, 'true']",
      "  IsPrivate: !Not [!Condition IsPublic]",
      "Resources:",
      ...bucket("Site", "AccessControl: !If [IsPublic, PublicRead, Private]"),
      ...bucket(
        "Enforced",
        "AccessControl: !If [IsPublic, Private, LogDeliveryWrite]",
        "OwnershipControls: { Rules: [{ ObjectOwnership: BucketOwnerEnforced }] }",
      ),
      "  Internal:",
      "    Type: AWS::S3::Bucket",
      "    Condition: IsPrivate",
      "    Properties:",
      "      AccessControl: !If [IsPublic, PublicRead, BucketOwnerRead]",
      ...bucket("Owner", "AccessControl: !If [IsPublic, Private, BucketOwnerFullControl]"),
      // A Fn::If that leaves AccessControl out in one branch sets it in the other.
      ...bucket("Optional", "AccessControl: !If [IsPublic, PublicRead, !Ref AWS::NoValue]"),
    );
    // Internal exists only where IsPublic is false, so its PublicRead branch is never taken.
    expect(brief(findings)).toEqual([
      "E3045 10:37",
      "E3045 15:55",
      "W3045 20:7",
      "W3045 24:7",
      "E3045 28:37",
    ]);
    expect(findings[0].message).toContain("AccessControl PublicRead is an ACL");
    expect(findings[1].message).toContain("this bucket sets AccessControl LogDeliveryWrite");
  });
});

describe("E3047 Fargate task sizes", () => {
  /** A Fargate task definition named `name` with the given Cpu and Memory. */
  const task = (name: string, cpu: string, memory: string, compatibility = "FARGATE") => [
    `  ${name}:`,
    "    Type: AWS::ECS::TaskDefinition",
    "    Properties:",
    `      RequiresCompatibilities: [${compatibility}]`,
    `      Cpu: ${cpu}`,
    `      Memory: ${memory}`,
    "      ContainerDefinitions: [{ Name: app, Image: nginx }]",
  ];

  it("accepts Fargate's sizes in units or vCPU and GB, and names the memory a CPU size takes", () => {
    const findings = check(
      ["E3047"],
      "Resources:",
      ...task("Small", "256", "'1536'"),
      ...task("Words", "'1 vCPU'", "'4 GB'"),
      ...task("Odd", "300", "1024"),
      ...task("Large", "4096", "32768"),
      ...task("Ec2", "256", "1536", "EC2"),
      ...task("Fits", "'.25 vCPU'", "'0.5 GB'"),
      ...task("Big", "8192", "20480"),
    );
    expect(brief(findings)).toEqual(["E3047 7:15", "E3047 20:12", "E3047 28:15"]);
    expect(findings[0].message).toBe(
      "Fargate has no task size of 256 CPU units with 1536 MiB: with 256 CPU units, Memory is 512, 1024, 2048 MiB",
    );
    expect(findings[1].message).toBe(
      "Fargate has no CPU size of 300 units; use one of 256, 512, 1024, 2048, 4096, 8192, 16384 (0.25 to 16 vCPU)",
    );
    expect(findings[2].message).toBe(
      "Fargate has no task size of 4096 CPU units with 32768 MiB: with 4096 CPU units, Memory is 8192 to 30720 MiB " +
        "in steps of 1024",
    );
  });
});

describe("E3048 Fargate task properties", () => {
  it("needs awsvpc, a task-level Cpu and Memory, no placement constraints and a log driver Fargate has", () => {
    const findings = check(
      ["E3048"],
      "Resources:",
      "  Bare:",
      "    Type: AWS::ECS::TaskDefinition",
      "    Properties:",
      "      RequiresCompatibilities: [FARGATE]",
      "      Memory: 512",
      "      ContainerDefinitions: [{ Name: app, Image: nginx }]",
      "  Bridged:",
      "    Type: AWS::ECS::TaskDefinition",
      "    Properties:",
      "      RequiresCompatibilities: [EC2, FARGATE]",
      "      NetworkMode: bridge",
      "      Cpu: 256",
      "      Memory: 512",
      "      PlacementConstraints: [{ Type: memberOf, Expression: 'attribute:ecs.os-type == linux' }]",
      "      ContainerDefinitions:",
      "        - Name: app",
      "          Image: nginx",
      "          LogConfiguration: { LogDriver: syslog }",
      "  Fine:",
      "    Type: AWS::ECS::TaskDefinition",
      "    Properties:",
      "      RequiresCompatibilities: [FARGATE]",
      "      NetworkMode: awsvpc",
      "      Cpu: 256",
      "      Memory: 512",
      "      ContainerDefinitions: [{ Name: app, Image: nginx, LogConfiguration: { LogDriver: awslogs } }]",
      "  OnEc2:",
      "    Type: AWS::ECS::TaskDefinition",
      "    Properties:",
      "      RequiresCompatibilities: [EC2]",
      "      NetworkMode: bridge",
      "      ContainerDefinitions: [{ Name: app, Image: nginx }]",
    );
    expect(brief(findings)).toEqual(["E3048 5:7", "E3048 5:7", "E3048 12:20", "E3048 15:7", "E3048 19:42"]);
    expect(findings.map((f) => f.message)).toEqual([
      "A Fargate task is sized by its task-level Cpu and Memory: add Cpu (see the Fargate task sizes)",
      "A Fargate task runs in its own network interface: add NetworkMode: awsvpc",
      "Fargate supports only NetworkMode awsvpc, not bridge; set NetworkMode: awsvpc",
      "Fargate places tasks itself and takes no PlacementConstraints; remove them",
      "Fargate tasks log through awslogs, splunk or awsfirelens, not syslog; use awslogs for CloudWatch Logs",
    ]);
  });
});

describe("E3042 essential containers", () => {
  it("flags a task whose containers all say Essential: false, and counts an omitted Essential as true", () => {
    const findings = check(
      ["E3042"],
      "Resources:",
      "  Sidecars:",
      "    Type: AWS::ECS::TaskDefinition",
      "    Properties:",
      "      ContainerDefinitions:",
      "        - { Name: app, Image: nginx, Essential: false }",
      "        - { Name: log, Image: fluent-bit, Essential: 'false' }",
      "  Default:",
      "    Type: AWS::ECS::TaskDefinition",
      "    Properties:",
      "      ContainerDefinitions:",
      "        - { Name: app, Image: nginx }",
      "        - { Name: log, Image: fluent-bit, Essential: false }",
      "  Chosen:",
      "    Type: AWS::ECS::TaskDefinition",
      "    Properties:",
      "      ContainerDefinitions:",
      "        - { Name: app, Image: nginx, Essential: !Ref AWS::NoValue }",
    );
    expect(brief(findings)).toEqual(["E3042 5:7"]);
    expect(findings[0].message).toBe(
      "Every container here says Essential: false, and a task needs an essential container (the one whose stop ends " +
        "the task); make the main container essential",
    );
  });
});

describe("E3041 records in their hosted zone, E3503 validation domains", () => {
  it("reports a record outside its zone, on record sets and record set groups, ignoring case and dots", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Domain:",
        "    Type: String",
        "Resources:",
        "  Api:",
        "    Type: AWS::Route53::RecordSet",
        "    Properties:",
        "      HostedZoneName: example.com.",
        "      Name: api.example.org",
        "      Type: A",
        "      TTL: '60'",
        "      ResourceRecords: [192.0.2.1]",
        "  Apex:",
        "    Type: AWS::Route53::RecordSet",
        "    Properties:",
        "      HostedZoneName: Example.COM",
        "      Name: example.com.",
        "      Type: A",
        "      TTL: '60'",
        "      ResourceRecords: [192.0.2.1]",
        "  Group:",
        "    Type: AWS::Route53::RecordSetGroup",
        "    Properties:",
        "      HostedZoneName: example.com.",
        "      RecordSets:",
        "        - Name: www.example.com.",
        "          Type: A",
        "          TTL: '60'",
        "          ResourceRecords: [192.0.2.1]",
        "        - Name: notexample.com",
        "          Type: A",
        "          TTL: '60'",
        "          ResourceRecords: [192.0.2.1]",
        "        - Name: !Sub 'api.${Domain}'",
        "          Type: A",
        "          TTL: '60'",
        "          ResourceRecords: [192.0.2.1]",
      ),
      { only: ["E3041"] },
    );
    expect(brief(findings)).toEqual(["E3041 9:13", "E3041 30:17"]);
    expect(findings[0].message).toBe(
      "Record 'api.example.org' is not in hosted zone 'example.com.': Route 53 only takes names that end in the " +
        "zone's name; use the zone of this name, or a name in this zone",
    );
    expect(findings[1].path).toEqual(["Resources", "Group", "Properties", "RecordSets", 1, "Name"]);
  });

  it("pairs a zone and a name one condition chooses, and reads a chosen record's zone as written", () => {
    const findings = lint(
      yaml(
        "Conditions:",
        "  Prod: !Equals [!Ref AWS::AccountId, '111111111111']",
        "Resources:",
        "  Paired:",
        "    Type: AWS::Route53::RecordSet",
        "    Properties:",
        "      HostedZoneName: !If [Prod, example.com., example.dev.]",
        "      Name: !If [Prod, api.example.com, api.example.dev]",
        "      Type: A",
        "      TTL: '60'",
        "      ResourceRecords: [192.0.2.1]",
        "  Crossed:",
        "    Type: AWS::Route53::RecordSet",
        "    Properties:",
        "      HostedZoneName: !If [Prod, example.com., example.dev.]",
        "      Name: api.example.com",
        "      Type: A",
        "      TTL: '60'",
        "      ResourceRecords: [192.0.2.1]",
        "  Group:",
        "    Type: AWS::Route53::RecordSetGroup",
        "    Properties:",
        "      HostedZoneName: !If [Prod, example.com., example.dev.]",
        "      RecordSets:",
        "        - !If [Prod, {Name: www.example.com, Type: A, TTL: '60', ResourceRecords: [192.0.2.1]}, !Ref AWS::NoValue]",
      ),
      { only: ["E3041"] },
    );
    // The group's record is made where Prod is true only; its zone's Fn::If is not paired with it.
    expect(brief(findings)).toEqual(["E3041 16:13"]);
    expect(findings[0].message).toBe(
      "Where condition Prod is false, record 'api.example.com' is not in hosted zone 'example.dev.': Route 53 only " +
        "takes names that end in the zone's name; use the zone of this name, or a name in this zone",
    );
  });

  it("reports a ValidationDomain that is not the domain or above it, wildcards included", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Cert:",
        "    Type: AWS::CertificateManager::Certificate",
        "    Properties:",
        "      DomainName: '*.api.example.com'",
        "      SubjectAlternativeNames: [api.example.com, shop.example.net]",
        "      DomainValidationOptions:",
        "        - DomainName: '*.api.example.com'",
        "          ValidationDomain: example.com",
        "        - DomainName: api.example.com",
        "          ValidationDomain: api.example.com",
        "        - DomainName: shop.example.net",
        "          ValidationDomain: www.shop.example.net",
      ),
      { only: ["E3503"] },
    );
    expect(brief(findings)).toEqual(["E3503 13:29"]);
    expect(findings[0].message).toBe(
      "ValidationDomain 'www.shop.example.net' is neither 'shop.example.net' nor a domain above it, so ACM " +
        "refuses it; use 'shop.example.net' or one of its parent domains",
    );
  });
});

describe("E3915 event patterns and filter policies", () => {
  it("reports fields given a bare value, unknown matchers and a bad $or, in rules, subscriptions and filters", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Sources:",
        "    Type: CommaDelimitedList",
        "Resources:",
        "  Rule:",
        "    Type: AWS::Events::Rule",
        "    Properties:",
        "      EventPattern:",
        "        source: aws.s3",
        "        detail-type: [Object Created]",
        "        detail:",
        "          bucket:",
        "            name: my-bucket",
        "          object:",
        "            key: [{prefx: img/}, {prefix: doc/}]",
        "        $or: {size: [1]}",
        "  Listed:",
        "    Type: AWS::Events::Rule",
        "    Properties:",
        "      EventPattern:",
        "        source: !Ref Sources",
        "        $or:",
        "          - detail: {size: [{numeric: ['>', 0]}]}",
        "          - detail: {type: [{anything-but: {prefix: tmp}}]}",
        "  Sub:",
        "    Type: AWS::SNS::Subscription",
        "    Properties:",
        "      TopicArn: arn:aws:sns:us-east-1:123456789012:t",
        "      Protocol: sqs",
        "      Endpoint: arn:aws:sqs:us-east-1:123456789012:q",
        '      FilterPolicy: \'{"store": "example_corp", "price": [{"numeric": [">=", 100]}]}\'',
        "  Mapping:",
        "    Type: AWS::Lambda::EventSourceMapping",
        "    Properties:",
        "      FunctionName: f",
        "      EventSourceArn: arn:aws:sqs:us-east-1:123456789012:q",
        "      FilterCriteria:",
        "        Filters:",
        '          - Pattern: \'{"body": {"type": "order"}}\'',
        '          - Pattern: \'{"body": {"type": ["order"]}}\'',
        "          - Pattern: '{body: type}'",
      ),
      { only: ["E3915"] },
    );
    expect(brief(findings)).toEqual([
      "E3915 9:17",
      "E3915 13:19",
      "E3915 15:20",
      "E3915 16:14",
      "E3915 31:21",
      "E3915 39:22",
      "E3915 41:22",
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      `Field 'source' in the EventPattern of rule Rule is "aws.s3", not a list: patterns match a field against a ` +
        `list of values, so the service refuses it; write ["aws.s3"]`,
      expect.stringContaining(
        `Field 'detail.bucket.name' in the EventPattern of rule Rule is "my-bucket", not a list`,
      ),
      "'prefx' in field 'detail.object.key' of the EventPattern of rule Rule is not a matcher (did you mean " +
        "'prefix'?); the matchers are anything-but, cidr, equals-ignore-case, exists, numeric, prefix, suffix, wildcard",
      "'$or' in the EventPattern of rule Rule must be a list of patterns (objects), one of which must match",
      expect.stringContaining(
        `Field 'store' in the FilterPolicy of subscription Sub is "example_corp", not a list`,
      ),
      expect.stringContaining(
        `Field 'body.type' in a filter Pattern of event source mapping Mapping is "order"`,
      ),
      "The Pattern of a filter in event source mapping Mapping is not JSON, so the service refuses it",
    ]);
  });

  it("checks the patterns of SAM events too", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        "  Fn:",
        "    Type: AWS::Serverless::Function",
        "    Properties:",
        "      Runtime: python3.13",
        "      Handler: app.handler",
        "      InlineCode: x",
        "      Events:",
        "        Rule:",
        "          Type: EventBridgeRule",
        "          Properties:",
        "            Pattern: {source: [aws.ec2], detail: {state: stopped}}",
        "        Queue:",
        "          Type: SQS",
        "          Properties:",
        "            Queue: arn:aws:sqs:us-east-1:123456789012:q",
        "            FilterCriteria:",
        "              Filters:",
        '                - Pattern: \'{"body": {"kind": ["a"]}}\'',
      ),
      { only: ["E3915"] },
    );
    expect(brief(findings)).toEqual(["E3915 13:58"]);
    expect(findings[0].message).toContain(
      "Field 'detail.state' in the Pattern of event Rule of Fn is \"stopped\"",
    );
    expect(findings[0].path).toEqual([
      "Resources",
      "Fn",
      "Properties",
      "Events",
      "Rule",
      "Properties",
      "Pattern",
    ]);
  });
});

describe("E3917 EventBridge target input, E3918 SQS redrive policies", () => {
  it("reports a target with two kinds of input, on rules and SAM events", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        "  Rule:",
        "    Type: AWS::Events::Rule",
        "    Properties:",
        "      ScheduleExpression: rate(5 minutes)",
        "      Targets:",
        "        - Id: fn",
        "          Arn: arn:aws:lambda:us-east-1:123456789012:function:f",
        "          Input: '{\"a\": 1}'",
        "          InputPath: $.detail",
        "        - Id: ok",
        "          Arn: arn:aws:lambda:us-east-1:123456789012:function:g",
        "          InputTransformer: {InputTemplate: '\"x\"'}",
        "  Fn:",
        "    Type: AWS::Serverless::Function",
        "    Properties:",
        "      Runtime: python3.13",
        "      Handler: app.handler",
        "      InlineCode: x",
        "      Events:",
        "        Tick:",
        "          Type: Schedule",
        "          Properties:",
        "            Schedule: rate(1 hour)",
        "            InputPath: $.detail",
        "            InputTransformer: {InputTemplate: '\"x\"'}",
      ),
      { only: ["E3917"] },
    );
    expect(brief(findings)).toEqual(["E3917 11:11", "E3917 27:13"]);
    expect(findings.map((f) => f.message)).toEqual([
      "Target 'fn' of rule Rule gives its input as both Input and InputPath; EventBridge takes one of Input, " +
        "InputPath and InputTransformer, and refuses the target",
      expect.stringContaining("Event Tick of Fn gives its input as both InputPath and InputTransformer"),
    ]);
  });

  it("asks a redrive policy for both keys and a maxReceiveCount from 1 to 1,000, as a mapping or JSON", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Dlq:",
        "    Type: AWS::SQS::Queue",
        "  NoCount:",
        "    Type: AWS::SQS::Queue",
        "    Properties:",
        "      RedrivePolicy:",
        "        deadLetterTargetArn: !GetAtt Dlq.Arn",
        "  TooMany:",
        "    Type: AWS::SQS::Queue",
        "    Properties:",
        '      RedrivePolicy: \'{"deadLetterTargetArn": "arn:aws:sqs:us-east-1:123456789012:dlq", "maxReceiveCount": 5000}\'',
        "  Good:",
        "    Type: AWS::SQS::Queue",
        "    Properties:",
        "      RedrivePolicy:",
        "        deadLetterTargetArn: !GetAtt Dlq.Arn",
        "        maxReceiveCount: '5'",
        "  NoTarget:",
        "    Type: AWS::SQS::Queue",
        "    Properties:",
        "      RedrivePolicy: {maxReceiveCount: 3}",
      ),
      { only: ["E3918"] },
    );
    expect(brief(findings)).toEqual(["E3918 7:7", "E3918 12:22", "E3918 22:7"]);
    expect(findings.map((f) => f.message)).toEqual([
      "The RedrivePolicy of queue 'NoCount' has no maxReceiveCount, which SQS requires; add maxReceiveCount: the " +
        "receives after which a message moves to the dead-letter queue (1 to 1,000)",
      "maxReceiveCount of queue 'TooMany' is 5000; SQS takes a whole number from 1 to 1,000",
      "The RedrivePolicy of queue 'NoTarget' has no deadLetterTargetArn, which SQS requires; add deadLetterTargetArn: " +
        "the ARN of the dead-letter queue (!GetAtt <Queue>.Arn)",
    ]);
  });
});

describe("E3924 DynamoDB key schemas and indexes", () => {
  it("reports a KeyType other than HASH or RANGE in a table's and its indexes' key schemas", () => {
    // cfn-lint 1.51 reports the table's ('HASH' was expected, E3002) and neither index's.
    const findings = lint(
      yaml(
        "Resources:",
        "  Table:",
        "    Type: AWS::DynamoDB::Table",
        "    Properties:",
        "      BillingMode: PAY_PER_REQUEST",
        "      AttributeDefinitions: [{AttributeName: a, AttributeType: S}, {AttributeName: b, AttributeType: S}]",
        "      KeySchema: [{AttributeName: a, KeyType: hash}, {AttributeName: b, KeyType: !Ref AWS::NoValue}]",
        "      GlobalSecondaryIndexes:",
        "        - IndexName: byB",
        "          KeySchema: [{AttributeName: b, KeyType: ''}]",
        "          Projection: {ProjectionType: ALL}",
        "      LocalSecondaryIndexes:",
        "        - IndexName: local",
        "          KeySchema: [{AttributeName: a, KeyType: HASH}, {AttributeName: b, KeyType: SORT}]",
        "          Projection: {ProjectionType: ALL}",
      ),
      { only: ["E3924"] },
    );
    expect(findings.map((f) => `${f.range.start.line}:${f.range.start.column} ${f.message}`)).toEqual([
      "7:47 KeyType 'hash' in the KeySchema of table Table must be HASH or RANGE (did you mean 'HASH'?), so " +
        "DynamoDB refuses it",
      "10:51 KeyType '' in the KeySchema of index byB must be HASH or RANGE, so DynamoDB refuses it",
      "14:86 KeyType 'SORT' in the KeySchema of index local must be HASH or RANGE, so DynamoDB refuses it",
    ]);
  });

  it("reports RANGE before HASH, a local index on a table without a RANGE key or with another HASH key, NonKeyAttributes outside INCLUDE, and INCLUDE without them", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Reversed:",
        "    Type: AWS::DynamoDB::Table",
        "    Properties:",
        "      BillingMode: PAY_PER_REQUEST",
        "      AttributeDefinitions: [{AttributeName: pk, AttributeType: S}, {AttributeName: sk, AttributeType: S}]",
        "      KeySchema:",
        "        - {AttributeName: sk, KeyType: RANGE}",
        "        - {AttributeName: pk, KeyType: HASH}",
        "  NoRange:",
        "    Type: AWS::DynamoDB::Table",
        "    Properties:",
        "      BillingMode: PAY_PER_REQUEST",
        "      AttributeDefinitions: [{AttributeName: pk, AttributeType: S}, {AttributeName: lsk, AttributeType: S}]",
        "      KeySchema: [{AttributeName: pk, KeyType: HASH}]",
        "      LocalSecondaryIndexes:",
        "        - IndexName: byLsk",
        "          KeySchema: [{AttributeName: pk, KeyType: HASH}, {AttributeName: lsk, KeyType: RANGE}]",
        "          Projection: {ProjectionType: KEYS_ONLY}",
        "  Composite:",
        "    Type: AWS::DynamoDB::Table",
        "    Properties:",
        "      BillingMode: PAY_PER_REQUEST",
        "      AttributeDefinitions:",
        "        - {AttributeName: pk, AttributeType: S}",
        "        - {AttributeName: sk, AttributeType: S}",
        "        - {AttributeName: other, AttributeType: S}",
        "      KeySchema: [{AttributeName: pk, KeyType: HASH}, {AttributeName: sk, KeyType: RANGE}]",
        "      LocalSecondaryIndexes:",
        "        - IndexName: byOther",
        "          KeySchema: [{AttributeName: other, KeyType: HASH}, {AttributeName: sk, KeyType: RANGE}]",
        "          Projection: {ProjectionType: KEYS_ONLY}",
        "        - IndexName: good",
        "          KeySchema: [{AttributeName: pk, KeyType: HASH}, {AttributeName: other, KeyType: RANGE}]",
        "          Projection: {ProjectionType: INCLUDE, NonKeyAttributes: [a]}",
        "      GlobalSecondaryIndexes:",
        "        - IndexName: byOtherGlobal",
        "          KeySchema: [{AttributeName: other, KeyType: HASH}]",
        "          Projection:",
        "            ProjectionType: ALL",
        "            NonKeyAttributes: [a]",
        "        - IndexName: included",
        "          KeySchema: [{AttributeName: other, KeyType: HASH}]",
        "          Projection: {ProjectionType: INCLUDE}",
      ),
      { only: ["E3924"] },
    );
    expect(brief(findings)).toEqual([
      "E3924 8:9",
      "E3924 18:11",
      "E3924 31:22",
      "E3924 41:13",
      "E3924 44:40",
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      "The KeySchema of table Reversed does not start with its HASH key, so DynamoDB refuses it; write HASH first",
      "Local secondary index byLsk needs table NoRange to have a RANGE key, and it has none, so DynamoDB refuses " +
        "the table; add a RANGE key to the table, or make the index global",
      "Local secondary index byOther has HASH key other, but a local index keeps the table's HASH key (pk), so " +
        "DynamoDB refuses it; use pk, or make the index global",
      "Index byOtherGlobal lists NonKeyAttributes with ProjectionType ALL, so DynamoDB refuses it; NonKeyAttributes " +
        "go with ProjectionType INCLUDE",
      "Index included has ProjectionType INCLUDE but no NonKeyAttributes, so DynamoDB refuses it; list the " +
        "attributes to project in NonKeyAttributes, or use KEYS_ONLY",
    ]);
  });

  it("takes a global index's keys of up to four attributes each, and no more", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Table:",
        "    Type: AWS::DynamoDB::Table",
        "    Properties:",
        "      BillingMode: PAY_PER_REQUEST",
        "      AttributeDefinitions:",
        "        - {AttributeName: pk, AttributeType: S}",
        "        - {AttributeName: sk, AttributeType: S}",
        "        - {AttributeName: a, AttributeType: S}",
        "        - {AttributeName: b, AttributeType: N}",
        "        - {AttributeName: c, AttributeType: S}",
        "        - {AttributeName: d, AttributeType: S}",
        "        - {AttributeName: e, AttributeType: S}",
        "      KeySchema: [{AttributeName: pk, KeyType: HASH}, {AttributeName: sk, KeyType: RANGE}]",
        "      GlobalSecondaryIndexes:",
        "        - IndexName: multi",
        "          KeySchema:",
        "            - {AttributeName: a, KeyType: HASH}",
        "            - {AttributeName: b, KeyType: HASH}",
        "            - {AttributeName: c, KeyType: RANGE}",
        "            - {AttributeName: d, KeyType: RANGE}",
        "          Projection: {ProjectionType: KEYS_ONLY}",
        "        - IndexName: fourAndOne",
        "          KeySchema:",
        "            - {AttributeName: a, KeyType: HASH}",
        "            - {AttributeName: b, KeyType: HASH}",
        "            - {AttributeName: c, KeyType: HASH}",
        "            - {AttributeName: d, KeyType: HASH}",
        "            - {AttributeName: e, KeyType: RANGE}",
        "          Projection: {ProjectionType: KEYS_ONLY}",
        "        - IndexName: fiveHashes",
        "          KeySchema:",
        "            - {AttributeName: a, KeyType: HASH}",
        "            - {AttributeName: b, KeyType: HASH}",
        "            - {AttributeName: c, KeyType: HASH}",
        "            - {AttributeName: d, KeyType: HASH}",
        "            - {AttributeName: e, KeyType: HASH}",
        "          Projection: {ProjectionType: KEYS_ONLY}",
        "        - IndexName: mixed",
        "          KeySchema:",
        "            - {AttributeName: a, KeyType: HASH}",
        "            - {AttributeName: c, KeyType: RANGE}",
        "            - {AttributeName: b, KeyType: HASH}",
        "          Projection: {ProjectionType: KEYS_ONLY}",
        "      LocalSecondaryIndexes:",
        "        - IndexName: local",
        "          KeySchema:",
        "            - {AttributeName: pk, KeyType: HASH}",
        "            - {AttributeName: a, KeyType: RANGE}",
        "            - {AttributeName: b, KeyType: RANGE}",
        "          Projection: {ProjectionType: KEYS_ONLY}",
      ),
      { only: ["E3924", "E3039"] },
    );
    expect(located(findings)).toEqual([
      "E3924 33 The KeySchema of index fiveHashes is not one to four HASH keys and at most four RANGE keys after them, so DynamoDB refuses it",
      "E3924 41 The KeySchema of index mixed is not one to four HASH keys and at most four RANGE keys after them, so DynamoDB refuses it",
      "E3924 48 The KeySchema of index local is not one HASH key and at most one RANGE key after it, so DynamoDB refuses it",
    ]);
  });

  it("leaves a table whose key types are not written out alone", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  SortType: {Type: String, Default: RANGE}",
        "Resources:",
        "  Table:",
        "    Type: AWS::DynamoDB::Table",
        "    Properties:",
        "      BillingMode: PAY_PER_REQUEST",
        "      AttributeDefinitions: [{AttributeName: pk, AttributeType: S}, {AttributeName: sk, AttributeType: S}]",
        "      KeySchema: [{AttributeName: pk, KeyType: HASH}, {AttributeName: sk, KeyType: !Ref SortType}]",
        "      LocalSecondaryIndexes:",
        "        - IndexName: bySk",
        "          KeySchema: [{AttributeName: pk, KeyType: HASH}, {AttributeName: sk, KeyType: RANGE}]",
        "          Projection: {ProjectionType: KEYS_ONLY}",
      ),
      { only: ["E3924"] },
    );
    expect(findings).toEqual([]);
  });

  it("refuses a table's HASH and RANGE keys of one name", () => {
    const findings = check(
      ["E3924"],
      ...TABLE_HEAD,
      "      BillingMode: PAY_PER_REQUEST",
      "      AttributeDefinitions: [{ AttributeName: pk, AttributeType: S }]",
      "      KeySchema: [{ AttributeName: pk, KeyType: HASH }, { AttributeName: pk, KeyType: RANGE }]",
      "  Other:",
      ...TABLE_HEAD.slice(2),
      "      BillingMode: PAY_PER_REQUEST",
      "      AttributeDefinitions: [{ AttributeName: pk, AttributeType: S }, { AttributeName: sk, AttributeType: S }]",
      "      KeySchema: [{ AttributeName: pk, KeyType: HASH }, { AttributeName: sk, KeyType: RANGE }]",
    );
    expect(located(findings)).toEqual([
      "E3924 7 The HASH and RANGE keys of table Table are both pk, and DynamoDB refuses a KeySchema whose keys have " +
        "the same name; sort on another attribute, or leave the RANGE key out",
    ]);
  });

  it("refuses two indexes of one name, global or local", () => {
    const findings = check(
      ["E3924"],
      ...TABLE_HEAD,
      "      BillingMode: PAY_PER_REQUEST",
      "      AttributeDefinitions:",
      "        - { AttributeName: pk, AttributeType: S }",
      "        - { AttributeName: sk, AttributeType: S }",
      "        - { AttributeName: g, AttributeType: S }",
      "      KeySchema: [{ AttributeName: pk, KeyType: HASH }, { AttributeName: sk, KeyType: RANGE }]",
      "      GlobalSecondaryIndexes:",
      "        - IndexName: byG",
      "          KeySchema: [{ AttributeName: g, KeyType: HASH }]",
      "          Projection: { ProjectionType: ALL }",
      "        - IndexName: bySk",
      "          KeySchema: [{ AttributeName: sk, KeyType: HASH }]",
      "          Projection: { ProjectionType: ALL }",
      "        - IndexName: byG",
      "          KeySchema: [{ AttributeName: g, KeyType: HASH }, { AttributeName: sk, KeyType: RANGE }]",
      "          Projection: { ProjectionType: KEYS_ONLY }",
      "      LocalSecondaryIndexes:",
      "        - IndexName: bySk",
      "          KeySchema: [{ AttributeName: pk, KeyType: HASH }, { AttributeName: g, KeyType: RANGE }]",
      "          Projection: { ProjectionType: ALL }",
      "        - IndexName: !Sub '${AWS::StackName}-byG'",
      "          KeySchema: [{ AttributeName: pk, KeyType: HASH }, { AttributeName: g, KeyType: RANGE }]",
      "          Projection: { ProjectionType: ALL }",
    );
    expect(located(findings)).toEqual([
      "E3924 18 Another index of table Table is named byG too, and DynamoDB refuses the table (Duplicate index name); " +
        "give each index its own IndexName",
      "E3924 22 Another index of table Table is named bySk too, and DynamoDB refuses the table (Duplicate index " +
        "name); give each index its own IndexName",
    ]);
  });
});

describe("E3926 SQS encryption kinds, E3927 state machine log destinations", () => {
  it("reports a queue with both SSE-SQS and SSE-KMS, and logging without exactly one destination", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        "  Both:",
        "    Type: AWS::SQS::Queue",
        "    Properties:",
        "      KmsMasterKeyId: alias/aws/sqs",
        "      SqsManagedSseEnabled: true",
        "  Kms:",
        "    Type: AWS::SQS::Queue",
        "    Properties:",
        "      KmsMasterKeyId: alias/aws/sqs",
        "      SqsManagedSseEnabled: false",
        "  Machine:",
        "    Type: AWS::StepFunctions::StateMachine",
        "    Properties:",
        "      RoleArn: arn:aws:iam::123456789012:role/states",
        '      DefinitionString: \'{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}\'',
        "      LoggingConfiguration:",
        "        Level: ALL",
        "        IncludeExecutionData: true",
        "  Quiet:",
        "    Type: AWS::StepFunctions::StateMachine",
        "    Properties:",
        "      RoleArn: arn:aws:iam::123456789012:role/states",
        '      DefinitionString: \'{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}\'',
        "      LoggingConfiguration: {Level: 'OFF'}",
        "  Sam:",
        "    Type: AWS::Serverless::StateMachine",
        "    Properties:",
        "      Definition: {StartAt: A, States: {A: {Type: Pass, End: true}}}",
        "      Logging:",
        "        Level: ERROR",
        "        Destinations:",
        "          - CloudWatchLogsLogGroup: {LogGroupArn: arn:aws:logs:us-east-1:123456789012:log-group:a:*}",
        "          - CloudWatchLogsLogGroup: {LogGroupArn: arn:aws:logs:us-east-1:123456789012:log-group:b:*}",
      ),
      { only: ["E3926", "E3927"] },
    );
    expect(brief(findings)).toEqual(["E3926 7:7", "E3927 19:16", "E3927 32:16"]);
    expect(findings.map((f) => f.message)).toEqual([
      "Queue 'Both' asks for SSE-SQS (SqsManagedSseEnabled) and SSE-KMS (KmsMasterKeyId) at once, and SQS takes one " +
        "kind of server-side encryption; remove SqsManagedSseEnabled to encrypt with the key, or the key",
      "State machine 'Machine' logs at Level ALL to no destination, and Step Functions takes exactly one; give " +
        "Destinations one CloudWatchLogsLogGroup with the log group's ARN",
      expect.stringContaining("State machine 'Sam' logs at Level ERROR to 2 destinations"),
    ]);
  });
});

describe("E3930 Lambda environment variable names, E3931 SNS topic names", () => {
  it("reports variable names Lambda refuses, in functions and Globals, and topic names that do not fit the kind", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Globals:",
        "  Function:",
        "    Environment:",
        "      Variables:",
        "        LOG-LEVEL: debug",
        "Resources:",
        "  Fn:",
        "    Type: AWS::Lambda::Function",
        "    Properties:",
        "      Runtime: python3.13",
        "      Handler: index.handler",
        "      Role: arn:aws:iam::123456789012:role/fn",
        "      Code: {ZipFile: x}",
        "      Environment:",
        "        Variables:",
        "          TABLE_NAME: orders",
        "          1ST_RUN: 'true'",
        "  Fifo:",
        "    Type: AWS::SNS::Topic",
        "    Properties:",
        "      TopicName: orders",
        "      FifoTopic: true",
        "  Standard:",
        "    Type: AWS::SNS::Topic",
        "    Properties:",
        "      TopicName: orders.fifo",
        "  Good:",
        "    Type: AWS::SNS::Topic",
        "    Properties:",
        "      TopicName: jobs.fifo",
        "      FifoTopic: 'true'",
      ),
      { only: ["E3930", "E3931"] },
    );
    expect(brief(findings)).toEqual(["E3930 6:9", "E3930 18:11", "E3931 22:18", "E3931 27:18"]);
    expect(findings.map((f) => f.message)).toEqual([
      "Environment variable name 'LOG-LEVEL' is not a letter followed by letters, digits and underscores, so Lambda " +
        "refuses the function; rename it, such as 'LOG_LEVEL'",
      expect.stringContaining("'1ST_RUN' is not a letter followed by"),
      "TopicName 'orders' of FIFO topic 'Fifo' does not end in '.fifo', and SNS refuses it; write 'orders.fifo', or " +
        "leave TopicName out",
      "TopicName 'orders.fifo' ends in '.fifo' but FifoTopic is not true, and a standard topic name takes no dot; set " +
        "FifoTopic: true, or drop the suffix",
    ]);
  });

  it("refuses a standard topic the settings of FIFO topics", () => {
    const findings = check(
      ["E3931"],
      "Resources:",
      "  Events:",
      "    Type: AWS::SNS::Topic",
      "    Properties:",
      "      ContentBasedDeduplication: true",
      "      FifoThroughputScope: MessageGroup",
      "      ArchivePolicy: { MessageRetentionPeriod: 30 }",
      "  Quiet:",
      "    Type: AWS::SNS::Topic",
      "    Properties:",
      "      FifoTopic: false",
      "      ContentBasedDeduplication: false",
      "  Orders:",
      "    Type: AWS::SNS::Topic",
      "    Properties:",
      "      FifoTopic: true",
      "      ContentBasedDeduplication: true",
      "      FifoThroughputScope: MessageGroup",
      "      ArchivePolicy: { MessageRetentionPeriod: 30 }",
    );
    expect(brief(findings)).toEqual(["E3931 5:7", "E3931 6:7", "E3931 7:7"]);
    expect(findings[0].message).toBe(
      "ContentBasedDeduplication belongs to FIFO topics, and SNS refuses it on standard topic 'Events'; set " +
        "FifoTopic: true (the topic is then replaced), or remove ContentBasedDeduplication",
    );
    expect(findings[2].message).toContain("ArchivePolicy belongs to FIFO topics");
  });
});
