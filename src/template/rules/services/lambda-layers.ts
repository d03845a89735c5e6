/**
 * E3716: a layer ARN in a function's Layers whose layer name is longer than Lambda allows. A layer
 * name is at most 140 characters, so an ARN naming a longer one names no layer that can exist, and
 * the function fails to create. Read from literal ARNs and from Fn::Sub strings (where the written
 * part of a name with a `${...}` in it is already too long), in AWS::Lambda::Function,
 * AWS::Serverless::Function and, under the SAM transform, Globals.Function.
 *
 * cfn-lint's E3716 bounds the whole ARN at 176 characters plus the partition and region it lints
 * for, which is the same bound where the version has at most three digits; the layer name is what
 * the user has to shorten, so it is the name that is measured here, in any region.
 */
import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import { globalsFor } from "../resources/shared";
import type { Report, Rule } from "../rule";
import { FUNCTION, SAM_FUNCTION } from "./lambda";
import { arnParts, literalOrSubText, propertySets, resourcesOfType, valuesWithPaths } from "./values";

const MAX_LAYER_NAME = 140;

/** Report each layer ARN of a Layers list whose name is too long; `path` leads to the list. */
function checkLayers(layers: Node | undefined, owner: string, path: string[], report: Report): void {
  for (const { node: value, path: at } of valuesWithPaths(layers, ["*"])) {
    const index = at[0] as number;
    const text = literalOrSubText(value);
    const parts = text === undefined ? undefined : arnParts(text);
    // arn:partition:lambda:region:account:layer:name:version
    if (parts?.length !== 8 || parts[2] !== "lambda" || parts[5] !== "layer") continue;
    // A `${...}` of a Fn::Sub adds text that is not known here: what is written is a lower bound.
    const written = parts[6].replaceAll("\u0000", "");
    if (written.length <= MAX_LAYER_NAME) continue;
    const length = written.length === parts[6].length ? `${written.length}` : `at least ${written.length}`;
    report(
      value,
      `Layer ${index + 1} of ${owner} names a layer of ${length} characters, and Lambda layer names are at ` +
        `most ${MAX_LAYER_NAME}: no such layer can exist; use the ARN PublishLayerVersion gave (a !Ref of an AWS::Lambda::LayerVersion of this template)`,
      { path: [...path, index] },
    );
  }
}

export const layerArnLength: Rule = {
  id: "E3716",
  severity: "error",
  shortDescription: "Layer ARNs name a layer of at most 140 characters",
  description:
    "The layer name in each layer ARN of a function's Layers (and of Globals.Function.Layers) is at most 140 " +
    "characters, as Lambda allows.",
  source: "https://docs.aws.amazon.com/lambda/latest/api/API_PublishLayerVersion.html",
  tags: ["resources", "lambda", "serverless"],
  check({ template, report }) {
    for (const resource of resourcesOfType(template, FUNCTION, SAM_FUNCTION)) {
      for (const { properties } of propertySets(resource)) {
        checkLayers(
          mapGet(properties, "Layers")?.value,
          `function ${resource.name}`,
          ["Resources", resource.name, "Properties", "Layers"],
          report,
        );
      }
    }
    const globals = globalsFor(template, SAM_FUNCTION);
    checkLayers(
      mapGet(globals, "Layers")?.value,
      "Globals.Function",
      ["Globals", "Function", "Layers"],
      report,
    );
  },
};
