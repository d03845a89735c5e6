/**
 * Lambda@Edge, as CloudFront takes it ("Restrictions on Lambda@Edge", CloudFront Developer Guide):
 * - E3933 (our own id): an association names a published version. CloudFront refuses `$LATEST` and
 *   aliases, so `LambdaFunctionARN: !GetAtt Fn.Arn` (the unqualified function) or the `!Ref` of an
 *   alias fails the distribution.
 * - E3934 (our own id): the function uses no feature Lambda@Edge does not support: environment
 *   variables, a VPC, layers, the arm64 architecture, a container image, a dead-letter queue.
 * Read from the DefaultCacheBehavior and CacheBehaviors of CloudFront distributions, for
 * functions, versions and aliases of the template.
 */
import type { Node } from "../../model";
import { listItems, mapGet } from "../../nodes";
import type { Rule } from "../rule";
import type { ResourceInfo, TemplateIndex } from "../template-index";
import { environmentVariables, FUNCTION, SAM_FUNCTION } from "./lambda";
import {
  inheritedProperty,
  literalString,
  plainMap,
  presentEntry,
  propertySets,
  referenceTarget,
  resourcesOfType,
} from "./values";

const GUIDE =
  "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-at-edge-function-restrictions.html";

interface Association {
  distribution: ResourceInfo;
  /** 1-based, within its cache behavior, for messages. */
  number: number;
  arn: Node;
  /** The resource the ARN names, and how: with `attribute` for a GetAtt. */
  target: { name: string; attribute: string | undefined };
  resource: ResourceInfo;
  path: (string | number)[];
}

const associationCache = new WeakMap<TemplateIndex, Association[]>();

/** Every Lambda@Edge association whose ARN names a resource of the template, found once for both rules. */
function associations(template: TemplateIndex): Association[] {
  const cached = associationCache.get(template);
  if (cached) return cached;
  const found: Association[] = [];
  associationCache.set(template, found);
  for (const distribution of resourcesOfType(template, "AWS::CloudFront::Distribution")) {
    for (const { properties } of propertySets(distribution)) {
      const config = plainMap(presentEntry(properties, "DistributionConfig")?.value);
      const behaviors = [
        { node: mapGet(config, "DefaultCacheBehavior")?.value, path: ["DefaultCacheBehavior"] },
        ...listItems(mapGet(config, "CacheBehaviors")?.value).map((node, i) => ({
          node,
          path: ["CacheBehaviors", i],
        })),
      ];
      for (const behavior of behaviors) {
        listItems(mapGet(plainMap(behavior.node), "LambdaFunctionAssociations")?.value).forEach((item, i) => {
          const arn = mapGet(plainMap(item), "LambdaFunctionARN")?.value;
          const ref = arn && referenceTarget(arn);
          // A SAM function's published version: `!Ref Fn.Version`.
          const target =
            ref && !ref.attribute && ref.name.endsWith(".Version")
              ? { name: ref.name.slice(0, -".Version".length), attribute: "Version" }
              : ref;
          const resource = target && template.resources.get(target.name);
          if (!arn || !target || !resource?.type) return;
          const path = [
            ...["Resources", distribution.name, "Properties", "DistributionConfig"],
            ...behavior.path,
            ...["LambdaFunctionAssociations", i, "LambdaFunctionARN"],
          ];
          found.push({ distribution, number: i + 1, arn, target, resource, path });
        });
      }
    }
  }
  return found;
}

