// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the templates under test use CloudFormation's ${} syntax
/** The argument shapes of FindInMap, GetAZs, ImportValue, Select, Split, Base64, Join and Cidr. */
import { describe, expect, it } from "vitest";
import { closest, editDistance } from "../../../../src/template/suggest";
import { brief, lint, yaml } from "../lint";

describe("E1011 FindInMap", () => {
  const mappings = ["Mappings:", "  RegionMap:", "    us-east-1:", "      Ami: ami-1"];

  it("flags unknown mappings and keys and a wrong number of arguments", () => {
    const template = yaml(
      ...mappings,
      "Resources:",
      "  Instance:",
      "    Type: AWS::EC2::Instance",
      "    Properties:",
      "      ImageId: !FindInMap [RegionMap, !Ref AWS::Region, Ami]",
      "      KeyName: !FindInMap [RegionMap, us-west-2, Ami]",
      "      InstanceType: !FindInMap [RegionMap, us-east-1, Amy]",
      "      SubnetId: !FindInMap [RegionMapp, us-east-1, Ami]",
      "      UserData: !FindInMap [RegionMap, us-east-1]",
    );
    const findings = lint(template, { only: ["E1011"] });
    expect(brief(findings)).toEqual(["E1011 10:39", "E1011 11:55", "E1011 12:29", "E1011 13:17"]);
    expect(findings[1].message).toBe(
      "Mapping 'RegionMap' has no key 'Amy' under 'us-east-1' (did you mean 'Ami'?)",
    );
    expect(findings[2].message).toBe(
      "FindInMap to undefined mapping 'RegionMapp' (did you mean 'RegionMap'?)",
    );
  });

  it("accepts a missing key when the language extensions give a DefaultValue", () => {
    const template = yaml(
      "Transform: AWS::LanguageExtensions",
      ...mappings,
      "Resources:",
      "  Instance:",
      "    Type: AWS::EC2::Instance",
      "    Properties:",
      "      ImageId: !FindInMap [RegionMap, eu-west-1, Ami, {DefaultValue: ami-0}]",
    );
    expect(lint(template, { only: ["E1011"] })).toEqual([]);
  });

  it("leaves the keys an AWS::Include snippet brings into a mapping to the snippet", () => {
    const template = yaml(
      "Mappings:",
      "  Constants:",
      "    Fn::Transform: { Name: AWS::Include, Parameters: { Location: s3://bucket/constants.yaml } }",
      "  RegionMap:",
      "    us-east-1:",
      "      Ami: ami-1",
      "      Fn::Transform: { Name: AWS::Include, Parameters: { Location: s3://bucket/more.yaml } }",
      "    Fn::Transform: { Name: AWS::Include, Parameters: { Location: s3://bucket/regions.yaml } }",
      "  Plain:",
      "    us-east-1: { Ami: ami-1 }",
      "Resources:",
      "  Instance:",
      "    Type: AWS::EC2::Instance",
      "    Properties:",
      "      ImageId: !FindInMap [Constants, OpenSearch, Ami]",
      "      KeyName: !FindInMap [RegionMap, eu-west-1, Ami]",
      "      InstanceType: !FindInMap [RegionMap, us-east-1, Size]",
      "      SubnetId: !FindInMap [RegionMap, !Ref AWS::Region, Subnet]",
      "      UserData: !FindInMap [Plain, eu-west-1, Ami]",
    );
    // Only the mapping written out whole is judged.
    expect(brief(lint(template, { only: ["E1011"] }))).toEqual(["E1011 19:36"]);
  });

  it("flags a key under a top-level key that holds no attribute names, where the call is", () => {
    const template = yaml(
      "Mappings:",
      "  Variables:",
      "    Master:",
      "      # Principal: arn:aws:iam::123456789012:root",
      "    Topic:",
      "      Name: emissions",
      "    Listed: [a, b]",
      "Resources:",
      "  Topic:",
      "    Type: AWS::SNS::Topic",
      "    Properties:",
      "      TopicName: !FindInMap [Variables, Topic, Name]",
      "      DisplayName: !FindInMap [Variables, Master, Principal]",
      "      KmsMasterKeyId: !FindInMap [Variables, Listed, a]",
    );
    const findings = lint(template, { only: ["E1011"] });
    expect(brief(findings)).toEqual(["E1011 13:51", "E1011 14:54"]);
    expect(findings[0].message).toBe(
      "Mapping 'Variables' has no key 'Principal' under 'Master', which holds no attribute names (line 3): " +
        "give it its attributes",
    );
  });
});

