/**
 * E3045: a bucket's canned ACL needs ACLs turned on. New buckets enforce bucket-owner object
 * ownership (BucketOwnerEnforced), which disables ACLs, so an AccessControl other than Private,
 * BucketOwnerFullControl or BucketOwnerRead (PublicRead for a website, LogDeliveryWrite for access
 * logs, ...) fails unless OwnershipControls sets ObjectWriter or BucketOwnerPreferred.
 *
 * Beyond cfn-lint, which asks for OwnershipControls only: OwnershipControls that say
 * BucketOwnerEnforced are reported too, at that value.
 */

import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import { USER_GUIDE } from "../template-index";
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
  check({ template, report }) {
    for (const bucket of resourcesOfType(template, "AWS::S3::Bucket")) {
      for (const { properties } of propertySets(bucket)) {
        const acl = presentEntry(properties, "AccessControl");
        const name = literalString(acl?.value);
        if (!acl || name === undefined || OWNER_ONLY.includes(name)) continue;
        const base = ["Resources", bucket.name, "Properties"];
        if (isAbsent(properties, "OwnershipControls")) {
          report(
            acl.value,
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
          if (literalString(ownership?.value) !== "BucketOwnerEnforced" || !ownership) return;
          report(
            ownership.value,
            `BucketOwnerEnforced disables ACLs, and this bucket sets AccessControl ${name}; ${FIX}`,
            { path: [...base, "OwnershipControls", "Rules", index, "ObjectOwnership"] },
          );
        });
      }
    }
  },
};
