/**
 * E3979: asynchronous invocation settings that set something, and do not send a function's
 * invocations to the function itself. The fixtures were also run through cfn-lint 1.51, which
 * reports none of them but the SAM function that is its own destination: its generated role's
 * policy names the function's Arn, and cfn-lint reports the circular dependency (E3004) that makes.
 */
import { describe, expect, it } from "vitest";
import { brief, lambdaFunction, lint, yaml } from "../lint";

const check = (...lines: string[]) => lint(yaml(...lines), { only: ["E3979"] });

/**
 * An AWS::Lambda::EventInvokeConfig `name` of function `fn` and of an alias named after it (one
 * configuration per function and qualifier), then `properties` lines.
 */
const invokeConfig = (name: string, fn: string, ...properties: string[]) => [
  `  ${name}:`,
  "    Type: AWS::Lambda::EventInvokeConfig",
  "    Properties:",
  `      FunctionName: ${fn}`,
  `      Qualifier: ${name.toLowerCase()}`,
  ...properties.map((line) => `      ${line}`),
];

describe("E3979 asynchronous invocation settings", () => {
  it("reports an invoke config that sets none of retries, event age and destinations", () => {
    const findings = check(
      "Conditions:",
      "  Prod: !Equals [!Ref AWS::StackName, prod]",
      "Resources:",
      ...lambdaFunction("Fn"),
      ...invokeConfig("Nothing", "!Ref Fn"),
      ...invokeConfig("NoValue", "!Ref Fn", "MaximumRetryAttempts: !Ref AWS::NoValue"),
      ...invokeConfig("Retries", "!Ref Fn", "MaximumRetryAttempts: 0"),
      ...invokeConfig("Age", "!Ref Fn", "MaximumEventAgeInSeconds: 60"),
      ...invokeConfig("Empty", "!Ref Fn", "DestinationConfig: {}"),
      ...invokeConfig("Maybe", "!Ref Fn", "MaximumRetryAttempts: !If [Prod, 1, !Ref AWS::NoValue]"),
    );
    expect(brief(findings)).toEqual(["E3979 13:5", "E3979 18:5"]);
    expect(findings[0].message).toBe(
      "Invoke config Nothing sets none of MaximumRetryAttempts, MaximumEventAgeInSeconds, DestinationConfig, and " +
        "Lambda refuses such a configuration; set the retries, the event age or a destination, or remove the resource",
    );
    expect(findings[1].message).toContain("Invoke config NoValue sets none of");
  });

  it("reports a function as its own destination, in an invoke config and in a SAM function", () => {
    const findings = check(
      "Transform: AWS::Serverless-2016-10-31",
      "Resources:",
      ...lambdaFunction("Fn"),
      ...lambdaFunction("Other"),
      ...invokeConfig(
        "Self",
        "!Ref Fn",
        "DestinationConfig:",
        "  OnSuccess: { Destination: !GetAtt Other.Arn }",
        "  OnFailure: { Destination: !GetAtt Fn.Arn }",
      ),
      ...invokeConfig(
        "ByArn",
        "!GetAtt Fn.Arn",
        "DestinationConfig: { OnSuccess: { Destination: !GetAtt Fn.Arn } }",
      ),
      ...invokeConfig(
        "ToOther",
        "!Ref Other",
        "DestinationConfig: { OnFailure: { Destination: !GetAtt Fn.Arn } }",
      ),
      ...invokeConfig(
        "ByName",
        "fn-name",
        "DestinationConfig: { OnFailure: { Destination: !GetAtt Fn.Arn } }",
      ),
      "  Sam:",
      "    Type: AWS::Serverless::Function",
      "    Properties:",
      "      Runtime: python3.12",
      "      Handler: index.handler",
      "      CodeUri: src/",
      "      EventInvokeConfig:",
      "        DestinationConfig:",
      "          OnSuccess: { Type: Lambda, Destination: !GetAtt Other.Arn }",
      "          OnFailure: { Type: Lambda, Destination: !GetAtt Sam.Arn }",
    );
    expect(brief(findings)).toEqual(["E3979 24:35", "E3979 30:54", "E3979 52:51"]);
    expect(findings[0].message).toBe(
      "Invoke config Self sends failed asynchronous invocations of function Fn to function Fn itself, and Lambda " +
        "refuses a function as its own destination; send them to another function, a queue, a topic or an event bus",
    );
    expect(findings[1].message).toContain(
      "Invoke config ByArn sends successful asynchronous invocations of function Fn",
    );
    expect(findings[2].message).toContain(
      "The EventInvokeConfig of function Sam sends failed asynchronous invocations of function Sam to function Sam itself",
    );
  });
});
