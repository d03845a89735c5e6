import { describe, expect, it } from "vitest";
import { SimClock } from "../clock";
import { type ResolveEnv, Resolver } from "./intrinsics";
import { parseTemplate } from "./template";

const TEMPLATE = `
Parameters:
  Stage: { Type: String }
  Subnets: { Type: CommaDelimitedList, Default: "a,b,c" }
Mappings:
  Sizes:
    prod: { Memory: 1024 }
    dev: { Memory: 128 }
Conditions:
  IsProd: !Equals [!Ref Stage, prod]
  NotProd: !Not [!Condition IsProd]
  Both: !And [!Condition NotProd, !Equals ["x", "x"]]
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      FunctionName: !Sub "\${AWS::StackName}-\${Stage}-fn"
Outputs:
  Memory: { Value: !FindInMap [Sizes, !Ref Stage, Memory] }
  Picked: { Value: !If [IsProd, big, small] }
  Second: { Value: !Select [1, !Ref Subnets] }
  Joined: { Value: !Join ["-", [!Ref Stage, !GetAtt Fn.Arn, !Select [0, !Split [",", "x,y"]]]] }
  Zone: { Value: !Select [0, !GetAZs ""] }
  Literal: { Value: !Sub "\${!Literal}-\${Fn}" }
  Vars: { Value: !Sub ["\${A}/\${B}", { A: !Ref Stage, B: !Ref AWS::Region }] }
`;

function resolver(stage: string, symbolic = false) {
  const template = parseTemplate(TEMPLATE);
  const env: ResolveEnv = {
    template,
    parameters: { Stage: stage, Subnets: "s-1,s-2" },
    region: "eu-west-1",
    accountId: "123456789012",
    stackName: "app",
    stackId: "arn:aws:cloudformation:eu-west-1:123456789012:stack/app/x",
    resource: (id) => (id === "Fn" ? { physicalId: "app-dev-fn", attributes: { Arn: "arn:fn" } } : undefined),
  };
  return { template, r: new Resolver(env, symbolic) };
}

describe("intrinsic resolution", () => {
  it("evaluates conditions, mappings, lists and every common function", () => {
    const { template, r } = resolver("dev");
    const out = Object.fromEntries(Object.entries(template.Outputs).map(([k, o]) => [k, r.resolve(o.Value)]));
    expect(out).toEqual({
      Memory: 128,
      Picked: "small",
      Second: "s-2",
      Joined: "dev-arn:fn-x",
      Zone: "eu-west-1a",
      Literal: `\${Literal}-app-dev-fn`,
      Vars: "dev/eu-west-1",
    });
    expect([r.condition("IsProd"), r.condition("NotProd"), r.condition("Both")]).toEqual([false, true, true]);
    expect(resolver("prod").r.resolve({ "Fn::If": ["IsProd", "big", { Ref: "AWS::NoValue" }] })).toBe("big");
  });

  it("drops AWS::NoValue keys and leaves resource references as written in symbolic mode", () => {
    const { r } = resolver("dev", true);
    expect(r.resolve({ A: { "Fn::If": ["IsProd", 1, { Ref: "AWS::NoValue" }] }, B: { Ref: "Fn" } })).toEqual({
      B: { Ref: "Fn" },
    });
    expect(r.resolve({ "Fn::Sub": `\${Stage}-\${Fn.Arn}` })).toEqual({ "Fn::Sub": `dev-\${Fn.Arn}` });
  });

  it("turns short tags into long forms, GetAtt's dotted scalar included", () => {
    const t = parseTemplate(
      "Resources:\n  A:\n    Type: X::Y::Z\n    Properties:\n      P: !GetAtt B.Outputs.Url\n      Q: !Base64 abc\n",
    );
    expect(t.Resources.A.Properties).toEqual({
      P: { "Fn::GetAtt": ["B", "Outputs.Url"] },
      Q: { "Fn::Base64": "abc" },
    });
  });

  it("reads JSON templates as they are", () => {
    const t = parseTemplate(
      '{"Resources":{"T":{"Type":"AWS::SNS::Topic","Properties":{"TopicName":{"Ref":"AWS::StackName"}}}}}',
    );
    expect(t.Resources.T).toEqual({
      Type: "AWS::SNS::Topic",
      Properties: { TopicName: { Ref: "AWS::StackName" } },
    });
    expect(() => parseTemplate('{"Resources": ')).toThrow(/^Template format error: JSON not well-formed/);
  });

  it("reports a template without resources the way CloudFormation does", () => {
    expect(() => parseTemplate("{}")).toThrow(
      "Template format error: At least one Resources member must be defined.",
    );
  });
});

describe("simulated clock", () => {
  it("moves only through advance() by default", () => {
    let real = 1_000;
    const clock = new SimClock({ startTime: 50, realNow: () => real });
    real += 10_000;
    expect(clock.now()).toBe(50);
    clock.advance(25);
    expect(clock.date().toISOString()).toBe("1970-01-01T00:00:00.075Z");
  });

  it("follows real time scaled by timeScale, plus any advance", () => {
    let real = 1_000;
    const clock = new SimClock({ startTime: 0, timeScale: 60, realNow: () => real });
    real += 500;
    expect(clock.now()).toBe(30_000);
    clock.advance(1_000);
    expect(clock.now()).toBe(31_000);
    expect(() => clock.advance(-1)).toThrow(/non-negative/);
  });
});
