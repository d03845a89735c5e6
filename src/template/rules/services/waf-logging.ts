/**
 * E3955 (our own id): a WAFv2 logging configuration whose destination's name does not start with
 * `aws-waf-logs-`. "The name that you give the destination must start with aws-waf-logs-" (the
 * LoggingConfiguration API reference, for a log group, a bucket and a Firehose stream alike), and
 * PutLoggingConfiguration refuses another, so the stack fails. Round 44 found a log group named
 * `/aws/wafv2/fail2ban`.
 *
 * The name is read where the template makes it certain: an ARN written out or made by a Fn::Sub,
 * or the LogGroupName, BucketName or DeliveryStreamName of the template's resource a GetAtt names;
 * text a parameter or a function fills in is judged by what is written before it.
 */
import type { Node } from "../../model";
import { listItems, mapGet } from "../../nodes";
import type { Rule } from "../rule";
import { literalString, propertySets, referenceTarget, resourcesOfType } from "./values";

const LOGGING = "AWS::WAFv2::LoggingConfiguration";
const PREFIX = "aws-waf-logs-";

/** The name property of each destination type. */
const NAMED_BY: Readonly<Record<string, string>> = {
  "AWS::Logs::LogGroup": "LogGroupName",
  "AWS::S3::Bucket": "BucketName",
  "AWS::KinesisFirehose::DeliveryStream": "DeliveryStreamName",
};

export const wafLogDestinationName: Rule = {
  id: "E3955",
  severity: "error",
  shortDescription: "WAF logs go to a destination whose name starts with aws-waf-logs-",
  description:
    "A WAFv2 logging configuration's log group, bucket or Firehose stream must be named aws-waf-logs-...; WAF " +
    "refuses any other destination.",
  source: "https://docs.aws.amazon.com/waf/latest/APIReference/API_LoggingConfiguration.html",
  tags: ["resources", "waf", "logs"],
  resourceTypes: [LOGGING],
  check({ template, report }) {
    for (const logging of resourcesOfType(template, LOGGING)) {
      for (const { properties } of propertySets(logging)) {
        for (const item of listItems(mapGet(properties, "LogDestinationConfigs")?.value)) {
          let name = textBeforeHoles(item, (text) => nameInArn(text));
          let what = "the destination's name";
          const target = name === undefined ? referenceTarget(item) : undefined;
          const resource = target?.attribute === "Arn" ? template.resources.get(target.name) : undefined;
          if (resource?.type && Object.hasOwn(NAMED_BY, resource.type)) {
            const key = NAMED_BY[resource.type];
            for (const set of propertySets(resource)) {
              const named = mapGet(set.properties, key)?.value;
              name = named === undefined ? undefined : textBeforeHoles(named, (text) => text);
              what = `the ${key} of ${resource.name}`;
              break;
            }
          }
          if (name === undefined || fitsPrefix(name)) continue;
          report(
            item,
            `WAF logs only to a destination whose name starts with ${PREFIX}, and ${what} is ` +
              `'${name.text}${name.whole ? "" : "..."}': WAF refuses the logging configuration, so the stack fails; ` +
              `rename the destination ${PREFIX}...`,
          );
        }
      }
    }
  },
};

interface Known {
  /** The text written out: the whole name, or what comes before the first hole. */
  text: string;
  whole: boolean;
}

/** The text a value gives, written out or before a Fn::Sub's first hole, mapped by `pick`. */
function textBeforeHoles(node: Node, pick: (text: string) => string | undefined): Known | undefined {
  const literal = literalString(node);
  if (literal !== undefined) {
    const text = pick(literal);
    return text === undefined ? undefined : { text, whole: true };
  }
  if (node.kind !== "map" || node.entries.length !== 1 || node.entries[0].key !== "Fn::Sub") return undefined;
  const sub = literalString(node.entries[0].value);
  if (sub === undefined) return undefined;
  const hole = sub.indexOf("${");
  if (hole < 0) {
    const text = pick(sub);
    return text === undefined ? undefined : { text, whole: true };
  }
  // The pseudo parameters an ARN's fields take stand in as text; other holes stay holes.
  const name = pick(sub.replace(/\$\{AWS::(?:Partition|Region|AccountId)\}/g, "x"));
  if (name === undefined) return undefined;
  const at = name.indexOf("${");
  return at < 0 ? { text: name, whole: true } : { text: name.slice(0, at), whole: false };
}

/** The destination's name in a log group's, a bucket's or a Firehose stream's ARN. */
function nameInArn(arn: string): string | undefined {
  const group = /^arn:[^:]*:logs:[^:]*:[^:]*:log-group:([^:]+)(:\*)?$/.exec(arn);
  if (group) return group[1];
  const bucket = /^arn:[^:]*:s3:::([^/]+)$/.exec(arn);
  if (bucket) return bucket[1];
  const stream = /^arn:[^:]*:firehose:[^:]*:[^:]*:deliverystream\/(.+)$/.exec(arn);
  return stream ? stream[1] : undefined;
}

/** Whether a name, or the start of one, may begin with the prefix. */
function fitsPrefix(name: Known): boolean {
  return name.text.length >= PREFIX.length || name.whole
    ? name.text.startsWith(PREFIX)
    : PREFIX.startsWith(name.text);
}
