/** What the SAM transform rejects (E0001) or silently ignores (W0001), and API event routes that lead nowhere (W3914), found without running it. */
import { describe, expect, it } from "vitest";
import type { Finding } from "../../../../src/template/model";
import { brief, lambdaFunction, lint, samApi, samFunction, samGlobals, yaml } from "../lint";

const SAM = "Transform: AWS::Serverless-2016-10-31";

/** A SAM function whose Events are the given lines (indented under `Events:`). */
function functionWithEvents(...events: string[]): string {
  return yaml(
    SAM,
    "Resources:",
    "  Fn:",
    "    Type: AWS::Serverless::Function",
    "    Properties:",
    "      Runtime: python3.13",
    "      Handler: app.handler",
    "      InlineCode: x",
    "      Events:",
    ...events.map((line) => `        ${line}`),
  );
}

/** A SAM GraphQL API named Graph with a schema and these properties (indented under `Properties:`). */
function graphQLApi(...properties: string[]): string[] {
  return [
    "  Graph:",
    "    Type: AWS::Serverless::GraphQLApi",
    "    Properties:",
    "      SchemaInline: 'type Query { a: String }'",
    ...properties.map((line) => `      ${line}`),
  ];
}

function messages(findings: Finding[]): string[] {
  return findings.map((f) => `${f.ruleId} ${f.range.start.line}:${f.range.start.column} ${f.message}`);
}

/** The E0001 findings of a SAM function with these events. */
function eventErrors(...events: string[]): string[] {
  return messages(lint(functionWithEvents(...events), { only: ["E0001"] }));
}

describe("E0001 SAM event types", () => {
  it("flags an unknown Type with the closest known one, a missing Type, a Type written as a function and an event that is no mapping", () => {
    expect(
      eventErrors(
        "Queue:",
        "  Type: Sqs",
        "  Properties:",
        "    Queue: arn:aws:sqs:us-east-1:123456789012:q",
        "Nothing:",
        "  Properties:",
        "    Queue: arn:aws:sqs:us-east-1:123456789012:q",
        "Computed:",
        "  Type: !Ref EventType",
        "Plain: SQS",
      ),
    ).toEqual([
      "E0001 11:17 Event Queue of Fn: 'Sqs' is not an event source type of AWS::Serverless::Function (did you mean 'SQS'?)",
      "E0001 14:9 Event Nothing of Fn has no Type; SAM needs one of AlexaSkill, Api, CloudWatchEvent, CloudWatchLogs, Cognito, DocumentDB, DynamoDB, EventBridgeRule, HttpApi, IoTRule, Kinesis, MQ, MSK, S3, SNS, SQS, Schedule, ScheduleV2, SelfManagedKafka",
      "E0001 18:17 Event Computed of Fn: Type must be written as a string; SAM does not resolve functions there",
      "E0001 19:16 Event Plain of Fn must be a mapping of Type and Properties, not a string",
    ]);
  });

  it("knows the narrower list of state machine event sources", () => {
    const findings = lint(
      yaml(
        SAM,
        "Resources:",
        "  Machine:",
        "    Type: AWS::Serverless::StateMachine",
        "    Properties:",
        "      DefinitionUri: statemachine.asl.json",
        "      Events:",
        "        Nightly:",
        "          Type: Schedule",
        "          Properties:",
        "            Schedule: rate(1 day)",
        "        FromQueue:",
        "          Type: SQS",
        "          Properties:",
        "            Queue: arn:aws:sqs:us-east-1:123456789012:q",
      ),
      { only: ["E0001"] },
    );
    expect(messages(findings)).toEqual([
      "E0001 13:17 Event FromQueue of Machine: 'SQS' is not an event source type of AWS::Serverless::StateMachine; use one of Api, CloudWatchEvent, EventBridgeRule, Schedule, ScheduleV2",
    ]);
  });

  it("leaves templates without the SAM transform to the resource type rule", () => {
    const source = functionWithEvents("Queue:", "  Type: Sqs").replace(`${SAM}\n`, "");
    expect(brief(lint(source, { only: ["E0001", "W0001"] }))).toEqual([]);
  });
});

describe("E0001 SAM event names", () => {
  it("flags an event name the transform cannot put in a logical id, as it names the event's resources", () => {
    expect(
      eventErrors(
        "ANY_ROOT:",
        "  Type: Schedule",
        "  Properties:",
        "    Schedule: rate(1 day)",
        "Nightly2:",
        "  Type: Schedule",
        "  Properties:",
        "    Schedule: rate(1 day)",
      ),
    ).toEqual([
      'E0001 10:9 Event name of Fn "ANY_ROOT" must contain only letters and digits (A-Z, a-z, 0-9): the SAM ' +
        "transform names the resources it makes for the event FnANY_ROOT, and a logical id takes no other characters",
    ]);
  });

  it("judges the text around a loop's placeholders the deploy fills, and a state machine's events", () => {
    const findings = lint(
      yaml(
        "Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]",
        "Parameters:",
        "  Names: { Type: CommaDelimitedList }",
        "Resources:",
        "  Fn::ForEach::Jobs:",
        "    - Name",
        "    - !Ref Names",
        "    - Job${Name}:",
        "        Type: AWS::Serverless::StateMachine",
        "        Properties:",
        "          DefinitionUri: machine.asl.json",
        "          Events:",
        "            Every${Name}:",
        "              Type: Schedule",
        "              Properties: { Schedule: rate(1 day) }",
        "            Every-${Name}:",
        "              Type: Schedule",
        "              Properties: { Schedule: rate(1 day) }",
      ),
      { only: ["E0001"] },
    );
    expect(brief(findings)).toEqual(["E0001 16:13"]);
  });
});

