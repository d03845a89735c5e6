/**
 * What a Fn::ForEach loop over a list the template gives makes (loops.ts), judged by the rules as
 * the language extensions transform writes it, with the Fn::FindInMap it resolves.
 */
import { describe, expect, it } from "vitest";
import type { MapNode } from "../../../../src/template/model";
import { parseTemplate } from "../../../../src/template/parse";
import { loopEntries } from "../../../../src/template/rules/loops";
import { brief, lint, located, yaml } from "../lint";

const EXTENSIONS = "Transform: AWS::LanguageExtensions";

/**
 * Fixture lines of Resources: `Fn::ForEach::Topics` over `items` (written as in YAML), making an
 * AWS::SNS::Topic `Topic${Name}` for each; five lines, its output key on the fourth.
 */
function topicsLoop(items: string): string[] {
  return [
    "  Fn::ForEach::Topics:",
    "    - Name",
    `    - ${items}`,
    "    - Topic${Name}:",
    "        Type: AWS::SNS::Topic",
  ];
}

/**
 * What the first `Fn::ForEach::` entry of a template's Resources makes, as loops.ts gives it; with
 * `unknownItems`, the copy made where the list is known only at deploy.
 */
function made(source: string, unknownItems = false) {
  const root = parseTemplate(source, "template.yaml").root as MapNode;
  const section = (name: string) =>
    root.entries.find((entry) => entry.key === name)?.value as MapNode | undefined;
  const mappings = new Map((section("Mappings")?.entries ?? []).map((entry) => [entry.key, entry]));
  const parameters = new Map((section("Parameters")?.entries ?? []).map((entry) => [entry.key, entry]));
  return loopEntries((section("Resources") as MapNode).entries[0], mappings, parameters, {
    section: "Resources",
    unknownItems,
  })?.entries;
}

/** The made resources as plain data: name, then the body with its ranges left out. */
function plain(source: string, unknownItems = false) {
  const strip = (node: unknown): unknown => {
    const n = node as {
      kind: string;
      value?: unknown;
      items?: unknown[];
      entries?: { key: string; value: unknown }[];
    };
    if (n.kind === "scalar") return n.value;
    if (n.kind === "seq") return n.items?.map(strip);
    return Object.fromEntries((n.entries ?? []).map((entry) => [entry.key, strip(entry.value)]));
  };
  return made(source, unknownItems)?.map((entry) => [entry.key, strip(entry.value)]);
}

