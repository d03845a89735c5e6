import type { Node } from "../../model";
import { didYouMean } from "../../suggest";
import { usesLanguageExtensions } from "../functions/calls";
import type { Rule } from "../rule";
import { intrinsicName, isString, USER_GUIDE } from "../template-index";
import { isCustomType, realResources, transformedResource } from "./shared";

const ATTRIBUTES = [
  "Type",
  "Properties",
  "DependsOn",
  "Condition",
  "DeletionPolicy",
  "UpdateReplacePolicy",
  "Metadata",
  "CreationPolicy",
  "UpdatePolicy",
  "Version",
];

/** Resource attributes the SAM transform consumes (embedded connectors, opting out of Globals). */
const SAM_ATTRIBUTES = ["Connectors", "IgnoreGlobals"];

/** The resource attributes a template may give, with or without the SAM transform. */
export function resourceAttributes(sam: boolean): readonly string[] {
  return sam ? [...ATTRIBUTES, ...SAM_ATTRIBUTES] : ATTRIBUTES;
}

/**
 * Whether the SAM transform reads the resource (an AWS::Serverless:: type under the transform):
 * it keeps only the attributes it knows and drops the rest without a word, so an unknown one is
 * W0001's warning, not an error.
 */
export function isSamResource(sam: boolean, type: string | undefined): type is string {
  return sam && type?.startsWith("AWS::Serverless::") === true;
}

/**
 * A resource's Description, which CloudFormation takes and ignores: the AWS CDK writes it for a
 * resource's `cfnOptions.description` ("used for informational purposes only, ... not passed to the
 * underlying resource"), and the toolchain templates AWS CodeStar deployed give one on every
 * resource (public templates of round 39). cfn-lint 1.51 reports it (E3001, cfn-lint#2641). Under
 * the SAM transform a SAM resource's is dropped, and W0001 says so.
 */
const IGNORED_ATTRIBUTE = "Description";

/** Functions that can stand for a whole Properties mapping: a choice, or an AWS::Include snippet. */
const PROPERTIES_FUNCTIONS = new Set(["Fn::If", "Fn::Transform"]);

/** Custom resources signal completion themselves and are never updated in place by policy. */
const NOT_FOR_CUSTOM = new Set(["CreationPolicy", "UpdatePolicy"]);

export const resourceConfiguration: Rule = {
  id: "E3001",
  severity: "error",
  shortDescription: "Resources are well-formed",
  description:
    "Each resource is a mapping with a string Type, only the resource attributes CloudFormation defines " +
    "(Properties, DependsOn, Condition, DeletionPolicy, UpdateReplacePolicy, Metadata, CreationPolicy, " +
    "UpdatePolicy, and Version for custom resources; a Description, which CloudFormation ignores, is taken too), and a " +
    "mapping as Properties.",
  source: `${USER_GUIDE}/resources-section-structure.html`,
  tags: ["resources"],
  check({ template, report }) {
    const allowed = resourceAttributes(template.sam);
    const extensions = usesLanguageExtensions(template);
    for (const resource of realResources(template)) {
      const body = resource.body;
      if (!body) {
        report(resource.entry.value, `Resource '${resource.name}' must be a mapping with a Type`, {
          path: ["Resources", resource.name],
        });
        continue;
      }
      const typeNode = resource.typeNode;
      if (!typeNode) {
        // A macro or snippet called at the resource's level may give the Type.
        if (transformedResource(resource)) continue;
        report(resource.entry.keyRange, `Resource '${resource.name}' has no Type`, {
          path: ["Resources", resource.name],
        });
      } else if (!isString(typeNode)) {
        report(typeNode, `The Type of resource '${resource.name}' must be a string, like AWS::S3::Bucket`, {
          path: ["Resources", resource.name, "Type"],
        });
      }
      const custom = resource.type !== undefined && isCustomType(resource.type);
      for (const entry of body.entries) {
        // Paths are built only for a finding: most attributes have none.
        if (!allowed.includes(entry.key)) {
          // AWS::Include at the resource's level: CloudFormation puts the snippet's content here.
          if (
            entry.key === "Fn::Transform" ||
            entry.key === IGNORED_ATTRIBUTE ||
            isSamResource(template.sam, resource.type)
          )
            continue;
          report(
            entry.keyRange,
            `Unknown attribute '${entry.key}' in resource '${resource.name}'${didYouMean(entry.key, allowed)}`,
            { path: attributePath(resource.name, entry.key) },
          );
          continue;
        }
        const value = entry.value;
        if (custom && NOT_FOR_CUSTOM.has(entry.key)) {
          report(entry.keyRange, `${entry.key} is not supported on custom resource '${resource.name}'`, {
            path: attributePath(resource.name, entry.key),
          });
        } else if (entry.key === "Version" && resource.type !== undefined && !custom) {
          report(entry.keyRange, `Version is only allowed on custom resources, not on ${resource.type}`, {
            path: attributePath(resource.name, entry.key),
          });
        } else if (entry.key === "Properties" && value.kind !== "map") {
          report(value, `Properties of resource '${resource.name}' must be a mapping`, {
            path: attributePath(resource.name, entry.key),
          });
        } else if (
          entry.key === "Properties" &&
          !PROPERTIES_FUNCTIONS.has(intrinsicName(value) ?? "Fn::If")
        ) {
          report(
            value,
            `Properties of resource '${resource.name}' must be a mapping, not ${intrinsicName(value)}`,
            {
              path: attributePath(resource.name, entry.key),
            },
          );
        } else if (
          entry.key === "Condition" &&
          !isString(value) &&
          !isBoolean(value) &&
          // Under the language extensions the transform resolves a Fn::FindInMap to its value
          // (the Fn::FindInMap RFC: what it gives is known at transform time).
          !(extensions && intrinsicName(value) === "Fn::FindInMap")
        ) {
          report(value, `Condition of resource '${resource.name}' must be the name of a condition`, {
            path: attributePath(resource.name, entry.key),
          });
        } else if ((entry.key === "CreationPolicy" || entry.key === "UpdatePolicy") && value.kind !== "map") {
          report(value, `${entry.key} of resource '${resource.name}' must be a mapping`, {
            path: attributePath(resource.name, entry.key),
          });
        } else if (entry.key === "DependsOn" && !dependsOnShapeOk(value)) {
          report(
            value,
            `DependsOn of resource '${resource.name}' must be a resource name or a list of them`,
            { path: attributePath(resource.name, entry.key) },
          );
        }
      }
    }
  },
};

function attributePath(name: string, key: string): string[] {
  return ["Resources", name, key];
}

function dependsOnShapeOk(node: Node): boolean {
  if (isString(node)) return true;
  return node.kind === "seq" && node.items.every((item) => isString(item));
}

/** `Condition: Yes`: a word YAML reads as a boolean names the condition `Yes:` (template-index.ts). */
function isBoolean(node: Node): boolean {
  return node.kind === "scalar" && typeof node.value === "boolean";
}
