import { describe, expect, it } from "vitest";
import { brief, lint, samFunction, yaml } from "../lint";

const topic = "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n";

describe("E1001 template structure", () => {
  it("flags an unknown section and the missing Resources it stands for", () => {
    const source = 'AWSTemplateFormatVersion: "2010-09-09"\nResourcs:\n  Topic:\n    Type: AWS::SNS::Topic\n';
    const findings = lint(source, { only: ["E1001"] });
    expect(brief(findings)).toEqual(["E1001 1:1", "E1001 2:1"]);
    expect(findings[1].message).toContain("(did you mean 'Resources'?)");
  });

  it("flags Globals outside a SAM template and accepts it in one", () => {
    const globals = "Globals:\n  Function:\n    Timeout: 3\n";
    expect(brief(lint(globals + topic, { only: ["E1001"] }))).toEqual(["E1001 1:1"]);
    const sam = `Transform: AWS::Serverless-2016-10-31\n${globals}${topic}`;
    expect(lint(sam, { only: ["E1001"] })).toEqual([]);
  });

  it("takes the Hooks section of the CodeDeploy blue/green transform, and only with it", () => {
    const hooks = [
      "Hooks:",
      "  BlueGreen:",
      "    Type: AWS::CodeDeploy::BlueGreen",
      "    Properties:",
      "      ServiceRole: CodeDeployRole",
      "  Other:",
      "    Type: AWS::CodeDeploy::Canary",
      "",
    ].join("\n");
    const blueGreen = `Transform: AWS::CodeDeployBlueGreen\n${hooks}${topic}`;
    const findings = lint(blueGreen, { only: ["E1001"] });
    expect(brief(findings)).toEqual(["E1001 8:11"]);
    expect(findings[0].message).toBe(
      "Hook Other must have Type AWS::CodeDeploy::BlueGreen, the one hook AWS::CodeDeployBlueGreen runs",
    );
    const without = lint(hooks + topic, { only: ["E1001"] });
    expect(brief(without)).toEqual(["E1001 1:1"]);
    expect(without[0].message).toMatch(/^Hooks is the AWS::CodeDeployBlueGreen transform's section/);
    expect(
      brief(lint(`Transform: AWS::CodeDeployBlueGreen\nHooks: [x]\n${topic}`, { only: ["E1001"] })),
    ).toEqual(["E1001 2:8"]);
  });

  it("flags a format version other than 2010-09-09, quoted or not", () => {
    expect(brief(lint(`AWSTemplateFormatVersion: "2010-09-10"\n${topic}`, { only: ["E1001"] }))).toEqual([
      "E1001 1:27",
    ]);
    expect(lint(`AWSTemplateFormatVersion: 2010-09-09\n${topic}`, { only: ["E1001"] })).toEqual([]);
  });

  it("flags a section that must be a mapping written as a list", () => {
    expect(brief(lint(`Parameters:\n  - Env\n${topic}`, { only: ["E1001"] }))).toEqual(["E1001 2:3"]);
  });

  it("flags an empty Resources section", () => {
    expect(brief(lint("Description: x\nResources: {}\n", { only: ["E1001"] }))).toEqual(["E1001 2:1"]);
  });

  it("flags a Transform that is neither a name nor a { Name } mapping", () => {
    expect(
      brief(lint(`Transform: [AWS::Serverless-2016-10-31, [x]]\n${topic}`, { only: ["E1001"] })),
    ).toEqual(["E1001 1:12"]);
    const include = `Transform:\n  - Name: AWS::Include\n    Parameters: { Location: s3://bucket/key.yaml }\n${topic}`;
    expect(lint(include, { only: ["E1001"] })).toEqual([]);
  });
});

describe("E1002 template size", () => {
  const withNote = (note: string) => `${topic}    Metadata:\n      Note: ${note}\n`;

  it("warns over 51,200 bytes, counting bytes rather than characters", () => {
    const findings = lint(withNote("é".repeat(25_700)), { only: ["E1002"] });
    expect(brief(findings)).toEqual(["E1002 1:1"]);
    expect(findings[0].severity).toBe("warning");
    expect(findings[0].message).toContain("artifact-bucket");
  });

  it("is an error over 1,000,000 bytes", () => {
    const findings = lint(withNote("x".repeat(1_000_001)), { only: ["E1002"] });
    expect(brief(findings)).toEqual(["E1002 1:1"]);
    expect(findings[0].severity).toBe("error");
  });

  it("accepts a template just under the inline limit", () => {
    expect(lint(withNote("x".repeat(51_000)), { only: ["E1002"] })).toEqual([]);
  });
});

describe("E1003 description length", () => {
  it("flags a Description over 1,024 bytes", () => {
    expect(brief(lint(`Description: ${"é".repeat(513)}\n${topic}`, { only: ["E1003"] }))).toEqual([
      "E1003 1:14",
    ]);
  });

  it("accepts exactly 1,024 bytes", () => {
    expect(lint(`Description: ${"x".repeat(1024)}\n${topic}`, { only: ["E1003"] })).toEqual([]);
  });
});

describe("E1004 description type", () => {
  it("flags a list and an empty Description", () => {
    expect(brief(lint(`Description: [a, b]\n${topic}`, { only: ["E1004"] }))).toEqual(["E1004 1:14"]);
    expect(brief(lint(`${topic}Description:\n`, { only: ["E1004"] }))).toEqual(["E1004 4:13"]);
  });

  it("accepts a number, which CloudFormation reads as text", () => {
    expect(lint(`Description: 42\n${topic}`, { only: ["E1004"] })).toEqual([]);
  });
});

describe("E3001 resource logical ids", () => {
  it("flags a logical id with a hyphen", () => {
    expect(brief(lint("Resources:\n  my-topic:\n    Type: AWS::SNS::Topic\n", { only: ["E3001"] }))).toEqual([
      "E3001 2:3",
    ]);
  });

  it("accepts letters and digits, and language-extension loops", () => {
    const source =
      "Transform: AWS::LanguageExtensions\nResources:\n  Topic2:\n    Type: AWS::SNS::Topic\n  Fn::ForEach::Topics:\n    - Name\n    - [A, B]\n    - Topic${Name}:\n        Type: AWS::SNS::Topic\n";
    expect(lint(source, { only: ["E3001"] })).toEqual([]);
  });
});

function resources(count: number, name = (i: number) => `Topic${i}`): string {
  let body = "Resources:\n";
  for (let i = 0; i < count; i++) body += `  ${name(i)}:\n    Type: AWS::SNS::Topic\n`;
  return body;
}

describe("AWS::Include as an Fn::Transform key of a section", () => {
  it("is no resource or output itself, and nothing but the Ref that only the snippet may define is reported", () => {
    const findings = lint(
      yaml(
        // The snippets may use the parameter: with an include, W2001 cannot tell it is unused.
        "Parameters:",
        "  Stage: {Type: String}",
        "Resources:",
        "  Topic:",
        "    Type: AWS::SNS::Topic",
        "  'Fn::Transform':",
        "    Name: AWS::Include",
        "    Parameters:",
        "      Location: s3://bucket/snippet.yaml",
        "Outputs:",
        "  Queue:",
        "    Value: !Ref IncludedQueue",
        "  'Fn::Transform':",
        "    Name: AWS::Include",
        "    Parameters:",
        "      Location: s3://bucket/outputs.yaml",
      ),
    );
    // cfn-lint reports the Ref as well (E6101): neither tool reads the snippet.
    expect(brief(findings)).toEqual(["E1020 12:17"]);
  });

  it("is refused in Parameters, which AWS::Include does not reach", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  'Fn::Transform':",
        "    Name: AWS::Include",
        "    Parameters:",
        "      Location: s3://bucket/parameters.yaml",
        "Resources:",
        "  Topic:",
        "    Type: AWS::SNS::Topic",
      ),
      { only: ["E2001"] },
    );
    // The key (no Type, not alphanumeric) and the two include attributes that are no parameter's.
    expect(brief(findings)).toEqual(["E2001 2:3", "E2001 2:3", "E2001 3:5", "E2001 4:5"]);
  });
});

