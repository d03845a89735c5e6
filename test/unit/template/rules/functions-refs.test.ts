// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the templates under test use CloudFormation's ${} syntax
/** Ref (E1020), GetAtt (E1010) and Sub (E1019): names that must exist, on every kind of template. */
import { describe, expect, it } from "vitest";
import { parseTemplate } from "../../../../src/template/parse";
import { samImplicitResources, samImplicitType } from "../../../../src/template/rules/functions/sam-implicit";
import { indexTemplate } from "../../../../src/template/rules/template-index";
import { brief, lint, samFunction, yaml } from "../lint";

describe("E1020 Ref", () => {
  const template = yaml(
    "Parameters:",
    "  Env:",
    "    Type: String",
    "Resources:",
    "  Bucket:",
    "    Type: AWS::S3::Bucket",
    "    Properties:",
    "      BucketName: !Ref Envv",
    "  Topic:",
    "    Type: AWS::SNS::Topic",
    "    Properties:",
    "      TopicName: !Ref AWS::StackNam",
    "      DisplayName: !Ref [Bucket]",
    "      KmsMasterKeyId: !If [Never, !Ref Env, !Ref AWS::NoValue]",
    "      Tags:",
    "        - Key: !Ref Bucket",
    "          Value: !Ref AWS::Region",
    "Conditions:",
    "  Never: !Equals [!Ref Bucket, !Ref Env]",
  );

  it("flags undefined names, unknown pseudo parameters and non-string values", () => {
    const findings = lint(template, { only: ["E1020"] });
    expect(brief(findings)).toEqual(["E1020 8:24", "E1020 12:23", "E1020 13:20", "E1020 19:24"]);
    expect(findings[0].message).toBe("Ref to undefined parameter or resource 'Envv' (did you mean 'Env'?)");
    expect(findings[1].message).toBe(
      "Ref to unknown pseudo parameter 'AWS::StackNam' (did you mean 'AWS::StackName'?)",
    );
  });

  it("accepts parameters, resources and pseudo parameters", () => {
    const valid = yaml(
      "Parameters:",
      "  Env:",
      "    Type: String",
      "Resources:",
      "  Bucket:",
      "    Type: AWS::S3::Bucket",
      "    Properties:",
      "      BucketName: !Ref Env",
      "      Tags:",
      "        - Key: !Ref AWS::Region",
      "          Value: !Ref AWS::NoValue",
      "Outputs:",
      "  Name:",
      "    Value: !Ref Bucket",
    );
    expect(lint(valid, { only: ["E1020"] })).toEqual([]);
  });
});

