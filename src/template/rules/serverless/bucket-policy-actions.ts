/**
 * E3954 (our own id): an S3 bucket policy statement whose actions all act on objects (s3:GetObject,
 * s3:PutObject, ...) while every Resource names the bucket itself, without `/...`. S3 validates a
 * bucket policy's statements against the resources their actions apply to and refuses the policy
 * ("MalformedPolicy: Action does not apply to any resource(s) in statement"), so the stack fails
 * at the BucketPolicy. Round 44 found a static site's policy granting s3:GetObject on
 * `arn:aws:s3:::${Bucket}`.
 *
 * Judged only where the statement is certain: every action written out, none with a wildcard,
 * each an object action of the table below; every Resource the bucket's own ARN (written out, a
 * bucket's `!GetAtt B.Arn`, or a Fn::Sub of `arn:${AWS::Partition}:s3:::` and a bucket's Ref).
 */
import type { MapNode, Node } from "../../model";
import { listItems, mapGet } from "../../nodes";
import type { Rule } from "../rule";
import { literalString, referenceTarget } from "../services/values";
import { intrinsicName, type TemplateIndex } from "../template-index";
import { propertyPath } from "./documents";
import { documentStatements } from "./policy-document";
import { forEachPolicy } from "./policy-sites";
import { resourceSites } from "./resource-policy";

/** S3 actions whose only resource type is an object (the service authorization reference), lowercase. */
const OBJECT_ACTIONS = new Set(
  [
    "AbortMultipartUpload",
    "DeleteObject",
    "DeleteObjectTagging",
    "DeleteObjectVersion",
    "DeleteObjectVersionTagging",
    "GetObject",
    "GetObjectAcl",
    "GetObjectAttributes",
    "GetObjectLegalHold",
    "GetObjectRetention",
    "GetObjectTagging",
    "GetObjectTorrent",
    "GetObjectVersion",
    "GetObjectVersionAcl",
    "GetObjectVersionAttributes",
    "GetObjectVersionTagging",
    "ListMultipartUploadParts",
    "PutObject",
    "PutObjectAcl",
    "PutObjectLegalHold",
    "PutObjectRetention",
    "PutObjectTagging",
    "PutObjectVersionAcl",
    "PutObjectVersionTagging",
    "RestoreObject",
  ].map((action) => `s3:${action.toLowerCase()}`),
);

const BUCKET = "AWS::S3::Bucket";

export const bucketPolicyObjectActions: Rule = {
  id: "E3954",
  severity: "error",
  shortDescription: "A bucket policy's object actions name objects",
  description:
    "A bucket policy statement whose actions all act on objects (s3:GetObject, s3:PutObject, ...) must name " +
    "objects (arn:aws:s3:::bucket/*) among its resources: S3 refuses a statement whose actions apply to none of " +
    "its resources.",
  source: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html",
  tags: ["resources", "iam", "s3"],
  check({ template, report }) {
    forEachPolicy(template, resourceSites, (document, { resource, path }) => {
      if (resource.type !== "AWS::S3::BucketPolicy") return;
      for (const statement of documentStatements(document)) {
        const actions = objectActions(statement);
        if (!actions) continue;
        const resources = listItems(mapGet(statement, "Resource")?.value);
        if (resources.length === 0 || !resources.every((item) => namesBucketOnly(template, item))) continue;
        report(
          resources[0],
          `Every action of this statement (${actions.join(", ")}) acts on objects, and every Resource names the ` +
            "bucket itself: S3 refuses the policy (Action does not apply to any resource(s) in statement); name the " +
            "objects, as !Sub '${Bucket.Arn}/*'",
          propertyPath(resource, ...path),
        );
      }
    });
  },
};

/** The statement's actions when every one is written out and acts on objects only. */
function objectActions(statement: MapNode): string[] | undefined {
  if (mapGet(statement, "NotAction") || mapGet(statement, "NotResource")) return undefined;
  const items = listItems(mapGet(statement, "Action")?.value);
  const texts: string[] = [];
  for (const item of items) {
    const text = literalString(item);
    if (text === undefined || !OBJECT_ACTIONS.has(text.toLowerCase())) return undefined;
    texts.push(text);
  }
  return texts.length > 0 ? texts : undefined;
}

/** Whether a Resource is certainly a bucket's own ARN, with no object part. */
function namesBucketOnly(template: TemplateIndex, item: Node): boolean {
  const text = literalString(item);
  if (text !== undefined) return /^arn:[^:]*:s3:::[^/*?$]+$/.test(text);
  const target = referenceTarget(item);
  if (target) return target.attribute === "Arn" && template.resources.get(target.name)?.type === BUCKET;
  if (intrinsicName(item) !== "Fn::Sub") return false;
  const sub = literalString((item as MapNode).entries[0].value);
  const match =
    sub === undefined ? null : /^arn:(?:\$\{AWS::Partition\}|[a-z-]+):s3:::\$\{([^}]+)\}$/.exec(sub);
  if (!match) return false;
  const hole = match[1].trim();
  return !hole.includes(".") && template.resources.get(hole)?.type === BUCKET;
}
