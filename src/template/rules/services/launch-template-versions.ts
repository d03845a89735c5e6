/**
 * E3969 (a check cfn-lint does not have): a launch template's Version written as `$Latest` or
 * `$Default` where CloudFormation takes only a version number. The EC2 and Auto Scaling APIs accept
 * both words, but CloudFormation's handlers of these two types do not: the Spot Fleet's
 * FleetLaunchTemplateSpecification ("Specifying $Latest or $Default for the template version
 * number is not supported. However, you can specify LatestVersionNumber or DefaultVersionNumber
 * using the Fn::GetAtt intrinsic function"; the deploy fails with "CloudFormation does not support
 * using $Latest or $Default for LaunchTemplate version", awsdocs/aws-cloudformation-user-guide#862)
 * and the Auto Scaling group's LaunchTemplateSpecification (the same sentence;
 * cloudformation-coverage-roadmap#295 asks for the words, aws-cdk#23127 meets the refusal). Other
 * types that take a launch template (EC2 Fleet, Batch, EKS node groups, instances) are not
 * documented to refuse them and are left alone. The version is read as E2533 reads a runtime (givenTexts): written out, in each branch of
 * a Fn::If, or given by a parameter's Default and AllowedValues (a warning) or a mapping.
 */
import { givenTexts, reportGiven } from "../functions/resolve";
import type { Rule } from "../rule";
import { resourcesOfType, valuesWithPaths } from "./values";

const SPOT_FLEET = "AWS::EC2::SpotFleet";
const AUTO_SCALING_GROUP = "AWS::AutoScaling::AutoScalingGroup";
const TYPES = [SPOT_FLEET, AUTO_SCALING_GROUP];

/** Where each type's launch template versions are, from its Properties (`*`: every item of a list). */
const VERSION_PATHS: Readonly<Record<string, readonly (readonly string[])[]>> = {
  [SPOT_FLEET]: [
    ["SpotFleetRequestConfigData", "LaunchTemplateConfigs", "*", "LaunchTemplateSpecification", "Version"],
  ],
  [AUTO_SCALING_GROUP]: [
    ["LaunchTemplate", "Version"],
    ["MixedInstancesPolicy", "LaunchTemplate", "LaunchTemplateSpecification", "Version"],
    ["MixedInstancesPolicy", "LaunchTemplate", "Overrides", "*", "LaunchTemplateSpecification", "Version"],
  ],
};

/** The words the APIs take for a version, each with the attribute of AWS::EC2::LaunchTemplate that gives it. */
const WORDS: Readonly<Record<string, string>> = {
  $Latest: "LatestVersionNumber",
  $Default: "DefaultVersionNumber",
};

export const launchTemplateVersionWord: Rule = {
  id: "E3969",
  severity: "error",
  shortDescription: "Spot Fleets and Auto Scaling groups name a launch template version by its number",
  description:
    "CloudFormation refuses $Latest and $Default as the launch template Version of an AWS::EC2::SpotFleet or an " +
    "AWS::AutoScaling::AutoScalingGroup; Fn::GetAtt of the template's LatestVersionNumber or DefaultVersionNumber " +
    "gives the number.",
  source:
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ec2-spotfleet-fleetlaunchtemplatespecification.html",
  tags: ["resources", "ec2", "autoscaling"],
  resourceTypes: TYPES,
  check({ template, report }) {
    for (const resource of resourcesOfType(template, ...TYPES)) {
      const properties = resource.properties?.value;
      for (const path of VERSION_PATHS[resource.type ?? ""] ?? []) {
        for (const version of valuesWithPaths(properties, path)) {
          for (const found of givenTexts(version.node, template, false)) {
            if (!Object.hasOwn(WORDS, found.text)) continue;
            const kind = resource.type === SPOT_FLEET ? "Spot Fleet" : "Auto Scaling group";
            reportGiven(
              report,
              found,
              `CloudFormation does not take ${found.hidden ? "a word" : found.text} for the launch template Version ` +
                `of ${kind} '${resource.name}', only a version number: use !GetAtt <LaunchTemplate>.${WORDS[found.text]} ` +
                "for a template of this stack, or the number",
              { path: ["Resources", resource.name, "Properties", ...version.path] },
            );
          }
        }
      }
    }
  },
};
