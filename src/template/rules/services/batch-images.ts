/**
 * E3968 (a check cfn-lint does not have): a managed AWS Batch compute environment on EC2 or Spot
 * instances whose AMI is one Batch provides for Amazon Linux 2 (an Ec2Configuration ImageType of
 * ECS_AL2 or ECS_AL2_NVIDIA). The Batch API reference (Ec2Configuration): "Effective June 30, 2026,
 * AWS Batch will block creation of new Amazon ECS compute environments using Batch-provided Amazon
 * Linux 2 AMIs". A stack that creates such an environment, as every preview stack does, fails from
 * that day; one that already has it keeps it, so the message says what to change before the next
 * new stack.
 *
 * An AMI of the user's own is not Batch's: an entry with ImageIdOverride, compute resources with an
 * ImageId, and compute resources with a LaunchTemplate that may give one are left alone: one named
 * by a parameter or an import, one with Overrides, or an AWS::EC2::LaunchTemplate of the template
 * whose LaunchTemplateData may have an ImageId (one without takes the AMI from Batch), as are EKS compute environments (EKS_AL2 remains available after its end of support) and
 * Fargate ones (no AMI). Without an Ec2Configuration Batch takes ECS_AL2023 since 2026-01-12.
 * The image type is read as E2533 reads a runtime (givenTexts): written out, or given by a Ref to a
 * parameter's Default and AllowedValues (a warning, as another choice may be fine) or a mapping.
 */
import { type Clock, systemClock } from "../../../clock";
import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import { givenTexts, reportGiven } from "../functions/resolve";
import { datedRule, type Rule } from "../rule";
import { intrinsicName, type TemplateIndex } from "../template-index";
import { propertySets, refResource, resourcesOfType } from "./values";

/** The first day Batch refuses to create an ECS compute environment on its Amazon Linux 2 AMIs. */
export const BATCH_AL2_CREATION_BLOCKED = "2026-06-30";

const COMPUTE_ENVIRONMENT = "AWS::Batch::ComputeEnvironment";
const AL2_IMAGE_TYPES = new Set(["ECS_AL2", "ECS_AL2_NVIDIA"]);
const EC2_TYPES = new Set(["EC2", "SPOT"]);

export function createBatchImageRule(clock: Clock = systemClock): Rule {
  return datedRule(
    {
      id: "E3968",
      severity: "error",
      shortDescription: "Batch compute environments are not created on Batch's Amazon Linux 2 AMIs",
      description:
        "Since 2026-06-30 AWS Batch refuses to create an ECS compute environment on an AMI it provides for Amazon " +
        "Linux 2 (Ec2Configuration ImageType ECS_AL2 or ECS_AL2_NVIDIA without an AMI of the template's own).",
      source: "https://docs.aws.amazon.com/batch/latest/APIReference/API_Ec2Configuration.html",
      tags: ["resources", "batch"],
    },
    clock,
    ({ template, report }, day) => {
      if (day < BATCH_AL2_CREATION_BLOCKED) return;
      for (const environment of resourcesOfType(template, COMPUTE_ENVIRONMENT)) {
        for (const { properties } of propertySets(environment)) {
          if (!isText(mapGet(properties, "Type")?.value, "MANAGED")) continue;
          if (mapGet(properties, "EksConfiguration")) continue;
          const resources = mapGet(properties, "ComputeResources")?.value;
          if (resources?.kind !== "map") continue;
          if (!isText(mapGet(resources, "Type")?.value, ...EC2_TYPES)) continue;
          if (
            mapGet(resources, "ImageId") ||
            mayGiveImage(template, mapGet(resources, "LaunchTemplate")?.value)
          )
            continue;
          const configurations = mapGet(resources, "Ec2Configuration")?.value;
          if (configurations?.kind !== "seq") continue;
          for (let i = 0; i < configurations.items.length; i++) {
            const configuration = configurations.items[i];
            if (configuration.kind !== "map" || mapGet(configuration, "ImageIdOverride")) continue;
            const imageType = mapGet(configuration, "ImageType")?.value;
            if (!imageType) continue;
            const path = [
              "Resources",
              environment.name,
              "Properties",
              "ComputeResources",
              "Ec2Configuration",
              i,
              "ImageType",
            ];
            for (const found of givenTexts(imageType, template, false)) {
              const type = found.text.toUpperCase();
              if (!AL2_IMAGE_TYPES.has(type)) continue;
              reportGiven(
                report,
                found,
                `Batch compute environment ${environment.name} takes the Amazon Linux 2 AMI Batch provides ` +
                  `(${found.hidden ? "the ImageType given" : `ImageType ${found.text}`}), and AWS Batch no longer ` +
                  `creates ECS compute environments on it since ${BATCH_AL2_CREATION_BLOCKED}: a new stack fails; ` +
                  `use ${type === "ECS_AL2" ? "ECS_AL2023" : "ECS_AL2023_NVIDIA"}, or an AMI of your own in ImageIdOverride`,
                { path },
              );
            }
          }
        }
      }
    },
  );
}

/**
 * Whether compute resources' LaunchTemplate may give an AMI: anything but the specification of a
 * launch template of the template, without Overrides, whose every LaunchTemplateData is a mapping
 * without ImageId.
 */
function mayGiveImage(template: TemplateIndex, specification: Node | undefined): boolean {
  if (!specification) return false;
  if (specification.kind !== "map" || mapGet(specification, "Overrides")) return true;
  const named = mapGet(specification, "LaunchTemplateId") ?? mapGet(specification, "LaunchTemplateName");
  const launchTemplate = named && refResource(template, named.value, ["AWS::EC2::LaunchTemplate"]);
  if (!launchTemplate) return true;
  return propertySets(launchTemplate).some(({ properties }) => {
    const data = mapGet(properties, "LaunchTemplateData")?.value;
    return data?.kind !== "map" || intrinsicName(data) !== undefined || mapGet(data, "ImageId") !== undefined;
  });
}

/** Whether a value is written as one of the texts, in any case (the API's enums are case-blind here). */
function isText(node: Node | undefined, ...texts: string[]): boolean {
  return (
    node?.kind === "scalar" && typeof node.value === "string" && texts.includes(node.value.toUpperCase())
  );
}

export const batchImage = createBatchImageRule();
