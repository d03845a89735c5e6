/**
 * E3901 and W3901 (checks cfn-lint does not have): a bucket's event notifications to a function,
 * queue or topic of the same template. S3 checks each destination when the notification
 * configuration is set, as part of creating the bucket, and refuses it ("Unable to validate the
 * following destination configurations") unless S3 may already deliver there: an
 * AWS::Lambda::Permission for s3.amazonaws.com on the function, a queue policy on the queue, a
 * topic policy on the topic.
 *
 * E3901: no such grant in the template, or every grant is created after the bucket because it
 * refers to it (usually a SourceArn of !GetAtt Bucket.Arn); the bucket then fails to create every
 * time. W3901: a grant exists but neither waits for the other, so CloudFormation may create them
 * in either order and the bucket fails now and then. The usual fix for both: the bucket DependsOn
 * the grant, and the grant names the bucket by a built ARN (`arn:${AWS::Partition}:s3:::name`).
 *
 * Which grants count is ./delivery-grants.ts's. A SAM function with an S3 event gets its
 * permission from the transform, and is left alone. A destination a Fn::If gives is judged in each
 * branch its place may take.
 */

import { mapGet } from "../../nodes";
import { placedValues } from "../conditions/logic";
import { dependsOn } from "../resources/circular-dependency";
import type { Report, Rule } from "../rule";
import type { TemplateIndex } from "../template-index";
import {
  deliveryTarget,
  grantFix,
  grantsFor,
  grantWanted,
  samEventOf,
  type Target,
  type TargetKind,
} from "./delivery-grants";
import { bucketNotifications } from "./s3-event-names";

const PAGE =
  "https://docs.aws.amazon.com/AmazonS3/latest/userguide/how-to-enable-disable-notification-intro.html";

/** The lists under NotificationConfiguration, the key of the target in each item, and its kind. */
const DESTINATIONS: { list: string; key: string; kind: TargetKind }[] = [
  { list: "LambdaConfigurations", key: "Function", kind: "function" },
  { list: "QueueConfigurations", key: "Queue", kind: "queue" },
  { list: "TopicConfigurations", key: "Topic", kind: "topic" },
];

export const s3NotificationGrant: Rule = {
  id: "E3901",
  severity: "error",
  shortDescription: "S3 may deliver to a bucket's notification destinations before the bucket is created",
  description:
    "A bucket's notification to a function, queue or topic of the template needs a Lambda permission, queue " +
    "policy or topic policy for S3 that is created before the bucket; otherwise S3 refuses the configuration.",
  source: PAGE,
  tags: ["resources", "s3", "lambda", "sqs", "sns"],
  check({ template, report }) {
    checkNotifications(template, report, "missing");
  },
};

export const s3NotificationOrder: Rule = {
  id: "W3901",
  severity: "warning",
  shortDescription: "A bucket waits for the grants of its notification destinations",
  description:
    "A bucket that neither depends on the permission or policy of a notification destination nor is depended on " +
    "by it may be created first, and then fails.",
  source: PAGE,
  tags: ["resources", "s3", "lambda", "sqs", "sns"],
  check({ template, report }) {
    checkNotifications(template, report, "unordered");
  },
};

function checkNotifications(template: TemplateIndex, report: Report, kind: "missing" | "unordered"): void {
  for (const { bucket, key, configuration } of bucketNotifications(template)) {
    const destination = DESTINATIONS.find((d) => d.list === key);
    if (!destination) continue;
    const written = mapGet(configuration, destination.key)?.value;
    // Each destination a Fn::If may give where it stands.
    for (const value of written ? placedValues(template, written) : []) {
      const target = deliveryTarget(template, value, [destination.kind]);
      if (!target || samEventOf(target, ["S3"])) continue;
      const problem = judge(template, bucket.name, target);
      if (problem === undefined) continue;
      if (kind === "missing" && problem !== "unordered") {
        report(value, missingMessage(bucket.name, target, problem));
      } else if (kind === "unordered" && problem === "unordered") {
        report(
          value,
          `Bucket '${bucket.name}' and the grant that lets S3 deliver to '${target.resource.name}' do not wait for ` +
            "each other, so CloudFormation may create the bucket first, and S3 then refuses the notification " +
            `configuration; give bucket '${bucket.name}' DependsOn on the grant`,
        );
      }
    }
  }
}

function missingMessage(bucket: string, target: Target, problem: "none" | "after"): string {
  const start = `Bucket '${bucket}' sends event notifications to '${target.resource.name}', `;
  const end = "S3 cannot validate the destination, and the bucket fails to create";
  if (problem === "none") {
    return `${start}which has no ${grantWanted(target, "s3")}: ${end}; ${grantFix(target, "s3")}, and give the bucket DependsOn on it`;
  }
  return (
    `${start}and every grant that lets S3 deliver there refers to the bucket, so it is created after the bucket: ` +
    `${end}. Name the bucket in the grant by a built ARN (arn:\${AWS::Partition}:s3:::<name>) and give the bucket ` +
    "DependsOn on the grant"
  );
}

/**
 * "none": no grant for the target; "after": every grant depends on the bucket; "unordered": a
 * grant exists but none is ordered before the bucket; undefined: one is.
 */
function judge(
  template: TemplateIndex,
  bucket: string,
  target: Target,
): "none" | "after" | "unordered" | undefined {
  const grants = grantsFor(template, target, "s3");
  if (grants.length === 0) return "none";
  if (grants.some((grant) => dependsOn(template, bucket, grant))) return undefined;
  if (grants.every((grant) => dependsOn(template, grant, bucket))) return "after";
  return "unordered";
}
