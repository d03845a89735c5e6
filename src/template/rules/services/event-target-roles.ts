/**
 * E3975 (our own id): an EventBridge rule target that EventBridge reaches through an IAM role gives
 * its RoleArn. For Step Functions state machines, Kinesis streams, CodeBuild projects, CodePipeline
 * pipelines, ECS clusters and API destinations EventBridge uses "IAM roles that you specify in the
 * RoleARN parameter in PutTargets" (EventBridge User Guide), and PutTargets refuses the target
 * without one: "RoleArn is required for target arn:aws:states:...", the same for codebuild
 * (awsdocs/aws-cloudformation-user-guide#1178), codepipeline (awsdocs/aws-codepipeline-user-guide#18)
 * and an API destination (cloudformation-coverage-roadmap#1110). Lambda, SNS, SQS, CloudWatch Logs
 * and event bus targets use resource policies instead, and are left alone; so is a rule with a
 * RoleArn of its own (which, that thread says, does not stand in for the target's). cfn-lint has
 * no such check.
 *
 * The target is known by a `!GetAtt`/`!Ref` of a resource of the template, or by an ARN written out
 * (or a Fn::Sub that writes out its service).
 */
import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import type { TemplateIndex } from "../template-index";
import { ruleTargets } from "./event-targets";
import { arnParts, isAbsent, literalOrSubText, literalString, propertySets, referenceTarget } from "./values";

/** What the targets that need a role are, by resource type: the attributes (undefined: Ref) that give their ARN. */
const ROLE_TARGETS: Record<string, { name: string; attributes: (string | undefined)[] }> = {
  "AWS::StepFunctions::StateMachine": {
    name: "a Step Functions state machine",
    attributes: [undefined, "Arn"],
  },
  "AWS::Serverless::StateMachine": { name: "a Step Functions state machine", attributes: [undefined, "Arn"] },
  "AWS::Kinesis::Stream": { name: "a Kinesis stream", attributes: ["Arn"] },
  "AWS::CodeBuild::Project": { name: "a CodeBuild project", attributes: ["Arn"] },
  "AWS::ECS::Cluster": { name: "an ECS cluster", attributes: ["Arn"] },
  "AWS::Events::ApiDestination": { name: "an API destination", attributes: ["Arn"] },
};

/** The same, by the service part of an ARN (and, for `events`, its resource). */
function arnTarget(arn: string): string | undefined {
  const parts = arnParts(arn);
  if (!parts) return undefined;
  const resource = parts.slice(5).join(":");
  switch (parts[2]) {
    case "states":
      return resource.startsWith("stateMachine:") ? "a Step Functions state machine" : undefined;
    case "kinesis":
      return resource.startsWith("stream/") ? "a Kinesis stream" : undefined;
    case "codebuild":
      return resource.startsWith("project/") ? "a CodeBuild project" : undefined;
    case "codepipeline":
      return "a CodePipeline pipeline";
    case "ecs":
      return resource.startsWith("cluster/") ? "an ECS cluster" : undefined;
    case "events":
      return resource.startsWith("api-destination/") ? "an API destination" : undefined;
    default:
      return undefined;
  }
}

/** What the target an ARN value names is, when it is one that EventBridge reaches through a role. */
function roleTarget(template: TemplateIndex, arn: Node): string | undefined {
  const text = literalOrSubText(arn);
  if (text !== undefined) return arnTarget(text);
  const target = referenceTarget(arn);
  const resource = target && template.resources.get(target.name);
  const known = resource?.type ? ROLE_TARGETS[resource.type] : undefined;
  return known?.attributes.includes(target?.attribute) ? known.name : undefined;
}

export const eventTargetRoles: Rule = {
  id: "E3975",
  severity: "error",
  shortDescription: "EventBridge targets reached through a role give RoleArn",
  description:
    "A rule target that is a state machine, Kinesis stream, CodeBuild project, CodePipeline pipeline, ECS cluster or " +
    "API destination gives the RoleArn EventBridge uses to reach it; PutTargets refuses it without one.",
  source: "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-events-iam-roles.html",
  tags: ["resources", "events"],
  check({ template, report }) {
    for (const { rule, target, index, path } of ruleTargets(template)) {
      const arn = mapGet(target, "Arn")?.value;
      const what = arn && roleTarget(template, arn);
      if (!arn || !what || !isAbsent(target, "RoleArn")) continue;
      if (propertySets(rule).some(({ properties }) => !isAbsent(properties, "RoleArn"))) continue;
      const id = literalString(mapGet(target, "Id")?.value);
      const name = id === undefined ? `Target ${index + 1}` : `Target '${id}'`;
      report(
        arn,
        `${name} of rule ${rule.name} is ${what}, which EventBridge reaches through an IAM role, and it gives no ` +
          "RoleArn, so EventBridge refuses the target (RoleArn is required); add RoleArn: a role that " +
          "events.amazonaws.com may assume, allowed to call the target",
        { path: [...path, "Arn"] },
      );
    }
  },
};
