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
 * A grant whose target is not a reference (a parameter, an import, a literal) may be for the
 * destination, so it counts; so does a permission whose Principal is not a literal. A SAM function
 * with an S3 event gets its permission from the transform, and is left alone.
 */
import { rangeHas } from "../../lines";
import type { MapNode, Node } from "../../model";
import { mapGet } from "../../nodes";
import { dependsOn } from "../resources/circular-dependency";
import { referencesFrom } from "../resources/shared";
import type { Report, Rule } from "../rule";
import type { ResourceInfo, TemplateIndex } from "../template-index";
import { literalString, presentEntry, propertySets, referenceTarget, resourcesOfType } from "./values";

const PAGE =
  "https://docs.aws.amazon.com/AmazonS3/latest/userguide/how-to-enable-disable-notification-intro.html";

interface Destination {
  /** The list under NotificationConfiguration and the key of the target in each item. */
  list: string;
  key: string;
  /** Types a target may have. */
  targets: string[];
  what: string;
  /** Resource types that grant S3 delivery, and the property that names the target in each. */
  grants: Record<string, string>;
  fix: (target: string) => string;
}

const DESTINATIONS: Destination[] = [
  {
    list: "LambdaConfigurations",
    key: "Function",
    targets: [
      "AWS::Lambda::Function",
      "AWS::Serverless::Function",
      "AWS::Lambda::Alias",
      "AWS::Lambda::Version",
    ],
    what: "AWS::Lambda::Permission that lets s3.amazonaws.com invoke it",
    grants: { "AWS::Lambda::Permission": "FunctionName" },
    fix: (target) =>
      `add an AWS::Lambda::Permission with FunctionName !GetAtt ${target}.Arn, Action lambda:InvokeFunction, ` +
      "Principal s3.amazonaws.com and SourceAccount !Ref AWS::AccountId",
  },
  {
    list: "QueueConfigurations",
    key: "Queue",
    targets: ["AWS::SQS::Queue"],
    what: "queue policy that lets S3 send messages to it",
    grants: { "AWS::SQS::QueuePolicy": "Queues", "AWS::SQS::QueueInlinePolicy": "Queue" },
    fix: (target) =>
      `add an AWS::SQS::QueuePolicy on !Ref ${target} that allows s3.amazonaws.com sqs:SendMessage`,
  },
  {
    list: "TopicConfigurations",
    key: "Topic",
    targets: ["AWS::SNS::Topic"],
    what: "topic policy that lets S3 publish to it",
    grants: { "AWS::SNS::TopicPolicy": "Topics", "AWS::SNS::TopicInlinePolicy": "TopicArn" },
    fix: (target) =>
      `add an AWS::SNS::TopicPolicy on !Ref ${target} that allows s3.amazonaws.com sns:Publish`,
  },
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
  for (const bucket of resourcesOfType(template, "AWS::S3::Bucket")) {
    for (const { properties } of propertySets(bucket)) {
      const configuration = presentEntry(properties, "NotificationConfiguration")?.value;
      if (configuration?.kind !== "map") continue;
      for (const destination of DESTINATIONS) {
        const items = mapGet(configuration, destination.list)?.value;
        if (items?.kind !== "seq") continue;
        for (const item of items.items) {
          const value = mapGet(item, destination.key)?.value;
          const name = value ? referenceTarget(value)?.name : undefined;
          const target = name === undefined ? undefined : template.resources.get(name);
          if (!value || !target?.type || !destination.targets.includes(target.type)) continue;
          if (samS3Event(target)) continue;
          const problem = judge(template, bucket.name, target.name, destination);
          if (problem === undefined) continue;
          if (kind === "missing" && problem !== "unordered") {
            report(value, missingMessage(bucket.name, target.name, destination, problem));
          } else if (kind === "unordered" && problem === "unordered") {
            report(
              value,
              `Bucket '${bucket.name}' and the grant that lets S3 deliver to '${target.name}' do not wait for ` +
                "each other, so CloudFormation may create the bucket first, and S3 then refuses the notification " +
                `configuration; give bucket '${bucket.name}' DependsOn on the grant`,
            );
          }
        }
      }
    }
  }
}

function missingMessage(
  bucket: string,
  target: string,
  destination: Destination,
  problem: "none" | "after",
): string {
  const start = `Bucket '${bucket}' sends event notifications to '${target}', `;
  const end = "S3 cannot validate the destination, and the bucket fails to create";
  if (problem === "none") {
    return `${start}which has no ${destination.what}: ${end}; ${destination.fix(target)}, and give the bucket DependsOn on it`;
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
  target: string,
  destination: Destination,
): "none" | "after" | "unordered" | undefined {
  const grants = grantsFor(template, target, destination);
  if (grants.length === 0) return "none";
  if (grants.some((grant) => dependsOn(template, bucket, grant))) return undefined;
  if (grants.every((grant) => dependsOn(template, grant, bucket))) return "after";
  return "unordered";
}

/** The resources that may grant S3 delivery to `target`. */
function grantsFor(template: TemplateIndex, target: string, destination: Destination): string[] {
  const found: string[] = [];
  for (const [type, key] of Object.entries(destination.grants)) {
    for (const grant of resourcesOfType(template, type)) {
      if (propertySets(grant).some(({ properties }) => grants(template, grant, properties, key, target)))
        found.push(grant.name);
    }
  }
  return found;
}

function grants(
  template: TemplateIndex,
  grant: ResourceInfo,
  properties: MapNode,
  key: string,
  target: string,
): boolean {
  if (grant.type === "AWS::Lambda::Permission") {
    const principal = presentEntry(properties, "Principal")?.value;
    const literal = literalString(principal);
    if (!principal || (literal !== undefined && literal !== "s3.amazonaws.com")) return false;
  }
  const named = presentEntry(properties, key)?.value;
  if (!named) return false;
  const targets = referencedIn(template, grant.name, named);
  return targets.length === 0 || targets.includes(target);
}

/** The resources referred to inside one value of a resource. */
function referencedIn(template: TemplateIndex, resource: string, value: Node): string[] {
  const names: string[] = [];
  for (const ref of referencesFrom(template, resource)) {
    if (rangeHas(value.range, ref.range.start) && template.resources.has(ref.target)) names.push(ref.target);
  }
  return names;
}

/** A SAM function with an S3 event: the transform writes its permission. */
function samS3Event(target: ResourceInfo): boolean {
  if (target.type !== "AWS::Serverless::Function") return false;
  const events = mapGet(target.properties?.value, "Events")?.value;
  return (
    events?.kind === "map" &&
    events.entries.some((event) => literalString(mapGet(event.value, "Type")?.value) === "S3")
  );
}