describe("E3010 resource count", () => {
  it("flags the 501st resource", () => {
    // Each resource takes two lines after the "Resources:" line, so the 501st starts on line 1002.
    expect(brief(lint(resources(501), { only: ["E3010"] }))).toEqual(["E3010 1002:3"]);
  });

  it("accepts 500 resources", () => {
    expect(lint(resources(500), { only: ["E3010"] })).toEqual([]);
  });
});

describe("E3011 resource logical id length", () => {
  it("flags a 256-character logical id", () => {
    expect(
      brief(
        lint(
          resources(1, () => "T".repeat(256)),
          { only: ["E3011"] },
        ),
      ),
    ).toEqual(["E3011 2:3"]);
  });

  it("accepts 255 characters", () => {
    expect(
      lint(
        resources(1, () => "T".repeat(255)),
        { only: ["E3011"] },
      ),
    ).toEqual([]);
  });
});

describe("E1005 transforms", () => {
  const resources = ["Resources:", "  Topic:", "    Type: AWS::SNS::Topic"];

  it("reports an AWS:: name that no hosted transform has, with the one probably meant", () => {
    const findings = lint(yaml("Transform: AWS::Serverless-2016-10-3", ...resources), { only: ["E1005"] });
    expect(brief(findings)).toEqual(["E1005 1:12"]);
    expect(findings[0].message).toMatch(
      /^'AWS::Serverless-2016-10-3' is not a transform CloudFormation hosts \(did you mean 'AWS::Serverless-2016-10-31'\?\); the hosted ones are AWS::CodeDeployBlueGreen, /,
    );
    expect(findings[0].path).toEqual(["Transform"]);
  });

  it("leaves the account's own macros, every hosted transform and CodeStar's alone", () => {
    const findings = lint(
      yaml(
        "Transform:",
        "  - AWS::LanguageExtensions",
        "  - AWS::Serverless-2016-10-31",
        "  - AWS::CodeStar",
        "  - AWS::SecretsManager-2024-09-16",
        "  - MyOrgMacro",
        "  - Name: AWS::Include",
        "    Parameters:",
        "      Location: s3://bucket/snippet.yaml",
        ...resources,
      ),
      { only: ["E1005"] },
    );
    expect(findings).toEqual([]);
  });

  it("warns of language extensions after the SAM transform where SAM would read nothing they expand", () => {
    const findings = lint(
      yaml(
        "Transform:",
        "  - AWS::Serverless-2016-10-31",
        "  - AWS::LanguageExtensions",
        "Resources:",
        "  Policy:",
        "    Type: AWS::OpenSearchServerless::AccessPolicy",
        "    Properties:",
        "      Name: search",
        "      Type: data",
        "      Policy: !ToJsonString [{ Rules: [] }]",
      ),
      { only: ["E1005"] },
    );
    expect(findings.map((f) => `${f.range.start.line}:${f.range.start.column} ${f.severity}`)).toEqual([
      "3:5 warning",
    ]);
    expect(findings[0].message).toMatch(/^List AWS::LanguageExtensions before AWS::Serverless-2016-10-31/);
    expect(findings[0].path).toEqual(["Transform", 1]);
  });

  it("requires language extensions before the SAM transform where SAM would meet what they have not expanded", () => {
    const after = ["Transform:", "  - AWS::Serverless-2016-10-31", "  - AWS::LanguageExtensions"];
    const fn = samFunction("Fn");
    const cases: string[][] = [
      [
        "Resources:",
        "  Fn::ForEach::Topics:",
        "    - Name",
        "    - [A, B]",
        "    - Topic${Name}:",
        "        Type: AWS::SNS::Topic",
      ],
      ["Parameters:", "  Keep: { Type: String }", ...resources, "    DeletionPolicy: !Ref Keep"],
      ["Resources:", ...fn, "      Environment: { Variables: { N: !ToJsonString { a: 1 } } }"],
      ["Globals:", "  Function:", "    MemorySize: !Length [a, b]", "Resources:", ...fn],
      [
        "Mappings:",
        "  M: { a: { b: 128 } }",
        "Resources:",
        ...fn,
        "      MemorySize: !FindInMap [M, x, b, { DefaultValue: 256 }]",
      ],
    ];
    for (const lines of cases) {
      const findings = lint(yaml(...after, ...lines), { only: ["E1005"] });
      expect(
        findings.map((f) => `${f.range.start.line}:${f.range.start.column} ${f.severity}`),
        lines.join("\n"),
      ).toEqual(["3:5 error"]);
      expect(findings[0].message).toContain(
        "AWS::LanguageExtensions must be listed before AWS::Serverless-2016-10-31",
      );
    }
  });

  it("requires a Location for AWS::Include, and embeds nothing else with Fn::Transform", () => {
    const findings = lint(
      yaml(
        "Transform:",
        "  Name: AWS::Include",
        "Resources:",
        "  Topic:",
        "    Type: AWS::SNS::Topic",
        "    Properties:",
        "      Fn::Transform:",
        "        Name: AWS::LanguageExtensions",
        "  Queue:",
        "    Type: AWS::SQS::Queue",
        "    Properties:",
        "      Fn::Transform:",
        "        Name: AWS::Include",
        "        Parameters:",
        "          Location: s3://bucket/queue.yaml",
        "  Other:",
        "    Type: AWS::SQS::Queue",
        "    Properties:",
        "      Fn::Transform:",
        "        Name: AWS::Includes",
      ),
      { only: ["E1005"] },
    );
    expect(brief(findings)).toEqual(["E1005 2:9", "E1005 8:15", "E1005 20:15"]);
    expect(findings.map((f) => f.message)).toEqual([
      "AWS::Include needs Parameters with a Location: the s3:// URI of the snippet to include",
      "AWS::LanguageExtensions can only be declared in the template's Transform section; Fn::Transform embeds AWS::Include only",
      expect.stringMatching(
        /^'AWS::Includes' is not a transform CloudFormation hosts \(did you mean 'AWS::Include'\?\)/,
      ),
    ]);
  });
});