describe("E1010 GetAtt", () => {
  const template = yaml(
    "Resources:",
    "  Bucket:",
    "    Type: AWS::S3::Bucket",
    "  Custom:",
    "    Type: Custom::Thing",
    "    Properties:",
    "      ServiceToken: !GetAtt Bucket.Arn",
    "  Nested:",
    "    Type: AWS::CloudFormation::Stack",
    "    Properties:",
    "      TemplateURL: !GetAtt Custom.AnyThing",
    "  Queue:",
    "    Type: AWS::SQS::Queue",
    "    Properties:",
    "      QueueName: !GetAtt Nested.Outputs.QueueName",
    "      RedrivePolicy: !GetAtt Buckett.Arn",
    "      Tags:",
    "        - Key: !GetAtt Bucket.Arnn",
    "          Value:",
    "            Fn::GetAtt: Bucket.WebsiteURL",
    "        - Key: !GetAtt [Bucket, Arn, Extra]",
    "          Value:",
    "            Fn::GetAtt: Bucket",
    "        - Key: !GetAtt [Bucket, {Ref: AWS::Region}]",
    "          Value: !GetAtt Nested.StackName",
  );

  it("flags unknown resources, unknown attributes and malformed arguments", () => {
    const findings = lint(template, { only: ["E1010"] });
    expect(brief(findings)).toEqual([
      "E1010 16:30",
      "E1010 18:31",
      "E1010 21:16",
      "E1010 23:25",
      "E1010 25:33",
    ]);
    expect(findings[0].message).toBe("GetAtt to undefined resource 'Buckett' (did you mean 'Bucket'?)");
    expect(findings[1].message).toBe(
      "AWS::S3::Bucket has no attribute 'Arnn' (resource 'Bucket') (did you mean 'Arn'?)",
    );
    expect(findings[4].message).toContain("read a nested stack output as 'Outputs.Name'");
  });

  it("reads every property of the types whose properties Fn::GetAtt reads, a list as a list", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Db:",
        "    Type: AWS::RDS::DBInstance",
        "    Properties:",
        "      DBInstanceClass: db.t3.micro",
        "      Engine: postgres",
        '      AllocatedStorage: "20"',
        "      DBInstanceIdentifier: orders",
        "  Queue:",
        "    Type: AWS::SQS::Queue",
        "  Function:",
        "    Type: AWS::Lambda::Function",
        "    Properties:",
        "      Role: arn:aws:iam::123456789012:role/r",
        "      Code: { ZipFile: x }",
        "      Handler: index.handler",
        "      Runtime: nodejs22.x",
        "Outputs:",
        "  Id:",
        "    Value: !GetAtt Db.DBInstanceIdentifier",
        "  Name:",
        "    Value: !GetAtt Queue.QueueName",
        "  Groups:",
        "    Value: !GetAtt Db.VPCSecurityGroups",
        "  Nope:",
        "    Value: !GetAtt Db.Nope",
        "  Handler:",
        "    Value: !GetAtt Function.Handler",
      ),
      { only: ["E1010", "E6101"] },
    );
    // RDS instances and SQS queues are among them (cfn-lint's list); Lambda functions are not, and
    // an output's Value must be text, which a list of security groups is not.
    expect(brief(findings)).toEqual(["E6101 24:12", "E1010 26:23", "E1010 28:29"]);
    expect(findings[1].message).toContain("AWS::RDS::DBInstance has no attribute 'Nope'");
    expect(findings[2].message).toContain("AWS::Lambda::Function has no attribute 'Handler'");
  });

  it("accepts custom resource attributes, nested stack and provisioned product outputs, and unknown resource types", () => {
    const valid = yaml(
      "Resources:",
      "  Custom:",
      "    Type: AWS::CloudFormation::CustomResource",
      "    Properties:",
      "      ServiceToken: arn:aws:lambda:us-east-1:123456789012:function:x",
      "  Thing:",
      "    Type: AWS::Nowhere::Thing",
      "  Nested:",
      "    Type: AWS::CloudFormation::Stack",
      "    Properties:",
      "      TemplateURL: !GetAtt Custom.Url",
      "      Parameters:",
      "        A: !GetAtt Thing.Whatever",
      "        B: !GetAtt [Nested, Outputs.Value]",
      "  Product:",
      "    Type: AWS::ServiceCatalog::CloudFormationProvisionedProduct",
      "    Properties: {ProductName: app, ProvisioningArtifactName: v1}",
      "Outputs:",
      "  Url:",
      "    Value: !GetAtt Product.Outputs.Url",
      "  Wrong:",
      "    Value: !GetAtt Product.Output.Url",
    );
    expect(brief(lint(valid, { only: ["E1010"] }))).toEqual(["E1010 22:28"]);
  });

  it("takes a search domain's DomainArn, which the provider schemas give as a read-only property", () => {
    const template = yaml(
      "Resources:",
      "  Legacy:",
      "    Type: AWS::Elasticsearch::Domain",
      "  Search:",
      "    Type: AWS::OpenSearchService::Domain",
      "Outputs:",
      "  A:",
      "    Value: !GetAtt Legacy.DomainArn",
      "  B:",
      "    Value: !GetAtt Search.DomainArn",
      "  C:",
      "    Value: !GetAtt Search.DomainAr",
    );
    expect(brief(lint(template, { only: ["E1010"] }))).toEqual(["E1010 12:27"]);
  });

  it("takes a replication group's ReadEndPoint.Addresses.List and Ports.List, the lists its provider schema names", () => {
    const template = yaml(
      "Resources:",
      "  Cache:",
      "    Type: AWS::ElastiCache::ReplicationGroup",
      "    Properties: {ReplicationGroupDescription: x, CacheNodeType: cache.t3.micro, Engine: redis}",
      "Outputs:",
      "  A:",
      "    Value: !Select [0, !GetAtt Cache.ReadEndPoint.Addresses.List]",
      "  B:",
      "    Value: !Join [',', !GetAtt Cache.ReadEndPoint.Ports.List]",
      "  C:",
      "    Value: !Select [0, !GetAtt Cache.ReadEndPoint.AddressesList]",
      "  D:",
      "    Value: !GetAtt Cache.ReadEndPoint.Addresses.List",
      "  E:",
      "    Value: !GetAtt Cache.ReadEndPoint.Address.List",
    );
    // An output takes text, not the list; the last name is no attribute.
    expect(brief(lint(template, { only: ["E1010", "E1017", "E1022", "E6101"] }))).toEqual([
      "E6101 13:12",
      "E1010 15:26",
    ]);
  });
});

