/**
 * E3912 (a check cfn-lint does not have): the event names a bucket notification subscribes to
 * exist. S3 refuses a notification configuration with an unknown event ("Unsupported Event type"),
 * and the bucket fails to create or update; a typo such as `s3:ObjectCreate:*` is the usual cause.
 * Read from a bucket's Lambda, queue and topic configurations and from SAM S3 events; only names
 * written out are judged. The list is the S3 API's Event type (Amazon S3 API Reference, the Event
 * values of NotificationConfiguration); a test holds it equal to the S3 client's. The walks over
 * bucket notifications and SAM S3 events that other S3 rules share are here too.
 */
import type { MapNode, Node } from "../../model";
import { listItems, mapGet } from "../../nodes";
import { didYouMean } from "../../suggest";
import type { Rule } from "../rule";
import { eventPath, eventProperties, eventType, type SamEventEntry, samEvents } from "../sam/events";
import type { ResourceInfo, TemplateIndex } from "../template-index";
import { listMappings, literalString, plainMap, presentEntry, propertySets, resourcesOfType } from "./values";

export const S3_EVENTS: readonly string[] = [
  "s3:IntelligentTiering",
  "s3:LifecycleExpiration:*",
  "s3:LifecycleExpiration:Delete",
  "s3:LifecycleExpiration:DeleteMarkerCreated",
  "s3:LifecycleTransition",
  "s3:ObjectAcl:Put",
  "s3:ObjectAnnotation:*",
  "s3:ObjectAnnotation:Delete",
  "s3:ObjectAnnotation:Put",
  "s3:ObjectCreated:*",
  "s3:ObjectCreated:CompleteMultipartUpload",
  "s3:ObjectCreated:Copy",
  "s3:ObjectCreated:Post",
  "s3:ObjectCreated:Put",
  "s3:ObjectRemoved:*",
  "s3:ObjectRemoved:Delete",
  "s3:ObjectRemoved:DeleteMarkerCreated",
  "s3:ObjectRestore:*",
  "s3:ObjectRestore:Completed",
  "s3:ObjectRestore:Delete",
  "s3:ObjectRestore:Post",
  "s3:ObjectRetention:Put",
  "s3:ObjectTagging:*",
  "s3:ObjectTagging:Delete",
  "s3:ObjectTagging:Put",
  "s3:ReducedRedundancyLostObject",
  "s3:Replication:*",
  "s3:Replication:OperationFailedReplication",
  "s3:Replication:OperationMissedThreshold",
  "s3:Replication:OperationNotTracked",
  "s3:Replication:OperationReplicatedAfterThreshold",
];

const KNOWN_EVENTS: ReadonlySet<string> = new Set(S3_EVENTS);

const CONFIGURATIONS = ["LambdaConfigurations", "QueueConfigurations", "TopicConfigurations"];

/** A notification configuration of a bucket of the template, written out as a mapping. */
export interface BucketNotification {
  bucket: ResourceInfo;
  /** LambdaConfigurations, QueueConfigurations or TopicConfigurations. */
  key: string;
  index: number;
  configuration: MapNode;
  path: (string | number)[];
  /**
   * True when a Fn::If chooses it (the bucket's Properties, the list or the item), so that it is one
   * branch of several.
   */
  conditional: boolean;
}

const notificationCache = new WeakMap<TemplateIndex, BucketNotification[]>();

/**
 * Every notification configuration of the template's buckets, found once (E3912, E3925, E3936,
 * E3901 and W3901 read them). A configuration in both branches of a Fn::If as one node (a YAML
 * alias) is found once.
 */
export function bucketNotifications(template: TemplateIndex): BucketNotification[] {
  const cached = notificationCache.get(template);
  if (cached) return cached;
  const found: BucketNotification[] = [];
  notificationCache.set(template, found);
  const seen = new Set<MapNode>();
  for (const bucket of resourcesOfType(template, "AWS::S3::Bucket")) {
    const sets = propertySets(bucket);
    for (const { properties } of sets) {
      const notifications = plainMap(presentEntry(properties, "NotificationConfiguration")?.value);
      for (const key of CONFIGURATIONS) {
        for (const item of listMappings(mapGet(notifications, key)?.value).items) {
          if (seen.has(item.node)) continue;
          seen.add(item.node);
          const path = ["Resources", bucket.name, "Properties", "NotificationConfiguration", key, item.index];
          found.push({
            bucket,
            key,
            index: item.index,
            configuration: item.node,
            path,
            conditional: sets.length > 1 || item.conditional,
          });
        }
      }
    }
  }
  return found;
}

/** The SAM S3 events of the template, with their Properties when written out as a mapping. */
export function samS3Events(
  template: TemplateIndex,
): { event: SamEventEntry; properties: MapNode | undefined }[] {
  return samEvents(template)
    .filter((event) => eventType(event) === "S3")
    .map((event) => ({ event, properties: plainMap(eventProperties(event)) }));
}

export const s3EventNames: Rule = {
  id: "E3912",
  severity: "error",
  shortDescription: "S3 notification event names exist",
  description:
    "Each Event of a bucket's Lambda, queue and topic notifications, and each of a SAM S3 event's Events, is an S3 " +
    "event type such as s3:ObjectCreated:* or s3:ObjectRemoved:Delete.",
  source:
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-event-types-and-destinations.html",
  tags: ["resources", "s3"],
  check({ template, report }) {
    const judge = (node: Node | undefined, path: (string | number)[]) => {
      const event = literalString(node);
      if (!node || event === undefined || KNOWN_EVENTS.has(event)) return;
      report(
        node,
        `'${event}' is not an S3 event type${didYouMean(event, S3_EVENTS)}, and S3 refuses the notification ` +
          "configuration; use one such as s3:ObjectCreated:* or s3:ObjectRemoved:*",
        { path },
      );
    };
    for (const { configuration, path } of bucketNotifications(template)) {
      judge(mapGet(configuration, "Event")?.value, [...path, "Event"]);
    }
    for (const { event, properties } of samS3Events(template)) {
      const events = mapGet(properties, "Events")?.value;
      for (const item of listItems(events)) judge(item, eventPath(event, "Properties", "Events"));
    }
  },
};