describe("W1100 YAML aliases and merge keys", () => {
  it("warns once, at the first alias or merge key, with how many there are", () => {
    // cfn-lint 1.51 warns of the merge key only (at 9:5, the mapping that holds it); the alias of
    // C alone also fails a direct deploy. The merged properties are read: no E3002 for '<<'.
    const findings = lint(
      yaml(
        "Resources:",
        "  A:",
        "    Type: AWS::SNS::Topic",
        "    Properties: &props",
        "      DisplayName: a",
        "  B:",
        "    Type: AWS::SNS::Topic",
        "    Properties:",
        "      <<: *props",
        "      DisplayName: b",
        "  C:",
        "    Type: AWS::SNS::Topic",
        "    Properties: *props",
      ),
    );
    // The first in the document is the merge key (9:7), before its alias (9:11).
    expect(brief(findings)).toEqual(["W1100 9:7"]);
    expect(findings[0].message).toBe(
      'The template uses 3 YAML aliases or merge keys (the first here), which CloudFormation refuses ("YAML ' +
        'aliases are not allowed in CloudFormation templates"); deploy it through sam build, sam package or aws ' +
        "cloudformation package, which resolve them, or write the values out",
    );
  });

  it("tells of merge keys without an alias as merges, not as the alias CloudFormation refuses", () => {
    // cfn-lint 1.51 gives W1100 for these too (at 5:5 and 9:5, the mappings that hold them).
    const findings = lint(
      yaml(
        "Resources:",
        "  A:",
        "    Type: AWS::SNS::Topic",
        "    Properties:",
        "      <<: {DisplayName: a}",
        "  B:",
        "    Type: AWS::SNS::Topic",
        "    Properties:",
        "      <<: {DisplayName: b}",
      ),
    );
    expect(brief(findings)).toEqual(["W1100 5:7"]);
    expect(findings[0].message).toBe(
      "The template uses 2 YAML merge keys (the first here), which CloudFormation itself does not merge; deploy it " +
        "through sam build, sam package or aws cloudformation package, which merge them, or write the values out",
    );
  });

  it("is silent for anchors without aliases, and for JSON", () => {
    expect(lint(yaml("Resources:", "  A: &a", "    Type: AWS::SNS::Topic"))).toEqual([]);
    expect(lint('{"Resources": {"A": {"Type": "AWS::SNS::Topic"}}}', { file: "t.json" })).toEqual([]);
  });
});