describe("modules", () => {
  it("lets Ref and GetAtt name the resources a module expands to", () => {
    const template = yaml(
      "Resources:",
      "  Net:",
      "    Type: Example::Network::Vpc::MODULE",
      "  Instance:",
      "    Type: AWS::EC2::Instance",
      "    Properties:",
      "      SubnetId: !Ref NetPublicSubnet",
      "      ImageId: !GetAtt NetVpc.CidrBlock",
      "      KeyName: !Ref Ne",
    );
    expect(brief(lint(template, { only: ["E1010", "E1020"] }))).toEqual(["E1020 9:21"]);
  });
});

describe("E1019 Sub", () => {
  const template = yaml(
    "Parameters:",
    "  Env:",
    "    Type: String",
    "Resources:",
    "  Queue:",
    "    Type: AWS::SQS::Queue",
    "  Bucket:",
    "    Type: AWS::S3::Bucket",
    "    Properties:",
    '      BucketName: !Sub "${Env}-${AWS::Region}-${!Literal}-${Queue.Arn}"',
    "      Tags:",
    '        - Key: !Sub "${Evn}-x"',
    '          Value: !Sub "${Queue.Nope}"',
    '        - Key: !Sub ["${Name}-${Env}", {Name: !Ref Env}]',
    '          Value: !Sub "${AWS::Regio} ${Env"',
    '        - Key: !Sub ["${Name}", {Name: !Split [",", "a"]}]',
    '          Value: !Sub ["${A}", B, C]',
  );

  it("flags undefined variables, bad attributes, unclosed ${ and malformed arguments", () => {
    const findings = lint(template, { only: ["E1019"] });
    expect(brief(findings)).toEqual([
      "E1019 12:24",
      "E1019 13:26",
      "E1019 15:26",
      "E1019 15:38",
      "E1019 16:40",
      "E1019 17:18",
    ]);
    expect(findings[0].message).toBe(
      "Fn::Sub variable 'Evn' is not a parameter, resource or variable of this Fn::Sub (did you mean 'Env'?)",
    );
    expect(findings[1].message).toContain("AWS::SQS::Queue has no attribute 'Nope'");
    expect(findings[2].message).toContain(
      "'AWS::Regio' is not a pseudo parameter (did you mean 'AWS::Region'?)",
    );
  });

  it("accepts local variables, escapes and resource attributes", () => {
    const valid = yaml(
      "Resources:",
      "  Queue:",
      "    Type: AWS::SQS::Queue",
      "    Properties:",
      '      QueueName: !Sub ["${Prefix}-${AWS::StackName}-${!NotAVariable}", {Prefix: !Select [0, [a]]}]',
      "Outputs:",
      "  Url:",
      '    Value: !Sub "${Queue.QueueName} ${Queue}"',
    );
    expect(lint(valid, { only: ["E1019"] })).toEqual([]);
  });
});

