/**
 * W3911 (a check cfn-lint does not have): a function whose role, a role of the template, is not
 * allowed what Lambda checks when it creates or updates the function: xray:PutTraceSegments for
 * active tracing (TracingConfig Mode Active, or a SAM function's Tracing: Active, its own or from
 * Globals.Function), and sqs:SendMessage or sns:Publish for a dead-letter queue or topic of the
 * template (DeadLetterConfig, or a SAM function's DeadLetterQueue). Without them the traces or the
 * failed events are lost, and Lambda has refused such a function at create or update ("The
 * provided execution role does not have permissions to call PutTraceSegments on XRAY",
 * InvalidParameterValueException: serverless#6931, coinbase/fenrir#1, 2017 to 2020); whether it
 * still checks every time is not documented, so this is a warning. A SAM function without a Role
 * is left alone: the transform gives the role it makes those permissions.
 *
 * Judged only when everything the role is given can be read (./role-grants.ts): a policy resource
 * of the template attached to it, or a customer managed policy, may grant the action; a role a
 * stack update keeps may also have been given it from outside the template.
 */
import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import type { Rule } from "../rule";
import { FUNCTION, SAM_FUNCTION } from "../services/lambda";
import {
  inheritedProperty,
  literalString,
  type PropertySet,
  presentEntry,
  propertySets,
  referenceTarget,
  resourcesOfType,
} from "../services/values";
import type { TemplateIndex } from "../template-index";
import { roleLacks, templateRole } from "./role-grants";

interface Need {
  /** Where the function asks for it, to report at. */
  at: Node;
  what: string;
  action: string;
  /** What goes wrong when the function runs without it. */
  lost: string;
  /** Names of AWS managed policies that may allow the action. */
  managed: RegExp;
  fix: string;
}

const TRACING: Omit<Need, "at"> = {
  what: "active tracing",
  action: "xray:PutTraceSegments",
  lost: "its traces are refused",
  managed: /X-?Ray|Trac|CloudWatch|Insights|FullAccess|PowerUser|Admin/i,
  fix:
    "add arn:${AWS::Partition}:iam::aws:policy/AWSXRayDaemonWriteAccess to the role's ManagedPolicyArns, or " +
    "allow xray:PutTraceSegments and xray:PutTelemetryRecords on * in its policies",
};

const DEAD_LETTER: Record<string, Omit<Need, "at" | "what" | "lost">> = {
  "AWS::SQS::Queue": {
    action: "sqs:SendMessage",
    managed: /SQS|FullAccess|PowerUser|Admin/i,
    fix: "allow sqs:SendMessage on the queue in the role's policies",
  },
  "AWS::SNS::Topic": {
    action: "sns:Publish",
    managed: /SNS|FullAccess|PowerUser|Admin/i,
    fix: "allow sns:Publish on the topic in the role's policies",
  },
};

export const functionCreateRole: Rule = {
  id: "W3911",
  severity: "warning",
  shortDescription: "A function's role allows writing its traces and sending to its dead-letter target",
  description:
    "A function with active tracing needs a role allowed xray:PutTraceSegments, and one with a dead-letter " +
    "queue or topic a role allowed sqs:SendMessage or sns:Publish: otherwise its traces or failed events are " +
    "lost, and Lambda has refused to create or update such a function.",
  source: "https://docs.aws.amazon.com/lambda/latest/dg/services-xray.html",
  tags: ["resources", "lambda", "iam", "serverless"],
  resourceTypes: [FUNCTION, SAM_FUNCTION],
  check({ template, report }) {
    for (const fn of resourcesOfType(template, FUNCTION, SAM_FUNCTION)) {
      for (const set of propertySets(fn)) {
        const role = templateRole(template, presentEntry(set.properties, "Role")?.value);
        if (!role) continue;
        for (const need of needs(template, set)) {
          if (!roleLacks(template, role, need.action, need.managed)) continue;
          report(
            need.at,
            `Function '${fn.name}' has ${need.what}, and its role '${role.name}' is not allowed ${need.action}: ` +
              `${need.lost}, and Lambda has refused to create or update such a function ("The provided execution ` +
              `role does not have permissions"); ${need.fix}`,
          );
        }
      }
    }
  },
};

/** What the function's settings need its role to be allowed. */
function needs(template: TemplateIndex, set: PropertySet): Need[] {
  const found: Need[] = [];
  const sam = set.resource.type === SAM_FUNCTION;
  const tracing = sam
    ? inheritedProperty(template, set, "Tracing")?.entry.value
    : mapGet(presentEntry(set.properties, "TracingConfig")?.value, "Mode")?.value;
  if (tracing && literalString(tracing) === "Active") found.push({ at: tracing, ...TRACING });
  const letter = sam
    ? inheritedProperty(template, set, "DeadLetterQueue")?.entry.value
    : presentEntry(set.properties, "DeadLetterConfig")?.value;
  const target = mapGet(letter, "TargetArn")?.value;
  const named = target ? referenceTarget(target) : undefined;
  const resource = named ? template.resources.get(named.name) : undefined;
  const dead =
    resource?.type && Object.hasOwn(DEAD_LETTER, resource.type) ? DEAD_LETTER[resource.type] : undefined;
  // A queue's ARN is its Arn attribute, a topic's its Ref.
  const arnOf =
    resource?.type === "AWS::SQS::Queue" ? named?.attribute === "Arn" : named?.attribute === undefined;
  if (target && dead && arnOf) {
    const kind = resource?.type === "AWS::SQS::Queue" ? "queue" : "topic";
    found.push({
      at: target,
      what: `dead-letter ${kind} '${resource?.name}'`,
      lost: `the events it fails to process cannot reach the ${kind}`,
      ...dead,
    });
  }
  return found;
}
