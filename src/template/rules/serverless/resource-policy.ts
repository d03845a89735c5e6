/**
 * Resource policies (bucket, queue, topic, key and domain policies): where they sit in a template
 * (resourceSites, which the other IAM rules share), their grammar (E3512, with a Lambda permission's
 * Principal), the resources a bucket policy may name (E3514), and public bucket policies that Block
 * Public Access refuses (E3928).
 */
import type { MapNode, Node } from "../../model";
import { listItems, mapGet } from "../../nodes";
import {
  holderCondition,
  type Known,
  readings,
  reportInReadings,
  UNDECIDED,
  valueWhere,
} from "../conditions/logic";
import { canonical } from "../constraints/walk";
import { realResources } from "../resources/shared";
import type { Report, Rule } from "../rule";
import { BUCKET, resourceMeantByText } from "../services/plain-logical-id";
import {
  literalBoolean,
  literalString,
  plainMap,
  propertySets,
  refResource,
  resourcesOfType,
} from "../services/values";
import { intrinsicName, isString, type ResourceInfo, type TemplateIndex } from "../template-index";
import { isDynamic, propertyEntry, propertyPath } from "./documents";
import { documentStatements, fillsLater, POLICY_RESOURCE, type PolicyOptions } from "./policy-document";
import { checkPolicies, forEachPolicy, NO_SITES, type PolicySite, propertyPolicy } from "./policy-sites";

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
    if (isString(principal) && (fillsLater(principal.value) || LAMBDA_PRINCIPAL.test(principal.value)))
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

/** The RepositoryPolicyText of an ECR repository. */
export function repositorySites(resource: ResourceInfo): readonly PolicySite[] {
  return resource.type === "AWS::ECR::Repository"
    ? propertyPolicy(resource, "RepositoryPolicyText")
    : NO_SITES;
}

const REPOSITORY_POLICY: PolicyOptions = { uniqueSids: false, resourceImplied: true };

/**
 * E3513, as in cfn-lint: an ECR repository policy follows the grammar of resource policies, with a
 * Principal in each statement but no Resource needed, as the policy is the repository's own. A
 * container-image function of another account pulls through such a policy.
 */
export const repositoryPolicy: Rule = {
  id: "E3513",
  severity: "error",
  shortDescription: "ECR repository policies are well formed",
  description:
    "The RepositoryPolicyText of an AWS::ECR::Repository follows the IAM policy grammar for resource policies: Effect " +
    "Allow or Deny, Action or NotAction, a Principal of a known form, known condition operators; Resource may be left out.",
  source: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policies.html",
  tags: ["resources", "iam", "ecr"],
  check({ template, report }) {
    checkPolicies(template, report, "resource", repositorySites, () => REPOSITORY_POLICY);
  },
};

/** What to write instead of a Resource that is not an ARN, by the policy's type (bucket policies: E3514's own fix). */
const RESOURCE_FIX: Record<string, string> = {
  "AWS::KMS::Key": "a key policy's Resource is * (the key itself)",
  "AWS::SNS::TopicPolicy": "write the topic's ARN (!Ref Topic) or *",
  "AWS::SQS::QueuePolicy": "write the queue's ARN (!GetAtt Queue.Arn) or *",
  "AWS::OpenSearchService::Domain":
    "write the domain's ARN (!Sub 'arn:${AWS::Partition}:es:${AWS::Region}:${AWS::AccountId}:domain/name/*') or *",
};

/**
 * A written Resource of a queue, topic, key or domain policy that is neither an ARN nor `*`
 * (cfn-lint's E3514 pattern, formats.ts). IAM's grammar takes only those; SQS's handling of other
 * text (a queue's URL) is not documented, so there it is a warning, as E1041 has it for a Ref.
 */
function checkOtherResources(
  resource: ResourceInfo,
  statement: MapNode,
  path: (string | number)[],
  report: Report,
): void {
  const fix = RESOURCE_FIX[resource.type ?? ""];
  if (!fix) return;
  for (const item of listItems(mapGet(statement, "Resource")?.value)) {
    if (!isString(item) || fillsLater(item.value) || POLICY_RESOURCE.pattern.test(item.value)) continue;
    const queue = resource.type === "AWS::SQS::QueuePolicy";
    report(
      item,
      `Resource ${item.value} is not ${POLICY_RESOURCE.what}, which IAM's policy ` +
        `grammar takes there${queue ? " (what SQS does with other text is not documented)" : `, and the stack fails at ${resource.name}`}; ${fix}`,
      { ...propertyPath(resource, ...path), ...(queue ? { severity: "warning" as const } : {}) },
    );
  }
}

/**
 * E3514, as cfn-lint checks resource policies: every Resource of an S3 bucket policy statement is
 * the bucket or objects in it. S3 refuses the policy otherwise ("Policy has invalid resource"),
 * and the stack fails at the BucketPolicy. Three cases are certain from the template: a Resource
 * that is not an ARN, one of `*`, and (beyond cfn-lint) an S3 ARN of another bucket than the
 * literal Bucket the policy is for. The other resource policies (queues, topics, keys, domains)
 * take an ARN or `*` (checkOtherResources).
 */