describe("W3940 numbers YAML 1.1 reads otherwise than they look", () => {
  const cfnInit = (...files: string[]) =>
    yaml(
      "Resources:",
      "  Host:",
      "    Type: AWS::EC2::Instance",
      "    Metadata:",
      "      AWS::CloudFormation::Init:",
      "        config:",
      "          files:",
      ...files,
      "    Properties:",
      "      ImageId: ami-12345678",
    );

  it("warns of a leading zero that makes an octal number, as a cfn-init file mode", () => {
    // YAML 1.1 reads 000400 as 256, which cfn-init takes for the mode 0256.
    const findings = lint(
      cfnInit("            /etc/app.conf:", "              content: x", "              mode: 000400"),
      {
        only: ["W3940"],
      },
    );
    expect(brief(findings)).toEqual(["W3940 10:21"]);
    expect(findings[0].message).toBe(
      "YAML 1.1, which CloudFormation reads, takes 000400 for the octal number 256; quote it ('000400') to keep it " +
        "as written",
    );
  });

  it("leaves quoted and tagged values alone, and numbers without a leading zero", () => {
    const findings = lint(
      cfnInit(
        "            /etc/a:",
        "              content: x",
        "              mode: '000400'",
        "              owner: !Sub 0755",
        "              group: !!str 089",
        "            /etc/b:",
        '              mode: "0644"',
        "              content: 10",
        "              encoding: 0",
      ),
      { only: ["W3940"] },
    );
    expect(findings).toEqual([]);
  });

  it("warns of base 60 and binary numbers, and of a leading zero before an 8 or a 9", () => {
    const findings = lint(
      yaml(
        "Mappings:",
        "  Accounts:",
        "    prod:",
        "      Id: 012345678901",
        "      Octal: 012345670123",
        "      Window: 1:30",
        "      Flags: 0b101",
        "      Signed: -010",
        "      List: [07, 1_000, 0x1F, 0.5, 10.0.0.0/16, 2010-09-09, 07:00-08:00]",
        "Resources:",
        "  Topic:",
        "    Type: AWS::SNS::Topic",
        "    Properties:",
        "      DisplayName: !FindInMap [Accounts, prod, Id]",
      ),
      { only: ["W3940"] },
    );
    expect(brief(findings)).toEqual([
      "W3940 4:11",
      "W3940 5:14",
      "W3940 6:15",
      "W3940 7:14",
      "W3940 8:15",
      "W3940 9:14",
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      "012345678901 has a leading zero and no quotes: YAML readers differ on it (cfn-lint reads the text, YAML 1.2 " +
        "readers the number 12345678901, and CloudFormation has dropped such a zero from account ids); quote it " +
        "('012345678901') to keep it as written",
      "YAML 1.1, which CloudFormation reads, takes 012345670123 for the octal number 1402433619; quote it " +
        "('012345670123') to keep it as written",
      "YAML 1.1, which CloudFormation reads, takes 1:30 for the base 60 number 90; quote it ('1:30') to keep it as " +
        "written",
      "YAML 1.1, which CloudFormation reads, takes 0b101 for the binary number 5; quote it ('0b101') to keep it as " +
        "written",
      "YAML 1.1, which CloudFormation reads, takes -010 for the octal number -8; quote it ('-010') to keep it as " +
        "written",
      "YAML 1.1, which CloudFormation reads, takes 07 for the octal number 7; quote it ('07') to keep it as written",
    ]);
  });

  it("warns of an exponent YAML 1.1 reads as text and YAML 1.2 as a number, and not of one both read alike", () => {
    const findings = lint(
      yaml(
        "Mappings:",
        "  Builds:",
        "    1e3:",
        "      Commit: 1234e56",
        "      Scale: 1.5E3",
        "      Small: [.5e3, -2e+10, .5e-3]",
        "      Float: 1.5e+3",
        "      Quoted: '12345e67'",
        '      Double: "1e3"',
        "      Tagged: !!str 1e3",
        "      Words: [e3, 1e, 1e3x, 0x1e3, 1.2.3e4]",
        "Resources:",
        "  Topic:",
        "    Type: AWS::SNS::Topic",
      ),
      { only: ["W3940"] },
    );
    expect(brief(findings)).toEqual(["W3940 3:5", "W3940 4:15", "W3940 5:14", "W3940 6:15", "W3940 6:21"]);
    expect(findings[1].message).toBe(
      "1234e56 has an exponent and no quotes: YAML readers differ on it (cfn-lint reads the text, YAML 1.2 readers " +
        "the number 1.234e+59, and CloudFormation has made such a value a number); quote it ('1234e56') to keep it " +
        "as written",
    );
  });

  it("warns of a mapping key that YAML 1.1 names by its number, which Fn::FindInMap then misses", () => {
    const findings = lint(
      yaml(
        "Mappings:",
        "  Accounts:",
        "    012345670123:",
        "      Stage: prod",
        "    '012345670124':",
        "      Stage: dev",
        "Resources:",
        "  Topic:",
        "    Type: AWS::SNS::Topic",
      ),
      { only: ["W3940"] },
    );
    expect(brief(findings)).toEqual(["W3940 3:5"]);
  });
});

