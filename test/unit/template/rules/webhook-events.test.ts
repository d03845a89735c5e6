/**
 * E3950: a CodeBuild webhook EVENT filter whose comma-separated Pattern names an event type
 * CodeBuild does not know.
 */
import { describe, expect, it } from "vitest";
import { WEBHOOK_EVENTS } from "../../../../src/template/rules/services/webhook-events";
import { brief, lint, yaml } from "../lint";

describe("E3950 webhook events", () => {
  it("flags an EVENT pattern with an unknown event type and leaves the other filters' regular expressions alone", () => {
    const findings = lint(
      yaml(
        "Conditions:",
        "  Prod: !Equals [!Ref AWS::AccountId, '123456789012']",
        "Resources:",
        "  Build:",
        "    Type: AWS::CodeBuild::Project",
        "    Properties:",
        "      ServiceRole: arn:aws:iam::123456789012:role/build",
        "      Artifacts: { Type: NO_ARTIFACTS }",
        "      Environment: { Type: LINUX_CONTAINER, ComputeType: BUILD_GENERAL1_SMALL, Image: aws/codebuild/standard:7.0 }",
        "      Source: { Type: GITHUB, Location: https://github.com/example/app.git }",
        "      Triggers:",
        "        Webhook: true",
        "        FilterGroups:",
        "          - - Type: EVENT",
        "              Pattern: PULL_REQUEST_CREATED, PULL_REQUEST_UPDATE",
        "            - Type: BASE_REF",
        "              Pattern: ^refs/heads/PUSH$",
        "          - - Type: EVENT",
        "              Pattern: PUSH,PULL_REQUEST_MERGED , WORKFLOW_JOB_QUEUED",
        "          - !If",
        "            - Prod",
        "            - - { Type: EVENT, Pattern: 'RELEASED, push,' }",
        "            - - { Type: EVENT, Pattern: !Sub '${AWS::StackName}' }",
      ),
      { only: ["E3950"] },
    );
    expect(brief(findings)).toEqual(["E3950 15:24", "E3950 22:41"]);
    expect(findings[0].message).toBe(
      "the EVENT filter's Pattern of Build names 'PULL_REQUEST_UPDATE', which is not an event type CodeBuild " +
        `knows, so it refuses the webhook; an EVENT pattern is a comma-separated list of ${WEBHOOK_EVENTS.join(", ")}`,
    );
    expect(findings[1].message).toContain("names 'push', an empty name, which are not event types");
  });
});