export const bucketPolicyResource: Rule = {
  id: "E3514",
  severity: "error",
  shortDescription:
    "A resource policy's Resource is an ARN or *, and a bucket policy's its bucket or objects in it",
  description:
    "S3 accepts a bucket policy only when each statement's Resource names the bucket (arn:aws:s3:::bucket) or its " +
    "objects (arn:aws:s3:::bucket/...); * and other buckets are refused. A queue, topic, key or domain policy's " +
    "Resource is an ARN or * (a warning for a queue policy, whose handling of other text is not documented).",
  source: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-policies.html",
  tags: ["resources", "iam", "s3"],
  check({ template, report }) {
    forEachPolicy(template, resourceSites, (document, { resource, path }) => {
      if (resource.type !== "AWS::S3::BucketPolicy") {
        for (const statement of documentStatements(document))
          checkOtherResources(resource, statement, path, report);
        return;
      }
      const bucket = literalString(propertyEntry(resource, "Bucket")?.value);
      // `Bucket: MyBucket` for the template's bucket MyBucket: the Resource may be right, and
      // Bucket is what to mend (W3937 says so at Bucket).
      const meant = bucket === undefined ? undefined : resourceMeantByText(template, bucket, BUCKET);
      const fix = meant
        ? `'${bucket}' is the logical id of a bucket of this template, not its name: write Bucket: !Ref ${bucket}, ` +
          `and the bucket's ARN as !GetAtt ${bucket}.Arn`
        : bucket
          ? `write arn:aws:s3:::${bucket} for the bucket or arn:aws:s3:::${bucket}/* for its objects`
          : "write the bucket's ARN (!GetAtt Bucket.Arn) or its objects' (!Sub '${Bucket.Arn}/*')";
      for (const statement of documentStatements(document)) {
        for (const item of listItems(mapGet(statement, "Resource")?.value)) {
          const text = literalString(item);
          if (text === undefined) continue;
          const arn = /^arn:[^:]*:s3:::([^/*?]+)(\/.*)?$/.exec(text);
          const problem =
            text === "*"
              ? "Resource * in a bucket policy names no bucket"
              : bucket !== undefined && arn && arn[1] !== bucket
                ? `Resource ${text} names bucket '${arn[1]}', not '${bucket}', the bucket of this policy`
                : !fillsLater(text) && !POLICY_RESOURCE.pattern.test(text)
                  ? `Resource ${text} is not an ARN`
                  : undefined;
          if (problem)
            report(
              item,
              `${problem}, and S3 refuses the policy (Policy has invalid resource); ${fix}`,
              propertyPath(resource, ...path),
            );
        }
      }
    });
  },
};

/**
 * The condition keys that make a grant to everyone non-public for S3, when given fixed values
 * ("The meaning of public", Amazon S3 User Guide); any other condition (aws:SecureTransport,
 * aws:Referer) leaves the statement public.
 */
const NARROWING_KEYS = new Set(
  [
    "aws:PrincipalAccount",
    "aws:PrincipalArn",
    "aws:PrincipalOrgID",
    "aws:SourceAccount",
    "aws:SourceArn",
    "aws:SourceIp",
    "aws:SourceOwner",
    "aws:SourceVpc",
    "aws:SourceVpce",
    "aws:userid",
    "s3:DataAccessPointAccount",
    "s3:DataAccessPointArn",
  ].map((key) => key.toLowerCase()),
);

/** Whether a statement grants to everyone with nothing to narrow it: S3 calls such a policy public. */
function publicGrant(statement: MapNode): boolean {
  if (literalString(mapGet(statement, "Effect")?.value) !== "Allow") return false;
  const condition = mapGet(statement, "Condition")?.value;
  if (condition) {
    // Unknown when not written out; narrowed when any operator names a narrowing key.
    if (condition.kind !== "map" || intrinsicName(condition)) return false;
    const narrowed = condition.entries.some(
      ({ value }) =>
        value.kind !== "map" || value.entries.some(({ key }) => NARROWING_KEYS.has(key.toLowerCase())),
    );
    if (narrowed) return false;
  }
  const principal = mapGet(statement, "Principal")?.value;
  const aws = principal?.kind === "map" ? mapGet(principal, "AWS")?.value : principal;
  return listItems(aws).some((item) => isString(item) && item.value === "*");
}

/** Why a bucket's properties block public policies as written: by S3's default, or by its setting. */
function blocksAsWritten(properties: MapNode): string | undefined {
  const entry = mapGet(properties, "PublicAccessBlockConfiguration");
  if (!entry) return DEFAULT_BLOCK;
  const setting = mapGet(plainMap(entry.value), "BlockPublicPolicy");
  return setting && literalBoolean(setting.value) === true ? SET_BLOCK : undefined;
}

/**
 * Why a bucket blocks public policies where `known` holds (a reading's): its
 * PublicAccessBlockConfiguration absent there (S3's default), or BlockPublicPolicy true there;
 * undefined where it does not, or where a condition the reading leaves open decides.
 */
function blocksWhere(template: TemplateIndex, setting: Node | undefined, known: Known): string | undefined {
  const value = valueWhere(template, setting, known);
  if (value === undefined) return DEFAULT_BLOCK;
  if (value === UNDECIDED) return undefined;
  const block = valueWhere(template, mapGet(plainMap(value), "BlockPublicPolicy")?.value, known);
  return block !== UNDECIDED && literalBoolean(block) === true ? SET_BLOCK : undefined;
}

const DEFAULT_BLOCK = "S3 turns Block Public Access on for new buckets";
const SET_BLOCK = "its BlockPublicPolicy is true";

/**
 * The bucket of the template whose BucketName is written as `name` is (the same parameter's Ref, the
 * same Fn::Join or Fn::Sub, the same text): the same expression gives the same name, and a bucket's
 * name is S3's alone, so a policy for that name is this bucket's (round 41: a static site's policy
 * named its bucket by the `DomainName` parameter both take).
 */
function bucketNamedAs(template: TemplateIndex, name: Node): ResourceInfo | undefined {
  const key = canonical(name);
  return resourcesOfType(template, "AWS::S3::Bucket").find((bucket) => {
    const written = mapGet(bucket.properties?.value, "BucketName")?.value;
    return written !== undefined && canonical(written) === key;
  });
}

/**
 * E3928 (our own id): a bucket policy that makes a bucket of the template public, while Block Public
 * Access keeps public policies out. S3 turns Block Public Access on for every new bucket (since
 * April 2023), so unless the bucket's PublicAccessBlockConfiguration sets BlockPublicPolicy: false,
 * S3 refuses the policy (Access Denied) and the stack fails at the BucketPolicy. A statement is
 * public here when it allows Principal `*` (or AWS `*`) with no condition on a key that narrows it
 * (aws:SourceArn, aws:SourceIp, ...); the static website samples written before 2023 are the usual
 * case. A PublicAccessBlockConfiguration (or its BlockPublicPolicy) a Fn::If gives is read under
 * each condition that chooses it, where the policy is made (readings): `!If [Public, {...false},
 * !Ref AWS::NoValue]` leaves public policies out where Public is false, and a policy made where
 * Public is true is not reported. Properties a Fn::If chooses are judged as written. The policy's
 * bucket is the template's by a Ref, or by a BucketName written as its Bucket is (bucketNamedAs).
 */
export const blockedPublicPolicy: Rule = {
  id: "E3928",
  severity: "error",
  shortDescription: "A public bucket policy goes with a bucket that lets public policies in",
  description:
    "A bucket policy statement that allows Principal * without a Condition is public; its bucket must set " +
    "PublicAccessBlockConfiguration with BlockPublicPolicy: false, as new buckets block public policies.",
  source: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html",
  tags: ["resources", "iam", "s3"],
  check({ template, report }) {
    forEachPolicy(template, resourceSites, (document, { resource, path }) => {
      if (resource.type !== "AWS::S3::BucketPolicy") return;
      const ref = propertyEntry(resource, "Bucket")?.value;
      const bucket = ref && (refResource(template, ref, ["AWS::S3::Bucket"]) ?? bucketNamedAs(template, ref));
      if (!bucket) return;
      const statement = documentStatements(document).find(publicGrant);
      if (!statement) return;
      const at = mapGet(statement, "Principal")?.value ?? statement;
      const message = (reason: string) =>
        `This statement makes bucket ${bucket.name} public (Principal * with no Condition that narrows it), and ` +
        `${bucket.name} blocks public policies (${reason}), so S3 refuses the policy with Access ` +
        `Denied; set PublicAccessBlockConfiguration with BlockPublicPolicy: false (and RestrictPublicBuckets: false) ` +
        `on ${bucket.name}, or serve it through CloudFront with a Condition on aws:SourceArn`;
      const sets = propertySets(bucket);
      if (sets.length > 1) {
        // Properties a Fn::If chooses: every mapping must block, as written.
        const reasons = sets.map(({ properties }) => blocksAsWritten(properties));
        const [reason] = reasons;
        if (reason !== undefined && reasons.every((each) => each !== undefined))
          report(at, message(reason), propertyPath(resource, ...path));
        return;
      }
      // The bucket's setting where the policy is made, read with each condition that chooses it.
      const setting = mapGet(sets[0].properties, "PublicAccessBlockConfiguration")?.value;
      const holder = holderCondition(template, "Resources", resource.name);
      const say = reportInReadings(report);
      for (const reading of readings(template, [setting], { true: holder ? [holder] : [], false: [] })) {
        const reason = blocksWhere(template, setting, reading.known);
        if (reason) say(reading, at, message(reason), propertyPath(resource, ...path));
      }
    });
  },
};