describe("E0001 SAM event properties", () => {
  it("flags unknown properties and missing required ones per event source type", () => {
    expect(
      eventErrors(
        "Queue:",
        "  Type: SQS",
        "  Properties:",
        "    BatchSize: 10",
        "    BatchSise: 10",
        "Upload:",
        "  Type: S3",
        "Stream:",
        "  Type: Kinesis",
        "  Properties:",
        "    Stream: arn:aws:kinesis:us-east-1:123456789012:stream/s",
        "Get:",
        "  Type: Api",
        "  Properties:",
        "    Path: /items",
      ),
    ).toEqual([
      "E0001 12:11 Missing required property 'Queue' in event Queue of Fn (SQS)",
      "E0001 14:13 Unknown property 'BatchSise' in event Queue of Fn (SQS) (did you mean 'BatchSize'?)",
      "E0001 15:9 Missing required properties 'Bucket' and 'Events' in event Upload of Fn (S3)",
      "E0001 19:11 Missing required property 'StartingPosition' in event Stream of Fn (Kinesis)",
      "E0001 23:11 Missing required property 'Method' in event Get of Fn (Api)",
    ]);
  });

  it("flags Properties that are not a mapping, or a Fn::If SAM would read as a property name", () => {
    const findings = lint(
      functionWithEvents(
        "Queue:",
        "  Type: SQS",
        "  Properties: [arn:aws:sqs:us-east-1:123456789012:q]",
        "Choice:",
        "  Type: SQS",
        "  Properties: !If [Always, {Queue: a}, {Queue: b}]",
      ).replace("Resources:", "Conditions:\n  Always: !Equals [a, a]\nResources:"),
      { only: ["E0001"] },
    );
    expect(messages(findings)).toEqual([
      "E0001 14:23 The Properties of event Queue of Fn (SQS) must be a mapping, not a list",
      "E0001 17:23 SAM does not resolve Fn::If as the Properties of event Choice of Fn (SQS); write the mapping out",
    ]);
  });

  it("accepts every event source type with its properties, the implicit API and intrinsic values", () => {
    // The SAM transform (through cfn-lint 1.51) translates this template without an error.
    const findings = lint(
      yaml(
        SAM,
        "Resources:",
        "  Q:",
        "    Type: AWS::SQS::Queue",
        "  B:",
        "    Type: AWS::S3::Bucket",
        "  T:",
        "    Type: AWS::SNS::Topic",
        "  P:",
        "    Type: AWS::Cognito::UserPool",
        "  Fn:",
        "    Type: AWS::Serverless::Function",
        "    Properties:",
        "      Runtime: python3.13",
        "      Handler: app.handler",
        "      InlineCode: x",
        "      Events:",
        "        Get:",
        "          Type: Api",
        "          Properties: {Path: /items, Method: get}",
        "        Default:",
        "          Type: HttpApi",
        "          Properties: {PayloadFormatVersion: '1.0', TimeoutInMillis: 5000}",
        "        Queue:",
        "          Type: SQS",
        "          Properties: {Queue: !GetAtt Q.Arn, BatchSize: 10, FunctionResponseTypes: [ReportBatchItemFailures]}",
        "        Table:",
        "          Type: DynamoDB",
        "          Properties: {Stream: !GetAtt Q.Arn, StartingPosition: LATEST, FilterCriteria: {Filters: []}}",
        "        Upload:",
        "          Type: S3",
        "          Properties: {Bucket: !Ref B, Events: s3:ObjectCreated:*}",
        "        Topic:",
        "          Type: SNS",
        "          Properties: {Topic: !Ref T, SqsSubscription: true}",
        "        Nightly:",
        "          Type: Schedule",
        "          Properties: {Schedule: rate(1 day), Enabled: false}",
        "        Later:",
        "          Type: ScheduleV2",
        "          Properties: {ScheduleExpression: rate(1 day), ScheduleExpressionTimezone: UTC}",
        "        Rule:",
        "          Type: EventBridgeRule",
        "          Properties: {Pattern: {source: [aws.ec2]}}",
        "        Logs:",
        "          Type: CloudWatchLogs",
        "          Properties: {LogGroupName: g, FilterPattern: ERROR}",
        "        Iot:",
        "          Type: IoTRule",
        "          Properties: {Sql: SELECT * FROM 't'}",
        "        Alexa:",
        "          Type: AlexaSkill",
        "        Pool:",
        "          Type: Cognito",
        "          Properties: {UserPool: !Ref P, Trigger: PreSignUp}",
        "        Kafka:",
        "          Type: MSK",
        "          Properties: {Stream: arn:aws:kafka:us-east-1:123456789012:cluster/a/b, StartingPosition: TRIM_HORIZON, Topics: [t]}",
        "        Broker:",
        "          Type: MQ",
        "          Properties: {Broker: arn:aws:mq:us-east-1:123456789012:broker:b:1, Queues: [q], SourceAccessConfigurations: [{Type: BASIC_AUTH, URI: arn:aws:secretsmanager:us-east-1:123456789012:secret:x}]}",
        "        SelfKafka:",
        "          Type: SelfManagedKafka",
        "          Properties: {KafkaBootstrapServers: [h], Topics: [t], SourceAccessConfigurations: [{Type: BASIC_AUTH, URI: arn:aws:secretsmanager:us-east-1:123456789012:secret:x}]}",
        "        Docs:",
        "          Type: DocumentDB",
        "          Properties: {Cluster: arn:aws:rds:us-east-1:123456789012:cluster:c, DatabaseName: d, CollectionName: e, SourceAccessConfigurations: [{Type: BASIC_AUTH, URI: arn:aws:secretsmanager:us-east-1:123456789012:secret:x}]}",
      ),
      { only: ["E0001", "W0001"] },
    );
    expect(brief(findings)).toEqual([]);
  });
});

describe("W0001 values SAM ignores", () => {
  it("warns about a REST API's Cors AllowCredentials that is not a boolean, in Globals and on the API, not E3012", () => {
    const findings = lint(
      yaml(
        ...samGlobals(
          "Api",
          "Cors:",
          "  AllowOrigin: \"'https://example.com'\"",
          "  AllowCredentials: \"'*'\"",
        ),
        "Resources:",
        ...samApi(
          "Quoted",
          "Cors:",
          "  AllowOrigin: \"'https://example.com'\"",
          "  AllowCredentials: 'true'",
        ),
        ...samApi("Plain", "Cors:", "  AllowOrigin: \"'https://example.com'\"", "  AllowCredentials: true"),
        ...samApi("Unquoted", "Cors:", "  AllowOrigin: \"'https://example.com'\"", "  AllowCredentials: Yes"),
        "  Http:",
        "    Type: AWS::Serverless::HttpApi",
        "    Properties:",
        "      CorsConfiguration:",
        "        AllowCredentials: 'yes'",
      ),
      { only: ["E3012", "W0001"] },
    );
    expect(brief(findings)).toEqual(["W0001 6:25", "W0001 14:27", "E3012 33:27"]);
    expect(findings[0].message).toBe(
      "Cors AllowCredentials in Globals.Api is \"'*'\": SAM adds the Access-Control-Allow-Credentials header " +
        "only for the boolean true and ignores any other value, so no credentials header is sent. Write " +
        "AllowCredentials: true (or false), without quotes",
    );
    expect(findings[1].message).toMatch(/^Cors AllowCredentials of Quoted is "true": /);
    expect(findings[0].severity).toBe("warning");
  });
});

