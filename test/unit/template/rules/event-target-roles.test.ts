/**
 * E3975: EventBridge targets that EventBridge reaches through an IAM role give RoleArn.
 */
import { describe, expect, it } from "vitest";
import { brief, lambdaFunction, lint, yaml } from "../lint";

describe("E3975 EventBridge targets reached through a role", () => {
  it("reports a state machine, stream, project, pipeline, cluster or API destination target without RoleArn", () => {
    const findings = lint(
      yaml(
        "Resources:",
        "  Machine:",
        "    Type: AWS::StepFunctions::StateMachine",
        "    Properties:",
        "      RoleArn: arn:aws:iam::123456789012:role/sfn",
        '      DefinitionString: \'{"StartAt": "Done", "States": {"Done": {"Type": "Succeed"}}}\'',
        "  Stream:",
        "    Type: AWS::Kinesis::Stream",
        "    Properties: {ShardCount: 1}",
        ...lambdaFunction("Fn"),
        "  Rule:",
        "    Type: AWS::Events::Rule",
        "    Properties:",
        "      EventPattern: {source: [app]}",
        "      Targets:",
        "        - {Id: machine, Arn: !Ref Machine}",
        "        - {Id: stream, Arn: !GetAtt Stream.Arn}",
        "        - Id: pipeline",
        "          Arn: !Sub arn:${AWS::Partition}:codepipeline:${AWS::Region}:${AWS::AccountId}:release",
        "        - {Id: roled, Arn: !GetAtt Stream.Arn, RoleArn: arn:aws:iam::123456789012:role/events}",
        "        - {Id: function, Arn: !GetAtt Fn.Arn}",
        "        - {Id: queue, Arn: arn:aws:sqs:eu-west-1:123456789012:jobs}",
        "        - {Id: build, Arn: arn:aws:codebuild:eu-west-1:123456789012:project/app}",
        "  RuleWithRole:",
        "    Type: AWS::Events::Rule",
        "    Properties:",
        "      EventPattern: {source: [app]}",
        "      RoleArn: arn:aws:iam::123456789012:role/events",
        "      Targets: [{Id: machine, Arn: !Ref Machine}]",
      ),
      { only: ["E3975"] },
    );
    expect(brief(findings)).toEqual(["E3975 22:30", "E3975 23:29", "E3975 25:16", "E3975 29:28"]);
    expect(findings[0].message).toBe(
      "Target 'machine' of rule Rule is a Step Functions state machine, which EventBridge reaches through an IAM " +
        "role, and it gives no RoleArn, so EventBridge refuses the target (RoleArn is required); add RoleArn: a role " +
        "that events.amazonaws.com may assume, allowed to call the target",
    );
    expect(findings.slice(1).map((f) => f.message.split(",")[0])).toEqual([
      "Target 'stream' of rule Rule is a Kinesis stream",
      "Target 'pipeline' of rule Rule is a CodePipeline pipeline",
      "Target 'build' of rule Rule is a CodeBuild project",
    ]);
  });
});
