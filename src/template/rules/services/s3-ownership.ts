/**
 * E3045: a bucket's canned ACL needs ACLs turned on. New buckets enforce bucket-owner object
 * ownership (BucketOwnerEnforced), which disables ACLs, so an AccessControl other than Private,
 * BucketOwnerFullControl or BucketOwnerRead (PublicRead for a website, LogDeliveryWrite for access
 * logs, ...) fails unless OwnershipControls sets ObjectWriter or BucketOwnerPreferred.
 *
 * Beyond cfn-lint, which asks for OwnershipControls only: OwnershipControls that say
 * BucketOwnerEnforced are reported too, at that value.
 *
 * A value a Fn::If chooses is judged branch by branch, where the bucket may be made with that branch.
 *
 * W3045: any other AccessControl works, but is the legacy way: S3 recommends leaving ACLs disabled
 * and granting access with a bucket policy. Not said where E3045 already reports the ACL.
 */
import type { MapNode, Node } from "../../model";
import { mapGet } from "../../nodes";
import { placedValues } from "../conditions/logic";
import type { Rule } from "../rule";
import { type TemplateIndex, USER_GUIDE } from "../template-index";
import { isAbsent, literalString, presentEntry, propertySets, resourcesOfType } from "./values";

/** Canned ACLs that grant only the bucket owner, which enforced bucket-owner ownership accepts. */
const OWNER_ONLY = ["Private", "BucketOwnerFullControl", "BucketOwnerRead"];
const FIX =
  "set OwnershipControls to ObjectWriter or BucketOwnerPreferred, or remove AccessControl and grant access " +
  "with a bucket policy";

export const s3Ownership: Rule = {
  id: "E3045",
  severity: "error",
  shortDescription: "A bucket's AccessControl comes with OwnershipControls that allow ACLs",
  description:
    "A canned ACL other than Private, BucketOwnerFullControl or BucketOwnerRead needs OwnershipControls with " +
    "ObjectWriter or BucketOwnerPreferred: new buckets enforce bucket-owner ownership, which disables ACLs.",
  source: `${USER_GUIDE}/aws-properties-s3-bucket-ownershipcontrols.html`,
  tags: ["resources", "s3"],
  resourceTypes: ["AWS::S3::Bucket"],
  check({ template, report }) {
    for (const bucket of resourcesOfType(template, "AWS::S3::Bucket")) {
      for (const { properties } of propertySets(bucket)) {
        const acls = aclsWithAccess(template, properties);
        if (acls.length === 0) continue;
        const base = ["Resources", bucket.name, "Properties"];
        if (isAbsent(properties, "OwnershipControls")) {
          for (const { node, name } of acls)
            report(
              node,
              `AccessControl ${name} is an ACL, and a new bucket disables ACLs (BucketOwnerEnforced) unless told ` +
                `otherwise; ${FIX}`,
              { path: [...base, "AccessControl"] },
            );
          continue;
        }
        const rules = mapGet(presentEntry(properties, "OwnershipControls")?.value, "Rules")?.value;
        if (rules?.kind !== "seq") continue;
        rules.items.forEach((rule, index) => {
          const ownership = mapGet(rule, "ObjectOwnership");
          if (!enforced(rule) || !ownership) return;
          report(
            ownership.value,
            `BucketOwnerEnforced disables ACLs, and this bucket sets AccessControl ${acls[0].name}; ${FIX}`,
            { path: [...base, "OwnershipControls", "Rules", index, "ObjectOwnership"] },
          );
        });
      }
    }
  },
};

/**
 * The canned ACLs that grant others than the bucket owner which the property set's AccessControl
 * may take: its text, or that of a Fn::If's branches where the bucket may be made with them.
 */
function aclsWithAccess(template: TemplateIndex, properties: MapNode): { node: Node; name: string }[] {
  // Not presentEntry: a Fn::If that leaves AccessControl out in one branch sets it in the other.
  const acl = mapGet(properties, "AccessControl");
  if (!acl) return [];
  const found: { node: Node; name: string }[] = [];
  for (const node of placedValues(template, acl.value)) {
    const name = literalString(node);
    if (name !== undefined && !OWNER_ONLY.includes(name)) found.push({ node, name });
  }
  return found;
}

function enforced(rule: Node): boolean {
  return literalString(mapGet(rule, "ObjectOwnership")?.value) === "BucketOwnerEnforced";
}

/** Whether E3045 reports this property set's AccessControl. */
function refused(template: TemplateIndex, properties: MapNode): boolean {
  if (aclsWithAccess(template, properties).length === 0) return false;
  if (isAbsent(properties, "OwnershipControls")) return true;
  const rules = mapGet(presentEntry(properties, "OwnershipControls")?.value, "Rules")?.value;
  return rules?.kind === "seq" && rules.items.some(enforced);
}

export const s3AccessControl: Rule = {
  id: "W3045",
  severity: "warning",
  shortDescription: "Bucket access is granted with a bucket policy, not AccessControl",
  description:
    "AccessControl sets a legacy canned ACL. S3 recommends keeping ACLs disabled (BucketOwnerEnforced) and " +
    "granting access with an AWS::S3::BucketPolicy.",
  source: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html",
  tags: ["resources", "s3", "security"],
  resourceTypes: ["AWS::S3::Bucket"],
  check({ template, report }) {
    for (const bucket of resourcesOfType(template, "AWS::S3::Bucket")) {
      for (const { properties } of propertySets(bucket)) {
        const acl = presentEntry(properties, "AccessControl");
        if (!acl || refused(template, properties)) continue;
        report(
          acl.keyRange,
          "AccessControl is a legacy canned ACL: S3 recommends leaving ACLs disabled and granting access with an " +
            "AWS::S3::BucketPolicy",
          { path: ["Resources", bucket.name, "Properties", "AccessControl"] },
        );
      }
    }
  },
};
