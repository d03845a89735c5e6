import { describe, expect, it } from "vitest";
import { brief, lambdaFunction, lint, located, yaml } from "../lint";

const ONLY = ["E3946", "W1030", "W1031", "E3030", "E3034"];

/** A function whose memory, architecture and name come from parameters, and a bucket only one stage makes. */
const template = yaml(
  "Parameters:",
  "  Memory:",
  "    Type: Number",
  "    Default: 128",
  "  Arch:",
  "    Type: String",
  "    Default: arm64",
  "  Stage:",
  "    Type: String",
  "    Default: dev",
  "  Token:",
  "    Type: String",
  "    NoEcho: true",
  "Conditions:",
  "  IsProd: !Equals [!Ref Stage, prod]",
  "Resources:",
  "  Fn:",
  "    Type: AWS::Lambda::Function",
  "    Properties:",
  "      MemorySize: !Ref Memory",
  "      Architectures: [!Ref Arch]",
  "      FunctionName: !Sub orders-${Stage}",
  "      Runtime: python3.12",
  "      Handler: app.handler",
  "      Role: arn:aws:iam::123456789012:role/x",
  "      Code: {ZipFile: x}",
  "      Environment:",
  "        Variables:",
  "          TOKEN: !Ref Token",
  "  Archive:",
  "    Type: AWS::Lambda::Function",
  "    Condition: IsProd",
  "    Properties:",
  "      MemorySize: !Ref Memory",
  "      Runtime: python3.12",
  "      Handler: app.handler",
  "      Role: arn:aws:iam::123456789012:role/x",
  "      Code: {ZipFile: x}",
);

