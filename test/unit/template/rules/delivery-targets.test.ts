/**
 * E3906/W3906 log subscription filters; E3967/W3967 custom Config rules and SES receipt rules; W3907 EventBridge targets, SNS subscriptions, API Gateway
 * integrations and Cognito triggers, without grants.
 */
import { describe, expect, it } from "vitest";
import { brief, lambdaFunction, lint, located, yaml } from "../lint";

const FUNCTION = lambdaFunction("Fn");
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

describe("W3907 API Gateway integrations and Cognito triggers", () => {
  it("finds a REST integration URI and user pool triggers naming a function nothing lets them invoke, not one invoked as a role", () => {
    const findings = lint(
      yaml(
        "Resources:",
        ...lambdaFunction("Fn"),
        ...lambdaFunction("Other"),
        "  Api:",
        "    Type: AWS::ApiGateway::RestApi",
        "    Properties:",
        "      Name: api",
        "  Method:",
        "    Type: AWS::ApiGateway::Method",
        "    Properties:",
        "      RestApiId: !Ref Api",
        "      ResourceId: !GetAtt Api.RootResourceId",
        "      HttpMethod: GET",
        "      AuthorizationType: NONE",
        "      Integration:",
        "        Type: AWS_PROXY",
        "        IntegrationHttpMethod: POST",
        '        Uri: !Sub "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations"',
        "  Mock:",
        "    Type: AWS::ApiGateway::Method",
        "    Properties:",
        "      RestApiId: !Ref Api",
        "      ResourceId: !GetAtt Api.RootResourceId",
        "      HttpMethod: POST",
        "      AuthorizationType: NONE",
        "      Integration: { Type: MOCK }",
        "  HttpApi:",
        "    Type: AWS::ApiGatewayV2::Api",
        "    Properties:",
        "      Name: http",
        "      ProtocolType: HTTP",
        "  Integration:",
        "    Type: AWS::ApiGatewayV2::Integration",
        "    Properties:",
        "      ApiId: !Ref HttpApi",
        "      IntegrationType: AWS_PROXY",
        "      IntegrationUri: !GetAtt Other.Arn",
        '      PayloadFormatVersion: "2.0"',
        "  HttpPermission:",
        "    Type: AWS::Lambda::Permission",
        "    Properties:",
        "      FunctionName: !Ref Other",
        "      Action: lambda:InvokeFunction",
        "      Principal: apigateway.amazonaws.com",
        "  Pool:",
        "    Type: AWS::Cognito::UserPool",
        "    Properties:",
        "      LambdaConfig:",
        "        PreSignUp: !GetAtt Fn.Arn",
        "        CustomEmailSender:",
        "          LambdaArn: !GetAtt Fn.Arn",
        "          LambdaVersion: V1_0",
        // Invoked as this role: the function needs no permission for API Gateway.
        "  WithRole:",
        "    Type: AWS::ApiGateway::Method",
        "    Properties:",
        "      RestApiId: !Ref Api",
        "      ResourceId: !GetAtt Api.RootResourceId",
        "      HttpMethod: PUT",
        "      AuthorizationType: NONE",
        "      Integration:",
        "        Type: AWS_PROXY",
        "        IntegrationHttpMethod: POST",
        "        Credentials: arn:aws:iam::123456789012:role/apigateway-invoke",
        '        Uri: !Sub "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations"',
      ),
      { only: RULES },
    );
    expect(brief(findings)).toEqual(["W3907 30:14", "W3907 61:20", "W3907 63:22"]);
    expect(findings[0].message).toBe(
      "Method 'Method' invokes 'Fn', which has no AWS::Lambda::Permission that lets apigateway.amazonaws.com invoke " +
        "it: the API deploys, but every request that needs it fails with an internal server error; add an " +
        "AWS::Lambda::Permission with FunctionName !GetAtt Fn.Arn, Action lambda:InvokeFunction, Principal " +
        "apigateway.amazonaws.com",
    );
    expect(findings[1].message).toMatch(
      /^User pool 'Pool' calls 'Fn', which has no AWS::Lambda::Permission that lets cognito-idp\.amazonaws\.com invoke it: the user pool deploys, but every sign-up or sign-in that runs the trigger fails;/,
    );
  });
});