describe("W0001 keys SAM ignores", () => {
  it("warns about a key beside Type and Properties of a SAM resource, which E3001 leaves to it, and not of others", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        ...samFunction("Fn"),
        "    Description: stores the weather",
        "    Propertes: {}",
        "    Metadata: {BuildMethod: makefile}",
        "    IgnoreGlobals: '*'",
        ...lambdaFunction("Plain"),
        // A plain resource's Description CloudFormation takes and ignores (E3001's test).
        "    Notes: not an attribute",
      ),
      { only: ["E3001", "W0001"] },
    );
    expect(brief(findings)).toEqual(["W0001 9:5", "W0001 10:5", "E3001 20:5"]);
    expect(findings.map((f) => f.message)).toEqual([
      "SAM ignores 'Description' of Fn, which is not a resource attribute, so it has no effect; it belongs under Properties",
      "SAM ignores 'Propertes' of Fn, which is not a resource attribute, so it has no effect (did you mean 'Properties'?)",
      "Unknown attribute 'Notes' in resource 'Plain'",
    ]);
  });

  it("warns about an unknown property of a GraphQL API, which the transform passes over, where E3002 stays quiet", () => {
    const findings = lint(
      yaml(
        SAM,
        "Resources:",
        ...graphQLApi("Auth: {Type: AWS_IAM}", "ApiKey: {Key: {Description: never made}}"),
        ...samFunction("Fn", "Tracing: Active", "Tracng: Active"),
      ),
      { only: ["E3002", "W0001"] },
    );
    expect(brief(findings)).toEqual(["W0001 8:7", "E3002 16:7"]);
    expect(findings[0].message).toBe(
      "SAM ignores property 'ApiKey' of Graph: the transform passes over properties AWS::Serverless::GraphQLApi " +
        "does not have, so it has no effect (did you mean 'ApiKeys'?)",
    );
  });

  it("checks a GraphQL API's nested settings as the transform does: unknown keys and missing required ones", () => {
    const graph = (...properties: string[]) => yaml(SAM, "Resources:", ...graphQLApi(...properties));
    const rules = { only: ["E3002", "E3003", "E3012", "W0001"] };
    // Every setting SAM documents, at every depth: nothing to say.
    const full = graph(
      "Auth:",
      "  Type: AMAZON_COGNITO_USER_POOLS",
      "  UserPool: {UserPoolId: pool, AwsRegion: us-east-1, DefaultAction: ALLOW}",
      "  Additional:",
      "    - Type: AWS_LAMBDA",
      "      LambdaAuthorizer: {AuthorizerUri: arn, AuthorizerResultTtlInSeconds: 60}",
      "    - Type: OPENID_CONNECT",
      "      OpenIDConnect: {Issuer: https://example.com, ClientId: c, AuthTTL: 60, IatTTL: 60}",
      "ApiKeys: {Key: {Description: d, ExpiresOn: 1767225600}}",
      "Logging: {FieldLogLevel: ALL, ExcludeVerboseContent: true}",
      "Cache: {ApiCachingBehavior: FULL_REQUEST_CACHING, Ttl: 60, Type: SMALL}",
      "DomainName: {CertificateArn: arn, DomainName: api.example.com}",
      "DataSources:",
      "  DynamoDb:",
      "    Posts:",
      "      TableName: posts",
      "      Permissions: [Read, Write]",
      "      DeltaSync: {BaseTableTTL: '60', DeltaSyncTableName: sync, DeltaSyncTableTTL: '60'}",
      "  Lambda:",
      "    Source: {FunctionArn: !Sub 'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:f'}",
      "Functions:",
      "  getPost:",
      "    Runtime: {Name: APPSYNC_JS, Version: 1.0.0}",
      "    DataSource: Posts",
      "    InlineCode: 'export function request() {}'",
      "    Sync: {ConflictDetection: VERSION, ConflictHandler: LAMBDA, LambdaConflictHandlerConfig: {LambdaConflictHandlerArn: arn}}",
      "Resolvers:",
      "  Query:",
      "    a:",
      "      Pipeline: [getPost]",
      "      Runtime: {Name: APPSYNC_JS, Version: 1.0.0}",
      "      Caching: {Ttl: 60, CachingKeys: [$context.arguments.id]}",
    );
    expect(brief(lint(full, rules))).toEqual([]);
    expect(brief(lint(graph("Auth: {Type: AWS_IAM}", "Logging: true"), rules))).toEqual([]);

    // The transform refuses each of these: "Property 'DataSources.DynamoDb.Posts.Permisions' is invalid".
    const wrong = lint(
      graph(
        "Auth: {Type: AWS_IAM, Additional: [{Type: API_KEY, Foo: 1}]}",
        "DataSources:",
        "  DynamoDb:",
        "    Posts: {TableName: posts, Permisions: [Read]}",
        "  Http: {}",
        "Functions:",
        "  getPost: {Runtime: {Name: APPSYNC_JS}, DataSource: Posts, InlineCode: x}",
        "Resolvers:",
        "  Query:",
        "    a: {Pipline: [getPost]}",
        "Cache: {Ttl: 60, Type: SMALL}",
      ),
      rules,
    );
    // A missing property is reported at the key of the setting that lacks it, as elsewhere.
    expect(messages(wrong)).toEqual([
      "E3002 7:58 Unknown property 'Foo' in Auth.Additional[0] (AWS::Serverless::GraphQLApi.Authorizer)",
      "E3002 10:37 Unknown property 'Permisions' in DataSources.DynamoDb.Posts (AWS::Serverless::GraphQLApi.DynamoDBDataSource) (did you mean 'Permissions'?)",
      "E3002 11:9 Unknown property 'Http' in DataSources (AWS::Serverless::GraphQLApi.DataSources)",
      "E3003 13:19 Missing required property 'Version' in Functions.getPost.Runtime (AWS::Serverless::GraphQLApi.Runtime)",
      "E3002 16:15 Unknown property 'Pipline' in Resolvers.Query.a (AWS::Serverless::GraphQLApi.Resolver) (did you mean 'Pipeline'?)",
      "E3003 17:7 Missing required property 'ApiCachingBehavior' in Cache (AWS::Serverless::GraphQLApi.Cache)",
    ]);
  });

  it("refuses GraphQL functions and resolvers without code, runtime or pipeline, as the transform does", () => {
    const runtime = "Runtime: {Name: APPSYNC_JS, Version: 1.0.0}";
    const findings = lint(
      yaml(
        SAM,
        "Resources:",
        ...graphQLApi(
          "Auth: {Type: AWS_IAM}",
          "Functions:",
          `  ok: {InlineCode: x, ${runtime}}`,
          "  existing: {Id: abc123}",
          "  idAndMore: {Id: abc123, InlineCode: x}",
          `  both: {InlineCode: x, CodeUri: f.js, ${runtime}}`,
          `  none: {${runtime}}`,
          "  noRuntime: {InlineCode: x}",
          "Resolvers:",
          "  Query:",
          `    ok: {Pipeline: [ok], InlineCode: x, ${runtime}}`,
          "    defaultCode: {Pipeline: [ok]}",
          "    codeNoRuntime: {Pipeline: [ok], CodeUri: r.js}",
          `    unit: {InlineCode: x, ${runtime}}`,
          "  Mutation: !If [Never, {}, {}]",
        ),
      ),
      { only: ["E0001"] },
    );
    expect(messages(findings)).toEqual([
      "E0001 11:9 Function idAndMore of GraphQL API Graph has Id and other keys, which the SAM transform refuses: Id names an existing function and stands alone",
      "E0001 12:9 Function both of GraphQL API Graph has both InlineCode and CodeUri, which the SAM transform refuses: keep one",
      "E0001 13:9 Function none of GraphQL API Graph has neither InlineCode nor CodeUri, which the SAM transform refuses: give it its code",
      "E0001 14:9 Function noRuntime of GraphQL API Graph has no Runtime, which the SAM transform refuses: add Runtime: {Name: APPSYNC_JS, Version: 1.0.0}",
      "E0001 19:11 Resolver Query.codeNoRuntime of GraphQL API Graph has code but no Runtime, which the SAM transform refuses: add Runtime: {Name: APPSYNC_JS, Version: 1.0.0}",
      "E0001 20:11 Resolver Query.unit of GraphQL API Graph has no Pipeline, which the SAM transform refuses: SAM makes only pipeline resolvers; for a unit resolver, use AWS::AppSync::Resolver",
    ]);
  });

  it("warns about an event property written beside Type, and other keys beside Type and Properties", () => {
    const findings = lint(
      functionWithEvents(
        "Route:",
        "  Type: HttpApi",
        "  PayloadFormatVersion: '1.0'",
        "  Properties:",
        "    Path: /items",
        "    Method: get",
        "Queue:",
        "  Type: SQS",
        "  Condition: Always",
        "  Note: consumes orders",
        "  Properties:",
        "    Queue: q",
      ),
      { only: ["E0001", "W0001"] },
    );
    expect(messages(findings)).toEqual([
      "W0001 12:11 SAM ignores 'PayloadFormatVersion' in event Route of Fn: an event holds Type and Properties; it belongs under Properties",
      "W0001 19:11 SAM ignores 'Note' in event Queue of Fn: an event holds Type and Properties",
    ]);
    expect(findings.every((f) => f.severity === "warning")).toBe(true);
  });
});

