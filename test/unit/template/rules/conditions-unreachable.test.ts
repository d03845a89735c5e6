/** W1028: Fn::If branches that are never taken, given the conditions decided where they stand. */
import { describe, expect, it } from "vitest";
import { brief, lint, yaml } from "../lint";

const HEAD = [
  "Parameters:",
  "  Env:",
  "    Type: String",
  "Conditions:",
  "  IsProd: !Equals [!Ref Env, prod]",
  "  NotProd: !Not [!Condition IsProd]",
  "  IsDev: !Equals [dev, !Ref Env]",
  '  ProdAndX: !And [!Condition IsProd, !Equals [!Ref "AWS::Region", us-east-1]]',
  "  Any: !Or [!Condition IsProd, !Condition IsDev]",
];

describe("W1028 unreachable Fn::If branches", () => {
  it("finds the branch a resource's or output's Condition, or an enclosing Fn::If, rules out", () => {
    const findings = lint(
      yaml(
        ...HEAD,
        "Resources:",
        "  Q:",
        "    Type: AWS::SQS::Queue",
        "    Condition: IsProd",
        "    Properties:",
        "      DelaySeconds: !If [IsProd, 1, 2]",
        "      MaximumMessageSize: !If [NotProd, 1024, 2048]",
        "      MessageRetentionPeriod: !If [IsDev, 60, 120]",
        "  R:",
        "    Type: AWS::SQS::Queue",
        "    Properties:",
        "      DelaySeconds: !If [IsProd, !If [IsProd, 1, 2], 3]",
        "      MaximumMessageSize: !If [ProdAndX, !If [IsProd, 1024, 2048], 4096]",
        "      MessageRetentionPeriod: !If [IsProd, 60, !If [NotProd, 70, 80]]",
        "      VisibilityTimeout: !If [IsDev, 1, !If [Any, 2, 3]]",
        "Outputs:",
        "  O:",
        "    Condition: NotProd",
        "    Value: !If [IsProd, a, b]",
      ),
      { only: ["W1028"] },
    );
    expect(brief(findings)).toEqual([
      "W1028 15:37",
      "W1028 16:41",
      "W1028 17:43",
      "W1028 21:50",
      "W1028 22:61",
      "W1028 23:66",
      "W1028 28:25",
    ]);
    expect(findings[0].message).toBe(
      "This Fn::If never takes its false branch: in resource 'Q', condition IsProd is always true (given its " +
        "Condition IsProd). Write the true branch's value without the Fn::If, or fix the condition",
    );
    expect(findings[2].message).toContain("condition IsDev is always false (given its Condition IsProd)");
    expect(findings[3].message).toContain(
      "in resource 'R', condition IsProd is always true (given the Fn::If branches it sits in)",
    );
    expect(findings[6].message).toContain("in output 'O', condition IsProd is always false");
  });

  it("leaves alone what the conditions do not decide", () => {
    const findings = lint(
      yaml(
        ...HEAD,
        "  OtherEnv: !Equals [!Ref Env, prod]",
        "Resources:",
        "  Q:",
        "    Type: AWS::SQS::Queue",
        "    Condition: ProdAndX",
        "    Properties:",
        // ProdAndX needs Env to be prod, IsDev needs dev: the true branch is dead, and the
        // Fn::If inside it is not looked at.
        "      DelaySeconds: !If [IsDev, !If [Any, 1, 2], 3]",
        "      MaximumMessageSize: !If [Missing, !If [Missing, 1024, 2048], 4096]",
        "  R:",
        "    Type: AWS::SQS::Queue",
        "    Condition: IsProd",
        "    Properties:",
        "      DelaySeconds: !If [ProdAndX, 1, 2]",
        "      MessageRetentionPeriod: !If [Any, 60, 120]",
        "      VisibilityTimeout: !If [OtherEnv, 1, 2]",
      ),
      { only: ["W1028"] },
    );
    // Any is always true under IsProd (a Fn::Or with IsProd among its parts), and OtherEnv has
    // IsProd's very definition: both false branches are dead. ProdAndX implies IsProd, not the
    // other way round, and Missing is no condition: nothing else is decided.
    expect(brief(findings)).toEqual(["W1028 16:33", "W1028 23:45", "W1028 24:44"]);
    expect(findings[0].message).toContain("condition IsDev is always false (given its Condition ProdAndX)");
  });

  it("reasons through Fn::And chains of any depth, each pair of conditions judged once", () => {
    // Level10 holds only where Level0 does (ten Fn::And deep): NotLevel0 is never true there, and
    // neither is IsDev, which wants Env to be dev where Level0 wants prod.
    const levels = Array.from(
      { length: 10 },
      (_, i) => `  Level${i + 1}: !And [!Condition Level${i}, !Condition Region]`,
    );
    const findings = lint(
      yaml(
        ...HEAD,
        "  Region: !Equals [!Ref AWS::Region, us-east-1]",
        "  Level0: !Equals [!Ref Env, prod]",
        "  NotLevel0: !Not [!Condition Level0]",
        ...levels,
        "Resources:",
        "  Q:",
        "    Type: AWS::SQS::Queue",
        "    Condition: Level10",
        "    Properties:",
        "      DelaySeconds: !If [NotLevel0, 1, 2]",
        "      MaximumMessageSize: !If [IsDev, 1024, 2048]",
      ),
      { only: ["W1028"] },
    );
    expect(brief(findings)).toEqual(["W1028 28:37", "W1028 29:39"]);
    expect(findings[1].message).toContain("condition IsDev is always false (given its Condition Level10)");
  });
  it("knows the values a Fn::Or allows a Ref, and those a parameter's AllowedValues leave", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Stage: { Type: String, AllowedValues: [dev, staging, prod] }",
        "  Free: { Type: String }",
        "Conditions:",
        "  IsLive: !Or [!Equals [!Ref Stage, prod], !Equals [staging, !Ref Stage]]",
        "  IsDev: !Equals [!Ref Stage, dev]",
        "  IsStaging: !Equals [!Ref Stage, staging]",
        "  NotLive: !Not [!Or [!Equals [!Ref Stage, staging], !Equals [!Ref Stage, prod]]]",
        "  FreeLive: !Or [!Equals [!Ref Free, prod], !Equals [!Ref Free, staging]]",
        "  FreeNotLive: !And [!Not [!Equals [!Ref Free, prod]], !Not [!Equals [!Ref Free, staging]]]",
        "  FreeDev: !Equals [!Ref Free, dev]",
        "Resources:",
        "  Q:",
        "    Type: AWS::SQS::Queue",
        "    Condition: IsLive",
        "    Properties:",
        "      DelaySeconds: !If [IsDev, 1, 2]",
        "      MaximumMessageSize: !If [NotLive, 1024, 2048]",
        "      MessageRetentionPeriod: !If [IsStaging, 60, 120]",
        "  R:",
        "    Type: AWS::SQS::Queue",
        "    Condition: FreeLive",
        "    Properties:",
        "      DelaySeconds: !If [FreeDev, 1, 2]",
        "      MaximumMessageSize: !If [FreeNotLive, 1024, 2048]",
        "      MessageRetentionPeriod: !If [IsStaging, 60, 120]",
      ),
      { only: ["W1028"] },
    );
    // Under IsLive, Stage is prod or staging: never dev, and never what NotLive leaves of the
    // AllowedValues (dev); IsStaging may go either way. Free has no AllowedValues: FreeLive still
    // rules out dev, and FreeNotLive, which forbids what FreeLive allows.
    expect(brief(findings)).toEqual(["W1028 17:33", "W1028 18:41", "W1028 24:35", "W1028 25:45"]);
    expect(findings[0].message).toContain("condition IsDev is always false (given its Condition IsLive)");
  });
});
