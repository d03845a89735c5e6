/**
 * Resources a Fn::ForEach loop over a written-out list makes (loops.ts): the resource rules judge
 * each one as the transform writes it, and a reference outside the loop names them exactly.
 */
import { describe, expect, it } from "vitest";
import type { MapNode } from "../../../../src/template/model";
import { parseTemplate } from "../../../../src/template/parse";
import { loopResources } from "../../../../src/template/rules/loops";
import { lint, located, yaml } from "../lint";

const EXTENSIONS = "Transform: AWS::LanguageExtensions";

/** The `Fn::ForEach::` entry of a template's Resources, as the parser gives it. */
function loopOf(source: string) {
  const root = parseTemplate(source, "template.yaml").root as MapNode;
  const resources = root.entries.find((entry) => entry.key === "Resources")?.value as MapNode;
  return resources.entries[0];
}

/** The made resources as plain data: name, then the body with its ranges left out. */
function plain(source: string) {
  const made = loopResources(loopOf(source));
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
  return made?.map((entry) => [entry.key, strip(entry.value)]);
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
    const made = plain(source);
    expect(made?.map(([name]) => name)).toEqual(["TopicADev", "TopicAProd", "TopicBDev", "TopicBProd"]);
    expect(made?.[3]).toEqual([
      "TopicBProd",
      {
        Type: "AWS::SNS::Topic",
        Properties: { Tags: [{ Key: "env", Value: "Prod" }], DisplayName: "B-Prod" },
      },
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
  });

  it("keep the ranges of the text they were made from, and share what has nothing to put in", () => {
    const source = yaml(
      EXTENSIONS,
      "Resources:",
      "  Fn::ForEach::Topics:",
      "    - Name",
      "    - [A, B]",
      "    - Topic${Name}:",
      "        Type: AWS::SNS::Topic",
      "        Properties:",
      "          DisplayName: !Ref Name",
    );
    const made = loopResources(loopOf(source)) ?? [];
    expect(made.map((entry) => entry.keyRange.start)).toEqual([
      { line: 6, column: 7 },
      { line: 6, column: 7 },
    ]);
    const [a, b] = made.map((entry) => entry.value as MapNode);
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
        "  Fn::ForEach::Topics:",
        "    - Name",
        "    - [Payments, Orders]",
        "    - Topic${Name}:",
        "        Type: AWS::SNS::Topic",
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

  it("leave a loop over a parameter to its placeholders, as before", () => {
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
        "        Properties:",
        "          FifoTopic: maybe",
        "Outputs:",
        "  Any:",
        "    Value: !Ref TopicAnything",
      ),
      { only: ["E1020", "E3012"] },
    );
    expect(findings).toEqual([]);
  });

  it("are not made without the transform", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Fn::ForEach::Topics:",
        "    - Name",
        "    - [Orders]",
        "    - Topic${Name}:",
        "        Type: AWS::SNS::Topic",
        "        Properties:",
        "          FifoTopic: maybe",
      ),
      { only: ["E3012"] },
    );
    expect(findings).toEqual([]);
  });
});
