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
import {
  arnParts,
  hasDynamicReference,
  literalOrSubText,
  onlyPropertySet,
  propertySets,
  referenceTarget,
  resourcesOfType,
} from "./values";

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
          let name = knownText(item, nameInArn);
          let what = "the destination's name";
          const target = name === undefined ? referenceTarget(item) : undefined;
          const resource = target?.attribute === "Arn" ? template.resources.get(target.name) : undefined;
          if (resource?.type && Object.hasOwn(NAMED_BY, resource.type)) {
            const key = NAMED_BY[resource.type];
            // A name a Fn::If over the whole Properties chooses is not judged.
            const named = mapGet(onlyPropertySet(resource)?.properties, key)?.value;
            name = named === undefined ? undefined : knownText(named, (text) => text);
            what = `the ${key} of ${resource.name}`;
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

/**
 * The text a value gives, written out or made by a Fn::Sub (literalOrSubText), mapped by `pick`:
 * whole, or what comes before its first hole. Text with a dynamic reference is the deploy's.
 */
function knownText(node: Node, pick: (text: string) => string | undefined): Known | undefined {
  const text = literalOrSubText(node);
  if (text === undefined || hasDynamicReference(text)) return undefined;
  const name = pick(text.replace(/\$\{[^}]*\}/g, HOLE));
  if (name === undefined) return undefined;
  const at = name.indexOf(HOLE);
  return at < 0 ? { text: name, whole: true } : { text: name.slice(0, at), whole: false };
}

const HOLE = "\u0000";

/** The destination's name in a log group's, a bucket's or a Firehose stream's ARN (arnParts). */
function nameInArn(arn: string): string | undefined {
  const parts = arnParts(arn);
  if (!parts) return undefined;
  const [service, resource] = [parts[2], parts.slice(5)];
  if (service === "logs" && resource[0] === "log-group") return resource[1];
  if (service === "s3" && resource.length === 1 && !resource[0].includes("/")) return resource[0];
  if (service === "firehose" && resource[0].startsWith("deliverystream/")) return resource[0].slice(15);
  return undefined;
}

/** Whether a name, or the start of one, may begin with the prefix. */
function fitsPrefix(name: Known): boolean {
  return name.text.length >= PREFIX.length || name.whole
    ? name.text.startsWith(PREFIX)
    : PREFIX.startsWith(name.text);
}
