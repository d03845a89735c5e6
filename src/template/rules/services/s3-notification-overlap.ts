/**
 * E3925 (our own id): two notifications of one bucket that S3 cannot tell apart. S3 refuses a
 * notification configuration in which two destinations share an event type (s3:ObjectCreated:*
 * covers s3:ObjectCreated:Put) for keys that both filters admit ("Configurations overlap.
 * Configurations on the same bucket cannot share a common event type"), so the bucket fails to
 * create or update. Two filters admit common keys when one prefix starts the other and one suffix
 * ends the other (no prefix or suffix admits all). Read from the bucket's Lambda, queue and topic
 * configurations and from the SAM S3 events of the template on the same bucket, which the
 * transform adds to it; a configuration with an event or a filter given through an intrinsic is
 * left out.
 */
import type { Node } from "../../model";
import { listItems, mapGet } from "../../nodes";
import type { Report, Rule } from "../rule";
import { eventPath } from "../sam/events";
import { isString } from "../template-index";
import { bucketNotifications, samS3Events } from "./s3-event-names";
import { literalString, plainMap, referenceTarget } from "./values";

interface Notification {
  what: string;
  /** The Condition of the function whose event it is: functions under different conditions may never meet. */
  condition: string | undefined;
  events: string[];
  prefix: string;
  suffix: string;
  at: Node;
  path: (string | number)[];
}

/** The events and key filter of a configuration when all are written out, else undefined. */
function read(
  events: Node | undefined,
  filter: Node | undefined,
): Omit<Notification, "what" | "at" | "path" | "condition"> | undefined {
  const names: string[] = [];
  for (const item of listItems(events)) {
    if (!isString(item)) return undefined;
    names.push(item.value);
  }
  if (names.length === 0) return undefined;
  let prefix = "";
  let suffix = "";
  if (filter) {
    const rules = mapGet(plainMap(mapGet(plainMap(filter), "S3Key")?.value), "Rules")?.value;
    if (rules?.kind !== "seq") return undefined;
    for (const rule of rules.items) {
      const name = literalString(mapGet(plainMap(rule), "Name")?.value)?.toLowerCase();
      const value = literalString(mapGet(plainMap(rule), "Value")?.value);
      if (value === undefined || (name !== "prefix" && name !== "suffix")) return undefined;
      if (name === "prefix") prefix = value;
      else suffix = value;
    }
  }
  return { events: names, prefix, suffix };
}

function eventsOverlap(a: string, b: string): boolean {
  const covers = (wide: string, narrow: string) =>
    wide.endsWith(":*") && narrow.startsWith(wide.slice(0, -1));
  return a === b || covers(a, b) || covers(b, a);
}

function overlap(a: Notification, b: Notification): string | undefined {
  const prefixes = a.prefix.startsWith(b.prefix) || b.prefix.startsWith(a.prefix);
  const suffixes = a.suffix.endsWith(b.suffix) || b.suffix.endsWith(a.suffix);
  if (!prefixes || !suffixes) return undefined;
  for (const x of a.events)
    for (const y of b.events) if (eventsOverlap(x, y)) return x === y ? x : `${x} and ${y}`;
  return undefined;
}

function describeFilter(n: Notification): string {
  const parts = [n.prefix && `prefix '${n.prefix}'`, n.suffix && `suffix '${n.suffix}'`].filter(Boolean);
  return parts.length > 0 ? parts.join(" and ") : "no filter";
}

export const s3NotificationOverlap: Rule = {
  id: "E3925",
  severity: "error",
  shortDescription: "A bucket's notifications do not overlap",
  description:
    "No two notifications of a bucket (its Lambda, queue and topic configurations, and SAM S3 events on it) share " +
    "an event type for keys both their prefix and suffix filters admit.",
  source: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-filtering.html",
  tags: ["resources", "s3", "serverless"],
  check({ template, report }) {
    const byBucket = new Map<string, Notification[]>();
    const add = (bucket: string, notification: Notification) => {
      const list = byBucket.get(bucket) ?? [];
      list.push(notification);
      byBucket.set(bucket, list);
    };
    for (const { bucket, key, index, configuration, path, conditional } of bucketNotifications(template)) {
      // Fn::If between configurations: each branch is its own bucket.
      if (conditional) continue;
      const found = read(mapGet(configuration, "Event")?.value, mapGet(configuration, "Filter")?.value);
      if (!found) continue;
      const what = `${key.replace("Configurations", "")} notification ${index + 1}`;
      add(bucket.name, { ...found, what, at: configuration, path, condition: undefined });
    }
    for (const { event, properties } of samS3Events(template)) {
      const bucketRef = mapGet(properties, "Bucket")?.value;
      const target = bucketRef && referenceTarget(bucketRef);
      if (!properties || !target || target.attribute || !template.resources.has(target.name)) continue;
      const found = read(mapGet(properties, "Events")?.value, mapGet(properties, "Filter")?.value);
      if (!found) continue;
      const condition = literalString(event.resource.condition?.value);
      const what = `event ${event.entry.key} of ${event.resource.name}`;
      add(target.name, { ...found, what, at: event.entry.value, path: eventPath(event), condition });
    }
    for (const [bucket, notifications] of byBucket) check(bucket, notifications, report);
  },
};

function check(bucket: string, notifications: Notification[], report: Report): void {
  for (let j = 1; j < notifications.length; j++) {
    for (let i = 0; i < j; i++) {
      const [x, y] = [notifications[i].condition, notifications[j].condition];
      if (x !== undefined && y !== undefined && x !== y) continue;
      const shared = overlap(notifications[i], notifications[j]);
      if (!shared) continue;
      const [a, b] = [notifications[i], notifications[j]];
      report(
        b.at,
        `The ${b.what} and the ${a.what} of bucket ${bucket} both take ${shared} for keys both admit (` +
          `${describeFilter(b)}; ${describeFilter(a)}), and S3 refuses overlapping notifications; give them ` +
          "prefixes or suffixes that no key has both of, or one destination",
        { path: b.path },
      );
      break;
    }
  }
}
