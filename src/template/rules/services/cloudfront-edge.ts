/**
 * E3933 (our own id): a Lambda@Edge association names a function version. CloudFront takes the
 * ARN of a published version only ("You must specify a version; you can't use $LATEST or an
 * alias"), so `LambdaFunctionARN: !GetAtt Fn.Arn` (the unqualified function) or the `!Ref` of an
 * alias fails the distribution. Read from the DefaultCacheBehavior and CacheBehaviors of
 * CloudFront distributions, for functions and aliases of the template.
 */
import { listItems, mapGet } from "../../nodes";
import type { Rule } from "../rule";
import { plainMap, presentEntry, propertySets, referenceTarget, resourcesOfType } from "./values";

const FUNCTIONS = ["AWS::Lambda::Function", "AWS::Serverless::Function"];

export const edgeFunctionVersion: Rule = {
  id: "E3933",
  severity: "error",
  shortDescription: "Lambda@Edge associations name a function version",
  description:
    "The LambdaFunctionARN of a CloudFront cache behavior's LambdaFunctionAssociations is a published version's ARN " +
    "(an AWS::Lambda::Version, or a SAM function's Version), not the function's ARN or an alias.",
  source: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-edge-add-triggers.html",
  tags: ["resources", "cloudfront", "lambda"],
  check({ template, report }) {
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
          listItems(mapGet(plainMap(behavior.node), "LambdaFunctionAssociations")?.value).forEach(
            (item, i) => {
              const arn = mapGet(plainMap(item), "LambdaFunctionARN")?.value;
              const target = arn && referenceTarget(arn);
              const resource = target && template.resources.get(target.name);
              if (!arn || !target || !resource?.type) return;
              const unversioned = FUNCTIONS.includes(resource.type) && target.attribute === "Arn";
              const alias = resource.type === "AWS::Lambda::Alias" && !target.attribute;
              if (!unversioned && !alias) return;
              const fix =
                resource.type === "AWS::Serverless::Function"
                  ? `!Ref ${target.name}.Version (with AutoPublishAlias on ${target.name})`
                  : "the !Ref of an AWS::Lambda::Version of the function";
              report(
                arn,
                `Lambda@Edge association ${i + 1} of distribution '${distribution.name}' names ` +
                  `${alias ? `alias ${target.name}` : `function ${target.name} without a version`}, and CloudFront ` +
                  `takes a published version only; write ${fix}`,
                {
                  path: [
                    "Resources",
                    distribution.name,
                    "Properties",
                    "DistributionConfig",
                    ...behavior.path,
                    "LambdaFunctionAssociations",
                    i,
                    "LambdaFunctionARN",
                  ],
                },
              );
            },
          );
        }
      }
    }
  },
};