describe("the resources of a Fn::ForEach loop", () => {
  it("are the output with each item put in: keys, text, Ref to the identifier, a Fn::Sub left without variables", () => {
    const source = yaml(
      EXTENSIONS,
      "Resources:",
      "  Fn::ForEach::Queues:",
      "    - Name",
      "    - [orders-api, Payments]",
      "    - Queue&{Name}:",
      "        Type: AWS::SQS::Queue",
      "        DependsOn: Topic&{Name}",
      "        Properties:",
      "          QueueName: !Sub '${Name}-${AWS::StackName}'",
      "          Tags:",
      "            - Key: name",
      "              Value: !Ref Name",
      "            - Key: plain",
      "              Value: !Sub '${Name}-queue'",
    );
    expect(plain(source)).toEqual([
      [
        "Queueordersapi",
        {
          Type: "AWS::SQS::Queue",
          DependsOn: "Topicordersapi",
          Properties: {
            QueueName: { "Fn::Sub": "orders-api-${AWS::StackName}" },
            Tags: [
              { Key: "name", Value: "orders-api" },
              { Key: "plain", Value: "orders-api-queue" },
            ],
          },
        },
      ],
      [
        "QueuePayments",
        {
          Type: "AWS::SQS::Queue",
          DependsOn: "TopicPayments",
          Properties: {
            QueueName: { "Fn::Sub": "Payments-${AWS::StackName}" },
            Tags: [
              { Key: "name", Value: "Payments" },
              { Key: "plain", Value: "Payments-queue" },
            ],
          },
        },
      ],
    ]);
  });

  it("expand loops inside loops and loops that make properties", () => {
    const source = yaml(
      EXTENSIONS,
      "Resources:",
      "  Fn::ForEach::Outer:",
      "    - Service",
      "    - [A, B]",
      "    - Fn::ForEach::Inner:",
      "        - Env",
      "        - [Dev, Prod]",
      "        - Topic${Service}${Env}:",
      "            Type: AWS::SNS::Topic",
      "            Properties:",
      "              Tags:",
      "                - Key: env",
      "                  Value: !Ref Env",
      "              Fn::ForEach::Props:",
      "                - Prop",
      "                - [DisplayName]",
      "                - ${Prop}: !Sub '${Service}-${Env}'",
    );
    const copies = plain(source);
    expect(copies?.map(([name]) => name)).toEqual(["TopicADev", "TopicAProd", "TopicBDev", "TopicBProd"]);
    expect(copies?.[3]).toEqual([
      "TopicBProd",
      {
        Type: "AWS::SNS::Topic",
        Properties: { Tags: [{ Key: "env", Value: "Prod" }], DisplayName: "B-Prod" },
      },
    ]);
  });

  it("leave out an entry without a value beside an inner loop, as cfn-lint's model of the transform does", () => {
    // The key `${Service}:` written at the inner loop's indentation has no value: the transform is
    // given no resource there (an AWS sample deploys so; cfn-lint 1.51 reports nothing).
    const source = yaml(
      EXTENSIONS,
      "Resources:",
      "  Fn::ForEach::Outer:",
      "    - Service",
      "    - [A, B]",
      "    - ${Service}:",
      "      Fn::ForEach::Inner:",
      "        - Env",
      "        - [Dev]",
      "        - Topic${Service}${Env}:",
      "            Type: AWS::SNS::Topic",
    );
    expect(plain(source)?.map(([name]) => name)).toEqual(["TopicADev", "TopicBDev"]);
    expect(lint(source)).toEqual([]);
  });

  it("leave out a property without a value, where a resource outside the loop keeps it (E3943)", () => {
    const source = yaml(
      EXTENSIONS,
      "Resources:",
      ...topicsLoop("[A, B]"),
      "        Properties:",
      "          DisplayName:",
      "          TopicName: !Sub 'topic-${Name}'",
      "  Plain:",
      "    Type: AWS::SNS::Topic",
      "    Properties:",
      "      DisplayName:",
    );
    expect(plain(source)?.[1]).toEqual([
      "TopicB",
      { Type: "AWS::SNS::Topic", Properties: { TopicName: "topic-B" } },
    ]);
    expect(brief(lint(source, { only: ["E3943"] }))).toEqual(["E3943 14:7"]);
  });

  it("go over the list a mapping gives a Fn::FindInMap of names, the outer items put in", () => {
    const source = yaml(
      EXTENSIONS,
      "Mappings:",
      "  Services:",
      "    Orders:",
      "      Queues: [Created, Paid]",
      "    Refunds:",
      "      Queues: [Asked]",
      "Resources:",
      "  Fn::ForEach::Services:",
      "    - Service",
      "    - [Orders, Refunds]",
      "    - Fn::ForEach::Queues:",
      "        - Queue",
      "        - !FindInMap [Services, !Ref Service, Queues]",
      "        - ${Service}${Queue}:",
      "            Type: AWS::SQS::Queue",
    );
    expect(plain(source)?.map(([name]) => name)).toEqual(["OrdersCreated", "OrdersPaid", "RefundsAsked"]);
    const missing = source.replace(
      "!FindInMap [Services, !Ref Service, Queues]",
      "!FindInMap [Services, !Ref Service, Topics]",
    );
    expect(plain(missing)).toBeUndefined();
  });

  it("resolve a Fn::FindInMap the items name, to its DefaultValue where the mapping has no key", () => {
    // The NAT gateway example of the Fn::ForEach RFC: no Condition for A, one for B and C.
    const findings = lint(
      yaml(
        EXTENSIONS,
        "Parameters:",
        "  Count:",
        "    Type: Number",
        "Conditions:",
        "  TwoNatGateways: !Not [!Equals [!Ref Count, 1]]",
        "  ThreeNatGateways: !Equals [!Ref Count, 3]",
        "Mappings:",
        "  NatGateway:",
        "    Condition:",
        "      B: TwoNatGateways",
        "      C: ThreeNatGateways",
        "Resources:",
        "  Fn::ForEach::Addresses:",
        "    - Identifier",
        "    - [A, B, C]",
        "    - Address${Identifier}:",
        "        Type: AWS::EC2::EIP",
        "        Condition: !FindInMap [NatGateway, Condition, !Ref Identifier, DefaultValue: !Ref AWS::NoValue]",
        "        Properties:",
        "          Domain: vpc",
      ),
    );
    expect(located(findings)).toEqual([]);
    const copies = plain(
      yaml(
        EXTENSIONS,
        "Mappings:",
        "  NatGateway:",
        "    Condition:",
        "      B: TwoNatGateways",
        "Resources:",
        "  Fn::ForEach::Addresses:",
        "    - Identifier",
        "    - [A, B]",
        "    - Address${Identifier}:",
        "        Type: AWS::EC2::EIP",
        "        Condition: !FindInMap [NatGateway, Condition, !Ref Identifier, DefaultValue: !Ref AWS::NoValue]",
      ),
    );
    expect(copies).toEqual([
      ["AddressA", { Type: "AWS::EC2::EIP" }],
      ["AddressB", { Type: "AWS::EC2::EIP", Condition: "TwoNatGateways" }],
    ]);
  });

  it("leave a loop whose output template is a function as written, for E1032", () => {
    // A property loop's copy must be a mapping of keys: its Ref once broke the whole index.
    const source = yaml(
      EXTENSIONS,
      "Resources:",
      ...topicsLoop("[A, B]"),
      "        Properties:",
      "          Fn::ForEach::Props:",
      "            - Prop",
      "            - [DisplayName]",
      "            - Ref: Prop",
    );
    const body = made(source)?.[0].value as MapNode;
    expect(body.entries.map((entry) => entry.key)).toEqual(["Type", "Properties"]);
    expect(located(lint(source, { only: ["E1032", "E0002"] }))).toEqual([
      "E1032 12 The output template of Fn::ForEach::Props must be a mapping",
    ]);
  });

  it("are unknown when a list is not written out, at any depth", () => {
    const overParameter = yaml(
      EXTENSIONS,
      "Resources:",
      "  Fn::ForEach::Topics:",
      "    - Name",
      "    - !Ref Names",
      "    - Topic${Name}:",
      "        Type: AWS::SNS::Topic",
    );
    const innerOverParameter = yaml(
      EXTENSIONS,
      "Resources:",
      "  Fn::ForEach::Outer:",
      "    - Service",
      "    - [A, B]",
      "    - Fn::ForEach::Inner:",
      "        - Env",
      "        - !Ref Envs",
      "        - Topic${Service}${Env}:",
      "            Type: AWS::SNS::Topic",
    );
    const numbers = yaml(
      EXTENSIONS,
      "Resources:",
      "  Fn::ForEach::Topics:",
      "    - Index",
      "    - [1, 2]",
      "    - Topic${Index}:",
      "        Type: AWS::SNS::Topic",
    );
    expect(plain(overParameter)).toBeUndefined();
    expect(plain(innerOverParameter)).toBeUndefined();
    expect(plain(numbers)).toBeUndefined();
    // Where the index allows it, a list only the deploy knows gives one copy with the item unknown.
    expect(plain(overParameter, true)).toEqual([["Topic${Name}", { Type: "AWS::SNS::Topic" }]]);
    expect(plain(innerOverParameter, true)?.map(([name]) => name)).toEqual(["TopicA${Env}", "TopicB${Env}"]);
    expect(plain(numbers, true)).toBeUndefined();
  });

  it("with an item only the deploy knows, make a Fn::Sub of each value that holds it, and keep names", () => {
    const source = yaml(
      EXTENSIONS,
      "Parameters:",
      "  Names:",
      "    Type: CommaDelimitedList",
      "Resources:",
      "  Fn::ForEach::Queues:",
      "    - Name",
      "    - !Ref Names",
      "    - Queue&{Name}:",
      "        Type: AWS::SQS::Queue",
      "        Condition: Has${Name}",
      "        DependsOn:",
      "          - Topic${Name}",
      "        Properties:",
      "          QueueName: ${Name}-${Suffix}",
      "          DelaySeconds: !Ref Name",
      "          RedrivePolicy:",
      "            deadLetterTargetArn: !GetAtt Dlq${Name}.Arn",
      "            maxReceiveCount: !If",
      "              - Many${Name}",
      "              - 10",
      "              - 5",
      "          Tags:",
      "            - Key: !Sub '${AWS::StackName}-&{Name}'",
      "              Value: !FindInMap [Sizes, !Ref Name, Value]",
      "            - Key: Fixed",
      "              Value: text",
      "            - Key: Both",
      "              Value: !Sub",
      "                - '&{Name}-${Size}'",
      "                - Size: !Ref Name",
    );
    expect(plain(source, true)).toEqual([
      [
        "Queue&{Name}",
        {
          Type: "AWS::SQS::Queue",
          Condition: "Has${Name}",
          DependsOn: ["Topic${Name}"],
          Properties: {
            // The transform fills `${Name}` alone: another `${...}` of plain text stays text.
            QueueName: { "Fn::Sub": "${Name}-${!Suffix}" },
            DelaySeconds: { "Fn::Sub": "${Name}" },
            RedrivePolicy: {
              deadLetterTargetArn: { "Fn::GetAtt": ["Dlq${Name}", "Arn"] },
              maxReceiveCount: { "Fn::If": ["Many${Name}", 10, 5] },
            },
            Tags: [
              {
                Key: { "Fn::Sub": "${AWS::StackName}-${Name}" },
                Value: { "Fn::FindInMap": ["Sizes", { "Fn::Sub": "${Name}" }, "Value"] },
              },
              { Key: "Fixed", Value: "text" },
              { Key: "Both", Value: { "Fn::Sub": ["${Name}-${Size}", { Size: { "Fn::Sub": "${Name}" } }] } },
            ],
          },
        },
      ],
    ]);
    // An identifier that is a parameter's name would hide its Ref: no copy.
    expect(plain(source.replace("    - Name\n", "    - Names\n"), true)).toBeUndefined();
  });

  it("are left as written when the loops would make more than a template can hold", () => {
    const items = `[${Array.from({ length: 20 }, (_, i) => `x${i}`).join(", ")}]`;
    /** `levels` loops of 20 items, one inside the other, around one topic named by every identifier. */
    const nested = (levels: number): string => {
      const ids = "ABCD".slice(0, levels).split("");
      const lines: string[] = [];
      let indent = "  ";
      for (const id of ids) {
        lines.push(
          `${indent}Fn::ForEach::Loop${id}:`,
          `${indent}  - ${id}`,
          `${indent}  - ${items}`,
          `${indent}  -`,
        );
        indent += "    ";
      }
      const name = ids.map((id) => `\${${id}}`).join("");
      lines.push(`${indent}T${name}:`, `${indent}  Type: AWS::SNS::Topic`);
      return yaml(EXTENSIONS, "Resources:", ...lines);
    };
    // Four loops: 160,000 topics from a short template, past what is counted as it is made.
    expect(made(nested(4))).toBeUndefined();
    // Three: 8,000, within it.
    expect(made(nested(3))?.length).toBe(20 * 20 * 20);
  });

  it("are left as written when the items would make more text than a template can hold", () => {
    // 100 items of 10,000 characters, each put into 40 places of its copy: 40 MB of text made.
    const items = Array.from({ length: 100 }, (_, i) => `${"x".repeat(10_000)}${i}`);
    const tags = Array.from(
      { length: 40 },
      (_, i) => `          - { Key: k${i}, Value: !Sub 'tag-\${Name}' }`,
    );
    const source = yaml(
      EXTENSIONS,
      "Resources:",
      "  Fn::ForEach::Topics:",
      "    - Name",
      `    - [${items.join(", ")}]`,
      "    - Topic&{Name}:",
      "        Type: AWS::SNS::Topic",
      "        Properties:",
      "          Tags:",
      ...tags,
    );
    expect(made(source)).toBeUndefined();
    // Six places (the last 34 left out): 6 MB.
    const fewer = source.split("\n").slice(0, -35).join("\n");
    expect(made(`${fewer}\n`)?.length).toBe(100);
  });

  it("keep the ranges of the text they were made from, and share what has nothing to put in", () => {
    const source = yaml(
      EXTENSIONS,
      "Resources:",
      ...topicsLoop("[A, B]"),
      "        Properties:",
      "          DisplayName: !Ref Name",
    );
    const copies = made(source) ?? [];
    expect(copies.map((entry) => entry.keyRange.start)).toEqual([
      { line: 6, column: 7 },
      { line: 6, column: 7 },
    ]);
    const [a, b] = copies.map((entry) => entry.value as MapNode);
    expect(a.entries[0]).toBe(b.entries[0]);
    const displayName = (a.entries[1].value as MapNode).entries[0].value;
    expect(displayName).toMatchObject({
      kind: "scalar",
      value: "A",
      range: { start: { line: 9, column: 24 } },
    });
  });
});

