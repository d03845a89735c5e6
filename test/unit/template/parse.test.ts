import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { LineIndex } from "../../../src/template/lines";
import type { MapNode, Node, ParsedTemplate, Range, SeqNode } from "../../../src/template/model";
import { lineColumnAt, mapGet, parseTemplate, toPlain } from "../../../src/template/parse";
import { parseYamlWithLibrary } from "../../../src/template/yaml";
import { parseYamlFast, Unsupported } from "../../../src/template/yaml-fast";

/** "line:column-line:column", so expectations stay readable. */
function at(range: Range): string {
  return `${range.start.line}:${range.start.column}-${range.end.line}:${range.end.column}`;
}

function get(node: Node | undefined, ...keys: (string | number)[]): Node {
  let current = node;
  for (const key of keys) {
    if (typeof key === "number") {
      if (current?.kind !== "seq") throw new Error(`not a sequence at ${key}`);
      current = current.items[key];
    } else {
      current = mapGet(current, key)?.value;
    }
    if (!current) throw new Error(`nothing at ${String(key)}`);
  }
  return current as Node;
}

function keyAt(node: Node | undefined, key: string): string {
  const entry = mapGet(node, key);
  if (!entry) throw new Error(`no key ${key}`);
  return at(entry.keyRange);
}

function yaml(source: string): ParsedTemplate {
  return parseTemplate(source, "template.yaml");
}

function messages(parsed: ParsedTemplate): string[] {
  return parsed.findings.map((f) => `${at(f.range)} ${f.message}`);
}

/**
 * PyYAML's reading of a YAML document (YAML 1.1, as cfn-lint and SAM read templates), as JSON; undefined
 * where python3 or PyYAML is missing (they come with cfn-lint).
 */
const pyYaml: ((source: string) => Record<string, unknown>) | undefined = (() => {
  const read = (source: string) =>
    JSON.parse(
      execFileSync(
        "python3",
        ["-c", "import json, sys, yaml; print(json.dumps(yaml.safe_load(sys.stdin.read())))"],
        {
          encoding: "utf8",
          input: source,
          stdio: ["pipe", "pipe", "ignore"],
        },
      ),
    );
  try {
    read("a: 1");
    return read;
  } catch {
    console.warn(
      "parse.test.ts: python3 with PyYAML is missing, so the YAML 1.1 integer forms are not compared with it; " +
        "install cfn-lint (pip install cfn-lint), which brings PyYAML, to run that test.",
    );
    return undefined;
  }
})();

/** Parses with the fast reader, failing the test if it hands the document to the library. */
function fast(source: string) {
  try {
    return parseYamlFast(source, "template.yaml", new LineIndex(source));
  } catch (error) {
    if (error instanceof Unsupported) throw new Error(`fast reader gave up at offset ${error.at}`);
    throw error;
  }
}