describe("E1011 FindInMap with the values a deploy passes", () => {
  const template = yaml(
    "Parameters:",
    "  Env: {Type: String, Default: dev}",
    "  Size: {Type: String, Default: Memory}",
    "  Secret: {Type: String, NoEcho: true, Default: dev}",
    "  Make: {Type: String, Default: 'yes'}",
    "Conditions:",
    "  IsMade: !Equals [!Ref Make, 'yes']",
    "Mappings:",
    "  Sizes:",
    "    dev: {Memory: 128}",
    "    prod: {Memory: 1024, Timeout: 30}",
    "Resources:",
    "  Topic:",
    "    Type: AWS::SNS::Topic",
    "    Properties:",
    "      DisplayName: !FindInMap [Sizes, !Ref Env, !Ref Size]",
    "      TopicName: !FindInMap [Sizes, !Ref Env, Timeout]",
    "      KmsMasterKeyId: !FindInMap [Sizes, dev, !Ref Size]",
    "      SignatureVersion: !FindInMap [Sizes, !Ref Secret, Memory]",
    "      TracingConfig: !If [IsMade, !FindInMap [Sizes, !Ref Env, Memory], Active]",
    "  Kept:",
    "    Type: AWS::SNS::Topic",
    "    Condition: IsMade",
    "    Properties:",
    "      DisplayName: !FindInMap [Sizes, !Ref Env, Memory]",
    "Outputs:",
    "  Memory:",
    "    Value: !FindInMap [Sizes, !Ref Env, Memory]",
    "  Kept:",
    "    Condition: IsMade",
    "    Value: !FindInMap [Sizes, !Ref Env, Memory]",
  );

  it("reports a key the mapping lacks where the stack always reads the call, never repeating the value", () => {
    const findings = lint(template, {
      only: ["E1011"],
      parameterValues: { Env: "test", Size: "Disk", Secret: "hidden" },
    });
    expect(brief(findings)).toEqual(["E1011 16:39", "E1011 17:37", "E1011 18:47", "E1011 28:31"]);
    expect(findings[0].message).toBe(
      "Mapping 'Sizes' has no top-level key that is the value passed for parameter 'Env': the keys there are dev, prod",
    );
    expect(findings[2].message).toBe(
      "Mapping 'Sizes' has no key that is the value passed for parameter 'Size' under 'dev': the keys there are Memory",
    );
    for (const finding of findings) expect(finding.message).not.toMatch(/test|Disk|hidden/);
  });

  it("reports a key the entry a passed key picks lacks", () => {
    const findings = lint(template, { only: ["E1011"], parameterValues: { Env: "dev", Size: "Memory" } });
    expect(brief(findings)).toEqual(["E1011 17:47"]);
    expect(findings[0].message).toBe(
      "Mapping 'Sizes' has no key 'Timeout' under the top-level key passed for parameter 'Env': the keys there are Memory",
    );
    expect(lint(template, { only: ["E1011"], parameterValues: { Env: "prod", Size: "Memory" } })).toEqual([]);
  });

  it("reads a passed key where the values passed make the conditions around it true", () => {
    const values = { Env: "test", Size: "Memory", Secret: "dev" };
    const made = lint(template, { only: ["E1011"], parameterValues: { ...values, Make: "yes" } });
    expect(brief(made)).toEqual([
      "E1011 16:39",
      "E1011 17:37",
      "E1011 20:54",
      "E1011 25:39",
      "E1011 28:31",
      "E1011 31:31",
    ]);
    const left = lint(template, { only: ["E1011"], parameterValues: { ...values, Make: "no" } });
    expect(brief(left)).toEqual(["E1011 16:39", "E1011 17:37", "E1011 28:31"]);
  });

  it("reads no passed key without passed values", () => {
    expect(lint(template, { only: ["E1011"] })).toEqual([]);
  });

  it("reads a passed key in the Conditions section where no evaluation that stops early skips it", () => {
    // CloudFormation evaluates every condition; a part after one that decides a Fn::And or a
    // Fn::Or may be skipped.
    const conditions = yaml(
      "Parameters:",
      "  Env: {Type: String, Default: dev}",
      "  Make: {Type: String, Default: 'yes'}",
      "Mappings:",
      "  Sizes:",
      "    dev: {Memory: 128}",
      "Conditions:",
      "  IsBig: !Equals [!FindInMap [Sizes, !Ref Env, Memory], 1024]",
      "  MadeSmall: !And [!Equals [!Ref Make, 'yes'], !Equals [!FindInMap [Sizes, !Ref Env, Memory], 128]]",
      "  MadeOrBig: !Or [!Equals [!Ref Make, 'yes'], !Not [!Equals [!FindInMap [Sizes, !Ref Env, Memory], 128]]]",
      "Resources:",
      "  Topic:",
      "    Type: AWS::SNS::Topic",
    );
    const lines = (values: Record<string, string>) =>
      brief(lint(conditions, { only: ["E1011"], parameterValues: values }));
    expect(lines({ Env: "test", Make: "yes" })).toEqual(["E1011 8:38", "E1011 9:76"]);
    expect(lines({ Env: "test", Make: "no" })).toEqual(["E1011 8:38", "E1011 10:81"]);
    // Make not passed: only the condition with nothing before the call is certain.
    expect(lines({ Env: "test" })).toEqual(["E1011 8:38"]);
    expect(lines({ Env: "dev", Make: "yes" })).toEqual([]);
  });
});

