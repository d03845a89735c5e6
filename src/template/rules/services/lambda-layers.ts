/**
 * E3716 and E3978 (our own id): the layers of a function's Layers.
 *
 * E3716: a layer ARN in a function's Layers whose layer name is longer than Lambda allows. A layer
 * name is at most 140 characters, so an ARN naming a longer one names no layer that can exist, and
 * the function fails to create. Read from literal ARNs and from Fn::Sub strings (where the written
 * part of a name with a `${...}` in it is already too long), in AWS::Lambda::Function,
 * AWS::Serverless::Function and, under the SAM transform, Globals.Function.
 *
 * cfn-lint's E3716 bounds the whole ARN at 176 characters plus the partition and region it lints
 * for, which is the same bound where the version has at most three digits; the layer name is what
 * the user has to shorten, so it is the name that is measured here, in any region.
 *
 * E3978: two items of one function's Layers name the same layer, as two versions of it or the same
 * version twice. Lambda refuses the function ("Two different versions of the same layer are not
 * allowed to be referenced in the same function", also when both ARNs are one version; seen in
 * DataDog/serverless-plugin-datadog#195); one item written twice in one list is E3037's finding,
 * and is left to it. Items are compared when they are literal ARNs, Fn::Sub
 * strings without a variable map (equal text gives equal values), Refs (two Refs of one name
 * give one value) or Refs of layer versions of this template that publish under one literal
 * LayerName. For a SAM function, the layers Globals.Function adds come first, as the transform
 * merges them. Items inside a Fn::If are left alone.
 */
import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import { canonical } from "../constraints/walk";
import { globalsFor } from "../resources/shared";
import type { Report, Rule } from "../rule";
import { intrinsicName, type TemplateIndex } from "../template-index";
import { FUNCTION, SAM_FUNCTION } from "./lambda";
import {
  arnParts,
  inheritedGlobal,
  literalOrSubText,
  literalString,
  propertySets,
  referenceTarget,
  resourcesOfType,
  unmappedSubText,
  valuesWithPaths,
} from "./values";

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

const LAYER_VERSIONS = new Set(["AWS::Lambda::LayerVersion", "AWS::Serverless::LayerVersion"]);

/**
 * What names the layer an item of Layers references, without its version: equal keys are one
 * layer. Undefined where that is not known here.
 */
function layerKey(template: TemplateIndex, item: Node): string | undefined {
  const fn = intrinsicName(item);
  if (fn === "Ref") {
    const target = referenceTarget(item);
    // A pseudo parameter (AWS::NoValue above all, which gives no item) names no layer.
    if (!target || target.name.startsWith("AWS::")) return undefined;
    const resource = template.resources.get(target.name);
    const name =
      resource?.type && LAYER_VERSIONS.has(resource.type)
        ? literalString(mapGet(resource.properties?.value, "LayerName")?.value)
        : undefined;
    return name === undefined ? `ref ${target.name}` : `name ${name}`;
  }
  const text = unmappedSubText(item);
  if (text === undefined || !arnParts(text)) return undefined;
  // arn:partition:lambda:region:account:layer:name:version, the version a number or a `${...}`.
  const match = /^(arn:.*:layer:.+):(?:[0-9]+|\$\{[^}]*\})$/.exec(text);
  return match ? `arn ${match[1]}` : undefined;
}

interface LayerItem {
  node: Node;
  key: string | undefined;
  /** The item as written, to leave one list's repeated item to E3037. */
  written: string;
  /** Where the item is reported: its place and the list's owner. */
  where: string;
  path: (string | number)[];
}

function layerItems(
  template: TemplateIndex,
  layers: Node | undefined,
  where: string,
  path: string[],
): LayerItem[] {
  if (layers?.kind !== "seq") return [];
  return layers.items.map((node, index) => ({
    node,
    key: layerKey(template, node),
    written: canonical(node),
    where: `${where} item ${index + 1}`,
    path: [...path, index],
  }));
}

/** Report each item that names a layer an earlier item names; only items of `mine` are reported. */
function checkRepeats(owner: string, before: LayerItem[], mine: LayerItem[], report: Report): void {
  const seen = new Map<string, LayerItem>();
  for (const item of before) if (item.key && !seen.has(item.key)) seen.set(item.key, item);
  for (const item of mine) {
    if (!item.key) continue;
    const first = seen.get(item.key);
    if (!first) {
      seen.set(item.key, item);
      continue;
    }
    // The same item twice in one list is E3037's finding (the items of Layers are unique).
    if (first.written === item.written && !before.includes(first)) continue;
    report(
      item.node,
      `${item.where} references the layer ${first.where} references, so ${owner} would use two versions of one ` +
        "layer (or one version twice), which Lambda refuses; keep one of them",
      { path: item.path },
    );
  }
}

export const layerOnce: Rule = {
  id: "E3978",
  severity: "error",
  shortDescription: "A function references each layer once",
  description:
    "The Layers of a function (with, for a SAM function, those Globals.Function adds) name each layer once: Lambda " +
    "refuses two versions of one layer, or one version twice, in the same function.",
  source: "https://docs.aws.amazon.com/lambda/latest/dg/adding-layers.html",
  tags: ["resources", "lambda", "serverless"],
  check({ template, report }) {
    for (const resource of resourcesOfType(template, FUNCTION, SAM_FUNCTION)) {
      const global =
        resource.type === SAM_FUNCTION ? inheritedGlobal(template, resource, "Layers") : undefined;
      const fromGlobals = layerItems(template, global?.value, "Globals.Function Layers", [
        "Globals",
        "Function",
        "Layers",
      ]);
      for (const { properties } of propertySets(resource)) {
        const own = mapGet(properties, "Layers")?.value;
        const path = ["Resources", resource.name, "Properties", "Layers"];
        checkRepeats(
          `function ${resource.name}`,
          fromGlobals,
          layerItems(template, own, "Layers", path),
          report,
        );
      }
    }
    const globals = globalsFor(template, SAM_FUNCTION);
    const fromGlobals = layerItems(template, mapGet(globals, "Layers")?.value, "Globals.Function Layers", [
      "Globals",
      "Function",
      "Layers",
    ]);
    checkRepeats("every function of the template", [], fromGlobals, report);
  },
};
