/**
 * W3939: a resource or export name that is the same in every stack made from the template, which a second
 * stack (another pull request's preview) cannot take.
 */
import { describe, expect, it } from "vitest";
import { brief, lint, samFunction, yaml } from "../lint";

const only = { only: ["W3939"] };

/** A resource of `type` whose only property is `property: value`. */
function named(name: string, type: string, property: string, value: string): string[] {
  return [`  ${name}:`, `    Type: ${type}`, "    Properties:", `      ${property}: ${value}`];
}

describe("W3939 names that are the same in every stack", () => {
  it("reports a name written out, with where the second stack fails", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        ...samFunction("Fn", "FunctionName: orders-handler"),
        ...named("Queue", "AWS::SQS::Queue", "QueueName", "orders"),
        ...named("Role", "AWS::IAM::Role", "RoleName", "orders-role"),
        ...named("Bucket", "AWS::S3::Bucket", "BucketName", "orders-assets"),
      ),
      only,
    );
    expect(brief(findings)).toEqual(["W3939 9:21", "W3939 13:18", "W3939 17:17", "W3939 21:19"]);
    expect(findings[0].severity).toBe("warning");
    expect(findings.map((f) => f.message)).toEqual([
      "FunctionName of Fn is the same in every stack made from this template: a second stack in the same account " +
        "and Region, such as another pull request's preview, fails because the name is taken. Leave it out so " +
        "that CloudFormation names the resource, or build it from ${AWS::StackName}",
      "QueueName of Queue is the same in every stack made from this template: a second stack in the same account " +
        "and Region, such as another pull request's preview, fails because the name is taken. Leave it out so " +
        "that CloudFormation names the resource, or build it from ${AWS::StackName}",
      "RoleName of Role is the same in every stack made from this template: a second stack in the same account, " +
        "in any Region (IAM names are account-wide), such as another pull request's preview, fails because the " +
        "name is taken. Leave it out so that CloudFormation names the resource, or build it from ${AWS::StackName}",
      "BucketName of Bucket is the same in every stack made from this template: a second stack in any account " +
        "and Region (bucket names are shared by every account), such as another pull request's preview, fails " +
        "because the name is taken. Leave it out so that CloudFormation names the resource, or build it from " +
        "${AWS::StackName}",
    ]);
  });

  it("says that a second stack may be handed the first stack's load balancer or target group", () => {
    const findings = lint(
      yaml(
        "Resources:",
        ...named("Targets", "AWS::ElasticLoadBalancingV2::TargetGroup", "Name", "orders"),
        ...named("Queue", "AWS::SQS::Queue", "QueueName", "orders"),
      ),
      only,
    );
    expect(brief(findings)).toEqual(["W3939 5:13", "W3939 9:18"]);
    expect(findings[0].message).toBe(
      "Name of Targets is the same in every stack made from this template: a second stack in the same account " +
        "and Region, such as another pull request's preview, fails because the name is taken or, where every " +
        "setting is the same, may be handed the first stack's (the create call returns the one that exists), " +
        "which the first stack's delete then takes away. Leave it out so that CloudFormation names the resource, " +
        "or build it from ${AWS::StackName}",
    );
    expect(findings[1].message).not.toContain("handed");
  });

  it("asks only for the stack's name in a name the type requires, and knows names shared by every account", () => {
    const findings = lint(
      yaml(
        "Resources:",
        ...named("Alias", "AWS::KMS::Alias", "AliasName", "alias/orders"),
        "      TargetKeyId: 1234abcd-12ab-34cd-56ef-1234567890ab",
        ...named("Domain", "AWS::Cognito::UserPoolDomain", "Domain", "orders-auth"),
        "      UserPoolId: us-east-1_aBcDeFgHi",
        ...named("Build", "AWS::CodeBuild::Project", "Name", "orders-build"),
        ...named("Flow", "AWS::StepFunctions::StateMachine", "StateMachineName", "orders-flow"),
      ),
      only,
    );
    expect(brief(findings)).toEqual(["W3939 5:18", "W3939 10:15", "W3939 15:13", "W3939 19:25"]);
    const [alias, domain, build, flow] = findings.map((f) => f.message);
    expect(alias).toMatch(/fails because the name is taken\. Build it from \$\{AWS::StackName\}$/);
    expect(domain).toContain(
      "a second stack in the same Region, in any account (Cognito domains are shared by every account)",
    );
    expect(domain).toMatch(/\. Build it from \$\{AWS::StackName\}$/);
    expect(build).toContain("a second stack in the same account and Region");
    expect(build).toMatch(/Leave it out so that CloudFormation names the resource, or build it from/);
    expect(flow).toContain("may be handed the first stack's");
  });

  it("counts the Region and the account in a name as the same for two stacks, and narrows where they collide", () => {
    const findings = lint(
      yaml(
        "Resources:",
        ...named("Assets", "AWS::S3::Bucket", "BucketName", "!Sub 'assets-${AWS::AccountId}-${AWS::Region}'"),
        ...named("Regional", "AWS::S3::Bucket", "BucketName", "!Join ['-', [assets, !Ref AWS::Region]]"),
        ...named("Role", "AWS::IAM::Role", "RoleName", "!Sub ['${Prefix}-role', {Prefix: !Ref AWS::Region}]"),
        ...named("Logs", "AWS::Logs::LogGroup", "LogGroupName", "!If [Always, /app/a, /app/b]"),
        "Conditions:",
        "  Always: !Equals [!Ref AWS::Region, !Ref AWS::Region]",
      ),
      only,
    );
    expect(brief(findings)).toEqual(["W3939 5:19", "W3939 9:19", "W3939 13:17", "W3939 17:21"]);
    expect(findings.map((f) => f.message.split(", such as")[0])).toEqual([
      "BucketName of Assets is the same in every stack made from this template: a second stack in the same " +
        "account and Region",
      "BucketName of Regional is the same in every stack made from this template: a second stack in the same " +
        "Region, in any account (bucket names are shared by every account)",
      "RoleName of Role is the same in every stack made from this template: a second stack in the same account " +
        "and Region",
      "LogGroupName of Logs is the same in every stack made from this template: a second stack in the same " +
        "account and Region",
    ]);
  });

  it("leaves alone names that can differ between stacks, and resources a stack may leave out", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Stage: { Type: String, Default: dev }",
        "Conditions:",
        "  IsProd: !Equals [!Ref Stage, prod]",
        "Resources:",
        ...named("ByStack", "AWS::SQS::Queue", "QueueName", "!Sub '${AWS::StackName}-orders'"),
        ...named("ByStage", "AWS::SQS::Queue", "QueueName", "!Sub 'orders-${Stage}'"),
        ...named("ByVariable", "AWS::SQS::Queue", "QueueName", "!Sub ['${P}-orders', {P: !Ref Stage}]"),
        ...named("Joined", "AWS::SNS::Topic", "TopicName", "!Join ['-', [!Ref AWS::StackName, topic]]"),
        ...named("Mapped", "AWS::DynamoDB::Table", "TableName", "!FindInMap [Names, !Ref Stage, Table]"),
        ...named("Resolved", "AWS::SSM::Parameter", "Name", "'{{resolve:ssm:/app/name}}'"),
        ...named(
          "Maybe",
          "AWS::Logs::LogGroup",
          "LogGroupName",
          "!If [IsProd, /app/logs, !Ref AWS::NoValue]",
        ),
        "  ProdOnly:",
        "    Type: AWS::SQS::Queue",
        "    Condition: IsProd",
        "    Properties:",
        "      QueueName: orders-prod",
        ...named("Unnamed", "AWS::SQS::Queue", "DelaySeconds", "5"),
        "Mappings:",
        "  Names: { dev: { Table: t } }",
      ),
      only,
    );
    expect(brief(findings)).toEqual([]);
  });

  it("reports a security group name in the default VPC or in a VPC every stack shares, not in one the stack makes", () => {
    const group = (name: string, ...vpc: string[]) => [
      ...named(name, "AWS::EC2::SecurityGroup", "GroupName", "web"),
      "      GroupDescription: web servers",
      ...vpc,
    ];
    const findings = lint(
      yaml(
        "Parameters:",
        "  Vpc: { Type: 'AWS::EC2::VPC::Id' }",
        "Resources:",
        ...group("InDefault"),
        ...group("InShared", "      VpcId: vpc-0123456789abcdef0"),
        ...group("InImported", "      VpcId: !ImportValue shared-vpc-id"),
        ...group("InGiven", "      VpcId: !Ref Vpc"),
        ...group("InOwn", "      VpcId: !Ref OwnVpc"),
        "  OwnVpc:",
        "    Type: AWS::EC2::VPC",
        "    Properties:",
        "      CidrBlock: 10.0.0.0/16",
      ),
      only,
    );
    expect(brief(findings)).toEqual(["W3939 7:18", "W3939 12:18", "W3939 18:18"]);
    expect(findings[0].message).toContain(
      "a second stack in the same account and Region (in its default VPC: VpcId is left out), such as another " +
        "pull request's preview, fails because the name is taken",
    );
    expect(findings[1].message).toContain(
      "a second stack in the same VPC, such as another pull request's preview",
    );
    expect(findings[2].message).toContain("a second stack in the same VPC");
  });

  it("counts a name imported from an export written out as the same for every stack in the account and Region", () => {
    const findings = lint(
      yaml(
        "Resources:",
        ...named("Imported", "AWS::S3::Bucket", "BucketName", "!ImportValue shared-bucket-name"),
        ...named(
          "Built",
          "AWS::SQS::Queue",
          "QueueName",
          "!Sub ['${Base}-orders', {Base: !ImportValue app-name}]",
        ),
        ...named(
          "ByStack",
          "AWS::SQS::Queue",
          "QueueName",
          "!ImportValue { 'Fn::Sub': '${AWS::StackName}-q' }",
        ),
      ),
      only,
    );
    expect(brief(findings)).toEqual(["W3939 5:19", "W3939 9:18"]);
    expect(findings[0].message).toContain("a second stack in the same account and Region, such as another");
  });

  it("reports an export name written out, and a database identifier", () => {
    const findings = lint(
      yaml(
        "Conditions:",
        "  Never: !Equals [a, b]",
        "Resources:",
        ...named("Db", "AWS::RDS::DBCluster", "DBClusterIdentifier", "orders-db"),
        "Outputs:",
        "  Fixed:",
        "    Value: !Ref Db",
        "    Export: { Name: orders-db }",
        "  Regional:",
        "    Value: !Ref Db",
        "    Export: { Name: !Sub 'orders-${AWS::Region}' }",
        "  ByStack:",
        "    Value: !Ref Db",
        "    Export: { Name: !Sub '${AWS::StackName}-db' }",
        "  Sometimes:",
        "    Condition: Never",
        "    Value: !Ref Db",
        "    Export: { Name: orders-sometimes }",
      ),
      only,
    );
    expect(brief(findings)).toEqual(["W3939 7:28", "W3939 11:21", "W3939 14:21"]);
    expect(findings[1].message).toBe(
      "The export name of output Fixed is the same in every stack made from this template: a second stack in the " +
        "same account and Region, such as another pull request's preview, fails because the export name is " +
        "taken. Build it from ${AWS::StackName}",
    );
  });

  it("reports the name a SAM event gives the rule or schedule SAM makes of it", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        ...samFunction(
          "Fn",
          "Events:",
          "  Nightly:",
          "    Type: Schedule",
          "    Properties: {Schedule: rate(1 day), Name: nightly-job}",
          "  OnUpload:",
          "    Type: EventBridgeRule",
          "    Properties: {Pattern: {source: [aws.s3]}, RuleName: !Sub 'uploads-${AWS::Region}'}",
          "  Hourly:",
          "    Type: ScheduleV2",
          "    Properties: {ScheduleExpression: rate(1 hour), Name: !Sub '${AWS::StackName}-hourly'}",
        ),
      ),
      only,
    );
    expect(brief(findings)).toEqual(["W3939 12:53", "W3939 15:63"]);
    expect(findings.map((f) => f.message.split(": a second")[0])).toEqual([
      "Name of Schedule event Nightly of Fn (SAM names its AWS::Events::Rule so) is the same in every stack made " +
        "from this template",
      "RuleName of EventBridgeRule event OnUpload of Fn (SAM names its AWS::Events::Rule so) is the same in " +
        "every stack made from this template",
    ]);
  });
});
