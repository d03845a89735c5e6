/**
 * Settings of SAM functions and layers that the transform refuses (sam_resources.py):
 * - a function's DeadLetterQueue Type other than SQS or SNS (case as written);
 * - a .zip function (no PackageType: Image) with neither CodeUri nor InlineCode, on itself or in
 *   Globals.Function ("Only one of 'InlineCode' or 'CodeUri' can be set", its words for none). A
 *   warning, not an error: `sam build` and `aws cloudformation package` both give such a function
 *   the template's directory as its code (AWS's own samples rely on it, with handlers such as
 *   src/app.handler), and cfn-lint, which packages the same way before it transforms, accepts it.
 *   Only a template deployed as written meets the transform's refusal, and preview-stacks deploy
 *   packages only the paths a template names, so the warning says to write `CodeUri: .`;
 * - a layer's RetentionPolicy other than Retain or Delete (in any case).
 */
import { mapGet } from "../../nodes";
import { didYouMean } from "../../suggest";
import type { Rule } from "../rule";
import { SAM_FUNCTION } from "../services/lambda";
import { inheritedProperty, literalString, propertySets, resourcesOfType } from "../services/values";
import { SAM_GUIDE } from "./events";

const DLQ_TYPES = ["SQS", "SNS"];
const RETENTION = ["Retain", "Delete"];

export const samResourceSettings: Rule = {
  id: "E0001",
  severity: "error",
  shortDescription:
    "SAM functions have code and a known dead-letter queue type, layers a known retention policy",
  description:
    "A SAM .zip function has CodeUri or InlineCode, its DeadLetterQueue Type is SQS or SNS, and a SAM layer's " +
    "RetentionPolicy is Retain or Delete.",
  source: `${SAM_GUIDE}/sam-resource-function.html`,
  tags: ["sam", "lambda"],
  resourceTypes: [SAM_FUNCTION, "AWS::Serverless::LayerVersion"],
  check({ template, report }) {
    for (const resource of resourcesOfType(template, SAM_FUNCTION)) {
      for (const set of propertySets(resource)) {
        const dlq = inheritedProperty(template, set, "DeadLetterQueue");
        const type = mapGet(dlq?.entry.value, "Type")?.value;
        const written = literalString(type);
        if (dlq && type && written !== undefined && !DLQ_TYPES.includes(written)) {
          report(
            dlq.inherited ? resource.entry.keyRange : type,
            `DeadLetterQueue Type '${written}'${dlq.inherited ? " (from Globals.Function)" : ""} of ${resource.name} ` +
              `is not SQS or SNS, so the SAM transform refuses it${didYouMean(written, DLQ_TYPES)}`,
            { path: ["Resources", resource.name, "Properties", "DeadLetterQueue", "Type"] },
          );
        }
        const packageType = inheritedProperty(template, set, "PackageType");
        if (packageType && literalString(packageType.entry.value) !== "Zip") continue;
        // Present, even as an intrinsic or under a condition: only a function with none is judged.
        const code = ["CodeUri", "InlineCode", "ImageUri"].some(
          (key) => mapGet(set.properties, key) || inheritedProperty(template, set, key),
        );
        if (code) continue;
        report(
          resource.entry.keyRange,
          `Function ${resource.name} has neither CodeUri nor InlineCode, on itself or in Globals.Function: sam build ` +
            "and aws cloudformation package use the template's directory as its code, but deployed as written " +
            "(preview-stacks deploy packages only the paths a template names) the SAM transform refuses it; " +
            "write CodeUri: . for the template's directory, or point CodeUri at the code",
          { path: ["Resources", resource.name, "Properties"], severity: "warning" },
        );
      }
    }
    for (const layer of resourcesOfType(template, "AWS::Serverless::LayerVersion")) {
      for (const { properties } of propertySets(layer)) {
        const node = mapGet(properties, "RetentionPolicy")?.value;
        const written = literalString(node);
        if (
          !node ||
          written === undefined ||
          RETENTION.some((option) => option.toLowerCase() === written.toLowerCase())
        )
          continue;
        report(
          node,
          `RetentionPolicy '${written}' of layer ${layer.name} is not Retain or Delete, so the SAM transform refuses it` +
            didYouMean(written, RETENTION),
          { path: ["Resources", layer.name, "Properties", "RetentionPolicy"] },
        );
      }
    }
  },
};