describe("W3910 public function URLs", () => {
  const source = (...actions: string[]) =>
    yaml(
      "Resources:",
      ...FUNCTION,
      "  Url:",
      "    Type: AWS::Lambda::Url",
      "    Properties:",
      "      AuthType: NONE",
      "      TargetFunctionArn: !GetAtt Fn.Arn",
      "  IamUrl:",
      "    Type: AWS::Lambda::Url",
      "    Properties:",
      "      AuthType: AWS_IAM",
      "      TargetFunctionArn: !GetAtt Fn.Arn",
      ...actions.flatMap((action, index) => [
        `  Permission${index}:`,
        "    Type: AWS::Lambda::Permission",
        "    Properties:",
        "      FunctionName: !Ref Fn",
        `      Action: ${action}`,
        '      Principal: "*"',
      ]),
    );

  it("finds a URL with AuthType NONE whose function nobody may call through its URL", () => {
    const findings = lint(source("lambda:InvokeFunction"), { only: ["W3910"] });
    expect(brief(findings)).toEqual(["W3910 13:26"]);
    expect(findings[0].message).toBe(
      "Function URL 'Url' has AuthType NONE, and no AWS::Lambda::Permission lets everyone call " +
        "lambda:InvokeFunctionUrl on 'Fn': the URL deploys, but every request is refused (403 Forbidden); add an " +
        "AWS::Lambda::Permission with FunctionName !Ref Fn and Principal '*' (a URL created since October 2025 " +
        "needs both lambda:InvokeFunctionUrl, with FunctionUrlAuthType NONE, and lambda:InvokeFunction)",
    );
    expect(lint(source(), { only: ["W3910"] })[0].message).toContain(
      "lets everyone call lambda:InvokeFunctionUrl or lambda:InvokeFunction on 'Fn'",
    );
  });

  it("accepts a URL with both permissions", () => {
    expect(lint(source("lambda:InvokeFunctionUrl", "lambda:InvokeFunction"), { only: ["W3910"] })).toEqual(
      [],
    );
  });
});

describe("E3967/W3967 functions a service tests when the rule is created", () => {
  const fn = (name: string) => [
    `  ${name}:`,
    "    Type: AWS::Lambda::Function",
    "    Properties:",
    "      Runtime: python3.12",
    "      Handler: index.handler",
    "      Role: arn:aws:iam::111122223333:role/fn",
    "      Code: { ZipFile: 'def handler(event, context): pass' }",
  ];
  const permission = (name: string, target: string, principal: string) => [
    `  ${name}:`,
    "    Type: AWS::Lambda::Permission",
    `    Properties: { FunctionName: !GetAtt ${target}.Arn, Action: lambda:InvokeFunction, Principal: ${principal} }`,
  ];
  const configRule = (name: string, target: string, ...more: string[]) => [
    `  ${name}:`,
    "    Type: AWS::Config::ConfigRule",
    ...more,
    "    Properties:",
    "      Source:",
    "        Owner: CUSTOM_LAMBDA",
    `        SourceIdentifier: !GetAtt ${target}.Arn`,
    "        SourceDetails: [{ EventSource: aws.config, MessageType: ConfigurationItemChangeNotification }]",
  ];

  it("reports a custom Config rule or a receipt rule whose function has no permission, or that does not wait for it", () => {
    const findings = lint(
      yaml(
        "Resources:",
        ...fn("Bare"),
        ...fn("Granted"),
        ...permission("ConfigMayInvoke", "Granted", "config.amazonaws.com"),
        ...fn("ForMail"),
        ...permission("S3MayInvoke", "ForMail", "s3.amazonaws.com"),
        ...configRule("NoGrant", "Bare"),
        ...configRule("Racing", "Granted"),
        ...configRule("Waiting", "Granted", "    DependsOn: ConfigMayInvoke"),
        "  Managed:",
        "    Type: AWS::Config::ConfigRule",
        "    Properties: { Source: { Owner: AWS, SourceIdentifier: S3_BUCKET_VERSIONING_ENABLED } }",
        "  Mail:",
        "    Type: AWS::SES::ReceiptRule",
        "    Properties:",
        "      RuleSetName: inbound",
        "      Rule:",
        "        Enabled: true",
        "        Actions:",
        "          - LambdaAction: { FunctionArn: !GetAtt ForMail.Arn, InvocationType: Event }",
      ),
      { only: ["E3967", "W3967"] },
    );
    expect(located(findings)).toEqual([
      "E3967 34 Config rule NoGrant calls Bare, which has no AWS::Lambda::Permission that lets config.amazonaws.com " +
        "invoke it: the service checks that it may invoke the function when the rule is created, and the rule fails " +
        "to create; add an AWS::Lambda::Permission with FunctionName !GetAtt Bare.Arn, Action lambda:InvokeFunction, " +
        "Principal config.amazonaws.com, and give the rule DependsOn on it",
      "W3967 41 Config rule Racing does not wait for the permission that lets the service invoke Granted, so " +
        "CloudFormation may create the rule first, and it then fails to create; give it DependsOn on ConfigMayInvoke",
      expect.stringMatching(/^E3967 61 receipt rule Mail calls ForMail, which has no .* ses\.amazonaws\.com/),
    ]);
  });
});
