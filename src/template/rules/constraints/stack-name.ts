/**
 * E3944: a value built from the stack's name that the property cannot take, for the stack the
 * template is being deployed as. A deploy knows the name (a preview's `<prefix>-pr-<number>`, or
 * stack-name), and validate is told it with its stack-name input: a `!Sub ${AWS::StackName}-tg`
 * target group name is then 34 characters against 32 for `my-service-api-pr-1234`, and a bucket
 * named after `MyApp-pr-12` holds capitals, which bucket names refuse. CloudFormation fails such a
 * stack minutes into its creation, rolling the preview back; the deploy stops before any AWS call
 * instead. A value that also holds something a deployer chooses (a parameter, a mapping's entry)
 * or that a condition may leave out stays a W1031 to W1035 warning; without a known stack name
 * the rule is silent, and those rules judge only a length too long without the name.
 */
import { USER_GUIDE } from "../template-index";
import { constraintRule } from "./rule";

export const stackNameValues = constraintRule("stackName", {
  id: "E3944",
  shortDescription: "Names built from the stack's name fit the property, for the stack being deployed",
  description:
    "A value a Fn::Sub, Fn::Join or Ref builds from AWS::StackName, with the name of the stack being deployed " +
    "(a deploy's, or validate's stack-name), is judged against the property's constraints (E3030 to E3034): " +
    "a name too long or of characters the property refuses fails the stack's creation.",
  source: `${USER_GUIDE}/pseudo-parameter-reference.html#cfn-pseudo-param-stackname`,
  tags: ["functions", "resources", "properties", "preview"],
});