describe("rules on the resources of a loop", () => {
  const template = yaml(
    EXTENSIONS,
    "Resources:",
    "  Fn::ForEach::Topics:",
    "    - Name",
    "    - [Orders, Payments]",
    "    - Topic${Name}:",
    "        Type: AWS::SNS::Topic",
    "        Properties:",
    "          FifoTopic: maybe",
    "          DisplayNam: x",
    "Outputs:",
    "  Orders:",
    "    Value: !Ref TopicOrders",
    "  Payments:",
    "    Value: !GetAtt TopicPayments.TopicArn",
    "  Missing:",
    "    Value: !Ref TopicRefunds",
  );

  it("judge each resource, and say it once where the copies share the text", () => {
    expect(located(lint(template, { only: ["E3002", "E3012"] }))).toEqual([
      "E3012 9 'FifoTopic' of AWS::SNS::Topic must be a boolean, not 'maybe'",
      "E3002 10 Unknown property 'DisplayNam' for AWS::SNS::Topic (did you mean 'DisplayName'?)",
    ]);
    // A message that names the copy: one finding at the line, for the first copy by name.
    const named = lint(
      yaml(
        EXTENSIONS,
        "Resources:",
        ...topicsLoop("[Payments, Orders]"),
        "        Properties:",
        "          TopicName: !Sub '${Name}-topic'",
      ),
      { only: ["W3939"] },
    );
    expect(named.map((finding) => finding.message.slice(0, finding.message.indexOf(" is ")))).toEqual([
      "TopicName of TopicOrders",
    ]);
  });

  it("know the names the loop makes, and no other", () => {
    expect(located(lint(template, { only: ["E1010", "E1020"] }))).toEqual([
      "E1020 17 Ref to undefined parameter or resource 'TopicRefunds'",
    ]);
  });

  it("judge the functions of each copy as the transform writes them", () => {
    const findings = lint(
      yaml(
        EXTENSIONS,
        "Resources:",
        "  Fn::ForEach::Queues:",
        "    - Name",
        "    - [Orders, Payments]",
        "    - Queue${Name}:",
        "        Type: AWS::SQS::Queue",
        "      Alarm${Name}:",
        "        Type: AWS::CloudWatch::Alarm",
        "        Properties:",
        "          ComparisonOperator: GreaterThanThreshold",
        "          EvaluationPeriods: 1",
        "          Threshold: 10",
        "          MetricName: ApproximateNumberOfMessagesVisible",
        "          Namespace: AWS/SQS",
        "          Period: 60",
        "          Statistic: Maximum",
        "          AlarmActions: [!Ref { 'Fn::Sub': 'Topic${Name}' }]",
        "          Dimensions:",
        "            - Name: QueueName",
        "              Value: !GetAtt [!Sub 'Queue${Name}', QueueNam]",
        "Outputs:",
        "  Fn::ForEach::Urls:",
        "    - Name",
        "    - [Orders, Payments]",
        "    - ${Name}Url:",
        "        Value: !GetAtt [!Sub 'Queue${Name}', QueueUrl]",
      ),
      { only: ["E1010", "E1020"] },
    );
    expect(located(findings)).toEqual([
      "E1020 18 Ref to undefined parameter or resource 'TopicOrders'",
      "E1010 21 AWS::SQS::Queue has no attribute 'QueueNam' (resource 'QueueOrders') (did you mean 'QueueName'?)",
    ]);
  });

  it("judge a value that differs per item at each item", () => {
    const long = "a-name-that-makes-this-queue-name-longer-than-the-eighty-characters-sqs-allows";
    const findings = lint(
      yaml(
        EXTENSIONS,
        "Resources:",
        "  Fn::ForEach::Queues:",
        "    - Name",
        `    - [short, ${long}]`,
        "    - Queue&{Name}:",
        "        Type: AWS::SQS::Queue",
        "        Properties:",
        "          QueueName: !Sub '${Name}-queue'",
      ),
      { only: ["E3031", "E3033"] },
    );
    // Only the long item's name is too long: `${long}-queue`.
    expect(located(findings)).toEqual([
      `E3033 9 'QueueName' of AWS::SQS::Queue must be at most 80 characters long, not ${long.length + 6}`,
    ]);
  });

  it("judge what a loop over a parameter's list makes, but no value that holds the item", () => {
    const findings = lint(
      yaml(
        EXTENSIONS,
        "Parameters:",
        "  Names:",
        "    Type: CommaDelimitedList",
        "  Stage:",
        "    Type: String",
        "Conditions:",
        "  IsProd: !Equals [!Ref Stage, prod]",
        "Resources:",
        "  Fn::ForEach::Topics:",
        "    - Name",
        "    - !Ref Names",
        "    - Topic${Name}:",
        "        Type: AWS::SNS::Topic",
        "        Condition: IsProd",
        "        Properties:",
        "          FifoTopic: maybe",
        "          DisplayNam: ${Name}",
        "      Queue${Name}:",
        "        Type: AWS::SQS::Queue",
        "        Properties:",
        "          VisibilityTimeout: ${Name}",
        "          DelaySeconds: !Ref Name",
        "          MessageRetentionPeriod: 99999999",
        "          QueueName: !Sub '&{Name}-${AWS::Region}'",
        "      Subscription${Name}:",
        "        Type: AWS::SNS::Subscription",
        "        Properties:",
        "          Protocol: sqs",
        "          TopicArn: !Ref Topic${Name}",
        "          Endpoint: !GetAtt Queue${Name}.Arn",
        "Outputs:",
        "  Any:",
        "    Value: !Ref TopicAnything",
      ),
    );
    expect(located(findings)).toEqual([
      "E3012 17 'FifoTopic' of AWS::SNS::Topic must be a boolean, not 'maybe'",
      "E3002 18 Unknown property 'DisplayNam' for AWS::SNS::Topic (did you mean 'DisplayName'?)",
      "E3034 24 'MessageRetentionPeriod' of AWS::SQS::Queue must be at most 1209600",
      "W1001 30 Ref to resource 'Topic${Name}', which exists only when condition IsProd is true, from resource 'Subscription${Name}', which does not depend on it: when IsProd is false the stack fails with unresolved dependencies. Give resource 'Subscription${Name}' Condition: IsProd, or put the reference in Fn::If [IsProd, ...]",
      "W3907 31 Subscription 'Subscription${Name}' delivers to 'Queue${Name}', which has no queue policy that lets sns.amazonaws.com send messages to it: the subscription deploys, but SNS cannot deliver to it; add an AWS::SQS::QueuePolicy on !Ref Queue${Name} that allows sns.amazonaws.com sqs:SendMessage",
    ]);
  });

  it("judge the outputs of a loop over a parameter's list, their names' placeholders left to it", () => {
    const findings = lint(
      yaml(
        EXTENSIONS,
        "Parameters:",
        "  Names:",
        "    Type: CommaDelimitedList",
        "Resources:",
        "  Fn::ForEach::Topics:",
        "    - Name",
        "    - !Ref Names",
        "    - Topic${Name}:",
        "        Type: AWS::SNS::Topic",
        "Outputs:",
        "  Fn::ForEach::Arns:",
        "    - Name",
        "    - !Ref Names",
        "    - ${Name}:",
        "        Description: !Sub The ARN of topic ${Name}",
        "        Value: !Ref Topic${Name}",
        "        Exports:",
        "          Name: !Sub ${AWS::StackName}-${Name}",
      ),
      { only: ["E6001", "E6003", "E1020", "W2001"] },
    );
    // The Description is text once the transform puts the item in; `${Name}` alone is a fine id.
    expect(located(findings)).toEqual([
      'E6001 18 Output ${Name} has an unknown attribute "Exports"; allowed: Value, Description, Export, Condition',
    ]);
  });

  it("take a name with a loop's placeholders as every name it may become", () => {
    const source = yaml(
      EXTENSIONS,
      "Parameters:",
      "  Names:",
      "    Type: CommaDelimitedList",
      "  Count:",
      "    Type: Number",
      "Conditions:",
      "  IsFirst: !Equals [!Ref Count, 1]",
      "  IsSecond: !Equals [!Ref Count, 2]",
      "  HasA: !Equals [!Ref Count, 3]",
      "Mappings:",
      "  Gates:",
      "    Condition:",
      "      a: IsFirst",
      "      b: IsSecond",
      "Resources:",
      "  Fn::ForEach::Topics:",
      "    - Name",
      "    - !Ref Names",
      "    - Topic${Name}:",
      "        Type: AWS::SNS::Topic",
      "        Condition: !FindInMap [Gates, Condition, !Ref Name]",
      "      Queue${Name}:",
      "        Type: AWS::SQS::Queue",
      "        Condition: !Sub Has${Name}",
      "  After:",
      "    Type: AWS::SNS::Topic",
      "    DependsOn: Topica",
    );
    // Every condition the mapping or the pattern can give is used; a loop's resource is there.
    expect(located(lint(source, { only: ["W8001", "E3001", "E8002", "E3005"] }))).toEqual([]);
    expect(
      located(lint(source.replace("DependsOn: Topica", "DependsOn: Queuex"), { only: ["E3005"] })),
    ).toEqual([]);
    expect(
      located(lint(source.replace("DependsOn: Topica", "DependsOn: Table"), { only: ["E3005"] })),
    ).toEqual(["E3005 28 Resource 'After' depends on 'Table', which is not a resource in this template"]);
  });

  it("judge the properties a loop inside a resource makes, and not those only the deploy knows", () => {
    const lines = [
      EXTENSIONS,
      "Mappings:",
      "  Props:",
      "    Values:",
      "      ImageId: ami-12345678",
      "      InstanceType: t3.micro",
      "Parameters:",
      "  Names:",
      "    Type: CommaDelimitedList",
      "Resources:",
      "  Instance:",
      "    Type: AWS::EC2::Instance",
      "    Properties:",
      "      Fn::ForEach::Properties:",
      "        - Property",
      "        - [ImageId, InstanceType]",
      "        - ${Property}:",
      "            Fn::FindInMap: [Props, Values, !Ref Property]",
    ];
    // Before, the instance was read as one without ImageId.
    expect(located(lint(yaml(...lines), { only: ["E3673", "E3003"] }))).toEqual([]);
    const wrong = yaml(...lines).replace("ami-12345678", "image-1");
    expect(located(lint(wrong, { only: ["E3031"] }))).toEqual([
      "E3031 18 'ImageId' of AWS::EC2::Instance must be an AMI id",
    ]);
    const overParameter = yaml(...lines).replace("[ImageId, InstanceType]", "!Ref Names");
    expect(located(lint(overParameter, { only: ["E3673", "E3003"] }))).toEqual([]);
  });

  it("judge the outputs a loop makes: one export name for every copy is taken twice", () => {
    const findings = lint(
      yaml(
        EXTENSIONS,
        "Resources:",
        ...topicsLoop("[Orders, Payments]"),
        "Outputs:",
        "  Fn::ForEach::TopicArns:",
        "    - Name",
        "    - [Orders, Payments]",
        "    - ${Name}Arn:",
        "        Value: !Ref",
        "          Fn::Sub: Topic${Name}",
        "        Export:",
        "          Name: !Sub '${AWS::StackName}-topic'",
        "  Fn::ForEach::Named:",
        "    - Name",
        "    - [Orders, Payments]",
        "    - ${Name}Name:",
        "        Value: !GetAtt [!Sub 'Topic${Name}', TopicName]",
        "        Export:",
        "          Name: !Sub '${AWS::StackName}-${Name}'",
      ),
      { only: ["E6006"] },
    );
    expect(located(findings)).toEqual([
      "E6006 16 Output PaymentsArn exports the same name as output OrdersArn; export names must be unique",
    ]);
  });

  it("judge the conditions a loop makes, and what names them", () => {
    const findings = lint(
      yaml(
        EXTENSIONS,
        "Parameters:",
        "  ParamA:",
        "    Type: String",
        "  ParamB:",
        "    Type: String",
        "Conditions:",
        "  Fn::ForEach::Enabled:",
        "    - Identifier",
        "    - [A, B]",
        "    - IsParam${Identifier}Enabled: !Equals [!Ref { 'Fn::Sub': 'Param${Identifier}' }, 'true']",
        "Resources:",
        "  Fn::ForEach::Topics:",
        "    - Identifier",
        "    - [A, B]",
        "    - Topic${Identifier}:",
        "        Type: AWS::SNS::Topic",
        "        Condition: !Sub IsParam${Identifier}Enabled",
        "  Other:",
        "    Type: AWS::SNS::Topic",
        "    Condition: IsParamCEnabled",
      ),
      { only: ["E8002", "W8001", "E1020"] },
    );
    expect(located(findings)).toEqual([
      'E8002 21 The Condition of resource Other is "IsParamCEnabled", which is not defined in Conditions ' +
        "(did you mean 'IsParamAEnabled'?) (defined: IsParamAEnabled, IsParamBEnabled)",
    ]);
  });

  it("may not take a name the section gives already (E1032)", () => {
    const findings = lint(
      yaml(
        EXTENSIONS,
        "Resources:",
        ...topicsLoop("[Orders, Payments]"),
        "  TopicPayments:",
        "    Type: AWS::SNS::Topic",
        "  Fn::ForEach::More:",
        "    - Name",
        "    - [Refunds, Orders]",
        "    - Topic${Name}:",
        "        Type: AWS::SNS::Topic",
        "Outputs:",
        "  Fn::ForEach::Arns:",
        "    - Name",
        "    - [Orders]",
        "    - ${Name}Arn:",
        "        Value: !Ref TopicOrders",
        "  OrdersArn:",
        "    Value: !Ref TopicOrders",
      ),
      { only: ["E1032"] },
    );
    expect(located(findings)).toEqual([
      "E1032 6 Fn::ForEach::Topics makes resource 'TopicPayments', which Resources also names: " +
        "the transform refuses a name given twice",
      "E1032 13 Fn::ForEach::More makes resource 'TopicOrders', which Fn::ForEach::Topics also makes: " +
        "the transform refuses a name given twice",
      "E1032 19 Fn::ForEach::Arns makes output 'OrdersArn', which Outputs also names: " +
        "the transform refuses a name given twice",
    ]);
  });

  it("may not take one name for two of its items (E1032)", () => {
    const findings = lint(
      yaml(
        EXTENSIONS,
        "Resources:",
        "  Fn::ForEach::Queues:",
        "    - Name",
        "    - [orders-eu, orderseu, payments]",
        "    - Queue&{Name}:",
        "        Type: AWS::SQS::Queue",
        "  Fn::ForEach::Regions:",
        "    - Region",
        "    - [Eu, Us]",
        "    - Fn::ForEach::Tables:",
        "        - Table",
        "        - [Orders]",
        "        - Table${Table}:",
        "            Type: AWS::DynamoDB::Table",
      ),
      { only: ["E1032"] },
    );
    // `&{Name}` keeps the letters and digits alone; the inner key lacks the outer identifier.
    expect(located(findings)).toEqual([
      "E1032 6 Fn::ForEach::Queues makes resource 'Queueorderseu', which another of its items also makes: " +
        "the transform refuses a name given twice",
      "E1032 14 Fn::ForEach::Regions makes resource 'TableOrders', which another of its items also makes: " +
        "the transform refuses a name given twice",
    ]);
  });

  it("are not made without the transform", () => {
    const findings = lint(
      yaml("Resources:", ...topicsLoop("[Orders]"), "        Properties:", "          FifoTopic: maybe"),
      { only: ["E3012"] },
    );
    expect(findings).toEqual([]);
  });
});