describe("E0001 SAM application locations", () => {
  it("needs ApplicationId and SemanticVersion in the object form, and warns about other keys", () => {
    const findings = lint(
      yaml(
        SAM,
        "Resources:",
        "  Partial:",
        "    Type: AWS::Serverless::Application",
        "    Properties:",
        "      Location:",
        "        ApplicationId: arn:aws:serverlessrepo:us-east-1:123456789012:applications/app",
        "  Bucketed:",
        "    Type: AWS::Serverless::Application",
        "    Properties:",
        "      Location:",
        "        Bucket: templates",
        "  Complete:",
        "    Type: AWS::Serverless::Application",
        "    Properties:",
        "      Location:",
        "        ApplicationId: !FindInMap [Apps, Logger, Id]",
        "        SemanticVersion: 1.2.0",
        "  ByUrl:",
        "    Type: AWS::Serverless::Application",
        "    Properties:",
        "      Location: https://s3.amazonaws.com/bucket/template.yaml",
      ).replace("Resources:", "Mappings:\n  Apps:\n    Logger:\n      Id: x\nResources:"),
      { only: ["E0001", "W0001", "E3002", "E3003"] },
    );
    expect(messages(findings)).toEqual([
      "E0001 10:7 The Location of Partial needs SemanticVersion (or a template URL instead of a mapping)",
      "E0001 15:7 The Location of Bucketed needs ApplicationId and SemanticVersion (or a template URL instead of a mapping)",
      "W0001 16:9 SAM ignores 'Bucket' in the Location of Bucketed: it reads ApplicationId and SemanticVersion",
    ]);
  });
});

describe("E0001 SAM Globals", () => {
  it("flags unknown sections, properties that cannot be global, and sections that are not mappings", () => {
    const findings = lint(
      yaml(
        SAM,
        "Globals:",
        "  Functions:",
        "    Timeout: 10",
        "  Function:",
        "    Timeout: 10",
        "    Role: arn:aws:iam::123456789012:role/shared",
        "    Timout: 10",
        "  LayerVersion:",
        "    PublishLambdaVersion: true",
        "    Description: shared",
        "  WebSocketApi:",
        "    RouteSelectionExpression: $request.body.action",
        "  Api: []",
        "Resources:",
        "  Topic:",
        "    Type: AWS::SNS::Topic",
      ),
      { only: ["E0001", "E3002"] },
    );
    expect(messages(findings)).toEqual([
      "E0001 3:3 Globals has no section 'Functions' (did you mean 'Function'?)",
      "E0001 7:5 'Role' in Globals.Function cannot be global; set it on each AWS::Serverless::Function instead",
      // A property the type lacks altogether is E3002's, once.
      "E3002 8:5 Unknown property 'Timout' in Globals.Function (AWS::Serverless::Function) (did you mean 'Timeout'?)",
      "E0001 11:5 'Description' in Globals.LayerVersion cannot be global; set it on each AWS::Serverless::LayerVersion instead",
      "E0001 14:8 Globals.Api must be a mapping of properties, not a list",
    ]);
  });

  it("accepts every section SAM supports with its global properties", () => {
    const findings = lint(
      yaml(
        SAM,
        "Globals:",
        "  Function: {Runtime: python3.13, Timeout: 10, SourceKMSKeyArn: k, VersionDeletionPolicy: Retain, Layers: [l]}",
        "  Api: {Cors: '*', OpenApiVersion: 3.0.1}",
        "  HttpApi: {CorsConfiguration: true}",
        "  SimpleTable: {SSESpecification: {SSEEnabled: true}}",
        "  StateMachine: {PropagateTags: true}",
        "  LayerVersion: {PublishLambdaVersion: true}",
        "  CapacityProvider: {KmsKeyArn: k}",
        "  WebSocketApi: {RouteSelectionExpression: $request.body.action}",
        "Resources:",
        "  Topic:",
        "    Type: AWS::SNS::Topic",
      ),
      { only: ["E0001", "E3002", "E3012"] },
    );
    expect(brief(findings)).toEqual([]);
  });
});