describe("SAM implicit resources", () => {
  const template = yaml(
    "Transform: AWS::Serverless-2016-10-31",
    "Resources:",
    "  MyFunction:",
    "    Type: AWS::Serverless::Function",
    "    Properties:",
    "      Runtime: python3.12",
    "      Handler: app.handler",
    "      CodeUri: src/",
    "      AutoPublishAlias: live",
    "      Events:",
    "        Get:",
    "          Type: Api",
    "          Properties:",
    "            Path: /",
    "            Method: get",
    "  Table:",
    "    Type: AWS::Serverless::SimpleTable",
    "Outputs:",
    "  RoleArn:",
    "    Value: !GetAtt MyFunctionRole.Arn",
    "  Alias:",
    "    Value: !Ref MyFunction.Alias",
    "  Api:",
    '    Value: !Sub "https://${ServerlessRestApi}.execute-api.${AWS::Region}.amazonaws.com/Prod/"',
    "  Stage:",
    "    Value: !Ref ServerlessRestApiProdStage",
    "  AliasRef:",
    "    Value: !Ref MyFunctionAliaslive",
    "  Stream:",
    "    Value: !GetAtt Table.StreamArn",
    "  Bad:",
    "    Value: !GetAtt MyFunctionRole.Nope",
    "  Bad2:",
    "    Value: !Ref MyFunctionUrl",
  );

  it("lets Ref, GetAtt and Sub name what SAM generates, and checks their attributes", () => {
    const findings = lint(template, { only: ["E1010", "E1019", "E1020"] });
    expect(brief(findings)).toEqual(["E1010 32:35", "E1020 34:17"]);
    expect(findings[0].message).toContain("AWS::IAM::Role has no attribute 'Nope'");
  });

  it("takes the settings a function inherits from Globals (round 23: AutoPublishAlias and DeploymentPreference there)", () => {
    const inherited = yaml(
      "Transform: AWS::Serverless-2016-10-31",
      "Globals:",
      "  Function:",
      "    AutoPublishAlias: !Ref AliasName",
      "    DeploymentPreference: {Type: AllAtOnce}",
      "    FunctionUrlConfig: {AuthType: AWS_IAM}",
      "Parameters:",
      "  AliasName: {Type: String, Default: live}",
      "Resources:",
      "  Fn:",
      "    Type: AWS::Serverless::Function",
      "    Properties: {Runtime: python3.12, Handler: app.handler, CodeUri: src/}",
      "  Opted:",
      "    Type: AWS::Serverless::Function",
      "    Properties: {Runtime: python3.12, Handler: app.handler, CodeUri: src/}",
      "    IgnoreGlobals: [AutoPublishAlias]",
      "Outputs:",
      "  Alias: {Value: !Ref Fn.Alias}",
      "  Version: {Value: !Ref Fn.Version}",
      "  Group: {Value: !Ref FnDeploymentGroup}",
      "  Url: {Value: !GetAtt FnUrl.FunctionUrl}",
      "  NotOpted: {Value: !Ref Opted.Alias}",
    );
    expect(brief(lint(inherited, { only: ["E1010", "E1020"] }))).toEqual(["E1020 22:26"]);
  });

  it("knows no implicit resource without the SAM transform", () => {
    const plain = template.replace("Transform: AWS::Serverless-2016-10-31\n", "");
    expect(brief(lint(plain, { only: ["E1020"] }))).toEqual([
      "E1020 21:17",
      "E1020 25:17",
      "E1020 27:17",
      "E1020 33:17",
    ]);
  });

  it("knows the queue and topic SAM makes for SQS and SNS destinations, and the Refs that name them", () => {
    const destinations = yaml(
      "Transform: AWS::Serverless-2016-10-31",
      "Resources:",
      ...samFunction(
        "Fn",
        "EventInvokeConfig:",
        "  DestinationConfig:",
        "    OnSuccess: {Type: SQS}",
        "    OnFailure: {Type: SNS}",
      ),
      "Outputs:",
      "  Queue:",
      "    Value: !Ref Fn.DestinationQueue",
      "  Topic:",
      "    Value: !Ref Fn.DestinationTopic",
      "  QueueName:",
      "    Value: !GetAtt FnEventInvokeConfigOnSuccessQueue.QueueName",
      "  TopicName:",
      "    Value: !GetAtt FnEventInvokeConfigOnFailureTopic.TopicName",
      "  WrongKind:",
      "    Value: !GetAtt FnEventInvokeConfigOnFailureTopic.QueueName",
      "  NoSuchTopic:",
      "    Value: !Ref Fn.DestinationLambda",
    );
    const findings = lint(destinations, { only: ["E1010", "E1020"] });
    expect(brief(findings)).toEqual(["E1010 23:54", "E1020 25:17"]);
    expect(findings[0].message).toContain("AWS::SNS::Topic has no attribute 'QueueName'");
  });

  it("names an API's stage as the SAM transform does for each kind of StageName", () => {
    const stages = yaml(
      "Transform: AWS::Serverless-2016-10-31",
      "Parameters:",
      "  Stage: {Type: String, Default: dev}",
      "Resources:",
      "  ByParameter:",
      "    Type: AWS::Serverless::Api",
      "    Properties: {StageName: !Ref Stage}",
      "  Hyphenated:",
      "    Type: AWS::Serverless::Api",
      "    Properties: {StageName: v1-beta}",
      "  Plain:",
      "    Type: AWS::Serverless::Api",
      "    Properties: {StageName: prod}",
      "  Mapping:",
      "    Type: AWS::ApiGateway::BasePathMapping",
      "    DependsOn: [ByParameterStage, PlainprodStage]",
      "    Properties:",
      "      DomainName: example.com",
      "      RestApiId: !Ref ByParameter",
      "Outputs:",
      "  Hashed:",
      "    Value: !Ref HyphenatedStage0123456789",
      "  NotMade:",
      "    Value: !Ref Hyphenatedv1betaStage",
    );
    expect(brief(lint(stages, { only: ["E1020", "E3005"] }))).toEqual(["E1020 24:17"]);
  });

  it("maps generated ids to resource types", () => {
    const parsed = parseTemplate(template, "template.yaml");
    if (parsed.root?.kind !== "map") throw new Error("template did not parse");
    const implicit = samImplicitResources(indexTemplate(parsed, parsed.root));
    expect(implicit.resources.get("MyFunctionRole")).toBe("AWS::IAM::Role");
    expect(implicit.resources.get("ServerlessRestApi")).toBe("AWS::ApiGateway::RestApi");
    expect(implicit.resources.get("MyFunctionGetPermission")).toBe("AWS::Lambda::Permission");
    expect(samImplicitType(implicit, "MyFunctionVersion1a2b3c")).toBe("AWS::Lambda::Version");
    expect(samImplicitType(implicit, "ServerlessRestApiDeployment9f8e7d")).toBe(
      "AWS::ApiGateway::Deployment",
    );
    expect(samImplicitType(implicit, "MyFunctionUrl")).toBeUndefined();
    expect(implicit.refs.get("MyFunction.Version")).toBe("AWS::Lambda::Version");
  });

  it("resolves the references SAM resolves (a function's Version and Alias, an API's Stage) before an attribute", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        ...samFunction("Fn", "AutoPublishAlias: live"),
        "  Machine:",
        "    Type: AWS::Serverless::StateMachine",
        "    Properties:",
        "      Definition: {StartAt: A, States: {A: {Type: Pass, End: true}}}",
        "      AutoPublishAlias: live",
        "  Socket:",
        "    Type: AWS::Serverless::WebSocketApi",
        "    Properties:",
        "      RouteSelectionExpression: $request.body.action",
        "      Routes: {$default: {FunctionArn: !GetAtt Fn.Arn}}",
        "Outputs:",
        "  Version:",
        "    Value: !GetAtt Fn.Version.FunctionArn",
        "  Listed:",
        "    Value: !GetAtt [Fn.Alias, AliasArn]",
        "  Sub:",
        "    Value: !Sub '${Fn.Version.Version} ${Socket.Stage} ${Fn.Alias.Bogus}'",
        "  Stage:",
        "    Value: !Ref Socket.Stage",
        "  NoAlias:",
        "    Value: !Ref Machine.Alias",
      ),
      { only: ["E1010", "E1019", "E1020"] },
    );
    expect(brief(findings)).toEqual(["E1019 26:58", "E1020 30:17"]);
    expect(findings[0].message).toBe(
      "AWS::Lambda::Alias has no attribute 'Bogus' (resource 'Fn.Alias'), in Fn::Sub variable 'Fn.Alias.Bogus'",
    );
  });
});