describe("a resource's Condition given by Fn::FindInMap under the language extensions", () => {
  const template = (key: string, condition: string) =>
    yaml(
      EXTENSIONS,
      "Parameters:",
      "  Count:",
      "    Type: Number",
      "Conditions:",
      "  Two: !Equals [!Ref Count, 2]",
      "Mappings:",
      "  Gateways:",
      "    Condition:",
      `      ${key}: ${condition}`,
      "Resources:",
      "  Address:",
      "    Type: AWS::EC2::EIP",
      "    Condition: !FindInMap [Gateways, Condition, B]",
    );

  it("is the condition the mapping names, which the transform resolves it to", () => {
    expect(located(lint(template("B", "Two"), { only: ["E3001", "E8002", "W8001"] }))).toEqual([]);
    expect(located(lint(template("B", "Three"), { only: ["E3001", "E8002", "W8001"] }))).toEqual([
      "W8001 6 Condition Two is never used by a resource, output, Fn::If or other condition. Remove it or use it",
      'E8002 14 The Condition of resource Address is "Three", which is not defined in Conditions (defined: Two)',
    ]);
  });

  it("must name keys the mapping has, or the transform refuses it (E1011)", () => {
    expect(located(lint(template("C", "Two"), { only: ["E1011", "E3001"] }))).toEqual([
      "E1011 14 Mapping 'Gateways' has no key 'B' under 'Condition' (did you mean 'C'?)",
    ]);
  });

  it("is a condition's name only under the transform", () => {
    const without = template("B", "Two").replace(`${EXTENSIONS}\n`, "");
    expect(located(lint(without, { only: ["E3001"] }))).toEqual([
      "E3001 13 Condition of resource 'Address' must be the name of a condition",
    ]);
  });
});