describe("E1015 GetAZs", () => {
  it("flags what is not a Region name or a Ref", () => {
    const template = yaml(
      "Resources:",
      "  Subnet:",
      "    Type: AWS::EC2::Subnet",
      "    Properties:",
      "      VpcId: vpc-1",
      '      AvailabilityZone: !Select [0, !GetAZs ""]',
      "      CidrBlock: !Select [0, !GetAZs us-east-1]",
      "      Ipv6CidrBlock: !Select [0, !GetAZs east]",
      '      OutpostArn: !Select [0, !GetAZs {"Fn::Sub": "${AWS::Region}"}]',
      "      Tags: !Select [0, !GetAZs {Ref: AWS::Region}]",
      "  Group:",
      "    Type: AWS::AutoScaling::AutoScalingGroup",
      "    Properties:",
      "      AvailabilityZones: !GetAZs AWS::Region",
      "      MaxSize: '1'",
      "      MinSize: '1'",
    );
    // A pseudo parameter's name written as text is W1054's warning (a Ref left out).
    expect(brief(lint(template, { only: ["E1015", "W1054"] }))).toEqual([
      "E1015 8:42",
      "E1015 9:39",
      "W1054 14:34",
    ]);
  });

  it("flags a null Region, as JSON templates sometimes write it", () => {
    const template = [
      "{",
      '  "Resources": {',
      '    "Subnet": {',
      '      "Type": "AWS::EC2::Subnet",',
      '      "Properties": {',
      '        "AvailabilityZone": {"Fn::Select": [0, {"Fn::GetAZs": null}]},',
      '        "CidrBlock": {"Fn::Select": [0, {"Fn::GetAZs": ""}]}',
      "      }",
      "    }",
      "  }",
      "}",
    ].join("\n");
    expect(brief(lint(template, { file: "template.json", only: ["E1015"] }))).toEqual(["E1015 6:63"]);
  });
});

describe("E1016 ImportValue", () => {
  it("flags functions that cannot compute an export name", () => {
    const template = yaml(
      "Resources:",
      "  Topic:",
      "    Type: AWS::SNS::Topic",
      "    Properties:",
      '      TopicName: !ImportValue {"Fn::Sub": "${AWS::StackName}-name"}',
      '      DisplayName: !ImportValue {"Fn::GetAtt": [Other, TopicName]}',
      "  Other:",
      "    Type: AWS::SNS::Topic",
    );
    const findings = lint(template, { only: ["E1016"] });
    expect(brief(findings)).toEqual(["E1016 6:33"]);
    expect(findings[0].message).toContain(
      "Fn::GetAtt is not supported in the export name of Fn::ImportValue",
    );
  });
});

