/**
 * W3945: a resource kept when its stack is deleted, named from the stack's name alone, which the next
 * stack of that name (a preview deployed again after its teardown) cannot take.
 */
import { describe, expect, it } from "vitest";
import { brief, lint, samFunction, yaml } from "../lint";

const only = { only: ["W3945", "W3939"] };

/** A resource of `type` with `DeletionPolicy: policy` and one property. */
function kept(name: string, type: string, policy: string, property: string, value: string): string[] {
  return [
    `  ${name}:`,
    `    Type: ${type}`,
    `    DeletionPolicy: ${policy}`,
    "    Properties:",
    `      ${property}: ${value}`,
  ];
}

describe("W3945 resources kept on delete, named from the stack's name", () => {
  it("reports a name built from the stack's name on a kept resource, with what to do", () => {
    const findings = lint(
      yaml(
        "Resources:",
        ...kept(
          "Data",
          "AWS::S3::Bucket",
          "Retain",
          "BucketName",
          "!Sub ${AWS::StackName}-data-${AWS::AccountId}",
        ),
        ...kept(
          "Table",
          "AWS::DynamoDB::Table",
          "RetainExceptOnCreate",
          "TableName",
          "!Join [-, [!Ref AWS::StackName, orders]]",
        ),
        ...kept("Alias", "AWS::KMS::Alias", "Retain", "AliasName", "!Sub alias/${AWS::StackName}"),
      ),
      only,
    );
    expect(brief(findings)).toEqual(["W3945 6:19", "W3945 11:18", "W3945 16:18"]);
    expect(findings[0].severity).toBe("warning");
    expect(findings[0].message).toBe(
      "BucketName of Data is built from the stack's name, and DeletionPolicy Retain keeps the resource, with its " +
        "name, when the stack is deleted: a stack made again under the same name, such as a pull request's preview " +
        "deployed again after its teardown, fails because the name is taken. Leave it out so that CloudFormation " +
        "names the resource, or add a part that differs each time the stack is made (the stack id's last part, " +
        "!Select [2, !Split [/, !Ref AWS::StackId]])",
    );
    expect(findings[1].message).toContain("DeletionPolicy RetainExceptOnCreate keeps the resource");
    // An alias must have a name: only the stack id's part is offered.
    expect(findings[2].message).toMatch(/taken\. Add a part that differs each time the stack is made/);
  });

  it("reports a SAM function, whose DeletionPolicy SAM copies to the function it makes", () => {
    const findings = lint(
      yaml(
        "Transform: AWS::Serverless-2016-10-31",
        "Resources:",
        ...samFunction("Fn", "FunctionName: !Sub ${AWS::StackName}-handler").flatMap((line) =>
          line === "    Type: AWS::Serverless::Function" ? [line, "    DeletionPolicy: Retain"] : [line],
        ),
      ),
      only,
    );
    expect(findings.map((f) => f.ruleId)).toEqual(["W3945"]);
    expect(findings[0].message).toMatch(
      /^FunctionName of Fn is built from the stack's name, and DeletionPolicy Retain/,
    );
  });

  it("leaves alone what the next stack of the same name can take", () => {
    const findings = lint(
      yaml(
        "Parameters:",
        "  Stage:",
        "    Type: String",
        "Conditions:",
        "  Keep: !Equals [!Ref Stage, prod]",
        "Resources:",
        // Deleted with the stack, or named by CloudFormation.
        ...kept("Deleted", "AWS::S3::Bucket", "Delete", "BucketName", "!Sub ${AWS::StackName}-a"),
        ...kept(
          "Snapshot",
          "AWS::RDS::DBCluster",
          "Snapshot",
          "DBClusterIdentifier",
          "!Sub ${AWS::StackName}-db",
        ),
        ...kept("Unnamed", "AWS::SQS::Queue", "Retain", "DelaySeconds", "5"),
        // A part that differs each time the stack is made, or may differ between deploys.
        ...kept(
          "ById",
          "AWS::S3::Bucket",
          "Retain",
          "BucketName",
          "!Join [-, [!Ref AWS::StackName, !Select [2, !Split [/, !Ref AWS::StackId]]]]",
        ),
        ...kept("ByStage", "AWS::SQS::Queue", "Retain", "QueueName", "!Sub ${AWS::StackName}-${Stage}"),
        // A policy a function gives, and a resource a preview may leave out.
        "  IfKept:",
        "    Type: AWS::SNS::Topic",
        "    DeletionPolicy: !If [Keep, Retain, Delete]",
        "    Properties:",
        "      TopicName: !Sub ${AWS::StackName}-events",
        "  Optional:",
        "    Type: AWS::SNS::Topic",
        "    Condition: Keep",
        "    DeletionPolicy: Retain",
        "    Properties:",
        "      TopicName: !Sub ${AWS::StackName}-more",
      ),
      only,
    );
    expect(brief(findings)).toEqual([]);
  });

  it("leaves a name written out to W3939, once", () => {
    const findings = lint(
      yaml("Resources:", ...kept("Data", "AWS::S3::Bucket", "Retain", "BucketName", "orders-data")),
      only,
    );
    expect(brief(findings)).toEqual(["W3939 6:19"]);
  });
});
