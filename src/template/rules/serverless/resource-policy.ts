import { realResources } from "../resources/shared";
import type { Report, Rule } from "../rule";
import { isString, type ResourceInfo, type TemplateIndex } from "../template-index";
import { isDynamic, propertyEntry, propertyPath } from "./documents";
import { checkPolicies, NO_SITES, type PolicySite, propertyPolicy } from "./policy-sites";

const DOCUMENT_PROPERTY: Record<string, string> = {
  "AWS::S3::BucketPolicy": "PolicyDocument",
  "AWS::SQS::QueuePolicy": "PolicyDocument",
  "AWS::SNS::TopicPolicy": "PolicyDocument",
  "AWS::KMS::Key": "KeyPolicy",
  "AWS::OpenSearchService::Domain": "AccessPolicies",
};

export function resourceSites(resource: ResourceInfo): readonly PolicySite[] {
  const type = resource.type ?? "";
  return Object.hasOwn(DOCUMENT_PROPERTY, type)
    ? propertyPolicy(resource, DOCUMENT_PROPERTY[type])
    : NO_SITES;
}

/**
 * A Lambda permission's Principal is one principal, not a document: `*`, an account ID, an ARN,
 * or a service principal, which always has a dot (`s3.amazonaws.com`). A bare service name such
 * as `s3` is the usual mistake; AddPermission rejects it.
 */
const LAMBDA_PRINCIPAL = /^(\*|\d{12}|arn:.+|[^.\s]+(\.[^.\s]+)+)$/;

function checkLambdaPermissions(template: TemplateIndex, report: Report): void {
  for (const resource of realResources(template)) {
    if (resource.type !== "AWS::Lambda::Permission") continue;
    const principal = propertyEntry(resource, "Principal")?.value;
    if (!principal || isDynamic(principal)) continue;
    if (principal.kind === "scalar" && typeof principal.value === "number") continue;
    if (isString(principal) && (principal.value.includes("${") || LAMBDA_PRINCIPAL.test(principal.value)))
      continue;
    report(
      principal,
      "Principal of a Lambda permission must be a service principal such as s3.amazonaws.com, an account ID, " +
        "an ARN or *",
      propertyPath(resource, "Principal"),
    );
  }
}

/**
 * E3512, as in cfn-lint: the grammar of resource policies of S3 buckets, SQS queues, SNS
 * topics, KMS keys and OpenSearch domains, where each statement must name a Principal or
 * NotPrincipal and a Resource or NotResource; S3 accepts repeated Sids, the others do not. We add
 * the form of a Lambda permission's Principal, which cfn-lint checks only against the source's
 * service (W3664).
 */
export const resourcePolicy: Rule = {
  id: "E3512",
  severity: "error",
  shortDescription: "Resource policy documents are well formed",
  description:
    "Bucket, queue, topic, key and domain policies must follow the IAM policy grammar for resource policies: Effect Allow or " +
    "Deny, Action or NotAction, Resource or NotResource, a Principal of a known form, and known condition " +
    "operators. A Lambda permission's Principal must be a service principal, an account, an ARN or *.",
  source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_identity-vs-resource.html",
  tags: ["resources", "iam", "serverless"],
  check({ template, report }) {
    checkPolicies(template, report, "resource", resourceSites, (resource) => ({
      uniqueSids: resource.type !== "AWS::S3::BucketPolicy",
    }));
    checkLambdaPermissions(template, report);
  },
};