describe("E1017 Select", () => {
  it("flags a bad index, an index out of range and an unsupported list function", () => {
    const template = yaml(
      "Parameters:",
      "  Subnets:",
      "    Type: List<AWS::EC2::Subnet::Id>",
      "Resources:",
      "  Instance:",
      "    Type: AWS::EC2::Instance",
      "    Properties:",
      "      SubnetId: !Select [0, !Ref Subnets]",
      '      ImageId: !Select ["1", [a, b]]',
      "      KeyName: !Select [2, [a, b]]",
      "      InstanceType: !Select [a, [a, b]]",
      '      AvailabilityZone: !Select [0, !Sub "a,b"]',
    );
    expect(brief(lint(template, { only: ["E1017"] }))).toEqual(["E1017 10:25", "E1017 11:30", "E1017 12:37"]);
  });

  it("counts a list of one item in the singular, as Fn::Sub counts its one argument", () => {
    const template = yaml(
      "Resources:",
      "  Topic:",
      "    Type: AWS::SNS::Topic",
      "    Properties:",
      "      TopicName: !Select [1, [a]]",
      "      DisplayName:",
      "        Fn::Sub: [a]",
    );
    const findings = lint(template, { only: ["E1017", "E1019"] });
    expect(findings.map((f) => `${f.ruleId} ${f.message}`)).toEqual([
      "E1017 Index 1 is out of range: the list of Fn::Select has 1 item",
      "E1019 Fn::Sub needs a string or [String, {Name: Value}]; got 1 item",
    ]);
  });

  it("flags an index of Fn::GetAZs that no Region has, and leaves one some Regions have", () => {
    const template = yaml(
      "Resources:",
      "  Seventh:",
      "    Type: AWS::EC2::Subnet",
      "    Properties:",
      "      VpcId: vpc-12345678",
      "      CidrBlock: 10.0.6.0/24",
      "      AvailabilityZone: !Select [6, !GetAZs '']",
      "  Sixth:",
      "    Type: AWS::EC2::Subnet",
      "    Properties:",
      "      VpcId: vpc-12345678",
      "      CidrBlock: 10.0.5.0/24",
      "      AvailabilityZone: !Select [5, Fn::GetAZs: !Ref AWS::Region]",
    );
    const findings = lint(template, { only: ["E1017"] });
    // cfn-lint reports neither.
    expect(brief(findings)).toEqual(["E1017 7:34"]);
    expect(findings[0].message).toBe(
      "Index 6 is out of range in every Region: Fn::GetAZs gives the Availability Zones of the Region, and none has " +
        "more than 6 (us-east-1; most have three); select an index from 0 to 5",
    );
  });
});

describe("E1018 Split", () => {
  it("flags a computed delimiter and a missing source", () => {
    const template = yaml(
      "Parameters:",
      "  Csv:",
      "    Type: String",
      "Resources:",
      "  Instance:",
      "    Type: AWS::EC2::Instance",
      "    Properties:",
      '      SecurityGroupIds: !Split [",", !Ref Csv]',
      '      SecurityGroups: !Split [!Ref Csv, "a,b"]',
      '      Tags: !Split [","]',
    );
    expect(brief(lint(template, { only: ["E1018"] }))).toEqual(["E1018 9:31", "E1018 10:13"]);
  });
});

describe("E1021 Base64", () => {
  it("flags a list where a string belongs", () => {
    const template = yaml(
      "Resources:",
      "  Instance:",
      "    Type: AWS::EC2::Instance",
      "    Properties:",
      '      UserData: !Base64 {"Fn::Sub": "echo ${AWS::Region}"}',
      "      ImageId: !Base64 [a, b]",
    );
    expect(brief(lint(template, { only: ["E1021"] }))).toEqual(["E1021 6:24"]);
  });
});

