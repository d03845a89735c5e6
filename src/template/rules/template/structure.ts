import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import { didYouMean } from "../../suggest";
import type { Rule } from "../rule";
import { intrinsicName, isString, SAM_TRANSFORM, USER_GUIDE } from "../template-index";

const SECTIONS = [
  "AWSTemplateFormatVersion",
  "Description",
  "Metadata",
  "Parameters",
  "Rules",
  "Mappings",
  "Conditions",
  "Transform",
  "Resources",
  "Outputs",
];

/**
 * The transform that runs ECS blue/green deployments through CodeDeploy, and the section it reads
 * (the CloudFormation user guide's blue/green hook syntax): a hook of type AWS::CodeDeploy::BlueGreen
 * under a top-level Hooks section, which a template without the transform cannot have (round 40's
 * public template: cfn-lint 1.51 refuses the section either way).
 */
const BLUE_GREEN = "AWS::CodeDeployBlueGreen";
const BLUE_GREEN_HOOK = "AWS::CodeDeploy::BlueGreen";

const MAPPING_SECTIONS = new Set([
  "Hooks",
  "Metadata",
  "Parameters",
  "Rules",
  "Mappings",
  "Conditions",
  "Resources",
  "Outputs",
  "Globals",
]);

/** A transform given by name, or as `{ Name, Parameters }` as AWS::Include is. */
function isTransformItem(node: Node): boolean {
  return (
    isString(node) || (node.kind === "map" && !intrinsicName(node) && isString(mapGet(node, "Name")?.value))
  );
}

export const templateStructure: Rule = {
  id: "E1001",
  severity: "error",
  shortDescription: "Template sections are known and well formed",
  description:
    "The top level holds only CloudFormation's sections (and Globals in SAM templates, Hooks of type AWS::CodeDeploy::BlueGreen under the AWS::CodeDeployBlueGreen transform), each of the right type, and a non-empty Resources section.",
  source: `${USER_GUIDE}/template-anatomy.html`,
  tags: ["base"],
  check({ template, report }) {
    for (const entry of template.root.entries) {
      const { key, value } = entry;
      if (key === "Globals" && !template.sam) {
        report(
          entry.keyRange,
          `Globals is a SAM section: add "Transform: ${SAM_TRANSFORM}" or move its settings into the resources`,
          {
            path: [key],
          },
        );
        continue;
      }
      const blueGreen = template.transforms.includes(BLUE_GREEN);
      if (key === "Hooks" && !blueGreen) {
        report(
          entry.keyRange,
          `Hooks is the ${BLUE_GREEN} transform's section: add "Transform: ${BLUE_GREEN}" for a blue/green ` +
            "deployment, or remove it",
          { path: [key] },
        );
        continue;
      }
      if (key === "Hooks" && value.kind === "map") {
        for (const hook of value.entries) {
          const type = mapGet(hook.value, "Type")?.value;
          if (isString(type) && type.value === BLUE_GREEN_HOOK) continue;
          report(
            type ?? hook.keyRange,
            `Hook ${hook.key} must have Type ${BLUE_GREEN_HOOK}, the one hook ${BLUE_GREEN} runs`,
            {
              path: [key, hook.key, "Type"],
            },
          );
        }
        continue;
      }
      if (key !== "Globals" && key !== "Hooks" && !SECTIONS.includes(key)) {
        report(
          entry.keyRange,
          `Unknown top-level section "${key}"${didYouMean(key, SECTIONS)}. Allowed: ${SECTIONS.join(", ")}${template.sam ? ", Globals" : ""}${blueGreen ? ", Hooks" : ""}`,
          {
            path: [key],
          },
        );
        continue;
      }
      if (key === "AWSTemplateFormatVersion") {
        if (value.kind !== "scalar" || String(value.value) !== "2010-09-09") {
          report(value, 'AWSTemplateFormatVersion must be "2010-09-09", the only template format version', {
            path: [key],
          });
        }
      } else if (key === "Transform") {
        const ok = value.kind === "seq" ? value.items.every(isTransformItem) : isTransformItem(value);
        if (!ok) {
          report(
            value,
            "Transform must be a transform name, a mapping with Name (and Parameters), or a list of those",
            {
              path: [key],
            },
          );
        }
      } else if (MAPPING_SECTIONS.has(key) && value.kind !== "map") {
        report(value, `The ${key} section must be a mapping of logical ids to their declarations`, {
          path: [key],
        });
      } else if (key === "Resources" && value.kind === "map" && value.entries.length === 0) {
        report(entry.keyRange, "Resources is empty; a template must declare at least one resource", {
          path: [key],
        });
      }
    }
    if (!template.sections.has("Resources")) {
      report(
        template.root,
        "The template has no Resources section; CloudFormation requires at least one resource",
        {
          path: ["Resources"],
        },
      );
    }
  },
};
