/** E1030 Fn::Length, E1031 Fn::ToJsonString and E1032 Fn::ForEach (the AWS::LanguageExtensions transform). */
import { describe, expect, it } from "vitest";
import { brief, lint, located, yaml } from "../lint";

const ONLY = { only: ["E1030", "E1031", "E1032"] };

describe("the language extension functions", () => {
  it("need the AWS::LanguageExtensions transform", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Names:",
        "    Type: CommaDelimitedList",
        "Resources:",
        "  Topic:",
        "    Type: AWS::SNS::Topic",
        "    Properties:",
        "      DisplayName: !ToJsonString [a, b]",
        "  Queue:",
        "    Type: AWS::SQS::Queue",
        "    Properties:",
        "      DelaySeconds: { 'Fn::Length': !Ref Names }",
        "  Fn::ForEach::Topics:",
        "    - Name",
        "    - !Ref Names",
        "    - Topic${Name}:",
        "        Type: AWS::SNS::Topic",
      ),
      ONLY,
    );
    // Each finding is at the function's name: the short-form tag, the quoted key, the loop's key.
    expect(brief(findings)).toEqual(["E1031 8:20", "E1030 12:23", "E1032 13:3"]);
    expect(findings.map((finding) => finding.message)).toEqual([
      "Fn::ToJsonString needs the AWS::LanguageExtensions transform: add it to the template's Transform",
      "Fn::Length needs the AWS::LanguageExtensions transform: add it to the template's Transform",
      "Fn::ForEach needs the AWS::LanguageExtensions transform: add it to the template's Transform",
    ]);
  });

  it("take a list (Fn::Length) and a list or a mapping (Fn::ToJsonString)", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::LanguageExtensions",
        "Parameters:",
        "  Names:",
        "    Type: CommaDelimitedList",
        "Resources:",
        "  Queue:",
        "    Type: AWS::SQS::Queue",
        "    Properties:",
        "      DelaySeconds: { 'Fn::Length': abc }",
        "      MaximumMessageSize: { 'Fn::Length': !Ref Names }",
        "      ReceiveMessageWaitTimeSeconds: { 'Fn::Length': !Sub '${Names}' }",
        "      RedrivePolicy: { 'Fn::Length': [a, b] }",
        "  Topic:",
        "    Type: AWS::SNS::Topic",
        "    Properties:",
        "      DisplayName: !ToJsonString plain",
        "      TopicName: !ToJsonString { key: !Ref Names }",
        "      SignatureVersion: !ToJsonString { 'Fn::Join': [',', [a]] }",
      ),
      ONLY,
    );
    expect(brief(findings)).toEqual(["E1030 9:37", "E1030 11:54", "E1031 16:34", "E1031 18:39"]);
    expect(findings.map((finding) => finding.message)).toEqual([
      "The value of Fn::Length must be a list",
      "Fn::Sub is not supported in the value of Fn::Length (supported there: Fn::Cidr, Fn::FindInMap, Fn::GetAZs, Fn::If, Fn::Split, Ref)",
      "The value of Fn::ToJsonString must be a list or a mapping",
      "Fn::Join is not supported in the value of Fn::ToJsonString (supported there: Fn::FindInMap, Fn::GetAtt, Fn::GetAZs, Fn::If, Fn::Select, Fn::Split, Ref)",
    ]);
  });

  it("flag a loop that is not [Identifier, Collection, OutputTemplate], a collection that is not a list, and a key every pass writes alike", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::LanguageExtensions",
        "Parameters:",
        "  Names:",
        "    Type: CommaDelimitedList",
        "  Single:",
        "    Type: String",
        "Resources:",
        "  Fn::ForEach::Short:",
        "    - Name",
        "    - !Ref Names",
        "  Fn::ForEach::FromString:",
        "    - Name",
        "    - !Ref Single",
        "    - Topic${Name}:",
        "        Type: AWS::SNS::Topic",
        "  Fn::ForEach::Literal:",
        "    - Name",
        "    - a,b",
        "    - Queue${Name}:",
        "        Type: AWS::SQS::Queue",
        "  Fn::ForEach::SameKey:",
        "    - Name",
        "    - [a, b]",
        "    - Bucket:",
        "        Type: AWS::S3::Bucket",
        "      Log&{Name}:",
        "        Type: AWS::Logs::LogGroup",
        "  Fn::ForEach::OneItem:",
        "    - Name",
        "    - [only]",
        "    - Table:",
        "        Type: AWS::SNS::Topic",
        "  Fn::ForEach::NotAMap:",
        "    - [Name]",
        "    - !Ref Names",
        "    - [Topic]",
      ),
      ONLY,
    );
    expect(brief(findings)).toEqual([
      "E1032 9:5",
      "E1032 13:7",
      "E1032 18:7",
      "E1032 24:7",
      "E1032 34:7",
      "E1032 36:7",
    ]);
    expect(findings.map((finding) => finding.message)).toEqual([
      "Fn::ForEach::Short needs [Identifier, Collection, OutputTemplate]; got 2 items",
      "The collection of Fn::ForEach::FromString refers to parameter 'Single' of type String, which is not a list; " +
        "use a CommaDelimitedList or List<...> parameter",
      "The collection of Fn::ForEach::Literal must be a list, or a Ref to a list parameter; got a string",
      "'Bucket' comes out the same on every pass of Fn::ForEach::SameKey: put ${Name} or &{Name} in it, or each " +
        "pass writes the same key",
      "The identifier of Fn::ForEach::NotAMap must be a string",
      "The output template of Fn::ForEach::NotAMap must be a mapping",
    ]);
  });

  it("accept loops in Resources, Outputs and Properties, nested ones included", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::LanguageExtensions",
        "Parameters:",
        "  Names:",
        "    Type: List<String>",
        "Resources:",
        "  Fn::ForEach::Buckets:",
        "    - Name",
        "    - !Ref Names",
        "    - Bucket${Name}:",
        "        Type: AWS::S3::Bucket",
        "        Properties:",
        "          Tags:",
        "            - Key: count",
        "              Value: { 'Fn::Length': !Ref Names }",
        "  Topic:",
        "    Type: AWS::SNS::Topic",
        "    Properties:",
        "      DisplayName: !ToJsonString { names: !Ref Names }",
        "Outputs:",
        "  Fn::ForEach::BucketOutputs:",
        "    - Name",
        "    - [A, B]",
        "    - Fn::ForEach::Attributes:",
        "        - Attribute",
        "        - [Arn, DomainName]",
        "        - Bucket${Name}${Attribute}:",
        "            Value: !GetAtt [!Sub 'Bucket${Name}', !Ref Attribute]",
      ),
      ONLY,
    );
    expect(findings).toEqual([]);
  });

  it("flag what the Fn::ForEach RFC forbids: names taken, a NoEcho list, items only a resource gives, an identifier reused", () => {
    // The RFC's invalid examples (constraints 2, 3, 5 and 7), one template.
    const findings = lint(
      yaml(
        "Transform: AWS::LanguageExtensions",
        "Parameters:",
        "  Secret:",
        "    Type: CommaDelimitedList",
        "    NoEcho: true",
        "  Param:",
        "    Type: String",
        "Resources:",
        "  SNS:",
        "    Type: AWS::SNS::Topic",
        "  Fn::ForEach::SNS:",
        "    - Param",
        "    - [A, B, !Ref SNS, !GetAtt SNS.TopicName]",
        "    - Topic${Param}:",
        "        Type: AWS::SNS::Topic",
        "  Fn::ForEach::Groups:",
        "    - Id",
        "    - !Ref Secret",
        "    - Group${Id}:",
        "        Type: AWS::EC2::SecurityGroup",
        "        Properties:",
        "          GroupDescription: group",
        "  Fn::ForEach::Outer:",
        "    - Same",
        "    - [X, Y]",
        "    - Fn::ForEach::Inner:",
        "        - Same",
        "        - [A, B]",
        "        - Queue${Same}:",
        "            Type: AWS::SQS::Queue",
      ),
      ONLY,
    );
    expect(located(findings)).toEqual([
      "E1032 11 Fn::ForEach::SNS is named like resource 'SNS': the transform refuses a loop named like a parameter or a resource; rename it",
      "E1032 12 The identifier 'Param' of Fn::ForEach::SNS is the name of parameter 'Param' too: the transform refuses an identifier that names a parameter or a resource; rename it",
      "E1032 13 Item 2 of the collection of Fn::ForEach::SNS is the Ref of resource 'SNS', known only once it is made: the transform needs every item before any resource is made",
      "E1032 13 Item 3 of the collection of Fn::ForEach::SNS is the attribute TopicName of resource 'SNS', known only once it is made: the transform needs every item before any resource is made",
      "E1032 18 The collection of Fn::ForEach::Groups refers to parameter 'Secret', which is NoEcho: the transform does not loop over a NoEcho parameter",
      "E1032 27 The identifier 'Same' of Fn::ForEach::Inner is already the identifier of a loop around it: give each nested loop its own",
      // The inner identifier hides the outer one: every outer item makes the same queues.
      "E1032 29 Fn::ForEach::Outer makes resource 'QueueA', which another of its items also makes: the transform refuses a name given twice",
    ]);
  });
});