describe("E1022 Join", () => {
  it("flags a computed delimiter, unsupported and unknown item functions and a non-list", () => {
    const template = yaml(
      "Parameters:",
      "  Env:",
      "    Type: String",
      "Resources:",
      "  Bucket:",
      "    Type: AWS::S3::Bucket",
      "    Properties:",
      '      BucketName: !Join ["-", [!Ref Env, !Sub "${AWS::Region}", x]]',
      "      Tags:",
      "        - Key: !Join [!Ref Env, [a, b]]",
      '          Value: !Join ["", [!GetAZs ""]]',
      '        - Key: !Join ["", [{Fn::Foo: x}]]',
      '          Value: !Join ["-", x]',
    );
    const findings = lint(template, { only: ["E1022"] });
    expect(brief(findings)).toEqual(["E1022 10:23", "E1022 11:30", "E1022 12:28", "E1022 13:30"]);
    expect(findings[2].message).toMatch(
      /^Unknown intrinsic function 'Fn::Foo' in an item of the list of Fn::Join/,
    );
    expect(findings[3].message).toBe("The list of Fn::Join must be a list");
  });
});

describe("E1024 Cidr", () => {
  it("flags a bad block, a count out of range and an unsupported function", () => {
    const template = yaml(
      "Resources:",
      "  Vpc:",
      "    Type: AWS::EC2::VPC",
      "    Properties:",
      "      CidrBlock: 10.0.0.0/16",
      "  Subnet:",
      "    Type: AWS::EC2::Subnet",
      "    Properties:",
      "      VpcId: !Ref Vpc",
      "      CidrBlock: !Select [0, !Cidr [!GetAtt Vpc.CidrBlock, 4, 8]]",
      '      Ipv6CidrBlock: !Select [0, !Cidr ["10.0.0.0", 4, 8]]',
      '      AvailabilityZone: !Select [0, !Cidr ["10.0.0.0/16", 300, 8]]',
      '      OutpostArn: !Select [0, !Cidr ["10.0.0.0/16", 4, !GetAZs ""]]',
    );
    expect(brief(lint(template, { only: ["E1024"] }))).toEqual(["E1024 11:41", "E1024 12:59", "E1024 13:56"]);
  });
});

describe("nested functions", () => {
  it("checks both branches of a Fn::If against the position it fills", () => {
    const template = yaml(
      "Conditions:",
      "  Never: !Equals [a, b]",
      "Resources:",
      "  Bucket:",
      "    Type: AWS::S3::Bucket",
      "    Properties:",
      '      BucketName: !Join ["", [!If [Never, a, !Ref AWS::NoValue]]]',
      "      Tags:",
      '        - Key: !Join ["", [!If [Never, !GetAZs "", b]]]',
      "          Value: x",
    );
    expect(brief(lint(template, { only: ["E1022"] }))).toEqual(["E1022 9:40"]);
  });
});

describe("a macro's call in place of a function's argument", () => {
  it("is left to the macro: CloudFormation runs it before the function", () => {
    // cfn-lint's and cloudformation-validate's good fixtures (functions/sub.yaml) use it in Fn::Sub.
    const findings = lint(
      yaml(
        "Resources:",
        "  Topic:",
        "    Type: AWS::SNS::Topic",
        "    Properties:",
        "      TopicName:",
        "        Fn::Sub:",
        "          Fn::Transform: {Name: Naming}",
        "      DisplayName:",
        "        Fn::Join:",
        "          Fn::Transform: {Name: Parts}",
        "      KmsMasterKeyId:",
        "        Fn::Select:",
        "          Fn::Transform: {Name: Pick}",
        "Outputs:",
        "  Split:",
        "    Value: !Join [',', {Fn::Split: {Fn::Transform: {Name: Items}}}]",
      ),
      { only: ["E1017", "E1018", "E1019", "E1022"] },
    );
    expect(findings).toEqual([]);
    // Anything else in its place is still refused.
    const mapping = lint(
      yaml(
        "Resources:",
        "  Topic:",
        "    Type: AWS::SNS::Topic",
        "    Properties:",
        "      TopicName:",
        "        Fn::Join: {a: b}",
      ),
      {
        only: ["E1022"],
      },
    );
    expect(brief(mapping)).toEqual(["E1022 6:9"]);
  });
});