describe("E0001 SAM Policies", () => {
  it("finds unknown templates, templates without their parameters or a mapping, and accepts the other forms", () => {
    const findings = lint(
      yaml(
        SAM,
        "Conditions:",
        "  Prod: !Equals [!Ref AWS::StackName, prod]",
        "Resources:",
        "  Table:",
        "    Type: AWS::Serverless::SimpleTable",
        ...samFunction(
          "Fn",
          "Policies:",
          "  - AWSLambdaBasicExecutionRole",
          "  - arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
          "  - !Sub arn:${AWS::Partition}:iam::aws:policy/AWSXrayWriteOnlyAccess",
          "  - Statement: [{ Effect: Allow, Action: sqs:SendMessage, Resource: '*' }]",
          "  - DynamoDBCrudPolicy: { TableName: !Ref Table }",
          "  - AMIDescribePolicy: {}",
          "  - DynamoDBCrudPolice: { TableName: !Ref Table }",
          "  - DynamoDBReadPolicy: { TableNam: !Ref Table }",
          "  - SQSPollerPolicy:",
          "  - S3ReadPolicy: my-bucket",
          "  - !If [Prod, { SQSSendMessagePolicy: { QueueName: q } }, !Ref AWS::NoValue]",
          "  - !If [Prod, { SNSPublishMessagePolicy: {} }, !Ref AWS::NoValue]",
          "  - { Version: '2012-10-17', Effect: Allow }",
        ),
        "  Machine:",
        "    Type: AWS::Serverless::StateMachine",
        "    Properties:",
        "      Definition: { StartAt: A, States: { A: { Type: Pass, End: true } } }",
        "      Policies: { LambdaInvokePolicy: { FunctionName: !Ref Fn } }",
        "  Single:",
        "    Type: AWS::Serverless::StateMachine",
        "    Properties:",
        "      Definition: { StartAt: A, States: { A: { Type: Pass, End: true } } }",
        "      Policies: { StepFunctionsExecutionPolicy: {} }",
      ),
      { only: ["E0001"] },
    );
    expect(messages(findings)).toEqual([
      "E0001 20:11 Policies item 7 is not a policy template SAM knows (did you mean 'DynamoDBCrudPolicy'?), nor a " +
        "policy document (it has no Statement), so the SAM transform refuses the resource; name a SAM policy " +
        "template, or write a document with Statement",
      "E0001 21:11 Policy template DynamoDBReadPolicy needs TableName, which is not given (is 'TableNam' meant to be " +
        "TableName?), so the SAM transform refuses the resource",
      "E0001 22:11 Policy template SQSPollerPolicy takes a mapping of its parameters (QueueName), and the SAM " +
        "transform refuses anything else",
      "E0001 23:25 Policy template S3ReadPolicy takes a mapping of its parameters (BucketName), and the SAM " +
        "transform refuses anything else",
      "E0001 25:24 Policy template SNSPublishMessagePolicy needs TopicName, which is not given, so the SAM " +
        "transform refuses the resource",
      "E0001 26:11 Policies item 13 is not a policy template SAM knows, nor a policy document (it has no " +
        "Statement), so the SAM transform refuses the resource; name a SAM policy template, or write a document " +
        "with Statement",
      "E0001 36:19 Policy template StepFunctionsExecutionPolicy needs StateMachineName, which is not given, so the " +
        "SAM transform refuses the resource",
    ]);
  });
});

/** An AWS::Serverless::Api `Rest` (stage prod) and an AWS::Serverless::HttpApi `Http`: five lines. */
const REST_AND_HTTP_APIS = [
  "  Rest:",
  "    Type: AWS::Serverless::Api",
  "    Properties: { StageName: prod }",
  "  Http:",
  "    Type: AWS::Serverless::HttpApi",
];

describe("E0001 SAM API events attach to an API of the template", () => {
  it("refuses ids that are not a Ref to an API here, and an Api event on an HttpApi", () => {
    const findings = lint(
      yaml(
        SAM,
        "Parameters:",
        "  SharedApiId: { Type: String }",
        "Resources:",
        ...REST_AND_HTTP_APIS,
        ...samFunction(
          "Fn",
          "Events:",
          "  Good: { Type: Api, Properties: { RestApiId: !Ref Rest, Path: /a, Method: get } }",
          "  Implicit: { Type: Api, Properties: { RestApiId: !Ref ServerlessRestApi, Path: /b, Method: get } }",
          "  OnHttp: { Type: Api, Properties: { RestApiId: !Ref Http, Path: /c, Method: get } }",
          "  Imported: { Type: Api, Properties: { RestApiId: !ImportValue shared-api, Path: /d, Method: get } }",
          "  ById: { Type: Api, Properties: { RestApiId: a1b2c3, Path: /e, Method: get } }",
          "  FromParameter: { Type: Api, Properties: { RestApiId: !Ref SharedApiId, Path: /f, Method: get } }",
          "  HttpGood: { Type: HttpApi, Properties: { ApiId: !Ref Http, Path: /g, Method: get } }",
          "  HttpOnRest: { Type: HttpApi, Properties: { ApiId: !Ref Rest, Path: /h, Method: get } }",
          "  HttpImported: { Type: HttpApi, Properties: { ApiId: !ImportValue shared-http, Path: /i, Method: get } }",
        ),
      ),
      { only: ["E0001"] },
    );
    expect(brief(findings)).toEqual([
      "E0001 19:55",
      "E0001 20:57",
      "E0001 21:53",
      "E0001 22:62",
      "E0001 25:61",
    ]);
    expect(findings[0].message).toBe(
      "RestApiId of Api event OnHttp names Http, an AWS::Serverless::HttpApi; an Api event needs an " +
        "AWS::Serverless::Api (or use an HttpApi event): the SAM transform adds the event to that API while it " +
        "runs and refuses it otherwise; give !Ref of the AWS::Serverless::Api of this template, or leave RestApiId " +
        "out for the implicit API",
    );
    expect(findings[1].message).toContain(
      "RestApiId of Api event Imported is not a Ref to an API of this template",
    );
    expect(findings[3].message).toContain(
      "RestApiId of Api event FromParameter names SharedApiId, which is not a resource of this template",
    );
    expect(findings[4].message).toContain("ApiId of HttpApi event HttpImported is not a Ref to an API");
    expect(findings[4].message).toContain("give !Ref of the AWS::Serverless::HttpApi of this template");
  });

  it("warns about an API named by a plain string, or a resource that is no API, which the transform takes but wires wrongly", () => {
    const findings = lint(
      yaml(
        SAM,
        "Resources:",
        ...REST_AND_HTTP_APIS,
        ...samFunction(
          "Fn",
          "Events:",
          "  ByName: { Type: Api, Properties: { RestApiId: Rest, Path: /a, Method: get } }",
          "  HttpByName: { Type: HttpApi, Properties: { ApiId: Http, Path: /b, Method: get } }",
          "  RestOnHttp: { Type: Api, Properties: { RestApiId: Http, Path: /c, Method: get } }",
          "  ByFunction: { Type: Api, Properties: { RestApiId: Fn, Path: /d, Method: get } }",
          "  RefFunction: { Type: Api, Properties: { RestApiId: !Ref Fn, Path: /e, Method: get } }",
        ),
      ),
      { only: ["E0001"] },
    );
    expect(findings.map((f) => `${f.severity} ${f.range.start.line}:${f.range.start.column}`)).toEqual([
      "warning 15:55",
      "warning 16:59",
      "error 17:59",
      "warning 18:59",
      "warning 19:60",
    ]);
    expect(findings[0].message).toBe(
      "RestApiId of Api event ByName names Rest as a plain string: the SAM transform adds the route to Rest, but " +
        "the invoke permission it makes names 'Rest' where the API's id belongs, so API Gateway cannot call the " +
        "function; write !Ref Rest",
    );
    expect(findings[4].message).toBe(
      "RestApiId of Api event RefFunction names Fn (AWS::Serverless::Function), not an API: the SAM transform " +
        "takes it but adds no route for the event; give !Ref of the AWS::Serverless::Api of this template, or " +
        "leave RestApiId out for the implicit API",
    );
  });
});

