/**
 * W3694: an SNS subscription's Endpoint fits its Protocol: an SQS queue ARN for sqs, a Lambda
 * function ARN for lambda, a Firehose delivery stream ARN for firehose, an http:// or https:// URL
 * for http and https, an email address for email and email-json. SNS refuses the subscription
 * otherwise. cfn-lint checks sqs and lambda; the others are as the Subscribe API documents them.
 *
 * An Endpoint is judged when it is a literal, a Fn::Sub whose ARN names its service, or a GetAtt
 * of a resource of the template (a queue's or a function's Arn); a Ref is E1041's.
 */
import type { Node } from "../../model";
import type { Rule } from "../rule";
import { intrinsicName, isString, type TemplateIndex } from "../template-index";
import {
  arnParts,
  literalOrSubText,
  literalString,
  presentEntry,
  propertySets,
  referenceTarget,
  resourcesOfType,
} from "./values";

interface Expected {
  /** What the endpoint must be, for the message. */
  what: string;
  /** The service an ARN endpoint names. */
  service?: string;
  /** The resource types whose Arn attribute fits. */
  types?: string[];
  /** A literal endpoint that fits. */
  literal: RegExp;
}

const ARN = (service: string, rest: string) =>
  new RegExp(`^arn:aws[a-zA-Z-]*:${service}:[a-z0-9-]+:\\d{12}:${rest}`);

const PROTOCOLS: Record<string, Expected> = {
  sqs: { what: "an SQS queue ARN", service: "sqs", types: ["AWS::SQS::Queue"], literal: ARN("sqs", ".+") },
  lambda: {
    what: "a Lambda function ARN",
    service: "lambda",
    types: ["AWS::Lambda::Function", "AWS::Serverless::Function"],
    literal: ARN("lambda", "function:.+"),
  },
  firehose: {
    what: "a Firehose delivery stream ARN",
    service: "firehose",
    types: ["AWS::KinesisFirehose::DeliveryStream"],
    literal: ARN("firehose", "deliverystream/.+"),
  },
  http: { what: "an http:// URL", literal: /^http:\/\//i },
  https: { what: "an https:// URL", literal: /^https:\/\//i },
  email: { what: "an email address", literal: /^[^@\s]+@[^@\s]+$/ },
  "email-json": { what: "an email address", literal: /^[^@\s]+@[^@\s]+$/ },
};

export const snsSubscriptionEndpoint: Rule = {
  id: "W3694",
  severity: "warning",
  shortDescription: "An SNS subscription's Endpoint fits its Protocol",
  description:
    "The Endpoint of an SNS subscription is an SQS queue ARN for sqs, a Lambda function ARN for lambda, a " +
    "delivery stream ARN for firehose, a URL for http and https, and an email address for email.",
  source: "https://docs.aws.amazon.com/sns/latest/api/API_Subscribe.html",
  tags: ["resources", "sns"],
  resourceTypes: ["AWS::SNS::Subscription"],
  check({ template, report }) {
    for (const resource of resourcesOfType(template, "AWS::SNS::Subscription")) {
      for (const set of propertySets(resource)) {
        const protocol = literalString(presentEntry(set.properties, "Protocol")?.value);
        const expected = protocol === undefined ? undefined : PROTOCOLS[protocol];
        const endpoint = presentEntry(set.properties, "Endpoint")?.value;
        if (!expected || !endpoint || fits(template, endpoint, expected)) continue;
        report(
          endpoint,
          `The Endpoint of a subscription with Protocol ${protocol} must be ${expected.what}`,
          {
            path: ["Resources", resource.name, "Properties", "Endpoint"],
          },
        );
      }
    }
  },
};

/** Whether the endpoint fits, or cannot be judged. */
function fits(template: TemplateIndex, endpoint: Node, expected: Expected): boolean {
  if (isString(endpoint)) return expected.literal.test(endpoint.value);
  const fn = intrinsicName(endpoint);
  if (fn === "Fn::Sub") {
    const text = literalOrSubText(endpoint);
    const service = text === undefined ? undefined : arnParts(text)?.[2];
    return (
      !expected.service || service === undefined || service.includes("\u0000") || service === expected.service
    );
  }
  if (fn === "Fn::GetAtt") {
    const target = referenceTarget(endpoint);
    const type = target ? template.resources.get(target.name)?.type : undefined;
    if (!target || !type || target.attribute !== "Arn" || !expected.types) return true;
    return expected.types.includes(type) || !KNOWN_ARN_TYPES.has(type);
  }
  return true;
}

/** Types whose Arn is known not to be a queue, function or delivery stream unless listed above. */
const KNOWN_ARN_TYPES = new Set([
  "AWS::SQS::Queue",
  "AWS::Lambda::Function",
  "AWS::Serverless::Function",
  "AWS::KinesisFirehose::DeliveryStream",
  "AWS::SNS::Topic",
  "AWS::Kinesis::Stream",
  "AWS::DynamoDB::Table",
  "AWS::StepFunctions::StateMachine",
  "AWS::Serverless::StateMachine",
  "AWS::Events::EventBus",
  "AWS::Logs::LogGroup",
  "AWS::S3::Bucket",
  "AWS::IAM::Role",
]);