describe("closest", () => {
  it("counts an adjacent transposition as one edit", () => {
    expect(editDistance("Bukcet", "Bucket")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });

  it("agrees with the textbook table on random names, long ones and bounds included", () => {
    // The optimal string alignment distance, written out as a full table.
    const reference = (a: string, b: string): number => {
      const d = Array.from({ length: a.length + 1 }, (_, i) =>
        Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
      );
      for (let i = 1; i <= a.length; i++)
        for (let j = 1; j <= b.length; j++) {
          d[i][j] = Math.min(
            d[i - 1][j] + 1,
            d[i][j - 1] + 1,
            d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
          );
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
            d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      return d[a.length][b.length];
    };
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const name = (max: number) =>
      Array.from({ length: Math.floor(random() * max) }, () => "abcd"[Math.floor(random() * 4)]).join("");
    // Short and long names interleaved: the rows kept between calls must not carry anything over.
    // A few random edits of a name: distances near the bounds, where the band is tested.
    const edited = (a: string) => {
      let out = a;
      for (let k = Math.floor(random() * 6); k > 0; k--) {
        const at = Math.floor(random() * (out.length + 1));
        const op = Math.floor(random() * 4);
        const letter = "abcd"[Math.floor(random() * 4)];
        if (op === 0) out = out.slice(0, at) + letter + out.slice(at);
        else if (op === 1) out = out.slice(0, at) + out.slice(at + 1);
        else if (op === 2) out = out.slice(0, at) + letter + out.slice(at + 1);
        else out = out.slice(0, at) + out.slice(at + 1, at + 2) + out.slice(at, at + 1) + out.slice(at + 2);
      }
      return out;
    };
    for (let n = 0; n < 400; n++) {
      const a = name(n % 3 === 0 ? 150 : 12);
      const b = n % 2 === 0 ? edited(a) : name(n % 5 === 0 ? 200 : 12);
      for (const [x, y] of [
        [a, b],
        [b, a],
      ]) {
        const exact = reference(x, y);
        expect(editDistance(x, y)).toBe(exact);
        for (const bound of [1, 2, 3, 5]) expect(editDistance(x, y, bound)).toBe(Math.min(exact, bound));
      }
    }
    // Short names of two letters: many alignments of nearly the same cost, along the band's edges.
    const binary = () =>
      Array.from({ length: Math.floor(random() * 15) }, () => "ab"[Math.floor(random() * 2)]).join("");
    for (let n = 0; n < 3000; n++) {
      const [a, b] = [binary(), binary()];
      const bound = 1 + (n % 5);
      expect(editDistance(a, b, bound)).toBe(Math.min(reference(a, b), bound));
    }
  });

  it("suggests a close name, prefers a case-only difference and rejects far ones", () => {
    expect(closest("BuckeT", ["Queue", "Bucket"])).toBe("Bucket");
    expect(closest("Bucke", ["Bucket", "Buckets"])).toBe("Bucket");
    expect(closest("Foo", ["Bar", "Bucket"])).toBeUndefined();
  });
});

describe("a Ref to a parameter where a function takes text or a list", () => {
  it("reports a list parameter where text is needed and a text parameter where a list is, in Join, Select, Length, Sub and Outputs", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::LanguageExtensions",
        "Parameters:",
        "  Subnets: {Type: CommaDelimitedList}",
        "  Ports: {Type: 'List<Number>'}",
        "  Name: {Type: String}",
        "  Index: {Type: Number}",
        "Resources:",
        "  Queue:",
        "    Type: AWS::SQS::Queue",
        "    Properties:",
        '      QueueName: !Join ["-", [!Ref Name, !Ref Subnets]]',
        "      DelaySeconds: !Select [!Ref Index, !Ref Name]",
        "      MaximumMessageSize: !Length [!Ref Subnets]",
        "      MessageRetentionPeriod: !Length {Ref: Name}",
        "  Topic:",
        "    Type: AWS::SNS::Topic",
        "    Properties:",
        '      DisplayName: !Sub "${Name} in ${Subnets}"',
        '      TopicName: !Sub ["${A}", {A: !Ref Ports}]',
        '      KmsMasterKeyId: !Join [",", !Ref Subnets]',
        "Outputs:",
        "  Listed: {Value: !Ref Subnets}",
        "  Split: {Value: !Split [',', !Ref Name]}",
        '  Joined: {Value: !Join [",", !Ref Ports]}',
      ),
      { only: ["E1017", "E1019", "E1022", "E1030", "E6101"] },
    );
    // cfn-lint 1.51 reports each of them (E1022, E1017, E1030, E1019, E6101).
    expect(
      findings.map((f) => `${f.ruleId} ${f.range.start.line}:${f.range.start.column} ${f.message}`),
    ).toEqual([
      "E1022 11:47 An item of the list of Fn::Join must be a string, but Ref to parameter 'Subnets' gives a list (its " +
        "Type is CommaDelimitedList); pick an item with Fn::Select or join them with Fn::Join",
      "E1017 12:47 The list of Fn::Select must be a list, but Ref to parameter 'Name' gives one value (its Type is " +
        "String); split it with Fn::Split, or make the parameter a CommaDelimitedList",
      "E1030 14:45 The value of Fn::Length must be a list, but Ref to parameter 'Name' gives one value (its Type is " +
        "String); split it with Fn::Split, or make the parameter a CommaDelimitedList",
      "E1019 18:39 Fn::Sub variable 'Subnets' is a list (parameter 'Subnets' is a CommaDelimitedList), and Fn::Sub " +
        'writes text: join it in a variable of the Fn::Sub (Subnets: !Join [",", !Ref Subnets]) or pick an item with ' +
        "Fn::Select",
      "E1019 19:41 A variable of Fn::Sub must be a string, but Ref to parameter 'Ports' gives a list (its Type is " +
        "List<Number>); pick an item with Fn::Select or join them with Fn::Join",
      "E6101 22:19 Output Listed: Value must be a string, and parameter 'Subnets' (a CommaDelimitedList) gives a " +
        'list; join it with Fn::Join (!Join [",", ...])',
      "E6101 23:18 Output Split: Value must be a string, and Fn::Split gives a list; join it with Fn::Join " +
        '(!Join [",", ...])',
    ]);
  });
});

