import { constraintRule } from "./rule";

export const roleArnGetAtt = constraintRule("roleArn", {
  id: "E1040",
  shortDescription: "A GetAtt of another resource's ARN is not used where an IAM role's ARN is needed",
  description:
    "A property that takes the ARN of the IAM role a service assumes (its format in the provider schemas is " +
    "AWS::IAM::Role.Arn: an AppSync API's CloudWatchLogsRoleArn, a state machine's RoleArn, ...) refuses the ARN " +
    "of a log group, a function or any other resource; !GetAtt Role.Arn gives a role's.",
  tags: ["functions", "getatt", "iam"],
});