describe("E0001 SAM S3 events and toggled schedules", () => {
  it("refuses an S3 event on a bucket that is not a Ref to one of the template, and State with Enabled", () => {
    const findings = lint(
      yaml(
        SAM,
        "Parameters:",
        "  UploadBucket: { Type: String }",
        "Conditions:",
        "  Prod: !Equals [!Ref AWS::StackName, prod]",
        "Resources:",
        "  Uploads:",
        "    Type: AWS::S3::Bucket",
        ...samFunction(
          "Fn",
          "Events:",
          "  Own: { Type: S3, Properties: { Bucket: !Ref Uploads, Events: 's3:ObjectCreated:*' } }",
          "  Param: { Type: S3, Properties: { Bucket: !Ref UploadBucket, Events: 's3:ObjectCreated:*' } }",
          "  Named: { Type: S3, Properties: { Bucket: uploads-bucket, Events: 's3:ObjectCreated:*' } }",
          "  Either: { Type: S3, Properties: { Bucket: !If [Prod, !Ref Uploads, !Ref Uploads], Events: 's3:ObjectCreated:*' } }",
          "  Nightly: { Type: Schedule, Properties: { Schedule: rate(1 day), State: ENABLED, Enabled: true } }",
          "  Rule: { Type: EventBridgeRule, Properties: { Pattern: { source: [x] }, State: DISABLED } }",
          "  Old: { Type: CloudWatchEvent, Properties: { Pattern: { source: [x] }, Enabled: false, State: DISABLED } }",
        ),
      ),
      { only: ["E0001"] },
    );
    expect(brief(findings)).toEqual([
      "E0001 17:50",
      "E0001 18:50",
      "E0001 19:51",
      "E0001 20:89",
      "E0001 22:79",
    ]);
    expect(findings[0].message).toBe(
      "Bucket of S3 event Param names UploadBucket, which is not a resource of this template: the SAM transform " +
        "adds the function to the notifications of a bucket it creates and refuses any other; declare the bucket " +
        "here and give !Ref of it, or subscribe to a bucket made elsewhere with an EventBridge rule (EventBridgeRule " +
        "event)",
    );
    expect(findings[1].message).toContain(
      "Bucket of S3 event Named is not a Ref to a bucket of this template",
    );
    expect(findings[3].message).toBe(
      "State and Enabled are both set in event Nightly of Fn (Schedule), and the SAM transform refuses that; keep " +
        "State (ENABLED or DISABLED) and remove Enabled",
    );
  });
});

describe("SAM execution role settings beside a Role", () => {
  it("warns of role settings a function with its own Role ignores (W0001)", () => {
    const findings = lint(
      yaml(
        SAM,
        "Conditions:",
        "  Prod: !Equals [!Ref AWS::StackName, prod]",
        "Resources:",
        ...samFunction(
          "Own",
          "Role: arn:aws:iam::123456789012:role/worker",
          "Policies: [AWSLambdaBasicExecutionRole]",
          "PermissionsBoundary: arn:aws:iam::123456789012:policy/boundary",
        ),
        ...samFunction("Made", "Policies: [AWSLambdaBasicExecutionRole]", "RolePath: /app/"),
        ...samFunction(
          "Maybe",
          "Role: !If [Prod, arn:aws:iam::123456789012:role/worker, !Ref AWS::NoValue]",
          "Policies: [AWSLambdaBasicExecutionRole]",
        ),
      ),
      { only: ["W0001"] },
    );
    expect(brief(findings)).toEqual(["W0001 12:7", "W0001 13:7"]);
    expect(findings[0].message).toBe(
      "SAM ignores Policies of Own, which names its own Role: SAM applies Policies only to the execution role it " +
        "makes when there is no Role; put it on the role that Role names, or remove Role",
    );
  });

  it("reads a null Role as none, as the transform does: it makes the role, with the Policies", () => {
    const findings = lint(
      yaml(
        SAM,
        "Resources:",
        ...samFunction("Fn", "Role: null", "Policies: [AWSLambdaFullAccess]"),
        "  Machine:",
        "    Type: AWS::Serverless::StateMachine",
        "    Properties:",
        "      Definition: { StartAt: A, States: { A: { Type: Pass, End: true } } }",
        "      Role:",
        "      Policies: [AWSXrayWriteOnlyAccess]",
        "Outputs:",
        "  FnRole:",
        "    Value: !GetAtt FnRole.Arn",
        "  MachineRole:",
        "    Value: !GetAtt MachineRole.Arn",
      ),
      { only: ["W0001", "E0001", "E3921", "W3921", "E1010"] },
    );
    // The made role gets the retired managed policy's name, which IAM refuses.
    expect(brief(findings)).toEqual(["E3921 10:18"]);
    expect(findings[0].message).toContain("AWSLambdaFullAccess, the AWS managed policy AWS deprecated for");
  });

  it("refuses a state machine with both Role and Policies, or without a definition (E0001)", () => {
    const findings = lint(
      yaml(
        SAM,
        "Resources:",
        "  Both:",
        "    Type: AWS::Serverless::StateMachine",
        "    Properties:",
        "      Definition: { StartAt: A, States: { A: { Type: Pass, End: true } } }",
        "      Role: arn:aws:iam::123456789012:role/machine",
        "      Policies: [AWSXrayWriteOnlyAccess]",
        "  Empty:",
        "    Type: AWS::Serverless::StateMachine",
        "    Properties:",
        "      Role: arn:aws:iam::123456789012:role/machine",
        "  FromFile:",
        "    Type: AWS::Serverless::StateMachine",
        "    Properties:",
        "      DefinitionUri: statemachine/flow.asl.json",
        "      Policies: [AWSXrayWriteOnlyAccess]",
      ),
      { only: ["E0001"] },
    );
    expect(brief(findings)).toEqual(["E0001 8:7", "E0001 11:5"]);
    expect(findings[0].message).toBe(
      "State machine Both has both Role and Policies, and the SAM transform refuses that: Policies are for the role " +
        "SAM makes when there is no Role; put them on the role that Role names, or remove Role",
    );
    expect(findings[1].message).toBe(
      "State machine Empty has neither Definition nor DefinitionUri, and the SAM transform refuses it; write the " +
        "definition under Definition, or give DefinitionUri",
    );
  });
});

