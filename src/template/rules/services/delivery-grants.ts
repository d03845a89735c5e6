/**
 * Who may deliver to a function, queue or topic of the template: the grants that name it (an
 * AWS::Lambda::Permission for the delivering service's principal, a queue policy, a topic policy).
 * Shared by the checks of S3 notifications, log subscription filters, EventBridge rule targets and
 * SNS subscriptions.
 *
 * A grant whose target is not a reference (a parameter, an import, a literal name) may be for any
 * target, so it counts; so does a permission whose Principal is not a literal. A policy's
 * statements are not read: any queue or topic policy on the target counts.
 */
import type { MapNode, Node } from "../../model";
import { mapGet } from "../../nodes";
import { referencesWithin } from "../resources/shared";
import type { ResourceInfo, TemplateIndex } from "../template-index";
import { literalString, presentEntry, propertySets, referenceTarget, resourcesOfType } from "./values";

export type TargetKind = "function" | "queue" | "topic";

const KINDS: Record<string, TargetKind> = {
  "AWS::Lambda::Function": "function",
  "AWS::Serverless::Function": "function",
  "AWS::Lambda::Alias": "function",
  "AWS::Lambda::Version": "function",
  "AWS::SQS::Queue": "queue",
  "AWS::SNS::Topic": "topic",
};

/** The resource types that grant delivery to each kind of target, and the property naming it. */
const GRANTS: Record<TargetKind, Record<string, string>> = {
  function: { "AWS::Lambda::Permission": "FunctionName" },
  queue: { "AWS::SQS::QueuePolicy": "Queues", "AWS::SQS::QueueInlinePolicy": "Queue" },
  topic: { "AWS::SNS::TopicPolicy": "Topics", "AWS::SNS::TopicInlinePolicy": "TopicArn" },
};

export interface Target {
  resource: ResourceInfo;
  kind: TargetKind;
}

/** The function, queue or topic of the template that a value names through Ref or GetAtt. */
export function deliveryTarget(
  template: TemplateIndex,
  value: Node | undefined,
  kinds: readonly TargetKind[],
): Target | undefined {
  const name = value ? referenceTarget(value)?.name : undefined;
  const resource = name === undefined ? undefined : template.resources.get(name);
  const kind = resource?.type ? KINDS[resource.type] : undefined;
  return resource && kind && kinds.includes(kind) ? { resource, kind } : undefined;
}

/** The functions, queues or topics of the template referred to anywhere inside a value of `owner` (a Sub URI, say). */
export function targetsIn(
  template: TemplateIndex,
  owner: string,
  value: Node,
  kinds: readonly TargetKind[],
): Target[] {
  const found: Target[] = [];
  for (const name of referencedIn(template, owner, value)) {
    const resource = template.resources.get(name);
    const kind = resource?.type ? KINDS[resource.type] : undefined;
    if (resource && kind && kinds.includes(kind) && !found.some((target) => target.resource === resource))
      found.push({ resource, kind });
  }
  return found;
}

/** The service principal of `service` ("s3"), global or regional, in any partition. */
export function servicePrincipal(service: string): RegExp {
  return new RegExp(`^${service}(\\.[a-z0-9-]+)?\\.amazonaws\\.com(\\.cn)?$`);
}

/**
 * The resources that may let `service` deliver to the target: for a function, the permissions
 * whose Principal matches (a service name, or a pattern such as /^\*$/ for anyone) and, when
 * `action` is given, whose Action is that action.
 */
export function grantsFor(
  template: TemplateIndex,
  target: Target,
  service: string | RegExp,
  action?: string,
): string[] {
  const principal = typeof service === "string" ? servicePrincipal(service) : service;
  const found: string[] = [];
  for (const [type, key] of Object.entries(GRANTS[target.kind])) {
    for (const grant of resourcesOfType(template, type)) {
      if (
        propertySets(grant).some(({ properties }) =>
          grants(template, grant, properties, key, target, principal, action),
        )
      )
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
  target: Target,
  principal: RegExp,
  action: string | undefined,
): boolean {
  if (grant.type === "AWS::Lambda::Permission") {
    const value = presentEntry(properties, "Principal")?.value;
    const literal = literalString(value);
    if (!value || (literal !== undefined && !principal.test(literal))) return false;
    const granted = literalString(presentEntry(properties, "Action")?.value);
    if (action !== undefined && granted !== undefined && granted.toLowerCase() !== action.toLowerCase())
      return false;
  }
  const named = presentEntry(properties, key)?.value;
  if (!named) return false;
  const targets = referencedIn(template, grant.name, named);
  return targets.length === 0 || targets.includes(target.resource.name);
}

/** The resources referred to inside one value of a resource. */
function referencedIn(template: TemplateIndex, resource: string, value: Node): string[] {
  const names: string[] = [];
  for (const ref of referencesWithin(template, resource, value))
    if (template.resources.has(ref.target)) names.push(ref.target);
  return names;
}

/**
 * A SAM function with an event of one of these types: the transform writes its permission, and
 * its permissions are not in the template to be read.
 */
export function samEventOf(target: Target, types: readonly string[]): boolean {
  if (target.resource.type !== "AWS::Serverless::Function") return false;
  const events = mapGet(target.resource.properties?.value, "Events")?.value;
  return (
    events?.kind === "map" &&
    events.entries.some((event) => types.includes(literalString(mapGet(event.value, "Type")?.value) ?? ""))
  );
}

/** The grant a target lacks, for messages: "AWS::Lambda::Permission that lets s3.amazonaws.com invoke it". */
export function grantWanted(target: Target, service: string): string {
  const principal = `${service}.amazonaws.com`;
  if (target.kind === "function") return `AWS::Lambda::Permission that lets ${principal} invoke it`;
  if (target.kind === "queue") return `queue policy that lets ${principal} send messages to it`;
  return `topic policy that lets ${principal} publish to it`;
}

/** How to add the grant, for messages. */
export function grantFix(target: Target, service: string): string {
  const principal = `${service}.amazonaws.com`;
  const name = target.resource.name;
  if (target.kind === "function") {
    // A bucket's ARN names no account: SourceAccount keeps other accounts' buckets out.
    const account = service === "s3" ? " and SourceAccount !Ref AWS::AccountId" : "";
    return (
      `add an AWS::Lambda::Permission with FunctionName !GetAtt ${name}.Arn, Action lambda:InvokeFunction, ` +
      `Principal ${principal}${account}`
    );
  }
  if (target.kind === "queue")
    return `add an AWS::SQS::QueuePolicy on !Ref ${name} that allows ${principal} sqs:SendMessage`;
  return `add an AWS::SNS::TopicPolicy on !Ref ${name} that allows ${principal} sns:Publish`;
}