export const edgeFunctionVersion: Rule = {
  id: "E3933",
  severity: "error",
  shortDescription: "Lambda@Edge associations name a function version",
  description:
    "The LambdaFunctionARN of a CloudFront cache behavior's LambdaFunctionAssociations is a published version's ARN " +
    "(an AWS::Lambda::Version, or a SAM function's Version), not the function's ARN or an alias.",
  source: GUIDE,
  tags: ["resources", "cloudfront", "lambda"],
  check({ template, report }) {
    for (const { distribution, number, arn, target, resource, path } of associations(template)) {
      const type = resource.type as string;
      const unversioned = (type === FUNCTION || type === SAM_FUNCTION) && target.attribute === "Arn";
      const alias = type === "AWS::Lambda::Alias" && !target.attribute;
      if (!unversioned && !alias) continue;
      const fix =
        type === SAM_FUNCTION
          ? `!Ref ${target.name}.Version (with AutoPublishAlias on ${target.name})`
          : "the !Ref of an AWS::Lambda::Version of the function";
      report(
        arn,
        `Lambda@Edge association ${number} of distribution '${distribution.name}' names ` +
          `${alias ? `alias ${target.name}` : `function ${target.name} without a version`}, and CloudFront ` +
          `takes a published version only; write ${fix}`,
        { path },
      );
    }
  },
};

/** The function an association runs: named directly, or through its version or alias. */
function edgeFunction(template: TemplateIndex, association: Association): ResourceInfo | undefined {
  const { resource } = association;
  if (resource.type === FUNCTION || resource.type === SAM_FUNCTION) return resource;
  if (resource.type !== "AWS::Lambda::Version" && resource.type !== "AWS::Lambda::Alias") return undefined;
  const name = mapGet(plainMap(resource.properties?.value), "FunctionName")?.value;
  const target = name && referenceTarget(name);
  const fn =
    target && (!target.attribute || target.attribute === "Arn")
      ? template.resources.get(target.name)
      : undefined;
  return fn?.type === FUNCTION || fn?.type === SAM_FUNCTION ? fn : undefined;
}

/** Lambda features Lambda@Edge does not support, each with the property that sets it. */
const UNSUPPORTED: { key: string; what: string; present: (value: Node) => boolean }[] = [
  {
    key: "Environment",
    what: "environment variables",
    present: (value) => (environmentVariables(value)?.entries.length ?? 0) > 0,
  },
  { key: "VpcConfig", what: "a VPC", present: () => true },
  { key: "Layers", what: "layers", present: (value) => value.kind !== "seq" || value.items.length > 0 },
  {
    key: "Architectures",
    what: "the arm64 architecture",
    present: (value) => listItems(value).some((item) => literalString(item) === "arm64"),
  },
  { key: "PackageType", what: "a container image", present: (value) => literalString(value) === "Image" },
  { key: "DeadLetterConfig", what: "a dead-letter queue", present: () => true },
  { key: "DeadLetterQueue", what: "a dead-letter queue", present: () => true },
];

export const edgeFunctionFeatures: Rule = {
  id: "E3934",
  severity: "error",
  shortDescription: "Lambda@Edge functions use only what Lambda@Edge supports",
  description:
    "A function a CloudFront distribution runs at the edge has no environment variables, VPC, layers, arm64 " +
    "architecture, container image or dead-letter queue.",
  source: GUIDE,
  tags: ["resources", "cloudfront", "lambda"],
  check({ template, report }) {
    const reported = new Set<ResourceInfo>();
    for (const association of associations(template)) {
      const fn = edgeFunction(template, association);
      if (!fn || reported.has(fn)) continue;
      for (const set of propertySets(fn)) {
        for (const { key, what, present } of UNSUPPORTED) {
          const found = inheritedProperty(template, set, key);
          if (!found || !present(found.entry.value)) continue;
          reported.add(fn);
          report(
            found.inherited ? fn.entry.keyRange : found.entry.keyRange,
            `Function ${fn.name} runs at the edge for distribution '${association.distribution.name}', and ` +
              `Lambda@Edge does not support ${what} (${key}${found.inherited ? ", from Globals.Function" : ""}); ` +
              "the distribution fails to associate it. Remove it, or run this work in a regional function",
            { path: ["Resources", fn.name, "Properties", key] },
          );
        }
      }
    }
  },
};