describe("SAM properties the service spec has and the transform refuses", () => {
  it("reports a property name of the spec that samtranslator does not define (E3002), with the one it does", () => {
    const findings = lint(
      yaml(
        SAM,
        "Resources:",
        "  App:",
        "    Type: AWS::Serverless::Application",
        "    Properties:",
        "      Location: https://s3.amazonaws.com/bucket/app.yaml",
        "      NotificationArns: [arn:aws:sns:us-east-1:123456789012:stack-events]",
        "  Api:",
        "    Type: AWS::Serverless::HttpApi",
        "    Properties:",
        "      AccessLogSetting: { DestinationArn: arn:aws:logs:us-east-1:123456789012:log-group:api, Format: $context.requestId }",
        "  Machine:",
        "    Type: AWS::Serverless::StateMachine",
        "    Properties:",
        "      Definition: { StartAt: A, States: { A: { Type: Pass, End: true } } }",
        "      PermissionsBoundaries: arn:aws:iam::123456789012:policy/boundary",
      ),
      { only: ["E3002"] },
    );
    expect(findings.map((f) => f.message)).toEqual([
      "Unknown property 'NotificationArns' for AWS::Serverless::Application (did you mean 'NotificationARNs'?)",
      "Unknown property 'AccessLogSetting' for AWS::Serverless::HttpApi (did you mean 'AccessLogSettings'?)",
      "Unknown property 'PermissionsBoundaries' for AWS::Serverless::StateMachine (did you mean 'PermissionsBoundary'?)",
    ]);
  });
});

describe("SAM resource types the service spec lacks", () => {
  it("knows AWS::Serverless::CapacityProvider and AWS::Serverless::WebSocketApi, their properties, attributes and generated resources", () => {
    const findings = lint(
      yaml(
        SAM,
        "Resources:",
        "  Capacity:",
        "    Type: AWS::Serverless::CapacityProvider",
        "    Properties:",
        "      VpcConfig:",
        "        SubnetIds: [subnet-1]",
        "      ScalingConfig:",
        "        MaxVCpuCount: 64",
        "  Sockets:",
        "    Type: AWS::Serverless::WebSocketApi",
        "    Properties:",
        "      RouteSelectionExpression: $request.body.action",
        "      Routes:",
        "        $connect:",
        "          FunctionArn: !GetAtt Capacity.Arn",
        "  NoRoutes:",
        "    Type: AWS::Serverless::WebSocketApi",
        "    Properties:",
        "      RouteSelectionExpression: $request.body.action",
        "Outputs:",
        "  Endpoint:",
        "    Value: !GetAtt Sockets.ApiEndpoint",
        "  Stage:",
        "    Value: !Ref SocketsDefaultStage",
        "  OperatorRole:",
        "    Value: !GetAtt CapacityOperatorRole.Arn",
      ),
      { only: ["E1010", "E1020", "E3002", "E3003", "E3006", "E3012"] },
    );
    expect(messages(findings)).toEqual([
      "E3003 19:5 Missing required property 'Routes' for AWS::Serverless::WebSocketApi",
    ]);
  });
});

describe("W3914 SAM API event routes", () => {
  it("warns of a method API Gateway does not route and a path without its leading slash", () => {
    const findings = lint(
      functionWithEvents(
        "Get:",
        "  Type: Api",
        "  Properties:",
        "    Path: users",
        "    Method: gett",
        "Any:",
        "  Type: Api",
        "  Properties:",
        "    Path: /users/{id}",
        "    Method: x-amazon-apigateway-any-method",
        "Default:",
        "  Type: HttpApi",
        "  Properties:",
        "    Path: $default",
        "    Method: ANY",
        "Patch:",
        "  Type: HttpApi",
        "  Properties:",
        "    Path: /items",
        "    Method: PATCH",
      ),
      { only: ["W3914"] },
    );
    // Events start at line 10 (SAM, Resources, six function lines, Events:).
    expect(brief(findings)).toEqual(["W3914 13:19", "W3914 14:21"]);
    expect(findings.map((f) => f.message)).toEqual([
      "Path 'users' of event Get does not start with '/'; write '/users'",
      "Method 'gett' of event Get is not an HTTP method API Gateway routes (did you mean 'GET'?); the API deploys " +
        "without this route, so no request reaches Fn through it. Use GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or ANY",
    ]);
  });
});

describe("E0001 SAM API events routing one method and path twice", () => {
  it("reports the second event on the implicit API, whatever the case of its Method or the Conditions", () => {
    const source = yaml(
      "Transform: AWS::Serverless-2016-10-31",
      "Conditions:",
      "  Prod: !Equals [!Ref AWS::AccountId, '123456789012']",
      "  Dev: !Not [!Condition Prod]",
      "Globals:",
      "  Function: {Runtime: python3.12, Handler: app.handler, CodeUri: src/}",
      "Resources:",
      "  Managed:",
      "    Type: AWS::Serverless::Api",
      "    Properties: {StageName: v1}",
      "  First:",
      "    Type: AWS::Serverless::Function",
      "    Condition: Prod",
      "    Properties:",
      "      Events:",
      "        Get: {Type: Api, Properties: {Path: /items, Method: GET}}",
      "        Http: {Type: HttpApi, Properties: {Path: /items, Method: GET}}",
      "        Any: {Type: Api, Properties: {Path: /any, Method: ANY}}",
      "        OnManaged: {Type: Api, Properties: {Path: /items, Method: get, RestApiId: !Ref Managed}}",
      "  Second:",
      "    Type: AWS::Serverless::Function",
      "    Condition: Dev",
      "    Properties:",
      "      Events:",
      "        Get: {Type: Api, Properties: {Path: /items, Method: get, RestApiId: !Ref ServerlessRestApi}}",
      "        Post: {Type: Api, Properties: {Path: /items, Method: post}}",
      "        Any: {Type: Api, Properties: {Path: /any, Method: x-amazon-apigateway-any-method}}",
      "        OnManaged: {Type: Api, Properties: {Path: /items, Method: GET, RestApiId: !Ref Managed}}",
      "        Http: {Type: HttpApi, Properties: {Path: /items, Method: get}}",
    );
    const findings = lint(source, { only: ["E0001"] });
    expect(brief(findings)).toEqual(["E0001 25:61", "E0001 27:59", "E0001 29:66"]);
    expect(findings[0].message).toBe(
      "Api event Get of Second routes GET /items of ServerlessRestApi, as event Get of First does: the SAM transform " +
        'refuses the second (\'API method "get" defined multiple times for path "/items"\'); give one of them ' +
        "another Method or Path, or let one resource serve both",
    );
    expect(findings[2].message).toContain(
      "HttpApi event Http of Second routes GET /items of ServerlessHttpApi",
    );
    // Definitions the Globals give the implicit API are the author's: the transform checks nothing there.
    const merged = source.replace("Globals:\n", "Globals:\n  Api: {MergeDefinitions: true}\n");
    expect(brief(lint(merged, { only: ["E0001"] }))).toEqual(["E0001 30:66"]);
  });

  it("reports a route twice on a REST API with a definition and on an HTTP API without one, as the transform does", () => {
    /** An API `name` of `type` with `properties`, and two functions routing GET /items to it with `event` events. */
    const template = (type: string, event: string, key: string, ...properties: string[]) =>
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Globals:",
        "  Function: {Runtime: python3.12, Handler: app.handler, CodeUri: src/}",
        "Resources:",
        "  Api:",
        `    Type: ${type}`,
        ...(properties.length > 0 ? ["    Properties:", ...properties.map((line) => `      ${line}`)] : []),
        "  First:",
        "    Type: AWS::Serverless::Function",
        `    Properties: {Events: {Get: {Type: ${event}, Properties: {${key}: !Ref Api, Path: /items, Method: GET}}}}`,
        "  Second:",
        "    Type: AWS::Serverless::Function",
        `    Properties: {Events: {Get: {Type: ${event}, Properties: {${key}: !Ref Api, Path: /items, Method: get}}}}`,
      );
    const definition = [
      "DefinitionBody:",
      '  info: {title: x, version: "1"}',
      "  paths: {/other: {get: {responses: {}}}}",
    ];
    const rest = (...properties: string[]) =>
      template("AWS::Serverless::Api", "Api", "RestApiId", ...properties);
    const http = (...properties: string[]) =>
      template("AWS::Serverless::HttpApi", "HttpApi", "ApiId", ...properties);
    // cfn-lint 1.51 (its transform) refuses these two and takes the other two.
    const withBody = lint(rest("StageName: v1", ...definition, '  swagger: "2.0"'), { only: ["E0001"] });
    expect(brief(withBody)).toEqual(["E0001 18:100"]);
    expect(withBody[0].message).toContain(
      "Api event Get of Second routes GET /items of Api, as event Get of First does",
    );
    expect(brief(lint(http(), { only: ["E0001"] }))).toEqual(["E0001 12:100"]);
    expect(brief(lint(rest("StageName: v1"), { only: ["E0001"] }))).toEqual([]);
    expect(brief(lint(http(...definition, '  openapi: "3.0.1"'), { only: ["E0001"] }))).toEqual([]);
  });

  it("counts a state machine's Api event beside a function's, as the transform does", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        "  Fn:",
        "    Type: AWS::Serverless::Function",
        "    Properties:",
        "      Runtime: python3.12",
        "      Handler: app.handler",
        "      CodeUri: src/",
        "      Events:",
        "        Get: {Type: Api, Properties: {Path: /items, Method: GET}}",
        "  Machine:",
        "    Type: AWS::Serverless::StateMachine",
        "    Properties:",
        "      Definition: {StartAt: A, States: {A: {Type: Pass, End: true}}}",
        "      Policies: []",
        "      Events:",
        "        Get: {Type: Api, Properties: {Path: /items, Method: get}}",
      ),
      { only: ["E0001"] },
    );
    expect(brief(findings)).toEqual(["E0001 17:61"]);
    expect(findings[0].message).toContain("Api event Get of Machine routes GET /items of ServerlessRestApi");
  });
});