describe("the implicit APIs' referable properties", () => {
  it("resolves ServerlessHttpApi.Stage and ServerlessRestApi.Stage and .Deployment, as for a declared API", () => {
    // Round 46: an output's `${ServerlessHttpApi.Stage}`, which aws-sam-translator 1.110 resolves.
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        ...samFunction(
          "Fn",
          "Events:",
          "  Http: { Type: HttpApi }",
          "  Rest: { Type: Api, Properties: { Path: /, Method: get } }",
        ),
        "Outputs:",
        "  Http:",
        '    Value: !Sub "https://${ServerlessHttpApi}.execute-api.${AWS::Region}.amazonaws.com/${ServerlessHttpApi.Stage}"',
        "  Rest:",
        '    Value: !Sub "${ServerlessRestApi.Stage}/${ServerlessRestApi.Deployment}/${ServerlessRestApi.Bogus}"',
        "  Ref:",
        "    Value: !Ref ServerlessHttpApi.Stage",
      ),
      { only: ["E1010", "E1019", "E1020"] },
    );
    expect(brief(findings)).toEqual(["E1019 16:79"]);
    expect(findings[0].message).toMatch(/has no attribute 'Bogus' \(resource 'ServerlessRestApi'\)/);
  });
});

describe("SAM GraphQL APIs", () => {
  it("lets GetAtt read the API key SAM creates per entry of ApiKeys, named after the API and the entry", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        "  Api:",
        "    Type: AWS::Serverless::GraphQLApi",
        "    Properties:",
        "      SchemaInline: 'type Query { ping: String }'",
        "      Auth:",
        "        Type: API_KEY",
        "      ApiKeys:",
        "        WebKey:",
        "          Description: web client",
        "Outputs:",
        "  Key:",
        "    Value: !GetAtt ApiWebKey.ApiKey",
        "  Schema:",
        "    Value: !Ref ApiSchema",
        "  Typo:",
        "    Value: !GetAtt ApiWebKey.Key",
        "  Other:",
        "    Value: !GetAtt ApiMobileKey.ApiKey",
      ),
      { only: ["E1010", "E1020"] },
    );
    expect(brief(findings)).toEqual(["E1010 18:30", "E1010 20:20"]);
    expect(findings[0].message).toBe("AWS::AppSync::ApiKey has no attribute 'Key' (resource 'ApiWebKey')");
    expect(findings[1].message).toContain("GetAtt to undefined resource 'ApiMobileKey'");
  });
});