describe("values read as YAML 1.1 reads them", () => {
  it("judges the number CloudFormation gets, in base 60 or octal", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Queue:",
        "    Type: AWS::SQS::Queue",
        "    Properties:",
        "      MessageRetentionPeriod: 1:30",
        "      DelaySeconds: 01001",
      ),
    );
    // 1:30 is 90 seconds, within 60 to 1,209,600 (not the text "1:30", an E3012); 01001 is 513
    // seconds, within the 900 allowed (not 1001, an E3034).
    expect(brief(findings)).toEqual(["W3940 5:31", "W3940 6:21"]);
  });

  it("judges the text CloudFormation makes of a number: an octal account id is too short", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Share:",
        "    Type: AWS::ServiceCatalog::PortfolioShare",
        "    Properties:",
        "      PortfolioId: port-abcdefghijklm",
        "      AccountId: 012345670123",
        "  Other:",
        "    Type: AWS::ServiceCatalog::PortfolioShare",
        "    Properties:",
        "      PortfolioId: port-abcdefghijklm",
        "      AccountId: 123456789012",
      ),
    );
    // 012345670123 is 1402433619, which fails the 12-digit pattern at deploy; the number
    // 123456789012 passes on as its twelve digits. (cfn-lint judges patterns of strings only.)
    expect(brief(findings)).toEqual(["E3031 6:18", "W3940 6:18"]);
    expect(findings[0].message).toContain("must match the pattern ^[0-9]{12}$");
  });
});

