/**
 * What a role of the template is allowed, when all of it can be read: its managed policies are AWS
 * managed ones (a customer managed policy, or one given through a parameter, may grant anything),
 * its inline policies are written out, and no AWS::IAM::Policy, ManagedPolicy or RolePolicy of the
 * template is attached to it. Which AWS managed policies may grant an action is the caller's
 * pattern over their names: the list is not kept here, and a name that may grant counts as
 * granting.
 */
import type { Node } from "../../model";
import { mapGet } from "../../nodes";
import { referencesWithin } from "../resources/shared";
import {
  literalString,
  presentEntry,
  propertySets,
  referenceTarget,
  resourcesOfType,
} from "../services/values";
import { isString, type ResourceInfo, type TemplateIndex } from "../template-index";
import { staticDocument } from "./documents";
import { allowsAction, readableStatements } from "./policy-document";

const ATTACHED_POLICIES: Record<string, string> = {
  "AWS::IAM::Policy": "Roles",
  "AWS::IAM::ManagedPolicy": "Roles",
  "AWS::IAM::RolePolicy": "RoleName",
};

/** The role of the template a value names (`!GetAtt Role.Arn`, `!Ref Role`), when it is an AWS::IAM::Role. */
export function templateRole(template: TemplateIndex, value: Node | undefined): ResourceInfo | undefined {
  const name = value ? referenceTarget(value)?.name : undefined;
  const role = name === undefined ? undefined : template.resources.get(name);
  return role?.type === "AWS::IAM::Role" ? role : undefined;
}

/**
 * Whether everything the role is given can be read, and none of it allows `action`; `managed`
 * matches the names of the AWS managed policies that may allow it. Worked out once per template,
 * role and action: several functions share a role, and three rules ask.
 */
export function roleLacks(
  template: TemplateIndex,
  role: ResourceInfo,
  action: string,
  managed: RegExp,
): boolean {
  let answers = lacking.get(template);
  if (!answers) {
    answers = new Map();
    lacking.set(template, answers);
  }
  const key = `${role.name}\u0000${action}\u0000${managed.source}`;
  let answer = answers.get(key);
  if (answer === undefined) {
    answer = readRoleLacks(template, role, action, managed);
    answers.set(key, answer);
  }
  return answer;
}

const lacking = new WeakMap<TemplateIndex, Map<string, boolean>>();

function readRoleLacks(
  template: TemplateIndex,
  role: ResourceInfo,
  action: string,
  managed: RegExp,
): boolean {
  if (attachedElsewhere(template, role.name)) return false;
  return propertySets(role).every(({ properties }) => {
    const arns = presentEntry(properties, "ManagedPolicyArns")?.value;
    if (arns) {
      if (arns.kind !== "seq") return false;
      for (const item of arns.items) {
        const arn = policyArnText(item);
        if (arn === undefined || !arn.includes(":iam::aws:policy/") || managed.test(arn)) return false;
      }
    }
    const policies = presentEntry(properties, "Policies")?.value;
    if (!policies) return true;
    if (policies.kind !== "seq") return false;
    return policies.items.every((policy) => {
      const statements = readableStatements(staticDocument(mapGet(policy, "PolicyDocument")));
      return statements?.every((item) => allowsAction(item, action) === "no") ?? false;
    });
  });
}

/** A managed policy ARN's text: a literal, or a Fn::Sub string (its variables left as written). */
function policyArnText(node: Node): string | undefined {
  const literal = literalString(node);
  if (literal !== undefined) return literal;
  if (node.kind !== "map" || node.entries.length !== 1 || node.entries[0].key !== "Fn::Sub") return undefined;
  const arg = node.entries[0].value;
  return isString(arg) ? arg.value : undefined;
}

/** Whether a policy resource of the template may attach to the role (it names it, or names roles we cannot read). */
function attachedElsewhere(template: TemplateIndex, role: string): boolean {
  for (const [type, key] of Object.entries(ATTACHED_POLICIES)) {
    for (const policy of resourcesOfType(template, type)) {
      for (const { properties } of propertySets(policy)) {
        const roles = presentEntry(properties, key)?.value;
        if (!roles) continue;
        const refs = referencesWithin(template, policy.name, roles);
        if (refs.length === 0 || refs.some((ref) => ref.target === role)) return true;
      }
    }
  }
  return false;
}