/** The fast reader's tree, or undefined when the document is outside its subset. */
function fastIfSupported(source: string, file: string, lines: LineIndex) {
  try {
    return parseYamlFast(source, file, lines);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

function library(source: string) {
  return parseYamlWithLibrary(source, "template.yaml", new LineIndex(source));
}

const POSITIONS = [
  "AWSTemplateFormatVersion: 2010-09-09",
  "Description: >-",
  "  Folded text",
  "  on two lines",
  "Resources:",
  "  Bucket:",
  "    Type: AWS::S3::Bucket",
  "    Properties:",
  '      BucketName: !Sub "${AWS::StackName}-data"',
  "      Tags:",
  "        - { Key: Team, Value: !Ref Team }",
  "        - Key: Arn",
  "          Value: !GetAtt Role.Arn",
  "Outputs:",
  "  Name:",
  '    Value: [a, "b", 3]',
  "",
].join("\n");

describe.each([
  ["the fast reader", fast],
  ["the library reader", library],
])("positions through %s", (_name, read) => {
  const root = read(POSITIONS).root;

  it("places the root and top-level keys", () => {
    expect(at(root!.range)).toBe("1:1-16:23");
    expect(keyAt(root, "AWSTemplateFormatVersion")).toBe("1:1-1:25");
    expect(at(get(root, "AWSTemplateFormatVersion").range)).toBe("1:27-1:37");
    expect(keyAt(root, "Resources")).toBe("5:1-5:10");
    expect(at(get(root, "Resources").range)).toBe("6:3-13:34");
  });

  it("places a folded block scalar and the key after it", () => {
    const description = get(root, "Description");
    expect(description).toMatchObject({ kind: "scalar", value: "Folded text on two lines" });
    expect(at(description.range)).toBe("2:14-4:15");
    expect(keyAt(root, "Resources")).toBe("5:1-5:10");
  });

  it("places a short form, its long-form key and its value", () => {
    const sub = get(root, "Resources", "Bucket", "Properties", "BucketName") as MapNode;
    expect(sub.tag).toBe("!Sub");
    expect(sub.entries.map((e) => e.key)).toEqual(["Fn::Sub"]);
    expect(at(sub.range)).toBe("9:19-9:48");
    expect(at(sub.entries[0].keyRange)).toBe("9:19-9:48");
    expect(at(sub.entries[0].value.range)).toBe("9:24-9:48");
  });

  it("places entries of a flow mapping inside a block sequence", () => {
    const tags = get(root, "Resources", "Bucket", "Properties", "Tags");
    expect(at(tags.range)).toBe("11:9-13:34");
    const first = get(tags, 0);
    expect(at(first.range)).toBe("11:11-11:42");
    expect(keyAt(first, "Value")).toBe("11:24-11:29");
    const ref = get(first, "Value") as MapNode;
    expect(at(ref.range)).toBe("11:31-11:40");
    expect(at(get(ref, "Ref").range)).toBe("11:36-11:40");
  });

  it("splits !GetAtt a.b into exact sub-ranges", () => {
    const second = get(root, "Resources", "Bucket", "Properties", "Tags", 1);
    expect(at(second.range)).toBe("12:11-13:34");
    expect(keyAt(second, "Key")).toBe("12:11-12:14");
    expect(at(get(second, "Key").range)).toBe("12:16-12:19");
    const getAtt = get(second, "Value") as MapNode;
    expect(at(getAtt.range)).toBe("13:18-13:34");
    const parts = get(getAtt, "Fn::GetAtt") as SeqNode;
    expect(toPlain(parts)).toEqual(["Role", "Arn"]);
    expect(at(parts.range)).toBe("13:26-13:34");
    expect(parts.items.map((i) => at(i.range))).toEqual(["13:26-13:30", "13:31-13:34"]);
  });

  it("places items of a flow sequence", () => {
    const value = get(root, "Outputs", "Name", "Value") as SeqNode;
    expect(at(value.range)).toBe("16:12-16:23");
    expect(value.items.map((i) => at(i.range))).toEqual(["16:13-16:14", "16:16-16:19", "16:21-16:22"]);
    expect(toPlain(value)).toEqual(["a", "b", 3]);
  });
});

describe("short forms", () => {
  it("normalises every short form in scalar, sequence and mapping form", () => {
    const tags: [string, string][] = [
      ["Ref", "Ref"],
      ["Condition", "Condition"],
      ["Sub", "Fn::Sub"],
      ["GetAtt", "Fn::GetAtt"],
      ["GetAZs", "Fn::GetAZs"],
      ["ImportValue", "Fn::ImportValue"],
      ["Join", "Fn::Join"],
      ["Select", "Fn::Select"],
      ["Split", "Fn::Split"],
      ["FindInMap", "Fn::FindInMap"],
      ["Base64", "Fn::Base64"],
      ["Cidr", "Fn::Cidr"],
      ["If", "Fn::If"],
      ["Not", "Fn::Not"],
      ["Equals", "Fn::Equals"],
      ["And", "Fn::And"],
      ["Or", "Fn::Or"],
      ["Transform", "Fn::Transform"],
      ["Length", "Fn::Length"],
      ["ToJsonString", "Fn::ToJsonString"],
      ["ForEach", "Fn::ForEach"],
      ["GetStackOutput", "Fn::GetStackOutput"],
    ];
    const source = tags
      .map(([t]) => `S${t}: !${t} x\nQ${t}: !${t} [x, y]\nM${t}: !${t}\n  k: v\nB${t}: !${t}\n  - x\n`)
      .join("");
    for (const read of [fast, library]) {
      const { root, findings } = read(source);
      expect(findings).toEqual([]);
      for (const [t, long] of tags) {
        const scalar = get(root, `S${t}`) as MapNode;
        expect(scalar.tag).toBe(`!${t}`);
        expect(toPlain(scalar)).toEqual({ [long]: "x" });
        expect(toPlain(get(root, `Q${t}`))).toEqual({ [long]: ["x", "y"] });
        expect(toPlain(get(root, `M${t}`))).toEqual({ [long]: { k: "v" } });
        expect(toPlain(get(root, `B${t}`))).toEqual({ [long]: ["x"] });
      }
    }
  });

  it("handles nested short forms and long forms inside short forms", () => {
    const source = [
      "A: !If [IsProd, !Ref Bucket, !Ref AWS::NoValue]",
      "B: !Join",
      '  - ""',
      '  - - !Sub "arn:${AWS::Partition}:s3:::"',
      "    - !Select [0, !GetAZs '']",
      'C: !Base64 { "Fn::Sub": "echo ${Name}" }',
      "D: !GetAtt [Role, Arn]",
      "E: !Equals [!Ref Env, prod]",
      "",
    ].join("\n");
    const parsed = yaml(source);
    expect(parsed.findings).toEqual([]);
    expect(toPlain(parsed.root!)).toEqual({
      A: { "Fn::If": ["IsProd", { Ref: "Bucket" }, { Ref: "AWS::NoValue" }] },
      B: {
        "Fn::Join": [
          "",
          [{ "Fn::Sub": "arn:${AWS::Partition}:s3:::" }, { "Fn::Select": [0, { "Fn::GetAZs": "" }] }],
        ],
      },
      C: { "Fn::Base64": { "Fn::Sub": "echo ${Name}" } },
      D: { "Fn::GetAtt": ["Role", "Arn"] },
      E: { "Fn::Equals": [{ Ref: "Env" }, "prod"] },
    });
    // `!Ref Env` on line 8 starts after "E: !Equals [" (12 characters).
    expect(at(get(parsed.root, "E", "Fn::Equals", 0).range)).toBe("8:13-8:21");
    expect(at(get(parsed.root, "B", "Fn::Join", 1, 1).range)).toBe("5:7-5:30");
  });

  it("splits a dotted attribute at the first dot only", () => {
    const parsed = yaml("Value: !GetAtt Db.Endpoint.Address\n");
    const parts = get(parsed.root, "Value", "Fn::GetAtt") as SeqNode;
    expect(toPlain(parts)).toEqual(["Db", "Endpoint.Address"]);
    expect(parts.items.map((i) => at(i.range))).toEqual(["1:16-1:18", "1:19-1:35"]);
  });

  it("reads an empty !GetAZs as the empty string", () => {
    for (const read of [fast, library]) {
      const { root } = read("Zones: !GetAZs\nOther: 1\n");
      expect(toPlain(root!)).toEqual({ Zones: { "Fn::GetAZs": "" }, Other: 1 });
    }
  });

  it("reads an empty tag before a flow indicator, so a quoted value closed at its key's column still reads", () => {
    // A public VPC template: `!GetAZs ]` sent it to the library, which refuses the policy's
    // closing line (PyYAML, and cfn-lint, read it).
    const source = "A: !Select [ 0, !GetAZs ]\nB:\n  P: '{\n    \"x\": 1\n  }'\n  Q: 2\n";
    expect(library(source).findings.length).toBeGreaterThan(0);
    const parsed = yaml(source);
    expect(parsed.findings).toEqual([]);
    expect(toPlain(parsed.root!)).toEqual({
      A: { "Fn::Select": [0, { "Fn::GetAZs": "" }] },
      B: { P: '{ "x": 1 }', Q: 2 },
    });
  });

  it("reports an unknown tag with the allowed short forms, keeping the value", () => {
    const parsed = yaml("A: !Reff Bucket\n");
    expect(parsed.findings).toHaveLength(1);
    const [finding] = parsed.findings;
    expect(finding).toMatchObject({ ruleId: "E0000", severity: "error", file: "template.yaml" });
    expect(at(finding.range)).toBe("1:4-1:9");
    expect(finding.message).toContain('Unknown tag "!Reff"');
    expect(finding.message).toContain("!Ref, ");
    expect(finding.message).toContain("!GetAtt");
    expect(toPlain(parsed.root!)).toEqual({ A: "Bucket" });
  });

  it("keeps a tool's namespaced directive as a long form without a finding", () => {
    const parsed = yaml("Code: !Rain::Embed handler.py\n");
    expect(parsed.findings).toEqual([]);
    expect(toPlain(parsed.root!)).toEqual({ Code: { "Fn::Rain::Embed": "handler.py" } });
  });
});

describe("scalars", () => {
  it("types scalars as CloudFormation reads them", () => {
    const source = [
      "Version: 2010-09-09",
      "Stamp: 2001-12-14t21:59:43.10-05:00",
      'Quoted: "123"',
      "Number: 123",
      "Float: 1.5",
      "True: true",
      "False: false",
      "Tilde: ~",
      "Nothing: null",
      "Empty:",
      "Word: yes",
      "Switch: On",
      "Answer: NO",
      "Shut: OFF",
      "QuotedWord: 'yes'",
      "Letter: y",
      "Mixed: yEs",
      "Octal: 0755",
      "NotOctal: 0o17",
      "Account: 012345678901",
      "Negative: -010",
      "Binary: 0b101",
      "Hex: 0x1F",
      "Grouped: 1_000",
      "BaseSixty: 1:30",
      "NotBaseSixty: 1:75",
      "Single: 'it''s'",
      'Escaped: "a\\tb\\u00e9"',
      "Literal: |",
      "  line one",
      "    indented",
      "",
      "Stripped: |-",
      "  no newline",
      "Last: end",
      "",
    ].join("\n");
    for (const read of [fast, library]) {
      expect(toPlain(read(source).root!)).toEqual({
        Version: "2010-09-09",
        Stamp: "2001-12-14t21:59:43.10-05:00",
        Quoted: "123",
        Number: 123,
        Float: 1.5,
        // Keys that read as booleans are "true" and "false", as CloudFormation writes them.
        true: true,
        false: false,
        Tilde: null,
        Nothing: null,
        Empty: null,
        // YAML 1.1's boolean words, which CloudFormation reads as true and false; not quoted ones,
        // single letters, or other spellings.
        Word: true,
        Switch: true,
        Answer: false,
        Shut: false,
        QuotedWord: "yes",
        Letter: "y",
        Mixed: "yEs",
        // YAML 1.1's integers: a leading zero is octal, or text before an 8 or a 9; colons count
        // in base 60; `0o` is no prefix.
        Octal: 493,
        NotOctal: "0o17",
        Account: "012345678901",
        Negative: -8,
        Binary: 5,
        Hex: 31,
        Grouped: 1000,
        BaseSixty: 90,
        NotBaseSixty: "1:75",
        Single: "it's",
        Escaped: "a\tb\u00e9",
        Literal: "line one\n  indented\n",
        Stripped: "no newline",
        Last: "end",
      });
    }
  });

  it("names a key that reads as a boolean 'true' or 'false', so a value written the same way finds it", () => {
    const source = "Yes: 1\nOff: 2\n'No': 3\nFlow: {on: 4, 80: 5}\n";
    for (const read of [fast, library]) {
      expect(toPlain(read(source).root!)).toEqual({ true: 1, false: 2, No: 3, Flow: { true: 4, 80: 5 } });
    }
  });

  it("names a key of one of YAML 1.1's integer forms by its number, and any other key as written", () => {
    const source = "010: a\n1_000: b\n089: c\n80: d\n1.0: e\n'010': f\nFlow: {0b11: g, 1:30: h}\n";
    for (const read of [fast, library]) {
      expect(toPlain(read(source).root!)).toEqual({
        8: "a",
        1000: "b",
        "089": "c",
        80: "d",
        "1.0": "e",
        "010": "f",
        Flow: { 3: "g", 90: "h" },
      });
    }
  });

  it.skipIf(!pyYaml)(
    "reads inline code whose empty lines hold spaces, beside a quoted text over lines, as PyYAML does",
    () => {
      // A public Service Catalog template (round 14): the block's spaces-only lines made the fast
      // reader hand the whole template to the library, which refused the unindented second line of
      // the quoted Description (a false E0000; PyYAML and cfn-lint read it).
      const source = [
        'Description: "Stack for the remote deployment. ',
        'https://example.com/docs"',
        "Resources:",
        "  Fn:",
        "    Type: AWS::Lambda::Function",
        "    Properties:",
        "      Code:",
        "        ZipFile: |",
        "          def handler(event, context):",
        "              ",
        "              return 'ok'",
        "      ",
        "",
      ].join("\n");
      const parsed = yaml(source);
      expect(messages(parsed)).toEqual([]);
      expect(toPlain(parsed.root!)).toEqual(pyYaml!(source));
    },
  );

  it.skipIf(!pyYaml)("reads every integer form, and the texts beside them, as PyYAML (YAML 1.1) does", () => {
    const texts = [
      ...["0", "7", "-0", "+12", "1_000", "-1_2", "00", "007", "010", "0755", "-010", "+017", "0_7"],
      ...[
        "08",
        "089",
        "012345678901",
        "012345670123",
        "0o17",
        "0O17",
        "0b101",
        "-0b11",
        "0b102",
        "0x1F",
        "0x_f",
      ],
      ...["1:30", "12:30:00", "-1:00", "1:60", "1:5", "0:30", "1:75", "01:30", "1_0:30", "1::30"],
      ...["1.5", "10.0.0.0/16", "07:00-08:00", "1-2", "+", "0x", "0b", "1_", "_1"],
    ];
    const source = texts.map((text, i) => `K${i}: ${text}`).join("\n");
    const expected = pyYaml!(source);
    for (const read of [fast, library]) {
      const plain = toPlain(read(source).root!) as Record<string, unknown>;
      expect(texts.map((text, i) => [text, plain[`K${i}`]])).toEqual(
        texts.map((text, i) => [text, expected[`K${i}`]]),
      );
    }
  });

  it.skipIf(!pyYaml)(
    "reads every floating-point form, and the texts beside them, as PyYAML (YAML 1.1) does",
    () => {
      // CloudFormation's parser reads `1e5` as text (cloudformation-validate's good/decode/yaml11_scalars.yaml).
      const texts = [
        ...[
          "1e3",
          "1E3",
          "1.0e3",
          "1.0e+3",
          "1e+3",
          "1.5E-2",
          "1.0_e+3",
          ".5e+3",
          "6.8523015e+5",
          "685.230_15e+03",
        ],
        ...[
          ".5",
          "-.5",
          "+.5",
          "1.",
          "0.",
          "00.5",
          "01.5",
          "-1.5",
          "+1.5",
          "0.1",
          "1_000.5",
          "1__0.5",
          "1_.5",
        ],
        ...[
          "1:30.5",
          "-1:30.5",
          "190:20:30.15",
          "1:60.5",
          "1:5.",
          "0:30.0",
          "._5",
          "1.2.3",
          "+.nan",
          "-.nan",
        ],
      ];
      const source = texts.map((text, i) => `K${i}: ${text}`).join("\n");
      const expected = pyYaml!(source);
      for (const read of [fast, library]) {
        const plain = toPlain(read(source).root!) as Record<string, unknown>;
        expect(texts.map((text, i) => [text, plain[`K${i}`]])).toEqual(
          texts.map((text, i) => [text, expected[`K${i}`]]),
        );
      }
    },
  );

  it("reads YAML 1.1's infinities and not-a-number", () => {
    const source = "A: .inf\nB: -.Inf\nC: +.INF\nD: .NaN\nE: .nan\n";
    for (const read of [fast, library]) {
      const plain = toPlain(read(source).root!) as Record<string, number>;
      expect([plain.A, plain.B, plain.C]).toEqual([
        Number.POSITIVE_INFINITY,
        Number.NEGATIVE_INFINITY,
        Number.POSITIVE_INFINITY,
      ]);
      expect(Number.isNaN(plain.D) && Number.isNaN(plain.E)).toBe(true);
    }
  });

  it("places an empty value just after its colon", () => {
    const parsed = yaml("Empty:\nNext: 1\n");
    expect(at(get(parsed.root, "Empty").range)).toBe("1:7-1:7");
    expect(keyAt(parsed.root, "Next")).toBe("2:1-2:5");
  });

  it("ends a literal block at its last character, not at the blank lines after it", () => {
    const parsed = yaml("Code: |\n  a\n  bc\n\n\nNext: 1\n");
    expect(at(get(parsed.root, "Code").range)).toBe("1:7-3:5");
    expect(keyAt(parsed.root, "Next")).toBe("6:1-6:5");
  });
});

describe("reader agreement", () => {
  const cases: Record<string, string> = {
    "comments everywhere": "# head\nA: 1 # one\n# between\nB:   # opens\n  - x # item\n\n  # inside\n  - y\n",
    "sequence at its key's column": "A:\n- 1\n- 2\nB: 3\n",
    "nested compact sequences": "A:\n  - - 1\n    - 2\n  - - 3\n",
    "flow collection over lines": "A: [\n    1, 2,\n    { b: c }\n  ]\nD: 4\n",
    "json-style flow mapping": 'A: {"b":1, "c": [true, null]}\n',
    "folded with paragraphs": "A: >\n  one\n  two\n\n  three\nB: 1\n",
    "folded with leading blank line": "A: >\n\n  one\nB: 1\n",
    "keys with colons and quotes": "\"Fn::Sub\": x\n'q': y\nAWS::Region: z\nhttp://a: b\n",
    "crlf line ends": "A: 1\r\nB:\r\n  - x\r\n",
    "tag on its own line": "A: !If\n  - c\n  - !Ref X\n  - !Ref AWS::NoValue\nB:\n  !Join [',', [a, b]]\n",
    "document marker": "---\nA: 1\n",
    "no final line break after a scalar": "A: 1",
    "no final line break after a sequence": "A:\n  - x\n  - !Ref Y",
    "no final line break after a flow collection": "A: [1, {b: c}]",
    "no final line break after a block scalar": "A: |\n  text",
    "no final line break after an empty value": "A: 1\nB:",
    "trailing commas in flow collections": "A: [1, 2, ]\nB: {c: 3, }\nC: [\n  x,\n  ]\n",
    "a double-quoted scalar over two lines": 'A: "a\n  b"\n',
    "a quoted scalar with empty lines and spaces around its breaks": 'A: "a  \n\n   b \n  c"\nB: 1\n',
    "a single-quoted scalar over two lines": "A: 'it''s\n  fine'\n",
    "a quoted scalar closed on a line of its own": 'A: "x\n  "\nB: "\n  lead"\n',
    "a quoted scalar over lines in a flow sequence": 'A: ["a\n   b", c]\n',
    "escapes in a quoted scalar over lines": 'A: "\\"q\\"\n  z"\n',
    "spaces before the colon of a block key": 'A : 1\n"b"  : 2\nC:\n  - d : e\n    f: g\n',
    "spaces before the colon of a flow pair":
      'A: {"Ref" : B, c  : d}\nE: ["sns", "Ref" : "AWS::Region", f : g]\n',
  };
  it.each(Object.entries(cases))("%s: both readers give the same tree", (_name, source) => {
    expect(fast(source)).toEqual(library(source));
  });

  it("reads a flow collection whose lines go back to its key's column, as PyYAML and SnakeYAML do", () => {
    // The spec wants such lines indented past the key, and the library refuses them; the YAML
    // readers CloudFormation and cfn-lint use ignore indentation inside flow collections.
    const source = 'A:\n  B: [{\n    "c": 1,\n    "d": [x, y],\n  }]\n  E: 2\n';
    expect(library(source).findings.length).toBeGreaterThan(0);
    const parsed = yaml(source);
    expect(parsed.findings).toEqual([]);
    expect(toPlain(parsed.root!)).toEqual({ A: { B: [{ c: 1, d: ["x", "y"] }], E: 2 } });
    // A dash before a flow indicator is a plain scalar to them: `!Split [-, ...]` splits at "-".
    const split = yaml("A: !Split [-, !Ref B]\nC: [x, -]\nD: -,e\n");
    expect(split.findings).toEqual([]);
    expect(toPlain(split.root!)).toEqual({
      A: { "Fn::Split": ["-", { Ref: "B" }] },
      C: ["x", "-"],
      D: "-,e",
    });
    // Lines may go back past the key's column too, and JSON written in YAML puts spaces before
    // its colons (a KMS key policy of the Step Functions workflow collection, closed at column 5
    // under a key at column 7).
    const policy = yaml(
      [
        "Key:",
        "  DeletionPolicy : Retain",
        "  Properties:",
        "      KeyPolicy: {",
        '        "Statement": [{',
        '          "Principal": {"AWS": {"Fn::Join": [":", ["arn:aws:iam:", "Ref" : "AWS::AccountId", "root"]]}}',
        "        }]",
        "    }",
        "  Type: AWS::KMS::Key",
        "",
      ].join("\n"),
    );
    expect(policy.findings).toEqual([]);
    expect(toPlain(policy.root!)).toEqual({
      Key: {
        Properties: {
          KeyPolicy: {
            Statement: [
              {
                Principal: {
                  AWS: { "Fn::Join": [":", ["arn:aws:iam:", { Ref: "AWS::AccountId" }, "root"]] },
                },
              },
            ],
          },
        },
        Type: "AWS::KMS::Key",
        DeletionPolicy: "Retain",
      },
    });
    // So do the lines of a quoted scalar (a sample message of the same collection).
    const message = yaml(
      'Outputs:\n  Sample:\n    Value: "{\n      \\"input\\": \\"QW5k\\"\n    }"\n  Next:\n    Value: x\n',
    );
    expect(message.findings).toEqual([]);
    expect(toPlain(message.root!)).toEqual({
      Outputs: { Sample: { Value: '{ "input": "QW5k" }' }, Next: { Value: "x" } },
    });
    // A line at the key's column that does not close the collection still leaves it unclosed.
    expect(messages(yaml("A: [a, b\nB: c\n"))[0]).toMatch(/must be sufficiently indented and end with a \]/);
  });

  it("hands anything outside its subset to the library", () => {
    expect(() => parseYamlFast("A: &a 1\nB: *a\n", "t.yaml", new LineIndex("A: &a 1\nB: *a\n"))).toThrow(
      Unsupported,
    );
    // A plain scalar's continuation that holds `: ` is an error the library explains.
    const source = "A: this plain\n  scalar: continues\n";
    expect(() => parseYamlFast(source, "t.yaml", new LineIndex(source))).toThrow(Unsupported);
    expect(new Set(yaml(source).findings.map((f) => f.ruleId))).toEqual(new Set(["E0000"]));
  });

  it("reads a plain scalar over several lines itself, folded as the library folds it", () => {
    const source = "A: this plain\n  scalar continues\n";
    const { root } = parseYamlFast(source, "t.yaml", new LineIndex(source));
    expect(toPlain(root!)).toEqual({ A: "this plain scalar continues" });
    expect(toPlain(yaml(source).root!)).toEqual({ A: "this plain scalar continues" });
  });
});

describe("duplicate keys", () => {
  it("reports the first place once and every repeat, each naming the other's line, keeping the last value (YAML)", () => {
    const source = "Resources:\n  Bucket:\n    Type: A\n  Bucket:\n    Type: B\n  Bucket: 3\n";
    for (const read of [fast, library]) {
      const { root, findings } = read(source);
      expect(findings.map((f) => `${at(f.range)} ${f.message}`)).toEqual([
        '2:3-2:9 Duplicate found "Bucket" (line 4)',
        '4:3-4:9 Duplicate found "Bucket" (line 2)',
        '6:3-6:9 Duplicate found "Bucket" (line 2)',
      ]);
      // CloudFormation deploys the last value of a repeated key, at the first one's place.
      expect(toPlain(root!)).toEqual({ Resources: { Bucket: 3 } });
      expect(
        root?.kind === "map" && root.entries[0].value.kind === "map" && root.entries[0].value.entries.length,
      ).toBe(1);
    }
  });

  it("keeps a repeated key's last value at its first place in a big mapping (the indexed KeySet), in every reader", () => {
    const keys = Array.from({ length: 17 }, (_, i) => `k${i}`);
    const yamlSource = `${keys.map((k) => `${k}: ${k}`).join("\n")}\nk0: last\nk16: again\n`;
    const json = `{${keys.map((k) => `"${k}": "${k}"`).join(", ")}, "k0": "last", "k16": "again"}`;
    const expected = Object.fromEntries(
      keys.map((k) => [k, k === "k0" ? "last" : k === "k16" ? "again" : k]),
    );
    for (const read of [fast, library]) {
      const { root } = read(yamlSource);
      expect(toPlain(root!)).toEqual(expected);
      expect(root?.kind === "map" && root.entries.map((e) => e.key)).toEqual(keys);
      expect(root?.kind === "map" && root.entries[0].keyRange.start.line).toBe(18);
    }
    const parsed = parseTemplate(json, "t.json");
    expect(toPlain(parsed.root!)).toEqual(expected);
    expect(parsed.root?.kind === "map" && parsed.root.entries.map((e) => e.key)).toEqual(keys);
  });

  it("reports both places of each key repeated in one mapping, in both YAML readers", () => {
    const source = "A:\n  x: 1\n  y: 2\n  x: 3\n  y: 4\nB:\n  x: 5\n";
    for (const read of [fast, library]) {
      expect(read(source).findings.map((f) => `${at(f.range)} ${f.message}`)).toEqual([
        '2:3-2:4 Duplicate found "x" (line 4)',
        '4:3-4:4 Duplicate found "x" (line 2)',
        '3:3-3:4 Duplicate found "y" (line 5)',
        '5:3-5:4 Duplicate found "y" (line 3)',
      ]);
    }
  });

  it("reports both places in flow mappings and in JSON", () => {
    const flow = "A: {x: 1,\n  x: 2}\n";
    expect(messages(yaml(flow))).toEqual([
      '1:5-1:6 Duplicate found "x" (line 2)',
      '2:3-2:4 Duplicate found "x" (line 1)',
    ]);
    expect(library(flow).findings).toEqual(fast(flow).findings);
    const json = parseTemplate('{\n  "A": 1,\n  "A": 2\n}', "t.json");
    expect(messages(json)).toEqual([
      '2:3-2:6 Duplicate found "A" (line 3)',
      '3:3-3:6 Duplicate found "A" (line 2)',
    ]);
    expect(toPlain(json.root!)).toEqual({ A: 2 });
  });
});

describe("YAML problems", () => {
  it("reports a tab used for indentation", () => {
    const parsed = yaml("Resources:\n\tBucket: x\n");
    expect(parsed.findings.length).toBeGreaterThan(0);
    expect(parsed.findings[0].ruleId).toBe("E0000");
    expect(parsed.findings[0].range.start.line).toBe(2);
    expect(parsed.findings[0].message).toMatch(/tab/i);
  });

  it("reports an unclosed quote, an unclosed bracket and bad indentation", () => {
    expect(messages(yaml('A: "abc\nB: x\n'))[0]).toMatch(/^3:1-.* Missing closing "quote/);
    expect(messages(yaml("A: [a, b\nB: c\n"))[0]).toMatch(
      /^2:1-.*must be sufficiently indented and end with a \]/,
    );
    expect(messages(yaml("A:\n  b: 1\n c: 2\n"))).toEqual([
      "3:1-3:2 All mapping items must start at the same column",
    ]);
  });

  it("reports a tag with no value right before ']', '}' or ',', which YAML 1.1 cannot read", () => {
    const zones = yaml(
      "Resources:\n  S:\n    Type: AWS::EC2::Subnet\n    Properties:\n      AvailabilityZone: !Select [0, !GetAZs]\n",
    );
    expect(zones.root).toBeUndefined();
    expect(messages(zones)).toEqual([
      "5:37-5:45 !GetAZs is followed by ']' with no space: CloudFormation reads YAML 1.1, where a tag must be " +
        "followed by a space, so the template does not parse. Put a space after the tag, or write !GetAZs '' for " +
        "the Region's zones",
    ]);
    expect(messages(yaml("A: {b: !GetAZs, c: 1}\n"))[0]).toMatch(/^1:8-1:16 !GetAZs is followed by ','/);
    for (const fine of ["A: [0, !GetAZs ]\n", "A: [0, !GetAZs '']\n", "A: !GetAZs\n", "A: [!Ref B, c]\n"]) {
      expect(messages(yaml(fine))).toEqual([]);
    }
  });

  it("refuses a key over several lines in a flow mapping, as YAML 1.1 does, and takes the forms it reads", () => {
    for (const source of ["A: {b\n  c: 1}\n", "A:\n  - {// note\n     B: 1}\n"]) {
      const parsed = yaml(source);
      expect(parsed.root, source).toBeUndefined();
      expect(messages(parsed).join("\n"), source).toMatch(
        /^\d+:\d+-\d+:\d+ A key in a flow mapping runs over several lines/,
      );
      if (pyYaml) expect(() => pyYaml!(source), source).toThrow();
    }
    expect(messages(yaml("A: {b\n  c: 1}\n"))).toEqual([
      "1:5-2:5 A key in a flow mapping runs over several lines (after a line that lacks its comma, or a `//` " +
        "comment, which YAML takes into the key): CloudFormation reads YAML 1.1, where such a key must be on " +
        "one line, so the template does not parse",
    ]);
    // After `?`, without a colon, and as a value, lines are joined, in both YAML versions.
    for (const [source, plain] of [
      ["A: {? b\n  c : 1}\n", { A: { "b c": 1 } }],
      ["A: {b\n  c}\n", { A: { "b c": null } }],
      ["A: {x: b\n  c}\n", { A: { x: "b c" } }],
    ] as const) {
      const parsed = yaml(source);
      expect(parsed.findings, source).toEqual([]);
      expect(toPlain(parsed.root!), source).toEqual(plain);
      if (pyYaml) expect(pyYaml(source), source).toEqual(plain);
    }
  });

  it("reports the first error, not every token after it", () => {
    const source = "A:\n  B: [{\n    c: 1\n  }]\n  D: 2\n  E: [3, 4]\n";
    // The library itself goes on with an "Unexpected ... token" error for each token after line 4.
    const raw = parseDocument(source).errors;
    expect(raw.filter((e) => e.code === "UNEXPECTED_TOKEN").length).toBeGreaterThan(5);
    const findings = library(source).findings;
    // Its first two are at one place (the `}]` of line 4), and the first says it.
    expect(findings.map((f) => `${f.range.start.line} ${f.message}`)).toEqual([
      "4 Flow map in block collection must be sufficiently indented and end with a }",
    ]);
  });

  it("reports one finding for two errors the library gives at one place", () => {
    // A key indented under a list item's key, as a public template wrote it.
    const source = "Policies:\n  - PolicyName: P\n      PolicyDocument:\n        Version: 1\n";
    const raw = parseDocument(source, { prettyErrors: false }).errors;
    expect(raw.length).toBe(2);
    expect(raw[0].pos[0]).toBe(raw[1].pos[0]);
    expect(raw.map((e) => e.message.split("\n")[0]).sort()).toEqual([
      "Implicit keys need to be on a single line",
      "Nested mappings are not allowed in compact mappings",
    ]);
    const findings = library(source).findings;
    expect(findings.map((f) => `${at(f.range)} ${f.message}`)).toEqual([
      `2:17-2:18 ${raw[0].message.split("\n")[0]}`,
    ]);
  });

  it("reports the first error only, as PyYAML stops there, not the parser's guesses at the lines after it", () => {
    // A list indented under `- !If Name`, as a public template wrote it.
    const source = [
      "Actions:",
      "  - !If Insecure",
      "      - Type: fixed-response",
      "        Status: 200",
      "      - Type: redirect",
      "Next: 1",
      "",
    ].join("\n");
    const raw = parseDocument(source, { prettyErrors: false }).errors;
    expect(new Set(raw.map((e) => e.pos[0])).size).toBeGreaterThan(1);
    const findings = library(source).findings;
    expect(findings.map((f) => f.message)).toEqual([raw[0].message.split("\n")[0]]);
    expect(findings[0].range.start.line).toBe(2);
  });

  it("reports an empty document", () => {
    for (const source of ["", "\n\n", "# only a comment\n"]) {
      const parsed = yaml(source);
      expect(parsed.root).toBeUndefined();
      expect(messages(parsed)).toEqual(["1:1-1:1 Template is empty"]);
    }
  });

  it("returns a top level that is not a mapping as parsed", () => {
    const parsed = yaml("- a\n- b\n");
    expect(parsed.findings).toEqual([]);
    expect(parsed.root?.kind).toBe("seq");
  });

  it("resolves aliases, and merge keys as the tools that rewrite templates do, and says where they are", () => {
    const parsed = yaml("Base: &base {A: 1, B: 2}\nCopy: *base\n<<: *base\nB: 3\n");
    expect(parsed.findings).toEqual([]);
    // The mapping's own B wins over the merged one, and the merged A comes after its own keys.
    expect(toPlain(parsed.root!)).toEqual({ Base: { A: 1, B: 2 }, Copy: { A: 1, B: 2 }, B: 3, A: 1 });
    expect(Object.keys(toPlain(parsed.root!) as object)).toEqual(["Base", "Copy", "B", "A"]);
    expect(parsed.yamlReuse?.map((r) => `${r.kind} ${at(r.range)}`)).toEqual([
      "alias 2:7-2:12",
      "alias 3:5-3:10",
      "merge 3:1-3:3",
    ]);
    expect(messages(yaml("A: *missing\n"))).toEqual(["1:4-1:12 Unknown anchor: *missing"]);
  });

  it("merges a merge key of a mapping written in place, whichever reader the template would go to", () => {
    // No anchor in sight, so the fast reader would take these; it leaves them to the library, which merges.
    const merged = { A: { C: 2, B: 1 } };
    for (const [source, expected] of [
      ["A:\n  <<: {B: 1}\n  C: 2\n", merged],
      ["A:\n  <<:\n    B: 1\n  C: 2\n", merged],
      ["A: {<<: {B: 1}, C: 2}\n", merged],
      ["A: [<<: {B: 1}]\n", { A: [{ B: 1 }] }],
    ] as const) {
      expect(() => parseYamlFast(source, "t.yaml", new LineIndex(source))).toThrow(Unsupported);
      const parsed = parseTemplate(source, "t.yaml");
      expect(toPlain(parsed.root!), source).toEqual(expected);
      expect(parsed.yamlReuse?.map((r) => r.kind)).toEqual(["merge"]);
    }
    // A quoted '<<' is a key like any other, for both readers.
    const quoted = 'A:\n  "<<": {B: 1}\n';
    for (const read of [parseYamlFast, parseYamlWithLibrary])
      expect(toPlain(read(quoted, "t.yaml", new LineIndex(quoted)).root!)).toEqual({ A: { "<<": { B: 1 } } });
  });

  it("merges a list of mappings with the earlier one winning, and leaves a merge key of anything else alone", () => {
    const parsed = yaml(
      "X: &x {A: 1}\nY: &y {A: 2, B: 2}\nZ:\n  <<: [*x, *y]\nW:\n  <<: !Ref Thing\nV:\n  <<: {Ref: Thing}\nU:\n  <<: x\n",
    );
    // An intrinsic function, short form or long, is a value of the key '<<', not a mapping to merge.
    expect(toPlain(parsed.root!)).toEqual({
      X: { A: 1 },
      Y: { A: 2, B: 2 },
      Z: { A: 1, B: 2 },
      W: { "<<": { Ref: "Thing" } },
      V: { "<<": { Ref: "Thing" } },
      U: { "<<": "x" },
    });
    expect(yaml("A: {B: 1}\n").yamlReuse).toBeUndefined();
  });
});

describe("JSON", () => {
  function json(source: string): ParsedTemplate {
    return parseTemplate(source, "template.json");
  }

  it("parses JSON with exact positions", () => {
    const parsed = json('{\n  "A": [1, "two", {"b": null}],\n  "C": true\n}');
    expect(parsed.format).toBe("json");
    expect(parsed.findings).toEqual([]);
    expect(at(parsed.root!.range)).toBe("1:1-4:2");
    expect(keyAt(parsed.root, "A")).toBe("2:3-2:6");
    expect(at(get(parsed.root, "A").range)).toBe("2:8-2:31");
    expect(at(get(parsed.root, "A", 1).range)).toBe("2:12-2:17");
    expect(keyAt(get(parsed.root, "A", 2), "b")).toBe("2:20-2:23");
    expect(toPlain(parsed.root!)).toEqual({ A: [1, "two", { b: null }], C: true });
  });

  it("rejects what neither JSON nor YAML reads, at the character JSON stops at", () => {
    // YAML 1.1 keeps a key in a flow mapping to one line, and the comment would join the next key.
    expect(messages(json('{\n  // note\n  "A": 1\n}'))).toEqual([
      "2:3-2:10 Comments are not allowed in JSON",
    ]);
    expect(messages(json('{"A": 1'))).toEqual(["1:1-1:2 Unclosed object: expected '}'"]);
    expect(json('{"A": 1').root).toBeUndefined();
    expect(json('{"A": 1').jsonAsYaml).toBeUndefined();
  });

  it("reads as YAML what JSON refuses and YAML reads, as CloudFormation does, keeping JSON's first complaint", () => {
    const cases: [string, unknown, string][] = [
      ["{A: 1}", { A: 1 }, "1:2-1:3 Property names must be double-quoted strings in JSON"],
      // A single-quoted string over a line break, which YAML folds.
      ["{'A': 'x\ny'}", { A: "x y" }, "1:7-1:8 Strings must use double quotes in JSON"],
      ['{"A": "x\n"}', { A: "x " }, "1:7-1:9 Unclosed string: expected '\"'"],
      [
        '{"Resources": {/* x */ "Q": 1}}',
        { Resources: { '/* x */ "Q"': 1 } },
        "1:16-1:23 Comments are not allowed in JSON",
      ],
    ];
    for (const [source, plain, complaint] of cases) {
      const parsed = json(source);
      expect(parsed.findings, source).toEqual([]);
      expect(parsed.format).toBe("json");
      expect(toPlain(parsed.root!), source).toEqual(plain);
      if (pyYaml) expect(pyYaml(source), source).toEqual(plain);
      expect(`${at(parsed.jsonAsYaml!.range)} ${parsed.jsonAsYaml!.message}`, source).toBe(complaint);
    }
  });

  it("reads trailing commas and single quotes as YAML does, which CloudFormation reads such a template as", () => {
    // PyYAML (cfn-lint) reads each of these the same.
    const trailing = json('{"A": [1, 2,], "B": {"C": 3,},}');
    expect(trailing.findings).toEqual([]);
    expect(toPlain(trailing.root!)).toEqual({ A: [1, 2], B: { C: 3 } });
    // Only the first place is kept.
    expect(trailing.jsonAsYaml?.message).toBe("Trailing comma is not allowed in JSON");
    expect(at(trailing.jsonAsYaml!.range)).toBe("1:12-1:13");
    const quoted = json("{'A': 'it''s \\n', \"B\": 'x'}");
    expect(toPlain(quoted.root!)).toEqual({ A: "it's \\n", B: "x" });
    expect(at(quoted.jsonAsYaml!.range)).toBe("1:2-1:5");
    expect(json('{"A": 1}').jsonAsYaml).toBeUndefined();
  });

  it("decodes escapes", () => {
    expect(toPlain(json('{"A": "a\\"b\\\\c\\n\\u00e9"}').root!)).toEqual({ A: 'a"b\\c\né' });
  });
});

describe("format detection and helpers", () => {
  it("chooses JSON by extension or by a leading brace", () => {
    expect(parseTemplate('{"A": 1}', "t.template").format).toBe("json");
    expect(parseTemplate('  \n {"A": 1}', "t.yaml").format).toBe("json");
    expect(parseTemplate("A: 1", "t.template").format).toBe("yaml");
    expect(parseTemplate("A: 1", "t.json").format).toBe("json");
  });

  it("finds map entries and converts to plain values", () => {
    const root = yaml("A:\n  B: [1, {C: x}]\n").root;
    expect(mapGet(root, "A")?.key).toBe("A");
    expect(mapGet(root, "Z")).toBeUndefined();
    expect(mapGet(get(root, "A", "B"), "C")).toBeUndefined();
    expect(toPlain(root!)).toEqual({ A: { B: [1, { C: "x" }] } });
  });

  it("computes line and column from an offset", () => {
    expect(lineColumnAt("ab\ncd\n", 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumnAt("ab\ncd\n", 2)).toEqual({ line: 1, column: 3 });
    expect(lineColumnAt("ab\ncd\n", 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumnAt("ab\ncd\n", 6)).toEqual({ line: 3, column: 1 });
  });
});

describe("corpus", () => {
  const corpus = path.resolve(process.cwd(), "../shared/corpus");
  const base = path.join(corpus, "aws-cloudformation-templates");
  const clean = readFileSync(path.join(corpus, "clean.txt"), "utf8").split("\n").filter(Boolean);

  function assertInside(node: Node, lines: string[], where: string): void {
    const check = (range: Range, what: string) => {
      const { start, end } = range;
      const ok =
        start.line >= 1 &&
        end.line <= lines.length &&
        start.column >= 1 &&
        start.column <= lines[start.line - 1].length + 1 &&
        end.column >= 1 &&
        end.column <= lines[end.line - 1].length + 1 &&
        (start.line < end.line || (start.line === end.line && start.column <= end.column));
      if (!ok) throw new Error(`${where}: ${what} range ${at(range)} lies outside the source`);
    };
    check(node.range, node.kind);
    if (node.kind === "seq") for (const item of node.items) assertInside(item, lines, where);
    if (node.kind === "map") {
      for (const entry of node.entries) {
        check(entry.keyRange, `key ${entry.key}`);
        assertInside(entry.value, lines, where);
      }
    }
  }

  it("has the 233 clean templates to read", () => {
    expect(clean).toHaveLength(233);
  });

  it("reads every clean template without a parse finding, with every range inside the source", () => {
    const problems: string[] = [];
    for (const file of clean) {
      const source = readFileSync(path.join(base, file), "utf8");
      const parsed = parseTemplate(source, file);
      for (const f of parsed.findings) problems.push(`${file} ${at(f.range)} ${f.message}`);
      if (parsed.root?.kind !== "map") problems.push(`${file}: root is not a mapping`);
      else assertInside(parsed.root, source.split("\n"), file);
    }
    expect(problems).toEqual([]);
  });

  it("gives the same tree through the fast reader as through the library", () => {
    let fastCount = 0;
    const yamlFiles = clean.filter((f) => !f.endsWith(".json"));
    for (const file of yamlFiles) {
      const source = readFileSync(path.join(base, file), "utf8");
      const lines = new LineIndex(source);
      const result = fastIfSupported(source, file, lines);
      if (!result) continue;
      fastCount++;
      expect(result, file).toEqual(parseYamlWithLibrary(source, file, lines));
    }
    // Nearly every real template is inside the fast reader's subset; if this drops, speed does.
    expect(fastCount).toBeGreaterThanOrEqual(yamlFiles.length - 5);
  });

  it("agrees with the library on damaged templates (cut short, a character lost)", () => {
    // A fixed pseudo-random walk, so a failure names a case that can be replayed.
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    let compared = 0;
    for (const file of clean.filter((f) => !f.endsWith(".json"))) {
      const full = readFileSync(path.join(base, file), "utf8");
      for (let k = 0; k < 3; k++) {
        const cut = Math.floor(next() * full.length);
        const lineEnd = full.indexOf("\n", cut);
        const source =
          k === 0
            ? full.slice(0, cut)
            : k === 1
              ? full.slice(0, lineEnd === -1 ? undefined : lineEnd)
              : full.slice(0, cut) + full.slice(cut + 1);
        const lines = new LineIndex(source);
        const result = fastIfSupported(source, file, lines);
        if (!result) continue;
        compared++;
        expect(result, `${file} variant ${k} at ${cut}`).toEqual(parseYamlWithLibrary(source, file, lines));
      }
    }
    expect(compared).toBeGreaterThan(200);
  });
});