describe("E0001 SAM Api event RequestParameters", () => {
  it("takes method.request names, alone or with Required and Caching, and refuses others", () => {
    expect(
      eventErrors(
        "Get:",
        "  Type: Api",
        "  Properties:",
        "    Path: /orders/{id}",
        "    Method: get",
        "    RequestParameters:",
        "      - method.request.path.id",
        "      - method.request.query.page",
        "      - method.request.header.Authorization: {Required: true, Caching: false}",
        "      - method.request.querystring.sort: {Required: true, Cached: true}",
      ),
    ).toEqual([
      "E0001 17:17 Request parameter 'method.request.query.page' of event Get is not method.request.querystring, " +
        ".path or .header and a name (such as method.request.querystring.id), so the SAM transform refuses it",
      "E0001 19:67 The settings of request parameter 'method.request.querystring.sort' of event Get are a mapping of " +
        "Required and Caching (true or false), and the SAM transform refuses anything else",
    ]);
  });
});

describe("E0001 SAM API usage plans", () => {
  it("reports a CreateUsagePlan other than SHARED, PER_API or NONE, and E3002/E3003 judge the plan's keys", () => {
    const findings = lint(
      yaml(
        ...samGlobals("Api", "Auth:", "  UsagePlan: {CreateUsagePlan: SINGLE}"),
        "Resources:",
        ...samApi("Shared", "Auth: {ApiKeyRequired: true, UsagePlan: {CreateUsagePlan: Shared}}"),
        ...samApi("Unnamed", "Auth: {ApiKeyRequired: true, UsagePlan: {UsagePlanId: abc}}"),
        ...samApi(
          "Good",
          "Auth:",
          "  UsagePlan: {CreateUsagePlan: PER_API, Quota: {Limit: 100, Period: DAY}, Tags: [{Key: a, Value: b}]}",
        ),
      ),
      { only: ["E0001", "E3002", "E3003"] },
    );
    // Unnamed takes CreateUsagePlan from Globals, which SAM merges into its UsagePlan.
    expect(brief(findings)).toEqual(["E0001 5:36", "E0001 11:65", "E3002 16:48"]);
    expect(findings.slice(0, 2).map((f) => f.message)).toEqual([
      "CreateUsagePlan 'SINGLE' of Globals.Api is not SHARED, PER_API or NONE, so the SAM transform refuses it",
      "CreateUsagePlan 'Shared' of Shared is not SHARED, PER_API or NONE, so the SAM transform refuses it " +
        "(did you mean 'SHARED'?)",
    ]);
    const alone = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        ...samApi("Unnamed", "Auth: {ApiKeyRequired: true, UsagePlan: {UsagePlanId: abc}}"),
      ),
      { only: ["E0001", "E3002", "E3003"] },
    );
    expect(brief(alone)).toEqual(["E3003 7:36", "E3002 7:48"]);
  });
});

describe("E0001 SAM resources whose Properties is a function", () => {
  const template = (transform: string[]) =>
    yaml(
      ...transform,
      "Conditions:",
      "  Prod: !Equals [!Ref AWS::AccountId, '123456789012']",
      "Resources:",
      "  Fn:",
      "    Type: AWS::Serverless::Function",
      "    Properties: !If",
      "      - Prod",
      "      - {Runtime: python3.12, Handler: a.b, CodeUri: src/, MemorySize: 1024}",
      "      - {Runtime: python3.12, Handler: a.b, CodeUri: src/}",
      "  Table:",
      "    Type: AWS::Serverless::SimpleTable",
      "    Properties:",
      "      TableName: !If [Prod, orders, !Ref AWS::NoValue]",
      "  Topic:",
      "    Type: AWS::SNS::Topic",
      "    Properties: !If [Prod, {TopicName: orders}, {}]",
    );

  it("reports the function the transform reads as a property name, on SAM types only", () => {
    const findings = lint(template([SAM]), { only: ["E0001"] });
    expect(brief(findings)).toEqual(["E0001 7:5"]);
    // Without the transform, no SAM rule reads the template.
    expect(lint(template([]), { only: ["E0001"] })).toEqual([]);
    expect(findings[0].message).toBe(
      "Properties of Fn is a Fn::If, and the SAM transform reads each key of Properties as a property name, so it " +
        "refuses AWS::Serverless::Function (property Fn::If not defined); write Properties as a mapping and put the " +
        "Fn::If on the properties that differ",
    );
  });
});