describe("E3946 values passed for parameters at deploy", () => {
  it("judges the Defaults when no value is passed, as warnings (W1030)", () => {
    const findings = lint(template.replace("Default: arm64", "Default: x86-64"), { only: ONLY });
    expect(brief(findings)).toEqual(["W1030 7:14"]);
  });

  it("judges the value passed, at the Ref, as an error where the resource is always made, never quoting it", () => {
    const findings = lint(template, {
      only: ONLY,
      parameterValues: { Memory: "64", Arch: "x86-64", Stage: "prod" },
    });
    expect(located(findings)).toEqual([
      "E3946 20 the value passed for parameter 'Memory' does not fit: 'MemorySize' of AWS::Lambda::Function must be at least 128",
      "E3946 21 the value passed for parameter 'Arch' does not fit: 'Architectures[0]' of AWS::Lambda::Function must be one of x86_64, arm64",
      // Stage is prod: the archive's Condition holds, and the stack makes it.
      "E3946 34 the value passed for parameter 'Memory' does not fit: 'MemorySize' of AWS::Lambda::Function must be at least 128",
    ]);
    expect(findings.map((f) => f.severity)).toEqual(["error", "error", "error"]);
    // Without Stage, the archive may not be made: a warning.
    const unsure = lint(template, { only: ONLY, parameterValues: { Memory: "64" } });
    expect(brief(unsure)).toEqual(["E3946 20:19", "W1030 34:19"]);
    for (const finding of findings) {
      expect(finding.message).not.toContain("x86-64");
      expect(finding.message).not.toMatch(/\b64\b/);
    }
  });

  it("leaves out the Default of a parameter a value is passed for, and a resource a passed value's condition leaves out", () => {
    const bad = template.replace("Default: 128", "Default: 64");
    expect(brief(lint(bad, { only: ONLY }))).toEqual(["W1030 4:14"]);
    expect(lint(bad, { only: ONLY, parameterValues: { Memory: "256" } })).toEqual([]);
    // Stage is dev: the prod archive is not made.
    expect(brief(lint(template, { only: ONLY, parameterValues: { Memory: "64", Stage: "dev" } }))).toEqual([
      "E3946 20:19",
    ]);
    // What a Fn::Sub makes with a passed value, too: judged only where the resource may be made.
    const archive = yaml(
      "Parameters:",
      "  Stage: {Type: String, Default: dev}",
      "  Name: {Type: String, Default: orders}",
      "Conditions:",
      "  IsProd: !Equals [!Ref Stage, prod]",
      "Resources:",
      "  Archive:",
      "    Type: AWS::S3::Bucket",
      "    Condition: IsProd",
      "    Properties:",
      "      BucketName: !Sub ${Name}-archive",
    );
    const only = [...ONLY, "W1031"];
    expect(lint(archive, { only, parameterValues: { Stage: "dev", Name: "Bad_Name" } })).toEqual([]);
    expect(brief(lint(archive, { only, parameterValues: { Stage: "prod", Name: "Bad_Name" } }))).toEqual([
      "E3946 11:19",
    ]);
    expect(brief(lint(archive, { only, parameterValues: { Name: "Bad_Name" } }))).toEqual(["W1031 11:19"]);
  });

  it("follows the branch of a Fn::If that the values passed decide, and only that one", () => {
    const branched = yaml(
      "Parameters:",
      "  Stage: {Type: String, Default: dev}",
      "  Memory: {Type: Number, Default: 128}",
      "  Small: {Type: Number, Default: 64}",
      "  Region: {Type: String, Default: eu}",
      "Conditions:",
      "  IsProd: !Equals [!Ref Stage, prod]",
      "  IsProdEu: !And [!Condition IsProd, !Equals [eu, !Ref Region]]",
      "  IsTest: !Or [!Equals [!Ref Stage, test], !Not [!Condition IsProd]]",
      "Resources:",
      "  Fn:",
      "    Type: AWS::Lambda::Function",
      "    Properties:",
      "      MemorySize: !If [IsProd, !Ref Memory, !Ref Small]",
      "      Timeout: !If [IsProdEu, 0, !Ref AWS::NoValue]",
      "      EphemeralStorage: {Size: !If [IsTest, !Ref Memory, 512]}",
      "      FunctionName: !If [IsProd, !Sub '${Stage}-${Memory}-x', short]",
      "      Runtime: python3.12",
      "      Handler: app.handler",
      "      Role: arn:aws:iam::123456789012:role/x",
      "      Code: {ZipFile: x}",
    );
    const only = [...ONLY, "W1031"];
    // Nothing passed: the branches' parameters are not judged (the literal 0 is, in both cases).
    expect(brief(lint(branched, { only }))).toEqual(["E3034 15:31"]);
    // Stage prod: the true branches are taken; Memory passed 64 is too small there, and Small's
    // Default 64 in the branch not taken is not judged. Region is not passed: IsProdEu is unknown.
    const prod = lint(branched, { only, parameterValues: { Stage: "prod", Memory: "64" } });
    expect(brief(prod)).toEqual(["E3946 14:32", "E3034 15:31"]);
    expect(prod[0].message).toBe(
      "the value passed for parameter 'Memory' does not fit: 'MemorySize' of AWS::Lambda::Function must be at least 128",
    );
    // Stage dev: IsProd false, so IsTest holds through its Fn::Not; the EphemeralStorage branch
    // takes Memory (passed 64, under the 512 it needs), and the MemorySize branch takes Small,
    // whose Default is not judged in a decided branch.
    const dev = lint(branched, { only, parameterValues: { Stage: "dev", Memory: "64", Region: "us" } });
    expect(brief(dev)).toEqual(["E3034 15:31", "E3946 16:45"]);
    // What a Fn::Sub makes in a decided branch is certain too.
    const long = lint(branched, { only, parameterValues: { Stage: "p".repeat(70) } });
    expect(brief(long)).toEqual(["E3034 15:31"]);
    const named = lint(branched, { only, parameterValues: { Stage: "prod", Memory: "1".repeat(70) } });
    expect(brief(named)).toEqual(["E3946 14:32", "E3034 15:31", "E3946 17:34"]);
  });

  it("decides a condition that compares what a Fn::FindInMap picks with a passed key", () => {
    // The template's Archive function, made where the entry Stage picks says so.
    const mapped = template
      .replace(
        "Conditions:",
        "Mappings:\n  Stages:\n    prod: {Archive: 'yes'}\n    dev: {Archive: 'no'}\nConditions:",
      )
      .replace(
        "IsProd: !Equals [!Ref Stage, prod]",
        "IsProd: !Equals [!FindInMap [Stages, !Ref Stage, Archive], 'yes']",
      );
    const archive = (values: Record<string, string>) =>
      lint(mapped, { only: ONLY, parameterValues: values }).filter((f) => f.range.start.line > 30);
    // Stage prod picks 'yes': the function is made, and the memory passed is an error.
    expect(brief(archive({ Stage: "prod", Memory: "64" }))).toEqual(["E3946 38:19"]);
    // Stage dev picks 'no': the function is not made, and nothing of it is judged.
    expect(archive({ Stage: "dev", Memory: "64" })).toEqual([]);
    // A key the mapping lacks, or a Stage not passed, decides nothing: the function may be made.
    expect(brief(archive({ Stage: "qa", Memory: "64" }))).toEqual(["W1030 38:19"]);
    expect(brief(archive({ Memory: "64" }))).toEqual(["W1030 38:19"]);
  });

  it("decides a condition that compares what a Fn::Sub makes of passed values", () => {
    const subbed = (condition: string) =>
      template.replace(
        "IsProd: !Equals [!Ref Stage, prod]",
        `IsProd: !Equals [${condition}, 'prod-\${x}-arm64']`,
      );
    const archive = (condition: string, values: Record<string, string>) =>
      brief(
        lint(subbed(condition), { only: ONLY, parameterValues: values }).filter(
          (f) => f.range.start.line > 30,
        ),
      );
    // The Sub's own variables, its Refs and an escaped `${!x}` make the text compared.
    const sub = "!Sub ['${Stage}-${!x}-${Part}', {Part: !Ref Arch}]";
    expect(archive(sub, { Stage: "prod", Arch: "arm64", Memory: "64" })).toEqual(["E3946 34:19"]);
    expect(archive(sub, { Stage: "prod", Arch: "x86_64", Memory: "64" })).toEqual([]);
    // A value not passed, or a resource's attribute, decides nothing.
    expect(archive(sub, { Stage: "prod", Memory: "64" })).toEqual(["W1030 34:19"]);
    const attribute = "!Sub '${Stage}-${!x}-${Fn.Arn}'";
    expect(archive(attribute, { Stage: "prod", Arch: "arm64", Memory: "64" })).toEqual(["W1030 34:19"]);
  });

  it("judges the list a Fn::Split makes of a passed text, its items never quoted", () => {
    const split = yaml(
      "Parameters:",
      "  Subnets: {Type: String, Default: 'subnet-0123456789abcdef0,subnet-0123456789abcdef1'}",
      "  Stage: {Type: String, Default: dev}",
      "Conditions:",
      "  IsProd: !Equals [!Ref Stage, prod]",
      "Resources:",
      "  Lb:",
      "    Type: AWS::ElasticLoadBalancingV2::LoadBalancer",
      "    Properties:",
      "      Subnets: !Split [',', !Ref Subnets]",
      "  ProdLb:",
      "    Type: AWS::ElasticLoadBalancingV2::LoadBalancer",
      "    Condition: IsProd",
      "    Properties:",
      "      Subnets: !Split [',', !Sub '${Subnets}']",
    );
    const only = [...ONLY, "W1033"];
    expect(lint(split, { only })).toEqual([]);
    const passed = lint(split, {
      only,
      parameterValues: { Subnets: "sg-12345678,subnet-0123456789abcdef1" },
    });
    // Certain where the resource is made; a warning where a condition the values do not decide may leave it out.
    expect(located(passed)).toEqual([
      "E3946 10 Fn::Split gives a value as item 0 (with the value passed for parameter 'Subnets'): 'Subnets[0]' of AWS::ElasticLoadBalancingV2::LoadBalancer must be a subnet id",
      "W1033 15 Fn::Split gives a value as item 0 (with the value passed for parameter 'Subnets'): 'Subnets[0]' of AWS::ElasticLoadBalancingV2::LoadBalancer must be a subnet id",
    ]);
    for (const finding of passed) expect(finding.message).not.toContain("sg-12345678");
    // An item a Fn::Select picks from such a list is what the stack gets, never quoted either.
    const picked = split.replace(
      "Subnets: !Split [',', !Ref Subnets]",
      "Subnets: [!Select [1, !Split [',', !Ref Subnets]]]",
    );
    const select = lint(picked, {
      only,
      parameterValues: { Subnets: "subnet-0123456789abcdef1,sg-12345678", Stage: "dev" },
    });
    expect(located(select)).toEqual([
      "E3946 10 Fn::Select gives a value (with the value passed for parameter 'Subnets'): 'Subnets[0]' of AWS::ElasticLoadBalancingV2::LoadBalancer must be a subnet id",
    ]);
    // Stage dev: the second balancer is not made, and nothing of it is judged.
    const dev = lint(split, { only, parameterValues: { Subnets: "sg-12345678", Stage: "dev" } });
    expect(brief(dev)).toEqual(["E3946 10:16"]);
  });

  it("judges a runtime a passed value names (E2533), as certain, without naming it", () => {
    const runtime = yaml(
      "Parameters:",
      "  Rt: {Type: String, Default: python3.12}",
      "  Env: {Type: String, Default: dev}",
      "Mappings:",
      "  Runtimes:",
      "    dev: {Name: python3.12}",
      "    prod: {Name: python3.7}",
      "Resources:",
      "  Fn:",
      "    Type: AWS::Lambda::Function",
      "    Properties:",
      "      Runtime: !Ref Rt",
      "      Handler: app.handler",
      "      Role: arn:aws:iam::123456789012:role/x",
      "      Code: {ZipFile: x}",
      "  Mapped:",
      "    Type: AWS::Lambda::Function",
      "    Properties:",
      "      Runtime: !FindInMap [Runtimes, !Ref Env, Name]",
      "      Handler: app.handler",
      "      Role: arn:aws:iam::123456789012:role/x",
      "      Code: {ZipFile: x}",
    );
    const only = ["E2533"];
    // The Defaults name a current runtime.
    expect(lint(runtime, { only })).toEqual([]);
    const passed = lint(runtime, { only, parameterValues: { Rt: "python3.7", Env: "prod" } });
    expect(passed.map((f) => `${f.severity} ${f.range.start.line}`)).toEqual(["error 12", "error 19"]);
    expect(passed[0].message).toBe(
      "Ref gives a value (with the value passed for parameter 'Rt'): the runtime was deprecated on 2023-12-04; Lambda blocks creating functions with it from 2024-01-09 and updating them from 2026-03-09. Functions with it can no longer be created or updated. Move to python3.14.",
    );
    expect(passed[1].message).toMatch(
      /^Fn::FindInMap gives 'python3.7' \(with the value passed for parameter 'Env'\): Runtime python3.7 /,
    );
  });

  it("compares a passed visibility timeout or function timeout (E3505), as certain, without naming it", () => {
    const queued = yaml(
      "Parameters:",
      "  Visibility: {Type: Number, Default: 120}",
      "  Seconds: {Type: Number, Default: 60}",
      "Resources:",
      "  Queue:",
      "    Type: AWS::SQS::Queue",
      "    Properties:",
      "      VisibilityTimeout: !Ref Visibility",
      ...lambdaFunction("Worker", undefined, "Timeout: !Ref Seconds"),
      "  Mapping:",
      "    Type: AWS::Lambda::EventSourceMapping",
      "    Properties:",
      "      EventSourceArn: !GetAtt Queue.Arn",
      "      FunctionName: !Ref Worker",
    );
    const only = ["E3505"];
    expect(lint(queued, { only })).toEqual([]);
    const both = lint(queued, { only, parameterValues: { Visibility: "45", Seconds: "60" } });
    expect(both.map((f) => `${f.severity} ${f.message}`)).toEqual([
      "error Queue 'Queue' has a VisibilityTimeout of a value (with the value passed for parameter 'Visibility'), less than " +
        "the Timeout (with the value passed for parameter 'Seconds') of function 'Worker' that reads it; Lambda " +
        "requires a visibility timeout of at least the function timeout (AWS recommends six times it)",
    ]);
    // The function's timeout from its Default is a choice another deploy may not make: a warning.
    const short = lint(queued, { only, parameterValues: { Visibility: "45" } });
    expect(short.map((f) => f.severity)).toEqual(["warning"]);
    expect(short[0].message).toContain(
      "less than the 60-second Timeout (with the Default of parameter 'Seconds')",
    );
  });

  it("takes the branch a decided condition picks inside a Fn::Sub's variables", () => {
    const named = yaml(
      "Parameters:",
      "  Stage: {Type: String, Default: dev}",
      "  Team: {Type: String, Default: core}",
      "Conditions:",
      "  IsProd: !Equals [!Ref Stage, prod]",
      "Resources:",
      "  Assets:",
      "    Type: AWS::S3::Bucket",
      "    Properties:",
      "      BucketName: !Sub",
      "        - '${Owner}-assets'",
      "        - Owner: !If [IsProd, !Ref Team, Shared_Dev]",
    );
    const only = [...ONLY, "E3031", "W1031"];
    // Undecided: the false branch's text is a choice, a warning; the true branch's parameter is unknown.
    expect(brief(lint(named, { only }))).toEqual(["W1031 10:19"]);
    // Stage prod: the Team passed is what the bucket is named with, certain.
    const prod = lint(named, { only, parameterValues: { Stage: "prod", Team: "Core_Team" } });
    expect(brief(prod)).toEqual(["E3946 10:19"]);
    expect(prod[0].message).not.toContain("Core_Team");
    expect(lint(named, { only, parameterValues: { Stage: "prod", Team: "core" } })).toEqual([]);
    // Stage dev: the written text is taken, as certain as a value passed.
    const dev = lint(named, { only, parameterValues: { Stage: "dev", Team: "Core_Team" } });
    expect(brief(dev)).toEqual(["E3946 10:19"]);
    expect(dev[0].message).toMatch(
      /^Fn::Sub gives 'Shared_Dev-assets' \(with condition 'IsProd' false, as the values passed decide it\): 'BucketName' of AWS::S3::Bucket must /,
    );
  });

  it("judges a passed list as the list CloudFormation makes of it, and a passed number as its text", () => {
    const listed = yaml(
      "Parameters:",
      "  Archs: {Type: CommaDelimitedList, Default: arm64}",
      "  Groups: {Type: 'List<AWS::EC2::SecurityGroup::Id>'}",
      "  Subnets: {Type: 'List<AWS::EC2::Subnet::Id>'}",
      "  Account: {Type: Number, Default: 123456789012}",
      "Resources:",
      "  Fn:",
      "    Type: AWS::Lambda::Function",
      "    Properties:",
      "      Architectures: !Ref Archs",
      "      VpcConfig:",
      "        SecurityGroupIds: !Ref Groups",
      "        SubnetIds: !Ref Subnets",
      "      Runtime: python3.12",
      "      Handler: app.handler",
      "      Role: arn:aws:iam::123456789012:role/x",
      "      Code: {ZipFile: x}",
      "  Invoke:",
      "    Type: AWS::Lambda::Permission",
      "    Properties:",
      "      Action: lambda:InvokeFunction",
      "      FunctionName: !Ref Fn",
      "      Principal: s3.amazonaws.com",
      "      SourceAccount: !Ref Account",
    );
    const groups = [1, 2, 3, 4, 5, 6].map((n) => `sg-1234567${n}`).join(",");
    const findings = lint(listed, {
      only: ONLY.concat("E3031", "E3032"),
      parameterValues: {
        Archs: "arm64, x86-64",
        Groups: groups,
        Subnets: "subnet-1 , subnet-2",
        Account: "12345",
      },
    });
    expect(located(findings)).toEqual([
      "E3946 10 the value passed for parameter 'Archs' does not fit: 'Architectures' of AWS::Lambda::Function must have at most 1 item",
      "E3946 10 the value passed for parameter 'Archs' does not fit: 'Architectures[1]' of AWS::Lambda::Function must be one of x86_64, arm64",
      "E3946 12 the value passed for parameter 'Groups' does not fit: 'VpcConfig.SecurityGroupIds' of AWS::Lambda::Function must have at most 5 items",
      "E3946 24 the value passed for parameter 'Account' does not fit: 'SourceAccount' of AWS::Lambda::Permission must be at least 12 characters long",
      "E3946 24 the value passed for parameter 'Account' does not fit: 'SourceAccount' of AWS::Lambda::Permission must match the pattern ^\\d{12}$",
    ]);
    const fitting = {
      Archs: " x86_64 ",
      Groups: "sg-12345671,sg-12345672",
      Subnets: "subnet-1",
      Account: "123456789012",
    };
    expect(lint(listed, { only: ONLY.concat("E3031", "E3032"), parameterValues: fitting })).toEqual([]);
  });

  it("judges what a Fn::Sub makes with a passed value, without quoting it", () => {
    const findings = lint(template, { only: ONLY, parameterValues: { Stage: "x".repeat(60) } });
    expect(located(findings)).toEqual([
      "E3946 22 Fn::Sub gives a value (with the value passed for parameter 'Stage'): 'FunctionName' of AWS::Lambda::Function must be at most 64 characters long",
    ]);
    expect(lint(template, { only: ONLY, parameterValues: { Stage: "x".repeat(50) } })).toEqual([]);
    // A bucket named after the stage: a capital fails the bucket name pattern, certain at deploy.
    const bucket = yaml(
      "Parameters:",
      "  Stage:",
      "    Type: String",
      "    Default: dev",
      "Resources:",
      "  Assets:",
      "    Type: AWS::S3::Bucket",
      "    Properties:",
      "      BucketName: !Join ['-', [!Ref Stage, assets, !Ref AWS::AccountId]]",
    );
    const named = lint(bucket, { only: [...ONLY, "E3031", "W1032"], parameterValues: { Stage: "Prod_Zz" } });
    expect(brief(named)).toEqual(["E3946 9:19"]);
    expect(named[0].message).toMatch(
      /^Fn::Join gives a value \(with the value passed for parameter 'Stage', AWS::AccountId '123456789012'\): 'BucketName' of AWS::S3::Bucket must /,
    );
    expect(named[0].message).not.toContain("Prod_Zz");
    expect(lint(bucket, { only: [...ONLY, "E3031", "W1032"], parameterValues: { Stage: "prod" } })).toEqual(
      [],
    );
  });

  it("picks the mapping entry a passed key names", () => {
    const mapped = yaml(
      "Parameters:",
      "  Env:",
      "    Type: String",
      "    Default: dev",
      "    AllowedValues: [dev, prod]",
      "  Archs:",
      "    Type: String",
      "    Default: arm64",
      "Mappings:",
      "  Sizes:",
      "    dev: {Memory: 128, Runtime: python3.12}",
      "    prod: {Memory: 64, Runtime: python3.7}",
      "Resources:",
      "  Fn:",
      "    Type: AWS::Lambda::Function",
      "    Properties:",
      "      MemorySize: !FindInMap [Sizes, !Ref Env, Memory]",
      "      Runtime: !FindInMap [Sizes, !Ref Env, Runtime]",
      "      Handler: app.handler",
      "      Role: arn:aws:iam::123456789012:role/x",
      "      Code: {ZipFile: x}",
      "      Architectures: !Split [',', !Ref Archs]",
    );
    const only = [...ONLY, "W1034", "E2533", "W1033", "W1035"];
    // Without values each key is tried: prod's entries are warnings.
    expect(brief(lint(mapped, { only }))).toEqual(["W1034 17:19", "E2533 18:16"]);
    // With Env=prod passed, prod's entry is what the stack gets: an error, quoting the mapping's value.
    const prod = lint(mapped, { only, parameterValues: { Env: "prod", Archs: "x86-64" } });
    expect(located(prod)).toEqual([
      "E3946 17 Fn::FindInMap gives 64 (with the value passed for parameter 'Env'): 'MemorySize' of AWS::Lambda::Function must be at least 128",
      "E2533 18 Fn::FindInMap gives 'python3.7' (with the value passed for parameter 'Env'): Runtime python3.7 was deprecated on 2023-12-04; Lambda blocks creating functions with it from 2024-01-09 and updating them from 2026-03-09. Functions with it can no longer be created or updated. Move to python3.14.",
      "E3946 22 Fn::Split gives a value as item 0 (with the value passed for parameter 'Archs'): 'Architectures[0]' of AWS::Lambda::Function must be one of x86_64, arm64",
    ]);
    // The same text as a Default is a warning, quoted.
    expect(lint(mapped, { only, parameterValues: { Env: "dev" } })).toEqual([]);
    expect(brief(lint(mapped.replace("Default: arm64", "Default: x86-64"), { only: ["W1033"] }))).toEqual([
      "W1033 22:22",
    ]);
  });

  it("never quotes a NoEcho value or what it is closest to", () => {
    const secret = template.replace("TOKEN: !Ref Token", "TOKEN: !Ref Token\n      PackageType: !Ref Token");
    const findings = lint(secret, { only: ONLY, parameterValues: { Token: "Zipp" } });
    expect(findings.map((f) => f.ruleId)).toEqual(["E3946"]);
    expect(findings[0].message).not.toMatch(/Zipp|mean/);
  });
});