describe("W3942 JSON that only YAML reads", () => {
  it("warns once, at the first trailing comma or single-quoted string, and checks the template as read", () => {
    const findings = lint(
      [
        "{",
        '  "Resources": {',
        '    "Queue": {',
        '      "Type": "AWS::SQS::Queue",',
        "      \"Properties\": {'DelaySeconds': 1000,},",
        "    },",
        "  },",
        "}",
      ].join("\n"),
      { file: "template.json" },
    );
    // The template is read on: E3034 judges DelaySeconds (at most 900).
    expect(brief(findings)).toEqual(["W3942 5:22", "E3034 5:38"]);
    expect(findings[0].message).toBe(
      "Strings must use double quotes in JSON: the template is not valid JSON, so CloudFormation reads it as " +
        "YAML, as these checks do; JSON tools (JSON.parse, jq, editors) refuse it",
    );
  });

  it("reads keys without quotes, and a comment, as YAML does, and judges what it reads", () => {
    const unquoted = lint(
      [
        "{",
        "  Resources: {",
        "    Queue: {Type: 'AWS::SQS::Queue',",
        "      Properties: {DelaySeconds: 1000}}",
        "  }",
        "}",
      ].join("\n"),
      { file: "template.json" },
    );
    expect(brief(unquoted)).toEqual(["W3942 2:3", "E3034 4:34"]);
    expect(unquoted[0].message).toMatch(/^Property names must be double-quoted strings in JSON: /);
    // YAML takes the comment into the next key, and CloudFormation then refuses the resource's name.
    const comment = lint('{"Resources": {/* x */ "Q": {"Type": "AWS::SQS::Queue"}}}', { file: "t.json" });
    expect(brief(comment)).toEqual(["E3001 1:16", "W3942 1:16"]);
  });

  it("leaves valid JSON and YAML alone, and what YAML refuses too an error", () => {
    expect(lint('{"Resources": {"Q": {"Type": "AWS::SQS::Queue"}}}', { file: "t.json" })).toEqual([]);
    expect(lint(yaml("Resources:", "  Q: {Type: AWS::SQS::Queue,}"))).toEqual([]);
    const comment = lint('{"Resources": {\n  // x\n  "Q": {"Type": "AWS::SQS::Queue"}}}', { file: "t.json" });
    expect(brief(comment)).toEqual(["E0000 2:3"]);
  });

  it("leaves alone a .yaml file in flow style, and warns of the same text under another name", () => {
    const text =
      '{\n  "Resources": {\n    "Q": {"Type": "AWS::SQS::Queue",\n      "Properties": {"DelaySeconds": "5\n        "}}}}';
    expect(lint(text, { file: "stack.yaml" })).toEqual([]);
    expect(lint(text, { file: "stack.YML" })).toEqual([]);
    expect(brief(lint(text, { file: "stack.template" }))).toEqual(["W3942 4:38"]);
  });
});