describe("E1033 GetStackOutput", () => {
  it("is a known function, in long and short form, whose value fits a string property", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Producer:",
        "    Type: String",
        "Resources:",
        "  Topic:",
        "    Type: AWS::SNS::Topic",
        "    Properties:",
        "      TopicName:",
        "        Fn::GetStackOutput:",
        "          StackName: !Ref Producer",
        "          OutputName: TopicName",
        "          Region: eu-west-1",
        "          RoleArn: !Sub arn:${AWS::Partition}:iam::123456789012:role/reader",
        "  Queue:",
        "    Type: AWS::SQS::Queue",
        "    Properties:",
        "      QueueName: !GetStackOutput",
        "        StackName: producer",
        "        OutputName: QueueName",
      ),
      { only: ["E0001", "E1010", "E1019", "E1020", "E1033", "E3012"] },
    );
    expect(brief(findings)).toEqual([]);
  });

  it("is taken inside Fn::Sub's variables, Fn::Base64 and Fn::Split, as AWS's own linters' valid templates use it", () => {
    // cfn-lint's test/fixtures/templates/good/functions/get_stack_output.yaml and
    // cloudformation-validate's good/functions/split_get_stack_output.yaml ("CloudFormation deploys it").
    const output = ["StackName: producer-stack", "OutputName: TopicName"];
    const findings = lint(
      yaml(
        "Resources:",
        "  Topic:",
        "    Type: AWS::SNS::Topic",
        "    Properties:",
        "      DisplayName:",
        "        Fn::Sub:",
        "          - prefix-${Value}",
        "          - Value:",
        "              Fn::GetStackOutput:",
        ...output.map((line) => `                ${line}`),
        "      TopicName:",
        "        Fn::Base64:",
        "          Fn::GetStackOutput:",
        ...output.map((line) => `            ${line}`),
        "  Bucket:",
        "    Type: AWS::S3::Bucket",
        "    Properties:",
        "      CorsConfiguration:",
        "        CorsRules:",
        "          - AllowedMethods: [GET]",
        "            AllowedOrigins: ['*']",
        "            ExposedHeaders:",
        "              Fn::Split:",
        "                - '||'",
        "                - Fn::GetStackOutput:",
        ...output.map((line) => `                    ${line}`),
      ),
      { only: ["E1018", "E1019", "E1021", "E1033"] },
    );
    expect(brief(findings)).toEqual([]);
  });

  it("needs StackName and OutputName, knows no other argument, and takes a mapping", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Topic:",
        "    Type: AWS::SNS::Topic",
        "    Properties:",
        "      TopicName:",
        "        Fn::GetStackOutput:",
        "          StackName: producer",
        "          Output: TopicName",
        "      DisplayName:",
        "        Fn::GetStackOutput: [producer, TopicName]",
        "      KmsMasterKeyId:",
        "        Fn::GetStackOutput:",
        "          StackName: [producer]",
        "          OutputName: !GetAZs ''",
      ),
      { only: ["E1033"] },
    );
    expect(findings.map((f) => `${f.range.start.line}:${f.range.start.column} ${f.message}`)).toEqual([
      "6:9 Fn::GetStackOutput needs OutputName",
      "8:11 Unknown argument 'Output' of Fn::GetStackOutput; it takes StackName, OutputName, Region and RoleArn",
      "10:9 Fn::GetStackOutput needs a mapping of StackName, OutputName and optionally Region and RoleArn; got a list",
      "13:22 The StackName of Fn::GetStackOutput must be a string",
      "14:23 Fn::GetAZs is not supported in the OutputName of Fn::GetStackOutput (supported there: Fn::Base64, Fn::FindInMap, Fn::GetAtt, Fn::If, Fn::ImportValue, Fn::Join, Fn::Select, Fn::Sub, Ref)",
    ]);
  });
});

describe("Fn::ForEach (language extensions)", () => {
  const template = yaml(
    "Transform: AWS::LanguageExtensions",
    "Resources:",
    "  Fn::ForEach::Topics:",
    "    - Name",
    "    - [A, B]",
    "    - Topic${Name}:",
    "        Type: AWS::SNS::Topic",
    "        Properties:",
    "          TopicName: !Ref Name",
    '          DisplayName: !Sub "${Name}-topic"',
    "Outputs:",
    "  First:",
    "    Value: !GetAtt TopicA.TopicArn",
    "  Missing:",
    "    Value: !Ref Name",
  );

  it("knows the loop identifier inside the loop and the resources it generates", () => {
    expect(brief(lint(template, { only: ["E1010", "E1019", "E1020"] }))).toEqual(["E1020 15:17"]);
  });
});