describe("a Fn::GetAtt where a function takes text or a list", () => {
  it("judges the attribute by its type in the spec, in Join, Select, Sub variables and Outputs", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Vpc:",
        "    Type: AWS::EC2::VPC",
        "    Properties: {CidrBlock: 10.0.0.0/16}",
        "  Group:",
        "    Type: AWS::EC2::SecurityGroup",
        "    Properties:",
        "      VpcId: !Ref Vpc",
        '      GroupDescription: !Join [",", [!GetAtt Vpc.CidrBlock, !GetAtt Vpc.CidrBlockAssociations]]',
        "  Topic:",
        "    Type: AWS::SNS::Topic",
        "    Properties:",
        "      DisplayName: !Select [0, !GetAtt Group.GroupId]",
        '      TopicName: !Sub ["${A}", {A: !GetAtt Vpc.Ipv6CidrBlocks}]',
        '      KmsMasterKeyId: !Join [",", !GetAtt Vpc.CidrBlockAssociations]',
        "Outputs:",
        "  Blocks: {Value: !GetAtt Vpc.CidrBlockAssociations}",
        "  Block: {Value: !GetAtt Vpc.CidrBlock}",
      ),
      { only: ["E1017", "E1019", "E1022", "E6101"] },
    );
    // cfn-lint 1.51 reports each of them (E1022, E1017, E1019, E6101).
    expect(findings.map((f) => `${f.ruleId} ${f.range.start.line} ${f.message}`)).toEqual([
      "E1022 9 An item of the list of Fn::Join must be a string, but Fn::GetAtt Vpc.CidrBlockAssociations gives a " +
        "list; pick an item with Fn::Select or join them with Fn::Join",
      "E1017 13 The list of Fn::Select must be a list, but Fn::GetAtt Group.GroupId gives one value; write it as a " +
        "one-item list ([...])",
      "E1019 14 A variable of Fn::Sub must be a string, but Fn::GetAtt Vpc.Ipv6CidrBlocks gives a list; pick an item " +
        "with Fn::Select or join them with Fn::Join",
      "E6101 17 Output Blocks: Value must be a string, and Fn::GetAtt Vpc.CidrBlockAssociations gives a list; join it " +
        'with Fn::Join (!Join [",", ...])',
    ]);
  });
});
